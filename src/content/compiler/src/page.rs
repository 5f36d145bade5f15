//! Checks across files: anchors, embeds and site links.

use std::collections::BTreeMap;
use std::collections::HashMap;

use crate::compile::Checks;
use crate::compiled::{Block, Content, Embed, Href, Inline};
use crate::error::{Error, FileText, Loc};
use crate::files::Str;
use crate::links::Ref;
use crate::{CONTACT_ID, OFFERS};

/// Checks across files: unique anchors, link targets, `{{name}}` blocks.
pub(crate) fn check_page(
    checks: &Checks,
    article: Option<&FileText<'_>>,
    links: Option<&BTreeMap<String, Str>>,
    faq_read: bool,
    errors: &mut Vec<Error>,
) {
    let mut reserved: HashMap<&str, String> = OFFERS
        .iter()
        .map(|(name, id)| (*id, format!("offers.toml [{name}]")))
        .collect();
    reserved.insert(CONTACT_ID, "the contact form".to_string());

    let mut defined: HashMap<&str, &Loc> = HashMap::new();
    for (id, loc, hint) in &checks.ids {
        if let Some(owner) = reserved.get(id.as_str()) {
            errors.push(loc.error(format_args!(
                "anchor `#{id}` is reserved for {owner}: {hint}"
            )));
        } else if let Some(first) = defined.get(id.as_str()) {
            errors.push(loc.error(format_args!(
                "duplicate anchor `#{id}` (first used at {}): {hint}",
                first.position()
            )));
        } else {
            defined.insert(id, loc);
        }
    }

    let mut embedded: HashMap<Embed, usize> = HashMap::new();
    for (embed, loc) in &checks.embeds {
        let count = embedded.entry(*embed).or_default();
        *count += 1;
        // The crisis note goes wherever the text needs it.
        if *count == 2 && *embed != Embed::Crisis {
            errors.push(loc.error(format_args!(
                "`{{{{{}}}}}` may appear only once in the article",
                embed.name()
            )));
        }
    }
    if let Some(article) = article {
        if !embedded.contains_key(&Embed::Faq) {
            errors.push(article.file_loc().error("`{{faq}}` is missing: it must appear once, as a paragraph of its own, to place the questions of faq.toml"));
        }
    }

    for (target, loc) in &checks.refs {
        match target {
            Ref::Site(key) => {
                if links.is_some_and(|links| !links.contains_key(key)) {
                    errors.push(loc.error(format_args!(
                        "link key `{key}` is not defined in site.toml [links]"
                    )));
                }
            }
            Ref::Anchor(id) => {
                let embed = match id.as_str() {
                    "insurance-cta" => Some(Embed::InsuranceCta),
                    "shared-experience" => Some(Embed::SharedExperience),
                    _ => None,
                };
                let exists = match embed {
                    Some(embed) => embedded.contains_key(&embed) || article.is_none(),
                    None => {
                        defined.contains_key(id.as_str())
                            || reserved.contains_key(id.as_str())
                            || (!faq_read && id.starts_with("faq-"))
                    }
                };
                if !exists {
                    let message = match embed {
                        Some(embed) => format!(
                            "anchor `#{id}` is not on the page: place `{{{{{}}}}}` in article.md",
                            embed.name()
                        ),
                        None => format!("anchor `#{id}` does not exist on this page"),
                    };
                    errors.push(loc.error(message));
                }
            }
        }
    }
}

pub(crate) fn resolve_site_links(content: &mut Content, links: &BTreeMap<String, Str>) {
    let resolve = |href: &mut Href| {
        if let Href::Site(key) = href {
            if let Some(path) = links.get(key.as_str()) {
                *key = path.get_ref().clone();
            }
        }
    };
    fn in_inlines(inlines: &mut [Inline], resolve: &dyn Fn(&mut Href)) {
        for inline in inlines {
            match inline {
                Inline::Text(_) => {}
                Inline::Strong(children) | Inline::Emphasis(children) => {
                    in_inlines(children, resolve)
                }
                Inline::Link { href, children } => {
                    resolve(href);
                    in_inlines(children, resolve);
                }
            }
        }
    }
    fn in_blocks(blocks: &mut [Block], resolve: &dyn Fn(&mut Href)) {
        for block in blocks {
            match block {
                Block::Paragraph(children) => in_inlines(children, resolve),
                Block::List { items, .. } => {
                    items.iter_mut().for_each(|item| in_inlines(item, resolve))
                }
                Block::SubHeading(_) | Block::Embed(_) => {}
            }
        }
    }
    for section in &mut content.article.sections {
        in_blocks(&mut section.blocks, &resolve);
    }
    for item in &mut content.faq {
        in_blocks(&mut item.answer, &resolve);
    }
    in_blocks(&mut content.crisis, &resolve);
    in_blocks(&mut content.disclaimer, &resolve);
    content.forms.links_mut().for_each(&resolve);
    content.ui.links_mut().for_each(&resolve);
    for offer in [
        &mut content.insurance_cta,
        &mut content.shared_experience,
        &mut content.verify_insurance,
        &mut content.book,
        &mut content.closing_cta,
        &mut content.help,
    ] {
        in_blocks(&mut offer.body, &resolve);
        offer
            .actions
            .iter_mut()
            .for_each(|action| resolve(&mut action.href));
    }
}
