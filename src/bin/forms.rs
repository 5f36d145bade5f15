//! The forms module: a second wasm module with the contact and book forms,
//! which the page's boot module loads only when a visitor comes near a
//! form (see `src/loader/parts.rs`). Keeping the forms out of the main module
//! halves what every reader downloads before the page is interactive.

use wasm_bindgen::prelude::*;

/// Replaces the pre-rendered part in `root` (an element with
/// `data-aa-part`) with its live component. Problems are for the deployer,
/// in the console; the visitor keeps the pre-rendered part and the phone
/// number.
#[wasm_bindgen]
pub fn mount(root: web_sys::HtmlElement) {
    if let Err(err) = asana_article::loader::mount::mount(root) {
        web_sys::console::error_1(&err.to_string().into());
    }
}

fn main() {
    console_error_panic_hook::set_once();
}
