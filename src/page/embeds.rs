//! The page blocks the article places with `{{name}}` (see the content
//! README): the offers and the FAQ.

use leptos::prelude::*;

use super::notes::CrisisNote;
use super::offer::OfferBlock;
use crate::content::{use_content, Embed};
use crate::faq::list::FaqList;
use crate::roots::{HydrationRoot, Root};

/// Renders the page block `embed`: the article's
/// [`crate::rich_text::blocks::Embeds`].
pub fn page_embeds(embed: Embed) -> AnyView {
    let content = use_content();
    match embed {
        Embed::InsuranceCta => view! { <OfferBlock offer=content.insurance_cta/> }.into_any(),
        Embed::SharedExperience => {
            view! { <OfferBlock offer=content.shared_experience/> }.into_any()
        }
        Embed::Faq => view! {
            <HydrationRoot root=Root::Faq>
                <FaqList/>
            </HydrationRoot>
        }
        .into_any(),
        Embed::Crisis => view! { <CrisisNote/> }.into_any(),
    }
}
