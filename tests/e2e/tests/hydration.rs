//! The wasm app takes over the pre-rendered page cleanly.

use std::time::Duration;

use super::{open_article, wait_hydrated};
use crate::harness::{ensure, tests, Page, Test};

/// This area's tests.
pub fn tests() -> Vec<Test> {
    tests![hydrates_without_errors]
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
