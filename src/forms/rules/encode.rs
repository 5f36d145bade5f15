//! Turns answers into the body a backend receives: JSON, urlencoded, or the
//! parts of a multipart body (the browser writes the boundaries).

use super::answers::{Answers, Field, FormKind};
use super::config::{Encoding, FormConfig, FORM_FIELD, KEY_FIELD};
use super::phone;

/// A value sent: text, a list (checkboxes), or yes/no.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Value {
    Text(String),
    List(Vec<String>),
    Flag(bool),
}

impl Value {
    /// The value as one string, for the form encodings: lists joined with
    /// ", ", flags as "yes"/"no".
    pub fn as_text(&self) -> String {
        match self {
            Value::Text(text) => text.clone(),
            Value::List(items) => items.join(", "),
            Value::Flag(on) => if *on { "yes" } else { "no" }.to_string(),
        }
    }
}

/// The fields of one submission, under the names the backend expects, in
/// the order they are sent.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Submission {
    pub fields: Vec<(String, Value)>,
}

/// A request body, ready for the HTTP wrapper.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Body {
    /// A text body and its `Content-Type`.
    Text {
        content_type: &'static str,
        text: String,
    },
    /// `multipart/form-data` parts, name and value; the browser sets the
    /// content type and boundary.
    Parts(Vec<(String, String)>),
}

/// The value sent for `field`: trimmed, phone numbers in E.164.
pub fn field_value(field: Field, a: &Answers) -> Value {
    let text = |s: &str| Value::Text(s.trim().to_string());
    match field {
        Field::Who => Value::Text(a.who.map(|w| w.code()).unwrap_or_default().to_string()),
        Field::Concerns => Value::List(a.concerns.iter().map(|c| c.code().to_string()).collect()),
        Field::Name => text(&a.name),
        Field::Phone => {
            let raw = a.phone.trim();
            Value::Text(phone::normalize_us(raw).unwrap_or_else(|_| raw.to_string()))
        }
        Field::Email => text(&a.email),
        Field::ContactMethod => Value::Text(
            a.contact_method
                .map(|m| m.code())
                .unwrap_or_default()
                .to_string(),
        ),
        Field::BestTime => Value::Text(a.best_time.code().to_string()),
        Field::Carrier => text(&a.carrier),
        Field::MemberId => text(&a.member_id),
        Field::NoInsurance => Value::Flag(a.no_insurance),
        Field::Message => text(&a.message),
        Field::Consent => Value::Flag(a.consent),
    }
}

/// The submission of `form`: its answers, the form id, the idempotency key,
/// the honeypot as found, then the deployer's fixed fields.
pub fn build(
    form: FormKind,
    answers: &Answers,
    config: &FormConfig,
    key: &str,
    honeypot: &str,
) -> Submission {
    let mut fields: Vec<(String, Value)> = form
        .fields()
        .into_iter()
        .filter_map(|field| {
            config
                .wire_name(field.key())
                .map(|name| (name.to_string(), field_value(field, answers)))
        })
        .collect();
    if let Some(name) = config.wire_name(FORM_FIELD) {
        fields.push((name.to_string(), Value::Text(form.id().to_string())));
    }
    if let Some(name) = config.wire_name(KEY_FIELD) {
        fields.push((name.to_string(), Value::Text(key.to_string())));
    }
    fields.push((config.honeypot.clone(), Value::Text(honeypot.to_string())));
    fields.extend(
        config
            .extra_fields
            .iter()
            .map(|(name, value)| (name.clone(), Value::Text(value.clone()))),
    );
    Submission { fields }
}

/// The body for `encoding`.
pub fn encode(submission: &Submission, encoding: Encoding) -> Body {
    match encoding {
        Encoding::Json => Body::Text {
            content_type: "application/json",
            text: to_json(submission),
        },
        Encoding::UrlEncoded => Body::Text {
            content_type: "application/x-www-form-urlencoded",
            text: to_urlencoded(submission),
        },
        Encoding::Multipart => Body::Parts(to_parts(submission)),
    }
}

/// A JSON object with the fields in order (lists as arrays, flags as booleans).
pub fn to_json(submission: &Submission) -> String {
    let string = |s: &str| serde_json::Value::String(s.to_string()).to_string();
    let members: Vec<String> = submission
        .fields
        .iter()
        .map(|(name, value)| {
            let value = match value {
                Value::Text(text) => string(text),
                Value::List(items) => format!(
                    "[{}]",
                    items
                        .iter()
                        .map(|i| string(i))
                        .collect::<Vec<_>>()
                        .join(",")
                ),
                Value::Flag(on) => on.to_string(),
            };
            format!("{}:{value}", string(name))
        })
        .collect();
    format!("{{{}}}", members.join(","))
}

/// `application/x-www-form-urlencoded`, as browsers write it.
pub fn to_urlencoded(submission: &Submission) -> String {
    submission
        .fields
        .iter()
        .map(|(name, value)| format!("{}={}", form_escape(name), form_escape(&value.as_text())))
        .collect::<Vec<_>>()
        .join("&")
}

/// Name and text of each multipart part.
pub fn to_parts(submission: &Submission) -> Vec<(String, String)> {
    submission
        .fields
        .iter()
        .map(|(name, value)| (name.clone(), value.as_text()))
        .collect()
}

/// The WHATWG urlencoded byte serializer: `*-._` and alphanumerics kept,
/// space as `+`, everything else percent-encoded as UTF-8. Line breaks are
/// sent as CRLF, as browsers do for form data.
fn form_escape(text: &str) -> String {
    let normalised = text
        .replace("\r\n", "\n")
        .replace('\r', "\n")
        .replace('\n', "\r\n");
    let mut out = String::with_capacity(normalised.len());
    for byte in normalised.bytes() {
        match byte {
            b'*' | b'-' | b'.' | b'_' | b'0'..=b'9' | b'A'..=b'Z' | b'a'..=b'z' => {
                out.push(char::from(byte));
            }
            b' ' => out.push('+'),
            _ => out.push_str(&format!("%{byte:02X}")),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::forms::rules::answers::{BestTime, Concern, ContactMethod, Who};
    use crate::forms::rules::config::parse;

    fn answers() -> Answers {
        Answers {
            who: Some(Who::SomeoneElse),
            concerns: vec![Concern::Drugs, Concern::MentalHealth],
            name: "  Zoë O’Brien ".into(),
            phone: "(949) 763-3440".into(),
            email: "zoe@example.com".into(),
            contact_method: Some(ContactMethod::Text),
            best_time: BestTime::Evening,
            carrier: "Cigna".into(),
            member_id: String::new(),
            no_insurance: false,
            message: "Line 1\nA & B = 😀 <b>".into(),
            consent: true,
            remember: true,
        }
    }

    fn config(extra: &str) -> FormConfig {
        parse(
            &format!(r#"{{"endpoint": "/" {extra}}}"#),
            FormKind::Contact,
        )
        .unwrap()
    }

    #[test]
    fn submission_has_every_field_then_meta_then_extras() {
        let c = config(r#", "extra_fields": {"form-name": "contact"}"#);
        let s = build(FormKind::Contact, &answers(), &c, "key-1", "");
        let names: Vec<&str> = s.fields.iter().map(|(n, _)| n.as_str()).collect();
        assert_eq!(
            names,
            [
                "who",
                "concerns",
                "name",
                "phone",
                "email",
                "contact_method",
                "best_time",
                "carrier",
                "member_id",
                "no_insurance",
                "message",
                "consent",
                "form",
                "idempotency_key",
                "_gotcha",
                "form-name"
            ]
        );
        let get = |n: &str| {
            s.fields
                .iter()
                .find(|(k, _)| k == n)
                .map(|(_, v)| v.clone())
        };
        assert_eq!(get("name"), Some(Value::Text("Zoë O’Brien".into())));
        assert_eq!(get("phone"), Some(Value::Text("+19497633440".into())));
        assert_eq!(get("who"), Some(Value::Text("someone-i-care-about".into())));
        assert_eq!(
            get("concerns"),
            Some(Value::List(vec!["drugs".into(), "mental-health".into()]))
        );
        assert_eq!(get("consent"), Some(Value::Flag(true)));
        assert_eq!(get("_gotcha"), Some(Value::Text(String::new())));
        // "Remember on this device" is the visitor's, not the backend's.
        assert!(!names.contains(&"remember"));
    }

    #[test]
    fn mapped_and_omitted_names() {
        let c = config(
            r#", "fields": {"email": "_replyto", "member_id": "", "idempotency_key": "_key"}"#,
        );
        let s = build(FormKind::Contact, &answers(), &c, "k", "");
        let names: Vec<&str> = s.fields.iter().map(|(n, _)| n.as_str()).collect();
        assert!(names.contains(&"_replyto") && names.contains(&"_key"));
        assert!(!names.contains(&"email") && !names.contains(&"member_id"));
    }

    #[test]
    fn book_submission_is_the_email_alone() {
        let s = build(FormKind::Book, &answers(), &config(""), "k", "");
        let names: Vec<&str> = s.fields.iter().map(|(n, _)| n.as_str()).collect();
        assert_eq!(names, ["email", "form", "idempotency_key", "_gotcha"]);
        assert_eq!(s.fields[1].1, Value::Text("book".into()));
    }

    fn small() -> Submission {
        Submission {
            fields: vec![
                ("name".into(), Value::Text("Zoë \"Z\" <b>".into())),
                (
                    "concerns".into(),
                    Value::List(vec!["drugs".into(), "alcohol".into()]),
                ),
                ("consent".into(), Value::Flag(true)),
                ("message".into(), Value::Text("a & b = c\n😀".into())),
            ],
        }
    }

    #[test]
    fn json_keeps_order_types_and_escapes() {
        let json = to_json(&small());
        assert_eq!(
            json,
            r#"{"name":"Zoë \"Z\" <b>","concerns":["drugs","alcohol"],"consent":true,"message":"a & b = c\n😀"}"#
        );
        let back: serde_json::Value = serde_json::from_str(&json).unwrap();
        assert_eq!(back["message"], "a & b = c\n😀");
    }

    #[test]
    fn urlencoded_matches_the_browser_serializer() {
        assert_eq!(
            to_urlencoded(&small()),
            "name=Zo%C3%AB+%22Z%22+%3Cb%3E&concerns=drugs%2C+alcohol&consent=yes&message=a+%26+b+%3D+c%0D%0A%F0%9F%98%80"
        );
        match encode(&small(), Encoding::UrlEncoded) {
            Body::Text { content_type, .. } => {
                assert_eq!(content_type, "application/x-www-form-urlencoded")
            }
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn multipart_is_one_text_part_per_field() {
        assert_eq!(
            encode(&small(), Encoding::Multipart),
            Body::Parts(vec![
                ("name".into(), "Zoë \"Z\" <b>".into()),
                ("concerns".into(), "drugs, alcohol".into()),
                ("consent".into(), "yes".into()),
                ("message".into(), "a & b = c\n😀".into()),
            ])
        );
        assert_eq!(Value::Flag(false).as_text(), "no");
    }
}
