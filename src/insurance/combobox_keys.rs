//! The keyboard of a WAI-ARIA combobox whose text field offers a list of
//! suggestions ("list autocomplete with manual selection" in the ARIA
//! Authoring Practices): what a key does, given the state of the list.
//!
//! Pure Rust, so the rules are unit-tested natively; the component only
//! applies the [`Action`].

/// What a key press in the text field does.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Action {
    /// Nothing: the key belongs to the text field (typing, caret moves).
    Ignore,
    /// Show the list, with this option visually focused (or none).
    Show(Option<usize>),
    /// Take this option as the field's value and hide the list.
    Choose(usize),
    /// Hide the list, keeping the text.
    Hide,
    /// Empty the text field.
    Clear,
}

impl Action {
    /// Whether the browser's own handling of the key must be stopped (the
    /// caret must not jump to the start or end on Up and Down).
    pub fn prevents_default(self) -> bool {
        self != Action::Ignore
    }
}

/// The action of `key` (a `KeyboardEvent.key` value) with Alt held or not,
/// when the list is `expanded` with `options` suggestions and `active` the
/// visually focused one, and the field `has_text`.
pub fn key_action(
    key: &str,
    alt: bool,
    expanded: bool,
    active: Option<usize>,
    options: usize,
    has_text: bool,
) -> Action {
    let active = active.filter(|&i| i < options);
    match key {
        "ArrowDown" | "Down" if options > 0 => {
            if alt {
                Action::Show(active)
            } else if !expanded {
                Action::Show(Some(0))
            } else {
                Action::Show(Some(active.map_or(0, |i| (i + 1) % options)))
            }
        }
        "ArrowUp" | "Up" if options > 0 => {
            if !expanded {
                Action::Show(Some(options - 1))
            } else {
                Action::Show(Some(
                    active.map_or(options - 1, |i| i.checked_sub(1).unwrap_or(options - 1)),
                ))
            }
        }
        "Enter" if expanded => active.map_or(Action::Ignore, Action::Choose),
        "Escape" | "Esc" if expanded => Action::Hide,
        "Escape" | "Esc" if has_text => Action::Clear,
        _ => Action::Ignore,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn key(key: &str, expanded: bool, active: Option<usize>) -> Action {
        key_action(key, false, expanded, active, 3, true)
    }

    #[test]
    fn down_opens_on_the_first_option_then_moves_and_wraps() {
        assert_eq!(key("ArrowDown", false, None), Action::Show(Some(0)));
        assert_eq!(key("ArrowDown", true, None), Action::Show(Some(0)));
        assert_eq!(key("ArrowDown", true, Some(0)), Action::Show(Some(1)));
        assert_eq!(key("ArrowDown", true, Some(2)), Action::Show(Some(0)));
        // Alt+Down shows the list without moving into it.
        assert_eq!(
            key_action("ArrowDown", true, false, None, 3, true),
            Action::Show(None)
        );
    }

    #[test]
    fn up_opens_on_the_last_option_then_moves_and_wraps() {
        assert_eq!(key("ArrowUp", false, None), Action::Show(Some(2)));
        assert_eq!(key("ArrowUp", true, None), Action::Show(Some(2)));
        assert_eq!(key("ArrowUp", true, Some(2)), Action::Show(Some(1)));
        assert_eq!(key("ArrowUp", true, Some(0)), Action::Show(Some(2)));
    }

    #[test]
    fn arrows_without_options_stay_in_the_text() {
        for arrow in ["ArrowDown", "ArrowUp"] {
            assert_eq!(
                key_action(arrow, false, false, None, 0, true),
                Action::Ignore
            );
        }
    }

    #[test]
    fn enter_chooses_the_focused_option_only() {
        assert_eq!(key("Enter", true, Some(1)), Action::Choose(1));
        assert_eq!(key("Enter", true, None), Action::Ignore);
        assert_eq!(key("Enter", false, Some(1)), Action::Ignore);
        // A stale index (the list shrank) is no option.
        assert_eq!(key("Enter", true, Some(7)), Action::Ignore);
    }

    #[test]
    fn escape_hides_the_list_then_clears_the_text() {
        assert_eq!(key("Escape", true, Some(0)), Action::Hide);
        assert_eq!(key("Escape", false, None), Action::Clear);
        assert_eq!(
            key_action("Escape", false, false, None, 0, false),
            Action::Ignore
        );
    }

    #[test]
    fn other_keys_belong_to_the_text_field() {
        for other in ["a", "Home", "End", "ArrowLeft", "Tab", "Backspace"] {
            let action = key(other, true, Some(0));
            assert_eq!(action, Action::Ignore, "{other}");
            assert!(!action.prevents_default());
        }
        assert!(Action::Show(None).prevents_default());
        assert!(Action::Clear.prevents_default());
    }
}
