//! Rewrites the committed server configurations from the one header policy
//! (`src/build/headers.rs`) and the deployer's settings (`deploy/headers.toml`):
//! `deploy/nginx/asana-article.conf` and `deploy/cloudfront/`.
//!
//! ```text
//! cargo run --features ssr --bin deploy-config            # rewrite them
//! cargo run --features ssr --bin deploy-config -- --check # exit 1 if any is out of date
//! ```
//!
//! `dist/_headers` (Netlify, Cloudflare Pages) needs no command: every build
//! writes it.

use std::path::Path;
use std::process::ExitCode;

use asana_article::build::headers;

fn main() -> ExitCode {
    let check = match std::env::args().nth(1).as_deref() {
        None => false,
        Some("--check") => true,
        Some(other) => {
            eprintln!("deploy-config: unknown argument {other:?} (use --check or nothing)");
            return ExitCode::FAILURE;
        }
    };
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let settings = match asana_article::build::read_header_settings(root) {
        Ok(settings) => settings,
        Err(err) => {
            eprintln!("deploy-config: {err}");
            return ExitCode::FAILURE;
        }
    };
    let mut stale = 0;
    for (path, text) in headers::deploy_files(&settings) {
        let full = root.join(&path);
        if std::fs::read_to_string(&full).ok().as_deref() == Some(text.as_str()) {
            continue;
        }
        stale += 1;
        if check {
            eprintln!("deploy-config: {path} is out of date");
            continue;
        }
        let written = full
            .parent()
            .map_or(Ok(()), std::fs::create_dir_all)
            .and_then(|()| std::fs::write(&full, text));
        if let Err(err) = written {
            eprintln!("deploy-config: writing {path}: {err}");
            return ExitCode::FAILURE;
        }
        println!("deploy-config: wrote {path}");
    }
    if check && stale > 0 {
        eprintln!("deploy-config: run `cargo run --features ssr --bin deploy-config` to update");
        return ExitCode::FAILURE;
    }
    if stale == 0 {
        println!("deploy-config: every file is up to date");
    }
    ExitCode::SUCCESS
}
