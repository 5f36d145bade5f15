//! The page content: the model types, [`CONTENT`], which `build.rs`
//! compiles from the files of this folder (see its README) with the
//! content compiler (`compiler/`), and the context through which the
//! components read it.

pub mod context;
#[cfg(any(test, feature = "ssr"))]
pub mod load;
pub mod model;
pub mod template;

pub use context::{use_content, ContentCtx};
pub use model::*;

include!(concat!(env!("OUT_DIR"), "/content.rs"));

/// The content as the partner widgets carry it: what their components
/// read (the site, carriers, checker, FAQ and its controls' words, the
/// book and insurance offers), the rest blank. A static's data is kept
/// whole, so every text left in would weigh on each partner page.
#[cfg(feature = "widget")]
pub static WIDGET_CONTENT: Content = {
    let mounted = CONTENT_DATA.for_mounted_parts();
    Content {
        ui: UiText {
            faq: CONTENT_DATA.ui.faq,
            ..mounted.ui
        },
        // The two offers that are widgets of their own.
        book: CONTENT_DATA.book,
        verify_insurance: CONTENT_DATA.verify_insurance,
        ..mounted
    }
};

/// The content as the page's forms module carries it for the parts it
/// mounts besides the forms (`crate::loader::parts`: the insurance
/// checker): the site, the carriers, the checker and the ids of the
/// offers, the rest blank.
#[cfg(all(feature = "csr", not(feature = "widget")))]
pub static PARTS_CONTENT: Content = Content {
    faq: &[],
    ..CONTENT_DATA.for_mounted_parts()
};

/// The content as the page's module carries it, for its hydrated roots
/// (`crate::roots`): the article's outline instead of its prose, and blank
/// what no root shows. A static's data is kept whole, so each text left in
/// would weigh on every reader's first load.
#[cfg(feature = "hydrate")]
pub static ROOTS_CONTENT: Content = CONTENT_DATA.for_roots(OUTLINE);

impl Content {
    /// This content as the page's roots read it: `outline` (the sections
    /// with only their [`Block::in_outline`] blocks) for the sections, and
    /// blank what only the pre-render or the forms module shows (the
    /// offers, the crisis note, the disclaimer, the 404 page, the
    /// description, the checker). A native test renders every root from
    /// both and compares (`src/page/hydrate.rs`).
    pub const fn for_roots(&self, outline: &'static [Section]) -> Content {
        const fn blank(offer: Offer) -> Offer {
            Offer {
                id: offer.id,
                heading: "",
                body: &[],
                actions: &[],
            }
        }
        Content {
            article: Article {
                description: "",
                sections: outline,
                ..self.article
            },
            not_found: NotFound {
                heading: "",
                body: "",
                link: "",
            },
            crisis: &[],
            disclaimer: &[],
            insurance_cta: blank(self.insurance_cta),
            shared_experience: blank(self.shared_experience),
            verify_insurance: blank(self.verify_insurance),
            book: blank(self.book),
            closing_cta: blank(self.closing_cta),
            help: blank(self.help),
            checker: Checker::BLANK,
            ..*self
        }
    }
}

#[cfg(feature = "csr")]
impl Content {
    /// What the client-side modules (the widgets, the parts of the forms
    /// module) start from: the roots' content without even the article's
    /// outline or title, with the checker, and without the forms' and the
    /// controls' words (the forms read theirs from `FormContent::BUNDLED`).
    pub const fn for_mounted_parts(&self) -> Content {
        let roots = self.for_roots(&[]);
        Content {
            article: Article {
                title: "",
                ..roots.article
            },
            forms: FormsText::BLANK,
            ui: UiText::BLANK,
            checker: self.checker,
            ..roots
        }
    }
}

impl Checker {
    /// A checker with no words and no names besides the carriers' (what a
    /// build without the checker carries).
    pub const BLANK: Checker = {
        const NONE: OutcomeText = OutcomeText {
            heading: "",
            body: "",
        };
        Checker {
            text: CheckerText {
                label: "",
                hint: "",
                suggestions: "",
                verify: "",
                prefill: "",
                options_one: "",
                options_many: "",
                in_network: NONE,
                in_network_alias: "",
                not_listed: NONE,
                unclear: NONE,
                load: LoadText {
                    loading: "",
                    load_failed_heading: "",
                    load_failed: "",
                    needs_script: "",
                },
            },
            parents: &[],
            others: &[],
            ignore: &[],
        }
    };
}

impl Block {
    /// Whether the page's roots read this block of a section (the table of
    /// contents and the copy links read the sub-headings); the generated
    /// `OUTLINE` keeps exactly these.
    pub const fn in_outline(&self) -> bool {
        matches!(self, Block::SubHeading(_))
    }
}

/// `sections` with only their [`Block::in_outline`] blocks, as the
/// generated `OUTLINE` holds the shipped ones (for content loaded at run
/// time, the tests').
#[cfg(any(test, feature = "ssr"))]
pub fn outline(sections: &[Section]) -> &'static [Section] {
    let sections: Vec<Section> = sections
        .iter()
        .map(|section| Section {
            blocks: Box::leak(
                section
                    .blocks
                    .iter()
                    .filter(|block| block.in_outline())
                    .copied()
                    .collect::<Vec<_>>()
                    .into_boxed_slice(),
            ),
            ..*section
        })
        .collect();
    Box::leak(sections.into_boxed_slice())
}

impl Site {
    /// The `href` attribute of a link: a site page against [`Site::base_url`],
    /// `#id` for an anchor, `tel:`/`sms:` with [`Phone::e164`] for call and
    /// text, and external URLs as they are.
    pub fn resolve(&self, href: Href) -> String {
        match href {
            Href::Site(path) => format!("{}{path}", self.base_url),
            Href::Anchor(id) => format!("#{id}"),
            Href::External(url) => url.to_string(),
            Href::Call => format!("tel:{}", self.phone.e164),
            Href::Text => format!("sms:{}", self.phone.e164),
        }
    }

    /// The absolute URL of the article.
    pub fn article_url(&self, article: &Article) -> String {
        self.resolve(Href::Site(article.path))
    }
}

impl Inline {
    /// The text of this inline without its markup.
    pub fn plain_text(&self) -> String {
        let mut text = String::new();
        self.push_plain_text(&mut text);
        text
    }

    /// Appends the text of this inline without its markup to `out`.
    pub fn push_plain_text(&self, out: &mut String) {
        match self {
            Inline::Text(text) => out.push_str(text),
            Inline::Strong(children)
            | Inline::Emphasis(children)
            | Inline::Link { children, .. } => {
                children.iter().for_each(|child| child.push_plain_text(out));
            }
        }
    }
}

/// The text of a run of inlines (a paragraph, a list item) without markup.
pub fn inlines_plain_text(inlines: &[Inline]) -> String {
    let mut text = String::new();
    inlines
        .iter()
        .for_each(|inline| inline.push_plain_text(&mut text));
    text
}

impl Block {
    /// The text of this block without markup: list items one a line, and
    /// nothing for a `{{name}}` block.
    pub fn plain_text(&self) -> String {
        match self {
            Block::Paragraph(inlines) => inlines_plain_text(inlines),
            Block::SubHeading(heading) => heading.text.to_string(),
            Block::List { items, .. } => items
                .iter()
                .map(|item| inlines_plain_text(item))
                .collect::<Vec<_>>()
                .join("\n"),
            Block::Embed(_) => String::new(),
        }
    }
}

/// The text of blocks (an FAQ answer, an offer body) without markup, blocks
/// separated by a blank line, for meta tags and structured data.
pub fn blocks_plain_text(blocks: &[Block]) -> String {
    blocks
        .iter()
        .map(Block::plain_text)
        .filter(|text| !text.is_empty())
        .collect::<Vec<_>>()
        .join("\n\n")
}

#[cfg(test)]
mod tests {
    use super::*;

    const SITE: Site = Site {
        name: "Asana Recovery",
        base_url: "https://example.com/",
        lang: "en",
        phone: Phone {
            display: "(949) 763-3440",
            e164: "+19497633440",
        },
        call_label: "Call us",
        text_label: "Text us",
    };

    #[test]
    fn resolves_every_kind_of_href() {
        assert_eq!(
            SITE.resolve(Href::Site("dual-diagnosis/")),
            "https://example.com/dual-diagnosis/"
        );
        assert_eq!(SITE.resolve(Href::Site("")), "https://example.com/");
        assert_eq!(
            SITE.resolve(Href::Anchor("faq-is-it-safe")),
            "#faq-is-it-safe"
        );
        assert_eq!(SITE.resolve(Href::Call), "tel:+19497633440");
        assert_eq!(SITE.resolve(Href::Text), "sms:+19497633440");
        assert_eq!(
            SITE.resolve(Href::External("https://www.fda.gov/")),
            "https://www.fda.gov/"
        );
        assert_eq!(
            SITE.resolve(Href::External("mailto:info@example.com")),
            "mailto:info@example.com"
        );
    }

    #[test]
    fn article_url_is_absolute() {
        let article = Article {
            title: "T",
            description: "D",
            path: "ketamine/",
            review: Review {
                author: "",
                reviewer: "",
                reviewed: "",
            },
            sections: &[],
        };
        assert_eq!(SITE.article_url(&article), "https://example.com/ketamine/");
    }

    const INLINES: &[Inline] = &[
        Inline::Text("Ketamine is "),
        Inline::Strong(&[
            Inline::Text("not "),
            Inline::Emphasis(&[Inline::Text("always")]),
        ]),
        Inline::Text(" safe; "),
        Inline::Link {
            href: Href::Call,
            children: &[Inline::Text("call us")],
        },
        Inline::Text("."),
    ];

    #[test]
    fn plain_text_drops_markup() {
        assert_eq!(
            inlines_plain_text(INLINES),
            "Ketamine is not always safe; call us."
        );
        assert_eq!(INLINES[1].plain_text(), "not always");
        assert_eq!(inlines_plain_text(&[]), "");
    }

    #[test]
    fn blocks_plain_text_joins_blocks() {
        let blocks = [
            Block::Paragraph(INLINES),
            Block::Embed(Embed::Faq),
            Block::SubHeading(SubHeading {
                id: "x",
                text: "Sub",
                in_toc: false,
            }),
            Block::List {
                ordered: false,
                items: &[&[Inline::Text("one")], &[Inline::Text("two")]],
            },
        ];
        assert_eq!(
            blocks_plain_text(&blocks),
            "Ketamine is not always safe; call us.\n\nSub\n\none\ntwo"
        );
        assert_eq!(Block::Embed(Embed::InsuranceCta).plain_text(), "");
    }

    #[test]
    fn generated_outline_keeps_exactly_the_outline_blocks() {
        // Whatever the files say: the compiler's outline is this one.
        assert_eq!(OUTLINE, outline(CONTENT.article.sections));
        let roots = CONTENT.for_roots(OUTLINE);
        assert_eq!(roots.faq, CONTENT.faq);
        assert_eq!(roots.carriers, CONTENT.carriers);
        assert_eq!(roots.verify_insurance.id, CONTENT.verify_insurance.id);
        assert!(roots.help.body.is_empty() && roots.crisis.is_empty());
    }

    #[test]
    fn compiled_content_is_consistent() {
        use crate::content::load::fixture;
        // Whatever the files say, build.rs guarantees these.
        assert!(fixture().site.base_url.starts_with("https://"));
        assert!(fixture().site.base_url.ends_with('/'));
        assert!(fixture().site.phone.e164.starts_with('+'));
        assert!(!fixture().article.sections.is_empty());
        assert!(fixture().faq.iter().all(|item| item.id.starts_with("faq-")));
        let faq_embeds = fixture()
            .article
            .sections
            .iter()
            .flat_map(|section| section.blocks)
            .filter(|block| **block == Block::Embed(Embed::Faq))
            .count();
        assert_eq!(faq_embeds, 1);
        assert_eq!(fixture().verify_insurance.id, "verify-insurance");
        assert_eq!(fixture().help.id, "help");
    }
}
