//! Blocks of text from a markup front end, assembled into the text the
//! pipeline reads: one paragraph per line, whitespace collapsed, block
//! quotes set in quotation marks, every byte mapped back to the original.

use super::offsets::{MappedText, OffsetMap};
use crate::span::Span;

/// A run of a block's text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Run {
    /// Original bytes `start..end`, taken as they are.
    Copy(Span),
    /// Text that stands for the original range (a decoded entity, a quotation mark for a `<q>` tag).
    Replace(String, Span),
    /// A review marker (`<!-- quoth: reviewed -->`) with its reason; no text.
    ReviewMarker(Option<String>),
}

/// A review marker in the assembled text: where it stands and its reason.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReviewMarker {
    /// Byte offset in the assembled text; it accepts the first quote at or after it.
    pub offset: usize,
    /// Why the quote is fine, when the marker says.
    pub reason: Option<String>,
}

/// The assembled text of a story, its offset map and its review markers.
#[derive(Debug, Clone, Default)]
pub struct Assembled {
    /// One paragraph per line.
    pub text: String,
    /// From the text back to the original bytes.
    pub map: OffsetMap,
    /// Review markers, in text order.
    pub markers: Vec<ReviewMarker>,
}

/// A paragraph, heading, list item or table cell of the story.
#[derive(Debug, Clone, Default)]
pub struct Block {
    /// Its text, in order.
    pub runs: Vec<Run>,
    /// The block quote it belongs to (an id shared by the blocks of one quote).
    pub quote_group: Option<usize>,
}

impl Block {
    /// A block of `runs`, inside block quote `quote_group` or outside any.
    pub fn new(runs: Vec<Run>, quote_group: Option<usize>) -> Self {
        Block { runs, quote_group }
    }
}

const OPENING_MARKS: &[char] = &['"', '“', '„', '«', '‘', '\'', '‚', '「', '»'];

/// Joins `blocks` of `original` into one text, a block per line, with its
/// offset map. Whitespace runs inside a block become one space; empty blocks
/// are dropped. The blocks of a block quote are set in quotation marks as a
/// multi-paragraph quote is (each opens, the last closes), unless the quote
/// already opens with a mark.
pub fn assemble(original: &str, blocks: &[Block]) -> Assembled {
    let mut out = MappedText::new();
    let mut markers = Vec::new();
    // Markers of empty blocks (a comment on a line of its own) go to the next block.
    let mut pending: Vec<Option<String>> = Vec::new();
    let mut collapsed: Vec<Collapsed> = Vec::new();
    for block in blocks {
        let mut found = collapse(original, &block.runs);
        if found.text.text().is_empty() {
            pending.extend(found.markers.into_iter().map(|(_, reason)| reason));
            continue;
        }
        found
            .markers
            .splice(0..0, pending.drain(..).map(|reason| (0, reason)));
        found.group = block.quote_group;
        collapsed.push(found);
    }
    let mut previous_end = None;
    let mut add_marks = false;
    for (
        i,
        Collapsed {
            text: block,
            group,
            end,
            markers: found,
        },
    ) in collapsed.iter().enumerate()
    {
        if let Some(at) = previous_end {
            out.replace("\n", Span::new(at, at));
        }
        let first_of_group = i == 0 || collapsed[i - 1].group != *group;
        if first_of_group {
            add_marks = group.is_some() && !block.text().starts_with(OPENING_MARKS);
        }
        let last_of_group = collapsed.get(i + 1).is_none_or(|next| next.group != *group);
        let block_start = out.text().len();
        if add_marks {
            let start = block.original_start();
            out.replace("“", Span::new(start, start));
        }
        let text_start = out.text().len();
        markers.extend(found.iter().map(|(at, reason)| ReviewMarker {
            offset: if *at == 0 {
                block_start
            } else {
                text_start + at
            },
            reason: reason.clone(),
        }));
        out.append(block);
        if add_marks && last_of_group {
            out.replace("”", Span::new(*end, *end));
        }
        previous_end = Some(*end);
    }
    if let Some(at) = previous_end {
        out.replace("\n", Span::new(at, at));
    }
    let end = out.text().len();
    markers.extend(pending.into_iter().map(|reason| ReviewMarker {
        offset: end,
        reason,
    }));
    let (text, map) = out.finish();
    Assembled { text, map, markers }
}

/// A block with whitespace collapsed and trimmed.
struct Collapsed {
    text: MappedText,
    /// The block quote it belongs to.
    group: Option<usize>,
    /// The original offset where its last run ends.
    end: usize,
    /// Its review markers: offsets in the block, reasons.
    markers: Vec<(usize, Option<String>)>,
}

/// One block's runs with whitespace collapsed and trimmed.
fn collapse(original: &str, runs: &[Run]) -> Collapsed {
    let mut text = MappedText::new();
    let mut markers = Vec::new();
    let mut pending: Option<Span> = None;
    let mut end = 0;
    let emit_space = |text: &mut MappedText, pending: &mut Option<Span>| {
        if let Some(space) = pending.take()
            && !text.text().is_empty()
        {
            text.replace(" ", space);
        }
    };
    for run in runs {
        match run {
            Run::Copy(span) => {
                end = span.end;
                let slice = span.slice(original);
                let mut at = 0;
                for (i, c) in slice.char_indices() {
                    if c.is_whitespace() {
                        if at < i {
                            emit_space(&mut text, &mut pending);
                            text.copy(&slice[at..i], span.start + at);
                        }
                        let ws = Span::new(span.start + i, span.start + i + c.len_utf8());
                        pending = Some(pending.map_or(ws, |p| Span::new(p.start, ws.end)));
                        at = i + c.len_utf8();
                    }
                }
                if at < slice.len() {
                    emit_space(&mut text, &mut pending);
                    text.copy(&slice[at..], span.start + at);
                }
            }
            Run::ReviewMarker(reason) => markers.push((text.text().len(), reason.clone())),
            Run::Replace(words, orig) => {
                end = orig.end;
                if words.chars().all(char::is_whitespace) {
                    pending = Some(pending.map_or(*orig, |p| Span::new(p.start, orig.end)));
                } else {
                    emit_space(&mut text, &mut pending);
                    text.replace(words, *orig);
                }
            }
        }
    }
    Collapsed {
        text,
        group: None,
        end,
        markers,
    }
}

/// Splits a text token (decoded by a parser from the source bytes `span`)
/// into runs: stretches equal to the source bytes are
/// copied, character references and line-end normalisation become
/// replacements standing for their source bytes. Where the decoded text and
/// the source cannot be aligned, the rest of the token is one replacement.
pub fn align(original: &str, span: Span, decoded: &str, runs: &mut Vec<Run>) {
    let Some(raw) = original.get(span.start..span.end) else {
        runs.push(Run::Replace(decoded.to_string(), span));
        return;
    };
    if raw == decoded {
        runs.push(Run::Copy(span));
        return;
    }
    let (rb, db) = (raw.as_bytes(), decoded.as_bytes());
    let (mut i, mut j) = (0, 0);
    let at = |i: usize, k: usize| Span::new(span.start + i, span.start + k);
    while i < rb.len() && j < db.len() {
        if rb[i] == b'&' {
            let k = i + reference_len(&rb[i..]);
            if k == i + 1 || db[j..].starts_with(&rb[i..k]) {
                // A bare ampersand, or a reference left as it is.
                runs.push(Run::Copy(at(i, k)));
                j += k - i;
                i = k;
                continue;
            }
            // The decoding is one or two characters; the right one is where
            // the source and the text agree again (or another reference follows).
            let resumes = |j2: usize| {
                let plain = rb[k..]
                    .iter()
                    .take(8)
                    .take_while(|&&b| b != b'&' && b != b'\r')
                    .count();
                match plain {
                    0 => k == rb.len() && j2 == db.len() || k < rb.len() && j2 < db.len(),
                    n => db.get(j2..j2 + n) == Some(&rb[k..k + n]),
                }
            };
            let mut ends = decoded[j..].char_indices().skip(1).map(|(o, _)| j + o);
            let one = ends.next().unwrap_or(db.len());
            let two = ends.next().unwrap_or(db.len());
            let Some(j2) = [one, two].into_iter().find(|&j2| resumes(j2)) else {
                break;
            };
            runs.push(Run::Replace(decoded[j..j2].to_string(), at(i, k)));
            i = k;
            j = j2;
        } else if rb[i] == b'\r' && db[j] == b'\n' {
            let k = if rb.get(i + 1) == Some(&b'\n') {
                i + 2
            } else {
                i + 1
            };
            runs.push(Run::Replace("\n".to_string(), at(i, k)));
            i = k;
            j += 1;
        } else {
            let mut n = 0;
            while i + n < rb.len()
                && j + n < db.len()
                && rb[i + n] == db[j + n]
                && rb[i + n] != b'&'
                && rb[i + n] != b'\r'
            {
                n += 1;
            }
            while n > 0 && !(raw.is_char_boundary(i + n) && decoded.is_char_boundary(j + n)) {
                n -= 1;
            }
            if n == 0 {
                break;
            }
            runs.push(Run::Copy(at(i, i + n)));
            i += n;
            j += n;
        }
    }
    if j < db.len() {
        runs.push(Run::Replace(decoded[j..].to_string(), at(i, rb.len())));
    }
}

/// The length of the character reference at the start of `bytes` (which
/// starts with `&`): `&name;`, `&#123;`, `&#x1F;`, the `;` optional; 1 when
/// none follows.
fn reference_len(bytes: &[u8]) -> usize {
    let mut k = 1;
    let digits: fn(&u8) -> bool = match bytes.get(1) {
        Some(b'#') if matches!(bytes.get(2), Some(b'x' | b'X')) => {
            k = 3;
            u8::is_ascii_hexdigit
        }
        Some(b'#') => {
            k = 2;
            u8::is_ascii_digit
        }
        Some(c) if c.is_ascii_alphabetic() => u8::is_ascii_alphanumeric,
        _ => return 1,
    };
    let body = bytes[k..].iter().take(40).take_while(|b| digits(b)).count();
    if body == 0 {
        return 1;
    }
    k += body;
    if bytes.get(k) == Some(&b';') {
        k += 1;
    }
    k
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn references_are_measured() {
        assert_eq!(reference_len(b"&amp; x"), 5);
        assert_eq!(reference_len(b"&#8217;s"), 7);
        assert_eq!(reference_len(b"&#x2019;"), 8);
        assert_eq!(reference_len(b"&copy 2021"), 5);
        assert_eq!(reference_len(b"& x"), 1);
        assert_eq!(reference_len(b"&#;"), 1);
    }
}
