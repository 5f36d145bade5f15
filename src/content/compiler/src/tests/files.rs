//! `faq.toml`, `offers.toml` and `carriers.toml`.

use super::*;

#[test]
fn faq_answer_errors_name_the_item_and_line() {
    let faq = FAQ.replace(
        "Mostly. See [help](#help).",
        "Mostly.\n\nSee [risks](site:nope) and `code`.",
    );
    assert_eq!(
        messages(with_faq(&faq)),
        [
            "src/content/faq.toml:7:5: item 1 (id \"is-it-safe\") answer: link key `nope` is not defined in site.toml [links]",
            "src/content/faq.toml:7:28: item 1 (id \"is-it-safe\") answer: code (`` ` ``) is not supported",
        ]
    );
    // A single-line string.
    let faq = FAQ.replace("Ask [us](call:).", "Ask ** [us](call:).");
    assert_eq!(
        messages(with_faq(&faq)),
        ["src/content/faq.toml:11:15: item 2 (id \"cost\") answer: literal `**` in text: unbalanced or broken **strong** markup"]
    );
    // Escapes make positions inexact: point at the string.
    let faq = FAQ.replace("Ask [us](call:).", r"Ask \u0041 [us](#nope).");
    assert_eq!(
        messages(with_faq(&faq)),
        ["src/content/faq.toml:11:10: item 2 (id \"cost\") answer: anchor `#nope` does not exist on this page"]
    );
}

#[test]
fn faq_checks() {
    let cases = [
        (FAQ.replace("id = \"cost\"", "id = \"Cost Q\""), "src/content/faq.toml:9:6: item 2 (id \"Cost Q\") id: `Cost Q` must be lowercase letters and digits joined by single hyphens, like `cost-q`"),
        (FAQ.replace("id = \"cost\"", "id = \"is-it-safe\""), "src/content/faq.toml:9:6: item 2 (id \"is-it-safe\") id: duplicate anchor `#faq-is-it-safe` (first used at src/content/faq.toml:2:6): change this item's id"),
        (FAQ.replace("What does it cost?", " "), "src/content/faq.toml:10:12: item 2 (id \"cost\") question: must not be empty"),
        (FAQ.replace("What does it cost?", "What * does it cost?"), "src/content/faq.toml:10:12: item 2 (id \"cost\") question: literal ` * ` in text: a broken list item or emphasis (start list items on their own line with `- `)"),
        (FAQ.replace("Ask [us](call:).", ""), "src/content/faq.toml:11:10: item 2 (id \"cost\") answer: must not be empty"),
        (FAQ.replace("Ask [us](call:).", "## Heading"), "src/content/faq.toml:11:11: item 2 (id \"cost\") answer: headings are only allowed in article.md"),
        (FAQ.replace("Ask [us](call:).", "{{faq}}"), "src/content/faq.toml:11:11: item 2 (id \"cost\") answer: `{{faq}}` blocks are only allowed in article.md"),
        (FAQ.replace("question = \"Is it safe?\"", "question = \"Is it safe?\"\nasked = 3"), "src/content/faq.toml:4:1: unknown field `asked`, expected one of `id`, `question`, `answer`"),
        ("".to_string(), "src/content/faq.toml:1:1: missing field `item`"),
        ("item = []".to_string(), "src/content/faq.toml: no questions: add `[[item]]` tables"),
    ];
    for (faq, expected) in cases {
        assert_eq!(messages(with_faq(&faq)), [expected], "{faq}");
    }
}

#[test]
fn faq_answers_may_have_several_paragraphs_and_lists() {
    let faq = FAQ.replace(
        "Mostly. See [help](#help).",
        "Mostly.\n\n- one\n- two\n\nEnd.",
    );
    let content = ok(with_faq(&faq));
    assert_eq!(
        content.faq[0].answer,
        vec![
            Block::Paragraph(vec![text("Mostly.")]),
            Block::List {
                ordered: false,
                items: vec![vec![text("one")], vec![text("two")]]
            },
            Block::Paragraph(vec![text("End.")]),
        ]
    );
}

#[test]
fn offer_checks() {
    let cases = [
        (
            offers_with("href = \"site:home\"", "href = \"site:nope\""),
            "src/content/offers.toml:17:39: [book] action 1 href: link key `nope` is not defined in site.toml [links]",
        ),
        (
            offers_with("href = \"site:home\"", "href = \"/book\""),
            "src/content/offers.toml:17:39: [book] action 1 href: `/book`: link to a page of the site with `site:key` and [links] in site.toml",
        ),
        (
            offers_with("href = \"#verify-insurance\"", "href = \"#nowhere\""),
            "src/content/offers.toml:4:39: [insurance_cta] action 1 href: anchor `#nowhere` does not exist on this page",
        ),
        (
            offers_with("label = \"Text\"", "label = \"\""),
            "src/content/offers.toml:22:58: [closing_cta] action 2 label: must not be empty",
        ),
        (offers_with("heading = \"Shared\"", "heading = \"\""), "src/content/offers.toml:7:11: [shared_experience] heading: must not be empty"),
        (
            offers_with("body = \"Get the book.\"", "body = \"\""),
            "src/content/offers.toml:16:8: [book] body: must not be empty",
        ),
        (
            offers_with("body = \"Get the book.\"", "body = \"Get ** the book.\""),
            "src/content/offers.toml:16:13: [book] body: literal `**` in text: unbalanced or broken **strong** markup",
        ),
        (
            offers_with("body = \"Get the book.\"", "body = \"{{insurance-cta}}\""),
            "src/content/offers.toml:16:9: [book] body: `{{insurance-cta}}` blocks are only allowed in article.md",
        ),
        (
            offers_with("[help]\nheading = \"We're Here to Help\"\nbody = \"Reach out.\"\n", ""),
            "src/content/offers.toml:1:1: missing field `help`",
        ),
        (
            format!("{OFFERS}\n[extra]\nheading = \"x\"\nbody = \"y\"\n"),
            "src/content/offers.toml:28:2: unknown field `extra`, expected one of `insurance_cta`, `shared_experience`, `verify_insurance`, `book`, `closing_cta`, `help`",
        ),
    ];
    for (offers, expected) in cases {
        assert_eq!(messages(with_offers(&offers)), [expected], "{offers}");
    }
}

#[test]
fn carrier_checks() {
    let duplicate = CARRIERS.replace("id = \"aetna\"", "id = \"cigna\"");
    assert_eq!(
        messages(with_carriers(&duplicate)),
        [
            "src/content/carriers.toml:6:6: carrier 2 (id \"cigna\") id: duplicate carrier id `cigna` (first used at src/content/carriers.toml:2:6)",
            // The parent's carrier `aetna` is gone with it.
            "src/content/carriers.toml:12:13: parent 1 (\"CVS Health\") carriers: `aetna` is not the id of a [[carrier]]",
        ]
    );
    let unnamed = CARRIERS.replace("name = \"Aetna\"", "name = \"\"");
    assert_eq!(
        messages(with_carriers(&unnamed)),
        ["src/content/carriers.toml:7:8: carrier 2 (id \"aetna\") name: must not be empty"]
    );
    assert_eq!(
        messages(with_carriers(concat!("carrier = []\n", checker_toml!()))),
        ["src/content/carriers.toml: no carriers: add `[[carrier]]` tables"]
    );
}

/// `CARRIERS` with `from` replaced by `to` (which must be there).
fn carriers_with(from: &str, to: &str) -> String {
    assert!(CARRIERS.contains(from), "{from}");
    CARRIERS.replacen(from, to, 1)
}

#[test]
fn alias_checks() {
    let cases = [
        (
            carriers_with("\"Aetna CVS Health\"", "\"Health Cigna\""),
            "src/content/carriers.toml:8:12: carrier 2 (id \"aetna\") alias 1: `Health Cigna` reads the same as `Cigna` of carrier 1 (id \"cigna\") (src/content/carriers.toml:3:8): a name must lead to one insurer",
        ),
        (
            carriers_with("\"Aetna CVS Health\"", "\"CVS\""),
            // Reported at the later of the two.
            "src/content/carriers.toml:11:8: parent 1 (\"CVS Health\") name: `CVS Health` reads the same as `CVS` of carrier 2 (id \"aetna\") (src/content/carriers.toml:8:12): a name must lead to one insurer",
        ),
        (
            carriers_with("aliases = [\"Kaiser\"]", "aliases = [\"Kaiser\", \"kaiser\"]"),
            "src/content/carriers.toml:17:22: other 1 (\"Kaiser Permanente\") alias 2: `kaiser` reads the same as `Kaiser` (src/content/carriers.toml:17:12), so it adds nothing",
        ),
        (
            // Run together, another insurer's name.
            carriers_with("\"Aetna CVS Health\"", "\"Cig-Na\""),
            "src/content/carriers.toml:8:12: carrier 2 (id \"aetna\") alias 1: `Cig-Na` reads the same as `Cigna` of carrier 1 (id \"cigna\") (src/content/carriers.toml:3:8): a name must lead to one insurer",
        ),
        (
            carriers_with("\"Aetna CVS Health\"", "\"Health Insurance\""),
            "src/content/carriers.toml:8:12: carrier 2 (id \"aetna\") alias 1: `Health Insurance` has no words left once the [checker] ignore words are left out",
        ),
        (
            carriers_with("\"Aetna CVS Health\"", "\"A B C D E F G\""),
            "src/content/carriers.toml:8:12: carrier 2 (id \"aetna\") alias 1: `A B C D E F G` has more than 6 words to match; shorten it",
        ),
        (
            carriers_with("note = \"Part of Aetna since 2013.\"", "note = \" \""),
            "src/content/carriers.toml:8:60: carrier 2 (id \"aetna\") alias 2 note: must not be empty",
        ),
        (
            carriers_with("note = \"Part of Aetna since 2013.\"", "nte = \"x\""),
            "src/content/carriers.toml:8:32: unknown field `nte`, expected `name` or `note`",
        ),
        (
            carriers_with(", note = \"Part of Aetna since 2013.\"", ""),
            "src/content/carriers.toml:8:32: an alias table needs a `note`; without one, write the alias as a plain string",
        ),
        (
            carriers_with("aliases = [\"Kaiser\"]", "alias = [\"Kaiser\"]"),
            "src/content/carriers.toml:17:1: unknown field `alias`, expected one of `name`, `note`, `aliases`",
        ),
    ];
    for (carriers, expected) in cases {
        assert_eq!(messages(with_carriers(&carriers)), [expected], "{carriers}");
    }
}

#[test]
fn parent_checks() {
    let cases = [
        (
            carriers_with("carriers = [\"aetna\"]", "carriers = [\"aetna\", \"cvs\", \"aetna\"]"),
            vec![
                "src/content/carriers.toml:12:22: parent 1 (\"CVS Health\") carriers: `cvs` is not the id of a [[carrier]]",
                "src/content/carriers.toml:12:29: parent 1 (\"CVS Health\") carriers: `aetna` is listed twice",
            ],
        ),
        (
            carriers_with("carriers = [\"aetna\"]", "carriers = []"),
            vec!["src/content/carriers.toml:11:8: parent 1 (\"CVS Health\") carriers: list the ids of the in-network carriers it owns"],
        ),
        (
            carriers_with("note = \"CVS Health owns Aetna.\"\n", ""),
            vec!["src/content/carriers.toml:10:1: missing field `note`"],
        ),
    ];
    for (carriers, expected) in cases {
        assert_eq!(messages(with_carriers(&carriers)), expected, "{carriers}");
    }
}

#[test]
fn checker_wording_checks() {
    let cases = [
        (
            carriers_with("{carrier} is in our network", "{insurer} is in our network"),
            vec![
                "src/content/carriers.toml:30:11: [checker] in_network heading: unknown placeholder `{insurer}`: this text may use `{carrier}`",
                "src/content/carriers.toml:30:11: [checker] in_network heading: must contain `{carrier}`",
            ],
        ),
        (
            carriers_with("heading = \"Which one?\"", "heading = \"{count} options\""),
            vec!["src/content/carriers.toml:39:11: [checker] unclear heading: `{count}` cannot be used here: this text may use `{typed}`"],
        ),
        (
            carriers_with("\"{count} suggestions.\"", "\"Some suggestions.\""),
            vec!["src/content/carriers.toml:26:16: [checker] options_many: must contain `{count}`"],
        ),
        (
            carriers_with("\"Verify my coverage\"", "\"Verify {carrier\""),
            vec!["src/content/carriers.toml:23:10: [checker] verify: `{` without `}`: write placeholders as `{name}`"],
        ),
        (
            carriers_with("\"Verify my coverage\"", "\"Verify } now\""),
            vec!["src/content/carriers.toml:23:10: [checker] verify: `}` without `{`: write placeholders as `{name}`"],
        ),
        (
            carriers_with("\"Type the name on your card.\"", "\"\""),
            vec!["src/content/carriers.toml:21:8: [checker] hint: must not be empty"],
        ),
        (
            carriers_with("ignore = [\"insurance\", \"health\"]", "ignore = [\"Insurance\", \"health\", \"health\"]"),
            vec![
                "src/content/carriers.toml:27:11: [checker] ignore: `Insurance` must be one word in lowercase letters and digits, like `insurance`",
                "src/content/carriers.toml:27:34: [checker] ignore: `health` is listed twice",
            ],
        ),
        (
            carriers_with("label =", "lable ="),
            vec!["src/content/carriers.toml:20:1: unknown field `lable`, expected one of `label`, `hint`, `suggestions`, `verify`, `prefill`, `options_one`, `options_many`, `ignore`, `in_network`, `not_listed`, `unclear`, `load`"],
        ),
    ];
    for (carriers, expected) in cases {
        assert_eq!(messages(with_carriers(&carriers)), expected, "{carriers}");
    }
}
