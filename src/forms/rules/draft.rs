//! What is kept in Web Storage between reloads: the answers, where the
//! visitor was, and a submission waiting to be (re)sent.

use serde::{Deserialize, Serialize};

use super::answers::{Answers, FormKind};

/// Bumped when the stored shape changes; older drafts are ignored.
pub const VERSION: u32 = 1;

/// The storage key of a form's draft (inside its [`crate::platform::storage::Store`]).
pub const KEY: &str = "draft";

/// A submission that was sent or queued and not yet confirmed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Pending {
    /// The idempotency key, reused by every retry of the same answers.
    pub key: String,
    /// Fingerprint of the body sent with this key.
    pub fingerprint: String,
    /// Waiting for the network to come back.
    pub queued: bool,
    /// Held by the service worker's outbox (`outbox.rs`), which sends it;
    /// the page then only asks it to try and listens for the outcome.
    #[serde(default)]
    pub in_outbox: bool,
}

/// A form's saved state.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Draft {
    pub version: u32,
    /// The step shown (1-based).
    pub step: u8,
    /// The furthest step reached, so Back/Forward in history cannot skip
    /// questions.
    pub reached: u8,
    /// The visitor came from "Change" on the check page: Continue returns there.
    pub checking: bool,
    pub answers: Answers,
    /// When the visitor started (ms since the epoch), for the minimum fill time.
    pub started_ms: Option<f64>,
    pub pending: Option<Pending>,
}

impl Draft {
    /// A fresh draft at step 1.
    pub fn new() -> Self {
        Draft {
            version: VERSION,
            step: 1,
            reached: 1,
            checking: false,
            answers: Answers::default(),
            started_ms: None,
            pending: None,
        }
    }

    /// The draft as stored.
    pub fn to_json(&self) -> String {
        serde_json::to_string(self).unwrap_or_default()
    }

    /// A stored draft for `form`, or `None` if it is unreadable or from
    /// another version; steps are clamped to the form's.
    pub fn from_json(text: &str, form: FormKind) -> Option<Draft> {
        let mut draft: Draft = serde_json::from_str(text).ok()?;
        if draft.version != VERSION {
            return None;
        }
        let last = form.step_count();
        draft.reached = draft.reached.clamp(1, last);
        draft.step = draft.step.clamp(1, draft.reached);
        Some(draft)
    }

    /// Whether there is anything worth keeping.
    pub fn is_worth_keeping(&self) -> bool {
        !self.answers.is_empty() || self.pending.is_some() || self.step > 1
    }
}

impl Default for Draft {
    fn default() -> Self {
        Draft::new()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::forms::rules::answers::Who;

    #[test]
    fn round_trips() {
        let mut draft = Draft::new();
        draft.step = 3;
        draft.reached = 4;
        draft.answers.who = Some(Who::Me);
        draft.answers.name = "Ada".into();
        draft.started_ms = Some(1.5e12);
        draft.pending = Some(Pending {
            key: "k".into(),
            fingerprint: "f".into(),
            queued: true,
            in_outbox: true,
        });
        let back = Draft::from_json(&draft.to_json(), FormKind::Contact).unwrap();
        assert_eq!(back, draft);
        assert!(back.is_worth_keeping());
        assert!(!Draft::new().is_worth_keeping());
    }

    #[test]
    fn unreadable_or_old_drafts_are_ignored() {
        assert_eq!(Draft::from_json("nonsense", FormKind::Contact), None);
        let mut old = Draft::new();
        old.version = 0;
        assert_eq!(Draft::from_json(&old.to_json(), FormKind::Contact), None);
    }

    #[test]
    fn steps_are_clamped_to_the_form() {
        let mut draft = Draft::new();
        draft.step = 9;
        draft.reached = 9;
        let back = Draft::from_json(&draft.to_json(), FormKind::Book).unwrap();
        assert_eq!((back.step, back.reached), (1, 1));
        draft.step = 5;
        draft.reached = 2;
        let back = Draft::from_json(&draft.to_json(), FormKind::Contact).unwrap();
        assert_eq!((back.step, back.reached), (2, 2));
    }

    #[test]
    fn missing_answer_fields_default() {
        let text = r#"{"version":1,"step":2,"reached":2,"checking":false,"answers":{"name":"Ada"},"started_ms":null,"pending":null}"#;
        let draft = Draft::from_json(text, FormKind::Contact).unwrap();
        assert_eq!(draft.answers.name, "Ada");
        assert_eq!(draft.answers.who, None);
    }
}
