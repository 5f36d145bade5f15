//! The insurance checker: "Who is your insurance with?" answered while the
//! visitor types, from `carriers.toml`.
//!
//! - `matcher.rs` (+ `matcher/tests.rs`, the case table): reads a typed name
//!   against the carriers, their aliases and other insurers; pure;
//! - `asana_content::names` (in the content compiler, which checks names
//!   with the same rules): how a name is normalised into words;
//! - `combobox_keys.rs`: the WAI-ARIA combobox's keyboard rules; pure;
//! - `combobox.rs`: the carrier combobox component, shared with the contact
//!   form's insurance step;
//! - `checker.rs`: the checker component;
//! - `choice.rs`: what "Verify my coverage" hands to the contact form.

pub mod checker;
pub mod choice;
pub mod combobox;
pub mod combobox_keys;
pub mod matcher;
