//! [`FormCtl`]'s side of the outbox: a submission the network refused goes
//! to the service worker, which sends it when it can; the form shows it
//! queued, asks the worker to try on `online`, when the tab is shown again,
//! at start and every minute, and shows the outcome the worker reports (delivered, or
//! back to the form with the backend's errors). Without a worker the form
//! keeps its in-page queue (`controller.rs`).

use leptos::prelude::*;
use leptos::task::spawn_local;

use super::controller::{ConfigState, FormCtl};
use crate::forms::outbox;
use crate::forms::rules::draft::Draft;
use crate::forms::rules::encode::Body;
use crate::forms::rules::machine::{self, Outcome, SendState};
use crate::forms::rules::outbox::{Entry, Message, State, Summary};
use crate::forms::rules::FormConfig;

/// How often an open page asks the worker to try again.
const RETRY: std::time::Duration = std::time::Duration::from_secs(60);

impl FormCtl {
    /// Whether the worker holds the current submission.
    pub(super) fn in_outbox(self) -> bool {
        self.pending
            .with_untracked(|p| p.as_ref().is_some_and(|p| p.in_outbox))
    }

    /// Hands the submission to the worker. If it takes it, the form shows it
    /// queued; if not, `fallback` (the failed request's outcome) is shown,
    /// or, offline, the in-page queue goes on.
    pub(super) fn queue_in_outbox(
        self,
        config: FormConfig,
        body: Body,
        key: String,
        fallback: Option<Outcome>,
    ) {
        let draft = Draft {
            pending: None,
            ..self.snapshot()
        };
        let entry = Entry::new(
            self.kind,
            &config,
            &body,
            &key,
            &outbox::page_url(),
            draft.to_json(),
        );
        spawn_local(async move {
            match outbox::put(&entry).await {
                Ok(()) => {
                    self.pending.update(|p| {
                        if let Some(p) = p {
                            p.queued = true;
                            p.in_outbox = true;
                        }
                    });
                    self.send.set(SendState::Queued);
                    outbox::ask_to_keep_storage();
                }
                Err(_) => {
                    if let Some(outcome) = fallback {
                        self.finish(outcome, &config);
                    }
                }
            }
        });
    }

    /// Listens for the worker's reports (while the form lives), asks it to
    /// try whenever the tab is shown again, and applies an outcome once the
    /// configuration is there (a reply is read through it).
    pub(super) fn watch_outbox(self) {
        let report = self.outbox_report;
        Effect::new(move |_| {
            let listener = outbox::listen(move |message| {
                if let Message::Result { entry } = message {
                    report.set(Some(entry));
                }
            });
            // Dropped (and the listener removed) with the form.
            StoredValue::new_local(listener);
            let shown = window_event_listener_untyped("visibilitychange", move |_| {
                if self.in_outbox() && self.online.get_untracked() {
                    outbox::flush();
                }
            });
            // A connection that fails while the browser says it is online
            // brings no `online` event; Background Sync covers that only in
            // Chromium.
            let retry = set_interval_with_handle(
                move || {
                    if self.in_outbox() && self.send.get_untracked() == SendState::Queued {
                        outbox::flush();
                    }
                },
                RETRY,
            )
            .ok();
            on_cleanup(move || {
                shown.remove();
                if let Some(retry) = retry {
                    retry.clear();
                }
            });
        });
        Effect::new(move |_| {
            let Some(entry) = report.get() else {
                return;
            };
            let ConfigState::Ready(config) = self.config.get() else {
                return;
            };
            report.set(None);
            self.apply(entry, &config);
        });
    }

    /// After a restore: what became of a submission the worker held, and,
    /// with no draft of its own (the tab was closed), what the worker holds
    /// for this form.
    pub(super) fn recover_from_outbox(self, in_outbox: bool) {
        let kind = self.kind;
        spawn_local(async move {
            let Ok(entries) = outbox::list(kind.id()).await else {
                if in_outbox {
                    // The worker is gone (storage cleared, or unregistered):
                    // the page sends the draft itself, same key.
                    self.pending.update(|p| {
                        if let Some(p) = p {
                            p.in_outbox = false;
                        }
                    });
                }
                return;
            };
            let own = self
                .pending
                .with_untracked(|p| p.as_ref().map(|p| p.key.clone()));
            let entry = match &own {
                Some(key) => entries.into_iter().find(|e| e.key == *key),
                None => entries.into_iter().next(),
            };
            match entry {
                Some(entry) => {
                    if own.is_none() {
                        self.adopt(&entry);
                    }
                    if entry.state == State::Queued {
                        self.send.set(SendState::Queued);
                        outbox::flush();
                    } else {
                        self.outbox_report.set(Some(entry));
                    }
                }
                None if in_outbox => self.pending.update(|p| {
                    if let Some(p) = p {
                        p.in_outbox = false;
                    }
                }),
                None => {}
            }
        });
    }

    /// Takes over an entry from an earlier visit: its answers and key.
    fn adopt(self, entry: &Summary) {
        let saved = entry
            .draft
            .as_deref()
            .and_then(|text| Draft::from_json(text, self.kind));
        if let Some(saved) = saved {
            self.answers.set(saved.answers);
        }
        self.pending.set(Some(crate::forms::rules::draft::Pending {
            key: entry.key.clone(),
            fingerprint: String::new(),
            queued: true,
            in_outbox: true,
        }));
    }

    /// Shows what the worker reports for this form's submission.
    fn apply(self, entry: Summary, config: &FormConfig) {
        let ours = self
            .pending
            .with_untracked(|p| p.as_ref().is_some_and(|p| p.key == entry.key));
        if !ours || entry.form != self.kind.id() {
            return;
        }
        let outcome = match entry.state {
            State::Queued => return,
            State::Delivered => Outcome::Delivered,
            State::Returned => machine::classify(
                entry.status.unwrap_or(400),
                entry.reply.as_deref().unwrap_or_default(),
                config,
            ),
        };
        self.pending.update(|p| {
            if let Some(p) = p {
                p.in_outbox = false;
                p.queued = false;
            }
        });
        // The outcome of a queued submission (so "delivered" says it waited).
        self.send.set(SendState::Sending { from_queue: true });
        self.finish(outcome, config);
        outbox::forget(&entry.key);
    }
}
