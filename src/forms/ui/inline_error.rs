//! The message next to a field with a problem.

use leptos::prelude::*;

use crate::forms::text::errors::INLINE_PREFIX;

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
    move || {
        error.get().map(|message| {
            view! {
                <p class="aa-field__error" id=id.clone()>
                    <span class="aa-form__visually-hidden">{INLINE_PREFIX} " "</span>
                    {message}
                </p>
            }
        })
    }
}
