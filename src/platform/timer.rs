//! A cancellable timer, inert when rendering natively.

use std::time::Duration;

#[cfg(feature = "browser")]
use leptos::prelude::*;

/// A pending [`after`], to cancel.
#[derive(Clone, Copy)]
pub struct Timer(#[cfg(feature = "browser")] TimeoutHandle);

impl Timer {
    /// Stops the timer; nothing happens if it already ran.
    pub fn cancel(self) {
        #[cfg(feature = "browser")]
        self.0.clear();
    }
}

/// Runs `f` after `delay`; `None` when the browser would not schedule it
/// (and always natively).
pub fn after(delay: Duration, f: impl FnOnce() + 'static) -> Option<Timer> {
    #[cfg(feature = "browser")]
    {
        set_timeout_with_handle(f, delay).ok().map(Timer)
    }
    #[cfg(not(feature = "browser"))]
    {
        let _ = (delay, f);
        None
    }
}
