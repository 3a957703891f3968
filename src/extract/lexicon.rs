//! The cue lexicon: speech verbs, pronouns, titles and the other word lists
//! the extractor and resolver use, kept as data in `lexicon.yaml`.

use std::collections::HashSet;
use std::sync::OnceLock;

use serde::Deserialize;

/// The lexicon file shipped with quoth.
pub const LEXICON_YAML: &str = include_str!("lexicon.yaml");

/// Word lists, each held lowercased for lookups that ignore case.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Lexicon {
    /// Verbs that introduce or tag a quotation, every form of every verb.
    #[serde(deserialize_with = "verb_forms")]
    pub cue_verbs: HashSet<String>,
    /// The word that opens `according to X`.
    pub according_to: HashSet<String>,
    /// Nouns that name a document or channel (`statement`).
    pub document_nouns: HashSet<String>,
    /// Nouns that head an organisation's name (`ministry`).
    pub organization_nouns: HashSet<String>,
    /// Nouns that head a description of people (`spokesman`).
    pub person_nouns: HashSet<String>,
    /// Pronouns by what they may refer to.
    pub pronouns: Pronouns,
    /// Words that open a noun phrase.
    pub determiners: HashSet<String>,
    /// Adverbs and auxiliaries between a subject and its verb.
    pub verb_fillers: HashSet<String>,
    /// Small words allowed inside a name.
    pub name_connectors: HashSet<String>,
    /// Prepositions.
    pub prepositions: HashSet<String>,
    /// Titles and roles stripped from a mention to find the name.
    pub titles: HashSet<String>,
    /// Abbreviations whose period does not end a sentence.
    pub abbreviations: HashSet<String>,
    /// Capitalised words that are never a speaker's name (`But`, `Monday`).
    pub function_words: HashSet<String>,
    /// Words for works and their media, and the words that introduce a title.
    pub work_nouns: HashSet<String>,
}

/// Reads one list of forms per verb into one set.
fn verb_forms<'de, D: serde::Deserializer<'de>>(d: D) -> Result<HashSet<String>, D::Error> {
    let verbs: Vec<Vec<String>> = Deserialize::deserialize(d)?;
    Ok(verbs.into_iter().flatten().collect())
}

/// Pronouns by the kind of antecedent they accept.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Pronouns {
    /// Pronouns for people.
    pub person: HashSet<String>,
    /// Pronouns for organisations and documents.
    pub organization: HashSet<String>,
}

impl Lexicon {
    /// The shipped lexicon, parsed once.
    pub fn builtin() -> &'static Lexicon {
        static LEXICON: OnceLock<Lexicon> = OnceLock::new();
        LEXICON.get_or_init(|| {
            let mut lexicon: Lexicon = serde_yaml::from_str(LEXICON_YAML)
                .unwrap_or_else(|err| panic!("the built-in lexicon.yaml is invalid: {err}"));
            lexicon.lowercase();
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
            &mut self.function_words,
            &mut self.work_nouns,
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
        let w = Self::pronoun_base(word);
        self.pronouns.person.contains(&w) || self.pronouns.organization.contains(&w)
    }

    /// Whether `word` (any case) is in `set`.
    pub fn has(set: &HashSet<String>, word: &str) -> bool {
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
        ] {
            assert!(Lexicon::has(&lexicon.cue_verbs, verb), "{verb}");
        }
        assert!(lexicon.is_pronoun("It"));
        assert!(Lexicon::has(&lexicon.abbreviations, "u.s"));
    }
}
