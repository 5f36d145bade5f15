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

/// A wasm-bindgen module: its JS glue and its wasm, as file names next to
/// the page.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Module {
    pub js: String,
    pub wasm: String,
}

/// Longest wait for the first paint's report before the app starts anyway.
const START_FALLBACK_MS: u32 = 3000;

/// The external module that starts the app. URLs are relative to the
/// module itself, so the page works under any path or origin.
///
/// The app is fetched only after the pre-rendered page has painted: the
/// article is readable without it, and downloading the wasm alongside the
/// HTML and CSS would delay the first paint on slow connections.
///
/// The `forms` module (see `src/deferred.rs`) is fetched once, when a
/// placeholder comes within a screen of the viewport, is touched or
/// focused, or receives the insurance checker's prefill event; each
/// placeholder is then mounted. A failed download is logged and shows the
/// placeholder's pre-rendered notice ("could not load", the phone number,
/// "Try again"); it is retried on "Try again" or the next of those moments.
pub fn boot_module(app: &Module, forms: &Module) -> String {
    use crate::deferred::{FAILED_ATTR, PART_ATTR, PREFILL_EVENT, RETRY_ATTR};
    format!(
        r#"const load = (js, wasm) =>
  import(js).then(async (module) => {{
    await module.default({{ module_or_path: new URL(wasm, import.meta.url) }});
    return module;
  }});
let forms;
let attempts = 0;
const notice = (el, show) => {{
  const failed = el.querySelector("[{FAILED_ATTR}]");
  if (failed) failed.hidden = !show;
}};
const mount = (el) => {{
  if (!forms) {{
    // A failed import stays failed for the page's lifetime (the module map
    // keeps it), so each retry asks for the module under a new URL.
    const js = attempts ? `./{forms_js}?retry=${{attempts}}` : "./{forms_js}";
    attempts += 1;
    const loading = load(js, "./{forms_wasm}");
    forms = loading;
    loading.catch(() => {{
      if (forms === loading) forms = undefined;
    }});
  }}
  forms.then((module) => module.mount(el), (error) => {{
    notice(el, true);
    console.error("forms module failed to load", error);
  }});
}};
const defer = () => {{
  const parts = document.querySelectorAll("[{PART_ATTR}]");
  const near = new IntersectionObserver((entries) => {{
    for (const entry of entries) {{
      if (entry.isIntersecting) {{
        near.unobserve(entry.target);
        mount(entry.target);
      }}
    }}
  }}, {{ rootMargin: "100% 0px" }});
  for (const el of parts) {{
    near.observe(el);
    for (const type of ["{PREFILL_EVENT}", "pointerdown", "focusin"]) {{
      el.addEventListener(type, () => mount(el));
    }}
    el.querySelector("[{RETRY_ATTR}]")?.addEventListener("click", () => mount(el));
  }}
}};
let started = false;
const start = () => {{
  if (started) return;
  started = true;
  load("./{app_js}", "./{app_wasm}").then(defer);
}};
// The app starts once the first contentful paint has been presented (its
// paint entry exists): a download or compile started earlier competes with
// that paint, and two animation frames are not enough (the paint is
// presented after the frame that committed it). Where paint timing is
// missing, after two frames; in any case after {START_FALLBACK_MS} ms, so a
// browser that never reports the paint still gets the app.
if (globalThis.PerformanceObserver?.supportedEntryTypes?.includes("paint")) {{
  new PerformanceObserver((list, observer) => {{
    if (list.getEntriesByName("first-contentful-paint").length) {{
      observer.disconnect();
      setTimeout(start);
    }}
  }}).observe({{ type: "paint", buffered: true }});
  setTimeout(start, {START_FALLBACK_MS});
}} else {{
  requestAnimationFrame(() => requestAnimationFrame(start));
}}
"#,
        app_js = app.js,
        app_wasm = app.wasm,
        forms_js = forms.js,
        forms_wasm = forms.wasm,
    )
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
    fn boot_module_loads_both_modules_by_relative_url() {
        let module = |stem: &str| Module {
            js: format!("{stem}.js"),
            wasm: format!("{stem}_bg.wasm"),
        };
        let boot = boot_module(&module("app-1"), &module("forms-2"));
        assert!(
            boot.contains(r#"load("./app-1.js", "./app-1_bg.wasm")"#),
            "{boot}"
        );
        assert!(
            boot.contains(r#"? `./forms-2.js?retry=${attempts}` : "./forms-2.js""#),
            "{boot}"
        );
        assert!(boot.contains(r#"load(js, "./forms-2_bg.wasm")"#), "{boot}");
        assert!(
            boot.contains(r#"querySelector("[data-aa-failed]")"#),
            "{boot}"
        );
        assert!(
            boot.contains(r#"querySelector("[data-aa-retry]")"#),
            "{boot}"
        );
        assert!(boot.contains("new URL(wasm, import.meta.url)"), "{boot}");
        assert!(
            boot.contains(r#"querySelectorAll("[data-aa-part]")"#),
            "{boot}"
        );
        assert!(boot.contains(r#""aa-prefill""#), "{boot}");
        // Started after the first contentful paint, with fallbacks.
        assert!(
            boot.contains(r#"getEntriesByName("first-contentful-paint")"#),
            "{boot}"
        );
        assert!(boot.contains("setTimeout(start, 3000)"), "{boot}");
        assert!(
            boot.contains("requestAnimationFrame(() => requestAnimationFrame(start))"),
            "{boot}"
        );
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
}
