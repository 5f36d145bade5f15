//! The checker's case table against the real content of `carriers.toml`,
//! and the pieces around it.

use super::*;
use crate::content::load::fixture;

fn directory() -> Directory {
    Directory::new(fixture().carriers, &fixture().checker)
}

/// What a query must answer.
#[derive(Debug, Clone, Copy)]
enum Want {
    /// In network: the carrier's id, and the alias that matched (None: its name).
    In(&'static str, Option<&'static str>),
    /// Not on the list, naming the other insurer when it is one we know.
    Not(Option<&'static str>),
    /// Unclear: the carriers offered, in order, and whether a note explains.
    Unclear(&'static [&'static str], bool),
    /// Nothing to look up.
    Nothing,
}

use Want::{In, Not, Nothing, Unclear};

/// Everything the checker offers to pick from when one character says nothing.
const ALL: &[&str] = &["cigna", "bcbs", "magellan", "aetna", "anthem", "beacon"];
const BLUE: &[&str] = &["bcbs", "anthem"];

fn cases() -> Vec<(String, Want)> {
    let table: &[(&str, Want)] = &[
        // Names as listed, in any case and spacing, with ignored words.
        ("Cigna", In("cigna", None)),
        ("cigna", In("cigna", None)),
        ("CIGNA", In("cigna", None)),
        ("  cigna  ", In("cigna", None)),
        ("Cigna Insurance", In("cigna", None)),
        ("my cigna health insurance plan", In("cigna", None)),
        ("Cigna's", In("cigna", None)),
        ("\u{1f3e5} Aetna \u{1f3e5}", In("aetna", None)),
        ("BlueCross BlueShield", In("bcbs", None)),
        ("bluecross blue shield", In("bcbs", None)),
        ("Magellan Health", In("magellan", None)),
        ("magellan", In("magellan", None)),
        ("Magellan Behavioral Health", In("magellan", None)),
        ("Magellan Complete Care", In("magellan", None)),
        ("Aetna", In("aetna", None)),
        ("Aetna Medicare", In("aetna", None)),
        ("Aetna Better Health of California", In("aetna", None)),
        ("Anthem", In("anthem", None)),
        ("Beacon Health Options", In("beacon", None)),
        // One or two typos, swapped letters.
        ("cigma", In("cigna", None)),
        ("cinga", In("cigna", None)),
        ("aetana", In("aetna", None)),
        ("aenta", In("aetna", None)),
        ("Anthm", In("anthem", None)),
        ("Magelan", In("magellan", None)),
        ("blue cross blu shield", In("bcbs", None)),
        ("carleon", In("beacon", Some("Carelon Behavioral Health"))),
        // Still being typed: a beginning only one insurer's names have.
        ("cig", In("cigna", None)),
        ("aet", In("aetna", None)),
        ("mag", In("magellan", None)),
        ("anthem bl", In("anthem", None)),
        ("bcbs o", In("bcbs", Some("BCBS"))),
        // Short forms, regional and branded names, word order.
        ("BCBS", In("bcbs", Some("BCBS"))),
        ("B.C.B.S.", In("bcbs", Some("BCBS"))),
        ("BCBS of Texas", In("bcbs", Some("BCBS"))),
        ("Blue Cross", In("bcbs", Some("Blue Cross"))),
        ("Blue Shield", In("bcbs", Some("Blue Shield"))),
        ("Blue Shield of California", In("bcbs", Some("Blue Shield"))),
        ("cross blue", In("bcbs", Some("Blue Cross"))),
        (
            "Blue Cross Blue Shield of Illinois",
            In("bcbs", Some("Blue Cross Blue Shield")),
        ),
        ("Florida Blue", In("bcbs", Some("Florida Blue"))),
        ("Highmark BCBS", In("bcbs", Some("BCBS"))),
        ("Anthem Blue Cross", In("anthem", Some("Anthem Blue Cross"))),
        ("Blue Cross Anthem", In("anthem", Some("Anthem Blue Cross"))),
        (
            "Anthem Blue Cross of California",
            In("anthem", Some("Anthem Blue Cross")),
        ),
        (
            "Anthem Blue Cross Blue Shield",
            In("anthem", Some("Anthem Blue Cross Blue Shield")),
        ),
        ("anthem bcbs", In("anthem", Some("Anthem BCBS"))),
        ("BCBS Anthem", In("anthem", Some("Anthem BCBS"))),
        ("Aetna CVS Health", In("aetna", Some("Aetna CVS Health"))),
        ("CVS Aetna", In("aetna", Some("Aetna CVS Health"))),
        // Renamed brands, administrators, former names.
        ("Carelon", In("beacon", Some("Carelon Behavioral Health"))),
        (
            "Carelon Behavioral Health",
            In("beacon", Some("Carelon Behavioral Health")),
        ),
        ("Beacon", In("beacon", Some("Beacon"))),
        ("ValueOptions", In("beacon", Some("ValueOptions"))),
        ("Value Options", In("beacon", Some("ValueOptions"))),
        (
            "Evernorth",
            In("cigna", Some("Evernorth Behavioral Health")),
        ),
        (
            "Evernorth Behavioral Health",
            In("cigna", Some("Evernorth Behavioral Health")),
        ),
        (
            "Connecticut General Life Insurance",
            In("cigna", Some("Connecticut General")),
        ),
        ("Great West", In("cigna", Some("Great-West Healthcare"))),
        ("Coventry", In("aetna", Some("Coventry"))),
        // A parent named with its own carrier only qualifies it.
        ("Centene Magellan", In("magellan", None)),
        ("Anthem Elevance", In("anthem", None)),
        // Not on the list: other insurers, government programs, anything.
        ("Kaiser", Not(Some("Kaiser Permanente"))),
        ("Kaiser Permanente", Not(Some("Kaiser Permanente"))),
        (
            "kaiser permanente northern california",
            Not(Some("Kaiser Permanente")),
        ),
        ("UnitedHealthcare", Not(Some("UnitedHealthcare"))),
        ("United Healthcare", Not(Some("UnitedHealthcare"))),
        ("united health care", Not(Some("UnitedHealthcare"))),
        ("UHC", Not(Some("UnitedHealthcare"))),
        ("Optum", Not(Some("UnitedHealthcare"))),
        ("united car", Not(Some("UnitedHealthcare"))),
        ("Humana", Not(Some("Humana"))),
        ("humanna", Not(Some("Humana"))),
        ("Molina", Not(Some("Molina Healthcare"))),
        ("Ambetter", Not(Some("Ambetter"))),
        ("WellCare", Not(Some("WellCare"))),
        ("Health Net", Not(Some("Health Net"))),
        ("Oscar", Not(Some("Oscar Health"))),
        ("Tricare", Not(Some("Tricare"))),
        ("Medicare", Not(None)),
        ("Medicaid", Not(None)),
        ("Medi-Cal", Not(None)),
        ("Covered California", Not(None)),
        ("Self pay", Not(None)),
        ("Geico", Not(None)),
        ("zzzz", Not(None)),
        ("1234567890", Not(None)),
        ("null", Not(None)),
        // Markup and injection attempts are just text that names nobody.
        ("<script>alert(1)</script>", Not(None)),
        ("<img src=x onerror=alert(1)>", Not(None)),
        ("Robert'); DROP TABLE carriers;--", Not(None)),
        ("<b>Aetna</b>", In("aetna", None)),
        // Unclear: a word of several names, parents, two insurers at once.
        ("blue", Unclear(BLUE, false)),
        ("Blue", Unclear(BLUE, false)),
        ("blu", Unclear(BLUE, false)),
        ("bl", Unclear(BLUE, false)),
        ("cross", Unclear(BLUE, false)),
        ("shield", Unclear(BLUE, false)),
        ("car", Unclear(&["bcbs", "beacon", "aetna"], false)),
        ("options", Unclear(&["beacon"], false)),
        ("ae", Unclear(&["aetna"], false)),
        ("Centene", Unclear(&["magellan"], true)),
        ("Ambetter from Centene", Unclear(&["magellan"], true)),
        ("Elevance", Unclear(&["anthem", "beacon"], true)),
        ("Elevance Health", Unclear(&["anthem", "beacon"], true)),
        ("CVS", Unclear(&["aetna"], true)),
        ("CVS Caremark", Unclear(&["aetna"], true)),
        ("Aetna Cigna", Unclear(&["cigna", "aetna"], false)),
        ("Cigna or Aetna", Unclear(&["cigna", "aetna"], false)),
        ("cigma aetna", Unclear(&["aetna", "cigna"], false)),
        ("blue cross cigna", Unclear(&["bcbs", "cigna"], false)),
        ("Beacon Aetna", Unclear(&["aetna", "beacon"], false)),
        ("Kaiser Aetna", Unclear(&["aetna"], false)),
        // A single letter or digit.
        ("a", Unclear(&["aetna", "anthem"], false)),
        (
            "c",
            Unclear(
                &["cigna", "bcbs", "aetna", "anthem", "beacon", "magellan"],
                false,
            ),
        ),
        ("x", Unclear(ALL, false)),
        ("7", Unclear(ALL, false)),
        // Nothing to look up.
        ("", Nothing),
        ("   ", Nothing),
        ("\t\n", Nothing),
        ("\u{1f600}", Nothing),
        ("\u{1f3e5}\u{1f48a}", Nothing),
        ("...", Nothing),
        ("<>", Nothing),
        ("insurance", Nothing),
        ("health", Nothing),
        ("health insurance plan", Nothing),
        ("helth insurence", Nothing),
        ("insur", Nothing),
        ("hea", Nothing),
    ];
    let mut cases: Vec<(String, Want)> = table
        .iter()
        .map(|(query, want)| (query.to_string(), *want))
        .collect();
    // Too long to be a name, whatever it contains.
    cases.push(("a".repeat(500), Not(None)));
    cases.push(("aetna ".repeat(100), Not(None)));
    cases.push(("\u{1f600}".repeat(500), Not(None)));
    cases
}

fn describe(outcome: &Option<Outcome>) -> String {
    match outcome {
        None => "nothing".into(),
        Some(Outcome::InNetwork { carrier, via_alias }) => {
            format!(
                "in network: {} via {:?}",
                carrier.id,
                via_alias.map(|a| a.name)
            )
        }
        Some(Outcome::NotListed { insurer }) => {
            format!("not listed: {:?}", insurer.map(|i| i.name))
        }
        Some(Outcome::Unclear { candidates, note }) => format!(
            "unclear: {:?}, note: {}",
            candidates.iter().map(|c| c.id).collect::<Vec<_>>(),
            note.is_some()
        ),
    }
}

fn answers(outcome: &Option<Outcome>, want: Want) -> bool {
    match (outcome, want) {
        (None, Nothing) => true,
        (Some(Outcome::InNetwork { carrier, via_alias }), In(id, alias)) => {
            carrier.id == id && via_alias.map(|a| a.name) == alias
        }
        (Some(Outcome::NotListed { insurer }), Not(name)) => insurer.map(|i| i.name) == name,
        (Some(Outcome::Unclear { candidates, note }), Unclear(ids, noted)) => {
            candidates.iter().map(|c| c.id).eq(ids.iter().copied()) && note.is_some() == noted
        }
        _ => false,
    }
}

#[test]
fn case_table() {
    let directory = directory();
    let cases = cases();
    assert!(cases.len() >= 60, "only {} cases", cases.len());
    let failures: Vec<String> = cases
        .iter()
        .filter_map(|(query, want)| {
            let outcome = check(query, &directory);
            (!answers(&outcome, *want)).then(|| {
                let shown: String = query.chars().take(40).collect();
                format!("{shown:?}: want {want:?}, got {}", describe(&outcome))
            })
        })
        .collect();
    assert!(
        failures.is_empty(),
        "{} of {} cases fail:\n{}",
        failures.len(),
        cases.len(),
        failures.join("\n")
    );
}

/// Whatever the content says, each name typed as written gives its insurer:
/// adding an alias needs no code, and no name shadows another.
#[test]
fn every_name_in_the_content_leads_to_its_insurer() {
    let directory = directory();
    for carrier in fixture().carriers {
        let names = std::iter::once(carrier.name).chain(carrier.aliases.iter().map(|a| a.name));
        for name in names {
            match check(name, &directory) {
                Some(Outcome::InNetwork { carrier: found, .. }) if found.id == carrier.id => {}
                other => panic!(
                    "{name:?} should be {}, got {}",
                    carrier.id,
                    describe(&other)
                ),
            }
        }
    }
    for parent in fixture().checker.parents {
        let names = std::iter::once(parent.name).chain(parent.aliases.iter().map(|a| a.name));
        for name in names {
            match check(name, &directory) {
                Some(Outcome::Unclear { candidates, note }) => {
                    assert!(candidates
                        .iter()
                        .map(|c| c.id)
                        .eq(parent.carriers.iter().copied()));
                    assert_eq!(note, Some(parent.note), "{name:?}");
                }
                other => panic!("{name:?} should be unclear, got {}", describe(&other)),
            }
        }
    }
    for other in fixture().checker.others {
        let names = std::iter::once(other.name).chain(other.aliases.iter().map(|a| a.name));
        for name in names {
            match check(name, &directory) {
                Some(Outcome::NotListed {
                    insurer: Some(found),
                }) if found.name == other.name => {}
                found => panic!(
                    "{name:?} should be {}, got {}",
                    other.name,
                    describe(&found)
                ),
            }
        }
    }
}

static ACME_ALIASES: [Alias; 1] = [Alias {
    name: "Roadrunner Mutual",
    words: &["roadrunner", "mutual"],
    note: Some("Roadrunner Mutual became Acme in 2020."),
}];
static FIXTURE: [Carrier; 2] = [
    Carrier {
        id: "acme",
        name: "Acme Health",
        words: &["acme"],
        aliases: &ACME_ALIASES,
    },
    Carrier {
        id: "zenith",
        name: "Zenith",
        words: &["zenith"],
        aliases: &[],
    },
];

/// The matcher knows nothing but its data: new carriers and aliases work
/// as they are.
#[test]
fn any_directory_works() {
    let directory = Directory {
        carriers: &FIXTURE,
        parents: &[],
        others: &[],
        ignore: &["health"],
    };
    let acme = &FIXTURE[0];
    assert_eq!(
        check("acme health plan", &directory),
        Some(Outcome::InNetwork {
            carrier: acme,
            via_alias: None
        })
    );
    assert_eq!(
        check("mutual roadrunnr", &directory),
        Some(Outcome::InNetwork {
            carrier: acme,
            via_alias: Some(&ACME_ALIASES[0])
        })
    );
    assert_eq!(
        check("acme zenith", &directory),
        Some(Outcome::Unclear {
            candidates: vec![acme, &FIXTURE[1]],
            note: None
        })
    );
    assert_eq!(
        check("cigna", &directory),
        Some(Outcome::NotListed { insurer: None })
    );
    assert_eq!(check("health", &directory), None);
}

#[test]
fn distance_counts_edits_and_swaps() {
    let d = |a: &str, b: &str, max| distance(a.as_bytes(), b.as_bytes(), max);
    assert_eq!(d("cigna", "cigna", 0), Some(0));
    assert_eq!(d("cigma", "cigna", 2), Some(1));
    assert_eq!(d("aetana", "aetna", 2), Some(1));
    assert_eq!(d("aenta", "aetna", 2), Some(1));
    assert_eq!(d("anthm", "anthem", 2), Some(1));
    assert_eq!(d("kitten", "sitting", 3), Some(3));
    assert_eq!(d("kitten", "sitting", 2), None);
    assert_eq!(d("", "abc", 3), Some(3));
    assert_eq!(d("abc", "", 2), None);
    assert_eq!(d(&"a".repeat(100), &"a".repeat(99), 3), None, "too long");
}

#[test]
fn typos_grow_with_the_word() {
    assert_eq!(
        [typos(3), typos(4), typos(5), typos(6), typos(12)],
        [0, 1, 1, 2, 2]
    );
    assert_eq!(
        [
            joined_typos(3),
            joined_typos(5),
            joined_typos(11),
            joined_typos(19)
        ],
        [0, 1, 2, 3]
    );
}

#[test]
fn fills_templates() {
    assert_eq!(
        fill("{carrier} is in our network", &[("carrier", "Aetna")]),
        "Aetna is in our network"
    );
    assert_eq!(
        fill("“{typed}”, {typed}!", &[("typed", "<b>x</b>")]),
        "“<b>x</b>”, <b>x</b>!"
    );
    assert_eq!(fill("no {names}", &[("carrier", "x")]), "no {names}");
    assert_eq!(fill("open {brace", &[]), "open {brace");
    assert_eq!(fill("", &[]), "");
}

#[test]
fn typed_is_trimmed_and_bounded() {
    assert_eq!(typed("  Aetna \n"), "Aetna");
    assert_eq!(typed(&"é".repeat(300)).chars().count(), MAX_QUERY_CHARS);
}

#[test]
fn options_follow_the_answer() {
    let directory = directory();
    let options = |query: &str| -> Vec<&str> {
        let outcome = check(query, &directory);
        options(outcome.as_ref()).iter().map(|c| c.id).collect()
    };
    // Only an unclear answer lists its candidates to pick from.
    assert_eq!(options("blue"), ["bcbs", "anthem"]);
    assert_eq!(options("Elevance"), ["anthem", "beacon"]);
    assert!(options("aet").is_empty());
    assert!(options("Carelon").is_empty());
    assert!(options("Kaiser").is_empty());
    assert!(options("").is_empty());
}

#[test]
fn form_suggestions_add_the_clear_match_unless_typed() {
    let directory = directory();
    let suggested = |query: &str| -> Vec<&str> {
        let outcome = check(query, &directory);
        suggestions(outcome.as_ref(), query)
            .iter()
            .map(|c| c.id)
            .collect()
    };
    assert_eq!(suggested("bcbs"), ["bcbs"]);
    assert_eq!(suggested("aetana"), ["aetna"]);
    assert_eq!(suggested("Carelon"), ["beacon"]);
    // Already its proper name: nothing to offer.
    assert!(suggested("Cigna").is_empty());
    assert!(suggested(" cigna ").is_empty());
    // Unclear lists its candidates, as in the checker; unlisted, nothing.
    assert_eq!(suggested("blue"), ["bcbs", "anthem"]);
    assert!(suggested("Kaiser").is_empty());
    assert!(suggested("").is_empty());
}

#[test]
fn headings_and_announcements_use_the_content_wording() {
    let directory = directory();
    let text = &fixture().checker.text;
    let outcome = check("aetana", &directory).expect("an answer");
    let heading = outcome.heading(text, " aetana ");
    assert!(heading.contains("Aetna"), "{heading}");
    assert!(!heading.contains('{'), "{heading}");
    assert_eq!(outcome.insurer_name("aetana"), "Aetna");

    let not_listed = check("<script>alert(1)</script>", &directory).expect("an answer");
    assert!(not_listed
        .heading(text, "<script>alert(1)</script>")
        .contains("<script>alert(1)</script>"));
    assert_eq!(not_listed.insurer_name(" Kaiser "), "Kaiser");

    let blue = check("blue", &directory).expect("an answer");
    let said = announcement(Some(&blue), "blue", 2, text);
    assert!(said.starts_with(&blue.heading(text, "blue")), "{said}");
    assert!(
        said.contains(&fill(text.options_many, &[("count", "2")])),
        "{said}"
    );
    let said = announcement(Some(&outcome), "aetana", 1, text);
    assert!(said.ends_with(text.options_one), "{said}");
    assert_eq!(announcement(None, "", 0, text), "");
}
