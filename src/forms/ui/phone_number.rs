//! The phone number as a call link, for sentences like "call us on …".

use leptos::prelude::*;

use crate::content::Href;
use crate::forms::context::use_form_content;

/// `(949) 763-3440` linking to `tel:`.
#[component]
pub fn PhoneNumber() -> impl IntoView {
    let site = use_form_content().site;
    view! { <a class="aa-form__phone" href=site.resolve(Href::Call)>{site.phone.display}</a> }
}
