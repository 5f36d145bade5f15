//! The Asana Recovery ketamine article as a Leptos app.
//!
//! The same components render natively to HTML at build time (`ssr`, see
//! `src/bin/prerender.rs`) and hydrate in the browser (`hydrate`); the forms
//! module mounts its components client-side (`csr`). Both imply `browser`,
//! which guards every browser API. Pure logic (content model, slugs, the
//! forms' rules) lives in modules without any browser dependency.

pub mod accordion;
pub mod app;
pub mod carrier_match;
pub mod carrier_text;
pub mod combobox;
pub mod components;
pub mod content;
pub mod deferred;
pub mod deferred_mount;
pub mod dom_io;
pub mod form;
pub mod form_io;
pub mod slug;
pub mod storage;
pub mod toc;

pub use app::App;

#[cfg(feature = "ssr")]
pub mod build;
