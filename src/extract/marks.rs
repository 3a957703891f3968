//! Quotation marks: a nom tokenizer that finds every mark in a paragraph, and
//! the pairing of marks into quoted spans.
//!
//! Whether a mark opens, closes, or is an apostrophe depends on its
//! neighbours: `’` between two letters is an apostrophe (`don’t`), `'` after a
//! space and before a letter may open a quote. Straight double marks and the
//! two-apostrophe `''` of some wire texts toggle. Pairing runs per paragraph
//! with a stack, so nested quotes close inside their outer quote and a stray
//! mark never shifts the quotes of the next paragraph.

use nom::branch::alt;
use nom::bytes::complete::{tag, take_till1};
use nom::combinator::value;
use nom::{IResult, Offset, Parser};

use crate::span::Span;

/// The glyph of a quotation mark.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Glyph {
    /// `"`
    StraightDouble,
    /// `''`, two apostrophes standing for a double mark.
    DoubleApostrophe,
    /// `“`
    LeftDouble,
    /// `”`
    RightDouble,
    /// `'`
    StraightSingle,
    /// `‘`
    LeftSingle,
    /// `’`
    RightSingle,
    /// `«`
    LeftGuillemet,
    /// `»`
    RightGuillemet,
    /// `„`
    LowDouble,
    /// `‚`
    LowSingle,
    /// `「`
    LeftCorner,
    /// `」`
    RightCorner,
}

impl Glyph {
    /// Whether the mark belongs to the double-mark family (the marks that delimit
    /// top-level quotations in English news).
    pub fn is_double(self) -> bool {
        !matches!(
            self,
            Glyph::StraightSingle | Glyph::LeftSingle | Glyph::RightSingle | Glyph::LowSingle
        )
    }

    /// Whether a mark with this glyph, standing before `next` and after `prev`,
    /// can open a quotation.
    fn can_open(self, prev: Option<char>, next: Option<char>) -> bool {
        let next_is_text = next.is_some_and(|c| !c.is_whitespace());
        match self {
            Glyph::StraightDouble | Glyph::DoubleApostrophe => next_is_text,
            Glyph::LeftDouble | Glyph::LeftGuillemet | Glyph::LowDouble | Glyph::LeftCorner => true,
            Glyph::LeftSingle | Glyph::LowSingle => next_is_text,
            Glyph::StraightSingle => {
                prev.is_none_or(|c| c.is_whitespace() || "([{—–-\"“‘".contains(c))
                    && next.is_some_and(char::is_alphanumeric)
            }
            Glyph::RightDouble
            | Glyph::RightSingle
            | Glyph::RightGuillemet
            | Glyph::RightCorner => false,
        }
    }

    /// Whether this mark, standing between `prev` and `next`, can close a quotation opened by `open`.
    fn closes(self, open: Glyph, prev: Option<char>, next: Option<char>) -> bool {
        let pairs = match open {
            Glyph::StraightDouble => matches!(self, Glyph::StraightDouble | Glyph::RightDouble),
            // `fascist?“ he asked`: a left mark after text and before a space closes.
            Glyph::LeftDouble => {
                matches!(self, Glyph::StraightDouble | Glyph::RightDouble)
                    || (self == Glyph::LeftDouble
                        && prev.is_some_and(|c| !c.is_whitespace())
                        && !next.is_some_and(char::is_alphanumeric))
            }
            Glyph::DoubleApostrophe => self == Glyph::DoubleApostrophe,
            Glyph::LowDouble => matches!(self, Glyph::LeftDouble | Glyph::RightDouble),
            Glyph::LeftGuillemet => self == Glyph::RightGuillemet,
            Glyph::LeftCorner => self == Glyph::RightCorner,
            Glyph::LeftSingle | Glyph::StraightSingle => {
                matches!(self, Glyph::RightSingle | Glyph::StraightSingle)
            }
            Glyph::LowSingle => matches!(self, Glyph::LeftSingle | Glyph::RightSingle),
            _ => false,
        };
        if !pairs {
            return false;
        }
        if self.is_double() {
            return true;
        }
        // A single mark closes only after text and before a non-letter: `’` in
        // `don’t` or `students’ votes` stays an apostrophe.
        prev.is_some_and(|c| !c.is_whitespace()) && !next.is_some_and(char::is_alphanumeric)
    }
}

/// One quotation mark found in a text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Mark {
    /// Which glyph.
    pub glyph: Glyph,
    /// Where it stands.
    pub span: Span,
}

const MARK_CHARS: &[char] = &[
    '"', '\'', '“', '”', '‘', '’', '«', '»', '„', '‚', '「', '」',
];

fn glyph(input: &str) -> IResult<&str, Glyph> {
    alt((
        value(Glyph::DoubleApostrophe, tag("''")),
        value(Glyph::StraightDouble, tag("\"")),
        value(Glyph::StraightSingle, tag("'")),
        value(Glyph::LeftDouble, tag("“")),
        value(Glyph::RightDouble, tag("”")),
        value(Glyph::LeftSingle, tag("‘")),
        value(Glyph::RightSingle, tag("’")),
        value(Glyph::LeftGuillemet, tag("«")),
        value(Glyph::RightGuillemet, tag("»")),
        value(Glyph::LowDouble, tag("„")),
        value(Glyph::LowSingle, tag("‚")),
        value(Glyph::LeftCorner, tag("「")),
        value(Glyph::RightCorner, tag("」")),
    ))
    .parse(input)
}

fn other_text(input: &str) -> IResult<&str, &str> {
    take_till1(|c| MARK_CHARS.contains(&c)).parse(input)
}

/// Every quotation-mark glyph in `text`, with byte spans relative to `base`.
pub fn scan_marks(text: &str, base: usize) -> Vec<Mark> {
    let mut marks = Vec::new();
    let mut rest = text;
    while !rest.is_empty() {
        if let Ok((after, _)) = other_text(rest) {
            rest = after;
            continue;
        }
        match glyph(rest) {
            Ok((after, glyph)) => {
                let start = base + text.offset(rest);
                let end = base + text.offset(after);
                marks.push(Mark {
                    glyph,
                    span: Span::new(start, end),
                });
                rest = after;
            }
            // Unreachable in practice: `other_text` stops only at a mark character.
            Err(_) => break,
        }
    }
    marks
}

/// A quotation found by pairing marks.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Quoted {
    /// The opening mark.
    pub open: Mark,
    /// The closing mark, `None` when the paragraph ends first.
    pub close: Option<Mark>,
    /// The quoted words, trimmed of surrounding spaces, without the marks.
    pub inner: Span,
}

/// Problems met while pairing marks: a mark that was never closed, or a closing mark with no opener.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum MarkProblem {
    /// An opening mark with no closing mark in its paragraph.
    Unclosed(Mark),
    /// A closing mark with no opening mark.
    Unopened(Mark),
}

/// Pairs the marks of one paragraph (`text[para]`) into top-level quotations.
///
/// Quotes nested inside another quote are part of the outer quote's text and
/// not returned. An unclosed double mark yields a quote to the end of the
/// paragraph and an [`MarkProblem::Unclosed`]; unclosed single marks are taken
/// for apostrophes.
pub fn pair_marks(text: &str, para: Span) -> (Vec<Quoted>, Vec<MarkProblem>) {
    let body = para.slice(text);
    let marks = scan_marks(body, para.start);
    let neighbours = |mark: &Mark| {
        let prev = text[..mark.span.start]
            .chars()
            .next_back()
            .filter(|_| mark.span.start > para.start);
        let next = text[mark.span.end..]
            .chars()
            .next()
            .filter(|_| mark.span.end < para.end);
        (prev, next)
    };
    // Single marks that could close a quote, in order: a single mark opens a
    // top-level quote only if one of these follows within reach.
    let single_closers: Vec<usize> = marks
        .iter()
        .enumerate()
        .filter(|(_, m)| !m.glyph.is_double())
        .filter(|(_, m)| {
            let (prev, next) = neighbours(m);
            prev.is_some_and(|c| !c.is_whitespace()) && !next.is_some_and(char::is_alphanumeric)
        })
        .map(|(i, _)| i)
        .collect();
    let mut quotes = Vec::new();
    let mut problems = Vec::new();
    let mut stack: Vec<Mark> = Vec::new();
    for (index, mark) in marks.iter().copied().enumerate() {
        let (prev, next) = neighbours(&mark);
        // Single marks may only close the innermost quote; double marks close the
        // nearest quote they pair with, abandoning unclosed single marks inside.
        let closing = stack
            .iter()
            .rposition(|open| mark.glyph.closes(open.glyph, prev, next))
            .filter(|&i| mark.glyph.is_double() || i + 1 == stack.len());
        if let Some(i) = closing {
            let open = stack[i];
            stack.truncate(i);
            if i == 0 {
                quotes.push(Quoted {
                    open,
                    close: Some(mark),
                    inner: trim(text, Span::new(open.span.end, mark.span.start)),
                });
            }
        } else if mark.glyph.can_open(prev, next)
            && stack.len() < MAX_DEPTH
            && (mark.glyph.is_double()
                || !stack.is_empty()
                || single_opens_quote(&marks, &single_closers, index, &neighbours))
        {
            stack.push(mark);
        } else if matches!(
            mark.glyph,
            Glyph::RightDouble | Glyph::RightGuillemet | Glyph::RightCorner
        ) {
            problems.push(MarkProblem::Unopened(mark));
        }
    }
    if let Some(open) = stack.into_iter().find(|m| m.glyph.is_double()) {
        problems.push(MarkProblem::Unclosed(open));
        quotes.push(Quoted {
            open,
            close: None,
            inner: trim(text, Span::new(open.span.end, para.end)),
        });
    }
    quotes.retain(|q| !q.inner.is_empty());
    (quotes, problems)
}

/// How far ahead a single mark looks for its closing mark, in bytes.
const SINGLE_QUOTE_REACH: usize = 1000;

/// The characters before and after a mark, inside its paragraph.
type Neighbours = (Option<char>, Option<char>);

/// Quotes nested deeper than this are taken as text: no real story nests so
/// deep, and the bound keeps pairing linear on hostile input.
const MAX_DEPTH: usize = 64;

/// Whether the single mark `marks[index]` opens a top-level quote: the next
/// single mark that can close, within [`SINGLE_QUOTE_REACH`] bytes, pairs with it.
fn single_opens_quote(
    marks: &[Mark],
    closers: &[usize],
    index: usize,
    neighbours: &dyn Fn(&Mark) -> Neighbours,
) -> bool {
    let open = marks[index];
    let next = closers.partition_point(|&c| c <= index);
    closers.get(next).is_some_and(|&c| {
        let close = marks[c];
        let (prev, following) = neighbours(&close);
        close.span.start <= open.span.end + SINGLE_QUOTE_REACH
            && close.glyph.closes(open.glyph, prev, following)
    })
}

fn trim(text: &str, span: Span) -> Span {
    let inner = span.slice(text);
    let start = span.start + (inner.len() - inner.trim_start().len());
    let end = span.end - (inner.len() - inner.trim_end().len());
    Span::new(start, end.max(start))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn quotes(text: &str) -> Vec<&str> {
        let (quotes, _) = pair_marks(text, Span::new(0, text.len()));
        quotes.iter().map(|q| q.inner.slice(text)).collect()
    }

    #[test]
    fn all_common_pairs_are_found() {
        assert_eq!(quotes(r#"He said "yes." Then “no.”"#), ["yes.", "no."]);
        assert_eq!(
            quotes("''It's anti-reform,'' he said."),
            ["It's anti-reform,"]
        );
        assert_eq!(
            quotes("Er sagte „nein“ und «oui» und 「はい」."),
            ["nein", "oui", "はい"]
        );
        assert_eq!(quotes("She called it ‘absurd’ today."), ["absurd"]);
    }

    #[test]
    fn apostrophes_are_not_quotation_marks() {
        let text = "The U.S.'s view, the students' votes, don’t and ’90s: \"night's sleep\"";
        assert_eq!(quotes(text), ["night's sleep"]);
    }

    #[test]
    fn nested_quotes_stay_inside_the_outer_quote() {
        let text = r#""He told me 'never again,' and left," she said. “A ‘fine’ day.”"#;
        assert_eq!(
            quotes(text),
            ["He told me 'never again,' and left,", "A ‘fine’ day."]
        );
    }

    #[test]
    fn an_unclosed_mark_runs_to_the_end_of_its_paragraph_only() {
        let text = "He said \"we will win. Then more";
        let (found, problems) = pair_marks(text, Span::new(0, text.len()));
        assert_eq!(found[0].inner.slice(text), "we will win. Then more");
        assert!(matches!(problems[0], MarkProblem::Unclosed(_)));
    }

    #[test]
    fn a_stray_closing_mark_is_reported() {
        let text = "odd” text";
        let (found, problems) = pair_marks(text, Span::new(0, text.len()));
        assert!(found.is_empty());
        assert!(matches!(problems[0], MarkProblem::Unopened(_)));
    }
}
