//! Small browser calls several features share: waiting for the page to
//! load, where an element is relative to the viewport, focus, the page's
//! address.
//!
//! Like `storage.rs`, every call reports failure as a value and has a
//! native twin that does nothing, so the components render natively
//! (pre-render) and hydrate. Call these only from effects and event
//! handlers. Elements are found by their id, which the content gives them.

pub use imp::{
    element_by_id, focus, is_below_viewport, scroll_to_top, set_text, url_with_fragment,
    when_loaded,
};

/// Marks a partner's widget element, whose shadow root holds the widget
/// (see `crate::widgets`).
pub const WIDGET_ATTR: &str = "data-aa-widget";

#[cfg(all(feature = "browser", target_arch = "wasm32"))]
mod imp {
    use wasm_bindgen::closure::Closure;
    use wasm_bindgen::JsCast;

    /// Calls `callback` once the page has loaded (the browser has scrolled
    /// to the URL's fragment or restored the previous scroll position) and
    /// laid out: at the next frame after the load event, or at the next
    /// frame if it already happened.
    pub fn when_loaded(callback: impl FnOnce() + 'static) {
        let Some(window) = web_sys::window() else {
            return;
        };
        let loaded = window
            .document()
            .is_none_or(|document| document.ready_state() == "complete");
        if loaded {
            leptos::prelude::request_animation_frame(callback);
        } else {
            // `load` fires once, so the closure is called (and freed) once.
            let on_load = Closure::once_into_js(move || {
                leptos::prelude::request_animation_frame(callback);
            });
            let _ = window.add_event_listener_with_callback("load", on_load.unchecked_ref());
        }
    }

    /// The element with this id: in the page, or in a widget's shadow root
    /// (where `document.getElementById` cannot see). A widget's own tree is
    /// searched first when focus is in it, so a host element that happens
    /// to share an id never wins over the widget's.
    pub fn element_by_id(id: &str) -> Option<web_sys::Element> {
        let document = web_sys::window()?.document()?;
        // Only a widget's build can be in a shadow root.
        if !cfg!(feature = "widget") {
            return document.get_element_by_id(id);
        }
        let in_widget = |host: web_sys::Element| host.shadow_root()?.get_element_by_id(id);
        if let Some(found) = document.active_element().and_then(in_widget) {
            return Some(found);
        }
        if let Some(found) = document.get_element_by_id(id) {
            return Some(found);
        }
        let hosts = document
            .query_selector_all(&format!("[{}]", super::WIDGET_ATTR))
            .ok()?;
        (0..hosts.length())
            .filter_map(|i| hosts.item(i)?.dyn_into::<web_sys::Element>().ok())
            .find_map(in_widget)
    }

    /// Whether the element with this id starts below the bottom of the
    /// viewport (one layout read; call it once, not per frame).
    pub fn is_below_viewport(id: &str) -> Option<bool> {
        let window = web_sys::window()?;
        let element = element_by_id(id)?;
        let height = window.inner_height().ok()?.as_f64()?;
        Some(element.get_bounding_client_rect().top() >= height)
    }

    /// Moves keyboard focus to the element with this id.
    pub fn focus(id: &str) -> Option<()> {
        element_by_id(id)?
            .dyn_into::<web_sys::HtmlElement>()
            .ok()?
            .focus()
            .ok()
    }

    /// Scrolls the element with this id to the top of the viewport (below
    /// its `scroll-margin`), smoothly where the page's CSS says so.
    pub fn scroll_to_top(id: &str) -> Option<()> {
        let element = element_by_id(id)?;
        let options = web_sys::ScrollIntoViewOptions::new();
        options.set_block(web_sys::ScrollLogicalPosition::Start);
        element.scroll_into_view_with_scroll_into_view_options(&options);
        Some(())
    }

    /// Replaces the text of the element with this id.
    pub fn set_text(id: &str, text: &str) -> Option<()> {
        let element = element_by_id(id)?;
        element.set_text_content(Some(text));
        Some(())
    }

    /// This page's address with `#id` as its fragment.
    pub fn url_with_fragment(id: &str) -> Option<String> {
        let href = web_sys::window()?.location().href().ok()?;
        let base = href.split('#').next().unwrap_or(&href);
        Some(format!("{base}#{id}"))
    }
}

/// Native rendering has no browser: nothing is measured or focused.
#[cfg(not(all(feature = "browser", target_arch = "wasm32")))]
mod imp {
    pub fn when_loaded(_: impl FnOnce() + 'static) {}

    /// Natively there is no element to find.
    pub fn element_by_id(_: &str) -> Option<()> {
        None
    }

    pub fn is_below_viewport(_: &str) -> Option<bool> {
        None
    }

    pub fn focus(_: &str) -> Option<()> {
        None
    }

    pub fn scroll_to_top(_: &str) -> Option<()> {
        None
    }

    pub fn set_text(_: &str, _: &str) -> Option<()> {
        None
    }

    pub fn url_with_fragment(_: &str) -> Option<String> {
        None
    }
}
