//! The page's insurance checker as a part of the forms module (see
//! `parts.rs`): its "Verify my coverage" fills in the contact form.

use leptos::prelude::*;

use super::prefill;
use crate::content::use_content;
use crate::insurance::checker::CarrierChecker;
use crate::insurance::choice::CarrierChoice;

/// The insurance checker of "Verify Insurance for Free", whose "Verify my
/// coverage" hands the insurer to the contact form.
#[component]
pub fn VerifyChecker() -> impl IntoView {
    let content = use_content();
    // The choice goes to the contact form through its placeholder, which
    // also gets the form mounted if it is not live yet. The link to
    // #contact is followed: the form is on this page.
    let verify = Callback::new(|choice: CarrierChoice| {
        let _ = prefill::request_prefill(&choice.name, choice.carrier_id);
        false
    });
    view! { <CarrierChecker id=format!("{}-checker", content.verify_insurance.id) on_verify=verify/> }
}
