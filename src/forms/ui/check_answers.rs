//! Step 5: check your answers, change any, then send.

use leptos::prelude::*;

use super::controller::FormCtl;
use super::step_details::{method_label, time_label};
use super::step_who::concern_label;
use crate::forms::context::use_form_content;
use crate::forms::rules::answers::{Answers, Who};
use crate::forms::rules::{phone, Field};

/// A summary list of every answer with a "Change" link to its step; after
/// the change, Continue comes straight back here.
#[component]
pub fn CheckAnswers(
    /// The form's state.
    ctl: FormCtl,
) -> impl IntoView {
    let t = use_form_content().text.contact;
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
                        t.not_given.to_string(),
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
                                {t.change}
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
    let t = use_form_content().text.contact;
    let phone = match a.phone.trim() {
        "" => String::new(),
        raw => phone::normalize_us(raw)
            .map(|e164| phone::display_us(&e164))
            .unwrap_or_else(|_| raw.to_string()),
    };
    let insurance = match (a.carrier.trim(), a.no_insurance) {
        ("", true) => t.no_insurance_answer.to_string(),
        (carrier, _) => carrier.to_string(),
    };
    vec![
        (
            t.answer_who,
            Field::Who,
            a.who
                .map(|w| match w {
                    Who::Me => t.who_me,
                    Who::SomeoneElse => t.who_someone,
                })
                .unwrap_or_default()
                .to_string(),
        ),
        (
            t.answer_concerns,
            Field::Concerns,
            a.concerns
                .iter()
                .map(|c| concern_label(*c))
                .collect::<Vec<_>>()
                .join(", "),
        ),
        (t.answer_name, Field::Name, a.name.trim().to_string()),
        (t.answer_phone, Field::Phone, phone),
        (t.answer_email, Field::Email, a.email.trim().to_string()),
        (
            t.answer_method,
            Field::ContactMethod,
            a.contact_method
                .map(method_label)
                .unwrap_or_default()
                .to_string(),
        ),
        (
            t.answer_time,
            Field::BestTime,
            time_label(a.best_time).to_string(),
        ),
        (t.answer_insurance, Field::Carrier, insurance),
        (
            t.answer_member_id,
            Field::MemberId,
            a.member_id.trim().to_string(),
        ),
        (
            t.answer_message,
            Field::Message,
            a.message.trim().to_string(),
        ),
        (
            t.answer_consent,
            Field::Consent,
            if a.consent { t.yes } else { "" }.to_string(),
        ),
    ]
}
