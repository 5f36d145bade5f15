//! The content compiler: reads the files of `src/content/` (see its
//! README), checks them and compiles them into Rust source for the app's
//! model (`src/content/model.rs`). `build.rs` runs [`generate`]; the app's
//! native tests run [`compile`] on fixture content.
//!
//! Pure Rust with no web dependencies. Every problem is reported, not just
//! the first, as `file:line:column: what`.
//!
//! Two modules have no dependencies and are also used by the app at run
//! time: [`slug`] (heading anchors) and [`names`] (how the insurance
//! checker reads a carrier's name, which the compiler uses to reject names
//! that would read the same).

pub mod names;
pub mod slug;

#[cfg(feature = "compiler")]
mod body;
#[cfg(feature = "compiler")]
mod carriers;
#[cfg(feature = "compiler")]
pub mod codegen;
#[cfg(feature = "compiler")]
mod compile;
#[cfg(feature = "compiler")]
pub mod compiled;
#[cfg(feature = "compiler")]
mod error;
#[cfg(feature = "compiler")]
mod files;
#[cfg(feature = "compiler")]
mod links;
#[cfg(feature = "compiler")]
mod markdown;
#[cfg(feature = "compiler")]
mod page;
#[cfg(feature = "compiler")]
mod site;
#[cfg(feature = "compiler")]
mod text;
#[cfg(feature = "compiler")]
pub mod texts;

#[cfg(all(test, feature = "compiler"))]
mod tests;

#[cfg(feature = "compiler")]
pub use compile::{compile, generate, SourceFile, Sources};
#[cfg(feature = "compiler")]
pub use error::Error;

/// The content files, in the order they are read and reported.
pub const FILES: [&str; 7] = [
    "site.toml",
    "article.md",
    "faq.toml",
    "offers.toml",
    "carriers.toml",
    "forms.toml",
    "ui.toml",
];

/// The offers of `offers.toml`: table name and page anchor.
pub const OFFERS: [(&str, &str); 6] = [
    ("insurance_cta", "insurance-cta"),
    ("shared_experience", "shared-experience"),
    ("verify_insurance", "verify-insurance"),
    ("book", "book"),
    ("closing_cta", "closing-cta"),
    ("help", "help"),
];

/// The anchor of the contact form, which the page layout provides.
pub const CONTACT_ID: &str = "contact";

/// The longest `[article] description`, in characters (search results cut the rest).
pub const MAX_DESCRIPTION: usize = 160;

/// The longest `[app] short_name`, in characters: well past what any
/// launcher shows, so what is longer is a mistake (a title pasted in),
/// not a name.
pub const MAX_SHORT_NAME: usize = 30;

/// How much of `[app] short_name` a home screen shows under the icon,
/// about; a longer one is cut there (a note, not an error: where the cut
/// falls depends on the phone).
pub const SHOWN_SHORT_NAME: usize = 12;

/// What the content leaves out that a reader would expect, or what will
/// show cut off, said by the build while it is so (not an error: nothing
/// may be invented, and a longer name may still read well).
#[cfg(feature = "compiler")]
pub fn notes(content: &compiled::Content) -> Vec<String> {
    let review = &content.article.review;
    let mut notes = Vec::new();
    for (value, key, what) in [
        (&review.author, "author", "no author is named"),
        (&review.reviewer, "reviewer", "no medical reviewer is named"),
        (&review.reviewed, "reviewed", "no review date is given"),
    ] {
        if value.is_empty() {
            notes.push(format!(
                "site.toml [article] {key} is empty: {what} on the page (fill it in once a real person has done it)"
            ));
        }
    }
    let short_name = &content.app.short_name;
    let length = short_name.chars().count();
    if length > SHOWN_SHORT_NAME {
        notes.push(format!(
            "site.toml [app] short_name `{short_name}` is {length} characters long: a home screen shows about {SHOWN_SHORT_NAME} under the icon and cuts the rest"
        ));
    }
    notes
}
