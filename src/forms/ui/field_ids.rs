//! The ids that tie a field to its hint and error message, and the
//! `aria-describedby` built from them, for every field component.

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
