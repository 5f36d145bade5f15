//! The frequently asked questions, as an accordion.

use leptos::prelude::*;

use super::accordion::{self, Accordion, FocusKey};
use crate::content::use_content;
use crate::content::FaqItem;
use crate::platform::dom;
use crate::platform::storage::{Area, Store};
#[cfg(not(feature = "hydrate"))]
use crate::rich_text::blocks::Blocks;

/// The session-storage key of the open answers (see [`Accordion::to_stored`]).
const STORE_KEY: &str = "open";

/// Every question of `faq.toml` with its answer.
///
/// Each question is a `<button aria-expanded aria-controls>` inside its
/// heading (WAI-ARIA accordion). Pre-rendered with every answer open and the
/// buttons disabled (they need the wasm), so the page reads completely
/// without it. Once hydrated the buttons work, answers nobody can see yet
/// close (see [`Accordion::after_hydration`]), and closed answers stay in
/// the DOM as `hidden="until-found"`, so find-in-page and links into them
/// open them. The markup stays the same nodes throughout: only attributes
/// change, so nothing a reader (or a screen reader) holds is replaced.
///
/// In a partner's widget (`embedded`) every answer starts closed and
/// nothing is remembered: the host page's storage and address are not the
/// FAQ's.
#[component]
pub fn FaqList(
    /// The questions to show, as indexes into `faq.toml`, in this order
    /// (every question when absent).
    #[prop(optional)]
    questions: Option<Vec<usize>>,
    /// Whether the list is a widget on someone else's page.
    #[prop(optional)]
    embedded: bool,
) -> impl IntoView {
    let content = use_content();
    let faq: Vec<FaqItem> = match questions {
        Some(chosen) => chosen
            .iter()
            .filter_map(|index| content.faq.get(*index).copied())
            .collect(),
        None => content.faq.to_vec(),
    };
    let count = faq.len();
    let text = content.ui.faq;
    let ids: Vec<&'static str> = faq.iter().map(|item| item.id).collect();
    let state = RwSignal::new(Accordion::all_open(faq.len()));
    // The answers have their after-hydration state and the buttons work.
    let ready = RwSignal::new(false);
    let store = StoredValue::new(Store::new(Area::Session, "aa-faq"));

    let save = {
        let ids = ids.clone();
        move || {
            let stored = state.with_untracked(|state| state.to_stored(&ids));
            if embedded {
                return;
            }
            // Remembering is a convenience: without storage the page still works.
            let _ = store.with_value(|store| store.set(STORE_KEY, &stored));
        }
    };
    let change = Callback::new(move |(index, open): (usize, bool)| {
        if state.with_untracked(|state| state.is_open(index)) != open {
            state.update(|state| state.set(index, open));
            save();
        }
    });

    if embedded {
        Effect::new(move |_| {
            state.set(Accordion::all_open(count));
            state.update(|state| state.set_all(false));
            ready.set(true);
        });
    }
    Effect::new({
        let ids = ids.clone();
        move |_| {
            if embedded {
                return;
            }
            // Measured once the browser has put the page where it will be
            // (fragment, restored scroll position), so "below the fold" is
            // where the visitor really is.
            let ids_now = ids.clone();
            dom::when_loaded(move || {
                let stored = store.with_value(|store| store.get(STORE_KEY).ok().flatten());
                let hash = location_hash();
                let below_fold: Vec<bool> = ids_now
                    .iter()
                    .map(|id| dom::is_below_viewport(id).unwrap_or(false))
                    .collect();
                state.set(Accordion::after_hydration(
                    &ids_now,
                    stored.as_deref(),
                    hash.as_deref(),
                    &below_fold,
                ));
                ready.set(true);
            });
            let ids = ids.clone();
            let listener = window_event_listener(leptos::ev::hashchange, move |_| {
                let index = location_hash().and_then(|hash| accordion::index_of(&ids, &hash));
                if let Some(index) = index {
                    change.run((index, true));
                }
            });
            on_cleanup(move || listener.remove());
        }
    });

    let all_open = move || state.with(Accordion::all_are_open);
    let toggle_all = move |_| {
        let open = !state.with_untracked(Accordion::all_are_open);
        for index in 0..count {
            change.run((index, open));
        }
    };
    let items = faq
        .into_iter()
        .enumerate()
        .map(|(index, item)| {
            view! { <FaqEntry item=item index=index ids=ids.clone() state=state ready=ready on_change=change/> }
        })
        .collect_view();
    view! {
        <div class="aa-faq" data-ready=move || ready.get().then_some("true")>
            <p class="aa-faq__controls">
                <button type="button" class="aa-faq__all" on:click=toggle_all>
                    {move || if all_open() { text.hide_all } else { text.show_all }}
                </button>
            </p>
            {items}
        </div>
    }
}

/// One question and its answer.
#[component]
fn FaqEntry(
    /// The question.
    item: FaqItem,
    /// Its position in the FAQ.
    index: usize,
    /// Every question's anchor, in order, to move focus between them.
    ids: Vec<&'static str>,
    /// The whole accordion's state.
    state: RwSignal<Accordion>,
    /// Whether the accordion is ready: the button works.
    ready: RwSignal<bool>,
    /// Called with `(index, open)` to open or close an answer.
    on_change: Callback<(usize, bool)>,
) -> impl IntoView {
    let open = Memo::new(move |_| state.with(|state| state.is_open(index)));
    let answer_id = format!("{}-answer", item.id);
    let on_keydown = move |event: leptos::ev::KeyboardEvent| {
        let target = FocusKey::from_key(&event.key())
            .and_then(|key| key.target(index, ids.len()))
            .and_then(|target| ids.get(target));
        if let Some(id) = target {
            event.prevent_default();
            dom::focus(&toggle_id(id));
        }
    };
    // The page's module hydrates the pre-rendered answer without its
    // children: they are text no code touches, so their views (and the rich
    // text's) stay out of that module. An `inner_html` element is one whose
    // children hydration leaves alone (as the forms' placeholders); a
    // child-less view written any other way did not hydrate in a release
    // build. Everywhere else the answer is rendered.
    #[cfg(feature = "hydrate")]
    let body = view! { <div class="aa-faq__body" inner_html=""></div> };
    #[cfg(not(feature = "hydrate"))]
    let body = view! {
        <div class="aa-faq__body">
            <Blocks blocks=item.answer/>
        </div>
    };
    view! {
        <div class="aa-faq__item" data-open=move || open.get().then_some("true")>
            <h3 id=item.id class="aa-faq__question">
                <button
                    type="button"
                    id=toggle_id(item.id)
                    class="aa-faq__toggle"
                    disabled=move || !ready.get()
                    aria-expanded=move || if open.get() { "true" } else { "false" }
                    aria-controls=format!("{}-answer", item.id)
                    on:click=move |_| on_change.run((index, !open.get_untracked()))
                    on:keydown=on_keydown
                >
                    <span class="aa-faq__text">{item.question}</span>
                    <span class="aa-faq__icon" aria-hidden="true"></span>
                </button>
            </h3>
            <div
                id=answer_id
                class="aa-faq__answer"
                hidden=move || (!open.get()).then_some("until-found")
                on:beforematch=move |_: leptos::ev::Event| on_change.run((index, true))
            >
                {body}
            </div>
        </div>
    }
}

/// The id of the button of the question with anchor `id`.
fn toggle_id(id: &str) -> String {
    format!("{id}-toggle")
}
