//! Helpers for the table-of-contents, FAQ and accessibility tests:
//! scrolling without animation, waiting for the page to come to rest,
//! reading the scroll-spy's mark, and a copy of the page without the wasm.

use std::time::{Duration, Instant};

use serde_json::{json, Value};

use super::content::TOC;
use super::wait_hydrated;
use crate::harness::element::Elem;
use crate::harness::{ensure, Name, Page, Query};

/// Narrow (phone) and wide (desktop) viewports.
pub const NARROW: (u32, u32) = (360, 740);
pub const WIDE: (u32, u32) = (1280, 800);

/// Runs `test` at the [`NARROW`] and then the [`WIDE`] viewport; a failure
/// names the size.
pub async fn at_both_sizes<'a, F, Fut>(page: &'a Page, test: F) -> Result<(), String>
where
    F: Fn(&'a Page, (u32, u32)) -> Fut,
    Fut: std::future::Future<Output = Result<(), String>> + 'a,
{
    for size in [NARROW, WIDE] {
        test(page, size)
            .await
            .map_err(|e| format!("at {}x{}: {e}", size.0, size.1))?;
    }
    Ok(())
}

/// Where the scroll-spy's reading line is, as a fraction of the viewport
/// height (src/toc/spy.rs READING_LINE_PERCENT).
pub const READING_LINE: f64 = 0.30;

/// Opens `path` at `width`×`height`, waits for hydration and for the
/// observers' first reports.
pub async fn open_hydrated(page: &Page, width: u32, height: u32, path: &str) -> Result<(), String> {
    resize(page, width, height).await?;
    page.goto(path).await?;
    wait_hydrated(page).await?;
    // The FAQ applies its state once the page has loaded.
    page.wait_for(
        "document.querySelector('[data-ready]')",
        Duration::from_secs(10),
    )
    .await
    .map_err(|e| format!("the FAQ did not get ready: {e}"))?;
    tokio::time::sleep(Duration::from_millis(300)).await;
    settle(page).await
}

/// Sets the viewport to `width`×`height`, retrying: WebKit sometimes
/// reports the window's previous size for a moment after a resize, and
/// tall windows (over 1000 px, which the tests only need to be "at least
/// this tall") may come out a few pixels short there, so a slightly taller
/// one is accepted.
pub async fn resize(page: &Page, width: u32, height: u32) -> Result<(), String> {
    let extras: &[u32] = if height > 1000 {
        &[0, 40, 80, 120]
    } else {
        &[0, 0, 0]
    };
    let mut result = Ok(());
    for extra in extras {
        result = page.viewport(width, height + extra).await;
        if result.is_ok() {
            break;
        }
        tokio::time::sleep(Duration::from_millis(300)).await;
    }
    result
}

/// Waits until the page stops scrolling (smooth scrolling, restoration).
pub async fn settle(page: &Page) -> Result<(), String> {
    let start = Instant::now();
    let mut last = Value::Null;
    let mut still = 0;
    while start.elapsed() < Duration::from_secs(10) {
        let now = page.eval("[window.scrollX, window.scrollY]").await?;
        if now == last {
            still += 1;
            if still >= 3 {
                // One more frame for the observers to report the final position.
                tokio::time::sleep(Duration::from_millis(150)).await;
                return Ok(());
            }
        } else {
            still = 0;
            last = now;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    Err("the page kept scrolling for 10 s".into())
}

/// Scrolls to `y` at once (no smooth scrolling) and waits for the observers.
pub async fn scroll_to(page: &Page, y: f64) -> Result<(), String> {
    page.run(
        "window.scrollTo({ top: arguments[0], behavior: 'instant' }); return null;",
        vec![json!(y)],
    )
    .await?;
    settle(page).await
}

/// Scrolls so that the top of `element` is `top` px below the viewport's top.
pub async fn scroll_element_to(page: &Page, element: &Elem, top: f64) -> Result<(), String> {
    let y = element
        .eval("return el.getBoundingClientRect().top + window.scrollY;")
        .await?
        .as_f64()
        .ok_or("no position")?;
    scroll_to(page, y - top).await
}

/// Clicks `element` after bringing it to the middle of the viewport at
/// once: WebDriver's own scrolling follows the page's smooth scrolling and
/// may click before the scroll ends.
pub async fn click(page: &Page, element: &Elem) -> Result<(), String> {
    element
        .eval("el.scrollIntoView({ block: 'center', behavior: 'instant' }); return null;")
        .await?;
    settle(page).await?;
    element.click().await
}

/// Scrolls to the very bottom of the page.
pub async fn scroll_to_bottom(page: &Page) -> Result<(), String> {
    scroll_to(page, 1.0e7).await
}

/// The top of `element` relative to the viewport, in CSS px.
pub async fn top_of(element: &Elem) -> Result<f64, String> {
    element
        .eval("return el.getBoundingClientRect().top;")
        .await?
        .as_f64()
        .ok_or_else(|| format!("{} has no position", element.description))
}

/// The reading line, in CSS px from the viewport's top.
pub async fn reading_line(page: &Page) -> Result<f64, String> {
    let height = page
        .eval("window.innerHeight")
        .await?
        .as_f64()
        .unwrap_or(0.0);
    Ok(height * READING_LINE)
}

/// The table of contents the viewport shows (the side panel on wide
/// screens, the "On this page" bar on narrow ones).
pub async fn toc_nav(page: &Page) -> Result<Elem, String> {
    page.by_role("navigation", Name::regex(&format!("^{TOC}$"), "i"))
        .await
}

/// The link to the heading named `name` in `nav`. With the bar's list
/// open, first waits until the app has fitted the list into the viewport
/// (on its `toggle` event, a task after it opened), as a visitor sees it:
/// before that its lower links can lie below the window.
pub async fn toc_link(page: &Page, nav: &Elem, name: &str) -> Result<Elem, String> {
    page.wait_for(
        "(function () { var p = document.querySelector('details[open] .aa-toc-bar__panel'); \
          return !p || p.getBoundingClientRect().bottom <= window.innerHeight + 1; })()",
        Duration::from_secs(2),
    )
    .await
    .map_err(|e| format!("the open list never fitted the viewport: {e}"))?;
    page.find(&Query::role("link").name(name).within(nav)).await
}

/// The names of the links of `nav` marked `aria-current` (hidden ones
/// included: the bar's list is inside a closed `<details>`).
pub async fn current_links(page: &Page, nav: &Elem) -> Result<Vec<String>, String> {
    let mut found = Vec::new();
    for link in page
        .find_all(&Query::role("link").within(nav).include_hidden())
        .await?
    {
        if link.attr("aria-current").await?.is_some() {
            found.push(page.info(&link).await?.name);
        }
    }
    Ok(found)
}

/// The text of `nav`'s links marked `aria-current`, read in one script.
const CURRENT_JS: &str =
    "return Array.prototype.map.call(arguments[0].querySelectorAll('a[aria-current]'), \
    function (a) { return a.textContent.replace(/\\s+/g, ' ').trim(); });";

/// Waits until exactly `expected` (or nothing, for `None`) is marked current in `nav`.
pub async fn wait_current(page: &Page, nav: &Elem, expected: Option<&str>) -> Result<(), String> {
    let want: Vec<&str> = expected.into_iter().collect();
    let start = Instant::now();
    loop {
        let now = page.run(CURRENT_JS, vec![nav.to_json()]).await?;
        if now == json!(want) {
            return Ok(());
        }
        if start.elapsed() > Duration::from_secs(5) {
            let geometry = oracle(page, nav).await.unwrap_or_default();
            return Err(format!(
                "expected {want:?} to be marked current in the table of contents, \
                 it marks {now}; last heading above the reading line: {geometry:?}"
            ));
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
}

/// The entry whose heading is the last one above the reading line,
/// measured on the page as it is now.
pub async fn oracle(page: &Page, nav: &Elem) -> Result<Option<String>, String> {
    let found = page
        .run(
            "var line = window.innerHeight * arguments[1], best = null;
             arguments[0].querySelectorAll('a[href^=\"#\"]').forEach(function (a) {
               var h = document.getElementById(a.getAttribute('href').slice(1));
               if (h && h.getBoundingClientRect().top < line) best = a.textContent.replace(/\\s+/g, ' ').trim();
             });
             return best;",
            vec![nav.to_json(), json!(READING_LINE)],
        )
        .await?;
    Ok(found.as_str().map(str::to_string))
}

/// The bottom edge of what covers the top of the viewport: the sticky site
/// header, and the "On this page" bar when it is stuck under it.
pub async fn covered_top(page: &Page) -> Result<f64, String> {
    let banner = page.find(&Query::role("banner")).await?;
    let bar = page
        .find_all(&Query::role("navigation").name(Name::regex(&format!("^{TOC}$"), "i")))
        .await?;
    let mut args = vec![banner.to_json()];
    args.extend(bar.iter().map(Elem::to_json));
    let bottom = page
        .run(
            "var header = arguments[0].getBoundingClientRect(), bottom = Math.max(0, header.bottom);
             for (var i = 1; i < arguments.length; i++) {
               var nav = arguments[i], r = nav.getBoundingClientRect();
               // Stuck right under the header (the side panel sits lower;
               // a bar pushed up by the end of the article covers nothing more).
               if (getComputedStyle(nav).position === 'sticky' && Math.abs(r.top - header.bottom) <= 1)
                 bottom = Math.max(bottom, r.bottom);
             }
             return bottom;",
            args,
        )
        .await?;
    bottom.as_f64().ok_or_else(|| "no header position".into())
}

/// Checks that `heading` is at the top of the viewport, just below what
/// covers it: not under the header, not further down than `slack` px.
/// The page scrolls smoothly, and on a loaded machine the animation can
/// start after the page has already looked still for a moment, so it
/// waits up to [`LANDING`] for the heading to get there.
pub async fn ensure_landed(page: &Page, heading: &Elem, slack: f64) -> Result<(), String> {
    let start = Instant::now();
    loop {
        let top = top_of(heading).await?;
        let covered = covered_top(page).await?;
        let landed = ensure(top >= covered - 1.0 && top <= covered + slack, || {
            format!(
                "{} is at {top:.0}px; the header (and bar) cover the viewport down to \
                 {covered:.0}px, so it should be between {covered:.0} and {:.0}",
                heading.description,
                covered + slack
            )
        });
        if landed.is_ok() || start.elapsed() > LANDING {
            return landed;
        }
        tokio::time::sleep(Duration::from_millis(150)).await;
        settle(page).await?;
    }
}

/// How long a heading may take to reach the top after a navigation.
const LANDING: Duration = Duration::from_secs(3);

/// Hides everything after the article (the offer blocks, the forms, the
/// footer), so the page ends with its last section: the situation of a
/// short final section, as when the article is embedded on its own.
pub async fn end_page_with_article(page: &Page) -> Result<(), String> {
    let article = page.find(&Query::role("article")).await?;
    let footer = page.find(&Query::role("contentinfo")).await?;
    page.run(
        "for (var n = arguments[0].nextElementSibling; n; n = n.nextElementSibling) n.style.display = 'none';
         arguments[1].style.display = 'none';
         return null;",
        vec![article.to_json(), footer.to_json()],
    )
    .await?;
    settle(page).await
}

/// Presses Tab until the focused element has `role` and `name` (at most
/// `max` presses); fails with what got focus on the way.
pub async fn tab_to(page: &Page, role: &str, name: &str, max: usize) -> Result<(), String> {
    let mut seen = Vec::new();
    for _ in 0..max {
        page.press("Tab").await?;
        if let Some(focused) = page.focused().await? {
            if focused.role == role && focused.name == name {
                return Ok(());
            }
            seen.push(format!("{} {:?}", focused.role, focused.name));
        }
    }
    Err(format!(
        "Tab did not reach {role} {name:?} in {max} presses; it visited: {}",
        seen.join(", ")
    ))
}

/// Writes a copy of the build whose page has no boot script and returns
/// its path: what a visitor gets when the wasm does not run. It is a
/// directory's `index.html`, which the server gives the page's policy (its
/// inline stylesheet is allowed by the page's own `<meta>`), one per engine
/// (the engines share the served root).
pub async fn write_no_wasm_page(page: &Page) -> Result<String, String> {
    let index = page.site_root().join("index.html");
    let html =
        std::fs::read_to_string(&index).map_err(|e| format!("reading {}: {e}", index.display()))?;
    let start = html
        .find("<script type=\"module\"")
        .ok_or("index.html has no module script to remove")?;
    let end = start
        + html[start..]
            .find("</script>")
            .ok_or("unclosed module script")?
        + "</script>".len();
    let stripped = format!("{}{}", &html[..start], &html[end..]);
    ensure(!stripped.contains("type=\"module\""), || {
        "index.html has more than one module script".into()
    })?;
    let name = format!("no-wasm-{}", page.engine.name());
    let dir = page.site_root().join(&name);
    crate::harness::receiver::copy_build_except(page.site_root(), &dir, |_| false)?;
    let path = dir.join("index.html");
    std::fs::write(&path, stripped).map_err(|e| format!("writing {}: {e}", path.display()))?;
    for stale in ["index.html.br", "index.html.gz"] {
        let _ = std::fs::remove_file(dir.join(stale));
    }
    Ok(format!("/{name}/"))
}

/// Positions of the elements that intersect the viewport, in document
/// order (the same markup gives the same list); fixed elements aside, and
/// the height of those reaching below the viewport not compared.
pub async fn first_view_boxes(page: &Page) -> Result<Vec<Value>, String> {
    let boxes = page
        .run(
            "var out = [], h = window.innerHeight, all = document.body.querySelectorAll('*');
             for (var i = 0; i < all.length; i++) {
               var el = all[i], r = el.getBoundingClientRect();
               if (r.width === 0 && r.height === 0) continue;
               if (r.bottom <= 0 || r.top >= h) continue;
               if (getComputedStyle(el).position === 'fixed') continue;
               // Boxes reaching below the viewport may grow or shrink there
               // (content far below changing) without anything visible moving.
               var height = r.bottom > h ? 'beyond' : Math.round(r.height * 2) / 2;
               out.push([el.localName + (el.id ? '#' + el.id : '') + '.' + (el.getAttribute('class') || ''),
                         Math.round(r.left * 2) / 2, Math.round(r.top * 2) / 2,
                         Math.round(r.width * 2) / 2, height]);
             }
             return out;",
            vec![],
        )
        .await?;
    Ok(boxes.as_array().cloned().unwrap_or_default())
}

/// Checks that the focused element shows a focus ring (an outline of at
/// least 2px). A browser window without system focus (WebKit's under Xvfb)
/// never matches :focus, so there the check is that a `:focus-visible`
/// rule with such an outline applies to the element.
pub async fn ensure_focus_ring(page: &Page, what: &str) -> Result<(), String> {
    let found = page
        .eval(
            "(function (el) {
               var s = getComputedStyle(el);
               if (document.hasFocus())
                 return s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) >= 2 ? true
                   : 'computed outline ' + s.outlineStyle + ' ' + s.outlineWidth;
               var ok = false;
               function walk(rules) {
                 Array.prototype.forEach.call(rules, function (r) {
                   if (r.selectorText && r.selectorText.indexOf(':focus-visible') >= 0) {
                     var width = /(\\d+(\\.\\d+)?)px/.exec(r.style.getPropertyValue('outline') || r.style.getPropertyValue('outline-width'));
                     var applies = r.selectorText.split(',').some(function (sel) {
                       if (sel.indexOf(':focus-visible') < 0) return false;
                       try { return el.matches(sel.replace(/:focus-visible/g, '').trim() || '*'); } catch (e) { return false; }
                     });
                     if (applies && width && parseFloat(width[1]) >= 2) ok = true;
                   }
                   if (r.cssRules && r.cssRules.length) walk(r.cssRules);
                 });
               }
               Array.prototype.forEach.call(document.styleSheets, function (sheet) { walk(sheet.cssRules); });
               return ok || 'no :focus-visible outline rule applies (the window has no focus)';
             })(document.activeElement)",
        )
        .await?;
    ensure(found == json!(true), || {
        format!("{what} has no visible focus ring: {found}")
    })
}

/// Follows the table-of-contents entry `name` with the pointer: in the side
/// panel, or by opening the "On this page" bar first on narrow screens.
pub async fn follow_entry(page: &Page, name: &str) -> Result<(), String> {
    let bar = page
        .find_all(&Query::role("button").name(Name::regex("^On this page", "")))
        .await?;
    if let Some(bar) = bar.first() {
        bar.click().await?;
    }
    let nav = toc_nav(page).await?;
    toc_link(page, &nav, name).await?.click().await
}

/// Opens the page at `width` with everything after the article hidden
/// ([`end_page_with_article`]) and the FAQ closed, in a window at least
/// `height` tall and tall enough that, at the bottom of the page, the last
/// heading stays below the reading line: a short final section.
pub async fn open_with_short_final_section(
    page: &Page,
    width: u32,
    height: u32,
) -> Result<(), String> {
    open_hydrated(page, width, height, "/").await?;
    end_page_with_article(page).await?;
    let last = page
        .heading(2, super::content::FAQ_HEADING)
        .await?
        .eval("return document.documentElement.scrollHeight - (el.getBoundingClientRect().top + window.scrollY);")
        .await?
        .as_f64()
        .ok_or("no position for the last heading")?;
    // At the bottom the last heading sits `last` px above the window's end;
    // it stays below the line if the window is taller than last / (1 - line).
    let needed = (last / (1.0 - READING_LINE) * 1.15).ceil() as u32;
    if needed > height {
        open_hydrated(page, width, needed, "/").await?;
        end_page_with_article(page).await?;
    }
    Ok(())
}
