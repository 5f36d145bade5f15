//! The harness: servers, drivers, the [`Page`] API and the runner.
//!
//! A test is an `async fn(&Page) -> Result<(), String>`; list it with
//! [`tests!`] in its area's `tests()` (see tests/mod.rs). Helpers return
//! `Err` with context instead of panicking, so `?` is all a test needs.

pub mod axe;
pub mod cdp;
pub mod cli;
pub mod delay;
pub mod driver;
pub mod element;
pub mod http;
pub mod own_site;
pub mod page;
pub mod partner;
pub mod receiver;
pub mod report;
pub mod runner;
pub mod static_hosts;
pub mod wd;

use std::future::Future;
use std::pin::Pin;

pub use e2e::{process, servers};
pub use element::{Name, Query};
pub use page::Page;

/// What a test function returns, boxed.
pub type TestFuture<'a> = Pin<Box<dyn Future<Output = Result<(), String>> + 'a>>;

/// A test function: runs against a page already reset to a blank state.
pub type TestFn = for<'a> fn(&'a Page) -> TestFuture<'a>;

/// A registered test.
#[derive(Clone)]
pub struct Test {
    /// `area::function`, e.g. `article::title_and_h1`.
    pub name: String,
    /// The test itself.
    pub run: TestFn,
    /// Checks the server rather than the browser: run in the first selected
    /// engine only.
    pub once: bool,
    /// Needs what only this engine offers (Chromium's DevTools protocol):
    /// run there only.
    pub only: Option<driver::Engine>,
}

impl Test {
    /// Names the test `<last segment of module>::<function>`.
    pub fn new(module: &str, function: &str, run: TestFn, once: bool) -> Test {
        let area = module.rsplit("::").next().unwrap_or(module);
        Test {
            name: format!("{area}::{function}"),
            run,
            once,
            only: None,
        }
    }
}

/// `tests![a, b, c]`: the `Test`s for async fns `a`, `b`, `c` of this
/// module, run in every engine. `tests![once: a, b]`: tests of the server
/// (plain HTTP from Rust), run in the first selected engine only.
/// `tests![chromium: a]`: tests of what only Chromium's DevTools can do.
macro_rules! tests {
    (chromium: $($f:ident),* $(,)?) => {
        vec![$({
            let mut test = $crate::harness::Test::new(module_path!(), stringify!($f), |page| Box::pin($f(page)), false);
            test.only = Some($crate::harness::driver::Engine::Chromium);
            test
        }),*]
    };
    (once: $($f:ident),* $(,)?) => {
        vec![$($crate::harness::Test::new(module_path!(), stringify!($f), |page| Box::pin($f(page)), true)),*]
    };
    ($($f:ident),* $(,)?) => {
        vec![$($crate::harness::Test::new(module_path!(), stringify!($f), |page| Box::pin($f(page)), false)),*]
    };
}
pub(crate) use tests;

/// Fails with `message` unless `condition` holds: `ensure(x == 1, "...")?`.
pub fn ensure(condition: bool, message: impl FnOnce() -> String) -> Result<(), String> {
    if condition {
        Ok(())
    } else {
        Err(message())
    }
}
