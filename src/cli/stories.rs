//! `quoth check` and `quoth extract`: stories through the pipeline.

use std::io::{self, IsTerminal, Write};
use std::path::PathBuf;

use rayon::prelude::*;

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};

use super::{CheckFormat, Exit, ExtractFormat, load_inputs, open_corpus, open_index};
use crate::config::Settings;
use crate::extract::ExtractOptions;
use crate::load::LoadOptions;
use crate::matcher::Matcher;
use crate::pipeline::{CheckedFile, check_document_with, extract_document_with};
use crate::report::ci;
use crate::report::html::{self, StoryText};
use crate::report::{self, CheckReport, CorpusSummary, FileReport, Reporter, human};
use crate::review::{self, ReviewedQuotes};

/// A `check` run: every story of `paths` checked against the corpus, with
/// reviews applied, in input order.
pub(super) struct CheckRun {
    /// The report.
    pub report: CheckReport,
    /// The stories as checked, `checked[i]` the story of `report.files[i]`.
    pub checked: Vec<CheckedFile>,
}

/// Checks every quotation of the stories at `paths` against the corpus the
/// settings name, on all cores, with a progress bar on a terminal when
/// `progress` is set and there are many stories; `options` say what beyond
/// quotations to check. `None` when the corpus or the reviewed quotes cannot
/// be read (reported).
pub(super) fn run_check(
    paths: &[PathBuf],
    settings: &Settings,
    progress: bool,
    options: ExtractOptions,
) -> Option<CheckRun> {
    let corpus_dirs = &settings.corpus.value;
    let corpus = open_corpus(corpus_dirs)?;
    let reviewed = match ReviewedQuotes::read(&settings.reviewed.value) {
        Ok(reviewed) => reviewed,
        Err(err) => {
            eprintln!("quoth: {err}");
            return None;
        }
    };
    let (index, _) = open_index(&corpus, corpus_dirs, false);
    let matcher = Matcher::new(&corpus, &index);
    let (docs, errors) = load_inputs(paths, &settings.load_options());
    let bar = progress_bar(progress, docs.len());
    // Stories are checked on all cores; `collect` keeps them in input order.
    let checked: Vec<CheckedFile> = docs
        .into_par_iter()
        .map(|doc| {
            let file = check_document_with(doc, &corpus, &matcher, options);
            bar.inc(1);
            file
        })
        .collect();
    bar.finish_and_clear();
    let reporter = Reporter::new(Some(&corpus));
    let mut files: Vec<FileReport> = checked.iter().map(|file| reporter.file(file)).collect();
    let unused_reviews = review::apply(&mut files, &checked, &reviewed);
    for entry in &unused_reviews {
        eprintln!(
            "quoth: warning: {}: the review of \"{}\" in {} accepts no quote now (edited or removed); \
             accept it again or remove the entry",
            settings.reviewed.value.display(),
            entry.quote,
            entry.file
        );
    }
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
        unused_reviews,
    };
    Some(CheckRun { report, checked })
}

/// A progress bar over `len` stories on standard error: shown only when
/// asked, for more than a handful of stories, when both standard output and
/// standard error are a terminal (never into a pipe or a file).
fn progress_bar(wanted: bool, len: usize) -> ProgressBar {
    let bar = ProgressBar::new(len as u64);
    if !wanted || len < 8 || !io::stderr().is_terminal() || !io::stdout().is_terminal() {
        bar.set_draw_target(ProgressDrawTarget::hidden());
    }
    bar.set_style(
        ProgressStyle::with_template("checking {bar:40} {pos}/{len} stories")
            .unwrap_or_else(|_| ProgressStyle::default_bar()),
    );
    bar
}

/// `quoth check`: checks the stories and writes the report in `format`.
pub(super) fn check(
    paths: &[PathBuf],
    settings: &Settings,
    format: CheckFormat,
    options: ExtractOptions,
    out: &mut impl Write,
) -> io::Result<Exit> {
    let Some(CheckRun { report, checked }) =
        run_check(paths, settings, format == CheckFormat::Human, options)
    else {
        return Ok(Exit::Error);
    };
    let fail_on = settings.fail_on.value;
    let exit = if !report.errors.is_empty() {
        Exit::Error
    } else if report.fails(fail_on) {
        Exit::Findings
    } else {
        Exit::Clean
    };
    match format {
        CheckFormat::Human => human::render_check(out, &report)?,
        CheckFormat::Json => {
            serde_json::to_writer_pretty(&mut *out, &report)?;
            writeln!(out)?;
        }
        CheckFormat::Jsonl => write_jsonl(out, report.files)?,
        CheckFormat::Yaml => {
            let yaml = serde_yaml::to_string(&report).map_err(io::Error::other)?;
            out.write_all(yaml.as_bytes())?;
        }
        CheckFormat::Github => ci::render_github(out, &report, fail_on)?,
        CheckFormat::Sarif => ci::render_sarif(out, &report, fail_on)?,
        CheckFormat::Junit => ci::render_junit(out, &report, fail_on)?,
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
    Ok(exit)
}

/// Stories as JSON Lines: one file object per line, each with `schema_version`.
fn write_jsonl(out: &mut impl Write, files: Vec<FileReport>) -> io::Result<()> {
    for mut file in files {
        file.schema_version = Some(report::SCHEMA_VERSION);
        serde_json::to_writer(&mut *out, &file)?;
        writeln!(out)?;
    }
    Ok(())
}

/// Lists the quotations of the stories at `paths`.
pub(super) fn extract(
    paths: &[PathBuf],
    format: ExtractFormat,
    stories: &LoadOptions,
    options: ExtractOptions,
    out: &mut impl Write,
) -> io::Result<Exit> {
    let (docs, errors) = load_inputs(paths, stories);
    let reporter = Reporter::new(None);
    let files: Vec<FileReport> = docs
        .into_iter()
        .map(|doc| reporter.file(&extract_document_with(doc, None, options)))
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
        ExtractFormat::Jsonl => write_jsonl(out, files)?,
    }
    Ok(if errors.is_empty() {
        Exit::Clean
    } else {
        Exit::Error
    })
}
