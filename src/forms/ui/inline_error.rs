//! The message next to a field with a problem.

use crate::forms::context::use_form_content;
use leptos::prelude::*;

/// The problem with a field, when there is one, prefixed "Error:" for
/// screen readers only (the field's `aria-describedby` points at `id`).
#[component]
pub fn InlineError(
    /// The message's element id.
    id: String,
    /// The problem, if any.
    #[prop(into)]
    error: Signal<Option<String>>,
) -> impl IntoView {
    let text = use_form_content().text;
    move || {
        error.get().map(|message| {
            view! {
                <p class="aa-field__error" id=id.clone()>
                    <span class="aa-form__visually-hidden">{text.errors.inline_prefix} " "</span>
                    {message}
                </p>
            }
        })
    }
}
