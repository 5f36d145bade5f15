//! What the shipped nginx configuration sends: content types, compression,
//! caching and security headers. Mostly plain HTTP from Rust (browsers hide
//! Content-Encoding); the CSP check goes through the page's own fetch().

use std::path::Path;

use crate::harness::http::{self, Response};
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
    ]);
    all
}

/// The page's own fetch('/') sees a CSP whose script-src is 'self' without
/// 'unsafe-inline'.
async fn csp_allows_only_own_scripts(page: &Page) -> Result<(), String> {
    page.goto("/").await?;
    let csp = page
        .run_async(
            "var done = arguments[arguments.length - 1];
             fetch('/', { cache: 'no-store' })
               .then(function (r) { done(r.headers.get('content-security-policy')); })
               .catch(function (e) { done('fetch failed: ' + e); });",
            vec![],
        )
        .await?;
    let csp = csp.as_str().unwrap_or_default();
    ensure(csp.contains("script-src 'self'"), || {
        format!("CSP lacks script-src 'self': {csp:?}")
    })?;
    ensure(!csp.contains("'unsafe-inline'"), || {
        format!("CSP allows 'unsafe-inline': {csp:?}")
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

/// The page, a hashed asset and an error page all carry the security headers.
async fn security_headers_on_every_response(page: &Page) -> Result<(), String> {
    let asset = built_files(page.site_root())
        .into_iter()
        .find(|f| is_hashed(f))
        .ok_or("dist contains no hashed asset")?;
    for path in ["/".to_string(), asset, "/no-such-page".to_string()] {
        let response = http::get(page.port(), &path, &[]).await?;
        let csp = response.require("Content-Security-Policy")?;
        for directive in [
            "default-src 'self'",
            "script-src 'self' 'wasm-unsafe-eval'",
            "object-src 'none'",
            "frame-ancestors 'self'",
        ] {
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

/// An unknown path is a real 404, not the article.
async fn missing_path_is_404(page: &Page) -> Result<(), String> {
    let response = http::get(page.port(), "/no-such-page", &[]).await?;
    ensure(response.status == 404, || {
        format!("GET /no-such-page: status {}", response.status)
    })
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
