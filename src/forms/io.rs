//! The browser's part of the forms: loading `form-config.json`, posting a
//! submission with a time limit, history entries for steps, focus, the
//! page title, randomness, the clock and the online state.
//!
//! Like `storage.rs`, every call reports failure as a value and has a
//! native twin that does nothing, so the form components render natively
//! (pre-render) and hydrate. Call these only from effects and event
//! handlers.

use crate::forms::rules::encode::Body;
use crate::forms::rules::FormConfig;

/// The configuration file, relative to the page.
pub const CONFIG_URL: &str = "form-config.json";

/// Why a request got no usable reply.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum NetError {
    #[error("the request could not be made or got no reply (offline, refused, DNS, or CORS)")]
    Network,
    #[error("no reply within the time limit")]
    Timeout,
}

/// Why the configuration could not be loaded.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ConfigLoadError {
    #[error("{CONFIG_URL} could not be fetched: {0}")]
    Net(NetError),
    #[error("{CONFIG_URL} answered HTTP {0} (is the file next to index.html?)")]
    Status(u16),
}

/// A backend's reply.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Reply {
    pub status: u16,
    pub body: String,
}

pub use imp::*;

#[cfg(all(feature = "browser", target_arch = "wasm32"))]
mod imp {
    use std::cell::{Cell, RefCell};
    use std::rc::Rc;
    use std::time::Duration;

    use futures::future::{FutureExt, LocalBoxFuture, Shared};
    use gloo_net::http::Request;
    use leptos::prelude::{request_animation_frame, set_timeout_with_handle};
    use wasm_bindgen::{JsCast, JsValue};

    use super::{Body, ConfigLoadError, FormConfig, NetError, Reply};

    /// How long the configuration may take to load.
    const CONFIG_TIMEOUT: Duration = Duration::from_secs(15);

    type ConfigFetch = Shared<LocalBoxFuture<'static, Result<String, ConfigLoadError>>>;

    thread_local! {
        /// The page's request for `form-config.json`, shared by every form
        /// that mounts (both usually mount at once); the file is the page's,
        /// not a form's.
        static CONFIG: RefCell<Option<ConfigFetch>> = const { RefCell::new(None) };
    }

    /// `form-config.json` at `url`, requested once per page; a failed
    /// request is forgotten, so a form mounted later asks again.
    pub async fn fetch_config(url: &str) -> Result<String, ConfigLoadError> {
        let url = url.to_string();
        let fetch = CONFIG.with(|slot| {
            slot.borrow_mut()
                .get_or_insert_with(|| request_config(url).boxed_local().shared())
                .clone()
        });
        let result = fetch.await;
        if result.is_err() {
            CONFIG.with(|slot| slot.borrow_mut().take());
        }
        result
    }

    /// Fetches `form-config.json` (no cache: deployers edit it in place).
    async fn request_config(url: String) -> Result<String, ConfigLoadError> {
        let request = Request::get(&url)
            .cache(web_sys::RequestCache::NoCache)
            .header("Accept", "application/json");
        let reply = with_timeout(CONFIG_TIMEOUT, move |signal| async move {
            let response = request.abort_signal(Some(&signal)).send().await.ok()?;
            let status = response.status();
            let body = response.text().await.ok()?;
            Some(Reply { status, body })
        })
        .await
        .map_err(ConfigLoadError::Net)?;
        match reply.status {
            200..=299 => Ok(reply.body),
            status => Err(ConfigLoadError::Status(status)),
        }
    }

    /// Posts `body` to the configured endpoint with its headers, the
    /// idempotency key, and `Accept: application/json` (so Formspree-style
    /// backends answer JSON rather than redirecting to a page), giving up
    /// after the configured time.
    pub async fn post(config: &FormConfig, body: &Body, key: &str) -> Result<Reply, NetError> {
        let timeout = Duration::from_millis(u64::from(config.timeout_ms));
        let (config, body, key) = (config.clone(), body.clone(), key.to_string());
        with_timeout(timeout, move |signal| async move {
            let mut builder = Request::post(&config.endpoint)
                .header("Accept", "application/json")
                .abort_signal(Some(&signal));
            for (name, value) in &config.headers {
                builder = builder.header(name, value);
            }
            if let Some(header) = &config.idempotency_header {
                builder = builder.header(header, &key);
            }
            let request = match body {
                Body::Text { content_type, text } => {
                    builder.header("Content-Type", content_type).body(text)
                }
                Body::Parts(parts) => {
                    let form = web_sys::FormData::new().ok()?;
                    for (name, value) in &parts {
                        form.append_with_str(name, value).ok()?;
                    }
                    builder.body(form)
                }
            }
            .ok()?;
            let response = request.send().await.ok()?;
            let status = response.status();
            // A reply without a readable body still counts by its status.
            let body = response.text().await.unwrap_or_default();
            Some(Reply { status, body })
        })
        .await
    }

    /// Runs `work` with an abort signal that fires after `limit`; `None`
    /// from `work` is a network failure, unless the limit had passed.
    async fn with_timeout<F, Fut>(limit: Duration, work: F) -> Result<Reply, NetError>
    where
        F: FnOnce(web_sys::AbortSignal) -> Fut,
        Fut: std::future::Future<Output = Option<Reply>>,
    {
        let controller = web_sys::AbortController::new().map_err(|_| NetError::Network)?;
        let timed_out = Rc::new(Cell::new(false));
        let flag = Rc::clone(&timed_out);
        let abort = controller.clone();
        let timer = set_timeout_with_handle(
            move || {
                flag.set(true);
                abort.abort();
            },
            limit,
        )
        .ok();
        let result = work(controller.signal()).await;
        if let Some(timer) = timer {
            timer.clear();
        }
        match result {
            Some(reply) => Ok(reply),
            None if timed_out.get() => Err(NetError::Timeout),
            None => Err(NetError::Network),
        }
    }

    /// 16 bytes from the browser's cryptographic generator; falls back to
    /// `Math.random` where `crypto` is missing (keys must be unique, not secret).
    pub fn random_bytes() -> [u8; 16] {
        let mut bytes = [0u8; 16];
        let filled = web_sys::window()
            .and_then(|w| w.crypto().ok())
            .and_then(|c| c.get_random_values_with_u8_array(&mut bytes).ok())
            .is_some();
        if !filled {
            for byte in &mut bytes {
                *byte = (js_sys::Math::random() * 256.0) as u8;
            }
        }
        bytes
    }

    /// Milliseconds since the epoch.
    pub fn now_ms() -> f64 {
        js_sys::Date::now()
    }

    /// What the browser believes (`navigator.onLine`); true when unknown.
    pub fn is_online() -> bool {
        web_sys::window().is_none_or(|w| w.navigator().on_line())
    }

    fn state_value(form: &str, step: u8) -> JsValue {
        JsValue::from_str(&format!("aa-form:{form}:{step}"))
    }

    /// The step the current history entry records for `form`, if it is one
    /// of ours.
    pub fn history_step(form: &str) -> Option<u8> {
        // A widget's steps make no entries in its host's history.
        if cfg!(feature = "widget") {
            return None;
        }
        let state = web_sys::window()?
            .history()
            .ok()?
            .state()
            .ok()?
            .as_string()?;
        let rest = state
            .strip_prefix("aa-form:")?
            .strip_prefix(form)?
            .strip_prefix(':')?;
        rest.parse().ok()
    }

    /// Adds a history entry for step `to`, so the browser's Back returns to
    /// step `from`; the URL stays as it is.
    pub fn push_step(form: &str, from: u8, to: u8) {
        if cfg!(feature = "widget") {
            return;
        }
        if let Some(history) = web_sys::window().and_then(|w| w.history().ok()) {
            // Mark the entry being left too, unless another feature owns its state.
            if history.state().is_ok_and(|s| s.is_null()) {
                let _ = history.replace_state(&state_value(form, from), "");
            }
            let _ = history.push_state(&state_value(form, to), "");
        }
    }

    /// Records `step` on the current entry (after a reload, or a Back that
    /// has no entry to return to).
    pub fn replace_step(form: &str, step: u8) {
        if cfg!(feature = "widget") {
            return;
        }
        if let Some(history) = web_sys::window().and_then(|w| w.history().ok()) {
            let ours = history.state().is_ok_and(|s| {
                s.is_null() || s.as_string().is_some_and(|s| s.starts_with("aa-form:"))
            });
            if ours {
                let _ = history.replace_state(&state_value(form, step), "");
            }
        }
    }

    /// The browser's Back.
    pub fn go_back() {
        if let Some(history) = web_sys::window().and_then(|w| w.history().ok()) {
            let _ = history.back();
        }
    }

    /// Focuses the element `id` once the pending DOM updates are painted,
    /// and scrolls it into view.
    pub fn focus_soon(id: String) {
        request_animation_frame(move || focus_now(&id));
    }

    /// Focuses the element `id` now and brings it to the top of the view
    /// (below the sticky header, through `scroll-padding-top`) at once: a
    /// smooth scroll after every step would be motion for nothing.
    pub fn focus_now(id: &str) {
        let element = crate::platform::dom::element_by_id(id)
            .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok());
        if let Some(element) = element {
            let focus = web_sys::FocusOptions::new();
            focus.set_prevent_scroll(true);
            let _ = element.focus_with_options(&focus);
            let scroll = web_sys::ScrollIntoViewOptions::new();
            scroll.set_behavior(web_sys::ScrollBehavior::Instant);
            // In a widget the host page moves only as far as needed to
            // show the step, never to put the widget at its top.
            scroll.set_block(if cfg!(feature = "widget") {
                web_sys::ScrollLogicalPosition::Nearest
            } else {
                web_sys::ScrollLogicalPosition::Start
            });
            element.scroll_into_view_with_scroll_into_view_options(&scroll);
        }
    }

    /// Prefixes the page title with `prefix` while `on`, and removes it after.
    pub fn set_title_prefix(prefix: &str, on: bool) {
        // The host page's title is the host's.
        if cfg!(feature = "widget") {
            return;
        }
        if let Some(document) = web_sys::window().and_then(|w| w.document()) {
            let prefix = format!("{prefix} ");
            let title = document.title();
            let bare = title.strip_prefix(&prefix).unwrap_or(&title).to_string();
            let wanted = if on { format!("{prefix}{bare}") } else { bare };
            if wanted != title {
                document.set_title(&wanted);
            }
        }
    }

    /// `url` made absolute against `base` (a relative endpoint in the
    /// configuration of a widget is the app's, not the host page's).
    pub fn absolute_url(url: &str, base: &str) -> Option<String> {
        web_sys::Url::new_with_base(url, base)
            .ok()
            .map(|u| u.href())
    }

    /// A message for whoever deployed the page, in the console.
    pub fn tell_deployer(message: &str) {
        web_sys::console::error_1(&JsValue::from_str(message));
    }

    /// Leaves the page for `url`.
    pub fn redirect(url: &str) {
        // A widget never takes the visitor away from the partner's page.
        if cfg!(feature = "widget") {
            return;
        }
        if let Some(window) = web_sys::window() {
            let _ = window.location().assign(url);
        }
    }
}

/// Native rendering has no browser: nothing is fetched, stored or focused.
#[cfg(not(all(feature = "browser", target_arch = "wasm32")))]
mod imp {
    use super::{Body, ConfigLoadError, FormConfig, NetError, Reply};

    pub async fn fetch_config(_: &str) -> Result<String, ConfigLoadError> {
        Err(ConfigLoadError::Net(NetError::Network))
    }

    pub fn absolute_url(_: &str, _: &str) -> Option<String> {
        None
    }

    pub async fn post(_: &FormConfig, _: &Body, _: &str) -> Result<Reply, NetError> {
        Err(NetError::Network)
    }

    pub fn random_bytes() -> [u8; 16] {
        [0; 16]
    }

    pub fn now_ms() -> f64 {
        0.0
    }

    pub fn is_online() -> bool {
        true
    }

    pub fn history_step(_: &str) -> Option<u8> {
        None
    }

    pub fn push_step(_: &str, _: u8, _: u8) {}

    pub fn replace_step(_: &str, _: u8) {}

    pub fn go_back() {}

    pub fn focus_soon(_: String) {}

    pub fn focus_now(_: &str) {}

    pub fn set_title_prefix(_: &str, _: bool) {}

    pub fn tell_deployer(_: &str) {}

    pub fn redirect(_: &str) {}
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn native_twin_is_inert() {
        assert!(is_online());
        assert_eq!(history_step("contact"), None);
        assert_eq!(random_bytes(), [0; 16]);
        assert_eq!(
            ConfigLoadError::Status(404).to_string(),
            "form-config.json answered HTTP 404 (is the file next to index.html?)"
        );
    }
}
