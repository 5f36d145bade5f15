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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::{Inline, Section, SubHeading, CONTENT};

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
            sections: &SECTIONS,
        };
        let toc = build(&article);
        assert_eq!(toc.iter().map(|e| e.id).collect::<Vec<_>>(), ["one", "two"]);
        assert_eq!(toc[0].children.len(), 1);
        assert_eq!(toc[0].children[0].id, "kept");
        assert!(toc[1].children.is_empty());
    }

    #[test]
    fn bundled_article_has_eight_sections_in_the_toc() {
        let toc = build(&CONTENT.article);
        assert_eq!(toc.len(), 8);
        assert_eq!(toc.last().map(|e| e.id), Some("faq"));
    }
}
