//! A single checkbox (consent, "no insurance", "remember me").

use leptos::prelude::*;

use super::field_ids::FieldIds;
use super::inline_error::InlineError;

/// One checkbox with its label, an optional hint (which may hold links,
/// kept out of the label) and an error message.
#[component]
pub fn Checkbox(
    /// The input's id.
    id: String,
    /// The label next to the box.
    label: &'static str,
    /// Whether it is ticked.
    #[prop(into)]
    checked: Signal<bool>,
    /// Receives the new state.
    on_change: Callback<bool>,
    /// The problem with it, if any.
    #[prop(optional, into)]
    error: Signal<Option<String>>,
    /// Hint content shown under the box.
    #[prop(optional)]
    children: Option<Children>,
) -> impl IntoView {
    let ids = FieldIds::new(&id, children.is_some());
    let describedby = ids.describedby(error);
    view! {
        <div class="aa-checkbox" class:aa-checkbox--error=move || error.with(Option::is_some)>
            <InlineError id=ids.error.clone() error=error/>
            <div class="aa-choice">
                <input
                    class="aa-choice__input"
                    type="checkbox"
                    id=id.clone()
                    name=id.clone()
                    aria-invalid=move || error.with(Option::is_some).then_some("true")
                    aria-describedby=describedby
                    prop:checked=move || checked.get()
                    on:change=move |ev| on_change.run(event_target_checked(&ev))
                />
                <label class="aa-choice__label" for=id>{label}</label>
            </div>
            {children.map(|hint| view! { <p class="aa-field__hint aa-checkbox__hint" id=ids.hint.clone()>{hint()}</p> })}
        </div>
    }
    .into_any()
}
