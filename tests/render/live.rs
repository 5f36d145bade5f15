//! The shipped content (`src/content/`) holds the whole seed article
//! (`tests/fixtures/seed-article.txt`): every sentence, heading, question,
//! carrier and the phone number, with its broken Markdown cleaned up. The
//! one test set that reads the shipped content.

use std::path::Path;

use asana_article::content::load::{fixture, load};
use asana_article::content::CONTENT;

use super::{html_of, seed, seed_sentences, visible_text};

#[test]
fn every_seed_sentence_of_the_article_and_faq_is_on_the_page() {
    let page = visible_text(&html_of(&CONTENT));
    // The quoted call to action became two links.
    let reworded = ["“Learn more about our MAT programs, Contact Us today"];
    let missing: Vec<_> = seed_sentences(&seed())
        .into_iter()
        // Bold runs such as "Legal Status:" became headings without the colon.
        .filter(|s| !page.contains(s.as_str()) && !page.contains(s.trim_end_matches(':')))
        .filter(|s| !reworded.iter().any(|r| s.contains(r)))
        .collect();
    assert!(
        missing.is_empty(),
        "{} seed sentences missing: {missing:#?}",
        missing.len()
    );
}

#[test]
fn all_eight_sections_are_h2_headings_with_their_seed_titles() {
    let html = html_of(&CONTENT);
    let seed = seed();
    let titles = [
        "Introduction: Understanding Ketamine’s Two Faces",
        "Ketamine as a Party Drug: The Risks and Realities",
        "Therapeutic Breakthroughs with Ketamine: A New Hope",
        "Professional Insights on Ketamine Therapy: Integration and Practice",
        "Exploring Ketamine in Couples Therapy: Breaking Down Barriers",
        "Understanding the Risks vs. Benefits: Recreational Use vs. Therapy",
        "Asana Recovery’s Approach: Personalized Care and Innovative Treatment",
        "Frequently Asked Questions about Ketamine Therapy",
    ];
    for title in titles {
        assert!(seed.contains(title), "not a seed heading: {title}");
        let section = CONTENT
            .article
            .sections
            .iter()
            .find(|s| s.title == title)
            .unwrap_or_else(|| panic!("no section {title}"));
        let h2 = format!(
            "<h2 id=\"{}\" class=\"aa-section__heading\">{}</h2>",
            section.id, title
        );
        assert!(html.contains(&h2), "missing {h2}");
    }
    assert_eq!(CONTENT.article.sections.len(), titles.len());
}

#[test]
fn every_faq_question_and_answer_is_on_the_page() {
    let page = visible_text(&html_of(&CONTENT));
    let seed = seed();
    assert_eq!(CONTENT.faq.len(), 5);
    for item in CONTENT.faq {
        assert!(
            seed.contains(item.question),
            "not a seed question: {}",
            item.question
        );
        assert!(page.contains(item.question), "missing {}", item.question);
    }
}

#[test]
fn every_carrier_of_the_seed_is_listed() {
    let html = html_of(&CONTENT);
    let seed = seed();
    let seed_carriers: Vec<_> = seed
        .lines()
        .filter_map(|l| l.strip_prefix("We are in-network with "))
        .map(|l| l.trim_end_matches(" Insurance."))
        .collect();
    assert_eq!(seed_carriers.len(), 6);
    for name in seed_carriers {
        let item = format!("<li class=\"aa-carriers__item\">{name}</li>");
        assert!(html.contains(&item), "missing carrier {name}");
    }
}

#[test]
fn call_and_text_links_use_the_seed_number() {
    let html = html_of(&CONTENT);
    assert!(seed().contains("(949) 763-3440"));
    // Header and footer each offer both; the contact form's "call us on"
    // line adds one call link, and the no-script note and (hidden)
    // could-not-load notice of each part (the checker, both forms) one
    // more each.
    assert_eq!(
        html.matches("href=\"tel:+19497633440\"").count(),
        9 + call_actions()
    );
    assert_eq!(
        html.matches("href=\"sms:+19497633440\"").count(),
        2 + text_actions()
    );
    assert!(html.contains("(949) 763-3440"));
}

fn call_actions() -> usize {
    offers()
        .iter()
        .flat_map(|o| o.actions)
        .filter(|a| a.href == asana_article::content::Href::Call)
        .count()
}

fn text_actions() -> usize {
    offers()
        .iter()
        .flat_map(|o| o.actions)
        .filter(|a| a.href == asana_article::content::Href::Text)
        .count()
}

fn offers() -> [asana_article::content::Offer; 6] {
    [
        CONTENT.insurance_cta,
        CONTENT.shared_experience,
        CONTENT.verify_insurance,
        CONTENT.book,
        CONTENT.closing_cta,
        CONTENT.help,
    ]
}

#[test]
fn no_markdown_artifacts_reach_the_page() {
    let page = visible_text(&html_of(&CONTENT));
    assert!(!page.contains("**"), "stray ** on the page");
    assert!(!page.contains(" * "), "inline * bullet on the page");
    assert!(!page.contains("{{"), "unexpanded embed on the page");
    assert!(
        !page.contains("{#") && !page.contains("{.toc}"),
        "heading attribute leaked"
    );
}

#[test]
fn program_names_link_to_the_configured_site() {
    // `<!>` marks hydration positions; it is not content.
    let html = html_of(&CONTENT);
    let base = CONTENT.site.base_url;
    for program in [
        "Dual Diagnosis Treatment",
        "Intensive Outpatient Program (IOP)",
    ] {
        let needle = format!(">{program}</a>");
        let at = html
            .find(&needle)
            .unwrap_or_else(|| panic!("{program} is not a link"));
        let tag_start = html[..at].rfind("<a ").expect("anchor start");
        assert!(
            html[tag_start..at].contains(&format!("href=\"{base}")),
            "{program} does not point at {base}: {}",
            &html[tag_start..at]
        );
    }
}

/// The run-time path equals the build-time one on the shipped content:
/// what the tests render from fixture content is what a build renders.
#[test]
fn loading_the_shipped_content_gives_what_the_build_compiled() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("src/content");
    assert!(*load(&dir).unwrap() == CONTENT);
}

#[test]
fn the_fixture_compiles_and_differs_from_the_shipped_content() {
    assert_ne!(fixture().article.title, CONTENT.article.title);
}
