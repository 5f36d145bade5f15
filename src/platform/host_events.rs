//! What a widget tells the partner's page, for its analytics: DOM
//! `CustomEvent`s on the widget's element (`bubbles`, `composed`). The
//! names and details are documented in the README; nothing a visitor typed
//! or chose about themselves is ever in one (only ids the content defines,
//! step numbers and outcomes).
//!
//! Components that report take [`use_host_events`] once, when they are
//! created; the widget mount provides it, the page does not, so on the
//! page every report is dropped.

use leptos::prelude::*;

/// One report to the host page.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum HostEvent {
    /// The insurance checker gave an answer (once typing paused).
    CheckerAnswered {
        outcome: CheckerOutcome,
        /// The in-network carrier's id from `carriers.toml`, if any.
        carrier: Option<&'static str>,
    },
    /// A form showed step `step` of `of`.
    FormStep {
        form: &'static str,
        step: u8,
        of: u8,
    },
    /// The backend took a form's message.
    FormSent { form: &'static str },
    /// A form's message was not taken.
    FormFailed {
        form: &'static str,
        reason: FailReason,
    },
}

/// How the checker answered.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CheckerOutcome {
    InNetwork,
    NotInNetwork,
    CouldNotTell,
}

/// Why a form's message was not taken.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FailReason {
    /// No connection.
    Network,
    /// The backend did not answer in time.
    Timeout,
    /// The backend answered with an error.
    Rejected,
    /// The backend refused some answers (the form shows which).
    Invalid,
}

impl CheckerOutcome {
    pub const fn id(self) -> &'static str {
        match self {
            CheckerOutcome::InNetwork => "in-network",
            CheckerOutcome::NotInNetwork => "not-in-network",
            CheckerOutcome::CouldNotTell => "could-not-tell",
        }
    }
}

impl FailReason {
    pub const fn id(self) -> &'static str {
        match self {
            FailReason::Network => "network",
            FailReason::Timeout => "timeout",
            FailReason::Rejected => "rejected",
            FailReason::Invalid => "invalid",
        }
    }
}

/// Every event name, for the README and tests.
pub const NAMES: [&str; 6] = [
    "aa-widget-ready",
    "aa-widget-failed",
    "aa-checker-answered",
    "aa-form-step",
    "aa-form-sent",
    "aa-form-failed",
];

impl HostEvent {
    /// The `CustomEvent`'s type.
    pub const fn name(&self) -> &'static str {
        match self {
            HostEvent::CheckerAnswered { .. } => "aa-checker-answered",
            HostEvent::FormStep { .. } => "aa-form-step",
            HostEvent::FormSent { .. } => "aa-form-sent",
            HostEvent::FormFailed { .. } => "aa-form-failed",
        }
    }

    /// The `CustomEvent`'s `detail`: its fields, in the README's order.
    pub fn detail(&self) -> Vec<(&'static str, Detail)> {
        match *self {
            HostEvent::CheckerAnswered { outcome, carrier } => vec![
                ("outcome", Detail::Text(outcome.id())),
                ("carrier", carrier.map_or(Detail::Null, Detail::Text)),
            ],
            HostEvent::FormStep { form, step, of } => vec![
                ("form", Detail::Text(form)),
                ("step", Detail::Number(step)),
                ("of", Detail::Number(of)),
            ],
            HostEvent::FormSent { form } => vec![("form", Detail::Text(form))],
            HostEvent::FormFailed { form, reason } => vec![
                ("form", Detail::Text(form)),
                ("reason", Detail::Text(reason.id())),
            ],
        }
    }
}

/// A value in an event's `detail`: ids the content or the code defines,
/// and small numbers. There is no variant for what a visitor wrote.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Detail {
    Text(&'static str),
    Number(u8),
    Null,
}

/// Where a mounted widget's reports go; provided by the widget mount.
#[derive(Clone, Copy)]
pub struct HostEvents(pub Callback<HostEvent>);

impl HostEvents {
    pub fn emit(self, event: HostEvent) {
        self.0.run(event);
    }
}

/// The reports' destination around the calling component, if it is in a
/// widget. Call it when the component is created, not in a handler.
pub fn use_host_events() -> Option<HostEvents> {
    // Only a widget's build has a host to tell: the page's modules leave
    // the reporting code out.
    if !cfg!(feature = "widget") {
        return None;
    }
    use_context::<HostEvents>()
}

/// Reports `event` if `events` is a widget's.
pub fn emit(events: Option<HostEvents>, event: HostEvent) {
    if let Some(events) = events {
        events.emit(event);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn details_carry_ids_and_numbers_only() {
        use Detail::*;
        let cases = [
            (
                HostEvent::CheckerAnswered {
                    outcome: CheckerOutcome::InNetwork,
                    carrier: Some("aetna"),
                },
                vec![("outcome", Text("in-network")), ("carrier", Text("aetna"))],
            ),
            (
                HostEvent::CheckerAnswered {
                    outcome: CheckerOutcome::CouldNotTell,
                    carrier: None,
                },
                vec![("outcome", Text("could-not-tell")), ("carrier", Null)],
            ),
            (
                HostEvent::FormStep {
                    form: "contact",
                    step: 2,
                    of: 5,
                },
                vec![
                    ("form", Text("contact")),
                    ("step", Number(2)),
                    ("of", Number(5)),
                ],
            ),
            (
                HostEvent::FormSent { form: "book" },
                vec![("form", Text("book"))],
            ),
            (
                HostEvent::FormFailed {
                    form: "contact",
                    reason: FailReason::Timeout,
                },
                vec![("form", Text("contact")), ("reason", Text("timeout"))],
            ),
        ];
        for (event, detail) in cases {
            assert_eq!(event.detail(), detail);
            assert!(NAMES.contains(&event.name()), "{}", event.name());
        }
    }
}
