//! `quoth verify`: one quotation from elsewhere, or many as JSON Lines on standard input.

use std::io::{self, BufRead, Write};
use std::path::PathBuf;

use colored::Colorize;
use serde::{Deserialize, Serialize};

use super::{Exit, VerifyFormat, open_corpus, open_index};
use crate::extract::lexicon::Lexicon;
use crate::load::Document;
use crate::matcher::{Matcher, VerdictKind};
use crate::report::{Reporter, SCHEMA_VERSION, VerdictReport, human};
use crate::resolve::{ResolvedBy, resolve_given_name};

/// One quotation to verify, as a JSON Lines record.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Request {
    quote: String,
    #[serde(default)]
    speaker: Option<String>,
}

/// The result for one quotation.
#[derive(Debug, Serialize)]
struct Answer {
    schema_version: u32,
    quote: String,
    speaker: Option<GivenSpeaker>,
    verdict: VerdictReport,
}

/// The speaker as given, and what the corpus knows of them.
#[derive(Debug, Serialize)]
struct GivenSpeaker {
    given: String,
    name: String,
    resolved_by: ResolvedBy,
    corpus_id: Option<String>,
}

/// Verifies `quote` (or every line of standard input) attributed to `speaker`.
pub(super) fn verify(
    quote: Option<String>,
    speaker: Option<String>,
    corpus_dirs: &[PathBuf],
    format: VerifyFormat,
    fail_on: VerdictKind,
    out: &mut impl Write,
) -> io::Result<Exit> {
    let mut requests = Vec::new();
    let mut bad_input = false;
    match quote {
        Some(quote) => requests.push(Request { quote, speaker }),
        None => {
            for (n, line) in io::stdin().lock().lines().enumerate() {
                let line = line?;
                if line.trim().is_empty() {
                    continue;
                }
                match serde_json::from_str::<Request>(&line) {
                    Ok(mut request) => {
                        request.speaker = request.speaker.or_else(|| speaker.clone());
                        requests.push(request);
                    }
                    Err(err) => {
                        eprintln!("quoth: <stdin>:{}: not a quotation: {err}", n + 1);
                        bad_input = true;
                    }
                }
            }
        }
    }
    let Some(corpus) = open_corpus(corpus_dirs) else {
        return Ok(Exit::Error);
    };
    let (index, _) = open_index(&corpus, corpus_dirs, false);
    let matcher = Matcher::new(&corpus, &index);
    let reporter = Reporter::new(Some(&corpus));
    let lexicon = Lexicon::builtin();
    let mut answers = Vec::new();
    for request in requests {
        let doc = Document::from_text("<quote>", request.quote.trim().to_string());
        let resolved = request
            .speaker
            .as_deref()
            .filter(|s| !s.trim().is_empty())
            .map(|name| resolve_given_name(name, &corpus, lexicon));
        let verdict = matcher.judge(&doc.text, 0, resolved.as_ref());
        answers.push(Answer {
            schema_version: SCHEMA_VERSION,
            quote: doc.text.clone(),
            speaker: resolved
                .as_ref()
                .zip(request.speaker.as_deref())
                .map(|(s, given)| GivenSpeaker {
                    given: given.to_string(),
                    name: s.name.clone(),
                    resolved_by: s.resolved_by,
                    corpus_id: s.corpus_speaker.map(|i| corpus.speakers[i].id.clone()),
                }),
            verdict: reporter.verdict(&doc, resolved.as_ref(), &verdict),
        });
    }
    match format {
        VerifyFormat::Jsonl => {
            for answer in &answers {
                serde_json::to_writer(&mut *out, answer)?;
                writeln!(out)?;
            }
        }
        VerifyFormat::Json => {
            serde_json::to_writer_pretty(&mut *out, &answers)?;
            writeln!(out)?;
        }
        VerifyFormat::Human => {
            for answer in &answers {
                let who = answer
                    .speaker
                    .as_ref()
                    .map_or_else(|| "no speaker".to_string(), |s| s.name.clone());
                writeln!(
                    out,
                    "{} ({:.2}) attributed to {}",
                    human::paint_verdict(answer.verdict.kind),
                    answer.verdict.score,
                    who.bold()
                )?;
                writeln!(out, "  {} {}", "|".dimmed(), answer.quote)?;
                human::verdict_block(out, &answer.verdict)?;
                writeln!(out)?;
            }
        }
    }
    let failing = answers.iter().any(|a| a.verdict.kind >= fail_on);
    Ok(if bad_input {
        Exit::Error
    } else if failing {
        Exit::Findings
    } else {
        Exit::Clean
    })
}
