//! Paraphrase: whether reported speech carries the content of one of the
//! speaker's statements, in other words.
//!
//! The reported words and each candidate statement are reduced to content
//! words (stop words left out) and stemmed (Snowball English), for this
//! comparison only: stems never decide a verbatim verdict. Two measures of
//! the statement's support are taken:
//!
//! - **coverage**: the share of the reported content, each word weighted by
//!   its rarity in the corpus (inverse document frequency), whose stem the
//!   statement holds;
//! - **rarity**: how rare the shared words are, summed, each counted by the
//!   share of the corpus's largest possible surprise it carries (near 1 for
//!   a word in a single statement of a large corpus, near 0 for a word in
//!   most), so that it does not grow with the corpus's size.
//!
//! Their product is the evidence: a report whose every word a statement
//! holds is no evidence when the words are common (`the former secretary of
//! state`), nor are a few rare words shared with a long report of something
//! else. The score is the probability a logistic model gives to the
//! evidence, fitted on hand-labelled pairs of reports and statements
//! (`cargo bench --bench paraphrase`, `docs/accuracy.md`): among such pairs,
//! the share in which the statement does carry the report's content.

use rust_stemmers::{Algorithm, Stemmer};
use rustc_hash::FxHashSet;

use super::normalize::Word;

/// The probability from which a statement is a paraphrase source.
pub const PARAPHRASE_MIN_SCORE: f64 = 0.5;

/// The fewest content words reported speech and its statement must share.
pub const PARAPHRASE_MIN_SHARED: usize = 3;

/// The fitted model: the weight of the evidence (coverage times rarity).
pub const MODEL_EVIDENCE: f64 = 3.41;
/// The fitted model: the constant term.
pub const MODEL_CONSTANT: f64 = -5.33;

/// Short function words that carry no content.
const STOP_WORDS: &[&str] = &[
    "a", "about", "after", "again", "all", "also", "am", "an", "and", "any", "are", "as", "at",
    "be", "because", "been", "before", "being", "between", "both", "but", "by", "can", "could",
    "did", "do", "does", "doing", "during", "each", "for", "from", "further", "had", "has", "have",
    "having", "he", "her", "here", "hers", "him", "his", "how", "i", "if", "in", "into", "is",
    "it", "its", "just", "may", "me", "might", "more", "most", "must", "my", "no", "nor", "not",
    "now", "of", "off", "on", "once", "only", "or", "other", "our", "ours", "out", "over", "own",
    "same", "she", "should", "so", "some", "such", "than", "that", "the", "their", "theirs",
    "them", "then", "there", "these", "they", "this", "those", "through", "to", "too", "under",
    "until", "up", "very", "was", "we", "were", "what", "when", "where", "which", "while", "who",
    "whom", "why", "will", "with", "would", "you", "your", "yours", "said", "says", "say",
];

/// How well a statement carries reported content: the measures and the
/// probability they give.
#[derive(Debug, Clone, PartialEq)]
pub struct ParaphraseScore {
    /// The probability that the statement carries the reported content, in
    /// [0, 1], two decimals.
    pub score: f64,
    /// Weighted share of the reported content the statement holds, in [0, 1].
    pub coverage: f64,
    /// The rarity of the shared words, summed (each in [0, 1)).
    pub rarity: f64,
    /// The reported words whose stems the statement holds, in order.
    pub shared: Vec<String>,
}

impl ParaphraseScore {
    /// Whether the score makes the statement a paraphrase source.
    pub fn is_paraphrase(&self) -> bool {
        self.score >= PARAPHRASE_MIN_SCORE && self.shared.len() >= PARAPHRASE_MIN_SHARED
    }

    /// The evidence the model weighs: coverage times rarity.
    pub fn evidence(&self) -> f64 {
        evidence(self.coverage, self.rarity)
    }
}

/// The evidence of a coverage and a rarity: their product.
fn evidence(coverage: f64, rarity: f64) -> f64 {
    coverage * rarity
}

/// The probability the fitted model gives to `evidence`.
pub fn probability(evidence: f64) -> f64 {
    1.0 / (1.0 + (-(MODEL_CONSTANT + MODEL_EVIDENCE * evidence)).exp())
}

/// Reduces words to stems of content words.
pub struct ContentWords {
    stemmer: Stemmer,
}

impl Default for ContentWords {
    fn default() -> Self {
        ContentWords {
            stemmer: Stemmer::create(Algorithm::English),
        }
    }
}

impl ContentWords {
    /// Whether a normalised word carries content.
    pub fn is_content(word: &str) -> bool {
        word.chars().any(char::is_alphanumeric) && !STOP_WORDS.contains(&word)
    }

    /// The stem of a normalised word.
    fn stem(&self, word: &str) -> String {
        self.stemmer.stem(word).into_owned()
    }

    /// The stems of the content words of `words`.
    pub fn stems(&self, words: &[Word]) -> FxHashSet<String> {
        words
            .iter()
            .filter(|w| Self::is_content(&w.norm))
            .map(|w| self.stem(&w.norm))
            .collect()
    }

    /// The content words of reported `words`, once per stem, each weighted
    /// by `weight` (its inverse document frequency) and `rarity`: what
    /// [`score`] compares with statements.
    pub fn reported(
        &self,
        words: &[Word],
        weight: impl Fn(&str) -> f64,
        rarity: impl Fn(&str) -> f64,
    ) -> Vec<ContentWord> {
        let mut seen = FxHashSet::default();
        words
            .iter()
            .filter(|w| Self::is_content(&w.norm))
            .filter_map(|w| {
                let stem = self.stem(&w.norm);
                seen.insert(stem.clone()).then(|| ContentWord {
                    weight: weight(&w.norm),
                    rarity: rarity(&w.norm),
                    stem,
                    cased: w.cased.clone(),
                })
            })
            .collect()
    }
}

/// A content word of reported speech.
#[derive(Debug, Clone, PartialEq)]
pub struct ContentWord {
    /// Its stem, compared with the statement's stems.
    pub stem: String,
    /// The word as the report spells it.
    pub cased: String,
    /// Its weight in the coverage: its inverse document frequency.
    pub weight: f64,
    /// Its rarity, in [0, 1).
    pub rarity: f64,
}

/// How well a statement, given as its content stems, carries the `reported`
/// content words: coverage, rarity and the model's probability.
pub fn score(reported: &[ContentWord], statement: &FxHashSet<String>) -> ParaphraseScore {
    let total: f64 = reported.iter().map(|w| w.weight).sum();
    let shared: Vec<&ContentWord> = reported
        .iter()
        .filter(|w| statement.contains(&w.stem))
        .collect();
    let held: f64 = shared.iter().map(|w| w.weight).sum();
    let coverage = if total > 0.0 { held / total } else { 0.0 };
    let rarity: f64 = shared.iter().map(|w| w.rarity).sum();
    let round = |x: f64| (x * 100.0).round() / 100.0;
    ParaphraseScore {
        score: round(probability(evidence(coverage, rarity))),
        coverage: round(coverage),
        rarity: round(rarity),
        shared: shared.into_iter().map(|w| w.cased.clone()).collect(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::matcher::normalize::words;

    /// The score of `reported` against `statement`, every word weighing the
    /// same and being as rare as `rarity`.
    fn score_with(reported: &str, statement: &str, rarity: f64) -> ParaphraseScore {
        let content = ContentWords::default();
        let statement = content.stems(&words(statement, 0));
        let reported = content.reported(&words(reported, 0), |_| 1.0, |_| rarity);
        super::score(&reported, &statement)
    }

    fn score(reported: &str, statement: &str) -> ParaphraseScore {
        score_with(reported, statement, 0.8)
    }

    #[test]
    fn the_same_content_in_other_words_is_a_paraphrase() {
        let s = score(
            "cooperation between the U.S. and Japan should promote peace and stability in Asia",
            "We believe that the U.S.-Japan cooperation should boost mutual trust and understanding as well as benefit regional peace and stability.",
        );
        assert!(s.is_paraphrase(), "{s:?}");
        assert_eq!(
            s.shared,
            ["cooperation", "U.S", "Japan", "peace", "stability"]
        );
        assert_eq!((s.coverage, s.rarity), (0.71, 4.0));
    }

    #[test]
    fn stems_match_other_forms_of_a_word() {
        let s = score(
            "the ministers criticized the coercive actions",
            "We criticize coercion and the coercive action.",
        );
        assert_eq!(s.shared, ["criticized", "coercive", "actions"]);
    }

    #[test]
    fn other_content_is_not_a_paraphrase() {
        let s = score(
            "Pyongyang could scrap an inter-Korean military peace pact",
            "We take this opportunity to warn the new U.S. administration trying hard to give off powder smell in our land.",
        );
        assert!(!s.is_paraphrase(), "{s:?}");
        assert_eq!(s.score, 0.0);
    }

    #[test]
    fn common_words_are_no_evidence_however_many_are_shared() {
        let report = "the former secretary of state";
        let statement = "She was the former secretary of state under this president.";
        let common = score_with(report, statement, 0.3);
        assert_eq!(common.coverage, 1.0);
        assert!(!common.is_paraphrase(), "{common:?}");
        let rare = score_with(report, statement, 0.9);
        assert!(rare.is_paraphrase(), "{rare:?}");
    }

    #[test]
    fn a_few_rare_words_of_a_long_report_are_no_evidence() {
        let s = score_with(
            "a new Chinese law authorizing its coast guard to fire on intruders into what it considers Chinese territorial waters",
            "The Ministers expressed serious concerns about the China Coast Guard law.",
            0.9,
        );
        assert_eq!(s.shared, ["law", "coast", "guard"]);
        assert!(!s.is_paraphrase(), "{s:?}");
    }

    #[test]
    fn the_probability_rises_with_the_evidence() {
        assert!(probability(2.0) > probability(1.0));
        assert!(probability(1.0) > probability(0.0));
        assert!(probability(0.0) < 0.01);
        assert!(probability(3.0) > 0.99);
    }
}
