//! Importers: real material in, corpus files out.
//!
//! `corpus import` reads statements from JSON Lines, Quotebank's JSON
//! Lines, CSV with a header, or speaker-turn transcripts (readers in
//! `formats`), and writes one new corpus file; `corpus add` writes one
//! statement given on the command line. Speakers are mapped to the corpus's
//! ids (by name or alias, by a transcript label's surname, or through a
//! speaker map) and created where there is none; a statement whose id, or
//! whose speaker and words, the corpus or the import already has is skipped
//! and counted; a bad line is reported with its line number and the rest
//! imported. An existing file is never overwritten.

mod formats;

use std::collections::HashSet;
use std::fs;
use std::hash::Hasher;
use std::path::{Path, PathBuf};

use rustc_hash::{FxHashMap, FxHasher};
use serde::Serialize;
use thiserror::Error;

use super::model::{Corpus, Date, Provenance, SourceKind};
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
    #[error(
        "nothing to import: no new valid statement in the input ({duplicates} already in the corpus, {} lines with errors)",
        errors.len()
    )]
    Nothing {
        /// Statements skipped as already present.
        duplicates: usize,
        /// The lines that could not be imported.
        errors: Vec<LineError>,
    },
    /// The one statement of `corpus add` was refused.
    #[error("{0}")]
    Refused(LineError),
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
    /// Statements skipped because their id, or their speaker and words, were already there.
    pub duplicates: usize,
    /// Transcript turns left out (questions that no speaker map names).
    pub skipped_turns: usize,
    /// Lines that could not be imported.
    pub errors: Vec<LineError>,
}

/// The formats `corpus import` reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ImportFormat {
    /// JSON Lines: `id`, `speaker`, `text`, `source` (URL), `date`, optional `title`.
    Jsonl,
    /// Quotebank's JSON Lines: `quoteID`, `quotation`, `speaker`, `date`, `urls`.
    Quotebank,
    /// CSV with a header naming a speaker and a text column.
    Csv,
    /// Speaker-turn transcripts (`SECRETARY BLINKEN: …`, `Name (00:01:02): …`, `Q:`/`A:`).
    Transcript,
}

/// How statements are imported.
#[derive(Debug, Clone)]
pub struct ImportOptions {
    /// The format of the inputs.
    pub format: ImportFormat,
    /// The kind of record the sources are.
    pub kind: SourceKind,
    /// The date of statements that carry none (transcripts, CSV without a date column).
    pub date: Option<String>,
    /// The title of sources that carry none (default: the input file's name).
    pub title: Option<String>,
    /// The URL of sources that carry none.
    pub url: Option<String>,
    /// Speaker labels or names mapped to corpus ids or names (`A` = `antony-blinken`).
    pub speaker_map: Vec<(String, String)>,
}

impl ImportOptions {
    /// Options for `format` with nothing else set.
    pub fn new(format: ImportFormat, kind: SourceKind) -> Self {
        ImportOptions {
            format,
            kind,
            date: None,
            title: None,
            url: None,
            speaker_map: Vec::new(),
        }
    }
}

/// One statement as a reader found it.
#[derive(Debug, Clone)]
pub struct Record {
    /// Its line in the input.
    pub line: usize,
    /// Its id, when the input gives one.
    pub id: Option<String>,
    /// Its speaker as the input names them (a name, an alias, a transcript label).
    pub speaker: String,
    /// The words.
    pub text: String,
    /// The source's URL.
    pub url: Option<String>,
    /// The date, `YYYY-MM-DD`.
    pub date: Option<String>,
    /// The source's title.
    pub title: Option<String>,
    /// How close the source is to the words as issued.
    pub provenance: Option<Provenance>,
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
    #[serde(skip_serializing_if = "Vec::is_empty")]
    aliases: Vec<String>,
}

#[derive(Debug, Serialize)]
struct SourceOut {
    id: String,
    title: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    url: Option<String>,
    date: String,
    kind: SourceKind,
    #[serde(skip_serializing_if = "Option::is_none")]
    provenance: Option<Provenance>,
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

/// Words that stand before a name in a transcript label and are not part of it.
const HONORIFICS: &[&str] = &[
    "mr",
    "mrs",
    "ms",
    "dr",
    "sir",
    "secretary",
    "minister",
    "president",
    "vice",
    "senator",
    "governor",
    "ambassador",
    "general",
    "spokesperson",
    "spokesman",
    "spokeswoman",
    "director",
    "chairman",
    "chairwoman",
    "chair",
    "representative",
    "rep",
    "sen",
    "gov",
    "deputy",
    "foreign",
    "defense",
    "prime",
    "state",
    "the",
    "of",
];

/// The words of a name, lowercased, without honorifics and punctuation.
fn name_words(name: &str) -> Vec<String> {
    name.split(|c: char| c.is_whitespace() || c == '.')
        .map(|w| {
            w.trim_matches(|c: char| !c.is_alphanumeric())
                .to_lowercase()
        })
        .filter(|w| !w.is_empty() && !HONORIFICS.contains(&w.as_str()))
        .collect()
}

/// A label in capitals as a name: `SECRETARY BLINKEN` → `Secretary Blinken`.
fn display_name(label: &str) -> String {
    let label = label.trim();
    if label.chars().any(char::is_lowercase) {
        return label.split_whitespace().collect::<Vec<_>>().join(" ");
    }
    label
        .split_whitespace()
        .map(|w| {
            let lower = w.to_lowercase();
            let mut chars = lower.chars();
            chars
                .next()
                .map(|c| c.to_uppercase().chain(chars).collect())
                .unwrap_or_default()
        })
        .collect::<Vec<String>>()
        .join(" ")
}

/// Collects statements into one corpus file, mapping speakers and skipping duplicates.
struct Builder<'a> {
    existing: Option<&'a Corpus>,
    options: &'a ImportOptions,
    taken_ids: HashSet<String>,
    /// (speaker id, normalised words) of every statement known.
    taken_words: HashSet<(String, String)>,
    speaker_of: FxHashMap<String, String>,
    used_speaker_ids: HashSet<String>,
    new_speakers: Vec<SpeakerOut>,
    sources: Vec<SourceOut>,
    source_of: FxHashMap<(String, String), usize>,
    summary: ImportSummary,
}

fn normalized_words(text: &str) -> String {
    text.split_whitespace()
        .map(|w| {
            w.trim_matches(|c: char| !c.is_alphanumeric())
                .to_lowercase()
        })
        .filter(|w| !w.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

impl<'a> Builder<'a> {
    fn new(existing: Option<&'a Corpus>, options: &'a ImportOptions) -> Self {
        let taken_words = existing
            .map(|c| {
                c.statements
                    .iter()
                    .flat_map(|s| {
                        let words = normalized_words(&s.text);
                        s.speakers
                            .iter()
                            .map(move |&i| (c.speakers[i].id.clone(), words.clone()))
                    })
                    .collect()
            })
            .unwrap_or_default();
        Builder {
            existing,
            options,
            taken_ids: existing
                .map(|c| c.statements.iter().map(|s| s.id.clone()).collect())
                .unwrap_or_default(),
            taken_words,
            speaker_of: FxHashMap::default(),
            used_speaker_ids: existing
                .map(|c| c.speakers.iter().map(|s| s.id.clone()).collect())
                .unwrap_or_default(),
            new_speakers: Vec::new(),
            sources: Vec::new(),
            source_of: FxHashMap::default(),
            summary: ImportSummary::default(),
        }
    }

    /// The corpus id of the speaker an input names, creating one when no
    /// existing or new speaker fits.
    fn speaker(&mut self, named: &str) -> String {
        let named = named.trim();
        if let Some(id) = self.speaker_of.get(named) {
            return id.clone();
        }
        let target = self
            .options
            .speaker_map
            .iter()
            .find(|(label, _)| label.trim().eq_ignore_ascii_case(named))
            .map_or(named, |(_, to)| to.trim());
        let id = self.existing_speaker(target).unwrap_or_else(|| {
            let name = display_name(target);
            let key = name_words(&name);
            // A new speaker met before under another spelling ("Kim Yo-jong", "KIM YO JONG").
            if let Some(speaker) = self.new_speakers.iter_mut().find(|s| {
                slug(&s.name) == slug(&name) || (!key.is_empty() && name_words(&s.name) == key)
            }) {
                if !speaker.aliases.contains(&name) && speaker.name != name {
                    speaker.aliases.push(name);
                }
                return speaker.id.clone();
            }
            let base = Some(slug(&name))
                .filter(|s| !s.is_empty())
                .unwrap_or_else(|| "speaker".into());
            let mut id = base.clone();
            let mut n = 2;
            while self.used_speaker_ids.contains(&id) {
                id = format!("{base}-{n}");
                n += 1;
            }
            self.used_speaker_ids.insert(id.clone());
            self.new_speakers.push(SpeakerOut {
                id: id.clone(),
                name,
                kind: "person",
                aliases: Vec::new(),
            });
            id
        });
        self.speaker_of.insert(named.to_string(), id.clone());
        id
    }

    /// An existing corpus speaker: by id, name or alias, or by the surname
    /// (with the honorifics of a transcript label left out) when one speaker has it.
    fn existing_speaker(&self, named: &str) -> Option<String> {
        let corpus = self.existing?;
        if let Some(s) = corpus.speakers.iter().find(|s| s.id == named) {
            return Some(s.id.clone());
        }
        if let Some(i) = corpus.speaker_named(named) {
            return Some(corpus.speakers[i].id.clone());
        }
        let words = name_words(named);
        let [surname] = words.as_slice() else {
            return None;
        };
        let mut fits = corpus.speakers.iter().filter(|s| {
            std::iter::once(&s.name)
                .chain(&s.aliases)
                .any(|n| name_words(n).last() == Some(surname))
        });
        match (fits.next(), fits.next()) {
            (Some(one), None) => Some(one.id.clone()),
            _ => None,
        }
    }

    /// Adds one record, or says why it cannot be added; `Ok(false)` for a duplicate.
    fn add(&mut self, file: &str, stem: &str, record: Record) -> Result<bool, LineError> {
        let error = |message: String| LineError {
            file: file.to_string(),
            line: record.line,
            message,
        };
        let text = record.text.split_whitespace().collect::<Vec<_>>().join(" ");
        let date = record.date.clone().or_else(|| self.options.date.clone());
        if text.is_empty() {
            return Err(error("empty text".into()));
        }
        if record.speaker.trim().is_empty() {
            return Err(error("no speaker".into()));
        }
        let Some(date) = date else {
            return Err(error(
                "no date: give one in the input or with --date".into(),
            ));
        };
        if Date::parse(&date).is_none() {
            return Err(error(format!("bad date {date:?}: expected YYYY-MM-DD")));
        }
        if let Some(id) = &record.id
            && (id.trim().is_empty() || id.chars().any(char::is_whitespace))
        {
            return Err(error(format!("invalid id {id:?}")));
        }
        let speaker = self.speaker(&record.speaker);
        if !self
            .taken_words
            .insert((speaker.clone(), normalized_words(&text)))
        {
            return Ok(false);
        }
        let id = match record.id {
            Some(id) => id,
            None => {
                let mut n = self.summary.statements + self.summary.duplicates + 1;
                let mut id = format!("{stem}-{n:04}");
                while self.taken_ids.contains(&id) {
                    n += 1;
                    id = format!("{stem}-{n:04}");
                }
                id
            }
        };
        if !self.taken_ids.insert(id.clone()) {
            return Ok(false);
        }
        let url = record.url.or_else(|| self.options.url.clone());
        let title = record
            .title
            .or_else(|| self.options.title.clone())
            .or_else(|| url.clone())
            .unwrap_or_else(|| file.to_string());
        let key = (url.clone().unwrap_or_else(|| title.clone()), date.clone());
        let kind = self.options.kind;
        let sources = &mut self.sources;
        let index = *self.source_of.entry(key).or_insert_with(|| {
            sources.push(SourceOut {
                id: format!(
                    "src-{:016x}",
                    stable_hash(&format!("{title} {url:?} {date}"))
                ),
                title,
                url,
                date,
                kind,
                provenance: record.provenance,
                statements: Vec::new(),
            });
            sources.len() - 1
        });
        self.sources[index].statements.push(StatementOut {
            id,
            speakers: vec![speaker],
            text,
        });
        self.summary.statements += 1;
        Ok(true)
    }

    /// Takes every record of a reader's result.
    fn take(&mut self, file: &str, stem: &str, read: formats::Read) {
        self.summary.errors.extend(read.errors);
        self.summary.skipped_turns += read.skipped_turns;
        for record in read.records {
            match self.add(file, stem, record) {
                Ok(true) => {}
                Ok(false) => self.summary.duplicates += 1,
                Err(e) => self.summary.errors.push(e),
            }
        }
    }

    /// Writes the file as `path`, which must not exist.
    fn write(mut self, path: &Path, header: &str) -> Result<ImportSummary, ImportError> {
        if self.summary.statements == 0 {
            return Err(ImportError::Nothing {
                duplicates: self.summary.duplicates,
                errors: self.summary.errors,
            });
        }
        self.summary.sources = self.sources.len();
        self.summary.new_speakers = self.new_speakers.len();
        let yaml = serde_yaml::to_string(&FileOut {
            speakers: self.new_speakers,
            sources: self.sources,
        })?;
        let write = |path: &Path| {
            fs::create_dir_all(path.parent().unwrap_or(Path::new(".")))?;
            write_new(path, format!("{header}{yaml}").as_bytes())
        };
        write(path).map_err(|source| ImportError::Write {
            file: path.display().to_string(),
            source,
        })?;
        self.summary.written = path.to_path_buf();
        Ok(self.summary)
    }
}

/// Imports the statements of `inputs` into a new file of `corpus_dir`
/// (`imported/<first input's name>.yaml`).
pub fn import(
    inputs: &[PathBuf],
    corpus_dir: &Path,
    existing: Option<&Corpus>,
    options: &ImportOptions,
) -> Result<ImportSummary, ImportError> {
    let mut builder = Builder::new(existing, options);
    for input in inputs {
        let file = input.display().to_string();
        let text = fs::read_to_string(input).map_err(|source| ImportError::Read {
            file: file.clone(),
            source,
        })?;
        let stem = file_slug(input);
        let read = match options.format {
            ImportFormat::Jsonl => formats::jsonl(&file, &text),
            ImportFormat::Quotebank => formats::quotebank(&file, &text),
            ImportFormat::Csv => formats::csv(&file, &text),
            ImportFormat::Transcript => formats::transcript(&text, &options.speaker_map),
        };
        builder.take(&file, &stem, read);
    }
    let stem = inputs
        .first()
        .map_or_else(|| "import".to_string(), |p| file_slug(p));
    let header = format!(
        "# Imported by `quoth corpus import` from {}.\n",
        inputs
            .iter()
            .map(|p| p.display().to_string())
            .collect::<Vec<_>>()
            .join(", ")
    );
    builder.write(
        &corpus_dir.join("imported").join(format!("{stem}.yaml")),
        &header,
    )
}

fn file_slug(path: &Path) -> String {
    path.file_stem()
        .and_then(|s| s.to_str())
        .map(slug)
        .filter(|s| !s.is_empty())
        .unwrap_or_else(|| "import".to_string())
}

/// Adds one statement to the corpus in `corpus_dir`, as a new file
/// `added/<statement id>.yaml`; a statement the corpus already has (by id,
/// or by speaker and words) is refused.
pub fn add_statement(
    corpus_dir: &Path,
    existing: Option<&Corpus>,
    record: Record,
    kind: SourceKind,
) -> Result<ImportSummary, ImportError> {
    let options = ImportOptions::new(ImportFormat::Jsonl, kind);
    let mut builder = Builder::new(existing, &options);
    let mut record = record;
    if record.title.is_none() && record.url.is_none() {
        record.title = Some("Added with quoth corpus add".into());
    }
    let stem = format!("added-{}", slug(&record.speaker));
    match builder.add("command line", &stem, record.clone()) {
        Ok(true) => {}
        Ok(false) => {
            return Err(ImportError::Refused(LineError {
                file: "command line".into(),
                line: record.line,
                message:
                    "the corpus already has this statement (same id, or same speaker and words)"
                        .into(),
            }));
        }
        Err(e) => return Err(ImportError::Refused(e)),
    }
    let id = builder.sources[0].statements[0].id.clone();
    builder.write(
        &corpus_dir.join("added").join(format!("{}.yaml", slug(&id))),
        "# Added by `quoth corpus add`.\n",
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::corpus::load_corpus;

    #[test]
    fn transcript_labels_become_display_names_and_surnames() {
        assert_eq!(display_name("SECRETARY BLINKEN"), "Secretary Blinken");
        assert_eq!(display_name("Antony  Blinken"), "Antony Blinken");
        assert_eq!(name_words("MR. PRICE"), ["price"]);
        assert_eq!(name_words("Foreign Minister Motegi"), ["motegi"]);
    }

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
        let options = ImportOptions::new(ImportFormat::Jsonl, SourceKind::Transcript);
        let summary = import(std::slice::from_ref(&input), &corpus_dir, None, &options).unwrap();
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
        let again = import(&[input], &corpus_dir, Some(&corpus), &options);
        assert!(matches!(
            again,
            Err(ImportError::Nothing { duplicates: 3, .. })
        ));
        fs::remove_dir_all(&dir).unwrap();
    }
}
