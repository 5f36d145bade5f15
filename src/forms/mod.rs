//! The contact form and the free-book form: a second wasm module (the
//! forms module, `src/bin/forms.rs`) that the loader mounts when a visitor
//! comes near a form (see `crate::loader`).
//!
//! - `rules/`: the logic, with no browser dependency (steps, validation,
//!   phone numbers, the deployer's configuration, encodings, sending, drafts);
//! - `io.rs`: the browser's part (HTTP, history, the clock), with native twins;
//! - `outbox.rs`: messages to the service worker that keeps and sends a
//!   submission the network refused (`rules/outbox.rs` has their shapes);
//! - `ui/`: the components, which only wire signals to the rules;
//! - `context.rs`: what whoever mounts a form provides (its content and
//!   words, from `forms.toml`; the insurance checker's hand-over).

pub mod context;
pub mod io;
pub mod outbox;
pub mod rules;
pub mod ui;
