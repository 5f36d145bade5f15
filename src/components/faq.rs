//! The frequently asked questions.

use leptos::prelude::*;

use crate::app::use_content;
use crate::components::rich_text::Blocks;

/// Every question of `faq.toml` with its answer.
#[component]
pub fn FaqList() -> impl IntoView {
    let faq = use_content().faq;
    let items = faq
        .iter()
        .map(|item| {
            view! {
                <div class="aa-faq__item">
                    <h3 id=item.id class="aa-faq__question">{item.question}</h3>
                    <div class="aa-faq__answer">
                        <Blocks blocks=item.answer/>
                    </div>
                </div>
            }
        })
        .collect_view();
    view! { <div class="aa-faq">{items}</div> }
}
