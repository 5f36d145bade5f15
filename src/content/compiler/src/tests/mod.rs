//! The compiler's tests: fixture files and helpers here, the checks by topic.

#![allow(unused_imports)] // each topic file uses its own part of these

pub(crate) use crate::body::*;
pub(crate) use crate::carriers::*;
pub(crate) use crate::codegen::*;
pub(crate) use crate::compile::*;
pub(crate) use crate::compiled::*;
pub(crate) use crate::error::*;
pub(crate) use crate::files::*;
pub(crate) use crate::links::*;
pub(crate) use crate::markdown::*;
pub(crate) use crate::page::*;
pub(crate) use crate::site::*;
pub(crate) use crate::text::*;
pub(crate) use crate::*;

const SITE: &str = r##"[site]
name = "Asana Recovery"
base_url = "https://example.com/"
lang = "en"

[article]
title = "Ketamine Therapy"
description = "What ketamine therapy is."
path = "ketamine/"

[phone]
display = "(949) 763-3440"
e164 = "+19497633440"
call_label = "Call us"
text_label = "Text us"

[links]
dual-diagnosis = "dual-diagnosis/"
home = ""
privacy = "privacy-policy/"

[not_found]
heading = "Page not found"
body = "Nothing here."
link = "Read the article"

[crisis]
body = "In danger? [Call 988](tel:988)."

[disclaimer]
body = "Not medical advice."

[app]
short_name = "Ketamine"
theme_color = "#0f4c5c"
theme_color_dark = "#0b1f26"
background_color = "#fff"
background_color_dark = "#0e1a1e"
icon = "icon.svg"
icon_background = "#0F4C5C"
"##;

const ARTICLE: &str = "## What Is Ketamine?

Ketamine is **strong** and *calm*; see [dual diagnosis](site:dual-diagnosis).

{{insurance-cta}}

### Legal Status {.toc}

- One
- Two

## Risks {#risks}

{{faq}}
";

const FAQ: &str = r#"[[item]]
id = "is-it-safe"
question = "Is it safe?"
answer = """
Mostly. See [help](#help).
"""

[[item]]
id = "cost"
question = "What does it cost?"
answer = "Ask [us](call:)."
"#;

const OFFERS: &str = r##"[insurance_cta]
heading = "Insurance"
body = "We take insurance."
actions = [{ label = "Verify", href = "#verify-insurance" }]

[shared_experience]
heading = "Shared"
body = "You are not alone."

[verify_insurance]
heading = "Verify Insurance for Free"
body = "Check your coverage."

[book]
heading = "Free Book"
body = "Get the book."
actions = [{ label = "Get it", href = "site:home" }]

[closing_cta]
heading = "Get help"
body = "Call today."
actions = [{ label = "Call", href = "call:" }, { label = "Text", href = "text:" }]

[help]
heading = "We're Here to Help"
body = "Reach out."
"##;

/// `[checker]` of the fixture, to follow other `carriers.toml` tables.
macro_rules! checker_toml {
    () => {
        r#"
[checker]
label = "Who is your insurance with?"
hint = "Type the name on your card."
suggestions = "Matching insurers"
verify = "Verify my coverage"
prefill = "You asked about: {carrier}"
options_one = "1 suggestion."
options_many = "{count} suggestions."
ignore = ["insurance", "health"]

[checker.in_network]
heading = "{carrier} is in our network"
alias = "You typed {typed}."
body = "Coverage depends on your plan."

[checker.not_listed]
heading = "{typed} is not on our list"
body = "We may still help."

[checker.unclear]
heading = "Which one?"
body = "Pick yours."

[checker.load]
loading = "Getting the checker ready…"
load_failed_heading = "The checker could not load"
load_failed = "Try again, or call us on"
needs_script = "The checker needs JavaScript. Call us on"
"#
    };
}

const CARRIERS: &str = concat!(
    r#"[[carrier]]
id = "cigna"
name = "Cigna"

[[carrier]]
id = "aetna"
name = "Aetna"
aliases = ["Aetna CVS Health", { name = "Coventry", note = "Part of Aetna since 2013." }]

[[parent]]
name = "CVS Health"
carriers = ["aetna"]
note = "CVS Health owns Aetna."

[[other]]
name = "Kaiser Permanente"
aliases = ["Kaiser"]
"#,
    checker_toml!()
);

fn sources(site: &str, article: &str, faq: &str, offers: &str, carriers: &str) -> Sources {
    Sources {
        site: SourceFile::new("src/content/site.toml", site),
        article: SourceFile::new("src/content/article.md", article),
        faq: SourceFile::new("src/content/faq.toml", faq),
        offers: SourceFile::new("src/content/offers.toml", offers),
        carriers: SourceFile::new("src/content/carriers.toml", carriers),
        forms: SourceFile::new("src/content/forms.toml", FORMS),
        ui: SourceFile::new("src/content/ui.toml", UI),
    }
}

/// The word files, as the tests' own content set has them (the app's
/// fixture): every key of the schema, so a test changes one thing.
const FORMS: &str = include_str!("../../../../../tests/fixtures/content/forms.toml");
const UI: &str = include_str!("../../../../../tests/fixtures/content/ui.toml");

fn messages(result: Result<Content, Vec<Error>>) -> Vec<String> {
    match result {
        Ok(_) => panic!("expected errors"),
        Err(errors) => errors.iter().map(ToString::to_string).collect(),
    }
}

fn ok(result: Result<Content, Vec<Error>>) -> Content {
    match result {
        Ok(content) => content,
        Err(errors) => panic!(
            "unexpected errors: {:#?}",
            errors.iter().map(ToString::to_string).collect::<Vec<_>>()
        ),
    }
}

fn with_article(article: &str) -> Result<Content, Vec<Error>> {
    compile(&sources(SITE, article, FAQ, OFFERS, CARRIERS))
}

fn with_site(site: &str) -> Result<Content, Vec<Error>> {
    compile(&sources(site, ARTICLE, FAQ, OFFERS, CARRIERS))
}

fn with_faq(faq: &str) -> Result<Content, Vec<Error>> {
    compile(&sources(SITE, ARTICLE, faq, OFFERS, CARRIERS))
}

fn with_offers(offers: &str) -> Result<Content, Vec<Error>> {
    compile(&sources(SITE, ARTICLE, FAQ, offers, CARRIERS))
}

fn with_carriers(carriers: &str) -> Result<Content, Vec<Error>> {
    compile(&sources(SITE, ARTICLE, FAQ, OFFERS, carriers))
}

/// The blocks of `body` as the only section of an article (line 3 on).
fn blocks(body: &str) -> Vec<Block> {
    let content = ok(with_article(&format!(
        "## Section\n\n{body}\n\n{{{{faq}}}}\n"
    )));
    let mut blocks = content.article.sections[0].blocks.clone();
    assert_eq!(blocks.pop(), Some(Block::Embed(Embed::Faq)));
    blocks
}

/// The errors of `body` as the only section of an article (line 3 on).
fn body_errors(body: &str) -> Vec<String> {
    messages(with_article(&format!(
        "## Section\n\n{body}\n\n{{{{faq}}}}\n"
    )))
}

fn text(text: &str) -> Inline {
    Inline::Text(text.to_string())
}

fn link(href: Href, label: &str) -> Inline {
    Inline::Link {
        href,
        children: vec![text(label)],
    }
}

/// `site.toml` with `from` replaced by `to` (which must be there).
fn site_with(from: &str, to: &str) -> String {
    assert!(SITE.contains(from), "{from}");
    SITE.replacen(from, to, 1)
}

fn offers_with(from: &str, to: &str) -> String {
    assert!(OFFERS.contains(from), "{from}");
    OFFERS.replacen(from, to, 1)
}

// After the macros above, which the topics use.
mod files;
mod markdown;
mod pieces;
mod site;
mod texts;
mod whole;
