//! The insurance checker in "Verify Insurance for Free": real-world queries
//! typed into the combobox, its keyboard and mouse use, what it announces,
//! and the hand-off of the insurer to `#contact`.

use std::future::Future;
use std::time::{Duration, Instant};

use serde_json::{json, Value};

use super::content::VERIFY_REGION;
use super::{open_article, reach_part, wait_hydrated};
use crate::harness::element::Elem;
use crate::harness::{ensure, tests, Name, Page, Query, Test};

/// This area's tests.
pub fn tests() -> Vec<Test> {
    tests![
        typo_is_in_network,
        regional_short_form_names_what_was_typed,
        renamed_brand_explains_the_change,
        unlisted_insurer_offers_form_and_phone,
        ambiguous_query_offers_candidates,
        parent_company_asks_which_plan,
        markup_is_shown_as_text,
        keyboard_only_arrows_and_enter_choose,
        escape_hides_the_list_then_clears,
        mouse_click_on_an_option_chooses_it,
        live_region_announces_the_answer,
        verify_with_the_mouse_prefills_contact,
        verify_with_the_keyboard_prefills_contact,
    ]
}

/// The combobox's accessible name (its label).
const LABEL: &str = "Who is your insurance with?";

/// How long an answer may take to show (typing, a render, the live region's pause).
const ANSWER_TIMEOUT: Duration = Duration::from_secs(8);

/// Polls `check` until it gives a value, or fails with its last complaint.
async fn eventually<T, F, Fut>(mut check: F) -> Result<T, String>
where
    F: FnMut() -> Fut,
    Fut: Future<Output = Result<T, String>>,
{
    let start = Instant::now();
    loop {
        match check().await {
            Ok(value) => return Ok(value),
            Err(e) if start.elapsed() > ANSWER_TIMEOUT => {
                return Err(format!("after {ANSWER_TIMEOUT:?}: {e}"))
            }
            Err(_) => tokio::time::sleep(Duration::from_millis(100)).await,
        }
    }
}

/// The article, hydrated, and its checker's combobox, live (its code is in
/// the forms module, which loads as the visitor comes near).
async fn open_checker(page: &Page) -> Result<Elem, String> {
    open_article(page).await?;
    wait_hydrated(page).await?;
    instant_scrolling(page).await?;
    reach_part(page, "checker").await?;
    page.by_role("combobox", LABEL).await
}

/// The page scrolls smoothly; WebDriver clicks where a target is when its
/// scroll starts, so scroll instantly while testing.
async fn instant_scrolling(page: &Page) -> Result<(), String> {
    page.run(
        "document.documentElement.style.scrollBehavior = 'auto'; return null;",
        vec![],
    )
    .await
    .map(|_| ())
}

/// Types `query` into the checker (WebDriver send keys: focus, then keys).
pub(super) async fn ask(page: &Page, query: &str) -> Result<Elem, String> {
    let combobox = open_checker(page).await?;
    combobox.type_text(query).await?;
    Ok(combobox)
}

/// The region "Verify Insurance for Free".
async fn region(page: &Page) -> Result<Elem, String> {
    page.by_role("region", VERIFY_REGION).await
}

/// Waits for the answer's heading (h3) in the region.
pub(super) async fn answer(page: &Page, heading: &str) -> Result<Elem, String> {
    let region = region(page).await?;
    let query = Query::role("heading")
        .level(3)
        .name(heading)
        .within(&region);
    eventually(|| page.find(&query)).await
}

/// The text of the answer under its heading (`.aa-checker__outcome`).
async fn answer_text(heading: &Elem) -> Result<String, String> {
    let text = heading.eval("return el.parentElement.innerText").await?;
    Ok(text.as_str().unwrap_or_default().to_string())
}

/// The attribute as written (WebDriver gives some resolved, like `href`).
async fn attr(elem: &Elem, name: &str) -> Result<String, String> {
    let value = elem
        .eval(&format!("return el.getAttribute({name:?})"))
        .await?;
    Ok(value.as_str().unwrap_or_default().to_string())
}

async fn value(combobox: &Elem) -> Result<String, String> {
    let value = combobox.eval("return el.value").await?;
    Ok(value.as_str().unwrap_or_default().to_string())
}

/// The suggestions listed under the combobox, by name.
async fn option_names(page: &Page) -> Result<Vec<String>, String> {
    let listbox = page
        .find(&Query::role("listbox").name(Name::contains("insurers")))
        .await?;
    let mut names = Vec::new();
    for option in page
        .find_all(&Query::role("option").within(&listbox))
        .await?
    {
        names.push(page.info(&option).await?.name);
    }
    Ok(names)
}

/// Clicks `elem` once it is in the middle of the viewport, clear of the
/// sticky header.
async fn click(elem: &Elem) -> Result<(), String> {
    elem.eval("el.scrollIntoView({ block: 'center', behavior: 'instant' }); return null;")
        .await?;
    elem.click().await
}

/// Presses each character of `text` as a key.
async fn type_keys(page: &Page, text: &str) -> Result<(), String> {
    for c in text.chars() {
        page.press(&c.to_string()).await?;
    }
    Ok(())
}

/// "cigma" (a typo) answers that Cigna is in network, and offers the form.
async fn typo_is_in_network(page: &Page) -> Result<(), String> {
    ask(page, "cigma").await?;
    let heading = answer(page, "Cigna is in our network").await?;
    let text = answer_text(&heading).await?;
    ensure(text.contains("depends on the plan"), || {
        format!("the answer does not say coverage depends on the plan: {text:?}")
    })?;
    let region = region(page).await?;
    let verify = page
        .find(
            &Query::role("link")
                .name("Verify my coverage")
                .within(&region),
        )
        .await?;
    let href = attr(&verify, "href").await?;
    ensure(href == "#contact", || {
        format!("Verify my coverage goes to {href:?}")
    })
}

/// "BCBS of Texas" is BlueCross BlueShield, and the answer quotes the query.
async fn regional_short_form_names_what_was_typed(page: &Page) -> Result<(), String> {
    ask(page, "BCBS of Texas").await?;
    let heading = answer(page, "BlueCross BlueShield is in our network").await?;
    let text = answer_text(&heading).await?;
    let want = "You typed “BCBS of Texas”, which we know as BlueCross BlueShield.";
    ensure(text.contains(want), || {
        format!("missing {want:?} in {text:?}")
    })
}

/// "Carelon" is Beacon Health Options, with the note of the rename.
async fn renamed_brand_explains_the_change(page: &Page) -> Result<(), String> {
    ask(page, "Carelon").await?;
    let heading = answer(page, "Beacon Health Options is in our network").await?;
    let text = answer_text(&heading).await?;
    let want = "Beacon Health Options became Carelon Behavioral Health in 2023";
    ensure(text.contains(want), || {
        format!("missing {want:?} in {text:?}")
    })
}

/// "Kaiser" is not on the list: said plainly, with the form and the phone.
async fn unlisted_insurer_offers_form_and_phone(page: &Page) -> Result<(), String> {
    let combobox = ask(page, "Kaiser").await?;
    let heading = answer(page, "“Kaiser” is not on our in-network list").await?;
    let text = answer_text(&heading).await?;
    ensure(text.contains("private pay"), || {
        format!("the answer does not mention private pay: {text:?}")
    })?;
    let outcome = heading.eval("return el.parentElement").await?;
    let links: Value = page
        .run(
            "return Array.from(arguments[0].querySelectorAll('a')).map(a => a.getAttribute('href'));",
            vec![outcome],
        )
        .await?;
    let links: Vec<&str> = links
        .as_array()
        .map(|a| a.iter().filter_map(Value::as_str).collect())
        .unwrap_or_default();
    ensure(
        links.contains(&"#contact") && links.contains(&"tel:+19497633440"),
        || format!("the answer should link to #contact and tel:+19497633440; it links {links:?}"),
    )?;
    let expanded = attr(&combobox, "aria-expanded").await?;
    ensure(expanded == "false", || {
        format!("no suggestions, yet aria-expanded={expanded:?}")
    })
}

/// "blue" could be several carriers: both are offered, in the list and as
/// buttons, instead of a guess.
async fn ambiguous_query_offers_candidates(page: &Page) -> Result<(), String> {
    let combobox = ask(page, "blue").await?;
    answer(page, "Which insurer do you mean?").await?;
    let options = eventually(|| async {
        let names = option_names(page).await?;
        if names.is_empty() {
            Err("no options listed".to_string())
        } else {
            Ok(names)
        }
    })
    .await?;
    ensure(options == ["BlueCross BlueShield", "Anthem"], || {
        format!("options {options:?}")
    })?;
    let expanded = attr(&combobox, "aria-expanded").await?;
    ensure(expanded == "true", || format!("aria-expanded={expanded:?}"))?;
    let region = region(page).await?;
    for name in ["BlueCross BlueShield", "Anthem"] {
        page.find(&Query::role("button").name(name).within(&region))
            .await?;
    }
    Ok(())
}

/// A parent company is no answer by itself: "Elevance" explains and offers
/// its in-network carriers; picking one answers for it and returns focus.
async fn parent_company_asks_which_plan(page: &Page) -> Result<(), String> {
    let combobox = ask(page, "Elevance").await?;
    let heading = answer(page, "Which insurer do you mean?").await?;
    let text = answer_text(&heading).await?;
    ensure(
        text.contains("Elevance Health (formerly Anthem, Inc.)"),
        || format!("the parent's note is missing: {text:?}"),
    )?;
    let region = region(page).await?;
    click(
        &page
            .find(&Query::role("button").name("Anthem").within(&region))
            .await?,
    )
    .await?;
    answer(page, "Anthem is in our network").await?;
    let got = value(&combobox).await?;
    ensure(got == "Anthem", || format!("the field holds {got:?}"))?;
    let focused = page.focused().await?.map(|f| f.role);
    ensure(focused.as_deref() == Some("combobox"), || {
        format!("focus is on {focused:?}, not the combobox")
    })
}

/// Typed markup is quoted back as text: nothing is injected or run.
async fn markup_is_shown_as_text(page: &Page) -> Result<(), String> {
    let typed = "<script>alert(1)</script>";
    ask(page, typed).await?;
    let heading = answer(page, &format!("“{typed}” is not on our in-network list")).await?;
    let injected = heading
        .eval("return el.closest('.aa-checker').querySelectorAll('script, b, img').length")
        .await?;
    ensure(injected == json!(0), || {
        format!("{injected} elements were created from the typed text")
    })?;
    // An alert would have blocked this script.
    let title = page.eval("document.title").await?;
    ensure(title.is_string(), || "the page is not scriptable".into())
}

/// Tab reaches the combobox; typed keys suggest; Down moves the active
/// option (aria-activedescendant); Enter chooses it.
async fn keyboard_only_arrows_and_enter_choose(page: &Page) -> Result<(), String> {
    page.goto("/#verify-insurance").await?;
    wait_hydrated(page).await?;
    instant_scrolling(page).await?;
    let mut reached = false;
    for _ in 0..150 {
        page.press("Tab").await?;
        if page
            .focused()
            .await?
            .is_some_and(|f| f.role == "combobox" && f.name == LABEL)
        {
            reached = true;
            break;
        }
    }
    ensure(reached, || {
        "Tab never reached the insurance combobox".into()
    })?;
    type_keys(page, "blu").await?;
    answer(page, "Which insurer do you mean?").await?;
    let combobox = page.by_role("combobox", LABEL).await?;

    let mut seen = Vec::new();
    for _ in 0..2 {
        page.press("ArrowDown").await?;
        let active = attr(&combobox, "aria-activedescendant").await?;
        let option = page
            .run(
                "var o = document.getElementById(arguments[0]); \
                 return o && [o.getAttribute('role'), o.textContent, o.getAttribute('aria-selected')];",
                vec![json!(active)],
            )
            .await?;
        seen.push(option);
    }
    ensure(
        seen == [
            json!(["option", "BlueCross BlueShield", "true"]),
            json!(["option", "Anthem", "true"]),
        ],
        || format!("ArrowDown made active: {seen:?}"),
    )?;
    page.press("Enter").await?;
    answer(page, "Anthem is in our network").await?;
    let got = value(&combobox).await?;
    ensure(got == "Anthem", || {
        format!("Enter left the field at {got:?}")
    })?;
    let expanded = attr(&combobox, "aria-expanded").await?;
    ensure(expanded == "false", || {
        format!("after Enter aria-expanded={expanded:?}")
    })?;
    let focused = page.focused().await?.map(|f| f.role);
    ensure(focused.as_deref() == Some("combobox"), || {
        format!("focus moved to {focused:?}")
    })
}

/// Escape hides the suggestions (keeping the text), a second Escape empties
/// the field and the answer goes.
async fn escape_hides_the_list_then_clears(page: &Page) -> Result<(), String> {
    let combobox = ask(page, "blue").await?;
    answer(page, "Which insurer do you mean?").await?;
    eventually(|| async {
        match attr(&combobox, "aria-expanded").await?.as_str() {
            "true" => Ok(()),
            other => Err(format!("aria-expanded={other:?}")),
        }
    })
    .await?;
    page.press("Escape").await?;
    let expanded = attr(&combobox, "aria-expanded").await?;
    let got = value(&combobox).await?;
    ensure(expanded == "false" && got == "blue", || {
        format!("after one Escape: aria-expanded={expanded:?}, value {got:?}")
    })?;
    page.press("Escape").await?;
    let got = value(&combobox).await?;
    ensure(got.is_empty(), || format!("after two: value {got:?}"))?;
    let region = region(page).await?;
    eventually(|| async {
        let headings = page
            .find_all(&Query::role("heading").level(3).within(&region))
            .await?;
        if headings.is_empty() {
            Ok(())
        } else {
            Err(format!(
                "an answer is still shown: {}",
                headings[0].description
            ))
        }
    })
    .await
}

/// Clicking (or tapping) an option chooses it.
async fn mouse_click_on_an_option_chooses_it(page: &Page) -> Result<(), String> {
    let combobox = ask(page, "blue").await?;
    answer(page, "Which insurer do you mean?").await?;
    let query = Query::role("option").name("Anthem");
    let option = eventually(|| page.find(&query)).await?;
    click(&option).await?;
    answer(page, "Anthem is in our network").await?;
    let got = value(&combobox).await?;
    ensure(got == "Anthem", || format!("the field holds {got:?}"))
}

/// The polite live region (role status) says the answer once typing pauses.
async fn live_region_announces_the_answer(page: &Page) -> Result<(), String> {
    ask(page, "Aetna CVS Health").await?;
    let region = region(page).await?;
    let status = page
        .find(&Query::role("status").include_hidden().within(&region))
        .await?;
    let said = eventually(|| async {
        let text = status.eval("return el.textContent").await?;
        let text = text.as_str().unwrap_or_default().trim().to_string();
        if text.starts_with("Aetna is in our network.") {
            Ok(text)
        } else {
            Err(format!("the live region says {text:?}"))
        }
    })
    .await?;
    ensure(said == "Aetna is in our network.", || {
        format!("the live region says {said:?}")
    })?;
    // Suggestions to pick from are counted too.
    let combobox = page.by_role("combobox", LABEL).await?;
    combobox.eval("el.value = ''; return null;").await?;
    combobox.type_text("blue").await?;
    eventually(|| async {
        let text = status.eval("return el.textContent").await?;
        let text = text.as_str().unwrap_or_default().trim().to_string();
        if text.starts_with("Which insurer do you mean? 2 suggestions.") {
            Ok(())
        } else {
            Err(format!("the live region says {text:?}"))
        }
    })
    .await
}

/// "Verify my coverage" (clicked) goes to #contact, which names the carrier.
async fn verify_with_the_mouse_prefills_contact(page: &Page) -> Result<(), String> {
    ask(page, "aetana").await?;
    answer(page, "Aetna is in our network").await?;
    let region = region(page).await?;
    click(
        &page
            .find(
                &Query::role("link")
                    .name("Verify my coverage")
                    .within(&region),
            )
            .await?,
    )
    .await?;
    prefilled(page, "Aetna").await
}

/// The same with the keyboard: Tab from the field to the link, Enter.
async fn verify_with_the_keyboard_prefills_contact(page: &Page) -> Result<(), String> {
    ask(page, "Kaiser").await?;
    answer(page, "“Kaiser” is not on our in-network list").await?;
    page.press("Tab").await?;
    let focused = page.focused().await?;
    ensure(
        focused
            .as_ref()
            .is_some_and(|f| f.role == "link" && f.name == "Verify my coverage"),
        || format!("Tab from the field went to {focused:?}"),
    )?;
    page.press("Enter").await?;
    prefilled(page, "Kaiser").await
}

/// The page is at #contact, whose live form shows "You asked about: <carrier>".
async fn prefilled(page: &Page, carrier: &str) -> Result<(), String> {
    eventually(|| async {
        let hash = page.eval("location.hash").await?;
        match hash.as_str() {
            Some("#contact") => Ok(()),
            other => Err(format!("location.hash is {other:?}")),
        }
    })
    .await?;
    let contact = page.eval("!!document.getElementById('contact')").await?;
    ensure(contact == json!(true), || "the page has no #contact".into())?;
    let want = format!("You asked about: {carrier}");
    eventually(|| page.by_text(want.as_str())).await?;
    // Said by the live contact form (in the forms module), not the page.
    let script = format!(
        "!!document.querySelector('[data-aa-part=\"contact-form\"][data-aa-mounted] #contact')?.textContent.includes({})",
        json!(want)
    );
    let inside = page.eval(&script).await?;
    ensure(inside == json!(true), || {
        format!("{want:?} is not in the mounted contact form")
    })?;
    Ok(())
}
