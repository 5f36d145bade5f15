//! The placeholder of a part of the page whose code loads later (see
//! `parts.rs`).

use leptos::prelude::*;

use super::parts::Part;

/// Holds `part`'s pre-rendered HTML until the forms module mounts the live
/// component here. In the browser the main app leaves the contents alone
/// (hydration does not touch an `inner_html` element's children), which is
/// why the forms' code is not in the main module at all.
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
        Part::ContactForm => view! { <ContactForm/> }.into_any(),
        Part::BookForm => view! { <BookForm/> }.into_any(),
    }
}

/// The notice the loader shows if the forms module cannot be downloaded
/// (first, where a visitor scrolling down meets it before the inert form);
/// the part's HTML; and, for visitors without scripts, a note. All inside
/// the placeholder (the attributes are
/// `deferred::FAILED_ATTR` and `RETRY_ATTR`, checked by a test), because hydration cannot walk a `<noscript>` (with
/// scripts on, the browser parses its contents as text), and outside the
/// inert form, so "Try again" works.
#[cfg(feature = "ssr")]
fn render_part(part: Part) -> String {
    let status = crate::forms::context::use_form_content().text.status;
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
                {status.try_again}
            </button>
        </div>
    };
    loading.to_html() + &failed.to_html() + &part_view(part).to_html() + &note.to_html()
}

#[cfg(all(test, feature = "ssr"))]
mod tests {
    use super::*;
    use crate::forms::context::Prerendering;
    use crate::loader::parts::{FAILED_ATTR, RETRY_ATTR};

    #[test]
    fn the_load_failure_notice_is_prerendered_hidden_before_the_form() {
        for part in Part::ALL {
            let html = Owner::new().with(|| {
                provide_context(Prerendering(true));
                provide_context(crate::forms::context::FormContent::BUNDLED);
                render_part(part)
            });
            let notice = html
                .find(&format!("{FAILED_ATTR}=\"\""))
                .unwrap_or_else(|| panic!("no {FAILED_ATTR} in {html}"));
            assert!(
                html[notice..].contains("<form"),
                "notice not before the form"
            );
            assert!(
                !html[..notice].contains("<form"),
                "notice not before the form"
            );
            let tag_start = html[..notice].rfind('<').unwrap();
            assert!(
                html[tag_start..notice].contains(" hidden"),
                "{}",
                &html[tag_start..notice + 20]
            );
            assert!(html[notice..].contains(&format!("{RETRY_ATTR}=\"\"")));
            assert!(html[notice..].contains("tel:+19497633440"));
        }
    }
}
