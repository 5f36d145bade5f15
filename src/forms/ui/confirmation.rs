//! What the visitor sees once the backend has the message.

use leptos::prelude::*;

use super::controller::{ids, ConfigState, FormCtl};
use super::phone_number::PhoneNumber;
use crate::forms::context::use_form_content;
use crate::forms::rules::answers::ContactMethod;
use crate::forms::rules::config::Success;
use crate::forms::rules::machine::SendState;
use crate::forms::rules::FormKind;

/// "Message sent" (or "delivered", after waiting offline), what happens
/// next for the chosen contact method, the phone number, and the
/// deployer's own success message if any.
#[component]
pub fn Confirmation(
    /// The form's state.
    ctl: FormCtl,
) -> impl IntoView {
    let book = use_form_content().text.book;
    let t = use_form_content().text.contact;
    let kind = ctl.kind;
    let was_queued = matches!(
        ctl.send.get_untracked(),
        SendState::Delivered { was_queued: true }
    );
    let heading = match (kind, was_queued) {
        (FormKind::Book, _) => book.sent_heading,
        (_, true) => t.delivered_heading,
        (_, false) => t.sent_heading,
    };
    let next = match kind {
        FormKind::Book => book.sent,
        FormKind::Contact => match ctl.answers.with_untracked(|a| a.contact_method) {
            Some(ContactMethod::Text) => t.next_text,
            Some(ContactMethod::Email) => t.next_email,
            _ => t.next_call,
        },
    };
    let custom = ctl.config.with_untracked(|c| match c {
        ConfigState::Ready(config) => match &config.success {
            Some(Success::Message(message)) => Some(message.clone()),
            _ => None,
        },
        _ => None,
    });
    view! {
        <div class="aa-confirmation">
            <h3 class="aa-confirmation__heading" id=ids::done_heading(kind) tabindex="-1">{heading}</h3>
            <p>{next}</p>
            {custom.map(|message| view! { <p>{message}</p> })}
            <p>{t.next_now} " " <PhoneNumber/> "."</p>
            {(kind == FormKind::Contact)
                .then(|| {
                    view! {
                        <button type="button" class="aa-button aa-button--secondary" on:click=move |_| ctl.start_over()>
                            {t.send_another}
                        </button>
                    }
                })}
        </div>
    }
    .into_any()
}
