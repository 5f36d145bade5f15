//! Reads, checks and compiles the content files of `src/content/` (see its
//! README) into Rust source for the model of `model.rs`.
//!
//! Pure Rust with no web dependencies: `build.rs` includes this file through
//! `#[path]`, and the lib compiles it only for its unit tests. Both have the
//! slug module at `crate::slug`.
//!
//! Every problem is reported, not just the first, as `file:line:column: what`.

use std::collections::{BTreeMap, HashMap};
use std::fmt;
use std::fmt::Write as _;
use std::ops::Range;
use std::path::Path;

use pulldown_cmark::{CowStr, Event, HeadingLevel, LinkType, Options, Parser, Tag, TagEnd};
use serde::de::DeserializeOwned;
use serde::Deserialize;
use toml::Spanned;

use crate::carrier_text;
use crate::slug::{is_slug, slugify};

/// The content files, in the order they are read and reported.
pub const FILES: [&str; 5] = [
    "site.toml",
    "article.md",
    "faq.toml",
    "offers.toml",
    "carriers.toml",
];

/// The offers of `offers.toml`: table name and page anchor.
pub const OFFERS: [(&str, &str); 6] = [
    ("insurance_cta", "insurance-cta"),
    ("shared_experience", "shared-experience"),
    ("verify_insurance", "verify-insurance"),
    ("book", "book"),
    ("closing_cta", "closing-cta"),
    ("help", "help"),
];

/// The anchor of the contact form, which the page layout provides.
pub const CONTACT_ID: &str = "contact";

/// The longest `[article] description`, in characters (search results cut the rest).
pub const MAX_DESCRIPTION: usize = 160;

// ---------------------------------------------------------------------------
// Errors and positions
// ---------------------------------------------------------------------------

/// One problem in the content, shown as `file:line:column: message`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Error {
    /// The file, as its path was given.
    pub file: String,
    /// 1-based line and column (in characters), when known.
    pub at: Option<(usize, usize)>,
    pub message: String,
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.at {
            Some((line, column)) => write!(f, "{}:{line}:{column}: {}", self.file, self.message),
            None => write!(f, "{}: {}", self.file, self.message),
        }
    }
}

/// A file's text with its line starts, to turn byte offsets into line:column.
struct FileText<'a> {
    path: &'a str,
    text: &'a str,
    line_starts: Vec<usize>,
}

impl<'a> FileText<'a> {
    fn new(path: &'a str, text: &'a str) -> Self {
        let line_starts = std::iter::once(0)
            .chain(text.match_indices('\n').map(|(i, _)| i + 1))
            .collect();
        FileText {
            path,
            text,
            line_starts,
        }
    }

    fn line_col(&self, offset: usize) -> (usize, usize) {
        let offset = offset.min(self.text.len());
        let line = self.line_starts.partition_point(|&start| start <= offset);
        let start = self.line_starts[line - 1];
        let column = self
            .text
            .get(start..offset)
            .map_or(offset - start, |s| s.chars().count());
        (line, column + 1)
    }

    /// A location at byte `offset`, with `context` (like `[book] heading`) before the message.
    fn loc(&self, offset: usize, context: &str) -> Loc {
        Loc {
            file: self.path.to_string(),
            at: Some(self.line_col(offset)),
            context: context.to_string(),
        }
    }

    /// A location for the whole file.
    fn file_loc(&self) -> Loc {
        Loc {
            file: self.path.to_string(),
            at: None,
            context: String::new(),
        }
    }
}

/// Where something was written: a file, maybe a position, maybe a context.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Loc {
    file: String,
    at: Option<(usize, usize)>,
    /// What is being read, like `item 3 (id "x") answer`; empty in article.md.
    context: String,
}

impl Loc {
    fn error(&self, message: impl fmt::Display) -> Error {
        let message = if self.context.is_empty() {
            message.to_string()
        } else {
            format!("{}: {message}", self.context)
        };
        Error {
            file: self.file.clone(),
            at: self.at,
            message,
        }
    }

    /// `file:line:column`, to point at an earlier definition.
    fn position(&self) -> String {
        match self.at {
            Some((line, column)) => format!("{}:{line}:{column}", self.file),
            None => self.file.clone(),
        }
    }
}

// ---------------------------------------------------------------------------
// The compiled content: owned mirrors of model.rs
// ---------------------------------------------------------------------------

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
}

impl Embed {
    fn name(self) -> &'static str {
        match self {
            Embed::InsuranceCta => "insurance-cta",
            Embed::SharedExperience => "shared-experience",
            Embed::Faq => "faq",
        }
    }

    fn variant(self) -> &'static str {
        match self {
            Embed::InsuranceCta => "InsuranceCta",
            Embed::SharedExperience => "SharedExperience",
            Embed::Faq => "Faq",
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
    pub sections: Vec<Section>,
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

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Content {
    pub site: Site,
    pub article: Article,
    pub not_found: NotFound,
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

// ---------------------------------------------------------------------------
// The TOML files
// ---------------------------------------------------------------------------

type Str = Spanned<String>;

/// `site.toml`
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SiteFile {
    pub site: SiteTable,
    pub article: ArticleTable,
    pub phone: PhoneTable,
    pub not_found: NotFoundTable,
    #[serde(default)]
    pub links: BTreeMap<String, Str>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct NotFoundTable {
    pub heading: Str,
    pub body: Str,
    pub link: Str,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SiteTable {
    pub name: Str,
    pub base_url: Str,
    pub lang: Str,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ArticleTable {
    pub title: Str,
    pub description: Str,
    pub path: Str,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PhoneTable {
    pub display: Str,
    pub e164: Str,
    pub call_label: Str,
    pub text_label: Str,
}

/// `faq.toml`
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FaqFile {
    pub item: Vec<FaqEntry>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FaqEntry {
    pub id: Str,
    pub question: Str,
    pub answer: Str,
}

/// `offers.toml`
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct OffersFile {
    pub insurance_cta: OfferTable,
    pub shared_experience: OfferTable,
    pub verify_insurance: OfferTable,
    pub book: OfferTable,
    pub closing_cta: OfferTable,
    pub help: OfferTable,
}

impl OffersFile {
    /// The tables in the order of [`OFFERS`].
    fn tables(&self) -> [&OfferTable; 6] {
        [
            &self.insurance_cta,
            &self.shared_experience,
            &self.verify_insurance,
            &self.book,
            &self.closing_cta,
            &self.help,
        ]
    }
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct OfferTable {
    pub heading: Str,
    pub body: Str,
    #[serde(default)]
    pub actions: Vec<ActionEntry>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ActionEntry {
    pub label: Str,
    pub href: Str,
}

/// `carriers.toml`
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CarriersFile {
    pub checker: CheckerTable,
    pub carrier: Vec<CarrierEntry>,
    #[serde(default)]
    pub parent: Vec<ParentEntry>,
    #[serde(default)]
    pub other: Vec<OtherEntry>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CarrierEntry {
    pub id: Str,
    pub name: Str,
    #[serde(default)]
    pub aliases: Vec<Spanned<AliasEntry>>,
}

/// `carriers.toml` `[checker]`: the wording of the insurance checker.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CheckerTable {
    pub label: Str,
    pub hint: Str,
    pub suggestions: Str,
    pub verify: Str,
    pub prefill: Str,
    pub options_one: Str,
    pub options_many: Str,
    #[serde(default)]
    pub ignore: Vec<Str>,
    pub in_network: InNetworkTable,
    pub not_listed: OutcomeTable,
    pub unclear: OutcomeTable,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct InNetworkTable {
    pub heading: Str,
    pub alias: Str,
    pub body: Str,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct OutcomeTable {
    pub heading: Str,
    pub body: Str,
}

/// `[[parent]]`: a parent company or umbrella brand.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ParentEntry {
    pub name: Str,
    pub note: Str,
    pub carriers: Vec<Str>,
    #[serde(default)]
    pub aliases: Vec<Spanned<AliasEntry>>,
}

/// `[[other]]`: an insurer that is not in network.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct OtherEntry {
    pub name: Str,
    #[serde(default)]
    pub note: Option<Str>,
    #[serde(default)]
    pub aliases: Vec<Spanned<AliasEntry>>,
}

/// One alias as written: `"BCBS"`, or `{ name = "Carelon", note = "..." }`
/// for a name that needs explaining.
#[derive(Debug)]
pub enum AliasEntry {
    Plain(String),
    Noted { name: Str, note: Str },
}

impl<'de> Deserialize<'de> for AliasEntry {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_any(AliasVisitor)
    }
}

struct AliasVisitor;

impl<'de> serde::de::Visitor<'de> for AliasVisitor {
    type Value = AliasEntry;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a name, or a table `{ name = \"...\", note = \"...\" }`")
    }

    fn visit_str<E: serde::de::Error>(self, value: &str) -> Result<AliasEntry, E> {
        Ok(AliasEntry::Plain(value.to_string()))
    }

    fn visit_map<A: serde::de::MapAccess<'de>>(self, mut map: A) -> Result<AliasEntry, A::Error> {
        use serde::de::Error as _;
        const FIELDS: &[&str] = &["name", "note"];
        let (mut name, mut note) = (None, None);
        while let Some(key) = map.next_key::<String>()? {
            let slot = match key.as_str() {
                "name" => &mut name,
                "note" => &mut note,
                other => return Err(A::Error::unknown_field(other, FIELDS)),
            };
            if slot.is_some() {
                let field = if key == "name" { FIELDS[0] } else { FIELDS[1] };
                return Err(A::Error::duplicate_field(field));
            }
            *slot = Some(map.next_value::<Str>()?);
        }
        match (name, note) {
            (Some(name), Some(note)) => Ok(AliasEntry::Noted { name, note }),
            (None, _) => Err(A::Error::missing_field("name")),
            (Some(_), None) => Err(A::Error::custom(
                "an alias table needs a `note`; without one, write the alias as a plain string",
            )),
        }
    }
}

fn parse_toml<T: DeserializeOwned>(file: &FileText<'_>, errors: &mut Vec<Error>) -> Option<T> {
    match toml::from_str(file.text) {
        Ok(value) => Some(value),
        Err(error) => {
            let loc = match error.span() {
                Some(span) => file.loc(span.start, ""),
                None => file.file_loc(),
            };
            let message = error.message().trim().replace('\n', " ");
            errors.push(loc.error(message));
            None
        }
    }
}

// ---------------------------------------------------------------------------
// Links
// ---------------------------------------------------------------------------

/// Reads a link target as written in the content.
pub fn parse_href(raw: &str) -> Result<Href, String> {
    const KINDS: &str = "use `site:key`, `#anchor`, `call:`, `text:`, an `https:` URL or `mailto:`";
    if raw.is_empty() {
        return Err(format!("empty link target: {KINDS}"));
    }
    if raw.chars().any(char::is_whitespace) {
        return Err(format!("link target `{raw}` contains whitespace"));
    }
    if let Some(key) = raw.strip_prefix("site:") {
        if key.is_empty() {
            return Err(
                "`site:` needs a key of [links] in site.toml, like `site:dual-diagnosis`".into(),
            );
        }
        return Ok(Href::Site(key.to_string()));
    }
    if let Some(id) = raw.strip_prefix('#') {
        if id.is_empty() {
            return Err("`#` needs the anchor of a heading or block of this page".into());
        }
        return Ok(Href::Anchor(id.to_string()));
    }
    for (scheme, href) in [("call:", Href::Call), ("text:", Href::Text)] {
        if raw == scheme {
            return Ok(href);
        }
        if raw.starts_with(scheme) {
            return Err(format!(
                "`{raw}`: write just `{scheme}`, the number is [phone] e164 in site.toml"
            ));
        }
    }
    if let Some(rest) = raw.strip_prefix("https://") {
        if rest.is_empty() || rest.starts_with('/') {
            return Err(format!("`{raw}` is not a valid https URL"));
        }
        return Ok(Href::External(raw.to_string()));
    }
    if let Some(rest) = raw.strip_prefix("mailto:") {
        if !rest.contains('@') {
            return Err(format!("`{raw}` is not a valid mailto: address"));
        }
        return Ok(Href::External(raw.to_string()));
    }
    if raw.starts_with("http://") {
        return Err(format!("`{raw}`: use https:, not http:"));
    }
    if raw.starts_with('/') {
        return Err(format!(
            "`{raw}`: link to a page of the site with `site:key` and [links] in site.toml"
        ));
    }
    Err(format!("unsupported link target `{raw}`: {KINDS}"))
}

/// A link whose target is checked once every file has been read.
#[derive(Debug, Clone)]
enum Ref {
    Site(String),
    Anchor(String),
}

fn record_ref(href: &Href, loc: Loc, refs: &mut Vec<(Ref, Loc)>) {
    match href {
        Href::Site(key) => refs.push((Ref::Site(key.clone()), loc)),
        Href::Anchor(id) => refs.push((Ref::Anchor(id.clone()), loc)),
        Href::External(_) | Href::Call | Href::Text => {}
    }
}

// ---------------------------------------------------------------------------
// Text checks
// ---------------------------------------------------------------------------

/// The first sign of broken Markdown left in `text`: its byte index and what it is.
fn broken_markdown(text: &str) -> Option<(usize, &'static str)> {
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
fn check_plain(file: &FileText<'_>, value: &Str, context: &str, errors: &mut Vec<Error>) {
    let loc = file.loc(value.span().start, context);
    let text = value.get_ref();
    if text.trim().is_empty() {
        errors.push(loc.error("must not be empty"));
    } else if let Some((_, problem)) = broken_markdown(text) {
        errors.push(loc.error(problem));
    }
}

fn check_required(file: &FileText<'_>, value: &Str, context: &str, errors: &mut Vec<Error>) {
    if value.get_ref().trim().is_empty() {
        errors.push(
            file.loc(value.span().start, context)
                .error("must not be empty"),
        );
    }
}

// ---------------------------------------------------------------------------
// Markdown
// ---------------------------------------------------------------------------

/// What a piece of Markdown may contain.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Mode {
    /// `article.md`: sections, sub-headings and `{{name}}` blocks.
    Article,
    /// A TOML string (FAQ answer, offer body): paragraphs and lists only.
    Body,
}

/// How a byte offset of the Markdown maps to its file.
#[derive(Debug, Clone, Copy)]
enum OffsetMap {
    /// The Markdown is the file's text from this offset on, byte for byte.
    Exact(usize),
    /// The Markdown was unescaped from a TOML string: point at the string.
    At(usize),
}

/// Where a piece of Markdown comes from.
struct MdSource<'a> {
    file: &'a FileText<'a>,
    /// Like `item 3 (id "x") answer`; empty for article.md.
    context: String,
    text: &'a str,
    map: OffsetMap,
}

impl<'a> MdSource<'a> {
    /// The whole text of `file` (article.md).
    fn file(file: &'a FileText<'a>) -> Self {
        MdSource {
            file,
            context: String::new(),
            text: file.text,
            map: OffsetMap::Exact(0),
        }
    }

    /// The Markdown of a TOML string value: positions are exact when the
    /// string has no escapes, and otherwise point at the string.
    fn toml_string(file: &'a FileText<'a>, value: &'a Str, context: String) -> Self {
        let span = value.span();
        let raw = file.text.get(span.clone()).unwrap_or("");
        let text = value.get_ref().as_str();
        let mut map = OffsetMap::At(span.start);
        for quote in ["\"\"\"", "'''", "\"", "'"] {
            if let Some(body) = raw.strip_prefix(quote).and_then(|r| r.strip_suffix(quote)) {
                let mut skip = quote.len();
                let mut body = body;
                if quote.len() == 3 {
                    for newline in ["\r\n", "\n"] {
                        if let Some(rest) = body.strip_prefix(newline) {
                            skip += newline.len();
                            body = rest;
                            break;
                        }
                    }
                }
                if body == text {
                    map = OffsetMap::Exact(span.start + skip);
                }
                break;
            }
        }
        MdSource {
            file,
            context,
            text,
            map,
        }
    }

    fn loc(&self, offset: usize) -> Loc {
        let offset = match self.map {
            OffsetMap::Exact(base) => base + offset,
            OffsetMap::At(at) => at,
        };
        self.file.loc(offset, &self.context)
    }
}

/// A `##` heading or a block, in the order of the Markdown.
#[derive(Debug)]
enum Flow {
    Section { id: String, title: String },
    Block(Block),
}

/// What a piece of Markdown compiled to, with everything to check later.
#[derive(Debug, Default)]
struct Converted {
    flow: Vec<(Flow, Loc)>,
    /// Anchors defined by headings.
    ids: Vec<(String, Loc)>,
    refs: Vec<(Ref, Loc)>,
    embeds: Vec<(Embed, Loc)>,
}

/// Text being gathered from several events, remembering where each part came from.
#[derive(Default)]
struct TextRun {
    text: String,
    /// Start in `text`, source range, and whether the source is the same bytes.
    parts: Vec<(usize, Range<usize>, bool)>,
}

impl TextRun {
    fn push(&mut self, text: &str, range: Range<usize>, exact: bool) {
        self.parts.push((self.text.len(), range, exact));
        self.text.push_str(text);
    }

    /// The Markdown offset of byte `index` of the text.
    fn source_offset(&self, index: usize) -> usize {
        let part = self
            .parts
            .partition_point(|(start, _, _)| *start <= index)
            .max(1)
            - 1;
        match self.parts.get(part) {
            Some((start, range, true)) => range.start + (index - start),
            Some((_, range, false)) => range.start,
            None => 0,
        }
    }
}

struct Converter<'a> {
    src: &'a MdSource<'a>,
    mode: Mode,
    events: Vec<(Event<'a>, Range<usize>)>,
    pos: usize,
    out: Converted,
    errors: Vec<Error>,
}

fn markdown_options() -> Options {
    // Tables are parsed only to be rejected; plain CommonMark otherwise.
    Options::ENABLE_HEADING_ATTRIBUTES | Options::ENABLE_TABLES
}

fn convert(src: &MdSource<'_>, mode: Mode) -> (Converted, Vec<Error>) {
    let events = Parser::new_ext(src.text, markdown_options())
        .into_offset_iter()
        .collect();
    let mut converter = Converter {
        src,
        mode,
        events,
        pos: 0,
        out: Converted::default(),
        errors: Vec::new(),
    };
    converter.blocks();
    (converter.out, converter.errors)
}

/// Why a tag is rejected.
fn unsupported(tag: &Tag<'_>) -> &'static str {
    match tag {
        Tag::BlockQuote(_) => "block quotes (`>`) are not supported",
        Tag::CodeBlock(_) => "code blocks are not supported",
        Tag::HtmlBlock => "raw HTML is not supported",
        Tag::Table(_) | Tag::TableHead | Tag::TableRow | Tag::TableCell => {
            "tables are not supported"
        }
        Tag::Image { .. } => "images are not supported",
        Tag::List(_) => "nested lists are not supported",
        Tag::Heading { .. } => "headings are not allowed here",
        Tag::Paragraph | Tag::Item => {
            "a list item must be a single line of text (no paragraphs inside items)"
        }
        _ => "this Markdown is not supported",
    }
}

fn is_block_tag(tag: &Tag<'_>) -> bool {
    !matches!(
        tag,
        Tag::Emphasis
            | Tag::Strong
            | Tag::Strikethrough
            | Tag::Superscript
            | Tag::Subscript
            | Tag::Link { .. }
            | Tag::Image { .. }
    )
}

impl<'a> Converter<'a> {
    fn next(&mut self) -> Option<(Event<'a>, Range<usize>)> {
        let event = self.events.get(self.pos).cloned();
        self.pos += 1;
        event
    }

    fn peek(&self) -> Option<&(Event<'a>, Range<usize>)> {
        self.events.get(self.pos)
    }

    fn error(&mut self, offset: usize, message: impl fmt::Display) {
        let error = self.src.loc(offset).error(message);
        self.errors.push(error);
    }

    /// Skips past the end of a tag whose start was just read.
    fn skip(&mut self) {
        let mut depth = 1;
        while let Some((event, _)) = self.next() {
            match event {
                Event::Start(_) => depth += 1,
                Event::End(_) => {
                    depth -= 1;
                    if depth == 0 {
                        return;
                    }
                }
                _ => {}
            }
        }
    }

    /// Skips to just past the next `End` at this level (the end of the current tag).
    fn finish(&mut self) {
        while let Some((event, _)) = self.next() {
            match event {
                Event::Start(_) => self.skip(),
                Event::End(_) => return,
                _ => {}
            }
        }
    }

    fn blocks(&mut self) {
        while let Some((event, range)) = self.next() {
            let loc = self.src.loc(range.start);
            match event {
                Event::Start(Tag::Paragraph) => {
                    if let Some(block) = self.paragraph(range.start) {
                        self.out.flow.push((Flow::Block(block), loc));
                    }
                }
                Event::Start(Tag::Heading {
                    level,
                    id,
                    classes,
                    attrs,
                }) => {
                    if let Some(flow) = self.heading(level, id, &classes, &attrs, range.start) {
                        self.out.flow.push((flow, loc));
                    }
                }
                Event::Start(Tag::List(start)) => {
                    let block = self.list(start, range.start);
                    self.out.flow.push((Flow::Block(block), loc));
                }
                Event::Start(tag) => {
                    self.error(range.start, unsupported(&tag));
                    self.skip();
                }
                Event::Rule => self.error(
                    range.start,
                    "horizontal rules (`---`, `***`) are not supported",
                ),
                Event::Html(_) | Event::InlineHtml(_) => {
                    self.error(range.start, "raw HTML is not supported")
                }
                _ => self.error(range.start, "this Markdown is not supported"),
            }
        }
    }

    /// A paragraph whose start was just read: text, or a `{{name}}` block.
    fn paragraph(&mut self, start: usize) -> Option<Block> {
        if let Some(embed) = self.embed(start) {
            return embed.map(Block::Embed);
        }
        let inlines = self.inlines();
        self.finish();
        Some(Block::Paragraph(inlines))
    }

    /// A paragraph that is only `{{name}}`: `Some(result)` once read, `None` if not one.
    fn embed(&mut self, start: usize) -> Option<Option<Embed>> {
        let mut text = String::new();
        let mut end = self.pos;
        while let Some((event, _)) = self.events.get(end) {
            match event {
                Event::Text(t) => text.push_str(t),
                Event::End(TagEnd::Paragraph) => break,
                _ => return None,
            }
            end += 1;
        }
        let name = text
            .trim()
            .strip_prefix("{{")?
            .strip_suffix("}}")?
            .trim()
            .to_string();
        self.pos = end + 1;
        let embed = match name.as_str() {
            "insurance-cta" => Embed::InsuranceCta,
            "shared-experience" => Embed::SharedExperience,
            "faq" => Embed::Faq,
            _ => {
                self.error(
                    start,
                    format_args!(
                        "unknown block `{{{{{name}}}}}`: use `{{{{insurance-cta}}}}`, `{{{{shared-experience}}}}` or `{{{{faq}}}}`"
                    ),
                );
                return Some(None);
            }
        };
        if self.mode == Mode::Body {
            self.error(
                start,
                format_args!("`{{{{{name}}}}}` blocks are only allowed in article.md"),
            );
            return Some(None);
        }
        self.out.embeds.push((embed, self.src.loc(start)));
        Some(Some(embed))
    }

    /// Inline content up to (not including) the next `End` or block start.
    fn inlines(&mut self) -> Vec<Inline> {
        let mut out = Vec::new();
        let mut run = TextRun::default();
        while let Some((event, range)) = self.peek().cloned() {
            match event {
                Event::End(_) => break,
                Event::Start(ref tag) if is_block_tag(tag) => break,
                _ => {}
            }
            self.pos += 1;
            match event {
                Event::Text(text) => {
                    let exact = self.src.text.get(range.clone()) == Some(&*text);
                    run.push(&text, range, exact);
                }
                Event::SoftBreak => run.push(" ", range, false),
                Event::HardBreak => {
                    self.error(
                        range.start,
                        "line breaks (a trailing `\\` or two trailing spaces) are not supported",
                    );
                    run.push(" ", range, false);
                }
                Event::Code(_) => self.error(range.start, "code (`` ` ``) is not supported"),
                Event::Html(_) | Event::InlineHtml(_) => {
                    self.error(range.start, "raw HTML is not supported")
                }
                Event::Start(Tag::Emphasis) => {
                    self.flush(&mut run, &mut out);
                    let children = self.inlines();
                    self.finish();
                    out.push(Inline::Emphasis(children));
                }
                Event::Start(Tag::Strong) => {
                    self.flush(&mut run, &mut out);
                    let children = self.inlines();
                    self.finish();
                    out.push(Inline::Strong(children));
                }
                Event::Start(Tag::Link {
                    link_type,
                    dest_url,
                    title,
                    ..
                }) => {
                    self.flush(&mut run, &mut out);
                    let href = self.href(link_type, &dest_url, &title, range.start);
                    let children = self.inlines();
                    self.finish();
                    if children.is_empty() {
                        self.error(range.start, "a link needs text");
                    }
                    match href {
                        Some(href) => out.push(Inline::Link { href, children }),
                        None => out.extend(children),
                    }
                }
                Event::Start(tag) => {
                    self.error(range.start, unsupported(&tag));
                    self.skip();
                }
                _ => self.error(range.start, "this Markdown is not supported"),
            }
        }
        self.flush(&mut run, &mut out);
        out
    }

    /// Checks gathered text and adds it to `out`.
    fn flush(&mut self, run: &mut TextRun, out: &mut Vec<Inline>) {
        let run = std::mem::take(run);
        if run.text.is_empty() {
            return;
        }
        if let Some((index, problem)) = broken_markdown(&run.text) {
            self.error(run.source_offset(index), problem);
        }
        if let Some(index) = run.text.find("{{").or_else(|| run.text.find("}}")) {
            self.error(
                run.source_offset(index),
                "a `{{name}}` block must be a paragraph of its own",
            );
        }
        out.push(Inline::Text(run.text));
    }

    fn href(&mut self, link_type: LinkType, dest: &str, title: &str, at: usize) -> Option<Href> {
        if !title.is_empty() {
            self.error(
                at,
                "link titles (`[text](target \"title\")`) are not supported",
            );
        }
        let dest = match link_type {
            LinkType::Email => format!("mailto:{dest}"),
            _ => dest.to_string(),
        };
        match parse_href(&dest) {
            Ok(href) => {
                record_ref(&href, self.src.loc(at), &mut self.out.refs);
                Some(href)
            }
            Err(message) => {
                self.error(at, message);
                None
            }
        }
    }

    /// A heading whose start was just read.
    fn heading(
        &mut self,
        level: HeadingLevel,
        id: Option<CowStr<'a>>,
        classes: &[CowStr<'a>],
        attrs: &[(CowStr<'a>, Option<CowStr<'a>>)],
        start: usize,
    ) -> Option<Flow> {
        let text = self.heading_text(start);
        match (self.mode, level) {
            (_, HeadingLevel::H1) => {
                self.error(
                    start,
                    "a `#` title is not allowed: the title is [article] title in site.toml",
                );
                return None;
            }
            (Mode::Body, _) => {
                self.error(start, "headings are only allowed in article.md");
                return None;
            }
            (Mode::Article, HeadingLevel::H2 | HeadingLevel::H3) => {}
            (Mode::Article, _) => {
                self.error(
                    start,
                    "`####` and deeper headings are not supported: use `##` or `###`",
                );
                return None;
            }
        }
        let section = level == HeadingLevel::H2;
        if text.is_empty() {
            self.error(start, "empty heading");
        } else if let Some((_, problem)) = broken_markdown(&text) {
            self.error(start, problem);
        }
        if !attrs.is_empty() {
            self.error(
                start,
                "heading attributes other than `{#id}` and `{.toc}` are not supported",
            );
        }
        let mut in_toc = false;
        for class in classes {
            match (&**class, section) {
                ("toc", false) => in_toc = true,
                ("toc", true) => self.error(
                    start,
                    "`{.toc}` is only for `###` headings: every `##` heading is in the table of contents",
                ),
                (other, _) => self.error(start, format_args!("unknown class `.{other}`: only `{{.toc}}` is supported")),
            }
        }
        let id = match id {
            Some(id) if is_slug(&id) => id.to_string(),
            Some(id) => {
                self.error(
                    start,
                    format_args!(
                        "anchor `{{#{id}}}` must be lowercase letters and digits joined by single hyphens, like `{{#{}}}`",
                        slugify(&id)
                    ),
                );
                return None;
            }
            None => {
                let slug = slugify(&text);
                if slug.is_empty() {
                    if !text.is_empty() {
                        self.error(
                            start,
                            format_args!("heading `{text}` has no letters or digits to make an anchor: add `{{#my-id}}`"),
                        );
                    }
                    return None;
                }
                slug
            }
        };
        self.out.ids.push((id.clone(), self.src.loc(start)));
        Some(if section {
            Flow::Section { id, title: text }
        } else {
            Flow::Block(Block::SubHeading(SubHeading { id, text, in_toc }))
        })
    }

    /// The plain text of a heading, up to and including its end.
    fn heading_text(&mut self, start: usize) -> String {
        let mut text = String::new();
        let mut formatted = false;
        while let Some((event, range)) = self.next() {
            match event {
                Event::End(TagEnd::Heading(_)) => break,
                Event::Text(t) => text.push_str(&t),
                Event::SoftBreak | Event::HardBreak => text.push(' '),
                Event::Start(Tag::Emphasis | Tag::Strong | Tag::Link { .. }) | Event::End(_) => {
                    formatted = true
                }
                Event::Code(t) => {
                    formatted = true;
                    text.push_str(&t);
                }
                Event::Start(tag) => {
                    self.error(range.start, unsupported(&tag));
                    self.skip();
                }
                Event::Html(_) | Event::InlineHtml(_) => {
                    self.error(range.start, "raw HTML is not supported")
                }
                _ => self.error(range.start, "this Markdown is not supported"),
            }
        }
        if formatted {
            self.error(start, "headings are plain text: no emphasis, links or code");
        }
        text.trim().to_string()
    }

    /// A list whose start was just read.
    fn list(&mut self, start: Option<u64>, at: usize) -> Block {
        if start.is_some_and(|n| n != 1) {
            self.error(at, "a numbered list must start at 1");
        }
        let mut items = Vec::new();
        while let Some((event, range)) = self.next() {
            match event {
                Event::End(_) => break,
                Event::Start(Tag::Item) => items.push(self.item(range.start)),
                Event::Start(tag) => {
                    self.error(range.start, unsupported(&tag));
                    self.skip();
                }
                _ => self.error(range.start, "this Markdown is not supported"),
            }
        }
        Block::List {
            ordered: start.is_some(),
            items,
        }
    }

    /// A list item whose start was just read, up to and including its end.
    fn item(&mut self, at: usize) -> Vec<Inline> {
        let mut out = Vec::new();
        let mut parts = 0;
        while let Some((event, range)) = self.peek().cloned() {
            match event {
                Event::End(_) => {
                    self.pos += 1;
                    break;
                }
                Event::Start(Tag::Paragraph) => {
                    self.pos += 1;
                    parts += 1;
                    if parts == 2 {
                        self.error(range.start, unsupported(&Tag::Paragraph));
                    }
                    out.extend(self.inlines());
                    self.finish();
                }
                Event::Start(tag) if is_block_tag(&tag) => {
                    self.pos += 1;
                    self.error(range.start, unsupported(&tag));
                    self.skip();
                }
                _ => {
                    parts += 1;
                    out.extend(self.inlines());
                }
            }
        }
        if out.is_empty() {
            self.error(at, "empty list item");
        }
        out
    }
}

// ---------------------------------------------------------------------------
// Reading and checking
// ---------------------------------------------------------------------------

/// One content file: its path as it should be reported, and its text or why it could not be read.
#[derive(Debug, Clone)]
pub struct SourceFile {
    pub path: String,
    pub text: Result<String, String>,
}

impl SourceFile {
    #[cfg(test)]
    pub fn new(path: impl Into<String>, text: impl Into<String>) -> Self {
        SourceFile {
            path: path.into(),
            text: Ok(text.into()),
        }
    }

    /// Reads `path`, keeping a read error to report.
    pub fn read(path: &Path) -> Self {
        let text = std::fs::read_to_string(path).map_err(|e| e.to_string());
        SourceFile {
            path: path.display().to_string(),
            text,
        }
    }

    fn file_text(&self, errors: &mut Vec<Error>) -> Option<FileText<'_>> {
        match &self.text {
            Ok(text) => Some(FileText::new(&self.path, text)),
            Err(error) => {
                errors.push(Error {
                    file: self.path.clone(),
                    at: None,
                    message: format!("cannot read: {error}"),
                });
                None
            }
        }
    }
}

/// The five content files.
#[derive(Debug, Clone)]
pub struct Sources {
    pub site: SourceFile,
    pub article: SourceFile,
    pub faq: SourceFile,
    pub offers: SourceFile,
    pub carriers: SourceFile,
}

impl Sources {
    /// Reads the files of [`FILES`] in `dir`.
    pub fn read(dir: &Path) -> Self {
        let [site, article, faq, offers, carriers] =
            FILES.map(|name| SourceFile::read(&dir.join(name)));
        Sources {
            site,
            article,
            faq,
            offers,
            carriers,
        }
    }
}

/// Reads the content of `dir` and returns the Rust source of `CONTENT`.
pub fn generate(dir: &Path) -> Result<String, Vec<Error>> {
    compile(&Sources::read(dir)).map(|content| codegen(&content))
}

/// Everything gathered while reading, to check across files at the end.
#[derive(Default)]
struct Checks {
    /// Page anchors with where they are defined and a hint on how to rename them.
    ids: Vec<(String, Loc, &'static str)>,
    refs: Vec<(Ref, Loc)>,
    embeds: Vec<(Embed, Loc)>,
}

/// Reads and checks all the content; every error found, or the content with
/// `site:` links resolved to their paths.
pub fn compile(sources: &Sources) -> Result<Content, Vec<Error>> {
    let mut errors = Vec::new();
    let mut checks = Checks::default();

    let site_text = sources.site.file_text(&mut errors);
    let site_file = site_text
        .as_ref()
        .and_then(|f| parse_toml::<SiteFile>(f, &mut errors));
    let site = match (&site_text, &site_file) {
        (Some(text), Some(file)) => Some(check_site(text, file, &mut errors)),
        _ => None,
    };

    let article_text = sources.article.file_text(&mut errors);
    let article = article_text
        .as_ref()
        .map(|f| article(f, &mut checks, &mut errors));

    let faq_text = sources.faq.file_text(&mut errors);
    let faq_file = faq_text
        .as_ref()
        .and_then(|f| parse_toml::<FaqFile>(f, &mut errors));
    let faq = match (&faq_text, &faq_file) {
        (Some(text), Some(file)) => Some(faq(text, file, &mut checks, &mut errors)),
        _ => None,
    };

    let offers_text = sources.offers.file_text(&mut errors);
    let offers_file = offers_text
        .as_ref()
        .and_then(|f| parse_toml::<OffersFile>(f, &mut errors));
    let offers = match (&offers_text, &offers_file) {
        (Some(text), Some(file)) => Some(offers(text, file, &mut checks, &mut errors)),
        _ => None,
    };

    let carriers_text = sources.carriers.file_text(&mut errors);
    let carriers_file = carriers_text
        .as_ref()
        .and_then(|f| parse_toml::<CarriersFile>(f, &mut errors));
    let carriers = match (&carriers_text, &carriers_file) {
        (Some(text), Some(file)) => Some(carriers(text, file, &mut errors)),
        _ => None,
    };

    let links = site_file.as_ref().map(|file| &file.links);
    check_page(
        &checks,
        article_text.as_ref(),
        links,
        faq.is_some(),
        &mut errors,
    );

    // In file order, then by position (file-wide errors first).
    let files = [
        &sources.site,
        &sources.article,
        &sources.faq,
        &sources.offers,
        &sources.carriers,
    ];
    let order = |path: &str| {
        files
            .iter()
            .position(|file| file.path == path)
            .unwrap_or(files.len())
    };
    errors.sort_by_key(|error| (order(&error.file), error.at));
    // The same problem again on the same line (like `<b>` and `</b>`) says nothing new.
    errors.dedup_by(|b, a| {
        a.file == b.file && a.at.map(|at| at.0) == b.at.map(|at| at.0) && a.message == b.message
    });

    match (site, article, faq, offers, carriers) {
        (Some(site), Some(article), Some(faq), Some(offers), Some((carriers, checker)))
            if errors.is_empty() =>
        {
            let links = links.expect("site.toml was read");
            let [insurance_cta, shared_experience, verify_insurance, book, closing_cta, help] =
                offers;
            let mut content = Content {
                site: site.0,
                article: Article {
                    sections: article,
                    ..site.1
                },
                not_found: site.2,
                faq,
                carriers,
                checker,
                insurance_cta,
                shared_experience,
                verify_insurance,
                book,
                closing_cta,
                help,
            };
            resolve_site_links(&mut content, links);
            Ok(content)
        }
        _ => Err(errors),
    }
}

fn is_e164(text: &str) -> bool {
    let Some(digits) = text.strip_prefix('+') else {
        return false;
    };
    (8..=15).contains(&digits.len())
        && digits.bytes().all(|b| b.is_ascii_digit())
        && !digits.starts_with('0')
}

/// A path relative to `base_url`: no leading `/`, no scheme, no whitespace.
fn relative_path_problem(path: &str) -> Option<&'static str> {
    let before_query = path.split(['/', '?', '#']).next().unwrap_or("");
    if path.starts_with('/') {
        Some("must be relative to [site] base_url, without a leading `/`")
    } else if before_query.contains(':') {
        Some("must be a path relative to [site] base_url, not a URL")
    } else if path.chars().any(char::is_whitespace) {
        Some("must not contain whitespace")
    } else {
        None
    }
}

/// Checks `site.toml`; returns the site and the article without its sections.
fn check_site(
    file: &FileText<'_>,
    site: &SiteFile,
    errors: &mut Vec<Error>,
) -> (Site, Article, NotFound) {
    let required = [
        (&site.site.name, "[site] name"),
        (&site.site.lang, "[site] lang"),
        (&site.phone.display, "[phone] display"),
        (&site.article.path, "[article] path"),
    ];
    for (value, context) in required {
        check_required(file, value, context, errors);
    }
    let plain = [
        (&site.article.title, "[article] title"),
        (&site.article.description, "[article] description"),
        (&site.phone.call_label, "[phone] call_label"),
        (&site.phone.text_label, "[phone] text_label"),
        (&site.not_found.heading, "[not_found] heading"),
        (&site.not_found.body, "[not_found] body"),
        (&site.not_found.link, "[not_found] link"),
    ];
    for (value, context) in plain {
        check_plain(file, value, context, errors);
    }

    let base_url = &site.site.base_url;
    let url = base_url.get_ref();
    let host = url.strip_prefix("https://").unwrap_or("");
    if host.is_empty()
        || host.starts_with('/')
        || !url.ends_with('/')
        || url.chars().any(char::is_whitespace)
    {
        errors.push(
            file.loc(base_url.span().start, "[site] base_url")
                .error(format_args!("`{url}` must be an absolute https URL ending with `/`, like `https://example.com/`")),
        );
    }

    let lang = site.site.lang.get_ref();
    if !lang.is_empty()
        && !lang
            .split('-')
            .all(|part| !part.is_empty() && part.chars().all(|c| c.is_ascii_alphanumeric()))
    {
        errors.push(
            file.loc(site.site.lang.span().start, "[site] lang")
                .error(format_args!(
                    "`{lang}` is not a language tag like `en` or `en-US`"
                )),
        );
    }

    let description = &site.article.description;
    let length = description.get_ref().chars().count();
    if length > MAX_DESCRIPTION {
        errors.push(
            file.loc(description.span().start, "[article] description")
                .error(format_args!(
                    "is {length} characters long; at most {MAX_DESCRIPTION} are allowed"
                )),
        );
    }

    let path = &site.article.path;
    if let Some(problem) = relative_path_problem(path.get_ref()) {
        errors.push(
            file.loc(path.span().start, "[article] path")
                .error(format_args!("`{}` {problem}", path.get_ref())),
        );
    }

    let e164 = &site.phone.e164;
    if !is_e164(e164.get_ref()) {
        errors.push(file.loc(e164.span().start, "[phone] e164").error(format_args!(
            "`{}` is not an E.164 number: `+`, the country code and the number, digits only, like `+19497633440`",
            e164.get_ref()
        )));
    }

    for (key, path) in &site.links {
        let context = format!("[links] {key}");
        if key.trim().is_empty() {
            errors.push(
                file.loc(path.span().start, "[links]")
                    .error("a link key must not be empty"),
            );
        }
        if let Some(problem) = relative_path_problem(path.get_ref()) {
            errors.push(
                file.loc(path.span().start, &context)
                    .error(format_args!("`{}` {problem}", path.get_ref())),
            );
        }
    }

    let owned = |value: &Str| value.get_ref().clone();
    (
        Site {
            name: owned(&site.site.name),
            base_url: owned(&site.site.base_url),
            lang: owned(&site.site.lang),
            phone: Phone {
                display: owned(&site.phone.display),
                e164: owned(&site.phone.e164),
            },
            call_label: owned(&site.phone.call_label),
            text_label: owned(&site.phone.text_label),
        },
        Article {
            title: owned(&site.article.title),
            description: owned(&site.article.description),
            path: owned(&site.article.path),
            sections: Vec::new(),
        },
        NotFound {
            heading: owned(&site.not_found.heading),
            body: owned(&site.not_found.body),
            link: owned(&site.not_found.link),
        },
    )
}

/// Compiles `article.md` into sections.
fn article(file: &FileText<'_>, checks: &mut Checks, errors: &mut Vec<Error>) -> Vec<Section> {
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
fn body(
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

fn faq(
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

fn offers(
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

fn carriers(
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
const TEMPLATE_NAMES: [&str; 3] = ["carrier", "typed", "count"];

/// Checks `[checker]` wording: required, plain text, and only the
/// placeholders the field offers (`required` must be there).
fn checker_text(file: &FileText<'_>, table: &CheckerTable, errors: &mut Vec<Error>) -> CheckerText {
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
    }
}

/// Checks the `{name}` placeholders of a wording.
fn check_template(
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
fn ignore_words(file: &FileText<'_>, ignore: &[Str], errors: &mut Vec<Error>) -> Vec<String> {
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

fn aliases(
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
struct NameIndex {
    ignore: Vec<String>,
    /// By its sorted words: the name, its owner and where it was written.
    by_words: HashMap<String, (String, String, Loc)>,
    /// The same by its words run together.
    by_concat: HashMap<String, (String, String, Loc)>,
}

impl NameIndex {
    fn new(ignore: &[String]) -> Self {
        NameIndex {
            ignore: ignore.to_vec(),
            by_words: HashMap::new(),
            by_concat: HashMap::new(),
        }
    }

    /// Checks the name `value` of `owner` and returns its words.
    fn add(
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

/// Checks across files: unique anchors, link targets, `{{name}}` blocks.
fn check_page(
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
        if *count == 2 {
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

fn resolve_site_links(content: &mut Content, links: &BTreeMap<String, Str>) {
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

// ---------------------------------------------------------------------------
// Code generation
// ---------------------------------------------------------------------------

/// The Rust source of `pub const CONTENT_DATA: Content` and `pub static
/// CONTENT` (its one copy in memory), to be `include!`d where the types of
/// model.rs are in scope. Code that needs a small part reads it from the
/// const, so the rest never reaches that binary (the forms module).
pub fn codegen(content: &Content) -> String {
    let mut out = String::new();
    out.push_str("// @generated by build.rs from the files of src/content/ (see its README). Do not edit.\n\n");
    out.push_str("/// The page content, compiled from `src/content/` at build time.\n");
    out.push_str("pub const CONTENT_DATA: Content = Content {\n");
    let site = &content.site;
    let _ = writeln!(
        out,
        "    site: Site {{\n        name: {:?},\n        base_url: {:?},\n        lang: {:?},\n        \
         phone: Phone {{ display: {:?}, e164: {:?} }},\n        call_label: {:?},\n        text_label: {:?},\n    }},",
        site.name, site.base_url, site.lang, site.phone.display, site.phone.e164, site.call_label, site.text_label
    );
    let article = &content.article;
    let _ = writeln!(
        out,
        "    article: Article {{\n        title: {:?},\n        description: {:?},\n        path: {:?},\n        sections: &[",
        article.title, article.description, article.path
    );
    for section in &article.sections {
        let _ = writeln!(
            out,
            "            Section {{\n                id: {:?},\n                title: {:?},\n                blocks: {},\n            }},",
            section.id,
            section.title,
            blocks_code(&section.blocks, 16)
        );
    }
    out.push_str("        ],\n    },\n");
    let not_found = &content.not_found;
    let _ = writeln!(
        out,
        "    not_found: NotFound {{ heading: {:?}, body: {:?}, link: {:?} }},",
        not_found.heading, not_found.body, not_found.link
    );
    out.push_str("    faq: &[\n");
    for item in &content.faq {
        let _ = writeln!(
            out,
            "        FaqItem {{\n            id: {:?},\n            question: {:?},\n            answer: {},\n        }},",
            item.id,
            item.question,
            blocks_code(&item.answer, 12)
        );
    }
    out.push_str("    ],\n    carriers: &[\n");
    for carrier in &content.carriers {
        let _ = writeln!(
            out,
            "        Carrier {{ id: {:?}, name: {:?}, words: {}, aliases: {} }},",
            carrier.id,
            carrier.name,
            words_code(&carrier.words),
            aliases_code(&carrier.aliases)
        );
    }
    out.push_str("    ],\n");
    checker_code(&mut out, &content.checker);
    for (field, offer) in [
        ("insurance_cta", &content.insurance_cta),
        ("shared_experience", &content.shared_experience),
        ("verify_insurance", &content.verify_insurance),
        ("book", &content.book),
        ("closing_cta", &content.closing_cta),
        ("help", &content.help),
    ] {
        let actions: Vec<String> = offer
            .actions
            .iter()
            .map(|action| {
                format!(
                    "Action {{ label: {:?}, href: {} }}",
                    action.label,
                    href_code(&action.href)
                )
            })
            .collect();
        let _ = writeln!(
            out,
            "    {field}: Offer {{\n        id: {:?},\n        heading: {:?},\n        body: {},\n        actions: &[{}],\n    }},",
            offer.id,
            offer.heading,
            blocks_code(&offer.body, 8),
            actions.join(", ")
        );
    }
    out.push_str("};\n\n/// The page content in memory: read this, not `CONTENT_DATA`.\npub static CONTENT: Content = CONTENT_DATA;\n");
    out
}

fn checker_code(out: &mut String, checker: &Checker) {
    let text = &checker.text;
    let outcome = |o: &OutcomeText| {
        format!(
            "OutcomeText {{ heading: {:?}, body: {:?} }}",
            o.heading, o.body
        )
    };
    let _ = writeln!(
        out,
        "    checker: Checker {{\n        text: CheckerText {{\n            label: {:?},\n            hint: {:?},\n            \
         suggestions: {:?},\n            verify: {:?},\n            prefill: {:?},\n            options_one: {:?},\n            \
         options_many: {:?},\n            in_network: {},\n            in_network_alias: {:?},\n            not_listed: {},\n            \
         unclear: {},\n        }},\n        parents: &[",
        text.label,
        text.hint,
        text.suggestions,
        text.verify,
        text.prefill,
        text.options_one,
        text.options_many,
        outcome(&text.in_network),
        text.in_network_alias,
        outcome(&text.not_listed),
        outcome(&text.unclear),
    );
    for parent in &checker.parents {
        let _ = writeln!(
            out,
            "            ParentBrand {{ name: {:?}, words: {}, aliases: {}, note: {:?}, carriers: {} }},",
            parent.name,
            words_code(&parent.words),
            aliases_code(&parent.aliases),
            parent.note,
            words_code(&parent.carriers)
        );
    }
    out.push_str("        ],\n        others: &[\n");
    for other in &checker.others {
        let _ = writeln!(
            out,
            "            OtherInsurer {{ name: {:?}, words: {}, aliases: {}, note: {:?} }},",
            other.name,
            words_code(&other.words),
            aliases_code(&other.aliases),
            other.note
        );
    }
    let _ = writeln!(
        out,
        "        ],\n        ignore: {},\n    }},",
        words_code(&checker.ignore)
    );
}

/// `&["a", "b"]`
fn words_code(words: &[String]) -> String {
    let quoted: Vec<String> = words.iter().map(|word| format!("{word:?}")).collect();
    format!("&[{}]", quoted.join(", "))
}

fn aliases_code(aliases: &[Alias]) -> String {
    let parts: Vec<String> = aliases
        .iter()
        .map(|alias| {
            format!(
                "Alias {{ name: {:?}, words: {}, note: {:?} }}",
                alias.name,
                words_code(&alias.words),
                alias.note
            )
        })
        .collect();
    format!("&[{}]", parts.join(", "))
}

fn href_code(href: &Href) -> String {
    match href {
        Href::Site(path) => format!("Href::Site({path:?})"),
        Href::Anchor(id) => format!("Href::Anchor({id:?})"),
        Href::External(url) => format!("Href::External({url:?})"),
        Href::Call => "Href::Call".to_string(),
        Href::Text => "Href::Text".to_string(),
    }
}

fn inlines_code(inlines: &[Inline]) -> String {
    let parts: Vec<String> = inlines
        .iter()
        .map(|inline| match inline {
            Inline::Text(text) => format!("Inline::Text({text:?})"),
            Inline::Strong(children) => format!("Inline::Strong({})", inlines_code(children)),
            Inline::Emphasis(children) => format!("Inline::Emphasis({})", inlines_code(children)),
            Inline::Link { href, children } => {
                format!(
                    "Inline::Link {{ href: {}, children: {} }}",
                    href_code(href),
                    inlines_code(children)
                )
            }
        })
        .collect();
    format!("&[{}]", parts.join(", "))
}

/// `&[...]` of blocks, one a line, indented by `indent` spaces.
fn blocks_code(blocks: &[Block], indent: usize) -> String {
    if blocks.is_empty() {
        return "&[]".to_string();
    }
    let pad = " ".repeat(indent + 4);
    let mut out = String::from("&[\n");
    for block in blocks {
        let code = match block {
            Block::Paragraph(inlines) => format!("Block::Paragraph({})", inlines_code(inlines)),
            Block::SubHeading(heading) => format!(
                "Block::SubHeading(SubHeading {{ id: {:?}, text: {:?}, in_toc: {} }})",
                heading.id, heading.text, heading.in_toc
            ),
            Block::List { ordered, items } => {
                let items: Vec<String> = items.iter().map(|item| inlines_code(item)).collect();
                format!(
                    "Block::List {{ ordered: {ordered}, items: &[{}] }}",
                    items.join(", ")
                )
            }
            Block::Embed(embed) => format!("Block::Embed(Embed::{})", embed.variant()),
        };
        let _ = writeln!(out, "{pad}{code},");
    }
    out.push_str(&" ".repeat(indent));
    out.push(']');
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    const SITE: &str = r#"[site]
name = "Asana Recovery"
base_url = "https://example.com/"
lang = "en"

[article]
title = "Ketamine Therapy"
description = "What ketamine therapy is."
path = "ketamine/"

[phone]
display = "(949) 763-3440"
e164 = "+19497633440"
call_label = "Call us"
text_label = "Text us"

[links]
dual-diagnosis = "dual-diagnosis/"
home = ""

[not_found]
heading = "Page not found"
body = "Nothing here."
link = "Read the article"
"#;

    const ARTICLE: &str = "## What Is Ketamine?

Ketamine is **strong** and *calm*; see [dual diagnosis](site:dual-diagnosis).

{{insurance-cta}}

### Legal Status {.toc}

- One
- Two

## Risks {#risks}

{{faq}}
";

    const FAQ: &str = r#"[[item]]
id = "is-it-safe"
question = "Is it safe?"
answer = """
Mostly. See [help](#help).
"""

[[item]]
id = "cost"
question = "What does it cost?"
answer = "Ask [us](call:)."
"#;

    const OFFERS: &str = r##"[insurance_cta]
heading = "Insurance"
body = "We take insurance."
actions = [{ label = "Verify", href = "#verify-insurance" }]

[shared_experience]
heading = "Shared"
body = "You are not alone."

[verify_insurance]
heading = "Verify Insurance for Free"
body = "Check your coverage."

[book]
heading = "Free Book"
body = "Get the book."
actions = [{ label = "Get it", href = "site:home" }]

[closing_cta]
heading = "Get help"
body = "Call today."
actions = [{ label = "Call", href = "call:" }, { label = "Text", href = "text:" }]

[help]
heading = "We're Here to Help"
body = "Reach out."
"##;

    /// `[checker]` of the fixture, to follow other `carriers.toml` tables.
    macro_rules! checker_toml {
        () => {
            r#"
[checker]
label = "Who is your insurance with?"
hint = "Type the name on your card."
suggestions = "Matching insurers"
verify = "Verify my coverage"
prefill = "You asked about: {carrier}"
options_one = "1 suggestion."
options_many = "{count} suggestions."
ignore = ["insurance", "health"]

[checker.in_network]
heading = "{carrier} is in our network"
alias = "You typed {typed}."
body = "Coverage depends on your plan."

[checker.not_listed]
heading = "{typed} is not on our list"
body = "We may still help."

[checker.unclear]
heading = "Which one?"
body = "Pick yours."
"#
        };
    }

    const CARRIERS: &str = concat!(
        r#"[[carrier]]
id = "cigna"
name = "Cigna"

[[carrier]]
id = "aetna"
name = "Aetna"
aliases = ["Aetna CVS Health", { name = "Coventry", note = "Part of Aetna since 2013." }]

[[parent]]
name = "CVS Health"
carriers = ["aetna"]
note = "CVS Health owns Aetna."

[[other]]
name = "Kaiser Permanente"
aliases = ["Kaiser"]
"#,
        checker_toml!()
    );

    fn sources(site: &str, article: &str, faq: &str, offers: &str, carriers: &str) -> Sources {
        Sources {
            site: SourceFile::new("src/content/site.toml", site),
            article: SourceFile::new("src/content/article.md", article),
            faq: SourceFile::new("src/content/faq.toml", faq),
            offers: SourceFile::new("src/content/offers.toml", offers),
            carriers: SourceFile::new("src/content/carriers.toml", carriers),
        }
    }

    fn messages(result: Result<Content, Vec<Error>>) -> Vec<String> {
        match result {
            Ok(_) => panic!("expected errors"),
            Err(errors) => errors.iter().map(ToString::to_string).collect(),
        }
    }

    fn ok(result: Result<Content, Vec<Error>>) -> Content {
        match result {
            Ok(content) => content,
            Err(errors) => panic!(
                "unexpected errors: {:#?}",
                errors.iter().map(ToString::to_string).collect::<Vec<_>>()
            ),
        }
    }

    fn with_article(article: &str) -> Result<Content, Vec<Error>> {
        compile(&sources(SITE, article, FAQ, OFFERS, CARRIERS))
    }

    fn with_site(site: &str) -> Result<Content, Vec<Error>> {
        compile(&sources(site, ARTICLE, FAQ, OFFERS, CARRIERS))
    }

    fn with_faq(faq: &str) -> Result<Content, Vec<Error>> {
        compile(&sources(SITE, ARTICLE, faq, OFFERS, CARRIERS))
    }

    fn with_offers(offers: &str) -> Result<Content, Vec<Error>> {
        compile(&sources(SITE, ARTICLE, FAQ, offers, CARRIERS))
    }

    fn with_carriers(carriers: &str) -> Result<Content, Vec<Error>> {
        compile(&sources(SITE, ARTICLE, FAQ, OFFERS, carriers))
    }

    /// The blocks of `body` as the only section of an article (line 3 on).
    fn blocks(body: &str) -> Vec<Block> {
        let content = ok(with_article(&format!(
            "## Section\n\n{body}\n\n{{{{faq}}}}\n"
        )));
        let mut blocks = content.article.sections[0].blocks.clone();
        assert_eq!(blocks.pop(), Some(Block::Embed(Embed::Faq)));
        blocks
    }

    /// The errors of `body` as the only section of an article (line 3 on).
    fn body_errors(body: &str) -> Vec<String> {
        messages(with_article(&format!(
            "## Section\n\n{body}\n\n{{{{faq}}}}\n"
        )))
    }

    fn text(text: &str) -> Inline {
        Inline::Text(text.to_string())
    }

    fn link(href: Href, label: &str) -> Inline {
        Inline::Link {
            href,
            children: vec![text(label)],
        }
    }

    /// `site.toml` with `from` replaced by `to` (which must be there).
    fn site_with(from: &str, to: &str) -> String {
        assert!(SITE.contains(from), "{from}");
        SITE.replacen(from, to, 1)
    }

    fn offers_with(from: &str, to: &str) -> String {
        assert!(OFFERS.contains(from), "{from}");
        OFFERS.replacen(from, to, 1)
    }

    // --- the whole thing -------------------------------------------------

    #[test]
    fn compiles_the_fixture() {
        let content = ok(compile(&sources(SITE, ARTICLE, FAQ, OFFERS, CARRIERS)));
        assert_eq!(content.site.name, "Asana Recovery");
        assert_eq!(content.site.base_url, "https://example.com/");
        assert_eq!(content.site.lang, "en");
        assert_eq!(
            content.site.phone,
            Phone {
                display: "(949) 763-3440".into(),
                e164: "+19497633440".into()
            }
        );
        assert_eq!(content.site.call_label, "Call us");
        assert_eq!(content.site.text_label, "Text us");
        assert_eq!(content.article.title, "Ketamine Therapy");
        assert_eq!(content.article.description, "What ketamine therapy is.");
        assert_eq!(content.article.path, "ketamine/");

        let sections = &content.article.sections;
        assert_eq!(sections.len(), 2);
        assert_eq!(
            (sections[0].id.as_str(), sections[0].title.as_str()),
            ("what-is-ketamine", "What Is Ketamine?")
        );
        assert_eq!(
            sections[0].blocks,
            vec![
                Block::Paragraph(vec![
                    text("Ketamine is "),
                    Inline::Strong(vec![text("strong")]),
                    text(" and "),
                    Inline::Emphasis(vec![text("calm")]),
                    text("; see "),
                    link(Href::Site("dual-diagnosis/".into()), "dual diagnosis"),
                    text("."),
                ]),
                Block::Embed(Embed::InsuranceCta),
                Block::SubHeading(SubHeading {
                    id: "legal-status".into(),
                    text: "Legal Status".into(),
                    in_toc: true
                }),
                Block::List {
                    ordered: false,
                    items: vec![vec![text("One")], vec![text("Two")]]
                },
            ]
        );
        assert_eq!(
            (sections[1].id.as_str(), sections[1].title.as_str()),
            ("risks", "Risks")
        );
        assert_eq!(sections[1].blocks, vec![Block::Embed(Embed::Faq)]);

        assert_eq!(content.faq.len(), 2);
        assert_eq!(content.faq[0].id, "faq-is-it-safe");
        assert_eq!(content.faq[0].question, "Is it safe?");
        assert_eq!(
            content.faq[0].answer,
            vec![Block::Paragraph(vec![
                text("Mostly. See "),
                link(Href::Anchor("help".into()), "help"),
                text(".")
            ])]
        );
        assert_eq!(
            content.faq[1].answer,
            vec![Block::Paragraph(vec![
                text("Ask "),
                link(Href::Call, "us"),
                text(".")
            ])]
        );

        assert_eq!(
            content.carriers,
            vec![
                Carrier {
                    id: "cigna".into(),
                    name: "Cigna".into(),
                    words: vec!["cigna".into()],
                    aliases: vec![],
                },
                Carrier {
                    id: "aetna".into(),
                    name: "Aetna".into(),
                    words: vec!["aetna".into()],
                    aliases: vec![
                        Alias {
                            name: "Aetna CVS Health".into(),
                            words: vec!["aetna".into(), "cvs".into()],
                            note: None,
                        },
                        Alias {
                            name: "Coventry".into(),
                            words: vec!["coventry".into()],
                            note: Some("Part of Aetna since 2013.".into()),
                        },
                    ],
                },
            ]
        );
        let checker = &content.checker;
        assert_eq!(checker.ignore, ["insurance", "health"]);
        assert_eq!(
            checker.parents,
            [ParentBrand {
                name: "CVS Health".into(),
                words: vec!["cvs".into()],
                aliases: vec![],
                note: "CVS Health owns Aetna.".into(),
                carriers: vec!["aetna".into()],
            }]
        );
        assert_eq!(checker.others[0].words, ["kaiser", "permanente"]);
        assert_eq!(checker.others[0].aliases[0].words, ["kaiser"]);
        assert_eq!(checker.others[0].note, None);
        assert_eq!(checker.text.prefill, "You asked about: {carrier}");
        assert_eq!(
            checker.text.in_network.heading,
            "{carrier} is in our network"
        );
        assert_eq!(checker.text.in_network_alias, "You typed {typed}.");
        assert_eq!(checker.text.unclear.body, "Pick yours.");
        let ids: Vec<&str> = [
            &content.insurance_cta,
            &content.shared_experience,
            &content.verify_insurance,
            &content.book,
            &content.closing_cta,
            &content.help,
        ]
        .iter()
        .map(|offer| offer.id.as_str())
        .collect();
        assert_eq!(
            ids,
            [
                "insurance-cta",
                "shared-experience",
                "verify-insurance",
                "book",
                "closing-cta",
                "help"
            ]
        );
        assert_eq!(
            content.verify_insurance.heading,
            "Verify Insurance for Free"
        );
        assert_eq!(
            content.help.body,
            vec![Block::Paragraph(vec![text("Reach out.")])]
        );
        assert_eq!(
            content.insurance_cta.actions,
            vec![Action {
                label: "Verify".into(),
                href: Href::Anchor("verify-insurance".into())
            }]
        );
        assert_eq!(
            content.book.actions,
            vec![Action {
                label: "Get it".into(),
                href: Href::Site(String::new())
            }]
        );
        assert_eq!(
            content.closing_cta.actions,
            vec![
                Action {
                    label: "Call".into(),
                    href: Href::Call
                },
                Action {
                    label: "Text".into(),
                    href: Href::Text
                }
            ]
        );
        assert!(content.shared_experience.actions.is_empty());
    }

    #[test]
    fn generate_reads_a_directory() {
        let dir = std::env::temp_dir().join(format!("content-source-test-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        for (name, text) in FILES.iter().zip([SITE, ARTICLE, FAQ, OFFERS, CARRIERS]) {
            std::fs::write(dir.join(name), text).unwrap();
        }
        let code = generate(&dir).unwrap();
        assert!(code.contains("pub const CONTENT_DATA: Content = Content {"));
        assert!(code.contains("pub static CONTENT: Content = CONTENT_DATA;"));

        std::fs::remove_file(dir.join("faq.toml")).unwrap();
        let errors = generate(&dir).unwrap_err();
        std::fs::remove_dir_all(&dir).unwrap();
        assert_eq!(errors.len(), 1, "{errors:?}");
        assert_eq!(errors[0].file, dir.join("faq.toml").display().to_string());
        assert!(
            errors[0].to_string().contains(": cannot read: "),
            "{}",
            errors[0]
        );
    }

    // --- Markdown constructs ---------------------------------------------

    #[test]
    fn paragraphs_join_lines_with_spaces() {
        assert_eq!(
            blocks("First line\nsecond line.\n\nNext paragraph."),
            vec![
                Block::Paragraph(vec![text("First line second line.")]),
                Block::Paragraph(vec![text("Next paragraph.")]),
            ]
        );
    }

    #[test]
    fn strong_and_emphasis_nest() {
        assert_eq!(
            blocks("**bold *both*** and _under_ __score__"),
            vec![Block::Paragraph(vec![
                Inline::Strong(vec![text("bold "), Inline::Emphasis(vec![text("both")])]),
                text(" and "),
                Inline::Emphasis(vec![text("under")]),
                text(" "),
                Inline::Strong(vec![text("score")]),
            ])]
        );
    }

    #[test]
    fn escaped_characters_and_entities_are_text() {
        assert_eq!(
            blocks(r"A \*star\* &amp; 5 \< 6"),
            vec![Block::Paragraph(vec![text("A *star* & 5 < 6")])]
        );
    }

    #[test]
    fn every_kind_of_link() {
        let paragraph = "[a](site:dual-diagnosis) [b](#section) [c](call:) [d](text:) \
                         [e](https://www.fda.gov/x?y=1) [f](mailto:info@example.com) <https://example.org/> \
                         <info@example.com> [**g**](site:home)";
        let [Block::Paragraph(inlines)] = &blocks(paragraph)[..] else {
            panic!()
        };
        let links: Vec<&Inline> = inlines
            .iter()
            .filter(|i| matches!(i, Inline::Link { .. }))
            .collect();
        assert_eq!(
            links,
            [
                &link(Href::Site("dual-diagnosis/".into()), "a"),
                &link(Href::Anchor("section".into()), "b"),
                &link(Href::Call, "c"),
                &link(Href::Text, "d"),
                &link(Href::External("https://www.fda.gov/x?y=1".into()), "e"),
                &link(Href::External("mailto:info@example.com".into()), "f"),
                &link(
                    Href::External("https://example.org/".into()),
                    "https://example.org/"
                ),
                &link(
                    Href::External("mailto:info@example.com".into()),
                    "info@example.com"
                ),
                &Inline::Link {
                    href: Href::Site(String::new()),
                    children: vec![Inline::Strong(vec![text("g")])]
                },
            ]
        );
    }

    #[test]
    fn reference_links_resolve() {
        assert_eq!(
            blocks("See [the page][dd].\n\n[dd]: site:dual-diagnosis"),
            vec![Block::Paragraph(vec![
                text("See "),
                link(Href::Site("dual-diagnosis/".into()), "the page"),
                text(".")
            ])]
        );
    }

    #[test]
    fn lists() {
        assert_eq!(
            blocks("- one\n- **two**\n\n1. first\n2. second [link](#section)"),
            vec![
                Block::List {
                    ordered: false,
                    items: vec![vec![text("one")], vec![Inline::Strong(vec![text("two")])]]
                },
                Block::List {
                    ordered: true,
                    items: vec![
                        vec![text("first")],
                        vec![
                            text("second "),
                            link(Href::Anchor("section".into()), "link")
                        ]
                    ],
                },
            ]
        );
        // `*` and `+` bullets, a loose list, and a lazy continuation line are the same single-line items.
        assert_eq!(
            blocks("* one\n\n* two\ncontinued"),
            vec![Block::List {
                ordered: false,
                items: vec![vec![text("one")], vec![text("two continued")]]
            }]
        );
    }

    #[test]
    fn sub_headings() {
        assert_eq!(
            blocks("### Plain\n\n### In The TOC {.toc}\n\n### Chosen {#my-id .toc}\n\n### Ketamine’s Café"),
            vec![
                Block::SubHeading(SubHeading { id: "plain".into(), text: "Plain".into(), in_toc: false }),
                Block::SubHeading(SubHeading { id: "in-the-toc".into(), text: "In The TOC".into(), in_toc: true }),
                Block::SubHeading(SubHeading { id: "my-id".into(), text: "Chosen".into(), in_toc: true }),
                Block::SubHeading(SubHeading { id: "ketamines-cafe".into(), text: "Ketamine’s Café".into(), in_toc: false }),
            ]
        );
    }

    #[test]
    fn section_ids_are_slugs_or_chosen() {
        let content = ok(with_article(
            "## Risks vs. Benefits\n\nText.\n\n## Ketamine’s Effects\n\nText.\n\nHeading Two\n---\n\n{{faq}}\n\n## Chosen {#my-anchor}\n",
        ));
        let ids: Vec<(&str, &str)> = content
            .article
            .sections
            .iter()
            .map(|s| (s.id.as_str(), s.title.as_str()))
            .collect();
        assert_eq!(
            ids,
            [
                ("risks-vs-benefits", "Risks vs. Benefits"),
                ("ketamines-effects", "Ketamine’s Effects"),
                ("heading-two", "Heading Two"),
                ("my-anchor", "Chosen"),
            ]
        );
        assert!(content.article.sections[3].blocks.is_empty());
    }

    #[test]
    fn embeds() {
        assert_eq!(
            blocks("{{insurance-cta}}\n\nText.\n\n{{ shared-experience }}"),
            vec![
                Block::Embed(Embed::InsuranceCta),
                Block::Paragraph(vec![text("Text.")]),
                Block::Embed(Embed::SharedExperience),
            ]
        );
    }

    #[test]
    fn anchors_may_target_every_page_block() {
        let targets = [
            "risks",
            "what-is-ketamine",
            "legal-status",
            "faq-is-it-safe",
            "faq-cost",
            "insurance-cta",
            "verify-insurance",
            "book",
            "closing-cta",
            "help",
            "contact",
        ];
        let links: Vec<String> = targets.iter().map(|id| format!("[{id}](#{id})")).collect();
        let article = format!("{ARTICLE}\n{}\n", links.join(" "));
        ok(with_article(&article));
        // Offers may link to them too.
        ok(with_offers(&offers_with(
            "href = \"#verify-insurance\"",
            "href = \"#faq-cost\"",
        )));
    }

    // --- Markdown errors -------------------------------------------------

    #[test]
    fn rejects_unsupported_markdown_with_positions() {
        let cases = [
            ("# Title", "src/content/article.md:3:1: a `#` title is not allowed: the title is [article] title in site.toml"),
            ("#### Deep", "src/content/article.md:3:1: `####` and deeper headings are not supported: use `##` or `###`"),
            ("> quoted", "src/content/article.md:3:1: block quotes (`>`) are not supported"),
            ("```\ncode\n```", "src/content/article.md:3:1: code blocks are not supported"),
            ("    indented code", "src/content/article.md:3:5: code blocks are not supported"),
            ("<div>html</div>", "src/content/article.md:3:1: raw HTML is not supported"),
            ("Some <b>html</b>.", "src/content/article.md:3:6: raw HTML is not supported"),
            ("Some `code`.", "src/content/article.md:3:6: code (`` ` ``) is not supported"),
            ("An ![image](https://example.com/a.png).", "src/content/article.md:3:4: images are not supported"),
            ("| a | b |\n| - | - |\n| 1 | 2 |", "src/content/article.md:3:1: tables are not supported"),
            ("Text.\n\n---", "src/content/article.md:5:1: horizontal rules (`---`, `***`) are not supported"),
            ("Line  \nbreak", "src/content/article.md:3:5: line breaks (a trailing `\\` or two trailing spaces) are not supported"),
            ("- one\n  - nested", "src/content/article.md:4:3: nested lists are not supported"),
            (
                "- one\n\n  more\n- two",
                "src/content/article.md:5:3: a list item must be a single line of text (no paragraphs inside items)",
            ),
            ("3. three\n4. four", "src/content/article.md:3:1: a numbered list must start at 1"),
            ("-\n- two", "src/content/article.md:3:1: empty list item"),
        ];
        for (body, expected) in cases {
            assert_eq!(body_errors(body), [expected], "{body:?}");
        }
    }

    #[test]
    fn rejects_bad_links() {
        let cases = [
            ("[a](http://example.com/)", "src/content/article.md:3:1: `http://example.com/`: use https:, not http:"),
            ("[a](/page)", "src/content/article.md:3:1: `/page`: link to a page of the site with `site:key` and [links] in site.toml"),
            ("x [a](page.html)", "src/content/article.md:3:3: unsupported link target `page.html`: use `site:key`, `#anchor`, `call:`, `text:`, an `https:` URL or `mailto:`"),
            ("[a](call:+123)", "src/content/article.md:3:1: `call:+123`: write just `call:`, the number is [phone] e164 in site.toml"),
            ("[a](text:5)", "src/content/article.md:3:1: `text:5`: write just `text:`, the number is [phone] e164 in site.toml"),
            ("[a](site:)", "src/content/article.md:3:1: `site:` needs a key of [links] in site.toml, like `site:dual-diagnosis`"),
            ("[a](#)", "src/content/article.md:3:1: `#` needs the anchor of a heading or block of this page"),
            ("[a](mailto:nobody)", "src/content/article.md:3:1: `mailto:nobody` is not a valid mailto: address"),
            ("[a](https://)", "src/content/article.md:3:1: `https://` is not a valid https URL"),
            ("[a](#section \"title\")", "src/content/article.md:3:1: link titles (`[text](target \"title\")`) are not supported"),
            ("[](#section)", "src/content/article.md:3:1: a link needs text"),
            ("See [a](#nowhere).", "src/content/article.md:3:5: anchor `#nowhere` does not exist on this page"),
            (
                "Now [Dual](site:dual-diagnoss).",
                "src/content/article.md:3:5: link key `dual-diagnoss` is not defined in site.toml [links]",
            ),
        ];
        for (body, expected) in cases {
            assert_eq!(body_errors(body), [expected], "{body:?}");
        }
    }

    #[test]
    fn anchor_to_an_offer_needs_its_embed() {
        let article = "## A\n\n[go](#shared-experience) [cta](#insurance-cta)\n\n{{insurance-cta}}\n\n{{faq}}\n";
        assert_eq!(
            messages(with_article(article)),
            ["src/content/article.md:3:1: anchor `#shared-experience` is not on the page: place `{{shared-experience}}` in article.md"]
        );
    }

    #[test]
    fn rejects_broken_markdown_left_in_text() {
        let cases = [
            ("Some **unclosed strong.", "src/content/article.md:3:6: literal `**` in text: unbalanced or broken **strong** markup"),
            ("Fine **strong** then ** stray.", "src/content/article.md:3:22: literal `**` in text: unbalanced or broken **strong** markup"),
            ("Escaped \\*\\* too.", "src/content/article.md:3:10: literal `**` in text: unbalanced or broken **strong** markup"),
            (
                "A list * run together * here.",
                "src/content/article.md:3:8: literal ` * ` in text: a broken list item or emphasis (start list items on their own line with `- `)",
            ),
            (
                "\\* looks like a bullet",
                "src/content/article.md:3:2: text starts with a literal `* `: a broken list item (start list items on their own line with `- `)",
            ),
            (
                "- item with ** inside",
                "src/content/article.md:3:13: literal `**` in text: unbalanced or broken **strong** markup",
            ),
            ("### Head ** ing", "src/content/article.md:3:1: literal `**` in text: unbalanced or broken **strong** markup"),
        ];
        for (body, expected) in cases {
            assert_eq!(body_errors(body), [expected], "{body:?}");
        }
        // Emphasis and multiplication without spaces are fine.
        assert_eq!(
            blocks("*a* and 2*3"),
            vec![Block::Paragraph(vec![
                Inline::Emphasis(vec![text("a")]),
                text(" and 2*3")
            ])]
        );
    }

    #[test]
    fn heading_rules() {
        let cases = [
            ("### Has *emphasis*", "src/content/article.md:3:1: headings are plain text: no emphasis, links or code"),
            ("### ???", "src/content/article.md:3:1: heading `???` has no letters or digits to make an anchor: add `{#my-id}`"),
            (
                "### Bad {#Bad_Id}",
                "src/content/article.md:3:1: anchor `{#Bad_Id}` must be lowercase letters and digits joined by single hyphens, like `{#bad-id}`",
            ),
            ("### Styled {.fancy}", "src/content/article.md:3:1: unknown class `.fancy`: only `{.toc}` is supported"),
            ("### Attr {lang=fr}", "src/content/article.md:3:1: heading attributes other than `{#id}` and `{.toc}` are not supported"),
            ("## Toc {.toc}", "src/content/article.md:3:1: `{.toc}` is only for `###` headings: every `##` heading is in the table of contents"),
        ];
        for (body, expected) in cases {
            assert_eq!(body_errors(body), [expected], "{body:?}");
        }
    }

    #[test]
    fn content_must_start_with_a_section() {
        assert_eq!(
            messages(with_article("Intro.\n\nMore.\n\n## A\n\n{{faq}}\n")),
            ["src/content/article.md:1:1: content before the first `##` heading: every part of the article belongs to a section"]
        );
    }

    #[test]
    fn anchors_must_be_unique() {
        let article = "## Risks\n\n### Risks\n\n## Other {#risks}\n\n{{faq}}\n";
        assert_eq!(
            messages(with_article(article)),
            [
                "src/content/article.md:3:1: duplicate anchor `#risks` (first used at src/content/article.md:1:1): write `{#another-id}` after the heading to choose another",
                "src/content/article.md:5:1: duplicate anchor `#risks` (first used at src/content/article.md:1:1): write `{#another-id}` after the heading to choose another",
            ]
        );
        // An FAQ anchor clashes with a heading that happens to slug the same.
        assert_eq!(
            messages(with_article("## FAQ: Cost\n\n{{faq}}\n")),
            ["src/content/faq.toml:9:6: item 2 (id \"cost\") id: duplicate anchor `#faq-cost` (first used at src/content/article.md:1:1): change this item's id"]
        );
    }

    #[test]
    fn offer_and_contact_anchors_are_reserved() {
        assert_eq!(
            messages(with_article("## Help\n\n## Contact\n\n### Book {.toc}\n\n{{faq}}\n")),
            [
                "src/content/article.md:1:1: anchor `#help` is reserved for offers.toml [help]: write `{#another-id}` after the heading to choose another",
                "src/content/article.md:3:1: anchor `#contact` is reserved for the contact form: write `{#another-id}` after the heading to choose another",
                "src/content/article.md:5:1: anchor `#book` is reserved for offers.toml [book]: write `{#another-id}` after the heading to choose another",
            ]
        );
        ok(with_article("## Help {#getting-help}\n\n{{faq}}\n"));
    }

    #[test]
    fn embed_rules() {
        assert_eq!(
            messages(with_article("## A\n\nText.\n")),
            ["src/content/article.md: `{{faq}}` is missing: it must appear once, as a paragraph of its own, to place the questions of faq.toml"]
        );
        assert_eq!(
            messages(with_article("## A\n\n{{faq}}\n\n{{faq}}\n")),
            ["src/content/article.md:5:1: `{{faq}}` may appear only once in the article"]
        );
        assert_eq!(
            messages(with_article("## A\n\n{{insurance-cta}}\n\n{{faq}}\n\n{{insurance-cta}}\n")),
            ["src/content/article.md:7:1: `{{insurance-cta}}` may appear only once in the article"]
        );
        assert_eq!(
            body_errors("{{book}}"),
            ["src/content/article.md:3:1: unknown block `{{book}}`: use `{{insurance-cta}}`, `{{shared-experience}}` or `{{faq}}`"]
        );
        assert_eq!(
            body_errors("See {{insurance-cta}} here."),
            ["src/content/article.md:3:5: a `{{name}}` block must be a paragraph of its own"]
        );
        assert_eq!(
            body_errors("- {{faq}}"),
            ["src/content/article.md:3:3: a `{{name}}` block must be a paragraph of its own"]
        );
    }

    #[test]
    fn collects_every_error() {
        let article = "# Title\n\n## A\n\nBad ** text and [x](site:nope).\n\n> quote\n";
        let site = site_with("e164 = \"+19497633440\"", "e164 = \"949-763-3440\"");
        let carriers = concat!(
            "[[carrier]]\nid = \"Cigna\"\nname = \"Cigna\"\n",
            checker_toml!()
        );
        assert_eq!(
            messages(compile(&sources(&site, article, FAQ, OFFERS, carriers))),
            [
                "src/content/site.toml:13:8: [phone] e164: `949-763-3440` is not an E.164 number: `+`, the country code and the number, digits only, like `+19497633440`",
                "src/content/article.md: `{{faq}}` is missing: it must appear once, as a paragraph of its own, to place the questions of faq.toml",
                "src/content/article.md:1:1: a `#` title is not allowed: the title is [article] title in site.toml",
                "src/content/article.md:5:5: literal `**` in text: unbalanced or broken **strong** markup",
                "src/content/article.md:5:17: link key `nope` is not defined in site.toml [links]",
                "src/content/article.md:7:1: block quotes (`>`) are not supported",
                "src/content/carriers.toml:2:6: carrier 1 (id \"Cigna\") id: `Cigna` must be lowercase letters and digits joined by single hyphens, like `cigna`",
            ]
        );
    }

    // --- site.toml -------------------------------------------------------

    #[test]
    fn site_checks() {
        let cases = [
            (
                site_with("https://example.com/", "http://example.com/"),
                "src/content/site.toml:3:12: [site] base_url: `http://example.com/` must be an absolute https URL ending with `/`, like `https://example.com/`",
            ),
            (
                site_with("https://example.com/", "https://example.com"),
                "src/content/site.toml:3:12: [site] base_url: `https://example.com` must be an absolute https URL ending with `/`, like `https://example.com/`",
            ),
            (
                site_with("\"dual-diagnosis/\"", "\"/dual-diagnosis/\""),
                "src/content/site.toml:18:18: [links] dual-diagnosis: `/dual-diagnosis/` must be relative to [site] base_url, without a leading `/`",
            ),
            (
                site_with("\"dual-diagnosis/\"", "\"https://other.com/x\""),
                "src/content/site.toml:18:18: [links] dual-diagnosis: `https://other.com/x` must be a path relative to [site] base_url, not a URL",
            ),
            (
                site_with("path = \"ketamine/\"", "path = \"/ketamine/\""),
                "src/content/site.toml:9:8: [article] path: `/ketamine/` must be relative to [site] base_url, without a leading `/`",
            ),
            (
                site_with("e164 = \"+19497633440\"", "e164 = \"+0123456789\""),
                "src/content/site.toml:13:8: [phone] e164: `+0123456789` is not an E.164 number: `+`, the country code and the number, digits only, like `+19497633440`",
            ),
            (
                site_with("e164 = \"+19497633440\"", "e164 = \"+1234567\""),
                "src/content/site.toml:13:8: [phone] e164: `+1234567` is not an E.164 number: `+`, the country code and the number, digits only, like `+19497633440`",
            ),
            (site_with("name = \"Asana Recovery\"", "name = \"  \""), "src/content/site.toml:2:8: [site] name: must not be empty"),
            (site_with("title = \"Ketamine Therapy\"", "title = \"\""), "src/content/site.toml:7:9: [article] title: must not be empty"),
            (
                site_with("title = \"Ketamine Therapy\"", "title = \"**Ketamine** Therapy\""),
                "src/content/site.toml:7:9: [article] title: literal `**` in text: unbalanced or broken **strong** markup",
            ),
            (
                site_with("call_label = \"Call us\"", "call_label = \"\""),
                "src/content/site.toml:14:14: [phone] call_label: must not be empty",
            ),
            (site_with("lang = \"en\"", "lang = \"en US\""), "src/content/site.toml:4:8: [site] lang: `en US` is not a language tag like `en` or `en-US`"),
            (
                site_with("lang = \"en\"", "lang = \"en\"\ntheme = \"dark\""),
                "src/content/site.toml:5:1: unknown field `theme`, expected one of `name`, `base_url`, `lang`",
            ),
            (site_with("lang = \"en\"\n", ""), "src/content/site.toml:1:1: missing field `lang`"),
            (site_with("[links]", "[links"), "src/content/site.toml:17:7: unclosed table, expected `]`"),
        ];
        for (site, expected) in cases {
            assert_eq!(messages(with_site(&site)), [expected], "{site}");
        }
        let long = "x".repeat(161);
        assert_eq!(
            messages(with_site(&site_with("What ketamine therapy is.", &long))),
            ["src/content/site.toml:8:15: [article] description: is 161 characters long; at most 160 are allowed"]
        );
        ok(with_site(&site_with(
            "What ketamine therapy is.",
            &"é".repeat(160),
        )));
        ok(with_site(&site_with("+19497633440", "+441234567890")));
    }

    #[test]
    fn a_broken_site_toml_does_not_hide_other_files_errors() {
        let site = site_with("[links]", "[links");
        let article = "## A\n\n[x](site:nope) ** [y](#nowhere)\n\n{{faq}}\n";
        assert_eq!(
            messages(compile(&sources(&site, article, FAQ, OFFERS, CARRIERS))),
            [
                "src/content/site.toml:17:7: unclosed table, expected `]`",
                "src/content/article.md:3:16: literal `**` in text: unbalanced or broken **strong** markup",
                "src/content/article.md:3:19: anchor `#nowhere` does not exist on this page",
            ]
        );
    }

    // --- faq.toml --------------------------------------------------------

    #[test]
    fn faq_answer_errors_name_the_item_and_line() {
        let faq = FAQ.replace(
            "Mostly. See [help](#help).",
            "Mostly.\n\nSee [risks](site:nope) and `code`.",
        );
        assert_eq!(
            messages(with_faq(&faq)),
            [
                "src/content/faq.toml:7:5: item 1 (id \"is-it-safe\") answer: link key `nope` is not defined in site.toml [links]",
                "src/content/faq.toml:7:28: item 1 (id \"is-it-safe\") answer: code (`` ` ``) is not supported",
            ]
        );
        // A single-line string.
        let faq = FAQ.replace("Ask [us](call:).", "Ask ** [us](call:).");
        assert_eq!(
            messages(with_faq(&faq)),
            ["src/content/faq.toml:11:15: item 2 (id \"cost\") answer: literal `**` in text: unbalanced or broken **strong** markup"]
        );
        // Escapes make positions inexact: point at the string.
        let faq = FAQ.replace("Ask [us](call:).", r"Ask \u0041 [us](#nope).");
        assert_eq!(
            messages(with_faq(&faq)),
            ["src/content/faq.toml:11:10: item 2 (id \"cost\") answer: anchor `#nope` does not exist on this page"]
        );
    }

    #[test]
    fn faq_checks() {
        let cases = [
            (FAQ.replace("id = \"cost\"", "id = \"Cost Q\""), "src/content/faq.toml:9:6: item 2 (id \"Cost Q\") id: `Cost Q` must be lowercase letters and digits joined by single hyphens, like `cost-q`"),
            (FAQ.replace("id = \"cost\"", "id = \"is-it-safe\""), "src/content/faq.toml:9:6: item 2 (id \"is-it-safe\") id: duplicate anchor `#faq-is-it-safe` (first used at src/content/faq.toml:2:6): change this item's id"),
            (FAQ.replace("What does it cost?", " "), "src/content/faq.toml:10:12: item 2 (id \"cost\") question: must not be empty"),
            (FAQ.replace("What does it cost?", "What * does it cost?"), "src/content/faq.toml:10:12: item 2 (id \"cost\") question: literal ` * ` in text: a broken list item or emphasis (start list items on their own line with `- `)"),
            (FAQ.replace("Ask [us](call:).", ""), "src/content/faq.toml:11:10: item 2 (id \"cost\") answer: must not be empty"),
            (FAQ.replace("Ask [us](call:).", "## Heading"), "src/content/faq.toml:11:11: item 2 (id \"cost\") answer: headings are only allowed in article.md"),
            (FAQ.replace("Ask [us](call:).", "{{faq}}"), "src/content/faq.toml:11:11: item 2 (id \"cost\") answer: `{{faq}}` blocks are only allowed in article.md"),
            (FAQ.replace("question = \"Is it safe?\"", "question = \"Is it safe?\"\nasked = 3"), "src/content/faq.toml:4:1: unknown field `asked`, expected one of `id`, `question`, `answer`"),
            ("".to_string(), "src/content/faq.toml:1:1: missing field `item`"),
            ("item = []".to_string(), "src/content/faq.toml: no questions: add `[[item]]` tables"),
        ];
        for (faq, expected) in cases {
            assert_eq!(messages(with_faq(&faq)), [expected], "{faq}");
        }
    }

    #[test]
    fn faq_answers_may_have_several_paragraphs_and_lists() {
        let faq = FAQ.replace(
            "Mostly. See [help](#help).",
            "Mostly.\n\n- one\n- two\n\nEnd.",
        );
        let content = ok(with_faq(&faq));
        assert_eq!(
            content.faq[0].answer,
            vec![
                Block::Paragraph(vec![text("Mostly.")]),
                Block::List {
                    ordered: false,
                    items: vec![vec![text("one")], vec![text("two")]]
                },
                Block::Paragraph(vec![text("End.")]),
            ]
        );
    }

    // --- offers.toml -----------------------------------------------------

    #[test]
    fn offer_checks() {
        let cases = [
            (
                offers_with("href = \"site:home\"", "href = \"site:nope\""),
                "src/content/offers.toml:17:39: [book] action 1 href: link key `nope` is not defined in site.toml [links]",
            ),
            (
                offers_with("href = \"site:home\"", "href = \"/book\""),
                "src/content/offers.toml:17:39: [book] action 1 href: `/book`: link to a page of the site with `site:key` and [links] in site.toml",
            ),
            (
                offers_with("href = \"#verify-insurance\"", "href = \"#nowhere\""),
                "src/content/offers.toml:4:39: [insurance_cta] action 1 href: anchor `#nowhere` does not exist on this page",
            ),
            (
                offers_with("label = \"Text\"", "label = \"\""),
                "src/content/offers.toml:22:58: [closing_cta] action 2 label: must not be empty",
            ),
            (offers_with("heading = \"Shared\"", "heading = \"\""), "src/content/offers.toml:7:11: [shared_experience] heading: must not be empty"),
            (
                offers_with("body = \"Get the book.\"", "body = \"\""),
                "src/content/offers.toml:16:8: [book] body: must not be empty",
            ),
            (
                offers_with("body = \"Get the book.\"", "body = \"Get ** the book.\""),
                "src/content/offers.toml:16:13: [book] body: literal `**` in text: unbalanced or broken **strong** markup",
            ),
            (
                offers_with("body = \"Get the book.\"", "body = \"{{insurance-cta}}\""),
                "src/content/offers.toml:16:9: [book] body: `{{insurance-cta}}` blocks are only allowed in article.md",
            ),
            (
                offers_with("[help]\nheading = \"We're Here to Help\"\nbody = \"Reach out.\"\n", ""),
                "src/content/offers.toml:1:1: missing field `help`",
            ),
            (
                format!("{OFFERS}\n[extra]\nheading = \"x\"\nbody = \"y\"\n"),
                "src/content/offers.toml:28:2: unknown field `extra`, expected one of `insurance_cta`, `shared_experience`, `verify_insurance`, `book`, `closing_cta`, `help`",
            ),
        ];
        for (offers, expected) in cases {
            assert_eq!(messages(with_offers(&offers)), [expected], "{offers}");
        }
    }

    // --- carriers.toml ---------------------------------------------------

    #[test]
    fn carrier_checks() {
        let duplicate = CARRIERS.replace("id = \"aetna\"", "id = \"cigna\"");
        assert_eq!(
            messages(with_carriers(&duplicate)),
            [
                "src/content/carriers.toml:6:6: carrier 2 (id \"cigna\") id: duplicate carrier id `cigna` (first used at src/content/carriers.toml:2:6)",
                // The parent's carrier `aetna` is gone with it.
                "src/content/carriers.toml:12:13: parent 1 (\"CVS Health\") carriers: `aetna` is not the id of a [[carrier]]",
            ]
        );
        let unnamed = CARRIERS.replace("name = \"Aetna\"", "name = \"\"");
        assert_eq!(
            messages(with_carriers(&unnamed)),
            ["src/content/carriers.toml:7:8: carrier 2 (id \"aetna\") name: must not be empty"]
        );
        assert_eq!(
            messages(with_carriers(concat!("carrier = []\n", checker_toml!()))),
            ["src/content/carriers.toml: no carriers: add `[[carrier]]` tables"]
        );
    }

    /// `CARRIERS` with `from` replaced by `to` (which must be there).
    fn carriers_with(from: &str, to: &str) -> String {
        assert!(CARRIERS.contains(from), "{from}");
        CARRIERS.replacen(from, to, 1)
    }

    #[test]
    fn alias_checks() {
        let cases = [
            (
                carriers_with("\"Aetna CVS Health\"", "\"Health Cigna\""),
                "src/content/carriers.toml:8:12: carrier 2 (id \"aetna\") alias 1: `Health Cigna` reads the same as `Cigna` of carrier 1 (id \"cigna\") (src/content/carriers.toml:3:8): a name must lead to one insurer",
            ),
            (
                carriers_with("\"Aetna CVS Health\"", "\"CVS\""),
                // Reported at the later of the two.
                "src/content/carriers.toml:11:8: parent 1 (\"CVS Health\") name: `CVS Health` reads the same as `CVS` of carrier 2 (id \"aetna\") (src/content/carriers.toml:8:12): a name must lead to one insurer",
            ),
            (
                carriers_with("aliases = [\"Kaiser\"]", "aliases = [\"Kaiser\", \"kaiser\"]"),
                "src/content/carriers.toml:17:22: other 1 (\"Kaiser Permanente\") alias 2: `kaiser` reads the same as `Kaiser` (src/content/carriers.toml:17:12), so it adds nothing",
            ),
            (
                // Run together, another insurer's name.
                carriers_with("\"Aetna CVS Health\"", "\"Cig-Na\""),
                "src/content/carriers.toml:8:12: carrier 2 (id \"aetna\") alias 1: `Cig-Na` reads the same as `Cigna` of carrier 1 (id \"cigna\") (src/content/carriers.toml:3:8): a name must lead to one insurer",
            ),
            (
                carriers_with("\"Aetna CVS Health\"", "\"Health Insurance\""),
                "src/content/carriers.toml:8:12: carrier 2 (id \"aetna\") alias 1: `Health Insurance` has no words left once the [checker] ignore words are left out",
            ),
            (
                carriers_with("\"Aetna CVS Health\"", "\"A B C D E F G\""),
                "src/content/carriers.toml:8:12: carrier 2 (id \"aetna\") alias 1: `A B C D E F G` has more than 6 words to match; shorten it",
            ),
            (
                carriers_with("note = \"Part of Aetna since 2013.\"", "note = \" \""),
                "src/content/carriers.toml:8:60: carrier 2 (id \"aetna\") alias 2 note: must not be empty",
            ),
            (
                carriers_with("note = \"Part of Aetna since 2013.\"", "nte = \"x\""),
                "src/content/carriers.toml:8:32: unknown field `nte`, expected `name` or `note`",
            ),
            (
                carriers_with(", note = \"Part of Aetna since 2013.\"", ""),
                "src/content/carriers.toml:8:32: an alias table needs a `note`; without one, write the alias as a plain string",
            ),
            (
                carriers_with("aliases = [\"Kaiser\"]", "alias = [\"Kaiser\"]"),
                "src/content/carriers.toml:17:1: unknown field `alias`, expected one of `name`, `note`, `aliases`",
            ),
        ];
        for (carriers, expected) in cases {
            assert_eq!(messages(with_carriers(&carriers)), [expected], "{carriers}");
        }
    }

    #[test]
    fn parent_checks() {
        let cases = [
            (
                carriers_with("carriers = [\"aetna\"]", "carriers = [\"aetna\", \"cvs\", \"aetna\"]"),
                vec![
                    "src/content/carriers.toml:12:22: parent 1 (\"CVS Health\") carriers: `cvs` is not the id of a [[carrier]]",
                    "src/content/carriers.toml:12:29: parent 1 (\"CVS Health\") carriers: `aetna` is listed twice",
                ],
            ),
            (
                carriers_with("carriers = [\"aetna\"]", "carriers = []"),
                vec!["src/content/carriers.toml:11:8: parent 1 (\"CVS Health\") carriers: list the ids of the in-network carriers it owns"],
            ),
            (
                carriers_with("note = \"CVS Health owns Aetna.\"\n", ""),
                vec!["src/content/carriers.toml:10:1: missing field `note`"],
            ),
        ];
        for (carriers, expected) in cases {
            assert_eq!(messages(with_carriers(&carriers)), expected, "{carriers}");
        }
    }

    #[test]
    fn checker_wording_checks() {
        let cases = [
            (
                carriers_with("{carrier} is in our network", "{insurer} is in our network"),
                vec![
                    "src/content/carriers.toml:30:11: [checker] in_network heading: unknown placeholder `{insurer}`: this text may use `{carrier}`",
                    "src/content/carriers.toml:30:11: [checker] in_network heading: must contain `{carrier}`",
                ],
            ),
            (
                carriers_with("heading = \"Which one?\"", "heading = \"{count} options\""),
                vec!["src/content/carriers.toml:39:11: [checker] unclear heading: `{count}` cannot be used here: this text may use `{typed}`"],
            ),
            (
                carriers_with("\"{count} suggestions.\"", "\"Some suggestions.\""),
                vec!["src/content/carriers.toml:26:16: [checker] options_many: must contain `{count}`"],
            ),
            (
                carriers_with("\"Verify my coverage\"", "\"Verify {carrier\""),
                vec!["src/content/carriers.toml:23:10: [checker] verify: `{` without `}`: write placeholders as `{name}`"],
            ),
            (
                carriers_with("\"Verify my coverage\"", "\"Verify } now\""),
                vec!["src/content/carriers.toml:23:10: [checker] verify: `}` without `{`: write placeholders as `{name}`"],
            ),
            (
                carriers_with("\"Type the name on your card.\"", "\"\""),
                vec!["src/content/carriers.toml:21:8: [checker] hint: must not be empty"],
            ),
            (
                carriers_with("ignore = [\"insurance\", \"health\"]", "ignore = [\"Insurance\", \"health\", \"health\"]"),
                vec![
                    "src/content/carriers.toml:27:11: [checker] ignore: `Insurance` must be one word in lowercase letters and digits, like `insurance`",
                    "src/content/carriers.toml:27:34: [checker] ignore: `health` is listed twice",
                ],
            ),
            (
                carriers_with("label =", "lable ="),
                vec!["src/content/carriers.toml:20:1: unknown field `lable`, expected one of `label`, `hint`, `suggestions`, `verify`, `prefill`, `options_one`, `options_many`, `ignore`, `in_network`, `not_listed`, `unclear`"],
            ),
        ];
        for (carriers, expected) in cases {
            assert_eq!(messages(with_carriers(&carriers)), expected, "{carriers}");
        }
    }

    // --- pieces ----------------------------------------------------------

    #[test]
    fn error_display() {
        let error = Error {
            file: "src/content/article.md".into(),
            at: Some((42, 7)),
            message: "oops".into(),
        };
        assert_eq!(error.to_string(), "src/content/article.md:42:7: oops");
        let error = Error {
            file: "src/content/faq.toml".into(),
            at: None,
            message: "oops".into(),
        };
        assert_eq!(error.to_string(), "src/content/faq.toml: oops");
    }

    #[test]
    fn line_columns_count_characters() {
        let file = FileText::new("f", "ab\n“é” x\n\nlast");
        assert_eq!(file.line_col(0), (1, 1));
        assert_eq!(file.line_col(2), (1, 3));
        assert_eq!(file.line_col(3), (2, 1));
        assert_eq!(file.line_col("ab\n“é” ".len()), (2, 5));
        assert_eq!(file.line_col("ab\n“é” x\n\n".len()), (4, 1));
        assert_eq!(file.line_col(1000), (4, 5));
    }

    #[test]
    fn parse_href_kinds() {
        assert_eq!(parse_href("site:a"), Ok(Href::Site("a".into())));
        assert_eq!(parse_href("#a"), Ok(Href::Anchor("a".into())));
        assert_eq!(parse_href("call:"), Ok(Href::Call));
        assert_eq!(parse_href("text:"), Ok(Href::Text));
        assert_eq!(
            parse_href("https://a.b/"),
            Ok(Href::External("https://a.b/".into()))
        );
        assert_eq!(
            parse_href("mailto:a@b.c"),
            Ok(Href::External("mailto:a@b.c".into()))
        );
        assert!(parse_href("").is_err());
        assert!(parse_href("https://a.b/x y").is_err());
        assert!(parse_href("ftp://a.b/").is_err());
        assert!(parse_href("tel:+19497633440").is_err());
    }

    #[test]
    fn e164() {
        assert!(is_e164("+19497633440"));
        assert!(is_e164("+12345678"));
        assert!(is_e164("+123456789012345"));
        assert!(!is_e164("+1234567"));
        assert!(!is_e164("+1234567890123456"));
        assert!(!is_e164("19497633440"));
        assert!(!is_e164("+0949763344"));
        assert!(!is_e164("+1 949 763 3440"));
    }

    // --- code generation -------------------------------------------------

    #[test]
    fn generated_code_shape() {
        let content = ok(compile(&sources(SITE, ARTICLE, FAQ, OFFERS, CARRIERS)));
        let code = codegen(&content);
        assert!(code.starts_with("// @generated"));
        assert!(code.contains("pub const CONTENT_DATA: Content = Content {\n"));
        assert!(code
            .trim_end()
            .ends_with("};\n\n/// The page content in memory: read this, not `CONTENT_DATA`.\npub static CONTENT: Content = CONTENT_DATA;"));
        for fragment in [
            "site: Site {\n        name: \"Asana Recovery\",",
            "phone: Phone { display: \"(949) 763-3440\", e164: \"+19497633440\" },",
            "path: \"ketamine/\",\n        sections: &[",
            "Section {\n                id: \"what-is-ketamine\",\n                title: \"What Is Ketamine?\",\n                blocks: &[",
            "Block::Paragraph(&[Inline::Text(\"Ketamine is \"), Inline::Strong(&[Inline::Text(\"strong\")]), ",
            "Inline::Link { href: Href::Site(\"dual-diagnosis/\"), children: &[Inline::Text(\"dual diagnosis\")] }",
            "Block::Embed(Embed::InsuranceCta),",
            "Block::SubHeading(SubHeading { id: \"legal-status\", text: \"Legal Status\", in_toc: true }),",
            "Block::List { ordered: false, items: &[&[Inline::Text(\"One\")], &[Inline::Text(\"Two\")]] },",
            "Block::Embed(Embed::Faq),",
            "FaqItem {\n            id: \"faq-is-it-safe\",\n            question: \"Is it safe?\",",
            "Href::Anchor(\"help\")",
            "Carrier { id: \"cigna\", name: \"Cigna\", words: &[\"cigna\"], aliases: &[] },",
            "aliases: &[Alias { name: \"Aetna CVS Health\", words: &[\"aetna\", \"cvs\"], note: None }, \
             Alias { name: \"Coventry\", words: &[\"coventry\"], note: Some(\"Part of Aetna since 2013.\") }] },",
            "checker: Checker {\n        text: CheckerText {\n            label: \"Who is your insurance with?\",",
            "in_network: OutcomeText { heading: \"{carrier} is in our network\", body: \"Coverage depends on your plan.\" },",
            "ParentBrand { name: \"CVS Health\", words: &[\"cvs\"], aliases: &[], note: \"CVS Health owns Aetna.\", carriers: &[\"aetna\"] },",
            "OtherInsurer { name: \"Kaiser Permanente\", words: &[\"kaiser\", \"permanente\"], \
             aliases: &[Alias { name: \"Kaiser\", words: &[\"kaiser\"], note: None }], note: None },",
            "ignore: &[\"insurance\", \"health\"],",
            "insurance_cta: Offer {\n        id: \"insurance-cta\",",
            "actions: &[Action { label: \"Verify\", href: Href::Anchor(\"verify-insurance\") }],",
            "actions: &[Action { label: \"Call\", href: Href::Call }, Action { label: \"Text\", href: Href::Text }],",
            "help: Offer {\n        id: \"help\",\n        heading: \"We're Here to Help\",",
            "actions: &[],",
        ] {
            assert!(code.contains(fragment), "missing {fragment:?} in\n{code}");
        }
        // Fields in the order of model.rs `Content`.
        let fields = [
            "site:",
            "article:",
            "faq:",
            "carriers:",
            "checker:",
            "insurance_cta:",
            "shared_experience:",
            "verify_insurance:",
            "book:",
            "closing_cta:",
            "help:",
        ];
        let positions: Vec<usize> = fields
            .iter()
            .map(|field| code.find(&format!("\n    {field}")).expect(field))
            .collect();
        assert!(
            positions.windows(2).all(|pair| pair[0] < pair[1]),
            "{positions:?}"
        );
    }

    #[test]
    fn generated_strings_are_escaped() {
        let article = "## Quotes \"and\" \\ back\n\nA \"quoted\" \\\\ backslash and a tab\u{9}and ünïcode.\n\n{{faq}}\n";
        let code = codegen(&ok(with_article(article)));
        assert!(
            code.contains(r#"title: "Quotes \"and\" \\ back","#),
            "{code}"
        );
        assert!(
            code.contains(r#"Inline::Text("A \"quoted\" \\ backslash and a tab\tand ünïcode.")"#),
            "{code}"
        );
    }
}
