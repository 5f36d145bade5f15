//! The contact form (five steps, at `#contact`) and the one-step free-book
//! form, one component per file. Both run on [`controller::FormCtl`]; the
//! logic is in `src/form/`, the browser calls in `src/form_io.rs`.

pub mod book_form;
pub mod carrier_prefill;
pub mod check_answers;
pub mod checkbox;
pub mod choice_group;
pub mod confirmation;
pub mod controller;
pub mod error_summary;
pub mod honeypot;
pub mod inline_error;
pub mod phone_number;
pub mod send_status;
pub mod shell;
pub mod step_details;
pub mod step_insurance;
pub mod step_message;
pub mod step_who;
pub mod text_field;
pub mod unavailable;

use leptos::prelude::*;

/// `a b` of the ids that are `Some`, for `aria-describedby`; `None` when empty.
pub fn described_by(ids: &[Option<String>]) -> Option<String> {
    let joined = ids.iter().flatten().cloned().collect::<Vec<_>>().join(" ");
    (!joined.is_empty()).then_some(joined)
}

/// The ids of a field's hint and error message, derived from its own id.
pub struct FieldIds {
    /// `<id>-hint`, when the field has a hint.
    pub hint: Option<String>,
    /// `<id>-error`.
    pub error: String,
}

impl FieldIds {
    pub fn new(id: &str, has_hint: bool) -> FieldIds {
        FieldIds {
            hint: has_hint.then(|| format!("{id}-hint")),
            error: format!("{id}-error"),
        }
    }

    /// The field's `aria-describedby`: its hint, if it has one, and its
    /// error message while there is a problem.
    pub fn describedby(
        &self,
        error: Signal<Option<String>>,
    ) -> impl Fn() -> Option<String> + Clone + Send + Sync + 'static {
        let (hint_id, error_id) = (self.hint.clone(), self.error.clone());
        move || {
            described_by(&[
                hint_id.clone(),
                error.with(Option::is_some).then(|| error_id.clone()),
            ])
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn described_by_joins_present_ids() {
        assert_eq!(described_by(&[None, None]), None);
        assert_eq!(
            described_by(&[Some("a-hint".into()), None, Some("a-error".into())]).as_deref(),
            Some("a-hint a-error")
        );
    }
}
