//! A keyboard user never loses their place when the forms load. Every test
//! opens the page variant whose forms module the test server delays
//! (`harness/delay.rs`), so the visitor meets the pre-rendered placeholders
//! before their live parts mount, by design rather than by timing luck.

use std::time::Duration;

use serde_json::{json, Value};

use super::carrier_checker::answer;
use super::content::{CHECKER_LOADING, FORM_LOADING, PHONE};
use super::wait_hydrated;
use crate::harness::delay::SLOW_MODULE_PATH;
use crate::harness::{ensure, tests, Page, Test};

/// This area's tests.
pub fn tests() -> Vec<Test> {
    tests![
        focus_on_a_prerendered_link_survives_the_mount,
        tab_into_a_placeholder_reaches_its_first_field,
        typing_before_the_mount_is_kept,
        typing_in_the_checker_before_its_code_arrives_is_answered,
        enter_before_the_mount_sends_nothing_away,
        scrolling_near_a_form_announces_nothing,
        keyboard_walk_never_drops_focus_to_the_body,
    ]
}

/// Longer than the delayed module takes (its script, then its wasm).
const MOUNTED: Duration = Duration::from_secs(15);

/// Records, from now on, every moment `document.activeElement` is the body
/// (or nothing) once something had focus: after each focus change has
/// settled, and on every frame. Read with [`DROPS`].
const WATCH: &str = "
  window.__aaDrops = [];
  var started = document.activeElement && document.activeElement !== document.body;
  var check = function (when) {
    var active = document.activeElement;
    if (active && active !== document.body) { started = true; return; }
    if (started) window.__aaDrops.push(when);
  };
  document.addEventListener('focusin', function () { started = true; }, true);
  document.addEventListener('focusout', function (e) {
    var from = e.target.id || e.target.tagName;
    setTimeout(function () { check('after focus left ' + from); });
  }, true);
  (function frame() { check('on a frame'); requestAnimationFrame(frame); })();";

/// A JS expression: the moments recorded by [`WATCH`].
const DROPS: &str = "window.__aaDrops";

/// Opens the slow-module page as a first visit (a service worker from an
/// earlier visit would serve the forms module at once), waits for the app,
/// and starts [`WATCH`].
async fn open(page: &Page) -> Result<(), String> {
    page.first_visit().await?;
    page.goto(SLOW_MODULE_PATH).await?;
    wait_hydrated(page).await?;
    page.run(WATCH, Vec::new()).await.map(|_| ())
}

/// A script prelude: `tabbable()`, the elements Tab stops on, in document
/// order (the page sets no positive `tabindex`).
const TABBABLE: &str = "
  var tabbable = function () {
    return [...document.querySelectorAll('a[href], button, input, textarea, select, [tabindex]')]
      .filter(function (el) {
        return el.tabIndex >= 0 && !el.disabled && !el.closest('[inert]') && el.getClientRects().length > 0;
      });
  };";

/// Focuses the last element before `part`'s placeholder that Tab stops on,
/// as a visitor tabbing down the page would have (focusing scrolls to it,
/// as tabbing does).
async fn focus_before(page: &Page, part: &str) -> Result<(), String> {
    let found = page
        .run(
            &format!(
                "{TABBABLE}
             var part = document.querySelector('[data-aa-part=\"' + arguments[0] + '\"]');
             var all = tabbable().filter(function (el) {{
               return part.compareDocumentPosition(el) & Node.DOCUMENT_POSITION_PRECEDING;
             }});
             var before = all[all.length - 1];
             if (!before) return false;
             before.focus();
             return document.activeElement === before;"
            ),
            vec![json!(part)],
        )
        .await?;
    ensure(found == true, || {
        format!("nothing focusable before the {part} placeholder")
    })
}

/// A script prelude: `focusInfo(el)`, what the tests compare of the
/// focused element: the placeholder it is in (with whether that is
/// mounted), its tag, id, href and text; `null` when nothing has focus.
const FOCUS_INFO: &str = "
  var focusInfo = function (el) {
    var part = el && el.closest('[data-aa-part]');
    return el && {
      part: part ? part.dataset.aaPart : null,
      mounted: !!(part && part.hasAttribute('data-aa-mounted')),
      tag: el.tagName.toLowerCase(), id: el.id,
      href: el.getAttribute('href'), text: el.textContent.trim().slice(0, 80),
      body: el === document.body,
    };
  };";

/// [`FOCUS_INFO`] of the focused element.
async fn focus_info(page: &Page) -> Result<Value, String> {
    page.run(
        &format!("{FOCUS_INFO} return focusInfo(document.activeElement);"),
        Vec::new(),
    )
    .await
}

/// [`focus_info`], plus whether the focused element is the page's last Tab
/// stop (`last`), in one round trip: the walk takes hundreds of steps.
async fn walk_stop(page: &Page) -> Result<Value, String> {
    page.run(
        &format!(
            "{FOCUS_INFO}{TABBABLE}
             var info = focusInfo(document.activeElement);
             var all = tabbable();
             if (info) info.last = document.activeElement === all[all.length - 1];
             return info;"
        ),
        Vec::new(),
    )
    .await
}

/// What the polite statuses in `part`'s placeholder say (in every
/// placeholder's when `None`), the empty ones left out.
async fn statuses(page: &Page, part: Option<&str>) -> Result<Value, String> {
    let scope = part.map_or_else(
        || "[data-aa-part]".to_string(),
        |part| format!("[data-aa-part=\"{part}\"]"),
    );
    page.eval(&format!(
        "[...document.querySelectorAll('{scope} [role=status]')]
           .map(function (el) {{ return el.textContent.trim(); }}).filter(Boolean)"
    ))
    .await
}

/// Waits until `part`'s placeholder has its live component.
async fn wait_mounted(page: &Page, part: &str) -> Result<(), String> {
    page.wait_for(
        &format!("document.querySelector('[data-aa-part=\"{part}\"][data-aa-mounted]')"),
        MOUNTED,
    )
    .await
    .map_err(|e| format!("the {part} never mounted: {e}"))
}

/// Fails if the module had already mounted `part` (then the test would
/// prove nothing about the pre-render).
fn ensure_not_yet_mounted(info: &Value, part: &str) -> Result<(), String> {
    ensure(info["part"] == part && info["mounted"] == false, || {
        format!("expected focus in the {part}'s pre-render, before its mount; it is on {info}")
    })
}

/// The watcher saw no moment with focus on the body.
async fn ensure_no_drops(page: &Page) -> Result<(), String> {
    let drops = page.eval(DROPS).await?;
    ensure(drops.as_array().is_some_and(Vec::is_empty), || {
        format!("focus fell to the body: {drops}")
    })
}

/// Tabbing onto the phone link in the contact form's pre-render, then
/// waiting: when the live form replaces the markup, focus is on its phone
/// link, never on the body.
async fn focus_on_a_prerendered_link_survives_the_mount(page: &Page) -> Result<(), String> {
    open(page).await?;
    focus_before(page, "contact-form").await?;
    page.press("Tab").await?;
    let before = focus_info(page).await?;
    ensure_not_yet_mounted(&before, "contact-form")?;
    let tel = format!("tel:{PHONE}");
    ensure(before["href"] == tel.as_str(), || {
        format!("the first stop in the contact form's pre-render is {before}, not its phone link")
    })?;
    wait_mounted(page, "contact-form").await?;
    let after = focus_info(page).await?;
    ensure(
        after["mounted"] == true
            && after["href"] == tel.as_str()
            && after["text"] == before["text"],
        || format!("after the mount focus is on {after}; it was on {before}"),
    )?;
    ensure_no_drops(page).await
}

/// Tab from the element before the book form's placeholder stops on the
/// pre-rendered email field (not skipped, not inert); the placeholder says
/// politely that the form is loading; once mounted, focus is on the live
/// email field.
async fn tab_into_a_placeholder_reaches_its_first_field(page: &Page) -> Result<(), String> {
    open(page).await?;
    focus_before(page, "book-form").await?;
    page.press("Tab").await?;
    let before = focus_info(page).await?;
    ensure_not_yet_mounted(&before, "book-form")?;
    ensure(before["id"] == "book-email", || {
        format!("Tab into the book form's pre-render stopped on {before}, not its email field")
    })?;
    let status = statuses(page, Some("book-form")).await?;
    ensure(status == json!([FORM_LOADING]), || {
        format!("while loading, the placeholder's status says {status}")
    })?;
    wait_mounted(page, "book-form").await?;
    let after = focus_info(page).await?;
    ensure(
        after["mounted"] == true && after["id"] == "book-email",
        || format!("after the mount focus is on {after}"),
    )?;
    ensure_no_drops(page).await
}

/// What a visitor types into the pre-rendered field while the module is
/// still loading reaches the live form (it is in the field and in the
/// form's saved draft).
async fn typing_before_the_mount_is_kept(page: &Page) -> Result<(), String> {
    open(page).await?;
    focus_before(page, "book-form").await?;
    page.press("Tab").await?;
    ensure_not_yet_mounted(&focus_info(page).await?, "book-form")?;
    for key in ["a", "d", "a"] {
        page.press(key).await?;
    }
    ensure_not_yet_mounted(&focus_info(page).await?, "book-form")?;
    wait_mounted(page, "book-form").await?;
    page.wait_for(
        "(sessionStorage.getItem('aa-form-book:draft') || '').includes('ada')",
        Duration::from_secs(5),
    )
    .await
    .map_err(|e| format!("the typed text never reached the live form's draft: {e}"))?;
    let value = page
        .eval("document.getElementById('book-email').value")
        .await?;
    ensure(value == "ada", || format!("the live field holds {value}"))?;
    // Typing goes on in the live field, after what was kept.
    page.press("@").await?;
    let value = page
        .eval("document.getElementById('book-email').value")
        .await?;
    ensure(value == "ada@", || format!("typing on gave {value}"))
}

/// A visitor who tabs into the insurance checker and types before its
/// code has arrived hears that it is getting ready, and then gets the
/// answer for what they typed, with focus still in the (live) field.
async fn typing_in_the_checker_before_its_code_arrives_is_answered(
    page: &Page,
) -> Result<(), String> {
    open(page).await?;
    focus_before(page, "checker").await?;
    page.press("Tab").await?;
    let before = focus_info(page).await?;
    ensure_not_yet_mounted(&before, "checker")?;
    ensure(before["tag"] == "input", || {
        format!("Tab into the checker's pre-render stopped on {before}, not its field")
    })?;
    let status = statuses(page, Some("checker")).await?;
    ensure(status == json!([CHECKER_LOADING]), || {
        format!("while loading, the checker's status says {status}")
    })?;
    for key in ["a", "e", "t", "a", "n", "a"] {
        page.press(key).await?;
    }
    ensure_not_yet_mounted(&focus_info(page).await?, "checker")?;
    wait_mounted(page, "checker").await?;
    answer(page, "Aetna is in our network").await?;
    let after = focus_info(page).await?;
    ensure(
        after["mounted"] == true && after["id"] == before["id"],
        || format!("after the mount focus is on {after}; it was on {before}"),
    )?;
    let value = page.eval("document.activeElement.value").await?;
    ensure(value == "aetana", || {
        format!("the live field holds {value}")
    })?;
    ensure_no_drops(page).await
}

/// Enter in a pre-rendered field, before the form can send, neither
/// submits the form to the page's own URL (which would put the answers in
/// the address bar and the server's logs) nor reloads the page; the live
/// form then has what was typed.
async fn enter_before_the_mount_sends_nothing_away(page: &Page) -> Result<(), String> {
    open(page).await?;
    page.run("window.__aaSamePage = true;", Vec::new()).await?;
    let url = page.eval("location.href").await?;
    focus_before(page, "book-form").await?;
    page.press("Tab").await?;
    ensure_not_yet_mounted(&focus_info(page).await?, "book-form")?;
    page.press("x").await?;
    page.press("Enter").await?;
    tokio::time::sleep(Duration::from_millis(300)).await;
    let same = page
        .eval("[location.href, window.__aaSamePage === true]")
        .await?;
    ensure(same == json!([url, true]), || {
        format!("Enter before the mount left the page: {same} (was {url})")
    })?;
    wait_mounted(page, "book-form").await?;
    let value = page
        .eval("document.getElementById('book-email').value")
        .await?;
    ensure(value == "x", || format!("the live field holds {value}"))
}

/// A visitor who only scrolls past a form is not told it is loading: the
/// status stays empty while the module arrives.
async fn scrolling_near_a_form_announces_nothing(page: &Page) -> Result<(), String> {
    open(page).await?;
    page.run(
        "document.querySelector('[data-aa-part=\"contact-form\"]').scrollIntoView({ block: 'center', behavior: 'instant' });",
        Vec::new(),
    )
    .await?;
    // The module is on its way (the delay holds it), the placeholder is in
    // view, nothing in it has focus.
    tokio::time::sleep(Duration::from_millis(500)).await;
    let status = statuses(page, None).await?;
    let mounted = page
        .eval("document.querySelectorAll('[data-aa-mounted]').length")
        .await?;
    ensure(mounted == 0, || {
        "the module arrived before its delay: the test proves nothing".into()
    })?;
    ensure(status == json!([]), || {
        format!("scrolling alone put words in a status: {status}")
    })?;
    wait_mounted(page, "contact-form").await
}

/// Tab through the whole page, top to bottom, at a phone's and a laptop's
/// width, lingering in a placeholder met before its mount until its form
/// has mounted: focus is never on the body.
async fn keyboard_walk_never_drops_focus_to_the_body(page: &Page) -> Result<(), String> {
    for (width, height) in [(360, 740), (1280, 800)] {
        page.viewport(width, height).await?;
        open(page).await?;
        walk(page)
            .await
            .map_err(|e| format!("at {width}x{height}: {e}"))?;
    }
    Ok(())
}

/// [`keyboard_walk_never_drops_focus_to_the_body`] at one size.
async fn walk(page: &Page) -> Result<(), String> {
    let mut stops = 0;
    let mut waited = Vec::new();
    loop {
        page.press("Tab").await?;
        stops += 1;
        let info = walk_stop(page).await?;
        ensure(info["body"] == false && !info.is_null(), || {
            format!("after {stops} Tab presses focus is on the body")
        })?;
        if let Some(part) = info["part"].as_str() {
            if info["mounted"] == false && !waited.contains(&part.to_string()) {
                waited.push(part.to_string());
                wait_mounted(page, part).await?;
                let after = focus_info(page).await?;
                ensure(after["part"] == part && after["mounted"] == true, || {
                    format!("{part} mounted and focus went from {info} to {after}")
                })?;
            }
        }
        // The last stop of the page: one more Tab leaves the document.
        if info["last"] == true {
            break;
        }
        ensure(stops < 400, || {
            "400 Tab presses never reached the end of the page".into()
        })?;
    }
    // The module is delayed, so the walk meets at least the first form
    // before its mount (the second may mount as it comes near).
    ensure(!waited.is_empty(), || {
        "the walk met no form before its mount: the test proves nothing".into()
    })?;
    ensure_no_drops(page).await
}
