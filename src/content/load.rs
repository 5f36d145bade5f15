//! Content compiled at run time instead of build time, for the native tests
//! (`cfg(test)`, or the `ssr` feature for integration tests): the fixture
//! content of `tests/fixtures/content/`, or an edited copy of any content
//! folder. [`load`] runs the same compiler as `build.rs` and leaks the result
//! into the `'static` model, which is what `build.rs`'s generated code holds
//! (a test checks both agree on the shipped content).

use std::path::Path;
use std::sync::OnceLock;

use asana_content::compiled as c;
use asana_content::texts::{Texts, Value};

use super::model::*;

/// Compiles the content folder `dir`; every problem, one a line, if it has any.
pub fn load(dir: &Path) -> Result<&'static Content, String> {
    let compiled =
        asana_content::compile(&asana_content::Sources::read(dir)).map_err(|errors| {
            errors
                .iter()
                .map(ToString::to_string)
                .collect::<Vec<_>>()
                .join("\n")
        })?;
    Ok(leak(content(&compiled)))
}

/// The tests' own content, `tests/fixture/content/`: the same kinds of
/// things as the shipped content, with words of its own, so editing the
/// shipped content never breaks a test.
///
/// # Panics
/// If the fixture does not compile; that is a broken test set.
pub fn fixture() -> &'static Content {
    static FIXTURE: OnceLock<&'static Content> = OnceLock::new();
    FIXTURE.get_or_init(|| {
        let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/content");
        load(&dir)
            .unwrap_or_else(|errors| panic!("the fixture content does not compile:\n{errors}"))
    })
}

fn leak<T>(value: T) -> &'static T {
    Box::leak(Box::new(value))
}

fn s(text: &str) -> &'static str {
    Box::leak(text.to_string().into_boxed_str())
}

fn all<A, B: 'static>(items: &[A], f: impl Fn(&A) -> B) -> &'static [B] {
    Box::leak(items.iter().map(f).collect::<Vec<_>>().into_boxed_slice())
}

fn words(words: &[String]) -> &'static [&'static str] {
    all(words, |w| s(w))
}

/// A text of a compiled text file (used by the generated `load`s).
pub(super) fn load_text(texts: &Texts, section: &str, key: &str) -> &'static str {
    match texts.get(section, key) {
        Value::Text(text) => s(text),
        Value::Link(_) => panic!("{section}.{key} is a link, not a text"),
    }
}

/// A link of a compiled text file (used by the generated `load`s).
pub(super) fn load_link(texts: &Texts, section: &str, key: &str) -> Href {
    match texts.get(section, key) {
        Value::Link(href) => href_of(href),
        Value::Text(_) => panic!("{section}.{key} is a text, not a link"),
    }
}

fn href_of(href: &c::Href) -> Href {
    match href {
        c::Href::Site(path) => Href::Site(s(path)),
        c::Href::Anchor(id) => Href::Anchor(s(id)),
        c::Href::External(url) => Href::External(s(url)),
        c::Href::Call => Href::Call,
        c::Href::Text => Href::Text,
    }
}

fn inline(inline: &c::Inline) -> Inline {
    match inline {
        c::Inline::Text(text) => Inline::Text(s(text)),
        c::Inline::Strong(children) => Inline::Strong(all(children, self::inline)),
        c::Inline::Emphasis(children) => Inline::Emphasis(all(children, self::inline)),
        c::Inline::Link { href, children } => Inline::Link {
            href: href_of(href),
            children: all(children, self::inline),
        },
    }
}

fn block(block: &c::Block) -> Block {
    match block {
        c::Block::Paragraph(inlines) => Block::Paragraph(all(inlines, inline)),
        c::Block::SubHeading(sub) => Block::SubHeading(SubHeading {
            id: s(&sub.id),
            text: s(&sub.text),
            in_toc: sub.in_toc,
        }),
        c::Block::List { ordered, items } => Block::List {
            ordered: *ordered,
            items: all(items, |item| all(item, inline)),
        },
        c::Block::Embed(embed) => Block::Embed(match embed {
            c::Embed::InsuranceCta => Embed::InsuranceCta,
            c::Embed::SharedExperience => Embed::SharedExperience,
            c::Embed::Faq => Embed::Faq,
            c::Embed::Crisis => Embed::Crisis,
        }),
    }
}

fn blocks(items: &[c::Block]) -> &'static [Block] {
    all(items, block)
}

fn alias(alias: &c::Alias) -> Alias {
    Alias {
        name: s(&alias.name),
        words: words(&alias.words),
        note: alias.note.as_deref().map(s),
    }
}

fn offer(offer: &c::Offer) -> Offer {
    Offer {
        id: s(&offer.id),
        heading: s(&offer.heading),
        body: blocks(&offer.body),
        actions: all(&offer.actions, |a| Action {
            label: s(&a.label),
            href: href_of(&a.href),
        }),
    }
}

fn outcome(text: &c::OutcomeText) -> OutcomeText {
    OutcomeText {
        heading: s(&text.heading),
        body: s(&text.body),
    }
}

fn content(c: &c::Content) -> Content {
    let t = &c.checker.text;
    Content {
        site: Site {
            name: s(&c.site.name),
            base_url: s(&c.site.base_url),
            lang: s(&c.site.lang),
            phone: Phone {
                display: s(&c.site.phone.display),
                e164: s(&c.site.phone.e164),
            },
            call_label: s(&c.site.call_label),
            text_label: s(&c.site.text_label),
        },
        article: Article {
            title: s(&c.article.title),
            description: s(&c.article.description),
            path: s(&c.article.path),
            review: Review {
                author: s(&c.article.review.author),
                reviewer: s(&c.article.review.reviewer),
                reviewed: s(&c.article.review.reviewed),
            },
            sections: all(&c.article.sections, |section| Section {
                id: s(&section.id),
                title: s(&section.title),
                blocks: blocks(&section.blocks),
            }),
        },
        not_found: NotFound {
            heading: s(&c.not_found.heading),
            body: s(&c.not_found.body),
            link: s(&c.not_found.link),
        },
        app: WebApp {
            short_name: s(&c.app.short_name),
            theme_color: s(&c.app.theme_color),
            theme_color_dark: s(&c.app.theme_color_dark),
            background_color: s(&c.app.background_color),
            background_color_dark: s(&c.app.background_color_dark),
            icon: s(&c.app.icon),
            icon_background: s(&c.app.icon_background),
        },
        crisis: blocks(&c.crisis),
        disclaimer: blocks(&c.disclaimer),
        forms: FormsText::load(&c.forms),
        ui: UiText::load(&c.ui),
        faq: all(&c.faq, |item| FaqItem {
            id: s(&item.id),
            question: s(&item.question),
            answer: blocks(&item.answer),
        }),
        carriers: all(&c.carriers, |carrier| Carrier {
            id: s(&carrier.id),
            name: s(&carrier.name),
            words: words(&carrier.words),
            aliases: all(&carrier.aliases, alias),
        }),
        checker: Checker {
            text: CheckerText {
                label: s(&t.label),
                hint: s(&t.hint),
                suggestions: s(&t.suggestions),
                verify: s(&t.verify),
                prefill: s(&t.prefill),
                options_one: s(&t.options_one),
                options_many: s(&t.options_many),
                in_network: outcome(&t.in_network),
                in_network_alias: s(&t.in_network_alias),
                not_listed: outcome(&t.not_listed),
                unclear: outcome(&t.unclear),
                load: LoadText {
                    loading: s(&t.load.loading),
                    load_failed_heading: s(&t.load.load_failed_heading),
                    load_failed: s(&t.load.load_failed),
                    needs_script: s(&t.load.needs_script),
                },
            },
            parents: all(&c.checker.parents, |p| ParentBrand {
                name: s(&p.name),
                words: words(&p.words),
                aliases: all(&p.aliases, alias),
                note: s(&p.note),
                carriers: words(&p.carriers),
            }),
            others: all(&c.checker.others, |o| OtherInsurer {
                name: s(&o.name),
                words: words(&o.words),
                aliases: all(&o.aliases, alias),
                note: o.note.as_deref().map(s),
            }),
            ignore: words(&c.checker.ignore),
        },
        insurance_cta: offer(&c.insurance_cta),
        shared_experience: offer(&c.shared_experience),
        verify_insurance: offer(&c.verify_insurance),
        book: offer(&c.book),
        closing_cta: offer(&c.closing_cta),
        help: offer(&c.help),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_broken_folder_reports_every_problem() {
        let errors = load(Path::new("/nonexistent")).unwrap_err();
        assert!(errors.contains("site.toml: cannot read"), "{errors}");
        assert!(errors.contains("ui.toml: cannot read"), "{errors}");
    }
}
