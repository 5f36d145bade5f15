//! String surgery on Trunk's `index.html`.
//!
//! Trunk's output is a small, known document, so exact tag scanning is
//! enough; every function fails loudly if the shape it expects is missing,
//! rather than shipping a page without its loader or content.

/// What was missing from the page.
#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum HtmlError {
    #[error("index.html: no `{0}` tag found")]
    MissingTag(&'static str),
    #[error("index.html: no Trunk loader script importing `{0}` found")]
    NoLoader(String),
}

/// Removes the inline module script Trunk emits to start `js`, and the
/// `modulepreload`/`preload` links for `js` and `wasm`.
pub fn remove_trunk_loader(page: &str, js: &str, wasm: &str) -> Result<String, HtmlError> {
    let mut out = String::with_capacity(page.len());
    let mut rest = page;
    let mut removed_script = false;
    while let Some(start) = rest.find('<') {
        out.push_str(&rest[..start]);
        let tail = &rest[start..];
        if tail.starts_with("<script") {
            let end = tail
                .find("</script>")
                .map(|i| i + "</script>".len())
                .ok_or(HtmlError::MissingTag("</script>"))?;
            let tag = &tail[..end];
            if tag.contains(js) {
                removed_script = true;
            } else {
                out.push_str(tag);
            }
            rest = &tail[end..];
        } else if tail.starts_with("<link") {
            let end = tail
                .find('>')
                .map(|i| i + 1)
                .ok_or(HtmlError::MissingTag(">"))?;
            let tag = &tail[..end];
            let is_preload = tag.contains("preload");
            if !(is_preload && (tag.contains(js) || tag.contains(wasm))) {
                out.push_str(tag);
            }
            rest = &tail[end..];
        } else {
            out.push('<');
            rest = &tail[1..];
        }
    }
    out.push_str(rest);
    if removed_script {
        Ok(collapse_blank_lines(&out))
    } else {
        Err(HtmlError::NoLoader(js.to_owned()))
    }
}

fn collapse_blank_lines(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for line in text.lines().filter(|line| !line.trim().is_empty()) {
        out.push_str(line);
        out.push('\n');
    }
    out
}

/// Appends `head` at the end of `<head>`.
pub fn insert_head(page: &str, head: &str) -> Result<String, HtmlError> {
    let at = page
        .find("</head>")
        .ok_or(HtmlError::MissingTag("</head>"))?;
    Ok(format!("{}{}\n{}", &page[..at], head, &page[at..]))
}

/// Sets `<html lang>`, replacing any `lang` the template had.
pub fn set_lang(page: &str, lang: &str) -> Result<String, HtmlError> {
    let start = page.find("<html").ok_or(HtmlError::MissingTag("<html>"))?;
    let end = start
        + page[start..]
            .find('>')
            .ok_or(HtmlError::MissingTag("<html>"))?;
    Ok(format!(
        "{}<html lang=\"{}\">{}",
        &page[..start],
        escape_attr(lang),
        &page[end + 1..]
    ))
}

/// Puts `body` as the first content of `<body>`, where `hydrate_body` expects it.
pub fn insert_body(page: &str, body: &str) -> Result<String, HtmlError> {
    let start = page.find("<body").ok_or(HtmlError::MissingTag("<body>"))?;
    let open_end = start
        + page[start..]
            .find('>')
            .ok_or(HtmlError::MissingTag("<body>"))?
        + 1;
    let close = page
        .find("</body>")
        .ok_or(HtmlError::MissingTag("</body>"))?;
    if !page[open_end..close].trim().is_empty() {
        // Anything Trunk left in <body> would sit before the app and break hydration.
        return Err(HtmlError::MissingTag("empty <body>"));
    }
    Ok(format!("{}{}{}", &page[..open_end], body, &page[close..]))
}

/// Escapes text for a double-quoted attribute value.
pub fn escape_attr(value: &str) -> String {
    escape_text(value).replace('"', "&quot;")
}

/// Escapes text content.
pub fn escape_text(value: &str) -> String {
    value
        .replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

/// The rendered app without the hydration markers (`<!>`) outside its
/// hydration roots (`src/roots.rs`): only the roots are hydrated, so the
/// markers elsewhere are comment nodes every visitor's browser would parse
/// and keep for nothing (over a thousand in the article). A root starts at
/// a `<div` carrying [`crate::roots::ROOT_ATTR`] and ends at its matching
/// `</div>`; everything in it is kept as rendered.
pub fn strip_static_markers(html: &str) -> String {
    const MARKER: &str = "<!>";
    let root_attr = format!("{}=\"", crate::roots::ROOT_ATTR);
    let mut out = String::with_capacity(html.len());
    // Nesting of `<div>`s inside the current root; 0 outside every root.
    let mut depth = 0usize;
    let mut rest = html;
    while let Some(at) = rest.find('<') {
        let (text, tail) = rest.split_at(at);
        out.push_str(text);
        if depth == 0 && tail.starts_with(MARKER) {
            rest = &tail[MARKER.len()..];
            continue;
        }
        let end = tail.find('>').map_or(tail.len(), |i| i + 1);
        let tag = &tail[..end];
        if tag.starts_with("<div") && tag[4..].starts_with([' ', '>']) {
            if depth > 0 {
                depth += 1;
            } else if tag.contains(&root_attr) {
                depth = 1;
            }
        } else if tag.starts_with("</div>") && depth > 0 {
            depth -= 1;
        }
        out.push_str(tag);
        rest = &tail[end..];
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    const TRUNK: &str = r#"<!DOCTYPE html>
<html>
<head>
<meta charset="utf-8">
<link rel="modulepreload" href="/app-123.js" crossorigin="anonymous" integrity="sha384-x">
<link rel="preload" href="/app-123_bg.wasm" crossorigin="anonymous" integrity="sha384-y" as="fetch" type="application/wasm">
<link rel="icon" href="/favicon.svg">
<script type="module">
import init, * as bindings from '/app-123.js';
const wasm = await init({ module_or_path: '/app-123_bg.wasm' });
</script>
</head>
<body>
</body>
</html>
"#;

    #[test]
    fn removes_loader_and_preloads_but_keeps_other_links() {
        let page = remove_trunk_loader(TRUNK, "app-123.js", "app-123_bg.wasm").unwrap();
        assert!(!page.contains("<script"), "{page}");
        assert!(!page.contains("preload"), "{page}");
        assert!(page.contains(r#"<link rel="icon" href="/favicon.svg">"#));
    }

    #[test]
    fn missing_loader_is_an_error() {
        let err =
            remove_trunk_loader("<html><head></head></html>", "a.js", "a_bg.wasm").unwrap_err();
        assert_eq!(err, HtmlError::NoLoader("a.js".into()));
    }

    #[test]
    fn inserts_head_lang_and_body() {
        let page = insert_head(TRUNK, "<title>T</title>").unwrap();
        assert!(page.contains("<title>T</title>\n</head>"));
        let page = set_lang(&page, "en").unwrap();
        assert!(page.contains("<html lang=\"en\">"));
        let page = insert_body(&page, "<div>app</div>").unwrap();
        assert!(page.contains("<body><div>app</div></body>"));
    }

    #[test]
    fn refuses_to_put_the_app_after_other_body_content() {
        let err = insert_body("<body><p>x</p></body>", "<div></div>").unwrap_err();
        assert_eq!(err, HtmlError::MissingTag("empty <body>"));
    }

    #[test]
    fn escapes_attribute_values() {
        assert_eq!(
            escape_attr(r#"a "b" <c> & d"#),
            "a &quot;b&quot; &lt;c&gt; &amp; d"
        );
    }

    #[test]
    fn markers_outside_roots_go_and_roots_keep_theirs() {
        let html = "<p>a<!>b</p><div class=\"x\"><!></div>\
                    <div data-aa-root=\"toc\" class=\"aa-root\"><nav>c<!>d<div>e<!></div><!></nav></div>\
                    <b>f<!></b><div data-aa-root=\"faq\">g<!></div><!>";
        assert_eq!(
            strip_static_markers(html),
            "<p>ab</p><div class=\"x\"></div>\
             <div data-aa-root=\"toc\" class=\"aa-root\"><nav>c<!>d<div>e<!></div><!></nav></div>\
             <b>f</b><div data-aa-root=\"faq\">g<!></div>"
        );
    }

    #[test]
    fn text_and_attributes_pass_unchanged() {
        let html = "<p title=\"a &lt;!&gt; b\">x &lt;!&gt; y</p><divider></divider>";
        assert_eq!(strip_static_markers(html), html);
    }
}
