//! Parts of the page whose code is a second wasm module, loaded only when
//! a visitor comes near them (the forms and the insurance checker: see
//! `parts.rs`).
//!
//! - `parts.rs`: the parts and the attribute names that the page, the
//!   forms module and the boot script agree on;
//! - `placeholder.rs`: the pre-rendered placeholder of a part;
//! - `checker.rs`: the page's insurance checker, as a part;
//! - `boot.js` / `boot.rs`: the page's boot script, which starts the app
//!   after the first paint and fetches the forms module near a placeholder;
//! - `mount.rs`: the forms module's side, which mounts a live part;
//! - `handover.rs` (pure) / `handover_dom.rs` (browser): what the
//!   pre-render hands to the live part at the mount: focus on the same
//!   control, and whatever was typed or ticked while the module loaded;
//! - `prefill.rs`: the insurance checker's hand-over to the contact form.

pub mod boot;
pub mod checker;
pub mod handover;
#[cfg(all(feature = "csr", target_arch = "wasm32"))]
mod handover_dom;
pub mod mount;
pub mod parts;
pub mod placeholder;
pub mod prefill;
