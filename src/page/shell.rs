//! The page shell: header, article, page blocks and footer.

use leptos::prelude::*;

use super::article::ArticleBody;
use super::footer::SiteFooter;
use super::header::SiteHeader;
use super::offer::OfferBlock;
use super::verify_insurance::VerifyInsurance;
use crate::content::{Content, ContentCtx};
use crate::loader::parts::Part;
use crate::loader::placeholder::PartPlaceholder;
use crate::pwa::update_prompt::UpdatePrompt;

/// The whole page for `content` (the bundled [`crate::content::CONTENT`] in
/// the browser and the build; a fixture in tests).
#[component]
pub fn App(
    /// What the page says.
    content: &'static Content,
) -> impl IntoView {
    provide_context(ContentCtx(content));

    // The pre-rendered HTML is already readable; only its interactive parts
    // are hydrated, each on its own (src/page/roots.rs), which then marks
    // this element `data-hydrated`.
    view! {
        <div class="aa-app">
            <a class="aa-skip-link" href="#main">{content.ui.page.skip_link}</a>
            <SiteHeader/>
            <main id="main" class="aa-main" tabindex="-1">
                <ArticleBody/>
                <VerifyInsurance/>
                <OfferBlock offer=content.book>
                    <PartPlaceholder part=Part::BookForm/>
                </OfferBlock>
                <OfferBlock offer=content.closing_cta/>
                <PartPlaceholder part=Part::ContactForm/>
            </main>
            <SiteFooter/>
            <UpdatePrompt/>
        </div>
    }
}
