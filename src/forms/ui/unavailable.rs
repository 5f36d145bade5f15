//! Shown instead of a form whose backend is not configured.

use leptos::prelude::*;

use super::phone_number::PhoneNumber;
use crate::forms::text::status;

/// "This form is not available right now. Please call us instead on …"
#[component]
pub fn Unavailable() -> impl IntoView {
    view! {
        <div class="aa-notice aa-notice--error" role="alert">
            <h3 class="aa-notice__heading">{status::UNAVAILABLE_HEADING}</h3>
            <p class="aa-notice__text">{status::UNAVAILABLE} " " <PhoneNumber/> "."</p>
        </div>
    }
    .into_any()
}
