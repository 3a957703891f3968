//! Stories as they reach a fact-checker: web pages and Markdown drafts. The
//! quotes, speakers and verdicts match the plain-text story, and every
//! position points into the original file.

use std::process::Output;

use serde_json::Value;

mod common;
use common::{Scratch, quoth_with_stdin};

const TEXT: &str = "docs/examples/npr-2021-03-16-blinken-austin-tokyo.txt";
const PAGE: &str = "tests/fixtures/pages/npr-blinken-austin-tokyo.html";
const DRAFT: &str = "tests/fixtures/pages/draft-myanmar-envoy.md";

fn quoth(args: &[&str], stdin: Option<&[u8]>) -> Output {
    quoth_with_stdin(args, stdin)
}

fn report(args: &[&str], stdin: Option<&[u8]>) -> Value {
    let output = quoth(args, stdin);
    assert!(
        output.status.code().is_some_and(|c| c < 2),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    serde_json::from_slice(&output.stdout).expect("a JSON report")
}

/// What a quote comes to: its words, kind, speaker, verdict and statement.
fn findings(report: &Value) -> Vec<[String; 5]> {
    report["files"][0]["quotes"]
        .as_array()
        .unwrap()
        .iter()
        .map(|q| {
            let field = |v: &Value| v.as_str().unwrap_or("-").to_string();
            [
                field(&q["text"]),
                field(&q["kind"]),
                field(&q["speaker"]["name"]),
                field(&q["verdict"]["kind"]),
                field(&q["verdict"]["statement"]["id"]),
            ]
        })
        .collect()
}

/// The 1-based line and character column of byte `offset` of `text`.
fn line_column(text: &str, offset: usize) -> (u64, u64) {
    let before = &text[..offset];
    let line = before.matches('\n').count() + 1;
    let column = before[before.rfind('\n').map_or(0, |i| i + 1)..]
        .chars()
        .count()
        + 1;
    (line as u64, column as u64)
}

/// How the words at a reported span compare with the reported words.
#[derive(Clone, Copy, PartialEq)]
enum Slice {
    /// Byte for byte.
    Exact,
    /// Once line breaks and indentation are made single spaces.
    Reflowed,
    /// Not compared (Markdown block-quote markers lie inside the span).
    PositionOnly,
}

/// Every position of a quote (its span, its speaker's mention, its cue) as
/// the report gives it, checked against the original file.
fn assert_positions_in(original: &str, quote: &Value, compare: Slice) {
    let spans = [
        (&quote["span"], &quote["text"]),
        (
            &quote["speaker"]["mention_span"],
            &quote["speaker"]["mention"],
        ),
        (&quote["cue"]["span"], &quote["cue"]["text"]),
    ];
    for (span, words) in spans {
        if span.is_null() {
            continue;
        }
        let start = span["start"].as_u64().unwrap() as usize;
        let end = span["end"].as_u64().unwrap() as usize;
        let slice = original.get(start..end).expect("a span on the file");
        match compare {
            Slice::Exact => assert_eq!(slice, words.as_str().unwrap()),
            Slice::Reflowed => assert_eq!(
                slice.split_whitespace().collect::<Vec<_>>().join(" "),
                words.as_str().unwrap()
            ),
            Slice::PositionOnly => {}
        }
        let at = (
            span["line"].as_u64().unwrap(),
            span["column"].as_u64().unwrap(),
        );
        assert_eq!(at, line_column(original, start));
    }
}

#[test]
fn a_news_page_gives_the_quotes_and_verdicts_of_the_text() {
    let text = report(&["check", TEXT, "--format", "json"], None);
    let page = report(&["check", PAGE, "--format", "json"], None);
    assert_eq!(findings(&page), findings(&text));
    assert_eq!(findings(&page).len(), 5);

    // Every span, sliced out of the HTML file, is the reported text.
    let html = std::fs::read_to_string(PAGE).unwrap();
    for quote in page["files"][0]["quotes"].as_array().unwrap() {
        assert_positions_in(&html, quote, Slice::Exact);
    }
}

#[test]
fn page_furniture_is_not_read_as_the_story() {
    let output = quoth(&["extract", PAGE, "--format", "json"], None);
    let report: Value = serde_json::from_slice(&output.stdout).unwrap();
    let quotes: Vec<&str> = report["files"][0]["quotes"]
        .as_array()
        .unwrap()
        .iter()
        .map(|q| q["text"].as_str().unwrap())
        .collect();
    // The script's string, the style's content, the related link and the
    // share box all hold quotation marks; none is a quote of the story.
    for furniture in ["Not a quote", "The U.S. Is Back", "story"] {
        assert!(
            !quotes.contains(&furniture),
            "{furniture:?} read as a quote"
        );
    }
}

#[test]
fn a_markdown_draft_with_block_quotes_and_code() {
    let report = report(&["check", DRAFT, "--format", "json"], None);
    let found = findings(&report);
    let texts: Vec<&str> = found.iter().map(|f| f[0].as_str()).collect();
    assert_eq!(
        texts,
        [
            "It is time for the military to immediately relinquish power and release those detained,",
            "We will continue to fight for a government which is of the people, by the people, for the people.",
            "the strongest possible action",
        ],
        "the block quote is a quote; the code block is not"
    );
    assert_eq!(found[1][3], "verbatim");
    assert_eq!(found[1][2], "Kyaw Moe Tun");
    let markdown = std::fs::read_to_string(DRAFT).unwrap();
    let quotes = report["files"][0]["quotes"].as_array().unwrap();
    // A quote on one line of the draft slices out exactly, one over a line
    // break with the break; the block quote's span runs over its `> `
    // markers, so only its position is checked.
    assert_positions_in(&markdown, &quotes[0], Slice::Reflowed);
    assert_positions_in(&markdown, &quotes[1], Slice::PositionOnly);
    assert_positions_in(&markdown, &quotes[2], Slice::Exact);
}

#[test]
fn standard_input_takes_the_format_from_the_flag_and_a_bom_is_skipped() {
    let html = std::fs::read(PAGE).unwrap();
    let from_stdin = report(
        &["check", "-", "--story-format", "html", "--format", "json"],
        Some(&html),
    );
    let from_file = report(&["check", PAGE, "--format", "json"], None);
    assert_eq!(findings(&from_stdin), findings(&from_file));
    assert_eq!(from_stdin["files"][0]["file"], "<stdin>");

    let scratch = Scratch::new("bom");
    let mut with_bom = "\u{feff}".as_bytes().to_vec();
    with_bom.extend(std::fs::read(TEXT).unwrap());
    let story = scratch.write("bom.txt", &with_bom);
    let report = report(&["check", &story, "--format", "json"], None);
    assert_eq!(findings(&report), findings(&from_file));
    let original = String::from_utf8(with_bom).unwrap();
    for quote in report["files"][0]["quotes"].as_array().unwrap() {
        let start = quote["span"]["start"].as_u64().unwrap() as usize;
        let end = quote["span"]["end"].as_u64().unwrap() as usize;
        assert_eq!(&original[start..end], quote["text"].as_str().unwrap());
    }
}

#[test]
fn folders_hold_stories_of_every_format() {
    let scratch = Scratch::new("formats");
    scratch.write("a/page.html", std::fs::read(PAGE).unwrap());
    scratch.write("b/draft.md", std::fs::read(DRAFT).unwrap());
    scratch.write("c/story.txt", std::fs::read(TEXT).unwrap());
    scratch.write("c/notes.json", "{}");
    let report = report(
        &[
            "extract",
            scratch.path().to_str().unwrap(),
            "--format",
            "json",
        ],
        None,
    );
    let counts: Vec<(String, usize)> = report["files"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| {
            let name = f["file"].as_str().unwrap();
            let name = name.rsplit('/').next().unwrap().to_string();
            (name, f["quotes"].as_array().unwrap().len())
        })
        .collect();
    assert_eq!(
        counts,
        [
            ("page.html".to_string(), 5),
            ("draft.md".to_string(), 3),
            ("story.txt".to_string(), 5)
        ]
    );
}

#[test]
fn the_html_report_of_a_page_keeps_its_paragraphs() {
    let output = quoth(&["check", PAGE, "--format", "html"], None);
    let page = String::from_utf8(output.stdout).unwrap();
    assert!(page.contains(
        "<p>In Tokyo, Blinken And Austin Work To Revive Asian Alliance To Counter China</p>"
    ));
    assert!(page.contains(
        "<p>Secretary Austin and Japan's Defense Minister Nobuo Kishi expressed concern"
    ));
    assert!(
        !page.contains("Play Live Radio"),
        "navigation is not part of the story"
    );
    assert!(
        !page.contains("Kazuhiro Nogi AP"),
        "captions are not part of the story"
    );
    assert_eq!(page.matches("<a class=\"q\"").count(), 5);
}

fn snapshot(name: &str, value: &str) {
    insta::with_settings!({snapshot_path => "../snapshots", prepend_module_to_snapshot => false}, {
        insta::assert_snapshot!(name, value);
    });
}

#[test]
fn check_the_news_page_and_the_draft_human() {
    for (name, story) in [
        ("check_news_page_human", PAGE),
        ("check_markdown_draft_human", DRAFT),
    ] {
        let output = quoth(&["check", story], None);
        snapshot(name, &String::from_utf8(output.stdout).unwrap());
    }
}
