//! A speaker read again once the corpus knows who said the words.
//!
//! A pronoun, a description or a lone surname is linked to a person by a
//! guess: in `… with Hillary Clinton lambasting Trump's plan. "…," she said.`
//! the nearest subject is Trump; `Mrs. Clinton` is linked to the first
//! Clinton of the story, who may be Bill. When the words are then found in
//! the corpus under someone else whom the mention can stand for (named in
//! the story within the mention's reach before it, or bearing the surname),
//! the mention is read as that person: the story did not misattribute the
//! words, the first reading did.

use crate::corpus::{Corpus, Speaker, SpeakerKind};
use crate::extract::tokens::without_possessive;
use crate::span::Span;

use super::{PRONOUN_REACH, ResolvedBy, ResolvedSpeaker, pronoun_gender};

/// `speaker`, read again as the first of `said_by` (corpus speaker
/// indexes: who said its words) that the story allows: for a personal
/// pronoun or a description (`the Democratic nominee`), one named in `text`
/// within reach before it, of a gender that does not clash; for a surname
/// (`Mrs. Clinton`, linked to the first Clinton of the story), one with that
/// surname. `None` when no one fits, or the speaker was named in full.
pub fn reread_speaker(
    text: &str,
    speaker: &ResolvedSpeaker,
    said_by: &[usize],
    corpus: &Corpus,
) -> Option<ResolvedSpeaker> {
    let mention = speaker.mention.slice(text);
    let window = text
        .get(reach_start(text, speaker.mention)..speaker.mention.start)
        .unwrap_or_default();
    let fits = |person: &Speaker| match speaker.resolved_by {
        ResolvedBy::Pronoun => {
            pronoun_gender(mention).is_some_and(|gender| {
                person
                    .pronouns
                    .as_deref()
                    .and_then(pronoun_gender)
                    .is_none_or(|g| g == gender)
            }) && is_named(window, person)
        }
        ResolvedBy::Nominal => is_named(window, person),
        ResolvedBy::Surname => {
            let last = mention.split_whitespace().last().unwrap_or_default();
            let surname = without_possessive(last);
            !surname.is_empty()
                && person
                    .name
                    .split_whitespace()
                    .last()
                    .is_some_and(|last| last.eq_ignore_ascii_case(surname))
        }
        _ => false,
    };
    said_by.iter().copied().find_map(|index| {
        let person = &corpus.speakers[index];
        (person.kind == SpeakerKind::Person && fits(person)).then(|| ResolvedSpeaker {
            name: person.name.clone(),
            corpus_speaker: Some(index),
            ..speaker.clone()
        })
    })
}

/// Whether `person` is named in `text`: their name, an alias or their surname.
fn is_named(text: &str, person: &Speaker) -> bool {
    std::iter::once(person.name.as_str())
        .chain(person.aliases.iter().map(String::as_str))
        .chain(person.name.split_whitespace().last())
        .any(|name| holds_name(text, name))
}

/// Where the stretch of text a pronoun at `mention` reaches back to starts:
/// the start of the paragraph (a non-blank line) [`PRONOUN_REACH`]
/// paragraphs before its own.
fn reach_start(text: &str, mention: Span) -> usize {
    let before = text.get(..mention.start).unwrap_or_default();
    let mut end = before.len();
    let mut paragraphs = 0;
    let mut own = true;
    loop {
        let start = before[..end].rfind('\n').map_or(0, |i| i + 1);
        if own || !before[start..end].trim().is_empty() {
            if paragraphs == PRONOUN_REACH {
                return start;
            }
            paragraphs += 1;
            own = false;
        }
        if start == 0 {
            return 0;
        }
        end = start - 1;
    }
}

/// Whether `name` stands in `text` as whole words, as written.
fn holds_name(text: &str, name: &str) -> bool {
    !name.is_empty()
        && text.match_indices(name).any(|(at, _)| {
            let before = text[..at].chars().next_back();
            let after = text[at + name.len()..].chars().next();
            !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric)
        })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::resolve::EntityKind;

    fn person(name: &str, pronouns: Option<&str>) -> Speaker {
        Speaker {
            id: name.to_lowercase().replace(' ', "-"),
            name: name.into(),
            aliases: vec![],
            titles: vec![],
            kind: SpeakerKind::Person,
            pronouns: pronouns.map(String::from),
        }
    }

    fn corpus() -> Corpus {
        Corpus::new(
            vec![
                person("Hillary Clinton", Some("she")),
                person("Donald Trump", Some("he")),
                person("Bill Clinton", None),
            ],
            vec![],
            vec![],
            vec![],
            1,
        )
    }

    /// The first `word` of `text`, a mention read as `resolved_by` and first
    /// linked to Donald Trump.
    fn guessed(text: &str, word: &str, resolved_by: ResolvedBy) -> ResolvedSpeaker {
        let start = text.find(word).unwrap();
        ResolvedSpeaker {
            name: "Donald Trump".into(),
            mention: Span::new(start, start + word.len()),
            resolved_by,
            entity: EntityKind::Person,
            corpus_speaker: Some(1),
        }
    }

    fn reread(text: &str, speaker: &ResolvedSpeaker, said_by: &[usize]) -> Option<String> {
        reread_speaker(text, speaker, said_by, &corpus()).map(|s| s.name)
    }

    #[test]
    fn a_pronoun_is_read_as_the_one_named_before_who_said_the_words() {
        let text = "Hillary Clinton spoke. Trump attacked.\n\n\"We will,\" she said.";
        let she = guessed(text, "she", ResolvedBy::Pronoun);
        assert_eq!(reread(text, &she, &[0]).as_deref(), Some("Hillary Clinton"));
        // A pronoun whose gender clashes with the person's.
        let text = "Hillary Clinton spoke.\n\n\"We will,\" he said.";
        let he = guessed(text, "he", ResolvedBy::Pronoun);
        assert_eq!(he.mention.slice(text), "he");
        assert_eq!(reread(text, &he, &[0]), None);
    }

    #[test]
    fn a_pronoun_reaches_back_two_paragraphs_only() {
        let text = "Hillary Clinton spoke.\n\nOne.\n\nTwo.\n\n\"We will,\" she said.";
        let she = guessed(text, "she", ResolvedBy::Pronoun);
        assert_eq!(reread(text, &she, &[0]), None);
        let text = "Hillary Clinton spoke.\n\nTwo.\n\n\"We will,\" she said.";
        let she = guessed(text, "she", ResolvedBy::Pronoun);
        assert_eq!(reread(text, &she, &[0]).as_deref(), Some("Hillary Clinton"));
    }

    #[test]
    fn a_surname_is_read_as_the_one_of_that_name_who_said_the_words() {
        let text = "Bill Clinton joined her. \"We will,\" Mrs. Clinton said.";
        let surname = guessed(text, "Mrs. Clinton", ResolvedBy::Surname);
        assert_eq!(
            reread(text, &surname, &[0]).as_deref(),
            Some("Hillary Clinton")
        );
        assert_eq!(reread(text, &surname, &[1]), None);
    }

    #[test]
    fn a_speaker_named_in_full_is_never_read_again() {
        let text = "\"We will,\" Donald Trump said.";
        let named = guessed(text, "Donald Trump", ResolvedBy::Name);
        assert_eq!(reread(text, &named, &[0]), None);
    }

    #[test]
    fn names_stand_as_whole_words() {
        assert!(holds_name("said Clinton.", "Clinton"));
        assert!(!holds_name("the Clintons said", "Clinton"));
    }
}
