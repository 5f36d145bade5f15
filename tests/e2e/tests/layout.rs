//! Layout: the page fits narrow screens.

use serde_json::Value;

use super::{open_article, wait_hydrated};
use crate::harness::{ensure, tests, Page, Test};

/// This area's tests.
pub fn tests() -> Vec<Test> {
    tests![no_horizontal_overflow_at_320px]
}

/// Lists what sticks out past the right edge of the viewport, ignoring
/// elements inside their own horizontal scroller (overflow-x auto, scroll,
/// hidden or clip on an ancestor below <body>: wide tables in a scroll box
/// are fine, a clipped <body> hiding overflow is not).
const OVERFLOW_JS: &str = r##"
var width = window.innerWidth, found = [];
var root = document.documentElement;
if (root.scrollWidth > width) found.push("document scrollWidth " + root.scrollWidth + " > innerWidth " + width);
function inScroller(el) {
  for (var p = el.parentElement; p && p !== document.body && p !== root; p = p.parentElement) {
    var o = getComputedStyle(p).overflowX;
    if (o === "auto" || o === "scroll" || o === "hidden" || o === "clip") return true;
  }
  return false;
}
function describe(el) {
  var s = el.localName + (el.id ? "#" + el.id : "");
  if (typeof el.className === "string" && el.className.trim()) s += "." + el.className.trim().split(/\s+/).join(".");
  return s;
}
document.body.querySelectorAll("*").forEach(function (el) {
  var r = el.getBoundingClientRect();
  if (r.width === 0 && r.height === 0) return;
  if (r.right > width + 1 && !inScroller(el)) found.push(describe(el) + " reaches x=" + Math.round(r.right));
});
return found.slice(0, 15);
"##;

/// At 320 CSS px wide nothing overflows horizontally.
async fn no_horizontal_overflow_at_320px(page: &Page) -> Result<(), String> {
    page.viewport(320, 800).await?;
    open_article(page).await?;
    // Measure what users see once the app runs; the hydration test reports
    // a failure to hydrate, so do not fail twice for it here.
    let _ = wait_hydrated(page).await;
    let found = page.run(OVERFLOW_JS, vec![]).await?;
    let found: Vec<String> = found
        .as_array()
        .map(|a| {
            a.iter()
                .filter_map(Value::as_str)
                .map(str::to_string)
                .collect()
        })
        .unwrap_or_default();
    ensure(found.is_empty(), || {
        format!("horizontal overflow at 320px: {}", found.join("; "))
    })
}
