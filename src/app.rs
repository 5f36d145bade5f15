//! The page shell: header, article, page blocks and footer.

use leptos::prelude::*;

use crate::components::{
    article::ArticleBody, deferred::Deferred, footer::SiteFooter, header::SiteHeader,
    offer::OfferBlock, verify_insurance::VerifyInsurance,
};
use crate::content::{Carrier, Checker, Content, Site, CONTENT, CONTENT_DATA};
use crate::deferred::Part;

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

/// The little of the content the forms show, provided by whatever mounts
/// them (the forms module, or the pre-render). A context of its own, read
/// from the content at compile time, so the forms module does not carry
/// the whole article.
#[derive(Debug, Clone, Copy)]
pub struct FormContent {
    /// Name, address and phone number.
    pub site: Site,
    /// The in-network carriers, suggested on the insurance step.
    pub carriers: &'static [Carrier],
    /// The names the carrier suggestions understand (aliases, brands).
    pub checker: Checker,
    /// "You asked about: {carrier}", after the insurance checker.
    pub prefill: &'static str,
}

impl FormContent {
    /// The forms' part of the bundled content.
    pub const BUNDLED: FormContent = FormContent {
        site: CONTENT_DATA.site,
        carriers: CONTENT_DATA.carriers,
        checker: CONTENT_DATA.checker,
        prefill: CONTENT_DATA.checker.text.prefill,
    };
}

/// Reads the [`FormContent`] provided around a form.
///
/// # Panics
/// When no form content was provided; that is a programming error.
pub fn use_form_content() -> FormContent {
    use_context::<FormContent>().expect("use_form_content() called outside a mounted form")
}

/// The insurer a visitor asked about in the insurance checker, handed to
/// the contact form by "Verify my coverage".
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CarrierChoice {
    /// As the form should show it: the in-network carrier's name, else what
    /// the visitor typed.
    pub name: String,
    /// The in-network carrier's id (`carriers.toml`); `None` when it is not
    /// on the list or unclear.
    pub carrier_id: Option<&'static str>,
}

/// The insurance checker's choice as the contact form receives it (through
/// the form's placeholder, see `src/deferred_mount.rs`); one per mounted
/// form.
#[derive(Clone, Copy)]
pub struct VerifyRequest(pub RwSignal<Option<CarrierChoice>>);

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
                <OfferBlock offer=content.book>
                    <Deferred part=Part::BookForm/>
                </OfferBlock>
                <OfferBlock offer=content.closing_cta/>
                <Deferred part=Part::ContactForm/>
            </main>
            <SiteFooter/>
        </div>
    }
}
