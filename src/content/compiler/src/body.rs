//! `article.md`, `faq.toml` and `offers.toml`: the text of the page.

use crate::slug::is_slug;
use crate::slug::slugify;

use crate::compile::Checks;
use crate::compiled::{Action, Block, FaqItem, Offer, Section};
use crate::error::{Error, FileText};
use crate::files::{FaqFile, OffersFile, Str};
use crate::links::{parse_href, record_ref};
use crate::markdown::{convert, Flow, MdSource, Mode};
use crate::text::check_plain;
use crate::OFFERS;

/// Compiles `article.md` into sections.
pub(crate) fn article(
    file: &FileText<'_>,
    checks: &mut Checks,
    errors: &mut Vec<Error>,
) -> Vec<Section> {
    let source = MdSource::file(file);
    let (converted, mut found) = convert(&source, Mode::Article);
    errors.append(&mut found);
    let hint = "write `{#another-id}` after the heading to choose another";
    checks
        .ids
        .extend(converted.ids.into_iter().map(|(id, loc)| (id, loc, hint)));
    checks.refs.extend(converted.refs);
    checks.embeds.extend(converted.embeds);

    let mut sections: Vec<Section> = Vec::new();
    let mut reported_orphans = false;
    for (flow, loc) in converted.flow {
        match flow {
            Flow::Section { id, title } => sections.push(Section {
                id,
                title,
                blocks: Vec::new(),
            }),
            Flow::Block(block) => match sections.last_mut() {
                Some(section) => section.blocks.push(block),
                None if !reported_orphans => {
                    reported_orphans = true;
                    errors.push(loc.error("content before the first `##` heading: every part of the article belongs to a section"));
                }
                None => {}
            },
        }
    }
    if sections.is_empty() && errors.iter().all(|e| e.file != file.path) {
        errors.push(file.file_loc().error("the article has no `##` sections"));
    }
    sections
}

/// Compiles Markdown from a TOML string (FAQ answer, offer body).
pub(crate) fn body(
    file: &FileText<'_>,
    value: &Str,
    context: String,
    checks: &mut Checks,
    errors: &mut Vec<Error>,
) -> Vec<Block> {
    if value.get_ref().trim().is_empty() {
        errors.push(
            file.loc(value.span().start, &context)
                .error("must not be empty"),
        );
        return Vec::new();
    }
    let source = MdSource::toml_string(file, value, context);
    let (converted, mut found) = convert(&source, Mode::Body);
    errors.append(&mut found);
    checks.refs.extend(converted.refs);
    converted
        .flow
        .into_iter()
        .filter_map(|(flow, _)| match flow {
            Flow::Block(block) => Some(block),
            Flow::Section { .. } => None,
        })
        .collect()
}

pub(crate) fn faq(
    file: &FileText<'_>,
    faq: &FaqFile,
    checks: &mut Checks,
    errors: &mut Vec<Error>,
) -> Vec<FaqItem> {
    if faq.item.is_empty() {
        errors.push(file.file_loc().error("no questions: add `[[item]]` tables"));
    }
    let mut items = Vec::new();
    for (index, item) in faq.item.iter().enumerate() {
        let id = item.id.get_ref();
        let context = format!("item {} (id {id:?})", index + 1);
        let id_loc = file.loc(item.id.span().start, &format!("{context} id"));
        if !is_slug(id) {
            let suggestion = slugify(id);
            let suggestion = if suggestion.is_empty() {
                "my-question".to_string()
            } else {
                suggestion
            };
            errors.push(id_loc.error(format_args!(
                "`{id}` must be lowercase letters and digits joined by single hyphens, like `{suggestion}`"
            )));
        } else {
            checks
                .ids
                .push((format!("faq-{id}"), id_loc, "change this item's id"));
        }
        check_plain(file, &item.question, &format!("{context} question"), errors);
        let answer = body(
            file,
            &item.answer,
            format!("{context} answer"),
            checks,
            errors,
        );
        items.push(FaqItem {
            id: format!("faq-{id}"),
            question: item.question.get_ref().clone(),
            answer,
        });
    }
    items
}

pub(crate) fn offers(
    file: &FileText<'_>,
    offers: &OffersFile,
    checks: &mut Checks,
    errors: &mut Vec<Error>,
) -> [Offer; 6] {
    let mut compiled = offers
        .tables()
        .into_iter()
        .zip(OFFERS)
        .map(|(table, (name, id))| {
            check_plain(file, &table.heading, &format!("[{name}] heading"), errors);
            let body = body(file, &table.body, format!("[{name}] body"), checks, errors);
            let mut actions = Vec::new();
            for (index, action) in table.actions.iter().enumerate() {
                let context = format!("[{name}] action {}", index + 1);
                check_plain(file, &action.label, &format!("{context} label"), errors);
                let loc = file.loc(action.href.span().start, &format!("{context} href"));
                match parse_href(action.href.get_ref()) {
                    Ok(href) => {
                        record_ref(&href, loc, &mut checks.refs);
                        actions.push(Action {
                            label: action.label.get_ref().clone(),
                            href,
                        });
                    }
                    Err(message) => errors.push(loc.error(message)),
                }
            }
            Offer {
                id: id.to_string(),
                heading: table.heading.get_ref().clone(),
                body,
                actions,
            }
        });
    std::array::from_fn(|_| compiled.next().expect("six offers"))
}
