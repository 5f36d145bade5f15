//! Tables of plain texts: `forms.toml` (every word of the forms) and
//! `ui.toml` (the words of the page's own controls).
//!
//! Each file's shape is declared once, below ([`FORMS`], [`UI`]): its
//! sections and keys, what each text is for, which `{placeholders}` it must
//! or may contain, and whether it is a link. The compiler checks the files
//! against it (unknown, missing, empty, broken placeholders) and writes
//! both the app's types for them and their data, so a text the app needs
//! can never be missing at run time.

use std::collections::BTreeMap;
use std::fmt::Write as _;

use toml::Spanned;

use crate::compiled::Href;
use crate::error::Loc;
use crate::error::{Error, FileText};
use crate::links::{parse_href, record_ref, Ref};
use crate::text::check_plain;

/// A file of texts.
#[derive(Debug)]
pub struct TextFile {
    pub file: &'static str,
    /// The Rust type the app reads it as (`FormsText`).
    pub type_name: &'static str,
    pub doc: &'static str,
    pub sections: &'static [Section],
}

/// A `[section]` of a text file.
#[derive(Debug)]
pub struct Section {
    pub name: &'static str,
    pub doc: &'static str,
    pub keys: &'static [Key],
}

/// What a key holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// Plain text (no Markdown).
    Text,
    /// A link target, as in the Markdown of the page (`site:key`, `https:`…).
    Link,
}

/// One text.
#[derive(Debug)]
pub struct Key {
    pub name: &'static str,
    pub doc: &'static str,
    pub kind: Kind,
    /// Placeholders the text must contain.
    pub required: &'static [&'static str],
    /// Placeholders the text may contain (a superset of `required`).
    pub allowed: &'static [&'static str],
}

/// A plain text: no placeholders.
const fn text(name: &'static str, doc: &'static str) -> Key {
    Key {
        name,
        doc,
        kind: Kind::Text,
        required: &[],
        allowed: &[],
    }
}

/// Every text file, in the order they are read and reported.
pub const TEXT_FILES: [&TextFile; 2] = [&FORMS, &UI];

/// `forms.toml`: every word the contact and book forms show
pub const FORMS: TextFile = TextFile {
    file: "forms.toml",
    type_name: "FormsText",
    doc: "every word the contact and book forms show",
    sections: &[
        Section {
            name: "contact",
            doc: "The five-step contact form at #contact.",
            keys: &[
            text("heading", "heading"),
            text("intro", "intro"),
            text("call_instead", "call instead"),
            Key { name: "progress", doc: "Above each step's heading.", kind: Kind::Text, required: &["n", "total"], allowed: &["n", "total"] },
            text("continue", "continue"),
            text("back", "back"),
            text("send", "send"),
            text("sending", "sending"),
            text("optional", "optional"),
            text("step_who", "step who"),
            text("step_details", "step details"),
            text("step_insurance", "step insurance"),
            text("step_message", "step message"),
            text("step_check", "step check"),
            text("who_legend", "who legend"),
            text("who_me", "who me"),
            text("who_someone", "who someone"),
            text("concerns_legend", "concerns legend"),
            text("concerns_hint", "concerns hint"),
            text("concern_drugs", "concern drugs"),
            text("concern_alcohol", "concern alcohol"),
            text("concern_mental_health", "concern mental health"),
            text("name", "name"),
            text("phone", "phone"),
            text("phone_hint", "phone hint"),
            text("email", "email"),
            text("method_legend", "method legend"),
            text("method_call", "method call"),
            text("method_text", "method text"),
            text("method_email", "method email"),
            text("best_time", "best time"),
            text("time_any", "time any"),
            text("time_morning", "time morning"),
            text("time_afternoon", "time afternoon"),
            text("time_evening", "time evening"),
            text("remember", "remember"),
            text("remember_hint", "remember hint"),
            text("carrier", "carrier"),
            text("carrier_hint", "carrier hint"),
            text("member_id", "member id"),
            text("member_id_hint", "member id hint"),
            text("no_insurance", "no insurance"),
            text("message", "message"),
            text("message_hint", "message hint"),
            text("consent", "consent"),
            text("privacy_before", "privacy before"),
            text("privacy_link", "privacy link"),
            text("privacy_after", "privacy after"),
            text("change", "change"),
            text("answer_who", "answer who"),
            text("answer_concerns", "answer concerns"),
            text("answer_name", "answer name"),
            text("answer_phone", "answer phone"),
            text("answer_email", "answer email"),
            text("answer_method", "answer method"),
            text("answer_time", "answer time"),
            text("answer_insurance", "answer insurance"),
            text("answer_member_id", "answer member id"),
            text("answer_message", "answer message"),
            text("answer_consent", "answer consent"),
            text("not_given", "not given"),
            text("yes", "yes"),
            text("no_insurance_answer", "no insurance answer"),
            text("sent_heading", "sent heading"),
            text("delivered_heading", "delivered heading"),
            text("next_call", "next call"),
            text("next_text", "next text"),
            text("next_email", "next email"),
            text("next_now", "next now"),
            text("send_another", "send another"),
            text("honeypot", "The honeypot's label: read by no one who sees the page."),
            Key { name: "privacy", doc: "The privacy notice the contact form links to: `site:key` of [links] in site.toml, or an https URL.", kind: Kind::Link, required: &[], allowed: &[] },
            ],
        },
        Section {
            name: "book",
            doc: "The one-step \"send me the free book\" form.",
            keys: &[
            text("email", "email"),
            text("email_hint", "email hint"),
            text("send", "send"),
            text("sent_heading", "sent heading"),
            text("sent", "sent"),
            ],
        },
        Section {
            name: "status",
            doc: "Sending, failing and loading: what the forms say about themselves.",
            keys: &[
            text("unavailable_heading", "unavailable heading"),
            text("unavailable", "unavailable"),
            text("needs_script", "Under a form when scripts are off: it cannot send without them."),
            text("loading", "loading"),
            text("load_failed_heading", "The form's code did not download (shown by the page's loader)."),
            text("load_failed", "load failed"),
            text("failed_heading", "failed heading"),
            text("kept", "kept"),
            text("network", "network"),
            text("timeout", "timeout"),
            text("server", "server"),
            text("rejected", "rejected"),
            text("try_again", "try again"),
            text("queued_heading", "queued heading"),
            text("queued", "queued"),
            text("queued_saved", "When the device keeps the message (the installed app's outbox): it leaves once the connection is back, even if the page is closed."),
            text("confirm_heading", "confirm heading"),
            text("confirm", "confirm"),
            ],
        },
        Section {
            name: "errors",
            doc: "The messages of the error summary and the fields: say what to do, not what went wrong.",
            keys: &[
            text("summary_heading", "summary heading"),
            text("title_prefix", "Before the page title while a step has a problem (followed by a space)."),
            text("inline_prefix", "Read out before each message next to a field (hidden from sight)."),
            text("who", "who"),
            text("concerns", "concerns"),
            text("name_required", "name required"),
            text("name_long", "name long"),
            text("name_characters", "name characters"),
            text("phone_or_email", "phone or email"),
            text("phone_for_call", "phone for call"),
            text("phone_for_text", "phone for text"),
            text("phone_format", "phone format"),
            text("email_required", "email required"),
            text("email_for_email", "email for email"),
            text("email_format", "email format"),
            text("email_long", "email long"),
            text("email_hidden", "An email address with invisible characters (zero-width spaces, direction marks), often pasted from elsewhere."),
            text("contact_method", "contact method"),
            text("carrier_required", "carrier required"),
            text("carrier_long", "carrier long"),
            text("carrier_characters", "carrier characters"),
            text("member_id_long", "member id long"),
            text("member_id_characters", "member id characters"),
            text("message_long", "message long"),
            text("consent", "consent"),
            ],
        },
    ],
};

/// `ui.toml`: the words of the page's own controls
pub const UI: TextFile = TextFile {
    file: "ui.toml",
    type_name: "UiText",
    doc: "the words of the page's own controls",
    sections: &[
        Section {
            name: "page",
            doc: "The page as a whole.",
            keys: &[
            text("skip_link", "The first link of the page, to the article, for keyboard users."),
            ],
        },
        Section {
            name: "header",
            doc: "The site header's shortcuts.",
            keys: &[
            text("nav_label", "The accessible name of the header's links."),
            text("verify_kicker", "Before \"verify\", on wide screens."),
            text("verify", "The link to the insurance checker."),
            text("contact_kicker", "Before \"contact\", on wide screens."),
            text("contact", "The link to the contact form."),
            ],
        },
        Section {
            name: "toc",
            doc: "The table of contents.",
            keys: &[
            text("heading", "The side panel's heading (wide screens)."),
            text("bar_label", "The accessible name of the \"On this page\" bar (narrow screens)."),
            text("bar_title", "The bar's visible title, before the current section."),
            ],
        },
        Section {
            name: "faq",
            doc: "The frequently asked questions.",
            keys: &[
            text("show_all", "The button that opens every answer."),
            text("hide_all", "The same button once every answer is open."),
            ],
        },
        Section {
            name: "copy_link",
            doc: "The \"copy link\" button next to each heading.",
            keys: &[
            Key { name: "label", doc: "The button's accessible name.", kind: Kind::Text, required: &["title"], allowed: &["title"] },
            Key { name: "copied", doc: "Announced once the link is on the clipboard.", kind: Kind::Text, required: &["title"], allowed: &["title"] },
            Key { name: "failed", doc: "Announced when copying failed; {reason} is `unavailable` or `refused`.", kind: Kind::Text, required: &["url"], allowed: &["reason", "url"] },
            text("unavailable", "Why copying failed: no clipboard."),
            text("refused", "Why copying failed: the browser said no."),
            text("done", "Shown on the button for a moment after copying."),
            text("not_done", "Shown on the button for a moment when copying failed."),
            ],
        },
        Section {
            name: "crisis",
            doc: "The crisis-help note (its text is [crisis] in site.toml).",
            keys: &[
            text("label", "How screen readers name the note."),
            ],
        },
        Section {
            name: "update",
            doc: "The bar shown when a new version of the page has been installed in the background.",
            keys: &[
            text("available", "What the bar says."),
            text("reload", "The button that loads the new version."),
            ],
        },
        Section {
            name: "review",
            doc: "Who wrote and reviewed the article, under its title (names and date are [article] in site.toml).",
            keys: &[
            text("written_by", "Before the author's name."),
            text("reviewed_by", "Before the medical reviewer's name."),
            text("last_reviewed", "Before the date of the last review."),
            Key { name: "date", doc: "How the review date is written: {day}, {month} (a name below) and {year}.", kind: Kind::Text, required: &["day", "month", "year"], allowed: &["day", "month", "year"] },
            text("january", "The name of month 1, for the review date."),
            text("february", "The name of month 2, for the review date."),
            text("march", "The name of month 3, for the review date."),
            text("april", "The name of month 4, for the review date."),
            text("may", "The name of month 5, for the review date."),
            text("june", "The name of month 6, for the review date."),
            text("july", "The name of month 7, for the review date."),
            text("august", "The name of month 8, for the review date."),
            text("september", "The name of month 9, for the review date."),
            text("october", "The name of month 10, for the review date."),
            text("november", "The name of month 11, for the review date."),
            text("december", "The name of month 12, for the review date."),
            ],
        },
    ],
};

/// A file's texts once checked, in the order of its [`TextFile`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Texts {
    pub sections: Vec<(String, Vec<(String, Value)>)>,
}

/// A checked value.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Value {
    Text(String),
    Link(Href),
}

impl Texts {
    /// The value of `section.key`.
    ///
    /// # Panics
    /// If the schema has no such key: the generated code only asks for keys
    /// of the schema, which compiled texts always have.
    pub fn get(&self, section: &str, key: &str) -> &Value {
        self.sections
            .iter()
            .find(|(name, _)| name == section)
            .and_then(|(_, keys)| keys.iter().find(|(name, _)| name == key))
            .map(|(_, value)| value)
            .unwrap_or_else(|| panic!("no text {section}.{key}"))
    }

    /// Every link, to check and resolve with the others of the page.
    pub fn links_mut(&mut self) -> impl Iterator<Item = &mut Href> {
        self.sections
            .iter_mut()
            .flat_map(|(_, keys)| keys.iter_mut())
            .filter_map(|(_, value)| match value {
                Value::Link(href) => Some(href),
                Value::Text(_) => None,
            })
    }
}

type Table = BTreeMap<String, BTreeMap<String, Spanned<String>>>;

/// Reads and checks `file` against `schema`; `refs` collects the links to
/// check across files.
pub(crate) fn texts(
    file: &FileText<'_>,
    schema: &TextFile,
    refs: &mut Vec<(Ref, Loc)>,
    errors: &mut Vec<Error>,
) -> Texts {
    let table: Table = match toml::from_str(file.text) {
        Ok(table) => table,
        Err(error) => {
            let at = error.span().map_or(0, |span| span.start);
            let message = error.message().to_string();
            errors.push(file.loc(at, "").error(message));
            Table::new()
        }
    };
    let sections_known: Vec<&str> = schema.sections.iter().map(|s| s.name).collect();
    for (name, keys) in &table {
        if !sections_known.contains(&name.as_str()) {
            let at = keys.values().next().map_or(0, |v| v.span().start);
            errors.push(file.loc(at, "").error(format_args!(
                "unknown section `[{name}]`: {} has {}",
                schema.file,
                sections_known.iter().map(|s| format!("[{s}]")).collect::<Vec<_>>().join(", ")
            )));
        }
    }
    let mut sections = Vec::new();
    for section in schema.sections {
        let empty = BTreeMap::new();
        let given = table.get(section.name).unwrap_or(&empty);
        let known: Vec<&str> = section.keys.iter().map(|k| k.name).collect();
        for (key, value) in given {
            if !known.contains(&key.as_str()) {
                errors.push(file.loc(value.span().start, &format!("[{}]", section.name)).error(
                    format_args!("unknown key `{key}` (check its spelling; the keys of this section are listed in {})", schema.file),
                ));
            }
        }
        let mut values = Vec::new();
        for key in section.keys {
            let context = format!("[{}] {}", section.name, key.name);
            let Some(value) = given.get(key.name) else {
                errors.push(file.file_loc().error(format_args!(
                    "{context} is missing: {} ({})",
                    key.doc,
                    if key.required.is_empty() {
                        "plain text".to_string()
                    } else {
                        format!(
                            "it must contain {}",
                            key.required
                                .iter()
                                .map(|p| format!("{{{p}}}"))
                                .collect::<Vec<_>>()
                                .join(" and ")
                        )
                    }
                )));
                continue;
            };
            let loc = file.loc(value.span().start, &context);
            match key.kind {
                Kind::Text => {
                    check_plain(file, value, &context, errors);
                    check_placeholders(value.get_ref(), key, &loc, errors);
                    values.push((key.name.to_string(), Value::Text(value.get_ref().clone())));
                }
                Kind::Link => match parse_href(value.get_ref()) {
                    Ok(href) => {
                        record_ref(&href, loc, refs);
                        values.push((key.name.to_string(), Value::Link(href)));
                    }
                    Err(message) => errors.push(loc.error(message)),
                },
            }
        }
        sections.push((section.name.to_string(), values));
    }
    Texts { sections }
}

/// `{word}` placeholders: each one used must be allowed, each required one used.
fn check_placeholders(text: &str, key: &Key, loc: &Loc, errors: &mut Vec<Error>) {
    let used = placeholders(text);
    for name in &used {
        if !key.allowed.contains(&name.as_str()) {
            let may = if key.allowed.is_empty() {
                "this text takes no placeholders".to_string()
            } else {
                format!(
                    "it may use {}",
                    key.allowed
                        .iter()
                        .map(|p| format!("{{{p}}}"))
                        .collect::<Vec<_>>()
                        .join(", ")
                )
            };
            errors.push(loc.error(format_args!(
                "`{{{name}}}` is not a placeholder of this text: {may}"
            )));
        }
    }
    for name in key.required {
        if !used.iter().any(|u| u == name) {
            errors.push(loc.error(format_args!("must contain `{{{name}}}`")));
        }
    }
}

/// The names of the `{word}` placeholders in `text`, in order.
pub fn placeholders(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut rest = text;
    while let Some(open) = rest.find('{') {
        rest = &rest[open + 1..];
        let Some(close) = rest.find('}') else { break };
        let name = &rest[..close];
        if !name.is_empty() && name.chars().all(|c| c.is_ascii_lowercase() || c == '_') {
            out.push(name.to_string());
            rest = &rest[close + 1..];
        }
    }
    out
}

fn field_name(key: &str) -> String {
    const KEYWORDS: [&str; 12] = [
        "continue", "break", "type", "move", "ref", "loop", "match", "where", "use", "impl", "mod",
        "self",
    ];
    if KEYWORDS.contains(&key) {
        format!("r#{key}")
    } else {
        key.to_string()
    }
}

fn section_type(schema: &TextFile, section: &Section) -> String {
    let stem = schema.type_name.trim_end_matches("Text");
    let camel: String = section
        .name
        .split('_')
        .map(|w| {
            let mut c = w.chars();
            c.next()
                .map(|f| f.to_ascii_uppercase().to_string() + c.as_str())
                .unwrap_or_default()
        })
        .collect();
    format!("{stem}{camel}Text")
}

/// The Rust types of every text file, for the app's `model.rs`: a struct
/// per file with a struct per section, each text a field with its doc.
/// With the app's `ssr` feature (and in its tests), also a `load` that
/// builds them from compiled [`Texts`] (fixture content, at run time).
pub fn types_code() -> String {
    let mut out = String::from("// @generated by build.rs from the schema of the content compiler (src/content/compiler/src/texts.rs). Do not edit.\n");
    for schema in TEXT_FILES {
        let _ = writeln!(
            out,
            "\n/// `{}`: {}.\n#[derive(Debug, Clone, Copy, PartialEq, Eq)]\npub struct {} {{",
            schema.file, schema.doc, schema.type_name
        );
        for section in schema.sections {
            let _ = writeln!(
                out,
                "    /// `[{}]`: {}\n    pub {}: {},",
                section.name,
                section.doc,
                field_name(section.name),
                section_type(schema, section)
            );
        }
        out.push_str("}\n");
        for section in schema.sections {
            let _ = writeln!(out, "\n/// `[{}]` of `{}`: {}\n#[derive(Debug, Clone, Copy, PartialEq, Eq)]\npub struct {} {{", section.name, schema.file, section.doc, section_type(schema, section));
            for key in section.keys {
                let ty = match key.kind {
                    Kind::Text => "&'static str",
                    Kind::Link => "Href",
                };
                let places = if key.allowed.is_empty() {
                    String::new()
                } else {
                    format!(
                        " Placeholders: {}.",
                        key.allowed
                            .iter()
                            .map(|p| format!("`{{{p}}}`"))
                            .collect::<Vec<_>>()
                            .join(", ")
                    )
                };
                let _ = writeln!(
                    out,
                    "    /// {}{places}\n    pub {}: {ty},",
                    key.doc,
                    field_name(key.name)
                );
            }
            out.push_str("}\n");
        }
        // Every text empty: for a build that shows none of this file's
        // words but must still fill in a `Content` (the widgets').
        let _ = writeln!(out, "\nimpl {} {{\n    /// Every text empty (a build that shows none of `{}`).\n    pub const BLANK: Self = {} {{", schema.type_name, schema.file, schema.type_name);
        write_sections(&mut out, schema, "        ", |_, key| match key.kind {
            Kind::Text => "\"\"".to_string(),
            Kind::Link => "Href::External(\"\")".to_string(),
        });
        out.push_str("    };\n}\n");
        let _ = writeln!(out, "\n#[cfg(any(test, feature = \"ssr\"))]\nimpl {} {{\n    /// Builds the texts from compiled ones, leaking them: for content compiled at run time (tests).\n    pub fn load(texts: &asana_content::texts::Texts) -> Self {{\n        {} {{", schema.type_name, schema.type_name);
        write_sections(&mut out, schema, "            ", |section, key| {
            let getter = match key.kind {
                Kind::Text => "load_text",
                Kind::Link => "load_link",
            };
            format!(
                "super::load::{getter}(texts, {:?}, {:?})",
                section.name, key.name
            )
        });
        out.push_str("        }\n    }\n}\n");
    }
    out
}

/// The fields of a text file's struct literal, one section struct each,
/// every key's value given by `value`, at `indent`.
fn write_sections(
    out: &mut String,
    schema: &TextFile,
    indent: &str,
    value: impl Fn(&Section, &Key) -> String,
) {
    for section in schema.sections {
        let _ = writeln!(
            out,
            "{indent}{}: {} {{",
            field_name(section.name),
            section_type(schema, section)
        );
        for key in section.keys {
            let _ = writeln!(
                out,
                "{indent}    {}: {},",
                field_name(key.name),
                value(section, key)
            );
        }
        let _ = writeln!(out, "{indent}}},");
    }
}

/// The data of one text file, as a Rust expression of its type.
pub(crate) fn data_code(
    schema: &TextFile,
    texts: &Texts,
    href_code: impl Fn(&Href) -> String,
) -> String {
    let mut out = format!("{} {{\n", schema.type_name);
    for section in schema.sections {
        let _ = writeln!(
            out,
            "        {}: {} {{",
            field_name(section.name),
            section_type(schema, section)
        );
        for key in section.keys {
            let value = match texts.get(section.name, key.name) {
                Value::Text(text) => format!("{text:?}"),
                Value::Link(href) => href_code(href),
            };
            let _ = writeln!(out, "            {}: {value},", field_name(key.name));
        }
        out.push_str("        },\n");
    }
    out.push_str("    }");
    out
}
