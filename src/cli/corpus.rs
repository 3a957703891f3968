//! `quoth corpus …`: validate, count, index and import.

use std::io::{self, Write};
use std::path::{Path, PathBuf};

use super::{Exit, StatsFormat, open_corpus};
use crate::corpus::import::import_jsonl;
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

/// Imports statements from `files` into a new file of the corpus in `dir`.
pub(super) fn import(
    files: &[PathBuf],
    dir: &Path,
    kind: crate::corpus::SourceKind,
    out: &mut impl Write,
) -> io::Result<Exit> {
    // Speakers and ids already in the corpus, if there is one and it loads.
    let existing = if dir.is_dir() {
        match load_corpus(&[dir.to_path_buf()]) {
            Ok(corpus) => Some(corpus),
            Err(errors)
                if errors
                    .iter()
                    .all(|e| matches!(e, crate::corpus::CorpusError::EmptyFolder { .. })) =>
            {
                None
            }
            Err(errors) => {
                for err in &errors {
                    eprintln!("quoth: {err}");
                }
                eprintln!("quoth: fix the corpus before importing into it");
                return Ok(Exit::Error);
            }
        }
    } else {
        None
    };
    match import_jsonl(files, dir, existing.as_ref(), kind) {
        Ok(summary) => {
            for err in &summary.errors {
                eprintln!("quoth: {err}");
            }
            writeln!(
                out,
                "{}: {} statements in {} sources imported, {} new speakers, {} duplicates skipped, {} lines with errors",
                summary.written.display(),
                summary.statements,
                summary.sources,
                summary.new_speakers,
                summary.duplicates,
                summary.errors.len()
            )?;
            Ok(if summary.errors.is_empty() {
                Exit::Clean
            } else {
                Exit::Error
            })
        }
        Err(err) => {
            eprintln!("quoth: {err}");
            Ok(Exit::Error)
        }
    }
}
