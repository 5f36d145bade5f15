//! What the visitor is told while a submission is on its way: sending,
//! queued while offline, failed (with Try again), or "please confirm".

use leptos::prelude::*;

use super::controller::{ids, ConfigState, FormCtl};
use super::phone_number::PhoneNumber;
use crate::forms::context::use_form_content;
use crate::forms::rules::machine::{Failure, SendState};

/// Two live regions that are always in the page (so screen readers hear
/// what is put in them): a polite status for progress and the queue, and
/// an alert for failures and the confirmation request.
#[component]
pub fn SendStatus(
    /// The form's state.
    ctl: FormCtl,
) -> impl IntoView {
    let text = use_form_content().text;
    let t = text.status;
    let send = ctl.send;
    let progress = move || match send.get() {
        SendState::Sending { .. } => {
            Some(view! { <p class="aa-form__progress-text">{text.contact.sending}</p> }.into_any())
        }
        SendState::Queued => {
            // Kept by the service worker: it leaves even if the page closes.
            let saved = ctl
                .pending
                .with(|p| p.as_ref().is_some_and(|p| p.in_outbox));
            let text = if saved { t.queued_saved } else { t.queued };
            Some(
                view! {
                    <div class="aa-notice aa-notice--waiting">
                        <h4 class="aa-notice__heading">{t.queued_heading}</h4>
                        <p class="aa-notice__text">{text} " " <PhoneNumber/> "."</p>
                    </div>
                }
                .into_any(),
            )
        }
        _ if ctl.waiting_for_config.get() && ctl.config.with(|c| *c == ConfigState::Loading) => {
            Some(view! { <p class="aa-form__progress-text">{t.loading}</p> }.into_any())
        }
        _ => None,
    };
    let alert = move || {
        if let SendState::Failed(failure) = send.get() {
            let reason = match failure {
                Failure::Network => t.network,
                Failure::Timeout => t.timeout,
                Failure::Server(_) => t.server,
                Failure::Rejected(_) => t.rejected,
            };
            Some(
                view! {
                    <div class="aa-notice aa-notice--error">
                        <h4 class="aa-notice__heading">{t.failed_heading}</h4>
                        <p class="aa-notice__text">{reason}</p>
                        <p class="aa-notice__text">{t.kept} " " <PhoneNumber/> "."</p>
                        <button type="button" class="aa-button" on:click=move |_| ctl.send_now()>
                            {t.try_again}
                        </button>
                    </div>
                }
                .into_any(),
            )
        } else if ctl.confirm.get() {
            Some(
                view! {
                    <div class="aa-notice">
                        <h4 class="aa-notice__heading">{t.confirm_heading}</h4>
                        <p class="aa-notice__text">{t.confirm}</p>
                    </div>
                }
                .into_any(),
            )
        } else {
            None
        }
    };
    view! {
        <div class="aa-form__live" id=ids::notice(ctl.kind) tabindex="-1">
            <div role="status">{progress}</div>
            <div role="alert">{alert}</div>
        </div>
    }
    .into_any()
}
