//! The article: title, table of contents and sections.

use leptos::prelude::*;

use super::embeds::page_embeds;
use super::notes::{Disclaimer, ReviewLine};
use crate::content::use_content;
use crate::rich_text::blocks::Blocks;
use crate::rich_text::copy_link::{CopyLink, STATUS_ID};
use crate::roots::{HydrationRoot, Root};
use crate::toc::panel::TableOfContents;

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
                    <div class="aa-heading aa-heading--section">
                        <h2 id=section.id class="aa-section__heading">{section.title}</h2>
                        <HydrationRoot root=Root::CopyLink(section.id)>
                            <CopyLink id=section.id title=section.title/>
                        </HydrationRoot>
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
            <HydrationRoot root=Root::Toc>
                <TableOfContents/>
            </HydrationRoot>
            <div class="aa-article__body aa-prose">{sections}</div>
            // Announces the heading links' "copied"; present from the start,
            // since screen readers only speak changes to a region they know.
            <p id=STATUS_ID class="aa-article__status" role="status"></p>
        </article>
    }
}
