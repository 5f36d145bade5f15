//! Bundles `style/index.css` and the files it `@import`s into one stylesheet.
//!
//! One file per component keeps styles maintainable; one request keeps the
//! first paint fast. `index.css` stays valid CSS, so the imports also work
//! unbundled.

use std::fs;
use std::path::{Path, PathBuf};

/// A stylesheet that could not be bundled.
#[derive(Debug, thiserror::Error)]
pub enum CssError {
    #[error("{path}: {source}")]
    Read {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error(
        "{path}:{line}: unsupported @import (write `@import \"file.css\";` with a file in style/)"
    )]
    BadImport { path: PathBuf, line: usize },
}

/// Reads `dir/entry` and inlines its `@import "x.css";` lines (one level).
pub fn bundle(dir: &Path, entry: &str) -> Result<String, CssError> {
    let read = |path: PathBuf| {
        fs::read_to_string(&path).map_err(|source| CssError::Read {
            path: path.clone(),
            source,
        })
    };
    let index_path = dir.join(entry);
    let index = read(index_path.clone())?;
    let mut out = String::new();
    for (n, line) in index.lines().enumerate() {
        match parse_import(line) {
            Some(Ok(file)) => {
                out.push_str(&read(dir.join(file))?);
                out.push('\n');
            }
            Some(Err(())) => {
                return Err(CssError::BadImport {
                    path: index_path,
                    line: n + 1,
                });
            }
            None => {
                out.push_str(line);
                out.push('\n');
            }
        }
    }
    // Minified as a whole: a comment may span lines of the entry file.
    Ok(minify(&out))
}

/// `Some(Ok(file))` for `@import "file.css";`, `Some(Err)` for any other
/// `@import`, `None` for other lines.
fn parse_import(line: &str) -> Option<Result<&str, ()>> {
    let rest = line.trim().strip_prefix("@import")?;
    let file = rest
        .trim()
        .strip_suffix(';')
        .map(str::trim)
        .and_then(|quoted| quoted.strip_prefix('"')?.strip_suffix('"'))
        .filter(|file| {
            file.ends_with(".css")
                && !file.contains('/')
                && !file.contains("..")
                && !file.is_empty()
        });
    Some(file.ok_or(()))
}

/// Drops comments and collapses whitespace: a safe, small saving that keeps
/// strings and `url()`s intact because it never touches quoted text.
pub fn minify(css: &str) -> String {
    let mut out = String::with_capacity(css.len());
    let mut chars = css.chars().peekable();
    let mut quote: Option<char> = None;
    let mut pending_space = false;
    while let Some(c) = chars.next() {
        if let Some(q) = quote {
            out.push(c);
            if c == '\\' {
                if let Some(next) = chars.next() {
                    out.push(next);
                }
            } else if c == q {
                quote = None;
            }
            continue;
        }
        if c == '/' && chars.peek() == Some(&'*') {
            chars.next();
            let mut prev = ' ';
            for c in chars.by_ref() {
                if prev == '*' && c == '/' {
                    break;
                }
                prev = c;
            }
            pending_space = true;
            continue;
        }
        if c.is_whitespace() {
            pending_space = true;
            continue;
        }
        if pending_space {
            let last = out.chars().last();
            let glue =
                |ch: Option<char>| matches!(ch, None | Some('{' | '}' | ';' | ':' | ',' | '>'));
            if !glue(last) && !matches!(c, '{' | '}' | ';' | ',' | '>') {
                out.push(' ');
            }
            pending_space = false;
        }
        if c == '"' || c == '\'' {
            quote = Some(c);
        }
        out.push(c);
    }
    out
}

/// A bundled stylesheet made fit for a widget's shadow root and the iframe
/// pages (`embed-*.css`): the theme's `:root` rules also apply to `:host`,
/// and `rem` becomes `px` (at the 16 px browsers start from), because a
/// partner page's root font size (often 62.5%) must not shrink the widget.
pub fn for_shadow_root(css: &str) -> String {
    let hosted = css.replace(":root{", ":root,:host{");
    let mut out = String::with_capacity(hosted.len());
    let mut rest = hosted.as_str();
    while let Some(at) = rest.find("rem") {
        let (before, after) = rest.split_at(at);
        let start = before
            .rfind(|c: char| !(c.is_ascii_digit() || c == '.'))
            .map_or(0, |i| i + 1);
        let number = &before[start..];
        let boundary = !after[3..].starts_with(|c: char| c.is_ascii_alphanumeric() || c == '-');
        match number.parse::<f64>() {
            Ok(value) if boundary && !number.is_empty() => {
                out.push_str(&before[..start]);
                let px = (value * 16.0 * 100.0).round() / 100.0;
                out.push_str(&format!("{px}px"));
            }
            _ => {
                out.push_str(before);
                out.push_str("rem");
            }
        }
        rest = &after[3..];
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shadow_root_css_themes_the_host_and_counts_in_px() {
        let css = ":root{--a:1rem}.b{margin:0.5rem 1.25rem;width:calc(100% - 2rem)}@media (min-width:40rem){.c{gap:.75rem}}.remote{x:y}.d{e:rem}";
        assert_eq!(
            for_shadow_root(css),
            ":root,:host{--a:16px}.b{margin:8px 20px;width:calc(100% - 32px)}@media (min-width:640px){.c{gap:12px}}.remote{x:y}.d{e:rem}"
        );
    }

    #[test]
    fn minify_drops_comments_and_space_but_keeps_strings() {
        let css = "/* c */\n.a  >  .b {\n  content: \"x  /* y */\";\n  margin: 0 auto;\n}\n";
        assert_eq!(minify(css), ".a>.b{content:\"x  /* y */\";margin:0 auto;}");
    }

    #[test]
    fn minify_keeps_spaces_that_matter() {
        assert_eq!(
            minify("@media (min-width: 40rem) { a { b: c } }"),
            "@media (min-width:40rem){a{b:c}}"
        );
        assert_eq!(minify(".a :focus-visible{x:y}"), ".a :focus-visible{x:y}");
    }

    #[test]
    fn parses_imports() {
        assert_eq!(parse_import("@import \"base.css\";"), Some(Ok("base.css")));
        assert_eq!(parse_import("@import url(x.css);"), Some(Err(())));
        assert_eq!(parse_import("@import \"../x.css\";"), Some(Err(())));
        assert_eq!(parse_import(".a{}"), None);
    }

    #[test]
    fn bundles_the_project_stylesheets() {
        let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("style");
        let css = bundle(&dir, "index.css").unwrap();
        assert!(css.contains(".aa-header"));
        assert!(!css.contains("@import"));
        assert!(!css.contains("/*"), "comments survived");
        assert!(css.starts_with(":root{"), "{}", &css[..40]);
    }
}
