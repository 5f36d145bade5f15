//! `article.md` and the Markdown fields of the TOML files, converted to
//! blocks and inlines, with every unsupported construct reported.

use crate::slug::is_slug;
use crate::slug::slugify;
use pulldown_cmark::CowStr;
use pulldown_cmark::Event;
use pulldown_cmark::HeadingLevel;
use pulldown_cmark::LinkType;
use pulldown_cmark::Options;
use pulldown_cmark::Parser;
use pulldown_cmark::Tag;
use pulldown_cmark::TagEnd;
use std::fmt;
use std::ops::Range;

use crate::compiled::{Block, Embed, Href, Inline, SubHeading};
use crate::error::{Error, FileText, Loc};
use crate::files::Str;
use crate::links::{parse_href, record_ref, Ref};
use crate::text::broken_markdown;

/// What a piece of Markdown may contain.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Mode {
    /// `article.md`: sections, sub-headings and `{{name}}` blocks.
    Article,
    /// A TOML string (FAQ answer, offer body): paragraphs and lists only.
    Body,
}

/// How a byte offset of the Markdown maps to its file.
#[derive(Debug, Clone, Copy)]
pub(crate) enum OffsetMap {
    /// The Markdown is the file's text from this offset on, byte for byte.
    Exact(usize),
    /// The Markdown was unescaped from a TOML string: point at the string.
    At(usize),
}

/// Where a piece of Markdown comes from.
pub(crate) struct MdSource<'a> {
    pub(crate) file: &'a FileText<'a>,
    /// Like `item 3 (id "x") answer`; empty for article.md.
    pub(crate) context: String,
    pub(crate) text: &'a str,
    pub(crate) map: OffsetMap,
}

impl<'a> MdSource<'a> {
    /// The whole text of `file` (article.md).
    pub(crate) fn file(file: &'a FileText<'a>) -> Self {
        MdSource {
            file,
            context: String::new(),
            text: file.text,
            map: OffsetMap::Exact(0),
        }
    }

    /// The Markdown of a TOML string value: positions are exact when the
    /// string has no escapes, and otherwise point at the string.
    pub(crate) fn toml_string(file: &'a FileText<'a>, value: &'a Str, context: String) -> Self {
        let span = value.span();
        let raw = file.text.get(span.clone()).unwrap_or("");
        let text = value.get_ref().as_str();
        let mut map = OffsetMap::At(span.start);
        for quote in ["\"\"\"", "'''", "\"", "'"] {
            if let Some(body) = raw.strip_prefix(quote).and_then(|r| r.strip_suffix(quote)) {
                let mut skip = quote.len();
                let mut body = body;
                if quote.len() == 3 {
                    for newline in ["\r\n", "\n"] {
                        if let Some(rest) = body.strip_prefix(newline) {
                            skip += newline.len();
                            body = rest;
                            break;
                        }
                    }
                }
                if body == text {
                    map = OffsetMap::Exact(span.start + skip);
                }
                break;
            }
        }
        MdSource {
            file,
            context,
            text,
            map,
        }
    }

    pub(crate) fn loc(&self, offset: usize) -> Loc {
        let offset = match self.map {
            OffsetMap::Exact(base) => base + offset,
            OffsetMap::At(at) => at,
        };
        self.file.loc(offset, &self.context)
    }
}

/// A `##` heading or a block, in the order of the Markdown.
#[derive(Debug)]
pub(crate) enum Flow {
    Section { id: String, title: String },
    Block(Block),
}

/// What a piece of Markdown compiled to, with everything to check later.
#[derive(Debug, Default)]
pub(crate) struct Converted {
    pub(crate) flow: Vec<(Flow, Loc)>,
    /// Anchors defined by headings.
    pub(crate) ids: Vec<(String, Loc)>,
    pub(crate) refs: Vec<(Ref, Loc)>,
    pub(crate) embeds: Vec<(Embed, Loc)>,
}

/// Text being gathered from several events, remembering where each part came from.
#[derive(Default)]
pub(crate) struct TextRun {
    pub(crate) text: String,
    /// Start in `text`, source range, and whether the source is the same bytes.
    pub(crate) parts: Vec<(usize, Range<usize>, bool)>,
}

impl TextRun {
    pub(crate) fn push(&mut self, text: &str, range: Range<usize>, exact: bool) {
        self.parts.push((self.text.len(), range, exact));
        self.text.push_str(text);
    }

    /// The Markdown offset of byte `index` of the text.
    pub(crate) fn source_offset(&self, index: usize) -> usize {
        let part = self
            .parts
            .partition_point(|(start, _, _)| *start <= index)
            .max(1)
            - 1;
        match self.parts.get(part) {
            Some((start, range, true)) => range.start + (index - start),
            Some((_, range, false)) => range.start,
            None => 0,
        }
    }
}

pub(crate) struct Converter<'a> {
    pub(crate) src: &'a MdSource<'a>,
    pub(crate) mode: Mode,
    pub(crate) events: Vec<(Event<'a>, Range<usize>)>,
    pub(crate) pos: usize,
    pub(crate) out: Converted,
    pub(crate) errors: Vec<Error>,
}

pub(crate) fn markdown_options() -> Options {
    // Tables are parsed only to be rejected; plain CommonMark otherwise.
    Options::ENABLE_HEADING_ATTRIBUTES | Options::ENABLE_TABLES
}

pub(crate) fn convert(src: &MdSource<'_>, mode: Mode) -> (Converted, Vec<Error>) {
    let events = Parser::new_ext(src.text, markdown_options())
        .into_offset_iter()
        .collect();
    let mut converter = Converter {
        src,
        mode,
        events,
        pos: 0,
        out: Converted::default(),
        errors: Vec::new(),
    };
    converter.blocks();
    (converter.out, converter.errors)
}

/// Why a tag is rejected.
pub(crate) fn unsupported(tag: &Tag<'_>) -> &'static str {
    match tag {
        Tag::BlockQuote(_) => "block quotes (`>`) are not supported",
        Tag::CodeBlock(_) => "code blocks are not supported",
        Tag::HtmlBlock => "raw HTML is not supported",
        Tag::Table(_) | Tag::TableHead | Tag::TableRow | Tag::TableCell => {
            "tables are not supported"
        }
        Tag::Image { .. } => "images are not supported",
        Tag::List(_) => "nested lists are not supported",
        Tag::Heading { .. } => "headings are not allowed here",
        Tag::Paragraph | Tag::Item => {
            "a list item must be a single line of text (no paragraphs inside items)"
        }
        _ => "this Markdown is not supported",
    }
}

pub(crate) fn is_block_tag(tag: &Tag<'_>) -> bool {
    !matches!(
        tag,
        Tag::Emphasis
            | Tag::Strong
            | Tag::Strikethrough
            | Tag::Superscript
            | Tag::Subscript
            | Tag::Link { .. }
            | Tag::Image { .. }
    )
}

impl<'a> Converter<'a> {
    pub(crate) fn next(&mut self) -> Option<(Event<'a>, Range<usize>)> {
        let event = self.events.get(self.pos).cloned();
        self.pos += 1;
        event
    }

    pub(crate) fn peek(&self) -> Option<&(Event<'a>, Range<usize>)> {
        self.events.get(self.pos)
    }

    pub(crate) fn error(&mut self, offset: usize, message: impl fmt::Display) {
        let error = self.src.loc(offset).error(message);
        self.errors.push(error);
    }

    /// Skips past the end of a tag whose start was just read.
    pub(crate) fn skip(&mut self) {
        let mut depth = 1;
        while let Some((event, _)) = self.next() {
            match event {
                Event::Start(_) => depth += 1,
                Event::End(_) => {
                    depth -= 1;
                    if depth == 0 {
                        return;
                    }
                }
                _ => {}
            }
        }
    }

    /// Skips to just past the next `End` at this level (the end of the current tag).
    pub(crate) fn finish(&mut self) {
        while let Some((event, _)) = self.next() {
            match event {
                Event::Start(_) => self.skip(),
                Event::End(_) => return,
                _ => {}
            }
        }
    }

    pub(crate) fn blocks(&mut self) {
        while let Some((event, range)) = self.next() {
            let loc = self.src.loc(range.start);
            match event {
                Event::Start(Tag::Paragraph) => {
                    if let Some(block) = self.paragraph(range.start) {
                        self.out.flow.push((Flow::Block(block), loc));
                    }
                }
                Event::Start(Tag::Heading {
                    level,
                    id,
                    classes,
                    attrs,
                }) => {
                    if let Some(flow) = self.heading(level, id, &classes, &attrs, range.start) {
                        self.out.flow.push((flow, loc));
                    }
                }
                Event::Start(Tag::List(start)) => {
                    let block = self.list(start, range.start);
                    self.out.flow.push((Flow::Block(block), loc));
                }
                Event::Start(tag) => {
                    self.error(range.start, unsupported(&tag));
                    self.skip();
                }
                Event::Rule => self.error(
                    range.start,
                    "horizontal rules (`---`, `***`) are not supported",
                ),
                Event::Html(_) | Event::InlineHtml(_) => {
                    self.error(range.start, "raw HTML is not supported")
                }
                _ => self.error(range.start, "this Markdown is not supported"),
            }
        }
    }

    /// A paragraph whose start was just read: text, or a `{{name}}` block.
    pub(crate) fn paragraph(&mut self, start: usize) -> Option<Block> {
        if let Some(embed) = self.embed(start) {
            return embed.map(Block::Embed);
        }
        let inlines = self.inlines();
        self.finish();
        Some(Block::Paragraph(inlines))
    }

    /// A paragraph that is only `{{name}}`: `Some(result)` once read, `None` if not one.
    pub(crate) fn embed(&mut self, start: usize) -> Option<Option<Embed>> {
        let mut text = String::new();
        let mut end = self.pos;
        while let Some((event, _)) = self.events.get(end) {
            match event {
                Event::Text(t) => text.push_str(t),
                Event::End(TagEnd::Paragraph) => break,
                _ => return None,
            }
            end += 1;
        }
        let name = text
            .trim()
            .strip_prefix("{{")?
            .strip_suffix("}}")?
            .trim()
            .to_string();
        self.pos = end + 1;
        let embed = match name.as_str() {
            "insurance-cta" => Embed::InsuranceCta,
            "shared-experience" => Embed::SharedExperience,
            "faq" => Embed::Faq,
            "crisis" => Embed::Crisis,
            _ => {
                self.error(
                    start,
                    format_args!(
                        "unknown block `{{{{{name}}}}}`: use `{{{{insurance-cta}}}}`, `{{{{shared-experience}}}}`, `{{{{faq}}}}` or `{{{{crisis}}}}`"
                    ),
                );
                return Some(None);
            }
        };
        if self.mode == Mode::Body {
            self.error(
                start,
                format_args!("`{{{{{name}}}}}` blocks are only allowed in article.md"),
            );
            return Some(None);
        }
        self.out.embeds.push((embed, self.src.loc(start)));
        Some(Some(embed))
    }

    /// Inline content up to (not including) the next `End` or block start.
    pub(crate) fn inlines(&mut self) -> Vec<Inline> {
        let mut out = Vec::new();
        let mut run = TextRun::default();
        while let Some((event, range)) = self.peek().cloned() {
            match event {
                Event::End(_) => break,
                Event::Start(ref tag) if is_block_tag(tag) => break,
                _ => {}
            }
            self.pos += 1;
            match event {
                Event::Text(text) => {
                    let exact = self.src.text.get(range.clone()) == Some(&*text);
                    run.push(&text, range, exact);
                }
                Event::SoftBreak => run.push(" ", range, false),
                Event::HardBreak => {
                    self.error(
                        range.start,
                        "line breaks (a trailing `\\` or two trailing spaces) are not supported",
                    );
                    run.push(" ", range, false);
                }
                Event::Code(_) => self.error(range.start, "code (`` ` ``) is not supported"),
                Event::Html(_) | Event::InlineHtml(_) => {
                    self.error(range.start, "raw HTML is not supported")
                }
                Event::Start(Tag::Emphasis) => {
                    self.flush(&mut run, &mut out);
                    let children = self.inlines();
                    self.finish();
                    out.push(Inline::Emphasis(children));
                }
                Event::Start(Tag::Strong) => {
                    self.flush(&mut run, &mut out);
                    let children = self.inlines();
                    self.finish();
                    out.push(Inline::Strong(children));
                }
                Event::Start(Tag::Link {
                    link_type,
                    dest_url,
                    title,
                    ..
                }) => {
                    self.flush(&mut run, &mut out);
                    let href = self.href(link_type, &dest_url, &title, range.start);
                    let children = self.inlines();
                    self.finish();
                    if children.is_empty() {
                        self.error(range.start, "a link needs text");
                    }
                    match href {
                        Some(href) => out.push(Inline::Link { href, children }),
                        None => out.extend(children),
                    }
                }
                Event::Start(tag) => {
                    self.error(range.start, unsupported(&tag));
                    self.skip();
                }
                _ => self.error(range.start, "this Markdown is not supported"),
            }
        }
        self.flush(&mut run, &mut out);
        out
    }

    /// Checks gathered text and adds it to `out`.
    pub(crate) fn flush(&mut self, run: &mut TextRun, out: &mut Vec<Inline>) {
        let run = std::mem::take(run);
        if run.text.is_empty() {
            return;
        }
        if let Some((index, problem)) = broken_markdown(&run.text) {
            self.error(run.source_offset(index), problem);
        }
        if let Some(index) = run.text.find("{{").or_else(|| run.text.find("}}")) {
            self.error(
                run.source_offset(index),
                "a `{{name}}` block must be a paragraph of its own",
            );
        }
        out.push(Inline::Text(run.text));
    }

    pub(crate) fn href(
        &mut self,
        link_type: LinkType,
        dest: &str,
        title: &str,
        at: usize,
    ) -> Option<Href> {
        if !title.is_empty() {
            self.error(
                at,
                "link titles (`[text](target \"title\")`) are not supported",
            );
        }
        let dest = match link_type {
            LinkType::Email => format!("mailto:{dest}"),
            _ => dest.to_string(),
        };
        match parse_href(&dest) {
            Ok(href) => {
                record_ref(&href, self.src.loc(at), &mut self.out.refs);
                Some(href)
            }
            Err(message) => {
                self.error(at, message);
                None
            }
        }
    }

    /// A heading whose start was just read.
    pub(crate) fn heading(
        &mut self,
        level: HeadingLevel,
        id: Option<CowStr<'a>>,
        classes: &[CowStr<'a>],
        attrs: &[(CowStr<'a>, Option<CowStr<'a>>)],
        start: usize,
    ) -> Option<Flow> {
        let text = self.heading_text(start);
        match (self.mode, level) {
            (_, HeadingLevel::H1) => {
                self.error(
                    start,
                    "a `#` title is not allowed: the title is [article] title in site.toml",
                );
                return None;
            }
            (Mode::Body, _) => {
                self.error(start, "headings are only allowed in article.md");
                return None;
            }
            (Mode::Article, HeadingLevel::H2 | HeadingLevel::H3) => {}
            (Mode::Article, _) => {
                self.error(
                    start,
                    "`####` and deeper headings are not supported: use `##` or `###`",
                );
                return None;
            }
        }
        let section = level == HeadingLevel::H2;
        if text.is_empty() {
            self.error(start, "empty heading");
        } else if let Some((_, problem)) = broken_markdown(&text) {
            self.error(start, problem);
        }
        if !attrs.is_empty() {
            self.error(
                start,
                "heading attributes other than `{#id}` and `{.toc}` are not supported",
            );
        }
        let mut in_toc = false;
        for class in classes {
            match (&**class, section) {
                ("toc", false) => in_toc = true,
                ("toc", true) => self.error(
                    start,
                    "`{.toc}` is only for `###` headings: every `##` heading is in the table of contents",
                ),
                (other, _) => self.error(start, format_args!("unknown class `.{other}`: only `{{.toc}}` is supported")),
            }
        }
        let id = match id {
            Some(id) if is_slug(&id) => id.to_string(),
            Some(id) => {
                self.error(
                    start,
                    format_args!(
                        "anchor `{{#{id}}}` must be lowercase letters and digits joined by single hyphens, like `{{#{}}}`",
                        slugify(&id)
                    ),
                );
                return None;
            }
            None => {
                let slug = slugify(&text);
                if slug.is_empty() {
                    if !text.is_empty() {
                        self.error(
                            start,
                            format_args!("heading `{text}` has no letters or digits to make an anchor: add `{{#my-id}}`"),
                        );
                    }
                    return None;
                }
                slug
            }
        };
        self.out.ids.push((id.clone(), self.src.loc(start)));
        Some(if section {
            Flow::Section { id, title: text }
        } else {
            Flow::Block(Block::SubHeading(SubHeading { id, text, in_toc }))
        })
    }

    /// The plain text of a heading, up to and including its end.
    pub(crate) fn heading_text(&mut self, start: usize) -> String {
        let mut text = String::new();
        let mut formatted = false;
        while let Some((event, range)) = self.next() {
            match event {
                Event::End(TagEnd::Heading(_)) => break,
                Event::Text(t) => text.push_str(&t),
                Event::SoftBreak | Event::HardBreak => text.push(' '),
                Event::Start(Tag::Emphasis | Tag::Strong | Tag::Link { .. }) | Event::End(_) => {
                    formatted = true
                }
                Event::Code(t) => {
                    formatted = true;
                    text.push_str(&t);
                }
                Event::Start(tag) => {
                    self.error(range.start, unsupported(&tag));
                    self.skip();
                }
                Event::Html(_) | Event::InlineHtml(_) => {
                    self.error(range.start, "raw HTML is not supported")
                }
                _ => self.error(range.start, "this Markdown is not supported"),
            }
        }
        if formatted {
            self.error(start, "headings are plain text: no emphasis, links or code");
        }
        text.trim().to_string()
    }

    /// A list whose start was just read.
    pub(crate) fn list(&mut self, start: Option<u64>, at: usize) -> Block {
        if start.is_some_and(|n| n != 1) {
            self.error(at, "a numbered list must start at 1");
        }
        let mut items = Vec::new();
        while let Some((event, range)) = self.next() {
            match event {
                Event::End(_) => break,
                Event::Start(Tag::Item) => items.push(self.item(range.start)),
                Event::Start(tag) => {
                    self.error(range.start, unsupported(&tag));
                    self.skip();
                }
                _ => self.error(range.start, "this Markdown is not supported"),
            }
        }
        Block::List {
            ordered: start.is_some(),
            items,
        }
    }

    /// A list item whose start was just read, up to and including its end.
    pub(crate) fn item(&mut self, at: usize) -> Vec<Inline> {
        let mut out = Vec::new();
        let mut parts = 0;
        while let Some((event, range)) = self.peek().cloned() {
            match event {
                Event::End(_) => {
                    self.pos += 1;
                    break;
                }
                Event::Start(Tag::Paragraph) => {
                    self.pos += 1;
                    parts += 1;
                    if parts == 2 {
                        self.error(range.start, unsupported(&Tag::Paragraph));
                    }
                    out.extend(self.inlines());
                    self.finish();
                }
                Event::Start(tag) if is_block_tag(&tag) => {
                    self.pos += 1;
                    self.error(range.start, unsupported(&tag));
                    self.skip();
                }
                _ => {
                    parts += 1;
                    out.extend(self.inlines());
                }
            }
        }
        if out.is_empty() {
            self.error(at, "empty list item");
        }
        out
    }
}
