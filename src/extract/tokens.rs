//! Paragraphs, words and sentences of a story, with quotations held as single tokens.

use super::lexicon::Lexicon;
use super::marks::Quoted;
use crate::span::Span;

/// The paragraphs of `text`: its non-blank lines, trimmed.
pub fn paragraphs(text: &str) -> Vec<Span> {
    let mut paras = Vec::new();
    let mut start = 0;
    for line in text.split_inclusive('\n') {
        let end = start + line.len();
        let body = line.trim_end_matches(['\n', '\r']);
        let lead = body.len() - body.trim_start().len();
        let trimmed = body.trim();
        if !trimmed.is_empty() {
            let s = start + lead;
            paras.push(Span::new(s, s + trimmed.len()));
        }
        start = end;
    }
    paras
}

/// What a token is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TokKind {
    /// A word (letters, digits, and inner `'`, `-`, `.`).
    Word,
    /// A punctuation character.
    Punct(char),
    /// A quotation, by index into the paragraph's quotes.
    Quote(usize),
}

/// A token of a paragraph.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Tok {
    /// What it is.
    pub kind: TokKind,
    /// Where it stands in the story (for a quote: from opening to closing mark).
    pub span: Span,
}

/// Whether `word` ends with a possessive `'s` (straight or curly apostrophe):
/// not a pronoun's `'s` for `is` or `has` (`he's`, `who's`).
pub fn is_possessive(word: &str) -> bool {
    (word.ends_with("'s") || word.ends_with("’s")) && !is_pronoun_contraction(word)
}

/// Whether `word` is a pronoun with `'s` for `is` or `has` (`he's said`,
/// `who’s called for`): pronouns have possessives of their own (`his`, `whose`).
fn is_pronoun_contraction(word: &str) -> bool {
    let pronoun = without_possessive(word);
    pronoun.len() <= 5
        && ["he", "she", "who", "that", "what", "there", "here", "where"]
            .iter()
            .any(|p| pronoun.eq_ignore_ascii_case(p))
}

/// `word` without a possessive `'s`.
pub fn without_possessive(word: &str) -> &str {
    word.strip_suffix("'s")
        .or_else(|| word.strip_suffix("’s"))
        .unwrap_or(word)
}

fn is_word_char(c: char) -> bool {
    c.is_alphanumeric()
}

/// Whether `rest` opens with a group of three digits that ends there (`400` of `2,400`).
fn digit_group(rest: &str) -> bool {
    let bytes = rest.as_bytes();
    bytes.len() >= 3
        && bytes[..3].iter().all(u8::is_ascii_digit)
        && !bytes.get(3).is_some_and(u8::is_ascii_digit)
}

fn is_joiner(c: char) -> bool {
    matches!(c, '\'' | '’' | '-' | '.' | '&' | '‐')
}

/// Tokenizes `text[para]`, with each of `quotes` (sorted, inside the paragraph) as one token.
pub fn tokenize(text: &str, para: Span, quotes: &[Quoted], lexicon: &Lexicon) -> Vec<Tok> {
    let mut toks = Vec::with_capacity(para.len() / 4);
    let mut pos = para.start;
    let mut next_quote = 0;
    while pos < para.end {
        if let Some(q) = quotes.get(next_quote)
            && pos >= q.open.span.start
        {
            let end = q.close.map_or(para.end, |c| c.span.end);
            toks.push(Tok {
                kind: TokKind::Quote(next_quote),
                span: Span::new(q.open.span.start, end),
            });
            pos = end.max(pos + 1);
            next_quote += 1;
            continue;
        }
        let limit = quotes
            .get(next_quote)
            .map_or(para.end, |q| q.open.span.start.min(para.end));
        let Some(c) = text[pos..limit].chars().next() else {
            pos = limit;
            continue;
        };
        if c.is_whitespace() {
            pos += c.len_utf8();
        } else if is_word_char(c) {
            let end = word_end(text, pos, limit, lexicon);
            toks.push(Tok {
                kind: TokKind::Word,
                span: Span::new(pos, end),
            });
            pos = end;
        } else {
            toks.push(Tok {
                kind: TokKind::Punct(c),
                span: Span::new(pos, pos + c.len_utf8()),
            });
            pos += c.len_utf8();
        }
    }
    toks
}

fn word_end(text: &str, start: usize, limit: usize, lexicon: &Lexicon) -> usize {
    let mut end = start;
    let mut chars = text[start..limit].char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        if is_word_char(c) {
            end = start + i + c.len_utf8();
        } else if is_joiner(c) && chars.peek().is_some_and(|&(_, n)| is_word_char(n)) {
            continue;
        } else if c == ','
            && text[start..start + i].ends_with(|p: char| p.is_ascii_digit())
            && digit_group(&text[start + i + 1..limit])
        {
            // `2,400`: a thousands separator, not a comma between words.
            continue;
        } else {
            break;
        }
    }
    // Keep the period of an abbreviation or an initial ("U.S.", "Mr.", "E.").
    if text[end..limit].starts_with('.') {
        let word = &text[start..end];
        let initial = word.chars().count() == 1 && word.chars().all(char::is_uppercase);
        // `U.S.`, `Ph.D.`, `R-S.C.`, `D-N.Y.`, `R-Ky.`: letters in groups of one
        // or two between periods, or a party-state tag, is an abbreviation;
        // `$27.16.` and `Mic.com.` end their sentence.
        let dotted = (word.contains('.')
            && word.split('.').all(|group| {
                (1..=2).contains(&group.chars().count()) && group.chars().all(char::is_alphabetic)
            }))
            || word.split_once('-').is_some_and(|(party, state)| {
                party.len() == 1
                    && party.chars().all(char::is_uppercase)
                    && state.starts_with(char::is_uppercase)
                    && state.len() <= 5
            });
        // `No. 5` but `the candidate said no.`: some abbreviations stand only before a number.
        let before_number = !Lexicon::has(&lexicon.number_abbreviations, word)
            || text[end + 1..limit]
                .trim_start()
                .starts_with(|c: char| c.is_ascii_digit());
        // `Sanders (Vt.) said`, `of Huntsville, Ala., says`: a short
        // capitalised word alone in parentheses or before a comma.
        let short_abbreviation = (text[..start].ends_with('(')
            && text[end + 1..limit].starts_with(')')
            || text[end + 1..limit].starts_with(','))
            && word.starts_with(char::is_uppercase)
            && word.chars().count() <= 5;
        if initial
            || dotted
            || short_abbreviation
            || (Lexicon::has(&lexicon.abbreviations, word) && before_number)
            // `then-Sen. Barack Obama`: a title after a hyphen.
            || word
                .rsplit_once('-')
                .is_some_and(|(_, title)| Lexicon::has(&lexicon.abbreviations, title) && before_number)
        {
            end += 1;
            // A possessive after the abbreviation: `the U.S.'s view`.
            for possessive in ["'s", "’s"] {
                let rest = &text[end..limit];
                if rest.starts_with(possessive)
                    && !rest[possessive.len()..].starts_with(char::is_alphanumeric)
                {
                    end += possessive.len();
                }
            }
        }
    }
    end
}

/// Splits a paragraph's tokens into sentences, as token index ranges.
///
/// A sentence ends at `.`, `?` or `!`, after a quotation whose words end
/// with one of them when a capitalised word or another quotation follows,
/// and after an abbreviation's period when a word that opens sentences
/// follows (`… in the U.S. He says …`).
pub fn sentences(
    text: &str,
    toks: &[Tok],
    quotes: &[Quoted],
    lexicon: &Lexicon,
) -> Vec<std::ops::Range<usize>> {
    let mut out = Vec::new();
    let mut start = 0;
    // `PARIS, Aug 31 (Reuters) - …`: a dateline is a sentence of its own.
    if let Some(end) = dateline_end(text, toks) {
        out.push(0..end);
        start = end;
    }
    for (i, tok) in toks.iter().enumerate().skip(start) {
        let ends = match tok.kind {
            // `(really?) and …`: a question or an exclamation inside
            // parentheses ends no sentence.
            TokKind::Punct(c) => {
                matches!(c, '.' | '?' | '!')
                    && !(c != '.'
                        && toks
                            .get(i + 1)
                            .is_some_and(|next| next.kind == TokKind::Punct(')')))
            }
            TokKind::Quote(q) => {
                let words = quotes[q].inner.slice(text);
                words.ends_with(['.', '?', '!'])
                    && match toks.get(i + 1) {
                        None => true,
                        Some(next) => match next.kind {
                            TokKind::Quote(_) => true,
                            TokKind::Word => next.span.slice(text).starts_with(char::is_uppercase),
                            TokKind::Punct(_) => false,
                        },
                    }
            }
            // `… attacks in the U.S. He says …`: an abbreviation closing the
            // sentence, before a word that opens one.
            TokKind::Word => {
                tok.span.slice(text).ends_with('.')
                    && toks.get(i + 1).is_some_and(|next| {
                        let word = next.span.slice(text);
                        next.kind == TokKind::Word
                            && word.starts_with(char::is_uppercase)
                            && Lexicon::has(&lexicon.sentence_openers, word)
                    })
            }
        };
        if ends {
            out.push(start..i + 1);
            start = i + 1;
        }
    }
    if start < toks.len() {
        out.push(start..toks.len());
    }
    out
}

/// Where a paragraph's dateline ends, after its dash: a capitalised place,
/// perhaps a date, and a news agency in parentheses (`WASHINGTON (AP) —`,
/// `PARIS, Aug 31 (Reuters) -`, `FLINT, Mich., Oct. 4 (UPI) —`).
fn dateline_end(text: &str, toks: &[Tok]) -> Option<usize> {
    const MAX_DATELINE: usize = 14;
    let word = |i: usize| {
        toks.get(i)
            .filter(|tok| tok.kind == TokKind::Word)
            .map(|tok| tok.span.slice(text))
    };
    let is = |i: usize, set: &str| matches!(toks.get(i), Some(Tok { kind: TokKind::Punct(c), .. }) if set.contains(*c));
    // The cheap test first: this runs for every paragraph.
    let close = toks
        .iter()
        .take(MAX_DATELINE)
        .position(|tok| tok.kind == TokKind::Punct(')'))?;
    word(0)?.starts_with(char::is_uppercase).then_some(())?;
    let open = (1..close).rev().find(|&i| is(i, "("))?;
    // The agency: one to three capitalised words of letters; the place or
    // the agency in capitals (`WASHINGTON (AP)`, `New York (AFP)`, not
    // `Rand Paul (R-Ky.) -`).
    let agency = open + 1..close;
    let capitals = |w: &str| w.len() >= 2 && w.chars().all(|c| c.is_ascii_uppercase());
    if agency.is_empty()
        || agency.len() > 3
        || !agency.clone().all(|i| {
            word(i).is_some_and(|w| {
                w.starts_with(char::is_uppercase) && w.chars().all(|c| c.is_ascii_alphabetic())
            })
        })
        || !(word(0).is_some_and(capitals) || agency.clone().all(|i| word(i).is_some_and(capitals)))
    {
        return None;
    }
    // The place and date: words and numbers, commas and periods.
    if !(0..open).all(|i| {
        word(i).is_some_and(|w| w.starts_with(|c: char| c.is_uppercase() || c.is_ascii_digit()))
            || is(i, ",.")
    }) {
        return None;
    }
    let mut end = close + 1;
    if !is(end, "—–-") {
        return None;
    }
    while is(end, "—–-") {
        end += 1;
    }
    (end < toks.len()).then_some(end)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::marks::pair_marks;

    fn words(text: &str) -> Vec<&str> {
        let para = Span::new(0, text.len());
        let (quotes, _) = pair_marks(text, para);
        tokenize(text, para, &quotes, Lexicon::builtin())
            .iter()
            .map(|t| t.span.slice(text))
            .collect()
    }

    #[test]
    fn thousands_separators_stay_in_their_number() {
        assert_eq!(
            words("more than 2,400 billionaires, 1,800,000 in all, or 5, 400"),
            [
                "more",
                "than",
                "2,400",
                "billionaires",
                ",",
                "1,800,000",
                "in",
                "all",
                ",",
                "or",
                "5",
                ",",
                "400"
            ]
        );
    }

    #[test]
    fn abbreviations_and_initials_keep_their_period() {
        assert_eq!(
            words("Leonard E. Burman of the U.S. said \"no.\""),
            [
                "Leonard", "E.", "Burman", "of", "the", "U.S.", "said", "\"no.\""
            ]
        );
        assert_eq!(words("the U.S.'s view."), ["the", "U.S.'s", "view", "."]);
        assert_eq!(words("a Ph.D. from D.C."), ["a", "Ph.D.", "from", "D.C."]);
        assert_eq!(
            words("then-Sen. Barack Obama"),
            ["then-Sen.", "Barack", "Obama"]
        );
        // A state alone in parentheses; a parenthesised sentence keeps its period.
        assert_eq!(
            words("Sanders (Vt.) said"),
            ["Sanders", "(", "Vt.", ")", "said"]
        );
        assert_eq!(
            words("of Huntsville, Ala., says"),
            ["of", "Huntsville", ",", "Ala.", ",", "says"]
        );
        assert_eq!(
            words("(He met Stern.)"),
            ["(", "He", "met", "Stern", ".", ")"]
        );
    }

    #[test]
    fn possessives_with_either_apostrophe() {
        assert!(is_possessive("Trump's") && is_possessive("Trump’s"));
        assert!(!is_possessive("Trumps"));
        // A pronoun's `'s` is `is` or `has`.
        assert!(!is_possessive("he's") && !is_possessive("Who’s"));
        assert_eq!(without_possessive("Clinton’s"), "Clinton");
        assert_eq!(without_possessive("Clinton"), "Clinton");
    }

    #[test]
    fn numbers_and_web_addresses_leave_the_sentence_period() {
        assert_eq!(
            words("was $27.16. Sanders"),
            ["was", "$", "27.16", ".", "Sanders"]
        );
        let text = "He edits Mic.com. \"You have it,\" he said. It was $1.5. Then it fell.";
        assert_eq!(
            sentence_starts(text).1,
            ["He", "\"You have it,\"", "It", "Then"]
        );
    }

    /// The sentences of `text` as token ranges, and each one's first token.
    fn sentence_starts(text: &str) -> (Vec<std::ops::Range<usize>>, Vec<&str>) {
        let para = Span::new(0, text.len());
        let (quotes, _) = pair_marks(text, para);
        let toks = tokenize(text, para, &quotes, Lexicon::builtin());
        let sents = sentences(text, &toks, &quotes, Lexicon::builtin());
        let firsts = sents
            .iter()
            .map(|s| toks[s.start].span.slice(text))
            .collect();
        (sents, firsts)
    }

    #[test]
    fn an_abbreviation_ends_a_sentence_before_a_sentence_opener() {
        let text = "Attacks in the U.S. He says the U.S. Senate will act. The candidate said no. But he left.";
        assert_eq!(sentence_starts(text).1, ["Attacks", "He", "The", "But"]);
    }

    #[test]
    fn a_dateline_is_a_sentence_of_its_own() {
        for text in [
            "PARIS, Aug 31 (Reuters) - Marine Le Pen, the party leader, voiced support.",
            "WASHINGTON (AP) — Marine Le Pen, the party leader, voiced support.",
            "FLINT, Mich., Oct. 4 (UPI) — Marine Le Pen voiced support.",
        ] {
            assert_eq!(sentence_starts(text).1[1], "Marine", "{text}");
        }
        // Not a name in parentheses mid-paragraph, nor a plain sentence.
        let text = "Rand Paul (R-Ky.) - a senator - spoke.";
        assert_eq!(sentence_starts(text).1, ["Rand"]);
        assert!(sentence_starts("").0.is_empty());
    }

    #[test]
    fn a_quote_ending_a_sentence_splits_it() {
        let text = "He said \"no.\" Then she left. \"Yes,\" he said.";
        assert_eq!(sentence_starts(text).0, [0..3, 3..7, 7..11]);
    }

    #[test]
    fn a_question_inside_parentheses_ends_no_sentence() {
        let text =
            "He has had no time to think about it (really?) and will rest. Why? He is tired.";
        assert_eq!(sentence_starts(text).1, ["He", "Why", "He"]);
    }

    #[test]
    fn paragraphs_are_non_blank_lines() {
        let text = "One.\n\n  Two \r\nThree";
        let paras: Vec<&str> = paragraphs(text).iter().map(|p| p.slice(text)).collect();
        assert_eq!(paras, ["One.", "Two", "Three"]);
    }
}
