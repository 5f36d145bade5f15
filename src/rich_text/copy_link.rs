//! A heading's "copy link" control.

use std::time::Duration;

use leptos::prelude::*;

use crate::content::template::fill;
use crate::content::use_content;
use crate::platform::clipboard::{self, CopyError};
use crate::platform::dom;

/// How long the control shows "Copied" (or "Not copied").
const COPIED_FOR: Duration = Duration::from_secs(2);

/// The id of the article's live region that speaks the outcome (see
/// `ArticleBody`). Each control is hydrated on its own (src/page/roots.rs),
/// so they reach the region through the page, not through a shared signal.
pub const STATUS_ID: &str = "aa-copy-link-status";

/// Announces `message`, also when it equals the previous one: the region is
/// emptied first, since screen readers only speak changes.
fn announce(message: String) {
    let _ = dom::set_text(STATUS_ID, "");
    set_timeout(
        move || {
            let _ = dom::set_text(STATUS_ID, &message);
        },
        Duration::from_millis(100),
    );
}

/// A button that copies the address of heading `id` to the clipboard.
///
/// It is hidden (its space kept) until the app has hydrated, since it needs
/// the wasm; the heading's anchor works without it.
#[component]
pub fn CopyLink(
    /// The heading's anchor.
    id: &'static str,
    /// The heading's text, for the control's accessible name.
    title: &'static str,
) -> impl IntoView {
    let text = use_content().ui.copy_link;
    // Some(true): copied; Some(false): failed; shown for a moment.
    let outcome_shown = RwSignal::new(None::<bool>);
    let copy = move |_| {
        let Some(url) = dom::url_with_fragment(id) else {
            return;
        };
        clipboard::copy_text(&url.clone(), move |outcome| {
            let message = match &outcome {
                Ok(()) => fill(text.copied, &[("title", title)]),
                Err(error) => {
                    let reason = match error {
                        CopyError::Unavailable => text.unavailable,
                        CopyError::Refused => text.refused,
                    };
                    fill(text.failed, &[("reason", reason), ("url", &url)])
                }
            };
            outcome_shown.set(Some(outcome.is_ok()));
            set_timeout(move || outcome_shown.set(None), COPIED_FOR);
            announce(message);
        });
    };
    view! {
        <button
            type="button"
            class="aa-copy-link"
            aria-label=fill(text.label, &[("title", title)])
            data-copied=move || outcome_shown.get().map(|ok| if ok { "true" } else { "false" })
            on:click=copy
        >
            <svg
                class="aa-copy-link__icon"
                viewBox="0 0 24 24"
                width="20"
                height="20"
                aria-hidden="true"
                focusable="false"
            >
                <path d="M10 13a5 5 0 0 0 7.5.5l3-3a5 5 0 0 0-7-7l-1.7 1.7"></path>
                <path d="M14 11a5 5 0 0 0-7.5-.5l-3 3a5 5 0 0 0 7 7l1.7-1.7"></path>
            </svg>
            <span class="aa-copy-link__done" aria-hidden="true">
                {move || if outcome_shown.get() == Some(false) { text.not_done } else { text.done }}
            </span>
        </button>
    }
}
