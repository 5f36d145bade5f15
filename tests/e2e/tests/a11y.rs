//! Automated accessibility scans (axe-core, WCAG 2.2 A/AA) of the page
//! with the table of contents open and every FAQ answer open, and, with
//! E2E_SCREENSHOTS set, pictures of those states.

use std::path::PathBuf;
use std::time::Duration;

use super::content::{FAQ, SECTIONS};
use super::toc_util::{click, open_hydrated, scroll_element_to, scroll_to, settle, toc_nav};
use crate::harness::axe::{violations, WCAG_22_AA};
use crate::harness::{ensure, tests, Name, Page, Test};

/// This area's tests (and the screenshots, on demand).
pub fn tests() -> Vec<Test> {
    let mut all = tests![no_wcag_violations_with_toc_and_answers_open];
    if std::env::var_os("E2E_SCREENSHOTS").is_some() {
        all.extend(tests![toc_and_faq_screenshots]);
    }
    all
}

/// Opens every FAQ answer, then the table of contents (the bar on narrow
/// screens; the side panel is always open on wide ones).
async fn open_everything(page: &Page, narrow: bool) -> Result<(), String> {
    // The tab session may remember them open already.
    if let Ok(show) = page.by_role("button", "Show all answers").await {
        click(page, &show).await?;
    }
    page.by_role("button", "Hide all answers").await?;
    scroll_to(page, 0.0).await?;
    if narrow {
        page.by_role("button", Name::regex("^On this page", ""))
            .await?
            .click()
            .await?;
        page.wait_for(
            "document.querySelector('details[open]') !== null",
            Duration::from_secs(2),
        )
        .await?;
    }
    toc_nav(page).await.map(|_| ())
}

/// axe-core finds no WCAG 2.2 A/AA violation on a narrow and a wide screen
/// with the table of contents open and every answer open.
async fn no_wcag_violations_with_toc_and_answers_open(page: &Page) -> Result<(), String> {
    let mut found = Vec::new();
    for (width, height) in [(360, 740), (1280, 800)] {
        open_hydrated(page, width, height, "/").await?;
        open_everything(page, width < 1024).await?;
        for violation in violations(page, &WCAG_22_AA).await? {
            found.push(format!("at {width}px: {violation}"));
        }
    }
    ensure(found.is_empty(), || {
        format!(
            "axe-core found WCAG 2.2 A/AA violations:\n  {}",
            found.join("\n  ")
        )
    })
}

/// Saves `<dir>/<engine>-toc-<width>-<state>.png` for the states of this
/// feature: the top of the page, a section being read, the table of
/// contents open (narrow), the FAQ with an answer open and focus on a question.
async fn toc_and_faq_screenshots(page: &Page) -> Result<(), String> {
    let dir =
        PathBuf::from(std::env::var_os("E2E_SCREENSHOTS").ok_or("E2E_SCREENSHOTS is not set")?);
    let engine = page.engine.name();
    for (width, height) in [(360, 740), (1280, 800)] {
        let shot = |state: &str| dir.join(format!("{engine}-toc-{width}-{state}.png"));
        open_hydrated(page, width, height, "/").await?;
        page.screenshot(&shot("top")).await?;
        let heading = page.heading(3, "Rapid Relief for Depression").await?;
        scroll_element_to(page, &heading, 180.0).await?;
        tokio::time::sleep(Duration::from_millis(300)).await;
        page.screenshot(&shot("reading")).await?;
        if width < 1024 {
            page.by_role("button", Name::regex("^On this page", ""))
                .await?
                .click()
                .await?;
            tokio::time::sleep(Duration::from_millis(300)).await;
            page.screenshot(&shot("toc-open")).await?;
            page.press("Escape").await?;
        }
        let faq = page.heading(2, SECTIONS[7]).await?;
        scroll_element_to(page, &faq, 120.0).await?;
        // Open one answer (the tab session may remember it open already).
        let second = page.by_role("button", FAQ[1]).await?;
        if second.attr("aria-expanded").await?.as_deref() != Some("true") {
            click(page, &second).await?;
        } else {
            second.eval("el.focus(); return null;").await?;
        }
        // Focus the next question from the keyboard, so its ring shows.
        page.press("ArrowDown").await?;
        settle(page).await?;
        tokio::time::sleep(Duration::from_millis(300)).await;
        page.screenshot(&shot("faq")).await?;
        println!("    saved {}", shot("*").display());
    }
    Ok(())
}
