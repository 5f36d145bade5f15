//! The kinds of widget a partner can embed, and the attributes the partner
//! writes on a widget's element. Shared by the widgets modules, the loader
//! (`embed.js`, which the build fills in from here) and the build, so the
//! three agree on names.

/// Names the kind of a widget element: `<div data-aa-widget="faq">`.
pub const WIDGET_ATTR: &str = crate::platform::dom::WIDGET_ATTR;

/// On a `faq` widget: the questions to show, by their ids in `faq.toml`
/// (with or without the `faq-` of the page's anchors), separated by spaces
/// (all of them when absent).
pub const QUESTIONS_ATTR: &str = "data-aa-questions";

/// A widget a partner can embed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// "Who is your insurance with?" and its answer.
    InsuranceChecker,
    /// The five-step contact form.
    ContactForm,
    /// The free book: its points and the one-step form.
    BookOffer,
    /// The questions and answers (all, or those of [`QUESTIONS_ATTR`]).
    Faq,
    /// Call and text links; needs no wasm at all.
    CallUs,
}

/// The wasm module a kind is mounted by. The checker and the FAQ have a
/// small module of their own, so a partner page with only those does not
/// download the forms.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Module {
    /// `widgets`: the checker and the FAQ.
    Widgets,
    /// `widgets-forms`: every kind, the forms included.
    WidgetsForms,
}

impl Kind {
    /// Every kind, in the README's order.
    pub const ALL: [Kind; 5] = [
        Kind::InsuranceChecker,
        Kind::ContactForm,
        Kind::BookOffer,
        Kind::Faq,
        Kind::CallUs,
    ];

    /// The value of [`WIDGET_ATTR`], and the path of its iframe page
    /// (`embed/<id>/`).
    pub const fn id(self) -> &'static str {
        match self {
            Kind::InsuranceChecker => "insurance-checker",
            Kind::ContactForm => "contact-form",
            Kind::BookOffer => "book-offer",
            Kind::Faq => "faq",
            Kind::CallUs => "call-us",
        }
    }

    /// The kind a [`WIDGET_ATTR`] value names (exactly, as documented).
    pub fn from_id(id: &str) -> Result<Kind, WidgetError> {
        Kind::ALL
            .into_iter()
            .find(|kind| kind.id() == id)
            .ok_or_else(|| WidgetError::UnknownKind(id.to_string()))
    }

    /// The smallest module that mounts this kind; `None`: no wasm.
    pub const fn module(self) -> Option<Module> {
        match self {
            Kind::InsuranceChecker | Kind::Faq => Some(Module::Widgets),
            Kind::ContactForm | Kind::BookOffer => Some(Module::WidgetsForms),
            Kind::CallUs => None,
        }
    }
}

impl Module {
    /// The stem of the module's files (`widgets-<hash>.js`).
    pub const fn stem(self) -> &'static str {
        match self {
            Module::Widgets => "widgets",
            Module::WidgetsForms => "widgets-forms",
        }
    }
}

/// Why a widget element cannot be mounted; said in the console for the
/// partner's developer, while the element's own content stays.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum WidgetError {
    #[error("{WIDGET_ATTR}={0:?} names no widget; use one of {known}", known = known_kinds())]
    UnknownKind(String),
    #[error("{QUESTIONS_ATTR} names no question {0:?}; the ids are {1}")]
    UnknownQuestion(String, String),
    #[error("{QUESTIONS_ATTR} is empty; leave it out to show every question")]
    NoQuestions,
    #[error("the {0} widget needs the widgets-forms module")]
    WrongModule(&'static str),
}

fn known_kinds() -> String {
    Kind::ALL.map(Kind::id).join(", ")
}

/// The questions a `faq` widget shows, as indexes into `ids` (the ids of
/// `faq.toml`, in order), from its [`QUESTIONS_ATTR`]: all of them without
/// the attribute, else those named, in the partner's order, once each.
pub fn chosen_questions(ids: &[&str], attribute: Option<&str>) -> Result<Vec<usize>, WidgetError> {
    let Some(attribute) = attribute else {
        return Ok((0..ids.len()).collect());
    };
    let mut chosen = Vec::new();
    // `faq.toml` says `side-effects`, the page's anchor `#faq-side-effects`:
    // a partner may copy either.
    let bare = |id: &str| id.strip_prefix("faq-").unwrap_or(id).to_string();
    for wanted in attribute.split_whitespace() {
        let index = ids
            .iter()
            .position(|id| bare(id) == bare(wanted))
            .ok_or_else(|| WidgetError::UnknownQuestion(wanted.to_string(), ids.join(", ")))?;
        if !chosen.contains(&index) {
            chosen.push(index);
        }
    }
    if chosen.is_empty() {
        return Err(WidgetError::NoQuestions);
    }
    Ok(chosen)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_round_trip_and_unknown_ones_list_the_kinds() {
        for kind in Kind::ALL {
            assert_eq!(Kind::from_id(kind.id()), Ok(kind));
        }
        let error = Kind::from_id("Insurance-Checker").unwrap_err().to_string();
        assert!(error.contains("\"Insurance-Checker\""), "{error}");
        assert!(
            error.contains("insurance-checker, contact-form, book-offer, faq, call-us"),
            "{error}"
        );
    }

    #[test]
    fn only_the_forms_need_the_forms_module_and_call_us_needs_none() {
        assert_eq!(Kind::InsuranceChecker.module(), Some(Module::Widgets));
        assert_eq!(Kind::Faq.module(), Some(Module::Widgets));
        assert_eq!(Kind::ContactForm.module(), Some(Module::WidgetsForms));
        assert_eq!(Kind::BookOffer.module(), Some(Module::WidgetsForms));
        assert_eq!(Kind::CallUs.module(), None);
    }

    const IDS: [&str; 3] = ["faq-a", "faq-b", "faq-c"];

    #[test]
    fn every_question_without_the_attribute() {
        assert_eq!(chosen_questions(&IDS, None), Ok(vec![0, 1, 2]));
    }

    #[test]
    fn the_named_questions_in_the_partners_order_once_each() {
        assert_eq!(
            chosen_questions(&IDS, Some("  faq-c faq-a\nfaq-c ")),
            Ok(vec![2, 0])
        );
    }

    #[test]
    fn questions_are_named_as_in_faq_toml_or_as_the_pages_anchors() {
        assert_eq!(chosen_questions(&IDS, Some("c faq-a")), Ok(vec![2, 0]));
    }

    #[test]
    fn an_unknown_or_empty_choice_is_an_error_naming_the_ids() {
        let error = chosen_questions(&IDS, Some("faq-a faq-x")).unwrap_err();
        assert_eq!(
            error,
            WidgetError::UnknownQuestion("faq-x".into(), "faq-a, faq-b, faq-c".into())
        );
        assert!(error.to_string().contains("data-aa-questions"));
        assert_eq!(
            chosen_questions(&IDS, Some(" ")),
            Err(WidgetError::NoQuestions)
        );
    }
}
