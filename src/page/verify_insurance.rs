//! "Verify Insurance for Free": the in-network carriers, and the checker
//! that answers for the name a visitor types.

use leptos::prelude::*;

use super::offer::OfferBlock;
use crate::content::use_content;
use crate::insurance::checker::CarrierChecker;
use crate::insurance::choice::CarrierChoice;
use crate::loader::prefill;
use crate::roots::{HydrationRoot, Root};

/// The insurance offer with the list of in-network carriers (which works
/// without the wasm) and the insurance checker after it.
#[component]
pub fn VerifyInsurance() -> impl IntoView {
    let content = use_content();
    view! {
        <OfferBlock offer=content.verify_insurance>
            <CarrierList/>
            <HydrationRoot root=Root::Checker>
                <VerifyChecker/>
            </HydrationRoot>
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

/// The insurance checker of the offer, whose "Verify my coverage" fills
/// the contact form.
#[component]
pub fn VerifyChecker() -> impl IntoView {
    let content = use_content();
    // The contact form is in the forms module: the choice goes to it
    // through its placeholder, which also gets the module loaded.
    // The link to #contact is followed: the form is on this page.
    let verify = Callback::new(|choice: CarrierChoice| {
        let _ = prefill::request_prefill(&choice.name, choice.carrier_id);
        false
    });
    view! { <CarrierChecker id=format!("{}-checker", content.verify_insurance.id) on_verify=verify/> }
}
