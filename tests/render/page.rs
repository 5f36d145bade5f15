//! The page's markup on the tests' own content.

use asana_article::content::load::fixture;

use super::fixture_html;

#[test]
fn toc_links_every_section_anchor() {
    let html = fixture_html();
    let toc_start = html.find("class=\"aa-toc\"").expect("toc");
    let toc_end = toc_start + html[toc_start..].find("</nav>").expect("toc end");
    let toc = &html[toc_start..toc_end];
    for section in fixture().article.sections {
        assert!(
            toc.contains(&format!("href=\"#{}\"", section.id)),
            "toc lacks {}",
            section.id
        );
        assert!(html.contains(&format!("id=\"{}\"", section.id)));
    }
}

#[test]
fn page_has_one_h1_and_landmarks() {
    let html = fixture_html();
    assert_eq!(html.matches("<h1").count(), 1);
    for landmark in ["<header", "<main", "<footer", "<nav"] {
        assert!(html.contains(landmark), "missing {landmark}");
    }
}

/// The element starting at the first `needle` (its opening tag), for the
/// render tests of the table of contents and the FAQ.
fn tag_at<'a>(html: &'a str, needle: &str) -> &'a str {
    let at = html.find(needle).unwrap_or_else(|| panic!("no {needle}"));
    let start = html[..at].rfind('<').expect("tag start");
    let end = at + html[at..].find('>').expect("tag end");
    &html[start..=end]
}

#[test]
fn toc_prerenders_as_plain_links_with_nothing_current() {
    let html = fixture_html();
    // The side panel and the narrow-screen bar, a native <details> that
    // opens without the wasm, closed.
    assert!(tag_at(&html, "id=\"aa-toc\"").starts_with("<nav"));
    assert!(tag_at(&html, "class=\"aa-toc-bar\"").starts_with("<nav"));
    let bar = tag_at(&html, "class=\"aa-toc-bar__details\"");
    assert!(
        !bar.contains(" open"),
        "the bar is pre-rendered open: {bar}"
    );
    assert!(html.contains("<span class=\"aa-toc-bar__label\">On this page</span>"));
    // The scroll-spy marks nothing until it has measured.
    assert!(
        !html.contains("aria-current"),
        "an entry is marked before hydration"
    );
    let entries = asana_article::toc::entries::flatten(&asana_article::toc::entries::build(
        &fixture().article,
    ));
    for entry in &entries {
        // Once in the panel and once in the bar.
        let link = format!("href=\"#{}\"", entry.id);
        assert_eq!(html.matches(&link).count(), 2, "{link}");
    }
}

#[test]
fn faq_prerenders_every_answer_open_with_inert_buttons() {
    let html = fixture_html();
    for item in fixture().faq {
        let button = tag_at(&html, &format!("id=\"{}-toggle\"", item.id));
        assert!(button.starts_with("<button"), "{button}");
        assert!(
            button.contains("disabled"),
            "works without the wasm? {button}"
        );
        assert!(button.contains("aria-expanded=\"true\""), "{button}");
        assert!(
            button.contains(&format!("aria-controls=\"{}-answer\"", item.id)),
            "{button}"
        );
        let answer = tag_at(&html, &format!("id=\"{}-answer\"", item.id));
        assert!(
            !answer.contains("hidden"),
            "answer hidden without the wasm: {answer}"
        );
    }
    let heading = tag_at(&html, &format!("id=\"{}\"", fixture().faq[0].id));
    assert!(heading.starts_with("<h3"), "{heading}");
}

#[test]
fn the_static_carrier_list_comes_before_the_checker() {
    let html = fixture_html();
    let list = html.find("class=\"aa-carriers\"").expect("carrier list");
    let checker = html.find("class=\"aa-checker\"").expect("checker");
    assert!(list < checker);
}

/// The empty polite status before `until` in a placeholder's HTML, which
/// says `loading` while the part's code loads.
fn assert_empty_loading_status(part: &str, until: usize, loading: &str) {
    let head = &part[..until];
    let at = head
        .find("aa-part__loading")
        .expect("no loading status before the part");
    let start = head[..at].rfind("<p").expect("the status is a <p>");
    let end = start + head[start..].find("</p>").expect("status end");
    let status = &head[start..end];
    assert!(status.contains("role=\"status\""), "{status}");
    assert!(
        status.contains(&format!("data-aa-loading=\"{loading}\"")),
        "{status}"
    );
    assert!(status.ends_with('>'), "not empty: {status}");
}

/// The placeholders' HTML, by part id, in page order.
fn placeholders(html: &str) -> Vec<(&str, &str)> {
    html.split("data-aa-part=\"")
        .skip(1)
        .map(|part| part.split_once('"').expect("a part id"))
        .collect()
}

/// Without scripts nothing in a pre-rendered form can be used or sent (it
/// is `inert` until the boot script wakes it), and each placeholder carries
/// an empty polite status with what to say while the form loads.
#[test]
fn prerendered_forms_are_inert_with_an_empty_loading_status() {
    let html = fixture_html();
    let loading = fixture().forms.status.loading;
    let forms: Vec<&str> = placeholders(&html)
        .into_iter()
        .filter(|(id, _)| *id != "checker")
        .map(|(_, part)| part)
        .collect();
    assert_eq!(forms.len(), 2, "two form placeholders");
    for part in forms {
        let form = part.find("<form").expect("a form in the placeholder");
        let tag = &part[form..form + part[form..].find('>').unwrap()];
        assert!(tag.contains(" inert"), "not inert: {tag}");
        assert_empty_loading_status(part, form, loading);
    }
}

/// The insurance checker is a placeholder of its own, before the forms:
/// its pre-rendered field, with the checker's own loading status, in no
/// form (typing in it sends nothing anywhere).
#[test]
fn the_prerendered_checker_is_a_placeholder_with_its_own_status() {
    let html = fixture_html();
    let parts = placeholders(&html);
    let ids: Vec<&str> = parts.iter().map(|(id, _)| *id).collect();
    assert_eq!(ids.first(), Some(&"checker"), "{ids:?}");
    let part = parts[0].1;
    let field = part.find("role=\"combobox\"").expect("the checker's field");
    assert_empty_loading_status(part, field, fixture().checker.text.load.loading);
    // (Each slice ends where the next placeholder starts.)
    assert!(!part.contains("<form"), "the checker is in a form");
}
