//! The partner embeds' files (see `crate::widgets`): the loader
//! `embed.js`, the widgets' stylesheet, and one iframe page per kind at
//! `embed/<kind>/index.html` for partners whose pages cannot run scripts.
//!
//! An iframe page reads on its own at a fixed height: its widget element
//! holds the kind's text as rendered here (the FAQ's answers, the offer,
//! the carriers, the phone number), which the live widget replaces when
//! the page's own copy of the loader runs. The loader on the host page, if
//! there is one, sizes the frame to its content.

use leptos::prelude::*;

use super::html::{escape_attr, escape_text};
use crate::content::{Content, ContentCtx};
use crate::faq::list::FaqList;
use crate::page::offer::OfferBlock;
use crate::page::verify_insurance::CarrierList;
use crate::widgets::kind::{Kind, WIDGET_ATTR};
use crate::widgets::view::CallUs;

/// Marks an iframe page's root element: the loader answers its host's
/// messages only there.
pub const FRAME_ATTR: &str = "data-aa-frame";

/// The iframe page's path for `kind`, relative to the site's root.
pub fn frame_path(kind: Kind) -> String {
    format!("embed/{}/index.html", kind.id())
}

/// What an iframe page shows before (or without) its live widget.
pub fn frame_fallback(content: &'static Content, kind: Kind) -> String {
    Owner::new().with(|| {
        provide_context(ContentCtx(content));
        let call = view! { <CallUs/> }.to_html();
        let body = match kind {
            Kind::InsuranceChecker => view! {
                <OfferBlock offer=content.verify_insurance>
                    <CarrierList/>
                </OfferBlock>
            }
            .to_html(),
            Kind::Faq => view! { <FaqList/> }.to_html(),
            Kind::BookOffer => view! { <OfferBlock offer=content.book/> }.to_html(),
            Kind::ContactForm => {
                let text = content.forms.contact;
                view! {
                    <h2 class="aa-offer__heading">{text.heading}</h2>
                    <p>{text.intro}</p>
                }
                .to_html()
            }
            Kind::CallUs => String::new(),
        };
        (body + &call).replace("<!>", "")
    })
}

/// The iframe page of `kind`; `css` is the widgets' stylesheet and
/// `loader` the loader's file, both at the site's root.
pub fn frame_page(content: &'static Content, kind: Kind, css: &str, loader: &str) -> String {
    let fallback = frame_fallback(content, kind);
    format!(
        "<!DOCTYPE html>\n<html lang=\"{lang}\" {FRAME_ATTR}>\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <meta name=\"robots\" content=\"noindex\">\n\
         <title>{title}</title>\n\
         <link rel=\"stylesheet\" href=\"../../{css}\">\n\
         <script async src=\"../../{loader}\"></script>\n\
         </head>\n<body class=\"aa-frame\">\n\
         <div {WIDGET_ATTR}=\"{kind}\"><div class=\"aa-widget\">{fallback}</div></div>\n\
         </body>\n</html>\n",
        lang = escape_attr(content.site.lang),
        title = escape_text(content.site.name),
        css = escape_attr(css),
        loader = escape_attr(loader),
        kind = kind.id(),
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::load::fixture;

    #[test]
    fn every_frame_page_reads_without_scripts_and_has_the_phone_number() {
        for kind in Kind::ALL {
            let page = frame_page(fixture(), kind, "embed-0123456789abcdef.css", "embed.js");
            assert!(
                page.contains(&format!("<div data-aa-widget=\"{}\">", kind.id())),
                "{page}"
            );
            assert!(
                page.contains("href=\"tel:+19497633440\""),
                "{}: {page}",
                kind.id()
            );
            assert!(page.contains("href=\"../../embed-0123456789abcdef.css\""));
            assert!(page.contains("<script async src=\"../../embed.js\">"));
            assert!(page.contains("<html lang=\"en\" data-aa-frame>"));
            assert!(!page.contains("<!>"), "hydration markers left");
        }
    }

    #[test]
    fn fallbacks_carry_their_kinds_words() {
        let content = fixture();
        let faq = frame_fallback(content, Kind::Faq);
        for item in content.faq {
            assert!(faq.contains(item.question), "{} missing", item.id);
        }
        let checker = frame_fallback(content, Kind::InsuranceChecker);
        for carrier in content.carriers {
            assert!(checker.contains(carrier.name), "{} missing", carrier.id);
        }
        assert!(frame_fallback(content, Kind::BookOffer).contains(content.book.heading));
        assert!(frame_fallback(content, Kind::ContactForm).contains(content.forms.contact.heading));
    }
}
