//! The table of contents with its scroll-spy: a sticky side panel on wide
//! screens, an "On this page" bar on narrow ones.
//!
//! - `entries.rs`: the entries, from the article's headings; pure;
//! - `spy.rs`: which entry the reader is in; pure;
//! - `heading_spy.rs`: the browser's intersection observers feeding it;
//! - `scroll.rs`: keeping the current entry in view inside the lists;
//! - `list.rs`, `panel.rs`, `bar.rs`: the components.

pub mod bar;
pub mod entries;
pub mod heading_spy;
pub mod list;
pub mod panel;
pub mod scroll;
pub mod spy;
