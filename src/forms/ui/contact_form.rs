//! The contact form at `#contact`: five steps, check answers, send.

use leptos::prelude::*;

use super::carrier_prefill::CarrierPrefill;
use super::check_answers::CheckAnswers;
use super::confirmation::Confirmation;
use super::controller::{ids, ConfigState, FormCtl};
use super::error_summary::ErrorSummary;
use super::honeypot::Honeypot;
use super::phone_number::PhoneNumber;
use super::send_status::SendStatus;
use super::step_details::StepDetails;
use super::step_insurance::StepInsurance;
use super::step_message::StepMessage;
use super::step_who::StepWho;
use super::unavailable::Unavailable;
use crate::content::template::fill;
use crate::forms::context::is_prerendering;
use crate::forms::context::use_form_content;
use crate::forms::rules::machine::SendState;
use crate::forms::rules::{FormKind, StepKind};

/// "Send Us a Message": the multi-step form, or the confirmation once
/// sent, or a request to call when the backend is not configured.
#[component]
pub fn ContactForm() -> impl IntoView {
    let t = use_form_content().text.contact;
    let ctl = FormCtl::new(FormKind::Contact);
    ctl.start();
    let unavailable = Memo::new(move |_| ctl.config.with(|c| *c == ConfigState::Unavailable));
    let delivered = Memo::new(move |_| matches!(ctl.send.get(), SendState::Delivered { .. }));
    let body = move || {
        if unavailable.get() {
            view! { <Unavailable/> }.into_any()
        } else if delivered.get() {
            view! { <Confirmation ctl=ctl/> }.into_any()
        } else {
            view! { <StepsForm ctl=ctl/> }.into_any()
        }
    };
    view! {
        <section id="contact" class="aa-contact" aria-labelledby="contact-heading">
            <h2 id="contact-heading" class="aa-contact__heading">{t.heading}</h2>
            <p class="aa-contact__intro">{t.intro}</p>
            <p class="aa-contact__call">{t.call_instead} " " <PhoneNumber/> "."</p>
            <CarrierPrefill/>
            {body}
        </section>
    }
    .into_any()
}

/// The `<form>` with the current step.
#[component]
fn StepsForm(
    /// The form's state.
    ctl: FormCtl,
) -> impl IntoView {
    let t = use_form_content().text.contact;
    let kind = ctl.kind;
    let total = kind.step_count();
    let step_kind = ctl.step_kind();
    let heading = move || match step_kind.get() {
        Some(StepKind::Who) => t.step_who,
        Some(StepKind::Details) => t.step_details,
        Some(StepKind::Insurance) => t.step_insurance,
        Some(StepKind::Message) => t.step_message,
        _ => t.step_check,
    };
    let fields = move || match step_kind.get() {
        Some(StepKind::Who) => view! { <StepWho ctl=ctl/> }.into_any(),
        Some(StepKind::Details) => view! { <StepDetails ctl=ctl/> }.into_any(),
        Some(StepKind::Insurance) => view! { <StepInsurance ctl=ctl/> }.into_any(),
        Some(StepKind::Message) => view! { <StepMessage ctl=ctl/> }.into_any(),
        _ => view! { <CheckAnswers ctl=ctl/> }.into_any(),
    };
    let is_last = move || ctl.step.get() == total;
    let sending = move || ctl.send.get().is_sending();
    let button = move || {
        if sending() {
            t.sending
        } else if is_last() {
            t.send
        } else {
            t.r#continue
        }
    };
    view! {
        <form
            class="aa-form"
            novalidate
            inert=is_prerendering().then_some("")
            data-ready=move || ctl.config.with(|c| matches!(c, ConfigState::Ready(_))).then_some("true")
            on:submit=move |ev| {
                ev.prevent_default();
                ctl.submit();
            }
            on:input=move |_| ctl.touch()
            on:change=move |_| ctl.touch()
        >
            <ErrorSummary kind=kind errors=ctl.errors/>
            {move || {
                (ctl.step.get() > 1)
                    .then(|| {
                        view! {
                            <button type="button" class="aa-form__back" on:click=move |_| ctl.back()>
                                {t.back}
                            </button>
                        }
                    })
            }}
            <h3 class="aa-form__heading" id=ids::step_heading(kind) tabindex="-1">
                <span class="aa-form__caption">{move || fill(t.progress, &[("n", &ctl.step.get().to_string()), ("total", &total.to_string())])}</span>
                " "
                {heading}
            </h3>
            {fields}
            <SendStatus ctl=ctl/>
            <div class="aa-form__actions">
                <button type="submit" class="aa-button" aria-disabled=move || sending().then_some("true")>
                    {button}
                </button>
            </div>
            <Honeypot kind=kind value=ctl.honeypot/>
        </form>
    }
    .into_any()
}
