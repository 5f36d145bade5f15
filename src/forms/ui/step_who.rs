//! Step 1: who needs help, and with what.

use leptos::prelude::*;

use super::choice_group::{Choice, ChoiceGroup};
use super::controller::FormCtl;
use crate::forms::context::use_form_content;
use crate::forms::rules::answers::{Concern, Who};
use crate::forms::rules::Field;

/// Who the enquiry is for (radios) and what it is about (checkboxes).
#[component]
pub fn StepWho(
    /// The form's state.
    ctl: FormCtl,
) -> impl IntoView {
    let t = use_form_content().text.contact;
    let answers = ctl.answers;
    let who_label = |who: Who| match who {
        Who::Me => t.who_me,
        Who::SomeoneElse => t.who_someone,
    };
    let who = Who::ALL
        .iter()
        .map(|&w| Choice {
            value: w.code(),
            label: who_label(w),
        })
        .collect();
    let concerns = Concern::ALL
        .iter()
        .map(|&c| Choice {
            value: c.code(),
            label: concern_label(c),
        })
        .collect();
    view! {
        <ChoiceGroup
            id=ctl.id(Field::Who)
            legend=t.who_legend
            choices=who
            selected=Signal::derive(move || answers.with(|a| a.who.map(|w| w.code()).into_iter().collect()))
            on_toggle=Callback::new(move |(code, _): (&'static str, bool)| {
                answers.update(|a| a.who = Who::ALL.into_iter().find(|w| w.code() == code));
            })
            error=ctl.error_for(Field::Who)
        />
        <ChoiceGroup
            id=ctl.id(Field::Concerns)
            legend=t.concerns_legend
            hint=t.concerns_hint
            multiple=true
            choices=concerns
            selected=Signal::derive(move || answers.with(|a| a.concerns.iter().map(|c| c.code()).collect()))
            on_toggle=Callback::new(move |(code, on): (&'static str, bool)| {
                if let Some(concern) = Concern::ALL.into_iter().find(|c| c.code() == code) {
                    answers.update(|a| a.set_concern(concern, on));
                }
            })
            error=ctl.error_for(Field::Concerns)
        />
    }
    .into_any()
}

/// How a concern is shown.
pub fn concern_label(concern: Concern) -> &'static str {
    let t = use_form_content().text.contact;
    match concern {
        Concern::Drugs => t.concern_drugs,
        Concern::Alcohol => t.concern_alcohol,
        Concern::MentalHealth => t.concern_mental_health,
    }
}
