//! The site's HTTP response headers, defined once and written out for every
//! host: nginx (`deploy/nginx/asana-article.conf`), the `_headers` file of
//! Netlify and Cloudflare Pages (`dist/_headers`), and S3 + CloudFront
//! response-headers policies (`deploy/cloudfront/`).
//!
//! What the app needs (which files exist, how each is cached, which CSP the
//! page runs under) is decided here; what a deployer chooses (the origins
//! the forms post to) comes from `deploy/headers.toml`, see [`Settings`].
//! Everything is pure string building; `src/bin/deploy_config.rs` and the
//! post-build step write the files.

use std::fmt::Write as _;

use serde::Deserialize;

use crate::widgets::kind::Kind;

/// The settings file, relative to the repository root.
pub const SETTINGS_FILE: &str = "deploy/headers.toml";

/// What `Cache-Control` says of a file whose name changes with its content.
pub const IMMUTABLE: &str = "public, max-age=31536000, immutable";

/// What `Cache-Control` says of a file with a fixed name: use it only after
/// asking the server (a cheap 304 with ETag/Last-Modified).
pub const REVALIDATE: &str = "no-cache";

/// What `Cache-Control` says of the partners' loader, `embed.js`: its URL
/// is fixed (partners' pages name it), so it cannot be immutable, yet every
/// partner page load would otherwise ask the server first. Five minutes
/// after a deployment every browser has the new one; until then a cached
/// loader names the previous build's hashed files, so a deployment that
/// deletes those at once shows such visitors the partner's fallback.
pub const SHORT: &str = "public, max-age=300";

/// What `Cache-Control` says of an error (a 404): keep nothing.
pub const NOT_FOUND: &str = "no-store";

/// A group of files that get the same headers.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Class {
    /// The article: `/` and `/index.html`.
    Page,
    /// Hashed JavaScript and CSS (`name-<16 hex>.js`, `.css`).
    HashedAsset,
    /// Hashed wasm (`name-<16 hex>_bg.wasm`).
    HashedWasm,
    /// `/form-config.json`, which the deployer edits in place.
    FormConfig,
    /// `/manifest.webmanifest`.
    Manifest,
    /// `/sw.js`, the service worker.
    ServiceWorker,
    /// Any other file (icons and the like).
    Other,
    /// A path with no file: the host's 404.
    Missing,
    /// `/embed.js`, the partners' loader (src/widgets/).
    EmbedLoader,
    /// The partner widgets' hashed JavaScript and CSS (`widgets-…`,
    /// `widgets-forms-…`, `embed-…`), loaded by other sites.
    WidgetAsset,
    /// The partner widgets' hashed wasm (`widgets-…_bg.wasm`).
    WidgetWasm,
    /// The iframe pages for partners, `/embed/<kind>/`.
    EmbedPage,
}

impl Class {
    /// Every class, in the order the outputs list them.
    pub const ALL: [Class; 12] = [
        Class::Page,
        Class::HashedAsset,
        Class::HashedWasm,
        Class::FormConfig,
        Class::Manifest,
        Class::ServiceWorker,
        Class::Other,
        Class::Missing,
        Class::EmbedLoader,
        Class::WidgetAsset,
        Class::WidgetWasm,
        Class::EmbedPage,
    ];

    /// A short name for comments, policy names and test messages.
    pub const fn id(self) -> &'static str {
        match self {
            Class::Page => "page",
            Class::HashedAsset => "hashed-asset",
            Class::HashedWasm => "hashed-wasm",
            Class::FormConfig => "form-config",
            Class::Manifest => "manifest",
            Class::ServiceWorker => "service-worker",
            Class::Other => "other",
            Class::Missing => "missing",
            Class::EmbedLoader => "embed-loader",
            Class::WidgetAsset => "widget-asset",
            Class::WidgetWasm => "widget-wasm",
            Class::EmbedPage => "embed-page",
        }
    }

    /// What the class is, for comments in the generated files.
    pub const fn what(self) -> &'static str {
        match self {
            Class::Page => "the page (/ and /index.html)",
            Class::HashedAsset => "hashed JavaScript and CSS: the name changes with the content",
            Class::HashedWasm => "hashed wasm: the name changes with the content",
            Class::FormConfig => "the deployer's form settings, edited in place",
            Class::Manifest => "the web app manifest",
            Class::ServiceWorker => "the service worker",
            Class::Other => "every other file (icons, images)",
            Class::Missing => "a path with no file (404)",
            Class::EmbedLoader => {
                "the partners' loader: a fixed name other sites load, cached briefly"
            }
            Class::WidgetAsset => {
                "the partner widgets' hashed JavaScript and CSS, loaded by other sites"
            }
            Class::WidgetWasm => "the partner widgets' hashed wasm, loaded by other sites",
            Class::EmbedPage => "the iframe pages other sites may frame",
        }
    }

    /// The paths with a fixed name this class covers. The embed pages' are
    /// made from [`EMBED_KINDS`], see [`Class::known_paths`].
    pub const fn fixed_paths(self) -> &'static [&'static str] {
        match self {
            Class::Page => &["/", "/index.html"],
            Class::FormConfig => &["/form-config.json"],
            Class::Manifest => &["/manifest.webmanifest"],
            Class::ServiceWorker => &["/sw.js"],
            Class::EmbedLoader => &["/embed.js"],
            _ => &[],
        }
    }

    /// Every path the class covers whatever the build wrote: the fixed
    /// paths, and for [`Class::EmbedPage`] each kind's directory URL and
    /// its `index.html`.
    pub fn known_paths(self) -> Vec<String> {
        let mut paths: Vec<String> = self.fixed_paths().iter().map(|p| p.to_string()).collect();
        if self == Class::EmbedPage {
            paths.extend(EMBED_KINDS.iter().flat_map(|kind| {
                [
                    format!("/embed/{kind}/"),
                    format!("/embed/{kind}/index.html"),
                ]
            }));
        }
        paths
    }

    /// The class of the file at URL `path` (which exists).
    pub fn of_file(path: &str) -> Class {
        if let Some(class) = Class::ALL
            .into_iter()
            .find(|class| class.fixed_paths().contains(&path))
        {
            return class;
        }
        if is_embed_page(path) {
            return Class::EmbedPage;
        }
        let name = path.rsplit('/').next().unwrap_or(path);
        let for_partners = WIDGET_STEMS.iter().any(|stem| name.starts_with(stem));
        match (hashed_kind(path), for_partners) {
            (Some(HashedKind::Wasm), true) => Class::WidgetWasm,
            (Some(HashedKind::Asset), true) => Class::WidgetAsset,
            (Some(HashedKind::Wasm), false) => Class::HashedWasm,
            (Some(HashedKind::Asset), false) => Class::HashedAsset,
            (None, _) => Class::Other,
        }
    }

    /// Whether other sites load the class's files (the partner widgets'):
    /// they get CORS and a cross-origin resource policy, nothing else does.
    pub const fn for_partners(self) -> bool {
        matches!(
            self,
            Class::EmbedLoader | Class::WidgetAsset | Class::WidgetWasm | Class::FormConfig
        )
    }

    /// How long browsers (and CDNs) may keep the file. A 404 is not kept at
    /// all: the file may exist after the next deployment (an error is
    /// otherwise heuristically cacheable). `_headers` cannot say this (no
    /// rule names "missing"); the static hosts decide (Cloudflare Pages:
    /// `no-store` too).
    pub const fn cache_control(self) -> Option<&'static str> {
        match self {
            Class::HashedAsset | Class::HashedWasm | Class::WidgetAsset | Class::WidgetWasm => {
                Some(IMMUTABLE)
            }
            Class::EmbedLoader => Some(SHORT),
            Class::Missing => Some(NOT_FOUND),
            _ => Some(REVALIDATE),
        }
    }

    /// The `Content-Type` the site sets itself, where hosts' defaults are
    /// not to be trusted (an old `mime.types` without wasm breaks streaming
    /// compilation); other types are the host's.
    pub const fn content_type(self) -> Option<&'static str> {
        match self {
            Class::HashedWasm | Class::WidgetWasm => Some("application/wasm"),
            Class::Manifest => Some("application/manifest+json; charset=utf-8"),
            _ => None,
        }
    }
}

/// The name prefixes of the partner widgets' hashed files.
const WIDGET_STEMS: [&str; 2] = ["widgets-", "embed-"];

/// The kinds of partner widget, each with an iframe page at
/// `/embed/<kind>/`: the ids of `crate::widgets::kind::Kind`.
pub const EMBED_KINDS: [&str; Kind::ALL.len()] = {
    let mut ids = [""; Kind::ALL.len()];
    let mut i = 0;
    while i < ids.len() {
        ids[i] = Kind::ALL[i].id();
        i += 1;
    }
    ids
};

/// `/embed/<kind>/` or `/embed/<kind>/index.html` of a known kind.
fn is_embed_page(path: &str) -> bool {
    let Some(rest) = path.strip_prefix("/embed/") else {
        return false;
    };
    let kind = rest
        .strip_suffix("/index.html")
        .or_else(|| rest.strip_suffix('/'));
    kind.is_some_and(|kind| EMBED_KINDS.contains(&kind))
}

/// Hashed build output: what Trunk and the post-build step write,
/// `stem-<16 lowercase hex>` then `.js`, `.css` or `_bg.wasm`.
pub const HASH_LEN: usize = 16;

enum HashedKind {
    Asset,
    Wasm,
}

fn hashed_kind(path: &str) -> Option<HashedKind> {
    let name = path.rsplit('/').next().unwrap_or(path);
    let (stem, kind) = if let Some(stem) = name.strip_suffix("_bg.wasm") {
        (stem, HashedKind::Wasm)
    } else if let Some(stem) = name
        .strip_suffix(".js")
        .or_else(|| name.strip_suffix(".css"))
    {
        (stem, HashedKind::Asset)
    } else {
        return None;
    };
    let (prefix, hash) = stem.rsplit_once('-')?;
    let is_hash = hash.len() == HASH_LEN
        && hash
            .bytes()
            .all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(&b));
    (is_hash && !prefix.is_empty()).then_some(kind)
}

/// One response header.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Header {
    pub name: &'static str,
    pub value: String,
}

/// What a deployer sets in [`SETTINGS_FILE`], checked.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Settings {
    /// Origins the page may `fetch()` besides itself: the form backend.
    pub connect_src: Vec<String>,
    /// Also put the CSP into the page as a `<meta>` element, for hosts that
    /// cannot send headers (GitHub Pages).
    pub meta_csp: bool,
    /// Who may frame the iframe pages for partners (`[embed]
    /// frame-ancestors`): `*` (any site, the default), or origins.
    pub embed_frame_ancestors: Vec<String>,
}

/// A mistake in [`SETTINGS_FILE`].
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum SettingsError {
    #[error("{SETTINGS_FILE}: {0}")]
    Toml(String),
    #[error("{SETTINGS_FILE}: `csp.connect-src` entry {value:?} {why}")]
    BadSource { value: String, why: &'static str },
    #[error("{SETTINGS_FILE}: `embed.frame-ancestors` entry {value:?} {why}")]
    BadFrameAncestor { value: String, why: &'static str },
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawSettings {
    csp: RawCsp,
    #[serde(default)]
    page: RawPage,
    #[serde(default)]
    embed: RawEmbed,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawEmbed {
    #[serde(rename = "frame-ancestors", default = "any_site")]
    frame_ancestors: Vec<String>,
}

impl Default for RawEmbed {
    fn default() -> Self {
        RawEmbed {
            frame_ancestors: any_site(),
        }
    }
}

/// Partners are any site: the embed pages may be framed anywhere unless the
/// deployer lists who.
fn any_site() -> Vec<String> {
    vec!["*".into()]
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawCsp {
    #[serde(rename = "connect-src")]
    connect_src: Vec<String>,
}

#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields)]
struct RawPage {
    #[serde(rename = "meta-csp", default)]
    meta_csp: bool,
}

impl Settings {
    /// Parses and checks the text of [`SETTINGS_FILE`].
    pub fn parse(text: &str) -> Result<Settings, SettingsError> {
        let raw: RawSettings =
            toml::from_str(text).map_err(|e| SettingsError::Toml(e.to_string()))?;
        let connect_src = raw
            .csp
            .connect_src
            .into_iter()
            .map(|value| check_source(value.trim()).map(|()| value.trim().to_string()))
            .collect::<Result<_, _>>()?;
        let frame_ancestors: Vec<String> = raw
            .embed
            .frame_ancestors
            .iter()
            .map(|value| value.trim().to_string())
            .collect();
        check_frame_ancestors(&frame_ancestors)?;
        Ok(Settings {
            connect_src,
            meta_csp: raw.page.meta_csp,
            embed_frame_ancestors: frame_ancestors,
        })
    }
}

/// `embed.frame-ancestors`: `*`, `'self'`, `'none'` alone, or origins as
/// [`check_source`] takes them.
fn check_frame_ancestors(values: &[String]) -> Result<(), SettingsError> {
    let bad = |value: &str, why| {
        Err(SettingsError::BadFrameAncestor {
            value: value.to_string(),
            why,
        })
    };
    if values.is_empty() {
        return bad(
            "",
            "list is empty: write [\"'none'\"] to let no site frame the embed pages",
        );
    }
    for value in values {
        match value.as_str() {
            "*" | "'self'" => {}
            "'none'" if values.len() == 1 => {}
            "'none'" => return bad(value, "must stand alone"),
            _ => {
                if let Err(SettingsError::BadSource { why, .. }) = check_source(value) {
                    return bad(value, why);
                }
            }
        }
    }
    Ok(())
}

/// A CSP source expression a deployer may add to `connect-src`: a scheme
/// and host (`https://formspree.io`, `https://*.example.org`,
/// `http://127.0.0.1:*`), never a keyword that opens the page up.
fn check_source(value: &str) -> Result<(), SettingsError> {
    let bad = |why| {
        Err(SettingsError::BadSource {
            value: value.to_string(),
            why,
        })
    };
    if value.is_empty() {
        return bad("is empty");
    }
    if value == "'self'" {
        return bad("is always there: leave it out");
    }
    if value.starts_with('\'') || value == "*" || value.ends_with(':') {
        return bad("must be an origin such as https://forms.example.org, not a keyword, a bare scheme or *");
    }
    if value
        .chars()
        .any(|c| c.is_whitespace() || matches!(c, ';' | ',' | '"'))
    {
        return bad("must not contain spaces, ; , or quotes");
    }
    let Some((scheme, rest)) = value.split_once("://") else {
        return bad("must start with https:// (or http:// for a local backend)");
    };
    if !matches!(scheme, "https" | "http" | "wss" | "ws") {
        return bad("must start with https:// (or http:// for a local backend)");
    }
    let host = rest.split(['/', ':']).next().unwrap_or_default();
    if host.is_empty() || host == "*" {
        return bad("must name a host");
    }
    Ok(())
}

/// The Content-Security-Policy directives of the page, in order; the
/// deployer's `connect-src` origins follow `'self'`.
pub fn csp_directives(settings: &Settings) -> Vec<(&'static str, String)> {
    let connect = std::iter::once("'self'".to_string())
        .chain(settings.connect_src.iter().cloned())
        .collect::<Vec<_>>()
        .join(" ");
    vec![
        ("default-src", "'self'".into()),
        ("script-src", "'self' 'wasm-unsafe-eval'".into()),
        ("style-src", "'self'".into()),
        ("img-src", "'self' data:".into()),
        ("connect-src", connect),
        ("font-src", "'self'".into()),
        // The service worker (sw.js) and the manifest; both already follow
        // default-src, but said outright so a later default-src change
        // cannot take offline support away by accident.
        ("worker-src", "'self'".into()),
        ("manifest-src", "'self'".into()),
        ("object-src", "'none'".into()),
        ("base-uri", "'self'".into()),
        ("form-action", "'self'".into()),
        ("frame-ancestors", "'self'".into()),
    ]
}

/// Directives a `<meta>` CSP cannot carry (browsers ignore them there).
const HEADER_ONLY: [&str; 3] = ["frame-ancestors", "report-uri", "sandbox"];

/// The directives the page's own `<meta>` CSP carries, with the hashes of
/// its inline script and stylesheet: the hashes change with every build,
/// the server configurations must not (they are committed, and deployed
/// separately from `dist/`).
const PAGE_META: [&str; 2] = ["script-src", "style-src"];

/// The fetch directives that fall back to `default-src`. The page's header
/// leaves `default-src` out (it would govern scripts and styles, and two
/// policies only ever narrow each other), so it names every one of these.
const FETCH: [&str; 11] = [
    "child-src",
    "connect-src",
    "font-src",
    "frame-src",
    "img-src",
    "manifest-src",
    "media-src",
    "object-src",
    "script-src",
    "style-src",
    "worker-src",
];

/// The page's inline `<script>` and `<style>` elements, as CSP hash sources
/// (`'sha256-…'`) of their exact text.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct InlineSources {
    pub scripts: Vec<String>,
    pub styles: Vec<String>,
}

impl InlineSources {
    /// The sources allowing exactly these element texts.
    pub fn of(scripts: &[&str], styles: &[&str]) -> InlineSources {
        let hash = |text: &&str| {
            use base64::Engine as _;
            use sha2::Digest as _;
            let digest = sha2::Sha256::digest(text.as_bytes());
            format!(
                "'sha256-{}'",
                base64::engine::general_purpose::STANDARD.encode(digest)
            )
        };
        InlineSources {
            scripts: scripts.iter().map(hash).collect(),
            styles: styles.iter().map(hash).collect(),
        }
    }
}

/// The CSP of responses of `class`: the whole policy, except the page's,
/// which leaves scripts and styles to the page's `<meta>` CSP
/// ([`page_meta_csp`]) and says everything else itself.
pub fn class_csp_directives(class: Class, settings: &Settings) -> Vec<(&'static str, String)> {
    let mut all = csp_directives(settings);
    if class == Class::EmbedPage {
        for (name, value) in &mut all {
            if *name == "frame-ancestors" {
                *value = settings.embed_frame_ancestors.join(" ");
            }
        }
    }
    if class != Class::Page {
        return all;
    }
    let default = all
        .iter()
        .find(|(name, _)| *name == "default-src")
        .map(|(_, value)| value.clone())
        .unwrap_or_else(|| "'none'".into());
    let mut page: Vec<(&'static str, String)> = all
        .iter()
        .filter(|(name, _)| *name != "default-src" && !PAGE_META.contains(name))
        .cloned()
        .collect();
    for name in FETCH {
        if !PAGE_META.contains(&name) && !page.iter().any(|(n, _)| *n == name) {
            page.push((name, default.clone()));
        }
    }
    page
}

/// The CSP header of `class` over HTTPS (every static host and CDN): it
/// ends with `upgrade-insecure-requests`. nginx adds that only when the
/// request came over HTTPS, so plain-HTTP local serving keeps working.
pub fn csp(class: Class, settings: &Settings) -> String {
    csp_without_upgrade(class, settings) + UPGRADE
}

/// The CSP header of `class` as sent over plain HTTP.
pub fn csp_without_upgrade(class: Class, settings: &Settings) -> String {
    join_directives(class_csp_directives(class, settings).iter())
}

/// What follows the directives over HTTPS.
pub const UPGRADE: &str = "; upgrade-insecure-requests";

/// The page's `<meta http-equiv>` CSP: `script-src` and `style-src` with
/// the hashes of its inline elements, which with the header's directives
/// make the whole policy. With `[page] meta-csp` (hosts that cannot send
/// headers) it is the whole policy itself, less what only a header can say
/// (so `frame-ancestors` is lost: any site may frame the page).
pub fn page_meta_csp(settings: &Settings, inline: &InlineSources) -> String {
    let with_hashes: Vec<(&'static str, String)> = csp_directives(settings)
        .into_iter()
        .map(|(name, value)| match name {
            "script-src" => (name, join_sources(&value, &inline.scripts)),
            "style-src" => (name, join_sources(&value, &inline.styles)),
            _ => (name, value),
        })
        .collect();
    if settings.meta_csp {
        join_directives(
            with_hashes
                .iter()
                .filter(|(name, _)| !HEADER_ONLY.contains(name)),
        ) + UPGRADE
    } else {
        join_directives(
            with_hashes
                .iter()
                .filter(|(name, _)| PAGE_META.contains(name)),
        )
    }
}

fn join_sources(value: &str, extra: &[String]) -> String {
    std::iter::once(value.to_string())
        .chain(extra.iter().cloned())
        .collect::<Vec<_>>()
        .join(" ")
}

fn join_directives<'a>(directives: impl Iterator<Item = &'a (&'static str, String)>) -> String {
    directives
        .map(|(name, value)| format!("{name} {value}"))
        .collect::<Vec<_>>()
        .join("; ")
}

/// The security headers every response of `class` carries; the CSP over
/// HTTPS.
pub fn security_headers(class: Class, settings: &Settings) -> Vec<Header> {
    let h = |name, value: &str| Header {
        name,
        value: value.to_string(),
    };
    let mut all = vec![
        h("Content-Security-Policy", &csp(class, settings)),
        h("X-Content-Type-Options", "nosniff"),
        h("Referrer-Policy", "strict-origin-when-cross-origin"),
        h(
            "Permissions-Policy",
            "camera=(), microphone=(), geolocation=()",
        ),
        h("Cross-Origin-Opener-Policy", "same-origin"),
    ];
    // frame-ancestors supersedes it in every current browser; for old ones.
    // Not on the embed pages: it can only say "this origin" or "nobody",
    // and partners frame them from theirs.
    if class != Class::EmbedPage {
        all.push(h("X-Frame-Options", "SAMEORIGIN"));
    }
    // Which sites may load the file with no CORS (a partner's <script>,
    // its widgets' <link> in a shadow root): the widgets' files any, the
    // rest only this one. The embed pages are no exception: a browser
    // checks this on a frame only when the framing page sends COEP, and
    // such a page could not frame them anyway (they send no COEP).
    let resource = if class.for_partners() {
        "cross-origin"
    } else {
        "same-origin"
    };
    all.push(h("Cross-Origin-Resource-Policy", resource));
    if class.for_partners() {
        // No credentials are ever sent (the loader and the module fetch
        // with CORS and no cookies), so `*` is exact.
        all.push(h("Access-Control-Allow-Origin", "*"));
    }
    all
}

/// Every header of a response of `class`, over HTTPS.
pub fn headers(class: Class, settings: &Settings) -> Vec<Header> {
    let mut all = security_headers(class, settings);
    if let Some(value) = class.cache_control() {
        all.push(Header {
            name: "Cache-Control",
            value: value.into(),
        });
    }
    if let Some(value) = class.content_type() {
        all.push(Header {
            name: "Content-Type",
            value: value.into(),
        });
    }
    all
}

/// Headers with the same value in every class: `_headers` gives them to
/// `/*`, so only the others need a rule per file.
fn common_headers(settings: &Settings) -> Vec<Header> {
    let first = headers(Class::Missing, settings);
    first
        .into_iter()
        .filter(|header| {
            Class::ALL
                .iter()
                .all(|class| headers(*class, settings).contains(header))
        })
        .collect()
}

/// `dist/_headers` for Netlify and Cloudflare Pages, for the built files
/// `files` (URL paths such as `/app-….css`; precompressed copies left out).
///
/// Both hosts apply every rule whose path matches, and join the values of a
/// header named by two matching rules with a comma, which would garble
/// `Cache-Control`. So each header has one owner: the headers equal for
/// every file go to `/*`, and every other header sits in exactly one rule
/// per path, each file listed by its exact path (there is no pattern for
/// "hashed" in this syntax, and the build knows every name).
pub fn headers_file(files: &[String], settings: &Settings) -> String {
    let common = common_headers(settings);
    let mut out = String::from(
        "# Generated by the build (src/build/headers.rs, settings from deploy/headers.toml);\n\
         # the same headers as deploy/nginx/asana-article.conf. Netlify and Cloudflare\n\
         # Pages read this file and do not serve it. Do not edit: it is rewritten on\n\
         # every build.\n",
    );
    write_rule(&mut out, "/*", Some("every response"), &common);
    let mut paths: Vec<(Class, String)> = Class::ALL
        .iter()
        .flat_map(|class| class.known_paths().into_iter().map(|p| (*class, p)))
        .collect();
    for file in files {
        if !paths.iter().any(|(_, path)| path == file) && !is_precompressed(file) {
            paths.push((Class::of_file(file), file.clone()));
        }
    }
    paths.sort();
    let mut last = None;
    for (class, path) in paths {
        let own: Vec<Header> = headers(class, settings)
            .into_iter()
            .filter(|header| !common.contains(header))
            .collect();
        let what = (last != Some(class)).then(|| class.what());
        write_rule(&mut out, &path, what, &own);
        last = Some(class);
    }
    out
}

fn write_rule(out: &mut String, path: &str, what: Option<&str>, headers: &[Header]) {
    if headers.is_empty() {
        return;
    }
    if let Some(what) = what {
        let _ = writeln!(out, "\n# {what}");
    }
    let _ = writeln!(out, "{path}");
    for header in headers {
        let _ = writeln!(out, "  {}: {}", header.name, header.value);
    }
}

/// Whether `path` is a `.br`/`.gz` copy the build writes for nginx.
pub fn is_precompressed(path: &str) -> bool {
    path.ends_with(".br") || path.ends_with(".gz")
}

/// The nginx variables holding a class's `Cache-Control` by status.
const NGINX_CACHE_IMMUTABLE: &str = "$aa_cache_immutable";
const NGINX_CACHE_REVALIDATE: &str = "$aa_cache_revalidate";

/// The nginx variable that holds `; upgrade-insecure-requests` over HTTPS.
const NGINX_UPGRADE_VAR: &str = "$aa_csp_upgrade";

/// `deploy/nginx/asana-article.conf`: the server block, included in
/// nginx's `http {}`. The deployer's lines (listen, server name, root, TLS)
/// are in `server.conf`, which it includes.
pub fn nginx_conf(settings: &Settings) -> String {
    let mut out = String::new();
    out.push_str(
        "# Asana Recovery ketamine article: the static site Trunk builds into dist/.\n\
         #\n\
         # GENERATED from src/build/headers.rs and deploy/headers.toml by\n\
         #   cargo run --features ssr --bin deploy-config\n\
         # Do not edit: change deploy/headers.toml (the form backend's origin) and\n\
         # run that; a test fails while this file is out of date. Your own lines\n\
         # (listen, server_name, root, TLS) are in server.conf, included below.\n\
         #\n\
         # Install (Debian: apt-get install nginx libnginx-mod-http-brotli-static):\n\
         #   mkdir -p /etc/nginx/asana-article\n\
         #   cp deploy/nginx/asana-article.conf deploy/nginx/server.conf /etc/nginx/asana-article/\n\
         #   # edit /etc/nginx/asana-article/server.conf, then in nginx.conf's http {}:\n\
         #   include asana-article/asana-article.conf;\n\
         #\n\
         # nginx drops inherited add_header lines in any block that sets its own,\n\
         # so every location below lists all of its headers.\n\n",
    );
    let _ = writeln!(
        out,
        "# upgrade-insecure-requests only when the page came over HTTPS, to nginx\n\
         # or to a proxy in front that says so (X-Forwarded-Proto), so the same\n\
         # file works on a plain-HTTP test server. A client faking the header only\n\
         # makes its own page stricter.\n\
         map \"$scheme:$http_x_forwarded_proto\" {NGINX_UPGRADE_VAR} {{\n    ~https  \"{UPGRADE}\";\n    default \"\";\n}}\n"
    );
    out.push_str(
        "# Cache-Control by status: a location's own value for what was found (2xx,\n\
         # 3xx, 304), never keeping an error (the file may exist after the next\n\
         # deployment).\n",
    );
    for (var, value) in [
        (NGINX_CACHE_IMMUTABLE, IMMUTABLE),
        (NGINX_CACHE_REVALIDATE, REVALIDATE),
    ] {
        let _ = writeln!(
            out,
            "map $status {var} {{\n    ~^[23]  \"{value}\";\n    default \"{NOT_FOUND}\";\n}}"
        );
    }
    out.push('\n');
    out.push_str(
        "server {\n\
         \x20   include asana-article/server.conf;\n\n\
         \x20   index index.html;\n\
         \x20   server_tokens off;\n\
         \x20   charset utf-8;\n\
         \x20   charset_types text/css application/javascript application/json application/manifest+json;\n\n\
         \x20   # The build writes name.br and name.gz next to every text asset; serve\n\
         \x20   # those instead of compressing on the fly.\n\
         \x20   brotli_static on;\n\
         \x20   gzip_static on;\n\
         \x20   gzip_vary on;\n\n\
         \x20   # A missing file is a real 404 with the build's 404.html, as on the\n\
         \x20   # static hosts, never the article.\n\
         \x20   error_page 404 /404.html;\n\n\
         \x20   # Which location a request gets: an exact one (=) if any; else the\n\
         \x20   # longest prefix, if it is marked ^~; else the FIRST regular expression\n\
         \x20   # (~) in this file's order that matches; else the longest prefix. So\n\
         \x20   # /embed.js is exact (never a hashed .js); /embed/ is ^~, so the\n\
         \x20   # iframe pages' index.html never reach the page's expression; and the\n\
         \x20   # partner widgets' expressions come before the generic hashed ones,\n\
         \x20   # which match their files too.\n",
    );
    let hashed = format!("-[0-9a-f]{{{HASH_LEN}}}");
    // `Class::of_file`'s rule: a name starting with `widgets-` or `embed-`.
    let partner = format!("/(widgets|embed)-([^/]*-)?[0-9a-f]{{{HASH_LEN}}}");
    let locations: [(Class, String, &str); 11] = [
        (
            Class::EmbedLoader,
            "= /embed.js".into(),
            "try_files $uri =404;",
        ),
        (
            Class::EmbedPage,
            "^~ /embed/".into(),
            "try_files $uri $uri/ =404;",
        ),
        (
            Class::WidgetAsset,
            format!("~ \"{partner}\\.(js|css)$\""),
            "try_files $uri =404;",
        ),
        (
            Class::WidgetWasm,
            format!("~ \"{partner}_bg\\.wasm$\""),
            "try_files $uri =404;",
        ),
        (
            Class::HashedAsset,
            format!("~ \"{hashed}\\.(js|css)$\""),
            "try_files $uri =404;",
        ),
        (
            Class::HashedWasm,
            format!("~ \"{hashed}_bg\\.wasm$\""),
            "try_files $uri =404;",
        ),
        // Any directory's index.html (`/` arrives here through `index`): a
        // copy of the page in a sub-directory needs the page's policy too.
        (Class::Page, "~ \"/index\\.html$\"".into(), ""),
        (
            Class::FormConfig,
            "= /form-config.json".into(),
            "try_files $uri =404;",
        ),
        (
            Class::Manifest,
            "= /manifest.webmanifest".into(),
            "try_files $uri =404;",
        ),
        (
            Class::ServiceWorker,
            "= /sw.js".into(),
            "try_files $uri =404;",
        ),
        (
            Class::Other,
            "/".into(),
            // "/" resolves to /index.html through `index`; anything missing is
            // a real 404, not the page (one document, no client-side router).
            "try_files $uri $uri/ =404;",
        ),
    ];
    for (class, matcher, body) in locations {
        let _ = writeln!(out, "\n    # {}\n    location {matcher} {{", class.what());
        write_nginx_headers(&mut out, class, settings);
        if !body.is_empty() {
            let _ = writeln!(out, "        {body}");
        }
        out.push_str("    }\n");
    }
    let _ = writeln!(
        out,
        "\n    # Netlify's and Cloudflare's header file is no page.\n    location = /_headers {{"
    );
    write_nginx_headers(&mut out, Class::Missing, settings);
    out.push_str("        return 404;\n    }\n}\n");
    out
}

fn write_nginx_headers(out: &mut String, class: Class, settings: &Settings) {
    if let Some(content_type) = class.content_type() {
        // Exactly this type, whatever mime.types says, and no charset added.
        let _ = writeln!(
            out,
            "        types {{ }}\n        default_type \"{content_type}\";\n        charset off;"
        );
    }
    for header in headers(class, settings) {
        let value = match header.name {
            "Content-Type" => continue,
            "Content-Security-Policy" => csp_without_upgrade(class, settings) + NGINX_UPGRADE_VAR,
            _ => header.value,
        };
        let value = match (header.name, value.as_str()) {
            ("Cache-Control", IMMUTABLE) => NGINX_CACHE_IMMUTABLE.to_string(),
            ("Cache-Control", REVALIDATE) => NGINX_CACHE_REVALIDATE.to_string(),
            _ => value,
        };
        let _ = writeln!(
            out,
            "        add_header {} \"{value}\" always;",
            header.name
        );
    }
}

/// A CloudFront cache behaviour: which paths, which response-headers
/// policy (a file of [`cloudfront_policies`]) and which managed cache policy.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Behavior {
    pub path_pattern: &'static str,
    pub class: Class,
    pub cache_policy: &'static str,
}

/// CloudFront's cache behaviours, most specific first (CloudFront tries
/// them in order; `*` is the default behaviour). `?` is one character,
/// so the patterns say "16 characters of hash".
pub fn cloudfront_behaviors() -> Vec<Behavior> {
    const HASHED_JS: &str = "*-????????????????.js";
    const HASHED_CSS: &str = "*-????????????????.css";
    const HASHED_WASM: &str = "*-????????????????_bg.wasm";
    const WIDGET_JS: &str = "/widgets*-????????????????.js";
    const WIDGET_CSS: &str = "/embed-????????????????.css";
    const WIDGET_WASM: &str = "/widgets*-????????????????_bg.wasm";
    let b = |path_pattern, class, cache_policy| Behavior {
        path_pattern,
        class,
        cache_policy,
    };
    vec![
        // The partners' files first: the generic hashed patterns match them too.
        b("/embed.js", Class::EmbedLoader, "Managed-CachingOptimized"),
        b("/embed/*", Class::EmbedPage, "Managed-CachingOptimized"),
        b(WIDGET_JS, Class::WidgetAsset, "Managed-CachingOptimized"),
        b(WIDGET_CSS, Class::WidgetAsset, "Managed-CachingOptimized"),
        b(WIDGET_WASM, Class::WidgetWasm, "Managed-CachingOptimized"),
        b(HASHED_JS, Class::HashedAsset, "Managed-CachingOptimized"),
        b(HASHED_CSS, Class::HashedAsset, "Managed-CachingOptimized"),
        b(HASHED_WASM, Class::HashedWasm, "Managed-CachingOptimized"),
        b(
            "/form-config.json",
            Class::FormConfig,
            "Managed-CachingDisabled",
        ),
        b(
            "/manifest.webmanifest",
            Class::Manifest,
            "Managed-CachingDisabled",
        ),
        b("/sw.js", Class::ServiceWorker, "Managed-CachingDisabled"),
        b("*", Class::Page, "Managed-CachingOptimized"),
    ]
}

/// The response-headers policies for `aws cloudfront
/// create-response-headers-policy --response-headers-policy-config
/// file://…`: file name and JSON, one per class a behaviour uses.
///
/// The default behaviour serves the page and the other files alike (both
/// revalidate), so it uses the page's policy.
pub fn cloudfront_policies(settings: &Settings) -> Vec<(String, String)> {
    let mut classes: Vec<Class> = cloudfront_behaviors().iter().map(|b| b.class).collect();
    classes.dedup();
    classes
        .into_iter()
        .map(|class| {
            let name = format!("asana-article-{}", class.id());
            let mut custom = Vec::new();
            let mut cors = None;
            let mut security = serde_json::Map::new();
            for header in headers(class, settings) {
                match header.name {
                    "Content-Security-Policy" => {
                        security.insert(
                            "ContentSecurityPolicy".into(),
                            serde_json::json!({ "Override": true, "ContentSecurityPolicy": header.value }),
                        );
                    }
                    "X-Content-Type-Options" => {
                        security.insert(
                            "ContentTypeOptions".into(),
                            serde_json::json!({ "Override": true }),
                        );
                    }
                    "X-Frame-Options" => {
                        security.insert(
                            "FrameOptions".into(),
                            serde_json::json!({ "Override": true, "FrameOption": header.value }),
                        );
                    }
                    "Referrer-Policy" => {
                        security.insert(
                            "ReferrerPolicy".into(),
                            serde_json::json!({ "Override": true, "ReferrerPolicy": header.value }),
                        );
                    }
                    // S3 stores the type with the object (see the upload step).
                    "Content-Type" => {}
                    // CloudFront refuses CORS headers as custom headers.
                    "Access-Control-Allow-Origin" => {
                        cors = Some(serde_json::json!({
                            "AccessControlAllowOrigins": { "Quantity": 1, "Items": [header.value] },
                            "AccessControlAllowHeaders": { "Quantity": 1, "Items": ["*"] },
                            "AccessControlAllowMethods": { "Quantity": 2, "Items": ["GET", "HEAD"] },
                            "AccessControlAllowCredentials": false,
                            "OriginOverride": true,
                        }));
                    }
                    _ => custom.push(serde_json::json!({
                        "Header": header.name, "Value": header.value, "Override": true,
                    })),
                }
            }
            let mut policy = serde_json::json!({
                "Name": name,
                "Comment": format!("Asana article: {}", class.what()),
                "SecurityHeadersConfig": security,
                "CustomHeadersConfig": { "Quantity": custom.len(), "Items": custom },
            });
            if let Some(cors) = cors {
                policy["CorsConfig"] = cors;
            }
            let text = serde_json::to_string_pretty(&policy).unwrap_or_default() + "\n";
            (format!("{name}.json"), text)
        })
        .collect()
}

/// `deploy/cloudfront/README.md`: the behaviours, their policies and the
/// upload, generated so that no value is typed twice.
pub fn cloudfront_readme() -> String {
    let mut out = String::from(
        "<!-- GENERATED by `cargo run --features ssr --bin deploy-config` from src/build/headers.rs; do not edit. -->\n\
         # S3 + CloudFront\n\n\
         The response-headers policies next to this file carry every header of\n\
         `deploy/nginx/asana-article.conf` and `dist/_headers` (one source:\n\
         `src/build/headers.rs`, settings in `deploy/headers.toml`). Content types\n\
         come from S3, so the upload sets the one that matters (wasm). See the\n\
         README's \"S3 + CloudFront\" section for the whole recipe.\n\n\
         ## Cache behaviours, in this order\n\n\
         | path pattern | response-headers policy | cache policy |\n\
         | --- | --- | --- |\n",
    );
    for behavior in cloudfront_behaviors() {
        let _ = writeln!(
            out,
            "| `{}` | `asana-article-{}.json` | `{}` |",
            behavior.path_pattern,
            behavior.class.id(),
            behavior.cache_policy
        );
    }
    let shared = Class::ALL
        .into_iter()
        .filter(|class| class.for_partners())
        .map(|class| format!("`asana-article-{}.json`", class.id()))
        .collect::<Vec<_>>()
        .join(", ");
    let wasm = Class::HashedWasm.content_type().unwrap_or_default();
    let manifest = Class::Manifest.content_type().unwrap_or_default();
    let _ = write!(
        out,
        "\n`*` is the default behaviour. The page and other unhashed files are\n\
         cached at the edge (browsers revalidate them, `no-cache`), so each\n\
         deployment ends with an invalidation of the unhashed paths.\n\n\
         Partner sites load the files of these policies from their own origin:\n\
         {shared}. They say `Access-Control-Allow-Origin: *` in their CORS settings\n\
         (CloudFront takes no CORS header as a custom one), which CloudFront\n\
         adds to every request carrying an `Origin`: each cross-origin fetch of\n\
         a module, its wasm or form-config.json does.\n\n\
         ## Error pages\n\n\
         Custom error responses for 403 (what a private bucket answers for a\n\
         missing key) and 404: response page `/404.html`, HTTP response code 404,\n\
         error caching minimum TTL 0. Without them a missing address shows S3's\n\
         XML error.\n\n\
         ## Upload\n\n\
         ```sh\n\
         aws s3 sync dist/ \"s3://$BUCKET/\" --delete \\\n\
         \x20 --exclude '*.br' --exclude '*.gz' --exclude _headers --exclude '*.wasm'\n\
         aws s3 sync dist/ \"s3://$BUCKET/\" --exclude '*' --include '*.wasm' \\\n\
         \x20 --content-type '{wasm}'\n\
         [ -f dist/manifest.webmanifest ] && aws s3 cp dist/manifest.webmanifest \"s3://$BUCKET/\" \\\n\
         \x20 --content-type '{manifest}'\n\
         aws cloudfront create-invalidation --distribution-id \"$DISTRIBUTION\" \\\n\
         \x20 --paths / /index.html /form-config.json /manifest.webmanifest /sw.js /embed.js '/embed/*'\n\
         ```\n"
    );
    out
}

/// Every file `cargo run --bin deploy-config` writes, relative to the
/// repository root, with its contents.
pub fn deploy_files(settings: &Settings) -> Vec<(String, String)> {
    let mut files = vec![
        (
            "deploy/nginx/asana-article.conf".to_string(),
            nginx_conf(settings),
        ),
        (
            "deploy/cloudfront/README.md".to_string(),
            cloudfront_readme(),
        ),
    ];
    files.extend(
        cloudfront_policies(settings)
            .into_iter()
            .map(|(name, text)| (format!("deploy/cloudfront/{name}"), text)),
    );
    files
}

#[cfg(test)]
mod tests {
    use super::*;

    fn settings() -> Settings {
        Settings::parse("[csp]\nconnect-src = [\"https://formspree.io\"]\n").unwrap()
    }

    #[test]
    fn committed_server_configs_are_up_to_date() {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
        let text = std::fs::read_to_string(root.join(SETTINGS_FILE)).unwrap();
        let settings = Settings::parse(&text).unwrap();
        for (path, want) in deploy_files(&settings) {
            let got = std::fs::read_to_string(root.join(&path)).unwrap_or_default();
            assert!(
                got == want,
                "{path} is out of date with {SETTINGS_FILE}: run `cargo run --features ssr --bin deploy-config`"
            );
        }
    }

    #[test]
    fn shipped_settings_allow_no_local_backend() {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
        let text = std::fs::read_to_string(root.join(SETTINGS_FILE)).unwrap();
        let settings = Settings::parse(&text).unwrap();
        let local = |s: &str| s.contains("127.0.0.1") || s.contains("localhost");
        assert!(
            !settings.connect_src.iter().any(|s| local(s)),
            "{SETTINGS_FILE} allows a local backend: {:?}",
            settings.connect_src
        );
        for (path, _) in deploy_files(&settings) {
            let shipped = std::fs::read_to_string(root.join(&path)).unwrap();
            assert!(!local(&shipped), "{path} allows a local backend");
        }
    }

    #[test]
    fn the_tests_settings_parse() {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
        let text = std::fs::read_to_string(root.join("tests/fixtures/headers.toml")).unwrap();
        let settings = Settings::parse(&text).unwrap();
        assert_eq!(settings.embed_frame_ancestors, ["*"]);
    }

    #[test]
    fn classifies_the_built_files() {
        assert_eq!(Class::of_file("/"), Class::Page);
        assert_eq!(Class::of_file("/index.html"), Class::Page);
        assert_eq!(
            Class::of_file("/app-0123456789abcdef.css"),
            Class::HashedAsset
        );
        assert_eq!(
            Class::of_file("/asana-article-0123456789abcdef.js"),
            Class::HashedAsset
        );
        assert_eq!(
            Class::of_file("/asana-article-0123456789abcdef_bg.wasm"),
            Class::HashedWasm
        );
        assert_eq!(Class::of_file("/form-config.json"), Class::FormConfig);
        assert_eq!(Class::of_file("/favicon.svg"), Class::Other);
        // Not a hash: wrong length, upper case, no stem.
        assert_eq!(Class::of_file("/app-0123456789abcde.css"), Class::Other);
        assert_eq!(Class::of_file("/app-0123456789ABCDEF.css"), Class::Other);
        assert_eq!(Class::of_file("/-0123456789abcdef.css"), Class::Other);
        assert_eq!(Class::of_file("/app-0123456789abcdef.wasm"), Class::Other);
    }

    #[test]
    fn settings_are_checked() {
        let s = settings();
        assert_eq!(s.connect_src, ["https://formspree.io"]);
        assert!(!s.meta_csp);
        for (value, why) in [
            ("'unsafe-inline'", "not a keyword"),
            ("*", "not a keyword"),
            ("https:", "not a keyword"),
            ("'self'", "always there"),
            ("formspree.io", "must start with https://"),
            ("ftp://x.org", "must start with https://"),
            ("https://", "must name a host"),
            ("https://a.org; script-src *", "must not contain"),
            ("", "is empty"),
        ] {
            let text = format!("[csp]\nconnect-src = [{value:?}]\n");
            let err = Settings::parse(&text).unwrap_err().to_string();
            assert!(err.contains(why), "{value:?}: {err}");
            assert!(err.starts_with("deploy/headers.toml: "), "{err}");
        }
        for ok in [
            "http://127.0.0.1:*",
            "https://*.example.org",
            "https://a.org:8443",
        ] {
            let text = format!("[csp]\nconnect-src = [{ok:?}]\n");
            assert!(Settings::parse(&text).is_ok(), "{ok}");
        }
        let err = Settings::parse("[csp]\nconect-src = []\n").unwrap_err();
        assert!(err.to_string().contains("conect-src"), "{err}");
        let err = Settings::parse("[page]\nmeta-csp = true\n").unwrap_err();
        assert!(err.to_string().contains("csp"), "{err}");
    }

    #[test]
    fn csp_is_strict_and_names_the_backend() {
        let csp = csp(Class::Other, &settings());
        assert!(
            csp.contains("script-src 'self' 'wasm-unsafe-eval';"),
            "{csp}"
        );
        assert!(
            csp.contains("connect-src 'self' https://formspree.io;"),
            "{csp}"
        );
        assert!(!csp.contains("'unsafe-inline'") && !csp.contains("'unsafe-eval'"));
        assert!(csp.ends_with("frame-ancestors 'self'; upgrade-insecure-requests"));
    }

    /// Parses a policy into its directives.
    fn directives(policy: &str) -> Vec<(String, String)> {
        policy
            .split(';')
            .map(str::trim)
            .filter(|d| !d.is_empty())
            .map(|d| {
                let (name, value) = d.split_once(' ').unwrap_or((d, ""));
                (name.to_string(), value.to_string())
            })
            .collect()
    }

    /// The page's header and its `<meta>` together are the whole policy,
    /// with nothing inline allowed but the two hashed texts: every fetch
    /// directive is said by exactly one of them, and the header alone
    /// allows no script or style of its own.
    #[test]
    fn page_header_and_meta_make_the_whole_policy() {
        let s = settings();
        let inline = InlineSources::of(&["boot();"], &["a{}"]);
        assert!(inline.scripts[0].starts_with("'sha256-") && inline.scripts[0].ends_with("='"));
        assert_ne!(inline.scripts, inline.styles);
        let header = directives(&csp(Class::Page, &s));
        let meta = directives(&page_meta_csp(&s, &inline));
        let names = |d: &[(String, String)]| d.iter().map(|(n, _)| n.clone()).collect::<Vec<_>>();
        assert_eq!(names(&meta), ["script-src", "style-src"]);
        assert!(!names(&header).contains(&"default-src".to_string()));
        for fetch in FETCH {
            let said = [&header, &meta]
                .iter()
                .filter(|d| names(d).contains(&fetch.to_string()))
                .count();
            assert_eq!(said, 1, "{fetch}: {header:?} {meta:?}");
        }
        let value = |d: &[(String, String)], name: &str| {
            d.iter()
                .find(|(n, _)| n == name)
                .map(|(_, v)| v.clone())
                .unwrap()
        };
        assert_eq!(
            value(&meta, "script-src"),
            format!("'self' 'wasm-unsafe-eval' {}", inline.scripts[0])
        );
        assert_eq!(
            value(&meta, "style-src"),
            format!("'self' {}", inline.styles[0])
        );
        for (name, value) in directives(&csp(Class::Other, &s)) {
            if name == "default-src" || PAGE_META.contains(&name.as_str()) {
                continue;
            }
            assert_eq!(
                directives(&csp(Class::Page, &s))
                    .iter()
                    .find(|(n, _)| *n == name)
                    .map(|(_, v)| v.clone()),
                Some(value),
                "{name}"
            );
        }
        assert_eq!(value(&header, "media-src"), "'self'");
        for policy in [csp(Class::Page, &s), page_meta_csp(&s, &inline)] {
            assert!(!policy.contains("'unsafe-inline'"), "{policy}");
        }
    }

    /// Known SHA-256 of `alert(1)` (as CSP documentation gives it).
    #[test]
    fn hashes_are_base64_sha256_of_the_exact_text() {
        let inline = InlineSources::of(&["alert(1)"], &[]);
        assert_eq!(
            inline.scripts,
            ["'sha256-bhHHL3z2vDgxUt0W3dWQOrprscmda2Y5pLsLg4GF+pI='"]
        );
    }

    #[test]
    fn meta_only_hosts_get_the_whole_policy_in_the_page() {
        let s = Settings::parse("[csp]\nconnect-src = []\n[page]\nmeta-csp = true\n").unwrap();
        let inline = InlineSources::of(&["x"], &["y"]);
        let meta = page_meta_csp(&s, &inline);
        assert!(!meta.contains("frame-ancestors"), "{meta}");
        assert!(meta.contains("default-src 'self'"), "{meta}");
        assert!(meta.contains(&inline.scripts[0]) && meta.contains(&inline.styles[0]));
        assert!(meta.ends_with(UPGRADE));
    }

    /// Parses `_headers` into (path, headers) rules.
    fn rules(text: &str) -> Vec<(String, Vec<(String, String)>)> {
        let mut rules: Vec<(String, Vec<(String, String)>)> = Vec::new();
        for line in text.lines() {
            if line.trim().is_empty() || line.trim_start().starts_with('#') {
                continue;
            }
            if line.starts_with(' ') {
                let (name, value) = line.trim().split_once(": ").unwrap();
                rules
                    .last_mut()
                    .unwrap()
                    .1
                    .push((name.into(), value.into()));
            } else {
                rules.push((line.to_string(), Vec::new()));
            }
        }
        rules
    }

    #[test]
    fn headers_file_gives_each_header_one_owner_per_path() {
        let files = [
            "/index.html",
            "/app-0123456789abcdef.css",
            "/app-0123456789abcdef.css.br",
            "/asana-article-0123456789abcdef_bg.wasm",
            "/favicon.svg",
        ]
        .map(String::from);
        let text = headers_file(&files, &settings());
        let rules = rules(&text);
        assert_eq!(rules[0].0, "/*");
        assert!(!text.contains(".br"), "{text}");
        for path in [
            "/",
            "/index.html",
            "/app-0123456789abcdef.css",
            "/favicon.svg",
            "/form-config.json",
            "/nope",
        ] {
            let matching: Vec<_> = rules
                .iter()
                .filter(|(rule, _)| rule == "/*" || rule == path)
                .flat_map(|(_, headers)| headers.iter().map(|(n, _)| n.to_lowercase()))
                .collect();
            let mut unique = matching.clone();
            unique.sort();
            unique.dedup();
            assert_eq!(unique.len(), matching.len(), "{path}: {matching:?}");
        }
        let wasm = &rules
            .iter()
            .find(|(p, _)| p == "/asana-article-0123456789abcdef_bg.wasm")
            .unwrap()
            .1;
        assert!(wasm.contains(&("Cache-Control".into(), IMMUTABLE.into())));
        assert!(wasm.contains(&("Content-Type".into(), "application/wasm".into())));
        // The page's CSP differs from the others', so none is under /*
        // (the hosts would join two into one stricter policy) and each
        // listed path has its own; an unlisted path gets the 404 page,
        // which carries its policy itself (not_found.rs).
        let csp_of = |path: &str| {
            rules
                .iter()
                .filter(|(rule, _)| rule == "/*" || rule == path)
                .flat_map(|(_, h)| h.iter())
                .filter(|(n, _)| n == "Content-Security-Policy")
                .map(|(_, v)| v.clone())
                .collect::<Vec<_>>()
        };
        assert_eq!(csp_of("/"), [csp(Class::Page, &settings())]);
        assert_eq!(csp_of("/favicon.svg"), [csp(Class::Other, &settings())]);
        assert!(csp_of("/nope").is_empty());
    }

    #[test]
    fn nginx_sends_every_header_of_every_class() {
        let s = settings();
        let conf = nginx_conf(&s);
        // The CSP is written once per location: the page's own, and the
        // whole policy everywhere else.
        let csp_lines: Vec<&str> = conf
            .lines()
            .filter(|l| l.contains("Content-Security-Policy"))
            .collect();
        assert_eq!(csp_lines.len(), 12, "{conf}");
        let want = |class| format!("\"{}$aa_csp_upgrade\"", csp_without_upgrade(class, &s));
        let page = csp_lines
            .iter()
            .filter(|l| l.contains(&want(Class::Page)))
            .count();
        let rest = csp_lines
            .iter()
            .filter(|l| l.contains(&want(Class::Other)))
            .count();
        let embed = csp_lines
            .iter()
            .filter(|l| l.contains(&want(Class::EmbedPage)))
            .count();
        assert_eq!((page, rest, embed), (1, 10, 1), "{csp_lines:?}");
        assert!(conf.contains("default_type \"application/wasm\";"));
        assert_eq!(conf.matches(IMMUTABLE).count(), 1, "in its map only");
        assert_eq!(
            conf.matches("add_header Cache-Control \"$aa_cache_immutable\" always;")
                .count(),
            4
        );
        assert!(
            conf.contains("add_header Cache-Control \"no-store\" always;"),
            "{conf}"
        );
        assert!(
            conf.contains("location ~ \"-[0-9a-f]{16}_bg\\.wasm$\""),
            "{conf}"
        );
        assert_eq!(conf.matches('{').count(), conf.matches('}').count());
    }

    #[test]
    fn cloudfront_patterns_match_the_classes() {
        // `*` any run, `?` one character, as CloudFront reads them.
        fn glob(pattern: &[u8], path: &[u8]) -> bool {
            match (pattern.first(), path.first()) {
                (None, None) => true,
                (Some(b'*'), _) => {
                    glob(&pattern[1..], path) || (!path.is_empty() && glob(pattern, &path[1..]))
                }
                (Some(b'?'), Some(_)) => glob(&pattern[1..], &path[1..]),
                (Some(a), Some(b)) if a == b => glob(&pattern[1..], &path[1..]),
                _ => false,
            }
        }
        for path in [
            "/app-0123456789abcdef.css",
            "/boot-0123456789abcdef.js",
            "/asana-article-0123456789abcdef_bg.wasm",
            "/form-config.json",
            "/index.html",
            "/favicon.svg",
            "/embed.js",
            "/embed/faq/",
            "/embed/faq/index.html",
            "/embed-0123456789abcdef.css",
            "/widgets-0123456789abcdef.js",
            "/widgets-forms-0123456789abcdef.js",
            "/widgets-forms-0123456789abcdef_bg.wasm",
        ] {
            let first = cloudfront_behaviors()
                .into_iter()
                .find(|b| glob(b.path_pattern.as_bytes(), path.as_bytes()))
                .unwrap();
            let class = Class::of_file(path);
            let expected = if class == Class::Other {
                Class::Page
            } else {
                class
            };
            assert_eq!(first.class, expected, "{path}");
            assert_eq!(
                headers(first.class, &settings())
                    .iter()
                    .find(|h| h.name == "Cache-Control"),
                headers(class, &settings())
                    .iter()
                    .find(|h| h.name == "Cache-Control"),
                "{path}"
            );
        }
        let policies = cloudfront_policies(&settings());
        assert_eq!(policies.len(), 10);
        let loader: serde_json::Value = serde_json::from_str(
            &policies
                .iter()
                .find(|(n, _)| n.contains("-embed-loader"))
                .unwrap()
                .1,
        )
        .unwrap();
        assert_eq!(
            loader["CorsConfig"]["AccessControlAllowOrigins"]["Items"],
            serde_json::json!(["*"])
        );
        assert!(
            !loader.to_string().contains("\"Header\":\"Access-Control"),
            "CORS as a custom header: {loader}"
        );
        let page: serde_json::Value = serde_json::from_str(
            &policies
                .iter()
                .find(|(n, _)| n == "asana-article-page.json")
                .unwrap()
                .1,
        )
        .unwrap();
        assert_eq!(
            page["SecurityHeadersConfig"]["ContentSecurityPolicy"]["ContentSecurityPolicy"],
            csp(Class::Page, &settings())
        );
    }

    #[test]
    fn classifies_the_partners_files() {
        for (path, class) in [
            ("/embed.js", Class::EmbedLoader),
            ("/embed-0123456789abcdef.css", Class::WidgetAsset),
            ("/widgets-0123456789abcdef.js", Class::WidgetAsset),
            ("/widgets-forms-0123456789abcdef.js", Class::WidgetAsset),
            ("/widgets-0123456789abcdef_bg.wasm", Class::WidgetWasm),
            ("/widgets-forms-0123456789abcdef_bg.wasm", Class::WidgetWasm),
            ("/embed/faq/", Class::EmbedPage),
            ("/embed/insurance-checker/index.html", Class::EmbedPage),
            // The page's own files stay what they were.
            ("/forms-0123456789abcdef.js", Class::HashedAsset),
            ("/forms-0123456789abcdef_bg.wasm", Class::HashedWasm),
            ("/app-0123456789abcdef.css", Class::HashedAsset),
            ("/index.html", Class::Page),
            ("/sub/index.html", Class::Other),
            ("/embed.json", Class::Other),
            ("/embed/nope/index.html", Class::Other),
        ] {
            assert_eq!(Class::of_file(path), class, "{path}");
        }
        assert_eq!(
            EMBED_KINDS,
            [
                "insurance-checker",
                "contact-form",
                "book-offer",
                "faq",
                "call-us"
            ]
        );
        for kind in EMBED_KINDS {
            for path in [
                format!("/embed/{kind}/"),
                format!("/embed/{kind}/index.html"),
            ] {
                assert_eq!(Class::of_file(&path), Class::EmbedPage, "{path}");
                assert!(Class::EmbedPage.known_paths().contains(&path), "{path}");
            }
        }
    }

    #[test]
    fn only_the_partners_files_are_shared_with_other_sites() {
        let s = settings();
        for class in Class::ALL {
            let all = headers(class, &s);
            let value = |name: &str| {
                all.iter()
                    .filter(|h| h.name == name)
                    .map(|h| h.value.as_str())
                    .collect::<Vec<_>>()
            };
            let partner = class.for_partners();
            assert_eq!(
                value("Access-Control-Allow-Origin"),
                if partner { vec!["*"] } else { vec![] },
                "{class:?}"
            );
            let corp = if partner {
                "cross-origin"
            } else {
                "same-origin"
            };
            assert_eq!(value("Cross-Origin-Resource-Policy"), [corp], "{class:?}");
        }
        let partners: Vec<Class> = Class::ALL
            .into_iter()
            .filter(|c| c.for_partners())
            .collect();
        assert_eq!(
            partners,
            [
                Class::FormConfig,
                Class::EmbedLoader,
                Class::WidgetAsset,
                Class::WidgetWasm
            ]
        );
    }

    #[test]
    fn only_the_embed_pages_may_be_framed_by_other_sites() {
        let s = Settings::parse(
            "[csp]\nconnect-src = []\n[embed]\nframe-ancestors = [\"https://partner.example\"]\n",
        )
        .unwrap();
        let framing = |class| {
            let all = headers(class, &s);
            let csp = all
                .iter()
                .find(|h| h.name == "Content-Security-Policy")
                .map(|h| h.value.clone())
                .unwrap_or_default();
            let ancestors = csp
                .split("; ")
                .find_map(|d| d.strip_prefix("frame-ancestors "))
                .map(str::to_string);
            let xfo = all.iter().any(|h| h.name == "X-Frame-Options");
            (ancestors, xfo)
        };
        assert_eq!(
            framing(Class::EmbedPage),
            (Some("https://partner.example".into()), false)
        );
        for class in Class::ALL.into_iter().filter(|c| *c != Class::EmbedPage) {
            assert_eq!(framing(class), (Some("'self'".into()), true), "{class:?}");
        }
        assert_eq!(settings().embed_frame_ancestors, ["*"], "the default");
    }

    #[test]
    fn embed_frame_ancestors_are_checked() {
        for (value, why) in [
            ("[]", "list is empty"),
            ("[\"'none'\", \"https://a.org\"]", "must stand alone"),
            ("[\"'unsafe-inline'\"]", "not a keyword"),
            ("[\"partner.example\"]", "must start with https://"),
        ] {
            let text = format!("[csp]\nconnect-src = []\n[embed]\nframe-ancestors = {value}\n");
            let err = Settings::parse(&text).unwrap_err().to_string();
            assert!(
                err.contains("embed.frame-ancestors") && err.contains(why),
                "{value}: {err}"
            );
        }
        for ok in [
            "[\"*\"]",
            "[\"'none'\"]",
            "[\"'self'\", \"https://*.partner.example\"]",
        ] {
            let text = format!("[csp]\nconnect-src = []\n[embed]\nframe-ancestors = {ok}\n");
            assert!(Settings::parse(&text).is_ok(), "{ok}");
        }
    }

    #[test]
    fn the_partners_files_have_one_owner_each_in_headers_file() {
        let files: Vec<String> = [
            "/embed.js",
            "/embed/faq/index.html",
            "/widgets-0123456789abcdef.js",
            "/index.html",
        ]
        .map(String::from)
        .to_vec();
        let text = headers_file(&files, &settings());
        let mut rules: Vec<(String, Vec<String>)> = Vec::new();
        for line in text
            .lines()
            .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
        {
            if let Some(header) = line.strip_prefix("  ") {
                if let Some(rule) = rules.last_mut() {
                    rule.1
                        .push(header.split(':').next().unwrap_or_default().to_string());
                }
            } else {
                rules.push((line.to_string(), Vec::new()));
            }
        }
        for path in ["/embed.js", "/embed/faq/", "/embed/faq/index.html"] {
            for header in [
                "Content-Security-Policy",
                "Cache-Control",
                "Cross-Origin-Resource-Policy",
                "X-Frame-Options",
                "Access-Control-Allow-Origin",
            ] {
                let owners = rules
                    .iter()
                    .filter(|(rule, _)| rule == "/*" || rule == path)
                    .filter(|(_, headers)| headers.iter().any(|h| h == header))
                    .count();
                let has = headers(Class::of_file(path), &settings())
                    .iter()
                    .any(|h| h.name == header);
                assert_eq!(owners, usize::from(has), "{path} {header}:\n{text}");
            }
        }
        assert!(
            text.contains("/embed.js\n") && text.contains("Cache-Control: public, max-age=300"),
            "{text}"
        );
        // What decides the counts above: the loader is shared and may not be
        // framed, the embed pages the other way round.
        let names = |class| {
            headers(class, &settings())
                .into_iter()
                .map(|h| h.name)
                .collect::<Vec<_>>()
        };
        assert!(names(Class::EmbedLoader).contains(&"Access-Control-Allow-Origin"));
        assert!(names(Class::EmbedLoader).contains(&"X-Frame-Options"));
        assert!(!names(Class::EmbedPage).contains(&"Access-Control-Allow-Origin"));
        assert!(!names(Class::EmbedPage).contains(&"X-Frame-Options"));
    }

    #[test]
    fn nginx_puts_the_partners_locations_before_the_page_and_hashed_ones() {
        let conf = nginx_conf(&settings());
        let at = |needle: &str| {
            conf.find(needle)
                .unwrap_or_else(|| panic!("no {needle} in\n{conf}"))
        };
        let embed_pages = at("location ^~ /embed/ {");
        let widget_assets = at("location ~ \"/(widgets|embed)-([^/]*-)?[0-9a-f]{16}\\.(js|css)$\"");
        let widget_wasm = at("location ~ \"/(widgets|embed)-([^/]*-)?[0-9a-f]{16}_bg\\.wasm$\"");
        let hashed = at("location ~ \"-[0-9a-f]{16}\\.(js|css)$\"");
        let page = at("location ~ \"/index\\.html$\"");
        assert!(
            widget_assets < hashed && widget_wasm < hashed && widget_wasm < page,
            "{conf}"
        );
        assert!(embed_pages < page, "{conf}");
        assert!(conf.contains("location = /embed.js {"), "{conf}");
    }
}
