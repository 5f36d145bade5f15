//! The FAQ accordion: buttons in headings, keyboard, show/hide all, links
//! and find-in-page into closed answers, the tab-session memory, the page
//! without the wasm, and the structured data.

use std::future::Future;
use std::pin::Pin;
use std::time::Duration;

use serde_json::{json, Value};

use super::content::{FAQ, FAQ_HEADING};
use super::toc_util::{
    click, ensure_focus_ring, ensure_landed, open_hydrated, resize, settle, tab_to,
    write_no_wasm_page, NARROW, WIDE,
};
use super::wait_hydrated;
use crate::harness::element::Elem;
use crate::harness::servers::RESET_PATH;
use crate::harness::{ensure, tests, Name, Page, Query, Test};

/// The session-storage key of the open answers (src/faq/list.rs).
const STORE_KEY: &str = "aa-faq:open";

/// This area's tests.
pub fn tests() -> Vec<Test> {
    tests![
        questions_are_buttons_in_headings,
        enter_and_space_toggle,
        arrows_home_and_end_move_between_questions,
        show_all_and_hide_all,
        link_to_a_question_opens_it,
        find_in_page_opens_a_closed_answer,
        state_is_remembered_for_the_tab_session,
        restored_state_hydrates_cleanly,
        answers_readable_without_wasm,
        structured_data_matches_the_answers,
    ]
}

/// Runs `test` on a narrow and a wide viewport, each from a fresh tab
/// session (no remembered answers).
async fn for_each_size<F>(page: &Page, test: F) -> Result<(), String>
where
    F: for<'a> Fn(&'a Page, (u32, u32)) -> Pin<Box<dyn Future<Output = Result<(), String>> + 'a>>,
{
    for size in [NARROW, WIDE] {
        page.goto(RESET_PATH).await?;
        page.run("sessionStorage.clear(); return null;", vec![])
            .await?;
        test(page, size)
            .await
            .map_err(|e| format!("at {}x{}: {e}", size.0, size.1))?;
    }
    Ok(())
}

/// The question button named `question`.
async fn question(page: &Page, question: &str) -> Result<Elem, String> {
    page.by_role("button", question).await
}

/// `aria-expanded` of `button`, and whether the answer it controls is shown.
async fn state(button: &Elem) -> Result<(String, bool), String> {
    let found = button
        .eval(
            "var answer = document.getElementById(el.getAttribute('aria-controls'));
             return [el.getAttribute('aria-expanded'),
                     !!answer && !answer.hidden && answer.getBoundingClientRect().height > 0];",
        )
        .await?;
    Ok((
        found[0].as_str().unwrap_or("(none)").to_string(),
        found[1] == json!(true),
    ))
}

/// Waits until `button` is expanded (`open`) or collapsed, with its answer
/// shown or hidden to match.
async fn wait_open(button: &Elem, open: bool) -> Result<(), String> {
    let want = (if open { "true" } else { "false" }.to_string(), open);
    let start = std::time::Instant::now();
    loop {
        let now = state(button).await?;
        if now == want {
            return Ok(());
        }
        if start.elapsed() > Duration::from_secs(5) {
            return Err(format!(
                "{}: aria-expanded {:?}, answer shown {}; expected {:?}, {}",
                button.description, now.0, now.1, want.0, want.1
            ));
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
}

/// Focuses the first question with the keyboard: follow a link to the FAQ
/// heading (which starts sequential navigation there), then Tab.
async fn focus_first_question(page: &Page) -> Result<(), String> {
    let id = page
        .heading(2, FAQ_HEADING)
        .await?
        .eval("return el.id")
        .await?;
    page.run("location.hash = arguments[0]; return null;", vec![id])
        .await?;
    settle(page).await?;
    tab_to(page, "button", FAQ[0], 4).await
}

/// The name of the focused element.
async fn focused_name(page: &Page) -> Result<String, String> {
    Ok(page.focused().await?.map(|f| f.name).unwrap_or_default())
}

/// Once hydrated, each question is a button inside an h3 with
/// aria-expanded and aria-controls; answers far below the first view start
/// closed as hidden="until-found" and stay in the DOM.
async fn questions_are_buttons_in_headings(page: &Page) -> Result<(), String> {
    for_each_size(page, |page, size| {
        Box::pin(questions_are_buttons_in_headings_at(page, size))
    })
    .await
}

/// [`questions_are_buttons_in_headings`] at one viewport size.
async fn questions_are_buttons_in_headings_at(
    page: &Page,
    (width, height): (u32, u32),
) -> Result<(), String> {
    open_hydrated(page, width, height, "/").await?;
    for name in FAQ {
        let button = question(page, name).await?;
        let heading = page.heading(3, name).await?;
        let inside = page
            .run(
                "return arguments[0].contains(arguments[1]);",
                vec![heading.to_json(), button.to_json()],
            )
            .await?;
        ensure(inside == json!(true), || {
            format!("the button {name:?} is not inside its heading")
        })?;
        let found = button
            .eval(
                "var answer = document.getElementById(el.getAttribute('aria-controls'));
                 return answer && [answer.getAttribute('hidden'), answer.textContent.trim().length];",
            )
            .await?;
        ensure(found[0] == json!("until-found"), || {
            format!("the answer to {name:?} is not hidden=\"until-found\" at first: {found}")
        })?;
        ensure(found[1].as_u64().unwrap_or(0) > 40, || {
            format!("the closed answer to {name:?} is not in the DOM: {found}")
        })?;
        wait_open(&button, false).await?;
    }
    Ok(())
}

/// Keyboard only: Enter opens a question's answer, Space closes it, focus
/// stays on the question and is visible.
async fn enter_and_space_toggle(page: &Page) -> Result<(), String> {
    for_each_size(page, |page, size| {
        Box::pin(enter_and_space_toggle_at(page, size))
    })
    .await
}

/// [`enter_and_space_toggle`] at one viewport size.
async fn enter_and_space_toggle_at(page: &Page, (width, height): (u32, u32)) -> Result<(), String> {
    open_hydrated(page, width, height, "/").await?;
    focus_first_question(page).await?;
    let button = question(page, FAQ[0]).await?;
    ensure_focus_ring(page, "the focused question").await?;
    page.press("Enter").await?;
    wait_open(&button, true).await?;
    page.press("Space").await?;
    wait_open(&button, false).await?;
    let name = focused_name(page).await?;
    ensure(name == FAQ[0], || {
        format!("focus moved to {name:?} while toggling")
    })
}

/// Keyboard only: Down and Up move to the next and previous question
/// (wrapping around), Home and End to the first and last.
async fn arrows_home_and_end_move_between_questions(page: &Page) -> Result<(), String> {
    for_each_size(page, |page, size| {
        Box::pin(arrows_home_and_end_move_between_questions_at(page, size))
    })
    .await
}

/// [`arrows_home_and_end_move_between_questions`] at one viewport size.
async fn arrows_home_and_end_move_between_questions_at(
    page: &Page,
    (width, height): (u32, u32),
) -> Result<(), String> {
    open_hydrated(page, width, height, "/").await?;
    focus_first_question(page).await?;
    let last = FAQ[FAQ.len() - 1];
    for (key, expected) in [
        ("ArrowDown", FAQ[1]),
        ("ArrowDown", FAQ[2]),
        ("ArrowUp", FAQ[1]),
        ("End", last),
        ("ArrowDown", FAQ[0]),
        ("ArrowUp", last),
        ("Home", FAQ[0]),
    ] {
        page.press(key).await?;
        let name = focused_name(page).await?;
        ensure(name == expected, || {
            format!("after {key} focus is on {name:?}, expected {expected:?}")
        })?;
    }
    Ok(())
}

/// "Show all answers" opens every answer and becomes "Hide all answers";
/// closing one turns it back; it works from the keyboard too.
async fn show_all_and_hide_all(page: &Page) -> Result<(), String> {
    for_each_size(page, |page, size| {
        Box::pin(show_all_and_hide_all_at(page, size))
    })
    .await
}

/// [`show_all_and_hide_all`] at one viewport size.
async fn show_all_and_hide_all_at(page: &Page, (width, height): (u32, u32)) -> Result<(), String> {
    open_hydrated(page, width, height, "/").await?;
    click(page, &page.by_role("button", "Show all answers").await?).await?;
    for name in FAQ {
        wait_open(&question(page, name).await?, true).await?;
    }
    let control = page.by_role("button", "Hide all answers").await?;
    click(page, &question(page, FAQ[2]).await?).await?;
    wait_open(&question(page, FAQ[2]).await?, false).await?;
    page.by_role("button", "Show all answers").await?;
    // Keyboard: the control follows the FAQ heading's link button.
    control.eval("el.focus(); return null;").await?;
    page.press("Enter").await?;
    for name in FAQ {
        wait_open(&question(page, name).await?, true).await?;
    }
    page.by_role("button", "Hide all answers").await?;
    page.press("Space").await?;
    for name in FAQ {
        wait_open(&question(page, name).await?, false).await?;
    }
    page.by_role("button", "Show all answers").await.map(|_| ())
}

/// A link to a question (#faq-…) opens it and brings it below the header,
/// whether followed on the page or loaded as a deep link.
async fn link_to_a_question_opens_it(page: &Page) -> Result<(), String> {
    for_each_size(page, |page, size| {
        Box::pin(link_to_a_question_opens_it_at(page, size))
    })
    .await
}

/// [`link_to_a_question_opens_it`] at one viewport size.
async fn link_to_a_question_opens_it_at(
    page: &Page,
    (width, height): (u32, u32),
) -> Result<(), String> {
    open_hydrated(page, width, height, "/").await?;
    let safe = question(page, FAQ[2]).await?;
    wait_open(&safe, false).await?;
    let id = safe
        .eval("return el.closest('h3').id;")
        .await?
        .as_str()
        .unwrap_or_default()
        .to_string();
    ensure(id.starts_with("faq-"), || format!("question anchor {id:?}"))?;
    // A link somewhere on the page, followed by a click.
    let article = page.find(&Query::role("article")).await?;
    article
        .eval(&format!(
            "var a = document.createElement('a'); a.href = '#{id}'; a.textContent = 'About safety';
             el.prepend(a); return null;"
        ))
        .await?;
    click(page, &page.by_role("link", "About safety").await?).await?;
    wait_open(&safe, true).await?;
    settle(page).await?;
    ensure_landed(page, &page.heading(3, FAQ[2]).await?, 40.0).await?;

    let side_effects = FAQ[3];
    let deep = page
        .heading(3, side_effects)
        .await?
        .eval("return el.id")
        .await?;
    let deep = deep.as_str().unwrap_or_default().to_string();
    page.goto(RESET_PATH).await?;
    open_hydrated(page, width, height, &format!("/#{deep}")).await?;
    wait_open(&question(page, side_effects).await?, true).await?;
    ensure_landed(page, &page.heading(3, side_effects).await?, 40.0).await
}

/// Finding text of a closed answer (the browser's find-in-page; here its
/// scriptable form, a text fragment) opens that answer, without reloading
/// the page, where the browser supports hidden="until-found".
async fn find_in_page_opens_a_closed_answer(page: &Page) -> Result<(), String> {
    for_each_size(page, |page, size| {
        Box::pin(find_in_page_opens_a_closed_answer_at(page, size))
    })
    .await
}

/// [`find_in_page_opens_a_closed_answer`] at one viewport size.
async fn find_in_page_opens_a_closed_answer_at(
    page: &Page,
    (width, height): (u32, u32),
) -> Result<(), String> {
    open_hydrated(page, width, height, "/").await?;
    let button = question(page, FAQ[1]).await?;
    wait_open(&button, false).await?;
    let supported = page.eval("'onbeforematch' in document.body").await?;
    page.run(
        "window.__e2eSameDocument = true;
         location.href = location.pathname + '#:~:text=' + encodeURIComponent('blocking NMDA receptors');
         return null;",
        vec![],
    )
    .await?;
    tokio::time::sleep(Duration::from_millis(500)).await;
    if supported != json!(true) {
        return wait_open(&button, false).await;
    }
    wait_open(&button, true).await?;
    let same = page.eval("window.__e2eSameDocument === true").await?;
    ensure(same == json!(true), || {
        "the page reloaded instead of revealing the answer".into()
    })?;
    let stored = page
        .eval(&format!("sessionStorage.getItem('{STORE_KEY}')"))
        .await?;
    ensure(
        stored
            .as_str()
            .is_some_and(|s| s.contains("faq-how-is-ketamine-different")),
        || format!("the answer opened by find-in-page was not remembered: {stored}"),
    )
}

/// Answers opened in this tab are open again when the page is loaded again
/// in the same tab; the others are closed.
async fn state_is_remembered_for_the_tab_session(page: &Page) -> Result<(), String> {
    for_each_size(page, |page, size| {
        Box::pin(state_is_remembered_for_the_tab_session_at(page, size))
    })
    .await
}

/// [`state_is_remembered_for_the_tab_session`] at one viewport size.
async fn state_is_remembered_for_the_tab_session_at(
    page: &Page,
    (width, height): (u32, u32),
) -> Result<(), String> {
    open_hydrated(page, width, height, "/").await?;
    for name in [FAQ[1], FAQ[3]] {
        let button = question(page, name).await?;
        click(page, &button).await?;
        wait_open(&button, true).await?;
    }
    let stored = page
        .eval(&format!("sessionStorage.getItem('{STORE_KEY}')"))
        .await?;
    ensure(stored.is_string(), || {
        "nothing stored in sessionStorage".into()
    })?;
    open_hydrated(page, width, height, "/").await?;
    for (index, name) in FAQ.iter().enumerate() {
        wait_open(&question(page, name).await?, index == 1 || index == 3).await?;
    }
    Ok(())
}

/// With a remembered state, the first client render still matches the
/// pre-rendered HTML (no hydration warning or error), and the remembered
/// state appears after hydration.
async fn restored_state_hydrates_cleanly(page: &Page) -> Result<(), String> {
    resize(page, WIDE.0, WIDE.1).await?;
    page.run(
        "sessionStorage.setItem(arguments[0], 'faq-side-effects'); return null;",
        vec![json!(STORE_KEY)],
    )
    .await?;
    page.goto("/").await?;
    wait_hydrated(page).await?;
    page.wait_for(
        "document.querySelector('[data-ready]')",
        Duration::from_secs(10),
    )
    .await?;
    tokio::time::sleep(Duration::from_millis(500)).await;
    let errors = page.errors().await?;
    ensure(errors.is_empty(), || {
        format!(
            "errors or warnings around hydration:\n  {}",
            errors.join("\n  ")
        )
    })?;
    for (index, name) in FAQ.iter().enumerate() {
        wait_open(&question(page, name).await?, index == 3).await?;
    }
    Ok(())
}

/// Without the wasm every answer is shown, the question buttons are
/// disabled (they would do nothing) yet still name the shown state, and the
/// script-only "Show/Hide all answers" control is not offered.
async fn answers_readable_without_wasm(page: &Page) -> Result<(), String> {
    let path = write_no_wasm_page(page).await?;
    resize(page, WIDE.0, WIDE.1).await?;
    page.goto(&path).await?;
    tokio::time::sleep(Duration::from_millis(300)).await;
    for name in FAQ {
        let heading = page.heading(3, name).await?;
        let shown = heading
            .eval(
                "var answer = el.nextElementSibling;
                 return !!answer && !answer.hidden && answer.checkVisibility() && answer.textContent.trim().length > 40;",
            )
            .await?;
        ensure(shown == json!(true), || {
            format!("the answer to {name:?} is not readable without the wasm")
        })?;
        let button = question(page, name).await?;
        let state = button
            .eval("return [el.disabled, el.getAttribute('aria-expanded')];")
            .await?;
        ensure(state == json!([true, "true"]), || {
            format!("without the wasm the button {name:?} should be disabled and expanded: {state}")
        })?;
    }
    let controls = page
        .find_all(&Query::role("button").name(Name::regex("answers$", "")))
        .await?;
    ensure(controls.is_empty(), || {
        "\"Show/Hide all answers\" is offered without the wasm".into()
    })
}

/// The FAQPage structured data holds exactly the questions and answers the
/// page shows.
async fn structured_data_matches_the_answers(page: &Page) -> Result<(), String> {
    open_hydrated(page, WIDE.0, WIDE.1, "/").await?;
    click(page, &page.by_role("button", "Show all answers").await?).await?;
    let pairs = page
        .eval(
            "(function () {
               var data = Array.prototype.map.call(document.querySelectorAll('script[type=\"application/ld+json\"]'),
                 function (s) { return JSON.parse(s.textContent); }).filter(function (d) { return d['@type'] === 'FAQPage'; })[0];
               if (!data) return null;
               return data.mainEntity.map(function (q) { return [q.name, q.acceptedAnswer.text]; });
             })()",
        )
        .await?;
    let pairs = pairs.as_array().ok_or("no FAQPage structured data")?;
    ensure(pairs.len() == FAQ.len(), || {
        format!(
            "FAQPage lists {} questions, the page {}",
            pairs.len(),
            FAQ.len()
        )
    })?;
    for (pair, name) in pairs.iter().zip(FAQ) {
        ensure(pair[0] == json!(name), || {
            format!(
                "FAQPage question {} differs from the page's {name:?}",
                pair[0]
            )
        })?;
        let shown = question(page, name)
            .await?
            .eval("return document.getElementById(el.getAttribute('aria-controls')).innerText;")
            .await?;
        let norm = |v: &Value| {
            v.as_str()
                .unwrap_or_default()
                .split_whitespace()
                .collect::<Vec<_>>()
                .join(" ")
        };
        ensure(norm(&pair[1]) == norm(&shown), || {
            format!(
                "FAQPage answer to {name:?} differs from the shown one:\n  data: {}\n  page: {}",
                norm(&pair[1]),
                norm(&shown)
            )
        })?;
    }
    Ok(())
}
