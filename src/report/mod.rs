//! Report: the findings of a run as one serde model, and its renderers.
//!
//! The model is the JSON contract of SPEC "JSON report", documented in
//! `docs/report-format.md`; the human renderer reads the same model.

pub mod ci;
pub mod html;
pub mod human;

use serde::Serialize;

use crate::corpus::{Corpus, Date, Provenance, SourceKind};
use crate::extract::QuoteKind;
use crate::load::Document;
use crate::matcher::align::{EditMark, EditOp};
use crate::matcher::{Verdict, VerdictKind};
use crate::pipeline::{CheckedFile, CheckedQuote};
use crate::resolve::{EntityKind, ResolvedBy, ResolvedSpeaker};
use crate::review::{ReviewEntry, fingerprint};
use crate::span::{Location, Span};

/// The version of the JSON report format. Raised on any incompatible change.
pub const SCHEMA_VERSION: u32 = 1;

/// A whole `check` run.
#[derive(Debug, Clone, Serialize)]
pub struct CheckReport {
    /// Format version.
    pub schema_version: u32,
    /// The corpus the quotes were checked against.
    pub corpus: CorpusSummary,
    /// Counts over all files.
    pub summary: Summary,
    /// One entry per story, in the order given.
    pub files: Vec<FileReport>,
    /// Inputs that could not be read.
    pub errors: Vec<InputError>,
    /// Entries of the reviewed-quotes file, for stories of this run, that
    /// accept no quote any more (the quote was edited or removed).
    pub unused_reviews: Vec<ReviewEntry>,
}

impl CheckReport {
    /// Whether a quote that no one has reviewed has `fail_on` or a worse verdict.
    pub fn fails(&self, fail_on: VerdictKind) -> bool {
        self.files
            .iter()
            .flat_map(|f| &f.quotes)
            .filter(|q| q.reviewed.is_none())
            .any(|q| matches!(&q.verdict, Some(Some(v)) if v.kind >= fail_on))
    }
}

/// The corpus of a run.
#[derive(Debug, Clone, Serialize)]
pub struct CorpusSummary {
    /// The corpus folders.
    pub paths: Vec<String>,
    /// Number of speakers.
    pub speakers: usize,
    /// Number of statements.
    pub statements: usize,
}

/// Counts of quotes by verdict.
#[derive(Debug, Clone, Serialize, Default)]
pub struct Summary {
    /// Stories checked.
    pub files: usize,
    /// Quotations found, terms included.
    pub quotes: usize,
    /// Terms (never verified).
    pub terms: usize,
    /// Quotes per verdict, in verdict order; verdicts with no quotes left out.
    pub verdicts: Vec<VerdictCount>,
    /// Quotes a person has reviewed and accepted (counted in `verdicts` too).
    pub reviewed: usize,
}

/// How many quotes got one verdict.
#[derive(Debug, Clone, Serialize)]
pub struct VerdictCount {
    /// The verdict.
    pub verdict: VerdictKind,
    /// How many quotes.
    pub count: usize,
}

/// An input that could not be read.
#[derive(Debug, Clone, Serialize)]
pub struct InputError {
    /// The input as named.
    pub file: String,
    /// What went wrong.
    pub message: String,
}

/// One story's quotes (one line of `extract --format jsonl`).
#[derive(Debug, Clone, Serialize)]
pub struct FileReport {
    /// Format version, on JSON Lines records only.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub schema_version: Option<u32>,
    /// The story as named.
    pub file: String,
    /// Quotations in story order.
    pub quotes: Vec<QuoteReport>,
    /// Problems met while reading the story.
    pub warnings: Vec<WarningReport>,
}

/// A problem in a story that did not stop the run.
#[derive(Debug, Clone, Serialize)]
pub struct WarningReport {
    /// What is wrong.
    pub message: String,
    /// Where.
    pub span: Location,
}

/// One quotation.
#[derive(Debug, Clone, Serialize)]
pub struct QuoteReport {
    /// The quoted words, without the marks.
    pub text: String,
    /// `direct`, `partial`, `indirect` or `term`.
    pub kind: QuoteKind,
    /// Where the quoted words stand.
    pub span: Location,
    /// The cue that attributes the quote.
    pub cue: Option<CueReport>,
    /// The speaker, `null` when none was found.
    pub speaker: Option<SpeakerReport>,
    /// Whether the speaker was carried over from the quote before (`"…," X said. "…"`).
    pub continued: bool,
    /// The verdict: present in `check` reports only, `null` for terms.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub verdict: Option<Option<VerdictReport>>,
    /// The quote's fingerprint (its words and speaker), by which reviews
    /// accept it: present in `check` reports only.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub fingerprint: Option<String>,
    /// Present when a person has reviewed and accepted the quote; a
    /// reviewed quote never fails a check.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub reviewed: Option<ReviewReport>,
}

/// How a quote was accepted.
#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct ReviewReport {
    /// `file` (the reviewed-quotes file) or `marker` (a comment in the story).
    pub by: ReviewedBy,
    /// Why it is fine, when the reviewer said.
    pub reason: Option<String>,
}

/// Where a review comes from.
#[derive(Debug, Clone, Copy, Serialize, PartialEq, Eq)]
#[serde(rename_all = "kebab-case")]
pub enum ReviewedBy {
    /// An entry of the reviewed-quotes file.
    File,
    /// A `<!-- quoth: reviewed -->` comment in the story.
    Marker,
}

/// A cue.
#[derive(Debug, Clone, Serialize)]
pub struct CueReport {
    /// The cue's words.
    pub text: String,
    /// Where they stand.
    pub span: Location,
}

/// A resolved speaker.
#[derive(Debug, Clone, Serialize)]
pub struct SpeakerReport {
    /// The entity's name.
    pub name: String,
    /// The words of the mention in the story.
    pub mention: String,
    /// Where the mention stands.
    pub mention_span: Location,
    /// How the mention was linked to the name.
    pub resolved_by: ResolvedBy,
    /// Person, organisation or document.
    pub entity: EntityKind,
    /// The corpus speaker's id, when linked.
    pub corpus_id: Option<String>,
}

/// A verdict with the statement it rests on.
#[derive(Debug, Clone, Serialize)]
pub struct VerdictReport {
    /// The verdict.
    pub kind: VerdictKind,
    /// Confidence in [0, 1].
    pub score: f64,
    /// The statement: the match, who really said the words (`misattributed`), or the closest (`not-found`).
    pub statement: Option<StatementReport>,
    /// Word edits from the statement to the quote.
    pub diff: Vec<EditReport>,
    /// Whether the statement was issued jointly by several speakers.
    pub joint: bool,
    /// Whether an edit flips a negation or changes a number.
    pub severe: bool,
    /// What a fact-checker should know about the verdict, in words.
    pub note: Option<String>,
    /// For reported speech: its words whose content the statement holds (why it matched).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub shared: Vec<String>,
}

/// A corpus statement.
#[derive(Debug, Clone, Serialize)]
pub struct StatementReport {
    /// Statement id.
    pub id: String,
    /// Display names of its speakers.
    pub speakers: Vec<String>,
    /// Their corpus ids.
    pub speaker_ids: Vec<String>,
    /// Its source.
    pub source: SourceReport,
    /// The part of the statement the quote aligns with (the whole statement for `not-found`).
    pub excerpt: String,
    /// Byte span of the excerpt in `text`.
    pub excerpt_span: ByteSpan,
    /// The id of the next statement of the source, when the quote runs on into it.
    pub continues_in: Option<String>,
    /// The statement's whole text (joined with those of the statements the
    /// quote runs on into, after a space each).
    pub text: String,
}

/// A source.
#[derive(Debug, Clone, Serialize)]
pub struct SourceReport {
    /// Title.
    pub title: String,
    /// URL, when the source is online.
    pub url: Option<String>,
    /// Date.
    pub date: Date,
    /// Kind of record.
    pub kind: SourceKind,
    /// How close the text is to the words as issued.
    pub provenance: Option<Provenance>,
}

/// A byte range without line and column (for statement text).
#[derive(Debug, Clone, Copy, Serialize)]
pub struct ByteSpan {
    /// First byte.
    pub start: usize,
    /// One past the last byte.
    pub end: usize,
}

impl From<Span> for ByteSpan {
    fn from(span: Span) -> Self {
        ByteSpan {
            start: span.start,
            end: span.end,
        }
    }
}

/// One word edit.
#[derive(Debug, Clone, Serialize)]
pub struct EditReport {
    /// `insert` (words the statement lacks), `delete` (statement words left out), `replace`.
    pub op: EditOp,
    /// How the quote marks the edit.
    pub mark: EditMark,
    /// Whether it flips a negation or changes a number.
    pub severe: bool,
    /// The quote's words involved.
    pub quote: Option<String>,
    /// Where they stand in the story.
    pub quote_span: Option<Location>,
    /// The statement's words involved.
    pub statement: Option<String>,
    /// Where they stand in the statement.
    pub statement_span: Option<ByteSpan>,
}

/// Builds report records from pipeline results.
pub struct Reporter<'a> {
    corpus: Option<&'a Corpus>,
}

impl<'a> Reporter<'a> {
    /// A reporter; `corpus` is needed to describe verdicts and corpus ids.
    pub fn new(corpus: Option<&'a Corpus>) -> Self {
        Reporter { corpus }
    }

    /// The report record of one story.
    pub fn file(&self, file: &CheckedFile) -> FileReport {
        let doc = &file.document;
        let locate = |span: Span| doc.locate(span);
        FileReport {
            schema_version: None,
            file: doc.name.clone(),
            quotes: {
                // A `check` report gives every quote a verdict field (null for terms).
                let checking = file.quotes.iter().any(|q| q.verdict.is_some());
                file.quotes
                    .iter()
                    .map(|q| self.quote(file, q, checking))
                    .collect()
            },
            warnings: file
                .warnings
                .iter()
                .map(|w| WarningReport {
                    message: w.to_string(),
                    span: locate(w.span()),
                })
                .collect(),
        }
    }

    fn quote(&self, file: &CheckedFile, checked: &CheckedQuote, checking: bool) -> QuoteReport {
        let doc = &file.document;
        let locate = |span: Span| doc.locate(span);
        let quote = &checked.quote;
        QuoteReport {
            text: quote.span.slice(&doc.text).to_string(),
            kind: quote.kind,
            span: locate(quote.span),
            cue: quote.cue.map(|cue| CueReport {
                text: cue.slice(&doc.text).to_string(),
                span: locate(cue),
            }),
            speaker: checked.speaker.as_ref().map(|s| SpeakerReport {
                name: s.name.clone(),
                mention: s.mention.slice(&doc.text).to_string(),
                mention_span: locate(s.mention),
                resolved_by: s.resolved_by,
                entity: s.entity,
                corpus_id: s
                    .corpus_speaker
                    .and_then(|i| self.corpus.map(|c| c.speakers[i].id.clone())),
            }),
            continued: quote.continued,
            verdict: checking.then(|| {
                checked
                    .verdict
                    .as_ref()
                    .map(|v| self.verdict(&file.document, checked.speaker.as_ref(), v))
            }),
            fingerprint: checking.then(|| {
                fingerprint(
                    quote.span.slice(&doc.text),
                    checked.speaker.as_ref().map(|s| s.name.as_str()),
                )
            }),
            reviewed: None,
        }
    }

    /// The report of `verdict` on a quote of `doc` attributed to `speaker`.
    pub fn verdict(
        &self,
        doc: &Document,
        speaker: Option<&ResolvedSpeaker>,
        verdict: &Verdict,
    ) -> VerdictReport {
        let evidence = verdict.evidence.as_ref().zip(self.corpus);
        let statement = evidence.map(|(e, corpus)| {
            let s = &corpus.statements[e.statement];
            let source = &corpus.sources[s.source];
            let text = e.text(corpus);
            let excerpt_span = if verdict.kind == VerdictKind::NotFound {
                Span::new(0, text.len())
            } else {
                with_closing_punctuation(&text, e.alignment.excerpt)
            };
            StatementReport {
                id: s.id.clone(),
                speakers: corpus.speaker_names(s),
                speaker_ids: s
                    .speakers
                    .iter()
                    .map(|&i| corpus.speakers[i].id.clone())
                    .collect(),
                source: SourceReport {
                    title: source.title.clone(),
                    url: source.url.clone(),
                    date: source.date,
                    kind: source.kind,
                    provenance: source.provenance,
                },
                excerpt: excerpt_span.slice(&text).to_string(),
                excerpt_span: excerpt_span.into(),
                continues_in: e.next().map(|n| corpus.statements[n].id.clone()),
                text: text.into_owned(),
            }
        });
        let diff: Vec<EditReport> = match evidence {
            Some((e, corpus)) if verdict.kind != VerdictKind::NotFound => {
                let text = e.text(corpus);
                e.alignment
                    .edits
                    .iter()
                    .map(|edit| EditReport {
                        op: edit.op,
                        mark: edit.mark,
                        severe: edit.severe,
                        quote: edit.quote.map(|s| s.slice(&doc.text).to_string()),
                        quote_span: edit.quote.map(|s| doc.locate(s)),
                        statement: edit.statement.map(|s| s.slice(&text).to_string()),
                        statement_span: edit.statement.map(ByteSpan::from),
                    })
                    .collect()
            }
            _ => Vec::new(),
        };
        let joint = evidence.is_some_and(|(e, c)| c.statements[e.statement].is_joint());
        VerdictReport {
            kind: verdict.kind,
            score: verdict.score,
            severe: diff.iter().any(|d| d.severe),
            note: evidence.and_then(|(e, corpus)| {
                note(corpus, e.statement, verdict.kind, speaker, &verdict.shared)
            }),
            shared: verdict.shared.clone(),
            statement,
            diff,
            joint,
        }
    }
}

/// What a fact-checker should know beyond the verdict: who issued a joint or
/// written statement, who really said misattributed words, a source that is
/// not verbatim.
fn note(
    corpus: &Corpus,
    statement: usize,
    kind: VerdictKind,
    speaker: Option<&ResolvedSpeaker>,
    shared: &[String],
) -> Option<String> {
    let s = &corpus.statements[statement];
    let source = &corpus.sources[s.source];
    let names = join_names(&corpus.speaker_names(s));
    let mut parts = Vec::new();
    match kind {
        VerdictKind::Misattributed => parts.push(format!("these words were said by {names}")),
        VerdictKind::NotFound if !shared.is_empty() => parts.push(format!(
            "closest statement of the speaker shown; it shares only {} of this content",
            shared.join(", ")
        )),
        VerdictKind::NotFound => parts.push(
            "closest statement of the speaker shown; it does not hold these words".to_string(),
        ),
        VerdictKind::Paraphrase => parts.push(format!(
            "the speaker's statement carries this content in other words: it shares {}",
            shared.join(", ")
        )),
        _ => {}
    }
    if kind.is_confirmed() || kind == VerdictKind::Altered {
        let speaker = speaker.and_then(|sp| sp.corpus_speaker);
        if s.is_joint() {
            let issued = if source.kind.is_written() {
                "a written statement issued jointly"
            } else {
                "a statement made jointly"
            };
            let own = match speaker {
                Some(i) if source.kind.is_written() => format!(
                    ", not words {} is recorded saying alone",
                    corpus.speakers[i].name
                ),
                _ => String::new(),
            };
            parts.push(format!("{issued} by {names}{own}"));
        } else if source.kind.is_written() && speaker.is_some() {
            parts.push(format!("written, not spoken: a {}", source.kind.label()));
        }
    }
    if let Some(p) = source
        .provenance
        .filter(|p| matches!(p, Provenance::Gist | Provenance::Secondary))
    {
        parts.push(format!("source wording is {}", p.label()));
    }
    (!parts.is_empty()).then(|| parts.join("; "))
}

/// Extends `span` over the punctuation that closes its last word (`nuclear.`, `said,”`).
fn with_closing_punctuation(text: &str, span: Span) -> Span {
    let tail = text.get(span.end..).unwrap_or("");
    let extra: usize = tail
        .chars()
        .take_while(|c| !c.is_whitespace() && !c.is_alphanumeric())
        .map(char::len_utf8)
        .sum();
    Span::new(span.start, span.end + extra)
}

/// `A`, `A and B`, `A, B and C`.
pub fn join_names(names: &[String]) -> String {
    match names {
        [] => String::new(),
        [one] => one.clone(),
        [init @ .., last] => format!("{} and {last}", init.join(", ")),
    }
}

/// Counts the quotes of `files` by verdict.
pub fn summarize(files: &[FileReport]) -> Summary {
    let mut summary = Summary {
        files: files.len(),
        ..Summary::default()
    };
    let mut counts = [0usize; VerdictKind::ALL.len()];
    for quote in files.iter().flat_map(|f| &f.quotes) {
        summary.quotes += 1;
        summary.reviewed += usize::from(quote.reviewed.is_some());
        match &quote.verdict {
            Some(Some(v)) => counts[v.kind as usize] += 1,
            _ if quote.kind == QuoteKind::Term => summary.terms += 1,
            _ => {}
        }
    }
    summary.verdicts = VerdictKind::ALL
        .iter()
        .zip(counts)
        .filter(|(_, n)| *n > 0)
        .map(|(&verdict, count)| VerdictCount { verdict, count })
        .collect();
    summary
}
