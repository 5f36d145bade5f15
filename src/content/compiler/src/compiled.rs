//! The compiled content: owned mirrors of the app's `src/content/model.rs`,
//! which `codegen.rs` writes out as `'static` Rust data.

/// Where a link points (model.rs `Href`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Href {
    /// While checking: the key of `[links]`; once compiled: its path.
    Site(String),
    Anchor(String),
    External(String),
    Call,
    Text,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Inline {
    Text(String),
    Strong(Vec<Inline>),
    Emphasis(Vec<Inline>),
    Link { href: Href, children: Vec<Inline> },
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Embed {
    InsuranceCta,
    SharedExperience,
    Faq,
    /// The crisis-help note (`[crisis]` of site.toml); as often as needed.
    Crisis,
}

impl Embed {
    pub(crate) fn name(self) -> &'static str {
        match self {
            Embed::InsuranceCta => "insurance-cta",
            Embed::SharedExperience => "shared-experience",
            Embed::Faq => "faq",
            Embed::Crisis => "crisis",
        }
    }

    pub(crate) fn variant(self) -> &'static str {
        match self {
            Embed::InsuranceCta => "InsuranceCta",
            Embed::SharedExperience => "SharedExperience",
            Embed::Faq => "Faq",
            Embed::Crisis => "Crisis",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Block {
    Paragraph(Vec<Inline>),
    SubHeading(SubHeading),
    List {
        ordered: bool,
        items: Vec<Vec<Inline>>,
    },
    Embed(Embed),
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SubHeading {
    pub id: String,
    pub text: String,
    pub in_toc: bool,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Section {
    pub id: String,
    pub title: String,
    pub blocks: Vec<Block>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Article {
    pub title: String,
    pub description: String,
    pub path: String,
    pub review: Review,
    pub sections: Vec<Section>,
}

/// Who wrote and reviewed the article (model.rs `Review`); empty texts
/// for what is not filled in. Never invented: the shipped content leaves
/// them empty until the center names real people.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Review {
    pub author: String,
    pub reviewer: String,
    /// `YYYY-MM-DD`, or empty.
    pub reviewed: String,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FaqItem {
    /// Already prefixed `faq-`.
    pub id: String,
    pub question: String,
    pub answer: Vec<Block>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Phone {
    pub display: String,
    pub e164: String,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Action {
    pub label: String,
    pub href: Href,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Offer {
    pub id: String,
    pub heading: String,
    pub body: Vec<Block>,
    pub actions: Vec<Action>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Carrier {
    pub id: String,
    pub name: String,
    pub words: Vec<String>,
    pub aliases: Vec<Alias>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Alias {
    pub name: String,
    pub words: Vec<String>,
    pub note: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ParentBrand {
    pub name: String,
    pub words: Vec<String>,
    pub aliases: Vec<Alias>,
    pub note: String,
    pub carriers: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OtherInsurer {
    pub name: String,
    pub words: Vec<String>,
    pub aliases: Vec<Alias>,
    pub note: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OutcomeText {
    pub heading: String,
    pub body: String,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CheckerText {
    pub label: String,
    pub hint: String,
    pub suggestions: String,
    pub verify: String,
    pub prefill: String,
    pub options_one: String,
    pub options_many: String,
    pub in_network: OutcomeText,
    pub in_network_alias: String,
    pub not_listed: OutcomeText,
    pub unclear: OutcomeText,
    pub load: LoadText,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LoadText {
    pub loading: String,
    pub load_failed_heading: String,
    pub load_failed: String,
    pub needs_script: String,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Checker {
    pub text: CheckerText,
    pub parents: Vec<ParentBrand>,
    pub others: Vec<OtherInsurer>,
    pub ignore: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Site {
    pub name: String,
    pub base_url: String,
    pub lang: String,
    pub phone: Phone,
    pub call_label: String,
    pub text_label: String,
}

/// The page a host shows for an address with no file (model.rs `NotFound`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NotFound {
    pub heading: String,
    pub body: String,
    pub link: String,
}

/// The installed app (model.rs `WebApp`), `[app]` of site.toml.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WebApp {
    pub short_name: String,
    /// `#rgb` or `#rrggbb`, like every colour here.
    pub theme_color: String,
    pub theme_color_dark: String,
    pub background_color: String,
    pub background_color_dark: String,
    /// A file name in `public/`, ending in `.svg`.
    pub icon: String,
    pub icon_background: String,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Content {
    pub site: Site,
    pub article: Article,
    pub not_found: NotFound,
    pub app: WebApp,
    /// `[crisis]` of site.toml: where to get help now (988, 911).
    pub crisis: Vec<Block>,
    /// `[disclaimer]` of site.toml: information, not medical advice.
    pub disclaimer: Vec<Block>,
    pub forms: crate::texts::Texts,
    pub ui: crate::texts::Texts,
    pub faq: Vec<FaqItem>,
    pub carriers: Vec<Carrier>,
    pub checker: Checker,
    pub insurance_cta: Offer,
    pub shared_experience: Offer,
    pub verify_insurance: Offer,
    pub book: Offer,
    pub closing_cta: Offer,
    pub help: Offer,
}
