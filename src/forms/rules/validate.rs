//! The checks made when a visitor presses Continue or Send, with the
//! messages shown in the error summary and next to each field.

use super::answers::{Answers, ContactMethod, Field, FormKind, StepKind};
use super::phone;
use crate::forms::text::errors as msg;

/// Longest accepted values, in characters.
pub const MAX_NAME: usize = 100;
pub const MAX_EMAIL: usize = 254;
pub const MAX_CARRIER: usize = 100;
pub const MAX_MEMBER_ID: usize = 40;
pub const MAX_MESSAGE: usize = 2000;

/// A problem with one answer, or (with no field) with the submission as a
/// whole, as the backend reported it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FieldError {
    /// The question it is about; `None` for a problem with no field.
    pub field: Option<Field>,
    pub message: String,
}

impl FieldError {
    fn new(field: Field, message: impl Into<String>) -> Self {
        FieldError {
            field: Some(field),
            message: message.into(),
        }
    }
}

/// Every problem on `step`, in page order; empty when the visitor
/// may go on.
pub fn validate_step(step: StepKind, answers: &Answers) -> Vec<FieldError> {
    step.fields()
        .iter()
        .filter_map(|&field| check(step, field, answers).map(|m| FieldError::new(field, m)))
        .collect()
}

/// Every problem in the whole form, in page order.
pub fn validate_all(form: FormKind, answers: &Answers) -> Vec<FieldError> {
    form.steps()
        .iter()
        .flat_map(|&step| validate_step(step, answers))
        .collect()
}

/// The 1-based number of the first step with a problem in `errors`, if any
/// error names a field of `form`.
pub fn first_step_with_error(form: FormKind, errors: &[FieldError]) -> Option<u8> {
    errors
        .iter()
        .filter_map(|error| error.field.and_then(|field| form.step_of(field)))
        .min()
}

fn check(step: StepKind, field: Field, a: &Answers) -> Option<&'static str> {
    match field {
        Field::Who => a.who.is_none().then_some(msg::WHO),
        Field::Concerns => a.concerns.is_empty().then_some(msg::CONCERNS),
        Field::Name => check_name(&a.name),
        Field::Phone => check_phone(a),
        // The book form asks for the email alone, so it is required there.
        Field::Email if step == StepKind::Book => match a.email.trim() {
            "" => Some(msg::EMAIL_REQUIRED),
            email => check_email(email),
        },
        Field::Email => check_contact_email(a),
        Field::ContactMethod => a.contact_method.is_none().then_some(msg::CONTACT_METHOD),
        Field::BestTime => None,
        Field::Carrier => check_carrier(a),
        Field::MemberId => check_member_id(a.member_id.trim()),
        Field::NoInsurance => None,
        Field::Message => {
            (a.message.trim().chars().count() > MAX_MESSAGE).then_some(msg::MESSAGE_LONG)
        }
        Field::Consent => (!a.consent).then_some(msg::CONSENT),
    }
}

fn check_name(name: &str) -> Option<&'static str> {
    let name = name.trim();
    if name.is_empty() {
        Some(msg::NAME_REQUIRED)
    } else if name.chars().count() > MAX_NAME {
        Some(msg::NAME_LONG)
    } else if !name.chars().all(is_name_char) {
        Some(msg::NAME_CHARACTERS)
    } else {
        None
    }
}

/// Letters of any script, the marks that combine with them, and the
/// punctuation names really contain. Digits, symbols, emoji and markup
/// (`<`, `>`) are not names.
fn is_name_char(c: char) -> bool {
    c.is_alphabetic()
        || matches!(c, ' ' | '-' | '\'' | '’' | '.' | ',')
        || ('\u{0300}'..='\u{036F}').contains(&c)
}

fn check_phone(a: &Answers) -> Option<&'static str> {
    let phone = a.phone.trim();
    if phone.is_empty() {
        return match a.contact_method {
            Some(ContactMethod::Call) => Some(msg::PHONE_FOR_CALL),
            Some(ContactMethod::Text) => Some(msg::PHONE_FOR_TEXT),
            _ if a.email.trim().is_empty() => Some(msg::PHONE_OR_EMAIL),
            _ => None,
        };
    }
    phone::normalize_us(phone).err().map(|_| msg::PHONE_FORMAT)
}

fn check_contact_email(a: &Answers) -> Option<&'static str> {
    match a.email.trim() {
        "" if a.contact_method == Some(ContactMethod::Email) => Some(msg::EMAIL_FOR_EMAIL),
        "" => None,
        email => check_email(email),
    }
}

fn check_email(email: &str) -> Option<&'static str> {
    if email.chars().count() > MAX_EMAIL {
        Some(msg::EMAIL_LONG)
    } else if !is_email(email) {
        Some(msg::EMAIL_FORMAT)
    } else {
        None
    }
}

/// A pragmatic check, as GOV.UK's: one `@`, something before it, a dotted
/// domain after it, no spaces, no markup.
pub fn is_email(email: &str) -> bool {
    let Some((local, domain)) = email.split_once('@') else {
        return false;
    };
    let no_bad_chars = |s: &str| {
        s.chars().all(|c| {
            !c.is_whitespace()
                && !c.is_control()
                && !matches!(
                    c,
                    '<' | '>' | '@' | ',' | '"' | '(' | ')' | ';' | ':' | '\\'
                )
        })
    };
    !local.is_empty()
        && local.chars().count() <= 64
        && no_bad_chars(local)
        && no_bad_chars(domain)
        && !domain.starts_with('.')
        && !domain.ends_with('.')
        && !domain.contains("..")
        && domain.split('.').count() >= 2
        && domain
            .split('.')
            .all(|label| !label.is_empty() && !label.starts_with('-') && !label.ends_with('-'))
        && domain
            .rsplit('.')
            .next()
            .is_some_and(|tld| tld.chars().count() >= 2 && tld.chars().all(char::is_alphanumeric))
}

fn check_carrier(a: &Answers) -> Option<&'static str> {
    let carrier = a.carrier.trim();
    if carrier.is_empty() {
        (!a.no_insurance).then_some(msg::CARRIER_REQUIRED)
    } else if carrier.chars().count() > MAX_CARRIER {
        Some(msg::CARRIER_LONG)
    } else if carrier
        .chars()
        .any(|c| c.is_control() || matches!(c, '<' | '>'))
    {
        Some(msg::CARRIER_CHARACTERS)
    } else {
        None
    }
}

fn check_member_id(id: &str) -> Option<&'static str> {
    if id.chars().count() > MAX_MEMBER_ID {
        Some(msg::MEMBER_ID_LONG)
    } else if !id
        .chars()
        .all(|c| c.is_ascii_alphanumeric() || matches!(c, ' ' | '-'))
    {
        Some(msg::MEMBER_ID_CHARACTERS)
    } else {
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::forms::rules::answers::{Concern, Who};

    fn complete() -> Answers {
        Answers {
            who: Some(Who::Me),
            concerns: vec![Concern::Alcohol],
            name: "Ada Lovelace".into(),
            phone: "(949) 763-3440".into(),
            email: "ada@example.com".into(),
            contact_method: Some(ContactMethod::Call),
            carrier: "Cigna".into(),
            consent: true,
            ..Answers::default()
        }
    }

    fn errors_on(step: StepKind, answers: &Answers) -> Vec<(Field, String)> {
        validate_step(step, answers)
            .into_iter()
            .map(|e| (e.field.unwrap(), e.message))
            .collect()
    }

    fn message(step: StepKind, field: Field, answers: &Answers) -> Option<String> {
        errors_on(step, answers)
            .into_iter()
            .find(|(f, _)| *f == field)
            .map(|(_, m)| m)
    }

    #[test]
    fn a_complete_form_has_no_errors() {
        assert_eq!(validate_all(FormKind::Contact, &complete()), vec![]);
    }

    #[test]
    fn an_empty_form_reports_every_required_question_in_page_order() {
        let errors = validate_all(FormKind::Contact, &Answers::default());
        let fields: Vec<Field> = errors.iter().filter_map(|e| e.field).collect();
        assert_eq!(
            fields,
            [
                Field::Who,
                Field::Concerns,
                Field::Name,
                Field::Phone,
                Field::ContactMethod,
                Field::Carrier,
                Field::Consent
            ]
        );
        assert_eq!(first_step_with_error(FormKind::Contact, &errors), Some(1));
    }

    #[test]
    fn phone_or_email_is_enough_unless_the_method_needs_one() {
        let mut a = complete();
        a.phone.clear();
        a.contact_method = Some(ContactMethod::Email);
        assert_eq!(errors_on(StepKind::Details, &a), vec![]);
        a.contact_method = Some(ContactMethod::Text);
        assert_eq!(
            message(StepKind::Details, Field::Phone, &a).as_deref(),
            Some(msg::PHONE_FOR_TEXT)
        );
        a.contact_method = Some(ContactMethod::Call);
        assert_eq!(
            message(StepKind::Details, Field::Phone, &a).as_deref(),
            Some(msg::PHONE_FOR_CALL)
        );
        let mut b = complete();
        b.email.clear();
        b.contact_method = Some(ContactMethod::Email);
        assert_eq!(
            message(StepKind::Details, Field::Email, &b).as_deref(),
            Some(msg::EMAIL_FOR_EMAIL)
        );
        b.phone.clear();
        b.contact_method = None;
        assert_eq!(
            message(StepKind::Details, Field::Phone, &b).as_deref(),
            Some(msg::PHONE_OR_EMAIL)
        );
    }

    #[test]
    fn bad_phone_and_email_formats_are_explained() {
        let mut a = complete();
        a.phone = "12345".into();
        a.email = "ada@example".into();
        assert_eq!(
            errors_on(StepKind::Details, &a),
            vec![
                (Field::Phone, msg::PHONE_FORMAT.to_string()),
                (Field::Email, msg::EMAIL_FORMAT.to_string())
            ]
        );
        a.email = format!("{}@example.com", "a".repeat(250));
        assert_eq!(
            message(StepKind::Details, Field::Email, &a).as_deref(),
            Some(msg::EMAIL_LONG)
        );
    }

    #[test]
    fn emails() {
        for good in [
            "a@b.co",
            "first.last+tag@sub.example.org",
            "ñandú@correo.es",
        ] {
            assert!(is_email(good), "{good}");
        }
        for bad in [
            "",
            "plain",
            "@example.com",
            "a@",
            "a@b",
            "a@.com",
            "a@b..com",
            "a b@c.com",
            "a@b.c",
            "<script>@x.com",
            "a@b@c.com",
            "a@-b.com",
        ] {
            assert!(!is_email(bad), "{bad}");
        }
    }

    #[test]
    fn names_are_letters_not_markup_or_emoji() {
        let mut a = complete();
        for good in ["Zoë O’Brien-Smith", "J. R. R. Tolkien", "李小龍", "José"] {
            a.name = good.into();
            assert_eq!(message(StepKind::Details, Field::Name, &a), None, "{good}");
        }
        for bad in ["<script>alert(1)</script>", "Ada 😀", "R2D2"] {
            a.name = bad.into();
            assert_eq!(
                message(StepKind::Details, Field::Name, &a).as_deref(),
                Some(msg::NAME_CHARACTERS),
                "{bad}"
            );
        }
        a.name = "a".repeat(MAX_NAME + 1);
        assert_eq!(
            message(StepKind::Details, Field::Name, &a).as_deref(),
            Some(msg::NAME_LONG)
        );
        a.name = "   ".into();
        assert_eq!(
            message(StepKind::Details, Field::Name, &a).as_deref(),
            Some(msg::NAME_REQUIRED)
        );
    }

    #[test]
    fn insurance_is_a_carrier_or_none() {
        let mut a = complete();
        a.carrier.clear();
        assert_eq!(
            message(StepKind::Insurance, Field::Carrier, &a).as_deref(),
            Some(msg::CARRIER_REQUIRED)
        );
        a.no_insurance = true;
        assert_eq!(errors_on(StepKind::Insurance, &a), vec![]);
        a.carrier = "<b>".into();
        assert_eq!(
            message(StepKind::Insurance, Field::Carrier, &a).as_deref(),
            Some(msg::CARRIER_CHARACTERS)
        );
        a.carrier = "Cigna".into();
        a.member_id = "ABC-123 45".into();
        assert_eq!(errors_on(StepKind::Insurance, &a), vec![]);
        a.member_id = "ABC😀".into();
        assert_eq!(
            message(StepKind::Insurance, Field::MemberId, &a).as_deref(),
            Some(msg::MEMBER_ID_CHARACTERS)
        );
        a.member_id = "1".repeat(MAX_MEMBER_ID + 1);
        assert_eq!(
            message(StepKind::Insurance, Field::MemberId, &a).as_deref(),
            Some(msg::MEMBER_ID_LONG)
        );
    }

    #[test]
    fn the_message_is_free_text_with_a_limit_and_consent_is_required() {
        let mut a = complete();
        a.message = "Help 🙏 <script>alert(1)</script>\nthanks".into();
        assert_eq!(errors_on(StepKind::Message, &a), vec![]);
        a.message = "x".repeat(MAX_MESSAGE + 1);
        a.consent = false;
        assert_eq!(
            errors_on(StepKind::Message, &a),
            vec![
                (Field::Message, msg::MESSAGE_LONG.to_string()),
                (Field::Consent, msg::CONSENT.to_string())
            ]
        );
    }

    #[test]
    fn the_book_form_needs_a_valid_email_only() {
        let mut a = Answers::default();
        let errors = |a: &Answers| validate_all(FormKind::Book, a);
        assert_eq!(
            errors(&a),
            vec![FieldError::new(Field::Email, msg::EMAIL_REQUIRED)]
        );
        a.email = "nope".into();
        assert_eq!(
            errors(&a),
            vec![FieldError::new(Field::Email, msg::EMAIL_FORMAT)]
        );
        a.email = "reader@example.com".into();
        assert_eq!(errors(&a), vec![]);
    }

    #[test]
    fn first_step_with_error_ignores_general_errors() {
        let errors = vec![
            FieldError {
                field: None,
                message: "x".into(),
            },
            FieldError::new(Field::Consent, "y"),
            FieldError::new(Field::Email, "z"),
        ];
        assert_eq!(first_step_with_error(FormKind::Contact, &errors), Some(2));
        assert_eq!(first_step_with_error(FormKind::Contact, &errors[..1]), None);
    }
}
