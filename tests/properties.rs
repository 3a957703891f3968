//! Properties that hold for any story: spans are inside the text and on
//! character boundaries, slicing there gives the reported words, quotes never
//! overlap, and a check gives the same report twice.

use proptest::prelude::*;
use quoth::corpus::load_corpus;
use quoth::load::Document;
use quoth::matcher::{CorpusIndex, Matcher};
use quoth::pipeline::{check_document, extract_document};
use quoth::report::Reporter;

/// Story fragments: words, names, speech verbs, every quotation mark, punctuation,
/// multi-byte characters and line breaks, in any order.
fn fragment() -> impl Strategy<Value = &'static str> {
    prop::sample::select(vec![
        "said",
        "told",
        "promised",
        "according to",
        "Blinken",
        "Kim Yo Jong",
        "he",
        "It",
        "the",
        "joint statement",
        "Mr.",
        "U.S.",
        "We",
        "will",
        "push",
        "back",
        "China",
        "é",
        "日本",
        "👍",
        "\"",
        "\"",
        "''",
        "“",
        "”",
        "‘",
        "’",
        "'",
        "«",
        "»",
        "„",
        "‚",
        "「",
        "」",
        "[",
        "]",
        "...",
        "…",
        ",",
        ".",
        ":",
        "—",
        "?",
        "!",
        " ",
        " ",
        " ",
        "\n",
        "\n\n",
        "\r\n",
    ])
}

fn story() -> impl Strategy<Value = String> {
    prop::collection::vec(fragment(), 0..120).prop_map(|parts| parts.join(" "))
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 300, .. ProptestConfig::default() })]

    #[test]
    fn spans_are_inside_on_boundaries_and_direct_quotes_never_overlap(text in story()) {
        let checked = extract_document(Document::from_text("story.txt", text.clone()), None);
        let mut previous_end = 0;
        for quote in &checked.quotes {
            let span = quote.quote.span;
            prop_assert!(span.end <= text.len() && text.is_char_boundary(span.start) && text.is_char_boundary(span.end));
            prop_assert!(span.start >= previous_end, "quotes overlap at {}", span.start);
            previous_end = span.end;
            for other in quote.quote.cue.iter().chain(quote.quote.mention.iter().map(|m| &m.span)) {
                prop_assert!(other.end <= text.len() && text.is_char_boundary(other.start) && text.is_char_boundary(other.end));
            }
        }
        let report = Reporter::new(None).file(&checked);
        for quote in &report.quotes {
            prop_assert_eq!(text.get(quote.span.start..quote.span.end), Some(quote.text.as_str()));
        }
    }

    #[test]
    fn a_check_gives_the_same_report_twice(text in story()) {
        let corpus = load_corpus(&[std::path::PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/corpus"))]).unwrap();
        let index = CorpusIndex::build(&corpus, &|_| {});
        let matcher = Matcher::new(&corpus, &index);
        let reporter = Reporter::new(Some(&corpus));
        let run = || {
            let checked = check_document(Document::from_text("story.txt", text.clone()), &corpus, &matcher);
            serde_json::to_string(&reporter.file(&checked)).unwrap()
        };
        prop_assert_eq!(run(), run());
    }
}
