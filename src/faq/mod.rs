//! The frequently asked questions as a WAI-ARIA accordion.
//!
//! - `accordion.rs`: which answers are open, the keyboard rules; pure;
//! - `list.rs`: the component (its browser calls through `crate::platform`).

pub mod accordion;
pub mod list;
