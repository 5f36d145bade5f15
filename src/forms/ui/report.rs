//! What a form in a widget tells the partner's page (see
//! `crate::platform::host_events`): the step shown, and what became of a
//! message. Never an answer.

use leptos::prelude::*;

use super::controller::FormCtl;
use crate::forms::rules::machine::{Failure, SendState};
use crate::forms::rules::FormKind;
use crate::platform::host_events::{emit, FailReason, HostEvent};

impl FormCtl {
    /// Reports steps and outcomes while the form lives, if it is in a
    /// widget.
    pub(super) fn report_to_host(self) {
        let Some(host) = self.host else {
            return;
        };
        // Only the widgets' builds report (and carry the code for it).
        if !cfg!(feature = "widget") {
            return;
        }
        let kind = self.kind;
        Effect::new(move |_| {
            let step = self.step.get();
            emit(
                Some(host),
                HostEvent::FormStep {
                    form: kind.id(),
                    step,
                    of: kind.step_count(),
                },
            );
        });
        Effect::new(move |previous: Option<SendState>| {
            let next = self.send.get();
            if let Some(event) = previous.and_then(|previous| outcome_event(kind, previous, next)) {
                emit(Some(host), event);
            }
            next
        });
    }
}

/// The report, if any, when a form's sending state goes from `previous` to
/// `next`: sent once the backend took it; failed when a request came back
/// without that (refused answers put the form back to `Idle`).
pub fn outcome_event(kind: FormKind, previous: SendState, next: SendState) -> Option<HostEvent> {
    let form = kind.id();
    let failed = |reason| Some(HostEvent::FormFailed { form, reason });
    match (previous, next) {
        (SendState::Delivered { .. }, _) => None,
        (_, SendState::Delivered { .. }) => Some(HostEvent::FormSent { form }),
        (SendState::Sending { .. }, SendState::Failed(failure)) => failed(match failure {
            Failure::Network => FailReason::Network,
            Failure::Timeout => FailReason::Timeout,
            Failure::Server(_) | Failure::Rejected(_) => FailReason::Rejected,
        }),
        (SendState::Sending { .. }, SendState::Queued) => failed(FailReason::Network),
        (SendState::Sending { .. }, SendState::Idle) => failed(FailReason::Invalid),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const SENDING: SendState = SendState::Sending { from_queue: false };

    #[test]
    fn delivery_is_reported_once() {
        let delivered = SendState::Delivered { was_queued: false };
        assert_eq!(
            outcome_event(FormKind::Contact, SENDING, delivered),
            Some(HostEvent::FormSent { form: "contact" })
        );
        assert_eq!(outcome_event(FormKind::Contact, delivered, delivered), None);
        assert_eq!(
            outcome_event(FormKind::Contact, delivered, SendState::Idle),
            None
        );
    }

    #[test]
    fn each_failure_names_its_reason() {
        let cases = [
            (SendState::Failed(Failure::Network), FailReason::Network),
            (SendState::Failed(Failure::Timeout), FailReason::Timeout),
            (
                SendState::Failed(Failure::Server(503)),
                FailReason::Rejected,
            ),
            (
                SendState::Failed(Failure::Rejected(403)),
                FailReason::Rejected,
            ),
            (SendState::Queued, FailReason::Network),
            (SendState::Idle, FailReason::Invalid),
        ];
        for (next, reason) in cases {
            assert_eq!(
                outcome_event(FormKind::Book, SENDING, next),
                Some(HostEvent::FormFailed {
                    form: "book",
                    reason
                }),
                "{next:?}"
            );
        }
    }

    #[test]
    fn nothing_while_nothing_was_sent() {
        assert_eq!(
            outcome_event(FormKind::Contact, SendState::Idle, SendState::Idle),
            None
        );
        assert_eq!(
            outcome_event(FormKind::Contact, SendState::Idle, SENDING),
            None
        );
    }
}
