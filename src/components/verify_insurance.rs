//! "Verify Insurance for Free": the in-network carriers.

use leptos::prelude::*;

use crate::app::use_content;
use crate::components::offer::OfferBlock;

/// The insurance offer with the list of in-network carriers.
#[component]
pub fn VerifyInsurance() -> impl IntoView {
    let content = use_content();
    let carriers = content
        .carriers
        .iter()
        .map(|carrier| view! { <li class="aa-carriers__item">{carrier.name}</li> })
        .collect_view();
    view! {
        <OfferBlock offer=content.verify_insurance>
            <ul class="aa-carriers">{carriers}</ul>
        </OfferBlock>
    }
}
