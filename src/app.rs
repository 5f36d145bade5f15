//! The page shell: header, article, page blocks and footer.

use leptos::prelude::*;

use crate::components::{
    article::ArticleBody, footer::SiteFooter, header::SiteHeader, offer::OfferBlock,
    verify_insurance::VerifyInsurance,
};
use crate::content::{Content, CONTENT};

/// The content every component reads, provided once per mounted app so
/// several instances (widgets) can live on one page without shared globals.
#[derive(Clone, Copy)]
pub struct ContentCtx(pub &'static Content);

/// Reads the [`ContentCtx`] provided by [`App`].
///
/// # Panics
/// When called outside [`App`]; that is a programming error, not a runtime state.
pub fn use_content() -> &'static Content {
    use_context::<ContentCtx>()
        .map(|ctx| ctx.0)
        .expect("use_content() called outside <App/>")
}

/// The whole page for the bundled article.
#[component]
pub fn App() -> impl IntoView {
    provide_context(ContentCtx(&CONTENT));
    let content = &CONTENT;

    // The pre-rendered HTML is already readable; this marks the moment the
    // wasm has taken over, so CSS can reveal script-only controls and tests
    // know interaction is live.
    let hydrated = RwSignal::new(false);
    Effect::new(move |_| hydrated.set(true));

    view! {
        <div class="aa-app" data-hydrated=move || hydrated.get().then_some("true")>
            <a class="aa-skip-link" href="#main">"Skip to main content"</a>
            <SiteHeader/>
            <main id="main" class="aa-main" tabindex="-1">
                <ArticleBody/>
                <VerifyInsurance/>
                <OfferBlock offer=content.book/>
                <OfferBlock offer=content.closing_cta/>
            </main>
            <SiteFooter/>
        </div>
    }
}
