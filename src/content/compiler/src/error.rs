//! Errors and positions: every problem as `file:line:column: what`.

use std::fmt;

/// One problem in the content, shown as `file:line:column: message`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Error {
    /// The file, as its path was given.
    pub file: String,
    /// 1-based line and column (in characters), when known.
    pub at: Option<(usize, usize)>,
    pub message: String,
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.at {
            Some((line, column)) => write!(f, "{}:{line}:{column}: {}", self.file, self.message),
            None => write!(f, "{}: {}", self.file, self.message),
        }
    }
}

/// A file's text with its line starts, to turn byte offsets into line:column.
pub(crate) struct FileText<'a> {
    pub(crate) path: &'a str,
    pub(crate) text: &'a str,
    pub(crate) line_starts: Vec<usize>,
}

impl<'a> FileText<'a> {
    pub(crate) fn new(path: &'a str, text: &'a str) -> Self {
        let line_starts = std::iter::once(0)
            .chain(text.match_indices('\n').map(|(i, _)| i + 1))
            .collect();
        FileText {
            path,
            text,
            line_starts,
        }
    }

    pub(crate) fn line_col(&self, offset: usize) -> (usize, usize) {
        let offset = offset.min(self.text.len());
        let line = self.line_starts.partition_point(|&start| start <= offset);
        let start = self.line_starts[line - 1];
        let column = self
            .text
            .get(start..offset)
            .map_or(offset - start, |s| s.chars().count());
        (line, column + 1)
    }

    /// A location at byte `offset`, with `context` (like `[book] heading`) before the message.
    pub(crate) fn loc(&self, offset: usize, context: &str) -> Loc {
        Loc {
            file: self.path.to_string(),
            at: Some(self.line_col(offset)),
            context: context.to_string(),
        }
    }

    /// A location for the whole file.
    pub(crate) fn file_loc(&self) -> Loc {
        Loc {
            file: self.path.to_string(),
            at: None,
            context: String::new(),
        }
    }
}

/// Where something was written: a file, maybe a position, maybe a context.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Loc {
    pub(crate) file: String,
    pub(crate) at: Option<(usize, usize)>,
    /// What is being read, like `item 3 (id "x") answer`; empty in article.md.
    pub(crate) context: String,
}

impl Loc {
    pub(crate) fn error(&self, message: impl fmt::Display) -> Error {
        let message = if self.context.is_empty() {
            message.to_string()
        } else {
            format!("{}: {message}", self.context)
        };
        Error {
            file: self.file.clone(),
            at: self.at,
            message,
        }
    }

    /// `file:line:column`, to point at an earlier definition.
    pub(crate) fn position(&self) -> String {
        match self.at {
            Some((line, column)) => format!("{}:{line}:{column}", self.file),
            None => self.file.clone(),
        }
    }
}
