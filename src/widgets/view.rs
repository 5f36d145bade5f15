//! What each kind of widget shows, as the widget modules mount it (inside
//! the partner element's shadow root) and as the build renders the iframe
//! pages' fallbacks. The forms are mounted by the loader's mount
//! (`crate::loader::mount`) into their placeholders here.

use leptos::prelude::*;

use crate::content::{use_content, Href};
use crate::faq::list::FaqList;
use crate::insurance::checker::CarrierChecker;
use crate::insurance::choice::CarrierChoice;
use crate::loader::parts::Part;
use crate::loader::prefill;
use crate::page::offer::OfferBlock;

/// The insurance checker. "Verify my coverage" fills a contact-form
/// widget on the same page if there is one; otherwise it links to the
/// app's page (`page_url`), whose form is filled in from the address.
#[component]
pub fn CheckerWidget(
    /// Prefix of the checker's element ids.
    #[prop(into)]
    id: String,
    /// The app's page, absolute.
    #[prop(into)]
    page_url: String,
) -> impl IntoView {
    let verify = Callback::new(|choice: CarrierChoice| {
        let handled = prefill::request_prefill(&choice.name, choice.carrier_id).is_some();
        if handled {
            show_contact_form();
        }
        handled
    });
    let href = Callback::new(move |choice: CarrierChoice| {
        format!(
            "{page_url}{}#contact",
            prefill::page_query(&choice.name, choice.carrier_id)
        )
    });
    view! { <CarrierChecker id=id on_verify=verify verify_href=href/> }
}

/// Brings the contact-form widget into view, as following the link to the
/// page's form would.
fn show_contact_form() {
    #[cfg(all(feature = "browser", target_arch = "wasm32"))]
    if let Some(form) = prefill::contact_form_widget() {
        let options = web_sys::ScrollIntoViewOptions::new();
        options.set_block(web_sys::ScrollLogicalPosition::Start);
        form.scroll_into_view_with_scroll_into_view_options(&options);
    }
}

/// The questions and answers; `questions` as
/// [`super::kind::chosen_questions`] gives them.
#[component]
pub fn FaqWidget(
    /// Indexes into `faq.toml`.
    questions: Vec<usize>,
) -> impl IntoView {
    view! { <FaqList questions=questions embedded=true/> }
}

/// The free book: its offer, with an empty placeholder for the book form,
/// which the forms are mounted into.
#[component]
pub fn BookOfferWidget() -> impl IntoView {
    let content = use_content();
    view! {
        <OfferBlock offer=content.book>
            <div class="aa-part" data-aa-part=Part::BookForm.id()></div>
        </OfferBlock>
    }
}

/// The contact form's empty placeholder, which the form is mounted into.
#[component]
pub fn ContactFormWidget() -> impl IntoView {
    view! { <div class="aa-part" data-aa-part=Part::ContactForm.id()></div> }
}

/// Call and text links: all a `call-us` widget is, and what every iframe
/// page shows under its fallback.
#[component]
pub fn CallUs() -> impl IntoView {
    let site = use_content().site;
    view! {
        <p class="aa-call-us">
            <a class="aa-button" href=site.resolve(Href::Call)>
                {site.call_label} " " {site.phone.display}
            </a>
            " "
            <a class="aa-button aa-button--secondary" href=site.resolve(Href::Text)>
                {site.text_label}
            </a>
        </p>
    }
}

#[cfg(all(test, feature = "ssr"))]
mod tests {
    use super::*;
    use crate::content::load::fixture;
    use crate::content::ContentCtx;

    fn html(view: impl FnOnce() -> AnyView) -> String {
        Owner::new()
            .with(|| {
                provide_context(ContentCtx(fixture()));
                view().to_html()
            })
            .replace("<!>", "")
    }

    #[test]
    fn call_us_links_the_phone_number_for_calls_and_texts() {
        let html = html(|| view! { <CallUs/> }.into_any());
        assert!(html.contains("href=\"tel:+19497633440\""), "{html}");
        assert!(html.contains("href=\"sms:+19497633440\""), "{html}");
        assert!(html.contains("(949) 763-3440"), "{html}");
    }

    #[test]
    fn a_faq_widget_shows_the_chosen_questions_in_order() {
        let faq = fixture().faq;
        assert!(faq.len() >= 2, "the fixture needs two questions");
        let html = html(|| view! { <FaqWidget questions=vec![1, 0]/> }.into_any());
        let first = html.find(faq[1].question).expect("second question shown");
        let second = html.find(faq[0].question).expect("first question shown");
        assert!(first < second, "partner's order kept");
        for item in &faq[2..] {
            assert!(!html.contains(item.question), "{} not chosen", item.id);
        }
    }

    #[test]
    fn the_book_offer_holds_the_book_forms_placeholder() {
        let html = html(|| view! { <BookOfferWidget/> }.into_any());
        assert!(html.contains(fixture().book.heading), "{html}");
        assert!(html.contains("data-aa-part=\"book-form\""), "{html}");
    }
}
