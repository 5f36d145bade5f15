//! Partner embeds (src/widgets/): the widgets on a page of another origin
//! (the partner site, `harness/partner.rs`, serving `tests/e2e/partner/`),
//! loaded by the README's one script tag, isolated from the host's CSS,
//! working with a strict host CSP, reporting events without anything
//! personal, keeping the partner's fallback when something fails, and the
//! iframe alternative.

use std::time::Duration;

use serde_json::{json, Value};

use super::contact_form::{
    click, complete_steps, first_step_with_the_keyboard, keys, stored_once, tab_to, token,
    wait_step, DEEP_JS,
};
use super::content::{BOOK_HEADING, CHECKER_LABEL, CONTACT_HEADING, FAQ, PHONE};
use super::{built_generated, workspace};
use crate::harness::axe::{violations, WCAG_22_AA};
use crate::harness::own_site::OwnSite;
use crate::harness::{ensure, partner, tests, Name, Page, Query, Test};

/// This area's tests.
pub fn tests() -> Vec<Test> {
    tests![
        every_kind_mounts_from_another_origin,
        host_css_changes_nothing_inside,
        checker_answers_keyboard_only_and_reports_no_text,
        verify_fills_the_contact_form_widget,
        verify_without_a_form_widget_opens_the_page_prefilled,
        contact_form_widget_delivers_once,
        contact_form_widget_steps_with_the_keyboard_alone,
        contact_form_widget_reports_a_refused_message,
        book_offer_widget_sends_with_the_keyboard_alone,
        call_us_bar_is_reached_with_the_keyboard,
        faq_widget_opens_answers_with_the_keyboard,
        faq_widget_shows_the_chosen_questions_and_refuses_unknown_ones,
        strict_host_csp_needs_exactly_the_readme_lines,
        fallback_stays_when_the_loader_fails,
        fallback_stays_when_the_wasm_fails,
        widgets_share_one_wasm_download,
        single_page_apps_unmount_and_mount_again,
        narrow_partner_page_does_not_overflow,
        suggestions_stay_inside_the_widget,
        no_worker_and_no_storage_but_the_draft,
        iframe_embed_resizes_and_ignores_other_origins,
        no_wcag_violations_inside_the_widgets,
        no_wcag_violations_on_the_iframe_pages,
    ]
}

/// How long the widgets may take to start (the loader, the stylesheet and
/// the wasm module from the app's origin).
const READY: Duration = Duration::from_secs(20);

/// Every kind, as the demo page has them.
const KINDS: [&str; 5] = [
    "insurance-checker",
    "contact-form",
    "book-offer",
    "faq",
    "call-us",
];

/// The app's origin, which the partner page loads the widgets from.
fn app(page: &Page) -> String {
    page.url("")
}

/// Opens partner page `file` (embedding the app under test), with the
/// host policy `csp` if given.
async fn open_partner(page: &Page, file: &str, csp: Option<&str>) -> Result<(), String> {
    // A first visit of the partner site too: the runner clears only the
    // app's origin, and a form's draft would carry over from the last test.
    page.goto_url(&partner::page_url("blank.html", &app(page), None)?)
        .await?;
    page.run(
        "sessionStorage.clear(); localStorage.clear(); return null;",
        vec![],
    )
    .await?;
    page.goto_url(&partner::page_url(file, &app(page), csp)?)
        .await
}

/// The events the partner page's analytics recorded (`partner/record.js`).
async fn events(page: &Page) -> Result<Vec<Value>, String> {
    let value = page.eval("window.__events || []").await?;
    Ok(value.as_array().cloned().unwrap_or_default())
}

/// Waits until the host heard `event` (e.g. `aa-form-sent`), then gives
/// the `detail` of every such event so far, in order.
async fn heard(page: &Page, event: &str, timeout: Duration) -> Result<Vec<Value>, String> {
    let script = format!(
        "(window.__events || []).some((e) => e.type === {})",
        json!(event)
    );
    page.wait_for(&script, timeout)
        .await
        .map_err(|e| format!("the host never heard {event}: {e}"))?;
    Ok(events(page)
        .await?
        .into_iter()
        .filter(|e| e["type"] == event)
        .map(|e| e["detail"].clone())
        .collect())
}

/// Waits until each of `kinds` reported itself ready.
async fn wait_ready(page: &Page, kinds: &[&str]) -> Result<(), String> {
    let script = format!(
        "{}.every((k) => (window.__events || []).some((e) => e.type === 'aa-widget-ready' && e.kind === k))",
        json!(kinds)
    );
    page.wait_for(&script, READY)
        .await
        .map_err(|e| format!("widgets {kinds:?} did not all report ready: {e}"))
}

/// The demo page with every kind, ready.
async fn open_demo(page: &Page) -> Result<(), String> {
    open_partner(page, "demo.html", None).await?;
    wait_ready(page, &KINDS).await
}

/// Whether the partner's own fallback content of widget `kind` is what a
/// visitor sees (it has a box), and whether the widget's does.
async fn shown(page: &Page, kind: &str) -> Result<(bool, bool), String> {
    let value = page
        .run(
            "var host = document.querySelector('[data-aa-widget=\"' + arguments[0] + '\"]');
             var fallback = host.firstElementChild.getClientRects().length > 0;
             var box = host.shadowRoot && host.shadowRoot.querySelector('.aa-widget');
             return [fallback, !!box && !box.hidden && box.getClientRects().length > 0];",
            vec![json!(kind)],
        )
        .await?;
    Ok((value[0] == Value::Bool(true), value[1] == Value::Bool(true)))
}

/// Every kind mounts from the app's origin on the partner's, each in an
/// open shadow root, and the partner's fallback content gives way.
async fn every_kind_mounts_from_another_origin(page: &Page) -> Result<(), String> {
    open_demo(page).await?;
    let origin = page.eval("location.origin").await?;
    ensure(origin.as_str() != Some(app(page).as_str()), || {
        "the partner page is on the app's origin".into()
    })?;
    page.by_role("combobox", CHECKER_LABEL).await?;
    page.heading(2, CONTACT_HEADING).await?;
    page.heading(2, BOOK_HEADING).await?;
    for question in FAQ {
        page.by_role("button", question).await?;
    }
    let call = page.by_role("link", Name::contains("Call us")).await?;
    ensure(
        call.attr("href").await?.as_deref() == Some(&format!("tel:{PHONE}")),
        || "the call-us bar does not call the number".into(),
    )?;
    for kind in KINDS {
        ensure(shown(page, kind).await? == (false, true), || {
            format!("{kind}: the widget does not replace the partner's fallback")
        })?;
    }
    Ok(())
}

/// What the host could change in a widget: its boxes' sizes, fonts and
/// displays.
const LOOKS: &str = "return [...document.querySelectorAll('[data-aa-widget]')].map((host) => {
    const inside = [...host.shadowRoot.querySelectorAll('.aa-widget, .aa-widget *')];
    return inside.map((el) => { const s = getComputedStyle(el); const r = el.getBoundingClientRect();
      return [el.localName, s.display, s.fontSize, s.fontFamily, s.color, Math.round(r.width), Math.round(r.height)].join(' '); });
  });";

/// A host stylesheet that restyles everything (`* { all: revert }`,
/// `button { display: none }`, `div { font-size: 40px }`) changes nothing
/// inside the widgets.
async fn host_css_changes_nothing_inside(page: &Page) -> Result<(), String> {
    open_demo(page).await?;
    let before = page.run(LOOKS, vec![]).await?;
    page.run_async(
        "var done = arguments[arguments.length - 1];
         var link = document.createElement('link');
         link.rel = 'stylesheet'; link.href = '/hostile.css';
         link.onload = function () { requestAnimationFrame(function () { done(true); }); };
         link.onerror = function () { done(false); };
         document.head.append(link);",
        vec![],
    )
    .await?;
    let hostile = page
        .eval("getComputedStyle(document.querySelector('h1')).fontSize")
        .await?;
    ensure(hostile.as_str() != Some("40px"), || {
        "h1 stands for the page".into()
    })?;
    let div = page
        .eval("getComputedStyle(document.querySelector('[data-aa-widget]')).fontSize")
        .await?;
    ensure(div.as_str() == Some("40px"), || {
        format!("the hostile stylesheet did not apply to the page ({div})")
    })?;
    let after = page.run(LOOKS, vec![]).await?;
    if before != after {
        let (b, a) = (before.as_array(), after.as_array());
        let diff = b
            .zip(a)
            .map(|(b, a)| {
                b.iter()
                    .zip(a)
                    .flat_map(|(b, a)| {
                        let (b, a) = (
                            b.as_array().cloned().unwrap_or_default(),
                            a.as_array().cloned().unwrap_or_default(),
                        );
                        b.into_iter()
                            .zip(a)
                            .filter(|(x, y)| x != y)
                            .take(3)
                            .map(|(x, y)| format!("{x} -> {y}"))
                            .collect::<Vec<_>>()
                    })
                    .collect::<Vec<_>>()
            })
            .unwrap_or_default();
        return Err(format!("the host's CSS changed the widgets: {diff:?}"));
    }
    Ok(())
}

/// The checker's answer heading, once it shows.
async fn answer(page: &Page, heading: &str) -> Result<(), String> {
    let query = Query::role("heading")
        .level(3)
        .name(Name::contains(heading));
    let start = std::time::Instant::now();
    loop {
        match page.find(&query).await {
            Ok(_) => return Ok(()),
            Err(e) if start.elapsed() > Duration::from_secs(8) => return Err(e),
            Err(_) => tokio::time::sleep(Duration::from_millis(100)).await,
        }
    }
}

/// The checker works with the keyboard alone, and the host hears the
/// outcome and the carrier's id, never what was typed.
async fn checker_answers_keyboard_only_and_reports_no_text(page: &Page) -> Result<(), String> {
    open_demo(page).await?;
    tab_to(page, "combobox", CHECKER_LABEL).await?;
    keys(page, "aetnna").await?;
    answer(page, "Aetna").await?;
    let answered = heard(page, "aa-checker-answered", Duration::from_secs(5)).await?;
    ensure(
        answered.last() == Some(&json!({"outcome": "in-network", "carrier": "aetna"})),
        || format!("checker events: {answered:?}"),
    )?;
    let all = serde_json::to_string(&events(page).await?).unwrap_or_default();
    ensure(!all.to_lowercase().contains("aetnna"), || {
        format!("what was typed reached the host: {all}")
    })
}

/// "Verify my coverage" in the checker widget fills the contact-form
/// widget on the same page and brings it into view; the page stays.
async fn verify_fills_the_contact_form_widget(page: &Page) -> Result<(), String> {
    open_demo(page).await?;
    let field = page.by_role("combobox", CHECKER_LABEL).await?;
    field.type_text("Cigna").await?;
    answer(page, "Cigna").await?;
    let url = page.eval("location.href").await?;
    page.by_role("link", "Verify my coverage")
        .await?
        .click()
        .await?;
    page.wait_for(
        &format!("(function () {{ {DEEP_JS} var p = deep('[data-aa-part=\"contact-form\"]'); return p && p.innerText.includes('Cigna'); }})()"),
        Duration::from_secs(10),
    )
    .await
    .map_err(|e| format!("the contact form widget never said Cigna: {e}"))?;
    ensure(page.eval("location.href").await? == url, || {
        "the partner page navigated".into()
    })
}

/// With no form widget on the page, "Verify my coverage" opens the app's
/// page, whose contact form shows the insurer; the address is then clean.
async fn verify_without_a_form_widget_opens_the_page_prefilled(page: &Page) -> Result<(), String> {
    open_partner(page, "checker.html", None).await?;
    wait_ready(page, &["insurance-checker"]).await?;
    let field = page.by_role("combobox", CHECKER_LABEL).await?;
    field.type_text("Anthem").await?;
    answer(page, "Anthem").await?;
    let link = page.by_role("link", "Verify my coverage").await?;
    let href = link.attr("href").await?.unwrap_or_default();
    ensure(
        href.starts_with(&app(page))
            && href.contains("aa-insurer=Anthem")
            && href.contains("aa-carrier="),
        || format!("the link goes to {href}"),
    )?;
    link.click().await?;
    page.wait_for(
        "location.pathname === '/' && document.querySelector('[data-aa-part=\"contact-form\"][data-aa-mounted]')",
        READY,
    )
    .await?;
    page.wait_for(
        "document.querySelector('#contact').innerText.includes('Anthem')",
        Duration::from_secs(10),
    )
    .await
    .map_err(|e| format!("the page's contact form never said Anthem: {e}"))?;
    let search = page.eval("location.search").await?;
    ensure(search == json!(""), || format!("the address kept {search}"))
}

/// A message written in the contact-form widget reaches the reference
/// receiver once; the host hears the steps and "sent", nothing personal.
async fn contact_form_widget_delivers_once(page: &Page) -> Result<(), String> {
    let token = token(page, "widget");
    open_partner(page, "contact.html", None).await?;
    wait_ready(page, &["contact-form"]).await?;
    complete_steps(page, &token).await?;
    click(page, "button", "Send").await?;
    heard(page, "aa-form-sent", Duration::from_secs(15)).await?;
    stored_once(&token)?;
    let all = events(page).await?;
    let steps: Vec<Value> = heard(page, "aa-form-step", Duration::ZERO)
        .await?
        .iter()
        .map(|detail| detail["step"].clone())
        .collect();
    ensure(steps == [1, 2, 3, 4, 5].map(|n| json!(n)), || {
        format!("step events: {steps:?}")
    })?;
    let text = serde_json::to_string(&all).unwrap_or_default();
    for personal in [
        "Grace",
        "949.555",
        "grace@example.com",
        token.as_str(),
        "Aetna",
    ] {
        ensure(!text.contains(personal), || {
            format!("{personal:?} reached the host's events: {text}")
        })?;
    }
    Ok(())
}

/// The contact form in a widget goes from step 1 to step 2 with the
/// keyboard alone, and the host hears the step.
async fn contact_form_widget_steps_with_the_keyboard_alone(page: &Page) -> Result<(), String> {
    open_partner(page, "contact.html", None).await?;
    wait_ready(page, &["contact-form"]).await?;
    wait_step(page, "Step 1 of 5").await?;
    first_step_with_the_keyboard(page).await?;
    page.wait_for(
        "(window.__events || []).some((e) => e.type === 'aa-form-step' && e.detail.step === 2 && e.detail.form === 'contact')",
        Duration::from_secs(5),
    )
    .await
}

/// A message the backend refuses is reported to the host as failed
/// (`rejected`), with nothing of what was written.
async fn contact_form_widget_reports_a_refused_message(page: &Page) -> Result<(), String> {
    let token = token(page, "widgetfail");
    crate::harness::receiver::backend()?
        .control(json!({"token": token, "reply": "500", "times": 1}))?;
    open_partner(page, "contact.html", None).await?;
    wait_ready(page, &["contact-form"]).await?;
    complete_steps(page, &token).await?;
    click(page, "button", "Send").await?;
    let failed = heard(page, "aa-form-failed", Duration::from_secs(15)).await?;
    ensure(
        failed == [json!({"form": "contact", "reason": "rejected"})],
        || format!("failures reported: {failed:?}"),
    )?;
    let text = serde_json::to_string(&events(page).await?).unwrap_or_default();
    ensure(!text.contains(&token) && !text.contains("Grace"), || {
        format!("what was written reached the host: {text}")
    })
}

/// The book offer's form sends with the keyboard alone.
async fn book_offer_widget_sends_with_the_keyboard_alone(page: &Page) -> Result<(), String> {
    let token = token(page, "widgetbook");
    open_demo(page).await?;
    tab_to(page, "textbox", "Your email address").await?;
    keys(page, &format!("reader.{token}@example.com")).await?;
    tab_to(page, "button", "Send me the free book").await?;
    page.press("Enter").await?;
    let sent = heard(page, "aa-form-sent", Duration::from_secs(15)).await?;
    ensure(sent == [json!({"form": "book"})], || {
        format!("sent: {sent:?}")
    })?;
    stored_once(&token).map(drop)
}

/// Tab reaches the call bar's links.
async fn call_us_bar_is_reached_with_the_keyboard(page: &Page) -> Result<(), String> {
    open_demo(page).await?;
    for _ in 0..80 {
        page.press("Tab").await?;
        let here = page
            .eval("document.activeElement && document.activeElement.getAttribute('data-aa-widget')")
            .await?;
        if here == json!("call-us") {
            let focused = page.focused().await?.ok_or("nothing focused")?;
            return ensure(
                focused.role == "link" && focused.name.starts_with("Call us"),
                || {
                    format!(
                        "the call bar's first stop is {} {:?}",
                        focused.role, focused.name
                    )
                },
            );
        }
    }
    Err("Tab never reached the call bar".into())
}

/// The FAQ widget starts closed and opens an answer with the keyboard.
async fn faq_widget_opens_answers_with_the_keyboard(page: &Page) -> Result<(), String> {
    open_demo(page).await?;
    let button = page.by_role("button", FAQ[2]).await?;
    ensure(
        button.attr("aria-expanded").await?.as_deref() == Some("false"),
        || "the answer starts open".into(),
    )?;
    tab_to(page, "button", FAQ[2]).await?;
    page.press("Enter").await?;
    ensure(
        button.attr("aria-expanded").await?.as_deref() == Some("true"),
        || "Enter did not open the answer".into(),
    )
}

/// `data-aa-questions` picks questions, in the partner's order, by their
/// `faq.toml` ids or the page's anchors; an unknown id leaves that
/// widget's fallback, and says so.
async fn faq_widget_shows_the_chosen_questions_and_refuses_unknown_ones(
    page: &Page,
) -> Result<(), String> {
    open_partner(page, "faq.html", None).await?;
    page.wait_for(
        "['aa-widget-ready', 'aa-widget-failed'].every((t) => (window.__events || []).some((e) => e.type === t))",
        READY,
    )
    .await?;
    let shown: Vec<String> = {
        let mut names = Vec::new();
        for button in page
            .find_all(&Query::role("button").name(Name::contains("?")))
            .await?
        {
            names.push(page.info(&button).await?.name);
        }
        names
    };
    ensure(shown == [FAQ[3], FAQ[2]], || {
        format!("questions shown: {shown:?}")
    })?;
    let failed = events(page)
        .await?
        .into_iter()
        .find(|e| e["type"] == "aa-widget-failed")
        .map(|e| e["detail"].clone());
    ensure(
        failed == Some(json!({"kind": "faq", "reason": "mount"})),
        || format!("failure: {failed:?}"),
    )?;
    let fallback = page
        .eval("document.querySelectorAll('[data-aa-widget]')[1].firstElementChild.getClientRects().length > 0")
        .await?;
    ensure(fallback == json!(true), || {
        "the second widget's fallback is gone".into()
    })
}

/// The host policy the README tells a partner to add (its fenced
/// `csp` block), for the app at `app` and the form backend at `backend`.
fn readme_lines(app: &str, backend: &str) -> Result<Vec<String>, String> {
    let readme = std::fs::read_to_string(workspace().join("README.md"))
        .map_err(|e| format!("reading README.md: {e}"))?;
    let block = readme
        .split("```csp\n")
        .nth(1)
        .and_then(|rest| rest.split("```").next())
        .ok_or("README.md has no ```csp block")?;
    Ok(block
        .lines()
        .map(str::trim)
        .filter(|line| !line.is_empty())
        .map(|line| {
            line.replace("https://APP-ORIGIN", app)
                .replace("https://FORM-BACKEND", backend)
        })
        .collect())
}

/// A host page with a strict policy (`default-src 'none'`, its own script
/// only) works with exactly the README's lines, and fails to start the
/// widgets, keeping their fallbacks, without any one of them.
async fn strict_host_csp_needs_exactly_the_readme_lines(page: &Page) -> Result<(), String> {
    let backend = crate::harness::receiver::backend()?.url.clone();
    let lines = readme_lines(&app(page), &backend)?;
    ensure(lines.len() >= 3, || format!("README lines: {lines:?}"))?;
    let policy = |lines: &[String]| {
        // The host's own: its analytics script, nothing else.
        let mut directives: Vec<String> = vec!["default-src 'none'".into()];
        let mut script = "script-src 'self'".to_string();
        for line in lines {
            match line.strip_prefix("script-src ") {
                Some(rest) => script = format!("{script} {rest}"),
                None => directives.push(line.clone()),
            }
        }
        directives.push(script);
        directives.join("; ")
    };
    open_partner(page, "contact.html", Some(&policy(&lines))).await?;
    wait_ready(page, &["contact-form"]).await?;
    page.wait_for(
        &format!("(function () {{ {DEEP_JS} return deep('#contact form[data-ready]'); }})()"),
        READY,
    )
    .await
    .map_err(|e| format!("with the README's lines the form never got its configuration: {e}"))?;
    for (index, line) in lines.iter().enumerate() {
        let without: Vec<String> = lines
            .iter()
            .enumerate()
            .filter(|(i, _)| *i != index)
            .map(|(_, l)| l.clone())
            .collect();
        open_partner(page, "contact.html", Some(&policy(&without))).await?;
        // Either the loader itself is refused (no global), or it runs and
        // reports the widget it could not start.
        page.wait_for(
            "(window.__events || []).some((e) => e.type === 'aa-widget-failed') \
             || (document.readyState === 'complete' && performance.now() > 3000 && !window.AsanaRecoveryEmbed)",
            READY,
        )
        .await
        .map_err(|e| format!("without `{line}` the widget did not fail: {e}"))?;
        ensure(shown(page, "contact-form").await? == (true, false), || {
            format!("without `{line}` the partner's fallback is not what shows")
        })?;
    }
    Ok(())
}

/// When the loader itself cannot be fetched, the partner's fallback stays.
async fn fallback_stays_when_the_loader_fails(page: &Page) -> Result<(), String> {
    page.goto_url(&partner::page_url("demo.html", "http://127.0.0.1:9", None)?)
        .await?;
    tokio::time::sleep(Duration::from_secs(2)).await;
    for kind in KINDS {
        ensure(shown(page, kind).await?.0, || {
            format!("{kind}: no fallback")
        })?;
    }
    Ok(())
}

/// When the wasm cannot be fetched, every widget that needs it keeps its
/// fallback and says `aa-widget-failed`; the call bar, which needs none,
/// still shows.
async fn fallback_stays_when_the_wasm_fails(page: &Page) -> Result<(), String> {
    let own = OwnSite::start(page, &workspace(), &built_generated())?;
    for entry in std::fs::read_dir(&own.root)
        .map_err(|e| e.to_string())?
        .flatten()
    {
        let name = entry.file_name().to_string_lossy().into_owned();
        if name.starts_with("widgets") && name.contains("_bg.wasm") {
            std::fs::remove_file(entry.path()).map_err(|e| e.to_string())?;
        }
    }
    page.goto_url(&partner::page_url("demo.html", &own.base_url, None)?)
        .await?;
    page.wait_for(
        "(window.__events || []).filter((e) => e.type === 'aa-widget-failed').length === 4",
        READY,
    )
    .await?;
    for kind in ["insurance-checker", "contact-form", "book-offer", "faq"] {
        ensure(shown(page, kind).await? == (true, false), || {
            format!("{kind}: the fallback is not what shows")
        })?;
    }
    ensure(shown(page, "call-us").await? == (false, true), || {
        "the call bar did not show".into()
    })?;
    let failed: Vec<Value> = events(page)
        .await?
        .into_iter()
        .filter(|e| e["type"] == "aa-widget-failed")
        .map(|e| e["detail"]["reason"].clone())
        .collect();
    ensure(failed.iter().all(|r| r == "script"), || {
        format!("reasons: {failed:?}")
    })
}

/// Four wasm widgets on one page download one module, once.
async fn widgets_share_one_wasm_download(page: &Page) -> Result<(), String> {
    open_demo(page).await?;
    let wasm = page
        .eval("performance.getEntriesByType('resource').map((e) => e.name).filter((n) => n.endsWith('.wasm'))")
        .await?;
    let names = wasm.as_array().cloned().unwrap_or_default();
    ensure(names.len() == 1, || format!("wasm requests: {names:?}"))?;
    ensure(
        names[0]
            .as_str()
            .is_some_and(|n| n.contains("/widgets-forms-")),
        || format!("not the module with the forms: {names:?}"),
    )
}

/// A single-page app removes a widget with `AsanaRecoveryEmbed.unmount`
/// (the fallback shows again) and brings it back with `mount`, working.
async fn single_page_apps_unmount_and_mount_again(page: &Page) -> Result<(), String> {
    open_demo(page).await?;
    page.run(
        "AsanaRecoveryEmbed.unmount(document.querySelector('[data-aa-widget=\"insurance-checker\"]')); return null;",
        vec![],
    )
    .await?;
    ensure(
        shown(page, "insurance-checker").await? == (true, false),
        || "after unmount the fallback is not what shows".into(),
    )?;
    ensure(
        page.find_all(&Query::role("combobox").name(CHECKER_LABEL))
            .await?
            .is_empty(),
        || "the checker is still there".into(),
    )?;
    page.run(
        "window.__events = []; AsanaRecoveryEmbed.mount(document.querySelector('[data-aa-widget=\"insurance-checker\"]')); return null;",
        vec![],
    )
    .await?;
    wait_ready(page, &["insurance-checker"]).await?;
    ensure(
        shown(page, "insurance-checker").await? == (false, true),
        || "after mount the widget is not what shows".into(),
    )?;
    page.by_role("combobox", CHECKER_LABEL)
        .await?
        .type_text("Cigna")
        .await?;
    answer(page, "Cigna").await
}

/// Given 280 px (the partner's column; WebKit's window cannot be made that
/// narrow, so the page's is 320 px): nothing inside a widget overflows its
/// box, and the page does not scroll sideways.
async fn narrow_partner_page_does_not_overflow(page: &Page) -> Result<(), String> {
    page.viewport(320, 800).await?;
    open_demo(page).await?;
    let overflow = page
        .run(
            "var style = document.createElement('style');
             style.textContent = '[data-aa-widget] { width: 280px; }';
             document.head.append(style);
             var out = [];
             if (document.documentElement.scrollWidth > document.documentElement.clientWidth) out.push('page ' + document.documentElement.scrollWidth);
             for (const host of document.querySelectorAll('[data-aa-widget]')) {
               const width = host.getBoundingClientRect().right;
               for (const el of host.shadowRoot.querySelectorAll('*')) {
                 const r = el.getBoundingClientRect();
                 if (r.width && r.right > width + 0.5) out.push(host.dataset.aaWidget + ' ' + el.localName + '.' + el.className + ' ' + Math.round(r.right));
               }
             }
             return out.slice(0, 10);",
            vec![],
        )
        .await?;
    ensure(overflow == json!([]), || {
        format!("overflowing at 280 px: {overflow}")
    })
}

/// The checker's suggestions push the widget's content down: they never
/// cover the partner's page below the widget, and need no scroll bar.
async fn suggestions_stay_inside_the_widget(page: &Page) -> Result<(), String> {
    open_partner(page, "checker.html", None).await?;
    wait_ready(page, &["insurance-checker"]).await?;
    page.by_role("combobox", CHECKER_LABEL)
        .await?
        .type_text("Blue")
        .await?;
    let listbox = Query::role("listbox").name("Matching insurers");
    let start = std::time::Instant::now();
    while page.find_all(&listbox).await?.is_empty() {
        ensure(start.elapsed() < Duration::from_secs(8), || {
            "no suggestions were listed for \"Blue\"".into()
        })?;
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    let boxes = page
        .run(
            "var host = document.querySelector('[data-aa-widget]');
             var list = host.shadowRoot.querySelector('[role=listbox]');
             var h = host.getBoundingClientRect(), l = list.getBoundingClientRect();
             // What comes after the field: the answer, which the list must
             // push down rather than cover.
             var next = host.shadowRoot.querySelector('.aa-checker__answer').getBoundingClientRect();
             return { listBottom: l.bottom, hostBottom: h.bottom, nextTop: next.top,
                      options: list.children.length, scrolls: list.scrollHeight > list.clientHeight + 1 };",
            vec![],
        )
        .await?;
    let at = |key: &str| boxes[key].as_f64().unwrap_or(f64::NAN);
    ensure(at("listBottom") <= at("hostBottom") + 0.5, || {
        format!("the suggestions reach outside the widget: {boxes}")
    })?;
    ensure(at("listBottom") <= at("nextTop") + 0.5, || {
        format!("the suggestions cover what follows them: {boxes}")
    })?;
    ensure(
        boxes["scrolls"] == false && boxes["options"].as_u64() >= Some(1),
        || format!("the suggestions scroll, or there are none: {boxes}"),
    )
}

/// After using the widgets: no service worker, no cookie, no localStorage,
/// nothing in sessionStorage but the form's draft.
async fn no_worker_and_no_storage_but_the_draft(page: &Page) -> Result<(), String> {
    open_demo(page).await?;
    let field = page.by_role("combobox", CHECKER_LABEL).await?;
    field.type_text("Aetna").await?;
    page.by_role("button", FAQ[0]).await?.click().await?;
    wait_step(page, "Step 1 of 5").await?;
    click(page, "radio", "Someone I care about").await?;
    let state = page
        .run_async(
            "var done = arguments[arguments.length - 1];
             var regs = navigator.serviceWorker ? navigator.serviceWorker.getRegistrations() : Promise.resolve([]);
             regs.then(function (r) { done({ workers: r.length, cookie: document.cookie, local: localStorage.length,
               session: Object.keys(sessionStorage), controller: !!(navigator.serviceWorker && navigator.serviceWorker.controller) }); });",
            vec![],
        )
        .await?;
    ensure(
        state["workers"] == 0 && state["controller"] == false,
        || format!("a service worker: {state}"),
    )?;
    ensure(state["cookie"] == "" && state["local"] == 0, || {
        format!("storage: {state}")
    })?;
    let session = state["session"].as_array().cloned().unwrap_or_default();
    ensure(
        session
            .iter()
            .all(|k| k.as_str().is_some_and(|k| k.starts_with("aa-form-"))),
        || format!("sessionStorage keys: {session:?}"),
    )
}

/// The iframe embed: the host's loader sizes it to its content, and a
/// message from another origin changes nothing.
async fn iframe_embed_resizes_and_ignores_other_origins(page: &Page) -> Result<(), String> {
    open_partner(page, "frame.html", None).await?;
    let frame = "document.querySelector('iframe')";
    page.wait_for(
        &format!("{frame}.getBoundingClientRect().height > 400"),
        READY,
    )
    .await
    .map_err(|e| format!("the frame was never sized to its content: {e}"))?;
    // The frame shows its fallback, then its live widget: wait until it
    // has settled, so only the message below could change it.
    let height_now = format!("Math.round({frame}.getBoundingClientRect().height)");
    let mut height = page.eval(&height_now).await?;
    let mut same = 0;
    let start = std::time::Instant::now();
    while same < 4 && start.elapsed() < READY {
        tokio::time::sleep(Duration::from_millis(250)).await;
        let now = page.eval(&height_now).await?;
        same = if now == height { same + 1 } else { 0 };
        height = now;
    }
    // Same shape, wrong origin: the partner page itself.
    page.run(
        "window.postMessage({ type: 'aa-embed-size', height: 37 }, '*'); return null;",
        vec![],
    )
    .await?;
    tokio::time::sleep(Duration::from_millis(500)).await;
    let after = page.eval(&height_now).await?;
    ensure(after != json!(37), || {
        format!("a message from the wrong origin resized the frame: {height} -> {after}")
    })
}

/// axe-core finds no WCAG 2.2 A/AA violation in the widgets (it reads open
/// shadow roots).
async fn no_wcag_violations_inside_the_widgets(page: &Page) -> Result<(), String> {
    open_demo(page).await?;
    let found = violations(page, &WCAG_22_AA).await?;
    ensure(found.is_empty(), || {
        format!(
            "axe-core found WCAG 2.2 A/AA violations:\n  {}",
            found.join("\n  ")
        )
    })
}

/// Each iframe page, live, is a whole accessible document of its own (a
/// title, a language, its widget) to axe-core.
async fn no_wcag_violations_on_the_iframe_pages(page: &Page) -> Result<(), String> {
    for kind in KINDS {
        page.goto(&format!("/embed/{kind}/")).await?;
        page.wait_for(
            "document.querySelector('[data-aa-widget]').shadowRoot?.querySelector('.aa-widget:not([hidden])')",
            READY,
        )
        .await
        .map_err(|e| format!("{kind}: the iframe page's widget did not start: {e}"))?;
        let found = violations(page, &WCAG_22_AA).await?;
        ensure(found.is_empty(), || {
            format!(
                "{kind}: axe-core found WCAG 2.2 A/AA violations:\n  {}",
                found.join("\n  ")
            )
        })?;
    }
    Ok(())
}
