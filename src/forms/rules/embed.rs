//! Form settings written as attributes on the element a partner site embeds
//! the app in, instead of `form-config.json`:
//!
//! ```html
//! <div data-aa-form-endpoint="https://formspree.io/f/abcdwxyz"
//!      data-aa-form-fields='{"email": "_replyto"}'
//!      data-aa-book-form-endpoint="https://formspree.io/f/other">
//! ```
//!
//! `data-aa-form-<setting>` applies to every form, `data-aa-<form>-form-<setting>`
//! (`contact`, `book`) to one form and wins over the first. The settings are
//! those of the file, spelled with hyphens; `headers`, `fields` and
//! `extra-fields` take a JSON object. An embed that carries any of these
//! attributes is the whole configuration: the file is not fetched, because a
//! partner's page has no `form-config.json` next to it.

use super::answers::FormKind;
use super::config::{ConfigError, FormConfig, RawConfig};

/// The form settings found on the element the app is embedded in, as
/// (name, value) pairs; provided as context to each mounted form. Empty when
/// the page is not an embed (then `form-config.json` is used).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct EmbedAttributes(pub Vec<(String, String)>);

/// Prefix of the attributes that apply to every form.
pub const PREFIX: &str = "data-aa-form-";

/// Prefix of the attributes for one form: `data-aa-contact-form-`.
pub fn form_prefix(form: FormKind) -> String {
    format!("data-aa-{}-form-", form.id())
}

const FORMS: [FormKind; 2] = [FormKind::Contact, FormKind::Book];

/// Whether `name` is a form setting of an embed (for any form, or for a
/// form this page does not have, which [`settings`] reports).
pub fn is_setting(name: &str) -> bool {
    let name = name.to_ascii_lowercase();
    name.starts_with(PREFIX)
        || name
            .strip_prefix("data-aa-")
            .is_some_and(|rest| rest.contains("-form-"))
}

/// The checked settings for `form` from an embed's attributes (name, value;
/// other attributes are ignored). Every problem is reported, each naming the
/// attribute to fix.
pub fn settings<'a>(
    attributes: impl IntoIterator<Item = (&'a str, &'a str)>,
    form: FormKind,
) -> Result<FormConfig, Vec<ConfigError>> {
    let own_prefix = form_prefix(form);
    let mut errors = Vec::new();
    let (mut common, mut own) = (RawConfig::default(), RawConfig::default());
    for (name, value) in attributes {
        let name = name.to_ascii_lowercase();
        let (target, setting) = if let Some(setting) = name.strip_prefix(PREFIX) {
            (&mut common, setting)
        } else if let Some(setting) = name.strip_prefix(own_prefix.as_str()) {
            (&mut own, setting)
        } else if FORMS.iter().any(|f| name.starts_with(&form_prefix(*f))) {
            // Another form's: checked when that form mounts.
            continue;
        } else if is_setting(&name) {
            errors.push(ConfigError::Invalid {
                key: name.clone(),
                problem: format!("names no form of this page; use {PREFIX}*, data-aa-contact-form-* or data-aa-book-form-*"),
            });
            continue;
        } else {
            continue;
        };
        if let Err(error) = target.set(setting, value) {
            errors.push(match error {
                ConfigError::UnknownKey(_) => ConfigError::UnknownKey(name.clone()),
                ConfigError::Invalid { problem, .. } => ConfigError::Invalid {
                    key: name.clone(),
                    problem,
                },
                other => other,
            });
        }
    }
    match common.merged(&own).validate() {
        Ok(config) if errors.is_empty() => Ok(config),
        Ok(_) => Err(errors),
        Err(more) => {
            errors.extend(more.into_iter().map(|e| renamed(e, &own, &own_prefix)));
            Err(errors)
        }
    }
}

/// A problem `validate` reported by the file's key, reworded with the
/// attribute that set it (the form's own when it set it).
fn renamed(error: ConfigError, own: &RawConfig, own_prefix: &str) -> ConfigError {
    let (key, problem) = match error {
        ConfigError::MissingEndpoint => (
            "endpoint".to_string(),
            "is missing: set it to the URL that receives the form".to_string(),
        ),
        ConfigError::Invalid { key, problem } => (key, problem),
        other => return other,
    };
    let prefix = if own.holds(&key) { own_prefix } else { PREFIX };
    let (base, entry) = key.split_once('.').unwrap_or((&key, ""));
    let key = match (base, entry) {
        ("success", "redirect") => format!("{prefix}success-redirect"),
        ("success", _) => format!("{prefix}success-message and {prefix}success-redirect"),
        (_, "") => format!("{prefix}{}", base.replace('_', "-")),
        (_, entry) => format!("{prefix}{}[{entry:?}]", base.replace('_', "-")),
    };
    ConfigError::Invalid { key, problem }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::forms::rules::config::{deployer_message, Encoding, Source};

    fn errors(attributes: &[(&str, &str)], form: FormKind) -> Vec<String> {
        settings(attributes.iter().copied(), form)
            .unwrap_err()
            .iter()
            .map(ToString::to_string)
            .collect()
    }

    #[test]
    fn recognises_setting_attributes() {
        assert!(is_setting("data-aa-form-endpoint"));
        assert!(is_setting("DATA-AA-FORM-ENCODING"));
        assert!(is_setting("data-aa-book-form-endpoint"));
        assert!(is_setting("data-aa-bok-form-endpoint"));
        assert!(!is_setting("data-aa-part"));
        assert!(!is_setting("data-aa-prefill-name"));
        assert!(!is_setting("class"));
    }

    #[test]
    fn form_attributes_override_the_common_ones() {
        let attributes = [
            ("class", "partner-box"),
            ("data-aa-form-endpoint", "https://example.com/all"),
            ("data-aa-form-encoding", "urlencoded"),
            ("data-aa-form-fields", r#"{"email": "_replyto"}"#),
            ("data-aa-book-form-endpoint", "https://example.com/book"),
            ("data-aa-book-form-extra-fields", r#"{"form-name": "book"}"#),
        ];
        let contact = settings(attributes, FormKind::Contact).unwrap();
        assert_eq!(contact.endpoint, "https://example.com/all");
        assert_eq!(contact.encoding, Encoding::UrlEncoded);
        assert!(contact.extra_fields.is_empty());
        let book = settings(attributes, FormKind::Book).unwrap();
        assert_eq!(book.endpoint, "https://example.com/book");
        assert_eq!(book.wire_name("email"), Some("_replyto"));
        assert_eq!(book.extra_fields, vec![("form-name".into(), "book".into())]);
    }

    #[test]
    fn attribute_names_are_case_insensitive() {
        let config = settings([("Data-AA-Form-Endpoint", "/api/form")], FormKind::Contact).unwrap();
        assert_eq!(config.endpoint, "/api/form");
    }

    #[test]
    fn problems_name_the_attribute_to_fix() {
        let e = errors(
            &[
                ("data-aa-form-endpoint", "ftp://nowhere"),
                ("data-aa-contact-form-encoding", "xml"),
                ("data-aa-form-endpiont", "/x"),
                ("data-aa-form-headers", "X-Key: v"),
                ("data-aa-form-timeout-seconds", "forever"),
                ("data-aa-contact-form-fields", r#"{"nope": "x"}"#),
                ("data-aa-chat-form-endpoint", "/x"),
            ],
            FormKind::Contact,
        );
        let all = e.join("\n");
        for needle in [
            "unknown setting `data-aa-form-endpiont`",
            "`data-aa-form-headers` must be a JSON object of strings",
            "`data-aa-chat-form-endpoint` names no form of this page",
            "`data-aa-form-endpoint` must be an absolute http(s) URL",
            "`data-aa-contact-form-encoding` must be \"json\", \"urlencoded\" or \"multipart\", not \"xml\"",
            "`data-aa-form-timeout-seconds` must be a number of seconds",
            "`data-aa-contact-form-fields[\"nope\"]` is not a field of the form",
        ] {
            assert!(all.contains(needle), "missing {needle:?} in:\n{all}");
        }
        assert_eq!(e.len(), 7, "{all}");
    }

    #[test]
    fn a_missing_endpoint_names_its_attribute() {
        let e = errors(&[("data-aa-form-encoding", "json")], FormKind::Book);
        assert_eq!(
            e,
            ["`data-aa-form-endpoint` is missing: set it to the URL that receives the form"]
        );
    }

    #[test]
    fn another_forms_mistakes_are_its_own() {
        let attributes = [
            ("data-aa-form-endpoint", "/api/form"),
            ("data-aa-book-form-encoding", "xml"),
        ];
        assert!(settings(attributes, FormKind::Contact).is_ok());
        let e = errors(&attributes, FormKind::Book);
        assert!(e[0].contains("data-aa-book-form-encoding"), "{e:?}");
    }

    #[test]
    fn deployer_message_names_the_embed() {
        let m = deployer_message(FormKind::Contact, Source::Embed, &["x".into()]);
        assert!(
            m.starts_with("The contact form is turned off: the form settings on the embed"),
            "{m}"
        );
    }
}
