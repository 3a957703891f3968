//! Resolve: from the mention of a speaker in the story to the entity it stands
//! for, and from the entity to a speaker of the corpus.
//!
//! Full names stand for themselves once titles are stripped (`Defense Minister
//! Nobuo Kishi` → Nobuo Kishi). A surname stands for the full name met
//! earlier in the story, or for the corpus speaker with that surname. A
//! pronoun stands for the nearest compatible speaker before it: `he` and `she`
//! for a person, `it` for an organisation or a document. Descriptions match
//! corpus titles (`Foreign Ministry spokesman`).

pub mod evidence;

use std::collections::HashMap;

use rustc_hash::FxHashMap;
use serde::Serialize;

use crate::corpus::{Corpus, SpeakerKind};
use crate::extract::lexicon::Lexicon;
use crate::extract::tokens::{TokKind, is_possessive, without_possessive};
use crate::extract::{Extraction, Mention, MentionForm, Paragraph};
use crate::span::Span;

/// How a mention was linked to its entity (SPEC "JSON report", `resolved_by`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum ResolvedBy {
    /// The mention holds the full name.
    Name,
    /// A surname, linked to the full name.
    Surname,
    /// A title or role that a corpus speaker holds.
    Title,
    /// A corpus alias.
    Alias,
    /// The name of an organisation or document.
    Organization,
    /// A pronoun, linked to its antecedent; a relative pronoun (`Perez, who
    /// said …`) to the noun phrase it follows.
    Pronoun,
    /// A description that names no one in particular.
    Nominal,
}

/// What kind of entity a speaker is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum EntityKind {
    /// A person, or people described as such.
    Person,
    /// An organisation.
    Organization,
    /// A document: a statement, a report.
    Document,
}

/// The speaker a quotation is attributed to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ResolvedSpeaker {
    /// The entity's name: a full name, an organisation, a description.
    pub name: String,
    /// The mention in the story.
    pub mention: Span,
    /// How the mention was linked to the name.
    pub resolved_by: ResolvedBy,
    /// What kind of entity it is.
    pub entity: EntityKind,
    /// The corpus speaker, as an index into [`Corpus::speakers`].
    pub corpus_speaker: Option<usize>,
}

/// A name met in the story, and where.
struct NameInText<'t> {
    /// Byte offset of the name.
    offset: usize,
    /// Index of its paragraph.
    paragraph: usize,
    /// The name's words, titles stripped.
    words: Vec<&'t str>,
    /// Whether it stands as the subject of its clause (`Mendoza regularly witnessed`).
    subject: bool,
    /// Whether it names an organisation (`the Foreign Ministry`) rather than a person.
    organization: bool,
    /// Its tokens in its paragraph.
    tokens: std::ops::Range<usize>,
}

/// The names of a story, with an index from surnames to full names.
struct Names<'t> {
    /// Every name, in story order.
    list: Vec<NameInText<'t>>,
    /// Lowercased last word → indexes (in `list`) of person names of two words or more.
    by_surname: FxHashMap<String, Vec<usize>>,
}

/// The most words of a person's full name (`Martin Luther King Jr.`).
const MAX_NAME_WORDS: usize = 4;

/// How many earlier speakers or names a pronoun considers at most.
const MAX_ANTECEDENTS: usize = 64;

impl<'t> Names<'t> {
    fn new(list: Vec<NameInText<'t>>) -> Self {
        let mut by_surname: FxHashMap<String, Vec<usize>> = FxHashMap::default();
        for (i, name) in list.iter().enumerate() {
            if !name.organization
                && (2..=MAX_NAME_WORDS).contains(&name.words.len())
                && let Some(last) = name.words.last()
            {
                by_surname.entry(last.to_lowercase()).or_default().push(i);
            }
        }
        Names { list, by_surname }
    }

    /// The full names ending in `surname`, in story order.
    fn with_surname(&self, surname: &str) -> impl Iterator<Item = &NameInText<'t>> {
        self.by_surname
            .get(&surname.to_lowercase())
            .into_iter()
            .flatten()
            .map(|&i| &self.list[i])
    }

    /// The full name ending in `surname` met nearest before `offset`, else the first after it.
    fn nearest_full_name(&self, surname: &str, offset: usize) -> Option<&NameInText<'t>> {
        let mut before = None;
        for name in self.with_surname(surname) {
            if name.offset < offset {
                before = Some(name);
            } else {
                return before.or(Some(name));
            }
        }
        before
    }

    /// The names met before `offset`, nearest first, at most [`MAX_ANTECEDENTS`].
    fn before(&self, offset: usize) -> impl Iterator<Item = &NameInText<'t>> {
        let end = self.list.partition_point(|n| n.offset < offset);
        self.list[..end].iter().rev().take(MAX_ANTECEDENTS)
    }
}

/// The grammatical gender a pronoun carries, for keeping `he` off a woman named before.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Gender {
    Masculine,
    Feminine,
}

fn pronoun_gender(word: &str) -> Option<Gender> {
    match word.to_lowercase().as_str() {
        "he" | "him" | "his" => Some(Gender::Masculine),
        "she" | "her" | "hers" => Some(Gender::Feminine),
        _ => None,
    }
}

/// Resolves the speaker of every quote of `extraction`, in order.
pub fn resolve(
    text: &str,
    extraction: &Extraction,
    corpus: Option<&Corpus>,
    lexicon: &Lexicon,
) -> Vec<Option<ResolvedSpeaker>> {
    let paras = &extraction.paragraphs;
    let names = names_in_text(text, paras, lexicon);
    // Genders known from the corpus speakers' pronouns. They are not learnt
    // from this resolver's own guesses, which would spread one wrong guess.
    let genders: HashMap<String, Gender> = corpus
        .into_iter()
        .flat_map(|c| &c.speakers)
        .filter_map(|s| {
            Some((
                s.name.clone(),
                s.pronouns.as_deref().and_then(pronoun_gender)?,
            ))
        })
        .collect();
    let mut resolved: Vec<Option<ResolvedSpeaker>> = Vec::with_capacity(extraction.quotes.len());
    for quote in &extraction.quotes {
        let speaker = quote.mention.map(|written| {
            // A relative pronoun is resolved as the noun phrase it stands for.
            let mention = Mention {
                span: written.antecedent.unwrap_or(written.span),
                ..written
            };
            let words = mention.span.slice(text);
            let speaker = match mention.form {
                MentionForm::Pronoun => {
                    PronounContext::new(&resolved, &names, paras, lexicon, corpus, mention.span)
                        .resolve(words, mention.span, &genders)
                }
                MentionForm::Name => resolve_name(words, mention.span, &names, corpus, lexicon),
                MentionForm::Organization | MentionForm::Document => {
                    let name = strip_determiner(words, lexicon);
                    ResolvedSpeaker {
                        corpus_speaker: corpus.and_then(|c| c.speaker_named(&name)),
                        name,
                        mention: mention.span,
                        resolved_by: ResolvedBy::Organization,
                        entity: if mention.form == MentionForm::Document {
                            EntityKind::Document
                        } else {
                            EntityKind::Organization
                        },
                    }
                }
                MentionForm::Nominal => {
                    let mut speaker = resolve_nominal(words, mention.span, corpus, lexicon);
                    // `the senator said`: a definite description stands for the
                    // person named before; `the ministers`, a group, for no one person.
                    let definite = words
                        .split_whitespace()
                        .next()
                        .is_some_and(|w| matches!(w.to_lowercase().as_str(), "the" | "this"));
                    if speaker.resolved_by == ResolvedBy::Nominal && definite && !is_plural(words) {
                        let context = PronounContext::new(
                            &resolved,
                            &names,
                            paras,
                            lexicon,
                            corpus,
                            mention.span,
                        );
                        let role = words.split_whitespace().last().unwrap_or_default();
                        if let Some(name) = context
                            .person_with_role(text, role, mention.span)
                            .or_else(|| context.subject_person_name(mention.span))
                        {
                            speaker.corpus_speaker = corpus.and_then(|c| c.speaker_named(&name));
                            speaker.name = name;
                        }
                    }
                    speaker
                }
            };
            match written.antecedent {
                Some(_) => ResolvedSpeaker {
                    mention: written.span,
                    resolved_by: ResolvedBy::Pronoun,
                    ..speaker
                },
                None => speaker,
            }
        });
        resolved.push(speaker);
    }
    resolved
}

fn strip_determiner(words: &str, lexicon: &Lexicon) -> String {
    match words.split_once(' ') {
        Some((first, rest)) if Lexicon::has(&lexicon.determiners, first) => rest.to_string(),
        _ => words.to_string(),
    }
}

/// The words of a name with leading titles, and a trailing possessive, removed.
fn core_name<'t>(words: &'t str, lexicon: &Lexicon) -> Vec<&'t str> {
    let mut parts: Vec<&str> = words.split_whitespace().collect();
    // A description before the name: `Ohio State University professor Paul Beck`.
    let lowercase =
        |w: &&str| w.starts_with(char::is_lowercase) && !Lexicon::has(&lexicon.name_connectors, w);
    if let Some(last_lower) = parts.iter().rposition(lowercase)
        && last_lower + 1 < parts.len()
    {
        parts.drain(..=last_lower);
    }
    let title = |w: &str| {
        Lexicon::has(&lexicon.titles, w) || Lexicon::has(&lexicon.titles, w.trim_end_matches('.'))
    };
    // An affiliation after the name: `Chuck Schumer of New York` (but not `Secretary of State`).
    if let Some(of) = parts.iter().position(|w| *w == "of")
        && parts[..of].iter().filter(|w| !title(w)).count() >= 2
    {
        parts.truncate(of);
    }
    // Everything up to the last title or possessive modifier:
    // `Japan's Defense Minister Nobuo Kishi`, `Iowa Farm Bureau President Craig Hill`.
    if let Some(last) = parts[..parts.len().saturating_sub(1)]
        .iter()
        .rposition(|w| title(w) || is_possessive(w))
    {
        parts.drain(..=last);
    }
    while parts.len() > 1 && Lexicon::has(&lexicon.name_connectors, parts[0]) {
        parts.remove(0);
    }
    // A place's initials before a full name: `U.N. Kyaw Moe Tun` (but
    // `J.J. Goldberg` and `G.K. Butterfield` are initials of the name).
    let initials = |w: &str| {
        w.len() >= 4
            && w.ends_with('.')
            && w.split_terminator('.')
                .all(|part| part.len() == 1 && part.chars().all(|c| c.is_ascii_uppercase()))
    };
    if parts.len() >= 3 && initials(parts[0]) {
        parts.remove(0);
    }
    parts.iter().map(|w| without_possessive(w)).collect()
}

/// Every capitalised run of words in the story that can name a person, with
/// titles stripped, and whether it stands as a clause's subject.
fn names_in_text<'t>(text: &'t str, paras: &[Paragraph], lexicon: &Lexicon) -> Names<'t> {
    let mut names = Vec::new();
    for (paragraph, para) in paras.iter().enumerate() {
        let toks = &para.tokens;
        let word = |i: usize| {
            toks.get(i)
                .filter(|t| t.kind == TokKind::Word)
                .map(|t| t.span.slice(text))
        };
        let capitalized = |i: usize| {
            word(i).is_some_and(|w| {
                // `That’s`, `Here's`: a contraction of a function word.
                let base = w.split(['\'', '’']).next().unwrap_or_default();
                w.starts_with(char::is_uppercase)
                    && !Lexicon::has(&lexicon.function_words, base.trim_end_matches('.'))
                    && !lexicon.is_pronoun(w)
            })
        };
        let mut i = 0;
        while i < toks.len() {
            if !capitalized(i) {
                i += 1;
                continue;
            }
            let start = i;
            while capitalized(i)
                || (word(i).is_some_and(|w| Lexicon::has(&lexicon.name_connectors, w))
                    && capitalized(i + 1))
            {
                i += 1;
            }
            let run = Span::new(toks[start].span.start, toks[i - 1].span.end).slice(text);
            let core = core_name(run, lexicon);
            let organization = core
                .iter()
                .any(|w| Lexicon::has(&lexicon.organization_nouns, w));
            let clause_start = start == 0
                || matches!(toks[start - 1].kind, TokKind::Punct(c) if ".!?,;:(".contains(c))
                || matches!(toks[start - 1].kind, TokKind::Quote(_))
                || (start == 1
                    && word(0).is_some_and(|w| Lexicon::has(&lexicon.function_words, w)));
            let verb_follows = match toks.get(i).map(|t| t.kind) {
                Some(TokKind::Punct(',')) => true,
                Some(TokKind::Word) => word(i).is_some_and(|w| {
                    w.starts_with(char::is_lowercase)
                        && !Lexicon::has(&lexicon.prepositions, w)
                        && !Lexicon::has(&lexicon.determiners, w)
                }),
                _ => false,
            };
            if !core.is_empty() {
                names.push(NameInText {
                    tokens: start..i,
                    offset: toks[start].span.start,
                    paragraph,
                    // An organisation keeps its whole name: `United Nations Security
                    // Council`; a run longer than a person's name is a headline
                    // or a title, whose last two words may name one
                    // (`Black Lawmakers Rip Donald Trump`).
                    words: if organization {
                        run.split_whitespace().collect()
                    } else if core.len() > MAX_NAME_WORDS {
                        core[core.len() - 2..].to_vec()
                    } else {
                        core
                    },
                    subject: clause_start && verb_follows,
                    organization,
                });
            }
        }
    }
    Names::new(names)
}

fn resolve_name(
    words: &str,
    mention: Span,
    names: &Names<'_>,
    corpus: Option<&Corpus>,
    lexicon: &Lexicon,
) -> ResolvedSpeaker {
    let core = core_name(words, lexicon);
    let joined = core.join(" ");
    let mut speaker = ResolvedSpeaker {
        name: joined.clone(),
        mention,
        resolved_by: ResolvedBy::Name,
        entity: EntityKind::Person,
        corpus_speaker: corpus.and_then(|c| c.speaker_named(&joined)),
    };
    if core.len() == 1 {
        let surname = core[0];
        // The full name with this surname met nearest before the mention, else anywhere.
        let in_text = names.nearest_full_name(surname, mention.start);
        if let Some(full) = in_text {
            speaker.name = full.words.join(" ");
            speaker.resolved_by = ResolvedBy::Surname;
            speaker.corpus_speaker = corpus.and_then(|c| c.speaker_named(&speaker.name));
        } else if let Some(corpus) = corpus {
            if let Some(index) = corpus.speaker_named(surname) {
                speaker.resolved_by = ResolvedBy::Alias;
                speaker.corpus_speaker = Some(index);
                speaker.name = corpus.speakers[index].name.clone();
            } else if let Some(index) = corpus_surname(corpus, surname) {
                speaker.resolved_by = ResolvedBy::Surname;
                speaker.corpus_speaker = Some(index);
                speaker.name = corpus.speakers[index].name.clone();
            }
        }
    } else if speaker.corpus_speaker.is_none()
        && let Some(corpus) = corpus
        && let Some(index) = corpus.speaker_named(words)
    {
        speaker.resolved_by = ResolvedBy::Alias;
        speaker.corpus_speaker = Some(index);
        speaker.name = corpus.speakers[index].name.clone();
    }
    if let Some(index) = speaker.corpus_speaker
        && let Some(corpus) = corpus
        && corpus.speakers[index].kind == SpeakerKind::Organization
    {
        speaker.entity = EntityKind::Organization;
    }
    speaker
}

/// The one corpus person whose name ends with `surname`.
fn corpus_surname(corpus: &Corpus, surname: &str) -> Option<usize> {
    let mut matches = corpus.speakers.iter().enumerate().filter(|(_, s)| {
        s.kind == SpeakerKind::Person
            && s.name
                .split_whitespace()
                .last()
                .is_some_and(|last| last.eq_ignore_ascii_case(surname))
    });
    let first = matches.next()?.0;
    matches.next().is_none().then_some(first)
}

/// What a pronoun can refer to: the speakers resolved so far and the names of the story.
struct PronounContext<'a> {
    earlier: &'a [Option<ResolvedSpeaker>],
    names: &'a Names<'a>,
    paragraph: usize,
    paras: &'a [Paragraph],
    lexicon: &'a Lexicon,
    corpus: Option<&'a Corpus>,
}

/// How many words on each side of a name may give its role.
const ROLE_WORDS: usize = 4;

/// How many paragraphs back a pronoun looks for its antecedent before settling for any earlier speaker.
pub(crate) const PRONOUN_REACH: usize = 2;

impl<'a> PronounContext<'a> {
    /// What a pronoun or description at `mention` can refer to.
    fn new(
        earlier: &'a [Option<ResolvedSpeaker>],
        names: &'a Names<'a>,
        paras: &'a [Paragraph],
        lexicon: &'a Lexicon,
        corpus: Option<&'a Corpus>,
        mention: Span,
    ) -> Self {
        let mut context = PronounContext {
            earlier,
            names,
            paragraph: 0,
            paras,
            lexicon,
            corpus,
        };
        context.paragraph = context.paragraph_of(mention.start);
        context
    }

    /// The index of the paragraph holding byte `offset`.
    fn paragraph_of(&self, offset: usize) -> usize {
        self.paras
            .partition_point(|p| p.span.start <= offset)
            .saturating_sub(1)
    }

    /// The nearest person named as a clause's subject before `mention`, within
    /// reach, whose known gender does not clash with `gender`: its offset and full name.
    fn subject_name_at(
        &self,
        mention: Span,
        genders: &HashMap<String, Gender>,
        gender: Option<Gender>,
        organization: bool,
    ) -> Option<(usize, String)> {
        self.names
            .before(mention.start)
            .filter(|n| n.subject && n.organization == organization)
            .filter(|n| n.paragraph + PRONOUN_REACH >= self.paragraph)
            .map(|n| (n.offset, self.full_name(n)))
            .find(|(_, name)| {
                gender.is_none() || genders.get(name).is_none_or(|g| Some(*g) == gender)
            })
    }

    /// The full name of the nearest person named as a clause's subject
    /// before `mention` (see [`Self::people_before`]).
    fn subject_person_name(&self, mention: Span) -> Option<String> {
        self.people_before(mention)
            .find(|n| n.subject)
            .map(|n| self.full_name(n))
    }

    /// The full name of the nearest person named before `mention`, within
    /// reach, with the word `role` next to the name (`the ambassador` after
    /// `its ambassador to the U.N. Kyaw Moe Tun`).
    fn person_with_role(&self, text: &str, role: &str, mention: Span) -> Option<String> {
        self.people_before(mention)
            .find(|n| {
                let around = role_window(
                    text,
                    &self.paras[n.paragraph].tokens,
                    n.tokens.clone(),
                    self.lexicon,
                );
                let end = around.end.min(mention.start);
                text.get(around.start..end)
                    .unwrap_or_default()
                    .split(|c: char| !c.is_alphanumeric())
                    .any(|w| w.eq_ignore_ascii_case(role))
            })
            .map(|n| self.full_name(n))
    }

    /// The names before `mention`, within reach, nearest first, that are
    /// surely a person's: two words or more, or the surname of such a name in
    /// the story (a single word alone may be a place: `Myanmar charged its
    /// ambassador`).
    fn people_before(&self, mention: Span) -> impl Iterator<Item = &NameInText<'a>> {
        self.names
            .before(mention.start)
            .filter(|n| !n.organization)
            .filter(move |n| n.paragraph + PRONOUN_REACH >= self.paragraph)
            .filter(|n| match n.words.as_slice() {
                [single] => self.names.with_surname(single).next().is_some(),
                _ => true,
            })
    }

    /// The full name of `name`: for a single surname, the first full name the
    /// story gives for it (a story introduces its main people first), else
    /// its own words.
    fn full_name(&self, name: &NameInText) -> String {
        if let [surname] = name.words.as_slice()
            && let Some(full) = self.names.with_surname(surname).next()
        {
            return full.words.join(" ");
        }
        name.words.join(" ")
    }

    /// Resolves `word`, a pronoun at `mention`, to the nearest compatible
    /// antecedent: the latest speaker or subject name within reach whose known
    /// gender does not clash, else the latest compatible speaker.
    fn resolve(
        &self,
        word: &str,
        mention: Span,
        genders: &HashMap<String, Gender>,
    ) -> ResolvedSpeaker {
        let lower = Lexicon::pronoun_base(word);
        let person = self.lexicon.pronouns.person.contains(&lower);
        let organization = self.lexicon.pronouns.organization.contains(&lower);
        let gender = pronoun_gender(&lower);
        let fits_gender =
            |name: &str| gender.is_none() || genders.get(name).is_none_or(|g| Some(*g) == gender);
        let compatible = |entity: EntityKind| match entity {
            EntityKind::Person => person,
            EntityKind::Organization | EntityKind::Document => organization,
        };
        let in_reach = |offset: usize| self.paragraph_of(offset) + PRONOUN_REACH >= self.paragraph;

        let speaker = self
            .earlier
            .iter()
            .rev()
            .take(MAX_ANTECEDENTS)
            .flatten()
            .filter(|s| s.mention.start < mention.start && compatible(s.entity))
            .find(|s| fits_gender(&s.name));
        let name = if person {
            self.subject_name_at(mention, genders, gender, false)
        } else if organization {
            self.subject_name_at(mention, genders, None, true)
        } else {
            None
        };

        let from_speaker = |s: &ResolvedSpeaker| ResolvedSpeaker {
            mention,
            resolved_by: ResolvedBy::Pronoun,
            ..s.clone()
        };
        match (speaker, name) {
            // A later speaker wins over an earlier name, unless the speaker is
            // only a description (`the questioner`) and a name is in reach.
            (Some(s), Some((offset, _)))
                if s.mention.start >= offset
                    && in_reach(s.mention.start)
                    && s.name.chars().any(char::is_uppercase) =>
            {
                from_speaker(s)
            }
            (Some(s), None) => from_speaker(s),
            (_, found) => {
                // A name met in the story, or the pronoun itself when nothing fits.
                let name = found.map_or_else(|| word.to_string(), |(_, name)| name);
                ResolvedSpeaker {
                    corpus_speaker: self.corpus.and_then(|c| c.speaker_named(&name)),
                    name,
                    mention,
                    resolved_by: ResolvedBy::Pronoun,
                    entity: if person {
                        EntityKind::Person
                    } else {
                        EntityKind::Organization
                    },
                }
            }
        }
    }
}

/// Whether a description names a group: its last word is a plural
/// (`the ministers`, `the allies`), not a word ending in `-ss` (`the boss`).
fn is_plural(description: &str) -> bool {
    description
        .split_whitespace()
        .last()
        .is_some_and(|w| w.ends_with('s') && !w.ends_with("ss") && !w.ends_with("'s"))
}

/// The name at `run` (token indexes in `toks`) with the few words around it
/// that may give the person's role: the words of the same noun phrase before
/// it (`its ambassador to the U.N. Kyaw Moe Tun`), and an appositive after
/// its comma (`Nobuo Kishi, Japan's defense minister`), not a clause
/// (`Clinton, said the FBI director`).
fn role_window(
    text: &str,
    toks: &[crate::extract::tokens::Tok],
    run: std::ops::Range<usize>,
    lexicon: &Lexicon,
) -> Span {
    let word = |i: usize| {
        toks.get(i)
            .filter(|t| t.kind == TokKind::Word)
            .map(|t| t.span.slice(text))
    };
    let in_phrase = |j: usize| {
        word(j).is_some_and(|w| {
            w.starts_with(char::is_uppercase)
                || is_possessive(w)
                || Lexicon::has(&lexicon.determiners, w)
                || Lexicon::has(&lexicon.prepositions, w)
                || Lexicon::has(&lexicon.person_nouns, w)
        })
    };
    let first = (run.start.saturating_sub(ROLE_WORDS)..run.start)
        .rev()
        .take_while(|&j| in_phrase(j))
        .last()
        .unwrap_or(run.start);
    let appositive = matches!(toks.get(run.end).map(|t| t.kind), Some(TokKind::Punct(',')))
        && word(run.end + 1).is_some_and(|w| {
            w.starts_with(char::is_uppercase) || Lexicon::has(&lexicon.determiners, w)
        });
    let last = if appositive {
        (run.end + 1..(run.end + 1 + ROLE_WORDS).min(toks.len()))
            .take_while(|&j| in_phrase(j))
            .last()
            .map_or(run.end, |j| j + 1)
    } else {
        run.end
    };
    Span::new(toks[first].span.start, toks[last - 1].span.end)
}

fn resolve_nominal(
    words: &str,
    mention: Span,
    corpus: Option<&Corpus>,
    lexicon: &Lexicon,
) -> ResolvedSpeaker {
    let description = strip_determiner(words, lexicon);
    let by_title = corpus.and_then(|c| {
        c.speakers.iter().position(|s| {
            s.titles
                .iter()
                .any(|t| t.eq_ignore_ascii_case(&description))
        })
    });
    match (by_title, corpus) {
        (Some(index), Some(corpus)) => ResolvedSpeaker {
            name: corpus.speakers[index].name.clone(),
            mention,
            resolved_by: ResolvedBy::Title,
            entity: EntityKind::Person,
            corpus_speaker: Some(index),
        },
        _ => ResolvedSpeaker {
            name: description,
            mention,
            resolved_by: ResolvedBy::Nominal,
            entity: EntityKind::Person,
            corpus_speaker: None,
        },
    }
}

/// The speaker named by `name` alone, as given outside a story (`quoth verify
/// --speaker`): a corpus name or alias, a surname or title that one corpus
/// speaker has, a document (`joint statement`), or someone the corpus lacks.
pub fn resolve_given_name(name: &str, corpus: &Corpus, lexicon: &Lexicon) -> ResolvedSpeaker {
    let name = name.trim();
    let mut speaker = ResolvedSpeaker {
        name: name.to_string(),
        mention: Span::default(),
        resolved_by: ResolvedBy::Name,
        entity: EntityKind::Person,
        corpus_speaker: None,
    };
    let stripped = strip_determiner(name, lexicon);
    if let Some(index) = corpus.speaker_named(name) {
        let found = &corpus.speakers[index];
        speaker.resolved_by = if found.name.eq_ignore_ascii_case(name) {
            ResolvedBy::Name
        } else {
            ResolvedBy::Alias
        };
        speaker.corpus_speaker = Some(index);
    } else if let Some(index) = corpus_surname(corpus, name) {
        speaker.resolved_by = ResolvedBy::Surname;
        speaker.corpus_speaker = Some(index);
    } else if let Some(index) = corpus
        .speakers
        .iter()
        .position(|s| s.titles.iter().any(|t| t.eq_ignore_ascii_case(&stripped)))
    {
        speaker.resolved_by = ResolvedBy::Title;
        speaker.corpus_speaker = Some(index);
    } else if stripped
        .split_whitespace()
        .last()
        .is_some_and(|w| Lexicon::has(&lexicon.document_nouns, w))
    {
        speaker.name = stripped;
        speaker.resolved_by = ResolvedBy::Organization;
        speaker.entity = EntityKind::Document;
    }
    if let Some(index) = speaker.corpus_speaker {
        speaker.name = corpus.speakers[index].name.clone();
        if corpus.speakers[index].kind == SpeakerKind::Organization {
            speaker.entity = EntityKind::Organization;
        }
    }
    speaker
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::extract;

    fn names(text: &str) -> Vec<(String, ResolvedBy)> {
        let extraction = extract(text);
        resolve(text, &extraction, None, Lexicon::builtin())
            .into_iter()
            .map(|s| s.map(|s| (s.name, s.resolved_by)).unwrap())
            .collect()
    }

    #[test]
    fn who_stands_for_the_noun_before_it() {
        let text = "The deal was negotiated with Labor Secretary Thomas Perez, who said he expects it to hold.";
        let options = crate::extract::ExtractOptions {
            reported_speech: true,
        };
        let extraction = crate::extract::extract_with_options(text, Lexicon::builtin(), options);
        let speakers = resolve(text, &extraction, None, Lexicon::builtin());
        let speaker = speakers[0].as_ref().unwrap();
        assert_eq!(speaker.name, "Thomas Perez");
        assert_eq!(speaker.resolved_by, ResolvedBy::Pronoun);
        assert_eq!(speaker.mention.slice(text), "who");
    }

    #[test]
    fn titles_are_stripped_and_surnames_linked() {
        let text = "Secretary of State Antony Blinken arrived.\n\nBlinken said \"we are back in the region.\"";
        assert_eq!(
            names(text),
            [("Antony Blinken".to_string(), ResolvedBy::Surname)]
        );
        let text = "Japan's Defense Minister Nobuo Kishi said \"we agree with them on this.\"";
        assert_eq!(names(text), [("Nobuo Kishi".to_string(), ResolvedBy::Name)]);
    }

    #[test]
    fn it_stands_for_the_document_before_it() {
        let text = "A joint statement said that \"the alliance is strong.\"\n\nIt added that \"the ministers agreed.\"";
        assert_eq!(
            names(text),
            [
                ("joint statement".to_string(), ResolvedBy::Organization),
                ("joint statement".to_string(), ResolvedBy::Pronoun)
            ]
        );
    }

    #[test]
    fn a_description_stands_for_the_person_named_with_that_role() {
        // The role beside a name wins over the nearest subject, and a single
        // word (`Myanmar`) is not taken for a person.
        let text = "Antony Blinken arrived in Seoul. Myanmar charged its ambassador to the U.N. Kyaw Moe Tun with treason. The ambassador said \"we will not give up.\"";
        assert_eq!(
            names(text),
            [("Kyaw Moe Tun".to_string(), ResolvedBy::Nominal)]
        );
        // Without a role in the story, the person named as a subject before.
        let text = "Vladimir V. Putin spoke for three hours. The Russian leader said \"we are ready for it.\"";
        assert_eq!(
            names(text),
            [("Vladimir V. Putin".to_string(), ResolvedBy::Nominal)]
        );
    }

    #[test]
    fn a_plural_description_stands_for_no_one_person() {
        let text = "Lloyd Austin met Nobuo Kishi. The ministers said \"the alliance is strong.\"";
        assert_eq!(
            names(text),
            [("ministers".to_string(), ResolvedBy::Nominal)]
        );
    }

    #[test]
    fn initials_before_a_name_are_a_place_only_before_a_full_name() {
        let text = "U.N. Kyaw Moe Tun said \"we need action now.\"\n\nJ.J. Goldberg said \"it is a mess.\"";
        let found: Vec<String> = names(text).into_iter().map(|(name, _)| name).collect();
        assert_eq!(found, ["Kyaw Moe Tun", "J.J. Goldberg"]);
    }

    #[test]
    fn a_headline_is_not_a_full_name() {
        let text = "Black Lawmakers Rip Donald Trump As A Fraud.\n\nTrump has low support among black voters. \"We will win them,\" he said.";
        assert_eq!(
            names(text),
            [("Donald Trump".to_string(), ResolvedBy::Pronoun)]
        );
    }

    #[test]
    fn he_stands_for_the_person_before_it() {
        let text = "\"We are ready,\" Lloyd Austin said.\n\nThen the statement came out. \"We will act,\" he said.";
        assert_eq!(
            names(text)[1],
            ("Lloyd Austin".to_string(), ResolvedBy::Pronoun)
        );
    }
}
