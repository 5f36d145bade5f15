//! The page rendered natively to HTML: what the pre-render step ships, so
//! these checks hold for a visitor with JavaScript disabled too.
//!
//! - `live.rs`: the shipped content holds the whole seed article;
//! - `page.rs`, `notes.rs`: the page's markup, on the tests' own content
//!   (`tests/fixtures/content/`), so editing the shipped content never
//!   breaks them;
//! - `pwa.rs`: the update bar and the head of the installable app;
//! - `content_edit.rs`: the promise of `src/content/README.md`, editing a
//!   copy of the content changes the page with no Rust touched.

mod content_edit;
mod live;
mod notes;
mod page;
mod pwa;

use asana_article::build::render_app;
use asana_article::content::Content;

const SEED: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/tests/fixtures/seed-article.txt"
);

/// The pre-rendered app for `content` without its hydration markers
/// (`<!>`, placed according to Leptos' build cfgs), which are not markup
/// under test.
fn html_of(content: &'static Content) -> String {
    render_app(content).replace("<!>", "")
}

/// The page of the tests' own content.
fn fixture_html() -> String {
    html_of(asana_article::content::load::fixture())
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
