//! The article: title, table of contents and sections.

use leptos::prelude::*;

use crate::app::use_content;
use crate::components::rich_text::Blocks;
use crate::components::toc::TableOfContents;

/// The article body with its title and table of contents.
#[component]
pub fn ArticleBody() -> impl IntoView {
    let article = use_content().article;
    let sections = article
        .sections
        .iter()
        .map(|section| {
            view! {
                <section class="aa-section" aria-labelledby=section.id>
                    <h2 id=section.id class="aa-section__heading">{section.title}</h2>
                    <Blocks blocks=section.blocks/>
                </section>
            }
        })
        .collect_view();
    view! {
        <article class="aa-article">
            <header class="aa-article__header">
                <h1 class="aa-article__title">{article.title}</h1>
            </header>
            <TableOfContents/>
            <div class="aa-article__body aa-prose">{sections}</div>
        </article>
    }
}
