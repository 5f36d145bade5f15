//! Step 4: anything else, and consent.

use leptos::prelude::*;

use super::checkbox::Checkbox;
use super::controller::FormCtl;
use super::text_field::TextField;
use crate::forms::context::use_form_content;
use crate::forms::rules::Field;

/// An optional message and permission to be contacted, with the privacy
/// notice linked.
#[component]
pub fn StepMessage(
    /// The form's state.
    ctl: FormCtl,
) -> impl IntoView {
    let t = use_form_content().text.contact;
    let answers = ctl.answers;
    let privacy = use_form_content().site.resolve(t.privacy);
    view! {
        <TextField
            id=ctl.id(Field::Message)
            label=t.message
            hint=t.message_hint
            optional=true
            multiline=true
            value=Signal::derive(move || answers.with(|a| a.message.clone()))
            on_input=Callback::new(move |v| answers.update(|a| a.message = v))
            error=ctl.error_for(Field::Message)
        />
        <Checkbox
            id=ctl.id(Field::Consent)
            label=t.consent
            checked=Signal::derive(move || answers.with(|a| a.consent))
            on_change=Callback::new(move |on| answers.update(|a| a.consent = on))
            error=ctl.error_for(Field::Consent)
        >
            {t.privacy_before}
            <a href=privacy>{t.privacy_link}</a>
            {t.privacy_after}
        </Checkbox>
    }
    .into_any()
}
