//! The article: title, table of contents and sections.

use leptos::prelude::*;

use super::embeds::page_embeds;
use super::notes::{Disclaimer, ReviewLine};
use crate::content::use_content;
use crate::rich_text::blocks::Blocks;
use crate::rich_text::copy_link::{CopyLink, LinkAnnouncer};
use crate::toc::panel::TableOfContents;

/// The article body with its title and table of contents.
#[component]
pub fn ArticleBody() -> impl IntoView {
    let article = use_content().article;
    let announcement = RwSignal::new(String::new());
    provide_context(LinkAnnouncer(announcement));
    let sections = article
        .sections
        .iter()
        .map(|section| {
            view! {
                <section class="aa-section" aria-labelledby=section.id>
                    <div class="aa-heading aa-heading--section">
                        <h2 id=section.id class="aa-section__heading">{section.title}</h2>
                        <CopyLink id=section.id title=section.title/>
                    </div>
                    <Blocks blocks=section.blocks embeds=page_embeds/>
                </section>
            }
        })
        .collect_view();
    view! {
        <article class="aa-article">
            <header class="aa-article__header">
                <h1 class="aa-article__title">{article.title}</h1>
                <ReviewLine/>
                <Disclaimer/>
            </header>
            <TableOfContents/>
            <div class="aa-article__body aa-prose">{sections}</div>
            // Announces the heading links' "copied"; present from the start,
            // since screen readers only speak changes to a region they know.
            <p class="aa-article__status" role="status">{move || announcement.get()}</p>
        </article>
    }
}
