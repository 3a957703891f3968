//! Paraphrase: whether reported speech carries the content of one of the
//! speaker's statements, in other words.
//!
//! The reported words and each candidate statement are reduced to content
//! words (stop words left out) and stemmed (Snowball English), for this
//! comparison only: stems never decide a verbatim verdict. The score is the
//! share of the reported content, weighted by each word's rarity in the
//! corpus (its inverse document frequency), whose stem the statement holds.

use rust_stemmers::{Algorithm, Stemmer};
use rustc_hash::FxHashSet;

use super::normalize::Word;

/// The score from which reported speech is a paraphrase of a statement.
pub const PARAPHRASE_MIN_SCORE: f64 = 0.6;

/// The fewest content words reported speech and its statement must share.
pub const PARAPHRASE_MIN_SHARED: usize = 3;

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

/// How well a statement carries reported content.
#[derive(Debug, Clone, PartialEq)]
pub struct ParaphraseScore {
    /// Weighted share of the reported content the statement holds, in [0, 1].
    pub score: f64,
    /// The reported words whose stems the statement holds, in order.
    pub shared: Vec<String>,
}

impl ParaphraseScore {
    /// Whether the score makes the statement a paraphrase source.
    pub fn is_paraphrase(&self) -> bool {
        self.score >= PARAPHRASE_MIN_SCORE && self.shared.len() >= PARAPHRASE_MIN_SHARED
    }
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
    fn is_content(word: &str) -> bool {
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
    /// by `weight` (its rarity): what [`score`] compares with statements.
    pub fn reported(&self, words: &[Word], weight: impl Fn(&str) -> f64) -> Vec<ContentWord> {
        let mut seen = FxHashSet::default();
        words
            .iter()
            .filter(|w| Self::is_content(&w.norm))
            .filter_map(|w| {
                let stem = self.stem(&w.norm);
                seen.insert(stem.clone()).then(|| ContentWord {
                    weight: weight(&w.norm),
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
    /// Its rarity in the corpus.
    pub weight: f64,
}

/// How well a statement, given as its content stems, carries the `reported`
/// content words: the share of their weight whose stem it holds.
pub fn score(reported: &[ContentWord], statement: &FxHashSet<String>) -> ParaphraseScore {
    let total: f64 = reported.iter().map(|w| w.weight).sum();
    let shared: Vec<&ContentWord> = reported
        .iter()
        .filter(|w| statement.contains(&w.stem))
        .collect();
    let held: f64 = shared.iter().map(|w| w.weight).sum();
    let score = if total > 0.0 { held / total } else { 0.0 };
    ParaphraseScore {
        score: (score * 100.0).round() / 100.0,
        shared: shared.into_iter().map(|w| w.cased.clone()).collect(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::matcher::normalize::words;

    fn score(reported: &str, statement: &str) -> ParaphraseScore {
        let content = ContentWords::default();
        let stems = content.stems(&words(statement, 0));
        super::score(&content.reported(&words(reported, 0), |_| 1.0), &stems)
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
    }
}
