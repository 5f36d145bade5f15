//! Renders the content model's blocks and inlines as HTML.

use leptos::prelude::*;

use super::copy_link::CopyLink;
use crate::content::{use_content, Block, Embed, Inline};
use crate::roots::{HydrationRoot, Root};

/// How a `{{name}}` page block is rendered, given by whoever renders text
/// with page blocks in it (the article), so the rich text needs to know no
/// feature.
pub type Embeds = fn(Embed) -> AnyView;

/// A run of blocks, as they appear in a section, an FAQ answer or an offer.
#[component]
pub fn Blocks(
    /// The blocks to render, in order.
    blocks: &'static [Block],
    /// Renders the page blocks among them; without it they render as
    /// nothing (the content compiler allows them in the article only).
    #[prop(optional)]
    embeds: Option<Embeds>,
) -> impl IntoView {
    blocks
        .iter()
        .map(|block| view! { <BlockView block=*block embeds=embeds/> })
        .collect_view()
}

/// One block of content.
#[component]
pub fn BlockView(
    /// The block to render.
    block: Block,
    /// Renders a page block (see [`Blocks`]).
    embeds: Option<Embeds>,
) -> impl IntoView {
    match block {
        Block::Paragraph(inlines) => {
            view! { <p class="aa-prose__p">{inline_views(inlines)}</p> }.into_any()
        }
        Block::SubHeading(heading) => view! {
            <div class="aa-heading aa-heading--sub">
                <h3 id=heading.id class="aa-prose__h3">{heading.text}</h3>
                <HydrationRoot root=Root::CopyLink(heading.id)>
                    <CopyLink id=heading.id title=heading.text/>
                </HydrationRoot>
            </div>
        }
        .into_any(),
        Block::List { ordered, items } => {
            let items = items
                .iter()
                .map(|item| view! { <li class="aa-prose__li">{inline_views(item)}</li> })
                .collect_view();
            if ordered {
                view! { <ol class="aa-prose__list aa-prose__list--ordered">{items}</ol> }.into_any()
            } else {
                view! { <ul class="aa-prose__list">{items}</ul> }.into_any()
            }
        }
        Block::Embed(embed) => match embeds {
            Some(render) => render(embed),
            None => ().into_any(),
        },
    }
}

/// Phrasing content: text with emphasis and links.
pub fn inline_views(inlines: &'static [Inline]) -> impl IntoView {
    inlines
        .iter()
        .map(|inline| inline_view(*inline))
        .collect_view()
}

fn inline_view(inline: Inline) -> AnyView {
    match inline {
        Inline::Text(text) => text.into_any(),
        Inline::Strong(children) => view! { <strong>{inline_views(children)}</strong> }.into_any(),
        Inline::Emphasis(children) => view! { <em>{inline_views(children)}</em> }.into_any(),
        Inline::Link { href, children } => {
            let site = use_content().site;
            view! { <a class="aa-link" href=site.resolve(href)>{inline_views(children)}</a> }
                .into_any()
        }
    }
}
