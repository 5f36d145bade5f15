//! What a mounted form reads from its surroundings, provided by whoever
//! mounts it (the forms module's `crate::loader::mount`, or the pre-render's
//! placeholder).

use leptos::prelude::*;

use crate::content::{Carrier, Checker, FormsText, Site};
use crate::insurance::choice::CarrierChoice;

/// The little of the content the forms show. A context of its own, read
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
    /// Every word of the forms (`forms.toml`).
    pub text: FormsText,
}

// Not in the page's module (`hydrate`), which never mounts a form and is
// built without the forms' words (see `Content::forms`).
#[cfg(not(feature = "hydrate"))]
impl FormContent {
    /// The forms' part of the bundled content.
    pub const BUNDLED: FormContent = FormContent::of(&crate::content::CONTENT_DATA);

    /// The forms' part of `content`.
    pub const fn of(content: &crate::content::Content) -> FormContent {
        FormContent {
            site: content.site,
            carriers: content.carriers,
            checker: content.checker,
            prefill: content.checker.text.prefill,
            text: content.forms,
        }
    }
}

/// Reads the [`FormContent`] provided around a form.
///
/// # Panics
/// When no form content was provided; that is a programming error.
pub fn use_form_content() -> FormContent {
    use_context::<FormContent>().expect("use_form_content() called outside a mounted form")
}

/// The insurance checker's choice as the contact form receives it (through
/// the form's placeholder, see `crate::loader::prefill`); one per mounted
/// form.
#[derive(Clone, Copy)]
pub struct VerifyRequest(pub RwSignal<Option<CarrierChoice>>);

/// True while a form renders into its placeholder at build time (see
/// `crate::loader::placeholder`): its controls are then `inert` until the
/// live component replaces them, so nothing can be typed that the mount
/// would throw away.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Prerendering(pub bool);

/// Whether the current form renders as a placeholder's pre-render.
pub fn is_prerendering() -> bool {
    use_context::<Prerendering>().is_some_and(|p| p.0)
}

/// Where a mounted form reads `form-config.json`: next to the page
/// ([`crate::forms::io::CONFIG_URL`], relative) unless a widget says
/// otherwise (absolute, under the app's own origin: a partner's page has no
/// such file). A relative `endpoint` in it is then resolved against it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ConfigUrl(pub String);

/// The [`ConfigUrl`] around the form.
pub fn use_config_url() -> String {
    use_context::<ConfigUrl>().map_or_else(|| crate::forms::io::CONFIG_URL.to_string(), |url| url.0)
}
