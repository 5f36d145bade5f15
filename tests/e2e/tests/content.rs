//! The page contract: what the article must render, shared by the tests.
//! The suite runs against a build of the fixture content
//! (`tests/fixtures/content/`, built by `.ci/build --fixture`), so editing the
//! live content never fails an e2e test; the fixture keeps the live
//! structure and differs where a test must tell them apart (the title).

/// The article's one h1 (the fixture's, not the live one).
pub const H1: &str =
    "Ketamine, Told for the Tests: Party Drug or Therapeutic Breakthrough? What Professionals Should Know";

/// The section headings (h2), in order. Note the typographic apostrophes.
pub const SECTIONS: [&str; 8] = [
    "Introduction: Understanding Ketamine’s Two Faces",
    "Ketamine as a Party Drug: The Risks and Realities",
    "Therapeutic Breakthroughs with Ketamine: A New Hope",
    "Professional Insights on Ketamine Therapy: Integration and Practice",
    "Exploring Ketamine in Couples Therapy: Breaking Down Barriers",
    "Understanding the Risks vs. Benefits: Recreational Use vs. Therapy",
    "Asana Recovery’s Approach: Personalized Care and Innovative Treatment",
    "Frequently Asked Questions about Ketamine Therapy",
];

/// The table of contents' navigation name (compared case-insensitively:
/// screen readers announce "Table of contents" and "Table of Contents" alike).
pub const TOC: &str = "Table of contents";

/// The FAQ section's heading.
pub const FAQ_HEADING: &str = SECTIONS[7];

/// The FAQ questions.
pub const FAQ: [&str; 5] = [
    "What is ketamine used for in therapy?",
    "How does ketamine differ from other antidepressants?",
    "Is ketamine therapy safe?",
    "What are the side effects of ketamine treatment?",
    "How can I verify my insurance for ketamine therapy at Asana Recovery?",
];

/// The region listing the insurance carriers, by its heading.
pub const VERIFY_REGION: &str = "Verify Insurance for Free";

/// The insurance carriers listed in that region.
pub const CARRIERS: [&str; 6] = [
    "Cigna",
    "BlueCross BlueShield",
    "Magellan Health",
    "Aetna",
    "Anthem",
    "Beacon Health Options",
];

/// The admissions phone number, as used in tel: and sms: links.
pub const PHONE: &str = "+19497633440";

/// The crisis notes' accessible name (`ui.toml [crisis] label`).
pub const CRISIS_LABEL: &str = "Crisis help";

/// How many crisis notes the page shows: one per `{{crisis}}` of the
/// fixture article (three) and one in the footer.
pub const CRISIS_NOTES: usize = 4;

/// The links each crisis note carries: call and text the 988 Lifeline,
/// call 911.
pub const CRISIS_LINKS: [&str; 3] = ["tel:988", "sms:988", "tel:911"];

/// A phrase of the disclaimer (`site.toml [disclaimer]`).
pub const DISCLAIMER: &str = "not medical advice";

/// What a form's placeholder says while its code loads for a visitor who
/// is in it (`forms.toml [status] loading`).
pub const FORM_LOADING: &str = "Getting the form ready…";

/// The checker's placeholder while its code loads (`[checker.load] loading`).
pub const CHECKER_LOADING: &str = "Getting the checker ready…";

/// The app's name under its home-screen icon (`[app]` of site.toml).
pub const SHORT_NAME: &str = "Test article";

/// The "new version" bar's text and button (`[update]` of ui.toml).
pub const UPDATE_TEXT: &str = "Fixture: a new version is ready.";
pub const UPDATE_RELOAD: &str = "Reload now";

/// What the contact form says when the device keeps a message for later
/// (`queued_saved` of forms.toml).
pub const QUEUED_SAVED: &str = "Fixture: saved on this device until the connection is back.";

/// What it says once a message that waited was delivered.
pub const DELIVERED: &str = "Your message was delivered";

/// The insurance checker's combobox label (`carriers.toml [checker] label`).
pub const CHECKER_LABEL: &str = "Who is your insurance with?";

/// The contact form's heading (`forms.toml [contact] heading`).
pub const CONTACT_HEADING: &str = "Send Us a Message";

/// The book offer's heading (`offers.toml`).
pub const BOOK_HEADING: &str = "Meet the Book That’s Changing Lives";
