//! How the components of a mounted page read its content.

use leptos::prelude::*;

use super::model::Content;

/// The content every component of a mounted page reads, provided once per
/// mount so several instances (widgets) can live on one page without
/// shared globals, and tests can render fixture content.
#[derive(Clone, Copy)]
pub struct ContentCtx(pub &'static Content);

/// Reads the [`ContentCtx`] provided by the page.
///
/// # Panics
/// When called outside a page that provides it; that is a programming
/// error, not a runtime state.
pub fn use_content() -> &'static Content {
    use_context::<ContentCtx>()
        .map(|ctx| ctx.0)
        .expect("use_content() called outside <App/>")
}
