//! What the shipped server configurations send: content types,
//! compression, caching and security headers, from nginx (the e2e site)
//! and, for the same build, from `dist/_headers` as Netlify and Cloudflare
//! Pages read it, and from Cloudflare's own implementation of it. Mostly
//! plain HTTP from Rust (browsers hide Content-Encoding); the CSP check goes
//! through the page's own fetch().

use std::path::Path;

use crate::harness::delay::SLOW_MODULE_PATH;
use crate::harness::http::{self, Response};
use crate::harness::static_hosts::{self, Rule};
use crate::harness::{ensure, tests, Page, Test};

/// This area's tests.
pub fn tests() -> Vec<Test> {
    let mut all = tests![csp_allows_only_own_scripts];
    all.extend(tests![once:
        wasm_is_brotli_application_wasm,
        hashed_assets_cached_immutable,
        unhashed_files_revalidate,
        security_headers_on_every_response,
        missing_path_is_404,
        headers_file_lists_every_built_file,
        nginx_sends_what_the_headers_file_says,
        cloudflare_pages_sends_what_the_headers_file_says,
        only_the_partners_files_are_shared_with_other_sites,
        only_the_embed_pages_may_be_framed_by_other_sites,
    ]);
    all
}

/// The page's policy (its header and its `<meta>`, which carries the
/// hashes of its inline stylesheet and boot script) lets the page's own
/// inline code run, and refuses inline code the build did not write: a
/// script and a stylesheet added later do nothing.
async fn csp_allows_only_own_scripts(page: &Page) -> Result<(), String> {
    page.goto("/").await?;
    super::wait_hydrated(page).await?;
    let got = page
        .run_async(
            "var done = arguments[arguments.length - 1];
             var meta = document.querySelector('meta[http-equiv=\"Content-Security-Policy\"]');
             var script = document.createElement('script');
             script.textContent = 'window.__aaInjected = true;';
             document.head.appendChild(script);
             var style = document.createElement('style');
             style.textContent = 'html { scroll-padding-top: 123px !important; }';
             document.head.appendChild(style);
             fetch('/', { cache: 'no-store' })
               .then(function (r) {
                 done({
                   header: r.headers.get('content-security-policy'),
                   meta: meta ? meta.content : null,
                   script: window.__aaInjected === true,
                   style: getComputedStyle(document.documentElement).scrollPaddingTop,
                 });
               })
               .catch(function (e) { done({ error: 'fetch failed: ' + e }); });",
            vec![],
        )
        .await?;
    ensure(got["error"].is_null(), || got.to_string())?;
    let (header, meta) = (
        got["header"].as_str().unwrap_or_default(),
        got["meta"].as_str().unwrap_or_default(),
    );
    ensure(
        meta.contains("script-src 'self' 'wasm-unsafe-eval' 'sha256-")
            && meta.contains("style-src 'self' 'sha256-"),
        || format!("the page's meta CSP does not hash its inline code: {meta:?}"),
    )?;
    ensure(
        !header.contains("script-src") && !header.contains("default-src"),
        || format!("the page's header CSP would govern its scripts too: {header:?}"),
    )?;
    for policy in [header, meta] {
        ensure(!policy.contains("'unsafe-inline'"), || {
            format!("CSP allows 'unsafe-inline': {policy:?}")
        })?;
    }
    ensure(got["script"] == false, || {
        "an inline script added to the page ran".into()
    })?;
    ensure(got["style"] != "123px", || {
        "an inline stylesheet added to the page applied".into()
    })
}

/// The wasm module goes out as application/wasm, brotli-compressed when the
/// client accepts br, and varies on Accept-Encoding.
async fn wasm_is_brotli_application_wasm(page: &Page) -> Result<(), String> {
    let wasm = built_files(page.site_root())
        .into_iter()
        .find(|f| f.ends_with(".wasm"))
        .ok_or("dist contains no .wasm file")?;
    let response = http::get(page.port(), &wasm, &[("Accept-Encoding", "br, gzip")]).await?;
    ensure(response.status == 200, || {
        format!("GET {wasm}: status {}", response.status)
    })?;
    expect_header(&response, &wasm, "Content-Type", "application/wasm")?;
    expect_header(&response, &wasm, "Content-Encoding", "br")?;
    ensure(!response.body.starts_with(b"\0asm"), || {
        format!("GET {wasm}: body is uncompressed wasm")
    })?;
    let vary = response.require("Vary")?;
    ensure(vary.contains("Accept-Encoding"), || {
        format!("GET {wasm}: Vary is {vary:?}")
    })
}

/// Every hashed build output is cacheable for a year and immutable.
async fn hashed_assets_cached_immutable(page: &Page) -> Result<(), String> {
    let hashed: Vec<String> = built_files(page.site_root())
        .into_iter()
        .filter(|f| is_hashed(f))
        .collect();
    ensure(!hashed.is_empty(), || {
        "dist contains no hashed .js/.wasm/.css files".into()
    })?;
    for path in hashed {
        let response = http::get(page.port(), &path, &[]).await?;
        expect_header(
            &response,
            &path,
            "Cache-Control",
            "public, max-age=31536000, immutable",
        )?;
    }
    Ok(())
}

/// The page and the files referred to by fixed names are revalidated on
/// every use; the manifest has its own type.
async fn unhashed_files_revalidate(page: &Page) -> Result<(), String> {
    let mut paths = vec!["/".to_string(), "/index.html".to_string()];
    for fixed in ["form-config.json", "sw.js", "manifest.webmanifest"] {
        if page.site_root().join(fixed).is_file() {
            paths.push(format!("/{fixed}"));
        }
    }
    for path in &paths {
        let response = http::get(page.port(), path, &[]).await?;
        ensure(response.status == 200, || {
            format!("GET {path}: status {}", response.status)
        })?;
        expect_header(&response, path, "Cache-Control", "no-cache")?;
    }
    if paths.iter().any(|p| p == "/manifest.webmanifest") {
        let response = http::get(page.port(), "/manifest.webmanifest", &[]).await?;
        let ty = response.require("Content-Type")?;
        ensure(ty.starts_with("application/manifest+json"), || {
            format!("GET /manifest.webmanifest: Content-Type {ty:?}")
        })?;
    }
    Ok(())
}

/// The page, a hashed asset and an error page all carry the security
/// headers. The page's header leaves scripts and styles to its `<meta>`
/// (csp_allows_only_own_scripts); every other file gets the whole policy.
async fn security_headers_on_every_response(page: &Page) -> Result<(), String> {
    let asset = built_files(page.site_root())
        .into_iter()
        .find(|f| is_hashed(f))
        .ok_or("dist contains no hashed asset")?;
    for path in ["/".to_string(), asset, "/no-such-page".to_string()] {
        let response = http::get(page.port(), &path, &[]).await?;
        let csp = response.require("Content-Security-Policy")?;
        let whole = [
            "default-src 'self'",
            "script-src 'self' 'wasm-unsafe-eval'",
            "style-src 'self'",
        ];
        let wanted = ["object-src 'none'", "frame-ancestors 'self'"]
            .into_iter()
            .chain(
                if path == "/" { &[][..] } else { &whole[..] }
                    .iter()
                    .copied(),
            );
        for directive in wanted {
            ensure(csp.contains(directive), || {
                format!("GET {path}: CSP lacks {directive:?}: {csp:?}")
            })?;
        }
        expect_header(&response, &path, "X-Content-Type-Options", "nosniff")?;
        expect_header(
            &response,
            &path,
            "Referrer-Policy",
            "strict-origin-when-cross-origin",
        )?;
        expect_header(
            &response,
            &path,
            "Cross-Origin-Opener-Policy",
            "same-origin",
        )?;
        let permissions = response.require("Permissions-Policy")?;
        for feature in ["camera=()", "microphone=()", "geolocation=()"] {
            ensure(permissions.contains(feature), || {
                format!("GET {path}: Permissions-Policy {permissions:?} lacks {feature}")
            })?;
        }
    }
    Ok(())
}

/// An unknown path is a real 404 with the build's 404.html, not the
/// article, and nothing keeps it (the file may exist after a deployment).
async fn missing_path_is_404(page: &Page) -> Result<(), String> {
    let response = http::get(page.port(), "/no/such-page", &[]).await?;
    ensure(response.status == 404, || {
        format!("GET /no/such-page: status {}", response.status)
    })?;
    expect_header(&response, "/no/such-page", "Cache-Control", "no-store")?;
    let page_404 = std::fs::read(crate::tests::built_dist().join("404.html"))
        .map_err(|e| format!("reading dist/404.html: {e}"))?;
    ensure(response.body == page_404, || {
        format!(
            "GET /no/such-page: the body is not dist/404.html: {}",
            String::from_utf8_lossy(&response.body[..response.body.len().min(300)])
        )
    })
}

/// `dist/_headers` names each built file (the build knows every name;
/// the hosts have no pattern for "hashed"), and nothing that is not built
/// or a fixed name.
async fn headers_file_lists_every_built_file(_page: &Page) -> Result<(), String> {
    let dist = crate::tests::built_dist();
    let rules = static_hosts::read_headers_file(&dist.join("_headers"))?;
    let patterns: Vec<&str> = rules.iter().map(|r| r.pattern.as_str()).collect();
    for file in built_files(&dist) {
        if file == "/_headers" || file == "/form-config.json" {
            continue;
        }
        ensure(patterns.contains(&file.as_str()), || {
            format!("_headers has no rule for {file}; rules: {patterns:?}")
        })?;
    }
    ensure(patterns.first() == Some(&"/*"), || {
        format!("_headers should start with /*: {patterns:?}")
    })
}

/// For every file of the build (and a missing path), nginx sends exactly
/// what `_headers` tells Netlify and Cloudflare Pages to send: every header
/// the file's rules name, with the same value, and none of the other
/// headers the policy uses (Content-Type is always sent: compared where
/// `_headers` sets it).
async fn nginx_sends_what_the_headers_file_says(page: &Page) -> Result<(), String> {
    let rules = static_hosts::read_headers_file(&page.site_root().join("_headers"))?;
    let mut problems = Vec::new();
    for path in paths_to_compare(page.site_root(), &rules) {
        let response = http::get(page.port(), &path, &[]).await?;
        problems.extend(disagreements("nginx", &path, &rules, &response, &[]));
    }
    ensure(problems.is_empty(), || problems.join("\n"))
}

/// Cloudflare's own `_headers` implementation (`wrangler pages dev`,
/// offline) serving the same build sends what the file says, as nginx does.
async fn cloudflare_pages_sends_what_the_headers_file_says(page: &Page) -> Result<(), String> {
    let served = page.site_root();
    let rules = static_hosts::read_headers_file(&served.join("_headers"))?;
    // The build as deployed: dist and the deployer's form-config.json,
    // without the harness's own pages and variants.
    let scratch = served
        .parent()
        .ok_or("the served copy has no parent directory")?
        .join("wrangler");
    let site = scratch.join("site");
    copy_files(&crate::tests::built_dist(), &site)?;
    std::fs::copy(
        served.join("form-config.json"),
        site.join("form-config.json"),
    )
    .map_err(|e| format!("copying form-config.json: {e}"))?;
    let workspace = Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
    let wrangler = static_hosts::start_wrangler(&workspace, &site, &scratch)?;
    let mut problems = Vec::new();
    for path in paths_to_compare(&site, &rules) {
        let response = http::get(wrangler.port, &path, &[]).await?;
        // Cloudflare Pages sends `Access-Control-Allow-Origin: *` with every
        // static file of its own accord (public files, never with
        // credentials); only the partners' files need it, and get it from
        // `_headers` everywhere else.
        problems.extend(disagreements(
            "wrangler pages dev",
            &path,
            &rules,
            &response,
            &[("access-control-allow-origin", "*")],
        ));
    }
    ensure(problems.is_empty(), || problems.join("\n"))
}

/// Copies the files of `from` (not its directories) into `to`.
fn copy_files(from: &Path, to: &Path) -> Result<(), String> {
    std::fs::create_dir_all(to).map_err(|e| format!("creating {}: {e}", to.display()))?;
    let entries =
        std::fs::read_dir(from).map_err(|e| format!("reading {}: {e}", from.display()))?;
    for entry in entries.flatten() {
        if entry.path().is_file() {
            std::fs::copy(entry.path(), to.join(entry.file_name()))
                .map_err(|e| format!("copying {}: {e}", entry.path().display()))?;
        }
    }
    Ok(())
}

/// Each rule's path (a page, an asset, a fixed name), and a path with no file.
fn paths_to_compare(root: &Path, rules: &[Rule]) -> Vec<String> {
    let mut paths: Vec<String> = rules
        .iter()
        .map(|r| r.pattern.clone())
        .filter(|p| !p.contains('*'))
        .filter(|p| p == "/" || root.join(p.trim_start_matches('/')).is_file())
        .collect();
    paths.push("/no/such-page".into());
    paths
}

/// The partner widgets' files (the loader, their stylesheet, their two
/// modules, `form-config.json`) are readable by any origin; nothing else
/// is, and the loader is cached only briefly.
async fn only_the_partners_files_are_shared_with_other_sites(page: &Page) -> Result<(), String> {
    let files = built_files(page.site_root());
    let top = |prefix: &str, suffix: &str| {
        files
            .iter()
            .find(|f| f.starts_with(prefix) && f.ends_with(suffix))
            .cloned()
            .ok_or_else(|| format!("no built file {prefix}*{suffix}"))
    };
    let shared = [
        "/embed.js".to_string(),
        "/form-config.json".to_string(),
        top("/embed-", ".css")?,
        top("/widgets-forms-", "_bg.wasm")?,
        top("/widgets-forms-", ".js")?,
        top("/widgets-", "_bg.wasm")?,
    ];
    let own = [
        "/".to_string(),
        top("/forms-", "_bg.wasm")?,
        top("/app-", ".css")?,
        "/sw.js".to_string(),
        "/embed/faq/".to_string(),
    ];
    for path in &shared {
        let response =
            http::get(page.port(), path, &[("Origin", "http://partner.example")]).await?;
        expect_header(&response, path, "Access-Control-Allow-Origin", "*")?;
        expect_header(
            &response,
            path,
            "Cross-Origin-Resource-Policy",
            "cross-origin",
        )?;
    }
    for path in &own {
        let response =
            http::get(page.port(), path, &[("Origin", "http://partner.example")]).await?;
        ensure(
            response.header("Access-Control-Allow-Origin").is_none(),
            || format!("GET {path}: shared with other sites"),
        )?;
        // The iframe pages too: a browser checks it on a frame only for a
        // framing page with COEP, which needs COEP on the frame as well.
        let corp = response.require("Cross-Origin-Resource-Policy")?;
        ensure(corp == "same-origin", || {
            format!("GET {path}: Cross-Origin-Resource-Policy {corp}")
        })?;
    }
    let loader = http::get(page.port(), "/embed.js", &[]).await?;
    expect_header(&loader, "/embed.js", "Cache-Control", "public, max-age=300")
}

/// The iframe pages may be framed by other sites (the tests' settings keep
/// the default `*`), with no X-Frame-Options; the article may not.
async fn only_the_embed_pages_may_be_framed_by_other_sites(page: &Page) -> Result<(), String> {
    for (path, ancestors, xfo) in [
        ("/embed/faq/", "frame-ancestors *", false),
        (
            "/embed/insurance-checker/index.html",
            "frame-ancestors *",
            false,
        ),
        ("/", "frame-ancestors 'self'", true),
        ("/index.html", "frame-ancestors 'self'", true),
    ] {
        let response = http::get(page.port(), path, &[]).await?;
        ensure(response.status == 200, || {
            format!("GET {path}: status {}", response.status)
        })?;
        let csp = response.require("Content-Security-Policy")?;
        ensure(csp.contains(ancestors), || {
            format!("GET {path}: CSP {csp:?} lacks {ancestors:?}")
        })?;
        ensure(response.header("X-Frame-Options").is_some() == xfo, || {
            format!(
                "GET {path}: X-Frame-Options {:?}",
                response.header("X-Frame-Options")
            )
        })?;
    }
    Ok(())
}

/// Where `response` (from `server`, for `path`) differs from `_headers`.
/// For a file, every header the policy uses anywhere must match, present or
/// absent; for a missing path (which no `_headers` rule can name) only what
/// `/*` sets, the rest being the host's own choice (nginx's is checked by
/// `missing_path_is_404`). The servers here speak plain HTTP, over which the
/// CSP leaves out upgrade-insecure-requests (nginx adds it only over HTTPS).
/// `host_defaults` are headers the host adds to every response by itself,
/// which `_headers` cannot take away on every host: a response may carry
/// one where `_headers` says nothing.
fn disagreements(
    server: &str,
    path: &str,
    rules: &[Rule],
    response: &Response,
    host_defaults: &[(&str, &str)],
) -> Vec<String> {
    let is_file = response.status != 404;
    let expected = static_hosts::headers_for(rules, path);
    let mut names: Vec<String> = rules
        .iter()
        .flat_map(|r| r.headers.iter().map(|(n, _)| n.to_ascii_lowercase()))
        .collect();
    names.sort();
    names.dedup();
    let mut problems = Vec::new();
    for name in names {
        let want = expected
            .iter()
            .find(|(n, _)| n.eq_ignore_ascii_case(&name))
            .map(|(_, v)| {
                v.trim_end_matches("; upgrade-insecure-requests")
                    .to_string()
            });
        let got = response.header(&name).map(|v| {
            v.trim_end_matches("; upgrade-insecure-requests")
                .to_string()
        });
        if want.is_none() && (name == "content-type" || !is_file) {
            continue;
        }
        if want.is_none() && host_defaults.contains(&(name.as_str(), got.as_deref().unwrap_or("")))
        {
            continue;
        }
        if want != got {
            problems.push(format!(
                "{server} GET {path} ({}): {name} is {got:?}, _headers says {want:?}",
                response.status
            ));
        }
    }
    problems
}

fn expect_header(response: &Response, path: &str, name: &str, want: &str) -> Result<(), String> {
    let got = response
        .require(name)
        .map_err(|e| format!("GET {path}: {e}"))?;
    ensure(got == want, || {
        format!("GET {path}: {name} is {got:?}, expected {want:?}")
    })
}

/// URL paths of the built files (not precompressed copies, not the
/// harness's own files).
fn built_files(root: &Path) -> Vec<String> {
    fn walk(dir: &Path, prefix: &str, out: &mut Vec<String>) {
        let Ok(entries) = std::fs::read_dir(dir) else {
            return;
        };
        for entry in entries.flatten() {
            let name = entry.file_name().to_string_lossy().into_owned();
            let path = entry.path();
            if path.is_dir() {
                if name != "__e2e" {
                    walk(&path, &format!("{prefix}{name}/"), out);
                }
            } else if !name.ends_with(".br") && !name.ends_with(".gz") {
                out.push(format!("{prefix}{name}"));
            }
        }
    }
    let mut out = Vec::new();
    walk(root, "/", &mut out);
    // The harness's slow lane answers for that variant's forms module
    // (harness/delay.rs), not the shipped configuration.
    out.retain(|path| !path.starts_with(SLOW_MODULE_PATH));
    out.sort();
    out
}

/// Trunk's hashed names: `name-<hex hash>.js`, `name-<hash>_bg.wasm`,
/// `name-<hash>.css` (the pattern asana-article.conf caches forever).
fn is_hashed(path: &str) -> bool {
    let Some((stem, ext)) = path.rsplit_once('.') else {
        return false;
    };
    if !matches!(ext, "js" | "wasm" | "css") {
        return false;
    }
    let stem = stem.strip_suffix("_bg").unwrap_or(stem);
    let Some((_, hash)) = stem.rsplit_once('-') else {
        return false;
    };
    (8..=16).contains(&hash.len())
        && hash
            .bytes()
            .all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(&b))
}
