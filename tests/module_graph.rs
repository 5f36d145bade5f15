//! The layout rules of `src/lib.rs`, checked on the source: the modules'
//! dependencies run one way (no cycle between features, none between files),
//! and no file imports an item of its parent module (a feature's `mod.rs`
//! lists its files; it owns nothing they need).
//!
//! The source is scanned, not compiled: every `use` tree and every inline
//! `crate::…`/`super::…` path of `src/**/*.rs` (the binaries and the
//! content compiler's crate aside) is resolved to the file module it names.

use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::path::{Path, PathBuf};

/// A file module: its path in the crate (`["forms", "ui", "controller"]`;
/// `[]` for `lib.rs`) and the paths it refers to, resolved to absolute
/// crate paths, each with the line it is on.
struct FileModule {
    file: PathBuf,
    path: Vec<String>,
    refs: Vec<(Vec<String>, usize)>,
}

fn src_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("src")
}

/// Every `.rs` file of the app's library under `src/`.
fn library_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in fs::read_dir(dir).unwrap().flatten() {
        let path = entry.path();
        let name = entry.file_name().to_string_lossy().into_owned();
        if path.is_dir() {
            // The binaries, and the content compiler (a crate of its own).
            if name != "bin" && name != "compiler" {
                library_files(&path, out);
            }
        } else if name.ends_with(".rs") && name != "main.rs" {
            out.push(path);
        }
    }
}

fn module_path(file: &Path) -> Vec<String> {
    let rel = file.strip_prefix(src_dir()).unwrap();
    let mut parts: Vec<String> = rel
        .iter()
        .map(|p| p.to_string_lossy().into_owned())
        .collect();
    let last = parts.pop().unwrap();
    match last.as_str() {
        "lib.rs" | "mod.rs" => {}
        name => parts.push(name.trim_end_matches(".rs").to_string()),
    }
    parts
}

/// Blanks out comments and string contents, keeping line breaks.
fn strip(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '/' if chars.peek() == Some(&'/') => {
                for c in chars.by_ref() {
                    if c == '\n' {
                        out.push('\n');
                        break;
                    }
                }
            }
            '"' => {
                out.push('"');
                let mut escaped = false;
                for c in chars.by_ref() {
                    if c == '\n' {
                        out.push('\n');
                    }
                    if escaped {
                        escaped = false;
                    } else if c == '\\' {
                        escaped = true;
                    } else if c == '"' {
                        break;
                    }
                }
                out.push('"');
            }
            _ => out.push(c),
        }
    }
    out
}

/// Expands a `use` tree (`a::{b, c::{d, self}}`) into its paths.
fn expand(tree: &str) -> Vec<Vec<String>> {
    fn split_top(list: &str) -> Vec<&str> {
        let (mut depth, mut start, mut parts) = (0, 0, Vec::new());
        for (i, c) in list.char_indices() {
            match c {
                '{' => depth += 1,
                '}' => depth -= 1,
                ',' if depth == 0 => {
                    parts.push(&list[start..i]);
                    start = i + 1;
                }
                _ => {}
            }
        }
        parts.push(&list[start..]);
        parts
            .into_iter()
            .map(str::trim)
            .filter(|p| !p.is_empty())
            .collect()
    }
    let tree = tree.split_whitespace().collect::<Vec<_>>().join(" ");
    match tree.find('{') {
        None => {
            let path = tree.split(" as ").next().unwrap_or(&tree);
            vec![path
                .split("::")
                .map(str::trim)
                .filter(|s| !s.is_empty())
                .map(String::from)
                .collect()]
        }
        Some(open) => {
            let prefix: Vec<String> = tree[..open]
                .split("::")
                .map(str::trim)
                .filter(|s| !s.is_empty())
                .map(String::from)
                .collect();
            let close = tree.rfind('}').unwrap_or(tree.len());
            split_top(&tree[open + 1..close])
                .into_iter()
                .flat_map(expand)
                .map(|rest| {
                    let mut full = prefix.clone();
                    full.extend(rest.into_iter().filter(|s| s != "self"));
                    full
                })
                .collect()
        }
    }
}

/// Resolves a path written in module `at` to an absolute crate path, or
/// `None` for paths outside the crate (`leptos::…`, `std::…`).
fn resolve(at: &[String], path: &[String]) -> Option<Vec<String>> {
    let first = path.first()?;
    match first.as_str() {
        "crate" => Some(path[1..].to_vec()),
        "super" => {
            let mut base = at.to_vec();
            let mut rest = path;
            while rest.first().map(String::as_str) == Some("super") {
                base.pop()?;
                rest = &rest[1..];
            }
            base.extend(rest.iter().cloned());
            Some(base)
        }
        "self" => {
            let mut base = at.to_vec();
            base.extend(path[1..].iter().cloned());
            Some(base)
        }
        _ => None,
    }
}

fn scan(file: &Path) -> FileModule {
    let path = module_path(file);
    let text = strip(&fs::read_to_string(file).unwrap());
    let mut refs = Vec::new();
    // Inline modules (`mod imp { … }`, `mod tests { … }`) nest inside the
    // file module: `super` in them means the file module, or its parent
    // from a file's top level.
    let mut inline: Vec<(String, i32)> = Vec::new();
    let mut depth = 0;
    let mut in_tests = 0;
    let bytes: Vec<char> = text.chars().collect();
    let mut line = 1;
    let mut i = 0;
    let word_at = |i: usize, word: &str| {
        let w: Vec<char> = word.chars().collect();
        bytes.len() >= i + w.len()
            && bytes[i..i + w.len()] == w[..]
            && (i == 0 || !(bytes[i - 1].is_alphanumeric() || bytes[i - 1] == '_'))
    };
    while i < bytes.len() {
        let c = bytes[i];
        if c == '\n' {
            line += 1;
        }
        if c == '{' {
            depth += 1;
        } else if c == '}' {
            depth -= 1;
            if inline.last().is_some_and(|(_, d)| *d == depth) {
                let (name, _) = inline.pop().unwrap();
                if name == "tests" {
                    in_tests -= 1;
                }
            }
        }
        let here: Vec<String> = path
            .iter()
            .cloned()
            .chain(inline.iter().map(|(n, _)| n.clone()))
            .collect();
        if word_at(i, "mod ") {
            let rest: String = bytes[i + 4..]
                .iter()
                .take_while(|c| **c != ';' && **c != '{')
                .collect();
            let name = rest.trim().to_string();
            let end = i + 4 + rest.len();
            if bytes.get(end) == Some(&'{') {
                if name == "tests" {
                    in_tests += 1;
                }
                inline.push((name, depth));
                i = end;
                continue;
            }
        }
        if word_at(i, "use ") {
            let end = (i..bytes.len()).find(|&j| bytes[j] == ';').unwrap();
            let tree: String = bytes[i + 4..end].iter().collect();
            let tree = tree.trim();
            let lines = bytes[i..end].iter().filter(|c| **c == '\n').count();
            // `use super::*` in a test module (inline or its own file): the
            // idiom for tests.
            let test_module = in_tests > 0 || path.last().is_some_and(|n| n == "tests");
            if !(test_module && tree == "super::*") {
                for p in expand(tree) {
                    if let Some(abs) = resolve(&here, &p) {
                        refs.push((abs, line));
                    }
                }
            }
            line += lines;
            i = end + 1;
            continue;
        }
        if (word_at(i, "crate::") || word_at(i, "super::")) && in_tests == 0 {
            let raw: String = bytes[i..]
                .iter()
                .take_while(|c| c.is_alphanumeric() || **c == '_' || **c == ':')
                .collect();
            let p: Vec<String> = raw
                .split("::")
                .filter(|s| !s.is_empty())
                .map(String::from)
                .collect();
            if let Some(abs) = resolve(&here, &p) {
                refs.push((abs, line));
            }
            i += raw.len();
            continue;
        }
        i += 1;
    }
    FileModule {
        file: file.to_path_buf(),
        path,
        refs,
    }
}

fn modules() -> Vec<FileModule> {
    let mut files = Vec::new();
    library_files(&src_dir(), &mut files);
    files.sort();
    files.iter().map(|f| scan(f)).collect()
}

/// The file module a crate path points into: its longest known prefix.
fn target<'a>(known: &'a BTreeSet<Vec<String>>, path: &[String]) -> Option<&'a Vec<String>> {
    (0..=path.len()).rev().find_map(|n| known.get(&path[..n]))
}

fn find_cycle(graph: &BTreeMap<String, BTreeSet<String>>) -> Option<Vec<String>> {
    fn visit(
        node: &str,
        graph: &BTreeMap<String, BTreeSet<String>>,
        stack: &mut Vec<String>,
        done: &mut BTreeSet<String>,
    ) -> Option<Vec<String>> {
        if let Some(at) = stack.iter().position(|n| n == node) {
            let mut cycle = stack[at..].to_vec();
            cycle.push(node.to_string());
            return Some(cycle);
        }
        if done.contains(node) {
            return None;
        }
        stack.push(node.to_string());
        for next in graph.get(node).into_iter().flatten() {
            if let Some(cycle) = visit(next, graph, stack, done) {
                return Some(cycle);
            }
        }
        stack.pop();
        done.insert(node.to_string());
        None
    }
    let mut done = BTreeSet::new();
    graph
        .keys()
        .find_map(|node| visit(node, graph, &mut Vec::new(), &mut done))
}

fn graph(level: impl Fn(&[String]) -> String) -> BTreeMap<String, BTreeSet<String>> {
    let modules = modules();
    let known: BTreeSet<Vec<String>> = modules.iter().map(|m| m.path.clone()).collect();
    let mut graph: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for module in &modules {
        let from = level(&module.path);
        for (path, _) in &module.refs {
            if let Some(to) = target(&known, path) {
                let to = level(to);
                if to != from && !to.is_empty() && !from.is_empty() {
                    graph.entry(from.clone()).or_default().insert(to);
                }
            }
        }
        graph.entry(from).or_default();
    }
    graph
}

#[test]
fn features_depend_one_way() {
    let features = graph(|path| path.first().cloned().unwrap_or_default());
    assert!(features.len() >= 8, "too few features found: {features:?}");
    if let Some(cycle) = find_cycle(&features) {
        panic!(
            "the features import each other in a circle: {}",
            cycle.join(" -> ")
        );
    }
}

#[test]
fn files_depend_one_way() {
    let files = graph(|path| path.join("::"));
    if let Some(cycle) = find_cycle(&files) {
        panic!(
            "these files import each other in a circle: {}",
            cycle.join(" -> ")
        );
    }
}

#[test]
fn no_file_imports_its_parent() {
    let modules = modules();
    let known: BTreeSet<Vec<String>> = modules.iter().map(|m| m.path.clone()).collect();
    let mut problems = Vec::new();
    for module in &modules {
        for (path, line) in &module.refs {
            let Some(to) = target(&known, path) else {
                continue;
            };
            // An item of an ancestor module itself (not of a file below it).
            let is_ancestor = to.len() < module.path.len() && module.path.starts_with(to);
            if is_ancestor && path.len() > to.len() {
                problems.push(format!(
                    "{}:{line}: uses `{}` from its parent module `{}`",
                    module.file.display(),
                    path.join("::"),
                    if to.is_empty() {
                        "crate".to_string()
                    } else {
                        to.join("::")
                    }
                ));
            }
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

/// The scanner itself, on the shapes the source uses.
#[test]
fn the_scanner_resolves_use_trees_and_relative_paths() {
    let at: Vec<String> = ["forms", "ui", "checkbox"].map(String::from).to_vec();
    let paths: Vec<Vec<String>> =
        expand("super::{field_ids::FieldIds, inline_error::{self, InlineError}}")
            .into_iter()
            .filter_map(|p| resolve(&at, &p))
            .collect();
    let joined: Vec<String> = paths.iter().map(|p| p.join("::")).collect();
    assert_eq!(
        joined,
        [
            "forms::ui::field_ids::FieldIds",
            "forms::ui::inline_error",
            "forms::ui::inline_error::InlineError"
        ]
    );
    assert_eq!(resolve(&at, &["leptos".into(), "prelude".into()]), None);
    let mut cyclic = BTreeMap::new();
    cyclic.insert("a".to_string(), BTreeSet::from(["b".to_string()]));
    cyclic.insert("b".to_string(), BTreeSet::from(["a".to_string()]));
    assert!(find_cycle(&cyclic).is_some());
}
