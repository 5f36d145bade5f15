//! Step 5: check your answers, change any, then send.

use leptos::prelude::*;

use super::controller::FormCtl;
use super::step_details::{method_label, time_label};
use super::step_who::concern_label;
use crate::forms::rules::answers::{Answers, Who};
use crate::forms::rules::{phone, Field};
use crate::forms::text::contact as t;

/// A summary list of every answer with a "Change" link to its step; after
/// the change, Continue comes straight back here.
#[component]
pub fn CheckAnswers(
    /// The form's state.
    ctl: FormCtl,
) -> impl IntoView {
    let kind = ctl.kind;
    let rows = move || {
        let answers = ctl.answers.get();
        rows(&answers)
            .into_iter()
            .map(|(label, field, value)| {
                let step = kind.step_of(field).unwrap_or(1);
                let hidden = format!(" {}", label.to_lowercase());
                let (value, class) = if value.is_empty() {
                    (
                        t::NOT_GIVEN.to_string(),
                        "aa-summary__value aa-summary__value--empty",
                    )
                } else {
                    (value, "aa-summary__value")
                };
                view! {
                    <div class="aa-summary__row">
                        <dt class="aa-summary__key">{label}</dt>
                        <dd class=class>{value}</dd>
                        <dd class="aa-summary__actions">
                            <a
                                class="aa-summary__change"
                                href=format!("#{}", field.element_id(kind))
                                on:click=move |ev| {
                                    ev.prevent_default();
                                    ctl.change(step);
                                }
                            >
                                {t::CHANGE}
                                <span class="aa-form__visually-hidden">{hidden}</span>
                            </a>
                        </dd>
                    </div>
                }
            })
            .collect_view()
    };
    view! { <dl class="aa-summary">{rows}</dl> }
}

/// Label, field (for its step) and the answer as shown.
fn rows(a: &Answers) -> Vec<(&'static str, Field, String)> {
    let phone = match a.phone.trim() {
        "" => String::new(),
        raw => phone::normalize_us(raw)
            .map(|e164| phone::display_us(&e164))
            .unwrap_or_else(|_| raw.to_string()),
    };
    let insurance = match (a.carrier.trim(), a.no_insurance) {
        ("", true) => t::NO_INSURANCE_ANSWER.to_string(),
        (carrier, _) => carrier.to_string(),
    };
    vec![
        (
            t::ANSWER_WHO,
            Field::Who,
            a.who
                .map(|w| match w {
                    Who::Me => t::WHO_ME,
                    Who::SomeoneElse => t::WHO_SOMEONE,
                })
                .unwrap_or_default()
                .to_string(),
        ),
        (
            t::ANSWER_CONCERNS,
            Field::Concerns,
            a.concerns
                .iter()
                .map(|c| concern_label(*c))
                .collect::<Vec<_>>()
                .join(", "),
        ),
        (t::ANSWER_NAME, Field::Name, a.name.trim().to_string()),
        (t::ANSWER_PHONE, Field::Phone, phone),
        (t::ANSWER_EMAIL, Field::Email, a.email.trim().to_string()),
        (
            t::ANSWER_METHOD,
            Field::ContactMethod,
            a.contact_method
                .map(method_label)
                .unwrap_or_default()
                .to_string(),
        ),
        (
            t::ANSWER_TIME,
            Field::BestTime,
            time_label(a.best_time).to_string(),
        ),
        (t::ANSWER_INSURANCE, Field::Carrier, insurance),
        (
            t::ANSWER_MEMBER_ID,
            Field::MemberId,
            a.member_id.trim().to_string(),
        ),
        (
            t::ANSWER_MESSAGE,
            Field::Message,
            a.message.trim().to_string(),
        ),
        (
            t::ANSWER_CONSENT,
            Field::Consent,
            if a.consent { t::YES } else { "" }.to_string(),
        ),
    ]
}
