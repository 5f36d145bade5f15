//! The forms live in a second wasm module that loads only when a visitor
//! comes near a form (`src/deferred.rs`).

use std::time::Duration;

use super::{open_article, reach_forms, wait_hydrated};
use crate::harness::{ensure, tests, Page, Test};

/// This area's tests.
pub fn tests() -> Vec<Test> {
    tests![forms_load_only_near_a_form]
}

/// Names of the resources the page has fetched from the forms module.
const FORMS_FETCHED: &str = "performance.getEntriesByType('resource').map((e) => e.name).filter((n) => n.includes('/forms-'))";

/// At the top of the page the forms module is not fetched and the
/// pre-rendered forms are inert; scrolling to them fetches it, mounts both
/// forms live (no longer inert), with nothing logged as an error.
async fn forms_load_only_near_a_form(page: &Page) -> Result<(), String> {
    open_article(page).await?;
    wait_hydrated(page).await?;
    // Give a wrongly eager loader time to show itself.
    tokio::time::sleep(Duration::from_millis(1000)).await;
    let fetched = page.eval(FORMS_FETCHED).await?;
    ensure(fetched.as_array().is_some_and(Vec::is_empty), || {
        format!("fetched at the top of the page: {fetched}")
    })?;
    let inert = page
        .eval("[...document.querySelectorAll('[data-aa-part] form')].map((f) => f.inert)")
        .await?;
    ensure(inert == serde_json::json!([true, true]), || {
        format!("pre-rendered forms' inert: {inert}")
    })?;

    reach_forms(page).await?;
    let fetched = page.eval(FORMS_FETCHED).await?;
    let names: Vec<&str> = fetched
        .as_array()
        .map(|all| all.iter().filter_map(|n| n.as_str()).collect())
        .unwrap_or_default();
    ensure(
        names.iter().any(|n| n.ends_with(".js")) && names.iter().any(|n| n.ends_with("_bg.wasm")),
        || format!("after reaching the forms, fetched {names:?}"),
    )?;
    let inert = page
        .eval("[...document.querySelectorAll('[data-aa-part] form')].map((f) => f.inert)")
        .await?;
    ensure(inert == serde_json::json!([false, false]), || {
        format!("mounted forms' inert: {inert}")
    })?;
    let errors = page.errors().await?;
    ensure(errors.is_empty(), || {
        format!(
            "errors after mounting the forms:\n  {}",
            errors.join("\n  ")
        )
    })
}
