//! Match: look each quotation up in the corpus and judge it (SPEC "Verdicts").
//!
//! Candidates come from an inverted index over the statements' words; each is
//! aligned word by word against the whole quote ([`align`]), and the best
//! alignment decides the verdict. A lookup is scoped to the attributed
//! speaker first, then runs across the corpus to find misattributions.

pub mod align;
pub mod cache;
pub mod index;
pub mod normalize;
pub mod paraphrase;
mod spelling;

use std::sync::OnceLock;

use rustc_hash::FxHashSet;
use serde::{Deserialize, Serialize};
use unicode_segmentation::UnicodeSegmentation;

use crate::corpus::{Corpus, SourceKind};
use crate::extract::lexicon::Lexicon;
use crate::extract::marks::{MarkProblem, Quoted, pair_marks};
use crate::resolve::{EntityKind, ResolvedSpeaker};
use crate::span::Span;
use align::{Alignment, EditMark, EditOp, align};
pub use index::CorpusIndex;
use normalize::{Word, words};

/// The verdicts of SPEC "Verdicts", in the documented order from best to worst
/// (the order `--fail-on` uses).
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    PartialOrd,
    Ord,
    Hash,
    Serialize,
    Deserialize,
    clap::ValueEnum,
)]
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

    /// The verdict's name as words: `not found` for `not-found`.
    pub fn label(self) -> &'static str {
        match self {
            VerdictKind::UnknownSpeaker => "unknown speaker",
            VerdictKind::NotFound => "not found",
            other => other.name(),
        }
    }

    /// What the verdict means, in one sentence for readers of a report.
    pub fn meaning(self) -> &'static str {
        match self {
            VerdictKind::Verbatim => "The words are a contiguous run of the speaker's statement.",
            VerdictKind::Variant => {
                "As the speaker said them, but for case, punctuation or a spelling slip."
            }
            VerdictKind::Elided => {
                "As the speaker said them once the ellipses and square brackets are applied."
            }
            VerdictKind::Paraphrase => "The speaker's content in other words.",
            VerdictKind::Unattributed => "No speaker could be found in the story.",
            VerdictKind::UnknownSpeaker => {
                "The speaker is not in the corpus, and no one there said these words."
            }
            VerdictKind::NotFound => "The speaker is in the corpus, but nothing there matches.",
            VerdictKind::Altered => "Words added, dropped or changed without marking.",
            VerdictKind::Misattributed => {
                "The words are in the corpus, but someone else said them."
            }
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
    /// For reported speech: its words whose content the statement holds (why it matched).
    pub shared: Vec<String>,
}

/// A statement and how the quote aligns with it.
#[derive(Debug, Clone)]
pub struct Evidence {
    /// Index into [`Corpus::statements`].
    pub statement: usize,
    /// The last of the statements of the same source that follow `statement`
    /// and that the quote runs on into; the alignment's statement spans then
    /// index their texts, from `statement` to it, joined by spaces.
    pub through: Option<usize>,
    /// The alignment of the quote against it.
    pub alignment: Alignment,
}

impl Evidence {
    /// The text the alignment's statement spans index: the statement, joined
    /// with those that follow when the quote runs on into them.
    pub fn text<'c>(&self, corpus: &'c Corpus) -> std::borrow::Cow<'c, str> {
        let first = &corpus.statements[self.statement].text;
        match self.through {
            Some(last) => (self.statement..=last)
                .map(|s| corpus.statements[s].text.as_str())
                .collect::<Vec<_>>()
                .join(" ")
                .into(),
            None => first.into(),
        }
    }

    /// The statement that follows the first, when the quote runs on into it.
    pub fn next(&self) -> Option<usize> {
        self.through.map(|_| self.statement + 1)
    }
}

/// Below this weighted share of its words matched, a quote is not an alteration of a statement but not found.
const ALTERED_MIN_COVERAGE: f64 = 0.7;
/// Quotes shorter than this many words are only ever verbatim, variant or elided.
const ALTERED_MIN_WORDS: usize = 5;
/// An alteration shares at least this many words in a row with the statement.
const ALTERED_MIN_RUN: usize = 3;
/// Share of the quote's weight needed when the only changes are extra words at its edges.
const ALTERED_EDGE_COVERAGE: f64 = 0.8;

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
    // An alteration is a compact, anchored match: a run of words in a row, a
    // region not much longer than the quote. Extra words only at the quote's
    // edges are weak evidence (the speaker may have said the longer phrase
    // elsewhere), so they need more of the quote found.
    let anchored = alignment.longest_run >= ALTERED_MIN_RUN.min(quote.len());
    let compact = alignment.region_words <= 2 * alignment.matched + 2;
    let first = quote.first().map(|w| w.span.start);
    let last = quote.last().map(|w| w.span.end);
    let edges_only = alignment.edits.iter().all(|e| {
        e.op == EditOp::Insert
            && e.quote
                .is_some_and(|q| Some(q.start) == first || Some(q.end) == last)
    });
    let needed = if edges_only {
        ALTERED_EDGE_COVERAGE
    } else {
        ALTERED_MIN_COVERAGE
    };
    (quote.len() >= ALTERED_MIN_WORDS && anchored && compact && alignment.coverage >= needed)
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

/// Quotes shorter than this are never said to be someone else's words.
const MISATTRIBUTION_MIN_WORDS: usize = 6;
/// Nor are quotes with fewer content words than this (`There is no question
/// about it`: a common phrase however many words it has).
const MISATTRIBUTION_MIN_CONTENT: usize = 3;

/// How many candidates a corpus-wide or large-scope lookup aligns.
const CANDIDATES: usize = 24;
/// A scope this small is aligned statement by statement, without the index.
const SMALL_SCOPE: usize = 48;
/// A speaker with at most this many statements has every one scored for a
/// paraphrase; a larger scope is narrowed by the index first.
const PARAPHRASE_FULL_SCAN: usize = 5_000;
/// A quotation in marks is a quoted paraphrase only when it shares at least
/// this many content words with the statement (reported speech needs
/// [`paraphrase::PARAPHRASE_MIN_SHARED`]).
const PARAPHRASE_QUOTED_MIN_SHARED: usize = 4;

/// The statement that best carries a report's content, and how well.
struct Paraphrase {
    statement: usize,
    text_len: usize,
    found: paraphrase::ParaphraseScore,
}

impl Paraphrase {
    /// `paraphrase` when the score makes it one, else `not-found` with this
    /// closest statement; the whole statement is the excerpt.
    fn into_verdict(self) -> Verdict {
        let kind = if self.found.is_paraphrase() {
            VerdictKind::Paraphrase
        } else {
            VerdictKind::NotFound
        };
        Verdict {
            kind,
            score: self.found.score,
            evidence: Some(Evidence {
                statement: self.statement,
                through: None,
                alignment: Alignment {
                    matched: self.found.shared.len(),
                    coverage: self.found.score,
                    excerpt: Span::new(0, self.text_len),
                    edits: Vec::new(),
                    minor_differences: false,
                    region_words: 0,
                    longest_run: 0,
                },
            }),
            shared: self.found.shared,
        }
    }
}

/// Judges quotations against one corpus.
pub struct Matcher<'a> {
    corpus: &'a Corpus,
    index: &'a CorpusIndex,
    /// The statements of each speaker, by speaker index.
    by_speaker: Vec<Vec<usize>>,
    /// Content words and stems, for paraphrases.
    content: paraphrase::ContentWords,
    /// The content stems of each statement, computed the first time a
    /// paraphrase is looked for in it.
    stems: OnceLock<Vec<OnceLock<FxHashSet<String>>>>,
}

/// The statements a quote is looked up in first.
enum Scope {
    /// A corpus speaker's statements, alone or joint.
    Speaker(usize),
    /// Written statements (press releases, posts); joint ones only if `joint`.
    Written { joint: bool },
}

struct Best {
    kind: Option<VerdictKind>,
    /// Weight of the quote's words found anywhere in the statement.
    shared: f64,
    evidence: Evidence,
}

impl<'a> Matcher<'a> {
    /// A matcher over `corpus` and its `index`.
    pub fn new(corpus: &'a Corpus, index: &'a CorpusIndex) -> Self {
        let mut by_speaker = vec![Vec::new(); corpus.speakers.len()];
        for (i, statement) in corpus.statements.iter().enumerate() {
            for &speaker in &statement.speakers {
                by_speaker[speaker].push(i);
            }
        }
        Matcher {
            corpus,
            index,
            by_speaker,
            content: paraphrase::ContentWords::default(),
            stems: OnceLock::new(),
        }
    }

    fn in_scope(&self, scope: &Scope, statement: usize) -> bool {
        let statement = &self.corpus.statements[statement];
        match *scope {
            Scope::Speaker(id) => statement.speakers.contains(&id),
            Scope::Written { joint } => {
                self.corpus.sources[statement.source].kind == SourceKind::PressRelease
                    && (!joint || statement.is_joint())
            }
        }
    }

    /// The statements worth aligning `quote` against: inside `scope`, or
    /// outside it when `outside`, or anywhere when there is no scope.
    fn candidates(&self, quote: &[Word], scope: Option<&Scope>, outside: bool) -> Vec<usize> {
        match (scope, outside) {
            (Some(Scope::Speaker(id)), false) if self.by_speaker[*id].len() <= SMALL_SCOPE => {
                self.by_speaker[*id].clone()
            }
            (Some(scope), false) => {
                self.index
                    .candidates(quote, |s| self.in_scope(scope, s), CANDIDATES)
            }
            (Some(scope), true) => {
                self.index
                    .candidates(quote, |s| !self.in_scope(scope, s), CANDIDATES)
            }
            (None, _) => self.index.candidates(quote, |_| true, CANDIDATES),
        }
    }

    /// The statement that follows `statement` in its source, by the same speakers.
    fn next_in_source(&self, statement: usize) -> Option<usize> {
        let (this, next) = (
            &self.corpus.statements[statement],
            self.corpus.statements.get(statement + 1)?,
        );
        (next.source == this.source && next.speakers == this.speakers).then_some(statement + 1)
    }

    /// Aligns `quote` against `statement`, and against it joined with the
    /// statements that follow in its source while the quote runs on past the
    /// end of what is joined.
    fn align_with(
        &self,
        quote: &[Word],
        statement: usize,
        words: Vec<Word>,
    ) -> Option<(Alignment, Option<usize>)> {
        let mut best = (align(quote, &words, |w| self.index.idf(w))?, None);
        let mut joined = words;
        // The last statement joined, where it starts in the joined text, and
        // where the joined text ends.
        let (mut last, mut last_start) = (statement, 0);
        let mut text_len = self.corpus.statements[statement].text.len();
        while best.0.excerpt.end + 2 >= text_len
            && best.0.matched < quote.len()
            && let Some(next) = self.next_in_source(last)
        {
            // The last statement's closing punctuation stands before the next one's first word.
            let last_text = &self.corpus.statements[last].text;
            let after_words = joined
                .last()
                .map_or(0, |w| w.span.end.saturating_sub(last_start));
            let tail: String = last_text
                .get(after_words..)
                .unwrap_or_default()
                .chars()
                .filter(|c| !c.is_whitespace())
                .map(normalize::fold_char)
                .collect();
            let next_text = &self.corpus.statements[next].text;
            let mut rest = normalize::words(next_text, text_len + 1);
            if let Some(word) = rest.first_mut() {
                word.punct_before = tail + &word.punct_before;
            }
            joined.extend(rest);
            (last, last_start) = (next, text_len + 1);
            text_len = last_start + next_text.len();
            match align(quote, &joined, |w| self.index.idf(w)) {
                Some(longer) if longer.matched > best.0.matched => best = (longer, Some(next)),
                _ => break,
            }
        }
        Some(best)
    }

    /// The summed rarity of the quote's distinct words that `statement` holds, in any order.
    fn shared_weight(&self, quote: &[Word], statement: &[Word]) -> f64 {
        let words: rustc_hash::FxHashSet<&str> =
            statement.iter().map(|w| w.norm.as_str()).collect();
        let mut seen = rustc_hash::FxHashSet::default();
        quote
            .iter()
            .filter(|w| words.contains(w.norm.as_str()) && seen.insert(w.norm.as_str()))
            .map(|w| self.index.idf(&w.norm))
            .sum()
    }

    /// The best-aligned statement among `candidates`, ranked by verdict, then coverage.
    fn best(&self, quote: &[Word], candidates: Vec<usize>) -> Option<Best> {
        let mut best: Option<Best> = None;
        for statement in candidates {
            let words = CorpusIndex::statement_words(self.corpus, statement);
            // Shared rare words only rank statements that get no verdict.
            let shared = if best.as_ref().is_some_and(|b| b.kind.is_some()) {
                0.0
            } else {
                self.shared_weight(quote, &words)
            };
            let Some((alignment, through)) = self.align_with(quote, statement, words) else {
                continue;
            };
            let kind = classify(quote, &alignment);
            // Best verdict, then most of the quote aligned, then most rare words
            // shared; with no verdict (the closest statement of a `not-found`),
            // the rare words shared come first.
            let key = |kind: Option<VerdictKind>, coverage: f64, shared: f64| match kind {
                Some(k) => (k as usize, -coverage, -shared),
                None => (usize::MAX, -shared, -coverage),
            };
            let better = best.as_ref().is_none_or(|b| {
                key(kind, alignment.coverage, shared)
                    < key(b.kind, b.evidence.alignment.coverage, b.shared)
            });
            if better {
                best = Some(Best {
                    kind,
                    shared,
                    evidence: Evidence {
                        statement,
                        through,
                        alignment,
                    },
                });
                // Nothing beats a verbatim match.
                if kind == Some(VerdictKind::Verbatim) {
                    break;
                }
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
            shared: Vec::new(),
        }
    }

    /// Judges the quotation `text` (starting at byte `base` of its story) attributed to `speaker`.
    pub fn judge(&self, text: &str, base: usize, speaker: Option<&ResolvedSpeaker>) -> Verdict {
        let quote = words(text, base);
        if quote.is_empty() {
            let kind = if speaker.is_some() {
                VerdictKind::NotFound
            } else {
                VerdictKind::Unattributed
            };
            return Self::verdict(kind, None);
        }
        // Words found under someone else name them only when the quote is long
        // enough not to be a common phrase (`thank you very much`).
        let long_enough = || {
            quote.len() >= MISATTRIBUTION_MIN_WORDS
                && quote
                    .iter()
                    .filter(|w| paraphrase::ContentWords::is_content(&w.norm))
                    .count()
                    >= MISATTRIBUTION_MIN_CONTENT
        };
        let confirmed = |b: &Best| b.kind.is_some_and(VerdictKind::is_confirmed) && long_enough();
        let Some(speaker) = speaker else {
            // Still show who said the words, when someone did.
            let found = self
                .best(&quote, self.candidates(&quote, None, false))
                .filter(confirmed);
            return Self::verdict(VerdictKind::Unattributed, found.map(|b| b.evidence));
        };
        let scope = self.scope(speaker);
        let own = scope
            .as_ref()
            .and_then(|scope| self.best(&quote, self.candidates(&quote, Some(scope), false)));
        if let Some(own) = &own
            && let Some(kind) = own.kind.filter(|k| k.is_confirmed())
        {
            return Self::verdict(kind, Some(own.evidence.clone()));
        }
        let elsewhere = self
            .best(&quote, self.candidates(&quote, scope.as_ref(), true))
            .filter(confirmed)
            .filter(|other| !self.quotes_another(&other.evidence));
        if let Some(other) = elsewhere {
            let score = other
                .kind
                .map_or(0.0, |k| score(k, &other.evidence.alignment));
            return Verdict {
                kind: VerdictKind::Misattributed,
                score,
                evidence: Some(other.evidence),
                shared: Vec::new(),
            };
        }
        match (scope, own) {
            (None, _) => Self::verdict(VerdictKind::UnknownSpeaker, None),
            (Some(_), Some(own)) if own.kind == Some(VerdictKind::Altered) => {
                Self::verdict(VerdictKind::Altered, Some(own.evidence))
            }
            // Not the speaker's words, but one of their statements' content:
            // a quoted paraphrase.
            (Some(scope), _)
                if let Some(found) = self
                    .paraphrase(&quote, &scope)
                    .filter(|p| p.found.shared.len() >= PARAPHRASE_QUOTED_MIN_SHARED)
                    .filter(|p| p.found.is_paraphrase()) =>
            {
                found.into_verdict()
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
                    shared: Vec::new(),
                }
            }
        }
    }

    /// Judges reported speech `text` (at byte `base` of its story) attributed
    /// to `speaker`: `paraphrase` when one of the speaker's statements
    /// carries its content ([`paraphrase`]), else `not-found` with the
    /// closest; `unattributed` without a speaker, `unknown-speaker` when the
    /// speaker is not in the corpus.
    pub fn judge_reported(
        &self,
        text: &str,
        base: usize,
        speaker: Option<&ResolvedSpeaker>,
    ) -> Verdict {
        let reported = words(text, base);
        let Some(speaker) = speaker else {
            return Self::verdict(VerdictKind::Unattributed, None);
        };
        let Some(scope) = self.scope(speaker) else {
            return Self::verdict(VerdictKind::UnknownSpeaker, None);
        };
        match self.paraphrase(&reported, &scope) {
            Some(found) => found.into_verdict(),
            None => Self::verdict(VerdictKind::NotFound, None),
        }
    }

    /// The statement in `scope` that best carries the content of `reported`,
    /// when one shares any of it.
    fn paraphrase(&self, reported: &[Word], scope: &Scope) -> Option<Paraphrase> {
        let candidates;
        let statements: &[usize] = match *scope {
            Scope::Speaker(id) if self.by_speaker[id].len() <= PARAPHRASE_FULL_SCAN => {
                &self.by_speaker[id]
            }
            _ => {
                candidates =
                    self.index
                        .candidates(reported, |s| self.in_scope(scope, s), CANDIDATES * 4);
                &candidates
            }
        };
        let content = self.reported_content(reported);
        let (statement, found) = statements
            .iter()
            .map(|&s| (s, paraphrase::score(&content, self.statement_stems(s))))
            .max_by(|a, b| a.1.score.total_cmp(&b.1.score).then(b.0.cmp(&a.0)))?;
        // A statement that shares nothing with the report is no evidence.
        (!found.shared.is_empty()).then(|| Paraphrase {
            statement,
            text_len: self.corpus.statements[statement].text.len(),
            found,
        })
    }

    /// How well `statement` carries the content of reported speech `text`:
    /// the measures and probability [`paraphrase::score`] gives, whether or
    /// not the statement is the speaker's. For calibrating the paraphrase
    /// model on labelled pairs.
    pub fn paraphrase_score(&self, text: &str, statement: usize) -> paraphrase::ParaphraseScore {
        paraphrase::score(
            &self.reported_content(&words(text, 0)),
            self.statement_stems(statement),
        )
    }

    /// The content words of reported speech, weighted by the corpus.
    fn reported_content(&self, reported: &[Word]) -> Vec<paraphrase::ContentWord> {
        self.content
            .reported(reported, |w| self.index.idf(w), |w| self.index.rarity(w))
    }

    /// Whether the words `evidence` found stand inside quotation marks in its
    /// statement: its speaker was quoting someone (`Paul Ryan described that
    /// as "the textbook definition of a racist comment"`), so the words are
    /// no sign that the story's speaker did not say them. A quotation left
    /// open at the end of the statement before, in the same source, runs on
    /// into this one (a transcript cut mid-quotation). Words reported after
    /// someone else's verb of saying are quoted too ([`reported_before`]).
    fn quotes_another(&self, evidence: &Evidence) -> bool {
        let text = evidence.text(self.corpus);
        let found = evidence.alignment.excerpt;
        let (quoted, problems) = pair_marks(&text, Span::new(0, text.len()));
        let inside = |q: &Quoted| q.inner.start <= found.start + 1 && found.end <= q.inner.end + 1;
        // Before the words: no quotation opened, none closed.
        let open_from_before = || {
            quoted.iter().all(|q| q.inner.start > found.end)
                && !problems
                    .iter()
                    .any(|p| matches!(p, MarkProblem::Unopened(m) if m.span.start < found.start))
                && self.leaves_quotation_open(evidence.statement)
        };
        quoted.iter().any(inside) || open_from_before() || reported_before(&text, found)
    }

    /// Whether the statement before `statement`, in the same source, ends
    /// inside a quotation it opened.
    fn leaves_quotation_open(&self, statement: usize) -> bool {
        statement
            .checked_sub(1)
            .filter(|&before| self.next_in_source(before) == Some(statement))
            .is_some_and(|before| {
                let text = &self.corpus.statements[before].text;
                let (_, problems) = pair_marks(text, Span::new(0, text.len()));
                problems
                    .iter()
                    .any(|p| matches!(p, MarkProblem::Unclosed(_)))
            })
    }

    /// The content stems of `statement`, computed once.
    fn statement_stems(&self, statement: usize) -> &FxHashSet<String> {
        let all = self.stems.get_or_init(|| {
            (0..self.corpus.statements.len())
                .map(|_| OnceLock::new())
                .collect()
        });
        all[statement].get_or_init(|| {
            self.content
                .stems(&words(&self.corpus.statements[statement].text, 0))
        })
    }

    /// The statements a speaker's quote is looked up in first, or `None` when
    /// the speaker is not in the corpus.
    ///
    /// A corpus speaker's scope is their statements, alone or joint. A
    /// document with no corpus speaker (`a joint statement`) is looked up
    /// among written statements: joint ones when the mention says "joint".
    fn scope(&self, speaker: &ResolvedSpeaker) -> Option<Scope> {
        if let Some(id) = speaker.corpus_speaker {
            return Some(Scope::Speaker(id));
        }
        (speaker.entity == EntityKind::Document).then(|| Scope::Written {
            joint: speaker.name.to_lowercase().contains("joint"),
        })
    }
}

/// Whether the words at `found` in a statement's `text` are what someone
/// else said, reported by the statement's speaker: they follow a verb of
/// saying whose subject is not `I` or `we` (`Secretary Clinton, last week,
/// you said we've got to …`).
fn reported_before(text: &str, found: Span) -> bool {
    let lexicon = Lexicon::builtin();
    let before: Vec<&str> = text[..found.start].unicode_words().rev().take(3).collect();
    let (verb, subject) = match before.as_slice() {
        ["that", verb, subject, ..] => (verb, Some(subject)),
        ["that", verb] => (verb, None),
        [verb, subject, ..] => (verb, Some(subject)),
        [verb] => (verb, None),
        [] => return false,
    };
    Lexicon::has(&lexicon.reported_speech.say_verbs, verb)
        && !subject.is_some_and(|s| matches!(s.to_lowercase().as_str(), "i" | "we"))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn reported(text: &str, words: &str) -> bool {
        let start = text.find(words).expect("the words are in the text");
        reported_before(text, Span::new(start, start + words.len()))
    }

    #[test]
    fn words_after_someone_else_said_are_reported() {
        let text = "Secretary Clinton, last week, you said we've got to do everything possible.";
        assert!(reported(text, "we've got to do everything possible"));
        assert!(reported(
            "He said that the wall will be built.",
            "the wall will be built"
        ));
        // The speaker's own words, even after a verb of saying.
        assert!(!reported(
            "I said we're going to win.",
            "we're going to win"
        ));
        assert!(!reported(
            "I believe that we're going to win.",
            "we're going to win"
        ));
        assert!(!reported("We're going to win.", "We're going to win"));
    }
}
