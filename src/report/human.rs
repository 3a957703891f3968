//! The human format: one block per quote, for reading in a terminal.
//!
//! Colour is applied with `colored`, whose global switch the command line
//! sets (`--color`, `NO_COLOR`, whether stdout is a terminal).

use std::io::{self, Write};

use colored::{ColoredString, Colorize};

use super::{CheckReport, EditReport, FileReport, QuoteReport, VerdictReport, join_names};
use crate::extract::QuoteKind;
use crate::matcher::VerdictKind;
use crate::matcher::align::{EditMark, EditOp};

/// A verdict's name, coloured by how bad it is.
pub fn paint_verdict(kind: VerdictKind) -> ColoredString {
    let name = kind.name();
    match kind {
        VerdictKind::Verbatim | VerdictKind::Variant | VerdictKind::Elided => name.green().bold(),
        VerdictKind::Paraphrase
        | VerdictKind::Unattributed
        | VerdictKind::UnknownSpeaker
        | VerdictKind::NotFound => name.yellow().bold(),
        VerdictKind::Altered | VerdictKind::Misattributed => name.red().bold(),
    }
}

fn head(out: &mut impl Write, file: &str, quote: &QuoteReport) -> io::Result<()> {
    let place = format!("{file}:{}:{}:", quote.span.line, quote.span.column);
    write!(out, "{} ", place.bold())?;
    let unchecked = matches!(quote.verdict, Some(None));
    if let Some(Some(v)) = &quote.verdict {
        write!(out, "{} ({:.2}) ", paint_verdict(v.kind), v.score)?;
    }
    write!(out, "{}", quote.kind.label())?;
    if let Some(review) = &quote.reviewed {
        let reason = review
            .reason
            .as_deref()
            .map(|r| format!(": {r}"))
            .unwrap_or_default();
        write!(out, " {}", format!("(reviewed{reason})").cyan())?;
    }
    if unchecked {
        write!(out, " {}", "(not checked)".dimmed())?;
    }
    match &quote.speaker {
        Some(s) => writeln!(out, " attributed to {}", s.name.bold())?,
        None if quote.kind == QuoteKind::Term => writeln!(out, ", no speaker")?,
        None => writeln!(out, ", no speaker found")?,
    }
    writeln!(out, "  {} {}", "|".dimmed(), quote.text)?;
    if let Some(s) = &quote.speaker {
        let continued = if quote.continued {
            ", named with another part of the quote"
        } else {
            ""
        };
        write!(
            out,
            "  {} speaker: \"{}\" at {}:{} ({}{continued})",
            "=".dimmed(),
            s.mention,
            s.mention_span.line,
            s.mention_span.column,
            serde_plain(&s.resolved_by)
        )?;
        if let Some(cue) = &quote.cue {
            write!(out, ", cue \"{}\"", cue.text)?;
        }
        match &s.corpus_id {
            Some(id) => writeln!(out, ", corpus speaker {id}")?,
            None => writeln!(out)?,
        }
    } else if let Some(cue) = &quote.cue {
        // `The FBI is reportedly …`: a claim whose cue names no source.
        writeln!(
            out,
            "  {} cue \"{}\", no source named",
            "=".dimmed(),
            cue.text
        )?;
    }
    Ok(())
}

/// `resolved_by` and similar enum values as their JSON names.
pub(super) fn serde_plain<T: serde::Serialize>(value: &T) -> String {
    serde_json::to_value(value)
        .ok()
        .and_then(|v| v.as_str().map(str::to_string))
        .unwrap_or_default()
}

/// The lines under a quote that explain its verdict: the statement, the
/// diff, the source and the note.
pub fn verdict_block(out: &mut impl Write, verdict: &VerdictReport) -> io::Result<()> {
    let Some(statement) = &verdict.statement else {
        let why = match verdict.kind {
            VerdictKind::UnknownSpeaker => {
                "the speaker is not in the corpus, and no one there said these words"
            }
            VerdictKind::Unattributed => {
                "no speaker in the story, and no one in the corpus said these words"
            }
            _ => "nothing in the corpus matches",
        };
        return writeln!(out, "  {} {why}", "=".dimmed());
    };
    let label = match verdict.kind {
        VerdictKind::NotFound => "closest statement",
        VerdictKind::Misattributed => "said by",
        VerdictKind::Unattributed => "found in",
        _ => "statement",
    };
    writeln!(
        out,
        "  {} {label}: {} ({})",
        "=".dimmed(),
        statement.id,
        join_names(&statement.speakers)
    )?;
    writeln!(out, "      {}", statement.excerpt.italic())?;
    if !verdict.diff.is_empty() {
        writeln!(out, "  {} diff: {}", "=".dimmed(), word_diff(&verdict.diff))?;
    }
    let source = &statement.source;
    let provenance = source
        .provenance
        .map(|p| format!(", {}", p.label()))
        .unwrap_or_default();
    writeln!(
        out,
        "  {} source: {} ({}, {}{provenance})",
        "=".dimmed(),
        source.title,
        source.kind.label(),
        source.date
    )?;
    if let Some(url) = &source.url {
        writeln!(out, "      {}", url.underline())?;
    }
    if let Some(note) = &verdict.note {
        writeln!(out, "  {} note: {note}", "=".dimmed())?;
    }
    Ok(())
}

/// The edits in wdiff style: `[-statement words-]{+quote words+}`, marked edits in parentheses.
fn word_diff(diff: &[EditReport]) -> String {
    diff.iter()
        .map(|e| {
            let removed = e
                .statement
                .as_deref()
                .map(|s| format!("[-{s}-]").red().to_string());
            let added = e
                .quote
                .as_deref()
                .map(|q| format!("{{+{q}+}}").green().to_string());
            let body = match e.op {
                EditOp::Insert => added.unwrap_or_default(),
                EditOp::Delete => removed.unwrap_or_default(),
                EditOp::Replace => format!(
                    "{}{}",
                    removed.unwrap_or_default(),
                    added.unwrap_or_default()
                ),
            };
            let mark = match e.mark {
                EditMark::Unmarked => "",
                EditMark::Ellipsis => " (marked by an ellipsis)",
                EditMark::Brackets => " (marked by brackets)",
                EditMark::Spelling => " (spelling)",
                EditMark::Inaudible => " (inaudible in the transcript)",
            };
            let severe = if e.severe {
                " (severe)".red().bold().to_string()
            } else {
                String::new()
            };
            format!("{body}{mark}{severe}")
        })
        .collect::<Vec<_>>()
        .join("  ")
}

/// Renders a `check` report.
pub fn render_check(out: &mut impl Write, report: &CheckReport) -> io::Result<()> {
    for file in &report.files {
        for quote in &file.quotes {
            head(out, &file.file, quote)?;
            if let Some(Some(verdict)) = &quote.verdict {
                verdict_block(out, verdict)?;
            }
            writeln!(out)?;
        }
        warnings(out, file)?;
    }
    let s = &report.summary;
    let counts: Vec<String> = s
        .verdicts
        .iter()
        .map(|v| format!("{} {}", v.count, paint_verdict(v.verdict)))
        .collect();
    let mut line = format!(
        "{} quote{} in {} file{}",
        s.quotes,
        plural(s.quotes),
        s.files,
        plural(s.files)
    );
    if !counts.is_empty() {
        line.push_str(&format!(": {}", counts.join(", ")));
    }
    if s.reviewed > 0 {
        line.push_str(&format!("; {} reviewed", s.reviewed));
    }
    if s.terms > 0 {
        line.push_str(&format!(
            "; {} term{} not checked",
            s.terms,
            plural(s.terms)
        ));
    }
    writeln!(
        out,
        "{line} (corpus: {} statements of {} speakers)",
        report.corpus.statements, report.corpus.speakers
    )
}

/// Renders the quotes of `extract`.
pub fn render_extract(out: &mut impl Write, files: &[FileReport]) -> io::Result<()> {
    for file in files {
        for quote in &file.quotes {
            head(out, &file.file, quote)?;
            writeln!(out)?;
        }
        warnings(out, file)?;
    }
    let quotes: usize = files.iter().map(|f| f.quotes.len()).sum();
    writeln!(
        out,
        "{quotes} quote{} in {} file{}",
        plural(quotes),
        files.len(),
        plural(files.len())
    )
}

fn warnings(out: &mut impl Write, file: &FileReport) -> io::Result<()> {
    for w in &file.warnings {
        writeln!(
            out,
            "{}:{}:{}: {} {}",
            file.file,
            w.span.line,
            w.span.column,
            "warning:".yellow().bold(),
            w.message
        )?;
    }
    Ok(())
}

fn plural(n: usize) -> &'static str {
    if n == 1 { "" } else { "s" }
}
