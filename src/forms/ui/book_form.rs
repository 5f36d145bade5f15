//! "Send me the free book": the one-step email form in the book offer.

use leptos::prelude::*;

use super::confirmation::Confirmation;
use super::controller::{ConfigState, FormCtl};
use super::error_summary::ErrorSummary;
use super::honeypot::Honeypot;
use super::send_status::SendStatus;
use super::text_field::TextField;
use super::unavailable::Unavailable;
use crate::forms::context::is_prerendering;
use crate::forms::context::use_form_content;
use crate::forms::rules::machine::SendState;
use crate::forms::rules::{Field, FormKind};

/// An email field and a button, on the same machinery as the contact form
/// (configuration, draft, idempotency, retries, offline queue).
#[component]
pub fn BookForm() -> impl IntoView {
    let text = use_form_content().text;
    let t = text.book;
    let ctl = FormCtl::new(FormKind::Book);
    ctl.start();
    let answers = ctl.answers;
    let unavailable = Memo::new(move |_| ctl.config.with(|c| *c == ConfigState::Unavailable));
    let delivered = Memo::new(move |_| matches!(ctl.send.get(), SendState::Delivered { .. }));
    let sending = move || ctl.send.get().is_sending();
    move || {
        if unavailable.get() {
            view! { <Unavailable/> }.into_any()
        } else if delivered.get() {
            view! { <Confirmation ctl=ctl/> }.into_any()
        } else {
            view! {
                <form
                    class="aa-form aa-form--book"
                    novalidate
                    inert=is_prerendering().then_some("")
                    data-ready=move || ctl.config.with(|c| matches!(c, ConfigState::Ready(_))).then_some("true")
                    aria-label=t.send
                    on:submit=move |ev| {
                        ev.prevent_default();
                        ctl.submit();
                    }
                    on:input=move |_| ctl.touch()
                >
                    <ErrorSummary kind=ctl.kind errors=ctl.errors/>
                    <TextField
                        id=ctl.id(Field::Email)
                        label=t.email
                        hint=t.email_hint
                        input_type="email"
                        autocomplete="email"
                        value=Signal::derive(move || answers.with(|a| a.email.clone()))
                        on_input=Callback::new(move |v| answers.update(|a| a.email = v))
                        error=ctl.error_for(Field::Email)
                    />
                    <SendStatus ctl=ctl/>
                    <div class="aa-form__actions">
                        <button type="submit" class="aa-button" aria-disabled=move || sending().then_some("true")>
                            {move || if sending() { text.contact.sending } else { t.send }}
                        </button>
                    </div>
                    <Honeypot kind=ctl.kind value=ctl.honeypot/>
                </form>
            }
            .into_any()
        }
    }
}
