//! Checks of the harness itself on a fixed page (`/__e2e/fixture.html`), so
//! that a failure elsewhere is known to be the app's, in every engine.

use serde_json::json;

use crate::harness::servers::FIXTURE_PATH;
use crate::harness::{ensure, tests, Name, Page, Query, Test};

/// This area's tests.
pub fn tests() -> Vec<Test> {
    tests![
        roles_and_names,
        hidden_elements_and_text,
        keyboard_and_typing,
        console_capture,
        viewport_is_exact
    ]
}

/// Implicit roles and accessible names as the harness computes them.
async fn roles_and_names(page: &Page) -> Result<(), String> {
    page.goto(FIXTURE_PATH).await?;
    page.heading(1, "Fixture heading").await?;
    let nav = page.by_role("navigation", "Sections").await?;
    let links = page.find_all(&Query::role("link").within(&nav)).await?;
    ensure(links.len() == 2, || {
        format!("expected 2 links in the nav, got {}", links.len())
    })?;
    page.find(&Query::role("list").within(&nav)).await?;
    page.by_role("region", "A form").await?;
    page.by_role("textbox", "Email address").await?;
    page.by_role("textbox", Name::contains("EMAIL")).await?;
    page.by_role("checkbox", "I agree").await?;
    page.by_role("combobox", "Plan").await?;
    page.by_role("option", "Pro").await?;
    page.by_role("radio", "Text").await?;
    page.by_role("listbox", "Topics").await?;
    page.by_role("option", "Billing").await?;
    page.by_role("alert", "Something needs attention").await?;
    page.by_role("dialog", "Notice").await?;
    page.by_role("button", "Send now").await?;
    page.by_role("button", Name::regex("^send\\b", "i")).await?;
    for landmark in ["banner", "main", "contentinfo", "status"] {
        page.find(&Query::role(landmark)).await?;
    }
    let missing = page.by_role("heading", "No such heading").await;
    ensure(
        missing
            .as_ref()
            .is_err_and(|e| e.contains("Fixture heading")),
        || format!("a failed lookup should list the headings there are, got {missing:?}"),
    )
}

/// Hidden elements are outside the accessibility tree unless asked for;
/// by_text finds the deepest visible element.
async fn hidden_elements_and_text(page: &Page) -> Result<(), String> {
    page.goto(FIXTURE_PATH).await?;
    let h3 = page.find_all(&Query::role("heading").level(3)).await?;
    ensure(h3.is_empty(), || "an aria-hidden heading was found".into())?;
    let h3 = page
        .find_all(&Query::role("heading").level(3).include_hidden())
        .await?;
    ensure(h3.len() == 1, || {
        format!("include_hidden found {} h3s", h3.len())
    })?;
    let visible = page.by_text("Visible text").await?;
    let tag = visible.eval("return el.localName").await?;
    ensure(tag == json!("p"), || {
        format!("by_text found a {tag}, expected the <p>")
    })?;
    ensure(page.by_text("Hidden text").await.is_err(), || {
        "by_text found hidden text".into()
    })
}

/// Clicking, typing, Tab / Shift+Tab / Space, and reading focus.
async fn keyboard_and_typing(page: &Page) -> Result<(), String> {
    page.goto(FIXTURE_PATH).await?;
    let email = page.by_role("textbox", "Email address").await?;
    email.click().await?;
    email.type_text("a@example.org").await?;
    let value = email.eval("return el.value").await?;
    ensure(value == json!("a@example.org"), || {
        format!("typed value is {value}")
    })?;
    let focused = page.focused().await?.map(|f| (f.role, f.name));
    ensure(
        focused == Some(("textbox".into(), "Email address".into())),
        || format!("focus after clicking the field: {focused:?}"),
    )?;
    page.press("Tab").await?;
    let focused = page.focused().await?.map(|f| (f.role, f.name));
    ensure(
        focused == Some(("checkbox".into(), "I agree".into())),
        || format!("focus after Tab: {focused:?}"),
    )?;
    page.press("Space").await?;
    let checked = page
        .eval("document.getElementById('agree').checked")
        .await?;
    ensure(checked == json!(true), || {
        "Space did not check the focused checkbox".into()
    })?;
    page.press("Shift+Tab").await?;
    let focused = page.focused().await?.map(|f| f.name);
    ensure(focused.as_deref() == Some("Email address"), || {
        format!("focus after Shift+Tab: {focused:?}")
    })?;
    let text = page.by_role("button", "Send now").await?.text().await?;
    ensure(text.trim() == "now", || format!("button text is {text:?}"))
}

/// console.error, failed loads and error events end up in errors().
async fn console_capture(page: &Page) -> Result<(), String> {
    page.goto(FIXTURE_PATH).await?;
    let before = page.errors().await?;
    ensure(before.is_empty(), || {
        format!("the fixture logged errors: {before:?}")
    })?;
    // Errors thrown by WebDriver-injected code are muted ("Script error.")
    // or not reported at all by Chromium, so the uncaught-error path is fed
    // a synthetic ErrorEvent; the failed image load is real.
    page.run(
        "console.error('boom', {a: 1});
         var img = document.createElement('img'); img.src = '/__e2e/missing.png'; document.body.appendChild(img);
         window.dispatchEvent(new ErrorEvent('error', { message: 'late', filename: 'x.js', lineno: 7 }));
         return null;",
        vec![],
    )
    .await?;
    let waited = page
        .wait_for(
            "window.__e2eErrors.length >= 3",
            std::time::Duration::from_secs(5),
        )
        .await;
    let errors = page.errors().await?;
    waited.map_err(|e| format!("{e}; captured: {errors:?}"))?;
    for want in [
        "console.error: boom {\"a\":1}",
        "failed to load <img> http",
        "uncaught late at x.js:7",
    ] {
        ensure(errors.iter().any(|e| e.starts_with(want)), || {
            format!("no {want:?} in {errors:?}")
        })?;
    }
    Ok(())
}

/// viewport() makes innerWidth exact, and scrollbars take no layout width
/// (as on phones), in every engine, down to 320 px.
async fn viewport_is_exact(page: &Page) -> Result<(), String> {
    page.goto(FIXTURE_PATH).await?;
    page.run(
        "document.body.style.minHeight = '3000px'; return null;",
        vec![],
    )
    .await?;
    for (width, height) in [(320, 640), (768, 900), (1440, 900)] {
        page.viewport(width, height).await?;
        let got = page
            .eval("[innerWidth, innerHeight, document.documentElement.clientWidth]")
            .await?;
        ensure(got == json!([width, height, width]), || {
            format!("asked for {width}x{height}: [innerWidth, innerHeight, clientWidth] = {got}")
        })?;
    }
    Ok(())
}
