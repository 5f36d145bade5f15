//! Runs the selected tests: engines in parallel (one OS thread and one
//! WebDriver session each), tests one after another within an engine, each
//! from a reset page and under a timeout.

use std::io::Write;
use std::path::PathBuf;
use std::time::{Duration, Instant};

use super::driver::{start_driver, Driver, Engine};
use super::page::Page;
use super::Test;

/// How the message of a test that failed without running starts.
pub const NOT_RUN: &str = "not run: ";

/// Where and how to run.
#[derive(Clone)]
pub struct Settings {
    /// The site's base URL (`http://127.0.0.1:<port>`).
    pub base_url: String,
    /// The site's port.
    pub port: u16,
    /// The served copy of dist.
    pub root: PathBuf,
    /// Scratch directory for profiles and driver logs.
    pub run_dir: PathBuf,
    /// Per-test time limit.
    pub timeout: Duration,
}

/// The result of one test in one engine.
pub struct Outcome {
    /// The engine it ran in.
    pub engine: Engine,
    /// The test's name.
    pub name: String,
    /// `Err` holds the failure message.
    pub result: Result<(), String>,
}

/// One engine's results and timings.
pub struct EngineReport {
    /// The engine.
    pub engine: Engine,
    /// One outcome per selected test.
    pub outcomes: Vec<Outcome>,
    /// Why the engine could not run at all, if so.
    pub setup_error: Option<String>,
    /// Time to start the driver and open the session.
    pub startup: Duration,
    /// Total wall time for the engine.
    pub total: Duration,
}

/// Runs `tests` in `engine` on the current thread (give each engine its own).
fn run_engine(engine: Engine, tests: &[Test], settings: &Settings) -> EngineReport {
    let start = Instant::now();
    let runtime = match tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
    {
        Ok(rt) => rt,
        Err(e) => {
            return not_run(
                engine,
                tests,
                format!("cannot start a tokio runtime: {e}"),
                start,
            )
        }
    };
    runtime.block_on(async {
        let driver = match start_driver(engine, &settings.run_dir) {
            Ok(d) => d,
            Err(e) => return not_run(engine, tests, e, start),
        };
        let mut page = match open_page(&driver, settings).await {
            Ok(p) => p,
            Err(e) => return not_run(engine, tests, e, start),
        };
        let startup = start.elapsed();
        let mut outcomes = Vec::new();
        for test in tests {
            let mut result = tokio::time::timeout(Duration::from_secs(30), page.reset())
                .await
                .unwrap_or_else(|_| Err("resetting the page timed out".into()));
            if let Err(reset_error) = result {
                // A previous test may have wedged the session: start afresh.
                result = match reopen(page, &driver, settings).await {
                    Ok(fresh) => {
                        page = fresh;
                        Ok(())
                    }
                    Err(e) => {
                        let message = format!(
                            "could not reset the browser ({reset_error}), nor restart it: {e}"
                        );
                        report(engine, &test.name, &Err(message.clone()));
                        outcomes.push(Outcome {
                            engine,
                            name: test.name.clone(),
                            result: Err(message),
                        });
                        return rest_not_run(engine, tests, outcomes, startup, start);
                    }
                };
            }
            if result.is_ok() {
                result = match tokio::time::timeout(settings.timeout, (test.run)(&page)).await {
                    Ok(r) => r,
                    Err(_) => Err(format!("timed out after {:?}", settings.timeout)),
                };
            }
            report(engine, &test.name, &result);
            outcomes.push(Outcome {
                engine,
                name: test.name.clone(),
                result,
            });
        }
        let _ = tokio::time::timeout(Duration::from_secs(10), page.close()).await;
        EngineReport {
            engine,
            outcomes,
            setup_error: None,
            startup,
            total: start.elapsed(),
        }
    })
}

/// Runs every engine on its own thread; reports come back in engine order.
pub fn run_all(selected: &[(Engine, Vec<Test>)], settings: &Settings) -> Vec<EngineReport> {
    std::thread::scope(|scope| {
        let handles: Vec<_> = selected
            .iter()
            .map(|(engine, tests)| {
                (
                    *engine,
                    tests,
                    scope.spawn(move || run_engine(*engine, tests, settings)),
                )
            })
            .collect();
        handles
            .into_iter()
            .map(|(engine, tests, handle)| {
                let start = Instant::now();
                handle.join().unwrap_or_else(|_| {
                    not_run(engine, tests, "the engine's thread panicked".into(), start)
                })
            })
            .collect()
    })
}

async fn open_page(driver: &Driver, settings: &Settings) -> Result<Page, String> {
    let client = driver.session().await?;
    Ok(Page::new(
        driver.engine,
        client,
        &settings.base_url,
        settings.port,
        &settings.root,
    ))
}

async fn reopen(old: Page, driver: &Driver, settings: &Settings) -> Result<Page, String> {
    let _ = tokio::time::timeout(Duration::from_secs(5), old.close()).await;
    let page = open_page(driver, settings).await?;
    tokio::time::timeout(Duration::from_secs(30), page.reset())
        .await
        .unwrap_or_else(|_| Err("resetting the new session timed out".into()))?;
    Ok(page)
}

/// Prints `test <engine>::<name> ... ok|FAILED` as soon as a test ends.
fn report(engine: Engine, name: &str, result: &Result<(), String>) {
    if super::process::is_interrupted() {
        return;
    }
    let verdict = if result.is_ok() { "ok" } else { "FAILED" };
    let mut out = std::io::stdout().lock();
    let _ = writeln!(out, "test {}::{name} ... {verdict}", engine.name());
    let _ = out.flush();
}

/// Every test of an engine that could not start fails with `why`.
fn not_run(engine: Engine, tests: &[Test], why: String, start: Instant) -> EngineReport {
    let outcomes = tests
        .iter()
        .map(|t| {
            let result = Err(format!(
                "{NOT_RUN}{} could not start, see {}::setup",
                engine.name(),
                engine.name()
            ));
            report(engine, &t.name, &result);
            Outcome {
                engine,
                name: t.name.clone(),
                result,
            }
        })
        .collect();
    EngineReport {
        engine,
        outcomes,
        setup_error: Some(why),
        startup: start.elapsed(),
        total: start.elapsed(),
    }
}

/// After the session was lost for good, the remaining tests fail.
fn rest_not_run(
    engine: Engine,
    tests: &[Test],
    mut outcomes: Vec<Outcome>,
    startup: Duration,
    start: Instant,
) -> EngineReport {
    for t in &tests[outcomes.len()..] {
        let result = Err(format!("{NOT_RUN}the {} session was lost", engine.name()));
        report(engine, &t.name, &result);
        outcomes.push(Outcome {
            engine,
            name: t.name.clone(),
            result,
        });
    }
    EngineReport {
        engine,
        outcomes,
        setup_error: None,
        startup,
        total: start.elapsed(),
    }
}
