//! Components rendered natively to HTML, checked against the seed article.
//!
//! This is the HTML the pre-render step ships, so these checks hold for a
//! visitor with JavaScript disabled too.

use asana_article::build::render_app;
use asana_article::content::CONTENT;

const SEED: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/tests/fixtures/seed-article.txt"
);

/// The pre-rendered app without its hydration markers (`<!>`, placed
/// according to Leptos' build cfgs), which are not markup under test.
fn app_html() -> String {
    render_app(&CONTENT).replace("<!>", "")
}

fn seed() -> String {
    std::fs::read_to_string(SEED).unwrap_or_else(|e| panic!("the seed article {SEED}: {e}"))
}

/// The page's visible text: tags dropped, entities decoded, spaces collapsed.
fn visible_text(html: &str) -> String {
    const INLINE: &[&str] = &["a", "strong", "em", "span", "!", "!--"];
    let mut text = String::with_capacity(html.len());
    let mut rest = html;
    while let Some(start) = rest.find('<') {
        text.push_str(&rest[..start]);
        let end = start + rest[start..].find('>').expect("unclosed tag");
        let name = rest[start + 1..end]
            .trim_start_matches('/')
            .split([' ', '>'])
            .next()
            .unwrap_or_default();
        if !INLINE.contains(&name) {
            text.push(' ');
        }
        rest = &rest[end + 1..];
    }
    text.push_str(rest);
    let text = text
        .replace("&amp;", "&")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&#x27;", "'")
        .replace("&#39;", "'");
    normalise(&text)
}

fn normalise(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Seed prose without its markdown marks, in the same spacing as [`visible_text`].
fn seed_sentences(seed: &str) -> Vec<String> {
    let start = seed
        .find("Introduction: Understanding")
        .expect("seed intro");
    let end = seed
        .find("Take the first step\n")
        .expect("seed closing CTA");
    // List items (` * `) and bold runs (`**`) become separate elements on
    // the page, so the seed is compared piece by piece between them.
    seed[start..end]
        .split(['\n'])
        .flat_map(|line| line.split(" * "))
        .flat_map(|piece| piece.split("**"))
        .flat_map(|piece| {
            piece
                .split(". ")
                .map(|s| normalise(&s.replace('*', "")))
                .map(|s| s.trim_end_matches('.').to_owned())
                .collect::<Vec<_>>()
        })
        .filter(|s| s.len() > 25)
        .collect()
}

#[test]
fn every_seed_sentence_of_the_article_and_faq_is_on_the_page() {
    let page = visible_text(&app_html());
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
    let html = app_html();
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
    let page = visible_text(&app_html());
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
    let html = app_html();
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
    let html = app_html();
    assert!(seed().contains("(949) 763-3440"));
    // Header and footer each offer both; the contact form's "call us on"
    // line adds one call link, and each form's no-script note and (hidden)
    // could-not-load notice one more each.
    assert_eq!(
        html.matches("href=\"tel:+19497633440\"").count(),
        7 + call_actions()
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
    let page = visible_text(&app_html());
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
    let html = app_html();
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

#[test]
fn toc_links_every_section_anchor() {
    let html = app_html();
    let toc_start = html.find("class=\"aa-toc\"").expect("toc");
    let toc_end = toc_start + html[toc_start..].find("</nav>").expect("toc end");
    let toc = &html[toc_start..toc_end];
    for section in CONTENT.article.sections {
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
    let html = app_html();
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
    let html = app_html();
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
    let entries =
        asana_article::toc::entries::flatten(&asana_article::toc::entries::build(&CONTENT.article));
    for entry in &entries {
        // Once in the panel and once in the bar.
        let link = format!("href=\"#{}\"", entry.id);
        assert_eq!(html.matches(&link).count(), 2, "{link}");
    }
}

#[test]
fn faq_prerenders_every_answer_open_with_inert_buttons() {
    let html = app_html();
    for item in CONTENT.faq {
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
    let heading = tag_at(&html, &format!("id=\"{}\"", CONTENT.faq[0].id));
    assert!(heading.starts_with("<h3"), "{heading}");
}

#[test]
fn the_static_carrier_list_comes_before_the_checker() {
    let html = app_html();
    let list = html.find("class=\"aa-carriers\"").expect("carrier list");
    let checker = html.find("class=\"aa-checker\"").expect("checker");
    assert!(list < checker);
}
