//! What the e2e suite shares with its `serve` binary (`.ci/serve`,
//! `.ci/bench`): the built site served by nginx with the shipped
//! configuration, and the server processes.

pub mod process;
pub mod servers;
