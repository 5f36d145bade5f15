//! The whole compiler on the fixture files.

use super::*;

#[test]
fn compiles_the_fixture() {
    let content = ok(compile(&sources(SITE, ARTICLE, FAQ, OFFERS, CARRIERS)));
    assert_eq!(content.site.name, "Asana Recovery");
    assert_eq!(content.site.base_url, "https://example.com/");
    assert_eq!(content.site.lang, "en");
    assert_eq!(
        content.site.phone,
        Phone {
            display: "(949) 763-3440".into(),
            e164: "+19497633440".into()
        }
    );
    assert_eq!(content.site.call_label, "Call us");
    assert_eq!(content.site.text_label, "Text us");
    assert_eq!(
        content.app,
        WebApp {
            short_name: "Ketamine".into(),
            theme_color: "#0f4c5c".into(),
            theme_color_dark: "#0b1f26".into(),
            background_color: "#fff".into(),
            background_color_dark: "#0e1a1e".into(),
            icon: "icon.svg".into(),
            icon_background: "#0F4C5C".into(),
        }
    );
    assert_eq!(content.article.title, "Ketamine Therapy");
    assert_eq!(content.article.description, "What ketamine therapy is.");
    assert_eq!(content.article.path, "ketamine/");

    let sections = &content.article.sections;
    assert_eq!(sections.len(), 2);
    assert_eq!(
        (sections[0].id.as_str(), sections[0].title.as_str()),
        ("what-is-ketamine", "What Is Ketamine?")
    );
    assert_eq!(
        sections[0].blocks,
        vec![
            Block::Paragraph(vec![
                text("Ketamine is "),
                Inline::Strong(vec![text("strong")]),
                text(" and "),
                Inline::Emphasis(vec![text("calm")]),
                text("; see "),
                link(Href::Site("dual-diagnosis/".into()), "dual diagnosis"),
                text("."),
            ]),
            Block::Embed(Embed::InsuranceCta),
            Block::SubHeading(SubHeading {
                id: "legal-status".into(),
                text: "Legal Status".into(),
                in_toc: true
            }),
            Block::List {
                ordered: false,
                items: vec![vec![text("One")], vec![text("Two")]]
            },
        ]
    );
    assert_eq!(
        (sections[1].id.as_str(), sections[1].title.as_str()),
        ("risks", "Risks")
    );
    assert_eq!(sections[1].blocks, vec![Block::Embed(Embed::Faq)]);

    assert_eq!(content.faq.len(), 2);
    assert_eq!(content.faq[0].id, "faq-is-it-safe");
    assert_eq!(content.faq[0].question, "Is it safe?");
    assert_eq!(
        content.faq[0].answer,
        vec![Block::Paragraph(vec![
            text("Mostly. See "),
            link(Href::Anchor("help".into()), "help"),
            text(".")
        ])]
    );
    assert_eq!(
        content.faq[1].answer,
        vec![Block::Paragraph(vec![
            text("Ask "),
            link(Href::Call, "us"),
            text(".")
        ])]
    );

    assert_eq!(
        content.carriers,
        vec![
            Carrier {
                id: "cigna".into(),
                name: "Cigna".into(),
                words: vec!["cigna".into()],
                aliases: vec![],
            },
            Carrier {
                id: "aetna".into(),
                name: "Aetna".into(),
                words: vec!["aetna".into()],
                aliases: vec![
                    Alias {
                        name: "Aetna CVS Health".into(),
                        words: vec!["aetna".into(), "cvs".into()],
                        note: None,
                    },
                    Alias {
                        name: "Coventry".into(),
                        words: vec!["coventry".into()],
                        note: Some("Part of Aetna since 2013.".into()),
                    },
                ],
            },
        ]
    );
    let checker = &content.checker;
    assert_eq!(checker.ignore, ["insurance", "health"]);
    assert_eq!(
        checker.parents,
        [ParentBrand {
            name: "CVS Health".into(),
            words: vec!["cvs".into()],
            aliases: vec![],
            note: "CVS Health owns Aetna.".into(),
            carriers: vec!["aetna".into()],
        }]
    );
    assert_eq!(checker.others[0].words, ["kaiser", "permanente"]);
    assert_eq!(checker.others[0].aliases[0].words, ["kaiser"]);
    assert_eq!(checker.others[0].note, None);
    assert_eq!(checker.text.prefill, "You asked about: {carrier}");
    assert_eq!(
        checker.text.in_network.heading,
        "{carrier} is in our network"
    );
    assert_eq!(checker.text.in_network_alias, "You typed {typed}.");
    assert_eq!(checker.text.unclear.body, "Pick yours.");
    let ids: Vec<&str> = [
        &content.insurance_cta,
        &content.shared_experience,
        &content.verify_insurance,
        &content.book,
        &content.closing_cta,
        &content.help,
    ]
    .iter()
    .map(|offer| offer.id.as_str())
    .collect();
    assert_eq!(
        ids,
        [
            "insurance-cta",
            "shared-experience",
            "verify-insurance",
            "book",
            "closing-cta",
            "help"
        ]
    );
    assert_eq!(
        content.verify_insurance.heading,
        "Verify Insurance for Free"
    );
    assert_eq!(
        content.help.body,
        vec![Block::Paragraph(vec![text("Reach out.")])]
    );
    assert_eq!(
        content.insurance_cta.actions,
        vec![Action {
            label: "Verify".into(),
            href: Href::Anchor("verify-insurance".into())
        }]
    );
    assert_eq!(
        content.book.actions,
        vec![Action {
            label: "Get it".into(),
            href: Href::Site(String::new())
        }]
    );
    assert_eq!(
        content.closing_cta.actions,
        vec![
            Action {
                label: "Call".into(),
                href: Href::Call
            },
            Action {
                label: "Text".into(),
                href: Href::Text
            }
        ]
    );
    assert!(content.shared_experience.actions.is_empty());
}

#[test]
fn generate_reads_a_directory() {
    let dir = std::env::temp_dir().join(format!("content-source-test-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    for (name, text) in FILES
        .iter()
        .zip([SITE, ARTICLE, FAQ, OFFERS, CARRIERS, FORMS, UI])
    {
        std::fs::write(dir.join(name), text).unwrap();
    }
    let code = generate(&dir).unwrap();
    assert!(code.contains("pub const CONTENT_DATA: Content = Content {"));
    assert!(code.contains("pub static CONTENT: Content = CONTENT_DATA;"));

    std::fs::remove_file(dir.join("faq.toml")).unwrap();
    let errors = generate(&dir).unwrap_err();
    std::fs::remove_dir_all(&dir).unwrap();
    assert_eq!(errors.len(), 1, "{errors:?}");
    assert_eq!(errors[0].file, dir.join("faq.toml").display().to_string());
    assert!(
        errors[0].to_string().contains(": cannot read: "),
        "{}",
        errors[0]
    );
}
