//! The scroll-spy rules that decide which entry of the table of contents
//! the reader is in, from what the browser's observers report.

/// Where the reading line sits, in percent of the viewport height from its
/// top. A heading whose top has moved above it starts "its" part of the page.
///
/// Low enough that a heading landing below the sticky header after a jump
/// (`scroll-padding-top`) is above it on phones and desktops alike; high
/// enough that a section becomes current before its first lines scroll away.
pub const READING_LINE_PERCENT: u8 = 30;

/// How long a chosen entry may take to come into view before the spy stops
/// waiting for it (the reader scrolled elsewhere in the meantime).
pub const PIN_TIMEOUT_MS: u32 = 2500;

/// What the browser's observers report about one heading.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct HeadingState {
    /// Its top is at or above the reading line (it may be far above the
    /// viewport).
    pub passed: bool,
    /// Some of it is inside the viewport.
    pub visible: bool,
}

/// A change reported by the browser's observers.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SpyEvent {
    /// Heading `index` crossed the reading line (`true`: it is now above it).
    Passed(usize, bool),
    /// Heading `index` entered (`true`) or left the viewport.
    Visible(usize, bool),
    /// The page is scrolled as far down as it goes (`true`) or not.
    AtBottom(bool),
}

/// An entry the reader chose (a click, a followed link, back/forward): it
/// stays current while the page scrolls to it and while it is in view,
/// even where the page cannot scroll far enough for it to pass the line.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Pin {
    index: usize,
    /// The page has come to rest on it.
    arrived: bool,
    /// Tells a stale timeout from the one for this pin.
    generation: u32,
}

/// The scroll-spy: which entry of the table of contents the reader is in.
///
/// It never measures anything itself; it only combines what intersection
/// observers report (see [`SpyEvent`]), so it costs nothing per scroll
/// event and stays right when content above a heading changes height
/// (the observers report layout changes as well as scrolling).
///
/// The rules, in order:
/// 1. A chosen entry ([`ScrollSpy::choose`]) is current until the page
///    has come to rest on it (it is visible, and above the line or the page
///    is at its bottom) and then moved away again. So a clicked entry near
///    the bottom of the page, which can never reach the line, is not
///    replaced by another.
/// 2. At the bottom of the page, headings below the line can no longer
///    reach it: the last visible one is current, so a short final section
///    becomes current.
/// 3. Otherwise the last heading above the line is current.
/// 4. No heading above the line (the top of the page): the first entry if
///    its heading is in view, else nothing. An entry is never marked while
///    its heading is still below the viewport.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ScrollSpy {
    headings: Vec<HeadingState>,
    at_bottom: bool,
    pin: Option<Pin>,
    generation: u32,
}

impl ScrollSpy {
    /// A spy for `len` headings, none reported yet (nothing current, as in
    /// the pre-rendered page).
    pub fn new(len: usize) -> Self {
        Self {
            headings: vec![HeadingState::default(); len],
            at_bottom: false,
            pin: None,
            generation: 0,
        }
    }

    /// Records an observer report; reports about unknown headings are ignored.
    pub fn apply(&mut self, event: SpyEvent) {
        match event {
            SpyEvent::Passed(index, passed) => {
                if let Some(state) = self.headings.get_mut(index) {
                    state.passed = passed;
                }
            }
            SpyEvent::Visible(index, visible) => {
                if let Some(state) = self.headings.get_mut(index) {
                    state.visible = visible;
                }
            }
            SpyEvent::AtBottom(at_bottom) => self.at_bottom = at_bottom,
        }
        self.settle_pin();
    }

    /// The reader chose entry `index`; returns the token to pass to
    /// [`ScrollSpy::expire`] once [`PIN_TIMEOUT_MS`] have passed.
    pub fn choose(&mut self, index: usize) -> Option<u32> {
        if index >= self.headings.len() {
            return None;
        }
        self.generation = self.generation.wrapping_add(1);
        self.pin = Some(Pin {
            index,
            arrived: false,
            generation: self.generation,
        });
        self.settle_pin();
        Some(self.generation)
    }

    /// Drops the choice made with `token` if the page never came to rest on
    /// it (the reader scrolled elsewhere before it arrived).
    pub fn expire(&mut self, token: u32) {
        if let Some(pin) = self.pin {
            if pin.generation == token && !pin.arrived {
                self.pin = None;
            }
        }
    }

    /// The current entry, if any (see the rules on [`ScrollSpy`]).
    pub fn current(&self) -> Option<usize> {
        if let Some(pin) = self.pin {
            return Some(pin.index);
        }
        let last_passed = self.headings.iter().rposition(|h| h.passed);
        if self.at_bottom {
            let stranded = self
                .headings
                .iter()
                .rposition(|h| h.visible && !h.passed)
                .filter(|&i| last_passed.is_none_or(|p| i > p));
            if stranded.is_some() {
                return stranded;
            }
        }
        last_passed.or_else(|| self.headings.first().filter(|h| h.visible).map(|_| 0))
    }

    fn settle_pin(&mut self) {
        let Some(mut pin) = self.pin else { return };
        let Some(state) = self.headings.get(pin.index) else {
            self.pin = None;
            return;
        };
        let at_rest = state.visible && (state.passed || self.at_bottom);
        if at_rest {
            pin.arrived = true;
            self.pin = Some(pin);
        } else if pin.arrived {
            self.pin = None;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// line and `visible` (a range) are in the viewport.
    fn spy(
        len: usize,
        passed: usize,
        visible: std::ops::Range<usize>,
        at_bottom: bool,
    ) -> ScrollSpy {
        let mut spy = ScrollSpy::new(len);
        for i in 0..len {
            spy.apply(SpyEvent::Passed(i, i < passed));
            spy.apply(SpyEvent::Visible(i, visible.contains(&i)));
        }
        spy.apply(SpyEvent::AtBottom(at_bottom));
        spy
    }

    #[test]
    fn nothing_is_current_before_any_report() {
        assert_eq!(ScrollSpy::new(4).current(), None);
        assert_eq!(ScrollSpy::new(0).current(), None);
    }

    #[test]
    fn the_last_heading_above_the_line_is_current() {
        assert_eq!(spy(5, 1, 0..2, false).current(), Some(0));
        assert_eq!(spy(5, 3, 2..4, false).current(), Some(2));
        // Far above the viewport still counts: the reader is inside its section.
        assert_eq!(spy(5, 4, 5..5, false).current(), Some(3));
    }

    #[test]
    fn first_entry_is_not_marked_while_below_the_viewport() {
        // At the top of the page, the first heading further down.
        assert_eq!(spy(5, 0, 5..5, false).current(), None);
        // In view below the line: the reader starts there.
        assert_eq!(spy(5, 0, 0..2, false).current(), Some(0));
        // Only the first heading stands in for the top of the page.
        let mut spy = spy(5, 0, 5..5, false);
        spy.apply(SpyEvent::Visible(1, true));
        assert_eq!(spy.current(), None);
    }

    #[test]
    fn short_final_section_becomes_current_at_the_bottom() {
        // Headings 3 and 4 are visible below the line and the page cannot
        // scroll further: the last one is where the reader ends.
        assert_eq!(spy(5, 3, 2..5, true).current(), Some(4));
        // Not at the bottom yet: they may still reach the line.
        assert_eq!(spy(5, 3, 2..5, false).current(), Some(2));
        // At the bottom with the last heading above the line: nothing stranded.
        assert_eq!(spy(5, 5, 3..5, true).current(), Some(4));
        // A page that fits the viewport: its last heading.
        assert_eq!(spy(3, 0, 0..3, true).current(), Some(2));
    }

    #[test]
    fn a_chosen_entry_near_the_bottom_stays_current() {
        let mut spy = spy(5, 1, 0..2, false);
        let token = spy.choose(3);
        assert!(token.is_some());
        // While the page scrolls to it, intermediate headings pass the line.
        assert_eq!(spy.current(), Some(3));
        spy.apply(SpyEvent::Passed(1, true));
        spy.apply(SpyEvent::Passed(2, true));
        spy.apply(SpyEvent::Visible(3, true));
        spy.apply(SpyEvent::Visible(4, true));
        assert_eq!(spy.current(), Some(3));
        // The page stops at its bottom with 3 and 4 below the line: without
        // the choice rule 2 would mark 4.
        spy.apply(SpyEvent::AtBottom(true));
        assert_eq!(spy.current(), Some(3));
        // A late timeout of that choice changes nothing once it arrived.
        spy.expire(token.unwrap_or_default());
        assert_eq!(spy.current(), Some(3));
        // The reader scrolls up: the page leaves its bottom, the choice ends.
        spy.apply(SpyEvent::AtBottom(false));
        assert_eq!(spy.current(), Some(2));
    }

    #[test]
    fn a_chosen_entry_that_passes_the_line_ends_when_it_leaves_the_view() {
        let mut spy = spy(5, 1, 0..2, false);
        spy.choose(2);
        spy.apply(SpyEvent::Visible(2, true));
        spy.apply(SpyEvent::Passed(1, true));
        spy.apply(SpyEvent::Passed(2, true));
        // Its section is short: the next heading passes the line too.
        spy.apply(SpyEvent::Visible(3, true));
        spy.apply(SpyEvent::Passed(3, true));
        assert_eq!(spy.current(), Some(2));
        spy.apply(SpyEvent::Visible(2, false));
        assert_eq!(spy.current(), Some(3));
    }

    #[test]
    fn a_choice_that_never_arrives_expires() {
        let mut spy = spy(5, 1, 0..2, false);
        let first = spy.choose(4).unwrap_or_default();
        let second = spy.choose(3).unwrap_or_default();
        spy.expire(first);
        assert_eq!(
            spy.current(),
            Some(3),
            "a stale timeout ended a newer choice"
        );
        spy.expire(second);
        assert_eq!(spy.current(), Some(0));
        assert_eq!(spy.choose(9), None);
        assert_eq!(spy.current(), Some(0));
    }

    #[test]
    fn height_changes_are_just_new_reports() {
        // Content above heading 2 grew (an FAQ answer opened): the observers
        // report that 2 fell below the line, without any scrolling.
        let mut spy = spy(4, 3, 1..3, false);
        assert_eq!(spy.current(), Some(2));
        spy.apply(SpyEvent::Passed(2, false));
        assert_eq!(spy.current(), Some(1));
        spy.apply(SpyEvent::Passed(9, true));
        assert_eq!(spy.current(), Some(1));
    }
}
