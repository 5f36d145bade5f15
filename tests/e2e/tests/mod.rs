//! The tests, one file per area of the page. Each area's `tests()` lists its
//! tests with `tests![...]`; add a new area here.

mod a11y;
mod article;
mod budget;
mod carrier_checker;
mod contact;
mod contact_form;
pub mod content;
mod deferred;
mod embed;
mod faq;
mod harness_check;
mod headers;
mod hydration;
mod keyboard;
mod layout;
mod notes;
mod pwa;
mod screenshots;
mod toc;
mod toc_util;

use std::time::Duration;

use crate::harness::{ensure, Page, Test};

/// Every registered test, in run order.
pub fn all() -> Vec<Test> {
    let mut all = Vec::new();
    all.extend(harness_check::tests());
    all.extend(article::tests());
    all.extend(notes::tests());
    all.extend(carrier_checker::tests());
    all.extend(contact::tests());
    all.extend(contact_form::tests());
    all.extend(layout::tests());
    all.extend(hydration::tests());
    all.extend(deferred::tests());
    all.extend(keyboard::tests());
    all.extend(toc::tests());
    all.extend(faq::tests());
    all.extend(pwa::tests());
    all.extend(a11y::tests());
    all.extend(embed::tests());
    all.extend(headers::tests());
    all.extend(budget::tests());
    all.extend(screenshots::tests());
    all
}

/// The build under test: `E2E_DIST`, or the app built from the tests' own
/// content (`bash .ci/build --fixture`: `<workspace>/target/fixture-dist`),
/// so editing the shipped content never breaks a test.
pub fn built_dist() -> std::path::PathBuf {
    std::env::var_os("E2E_DIST")
        .map(std::path::PathBuf::from)
        .unwrap_or_else(|| workspace().join("target/fixture-dist"))
}

/// The server configurations of the build under test: `E2E_GENERATED`, or
/// what `bash .ci/build --fixture` wrote for the tests' header settings
/// (`<workspace>/target/fixture-deploy`, holding `deploy/nginx/…`).
pub fn built_generated() -> std::path::PathBuf {
    std::env::var_os("E2E_GENERATED")
        .map(std::path::PathBuf::from)
        .unwrap_or_else(|| workspace().join("target/fixture-deploy"))
}

/// The site as shipped (`bash .ci/build`: `<workspace>/dist`), whose sizes
/// the budgets hold.
pub fn shipped_dist() -> std::path::PathBuf {
    workspace().join("dist")
}

/// The repository.
pub fn workspace() -> std::path::PathBuf {
    std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

/// Opens the article (the pre-rendered page, before or during hydration).
pub async fn open_article(page: &Page) -> Result<(), String> {
    page.goto("/").await
}

/// Scrolls to each part's placeholder in turn (the insurance checker and
/// the forms), as a visitor reading down the page would, waits until the
/// forms module has mounted each (`src/loader/parts.rs`), and returns to
/// the top of the page.
pub async fn reach_forms(page: &Page) -> Result<(), String> {
    let parts = page
        .eval("[...document.querySelectorAll('[data-aa-part]')].map((el) => el.dataset.aaPart)")
        .await?;
    let parts: Vec<&str> = parts
        .as_array()
        .map(|all| all.iter().filter_map(|p| p.as_str()).collect())
        .unwrap_or_default();
    ensure(!parts.is_empty(), || "the page has no placeholders".into())?;
    for part in parts {
        reach_part(page, part).await?;
    }
    page.run(
        "window.scrollTo({ top: 0, behavior: 'instant' });",
        Vec::new(),
    )
    .await?;
    Ok(())
}

/// Scrolls to `part`'s placeholder (`checker`, `contact-form`, `book-form`),
/// as a visitor would, and waits until the forms module has mounted it.
pub async fn reach_part(page: &Page, part: &str) -> Result<(), String> {
    let placeholder = format!("document.querySelector('[data-aa-part=\"{part}\"]')");
    page.run(
        &format!("{placeholder}.scrollIntoView({{ block: 'center', behavior: 'instant' }});"),
        Vec::new(),
    )
    .await?;
    page.wait_for(
        &format!("{placeholder}.hasAttribute('data-aa-mounted')"),
        HYDRATION_TIMEOUT,
    )
    .await
    .map_err(|e| format!("the {part} was not mounted: {e}"))
}

/// A JS expression: the resource timing entry of the app module's request
/// (`undefined` before it starts).
pub const APP_REQUEST: &str = "performance.getEntriesByType('resource').find((e) => /asana-article-[0-9a-f]+\\.js$/.test(e.name))";

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
