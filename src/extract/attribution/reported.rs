//! Reported speech: what a sentence attributes to a source without
//! quotation marks. A verb and what it reports (`X said (that) …`, `X told Y
//! (that) …`, `X urged Y to …`, `X criticized …`, `X called for …`), speech
//! tags after or inside the content (`…, X said.`, `…, X said, …`, `As X
//! said, …`), `according to X`, a name and a colon opening a paragraph, and
//! `X's claim that …`. The content runs to the end of its clause; a
//! quotation inside it stays a quote of its own, and a report inside another
//! report's content is part of that report. A question put to the subject
//! (`Asked whether …, X said`) is no claim and reports nothing.

use std::ops::Range;

use super::{
    Attributor, Mention, MentionForm, REACH, is_adverb, is_ing_form, is_numeral, is_past_form,
    is_sentence_adverb,
};
use crate::extract::lexicon::{Lexicon, WordClass};
use crate::extract::tokens::{TokKind, is_possessive, without_possessive};
use crate::span::Span;

/// Reported speech found in a sentence.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Reported {
    /// The words reported.
    pub content: Span,
    /// The cue: the verb, or `according to`.
    pub cue: Span,
    /// The source's mention, when one was found.
    pub mention: Option<Mention>,
}

impl Reported {
    /// Whether `inner` is part of what this report reports: `Weaver told CNN
    /// that he believes …` and `Song said Clinton had said …` are one report
    /// each, whose content holds the second verb and what follows it; so is
    /// `said in her opening remarks that …`, whose second cue stands between
    /// the verb and what it reports, and any report of the same words.
    fn reports_again(&self, inner: &Reported) -> bool {
        (self.content.start <= inner.cue.start && inner.cue.end <= self.content.end)
            || (self.cue.end <= inner.cue.start && inner.cue.end <= self.content.start)
            || self.content == inner.content
    }
}

/// Whether one of `verbs` (sorted token indexes) lies in `range`.
fn has_verb(verbs: &[usize], range: Range<usize>) -> bool {
    verbs
        .get(verbs.partition_point(|&v| v < range.start))
        .is_some_and(|&v| v < range.end)
}

/// The fewest words reported speech holds; shorter complements (`said so`) are left out.
const MIN_WORDS: usize = 2;

/// The most tokens of a speech tag between commas (`, a senior official said on Tuesday,`).
const MAX_TAG: usize = 10;

/// The most tokens between a verb and its `that` (`said in an interview with
/// The Associated Press last week that`).
const MAX_BRIDGE: usize = 12;

/// The most tokens of a label opening a paragraph (`Sen. Marco Rubio:`).
const MAX_LABEL: usize = 6;

/// The most words of a plain description taken for a source (`party strategists`).
const MAX_DESCRIPTION: usize = 4;

/// The most words of a source described after `according to` (`early results
/// of the exit polls conducted for the Associated Press by Edison Research`).
const MAX_SOURCE: usize = 16;

impl Attributor<'_> {
    /// The reported speech of the sentence `sentence` (a token range of this paragraph).
    pub fn reported(&self, sentence: Range<usize>) -> Vec<Reported> {
        let Some(end) = (sentence.start..sentence.end)
            .rev()
            .find(|&i| !self.is_punct(i, ".?!\"”’'"))
            .map(|i| i + 1)
        else {
            return Vec::new();
        };
        let sentence = sentence.start..end;
        if let Some(found) = self
            .labelled(sentence.clone())
            .or_else(|| self.said_colon(sentence.clone()))
            .or_else(|| self.according_to(sentence.clone()))
            .or_else(|| self.in_survey(sentence.clone()))
        {
            return vec![found];
        }
        // The words that may report speech: every pattern below turns on one.
        let headline = self.is_headline(sentence.clone());
        // Every adverb of hearsay ends in `edly` (`reportedly`, `allegedly`):
        // one search of the sentence's text spares a test of each word.
        let hearsay = self
            .span(sentence.start, sentence.end - 1)
            .slice(self.text)
            .contains("edly");
        let verbs: Vec<usize> = sentence
            .clone()
            .filter(|&v| {
                self.may_report(v)
                    || (headline && self.may_report_capitalized(v))
                    || (hearsay && self.is_hearsay_adverb(v))
            })
            .collect();
        if verbs.is_empty() {
            return Vec::new();
        }
        // A question put to the subject (`Asked whether …,`) is no claim:
        // nothing in it is reported, and a tag reports nothing of it.
        let question = self.question_put(sentence.clone(), &verbs);
        // A speech tag set off by commas reports the sentence around it.
        let tagged = self
            .as_said(sentence.clone(), &verbs)
            .or_else(|| self.fronted(sentence.clone(), &verbs))
            .or_else(|| self.parenthetical(sentence.clone(), &verbs));
        let mut out: Vec<Reported> = Vec::new();
        for &v in verbs
            .iter()
            .filter(|&&v| !question.as_ref().is_some_and(|q| q.contains(&v)))
        {
            // The patterns read at most REACH tokens each side of the verb,
            // whatever the length of the sentence.
            let near = sentence.start.max(v.saturating_sub(REACH))..sentence.end.min(v + 1 + REACH);
            let previous = out.last().and_then(|r| r.mention);
            // A report holding this verb has its own verb at most REACH tokens before.
            let reach_back = self.toks[v.saturating_sub(REACH)].span.start;
            if let Some(found) = self
                .hearsay(v, sentence.clone())
                .or_else(|| self.complement(v, near.clone(), previous))
                .or_else(|| self.possessed(v, near))
                && !out
                    .iter()
                    .rev()
                    .take_while(|outer| outer.cue.start >= reach_back)
                    .any(|outer| outer.reports_again(&found))
            {
                out.push(found);
            }
        }
        let Some(tagged) = tagged else {
            return out;
        };
        // The tag's verb reports nothing after it; a report before the tag
        // (`X said A, but B, they said.`) ends where the tag's content starts.
        // One whose content runs on into the tag (`X called for A, sources
        // said.`) is part of what the tag reports.
        out.retain(|r| r.cue != tagged.cue);
        let start = out
            .iter()
            .filter(|r| {
                r.content.start < tagged.content.end
                    && r.cue.end <= tagged.cue.start
                    && r.content.end <= tagged.content.end
            })
            .map(|r| r.content.end)
            .chain(
                question
                    .map(|q| self.toks[q.end - 1].span.end)
                    .filter(|&end| tagged.content.start < end && end < tagged.content.end),
            )
            .max();
        let tagged = match start {
            None => Some(tagged),
            Some(after) => self.clipped(tagged, after),
        };
        if let Some(tagged) = tagged {
            out.retain(|r| !tagged.reports_again(r));
            out.push(tagged);
        }
        out
    }

    /// `tagged` with its content starting after byte `after` and the
    /// punctuation and conjunctions that follow it; `None` if too little is
    /// left, or nothing before the tag (`Asked if …, Ryan said, "…"`).
    fn clipped(&self, tagged: Reported, after: usize) -> Option<Reported> {
        let end = self
            .toks
            .partition_point(|t| t.span.start < tagged.content.end);
        let start = (self.toks.partition_point(|t| t.span.start < after)..end)
            .find(|&i| self.word(i).is_some() && !self.is_a(i, WordClass::ClauseBreak))?;
        let tag = tagged
            .mention
            .map_or(tagged.cue.start, |m| m.span.start.min(tagged.cue.start));
        if self.toks[start].span.start >= tag {
            return None;
        }
        Some(Reported {
            content: self.words(start, end)?,
            ..tagged
        })
    }

    /// `Rubio: I still believe Trump can't be trusted …` (a headline) and
    /// `JAKE TAPPER: Donald Trump released a video …` (a transcript): a name,
    /// an organisation or a document (`Poll: …`) and a colon open the
    /// paragraph, and the rest of the paragraph is attributed to it.
    fn labelled(&self, sentence: Range<usize>) -> Option<Reported> {
        if sentence.start != 0 {
            return None;
        }
        // `EXCLUSIVE – Roger Stone: …`: a kicker before a dash is no part of the label.
        let start = (1..3)
            .find(|&i| self.is_punct(i, "–—-"))
            .map_or(0, |dash| dash + 1);
        let colon = (start + 1..self.toks.len().min(start + MAX_LABEL + 1))
            .find(|&i| self.is_punct(i, ":"))?;
        let label = |m: &Mention| {
            matches!(
                m.form,
                MentionForm::Name | MentionForm::Organization | MentionForm::Document
            )
        };
        let mention = self
            .np_forward(start, colon)
            .filter(|m| label(m) && self.np_end(*m) == colon)
            .or_else(|| {
                // `Clinton to Planned Parenthood: …`: a name, then whom it addressed.
                let to = (start + 1..colon).find(|&i| self.is_word(i, "to"))?;
                self.np_forward(to + 1, colon)
                    .filter(|m| label(m) && self.np_end(*m) == colon)?;
                (start..to)
                    .all(|i| {
                        self.word(i)
                            .is_some_and(|w| w.starts_with(char::is_uppercase))
                    })
                    .then_some(Mention {
                        span: self.span(start, to - 1),
                        form: MentionForm::Name,
                        antecedent: None,
                    })
            })?;
        // `Carly Fiorina Endorses Ted Cruz: …`: a headline's verb is no part of a name.
        if (start..colon).any(|i| self.is_a(i, WordClass::NotLabel))
            || (start + 1..colon).any(|i| self.is_present_verb(i))
        {
            return None;
        }
        let end = self.toks.len();
        // A statement, not a list or a section title (`Iowa: Tim Albrecht, …`):
        // a verb shows in its first sentence, unless the paragraph is a
        // headline (`Lynch: No outside influence on FBI probe into Clinton
        // emails.`): the story's first paragraph or one in title case, one
        // sentence long and no list.
        let headline = (self.toks[0].span.start == 0 || self.is_headline(colon + 1..sentence.end))
            && end <= sentence.end + 1
            && (colon..end).filter(|&i| self.is_punct(i, ",")).count() < 2;
        if !(headline || self.holds_verb(colon + 1, sentence.end))
            || self.only_quote(colon + 1, end)
        {
            return None;
        }
        Some(Reported {
            content: self.words(colon + 1, end)?,
            cue: self.toks[colon].span,
            mention: Some(mention),
        })
    }

    /// `The governor added:  It's typical of Hillary Clinton. She knows
    /// nothing, …`: a paragraph opening with a source, a verb of saying and
    /// a colon, then what was said without quotation marks (a block quote
    /// whose indentation the text lost); the rest of the paragraph is
    /// attributed to the source.
    fn said_colon(&self, sentence: Range<usize>) -> Option<Reported> {
        if sentence.start != 0 {
            return None;
        }
        let (colon, cue, mention) = self.source_and_colon()?;
        let end = self.toks.len();
        if self.only_quote(colon + 1, end) {
            return None;
        }
        Some(Reported {
            content: self.words(colon + 1, end)?,
            cue,
            mention: Some(mention),
        })
    }

    /// The colon, the verb and the source of a paragraph that opens with a
    /// source, a verb of saying and a colon (`The governor added:`).
    fn source_and_colon(&self) -> Option<(usize, Span, Mention)> {
        let colon = (2..self.toks.len().min(MAX_LABEL + 2)).find(|&i| self.is_punct(i, ":"))?;
        let verb = colon - 1;
        if !(self.is_cue(verb)
            && (self.is_a(verb, WordClass::SayVerb) || self.is_a(verb, WordClass::ClauseVerb)))
        {
            return None;
        }
        let mention = self
            .np_forward(0, verb)
            .filter(|m| self.np_end(*m) == verb)?;
        Some((colon, self.toks[verb].span, mention))
    }

    /// `Limbaugh added:` as a paragraph of its own: the cue and the source
    /// of the words the next paragraph holds, unquoted.
    pub fn lead_in(&self) -> Option<(Span, Mention)> {
        // The cheap test first: this runs on every paragraph.
        if !self.is_punct(self.toks.len().checked_sub(1)?, ":") {
            return None;
        }
        let (colon, cue, mention) = self.source_and_colon()?;
        (colon + 1 == self.toks.len()).then_some((cue, mention))
    }

    /// The words of a paragraph that a lead-in before it introduces: all of
    /// them, when it holds no quotation (which is read as one).
    pub fn led_in_words(&self) -> Option<Span> {
        if self
            .toks
            .iter()
            .any(|t| matches!(t.kind, TokKind::Quote(_)))
        {
            return None;
        }
        self.words(0, self.toks.len())
    }

    /// Whether the tokens `from..to` show a verb: an auxiliary, a verb of
    /// saying, a negation or a past tense.
    fn holds_verb(&self, from: usize, to: usize) -> bool {
        (from..to).any(|i| {
            // Fillers hold the negated auxiliaries (`didn't`).
            self.is_a(i, WordClass::VerbFiller)
                || self.is_cue(i)
                || self.word(i).is_some_and(is_past_form)
        })
    }

    /// `according to X, CONTENT` and `CONTENT, according to X`.
    fn according_to(&self, sentence: Range<usize>) -> Option<Reported> {
        let a = sentence.clone().find(|&i| self.is_according_to(i))?;
        // The content reaches at most REACH tokens from the source.
        let sentence = sentence.start.max(a.saturating_sub(REACH))..sentence.end.min(a + 1 + REACH);
        // `according to a count by The Associated Press`, `according to early
        // results of the exit polls`: a source described, up to its comma.
        let mention = self
            .np_forward(a + 2, sentence.end)
            .or_else(|| self.described_source(a + 2, sentence.end));
        let cue = self.span(a, a + 1);
        let after_source = mention.map_or(a + 2, |m| self.np_end(m));
        // `According to X, CONTENT`, `But according to X, CONTENT`, `In addition,
        // according to X, CONTENT`: only openers and commas before the cue.
        let opening = (sentence.start..a).all(|i| {
            self.toks[i].kind != TokKind::Word
                || self.is_a(i, WordClass::FunctionWord)
                || (i + 1 < a && self.is_punct(i + 1, ","))
        });
        let content = if opening {
            // The source may be long: `According to a 52-count civil complaint filed by …,`.
            let comma = (after_source..sentence.end).find(|&i| self.is_punct(i, ","))?;
            self.words(comma + 1, sentence.end)?
        } else {
            let before = if self.is_punct(a - 1, ",") { a - 1 } else { a };
            let start = self.clause_start(sentence.start, before);
            // `"…?" Clinton asked, according to a transcript`: the source of a speech tag.
            if self.speech_tag(start, before).is_some() {
                return None;
            }
            // `One of the decisions they made, according to a person close to
            // the process, is to turn …`: set off by commas inside its clause,
            // the tag reports the whole clause; not before a description of
            // the source or another clause (`, an analyst at …`, `, and …`).
            let resumes = (before < a)
                .then(|| {
                    (after_source..sentence.end.min(a + 2 + MAX_SOURCE))
                        .find(|&i| self.is_punct(i, ","))
                })
                .flatten()
                .filter(|&comma| {
                    // The clause goes on: its verb follows (`, are 16 …`,
                    // `, was any mention …`), or a few words came before.
                    self.is_a(comma + 1, WordClass::Auxiliary)
                        || (self.word(comma + 1).is_some()
                            && !self.is_a(comma + 1, WordClass::Determiner)
                            && !self.is_a(comma + 1, WordClass::ClauseBreak)
                            && !self.is_a(comma + 1, WordClass::Subordinator)
                            && !self.is_a(comma + 1, WordClass::QuestionWord)
                            && !self.word(comma + 1).is_some_and(|w| w.ends_with("ing"))
                            && (start..before).filter(|&i| self.word(i).is_some()).count() <= 4)
                });
            match resumes {
                Some(comma) => self.words(start, self.content_end(comma + 1, sentence.end))?,
                None => self.words(start, before)?,
            }
        };
        Some(Reported {
            content,
            cue,
            mention,
        })
    }

    /// `In a CNN/ORC poll released Monday, CONTENT`: what a poll or survey
    /// named at the opening of the sentence found.
    fn in_survey(&self, sentence: Range<usize>) -> Option<Reported> {
        let opener = ["but", "and", "yet"]
            .iter()
            .any(|w| self.is_word(sentence.start, w));
        let at = if opener {
            sentence.start + 1
        } else {
            sentence.start
        };
        if !self.is_word(at, "in") {
            return None;
        }
        let comma =
            (at + 1..sentence.end.min(at + 2 + MAX_SOURCE)).find(|&i| self.is_punct(i, ","))?;
        let head = (at + 1..comma).find(|&i| self.is_a(i, WordClass::SurveyNoun))?;
        // Up to its head, the survey is named: no preposition or verb
        // (not `In eight of nine states where exit polls were conducted`).
        let named = (at + 1..head).all(|i| {
            (self.toks[i].kind == TokKind::Word
                && !self.is_a(i, WordClass::Preposition)
                && !self.may_report(i))
                || self.is_punct(i, "/-")
        });
        if !named {
            return None;
        }
        // `In the new Morning Consult poll, conducted March 11-13, …`
        let comma = if self.word(comma + 1).is_some_and(is_past_form) {
            (comma + 2..sentence.end.min(comma + 2 + MAX_TAG))
                .find(|&i| self.is_punct(i, ","))
                .unwrap_or(comma)
        } else {
            comma
        };
        Some(Reported {
            content: self.words(comma + 1, self.content_end(comma + 1, sentence.end))?,
            cue: self.toks[at].span,
            mention: Some(Mention {
                span: self.span(at + 1, comma - 1),
                form: MentionForm::Document,
                antecedent: None,
            }),
        })
    }

    /// The tokens of a question put to the sentence's subject: `When asked
    /// about …,`, `Asked by a reporter whether …,`, `Asked at a briefing
    /// Monday in Washington why …,`, `Trump was asked whether …`, up to its
    /// comma.
    fn question_put(&self, sentence: Range<usize>, verbs: &[usize]) -> Option<Range<usize>> {
        // `Asked` opening the sentence, or `asked` among its verbs after `when`.
        let v = std::iter::once(sentence.start)
            .chain(verbs.iter().copied())
            .find(|&i| {
                self.is_word(i, "asked")
                    && (i == sentence.start
                        || [
                            "when", "after", "once", "if", "was", "were", "been", "being",
                        ]
                        .iter()
                        .any(|w| self.is_word(i - 1, w)))
            })?;
        let mut start = v + 1;
        if self.word(start).is_some_and(|w| w == "by") {
            start = self.np_end(self.np_forward(start + 1, sentence.end)?);
        }
        // A bridge of when and where, holding no verb, to the question.
        let question = (start..sentence.end.min(start + MAX_BRIDGE))
            .take_while(|&i| {
                self.toks[i].kind == TokKind::Word && !self.may_report(i) && !self.is_cue(i)
            })
            .find(|&i| self.is_word(i, "about") || self.is_a(i, WordClass::QuestionWord))?;
        if question > start
            && !(self.is_a(start, WordClass::Preposition) || self.is_a(start, WordClass::TimeWord))
        {
            return None;
        }
        let end = (question..sentence.end)
            .find(|&i| self.is_punct(i, ","))
            .unwrap_or(sentence.end);
        Some(v..end)
    }

    /// The words from `from` to the next comma or `to`, at most
    /// [`MAX_SOURCE`] of them, as a source described rather than named
    /// (`a count by The Associated Press`).
    fn described_source(&self, from: usize, to: usize) -> Option<Mention> {
        let end = (from..to.min(from + MAX_SOURCE + 1))
            .find(|&i| self.toks[i].kind != TokKind::Word)
            .unwrap_or(to);
        if end == from || end - from > MAX_SOURCE || (end < to && !self.is_punct(end, ",.;")) {
            return None;
        }
        // People (`one of his senior aides`) or a document (`an analysis by …`),
        // by the words before the first preposition.
        let people = (from..end)
            .take_while(|&i| !self.is_a(i, WordClass::Preposition))
            .any(|i| self.is_a(i, WordClass::PersonNoun));
        Some(Mention {
            span: self.span(from, end - 1),
            form: if people {
                MentionForm::Nominal
            } else {
                MentionForm::Document
            },
            antecedent: None,
        })
    }

    /// `CONTENT, X said.`, `CONTENT, said X, director of …`: a speech tag
    /// closing the sentence.
    fn fronted(&self, sentence: Range<usize>, verbs: &[usize]) -> Option<Reported> {
        // The tag's comma is among the last REACH tokens.
        let from = sentence.start.max(sentence.end.saturating_sub(REACH));
        let (comma, v, mention) = (from..sentence.end)
            .rev()
            .filter(|&i| {
                // The verb opens the tag (`, said X, director of …`), or the tag is short.
                self.is_punct(i, ",")
                    && (has_verb(verbs, i + 1..i + 2)
                        || (sentence.end - i <= 2 * MAX_TAG
                            && has_verb(verbs, i + 1..sentence.end)))
            })
            .find_map(|c| {
                // `…, political analysts say; in 2012, …`, `…, the Budget Office
                // reported on Tuesday -- a development …`: the tag ends its clause.
                let end = (c + 1..sentence.end)
                    .find(|&i| self.is_punct(i, ";") || self.is_dash(i))
                    .unwrap_or(sentence.end);
                // `The outreach, they said, raised new worries …`: no tag
                // right before this one; the words after it are no tag.
                let tag_before = (sentence.start..c)
                    .rev()
                    .find(|&i| self.is_punct(i, ","))
                    .is_some_and(|b| self.speech_tag(b + 1, c).is_some());
                if tag_before {
                    return None;
                }
                self.speech_tag(c + 1, end)
                    .map(|(v, mention)| (c, v, mention))
            })?;
        let start = self.clause_start(sentence.start, comma);
        let content = self.words(start, comma)?;
        // A quotation alone before the tag is a direct quote, not reported
        // speech; a name alone, or one right after a quotation, is the
        // speaker with an appositive (`Sam Lau, the communications director
        // … said`, `"…," Doug Andres, a spokesman for … told the Post`).
        let name_before = self.np_backward(comma - 1, start).filter(|m| {
            let first = self.np_start(*m);
            m.form == MentionForm::Name && (first == start || self.quote_ends_with_comma(first - 1))
        });
        if self.only_quote(sentence.start, comma)
            || name_before.is_some()
            || self.quote_then_verbless(start, comma)
        {
            return None;
        }
        Some(Reported {
            content,
            cue: self.toks[v].span,
            mention: Some(mention),
        })
    }

    /// `As Purple PAC's Crane said, CONTENT`, `However, as POLITICO has
    /// reported, CONTENT`, `As reported by X, CONTENT`: a speech tag after
    /// `as` opening the sentence or following a comma.
    fn as_said(&self, sentence: Range<usize>, verbs: &[usize]) -> Option<Reported> {
        // The tag's verb is among the first MAX_TAG words after `as`.
        let a = verbs
            .iter()
            .take_while(|&&v| v < sentence.start + REACH)
            .flat_map(|&v| (sentence.start.max(v.saturating_sub(MAX_TAG))..v).rev())
            .find(|&i| {
                self.is_word(i, "as")
                    && (i == sentence.start
                        || self.is_punct(i - 1, ",")
                        // `But as a Politico reporter noted, …`
                        || (i == sentence.start + 1
                            && ["but", "and", "yet", "so"]
                                .iter()
                                .any(|w| self.is_word(sentence.start, w))))
            })?;
        let from = a + 1;
        let comma = (from..sentence.end.min(from + MAX_TAG)).find(|&i| self.is_punct(i, ","))?;
        let (v, mention) = self.speech_tag(from, comma).or_else(|| {
            // `as reported by X`, `as first reported by X`
            let v = (from..from + 2).find(|&i| self.is_cue(i))?;
            (v == from
                || self.is_a(from, WordClass::VerbFiller)
                || self
                    .word(from)
                    .is_some_and(|w| is_adverb(w) || w == "first"))
            .then_some(())?;
            self.word(v + 1).filter(|w| *w == "by")?;
            let mention = self
                .np_forward(v + 2, comma)
                .filter(|m| self.np_end(*m) == comma)?;
            Some((v, mention))
        })?;
        // Mid-sentence, `as` with a verb other than of saying is one of time
        // (`, as Clinton speaks, …`).
        if a > sentence.start
            && !(self.is_a(v, WordClass::SayVerb) || self.is_a(v, WordClass::ClauseVerb))
        {
            return None;
        }
        let end = self.content_end(comma + 1, sentence.end);
        // A quotation alone after the tag is a direct quote; an appositive
        // (`as recalled by X, son of …`) is no clause.
        if self.only_quote(comma + 1, end)
            || !(self.opens_clause(comma + 1) || self.holds_verb(comma + 1, end))
        {
            return None;
        }
        Some(Reported {
            content: self.words(comma + 1, end)?,
            cue: self.toks[v].span,
            mention: Some(mention),
        })
    }

    /// `CONTENT, X said, CONTENT.`: a speech tag between commas inside the
    /// sentence. The sentence is reported, up to the end of its clause.
    fn parenthetical(&self, sentence: Range<usize>, verbs: &[usize]) -> Option<Reported> {
        let mut open = None;
        for close in sentence.clone().filter(|&i| self.is_punct(i, ",")) {
            if let Some(open) = open.replace(close)
                && close - open <= MAX_TAG
                && open > sentence.start
                && has_verb(verbs, open + 1..close)
                && let Some((v, mention)) = self.speech_tag(open + 1, close)
            {
                // `Sales were great, he said, wiping sweat off his face`: a
                // participle after the tag is the speaker's act, and what was
                // said ends at the tag; not a gerund that is the subject of
                // what follows (`…, he said, replacing Clinton would be …`).
                let participle = self
                    .word(close + 1)
                    .is_some_and(|w| is_ing_form(w) && w != "including")
                    && (self.may_report(close + 1)
                        || !(close + 2..sentence.end.min(close + 6))
                            .take_while(|&j| self.word(j).is_some())
                            .any(|j| self.is_a(j, WordClass::Auxiliary)));
                // `…, he said, in an interview.`, `…, he said, on condition
                // of anonymity …`: the occasion of the tag.
                let occasion = self.is_occasion(close + 1, sentence.end)
                    || (self.is_word(close + 1, "on") && self.is_word(close + 2, "condition"));
                let end = if participle || occasion {
                    open
                } else {
                    let end = self.content_end(close + 1, sentence.end);
                    self.words(close + 1, end)?;
                    end
                };
                let start = self.clause_start(sentence.start, open);
                if self.quote_then_verbless(start, open) {
                    return None;
                }
                return Some(Reported {
                    content: self.words(start, end)?,
                    cue: self.toks[v].span,
                    mention: Some(mention),
                });
            }
        }
        None
    }

    /// Whether the tokens `from..to` are a quotation ending with a comma,
    /// then words with no verb before a tag: the quotation's speaker and a
    /// description (`"…," Brent Bozell III, founder of the Media Research
    /// Center, told Breitbart News`), or the writer's aside (`"…," like the
    /// recent volatility of financial markets, said …`), not reported speech.
    fn quote_then_verbless(&self, from: usize, to: usize) -> bool {
        from < to
            && matches!(self.toks[from].kind, TokKind::Quote(_))
            && self.quote_ends_with_comma(from)
            && !self.holds_verb(from + 1, to)
    }

    /// Whether the tokens `from..to` are a speech tag and nothing else: the
    /// source and its verb (`the minister said`, `political experts said on
    /// Tuesday`), or the verb first (`said Larry Sabato`), then perhaps an
    /// appositive after a comma. The verb's index and the source.
    fn speech_tag(&self, from: usize, to: usize) -> Option<(usize, Mention)> {
        if from >= to {
            return None;
        }
        // When and where after the verb or the source: `said on Tuesday`, `said in
        // a statement`; not an infinitive or an object of its own (`had reason to …`).
        let circumstance = |from: usize| {
            from >= to
                || ((self.is_a(from, WordClass::TimeWord)
                    || (self.is_a(from, WordClass::Preposition)
                        && !self.word(from).is_some_and(|w| matches!(w, "to" | "of"))))
                    && to - from < MAX_TAG
                    && (from..to).all(|i| self.toks[i].kind != TokKind::Punct(',')))
        };
        // `said Larry Sabato, director of …`: a finite verb of saying, then its source.
        if self.is_cue(from)
            && (self.is_a(from, WordClass::SayVerb) || self.is_a(from, WordClass::ClauseVerb))
            // `…, told Breitbart News`: the person told, not the source.
            && !self.is_a(from, WordClass::AddressVerb)
            && !self.word(from).is_some_and(|w| w.ends_with("ing"))
        {
            // `says political scientist Dossym Satpayev`: lowercase title words before the name.
            let mention = self.np_forward(from + 1, to).or_else(|| {
                let title_end = (from + 1..to.min(from + 1 + MAX_DESCRIPTION))
                    .take_while(|&i| {
                        self.word(i)
                            .is_some_and(|w| w.starts_with(char::is_lowercase))
                            && !self.is_a(i, WordClass::FunctionWord)
                            && !self.is_a(i, WordClass::Preposition)
                            && !self.is_cue(i)
                    })
                    .last()?
                    + 1;
                self.np_forward(title_end, to)
                    .filter(|m| m.form == MentionForm::Name)
            })?;
            let after = self.np_end(mention);
            // `says her biggest concern is …`: a clause, not the source.
            if (from + 1..after).any(|i| self.is_a(i, WordClass::VerbFiller)) {
                return None;
            }
            // `said Sherman, a George Washington University grad whose …`,
            // `say some Democrats, who cringe …`: a description or a relative
            // clause may hold verbs of its own.
            let appositive = || {
                self.is_punct(after, ",")
                    && (self.is_a(after + 1, WordClass::Determiner)
                        || self.is_word(after + 1, "who")
                        || (after + 1..to)
                            .all(|i| !self.is_a(i, WordClass::VerbFiller) && !self.is_cue(i)))
            };
            return (circumstance(after) || appositive()).then_some((from, mention));
        }
        // `, who’s thinking about running,`: a relative clause, no tag.
        if self
            .word(from)
            .is_some_and(|w| matches!(without_possessive(w), "who" | "which"))
        {
            return None;
        }
        // `, many think,`, `, some Democrats now think.`: any verb that reports a clause.
        let v = (from + 1..to.min(from + MAX_TAG)).find(|&i| {
            self.is_cue(i) || (self.may_report(i) && self.is_a(i, WordClass::ClauseVerb))
        })?;
        if self.is_passive(v) {
            return None;
        }
        let subject_end = self.subject_end(v, from);
        // Plain words between `from` and `to`: no punctuation, verb or cue.
        let plain = |from: usize, to: usize| {
            (from..to).all(|i| {
                self.toks[i].kind == TokKind::Word
                    && !self.is_a(i, WordClass::VerbFiller)
                    && !self.is_cue(i)
            })
        };
        let mention = self
            .np_forward(from, v)
            .filter(|m| {
                let end = self.np_end(*m);
                // `people familiar with the matter said`, `a source close to him said`
                end == subject_end
                    || (m.form == MentionForm::Nominal
                        && end < subject_end
                        && subject_end - end <= MAX_DESCRIPTION + 1
                        && (self.is_a(end, WordClass::Preposition)
                            || self.word(end).is_some_and(|w| {
                                matches!(w, "close" | "familiar" | "knowledgeable")
                            }))
                        && plain(end, subject_end))
            })
            .or_else(|| {
                self.plain_description(v, from)
                    .filter(|m| self.np_start(*m) == from)
            })
            .or_else(|| {
                // `Algerian foreign affairs ministry spokesman Benali Cherif
                // Abdelaziz said`: a title of lowercase words before the name.
                let name = self
                    .np_backward(subject_end.checked_sub(1)?, from)
                    .filter(|m| m.form == MentionForm::Name)?;
                let first = self.np_start(name);
                let title = first > from
                    && self.head_form(first - 1).is_some()
                    && (from..first).all(|i| {
                        (i == from && self.is_a(i, WordClass::Determiner))
                            || (self.word(i).is_some()
                                && !self.is_a(i, WordClass::FunctionWord)
                                && !self.is_a(i, WordClass::Preposition))
                    });
                (title && plain(from, subject_end)).then_some(name)
            })
            // `, a wide array of economists say,`, `, Clinton allies believe`:
            // the tag's words describe its source.
            .or_else(|| {
                ((self.word(from)?.starts_with(char::is_lowercase) || subject_end - from <= 3)
                    && (self.is_a(v, WordClass::SayVerb) || self.is_a(v, WordClass::ClauseVerb)))
                .then(|| self.described_words(from, subject_end))
                .flatten()
            })?;
        // `the president told her`, `he told the court in his filing`: the person told.
        let mut after = v + 1;
        if self.is_a(v, WordClass::AddressVerb) {
            if let Some(addressee) = self.np_forward(after, to) {
                after = self.np_end(addressee);
            } else if self.is_pronoun(after) {
                // `the president told her`: `her` reads as a determiner first.
                after += 1;
            }
        }
        // `As many experts have pointed out, …`: the verb's particle, last
        // in the tag (not `spoke out in favor of …`, `pointed out that …`).
        if self.is_word(after, "out") && after + 1 == to {
            after += 1;
        }
        // `In July, the NAACP called for a moratorium …`: a particle's object
        // is what the verb reports, no circumstance of a tag.
        (circumstance(after) && !self.is_phrasal(v)).then_some((v, mention))
    }

    /// Whether token `i` is a pronoun that opens a clause as its subject
    /// (`he`, `they`, and `it`, which a verb of saying far more often
    /// introduces than tells anything).
    fn is_subject_pronoun(&self, i: usize) -> bool {
        self.word(i).is_some_and(|w| {
            ["he", "she", "they", "we", "i", "it"]
                .iter()
                .any(|p| w.eq_ignore_ascii_case(p))
        })
    }

    /// Token `i`, or the token after an aside between commas that opens
    /// there (`now says, however, that …`, `told POLITICO, however, that …`).
    fn after_aside(&self, i: usize) -> usize {
        let aside = self.is_punct(i, ",")
            && self.is_punct(i + 2, ",")
            && self.word(i + 1).is_some_and(is_sentence_adverb);
        if aside { i + 3 } else { i }
    }

    /// Whether the word at `v` and the next are a verb and its particle
    /// (`called for`, `referring to`), or the next two (`lashed out at`,
    /// `weighed in on`).
    fn is_phrasal(&self, v: usize) -> bool {
        self.phrasal_len(v).is_some()
    }

    /// How many words the phrasal verb at `v` has, with its particles, and
    /// with an adverb or a time between the verb and its particle (`spoke
    /// emotionally of`, `called Friday for`).
    fn phrasal_len(&self, v: usize) -> Option<usize> {
        // A phrase ends with a preposition: the cheap test first, on this hot path.
        [2, 3]
            .into_iter()
            .find(|&n| {
                self.is_a(v + n - 1, WordClass::Preposition)
                    && (v..v + n).all(|i| self.word(i).is_some())
                    && self.listed_phrasal(&[v, v + 1, v + 2][..n])
            })
            .or_else(|| {
                let gap = v + 1;
                (self.is_a(v + 2, WordClass::Preposition)
                    && (self.word(gap).is_some_and(is_adverb)
                        || self.is_a(gap, WordClass::TimeWord)
                        || self.is_word(gap, "again"))
                    && self.listed_phrasal(&[v, v + 2]))
                .then_some(3)
            })
    }

    /// Whether the words at `indices` are a phrasal verb of the lexicon.
    fn listed_phrasal(&self, indices: &[usize]) -> bool {
        // The words joined on the stack: this runs for every verb that may report.
        let mut buffer = [0u8; 48];
        let mut len = 0;
        for &i in indices {
            let Some(word) = self.word(i) else {
                return false;
            };
            let space = usize::from(len > 0);
            if len + space + word.len() > buffer.len() {
                return false;
            }
            if space == 1 {
                buffer[len] = b' ';
            }
            buffer[len + space..len + space + word.len()].copy_from_slice(word.as_bytes());
            len += space + word.len();
        }
        std::str::from_utf8(&buffer[..len])
            .is_ok_and(|phrase| Lexicon::has(&self.lexicon.reported_speech.phrasal_verbs, phrase))
    }

    /// Whether the word at `v` may report speech: a verb of any list, in
    /// lowercase (a capitalised word mid-sentence is a name or a title).
    fn may_report(&self, v: usize) -> bool {
        // The spelling first, as this runs on every word: a lowercase first
        // letter, and first and last letters some verb has.
        self.word_bytes(v).is_some_and(|bytes| {
            let lowercase = match bytes.first() {
                Some(first) if first.is_ascii() => first.is_ascii_lowercase(),
                _ => self
                    .word(v)
                    .is_some_and(|w| w.starts_with(char::is_lowercase)),
            };
            lowercase && self.lexicon.may_be_verb(bytes) && self.is_a(v, WordClass::AnyVerb)
        })
    }

    /// Whether the sentence is a headline in title case (`Francois Hollande
    /// Says Donald Trump …`), where verbs are capitalised too: every word but
    /// short function words is.
    fn is_headline(&self, sentence: Range<usize>) -> bool {
        let mut words = 0;
        for i in sentence {
            if let Some(w) = self.word(i) {
                words += 1;
                let capitalised = w.starts_with(|c: char| c.is_uppercase() || c.is_ascii_digit());
                let short_function_word = w.len() <= 4 && self.is_a(i, WordClass::FunctionWord);
                if !(capitalised || short_function_word) {
                    return false;
                }
            }
        }
        words >= 4
    }

    /// Whether the capitalised word at `v` is a verb of any list, in a headline.
    fn may_report_capitalized(&self, v: usize) -> bool {
        v > 0 && self.is_a(v, WordClass::AnyVerb)
    }

    /// `X VERB (Y) (that) CONTENT` with the cue at token `v`, a word that
    /// [may report](Self::may_report) speech: the verb takes
    /// a `that` clause, a bare clause (`said the plan would …`), an
    /// infinitive (`urged Congress to …`) or, for verbs of judgement, an
    /// object (`criticized the plan`).
    ///
    /// A participle after a comma (`…, adding that …`) reports for the
    /// source of the report before it in the sentence, `previous`.
    fn complement(
        &self,
        v: usize,
        sentence: Range<usize>,
        previous: Option<Mention>,
    ) -> Option<Reported> {
        let takes = |class: WordClass| self.is_a(v, class);
        // `called for a ban`, `pointed to the polls`: the particle's object is reported.
        let phrasal_len = self.phrasal_len(v);
        let phrasal = phrasal_len.is_some();
        let listed = || {
            phrasal
                || takes(WordClass::ClauseVerb)
                || takes(WordClass::ThatVerb)
                || takes(WordClass::FindingVerb)
                || takes(WordClass::InfinitiveVerb)
                || takes(WordClass::ObjectVerb)
        };
        // `Some say …` opening a clause: the quantifier is the subject, not a determiner.
        let quantified = v > sentence.start
            && self.is_a(v - 1, WordClass::Quantifier)
            && (v - 1 == sentence.start
                || self.is_punct(v - 2, ",")
                || self.is_a(v - 2, WordClass::Subordinator)
                || self.is_word(v - 2, "and")
                || self.is_word(v - 2, "but"));
        // `more detailed records`, `a very divided party`: an adjective, not a verb.
        let graded = || {
            v > 0
                && ["more", "most", "less", "least", "very", "too", "so"]
                    .iter()
                    .any(|w| self.is_word(v - 1, w))
        };
        if !(self.is_cue(v) || quantified || (self.is_verb_position(v) && !graded() && listed())) {
            return None;
        }
        // `is said to`, `is thought to`: participles that end in neither
        // `-ed` nor `-en`.
        if self.is_passive(v)
            || self.word(v.saturating_sub(1)).is_some_and(is_adverb)
            || self.is_word(v + 1, "to")
        {
            if let Some(found) = self
                .impersonal(v, sentence.clone())
                .or_else(|| self.expectation(v, sentence.clone()))
            {
                return Some(found);
            }
            if self.is_passive(v) {
                return None;
            }
        }
        // `the country described by the president`: a passive, not a report;
        // but `The meeting was first reported by Politico` reports its subject.
        if self.word(v + 1).is_some_and(|w| w == "by") {
            return self.reported_by(v, sentence);
        }
        // What the verb reports comes first, its source after: most verbs
        // report nothing, and the source is the dearer search.
        let mut start = v + 1;
        // `said Thursday he would …`, `said on Friday he met …`, `wrote this week`
        loop {
            if self.is_a(start, WordClass::TimeWord) && !self.is_word(start, "last") {
                start += 1;
            } else if (self.is_word(start, "this")
                || self.is_word(start, "last")
                || self.is_a(start, WordClass::Preposition))
                && self.is_a(start + 1, WordClass::TimeWord)
                && !self.is_word(start + 1, "last")
            {
                start += 2;
            } else if self
                .word(start)
                .is_some_and(|w| is_adverb(w) && !self.is_a(start, WordClass::ShareQualifier))
                && (self.is_word(start + 1, "that") || self.opens_clause(start + 1))
            {
                // `said repeatedly the plan would …`, `has said publicly he …`:
                // how it was said.
                start += 1;
            } else {
                break;
            }
        }
        start = self.after_aside(start);
        let mut addressed = None;
        if let Some(n) = phrasal_len {
            start = v + n;
        } else if takes(WordClass::AddressVerb)
            // `have warned they could sell …`: a subject opens the clause, no one is told.
            && !self.is_subject_pronoun(start)
            && let Some(after) = self
                .np_forward(start, sentence.end)
                .map(|addressee| self.np_end(addressee))
                .or_else(|| self.plain_addressee(start, sentence.end))
        {
            addressed = Some(start);
            // `told The Post and Courier newspaper of Charleston`: names joined.
            start = if self.is_word(after, "and")
                && let Some(second) = self.np_forward(after + 1, sentence.end)
                && matches!(second.form, MentionForm::Name | MentionForm::Organization)
            {
                self.np_end(second)
            } else {
                after
            };
            // `told Flint residents not to drink …`
            if self.is_word(start, "not") && self.is_word(start + 1, "to") {
                start += 1;
            }
            start = self.after_aside(start);
        }
        // `said on Tuesday that`, `said in an interview with The Associated Press
        // last week that`: a bridge of when and where to `that`.
        let mut that_clause = false;
        // A particle's object needs no other test.
        if !phrasal {
            if let Some(that) = (start..sentence.end.min(start + MAX_BRIDGE))
                .find(|&i| self.word(i).is_some_and(|w| w.eq_ignore_ascii_case("that")))
                // `said he had heard that account`: a clause with its own
                // subject, not a bridge.
                && !self.is_subject_pronoun(start)
                // `rejected that idea.`, `decried that math, saying …`: a
                // demonstrative before one word and the end of the clause.
                && !(self.word(that + 1).is_some()
                    && (that + 2 >= sentence.end
                        || (self.is_punct(that + 2, ",")
                            && self.word(that + 3).is_some_and(is_ing_form))))
                // `spoke at the meeting that was held …`, `in a race that
                // seems …`: a relative clause after a noun, not what is said.
                && !(that > start
                    && (self.is_a(that + 1, WordClass::VerbFiller)
                        || self.is_present_verb(that + 1)
                        // `four donations that totaled …`
                        || self.word(that + 1).is_some_and(is_past_form)))
                // `said, without evidence, that`, `said on CNN, where he is
                // now a contributor, that`: an aside closing right before `that`.
                && (that - start < 6
                    || self.is_a(start, WordClass::Preposition)
                    || self.is_a(start, WordClass::TimeWord)
                    || self.is_punct(start, ","))
                // `said on ABC's ''This Week'' on Sunday that`, `told MSNBC's
                // "Morning Joe" that`: a title in quotation marks after a word;
                // `said in her opening remarks that`: a noun
                // after a determiner, though it may be a verb elsewhere.
                && (start..that).all(|i| {
                    let noun = i > start
                        && (self.is_a(i - 1, WordClass::Determiner)
                            || self.word(i - 1).is_some_and(|w| {
                                w.starts_with(char::is_lowercase)
                                    && !self.is_a(i - 1, WordClass::Preposition)
                                    && !self.is_a(i - 1, WordClass::FunctionWord)
                            }));
                    (matches!(self.toks[i].kind, TokKind::Quote(_))
                        && (i > start || addressed.is_some()))
                        || (self.is_punct(i, ",")
                            && self.is_punct(that - 1, ",")
                            && ((self.is_punct(start, ",") && that - start >= 3)
                                || self.is_a(start, WordClass::Preposition)))
                        || (self.toks[i].kind == TokKind::Word
                            && (!self.may_report(i) || noun)
                            && (self.is_a(i, WordClass::Preposition)
                                || self.is_a(i, WordClass::TimeWord)
                                || self.is_a(i, WordClass::Determiner)
                                || self.word(i).is_some_and(|w| w.chars().count() <= 10)))
                })
            {
                start = that + 1;
                that_clause = true;
            } else {
                let infinitive = self
                    .word(start)
                    .is_some_and(|w| w.eq_ignore_ascii_case("to"));
                let complement = if infinitive {
                    // `agreed to a match`: `to` before a noun phrase is a preposition.
                    takes(WordClass::InfinitiveVerb) && !self.is_a(start + 1, WordClass::Determiner)
                } else {
                    (takes(WordClass::ClauseVerb)
                        && !self.names_writing(v, start, sentence.end)
                        && (self.opens_clause(start)
                            || self.auxiliary_follows(start)
                            || (addressed.is_none()
                                && self.word(v).is_some_and(|w| w.ends_with("ed"))
                                && self.is_gerund(start))))
                        || (takes(WordClass::SayVerb)
                            && self.opens_said_clause(start)
                            && !self.names_writing(v, start, sentence.end))
                        || self.names_as(v, start, sentence.end)
                        || (takes(WordClass::FindingVerb)
                            // `find out who sent it`: a particle, not what was found.
                            && self.word(start).is_some()
                            && !self.is_particle(start)
                            && !self.is_a(start, WordClass::Preposition)
                            && self.found_by_record(v, sentence.start))
                        || (takes(WordClass::ObjectVerb)
                            && addressed.is_none()
                            && self.word(start).is_some()
                            // `blasted out an email`: a particle, not what was blasted.
                            && !self.is_particle(start)
                            && !self.is_a(start, WordClass::Preposition))
                };
                if !complement {
                    // `said in a statement Tuesday it would …`, `told federal
                    // investigators in July she was …`: a bridge without `that`.
                    start = (takes(WordClass::SayVerb) || addressed.is_some())
                        .then(|| self.bridged_clause(start, sentence.end))
                        .flatten()?;
                }
                // `urged Congress to act`: the person urged is part of what is reported.
                if let (true, Some(addressee)) = (infinitive, addressed) {
                    start = addressee;
                }
            }
        }
        let participle = v > sentence.start
            && (self.is_punct(v - 1, ",") || self.quote_ends_with_comma(v - 1))
            && self.word(v).is_some_and(|w| w.ends_with("ing"));
        // `Thomas Perez, who said …`: the relative pronoun's antecedent spoke,
        // and the report ends with the relative clause.
        let subject_end = self.subject_end(v, sentence.start);
        let relative = self
            .relative_before(subject_end, sentence.start)
            .or_else(|| self.coordinated_relative(subject_end, sentence.start));
        // `"…," Clinton told AIPAC, referring to …`: the participle follows
        // the tag of a quotation, whose speaker it reports.
        let tag_before = || {
            let quote = (sentence.start..v)
                .rev()
                .find(|&i| matches!(self.toks[i].kind, TokKind::Quote(_)))?;
            self.speech_tag(quote + 1, v - 1)
                .map(|(_, mention)| mention)
        };
        // `Gay rights groups condemned the bill's passage but praised …`: a
        // verb coordinated with the one before reports for the same source.
        let coordinated = subject_end > sentence.start
            && ["and", "but", "or"]
                .iter()
                .any(|w| self.is_word(subject_end - 1, w));
        let mention = match (previous, relative) {
            (Some(previous), _) if participle => previous,
            (None, None) if participle && let Some(speaker) = tag_before() => speaker,
            (_, Some(antecedent)) => antecedent,
            (Some(previous), None) if coordinated => previous,
            // `one in four said …`, `more than 4 in 10 said …`
            (_, None) if let Some(share) = self.share_before(subject_end, sentence.start) => share,
            _ if quantified => Mention {
                span: self.toks[v - 1].span,
                form: MentionForm::Nominal,
                antecedent: None,
            },
            // `appeals courts said`, `many economists say`: a plain description
            // right before the verb is its subject, not a name earlier on.
            _ => {
                let subject = self.subject_of(v, sentence.start);
                if subject.is_some_and(|m| self.np_end(m) == subject_end) {
                    subject
                } else {
                    self.plain_subject(v, subject_end, sentence.start)
                        .or(subject)
                }
                .or_else(|| self.plain_description(v, sentence.start))
                .or_else(|| self.clause_description(subject_end, sentence.start))?
            }
        };
        let mention = self.issuer(mention, sentence.start).unwrap_or(mention);
        // `"…," said Gary Orfield` and `"…," Rubio said Dec. 6 on CNN`: the verb
        // tags the quotation before it; only a `that` clause is reported besides.
        let after_quote =
            |i: usize| i > sentence.start && matches!(self.toks[i - 1].kind, TokKind::Quote(_));
        if !that_clause && !participle && (after_quote(v) || after_quote(self.np_start(mention))) {
            return None;
        }
        // Inside a subordinate clause (`While X said …, Y …`) the content ends at its comma.
        let subject = self.np_start(mention);
        // Not when the subordinate clause closed before the verb (`As Obama
        // covered predictable ground, Trump noted that …`).
        let opening_clause = || {
            (self.is_a(sentence.start, WordClass::Subordinator)
                || (sentence.start + 1 < v
                    && self.is_a(sentence.start + 1, WordClass::Subordinator)))
                && !(sentence.start..v).any(|i| self.is_punct(i, ","))
        };
        // `Chris Christie, hoping to surge in New Hampshire, called …`: a
        // participle between the subject and its verb ends at its comma.
        let before_verb = participle
            && !(sentence.start..v)
                .any(|i| self.is_a(i, WordClass::AnyVerb) || self.is_a(i, WordClass::Auxiliary));
        let subordinate = relative.is_some()
            || opening_clause()
            || (subject > sentence.start && self.is_a(subject - 1, WordClass::Subordinator));
        let verb_resumes = |i: usize| {
            self.is_punct(i, ",")
                && (self.is_a(i + 1, WordClass::AnyVerb)
                    || self.is_a(i + 1, WordClass::VerbFiller)
                    || self.word(i + 1).is_some_and(is_past_form))
        };
        // `declined to comment, was born in …`: after the content's first
        // comma, an auxiliary with no subject of its own (not `, should she
        // win …`) goes on with the sentence the report is part of; after a
        // clause, unless a list of predicates goes on (`had nothing to do
        // with it, had started after … and been suspended`).
        let predicate_resumes = |from: usize, i: usize| {
            self.is_punct(i, ",")
                && (self.is_a(i + 1, WordClass::Auxiliary)
                    || self
                        .word(i + 1)
                        .is_some_and(|w| w.ends_with("n't") || w.ends_with("n’t")))
                && !(from..i).any(|j| self.is_punct(j, ","))
                // `, should Clinton attempt …`: a condition, inverted.
                && !self.opens_clause(i + 2)
                && (self.is_word(from, "to")
                    || !(i + 1..sentence.end)
                        .any(|j| self.is_word(j, "and") || self.is_word(j, "or")))
        };
        let find_end = |from: usize| {
            (from..sentence.end)
                .find(|&i| {
                    self.ends_content(i)
                        || predicate_resumes(from, i)
                        || (before_verb && verb_resumes(i))
                        || (subordinate
                            && (self.is_punct(i, ",")
                                || (i > 0 && self.quote_ends_with_comma(i - 1))))
                })
                .unwrap_or(sentence.end)
        };
        let mut end = find_end(start);
        // `that Sanders, who did win Rhode Island on Tuesday, would …`: a
        // relative clause after the content's subject, before its verb (an
        // object's is the writer's: `criticizing joint exercises, which have
        // been scaled back`).
        // `announced it will have 18 fact-checkers working during the
        // debate`: a clause after a verb that takes both is no object.
        let clause = takes(WordClass::ClauseVerb)
            && self.opens_clause(start)
            && self.auxiliary_follows(start);
        let object = !that_clause && !clause && (phrasal || takes(WordClass::ObjectVerb));
        if !object
            && end < sentence.end
            && self.is_punct(end, ",")
            && (self.is_word(end + 1, "who") || self.is_word(end + 1, "which"))
            && !self.holds_verb(start, end)
            && let Some(close) = (end + 2..sentence.end.min(end + 2 + MAX_TAG))
                .find(|&i| self.is_punct(i, ",;"))
                .filter(|&i| self.is_punct(i, ","))
        {
            end = find_end(close + 1);
        }
        // `called Cruz the "ultimate hypocrite," linking to a story …`: what a
        // thing is called ends before a participle or a subordinate clause.
        if !that_clause && self.names_as(v, start, end) {
            end = (start + 2..end)
                .find(|&i| {
                    (self.is_punct(i - 1, ",") || self.quote_ends_with_comma(i - 1))
                        && (self.is_a(i, WordClass::Subordinator)
                            || (self.word(i).is_some_and(is_ing_form)
                                && !self.is_punct(i + 1, ",")
                                && !self.is_word(i + 1, "and")
                                && !self.is_word(i + 1, "or")))
                })
                .map_or(end, |i| if self.is_punct(i - 1, ",") { i - 1 } else { i });
        }
        if self.only_quote(start, end) {
            return None;
        }
        // `criticized Trump`, `referring to Clinton`: a name alone is a thing named.
        let content = if object {
            // `praised Boyle at a press conference in Hanahan`: an occasion
            // of speech is the act's, not the object's; `opposed him — he
            // was confirmed 92 to 0`: after a dash, the writer's words.
            let end = (start + 1..end)
                .find(|&i| {
                    self.is_occasion(i, end)
                        // `endorsed one in July`, `endorsed Clinton on Thursday`:
                        // when is the act's.
                        || self.opens_time_phrase(i, end)
                        // `urged all nations — rich and poor — to limit …`:
                        // an aside between dashes is no end.
                        || (self.is_dash(i)
                            && !(i.saturating_sub(8).max(start)..(i + 9).min(end))
                                .any(|j| j != i && self.is_dash(j)))
                })
                .unwrap_or(end);
            // `condemned the launch as Pyongyang fired three missiles …`,
            // `indicates a tightening race as Trump consolidates …`: a
            // subordinate clause with its own subject and verb is the
            // writer's account of the moment.
            let end = (start + 1..end)
                .find(|&i| {
                    // `touted his polling strength while needling opponents`:
                    // or a participle, the subject's own act.
                    (self.is_a(i, WordClass::Subordinator)
                        && !self.is_word(i, "as")
                        && self.word(i + 1).is_some_and(is_ing_form)
                        && !self.may_report(i + 1))
                        || self.is_a(i, WordClass::Subordinator)
                        && !self.is_word(i, "because")
                        && !self.is_word(i, "if")
                        && self.opens_clause(i + 1)
                        // `described the raids as a failed effort`: what
                        // they are taken for.
                        && !(self.is_word(i, "as") && self.is_a(i + 1, WordClass::Determiner))
                        && (i + 2..end.min(i + 5)).any(|j| {
                            self.word(j).is_some_and(is_past_form)
                                || self.is_a(j, WordClass::Auxiliary)
                                || self.is_present_verb(j)
                        })
                })
                .unwrap_or(end);
            // `endorsed Trump last week and has appeared …`: a thing named
            // takes no verb; the subject's next act follows.
            let end = (start + 1..end)
                .find(|&i| {
                    (self.is_word(i, "and") || self.is_word(i, "but"))
                        && (self.is_a(i + 1, WordClass::VerbFiller)
                            || self.word(i + 1).is_some_and(is_past_form))
                })
                .unwrap_or(end);
            // `endorsed Cruz Wednesday`, `endorsed Hillary Clinton in
            // November`: a time closing the clause is the act's, not the object's.
            let end = self
                .np_forward(start, end)
                .map(|object| self.np_end(object))
                .filter(|&after| {
                    let time = if self.is_a(after, WordClass::Preposition) {
                        after + 1
                    } else {
                        after
                    };
                    after < end
                        && self.is_a(time, WordClass::TimeWord)
                        && (time + 1 == end
                            || (time + 2 == end && self.is_a(time + 1, WordClass::TimeWord)))
                })
                .unwrap_or(end);
            // `endorsed Trump in early June`, `endorsed Cruz despite their
            // history`: after a person named, the act's setting follows, unless
            // what the person is charged with or taken for comes after it
            // (`accused Trump on Tuesday of …`, `described her in 2008 as …`).
            let end = self
                .np_forward(start, end)
                .filter(|object| matches!(object.form, MentionForm::Name | MentionForm::Pronoun))
                .map(|object| self.np_end(object))
                .filter(|&after| {
                    after < end
                        && self.is_a(after, WordClass::SettingWord)
                        && !(after..end).any(|i| {
                            self.is_word(i, "of") || self.is_word(i, "for") || self.is_word(i, "as")
                        })
                })
                .unwrap_or(end);
            self.object_words(start, end)?
        } else {
            self.words(start, end)?
        };
        Some(Reported {
            content,
            cue: self.toks[v].span,
            mention: Some(mention),
        })
    }

    /// `It was reported that CONTENT`, `It is widely believed that CONTENT`:
    /// a report in the passive with `it` for its subject names no source.
    fn impersonal(&self, v: usize, sentence: Range<usize>) -> Option<Reported> {
        if !self
            .word(v + 1)
            .is_some_and(|w| w.eq_ignore_ascii_case("that"))
        {
            return None;
        }
        let k = self.subject_end(v, sentence.start);
        let passive = (k..v).any(|i| {
            self.word(i)
                .is_some_and(|w| matches!(w, "is" | "was" | "been" | "being" | "be"))
        });
        let subject = k
            .checked_sub(1)
            .filter(|&s| passive && s >= sentence.start)?;
        // `It is reported`, `It's been reported`
        if !self.word(subject).is_some_and(|w| {
            ["it", "it's", "it’s"]
                .iter()
                .any(|it| w.eq_ignore_ascii_case(it))
        }) {
            return None;
        }
        let start = v + 2;
        let end = self.content_end(start, sentence.end);
        Some(Reported {
            content: self.words(start, end)?,
            cue: self.toks[v].span,
            mention: None,
        })
    }

    /// `CONTENT was (first) reported by X`: a verb of saying in the passive
    /// with its agent, at `v`; what the clause before the auxiliary names is
    /// reported, by the agent.
    fn reported_by(&self, v: usize, sentence: Range<usize>) -> Option<Reported> {
        if !(self.is_a(v, WordClass::SayVerb) || self.is_a(v, WordClass::ClauseVerb)) {
            return None;
        }
        // The auxiliary, perhaps with adverbs between: `was first`, `had been previously`.
        let auxiliary = (v.saturating_sub(3).max(sentence.start)..v)
            .rev()
            .find(|&i| {
                self.word(i)
                    .is_some_and(|w| matches!(w, "was" | "were" | "been"))
            })?;
        if !(auxiliary + 1..v).all(|i| {
            self.is_a(i, WordClass::VerbFiller)
                || self.word(i).is_some_and(|w| is_adverb(w) || w == "first")
        }) {
            return None;
        }
        let mention = self.np_forward(v + 2, sentence.end)?;
        let after = self.np_end(mention);
        if !(after >= sentence.end
            || self.is_punct(after, ",;")
            || self.is_a(after, WordClass::TimeWord)
            || self.is_a(after, WordClass::Preposition))
        {
            return None;
        }
        let subject_end = self.subject_end(auxiliary + 1, sentence.start);
        let start = self.clause_start(sentence.start, subject_end);
        // `, which was first reported by …`: the relative's antecedent is not
        // read here.
        if (start..subject_end).any(|i| self.is_cue(i) || self.is_punct(i, ",")) {
            return None;
        }
        Some(Reported {
            content: self.words(start, subject_end)?,
            cue: self.toks[v].span,
            mention: Some(mention),
        })
    }

    /// `CONTENT is (widely) expected to …`, `is said to …`: an expectation
    /// or a claim whose holder is not named, with the participle at `v`. The
    /// clause is reported with no source (`The French president is expected
    /// to run for re-election in 2017`, `the first Fed move, which is widely
    /// expected to come on Dec. 16,`, `The senator is said to be furious`).
    fn expectation(&self, v: usize, sentence: Range<usize>) -> Option<Reported> {
        // `has been accused of hurting …`: a charge by no one named.
        let charged =
            self.is_word(v, "accused") && self.is_word(v + 1, "of") && self.word(v + 2).is_some();
        if !charged && (!self.is_word(v + 1, "to") || !self.is_a(v, WordClass::HearsayParticiple)) {
            return None;
        }
        let be = |i: usize| {
            self.word(i)
                .is_some_and(|w| matches!(w, "is" | "are" | "was" | "were" | "be" | "been"))
        };
        let auxiliary = if v > sentence.start && be(v - 1) {
            v - 1
        } else if v >= 2 && be(v - 2) && self.word(v - 1).is_some_and(is_adverb) {
            v - 2
        } else {
            return None;
        };
        let start = self.clause_start(sentence.start, auxiliary);
        // `, which is expected to …,`: the relative clause, up to its comma.
        let relative = auxiliary > start
            && (self.is_word(auxiliary - 1, "which") || self.is_word(auxiliary - 1, "who"));
        let (start, end) = if relative {
            let end = (v..sentence.end)
                .find(|&i| self.is_punct(i, ",;"))
                .unwrap_or(sentence.end);
            (auxiliary - 1, end)
        } else {
            // What is expected ends at a comma or a dash: what follows is
            // the writer's (`is expected to sign the measure, potentially
            // teeing up …`, `is expected to cut 277 workers -- the first wave …`).
            let end = self.content_end(v + 2, sentence.end);
            let end = (v + 2..end)
                .find(|&i| self.is_punct(i, ",–—-"))
                .unwrap_or(end);
            self.unsourced_clause(start, auxiliary, v + 2, end)
        };
        Some(Reported {
            content: self.words(start, end)?,
            cue: self.toks[v].span,
            mention: None,
        })
    }

    /// The bounds of a clause that gives a claim with no source, `start` its
    /// clause's first token, `at` the word that marks the claim (an
    /// auxiliary, an adverb), `after` the first token after that word and
    /// `end` where the clause ends: an opening phrase and its comma are left
    /// out (`In a statement, the company is expected to …`), and a
    /// subordinate clause runs from its subject to its comma (`And while
    /// many … are expected to support her in November, she …`).
    fn unsourced_clause(
        &self,
        start: usize,
        at: usize,
        after: usize,
        end: usize,
    ) -> (usize, usize) {
        let comma = (start..at).rev().find(|&i| self.is_punct(i, ","));
        let opener = (start..at.min(start + 2)).find(|&i| {
            self.is_a(i, WordClass::Subordinator) || self.is_a(i, WordClass::Preposition)
        });
        match (comma, opener) {
            (Some(comma), Some(_)) => (comma + 1, end),
            (Some(comma), None) if self.opens_clause(comma + 1) => (comma + 1, end),
            (None, Some(opener)) if self.is_a(opener, WordClass::Subordinator) => (
                opener + 1,
                (after..end).find(|&i| self.is_punct(i, ",")).unwrap_or(end),
            ),
            _ => (start, end),
        }
    }

    /// Whether token `i` is an adverb of hearsay (`reportedly`): every one
    /// ends in `edly`, which is tested before the lookup.
    fn is_hearsay_adverb(&self, i: usize) -> bool {
        self.word_bytes(i).is_some_and(|w| w.ends_with(b"edly"))
            && self.is_a(i, WordClass::HearsayAdverb)
    }

    /// `The FBI is reportedly making arrangements to …`, `Reportedly, he
    /// made …`: a claim given as heard from no one named, at the adverb `v`.
    /// The clause holding it is reported with no source; a verb that
    /// reports right after the adverb reports with its own source
    /// (`reportedly told aides that …`).
    fn hearsay(&self, v: usize, sentence: Range<usize>) -> Option<Reported> {
        if !self.is_hearsay_adverb(v) {
            return None;
        }
        let next = (v + 1..sentence.end).find(|&i| !self.is_a(i, WordClass::VerbFiller))?;
        if self.may_report(next) {
            return None;
        }
        // What is claimed ends at a comma or a dash, as what is expected does.
        let end = |from: usize| {
            let end = self.content_end(from, sentence.end);
            (from..end)
                .find(|&i| self.is_punct(i, ",–—-"))
                .unwrap_or(end)
        };
        if v == sentence.start {
            // `Reportedly, he made …`
            if !self.is_punct(v + 1, ",") {
                return None;
            }
            return Some(Reported {
                content: self.words(v + 2, end(v + 2))?,
                cue: self.toks[v].span,
                mention: None,
            });
        }
        // A subject or its auxiliary right before: not `for allegedly
        // grabbing …`, `, reportedly winning over …`, nor a headline's word.
        if self
            .word(v - 1)
            .is_none_or(|w| self.is_a(v - 1, WordClass::Preposition) || w == "and")
            || self
                .word(v)
                .is_some_and(|w| w.starts_with(char::is_uppercase))
        {
            return None;
        }
        let start = self.clause_start(sentence.start, v);
        let (start, end) = self.unsourced_clause(start, v, v + 1, end(v + 1));
        // `a reporter who allegedly …`, `after he allegedly brandished …`:
        // the relative or subordinate clause holding the adverb.
        let subject = (start.max(v.saturating_sub(6))..v).rev().find(|&i| {
            self.is_word(i, "who")
                || self.is_word(i, "which")
                || self.is_a(i, WordClass::Subordinator)
        });
        let start = match subject {
            Some(i) if self.is_a(i, WordClass::Subordinator) => i + 1,
            Some(i) => i,
            None => start,
        };
        if start >= v {
            return None;
        }
        Some(Reported {
            content: self.words(start, end)?,
            cue: self.toks[v].span,
            mention: None,
        })
    }

    /// Whether the verb at `v` is passive (`were rejected by …`): its subject
    /// did not speak.
    fn is_passive(&self, v: usize) -> bool {
        v > 0
            && self
                .word(v)
                .is_some_and(|w| w.ends_with("ed") || w.ends_with("en") || w == "told")
            && self.word(v - 1).is_some_and(|w| {
                matches!(
                    w.to_lowercase().as_str(),
                    "was" | "were" | "been" | "being" | "be" | "is" | "are" | "get" | "got"
                )
            })
    }

    /// `Trump's claim that CONTENT`, `his warning that CONTENT`: a statement
    /// noun owned by a name or a pronoun, with a `that` clause.
    fn possessed(&self, v: usize, sentence: Range<usize>) -> Option<Reported> {
        // The cheap test first: this runs on every word of reported speech.
        // `his call to ban …`, `his calls for more surveillance`: a call
        // reports its infinitive, or what it is for.
        let call = self.word(v).is_some_and(|w| matches!(w, "call" | "calls"));
        let start = match self.word(v + 1) {
            Some(w) if w.eq_ignore_ascii_case("that") => v + 2,
            Some("to") if call => v + 1,
            Some("for") if call => v + 2,
            _ => return None,
        };
        // `his recent call`: one modifier between the owner and the noun.
        let owned = |n: usize| n > sentence.start && self.follows_owner(n);
        let modified = v >= sentence.start + 2
            && !owned(v)
            && owned(v - 1)
            && self
                .word(v - 1)
                .is_some_and(|w| w.starts_with(char::is_lowercase) && !w.ends_with("ing"))
            && !self.is_a(v - 1, WordClass::FunctionWord);
        let noun = if modified { v - 1 } else { v };
        if !owned(noun) || !(call || self.is_a(v, WordClass::CueVerb)) {
            return None;
        }
        let owner = self
            .np_backward(noun - 1, sentence.start)
            .filter(|m| self.np_end(*m) == noun)?;
        if !matches!(owner.form, MentionForm::Name | MentionForm::Pronoun) {
            return None;
        }
        let end = self.content_end(start, sentence.end);
        if self.only_quote(start, end) {
            return None;
        }
        Some(Reported {
            content: self.words(start, end)?,
            cue: self.toks[v].span,
            mention: Some(owner),
        })
    }

    /// Whether token `i` can open the clause a verb of saying reports: any
    /// word but a preposition or a word that stands for no clause (`said so`).
    fn opens_said_clause(&self, i: usize) -> bool {
        // `said about 20 people have …`: a share, not a preposition.
        let share = self.is_a(i, WordClass::ShareQualifier) && self.is_number(i + 1);
        self.word(i).is_some()
            && (share || !self.is_a(i, WordClass::Preposition))
            && !self.is_a(i, WordClass::NotClauseOpener)
            // `said pleasantly into the phone`: how it was said.
            && !(self.word(i).is_some_and(is_adverb)
                && (self.is_a(i + 1, WordClass::Preposition)
                    || matches!(
                        self.toks.get(i + 1).map(|t| t.kind),
                        None | Some(TokKind::Punct(_))
                    )))
            // `said while promoting a film`, `added after taxes`: a
            // subordinate clause opens with its subject.
            && (!self.is_a(i, WordClass::Subordinator) || self.opens_clause(i + 1))
    }

    /// Whether the verb of writing at `v` names a piece of writing, not a
    /// clause, at token `i`, before `end`: a determiner, a few words, then a
    /// noun for a document with no auxiliary after it in its clause (`wrote
    /// a children's book`, `wrote the letter Feb. 2 to …`; not `wrote the
    /// letter was a fake`).
    fn names_writing(&self, v: usize, i: usize, end: usize) -> bool {
        if !self.is_a(v, WordClass::WriteVerb) || !self.is_a(i, WordClass::Determiner) {
            return false;
        }
        let Some(noun) = (i + 1..end.min(i + 6))
            .take_while(|&j| {
                self.word(j)
                    .is_some_and(|w| !w.eq_ignore_ascii_case("that"))
                    || self.is_punct(j, ",")
            })
            .find(|&j| self.is_a(j, WordClass::DocumentNoun))
        else {
            return false;
        };
        !(noun + 1..end)
            .take_while(|&j| self.word(j).is_some())
            .any(|j| self.is_a(j, WordClass::Auxiliary) || self.is_word(j, "that"))
    }

    /// A description right before the verb at `v` that names no one in
    /// particular (`some party strategists said`, `46 percent of voters
    /// said` → `voters`): its lowercase words back to a determiner, a
    /// preposition or the clause's start.
    fn plain_description(&self, v: usize, start: usize) -> Option<Mention> {
        let last = self.subject_end(v, start).checked_sub(1)?;
        let modifier = |i: usize| {
            self.word(i).is_some_and(|w| {
                w.starts_with(|c: char| c.is_lowercase() || c.is_ascii_digit())
                    && !self.is_a(i, WordClass::Preposition)
                    && !self.is_a(i, WordClass::FunctionWord)
                    && !self.is_a(i, WordClass::AnyVerb)
            })
        };
        // `Some say …`, `Many thought …`: a quantifier standing alone.
        if last >= start && self.is_a(last, WordClass::Quantifier) {
            return Some(Mention {
                span: self.toks[last].span,
                form: MentionForm::Nominal,
                antecedent: None,
            });
        }
        if last < start || !modifier(last) {
            return None;
        }
        let mut first = last;
        while first > start && last - first + 1 < MAX_DESCRIPTION && modifier(first - 1) {
            first -= 1;
        }
        // `current and former officials`: modifiers of a noun of people joined
        // by a conjunction (not `mailers and phone calls`).
        if first >= start + 2
            && self
                .word(first - 1)
                .is_some_and(|w| matches!(w, "and" | "or"))
            && modifier(first - 2)
            && self.head_form(last) == Some(MentionForm::Nominal)
        {
            first -= 2;
        }
        if first > start && self.is_a(first - 1, WordClass::Determiner) {
            first -= 1;
        } else if first == start + 1
            && self
                .word(start)
                .is_some_and(|w| w.starts_with(char::is_uppercase))
            && !self.is_a(start, WordClass::Preposition)
            && !self.is_a(start, WordClass::FunctionWord)
        {
            // `Gay rights groups said …`: a sentence's first word is
            // capitalised whatever it is.
            first = start;
        }
        Some(Mention {
            span: self.span(first, last),
            form: MentionForm::Nominal,
            antecedent: None,
        })
    }

    /// The words `from..to` as the description of a source, when they can be
    /// one: at most [`MAX_SOURCE`] plain words (no punctuation, verb, cue,
    /// pronoun or relative word), neither opening with a preposition or a
    /// conjunction nor ending with a function word (`a wide array of
    /// economists`, `proponents of more controls on hate speech`).
    fn described_words(&self, from: usize, to: usize) -> Option<Mention> {
        // `… on hate speech here say`: a place adverb closes no description.
        let to = if to > from && (self.is_word(to - 1, "here") || self.is_word(to - 1, "there")) {
            to - 1
        } else {
            to
        };
        if from >= to || to - from > MAX_SOURCE {
            return None;
        }
        // People head it: a listed noun or a plural before its first
        // preposition or at its end (`Executives for Mondelez`, `a wide array
        // of economists`), not `a sharp reply` or `a cautious note`.
        let people = |i: usize| {
            self.word(i).is_some_and(|w| {
                (w.ends_with('s') && !w.ends_with("ss") && !w.contains(['\'', '’']))
                    || self.head_form(i).is_some()
            })
        };
        let headed = || {
            people(to - 1)
                || (from..to)
                    .find(|&i| self.is_a(i + 1, WordClass::Preposition))
                    .is_some_and(people)
        };
        let opens = || {
            !self.is_a(from, WordClass::Preposition)
                && !self.is_a(from, WordClass::Subordinator)
                && (self.is_a(from, WordClass::Determiner)
                    || self.is_a(from, WordClass::Quantifier)
                    || self.is_word(from, "other")
                    || !self.is_a(from, WordClass::FunctionWord))
        };
        let closes = || {
            !self.is_a(to - 1, WordClass::FunctionWord)
                && !self.is_a(to - 1, WordClass::Preposition)
                && !self.is_a(to - 1, WordClass::Determiner)
        };
        // One phrase: a determiner inside follows a preposition (`a member of
        // the caucus`, not `the first time the two men`), and no participle opens it.
        let one_phrase = || {
            !self.word(from).is_some_and(|w| w.ends_with("ing"))
                && (from + 1..to).all(|i| {
                    !self.is_a(i, WordClass::Determiner) || self.is_a(i - 1, WordClass::Preposition)
                })
        };
        let plain = || {
            (from..to).all(|i| {
                self.word(i).is_some_and(|w| {
                    !self.is_pronoun(i)
                        && !matches!(w, "and" | "or" | "but" | "that")
                        && !self.is_a(i, WordClass::AnyVerb)
                        && !self.is_a(i, WordClass::Auxiliary)
                        && !self.is_a(i, WordClass::QuestionWord)
                }) && !self.is_a(i, WordClass::VerbFiller)
                    && !self.is_cue(i)
            })
        };
        // The cheap tests first: this runs for every verb without a subject.
        (headed() && opens() && closes() && one_phrase() && plain()).then(|| Mention {
            span: self.span(from, to - 1),
            form: MentionForm::Nominal,
            antecedent: None,
        })
    }

    /// The words that open the clause of a verb whose subject ends at
    /// `subject_end`, as a described source: after the last comma before it
    /// (`Indeed, proponents of more controls on hate speech here say`), or
    /// before a relative clause set off by commas (`Executives for Mondelez,
    /// which generated $30 billion last year, say`).
    fn clause_description(&self, subject_end: usize, start: usize) -> Option<Mention> {
        let mut end = subject_end;
        if end > start && self.is_punct(end - 1, ",") {
            let relative = (start..end - 1)
                .rev()
                .take_while(|&i| !self.is_punct(i, ",;"))
                .find(|&i| self.is_word(i, "which") || self.is_word(i, "who"))?;
            end = relative
                .checked_sub(1)
                .filter(|&c| c > start && self.is_punct(c, ","))?;
        }
        let from = (start..end)
            .rev()
            .find(|&i| self.is_punct(i, ",;"))
            .map_or(start, |c| c + 1);
        self.described_words(from, end)
    }

    /// `Sanders, who endorsed Canova and said …`: the relative pronoun of
    /// a clause in which a verb whose subject would end at token
    /// `subject_end` is coordinated with another, with no comma between them.
    fn coordinated_relative(&self, subject_end: usize, start: usize) -> Option<Mention> {
        let last = subject_end.checked_sub(1)?;
        if last < start || !(self.is_word(last, "and") || self.is_word(last, "but")) {
            return None;
        }
        let pronoun = (start..last)
            .rev()
            .take_while(|&i| !self.is_punct(i, ",;"))
            .find(|&i| self.is_word(i, "who") || self.is_word(i, "which"))?;
        self.relative_before(pronoun + 1, start)
    }

    /// A plain description right before the verb at `v`, whose subject ends
    /// at token `subject_end`, that no noun phrase reading takes (`appeals
    /// courts said`, `many economists say`).
    fn plain_subject(&self, v: usize, subject_end: usize, start: usize) -> Option<Mention> {
        let last = subject_end.checked_sub(1)?;
        if last < start || self.np_backward(last, start).is_some() {
            return None;
        }
        // A plural or a listed noun heads it: not `has long`, `don't`, `itself`.
        let head = self.word(last)?;
        let noun =
            (head.ends_with('s') && !head.contains(['\'', '’'])) || self.head_form(last).is_some();
        noun.then(|| self.plain_description(v, start)).flatten()
    }

    /// Where a plain addressee starting at `from` ends: a few lowercase words
    /// before `to`, `that`, a question word, a clause or a bridge to one
    /// (`urged conservatives to …`, `asked workers if …`, `told reporters
    /// this was …`, `told federal investigators in July she was …`).
    fn plain_addressee(&self, from: usize, to: usize) -> Option<usize> {
        (from + 1..to.min(from + MAX_DESCRIPTION + 1))
            .take_while(|&i| {
                self.word(i - 1)
                    .is_some_and(|w| w.starts_with(char::is_lowercase))
            })
            .find(|&i| {
                self.word(i).is_some_and(|w| matches!(w, "to" | "that"))
                    || self.is_a(i, WordClass::QuestionWord)
                    || (self.opens_clause(i) && !self.is_a(i - 1, WordClass::Determiner))
                    // `told federal investigators in July she was …`
                    || self.bridged_clause(i, to).is_some()
            })
            .filter(|_| {
                !self.is_a(from, WordClass::Preposition)
                    && !self.is_a(from, WordClass::QuestionWord)
                    && self.word(from).is_none_or(|w| w != "that")
            })
    }

    /// Where a clause starts after a bridge of when and where that opens at
    /// `from` with a preposition of place or time (`in`, `at`, `on`, `during`,
    /// `after`, `before`) and has no `that` (`in a statement Tuesday
    /// it would …`, `in an interview the company will …`): the first word
    /// that can open a clause and that an auxiliary closely follows.
    fn bridged_clause(&self, from: usize, end: usize) -> Option<usize> {
        if !self
            .word(from)
            .is_some_and(|w| matches!(w, "in" | "at" | "on" | "during" | "after" | "before"))
        {
            return None;
        }
        // The bridge holds no verb (`said after Pagliano failed to show up … he was`).
        let verb = |i: usize| {
            self.is_a(i, WordClass::AnyVerb)
                || self.is_a(i, WordClass::Auxiliary)
                || self.is_word(i, "to")
                || self.word(i).is_some_and(is_past_form)
        };
        (from + 2..end.min(from + MAX_BRIDGE))
            .take_while(|&i| self.word(i - 1).is_some() && !verb(i - 1))
            .find(|&i| {
                self.opens_clause(i)
                    && !self.is_a(i - 1, WordClass::Determiner)
                    && !self.is_a(i - 1, WordClass::Preposition)
                    && self.auxiliary_follows(i)
            })
    }

    /// Whether a clause's auxiliary or modal follows the words at `i` closely
    /// (`insist delegates must heed …`, `thought compromise was likely`).
    fn auxiliary_follows(&self, i: usize) -> bool {
        // Not one right after a conjunction: `claimed self-defense and was
        // acquitted` (but `believe bigotry and xenophobia are acceptable`).
        (i + 1..self.toks.len().min(i + 4))
            .take_while(|&j| self.word(j - 1).is_some())
            .any(|j| {
                self.is_a(j, WordClass::Auxiliary)
                    && !(self.is_word(j - 1, "and")
                        || self.is_word(j - 1, "or")
                        || self.is_word(j - 1, "but"))
            })
            && !self.is_a(i, WordClass::Preposition)
    }

    /// Whether the verb at `v` names what follows it, from `start`, as
    /// something: `called climate change a hoax`, `called Oz a quack`,
    /// `called it a common ailment` (not `a group called …` or `called
    /// Naghmeh Abedini`): a form of `call` then, within a few plain words, a
    /// second noun phrase opened by `a` or `an`.
    fn names_as(&self, v: usize, start: usize, end: usize) -> bool {
        if !self
            .word(v)
            .is_some_and(|w| matches!(w, "called" | "calls" | "call" | "calling"))
            || self.is_a(start, WordClass::Preposition)
            // `called off a deal`, `calls a second home …`, `two nights a week`
            || self.is_particle(start)
            || self.word(start).is_none_or(|w| {
                matches!(w, "a" | "an") || is_numeral(w)
            })
        {
            return false;
        }
        // The object, plain words with no preposition (`a party called
        // Anti-Prom at a former factory`), then the name it is given.
        let named = (start + 1..end.min(start + MAX_DESCRIPTION * 2))
            .take_while(|&i| {
                self.word(i - 1)
                    .is_some_and(|w| !matches!(w, "and" | "but" | "or" | "back"))
                    && !self.is_a(i - 1, WordClass::VerbFiller)
                    && !self.is_a(i - 1, WordClass::Preposition)
                    // `called the report a hoax`: after a determiner, a noun.
                    && (!self.may_report(i - 1) || self.is_a(i - 2, WordClass::Determiner))
            })
            .any(|i| self.is_word(i, "a") || self.is_word(i, "an"));
        // `called him divisive`, `calls Clinton unqualified`, `calling it the
        // mark of …`: a person or a thing, then in lowercase what it is called.
        named || self.called_what(start, end)
    }

    /// Whether the object at `start` of a verb of calling is a pronoun or a
    /// name followed by a lowercase word saying what it is called: no
    /// preposition, time, conjunction, particle or verb (`called him back`,
    /// `called Sanders on Tuesday`, `called her and asked …`).
    fn called_what(&self, start: usize, end: usize) -> bool {
        let object_end = if self.word(start).is_some_and(|w| {
            matches!(
                w,
                "him" | "her" | "them" | "it" | "himself" | "herself" | "themselves" | "itself"
            )
        }) {
            start + 1
        } else {
            match self.np_forward(start, end) {
                Some(m)
                    if m.form == MentionForm::Name
                        && m.span.start == self.toks[start].span.start =>
                {
                    self.np_end(m)
                }
                _ => return false,
            }
        };
        object_end < end
            && self.word(object_end).is_some_and(|w| {
                w.starts_with(char::is_lowercase)
                    && !matches!(
                        w,
                        "and"
                            | "or"
                            | "but"
                            | "to"
                            | "back"
                            | "up"
                            | "out"
                            | "off"
                            | "twice"
                            | "again"
                    )
            })
            && !self.is_a(object_end, WordClass::Preposition)
            && !self.is_a(object_end, WordClass::TimeWord)
            && !self.is_a(object_end, WordClass::VerbFiller)
            && !self.is_a(object_end, WordClass::Auxiliary)
            && !self.may_report(object_end)
            && !is_adverb(self.word(object_end).unwrap_or_default())
    }

    /// Whether the subject of the verb at `v` is a record of findings: the
    /// words before it, back to punctuation or a verb, name a document (`A
    /// Quinnipiac University poll this month`, `a study by the Council of
    /// the Great City Schools`) or records, results and data (`Polls`).
    fn found_by_record(&self, v: usize, start: usize) -> bool {
        (start.max(v.saturating_sub(MAX_SOURCE))..v)
            .rev()
            .take_while(|&i| {
                self.toks[i].kind == TokKind::Word && (i + 1 == v || !self.may_report(i))
            })
            .any(|i| self.is_a(i, WordClass::DocumentNoun) || self.is_a(i, WordClass::RecordNoun))
    }

    /// Whether token `i` is a verb's particle (`called off`, `find out`).
    fn is_particle(&self, i: usize) -> bool {
        self.word(i)
            .is_some_and(|w| matches!(w, "off" | "up" | "out" | "down" | "back"))
    }

    /// Whether token `i` is a gerund that opens what a verb reports
    /// (`reported holding investments`, `denied having met him`).
    fn is_gerund(&self, i: usize) -> bool {
        self.word(i)
            .is_some_and(|w| w.len() > 5 && w.ends_with("ing") && w.starts_with(char::is_lowercase))
            && !self.is_a(i, WordClass::Preposition)
            && !self.is_a(i, WordClass::NotClauseOpener)
            && !self.is_a(i, WordClass::FunctionWord)
    }

    /// Whether token `i` can open a clause: a pronoun, a determiner or a name.
    fn opens_clause(&self, i: usize) -> bool {
        self.word(i).is_some_and(|w| {
            self.is_pronoun(i)
                || self.is_a(i, WordClass::Determiner)
                || ["there", "we", "i", "you"]
                    .iter()
                    .any(|p| w.eq_ignore_ascii_case(p))
                || self.is_a(i, WordClass::QuestionWord)
                || (w.starts_with(char::is_uppercase) && !self.is_a(i, WordClass::FunctionWord))
        })
    }

    /// Where reported content starting at token `from` ends, at `end` at the latest.
    fn content_end(&self, from: usize, end: usize) -> usize {
        (from..end).find(|&i| self.ends_content(i)).unwrap_or(end)
    }

    /// Whether reported content ends before token `i`: a semicolon, a dash,
    /// or a comma that opens another clause (`, adding …`, `, but …`, `, which …`).
    fn ends_content(&self, i: usize) -> bool {
        if self.is_punct(i, ";") {
            return true;
        }
        // `… and said …`: a second verb of speech starts another report.
        let verb = |j: usize| self.is_cue(j);
        // `… and has repeatedly characterized him as …`: fillers between.
        // Not a noun that looks like one (`and state law`).
        let next_report = self.word(i).is_some_and(|w| matches!(w, "and" | "but"))
            && (i + 1..i + 4)
                .find(|&j| !self.is_a(j, WordClass::VerbFiller))
                .is_some_and(|j| verb(j) && !self.is_a(j, WordClass::NotReporting));
        // `…, and that many will …`: a second clause of the same report.
        let same_report = self.word(i + 1).is_some_and(|w| w == "and" || w == "but")
            && self.word(i + 2).is_some_and(|w| w == "that");
        // `…, telling reporters …`: a participle of a verb of saying is the
        // speaker's next act.
        let participle = |j: usize| {
            self.word(j).is_some_and(|w| w.ends_with("ing"))
                && (self.may_report(j) || self.is_cue(j))
        };
        // `… “should be wrapped up by Cleveland,” referring to …`
        let quote_comma = i > 0 && self.quote_ends_with_comma(i - 1);
        // `… made up compared to nearly four in 10`
        let compared = self.is_word(i, "compared")
            && (self.is_word(i + 1, "to") || self.is_word(i + 1, "with"));
        next_report
            || compared
            || (quote_comma
                && (self.is_a(i, WordClass::ClauseBreak)
                    || self.is_according_to(i)
                    || participle(i)))
            || (self.is_punct(i, ",")
                && !same_report
                // `…, as well as a danger …`: one phrase, not another clause;
                // `they had misgivings, but could not …`: the same subject's
                // second predicate.
                && !(self.is_word(i + 1, "as") && self.is_word(i + 2, "well"))
                && !(self.is_word(i + 1, "but")
                    && self.is_a(i + 2, WordClass::Auxiliary)
                    // Not a condition or a question, inverted (`, but should he …`).
                    && !self.opens_clause(i + 3))
                && (self.is_a(i + 1, WordClass::ClauseBreak)
                    || self.is_according_to(i + 1)
                    || participle(i + 1)
                    // `…, also said her group planned …`, `…, later said …`: the
                    // subject's next report.
                    || (self.word(i + 1).is_some_and(|w| {
                        is_adverb(w) || matches!(w, "also" | "later" | "then" | "again")
                    }) && verb(i + 2))))
    }

    /// Whether a phrase of time ends an object at token `i`, before `end`:
    /// `in July`, `on Thursday`, `last week`, `earlier this year`, then
    /// nothing more of the clause (`in June 2015,`), not `in July's vote`.
    fn opens_time_phrase(&self, i: usize, end: usize) -> bool {
        let first = if self.is_word(i, "earlier") || self.is_word(i, "later") {
            i + 1
        } else {
            i
        };
        // The cheap test first: this runs on every word of an object.
        self.is_a(first + 1, WordClass::TimeWord)
            && [
                "in", "on", "during", "since", "last", "this", "early", "late",
            ]
            .iter()
            .any(|w| self.is_word(first, w))
            && !self.word(first + 1).is_some_and(is_possessive)
            && (first + 2 >= end
                || self.is_punct(first + 2, ",")
                || self
                    .word(first + 2)
                    .is_some_and(|w| !w.starts_with(char::is_lowercase)))
    }

    /// Whether token `i` is a dash: `—`, `–`, or a hyphen standing apart
    /// (`-- a development`, `rhetoric - so Obama`; not `U.S.-Mexico`).
    fn is_dash(&self, i: usize) -> bool {
        self.is_punct(i, "—–")
            || (self.is_punct(i, "-")
                && (self.is_punct(i + 1, "-")
                    || self.text[..self.toks[i].span.start].ends_with(char::is_whitespace)))
    }

    /// Whether a phrase of occasion opens at token `i`, before `end`: `at`,
    /// `on`, `in` or `during`, a determiner, at most three words, then a
    /// noun of occasion (`at a press conference`, `on the condition of
    /// anonymity`, `during a campaign stop`).
    fn is_occasion(&self, i: usize, end: usize) -> bool {
        ["at", "on", "in", "during"]
            .iter()
            .any(|w| self.is_word(i, w))
            && self.is_a(i + 1, WordClass::Determiner)
            && (i + 2..end.min(i + 6))
                .take_while(|&j| self.word(j).is_some())
                .any(|j| self.is_a(j, WordClass::Occasion))
    }

    /// Whether token `i` is a quotation whose words end with a comma inside
    /// its closing mark (`“… by Cleveland,”`): a comma of the sentence.
    fn quote_ends_with_comma(&self, i: usize) -> bool {
        matches!(self.toks[i].kind, TokKind::Quote(_))
            && self.toks[i]
                .span
                .slice(self.text)
                .trim_end_matches(['"', '”', '\''])
                .ends_with(',')
    }

    /// The span of a thing named as what is reported, `from..to`: one word
    /// will do when it is a name (`attacked Trump`).
    fn object_words(&self, from: usize, to: usize) -> Option<Span> {
        self.words(from, to).or_else(|| {
            let name = (from..to).find(|&i| {
                self.word(i)
                    .is_some_and(|w| w.starts_with(char::is_uppercase) && !self.is_pronoun(i))
            })?;
            (from..to)
                .all(|i| i == name || matches!(self.toks[i].kind, TokKind::Punct(_)))
                .then(|| self.span(name, name))
        })
    }

    /// Where the clause that ends at token `end` starts: after the last
    /// semicolon or opening parenthesis from `start` on, at most REACH tokens
    /// back (`… 81 percent (the actual number is closer to 15 percent,
    /// according to Factcheck.org)`).
    fn clause_start(&self, start: usize, end: usize) -> usize {
        let start = start.max(end.saturating_sub(REACH));
        // A parenthesis closed before `end` (`Cummings (Md.) is waiting`) opens no clause.
        let mut closed = 0;
        (start..end)
            .rev()
            .find(|&i| {
                if self.is_punct(i, ")") {
                    closed += 1;
                } else if self.is_punct(i, "(") && closed > 0 {
                    closed -= 1;
                    return false;
                }
                self.is_punct(i, ";(")
            })
            .map_or(start, |i| i + 1)
    }

    /// Whether the tokens `from..to` are one quotation and punctuation.
    fn only_quote(&self, from: usize, to: usize) -> bool {
        let mut quotes = 0;
        for i in from..to {
            match self.toks[i].kind {
                TokKind::Quote(_) => quotes += 1,
                TokKind::Word => return false,
                TokKind::Punct(_) => {}
            }
        }
        quotes > 0
    }

    /// The span of tokens `from..to` without punctuation at either end, when
    /// it holds at least [`MIN_WORDS`] words (a quotation counting as many).
    fn words(&self, from: usize, to: usize) -> Option<Span> {
        let first = (from..to).find(|&i| !matches!(self.toks[i].kind, TokKind::Punct(_)))?;
        let last = (from..to)
            .rev()
            .find(|&i| !matches!(self.toks[i].kind, TokKind::Punct(_)))?;
        let words = (first..=last)
            .map(|i| match self.toks[i].kind {
                TokKind::Word => 1,
                TokKind::Quote(_) => MIN_WORDS,
                TokKind::Punct(_) => 0,
            })
            .sum::<usize>();
        // A parenthesis opened inside closes inside: `Rep. Don Beyer (D-Va.)`.
        let last = if last + 1 < to
            && self.is_punct(last + 1, ")")
            && (first..last).any(|i| self.is_punct(i, "("))
        {
            last + 1
        } else {
            last
        };
        (words >= MIN_WORDS).then(|| self.span(first, last))
    }
}

#[cfg(test)]
mod tests {
    use crate::extract::lexicon::Lexicon;
    use crate::extract::{ExtractOptions, Quotation, QuoteKind, extract_with_options};

    /// What one report is read as: (content, speaker mention, cue).
    type Found = (String, Option<String>, Option<String>);

    /// The reported speech of `text`, as extracted.
    fn indirect(text: &str) -> Vec<Quotation> {
        let options = ExtractOptions {
            reported_speech: true,
        };
        extract_with_options(text, Lexicon::builtin(), options)
            .quotes
            .into_iter()
            .filter(|q| q.kind == QuoteKind::Indirect)
            .collect()
    }

    /// The reported speech of `text`, as words.
    fn reported(text: &str) -> Vec<Found> {
        indirect(text)
            .iter()
            .map(|q| {
                (
                    q.span.slice(text).to_string(),
                    q.mention.map(|m| m.span.slice(text).to_string()),
                    q.cue.map(|c| c.slice(text).to_string()),
                )
            })
            .collect()
    }

    fn report(content: &str, speaker: &str, cue: &str) -> Found {
        (content.into(), Some(speaker.into()), Some(cue.into()))
    }

    fn one(content: &str, speaker: &str, cue: &str) -> Vec<Found> {
        vec![report(content, speaker, cue)]
    }

    #[test]
    fn that_clauses_and_bare_clauses() {
        // Each form of a verb of a clause reports one.
        assert_eq!(
            reported("Bloomberg estimates his fortune at about $42 billion."),
            one("his fortune at about $42 billion", "Bloomberg", "estimates")
        );
        // Adverbs of time between the subject and its verb are no part of the subject.
        assert_eq!(
            reported("Mrs. Clinton has always maintained that the server was secure."),
            one("the server was secure", "Mrs. Clinton", "maintained")
        );
        assert_eq!(
            reported(
                "Kim Yo Jong threatened that Pyongyang could scrap an inter-Korean military peace pact."
            ),
            one(
                "Pyongyang could scrap an inter-Korean military peace pact",
                "Kim Yo Jong",
                "threatened"
            )
        );
        assert_eq!(
            reported(
                "A Foreign Ministry spokesman in Beijing said on Tuesday that cooperation should promote peace in Asia."
            ),
            one(
                "cooperation should promote peace in Asia",
                "A Foreign Ministry spokesman",
                "said"
            )
        );
        assert_eq!(
            reported("Sanders said the plan would raise taxes on the middle class."),
            one(
                "the plan would raise taxes on the middle class",
                "Sanders",
                "said"
            )
        );
        assert_eq!(
            reported(
                "The senator told reporters that the bill was dead, adding that talks would resume."
            ),
            [
                report("the bill was dead", "The senator", "told"),
                report("talks would resume", "The senator", "adding"),
            ]
        );
        // `adding` takes a bare clause, as `added` does.
        assert_eq!(
            reported("He said he would never vote for Clinton, adding he would stay home."),
            [
                report("he would never vote for Clinton", "He", "said"),
                report("he would stay home", "He", "adding"),
            ]
        );
        // Some verbs report only a `that` clause.
        assert_eq!(
            reported("The researchers found that hard-hit areas moved to the far right."),
            one(
                "hard-hit areas moved to the far right",
                "The researchers",
                "found"
            )
        );
        assert!(reported("The researchers found a new species of frog.").is_empty());
        // Any verb of saying as a participle after a comma is the speaker's next act.
        assert_eq!(
            reported("Sanders said he would not seek a recount, conceding the race to Clinton."),
            one("he would not seek a recount", "Sanders", "said")
        );
        assert_eq!(
            reported("The company said it would miss the deadline, warning that it could default."),
            [
                report("it would miss the deadline", "The company", "said"),
                report("it could default", "The company", "warning"),
            ]
        );
    }

    #[test]
    fn according_to_and_tags_after_the_content() {
        // Set off by commas inside its clause, `according to X` reports the
        // whole clause; closing a clause, only that clause.
        assert_eq!(
            reported("Notably absent, according to members, was any mention of Benghazi."),
            one(
                "Notably absent, according to members, was any mention of Benghazi",
                "members",
                "according to"
            )
        );
        assert_eq!(
            reported(
                "Verizon struck a deal with the unions, according to the Labor Department, taking a step toward ending the strike."
            ),
            one(
                "Verizon struck a deal with the unions",
                "the Labor Department",
                "according to"
            )
        );
        // A study, poll or record reports what it found or shows, with no `that`.
        assert_eq!(
            reported(
                "A Quinnipiac University poll this month found Mr. Trump about even with Mrs. Clinton."
            ),
            one(
                "Mr. Trump about even with Mrs. Clinton",
                "A Quinnipiac University poll",
                "found"
            )
        );
        assert_eq!(
            reported("Polls show Trump leading in Florida."),
            one("Trump leading in Florida", "Polls", "show")
        );
        assert_eq!(
            reported("Recent polls have shown Trump in the lead."),
            one("Trump in the lead", "Recent polls", "shown")
        );
        assert!(reported("The police found the car in a ditch.").is_empty());
        assert!(reported("The report helped find out who sent it.").is_empty());
        // How something was said, or a subordinate clause without its
        // subject, is no clause reported.
        assert!(reported("Miller said pleasantly into the phone.").is_empty());
        assert!(reported("Doocy said while promoting a film about the climate.").is_empty());
        assert_eq!(
            reported("He said if he wins, taxes will fall."),
            one("if he wins, taxes will fall", "He", "said")
        );
        assert!(reported("He found the area welcoming.").is_empty());
        // A poll or survey named opening the sentence reports what it found.
        assert_eq!(
            reported(
                "In the latest Washington Post-ABC News poll, conducted in May, Clinton led Trump 47 percent to 39 percent."
            ),
            one(
                "Clinton led Trump 47 percent to 39 percent",
                "the latest Washington Post-ABC News poll, conducted in May",
                "In"
            )
        );
        assert!(
            reported("In eight of nine states where exit polls were conducted, turnout fell.")
                .is_empty()
        );
        assert_eq!(
            reported(
                "Myanmar charged its ambassador to the U.N. with treason, according to Reuters."
            ),
            one(
                "Myanmar charged its ambassador to the U.N. with treason",
                "Reuters",
                "according to"
            )
        );
        assert_eq!(
            reported("According to the report, the agency spent $2 million on travel."),
            one(
                "the agency spent $2 million on travel",
                "the report",
                "According to"
            )
        );
        // A source described rather than named.
        assert_eq!(
            reported(
                "According to a count by The Associated Press, Clinton leads by 271 delegates."
            ),
            one(
                "Clinton leads by 271 delegates",
                "a count by The Associated Press",
                "According to"
            )
        );
        assert_eq!(
            reported("Late Sunday, Clinton won the primary, according to early returns."),
            one(
                "Late Sunday, Clinton won the primary",
                "early returns",
                "according to"
            )
        );
        assert_eq!(
            reported("The talks will resume next week, the minister said."),
            one("The talks will resume next week", "the minister", "said")
        );
        assert_eq!(
            reported(
                "Consumer sentiment is the highest since 2004, the university reported last week."
            ),
            one(
                "Consumer sentiment is the highest since 2004",
                "the university",
                "reported"
            )
        );
    }

    #[test]
    fn headlines_and_transcripts_labelled_with_a_name() {
        // A source, its verb and a colon, then what was said, unquoted: the
        // rest of the paragraph.
        assert_eq!(
            reported("The governor added: It is typical of her. She knows nothing."),
            one(
                "It is typical of her. She knows nothing",
                "The governor",
                "added"
            )
        );
        assert_eq!(
            reported("Mark Cuban: I would consider a future White House bid."),
            one(
                "I would consider a future White House bid",
                "Mark Cuban",
                ":"
            )
        );
        assert_eq!(
            reported("JAKE TAPPER: Donald Trump released a video on Friday. Take a listen."),
            one(
                "Donald Trump released a video on Friday. Take a listen",
                "JAKE TAPPER",
                ":"
            )
        );
        assert_eq!(
            reported("Francois Hollande Says Donald Trump Makes You Want To Retch"),
            one(
                "Donald Trump Makes You Want To Retch",
                "Francois Hollande",
                "Says"
            )
        );
        // Every verb of the lists is capitalised in a headline: a vow, an
        // act of praise or a revelation reports as in a sentence.
        assert_eq!(
            reported(
                "Railing Against Trump, Sanders Vows To Eliminate Tax Breaks Used By Developers."
            ),
            one(
                "To Eliminate Tax Breaks Used By Developers",
                "Sanders",
                "Vows"
            )
        );
        assert_eq!(
            reported("Conservative Icon Morton Blackwell Endorses Ted Cruz."),
            one("Ted Cruz", "Conservative Icon Morton Blackwell", "Endorses")
        );
        assert_eq!(
            reported("Cornyn told reporters this was the only chance to pass a measure."),
            one(
                "this was the only chance to pass a measure",
                "Cornyn",
                "told"
            )
        );
        // A headline opening the story needs no verb; a kicker before a dash
        // is no part of the label; the name may say whom it addressed.
        assert_eq!(
            reported("Lynch: No outside influence on FBI probe into Clinton emails.\n\nText."),
            one(
                "No outside influence on FBI probe into Clinton emails",
                "Lynch",
                ":"
            )
        );
        assert_eq!(
            reported("EXCLUSIVE – Roger Stone: Don’t Trust the Voting Machines."),
            one("Don’t Trust the Voting Machines", "Roger Stone", ":")
        );
        assert_eq!(
            reported("Clinton to Planned Parenthood: Trump will reverse Roe v. Wade."),
            one("Trump will reverse Roe v. Wade", "Clinton", ":")
        );
        assert_eq!(
            reported("Poll: Trump and Clinton hold narrow leads in Pennsylvania.\n\nText."),
            one(
                "Trump and Clinton hold narrow leads in Pennsylvania",
                "Poll",
                ":"
            )
        );
        // Later in a story, a label before words with no verb is a section title.
        assert!(reported("Text.\n\nLynch: No outside influence on the probe.").is_empty());
        // Section titles, lists and notes name no source; a headline's verb
        // before a colon reports what follows it, the colon's words with it.
        assert!(reported("Iowa: Tim Albrecht, Brad Anderson, Rob Barron.").is_empty());
        assert!(reported("Update: The vote was moved to Friday.").is_empty());
        assert!(reported("Paid Notice: Deaths SIEGEL, JEROME ARTHUR").is_empty());
        assert_eq!(
            reported("Carly Fiorina Endorses Ted Cruz: I Am Horrified"),
            one("Ted Cruz: I Am Horrified", "Carly Fiorina", "Endorses")
        );
    }

    #[test]
    fn speech_tags_with_described_and_titled_sources() {
        // A participle reports for the subject of the clause before it, a
        // described person (`The parents`) rather than the clause's object.
        assert_eq!(
            reported("The parents stiffened their opposition, saying that he lacked character."),
            one("he lacked character", "The parents", "saying")
        );
        assert_eq!(
            reported(
                "Still, Cruz will be re-evaluating how he approaches his colleagues, a source close to him said."
            ),
            one(
                "Still, Cruz will be re-evaluating how he approaches his colleagues",
                "a source",
                "said"
            )
        );
        assert_eq!(
            reported(
                "Two children were among the passengers, Algerian foreign ministry spokesman Benali Cherif said Thursday."
            ),
            one(
                "Two children were among the passengers",
                "Benali Cherif",
                "said"
            )
        );
        assert_eq!(
            reported(
                "Pivoting to deficit reduction too soon, a wide array of economists say, limited the recovery."
            ),
            one(
                "Pivoting to deficit reduction too soon, a wide array of economists say, limited the recovery",
                "a wide array of economists",
                "say"
            )
        );
        assert_eq!(
            reported(
                "Candidates need 40 percent of the Hispanic vote, political analysts say; in 2012, Romney won 27 percent."
            ),
            one(
                "Candidates need 40 percent of the Hispanic vote",
                "political analysts",
                "say"
            )
        );
        // A description opening the verb's clause, or before a relative clause.
        assert_eq!(
            reported(
                "Indeed, proponents of more controls on hate speech here say there is a direct correlation."
            ),
            one(
                "there is a direct correlation",
                "proponents of more controls on hate speech",
                "say"
            )
        );
        assert_eq!(
            reported(
                "Executives for Mondelez, which generated $30 billion last year, say the company will save $46 million."
            ),
            one(
                "the company will save $46 million",
                "Executives for Mondelez",
                "say"
            )
        );
        // Not a source: a clause, a participle, or a noun after an adjective.
        assert!(
            reported("He met McConnell, the first time the two men spoke since December.")
                .is_empty()
        );
        assert_eq!(
            reported(
                "Even India has more cultural resonance through films, says political scientist Dossym Satpayev in Almaty."
            ),
            one(
                "Even India has more cultural resonance through films",
                "Dossym Satpayev",
                "says"
            )
        );
        // After the verb, a clause is what is said, not who said it.
        assert_eq!(
            reported(
                "Brianne Stone, 29, of Huntsville, Ala., says her biggest concern is global warming."
            ),
            one(
                "her biggest concern is global warming",
                "Brianne Stone",
                "says"
            )
        );
        assert_eq!(
            reported(
                "Tim Kaine now says, however, that he is a strong advocate for abortion rights."
            ),
            one(
                "he is a strong advocate for abortion rights",
                "Tim Kaine",
                "says"
            )
        );
        assert_eq!(
            reported("One says China has the most, while another says the United States has more."),
            vec![
                report("China has the most", "One", "says"),
                report("the United States has more", "another", "says")
            ]
        );
        // Any verb that reports a clause makes a tag.
        assert_eq!(
            reported("Ryan’s endorsement of Trump, many think, is only a matter of time."),
            one(
                "Ryan’s endorsement of Trump, many think, is only a matter of time",
                "many",
                "think"
            )
        );
        assert_eq!(
            reported(
                "Such a move could alienate his backers, Clinton allies believe — backers she needs."
            ),
            one(
                "Such a move could alienate his backers",
                "Clinton allies",
                "believe"
            )
        );
        // `as` after a conjunction opening the sentence.
        assert_eq!(
            reported("But as a Politico reporter noted, he didn’t even fill the place."),
            one(
                "he didn’t even fill the place",
                "a Politico reporter",
                "noted"
            )
        );
        // A particle closing the tag.
        assert_eq!(
            reported("As many tax experts have pointed out, he is free to disclose them."),
            one("he is free to disclose them", "many tax experts", "pointed")
        );
        // After the verb and its source, a description or a relative clause.
        assert_eq!(
            reported(
                "That will be true up to a point, said Jake Sherman, a reporter whose aggressiveness has driven others off the beat."
            ),
            one("That will be true up to a point", "Jake Sherman", "said")
        );
        assert_eq!(
            reported(
                "A more subdued Bill Clinton may not be a bad thing, say some Democrats, who cringe as they recall 2008."
            ),
            one(
                "A more subdued Bill Clinton may not be a bad thing",
                "some Democrats",
                "say"
            )
        );
        // A name alone before the tag is the speaker and its appositive.
        assert!(
            reported("Sam Lau, the communications director for the party said in a statement.")
                .is_empty()
        );
    }

    #[test]
    fn what_objects_and_names_given_report() {
        // What is endorsed is its object, without the time of the act or
        // the subject's next act.
        assert_eq!(
            reported("Jeb Bush endorsed Ted Cruz on Wednesday."),
            one("Ted Cruz", "Jeb Bush", "endorsed")
        );
        assert_eq!(
            reported("Chris Christie endorsed Trump last week and has appeared at his side."),
            one("Trump", "Chris Christie", "endorsed")
        );
        assert_eq!(
            reported("Kasich criticized the plan and refused to back it."),
            vec![
                report("the plan", "Kasich", "criticized"),
                report("to back it", "Kasich", "refused")
            ]
        );
        // A verb coordinated with the one before reports for the same source,
        // not for that verb's object.
        assert_eq!(
            reported("Her followers attacked her skills and even questioned the star's identity."),
            vec![
                report("her skills", "Her followers", "attacked"),
                report("the star's identity", "Her followers", "questioned")
            ]
        );
        // After a person named, the act's setting is not what is endorsed;
        // what a person is accused of is.
        assert_eq!(
            reported("Paul Ryan endorsed Trump in early June."),
            one("Trump", "Paul Ryan", "endorsed")
        );
        assert_eq!(
            reported("Cruz accused Trump on Tuesday of lying about his record."),
            one(
                "Trump on Tuesday of lying about his record",
                "Cruz",
                "accused"
            )
        );
        // The plain form after a modal or `to` takes its object too.
        assert_eq!(
            reported("Senate Republicans will reject the proposal."),
            one("the proposal", "Senate Republicans", "reject")
        );
        // A verb and its particle: what is balked at.
        assert_eq!(
            reported("The campaign balked at the price tag."),
            one("the price tag", "The campaign", "balked")
        );
        // What is opposed is the object, up to a dash.
        assert_eq!(
            reported("Nobody opposed the nominee — he was confirmed 92 to 0."),
            one("the nominee", "Nobody", "opposed")
        );
        // Nor what the subject did while or after (`while needling …`).
        assert_eq!(
            reported("The senator touted his polling strength while needling opponents."),
            one("his polling strength", "The senator", "touted")
        );
        // When the act took place is no part of its object.
        assert_eq!(
            reported("The union endorsed Hillary Clinton for president on Thursday, another sign."),
            one("Hillary Clinton for president", "The union", "endorsed")
        );
        assert_eq!(
            reported("The senator criticized the plan earlier this year."),
            one("the plan", "The senator", "criticized")
        );
        // A hyphen standing apart is a dash; one inside a word is not; an
        // aside between two dashes goes on with the object.
        assert_eq!(
            reported("The senator blamed the Republicans' rhetoric - so Obama brought it up."),
            one("the Republicans' rhetoric", "The senator", "blamed")
        );
        assert_eq!(
            reported("The senator praised the U.S.-Mexico border deal."),
            one("the U.S.-Mexico border deal", "The senator", "praised")
        );
        assert_eq!(
            reported("The senator called on all nations - rich and poor - to limit emissions."),
            one(
                "all nations - rich and poor - to limit emissions",
                "The senator",
                "called"
            )
        );
        // The occasion of the act is not what is praised.
        assert_eq!(
            reported("Donald Trump praised Matthew Boyle at a press conference in Hanahan."),
            one("Matthew Boyle", "Donald Trump", "praised")
        );
        assert_eq!(
            reported("Senior officials spoke about the raids on the condition of anonymity."),
            one("the raids", "Senior officials", "spoke")
        );
        // A call owned by its speaker reports its infinitive or its object.
        assert_eq!(
            reported("Other Republicans joined Pence’s call for a special prosecutor."),
            one("a special prosecutor", "Pence’s", "call")
        );
        assert_eq!(
            reported(
                "It contrasted her respect for guns with Mr. Obama's calls for tighter gun control."
            ),
            one("tighter gun control", "Mr. Obama's", "calls")
        );
        // `called X a Y` names X as Y; a thing called by a name is no report.
        assert_eq!(
            reported("Trump has called climate change a hoax perpetrated by China."),
            one(
                "climate change a hoax perpetrated by China",
                "Trump",
                "called"
            )
        );
        // `called X Y`: a person or thing, then in lowercase what it is called,
        // up to a participle that follows.
        assert_eq!(
            reported("Sanders called him divisive."),
            one("him divisive", "Sanders", "called")
        );
        assert_eq!(
            reported(
                "Trump called Cruz the \"ultimate hypocrite,\" linking to a story about a dinner."
            ),
            one("Cruz the \"ultimate hypocrite,\"", "Trump", "called")
        );
        assert_eq!(
            reported("Trump called upon Mayor Bill de Blasio to restart surveillance of mosques."),
            one(
                "Mayor Bill de Blasio to restart surveillance of mosques",
                "Trump",
                "called"
            )
        );
        assert!(reported("Obama called Naghmeh Abedini on Monday.").is_empty());
        assert!(reported("She called him back and left a message.").is_empty());
        assert!(reported("He called Sanders twice.").is_empty());
        assert!(reported("Students held a party called Anti-Prom at a former factory.").is_empty());
        assert!(reported("Shire called off a $54 billion deal.").is_empty());
        // What is blasted is the object; what is blasted out is no report.
        assert_eq!(
            reported("Trump blasted the California yoga instructor during a rally."),
            one("the California yoga instructor", "Trump", "blasted")
        );
        assert!(reported("The PAC blasted out missives about Libya.").is_empty());
        // Those encouraged or ordered are part of what they are told to do.
        assert_eq!(
            reported("Glenn Beck encouraged Americans to join him in a fast."),
            one(
                "Americans to join him in a fast",
                "Glenn Beck",
                "encouraged"
            )
        );
        // An object's relative clause is the writer's.
        assert_eq!(
            reported("Clinton criticized the exercises, which have been scaled back, on Tuesday."),
            one("the exercises", "Clinton", "criticized")
        );
    }

    #[test]
    fn where_the_content_ends() {
        // The subject's next report after a comma ends what it reports first.
        assert_eq!(
            reported("Trump mocked the plan, then said he would sign it."),
            vec![
                report("the plan", "Trump", "mocked"),
                report("he would sign it", "Trump", "said")
            ]
        );
        // After the first comma, an auxiliary with no subject goes on with
        // the sentence around the report, unless predicates are listed.
        assert_eq!(
            reported("His office declined to comment, was closed on Monday and did not reply."),
            one("to comment", "His office", "declined")
        );
        assert_eq!(
            reported(
                "Aides said the inquiry had nothing to do with her, had started later and been suspended."
            ),
            one(
                "the inquiry had nothing to do with her, had started later and been suspended",
                "Aides",
                "said"
            )
        );
        // A participle between the subject and its verb ends where the verb resumes.
        assert_eq!(
            reported(
                "Sen. Richard J. Durbin, noting the size of the following, said the list was big."
            ),
            vec![
                report(
                    "the size of the following",
                    "Sen. Richard J. Durbin",
                    "noting"
                ),
                report("the list was big", "Sen. Richard J. Durbin", "said")
            ]
        );
        // The writer's aside after a comma is no part of it.
        assert_eq!(
            reported(
                "The ministers expressed concern about the coup in Myanmar, seen as an early test of U.S. diplomacy."
            ),
            one(
                "concern about the coup in Myanmar",
                "The ministers",
                "expressed"
            )
        );
        // A subordinate clause ends at its comma, also inside a closing quotation mark.
        assert_eq!(
            reported("When he said the plan was \"dead on arrival,\" the room went quiet."),
            one("the plan was \"dead on arrival,\"", "he", "said")
        );
        // A subordinate clause closed before the verb bounds nothing after it;
        // `, but that …` goes on with the same report.
        assert_eq!(
            reported(
                "As Obama covered predictable ground, Trump noted that even in little things, the president was out of step."
            ),
            one(
                "even in little things, the president was out of step",
                "Trump",
                "noted"
            )
        );
        assert_eq!(
            reported(
                "Hamermesh predicted that base wages would fall, but that higher overtime payments would offset the loss."
            ),
            one(
                "base wages would fall, but that higher overtime payments would offset the loss",
                "Hamermesh",
                "predicted"
            )
        );
        // A relative clause between the content's subject and its verb.
        assert_eq!(
            reported(
                "Devine acknowledged that Sanders, who did win Rhode Island on Tuesday, would place more focus on policy."
            ),
            one(
                "Sanders, who did win Rhode Island on Tuesday, would place more focus on policy",
                "Devine",
                "acknowledged"
            )
        );
        // A comma inside a quotation's closing mark ends the content too.
        assert_eq!(
            reported(
                "Trump said things “should be wrapped up by Cleveland,” referring to the July convention."
            ),
            vec![
                report(
                    "things “should be wrapped up by Cleveland,”",
                    "Trump",
                    "said"
                ),
                report("the July convention", "Trump", "referring")
            ]
        );
        assert_eq!(
            reported("Most said they have their minds made up compared to four in 10 last year."),
            one("they have their minds made up", "Most", "said")
        );
        // A second verb of saying after fillers starts a report of its own.
        assert_eq!(
            reported(
                "He said he would offer a prayer for the nominee but did not suggest it would be Trump."
            ),
            vec![
                report("he would offer a prayer for the nominee", "He", "said"),
                report("it would be Trump", "He", "suggest")
            ]
        );
    }

    #[test]
    fn bridges_addressees_and_clauses_after_the_verb() {
        // A `that` after a noun and before its verb opens a relative clause,
        // not what is said.
        assert!(
            reported("Merkel spoke at length in the meeting that was held on a boat.").is_empty()
        );
        assert_eq!(
            reported("Clinton said in a statement that the meeting was held on a boat."),
            one("the meeting was held on a boat", "Clinton", "said")
        );
        // After a verb of address, a subject pronoun opens the clause.
        assert_eq!(
            reported("The Saudis have warned they could sell off their U.S. assets."),
            one(
                "they could sell off their U.S. assets",
                "The Saudis",
                "warned"
            )
        );
        assert_eq!(
            reported("He argued against intervention by outside powers in Syria."),
            one("intervention by outside powers in Syria", "He", "argued")
        );
        // A bridge to `that` through a possessive with a curly apostrophe.
        assert_eq!(
            reported(
                "Rep. Chris Collins noted in a guest column in Saturday’s New York Times that anger is fueling his rise."
            ),
            one("anger is fueling his rise", "Rep. Chris Collins", "noted")
        );
        assert_eq!(
            reported("Black voters found it offensive, journalist Martha Raddatz said."),
            one(
                "Black voters found it offensive",
                "journalist Martha Raddatz",
                "said"
            )
        );
        // No clause: a time after the verb, or a noun whose auxiliary
        // follows a conjunction.
        assert!(reported("Charlie Cook wrote this week.").is_empty());
        assert!(reported("George Zimmerman claimed self-defense and was acquitted.").is_empty());
        assert_eq!(
            reported("Many of his supporters believe bigotry and xenophobia are acceptable."),
            one(
                "bigotry and xenophobia are acceptable",
                "his supporters",
                "believe"
            )
        );
        // The person told: a pronoun, names joined, then `not to` or an aside.
        assert_eq!(
            reported("She was free and would soon be coming home, the president told her."),
            one(
                "She was free and would soon be coming home",
                "the president",
                "told"
            )
        );
        assert_eq!(
            reported(
                "Bill Wilson told The Post and Courier newspaper of Charleston on Saturday that he cast his ballot for Rubio."
            ),
            one("he cast his ballot for Rubio", "Bill Wilson", "told")
        );
        assert_eq!(
            reported("Since October, officials have told Flint residents not to drink the water."),
            one(
                "Flint residents not to drink the water",
                "officials",
                "told"
            )
        );
        assert_eq!(
            reported("Sources told POLITICO, however, that she did chime in."),
            one("she did chime in", "Sources", "told")
        );
        // A clause after the verb is no bridge to a `that` inside it, and a
        // parenthesis closed before the verb opens no clause.
        assert_eq!(
            reported("Rep. Jared Huffman, a member of the caucus, said he had heard that account."),
            one("he had heard that account", "Rep. Jared Huffman", "said")
        );
        // A `that` before a verb in the past opens a relative clause, no bridge.
        assert_eq!(
            reported(
                "Schweizer alleged the foundation hid four donations that totaled $2.35 million."
            ),
            one(
                "the foundation hid four donations that totaled $2.35 million",
                "Schweizer",
                "alleged"
            )
        );
        assert_eq!(
            reported(
                "Clinton and Sen. Bernie Sanders (Vt.) have said overturning the ruling should be a priority."
            ),
            one(
                "overturning the ruling should be a priority",
                "Sen. Bernie Sanders",
                "said"
            )
        );
        assert_eq!(
            reported("Elijah E. Cummings (Md.) is waiting for the agencies to act, an aide said."),
            one(
                "Elijah E. Cummings (Md.) is waiting for the agencies to act",
                "an aide",
                "said"
            )
        );
    }

    #[test]
    fn passives_gerunds_and_places() {
        // A verb of saying in the passive, with its agent.
        assert_eq!(
            reported("The meeting was first reported by Politico."),
            one("The meeting", "Politico", "reported")
        );
        assert!(reported("The country described by the president is poor.").is_empty());
        // A gerund after a verb in the past tense, not after the person told.
        assert_eq!(
            reported("Mr. Kasich reported having $1.3 million in cash on hand."),
            one(
                "having $1.3 million in cash on hand",
                "Mr. Kasich",
                "reported"
            )
        );
        assert_eq!(
            reported(
                "A deficit trend will end this year, the Congressional Budget Office reported on Tuesday -- a development that matters."
            ),
            one(
                "A deficit trend will end this year",
                "the Congressional Budget Office",
                "reported"
            )
        );
        // A state after its city is no speaker.
        assert!(
            reported("The rally in Green Bay, Wis., was canceled, citing the attack.").is_empty()
        );
    }

    #[test]
    fn speech_tags_inside_and_after_the_content() {
        assert_eq!(
            reported("The plan, an inside source said, is to have volunteers pass out reprints."),
            one(
                "The plan, an inside source said, is to have volunteers pass out reprints",
                "an inside source",
                "said"
            )
        );
        // A quotation and its speaker's description before the tag are a
        // direct quote; after a verb of telling comes the person told.
        assert!(
            reported(
                "“Yes, I support Ted Cruz,” Brent Bozell III, founder of the Media Research Center, told Breitbart News."
            )
            .is_empty()
        );
        assert!(reported("The plan will fail, told Breitbart News.").is_empty());
        // After the tag, a participle is the speaker's act; a gerund opening
        // a clause goes on with what was said.
        assert_eq!(
            reported("Sales were great, he said, wiping sweat off his face."),
            one("Sales were great", "he", "said")
        );
        assert_eq!(
            reported("Nobody took the offer, he said, on condition of anonymity."),
            one("Nobody took the offer", "he", "said")
        );
        assert_eq!(
            reported("The change was smooth, he said, replacing the chief would be harder."),
            one(
                "The change was smooth, he said, replacing the chief would be harder",
                "he",
                "said"
            )
        );
        // The words after a tag inside the content are no tag of their own.
        assert_eq!(
            reported("The outreach, they said, raised new worries about the scope of the feeling."),
            one(
                "The outreach, they said, raised new worries about the scope of the feeling",
                "they",
                "said"
            )
        );
        assert_eq!(
            reported(
                "Cruz lacks support from his colleagues in Congress, said Larry Sabato, director of the Center for Politics."
            ),
            one(
                "Cruz lacks support from his colleagues in Congress",
                "Larry Sabato",
                "said"
            )
        );
        assert_eq!(
            reported(
                "His positions on immigration have hurt him among Hispanics, political experts said."
            ),
            one(
                "His positions on immigration have hurt him among Hispanics",
                "political experts",
                "said"
            )
        );
        // A report before the tag ends where the tag's content starts.
        assert_eq!(
            reported(
                "Other candidates said they support charter schools, but they would not advocate for them on the federal level, they said."
            ),
            [
                report("they support charter schools", "candidates", "said"),
                report(
                    "they would not advocate for them on the federal level",
                    "they",
                    "said"
                ),
            ]
        );
        // A report running on into the tag is part of what the tag reports.
        assert_eq!(
            reported(
                "Secret Service protocol called for the nominee to be taken to a trauma center, sources said."
            ),
            one(
                "Secret Service protocol called for the nominee to be taken to a trauma center",
                "sources",
                "said"
            )
        );
        // A phrase before a comma is not reported by a verb of its clause.
        assert!(
            reported("On a mild December day in Washington, President Obama had reason to bask in the sun.")
                .is_empty()
        );
        assert!(
            reported("With 214 delegates at stake, Clinton is assured of winning at least 118.")
                .is_empty()
        );
    }

    #[test]
    fn bridges_continuations_and_as_tags() {
        assert_eq!(
            reported(
                "Ginsburg said in an interview with The Associated Press last week that she did not want to think about it."
            ),
            one("she did not want to think about it", "Ginsburg", "said")
        );
        assert_eq!(
            reported(
                "Ferre said Latino voters care about more than immigration, and that many will be receptive to his message."
            ),
            one(
                "Latino voters care about more than immigration, and that many will be receptive to his message",
                "Ferre",
                "said"
            )
        );
        assert_eq!(
            reported(
                "As Purple PAC's Crane said, the two candidates have become the least ideological."
            ),
            one(
                "the two candidates have become the least ideological",
                "Purple PAC's Crane",
                "said"
            )
        );
        assert_eq!(
            reported("However, as POLITICO has reported, the cases included other charges."),
            one("the cases included other charges", "POLITICO", "reported")
        );
        assert_eq!(
            reported("As reported by the Times, the city became the first to act."),
            one("the city became the first to act", "the Times", "reported")
        );
        // Mid-sentence, `as` with another verb is one of time; an appositive is no clause.
        assert!(reported("A man, as Clinton speaks, bows his head.").is_empty());
        assert!(
            reported("The deal happened, as recalled by Walter Hewlett, son of the founder.")
                .is_empty()
        );
    }

    #[test]
    fn clauses_shown_by_their_auxiliary_and_reports_after_a_quotation() {
        assert_eq!(
            reported("Trump fans insist delegates must heed the will of the grassroots."),
            one(
                "delegates must heed the will of the grassroots",
                "Trump fans",
                "insist"
            )
        );
        // A bridge of when and where without `that`, up to a clause shown by its auxiliary.
        assert_eq!(
            reported("The company said in a statement Tuesday it would appeal the ruling."),
            one("it would appeal the ruling", "The company", "said")
        );
        assert!(reported("The company said in a statement released Tuesday.").is_empty());
        assert_eq!(
            reported("Trump said after the convention he would not accept the endorsement."),
            one("he would not accept the endorsement", "Trump", "said")
        );
        // A bridge with a verb of its own is a clause, not when and where.
        assert!(
            reported("Chaffetz said after Pagliano failed to show up he was called to testify.")
                .is_empty()
        );
        // A new sentence after a quotation is not its speech tag.
        assert_eq!(
            reported(
                "O'Malley interjected: \"It is not true.\" He said Clinton would not go far enough."
            ),
            one("Clinton would not go far enough", "He", "said")
        );
    }

    #[test]
    fn hearsay_reports_without_a_source() {
        let none =
            |content: &str, cue: &str| vec![(content.to_string(), None, Some(cue.to_string()))];
        assert_eq!(
            reported("The FBI is reportedly making arrangements to interview her."),
            none(
                "The FBI is reportedly making arrangements to interview her",
                "reportedly"
            )
        );
        assert_eq!(
            reported("Reportedly, he made sympathetic comments to co-workers."),
            none("he made sympathetic comments to co-workers", "Reportedly")
        );
        assert_eq!(
            reported("The senator is said to be furious with the leadership."),
            none(
                "The senator is said to be furious with the leadership",
                "said"
            )
        );
        // A charge in the passive, with no one named who made it.
        assert_eq!(
            reported("Peacekeepers have been accused of hurting civilians."),
            none(
                "Peacekeepers have been accused of hurting civilians",
                "accused"
            )
        );
        // The subordinate clause holding the adverb.
        assert_eq!(
            reported("The man was shot after he allegedly brandished a pistol."),
            none("he allegedly brandished a pistol", "allegedly")
        );
        // A verb that reports right after the adverb names its own source;
        // after a preposition the adverb holds no clause.
        assert_eq!(
            reported("The senator reportedly told aides that he would resign."),
            one("he would resign", "The senator", "told")
        );
        assert!(reported("He was charged for allegedly grabbing a reporter.").is_empty());
    }

    #[test]
    fn expectations_report_without_a_source() {
        let none = |content: &str| (content.to_string(), None, Some("expected".to_string()));
        assert_eq!(
            reported("The French president is expected to run for re-election in 2017."),
            vec![none(
                "The French president is expected to run for re-election in 2017"
            )]
        );
        assert_eq!(
            reported(
                "But the first Fed move, which is widely expected to come on Dec. 16, is a wild card."
            ),
            vec![none("which is widely expected to come on Dec. 16")]
        );
        // After an opening phrase, the clause; in a subordinate clause, up to its comma.
        assert_eq!(
            reported("After a year of polls, more than 250,000 Iowans are expected to attend."),
            vec![none("more than 250,000 Iowans are expected to attend")]
        );
        assert_eq!(
            reported(
                "And while many of his supporters are expected to support her in November, she has not changed her message."
            ),
            vec![none(
                "many of his supporters are expected to support her in November"
            )]
        );
        // What is expected ends at a comma or a dash.
        assert_eq!(
            reported(
                "The White House is expected to sign the measure, potentially teeing up a new law."
            ),
            vec![none("The White House is expected to sign the measure")]
        );
        assert_eq!(
            reported("Nabisco is expected to cut 277 workers -- the first wave of layoffs."),
            vec![none("Nabisco is expected to cut 277 workers")]
        );
        // In the active, `expected` reports only a `that` clause.
        assert!(reported("He expected the plan to fail.").is_empty());
        assert_eq!(
            reported("He expected that the plan would fail."),
            one("the plan would fail", "He", "expected")
        );
    }

    #[test]
    fn impersonal_passives_report_without_a_source() {
        assert_eq!(
            reported("It's been reported that the senator has been sexting again."),
            vec![(
                "the senator has been sexting again".to_string(),
                None,
                Some("reported".to_string())
            )]
        );
        assert_eq!(
            reported("It is widely believed that the deal will collapse next week."),
            [(
                "the deal will collapse next week".into(),
                None,
                Some("believed".into())
            )]
        );
        // A passive with a subject of its own is not a report.
        assert!(reported("The proposals were reported that way to the council.").is_empty());
    }

    #[test]
    fn a_question_put_to_the_subject_is_no_claim() {
        // Nothing in the question is reported; the answer's report is.
        assert_eq!(
            reported(
                "Asked on Tuesday about the merger, the chief executive said it would close in May."
            ),
            one("it would close in May", "the chief executive", "said")
        );
        assert!(
            reported("When asked whether he still believes the deal is dead, he shrugged.")
                .is_empty()
        );
        assert!(
            reported("Trump was asked whether he believes the deal is dead, and he shrugged.")
                .is_empty()
        );
        // A tag after the question reports nothing of it.
        assert!(
            reported("Asked if the comments had rattled them, Ryan said, \"Sure.\"").is_empty()
        );
        // Someone who asked is no question put to them.
        assert_eq!(
            reported("The group asked whether candidates supported the act."),
            one("whether candidates supported the act", "The group", "asked")
        );
    }

    #[test]
    fn sources_without_names() {
        // A relative clause between the subject and its verb is no part of the subject.
        assert_eq!(
            reported(
                "Mr. Obama, who understood that a push would be fruitless, told his advisers to act."
            ),
            vec![
                report("a push would be fruitless", "who", "understood"),
                report("his advisers to act", "Mr. Obama", "told")
            ]
        );
        // Those who issued a statement are the source of what it says.
        assert_eq!(
            reported("Later, the Trump campaign issued a statement saying that he meant voters."),
            one("he meant voters", "the Trump campaign", "saying")
        );
        // A share of those asked is the source, also as a relative's antecedent.
        assert_eq!(
            reported(
                "One in three said the party doesn't care, and more than 4 in 10 said it was hostile."
            ),
            vec![
                report("the party doesn't care", "One in three", "said"),
                report("it was hostile", "more than 4 in 10", "said")
            ]
        );
        let text = "Many agreed, compared with 23 percent who said it was improper.";
        let found = indirect(text);
        let mention = found.first().and_then(|q| q.mention);
        assert_eq!(
            mention.and_then(|m| m.antecedent).map(|a| a.slice(text)),
            Some("23 percent")
        );
        // A negated auxiliary stands between the subject and its verb.
        assert_eq!(
            reported("The senator didn’t say the plan would fail."),
            one("the plan would fail", "The senator", "say")
        );
        // A plain description right before the verb, not a name earlier on.
        assert_eq!(
            reported(
                "Texas must shelve the law, which appeals courts said discriminated against voters."
            ),
            one("discriminated against voters", "appeals courts", "said")
        );
        assert_eq!(
            reported("He was charged with assault, but prosecutors said they would not proceed."),
            one("they would not proceed", "prosecutors", "said")
        );
        // A sentence's first word belongs to the description, capitalised or not.
        assert_eq!(
            reported("Gay rights groups said the bill would fail."),
            one("the bill would fail", "Gay rights groups", "said")
        );
        assert_eq!(
            reported("Some party strategists said none of the attempts will work."),
            one(
                "none of the attempts will work",
                "Some party strategists",
                "said"
            )
        );
        assert_eq!(
            reported("Some say they hear echoes of a painful past."),
            one("they hear echoes of a painful past", "Some", "say")
        );
        assert_eq!(
            reported("Obama said inevitable economic changes cost many people their jobs."),
            one(
                "inevitable economic changes cost many people their jobs",
                "Obama",
                "said"
            )
        );
        // `mailers and phone calls.`: no noun of people, no tag.
        assert!(
            reported("The group will hammer Clinton with negative ads, mailers and phone calls.")
                .is_empty()
        );
        assert_eq!(
            reported(
                "Agents want to interview her senior aides, current and former officials said."
            ),
            one(
                "Agents want to interview her senior aides",
                "current and former officials",
                "said"
            )
        );
        assert_eq!(
            reported("Kelly said he has worked with Republicans on the bill."),
            one(
                "he has worked with Republicans on the bill",
                "Kelly",
                "said"
            )
        );
    }

    #[test]
    fn a_report_told_again_by_a_pronoun_is_one_report() {
        assert_eq!(
            reported("Weaver told CNN that he believes the battle will continue until July."),
            one(
                "he believes the battle will continue until July",
                "Weaver",
                "told"
            )
        );
    }

    #[test]
    fn infinitives_and_objects_of_judgement() {
        // The participle of a listed verb reports as its other forms do.
        assert_eq!(
            reported("Clinton praised the plan, rejecting the Republican alternative."),
            [
                report("the plan", "Clinton", "praised"),
                report("the Republican alternative", "Clinton", "rejecting"),
            ]
        );
        // A subordinate clause with its own subject and verb after a thing
        // named is the writer's account of the moment; `as` before what the
        // thing is taken for is not.
        assert_eq!(
            reported(
                "The Security Council condemned the launch as Pyongyang fired three missiles."
            ),
            one("the launch", "The Security Council", "condemned")
        );
        assert_eq!(
            reported("The senator described the raids as a failed effort to stem the tide."),
            one(
                "the raids as a failed effort to stem the tide",
                "The senator",
                "described"
            )
        );
        // A stance taken is reported as an act of judgement is.
        assert_eq!(
            reported("As a senator, Clinton supported the 2002 resolution on Iraq."),
            one("the 2002 resolution on Iraq", "Clinton", "supported")
        );
        assert_eq!(
            reported("Sanders seeks to raise the minimum wage to $15 an hour."),
            one(
                "to raise the minimum wage to $15 an hour",
                "Sanders",
                "seeks"
            )
        );
        // `to` before a noun phrase is a preposition, no infinitive.
        assert!(reported("The company agreed to a $7 million settlement.").is_empty());
        assert_eq!(
            reported("The governor urged lawmakers to pass the budget by Friday."),
            one(
                "lawmakers to pass the budget by Friday",
                "The governor",
                "urged"
            )
        );
        assert_eq!(
            reported("The prince called for Trump to drop out of the race."),
            one("Trump to drop out of the race", "The prince", "called")
        );
        // A bridge to `that` may hold a title in quotation marks and a noun
        // that is a verb elsewhere; its second cue reports nothing again.
        assert_eq!(
            reported("Allen said on ABC's ''This Week'' on Sunday that Trump was wrong."),
            one("Trump was wrong", "Allen", "said")
        );
        // An aside between commas may close the bridge: one opened right
        // after the verb, or a place named in two parts.
        assert_eq!(
            reported("The senator said, per a translator, that the server was open."),
            one("the server was open", "The senator", "said")
        );
        assert_eq!(
            reported("The senator said Sunday in Madison, Wisconsin, that turnout was high."),
            one("turnout was high", "The senator", "said")
        );
        // Not a noun phrase and its comma: `that` opens a relative clause.
        assert!(
            reported("The senator praised the gatherings, that the foundation was holding.")
                .iter()
                .all(|found| found.0 != "the foundation was holding")
        );
        assert_eq!(
            reported("The senator told MSNBC's \"Morning Joe\" that nobody would question her."),
            one("nobody would question her", "The senator", "told")
        );
        assert_eq!(
            reported("Wasserman Schultz said in her opening remarks that the platform stands."),
            one("the platform stands", "Wasserman Schultz", "said")
        );
        // After the person told, a bridge of when or where to a clause.
        assert_eq!(
            reported("Clinton told federal investigators in July she was advised by Powell."),
            one("she was advised by Powell", "Clinton", "told")
        );
        // A share opens what is said; a noun that looks like a verb of
        // speech after `and` starts no second report.
        assert_eq!(
            reported("McAuliffe has said about 20 people have shown an interest in the seat."),
            one(
                "about 20 people have shown an interest in the seat",
                "McAuliffe",
                "said"
            )
        );
        assert_eq!(
            reported("It says the campaign violated federal and state law by using the images."),
            one(
                "the campaign violated federal and state law by using the images",
                "It",
                "says"
            )
        );
        // A clause after a verb that also takes an object is no object: an
        // occasion inside it is part of it. `, as well as` goes on with one
        // phrase, and `, but` with the same subject's second predicate.
        assert_eq!(
            reported("PolitiFact announced it will have fact-checkers working during the debate."),
            one(
                "it will have fact-checkers working during the debate",
                "PolitiFact",
                "announced"
            )
        );
        assert_eq!(
            reported("He said he was building a clubhouse, as well as a new swimming pool."),
            one(
                "he was building a clubhouse, as well as a new swimming pool",
                "He",
                "said"
            )
        );
        assert_eq!(
            reported("They said they had misgivings, but could not bear to insult him."),
            one(
                "they had misgivings, but could not bear to insult him",
                "They",
                "said"
            )
        );
        assert_eq!(
            reported(
                "He said it is what people want to hear, but should he win, little will come of it."
            ),
            one("it is what people want to hear", "He", "said")
        );
        // `that` before one word closing the clause is a demonstrative.
        assert_eq!(
            reported("Kaine decried that math, saying Clinton took questions in July."),
            [
                report("that math", "Kaine", "decried"),
                report("Clinton took questions in July", "Kaine", "saying"),
            ]
        );
        // An aside between the subject and its verb is no part of either.
        assert_eq!(
            reported("NATO's secretary general, meanwhile, called on the regime to disarm."),
            one("the regime to disarm", "NATO's secretary general", "called")
        );
        // `explain` reports the question it answers.
        assert_eq!(
            reported("The spokesman could not explain why the requirement is cited."),
            one("why the requirement is cited", "The spokesman", "explain")
        );
        // An adverb after the verb says how it was said.
        assert_eq!(
            reported("The senator said repeatedly the plan would fail."),
            one("the plan would fail", "The senator", "said")
        );
        // An adverb or a time between a verb and its particle.
        assert_eq!(
            reported("The senator spoke emotionally of his flights on Marine One."),
            one("his flights on Marine One", "The senator", "spoke")
        );
        assert_eq!(
            reported("The attorney general called Friday for releasing the videos."),
            one("releasing the videos", "The attorney general", "called")
        );
        // A verb with two particles (`lashed out at`, `weighed in on`).
        assert_eq!(
            reported("The senator lashed out at the Republican nominee's tax plan."),
            one("the Republican nominee's tax plan", "The senator", "lashed")
        );
        // After an opening phrase, a particle's object is no circumstance of a
        // speech tag closing the sentence.
        assert_eq!(
            reported("Trump has also commented on the death of Terence Crutcher."),
            one("the death of Terence Crutcher", "Trump", "commented")
        );
        assert_eq!(
            reported("In July, the NAACP called for a moratorium on charter schools."),
            one("a moratorium on charter schools", "the NAACP", "called")
        );
        // A pronoun's `’s` is `has`, no possessive; the speaker is the pronoun.
        assert_eq!(
            reported("She’s called for a moratorium on charter schools."),
            one("a moratorium on charter schools", "She", "called")
        );
        // What a thing is called, after a noun that is also a verb.
        assert_eq!(
            reported("The senator called the report a hoax."),
            one("the report a hoax", "The senator", "called")
        );
        // An appositive after a comma is the writer's, not the source's.
        assert_eq!(
            reported("The IMF cited the vote as a risk to trade, a key factor in the economy."),
            one("the vote as a risk to trade", "The IMF", "cited")
        );
        assert_eq!(
            reported("She said he would consider Rep. Don Beyer (D-Va.), a former governor."),
            one("he would consider Rep. Don Beyer (D-Va.)", "She", "said")
        );
        assert_eq!(
            reported("The senator lamented the decline of manufacturing in Ohio."),
            one(
                "the decline of manufacturing in Ohio",
                "The senator",
                "lamented"
            )
        );
        assert_eq!(
            reported("He did not mention his opponents by name."),
            one("his opponents by name", "He", "mention")
        );
        // A name alone is a thing named; a pronoun is not.
        assert_eq!(
            reported("At the rally, Cruz attacked Trump."),
            one("Trump", "Cruz", "attacked")
        );
        assert!(reported("At the rally, Cruz attacked him.").is_empty());
        // A verb with its particle needs no list of its own.
        assert_eq!(
            reported("The senator spoke at length, referring to the attacks in Paris."),
            one("the attacks in Paris", "The senator", "referring")
        );
        // A noun is not a verb of report: `a clarion call for …`.
        assert!(
            reported("The campaign was a sustained clarion call for grassroots democracy.")
                .is_empty()
        );
        assert_eq!(
            reported("Warren criticized the bank's handling of the accounts."),
            one(
                "the bank's handling of the accounts",
                "Warren",
                "criticized"
            )
        );
    }

    #[test]
    fn a_quote_in_the_content_keeps_its_own_speaker_and_the_report_takes_it() {
        let text = "Blinken promised the U.S.'s unwavering commitment to defend Japan \"through the full range of its capabilities, including nuclear.\"";
        let found = reported(text);
        assert_eq!(found.len(), 1);
        assert!(found[0].0.ends_with("including nuclear.\""), "{found:?}");
        assert_eq!(found[0].1.as_deref(), Some("Blinken"));
    }

    #[test]
    fn verbs_after_a_quotation_tag_it() {
        assert!(
            reported(
                "\"We will act,\" said Gary Orfield, a professor at the University of California."
            )
            .is_empty()
        );
        assert!(
            reported("\"This is radical,\" Rubio said Dec. 6 on CNN's State of the Union.")
                .is_empty()
        );
        // A participle after the tag reports for the quotation's speaker.
        assert_eq!(
            reported("\"We need steady hands,\" Clinton told AIPAC, referring to the mogul."),
            one("the mogul", "Clinton", "referring")
        );
        assert_eq!(
            reported(
                "Asked if he was ever bullied, the candidate said no. But he said bullying happens to adults."
            ),
            one("bullying happens to adults", "he", "said")
        );
    }

    #[test]
    fn what_is_not_reported_speech() {
        // A quotation alone is a direct quote; passives, nouns and short complements are not reports.
        assert!(reported("\"We will win,\" she said.").is_empty());
        assert!(reported("The proposals were rejected by the council in 2015.").is_empty());
        assert!(reported("The country described by the president is strong.").is_empty());
        // A graded participle is an adjective.
        assert!(reported("The campaign will make more detailed records available.").is_empty());
        assert!(
            reported("Tokyo reserved its criticism for maritime disputes in the East China Sea.")
                .is_empty()
        );
        assert!(reported("He said so.").is_empty());
        // A plural after a number is a noun.
        assert!(
            reported("The IMF cut its forecast by 0.1 percentage points to 4.2 percent.")
                .is_empty()
        );
        // A piece of writing is what was written, not a claim; a clause after it is.
        assert!(reported("She wrote a children's book in 2012.").is_empty());
        assert!(reported("Baker wrote the letter Feb. 2 to the State Department.").is_empty());
        assert_eq!(
            reported("Baker wrote the letter was a fake."),
            one("the letter was a fake", "Baker", "wrote")
        );
    }

    #[test]
    fn a_statement_noun_owned_by_its_speaker() {
        assert_eq!(
            reported(
                "Politifact examined Trump's claim that crime rose sharply in Chicago last year."
            ),
            one(
                "crime rose sharply in Chicago last year",
                "Trump's",
                "claim"
            )
        );
    }

    #[test]
    fn a_relative_clause_reports_for_its_antecedent() {
        let antecedent = |text: &str| -> Vec<(String, String, String)> {
            indirect(text)
                .iter()
                .filter_map(|q| {
                    let mention = q.mention?;
                    Some((
                        q.span.slice(text).to_string(),
                        mention.span.slice(text).to_string(),
                        mention.antecedent?.slice(text).to_string(),
                    ))
                })
                .collect()
        };
        let owned = |a: &str, b: &str, c: &str| vec![(a.into(), b.into(), c.into())];
        assert_eq!(
            antecedent(
                "It was negotiated with Labor Secretary Thomas Perez, who said he expects the deal to hold."
            ),
            owned(
                "he expects the deal to hold",
                "who",
                "Labor Secretary Thomas Perez"
            )
        );
        assert_eq!(
            antecedent("The senator, who has argued that taxes are too high, voted no."),
            owned("taxes are too high", "who", "The senator")
        );
        // A verb coordinated inside the relative clause: its report ends with the clause.
        assert_eq!(
            antecedent(
                "In May, Sanders, who endorsed Canova and said he would campaign with him, did not show up."
            ),
            [
                owned("Canova", "who", "Sanders"),
                owned("he would campaign with him", "who", "Sanders")
            ]
            .concat()
        );
        // `who’s` is `who has`; a dash may open the relative clause.
        assert_eq!(
            antecedent("The mayor, who’s called for an inquiry, left."),
            owned("an inquiry", "who", "The mayor")
        );
        assert_eq!(
            antecedent(
                "It is an issue, with the senator — who's called for tax hikes — lambasting it."
            ),
            owned("tax hikes", "who", "the senator")
        );
    }
}
