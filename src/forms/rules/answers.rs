//! What a visitor answers, the fields those answers live in, and the steps
//! of each form.

use serde::{Deserialize, Serialize};

/// Which form: the five-step contact form or the one-step book request.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum FormKind {
    Contact,
    Book,
}

impl FormKind {
    /// Stable id: the `forms` key of `form-config.json`, the prefix of element
    /// ids and storage keys, and the value of the `form` field sent.
    pub fn id(self) -> &'static str {
        match self {
            FormKind::Contact => "contact",
            FormKind::Book => "book",
        }
    }

    /// The steps, in order; the last one is where the visitor sends.
    pub fn steps(self) -> &'static [StepKind] {
        match self {
            FormKind::Contact => &[
                StepKind::Who,
                StepKind::Details,
                StepKind::Insurance,
                StepKind::Message,
                StepKind::Check,
            ],
            FormKind::Book => &[StepKind::Book],
        }
    }

    /// How many steps there are.
    pub fn step_count(self) -> u8 {
        // At most five steps: the cast cannot truncate.
        self.steps().len() as u8
    }

    /// The step numbered `number` (1-based), if there is one.
    pub fn step(self, number: u8) -> Option<StepKind> {
        let index = usize::from(number).checked_sub(1)?;
        self.steps().get(index).copied()
    }

    /// The 1-based number of the step holding `field`, if the form asks it.
    pub fn step_of(self, field: Field) -> Option<u8> {
        self.steps()
            .iter()
            .position(|step| step.fields().contains(&field))
            .and_then(|index| u8::try_from(index + 1).ok())
    }

    /// Every field this form sends, in order.
    pub fn fields(self) -> Vec<Field> {
        self.steps()
            .iter()
            .flat_map(|step| step.fields().iter().copied())
            .collect()
    }
}

/// One page of a form.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum StepKind {
    /// Who needs help, and with what.
    Who,
    /// Name, phone, email, how and when to reach them.
    Details,
    /// Carrier, member id, or no insurance.
    Insurance,
    /// Anything else, and consent.
    Message,
    /// Check your answers, then send.
    Check,
    /// The free book: an email address.
    Book,
}

impl StepKind {
    /// The questions on this step, in page order.
    pub fn fields(self) -> &'static [Field] {
        match self {
            StepKind::Who => &[Field::Who, Field::Concerns],
            StepKind::Details => &[
                Field::Name,
                Field::Phone,
                Field::Email,
                Field::ContactMethod,
                Field::BestTime,
            ],
            StepKind::Insurance => &[Field::Carrier, Field::MemberId, Field::NoInsurance],
            StepKind::Message => &[Field::Message, Field::Consent],
            StepKind::Check => &[],
            StepKind::Book => &[Field::Email],
        }
    }
}

/// A question of a form. Its [`Field::key`] is the name sent to the backend
/// unless `form-config.json` maps it to another.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum Field {
    Who,
    Concerns,
    Name,
    Phone,
    Email,
    ContactMethod,
    BestTime,
    Carrier,
    MemberId,
    NoInsurance,
    Message,
    Consent,
}

impl Field {
    /// Every field, in the order of the contact form.
    pub const ALL: [Field; 12] = [
        Field::Who,
        Field::Concerns,
        Field::Name,
        Field::Phone,
        Field::Email,
        Field::ContactMethod,
        Field::BestTime,
        Field::Carrier,
        Field::MemberId,
        Field::NoInsurance,
        Field::Message,
        Field::Consent,
    ];

    /// The canonical name: the default name sent, the key in `fields` of
    /// `form-config.json`, and the suffix of the element id.
    pub fn key(self) -> &'static str {
        match self {
            Field::Who => "who",
            Field::Concerns => "concerns",
            Field::Name => "name",
            Field::Phone => "phone",
            Field::Email => "email",
            Field::ContactMethod => "contact_method",
            Field::BestTime => "best_time",
            Field::Carrier => "carrier",
            Field::MemberId => "member_id",
            Field::NoInsurance => "no_insurance",
            Field::Message => "message",
            Field::Consent => "consent",
        }
    }

    /// The field whose canonical name is `key`.
    pub fn from_key(key: &str) -> Option<Field> {
        Field::ALL.into_iter().find(|field| field.key() == key)
    }

    /// The id of the field's element (of its first option, for choices) in
    /// the form `form`, e.g. `contact-name`.
    pub fn element_id(self, form: FormKind) -> String {
        format!("{}-{}", form.id(), self.key().replace('_', "-"))
    }
}

/// Who the enquiry is for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Who {
    Me,
    SomeoneElse,
}

impl Who {
    pub const ALL: [Who; 2] = [Who::Me, Who::SomeoneElse];

    /// The value sent.
    pub fn code(self) -> &'static str {
        match self {
            Who::Me => "me",
            Who::SomeoneElse => "someone-i-care-about",
        }
    }
}

/// What the help is with; several may apply.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum Concern {
    Drugs,
    Alcohol,
    MentalHealth,
}

impl Concern {
    pub const ALL: [Concern; 3] = [Concern::Drugs, Concern::Alcohol, Concern::MentalHealth];

    /// The value sent.
    pub fn code(self) -> &'static str {
        match self {
            Concern::Drugs => "drugs",
            Concern::Alcohol => "alcohol",
            Concern::MentalHealth => "mental-health",
        }
    }
}

/// How the visitor prefers to be reached.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum ContactMethod {
    Call,
    Text,
    Email,
}

impl ContactMethod {
    pub const ALL: [ContactMethod; 3] = [
        ContactMethod::Call,
        ContactMethod::Text,
        ContactMethod::Email,
    ];

    /// The value sent.
    pub fn code(self) -> &'static str {
        match self {
            ContactMethod::Call => "call",
            ContactMethod::Text => "text",
            ContactMethod::Email => "email",
        }
    }
}

/// When the visitor prefers to be reached.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum BestTime {
    #[default]
    Any,
    Morning,
    Afternoon,
    Evening,
}

impl BestTime {
    pub const ALL: [BestTime; 4] = [
        BestTime::Any,
        BestTime::Morning,
        BestTime::Afternoon,
        BestTime::Evening,
    ];

    /// The value sent (and the `<option>` value).
    pub fn code(self) -> &'static str {
        match self {
            BestTime::Any => "any",
            BestTime::Morning => "morning",
            BestTime::Afternoon => "afternoon",
            BestTime::Evening => "evening",
        }
    }

    /// The time whose [`BestTime::code`] is `code`.
    pub fn from_code(code: &str) -> Option<BestTime> {
        BestTime::ALL.into_iter().find(|time| time.code() == code)
    }
}

/// Everything a visitor has typed or chosen, exactly as typed: values are
/// trimmed and normalised only when checked and sent, never in place, so
/// nothing the visitor wrote is ever altered or cleared.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Answers {
    pub who: Option<Who>,
    /// In the order of [`Concern::ALL`], without duplicates.
    pub concerns: Vec<Concern>,
    pub name: String,
    pub phone: String,
    pub email: String,
    pub contact_method: Option<ContactMethod>,
    pub best_time: BestTime,
    pub carrier: String,
    pub member_id: String,
    pub no_insurance: bool,
    pub message: String,
    pub consent: bool,
    /// Keep the draft in localStorage rather than sessionStorage.
    pub remember: bool,
}

impl Answers {
    /// Ticks or unticks `concern`, keeping [`Answers::concerns`] ordered.
    pub fn set_concern(&mut self, concern: Concern, on: bool) {
        self.concerns.retain(|c| *c != concern);
        if on {
            self.concerns.push(concern);
            self.concerns.sort();
        }
    }

    /// Whether nothing has been answered yet (nothing worth keeping).
    pub fn is_empty(&self) -> bool {
        *self == Answers::default()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn contact_form_has_five_steps_ending_with_check() {
        let kind = FormKind::Contact;
        assert_eq!(kind.step_count(), 5);
        assert_eq!(kind.step(1), Some(StepKind::Who));
        assert_eq!(kind.step(5), Some(StepKind::Check));
        assert_eq!(kind.step(0), None);
        assert_eq!(kind.step(6), None);
        assert_eq!(FormKind::Book.step_count(), 1);
    }

    #[test]
    fn every_field_is_on_exactly_one_contact_step() {
        let fields = FormKind::Contact.fields();
        assert_eq!(fields, Field::ALL.to_vec());
        assert_eq!(FormKind::Contact.step_of(Field::Email), Some(2));
        assert_eq!(FormKind::Contact.step_of(Field::Consent), Some(4));
        assert_eq!(FormKind::Book.step_of(Field::Email), Some(1));
        assert_eq!(FormKind::Book.step_of(Field::Name), None);
    }

    #[test]
    fn keys_round_trip_and_ids_are_prefixed() {
        for field in Field::ALL {
            assert_eq!(Field::from_key(field.key()), Some(field));
        }
        assert_eq!(Field::from_key("nope"), None);
        assert_eq!(
            Field::ContactMethod.element_id(FormKind::Contact),
            "contact-contact-method"
        );
        assert_eq!(Field::Email.element_id(FormKind::Book), "book-email");
    }

    #[test]
    fn concerns_stay_ordered_and_unique() {
        let mut answers = Answers::default();
        answers.set_concern(Concern::MentalHealth, true);
        answers.set_concern(Concern::Drugs, true);
        answers.set_concern(Concern::Drugs, true);
        assert_eq!(answers.concerns, [Concern::Drugs, Concern::MentalHealth]);
        answers.set_concern(Concern::Drugs, false);
        assert_eq!(answers.concerns, [Concern::MentalHealth]);
        assert!(!answers.is_empty());
    }

    #[test]
    fn best_time_codes_round_trip() {
        for time in BestTime::ALL {
            assert_eq!(BestTime::from_code(time.code()), Some(time));
        }
        assert_eq!(BestTime::from_code("midnight"), None);
    }
}
