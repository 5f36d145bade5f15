//! The clipboard, for the headings' "copy link" buttons.

/// Why a text could not be copied.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum CopyError {
    #[error("this browser offers no clipboard here")]
    Unavailable,
    #[error("the browser did not allow copying")]
    Refused,
}

pub use imp::copy_text;

#[cfg(all(feature = "browser", target_arch = "wasm32"))]
mod imp {
    use wasm_bindgen::closure::Closure;
    use wasm_bindgen::{JsCast, JsValue};
    use web_sys::js_sys::Reflect;

    use super::CopyError;

    /// Puts `text` on the clipboard and calls `done` with the outcome (later:
    /// the clipboard answers asynchronously).
    pub fn copy_text(text: &str, done: impl FnOnce(Result<(), CopyError>) + 'static) {
        let clipboard = web_sys::window()
            .map(|window| window.navigator())
            .and_then(|navigator| Reflect::get(&navigator, &JsValue::from_str("clipboard")).ok())
            .filter(|clipboard| !clipboard.is_undefined() && !clipboard.is_null())
            .map(|clipboard| clipboard.unchecked_into::<web_sys::Clipboard>());
        let Some(clipboard) = clipboard else {
            done(Err(CopyError::Unavailable));
            return;
        };
        // One callback for both outcomes, so neither closure outlives the call.
        let done = std::rc::Rc::new(std::cell::Cell::new(Some(done)));
        let settle = move |outcome: Result<(), CopyError>| {
            if let Some(done) = done.take() {
                done(outcome);
            }
        };
        let on_error = settle.clone();
        let resolve = Closure::once(move |_: JsValue| settle(Ok(())));
        let reject = Closure::once(move |_: JsValue| on_error(Err(CopyError::Refused)));
        let _ = clipboard.write_text(text).then2(&resolve, &reject);
        // The promise calls one of them later; each frees its Rust side when called.
        resolve.forget();
        reject.forget();
    }
}

/// Native rendering has no browser: nothing can be copied.
#[cfg(not(all(feature = "browser", target_arch = "wasm32")))]
mod imp {
    use super::CopyError;

    pub fn copy_text(_: &str, done: impl FnOnce(Result<(), CopyError>) + 'static) {
        done(Err(CopyError::Unavailable));
    }
}
