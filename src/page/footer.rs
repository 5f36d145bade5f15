//! The site footer: the "We're Here to Help" call to action and contact links.

use leptos::prelude::*;

use super::header::PhoneLink;
use super::notes::{CrisisNote, Disclaimer};
use crate::content::use_content;
use crate::content::Href;
use crate::rich_text::blocks::Blocks;

/// The page footer: how to call or text (the contact form, `#contact`, is
/// just before it).
#[component]
pub fn SiteFooter() -> impl IntoView {
    let content = use_content();
    let help = content.help;
    let site = content.site;
    view! {
        <footer class="aa-footer">
            <section class="aa-footer__contact" aria-labelledby="help">
                <h2 id="help" class="aa-footer__heading">{help.heading}</h2>
                <Blocks blocks=help.body/>
                <p class="aa-footer__phones">
                    <PhoneLink href=Href::Call label=site.call_label/>
                    <PhoneLink href=Href::Text label=site.text_label/>
                </p>
                <CrisisNote/>
            </section>
            <Disclaimer/>
            <p class="aa-footer__legal">
                <a class="aa-link" href=site.base_url>{site.name}</a>
            </p>
        </footer>
    }
}
