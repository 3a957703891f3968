//! `quoth regress`: a folder of stories checked, each report compared with
//! its accepted snapshot, the changes shown as a readable diff.
//!
//! A snapshot is a small YAML file per story (`DIR/<story path>.yaml`)
//! listing each quote's position, words, kind, speaker, verdict and
//! statement: what a change of quoth or of the corpus can move. Scores are
//! left out, so that they do not make noise.

use std::collections::BTreeMap;
use std::io::{self, Write};
use std::path::{Component, Path, PathBuf};

use serde::{Deserialize, Serialize};

use super::Exit;
use super::stories::{CheckRun, run_check};
use crate::atomic::write_atomically;
use crate::config::Settings;
use crate::extract::ExtractOptions;
use crate::extract::QuoteKind;
use crate::matcher::VerdictKind;
use crate::report::{FileReport, QuoteReport};

/// The accepted report of one story.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
struct Snapshot {
    story: String,
    quotes: Vec<SnapshotQuote>,
}

/// One quote of a snapshot.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
struct SnapshotQuote {
    at: String,
    text: String,
    kind: QuoteKind,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    speaker: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    verdict: Option<VerdictKind>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    statement: Option<String>,
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    reviewed: bool,
}

impl SnapshotQuote {
    fn of(quote: &QuoteReport) -> Self {
        let verdict = quote.verdict.as_ref().and_then(Option::as_ref);
        SnapshotQuote {
            at: format!("{}:{}", quote.span.line, quote.span.column),
            text: quote.text.clone(),
            kind: quote.kind,
            speaker: quote.speaker.as_ref().map(|s| s.name.clone()),
            verdict: verdict.map(|v| v.kind),
            statement: verdict
                .and_then(|v| v.statement.as_ref())
                .map(|s| s.id.clone()),
            reviewed: quote.reviewed.is_some(),
        }
    }

    fn summary(&self) -> String {
        let verdict = self.verdict.map_or("term", VerdictKind::name);
        let speaker = self.speaker.as_deref().unwrap_or("no speaker");
        format!("{} \"{}\" ({verdict}, {speaker})", self.at, self.text)
    }
}

/// The snapshot file of a story: its path under the folder or file named on
/// the command line, under `dir`, with `.yaml` added.
fn snapshot_path(dir: &Path, story: &Path, roots: &[PathBuf]) -> PathBuf {
    let relative = roots
        .iter()
        .filter(|root| root.is_dir())
        .find_map(|root| story.strip_prefix(root).ok())
        .map(Path::to_path_buf)
        .or_else(|| story.file_name().map(PathBuf::from))
        .unwrap_or_else(|| PathBuf::from("stdin"));
    let clean: PathBuf = relative
        .components()
        .filter(|c| matches!(c, Component::Normal(_)))
        .collect();
    let mut name = clean.into_os_string();
    name.push(".yaml");
    dir.join(name)
}

/// The differences between an accepted snapshot and the new one, as lines.
fn diff(old: &Snapshot, new: &Snapshot) -> Vec<String> {
    // Quotes are matched by their words (and which occurrence of them).
    let key = |quotes: &[SnapshotQuote]| -> BTreeMap<(String, usize), SnapshotQuote> {
        let mut seen: BTreeMap<String, usize> = BTreeMap::new();
        quotes
            .iter()
            .map(|q| {
                let n = seen.entry(q.text.clone()).or_default();
                *n += 1;
                ((q.text.clone(), *n), q.clone())
            })
            .collect()
    };
    let (before, after) = (key(&old.quotes), key(&new.quotes));
    let mut lines = Vec::new();
    for (k, now) in &after {
        match before.get(k) {
            None => lines.push((now.at.clone(), format!("  + {}", now.summary()))),
            Some(then) if then != now => {
                let mut changes = Vec::new();
                let mut field = |name: &str, a: String, b: String| {
                    if a != b {
                        changes.push(format!("{name}: {a} → {b}"));
                    }
                };
                field(
                    "verdict",
                    then.verdict.map_or("term", VerdictKind::name).into(),
                    now.verdict.map_or("term", VerdictKind::name).into(),
                );
                field(
                    "speaker",
                    then.speaker.clone().unwrap_or("none".into()),
                    now.speaker.clone().unwrap_or("none".into()),
                );
                field(
                    "statement",
                    then.statement.clone().unwrap_or("none".into()),
                    now.statement.clone().unwrap_or("none".into()),
                );
                field(
                    "kind",
                    format!("{:?}", then.kind).to_lowercase(),
                    format!("{:?}", now.kind).to_lowercase(),
                );
                field("at", then.at.clone(), now.at.clone());
                field(
                    "reviewed",
                    then.reviewed.to_string(),
                    now.reviewed.to_string(),
                );
                lines.push((
                    now.at.clone(),
                    format!("  ~ {} \"{}\": {}", now.at, now.text, changes.join("; ")),
                ));
            }
            Some(_) => {}
        }
    }
    for (k, then) in &before {
        if !after.contains_key(k) {
            lines.push((then.at.clone(), format!("  - {}", then.summary())));
        }
    }
    // In story order.
    let position = |at: &str| -> (usize, usize) {
        let (l, c) = at.split_once(':').unwrap_or((at, "0"));
        (l.parse().unwrap_or(0), c.parse().unwrap_or(0))
    };
    lines.sort_by_key(|(at, line)| (position(at), line.clone()));
    lines.into_iter().map(|(_, line)| line).collect()
}

fn read_snapshot(path: &Path) -> Option<Result<Snapshot, String>> {
    let text = std::fs::read_to_string(path).ok()?;
    Some(
        serde_yaml::from_str(&text).map_err(|e| format!("{}: not a snapshot: {e}", path.display())),
    )
}

fn snapshot_files(dir: &Path, found: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            snapshot_files(&path, found);
        } else if path.extension().is_some_and(|e| e == "yaml") {
            found.push(path);
        }
    }
}

/// Runs `check` over `stories` and compares each report with its snapshot
/// in `dir`; with `accept`, writes the new snapshots and removes those of
/// stories no longer there.
pub(super) fn regress(
    stories: &[PathBuf],
    dir: &Path,
    accept: bool,
    settings: &Settings,
    out: &mut impl Write,
) -> io::Result<Exit> {
    let Some(CheckRun { report, .. }) =
        run_check(stories, settings, true, ExtractOptions::default())
    else {
        return Ok(Exit::Error);
    };
    let mut changed = 0;
    let mut new = 0;
    let mut unchanged = 0;
    let mut broken = false;
    let mut produced = Vec::new();
    let mut sections: Vec<(PathBuf, String)> = Vec::new();
    for file in &report.files {
        let path = snapshot_path(dir, Path::new(&file.file), stories);
        let snapshot = snapshot_of(file);
        produced.push(path.clone());
        let text = match serde_yaml::to_string(&snapshot) {
            Ok(yaml) => format!(
                "# quoth regression snapshot; `quoth regress --accept` rewrites it.\n{yaml}"
            ),
            Err(e) => return Err(io::Error::other(e)),
        };
        let (status, body) = match read_snapshot(&path) {
            None => {
                new += 1;
                (
                    format!(
                        "{}: new story, {} quotes, no snapshot yet",
                        file.file,
                        snapshot.quotes.len()
                    ),
                    None,
                )
            }
            Some(Err(message)) => {
                eprintln!("quoth: {message}");
                changed += 1;
                (format!("{}: snapshot unreadable", file.file), None)
            }
            Some(Ok(old)) => {
                let lines = diff(&old, &snapshot);
                if lines.is_empty() {
                    unchanged += 1;
                    continue;
                }
                changed += 1;
                (format!("{}:", file.file), Some(lines.join("\n")))
            }
        };
        let mut section = status;
        if let Some(body) = body {
            section.push('\n');
            section.push_str(&body);
        }
        sections.push((path.clone(), section));
        if accept {
            if let Some(parent) = path.parent() {
                std::fs::create_dir_all(parent)?;
            }
            if let Err(e) = write_atomically(&path, text.as_bytes()) {
                eprintln!("quoth: {}: cannot write the snapshot: {e}", path.display());
                broken = true;
            }
        }
    }
    let mut existing = Vec::new();
    snapshot_files(dir, &mut existing);
    let mut removed = 0;
    for path in existing.iter().filter(|p| !produced.contains(p)) {
        removed += 1;
        let what = if accept {
            "snapshot deleted"
        } else {
            "its snapshot is kept until --accept"
        };
        sections.push((
            path.clone(),
            format!("{}: story removed ({what})", path.display()),
        ));
        if accept && let Err(e) = std::fs::remove_file(path) {
            eprintln!("quoth: {}: cannot remove the snapshot: {e}", path.display());
            broken = true;
        }
    }
    sections.sort();
    for (_, section) in &sections {
        writeln!(out, "{section}")?;
    }
    let differences = changed + new + removed;
    writeln!(
        out,
        "{} stor{} changed, {new} new, {removed} removed, {unchanged} unchanged{}",
        changed,
        if changed == 1 { "y" } else { "ies" },
        if accept && differences > 0 {
            "; snapshots updated"
        } else {
            ""
        }
    )?;
    Ok(if broken || !report.errors.is_empty() {
        Exit::Error
    } else if differences > 0 && !accept {
        Exit::Findings
    } else {
        Exit::Clean
    })
}

fn snapshot_of(file: &FileReport) -> Snapshot {
    Snapshot {
        story: file.file.clone(),
        quotes: file.quotes.iter().map(SnapshotQuote::of).collect(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn quote(at: &str, text: &str, verdict: VerdictKind) -> SnapshotQuote {
        SnapshotQuote {
            at: at.into(),
            text: text.into(),
            kind: QuoteKind::Direct,
            speaker: Some("Antony Blinken".into()),
            verdict: Some(verdict),
            statement: Some("s-1".into()),
            reviewed: false,
        }
    }

    #[test]
    fn changed_new_and_removed_quotes_in_story_order() {
        let old = Snapshot {
            story: "a.txt".into(),
            quotes: vec![
                quote("1:5", "one", VerdictKind::Verbatim),
                quote("3:1", "two", VerdictKind::Altered),
            ],
        };
        let new = Snapshot {
            story: "a.txt".into(),
            quotes: vec![
                quote("1:5", "one", VerdictKind::NotFound),
                quote("2:1", "three", VerdictKind::Verbatim),
            ],
        };
        assert_eq!(
            diff(&old, &new),
            [
                "  ~ 1:5 \"one\": verdict: verbatim → not-found",
                "  + 2:1 \"three\" (verbatim, Antony Blinken)",
                "  - 3:1 \"two\" (altered, Antony Blinken)",
            ]
        );
        assert!(diff(&new, &new).is_empty());
    }

    #[test]
    fn snapshots_mirror_the_folder_named() {
        let dir = Path::new("snaps");
        // A story named as a file keeps its name.
        assert_eq!(
            snapshot_path(
                dir,
                Path::new("nowhere/x.txt"),
                &[PathBuf::from("nowhere/x.txt")]
            ),
            Path::new("snaps/x.txt.yaml")
        );
        // A story found in a folder keeps its path under that folder.
        let root = std::env::temp_dir();
        let story = root.join("desk/x.txt");
        assert_eq!(
            snapshot_path(dir, &story, &[root]),
            Path::new("snaps/desk/x.txt.yaml")
        );
    }
}
