//! The checks made when a visitor presses Continue or Send, with the
//! messages shown in the error summary and next to each field.

use super::answers::{Answers, ContactMethod, Field, FormKind, StepKind};
use super::phone;
use crate::content::FormsErrorsText;

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

/// Every problem on `step`, in page order, in the words of `msg`
/// (`forms.toml [errors]`); empty when the visitor may go on.
pub fn validate_step(step: StepKind, answers: &Answers, msg: &FormsErrorsText) -> Vec<FieldError> {
    step.fields()
        .iter()
        .filter_map(|&field| check(step, field, answers, msg).map(|m| FieldError::new(field, m)))
        .collect()
}

/// Every problem in the whole form, in page order.
pub fn validate_all(form: FormKind, answers: &Answers, msg: &FormsErrorsText) -> Vec<FieldError> {
    form.steps()
        .iter()
        .flat_map(|&step| validate_step(step, answers, msg))
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

fn check(step: StepKind, field: Field, a: &Answers, msg: &FormsErrorsText) -> Option<&'static str> {
    match field {
        Field::Who => a.who.is_none().then_some(msg.who),
        Field::Concerns => a.concerns.is_empty().then_some(msg.concerns),
        Field::Name => check_name(&a.name, msg),
        Field::Phone => check_phone(a, msg),
        // The book form asks for the email alone, so it is required there.
        Field::Email if step == StepKind::Book => match a.email.trim() {
            "" => Some(msg.email_required),
            email => check_email(email, msg),
        },
        Field::Email => check_contact_email(a, msg),
        Field::ContactMethod => a.contact_method.is_none().then_some(msg.contact_method),
        Field::BestTime => None,
        Field::Carrier => check_carrier(a, msg),
        Field::MemberId => check_member_id(a.member_id.trim(), msg),
        Field::NoInsurance => None,
        Field::Message => {
            (a.message.trim().chars().count() > MAX_MESSAGE).then_some(msg.message_long)
        }
        Field::Consent => (!a.consent).then_some(msg.consent),
    }
}

fn check_name(name: &str, msg: &FormsErrorsText) -> Option<&'static str> {
    let name = name.trim();
    if name.is_empty() {
        Some(msg.name_required)
    } else if name.chars().count() > MAX_NAME {
        Some(msg.name_long)
    } else if !name.chars().all(is_name_char) {
        Some(msg.name_characters)
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

fn check_phone(a: &Answers, msg: &FormsErrorsText) -> Option<&'static str> {
    let phone = a.phone.trim();
    if phone.is_empty() {
        return match a.contact_method {
            Some(ContactMethod::Call) => Some(msg.phone_for_call),
            Some(ContactMethod::Text) => Some(msg.phone_for_text),
            _ if a.email.trim().is_empty() => Some(msg.phone_or_email),
            _ => None,
        };
    }
    phone::normalize_us(phone).err().map(|_| msg.phone_format)
}

fn check_contact_email(a: &Answers, msg: &FormsErrorsText) -> Option<&'static str> {
    match a.email.trim() {
        "" if a.contact_method == Some(ContactMethod::Email) => Some(msg.email_for_email),
        "" => None,
        email => check_email(email, msg),
    }
}

fn check_email(email: &str, msg: &FormsErrorsText) -> Option<&'static str> {
    if email.chars().any(is_invisible) {
        // Before the format check: the address may look right on screen
        // and still reach no one (or someone else).
        Some(msg.email_hidden)
    } else if email.chars().count() > MAX_EMAIL {
        Some(msg.email_long)
    } else if !is_email(email) {
        Some(msg.email_format)
    } else {
        None
    }
}

/// Characters that take no room on screen but change the text: Unicode's
/// format characters (general category Cf: zero-width spaces and joiners,
/// direction marks and overrides, the byte order mark, soft hyphens, word
/// joiners, tag characters). Listed by range: the standard library does not
/// know general categories.
pub fn is_invisible(c: char) -> bool {
    matches!(
        c,
        '\u{00AD}'
            | '\u{0600}'..='\u{0605}'
            | '\u{061C}'
            | '\u{06DD}'
            | '\u{070F}'
            | '\u{0890}'..='\u{0891}'
            | '\u{08E2}'
            | '\u{180E}'
            | '\u{200B}'..='\u{200F}'
            | '\u{202A}'..='\u{202E}'
            | '\u{2060}'..='\u{2064}'
            | '\u{2066}'..='\u{206F}'
            | '\u{FEFF}'
            | '\u{FFF9}'..='\u{FFFB}'
            | '\u{110BD}'
            | '\u{110CD}'
            | '\u{13430}'..='\u{1343F}'
            | '\u{1BCA0}'..='\u{1BCA3}'
            | '\u{1D173}'..='\u{1D17A}'
            | '\u{E0001}'
            | '\u{E0020}'..='\u{E007F}'
    )
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

fn check_carrier(a: &Answers, msg: &FormsErrorsText) -> Option<&'static str> {
    let carrier = a.carrier.trim();
    if carrier.is_empty() {
        (!a.no_insurance).then_some(msg.carrier_required)
    } else if carrier.chars().count() > MAX_CARRIER {
        Some(msg.carrier_long)
    } else if carrier
        .chars()
        .any(|c| c.is_control() || matches!(c, '<' | '>'))
    {
        Some(msg.carrier_characters)
    } else {
        None
    }
}

fn check_member_id(id: &str, msg: &FormsErrorsText) -> Option<&'static str> {
    if id.chars().count() > MAX_MEMBER_ID {
        Some(msg.member_id_long)
    } else if !id
        .chars()
        .all(|c| c.is_ascii_alphanumeric() || matches!(c, ' ' | '-'))
    {
        Some(msg.member_id_characters)
    } else {
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::forms::rules::answers::{Concern, Who};

    /// The messages of the tests' own content (`tests/fixtures/content`).
    fn msg() -> &'static FormsErrorsText {
        &crate::content::load::fixture().forms.errors
    }

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
        validate_step(step, answers, msg())
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
        assert_eq!(validate_all(FormKind::Contact, &complete(), msg()), vec![]);
    }

    #[test]
    fn an_empty_form_reports_every_required_question_in_page_order() {
        let errors = validate_all(FormKind::Contact, &Answers::default(), msg());
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
            Some(msg().phone_for_text)
        );
        a.contact_method = Some(ContactMethod::Call);
        assert_eq!(
            message(StepKind::Details, Field::Phone, &a).as_deref(),
            Some(msg().phone_for_call)
        );
        let mut b = complete();
        b.email.clear();
        b.contact_method = Some(ContactMethod::Email);
        assert_eq!(
            message(StepKind::Details, Field::Email, &b).as_deref(),
            Some(msg().email_for_email)
        );
        b.phone.clear();
        b.contact_method = None;
        assert_eq!(
            message(StepKind::Details, Field::Phone, &b).as_deref(),
            Some(msg().phone_or_email)
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
                (Field::Phone, msg().phone_format.to_string()),
                (Field::Email, msg().email_format.to_string())
            ]
        );
        a.email = format!("{}@example.com", "a".repeat(250));
        assert_eq!(
            message(StepKind::Details, Field::Email, &a).as_deref(),
            Some(msg().email_long)
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
                Some(msg().name_characters),
                "{bad}"
            );
        }
        a.name = "a".repeat(MAX_NAME + 1);
        assert_eq!(
            message(StepKind::Details, Field::Name, &a).as_deref(),
            Some(msg().name_long)
        );
        a.name = "   ".into();
        assert_eq!(
            message(StepKind::Details, Field::Name, &a).as_deref(),
            Some(msg().name_required)
        );
    }

    #[test]
    fn insurance_is_a_carrier_or_none() {
        let mut a = complete();
        a.carrier.clear();
        assert_eq!(
            message(StepKind::Insurance, Field::Carrier, &a).as_deref(),
            Some(msg().carrier_required)
        );
        a.no_insurance = true;
        assert_eq!(errors_on(StepKind::Insurance, &a), vec![]);
        a.carrier = "<b>".into();
        assert_eq!(
            message(StepKind::Insurance, Field::Carrier, &a).as_deref(),
            Some(msg().carrier_characters)
        );
        a.carrier = "Cigna".into();
        a.member_id = "ABC-123 45".into();
        assert_eq!(errors_on(StepKind::Insurance, &a), vec![]);
        a.member_id = "ABC😀".into();
        assert_eq!(
            message(StepKind::Insurance, Field::MemberId, &a).as_deref(),
            Some(msg().member_id_characters)
        );
        a.member_id = "1".repeat(MAX_MEMBER_ID + 1);
        assert_eq!(
            message(StepKind::Insurance, Field::MemberId, &a).as_deref(),
            Some(msg().member_id_long)
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
                (Field::Message, msg().message_long.to_string()),
                (Field::Consent, msg().consent.to_string())
            ]
        );
    }

    #[test]
    fn the_book_form_needs_a_valid_email_only() {
        let mut a = Answers::default();
        let errors = |a: &Answers| validate_all(FormKind::Book, a, msg());
        assert_eq!(
            errors(&a),
            vec![FieldError::new(Field::Email, msg().email_required)]
        );
        a.email = "nope".into();
        assert_eq!(
            errors(&a),
            vec![FieldError::new(Field::Email, msg().email_format)]
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

    #[test]
    fn email_with_hidden_characters_is_refused() {
        for typed in [
            "ada\u{200B}@exa\u{200D}mple.com",
            "ada\u{202E}@example.com",
            "\u{FEFF}ada@example.com",
            "ada@example.com\u{2060}",
        ] {
            let mut a = complete();
            a.email = typed.into();
            assert_eq!(
                message(StepKind::Details, Field::Email, &a).as_deref(),
                Some(msg().email_hidden),
                "{typed:?}"
            );
            a.email = typed.into();
            assert_eq!(
                message(StepKind::Book, Field::Email, &a).as_deref(),
                Some(msg().email_hidden),
                "book form: {typed:?}"
            );
        }
        // Visible non-ASCII letters are fine (international addresses).
        let mut a = complete();
        a.email = "zoë@example.com".into();
        assert_eq!(message(StepKind::Details, Field::Email, &a), None);
    }
}
