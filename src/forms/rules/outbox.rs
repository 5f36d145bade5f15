//! The outbox: a submission that could not be sent is handed to the
//! service worker (`src/pwa/sw.js`), which keeps it in IndexedDB and sends
//! it when the connection is back, even with the page closed where the
//! browser has Background Sync. This is what goes in and what comes back;
//! `../outbox.rs` does the messaging.

use serde::{Deserialize, Serialize};

use super::answers::FormKind;
use super::config::FormConfig;
use super::encode::Body;

/// One request as the worker will make it: everything it needs, resolved
/// in the page (the worker has no configuration of its own).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Entry {
    /// The idempotency key: the entry's identity, and what the backend
    /// recognises a repeat by.
    pub key: String,
    /// Which form ([`FormKind::id`]), so a page asks only for its own.
    pub form: &'static str,
    /// The endpoint as configured, resolved against `page`.
    pub url: String,
    pub page: String,
    pub headers: Vec<(String, String)>,
    /// A text body, or
    pub body: String,
    /// multipart parts (the worker builds the `FormData`).
    pub parts: Option<Vec<(String, String)>>,
    /// The form's saved draft, so a visitor who comes back after the tab
    /// was closed gets their answers back if the backend refuses them.
    pub draft: String,
}

/// Every header of a submission: `Accept: application/json` (so
/// Formspree-style backends answer JSON rather than redirecting to a
/// page), the deployer's headers, the idempotency key's header if any, and
/// the body's type (multipart sets its own, with the boundary).
pub fn request_headers(config: &FormConfig, body: &Body, key: &str) -> Vec<(String, String)> {
    let mut headers = vec![("Accept".to_string(), "application/json".to_string())];
    headers.extend(config.headers.iter().cloned());
    if let Some(name) = &config.idempotency_header {
        headers.push((name.clone(), key.to_string()));
    }
    if let Body::Text { content_type, .. } = body {
        headers.push(("Content-Type".to_string(), (*content_type).to_string()));
    }
    headers
}

impl Entry {
    /// The entry for `body` sent with `key` by `form`.
    pub fn new(
        form: FormKind,
        config: &FormConfig,
        body: &Body,
        key: &str,
        page: &str,
        draft: String,
    ) -> Entry {
        let (text, parts) = match body {
            Body::Text { text, .. } => (text.clone(), None),
            Body::Parts(parts) => (String::new(), Some(parts.clone())),
        };
        Entry {
            key: key.to_string(),
            form: form.id(),
            url: config.endpoint.clone(),
            page: page.to_string(),
            headers: request_headers(config, body, key),
            body: text,
            parts,
            draft,
        }
    }
}

/// Where an entry is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum State {
    /// Waiting for the network.
    Queued,
    /// The backend confirmed it; the content is gone from the device.
    Delivered,
    /// The backend refused it with a 4xx: the visitor has to look again.
    Returned,
}

/// What the worker says of an entry (never its body).
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
pub struct Summary {
    pub key: String,
    pub form: String,
    pub state: State,
    /// For [`State::Returned`]: the backend's status and reply.
    #[serde(default)]
    pub status: Option<u16>,
    #[serde(default)]
    pub reply: Option<String>,
    /// For [`State::Returned`]: the draft handed in with the entry.
    #[serde(default)]
    pub draft: Option<String>,
}

/// A message from the worker to a page.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(tag = "type")]
pub enum Message {
    /// The entry with this key is stored.
    #[serde(rename = "aa-outbox-queued")]
    Queued { key: String },
    /// An entry was delivered or returned.
    #[serde(rename = "aa-outbox-result")]
    Result { entry: Summary },
    /// The entries of one form, as asked.
    #[serde(rename = "aa-outbox-list")]
    List { form: String, entries: Vec<Summary> },
}

impl Message {
    /// A message from its JSON; `None` for anything else (other scripts
    /// may message the page too).
    pub fn parse(json: &str) -> Option<Message> {
        serde_json::from_str(json).ok()
    }
}

/// Requests to the worker, as JSON.
pub mod request {
    use serde_json::json;

    use super::Entry;

    pub fn put(entry: &Entry) -> String {
        json!({ "type": "aa-outbox-put", "entry": entry }).to_string()
    }

    pub fn flush() -> String {
        json!({ "type": "aa-outbox-flush" }).to_string()
    }

    pub fn list(form: &str) -> String {
        json!({ "type": "aa-outbox-list", "form": form }).to_string()
    }

    pub fn forget(key: &str) -> String {
        json!({ "type": "aa-outbox-forget", "key": key }).to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::forms::rules::config::parse;

    fn config(extra: &str) -> FormConfig {
        parse(
            &format!(r#"{{"endpoint": "/api/form"{extra}}}"#),
            FormKind::Contact,
        )
        .unwrap()
    }

    #[test]
    fn headers_carry_accept_the_deployers_the_key_and_the_type() {
        let config =
            config(r#", "headers": {"X-Site": "a"}, "idempotency_header": "Idempotency-Key""#);
        let body = Body::Text {
            content_type: "application/json",
            text: "{}".into(),
        };
        let pairs = |v: &[(&str, &str)]| -> Vec<(String, String)> {
            v.iter()
                .map(|(a, b)| (a.to_string(), b.to_string()))
                .collect()
        };
        assert_eq!(
            request_headers(&config, &body, "k1"),
            pairs(&[
                ("Accept", "application/json"),
                ("X-Site", "a"),
                ("Idempotency-Key", "k1"),
                ("Content-Type", "application/json"),
            ])
        );
        let parts = Body::Parts(vec![("a".into(), "b".into())]);
        assert!(!request_headers(&config, &parts, "k1")
            .iter()
            .any(|(name, _)| name == "Content-Type"));
    }

    #[test]
    fn an_entry_is_what_the_worker_reads() {
        let body = Body::Parts(vec![("name".into(), "Ada".into())]);
        let entry = Entry::new(
            FormKind::Contact,
            &config(""),
            &body,
            "k1",
            "http://x/",
            "{}".into(),
        );
        let json: serde_json::Value = serde_json::from_str(&request::put(&entry)).unwrap();
        assert_eq!(json["type"], "aa-outbox-put");
        assert_eq!(json["entry"]["key"], "k1");
        assert_eq!(json["entry"]["form"], "contact");
        assert_eq!(json["entry"]["url"], "/api/form");
        assert_eq!(json["entry"]["body"], "");
        assert_eq!(json["entry"]["parts"][0][1], "Ada");
        assert_eq!(json["entry"]["headers"][0][0], "Accept");
    }

    #[test]
    fn reads_the_workers_messages_and_nothing_else() {
        assert_eq!(
            Message::parse(r#"{"type": "aa-outbox-queued", "key": "k1"}"#),
            Some(Message::Queued { key: "k1".into() })
        );
        let result = Message::parse(
            r#"{"type": "aa-outbox-result", "entry": {"key": "k1", "form": "contact", "state": "returned", "status": 422, "reply": "{}", "draft": "d"}}"#,
        );
        let Some(Message::Result { entry }) = result else {
            panic!("{result:?}");
        };
        assert_eq!(entry.state, State::Returned);
        assert_eq!(entry.status, Some(422));
        assert_eq!(
            Message::parse(
                r#"{"type": "aa-outbox-list", "form": "book", "entries": [{"key": "k", "form": "book", "state": "delivered"}]}"#
            ),
            Some(Message::List {
                form: "book".into(),
                entries: vec![Summary {
                    key: "k".into(),
                    form: "book".into(),
                    state: State::Delivered,
                    status: None,
                    reply: None,
                    draft: None,
                }],
            })
        );
        assert_eq!(Message::parse(r#"{"type": "other"}"#), None);
        assert_eq!(Message::parse("not json"), None);
    }
}
