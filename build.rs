//! Compiles the page content of `src/content/` (see its README) into
//! `$OUT_DIR/content.rs`, which `src/content/mod.rs` includes.
//!
//! A mistake in the content stops the build with every problem found, one a
//! line, as `file:line:column: what is wrong`.

#[path = "src/slug.rs"]
mod slug;

#[path = "src/carrier_text.rs"]
mod carrier_text;

#[path = "src/content/source.rs"]
mod source;

use std::path::{Path, PathBuf};
use std::{env, fs, process};

fn main() {
    let dir = Path::new("src/content");
    for name in source::FILES {
        println!("cargo::rerun-if-changed={}", dir.join(name).display());
    }
    println!("cargo::rerun-if-changed=src/slug.rs");
    println!("cargo::rerun-if-changed=src/carrier_text.rs");
    println!("cargo::rerun-if-changed=src/content/source.rs");

    match source::generate(dir) {
        Ok(code) => {
            let out_dir = env::var_os("OUT_DIR").expect("cargo sets OUT_DIR for build scripts");
            let path = PathBuf::from(out_dir).join("content.rs");
            // Leave an unchanged file alone, so nothing downstream rebuilds.
            if fs::read_to_string(&path).ok().as_deref() != Some(code.as_str()) {
                if let Err(error) = fs::write(&path, code) {
                    eprintln!("cannot write {}: {error}", path.display());
                    process::exit(1);
                }
            }
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
