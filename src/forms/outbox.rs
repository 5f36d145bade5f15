//! The browser's part of the outbox (`rules/outbox.rs`): messages to and
//! from the service worker. There is an outbox only when the page's worker
//! is active (the app's own page after its first visit; never a widget,
//! never a browser without service workers); otherwise every call says so
//! and the form keeps its in-page queue. Native twin: no outbox.

use crate::forms::rules::outbox::{Entry, Message, Summary};

/// Why a submission could not be put in the outbox.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum OutboxError {
    #[error("no active service worker on this page")]
    NoWorker,
    #[error("the service worker did not confirm within the time limit")]
    NoAnswer,
}

pub use imp::*;

// A widget never uses a service worker: its host page may have one of its
// own, which must not receive our messages.
#[cfg(all(feature = "browser", target_arch = "wasm32", not(feature = "widget")))]
mod imp {
    use std::cell::RefCell;
    use std::rc::Rc;
    use std::time::Duration;

    use futures::channel::oneshot;
    use leptos::prelude::set_timeout_with_handle;
    use wasm_bindgen::closure::Closure;
    use wasm_bindgen::{JsCast, JsValue};
    use wasm_bindgen_futures::JsFuture;

    use super::{Entry, Message, OutboxError, Summary};
    use crate::forms::rules::outbox::request;

    /// How long the worker may take to answer (it may have to start).
    const ANSWER: Duration = Duration::from_secs(5);

    fn container() -> Option<web_sys::ServiceWorkerContainer> {
        let navigator = web_sys::window()?.navigator();
        // Missing in insecure contexts and some private modes.
        js_sys::Reflect::has(&navigator, &JsValue::from_str("serviceWorker"))
            .ok()?
            .then(|| navigator.service_worker())
    }

    /// The worker controlling the page, else its registration's active one
    /// (a first visit). The controller comes first: WebKit's
    /// `getRegistration()` sometimes resolves to nothing on a controlled page.
    async fn active_worker() -> Option<web_sys::ServiceWorker> {
        let container = container()?;
        if let Some(controller) = container.controller() {
            return Some(controller);
        }
        let registration = JsFuture::from(container.get_registration()).await.ok()?;
        registration
            .dyn_into::<web_sys::ServiceWorkerRegistration>()
            .ok()?
            .active()
    }

    fn message_of(event: &web_sys::MessageEvent) -> Option<Message> {
        let text = js_sys::JSON::stringify(&event.data()).ok()?.as_string()?;
        Message::parse(&text)
    }

    fn post(worker: &web_sys::ServiceWorker, json: &str) -> Option<()> {
        worker.post_message(&js_sys::JSON::parse(json).ok()?).ok()
    }

    /// Calls `on_message` with every outbox message from the worker while
    /// the returned guard lives.
    pub struct Listener {
        container: web_sys::ServiceWorkerContainer,
        handler: Closure<dyn Fn(web_sys::MessageEvent)>,
    }

    impl Drop for Listener {
        fn drop(&mut self) {
            let _ = self.container.remove_event_listener_with_callback(
                "message",
                self.handler.as_ref().unchecked_ref(),
            );
        }
    }

    pub fn listen(on_message: impl Fn(Message) + 'static) -> Option<Listener> {
        let container = container()?;
        let handler = Closure::<dyn Fn(web_sys::MessageEvent)>::new(move |event| {
            if let Some(message) = message_of(&event) {
                on_message(message);
            }
        });
        container
            .add_event_listener_with_callback("message", handler.as_ref().unchecked_ref())
            .ok()?;
        // Messages wait in a queue until the page says it listens
        // (`startMessages`, which web-sys does not bind).
        if let Ok(start) = js_sys::Reflect::get(&container, &JsValue::from_str("startMessages")) {
            if let Some(start) = start.dyn_ref::<js_sys::Function>() {
                let _ = start.call0(&container);
            }
        }
        Some(Listener { container, handler })
    }

    /// Sends `json` with a port of its own for the answer, and waits for
    /// the first message on it that `wanted` picks.
    async fn ask<T: 'static>(
        json: String,
        wanted: impl Fn(Message) -> Option<T> + 'static,
    ) -> Result<T, OutboxError> {
        let worker = active_worker().await.ok_or(OutboxError::NoWorker)?;
        let channel = web_sys::MessageChannel::new().map_err(|_| OutboxError::NoWorker)?;
        let (tx, rx) = oneshot::channel::<Option<T>>();
        let tx = Rc::new(RefCell::new(Some(tx)));
        let answer = Rc::clone(&tx);
        let handler = Closure::<dyn Fn(web_sys::MessageEvent)>::new(move |event| {
            if let Some(found) = message_of(&event).and_then(&wanted) {
                if let Some(tx) = answer.borrow_mut().take() {
                    let _ = tx.send(Some(found));
                }
            }
        });
        let port = channel.port1();
        port.set_onmessage(Some(handler.as_ref().unchecked_ref()));
        let timer = set_timeout_with_handle(
            move || {
                if let Some(tx) = tx.borrow_mut().take() {
                    let _ = tx.send(None);
                }
            },
            ANSWER,
        )
        .ok();
        let message = js_sys::JSON::parse(&json).map_err(|_| OutboxError::NoWorker)?;
        worker
            .post_message_with_transferable(&message, &js_sys::Array::of1(&channel.port2()))
            .map_err(|_| OutboxError::NoWorker)?;
        let result = rx.await.ok().flatten().ok_or(OutboxError::NoAnswer);
        if let Some(timer) = timer {
            timer.clear();
        }
        port.set_onmessage(None);
        port.close();
        drop(handler);
        result
    }

    /// Hands `entry` to the worker; `Ok` once it is stored.
    pub async fn put(entry: &Entry) -> Result<(), OutboxError> {
        let key = entry.key.clone();
        ask(request::put(entry), move |message| match message {
            Message::Queued { key: stored } if stored == key => Some(()),
            _ => None,
        })
        .await
    }

    /// The outbox's entries of form `form`.
    pub async fn list(form: &'static str) -> Result<Vec<Summary>, OutboxError> {
        ask(request::list(form), move |message| match message {
            Message::List { form: of, entries } if of == form => Some(entries),
            _ => None,
        })
        .await
    }

    fn tell(json: String) {
        wasm_bindgen_futures::spawn_local(async move {
            if let Some(worker) = active_worker().await {
                let _ = post(&worker, &json);
            }
        });
    }

    /// Asks the worker to try sending what it holds now.
    pub fn flush() {
        tell(request::flush());
    }

    /// Removes a delivered receipt or a returned entry the page has dealt with.
    pub fn forget(key: &str) {
        tell(request::forget(key));
    }

    /// Asks the browser to keep the site's storage under pressure (only
    /// once something is queued: a message waiting is worth keeping).
    pub fn ask_to_keep_storage() {
        if let Some(window) = web_sys::window() {
            if let Ok(promise) = window.navigator().storage().persist() {
                wasm_bindgen_futures::spawn_local(async move {
                    let _ = JsFuture::from(promise).await;
                });
            }
        }
    }

    /// The page's address, which relative endpoints resolve against.
    pub fn page_url() -> String {
        web_sys::window()
            .and_then(|w| w.location().href().ok())
            .unwrap_or_default()
    }
}

#[cfg(not(all(feature = "browser", target_arch = "wasm32", not(feature = "widget"))))]
mod imp {
    use super::{Entry, Message, OutboxError, Summary};

    pub struct Listener;

    pub fn listen(_: impl Fn(Message) + 'static) -> Option<Listener> {
        None
    }

    pub async fn put(_: &Entry) -> Result<(), OutboxError> {
        Err(OutboxError::NoWorker)
    }

    pub async fn list(_: &'static str) -> Result<Vec<Summary>, OutboxError> {
        Err(OutboxError::NoWorker)
    }

    pub fn flush() {}

    pub fn forget(_: &str) {}

    pub fn ask_to_keep_storage() {}

    pub fn page_url() -> String {
        String::new()
    }
}
