//! Trunk `post_build` hook: turns Trunk's output into the shipped page.
//!
//! It renders `App` natively into `index.html` (so the article is readable
//! before and without the wasm, and the browser build hydrates it), adds the
//! `<head>` metadata from the content, bundles `style/` into one hashed
//! stylesheet, replaces Trunk's inline loader with a hashed external module
//! (the Content-Security-Policy forbids inline scripts), drops the preload
//! links that delay the first paint, copies `public/`, and writes brotli and
//! gzip copies of every text asset for the web server to serve as they are.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use asana_article::build::{self, BuildError};

fn main() -> ExitCode {
    match run() {
        Ok(report) => {
            println!("prerender: {report}");
            ExitCode::SUCCESS
        }
        Err(err) => {
            eprintln!("prerender: error: {err}");
            ExitCode::FAILURE
        }
    }
}

fn run() -> Result<String, BuildError> {
    let staging = std::env::var_os("TRUNK_STAGING_DIR")
        .map(PathBuf::from)
        .ok_or(BuildError::NoStagingDir)?;
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    build::finalize(root, &staging)
}
