//! The table of contents: side panel and "On this page" bar, scroll-spy,
//! deep links, history, heading links, reading progress, and the page
//! before and without the wasm.

use std::time::Duration;

use serde_json::{json, Value};

use super::content::{FAQ_HEADING, SECTIONS};
use super::toc_util::{
    at_both_sizes, covered_top, current_links, end_page_with_article, ensure_focus_ring,
    ensure_landed, first_view_boxes, follow_entry, open_hydrated, open_with_short_final_section,
    oracle, reading_line, resize, scroll_element_to, scroll_to, scroll_to_bottom, settle, tab_to,
    toc_link, toc_nav, top_of, wait_current, write_no_wasm_page, NARROW, WIDE,
};
use super::{wait_hydrated, APP_REQUEST};
use crate::harness::servers::RESET_PATH;
use crate::harness::{ensure, tests, Name, Page, Query, Test};

/// A sub-heading the content lists in the table of contents.
const SUB_HEADING: &str = "Legal Status";

/// This area's tests.
pub fn tests() -> Vec<Test> {
    tests![
        side_panel_is_sticky_on_wide_screens,
        bar_names_the_current_section_on_narrow_screens,
        bar_closes_after_a_choice,
        bar_keyboard_only,
        panel_keyboard_only,
        marks_the_section_being_read,
        first_entry_not_marked_below_the_viewport,
        short_final_section_becomes_current,
        clicked_entry_near_the_bottom_stays_current,
        follows_answers_opening_and_closing,
        follows_content_growing_above_a_heading,
        deep_links_land_below_the_header,
        entry_clicks_update_url_and_history,
        copy_link_announces_success,
        smooth_scrolling_only_without_reduced_motion,
        reading_progress_costs_no_script,
        links_work_without_wasm,
        hydration_moves_nothing_in_the_first_view,
    ]
}

/// The id of the h2 named `name`.
async fn section_id(page: &Page, name: &str) -> Result<String, String> {
    let id = page.heading(2, name).await?.eval("return el.id").await?;
    Ok(id.as_str().unwrap_or_default().to_string())
}

/// On a wide screen the table of contents is a side panel that stays in
/// view while the article scrolls; the narrow-screen bar is not shown.
async fn side_panel_is_sticky_on_wide_screens(page: &Page) -> Result<(), String> {
    open_hydrated(page, WIDE.0, WIDE.1, "/").await?;
    let nav = toc_nav(page).await?;
    page.heading(2, Name::regex("^table of contents$", "i"))
        .await?;
    let buttons = page
        .find_all(&Query::role("button").name(Name::regex("^On this page", "")))
        .await?;
    ensure(buttons.is_empty(), || {
        "the narrow-screen \"On this page\" bar shows on a wide screen".into()
    })?;
    let heading = page.heading(2, SECTIONS[4]).await?;
    scroll_element_to(page, &heading, 100.0).await?;
    let (top, covered) = (top_of(&nav).await?, covered_top(page).await?);
    ensure(top >= covered && top < covered + 60.0, || {
        format!("after scrolling, the panel's top is at {top:.0}px (header ends at {covered:.0}px): it is not sticky")
    })?;
    let right = nav
        .eval("return el.getBoundingClientRect().left;")
        .await?
        .as_f64()
        .unwrap_or(0.0);
    let text_right = heading
        .eval("return el.getBoundingClientRect().right;")
        .await?
        .as_f64()
        .unwrap_or(0.0);
    ensure(right > text_right, || {
        format!("the panel (left {right:.0}px) is not beside the article (its headings end at {text_right:.0}px)")
    })
}

/// On a narrow screen an "On this page" bar stays under the header and
/// names the section being read; the side panel is not shown.
async fn bar_names_the_current_section_on_narrow_screens(page: &Page) -> Result<(), String> {
    open_hydrated(page, NARROW.0, NARROW.1, "/").await?;
    ensure(
        page.find_all(&Query::role("heading").name(Name::regex("^table of contents$", "i")))
            .await?
            .is_empty(),
        || "the side panel shows on a narrow screen".into(),
    )?;
    for (level, name) in [(2, SECTIONS[3]), (3, SUB_HEADING), (2, SECTIONS[6])] {
        let heading = page.heading(level, name).await?;
        scroll_element_to(page, &heading, 150.0).await?;
        // A sub-heading's bar names its section.
        let section = if level == 3 { SECTIONS[1] } else { name };
        let want = format!("On this page {section}");
        let bar = page
            .by_role("button", Name::regex("^On this page", ""))
            .await?;
        let start = std::time::Instant::now();
        loop {
            let label = page.info(&bar).await?.name;
            if label == want {
                break;
            }
            if start.elapsed() > Duration::from_secs(5) {
                return Err(format!(
                    "with {name:?} at the top the bar says {label:?}, expected {want:?}"
                ));
            }
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
        let (bar_top, header_bottom) = (
            top_of(&bar).await?,
            page.find(&Query::role("banner"))
                .await?
                .eval("return el.getBoundingClientRect().bottom;")
                .await?
                .as_f64()
                .unwrap_or(0.0),
        );
        ensure((bar_top - header_bottom).abs() <= 1.0, || {
            format!("the bar's top is at {bar_top:.0}px, the header ends at {header_bottom:.0}px: it does not stay under the header")
        })?;
    }
    Ok(())
}

/// Tapping the bar opens the list over the page; choosing an entry closes
/// it, goes to the heading (below header and bar) and names it in the bar.
async fn bar_closes_after_a_choice(page: &Page) -> Result<(), String> {
    open_hydrated(page, NARROW.0, NARROW.1, "/").await?;
    let bar = page
        .by_role("button", Name::regex("^On this page", ""))
        .await?;
    let below_before = page.heading(1, Name::Any).await?;
    // In the document, not the window: opening the list low in the window
    // scrolls its bar up first, which moves no content.
    let in_document = "return el.getBoundingClientRect().top + window.scrollY;";
    let title_top = below_before
        .eval(in_document)
        .await?
        .as_f64()
        .unwrap_or(0.0);
    bar.click().await?;
    let nav = toc_nav(page).await?;
    let link = toc_link(page, &nav, SECTIONS[5]).await?;
    let title_now = below_before
        .eval(in_document)
        .await?
        .as_f64()
        .unwrap_or(0.0);
    ensure((title_now - title_top).abs() < 0.5, || {
        format!("opening the list moved the page content ({title_top:.0} -> {title_now:.0}px)")
    })?;
    link.click().await?;
    let id = section_id(page, SECTIONS[5]).await?;
    page.wait_for(
        &format!("location.hash === '#{id}'"),
        Duration::from_secs(5),
    )
    .await?;
    settle(page).await?;
    let open = bar.eval("return el.parentElement.open;").await?;
    ensure(open == json!(false), || {
        "the list stayed open after choosing an entry".into()
    })?;
    ensure(
        page.find_all(&Query::role("link").name(SECTIONS[5]).within(&nav))
            .await?
            .is_empty(),
        || "the chosen entry's link is still shown".into(),
    )?;
    ensure_landed(page, &page.heading(2, SECTIONS[5]).await?, 40.0).await?;
    wait_current(page, &nav, Some(SECTIONS[5])).await?;
    let label = page.info(&bar).await?.name;
    ensure(label == format!("On this page {}", SECTIONS[5]), || {
        format!("the bar says {label:?} after the choice")
    })
}

/// Keyboard only, narrow screen: Tab to the bar, Enter opens it, Tab to an
/// entry, Enter follows it and closes the list; Space reopens it and Escape
/// closes it with focus back on the bar.
async fn bar_keyboard_only(page: &Page) -> Result<(), String> {
    open_hydrated(page, NARROW.0, NARROW.1, "/").await?;
    let bar = page
        .by_role("button", Name::regex("^On this page", ""))
        .await?;
    let bar_name = page.info(&bar).await?.name;
    tab_to(page, "button", &bar_name, 12).await?;
    page.press("Enter").await?;
    page.wait_for(
        "document.querySelector('details[open]') !== null",
        Duration::from_secs(2),
    )
    .await
    .map_err(|e| format!("Enter on the bar did not open it: {e}"))?;
    tab_to(page, "link", SECTIONS[2], 10).await?;
    page.press("Enter").await?;
    let id = section_id(page, SECTIONS[2]).await?;
    page.wait_for(
        &format!("location.hash === '#{id}'"),
        Duration::from_secs(5),
    )
    .await?;
    settle(page).await?;
    ensure(
        bar.eval("return el.parentElement.open;").await? == json!(false),
        || "the list stayed open after Enter on an entry".into(),
    )?;
    ensure_landed(page, &page.heading(2, SECTIONS[2]).await?, 40.0).await?;

    bar.eval("el.focus(); return null;").await?;
    page.press("Space").await?;
    page.wait_for(
        "document.querySelector('details[open]') !== null",
        Duration::from_secs(2),
    )
    .await
    .map_err(|e| format!("Space on the bar did not open it: {e}"))?;
    page.press("Tab").await?;
    page.press("Escape").await?;
    page.wait_for(
        "document.querySelector('details[open]') === null",
        Duration::from_secs(2),
    )
    .await
    .map_err(|e| format!("Escape did not close the list: {e}"))?;
    let focused = page.focused().await?.map(|f| f.role);
    ensure(focused.as_deref() == Some("button"), || {
        format!("after Escape focus is on {focused:?}, not the bar")
    })
}

/// Keyboard only, wide screen: Tab reaches the panel's links, which show a
/// visible focus ring; Enter goes to the heading, updates the URL and marks
/// the entry current.
async fn panel_keyboard_only(page: &Page) -> Result<(), String> {
    open_hydrated(page, WIDE.0, WIDE.1, "/").await?;
    tab_to(page, "link", SECTIONS[3], 30).await?;
    ensure_focus_ring(page, "the focused table-of-contents link").await?;
    page.press("Enter").await?;
    let id = section_id(page, SECTIONS[3]).await?;
    page.wait_for(
        &format!("location.hash === '#{id}'"),
        Duration::from_secs(5),
    )
    .await?;
    settle(page).await?;
    ensure_landed(page, &page.heading(2, SECTIONS[3]).await?, 40.0).await?;
    wait_current(page, &toc_nav(page).await?, Some(SECTIONS[3])).await
}

/// While a section is read, its entry (and only it) carries aria-current
/// and looks different; a heading still below the reading line does not
/// count yet.
async fn marks_the_section_being_read(page: &Page) -> Result<(), String> {
    at_both_sizes(page, marks_the_section_being_read_at).await
}

/// [`marks_the_section_being_read`] at one viewport size.
async fn marks_the_section_being_read_at(
    page: &Page,
    (width, height): (u32, u32),
) -> Result<(), String> {
    open_hydrated(page, width, height, "/").await?;
    let nav = toc_nav(page).await?;
    let line = reading_line(page).await?;
    let heading = page.heading(2, SECTIONS[3]).await?;
    scroll_element_to(page, &heading, line - 80.0).await?;
    wait_current(page, &nav, Some(SECTIONS[3])).await?;
    let marked = current_links(page, &nav).await?;
    ensure(marked == [SECTIONS[3]], || {
        format!("aria-current is on {marked:?}")
    })?;
    // On narrow screens the list is inside the closed bar.
    let value = page
        .find(
            &Query::role("link")
                .name(SECTIONS[3])
                .within(&nav)
                .include_hidden(),
        )
        .await?
        .attr("aria-current")
        .await?;
    ensure(value.as_deref() == Some("location"), || {
        format!("aria-current is {value:?}, expected \"location\"")
    })?;
    let styles = page
        .run(
            "function look(a) { var s = getComputedStyle(a); return [s.color, s.backgroundColor, s.boxShadow].join('|'); }
             var links = arguments[0].querySelectorAll('a');
             var current = arguments[0].querySelector('a[aria-current]');
             var other = Array.prototype.filter.call(links, function (a) { return a !== current; })[0];
             return [look(current), look(other)];",
            vec![nav.to_json()],
        )
        .await?;
    ensure(styles[0] != styles[1], || {
        format!("the current entry looks like the others: {styles}")
    })?;
    // Just below the line: the previous entry is still the one being read.
    scroll_element_to(page, &heading, line + 80.0).await?;
    let expected = oracle(page, &nav).await?;
    ensure(expected.as_deref() != Some(SECTIONS[3]), || {
        "the geometry check is wrong".into()
    })?;
    wait_current(page, &nav, expected.as_deref()).await
}

/// At the top of the page, with the first heading still below the
/// viewport, no entry is marked; once it is in view, the first entry is.
async fn first_entry_not_marked_below_the_viewport(page: &Page) -> Result<(), String> {
    at_both_sizes(page, first_entry_not_marked_below_the_viewport_at).await
}

/// [`first_entry_not_marked_below_the_viewport`] at one viewport size.
async fn first_entry_not_marked_below_the_viewport_at(
    page: &Page,
    (width, height): (u32, u32),
) -> Result<(), String> {
    // Where the first heading starts at this width (the width, not the
    // height, decides it).
    open_hydrated(page, width, height, "/").await?;
    let intro_top = top_of(&page.heading(2, SECTIONS[0]).await?).await?;
    // A short window (a landscape phone, a small laptop window) that ends
    // above the first heading.
    let height = (intro_top - 40.0).max(200.0) as u32;
    open_hydrated(page, width, height, "/").await?;
    let intro = page.heading(2, SECTIONS[0]).await?;
    let viewport = page
        .eval("window.innerHeight")
        .await?
        .as_f64()
        .unwrap_or(0.0);
    let top = top_of(&intro).await?;
    ensure(top >= viewport, || {
        format!("precondition: the first heading ({top:.0}px) should start below the {viewport:.0}px viewport")
    })?;
    let nav = toc_nav(page).await?;
    tokio::time::sleep(Duration::from_millis(500)).await;
    wait_current(page, &nav, None).await?;
    // Scroll it into view, below the reading line.
    scroll_to(page, top - viewport + 30.0).await?;
    wait_current(page, &nav, Some(SECTIONS[0])).await
}

/// With the page ending in a short section that can never reach the
/// reading line, scrolling to the bottom marks that last section.
async fn short_final_section_becomes_current(page: &Page) -> Result<(), String> {
    at_both_sizes(page, short_final_section_becomes_current_at).await
}

/// [`short_final_section_becomes_current`] at one viewport size.
async fn short_final_section_becomes_current_at(
    page: &Page,
    (width, height): (u32, u32),
) -> Result<(), String> {
    open_with_short_final_section(page, width, height).await?;
    scroll_to_bottom(page).await?;
    let line = reading_line(page).await?;
    let faq_top = top_of(&page.heading(2, FAQ_HEADING).await?).await?;
    ensure(faq_top > line, || {
        format!("precondition: at the bottom the last heading ({faq_top:.0}px) should stay below the reading line ({line:.0}px)")
    })?;
    let nav = toc_nav(page).await?;
    wait_current(page, &nav, Some(FAQ_HEADING)).await
}

/// Choosing an entry whose heading sits near the bottom of the page (the
/// page cannot scroll it up to the reading line) keeps that entry marked,
/// instead of the one above it or the last one.
async fn clicked_entry_near_the_bottom_stays_current(page: &Page) -> Result<(), String> {
    at_both_sizes(page, clicked_entry_near_the_bottom_stays_current_at).await
}

/// [`clicked_entry_near_the_bottom_stays_current`] at one viewport size.
async fn clicked_entry_near_the_bottom_stays_current_at(
    page: &Page,
    (width, _): (u32, u32),
) -> Result<(), String> {
    // Taller and taller windows until the page's end holds an entry whose
    // heading cannot reach the reading line.
    let heights: &[u32] = if width < 1024 {
        &[740, 2000, 3200, 4200]
    } else {
        &[800, 1400, 2000, 2400]
    };
    let mut chosen = None;
    for &height in heights {
        open_hydrated(page, width, height, "/").await?;
        end_page_with_article(page).await?;
        scroll_to_bottom(page).await?;
        let nav = toc_nav(page).await?;
        // Entries whose headings are in view below the line at the bottom,
        // except the last: those are what other sites get wrong.
        let stranded = page
            .run(
                "var line = window.innerHeight * arguments[1], h = window.innerHeight, out = [];
                 var links = arguments[0].querySelectorAll('a[href^=\"#\"]');
                 links.forEach(function (a, i) {
                   var t = document.getElementById(a.getAttribute('href').slice(1)).getBoundingClientRect().top;
                   if (t > line && t < h && i < links.length - 1) out.push(a.textContent.replace(/\\s+/g, ' ').trim());
                 });
                 return out;",
                vec![nav.to_json(), json!(super::toc_util::READING_LINE)],
            )
            .await?;
        if let Some(name) = stranded
            .as_array()
            .and_then(|a| a.first())
            .and_then(Value::as_str)
        {
            chosen = Some(name.to_string());
            break;
        }
    }
    let name = chosen.ok_or("no entry sits near the bottom at any window height tried")?;
    scroll_to(page, 0.0).await?;
    let nav = toc_nav(page).await?;
    follow_entry(page, &name).await?;
    settle(page).await?;
    let at_bottom = page
        .eval("window.scrollY + window.innerHeight >= document.documentElement.scrollHeight - 2")
        .await?;
    ensure(at_bottom == json!(true), || {
        "precondition: following the link should scroll to the bottom of the page".into()
    })?;
    // Give a wrong mark time to appear.
    tokio::time::sleep(Duration::from_millis(600)).await;
    wait_current(page, &nav, Some(&name)).await
}

/// Opening the FAQ answers makes the page longer: at its bottom the short
/// final section was current, now the page can scroll on and the section
/// above the line is; closing them again restores the mark.
async fn follows_answers_opening_and_closing(page: &Page) -> Result<(), String> {
    at_both_sizes(page, follows_answers_opening_and_closing_at).await
}

/// [`follows_answers_opening_and_closing`] at one viewport size.
async fn follows_answers_opening_and_closing_at(
    page: &Page,
    (width, height): (u32, u32),
) -> Result<(), String> {
    open_with_short_final_section(page, width, height).await?;
    scroll_to_bottom(page).await?;
    let nav = toc_nav(page).await?;
    wait_current(page, &nav, Some(FAQ_HEADING)).await?;
    page.by_role("button", "Show all answers")
        .await?
        .click()
        .await?;
    settle(page).await?;
    let expected = oracle(page, &nav).await?;
    ensure(expected.as_deref() != Some(FAQ_HEADING), || {
        "precondition: the FAQ heading should be below the reading line".into()
    })?;
    wait_current(page, &nav, expected.as_deref()).await?;
    page.by_role("button", "Hide all answers")
        .await?
        .click()
        .await?;
    settle(page).await?;
    wait_current(page, &nav, Some(FAQ_HEADING)).await
}

/// Content growing above a heading (no scrolling at all) moves it below the
/// reading line: the mark moves back to the entry above it.
async fn follows_content_growing_above_a_heading(page: &Page) -> Result<(), String> {
    at_both_sizes(page, follows_content_growing_above_a_heading_at).await
}

/// [`follows_content_growing_above_a_heading`] at one viewport size.
async fn follows_content_growing_above_a_heading_at(
    page: &Page,
    (width, height): (u32, u32),
) -> Result<(), String> {
    open_hydrated(page, width, height, "/").await?;
    let nav = toc_nav(page).await?;
    let line = reading_line(page).await?;
    let heading = page.heading(2, SECTIONS[4]).await?;
    scroll_element_to(page, &heading, line - 60.0).await?;
    wait_current(page, &nav, Some(SECTIONS[4])).await?;
    let before = page.eval("window.scrollY").await?;
    // Scroll anchoring would hide the change by scrolling; keep it visible.
    heading
        .eval(
            "document.documentElement.style.overflowAnchor = 'none';
             document.body.style.overflowAnchor = 'none';
             var grow = document.createElement('div');
             grow.style.height = '200px';
             el.parentElement.before(grow);
             return null;",
        )
        .await?;
    tokio::time::sleep(Duration::from_millis(300)).await;
    ensure(page.eval("window.scrollY").await? == before, || {
        "precondition: the page scrolled".into()
    })?;
    let expected = oracle(page, &nav).await?;
    ensure(expected.as_deref() != Some(SECTIONS[4]), || {
        format!(
            "precondition: the heading should now be below the line (last above it: {expected:?})"
        )
    })?;
    wait_current(page, &nav, expected.as_deref()).await
}

/// Loading the page at #heading (a section, a sub-heading) puts that
/// heading just below the sticky header (and bar), on narrow and wide
/// screens, and marks its entry. (FAQ questions: faq.rs.)
async fn deep_links_land_below_the_header(page: &Page) -> Result<(), String> {
    for (width, height) in [NARROW, WIDE] {
        resize(page, width, height).await?;
        for (level, name) in [(2, SECTIONS[5]), (3, SUB_HEADING)] {
            page.goto("/").await?;
            let id = page
                .heading(level, name)
                .await?
                .eval("return el.id")
                .await?;
            let path = format!("/#{}", id.as_str().unwrap_or_default());
            page.goto(RESET_PATH).await?;
            page.goto(&path).await?;
            wait_hydrated(page).await?;
            tokio::time::sleep(Duration::from_millis(300)).await;
            settle(page).await?;
            let heading = page.heading(level, name).await?;
            ensure_landed(page, &heading, 40.0)
                .await
                .map_err(|e| format!("{path} at {width}px: {e}"))?;
            let nav = toc_nav(page).await?;
            wait_current(page, &nav, Some(name))
                .await
                .map_err(|e| format!("{path} at {width}px: {e}"))?;
        }
    }
    Ok(())
}

/// Following entries adds history entries: Back and Forward move between
/// the sections, each landing below the header and marked current.
async fn entry_clicks_update_url_and_history(page: &Page) -> Result<(), String> {
    at_both_sizes(page, entry_clicks_update_url_and_history_at).await
}

/// [`entry_clicks_update_url_and_history`] at one viewport size.
async fn entry_clicks_update_url_and_history_at(
    page: &Page,
    (width, height): (u32, u32),
) -> Result<(), String> {
    open_hydrated(page, width, height, "/").await?;
    let nav = toc_nav(page).await?;
    let (first, second) = (SECTIONS[2], SECTIONS[5]);
    let (first_id, second_id) = (
        section_id(page, first).await?,
        section_id(page, second).await?,
    );
    for (name, id) in [(first, &first_id), (second, &second_id)] {
        follow_entry(page, name).await?;
        page.wait_for(
            &format!("location.hash === '#{id}'"),
            Duration::from_secs(5),
        )
        .await?;
        settle(page).await?;
        ensure_landed(page, &page.heading(2, name).await?, 40.0).await?;
    }
    let history = page.eval("history.length").await?;
    ensure(history.as_u64().unwrap_or(0) >= 3, || {
        format!("history has {history} entries after two choices")
    })?;
    for (step, name, id) in [("back", first, &first_id), ("forward", second, &second_id)] {
        if step == "back" {
            page.client()
                .back()
                .await
                .map_err(|e| format!("going back: {e}"))?;
        } else {
            page.client()
                .forward()
                .await
                .map_err(|e| format!("going forward: {e}"))?;
        }
        page.wait_for(
            &format!("location.hash === '#{id}'"),
            Duration::from_secs(5),
        )
        .await
        .map_err(|e| format!("after {step}: {e}"))?;
        settle(page).await?;
        // Browsers restore the position saved with the entry, which may
        // differ a little from where the link put the heading.
        ensure_landed(page, &page.heading(2, name).await?, 80.0)
            .await
            .map_err(|e| format!("after {step}: {e}"))?;
        wait_current(page, &nav, Some(name))
            .await
            .map_err(|e| format!("after {step}: {e}"))?;
    }
    Ok(())
}

/// Keyboard only: from a heading, Tab reaches its "copy link" button;
/// Enter copies the address and a status message announces it.
async fn copy_link_announces_success(page: &Page) -> Result<(), String> {
    at_both_sizes(page, copy_link_announces_success_at).await
}

/// [`copy_link_announces_success`] at one viewport size.
async fn copy_link_announces_success_at(
    page: &Page,
    (width, height): (u32, u32),
) -> Result<(), String> {
    open_hydrated(page, width, height, "/").await?;
    let name = format!("Copy link to “{SUB_HEADING}”");
    // Following the link to the heading starts sequential navigation there.
    page.run("location.hash = 'legal-status'; return null;", vec![])
        .await?;
    settle(page).await?;
    tab_to(page, "button", &name, 3).await?;
    page.press("Enter").await?;
    let article = page.find(&Query::role("article")).await?;
    let status = page
        .find(&Query::role("status").within(&article).include_hidden())
        .await?;
    let want = format!("Link to “{SUB_HEADING}” copied");
    let start = std::time::Instant::now();
    loop {
        let text = status.eval("return el.textContent.trim();").await?;
        if text == json!(want) {
            break;
        }
        if start.elapsed() > Duration::from_secs(5) {
            return Err(format!("the status region says {text}, expected {want:?}"));
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    let button = page.by_role("button", name.as_str()).await?;
    let shown = button
        .eval("return el.getAttribute('data-copied');")
        .await?;
    ensure(shown == json!("true"), || {
        format!("the button does not show it copied (data-copied {shown})")
    })
}

/// Smooth scrolling is declared only for visitors who have not asked for
/// reduced motion, and the page's behaviour matches this browser's setting.
async fn smooth_scrolling_only_without_reduced_motion(page: &Page) -> Result<(), String> {
    open_hydrated(page, WIDE.0, WIDE.1, "/").await?;
    let found = page
        .run(
            "var bad = [], smooth = 0;
             function walk(rules, media) {
               Array.prototype.forEach.call(rules, function (r) {
                 if (r.style && r.style.getPropertyValue('scroll-behavior') === 'smooth') {
                   smooth++;
                   if (!media.some(function (m) { return /prefers-reduced-motion:\\s*no-preference/.test(m); }))
                     bad.push(r.selectorText + ' in ' + (media.join(' and ') || 'no media rule'));
                 }
                 if (r.cssRules && r.cssRules.length)
                   walk(r.cssRules, r.media ? media.concat([r.media.mediaText]) : media);
               });
             }
             Array.prototype.forEach.call(document.styleSheets, function (s) { walk(s.cssRules, []); });
             var reduce = matchMedia('(prefers-reduced-motion: reduce)').matches;
             var actual = getComputedStyle(document.documentElement).scrollBehavior;
             return { bad: bad, smooth: smooth, reduce: reduce, actual: actual };",
            vec![],
        )
        .await?;
    ensure(found["smooth"].as_u64().unwrap_or(0) > 0, || {
        "no smooth scrolling is declared at all".into()
    })?;
    ensure(found["bad"].as_array().is_some_and(Vec::is_empty), || {
        format!(
            "smooth scrolling declared regardless of reduced motion: {}",
            found["bad"]
        )
    })?;
    let expected = if found["reduce"] == json!(true) {
        "auto"
    } else {
        "smooth"
    };
    ensure(found["actual"] == json!(expected), || {
        format!(
            "scroll-behavior is {} with reduced motion {}",
            found["actual"], found["reduce"]
        )
    })
}

/// The reading-progress bar is a scroll-driven CSS animation where the
/// browser has them (no script, no layout work per frame), hidden elsewhere.
async fn reading_progress_costs_no_script(page: &Page) -> Result<(), String> {
    open_hydrated(page, WIDE.0, WIDE.1, "/").await?;
    let top = progress(page).await?;
    ensure(!top.is_null(), || "there is no reading-progress bar".into())?;
    ensure(top["hidden"] == json!("true"), || {
        "the progress bar is not hidden from assistive technology".into()
    })?;
    if top["supported"] != json!(true) {
        return ensure(top["display"] == json!("none"), || {
            "without scroll-driven animations the bar should not show".into()
        });
    }
    ensure(
        top["timeline"]
            .as_str()
            .is_some_and(|t| t.contains("scroll")),
        || {
            format!(
                "the bar is not driven by a scroll timeline: {}",
                top["timeline"]
            )
        },
    )?;
    let max = page
        .eval("document.documentElement.scrollHeight - window.innerHeight")
        .await?
        .as_f64()
        .unwrap_or(0.0);
    scroll_to(page, max / 2.0).await?;
    tokio::time::sleep(Duration::from_millis(200)).await;
    let middle = progress(page).await?;
    let (a, b) = (
        top["scale"].as_f64().unwrap_or(-1.0),
        middle["scale"].as_f64().unwrap_or(-1.0),
    );
    ensure(a < 0.05 && (b - 0.5).abs() < 0.1, || {
        format!("the bar's scale is {a:.2} at the top and {b:.2} halfway down")
    })
}

/// The reading-progress bar's state: support, display, aria-hidden,
/// timeline and horizontal scale.
async fn progress(page: &Page) -> Result<Value, String> {
    page.eval(
        "(function () {
           var bar = document.querySelector('.aa-progress');
           if (!bar) return null;
           var s = getComputedStyle(bar);
           return { supported: CSS.supports('animation-timeline: scroll()'), display: s.display,
                    hidden: bar.getAttribute('aria-hidden'), timeline: s.animationTimeline || '',
                    scale: new DOMMatrixReadOnly(s.transform === 'none' ? undefined : s.transform).a };
         })()",
    )
    .await
}

/// Without the wasm the table of contents is plain links that work: on a
/// wide screen the panel, on a narrow one the bar opens natively.
async fn links_work_without_wasm(page: &Page) -> Result<(), String> {
    let path = write_no_wasm_page(page).await?;
    for (width, height) in [WIDE, NARROW] {
        resize(page, width, height).await?;
        page.goto(&path).await?;
        tokio::time::sleep(Duration::from_millis(300)).await;
        ensure(
            page.eval("document.querySelector('[data-hydrated]') === null")
                .await?
                == json!(true),
            || "the page without the loader hydrated anyway".into(),
        )?;
        if width == NARROW.0 {
            // A reader already in the article: the bar is stuck under the header.
            scroll_element_to(page, &page.heading(2, SECTIONS[1]).await?, 200.0).await?;
            page.by_role("button", "On this page")
                .await?
                .click()
                .await?;
        }
        let nav = toc_nav(page).await?;
        toc_link(page, &nav, SECTIONS[6]).await?.click().await?;
        let id = section_id(page, SECTIONS[6]).await?;
        page.wait_for(
            &format!("location.hash === '#{id}'"),
            Duration::from_secs(5),
        )
        .await?;
        settle(page).await?;
        ensure_landed(page, &page.heading(2, SECTIONS[6]).await?, 40.0)
            .await
            .map_err(|e| format!("at {width}px without the wasm: {e}"))?;
    }
    Ok(())
}

/// Hydration (and everything the app does right after it: scroll-spy,
/// closing the FAQ answers far below) moves nothing in the first view:
/// every box there is where the pre-rendered page alone put it. In
/// engines that report layout shifts, there are none.
async fn hydration_moves_nothing_in_the_first_view(page: &Page) -> Result<(), String> {
    let path = write_no_wasm_page(page).await?;
    for (width, height) in [NARROW, WIDE] {
        resize(page, width, height).await?;
        page.goto(&path).await?;
        tokio::time::sleep(Duration::from_millis(300)).await;
        let before = first_view_boxes(page).await?;
        page.goto("/").await?;
        wait_hydrated(page).await?;
        tokio::time::sleep(Duration::from_millis(800)).await;
        let after = first_view_boxes(page).await?;
        let moved: Vec<String> = before
            .iter()
            .zip(&after)
            .filter(|(a, b)| a != b)
            .take(8)
            .map(|(a, b)| format!("{a} -> {b}"))
            .collect();
        ensure(moved.is_empty() && before.len() == after.len(), || {
            format!(
                "at {width}px hydration moved the first view ({} boxes before, {} after): {}",
                before.len(),
                after.len(),
                moved.join("; ")
            )
        })?;
        // Shifts from the moment the app starts downloading: the ones
        // hydration could cause. Earlier ones come from the browser laying
        // out the page while it still arrives, with or without the app.
        let shifts = page
            .run_async(
                &[
                "var done = arguments[arguments.length - 1];
                 if (!window.PerformanceObserver || PerformanceObserver.supportedEntryTypes.indexOf('layout-shift') < 0) return done(null);
                 var app = ",
                APP_REQUEST,
                ";
                 var since = app ? app.startTime : 0;
                 var found = { total: 0, shifts: [] };
                 new PerformanceObserver(function (list) {
                   list.getEntries().forEach(function (e) {
                     if (e.hadRecentInput || e.startTime < since) return;
                     found.total += e.value;
                     found.shifts.push({ at: Math.round(e.startTime), value: e.value, moved: (e.sources || []).map(function (s) {
                       var n = s.node;
                       return (n && n.nodeType === 1 ? n.localName + (n.id ? '#' + n.id : '') + (n.className ? '.' + String(n.className).split(' ')[0] : '') : String(n && n.nodeName)) + ' ' + JSON.stringify([s.previousRect.y, s.currentRect.y]);
                     }) });
                   });
                 }).observe({ type: 'layout-shift', buffered: true });
                 setTimeout(function () { found.since = Math.round(since); done(found); }, 300);",
                ]
                .concat(),
                vec![],
            )
            .await?;
        if let Some(total) = shifts["total"].as_f64() {
            ensure(total == 0.0, || {
                format!("at {width}px, after the app started, the browser reports layout shifts adding up to {total}: {shifts}")
            })?;
        }
    }
    Ok(())
}
