//! Step 1: who needs help, and with what.

use leptos::prelude::*;

use super::choice_group::{Choice, ChoiceGroup};
use super::controller::FormCtl;
use crate::forms::rules::answers::{Concern, Who};
use crate::forms::rules::Field;
use crate::forms::text::contact as t;

/// Who the enquiry is for (radios) and what it is about (checkboxes).
#[component]
pub fn StepWho(
    /// The form's state.
    ctl: FormCtl,
) -> impl IntoView {
    let answers = ctl.answers;
    let who_label = |who: Who| match who {
        Who::Me => t::WHO_ME,
        Who::SomeoneElse => t::WHO_SOMEONE,
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
            legend=t::WHO_LEGEND
            choices=who
            selected=Signal::derive(move || answers.with(|a| a.who.map(|w| w.code()).into_iter().collect()))
            on_toggle=Callback::new(move |(code, _): (&'static str, bool)| {
                answers.update(|a| a.who = Who::ALL.into_iter().find(|w| w.code() == code));
            })
            error=ctl.error_for(Field::Who)
        />
        <ChoiceGroup
            id=ctl.id(Field::Concerns)
            legend=t::CONCERNS_LEGEND
            hint=t::CONCERNS_HINT
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
    match concern {
        Concern::Drugs => t::CONCERN_DRUGS,
        Concern::Alcohol => t::CONCERN_ALCOHOL,
        Concern::MentalHealth => t::CONCERN_MENTAL_HEALTH,
    }
}
