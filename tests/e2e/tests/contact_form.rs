//! The contact form and the free-book form against the real reference
//! receiver (harness/receiver.rs): keyboard-only submissions in each
//! encoding, drafts that survive reloads, failures (500, 422, hang,
//! offline) that lose nothing, validation messages, and axe-core.
//!
//! Offline is simulated: WebDriver cannot cut the network in every engine,
//! so the tests dispatch the window's `offline`/`online` events, which is
//! what the form listens to (navigator.onLine itself stays true).

use std::time::{Duration, SystemTime, UNIX_EPOCH};

use fantoccini::actions::{InputSource, KeyAction, KeyActions};
use serde_json::{json, Value};

use super::{reach_forms, wait_hydrated, HYDRATION_TIMEOUT};
use crate::harness::receiver::{backend, TIMEOUT_SECONDS};
use crate::harness::{axe, ensure, tests, Name, Page, Query, Test};

/// This area's tests.
pub fn tests() -> Vec<Test> {
    tests![
        keyboard_only_json,
        keyboard_only_urlencoded,
        keyboard_only_multipart,
        reload_keeps_answers,
        server_error_then_retry_delivers_once,
        field_errors_land_on_their_step,
        hang_times_out_and_keeps_answers,
        offline_then_online_delivers,
        bad_inputs_get_clear_messages,
        browser_back_moves_between_steps,
        decoration_stays_out_of_accessible_names,
        change_returns_to_check_answers,
        double_click_sends_once,
        book_form_sends_the_email,
        checker_choice_fills_the_insurance_step,
        carrier_field_suggests_from_aliases,
        too_fast_asks_to_confirm,
        missing_config_asks_to_call,
        invalid_config_asks_to_call,
        embed_attributes_configure_the_forms,
        invalid_embed_attributes_ask_to_call,
        axe_clean_on_every_step,
        axe_clean_with_errors,
        axe_clean_when_sending,
    ]
}

pub(super) const WAIT: Duration = Duration::from_secs(10);

/// A token unique to this engine, test and moment, put in what the test
/// types so the receiver's file and rules are per test.
pub(super) fn token(page: &Page, what: &str) -> String {
    let nanos = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map(|d| d.subsec_nanos())
        .unwrap_or(0);
    let engine: String = page
        .engine
        .name()
        .chars()
        .filter(char::is_ascii_alphanumeric)
        .collect();
    let what: String = what.chars().filter(char::is_ascii_alphanumeric).collect();
    format!("tk{engine}{what}{nanos}")
}

/// A JS function `deep(selector)`: the first match in the document or in
/// a partner widget's shadow root, so the helpers below drive a form on the
/// page and in a widget alike.
pub(super) const DEEP_JS: &str = "function deep(s) { var f = document.querySelector(s); if (f) return f; var hosts = document.querySelectorAll('[data-aa-widget]'); for (var i = 0; i < hosts.length; i++) { f = hosts[i].shadowRoot && hosts[i].shadowRoot.querySelector(s); if (f) return f; } return null; }";

/// Opens `path` and waits until the app hydrated and the contact form has
/// its configuration.
pub(super) async fn open(page: &Page, path: &str) -> Result<(), String> {
    page.goto(path).await?;
    wait_hydrated(page).await?;
    reach_forms(page).await?;
    page.wait_for(
        "document.querySelector('#contact form[data-ready]')",
        HYDRATION_TIMEOUT,
    )
    .await
    .map_err(|e| format!("the contact form never got its configuration: {e}"))
}

/// The one submission the receiver stored with `token` (several would be
/// duplicates, none a loss).
pub(super) fn stored_once(token: &str) -> Result<Value, String> {
    let mut records = backend()?.records(token);
    ensure(records.len() == 1, || {
        format!(
            "expected one stored submission with {token}, got {}: {records:?}",
            records.len()
        )
    })?;
    Ok(records.remove(0))
}

/// The contact form's draft in sessionStorage, or "" when there is none.
pub(super) async fn session_draft(page: &Page) -> Result<String, String> {
    let draft = page
        .eval("sessionStorage.getItem('aa-form-contact:draft') || ''")
        .await?;
    Ok(draft.as_str().unwrap_or_default().to_owned())
}

/// Waits until the live (mounted) form's step heading says `text` (e.g.
/// "Step 2 of 5"); the inert pre-render always says "Step 1 of 5".
pub(super) async fn wait_step(page: &Page, text: &str) -> Result<(), String> {
    let script = format!(
        "(function () {{ {DEEP_JS} return (deep('[data-aa-mounted] #contact-step-heading') || {{}}).textContent?.includes({}); }})()",
        json!(text)
    );
    page.wait_for(&script, WAIT)
        .await
        .map_err(|e| format!("the form did not reach {text:?}: {e}"))
}

/// Waits until some element's text contains `text`.
pub(super) async fn wait_text(page: &Page, text: &str, timeout: Duration) -> Result<(), String> {
    let script = format!("document.body.innerText.includes({})", json!(text));
    page.wait_for(&script, timeout)
        .await
        .map_err(|e| format!("{text:?} never appeared: {e}"))
}

/// Types `text` on the keyboard into whatever has focus.
pub(super) async fn keys(page: &Page, text: &str) -> Result<(), String> {
    let mut seq = KeyActions::new("keyboard".to_string());
    for c in text.chars() {
        seq = seq
            .then(KeyAction::Down { value: c })
            .then(KeyAction::Up { value: c });
    }
    page.client()
        .perform_actions(seq)
        .await
        .map_err(|e| format!("typing {text:?}: {e}"))?;
    page.client()
        .release_actions()
        .await
        .map_err(|e| format!("releasing keys: {e}"))
}

/// Presses Tab until the focused element has `role` and a name starting
/// with `name`.
pub(super) async fn tab_to(page: &Page, role: &str, name: &str) -> Result<(), String> {
    let mut seen = Vec::new();
    // A partner page with every widget has some 50 stops.
    for _ in 0..60 {
        page.press("Tab").await?;
        if let Some(info) = page.focused().await? {
            if info.role == role && info.name.starts_with(name) {
                return Ok(());
            }
            let short: String = info.name.chars().take(40).collect();
            seen.push(format!("{} {short:?}", info.role));
        }
    }
    Err(format!(
        "Tab never reached {role} {name:?}; it went through: {}",
        seen.join(", ")
    ))
}

/// Answers step 1 with Tab, Space and Enter alone ("Me", "Alcohol",
/// Continue) and waits for step 2.
pub(super) async fn first_step_with_the_keyboard(page: &Page) -> Result<(), String> {
    tab_to(page, "radio", "Me").await?;
    page.press("Space").await?;
    tab_to(page, "checkbox", "Alcohol").await?;
    page.press("Space").await?;
    tab_to(page, "button", "Continue").await?;
    page.press("Enter").await?;
    wait_step(page, "Step 2 of 5").await
}

/// Sets a field's value as typing would (an `input` event), for tests about
/// something other than the keyboard; works for text WebDriver cannot type
/// (emoji).
pub(super) async fn fill(page: &Page, id: &str, value: &str) -> Result<(), String> {
    let done = page
        .run(
            &format!(
                "{DEEP_JS}
                 var el = deep('#' + arguments[0]);
                 if (!el) return false;
                 el.focus();
                 el.value = arguments[1];
                 el.dispatchEvent(new Event('input', {{ bubbles: true }}));
                 return true;"
            ),
            vec![json!(id), json!(value)],
        )
        .await?;
    ensure(done == Value::Bool(true), || format!("no field #{id}"))
}

/// The value of field `id`.
pub(super) async fn value_of(page: &Page, id: &str) -> Result<String, String> {
    let value = page
        .run(
            &format!("{DEEP_JS} var el = deep('#' + arguments[0]); return el ? el.value : null;"),
            vec![json!(id)],
        )
        .await?;
    value
        .as_str()
        .map(str::to_string)
        .ok_or_else(|| format!("no field #{id}"))
}

/// Clicks the element with `role` and `name`, once it is centred and not
/// moving (the page scrolls smoothly when focus moves), so the sticky header
/// cannot cover it.
pub(super) async fn click(page: &Page, role: &str, name: impl Into<Name>) -> Result<(), String> {
    let element = page.by_role(role, name).await?;
    let mut last = Value::Null;
    for _ in 0..30 {
        let top = element
            .eval(
                "var r = el.getBoundingClientRect();
                 if (r.top < 80 || r.bottom > window.innerHeight) el.scrollIntoView({ block: 'center', behavior: 'instant' });
                 return Math.round(el.getBoundingClientRect().top);",
            )
            .await?;
        if top == last {
            break;
        }
        last = top;
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    element.click().await
}

/// Answers steps 1 to 4 with clicks and `fill`, putting `token` in the
/// message; ends on "check your answers".
pub(super) async fn complete_steps(page: &Page, token: &str) -> Result<(), String> {
    wait_step(page, "Step 1 of 5").await?;
    click(page, "radio", "Someone I care about").await?;
    click(page, "checkbox", "Drugs").await?;
    click(page, "checkbox", "Mental health").await?;
    click(page, "button", "Continue").await?;
    wait_step(page, "Step 2 of 5").await?;
    fill(page, "contact-name", "Grace Hopper").await?;
    fill(page, "contact-phone", "949.555.0188").await?;
    fill(page, "contact-email", "grace@example.com").await?;
    click(page, "radio", "Text message").await?;
    click(page, "button", "Continue").await?;
    wait_step(page, "Step 3 of 5").await?;
    fill(page, "contact-carrier", "Aetna").await?;
    click(page, "button", "Continue").await?;
    wait_step(page, "Step 4 of 5").await?;
    fill(
        page,
        "contact-message",
        &format!("Evenings are best. {token}"),
    )
    .await?;
    click(page, "checkbox", Name::contains("may contact me")).await?;
    click(page, "button", "Continue").await?;
    wait_step(page, "Step 5 of 5").await
}

/// The focused element's accessible name (empty if none).
async fn focused_name(page: &Page) -> Result<String, String> {
    Ok(page.focused().await?.map(|i| i.name).unwrap_or_default())
}

/// A full submission with the keyboard alone, from the header's "Send us a
/// message" link to the confirmation; returns the stored record.
async fn keyboard_submission(page: &Page, path: &str, what: &str) -> Result<Value, String> {
    let token = token(page, what);
    open(page, path).await?;
    let link = page
        .find(
            &Query::role("link")
                .name(Name::contains("Send us a message"))
                .within(&page.find(&Query::role("banner")).await?),
        )
        .await?;
    link.eval("el.focus()").await?;
    page.press("Enter").await?;

    first_step_with_the_keyboard(page).await?;
    page.wait_for(
        "document.activeElement && document.activeElement.id === 'contact-step-heading'",
        WAIT,
    )
    .await
    .map_err(|e| format!("focus did not move to the step heading: {e}"))?;

    tab_to(page, "textbox", "Your name").await?;
    keys(page, "Ada Lovelace").await?;
    tab_to(page, "textbox", "Phone number").await?;
    keys(page, "(949) 555-0123").await?;
    tab_to(page, "textbox", "Email address").await?;
    keys(page, &format!("ada+{token}@example.com")).await?;
    tab_to(page, "radio", "Phone call").await?;
    page.press("Space").await?;
    tab_to(page, "button", "Continue").await?;
    page.press("Enter").await?;
    wait_step(page, "Step 3 of 5").await?;

    tab_to(page, "combobox", "Insurance carrier").await?;
    keys(page, "Cigna").await?;
    tab_to(page, "button", "Continue").await?;
    page.press("Enter").await?;
    wait_step(page, "Step 4 of 5").await?;

    tab_to(page, "textbox", "Your message").await?;
    keys(page, &format!("Please call after 5pm. {token}")).await?;
    tab_to(page, "checkbox", "I agree").await?;
    page.press("Space").await?;
    tab_to(page, "button", "Continue").await?;
    page.press("Enter").await?;
    wait_step(page, "Step 5 of 5").await?;

    tab_to(page, "button", "Send").await?;
    page.press("Enter").await?;
    wait_text(page, "Message sent", WAIT).await?;
    page.wait_for(
        "document.activeElement && document.activeElement.id === 'contact-done-heading'",
        WAIT,
    )
    .await
    .map_err(|e| format!("focus did not move to the confirmation: {e}"))?;
    let focused = focused_name(page).await?;
    ensure(focused == "Message sent", || {
        format!("focus is on {focused:?}, not the confirmation")
    })?;
    wait_text(page, "(949) 763-3440", WAIT).await?;

    let record = stored_once(&token)?;
    let fields = &record["fields"];
    for (name, want) in [
        ("name", "Ada Lovelace"),
        ("phone", "+19495550123"),
        ("who", "me"),
        ("contact_method", "call"),
        ("carrier", "Cigna"),
        ("form", "contact"),
    ] {
        ensure(fields[name] == want, || {
            format!("{name} is {}, expected {want:?} in {record}", fields[name])
        })?;
    }
    ensure(
        record["idempotency_key"]
            .as_str()
            .is_some_and(|k| k.len() == 36),
        || format!("no idempotency key in {record}"),
    )?;
    Ok(record)
}

/// Keyboard only, JSON to the receiver.
async fn keyboard_only_json(page: &Page) -> Result<(), String> {
    let record = keyboard_submission(page, "/", "json").await?;
    let fields = &record["fields"];
    ensure(record["encoding"] == "json", || {
        format!("sent as {}", record["encoding"])
    })?;
    ensure(fields["concerns"] == json!(["alcohol"]), || {
        format!("concerns: {}", fields["concerns"])
    })?;
    ensure(fields["consent"] == json!(true), || {
        format!("consent: {}", fields["consent"])
    })
}

/// Keyboard only, urlencoded in the Netlify style (`form-name`, `bot-field`,
/// the key as a field only).
async fn keyboard_only_urlencoded(page: &Page) -> Result<(), String> {
    let record = keyboard_submission(page, "/form/urlencoded/", "url").await?;
    let fields = &record["fields"];
    ensure(record["encoding"] == "urlencoded", || {
        format!("sent as {}", record["encoding"])
    })?;
    ensure(fields["form-name"] == "contact", || {
        format!("form-name: {}", fields["form-name"])
    })?;
    ensure(fields["bot-field"] == "", || {
        format!("bot-field: {}", fields["bot-field"])
    })?;
    ensure(fields["consent"] == "yes", || {
        format!("consent: {}", fields["consent"])
    })?;
    ensure(
        fields["idempotency_key"] == record["idempotency_key"],
        || format!("key field: {record}"),
    )
}

/// Keyboard only, multipart with a deployer header.
async fn keyboard_only_multipart(page: &Page) -> Result<(), String> {
    let record = keyboard_submission(page, "/form/multipart/", "multi").await?;
    ensure(record["encoding"] == "multipart", || {
        format!("sent as {}", record["encoding"])
    })?;
    ensure(record["fields"]["concerns"] == "alcohol", || {
        format!("concerns: {}", record["fields"]["concerns"])
    })
}

/// A reload mid-form keeps the step and every answer, in sessionStorage only.
async fn reload_keeps_answers(page: &Page) -> Result<(), String> {
    open(page, "/").await?;
    click(page, "radio", "Me").await?;
    click(page, "checkbox", "Alcohol").await?;
    click(page, "button", "Continue").await?;
    wait_step(page, "Step 2 of 5").await?;
    let name = page.by_role("textbox", "Your name").await?;
    name.type_text("Ada Lovelace").await?;
    fill(page, "contact-email", "ada@example.com").await?;

    page.eval("location.reload()").await?;
    open(page, "/").await?;
    wait_step(page, "Step 2 of 5").await?;
    page.wait_for(
        "document.getElementById('contact-name').value === 'Ada Lovelace'",
        WAIT,
    )
    .await?;
    ensure(
        value_of(page, "contact-email").await? == "ada@example.com",
        || "the email was lost".into(),
    )?;
    let stored = page
        .eval("[!!sessionStorage.getItem('aa-form-contact:draft'), localStorage.getItem('aa-form-contact:draft')]")
        .await?;
    ensure(stored == json!([true, null]), || {
        format!("session/local draft: {stored}")
    })?;

    click(page, "button", "Back").await?;
    // Firefox treats going back to an entry made before the reload as a
    // new page load: let the app and the forms come up again.
    wait_hydrated(page).await?;
    reach_forms(page).await?;
    wait_step(page, "Step 1 of 5").await?;
    let checked = page
        .eval("[document.getElementById('contact-who').checked, document.getElementById('contact-concerns-2').checked]")
        .await?;
    ensure(checked == json!([true, true]), || {
        format!("step 1 answers after reload: {checked}")
    })
}

/// A 500 shows what happened, keeps everything, and Try again delivers it
/// exactly once with the same idempotency key.
async fn server_error_then_retry_delivers_once(page: &Page) -> Result<(), String> {
    let token = token(page, "500");
    let backend = backend()?;
    backend.control(json!({"token": token, "reply": "500", "times": 1}))?;
    open(page, "/").await?;
    complete_steps(page, &token).await?;
    click(page, "button", "Send").await?;
    wait_text(page, "Your message has not been sent yet", WAIT).await?;
    wait_text(page, "Our message service had a problem", WAIT).await?;
    let contact = page
        .find(&Query::role("region").name("Send Us a Message"))
        .await?;
    let alert = page
        .find(
            &Query::role("alert")
                .name(Name::contains("not been sent"))
                .within(&contact),
        )
        .await?;
    let phone_in_alert = page
        .find(&Query::role("link").name("(949) 763-3440").within(&alert))
        .await
        .is_ok();
    ensure(phone_in_alert, || {
        "the failure message has no phone link".into()
    })?;
    ensure(backend.records(&token).is_empty(), || {
        "a failed submission was stored".into()
    })?;
    wait_text(page, "Grace Hopper", WAIT).await?;

    click(page, "button", "Try again").await?;
    wait_text(page, "Message sent", WAIT).await?;
    stored_once(&token)?;
    let attempts = backend.attempts(&token)?;
    ensure(attempts == 2, || {
        format!("{attempts} requests, expected the failed one and the retry")
    })?;
    let draft = page
        .eval("sessionStorage.getItem('aa-form-contact:draft')")
        .await?;
    ensure(draft.is_null(), || {
        format!("the draft was kept after success: {draft}")
    })
}

/// Formspree-style 422 field errors (with a mapped field name) are shown on
/// the step of the field, as validation errors are.
async fn field_errors_land_on_their_step(page: &Page) -> Result<(), String> {
    let token = token(page, "422");
    let backend = backend()?;
    let message = "This address cannot receive email";
    backend.control(json!({
        "token": token,
        "reply": "422",
        "errors": [{"field": "_replyto", "message": message, "code": "TYPE_EMAIL"}],
    }))?;
    open(page, "/form/formspree/").await?;
    complete_steps(page, &token).await?;
    click(page, "button", "Send").await?;
    wait_step(page, "Step 2 of 5").await?;
    wait_text(page, message, WAIT).await?;
    let link = page.by_role("link", message).await?;
    // WebKit reports the resolved URL, the others the attribute as written.
    ensure(
        link.attr("href")
            .await?
            .is_some_and(|href| href.ends_with("#contact-email")),
        || "the summary link does not go to the email field".into(),
    )?;
    let email = page.by_role("textbox", "Email address").await?;
    ensure(
        email.attr("aria-invalid").await?.as_deref() == Some("true"),
        || "the email field is not aria-invalid".into(),
    )?;
    ensure(
        value_of(page, "contact-email").await? == "grace@example.com",
        || "the email was cleared".into(),
    )?;
    let title = page.eval("document.title").await?;
    ensure(
        title.as_str().is_some_and(|t| t.starts_with("Error: ")),
        || format!("title {title}"),
    )?;
    let focused = page
        .eval("document.activeElement && document.activeElement.id")
        .await?;
    ensure(focused == "contact-error-summary", || {
        format!("focus is on {focused}, not the error summary")
    })?;
    ensure(backend.records(&token).is_empty(), || {
        "a refused submission was stored".into()
    })
}

/// A backend that never answers: the form gives up after the configured
/// time, keeps the answers, and Try again delivers.
async fn hang_times_out_and_keeps_answers(page: &Page) -> Result<(), String> {
    let token = token(page, "hang");
    let backend = backend()?;
    backend.control(json!({"token": token, "reply": "hang", "hang_seconds": 30, "times": 1}))?;
    open(page, "/").await?;
    complete_steps(page, &token).await?;
    click(page, "button", "Send").await?;
    wait_text(page, "Sending", WAIT).await?;
    wait_text(
        page,
        "took too long",
        Duration::from_secs(TIMEOUT_SECONDS + 10),
    )
    .await?;
    wait_text(page, "Grace Hopper", WAIT).await?;
    let draft = session_draft(page).await?;
    ensure(draft.contains(&token), || {
        "the draft lost the answers".into()
    })?;
    click(page, "button", "Try again").await?;
    wait_text(page, "Message sent", WAIT).await?;
    stored_once(&token).map(drop)
}

/// Offline (simulated with the window's events, and the receiver dropping
/// the test's connections, so that Chromium's Background Sync, which knows
/// the network is really up, cannot deliver behind the test's back):
/// queued, told so, nothing stored; online again: sent and "delivered".
async fn offline_then_online_delivers(page: &Page) -> Result<(), String> {
    let token = token(page, "offline");
    let backend = backend()?;
    backend.control(json!({"token": token, "reply": "drop", "times": 1000}))?;
    open(page, "/").await?;
    complete_steps(page, &token).await?;
    page.eval("window.dispatchEvent(new Event('offline'))")
        .await?;
    click(page, "button", "Send").await?;
    wait_text(page, "You are offline: your message is waiting", WAIT).await?;
    tokio::time::sleep(Duration::from_millis(500)).await;
    ensure(backend.records(&token).is_empty(), || {
        "a message was stored while offline".into()
    })?;
    backend.control(json!({"token": token, "reply": "drop", "times": 0}))?;
    let draft = session_draft(page).await?;
    ensure(draft.contains("\"queued\":true"), || {
        format!("the queue is not in the draft: {draft}")
    })?;
    page.eval("window.dispatchEvent(new Event('online'))")
        .await?;
    wait_text(page, "Your message was delivered", WAIT).await?;
    stored_once(&token).map(drop)
}

/// Emoji and markup in a name, a short phone number, a broken email, an
/// overlong message: each gets its message, inline and in the summary, and
/// the values stay; script text in the message is shown as text.
async fn bad_inputs_get_clear_messages(page: &Page) -> Result<(), String> {
    let token = token(page, "bad");
    open(page, "/").await?;
    click(page, "button", "Continue").await?;
    page.wait_for(
        "document.activeElement && document.activeElement.id === 'contact-error-summary'",
        WAIT,
    )
    .await?;
    wait_text(page, "Select who needs help", WAIT).await?;
    wait_text(page, "Select what you need help with", WAIT).await?;
    click(page, "radio", "Me").await?;
    click(page, "checkbox", "Drugs").await?;
    click(page, "button", "Continue").await?;
    wait_step(page, "Step 2 of 5").await?;

    fill(page, "contact-name", "Ada 😀").await?;
    fill(page, "contact-phone", "12345").await?;
    fill(page, "contact-email", "ada@").await?;
    click(page, "radio", "Email").await?;
    click(page, "button", "Continue").await?;
    let summary = page
        .find(&Query::role("alert").name(Name::contains("There is a problem")))
        .await?;
    for message in [
        "Name must only include letters, spaces, hyphens, apostrophes and full stops",
        "Enter a US phone number, like (949) 763-3440",
        "Enter an email address in the correct format, like name@example.com",
    ] {
        page.find(&Query::role("link").name(message).within(&summary))
            .await?;
    }
    for id in ["contact-name", "contact-phone", "contact-email"] {
        let attrs = page
            .run(
                "var el = document.getElementById(arguments[0]); return [el.getAttribute('aria-invalid'), el.getAttribute('aria-describedby') || ''];",
                vec![json!(id)],
            )
            .await?;
        ensure(
            attrs[0] == "true"
                && attrs[1]
                    .as_str()
                    .is_some_and(|d| d.contains(&format!("{id}-error"))),
            || format!("#{id} has aria-invalid/aria-describedby {attrs}"),
        )?;
    }
    ensure(value_of(page, "contact-name").await? == "Ada 😀", || {
        "the name was changed".into()
    })?;
    let title = page.eval("document.title").await?;
    ensure(
        title.as_str().is_some_and(|t| t.starts_with("Error: ")),
        || format!("title {title}"),
    )?;
    click(page, "link", "Enter a US phone number, like (949) 763-3440").await?;
    let focused = page.eval("document.activeElement.id").await?;
    ensure(focused == "contact-phone", || {
        format!("the summary link focused {focused}")
    })?;

    fill(page, "contact-name", "<script>alert(1)</script>").await?;
    fill(page, "contact-phone", "").await?;
    fill(page, "contact-email", "ada@example.com").await?;
    click(page, "button", "Continue").await?;
    page.by_role(
        "link",
        "Name must only include letters, spaces, hyphens, apostrophes and full stops",
    )
    .await?;
    fill(page, "contact-name", "Ada Lovelace").await?;
    click(page, "button", "Continue").await?;
    wait_step(page, "Step 3 of 5").await?;
    let title = page.eval("document.title").await?;
    ensure(
        title.as_str().is_some_and(|t| !t.starts_with("Error: ")),
        || format!("title still {title}"),
    )?;
    click(page, "checkbox", Name::contains("do not have insurance")).await?;
    click(page, "button", "Continue").await?;
    wait_step(page, "Step 4 of 5").await?;

    fill(page, "contact-message", &"x".repeat(2001)).await?;
    click(page, "button", "Continue").await?;
    wait_text(page, "Your message must be 2,000 characters or fewer", WAIT).await?;
    wait_text(
        page,
        "Select the box to give us permission to contact you",
        WAIT,
    )
    .await?;
    let script = format!("<script>window.__aaXss = 1</script> 🙏 {token}");
    fill(page, "contact-message", &script).await?;
    click(page, "checkbox", Name::contains("may contact me")).await?;
    click(page, "button", "Continue").await?;
    wait_step(page, "Step 5 of 5").await?;
    wait_text(page, &script, WAIT).await?;
    let xss = page.eval("window.__aaXss === undefined").await?;
    ensure(xss == Value::Bool(true), || {
        "script text in the message ran".into()
    })
}

/// Glyphs the page draws for decoration (the Back button's chevron, list
/// bullets, arrows): a screen reader must not read them as part of a name.
const DECORATION: &[char] = &[
    '‹', '›', '«', '»', '←', '→', '↗', '▸', '▾', '✓', '✕', '×', '•',
];

/// The browser's own accessible names (WebDriver's computed label, which
/// counts CSS generated content) hold no decoration: the Back button is
/// "Back", and no button or link on the page has a glyph in its name.
async fn decoration_stays_out_of_accessible_names(page: &Page) -> Result<(), String> {
    open(page, "/").await?;
    click(page, "radio", "Me").await?;
    click(page, "checkbox", "Alcohol").await?;
    click(page, "button", "Continue").await?;
    wait_step(page, "Step 2 of 5").await?;
    let back = page.by_role("button", "Back").await?;
    let label = back.computed_label().await?;
    ensure(label == "Back", || {
        format!("the Back button's accessible name is {label:?}")
    })?;
    let mut decorated = Vec::new();
    for role in ["button", "link"] {
        for element in page.find_all(&Query::role(role)).await? {
            let label = element.computed_label().await?;
            if label.contains(DECORATION) {
                decorated.push(format!("{role} {label:?}"));
            }
        }
    }
    ensure(decorated.is_empty(), || {
        format!("decoration in accessible names: {}", decorated.join(", "))
    })
}

/// The browser's Back and Forward move between steps.
async fn browser_back_moves_between_steps(page: &Page) -> Result<(), String> {
    open(page, "/").await?;
    click(page, "radio", "Me").await?;
    click(page, "checkbox", "Drugs").await?;
    click(page, "button", "Continue").await?;
    wait_step(page, "Step 2 of 5").await?;
    fill(page, "contact-name", "Ada Lovelace").await?;
    fill(page, "contact-email", "ada@example.com").await?;
    click(page, "radio", "Email").await?;
    click(page, "button", "Continue").await?;
    wait_step(page, "Step 3 of 5").await?;
    page.client()
        .back()
        .await
        .map_err(|e| format!("history back: {e}"))?;
    wait_step(page, "Step 2 of 5").await?;
    ensure(
        value_of(page, "contact-name").await? == "Ada Lovelace",
        || "the name was lost going back".into(),
    )?;
    page.client()
        .back()
        .await
        .map_err(|e| format!("history back: {e}"))?;
    wait_step(page, "Step 1 of 5").await?;
    page.client()
        .forward()
        .await
        .map_err(|e| format!("history forward: {e}"))?;
    wait_step(page, "Step 2 of 5").await?;
    click(page, "button", "Back").await?;
    wait_step(page, "Step 1 of 5").await
}

/// "Change" goes to the question, focuses its step heading, and Continue
/// comes straight back to check answers.
async fn change_returns_to_check_answers(page: &Page) -> Result<(), String> {
    let token = token(page, "change");
    open(page, "/").await?;
    complete_steps(page, &token).await?;
    click(page, "link", "Change name").await?;
    wait_step(page, "Step 2 of 5").await?;
    page.wait_for(
        "document.activeElement && document.activeElement.id === 'contact-step-heading'",
        WAIT,
    )
    .await?;
    fill(page, "contact-name", "Grace Brewster Hopper").await?;
    click(page, "button", "Continue").await?;
    wait_step(page, "Step 5 of 5").await?;
    wait_text(page, "Grace Brewster Hopper", WAIT).await
}

/// Two clicks on Send in a row make one request.
async fn double_click_sends_once(page: &Page) -> Result<(), String> {
    let token = token(page, "double");
    open(page, "/").await?;
    complete_steps(page, &token).await?;
    page.run(
        "var b = Array.from(document.querySelectorAll('#contact button[type=submit]'))[0]; b.click(); b.click();",
        vec![],
    )
    .await?;
    wait_text(page, "Message sent", WAIT).await?;
    let attempts = backend()?.attempts(&token)?;
    ensure(attempts == 1, || {
        format!("{attempts} requests for one double click")
    })?;
    stored_once(&token).map(drop)
}

/// "Verify my coverage" in the insurance checker (main module) hands the
/// carrier to the live form (forms module): the insurance step shows it.
async fn checker_choice_fills_the_insurance_step(page: &Page) -> Result<(), String> {
    open(page, "/").await?;
    fill(page, "verify-insurance-checker-input", "aetana").await?;
    wait_text(page, "Aetna is in our network", WAIT).await?;
    click(page, "link", "Verify my coverage").await?;
    wait_text(page, "You asked about: Aetna", WAIT).await?;
    to_insurance_step(page).await?;
    let carrier = page
        .eval("document.getElementById('contact-carrier').value")
        .await?;
    ensure(carrier == json!("Aetna"), || {
        format!("the insurance step's carrier field holds {carrier}")
    })
}

/// Answers steps 1 and 2 with the least a visitor must give.
async fn to_insurance_step(page: &Page) -> Result<(), String> {
    wait_step(page, "Step 1 of 5").await?;
    click(page, "radio", "Me").await?;
    click(page, "checkbox", "Alcohol").await?;
    click(page, "button", "Continue").await?;
    wait_step(page, "Step 2 of 5").await?;
    fill(page, "contact-name", "Ada Lovelace").await?;
    fill(page, "contact-email", "ada@example.com").await?;
    click(page, "radio", "Email").await?;
    click(page, "button", "Continue").await?;
    wait_step(page, "Step 3 of 5").await
}

/// The insurance step's carrier field is the checker's combobox: a short
/// form ("bcbs") is suggested as the carrier, and the keyboard chooses it.
async fn carrier_field_suggests_from_aliases(page: &Page) -> Result<(), String> {
    open(page, "/").await?;
    to_insurance_step(page).await?;
    tab_to(page, "combobox", "Insurance carrier").await?;
    keys(page, "bcbs").await?;
    let listbox = page.find(&Query::role("listbox").name(Name::Any)).await?;
    page.find(
        &Query::role("option")
            .name("BlueCross BlueShield")
            .within(&listbox),
    )
    .await?;
    page.press("ArrowDown").await?;
    page.press("Enter").await?;
    let carrier = page
        .eval("document.getElementById('contact-carrier').value")
        .await?;
    ensure(carrier == json!("BlueCross BlueShield"), || {
        format!("after choosing, the field holds {carrier}")
    })?;
    click(page, "button", "Continue").await?;
    wait_step(page, "Step 4 of 5").await
}

/// The free-book form sends the email with the same machinery.
async fn book_form_sends_the_email(page: &Page) -> Result<(), String> {
    let token = token(page, "book");
    open(page, "/").await?;
    let form = page
        .find(&Query::role("form").name("Send me the free book"))
        .await?;
    let email = page
        .find(
            &Query::role("textbox")
                .name("Your email address")
                .within(&form),
        )
        .await?;
    email.type_text("not an email").await?;
    click(page, "button", "Send me the free book").await?;
    wait_text(page, "Enter an email address in the correct format", WAIT).await?;
    fill(page, "book-email", &format!("reader+{token}@example.com")).await?;
    click(page, "button", "Send me the free book").await?;
    wait_text(page, "Check your inbox", WAIT).await?;
    let record = stored_once(&token)?;
    ensure(record["fields"]["form"] == "book", || format!("{record}"))
}

/// Faster than the minimum fill time: the visitor is asked, not blocked,
/// and the second press sends.
async fn too_fast_asks_to_confirm(page: &Page) -> Result<(), String> {
    let token = token(page, "fast");
    open(page, "/form/slow/").await?;
    fill(page, "book-email", &format!("quick+{token}@example.com")).await?;
    click(page, "button", "Send me the free book").await?;
    wait_text(page, "Please check and send again", WAIT).await?;
    page.wait_for(
        "document.activeElement && document.activeElement.id === 'book-notice'",
        WAIT,
    )
    .await
    .map_err(|e| format!("focus did not move to the notice: {e}"))?;
    ensure(backend()?.attempts(&token)? == 0, || {
        "sent before confirming".into()
    })?;
    click(page, "button", "Send me the free book").await?;
    wait_text(page, "Check your inbox", WAIT).await?;
    stored_once(&token).map(drop)
}

async fn unavailable(page: &Page, path: &str, console: &[&str]) -> Result<(), String> {
    page.goto(path).await?;
    wait_hydrated(page).await?;
    shows_unavailable(page, console).await
}

/// Both forms, once mounted, say they are not available and give the phone
/// number; the console says each of `console`.
async fn shows_unavailable(page: &Page, console: &[&str]) -> Result<(), String> {
    reach_forms(page).await?;
    wait_text(page, "This form is not available right now", WAIT).await?;
    let contact = page
        .find(&Query::role("region").name("Send Us a Message"))
        .await?;
    let alert = page
        .find(&Query::role("alert").name(Name::Any).within(&contact))
        .await?;
    page.find(&Query::role("link").name("(949) 763-3440").within(&alert))
        .await?;
    let forms = page
        .eval("document.querySelectorAll('form.aa-form').length")
        .await?;
    ensure(forms == 0, || format!("{forms} forms still shown"))?;
    let errors = page.errors().await?.join("\n");
    for needle in console {
        ensure(errors.contains(needle), || {
            format!("the console does not say {needle:?}:\n{errors}")
        })?;
    }
    Ok(())
}

/// No form-config.json: the deployer is told in the console, the visitor
/// is asked to call.
async fn missing_config_asks_to_call(page: &Page) -> Result<(), String> {
    unavailable(
        page,
        "/form/missing/",
        &["The contact form is turned off", "HTTP 404"],
    )
    .await
}

/// An invalid form-config.json: every problem in the console.
async fn invalid_config_asks_to_call(page: &Page) -> Result<(), String> {
    unavailable(
        page,
        "/form/invalid/",
        &[
            "`endpoint` must be an absolute http(s) URL",
            "`encoding` must be \"json\"",
        ],
    )
    .await
}

/// Puts form settings on `<body>` as a partner's embed element would carry
/// them, before the forms module reads them (it has not loaded yet: the page
/// is at its top, far from the forms).
async fn embed_with(page: &Page, attributes: Value) -> Result<(), String> {
    let mounted = page
        .run(
            "if (document.querySelector('[data-aa-mounted]')) return true;\
             for (const [name, value] of Object.entries(arguments[0])) document.body.setAttribute(name, value);\
             return false;",
            vec![attributes],
        )
        .await?;
    ensure(mounted == false, || {
        "the forms mounted before the test could set the embed's attributes".into()
    })
}

/// Attributes on the embed configure the forms without any
/// form-config.json (this page variant has none, and it is not fetched):
/// urlencoded, a renamed email field, and a setting for the book form only.
async fn embed_attributes_configure_the_forms(page: &Page) -> Result<(), String> {
    let token = token(page, "embed");
    page.goto("/form/missing/").await?;
    wait_hydrated(page).await?;
    let url = &backend()?.url;
    embed_with(
        page,
        json!({
            "data-aa-form-endpoint": format!("{url}/submit"),
            "data-aa-form-encoding": "urlencoded",
            "data-aa-form-fields": r#"{"email": "_replyto"}"#,
            "data-aa-form-min-fill-seconds": "0",
            "data-aa-book-form-extra-fields": r#"{"form-name": "free-book"}"#,
        }),
    )
    .await?;
    reach_forms(page).await?;
    page.wait_for("document.querySelector('#book form[data-ready]')", WAIT)
        .await
        .map_err(|e| format!("the book form never got its settings: {e}"))?;
    fill(page, "book-email", &format!("embed+{token}@example.com")).await?;
    click(page, "button", "Send me the free book").await?;
    wait_text(page, "Check your inbox", WAIT).await?;
    let record = stored_once(&token)?;
    let fields = &record["fields"];
    ensure(record["encoding"] == "urlencoded", || format!("{record}"))?;
    ensure(
        fields["_replyto"] == format!("embed+{token}@example.com"),
        || format!("email not sent as _replyto: {record}"),
    )?;
    ensure(fields["form-name"] == "free-book", || format!("{record}"))?;
    let fetched = page
        .eval("performance.getEntriesByType('resource').some((e) => e.name.includes('form-config.json'))")
        .await?;
    ensure(fetched == false, || {
        "form-config.json was fetched although the embed configures the forms".into()
    })?;
    let errors = page.errors().await?;
    ensure(errors.is_empty(), || format!("console errors: {errors:?}"))
}

/// Bad attributes on the embed win over a good form-config.json and turn
/// the forms off, naming each attribute to fix.
async fn invalid_embed_attributes_ask_to_call(page: &Page) -> Result<(), String> {
    page.goto("/").await?;
    wait_hydrated(page).await?;
    embed_with(
        page,
        json!({
            "data-aa-form-endpoint": "ftp://nowhere",
            "data-aa-form-encodnig": "json",
        }),
    )
    .await?;
    shows_unavailable(
        page,
        &[
            "the form settings on the embed",
            "`data-aa-form-endpoint` must be an absolute http(s) URL",
            "unknown setting `data-aa-form-encodnig`",
        ],
    )
    .await
}

/// Fails with every violation found, labelled by the state it was in.
fn no_violations(found: Vec<(&str, Vec<String>)>) -> Result<(), String> {
    let lines: Vec<String> = found
        .into_iter()
        .flat_map(|(label, list)| list.into_iter().map(move |v| format!("{label}: {v}")))
        .collect();
    ensure(lines.is_empty(), || {
        format!("axe-core found:\n  {}", lines.join("\n  "))
    })
}

/// axe-core (WCAG 2.2 A/AA, harness/axe.rs) on steps 1 to 4 as first shown.
async fn axe_clean_on_every_step(page: &Page) -> Result<(), String> {
    open(page, "/").await?;
    let mut found = vec![("step 1", axe(page).await?)];
    click(page, "radio", "Me").await?;
    click(page, "checkbox", "Drugs").await?;
    click(page, "button", "Continue").await?;
    wait_step(page, "Step 2 of 5").await?;
    found.push(("step 2", axe(page).await?));
    fill(page, "contact-name", "Ada Lovelace").await?;
    fill(page, "contact-phone", "9495550123").await?;
    click(page, "radio", "Phone call").await?;
    click(page, "button", "Continue").await?;
    wait_step(page, "Step 3 of 5").await?;
    found.push(("step 3", axe(page).await?));
    fill(page, "contact-carrier", "Cigna").await?;
    click(page, "button", "Continue").await?;
    wait_step(page, "Step 4 of 5").await?;
    found.push(("step 4", axe(page).await?));
    no_violations(found)
}

/// axe-core with the error summary and inline errors shown.
async fn axe_clean_with_errors(page: &Page) -> Result<(), String> {
    open(page, "/").await?;
    click(page, "button", "Continue").await?;
    wait_text(page, "There is a problem", WAIT).await?;
    let mut found = vec![("step 1 errors", axe(page).await?)];
    click(page, "radio", "Me").await?;
    click(page, "checkbox", "Drugs").await?;
    click(page, "button", "Continue").await?;
    wait_step(page, "Step 2 of 5").await?;
    click(page, "button", "Continue").await?;
    wait_text(page, "There is a problem", WAIT).await?;
    found.push(("step 2 errors", axe(page).await?));
    click(page, "button", "Send me the free book").await?;
    wait_text(page, "Enter your email address", WAIT).await?;
    found.push(("book form errors", axe(page).await?));
    no_violations(found)
}

/// axe-core on check answers, a failed send, and the confirmation.
async fn axe_clean_when_sending(page: &Page) -> Result<(), String> {
    let token = token(page, "axe");
    backend()?.control(json!({"token": token, "reply": "500", "times": 1}))?;
    open(page, "/").await?;
    complete_steps(page, &token).await?;
    let mut found = vec![("check answers", axe(page).await?)];
    click(page, "button", "Send").await?;
    wait_text(page, "Your message has not been sent yet", WAIT).await?;
    found.push(("failure", axe(page).await?));
    click(page, "button", "Try again").await?;
    wait_text(page, "Message sent", WAIT).await?;
    found.push(("confirmation", axe(page).await?));
    no_violations(found)
}

/// The shared axe-core scan (WCAG 2.2 A/AA, whole page) in the form's
/// current state.
async fn axe(page: &Page) -> Result<Vec<String>, String> {
    axe::violations(page, &axe::WCAG_22_AA).await
}
