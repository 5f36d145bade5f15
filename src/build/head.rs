//! The `<head>` of the page, from the content: title, description, canonical
//! URL, social cards, theme colour, the stylesheet and loader, and JSON-LD.

use serde_json::json;

use super::html::{escape_attr, escape_text};
use crate::content::{blocks_plain_text, Content};

/// Everything that goes into `<head>`, after Trunk's charset/viewport.
pub fn head_html(content: &Content, css: &str, boot: &str) -> String {
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
    meta(format!(
        "<link rel=\"icon\" href=\"./{}\" type=\"image/svg+xml\">",
        escape_attr(content.app.icon)
    ));
    // Installing: the manifest (Chromium, Firefox on Android, Safari 17+),
    // and what iOS reads from the page itself when a visitor adds it to the
    // Home Screen (its icon, title and standalone window).
    meta(format!(
        "<link rel=\"manifest\" href=\"./{}\">",
        crate::pwa::MANIFEST_FILE
    ));
    meta("<link rel=\"apple-touch-icon\" href=\"./apple-touch-icon.png\">".into());
    meta("<meta name=\"mobile-web-app-capable\" content=\"yes\">".into());
    meta("<meta name=\"apple-mobile-web-app-capable\" content=\"yes\">".into());
    meta(format!(
        "<meta name=\"apple-mobile-web-app-title\" content=\"{}\">",
        escape_attr(content.app.short_name)
    ));
    meta(format!(
        "<link rel=\"stylesheet\" href=\"./{}\">",
        escape_attr(css)
    ));
    // A module script is fetched at High priority even when `async`, and
    // Chrome (and Lighthouse's model of it) then counts it as render-blocking
    // and lets it compete with the stylesheet; the loader is not needed for
    // the first paint, so it asks for low priority.
    meta(format!(
        "<script type=\"module\" src=\"./{}\" async fetchpriority=\"low\"></script>",
        escape_attr(boot)
    ));
    meta(json_ld(&article_json_ld(content)));
    meta(json_ld(&faq_json_ld(content)));
    head
}

/// [`head_html`], preceded by a `<meta>` Content-Security-Policy when
/// `meta_csp` is given (for hosts that cannot send the header): it must
/// come before every script and stylesheet it governs.
pub fn page_head(content: &Content, css: &str, boot: &str, meta_csp: Option<&str>) -> String {
    let head = head_html(content, css, boot);
    match meta_csp {
        Some(policy) => format!(
            "<meta http-equiv=\"Content-Security-Policy\" content=\"{}\">\n{head}",
            escape_attr(policy)
        ),
        None => head,
    }
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
        let head = head_html(fixture(), "app-1.css", "boot-1.js");
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
        assert!(head.contains("href=\"./app-1.css\""));
        assert!(head.contains(
            "<script type=\"module\" src=\"./boot-1.js\" async fetchpriority=\"low\"></script>"
        ));
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

    #[test]
    fn meta_csp_comes_first_and_only_when_asked() {
        let plain = page_head(fixture(), "a.css", "b.js", None);
        assert!(!plain.contains("http-equiv"));
        let with = page_head(fixture(), "a.css", "b.js", Some("default-src 'self'"));
        assert!(with.starts_with(
            "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'self'\">\n"
        ));
        assert!(with.ends_with(&plain));
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
