//! `quoth check` and `quoth extract`: stories through the pipeline.

use std::io::{self, Write};
use std::path::PathBuf;

use super::{CheckFormat, Exit, ExtractFormat, FailOn, load_inputs, open_corpus, open_index};
use crate::load::LoadOptions;
use crate::matcher::Matcher;
use crate::pipeline::{CheckedFile, check_document, extract_document};
use crate::report::html::{self, StoryText};
use crate::report::{self, CheckReport, CorpusSummary, FileReport, Reporter, human};

/// Checks every quotation of the stories at `paths` against the corpus in `corpus_dirs`.
pub(super) fn check(
    paths: &[PathBuf],
    corpus_dirs: &[PathBuf],
    format: CheckFormat,
    fail_on: FailOn,
    stories: &LoadOptions,
    out: &mut impl Write,
) -> io::Result<Exit> {
    let Some(corpus) = open_corpus(corpus_dirs) else {
        return Ok(Exit::Error);
    };
    let (index, _) = open_index(&corpus, corpus_dirs, false);
    let matcher = Matcher::new(&corpus, &index);
    let (docs, errors) = load_inputs(paths, stories);
    let reporter = Reporter::new(Some(&corpus));
    let checked: Vec<CheckedFile> = docs
        .into_iter()
        .map(|doc| check_document(doc, &corpus, &matcher))
        .collect();
    let files: Vec<FileReport> = checked.iter().map(|file| reporter.file(file)).collect();
    let report = CheckReport {
        schema_version: report::SCHEMA_VERSION,
        corpus: CorpusSummary {
            paths: corpus_dirs
                .iter()
                .map(|d| d.display().to_string())
                .collect(),
            speakers: corpus.speakers.len(),
            statements: corpus.statements.len(),
        },
        summary: report::summarize(&files),
        files,
        errors,
    };
    match format {
        CheckFormat::Human => human::render_check(out, &report)?,
        CheckFormat::Json => {
            serde_json::to_writer_pretty(&mut *out, &report)?;
            writeln!(out)?;
        }
        CheckFormat::Html => {
            let stories: Vec<StoryText> = checked
                .iter()
                .map(|f| StoryText {
                    text: &f.document.text,
                    quote_spans: f.quotes.iter().map(|q| q.quote.span).collect(),
                })
                .collect();
            html::render_check(out, &report, &stories)?;
        }
    }
    let failing = report
        .summary
        .verdicts
        .iter()
        .any(|v| v.verdict >= fail_on.verdict());
    Ok(if !report.errors.is_empty() {
        Exit::Error
    } else if failing {
        Exit::Findings
    } else {
        Exit::Clean
    })
}

/// Lists the quotations of the stories at `paths`.
pub(super) fn extract(
    paths: &[PathBuf],
    format: ExtractFormat,
    stories: &LoadOptions,
    out: &mut impl Write,
) -> io::Result<Exit> {
    let (docs, errors) = load_inputs(paths, stories);
    let reporter = Reporter::new(None);
    let mut files: Vec<FileReport> = docs
        .into_iter()
        .map(|doc| reporter.file(&extract_document(doc, None)))
        .collect();
    match format {
        ExtractFormat::Human => human::render_extract(out, &files)?,
        ExtractFormat::Json => {
            let document = serde_json::json!({
                "schema_version": report::SCHEMA_VERSION,
                "files": files,
                "errors": errors,
            });
            serde_json::to_writer_pretty(&mut *out, &document)?;
            writeln!(out)?;
        }
        ExtractFormat::Jsonl => {
            for file in &mut files {
                file.schema_version = Some(report::SCHEMA_VERSION);
                serde_json::to_writer(&mut *out, file)?;
                writeln!(out)?;
            }
        }
    }
    Ok(if errors.is_empty() {
        Exit::Clean
    } else {
        Exit::Error
    })
}
