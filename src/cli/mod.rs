//! The command line: argument parsing and the `check`, `extract` and `corpus` commands.

use std::io::{self, IsTerminal, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand, ValueEnum};

use crate::corpus::{Corpus, CorpusStats, load_corpus};
use crate::load::{Input, expand_inputs, load};
use crate::matcher::{CorpusIndex, Matcher, VerdictKind};
use crate::pipeline::{check_document, extract_document};
use crate::report::{self, CheckReport, CorpusSummary, FileReport, InputError, Reporter, human};

/// The exit status of a run (SPEC "Command line").
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Exit {
    /// Nothing at or above the fail level.
    Clean = 0,
    /// Findings at or above the fail level.
    Findings = 1,
    /// A usage, input or corpus error.
    Error = 2,
}

impl From<Exit> for ExitCode {
    fn from(exit: Exit) -> Self {
        ExitCode::from(exit as u8)
    }
}

/// Checks the quotations in news stories against what the quoted people said.
#[derive(Debug, Parser)]
#[command(name = "quoth", version, about, max_term_width = 100)]
pub struct Cli {
    /// When to colour the human format: auto (on a terminal, unless NO_COLOR is set), always, never.
    #[arg(long, value_enum, default_value_t = ColorChoice::Auto, global = true)]
    pub color: ColorChoice,
    #[command(subcommand)]
    command: Command,
}

/// When to colour output.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ColorChoice {
    /// On a terminal, unless NO_COLOR is set.
    Auto,
    /// Always.
    Always,
    /// Never.
    Never,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Check every quotation of the stories against the corpus.
    Check {
        /// Story files, folders of stories (*.txt), or - for standard input.
        #[arg(required = true)]
        paths: Vec<PathBuf>,
        /// Corpus folder; repeat to combine several.
        #[arg(long, default_value = "corpus")]
        corpus: Vec<PathBuf>,
        /// Output format.
        #[arg(long, value_enum, default_value_t = CheckFormat::Human)]
        format: CheckFormat,
        /// Exit 1 when a quote gets this verdict or a worse one. Order, best to worst:
        /// verbatim, variant, elided, paraphrase, unattributed, unknown-speaker, not-found,
        /// altered, misattributed.
        #[arg(long, value_enum, default_value_t = FailOn::Altered)]
        fail_on: FailOn,
    },
    /// List the quotations of the stories, with cues and speakers; no corpus needed.
    Extract {
        /// Story files, folders of stories (*.txt), or - for standard input.
        #[arg(required = true)]
        paths: Vec<PathBuf>,
        /// Output format.
        #[arg(long, value_enum, default_value_t = ExtractFormat::Human)]
        format: ExtractFormat,
    },
    /// Work with a reference corpus.
    Corpus {
        #[command(subcommand)]
        command: CorpusCommand,
    },
}

#[derive(Debug, Subcommand)]
enum CorpusCommand {
    /// Load the corpus and report every error with file:line:col.
    Validate {
        /// The corpus folder.
        #[arg(default_value = "corpus")]
        dir: PathBuf,
    },
    /// Print counts of speakers, sources and statements.
    Stats {
        /// The corpus folder.
        #[arg(default_value = "corpus")]
        dir: PathBuf,
        /// Output format.
        #[arg(long, value_enum, default_value_t = StatsFormat::Human)]
        format: StatsFormat,
    },
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
enum CheckFormat {
    Human,
    Json,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
enum ExtractFormat {
    Human,
    Json,
    Jsonl,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
enum StatsFormat {
    Human,
    Json,
}

/// The verdict at and above which `check` exits 1.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
enum FailOn {
    Verbatim,
    Variant,
    Elided,
    Paraphrase,
    Unattributed,
    UnknownSpeaker,
    NotFound,
    Altered,
    Misattributed,
}

impl FailOn {
    fn verdict(self) -> VerdictKind {
        VerdictKind::ALL[self as usize]
    }
}

/// Parses the command line, runs the command, and returns its exit code.
pub fn main() -> ExitCode {
    let cli = Cli::parse();
    match cli.color {
        ColorChoice::Always => colored::control::set_override(true),
        ColorChoice::Never => colored::control::set_override(false),
        ColorChoice::Auto => {
            if !io::stdout().is_terminal()
                || std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty())
            {
                colored::control::set_override(false);
            }
        }
    }
    let stdout = io::stdout();
    let mut out = io::BufWriter::new(stdout.lock());
    let result = run(cli.command, &mut out).and_then(|exit| out.flush().map(|_| exit));
    match result {
        Ok(exit) => exit.into(),
        Err(err) if err.kind() == io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
        Err(err) => {
            eprintln!("quoth: cannot write output: {err}");
            Exit::Error.into()
        }
    }
}

fn run(command: Command, out: &mut impl Write) -> io::Result<Exit> {
    match command {
        Command::Check {
            paths,
            corpus,
            format,
            fail_on,
        } => check(&paths, &corpus, format, fail_on, out),
        Command::Extract { paths, format } => extract(&paths, format, out),
        Command::Corpus { command } => match command {
            CorpusCommand::Validate { dir } => validate(&dir, out),
            CorpusCommand::Stats { dir, format } => stats(&dir, format, out),
        },
    }
}

fn open_corpus(dirs: &[PathBuf]) -> Option<Corpus> {
    match load_corpus(dirs) {
        Ok(corpus) => Some(corpus),
        Err(errors) => {
            for err in &errors {
                eprintln!("quoth: {err}");
            }
            eprintln!(
                "quoth: corpus not loaded: {} error{}",
                errors.len(),
                if errors.len() == 1 { "" } else { "s" }
            );
            None
        }
    }
}

/// Loads every input, reporting those that fail on stderr.
fn load_inputs(paths: &[PathBuf]) -> (Vec<crate::load::Document>, Vec<InputError>) {
    let (inputs, expand_errors) = expand_inputs(paths);
    let mut errors: Vec<InputError> = expand_errors
        .into_iter()
        .map(|e| InputError {
            file: e_name(&e),
            message: e.to_string(),
        })
        .collect();
    let mut docs = Vec::new();
    for input in &inputs {
        match load(input) {
            Ok(doc) => docs.push(doc),
            Err(e) => errors.push(InputError {
                file: input_name(input),
                message: e.to_string(),
            }),
        }
    }
    for e in &errors {
        eprintln!("quoth: {}", e.message);
    }
    (docs, errors)
}

fn e_name(err: &crate::load::LoadError) -> String {
    match err {
        crate::load::LoadError::Io { name, .. }
        | crate::load::LoadError::NotUtf8 { name, .. }
        | crate::load::LoadError::EmptyFolder { name } => name.clone(),
    }
}

fn input_name(input: &Input) -> String {
    input.name()
}

fn check(
    paths: &[PathBuf],
    corpus_dirs: &[PathBuf],
    format: CheckFormat,
    fail_on: FailOn,
    out: &mut impl Write,
) -> io::Result<Exit> {
    let Some(corpus) = open_corpus(corpus_dirs) else {
        return Ok(Exit::Error);
    };
    let index = CorpusIndex::build(&corpus);
    let matcher = Matcher::new(&corpus, &index);
    let (docs, errors) = load_inputs(paths);
    let reporter = Reporter::new(Some(&corpus));
    let files: Vec<FileReport> = docs
        .into_iter()
        .map(|doc| reporter.file(&check_document(doc, &corpus, &matcher)))
        .collect();
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

fn extract(paths: &[PathBuf], format: ExtractFormat, out: &mut impl Write) -> io::Result<Exit> {
    let (docs, errors) = load_inputs(paths);
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

fn validate(dir: &std::path::Path, out: &mut impl Write) -> io::Result<Exit> {
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

fn stats(dir: &std::path::Path, format: StatsFormat, out: &mut impl Write) -> io::Result<Exit> {
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
