//! What a placeholder hands to its live part when the forms module mounts
//! it (`mount.rs`): where the keyboard focus was, and what the visitor
//! changed in the pre-rendered controls while the module was loading.
//! Pure: the browser side reads the controls into [`Control`]s and applies
//! the answer.

/// A focusable control of the pre-render or of the live part, as far as
/// telling "the same control" apart needs.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Control {
    /// The lower-case tag name (`a`, `button`, `input`…).
    pub tag: String,
    /// Its `id`, empty when it has none.
    pub id: String,
    /// Its `href` (links), empty otherwise.
    pub href: String,
    /// Its text, whitespace collapsed (links and buttons).
    pub text: String,
}

/// Which of `live` stands for `before[focused]`: the control with the same
/// id; else the one with the same tag, href and text (the n-th such when
/// several are alike, as the phone number is); else the one in the same
/// place among the controls of its tag. `None` when the live part has no
/// such control (then the caller focuses the part's first control).
pub fn equivalent(before: &[Control], focused: usize, live: &[Control]) -> Option<usize> {
    let old = before.get(focused)?;
    if !old.id.is_empty() {
        if let Some(at) = live.iter().position(|c| c.id == old.id) {
            return Some(at);
        }
    }
    let alike = |a: &Control, b: &Control| a.tag == b.tag && a.href == b.href && a.text == b.text;
    let nth = before[..focused].iter().filter(|c| alike(c, old)).count();
    if let Some(at) = nth_position(live, nth, |c| alike(c, old)) {
        return Some(at);
    }
    let nth = before[..focused]
        .iter()
        .filter(|c| c.tag == old.tag)
        .count();
    nth_position(live, nth, |c| c.tag == old.tag)
}

fn nth_position(
    controls: &[Control],
    n: usize,
    matches: impl Fn(&Control) -> bool,
) -> Option<usize> {
    controls
        .iter()
        .enumerate()
        .filter(|(_, c)| matches(c))
        .nth(n)
        .map(|(at, _)| at)
}

/// A form control of the pre-render, with what it held when the page
/// arrived and what it holds now.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Field {
    /// A text box or text area: `(value, default value)`.
    Text {
        id: String,
        value: String,
        default: String,
    },
    /// A checkbox or radio button: `(checked, checked by default)`.
    Check {
        id: String,
        checked: bool,
        default: bool,
    },
}

/// What the live part must be given so nothing typed or ticked before the
/// mount is lost.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Edit {
    /// Put this text in the field with this id.
    Text { id: String, value: String },
    /// Tick (or untick) the box with this id.
    Check { id: String, checked: bool },
}

/// The visitor's changes: every field with an id whose state differs from
/// what the page arrived with. Untouched fields are left to the live part
/// (which may have restored a saved draft into them).
pub fn edits(fields: &[Field]) -> Vec<Edit> {
    fields
        .iter()
        .filter_map(|field| match field {
            Field::Text { id, value, default } if !id.is_empty() && value != default => {
                Some(Edit::Text {
                    id: id.clone(),
                    value: value.clone(),
                })
            }
            Field::Check {
                id,
                checked,
                default,
            } if !id.is_empty() && checked != default => Some(Edit::Check {
                id: id.clone(),
                checked: *checked,
            }),
            _ => None,
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn control(tag: &str, id: &str, href: &str, text: &str) -> Control {
        Control {
            tag: tag.into(),
            id: id.into(),
            href: href.into(),
            text: text.into(),
        }
    }

    #[test]
    fn the_same_id_wins_wherever_it_moved() {
        let before = [control("input", "a", "", ""), control("input", "b", "", "")];
        let live = [
            control("button", "", "", "Back"),
            control("input", "b", "", ""),
            control("input", "a", "", ""),
        ];
        assert_eq!(equivalent(&before, 0, &live), Some(2));
        assert_eq!(equivalent(&before, 1, &live), Some(1));
    }

    #[test]
    fn links_without_ids_match_by_target_and_text_in_order() {
        let phone = control("a", "", "tel:+19497633440", "(949) 763-3440");
        let before = [
            phone.clone(),
            control("button", "", "", "Send"),
            phone.clone(),
        ];
        let live = [
            control("input", "email", "", ""),
            phone.clone(),
            control("button", "", "", "Send"),
            phone.clone(),
        ];
        assert_eq!(equivalent(&before, 0, &live), Some(1));
        assert_eq!(equivalent(&before, 2, &live), Some(3));
        assert_eq!(equivalent(&before, 1, &live), Some(2));
    }

    #[test]
    fn a_changed_label_falls_back_to_the_place_among_its_tag() {
        let before = [control("button", "", "", "Continue")];
        let live = [
            control("a", "", "#x", "x"),
            control("button", "", "", "Sending…"),
        ];
        assert_eq!(equivalent(&before, 0, &live), Some(1));
    }

    #[test]
    fn nothing_alike_is_none() {
        let before = [control("textarea", "m", "", "")];
        let live = [control("button", "", "", "Send")];
        assert_eq!(equivalent(&before, 0, &live), None);
        assert_eq!(equivalent(&before, 5, &live), None);
    }

    #[test]
    fn only_changed_fields_with_ids_are_handed_over() {
        let fields = [
            Field::Text {
                id: "name".into(),
                value: "Ada".into(),
                default: String::new(),
            },
            Field::Text {
                id: "email".into(),
                value: String::new(),
                default: String::new(),
            },
            Field::Text {
                id: String::new(),
                value: "typed".into(),
                default: String::new(),
            },
            Field::Check {
                id: "me".into(),
                checked: true,
                default: false,
            },
            Field::Check {
                id: "other".into(),
                checked: false,
                default: false,
            },
        ];
        assert_eq!(
            edits(&fields),
            vec![
                Edit::Text {
                    id: "name".into(),
                    value: "Ada".into()
                },
                Edit::Check {
                    id: "me".into(),
                    checked: true
                },
            ]
        );
    }
}
