//! An in-memory inverted index over the corpus's normalised words, for
//! retrieving the few statements worth aligning a quote against.

use std::collections::HashMap;

use super::normalize::{Word, words};
use crate::corpus::Corpus;

/// Statements tokenized once, with postings and inverse document frequencies.
#[derive(Debug, Clone)]
pub struct CorpusIndex {
    /// The words of each statement, by statement index.
    pub statement_words: Vec<Vec<Word>>,
    postings: HashMap<String, Vec<u32>>,
    statements: usize,
}

/// How many candidates a lookup returns at most.
pub const MAX_CANDIDATES: usize = 64;

impl CorpusIndex {
    /// Indexes every statement of `corpus`.
    pub fn build(corpus: &Corpus) -> Self {
        let statement_words: Vec<Vec<Word>> = corpus
            .statements
            .iter()
            .map(|s| words(&s.text, 0))
            .collect();
        let mut postings: HashMap<String, Vec<u32>> = HashMap::new();
        for (i, ws) in statement_words.iter().enumerate() {
            for w in ws {
                let list = postings.entry(w.norm.clone()).or_default();
                if list.last() != Some(&(i as u32)) {
                    list.push(i as u32);
                }
            }
        }
        CorpusIndex {
            statement_words,
            postings,
            statements: corpus.statements.len(),
        }
    }

    /// Inverse document frequency of a normalised word: rare words weigh more.
    pub fn idf(&self, norm: &str) -> f64 {
        let df = self.postings.get(norm).map_or(0, Vec::len) as f64;
        ((self.statements as f64 + 1.0) / (df + 1.0)).ln() + 1.0
    }

    /// The statements sharing the most weight of words with `quote`, among those
    /// `allowed` lets through, best first.
    pub fn candidates(&self, quote: &[Word], allowed: impl Fn(usize) -> bool) -> Vec<usize> {
        let mut weight: HashMap<u32, f64> = HashMap::new();
        let mut seen = std::collections::HashSet::new();
        for w in quote {
            if !seen.insert(w.norm.as_str()) {
                continue;
            }
            if let Some(list) = self.postings.get(&w.norm) {
                let idf = self.idf(&w.norm);
                for &s in list {
                    if allowed(s as usize) {
                        *weight.entry(s).or_default() += idf;
                    }
                }
            }
        }
        let mut ranked: Vec<(u32, f64)> = weight.into_iter().collect();
        ranked.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
        ranked.truncate(MAX_CANDIDATES);
        ranked.into_iter().map(|(s, _)| s as usize).collect()
    }
}
