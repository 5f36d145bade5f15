//! Screenshots on demand (a tool, not a check): with E2E_SCREENSHOTS=<dir>,
//! the `screenshots::screenshots` test saves
//! `<dir>/<engine>-<width>-<place>.png` at a 360 px phone and a 1280 px
//! desktop viewport: the top of the page (on phones with "On this page"
//! open), the FAQ, the insurance checker answering "aetna", the book offer
//! and the contact form, both forms live.

use std::path::PathBuf;
use std::time::Duration;

use super::{open_article, reach_forms, wait_hydrated};
use crate::harness::{tests, Page, Test};

/// Viewports to capture: a phone and a desktop.
const VIEWPORTS: [(u32, u32); 2] = [(360, 740), (1280, 800)];

/// The screenshot test, only when E2E_SCREENSHOTS is set.
pub fn tests() -> Vec<Test> {
    if std::env::var_os("E2E_SCREENSHOTS").is_some() {
        tests![screenshots]
    } else {
        Vec::new()
    }
}

/// Scrolls `id` to just below the sticky header.
const SHOW: &str = "const el = document.getElementById(arguments[0]); \
    el.scrollIntoView({ behavior: 'instant' }); return null;";

/// Saves the places of the page at each viewport.
async fn screenshots(page: &Page) -> Result<(), String> {
    let dir =
        PathBuf::from(std::env::var_os("E2E_SCREENSHOTS").ok_or("E2E_SCREENSHOTS is not set")?);
    let engine = page.engine.name();
    for (width, height) in VIEWPORTS {
        page.viewport(width, height).await?;
        open_article(page).await?;
        wait_hydrated(page).await?;
        reach_forms(page).await?;
        let shot = |place: &str| dir.join(format!("{engine}-{width}-{place}.png"));

        if width < 768 {
            page.run(
                "document.querySelector('.aa-toc-bar details').open = true; return null;",
                vec![],
            )
            .await?;
        }
        page.screenshot(&shot("top")).await?;
        page.run("document.querySelectorAll('details[open]').forEach((d) => d.open = false); return null;", vec![])
            .await?;

        page.run(SHOW, vec!["faq".into()]).await?;
        page.screenshot(&shot("faq")).await?;

        page.run(
            "const input = document.getElementById('verify-insurance-checker-input'); \
             input.value = 'aetna'; input.dispatchEvent(new Event('input', { bubbles: true })); \
             input.scrollIntoView({ behavior: 'instant', block: 'start' }); \
             window.scrollBy(0, -120); return null;",
            vec![],
        )
        .await?;
        tokio::time::sleep(Duration::from_millis(800)).await;
        page.screenshot(&shot("checker")).await?;

        page.run(SHOW, vec!["book".into()]).await?;
        page.screenshot(&shot("book")).await?;

        page.run(SHOW, vec!["contact".into()]).await?;
        tokio::time::sleep(Duration::from_millis(300)).await;
        page.screenshot(&shot("contact")).await?;
        println!("    saved {}", shot("*").display());
    }
    Ok(())
}
