//! Figures about a corpus, for `quoth corpus stats`.

use serde::Serialize;

use super::model::{Corpus, Date};

/// Counts and ranges describing a corpus.
#[derive(Debug, Clone, Serialize)]
pub struct CorpusStats {
    /// Number of corpus files read.
    pub files: usize,
    /// Number of speakers.
    pub speakers: usize,
    /// Number of sources.
    pub sources: usize,
    /// Number of statements.
    pub statements: usize,
    /// Statements issued jointly by more than one speaker.
    pub joint_statements: usize,
    /// Words over all statements.
    pub words: usize,
    /// Earliest source date.
    pub first_date: Option<Date>,
    /// Latest source date.
    pub last_date: Option<Date>,
    /// Statements per speaker, most first, then by name.
    pub by_speaker: Vec<SpeakerCount>,
}

/// How many statements one speaker has.
#[derive(Debug, Clone, Serialize)]
pub struct SpeakerCount {
    /// Speaker id.
    pub id: String,
    /// Display name.
    pub name: String,
    /// Statements made alone or jointly.
    pub statements: usize,
}

impl CorpusStats {
    /// Computes the figures for `corpus`.
    pub fn of(corpus: &Corpus) -> Self {
        let mut per_speaker = vec![0usize; corpus.speakers.len()];
        for statement in &corpus.statements {
            for &speaker in &statement.speakers {
                per_speaker[speaker] += 1;
            }
        }
        let mut by_speaker: Vec<SpeakerCount> = corpus
            .speakers
            .iter()
            .zip(per_speaker)
            .map(|(s, statements)| SpeakerCount {
                id: s.id.clone(),
                name: s.name.clone(),
                statements,
            })
            .collect();
        by_speaker.sort_by(|a, b| b.statements.cmp(&a.statements).then(a.name.cmp(&b.name)));
        CorpusStats {
            files: corpus.files.len(),
            speakers: corpus.speakers.len(),
            sources: corpus.sources.len(),
            statements: corpus.statements.len(),
            joint_statements: corpus.statements.iter().filter(|s| s.is_joint()).count(),
            words: corpus
                .statements
                .iter()
                .map(|s| s.text.split_whitespace().count())
                .sum(),
            first_date: corpus.sources.iter().map(|s| s.date).min(),
            last_date: corpus.sources.iter().map(|s| s.date).max(),
            by_speaker,
        }
    }
}
