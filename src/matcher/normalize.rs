//! Normalisation for matching only: words folded for comparison, each keeping
//! its byte span in the text it came from. Reports always show original text.

use unicode_normalization::UnicodeNormalization;
use unicode_segmentation::UnicodeSegmentation;

use crate::span::Span;

/// One word of a quote or a statement.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Word {
    /// The folded form compared: NFC, lowercase, typographic apostrophes folded.
    pub norm: String,
    /// The original spelling with only typography folded (case kept).
    pub cased: String,
    /// Where the word stands, relative to the text tokenized.
    pub span: Span,
    /// Whether the word stands inside square brackets (an editor's insertion).
    pub bracketed: bool,
    /// The punctuation between this word and the previous one, typography folded, spaces dropped.
    pub punct_before: String,
    /// Whether an ellipsis stands between this word and the previous one.
    pub after_ellipsis: bool,
}

/// Folds typographic variants for comparison: curly quotes and apostrophes,
/// dashes, the ellipsis character.
pub fn fold_char(c: char) -> char {
    match c {
        '‘' | '’' | '‚' | '‛' | '′' | '`' | '´' => '\'',
        '“' | '”' | '„' | '‟' | '″' | '«' | '»' => '"',
        '‐' | '‑' | '‒' | '–' | '—' | '―' | '−' => '-',
        _ => c,
    }
}

/// The folded, NFC, lowercased form of a word.
pub fn normalize(word: &str) -> String {
    word.nfc()
        .map(fold_char)
        .flat_map(char::to_lowercase)
        .collect()
}

fn is_word(segment: &str) -> bool {
    segment.chars().any(char::is_alphanumeric)
}

/// The words of `text`, with their spans offset by `base`, brackets and
/// ellipses (`...`, `…`, `. . .`) noted.
pub fn words(text: &str, base: usize) -> Vec<Word> {
    let mut out = Vec::new();
    let mut depth = 0usize;
    let mut punct = String::new();
    let mut ellipsis = false;
    let mut dots = 0usize;
    for (offset, segment) in text.split_word_bound_indices() {
        if is_word(segment) {
            // ASCII needs neither NFC nor folding: the common case, kept fast.
            let (cased, norm) = if segment.is_ascii() {
                (segment.to_string(), segment.to_ascii_lowercase())
            } else {
                let cased: String = segment.nfc().map(fold_char).collect();
                let norm = cased.chars().flat_map(char::to_lowercase).collect();
                (cased, norm)
            };
            out.push(Word {
                norm,
                cased,
                span: Span::new(base + offset, base + offset + segment.len()),
                bracketed: depth > 0,
                punct_before: std::mem::take(&mut punct),
                after_ellipsis: std::mem::take(&mut ellipsis),
            });
            dots = 0;
            continue;
        }
        for c in segment.chars() {
            match c {
                '[' => depth += 1,
                ']' => depth = depth.saturating_sub(1),
                '…' => ellipsis = true,
                '.' => {
                    dots += 1;
                    if dots == 3 {
                        ellipsis = true;
                        punct.truncate(punct.trim_end_matches('.').len());
                    } else if dots < 3 {
                        punct.push('.');
                    }
                }
                c if c.is_whitespace() => {}
                c => punct.push(fold_char(c)),
            }
            if c != '.' && !c.is_whitespace() {
                dots = 0;
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn typography_and_case_fold_but_spans_stay() {
        let text = "China’s “behavior” — NOW";
        let found = words(text, 10);
        let norms: Vec<&str> = found.iter().map(|w| w.norm.as_str()).collect();
        assert_eq!(norms, ["china's", "behavior", "now"]);
        assert_eq!(found[0].span.start, 10);
        assert_eq!(
            &text[found[1].span.start - 10..found[1].span.end - 10],
            "behavior"
        );
        assert_eq!(found[2].punct_before, "\"-");
    }

    #[test]
    fn ellipses_and_brackets_are_marked() {
        let found = words("we will . . . defend [the U.S.] now… and", 0);
        let flags: Vec<(bool, bool)> = found
            .iter()
            .map(|w| (w.bracketed, w.after_ellipsis))
            .collect();
        assert_eq!(
            flags,
            [
                (false, false),
                (false, false),
                (false, true),
                (true, false),
                (true, false),
                (false, false),
                (false, true)
            ]
        );
    }
}
