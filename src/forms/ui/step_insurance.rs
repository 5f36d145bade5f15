//! Step 3: insurance.

use leptos::prelude::*;

use super::checkbox::Checkbox;
use super::controller::FormCtl;
use super::text_field::TextField;
use crate::forms::context::use_form_content;
use crate::forms::rules::Field;
use crate::insurance::matcher::Directory;

/// Carrier (the insurance checker's combobox, prefilled when the visitor
/// came from it), member ID, or no insurance.
#[component]
pub fn StepInsurance(
    /// The form's state.
    ctl: FormCtl,
) -> impl IntoView {
    let t = use_form_content().text.contact;
    let answers = ctl.answers;
    let content = use_form_content();
    let directory = Directory::new(content.carriers, &content.checker);
    view! {
        <TextField
            id=ctl.id(Field::Carrier)
            label=t.carrier
            hint=t.carrier_hint
            suggest=directory
            value=Signal::derive(move || answers.with(|a| a.carrier.clone()))
            on_input=Callback::new(move |v| answers.update(|a| a.carrier = v))
            error=ctl.error_for(Field::Carrier)
        />
        <TextField
            id=ctl.id(Field::MemberId)
            label=t.member_id
            hint=t.member_id_hint
            optional=true
            autocomplete="off"
            value=Signal::derive(move || answers.with(|a| a.member_id.clone()))
            on_input=Callback::new(move |v| answers.update(|a| a.member_id = v))
            error=ctl.error_for(Field::MemberId)
        />
        <Checkbox
            id=ctl.id(Field::NoInsurance)
            label=t.no_insurance
            checked=Signal::derive(move || answers.with(|a| a.no_insurance))
            on_change=Callback::new(move |on| answers.update(|a| a.no_insurance = on))
        />
    }
    .into_any()
}
