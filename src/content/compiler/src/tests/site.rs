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
