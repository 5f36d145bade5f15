//! [`FormCtl`]: the signals of one form and the wiring between them, the
//! logic of `src/forms/rules/` and the browser (`src/forms/io.rs`,
//! `src/platform/storage.rs`). Shared by the contact form and the book form.

use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::content::FormsText;
use crate::forms::context::VerifyRequest;
use crate::forms::context::{use_config_url, use_form_content};
use crate::forms::io::{self, NetError};
use crate::forms::outbox;
use crate::forms::rules::config::{self, Source, Success};
use crate::forms::rules::draft::{self, Draft, Pending};
use crate::forms::rules::embed::{self, EmbedAttributes};
use crate::forms::rules::machine::{self, Failure, Outcome, SendState};
use crate::forms::rules::outbox::Summary;
use crate::forms::rules::validate::{first_step_with_error, validate_all, validate_step};
use crate::forms::rules::{
    encode, idempotency, Answers, Field, FieldError, FormConfig, FormKind, StepKind,
};
use crate::platform::host_events::{use_host_events, HostEvents};
use crate::platform::storage::{Area, Store};

/// Where the backend configuration is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ConfigState {
    Loading,
    Ready(FormConfig),
    /// Missing or invalid: the deployer was told in the console, the
    /// visitor is asked to call.
    Unavailable,
}

/// Element ids of a form's parts, derived from its id.
pub mod ids {
    use crate::forms::rules::FormKind;

    pub fn summary(kind: FormKind) -> String {
        format!("{}-error-summary", kind.id())
    }
    pub fn step_heading(kind: FormKind) -> String {
        format!("{}-step-heading", kind.id())
    }
    pub fn done_heading(kind: FormKind) -> String {
        format!("{}-done-heading", kind.id())
    }
    pub fn notice(kind: FormKind) -> String {
        format!("{}-notice", kind.id())
    }
}

/// The state of one form. Cheap to copy: every part is an arena signal.
#[derive(Clone, Copy)]
pub struct FormCtl {
    pub kind: FormKind,
    /// Its words (read once, where the form is created).
    pub text: FormsText,
    pub answers: RwSignal<Answers>,
    /// The step shown, 1-based.
    pub step: RwSignal<u8>,
    reached: RwSignal<u8>,
    checking: RwSignal<bool>,
    /// Problems shown in the error summary and next to fields.
    pub errors: RwSignal<Vec<FieldError>>,
    pub config: RwSignal<ConfigState>,
    pub send: RwSignal<SendState>,
    pub(super) pending: RwSignal<Option<Pending>>,
    started: RwSignal<Option<f64>>,
    /// What is in the hidden field people leave empty.
    pub honeypot: RwSignal<String>,
    /// The visitor was asked to confirm (too fast, or the hidden field filled).
    pub confirm: RwSignal<bool>,
    /// Send was pressed before the configuration had loaded.
    pub waiting_for_config: RwSignal<bool>,
    pub(super) online: RwSignal<bool>,
    pub(super) restored: RwSignal<bool>,
    /// What the outbox last reported, until the configuration is there to
    /// read it (`outbox_ctl.rs`).
    pub(super) outbox_report: RwSignal<Option<Summary>>,
    /// The partner page's events, when the form is in a widget.
    pub(super) host: Option<HostEvents>,
}

impl FormCtl {
    /// Fresh signals in the state the pre-render shows: step 1, nothing
    /// answered, configuration loading. Call [`FormCtl::start`] next.
    pub fn new(kind: FormKind) -> Self {
        FormCtl {
            kind,
            text: use_form_content().text,
            answers: RwSignal::new(Answers::default()),
            step: RwSignal::new(1),
            reached: RwSignal::new(1),
            checking: RwSignal::new(false),
            errors: RwSignal::new(Vec::new()),
            config: RwSignal::new(ConfigState::Loading),
            send: RwSignal::new(SendState::Idle),
            pending: RwSignal::new(None),
            started: RwSignal::new(None),
            honeypot: RwSignal::new(String::new()),
            confirm: RwSignal::new(false),
            waiting_for_config: RwSignal::new(false),
            online: RwSignal::new(true),
            restored: RwSignal::new(false),
            outbox_report: RwSignal::new(None),
            host: use_host_events(),
        }
    }

    /// The message for `field`, if it has a problem.
    pub fn error_for(self, field: Field) -> Signal<Option<String>> {
        let errors = self.errors;
        Signal::derive(move || {
            errors.with(|list| {
                list.iter()
                    .find(|e| e.field == Some(field))
                    .map(|e| e.message.clone())
            })
        })
    }

    /// The element id of `field` in this form.
    pub fn id(self, field: Field) -> String {
        field.element_id(self.kind)
    }

    fn store(self, area: Area) -> Store {
        Store::new(area, format!("aa-form-{}", self.kind.id()))
    }

    /// Sets up everything that needs the browser; effects run only after
    /// hydration, so the first render matches the pre-render.
    pub fn start(self) {
        Effect::new(move |_| self.restore());
        Effect::new(move |_| self.persist());
        Effect::new(move |_| self.load_config());
        Effect::new(move |_| self.listen());
        Effect::new(move |_| self.send_when_possible());
        self.watch_outbox();
        self.prefill_from_checker();
        self.report_to_host();
        Effect::new(move |was_on: Option<bool>| {
            let on = !self.errors.with(Vec::is_empty);
            if on || was_on == Some(true) {
                io::set_title_prefix(self.text.errors.title_prefix, on);
            }
            on
        });
    }

    /// "Verify my coverage" in the insurance checker fills in the carrier.
    fn prefill_from_checker(self) {
        if self.kind != FormKind::Contact {
            return;
        }
        let Some(VerifyRequest(request)) = use_context::<VerifyRequest>() else {
            return;
        };
        let answers = self.answers;
        Effect::new(move |_| {
            if let Some(choice) = request.get() {
                answers.update(|a| {
                    a.carrier = choice.name.clone();
                    a.no_insurance = false;
                });
            }
        });
    }

    fn restore(self) {
        let read = |area| {
            self.store(area)
                .get(draft::KEY)
                .ok()
                .flatten()
                .and_then(|text| Draft::from_json(&text, self.kind))
        };
        if let Some(saved) = read(Area::Session).or_else(|| read(Area::Local)) {
            // A history entry of this form wins over the draft's step: the
            // visitor got here with Back/Forward (Firefox loads the page
            // anew for entries made before a reload).
            let step = io::history_step(self.kind.id())
                .filter(|step| (1..=saved.reached).contains(step))
                .unwrap_or(saved.step);
            self.answers.set(saved.answers);
            self.step.set(step);
            self.reached.set(saved.reached);
            self.checking.set(saved.checking);
            self.started.set(saved.started_ms);
            if saved.pending.as_ref().is_some_and(|p| p.queued) {
                self.send.set(SendState::Queued);
            }
            let in_outbox = saved.pending.as_ref().is_some_and(|p| p.in_outbox);
            self.pending.set(saved.pending);
            if self.kind.step_count() > 1 {
                io::replace_step(self.kind.id(), step);
            }
            self.online.set(io::is_online());
            self.restored.set(true);
            self.recover_from_outbox(in_outbox);
            return;
        }
        self.online.set(io::is_online());
        self.restored.set(true);
        self.recover_from_outbox(false);
    }

    /// Saves the draft on every change: to sessionStorage, or to
    /// localStorage only when the visitor asked to be remembered.
    fn persist(self) {
        if !self.restored.get() {
            return;
        }
        let saved = Draft {
            version: draft::VERSION,
            step: self.step.get(),
            reached: self.reached.get(),
            checking: self.checking.get(),
            answers: self.answers.get(),
            started_ms: self.started.get(),
            pending: self.pending.get(),
        };
        if matches!(self.send.get(), SendState::Delivered { .. }) {
            return;
        }
        let (keep, other) = if saved.answers.remember {
            (Area::Local, Area::Session)
        } else {
            (Area::Session, Area::Local)
        };
        // Storage may be refused (private modes, quotas); the form still works
        // for this visit, so there is nothing to tell the visitor.
        let _ = if saved.is_worth_keeping() {
            self.store(keep).set(draft::KEY, &saved.to_json())
        } else {
            self.store(keep).remove(draft::KEY)
        };
        let _ = self.store(other).remove(draft::KEY);
    }

    /// The draft as it stands (read without tracking).
    pub(super) fn snapshot(self) -> Draft {
        Draft {
            version: draft::VERSION,
            step: self.step.get_untracked(),
            reached: self.reached.get_untracked(),
            checking: self.checking.get_untracked(),
            answers: self.answers.get_untracked(),
            started_ms: self.started.get_untracked(),
            pending: self.pending.get_untracked(),
        }
    }

    pub(super) fn clear_storage(self) {
        for area in [Area::Session, Area::Local] {
            let _ = self.store(area).remove(draft::KEY);
        }
    }

    /// Takes the settings from the embed's attributes when there are any
    /// (a partner's page has no `form-config.json`), else from the file.
    fn load_config(self) {
        let kind = self.kind;
        let config = self.config;
        let embedded = use_context::<EmbedAttributes>().filter(|a| !a.0.is_empty());
        let url = use_config_url();
        spawn_local(async move {
            let (source, checked) = match embedded {
                Some(EmbedAttributes(attributes)) => (
                    Source::Embed,
                    Ok(embed::settings(
                        attributes.iter().map(|(n, v)| (n.as_str(), v.as_str())),
                        kind,
                    )),
                ),
                None => (
                    Source::File,
                    io::fetch_config(&url)
                        .await
                        .map(|text| config::parse(&text, kind).map(|c| with_endpoint_of(c, &url))),
                ),
            };
            let problems = match checked {
                Ok(Ok(parsed)) => {
                    config.set(ConfigState::Ready(parsed));
                    return;
                }
                Ok(Err(errors)) => errors.iter().map(ToString::to_string).collect(),
                Err(error) => vec![error.to_string()],
            };
            io::tell_deployer(&config::deployer_message(kind, source, &problems));
            config.set(ConfigState::Unavailable);
        });
    }

    fn listen(self) {
        if cfg!(feature = "widget") {
            // Steps make no history entries in a widget: no popstate of ours.
            let online = self.online;
            let handles = [
                window_event_listener_untyped("online", move |_| online.set(true)),
                window_event_listener_untyped("offline", move |_| online.set(false)),
            ];
            on_cleanup(move || handles.into_iter().for_each(|h| h.remove()));
            return;
        }
        let online = self.online;
        let handles = [
            window_event_listener_untyped("online", move |_| online.set(true)),
            window_event_listener_untyped("offline", move |_| online.set(false)),
            window_event_listener_untyped("popstate", move |_| self.on_popstate()),
        ];
        on_cleanup(move || handles.into_iter().for_each(|h| h.remove()));
    }

    fn on_popstate(self) {
        let Some(step) = io::history_step(self.kind.id()) else {
            return;
        };
        let busy = matches!(
            self.send.get_untracked(),
            SendState::Sending { .. } | SendState::Delivered { .. }
        );
        if busy || step > self.reached.get_untracked() || step == self.step.get_untracked() {
            return;
        }
        self.errors.set(Vec::new());
        self.step.set(step);
        io::focus_soon(ids::step_heading(self.kind));
    }

    /// Sends a queued submission once the configuration is there and the
    /// browser is online, and a Send pressed before the configuration loaded.
    fn send_when_possible(self) {
        let ConfigState::Ready(config) = self.config.get() else {
            return;
        };
        if self.waiting_for_config.get() {
            self.waiting_for_config.set(false);
            self.send_now();
            return;
        }
        if !self.online.get() {
            return;
        }
        if self.in_outbox() {
            outbox::flush();
            return;
        }
        let (next, start) = self.send.get().on_online();
        if start {
            self.send.set(next);
            self.start_request(config);
        }
    }

    /// Notes when the visitor started, for the minimum fill time.
    pub fn touch(self) {
        if self.started.get_untracked().is_none() {
            self.started.set(Some(io::now_ms()));
        }
    }

    /// Continue (or Send, on the last step).
    pub fn submit(self) {
        let number = self.step.get_untracked();
        let Some(step) = self.kind.step(number) else {
            return;
        };
        if number == self.kind.step_count() {
            self.send_now();
            return;
        }
        let errors = self
            .answers
            .with_untracked(|a| validate_step(step, a, &self.text.errors));
        if !errors.is_empty() {
            self.show_errors(errors);
            return;
        }
        let next = if self.checking.get_untracked() {
            self.checking.set(false);
            self.kind.step_count()
        } else {
            number + 1
        };
        self.go_to(next, true);
    }

    /// The form's Back button: the browser's Back when the entry before is
    /// the previous step, so both stay in step.
    pub fn back(self) {
        let current = self.step.get_untracked();
        if current <= 1 {
            return;
        }
        if io::history_step(self.kind.id()) == Some(current) {
            io::go_back();
        } else {
            self.go_to(current - 1, false);
            io::replace_step(self.kind.id(), current - 1);
        }
    }

    /// "Change" on the check page: that step, then straight back.
    pub fn change(self, step: u8) {
        self.checking.set(true);
        self.go_to(step, true);
    }

    fn go_to(self, to: u8, push: bool) {
        let from = self.step.get_untracked();
        self.errors.set(Vec::new());
        self.step.set(to);
        self.reached.update(|r| *r = (*r).max(to));
        if push && from != to {
            io::push_step(self.kind.id(), from, to);
        }
        io::focus_soon(ids::step_heading(self.kind));
    }

    fn show_errors(self, errors: Vec<FieldError>) {
        self.errors.set(errors);
        io::focus_soon(ids::summary(self.kind));
    }

    /// Send, or Try again.
    pub fn send_now(self) {
        if self.send.get_untracked().is_sending() {
            return;
        }
        let kind = self.kind;
        let current = self.step.get_untracked();
        let errors = self
            .answers
            .with_untracked(|a| validate_all(kind, a, &self.text.errors));
        if let Some(first) = first_step_with_error(kind, &errors) {
            let on_step: Vec<FieldError> = errors
                .into_iter()
                .filter(|e| e.field.and_then(|f| kind.step_of(f)) == Some(first))
                .collect();
            if first != current {
                self.checking.set(true);
                self.go_to(first, true);
            }
            self.show_errors(on_step);
            return;
        }
        let config = match self.config.get_untracked() {
            ConfigState::Ready(config) => config,
            ConfigState::Loading => {
                self.waiting_for_config.set(true);
                return;
            }
            ConfigState::Unavailable => return,
        };
        let now = io::now_ms();
        let started = self.started.get_untracked().unwrap_or(now);
        let suspicious = self
            .honeypot
            .with_untracked(|h| machine::needs_confirmation(h, started, now, config.min_fill_ms));
        if suspicious && !self.confirm.get_untracked() {
            self.confirm.set(true);
            io::focus_soon(ids::notice(kind));
            return;
        }
        self.confirm.set(false);
        self.errors.set(Vec::new());
        let (next, start) = self
            .send
            .get_untracked()
            .on_send(self.online.get_untracked());
        self.send.set(next);
        if start {
            self.start_request(config);
        } else if next == SendState::Queued {
            let (body, key) = self.prepare(&config, true);
            self.queue_in_outbox(config, body, key, None);
        }
    }

    /// Builds the body, reusing the idempotency key while the answers are
    /// unchanged, and records the attempt in the draft.
    pub(super) fn prepare(self, config: &FormConfig, queued: bool) -> (encode::Body, String) {
        let answers = self.answers.get_untracked();
        let honeypot = self.honeypot.get_untracked();
        let probe = encode::build(self.kind, &answers, config, "", &honeypot);
        let fingerprint = idempotency::fingerprint(&encode::to_json(&probe));
        let previous = self.pending.get_untracked();
        let key = idempotency::key_for(
            previous
                .as_ref()
                .map(|p| (p.key.as_str(), p.fingerprint.as_str())),
            &fingerprint,
            io::random_bytes(),
        );
        self.pending.set(Some(Pending {
            key: key.clone(),
            fingerprint,
            queued,
            in_outbox: false,
        }));
        let submission = encode::build(self.kind, &answers, config, &key, &honeypot);
        (encode::encode(&submission, config.encoding), key)
    }

    fn start_request(self, config: FormConfig) {
        let (body, key) = self.prepare(&config, false);
        spawn_local(async move {
            let outcome = match io::post(&config, &body, &key).await {
                Ok(reply) => machine::classify(reply.status, &reply.body, &config),
                Err(NetError::Timeout) => Outcome::Failed(Failure::Timeout),
                Err(NetError::Network) => Outcome::Failed(Failure::Network),
            };
            // No connection: the outbox keeps it and sends it later. A
            // reply, even an error, is the backend's answer, and a slow one
            // is told as such (Try again resends with the same key).
            if let Outcome::Failed(Failure::Network) = outcome {
                self.queue_in_outbox(config, body, key, Some(outcome));
                return;
            }
            self.finish(outcome, &config);
        });
    }

    pub(super) fn finish(self, outcome: Outcome, config: &FormConfig) {
        let online = self.online.get_untracked() && io::is_online();
        let next = self.send.get_untracked().on_outcome(&outcome, online);
        self.send.set(next);
        match outcome {
            Outcome::Delivered => {
                self.pending.set(None);
                self.clear_storage();
                // A widget stays on the partner's page and shows its
                // confirmation instead.
                if let Some(Success::Redirect(url)) = &config.success {
                    if !cfg!(feature = "widget") {
                        io::redirect(url);
                        return;
                    }
                }
                io::focus_soon(ids::done_heading(self.kind));
            }
            Outcome::Invalid(errors) => {
                let kind = self.kind;
                let errors = machine::errors_for(kind, errors);
                let last = kind.step_count();
                let target = first_step_with_error(kind, &errors).unwrap_or(last);
                let shown: Vec<FieldError> = errors
                    .into_iter()
                    .filter(|e| e.field.and_then(|f| kind.step_of(f)).unwrap_or(target) == target)
                    .collect();
                if target != self.step.get_untracked() {
                    self.checking.set(true);
                    self.go_to(target, true);
                }
                self.show_errors(shown);
            }
            Outcome::Failed(_) => {
                if next == SendState::Queued {
                    self.pending.update(|p| {
                        if let Some(p) = p {
                            p.queued = true;
                        }
                    });
                }
            }
        }
    }

    /// After delivery: an empty form at step 1.
    pub fn start_over(self) {
        self.answers.set(Answers::default());
        self.pending.set(None);
        self.started.set(None);
        self.confirm.set(false);
        self.checking.set(false);
        self.reached.set(1);
        self.send.set(SendState::Idle);
        self.go_to(1, false);
        io::replace_step(self.kind.id(), 1);
    }

    /// The step shown, as a [`StepKind`].
    pub fn step_kind(self) -> Memo<Option<StepKind>> {
        let kind = self.kind;
        let step = self.step;
        Memo::new(move |_| kind.step(step.get()))
    }
}

/// The configuration with its endpoint made absolute against the file's
/// URL, when the file is a widget's (absolute): a relative endpoint is the
/// app's, not the partner page's.
fn with_endpoint_of(mut config: FormConfig, file_url: &str) -> FormConfig {
    if cfg!(feature = "widget") && file_url.contains("://") {
        if let Some(endpoint) = io::absolute_url(&config.endpoint, file_url) {
            config.endpoint = endpoint;
        }
    }
    config
}
