//! The post-build step behind `src/bin/prerender.rs` (native only).
//!
//! File handling lives here; the string transformations it applies are
//! pure functions in the submodules, each unit-tested.

pub mod compress;
pub mod css;
pub mod embed;
pub mod floor;
pub mod head;
pub mod headers;
pub mod html;
pub mod not_found;

use std::fs;
use std::io;
use std::path::{Path, PathBuf};

use leptos::prelude::*;

use crate::content::{Content, CONTENT};
use crate::loader::boot::{self, Module};
use crate::page::shell::App;
use crate::pwa::{icons, manifest, worker};
use crate::widgets::kind::{Kind, Module as WidgetModule};

/// Why the post-build step could not produce a page.
#[derive(Debug, thiserror::Error)]
pub enum BuildError {
    #[error("TRUNK_STAGING_DIR is not set; run this through `trunk build`")]
    NoStagingDir,
    #[error("{path}: {source}")]
    Io { path: PathBuf, source: io::Error },
    #[error("{0}")]
    Html(#[from] html::HtmlError),
    #[error("{0}")]
    Css(#[from] css::CssError),
    #[error("cannot inline into the page: {0}")]
    Inline(&'static str),
    #[error("{0}")]
    Headers(#[from] headers::SettingsError),
    #[error("{0}")]
    Icons(#[from] icons::IconError),
    #[error("expected four wasm-bindgen outputs (*_bg.wasm and its .js) in {dir}, the app, `{FORMS_STEM}`, `widgets` and `widgets-forms`; found {found:?}")]
    Modules { dir: PathBuf, found: Vec<String> },
}

fn read(path: &Path) -> Result<String, BuildError> {
    fs::read_to_string(path).map_err(|source| BuildError::Io {
        path: path.into(),
        source,
    })
}

fn write(path: &Path, bytes: &[u8]) -> Result<(), BuildError> {
    fs::write(path, bytes).map_err(|source| BuildError::Io {
        path: path.into(),
        source,
    })
}

/// Renders [`App`] for `content` to HTML exactly as the browser build will
/// hydrate it.
pub fn render_app(content: &'static Content) -> String {
    let owner = Owner::new();
    owner.with(|| view! { <App content=content/> }.to_html())
}

/// Content-hashed file name, `stem-<16 hex>.ext`, in Trunk's style so one
/// server rule makes every hashed asset immutable.
pub fn hashed_name(stem: &str, ext: &str, bytes: &[u8]) -> String {
    // FNV-1a: cache busting needs a stable digest, not a cryptographic one.
    let hash = bytes.iter().fold(0xcbf2_9ce4_8422_2325_u64, |h, b| {
        (h ^ u64::from(*b)).wrapping_mul(0x0100_0000_01b3)
    });
    format!("{stem}-{hash:016x}.{ext}")
}

/// Runs every step on Trunk's staging directory; returns a one-line summary.
pub fn finalize(root: &Path, staging: &Path) -> Result<String, BuildError> {
    let index_path = staging.join("index.html");
    let mut page = read(&index_path)?;

    let Modules {
        app,
        forms,
        widgets,
        widgets_forms,
    } = find_modules(staging)?;
    let forms = hash_module(staging, &forms, FORMS_STEM)?;
    let widgets = hash_module(staging, &widgets, WidgetModule::Widgets.stem())?;
    let widgets_forms = hash_module(staging, &widgets_forms, WidgetModule::WidgetsForms.stem())?;
    page = html::remove_trunk_loader(&page, &app.js, &app.wasm)?;
    // Trunk writes its hash without leading zeros (one build in 16 gets a
    // 15-digit name, which no cache rule would match): rename the app's
    // files the same way as the forms', always 16 digits.
    let app_stem = app
        .js
        .rsplit_once('-')
        .map_or("app", |(stem, _)| stem)
        .to_string();
    let app = hash_module(staging, &app, &app_stem)?;
    let boot = boot::boot_module(&app, &forms);

    // The page carries the stylesheet inline; the 404 page links this copy.
    let css = css::bundle(&root.join("style"), "index.css")?;
    let css_name = hashed_name("app", "css", css.as_bytes());
    write(&staging.join(&css_name), css.as_bytes())?;

    let settings = read_header_settings(root)?;
    let inline = head::Inline {
        css: &css,
        boot: &boot,
    };
    if let Some(problem) = inline.problem() {
        return Err(BuildError::Inline(problem));
    }
    let policy = headers::page_meta_csp(&settings, &headers::InlineSources::of(&[&boot], &[&css]));
    let head = head::page_head(&CONTENT, inline, &policy);
    page = html::insert_head(&page, &head)?;
    page = html::set_lang(&page, CONTENT.site.lang)?;
    page = html::insert_body(&page, &html::strip_static_markers(&render_app(&CONTENT)))?;
    write(&index_path, page.as_bytes())?;

    write(
        &staging.join(not_found::FILE),
        not_found::not_found_html(&CONTENT, &css_name).as_bytes(),
    )?;
    let embed_report = write_embed_files(root, staging, &widgets, &widgets_forms)?;
    copy_dir(&root.join("public"), staging)?;
    let (icon_count, precache) = write_app_files(&root.join("public"), staging)?;
    let files = url_paths(staging)?;
    write(
        &staging.join("_headers"),
        headers::headers_file(&files, &settings).as_bytes(),
    )?;
    let stale = if header_settings_file(root).1 {
        stale_deploy_files(root, &settings)
    } else {
        Vec::new()
    };
    let (count, raw, brotli) = compress::compress_dir(staging)
        .map_err(|(path, source)| BuildError::Io { path, source })?;
    let (precache_raw, precache_brotli) = precache_size(staging, &precache)?;
    let mut report = format!(
        "wrote index.html (stylesheet and boot script inline), {css_name} (for 404.html), {embed_report}, manifest.webmanifest, {icon_count} icons, {sw} (precaching {} files, {precache_raw} bytes, {precache_brotli} over the wire with brotli), _headers; compressed {count} files ({raw} -> {brotli} bytes brotli)",
        precache.len(),
        sw = worker::FILE,
    );
    if !stale.is_empty() {
        // Not an error: a Netlify or Cloudflare deployment needs only dist/.
        report.push_str(&format!(
            "\nprerender: warning: {} out of date with {}; run `cargo run --features ssr --bin deploy-config`",
            stale.join(", "),
            headers::SETTINGS_FILE
        ));
    }
    Ok(report)
}

/// The partner embeds' files (`embed.rs`): the widgets' stylesheet, the
/// loader and the iframe pages. Returns what was written, for the report.
fn write_embed_files(
    root: &Path,
    staging: &Path,
    widgets: &Module,
    widgets_forms: &Module,
) -> Result<String, BuildError> {
    let css = css::for_shadow_root(&css::bundle(&root.join("style"), "embed.css")?);
    let css_name = hashed_name("embed", "css", css.as_bytes());
    write(&staging.join(&css_name), css.as_bytes())?;
    let call_us = Owner::new().with(|| {
        provide_context(crate::content::ContentCtx(&CONTENT));
        view! { <crate::widgets::view::CallUs/> }
            .to_html()
            .replace("<!>", "")
    });
    let script = crate::widgets::loader::embed_script(widgets, widgets_forms, &css_name, &call_us);
    write(
        &staging.join(crate::widgets::loader::FILE),
        script.as_bytes(),
    )?;
    for kind in Kind::ALL {
        let path = staging.join(embed::frame_path(kind));
        if let Some(dir) = path.parent() {
            fs::create_dir_all(dir).map_err(|source| BuildError::Io {
                path: dir.into(),
                source,
            })?;
        }
        let page = embed::frame_page(&CONTENT, kind, &css_name, crate::widgets::loader::FILE);
        write(&path, page.as_bytes())?;
    }
    Ok(format!(
        "{} and {css_name} (partner widgets), {} iframe pages under embed/",
        crate::widgets::loader::FILE,
        Kind::ALL.len()
    ))
}

/// The installable app's files: the icons drawn from the content's source
/// image in `public/`, the manifest, and the service worker with the list
/// of every file it precaches (so this runs after every other file is
/// written). Returns the number of icons and the precache list.
fn write_app_files(public: &Path, staging: &Path) -> Result<(usize, Vec<String>), BuildError> {
    let source = public.join(CONTENT.app.icon);
    let svg = fs::read(&source).map_err(|source_error| BuildError::Io {
        path: source.clone(),
        source: source_error,
    })?;
    let drawn = icons::render_icons(&source, &svg, CONTENT.app.icon_background)?;
    for icon in &drawn {
        write(&staging.join(icon.name), &icon.bytes)?;
    }
    let listed: Vec<manifest::ManifestIcon> = drawn
        .iter()
        .filter_map(icons::IconFile::manifest_icon)
        .collect();
    write(
        &staging.join(crate::pwa::MANIFEST_FILE),
        manifest::manifest_json(&CONTENT, &listed).as_bytes(),
    )?;
    let precache = worker::precache_list(&url_paths(staging)?);
    let contents = precache
        .iter()
        .map(|url| fs::read(staging.join(precached_file(url))))
        .collect::<Result<Vec<_>, _>>()
        .map_err(|source| BuildError::Io {
            path: staging.into(),
            source,
        })?;
    let build = worker::build_id(contents.iter().map(Vec::as_slice));
    write(
        &staging.join(worker::FILE),
        worker::service_worker(&build, &precache).as_bytes(),
    )?;
    Ok((drawn.len(), precache))
}

/// The file behind a precached URL (`./` is the page).
fn precached_file(url: &str) -> &str {
    if url == "./" {
        "index.html"
    } else {
        url
    }
}

/// What the worker downloads when it installs: the files' bytes, and what
/// goes over the wire with brotli (the `.br` copy where there is one; PNGs
/// are sent as they are).
fn precache_size(staging: &Path, precache: &[String]) -> Result<(u64, u64), BuildError> {
    let size = |path: PathBuf| {
        fs::metadata(&path)
            .map(|m| m.len())
            .map_err(|source| BuildError::Io { path, source })
    };
    precache.iter().try_fold((0, 0), |(raw, wire), url| {
        let file = staging.join(precached_file(url));
        let br = staging.join(format!("{}.br", precached_file(url)));
        let this = size(file)?;
        let sent = if br.is_file() { size(br)? } else { this };
        Ok((raw + this, wire + sent))
    })
}

/// Names a settings file to build with instead of
/// [`headers::SETTINGS_FILE`] (absolute, or relative to the repository):
/// for builds that are never published, such as `.ci/serve`'s, whose page
/// posts to a form backend on this machine. The committed server
/// configurations are for the shipped settings, so such a build does not
/// compare them.
pub const SETTINGS_ENV: &str = "AA_HEADER_SETTINGS";

/// The settings file a build reads, and whether it is the shipped one.
pub fn header_settings_file(root: &Path) -> (PathBuf, bool) {
    match std::env::var_os(SETTINGS_ENV).filter(|v| !v.is_empty()) {
        Some(path) => (root.join(PathBuf::from(path)), false),
        None => (root.join(headers::SETTINGS_FILE), true),
    }
}

/// Reads and checks the header settings (`deploy/headers.toml`, or the file
/// [`SETTINGS_ENV`] names).
pub fn read_header_settings(root: &Path) -> Result<headers::Settings, BuildError> {
    read_header_settings_from(&header_settings_file(root).0)
}

/// Reads and checks the header settings in `path`.
pub fn read_header_settings_from(path: &Path) -> Result<headers::Settings, BuildError> {
    let text = read(path)?;
    Ok(headers::Settings::parse(&text)?)
}

/// The committed server configurations that no longer match the settings.
fn stale_deploy_files(root: &Path, settings: &headers::Settings) -> Vec<String> {
    headers::deploy_files(settings)
        .into_iter()
        .filter(|(path, text)| fs::read_to_string(root.join(path)).ok().as_deref() != Some(text))
        .map(|(path, _)| path)
        .collect()
}

/// The URL path of every file under `dir` (`/index.html`, `/icons/a.png`).
fn url_paths(dir: &Path) -> Result<Vec<String>, BuildError> {
    fn walk(dir: &Path, prefix: &str, out: &mut Vec<String>) -> Result<(), BuildError> {
        let entries = fs::read_dir(dir).map_err(|source| BuildError::Io {
            path: dir.into(),
            source,
        })?;
        for entry in entries.flatten() {
            let name = entry.file_name().to_string_lossy().into_owned();
            let path = entry.path();
            if path.is_dir() {
                walk(&path, &format!("{prefix}{name}/"), out)?;
            } else {
                out.push(format!("{prefix}{name}"));
            }
        }
        Ok(())
    }
    let mut out = Vec::new();
    walk(dir, "/", &mut out)?;
    out.sort();
    Ok(out)
}

/// The stem of the forms module's files as Trunk writes them (a `worker`
/// asset in `index.html`, which Trunk neither hashes nor loads).
const FORMS_STEM: &str = "forms";

/// The build's wasm-bindgen modules.
struct Modules {
    /// Trunk's `main` asset: the page's.
    app: Module,
    forms: Module,
    widgets: Module,
    widgets_forms: Module,
}

/// The app module (Trunk's `main` asset), the forms module and the two
/// widget modules (`worker` assets, like the forms).
fn find_modules(staging: &Path) -> Result<Modules, BuildError> {
    let entries = fs::read_dir(staging).map_err(|source| BuildError::Io {
        path: staging.into(),
        source,
    })?;
    let mut found: Vec<Module> = entries
        .flatten()
        .filter_map(|entry| {
            let wasm = entry.file_name().to_string_lossy().into_owned();
            let js = format!("{}.js", wasm.strip_suffix("_bg.wasm")?);
            staging.join(&js).is_file().then_some(Module { js, wasm })
        })
        .collect();
    found.sort_by(|a, b| a.js.cmp(&b.js));
    let error = |found: &[Module]| BuildError::Modules {
        dir: staging.into(),
        found: found.iter().map(|m| m.wasm.clone()).collect(),
    };
    if found.len() != 4 {
        return Err(error(&found));
    }
    let mut take = |stem: &str| {
        let js = format!("{stem}.js");
        let index = found.iter().position(|m| m.js == js)?;
        Some(found.remove(index))
    };
    let named = (
        take(FORMS_STEM),
        take(WidgetModule::Widgets.stem()),
        take(WidgetModule::WidgetsForms.stem()),
    );
    match named {
        (Some(forms), Some(widgets), Some(widgets_forms)) if found.len() == 1 => Ok(Modules {
            app: found.remove(0),
            forms,
            widgets,
            widgets_forms,
        }),
        _ => Err(error(&found)),
    }
}

/// Renames `module`'s files to content-hashed names, so the server can let
/// browsers cache them for good: `stem-<16 hex>`, which Trunk's own
/// names are not always (it drops leading zeros).
fn hash_module(staging: &Path, module: &Module, stem: &str) -> Result<Module, BuildError> {
    let wasm = fs::read(staging.join(&module.wasm)).map_err(|source| BuildError::Io {
        path: staging.join(&module.wasm),
        source,
    })?;
    let js = read(&staging.join(&module.js))?;
    let digest_of = [wasm.as_slice(), js.as_bytes()].concat();
    let js_name = hashed_name(stem, "js", &digest_of);
    let stem = js_name.trim_end_matches(".js");
    let hashed = Module {
        wasm: format!("{stem}_bg.wasm"),
        js: js_name.clone(),
    };
    // The glue's default wasm URL; the boot module passes the URL anyway.
    let js = js.replace(&format!("'{}'", module.wasm), &format!("'{}'", hashed.wasm));
    write(&staging.join(&hashed.js), js.as_bytes())?;
    write(&staging.join(&hashed.wasm), &wasm)?;
    for old in [&module.js, &module.wasm] {
        fs::remove_file(staging.join(old)).map_err(|source| BuildError::Io {
            path: staging.join(old),
            source,
        })?;
    }
    Ok(hashed)
}

fn copy_dir(from: &Path, to: &Path) -> Result<(), BuildError> {
    fn io(path: &Path) -> impl FnOnce(io::Error) -> BuildError + '_ {
        move |source| BuildError::Io {
            path: path.into(),
            source,
        }
    }
    let Ok(entries) = fs::read_dir(from) else {
        return Ok(());
    };
    for entry in entries {
        let entry = entry.map_err(io(from))?;
        let target = to.join(entry.file_name());
        if entry.file_type().map_err(io(&entry.path()))?.is_dir() {
            fs::create_dir_all(&target).map_err(io(&target))?;
            copy_dir(&entry.path(), &target)?;
        } else {
            fs::copy(entry.path(), &target).map_err(io(&target))?;
        }
    }
    Ok(())
}
