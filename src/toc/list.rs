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
    list_view(entries, &mut next, false, current, on_choose)
}

fn list_view(
    entries: &[TocEntry],
    next: &mut usize,
    sub: bool,
    current: Signal<Option<usize>>,
    on_choose: Callback<usize>,
) -> AnyView {
    let items: Vec<AnyView> = entries
        .iter()
        .map(|entry| {
            let index = *next;
            *next += 1;
            let children = (!entry.children.is_empty())
                .then(|| list_view(&entry.children, next, true, current, on_choose));
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
            .into_any()
        })
        .collect();
    if sub {
        view! { <ul class="aa-toc__list aa-toc__list--sub">{items}</ul> }.into_any()
    } else {
        view! { <ol class="aa-toc__list">{items}</ol> }.into_any()
    }
}
