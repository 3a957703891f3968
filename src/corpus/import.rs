//! Importers: real material in, corpus files out.
//!
//! `import_jsonl` reads statements as JSON Lines (`id`, `speaker`, `text`,
//! `source` URL, `date`, optional `title`) and writes one new corpus file.
//! Speakers are mapped to the corpus's ids by name or alias, new ones are
//! created; statements whose id the corpus (or the import) already has are
//! skipped and counted; a bad line is reported with its line number and the
//! rest imported. An existing file is never overwritten.

use std::collections::HashSet;
use std::fs;
use std::hash::Hasher;
use std::path::{Path, PathBuf};

use rustc_hash::{FxHashMap, FxHasher};
use serde::{Deserialize, Serialize};
use thiserror::Error;

use super::model::{Corpus, Date, SourceKind};
use crate::atomic::write_new;

/// Why an import could not be done at all.
#[derive(Debug, Error)]
pub enum ImportError {
    /// An input could not be read.
    #[error("{file}: cannot read: {source}")]
    Read {
        /// The input.
        file: String,
        /// The underlying error.
        source: std::io::Error,
    },
    /// The output file could not be written (it exists, or the folder is not writable).
    #[error("{file}: cannot write: {source}")]
    Write {
        /// The output file.
        file: String,
        /// The underlying error.
        source: std::io::Error,
    },
    /// The generated YAML could not be serialized.
    #[error("cannot serialize the corpus file: {0}")]
    Serialize(#[from] serde_yaml::Error),
    /// Nothing in the inputs could be imported.
    #[error("nothing to import: no valid statement in the input")]
    Nothing,
}

/// A line that could not be imported.
#[derive(Debug, Clone, Error)]
#[error("{file}:{line}: {message}")]
pub struct LineError {
    /// The input file.
    pub file: String,
    /// 1-based line number.
    pub line: usize,
    /// What is wrong.
    pub message: String,
}

/// What an import did.
#[derive(Debug, Clone, Default)]
pub struct ImportSummary {
    /// The corpus file written.
    pub written: PathBuf,
    /// Statements imported.
    pub statements: usize,
    /// Sources created.
    pub sources: usize,
    /// Speakers created (others were matched to existing corpus speakers).
    pub new_speakers: usize,
    /// Statements skipped because their id was already taken.
    pub duplicates: usize,
    /// Lines that could not be imported.
    pub errors: Vec<LineError>,
}

/// One statement as JSON Lines give it.
#[derive(Debug, Deserialize)]
struct Record {
    id: String,
    speaker: String,
    text: String,
    source: String,
    date: String,
    #[serde(default)]
    title: Option<String>,
    /// Where the statement was taken from, when there is no URL (a repository file).
    #[serde(default)]
    doc: Option<String>,
}

#[derive(Debug, Serialize)]
struct FileOut {
    #[serde(skip_serializing_if = "Vec::is_empty")]
    speakers: Vec<SpeakerOut>,
    sources: Vec<SourceOut>,
}

#[derive(Debug, Serialize)]
struct SpeakerOut {
    id: String,
    name: String,
    kind: &'static str,
}

#[derive(Debug, Serialize)]
struct SourceOut {
    id: String,
    title: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    url: Option<String>,
    date: String,
    kind: SourceKind,
    statements: Vec<StatementOut>,
}

#[derive(Debug, Serialize)]
struct StatementOut {
    id: String,
    speakers: Vec<String>,
    text: String,
}

/// A corpus id made of a name: lowercase ASCII letters and digits joined by hyphens.
pub fn slug(name: &str) -> String {
    let mut out = String::new();
    for c in name.chars().flat_map(char::to_lowercase) {
        if c.is_ascii_alphanumeric() {
            out.push(c);
        } else if !out.ends_with('-') && !out.is_empty() {
            out.push('-');
        }
    }
    out.trim_end_matches('-').to_string()
}

fn stable_hash(text: &str) -> u64 {
    let mut hasher = FxHasher::default();
    hasher.write(text.as_bytes());
    hasher.finish()
}

/// Imports the statements of `inputs` (JSON Lines) into a new file of
/// `corpus_dir`, named after the first input, as sources of `kind`.
pub fn import_jsonl(
    inputs: &[PathBuf],
    corpus_dir: &Path,
    existing: Option<&Corpus>,
    kind: SourceKind,
) -> Result<ImportSummary, ImportError> {
    let mut summary = ImportSummary::default();
    let mut taken_ids: HashSet<String> = existing
        .map(|c| c.statements.iter().map(|s| s.id.clone()).collect())
        .unwrap_or_default();
    let mut speaker_ids: FxHashMap<String, String> = FxHashMap::default();
    let mut used_speaker_ids: HashSet<String> = existing
        .map(|c| c.speakers.iter().map(|s| s.id.clone()).collect())
        .unwrap_or_default();
    let mut new_speakers = Vec::new();
    let mut sources: Vec<SourceOut> = Vec::new();
    let mut source_of: FxHashMap<(String, String), usize> = FxHashMap::default();

    for input in inputs {
        let file = input.display().to_string();
        let text = fs::read_to_string(input).map_err(|source| ImportError::Read {
            file: file.clone(),
            source,
        })?;
        for (n, line) in text.lines().enumerate() {
            if line.trim().is_empty() {
                continue;
            }
            let error = |message: String| LineError {
                file: file.clone(),
                line: n + 1,
                message,
            };
            let record: Record = match serde_json::from_str(line) {
                Ok(record) => record,
                Err(e) => {
                    summary.errors.push(error(format!("not a statement: {e}")));
                    continue;
                }
            };
            let problem = if record.text.trim().is_empty() {
                Some("empty text".to_string())
            } else if record.id.trim().is_empty() || record.id.chars().any(char::is_whitespace) {
                Some(format!("invalid id {:?}", record.id))
            } else if record.speaker.trim().is_empty() {
                Some("no speaker".to_string())
            } else if Date::parse(&record.date).is_none() {
                Some(format!("bad date {:?}: expected YYYY-MM-DD", record.date))
            } else {
                None
            };
            if let Some(message) = problem {
                summary.errors.push(error(message));
                continue;
            }
            if !taken_ids.insert(record.id.clone()) {
                summary.duplicates += 1;
                continue;
            }
            let speaker_name = record.speaker.trim().to_string();
            let speaker = match speaker_ids.get(&speaker_name) {
                Some(id) => id.clone(),
                None => {
                    let id = match existing.and_then(|c| c.speaker_named(&speaker_name)) {
                        Some(index) => existing
                            .map(|c| c.speakers[index].id.clone())
                            .unwrap_or_default(),
                        None => {
                            let base = slug(&speaker_name);
                            let base = if base.is_empty() {
                                "speaker".to_string()
                            } else {
                                base
                            };
                            let mut id = base.clone();
                            let mut n = 2;
                            while used_speaker_ids.contains(&id) {
                                id = format!("{base}-{n}");
                                n += 1;
                            }
                            used_speaker_ids.insert(id.clone());
                            new_speakers.push(SpeakerOut {
                                id: id.clone(),
                                name: speaker_name.clone(),
                                kind: "person",
                            });
                            id
                        }
                    };
                    speaker_ids.insert(speaker_name, id.clone());
                    id
                }
            };
            let key = (record.source.clone(), record.date.clone());
            let index = *source_of.entry(key).or_insert_with(|| {
                sources.push(SourceOut {
                    id: format!(
                        "src-{:016x}",
                        stable_hash(&format!("{} {}", record.source, record.date))
                    ),
                    title: [&record.title, &record.doc, &Some(record.source.clone())]
                        .into_iter()
                        .flatten()
                        .find(|t| !t.trim().is_empty())
                        .cloned()
                        .unwrap_or_else(|| format!("untitled source of {file}")),
                    url: Some(record.source.clone()).filter(|u| !u.trim().is_empty()),
                    date: record.date.clone(),
                    kind,
                    statements: Vec::new(),
                });
                sources.len() - 1
            });
            sources[index].statements.push(StatementOut {
                id: record.id,
                speakers: vec![speaker],
                text: record.text.trim().to_string(),
            });
            summary.statements += 1;
        }
    }
    if summary.statements == 0 {
        return Err(ImportError::Nothing);
    }
    let stem = inputs
        .first()
        .and_then(|p| p.file_stem())
        .and_then(|s| s.to_str())
        .map(slug)
        .filter(|s| !s.is_empty())
        .unwrap_or_else(|| "import".to_string());
    let dir = corpus_dir.join("imported");
    let path = dir.join(format!("{stem}.yaml"));
    summary.sources = sources.len();
    summary.new_speakers = new_speakers.len();
    let yaml = serde_yaml::to_string(&FileOut {
        speakers: new_speakers,
        sources,
    })?;
    let header = format!(
        "# Imported by `quoth corpus import` from {}.\n",
        inputs
            .iter()
            .map(|p| p.display().to_string())
            .collect::<Vec<_>>()
            .join(", ")
    );
    fs::create_dir_all(&dir)
        .and_then(|_| write_new(&path, format!("{header}{yaml}").as_bytes()))
        .map_err(|source| ImportError::Write {
            file: path.display().to_string(),
            source,
        })?;
    summary.written = path;
    Ok(summary)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::corpus::load_corpus;

    #[test]
    fn slugs_are_ids() {
        assert_eq!(slug("Donald Trump"), "donald-trump");
        assert_eq!(slug("  Kim Yo-jong!"), "kim-yo-jong");
    }

    #[test]
    fn an_import_round_trips_through_the_loader_and_reports_bad_lines() {
        let dir = std::env::temp_dir().join(format!("quoth-import-{}", std::process::id()));
        let _ = fs::remove_dir_all(&dir);
        fs::create_dir_all(&dir).unwrap();
        let input = dir.join("statements.jsonl");
        fs::write(
            &input,
            concat!(
                r#"{"id": "t-1", "speaker": "Donald Trump", "text": "We will make America great again.", "source": "https://example.org/a", "date": "2016-09-26", "doc": "x"}"#, "\n",
                r#"{"id": "t-2", "speaker": "Hillary Clinton", "text": "I have a plan.", "source": "https://example.org/a", "date": "2016-09-26"}"#, "\n",
                "not json\n",
                r#"{"id": "t-3", "speaker": "Donald Trump", "text": "  ", "source": "https://example.org/a", "date": "2016-09-26"}"#, "\n",
                r#"{"id": "t-1", "speaker": "Donald Trump", "text": "Again.", "source": "https://example.org/a", "date": "2016-09-26"}"#, "\n",
            ),
        )
        .unwrap();
        let corpus_dir = dir.join("corpus");
        let summary = import_jsonl(
            std::slice::from_ref(&input),
            &corpus_dir,
            None,
            SourceKind::Transcript,
        )
        .unwrap();
        assert_eq!(
            (
                summary.statements,
                summary.sources,
                summary.new_speakers,
                summary.duplicates
            ),
            (2, 1, 2, 1)
        );
        let lines: Vec<usize> = summary.errors.iter().map(|e| e.line).collect();
        assert_eq!(lines, [3, 4]);
        let corpus = load_corpus(std::slice::from_ref(&corpus_dir)).unwrap();
        assert_eq!(corpus.statements.len(), 2);
        assert_eq!(corpus.speakers[0].id, "donald-trump");
        // A second import of the same file never overwrites the first.
        let again = import_jsonl(&[input], &corpus_dir, Some(&corpus), SourceKind::Transcript);
        assert!(matches!(
            again,
            Err(ImportError::Write { .. }) | Err(ImportError::Nothing)
        ));
        fs::remove_dir_all(&dir).unwrap();
    }
}
