//! The benchmark's reference pages (`.ci/bench`, `src/bin/floor_page.rs`),
//! written from the content data, never by hand:
//!
//! - [`floor_html`], the *physical floor*: the page's words (the article,
//!   its FAQ, the offers, the carriers, the notes) as plain semantic HTML,
//!   no script, no external file (no stylesheet, no icon, no image), a few
//!   lines of inline CSS. The fastest a page with this text can be.
//! - [`starlight_markdown`], the same words as an Astro Starlight content
//!   file (`src/content/docs/index.md`), for the peer the benchmark builds.
//!
//! Both are written from one [`Outline`] of the page, so they hold the same
//! headings, paragraphs, lists and links, in the order the app shows them.
//! What only works with the wasm (the insurance checker, the forms, the
//! table of contents, the copy-link buttons) is not in them.

use crate::build::html::{escape_attr, escape_text};
use crate::content::{Action, Block, Content, Embed, Href, Inline, Offer, Site};
use crate::page::notes::readable_date;

/// The floor's whole stylesheet: system font, one readable column.
pub const FLOOR_STYLE: &str = "body{max-width:40rem;margin:0 auto;padding:1rem 1.25rem;\
font-family:system-ui,-apple-system,\"Segoe UI\",Roboto,sans-serif;line-height:1.6}\
h1,h2,h3{line-height:1.25}";

/// One piece of the page, in reading order.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Piece {
    /// `<h2>`/`<h3>` (`##`/`###`), with the anchor the app gives it.
    Heading {
        level: u8,
        id: &'static str,
        text: &'static str,
    },
    /// A paragraph or a list of the content (never a heading or a page block).
    Block(Block),
    /// A paragraph of plain text the page puts together (the review line).
    Text(String),
    /// A line of links: resolved `href`, label.
    Links(Vec<(String, String)>),
    /// A list of plain items (the in-network carriers).
    Items(Vec<&'static str>),
}

/// The page as pieces: the banner above the article, the main part (after
/// the `<h1>`) and the footer.
struct Outline {
    banner: Vec<Piece>,
    main: Vec<Piece>,
    footer: Vec<Piece>,
}

fn outline(content: &Content) -> Outline {
    let site = content.site;
    let phones = |call: &str, text: &str| {
        Piece::Links(vec![
            (
                site.resolve(Href::Call),
                format!("{call} {}", site.phone.display),
            ),
            (
                site.resolve(Href::Text),
                format!("{text} {}", site.phone.display),
            ),
        ])
    };
    let banner = vec![
        Piece::Links(vec![(site.base_url.to_string(), site.name.to_string())]),
        phones(site.call_label, site.text_label),
    ];

    let mut main = Vec::new();
    if let Some(line) = review_line(content) {
        main.push(Piece::Text(line));
    }
    push_blocks(&mut main, content, content.disclaimer);
    for section in content.article.sections {
        main.push(Piece::Heading {
            level: 2,
            id: section.id,
            text: section.title,
        });
        push_blocks(&mut main, content, section.blocks);
    }
    let carriers = Piece::Items(content.carriers.iter().map(|c| c.name).collect());
    push_offer(
        &mut main,
        content,
        content.verify_insurance,
        2,
        Some(carriers),
    );
    push_offer(&mut main, content, content.book, 2, None);
    push_offer(&mut main, content, content.closing_cta, 2, None);

    let mut footer = Vec::new();
    push_offer(&mut footer, content, content.help, 2, None);
    footer.push(phones(site.call_label, site.text_label));
    push_blocks(&mut footer, content, content.crisis);
    push_blocks(&mut footer, content, content.disclaimer);
    footer.push(Piece::Links(vec![(
        site.base_url.to_string(),
        site.name.to_string(),
    )]));
    Outline {
        banner,
        main,
        footer,
    }
}

/// "Written by … · Medically reviewed by … · Last reviewed …": what the
/// content fills in, as the app's review line says it.
fn review_line(content: &Content) -> Option<String> {
    let review = content.article.review;
    let text = content.ui.review;
    let mut parts = Vec::new();
    if !review.author.is_empty() {
        parts.push(format!("{} {}", text.written_by, review.author));
    }
    if !review.reviewer.is_empty() {
        parts.push(format!("{} {}", text.reviewed_by, review.reviewer));
    }
    if let Some(date) = readable_date(review.reviewed, text) {
        parts.push(format!("{} {date}", text.last_reviewed));
    }
    (!parts.is_empty()).then(|| parts.join(" · "))
}

/// The blocks of a section, an answer or an offer, with the article's page
/// blocks (`{{name}}`) written out: an offer and the FAQ's questions are
/// `<h3>` under their section's `<h2>`.
fn push_blocks(out: &mut Vec<Piece>, content: &Content, blocks: &[Block]) {
    for block in blocks {
        match *block {
            Block::Paragraph(_) | Block::List { .. } => out.push(Piece::Block(*block)),
            Block::SubHeading(heading) => out.push(Piece::Heading {
                level: 3,
                id: heading.id,
                text: heading.text,
            }),
            Block::Embed(Embed::InsuranceCta) => {
                push_offer(out, content, content.insurance_cta, 3, None);
            }
            Block::Embed(Embed::SharedExperience) => {
                push_offer(out, content, content.shared_experience, 3, None);
            }
            Block::Embed(Embed::Faq) => {
                for item in content.faq {
                    out.push(Piece::Heading {
                        level: 3,
                        id: item.id,
                        text: item.question,
                    });
                    push_blocks(out, content, item.answer);
                }
            }
            Block::Embed(Embed::Crisis) => push_blocks(out, content, content.crisis),
        }
    }
}

fn push_offer(
    out: &mut Vec<Piece>,
    content: &Content,
    offer: Offer,
    level: u8,
    after_body: Option<Piece>,
) {
    out.push(Piece::Heading {
        level,
        id: offer.id,
        text: offer.heading,
    });
    push_blocks(out, content, offer.body);
    out.extend(after_body);
    if !offer.actions.is_empty() {
        out.push(action_links(content.site, offer.actions));
    }
}

fn action_links(site: Site, actions: &[Action]) -> Piece {
    Piece::Links(
        actions
            .iter()
            .map(|action| (site.resolve(action.href), action.label.to_string()))
            .collect(),
    )
}

// ---- HTML --------------------------------------------------------------

/// The physical floor: the whole page of `content` as one self-contained
/// HTML document.
pub fn floor_html(content: &Content) -> String {
    let article = content.article;
    let title = format!("{} | {}", article.title, content.site.name);
    let Outline {
        banner,
        main,
        footer,
    } = outline(content);
    let mut html = String::with_capacity(64 * 1024);
    html.push_str("<!DOCTYPE html>\n");
    html.push_str(&format!(
        "<html lang=\"{}\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <title>{}</title>\n<meta name=\"description\" content=\"{}\">\n\
         <style>{FLOOR_STYLE}</style>\n</head>\n<body>\n",
        escape_attr(content.site.lang),
        escape_text(&title),
        escape_attr(article.description),
    ));
    html.push_str("<header>\n");
    pieces_html(&mut html, content.site, &banner);
    html.push_str("</header>\n<main>\n");
    html.push_str(&format!("<h1>{}</h1>\n", escape_text(article.title)));
    pieces_html(&mut html, content.site, &main);
    html.push_str("</main>\n<footer>\n");
    pieces_html(&mut html, content.site, &footer);
    html.push_str("</footer>\n</body>\n</html>\n");
    html
}

fn pieces_html(out: &mut String, site: Site, pieces: &[Piece]) {
    for piece in pieces {
        match piece {
            Piece::Heading { level, id, text } => out.push_str(&format!(
                "<h{level} id=\"{}\">{}</h{level}>\n",
                escape_attr(id),
                escape_text(text)
            )),
            Piece::Block(block) => {
                out.push_str(&block_html(site, block));
                out.push('\n');
            }
            Piece::Text(text) => out.push_str(&format!("<p>{}</p>\n", escape_text(text))),
            Piece::Links(links) => {
                let links: Vec<String> = links
                    .iter()
                    .map(|(href, label)| {
                        format!(
                            "<a href=\"{}\">{}</a>",
                            escape_attr(href),
                            escape_text(label)
                        )
                    })
                    .collect();
                out.push_str(&format!("<p>{}</p>\n", links.join(" · ")));
            }
            Piece::Items(items) => {
                out.push_str("<ul>\n");
                for item in items {
                    out.push_str(&format!("<li>{}</li>\n", escape_text(item)));
                }
                out.push_str("</ul>\n");
            }
        }
    }
}

/// A paragraph, list or `###` heading of the content as HTML; a page block
/// (`{{name}}`) as nothing (the [`Outline`] writes those out).
pub fn block_html(site: Site, block: &Block) -> String {
    match block {
        Block::Paragraph(inlines) => format!("<p>{}</p>", inlines_html(site, inlines)),
        Block::SubHeading(heading) => format!(
            "<h3 id=\"{}\">{}</h3>",
            escape_attr(heading.id),
            escape_text(heading.text)
        ),
        Block::List { ordered, items } => {
            let tag = if *ordered { "ol" } else { "ul" };
            let items: String = items
                .iter()
                .map(|item| format!("<li>{}</li>\n", inlines_html(site, item)))
                .collect();
            format!("<{tag}>\n{items}</{tag}>")
        }
        Block::Embed(_) => String::new(),
    }
}

/// Phrasing content as HTML: text, `<strong>`, `<em>`, `<a href>`.
pub fn inlines_html(site: Site, inlines: &[Inline]) -> String {
    inlines
        .iter()
        .map(|inline| match inline {
            Inline::Text(text) => escape_text(text),
            Inline::Strong(children) => {
                format!("<strong>{}</strong>", inlines_html(site, children))
            }
            Inline::Emphasis(children) => format!("<em>{}</em>", inlines_html(site, children)),
            Inline::Link { href, children } => format!(
                "<a href=\"{}\">{}</a>",
                escape_attr(&site.resolve(*href)),
                inlines_html(site, children)
            ),
        })
        .collect()
}

// ---- Markdown (Astro Starlight) ------------------------------------------

/// The page of `content` as a Starlight content file: frontmatter `title`
/// (Starlight's `<h1>`) and `description`, then the same pieces as
/// [`floor_html`] in CommonMark. Meant to be built with Astro's
/// `smartypants` off, so the text stays the content's own.
pub fn starlight_markdown(content: &Content) -> String {
    let Outline {
        banner,
        main,
        footer,
    } = outline(content);
    let mut md = String::from("---\n");
    // A JSON string is a YAML double-quoted scalar.
    md.push_str(&format!("title: {}\n", json_string(content.article.title)));
    md.push_str(&format!(
        "description: {}\n",
        json_string(content.article.description)
    ));
    md.push_str("---\n");
    for piece in banner.iter().chain(&main).chain(&footer) {
        md.push('\n');
        md.push_str(&piece_markdown(content.site, piece));
        md.push('\n');
    }
    md
}

fn json_string(text: &str) -> String {
    serde_json::Value::String(text.to_string()).to_string()
}

fn piece_markdown(site: Site, piece: &Piece) -> String {
    match piece {
        Piece::Heading { level, text, .. } => {
            format!("{} {}", "#".repeat(usize::from(*level)), md_text(text))
        }
        Piece::Block(Block::Paragraph(inlines)) => md_line(&md_inlines(site, inlines)),
        Piece::Block(Block::List { ordered, items }) => items
            .iter()
            .enumerate()
            .map(|(i, item)| {
                let marker = if *ordered {
                    format!("{}.", i + 1)
                } else {
                    "-".to_string()
                };
                format!("{marker} {}", md_line(&md_inlines(site, item)))
            })
            .collect::<Vec<_>>()
            .join("\n"),
        Piece::Block(Block::SubHeading(heading)) => format!("### {}", md_text(heading.text)),
        Piece::Block(Block::Embed(_)) => String::new(),
        Piece::Text(text) => md_line(&md_text(text)),
        Piece::Links(links) => links
            .iter()
            .map(|(href, label)| md_link(href, &md_text(label)))
            .collect::<Vec<_>>()
            .join(" · "),
        Piece::Items(items) => items
            .iter()
            .map(|item| format!("- {}", md_line(&md_text(item))))
            .collect::<Vec<_>>()
            .join("\n"),
    }
}

/// An inline written as Markdown; emphasis as its HTML form, with what
/// it is made of, until its neighbours are known.
struct Written {
    text: String,
    emphasis: Option<Emphasis>,
}

/// `**`/`*` or `<strong>`/`<em>` around `inner`.
struct Emphasis {
    mark: &'static str,
    tag: &'static str,
    inner: String,
}

impl Written {
    fn plain(text: String) -> Self {
        Written {
            text,
            emphasis: None,
        }
    }

    fn emphasis(mark: &'static str, tag: &'static str, inner: String) -> Self {
        Written {
            text: html_emphasis(tag, &inner),
            emphasis: Some(Emphasis { mark, tag, inner }),
        }
    }
}

fn md_inlines(site: Site, inlines: &[Inline]) -> String {
    // Emphasis is decided once its neighbours are written: whether `**`
    // counts as emphasis depends on the characters around it (see
    // [`md_emphasis`]). Either form starts and ends with the same kind of
    // character (a space moved out of it, or a mark), so the first pass
    // can write the HTML form in its place.
    let parts: Vec<Written> = inlines
        .iter()
        .map(|inline| match inline {
            Inline::Text(text) => Written::plain(md_text(text)),
            Inline::Strong(children) => {
                Written::emphasis("**", "strong", md_inlines(site, children))
            }
            Inline::Emphasis(children) => Written::emphasis("*", "em", md_inlines(site, children)),
            Inline::Link { href, children } => {
                Written::plain(md_link(&site.resolve(*href), &md_inlines(site, children)))
            }
        })
        .collect();
    let mut out = String::new();
    for (i, part) in parts.iter().enumerate() {
        match &part.emphasis {
            Some(Emphasis { mark, tag, inner }) => {
                let before = out.chars().next_back();
                let after = parts.get(i + 1).and_then(|next| next.text.chars().next());
                out.push_str(&md_emphasis(mark, tag, inner, before, after));
            }
            None => out.push_str(&part.text),
        }
    }
    out
}

/// Spaces at the ends of `inner`, and what is between them.
fn split_spaces(inner: &str) -> (&str, &str, &str) {
    let trimmed = inner.trim();
    let lead = &inner[..inner.len() - inner.trim_start().len()];
    let trail = &inner[inner.trim_end().len()..];
    (lead, trimmed, trail)
}

fn html_emphasis(tag: &str, inner: &str) -> String {
    let (lead, trimmed, trail) = split_spaces(inner);
    if trimmed.is_empty() {
        return inner.to_string();
    }
    format!("{lead}<{tag}>{trimmed}</{tag}>{trail}")
}

/// `**text**` (`mark` around `inner`), with spaces at its ends moved
/// outside the marks, between the characters `before` and `after` (`None`:
/// the start or end of the line, or of the element around it, which begins
/// or ends with a mark). CommonMark takes an opening mark before
/// punctuation, or a closing one after it, as emphasis only with a space or
/// punctuation on its other side; where that does not hold, the HTML
/// element is written instead, which Markdown allows and which still reads
/// the Markdown inside it.
fn md_emphasis(
    mark: &str,
    tag: &str,
    inner: &str,
    before: Option<char>,
    after: Option<char>,
) -> String {
    let (lead, trimmed, trail) = split_spaces(inner);
    if trimmed.is_empty() {
        return inner.to_string();
    }
    let is_punctuation = |c: char| !c.is_alphanumeric() && !c.is_whitespace();
    let loose = |c: Option<char>| c.is_none_or(|c| c.is_whitespace() || is_punctuation(c));
    let before = if lead.is_empty() { before } else { Some(' ') };
    let after = if trail.is_empty() { after } else { Some(' ') };
    let opens = !trimmed.starts_with(is_punctuation) || loose(before);
    let closes = !trimmed.ends_with(is_punctuation) || loose(after);
    if opens && closes {
        format!("{lead}{mark}{trimmed}{mark}{trail}")
    } else {
        format!("{lead}<{tag}>{trimmed}</{tag}>{trail}")
    }
}

/// `[label](<href>)`: the angle brackets allow any URL but `<`, `>` and
/// line breaks, which are escaped.
fn md_link(href: &str, label: &str) -> String {
    let href = href
        .replace('\\', "\\\\")
        .replace('<', "\\<")
        .replace('>', "\\>")
        .replace(['\n', '\r'], "");
    format!("[{label}](<{href}>)")
}

/// Text that Markdown shows as it is: every character with a meaning in
/// running text escaped, line breaks as spaces (a paragraph is one line).
fn md_text(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        match c {
            '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '#' | '|' | '~' | '&' | '!' | '$' => {
                out.push('\\');
                out.push(c);
            }
            '\n' | '\r' => out.push(' '),
            _ => out.push(c),
        }
    }
    out
}

/// A paragraph or list item's text, made safe at the start of a line: no
/// indentation (a code block), and no `-`, `+`, `=` or `1.` there (a list
/// item, a heading underline).
fn md_line(text: &str) -> String {
    let text = text.trim_start();
    let digits = text.len() - text.trim_start_matches(|c: char| c.is_ascii_digit()).len();
    let after_digits = text[digits..].chars().next();
    if text.starts_with(['-', '+', '=']) {
        format!("\\{text}")
    } else if digits > 0 && matches!(after_digits, Some('.' | ')')) {
        format!("{}\\{}", &text[..digits], &text[digits..])
    } else {
        text.to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::load::fixture;
    use crate::content::{blocks_plain_text, inlines_plain_text};

    const SITE: Site = Site {
        name: "Site",
        base_url: "https://example.com/",
        lang: "en",
        phone: crate::content::Phone {
            display: "(949) 763-3440",
            e164: "+19497633440",
        },
        call_label: "Call us",
        text_label: "Text us",
    };

    /// The text a reader sees: tags dropped, entities decoded, spaces collapsed.
    fn visible(html: &str) -> String {
        let mut text = String::new();
        let mut rest = html;
        while let Some(start) = rest.find('<') {
            text.push_str(&rest[..start]);
            let end = start + rest[start..].find('>').expect("unclosed tag");
            let inline = ["a", "strong", "em"].iter().any(|tag| {
                let name = rest[start + 1..end].trim_start_matches('/');
                name == *tag || name.starts_with(&format!("{tag} "))
            });
            if !inline {
                text.push(' ');
            }
            rest = &rest[end + 1..];
        }
        text.push_str(rest);
        normalise(
            &text
                .replace("&lt;", "<")
                .replace("&gt;", ">")
                .replace("&quot;", "\"")
                .replace("&amp;", "&"),
        )
    }

    fn normalise(text: &str) -> String {
        text.split_whitespace().collect::<Vec<_>>().join(" ")
    }

    fn body(html: &str) -> &str {
        let start = html.find("<body>").expect("a body");
        &html[start..]
    }

    #[test]
    fn every_section_title_and_faq_question_is_a_heading() {
        let content = fixture();
        let html = floor_html(content);
        assert!(html.contains(&format!("<h1>{}</h1>", escape_text(content.article.title))));
        assert!(!content.article.sections.is_empty());
        for section in content.article.sections {
            let h2 = format!(
                "<h2 id=\"{}\">{}</h2>",
                escape_attr(section.id),
                escape_text(section.title)
            );
            assert!(html.contains(&h2), "missing {h2}");
        }
        assert!(!content.faq.is_empty());
        for item in content.faq {
            let h3 = format!(
                "<h3 id=\"{}\">{}</h3>",
                escape_attr(item.id),
                escape_text(item.question)
            );
            assert!(html.contains(&h3), "missing {h3}");
        }
    }

    #[test]
    fn the_whole_article_faq_and_offers_are_there() {
        let content = fixture();
        let text = visible(body(&floor_html(content)));
        let mut expected: Vec<String> = Vec::new();
        for section in content.article.sections {
            for block in section.blocks {
                match block {
                    Block::Paragraph(inlines) => expected.push(inlines_plain_text(inlines)),
                    Block::List { items, .. } => {
                        expected.extend(items.iter().map(|item| inlines_plain_text(item)));
                    }
                    Block::SubHeading(heading) => expected.push(heading.text.to_string()),
                    Block::Embed(_) => {}
                }
            }
        }
        for item in content.faq {
            expected.push(blocks_plain_text(item.answer));
        }
        for offer in [
            content.insurance_cta,
            content.shared_experience,
            content.verify_insurance,
            content.book,
            content.closing_cta,
            content.help,
        ] {
            expected.push(offer.heading.to_string());
            expected.push(blocks_plain_text(offer.body));
            expected.extend(offer.actions.iter().map(|a| a.label.to_string()));
        }
        expected.extend(content.carriers.iter().map(|c| c.name.to_string()));
        expected.push(blocks_plain_text(content.crisis));
        expected.push(blocks_plain_text(content.disclaimer));
        expected.push(content.site.phone.display.to_string());
        for want in expected.iter().map(|s| normalise(s)) {
            // A block's own text may span several paragraphs.
            for part in want.split("\n\n").map(normalise) {
                assert!(text.contains(&part), "missing: {part}");
            }
        }
    }

    #[test]
    fn the_review_line_says_what_the_content_fills_in() {
        let content = fixture();
        let review = content.article.review;
        assert!(
            !review.reviewer.is_empty(),
            "the fixture fills in the review fields"
        );
        let text = visible(body(&floor_html(content)));
        assert!(text.contains(review.reviewer), "{text}");
    }

    #[test]
    fn no_script_no_external_file_one_inline_style() {
        let html = floor_html(fixture());
        let lower = html.to_ascii_lowercase();
        for tag in [
            "<script", "<link", "<img", "<iframe", "<svg", "<picture", "@import", "url(",
        ] {
            assert!(!lower.contains(tag), "the floor has {tag}");
        }
        assert_eq!(lower.matches("<style>").count(), 1);
        assert!(!lower.contains(" style="), "no style attributes");
        assert!(lower.starts_with("<!doctype html>\n<html lang=\"en\">"));
        assert!(lower.contains("<meta name=\"viewport\""));
        assert!(lower.contains("<meta name=\"description\""));
    }

    #[test]
    fn text_and_attributes_are_escaped() {
        let block = Block::Paragraph(&[
            Inline::Text("a < b & c > d "),
            Inline::Strong(&[Inline::Text("<b>")]),
            Inline::Link {
                href: Href::External("https://example.com/?a=1&b=\"2\""),
                children: &[Inline::Text("x & y")],
            },
        ]);
        assert_eq!(
            block_html(SITE, &block),
            "<p>a &lt; b &amp; c &gt; d <strong>&lt;b&gt;</strong>\
             <a href=\"https://example.com/?a=1&amp;b=&quot;2&quot;\">x &amp; y</a></p>"
        );
        let list = Block::List {
            ordered: true,
            items: &[
                &[Inline::Text("1 < 2")],
                &[Inline::Emphasis(&[Inline::Text("e")])],
            ],
        };
        assert_eq!(
            block_html(SITE, &list),
            "<ol>\n<li>1 &lt; 2</li>\n<li><em>e</em></li>\n</ol>"
        );
        let html = floor_html(fixture());
        assert!(!html.contains("<b>"));
    }

    #[test]
    fn links_resolve_as_the_app_resolves_them() {
        let inlines = [
            Inline::Link {
                href: Href::Call,
                children: &[Inline::Text("call")],
            },
            Inline::Link {
                href: Href::Site("about/"),
                children: &[Inline::Text("about")],
            },
        ];
        assert_eq!(
            inlines_html(SITE, &inlines),
            "<a href=\"tel:+19497633440\">call</a><a href=\"https://example.com/about/\">about</a>"
        );
    }

    #[test]
    fn markdown_has_the_title_and_every_heading_and_no_script() {
        let content = fixture();
        let md = starlight_markdown(content);
        assert!(md.starts_with(&format!(
            "---\ntitle: {}\ndescription: ",
            json_string(content.article.title)
        )));
        for section in content.article.sections {
            let h2 = format!("\n## {}\n", md_text(section.title));
            assert!(md.contains(&h2), "missing {h2}");
        }
        for item in content.faq {
            let h3 = format!("\n### {}\n", md_text(item.question));
            assert!(md.contains(&h3), "missing {h3}");
        }
        let lower = md.to_ascii_lowercase();
        assert!(!lower.contains("<script") && !lower.contains("<link"));
    }

    #[test]
    fn markdown_escapes_what_would_be_markup() {
        assert_eq!(
            md_text("a *b* [c] <d> & #e_f\ng"),
            "a \\*b\\* \\[c\\] \\<d\\> \\& \\#e\\_f g"
        );
        assert_eq!(md_line("- not a list"), "\\- not a list");
        assert_eq!(md_line("12. not a list"), "12\\. not a list");
        assert_eq!(md_line("12 steps"), "12 steps");
        assert_eq!(
            md_emphasis("**", "strong", "bold ", None, Some('x')),
            "**bold** "
        );
        // Punctuation at its end: a mark only where a space follows.
        assert_eq!(
            md_emphasis("**", "strong", "Status:", None, Some(' ')),
            "**Status:**"
        );
        assert_eq!(
            md_emphasis("**", "strong", "Status:", None, Some('T')),
            "<strong>Status:</strong>"
        );
        assert_eq!(
            md_emphasis("*", "em", "“K”", Some('a'), None),
            "<em>“K”</em>"
        );
        let paragraph = [
            Inline::Strong(&[Inline::Text("Legal:")]),
            Inline::Text(" text "),
            Inline::Emphasis(&[Inline::Text("(see)")]),
            Inline::Text("s"),
        ];
        assert_eq!(
            md_inlines(SITE, &paragraph),
            "**Legal:** text <em>(see)</em>s"
        );
        assert_eq!(
            md_link("https://x/?a=<b>", "l"),
            "[l](<https://x/?a=\\<b\\>>)"
        );
        let block = Block::List {
            ordered: true,
            items: &[&[Inline::Text("one")], &[Inline::Text("two")]],
        };
        assert_eq!(piece_markdown(SITE, &Piece::Block(block)), "1. one\n2. two");
    }
}
