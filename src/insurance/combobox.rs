//! A text field that suggests in-network carriers as the visitor types: the
//! WAI-ARIA Authoring Practices combobox (list autocomplete, manual
//! selection), shared by the insurance checker and the contact form's
//! insurance step. Each caller decides what to suggest (with
//! `src/insurance/matcher.rs`, from the matching it does anyway); the keys are
//! `src/combobox.rs`.

use leptos::ev;
use leptos::html::Input;
use leptos::prelude::*;

use crate::content::Carrier;
use crate::insurance::combobox_keys::{self, Action};

/// The input and its listbox of suggestions. The value is the caller's:
/// typing, choosing a suggestion and Escape's clearing all go through
/// `on_input`, and a value set from outside (a restored draft, a candidate
/// button) is shown in the field.
#[component]
pub fn CarrierCombobox(
    /// The input's id; the listbox's and options' ids derive from it.
    id: String,
    /// The text in the field.
    #[prop(into)]
    value: Signal<String>,
    /// Receives every edit, typed or chosen.
    on_input: Callback<String>,
    /// The suggestions for the current text, in order.
    #[prop(into)]
    options: Signal<Vec<&'static Carrier>>,
    /// The listbox's accessible name.
    listbox_label: &'static str,
    /// The input's class: the look of the surrounding component.
    input_class: &'static str,
    /// Ids of the texts that describe the field (hint, error).
    #[prop(into)]
    describedby: Signal<Option<String>>,
    /// Whether the value has a problem (`aria-invalid`).
    #[prop(optional, into)]
    invalid: Signal<bool>,
    /// A hard limit on the text, where cutting it is right (the checker).
    #[prop(optional)]
    maxlength: Option<usize>,
) -> impl IntoView {
    let open = RwSignal::new(false);
    let active = RwSignal::new(None::<usize>);
    let expanded = Memo::new(move |_| open.get() && options.with(|o| !o.is_empty()));

    let listbox_id = format!("{id}-listbox");
    let option_id = {
        let id = id.clone();
        move |carrier: &Carrier| format!("{id}-option-{}", carrier.id)
    };
    let input = NodeRef::<Input>::new();

    // Typed into the pre-rendered field before the wasm took over: keep it.
    Effect::new(move |_| {
        if let Some(typed) = dom::value(&input).filter(|v| !v.is_empty()) {
            if value.with_untracked(|v| *v != typed) {
                on_input.run(typed);
            }
        }
    });
    // Show a value set from outside; typing already shows itself.
    Effect::new(move |_| {
        let wanted = value.get();
        if dom::value(&input).is_some_and(|shown| shown != wanted) {
            dom::set_value(&input, &wanted);
        }
    });

    let choose = move |carrier: &'static Carrier| {
        on_input.run(carrier.name.to_string());
        open.set(false);
        active.set(None);
    };
    let on_keydown = move |ev: ev::KeyboardEvent| {
        if ev.is_composing() {
            return;
        }
        let action = combobox_keys::key_action(
            &ev.key(),
            ev.alt_key(),
            expanded.get_untracked(),
            active.get_untracked(),
            options.with_untracked(Vec::len),
            value.with_untracked(|v| !v.is_empty()),
        );
        if action.prevents_default() {
            ev.prevent_default();
        }
        match action {
            Action::Ignore => {}
            Action::Show(index) => {
                open.set(true);
                active.set(index);
            }
            Action::Choose(index) => {
                if let Some(carrier) = options.with_untracked(|o| o.get(index).copied()) {
                    choose(carrier);
                }
            }
            Action::Hide => {
                open.set(false);
                active.set(None);
            }
            Action::Clear => on_input.run(String::new()),
        }
    };

    let active_descendant = {
        let option_id = option_id.clone();
        move || {
            let index = active.get().filter(|_| expanded.get())?;
            options.with(|o| o.get(index).map(|carrier| option_id(carrier)))
        }
    };
    let listed = move || {
        let option_id = option_id.clone();
        options
            .get()
            .into_iter()
            .enumerate()
            .map(|(index, carrier)| {
                let is_active = move || active.get() == Some(index);
                view! {
                    <li
                        id=option_id(carrier)
                        role="option"
                        class=move || {
                            if is_active() {
                                "aa-combobox__option aa-combobox__option--active"
                            } else {
                                "aa-combobox__option"
                            }
                        }
                        aria-selected=move || if is_active() { "true" } else { "false" }
                        // Keep the focus in the field, so choosing does not blur it first.
                        on:mousedown=|ev| ev.prevent_default()
                        on:click=move |_| choose(carrier)
                    >
                        {carrier.name}
                    </li>
                }
            })
            .collect_view()
    };

    view! {
        <div class="aa-combobox">
            <input
                node_ref=input
                id=id
                class=input_class
                type="text"
                role="combobox"
                autocomplete="off"
                autocapitalize="off"
                spellcheck="false"
                maxlength=maxlength
                aria-autocomplete="list"
                aria-controls=listbox_id.clone()
                aria-describedby=move || describedby.get()
                aria-invalid=move || invalid.get().then_some("true")
                aria-expanded=move || if expanded.get() { "true" } else { "false" }
                aria-activedescendant=active_descendant
                on:input=move |ev| {
                    on_input.run(event_target_value(&ev));
                    open.set(true);
                    active.set(None);
                }
                on:keydown=on_keydown
                on:click=move |_| open.set(true)
                on:blur=move |_| {
                    open.set(false);
                    active.set(None);
                }
            />
            <ul
                id=listbox_id
                class="aa-combobox__listbox"
                role="listbox"
                aria-label=listbox_label
                hidden=move || !expanded.get()
            >
                {listed}
            </ul>
        </div>
    }
    .into_any()
}

/// The few browser calls on the field, inert when rendering natively.
mod dom {
    use leptos::html::Input;
    use leptos::prelude::*;

    /// The field's current text.
    pub fn value(input: &NodeRef<Input>) -> Option<String> {
        #[cfg(feature = "browser")]
        {
            input.get_untracked().map(|el| el.value())
        }
        #[cfg(not(feature = "browser"))]
        {
            let _ = input;
            None
        }
    }

    /// Replaces the field's text.
    pub fn set_value(input: &NodeRef<Input>, value: &str) {
        #[cfg(feature = "browser")]
        if let Some(el) = input.get_untracked() {
            el.set_value(value);
        }
        #[cfg(not(feature = "browser"))]
        let _ = (input, value);
    }
}
