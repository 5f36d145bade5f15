//! Checks on plain text fields: no left-over Markdown, nothing empty.

use crate::error::{Error, FileText};
use crate::files::Str;

/// The first sign of broken Markdown left in `text`: its byte index and what it is.
pub(crate) fn broken_markdown(text: &str) -> Option<(usize, &'static str)> {
    let mut found: Vec<(usize, &'static str)> = Vec::new();
    if let Some(i) = text.find("**") {
        found.push((
            i,
            "literal `**` in text: unbalanced or broken **strong** markup",
        ));
    }
    if let Some(i) = text.find(" * ") {
        found.push((i + 1, "literal ` * ` in text: a broken list item or emphasis (start list items on their own line with `- `)"));
    }
    if text.starts_with("* ") {
        found.push((0, "text starts with a literal `* `: a broken list item (start list items on their own line with `- `)"));
    }
    found.into_iter().min_by_key(|(i, _)| *i)
}

/// Checks a plain-text TOML string: required and without Markdown artifacts.
pub(crate) fn check_plain(
    file: &FileText<'_>,
    value: &Str,
    context: &str,
    errors: &mut Vec<Error>,
) {
    let loc = file.loc(value.span().start, context);
    let text = value.get_ref();
    if text.trim().is_empty() {
        errors.push(loc.error("must not be empty"));
    } else if let Some((_, problem)) = broken_markdown(text) {
        errors.push(loc.error(problem));
    }
}

pub(crate) fn check_required(
    file: &FileText<'_>,
    value: &Str,
    context: &str,
    errors: &mut Vec<Error>,
) {
    if value.get_ref().trim().is_empty() {
        errors.push(
            file.loc(value.span().start, context)
                .error("must not be empty"),
        );
    }
}
