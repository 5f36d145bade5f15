//! Every word the contact and book forms show, in one place.
//!
//! Kept as Rust constants rather than in `src/content/` because the content
//! compiler has no form schema yet; moving these into a `form.toml` later
//! changes only where the strings come from, not the components.

/// The `{phone}` placeholder in some texts is replaced with the site's
/// number as shown to people.
pub const PHONE_PLACEHOLDER: &str = "{phone}";

/// Replaces [`PHONE_PLACEHOLDER`] in `text` with `phone`.
pub fn with_phone(text: &str, phone: &str) -> String {
    text.replace(PHONE_PLACEHOLDER, phone)
}

pub mod contact {
    pub const HEADING: &str = "Send Us a Message";
    pub const INTRO: &str =
        "Tell us a little about what is going on and how to reach you. It takes about two minutes, and everything you type stays on this device until you send it.";
    pub const CALL_INSTEAD: &str = "Prefer to talk now? Call us on";
    /// `Step {n} of {total}`
    pub fn progress(n: u8, total: u8) -> String {
        format!("Step {n} of {total}")
    }
    pub const CONTINUE: &str = "Continue";
    pub const BACK: &str = "Back";
    pub const SEND: &str = "Send";
    pub const SENDING: &str = "Sending…";
    pub const OPTIONAL: &str = "(optional)";

    pub const STEP_WHO: &str = "Who needs help?";
    pub const STEP_DETAILS: &str = "How can we reach you?";
    pub const STEP_INSURANCE: &str = "Your insurance";
    pub const STEP_MESSAGE: &str = "Anything else we should know?";
    pub const STEP_CHECK: &str = "Check your answers before sending";

    pub const WHO_LEGEND: &str = "Who are you asking for?";
    pub const WHO_ME: &str = "Me";
    pub const WHO_SOMEONE: &str = "Someone I care about";
    pub const CONCERNS_LEGEND: &str = "What do you need help with?";
    pub const CONCERNS_HINT: &str = "Select all that apply.";
    pub const CONCERN_DRUGS: &str = "Drugs";
    pub const CONCERN_ALCOHOL: &str = "Alcohol";
    pub const CONCERN_MENTAL_HEALTH: &str = "Mental health";

    pub const NAME: &str = "Your name";
    pub const PHONE: &str = "Phone number";
    pub const PHONE_HINT: &str =
        "A US number, like (949) 763-3440. Give a phone number, an email address, or both.";
    pub const EMAIL: &str = "Email address";
    pub const METHOD_LEGEND: &str = "How should we contact you?";
    pub const METHOD_CALL: &str = "Phone call";
    pub const METHOD_TEXT: &str = "Text message";
    pub const METHOD_EMAIL: &str = "Email";
    pub const BEST_TIME: &str = "Best time to reach you";
    pub const TIME_ANY: &str = "Any time";
    pub const TIME_MORNING: &str = "Morning (8am to noon)";
    pub const TIME_AFTERNOON: &str = "Afternoon (noon to 5pm)";
    pub const TIME_EVENING: &str = "Evening (5pm to 9pm)";
    pub const REMEMBER: &str = "Remember my answers on this device";
    pub const REMEMBER_HINT: &str = "Only tick this on your own device. Otherwise your answers are forgotten when you close this tab.";

    pub const CARRIER: &str = "Insurance carrier";
    pub const CARRIER_HINT: &str = "For example Cigna, Aetna or BlueCross BlueShield.";
    pub const MEMBER_ID: &str = "Member ID";
    pub const MEMBER_ID_HINT: &str = "You can find it on your insurance card.";
    pub const NO_INSURANCE: &str = "I do not have insurance, or I will pay privately";

    pub const MESSAGE: &str = "Your message";
    pub const MESSAGE_HINT: &str = "Anything you would like us to know before we talk.";
    pub const CONSENT: &str =
        "I agree that Asana Recovery may contact me in the way I chose above about my enquiry.";
    pub const PRIVACY_BEFORE: &str = "Read how we handle your information in our ";
    pub const PRIVACY_LINK: &str = "privacy notice";
    /// The privacy notice, relative to the site's base URL (`[links] privacy`).
    pub const PRIVACY_PATH: &str = "privacy-policy/";
    pub const PRIVACY_AFTER: &str = " (opens the Asana Recovery website).";

    pub const CHANGE: &str = "Change";
    pub const ANSWER_WHO: &str = "Who needs help";
    pub const ANSWER_CONCERNS: &str = "Help with";
    pub const ANSWER_NAME: &str = "Name";
    pub const ANSWER_PHONE: &str = "Phone";
    pub const ANSWER_EMAIL: &str = "Email";
    pub const ANSWER_METHOD: &str = "Contact by";
    pub const ANSWER_TIME: &str = "Best time";
    pub const ANSWER_INSURANCE: &str = "Insurance";
    pub const ANSWER_MEMBER_ID: &str = "Member ID";
    pub const ANSWER_MESSAGE: &str = "Message";
    pub const ANSWER_CONSENT: &str = "Permission to contact";
    pub const NOT_GIVEN: &str = "Not given";
    pub const YES: &str = "Yes";
    pub const NO_INSURANCE_ANSWER: &str = "No insurance or private pay";

    pub const SENT_HEADING: &str = "Message sent";
    pub const DELIVERED_HEADING: &str = "Your message was delivered";
    pub const NEXT_CALL: &str =
        "A member of our admissions team will call you, usually within an hour during the day.";
    pub const NEXT_TEXT: &str =
        "A member of our admissions team will text you, usually within an hour during the day.";
    pub const NEXT_EMAIL: &str =
        "A member of our admissions team will email you, usually the same day.";
    pub const NEXT_NOW: &str = "If you need to talk sooner, call us any time on";
    pub const SEND_ANOTHER: &str = "Send another message";
    /// The honeypot's label: read by no one who sees the page.
    pub const HONEYPOT: &str = "Leave this field empty";
}

pub mod book {
    pub const EMAIL: &str = "Your email address";
    pub const EMAIL_HINT: &str =
        "We will email you a link to the free book. We do not share your address.";
    pub const SEND: &str = "Send me the free book";
    pub const SENT_HEADING: &str = "Check your inbox";
    pub const SENT: &str = "We have sent the free book to your email address. If it has not arrived in a few minutes, check your spam folder.";
}

/// What the visitor is told while sending and when sending fails.
pub mod status {
    pub const UNAVAILABLE_HEADING: &str = "This form is not available right now";
    pub const UNAVAILABLE: &str = "Please call us instead on";
    /// Under a form when scripts are off: it cannot send without them.
    pub const NEEDS_SCRIPT: &str =
        "This form needs JavaScript, which is turned off in your browser. Please call us instead on";
    pub const LOADING: &str = "Getting the form ready…";
    /// The form's code did not download (shown by the page's loader).
    pub const LOAD_FAILED_HEADING: &str = "This form could not load";
    pub const LOAD_FAILED: &str = "Check your connection and try again, or call us on";
    pub const FAILED_HEADING: &str = "Your message has not been sent yet";
    pub const KEPT: &str = "Your answers are saved on this device. Try again, or call us on";
    pub const NETWORK: &str = "We could not reach our message service. Check your connection.";
    pub const TIMEOUT: &str = "Our message service took too long to answer.";
    pub const SERVER: &str = "Our message service had a problem.";
    pub const REJECTED: &str = "Our message service did not accept the message.";
    pub const TRY_AGAIN: &str = "Try again";
    pub const QUEUED_HEADING: &str = "You are offline: your message is waiting";
    pub const QUEUED: &str = "We will send it as soon as your connection comes back. Keep this page open. If it is urgent, call us on";
    pub const CONFIRM_HEADING: &str = "Please check and send again";
    pub const CONFIRM: &str = "That was very quick, so we want to make sure a person is sending this. Check your answers and press the button again.";
}

/// Error messages, GOV.UK style: say what to do, not what went wrong.
pub mod errors {
    pub const SUMMARY_HEADING: &str = "There is a problem";
    pub const TITLE_PREFIX: &str = "Error: ";
    pub const INLINE_PREFIX: &str = "Error:";
    pub const WHO: &str = "Select who needs help";
    pub const CONCERNS: &str = "Select what you need help with";
    pub const NAME_REQUIRED: &str = "Enter your name";
    pub const NAME_LONG: &str = "Name must be 100 characters or fewer";
    pub const NAME_CHARACTERS: &str =
        "Name must only include letters, spaces, hyphens, apostrophes and full stops";
    pub const PHONE_OR_EMAIL: &str = "Enter a phone number or an email address";
    pub const PHONE_FOR_CALL: &str = "Enter a phone number so we can call you";
    pub const PHONE_FOR_TEXT: &str = "Enter a phone number so we can text you";
    pub const PHONE_FORMAT: &str = "Enter a US phone number, like (949) 763-3440";
    pub const EMAIL_REQUIRED: &str = "Enter your email address";
    pub const EMAIL_FOR_EMAIL: &str = "Enter an email address so we can email you";
    pub const EMAIL_FORMAT: &str =
        "Enter an email address in the correct format, like name@example.com";
    pub const EMAIL_LONG: &str = "Email address must be 254 characters or fewer";
    pub const CONTACT_METHOD: &str = "Select how we should contact you";
    pub const CARRIER_REQUIRED: &str =
        "Enter your insurance carrier, or select that you do not have insurance";
    pub const CARRIER_LONG: &str = "Insurance carrier must be 100 characters or fewer";
    pub const CARRIER_CHARACTERS: &str = "Insurance carrier must not include < or >";
    pub const MEMBER_ID_LONG: &str = "Member ID must be 40 characters or fewer";
    pub const MEMBER_ID_CHARACTERS: &str =
        "Member ID must only include letters, numbers, spaces and hyphens";
    pub const MESSAGE_LONG: &str = "Your message must be 2,000 characters or fewer";
    pub const CONSENT: &str = "Select the box to give us permission to contact you";
    /// A backend error about a field this form does not know.
    pub const GENERAL_PREFIX: &str = "Our message service said:";
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn phone_placeholder_is_filled() {
        assert_eq!(
            with_phone("Call {phone} now", "(949) 763-3440"),
            "Call (949) 763-3440 now"
        );
        assert_eq!(contact::progress(2, 5), "Step 2 of 5");
    }
}
