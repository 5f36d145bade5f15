//! The browser, behind wrappers that report failure as a value and have a
//! native twin, so every component renders natively (the pre-render) and
//! in the browser. Features call these only from effects and handlers.

pub mod clipboard;
pub mod dom;
pub mod host_events;
pub mod storage;
pub mod timer;
