//! The content model the app renders.
//!
//! Everything here is `'static` data generated at build time by `build.rs`
//! from the human-editable files in `src/content/` (see its README), so the
//! browser parses nothing at start-up and a malformed file never reaches it.

/// Where a link points once the content has been validated.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Href {
    /// A page of the main site, relative to [`Site::base_url`] (`links` in `site.toml`).
    Site(&'static str),
    /// An anchor on this page (`#id`), checked at build time to exist.
    Anchor(&'static str),
    /// An absolute `https:` or `mailto:` URL.
    External(&'static str),
    /// `call:` in the content: a `tel:` link to [`Site::phone`].
    Call,
    /// `text:` in the content: an `sms:` link to [`Site::phone`].
    Text,
}

/// Inline (phrasing) content.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Inline {
    Text(&'static str),
    Strong(&'static [Inline]),
    Emphasis(&'static [Inline]),
    Link {
        href: Href,
        children: &'static [Inline],
    },
}

/// Blocks that reference page components instead of text (`{{name}}` in Markdown).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Embed {
    /// `offers.toml` `[insurance_cta]`
    InsuranceCta,
    /// `offers.toml` `[shared_experience]`
    SharedExperience,
    /// The questions of `faq.toml`.
    Faq,
    /// The crisis-help note, `[crisis]` of `site.toml`.
    Crisis,
}

/// Block (flow) content of a section.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Block {
    Paragraph(&'static [Inline]),
    /// A `###` heading inside a section.
    SubHeading(SubHeading),
    /// Each item is inline content; nested lists are rejected at build time.
    List {
        ordered: bool,
        items: &'static [&'static [Inline]],
    },
    Embed(Embed),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SubHeading {
    pub id: &'static str,
    pub text: &'static str,
    /// Marked `{.toc}` in the Markdown: listed in the table of contents.
    pub in_toc: bool,
}

/// One `##` section of the article.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Section {
    pub id: &'static str,
    pub title: &'static str,
    pub blocks: &'static [Block],
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Article {
    pub title: &'static str,
    pub description: &'static str,
    /// Canonical path of the article, relative to [`Site::base_url`].
    pub path: &'static str,
    /// Who wrote and reviewed it; what is empty is not shown.
    pub review: Review,
    pub sections: &'static [Section],
}

/// `[article] author`, `reviewer`, `reviewed` of `site.toml`; empty when
/// not filled in (never invented).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Review {
    pub author: &'static str,
    pub reviewer: &'static str,
    /// `YYYY-MM-DD`, checked at build time, or empty.
    pub reviewed: &'static str,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FaqItem {
    /// Stable anchor, already prefixed `faq-`.
    pub id: &'static str,
    pub question: &'static str,
    pub answer: &'static [Block],
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Phone {
    /// As shown to people, e.g. `(949) 763-3440`.
    pub display: &'static str,
    /// E.164, used for `tel:` and `sms:` links.
    pub e164: &'static str,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Action {
    pub label: &'static str,
    pub href: Href,
}

/// A promotional block: a heading, some text and call-to-action links.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Offer {
    pub id: &'static str,
    pub heading: &'static str,
    pub body: &'static [Block],
    pub actions: &'static [Action],
}

/// An in-network insurance carrier (`carriers.toml` `[[carrier]]`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Carrier {
    pub id: &'static str,
    pub name: &'static str,
    /// [`Carrier::name`] as the checker reads it (see `src/content/compiler/src/names.rs`).
    pub words: &'static [&'static str],
    /// Other names visitors know it by: short forms, brands, former names.
    pub aliases: &'static [Alias],
}

/// Another name of a carrier, parent brand or other insurer.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Alias {
    pub name: &'static str,
    /// The name as the checker reads it, normalised at build time.
    pub words: &'static [&'static str],
    /// Why this name leads where it does (a rename, an administrator),
    /// shown with the answer.
    pub note: Option<&'static str>,
}

/// A parent company or umbrella brand (`[[parent]]`): it owns in-network
/// carriers but also other plans, so it is never an in-network answer by itself.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ParentBrand {
    pub name: &'static str,
    pub words: &'static [&'static str],
    pub aliases: &'static [Alias],
    /// What it owns, shown while the visitor picks.
    pub note: &'static str,
    /// Ids of the in-network carriers it owns, offered to pick from.
    pub carriers: &'static [&'static str],
}

/// An insurer we know of that is not on the in-network list (`[[other]]`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct OtherInsurer {
    pub name: &'static str,
    pub words: &'static [&'static str],
    pub aliases: &'static [Alias],
    pub note: Option<&'static str>,
}

/// The wording of one answer of the checker. `{carrier}`, `{typed}` and
/// `{count}` are filled in where the content compiler allows them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct OutcomeText {
    pub heading: &'static str,
    pub body: &'static str,
}

/// Everything the insurance checker says (`carriers.toml` `[checker]`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CheckerText {
    /// The question labelling the input.
    pub label: &'static str,
    pub hint: &'static str,
    /// The accessible name of the list of suggestions.
    pub suggestions: &'static str,
    /// The link to the contact form.
    pub verify: &'static str,
    /// Shown at the contact form: `{carrier}`.
    pub prefill: &'static str,
    /// Announced when one suggestion is listed.
    pub options_one: &'static str,
    /// Announced when several are: `{count}`.
    pub options_many: &'static str,
    /// `{carrier}` in the heading.
    pub in_network: OutcomeText,
    /// After an in-network heading when an alias matched: `{typed}`, `{carrier}`.
    pub in_network_alias: &'static str,
    /// `{typed}` in the heading.
    pub not_listed: OutcomeText,
    /// `{typed}` in the body.
    pub unclear: OutcomeText,
    /// The checker's place while its code loads (`[checker.load]`).
    pub load: LoadText,
}

/// What a part of the page whose code loads later says while it loads, if
/// that fails, and when scripts are off (each ends with the phone number).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct LoadText {
    /// The polite status while a visitor in the part waits.
    pub loading: &'static str,
    /// The notice's heading when the code did not download.
    pub load_failed_heading: &'static str,
    /// Its text, before the phone number.
    pub load_failed: &'static str,
    /// Shown when scripts are off, before the phone number.
    pub needs_script: &'static str,
}

/// The insurance checker: its wording and the names it knows besides
/// [`Content::carriers`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Checker {
    pub text: CheckerText,
    pub parents: &'static [ParentBrand],
    pub others: &'static [OtherInsurer],
    /// Words it skips ("insurance", "health", "plan", ...), normalised.
    pub ignore: &'static [&'static str],
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Site {
    pub name: &'static str,
    /// Absolute, ends with `/`; every [`Href::Site`] is resolved against it.
    pub base_url: &'static str,
    pub lang: &'static str,
    pub phone: Phone,
    pub call_label: &'static str,
    pub text_label: &'static str,
}

/// All page content, as one value components receive through context.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Content {
    pub site: Site,
    pub article: Article,
    /// The page a host shows for an address with no file (`404.html`).
    pub not_found: NotFound,
    /// The page installed as an app (`[app]`): its manifest, icons and
    /// theme colours.
    pub app: WebApp,
    /// Where a reader in danger gets help now (`[crisis]`): in the article
    /// where it speaks of suicidal thoughts, and in the footer.
    pub crisis: &'static [Block],
    /// Information, not medical advice (`[disclaimer]`): under the title and
    /// in the footer.
    pub disclaimer: &'static [Block],
    /// Every word of the forms (`forms.toml`). Not in the page's own module
    /// (`hydrate`): it never shows a form (the forms module does, and the
    /// pre-render), so their words stay out of what every reader downloads.
    #[cfg(not(feature = "hydrate"))]
    pub forms: FormsText,
    /// The words of the page's own controls (`ui.toml`).
    pub ui: UiText,
    pub faq: &'static [FaqItem],
    pub carriers: &'static [Carrier],
    /// The insurance checker of the "Verify Insurance for Free" block.
    pub checker: Checker,
    pub insurance_cta: Offer,
    pub shared_experience: Offer,
    /// "Verify Insurance for Free", listing [`Content::carriers`].
    pub verify_insurance: Offer,
    pub book: Offer,
    pub closing_cta: Offer,
    pub help: Offer,
}

/// What the site's `404.html` says (`[not_found]` in `site.toml`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct NotFound {
    /// The page's title and heading.
    pub heading: &'static str,
    /// One paragraph: what happened and where to go.
    pub body: &'static str,
    /// The link to the article.
    pub link: &'static str,
}

/// The page installed as an app (`[app]` in `site.toml`). Every colour is
/// `#rgb` or `#rrggbb`, checked at build time.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct WebApp {
    /// The name under the home-screen icon.
    pub short_name: &'static str,
    /// The browser's bar and the app's title bar, in light mode.
    pub theme_color: &'static str,
    pub theme_color_dark: &'static str,
    /// The splash screen while the app starts, in light mode.
    pub background_color: &'static str,
    pub background_color_dark: &'static str,
    /// The source image of every icon: a file name in `public/`, `.svg`.
    pub icon: &'static str,
    /// The opaque square behind the artwork of the maskable and Apple icons.
    pub icon_background: &'static str,
}

// The types of `forms.toml` and `ui.toml`, generated from the content
// compiler's schema of them (`src/content/compiler/src/texts.rs`).
include!(concat!(env!("OUT_DIR"), "/text_types.rs"));
