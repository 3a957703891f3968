//! Word alignment of a quote against a statement, and the edits between them.

use serde::Serialize;
use similar::{Algorithm, DiffOp, capture_diff_slices};

use super::normalize::Word;
use super::spelling::{is_spelling_slip, same_spelling};
use crate::span::Span;

/// What an edit did to the statement's words.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum EditOp {
    /// Words in the quote that the statement does not have.
    Insert,
    /// Statement words left out of the quote.
    Delete,
    /// Statement words replaced by other words in the quote.
    Replace,
}

/// How an edit is marked in the quote, if at all.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum EditMark {
    /// Not marked: the quote changes the words silently.
    Unmarked,
    /// Marked by an ellipsis.
    Ellipsis,
    /// Marked by square brackets.
    Brackets,
    /// A spelling slip: a word within a small edit distance.
    Spelling,
    /// Words where the statement has only a transcriber's note
    /// (`[inaudible]`): neither confirmed nor contradicted.
    Inaudible,
}

/// One difference between a quote and a statement.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Edit {
    /// What changed.
    pub op: EditOp,
    /// How the quote marks it.
    pub mark: EditMark,
    /// The quote's words involved, as a span of the quote's text (empty for a deletion).
    pub quote: Option<Span>,
    /// The statement's words involved, as a span of the statement's text (empty for an insertion).
    pub statement: Option<Span>,
    /// Whether the edit flips a negation or changes a number.
    pub severe: bool,
}

/// The alignment of a whole quote against part of a statement.
#[derive(Debug, Clone)]
pub struct Alignment {
    /// Quote words found in order in the statement.
    pub matched: usize,
    /// Weight of the matched words over the weight of all quote words, in [0, 1].
    pub coverage: f64,
    /// The statement span from the first to the last matched word.
    pub excerpt: Span,
    /// Every difference inside the matched region, and quote words outside it.
    pub edits: Vec<Edit>,
    /// Whether case, or punctuation between words, differs inside the region.
    pub minor_differences: bool,
    /// Statement words from the first to the last matched word.
    pub region_words: usize,
    /// The longest run of quote words matched one after another.
    pub longest_run: usize,
}

/// Words of a transcriber's note in square brackets: what happened, not what was said.
const TRANSCRIPT_NOTES: &[&str] = &[
    "applause",
    "laughter",
    "cheers",
    "cheering",
    "booing",
    "boos",
    "inaudible",
    "crosstalk",
    "unintelligible",
    "indiscernible",
    "and",
    "sic",
];
/// Notes that stand for words the transcriber could not make out.
const UNHEARD_NOTES: &[&str] = &["inaudible", "crosstalk", "unintelligible", "indiscernible"];
/// The most words a note holds, and the most quote words a note of words
/// unheard, between matched words, may stand for.
const MAX_NOTE_WORDS: usize = 4;

/// Whether `words` are one short transcriber's note in square brackets,
/// made of `vocabulary` (`[applause]`, `[cheers and applause]`).
fn is_transcript_note(words: &[Word], vocabulary: &[&str]) -> bool {
    !words.is_empty()
        && words.len() <= MAX_NOTE_WORDS
        && words
            .iter()
            .all(|w| w.bracketed && vocabulary.contains(&w.norm.as_str()))
}

/// At most this many quote words at an edge, facing as many statement words, are a substitution.
const EDGE_SUBSTITUTION: usize = 2;
/// How many more statement words than quote words an edge may spell out
/// (`U.S.` for `United States`, `NATO` for its four words).
const EDGE_SPELLED_EXTRA: usize = 3;

const NEGATIONS: &[&str] = &[
    "not",
    "no",
    "never",
    "n't",
    "none",
    "nobody",
    "nothing",
    "neither",
    "nor",
    "without",
    "cannot",
    "don't",
    "doesn't",
    "didn't",
    "won't",
    "isn't",
    "aren't",
    "wasn't",
    "weren't",
    "can't",
    "couldn't",
    "shouldn't",
    "wouldn't",
];

fn is_negation(word: &Word) -> bool {
    NEGATIONS.contains(&word.norm.as_str())
}

fn is_number(word: &Word) -> bool {
    word.norm.chars().any(|c| c.is_ascii_digit())
}

/// Whether words added or dropped flip a negation or change a number.
fn is_severe(words: &[Word]) -> bool {
    words.iter().any(|w| is_negation(w) || is_number(w))
}

/// Prefixes that negate the word they open (`unsatisfied`, `dishonest`).
const NEGATING_PREFIXES: &[&str] = &["un", "dis", "in", "im", "non"];

/// Whether `quote`'s words standing where `statement` has other words flip a
/// negation or change a number. A negation on both sides (`no longer have`
/// for `don't have`) keeps the sense, and so does a negation facing the
/// word's negative form (`wasn't satisfied` for `was unsatisfied`).
fn is_severe_replacement(quote: &[Word], statement: &[Word]) -> bool {
    let numbers = |words: &[Word]| -> Vec<String> {
        words
            .iter()
            .filter(|w| is_number(w))
            .map(|w| w.norm.clone())
            .collect()
    };
    if numbers(quote) != numbers(statement) {
        return true;
    }
    // A word with a negating prefix whose stem stands on the other side counts as negated.
    let negated = |words: &[Word], other: &[Word]| {
        let prefixed = words.iter().any(|w| {
            NEGATING_PREFIXES.iter().any(|prefix| {
                w.norm
                    .strip_prefix(prefix)
                    .is_some_and(|stem| other.iter().any(|o| o.norm == stem))
            })
        });
        (words.iter().filter(|w| is_negation(w)).count() + usize::from(prefixed)) % 2 == 1
    };
    negated(quote, statement) != negated(statement, quote)
}

fn span_of(words: &[Word]) -> Option<Span> {
    Some(Span::new(words.first()?.span.start, words.last()?.span.end))
}

/// Aligns `quote` against the part of `statement` it fits best, weighting words by `weight`.
/// `None` when no word of the quote is in the statement.
///
/// A word diff finds a longest common subsequence, which may pick a word from
/// far away (`We` from the statement's first sentence for a quote of its
/// second) and report a splice that is not there. So the diff is also run on
/// windows of the statement starting where one of the quote's first words
/// stands, and the alignment with the fewest unmarked edits, then the most
/// matched words, wins.
pub fn align(
    quote: &[Word],
    statement: &[Word],
    weight: impl Fn(&str) -> f64,
) -> Option<Alignment> {
    // Windows start where two of the quote's first words stand in a row.
    let heads: Vec<(&str, &str)> = quote
        .windows(2)
        .take(3)
        .map(|w| (w[0].norm.as_str(), w[1].norm.as_str()))
        .collect();
    let reach = 2 * quote.len() + 10;
    let starts = (1..statement.len().saturating_sub(1))
        .filter(|&i| heads.contains(&(statement[i].norm.as_str(), statement[i + 1].norm.as_str())));
    std::iter::once(0)
        .chain(starts)
        .filter_map(|start| {
            let end = if start == 0 {
                statement.len()
            } else {
                statement.len().min(start + reach)
            };
            align_window(quote, &statement[start..end], &weight)
        })
        .min_by(|a, b| {
            let unmarked = |x: &Alignment| {
                x.edits
                    .iter()
                    .filter(|e| e.mark == EditMark::Unmarked)
                    .count()
            };
            (unmarked(a), b.matched).cmp(&(unmarked(b), a.matched))
        })
}

fn align_window(
    quote: &[Word],
    statement: &[Word],
    weight: &impl Fn(&str) -> f64,
) -> Option<Alignment> {
    let q: Vec<&str> = quote.iter().map(|w| w.norm.as_str()).collect();
    let s: Vec<&str> = statement.iter().map(|w| w.norm.as_str()).collect();
    let ops = capture_diff_slices(Algorithm::Myers, &q, &s);
    let first = ops
        .iter()
        .position(|op| matches!(op, DiffOp::Equal { .. }))?;
    let last = ops
        .iter()
        .rposition(|op| matches!(op, DiffOp::Equal { .. }))?;

    let mut edits = Vec::new();
    let mut matched = 0;
    let mut matched_weight = 0.0;
    let mut minor = false;
    let mut region: Option<(usize, usize)> = None;
    for (i, op) in ops.iter().enumerate() {
        let inside = i > first && i < last;
        match *op {
            DiffOp::Equal {
                old_index,
                new_index,
                len,
            } => {
                matched += len;
                for k in 0..len {
                    let (a, b) = (&quote[old_index + k], &statement[new_index + k]);
                    matched_weight += weight(&a.norm);
                    let first_word = old_index + k == 0;
                    if (!first_word && a.cased != b.cased)
                        || (k > 0 && !a.after_ellipsis && a.punct_before != b.punct_before)
                    {
                        minor = true;
                    }
                }
                let (start, end) = (new_index, new_index + len);
                region = Some(region.map_or((start, end), |(s, _)| (s, end)));
            }
            DiffOp::Delete {
                old_index, old_len, ..
            } => {
                let words = &quote[old_index..old_index + old_len];
                edits.push(Edit {
                    op: EditOp::Insert,
                    mark: if words.iter().all(|w| w.bracketed) {
                        EditMark::Brackets
                    } else {
                        EditMark::Unmarked
                    },
                    quote: span_of(words),
                    statement: None,
                    severe: is_severe(words),
                });
            }
            DiffOp::Insert {
                old_index,
                new_index,
                new_len,
            } => {
                if !inside {
                    continue; // statement words before or after the quoted part
                }
                let words = &statement[new_index..new_index + new_len];
                // `[applause]`, `[laughter]`: the transcriber's note, not words said.
                if is_transcript_note(words, TRANSCRIPT_NOTES) {
                    continue;
                }
                let marked = quote.get(old_index).is_some_and(|w| w.after_ellipsis);
                edits.push(Edit {
                    op: EditOp::Delete,
                    mark: if marked {
                        EditMark::Ellipsis
                    } else {
                        EditMark::Unmarked
                    },
                    quote: None,
                    statement: span_of(words),
                    severe: is_severe(words),
                });
            }
            DiffOp::Replace {
                old_index,
                old_len,
                new_index,
                new_len,
            } => {
                let qw = &quote[old_index..old_index + old_len];
                let mut sw = &statement[new_index..new_index + new_len];
                let mut mark = if qw.iter().all(|w| w.bracketed) {
                    EditMark::Brackets
                } else if inside
                    && qw.len() <= MAX_NOTE_WORDS
                    && is_transcript_note(sw, UNHEARD_NOTES)
                {
                    // Matched words on both sides: a gap the transcriber could not fill.
                    EditMark::Inaudible
                } else if (old_len == new_len
                    && qw
                        .iter()
                        .zip(sw)
                        .all(|(a, b)| is_spelling_slip(&a.norm, &b.norm)))
                    || same_spelling(
                        qw,
                        sw,
                        quote.get(old_index + old_len),
                        statement.get(new_index + new_len),
                    )
                {
                    EditMark::Spelling
                } else {
                    EditMark::Unmarked
                };
                // At an edge, the statement's words nearest the matched part.
                let whole = sw;
                let near = |n: usize| {
                    if i > last {
                        (new_index, &whole[..n])
                    } else {
                        (new_index + new_len - n, &whole[new_len - n..])
                    }
                };
                let substitution = !inside && old_len <= EDGE_SUBSTITUTION && new_len >= old_len;
                // `leaving the U.S.` facing `leaving the United States and …`,
                // `They are devaluing` facing `… product. They're devaluing`:
                // the statement's part quoted takes in the words spelled out.
                if substitution
                    && mark == EditMark::Unmarked
                    && let Some((at, spelled)) = (1..=new_len.min(old_len + EDGE_SPELLED_EXTRA))
                        .map(near)
                        .find(|(_, run)| {
                            same_spelling(qw, run, quote.get(old_index + old_len), None)
                        })
                {
                    let (start, end) = (at, at + spelled.len());
                    region = Some(region.map_or((start, end), |(s, e)| (s.min(start), e.max(end))));
                    sw = spelled;
                    mark = EditMark::Spelling;
                }
                if !inside && mark == EditMark::Unmarked {
                    // At an edge, a word or two of the quote standing where the
                    // statement has as many words is a substitution (`at the
                    // [-top-]{+bottom+}`); longer runs are insertions, and the
                    // statement's words there are context.
                    let (op, facing_span, severe) = if substitution {
                        let (_, facing) = near(old_len);
                        (
                            EditOp::Replace,
                            span_of(facing),
                            is_severe_replacement(qw, facing),
                        )
                    } else {
                        (EditOp::Insert, None, is_severe(qw))
                    };
                    edits.push(Edit {
                        op,
                        mark,
                        quote: span_of(qw),
                        statement: facing_span,
                        severe,
                    });
                    continue;
                }
                if mark == EditMark::Spelling {
                    matched_weight += qw.iter().map(|w| weight(&w.norm)).sum::<f64>();
                }
                edits.push(Edit {
                    op: EditOp::Replace,
                    mark,
                    quote: span_of(qw),
                    statement: span_of(sw),
                    severe: mark == EditMark::Unmarked && is_severe_replacement(qw, sw),
                });
            }
        }
    }
    let (start, end) = region?;
    let longest_run = ops
        .iter()
        .filter_map(|op| match *op {
            DiffOp::Equal { len, .. } => Some(len),
            _ => None,
        })
        .max()
        .unwrap_or(0);
    let total: f64 = quote.iter().map(|w| weight(&w.norm)).sum();
    let excerpt_end = statement[end - 1].span.end;
    Some(Alignment {
        matched,
        coverage: if total > 0.0 {
            (matched_weight / total).min(1.0)
        } else {
            0.0
        },
        excerpt: Span::new(statement[start].span.start, excerpt_end),
        edits,
        minor_differences: minor,
        region_words: end - start,
        longest_run,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::matcher::normalize::words;

    fn edits(quote: &str, statement: &str) -> (Vec<(EditOp, EditMark, bool)>, bool) {
        let a = align(&words(quote, 0), &words(statement, 0), |_| 1.0).unwrap();
        (
            a.edits.iter().map(|e| (e.op, e.mark, e.severe)).collect(),
            a.minor_differences,
        )
    }

    #[test]
    fn verbatim_has_no_edits_and_context_is_ignored() {
        assert_eq!(
            edits(
                "the full range of its capabilities",
                "through the full range of its capabilities, including"
            ),
            (vec![], false)
        );
    }

    #[test]
    fn inserted_not_is_a_severe_insertion() {
        let (found, _) = edits("we will not push back", "we will push back");
        assert_eq!(found, [(EditOp::Insert, EditMark::Unmarked, true)]);
    }

    #[test]
    fn ellipsis_and_brackets_are_marked_edits() {
        let (found, _) = edits(
            "we will push back ... when [Beijing] uses coercion",
            "we will push back, if necessary, when China uses coercion",
        );
        assert_eq!(
            found,
            [
                (EditOp::Delete, EditMark::Ellipsis, false),
                (EditOp::Replace, EditMark::Brackets, false)
            ]
        );
    }

    #[test]
    fn a_transcript_note_left_out_is_no_edit() {
        let (found, _) = edits(
            "a hard look at what they are spending money on. So, that they make sure",
            "a hard look at what they are spending money on. [applause] So, that they make sure",
        );
        assert!(found.is_empty(), "{found:?}");
    }

    #[test]
    fn words_where_the_transcript_heard_none_are_unconfirmed_not_changed() {
        let (found, _) = edits(
            "at the Democratic Convention, many women and gay advocates made",
            "at the Democratic Convention [inaudible] women and gay advocates made",
        );
        assert_eq!(found, [(EditOp::Replace, EditMark::Inaudible, false)]);
        // Only between matched words: at an edge the note confirms nothing.
        let (found, _) = edits(
            "the most powerful lie contains truth",
            "the most powerful [inaudible]",
        );
        assert_eq!(found, [(EditOp::Insert, EditMark::Unmarked, false)]);
        // Only a note: bracketed words of another kind left out are a cut.
        let (found, _) = edits(
            "he called us a colonial power and left",
            "he called us a [very old] colonial power and left",
        );
        assert_eq!(found, [(EditOp::Delete, EditMark::Unmarked, false)]);
    }

    #[test]
    fn a_splice_without_ellipsis_is_unmarked() {
        let (found, _) = edits(
            "we will push back when China uses coercion",
            "we will push back, if necessary, when China uses coercion",
        );
        assert_eq!(found, [(EditOp::Delete, EditMark::Unmarked, false)]);
    }

    #[test]
    fn changed_conjunction_and_spelling_slip() {
        let (found, _) = edits("coercion or aggression", "coercion and aggression");
        assert_eq!(found, [(EditOp::Replace, EditMark::Unmarked, false)]);
        let (found, _) = edits(
            "the alliance is stronger then ever",
            "the alliance is stronger than ever",
        );
        assert_eq!(found, [(EditOp::Replace, EditMark::Unmarked, false)]);
        // A negating prefix added is no slip but a flipped sense.
        let (found, _) = edits("it is unlikely to pass", "it is likely to pass");
        assert_eq!(found, [(EditOp::Replace, EditMark::Unmarked, true)]);
        let (found, _) = edits("destabilising behavior", "destabilizing behavior");
        assert_eq!(found, [(EditOp::Replace, EditMark::Spelling, false)]);
    }

    /// Asserts that each quote differs from its statement by one replacement
    /// of the given mark and severity.
    fn one_replacement_each(cases: &[(&str, &str, EditMark, bool)]) {
        for &(quote, statement, mark, severe) in cases {
            let (found, _) = edits(quote, statement);
            assert_eq!(found, [(EditOp::Replace, mark, severe)], "{quote}");
        }
    }

    #[test]
    fn how_a_word_is_written_is_spelling() {
        use EditMark::{Spelling, Unmarked};
        one_replacement_each(&[
            (
                "find the 30,000 emails that are missing",
                "find the 30,000 e-mails that are missing",
                Spelling,
                false,
            ),
            (
                "in the highest esteem Sen. John McCain",
                "in the highest esteem Senator John McCain",
                Spelling,
                false,
            ),
            (
                "a million votes higher, one million votes",
                "a million votes higher, 1 million votes",
                Spelling,
                false,
            ),
            (
                "a million votes higher, two million votes",
                "a million votes higher, 1 million votes",
                Unmarked,
                true,
            ),
            (
                "and I would bring back a hell of a lot worse",
                "and I'd bring back a hell of a lot worse",
                Spelling,
                false,
            ),
            (
                "that are Jewish, okay? And two",
                "that are Jewish, OK? And two",
                Spelling,
                false,
            ),
            (
                "we do not want their money",
                "we don't want their money",
                Spelling,
                false,
            ),
            (
                "and I'll bring back the jobs",
                "and I'd bring back the jobs",
                Unmarked,
                false,
            ),
            // At the quote's edge too.
            (
                "stop our companies from leaving the U.S.",
                "stop our companies from leaving the United States and firing their people",
                Spelling,
                false,
            ),
            // A capitalised word cut short without a period is another word.
            (
                "the President said it was over",
                "the Presidential said it was over",
                Unmarked,
                false,
            ),
        ]);
    }

    #[test]
    fn only_a_flipped_negation_or_a_changed_number_is_severe() {
        use EditMark::Unmarked;
        one_replacement_each(&[
            // Negated on both sides, or a negation facing the word's negative form: the sense holds.
            (
                "people who work hard but no longer have a voice",
                "people who work hard but don't have a voice",
                Unmarked,
                false,
            ),
            (
                "and I wasn't satisfied with his work",
                "and I was unsatisfied with his work",
                Unmarked,
                false,
            ),
            (
                "we will never retreat from",
                "we will always retreat from",
                Unmarked,
                true,
            ),
            (
                "we sent 30 ships to the",
                "we sent 40 ships to the",
                Unmarked,
                true,
            ),
        ]);
    }

    #[test]
    fn case_and_punctuation_are_minor() {
        let (found, minor) = edits(
            "China Uses coercion; and aggression",
            "China uses coercion and aggression",
        );
        assert!(found.is_empty());
        assert!(minor);
    }

    #[test]
    fn a_word_from_an_earlier_sentence_is_not_a_splice() {
        let statement = "We agreed on the recognition. We remain opposed to any unilateral action, including in the East.";
        let (found, _) = edits(
            "We remain opposed to any unilateral action, including in the East",
            statement,
        );
        assert!(found.is_empty(), "{found:?}");
    }
}
