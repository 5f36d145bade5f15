//! The table of contents, built from the article's headings, with a
//! scroll-spy marking the entry being read.

use std::time::Duration;

use leptos::prelude::*;

use super::bar::TocBar;
use super::entries::{self, FlatEntry};
use super::heading_spy::HeadingSpy;
use super::list::toc_list;
use super::scroll;
use super::spy::{ScrollSpy, PIN_TIMEOUT_MS};
use crate::content::use_content;

/// The side panel's id, to scroll its list.
const PANEL_ID: &str = "aa-toc";

/// The table of contents twice over, from the same entries: a sticky side
/// panel for wide screens and a collapsible "On this page" bar for narrow
/// ones (CSS shows one of them). Both are lists of plain anchor links, so
/// navigation works before and without the wasm; once hydrated, the entry
/// being read is marked with `aria-current`.
#[component]
pub fn TableOfContents() -> impl IntoView {
    let content = use_content();
    let text = content.ui.toc;
    let entries = entries::build(&content.article);
    let flat = entries::flatten(&entries);
    let spy = RwSignal::new(ScrollSpy::new(flat.len()));
    let current = Memo::new(move |_| spy.with(ScrollSpy::current));

    let ids: Vec<&'static str> = flat.iter().map(|entry| entry.id).collect();
    let choose = Callback::new(move |index: usize| {
        // The link navigates to its heading by itself, but Chromium lets a
        // smooth scroll still running (one that focusing the link started)
        // win over it, stopping short: scroll to the heading once more
        // after the navigation began.
        if let Some(id) = ids.get(index).copied() {
            request_animation_frame(move || {
                crate::platform::dom::scroll_to_top(id);
            });
        }
        if let Some(token) = spy.try_update(|spy| spy.choose(index)).flatten() {
            set_timeout(
                move || spy.update(|spy| spy.expire(token)),
                Duration::from_millis(PIN_TIMEOUT_MS.into()),
            );
        }
    });
    watch_headings(&flat, spy, choose);
    // The side panel scrolls when the list is taller than the window:
    // keep the current entry in it.
    Effect::new(move |_| {
        if let Some(index) = current.get() {
            scroll::reveal_link(PANEL_ID, index);
        }
    });

    view! {
        <nav id=PANEL_ID class="aa-toc" aria-labelledby="aa-toc-heading">
            <h2 id="aa-toc-heading" class="aa-toc__heading">{text.heading}</h2>
            {toc_list(&entries, current.into(), choose)}
        </nav>
        <TocBar entries=entries flat=flat current=current on_choose=choose text=text/>
        <div class="aa-progress" aria-hidden="true"></div>
    }
}

/// After hydration: observes the headings for the scroll-spy, and treats
/// the URL fragment (a deep link, back/forward, any link to a heading) as
/// the reader's choice.
fn watch_headings(flat: &[FlatEntry], spy: RwSignal<ScrollSpy>, choose: Callback<usize>) {
    let ids: Vec<&'static str> = flat.iter().map(|entry| entry.id).collect();
    let observers = StoredValue::new_local(None::<HeadingSpy>);
    Effect::new(move |_| {
        let choose_hash = {
            let ids = ids.clone();
            move || {
                let hash = location_hash()?;
                let index = ids.iter().position(|id| *id == hash)?;
                choose.run(index);
                Some(())
            }
        };
        observers.set_value(HeadingSpy::start(&ids, move |event| {
            spy.update(|spy| spy.apply(event));
        }));
        // A deep link: the browser has already scrolled to its heading.
        choose_hash();
        let listener = window_event_listener(leptos::ev::hashchange, move |_| {
            choose_hash();
        });
        on_cleanup(move || listener.remove());
    });
}
