//! The placeholder of a part of the page whose code loads later (see
//! `parts.rs`).

use leptos::prelude::*;

use super::parts::Part;
use crate::content::LoadText;

/// Holds `part`'s pre-rendered HTML until the forms module mounts the live
/// component here. In the browser the main app leaves the contents alone
/// (hydration does not touch an `inner_html` element's children), which is
/// why the parts' code is not in the main module at all.
#[component]
pub fn PartPlaceholder(
    /// Which part this placeholder holds.
    part: Part,
) -> impl IntoView {
    #[cfg(feature = "ssr")]
    let html = {
        provide_context(crate::forms::context::Prerendering(true));
        provide_context(crate::forms::context::FormContent::of(
            crate::content::use_content(),
        ));
        render_part(part)
    };
    #[cfg(not(feature = "ssr"))]
    let html = String::new();
    view! { <div class="aa-part" data-aa-part=part.id() inner_html=html></div> }
}

/// The live component of `part`, as the forms module mounts it and the
/// build pre-renders it.
pub fn part_view(part: Part) -> AnyView {
    use crate::forms::ui::{book_form::BookForm, contact_form::ContactForm};
    match part {
        #[cfg(not(feature = "widget"))]
        Part::Checker => view! { <super::checker::VerifyChecker/> }.into_any(),
        // A partner page has no checker placeholder (its checker widget is
        // in the widgets module), so the widgets' forms module leaves it out.
        #[cfg(feature = "widget")]
        Part::Checker => ().into_any(),
        Part::ContactForm => view! { <ContactForm/> }.into_any(),
        Part::BookForm => view! { <BookForm/> }.into_any(),
    }
}

/// What `part`'s placeholder says while its code loads, if that fails, and
/// when scripts are off: the checker's own words, or the forms'.
pub fn load_text(part: Part, content: &crate::forms::context::FormContent) -> LoadText {
    let status = content.text.status;
    match part {
        Part::Checker => content.checker.text.load,
        Part::ContactForm | Part::BookForm => LoadText {
            loading: status.loading,
            load_failed_heading: status.load_failed_heading,
            load_failed: status.load_failed,
            needs_script: status.needs_script,
        },
    }
}

/// The notice the loader shows if the forms module cannot be downloaded
/// (first, where a visitor scrolling down meets it before the inert form);
/// the part's HTML; and, for visitors without scripts, a note. All inside
/// the placeholder (the attributes are `parts::FAILED_ATTR` and
/// `RETRY_ATTR`, checked by a test), because hydration cannot walk a
/// `<noscript>` (with scripts on, the browser parses its contents as text),
/// and outside the inert form, so "Try again" works.
#[cfg(feature = "ssr")]
fn render_part(part: Part) -> String {
    let content = crate::forms::context::use_form_content();
    let status = load_text(part, &content);
    // One "Try again" for every part.
    let try_again = content.text.status.try_again;
    use crate::forms::ui::phone_number::PhoneNumber;

    let note = view! {
        <noscript>
            <p class="aa-part__noscript">{status.needs_script} " " <PhoneNumber/> "."</p>
        </noscript>
    };
    // Empty until a visitor in the form waits for it (boot.js fills it in):
    // a live region present from the start is announced when it changes.
    let loading = view! {
        <p class="aa-part__loading" role="status" data-aa-loading=status.loading></p>
    };
    let failed = view! {
        <div class="aa-notice aa-notice--error" role="alert" hidden data-aa-failed="">
            <h3 class="aa-notice__heading">{status.load_failed_heading}</h3>
            <p class="aa-notice__text">{status.load_failed} " " <PhoneNumber/> "."</p>
            <button type="button" class="aa-button aa-button--secondary" data-aa-retry="">
                {try_again}
            </button>
        </div>
    };
    loading.to_html() + &failed.to_html() + &part_view(part).to_html() + &note.to_html()
}

#[cfg(all(test, feature = "ssr"))]
mod tests {
    use super::*;
    use crate::content::load::fixture;
    use crate::content::ContentCtx;
    use crate::forms::context::{FormContent, Prerendering};
    use crate::loader::parts::{FAILED_ATTR, RETRY_ATTR};

    fn part_html(part: Part) -> String {
        Owner::new().with(|| {
            provide_context(ContentCtx(fixture()));
            provide_context(Prerendering(true));
            provide_context(FormContent::of(fixture()));
            render_part(part)
        })
    }

    /// Where the hidden notice starts, with "Try again" and the phone
    /// number after it.
    fn hidden_notice(html: &str) -> usize {
        let notice = html
            .find(&format!("{FAILED_ATTR}=\"\""))
            .unwrap_or_else(|| panic!("no {FAILED_ATTR} in {html}"));
        let tag_start = html[..notice].rfind('<').unwrap();
        assert!(
            html[tag_start..notice].contains(" hidden"),
            "{}",
            &html[tag_start..notice + 20]
        );
        assert!(html[notice..].contains(&format!("{RETRY_ATTR}=\"\"")));
        assert!(html[notice..].contains("tel:+19497633440"));
        notice
    }

    #[test]
    fn the_load_failure_notice_is_prerendered_hidden_before_the_form() {
        for part in [Part::ContactForm, Part::BookForm] {
            let html = part_html(part);
            let notice = hidden_notice(&html);
            assert!(
                html[notice..].contains("<form"),
                "notice not before the form"
            );
            assert!(
                !html[..notice].contains("<form"),
                "notice not before the form"
            );
        }
    }

    #[test]
    fn the_checker_part_says_its_own_words_before_its_field() {
        let text = fixture().checker.text;
        let html = part_html(Part::Checker);
        let notice = hidden_notice(&html);
        let field = html.find("role=\"combobox\"").expect("no combobox");
        assert!(notice < field, "notice not before the checker's field");
        for words in [
            text.load.loading,
            text.load.load_failed_heading,
            text.load.load_failed,
            text.load.needs_script,
        ] {
            assert!(html.contains(words), "missing {words:?} in {html}");
        }
        let forms = fixture().forms.status;
        assert!(!html.contains(forms.load_failed_heading), "{html}");
    }
}
