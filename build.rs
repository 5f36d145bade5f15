//! Compiles the page content of `src/content/` (see its README) into
//! `$OUT_DIR/content.rs`, which `src/content/mod.rs` includes. The compiler
//! is the `asana-content` crate (`src/content/compiler/`).
//!
//! `AA_CONTENT_DIR` compiles another content folder instead (the e2e suite
//! builds the app from its fixture content). A mistake in the content stops
//! the build with every problem found, one a line, as
//! `file:line:column: what is wrong`.

use std::path::{Path, PathBuf};
use std::{env, fs, process};

fn main() {
    println!("cargo::rerun-if-env-changed=AA_CONTENT_DIR");
    let dir = env::var_os("AA_CONTENT_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from("src/content"));
    for name in asana_content::FILES {
        println!("cargo::rerun-if-changed={}", dir.join(name).display());
    }

    let out_dir =
        PathBuf::from(env::var_os("OUT_DIR").expect("cargo sets OUT_DIR for build scripts"));
    // The types of the text files (forms.toml, ui.toml), for model.rs.
    write(
        &out_dir.join("text_types.rs"),
        &asana_content::texts::types_code(),
    );
    match asana_content::compile(&asana_content::Sources::read(&dir)) {
        Ok(content) => {
            for note in asana_content::notes(&content) {
                println!("cargo::warning=content: {note}");
            }
            write(
                &out_dir.join("content.rs"),
                &asana_content::codegen::codegen(&content),
            );
        }
        Err(errors) => {
            eprintln!("the page content has {} error(s):", errors.len());
            for error in &errors {
                eprintln!("{error}");
            }
            for error in &errors {
                println!("cargo::error={error}");
            }
            process::exit(1);
        }
    }
}

/// Writes `code` to `path` unless it is already there, so nothing
/// downstream rebuilds.
fn write(path: &Path, code: &str) {
    if fs::read_to_string(path).ok().as_deref() != Some(code) {
        if let Err(error) = fs::write(path, code) {
            eprintln!("cannot write {}: {error}", path.display());
            process::exit(1);
        }
    }
}
