//! A group of radios or checkboxes in a fieldset.

use leptos::prelude::*;

use super::field_ids::FieldIds;
use super::inline_error::InlineError;
use crate::forms::context::use_form_content;

/// One option of a [`ChoiceGroup`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Choice {
    /// The value sent and matched against the selection.
    pub value: &'static str,
    pub label: &'static str,
}

/// Radios (one answer) or checkboxes (several) under a legend, with hint
/// and error message; the first option's id is `id` so error links land on it.
#[component]
pub fn ChoiceGroup(
    /// Id of the first option; the others get `-2`, `-3`, …
    id: String,
    /// The question.
    legend: &'static str,
    /// Help shown under the legend.
    #[prop(optional)]
    hint: Option<&'static str>,
    /// Checkboxes instead of radios.
    #[prop(optional)]
    multiple: bool,
    /// Adds "(optional)" to the legend.
    #[prop(optional)]
    optional: bool,
    /// The options, in order.
    choices: Vec<Choice>,
    /// The values currently selected.
    #[prop(into)]
    selected: Signal<Vec<&'static str>>,
    /// Receives `(value, checked)` on every change.
    on_toggle: Callback<(&'static str, bool)>,
    /// The problem with this question, if any.
    #[prop(into)]
    error: Signal<Option<String>>,
) -> impl IntoView {
    let text = use_form_content().text;
    let ids = FieldIds::new(&id, hint.is_some());
    let describedby = ids.describedby(error);
    let input_type = if multiple { "checkbox" } else { "radio" };
    let items = choices
        .into_iter()
        .enumerate()
        .map(|(index, choice)| {
            let option_id = if index == 0 {
                id.clone()
            } else {
                format!("{id}-{}", index + 1)
            };
            // aria-invalid is defined for checkboxes, not for single radios.
            let invalid = move || (multiple && error.with(Option::is_some)).then_some("true");
            view! {
                <div class="aa-choice">
                    <input
                        class="aa-choice__input"
                        type=input_type
                        id=option_id.clone()
                        name=id.clone()
                        value=choice.value
                        aria-invalid=invalid
                        prop:checked=move || selected.with(|s| s.contains(&choice.value))
                        on:change=move |ev| on_toggle.run((choice.value, event_target_checked(&ev)))
                    />
                    <label class="aa-choice__label" for=option_id>{choice.label}</label>
                </div>
            }
        })
        .collect_view();
    view! {
        <fieldset class="aa-choices" class:aa-choices--error=move || error.with(Option::is_some) aria-describedby=describedby>
            <legend class="aa-choices__legend">
                {legend}
                {optional.then(|| view! { <span class="aa-field__optional">" " {text.contact.optional}</span> })}
            </legend>
            {hint.map(|text| view! { <p class="aa-field__hint" id=ids.hint.clone()>{text}</p> })}
            <InlineError id=ids.error.clone() error=error/>
            <div class="aa-choices__items">{items}</div>
        </fieldset>
    }
    .into_any()
}
