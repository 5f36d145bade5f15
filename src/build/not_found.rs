//! `404.html`: what every host serves for an address with no file, instead
//! of the article with a 200 (Cloudflare Pages, for one, serves the page
//! for any unknown path when the site has no 404 page).
//!
//! It may be served at any depth (`/a/b/c`), so its links are absolute:
//! the article's canonical address, the phone, and the stylesheet from the
//! site's root (a site under a sub-path gets the page unstyled, still
//! readable).

use super::html::{escape_attr, escape_text};
use crate::content::{Content, Href};

/// The file name every host looks for.
pub const FILE: &str = "404.html";

/// Its own CSP, whole, whatever the host sends with it: the static hosts
/// serve it for any unknown path, which no header rule names, and a CDN may
/// give it the article's header policy, which leaves scripts and styles to
/// the article's `<meta>`. No script at all; the site's stylesheet.
pub const POLICY: &str =
    "default-src 'none'; style-src 'self'; img-src 'self'; base-uri 'none'; form-action 'none'";

/// The page, from the content's `[not_found]` texts.
pub fn not_found_html(content: &Content, css: &str) -> String {
    let site = content.site;
    let text = content.not_found;
    let phone = |href: Href, label: &str| {
        format!(
            "<a class=\"aa-phone\" href=\"{}\"><span class=\"aa-phone__label\">{}</span> <span class=\"aa-phone__number\">{}</span></a>",
            escape_attr(&site.resolve(href)),
            escape_text(label),
            escape_text(site.phone.display)
        )
    };
    format!(
        "<!DOCTYPE html>\n<html lang=\"{lang}\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <meta http-equiv=\"Content-Security-Policy\" content=\"{policy}\">\n\
         <meta name=\"robots\" content=\"noindex\">\n\
         <title>{title} | {name}</title>\n\
         <link rel=\"stylesheet\" href=\"/{css}\">\n</head>\n<body>\n\
         <main class=\"aa-not-found\">\n<h1 class=\"aa-not-found__heading\">{title}</h1>\n\
         <p>{body}</p>\n<p><a class=\"aa-link\" href=\"{article}\">{link}</a></p>\n\
         <p class=\"aa-not-found__phones\">{call} {text_us}</p>\n</main>\n</body>\n</html>\n",
        lang = escape_attr(site.lang),
        policy = POLICY,
        title = escape_text(text.heading),
        name = escape_text(site.name),
        css = escape_attr(css),
        body = escape_text(text.body),
        article = escape_attr(&site.article_url(&content.article)),
        link = escape_text(text.link),
        call = phone(Href::Call, site.call_label),
        text_us = phone(Href::Text, site.text_label),
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::load::fixture;

    #[test]
    fn says_what_happened_and_links_the_article_and_phone() {
        let html = not_found_html(fixture(), "app-1.css");
        assert!(html.contains(&format!(
            "<h1 class=\"aa-not-found__heading\">{}</h1>",
            escape_text(fixture().not_found.heading)
        )));
        assert!(html.contains(&format!(
            "href=\"{}\"",
            fixture().site.article_url(&fixture().article)
        )));
        assert!(html.contains("href=\"tel:+19497633440\""));
        assert!(html.contains("href=\"sms:+19497633440\""));
        assert!(html.contains("<link rel=\"stylesheet\" href=\"/app-1.css\">"));
        assert!(html.contains("noindex"));
        assert!(html.contains(&format!("content=\"{POLICY}\"")));
        assert!(
            !html.contains("<script"),
            "no script: nothing to allow in the CSP"
        );
    }
}
