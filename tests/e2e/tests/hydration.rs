//! The wasm app takes over the pre-rendered page cleanly.

use std::time::Duration;

use super::{open_article, wait_hydrated, APP_REQUEST};
use serde_json::Value;

use crate::harness::{ensure, tests, Page, Test};

/// This area's tests.
pub fn tests() -> Vec<Test> {
    tests![hydrates_without_errors, app_loads_after_the_first_paint]
}

/// `[data-hydrated]` appears within 20 s and nothing was logged as an error
/// or warning (console, uncaught, failed loads, rejections, CSP).
async fn hydrates_without_errors(page: &Page) -> Result<(), String> {
    open_article(page).await?;
    let hydrated = wait_hydrated(page).await;
    // Let anything queued right after hydration report too.
    tokio::time::sleep(Duration::from_millis(500)).await;
    let errors = page.errors().await?;
    hydrated.map_err(|e| format!("{e}; captured errors: {errors:?}"))?;
    ensure(errors.is_empty(), || {
        format!("errors after hydration:\n  {}", errors.join("\n  "))
    })
}

/// The app's download starts after the first contentful paint was reported
/// (so it never competes with it), and through that report rather than the
/// loader's 3 s fallback. An engine without paint timing (where the loader
/// waits two frames instead) only has to load the app.
async fn app_loads_after_the_first_paint(page: &Page) -> Result<(), String> {
    open_article(page).await?;
    wait_hydrated(page).await?;
    let times = page
        .eval(
            &[
                "(() => {
                const fcp = performance.getEntriesByName('first-contentful-paint')[0];
                const app = ",
                APP_REQUEST,
                ";
                return {
                    paint: PerformanceObserver.supportedEntryTypes.includes('paint'),
                    fcp: fcp ? fcp.startTime : null,
                    app: app ? app.startTime : null,
                };
            })()",
            ]
            .concat(),
        )
        .await?;
    let app = times["app"]
        .as_f64()
        .ok_or_else(|| format!("no app download seen: {times}"))?;
    if times["paint"] != Value::Bool(true) {
        return Ok(());
    }
    let fcp = times["fcp"]
        .as_f64()
        .ok_or_else(|| format!("no first-contentful-paint entry: {times}"))?;
    ensure(app >= fcp, || {
        format!("the app was requested before the first paint: {times}")
    })?;
    ensure(app < fcp + 2500.0, || {
        format!("the app started by the fallback timer, not the paint report: {times}")
    })
}
