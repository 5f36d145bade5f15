//! The page: its shell (`App`), header, article, offers and footer, and
//! the page blocks the article places (`embeds.rs`). It composes the
//! features (TOC, FAQ, insurance checker, the forms' placeholders).

pub mod article;
pub mod embeds;
pub mod footer;
pub mod header;
pub mod hydrate;
pub mod notes;
pub mod offer;
pub mod shell;
pub mod verify_insurance;
