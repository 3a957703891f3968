//! Byte spans into a story or a statement, and their rendering as line and column.
//!
//! Every position inside quoth is a byte offset. Lines and columns are computed
//! only when a report is rendered, from a [`LineIndex`]. Columns count Unicode
//! scalar values (characters), 1-based, as editors and `grep -n` users expect.

use serde::Serialize;

/// A half-open byte range `start..end` into one text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub struct Span {
    /// First byte of the span.
    pub start: usize,
    /// One past the last byte of the span.
    pub end: usize,
}

impl Span {
    /// A span from `start` to `end`.
    pub fn new(start: usize, end: usize) -> Self {
        Span { start, end }
    }

    /// The number of bytes covered.
    pub fn len(&self) -> usize {
        self.end.saturating_sub(self.start)
    }

    /// Whether the span covers nothing.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// The text this span covers in `text`, or `""` if it does not fit.
    pub fn slice<'a>(&self, text: &'a str) -> &'a str {
        text.get(self.start..self.end).unwrap_or("")
    }
}

/// A span located in a file: byte offsets plus the 1-based line and column of its start.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Location {
    /// Byte offset of the first byte.
    pub start: usize,
    /// Byte offset one past the last byte.
    pub end: usize,
    /// 1-based line of `start`.
    pub line: usize,
    /// 1-based column of `start`, in characters.
    pub column: usize,
}

/// Start offsets of every line of a text, for turning byte offsets into line and column.
///
/// Columns count characters from the line start; checkpoints every
/// [`CHECKPOINT`] bytes keep that count short on very long lines.
#[derive(Debug, Clone)]
pub struct LineIndex {
    line_starts: Vec<usize>,
    /// (byte offset on a character boundary, characters from its line's start).
    checkpoints: Vec<(usize, usize)>,
}

/// Bytes between column checkpoints.
const CHECKPOINT: usize = 4096;

impl LineIndex {
    /// Indexes the line starts of `text`.
    pub fn new(text: &str) -> Self {
        let mut line_starts = vec![0];
        let mut checkpoints = Vec::with_capacity(text.len() / CHECKPOINT + 1);
        let mut chars = 0;
        let mut next_checkpoint = CHECKPOINT;
        for (i, c) in text.char_indices() {
            if i >= next_checkpoint {
                checkpoints.push((i, chars));
                next_checkpoint = i + CHECKPOINT;
            }
            if c == '\n' {
                line_starts.push(i + 1);
                chars = 0;
            } else {
                chars += 1;
            }
        }
        LineIndex {
            line_starts,
            checkpoints,
        }
    }

    /// The 1-based line and character column of byte `offset` in `text`.
    pub fn line_column(&self, text: &str, offset: usize) -> (usize, usize) {
        let offset = offset.min(text.len());
        let line = self.line_starts.partition_point(|&s| s <= offset);
        let line_start = self.line_starts[line - 1];
        let checkpoint = self.checkpoints.partition_point(|&(at, _)| at <= offset);
        let (from, chars_before) = match checkpoint.checked_sub(1).map(|k| self.checkpoints[k]) {
            Some((at, chars)) if at > line_start => (at, chars),
            _ => (line_start, 0),
        };
        let column = text
            .get(from..offset)
            .map_or(offset - from, |s| s.chars().count());
        (line, chars_before + column + 1)
    }

    /// The [`Location`] of `span` in `text`.
    pub fn locate(&self, text: &str, span: Span) -> Location {
        let (line, column) = self.line_column(text, span.start);
        Location {
            start: span.start,
            end: span.end,
            line,
            column,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn columns_count_characters_not_bytes() {
        let text = "first\n“é” x\n";
        let index = LineIndex::new(text);
        let x = text.find('x').unwrap();
        assert_eq!(index.line_column(text, x), (2, 5));
        assert_eq!(index.line_column(text, 0), (1, 1));
        assert_eq!(index.line_column(text, 6), (2, 1));
    }

    #[test]
    fn columns_on_long_lines_match_a_plain_count() {
        let text = format!("x\n{}", "é".repeat(20_000));
        let index = LineIndex::new(&text);
        for offset in [2, 3, 4096, 4098, 8194, 30_000, text.len()] {
            let offset = (offset..=text.len())
                .find(|&o| text.is_char_boundary(o))
                .unwrap();
            let expected = text[2..offset].chars().count() + 1;
            assert_eq!(
                index.line_column(&text, offset),
                (2, expected),
                "at {offset}"
            );
        }
    }

    #[test]
    fn offsets_past_the_end_are_clamped() {
        let text = "ab";
        let index = LineIndex::new(text);
        assert_eq!(index.line_column(text, 99), (1, 3));
    }
}
