//! Screenshots on demand (a tool, not a check): with E2E_SCREENSHOTS=<dir>,
//! the `screenshots::screenshots` test saves `<dir>/<engine>-<width>.png`
//! for 320, 768 and 1440 px wide viewports, as tall as the page (capped).

use std::path::PathBuf;

use super::{open_article, wait_hydrated};
use crate::harness::{tests, Page, Test};

/// Viewport widths to capture.
const WIDTHS: [u32; 3] = [320, 768, 1440];

/// Tallest window to open for a "full page" shot.
const MAX_HEIGHT: u32 = 6000;

/// The screenshot test, only when E2E_SCREENSHOTS is set.
pub fn tests() -> Vec<Test> {
    if std::env::var_os("E2E_SCREENSHOTS").is_some() {
        tests![screenshots]
    } else {
        Vec::new()
    }
}

/// Saves one PNG per width.
async fn screenshots(page: &Page) -> Result<(), String> {
    let dir =
        PathBuf::from(std::env::var_os("E2E_SCREENSHOTS").ok_or("E2E_SCREENSHOTS is not set")?);
    for width in WIDTHS {
        page.viewport(width, 900).await?;
        open_article(page).await?;
        // A picture of the page as users get it; a page that does not
        // hydrate is still worth a picture.
        let _ = wait_hydrated(page).await;
        let height = page
            .eval("Math.max(document.documentElement.scrollHeight, document.body.scrollHeight)")
            .await?
            .as_u64()
            .unwrap_or(900);
        let height = u32::try_from(height)
            .unwrap_or(MAX_HEIGHT)
            .clamp(200, MAX_HEIGHT);
        page.viewport(width, height).await?;
        page.run("window.scrollTo(0, 0); return null;", vec![])
            .await?;
        let path = dir.join(format!("{}-{width}.png", page.engine.name()));
        page.screenshot(&path).await?;
        println!("    saved {}", path.display());
    }
    Ok(())
}
