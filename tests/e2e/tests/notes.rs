//! The notes a health page carries, in the browser: the crisis note where
//! the article speaks of suicidal thoughts and in the footer, and the
//! "not medical advice" disclaimer near the top and in the footer (their
//! axe scan is the whole page's, `a11y.rs`).

use super::content::{CRISIS_LABEL, CRISIS_LINKS, CRISIS_NOTES, DISCLAIMER, SECTIONS};
use super::open_article;
use crate::harness::{ensure, tests, Name, Page, Query, Test};

/// This area's tests.
pub fn tests() -> Vec<Test> {
    tests![
        crisis_notes_are_named_notes_with_the_lifeline,
        disclaimer_is_under_the_title_and_in_the_footer,
    ]
}

/// Each crisis note is a `note` a screen reader names before reading it,
/// visible, with call and text links to 988 and a call link to 911; the
/// last one is in the footer.
async fn crisis_notes_are_named_notes_with_the_lifeline(page: &Page) -> Result<(), String> {
    open_article(page).await?;
    let notes = page
        .find_all(&Query::role("note").name(CRISIS_LABEL))
        .await?;
    ensure(notes.len() == CRISIS_NOTES, || {
        format!(
            "{} notes named {CRISIS_LABEL:?}; expected {CRISIS_NOTES}",
            notes.len()
        )
    })?;
    for note in &notes {
        let links = page.find_all(&Query::role("link").within(note)).await?;
        let mut hrefs = Vec::new();
        for link in &links {
            hrefs.push(link.attr("href").await?.unwrap_or_default());
        }
        for want in CRISIS_LINKS {
            ensure(hrefs.iter().any(|href| href == want), || {
                format!("a crisis note has no visible {want} link; it has {hrefs:?}")
            })?;
        }
    }
    let last = notes.last().ok_or("no crisis note")?;
    let in_footer = last
        .eval("return el.closest('footer, [role=contentinfo]') !== null;")
        .await?;
    ensure(in_footer == true, || {
        "the last crisis note is not in the footer".into()
    })
}

/// The disclaimer shows twice: between the title and the first section,
/// and in the footer.
async fn disclaimer_is_under_the_title_and_in_the_footer(page: &Page) -> Result<(), String> {
    open_article(page).await?;
    let script = "
        var want = arguments[0];
        var hits = [...document.querySelectorAll('p')].filter(function (p) {
          return p.textContent.replace(/\\s+/g, ' ').includes(want) && p.getClientRects().length > 0;
        });
        var h1 = document.querySelector('h1').getBoundingClientRect().top;
        return hits.map(function (p) {
          return { top: p.getBoundingClientRect().top, footer: p.closest('footer') !== null, h1: h1 };
        });";
    let hits = page.run(script, vec![DISCLAIMER.into()]).await?;
    let hits = hits.as_array().cloned().unwrap_or_default();
    ensure(hits.len() == 2, || {
        format!("the disclaimer shows {} times: {hits:?}", hits.len())
    })?;
    let first_section = page.heading(2, SECTIONS[0]).await?;
    let section_top = first_section
        .eval("return el.getBoundingClientRect().top;")
        .await?
        .as_f64()
        .unwrap_or(0.0);
    let top = hits[0]["top"].as_f64().unwrap_or(f64::MAX);
    let h1 = hits[0]["h1"].as_f64().unwrap_or(f64::MAX);
    ensure(top > h1 && top < section_top, || {
        format!("the first disclaimer is at {top:.0}px, not between the h1 ({h1:.0}px) and the first section ({section_top:.0}px)")
    })?;
    ensure(hits[1]["footer"] == true, || {
        "the second disclaimer is not in the footer".into()
    })?;
    // Not a link, a button or a heading: plain text, announced in place.
    let named = page
        .find_all(&Query::role("link").name(Name::contains(DISCLAIMER)))
        .await?;
    ensure(named.is_empty(), || "the disclaimer is a link".into())
}
