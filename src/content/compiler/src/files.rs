//! The TOML files as they are read (`serde`), with their spans.

use serde::de::DeserializeOwned;
use serde::Deserialize;
use std::collections::BTreeMap;
use std::fmt;
use toml::Spanned;

use crate::error::{Error, FileText};

pub(crate) type Str = Spanned<String>;

/// `site.toml`
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SiteFile {
    pub site: SiteTable,
    pub article: ArticleTable,
    pub phone: PhoneTable,
    pub not_found: NotFoundTable,
    pub crisis: NoteTable,
    pub disclaimer: NoteTable,
    pub app: AppTable,
    #[serde(default)]
    pub links: BTreeMap<String, Str>,
}

/// `[app]`: the installed app's name, colours and icon (the web app
/// manifest, the icons, `<meta name="theme-color">`).
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AppTable {
    pub short_name: Str,
    pub theme_color: Str,
    pub theme_color_dark: Str,
    pub background_color: Str,
    pub background_color_dark: Str,
    pub icon: Str,
    pub icon_background: Str,
}

/// `[crisis]` and `[disclaimer]`: a short note in Markdown.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct NoteTable {
    pub body: Str,
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
    /// Who wrote it; may be empty.
    #[serde(default)]
    pub author: Option<Str>,
    /// Who reviewed it medically; may be empty.
    #[serde(default)]
    pub reviewer: Option<Str>,
    /// When it was last reviewed, `YYYY-MM-DD`; may be empty.
    #[serde(default)]
    pub reviewed: Option<Str>,
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
    pub(crate) fn tables(&self) -> [&OfferTable; 6] {
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
    pub load: LoadTable,
}

/// `[checker.load]`: what the checker's place says while its code loads,
/// if that fails, and when scripts are off.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LoadTable {
    pub loading: Str,
    pub load_failed_heading: Str,
    pub load_failed: Str,
    pub needs_script: Str,
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

pub(crate) struct AliasVisitor;

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

pub(crate) fn parse_toml<T: DeserializeOwned>(
    file: &FileText<'_>,
    errors: &mut Vec<Error>,
) -> Option<T> {
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
