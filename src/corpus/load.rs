//! Reading corpus folders: YAML files into a checked [`Corpus`], or errors with file:line:col.
//!
//! Loading is all or nothing. Every file is parsed into typed entries; ids are
//! checked for duplicates while parsing, so that the error carries the
//! position of the offending value. Speaker references are checked once all
//! files are read (a statement may name a speaker defined in another file);
//! a file with an unknown reference is parsed once more with the known ids in
//! hand, which again yields the position.

use std::cell::RefCell;
use std::collections::HashSet;
use std::fmt;
use std::fs;
use std::hash::Hasher;
use std::path::{Path, PathBuf};

use rustc_hash::FxHasher;
use serde::Deserialize;
use serde::de::{self, Deserializer};
use thiserror::Error;

use super::model::{Corpus, Date, Provenance, Source, SourceKind, Speaker, SpeakerKind, Statement};

/// The largest corpus file read, in bytes: 256 MiB (a million statements fit in far less).
pub const MAX_CORPUS_FILE_BYTES: u64 = 256 * 1024 * 1024;

/// The deepest `[`/`{` nesting accepted in a corpus file. Corpus files nest
/// two or three levels; hostile depth would make the YAML parser crawl.
const MAX_FLOW_DEPTH: usize = 64;

/// The line and column where flow nesting (`[`, `{`) outside quoted scalars
/// and comments first exceeds [`MAX_FLOW_DEPTH`].
fn too_deep(text: &str) -> Option<(usize, usize)> {
    let (mut depth, mut line, mut column) = (0usize, 1, 0);
    let mut quote: Option<char> = None;
    let mut comment = false;
    let mut prev = '\n';
    for c in text.chars() {
        column += 1;
        match (quote, c) {
            (_, '\n') => {
                line += 1;
                column = 0;
                comment = false;
            }
            _ if comment => {}
            (Some(q), c) if c == q => quote = None,
            (Some(_), _) => {}
            (None, '#') if prev.is_whitespace() => comment = true,
            (None, '"' | '\'') if prev.is_whitespace() || "[{,:".contains(prev) => quote = Some(c),
            (None, '[' | '{') => {
                depth += 1;
                if depth > MAX_FLOW_DEPTH {
                    return Some((line, column));
                }
            }
            (None, ']' | '}') => depth = depth.saturating_sub(1),
            _ => {}
        }
        prev = c;
    }
    None
}

/// File extensions read as corpus files.
pub const CORPUS_EXTENSIONS: &[&str] = &["yaml", "yml"];

/// Why a corpus could not be loaded.
#[derive(Debug, Error)]
pub enum CorpusError {
    /// The corpus folder does not exist or is not a folder.
    #[error("{dir}: corpus folder not found")]
    MissingFolder {
        /// The folder as named.
        dir: String,
    },
    /// The corpus folder holds no YAML files.
    #[error("{dir}: no corpus files (*.yaml, *.yml) in this folder")]
    EmptyFolder {
        /// The folder as named.
        dir: String,
    },
    /// A file or folder could not be read.
    #[error("{file}: cannot read: {source}")]
    Io {
        /// The file.
        file: String,
        /// The underlying error.
        source: std::io::Error,
    },
    /// A file is larger than [`MAX_CORPUS_FILE_BYTES`].
    #[error("{file}: corpus file is {} MB, larger than the 256 MB limit; split it into several files", size / 1_048_576 + 1)]
    TooLarge {
        /// The file.
        file: String,
        /// Its size in bytes.
        size: u64,
    },
    /// A file is not valid UTF-8.
    #[error("{file}: not UTF-8 text")]
    NotUtf8 {
        /// The file.
        file: String,
    },
    /// A file's content is wrong: bad YAML, a wrong type, an unknown key, a bad value.
    #[error("{file}:{line}:{column}: {message}")]
    Invalid {
        /// The file.
        file: String,
        /// 1-based line.
        line: usize,
        /// 1-based column.
        column: usize,
        /// What is wrong.
        message: String,
    },
}

/// Loads every corpus file under each of `dirs` into one corpus.
///
/// Returns every error found; a corpus with any error is not returned at all.
pub fn load_corpus(dirs: &[PathBuf]) -> Result<Corpus, Vec<CorpusError>> {
    let mut files = Vec::new();
    let mut errors = Vec::new();
    for dir in dirs {
        let name = dir.display().to_string();
        if !dir.is_dir() {
            errors.push(CorpusError::MissingFolder { dir: name });
            continue;
        }
        let before = files.len();
        if let Err(source) = collect_files(dir, &mut files) {
            errors.push(CorpusError::Io { file: name, source });
        } else if files.len() == before {
            errors.push(CorpusError::EmptyFolder { dir: name });
        }
    }
    files.sort();
    files.dedup();
    if !errors.is_empty() {
        return Err(errors);
    }

    let mut texts = Vec::new();
    for path in &files {
        let file = path.display().to_string();
        match fs::metadata(path) {
            Ok(meta) if meta.len() > MAX_CORPUS_FILE_BYTES => {
                errors.push(CorpusError::TooLarge {
                    file,
                    size: meta.len(),
                });
                continue;
            }
            _ => {}
        }
        let text = match fs::read(path) {
            Ok(bytes) => match String::from_utf8(bytes) {
                Ok(text) => text,
                Err(_) => {
                    errors.push(CorpusError::NotUtf8 { file });
                    continue;
                }
            },
            Err(source) => {
                errors.push(CorpusError::Io { file, source });
                continue;
            }
        };
        texts.push((file, text));
    }
    if !errors.is_empty() {
        return Err(errors);
    }
    load_texts(texts)
}

/// Loads a corpus from files already read: `(name, text)` pairs, in order.
/// The same checks as [`load_corpus`], for corpus text from anywhere.
pub fn load_texts(texts: Vec<(String, String)>) -> Result<Corpus, Vec<CorpusError>> {
    let mut errors = Vec::new();
    let mut parsed = Vec::new();
    let mut context = IdContext::default();
    for (file, text) in texts {
        match parse_file(&file, &text, &mut context) {
            Ok(entries) => parsed.push((file, text, entries)),
            Err(err) => errors.push(err),
        }
    }
    if !errors.is_empty() {
        return Err(errors);
    }

    let mut known = context.speakers;
    for (file, text, entries) in &parsed {
        let unknown = entries
            .sources
            .iter()
            .flat_map(|s| &s.statements)
            .flat_map(|s| &s.speakers)
            .any(|r| !known.contains(&r.0));
        if unknown {
            let mut locate = IdContext {
                known_speakers: Some(known),
                ..IdContext::default()
            };
            if let Err(err) = parse_file(file, text, &mut locate) {
                errors.push(err);
            }
            known = locate.known_speakers.unwrap_or_default();
        }
    }
    if !errors.is_empty() {
        return Err(errors);
    }
    let content_hash = {
        let mut hasher = FxHasher::default();
        for (file, text, _) in &parsed {
            let name = Path::new(file)
                .file_name()
                .and_then(|n| n.to_str())
                .unwrap_or(file);
            hasher.write(name.as_bytes());
            hasher.write_u8(0);
            hasher.write(text.as_bytes());
            hasher.write_u8(0);
        }
        hasher.finish()
    };
    Ok(assemble(
        parsed.into_iter().map(|(f, _, e)| (f, e)),
        content_hash,
    ))
}

fn collect_files(dir: &Path, files: &mut Vec<PathBuf>) -> std::io::Result<()> {
    for entry in fs::read_dir(dir)? {
        let path = entry?.path();
        let hidden = path
            .file_name()
            .and_then(|n| n.to_str())
            .is_some_and(|n| n.starts_with('.'));
        if hidden {
            continue;
        }
        if path.is_dir() {
            collect_files(&path, files)?;
        } else if path
            .extension()
            .and_then(|e| e.to_str())
            .is_some_and(|e| CORPUS_EXTENSIONS.contains(&e))
        {
            files.push(path);
        }
    }
    Ok(())
}

fn parse_file(file: &str, text: &str, context: &mut IdContext) -> Result<CorpusFile, CorpusError> {
    if let Some((line, column)) = too_deep(text) {
        return Err(CorpusError::Invalid {
            file: file.to_string(),
            line,
            column,
            message: format!("nesting deeper than {MAX_FLOW_DEPTH} levels"),
        });
    }
    CONTEXT.with(|c| *c.borrow_mut() = Some(std::mem::take(context)));
    let result = serde_yaml::from_str::<Option<CorpusFile>>(text);
    if let Some(after) = CONTEXT.with(|c| c.borrow_mut().take()) {
        *context = after;
    }
    match result {
        Ok(entries) => Ok(entries.unwrap_or_default()),
        Err(err) => {
            let (line, column) = err.location().map_or((1, 1), |l| (l.line(), l.column()));
            let message = err.to_string();
            // The position is given as file:line:col; drop yaml's own trailing copy of it.
            let message = match message.rfind(" at line ") {
                Some(cut)
                    if message[cut + 9..]
                        .split(" column ")
                        .all(|n| !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit())) =>
                {
                    message[..cut].to_string()
                }
                _ => message,
            };
            Err(CorpusError::Invalid {
                file: file.to_string(),
                line,
                column,
                message,
            })
        }
    }
}

fn assemble(parsed: impl Iterator<Item = (String, CorpusFile)>, content_hash: u64) -> Corpus {
    let mut files = Vec::new();
    let mut speakers = Vec::new();
    let mut raw_sources = Vec::new();
    for (file, entries) in parsed {
        files.push(file);
        speakers.extend(entries.speakers.into_iter().map(|s| Speaker {
            id: s.id.0,
            name: s.name.0,
            aliases: s.aliases,
            titles: s.titles,
            kind: s.kind,
            pronouns: s.pronouns,
        }));
        raw_sources.extend(entries.sources);
    }
    let speaker_index = |id: &str| speakers.iter().position(|s: &Speaker| s.id == id);
    let mut sources = Vec::new();
    let mut statements = Vec::new();
    for raw in raw_sources {
        let source = sources.len();
        for s in raw.statements {
            statements.push(Statement {
                id: s.id.0,
                speakers: s
                    .speakers
                    .iter()
                    .filter_map(|r| speaker_index(&r.0))
                    .collect(),
                source,
                text: s.text.0,
                note: s.note,
            });
        }
        sources.push(Source {
            id: raw.id.0,
            title: raw.title.0,
            url: raw.url.map(|u| u.0),
            date: raw.date,
            kind: raw.kind,
            provenance: raw.provenance,
            note: raw.note,
        });
    }
    Corpus::new(speakers, sources, statements, files, content_hash)
}

/// Ids seen so far while parsing, consulted by the id types' deserializers.
#[derive(Debug, Default)]
struct IdContext {
    speakers: HashSet<String>,
    sources: HashSet<String>,
    statements: HashSet<String>,
    known_speakers: Option<HashSet<String>>,
}

thread_local! {
    static CONTEXT: RefCell<Option<IdContext>> = const { RefCell::new(None) };
}

#[derive(Clone, Copy)]
enum IdKind {
    Speaker,
    Source,
    Statement,
}

impl fmt::Display for IdKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            IdKind::Speaker => "speaker",
            IdKind::Source => "source",
            IdKind::Statement => "statement",
        })
    }
}

fn check_id<E: de::Error>(id: &str) -> Result<(), E> {
    if id.is_empty() || id.chars().any(char::is_whitespace) {
        return Err(E::custom(format!(
            "invalid id {id:?}: ids are non-empty and hold no spaces"
        )));
    }
    Ok(())
}

fn define_id<'de, D: Deserializer<'de>>(deserializer: D, kind: IdKind) -> Result<String, D::Error> {
    let id = String::deserialize(deserializer)?;
    check_id(&id)?;
    let fresh = CONTEXT.with(|c| {
        c.borrow_mut().as_mut().is_none_or(|ctx| {
            let set = match kind {
                IdKind::Speaker => &mut ctx.speakers,
                IdKind::Source => &mut ctx.sources,
                IdKind::Statement => &mut ctx.statements,
            };
            set.insert(id.clone())
        })
    });
    if !fresh {
        return Err(de::Error::custom(format!("duplicate {kind} id {id:?}")));
    }
    Ok(id)
}

macro_rules! defined_id {
    ($name:ident, $kind:expr) => {
        #[derive(Debug)]
        struct $name(String);
        impl<'de> Deserialize<'de> for $name {
            fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
                define_id(d, $kind).map($name)
            }
        }
    };
}

defined_id!(SpeakerId, IdKind::Speaker);
defined_id!(SourceId, IdKind::Source);
defined_id!(StatementId, IdKind::Statement);

/// A statement's reference to a speaker id.
#[derive(Debug)]
struct SpeakerRef(String);

impl<'de> Deserialize<'de> for SpeakerRef {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let id = String::deserialize(d)?;
        check_id(&id)?;
        let known = CONTEXT.with(|c| {
            c.borrow()
                .as_ref()
                .and_then(|ctx| ctx.known_speakers.as_ref().map(|k| k.contains(&id)))
        });
        if known == Some(false) {
            return Err(de::Error::custom(format!(
                "unknown speaker {id:?}: no speaker with this id is defined in the corpus"
            )));
        }
        Ok(SpeakerRef(id))
    }
}

/// A string that must hold more than whitespace.
#[derive(Debug)]
struct Text(String);

impl<'de> Deserialize<'de> for Text {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let text = String::deserialize(d)?;
        if text.trim().is_empty() {
            return Err(de::Error::custom("empty text"));
        }
        Ok(Text(text.trim().to_string()))
    }
}

impl<'de> Deserialize<'de> for Date {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let text = String::deserialize(d)?;
        Date::parse(&text).ok_or_else(|| {
            de::Error::custom(format!(
                "bad date {text:?}: expected a calendar date as YYYY-MM-DD"
            ))
        })
    }
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct CorpusFile {
    #[serde(default)]
    speakers: Vec<SpeakerEntry>,
    #[serde(default)]
    sources: Vec<SourceEntry>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct SpeakerEntry {
    id: SpeakerId,
    name: Text,
    kind: SpeakerKind,
    #[serde(default)]
    aliases: Vec<String>,
    #[serde(default)]
    titles: Vec<String>,
    #[serde(default)]
    pronouns: Option<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct SourceEntry {
    id: SourceId,
    title: Text,
    #[serde(default)]
    url: Option<Text>,
    date: Date,
    kind: SourceKind,
    #[serde(default)]
    provenance: Option<Provenance>,
    #[serde(default)]
    note: Option<String>,
    statements: Vec<StatementEntry>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct StatementEntry {
    id: StatementId,
    speakers: Vec<SpeakerRef>,
    text: Text,
    #[serde(default)]
    note: Option<String>,
}

#[cfg(test)]
mod tests {
    use super::*;

    fn corpus_with(files: &[(&str, &str)]) -> Result<Corpus, Vec<CorpusError>> {
        let dir = std::env::temp_dir().join(format!(
            "quoth-corpus-test-{}-{}",
            std::process::id(),
            files[0].0
        ));
        let _ = fs::remove_dir_all(&dir);
        fs::create_dir_all(&dir).unwrap();
        for (name, text) in files {
            fs::write(dir.join(name), text).unwrap();
        }
        let result = load_corpus(std::slice::from_ref(&dir));
        fs::remove_dir_all(&dir).unwrap();
        result
    }

    const SPEAKERS: &str = "speakers:\n  - id: ann\n    name: Ann Lee\n    kind: person\n";

    fn source(statement: &str) -> String {
        format!(
            "sources:\n  - id: s1\n    title: T\n    url: https://example.org\n    date: 2021-03-16\n    kind: transcript\n    statements:\n{statement}"
        )
    }

    fn only_error(result: Result<Corpus, Vec<CorpusError>>) -> String {
        let errors = result.unwrap_err();
        assert_eq!(errors.len(), 1, "{errors:?}");
        let message = errors[0].to_string();
        message[message.rfind(".yaml:").unwrap() + 5..].to_string()
    }

    #[test]
    fn a_good_corpus_loads_across_files() {
        let corpus = corpus_with(&[
            ("a-speakers.yaml", SPEAKERS),
            (
                "b-source.yaml",
                &source("      - id: x1\n        speakers: [ann]\n        text: Hello there.\n"),
            ),
        ])
        .unwrap();
        assert_eq!(corpus.statements[0].speakers, vec![0]);
        assert_eq!(corpus.sources[0].date.to_string(), "2021-03-16");
    }

    #[test]
    fn an_unknown_speaker_is_located() {
        let error = only_error(corpus_with(&[
            ("c-speakers.yaml", SPEAKERS),
            (
                "d-source.yaml",
                &source("      - id: x1\n        speakers: [ann, bob]\n        text: Hi.\n"),
            ),
        ]));
        assert!(
            error.starts_with(":9:19: sources[0].statements[0].speakers: unknown speaker \"bob\""),
            "{error}"
        );
    }

    #[test]
    fn a_duplicate_id_is_located() {
        let error = only_error(corpus_with(&[(
            "e.yaml",
            &format!(
                "{SPEAKERS}{}",
                source(
                    "      - id: x1\n        speakers: [ann]\n        text: A.\n      - id: x1\n        speakers: [ann]\n        text: B.\n"
                )
            ),
        )]));
        assert!(
            error.starts_with(":15:9: sources[0].statements[1]: duplicate statement id \"x1\""),
            "{error}"
        );
    }

    #[test]
    fn empty_text_bad_dates_unknown_keys_and_wrong_types_are_located() {
        let cases = [
            (
                "      - id: x1\n        speakers: [ann]\n        text: '  '\n",
                ":12:9: sources[0].statements[0]: empty text",
            ),
            (
                "      - id: x1\n        speakers: [ann]\n        text: A.\n        mood: happy\n",
                ":15:9: sources[0].statements[0]: unknown field `mood`",
            ),
            (
                "      - id: x1\n        speakers: ann\n        text: A.\n",
                ":13:19: sources[0].statements[0].speakers: invalid type: string \"ann\", expected a sequence",
            ),
        ];
        for (i, (statement, expected)) in cases.iter().enumerate() {
            let name = format!("f{i}.yaml");
            let error = only_error(corpus_with(&[(
                &name,
                &format!("{SPEAKERS}{}", source(statement)),
            )]));
            assert!(error.starts_with(expected), "{error}");
        }
        let bad_date = source("      - id: x1\n        speakers: [ann]\n        text: A.\n")
            .replace("2021-03-16", "2021-02-30");
        let error = only_error(corpus_with(&[("g.yaml", &format!("{SPEAKERS}{bad_date}"))]));
        assert!(
            error.starts_with(":6:5: sources[0]: bad date \"2021-02-30\""),
            "{error}"
        );
    }

    #[test]
    fn malformed_yaml_is_located() {
        let error = only_error(corpus_with(&[(
            "h.yaml",
            "speakers:\n  - id: ann\n    name: \"unclosed\n",
        )]));
        assert!(
            error.starts_with(":4:1: found unexpected end of stream"),
            "{error}"
        );
    }
}
