//! The table of contents' nested list of links, shared by the side panel
//! and the "On this page" bar.

use leptos::prelude::*;

use super::entries::TocEntry;

/// The nested list of links; `current` is the flat index of the entry
/// being read, `on_choose` gets the flat index of a followed link.
pub fn toc_list(
    entries: &[TocEntry],
    current: Signal<Option<usize>>,
    on_choose: Callback<usize>,
) -> impl IntoView {
    let mut next = 0;
    list_view(entries, &mut next, current, on_choose)
}

fn list_view(
    entries: &[TocEntry],
    next: &mut usize,
    current: Signal<Option<usize>>,
    on_choose: Callback<usize>,
) -> impl IntoView {
    // Two levels (sections, then their sub-headings), each its own function,
    // so no view needs erasing to recurse.
    let items: Vec<_> = entries
        .iter()
        .map(|entry| {
            let index = *next;
            *next += 1;
            let children = (!entry.children.is_empty()).then(|| {
                let subs: Vec<_> = entry
                    .children
                    .iter()
                    .map(|sub| {
                        let index = *next;
                        *next += 1;
                        item_view(sub, index, (), current, on_choose)
                    })
                    .collect();
                view! { <ul class="aa-toc__list aa-toc__list--sub">{subs}</ul> }
            });
            item_view(entry, index, children, current, on_choose)
        })
        .collect();
    view! { <ol class="aa-toc__list">{items}</ol> }
}

/// One link, with `children` (a sub-list, or nothing) after it.
fn item_view(
    entry: &TocEntry,
    index: usize,
    children: impl IntoView + 'static,
    current: Signal<Option<usize>>,
    on_choose: Callback<usize>,
) -> impl IntoView {
    view! {
        <li class="aa-toc__item">
            <a
                class="aa-toc__link"
                href=format!("#{}", entry.id)
                aria-current=move || (current.get() == Some(index)).then_some("location")
                on:click=move |_| on_choose.run(index)
            >
                {entry.title}
            </a>
            {children}
        </li>
    }
}
