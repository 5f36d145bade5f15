//! The contact and book forms' logic, with no browser dependency: steps and
//! answers, validation, US phone normalisation, the deployer's backend
//! configuration (a file, or attributes on an embed), request encodings, idempotency keys, the sending state
//! machine, the stored draft and the outbox's messages. The components in `../ui/` only wire
//! signals to this, and `../io.rs` does the browser's part (HTTP, history,
//! clock).

pub mod answers;
pub mod config;
pub mod draft;
pub mod embed;
pub mod encode;
pub mod idempotency;
pub mod machine;
pub mod outbox;
pub mod phone;
pub mod validate;

pub use answers::{Answers, Field, FormKind, StepKind};
pub use config::FormConfig;
pub use validate::FieldError;
