//! Keeping the current entry in view inside the table of contents' own
//! scrolling lists. Layout is read only when the current entry changes or a
//! list opens, never per frame. Natively (the pre-render) both do nothing.

pub use imp::{fit_in_viewport, reveal_link};

#[cfg(all(feature = "browser", target_arch = "wasm32"))]
mod imp {
    use wasm_bindgen::JsCast;

    /// Scrolls the element with id `scroller` (if it scrolls) just enough
    /// to show its `index`th link. Layout is read only here, when the
    /// current entry changes, never per frame.
    pub fn reveal_link(scroller: &str, index: usize) -> Option<()> {
        let document = web_sys::window()?.document()?;
        let scroller = document.get_element_by_id(scroller)?;
        if scroller.scroll_height() <= scroller.client_height() {
            return Some(());
        }
        let link: web_sys::Element = scroller
            .query_selector_all("a")
            .ok()?
            .item(u32::try_from(index).ok()?)?
            .dyn_into()
            .ok()?;
        let (outer, inner) = (
            scroller.get_bounding_client_rect(),
            link.get_bounding_client_rect(),
        );
        let margin = 24.0;
        let delta = if inner.top() < outer.top() + margin {
            inner.top() - outer.top() - margin
        } else if inner.bottom() > outer.bottom() - margin {
            inner.bottom() - outer.bottom() + margin
        } else {
            return Some(());
        };
        scroller.set_scroll_top(scroller.scroll_top() + delta.round() as i32);
        Some(())
    }

    /// Limits the height of the element with this id to what is left of
    /// the viewport below its top (it then scrolls inside), so a list that
    /// opens further down the page than expected still ends on screen.
    pub fn fit_in_viewport(id: &str) -> Option<()> {
        let window = web_sys::window()?;
        let element = window
            .document()?
            .get_element_by_id(id)?
            .dyn_into::<web_sys::HtmlElement>()
            .ok()?;
        let height = window.inner_height().ok()?.as_f64()?;
        let mut top = element.get_bounding_client_rect().top();
        // Opened low in the window (at the top of the page, on a short
        // phone), the list would get a sliver: first bring its bar up to
        // where it sticks, under the header, at once.
        if height - top < height / 2.0 {
            let document = window.document()?;
            let bar = element.closest("nav").ok()??;
            let header = document.query_selector(".aa-header").ok()??;
            let by =
                bar.get_bounding_client_rect().top() - header.get_bounding_client_rect().bottom();
            if by > 0.0 {
                let options = web_sys::ScrollToOptions::new();
                options.set_top(by);
                options.set_behavior(web_sys::ScrollBehavior::Instant);
                window.scroll_by_with_scroll_to_options(&options);
                top = element.get_bounding_client_rect().top();
            }
        }
        let room = (height - top - 16.0).max(160.0);
        element
            .style()
            // Whole pixels as an integer: formatting an f64 would pull ~11 KB of
            // float printing into the wasm.
            .set_property("max-height", &format!("{}px", room.floor() as i32))
            .ok()
    }
}

/// Native rendering has no browser: nothing is measured.
#[cfg(not(all(feature = "browser", target_arch = "wasm32")))]
mod imp {
    pub fn reveal_link(_: &str, _: usize) -> Option<()> {
        None
    }

    pub fn fit_in_viewport(_: &str) -> Option<()> {
        None
    }
}
