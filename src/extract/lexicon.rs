//! The cue lexicon: speech verbs, pronouns, titles and the other word lists
//! the extractor and resolver use, kept as data in `lexicon.yaml`.

use std::sync::OnceLock;

use rustc_hash::{FxHashMap, FxHashSet};

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
    /// Every word of the lists, with the [`WordClass`] bits of the lists it is in.
    #[serde(skip)]
    classes: FxHashMap<String, u64>,
    /// For each first letter `a`–`z` of a verb that may report, a bit for
    /// each last letter a verb of that first letter ends with.
    #[serde(skip)]
    verb_ends: [u32; 26],
}

/// Declares [`WordClass`], one variant per word list of the lexicon, and
/// the lexicon's table of its lists by class.
macro_rules! word_classes {
    ($($(#[$doc:meta])* $class:ident => $($field:ident).+;)*) => {
        /// A word list of the lexicon: the lists a word is in are found with
        /// one lookup ([`Lexicon::classes_of`]) and kept as bits.
        #[derive(Debug, Clone, Copy, PartialEq, Eq)]
        pub enum WordClass {
            $($(#[$doc])* $class,)*
        }

        impl Lexicon {
            /// Every list of the lexicon with its class.
            fn sets(&self) -> Vec<(WordClass, &WordSet)> {
                vec![$((WordClass::$class, &self.$($field).+),)*]
            }

            /// Every list of the lexicon, to change.
            fn sets_mut(&mut self) -> Vec<&mut WordSet> {
                vec![$(&mut self.$($field).+,)*]
            }
        }
    };
}

word_classes! {
    /// [`Lexicon::cue_verbs`].
    CueVerb => cue_verbs;
    /// [`Lexicon::according_to`].
    AccordingTo => according_to;
    /// [`Lexicon::document_nouns`].
    DocumentNoun => document_nouns;
    /// [`Lexicon::organization_nouns`].
    OrganizationNoun => organization_nouns;
    /// [`Lexicon::person_nouns`].
    PersonNoun => person_nouns;
    /// [`Pronouns::person`].
    PersonPronoun => pronouns.person;
    /// [`Pronouns::organization`].
    OrganizationPronoun => pronouns.organization;
    /// [`Lexicon::determiners`].
    Determiner => determiners;
    /// [`Lexicon::verb_fillers`].
    VerbFiller => verb_fillers;
    /// [`Lexicon::name_connectors`].
    NameConnector => name_connectors;
    /// [`Lexicon::prepositions`].
    Preposition => prepositions;
    /// [`Lexicon::titles`].
    Title => titles;
    /// [`Lexicon::abbreviations`].
    Abbreviation => abbreviations;
    /// [`Lexicon::number_abbreviations`].
    NumberAbbreviation => number_abbreviations;
    /// [`Lexicon::sentence_openers`].
    SentenceOpener => sentence_openers;
    /// [`Lexicon::function_words`].
    FunctionWord => function_words;
    /// [`Lexicon::work_nouns`].
    WorkNoun => work_nouns;
    /// [`Lexicon::time_words`].
    TimeWord => time_words;
    /// [`ReportedSpeech::address_verbs`].
    AddressVerb => reported_speech.address_verbs;
    /// [`ReportedSpeech::clause_verbs`].
    ClauseVerb => reported_speech.clause_verbs;
    /// [`ReportedSpeech::finding_verbs`].
    FindingVerb => reported_speech.finding_verbs;
    /// [`ReportedSpeech::record_nouns`].
    RecordNoun => reported_speech.record_nouns;
    /// [`ReportedSpeech::survey_nouns`].
    SurveyNoun => reported_speech.survey_nouns;
    /// [`ReportedSpeech::that_verbs`].
    ThatVerb => reported_speech.that_verbs;
    /// [`ReportedSpeech::infinitive_verbs`].
    InfinitiveVerb => reported_speech.infinitive_verbs;
    /// [`ReportedSpeech::object_verbs`].
    ObjectVerb => reported_speech.object_verbs;
    /// [`ReportedSpeech::say_verbs`].
    SayVerb => reported_speech.say_verbs;
    /// [`ReportedSpeech::write_verbs`].
    WriteVerb => reported_speech.write_verbs;
    /// [`ReportedSpeech::not_clause_openers`].
    NotClauseOpener => reported_speech.not_clause_openers;
    /// [`ReportedSpeech::phrasal_verbs`].
    PhrasalVerb => reported_speech.phrasal_verbs;
    /// [`ReportedSpeech::auxiliaries`].
    Auxiliary => reported_speech.auxiliaries;
    /// [`ReportedSpeech::number_words`].
    NumberWord => reported_speech.number_words;
    /// [`ReportedSpeech::setting_words`].
    SettingWord => reported_speech.setting_words;
    /// [`ReportedSpeech::share_qualifiers`].
    ShareQualifier => reported_speech.share_qualifiers;
    /// [`ReportedSpeech::quantifiers`].
    Quantifier => reported_speech.quantifiers;
    /// [`ReportedSpeech::not_labels`].
    NotLabel => reported_speech.not_labels;
    /// [`ReportedSpeech::clause_breaks`].
    ClauseBreak => reported_speech.clause_breaks;
    /// [`ReportedSpeech::occasions`].
    Occasion => reported_speech.occasions;
    /// [`ReportedSpeech::not_reporting`].
    NotReporting => reported_speech.not_reporting;
    /// [`ReportedSpeech::subordinators`].
    Subordinator => reported_speech.subordinators;
    /// [`ReportedSpeech::question_words`].
    QuestionWord => reported_speech.question_words;
    /// [`ReportedSpeech::hearsay_adverbs`].
    HearsayAdverb => reported_speech.hearsay_adverbs;
    /// [`ReportedSpeech::hearsay_participles`].
    HearsayParticiple => reported_speech.hearsay_participles;
    /// [`ReportedSpeech::any_verb`].
    AnyVerb => reported_speech.any_verb;
}

impl WordClass {
    /// The class's bit in [`Lexicon::classes_of`].
    pub fn bit(self) -> u64 {
        1 << self as u32
    }
}

// Every class has its bit in a `u64`, and the highest bit is left for the
// attribution rules' mark of a token looked up.
const _: () = assert!((WordClass::AnyVerb as u32) < 63);

/// Word lists for reported speech without quotation marks.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ReportedSpeech {
    /// Verbs whose first complement is the person addressed (`told reporters that …`).
    pub address_verbs: WordSet,
    /// Verbs that report a clause without `that`.
    pub clause_verbs: WordSet,
    /// Verbs of findings, which report an object or a bare clause when a
    /// study, poll or record is their subject (`polls show Trump leading`).
    pub finding_verbs: WordSet,
    /// Plural nouns for records of findings (`polls`, `records`), which
    /// make a verb of finding report, as document nouns do.
    pub record_nouns: WordSet,
    /// Nouns for a poll or survey named at the opening of a sentence (`In a
    /// CNN/ORC poll, …`).
    pub survey_nouns: WordSet,
    /// Verbs that report a clause only with `that` (`found that …`).
    pub that_verbs: WordSet,
    /// Verbs that report an infinitive.
    pub infinitive_verbs: WordSet,
    /// Verbs of judgement whose object is what is attributed.
    pub object_verbs: WordSet,
    /// Verbs of saying, whose reported clause may open with any word.
    pub say_verbs: WordSet,
    /// Verbs of writing, whose object may be the piece written rather
    /// than a clause (`wrote a children's book`).
    pub write_verbs: WordSet,
    /// Words that do not open a clause after a verb of saying (`said so`, `said nothing`).
    pub not_clause_openers: WordSet,
    /// A verb and its particle whose object is reported (`called for`, `pointed to`).
    pub phrasal_verbs: WordSet,
    /// Auxiliaries and modals: one close after a verb's first words shows a clause.
    pub auxiliaries: WordSet,
    /// Numbers written as words (`one in four said …`).
    pub number_words: WordSet,
    /// Words that open an act's setting after a person named as its object.
    pub setting_words: WordSet,
    /// Words before a share of those asked that belong to it (`nearly half`).
    pub share_qualifiers: WordSet,
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
    /// Adverbs that give a claim as heard from no one named (`reportedly`).
    pub hearsay_adverbs: WordSet,
    /// Participles that, between `be` and `to`, give a claim as held by no
    /// one named (`is expected to`, `is said to`).
    pub hearsay_participles: WordSet,
    /// Every verb that may report speech: the cue verbs, the verb lists above
    /// and the verbs of `phrasal_verbs` ([`WordClass::AnyVerb`]: the first
    /// test of a word that may report).
    #[serde(skip)]
    pub any_verb: WordSet,
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
                .chain(&reported.finding_verbs)
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
            let mut classes = FxHashMap::default();
            for (class, set) in lexicon.sets() {
                for word in set {
                    *classes.entry(word.clone()).or_insert(0) |= class.bit();
                }
            }
            lexicon.classes = classes;
            for verb in &lexicon.reported_speech.any_verb {
                if let (Some(first @ b'a'..=b'z'), Some(last @ b'a'..=b'z')) =
                    (verb.bytes().next(), verb.bytes().last())
                {
                    lexicon.verb_ends[usize::from(first - b'a')] |= 1 << (last - b'a');
                }
            }
            lexicon
        })
    }

    /// Whether `word` may be a verb that reports, told by its first and last
    /// letters with no lookup: false for most other words, true for any word
    /// not spelled in `a`–`z` at both ends.
    pub fn may_be_verb(&self, word: &[u8]) -> bool {
        match (word.first().copied(), word.last().copied()) {
            (Some(first @ b'a'..=b'z'), Some(last @ b'a'..=b'z')) => {
                self.verb_ends[usize::from(first - b'a')] & (1 << (last - b'a')) != 0
            }
            _ => true,
        }
    }

    fn lowercase(&mut self) {
        for set in self.sets_mut() {
            *set = set.drain().map(|w| w.to_lowercase()).collect();
        }
    }

    /// The lists `word` (in any case) belongs to, as bits of [`WordClass`]:
    /// one lookup answers every later question about the word.
    pub fn classes_of(&self, word: &str) -> u64 {
        let classes = with_lowercase(word, |w| self.classes.get(w).copied().unwrap_or(0));
        // `didn't`, `hasn’t`: a negated auxiliary stands where the fillers do.
        if word.ends_with("n't") || word.ends_with("n’t") {
            classes | WordClass::VerbFiller.bit()
        } else {
            classes
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
        with_lowercase(word, |w| set.contains(w))
    }
}

/// `answer` of `word` lowercased; short ASCII words are lowercased on the
/// stack, as this runs for every word of every story.
fn with_lowercase<T>(word: &str, answer: impl Fn(&str) -> T) -> T {
    if !word.bytes().any(|b| b.is_ascii_uppercase()) {
        return answer(word);
    }
    let mut buffer = [0u8; 48];
    if word.is_ascii() && word.len() <= buffer.len() {
        let lower = &mut buffer[..word.len()];
        lower.copy_from_slice(word.as_bytes());
        lower.make_ascii_lowercase();
        if let Ok(lower) = std::str::from_utf8(lower) {
            return answer(lower);
        }
    }
    answer(&word.to_lowercase())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn adverbs_of_hearsay_end_in_edly_and_verbs_pass_the_spelling_test() {
        let lexicon = Lexicon::builtin();
        // The reported-speech pass looks for them only in sentences holding `edly`.
        assert!(
            lexicon
                .reported_speech
                .hearsay_adverbs
                .iter()
                .all(|w| w.ends_with("edly"))
        );
        for verb in &lexicon.reported_speech.any_verb {
            assert!(lexicon.may_be_verb(verb.as_bytes()), "{verb}");
        }
        assert!(!lexicon.may_be_verb(b"the") && !lexicon.may_be_verb(b"of"));
    }

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
    fn a_words_classes_agree_with_every_list() {
        let lexicon = Lexicon::builtin();
        for (class, set) in lexicon.sets() {
            for word in set {
                assert_ne!(lexicon.classes_of(word) & class.bit(), 0, "{word}");
            }
        }
        let said = lexicon.classes_of("Said");
        for class in [WordClass::CueVerb, WordClass::SayVerb, WordClass::AnyVerb] {
            assert_ne!(said & class.bit(), 0, "{class:?}");
        }
        assert_eq!(said & WordClass::Preposition.bit(), 0);
        assert_ne!(lexicon.classes_of("OF") & WordClass::Preposition.bit(), 0);
        assert_eq!(lexicon.classes_of("giraffe"), 0);
        // Negated auxiliaries, in either apostrophe.
        for word in ["didn't", "Hasn’t", "won’t"] {
            assert_ne!(
                lexicon.classes_of(word) & WordClass::VerbFiller.bit(),
                0,
                "{word}"
            );
        }
        assert_eq!(lexicon.classes_of(""), 0);
    }
}
