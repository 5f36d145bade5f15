//! "You asked about: Aetna": the insurer chosen in the insurance checker,
//! said at the top of the contact form, which has filled it in on the
//! insurance step.

use leptos::prelude::*;

use crate::content::template::fill;
use crate::forms::context::{use_form_content, VerifyRequest};

/// A polite status line, empty (and hidden) until "Verify my coverage" is
/// followed; it is always in the page so screen readers hear it change.
#[component]
pub fn CarrierPrefill() -> impl IntoView {
    let template = use_form_content().prefill;
    let request = use_context::<VerifyRequest>();
    let said = move || {
        let VerifyRequest(request) = request?;
        request.with(|choice| {
            choice
                .as_ref()
                .map(|choice| fill(template, &[("carrier", &choice.name)]))
        })
    };
    view! { <p class="aa-prefill" role="status">{said}</p> }
}
