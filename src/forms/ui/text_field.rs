//! A labelled text input or text area with hint and error message.

use leptos::prelude::*;

use super::field_ids::FieldIds;
use super::inline_error::InlineError;
use crate::forms::context::use_form_content;
use crate::insurance::combobox::CarrierCombobox;
use crate::insurance::matcher::{self, Directory};

/// A GOV.UK-style text field: label, optional hint, the error message above
/// the input when there is one, `aria-invalid` and `aria-describedby`.
/// No `maxlength`: overlong text gets a message rather than being cut.
#[component]
pub fn TextField(
    /// The input's id; the hint and error ids derive from it.
    id: String,
    /// The visible label.
    label: &'static str,
    /// Help shown under the label.
    #[prop(optional)]
    hint: Option<&'static str>,
    /// Adds "(optional)" to the label.
    #[prop(optional)]
    optional: bool,
    /// `text`, `email` or `tel`; ignored for a text area.
    #[prop(default = "text")]
    input_type: &'static str,
    /// A multi-line text area instead of an input.
    #[prop(optional)]
    multiline: bool,
    /// The `autocomplete` token.
    #[prop(optional)]
    autocomplete: Option<&'static str>,
    /// The `inputmode` (e.g. `tel`).
    #[prop(optional)]
    inputmode: Option<&'static str>,
    /// Suggest in-network carriers as the visitor types (a combobox, as
    /// in the insurance checker).
    #[prop(optional)]
    suggest: Option<Directory>,
    /// The value shown.
    #[prop(into)]
    value: Signal<String>,
    /// Receives every edit.
    on_input: Callback<String>,
    /// The problem with this field, if any.
    #[prop(into)]
    error: Signal<Option<String>>,
) -> impl IntoView {
    let text = use_form_content().text;
    let ids = FieldIds::new(&id, hint.is_some());
    let describedby = ids.describedby(error);
    let invalid = move || error.with(Option::is_some).then_some("true");
    let control = if let Some(directory) = suggest {
        // Unlike the checker, which shows a clear answer below its field, a
        // form field also suggests the carrier such an answer names.
        let options = Memo::new(move |_| {
            value.with(|query| {
                matcher::suggestions(matcher::check(query, &directory).as_ref(), query)
            })
        });
        view! {
            <CarrierCombobox
                id=id.clone()
                value=value
                on_input=on_input
                options=options
                listbox_label=use_form_content().checker.text.suggestions
                input_class="aa-input aa-field__input"
                describedby=Signal::derive(describedby)
                invalid=Signal::derive(move || error.with(Option::is_some))
            />
        }
        .into_any()
    } else if multiline {
        view! {
            <textarea
                class="aa-input aa-field__input aa-field__input--multiline"
                id=id.clone()
                name=id.clone()
                rows="5"
                autocomplete=autocomplete
                aria-invalid=invalid
                aria-describedby=describedby
                prop:value=move || value.get()
                on:input=move |ev| on_input.run(event_target_value(&ev))
            ></textarea>
        }
        .into_any()
    } else {
        view! {
            <input
                class="aa-input aa-field__input"
                id=id.clone()
                name=id.clone()
                type=input_type
                autocomplete=autocomplete
                inputmode=inputmode
                spellcheck=(input_type == "email").then_some("false")
                aria-invalid=invalid
                aria-describedby=describedby
                prop:value=move || value.get()
                on:input=move |ev| on_input.run(event_target_value(&ev))
            />
        }
        .into_any()
    };
    view! {
        <div class="aa-field" class:aa-field--error=move || error.with(Option::is_some)>
            <label class="aa-field__label" for=id.clone()>
                {label}
                {optional.then(|| view! { <span class="aa-field__optional">" " {text.contact.optional}</span> })}
            </label>
            {hint.map(|text| view! { <p class="aa-field__hint" id=ids.hint.clone()>{text}</p> })}
            <InlineError id=ids.error.clone() error=error/>
            {control}
        </div>
    }
    .into_any()
}

#[cfg(all(test, feature = "ssr"))]
mod tests {
    use super::*;

    fn render(error: Option<&str>) -> String {
        let owner = Owner::new();
        let error = error.map(str::to_owned);
        owner.with(|| {
            provide_context(crate::forms::context::FormContent::of(
                crate::content::load::fixture(),
            ));
            view! {
                <TextField
                    id="f".to_owned()
                    label="Name"
                    hint="Hint"
                    value=Signal::derive(String::new)
                    on_input=Callback::new(|_: String| {})
                    error=Signal::derive(move || error.clone())
                />
            }
            .to_html()
        })
    }

    #[test]
    fn error_state_marks_the_block_and_describes_the_input() {
        let fine = render(None);
        assert!(fine.contains("class=\"aa-field\""), "{fine}");
        assert!(fine.contains("aria-describedby=\"f-hint\""), "{fine}");
        assert!(!fine.contains("aria-invalid"), "{fine}");

        let wrong = render(Some("Enter your name"));
        assert!(
            wrong.contains("class=\"aa-field aa-field--error\""),
            "{wrong}"
        );
        assert!(
            wrong.contains("aria-describedby=\"f-hint f-error\""),
            "{wrong}"
        );
        assert!(wrong.contains("aria-invalid=\"true\""), "{wrong}");
        assert!(wrong.contains("id=\"f-error\""), "{wrong}");
    }
}
