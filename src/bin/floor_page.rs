//! Writes the benchmark's reference pages from the shipped content
//! (`src/build/floor.rs`), for `.ci/bench`:
//!
//! ```text
//! cargo run --features ssr --bin floor-page                     # the physical floor, HTML, to stdout
//! cargo run --features ssr --bin floor-page -- --markdown       # the same page as Astro Starlight's src/content/docs/index.md
//! cargo run --features ssr --bin floor-page -- [--markdown] --out FILE
//! cargo run --features ssr --bin floor-page -- --site-name      # the site's name (Starlight's `title`)
//! ```

use std::path::PathBuf;
use std::process::ExitCode;

use asana_article::build::floor;
use asana_article::content::CONTENT;

fn main() -> ExitCode {
    let mut markdown = false;
    let mut out: Option<PathBuf> = None;
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--markdown" => markdown = true,
            "--site-name" => {
                println!("{}", CONTENT.site.name);
                return ExitCode::SUCCESS;
            }
            "--out" => match args.next() {
                Some(path) => out = Some(PathBuf::from(path)),
                None => return usage("--out needs a file"),
            },
            other => return usage(&format!("unknown argument {other:?}")),
        }
    }
    let text = if markdown {
        floor::starlight_markdown(&CONTENT)
    } else {
        floor::floor_html(&CONTENT)
    };
    let Some(path) = out else {
        print!("{text}");
        return ExitCode::SUCCESS;
    };
    let written = path
        .parent()
        .filter(|dir| !dir.as_os_str().is_empty())
        .map_or(Ok(()), std::fs::create_dir_all)
        .and_then(|()| std::fs::write(&path, text));
    match written {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("floor-page: {}: {e}", path.display());
            ExitCode::FAILURE
        }
    }
}

fn usage(problem: &str) -> ExitCode {
    eprintln!("floor-page: {problem} (use [--markdown] [--out FILE], or --site-name)");
    ExitCode::from(2)
}
