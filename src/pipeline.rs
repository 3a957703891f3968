//! The pipeline over one story: extract, resolve, and (for `check`) match.

use crate::corpus::Corpus;
use crate::extract::lexicon::Lexicon;
use crate::extract::{ExtractOptions, ExtractWarning, Quotation, QuoteKind, extract_with_options};
use crate::load::Document;
use crate::matcher::{Matcher, Verdict, VerdictKind};
use crate::resolve::evidence::reread_speaker;
use crate::resolve::{ResolvedSpeaker, resolve};

/// One quotation with everything the pipeline learnt about it.
#[derive(Debug, Clone)]
pub struct CheckedQuote {
    /// The quotation as extracted.
    pub quote: Quotation,
    /// Its speaker, resolved.
    pub speaker: Option<ResolvedSpeaker>,
    /// Its verdict: `None` for `extract`, and for terms, which are never verified.
    pub verdict: Option<Verdict>,
}

/// One story through the pipeline.
#[derive(Debug, Clone)]
pub struct CheckedFile {
    /// The story.
    pub document: Document,
    /// Its quotations in story order.
    pub quotes: Vec<CheckedQuote>,
    /// Problems met while extracting.
    pub warnings: Vec<ExtractWarning>,
}

/// Extracts and resolves the quotations of `document`; `corpus`, when given, links speakers to it.
pub fn extract_document(document: Document, corpus: Option<&Corpus>) -> CheckedFile {
    extract_document_with(document, corpus, ExtractOptions::default())
}

/// As [`extract_document`], with extraction `options` (reported speech).
pub fn extract_document_with(
    document: Document,
    corpus: Option<&Corpus>,
    options: ExtractOptions,
) -> CheckedFile {
    let lexicon = Lexicon::builtin();
    let extraction = extract_with_options(&document.text, lexicon, options);
    let speakers = resolve(&document.text, &extraction, corpus, lexicon);
    let quotes = extraction
        .quotes
        .into_iter()
        .zip(speakers)
        .map(|(quote, speaker)| CheckedQuote {
            quote,
            speaker,
            verdict: None,
        })
        .collect();
    CheckedFile {
        document,
        quotes,
        warnings: extraction.warnings,
    }
}

/// Runs the whole pipeline on `document`, judging every quotation but terms.
pub fn check_document(document: Document, corpus: &Corpus, matcher: &Matcher) -> CheckedFile {
    check_document_with(document, corpus, matcher, ExtractOptions::default())
}

/// As [`check_document`], with extraction `options`; reported speech is
/// judged as a paraphrase ([`Matcher::judge_reported`]).
pub fn check_document_with(
    document: Document,
    corpus: &Corpus,
    matcher: &Matcher,
    options: ExtractOptions,
) -> CheckedFile {
    let mut file = extract_document_with(document, Some(corpus), options);
    for checked in &mut file.quotes {
        let span = checked.quote.span;
        let text = span.slice(&file.document.text);
        let speaker = checked.speaker.as_ref();
        checked.verdict = match checked.quote.kind {
            QuoteKind::Term => None,
            QuoteKind::Indirect => Some(matcher.judge_reported(text, span.start, speaker)),
            QuoteKind::Direct | QuoteKind::Partial => {
                Some(matcher.judge(text, span.start, speaker))
            }
        };
        // Words a pronoun, a description or a surname was first read as
        // giving to the wrong person: read it as the one who said them, when
        // it can stand for them.
        if let (Some(verdict), Some(speaker)) = (&checked.verdict, &checked.speaker)
            && verdict.kind == VerdictKind::Misattributed
            && let Some(evidence) = &verdict.evidence
            && let Some(reread) = reread_speaker(
                &file.document.text,
                speaker,
                &corpus.statements[evidence.statement].speakers,
                corpus,
            )
        {
            let again = matcher.judge(text, span.start, Some(&reread));
            if again.kind.is_confirmed() {
                checked.speaker = Some(reread);
                checked.verdict = Some(again);
            }
        }
    }
    file
}
