//! `carriers.toml`: the carriers and what the insurance checker knows and says.

use crate::names as carrier_text;
use crate::slug::is_slug;
use crate::slug::slugify;
use std::collections::HashMap;
use toml::Spanned;

use crate::compiled::{
    Alias, Carrier, Checker, CheckerText, LoadText, OtherInsurer, OutcomeText, ParentBrand,
};
use crate::error::{Error, FileText, Loc};
use crate::files::{AliasEntry, CarriersFile, CheckerTable, Str};
use crate::text::check_plain;

pub(crate) fn carriers(
    file: &FileText<'_>,
    carriers: &CarriersFile,
    errors: &mut Vec<Error>,
) -> (Vec<Carrier>, Checker) {
    if carriers.carrier.is_empty() {
        errors.push(
            file.file_loc()
                .error("no carriers: add `[[carrier]]` tables"),
        );
    }
    let ignore = ignore_words(file, &carriers.checker.ignore, errors);
    let mut names = NameIndex::new(&ignore);
    let mut seen: HashMap<&str, Loc> = HashMap::new();
    let mut out = Vec::new();
    for (index, carrier) in carriers.carrier.iter().enumerate() {
        let id = carrier.id.get_ref();
        let context = format!("carrier {} (id {id:?})", index + 1);
        let loc = file.loc(carrier.id.span().start, &format!("{context} id"));
        if !is_slug(id) {
            errors.push(loc.error(format_args!(
                "`{id}` must be lowercase letters and digits joined by single hyphens, like `{}`",
                slugify(id)
            )));
        } else if let Some(first) = seen.get(id.as_str()) {
            errors.push(loc.error(format_args!(
                "duplicate carrier id `{id}` (first used at {})",
                first.position()
            )));
        } else {
            seen.insert(id, loc);
        }
        check_plain(file, &carrier.name, &format!("{context} name"), errors);
        let words = names.add(
            file,
            &carrier.name,
            &context,
            &format!("{context} name"),
            errors,
        );
        let aliases = aliases(file, &carrier.aliases, &context, &mut names, errors);
        out.push(Carrier {
            id: id.clone(),
            name: carrier.name.get_ref().clone(),
            words,
            aliases,
        });
    }

    let mut parents = Vec::new();
    for (index, parent) in carriers.parent.iter().enumerate() {
        let context = format!("parent {} ({:?})", index + 1, parent.name.get_ref());
        check_plain(file, &parent.name, &format!("{context} name"), errors);
        check_plain(file, &parent.note, &format!("{context} note"), errors);
        let words = names.add(
            file,
            &parent.name,
            &context,
            &format!("{context} name"),
            errors,
        );
        let aliases = aliases(file, &parent.aliases, &context, &mut names, errors);
        let mut owned: Vec<String> = Vec::new();
        for id in &parent.carriers {
            let loc = file.loc(id.span().start, &format!("{context} carriers"));
            let id = id.get_ref();
            if !seen.contains_key(id.as_str()) {
                errors.push(loc.error(format_args!("`{id}` is not the id of a [[carrier]]")));
            } else if owned.contains(id) {
                errors.push(loc.error(format_args!("`{id}` is listed twice")));
            } else {
                owned.push(id.clone());
            }
        }
        if parent.carriers.is_empty() {
            errors.push(
                file.loc(parent.name.span().start, &format!("{context} carriers"))
                    .error("list the ids of the in-network carriers it owns"),
            );
        }
        parents.push(ParentBrand {
            name: parent.name.get_ref().clone(),
            words,
            aliases,
            note: parent.note.get_ref().clone(),
            carriers: owned,
        });
    }

    let mut others = Vec::new();
    for (index, other) in carriers.other.iter().enumerate() {
        let context = format!("other {} ({:?})", index + 1, other.name.get_ref());
        check_plain(file, &other.name, &format!("{context} name"), errors);
        if let Some(note) = &other.note {
            check_plain(file, note, &format!("{context} note"), errors);
        }
        let words = names.add(
            file,
            &other.name,
            &context,
            &format!("{context} name"),
            errors,
        );
        let aliases = aliases(file, &other.aliases, &context, &mut names, errors);
        others.push(OtherInsurer {
            name: other.name.get_ref().clone(),
            words,
            aliases,
            note: other.note.as_ref().map(|note| note.get_ref().clone()),
        });
    }

    let checker = Checker {
        text: checker_text(file, &carriers.checker, errors),
        parents,
        others,
        ignore,
    };
    (out, checker)
}

/// The placeholders the checker fills in, and where each may be used.
pub(crate) const TEMPLATE_NAMES: [&str; 3] = ["carrier", "typed", "count"];

/// Checks `[checker]` wording: required, plain text, and only the
/// placeholders the field offers (`required` must be there).
pub(crate) fn checker_text(
    file: &FileText<'_>,
    table: &CheckerTable,
    errors: &mut Vec<Error>,
) -> CheckerText {
    let mut text = |value: &Str, field: &str, allowed: &[&str], required: &[&str]| {
        let context = format!("[checker] {field}");
        check_plain(file, value, &context, errors);
        check_template(file, value, &context, allowed, required, errors);
        value.get_ref().clone()
    };
    let label = text(&table.label, "label", &[], &[]);
    let hint = text(&table.hint, "hint", &[], &[]);
    let suggestions = text(&table.suggestions, "suggestions", &[], &[]);
    let verify = text(&table.verify, "verify", &[], &[]);
    let prefill = text(&table.prefill, "prefill", &["carrier"], &["carrier"]);
    let options_one = text(&table.options_one, "options_one", &[], &[]);
    let options_many = text(&table.options_many, "options_many", &["count"], &["count"]);
    let in_network = OutcomeText {
        heading: text(
            &table.in_network.heading,
            "in_network heading",
            &["carrier"],
            &["carrier"],
        ),
        body: text(&table.in_network.body, "in_network body", &["carrier"], &[]),
    };
    let in_network_alias = text(
        &table.in_network.alias,
        "in_network alias",
        &["carrier", "typed"],
        &["typed"],
    );
    let not_listed = OutcomeText {
        heading: text(
            &table.not_listed.heading,
            "not_listed heading",
            &["typed"],
            &[],
        ),
        body: text(&table.not_listed.body, "not_listed body", &["typed"], &[]),
    };
    let unclear = OutcomeText {
        heading: text(&table.unclear.heading, "unclear heading", &["typed"], &[]),
        body: text(&table.unclear.body, "unclear body", &["typed"], &[]),
    };
    let load = LoadText {
        loading: text(&table.load.loading, "load loading", &[], &[]),
        load_failed_heading: text(
            &table.load.load_failed_heading,
            "load load_failed_heading",
            &[],
            &[],
        ),
        load_failed: text(&table.load.load_failed, "load load_failed", &[], &[]),
        needs_script: text(&table.load.needs_script, "load needs_script", &[], &[]),
    };
    CheckerText {
        label,
        hint,
        suggestions,
        verify,
        prefill,
        options_one,
        options_many,
        in_network,
        in_network_alias,
        not_listed,
        unclear,
        load,
    }
}

/// Checks the `{name}` placeholders of a wording.
pub(crate) fn check_template(
    file: &FileText<'_>,
    value: &Str,
    context: &str,
    allowed: &[&str],
    required: &[&str],
    errors: &mut Vec<Error>,
) {
    let loc = file.loc(value.span().start, context);
    let offer = |allowed: &[&str]| {
        if allowed.is_empty() {
            "this text has no placeholders".to_string()
        } else {
            let names: Vec<String> = allowed.iter().map(|name| format!("`{{{name}}}`")).collect();
            format!("this text may use {}", names.join(", "))
        }
    };
    let mut found = Vec::new();
    let mut rest = value.get_ref().as_str();
    while let Some(open) = rest.find(['{', '}']) {
        if rest[open..].starts_with('}') {
            errors.push(loc.error("`}` without `{`: write placeholders as `{name}`"));
            return;
        }
        let Some(close) = rest[open..].find('}') else {
            errors.push(loc.error("`{` without `}`: write placeholders as `{name}`"));
            return;
        };
        let name = &rest[open + 1..open + close];
        if !allowed.contains(&name) {
            let what = if TEMPLATE_NAMES.contains(&name) {
                format!("`{{{name}}}` cannot be used here")
            } else {
                format!("unknown placeholder `{{{name}}}`")
            };
            errors.push(loc.error(format_args!("{what}: {}", offer(allowed))));
        }
        found.push(name);
        rest = &rest[open + close + 1..];
    }
    for name in required {
        if !found.contains(name) {
            errors.push(loc.error(format_args!("must contain `{{{name}}}`")));
        }
    }
}

/// `[checker] ignore`: single normalised words, each once.
pub(crate) fn ignore_words(
    file: &FileText<'_>,
    ignore: &[Str],
    errors: &mut Vec<Error>,
) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for word in ignore {
        let loc = file.loc(word.span().start, "[checker] ignore");
        let text = word.get_ref();
        if !carrier_text::is_word(text) {
            let suggestion = carrier_text::normalise(text, &[]);
            errors.push(loc.error(format_args!(
                "`{text}` must be one word in lowercase letters and digits, like `{}`",
                suggestion.split(' ').next().unwrap_or("insurance")
            )));
        } else if out.contains(text) {
            errors.push(loc.error(format_args!("`{text}` is listed twice")));
        } else {
            out.push(text.clone());
        }
    }
    out
}

pub(crate) fn aliases(
    file: &FileText<'_>,
    entries: &[Spanned<AliasEntry>],
    owner: &str,
    names: &mut NameIndex,
    errors: &mut Vec<Error>,
) -> Vec<Alias> {
    let mut out = Vec::new();
    for (index, entry) in entries.iter().enumerate() {
        let context = format!("{owner} alias {}", index + 1);
        let (name, note) = match entry.get_ref() {
            AliasEntry::Plain(name) => (Spanned::new(entry.span(), name.clone()), None),
            AliasEntry::Noted { name, note } => {
                check_plain(file, note, &format!("{context} note"), errors);
                (name.clone(), Some(note.get_ref().clone()))
            }
        };
        check_plain(file, &name, &context, errors);
        let words = names.add(file, &name, owner, &context, errors);
        out.push(Alias {
            name: name.get_ref().clone(),
            words,
            note,
        });
    }
    out
}

/// Every name the checker knows, to find two that read the same: in any
/// word order or spacing, a name must lead to one insurer only.
pub(crate) struct NameIndex {
    pub(crate) ignore: Vec<String>,
    /// By its sorted words: the name, its owner and where it was written.
    pub(crate) by_words: HashMap<String, (String, String, Loc)>,
    /// The same by its words run together.
    pub(crate) by_concat: HashMap<String, (String, String, Loc)>,
}

impl NameIndex {
    pub(crate) fn new(ignore: &[String]) -> Self {
        NameIndex {
            ignore: ignore.to_vec(),
            by_words: HashMap::new(),
            by_concat: HashMap::new(),
        }
    }

    /// Checks the name `value` of `owner` and returns its words.
    pub(crate) fn add(
        &mut self,
        file: &FileText<'_>,
        value: &Str,
        owner: &str,
        context: &str,
        errors: &mut Vec<Error>,
    ) -> Vec<String> {
        let loc = file.loc(value.span().start, context);
        let name = value.get_ref();
        let ignore: Vec<&str> = self.ignore.iter().map(String::as_str).collect();
        let normal = carrier_text::normalise(name, &ignore);
        let words: Vec<String> = normal.split_whitespace().map(str::to_string).collect();
        if name.trim().is_empty() {
            return words; // check_plain reports it
        }
        if words.is_empty() {
            errors.push(loc.error(format_args!(
                "`{name}` has no words left once the [checker] ignore words are left out"
            )));
            return words;
        }
        if words.len() > carrier_text::MAX_NAME_WORDS {
            errors.push(loc.error(format_args!(
                "`{name}` has more than {} words to match; shorten it",
                carrier_text::MAX_NAME_WORDS
            )));
        }
        let mut sorted = words.clone();
        sorted.sort();
        let (by_words, by_concat) = (sorted.join(" "), words.concat());
        // Spelling a name with and without spaces ("BlueCross", "Blue Cross")
        // helps matching when more words follow, so only another insurer's
        // name may not share the run-together form.
        let clash = self.by_words.get(&by_words).or_else(|| {
            self.by_concat
                .get(&by_concat)
                .filter(|(_, first_owner, _)| first_owner != owner)
        });
        if let Some((first, first_owner, first_loc)) = clash {
            let message = if first_owner == owner {
                format!(
                    "`{name}` reads the same as `{first}` ({}), so it adds nothing",
                    first_loc.position()
                )
            } else {
                format!(
                    "`{name}` reads the same as `{first}` of {first_owner} ({}): a name must lead to one insurer",
                    first_loc.position()
                )
            };
            errors.push(loc.error(message));
            return words;
        }
        let entry = (name.clone(), owner.to_string(), loc);
        self.by_concat
            .entry(by_concat)
            .or_insert_with(|| entry.clone());
        self.by_words.insert(by_words, entry);
        words
    }
}
