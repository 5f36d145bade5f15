//! The notes a health page carries, on the tests' own content: the crisis
//! note where the article speaks of suicidal thoughts and in the footer,
//! the disclaimer under the title and in the footer, and the review line.

use asana_article::content::load::fixture;
use asana_article::content::{Block, Embed};

use super::{fixture_html, visible_text};

/// The HTML of every crisis note of the page, in order.
fn crisis_notes(html: &str) -> Vec<&str> {
    let mut notes = Vec::new();
    let mut rest = html;
    while let Some(class) = rest.find("class=\"aa-crisis\"") {
        let at = rest[..class].rfind('<').expect("tag start");
        let end = at + rest[at..].find("</div>").expect("note end");
        notes.push(&rest[at..end]);
        rest = &rest[end..];
    }
    notes
}

#[test]
fn the_crisis_note_is_where_the_article_places_it_and_in_the_footer() {
    let content = fixture();
    let placed = content
        .article
        .sections
        .iter()
        .flat_map(|s| s.blocks)
        .filter(|b| **b == Block::Embed(Embed::Crisis))
        .count();
    assert!(placed >= 1, "the fixture places no {{crisis}}");
    let html = fixture_html();
    let notes = crisis_notes(&html);
    assert_eq!(
        notes.len(),
        placed + 1,
        "one per {{crisis}} and one in the footer"
    );
    let footer = html.find("<footer").expect("footer");
    assert!(html.rfind("class=\"aa-crisis\"").unwrap() > footer);
    for note in notes {
        // A named note (not one more landmark), readable without the wasm,
        // with call and text links to the lifeline and the emergency number.
        assert!(
            note.contains(&format!(
                "role=\"note\" aria-label=\"{}\"",
                content.ui.crisis.label
            )),
            "{note}"
        );
        for link in ["href=\"tel:988\"", "href=\"sms:988\"", "href=\"tel:911\""] {
            assert!(note.contains(link), "{link} missing in {note}");
        }
    }
}

#[test]
fn the_disclaimer_is_under_the_title_and_in_the_footer() {
    let html = fixture_html();
    let text = visible_text(&asana_article::content::blocks_plain_text(
        fixture().disclaimer,
    ));
    let page = visible_text(&html);
    assert_eq!(page.matches(text.as_str()).count(), 2, "{text}");
    let h1 = html.find("<h1").unwrap();
    let first = html.find("class=\"aa-disclaimer\"").unwrap();
    let main_end = html.find("</main>").unwrap();
    assert!(
        first > h1 && first < html.find("aa-toc").unwrap(),
        "not near the top"
    );
    assert!(
        html.rfind("class=\"aa-disclaimer\"").unwrap() > main_end,
        "not in the footer"
    );
}

#[test]
fn the_review_line_shows_what_is_filled_in() {
    let content = fixture();
    let review = content.article.review;
    let text = content.ui.review;
    let page = visible_text(&fixture_html());
    for (label, value) in [
        (text.written_by, review.author),
        (text.reviewed_by, review.reviewer),
    ] {
        assert!(!value.is_empty(), "the fixture fills in {label}");
        assert!(
            page.contains(&format!("{label} {value}")),
            "{label} {value}"
        );
    }
    let html = fixture_html();
    assert!(html.contains(&format!("<time datetime=\"{}\">", review.reviewed)));
}

#[test]
fn with_nothing_filled_in_there_is_no_review_line() {
    let mut content = *fixture();
    content.article.review = asana_article::content::Review {
        author: "",
        reviewer: "",
        reviewed: "",
    };
    let html = super::html_of(Box::leak(Box::new(content)));
    assert!(
        !html.contains("aa-review"),
        "a review line without a review"
    );
}
