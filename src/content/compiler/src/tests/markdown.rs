//! Markdown constructs and errors.

use super::*;

#[test]
fn paragraphs_join_lines_with_spaces() {
    assert_eq!(
        blocks("First line\nsecond line.\n\nNext paragraph."),
        vec![
            Block::Paragraph(vec![text("First line second line.")]),
            Block::Paragraph(vec![text("Next paragraph.")]),
        ]
    );
}

#[test]
fn strong_and_emphasis_nest() {
    assert_eq!(
        blocks("**bold *both*** and _under_ __score__"),
        vec![Block::Paragraph(vec![
            Inline::Strong(vec![text("bold "), Inline::Emphasis(vec![text("both")])]),
            text(" and "),
            Inline::Emphasis(vec![text("under")]),
            text(" "),
            Inline::Strong(vec![text("score")]),
        ])]
    );
}

#[test]
fn escaped_characters_and_entities_are_text() {
    assert_eq!(
        blocks(r"A \*star\* &amp; 5 \< 6"),
        vec![Block::Paragraph(vec![text("A *star* & 5 < 6")])]
    );
}

#[test]
fn every_kind_of_link() {
    let paragraph = "[a](site:dual-diagnosis) [b](#section) [c](call:) [d](text:) \
                     [e](https://www.fda.gov/x?y=1) [f](mailto:info@example.com) <https://example.org/> \
                     <info@example.com> [**g**](site:home)";
    let [Block::Paragraph(inlines)] = &blocks(paragraph)[..] else {
        panic!()
    };
    let links: Vec<&Inline> = inlines
        .iter()
        .filter(|i| matches!(i, Inline::Link { .. }))
        .collect();
    assert_eq!(
        links,
        [
            &link(Href::Site("dual-diagnosis/".into()), "a"),
            &link(Href::Anchor("section".into()), "b"),
            &link(Href::Call, "c"),
            &link(Href::Text, "d"),
            &link(Href::External("https://www.fda.gov/x?y=1".into()), "e"),
            &link(Href::External("mailto:info@example.com".into()), "f"),
            &link(
                Href::External("https://example.org/".into()),
                "https://example.org/"
            ),
            &link(
                Href::External("mailto:info@example.com".into()),
                "info@example.com"
            ),
            &Inline::Link {
                href: Href::Site(String::new()),
                children: vec![Inline::Strong(vec![text("g")])]
            },
        ]
    );
}

#[test]
fn reference_links_resolve() {
    assert_eq!(
        blocks("See [the page][dd].\n\n[dd]: site:dual-diagnosis"),
        vec![Block::Paragraph(vec![
            text("See "),
            link(Href::Site("dual-diagnosis/".into()), "the page"),
            text(".")
        ])]
    );
}

#[test]
fn lists() {
    assert_eq!(
        blocks("- one\n- **two**\n\n1. first\n2. second [link](#section)"),
        vec![
            Block::List {
                ordered: false,
                items: vec![vec![text("one")], vec![Inline::Strong(vec![text("two")])]]
            },
            Block::List {
                ordered: true,
                items: vec![
                    vec![text("first")],
                    vec![
                        text("second "),
                        link(Href::Anchor("section".into()), "link")
                    ]
                ],
            },
        ]
    );
    // `*` and `+` bullets, a loose list, and a lazy continuation line are the same single-line items.
    assert_eq!(
        blocks("* one\n\n* two\ncontinued"),
        vec![Block::List {
            ordered: false,
            items: vec![vec![text("one")], vec![text("two continued")]]
        }]
    );
}

#[test]
fn sub_headings() {
    assert_eq!(
        blocks(
            "### Plain\n\n### In The TOC {.toc}\n\n### Chosen {#my-id .toc}\n\n### Ketamine’s Café"
        ),
        vec![
            Block::SubHeading(SubHeading {
                id: "plain".into(),
                text: "Plain".into(),
                in_toc: false
            }),
            Block::SubHeading(SubHeading {
                id: "in-the-toc".into(),
                text: "In The TOC".into(),
                in_toc: true
            }),
            Block::SubHeading(SubHeading {
                id: "my-id".into(),
                text: "Chosen".into(),
                in_toc: true
            }),
            Block::SubHeading(SubHeading {
                id: "ketamines-cafe".into(),
                text: "Ketamine’s Café".into(),
                in_toc: false
            }),
        ]
    );
}

#[test]
fn section_ids_are_slugs_or_chosen() {
    let content = ok(with_article(
        "## Risks vs. Benefits\n\nText.\n\n## Ketamine’s Effects\n\nText.\n\nHeading Two\n---\n\n{{faq}}\n\n## Chosen {#my-anchor}\n",
    ));
    let ids: Vec<(&str, &str)> = content
        .article
        .sections
        .iter()
        .map(|s| (s.id.as_str(), s.title.as_str()))
        .collect();
    assert_eq!(
        ids,
        [
            ("risks-vs-benefits", "Risks vs. Benefits"),
            ("ketamines-effects", "Ketamine’s Effects"),
            ("heading-two", "Heading Two"),
            ("my-anchor", "Chosen"),
        ]
    );
    assert!(content.article.sections[3].blocks.is_empty());
}

#[test]
fn embeds() {
    assert_eq!(
        blocks("{{insurance-cta}}\n\nText.\n\n{{ shared-experience }}"),
        vec![
            Block::Embed(Embed::InsuranceCta),
            Block::Paragraph(vec![text("Text.")]),
            Block::Embed(Embed::SharedExperience),
        ]
    );
}

#[test]
fn anchors_may_target_every_page_block() {
    let targets = [
        "risks",
        "what-is-ketamine",
        "legal-status",
        "faq-is-it-safe",
        "faq-cost",
        "insurance-cta",
        "verify-insurance",
        "book",
        "closing-cta",
        "help",
        "contact",
    ];
    let links: Vec<String> = targets.iter().map(|id| format!("[{id}](#{id})")).collect();
    let article = format!("{ARTICLE}\n{}\n", links.join(" "));
    ok(with_article(&article));
    // Offers may link to them too.
    ok(with_offers(&offers_with(
        "href = \"#verify-insurance\"",
        "href = \"#faq-cost\"",
    )));
}

#[test]
fn rejects_unsupported_markdown_with_positions() {
    let cases = [
        ("# Title", "src/content/article.md:3:1: a `#` title is not allowed: the title is [article] title in site.toml"),
        ("#### Deep", "src/content/article.md:3:1: `####` and deeper headings are not supported: use `##` or `###`"),
        ("> quoted", "src/content/article.md:3:1: block quotes (`>`) are not supported"),
        ("```\ncode\n```", "src/content/article.md:3:1: code blocks are not supported"),
        ("    indented code", "src/content/article.md:3:5: code blocks are not supported"),
        ("<div>html</div>", "src/content/article.md:3:1: raw HTML is not supported"),
        ("Some <b>html</b>.", "src/content/article.md:3:6: raw HTML is not supported"),
        ("Some `code`.", "src/content/article.md:3:6: code (`` ` ``) is not supported"),
        ("An ![image](https://example.com/a.png).", "src/content/article.md:3:4: images are not supported"),
        ("| a | b |\n| - | - |\n| 1 | 2 |", "src/content/article.md:3:1: tables are not supported"),
        ("Text.\n\n---", "src/content/article.md:5:1: horizontal rules (`---`, `***`) are not supported"),
        ("Line  \nbreak", "src/content/article.md:3:5: line breaks (a trailing `\\` or two trailing spaces) are not supported"),
        ("- one\n  - nested", "src/content/article.md:4:3: nested lists are not supported"),
        (
            "- one\n\n  more\n- two",
            "src/content/article.md:5:3: a list item must be a single line of text (no paragraphs inside items)",
        ),
        ("3. three\n4. four", "src/content/article.md:3:1: a numbered list must start at 1"),
        ("-\n- two", "src/content/article.md:3:1: empty list item"),
    ];
    for (body, expected) in cases {
        assert_eq!(body_errors(body), [expected], "{body:?}");
    }
}

#[test]
fn rejects_bad_links() {
    let cases = [
        ("[a](http://example.com/)", "src/content/article.md:3:1: `http://example.com/`: use https:, not http:"),
        ("[a](/page)", "src/content/article.md:3:1: `/page`: link to a page of the site with `site:key` and [links] in site.toml"),
        ("x [a](page.html)", "src/content/article.md:3:3: unsupported link target `page.html`: use `site:key`, `#anchor`, `call:`, `text:`, `tel:` or `sms:` with a number, an `https:` URL or `mailto:`"),
        ("[a](call:+123)", "src/content/article.md:3:1: `call:+123`: write just `call:`, the number is [phone] e164 in site.toml"),
        ("[a](text:5)", "src/content/article.md:3:1: `text:5`: write just `text:`, the number is [phone] e164 in site.toml"),
        ("[a](site:)", "src/content/article.md:3:1: `site:` needs a key of [links] in site.toml, like `site:dual-diagnosis`"),
        ("[a](#)", "src/content/article.md:3:1: `#` needs the anchor of a heading or block of this page"),
        ("[a](mailto:nobody)", "src/content/article.md:3:1: `mailto:nobody` is not a valid mailto: address"),
        ("[a](https://)", "src/content/article.md:3:1: `https://` is not a valid https URL"),
        ("[a](#section \"title\")", "src/content/article.md:3:1: link titles (`[text](target \"title\")`) are not supported"),
        ("[](#section)", "src/content/article.md:3:1: a link needs text"),
        ("See [a](#nowhere).", "src/content/article.md:3:5: anchor `#nowhere` does not exist on this page"),
        (
            "Now [Dual](site:dual-diagnoss).",
            "src/content/article.md:3:5: link key `dual-diagnoss` is not defined in site.toml [links]",
        ),
    ];
    for (body, expected) in cases {
        assert_eq!(body_errors(body), [expected], "{body:?}");
    }
}

#[test]
fn anchor_to_an_offer_needs_its_embed() {
    let article =
        "## A\n\n[go](#shared-experience) [cta](#insurance-cta)\n\n{{insurance-cta}}\n\n{{faq}}\n";
    assert_eq!(
        messages(with_article(article)),
        ["src/content/article.md:3:1: anchor `#shared-experience` is not on the page: place `{{shared-experience}}` in article.md"]
    );
}

#[test]
fn rejects_broken_markdown_left_in_text() {
    let cases = [
        ("Some **unclosed strong.", "src/content/article.md:3:6: literal `**` in text: unbalanced or broken **strong** markup"),
        ("Fine **strong** then ** stray.", "src/content/article.md:3:22: literal `**` in text: unbalanced or broken **strong** markup"),
        ("Escaped \\*\\* too.", "src/content/article.md:3:10: literal `**` in text: unbalanced or broken **strong** markup"),
        (
            "A list * run together * here.",
            "src/content/article.md:3:8: literal ` * ` in text: a broken list item or emphasis (start list items on their own line with `- `)",
        ),
        (
            "\\* looks like a bullet",
            "src/content/article.md:3:2: text starts with a literal `* `: a broken list item (start list items on their own line with `- `)",
        ),
        (
            "- item with ** inside",
            "src/content/article.md:3:13: literal `**` in text: unbalanced or broken **strong** markup",
        ),
        ("### Head ** ing", "src/content/article.md:3:1: literal `**` in text: unbalanced or broken **strong** markup"),
    ];
    for (body, expected) in cases {
        assert_eq!(body_errors(body), [expected], "{body:?}");
    }
    // Emphasis and multiplication without spaces are fine.
    assert_eq!(
        blocks("*a* and 2*3"),
        vec![Block::Paragraph(vec![
            Inline::Emphasis(vec![text("a")]),
            text(" and 2*3")
        ])]
    );
}

#[test]
fn heading_rules() {
    let cases = [
        ("### Has *emphasis*", "src/content/article.md:3:1: headings are plain text: no emphasis, links or code"),
        ("### ???", "src/content/article.md:3:1: heading `???` has no letters or digits to make an anchor: add `{#my-id}`"),
        (
            "### Bad {#Bad_Id}",
            "src/content/article.md:3:1: anchor `{#Bad_Id}` must be lowercase letters and digits joined by single hyphens, like `{#bad-id}`",
        ),
        ("### Styled {.fancy}", "src/content/article.md:3:1: unknown class `.fancy`: only `{.toc}` is supported"),
        ("### Attr {lang=fr}", "src/content/article.md:3:1: heading attributes other than `{#id}` and `{.toc}` are not supported"),
        ("## Toc {.toc}", "src/content/article.md:3:1: `{.toc}` is only for `###` headings: every `##` heading is in the table of contents"),
    ];
    for (body, expected) in cases {
        assert_eq!(body_errors(body), [expected], "{body:?}");
    }
}

#[test]
fn content_must_start_with_a_section() {
    assert_eq!(
        messages(with_article("Intro.\n\nMore.\n\n## A\n\n{{faq}}\n")),
        ["src/content/article.md:1:1: content before the first `##` heading: every part of the article belongs to a section"]
    );
}

#[test]
fn anchors_must_be_unique() {
    let article = "## Risks\n\n### Risks\n\n## Other {#risks}\n\n{{faq}}\n";
    assert_eq!(
        messages(with_article(article)),
        [
            "src/content/article.md:3:1: duplicate anchor `#risks` (first used at src/content/article.md:1:1): write `{#another-id}` after the heading to choose another",
            "src/content/article.md:5:1: duplicate anchor `#risks` (first used at src/content/article.md:1:1): write `{#another-id}` after the heading to choose another",
        ]
    );
    // An FAQ anchor clashes with a heading that happens to slug the same.
    assert_eq!(
        messages(with_article("## FAQ: Cost\n\n{{faq}}\n")),
        ["src/content/faq.toml:9:6: item 2 (id \"cost\") id: duplicate anchor `#faq-cost` (first used at src/content/article.md:1:1): change this item's id"]
    );
}

#[test]
fn offer_and_contact_anchors_are_reserved() {
    assert_eq!(
        messages(with_article("## Help\n\n## Contact\n\n### Book {.toc}\n\n{{faq}}\n")),
        [
            "src/content/article.md:1:1: anchor `#help` is reserved for offers.toml [help]: write `{#another-id}` after the heading to choose another",
            "src/content/article.md:3:1: anchor `#contact` is reserved for the contact form: write `{#another-id}` after the heading to choose another",
            "src/content/article.md:5:1: anchor `#book` is reserved for offers.toml [book]: write `{#another-id}` after the heading to choose another",
        ]
    );
    ok(with_article("## Help {#getting-help}\n\n{{faq}}\n"));
}

#[test]
fn embed_rules() {
    assert_eq!(
        messages(with_article("## A\n\nText.\n")),
        ["src/content/article.md: `{{faq}}` is missing: it must appear once, as a paragraph of its own, to place the questions of faq.toml"]
    );
    assert_eq!(
        messages(with_article("## A\n\n{{faq}}\n\n{{faq}}\n")),
        ["src/content/article.md:5:1: `{{faq}}` may appear only once in the article"]
    );
    assert_eq!(
        messages(with_article(
            "## A\n\n{{insurance-cta}}\n\n{{faq}}\n\n{{insurance-cta}}\n"
        )),
        ["src/content/article.md:7:1: `{{insurance-cta}}` may appear only once in the article"]
    );
    assert_eq!(
        body_errors("{{book}}"),
        ["src/content/article.md:3:1: unknown block `{{book}}`: use `{{insurance-cta}}`, `{{shared-experience}}`, `{{faq}}` or `{{crisis}}`"]
    );
    assert_eq!(
        body_errors("See {{insurance-cta}} here."),
        ["src/content/article.md:3:5: a `{{name}}` block must be a paragraph of its own"]
    );
    assert_eq!(
        body_errors("- {{faq}}"),
        ["src/content/article.md:3:3: a `{{name}}` block must be a paragraph of its own"]
    );
}

#[test]
fn collects_every_error() {
    let article = "# Title\n\n## A\n\nBad ** text and [x](site:nope).\n\n> quote\n";
    let site = site_with("e164 = \"+19497633440\"", "e164 = \"949-763-3440\"");
    let carriers = concat!(
        "[[carrier]]\nid = \"Cigna\"\nname = \"Cigna\"\n",
        checker_toml!()
    );
    assert_eq!(
        messages(compile(&sources(&site, article, FAQ, OFFERS, carriers))),
        [
            "src/content/site.toml:13:8: [phone] e164: `949-763-3440` is not an E.164 number: `+`, the country code and the number, digits only, like `+19497633440`",
            "src/content/article.md: `{{faq}}` is missing: it must appear once, as a paragraph of its own, to place the questions of faq.toml",
            "src/content/article.md:1:1: a `#` title is not allowed: the title is [article] title in site.toml",
            "src/content/article.md:5:5: literal `**` in text: unbalanced or broken **strong** markup",
            "src/content/article.md:5:17: link key `nope` is not defined in site.toml [links]",
            "src/content/article.md:7:1: block quotes (`>`) are not supported",
            "src/content/carriers.toml:2:6: carrier 1 (id \"Cigna\") id: `Cigna` must be lowercase letters and digits joined by single hyphens, like `cigna`",
        ]
    );
}
