//! The page's boot script, `boot.js`, with this build's file names filled
//! in; the post-build step puts it inline into the page, allowed by its
//! hash in the page's CSP (src/build/headers.rs).

use super::parts::{FAILED_ATTR, LOADING_ATTR, MOUNTED_ATTR, PART_ATTR, PREFILL_EVENT, RETRY_ATTR};
use crate::pwa::update_prompt::{
    UPDATE_ATTR, UPDATE_RELOAD_ATTR, UPDATE_SHOWN_ATTR, UPDATE_TEXT_ATTR,
};

/// The script as written, with placeholders for the file names.
pub const BOOT_JS: &str = include_str!("boot.js");

/// A wasm-bindgen module: its JS glue and its wasm, as file names next to
/// the page.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Module {
    pub js: String,
    pub wasm: String,
}

/// The boot script for a build whose app module is `app` and forms module
/// is `forms`.
pub fn boot_module(app: &Module, forms: &Module) -> String {
    // The comments are for the source; every visitor downloads the rest.
    let code: String = BOOT_JS
        .lines()
        .filter(|line| !line.trim_start().starts_with("//"))
        .map(|line| format!("{line}\n"))
        .collect();
    code.replace("__AA_APP_JS__", &app.js)
        .replace("__AA_APP_WASM__", &app.wasm)
        .replace("__AA_FORMS_JS__", &forms.js)
        .replace("__AA_FORMS_WASM__", &forms.wasm)
}

/// The `<noscript>` in the page's head whose links (favicon, manifest) the
/// script adds after the largest paint (src/build/head.rs).
pub const LATE_LINKS_ATTR: &str = "data-aa-late-links";

/// The attribute and event names the script uses, as `parts.rs` and the
/// update prompt define them (the script spells them out; the test below
/// keeps both in step).
pub const NAMES: [&str; 11] = [
    PART_ATTR,
    MOUNTED_ATTR,
    FAILED_ATTR,
    RETRY_ATTR,
    LOADING_ATTR,
    PREFILL_EVENT,
    UPDATE_ATTR,
    UPDATE_TEXT_ATTR,
    UPDATE_RELOAD_ATTR,
    UPDATE_SHOWN_ATTR,
    LATE_LINKS_ATTR,
];

#[cfg(test)]
mod tests {
    use super::*;

    fn module(stem: &str) -> Module {
        Module {
            js: format!("{stem}.js"),
            wasm: format!("{stem}_bg.wasm"),
        }
    }

    #[test]
    fn fills_in_both_modules_by_relative_url() {
        let boot = boot_module(&module("app-1"), &module("forms-2"));
        assert!(!boot.contains("__AA_"), "a placeholder is left");
        assert!(boot.contains(r#"const APP_JS = "app-1.js";"#), "{boot}");
        assert!(boot.contains(r#"const FORMS_WASM = "forms-2_bg.wasm";"#));
        assert!(boot.contains("new URL(wasm, import.meta.url)"));
        assert!(!boot.contains("// "), "comments are left out");
    }

    #[test]
    fn speaks_the_names_of_parts_rs() {
        for name in NAMES {
            assert!(
                BOOT_JS.contains(&format!("\"{name}\"")) || BOOT_JS.contains(&format!("[{name}]")),
                "boot.js does not use {name}"
            );
        }
        // Every data-aa-* name the script uses is one of them.
        for used in BOOT_JS.split(|c: char| !(c.is_ascii_alphanumeric() || c == '-')) {
            if used.starts_with("data-aa-") || used == "aa-prefill" {
                assert!(
                    NAMES.contains(&used),
                    "boot.js uses {used}, which parts.rs does not define"
                );
            }
        }
    }

    /// The filled-in script is valid JavaScript (a module).
    #[test]
    fn is_valid_javascript() {
        let boot = boot_module(&module("app-1"), &module("forms-2"));
        crate::test_support::assert_valid_javascript("boot.js", &boot, true);
    }
}
