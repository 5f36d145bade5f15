//! The table of contents, built from the article's headings.

use leptos::prelude::*;

use crate::app::use_content;
use crate::toc::{self, TocEntry};

/// Plain anchor links to every section (and the sub-headings marked for it),
/// so navigation works before and without the wasm.
#[component]
pub fn TableOfContents() -> impl IntoView {
    let entries = toc::build(&use_content().article);
    view! {
        <nav class="aa-toc" aria-labelledby="aa-toc-heading">
            <h2 id="aa-toc-heading" class="aa-toc__heading">"Table of Contents"</h2>
            <ol class="aa-toc__list">{entries.into_iter().map(entry_view).collect_view()}</ol>
        </nav>
    }
}

fn entry_view(entry: TocEntry) -> impl IntoView {
    let children = (!entry.children.is_empty()).then(|| {
        view! {
            <ul class="aa-toc__list aa-toc__list--sub">
                {entry.children.into_iter().map(entry_view).collect::<Vec<_>>()}
            </ul>
        }
        .into_any()
    });
    view! {
        <li class="aa-toc__item">
            <a class="aa-toc__link" href=format!("#{}", entry.id)>{entry.title}</a>
            {children}
        </li>
    }
}
