//! Table-of-contents entries derived from the article's headings, so no
//! heading is ever typed twice.

use crate::content::{Article, Block};

/// One link of the table of contents.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TocEntry {
    pub id: &'static str,
    pub title: &'static str,
    /// Sub-headings marked `{.toc}` in the section.
    pub children: Vec<TocEntry>,
}

/// Every section, with the sub-headings its content marks for the TOC.
pub fn build(article: &Article) -> Vec<TocEntry> {
    article
        .sections
        .iter()
        .map(|section| TocEntry {
            id: section.id,
            title: section.title,
            children: section
                .blocks
                .iter()
                .filter_map(|block| match block {
                    Block::SubHeading(sub) if sub.in_toc => Some(TocEntry {
                        id: sub.id,
                        title: sub.text,
                        children: Vec::new(),
                    }),
                    _ => None,
                })
                .collect(),
        })
        .collect()
}

/// One entry of the table of contents in reading order, as the scroll-spy
/// and the links number them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FlatEntry {
    pub id: &'static str,
    pub title: &'static str,
    /// 0 for a section, 1 for a sub-heading.
    pub depth: u8,
    /// Index (in the flat list) of the section this entry belongs to; a
    /// section's own index for a section.
    pub section: usize,
}

/// The entries of [`build`] in document order: each section, then its
/// sub-headings.
pub fn flatten(entries: &[TocEntry]) -> Vec<FlatEntry> {
    let mut flat = Vec::new();
    for entry in entries {
        let section = flat.len();
        flat.push(FlatEntry {
            id: entry.id,
            title: entry.title,
            depth: 0,
            section,
        });
        flat.extend(entry.children.iter().map(|child| FlatEntry {
            id: child.id,
            title: child.title,
            depth: 1,
            section,
        }));
    }
    flat
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::load::fixture;
    use crate::content::{Inline, Review, Section, SubHeading};

    const fn sub(id: &'static str, in_toc: bool) -> Block {
        Block::SubHeading(SubHeading {
            id,
            text: id,
            in_toc,
        })
    }

    #[test]
    fn lists_sections_in_order_with_marked_sub_headings_only() {
        static SECTIONS: [Section; 2] = [
            Section {
                id: "one",
                title: "One",
                blocks: &[
                    Block::Paragraph(&[Inline::Text("x")]),
                    sub("kept", true),
                    sub("skipped", false),
                ],
            },
            Section {
                id: "two",
                title: "Two",
                blocks: &[],
            },
        ];
        let article = Article {
            title: "T",
            description: "D",
            path: "p/",
            review: Review {
                author: "",
                reviewer: "",
                reviewed: "",
            },
            sections: &SECTIONS,
        };
        let toc = build(&article);
        assert_eq!(toc.iter().map(|e| e.id).collect::<Vec<_>>(), ["one", "two"]);
        assert_eq!(toc[0].children.len(), 1);
        assert_eq!(toc[0].children[0].id, "kept");
        assert!(toc[1].children.is_empty());
    }

    #[test]
    fn flatten_numbers_sections_then_their_sub_headings() {
        let toc = vec![
            TocEntry {
                id: "a",
                title: "A",
                children: vec![
                    TocEntry {
                        id: "a1",
                        title: "A1",
                        children: Vec::new(),
                    },
                    TocEntry {
                        id: "a2",
                        title: "A2",
                        children: Vec::new(),
                    },
                ],
            },
            TocEntry {
                id: "b",
                title: "B",
                children: Vec::new(),
            },
        ];
        let flat = flatten(&toc);
        let summary: Vec<_> = flat.iter().map(|e| (e.id, e.depth, e.section)).collect();
        assert_eq!(
            summary,
            [("a", 0, 0), ("a1", 1, 0), ("a2", 1, 0), ("b", 0, 3)]
        );
    }

    #[test]
    fn bundled_toc_ids_are_unique_slugs() {
        let flat = flatten(&build(&fixture().article));
        let mut ids: Vec<_> = flat.iter().map(|e| e.id).collect();
        assert!(
            ids.iter().all(|id| asana_content::slug::is_slug(id)),
            "{ids:?}"
        );
        ids.sort_unstable();
        ids.dedup();
        assert_eq!(ids.len(), flat.len(), "duplicate anchors in the TOC");
    }

    /// A spy over `len` headings of which the first `passed` are above the

    #[test]
    fn bundled_article_has_eight_sections_in_the_toc() {
        let toc = build(&fixture().article);
        assert_eq!(toc.len(), 8);
        assert_eq!(toc.last().map(|e| e.id), Some("faq"));
    }
}
