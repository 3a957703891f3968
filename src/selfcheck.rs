//! The invariants quoth keeps on any input, checked by the fuzz targets
//! (`fuzz/`) and by the regression tests that replay what fuzzing found.
//!
//! Each function runs one stage on arbitrary bytes and panics if an
//! invariant breaks: a span off the text or off a character boundary, a
//! reported text that is not the text at its span, overlapping quotes.

use std::sync::OnceLock;

use crate::corpus::{Corpus, load_corpus, load_texts};
use crate::extract::{ExtractOptions, QuoteKind};
use crate::load::{Document, StoryFormat, decode};
use crate::matcher::{CorpusIndex, Matcher};
use crate::pipeline::{check_document, extract_document_with};
use crate::report::Reporter;
use crate::resolve::resolve_given_name;
use crate::span::Span;

fn assert_span(text: &str, span: Span, what: &str) {
    assert!(
        span.start <= span.end
            && span.end <= text.len()
            && text.is_char_boundary(span.start)
            && text.is_char_boundary(span.end),
        "{what} span {span:?} is off the text or a character boundary"
    );
}

/// A story through extraction and resolution: every span on the text, quotes in order.
pub fn story(bytes: &[u8]) {
    story_as(bytes, StoryFormat::Text);
}

/// An HTML page through the front end, extraction and resolution (see [`story_as`]).
pub fn story_html(bytes: &[u8]) {
    story_as(bytes, StoryFormat::Html);
}

/// A Markdown draft through the front end, extraction and resolution (see [`story_as`]).
pub fn story_markdown(bytes: &[u8]) {
    story_as(bytes, StoryFormat::Markdown);
}

/// A story read as `format` through extraction and resolution: every span on
/// the text, quotes in order, every reported position on the original file;
/// for plain text, the reported span is the quote's text itself.
pub fn story_as(bytes: &[u8], format: StoryFormat) {
    let Ok(document) = decode("fuzz".into(), bytes.to_vec(), format) else {
        return;
    };
    let text = document.text.clone();
    let original = document.original().to_string();
    let options = ExtractOptions {
        reported_speech: true,
    };
    let checked = extract_document_with(document, None, options);
    let mut previous_end = 0;
    for quote in &checked.quotes {
        assert_span(&text, quote.quote.span, "quote");
        // Quotations never overlap; reported speech may hold one.
        if quote.quote.kind != QuoteKind::Indirect {
            assert!(quote.quote.span.start >= previous_end, "quotes overlap");
            previous_end = quote.quote.span.end;
        }
        if let Some(cue) = quote.quote.cue {
            assert_span(&text, cue, "cue");
        }
        if let Some(mention) = quote.quote.mention {
            assert_span(&text, mention.span, "mention");
        }
    }
    for warning in &checked.warnings {
        assert_span(&text, warning.span(), "warning");
    }
    let report = Reporter::new(None).file(&checked);
    for quote in &report.quotes {
        let span = Span::new(quote.span.start, quote.span.end);
        assert_span(&original, span, "reported quote");
        if format == StoryFormat::Text {
            assert_eq!(span.slice(&original), quote.text);
        }
    }
}

/// Corpus text through the loader: either a corpus or located errors, never a panic.
pub fn corpus(bytes: &[u8]) {
    let Ok(text) = std::str::from_utf8(bytes) else {
        return;
    };
    if let Err(errors) = load_texts(vec![("fuzz.yaml".into(), text.to_string())]) {
        assert!(!errors.is_empty());
        for error in errors {
            let _ = error.to_string();
        }
    }
}

/// The shipped corpus and its index, loaded once.
fn shipped() -> &'static (Corpus, CorpusIndex) {
    static SHIPPED: OnceLock<(Corpus, CorpusIndex)> = OnceLock::new();
    SHIPPED.get_or_init(|| {
        let dir = std::path::PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/corpus"));
        let corpus = load_corpus(&[dir]).unwrap_or_default();
        let index = CorpusIndex::build(&corpus, &|_| {});
        (corpus, index)
    })
}

/// A quotation (first line: a speaker name, the rest: the quote) judged
/// against the shipped corpus, and a story made of it checked in full.
pub fn matcher(bytes: &[u8]) {
    let Ok(text) = std::str::from_utf8(bytes) else {
        return;
    };
    let (corpus, index) = shipped();
    let matcher = Matcher::new(corpus, index);
    let (speaker, quote) = text.split_once('\n').unwrap_or(("", text));
    let resolved = resolve_given_name(speaker, corpus, crate::extract::lexicon::Lexicon::builtin());
    let verdict = matcher.judge(quote, 0, Some(&resolved));
    if let Some(evidence) = &verdict.evidence {
        let statement = evidence.text(corpus);
        assert_span(&statement, evidence.alignment.excerpt, "excerpt");
        for edit in &evidence.alignment.edits {
            if let Some(span) = edit.quote {
                assert_span(quote, span, "edit in the quote");
            }
            if let Some(span) = edit.statement {
                assert_span(&statement, span, "edit in the statement");
            }
        }
    }
    let checked = check_document(Document::from_text("fuzz.txt", text), corpus, &matcher);
    let _ = Reporter::new(Some(corpus)).file(&checked);
}
