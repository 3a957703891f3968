//! Reviewed quotes: quotes a person has checked and accepted, so that a
//! pre-publish check stops failing on them.
//!
//! A reviewed quote is keyed by a fingerprint of its words and its speaker,
//! not by its position, so edits elsewhere in the story keep it accepted,
//! and an edit of the quote itself (or a new speaker) makes it checked
//! again. The fingerprint is FNV-1a (64 bits) over the words, lowercased
//! and split at everything that is not a letter or digit, and the
//! speaker's name: the same on every platform and in every version.
//!
//! Reviews live in a YAML file (`quoth-reviewed.yaml`) that `quoth review
//! accept` writes, or in the story itself: an HTML comment
//! `<!-- quoth: reviewed -->` (optionally `<!-- quoth: reviewed: reason -->`)
//! in a Markdown or HTML story accepts the next quote.

use std::path::Path;

use serde::{Deserialize, Serialize};
use thiserror::Error;

use crate::atomic::write_atomically;
use crate::config::YamlError;
use crate::extract::QuoteKind;
use crate::matcher::VerdictKind;
use crate::pipeline::CheckedFile;
use crate::report::{FileReport, ReviewReport, ReviewedBy, WarningReport};
use crate::span::Span;

/// The version prefix of fingerprints; raised only if the scheme changes.
const PREFIX: &str = "q1";

/// The fingerprint of a quote's words as attributed to `speaker` (a display
/// name; `None` for a quote without one).
pub fn fingerprint(words: &str, speaker: Option<&str>) -> String {
    let mut hash = Fnv1a::new();
    for word in normalized_words(words) {
        hash.write(word.as_bytes());
        hash.write(b" ");
    }
    hash.write(&[0x1f]);
    for word in normalized_words(speaker.unwrap_or("")) {
        hash.write(word.as_bytes());
        hash.write(b" ");
    }
    format!("{PREFIX}-{:016x}", hash.0)
}

fn normalized_words(text: &str) -> impl Iterator<Item = String> + '_ {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
}

/// The 64-bit FNV-1a hash, whose output is fixed by its definition.
struct Fnv1a(u64);

impl Fnv1a {
    fn new() -> Self {
        Fnv1a(0xcbf2_9ce4_8422_2325)
    }

    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 ^= u64::from(b);
            self.0 = self.0.wrapping_mul(0x0000_0100_0000_01b3);
        }
    }
}

/// One accepted quote.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct ReviewEntry {
    /// The fingerprint the quote is matched by.
    pub fingerprint: String,
    /// The quote's words, for people reading the file.
    pub quote: String,
    /// Its speaker, when it has one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub speaker: Option<String>,
    /// The verdict it had when it was accepted.
    pub verdict: VerdictKind,
    /// The story it was accepted in.
    pub file: String,
    /// Why it is fine.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reason: Option<String>,
}

/// The file of reviewed quotes.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct ReviewedQuotes {
    /// The accepted quotes, sorted by file, then fingerprint.
    pub reviewed: Vec<ReviewEntry>,
}

/// Why the file of reviewed quotes could not be read or written.
#[derive(Debug, Error)]
pub enum ReviewError {
    /// The file could not be read or written.
    #[error("{path}: {source}")]
    Io {
        /// The file.
        path: String,
        /// The underlying error.
        source: std::io::Error,
    },
    /// The file is not a list of reviewed quotes.
    #[error(transparent)]
    Invalid(#[from] YamlError),
}

impl ReviewedQuotes {
    /// Reads the file at `path`; a missing file is an empty list.
    pub fn read(path: &Path) -> Result<ReviewedQuotes, ReviewError> {
        let name = path.display().to_string();
        let text = match std::fs::read_to_string(path) {
            Ok(text) => text,
            Err(err) if err.kind() == std::io::ErrorKind::NotFound => return Ok(Self::default()),
            Err(source) => return Err(ReviewError::Io { path: name, source }),
        };
        if text.trim().is_empty() {
            return Ok(Self::default());
        }
        serde_yaml::from_str(&text).map_err(|err| YamlError::new(path, &err).into())
    }

    /// Adds `entry` unless the file already holds its fingerprint for its
    /// story; says whether it was added.
    pub fn accept(&mut self, entry: ReviewEntry) -> bool {
        if self.find(&entry.file, &entry.fingerprint).is_some() {
            return false;
        }
        self.reviewed.push(entry);
        self.reviewed
            .sort_by(|a, b| (&a.file, &a.fingerprint).cmp(&(&b.file, &b.fingerprint)));
        true
    }

    /// The entry accepting the quote with `fingerprint` in `file`. An entry
    /// holds for its own story, so the same words accepted in one story are
    /// still checked in another.
    pub fn find(&self, file: &str, fingerprint: &str) -> Option<&ReviewEntry> {
        self.reviewed
            .iter()
            .find(|e| e.fingerprint == fingerprint && e.file == file)
    }

    /// Writes the file at `path`, replacing it whole (never half-written).
    pub fn write(&self, path: &Path) -> Result<(), ReviewError> {
        let io = |source| ReviewError::Io {
            path: path.display().to_string(),
            source,
        };
        let yaml =
            serde_yaml::to_string(self).map_err(|e| io(std::io::Error::other(e.to_string())))?;
        let text = format!(
            "# Quotes a person has checked and accepted; written by `quoth review accept`.\n\
             # Each holds for its story while its words and speaker stay the same.\n{yaml}"
        );
        write_atomically(path, text.as_bytes()).map_err(io)
    }
}

/// An inline review marker: the text of an HTML comment that accepts the
/// next quote, `quoth: reviewed` or `quoth: reviewed: reason`.
pub fn parse_marker(comment: &str) -> Option<Option<String>> {
    let rest = comment.trim().strip_prefix("quoth:")?.trim_start();
    let rest = rest.strip_prefix("reviewed")?;
    let reason = rest.trim_start().strip_prefix(':').map(str::trim);
    if !rest.is_empty() && reason.is_none() && !rest.starts_with(char::is_whitespace) {
        return None;
    }
    Some(reason.filter(|r| !r.is_empty()).map(str::to_string))
}

/// Marks the quotes of a `check` run that a review accepts: an entry of
/// `reviewed` for the quote's story, or a marker in the story before the
/// quote. `checked[i]` is the story of `files[i]`. Returns the entries for
/// the stories of this run that accept no quote any more; a marker that
/// accepts nothing becomes a warning of its story.
pub fn apply(
    files: &mut [FileReport],
    checked: &[CheckedFile],
    reviewed: &ReviewedQuotes,
) -> Vec<ReviewEntry> {
    for (file, story) in files.iter_mut().zip(checked) {
        for quote in &mut file.quotes {
            let entry = quote
                .fingerprint
                .as_deref()
                .and_then(|fp| reviewed.find(&file.file, fp));
            if let Some(entry) = entry {
                quote.reviewed = Some(ReviewReport {
                    by: ReviewedBy::File,
                    reason: entry.reason.clone(),
                });
            }
        }
        // Markers and quotes are both in story order: one pass over each.
        let mut j = 0;
        for marker in &story.document.review_markers {
            while j < story.quotes.len()
                && (story.quotes[j].quote.span.start < marker.offset
                    || story.quotes[j].quote.kind == QuoteKind::Term
                    || file.quotes[j].reviewed.is_some())
            {
                j += 1;
            }
            let next = (j < story.quotes.len()).then_some(j);
            match next {
                Some(j) => {
                    file.quotes[j].reviewed = Some(ReviewReport {
                        by: ReviewedBy::Marker,
                        reason: marker.reason.clone(),
                    });
                }
                None => file.warnings.push(WarningReport {
                    message: "a review marker (<!-- quoth: reviewed -->) with no quote after it"
                        .to_string(),
                    span: story
                        .document
                        .locate(Span::new(marker.offset, marker.offset)),
                }),
            }
        }
    }
    reviewed
        .reviewed
        .iter()
        .filter(|entry| {
            files.iter().any(|f| {
                f.file == entry.file
                    && !f
                        .quotes
                        .iter()
                        .any(|q| q.fingerprint.as_deref() == Some(entry.fingerprint.as_str()))
            })
        })
        .cloned()
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fingerprints_are_fixed_and_keyed_by_words_and_speaker() {
        // The value is part of the file format: it must never change (an
        // independent FNV-1a over the same bytes gives it too).
        assert_eq!(
            fingerprint(
                "keep it from getting a good night's sleep.",
                Some("Kim Yo Jong")
            ),
            "q1-f1bf697d0f29a5fd"
        );
        let base = fingerprint("We will push back, if necessary", Some("Antony Blinken"));
        assert_eq!(
            base,
            fingerprint("we will  push back if necessary…", Some("antony blinken"))
        );
        assert_ne!(
            base,
            fingerprint("We will push back, when necessary", Some("Antony Blinken"))
        );
        assert_ne!(
            base,
            fingerprint("We will push back, if necessary", Some("Lloyd Austin"))
        );
        assert_ne!(base, fingerprint("We will push back, if necessary", None));
    }

    #[test]
    fn markers_are_recognised() {
        assert_eq!(parse_marker(" quoth: reviewed "), Some(None));
        assert_eq!(
            parse_marker("quoth: reviewed: checked with the AP"),
            Some(Some("checked with the AP".into()))
        );
        assert_eq!(parse_marker("quoth: reviewedx"), None);
        assert_eq!(parse_marker("a comment"), None);
    }

    #[test]
    fn accepting_twice_keeps_one_entry_in_order() {
        let entry = |file: &str, fp: &str| ReviewEntry {
            fingerprint: fp.into(),
            quote: "q".into(),
            speaker: None,
            verdict: VerdictKind::NotFound,
            file: file.into(),
            reason: None,
        };
        let mut reviewed = ReviewedQuotes::default();
        assert!(reviewed.accept(entry("b.txt", "q1-2")));
        assert!(reviewed.accept(entry("a.txt", "q1-9")));
        assert!(!reviewed.accept(entry("b.txt", "q1-2")));
        let files: Vec<&str> = reviewed.reviewed.iter().map(|e| e.file.as_str()).collect();
        assert_eq!(files, ["a.txt", "b.txt"]);
        assert!(reviewed.find("a.txt", "q1-9").is_some());
        assert!(reviewed.find("b.txt", "q1-9").is_none());
    }
}
