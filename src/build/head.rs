//! The `<head>` of the page, from the content: title, description, canonical
//! URL, social cards, theme colour, the stylesheet and loader, and JSON-LD.

use serde_json::json;

use super::html::{escape_attr, escape_text};
use crate::content::{blocks_plain_text, Content};

/// What the page carries inline: its whole stylesheet and its boot module.
///
/// Inline, the first paint waits for nothing but the document (a linked
/// stylesheet costs a round trip first), and no script request starts
/// before the largest paint. The page's `<meta>` CSP allows exactly these
/// texts by their hashes.
#[derive(Debug, Clone, Copy)]
pub struct Inline<'a> {
    /// The bundled stylesheet (`style/`).
    pub css: &'a str,
    /// The boot module with this build's file names.
    pub boot: &'a str,
}

impl Inline<'_> {
    /// Why the texts cannot go inline as they are, if they cannot: an
    /// element ends at the first `</style` or `</script`, and `<!--` in a
    /// script changes how the parser reads what follows.
    pub fn problem(&self) -> Option<&'static str> {
        let lower = |text: &str| text.to_ascii_lowercase();
        if lower(self.css).contains("</style") {
            Some("the stylesheet contains `</style`")
        } else if lower(self.boot).contains("</script") || self.boot.contains("<!--") {
            Some("the boot script contains `</script` or `<!--`")
        } else {
            None
        }
    }
}

/// Everything that goes into `<head>`, after Trunk's charset/viewport.
pub fn head_html(content: &Content, inline: Inline<'_>) -> String {
    let site = content.site;
    let article = content.article;
    let title = format!("{} | {}", article.title, site.name);
    let url = canonical_url(content);
    let mut head = String::new();
    let mut meta = |tag: String| {
        head.push_str(&tag);
        head.push('\n');
    };
    meta(format!("<title>{}</title>", escape_text(&title)));
    meta(format!(
        "<meta name=\"description\" content=\"{}\">",
        escape_attr(article.description)
    ));
    meta(format!(
        "<link rel=\"canonical\" href=\"{}\">",
        escape_attr(&url)
    ));
    meta(crate::pwa::manifest::theme_color_meta(content));
    meta("<meta name=\"color-scheme\" content=\"light dark\">".into());
    for (property, value) in [
        ("og:type", "article"),
        ("og:site_name", site.name),
        ("og:title", article.title),
        ("og:description", article.description),
        ("og:url", &url),
    ] {
        meta(format!(
            "<meta property=\"{property}\" content=\"{}\">",
            escape_attr(value)
        ));
    }
    for (name, value) in [
        ("twitter:card", "summary"),
        ("twitter:title", article.title),
        ("twitter:description", article.description),
    ] {
        meta(format!(
            "<meta name=\"{name}\" content=\"{}\">",
            escape_attr(value)
        ));
    }
    // The favicon, the manifest (installing: Chromium, Firefox on Android,
    // Safari 17+) and the icon iOS puts on the Home Screen (Firefox fetches
    // it too) are fetched as soon as the browser sees them,
    // which can be before the largest paint, competing with it on a slow
    // link. With scripts, the boot script adds them once that paint is
    // done, from this element's text (a `<noscript>` is text then);
    // without, the browser reads them here. Until then an empty icon keeps
    // the browser from asking for `/favicon.ico` early (and from a 404).
    meta("<link rel=\"icon\" href=\"data:,\">".into());
    meta(format!(
        "<noscript {attr}><link rel=\"icon\" href=\"./{}\" type=\"image/svg+xml\"><link rel=\"manifest\" href=\"./{}\"><link rel=\"apple-touch-icon\" href=\"./apple-touch-icon.png\"></noscript>",
        escape_attr(content.app.icon),
        crate::pwa::MANIFEST_FILE,
        attr = crate::loader::boot::LATE_LINKS_ATTR,
    ));
    // What else iOS reads from the page itself when a visitor adds it to
    // the Home Screen (its title and standalone window).
    meta("<meta name=\"mobile-web-app-capable\" content=\"yes\">".into());
    meta("<meta name=\"apple-mobile-web-app-capable\" content=\"yes\">".into());
    meta(format!(
        "<meta name=\"apple-mobile-web-app-title\" content=\"{}\">",
        escape_attr(content.app.short_name)
    ));
    meta(format!("<style>{}</style>", inline.css));
    meta(json_ld(&article_json_ld(content)));
    meta(json_ld(&faq_json_ld(content)));
    // A module script runs after the document is parsed, and fetches
    // nothing until the page has painted (see boot.js).
    meta(format!("<script type=\"module\">{}</script>", inline.boot));
    head
}

/// [`head_html`], preceded by the page's `<meta>` Content-Security-Policy
/// (`policy`): it must come before every script and stylesheet it governs.
pub fn page_head(content: &Content, inline: Inline<'_>, policy: &str) -> String {
    format!(
        "<meta http-equiv=\"Content-Security-Policy\" content=\"{}\">\n{}",
        escape_attr(policy),
        head_html(content, inline)
    )
}

/// The article's canonical URL: the site base plus the article path.
pub fn canonical_url(content: &Content) -> String {
    content.site.article_url(&content.article)
}

fn json_ld(value: &serde_json::Value) -> String {
    // `</script>` inside the data would end the element early.
    let text = value.to_string().replace("</", "<\\/");
    format!("<script type=\"application/ld+json\">{text}</script>")
}

/// `Article` structured data.
///
/// With a medical reviewer and a review date (`[article]` of `site.toml`),
/// a `MedicalWebPage` that says who reviewed it and when; without them a
/// plain `Article`, claiming no review. An author is named when given.
pub fn article_json_ld(content: &Content) -> serde_json::Value {
    let url = canonical_url(content);
    let review = content.article.review;
    let reviewed = !review.reviewer.is_empty() && !review.reviewed.is_empty();
    let mut data = json!({
        "@context": "https://schema.org",
        "@type": if reviewed { "MedicalWebPage" } else { "Article" },
        "headline": content.article.title,
        "description": content.article.description,
        "url": url,
        "mainEntityOfPage": url,
        "inLanguage": content.site.lang,
        "publisher": {
            "@type": "Organization",
            "name": content.site.name,
            "url": content.site.base_url,
            "telephone": content.site.phone.e164,
        },
    });
    if !review.author.is_empty() {
        data["author"] = json!({ "@type": "Person", "name": review.author });
    }
    if reviewed {
        data["name"] = json!(content.article.title);
        data["lastReviewed"] = json!(review.reviewed);
        data["reviewedBy"] = json!({ "@type": "Person", "name": review.reviewer });
    }
    data
}

/// `FAQPage` structured data, from the same items the page shows.
pub fn faq_json_ld(content: &Content) -> serde_json::Value {
    let questions: Vec<_> = content
        .faq
        .iter()
        .map(|item| {
            json!({
                "@type": "Question",
                "name": item.question,
                "acceptedAnswer": { "@type": "Answer", "text": blocks_plain_text(item.answer) },
            })
        })
        .collect();
    json!({
        "@context": "https://schema.org",
        "@type": "FAQPage",
        "mainEntity": questions,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::load::fixture;

    #[test]
    fn head_has_title_description_canonical_and_assets() {
        let head = head_html(fixture(), INLINE);
        assert!(head.contains(&format!(
            "<title>{} | {}</title>",
            escape_text(fixture().article.title),
            escape_text(fixture().site.name)
        )));
        assert!(head.contains("<meta name=\"description\" content=\""));
        assert!(head.contains(&format!(
            "<link rel=\"canonical\" href=\"{}\">",
            canonical_url(fixture())
        )));
        assert!(head.contains("<style>.a{color:red}</style>"));
        assert!(head.contains("<script type=\"module\">import(\"./app-1.js\");</script>"));
        assert!(!head.contains("rel=\"stylesheet\""));
        assert_eq!(head.matches("application/ld+json").count(), 2);
    }

    #[test]
    fn faq_json_ld_matches_the_visible_questions_and_answers() {
        let data = faq_json_ld(fixture());
        let questions = data["mainEntity"].as_array().unwrap();
        assert_eq!(questions.len(), fixture().faq.len());
        for (json, item) in questions.iter().zip(fixture().faq) {
            assert_eq!(json["name"], item.question);
            let answer = json["acceptedAnswer"]["text"].as_str().unwrap();
            assert_eq!(answer, blocks_plain_text(item.answer));
            assert!(!answer.contains("**") && !answer.is_empty());
        }
    }

    const INLINE: Inline<'static> = Inline {
        css: ".a{color:red}",
        boot: "import(\"./app-1.js\");",
    };

    #[test]
    fn meta_csp_comes_first() {
        let head = page_head(fixture(), INLINE, "script-src 'self'");
        assert!(head.starts_with(
            "<meta http-equiv=\"Content-Security-Policy\" content=\"script-src 'self'\">\n"
        ));
        assert!(head.ends_with(&head_html(fixture(), INLINE)));
    }

    #[test]
    fn texts_that_would_end_their_element_are_refused() {
        assert_eq!(INLINE.problem(), None);
        for (css, boot) in [("a{}</STYLE>", ""), ("", "x = '</script>'"), ("", "<!-- x")] {
            assert!(Inline { css, boot }.problem().is_some(), "{css:?} {boot:?}");
        }
    }

    #[test]
    fn a_reviewed_article_is_a_medical_web_page() {
        let data = article_json_ld(fixture());
        let review = fixture().article.review;
        assert_eq!(data["@type"], "MedicalWebPage");
        assert_eq!(data["lastReviewed"], review.reviewed);
        assert_eq!(data["reviewedBy"]["name"], review.reviewer);
        assert_eq!(data["author"]["name"], review.author);
    }

    #[test]
    fn an_unreviewed_article_claims_no_review() {
        let mut content = *fixture();
        content.article.review = crate::content::Review {
            author: "",
            reviewer: "",
            reviewed: "",
        };
        let data = article_json_ld(&content);
        assert_eq!(data["@type"], "Article");
        for key in ["lastReviewed", "reviewedBy", "author"] {
            assert!(data.get(key).is_none(), "{key} in {data}");
        }
        // A reviewer without a date is not a review either.
        content.article.review.reviewer = "Dr. A";
        assert_eq!(article_json_ld(&content)["@type"], "Article");
    }

    #[test]
    fn json_ld_cannot_close_its_script_element() {
        let tag = json_ld(&json!({ "x": "</script><script>alert(1)</script>" }));
        assert_eq!(tag.matches("</script>").count(), 1);
    }
}
