//! Where and how a form posts: the deployer's `form-config.json`, checked.
//!
//! Settings are first gathered as strings into a [`RawConfig`], from the
//! JSON file ([`parse`]) or, for embedded widgets, from attributes
//! ([`RawConfig::set`]), then checked once into a [`FormConfig`]. Every
//! problem is reported, not only the first, so a deployer fixes the file in
//! one go.
//!
//! ```json
//! {
//!   "endpoint": "https://formspree.io/f/abcdwxyz",
//!   "encoding": "json",
//!   "headers": { "X-Api-Key": "..." },
//!   "fields": { "email": "_replyto", "member_id": null },
//!   "extra_fields": { "form-name": "contact" },
//!   "honeypot": "_gotcha",
//!   "idempotency_header": "Idempotency-Key",
//!   "success": { "message": "Thanks!" },
//!   "timeout_seconds": 20,
//!   "min_fill_seconds": 3,
//!   "forms": { "book": { "endpoint": "https://formspree.io/f/other" } }
//! }
//! ```
//!
//! Top-level settings apply to every form; `forms.<id>` overrides them for
//! one form (`contact` or `book`).

use std::collections::BTreeMap;

use serde_json::Value;

use super::answers::{Field, FormKind};

/// How the submission is encoded in the request body.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Encoding {
    /// `application/json`, lists as arrays and yes/no as booleans.
    Json,
    /// `application/x-www-form-urlencoded`.
    UrlEncoded,
    /// `multipart/form-data`.
    Multipart,
}

impl Encoding {
    /// The name used in the configuration.
    pub fn name(self) -> &'static str {
        match self {
            Encoding::Json => "json",
            Encoding::UrlEncoded => "urlencoded",
            Encoding::Multipart => "multipart",
        }
    }

    fn parse(name: &str) -> Option<Encoding> {
        [Encoding::Json, Encoding::UrlEncoded, Encoding::Multipart]
            .into_iter()
            .find(|e| e.name() == name)
    }
}

/// What the visitor sees once the backend accepted the submission.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Success {
    /// Shown on the confirmation, after the built-in "what happens next".
    Message(String),
    /// Go to this page instead of showing the confirmation.
    Redirect(String),
}

/// The name of the field carrying the form's id (`contact`, `book`).
pub const FORM_FIELD: &str = "form";
/// The name of the field carrying the idempotency key.
pub const KEY_FIELD: &str = "idempotency_key";

/// Defaults for settings the deployer may leave out.
pub const DEFAULT_HONEYPOT: &str = "_gotcha";
pub const DEFAULT_IDEMPOTENCY_HEADER: &str = "Idempotency-Key";
pub const DEFAULT_TIMEOUT_SECONDS: u32 = 20;
pub const DEFAULT_MIN_FILL_SECONDS: u32 = 3;
const MAX_TIMEOUT_SECONDS: u32 = 120;
const MAX_MIN_FILL_SECONDS: u32 = 60;

/// A checked configuration for one form.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FormConfig {
    /// Absolute `http(s)` URL, or a path on this site (`/`, `/api/form`).
    pub endpoint: String,
    pub encoding: Encoding,
    /// Sent with every request, in addition to `Accept: application/json`.
    pub headers: Vec<(String, String)>,
    /// Canonical name -> name sent; `None` leaves the field out.
    names: BTreeMap<String, Option<String>>,
    /// Fixed fields added to every submission (e.g. Netlify's `form-name`).
    pub extra_fields: Vec<(String, String)>,
    /// Name of the hidden field people leave empty.
    pub honeypot: String,
    /// Header carrying the idempotency key; `None` sends it as a field only.
    pub idempotency_header: Option<String>,
    pub success: Option<Success>,
    pub timeout_ms: u32,
    pub min_fill_ms: u32,
}

impl FormConfig {
    /// The name sent for a canonical name ([`Field::key`], [`FORM_FIELD`],
    /// [`KEY_FIELD`]); `None` when the deployer left it out.
    pub fn wire_name<'a>(&'a self, canonical: &'a str) -> Option<&'a str> {
        match self.names.get(canonical) {
            Some(mapped) => mapped.as_deref(),
            None => Some(canonical),
        }
    }

    /// The field a name in the backend's reply refers to (the inverse of
    /// [`FormConfig::wire_name`]).
    pub fn field_for_wire(&self, wire: &str) -> Option<Field> {
        Field::ALL
            .into_iter()
            .find(|field| self.wire_name(field.key()) == Some(wire))
    }
}

/// A problem with the configuration, worded for the deployer.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ConfigError {
    #[error("form-config.json is not valid JSON: {0}")]
    NotJson(String),
    #[error("`{0}` must be a JSON object")]
    NotObject(String),
    #[error("unknown setting `{0}` (check its spelling)")]
    UnknownKey(String),
    #[error("`endpoint` is missing: set it to the URL that receives the form")]
    MissingEndpoint,
    #[error("`{key}` {problem}")]
    Invalid { key: String, problem: String },
}

fn invalid(key: &str, problem: impl Into<String>) -> ConfigError {
    ConfigError::Invalid {
        key: key.to_string(),
        problem: problem.into(),
    }
}

/// Settings as written, before checking; later sources override earlier ones
/// ([`RawConfig::merged`]).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct RawConfig {
    pub endpoint: Option<String>,
    pub encoding: Option<String>,
    pub headers: BTreeMap<String, String>,
    /// Canonical name -> name sent; an empty name leaves the field out.
    pub fields: BTreeMap<String, String>,
    pub extra_fields: BTreeMap<String, String>,
    pub honeypot: Option<String>,
    /// An empty value turns the header off.
    pub idempotency_header: Option<String>,
    pub success_message: Option<String>,
    pub success_redirect: Option<String>,
    pub timeout_seconds: Option<String>,
    pub min_fill_seconds: Option<String>,
}

impl RawConfig {
    /// Sets one setting by its attribute-style name, as an embed's
    /// attributes do (`src/forms/rules/embed.rs`): `endpoint`, `encoding`,
    /// `honeypot`, `idempotency-header`, `success-message`,
    /// `success-redirect`, `timeout-seconds`, `min-fill-seconds`, and the
    /// JSON objects `headers`, `fields` and `extra-fields`. Errors name the
    /// setting as `key`; the caller knows what it was called.
    pub fn set(&mut self, key: &str, value: &str) -> Result<(), ConfigError> {
        let map = match key {
            "headers" => Some(&mut self.headers),
            "fields" => Some(&mut self.fields),
            "extra-fields" => Some(&mut self.extra_fields),
            _ => None,
        };
        if let Some(map) = map {
            let entries = json_object(value, key == "fields")
                .ok_or_else(|| invalid(key, OBJECT_OF_STRINGS))?;
            map.extend(entries);
            return Ok(());
        }
        let slot = match key {
            "endpoint" => &mut self.endpoint,
            "encoding" => &mut self.encoding,
            "honeypot" => &mut self.honeypot,
            "idempotency-header" => &mut self.idempotency_header,
            "success-message" => &mut self.success_message,
            "success-redirect" => &mut self.success_redirect,
            "timeout-seconds" => &mut self.timeout_seconds,
            "min-fill-seconds" => &mut self.min_fill_seconds,
            _ => return Err(ConfigError::UnknownKey(key.to_string())),
        };
        *slot = Some(value.to_string());
        Ok(())
    }

    /// Whether this set holds the setting `validate` reports as `key`
    /// (`encoding`, `headers.X-Key`, `success.redirect`...).
    pub fn holds(&self, key: &str) -> bool {
        let (base, entry) = key.split_once('.').map_or((key, ""), |(b, e)| (b, e));
        match base {
            "endpoint" => self.endpoint.is_some(),
            "encoding" => self.encoding.is_some(),
            "honeypot" => self.honeypot.is_some(),
            "idempotency_header" => self.idempotency_header.is_some(),
            "success" if entry == "redirect" => self.success_redirect.is_some(),
            "success" => self.success_message.is_some() || self.success_redirect.is_some(),
            "timeout_seconds" => self.timeout_seconds.is_some(),
            "min_fill_seconds" => self.min_fill_seconds.is_some(),
            "headers" => self.headers.contains_key(entry),
            "fields" => self.fields.contains_key(entry),
            "extra_fields" => self.extra_fields.contains_key(entry),
            _ => false,
        }
    }

    /// `self` with every setting of `over` replacing its own.
    pub fn merged(&self, over: &RawConfig) -> RawConfig {
        let pick = |a: &Option<String>, b: &Option<String>| b.clone().or_else(|| a.clone());
        let join = |a: &BTreeMap<String, String>, b: &BTreeMap<String, String>| {
            let mut map = a.clone();
            map.extend(b.clone());
            map
        };
        RawConfig {
            endpoint: pick(&self.endpoint, &over.endpoint),
            encoding: pick(&self.encoding, &over.encoding),
            headers: join(&self.headers, &over.headers),
            fields: join(&self.fields, &over.fields),
            extra_fields: join(&self.extra_fields, &over.extra_fields),
            honeypot: pick(&self.honeypot, &over.honeypot),
            idempotency_header: pick(&self.idempotency_header, &over.idempotency_header),
            // A form that sets one kind of success replaces the other.
            success_message: if over.success_redirect.is_some() {
                over.success_message.clone()
            } else {
                pick(&self.success_message, &over.success_message)
            },
            success_redirect: if over.success_message.is_some() {
                over.success_redirect.clone()
            } else {
                pick(&self.success_redirect, &over.success_redirect)
            },
            timeout_seconds: pick(&self.timeout_seconds, &over.timeout_seconds),
            min_fill_seconds: pick(&self.min_fill_seconds, &over.min_fill_seconds),
        }
    }

    /// Checks every setting; all problems are returned together.
    pub fn validate(&self) -> Result<FormConfig, Vec<ConfigError>> {
        let mut errors = Vec::new();

        let endpoint = match self.endpoint.as_deref().map(str::trim) {
            None | Some("") => {
                errors.push(ConfigError::MissingEndpoint);
                String::new()
            }
            Some(url) => {
                if let Some(problem) = url_problem(url) {
                    errors.push(invalid("endpoint", problem));
                }
                url.to_string()
            }
        };

        let encoding = match self.encoding.as_deref().map(str::trim) {
            None => Encoding::Json,
            Some(name) => Encoding::parse(name).unwrap_or_else(|| {
                errors.push(invalid(
                    "encoding",
                    format!("must be \"json\", \"urlencoded\" or \"multipart\", not {name:?}"),
                ));
                Encoding::Json
            }),
        };

        let mut headers = Vec::new();
        for (name, value) in &self.headers {
            let key = format!("headers.{name}");
            if !is_token(name) {
                errors.push(invalid(&key, "is not a valid header name"));
            } else if ["content-type", "content-length", "accept"]
                .contains(&name.to_ascii_lowercase().as_str())
            {
                errors.push(invalid(
                    &key,
                    "is set by the form itself and cannot be changed",
                ));
            } else if value.chars().any(|c| c == '\r' || c == '\n') {
                errors.push(invalid(&key, "must be on one line"));
            } else {
                headers.push((name.clone(), value.clone()));
            }
        }

        let mut names = BTreeMap::new();
        for (canonical, wire) in &self.fields {
            let key = format!("fields.{canonical}");
            let known = Field::from_key(canonical).is_some()
                || canonical == FORM_FIELD
                || canonical == KEY_FIELD;
            if !known {
                errors.push(invalid(
                    &key,
                    format!(
                        "is not a field of the form; known fields: {}",
                        known_fields()
                    ),
                ));
            } else if wire.is_empty() {
                names.insert(canonical.clone(), None);
            } else if !is_field_name(wire) {
                errors.push(invalid(
                    &key,
                    "must be a non-empty name without control characters",
                ));
            } else {
                names.insert(canonical.clone(), Some(wire.clone()));
            }
        }

        let mut extra_fields = Vec::new();
        for (name, value) in &self.extra_fields {
            if is_field_name(name) {
                extra_fields.push((name.clone(), value.clone()));
            } else {
                errors.push(invalid(
                    &format!("extra_fields.{name}"),
                    "is not a valid field name",
                ));
            }
        }

        let honeypot = self
            .honeypot
            .clone()
            .unwrap_or_else(|| DEFAULT_HONEYPOT.to_string());
        if !is_field_name(&honeypot) {
            errors.push(invalid("honeypot", "must be a non-empty field name"));
        }

        let idempotency_header = match self.idempotency_header.as_deref() {
            None => Some(DEFAULT_IDEMPOTENCY_HEADER.to_string()),
            Some("") => None,
            Some(name) if is_token(name) => Some(name.to_string()),
            Some(_) => {
                errors.push(invalid("idempotency_header", "is not a valid header name"));
                None
            }
        };

        let success = match (&self.success_message, &self.success_redirect) {
            (Some(_), Some(_)) => {
                errors.push(invalid(
                    "success",
                    "may have a message or a redirect, not both",
                ));
                None
            }
            (Some(message), None) => Some(Success::Message(message.clone())),
            (None, Some(url)) => {
                if let Some(problem) = url_problem(url) {
                    errors.push(invalid("success.redirect", problem));
                }
                Some(Success::Redirect(url.clone()))
            }
            (None, None) => None,
        };

        let seconds = |key: &str,
                       value: &Option<String>,
                       default: u32,
                       min: u32,
                       max: u32,
                       errors: &mut Vec<ConfigError>| match value {
            None => default * 1000,
            Some(text) => match text.trim().parse::<f64>() {
                Ok(s) if s >= f64::from(min) && s <= f64::from(max) => (s * 1000.0).round() as u32,
                _ => {
                    errors.push(invalid(
                        key,
                        format!("must be a number of seconds from {min} to {max}"),
                    ));
                    default * 1000
                }
            },
        };
        let timeout_ms = seconds(
            "timeout_seconds",
            &self.timeout_seconds,
            DEFAULT_TIMEOUT_SECONDS,
            1,
            MAX_TIMEOUT_SECONDS,
            &mut errors,
        );
        let min_fill_ms = seconds(
            "min_fill_seconds",
            &self.min_fill_seconds,
            DEFAULT_MIN_FILL_SECONDS,
            0,
            MAX_MIN_FILL_SECONDS,
            &mut errors,
        );

        let config = FormConfig {
            endpoint,
            encoding,
            headers,
            names,
            extra_fields,
            honeypot,
            idempotency_header,
            success,
            timeout_ms,
            min_fill_ms,
        };

        // Two fields sent under one name would lose one of them.
        let mut seen = BTreeMap::new();
        let canonical = Field::ALL
            .iter()
            .map(|f| f.key())
            .chain([FORM_FIELD, KEY_FIELD]);
        let sent = canonical
            .filter_map(|c| {
                config
                    .wire_name(c)
                    .map(|w| (w.to_string(), format!("fields.{c}")))
            })
            .chain(std::iter::once((
                config.honeypot.clone(),
                "honeypot".to_string(),
            )))
            .chain(
                config
                    .extra_fields
                    .iter()
                    .map(|(n, _)| (n.clone(), format!("extra_fields.{n}"))),
            );
        for (wire, from) in sent {
            if let Some(first) = seen.insert(wire.clone(), from.clone()) {
                errors.push(invalid(
                    &from,
                    format!("sends the name {wire:?}, which {first} already uses"),
                ));
            }
        }

        if errors.is_empty() {
            Ok(config)
        } else {
            Err(errors)
        }
    }

    /// Reads one JSON object of settings (the top level or `forms.<id>`).
    fn from_json(
        object: &serde_json::Map<String, Value>,
        at: &str,
        errors: &mut Vec<ConfigError>,
    ) -> RawConfig {
        let mut raw = RawConfig::default();
        let key_at = |key: &str| format!("{at}{key}");
        for (key, value) in object {
            match key.as_str() {
                "forms" if at.is_empty() => {}
                "endpoint" | "encoding" | "honeypot" | "idempotency_header" => {
                    let slot = match key.as_str() {
                        "endpoint" => &mut raw.endpoint,
                        "encoding" => &mut raw.encoding,
                        "honeypot" => &mut raw.honeypot,
                        _ => &mut raw.idempotency_header,
                    };
                    match value {
                        Value::String(s) => *slot = Some(s.clone()),
                        Value::Null if key == "idempotency_header" => *slot = Some(String::new()),
                        _ => errors.push(invalid(&key_at(key), "must be a string")),
                    }
                }
                "timeout_seconds" | "min_fill_seconds" => {
                    let text = match value {
                        Value::Number(n) => Some(n.to_string()),
                        Value::String(s) => Some(s.clone()),
                        _ => None,
                    };
                    match text {
                        Some(text) if key == "timeout_seconds" => raw.timeout_seconds = Some(text),
                        Some(text) => raw.min_fill_seconds = Some(text),
                        None => errors.push(invalid(&key_at(key), "must be a number")),
                    }
                }
                "headers" | "fields" | "extra_fields" => {
                    let Value::Object(map) = value else {
                        errors.push(ConfigError::NotObject(key_at(key)));
                        continue;
                    };
                    for (name, v) in map {
                        let text = match v {
                            Value::String(s) => s.clone(),
                            Value::Null if key == "fields" => String::new(),
                            _ => {
                                errors.push(invalid(
                                    &format!("{}.{name}", key_at(key)),
                                    "must be a string",
                                ));
                                continue;
                            }
                        };
                        let target = match key.as_str() {
                            "headers" => &mut raw.headers,
                            "fields" => &mut raw.fields,
                            _ => &mut raw.extra_fields,
                        };
                        target.insert(name.clone(), text);
                    }
                }
                "success" => {
                    let Value::Object(map) = value else {
                        errors.push(ConfigError::NotObject(key_at(key)));
                        continue;
                    };
                    for (name, v) in map {
                        let slot = match name.as_str() {
                            "message" => &mut raw.success_message,
                            "redirect" => &mut raw.success_redirect,
                            _ => {
                                errors.push(ConfigError::UnknownKey(format!(
                                    "{}.{name}",
                                    key_at(key)
                                )));
                                continue;
                            }
                        };
                        match v {
                            Value::String(s) => *slot = Some(s.clone()),
                            _ => errors.push(invalid(
                                &format!("{}.{name}", key_at(key)),
                                "must be a string",
                            )),
                        }
                    }
                }
                _ => errors.push(ConfigError::UnknownKey(key_at(key))),
            }
        }
        raw
    }
}

/// Reads `form-config.json` and returns the checked settings for `form`:
/// its `forms.<id>` entry over the top-level defaults.
pub fn parse(json: &str, form: FormKind) -> Result<FormConfig, Vec<ConfigError>> {
    let value: Value =
        serde_json::from_str(json).map_err(|e| vec![ConfigError::NotJson(e.to_string())])?;
    let Value::Object(top) = value else {
        return Err(vec![ConfigError::NotObject("the top level".into())]);
    };
    let mut errors = Vec::new();
    let mut raw = RawConfig::from_json(&top, "", &mut errors);
    match top.get("forms") {
        None => {}
        Some(Value::Object(forms)) => {
            for (id, entry) in forms {
                let at = format!("forms.{id}.");
                if ![FormKind::Contact, FormKind::Book]
                    .iter()
                    .any(|k| k.id() == id)
                {
                    errors.push(invalid(
                        &format!("forms.{id}"),
                        "is not a form of this page; use \"contact\" or \"book\"",
                    ));
                    continue;
                }
                let Value::Object(entry) = entry else {
                    errors.push(ConfigError::NotObject(format!("forms.{id}")));
                    continue;
                };
                let over = RawConfig::from_json(entry, &at, &mut errors);
                if id == form.id() {
                    raw = raw.merged(&over);
                }
            }
        }
        Some(_) => errors.push(ConfigError::NotObject("forms".into())),
    }
    match raw.validate() {
        Ok(config) if errors.is_empty() => Ok(config),
        Ok(_) => Err(errors),
        Err(more) => {
            errors.extend(more);
            Err(errors)
        }
    }
}

/// Where a form's settings came from, for the deployer's message.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Source {
    /// `form-config.json` next to the page.
    File,
    /// The `data-aa-*form-*` attributes of the element the app is embedded in.
    Embed,
}

/// The deployer's console message for a configuration that cannot be used.
pub fn deployer_message(form: FormKind, source: Source, problems: &[String]) -> String {
    let from = match source {
        Source::File => "form-config.json (next to index.html) is missing or invalid",
        Source::Embed => "the form settings on the embed (data-aa-form-* attributes) are invalid",
    };
    let mut text = format!(
        "The {} form is turned off: {from}, so visitors are asked to call instead.",
        form.id()
    );
    for problem in problems {
        text.push_str("\n  - ");
        text.push_str(problem);
    }
    text.push_str("\nSee the README, section Form backends, for working examples.");
    text
}

fn known_fields() -> String {
    Field::ALL
        .iter()
        .map(|f| f.key())
        .chain([FORM_FIELD, KEY_FIELD])
        .collect::<Vec<_>>()
        .join(", ")
}

const OBJECT_OF_STRINGS: &str = "must be a JSON object of strings, like {\"X-Api-Key\": \"...\"}";

/// The entries of a JSON object whose values are strings (or, when
/// `null_is_empty`, null, meaning "leave out").
fn json_object(text: &str, null_is_empty: bool) -> Option<Vec<(String, String)>> {
    let Ok(Value::Object(map)) = serde_json::from_str::<Value>(text) else {
        return None;
    };
    map.into_iter()
        .map(|(name, value)| match value {
            Value::String(s) => Some((name, s)),
            Value::Null if null_is_empty => Some((name, String::new())),
            _ => None,
        })
        .collect()
}

/// Why `url` cannot be posted to or redirected to, if it cannot.
fn url_problem(url: &str) -> Option<&'static str> {
    if url.chars().any(|c| c.is_whitespace() || c.is_control()) {
        return Some("must not contain spaces");
    }
    let lower = url.to_ascii_lowercase();
    for scheme in ["https://", "http://"] {
        if let Some(rest) = lower.strip_prefix(scheme) {
            return rest
                .split(['/', '?', '#'])
                .next()
                .filter(|host| !host.is_empty())
                .map_or(Some("must name a host after the scheme"), |_| None);
        }
    }
    if url.starts_with('/') && !url.starts_with("//") {
        return None;
    }
    Some("must be an absolute http(s) URL or a path starting with /")
}

/// An HTTP token (RFC 9110), as header names are.
fn is_token(name: &str) -> bool {
    !name.is_empty()
        && name
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || "!#$%&'*+-.^_`|~".contains(c))
}

fn is_field_name(name: &str) -> bool {
    !name.trim().is_empty() && !name.chars().any(char::is_control)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ok(json: &str) -> FormConfig {
        parse(json, FormKind::Contact).unwrap_or_else(|e| panic!("{e:?}"))
    }

    fn errors(json: &str) -> Vec<String> {
        match parse(json, FormKind::Contact) {
            Ok(c) => panic!("expected errors, got {c:?}"),
            Err(e) => e.iter().map(ToString::to_string).collect(),
        }
    }

    #[test]
    fn minimal_config_gets_defaults() {
        let c = ok(r#"{"endpoint": "https://example.com/f"}"#);
        assert_eq!(c.endpoint, "https://example.com/f");
        assert_eq!(c.encoding, Encoding::Json);
        assert_eq!(c.honeypot, DEFAULT_HONEYPOT);
        assert_eq!(c.idempotency_header.as_deref(), Some("Idempotency-Key"));
        assert_eq!(c.timeout_ms, 20_000);
        assert_eq!(c.min_fill_ms, 3_000);
        assert_eq!(c.success, None);
        assert_eq!(c.wire_name("email"), Some("email"));
        assert_eq!(c.wire_name(KEY_FIELD), Some("idempotency_key"));
    }

    #[test]
    fn everything_can_be_set() {
        let c = ok(r#"{
            "endpoint": "/",
            "encoding": "urlencoded",
            "headers": {"X-Api-Key": "k1"},
            "fields": {"email": "_replyto", "member_id": null, "idempotency_key": ""},
            "extra_fields": {"form-name": "contact"},
            "honeypot": "bot-field",
            "idempotency_header": null,
            "success": {"redirect": "https://example.com/thanks"},
            "timeout_seconds": 5,
            "min_fill_seconds": "0.5"
        }"#);
        assert_eq!(c.endpoint, "/");
        assert_eq!(c.encoding, Encoding::UrlEncoded);
        assert_eq!(c.headers, vec![("X-Api-Key".into(), "k1".into())]);
        assert_eq!(c.wire_name("email"), Some("_replyto"));
        assert_eq!(c.wire_name("member_id"), None);
        assert_eq!(c.wire_name(KEY_FIELD), None);
        assert_eq!(c.field_for_wire("_replyto"), Some(Field::Email));
        assert_eq!(c.field_for_wire("email"), None);
        assert_eq!(c.extra_fields, vec![("form-name".into(), "contact".into())]);
        assert_eq!(c.honeypot, "bot-field");
        assert_eq!(c.idempotency_header, None);
        assert_eq!(
            c.success,
            Some(Success::Redirect("https://example.com/thanks".into()))
        );
        assert_eq!(c.timeout_ms, 5_000);
        assert_eq!(c.min_fill_ms, 500);
    }

    #[test]
    fn per_form_settings_override_the_defaults() {
        let json = r#"{
            "endpoint": "https://example.com/contact",
            "encoding": "multipart",
            "success": {"message": "Thanks"},
            "extra_fields": {"form-name": "contact"},
            "forms": {"book": {"endpoint": "https://example.com/book", "extra_fields": {"form-name": "book"}, "success": {"redirect": "/thanks"}}}
        }"#;
        let contact = parse(json, FormKind::Contact).unwrap();
        let book = parse(json, FormKind::Book).unwrap();
        assert_eq!(contact.endpoint, "https://example.com/contact");
        assert_eq!(book.endpoint, "https://example.com/book");
        assert_eq!(book.encoding, Encoding::Multipart);
        assert_eq!(book.extra_fields, vec![("form-name".into(), "book".into())]);
        assert_eq!(contact.success, Some(Success::Message("Thanks".into())));
        assert_eq!(book.success, Some(Success::Redirect("/thanks".into())));
    }

    #[test]
    fn every_problem_is_reported_for_the_deployer() {
        let e = errors(
            r#"{
            "endpiont": "x",
            "encoding": "xml",
            "headers": {"Bad Header": "v", "Content-Type": "text/plain"},
            "fields": {"emial": "x"},
            "timeout_seconds": 0,
            "success": {"message": "a", "redirect": "/b"},
            "forms": {"other": {}}
        }"#,
        );
        let text = e.join("\n");
        for expected in [
            "unknown setting `endpiont`",
            "`endpoint` is missing",
            "`encoding` must be \"json\", \"urlencoded\" or \"multipart\", not \"xml\"",
            "`headers.Bad Header` is not a valid header name",
            "`headers.Content-Type` is set by the form itself",
            "`fields.emial` is not a field of the form",
            "`timeout_seconds` must be a number of seconds from 1 to 120",
            "`success` may have a message or a redirect, not both",
            "`forms.other` is not a form of this page",
        ] {
            assert!(text.contains(expected), "missing {expected:?} in:\n{text}");
        }
    }

    #[test]
    fn bad_json_and_bad_urls() {
        assert!(errors("{")
            .join("")
            .starts_with("form-config.json is not valid JSON"));
        assert_eq!(errors("[]"), ["`the top level` must be a JSON object"]);
        for bad in [
            "javascript:alert(1)",
            "ftp://x/y",
            "https://",
            "//evil.example/x",
            "submit here",
        ] {
            let e = errors(&format!(r#"{{"endpoint": {bad:?}}}"#));
            assert!(e[0].starts_with("`endpoint` must"), "{bad}: {e:?}");
        }
    }

    #[test]
    fn names_sent_must_not_collide() {
        let e = errors(r#"{"endpoint": "/", "fields": {"email": "name"}}"#);
        assert!(e[0].contains("sends the name \"name\""), "{e:?}");
        let e = errors(r#"{"endpoint": "/", "honeypot": "phone"}"#);
        assert!(
            e[0].contains("`honeypot` sends the name \"phone\""),
            "{e:?}"
        );
    }

    #[test]
    fn attribute_style_names_feed_the_same_settings() {
        let mut raw = RawConfig::default();
        raw.set("endpoint", "https://example.com/f").unwrap();
        raw.set("encoding", "multipart").unwrap();
        raw.set("headers", r#"{"X-Key": "v"}"#).unwrap();
        raw.set("fields", r#"{"email": "_replyto", "member_id": null}"#)
            .unwrap();
        raw.set("extra-fields", r#"{"form-name": "contact"}"#)
            .unwrap();
        raw.set("success-message", "Thanks").unwrap();
        raw.set("timeout-seconds", "7").unwrap();
        assert_eq!(
            raw.set("nonsense", "x"),
            Err(ConfigError::UnknownKey("nonsense".into()))
        );
        for bad in ["", "[]", r#"{"X": 1}"#, r#"{"X": null}"#, "{oops"] {
            let error = raw.set("headers", bad).unwrap_err().to_string();
            assert!(
                error.contains("must be a JSON object of strings"),
                "{bad}: {error}"
            );
        }
        let c = raw.validate().unwrap();
        assert_eq!(c.encoding, Encoding::Multipart);
        assert_eq!(c.headers, vec![("X-Key".into(), "v".into())]);
        assert_eq!(c.wire_name("email"), Some("_replyto"));
        assert_eq!(c.wire_name("member_id"), None);
        assert_eq!(c.extra_fields, vec![("form-name".into(), "contact".into())]);
        assert_eq!(c.timeout_ms, 7_000);
        assert_eq!(c.success, Some(Success::Message("Thanks".into())));
    }

    #[test]
    fn holds_answers_for_the_keys_validate_reports() {
        let mut raw = RawConfig::default();
        raw.set("success-redirect", "/thanks").unwrap();
        raw.set("headers", r#"{"X-Key": "v"}"#).unwrap();
        assert!(raw.holds("success.redirect") && raw.holds("success"));
        assert!(raw.holds("headers.X-Key") && !raw.holds("headers.Other"));
        assert!(!raw.holds("endpoint") && !raw.holds("fields.email"));
    }

    #[test]
    fn deployer_message_lists_problems() {
        let m = deployer_message(FormKind::Book, Source::File, &["a".into(), "b".into()]);
        assert!(m.starts_with("The book form is turned off: form-config.json"));
        assert!(m.contains("\n  - a\n  - b\n"));
    }
}
