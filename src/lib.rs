//! The Asana Recovery ketamine article as a Leptos app: the map.
//!
//! The same components render natively to HTML at build time (`ssr`, see
//! `src/bin/prerender.rs`); in the browser (`hydrate`) only the interactive
//! parts, marked as roots ([`roots`]), are hydrated, one by one; the forms
//! module mounts its components client-side (`csr`). Both browser builds
//! imply `browser`, which guards every browser API.
//!
//! One folder per feature, each with its components, its pure logic (no
//! `web_sys`, unit-tested), its browser twin and its tests:
//!
//! | module | what |
//! | --- | --- |
//! | [`content`] | the model, the compiled content ([`content::CONTENT`]) and its context; the content files and their compiler (`src/content/compiler/`) |
//! | [`page`] | the page shell [`App`], header, article, offers, footer, the page blocks |
//! | [`rich_text`] | blocks and inlines as HTML, the headings' copy-link buttons |
//! | [`toc`] | the table of contents and its scroll-spy |
//! | [`faq`] | the FAQ accordion |
//! | [`insurance`] | the insurance checker: matcher, carrier combobox, checker |
//! | [`forms`] | the contact and book forms (the forms module): rules, browser calls, components |
//! | [`loader`] | the parts loaded later (the forms): placeholders, boot script, mounting |
//! | [`pwa`] | installable and offline: manifest and icons (built), the service worker and its precache list, the update prompt |
//! | [`platform`] | the browser calls several features share: storage, DOM, clipboard, timers |
//! | [`widgets`] | partner widgets: the kinds, their views, the widget modules' mount, the partner's loader `embed.js` |
//! | [`roots`] | the marks on the interactive parts of the page, which the browser hydrates one by one |
//! | [`build`] | the post-build step (native only): page, headers for every host, compression |
//!
//! Dependencies run one way: `page` composes the features; features use
//! `content`, `rich_text` and `platform`; `loader` uses `forms`, which uses
//! `insurance`; `widgets`, like `page`, composes features for partner
//! pages. No module imports its parent (`tests/module_graph.rs`
//! checks both).

pub mod content;
pub mod faq;
pub mod forms;
pub mod insurance;
pub mod loader;
pub mod page;
pub mod platform;
pub mod pwa;
pub mod rich_text;
pub mod roots;
pub mod toc;
pub mod widgets;

#[cfg(feature = "ssr")]
pub mod build;

#[cfg(test)]
mod test_support;

pub use page::shell::App;
