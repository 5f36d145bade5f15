//! Page components, one per file. They only wire content (and later,
//! signals) to markup; logic lives in the plain-Rust modules.

pub mod article;
pub mod carrier_checker;
pub mod carrier_combobox;
pub mod contact_form;
pub mod copy_link;
pub mod deferred;
pub mod faq;
pub mod footer;
pub mod header;
pub mod offer;
pub mod rich_text;
pub mod toc;
pub mod toc_bar;
pub mod verify_insurance;
