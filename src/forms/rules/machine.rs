//! Sending: what a backend's reply means, and the states a submission goes
//! through (sending, failed, queued while offline, delivered).

use serde::Deserialize;

use super::answers::FormKind;
use super::config::FormConfig;
use super::validate::FieldError;

/// Why a submission has not been delivered; every one can be retried.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Failure {
    /// No reply: connection refused, DNS, CORS, or the network is down.
    Network,
    /// No reply within the configured time.
    Timeout,
    /// A 5xx (or 408/429): the backend's problem, worth retrying.
    Server(u16),
    /// Another 4xx without errors we can show next to the answers.
    Rejected(u16),
}

/// What one request came to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Outcome {
    Delivered,
    /// The backend named problems (Formspree-style `errors`); shown like
    /// the form's own validation, on the step of each field.
    Invalid(Vec<FieldError>),
    Failed(Failure),
}

#[derive(Deserialize)]
struct ErrorReply {
    #[serde(default)]
    errors: Vec<ErrorEntry>,
}

#[derive(Deserialize)]
struct ErrorEntry {
    #[serde(default)]
    field: Option<String>,
    #[serde(default)]
    message: Option<String>,
}

/// Reads a reply: any 2xx is success; a 4xx whose JSON body has
/// `{"errors": [{"field", "message"}]}` names problems (fields mapped back
/// through the configuration); anything else is a [`Failure`].
pub fn classify(status: u16, body: &str, config: &FormConfig) -> Outcome {
    match status {
        200..=299 => Outcome::Delivered,
        408 | 429 | 500..=599 => Outcome::Failed(Failure::Server(status)),
        400..=499 => {
            let errors: Vec<FieldError> = serde_json::from_str::<ErrorReply>(body)
                .map(|reply| reply.errors)
                .unwrap_or_default()
                .into_iter()
                .filter_map(|entry| {
                    let message = entry.message.filter(|m| !m.trim().is_empty())?;
                    let field = entry
                        .field
                        .as_deref()
                        .and_then(|f| config.field_for_wire(f));
                    let message = match (field, entry.field) {
                        (None, Some(name)) if !name.is_empty() => format!("{name}: {message}"),
                        _ => message,
                    };
                    Some(FieldError { field, message })
                })
                .collect();
            if errors.is_empty() {
                Outcome::Failed(Failure::Rejected(status))
            } else {
                Outcome::Invalid(errors)
            }
        }
        _ => Outcome::Failed(Failure::Server(status)),
    }
}

/// Keeps only the errors about fields `form` asks, plus general ones.
pub fn errors_for(form: FormKind, errors: Vec<FieldError>) -> Vec<FieldError> {
    errors
        .into_iter()
        .map(|e| match e.field {
            Some(field) if form.step_of(field).is_none() => FieldError {
                field: None,
                message: e.message,
            },
            _ => e,
        })
        .collect()
}

/// Where a submission is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum SendState {
    /// Not sent (or sent and refused with errors to fix).
    #[default]
    Idle,
    /// A request is under way; `from_queue` if it was waiting for the network.
    Sending {
        from_queue: bool,
    },
    Failed(Failure),
    /// Offline: waiting for the connection to come back.
    Queued,
    /// The backend confirmed; `was_queued` if it waited for the network.
    Delivered {
        was_queued: bool,
    },
}

impl SendState {
    /// The visitor pressed Send (or Try again). Returns the next state and
    /// whether to start a request: never a second one while one is under
    /// way or after delivery, so a double click sends once.
    pub fn on_send(self, online: bool) -> (SendState, bool) {
        match self {
            SendState::Sending { .. } | SendState::Delivered { .. } => (self, false),
            _ if !online => (SendState::Queued, false),
            _ => (SendState::Sending { from_queue: false }, true),
        }
    }

    /// The browser came back online: a queued submission goes out.
    pub fn on_online(self) -> (SendState, bool) {
        match self {
            SendState::Queued => (SendState::Sending { from_queue: true }, true),
            _ => (self, false),
        }
    }

    /// A request finished with `outcome`; `online` is the browser's state
    /// now, so a network failure while offline queues instead of failing.
    pub fn on_outcome(self, outcome: &Outcome, online: bool) -> SendState {
        let from_queue = matches!(self, SendState::Sending { from_queue: true });
        match outcome {
            Outcome::Delivered => SendState::Delivered {
                was_queued: from_queue,
            },
            Outcome::Invalid(_) => SendState::Idle,
            Outcome::Failed(Failure::Network) if !online => SendState::Queued,
            Outcome::Failed(failure) => SendState::Failed(*failure),
        }
    }

    /// Whether a request is under way.
    pub fn is_sending(self) -> bool {
        matches!(self, SendState::Sending { .. })
    }
}

/// Whether to ask the visitor to confirm before sending: the hidden field
/// was filled (a bot, or an over-eager autofill) or the form was completed
/// faster than a person types. Never a silent block: the visitor is told
/// and the next press sends.
pub fn needs_confirmation(honeypot: &str, started_ms: f64, now_ms: f64, min_fill_ms: u32) -> bool {
    !honeypot.is_empty() || now_ms - started_ms < f64::from(min_fill_ms)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::forms::rules::answers::Field;
    use crate::forms::rules::config::parse;

    fn config() -> FormConfig {
        parse(
            r#"{"endpoint": "/", "fields": {"email": "_replyto"}}"#,
            FormKind::Contact,
        )
        .unwrap()
    }

    #[test]
    fn any_2xx_is_delivered() {
        for status in [200, 201, 202, 204] {
            assert_eq!(classify(status, "", &config()), Outcome::Delivered);
        }
        assert_eq!(classify(200, "not json", &config()), Outcome::Delivered);
    }

    #[test]
    fn server_errors_are_retryable_failures() {
        assert_eq!(
            classify(500, "", &config()),
            Outcome::Failed(Failure::Server(500))
        );
        assert_eq!(
            classify(503, "{}", &config()),
            Outcome::Failed(Failure::Server(503))
        );
        assert_eq!(
            classify(429, "", &config()),
            Outcome::Failed(Failure::Server(429))
        );
        assert_eq!(
            classify(302, "", &config()),
            Outcome::Failed(Failure::Server(302))
        );
    }

    #[test]
    fn formspree_field_errors_map_back_to_fields() {
        let body = r#"{"error": "Validation errors", "errors": [
            {"field": "_replyto", "message": "should be an email", "code": "TYPE_EMAIL"},
            {"field": "mystery", "message": "is odd"},
            {"message": "form is closed"},
            {"field": "name"}
        ]}"#;
        assert_eq!(
            classify(422, body, &config()),
            Outcome::Invalid(vec![
                FieldError {
                    field: Some(Field::Email),
                    message: "should be an email".into()
                },
                FieldError {
                    field: None,
                    message: "mystery: is odd".into()
                },
                FieldError {
                    field: None,
                    message: "form is closed".into()
                },
            ])
        );
    }

    #[test]
    fn other_4xx_are_rejections() {
        assert_eq!(
            classify(403, "Forbidden", &config()),
            Outcome::Failed(Failure::Rejected(403))
        );
        assert_eq!(
            classify(400, r#"{"errors": []}"#, &config()),
            Outcome::Failed(Failure::Rejected(400))
        );
    }

    #[test]
    fn errors_about_fields_a_form_lacks_become_general() {
        let errors = vec![FieldError {
            field: Some(Field::Name),
            message: "x".into(),
        }];
        assert_eq!(errors_for(FormKind::Book, errors.clone())[0].field, None);
        assert_eq!(
            errors_for(FormKind::Contact, errors)[0].field,
            Some(Field::Name)
        );
    }

    #[test]
    fn double_send_starts_one_request() {
        let (state, start) = SendState::Idle.on_send(true);
        assert!(start);
        assert_eq!(state.on_send(true), (state, false));
        let delivered = state.on_outcome(&Outcome::Delivered, true);
        assert_eq!(delivered, SendState::Delivered { was_queued: false });
        assert_eq!(delivered.on_send(true), (delivered, false));
    }

    #[test]
    fn failures_can_be_retried() {
        let sending = SendState::Sending { from_queue: false };
        for failure in [
            Failure::Network,
            Failure::Timeout,
            Failure::Server(500),
            Failure::Rejected(403),
        ] {
            let failed = sending.on_outcome(&Outcome::Failed(failure), true);
            assert_eq!(failed, SendState::Failed(failure));
            assert_eq!(failed.on_send(true), (sending, true));
        }
        assert_eq!(
            sending.on_outcome(&Outcome::Invalid(vec![]), true),
            SendState::Idle
        );
    }

    #[test]
    fn offline_queues_and_online_delivers() {
        let (queued, start) = SendState::Idle.on_send(false);
        assert_eq!((queued, start), (SendState::Queued, false));
        assert_eq!(queued.on_send(false), (SendState::Queued, false));
        let (sending, start) = queued.on_online();
        assert!(start);
        assert_eq!(
            sending.on_outcome(&Outcome::Delivered, true),
            SendState::Delivered { was_queued: true }
        );
        // Losing the network mid-request queues rather than fails.
        assert_eq!(
            SendState::Sending { from_queue: false }
                .on_outcome(&Outcome::Failed(Failure::Network), false),
            SendState::Queued
        );
        assert_eq!(SendState::Idle.on_online(), (SendState::Idle, false));
    }

    #[test]
    fn confirmation_for_bots_and_speed() {
        assert!(!needs_confirmation("", 0.0, 10_000.0, 3_000));
        assert!(needs_confirmation("http://spam", 0.0, 10_000.0, 3_000));
        assert!(needs_confirmation("", 0.0, 2_000.0, 3_000));
        assert!(!needs_confirmation("", 0.0, 0.0, 0));
    }
}
