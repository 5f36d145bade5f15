//! Parts of the page whose code is a separate wasm module, loaded only when
//! a visitor comes near them: the forms (most readers never use them, and
//! they would double the first download) and the insurance checker (whose
//! matcher and carrier combobox the contact form links anyway; in the
//! page's module it was a third of the wasm).
//!
//! The main app pre-renders each part's HTML inside a placeholder marked
//! with [`PART_ATTR`]; the page's boot module fetches the `forms` module
//! (`src/bin/forms.rs`) when a placeholder approaches the viewport, is
//! focused or touched, or is sent [`PREFILL_EVENT`], and the module then
//! mounts the live component in place of the pre-render. Everything here is
//! shared by the main app, the forms module and the build step that writes
//! the boot module, so the three agree on names.

/// Attribute naming the part a placeholder holds (its value: [`Part::id`]).
pub const PART_ATTR: &str = "data-aa-part";

/// Set on a placeholder once its live component is mounted.
pub const MOUNTED_ATTR: &str = "data-aa-mounted";

/// Event the insurance checker sends to the contact form's placeholder
/// after setting [`PREFILL_NAME_ATTR`] (and [`PREFILL_CARRIER_ATTR`]): it
/// loads the module if needed, and the mounted form picks the carrier up.
pub const PREFILL_EVENT: &str = "aa-prefill";

/// The insurer as the form should show it.
pub const PREFILL_NAME_ATTR: &str = "data-aa-prefill-name";

/// The in-network carrier's id, absent when not on the list or unclear.
pub const PREFILL_CARRIER_ATTR: &str = "data-aa-prefill-carrier";

/// Marks the pre-rendered notice (hidden) that the loader shows in a
/// placeholder when the forms module fails to download.
pub const FAILED_ATTR: &str = "data-aa-failed";

/// Marks the notice's "Try again" button.
pub const RETRY_ATTR: &str = "data-aa-retry";

/// Marks a placeholder's polite status; its value is what the status says
/// while the module loads for a visitor who is in the form.
pub const LOADING_ATTR: &str = "data-aa-loading";

/// A part of the page that lives in the forms module.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Part {
    /// The insurance checker in "Verify Insurance for Free".
    Checker,
    /// The five-step contact form at `#contact`.
    ContactForm,
    /// The one-step "send me the free book" form in the book offer.
    BookForm,
}

impl Part {
    /// Every part, for the boot module and tests.
    pub const ALL: [Part; 3] = [Part::Checker, Part::ContactForm, Part::BookForm];

    /// The value of [`PART_ATTR`] for this part.
    pub const fn id(self) -> &'static str {
        match self {
            Part::Checker => "checker",
            Part::ContactForm => "contact-form",
            Part::BookForm => "book-form",
        }
    }

    /// The part a [`PART_ATTR`] value names.
    pub fn from_id(id: &str) -> Option<Part> {
        Part::ALL.into_iter().find(|part| part.id() == id)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_round_trip_and_are_distinct() {
        for part in Part::ALL {
            assert_eq!(Part::from_id(part.id()), Some(part));
        }
        let ids: std::collections::BTreeSet<&str> = Part::ALL.map(Part::id).into();
        assert_eq!(ids.len(), Part::ALL.len(), "{ids:?}");
    }

    #[test]
    fn unknown_ids_are_rejected() {
        assert_eq!(Part::from_id(""), None);
        assert_eq!(Part::from_id("Contact-Form"), None);
        assert_eq!(Part::from_id("contact-form "), None);
    }
}
