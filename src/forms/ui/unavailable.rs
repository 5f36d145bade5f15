//! Shown instead of a form whose backend is not configured.

use leptos::prelude::*;

use super::phone_number::PhoneNumber;
use crate::forms::context::use_form_content;

/// "This form is not available right now. Please call us instead on …"
#[component]
pub fn Unavailable() -> impl IntoView {
    let status = use_form_content().text.status;
    view! {
        <div class="aa-notice aa-notice--error" role="alert">
            <h3 class="aa-notice__heading">{status.unavailable_heading}</h3>
            <p class="aa-notice__text">{status.unavailable} " " <PhoneNumber/> "."</p>
        </div>
    }
    .into_any()
}
