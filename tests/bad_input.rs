//! Hostile and broken input: each gets a clear message and exit 2, or a
//! best-effort result, within a time bound (a watchdog kills a run that
//! exceeds it). The inputs are generated here, not stored.

use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

mod common;
use common::Scratch;

/// No run on these inputs may take longer (debug build, shared 2-core machine).
const WATCHDOG: Duration = Duration::from_secs(60);

/// Asserts that a run exited 2 with `expected` in its message.
fn assert_refused(run: &Run, expected: &str) {
    assert_eq!(run.code, 2, "{}", run.stderr);
    assert!(run.stderr.contains(expected), "{}", run.stderr);
}

struct Run {
    code: i32,
    stdout: String,
    stderr: String,
}

fn quoth(args: &[&str]) -> Run {
    let mut child = Command::new(env!("CARGO_BIN_EXE_quoth"))
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .env("NO_COLOR", "1")
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("quoth runs");
    // Drain the pipes on threads so a large output cannot block the child.
    let mut out = child.stdout.take().unwrap();
    let mut err = child.stderr.take().unwrap();
    let out = std::thread::spawn(move || {
        let mut s = String::new();
        std::io::Read::read_to_string(&mut out, &mut s).ok();
        s
    });
    let err = std::thread::spawn(move || {
        let mut s = String::new();
        std::io::Read::read_to_string(&mut err, &mut s).ok();
        s
    });
    let start = Instant::now();
    let code = loop {
        if let Some(status) = child.try_wait().unwrap() {
            break status.code().unwrap_or(-1);
        }
        if start.elapsed() > WATCHDOG {
            child.kill().ok();
            panic!("quoth {args:?} ran longer than {WATCHDOG:?}");
        }
        std::thread::sleep(Duration::from_millis(20));
    };
    Run {
        code,
        stdout: out.join().unwrap(),
        stderr: err.join().unwrap(),
    }
}

#[test]
fn broken_stories_get_a_message_or_a_best_effort_report() {
    let s = Scratch::new("stories");
    let binary = s.write("binary.txt", [0u8, 1, 2, 3, 0, 159, 146, 150].repeat(100));
    let run = quoth(&["extract", &binary]);
    assert_refused(&run, "binary.txt: binary file (NUL bytes), not a story");

    let latin1 = s.write("latin1.txt", b"caf\xe9 \"au lait\"\n");
    let run = quoth(&["extract", &latin1]);
    assert_refused(&run, "latin1.txt:1:4: not UTF-8 text");

    let empty = s.write("empty.txt", "");
    let run = quoth(&["extract", &empty, "--format", "jsonl"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(run.stdout.contains("\"quotes\":[]"));

    // 100 MB on one line: over the default bound, refused at once; the bound can be raised.
    let huge = s.write("huge.txt", "a".repeat(100 * 1024 * 1024));
    let run = quoth(&["extract", &huge]);
    assert_refused(
        &run,
        "huge.txt: story is 101 MB, larger than the 32 MB limit",
    );
    let run = quoth(&[
        "extract",
        &huge,
        "--max-story-mb",
        "128",
        "--format",
        "jsonl",
    ]);
    assert_eq!(run.code, 0, "{}", run.stderr);
}

#[test]
fn pathological_quotation_marks_finish_with_spans_on_boundaries() {
    let s = Scratch::new("marks");
    let nested = s.write(
        "nested.txt",
        format!("He said {}x{}\n", "“‘".repeat(10_000), "’”".repeat(10_000)),
    );
    let unbalanced = s.write("unbalanced.txt", "\"a ".repeat(1_000_000));
    let singles = s.write("singles.txt", "'a ".repeat(1_000_000));
    let mixed = s.write("mixed.txt", "“é’ «x» „y“ 「z」 '' \" ".repeat(100_000));
    for path in [&nested, &unbalanced, &singles, &mixed] {
        // Plain text: the span is the quote's words exactly.
        extract_with_spans_on_the_file(path, true);
    }
}

/// Extracts the story at `path` (within the watchdog) and checks that every
/// quote's span lies on the file, on character boundaries, and, when
/// `exact`, holds the quote's text.
fn extract_with_spans_on_the_file(path: &str, exact: bool) {
    let run = quoth(&["extract", path, "--format", "jsonl"]);
    assert_eq!(run.code, 0, "{path}: {}", run.stderr);
    let text = std::fs::read_to_string(path).unwrap();
    let report: serde_json::Value = serde_json::from_str(run.stdout.trim()).unwrap();
    for quote in report["quotes"].as_array().unwrap() {
        let (start, end) = (
            quote["span"]["start"].as_u64().unwrap() as usize,
            quote["span"]["end"].as_u64().unwrap() as usize,
        );
        let slice = text.get(start..end);
        assert!(slice.is_some(), "{path}: span {start}..{end}");
        if exact {
            assert_eq!(slice, quote["text"].as_str(), "{path}: span {start}..{end}");
        }
    }
}

#[test]
fn hostile_markup_finishes_with_spans_on_the_file() {
    let s = Scratch::new("markup");
    let deep = s.write(
        "deep.html",
        format!(
            "{}<q>deep</q>{}",
            "<div><blockquote>".repeat(100_000),
            "</blockquote></div>".repeat(100_000)
        ),
    );
    let unclosed = s.write("unclosed.html", "<q>a <p>\"b ".repeat(200_000));
    let entities = s.write(
        "entities.html",
        "<p>&quot;a&amp;&#x27;&bogus;&#99999999;&".repeat(200_000),
    );
    let quotes = s.write("quotes.md", "> ".repeat(50_000) + "\"deep\" he said\n");
    let mixed = s.write("mixed.md", "> \"a\n>\n```\n\"b\n".repeat(100_000));
    for path in [&deep, &unclosed, &entities, &quotes, &mixed] {
        // Markup: the span holds the words as written, references and markers included.
        extract_with_spans_on_the_file(path, false);
    }
}

#[test]
fn reported_speech_in_a_sentence_that_never_ends_is_linear() {
    let s = Scratch::new("reported");
    let stories = [
        (
            "reports.txt",
            "he said that the plan would work and she said it would fail ".repeat(50_000),
        ),
        (
            "tag.txt",
            format!("According to him, {}done.", "x, ".repeat(300_000)),
        ),
        // Reports that each end at a semicolon: none holds another.
        ("separate.txt", "he said it works; ".repeat(100_000)),
        ("tags.txt", "A, he said, B, ".repeat(100_000)),
        // Participles after a quotation's tag, `as` tags and questions put.
        (
            "participles.txt",
            format!(
                "\"We act,\" Clinton said{}.",
                ", referring to the plan".repeat(100_000)
            ),
        ),
        (
            "questions.txt",
            "However, as Reuters reported, when asked about it, the deal is done, ".repeat(50_000),
        ),
        // Described sources, passives with agents, expectations, names given
        // and abbreviations before commas, each without end.
        (
            "described.txt",
            "x, a wide array of economists say; people close to him said, ".repeat(50_000),
        ),
        (
            "passives.txt",
            "it was first reported by Politico and is expected to be called it a ".repeat(50_000),
        ),
        (
            "abbreviations.txt",
            "Sanders (Vt.) of Huntsville, Ala., \"said so,\" referring to ".repeat(50_000),
        ),
        // A headline label with a kicker and an addressee, polls opening
        // sentences, findings and things called, each without end.
        (
            "labels.txt",
            format!(
                "EXCLUSIVE – Clinton to Planned Parenthood: {}",
                "No Outside Influence, ".repeat(100_000)
            ),
        ),
        (
            "polls.txt",
            format!(
                "In a CNN/ORC poll, conducted {}Trump leads.",
                "in May and ".repeat(100_000)
            ),
        ),
        (
            "findings.txt",
            "a study by the council found polls show him called it divisive, ".repeat(50_000),
        ),
    ];
    for (name, text) in stories {
        let path = &s.write(name, text);
        let run = quoth(&["extract", path, "--format", "jsonl", "--reported-speech"]);
        assert_eq!(run.code, 0, "{path}: {}", run.stderr);
    }
}

fn speakers_yaml() -> &'static str {
    "speakers:\n  - id: ann\n    name: Ann Lee\n    kind: person\n"
}

fn source_yaml(id: usize) -> String {
    format!(
        "sources:\n  - id: s{id}\n    title: Talk {id}\n    url: https://example.org/{id}\n    date: 2021-03-16\n    kind: speech\n    statements:\n      - id: st{id}\n        speakers: [ann]\n        text: Statement number {id}.\n"
    )
}

#[test]
fn hostile_corpus_files_are_refused_with_their_position() {
    let mut bomb = String::from("sources:\n  - &a [x, x, x, x, x, x, x, x, x]\n");
    for (prev, name) in "abcdefghij".chars().zip("bcdefghijk".chars()) {
        let refs = vec![format!("*{prev}"); 9].join(", ");
        bomb.push_str(&format!("  - &{name} [{refs}]\n"));
    }
    let deep = format!("speakers: {}{}\n", "[".repeat(100_000), "]".repeat(100_000));
    let types = "speakers:\n  - id: 42\n    name: [not, a, name]\n    kind: robot\n".to_string();
    let cases = [
        (
            "bomb",
            "bomb.yaml",
            bomb,
            "bomb.yaml:2:5: sources[0]: invalid type: sequence",
        ),
        (
            "deep",
            "deep.yaml",
            deep,
            "deep.yaml:1:75: nesting deeper than 64 levels",
        ),
        (
            "types",
            "types.yaml",
            types,
            "types.yaml:3:11: speakers[0].name: invalid type: sequence",
        ),
    ];
    for (name, file, text, expected) in cases {
        let corpus = Scratch::new(name);
        corpus.write(file, text);
        let run = quoth(&["corpus", "validate", corpus.path().to_str().unwrap()]);
        assert_refused(&run, expected);
    }
}

#[test]
fn one_broken_file_among_a_thousand_is_named_and_nothing_is_loaded() {
    let corpus = Scratch::new("thousand");
    corpus.write("speakers.yaml", speakers_yaml());
    for i in 0..1000 {
        let mut text = source_yaml(i);
        if i == 617 {
            text = text.replace("date: 2021-03-16", "date: 16 March 2021");
        }
        corpus.write(&format!("sources/talk-{i:04}.yaml"), text);
    }
    let dir = corpus.path().to_str().unwrap();
    let run = quoth(&["corpus", "validate", dir]);
    assert_refused(
        &run,
        "talk-0617.yaml:2:5: sources[0]: bad date \"16 March 2021\"",
    );
    assert!(run.stderr.contains("corpus not loaded: 1 error"));
    let story = corpus.write("story.txt", "\"Statement number 5,\" Ann Lee said.\n");
    let run = quoth(&["check", &story, "--corpus", dir]);
    assert_eq!(run.code, 2);
    assert!(run.stdout.is_empty());
}
