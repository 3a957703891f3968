//! Attribution: for each quotation, the cue that introduces it and the
//! mention of its speaker, found with patterns over the sentence around it.
//!
//! Patterns, tried in this order:
//! - a speaker before the quote: `X said (that) "…"`, `X promised … "…"`,
//!   `according to X, "…"`, `X: "…"`;
//! - a speaker after it: `"…," X said`, `"…," said X`, `"…," X, a …, said`;
//! - continuation: a quote that opens its sentence with no cue of its own
//!   inherits the speaker of the quote before it (`"…," X said. "…"`).

mod reported;

use rustc_hash::FxHashSet;

use std::cell::Cell;

use super::lexicon::{Lexicon, WordClass};
use super::tokens::{Tok, TokKind, is_possessive, without_possessive};
use crate::span::Span;

/// What kind of expression names the speaker.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MentionForm {
    /// A proper name, possibly with titles: `Secretary of State Antony Blinken`.
    Name,
    /// A pronoun: `he`, `it`.
    Pronoun,
    /// A description of a person: `a Foreign Ministry spokesman`.
    Nominal,
    /// An organisation: `the Pentagon`, `the Foreign Ministry`.
    Organization,
    /// A document: `a joint statement`.
    Document,
}

/// Whether `word` reads as an adverb of manner (`publicly`, `repeatedly`);
/// capitalised words ending so are names (`Kelly`, `Jolly`).
fn is_adverb(word: &str) -> bool {
    word.len() > 4 && word.ends_with("ly") && word.starts_with(char::is_lowercase)
}

/// Whether `word` alone between commas is an aside of the sentence
/// (`, however,`, `, meanwhile,`, `, publicly,`), no part of its clause.
fn is_sentence_adverb(word: &str) -> bool {
    is_adverb(word)
        || matches!(
            word,
            "however"
                | "though"
                | "too"
                | "also"
                | "instead"
                | "meanwhile"
                | "moreover"
                | "nonetheless"
                | "nevertheless"
                | "therefore"
                | "again"
        )
}

/// Whether `word` is a lowercase form in `-ed`: a past tense or a participle
/// (`totaled`, `conducted`), which shows a clause's verb.
fn is_past_form(word: &str) -> bool {
    word.ends_with("ed") && word.starts_with(char::is_lowercase)
}

/// Whether `word` is a lowercase form in `-ing`: a participle or a gerund
/// (`saying`, `linking`).
fn is_ing_form(word: &str) -> bool {
    word.ends_with("ing") && word.starts_with(char::is_lowercase)
}

/// Whether `word` is written in figures (`4`, `0.1`, `46%`).
fn is_numeral(word: &str) -> bool {
    word.starts_with(|c: char| c.is_ascii_digit())
}

/// A mention of a speaker in the story.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Mention {
    /// Where the mention stands.
    pub span: Span,
    /// What kind of expression it is; for a relative pronoun, the kind of
    /// its antecedent.
    pub form: MentionForm,
    /// For a relative pronoun (`Perez, who said …`), the noun phrase it
    /// stands for.
    pub antecedent: Option<Span>,
}

/// The cue and speaker mention found for one quote.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Found {
    /// The cue word(s): a speech verb, `according to`, or a colon.
    pub cue: Span,
    /// The speaker's mention, when one was found.
    pub mention: Option<Mention>,
    /// Whether the quote is set off as a whole utterance (`direct`) rather than
    /// embedded in the sentence's reported speech (`partial`).
    pub set_off: bool,
}

/// Pattern matching over one paragraph's tokens.
pub struct Attributor<'a> {
    text: &'a str,
    toks: &'a [Tok],
    lexicon: &'a Lexicon,
    proper: &'a FxHashSet<&'a str>,
    /// For each token, the bits of the [`WordClass`]es of its word once looked
    /// up (with [`LOOKED_UP`] set), or 0.
    classes: Vec<Cell<u64>>,
}

/// The bit of a token's classes that says they were looked up; no
/// [`WordClass`] uses it.
const LOOKED_UP: u64 = 1 << 63;

/// Words the story capitalises inside sentences: evidence that a capitalised
/// word opening a sentence (`Perhaps`, `Tunnels`) is a name only when it is here.
pub fn proper_words<'t>(text: &'t str, toks: &[Tok], proper: &mut FxHashSet<&'t str>) {
    for pair in toks.windows(2) {
        let inside = match pair[0].kind {
            TokKind::Word => true,
            TokKind::Punct(c) => matches!(c, ',' | ';' | '(' | '-' | '—'),
            TokKind::Quote(_) => false,
        };
        let word = pair[1].span.slice(text);
        if inside && pair[1].kind == TokKind::Word && word.starts_with(char::is_uppercase) {
            proper.insert(word);
        }
    }
}

const MAX_NP: usize = 8;
/// How many tokens before and after a quote the patterns read: a bound on the
/// work per quote, whatever the length of a sentence.
pub(super) const REACH: usize = 80;

impl<'a> Attributor<'a> {
    /// An attributor over `toks`, the tokens of one paragraph of `text`.
    pub fn new(
        text: &'a str,
        toks: &'a [Tok],
        lexicon: &'a Lexicon,
        proper: &'a FxHashSet<&'a str>,
    ) -> Self {
        Attributor {
            text,
            toks,
            lexicon,
            proper,
            classes: vec![Cell::new(0); toks.len()],
        }
    }

    /// Whether token `i` is what follows a speaker: a speech verb, a filler
    /// (`Blinken also said`), a colon or a quotation.
    fn speaks_next(&self, i: usize) -> bool {
        match self.toks.get(i).map(|t| t.kind) {
            Some(TokKind::Punct(':')) | Some(TokKind::Quote(_)) => true,
            Some(TokKind::Word) => self.is_cue(i) || self.is_a(i, WordClass::VerbFiller),
            _ => false,
        }
    }

    /// Whether token `i` opens a sentence (so its capital letter says nothing).
    fn opens_sentence(&self, i: usize) -> bool {
        i == 0 || matches!(self.toks[i - 1].kind, TokKind::Punct('.' | '?' | '!'))
    }

    fn word(&self, i: usize) -> Option<&'a str> {
        let tok = self.toks.get(i)?;
        (tok.kind == TokKind::Word).then(|| tok.span.slice(self.text))
    }

    /// The bytes of token `i` when it is a word: for tests of its spelling
    /// that need no `str`, on the paths that run for every token.
    fn word_bytes(&self, i: usize) -> Option<&'a [u8]> {
        let tok = self.toks.get(i)?;
        (tok.kind == TokKind::Word)
            .then(|| self.text.as_bytes().get(tok.span.start..tok.span.end))
            .flatten()
    }

    /// Whether token `i` is the word `word` in any case; the length is
    /// compared first, as this runs on every token.
    fn is_word(&self, i: usize, word: &str) -> bool {
        self.toks.get(i).is_some_and(|tok| {
            tok.kind == TokKind::Word
                && tok.span.len() == word.len()
                && tok.span.slice(self.text).eq_ignore_ascii_case(word)
        })
    }

    fn is_punct(&self, i: usize, set: &str) -> bool {
        matches!(self.toks.get(i), Some(Tok { kind: TokKind::Punct(c), .. }) if set.contains(*c))
    }

    /// Whether token `i` is a word of the list `class`. A token's lists are
    /// looked up once, on the first question about it, and kept.
    fn is_a(&self, i: usize, class: WordClass) -> bool {
        let Some(known) = self.classes.get(i) else {
            return false;
        };
        let mut classes = known.get();
        if classes == 0 {
            classes = LOOKED_UP | self.word(i).map_or(0, |w| self.lexicon.classes_of(w));
            known.set(classes);
        }
        classes & class.bit() != 0
    }

    /// Whether token `i` is a number, in words or figures (`four`, `10`).
    fn is_number(&self, i: usize) -> bool {
        self.is_a(i, WordClass::NumberWord) || self.word(i).is_some_and(is_numeral)
    }

    /// Whether token `i` is the `-s` form of a listed verb, which shows a
    /// clause's verb (`consolidates`, `seems`, `Endorses`).
    fn is_present_verb(&self, i: usize) -> bool {
        self.word(i).is_some_and(|w| w.ends_with('s')) && self.is_a(i, WordClass::AnyVerb)
    }

    /// Whether token `i` is a pronoun of any kind (`He's` counts as `he`).
    fn is_pronoun(&self, i: usize) -> bool {
        self.word(i).is_some_and(|w| {
            if w.contains(['\'', '’']) {
                self.lexicon.is_pronoun(w)
            } else {
                self.is_a(i, WordClass::PersonPronoun)
                    || self.is_a(i, WordClass::OrganizationPronoun)
            }
        })
    }

    /// Whether token `i` can be part of a name: a capitalised word that is not a
    /// function word (`But`, `In`, `Monday`).
    fn is_capitalized(&self, i: usize) -> bool {
        self.word(i).is_some_and(|w| {
            let base = w.split(['\'', '’']).next().unwrap_or_default();
            let base = base.trim_end_matches('.');
            w.starts_with(char::is_uppercase)
                && !(if base.len() == w.len() {
                    self.is_a(i, WordClass::FunctionWord)
                } else {
                    Lexicon::has(&self.lexicon.function_words, base)
                })
                && (!self.opens_sentence(i)
                    || self.proper.contains(w)
                    || self
                        .word(i + 1)
                        .is_some_and(|n| n.starts_with(char::is_uppercase))
                    || self.speaks_next(i + 1))
        })
    }

    /// Whether the word at `v` stands where a verb does: not after a determiner
    /// or a possessive (`the claim`, `Trump's warning`), nor as a plural
    /// after a number or a unit (`0.1 percentage points to 4.2 percent`).
    fn is_verb_position(&self, v: usize) -> bool {
        v == 0
            || !(self.word(v - 1).is_some_and(is_possessive)
                // `the claim`, but `one in three said`: a share, not a determiner.
                || (self.is_a(v - 1, WordClass::Determiner)
                    && !(v >= 2
                        && self.is_word(v - 2, "in")
                        && self.is_a(v - 1, WordClass::NumberWord)))
                || (self
                    .word(v)
                    .is_some_and(|w| w.ends_with('s') && !w.eq_ignore_ascii_case("says"))
                    && self.word(v - 1).is_some_and(|w| {
                        w == "percentage" || is_numeral(w)
                    })))
    }

    fn is_cue(&self, i: usize) -> bool {
        let Some(word) = self.word(i) else {
            return false;
        };
        // A capitalised form is a name or a title (`the United States`), not a verb.
        if word.starts_with(char::is_uppercase) || !self.is_a(i, WordClass::CueVerb) {
            return false;
        }
        // `Trump's remarks`, `the report`: a noun, not a verb.
        if !self.is_verb_position(i) {
            return false;
        }
        // `in order to`, `on record`: after a preposition, a form other than the
        // gerund (`after saying`) is a noun; `to say` and `as reported` are verbs.
        if i > 0
            && !word.ends_with("ing")
            && self.is_a(i - 1, WordClass::Preposition)
            && !self.is_word(i - 1, "to")
            && !self.is_word(i - 1, "as")
        {
            return false;
        }
        // `32% of Republican claims`: after `of` and a modifier, an -s form is a plural noun.
        if i >= 2
            && word.ends_with('s')
            && !word.eq_ignore_ascii_case("says")
            && self.word(i - 2).is_some_and(|w| w == "of")
        {
            return false;
        }
        // "put" is a cue only in "as X put it".
        if word.eq_ignore_ascii_case("put") || word.eq_ignore_ascii_case("puts") {
            return self
                .word(i + 1)
                .is_some_and(|w| w.eq_ignore_ascii_case("it"));
        }
        true
    }

    /// Whether token `i` is a speech word used as a noun after a possessive:
    /// `Trump's claim`, `his remarks`.
    fn is_possessed_cue(&self, i: usize) -> bool {
        self.is_a(i, WordClass::CueVerb) && self.follows_owner(i)
    }

    /// Whether token `i` follows a possessive (`Trump's`, `his`).
    fn follows_owner(&self, i: usize) -> bool {
        i > 0
            && self
                .word(i - 1)
                .is_some_and(|p| is_possessive(p) || matches!(p, "his" | "her" | "their" | "its"))
    }

    fn is_according_to(&self, i: usize) -> bool {
        // The cheap test first: this runs on every word of reported speech.
        self.is_word(i + 1, "to") && self.is_a(i, WordClass::AccordingTo)
    }

    fn span(&self, from: usize, to: usize) -> Span {
        Span::new(self.toks[from].span.start, self.toks[to].span.end)
    }

    /// Finds the cue and speaker of the quote at token `q` in the sentence `sentence`.
    ///
    /// `after_end` is where a speaker tag after the quote may end: the sentence's
    /// end, or the next sentence's when the quote closes its sentence
    /// (`"Perpetual motion!" Rep. Glenn Thompson said.`).
    pub fn attribute(
        &self,
        q: usize,
        sentence: std::ops::Range<usize>,
        after_end: usize,
    ) -> Option<Found> {
        // Patterns look this far around the quote, whatever the sentence's length.
        let sentence = sentence.start.max(q.saturating_sub(REACH))..sentence.end.min(q + 1 + REACH);
        let after_end = after_end.min(q + 1 + REACH);
        let starts_sentence = (sentence.start..q).all(|i| self.toks[i].kind != TokKind::Word);
        // `… "influence peddling," The Washington Post reported`: a comma closing
        // the quote announces a speaker tag after it.
        let tagged_after = self.quote_ends_with(q, &[',']);
        // `…, according to CNN.` and `…, CNN reported.` after the quote report
        // the whole sentence: their source is the quote's.
        if let Some(outer) = self.sentence_tag(q, sentence.clone()) {
            return Some(outer);
        }
        let found = if starts_sentence || tagged_after {
            self.after(q, after_end)
                .or_else(|| self.before(q, sentence.start))
        } else {
            self.before(q, sentence.start)
                .or_else(|| self.after(q, after_end))
        };
        found
            .or_else(|| self.later_cue(q, sentence.clone()))
            .or_else(|| self.sentence_subject(q, sentence))
    }

    /// A tag that reports a whole sentence, after the quote: `according to X`
    /// anywhere after it, or `, X reported.` / `, X said.` closing the sentence
    /// when the quote is not the sentence's opening (then the tag is the quote's own).
    fn sentence_tag(&self, q: usize, sentence: std::ops::Range<usize>) -> Option<Found> {
        if let Some(v) = (q + 1..sentence.end).find(|&v| self.is_according_to(v))
            && !self.is_a(v + 2, WordClass::Determiner)
            && let Some(mention) = self.np_forward(v + 2, sentence.end)
            && mention.form != MentionForm::Pronoun
        {
            return Some(Found {
                cue: self.span(v, v + 1),
                mention: Some(mention),
                set_off: false,
            });
        }
        // `Trump welcomed …, saying … "doing the right thing," suggesting …, CNN reported.`
        let mut end = sentence.end;
        while end > q + 1 && self.word(end - 1).is_none() {
            end -= 1;
        }
        let comma = (q + 1..end)
            .rev()
            .take(MAX_NP)
            .find(|&i| self.is_punct(i, ","))?;
        if comma == q + 1 || end == 0 || !self.is_cue(end - 1) {
            return None;
        }
        let mention = self.np_forward(comma + 1, end - 1)?;
        (self.np_end(mention) == end - 1 && mention.form != MentionForm::Pronoun).then_some(Found {
            cue: self.toks[end - 1].span,
            mention: Some(mention),
            set_off: false,
        })
    }

    /// The subject of the quote's sentence, when it is a name or a pronoun
    /// followed by its verb: `Trump's assertion that "thousands" of …`,
    /// `Ms. Warren has been a surrogate, with a simple message, "…"`. News
    /// attributes a quote embedded in a sentence to the sentence's subject.
    fn sentence_subject(&self, q: usize, sentence: std::ops::Range<usize>) -> Option<Found> {
        // Skip an opening adverbial: `On Saturday, …`, `In 1991, …`.
        let mut start = sentence.start;
        if let Some(comma) = (start..q).find(|&i| self.is_punct(i, ","))
            && self.is_a(start, WordClass::Preposition)
        {
            start = comma + 1;
        }
        // `Then he turned to "little" Marco Rubio`.
        while start < q
            && self.is_a(start, WordClass::FunctionWord)
            && !self.is_a(start, WordClass::Determiner)
            && !self.is_pronoun(start)
        {
            start += 1;
        }
        let (mention, verb) = self.subject_and_verb(start, q, true)?;
        Some(Found {
            cue: self.toks[verb].span,
            mention: Some(mention),
            set_off: false,
        })
    }

    /// A noun phrase at `start` that is followed, before `end`, by its verb (a
    /// lowercase word that is not a preposition): the mention and the verb's index.
    /// Names and pronouns qualify, and descriptions when `descriptions` is set.
    fn subject_and_verb(
        &self,
        start: usize,
        end: usize,
        descriptions: bool,
    ) -> Option<(Mention, usize)> {
        let mention = self.np_forward(start, end)?;
        let subject = matches!(mention.form, MentionForm::Name | MentionForm::Pronoun)
            || (descriptions && mention.form == MentionForm::Nominal);
        let verb = self.np_end(mention);
        let verb_follows = verb < end
            && self
                .word(verb)
                .is_some_and(|w| w.starts_with(char::is_lowercase))
            && !self.is_a(verb, WordClass::Preposition);
        (subject && verb_follows).then_some((mention, verb))
    }

    /// A speaker label opening the quote, as transcripts print them:
    /// `"PENCE: Well, look, …"`.
    pub fn transcript_label(&self, inner: Span) -> Option<Found> {
        let words = inner.slice(self.text);
        let colon = words.find(": ")?;
        let label = &words[..colon];
        let is_label = (2..=40).contains(&label.len())
            && label.chars().any(char::is_alphabetic)
            && label
                .chars()
                .all(|c| c.is_uppercase() || c == ' ' || c == '.' || c == '\'' || c == '-');
        is_label.then(|| Found {
            cue: Span::new(inner.start + colon, inner.start + colon + 1),
            mention: Some(Mention {
                span: Span::new(inner.start, inner.start + colon),
                form: MentionForm::Name,
                antecedent: None,
            }),
            set_off: true,
        })
    }

    /// Whether the quote at token `q` is the title of a work: Title Case words
    /// next to a word for a work (`the TLC reality show "Cake Boss"`,
    /// `on ''Seinfeld''`, `a class called "Perception"`) or owned by a name
    /// (`MSNBC's "Morning Joe"`).
    pub fn is_title(&self, q: usize) -> bool {
        let near_work = (q.saturating_sub(3)..q)
            .chain(q + 1..(q + 4).min(self.toks.len()))
            .any(|i| self.is_a(i, WordClass::WorkNoun));
        let owned = q > 0
            && self
                .word(q - 1)
                .is_some_and(|w| w.starts_with(char::is_uppercase) && is_possessive(w));
        if !near_work && !owned {
            return false;
        }
        let small = |w: &str| {
            Lexicon::has(&self.lexicon.name_connectors, w)
                || matches!(
                    w,
                    "and"
                        | "the"
                        | "a"
                        | "an"
                        | "with"
                        | "in"
                        | "on"
                        | "for"
                        | "to"
                        | "at"
                        | "or"
                        | "by"
                        | "from"
                )
        };
        let mut words = self.toks[q]
            .span
            .slice(self.text)
            .split(|c: char| !c.is_alphanumeric() && c != '\'' && c != '’' && c != '-')
            .filter(|w| !w.is_empty())
            .enumerate();
        let mut count = 0;
        let title_case = words.all(|(i, w)| {
            count += 1;
            w.starts_with(|c: char| c.is_uppercase() || c.is_ascii_digit()) || (i > 0 && small(w))
        });
        title_case && (1..=8).contains(&count)
    }

    /// Whether the words of the quote at token `q` end with one of `ends`.
    fn quote_ends_with(&self, q: usize, ends: &[char]) -> bool {
        let span = self.toks[q].span;
        span.slice(self.text)
            .trim_end_matches(['"', '\'', '”', '’', '»', '“', '」'])
            .trim_end()
            .ends_with(ends)
    }

    /// A cue later in the sentence than the quote, not right after it:
    /// `From Trump's "…" to his call for …, Will described Trump as …`.
    fn later_cue(&self, q: usize, sentence: std::ops::Range<usize>) -> Option<Found> {
        let according = (q + 1..sentence.end)
            .filter(|&v| self.is_according_to(v))
            .find_map(|v| {
                let mention = self.np_forward(v + 2, sentence.end)?;
                Some(Found {
                    cue: self.span(v, v + 1),
                    mention: Some(mention),
                    set_off: false,
                })
            });
        if according.is_some() {
            return according;
        }
        (q + 1..sentence.end)
            .filter(|&v| self.is_cue(v))
            .find_map(|v| {
                let inverted = if self.is_punct(v - 1, ",") {
                    self.np_forward(v + 1, sentence.end)
                } else {
                    None
                };
                let mention = inverted.or_else(|| self.subject_of(v, q + 1))?;
                Some(Found {
                    cue: self.toks[v].span,
                    mention: Some(mention),
                    set_off: false,
                })
            })
    }

    /// A speaker before the quote, in the same sentence.
    fn before(&self, q: usize, start: usize) -> Option<Found> {
        // A colon introduces the quote first: `X: "…"`, `Jeb Bush broke down what was wrong to a newspaper: "…"`
        if q > start && self.is_punct(q - 1, ":") {
            // `Pollsters agree - Carl Bialik: "…"`: the name set off right before the colon.
            let signed = (q >= 2)
                .then(|| self.np_backward(q - 2, start))
                .flatten()
                .filter(|m| {
                    let first = Some(self.np_start(*m));
                    m.form == MentionForm::Name
                        && first.is_some_and(|f| f == start || self.is_punct(f - 1, "—–-―"))
                });
            let mention = signed
                .or_else(|| self.clause_subject(start, q - 1))
                .or_else(|| self.first_subject(start, q - 1))?;
            return Some(Found {
                cue: self.toks[q - 1].span,
                mention: Some(mention),
                set_off: true,
            });
        }
        for v in (start..q).rev() {
            // `…, though the senator prefers the term "…"`: the quote's own clause
            // has a subject of its own; the cue before it belongs to someone else.
            if self
                .word(v)
                .is_some_and(|w| matches!(w, "though" | "although" | "whereas" | "while"))
            {
                let (mention, verb) = self.subject_and_verb(v + 1, q, true)?;
                return Some(Found {
                    cue: self.toks[verb].span,
                    mention: Some(mention),
                    set_off: false,
                });
            }
            // `according to its analysis` names no speaker.
            if self.is_according_to(v) && !self.is_a(v + 2, WordClass::Determiner) {
                let mention = self.np_forward(v + 2, q);
                if mention.is_some() {
                    return Some(Found {
                        cue: self.span(v, v + 1),
                        mention,
                        set_off: self.only_punct_between(v + 2, q, mention),
                    });
                }
            }
            // `Trump's claim that "…"`: the owner of a statement noun spoke.
            if v > start
                && self.is_possessed_cue(v)
                && let Some(owner) = self.np_backward(v - 1, start)
                && matches!(owner.form, MentionForm::Name | MentionForm::Pronoun)
            {
                return Some(Found {
                    cue: self.toks[v].span,
                    mention: Some(owner),
                    set_off: false,
                });
            }
            if !self.is_cue(v) {
                continue;
            }
            if let Some(mention) = self.subject_of(v, start) {
                // `Rep. Meeks said Clinton reassured them that "…"`: the outer speaker.
                if let Some(outer) = self.reporting_clause(mention, start) {
                    return Some(outer);
                }
                let mention = self.issuer(mention, start).unwrap_or(mention);
                return Some(Found {
                    cue: self.toks[v].span,
                    mention: Some(mention),
                    set_off: self.only_punct_between(v + 1, q, None),
                });
            }
            // Inverted: `said Blinken, "…"`.
            if let Some(mention) = self.np_forward(v + 1, q) {
                return Some(Found {
                    cue: self.toks[v].span,
                    mention: Some(mention),
                    set_off: self.only_punct_between(v + 1, q, Some(mention)),
                });
            }
        }
        None
    }

    /// The clause that reports the speech of `inner`'s clause, if `inner` opens
    /// the complement of another speech verb: `X said (that) [inner] …`.
    fn reporting_clause(&self, inner: Mention, start: usize) -> Option<Found> {
        let first = self.np_start(inner);
        let mut u = first;
        while u > start
            && (self.word(u - 1).is_some_and(|w| w == "that")
                || self.is_a(u - 1, WordClass::VerbFiller)
                || self.is_a(u - 1, WordClass::FunctionWord) && self.is_capitalized_word(u - 1))
        {
            u -= 1;
        }
        // `Trump said during a rally in Michigan that Clinton described …`: after
        // `that`, the reporting verb may stand some words back.
        let verb = if u > start && self.is_cue(u - 1) {
            u - 1
        } else if first > start && self.word(first - 1) == Some("that") {
            (start..first - 1)
                .rev()
                .take(MAX_NP)
                .take_while(|&i| !self.is_punct(i, ",;:"))
                .find(|&i| self.is_cue(i))?
        } else {
            return None;
        };
        let u = verb + 1;
        let mention = self.subject_of(u - 1, start)?;
        Some(Found {
            cue: self.toks[u - 1].span,
            mention: Some(mention),
            set_off: false,
        })
    }

    /// Who issued a document mention: `Black Lives Matter issued a statement saying …`.
    fn issuer(&self, document: Mention, start: usize) -> Option<Mention> {
        if document.form != MentionForm::Document {
            return None;
        }
        let first = self.np_start(document);
        // The verb before the document, then its subject.
        if first < start + 2
            || self
                .word(first - 1)
                .is_none_or(|w| !w.starts_with(char::is_lowercase))
        {
            return None;
        }
        self.np_backward(first - 2, start).filter(|m| {
            matches!(
                m.form,
                MentionForm::Name | MentionForm::Organization | MentionForm::Nominal
            )
        })
    }

    /// Whether token `i` is a word with a capital letter (whatever it is).
    fn is_capitalized_word(&self, i: usize) -> bool {
        self.word(i)
            .is_some_and(|w| w.starts_with(char::is_uppercase))
    }

    /// A speaker after the quote: `"…," X said` or `"…," said X`.
    fn after(&self, q: usize, end: usize) -> Option<Found> {
        let mut a = q + 1;
        let mut dashed = false;
        while a < end && self.is_punct(a, ",;—–-―") {
            dashed |= self.is_punct(a, "—–-―");
            a += 1;
        }
        // `"…" ― Pamela Padilla`: a name after a dash, ending the paragraph, signs the quote.
        if dashed
            && let Some(mention) = self.np_forward(a, end)
            && self.np_end(mention) >= self.toks.len().min(end).saturating_sub(1)
            && mention.form == MentionForm::Name
        {
            return Some(Found {
                cue: self.toks[a - 1].span,
                mention: Some(mention),
                set_off: true,
            });
        }
        let limit = end.min(a + 3 * MAX_NP);
        let stop = (a..limit)
            .find(|&i| matches!(self.toks[i].kind, TokKind::Quote(_)) || self.is_punct(i, ".?!"))
            .unwrap_or(limit);
        if self.is_according_to(a) {
            let mention = self.np_forward(a + 2, stop)?;
            return Some(Found {
                cue: self.span(a, a + 1),
                mention: Some(mention),
                set_off: true,
            });
        }
        if self.is_cue(a) {
            // `"…," adding that …`: a participle's subject is its clause's, before the quote.
            if self.word(a).is_some_and(|w| w.ends_with("ing")) {
                return None;
            }
            // `said 9/11 widow Terry Strada`: the name may follow a short description.
            let mention = self.np_forward(a + 1, stop).or_else(|| {
                (a + 2..stop.min(a + 6))
                    .find(|&i| self.is_capitalized(i))
                    .and_then(|i| self.np_forward(i, stop))
                    .filter(|m| m.form == MentionForm::Name)
            })?;
            // `said the candidate could …` is a clause, not `said the candidate.`
            let after = self.np_end(mention);
            if self.word(after).is_some_and(|w| {
                matches!(
                    w,
                    "could"
                        | "would"
                        | "will"
                        | "was"
                        | "is"
                        | "had"
                        | "has"
                        | "should"
                        | "might"
                        | "can"
                        | "may"
                        | "must"
                        | "did"
                        | "does"
                        | "were"
                        | "are"
                )
            }) {
                return None;
            }
            return Some(Found {
                cue: self.toks[a].span,
                mention: Some(mention),
                set_off: true,
            });
        }
        let mention = self
            .np_forward(a, stop)
            .or_else(|| self.described_subject(a, stop))?;
        let after_np = self.np_end(mention);
        // `"…," Bennett shot back`: after a quote closed by a comma, the verb
        // that follows its speaker is the speech verb, listed or not.
        if self.quote_ends_with(q, &[',', '?', '!'])
            && after_np < stop
            // `"…," they were "far from perfect."` is no speech tag.
            && !matches!(self.toks.get(after_np + 1).map(|t| t.kind), Some(TokKind::Quote(_)))
            && self
                .word(after_np)
                .is_some_and(|w| w.starts_with(char::is_lowercase))
            && !self.is_a(after_np, WordClass::FunctionWord)
            && !self.is_cue(after_np)
            && !(after_np..stop).any(|i| self.is_cue(i))
        {
            return Some(Found {
                cue: self.toks[after_np].span,
                mention: Some(mention),
                set_off: true,
            });
        }
        let v = (after_np..stop).find(|&i| self.is_cue(i))?;
        // Only fillers, or an appositive set off by commas, between speaker and verb.
        let gap_ok = (after_np..v).all(|i| self.is_a(i, WordClass::VerbFiller))
            || self.is_punct(after_np, ",") && self.is_punct(v - 1, ",");
        let mention = if gap_ok {
            mention
        } else if self.is_punct(v - 1, ",") {
            // `Rep. Duncan Hunter's chief of staff, Joe Kasper, told`
            self.appositive_subject(a, v - 1)?
        } else {
            return None;
        };
        Some(Found {
            cue: self.toks[v].span,
            mention: Some(mention),
            set_off: true,
        })
    }

    /// `the businessman replied`: a determiner and up to three words before a
    /// speech verb describe the speaker, even when the noun is not in the lexicon.
    fn described_subject(&self, a: usize, stop: usize) -> Option<Mention> {
        if !self.is_a(a, WordClass::Determiner) {
            return None;
        }
        let v = (a + 2..stop.min(a + 5)).find(|&i| self.is_cue(i))?;
        (a + 1..v).all(|i| self.word(i).is_some()).then(|| Mention {
            span: self.span(a, v - 1),
            form: self.head_form(v - 1).unwrap_or(MentionForm::Nominal),
            antecedent: None,
        })
    }

    /// Index of a mention's first token.
    fn np_start(&self, mention: Mention) -> usize {
        self.toks
            .partition_point(|t| t.span.start < mention.span.start)
    }

    /// Index of the first token after a mention.
    fn np_end(&self, mention: Mention) -> usize {
        self.toks
            .partition_point(|t| t.span.start < mention.span.end)
    }

    fn only_punct_between(&self, from: usize, to: usize, mention: Option<Mention>) -> bool {
        let from = mention.map_or(from, |m| self.np_end(m));
        (from..to).all(|i| self.toks[i].kind != TokKind::Word)
    }

    /// The subject of the speech verb at `v`, searching back to `start`.
    fn subject_of(&self, v: usize, start: usize) -> Option<Mention> {
        // `Trump was asked, "…"`: in the passive, the subject did not speak;
        // the agent did (`Sanders was asked by host Bill Maher, "…"`).
        if v > start
            && !self.word(v).is_some_and(|w| w.ends_with("ing"))
            && self.word(v - 1).is_some_and(|w| {
                matches!(w, "was" | "were" | "been" | "being" | "be" | "is" | "are")
            })
        {
            return self
                .word(v + 1)
                .filter(|w| *w == "by")
                .and_then(|_| self.np_forward(v + 2, self.toks.len().min(v + 2 + MAX_NP)));
        }
        let k = self.subject_end(v, start);
        if k == start {
            return None;
        }
        let last = k - 1;
        // Coordinated verbs: `X threatened …, and urged …`, `he looked …, furrowed
        // his brow and said`: the subject of the clause the verb is coordinated with.
        if self
            .word(last)
            .is_some_and(|w| matches!(w, "and" | "but" | "or"))
        {
            return self
                .clause_subject(start, last)
                .or_else(|| {
                    (start..last)
                        .rev()
                        .filter(|&u| self.is_cue(u))
                        .find_map(|u| {
                            self.subject_of(u, start)
                                .or_else(|| self.np_forward(u + 1, last))
                        })
                })
                .or_else(|| self.first_subject(start, last));
        }
        // An appositive (`Daryl Kimball, executive director of …, said`, `her
        // deputy, James Carter, said`) or a participle (`Putin veered close,
        // saying`): the subject of the verb's own clause.
        if self.is_punct(last, ",") {
            return self.appositive_subject(start, last);
        }
        // `a candidate who has called for "…"`: the noun phrase `who` follows.
        if let Some(relative) = self.relative_before(k, start)
            && relative.span.slice(self.text).eq_ignore_ascii_case("who")
            && let Some(span) = relative.antecedent
        {
            return Some(Mention {
                span,
                form: relative.form,
                antecedent: None,
            });
        }
        self.np_backward(last, start).or_else(|| {
            self.first_subject(start, v)
                .filter(|m| self.np_end(*m) <= v)
        })
    }

    /// The relative pronoun that is the subject of a verb whose subject ends
    /// at token `k`, with its antecedent: `Perez, who (has) said` → `who`,
    /// standing for `Perez`.
    fn relative_before(&self, mut k: usize, start: usize) -> Option<Mention> {
        // `who last year threatened`, `who (has) said`
        while k > start
            && self
                .word(k - 1)
                .is_some_and(|w| matches!(w, "last" | "this" | "next"))
        {
            k -= 1;
        }
        let pronoun = k.checked_sub(1).filter(|&p| p >= start)?;
        // `who’s called for`: the pronoun and its `has`.
        let relative = without_possessive(self.word(pronoun)?);
        if !matches!(relative, "who" | "which") {
            return None;
        }
        let before = pronoun.checked_sub(1).filter(|&b| b >= start)?;
        // `Perez, who …`, `Clinton — who’s called for …`
        let last = if self.is_punct(before, ",—–") {
            before.checked_sub(1).filter(|&b| b >= start)?
        } else {
            before
        };
        // `compared with 23 percent who said …`: a share of those asked.
        let antecedent = self
            .np_backward(last, start)
            .or_else(|| self.share_before(last + 1, start))?;
        Some(Mention {
            span: self.without_contraction(pronoun),
            form: antecedent.form,
            antecedent: Some(antecedent.span),
        })
    }

    /// A share of those asked that ends right before token `end`, back to
    /// `start`: `one in four`, `more than 4 in 10`, `23 percent`, `46%`.
    fn share_before(&self, end: usize, start: usize) -> Option<Mention> {
        let last = end.checked_sub(1).filter(|&last| last >= start)?;
        let number = |i: usize| i >= start && self.is_number(i);
        let percent = self
            .word(last)
            .is_some_and(|w| w.ends_with('%') && is_numeral(w));
        let mut first = if percent {
            last
        } else if last >= start + 2
            && number(last)
            && self.is_word(last - 1, "in")
            && number(last - 2)
        {
            last - 2
        } else if last > start && self.is_word(last, "percent") && number(last - 1) {
            last - 1
        } else {
            return None;
        };
        // `more than`, `nearly`, `about`: the share's own words.
        if first >= start + 2
            && self.is_word(first - 1, "than")
            && ["more", "fewer", "less"]
                .iter()
                .any(|w| self.is_word(first - 2, w))
        {
            first -= 2;
        } else if first > start && self.is_a(first - 1, WordClass::ShareQualifier) {
            first -= 1;
        }
        Some(Mention {
            span: Span::new(self.toks[first].span.start, self.toks[last].span.end),
            form: MentionForm::Nominal,
            antecedent: None,
        })
    }

    /// Where the subject of the verb at `v` ends: before the fillers, adverbs,
    /// days and parenthesised affiliations between them (`Blinken also said`,
    /// `Obama on Friday declared`, `Rand Paul (R-Ky.) said`).
    fn subject_end(&self, v: usize, start: usize) -> usize {
        let mut k = v;
        loop {
            if k > start
                && (self.is_a(k - 1, WordClass::VerbFiller)
                    || self.word(k - 1).is_some_and(is_adverb))
            {
                k -= 1;
            } else if k > start && self.is_a(k - 1, WordClass::TimeWord) {
                // `President Obama on Friday declared`: a day or month, and its preposition.
                k -= 1;
                if k > start && self.is_a(k - 1, WordClass::Preposition) {
                    k -= 1;
                }
            } else if k >= start + 3
                && self.is_punct(k - 1, ",")
                && self.is_punct(k - 3, ",")
                && self.word(k - 2).is_some_and(is_sentence_adverb)
            {
                // `NATO's secretary general, meanwhile, called on …`
                k -= 3;
            } else if k > start && self.is_punct(k - 1, ")") {
                // `Sen. Rand Paul (R-Ky.) said`
                match (start..k - 1).rev().find(|&i| self.is_punct(i, "(")) {
                    Some(open) => k = open,
                    None => break,
                }
            } else {
                break;
            }
        }
        k
    }

    /// The subject before a comma that precedes its verb, within the verb's clause
    /// (after a quote or a subordinating conjunction such as `while`). Of the last
    /// two comma-separated parts, a name wins: `Daryl Kimball, executive director
    /// of …,` and `her deputy, James Carter,` both name the speaker.
    fn appositive_subject(&self, start: usize, comma: usize) -> Option<Mention> {
        // `Mr. Obama, who understood that a push would be fruitless, told …`:
        // a relative clause set off by commas is no part of the subject.
        let comma = (start + 1..comma)
            .rev()
            .find(|&i| {
                self.is_punct(i, ",")
                    && (self.is_word(i + 1, "who") || self.is_word(i + 1, "which"))
            })
            .unwrap_or(comma);
        let clause = (start..comma)
            .rev()
            .find(|&i| {
                matches!(self.toks[i].kind, TokKind::Quote(_))
                    || self.word(i).is_some_and(|w| {
                        matches!(
                            w,
                            "while"
                                | "whereas"
                                | "but"
                                | "although"
                                | "though"
                                | "because"
                                | "that"
                        )
                    })
            })
            .map_or(start, |i| i + 1);
        let mut from = clause;
        let mut parts = Vec::new();
        for i in clause..=comma {
            if i == comma || self.is_punct(i, ",") {
                parts.push((from, i));
                from = i + 1;
            }
        }
        // A clause with its own subject and verb (`Speaking in Salem, Trump went
        // after Bush, calling him …`), else the first part that names someone,
        // not as an owner (`Rep. Duncan Hunter's chief of staff, Joe Kasper,`).
        if let Some(subject) = self.clause_subject(clause, comma) {
            return Some(subject);
        }
        parts
            .iter()
            .filter_map(|&(from, to)| self.np_forward(from, to))
            .find(|m| {
                let words = m.span.slice(self.text);
                matches!(m.form, MentionForm::Name | MentionForm::Pronoun) && !is_possessive(words)
            })
            .or_else(|| self.first_subject(clause, comma))
    }

    /// The subject of the nearest comma-separated clause before `end` that opens
    /// with a subject and its verb (`…, he looked straight at me, furrowed …`).
    fn clause_subject(&self, start: usize, end: usize) -> Option<Mention> {
        let mut segment_end = end;
        loop {
            let segment_start = (start..segment_end)
                .rev()
                .find(|&i| self.is_punct(i, ","))
                .map_or(start, |c| c + 1);
            if segment_start < segment_end
                && let Some((mention, _)) = self.subject_and_verb(segment_start, segment_end, false)
            {
                return Some(mention);
            }
            if segment_start == start {
                return None;
            }
            segment_end = segment_start - 1;
        }
    }

    /// The first noun phrase in `start..end` that can be a subject: not the
    /// object of a preposition (`On Monday, Clinton …` → Clinton).
    fn first_subject(&self, start: usize, end: usize) -> Option<Mention> {
        // `In a statement to the Observer, her adviser, …`: skip the opening phrase.
        // `Speaking to supporters in South Carolina, Cruz said`: a participle's phrase too.
        let mut start = start;
        while (self.is_a(start, WordClass::Preposition)
            || self.word(start).is_some_and(|w| w.ends_with("ing")))
            && let Some(comma) = (start..end).find(|&i| self.is_punct(i, ","))
        {
            start = comma + 1;
        }
        // A phrase starts a name, not its middle (`Carolina` of `in South
        // Carolina`; a possessive ends a name: `DNAinfo's Nicole Levy`), and
        // is no preposition's object (`after` may open a clause instead).
        let object = |i: usize| {
            self.is_a(i, WordClass::Preposition) && !self.is_a(i, WordClass::Subordinator)
        };
        (start..end)
            .filter(|&i| {
                i == start
                    || (!object(i - 1)
                        && (!self.is_capitalized(i - 1)
                            || self.word(i - 1).is_some_and(is_possessive)))
            })
            .filter(|&i| {
                self.is_capitalized(i) || self.is_a(i, WordClass::Determiner) || self.is_pronoun(i)
            })
            .find_map(|i| self.np_forward(i, end))
    }

    /// The pronoun at token `i` as a mention, without the `'s` of `he's said`.
    fn pronoun_mention(&self, i: usize) -> Mention {
        Mention {
            span: self.without_contraction(i),
            form: MentionForm::Pronoun,
            antecedent: None,
        }
    }

    /// The span of token `i` without an `'s` for `has` or `is` (`who’s`, `he's`).
    fn without_contraction(&self, i: usize) -> Span {
        let span = self.toks[i].span;
        let word = without_possessive(span.slice(self.text));
        Span::new(span.start, span.start + word.len())
    }

    /// A noun phrase that ends at token `k`, reaching no further back than `start`.
    fn np_backward(&self, k: usize, start: usize) -> Option<Mention> {
        self.word(k)?;
        if self.is_pronoun(k) {
            return Some(self.pronoun_mention(k));
        }
        if self.is_capitalized(k) {
            let mut s = k;
            while s > start && s + MAX_NP > k {
                if self.is_capitalized(s - 1) {
                    s -= 1;
                } else if s - 1 > start
                    && self.is_a(s - 1, WordClass::NameConnector)
                    && self.is_capitalized(s - 2)
                {
                    s -= 2;
                } else {
                    break;
                }
            }
            // `in San Bernardino, Calif., a voice celebrated`: not `Calif.`
            if s == k && self.is_place_abbreviation(k) {
                return None;
            }
            // `a spokesman in Beijing said`: the capitalised run is a place.
            if s > start + 1
                && self.is_a(s - 1, WordClass::Preposition)
                && let Some(head) = self.np_backward(s - 2, start)
                && head.form != MentionForm::Pronoun
            {
                return Some(head);
            }
            let with_det = s > start && self.is_a(s - 1, WordClass::Determiner);
            let s = if with_det { s - 1 } else { s };
            return Some(Mention {
                span: self.span(s, k),
                form: self.classify(s, k),
                antecedent: None,
            });
        }
        // A description: `a Foreign Ministry spokesman`, `the ministers`, or
        // `the actress`: an unlisted noun right after a determiner.
        let listed = self.head_form(k);
        // The determiner opens its clause: `The actress explained`, `…, the attendees chanted`.
        let determined = (k.saturating_sub(2).max(start)..k)
            .find(|&i| self.is_a(i, WordClass::Determiner))
            .is_some_and(|d| {
                (d + 1..k).all(|i| self.word(i).is_some())
                    && (d == start || self.is_punct(d - 1, ",;:"))
            });
        let form = listed.or(determined.then_some(MentionForm::Nominal))?;
        let mut s = k;
        while s > start && s + MAX_NP > k {
            if self.is_a(s - 1, WordClass::Determiner) {
                s -= 1;
                break;
            }
            // Stop at anything that is not a modifier: `Collins added that aides`.
            if self.word(s - 1).is_none()
                || self.is_a(s - 1, WordClass::Preposition)
                || self.is_a(s - 1, WordClass::FunctionWord)
                || self.is_cue(s - 1)
            {
                break;
            }
            s -= 1;
        }
        Some(Mention {
            span: self.span(s, k),
            form,
            antecedent: None,
        })
    }

    /// Whether token `i` is a state abbreviated after its city (`in San
    /// Bernardino, Calif.,`): a place that names no one.
    fn is_place_abbreviation(&self, i: usize) -> bool {
        i >= 2
            && self.word(i).is_some_and(|w| w.ends_with('.'))
            && self.is_punct(i - 1, ",")
            && self
                .word(i - 2)
                .is_some_and(|w| w.starts_with(char::is_uppercase))
            && !self
                .word(i + 1)
                .is_some_and(|w| w.starts_with(char::is_uppercase))
    }

    /// A noun phrase that starts at token `s`, ending before `limit`.
    fn np_forward(&self, s: usize, limit: usize) -> Option<Mention> {
        let word = self.word(s)?;
        if s >= limit || self.is_place_abbreviation(s) {
            return None;
        }
        if self.is_pronoun(s) && !self.is_a(s, WordClass::Determiner) {
            return Some(self.pronoun_mention(s));
        }
        // `former Obama adviser David Axelrod`: a lowercase title opens the phrase like a determiner.
        let det = self.is_a(s, WordClass::Determiner)
            || (word.starts_with(char::is_lowercase) && self.is_a(s, WordClass::Title));
        let first = if det { s + 1 } else { s };
        let mut e = first;
        let mut head = None;
        // The last word of `his longtime personal physician`, when no listed noun heads it.
        let mut described = None;
        // `Kim Jong Un's sister Kim Yo Jong`: a phrase owned opens a new window.
        let mut window = first;
        while e < limit && e < window + MAX_NP {
            let Some(w) = self.word(e) else { break };
            if self.is_capitalized(e) {
                head = Some(e);
                if is_possessive(w) {
                    window = e + 1;
                }
            } else if self.is_a(e, WordClass::NameConnector)
                && self.is_capitalized(e + 1)
                && head.is_some()
                && e + 1 < limit
            {
                // `Secretary of State`: keep going.
            } else if self.head_form(e).is_some() {
                head = Some(e);
                // Stop at the head unless more nouns follow (`White House officials`)
                // or a name does (`professor Paul Beck`).
                let more = e + 1 < limit
                    && (self.is_capitalized(e + 1) || self.head_form(e + 1).is_some());
                if !more {
                    break;
                }
            } else if det
                && head.is_none()
                && !self.is_a(e, WordClass::Preposition)
                && !self.is_a(e, WordClass::FunctionWord)
                && !self.is_cue(e)
            {
                // An adjective before the head (`a joint statement`), or the head itself.
                described = Some(e);
            } else {
                break;
            }
            e += 1;
        }
        // `his longtime personal physician,`: an unlisted head, ended by punctuation.
        let ends_phrase = e >= limit || self.word(e).is_none() || self.is_cue(e);
        let head = head.or(described.filter(|_| ends_phrase))?;
        Some(Mention {
            span: self.span(s, head),
            form: self.classify(first, head),
            antecedent: None,
        })
    }

    /// The form of a noun phrase from its words `s..=e`.
    fn classify(&self, s: usize, e: usize) -> MentionForm {
        if self.word(e).is_some()
            && !self.is_capitalized(e)
            && let Some(form) = self.head_form(e)
        {
            return form;
        }
        let words: Vec<usize> = (s..=e).filter(|&i| self.word(i).is_some()).collect();
        if let [single] = words[..]
            && let Some(form) = self.head_form(single)
        {
            return form;
        }
        let org = words
            .iter()
            .any(|&i| self.is_a(i, WordClass::OrganizationNoun))
            && !words.iter().any(|&i| self.is_a(i, WordClass::PersonNoun));
        let det = s > 0 && self.is_a(s - 1, WordClass::Determiner);
        // `Their opponent`: an unlisted lowercase noun describes a person.
        if !org
            && self
                .word(e)
                .is_some_and(|w| w.starts_with(char::is_lowercase))
        {
            return MentionForm::Nominal;
        }
        if org || (det && words.len() == 1) {
            MentionForm::Organization
        } else {
            MentionForm::Name
        }
    }

    /// What a description headed by the word at `i` refers to, if it can
    /// refer to a speaker.
    fn head_form(&self, i: usize) -> Option<MentionForm> {
        if self.is_a(i, WordClass::DocumentNoun) {
            Some(MentionForm::Document)
        } else if self.is_a(i, WordClass::PersonNoun) {
            Some(MentionForm::Nominal)
        } else if self.is_a(i, WordClass::OrganizationNoun) {
            Some(MentionForm::Organization)
        } else {
            None
        }
    }

    /// Whether `sentence` is a bare speech tag standing after a quote that
    /// ended its own sentence: `"…." Trump said.` (a few words, a speech verb
    /// near the end, no quotation).
    pub fn is_speech_tag(&self, sentence: std::ops::Range<usize>) -> bool {
        sentence.len() <= 7
            && !sentence
                .clone()
                .any(|i| matches!(self.toks[i].kind, TokKind::Quote(_)))
            && sentence.clone().rev().take(4).any(|i| self.is_cue(i))
    }

    /// The speaker of a sentence without quotes that has a speech verb
    /// (`Iowa State University's Dianne Bystrom agreed.`), for the quote that follows it.
    pub fn sentence_speaker(&self, sentence: std::ops::Range<usize>) -> Option<Found> {
        let sentence = sentence.start.max(sentence.end.saturating_sub(REACH))..sentence.end;
        if sentence
            .clone()
            .any(|i| matches!(self.toks[i].kind, TokKind::Quote(_)))
        {
            return None;
        }
        sentence.clone().filter(|&v| self.is_cue(v)).find_map(|v| {
            let mention = self.subject_of(v, sentence.start)?;
            Some(Found {
                cue: self.toks[v].span,
                mention: Some(mention),
                set_off: true,
            })
        })
    }

    /// The subject of a short sentence without quotes that introduces the quote
    /// after it: `Reynolds was blunt. "This is the worst damage I have seen."`
    pub fn sentence_subject_of(&self, sentence: std::ops::Range<usize>) -> Option<Found> {
        if sentence.len() > MAX_NP
            || sentence
                .clone()
                .any(|i| matches!(self.toks[i].kind, TokKind::Quote(_)))
        {
            return None;
        }
        let mention = self.clause_subject(sentence.start, sentence.end)?;
        let verb = self.np_end(mention);
        Some(Found {
            cue: self.toks[verb].span,
            mention: Some(mention),
            set_off: true,
        })
    }

    /// A cue and speaker that a paragraph ending in `X said:` hands to the quote that follows.
    pub fn colon_introduction(&self) -> Option<Found> {
        let n = self.toks.len();
        if n < 2 || !self.is_punct(n - 1, ":") {
            return None;
        }
        let start = n.saturating_sub(REACH);
        let by_cue = (start..n - 1)
            .rev()
            .find(|&i| self.is_cue(i))
            .and_then(|v| {
                let mention = self
                    .subject_of(v, start)
                    .or_else(|| self.np_forward(v + 1, n - 1))?;
                Some(Found {
                    cue: self.toks[v].span,
                    mention: Some(mention),
                    set_off: true,
                })
            });
        // `He then listed the qualities a nominee needs:` — the subject introduces what follows.
        by_cue.or_else(|| {
            let mention = self.clause_subject(start, n - 1)?;
            Some(Found {
                cue: self.toks[n - 1].span,
                mention: Some(mention),
                set_off: true,
            })
        })
    }
}
