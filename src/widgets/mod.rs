//! Partner widgets: the checker, the forms, the book offer, the FAQ and a
//! call bar on other sites' pages, from one script tag (see the README's
//! "Embedding on a partner site").
//!
//! - `kind.rs`: the kinds and the partner's attributes (pure);
//! - `view.rs`: what each kind shows (renders natively too);
//! - `mount.rs`: the widget modules' mount (browser);
//! - `embed.js` / `loader.rs`: the partner's loader script, which the build
//!   fills in; it makes each widget's shadow root, loads the one module the
//!   page needs, and resizes the iframe pages (`/embed/<kind>/`).
//!
//! Inside someone else's page the components keep to their shadow roots:
//! the `widget` feature leaves out the page's history entries, title,
//! service worker, localStorage and hash handling (see the forms' `io.rs`).

pub mod kind;
pub mod loader;
pub mod mount;
pub mod view;
