//! Small pieces: errors, positions, hrefs, numbers, code generation.

use super::*;

#[test]
fn error_display() {
    let error = Error {
        file: "src/content/article.md".into(),
        at: Some((42, 7)),
        message: "oops".into(),
    };
    assert_eq!(error.to_string(), "src/content/article.md:42:7: oops");
    let error = Error {
        file: "src/content/faq.toml".into(),
        at: None,
        message: "oops".into(),
    };
    assert_eq!(error.to_string(), "src/content/faq.toml: oops");
}

#[test]
fn line_columns_count_characters() {
    let file = FileText::new("f", "ab\n“é” x\n\nlast");
    assert_eq!(file.line_col(0), (1, 1));
    assert_eq!(file.line_col(2), (1, 3));
    assert_eq!(file.line_col(3), (2, 1));
    assert_eq!(file.line_col("ab\n“é” ".len()), (2, 5));
    assert_eq!(file.line_col("ab\n“é” x\n\n".len()), (4, 1));
    assert_eq!(file.line_col(1000), (4, 5));
}

#[test]
fn parse_href_kinds() {
    assert_eq!(parse_href("site:a"), Ok(Href::Site("a".into())));
    assert_eq!(parse_href("#a"), Ok(Href::Anchor("a".into())));
    assert_eq!(parse_href("call:"), Ok(Href::Call));
    assert_eq!(parse_href("text:"), Ok(Href::Text));
    assert_eq!(
        parse_href("https://a.b/"),
        Ok(Href::External("https://a.b/".into()))
    );
    assert_eq!(
        parse_href("mailto:a@b.c"),
        Ok(Href::External("mailto:a@b.c".into()))
    );
    assert!(parse_href("").is_err());
    assert!(parse_href("https://a.b/x y").is_err());
    assert!(parse_href("ftp://a.b/").is_err());
    // Other numbers than the site's own, such as a crisis line.
    assert_eq!(parse_href("tel:988"), Ok(Href::External("tel:988".into())));
    assert_eq!(
        parse_href("sms:+19497633440"),
        Ok(Href::External("sms:+19497633440".into()))
    );
    assert!(parse_href("tel:").is_err());
    assert!(parse_href("tel:988-1").is_err());
    assert!(parse_href("sms:1234567890123456").is_err());
}

#[test]
fn e164() {
    assert!(is_e164("+19497633440"));
    assert!(is_e164("+12345678"));
    assert!(is_e164("+123456789012345"));
    assert!(!is_e164("+1234567"));
    assert!(!is_e164("+1234567890123456"));
    assert!(!is_e164("19497633440"));
    assert!(!is_e164("+0949763344"));
    assert!(!is_e164("+1 949 763 3440"));
}

#[test]
fn generated_code_shape() {
    let content = ok(compile(&sources(SITE, ARTICLE, FAQ, OFFERS, CARRIERS)));
    let code = codegen(&content);
    assert!(code.starts_with("// @generated"));
    assert!(code.contains("pub const CONTENT_DATA: Content = Content {\n"));
    assert!(code.contains(
        "};\n\n/// The page content in memory: read this, not `CONTENT_DATA`.\npub static CONTENT: Content = CONTENT_DATA;\n"
    ));
    // Last, the outline: every section, with its sub-headings and nothing else.
    let outline = &code[code
        .find("pub const OUTLINE: &[Section] = &[\n")
        .expect("an OUTLINE")..];
    assert!(outline.trim_end().ends_with("];"), "{outline}");
    assert_eq!(
        outline.matches("Section {").count(),
        content.article.sections.len()
    );
    assert!(outline.contains(
        "Block::SubHeading(SubHeading { id: \"legal-status\", text: \"Legal Status\", in_toc: true }),"
    ));
    assert!(
        !outline.contains("Block::Paragraph")
            && !outline.contains("Block::List")
            && !outline.contains("Block::Embed"),
        "{outline}"
    );
    for fragment in [
        "site: Site {\n        name: \"Asana Recovery\",",
        "phone: Phone { display: \"(949) 763-3440\", e164: \"+19497633440\" },",
        "path: \"ketamine/\",\n        review: Review {",
        "Section {\n                id: \"what-is-ketamine\",\n                title: \"What Is Ketamine?\",\n                blocks: &[",
        "Block::Paragraph(&[Inline::Text(\"Ketamine is \"), Inline::Strong(&[Inline::Text(\"strong\")]), ",
        "Inline::Link { href: Href::Site(\"dual-diagnosis/\"), children: &[Inline::Text(\"dual diagnosis\")] }",
        "Block::Embed(Embed::InsuranceCta),",
        "Block::SubHeading(SubHeading { id: \"legal-status\", text: \"Legal Status\", in_toc: true }),",
        "Block::List { ordered: false, items: &[&[Inline::Text(\"One\")], &[Inline::Text(\"Two\")]] },",
        "Block::Embed(Embed::Faq),",
        "FaqItem {\n            id: \"faq-is-it-safe\",\n            question: \"Is it safe?\",",
        "Href::Anchor(\"help\")",
        "Carrier { id: \"cigna\", name: \"Cigna\", words: &[\"cigna\"], aliases: &[] },",
        "aliases: &[Alias { name: \"Aetna CVS Health\", words: &[\"aetna\", \"cvs\"], note: None }, \
         Alias { name: \"Coventry\", words: &[\"coventry\"], note: Some(\"Part of Aetna since 2013.\") }] },",
        "checker: Checker {\n        text: CheckerText {\n            label: \"Who is your insurance with?\",",
        "in_network: OutcomeText { heading: \"{carrier} is in our network\", body: \"Coverage depends on your plan.\" },",
        "ParentBrand { name: \"CVS Health\", words: &[\"cvs\"], aliases: &[], note: \"CVS Health owns Aetna.\", carriers: &[\"aetna\"] },",
        "OtherInsurer { name: \"Kaiser Permanente\", words: &[\"kaiser\", \"permanente\"], \
         aliases: &[Alias { name: \"Kaiser\", words: &[\"kaiser\"], note: None }], note: None },",
        "ignore: &[\"insurance\", \"health\"],",
        "insurance_cta: Offer {\n        id: \"insurance-cta\",",
        "actions: &[Action { label: \"Verify\", href: Href::Anchor(\"verify-insurance\") }],",
        "actions: &[Action { label: \"Call\", href: Href::Call }, Action { label: \"Text\", href: Href::Text }],",
        "help: Offer {\n        id: \"help\",\n        heading: \"We're Here to Help\",",
        "actions: &[],",
        "app: WebApp {\n        short_name: \"Ketamine\",\n        theme_color: \"#0f4c5c\",\n        theme_color_dark: \"#0b1f26\",\n        \
         background_color: \"#fff\",\n        background_color_dark: \"#0e1a1e\",\n        icon: \"icon.svg\",\n        icon_background: \"#0F4C5C\",\n    },",
    ] {
        assert!(code.contains(fragment), "missing {fragment:?} in\n{code}");
    }
    // Fields in the order of model.rs `Content`.
    let fields = [
        "site:",
        "article:",
        "faq:",
        "carriers:",
        "checker:",
        "insurance_cta:",
        "shared_experience:",
        "verify_insurance:",
        "book:",
        "closing_cta:",
        "help:",
    ];
    let positions: Vec<usize> = fields
        .iter()
        .map(|field| code.find(&format!("\n    {field}")).expect(field))
        .collect();
    assert!(
        positions.windows(2).all(|pair| pair[0] < pair[1]),
        "{positions:?}"
    );
}

#[test]
fn generated_strings_are_escaped() {
    let article = "## Quotes \"and\" \\ back\n\nA \"quoted\" \\\\ backslash and a tab\u{9}and ünïcode.\n\n{{faq}}\n";
    let code = codegen(&ok(with_article(article)));
    assert!(
        code.contains(r#"title: "Quotes \"and\" \\ back","#),
        "{code}"
    );
    assert!(
        code.contains(r#"Inline::Text("A \"quoted\" \\ backslash and a tab\tand ünïcode.")"#),
        "{code}"
    );
}
