//! The reference corpus as quoth holds it once loaded and checked.

use std::collections::HashMap;
use std::fmt;

use serde::{Deserialize, Serialize};

/// Whether a speaker is a person or an organisation (a government, a ministry, a committee).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum SpeakerKind {
    /// A person.
    Person,
    /// An organisation, government body or committee.
    Organization,
}

/// What kind of record a source is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum SourceKind {
    /// A record of spoken words: a press conference, a debate, a hearing.
    Transcript,
    /// A written statement issued by the speakers: a press release, a joint statement.
    PressRelease,
    /// A prepared speech as delivered.
    Speech,
    /// An interview.
    Interview,
    /// A post on a social network.
    SocialPost,
}

impl SourceKind {
    /// Whether the source holds written words rather than a record of speech.
    pub fn is_written(self) -> bool {
        matches!(self, SourceKind::PressRelease | SourceKind::SocialPost)
    }

    /// A short human name for the kind.
    pub fn label(self) -> &'static str {
        match self {
            SourceKind::Transcript => "transcript",
            SourceKind::PressRelease => "written statement",
            SourceKind::Speech => "speech",
            SourceKind::Interview => "interview",
            SourceKind::SocialPost => "social post",
        }
    }
}

/// How close a source's text is to the words as issued.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Provenance {
    /// The issuer's own page.
    Primary,
    /// A verbatim copy of the issuer's page elsewhere.
    PrimaryMirror,
    /// An official summary, not verbatim.
    Gist,
    /// The wording as a news report quotes it.
    Secondary,
}

impl Provenance {
    /// A short human description.
    pub fn label(self) -> &'static str {
        match self {
            Provenance::Primary => "primary source",
            Provenance::PrimaryMirror => "mirror of the primary source",
            Provenance::Gist => "official summary, not verbatim",
            Provenance::Secondary => "as quoted in a news report",
        }
    }
}

/// A calendar date, `YYYY-MM-DD`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date {
    /// Year, 1..=9999.
    pub year: u16,
    /// Month, 1..=12.
    pub month: u8,
    /// Day of the month, valid for the month and year.
    pub day: u8,
}

impl Date {
    /// Parses `YYYY-MM-DD`, checking that the day exists.
    pub fn parse(text: &str) -> Option<Date> {
        let bytes = text.as_bytes();
        if bytes.len() != 10 || bytes[4] != b'-' || bytes[7] != b'-' {
            return None;
        }
        let number = |range: std::ops::Range<usize>| -> Option<u16> {
            let part = text.get(range)?;
            part.bytes()
                .all(|b| b.is_ascii_digit())
                .then(|| part.parse().ok())?
        };
        let (year, month, day) = (number(0..4)?, number(5..7)?, number(8..10)?);
        let leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
        let days = match month {
            1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
            4 | 6 | 9 | 11 => 30,
            2 if leap => 29,
            2 => 28,
            _ => return None,
        };
        (year >= 1 && (1..=days).contains(&day)).then_some(Date {
            year,
            month: month as u8,
            day: day as u8,
        })
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

impl Serialize for Date {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

/// A person or organisation whose statements the corpus holds.
#[derive(Debug, Clone)]
pub struct Speaker {
    /// Stable id, used by statements.
    pub id: String,
    /// Display name.
    pub name: String,
    /// Other names the speaker is known by in stories.
    pub aliases: Vec<String>,
    /// Titles and roles (`Secretary of State`).
    pub titles: Vec<String>,
    /// Person or organisation.
    pub kind: SpeakerKind,
    /// Pronouns, where known (`he`, `she`, `they`).
    pub pronouns: Option<String>,
}

/// Where statements come from: a transcript, a press release, a post.
#[derive(Debug, Clone)]
pub struct Source {
    /// Stable id.
    pub id: String,
    /// Title of the page or document.
    pub title: String,
    /// Where to read it, when it is online.
    pub url: Option<String>,
    /// When the words were said or issued.
    pub date: Date,
    /// What kind of record it is.
    pub kind: SourceKind,
    /// How close the text is to the words as issued, where known.
    pub provenance: Option<Provenance>,
    /// A remark for fact-checkers.
    pub note: Option<String>,
}

/// One statement: a run of words said or written by one or more speakers.
#[derive(Debug, Clone)]
pub struct Statement {
    /// Stable id.
    pub id: String,
    /// Indexes into [`Corpus::speakers`]; more than one for a joint statement.
    pub speakers: Vec<usize>,
    /// Index into [`Corpus::sources`].
    pub source: usize,
    /// The words.
    pub text: String,
    /// A remark for fact-checkers.
    pub note: Option<String>,
}

impl Statement {
    /// Whether the statement was issued jointly by several speakers.
    pub fn is_joint(&self) -> bool {
        self.speakers.len() > 1
    }
}

/// A loaded, checked reference corpus.
#[derive(Debug, Clone, Default)]
pub struct Corpus {
    /// Every speaker, in load order.
    pub speakers: Vec<Speaker>,
    /// Every source, in load order.
    pub sources: Vec<Source>,
    /// Every statement, in load order.
    pub statements: Vec<Statement>,
    /// The files the corpus was loaded from.
    pub files: Vec<String>,
    /// A hash of the corpus files' names and contents: the key of the index cache.
    pub content_hash: u64,
    by_name: HashMap<String, usize>,
}

impl Corpus {
    /// Builds a corpus from checked parts, indexing speaker names and aliases.
    pub fn new(
        speakers: Vec<Speaker>,
        sources: Vec<Source>,
        statements: Vec<Statement>,
        files: Vec<String>,
        content_hash: u64,
    ) -> Self {
        let mut by_name = HashMap::new();
        for (index, speaker) in speakers.iter().enumerate() {
            for name in std::iter::once(&speaker.name).chain(&speaker.aliases) {
                by_name.entry(name_key(name)).or_insert(index);
            }
        }
        Corpus {
            speakers,
            sources,
            statements,
            files,
            content_hash,
            by_name,
        }
    }

    /// The speaker whose display name or an alias is `name`, ignoring case,
    /// spacing and a middle initial.
    pub fn speaker_named(&self, name: &str) -> Option<usize> {
        self.by_name.get(&name_key(name)).copied().or_else(|| {
            // `Donald J. Trump` is `Donald Trump`: a middle initial left out.
            let words: Vec<&str> = name.split_whitespace().collect();
            let middle = |i: usize, w: &&str| {
                i > 0 && i + 1 < words.len() && w.len() == 2 && w.ends_with('.')
            };
            let without: Vec<&str> = words
                .iter()
                .enumerate()
                .filter(|(i, w)| !middle(*i, w))
                .map(|(_, w)| *w)
                .collect();
            (without.len() < words.len())
                .then(|| self.by_name.get(&name_key(&without.join(" "))).copied())
                .flatten()
        })
    }

    /// The statements that `speaker` made, alone or jointly.
    pub fn statements_of(&self, speaker: usize) -> impl Iterator<Item = usize> + '_ {
        self.statements
            .iter()
            .enumerate()
            .filter(move |(_, s)| s.speakers.contains(&speaker))
            .map(|(i, _)| i)
    }

    /// Display names of the statement's speakers.
    pub fn speaker_names(&self, statement: &Statement) -> Vec<String> {
        statement
            .speakers
            .iter()
            .map(|&s| self.speakers[s].name.clone())
            .collect()
    }
}

fn name_key(name: &str) -> String {
    name.split_whitespace()
        .map(|w| w.to_lowercase())
        .collect::<Vec<_>>()
        .join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_middle_initial_does_not_hide_a_speaker() {
        let speaker = |name: &str| Speaker {
            id: name.to_lowercase().replace(' ', "-"),
            name: name.into(),
            aliases: vec![],
            titles: vec![],
            kind: SpeakerKind::Person,
            pronouns: None,
        };
        let corpus = Corpus::new(vec![speaker("Donald Trump")], vec![], vec![], vec![], 1);
        assert_eq!(corpus.speaker_named("Donald J. Trump"), Some(0));
        assert_eq!(corpus.speaker_named("donald  trump"), Some(0));
        assert_eq!(corpus.speaker_named("Donald J. Smith"), None);
        assert_eq!(corpus.speaker_named("J. Trump"), None);
    }

    #[test]
    fn dates_are_checked_against_the_calendar() {
        assert_eq!(Date::parse("2021-03-16").unwrap().to_string(), "2021-03-16");
        assert!(Date::parse("2020-02-29").is_some());
        assert!(Date::parse("2021-02-29").is_none());
        assert!(Date::parse("2021-13-01").is_none());
        assert!(Date::parse("16 March 2021").is_none());
        assert!(Date::parse("2021-3-16").is_none());
    }
}
