//! Step 2: contact details.

use leptos::prelude::*;

use super::checkbox::Checkbox;
use super::choice_group::{Choice, ChoiceGroup};
use super::controller::FormCtl;
use super::text_field::TextField;
use crate::forms::context::use_form_content;
use crate::forms::rules::answers::{BestTime, ContactMethod};
use crate::forms::rules::Field;

/// Name, phone, email, how and when to reach them, and "remember me".
#[component]
pub fn StepDetails(
    /// The form's state.
    ctl: FormCtl,
) -> impl IntoView {
    let t = use_form_content().text.contact;
    let answers = ctl.answers;
    let methods = ContactMethod::ALL
        .iter()
        .map(|&m| Choice {
            value: m.code(),
            label: method_label(m),
        })
        .collect();
    let time_id = ctl.id(Field::BestTime);
    let times = BestTime::ALL
        .into_iter()
        .map(|time| {
            view! {
                <option value=time.code() prop:selected=move || answers.with(|a| a.best_time == time)>
                    {time_label(time)}
                </option>
            }
        })
        .collect_view();
    view! {
        <TextField
            id=ctl.id(Field::Name)
            label=t.name
            autocomplete="name"
            value=Signal::derive(move || answers.with(|a| a.name.clone()))
            on_input=Callback::new(move |v| answers.update(|a| a.name = v))
            error=ctl.error_for(Field::Name)
        />
        <TextField
            id=ctl.id(Field::Phone)
            label=t.phone
            hint=t.phone_hint
            input_type="tel"
            autocomplete="tel"
            inputmode="tel"
            value=Signal::derive(move || answers.with(|a| a.phone.clone()))
            on_input=Callback::new(move |v| answers.update(|a| a.phone = v))
            error=ctl.error_for(Field::Phone)
        />
        <TextField
            id=ctl.id(Field::Email)
            label=t.email
            input_type="email"
            autocomplete="email"
            value=Signal::derive(move || answers.with(|a| a.email.clone()))
            on_input=Callback::new(move |v| answers.update(|a| a.email = v))
            error=ctl.error_for(Field::Email)
        />
        <ChoiceGroup
            id=ctl.id(Field::ContactMethod)
            legend=t.method_legend
            choices=methods
            selected=Signal::derive(move || answers.with(|a| a.contact_method.map(|m| m.code()).into_iter().collect()))
            on_toggle=Callback::new(move |(code, _): (&'static str, bool)| {
                answers.update(|a| a.contact_method = ContactMethod::ALL.into_iter().find(|m| m.code() == code));
            })
            error=ctl.error_for(Field::ContactMethod)
        />
        <div class="aa-field">
            <label class="aa-field__label" for=time_id.clone()>
                {t.best_time}
                <span class="aa-field__optional">" " {t.optional}</span>
            </label>
            <select
                class="aa-input aa-field__select"
                id=time_id.clone()
                name=time_id
                on:change=move |ev| {
                    if let Some(time) = BestTime::from_code(&event_target_value(&ev)) {
                        answers.update(|a| a.best_time = time);
                    }
                }
            >
                {times}
            </select>
        </div>
        // A widget keeps nothing in its host's localStorage, where
        // "remember me" would put the draft.
        {(!cfg!(feature = "widget")).then(|| view! {
            <Checkbox
                id=format!("{}-remember", ctl.kind.id())
                label=t.remember
                checked=Signal::derive(move || answers.with(|a| a.remember))
                on_change=Callback::new(move |on| answers.update(|a| a.remember = on))
            >
                {t.remember_hint}
            </Checkbox>
        })}
    }
    .into_any()
}

/// How a contact method is shown.
pub fn method_label(method: ContactMethod) -> &'static str {
    let t = use_form_content().text.contact;
    match method {
        ContactMethod::Call => t.method_call,
        ContactMethod::Text => t.method_text,
        ContactMethod::Email => t.method_email,
    }
}

/// How a best time is shown.
pub fn time_label(time: BestTime) -> &'static str {
    let t = use_form_content().text.contact;
    match time {
        BestTime::Any => t.time_any,
        BestTime::Morning => t.time_morning,
        BestTime::Afternoon => t.time_afternoon,
        BestTime::Evening => t.time_evening,
    }
}
