//! An inverted index over the corpus's normalised words, for retrieving the
//! few statements worth aligning a quote against.
//!
//! Lookup cost grows with the postings of a quote's rarest words, not with
//! the corpus: a quote's words are looked up rarest first, and only the
//! postings of the few rarest are read. Statements are tokenized again, on
//! demand, only when they are aligned.

use rayon::prelude::*;
use rustc_hash::FxHashMap;

use super::normalize::{Word, words};
use crate::corpus::Corpus;

/// How many of a quote's rarest words are looked up.
const RARE_WORDS: usize = 8;
/// Candidates seeded per lookup before further (commoner) words stop seeding.
const SEED_BUDGET: usize = 4_000;
/// The rarest words that seed candidates up to [`SEED_CAP`] (the rarest always does).
const MIN_SEED_WORDS: usize = 2;
/// The most candidates the first seeding words may bring.
const SEED_CAP: usize = 16_000;

/// The index: a vocabulary of normalised words and, for each, the sorted ids
/// of the statements that hold it.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct CorpusIndex {
    /// Word → word id.
    pub(super) vocabulary: FxHashMap<String, u32>,
    /// Word id → start of its postings in `postings`; one entry more than words.
    pub(super) offsets: Vec<u32>,
    /// The postings of every word, one after another.
    pub(super) postings: Vec<u32>,
    /// Number of statements indexed.
    pub(super) statements: u32,
    /// The corpus content hash the index was built from.
    pub(super) corpus_hash: u64,
}

impl CorpusIndex {
    /// Indexes every statement of `corpus`, on all cores; `progress` is called
    /// with the number of statements tokenized so far.
    pub fn build(corpus: &Corpus, progress: &(dyn Fn(usize) + Sync)) -> Self {
        // Statements are tokenized in parallel a block at a time, and each block
        // merged into the postings before the next, so memory stays bounded.
        const BLOCK: usize = 1 << 16;
        let mut vocabulary: FxHashMap<String, u32> = FxHashMap::default();
        let mut lists: Vec<Vec<u32>> = Vec::new();
        for (block, statements) in corpus.statements.chunks(BLOCK).enumerate() {
            let norms: Vec<Vec<String>> = statements
                .par_iter()
                .map(|s| {
                    let mut norms: Vec<String> =
                        words(&s.text, 0).into_iter().map(|w| w.norm).collect();
                    norms.sort_unstable();
                    norms.dedup();
                    norms
                })
                .collect();
            for (offset, norms) in norms.into_iter().enumerate() {
                let statement = (block * BLOCK + offset) as u32;
                for norm in norms {
                    let next = lists.len() as u32;
                    let id = *vocabulary.entry(norm).or_insert(next);
                    if id == next {
                        lists.push(Vec::new());
                    }
                    lists[id as usize].push(statement);
                }
            }
            progress((block + 1) * BLOCK);
        }
        let mut offsets = Vec::with_capacity(lists.len() + 1);
        let mut postings = Vec::with_capacity(lists.iter().map(Vec::len).sum());
        for list in lists {
            offsets.push(postings.len() as u32);
            postings.extend(list);
        }
        offsets.push(postings.len() as u32);
        CorpusIndex {
            vocabulary,
            offsets,
            postings,
            statements: corpus.statements.len() as u32,
            corpus_hash: corpus.content_hash,
        }
    }

    /// Whether the index was built from a corpus with this content hash.
    pub fn fits(&self, corpus: &Corpus) -> bool {
        self.corpus_hash == corpus.content_hash
            && self.statements as usize == corpus.statements.len()
    }

    fn postings_of(&self, id: u32) -> &[u32] {
        let (start, end) = (self.offsets[id as usize], self.offsets[id as usize + 1]);
        &self.postings[start as usize..end as usize]
    }

    /// How many statements hold the normalised word.
    pub fn document_frequency(&self, norm: &str) -> usize {
        self.vocabulary
            .get(norm)
            .map_or(0, |&id| self.postings_of(id).len())
    }

    /// Inverse document frequency of a normalised word: rare words weigh more.
    pub fn idf(&self, norm: &str) -> f64 {
        let df = self.document_frequency(norm) as f64;
        ((self.statements as f64 + 1.0) / (df + 1.0)).ln() + 1.0
    }

    /// How rare a normalised word is, in [0, 1): the surprise of finding it
    /// in a statement drawn at random (`idf - 1`), as a share of the largest
    /// surprise this corpus can show (a word in no statement). Unlike the
    /// inverse document frequency, it does not grow with the corpus.
    pub fn rarity(&self, norm: &str) -> f64 {
        let most = (self.statements as f64 + 1.0).ln();
        if most > 0.0 {
            (self.idf(norm) - 1.0) / most
        } else {
            0.0
        }
    }

    /// Up to `limit` statements sharing the most weight of rare words with
    /// `quote`, among those `allowed` lets through, best first.
    pub fn candidates(
        &self,
        quote: &[Word],
        allowed: impl Fn(usize) -> bool,
        limit: usize,
    ) -> Vec<usize> {
        let mut rare: Vec<(u32, usize)> = quote
            .iter()
            .filter_map(|w| {
                self.vocabulary
                    .get(&w.norm)
                    .map(|&id| (id, self.postings_of(id).len()))
            })
            .collect();
        rare.sort_unstable();
        rare.dedup();
        rare.sort_unstable_by_key(|&(id, df)| (df, id));
        rare.truncate(RARE_WORDS);
        // Seed candidates from the rarest words' postings (at least two words,
        // more while cheap), then score each seed by every rare word it holds,
        // found by binary search in the sorted postings.
        let mut seeds: Vec<u32> = Vec::new();
        for (k, &(id, df)) in rare.iter().enumerate() {
            let budget = if k < MIN_SEED_WORDS {
                SEED_CAP
            } else {
                SEED_BUDGET
            };
            if k > 0 && seeds.len() + df > budget {
                break;
            }
            seeds.extend_from_slice(self.postings_of(id));
        }
        seeds.sort_unstable();
        seeds.dedup();
        let idf: Vec<f64> = rare
            .iter()
            .map(|&(_, df)| ((self.statements as f64 + 1.0) / (df as f64 + 1.0)).ln() + 1.0)
            .collect();
        let weight = seeds.into_iter().filter(|&s| allowed(s as usize)).map(|s| {
            let w: f64 = rare
                .iter()
                .zip(&idf)
                .filter(|((id, _), _)| self.postings_of(*id).binary_search(&s).is_ok())
                .map(|(_, idf)| idf)
                .sum();
            (s, w)
        });
        let mut ranked: Vec<(u32, f64)> = weight.collect();
        let by_weight = |a: &(u32, f64), b: &(u32, f64)| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0));
        if ranked.len() > limit {
            ranked.select_nth_unstable_by(limit, by_weight);
            ranked.truncate(limit);
        }
        ranked.sort_unstable_by(by_weight);
        ranked.into_iter().map(|(s, _)| s as usize).collect()
    }

    /// The words of statement `statement` of `corpus`, for alignment.
    pub fn statement_words(corpus: &Corpus, statement: usize) -> Vec<Word> {
        words(&corpus.statements[statement].text, 0)
    }
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use crate::corpus::{Date, Source, SourceKind, Speaker, SpeakerKind, Statement};

    pub(crate) fn corpus_of(texts: &[&str]) -> Corpus {
        let speaker = Speaker {
            id: "s".into(),
            name: "S".into(),
            aliases: vec![],
            titles: vec![],
            kind: SpeakerKind::Person,
            pronouns: None,
        };
        let source = Source {
            id: "src".into(),
            title: "T".into(),
            url: Some("https://example.org".into()),
            date: Date::parse("2021-03-16").unwrap(),
            kind: SourceKind::Transcript,
            provenance: None,
            note: None,
        };
        let statements = texts
            .iter()
            .enumerate()
            .map(|(i, t)| Statement {
                id: format!("st{i}"),
                speakers: vec![0],
                source: 0,
                text: t.to_string(),
                note: None,
            })
            .collect();
        Corpus::new(vec![speaker], vec![source], statements, vec![], 7)
    }

    #[test]
    fn rare_words_find_the_statement() {
        let corpus = corpus_of(&[
            "We will push back when China uses coercion.",
            "We will win the election.",
            "The weather is fine today.",
        ]);
        let index = CorpusIndex::build(&corpus, &|_| {});
        let quote = words("China uses coercion", 0);
        assert_eq!(index.candidates(&quote, |_| true, 2)[0], 0);
        assert_eq!(index.document_frequency("we"), 2);
        assert!(index.candidates(&quote, |s| s != 0, 2).is_empty());
    }
}
