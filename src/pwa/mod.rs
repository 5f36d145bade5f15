//! Installable and offline: the web app manifest and icons (made by the
//! build from the content and one source image), the service worker and
//! its precache list, and the outbox that delivers a message written
//! offline once the connection is back.

#[cfg(feature = "ssr")]
pub mod icons;
pub mod manifest;
pub mod update_prompt;
pub mod worker;

/// The manifest's fixed URL, next to the page (the header policy's
/// `Class::Manifest` serves it with its type).
pub const MANIFEST_FILE: &str = "manifest.webmanifest";
