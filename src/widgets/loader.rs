//! The partner's loader, `embed.js`, with this build's names filled in (by
//! the post-build step, `src/build/embed.rs`): the two widget modules, the
//! stylesheet, which module each kind needs, and the call-us bar's HTML,
//! which needs no wasm.

use super::kind::{Kind, Module, WIDGET_ATTR};
use crate::loader::boot;

/// The script as written, with placeholders.
pub const EMBED_JS: &str = include_str!("embed.js");

/// The loader's URL, next to the page: stable (partners' pages name it),
/// so it is the one file of the build without a hash in its name.
pub const FILE: &str = "embed.js";

/// `embed.js` for widget modules `widgets` and `widgets_forms`, the
/// stylesheet `css` (file names next to the page) and the call-us bar's
/// HTML.
pub fn embed_script(
    widgets: &boot::Module,
    widgets_forms: &boot::Module,
    css: &str,
    call_us: &str,
) -> String {
    let code: String = EMBED_JS
        .lines()
        .filter(|line| !line.trim_start().starts_with("//"))
        .map(|line| format!("{}\n", line.trim_start()))
        .collect();
    let modules = serde_json::json!({
        Module::Widgets.stem(): [widgets.js, widgets.wasm],
        Module::WidgetsForms.stem(): [widgets_forms.js, widgets_forms.wasm],
    });
    let kinds: serde_json::Map<String, serde_json::Value> = Kind::ALL
        .into_iter()
        .map(|kind| {
            (
                kind.id().to_string(),
                kind.module().map(Module::stem).into(),
            )
        })
        .collect();
    code.replace("__AA_MODULES__", &modules.to_string())
        .replace(
            "__AA_KINDS__",
            &serde_json::Value::Object(kinds).to_string(),
        )
        .replace("__AA_EMBED_CSS__", css)
        .replace(
            "__AA_CALL_US__",
            &serde_json::Value::from(call_us).to_string(),
        )
}

/// The names the script spells out, as `kind.rs` and `platform` define
/// them (a test keeps both in step).
pub const NAMES: [&str; 1] = [WIDGET_ATTR];

#[cfg(test)]
mod tests {
    use super::*;
    use crate::platform::host_events;

    fn module(stem: &str) -> boot::Module {
        boot::Module {
            js: format!("{stem}-0123456789abcdef.js"),
            wasm: format!("{stem}-0123456789abcdef_bg.wasm"),
        }
    }

    fn script() -> String {
        embed_script(
            &module("widgets"),
            &module("widgets-forms"),
            "embed-0123456789abcdef.css",
            "<p class=\"aa-call-us\">Call \"us\"</p>",
        )
    }

    #[test]
    fn fills_in_every_placeholder() {
        let js = script();
        assert!(!js.contains("__AA_"), "{js}");
        assert!(js.contains(r#"{"widgets":["widgets-0123456789abcdef.js","widgets-0123456789abcdef_bg.wasm"],"widgets-forms":["#));
        assert!(js.contains(r#""call-us":null"#), "{js}");
        assert!(js.contains(r#""contact-form":"widgets-forms""#), "{js}");
        assert!(js.contains(r#""faq":"widgets""#), "{js}");
        assert!(
            js.contains(r#""<p class=\"aa-call-us\">Call \"us\"</p>""#),
            "{js}"
        );
        assert!(js.contains("new URL(\"embed-0123456789abcdef.css\", base)"));
    }

    #[test]
    fn speaks_the_shared_names() {
        for name in NAMES.iter().chain(&["aa-widget-ready", "aa-widget-failed"]) {
            assert!(EMBED_JS.contains(name), "embed.js does not use {name}");
        }
        for name in ["aa-widget-ready", "aa-widget-failed"] {
            assert!(host_events::NAMES.contains(&name), "{name} undocumented");
        }
    }

    #[test]
    fn is_valid_javascript() {
        crate::test_support::assert_valid_javascript("embed.js", &script(), false);
    }
}
