//! "Verify Insurance for Free": the in-network carriers, and the checker
//! that answers for the name a visitor types.

use leptos::prelude::*;

use crate::app::use_content;
use crate::components::carrier_checker::CarrierChecker;
use crate::components::offer::OfferBlock;

/// The insurance offer with the list of in-network carriers (which works
/// without the wasm) and the insurance checker after it.
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
            <CarrierChecker id=format!("{}-checker", content.verify_insurance.id)/>
        </OfferBlock>
    }
}
