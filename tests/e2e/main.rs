//! End-to-end tests of the built app in real browsers.
//!
//! Serves a copy of the Trunk output (E2E_DIST, default `<workspace>/dist`)
//! with the shipped nginx configuration (deploy/nginx/) on 127.0.0.1, then
//! drives Chromium, Firefox and WebKit through WebDriver, engines in
//! parallel, tests in sequence within an engine.
//!
//! ```text
//! cargo test -p e2e --test e2e [-- FILTER]
//! ```
//!
//! Environment:
//! - `E2E_ENGINES=chromium,firefox,webkit` (default all) picks engines.
//! - `E2E_DIST=path` serves another build.
//! - `E2E_SCREENSHOTS=dir` adds the `screenshots` test, saving
//!   `<dir>/<engine>-<width>.png` at 320, 768 and 1440 px wide.
//! - `E2E_FORM_CONFIG=path` is served as /form-config.json (otherwise one
//!   pointing at the in-process form receiver, see harness/receiver.rs).
//! - `E2E_TEST_TIMEOUT=seconds` per test (default 60).
//! - `E2E_KEEP=1` keeps the scratch directory (served copy, nginx config,
//!   logs) and prints its path.
//! - `E2E_NGINX`, `E2E_CHROMEDRIVER`, `E2E_CHROMIUM`, `E2E_GECKODRIVER`,
//!   `E2E_FIREFOX`, `E2E_XVFB_RUN`, `E2E_WEBKITDRIVER`, `E2E_MINIBROWSER`
//!   override binary locations.
//!
//! FILTER (the first argument not starting with `-`) keeps the tests whose
//! `<engine>::<area>::<name>` contains it; `--list` prints the names.
//! Output ends with `e2e: N passed, N failed`; the exit code is 1 if any
//! test failed (a missing browser or driver fails that engine's tests).

mod harness;
mod tests;

use std::path::Path;
use std::process::ExitCode;
use std::time::Duration;

use harness::runner::{run_all, Settings};
use harness::{cli, report};

fn main() -> ExitCode {
    watch_ctrl_c();
    let args: Vec<String> = std::env::args().skip(1).collect();
    let filter = cli::filter_arg(&args);
    let engines = match cli::engines_from_env() {
        Ok(e) => e,
        Err(e) => return fail_early(&e),
    };
    let selected = cli::select(&tests::all(), &engines, filter.as_deref());

    if args.iter().any(|a| a == "--list") {
        for (engine, tests) in &selected {
            for t in tests {
                println!("{}::{}: test", engine.name(), t.name);
            }
        }
        return ExitCode::SUCCESS;
    }
    let count: usize = selected.iter().map(|(_, t)| t.len()).sum();
    if count == 0 {
        return fail_early(&format!("no test matches {:?}", filter.unwrap_or_default()));
    }

    let workspace = Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
    let dist = tests::built_dist();
    let run_dir = std::env::temp_dir().join(format!("e2e-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&run_dir);
    if let Err(e) = std::fs::create_dir_all(&run_dir) {
        return fail_early(&format!("creating {}: {e}", run_dir.display()));
    }
    harness::process::register_scratch(&run_dir);
    let timeout = std::env::var("E2E_TEST_TIMEOUT")
        .ok()
        .and_then(|s| s.parse().ok())
        .map(Duration::from_secs)
        .unwrap_or(Duration::from_secs(60));

    let plan: Vec<String> = selected
        .iter()
        .map(|(e, t)| format!("{} × {}", t.len(), e.name()))
        .collect();
    println!("\nrunning {count} tests ({})", plan.join(", "));
    // The slow lane serves the copy of dist nginx serves (`run_dir/www`).
    let slow_lane = match harness::delay::start(&run_dir.join("www")) {
        Ok(lines) => lines,
        Err(e) => return fail_early(&e),
    };
    let site = match harness::servers::start_site(
        &workspace,
        &dist,
        &run_dir,
        harness::servers::SiteOptions {
            test_lines: Some(slow_lane),
            generated: Some(tests::built_generated()),
            ..Default::default()
        },
    ) {
        Ok(site) => site,
        Err(e) => {
            println!("\ncould not serve the site: {e}");
            cleanup(&run_dir);
            println!("\ne2e: 0 passed, {count} failed");
            return ExitCode::FAILURE;
        }
    };
    if let Err(e) = harness::receiver::start(&run_dir, &site.root) {
        println!("\ncould not start the form receiver: {e}");
        drop(site);
        cleanup(&run_dir);
        println!("\ne2e: 0 passed, {count} failed");
        return ExitCode::FAILURE;
    }
    let settings = Settings {
        base_url: site.base_url.clone(),
        port: site.port,
        root: site.root.clone(),
        run_dir: run_dir.clone(),
        timeout,
    };
    let reports = run_all(&selected, &settings);
    if harness::process::is_interrupted() {
        drop(site);
        cleanup(&run_dir);
        return ExitCode::from(130);
    }
    drop(site);
    cleanup(&run_dir);
    if report::summarize(&reports) {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    }
}

/// Removes the scratch directory unless E2E_KEEP is set.
fn cleanup(run_dir: &Path) {
    if std::env::var_os("E2E_KEEP").is_some() {
        println!("scratch directory kept: {}", run_dir.display());
    } else {
        let _ = std::fs::remove_dir_all(run_dir);
    }
}

/// Fails before any test could run (bad configuration).
fn fail_early(message: &str) -> ExitCode {
    println!("e2e: {message}");
    println!("\ne2e: 0 passed, 1 failed");
    ExitCode::FAILURE
}

/// On Ctrl-C, stop nginx, the drivers and the browsers before exiting.
fn watch_ctrl_c() {
    std::thread::spawn(|| {
        let Ok(runtime) = tokio::runtime::Builder::new_current_thread()
            .enable_all()
            .build()
        else {
            return;
        };
        runtime.block_on(async {
            if tokio::signal::ctrl_c().await.is_ok() {
                println!("\ninterrupted: stopping browsers, drivers and nginx");
                harness::process::interrupted();
                std::process::exit(130);
            }
        });
    });
}
