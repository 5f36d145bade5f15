//! Serves a build the way production does: a copy of dist behind the
//! shipped nginx configuration (deploy/nginx/), on 127.0.0.1.
//!
//! ```text
//! cargo run -p e2e --bin serve -- [--dist DIR] [--port PORT] [--generated DIR]
//! ```
//!
//! `--generated DIR` serves with `DIR/deploy/nginx/asana-article.conf`, the
//! configuration `deploy-config --settings … --out DIR` wrote for other
//! header settings (`.ci/serve`'s, which allow its local form backend).
//!
//! `.ci/serve` builds the app and runs this; `.ci/bench` serves the build
//! and the static floor page with it. nginx replaces this process, so
//! Ctrl-C stops it directly.

use std::os::unix::process::CommandExt;

use e2e::servers;
use std::path::PathBuf;
use std::process::ExitCode;

fn main() -> ExitCode {
    match run() {
        Ok(never) => match never {},
        Err(message) => {
            eprintln!("serve: {message}");
            ExitCode::FAILURE
        }
    }
}

fn run() -> Result<std::convert::Infallible, String> {
    let workspace = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../..");
    let mut dist = workspace.join("dist");
    let mut port = 8080_u16;
    let mut generated = None;
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        let mut value = |name: &str| args.next().ok_or(format!("{name} needs a value"));
        match arg.as_str() {
            "--dist" => dist = PathBuf::from(value("--dist")?),
            "--generated" => generated = Some(PathBuf::from(value("--generated")?)),
            "--port" => {
                let raw = value("--port")?;
                port = raw
                    .parse()
                    .ok()
                    .filter(|p| *p > 0)
                    .ok_or(format!("--port {raw:?} is not a port number (1-65535)"))?;
            }
            other => {
                return Err(format!(
                    "unknown argument {other:?} (use --dist DIR, --port PORT, --generated DIR)"
                ))
            }
        }
    }
    let run_dir = std::env::temp_dir().join(format!("asana-article-serve-{port}"));
    if run_dir.exists() {
        std::fs::remove_dir_all(&run_dir)
            .map_err(|e| format!("clearing {}: {e}", run_dir.display()))?;
    }
    let options = servers::SiteOptions {
        port: Some(port),
        as_built: true,
        test_lines: None,
        generated,
    };
    let mut site = servers::prepare_site(&workspace, &dist, &run_dir, options)?;
    println!(
        "serve: http://127.0.0.1:{}/ (nginx, shipped config; files copied to {}; Ctrl-C stops)",
        site.port,
        site.root.display()
    );
    Err(format!("cannot start nginx: {}", site.command.exec()))
}
