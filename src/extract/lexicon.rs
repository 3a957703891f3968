//! The cue lexicon: speech verbs, pronouns, titles and the other word lists
//! the extractor and resolver use, kept as data in `lexicon.yaml`.

use std::sync::OnceLock;

use rustc_hash::FxHashSet;

use serde::Deserialize;

/// A set of lowercased words with a fast hasher.
pub type WordSet = FxHashSet<String>;

/// The lexicon file shipped with quoth.
pub const LEXICON_YAML: &str = include_str!("lexicon.yaml");

/// Word lists, each held lowercased for lookups that ignore case.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Lexicon {
    /// Verbs that introduce or tag a quotation, every form of every verb.
    #[serde(deserialize_with = "verb_forms")]
    pub cue_verbs: WordSet,
    /// The word that opens `according to X`.
    pub according_to: WordSet,
    /// Nouns that name a document or channel (`statement`).
    pub document_nouns: WordSet,
    /// Nouns that head an organisation's name (`ministry`).
    pub organization_nouns: WordSet,
    /// Nouns that head a description of people (`spokesman`).
    pub person_nouns: WordSet,
    /// Pronouns by what they may refer to.
    pub pronouns: Pronouns,
    /// Words that open a noun phrase.
    pub determiners: WordSet,
    /// Adverbs and auxiliaries between a subject and its verb.
    pub verb_fillers: WordSet,
    /// Small words allowed inside a name.
    pub name_connectors: WordSet,
    /// Prepositions.
    pub prepositions: WordSet,
    /// Titles and roles stripped from a mention to find the name.
    pub titles: WordSet,
    /// Abbreviations whose period does not end a sentence.
    pub abbreviations: WordSet,
    /// Words that open a sentence after an abbreviation ends the one before
    /// (`… in the U.S. He says …`).
    pub sentence_openers: WordSet,
    /// Abbreviations that stand before a number (`No. 5`); elsewhere their
    /// period ends the sentence (`said no.`).
    pub number_abbreviations: WordSet,
    /// Capitalised words that are never a speaker's name (`But`, `Monday`).
    pub function_words: WordSet,
    /// Words for works and their media, and the words that introduce a title.
    pub work_nouns: WordSet,
    /// Days, months and other time words that may stand between a subject and its verb.
    pub time_words: WordSet,
    /// The verbs and words of reported speech.
    pub reported_speech: ReportedSpeech,
}

/// Word lists for reported speech without quotation marks.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ReportedSpeech {
    /// Verbs whose first complement is the person addressed (`told reporters that …`).
    pub address_verbs: WordSet,
    /// Verbs that report a clause without `that`.
    pub clause_verbs: WordSet,
    /// Verbs that report a clause only with `that` (`found that …`).
    pub that_verbs: WordSet,
    /// Verbs that report an infinitive.
    pub infinitive_verbs: WordSet,
    /// Verbs of judgement whose object is what is attributed.
    pub object_verbs: WordSet,
    /// Verbs of saying, whose reported clause may open with any word.
    pub say_verbs: WordSet,
    /// Words that do not open a clause after a verb of saying (`said so`, `said nothing`).
    pub not_clause_openers: WordSet,
    /// A verb and its particle whose object is reported (`called for`, `pointed to`).
    pub phrasal_verbs: WordSet,
    /// Auxiliaries and modals: one close after a verb's first words shows a clause.
    pub auxiliaries: WordSet,
    /// Quantifiers that stand for their speakers (`Some say …`, `Many thought …`).
    pub quantifiers: WordSet,
    /// Words before a colon opening a paragraph that name no source (`Update:`, `Q:`).
    pub not_labels: WordSet,
    /// Words after a comma that open another clause.
    pub clause_breaks: WordSet,
    /// Occasions of speech (`at a press conference`, `on its Facebook
    /// page`): a phrase ending in one closes what an object verb reports.
    pub occasions: WordSet,
    /// Cue verbs whose form here is a noun far more often than a verb of report.
    pub not_reporting: WordSet,
    /// Words that open a subordinate clause.
    pub subordinators: WordSet,
    /// Words that open a reported question.
    pub question_words: WordSet,
    /// Every verb that may report speech: the cue verbs, the verb lists above
    /// and the verbs of `phrasal_verbs`, for a first test of each word in one
    /// lookup.
    #[serde(skip)]
    pub any_verb: WordSet,
    /// The shapes of `any_verb`'s words: for each first and last letter
    /// `a`–`z`, a bit per length up to 31. A word whose shape is not here is
    /// no verb of the lists, which most words show without a lookup.
    #[serde(skip)]
    pub verb_shapes: Vec<u32>,
}

/// Where the shape of a lowercase ASCII word of fewer than 32 bytes is kept
/// in [`ReportedSpeech::verb_shapes`], and its bit there.
fn shape(word: &[u8]) -> Option<(usize, u32)> {
    match (word.first(), word.last()) {
        (Some(&first @ b'a'..=b'z'), Some(&last @ b'a'..=b'z')) if word.len() < 32 => Some((
            usize::from(first - b'a') * 26 + usize::from(last - b'a'),
            1 << word.len(),
        )),
        _ => None,
    }
}

impl ReportedSpeech {
    /// Whether `word` (in any case) is one of `any_verb`: the cheap test of
    /// its first and last letters and its length, then the lookup.
    pub fn is_any_verb(&self, word: &str) -> bool {
        let shaped = match shape(word.as_bytes()) {
            Some((at, bit)) => self.verb_shapes.get(at).is_some_and(|s| s & bit != 0),
            // Other letters and long words: the lookup decides.
            None => true,
        };
        shaped && Lexicon::has(&self.any_verb, word)
    }
}

/// Reads one list of forms per verb into one set.
fn verb_forms<'de, D: serde::Deserializer<'de>>(d: D) -> Result<WordSet, D::Error> {
    let verbs: Vec<Vec<String>> = Deserialize::deserialize(d)?;
    Ok(verbs.into_iter().flatten().collect())
}

/// Pronouns by the kind of antecedent they accept.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Pronouns {
    /// Pronouns for people.
    pub person: WordSet,
    /// Pronouns for organisations and documents.
    pub organization: WordSet,
}

impl Lexicon {
    /// The shipped lexicon, parsed once.
    pub fn builtin() -> &'static Lexicon {
        static LEXICON: OnceLock<Lexicon> = OnceLock::new();
        LEXICON.get_or_init(|| {
            let mut lexicon: Lexicon = serde_yaml::from_str(LEXICON_YAML)
                .unwrap_or_else(|err| panic!("the built-in lexicon.yaml is invalid: {err}"));
            lexicon.lowercase();
            let reported = &mut lexicon.reported_speech;
            reported.any_verb = lexicon
                .cue_verbs
                .iter()
                .chain(&reported.clause_verbs)
                .chain(&reported.that_verbs)
                .chain(&reported.infinitive_verbs)
                .chain(&reported.object_verbs)
                .chain(&reported.say_verbs)
                .filter(|w| !reported.not_reporting.contains(*w))
                .cloned()
                .chain(
                    reported
                        .phrasal_verbs
                        .iter()
                        .filter_map(|p| Some(p.split_once(' ')?.0.to_string())),
                )
                .collect();
            reported.verb_shapes = vec![0; 26 * 26];
            for (at, bit) in reported.any_verb.iter().filter_map(|v| shape(v.as_bytes())) {
                reported.verb_shapes[at] |= bit;
            }
            lexicon
        })
    }

    fn lowercase(&mut self) {
        for set in [
            &mut self.cue_verbs,
            &mut self.according_to,
            &mut self.document_nouns,
            &mut self.organization_nouns,
            &mut self.person_nouns,
            &mut self.pronouns.person,
            &mut self.pronouns.organization,
            &mut self.determiners,
            &mut self.verb_fillers,
            &mut self.name_connectors,
            &mut self.prepositions,
            &mut self.titles,
            &mut self.abbreviations,
            &mut self.number_abbreviations,
            &mut self.sentence_openers,
            &mut self.function_words,
            &mut self.work_nouns,
            &mut self.time_words,
            &mut self.reported_speech.address_verbs,
            &mut self.reported_speech.clause_verbs,
            &mut self.reported_speech.that_verbs,
            &mut self.reported_speech.infinitive_verbs,
            &mut self.reported_speech.object_verbs,
            &mut self.reported_speech.say_verbs,
            &mut self.reported_speech.not_clause_openers,
            &mut self.reported_speech.quantifiers,
            &mut self.reported_speech.auxiliaries,
            &mut self.reported_speech.phrasal_verbs,
            &mut self.reported_speech.not_labels,
            &mut self.reported_speech.clause_breaks,
            &mut self.reported_speech.occasions,
            &mut self.reported_speech.not_reporting,
            &mut self.reported_speech.subordinators,
            &mut self.reported_speech.question_words,
        ] {
            *set = set.drain().map(|w| w.to_lowercase()).collect();
        }
    }

    /// A word lowercased without a contraction: `He’s` → `he`, `I'd` → `i`.
    pub fn pronoun_base(word: &str) -> String {
        let lower = word.replace('’', "'").to_lowercase();
        lower.split('\'').next().unwrap_or_default().to_string()
    }

    /// Whether `word` is a pronoun of any kind (`He's` counts as `he`).
    pub fn is_pronoun(&self, word: &str) -> bool {
        let base = word.split(['\'', '’']).next().unwrap_or_default();
        Self::has(&self.pronouns.person, base) || Self::has(&self.pronouns.organization, base)
    }

    /// Whether `word` (any case) is in `set`.
    pub fn has(set: &WordSet, word: &str) -> bool {
        if !word.bytes().any(|b| b.is_ascii_uppercase()) {
            return set.contains(word);
        }
        // Lowercase short ASCII words on the stack: this runs for every word of every story.
        let mut buffer = [0u8; 48];
        if word.is_ascii() && word.len() <= buffer.len() {
            let lower = &mut buffer[..word.len()];
            lower.copy_from_slice(word.as_bytes());
            lower.make_ascii_lowercase();
            return std::str::from_utf8(lower).is_ok_and(|w| set.contains(w));
        }
        set.contains(&word.to_lowercase())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_builtin_lexicon_parses_and_knows_the_less_obvious_cues() {
        let lexicon = Lexicon::builtin();
        for verb in [
            "promised",
            "threatened",
            "warned",
            "tweeted",
            "insisted",
            "wrote",
            "remembered",
        ] {
            assert!(Lexicon::has(&lexicon.cue_verbs, verb), "{verb}");
        }
        assert!(lexicon.is_pronoun("It"));
        assert!(Lexicon::has(&lexicon.abbreviations, "u.s"));
    }

    #[test]
    fn the_verb_shapes_agree_with_the_lookup() {
        let lists = &Lexicon::builtin().reported_speech;
        for verb in &lists.any_verb {
            assert!(lists.is_any_verb(verb), "{verb}");
        }
        for word in ["Said", "SAID", "said", "endorsed", "talking"] {
            assert!(lists.is_any_verb(word), "{word}");
        }
        for word in ["the", "campaign", "a", "", "voters", "é"] {
            assert!(!lists.is_any_verb(word), "{word}");
        }
    }
}
