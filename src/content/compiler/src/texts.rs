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
            Key { name: "heading", doc: "heading", kind: Kind::Text, required: &[], allowed: &[] },
            Key { name: "intro", doc: "intro", kind: Kind::Text, required: &[], allowed: &[] },
            Key { name: "call_instead", doc: "call instead", kind: Kind::Text, required: &[], allowed: &[] },
            Key { name: "progress", doc: "Above each step's heading.", kind: Kind::Text, required: &["n", "total"], allowed: &["n", "total"] },
            Key { name: "continue", doc: "continue", kind: Kind::Text, required: &[], allowed: &[] },
            Key { name: "back", doc: "back", kind: Kind::Text, required: &[], allowed: &[] },
            Key { name: "send", doc: "send", kind: Kind::Text, required: &[], allowed: &[] },
            Key { name: "sending", doc: "sending", kind: Kind::Text, required: &[], allowed: &[] },
            Key { name: "optional", doc: "optional", kind: Kind::Text, required: &[], allowed: &[] },
            Key { name: "step_who", doc: "step who", kind: Kind::Text, required: &[], allowed: &[] },
            Key { name: "step_details", doc: "step details", kind: Kind::Text, required: &[], allowed: &[] },
            Key { name: "step_insurance", doc: "step insurance", kind: Kind::Text, required: &[], allowed: &[] },
            Key { name: "step_message", doc: "step message", kind: Kind::Text, required: &[], allowed: &[] },
            Key { name: "step_check", doc: "step check", kind: Kind::Text, required: &[], allowed: &[] },
            Key { name: "who_legend", doc: "who legend", kind: Kind::Text, required: &[], allowed: &[] },
            Key { name: "who_me", doc: "who me", kind: Kind::Text, required: &[], allowed: &[] },
            Key { name: "who_someone", doc: "who someone", kind: Kind::Text, required: &[], allowed: &[] },
            Key { name: "concerns_legend", doc: "concerns legend", kind: Kind::Text, required: &[], allowed: &[] },
            Key { name: "concerns_hint", doc: "concerns hint", kind: Kind::Text, required: &[], allowed: &[] },
            Key { name: "concern_drugs", doc: "concern drugs", kind: Kind::Text, required: &[], allowed: &[] },
            Key { name: "concern_alcohol", doc: "concern alcohol", kind: Kind::Text, required: &[], allowed: &[] },
            Key { name: "concern_mental_health", doc: "concern mental health", kind: Kind::Text, required: &[], allowed: &[] },
            Key { name: "name", doc: "name", kind: Kind::Text, required: &[], allowed: &[] },
            Key { name: "phone", doc: "phone", kind: Kind::Text, required: &[], allowed: &[] },
            Key { name: "phone_hint", doc: "phone hint", kind: Kind::Text, required: &[], allowed: &[] },
            Key { name: "email", doc: "email", kind: Kind::Text, required: &[], allowed: &[] },
            Key { name: "method_legend", doc: "method legend", kind: Kind::Text, required: &[], allowed: &[] },
            Key { name: "method_call", doc: "method call", kind: Kind::Text, required: &[], allowed: &[] },
            Key { name: "method_text", doc: "method text", kind: Kind::Text, required: &[], allowed: &[] },
            Key { name: "method_email", doc: "method email", kind: Kind::Text, required: &[], allowed: &[] },
            Key { name: "best_time", doc: "best time", kind: Kind::Text, required: &[], allowed: &[] },
            Key { name: "time_any", doc: "time any", kind: Kind::Text, required: &[], allowed: &[] },
            Key { name: "time_morning", doc: "time morning", kind: Kind::Text, required: &[], allowed: &[] },
            Key { name: "time_afternoon", doc: "time afternoon", kind: Kind::Text, required: &[], allowed: &[] },
            Key { name: "time_evening", doc: "time evening", kind: Kind::Text, required: &[], allowed: &[] },
            Key { name: "remember", doc: "remember", kind: Kind::Text, required: &[], allowed: &[] },
            Key { name: "remember_hint", doc: "remember hint", kind: Kind::Text, required: &[], allowed: &[] },
            Key { name: "carrier", doc: "carrier", kind: Kind::Text, required: &[], allowed: &[] },
            Key { name: "carrier_hint", doc: "carrier hint", kind: Kind::Text, required: &[], allowed: &[] },
            Key { name: "member_id", doc: "member id", kind: Kind::Text, required: &[], allowed: &[] },
            Key { name: "member_id_hint", doc: "member id hint", kind: Kind::Text, required: &[], allowed: &[] },
            Key { name: "no_insurance", doc: "no insurance", kind: Kind::Text, required: &[], allowed: &[] },
            Key { name: "message", doc: "message", kind: Kind::Text, required: &[], allowed: &[] },
            Key { name: "message_hint", doc: "message hint", kind: Kind::Text, required: &[], allowed: &[] },
            Key { name: "consent", doc: "consent", kind: Kind::Text, required: &[], allowed: &[] },
            Key { name: "privacy_before", doc: "privacy before", kind: Kind::Text, required: &[], allowed: &[] },
            Key { name: "privacy_link", doc: "privacy link", kind: Kind::Text, required: &[], allowed: &[] },
            Key { name: "privacy_after", doc: "privacy after", kind: Kind::Text, required: &[], allowed: &[] },
            Key { name: "change", doc: "change", kind: Kind::Text, required: &[], allowed: &[] },
            Key { name: "answer_who", doc: "answer who", kind: Kind::Text, required: &[], allowed: &[] },
            Key { name: "answer_concerns", doc: "answer concerns", kind: Kind::Text, required: &[], allowed: &[] },
            Key { name: "answer_name", doc: "answer name", kind: Kind::Text, required: &[], allowed: &[] },
            Key { name: "answer_phone", doc: "answer phone", kind: Kind::Text, required: &[], allowed: &[] },
            Key { name: "answer_email", doc: "answer email", kind: Kind::Text, required: &[], allowed: &[] },
            Key { name: "answer_method", doc: "answer method", kind: Kind::Text, required: &[], allowed: &[] },
            Key { name: "answer_time", doc: "answer time", kind: Kind::Text, required: &[], allowed: &[] },
            Key { name: "answer_insurance", doc: "answer insurance", kind: Kind::Text, required: &[], allowed: &[] },
            Key { name: "answer_member_id", doc: "answer member id", kind: Kind::Text, required: &[], allowed: &[] },
            Key { name: "answer_message", doc: "answer message", kind: Kind::Text, required: &[], allowed: &[] },
            Key { name: "answer_consent", doc: "answer consent", kind: Kind::Text, required: &[], allowed: &[] },
            Key { name: "not_given", doc: "not given", kind: Kind::Text, required: &[], allowed: &[] },
            Key { name: "yes", doc: "yes", kind: Kind::Text, required: &[], allowed: &[] },
            Key { name: "no_insurance_answer", doc: "no insurance answer", kind: Kind::Text, required: &[], allowed: &[] },
            Key { name: "sent_heading", doc: "sent heading", kind: Kind::Text, required: &[], allowed: &[] },
            Key { name: "delivered_heading", doc: "delivered heading", kind: Kind::Text, required: &[], allowed: &[] },
            Key { name: "next_call", doc: "next call", kind: Kind::Text, required: &[], allowed: &[] },
            Key { name: "next_text", doc: "next text", kind: Kind::Text, required: &[], allowed: &[] },
            Key { name: "next_email", doc: "next email", kind: Kind::Text, required: &[], allowed: &[] },
            Key { name: "next_now", doc: "next now", kind: Kind::Text, required: &[], allowed: &[] },
            Key { name: "send_another", doc: "send another", kind: Kind::Text, required: &[], allowed: &[] },
            Key { name: "honeypot", doc: "The honeypot's label: read by no one who sees the page.", kind: Kind::Text, required: &[], allowed: &[] },
            Key { name: "privacy", doc: "The privacy notice the contact form links to: `site:key` of [links] in site.toml, or an https URL.", kind: Kind::Link, required: &[], allowed: &[] },
            ],
        },
        Section {
            name: "book",
            doc: "The one-step \"send me the free book\" form.",
            keys: &[
            Key { name: "email", doc: "email", kind: Kind::Text, required: &[], allowed: &[] },
            Key { name: "email_hint", doc: "email hint", kind: Kind::Text, required: &[], allowed: &[] },
            Key { name: "send", doc: "send", kind: Kind::Text, required: &[], allowed: &[] },
            Key { name: "sent_heading", doc: "sent heading", kind: Kind::Text, required: &[], allowed: &[] },
            Key { name: "sent", doc: "sent", kind: Kind::Text, required: &[], allowed: &[] },
            ],
        },
        Section {
            name: "status",
            doc: "Sending, failing and loading: what the forms say about themselves.",
            keys: &[
            Key { name: "unavailable_heading", doc: "unavailable heading", kind: Kind::Text, required: &[], allowed: &[] },
            Key { name: "unavailable", doc: "unavailable", kind: Kind::Text, required: &[], allowed: &[] },
            Key { name: "needs_script", doc: "Under a form when scripts are off: it cannot send without them.", kind: Kind::Text, required: &[], allowed: &[] },
            Key { name: "loading", doc: "loading", kind: Kind::Text, required: &[], allowed: &[] },
            Key { name: "load_failed_heading", doc: "The form's code did not download (shown by the page's loader).", kind: Kind::Text, required: &[], allowed: &[] },
            Key { name: "load_failed", doc: "load failed", kind: Kind::Text, required: &[], allowed: &[] },
            Key { name: "failed_heading", doc: "failed heading", kind: Kind::Text, required: &[], allowed: &[] },
            Key { name: "kept", doc: "kept", kind: Kind::Text, required: &[], allowed: &[] },
            Key { name: "network", doc: "network", kind: Kind::Text, required: &[], allowed: &[] },
            Key { name: "timeout", doc: "timeout", kind: Kind::Text, required: &[], allowed: &[] },
            Key { name: "server", doc: "server", kind: Kind::Text, required: &[], allowed: &[] },
            Key { name: "rejected", doc: "rejected", kind: Kind::Text, required: &[], allowed: &[] },
            Key { name: "try_again", doc: "try again", kind: Kind::Text, required: &[], allowed: &[] },
            Key { name: "queued_heading", doc: "queued heading", kind: Kind::Text, required: &[], allowed: &[] },
            Key { name: "queued", doc: "queued", kind: Kind::Text, required: &[], allowed: &[] },
            Key { name: "confirm_heading", doc: "confirm heading", kind: Kind::Text, required: &[], allowed: &[] },
            Key { name: "confirm", doc: "confirm", kind: Kind::Text, required: &[], allowed: &[] },
            ],
        },
        Section {
            name: "errors",
            doc: "The messages of the error summary and the fields: say what to do, not what went wrong.",
            keys: &[
            Key { name: "summary_heading", doc: "summary heading", kind: Kind::Text, required: &[], allowed: &[] },
            Key { name: "title_prefix", doc: "Before the page title while a step has a problem (followed by a space).", kind: Kind::Text, required: &[], allowed: &[] },
            Key { name: "inline_prefix", doc: "Read out before each message next to a field (hidden from sight).", kind: Kind::Text, required: &[], allowed: &[] },
            Key { name: "who", doc: "who", kind: Kind::Text, required: &[], allowed: &[] },
            Key { name: "concerns", doc: "concerns", kind: Kind::Text, required: &[], allowed: &[] },
            Key { name: "name_required", doc: "name required", kind: Kind::Text, required: &[], allowed: &[] },
            Key { name: "name_long", doc: "name long", kind: Kind::Text, required: &[], allowed: &[] },
            Key { name: "name_characters", doc: "name characters", kind: Kind::Text, required: &[], allowed: &[] },
            Key { name: "phone_or_email", doc: "phone or email", kind: Kind::Text, required: &[], allowed: &[] },
            Key { name: "phone_for_call", doc: "phone for call", kind: Kind::Text, required: &[], allowed: &[] },
            Key { name: "phone_for_text", doc: "phone for text", kind: Kind::Text, required: &[], allowed: &[] },
            Key { name: "phone_format", doc: "phone format", kind: Kind::Text, required: &[], allowed: &[] },
            Key { name: "email_required", doc: "email required", kind: Kind::Text, required: &[], allowed: &[] },
            Key { name: "email_for_email", doc: "email for email", kind: Kind::Text, required: &[], allowed: &[] },
            Key { name: "email_format", doc: "email format", kind: Kind::Text, required: &[], allowed: &[] },
            Key { name: "email_long", doc: "email long", kind: Kind::Text, required: &[], allowed: &[] },
            Key { name: "email_hidden", doc: "An email address with invisible characters (zero-width spaces, direction marks), often pasted from elsewhere.", kind: Kind::Text, required: &[], allowed: &[] },
            Key { name: "contact_method", doc: "contact method", kind: Kind::Text, required: &[], allowed: &[] },
            Key { name: "carrier_required", doc: "carrier required", kind: Kind::Text, required: &[], allowed: &[] },
            Key { name: "carrier_long", doc: "carrier long", kind: Kind::Text, required: &[], allowed: &[] },
            Key { name: "carrier_characters", doc: "carrier characters", kind: Kind::Text, required: &[], allowed: &[] },
            Key { name: "member_id_long", doc: "member id long", kind: Kind::Text, required: &[], allowed: &[] },
            Key { name: "member_id_characters", doc: "member id characters", kind: Kind::Text, required: &[], allowed: &[] },
            Key { name: "message_long", doc: "message long", kind: Kind::Text, required: &[], allowed: &[] },
            Key { name: "consent", doc: "consent", kind: Kind::Text, required: &[], allowed: &[] },
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
            Key { name: "skip_link", doc: "The first link of the page, to the article, for keyboard users.", kind: Kind::Text, required: &[], allowed: &[] },
            ],
        },
        Section {
            name: "header",
            doc: "The site header's shortcuts.",
            keys: &[
            Key { name: "nav_label", doc: "The accessible name of the header's links.", kind: Kind::Text, required: &[], allowed: &[] },
            Key { name: "verify_kicker", doc: "Before \"verify\", on wide screens.", kind: Kind::Text, required: &[], allowed: &[] },
            Key { name: "verify", doc: "The link to the insurance checker.", kind: Kind::Text, required: &[], allowed: &[] },
            Key { name: "contact_kicker", doc: "Before \"contact\", on wide screens.", kind: Kind::Text, required: &[], allowed: &[] },
            Key { name: "contact", doc: "The link to the contact form.", kind: Kind::Text, required: &[], allowed: &[] },
            ],
        },
        Section {
            name: "toc",
            doc: "The table of contents.",
            keys: &[
            Key { name: "heading", doc: "The side panel's heading (wide screens).", kind: Kind::Text, required: &[], allowed: &[] },
            Key { name: "bar_label", doc: "The accessible name of the \"On this page\" bar (narrow screens).", kind: Kind::Text, required: &[], allowed: &[] },
            Key { name: "bar_title", doc: "The bar's visible title, before the current section.", kind: Kind::Text, required: &[], allowed: &[] },
            ],
        },
        Section {
            name: "faq",
            doc: "The frequently asked questions.",
            keys: &[
            Key { name: "show_all", doc: "The button that opens every answer.", kind: Kind::Text, required: &[], allowed: &[] },
            Key { name: "hide_all", doc: "The same button once every answer is open.", kind: Kind::Text, required: &[], allowed: &[] },
            ],
        },
        Section {
            name: "copy_link",
            doc: "The \"copy link\" button next to each heading.",
            keys: &[
            Key { name: "label", doc: "The button's accessible name.", kind: Kind::Text, required: &["title"], allowed: &["title"] },
            Key { name: "copied", doc: "Announced once the link is on the clipboard.", kind: Kind::Text, required: &["title"], allowed: &["title"] },
            Key { name: "failed", doc: "Announced when copying failed; {reason} is `unavailable` or `refused`.", kind: Kind::Text, required: &["url"], allowed: &["reason", "url"] },
            Key { name: "unavailable", doc: "Why copying failed: no clipboard.", kind: Kind::Text, required: &[], allowed: &[] },
            Key { name: "refused", doc: "Why copying failed: the browser said no.", kind: Kind::Text, required: &[], allowed: &[] },
            Key { name: "done", doc: "Shown on the button for a moment after copying.", kind: Kind::Text, required: &[], allowed: &[] },
            Key { name: "not_done", doc: "Shown on the button for a moment when copying failed.", kind: Kind::Text, required: &[], allowed: &[] },
            ],
        },
        Section {
            name: "crisis",
            doc: "The crisis-help note (its text is [crisis] in site.toml).",
            keys: &[
            Key { name: "label", doc: "How screen readers name the note.", kind: Kind::Text, required: &[], allowed: &[] },
            ],
        },
        Section {
            name: "review",
            doc: "Who wrote and reviewed the article, under its title (names and date are [article] in site.toml).",
            keys: &[
            Key { name: "written_by", doc: "Before the author's name.", kind: Kind::Text, required: &[], allowed: &[] },
            Key { name: "reviewed_by", doc: "Before the medical reviewer's name.", kind: Kind::Text, required: &[], allowed: &[] },
            Key { name: "last_reviewed", doc: "Before the date of the last review.", kind: Kind::Text, required: &[], allowed: &[] },
            Key { name: "date", doc: "How the review date is written: {day}, {month} (a name below) and {year}.", kind: Kind::Text, required: &["day", "month", "year"], allowed: &["day", "month", "year"] },
            Key { name: "january", doc: "The name of month 1, for the review date.", kind: Kind::Text, required: &[], allowed: &[] },
            Key { name: "february", doc: "The name of month 2, for the review date.", kind: Kind::Text, required: &[], allowed: &[] },
            Key { name: "march", doc: "The name of month 3, for the review date.", kind: Kind::Text, required: &[], allowed: &[] },
            Key { name: "april", doc: "The name of month 4, for the review date.", kind: Kind::Text, required: &[], allowed: &[] },
            Key { name: "may", doc: "The name of month 5, for the review date.", kind: Kind::Text, required: &[], allowed: &[] },
            Key { name: "june", doc: "The name of month 6, for the review date.", kind: Kind::Text, required: &[], allowed: &[] },
            Key { name: "july", doc: "The name of month 7, for the review date.", kind: Kind::Text, required: &[], allowed: &[] },
            Key { name: "august", doc: "The name of month 8, for the review date.", kind: Kind::Text, required: &[], allowed: &[] },
            Key { name: "september", doc: "The name of month 9, for the review date.", kind: Kind::Text, required: &[], allowed: &[] },
            Key { name: "october", doc: "The name of month 10, for the review date.", kind: Kind::Text, required: &[], allowed: &[] },
            Key { name: "november", doc: "The name of month 11, for the review date.", kind: Kind::Text, required: &[], allowed: &[] },
            Key { name: "december", doc: "The name of month 12, for the review date.", kind: Kind::Text, required: &[], allowed: &[] },
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
        let _ = writeln!(out, "\n#[cfg(any(test, feature = \"ssr\"))]\nimpl {} {{\n    /// Builds the texts from compiled ones, leaking them: for content compiled at run time (tests).\n    pub fn load(texts: &asana_content::texts::Texts) -> Self {{\n        {} {{", schema.type_name, schema.type_name);
        for section in schema.sections {
            let _ = writeln!(
                out,
                "            {}: {} {{",
                field_name(section.name),
                section_type(schema, section)
            );
            for key in section.keys {
                let getter = match key.kind {
                    Kind::Text => "load_text",
                    Kind::Link => "load_link",
                };
                let _ = writeln!(
                    out,
                    "                {}: super::load::{getter}(texts, {:?}, {:?}),",
                    field_name(key.name),
                    section.name,
                    key.name
                );
            }
            out.push_str("            },\n");
        }
        out.push_str("        }\n    }\n}\n");
    }
    out
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
