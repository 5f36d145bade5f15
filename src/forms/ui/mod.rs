//! The contact form (five steps, at `#contact`) and the one-step free-book
//! form, one component per file. Both run on [`controller::FormCtl`]; the
//! rules are in `../rules/`, the browser calls in `../io.rs`.

pub mod book_form;
pub mod carrier_prefill;
pub mod check_answers;
pub mod checkbox;
pub mod choice_group;
pub mod confirmation;
pub mod contact_form;
pub mod controller;
pub mod error_summary;
pub mod field_ids;
pub mod honeypot;
pub mod inline_error;
pub mod outbox_ctl;
pub mod phone_number;
pub mod report;
pub mod send_status;
pub mod step_details;
pub mod step_insurance;
pub mod step_message;
pub mod step_who;
pub mod text_field;
pub mod unavailable;
