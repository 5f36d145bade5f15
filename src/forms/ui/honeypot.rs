//! The field people never see and bots fill in.

use leptos::prelude::*;

use crate::forms::context::use_form_content;
use crate::forms::rules::config::DEFAULT_HONEYPOT;
use crate::forms::rules::FormKind;

/// A text input moved off-screen and hidden from assistive technology,
/// out of the tab order and autofill. Its value is sent as found; the
/// visitor is asked to confirm before sending when it is not empty.
#[component]
pub fn Honeypot(
    /// The form it belongs to (for its id).
    kind: FormKind,
    /// Receives what was typed into it.
    value: RwSignal<String>,
) -> impl IntoView {
    let text = use_form_content().text;
    let id = format!("{}-trap", kind.id());
    view! {
        <div class="aa-form__trap" aria-hidden="true">
            <label for=id.clone()>{text.contact.honeypot}</label>
            <input
                id=id
                type="text"
                name=DEFAULT_HONEYPOT
                tabindex="-1"
                autocomplete="off"
                prop:value=move || value.get()
                on:input=move |ev| value.set(event_target_value(&ev))
            />
        </div>
    }
    .into_any()
}
