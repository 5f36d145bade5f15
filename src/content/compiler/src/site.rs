//! `site.toml`: the site, the article's metadata, the phone, the 404 page,
//! the installed app.

use crate::compiled::{Article, NotFound, Phone, Review, Site, WebApp};
use crate::error::{Error, FileText};
use crate::files::{AppTable, SiteFile, Str};
use crate::text::{check_plain, check_required};
use crate::{MAX_DESCRIPTION, MAX_SHORT_NAME};

pub(crate) fn is_e164(text: &str) -> bool {
    let Some(digits) = text.strip_prefix('+') else {
        return false;
    };
    (8..=15).contains(&digits.len())
        && digits.bytes().all(|b| b.is_ascii_digit())
        && !digits.starts_with('0')
}

/// A path relative to `base_url`: no leading `/`, no scheme, no whitespace.
pub(crate) fn relative_path_problem(path: &str) -> Option<&'static str> {
    let before_query = path.split(['/', '?', '#']).next().unwrap_or("");
    if path.starts_with('/') {
        Some("must be relative to [site] base_url, without a leading `/`")
    } else if before_query.contains(':') {
        Some("must be a path relative to [site] base_url, not a URL")
    } else if path.chars().any(char::is_whitespace) {
        Some("must not contain whitespace")
    } else {
        None
    }
}

/// Checks `site.toml`; returns the site, the article without its
/// sections, the 404 page and the installed app.
pub(crate) fn check_site(
    file: &FileText<'_>,
    site: &SiteFile,
    errors: &mut Vec<Error>,
) -> (Site, Article, NotFound, WebApp) {
    let required = [
        (&site.site.name, "[site] name"),
        (&site.site.lang, "[site] lang"),
        (&site.phone.display, "[phone] display"),
        (&site.article.path, "[article] path"),
    ];
    for (value, context) in required {
        check_required(file, value, context, errors);
    }
    let plain = [
        (&site.article.title, "[article] title"),
        (&site.article.description, "[article] description"),
        (&site.phone.call_label, "[phone] call_label"),
        (&site.phone.text_label, "[phone] text_label"),
        (&site.not_found.heading, "[not_found] heading"),
        (&site.not_found.body, "[not_found] body"),
        (&site.not_found.link, "[not_found] link"),
    ];
    for (value, context) in plain {
        check_plain(file, value, context, errors);
    }

    let base_url = &site.site.base_url;
    let url = base_url.get_ref();
    let host = url.strip_prefix("https://").unwrap_or("");
    if host.is_empty()
        || host.starts_with('/')
        || !url.ends_with('/')
        || url.chars().any(char::is_whitespace)
    {
        errors.push(
            file.loc(base_url.span().start, "[site] base_url")
                .error(format_args!("`{url}` must be an absolute https URL ending with `/`, like `https://example.com/`")),
        );
    }

    let lang = site.site.lang.get_ref();
    if !lang.is_empty()
        && !lang
            .split('-')
            .all(|part| !part.is_empty() && part.chars().all(|c| c.is_ascii_alphanumeric()))
    {
        errors.push(
            file.loc(site.site.lang.span().start, "[site] lang")
                .error(format_args!(
                    "`{lang}` is not a language tag like `en` or `en-US`"
                )),
        );
    }

    let description = &site.article.description;
    let length = description.get_ref().chars().count();
    if length > MAX_DESCRIPTION {
        errors.push(
            file.loc(description.span().start, "[article] description")
                .error(format_args!(
                    "is {length} characters long; at most {MAX_DESCRIPTION} are allowed"
                )),
        );
    }

    let path = &site.article.path;
    if let Some(problem) = relative_path_problem(path.get_ref()) {
        errors.push(
            file.loc(path.span().start, "[article] path")
                .error(format_args!("`{}` {problem}", path.get_ref())),
        );
    }

    let e164 = &site.phone.e164;
    if !is_e164(e164.get_ref()) {
        errors.push(file.loc(e164.span().start, "[phone] e164").error(format_args!(
            "`{}` is not an E.164 number: `+`, the country code and the number, digits only, like `+19497633440`",
            e164.get_ref()
        )));
    }

    for (key, path) in &site.links {
        let context = format!("[links] {key}");
        if key.trim().is_empty() {
            errors.push(
                file.loc(path.span().start, "[links]")
                    .error("a link key must not be empty"),
            );
        }
        if let Some(problem) = relative_path_problem(path.get_ref()) {
            errors.push(
                file.loc(path.span().start, &context)
                    .error(format_args!("`{}` {problem}", path.get_ref())),
            );
        }
    }

    let owned = |value: &Str| value.get_ref().clone();
    (
        Site {
            name: owned(&site.site.name),
            base_url: owned(&site.site.base_url),
            lang: owned(&site.site.lang),
            phone: Phone {
                display: owned(&site.phone.display),
                e164: owned(&site.phone.e164),
            },
            call_label: owned(&site.phone.call_label),
            text_label: owned(&site.phone.text_label),
        },
        Article {
            title: owned(&site.article.title),
            description: owned(&site.article.description),
            path: owned(&site.article.path),
            review: review(file, site, errors),
            sections: Vec::new(),
        },
        NotFound {
            heading: owned(&site.not_found.heading),
            body: owned(&site.not_found.body),
            link: owned(&site.not_found.link),
        },
        app(file, &site.app, errors),
    )
}

/// `[app]`: what the manifest, the icons and the browser's bar show once
/// the page is installed. Checked here because a browser silently ignores
/// a manifest member it cannot read (an installed app without its colours
/// or with a cut-off name is found late, on a phone).
fn app(file: &FileText<'_>, app: &AppTable, errors: &mut Vec<Error>) -> WebApp {
    check_plain(file, &app.short_name, "[app] short_name", errors);
    let short_name = app.short_name.get_ref();
    let length = short_name.chars().count();
    if length > MAX_SHORT_NAME {
        errors.push(
            file.loc(app.short_name.span().start, "[app] short_name")
                .error(format_args!(
                    "is {length} characters long; at most {MAX_SHORT_NAME} are allowed (a home screen shows about 12)"
                )),
        );
    }

    let colours = [
        (&app.theme_color, "[app] theme_color"),
        (&app.theme_color_dark, "[app] theme_color_dark"),
        (&app.background_color, "[app] background_color"),
        (&app.background_color_dark, "[app] background_color_dark"),
        (&app.icon_background, "[app] icon_background"),
    ];
    for (value, context) in colours {
        if !is_colour(value.get_ref()) {
            errors.push(file.loc(value.span().start, context).error(format_args!(
                "`{}` is not a colour written `#rgb` or `#rrggbb`, like `#0f4c5c`",
                value.get_ref()
            )));
        }
    }

    let icon = app.icon.get_ref();
    if let Some(problem) = icon_problem(icon) {
        errors.push(
            file.loc(app.icon.span().start, "[app] icon")
                .error(format_args!("`{icon}` {problem}")),
        );
    }

    let owned = |value: &Str| value.get_ref().clone();
    WebApp {
        short_name: short_name.trim().to_string(),
        theme_color: owned(&app.theme_color),
        theme_color_dark: owned(&app.theme_color_dark),
        background_color: owned(&app.background_color),
        background_color_dark: owned(&app.background_color_dark),
        icon: owned(&app.icon),
        icon_background: owned(&app.icon_background),
    }
}

/// `#rgb` or `#rrggbb`: the forms every consumer of these colours reads
/// (the manifest, `<meta name="theme-color">`, the icon renderer), unlike
/// names or `rgb()`, which some do not.
pub fn is_colour(text: &str) -> bool {
    text.strip_prefix('#')
        .is_some_and(|hex| matches!(hex.len(), 3 | 6) && hex.bytes().all(|b| b.is_ascii_hexdigit()))
}

/// Why `[app] icon` is not the name of an SVG file directly in `public/`.
fn icon_problem(icon: &str) -> Option<&'static str> {
    if icon.contains(['/', '\\']) {
        Some("must be a file name in public/, without `/`, like `icon.svg`")
    } else if icon.chars().any(char::is_whitespace) {
        Some("must not contain whitespace")
    } else if icon.len() <= ".svg".len() || !icon.ends_with(".svg") {
        Some("must be the name of an SVG file, ending in `.svg`, like `icon.svg`")
    } else {
        None
    }
}

/// `[article] author`, `reviewer` and `reviewed`: optional, but what is
/// given must be plain text, and the date a real `YYYY-MM-DD` date.
fn review(file: &FileText<'_>, site: &SiteFile, errors: &mut Vec<Error>) -> Review {
    let article = &site.article;
    let text = |value: &Option<Str>, context: &str, errors: &mut Vec<Error>| -> String {
        match value {
            Some(value) if !value.get_ref().trim().is_empty() => {
                check_plain(file, value, context, errors);
                value.get_ref().trim().to_string()
            }
            _ => String::new(),
        }
    };
    let author = text(&article.author, "[article] author", errors);
    let reviewer = text(&article.reviewer, "[article] reviewer", errors);
    let reviewed = text(&article.reviewed, "[article] reviewed", errors);
    if !reviewed.is_empty() && !is_date(&reviewed) {
        if let Some(value) = &article.reviewed {
            errors.push(
                file.loc(value.span().start, "[article] reviewed")
                    .error(format_args!(
                        "`{reviewed}` is not a date written as YYYY-MM-DD, like `2026-11-20`"
                    )),
            );
        }
    }
    Review {
        author,
        reviewer,
        reviewed,
    }
}

/// `YYYY-MM-DD` naming a day that exists.
pub fn is_date(text: &str) -> bool {
    let parts: Vec<&str> = text.split('-').collect();
    let [year, month, day] = parts[..] else {
        return false;
    };
    let number = |s: &str, len: usize| {
        (s.len() == len && s.bytes().all(|b| b.is_ascii_digit()))
            .then(|| s.parse::<u32>().ok())
            .flatten()
    };
    let (Some(year), Some(month), Some(day)) = (number(year, 4), number(month, 2), number(day, 2))
    else {
        return false;
    };
    let leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
    let days = match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if leap => 29,
        2 => 28,
        _ => return false,
    };
    (2000..=2100).contains(&year) && (1..=days).contains(&day)
}
