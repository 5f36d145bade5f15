//! `site.toml`.

use super::*;

#[test]
fn site_checks() {
    let cases = [
        (
            site_with("https://example.com/", "http://example.com/"),
            "src/content/site.toml:3:12: [site] base_url: `http://example.com/` must be an absolute https URL ending with `/`, like `https://example.com/`",
        ),
        (
            site_with("https://example.com/", "https://example.com"),
            "src/content/site.toml:3:12: [site] base_url: `https://example.com` must be an absolute https URL ending with `/`, like `https://example.com/`",
        ),
        (
            site_with("\"dual-diagnosis/\"", "\"/dual-diagnosis/\""),
            "src/content/site.toml:18:18: [links] dual-diagnosis: `/dual-diagnosis/` must be relative to [site] base_url, without a leading `/`",
        ),
        (
            site_with("\"dual-diagnosis/\"", "\"https://other.com/x\""),
            "src/content/site.toml:18:18: [links] dual-diagnosis: `https://other.com/x` must be a path relative to [site] base_url, not a URL",
        ),
        (
            site_with("path = \"ketamine/\"", "path = \"/ketamine/\""),
            "src/content/site.toml:9:8: [article] path: `/ketamine/` must be relative to [site] base_url, without a leading `/`",
        ),
        (
            site_with("e164 = \"+19497633440\"", "e164 = \"+0123456789\""),
            "src/content/site.toml:13:8: [phone] e164: `+0123456789` is not an E.164 number: `+`, the country code and the number, digits only, like `+19497633440`",
        ),
        (
            site_with("e164 = \"+19497633440\"", "e164 = \"+1234567\""),
            "src/content/site.toml:13:8: [phone] e164: `+1234567` is not an E.164 number: `+`, the country code and the number, digits only, like `+19497633440`",
        ),
        (site_with("name = \"Asana Recovery\"", "name = \"  \""), "src/content/site.toml:2:8: [site] name: must not be empty"),
        (site_with("title = \"Ketamine Therapy\"", "title = \"\""), "src/content/site.toml:7:9: [article] title: must not be empty"),
        (
            site_with("title = \"Ketamine Therapy\"", "title = \"**Ketamine** Therapy\""),
            "src/content/site.toml:7:9: [article] title: literal `**` in text: unbalanced or broken **strong** markup",
        ),
        (
            site_with("call_label = \"Call us\"", "call_label = \"\""),
            "src/content/site.toml:14:14: [phone] call_label: must not be empty",
        ),
        (site_with("lang = \"en\"", "lang = \"en US\""), "src/content/site.toml:4:8: [site] lang: `en US` is not a language tag like `en` or `en-US`"),
        (
            site_with("lang = \"en\"", "lang = \"en\"\ntheme = \"dark\""),
            "src/content/site.toml:5:1: unknown field `theme`, expected one of `name`, `base_url`, `lang`",
        ),
        (site_with("lang = \"en\"\n", ""), "src/content/site.toml:1:1: missing field `lang`"),
        (site_with("[links]", "[links"), "src/content/site.toml:17:7: unclosed table, expected `]`"),
    ];
    for (site, expected) in cases {
        assert_eq!(messages(with_site(&site)), [expected], "{site}");
    }
    let long = "x".repeat(161);
    assert_eq!(
        messages(with_site(&site_with("What ketamine therapy is.", &long))),
        ["src/content/site.toml:8:15: [article] description: is 161 characters long; at most 160 are allowed"]
    );
    ok(with_site(&site_with(
        "What ketamine therapy is.",
        &"é".repeat(160),
    )));
    ok(with_site(&site_with("+19497633440", "+441234567890")));
}

#[test]
fn a_broken_site_toml_does_not_hide_other_files_errors() {
    let site = site_with("[links]", "[links");
    let article = "## A\n\n[x](site:nope) ** [y](#nowhere)\n\n{{faq}}\n";
    assert_eq!(
        messages(compile(&sources(&site, article, FAQ, OFFERS, CARRIERS))),
        [
            "src/content/site.toml:17:7: unclosed table, expected `]`",
            "src/content/article.md:3:16: literal `**` in text: unbalanced or broken **strong** markup",
            "src/content/article.md:3:19: anchor `#nowhere` does not exist on this page",
        ]
    );
}

#[test]
fn app_checks() {
    let cases = [
        (
            site_with("short_name = \"Ketamine\"", "short_name = \" \""),
            "src/content/site.toml:34:14: [app] short_name: must not be empty",
        ),
        (
            site_with("short_name = \"Ketamine\"", &format!("short_name = \"{}\"", "k".repeat(31))),
            "src/content/site.toml:34:14: [app] short_name: is 31 characters long; at most 30 are allowed (a home screen shows about 12)",
        ),
        (
            site_with("theme_color = \"#0f4c5c\"", "theme_color = \"0f4c5c\""),
            "src/content/site.toml:35:15: [app] theme_color: `0f4c5c` is not a colour written `#rgb` or `#rrggbb`, like `#0f4c5c`",
        ),
        (
            site_with("theme_color_dark = \"#0b1f26\"", "theme_color_dark = \"#0b1f2\""),
            "src/content/site.toml:36:20: [app] theme_color_dark: `#0b1f2` is not a colour written `#rgb` or `#rrggbb`, like `#0f4c5c`",
        ),
        (
            site_with("background_color = \"#fff\"", "background_color = \"white\""),
            "src/content/site.toml:37:20: [app] background_color: `white` is not a colour written `#rgb` or `#rrggbb`, like `#0f4c5c`",
        ),
        (
            site_with("background_color_dark = \"#0e1a1e\"", "background_color_dark = \"#0e1a1g\""),
            "src/content/site.toml:38:25: [app] background_color_dark: `#0e1a1g` is not a colour written `#rgb` or `#rrggbb`, like `#0f4c5c`",
        ),
        (
            site_with("icon_background = \"#0F4C5C\"", "icon_background = \"rgb(15, 76, 92)\""),
            "src/content/site.toml:40:19: [app] icon_background: `rgb(15, 76, 92)` is not a colour written `#rgb` or `#rrggbb`, like `#0f4c5c`",
        ),
        (
            site_with("icon = \"icon.svg\"", "icon = \"icons/icon.svg\""),
            "src/content/site.toml:39:8: [app] icon: `icons/icon.svg` must be a file name in public/, without `/`, like `icon.svg`",
        ),
        (
            site_with("icon = \"icon.svg\"", "icon = \"icon.png\""),
            "src/content/site.toml:39:8: [app] icon: `icon.png` must be the name of an SVG file, ending in `.svg`, like `icon.svg`",
        ),
        (
            site_with("icon = \"icon.svg\"", "icon = \"\""),
            "src/content/site.toml:39:8: [app] icon: `` must be the name of an SVG file, ending in `.svg`, like `icon.svg`",
        ),
        (
            site_with("icon = \"icon.svg\"", "icon = \"my icon.svg\""),
            "src/content/site.toml:39:8: [app] icon: `my icon.svg` must not contain whitespace",
        ),
        (
            site_with("icon = \"icon.svg\"\n", ""),
            "src/content/site.toml:33:1: missing field `icon`",
        ),
        (
            site_with("icon = \"icon.svg\"", "icon = \"icon.svg\"\nname = \"Ketamine\""),
            "src/content/site.toml:40:1: unknown field `name`, expected one of `short_name`, `theme_color`, `theme_color_dark`, `background_color`, `background_color_dark`, `icon`, `icon_background`",
        ),
    ];
    for (site, expected) in cases {
        assert_eq!(messages(with_site(&site)), [expected], "{site}");
    }
    let app = ok(with_site(&site_with(
        "short_name = \"Ketamine\"",
        &format!("short_name = \"{}\"", "é".repeat(30)),
    )))
    .app;
    assert_eq!(app.short_name.chars().count(), 30);
    assert!(is_colour("#ABCDEF") && is_colour("#abc") && !is_colour("#abcd") && !is_colour("#"));
}

#[test]
fn a_short_name_longer_than_a_home_screen_shows_is_a_note() {
    assert!(notes(&ok(with_site(SITE)))
        .iter()
        .all(|note| !note.contains("short_name")));
    let site = site_with(
        "short_name = \"Ketamine\"",
        "short_name = \"Ketamine therapy\"",
    );
    let notes = notes(&ok(with_site(&site)));
    assert!(
        notes.contains(&"site.toml [app] short_name `Ketamine therapy` is 16 characters long: a home screen shows about 12 under the icon and cuts the rest".to_string()),
        "{notes:?}"
    );
}
