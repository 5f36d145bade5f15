//! Rewrites the committed server configurations from the one header policy
//! (`src/build/headers.rs`) and the deployer's settings (`deploy/headers.toml`):
//! `deploy/nginx/asana-article.conf` and `deploy/cloudfront/`.
//!
//! ```text
//! cargo run --features ssr --bin deploy-config            # rewrite them
//! cargo run --features ssr --bin deploy-config -- --check # exit 1 if any is out of date
//! cargo run --features ssr --bin deploy-config -- --settings FILE --out DIR
//! ```
//!
//! The last form writes the configurations of other settings into `DIR`
//! (`DIR/deploy/nginx/…`), never over the committed ones: `.ci/serve` and
//! the tests serve their builds with them (their pages post to a form
//! backend on this machine, which a published site must not allow).
//!
//! `dist/_headers` (Netlify, Cloudflare Pages) needs no command: every build
//! writes it.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use asana_article::build::headers;

/// What the command line asks for.
struct Args {
    check: bool,
    settings: Option<PathBuf>,
    out: Option<PathBuf>,
}

fn parse_args() -> Result<Args, String> {
    let mut parsed = Args {
        check: false,
        settings: None,
        out: None,
    };
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        let mut value = |name: &str| {
            args.next()
                .map(PathBuf::from)
                .ok_or(format!("{name} needs a value"))
        };
        match arg.as_str() {
            "--check" => parsed.check = true,
            "--settings" => parsed.settings = Some(value("--settings")?),
            "--out" => parsed.out = Some(value("--out")?),
            other => {
                return Err(format!(
                    "unknown argument {other:?} (use --check, or --settings FILE --out DIR, or nothing)"
                ))
            }
        }
    }
    if parsed.settings.is_some() != parsed.out.is_some() {
        return Err(
            "--settings and --out go together: other settings never overwrite the committed files"
                .into(),
        );
    }
    if parsed.check && parsed.out.is_some() {
        return Err("--check compares the committed files; it takes no --settings/--out".into());
    }
    Ok(parsed)
}

fn main() -> ExitCode {
    let args = match parse_args() {
        Ok(args) => args,
        Err(err) => {
            eprintln!("deploy-config: {err}");
            return ExitCode::FAILURE;
        }
    };
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let settings = match &args.settings {
        Some(file) => asana_article::build::read_header_settings_from(file),
        None => asana_article::build::read_header_settings_from(&root.join(headers::SETTINGS_FILE)),
    };
    let settings = match settings {
        Ok(settings) => settings,
        Err(err) => {
            eprintln!("deploy-config: {err}");
            return ExitCode::FAILURE;
        }
    };
    let target = args.out.as_deref().unwrap_or(root);
    let mut stale = 0;
    for (path, text) in headers::deploy_files(&settings) {
        let full = target.join(&path);
        if std::fs::read_to_string(&full).ok().as_deref() == Some(text.as_str()) {
            continue;
        }
        stale += 1;
        if args.check {
            eprintln!("deploy-config: {path} is out of date");
            continue;
        }
        let written = full
            .parent()
            .map_or(Ok(()), std::fs::create_dir_all)
            .and_then(|()| std::fs::write(&full, text));
        if let Err(err) = written {
            eprintln!("deploy-config: writing {}: {err}", full.display());
            return ExitCode::FAILURE;
        }
        println!("deploy-config: wrote {}", full.display());
    }
    if args.check && stale > 0 {
        eprintln!("deploy-config: run `cargo run --features ssr --bin deploy-config` to update");
        return ExitCode::FAILURE;
    }
    if stale == 0 {
        println!("deploy-config: every file is up to date");
    }
    ExitCode::SUCCESS
}
