//! The interactive parts of the pre-rendered page, marked for hydration.
//!
//! The browser does not hydrate the whole page: the article's text, the
//! header, the offers and the footer are HTML that needs no code. Only the
//! parts that react (the table of contents, each heading's copy-link
//! button, the FAQ) are hydrated, each from its own
//! root and in its own task (`src/page/hydrate.rs`), so no single task
//! blocks a tap for long, and the views of the static parts stay out of the
//! wasm.
//!
//! A root is an element of its own (`display: contents`, so layout is as
//! if it were not there) whose children are exactly what its component
//! renders: the browser hydrates those children with the same component.

use leptos::prelude::*;

/// The attribute naming a root's kind.
pub const ROOT_ATTR: &str = "data-aa-root";

/// The attribute carrying a copy-link root's heading id.
pub const HEADING_ATTR: &str = "data-aa-heading";

/// The attribute set on the app's element once every root is hydrated:
/// CSS and tests read it as "interaction is live".
pub const HYDRATED_ATTR: &str = "data-hydrated";

/// What a root holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Root {
    /// The table of contents (side panel, bar and reading progress).
    Toc,
    /// The copy-link button of the heading with this id.
    CopyLink(&'static str),
    /// The FAQ accordion.
    Faq,
}

impl Root {
    /// The value of [`ROOT_ATTR`].
    pub const fn kind(self) -> &'static str {
        match self {
            Root::Toc => "toc",
            Root::CopyLink(_) => "copy-link",
            Root::Faq => "faq",
        }
    }
}

/// A root's kind as read back from the page; copy links carry their
/// heading's id in [`HEADING_ATTR`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Toc,
    CopyLink,
    Faq,
}

impl Kind {
    /// The kind named by a [`ROOT_ATTR`] value.
    pub fn parse(value: &str) -> Option<Kind> {
        match value {
            "toc" => Some(Kind::Toc),
            "copy-link" => Some(Kind::CopyLink),
            "faq" => Some(Kind::Faq),
            _ => None,
        }
    }
}

/// Marks its children as one hydration root of kind `root`.
#[component]
pub fn HydrationRoot(
    /// What the children are.
    root: Root,
    /// Exactly the view the browser hydrates this root with.
    children: Children,
) -> impl IntoView {
    let heading = match root {
        Root::CopyLink(id) => Some(id),
        _ => None,
    };
    view! {
        <div class="aa-root" data-aa-root=root.kind() data-aa-heading=heading>
            {children()}
        </div>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_kind_reads_back() {
        for root in [Root::Toc, Root::CopyLink("x"), Root::Faq] {
            assert!(Kind::parse(root.kind()).is_some(), "{root:?}");
        }
        assert_eq!(Kind::parse("article"), None);
    }

    #[test]
    fn a_root_is_one_element_around_its_children() {
        let html = Owner::new().with(|| {
            view! { <HydrationRoot root=Root::CopyLink("intro")><b>"x"</b></HydrationRoot> }
                .to_html()
        });
        // The children as they render (with their own hydration markers),
        // in one element and nothing else.
        assert!(
            html.starts_with(
                "<div data-aa-root=\"copy-link\" data-aa-heading=\"intro\" class=\"aa-root\"><b>x"
            ),
            "{html}"
        );
        assert!(
            html.ends_with("</div>") && html.matches("<div").count() == 1,
            "{html}"
        );
    }
}
