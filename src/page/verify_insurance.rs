//! "Verify Insurance for Free": the in-network carriers, and the checker
//! that answers for the name a visitor types.

use leptos::prelude::*;

use super::offer::OfferBlock;
use crate::content::use_content;
use crate::loader::parts::Part;
use crate::loader::placeholder::PartPlaceholder;

/// The insurance offer with the list of in-network carriers (which works
/// without the wasm) and the insurance checker after it, whose code is in
/// the forms module (`crate::loader::parts`).
#[component]
pub fn VerifyInsurance() -> impl IntoView {
    let content = use_content();
    view! {
        <OfferBlock offer=content.verify_insurance>
            <CarrierList/>
            <PartPlaceholder part=Part::Checker/>
        </OfferBlock>
    }
}

/// The in-network carriers, as a list: it reads without the wasm (here,
/// and in the checker's iframe page for partners).
#[component]
pub fn CarrierList() -> impl IntoView {
    let carriers = use_content()
        .carriers
        .iter()
        .map(|carrier| view! { <li class="aa-carriers__item">{carrier.name}</li> })
        .collect_view();
    view! { <ul class="aa-carriers">{carriers}</ul> }
}
