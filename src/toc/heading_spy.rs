//! The browser's part of the scroll-spy: intersection observers on the
//! table of contents' headings and the bottom of the page, reporting
//! [`SpyEvent`]s to the pure rules of `spy.rs`. Natively (the pre-render)
//! nothing is observed.

use super::spy::SpyEvent;

pub use imp::HeadingSpy;

#[cfg(all(feature = "browser", target_arch = "wasm32"))]
mod imp {
    use wasm_bindgen::closure::Closure;
    use wasm_bindgen::JsCast;
    use web_sys::js_sys::Array;
    use web_sys::{IntersectionObserver, IntersectionObserverEntry, IntersectionObserverInit};

    use super::SpyEvent;
    use crate::toc::spy::READING_LINE_PERCENT;

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
}

/// Native rendering has no browser: nothing is observed.
#[cfg(not(all(feature = "browser", target_arch = "wasm32")))]
mod imp {
    use super::SpyEvent;

    /// Does nothing natively; see the browser version.
    pub struct HeadingSpy;

    impl HeadingSpy {
        pub fn start(_: &[&str], _: impl Fn(SpyEvent) + 'static) -> Option<Self> {
            None
        }
    }
}
