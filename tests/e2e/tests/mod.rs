//! The tests, one file per area of the page. Each area's `tests()` lists its
//! tests with `tests![...]`; add a new area here.

mod article;
mod budget;
mod contact;
pub mod content;
mod harness_check;
mod headers;
mod hydration;
mod layout;
mod screenshots;

use std::time::Duration;

use crate::harness::{Page, Test};

/// Every registered test, in run order.
pub fn all() -> Vec<Test> {
    let mut all = Vec::new();
    all.extend(harness_check::tests());
    all.extend(article::tests());
    all.extend(contact::tests());
    all.extend(layout::tests());
    all.extend(hydration::tests());
    all.extend(headers::tests());
    all.extend(budget::tests());
    all.extend(screenshots::tests());
    all
}

/// The build under test: `E2E_DIST`, or `<workspace>/dist`.
pub fn built_dist() -> std::path::PathBuf {
    std::env::var_os("E2E_DIST")
        .map(std::path::PathBuf::from)
        .unwrap_or_else(|| std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../dist"))
}

/// Opens the article (the pre-rendered page, before or during hydration).
pub async fn open_article(page: &Page) -> Result<(), String> {
    page.goto("/").await
}

/// How long the app may take to hydrate.
pub const HYDRATION_TIMEOUT: Duration = Duration::from_secs(20);

/// Waits until the wasm app has taken over the pre-rendered page.
pub async fn wait_hydrated(page: &Page) -> Result<(), String> {
    page.wait_for(
        "document.querySelector('[data-hydrated]')",
        HYDRATION_TIMEOUT,
    )
    .await
    .map_err(|e| format!("the app did not hydrate: {e}"))
}
