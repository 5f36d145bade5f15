//! Step 3: insurance.

use leptos::prelude::*;

use super::checkbox::Checkbox;
use super::controller::FormCtl;
use super::text_field::TextField;
use crate::app::use_form_content;
use crate::form::text::contact as t;
use crate::form::Field;

/// Carrier (with the in-network carriers as suggestions), member ID, or
/// no insurance.
#[component]
pub fn StepInsurance(
    /// The form's state.
    ctl: FormCtl,
) -> impl IntoView {
    let answers = ctl.answers;
    let list_id = format!("{}-carriers", ctl.kind.id());
    let options = use_form_content()
        .carriers
        .iter()
        .map(|carrier| view! { <option value=carrier.name></option> })
        .collect_view();
    view! {
        <TextField
            id=ctl.id(Field::Carrier)
            label=t::CARRIER
            hint=t::CARRIER_HINT
            autocomplete="off"
            list=list_id.clone()
            value=Signal::derive(move || answers.with(|a| a.carrier.clone()))
            on_input=Callback::new(move |v| answers.update(|a| a.carrier = v))
            error=ctl.error_for(Field::Carrier)
        />
        <datalist id=list_id>{options}</datalist>
        <TextField
            id=ctl.id(Field::MemberId)
            label=t::MEMBER_ID
            hint=t::MEMBER_ID_HINT
            optional=true
            autocomplete="off"
            value=Signal::derive(move || answers.with(|a| a.member_id.clone()))
            on_input=Callback::new(move |v| answers.update(|a| a.member_id = v))
            error=ctl.error_for(Field::MemberId)
        />
        <Checkbox
            id=ctl.id(Field::NoInsurance)
            label=t::NO_INSURANCE
            checked=Signal::derive(move || answers.with(|a| a.no_insurance))
            on_change=Callback::new(move |on| answers.update(|a| a.no_insurance = on))
        />
    }
    .into_any()
}
