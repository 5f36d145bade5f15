//! The site header: name, insurance and contact shortcuts, call and text links.

use leptos::prelude::*;

use crate::content::use_content;
use crate::content::Href;

/// The page banner. Every link is a plain anchor, so it works before and
/// without the wasm.
#[component]
pub fn SiteHeader() -> impl IntoView {
    let content = use_content();
    let site = content.site;
    let t = content.ui.header;
    view! {
        <header class="aa-header">
            <div class="aa-header__inner">
                <a class="aa-header__brand" href=site.base_url>{site.name}</a>
                <nav class="aa-header__nav" aria-label=t.nav_label>
                    <a class="aa-header__link" href="#verify-insurance">
                        <span class="aa-header__kicker">{t.verify_kicker} " "</span>
                        {t.verify}
                    </a>
                    <a class="aa-header__link" href="#contact">
                        <span class="aa-header__kicker">{t.contact_kicker} " "</span>
                        {t.contact}
                    </a>
                </nav>
                <p class="aa-header__phones">
                    <PhoneLink href=Href::Call label=site.call_label/>
                    <PhoneLink href=Href::Text label=site.text_label/>
                </p>
            </div>
        </header>
    }
}

/// A call or text link that shows the number next to its label.
#[component]
pub fn PhoneLink(
    /// [`Href::Call`] or [`Href::Text`].
    href: Href,
    /// "Call us" / "Text us".
    label: &'static str,
) -> impl IntoView {
    let site = use_content().site;
    let modifier = if href == Href::Text {
        "aa-phone aa-phone--text"
    } else {
        "aa-phone"
    };
    view! {
        <a class=modifier href=site.resolve(href)>
            <span class="aa-phone__label">{label}</span>
            " "
            <span class="aa-phone__number">{site.phone.display}</span>
        </a>
    }
}
