//! The article's content and structure: title, headings, table of contents,
//! FAQ, carriers, clean text.

use std::time::Duration;

use serde_json::{json, Value};

use super::content::{CARRIERS, FAQ, FAQ_HEADING, H1, SECTIONS, TOC, VERIFY_REGION};
use super::open_article;
use crate::harness::{ensure, tests, Name, Page, Query, Test};

/// This area's tests.
pub fn tests() -> Vec<Test> {
    tests![
        title_and_h1,
        section_headings,
        toc_links_to_every_section,
        toc_link_moves_to_heading,
        faq_questions,
        carriers_in_verify_region,
        no_markdown_artifacts,
    ]
}

/// The document title names the article, and there is exactly one h1: it.
async fn title_and_h1(page: &Page) -> Result<(), String> {
    open_article(page).await?;
    let title = page.eval("document.title").await?;
    let title = title.as_str().unwrap_or_default();
    ensure(title.contains(H1), || {
        format!("document.title is {title:?}; expected it to contain {H1:?}")
    })?;
    let h1s = page.find_all(&Query::role("heading").level(1)).await?;
    let names: Vec<&str> = h1s.iter().map(|h| h.description.as_str()).collect();
    ensure(h1s.len() == 1, || {
        format!("expected one h1, found {}: {}", h1s.len(), names.join(", "))
    })?;
    page.heading(1, H1).await.map(|_| ())
}

/// All eight sections have their h2, in order.
async fn section_headings(page: &Page) -> Result<(), String> {
    open_article(page).await?;
    for name in SECTIONS {
        page.heading(2, name).await?;
    }
    let mut order = Vec::new();
    for h2 in page.find_all(&Query::role("heading").level(2)).await? {
        let name = page.info(&h2).await?.name;
        if SECTIONS.contains(&name.as_str()) {
            order.push(name);
        }
    }
    ensure(order == SECTIONS, || {
        format!("section headings are out of order: {order:?}")
    })
}

/// The "Table of contents" navigation links to each section's heading id.
async fn toc_links_to_every_section(page: &Page) -> Result<(), String> {
    open_article(page).await?;
    let toc = page.by_role("navigation", toc_name()).await?;
    let mut hrefs = Vec::new();
    for link in page.find_all(&Query::role("link").within(&toc)).await? {
        hrefs.push(link.eval("return el.getAttribute('href')").await?);
    }
    let mut missing = Vec::new();
    for name in SECTIONS {
        let id = page.heading(2, name).await?.eval("return el.id").await?;
        let id = id.as_str().unwrap_or_default();
        ensure(!id.is_empty(), || {
            format!("heading {name:?} has no id to link to")
        })?;
        if !hrefs.contains(&json!(format!("#{id}"))) {
            missing.push(format!("#{id} ({name})"));
        }
    }
    ensure(missing.is_empty(), || {
        format!("table of contents lacks links to {missing:?}; its links: {hrefs:?}")
    })
}

/// Following a table-of-contents link scrolls its heading to the top part
/// of the viewport and sets the URL fragment.
async fn toc_link_moves_to_heading(page: &Page) -> Result<(), String> {
    open_article(page).await?;
    let target = SECTIONS[5];
    let id = page.heading(2, target).await?.eval("return el.id").await?;
    let id = id.as_str().unwrap_or_default().to_string();
    let toc = page.by_role("navigation", toc_name()).await?;
    let links = page.find_all(&Query::role("link").within(&toc)).await?;
    let mut link = None;
    for l in links {
        if l.eval("return el.getAttribute('href')").await? == json!(format!("#{id}")) {
            link = Some(l);
        }
    }
    let link = link.ok_or_else(|| format!("no table-of-contents link to #{id}"))?;
    link.click().await?;
    let id_js = Value::String(id.clone()).to_string();
    page.wait_for(
        &format!("location.hash === '#' + {id_js}"),
        Duration::from_secs(5),
    )
    .await?;
    let in_view = format!(
        "(function () {{ var r = document.getElementById({id_js}).getBoundingClientRect();
           return window.scrollY > 0 && r.top >= -2 && r.top < window.innerHeight / 3; }})()"
    );
    page.wait_for(&in_view, Duration::from_secs(5)).await.map_err(|e| {
        format!("after following the link to #{id} the heading is not near the top of the viewport: {e}")
    })
}

/// Every FAQ question is on the page, after the FAQ heading.
async fn faq_questions(page: &Page) -> Result<(), String> {
    open_article(page).await?;
    let heading = page.heading(2, FAQ_HEADING).await?;
    for question in FAQ {
        let el = page.by_text(question).await?;
        let after = page
            .run(
                "return !!(arguments[0].compareDocumentPosition(arguments[1]) & Node.DOCUMENT_POSITION_FOLLOWING);",
                vec![heading.to_json(), el.to_json()],
            )
            .await?;
        ensure(after == json!(true), || {
            format!("FAQ question {question:?} comes before the FAQ heading")
        })?;
    }
    Ok(())
}

/// The "Verify Insurance for Free" region lists all six carriers.
async fn carriers_in_verify_region(page: &Page) -> Result<(), String> {
    open_article(page).await?;
    let region = page.by_role("region", VERIFY_REGION).await?;
    let mut missing = Vec::new();
    for carrier in CARRIERS {
        let items = page
            .find_all(
                &Query::role("listitem")
                    .name(Name::contains(carrier))
                    .within(&region),
            )
            .await?;
        if items.is_empty() {
            missing.push(carrier);
        }
    }
    let listed: Vec<String> = page
        .find_all(&Query::role("listitem").within(&region))
        .await?
        .into_iter()
        .map(|i| i.description)
        .collect();
    ensure(missing.is_empty(), || {
        format!(
            "carriers missing from region {VERIFY_REGION:?}: {missing:?}; it lists {}",
            listed.join(", ")
        )
    })
}

/// No Markdown syntax leaked into the visible text.
async fn no_markdown_artifacts(page: &Page) -> Result<(), String> {
    open_article(page).await?;
    let text = page.eval("document.body.innerText").await?;
    let text = text.as_str().unwrap_or_default();
    let mut found = Vec::new();
    for needle in ["**", " * ", "](", "__"] {
        if let Some(at) = text.find(needle) {
            found.push(format!("{needle:?} in …{}…", around(text, at)));
        }
    }
    for line in text.lines() {
        let line = line.trim_start();
        if line.starts_with("* ") || line.starts_with("# ") || line.starts_with("## ") {
            found.push(format!("Markdown line start in {line:?}"));
        }
    }
    ensure(found.is_empty(), || {
        format!("Markdown artifacts in the page text: {}", found.join("; "))
    })
}

/// The table of contents' name, any letter case.
fn toc_name() -> Name {
    Name::regex(&format!("^{TOC}$"), "i")
}

/// Up to 40 characters either side of byte offset `at`.
fn around(text: &str, at: usize) -> String {
    let start = text[..at]
        .char_indices()
        .rev()
        .nth(40)
        .map_or(0, |(i, _)| i);
    let end = text[at..]
        .char_indices()
        .nth(40)
        .map_or(text.len(), |(i, _)| at + i);
    text[start..end].replace('\n', "⏎")
}
