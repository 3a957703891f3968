//! Extract: every quotation in a story, its kind, its cue and the mention of its speaker.

mod attribution;
pub mod lexicon;
pub mod marks;
pub mod tokens;

use std::fmt;

use attribution::{Attributor, Found, proper_words};
pub use attribution::{Mention, MentionForm};
use lexicon::Lexicon;
use marks::{MarkProblem, pair_marks};
use serde::{Deserialize, Serialize};
use tokens::{TokKind, paragraphs, sentences, tokenize};

use crate::span::Span;

/// The kind of a quotation (SPEC "kinds of quotation").
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum QuoteKind {
    /// A quotation in marks, set off as a whole utterance.
    Direct,
    /// A quoted fragment inside reported speech.
    Partial,
    /// Reported speech without marks.
    Indirect,
    /// A quoted word or phrase used as a name, title or scare quote; never verified.
    Term,
}

impl QuoteKind {
    /// The kind in words: `direct quote`, `term`.
    pub fn label(self) -> &'static str {
        match self {
            QuoteKind::Direct => "direct quote",
            QuoteKind::Partial => "partial quote",
            QuoteKind::Indirect => "indirect quote",
            QuoteKind::Term => "term",
        }
    }
}

/// One quotation found in a story.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Quotation {
    /// The quoted words, without the marks.
    pub span: Span,
    /// Its kind.
    pub kind: QuoteKind,
    /// The cue that attributes it, if any.
    pub cue: Option<Span>,
    /// The mention of its speaker, if any.
    pub mention: Option<Mention>,
    /// Whether the speaker was inherited from an earlier quote (`"…," X said. "…"`).
    pub continued: bool,
}

/// Something odd in the story that did not stop extraction.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ExtractWarning {
    /// An opening mark that its paragraph never closes.
    UnclosedMark(Span),
    /// A closing mark with no opening mark before it.
    UnopenedMark(Span),
}

impl ExtractWarning {
    /// Where the problem is.
    pub fn span(&self) -> Span {
        match self {
            ExtractWarning::UnclosedMark(s) | ExtractWarning::UnopenedMark(s) => *s,
        }
    }
}

impl fmt::Display for ExtractWarning {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ExtractWarning::UnclosedMark(_) => f.write_str(
                "quotation mark never closed; the quote is taken to the end of its paragraph",
            ),
            ExtractWarning::UnopenedMark(_) => {
                f.write_str("closing quotation mark without an opening one; ignored")
            }
        }
    }
}

/// What extraction found in one story.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Extraction {
    /// Quotations in story order.
    pub quotes: Vec<Quotation>,
    /// Problems met on the way.
    pub warnings: Vec<ExtractWarning>,
    /// Every paragraph with its tokens (quotes as single tokens), for the resolver.
    pub paragraphs: Vec<Paragraph>,
}

/// A paragraph of the story and its tokens.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Paragraph {
    /// Where the paragraph stands.
    pub span: Span,
    /// Its words, punctuation and quotes.
    pub tokens: Vec<tokens::Tok>,
}

/// A quote shorter than this never inherits the speaker of the quote before it (`"Related:"`).
const MIN_CONTINUED_WORDS: usize = 3;

/// Quotation marks that open a paragraph continuing a multi-paragraph quote.
const REOPENING: &[&str] = &["\"", "“", "''", "«", "„"];

/// A quote's position in its paragraph, for deciding its kind and speaker.
struct QuotePlace<'s> {
    /// Token index of the quote.
    q: usize,
    /// The quoted words.
    inner: Span,
    /// Index of the quote's sentence in `sentences`.
    sentence: usize,
    /// Every sentence of the paragraph, as token index ranges.
    sentences: &'s [std::ops::Range<usize>],
}

impl QuotePlace<'_> {
    /// The quotation with its kind, cue and speaker mention. `last` is the
    /// attribution the next quote may continue; it is updated.
    fn decide(
        &self,
        text: &str,
        attributor: &Attributor,
        toks: &[tokens::Tok],
        last: &mut Option<Found>,
    ) -> Quotation {
        let q = self.q;
        let sentence = self.sentences[self.sentence].clone();
        // Bounded: a quote more than a reach of tokens into its sentence does not open it.
        let opens_sentence = q - sentence.start <= attribution::REACH
            && (sentence.start..q).all(|i| toks[i].kind != TokKind::Word);
        let words = self.inner.slice(text).split_whitespace().count();
        let quotation = |kind, found: Option<Found>, continued| Quotation {
            span: self.inner,
            kind,
            cue: found.map(|f| f.cue),
            mention: found.and_then(|f| f.mention),
            continued,
        };
        // The title of a work is a term, whoever spoke before.
        if attributor.is_title(q) {
            return quotation(QuoteKind::Term, None, false);
        }
        // A speaker tag after a quote that ends its sentence: `"…!" X said`, `"…." X said.`
        let next = self.sentences.get(self.sentence + 1);
        let exclaims = self.inner.slice(text).ends_with(['?', '!']);
        let after_end = match next {
            Some(next)
                if q + 1 == sentence.end
                    && (exclaims || attributor.is_speech_tag(next.clone())) =>
            {
                next.end
            }
            _ => sentence.end,
        };
        // `"PENCE: Well, look, …"`: the label names the speaker and is no
        // part of the words quoted.
        if let Some(found) = attributor.transcript_label(self.inner) {
            *last = Some(found);
            let words = text[found.cue.end..self.inner.end].trim_start();
            return Quotation {
                span: Span::new(self.inner.end - words.len(), self.inner.end),
                ..quotation(QuoteKind::Direct, Some(found), false)
            };
        }
        if let Some(found) = attributor.attribute(q, sentence.clone(), after_end) {
            *last = Some(found);
            let kind = if found.set_off {
                QuoteKind::Direct
            } else {
                QuoteKind::Partial
            };
            return quotation(kind, Some(found), false);
        }
        // `Dianne Bystrom agreed. "…"`: the speaker of the sentence before.
        let previous = self
            .sentence
            .checked_sub(1)
            .and_then(|i| self.sentences.get(i));
        if opens_sentence
            && words >= MIN_CONTINUED_WORDS
            && let Some(found) = previous.and_then(|p| {
                attributor
                    .sentence_speaker(p.clone())
                    .or_else(|| attributor.sentence_subject_of(p.clone()))
            })
        {
            *last = Some(found);
            return quotation(QuoteKind::Direct, Some(found), false);
        }
        // `"…," X said. "…"` and `"A," she continued, "B."`: the quote before's speaker.
        if let Some(found) = *last {
            let same_sentence = found.cue.start >= toks[sentence.start].span.start;
            if (opens_sentence || same_sentence) && words >= MIN_CONTINUED_WORDS {
                return quotation(QuoteKind::Direct, Some(found), true);
            }
        }
        let term = words <= 4 || !opens_sentence;
        quotation(
            if term {
                QuoteKind::Term
            } else {
                QuoteKind::Direct
            },
            None,
            false,
        )
    }
}

/// Finds every quotation in `text`, with the built-in lexicon.
pub fn extract(text: &str) -> Extraction {
    extract_with(text, Lexicon::builtin())
}

/// What extraction looks for beyond quotations in marks.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct ExtractOptions {
    /// Also report speech without quotation marks (`kind: indirect`):
    /// `X said (that) …`, `…, X said.`, `according to X, …`.
    pub reported_speech: bool,
}

/// Finds every quotation in `text`, with `lexicon`.
pub fn extract_with(text: &str, lexicon: &Lexicon) -> Extraction {
    extract_with_options(text, lexicon, ExtractOptions::default())
}

/// Finds every quotation in `text`, with `lexicon`, and what `options` ask for.
pub fn extract_with_options(text: &str, lexicon: &Lexicon, options: ExtractOptions) -> Extraction {
    let paras = paragraphs(text);
    let mut out = Extraction::default();
    // First pass: marks and tokens of every paragraph, and the words the story capitalises mid-sentence.
    let mut proper = rustc_hash::FxHashSet::default();
    let parsed: Vec<_> = paras
        .iter()
        .map(|&para| {
            let (quoted, problems) = pair_marks(text, para);
            let toks = tokenize(text, para, &quoted, lexicon);
            proper_words(text, &toks, &mut proper);
            (quoted, problems, toks)
        })
        .collect();
    // Reported speech, merged with the quotations at the end.
    let mut reported = Vec::new();
    // The attribution a quote opening the next paragraph continues.
    let mut carried: Option<Found> = None;
    // Quotes (indexes into `out.quotes`) that continue into the next paragraph.
    let mut reopened = Vec::new();
    // A source and its verb closing a paragraph with a colon, for the next.
    let mut lead_in = None;
    for (p, (quoted, problems, toks)) in parsed.into_iter().enumerate() {
        let next_reopens = paras
            .get(p + 1)
            .is_some_and(|n| REOPENING.iter().any(|m| n.slice(text).starts_with(m)));
        for problem in problems {
            match problem {
                MarkProblem::Unclosed(_) if next_reopens => {}
                MarkProblem::Unclosed(m) => out.warnings.push(ExtractWarning::UnclosedMark(m.span)),
                MarkProblem::Unopened(m) => out.warnings.push(ExtractWarning::UnopenedMark(m.span)),
            }
        }
        let sents = sentences(text, &toks, &quoted, lexicon);
        let attributor = Attributor::new(text, &toks, lexicon, &proper);
        if options.reported_speech {
            // `Limbaugh added:` closing the paragraph before: these words are his.
            if let Some((cue, mention)) = lead_in.take()
                && let Some(span) = attributor.led_in_words()
            {
                reported.push(Quotation {
                    span,
                    kind: QuoteKind::Indirect,
                    cue: Some(cue),
                    mention: Some(mention),
                    continued: false,
                });
            }
            lead_in = attributor.lead_in();
            for sentence in &sents {
                reported.extend(attributor.reported(sentence.clone()).into_iter().map(|r| {
                    Quotation {
                        span: r.content,
                        kind: QuoteKind::Indirect,
                        cue: Some(r.cue),
                        mention: r.mention,
                        continued: false,
                    }
                }));
            }
        }
        let mut last = carried.take();
        for (q, tok) in toks.iter().enumerate() {
            let TokKind::Quote(qi) = tok.kind else {
                continue;
            };
            // Sentences are in token order: the quote's is found by binary search.
            let sentence = sents.partition_point(|s| s.end <= q);
            if sentence >= sents.len() {
                continue;
            }
            let place = QuotePlace {
                q,
                inner: quoted[qi].inner,
                sentence,
                sentences: &sents,
            };
            let quote = place.decide(text, &attributor, &toks, &mut last);
            out.quotes.push(quote);
        }
        carried = if quoted.is_empty() {
            attributor.colon_introduction()
        } else {
            last
        };
        // A quote left open for the next paragraph: remember the link.
        if next_reopens && quoted.last().is_some_and(|q| q.close.is_none()) {
            reopened.push(out.quotes.len() - 1);
        }
        out.paragraphs.push(Paragraph {
            span: paras[p],
            tokens: toks,
        });
    }
    // A multi-paragraph quote whose speaker is named only at its end: the
    // earlier paragraphs take the speaker of the part that follows them.
    for &open in reopened.iter().rev() {
        let (head, tail) = out.quotes.split_at_mut(open + 1);
        if let (Some(part), Some(next)) = (head.last_mut(), tail.first())
            && part.mention.is_none()
            && part.kind != QuoteKind::Term
            && next.mention.is_some()
        {
            part.cue = next.cue;
            part.mention = next.mention;
            part.continued = true;
        }
    }
    // Reported speech that holds a quotation is the quotation's speaker's
    // (`X said that "…"`): the quotation's attribution wins.
    for item in &mut reported {
        // Quotations are in story order: the first at or after the report's start.
        let first = out
            .quotes
            .partition_point(|q| q.span.start < item.span.start);
        if let Some(inner) = out.quotes[first..]
            .iter()
            .take_while(|q| q.span.start < item.span.end)
            .find(|q| {
                q.kind != QuoteKind::Term && q.mention.is_some() && q.span.end <= item.span.end
            })
        {
            item.mention = inner.mention;
        }
    }
    // Story order; reported speech after a quotation that starts where it does.
    out.quotes.extend(reported);
    out.quotes
        .sort_by_key(|q| (q.span.start, q.kind == QuoteKind::Indirect));
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn summary(text: &str) -> Vec<(String, QuoteKind, Option<String>)> {
        extract(text)
            .quotes
            .iter()
            .map(|q| {
                (
                    q.span.slice(text).to_string(),
                    q.kind,
                    q.mention.map(|m| m.span.slice(text).to_string()),
                )
            })
            .collect()
    }

    fn speakers(text: &str) -> Vec<Option<String>> {
        summary(text).into_iter().map(|(_, _, s)| s).collect()
    }

    #[test]
    fn speaker_after_the_quote() {
        let text = "\"This isn't tax reform,\" said Douglas Holtz-Eakin, an economist.";
        assert_eq!(speakers(text), [Some("Douglas Holtz-Eakin".into())]);
        let text = "\"It's fine,\" Leonard E. Burman, director of the Tax Policy Center, said of the plan.";
        assert_eq!(speakers(text), [Some("Leonard E. Burman".into())]);
        let text = "\"We will win,\" he said.";
        assert_eq!(speakers(text), [Some("he".into())]);
        // A description by its noun: `owner`, `employee`, `delegate`.
        let text = "\"It was all lies,\" said one owner of a shop that sells underwear.";
        assert_eq!(speakers(text), [Some("one owner".into())]);
        let text = "\"This is a show,\" Virginia delegate Beau Correll said.";
        assert_eq!(
            speakers(text),
            [Some("Virginia delegate Beau Correll".into())]
        );
    }

    #[test]
    fn a_participle_after_a_quote_keeps_the_clause_subject() {
        // `adding` takes no subject after it, and the opening participle's
        // phrase (`in South Carolina`) names no one.
        let text = "Speaking to supporters in South Carolina, Cruz said there is \"only one conservative in a position to win,\" adding that it is why Donald Trump \"relentlessly attacks us.\"";
        assert_eq!(speakers(text), [Some("Cruz".into()), Some("Cruz".into())]);
    }

    #[test]
    fn who_speaks_for_the_noun_phrase_before_it() {
        let text = "But it is unclear whether voters will warm to a candidate who has called for \"a hell of a lot worse\" than waterboarding.";
        assert_eq!(speakers(text), [Some("a candidate".into())]);
        let text = "The deal was negotiated with Labor Secretary Thomas Perez, who said \"it will hold for years.\"";
        assert_eq!(
            speakers(text),
            [Some("Labor Secretary Thomas Perez".into())]
        );
    }

    #[test]
    fn a_speech_word_after_a_preposition_is_a_noun() {
        // `in order to` is no cue: the report's verb is `reports`, and its
        // subject the speaker.
        let text = "The New York Post reports that her team avoided the hospital in order to \"keep the details under wraps.\"";
        let found = extract(text);
        let quote = &found.quotes[0];
        assert_eq!(
            quote.mention.map(|m| m.span.slice(text)),
            Some("The New York Post")
        );
        assert_eq!(quote.cue.map(|c| c.slice(text)), Some("reports"));
        // A gerund after a preposition is still a verb of speech.
        let text = "He closed the rally after saying that \"the best is yet to come.\"";
        assert_eq!(
            extract(text).quotes[0].cue.map(|c| c.slice(text)),
            Some("saying")
        );
    }

    #[test]
    fn speaker_before_the_quote_with_less_obvious_verbs() {
        let text = "Blinken promised the U.S.'s commitment to defend Japan \"through the full range of its capabilities.\"";
        assert_eq!(summary(text)[0].1, QuoteKind::Partial);
        assert_eq!(speakers(text), [Some("Blinken".into())]);
        let text = "Kim Yo Jong threatened that Pyongyang could scrap a pact, and urged the U.S. to avoid actions, which might \"keep it awake.\"";
        assert_eq!(speakers(text), [Some("Kim Yo Jong".into())]);
        let text = "A joint statement issued after the meetings said that \"China's behavior is a challenge.\"";
        assert_eq!(speakers(text), [Some("A joint statement".into())]);
    }

    #[test]
    fn colon_and_according_to() {
        assert_eq!(
            speakers("Secretary Austin: \"We are ready.\""),
            [Some("Secretary Austin".into())]
        );
        assert_eq!(
            speakers("According to Reuters, \"the talks failed badly today.\""),
            [Some("Reuters".into())]
        );
    }

    #[test]
    fn split_quote_continues_its_speaker() {
        let text = "\"We are ready,\" Austin said. \"We will defend our allies.\"";
        let found = extract(text);
        assert_eq!(found.quotes.len(), 2);
        assert!(found.quotes[1].continued);
        assert_eq!(found.quotes[1].mention, found.quotes[0].mention);
    }

    #[test]
    fn a_lead_in_paragraph_attributes_the_unquoted_paragraph_after_it() {
        let text = "Limbaugh added:\n\nThis reeks of fear. She cannot win.\n\nHe left.";
        let options = ExtractOptions {
            reported_speech: true,
        };
        let found = extract_with_options(text, Lexicon::builtin(), options);
        let reports: Vec<_> = found
            .quotes
            .iter()
            .map(|q| {
                (
                    q.span.slice(text),
                    q.kind,
                    q.mention.map(|m| m.span.slice(text)),
                )
            })
            .collect();
        assert_eq!(
            reports,
            [(
                "This reeks of fear. She cannot win",
                QuoteKind::Indirect,
                Some("Limbaugh")
            )]
        );
    }

    #[test]
    fn a_transcript_label_names_the_speaker_and_is_not_quoted() {
        let text = "\"PENCE: Gennifer Flowers will not be attending the debate.\"";
        assert_eq!(
            summary(text),
            [(
                "Gennifer Flowers will not be attending the debate.".into(),
                QuoteKind::Direct,
                Some("PENCE".into())
            )]
        );
    }

    #[test]
    fn multi_paragraph_quote_reopens_without_warning() {
        let text = "Austin said: \"We are ready.\n\n\"We will defend our allies.\"";
        let found = extract(text);
        assert!(found.warnings.is_empty());
        assert_eq!(found.quotes.len(), 2);
        assert!(found.quotes[1].continued);
    }

    #[test]
    fn scare_quotes_and_titles_are_terms() {
        let text =
            "A key part of the administration's \"America is back\" rhetoric involves allies.";
        assert_eq!(summary(text)[0].1, QuoteKind::Term);
        // A title owned by a name: the show is not what was said.
        let text =
            "Sanders told MSNBC's \"Morning Joe\" that nobody would question her intelligence.";
        assert_eq!(summary(text)[0].1, QuoteKind::Term);
        // Words owned by a name are a quote when they are not in Title Case.
        let text = "He mocked Trump's \"very, very big\" plan, Sanders said.";
        assert_ne!(summary(text)[0].1, QuoteKind::Term);
    }

    #[test]
    fn a_long_quote_without_a_speaker_is_unattributed() {
        let text = "The sky fell. \"Nobody could have seen this coming at all.\"";
        let quote = &extract(text).quotes[0];
        assert_eq!((quote.kind, quote.mention), (QuoteKind::Direct, None));
    }

    #[test]
    fn pathological_marks_never_panic_and_spans_stay_on_boundaries() {
        let nested = "“‘".repeat(2000) + "x";
        let cases = [
            "\"\"\"\"\"",
            "''",
            "“”“”„“«»「」",
            "\"a\" \"b",
            "é\"ü’ß' ‘ \"\n\n\"",
            "said: \"",
            ": \"x\"",
            "\"x,\" said",
            "according to",
            "He said, and \"",
            nested.as_str(),
        ];
        for text in cases {
            for quote in extract(text).quotes {
                assert!(
                    text.is_char_boundary(quote.span.start)
                        && text.is_char_boundary(quote.span.end)
                );
                if let Some(m) = quote.mention {
                    assert!(
                        text.is_char_boundary(m.span.start) && text.is_char_boundary(m.span.end)
                    );
                }
            }
        }
    }
}
