//! Reading the files and checking the whole: [`compile`] and [`generate`].

use std::path::Path;

use crate::body::{article, body, faq, offers};
use crate::carriers::carriers;
use crate::codegen::codegen;
use crate::compiled::{Article, Content, Embed};
use crate::error::{Error, FileText, Loc};
use crate::files::{parse_toml, CarriersFile, FaqFile, OffersFile, SiteFile};
use crate::links::Ref;
use crate::page::{check_page, resolve_site_links};
use crate::site::check_site;
use crate::texts::{texts, FORMS, UI};
use crate::FILES;

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

    pub(crate) fn file_text(&self, errors: &mut Vec<Error>) -> Option<FileText<'_>> {
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

/// The content files.
#[derive(Debug, Clone)]
pub struct Sources {
    pub site: SourceFile,
    pub article: SourceFile,
    pub faq: SourceFile,
    pub offers: SourceFile,
    pub carriers: SourceFile,
    pub forms: SourceFile,
    pub ui: SourceFile,
}

impl Sources {
    /// Reads the files of [`FILES`] in `dir`.
    pub fn read(dir: &Path) -> Self {
        let [site, article, faq, offers, carriers, forms, ui] =
            FILES.map(|name| SourceFile::read(&dir.join(name)));
        Sources {
            site,
            article,
            faq,
            offers,
            carriers,
            forms,
            ui,
        }
    }
}

/// Reads the content of `dir` and returns the Rust source of `CONTENT`.
pub fn generate(dir: &Path) -> Result<String, Vec<Error>> {
    compile(&Sources::read(dir)).map(|content| codegen(&content))
}

/// Everything gathered while reading, to check across files at the end.
#[derive(Default)]
pub(crate) struct Checks {
    /// Page anchors with where they are defined and a hint on how to rename them.
    pub(crate) ids: Vec<(String, Loc, &'static str)>,
    pub(crate) refs: Vec<(Ref, Loc)>,
    pub(crate) embeds: Vec<(Embed, Loc)>,
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

    let notes = match (&site_text, &site_file) {
        (Some(text), Some(file)) => Some((
            body(
                text,
                &file.crisis.body,
                "[crisis] body".into(),
                &mut checks,
                &mut errors,
            ),
            body(
                text,
                &file.disclaimer.body,
                "[disclaimer] body".into(),
                &mut checks,
                &mut errors,
            ),
        )),
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

    let forms_text = sources.forms.file_text(&mut errors);
    let forms = forms_text
        .as_ref()
        .map(|f| texts(f, &FORMS, &mut checks.refs, &mut errors));
    let ui_text = sources.ui.file_text(&mut errors);
    let ui = ui_text
        .as_ref()
        .map(|f| texts(f, &UI, &mut checks.refs, &mut errors));

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
        &sources.forms,
        &sources.ui,
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

    match (site, notes, article, faq, offers, carriers, forms, ui) {
        (
            Some(site),
            Some((crisis, disclaimer)),
            Some(article),
            Some(faq),
            Some(offers),
            Some((carriers, checker)),
            Some(forms),
            Some(ui),
        ) if errors.is_empty() => {
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
                app: site.3,
                crisis,
                disclaimer,
                forms,
                ui,
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
