//! The "On this page" bar: the table of contents on narrow screens.

use leptos::prelude::*;

use super::entries::{FlatEntry, TocEntry};
use super::list::toc_list;
use super::scroll;
use crate::content::UiTocText;

/// The open list's id, to scroll it to the current entry.
const PANEL_ID: &str = "aa-toc-bar-panel";

/// A sticky bar under the site header that names the section being read
/// and opens the table of contents over the page.
///
/// It is a native `<details>`, so it opens and closes without the wasm;
/// once hydrated it also closes when an entry is chosen or on Escape.
#[component]
pub fn TocBar(
    /// The table of contents.
    entries: Vec<TocEntry>,
    /// The same entries in reading order, to name the current section.
    flat: Vec<FlatEntry>,
    /// The flat index of the entry being read, if any.
    #[prop(into)]
    current: Signal<Option<usize>>,
    /// Called with the flat index of a chosen entry.
    on_choose: Callback<usize>,
    /// Its words.
    text: UiTocText,
) -> impl IntoView {
    let open = RwSignal::new(false);
    let details = NodeRef::<leptos::html::Details>::new();
    let summary = NodeRef::<leptos::html::Summary>::new();
    let section_titles: Vec<&'static str> = flat
        .iter()
        .map(|entry| flat.get(entry.section).map_or(entry.title, |s| s.title))
        .collect();
    let current_title = move || {
        current
            .get()
            .and_then(|index| section_titles.get(index).copied())
            .unwrap_or_default()
    };
    // The element, not the signal, says whether the list is open: the
    // signal follows `toggle`, a task that Chromium may run after a key
    // press that came later (input goes first under load), and a signal
    // that is already `false` would not close an element that is open.
    let is_open = move || {
        details
            .get_untracked()
            .is_some_and(|details| details.open())
    };
    let close = move || {
        if let Some(details) = details.get_untracked() {
            details.set_open(false);
        }
        open.set(false);
    };
    let choose = Callback::new(move |index: usize| {
        close();
        on_choose.run(index);
    });
    let on_keydown = move |event: leptos::ev::KeyboardEvent| {
        if event.key() == "Escape" && is_open() {
            event.prevent_default();
            close();
            if let Some(summary) = summary.get_untracked() {
                let _ = summary.focus();
            }
        }
    };
    view! {
        <nav class="aa-toc-bar" aria-label=text.bar_label>
            <details
                class="aa-toc-bar__details"
                node_ref=details
                open=move || open.get()
                on:toggle=move |_| {
                    let now_open = is_open();
                    open.set(now_open);
                    if now_open {
                        scroll::fit_in_viewport(PANEL_ID);
                        if let Some(index) = current.get_untracked() {
                            scroll::reveal_link(PANEL_ID, index);
                        }
                    }
                }
                on:keydown=on_keydown
            >
                <summary class="aa-toc-bar__summary" node_ref=summary>
                    <span class="aa-toc-bar__label">{text.bar_title}</span>
                    <span class="aa-toc-bar__current">{current_title}</span>
                </summary>
                <div id=PANEL_ID class="aa-toc-bar__panel">{toc_list(&entries, current, choose)}</div>
            </details>
        </nav>
    }
}
