//! The FAQ accordion's state and rules, without any browser dependency.
//!
//! The pre-rendered page shows every answer, so visitors without the wasm
//! (or before it loads) can read them all. Once hydrated, the app closes
//! the answers nobody can see yet (see [`Accordion::after_hydration`]),
//! restores what the visitor opened earlier in this tab, and from then on
//! answers open and close on request.

/// Open or closed, for each question in order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Accordion {
    open: Vec<bool>,
}

/// A key that moves focus between the questions (WAI-ARIA accordion pattern).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FocusKey {
    Next,
    Previous,
    First,
    Last,
}

impl FocusKey {
    /// The key for a `KeyboardEvent.key` value, if it is one of them.
    pub fn from_key(key: &str) -> Option<Self> {
        match key {
            "ArrowDown" | "Down" => Some(Self::Next),
            "ArrowUp" | "Up" => Some(Self::Previous),
            "Home" => Some(Self::First),
            "End" => Some(Self::Last),
            _ => None,
        }
    }

    /// The question to focus after this key on question `from` of `len`;
    /// Down on the last and Up on the first wrap around.
    pub fn target(self, from: usize, len: usize) -> Option<usize> {
        if len == 0 {
            return None;
        }
        let from = from.min(len - 1);
        Some(match self {
            Self::Next => (from + 1) % len,
            Self::Previous => (from + len - 1) % len,
            Self::First => 0,
            Self::Last => len - 1,
        })
    }
}

impl Accordion {
    /// Every answer open: what the page is pre-rendered with.
    pub fn all_open(len: usize) -> Self {
        Self {
            open: vec![true; len],
        }
    }

    /// The state right after hydration.
    ///
    /// - `stored`: what [`Accordion::to_stored`] saved earlier in this tab
    ///   session, if anything; without it every answer starts closed.
    /// - `hash`: the URL fragment (without `#`); a question it names opens.
    /// - `below_fold[i]`: question `i` starts below the bottom of the
    ///   viewport. Only those close: an answer the visitor can see, or has
    ///   scrolled past, stays open as rendered, since closing it would move
    ///   content in front of them (a layout shift).
    pub fn after_hydration(
        ids: &[&str],
        stored: Option<&str>,
        hash: Option<&str>,
        below_fold: &[bool],
    ) -> Self {
        let mut state = stored
            .map(|stored| Self::from_stored(ids, stored))
            .unwrap_or_else(|| Self {
                open: vec![false; ids.len()],
            });
        if let Some(index) = hash.and_then(|hash| index_of(ids, hash)) {
            state.open[index] = true;
        }
        for (open, below) in state.open.iter_mut().zip(below_fold) {
            if !below {
                *open = true;
            }
        }
        state
    }

    /// How many questions there are.
    pub fn len(&self) -> usize {
        self.open.len()
    }

    /// Whether there are no questions.
    pub fn is_empty(&self) -> bool {
        self.open.is_empty()
    }

    /// Whether answer `index` is open (an unknown index is closed).
    pub fn is_open(&self, index: usize) -> bool {
        self.open.get(index).copied().unwrap_or(false)
    }

    /// Whether every answer is open: the "show all" control then offers to hide them.
    pub fn all_are_open(&self) -> bool {
        self.open.iter().all(|open| *open)
    }

    /// Opens or closes answer `index`; an unknown index is ignored.
    pub fn set(&mut self, index: usize, open: bool) {
        if let Some(slot) = self.open.get_mut(index) {
            *slot = open;
        }
    }

    /// Opens a closed answer and closes an open one.
    pub fn toggle(&mut self, index: usize) {
        let open = self.is_open(index);
        self.set(index, !open);
    }

    /// Opens or closes every answer.
    pub fn set_all(&mut self, open: bool) {
        self.open.iter_mut().for_each(|slot| *slot = open);
    }

    /// The state as stored for the tab session: the ids of the open answers,
    /// space-separated (ids are slugs, so they contain no spaces).
    pub fn to_stored(&self, ids: &[&str]) -> String {
        ids.iter()
            .zip(&self.open)
            .filter(|(_, open)| **open)
            .map(|(id, _)| *id)
            .collect::<Vec<_>>()
            .join(" ")
    }

    /// The state [`Accordion::to_stored`] saved; ids no longer on the page
    /// are ignored, questions added since start closed.
    pub fn from_stored(ids: &[&str], stored: &str) -> Self {
        let open_ids: Vec<&str> = stored.split_whitespace().collect();
        Self {
            open: ids.iter().map(|id| open_ids.contains(id)).collect(),
        }
    }
}

/// The position of the question with anchor `id`.
pub fn index_of(ids: &[&str], id: &str) -> Option<usize> {
    ids.iter().position(|candidate| *candidate == id)
}

#[cfg(test)]
mod tests {
    use super::*;

    const IDS: [&str; 4] = ["faq-a", "faq-b", "faq-c", "faq-d"];

    fn open_ids(state: &Accordion) -> String {
        state.to_stored(&IDS)
    }

    #[test]
    fn pre_render_state_has_every_answer_open() {
        let state = Accordion::all_open(4);
        assert!(state.all_are_open());
        assert_eq!(state.len(), 4);
        assert!(!state.is_empty());
        assert!(Accordion::all_open(0).is_empty());
    }

    #[test]
    fn toggles_one_or_all() {
        let mut state = Accordion::all_open(4);
        state.toggle(1);
        assert!(!state.is_open(1));
        assert!(!state.all_are_open());
        state.toggle(1);
        assert!(state.is_open(1));
        state.set_all(false);
        assert_eq!(open_ids(&state), "");
        state.set(2, true);
        state.set(99, true);
        assert_eq!(open_ids(&state), "faq-c");
        assert!(!state.is_open(99));
    }

    #[test]
    fn stored_state_round_trips_and_ignores_unknown_ids() {
        let mut state = Accordion::all_open(4);
        state.set(0, false);
        state.set(3, false);
        let stored = state.to_stored(&IDS);
        assert_eq!(stored, "faq-b faq-c");
        assert_eq!(Accordion::from_stored(&IDS, &stored), state);
        let restored = Accordion::from_stored(&IDS, "faq-gone  faq-d");
        assert_eq!(open_ids(&restored), "faq-d");
    }

    #[test]
    fn hydration_closes_only_answers_below_the_fold() {
        // The usual first view: the FAQ is far below.
        let below = [true; 4];
        let state = Accordion::after_hydration(&IDS, None, None, &below);
        assert_eq!(open_ids(&state), "");
        // The visitor is already at the FAQ (reload, fast scroll): what is in
        // or above the viewport stays open, so nothing in view moves.
        let below = [false, false, true, true];
        let state = Accordion::after_hydration(&IDS, None, None, &below);
        assert_eq!(open_ids(&state), "faq-a faq-b");
    }

    #[test]
    fn hydration_restores_the_session_and_opens_the_linked_question() {
        let below = [true; 4];
        let state = Accordion::after_hydration(&IDS, Some("faq-b faq-d"), None, &below);
        assert_eq!(open_ids(&state), "faq-b faq-d");
        let state = Accordion::after_hydration(&IDS, Some(""), Some("faq-c"), &below);
        assert_eq!(open_ids(&state), "faq-c");
        let state = Accordion::after_hydration(&IDS, None, Some("intro"), &below);
        assert_eq!(open_ids(&state), "");
    }

    #[test]
    fn arrow_keys_home_and_end_move_between_questions() {
        assert_eq!(FocusKey::from_key("ArrowDown"), Some(FocusKey::Next));
        assert_eq!(FocusKey::from_key("ArrowUp"), Some(FocusKey::Previous));
        assert_eq!(FocusKey::from_key("Home"), Some(FocusKey::First));
        assert_eq!(FocusKey::from_key("End"), Some(FocusKey::Last));
        assert_eq!(FocusKey::from_key("Enter"), None);
        assert_eq!(FocusKey::Next.target(0, 4), Some(1));
        assert_eq!(FocusKey::Next.target(3, 4), Some(0));
        assert_eq!(FocusKey::Previous.target(0, 4), Some(3));
        assert_eq!(FocusKey::Previous.target(2, 4), Some(1));
        assert_eq!(FocusKey::First.target(2, 4), Some(0));
        assert_eq!(FocusKey::Last.target(0, 4), Some(3));
        assert_eq!(FocusKey::Next.target(0, 0), None);
    }

    #[test]
    fn index_of_finds_anchors() {
        assert_eq!(index_of(&IDS, "faq-c"), Some(2));
        assert_eq!(index_of(&IDS, "faq"), None);
    }
}
