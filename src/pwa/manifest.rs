//! The web app manifest (`manifest.webmanifest`) and the page's
//! `theme-color` elements, from the content (`[app]` of `site.toml`).
//!
//! Pure: no browser API and no build-only crate, so it compiles for every
//! build (the post-build step writes the file; tests read it anywhere).

use serde_json::{json, Value};

use crate::content::Content;

/// One icon the manifest lists.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ManifestIcon<'a> {
    /// Relative to the manifest, which sits next to `index.html`.
    pub src: &'a str,
    /// Width and height in pixels (square).
    pub size: u32,
    /// `"any"` or `"maskable"`: a browser uses a maskable icon only where
    /// it cuts icons to a shape, and an `any` one everywhere else.
    pub purpose: &'a str,
}

/// The manifest as JSON.
///
/// `name` is `short_name — site name` ("Ketamine — Asana Recovery"): the
/// installed app is one article, so the short name says which and the site
/// name whose. The article's title would be the obvious choice, but the
/// install dialog, the app list and the splash screen cut it after a few
/// words. Every URL is relative, resolved against the manifest's own URL,
/// so the same build works at any path of any host.
///
/// The colours are the light ones: a manifest has one of each (the page's
/// [`theme_color_meta`] gives the browser the dark theme colour too).
pub fn manifest_json(content: &Content, icons: &[ManifestIcon]) -> String {
    let app = content.app;
    let icons: Vec<Value> = icons
        .iter()
        .map(|icon| {
            json!({
                "src": icon.src,
                "sizes": format!("{0}x{0}", icon.size),
                "type": "image/png",
                "purpose": icon.purpose,
            })
        })
        .collect();
    let manifest = json!({
        "id": "./",
        "name": app_name(content),
        "short_name": app.short_name,
        "description": content.article.description,
        "lang": content.site.lang,
        "dir": "ltr",
        "start_url": "./",
        "scope": "./",
        "display": "standalone",
        "theme_color": app.theme_color,
        "background_color": app.background_color,
        "icons": icons,
    });
    // serde_json writes the text, so quotes and control characters in the
    // content can never break the file.
    format!("{manifest:#}\n")
}

/// The manifest's `name`: see [`manifest_json`]. Just the site's name when
/// the short name is that name already.
fn app_name(content: &Content) -> String {
    let short = content.app.short_name;
    let site = content.site.name;
    if short.eq_ignore_ascii_case(site) {
        site.to_string()
    } else {
        format!("{short} — {site}")
    }
}

/// The two `<meta name="theme-color">` elements of `<head>`, light and
/// dark, one a line (no newline after the last): the browser's bar follows
/// the reader's colour scheme, which the manifest's one colour cannot.
pub fn theme_color_meta(content: &Content) -> String {
    let app = content.app;
    [(app.theme_color, "light"), (app.theme_color_dark, "dark")]
        .map(|(colour, scheme)| {
            format!(
            "<meta name=\"theme-color\" content=\"{}\" media=\"(prefers-color-scheme: {scheme})\">",
            escape_attr(colour)
        )
        })
        .join("\n")
}

/// Text for a double-quoted attribute value. The build checks the colours,
/// but this module cannot rely on every caller's content being checked (a
/// test may build its own).
fn escape_attr(value: &str) -> String {
    value
        .replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::load::fixture;
    use crate::content::WebApp;

    const ICONS: [ManifestIcon; 2] = [
        ManifestIcon {
            src: "icon-192.png",
            size: 192,
            purpose: "any",
        },
        ManifestIcon {
            src: "icon-maskable-512.png",
            size: 512,
            purpose: "maskable",
        },
    ];

    fn parsed(content: &Content) -> Value {
        serde_json::from_str(&manifest_json(content, &ICONS)).unwrap()
    }

    /// The fixture with other `[app]` fields.
    fn with_app(app: WebApp) -> Content {
        Content { app, ..*fixture() }
    }

    #[test]
    fn the_manifest_has_every_member() {
        let content = fixture();
        let manifest = parsed(content);
        let expected = json!({
            "id": "./",
            "name": format!("Test article — {}", content.site.name),
            "short_name": "Test article",
            "description": content.article.description,
            "lang": "en",
            "dir": "ltr",
            "start_url": "./",
            "scope": "./",
            "display": "standalone",
            "theme_color": "#0f4c5c",
            "background_color": "#ffffff",
            "icons": [
                { "src": "icon-192.png", "sizes": "192x192", "type": "image/png", "purpose": "any" },
                {
                    "src": "icon-maskable-512.png",
                    "sizes": "512x512",
                    "type": "image/png",
                    "purpose": "maskable"
                },
            ],
        });
        assert_eq!(manifest, expected);
    }

    #[test]
    fn any_text_stays_valid_json() {
        let content = with_app(WebApp {
            short_name: "\"Ke\\ta\nmine\" <b>",
            ..fixture().app
        });
        assert_eq!(parsed(&content)["short_name"], "\"Ke\\ta\nmine\" <b>");
    }

    #[test]
    fn a_short_name_that_is_the_site_name_is_the_name() {
        let content = with_app(WebApp {
            short_name: fixture().site.name,
            ..fixture().app
        });
        assert_eq!(parsed(&content)["name"], fixture().site.name);
    }

    #[test]
    fn theme_colours_follow_the_colour_scheme() {
        assert_eq!(
            theme_color_meta(fixture()),
            "<meta name=\"theme-color\" content=\"#0f4c5c\" media=\"(prefers-color-scheme: light)\">\n\
             <meta name=\"theme-color\" content=\"#0b1f26\" media=\"(prefers-color-scheme: dark)\">"
        );
        let content = with_app(WebApp {
            theme_color: "\"><script>",
            ..fixture().app
        });
        assert!(theme_color_meta(&content)
            .starts_with("<meta name=\"theme-color\" content=\"&quot;&gt;&lt;script&gt;\" media="));
    }
}
