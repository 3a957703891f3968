//! Match: look each quotation up in the corpus and judge it (SPEC "Verdicts").
//!
//! Candidates come from an inverted index over the statements' words; each is
//! aligned word by word against the whole quote ([`align`]), and the best
//! alignment decides the verdict. A lookup is scoped to the attributed
//! speaker first, then runs across the corpus to find misattributions.

pub mod align;
pub mod index;
pub mod normalize;

use serde::Serialize;

use crate::corpus::{Corpus, SourceKind};
use crate::resolve::{EntityKind, ResolvedSpeaker};
use align::{Alignment, EditMark, align};
pub use index::CorpusIndex;
use normalize::{Word, words};

/// The verdicts of SPEC "Verdicts", in the documented order from best to worst
/// (the order `--fail-on` uses).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum VerdictKind {
    /// The words are a contiguous run of the speaker's statement.
    Verbatim,
    /// As verbatim but for case, punctuation or a spelling slip.
    Variant,
    /// Matches once ellipses and square brackets are applied.
    Elided,
    /// The same content in other words.
    Paraphrase,
    /// No speaker could be found in the story.
    Unattributed,
    /// The speaker is not in the corpus, and the words are not found under anyone else.
    UnknownSpeaker,
    /// The speaker is in the corpus, but nothing there matches.
    NotFound,
    /// Words added, dropped or changed without marking.
    Altered,
    /// The words are in the corpus, but not as the attributed speaker's.
    Misattributed,
}

impl VerdictKind {
    /// Every verdict, best first.
    pub const ALL: [VerdictKind; 9] = [
        VerdictKind::Verbatim,
        VerdictKind::Variant,
        VerdictKind::Elided,
        VerdictKind::Paraphrase,
        VerdictKind::Unattributed,
        VerdictKind::UnknownSpeaker,
        VerdictKind::NotFound,
        VerdictKind::Altered,
        VerdictKind::Misattributed,
    ];

    /// The verdict's name as in reports.
    pub fn name(self) -> &'static str {
        match self {
            VerdictKind::Verbatim => "verbatim",
            VerdictKind::Variant => "variant",
            VerdictKind::Elided => "elided",
            VerdictKind::Paraphrase => "paraphrase",
            VerdictKind::Unattributed => "unattributed",
            VerdictKind::UnknownSpeaker => "unknown-speaker",
            VerdictKind::NotFound => "not-found",
            VerdictKind::Altered => "altered",
            VerdictKind::Misattributed => "misattributed",
        }
    }

    /// Whether the words were confirmed as the speaker's (verbatim, variant or elided).
    pub fn is_confirmed(self) -> bool {
        self <= VerdictKind::Elided
    }
}

/// The judgement of one quotation.
#[derive(Debug, Clone)]
pub struct Verdict {
    /// The verdict.
    pub kind: VerdictKind,
    /// Confidence in [0, 1].
    pub score: f64,
    /// The statement the verdict rests on (for `not-found`: the closest one), with the alignment.
    pub evidence: Option<Evidence>,
}

/// A statement and how the quote aligns with it.
#[derive(Debug, Clone)]
pub struct Evidence {
    /// Index into [`Corpus::statements`].
    pub statement: usize,
    /// The alignment of the quote against it.
    pub alignment: Alignment,
}

/// Below this weighted share of its words matched, a quote is not an alteration of a statement but not found.
const ALTERED_MIN_COVERAGE: f64 = 0.6;
/// Quotes shorter than this many words are only ever verbatim, variant or elided.
const ALTERED_MIN_WORDS: usize = 3;

/// What one alignment says on its own.
fn classify(quote: &[Word], alignment: &Alignment) -> Option<VerdictKind> {
    let whole = alignment.matched == quote.len();
    if alignment.edits.is_empty() && whole {
        return Some(if alignment.minor_differences {
            VerdictKind::Variant
        } else {
            VerdictKind::Verbatim
        });
    }
    let marks = |m: EditMark| alignment.edits.iter().any(|e| e.mark == m);
    if !marks(EditMark::Unmarked) {
        if marks(EditMark::Ellipsis) || marks(EditMark::Brackets) {
            return Some(VerdictKind::Elided);
        }
        return Some(VerdictKind::Variant);
    }
    (quote.len() >= ALTERED_MIN_WORDS && alignment.coverage >= ALTERED_MIN_COVERAGE)
        .then_some(VerdictKind::Altered)
}

/// The score of a verdict reached on `alignment`.
fn score(kind: VerdictKind, alignment: &Alignment) -> f64 {
    let edits = alignment.edits.len() as f64;
    let value = match kind {
        VerdictKind::Verbatim => 1.0,
        VerdictKind::Variant => 0.95 - 0.02 * edits,
        VerdictKind::Elided => 0.9 - 0.02 * edits,
        _ => alignment.coverage,
    };
    (value.clamp(0.0, 1.0) * 100.0).round() / 100.0
}

/// Judges quotations against one corpus.
pub struct Matcher<'a> {
    corpus: &'a Corpus,
    index: &'a CorpusIndex,
}

struct Best {
    kind: Option<VerdictKind>,
    evidence: Evidence,
}

impl<'a> Matcher<'a> {
    /// A matcher over `corpus` and its `index`.
    pub fn new(corpus: &'a Corpus, index: &'a CorpusIndex) -> Self {
        Matcher { corpus, index }
    }

    /// The best-aligned statement among those `allowed`, ranked by verdict, then coverage.
    fn best(&self, quote: &[Word], allowed: impl Fn(usize) -> bool) -> Option<Best> {
        let mut best: Option<Best> = None;
        for statement in self.index.candidates(quote, allowed) {
            let words = &self.index.statement_words[statement];
            let Some(alignment) = align(quote, words, |w| self.index.idf(w)) else {
                continue;
            };
            let kind = classify(quote, &alignment);
            let rank = |k: Option<VerdictKind>| k.map_or(usize::MAX, |k| k as usize);
            let better = best.as_ref().is_none_or(|b| {
                (rank(kind), -alignment.coverage) < (rank(b.kind), -b.evidence.alignment.coverage)
            });
            if better {
                best = Some(Best {
                    kind,
                    evidence: Evidence {
                        statement,
                        alignment,
                    },
                });
            }
        }
        best
    }

    fn verdict(kind: VerdictKind, evidence: Option<Evidence>) -> Verdict {
        let score = match &evidence {
            Some(e) => score(kind, &e.alignment),
            None => 0.0,
        };
        Verdict {
            kind,
            score,
            evidence,
        }
    }

    /// Judges the quotation `text` attributed to `speaker`.
    pub fn judge(&self, text: &str, base: usize, speaker: Option<&ResolvedSpeaker>) -> Verdict {
        let quote = words(text, base);
        if quote.is_empty() {
            return Self::verdict(
                if speaker.is_some() {
                    VerdictKind::NotFound
                } else {
                    VerdictKind::Unattributed
                },
                None,
            );
        }
        let Some(speaker) = speaker else {
            // Still show who said the words, when someone did.
            let found = self
                .best(&quote, |_| true)
                .filter(|b| b.kind.is_some_and(VerdictKind::is_confirmed));
            return Self::verdict(VerdictKind::Unattributed, found.map(|b| b.evidence));
        };
        let scope = self.scope(speaker);
        let own = match &scope {
            Some(in_scope) => self.best(&quote, in_scope),
            None => None,
        };
        if let Some(own) = &own
            && let Some(kind) = own.kind.filter(|k| k.is_confirmed())
        {
            return Self::verdict(kind, Some(own.evidence.clone()));
        }
        let elsewhere = self
            .best(&quote, |s| {
                scope.as_ref().is_none_or(|in_scope| !in_scope(s))
            })
            .filter(|b| b.kind.is_some_and(VerdictKind::is_confirmed));
        if let Some(other) = elsewhere {
            let score = other
                .kind
                .map_or(0.0, |k| score(k, &other.evidence.alignment));
            return Verdict {
                kind: VerdictKind::Misattributed,
                score,
                evidence: Some(other.evidence),
            };
        }
        match (scope, own) {
            (None, _) => Self::verdict(VerdictKind::UnknownSpeaker, None),
            (Some(_), Some(own)) if own.kind == Some(VerdictKind::Altered) => {
                Self::verdict(VerdictKind::Altered, Some(own.evidence))
            }
            (Some(_), own) => {
                let closest = own.map(|b| b.evidence);
                let score = closest
                    .as_ref()
                    .map_or(0.0, |e| (e.alignment.coverage * 100.0).round() / 100.0);
                Verdict {
                    kind: VerdictKind::NotFound,
                    score,
                    evidence: closest,
                }
            }
        }
    }

    /// The statements a speaker's quote is looked up in first, or `None` when
    /// the speaker is not in the corpus.
    ///
    /// A corpus speaker's scope is their statements, alone or joint. A
    /// document with no corpus speaker (`a joint statement`) is looked up
    /// among written statements: joint ones when the mention says "joint".
    fn scope(&self, speaker: &ResolvedSpeaker) -> Option<Box<dyn Fn(usize) -> bool + 'a>> {
        let corpus = self.corpus;
        if let Some(id) = speaker.corpus_speaker {
            return Some(Box::new(move |s| {
                corpus.statements[s].speakers.contains(&id)
            }));
        }
        if speaker.entity != EntityKind::Document {
            return None;
        }
        let joint = speaker.name.to_lowercase().contains("joint");
        Some(Box::new(move |s| {
            let statement = &corpus.statements[s];
            let kind = corpus.sources[statement.source].kind;
            kind == SourceKind::PressRelease && (!joint || statement.is_joint())
        }))
    }
}
