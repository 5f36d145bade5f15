//! The partner widgets' module with the forms: every kind. `embed.js`
//! loads it when a partner page has a contact form or book offer widget,
//! and mounts all of the page's widgets with it (one download, one
//! instance).

use asana_article::widgets::mount::{self, Mounted};
use wasm_bindgen::prelude::*;

/// Mounts the widget `kind` of the partner's element `host` into `root`
/// (an element in `host`'s shadow root); `base` is the URL the app's files
/// are under. A problem is thrown as a message for the partner's developer.
#[wasm_bindgen]
pub fn mount_widget(
    host: web_sys::HtmlElement,
    root: web_sys::HtmlElement,
    kind: String,
    base: String,
) -> Result<Mounted, JsError> {
    mount::mount(&host, root, &kind, base, Some(mount::mount_forms))
        .map_err(|e| JsError::new(&e.to_string()))
}

fn main() {
    console_error_panic_hook::set_once();
}
