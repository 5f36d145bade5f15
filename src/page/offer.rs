//! A promotional block from `offers.toml`.

use leptos::prelude::*;

use crate::content::use_content;
use crate::content::{Href, Offer};
use crate::rich_text::blocks::Blocks;

/// A labelled region with a heading, body text and call-to-action links.
#[component]
pub fn OfferBlock(
    /// The offer to show; its id becomes the region's anchor.
    offer: Offer,
    /// Extra content rendered after the body (e.g. the carrier list).
    #[prop(optional)]
    children: Option<Children>,
) -> impl IntoView {
    let site = use_content().site;
    let heading_id = format!("{}-heading", offer.id);
    let labelled_by = heading_id.clone();
    let actions = offer
        .actions
        .iter()
        .map(|action| {
            let modifier = match action.href {
                Href::Call | Href::Text => "aa-button aa-button--secondary",
                _ => "aa-button",
            };
            view! { <a class=modifier href=site.resolve(action.href)>{action.label}</a> }
        })
        .collect_view();
    view! {
        <section id=offer.id class=format!("aa-offer aa-offer--{}", offer.id) aria-labelledby=labelled_by>
            <h2 id=heading_id class="aa-offer__heading">{offer.heading}</h2>
            <div class="aa-offer__body">
                <Blocks blocks=offer.body/>
                {children.map(|children| children())}
            </div>
            {(!offer.actions.is_empty()).then(|| view! { <p class="aa-offer__actions">{actions}</p> })}
        </section>
    }
}
