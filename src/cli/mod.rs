//! The command line: argument parsing, shared set-up, and dispatch to the
//! commands in `stories` (check, extract), `verify` and `corpus`.

mod corpus;
mod regress;
mod review;
mod stories;
mod verify;

use std::io::{self, IsTerminal, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand, ValueEnum};

use crate::config::{Overrides, Settings};
use crate::corpus::import::{ImportFormat, ImportOptions, Record};
use crate::corpus::{Corpus, SourceKind, load_corpus};
use crate::extract::ExtractOptions;
use crate::load::{LoadOptions, StoryFormat, expand_inputs, load};
use crate::matcher::cache::{self, CacheError, CacheOutcome};
use crate::matcher::{CorpusIndex, VerdictKind};
use crate::report::InputError;

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
    /// The largest story read, in megabytes (MiB); larger ones are an error [default: 32].
    #[arg(long, global = true, value_name = "MB")]
    pub max_story_mb: Option<u64>,
    /// Read every story as this format instead of by its extension (.md Markdown,
    /// .html/.htm HTML, anything else text); standard input is text unless this is set.
    #[arg(long, value_enum, global = true, value_name = "FORMAT")]
    pub story_format: Option<StoryFormat>,
    /// Read settings from this file instead of the quoth.yaml found in the current folder or above.
    #[arg(long, global = true, value_name = "FILE")]
    pub config: Option<PathBuf>,
    /// Print the settings in force, and where each comes from, then exit.
    #[arg(long, global = true)]
    pub show_config: bool,
    #[command(subcommand)]
    command: Option<Command>,
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
        /// Story files (text, Markdown, HTML), folders of stories, or - for standard input.
        #[arg(required = true)]
        paths: Vec<PathBuf>,
        /// Corpus folder; repeat to combine several [default: from quoth.yaml, else ./corpus].
        #[arg(long)]
        corpus: Vec<PathBuf>,
        /// Output format.
        #[arg(long, value_enum, default_value_t = CheckFormat::Human)]
        format: CheckFormat,
        /// Exit 1 when a quote no one has reviewed gets this verdict or a worse one. Order,
        /// best to worst: verbatim, variant, elided, paraphrase, unattributed,
        /// unknown-speaker, not-found, altered, misattributed [default: altered].
        #[arg(long, value_enum)]
        fail_on: Option<VerdictKind>,
        /// Exit 0 whatever the verdicts (errors still exit 2).
        #[arg(long)]
        exit_zero: bool,
        /// The file of reviewed quotes [default: quoth-reviewed.yaml beside quoth.yaml, else here].
        #[arg(long, value_name = "FILE")]
        reviewed: Option<PathBuf>,
        /// Also check reported speech without quotation marks (`X said that …`) as
        /// paraphrases of the speaker's statements (experimental; docs/accuracy.md).
        #[arg(long)]
        reported_speech: bool,
    },
    /// List the quotations of the stories, with cues and speakers; no corpus needed.
    Extract {
        /// Story files (text, Markdown, HTML), folders of stories, or - for standard input.
        #[arg(required = true)]
        paths: Vec<PathBuf>,
        /// Output format.
        #[arg(long, value_enum, default_value_t = ExtractFormat::Human)]
        format: ExtractFormat,
        /// Also list reported speech without quotation marks (`kind: indirect`):
        /// `X said (that) …`, `…, X said.`, `according to X, …` (experimental;
        /// figures in docs/accuracy.md).
        #[arg(long)]
        reported_speech: bool,
    },
    /// Check one quotation from elsewhere (a post, a tip), or many given as JSON
    /// Lines on standard input (`{"quote": …, "speaker": …}`).
    Verify {
        /// The quotation; leave it out to read JSON Lines from standard input.
        quote: Option<String>,
        /// Who the quotation is attributed to: a name, an alias or a title.
        #[arg(long)]
        speaker: Option<String>,
        /// Corpus folder; repeat to combine several [default: from quoth.yaml, else ./corpus].
        #[arg(long)]
        corpus: Vec<PathBuf>,
        /// Output format; `jsonl` prints one result line per quotation.
        #[arg(long, value_enum, default_value_t = VerifyFormat::Human)]
        format: VerifyFormat,
        /// Exit 1 when a quotation gets this verdict or a worse one [default: altered].
        #[arg(long, value_enum)]
        fail_on: Option<VerdictKind>,
    },
    /// Work with a reference corpus.
    Corpus {
        #[command(subcommand)]
        command: CorpusCommand,
    },
    /// Check a folder of stories and compare each report with its accepted
    /// snapshot: exit 1 on any change; `--accept` writes the new snapshots.
    Regress {
        /// Story files or folders.
        #[arg(required = true)]
        stories: Vec<PathBuf>,
        /// The folder of accepted snapshots (one per story).
        #[arg(long)]
        snapshots: PathBuf,
        /// Accept the reports of this run as the new snapshots.
        #[arg(long)]
        accept: bool,
        /// Corpus folder; repeat to combine several [default: from quoth.yaml, else ./corpus].
        #[arg(long)]
        corpus: Vec<PathBuf>,
    },
    /// Record quotes a person has checked, so that checks stop failing on them.
    Review {
        #[command(subcommand)]
        command: ReviewCommand,
    },
}

#[derive(Debug, Subcommand)]
enum ReviewCommand {
    /// Accept quotes of the stories: those at a position, holding some words,
    /// or every quote that fails the check. They are added to the reviewed-quotes file.
    Accept {
        /// Story files or folders.
        #[arg(required = true)]
        paths: Vec<PathBuf>,
        /// The quote at LINE or LINE:COLUMN (as reports give it).
        #[arg(long, value_name = "LINE[:COL]")]
        at: Option<String>,
        /// The quotes whose words hold this text (case ignored).
        #[arg(long, value_name = "TEXT")]
        quote: Option<String>,
        /// Every quote at or above the fail level.
        #[arg(long)]
        failing: bool,
        /// Why the quotes are fine, kept in the file.
        #[arg(long)]
        reason: Option<String>,
        /// Corpus folder; repeat to combine several [default: from quoth.yaml, else ./corpus].
        #[arg(long)]
        corpus: Vec<PathBuf>,
        /// The file of reviewed quotes [default: quoth-reviewed.yaml beside quoth.yaml, else here].
        #[arg(long, value_name = "FILE")]
        reviewed: Option<PathBuf>,
        /// The fail level for `--failing` [default: from quoth.yaml, else altered].
        #[arg(long, value_enum)]
        fail_on: Option<VerdictKind>,
    },
}

#[derive(Debug, Subcommand)]
enum CorpusCommand {
    /// Load the corpus and report every error with file:line:col.
    Validate {
        /// The corpus folder [default: from quoth.yaml, else ./corpus].
        dir: Option<PathBuf>,
    },
    /// Print counts of speakers, sources and statements.
    Stats {
        /// The corpus folder [default: from quoth.yaml, else ./corpus].
        dir: Option<PathBuf>,
        /// Output format.
        #[arg(long, value_enum, default_value_t = StatsFormat::Human)]
        format: StatsFormat,
    },
    /// Build the corpus index and write its cache (`.quoth-index` in the folder).
    Index {
        /// The corpus folder [default: from quoth.yaml, else ./corpus].
        dir: Option<PathBuf>,
    },
    /// Turn statements from other formats into a new corpus file; nothing existing is overwritten.
    Import {
        /// Files to import.
        #[arg(required = true)]
        files: Vec<PathBuf>,
        /// The format of the files.
        #[arg(long, value_enum)]
        format: ImportFormatArg,
        /// The corpus folder to write into (the file goes to `imported/`)
        /// [default: from quoth.yaml, else ./corpus].
        #[arg(long)]
        corpus: Option<PathBuf>,
        /// The kind of record the imported sources are.
        #[arg(long, value_enum, default_value_t = ImportKind::Transcript)]
        kind: ImportKind,
        /// The date (YYYY-MM-DD) of statements that carry none: transcripts, CSV without a date column.
        #[arg(long)]
        date: Option<String>,
        /// The title of sources that carry none (default: the URL, else the file name).
        #[arg(long)]
        title: Option<String>,
        /// The URL of sources that carry none.
        #[arg(long)]
        url: Option<String>,
        /// A speaker label or name and who it is: `A=antony-blinken`, `Q=Reporter`,
        /// `THE SECRETARY=Antony Blinken` (a corpus id or a name); repeat for more.
        #[arg(long, value_name = "LABEL=SPEAKER", value_parser = parse_mapping)]
        speaker_map: Vec<(String, String)>,
    },
    /// Add one statement to the corpus, as a new file under `added/`.
    Add {
        /// The statement's words.
        text: String,
        /// Who said it: a corpus id, name or alias, or a new speaker's name.
        #[arg(long)]
        speaker: String,
        /// When it was said (YYYY-MM-DD).
        #[arg(long)]
        date: String,
        /// Where it can be checked.
        #[arg(long)]
        url: Option<String>,
        /// The source's title (default: the URL).
        #[arg(long)]
        title: Option<String>,
        /// The statement's id (default: made from the speaker's name).
        #[arg(long)]
        id: Option<String>,
        /// The kind of record the source is.
        #[arg(long, value_enum, default_value_t = ImportKind::Transcript)]
        kind: ImportKind,
        /// The corpus folder [default: from quoth.yaml, else ./corpus].
        #[arg(long)]
        corpus: Option<PathBuf>,
    },
}

/// A `LABEL=SPEAKER` pair of `--speaker-map`.
fn parse_mapping(text: &str) -> Result<(String, String), String> {
    match text.split_once('=') {
        Some((label, speaker)) if !label.trim().is_empty() && !speaker.trim().is_empty() => {
            Ok((label.trim().to_string(), speaker.trim().to_string()))
        }
        _ => Err(format!("expected LABEL=SPEAKER, got {text:?}")),
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
enum VerifyFormat {
    Human,
    Json,
    Jsonl,
}

/// Formats `corpus import` reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
enum ImportFormatArg {
    /// One statement per line: `id`, `speaker`, `text`, `source` (URL), `date`, optional `title`.
    Jsonl,
    /// Quotebank's JSON Lines: `quoteID`, `quotation`, `speaker`, `date`, `urls`.
    Quotebank,
    /// CSV with a header: `speaker`/`name`, `text`/`quote`, and optionally `date`, `url`, `title`, `id`.
    Csv,
    /// Speaker turns: `SECRETARY BLINKEN: …`, `Name (00:01:02): …`, or `Q:`/`A:` with --speaker-map.
    Transcript,
}

impl From<ImportFormatArg> for ImportFormat {
    fn from(format: ImportFormatArg) -> Self {
        match format {
            ImportFormatArg::Jsonl => ImportFormat::Jsonl,
            ImportFormatArg::Quotebank => ImportFormat::Quotebank,
            ImportFormatArg::Csv => ImportFormat::Csv,
            ImportFormatArg::Transcript => ImportFormat::Transcript,
        }
    }
}

/// The kind of source imported statements come from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
enum ImportKind {
    Transcript,
    PressRelease,
    Speech,
    Interview,
    SocialPost,
}

impl From<ImportKind> for SourceKind {
    fn from(kind: ImportKind) -> Self {
        match kind {
            ImportKind::Transcript => SourceKind::Transcript,
            ImportKind::PressRelease => SourceKind::PressRelease,
            ImportKind::Speech => SourceKind::Speech,
            ImportKind::Interview => SourceKind::Interview,
            ImportKind::SocialPost => SourceKind::SocialPost,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
enum CheckFormat {
    /// One block per quote, for reading in a terminal.
    Human,
    /// The versioned JSON report (docs/report-format.md).
    Json,
    /// One JSON object per story, each with `schema_version`.
    Jsonl,
    /// The JSON report as YAML.
    Yaml,
    /// GitHub Actions workflow commands: an annotation per quote that is not confirmed.
    Github,
    /// SARIF 2.1.0, for code-scanning dashboards.
    Sarif,
    /// JUnit XML: a test case per quote, failing at the fail level.
    Junit,
    /// One self-contained page: the story with each quotation highlighted by its verdict.
    Html,
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
    if cli.command.is_none() && !cli.show_config {
        let mut command = <Cli as clap::CommandFactory>::command();
        let _ = command.write_help(&mut io::stderr());
        return Exit::Error.into();
    }
    let settings = match resolve_settings(&cli) {
        Ok(settings) => settings,
        Err(err) => {
            eprintln!("quoth: {err}");
            return Exit::Error.into();
        }
    };
    if cli.show_config {
        print!("{}", settings.describe());
        return ExitCode::SUCCESS;
    }
    let Some(command) = cli.command else {
        return Exit::Error.into();
    };
    let stdout = io::stdout();
    let mut out = io::BufWriter::new(stdout.lock());
    let result = run(command, &settings, &mut out).and_then(|exit| out.flush().map(|_| exit));
    match result {
        Ok(exit) => exit.into(),
        Err(err) if err.kind() == io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
        Err(err) => {
            eprintln!("quoth: cannot write output: {err}");
            Exit::Error.into()
        }
    }
}

/// The settings in force: the command line over the configuration files over the defaults.
fn resolve_settings(cli: &Cli) -> Result<Settings, crate::config::ConfigError> {
    let mut overrides = Overrides {
        story_format: cli.story_format,
        max_story_mb: cli.max_story_mb,
        ..Overrides::default()
    };
    let dirs = |dirs: &Vec<PathBuf>| (!dirs.is_empty()).then(|| dirs.clone());
    let dir = |dir: &Option<PathBuf>| dir.clone().map(|d| vec![d]);
    match &cli.command {
        Some(Command::Check {
            corpus,
            fail_on,
            reviewed,
            ..
        }) => {
            overrides.corpus = dirs(corpus);
            overrides.fail_on = *fail_on;
            overrides.reviewed = reviewed.clone();
        }
        Some(Command::Verify {
            corpus, fail_on, ..
        }) => {
            overrides.corpus = dirs(corpus);
            overrides.fail_on = *fail_on;
        }
        Some(Command::Regress { corpus, .. }) => overrides.corpus = dirs(corpus),
        Some(Command::Review {
            command:
                ReviewCommand::Accept {
                    corpus,
                    reviewed,
                    fail_on,
                    ..
                },
        }) => {
            overrides.corpus = dirs(corpus);
            overrides.reviewed = reviewed.clone();
            overrides.fail_on = *fail_on;
        }
        Some(Command::Corpus { command }) => {
            overrides.corpus = match command {
                CorpusCommand::Validate { dir: d }
                | CorpusCommand::Stats { dir: d, .. }
                | CorpusCommand::Index { dir: d } => dir(d),
                CorpusCommand::Import { corpus, .. } | CorpusCommand::Add { corpus, .. } => {
                    dir(corpus)
                }
            }
        }
        Some(Command::Extract { .. }) | None => {}
    }
    let cwd = std::env::current_dir().unwrap_or_else(|_| PathBuf::from("."));
    Settings::resolve(&overrides, cli.config.as_deref(), &cwd)
}

fn run(command: Command, settings: &Settings, out: &mut impl Write) -> io::Result<Exit> {
    let stories = &settings.load_options();
    let corpus_dirs = &settings.corpus.value;
    let first_corpus = || {
        corpus_dirs
            .first()
            .cloned()
            .unwrap_or_else(|| PathBuf::from("corpus"))
    };
    match command {
        Command::Check {
            paths,
            format,
            exit_zero,
            reported_speech,
            ..
        } => {
            let options = ExtractOptions { reported_speech };
            let exit = stories::check(&paths, settings, format, options, out)?;
            Ok(if exit_zero && exit == Exit::Findings {
                Exit::Clean
            } else {
                exit
            })
        }
        Command::Extract {
            paths,
            format,
            reported_speech,
        } => {
            let options = ExtractOptions { reported_speech };
            stories::extract(&paths, format, stories, options, out)
        }
        Command::Verify {
            quote,
            speaker,
            format,
            ..
        } => verify::verify(
            quote,
            speaker,
            corpus_dirs,
            format,
            settings.fail_on.value,
            out,
        ),
        Command::Regress {
            stories: paths,
            snapshots,
            accept,
            ..
        } => regress::regress(&paths, &snapshots, accept, settings, out),
        Command::Review {
            command:
                ReviewCommand::Accept {
                    paths,
                    at,
                    quote,
                    failing,
                    reason,
                    ..
                },
        } => {
            let selection = review::Selection {
                at,
                quote,
                failing,
                reason,
            };
            review::accept(&paths, &selection, settings, out)
        }
        Command::Corpus { command } => match command {
            CorpusCommand::Validate { .. } => corpus::validate(&first_corpus(), out),
            CorpusCommand::Stats { format, .. } => corpus::stats(&first_corpus(), format, out),
            CorpusCommand::Index { .. } => corpus::index(&first_corpus(), out),
            CorpusCommand::Import {
                files,
                format,
                kind,
                date,
                title,
                url,
                speaker_map,
                ..
            } => {
                let options = ImportOptions {
                    format: format.into(),
                    kind: kind.into(),
                    date,
                    title,
                    url,
                    speaker_map,
                };
                corpus::import(&files, &first_corpus(), &options, out)
            }
            CorpusCommand::Add {
                text,
                speaker,
                date,
                url,
                title,
                id,
                kind,
                ..
            } => {
                let record = Record {
                    line: 1,
                    id,
                    speaker,
                    text,
                    url,
                    date: Some(date),
                    title,
                    provenance: None,
                };
                corpus::add(&first_corpus(), record, kind.into(), out)
            }
        },
    }
}

/// The index of `corpus`, from its cache when the cache fits, else built and
/// cached. A progress bar shows on a terminal when the corpus is large or
/// `always_show` is set; a corrupt cache is reported and rebuilt; a folder
/// that cannot be written (read-only) still works, with the index in memory.
fn open_index(corpus: &Corpus, dirs: &[PathBuf], always_show: bool) -> (CorpusIndex, CacheOutcome) {
    let bar = indicatif::ProgressBar::new(corpus.statements.len() as u64);
    if !io::stderr().is_terminal() || !(always_show || corpus.statements.len() >= 100_000) {
        bar.set_draw_target(indicatif::ProgressDrawTarget::hidden());
    }
    bar.set_style(
        indicatif::ProgressStyle::with_template("indexing {bar:40} {pos}/{len} statements")
            .unwrap_or_else(|_| indicatif::ProgressStyle::default_bar()),
    );
    let path = cache::cache_path(dirs);
    let warn = |err: &CacheError| eprintln!("quoth: warning: {err}; rebuilding the index");
    let progress = |n: usize| bar.set_position(n.min(corpus.statements.len()) as u64);
    let (index, outcome) = cache::load_or_build(corpus, path.as_deref(), &progress, &warn);
    bar.finish_and_clear();
    if let (CacheOutcome::BuiltNotWritten(err), Some(path)) = (&outcome, &path)
        && (always_show
            || !matches!(
                err.kind(),
                io::ErrorKind::PermissionDenied | io::ErrorKind::ReadOnlyFilesystem
            ))
    {
        eprintln!(
            "quoth: warning: index cache not written to {}: {err}; the index is kept in memory",
            path.display()
        );
    }
    (index, outcome)
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
fn load_inputs(
    paths: &[PathBuf],
    options: &LoadOptions,
) -> (Vec<crate::load::Document>, Vec<InputError>) {
    let (inputs, expand_errors) = expand_inputs(paths);
    let mut errors: Vec<InputError> = expand_errors
        .into_iter()
        .map(|e| InputError {
            file: e.name().to_string(),
            message: e.to_string(),
        })
        .collect();
    let mut docs = Vec::new();
    for input in &inputs {
        match load(input, options) {
            Ok(doc) => docs.push(doc),
            Err(e) => errors.push(InputError {
                file: input.name(),
                message: e.to_string(),
            }),
        }
    }
    for e in &errors {
        eprintln!("quoth: {}", e.message);
    }
    (docs, errors)
}
