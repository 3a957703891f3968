//! `quoth review accept`: quotes a person has checked, recorded in the
//! reviewed-quotes file so that checks stop failing on them.

use std::io::{self, Write};
use std::path::PathBuf;

use super::Exit;
use super::stories::{CheckRun, run_check};
use crate::config::Settings;
use crate::extract::ExtractOptions;
use crate::report::QuoteReport;
use crate::review::{ReviewEntry, ReviewedQuotes};

/// Which quotes to accept; every filter given must hold.
#[derive(Debug, Clone, Default)]
pub(super) struct Selection {
    /// `LINE` or `LINE:COLUMN`.
    pub at: Option<String>,
    /// Words the quote holds (case ignored).
    pub quote: Option<String>,
    /// Every quote at or above the fail level.
    pub failing: bool,
    /// Why the quotes are fine.
    pub reason: Option<String>,
}

impl Selection {
    fn matches(&self, quote: &QuoteReport, settings: &Settings) -> Result<bool, String> {
        let Some(Some(verdict)) = &quote.verdict else {
            return Ok(false);
        };
        if let Some(at) = &self.at {
            let (line, column) = match at.split_once(':') {
                Some((l, c)) => (l, Some(c)),
                None => (at.as_str(), None),
            };
            let number = |s: &str| {
                s.trim()
                    .parse::<usize>()
                    .map_err(|_| format!("--at {at:?}: expected LINE or LINE:COLUMN"))
            };
            if quote.span.line != number(line)? {
                return Ok(false);
            }
            if let Some(column) = column
                && quote.span.column != number(column)?
            {
                return Ok(false);
            }
        }
        if let Some(words) = &self.quote
            && !quote.text.to_lowercase().contains(&words.to_lowercase())
        {
            return Ok(false);
        }
        Ok(!self.failing || verdict.kind >= settings.fail_on.value)
    }
}

/// Accepts the quotes of the stories at `paths` that `selection` picks.
pub(super) fn accept(
    paths: &[PathBuf],
    selection: &Selection,
    settings: &Settings,
    out: &mut impl Write,
) -> io::Result<Exit> {
    if selection.at.is_none() && selection.quote.is_none() && !selection.failing {
        eprintln!("quoth: say which quotes to accept: --at LINE[:COL], --quote TEXT or --failing");
        return Ok(Exit::Error);
    }
    let Some(CheckRun { report, .. }) =
        run_check(paths, settings, false, ExtractOptions::default())
    else {
        return Ok(Exit::Error);
    };
    let path = &settings.reviewed.value;
    let mut reviewed = match ReviewedQuotes::read(path) {
        Ok(reviewed) => reviewed,
        Err(err) => {
            eprintln!("quoth: {err}");
            return Ok(Exit::Error);
        }
    };
    let (mut added, mut already) = (0, 0);
    for file in &report.files {
        for quote in &file.quotes {
            match selection.matches(quote, settings) {
                Ok(false) => continue,
                Ok(true) => {}
                Err(message) => {
                    eprintln!("quoth: {message}");
                    return Ok(Exit::Error);
                }
            }
            let (Some(fingerprint), Some(Some(verdict))) = (&quote.fingerprint, &quote.verdict)
            else {
                continue;
            };
            let entry = ReviewEntry {
                fingerprint: fingerprint.clone(),
                quote: quote.text.clone(),
                speaker: quote.speaker.as_ref().map(|s| s.name.clone()),
                verdict: verdict.kind,
                file: file.file.clone(),
                reason: selection.reason.clone(),
            };
            if reviewed.accept(entry) {
                added += 1;
                writeln!(
                    out,
                    "{}:{}:{}: accepted {} \"{}\"",
                    file.file,
                    quote.span.line,
                    quote.span.column,
                    verdict.kind.name(),
                    quote.text
                )?;
            } else {
                already += 1;
            }
        }
    }
    if added + already == 0 {
        eprintln!("quoth: no quote of these stories matches; nothing accepted");
        return Ok(Exit::Error);
    }
    if added > 0
        && let Err(err) = reviewed.write(path)
    {
        eprintln!("quoth: {err}");
        return Ok(Exit::Error);
    }
    writeln!(
        out,
        "{added} quote{} accepted into {}{}",
        if added == 1 { "" } else { "s" },
        path.display(),
        if already > 0 {
            format!(" ({already} already there)")
        } else {
            String::new()
        }
    )?;
    Ok(Exit::Clean)
}
