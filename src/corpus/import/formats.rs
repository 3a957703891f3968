//! Readers of the formats `corpus import` takes: each turns one input file
//! into statement records with their line numbers, and reports the lines it
//! cannot read.

use std::collections::HashMap;

use serde::Deserialize;
use serde::de::DeserializeOwned;

use super::{LineError, Record};
use crate::corpus::Provenance;

/// What a reader found in one file.
#[derive(Debug, Default)]
pub struct Read {
    /// Statements, in file order.
    pub records: Vec<Record>,
    /// Lines that could not be read.
    pub errors: Vec<LineError>,
    /// Transcript turns left out (questions no speaker map names).
    pub skipped_turns: usize,
}

impl Read {
    fn error(&mut self, file: &str, line: usize, message: impl Into<String>) {
        self.errors.push(LineError {
            file: file.to_string(),
            line,
            message: message.into(),
        });
    }
}

/// One statement per line in quoth's own shape.
#[derive(Debug, Deserialize)]
struct JsonlLine {
    #[serde(default)]
    id: Option<String>,
    speaker: String,
    text: String,
    #[serde(default)]
    source: Option<String>,
    #[serde(default)]
    date: Option<String>,
    #[serde(default)]
    title: Option<String>,
    /// Where the statement was taken from, when there is no URL (a repository file).
    #[serde(default)]
    doc: Option<String>,
}

/// Each non-blank line of `text` read as a `T` and handed to `each` with its
/// line number; a line that is not one is reported as not a `what`.
fn json_lines<T: DeserializeOwned>(
    file: &str,
    text: &str,
    what: &str,
    mut each: impl FnMut(&mut Read, usize, T),
) -> Read {
    let mut read = Read::default();
    for (n, line) in text.lines().enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        match serde_json::from_str::<T>(line) {
            Ok(value) => each(&mut read, n + 1, value),
            Err(e) => read.error(file, n + 1, format!("not {what}: {e}")),
        }
    }
    read
}

/// JSON Lines: `{"id", "speaker", "text", "source" (URL), "date", "title"}`.
pub fn jsonl(file: &str, text: &str) -> Read {
    json_lines(file, text, "a statement", |read, line, l: JsonlLine| {
        read.records.push(Record {
            line,
            id: l.id,
            speaker: l.speaker,
            text: l.text,
            url: l.source.filter(|s| !s.trim().is_empty()),
            date: l.date,
            title: l.title.or(l.doc),
            provenance: None,
        });
    })
}

/// One quotation of Quotebank (Vaucher et al.), as its JSON Lines dumps give it.
#[derive(Debug, Deserialize)]
#[serde(rename_all = "camelCase")]
struct QuotebankLine {
    #[serde(default, rename = "quoteID")]
    quote_id: Option<String>,
    quotation: String,
    speaker: String,
    #[serde(default)]
    date: Option<String>,
    #[serde(default)]
    urls: Vec<String>,
}

/// Quotebank's JSON Lines: `quoteID`, `quotation`, `speaker` (`"None"` when
/// unknown), `qids`, `date` (`YYYY-MM-DD HH:MM:SS`), `urls`. The wording is
/// as news reports quote it, so the sources are marked `secondary`.
pub fn quotebank(file: &str, text: &str) -> Read {
    json_lines(
        file,
        text,
        "a Quotebank quotation",
        |read, line, q: QuotebankLine| {
            if q.speaker.trim().eq_ignore_ascii_case("none") {
                read.error(file, line, "no speaker (Quotebank gives \"None\")");
                return;
            }
            let url = q.urls.into_iter().find(|u| !u.trim().is_empty());
            read.records.push(Record {
                line,
                id: q.quote_id.map(|id| format!("qb-{id}")),
                speaker: q.speaker,
                text: q.quotation,
                title: url
                    .as_deref()
                    .map(|u| format!("{} (via Quotebank)", host(u))),
                url,
                date: q.date.map(|d| d.chars().take(10).collect()),
                provenance: Some(Provenance::Secondary),
            });
        },
    )
}

/// The host of a URL, or the URL when it has none.
fn host(url: &str) -> &str {
    let rest = url.split_once("://").map_or(url, |(_, rest)| rest);
    rest.split(['/', '?', '#']).next().unwrap_or(rest)
}

/// Column names a CSV header may use, by field.
const CSV_COLUMNS: &[(&str, &[&str])] = &[
    ("speaker", &["speaker", "name", "person", "author"]),
    ("text", &["text", "quote", "quotation", "statement"]),
    ("date", &["date"]),
    ("url", &["url", "source", "link"]),
    ("title", &["title", "source_title"]),
    ("id", &["id", "statement_id"]),
];

/// CSV with a header row naming at least a speaker and a text column
/// (`speaker`/`name`, `text`/`quote`/`quotation`), and optionally `date`,
/// `url`/`source`, `title`, `id`.
pub fn csv(file: &str, text: &str) -> Read {
    let mut read = Read::default();
    let mut reader = ::csv::ReaderBuilder::new()
        .flexible(true)
        .from_reader(text.as_bytes());
    let header = match reader.headers() {
        Ok(header) => header.clone(),
        Err(e) => {
            read.error(file, 1, format!("cannot read the header: {e}"));
            return read;
        }
    };
    let mut column: HashMap<&str, usize> = HashMap::new();
    for (field, names) in CSV_COLUMNS {
        if let Some(i) = header
            .iter()
            .position(|h| names.contains(&h.trim().to_ascii_lowercase().as_str()))
        {
            column.insert(field, i);
        }
    }
    for required in ["speaker", "text"] {
        if !column.contains_key(required) {
            read.error(
                file,
                1,
                format!(
                    "the header has no {required} column (it names: {})",
                    header.iter().collect::<Vec<_>>().join(", ")
                ),
            );
        }
    }
    if !read.errors.is_empty() {
        return read;
    }
    for row in reader.records() {
        let row = match row {
            Ok(row) => row,
            Err(e) => {
                let line = e.position().map_or(0, |p| p.line() as usize);
                read.error(file, line, format!("not a CSV row: {e}"));
                continue;
            }
        };
        let line = row.position().map_or(0, |p| p.line() as usize);
        if row.len() != header.len() {
            read.error(
                file,
                line,
                format!("{} fields where the header has {}", row.len(), header.len()),
            );
            continue;
        }
        let get = |field: &str| {
            column
                .get(field)
                .and_then(|&i| row.get(i))
                .map(str::to_string)
                .filter(|v| !v.trim().is_empty())
        };
        read.records.push(Record {
            line,
            id: get("id"),
            speaker: get("speaker").unwrap_or_default(),
            text: get("text").unwrap_or_default(),
            url: get("url"),
            date: get("date"),
            title: get("title"),
            provenance: None,
        });
    }
    read
}

/// A speaker turn of a transcript: its label and its paragraphs with their lines.
struct Turn {
    label: String,
    paragraphs: Vec<(usize, String)>,
}

/// Speaker-turn transcripts: `SECRETARY BLINKEN: …` (labels in capitals),
/// `Antony Blinken (00:01:02):` (as transcription services write them), and
/// `Q:`/`A:` or any `Label:` that `speaker_map` names. Each paragraph of a
/// turn is a statement; lines before the first turn (a title, a dateline)
/// are left out, and so are stage directions such as `(Laughter.)`. Turns
/// of `Q` or `QUESTION` are left out unless the map names them.
pub fn transcript(text: &str, speaker_map: &[(String, String)]) -> Read {
    let mut read = Read::default();
    let mapped = |label: &str| {
        speaker_map
            .iter()
            .any(|(l, _)| l.trim().eq_ignore_ascii_case(label.trim()))
    };
    let mut turns: Vec<Turn> = Vec::new();
    let mut blank_before = false;
    for (n, line) in text.lines().enumerate() {
        let line = line.trim();
        if line.is_empty() {
            blank_before = true;
            continue;
        }
        if let Some((label, rest)) = turn_label(line, &mapped) {
            turns.push(Turn {
                label,
                paragraphs: Vec::new(),
            });
            blank_before = false;
            let rest = rest.trim();
            if !rest.is_empty()
                && let Some(turn) = turns.last_mut()
            {
                turn.paragraphs.push((n + 1, rest.to_string()));
            }
            continue;
        }
        let Some(turn) = turns.last_mut() else {
            continue;
        };
        match turn.paragraphs.last_mut() {
            Some((_, paragraph)) if !blank_before => {
                paragraph.push(' ');
                paragraph.push_str(line);
            }
            _ => turn.paragraphs.push((n + 1, line.to_string())),
        }
        blank_before = false;
    }
    for turn in turns {
        let question = ["q", "question"].contains(&turn.label.to_ascii_lowercase().as_str());
        if question && !mapped(&turn.label) {
            read.skipped_turns += 1;
            continue;
        }
        for (line, paragraph) in turn.paragraphs {
            let words = without_stage_directions(&paragraph);
            if words.is_empty() {
                continue;
            }
            read.records.push(Record {
                line,
                id: None,
                speaker: turn.label.clone(),
                text: words,
                url: None,
                date: None,
                title: None,
                provenance: None,
            });
        }
    }
    read
}

/// The speaker label at the start of a transcript line and the rest of the line.
fn turn_label(line: &str, mapped: &impl Fn(&str) -> bool) -> Option<(String, String)> {
    // `Name (00:01:02):` as transcription services write it.
    if let Some((head, rest)) = line.split_once("):")
        && let Some((name, time)) = head.rsplit_once(" (")
        && !time.is_empty()
        && time.chars().all(|c| c.is_ascii_digit() || c == ':')
        && !name.trim().is_empty()
        && name.chars().count() <= 60
    {
        return Some((name.trim().to_string(), rest.to_string()));
    }
    let (head, rest) = line.split_once(':')?;
    let head = head.trim();
    if head.is_empty() || head.chars().count() > 60 {
        return None;
    }
    // A label in capitals: `SECRETARY BLINKEN:`, `MR. PRICE:`, `Q:`.
    let letters: Vec<char> = head.chars().filter(|c| c.is_alphabetic()).collect();
    let capitals = !letters.is_empty()
        && letters.iter().all(|c| c.is_uppercase())
        && head
            .chars()
            .all(|c| c.is_alphabetic() || matches!(c, ' ' | '.' | '\'' | '-' | '’'));
    if capitals || mapped(head) {
        return Some((head.to_string(), rest.to_string()));
    }
    None
}

/// The words of a paragraph without bracketed stage directions:
/// `(Laughter.)`, `[crosstalk]`, `(APPLAUSE)`.
fn without_stage_directions(paragraph: &str) -> String {
    let mut out = String::with_capacity(paragraph.len());
    let mut depth = 0usize;
    for c in paragraph.chars() {
        match c {
            '(' | '[' => depth += 1,
            ')' | ']' if depth > 0 => depth -= 1,
            _ if depth == 0 => out.push(c),
            _ => {}
        }
    }
    out.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn transcript_labels_of_every_shape() {
        let none = |_: &str| false;
        assert_eq!(
            turn_label("SECRETARY BLINKEN: Thank you.", &none),
            Some(("SECRETARY BLINKEN".into(), " Thank you.".into()))
        );
        assert_eq!(
            turn_label("Antony Blinken (00:01:02): Good morning.", &none).map(|t| t.0),
            Some("Antony Blinken".into())
        );
        assert_eq!(
            turn_label("MR. PRICE: Next.", &none).map(|t| t.0),
            Some("MR. PRICE".into())
        );
        assert_eq!(turn_label("Note: this is prose.", &none), None);
        assert_eq!(turn_label("At 10:30 the talks began.", &none), None);
        let blinken = |l: &str| l == "Blinken";
        assert_eq!(
            turn_label("Blinken: Yes.", &blinken).map(|t| t.0),
            Some("Blinken".into())
        );
    }

    #[test]
    fn stage_directions_are_dropped() {
        assert_eq!(
            without_stage_directions("We will win. (APPLAUSE) [crosstalk] Believe me."),
            "We will win. Believe me."
        );
        assert_eq!(without_stage_directions("(Laughter.)"), "");
    }

    #[test]
    fn hosts_of_urls() {
        assert_eq!(host("https://www.example.com/a/b?c"), "www.example.com");
        assert_eq!(host("example.org"), "example.org");
    }
}
