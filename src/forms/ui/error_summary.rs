//! The GOV.UK error summary at the top of a form.

use leptos::prelude::*;

use super::controller::ids;
use crate::forms::context::use_form_content;
use crate::forms::io;
use crate::forms::rules::{FieldError, FormKind};

/// "There is a problem" with a link to each field in error; the form moves
/// focus here when it appears. Clicking a link focuses its field.
#[component]
pub fn ErrorSummary(
    /// The form, for element ids.
    kind: FormKind,
    /// The problems; nothing is rendered when empty.
    #[prop(into)]
    errors: Signal<Vec<FieldError>>,
) -> impl IntoView {
    let text = use_form_content().text;
    let id = ids::summary(kind);
    let title_id = format!("{id}-title");
    move || {
        let list = errors.get();
        (!list.is_empty()).then(|| {
            let items = list
                .into_iter()
                .map(|error| match error.field {
                    Some(field) => {
                        let target = field.element_id(kind);
                        let href = format!("#{target}");
                        view! {
                            <li>
                                <a
                                    class="aa-error-summary__link"
                                    href=href
                                    on:click=move |ev| {
                                        ev.prevent_default();
                                        io::focus_now(&target);
                                    }
                                >
                                    {error.message}
                                </a>
                            </li>
                        }
                        .into_any()
                    }
                    None => view! { <li>{error.message}</li> }.into_any(),
                })
                .collect_view();
            view! {
                <div class="aa-error-summary" id=id.clone() tabindex="-1">
                    <div role="alert">
                        <h3 class="aa-error-summary__title" id=title_id.clone()>{text.errors.summary_heading}</h3>
                        <ul class="aa-error-summary__list">{items}</ul>
                    </div>
                </div>
            }
        })
    }
}
