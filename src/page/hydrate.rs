//! Hydrates the page's roots (`src/roots.rs`) one by one, in short tasks.
//!
//! Hydrating the whole page was one task of about 40 ms on this machine
//! (160 ms at Lighthouse's 4x CPU throttle), nearly all of it walking the
//! article's static text. Now only the roots are hydrated, in page order,
//! as many per task as fit in [`SLICE_MS`], starting in the task after the
//! module's start; the page yields between slices, so a tap waits at most
//! one slice.

use crate::content::{Block, Content};

/// How long one task hydrates before it lets the browser handle input.
pub const SLICE_MS: f64 = 8.0;

/// The heading with anchor `id` (a section, or a sub-heading of a section
/// or an FAQ answer): its id and text as the content has them.
pub fn heading(content: &'static Content, id: &str) -> Option<(&'static str, &'static str)> {
    let sub = |blocks: &'static [Block]| {
        blocks.iter().find_map(|block| match block {
            Block::SubHeading(h) if h.id == id => Some((h.id, h.text)),
            _ => None,
        })
    };
    content
        .article
        .sections
        .iter()
        .find_map(|section| {
            (section.id == id)
                .then_some((section.id, section.title))
                .or_else(|| sub(section.blocks))
        })
        .or_else(|| content.faq.iter().find_map(|item| sub(item.answer)))
}

#[cfg(feature = "hydrate")]
pub use browser::hydrate_page;

#[cfg(feature = "hydrate")]
mod browser {
    use std::collections::VecDeque;
    use std::time::Duration;

    use leptos::prelude::*;
    use wasm_bindgen::JsCast;

    use super::{heading, SLICE_MS};
    use crate::content::{Content, ContentCtx};
    use crate::faq::list::FaqList;
    use crate::loader::prefill;
    use crate::rich_text::copy_link::CopyLink;
    use crate::roots::{Kind, HEADING_ATTR, HYDRATED_ATTR, ROOT_ATTR};
    use crate::toc::panel::TableOfContents;

    /// Hydrates every root of the page (a root inside another is its
    /// parent's), then marks each app `data-hydrated`.
    pub fn hydrate_page(content: &'static Content) {
        let Some(document) = web_sys::window().and_then(|w| w.document()) else {
            return;
        };
        let selector = format!("[{ROOT_ATTR}]");
        let Ok(found) = document.query_selector_all(&selector) else {
            return;
        };
        let mut roots: VecDeque<web_sys::HtmlElement> = (0..found.length())
            .filter_map(|i| found.item(i)?.dyn_into::<web_sys::HtmlElement>().ok())
            .filter(|el| {
                el.parent_element()
                    .and_then(|parent| parent.closest(&selector).ok().flatten())
                    .is_none()
            })
            .collect();
        // The first root to hydrate compiles the hydration code that every
        // root runs. A small one (a copy-link button) takes that cost in a
        // task of its own, so the table of contents, the largest root, no
        // longer adds it to its own. Neither runs in this task, which holds
        // the module's start.
        let small = roots
            .iter()
            .position(|el| {
                el.get_attribute(ROOT_ATTR).as_deref().and_then(Kind::parse) == Some(Kind::CopyLink)
            })
            .and_then(|at| roots.remove(at));
        set_timeout(
            move || {
                if let Some(small) = small {
                    hydrate_root(small, content);
                }
                set_timeout(move || next_slice(roots, content), Duration::ZERO);
            },
            Duration::ZERO,
        );
    }

    fn next_slice(mut roots: VecDeque<web_sys::HtmlElement>, content: &'static Content) {
        let started = js_sys::Date::now();
        while let Some(root) = roots.pop_front() {
            hydrate_root(root, content);
            if js_sys::Date::now() - started >= SLICE_MS && !roots.is_empty() {
                set_timeout(move || next_slice(roots, content), Duration::ZERO);
                return;
            }
        }
        mark_hydrated();
        prefill_from_address(content);
    }

    /// A partner's checker widget linked here with the visitor's insurer in
    /// the address (`crate::loader::prefill::page_query`): it goes to the
    /// contact form, as the page's own checker would send it, and leaves
    /// the address, so a reload or a shared link does not send it again.
    fn prefill_from_address(content: &'static Content) {
        let Some(window) = web_sys::window() else {
            return;
        };
        let location = window.location();
        let search = location.search().unwrap_or_default();
        let ids: Vec<&str> = content.carriers.iter().map(|carrier| carrier.id).collect();
        let Some((name, carrier)) = prefill::from_query(&search, &ids) else {
            return;
        };
        let _ = prefill::request_prefill(&name, carrier);
        let (path, hash) = (location.pathname(), location.hash());
        if let (Ok(history), Ok(path), Ok(hash)) = (window.history(), path, hash) {
            let _ = history.replace_state_with_url(
                &wasm_bindgen::JsValue::NULL,
                "",
                Some(&format!("{path}{hash}")),
            );
        }
    }

    fn hydrate_root(root: web_sys::HtmlElement, content: &'static Content) {
        let Some(kind) = root
            .get_attribute(ROOT_ATTR)
            .as_deref()
            .and_then(Kind::parse)
        else {
            return;
        };
        let with_content = move || provide_context(ContentCtx(content));
        match kind {
            Kind::Toc => leptos::mount::hydrate_from(root, move || {
                with_content();
                view! { <TableOfContents/> }
            })
            .forget(),
            Kind::Faq => leptos::mount::hydrate_from(root, move || {
                with_content();
                view! { <FaqList/> }
            })
            .forget(),
            Kind::CopyLink => {
                let Some((id, title)) = root
                    .get_attribute(HEADING_ATTR)
                    .and_then(|id| heading(content, &id))
                else {
                    return;
                };
                leptos::mount::hydrate_from(root, move || {
                    with_content();
                    view! { <CopyLink id=id title=title/> }
                })
                .forget();
            }
        }
    }

    fn mark_hydrated() {
        let Some(document) = web_sys::window().and_then(|w| w.document()) else {
            return;
        };
        if let Ok(apps) = document.query_selector_all(".aa-app") {
            for i in 0..apps.length() {
                if let Some(app) = apps
                    .item(i)
                    .and_then(|n| n.dyn_into::<web_sys::Element>().ok())
                {
                    let _ = app.set_attribute(HYDRATED_ATTR, "true");
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::load::fixture;

    #[test]
    fn finds_sections_and_sub_headings_by_id() {
        let content = fixture();
        let section = &content.article.sections[0];
        assert_eq!(
            heading(content, section.id),
            Some((section.id, section.title))
        );
        let sub = content
            .article
            .sections
            .iter()
            .flat_map(|s| s.blocks)
            .find_map(|b| match b {
                Block::SubHeading(h) => Some(h),
                _ => None,
            })
            .expect("the fixture has a sub-heading");
        assert_eq!(heading(content, sub.id), Some((sub.id, sub.text)));
        assert_eq!(heading(content, "no-such-heading"), None);
    }

    /// Each root as `hydrate_root` builds it, rendered from `content`.
    #[cfg(feature = "ssr")]
    fn roots_html(content: &'static crate::content::Content) -> Vec<String> {
        use crate::content::ContentCtx;
        use crate::faq::list::FaqList;
        use crate::rich_text::copy_link::CopyLink;
        use crate::toc::panel::TableOfContents;
        use leptos::prelude::*;

        let render = |view: fn() -> String| {
            Owner::new().with(|| {
                provide_context(ContentCtx(content));
                view()
            })
        };
        let mut html = vec![
            render(|| view! { <TableOfContents/> }.to_html()),
            render(|| view! { <FaqList/> }.to_html()),
        ];
        // Every heading `heading` can find, as the full content has them.
        let sub_ids = |blocks: &'static [Block]| {
            blocks.iter().filter_map(|block| match block {
                Block::SubHeading(h) => Some(h.id),
                _ => None,
            })
        };
        let full = fixture();
        let ids = full
            .article
            .sections
            .iter()
            .flat_map(|section| std::iter::once(section.id).chain(sub_ids(section.blocks)))
            .chain(full.faq.iter().flat_map(|item| sub_ids(item.answer)));
        for id in ids {
            let found = heading(content, id);
            html.push(Owner::new().with(|| {
                provide_context(ContentCtx(content));
                match found {
                    Some((id, title)) => view! { <CopyLink id=id title=title/> }.to_html(),
                    None => format!("no heading {id}"),
                }
            }));
        }
        html
    }

    #[cfg(feature = "ssr")]
    #[test]
    fn every_root_renders_the_same_from_the_roots_content() {
        let full = fixture();
        let roots: &'static crate::content::Content = Box::leak(Box::new(
            full.for_roots(crate::content::outline(full.article.sections)),
        ));
        assert!(
            roots.article.sections.iter().all(|section| section
                .blocks
                .iter()
                .all(|block| matches!(block, Block::SubHeading(_)))),
            "the outline keeps no prose"
        );
        let (want, got) = (roots_html(full), roots_html(roots));
        assert!(want.len() > 3, "the fixture has headings to copy links of");
        for (want, got) in want.iter().zip(&got) {
            assert_eq!(want, got);
        }
    }
}
