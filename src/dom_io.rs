//! The browser's part of the table of contents, the FAQ, the heading links
//! and the insurance checker: intersection observers for the scroll-spy,
//! the clipboard, focus, where an element is relative to the viewport, and
//! the hand-over to the contact form.
//!
//! Like `storage.rs`, every call reports failure as a value and has a
//! native twin that does nothing, so the components render natively
//! (pre-render) and hydrate. Call these only from effects and event
//! handlers. Elements are found by their id, which the content gives them.

use crate::toc::SpyEvent;

/// Why a link could not be copied.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum CopyError {
    #[error("this browser offers no clipboard here")]
    Unavailable,
    #[error("the browser did not allow copying")]
    Refused,
}

pub use imp::*;

#[cfg(all(feature = "browser", target_arch = "wasm32"))]
mod imp {
    use wasm_bindgen::closure::Closure;
    use wasm_bindgen::{JsCast, JsValue};
    use web_sys::js_sys::{Array, Reflect};
    use web_sys::{IntersectionObserver, IntersectionObserverEntry, IntersectionObserverInit};

    use super::{CopyError, SpyEvent};
    use crate::toc::READING_LINE_PERCENT;

    /// Far enough to stand for "unbounded" in a root margin: no page is
    /// this tall, and every engine accepts it.
    const UNBOUNDED_PX: u32 = 1_000_000;

    type ObserverCallback = Closure<dyn FnMut(Array, IntersectionObserver)>;

    /// Watches the headings of the table of contents and the bottom of the
    /// page, reporting [`SpyEvent`]s; stops when dropped.
    ///
    /// Observers only report crossings, so they cost nothing while nothing
    /// crosses, and they report crossings caused by layout changes (an
    /// answer opening above a heading) as well as by scrolling. Each
    /// observer's root is stretched to infinity on one side, so that a
    /// heading that jumps from far above to far below (Home, End, a link)
    /// still crosses it and is reported.
    pub struct HeadingSpy {
        observers: Vec<IntersectionObserver>,
        _callbacks: Vec<ObserverCallback>,
    }

    impl HeadingSpy {
        /// Observes the elements with these ids (missing ones are skipped)
        /// and the document; `None` if the browser has no IntersectionObserver.
        pub fn start(ids: &[&str], report: impl Fn(SpyEvent) + 'static) -> Option<Self> {
            let document = web_sys::window()?.document()?;
            let targets: Vec<(usize, web_sys::Element)> = ids
                .iter()
                .enumerate()
                .filter_map(|(i, id)| document.get_element_by_id(id).map(|el| (i, el)))
                .collect();
            let report = std::rc::Rc::new(report);
            let mut spy = Self {
                observers: Vec::new(),
                _callbacks: Vec::new(),
            };

            // Everything from far above the viewport down to the reading line.
            let above_line = format!(
                "{UNBOUNDED_PX}px 0px -{}% 0px",
                100 - u32::from(READING_LINE_PERCENT)
            );
            let index_of = {
                let targets = targets.clone();
                move |entry: &IntersectionObserverEntry| {
                    let target = entry.target();
                    targets
                        .iter()
                        .find(|(_, el)| *el == target)
                        .map(|(i, _)| *i)
                }
            };
            let passed = {
                let report = report.clone();
                let index_of = index_of.clone();
                move |entry: &IntersectionObserverEntry| {
                    if let Some(i) = index_of(entry) {
                        report(SpyEvent::Passed(i, entry.is_intersecting()));
                    }
                }
            };
            spy.observe(&above_line, targets.iter().map(|(_, el)| el), passed)?;

            let visible = {
                let report = report.clone();
                move |entry: &IntersectionObserverEntry| {
                    if let Some(i) = index_of(entry) {
                        report(SpyEvent::Visible(i, entry.is_intersecting()));
                    }
                }
            };
            spy.observe("0px", targets.iter().map(|(_, el)| el), visible)?;

            // Everything from just below the viewport down to infinity: the
            // document reaches into it unless the page is scrolled to its end
            // (half a percent of slack absorbs sub-pixel scroll positions).
            let below_view = format!("-100.5% 0px {UNBOUNDED_PX}px 0px");
            let root: web_sys::Element = document.document_element()?;
            let bottom = move |entry: &IntersectionObserverEntry| {
                report(SpyEvent::AtBottom(!entry.is_intersecting()));
            };
            spy.observe(&below_view, std::iter::once(&root), bottom)?;
            Some(spy)
        }

        fn observe<'a>(
            &mut self,
            root_margin: &str,
            targets: impl Iterator<Item = &'a web_sys::Element>,
            mut on_entry: impl FnMut(&IntersectionObserverEntry) + 'static,
        ) -> Option<()> {
            let callback: ObserverCallback =
                Closure::new(move |entries: Array, _: IntersectionObserver| {
                    // Entries come oldest first: the last one per target wins.
                    for entry in entries.iter() {
                        if let Ok(entry) = entry.dyn_into::<IntersectionObserverEntry>() {
                            on_entry(&entry);
                        }
                    }
                });
            let options = IntersectionObserverInit::new();
            options.set_root_margin(root_margin);
            let observer =
                IntersectionObserver::new_with_options(callback.as_ref().unchecked_ref(), &options)
                    .ok()?;
            targets.for_each(|target| observer.observe(target));
            self.observers.push(observer);
            self._callbacks.push(callback);
            Some(())
        }
    }

    impl Drop for HeadingSpy {
        fn drop(&mut self) {
            self.observers
                .iter()
                .for_each(IntersectionObserver::disconnect);
        }
    }

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

    /// Whether the element with this id starts below the bottom of the
    /// viewport (one layout read; call it once, not per frame).
    pub fn is_below_viewport(id: &str) -> Option<bool> {
        let window = web_sys::window()?;
        let element = window.document()?.get_element_by_id(id)?;
        let height = window.inner_height().ok()?.as_f64()?;
        Some(element.get_bounding_client_rect().top() >= height)
    }

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
        let room = (height - element.get_bounding_client_rect().top() - 16.0).max(160.0);
        element
            .style()
            // Whole pixels as an integer: formatting an f64 would pull ~11 KB of
            // float printing into the wasm.
            .set_property("max-height", &format!("{}px", room.floor() as i32))
            .ok()
    }

    /// Moves keyboard focus to the element with this id.
    pub fn focus(id: &str) -> Option<()> {
        let element = web_sys::window()?.document()?.get_element_by_id(id)?;
        element
            .dyn_into::<web_sys::HtmlElement>()
            .ok()?
            .focus()
            .ok()
    }

    /// This page's address with `#id` as its fragment.
    pub fn url_with_fragment(id: &str) -> Option<String> {
        let href = web_sys::window()?.location().href().ok()?;
        let base = href.split('#').next().unwrap_or(&href);
        Some(format!("{base}#{id}"))
    }

    /// Leaves the insurance checker's choice on the contact form's
    /// placeholder and tells it (see `src/deferred.rs`): the form reads it
    /// when it mounts, or at once if it is already live.
    pub fn request_prefill(name: &str, carrier_id: Option<&str>) -> Option<()> {
        use crate::deferred::{
            Part, PART_ATTR, PREFILL_CARRIER_ATTR, PREFILL_EVENT, PREFILL_NAME_ATTR,
        };
        let selector = format!("[{PART_ATTR}=\"{}\"]", Part::ContactForm.id());
        let root = web_sys::window()?
            .document()?
            .query_selector(&selector)
            .ok()??;
        root.set_attribute(PREFILL_NAME_ATTR, name).ok()?;
        match carrier_id {
            Some(id) => root.set_attribute(PREFILL_CARRIER_ATTR, id).ok()?,
            None => root.remove_attribute(PREFILL_CARRIER_ATTR).ok()?,
        }
        let event = web_sys::Event::new(PREFILL_EVENT).ok()?;
        root.dispatch_event(&event).ok()?;
        Some(())
    }

    /// Puts `text` on the clipboard and calls `done` with the outcome (later:
    /// the clipboard answers asynchronously).
    pub fn copy_text(text: &str, done: impl FnOnce(Result<(), CopyError>) + 'static) {
        let clipboard = web_sys::window()
            .map(|window| window.navigator())
            .and_then(|navigator| Reflect::get(&navigator, &JsValue::from_str("clipboard")).ok())
            .filter(|clipboard| !clipboard.is_undefined() && !clipboard.is_null())
            .map(|clipboard| clipboard.unchecked_into::<web_sys::Clipboard>());
        let Some(clipboard) = clipboard else {
            done(Err(CopyError::Unavailable));
            return;
        };
        // One callback for both outcomes, so neither closure outlives the call.
        let done = std::rc::Rc::new(std::cell::Cell::new(Some(done)));
        let settle = move |outcome: Result<(), CopyError>| {
            if let Some(done) = done.take() {
                done(outcome);
            }
        };
        let on_error = settle.clone();
        let resolve = Closure::once(move |_: JsValue| settle(Ok(())));
        let reject = Closure::once(move |_: JsValue| on_error(Err(CopyError::Refused)));
        let _ = clipboard.write_text(text).then2(&resolve, &reject);
        // The promise calls one of them later; each frees its Rust side when called.
        resolve.forget();
        reject.forget();
    }
}

/// Native rendering has no browser: nothing is observed, measured or copied.
#[cfg(not(all(feature = "browser", target_arch = "wasm32")))]
mod imp {
    use super::{CopyError, SpyEvent};

    /// Does nothing natively; see the browser version.
    pub struct HeadingSpy;

    impl HeadingSpy {
        pub fn start(_: &[&str], _: impl Fn(SpyEvent) + 'static) -> Option<Self> {
            None
        }
    }

    pub fn when_loaded(_: impl FnOnce() + 'static) {}

    pub fn is_below_viewport(_: &str) -> Option<bool> {
        None
    }

    pub fn reveal_link(_: &str, _: usize) -> Option<()> {
        None
    }

    pub fn fit_in_viewport(_: &str) -> Option<()> {
        None
    }

    pub fn focus(_: &str) -> Option<()> {
        None
    }

    pub fn url_with_fragment(_: &str) -> Option<String> {
        None
    }

    pub fn request_prefill(_: &str, _: Option<&str>) -> Option<()> {
        None
    }

    pub fn copy_text(_: &str, done: impl FnOnce(Result<(), CopyError>) + 'static) {
        done(Err(CopyError::Unavailable));
    }
}
