//! The map from the text a markup front end hands on back to the bytes of
//! the original file.
//!
//! The text is built piece by piece: runs copied byte for byte from the
//! original (whose inner offsets map one to one), runs that replace an
//! original range (a decoded entity, a collapsed run of whitespace), and
//! text the front end adds (a line break between blocks, quotation marks
//! around a block quote), which stands for an empty or a tag range of the
//! original. Positions are mapped through the pieces, never by searching
//! the original for the text again.

use crate::span::Span;

/// One piece of the handed-on text and the original range it stands for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Piece {
    /// Where the piece starts in the text.
    text_start: usize,
    /// Its length in the text.
    text_len: usize,
    /// Where the original range starts.
    orig_start: usize,
    /// The original range's length.
    orig_len: usize,
    /// Whether the text is the original bytes themselves (offsets map one to one).
    copied: bool,
}

/// Maps byte offsets of a handed-on text to byte offsets of the original file.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct OffsetMap {
    pieces: Vec<Piece>,
}

impl OffsetMap {
    /// The original span of the text span `span`: a span inside a copied run
    /// maps exactly; one that starts or ends inside a replaced piece takes
    /// the whole of that piece's original range.
    pub fn to_original(&self, span: Span) -> Span {
        let start = self.start(span.start);
        let end = if span.end > span.start {
            self.end(span.end).max(start)
        } else {
            start
        };
        Span::new(start, end)
    }

    /// The same map for an original that has `by` more bytes in front.
    pub fn shifted(mut self, by: usize) -> OffsetMap {
        for piece in &mut self.pieces {
            piece.orig_start += by;
        }
        self
    }

    /// The piece holding text offset `t`, or the last one before it.
    fn piece_at(&self, t: usize) -> Option<&Piece> {
        let i = self.pieces.partition_point(|p| p.text_start <= t);
        i.checked_sub(1).map(|i| &self.pieces[i])
    }

    fn start(&self, t: usize) -> usize {
        match self.piece_at(t) {
            None => 0,
            Some(p) if t >= p.text_start + p.text_len => p.orig_start + p.orig_len,
            Some(p) if p.copied => p.orig_start + (t - p.text_start),
            Some(p) => p.orig_start,
        }
    }

    fn end(&self, t: usize) -> usize {
        match t.checked_sub(1).and_then(|last| self.piece_at(last)) {
            None => self.start(t),
            Some(p) if p.copied => p.orig_start + (t - p.text_start).min(p.orig_len),
            Some(p) => p.orig_start + p.orig_len,
        }
    }
}

/// Builds a text and its [`OffsetMap`] together.
#[derive(Debug, Default)]
pub struct MappedText {
    text: String,
    map: OffsetMap,
}

impl MappedText {
    /// An empty text.
    pub fn new() -> Self {
        MappedText::default()
    }

    /// The text so far.
    pub fn text(&self) -> &str {
        &self.text
    }

    /// Appends `text`, copied byte for byte from the original at `orig_start`.
    pub fn copy(&mut self, text: &str, orig_start: usize) {
        if text.is_empty() {
            return;
        }
        if let Some(last) = self.map.pieces.last_mut()
            && last.copied
            && last.text_start + last.text_len == self.text.len()
            && last.orig_start + last.orig_len == orig_start
        {
            last.text_len += text.len();
            last.orig_len += text.len();
        } else {
            self.push_piece(text.len(), orig_start, text.len(), true);
        }
        self.text.push_str(text);
    }

    /// Appends `text`, which stands for the original range `orig`.
    pub fn replace(&mut self, text: &str, orig: Span) {
        if text.is_empty() {
            return;
        }
        self.push_piece(text.len(), orig.start, orig.len(), false);
        self.text.push_str(text);
    }

    fn push_piece(&mut self, text_len: usize, orig_start: usize, orig_len: usize, copied: bool) {
        self.map.pieces.push(Piece {
            text_start: self.text.len(),
            text_len,
            orig_start,
            orig_len,
            copied,
        });
    }

    /// Appends another mapped text.
    pub fn append(&mut self, other: &MappedText) {
        for piece in &other.map.pieces {
            let text = &other.text[piece.text_start..piece.text_start + piece.text_len];
            if piece.copied {
                self.copy(text, piece.orig_start);
            } else {
                self.replace(
                    text,
                    Span::new(piece.orig_start, piece.orig_start + piece.orig_len),
                );
            }
        }
    }

    /// The original offset where the text starts (0 when empty).
    pub fn original_start(&self) -> usize {
        self.map.pieces.first().map_or(0, |p| p.orig_start)
    }

    /// The finished text and its map.
    pub fn finish(self) -> (String, OffsetMap) {
        (self.text, self.map)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn copied_runs_map_exactly_and_replacements_whole() {
        // Original: `<p>Tom &amp; Jerry</p>`; text: `Tom & Jerry\n`.
        let mut m = MappedText::new();
        m.copy("Tom ", 3);
        m.replace("&", Span::new(7, 12));
        m.copy(" Jerry", 12);
        m.replace("\n", Span::new(18, 22));
        let (text, map) = m.finish();
        assert_eq!(text, "Tom & Jerry\n");
        assert_eq!(map.to_original(Span::new(0, 3)), Span::new(3, 6));
        assert_eq!(map.to_original(Span::new(4, 5)), Span::new(7, 12));
        assert_eq!(map.to_original(Span::new(6, 11)), Span::new(13, 18));
        assert_eq!(map.to_original(Span::new(2, 8)), Span::new(5, 15));
        assert_eq!(map.to_original(Span::new(12, 12)), Span::new(22, 22));
    }

    #[test]
    fn adjacent_copies_merge_into_one_piece() {
        let mut m = MappedText::new();
        m.copy("ab", 10);
        m.copy("cd", 12);
        m.copy("ef", 20);
        let (_, map) = m.finish();
        assert_eq!(map.pieces.len(), 2);
        assert_eq!(map.to_original(Span::new(1, 5)), Span::new(11, 21));
    }

    #[test]
    fn an_added_mark_stands_for_its_tag() {
        // `<q>hi</q>` handed on as `“hi”`.
        let mut m = MappedText::new();
        m.replace("“", Span::new(0, 3));
        m.copy("hi", 3);
        m.replace("”", Span::new(5, 9));
        let (text, map) = m.finish();
        let inner = Span::new("“".len(), "“hi".len());
        assert_eq!(inner.slice(&text), "hi");
        assert_eq!(map.to_original(inner), Span::new(3, 5));
        assert_eq!(map.to_original(Span::new(0, text.len())), Span::new(0, 9));
    }
}
