//! `quoth corpus …`: validate, count, index and import.

use std::io::{self, Write};
use std::path::{Path, PathBuf};

use super::{Exit, StatsFormat, open_corpus};
use crate::corpus::import::{self, ImportOptions, Record};
use crate::corpus::{CorpusStats, load_corpus};
use crate::matcher::cache::{self, CacheOutcome};

/// Loads the corpus and reports every error.
pub(super) fn validate(dir: &std::path::Path, out: &mut impl Write) -> io::Result<Exit> {
    let Some(corpus) = open_corpus(&[dir.to_path_buf()]) else {
        return Ok(Exit::Error);
    };
    writeln!(
        out,
        "{}: ok: {} files, {} speakers, {} sources, {} statements",
        dir.display(),
        corpus.files.len(),
        corpus.speakers.len(),
        corpus.sources.len(),
        corpus.statements.len()
    )?;
    Ok(Exit::Clean)
}

/// Prints figures about the corpus.
pub(super) fn stats(
    dir: &std::path::Path,
    format: StatsFormat,
    out: &mut impl Write,
) -> io::Result<Exit> {
    let Some(corpus) = open_corpus(&[dir.to_path_buf()]) else {
        return Ok(Exit::Error);
    };
    let stats = CorpusStats::of(&corpus);
    match format {
        StatsFormat::Json => {
            serde_json::to_writer_pretty(&mut *out, &stats)?;
            writeln!(out)?;
        }
        StatsFormat::Human => {
            writeln!(out, "corpus     {}", dir.display())?;
            writeln!(out, "files      {}", stats.files)?;
            writeln!(out, "speakers   {}", stats.speakers)?;
            writeln!(out, "sources    {}", stats.sources)?;
            writeln!(
                out,
                "statements {} ({} joint)",
                stats.statements, stats.joint_statements
            )?;
            writeln!(out, "words      {}", stats.words)?;
            if let (Some(first), Some(last)) = (stats.first_date, stats.last_date) {
                writeln!(out, "dates      {first} to {last}")?;
            }
            writeln!(out, "statements by speaker:")?;
            for s in &stats.by_speaker {
                writeln!(out, "  {:>6}  {} ({})", s.statements, s.name, s.id)?;
            }
        }
    }
    Ok(Exit::Clean)
}

/// Builds the index of the corpus in `dir` and writes its cache.
pub(super) fn index(dir: &Path, out: &mut impl Write) -> io::Result<Exit> {
    let Some(corpus) = open_corpus(&[dir.to_path_buf()]) else {
        return Ok(Exit::Error);
    };
    let path = dir.join(cache::CACHE_FILE);
    let (_, outcome) = super::open_index(&corpus, &[dir.to_path_buf()], true);
    let state = match outcome {
        CacheOutcome::Loaded => "up to date",
        CacheOutcome::Built => "written",
        CacheOutcome::BuiltNotWritten(_) => "not written",
    };
    writeln!(
        out,
        "{}: index of {} statements {state}",
        path.display(),
        corpus.statements.len()
    )?;
    Ok(if state == "not written" {
        Exit::Error
    } else {
        Exit::Clean
    })
}

/// The corpus in `dir` as it stands, to map speakers and find duplicates
/// against: `Ok(None)` when there is none yet; an error (reported) when it
/// does not load.
fn existing_corpus(dir: &Path) -> Result<Option<crate::corpus::Corpus>, ()> {
    if !dir.is_dir() {
        return Ok(None);
    }
    match load_corpus(&[dir.to_path_buf()]) {
        Ok(corpus) => Ok(Some(corpus)),
        Err(errors)
            if errors
                .iter()
                .all(|e| matches!(e, crate::corpus::CorpusError::EmptyFolder { .. })) =>
        {
            Ok(None)
        }
        Err(errors) => {
            for err in &errors {
                eprintln!("quoth: {err}");
            }
            eprintln!("quoth: fix the corpus before adding to it");
            Err(())
        }
    }
}

/// Imports statements from `files` into a new file of the corpus in `dir`.
pub(super) fn import(
    files: &[PathBuf],
    dir: &Path,
    options: &ImportOptions,
    out: &mut impl Write,
) -> io::Result<Exit> {
    let Ok(existing) = existing_corpus(dir) else {
        return Ok(Exit::Error);
    };
    match import::import(files, dir, existing.as_ref(), options) {
        Ok(summary) => {
            for err in &summary.errors {
                eprintln!("quoth: {err}");
            }
            let mut line = format!(
                "{}: {} statement{} in {} source{} imported, {} new speaker{}, {} duplicate{} skipped, {} line{} with errors",
                summary.written.display(),
                summary.statements,
                plural(summary.statements),
                summary.sources,
                plural(summary.sources),
                summary.new_speakers,
                plural(summary.new_speakers),
                summary.duplicates,
                plural(summary.duplicates),
                summary.errors.len(),
                plural(summary.errors.len()),
            );
            if summary.skipped_turns > 0 {
                line.push_str(&format!(
                    ", {} question turn{} left out (map them with --speaker-map Q=NAME)",
                    summary.skipped_turns,
                    plural(summary.skipped_turns)
                ));
            }
            writeln!(out, "{line}")?;
            Ok(if summary.errors.is_empty() {
                Exit::Clean
            } else {
                Exit::Error
            })
        }
        Err(err) => {
            if let import::ImportError::Nothing { errors, .. } = &err {
                for line in errors {
                    eprintln!("quoth: {line}");
                }
            }
            eprintln!("quoth: {err}");
            Ok(Exit::Error)
        }
    }
}

/// Adds one statement to the corpus in `dir`, as a new file.
pub(super) fn add(
    dir: &Path,
    record: Record,
    kind: crate::corpus::SourceKind,
    out: &mut impl Write,
) -> io::Result<Exit> {
    let Ok(existing) = existing_corpus(dir) else {
        return Ok(Exit::Error);
    };
    match import::add_statement(dir, existing.as_ref(), record, kind) {
        Ok(summary) => {
            let speaker = if summary.new_speakers > 0 {
                " (a new speaker)"
            } else {
                ""
            };
            writeln!(
                out,
                "{}: statement added{speaker}",
                summary.written.display()
            )?;
            Ok(Exit::Clean)
        }
        Err(err) => {
            eprintln!("quoth: {err}");
            Ok(Exit::Error)
        }
    }
}

fn plural(n: usize) -> &'static str {
    if n == 1 { "" } else { "s" }
}
