//! Sources in: `quoth corpus import` on realistic transcripts, a
//! Quotebank-shaped file and a CSV (malformed lines included), and
//! `quoth corpus add`. Each import is loaded back and checked against.

use std::path::Path;
use std::process::{Command, Output, Stdio};

mod common;
use common::Scratch;

const FIXTURES: &str = "tests/fixtures/import";
const DEBATE_URL: &str = "http://www.presidency.ucsb.edu/ws/index.php?pid=118971";

fn quoth(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_quoth"))
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .env("NO_COLOR", "1")
        .stdin(Stdio::null())
        .output()
        .expect("quoth runs")
}

fn stdout(output: &Output) -> String {
    String::from_utf8_lossy(&output.stdout).into_owned()
}

fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

fn fixture(name: &str) -> String {
    format!("{FIXTURES}/{name}")
}

/// A corpus folder that already knows Donald Trump (with an alias).
fn corpus_with_trump(scratch: &Scratch) -> String {
    scratch.write(
        "corpus/speakers.yaml",
        "speakers:\n  - id: donald-trump\n    name: Donald Trump\n    kind: person\n    aliases: [Donald J. Trump]\n",
    );
    scratch.path().join("corpus").display().to_string()
}

/// The verdict `quoth verify` gives `quote` as `speaker`'s against `corpus`.
fn verdict(corpus: &str, quote: &str, speaker: &str) -> String {
    let output = quoth(&[
        "verify",
        quote,
        "--speaker",
        speaker,
        "--corpus",
        corpus,
        "--format",
        "json",
    ]);
    let json: serde_json::Value = serde_json::from_slice(&output.stdout).expect("JSON");
    json[0]["verdict"]["kind"]
        .as_str()
        .unwrap_or("none")
        .to_string()
}

/// `quoth corpus import FILE --format FORMAT --corpus CORPUS EXTRA…`.
fn import(file: &str, format: &str, corpus: &str, extra: &[&str]) -> Output {
    let mut args = vec![
        "corpus", "import", file, "--format", format, "--corpus", corpus,
    ];
    args.extend_from_slice(extra);
    quoth(&args)
}

fn validates(corpus: &str) {
    let output = quoth(&["corpus", "validate", corpus]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
}

#[test]
fn a_transcript_in_capitals_maps_labels_to_speakers() {
    let scratch = Scratch::new("transcript");
    let corpus = corpus_with_trump(&scratch);
    let output = import(
        &fixture("debate-2016-09-26-excerpt.txt"),
        "transcript",
        &corpus,
        &[
            "--date",
            "2016-09-26",
            "--url",
            DEBATE_URL,
            "--title",
            "Presidential Debate at Hofstra University",
        ],
    );
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    assert_eq!(
        stdout(&output),
        format!(
            "{corpus}/imported/debate-2016-09-26-excerpt.yaml: 6 statements in 1 source imported, \
             1 new speaker, 0 duplicates skipped, 0 lines with errors\n"
        )
    );
    validates(&corpus);
    let written =
        std::fs::read_to_string(Path::new(&corpus).join("imported/debate-2016-09-26-excerpt.yaml"))
            .unwrap();
    // TRUMP is the corpus's Donald Trump; CLINTON is new; the stage
    // directions and the empty turn are gone; a hard-wrapped paragraph is one statement.
    assert!(
        written.contains("speakers:\n- id: clinton\n  name: Clinton\n"),
        "{written}"
    );
    assert!(
        !written.contains("APPLAUSE")
            && !written.contains("LAUGHTER")
            && !written.contains("CROSSTALK")
    );
    assert_eq!(written.matches("- donald-trump").count(), 3, "{written}");
    assert_eq!(
        verdict(
            &corpus,
            "You look at what China is doing to our country in terms of making our product.",
            "Donald Trump"
        ),
        "verbatim"
    );
}

#[test]
fn transcription_service_and_question_answer_transcripts() {
    let scratch = Scratch::new("turns");
    let corpus = corpus_with_trump(&scratch);
    let output = import(
        &fixture("debate-2016-09-26-rev.txt"),
        "transcript",
        &corpus,
        &["--date", "2016-09-26"],
    );
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    assert!(
        stdout(&output).contains("3 statements in 1 source imported, 1 new speaker"),
        "{}",
        stdout(&output)
    );

    let output = import(
        &fixture("q-a-turns.txt"),
        "transcript",
        &corpus,
        &["--date", "2016-09-26", "--speaker-map", "A=donald-trump"],
    );
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    assert_eq!(
        stdout(&output),
        format!(
            "{corpus}/imported/q-a-turns.yaml: 2 statements in 1 source imported, 0 new speakers, \
             0 duplicates skipped, 0 lines with errors, 2 question turns left out (map them with --speaker-map Q=NAME)\n"
        )
    );
    validates(&corpus);

    // Without a date, nothing can be dated: every statement is reported, nothing written.
    let output = import(
        &fixture("debate-2016-09-26-excerpt.txt"),
        "transcript",
        &scratch.path().join("undated").display().to_string(),
        &[],
    );
    assert_eq!(output.status.code(), Some(2));
    assert!(
        stderr(&output).contains(
            "debate-2016-09-26-excerpt.txt:4: no date: give one in the input or with --date"
        ),
        "{}",
        stderr(&output)
    );
    assert!(!scratch.path().join("undated/imported").exists());
}

#[test]
fn a_quotebank_file_with_malformed_lines() {
    let scratch = Scratch::new("quotebank");
    let corpus = corpus_with_trump(&scratch);
    let output = import(
        &fixture("quotebank-2016-09-26.jsonl"),
        "quotebank",
        &corpus,
        &[],
    );
    assert_eq!(
        output.status.code(),
        Some(2),
        "bad lines make the run exit 2"
    );
    let errors = stderr(&output);
    assert!(
        errors.contains("quotebank-2016-09-26.jsonl:4: no speaker (Quotebank gives \"None\")"),
        "{errors}"
    );
    assert!(
        errors.contains("quotebank-2016-09-26.jsonl:6: not a Quotebank quotation"),
        "{errors}"
    );
    assert!(
        stdout(&output).contains("7 statements in 2 sources imported, 1 new speaker, 1 duplicate skipped, 2 lines with errors"),
        "{}",
        stdout(&output)
    );
    validates(&corpus);
    let written =
        std::fs::read_to_string(Path::new(&corpus).join("imported/quotebank-2016-09-26.yaml"))
            .unwrap();
    assert!(written.contains("provenance: secondary"));
    assert!(written.contains("id: qb-2016-09-26-000000"));
    assert!(written.contains("title: www.presidency.ucsb.edu (via Quotebank)"));
    assert_eq!(
        verdict(&corpus, "Our jobs are fleeing the country.", "Trump"),
        "verbatim"
    );
}

#[test]
fn a_csv_with_a_multi_line_field_and_bad_rows() {
    let scratch = Scratch::new("csv");
    let corpus = corpus_with_trump(&scratch);
    let output = import(&fixture("statements.csv"), "csv", &corpus, &[]);
    assert_eq!(output.status.code(), Some(2));
    let errors = stderr(&output);
    assert!(
        errors.contains("statements.csv:5: bad date \"26/09/2016\": expected YYYY-MM-DD"),
        "{errors}"
    );
    assert!(
        errors.contains("statements.csv:6: 2 fields where the header has 4"),
        "{errors}"
    );
    assert!(
        stdout(&output).contains("3 statements in 2 sources imported"),
        "{}",
        stdout(&output)
    );
    validates(&corpus);
    assert_eq!(
        verdict(
            &corpus,
            "Well, thank you, Lester, and thanks to Hofstra for hosting us.",
            "Hillary Clinton"
        ),
        "verbatim"
    );

    let missing = scratch.write("no-speaker.csv", "who,quote\nA,B\n");
    let output = import(&missing, "csv", &corpus, &[]);
    assert_eq!(output.status.code(), Some(2));
    assert!(
        stderr(&output)
            .contains("no-speaker.csv:1: the header has no speaker column (it names: who, quote)"),
        "{}",
        stderr(&output)
    );
}

#[test]
fn the_same_words_from_two_formats_are_imported_once() {
    let scratch = Scratch::new("duplicates");
    let corpus = corpus_with_trump(&scratch);
    let first = import(
        &fixture("quotebank-2016-09-26.jsonl"),
        "quotebank",
        &corpus,
        &[],
    );
    assert!(
        stdout(&first).contains("7 statements"),
        "{}",
        stdout(&first)
    );
    let second = import(
        &fixture("debate-2016-09-26-rev.txt"),
        "transcript",
        &corpus,
        &["--date", "2016-09-26"],
    );
    // Trump's first answer is already there, word for word.
    assert!(
        stdout(&second)
            .contains("2 statements in 1 source imported, 0 new speakers, 1 duplicate skipped"),
        "{}",
        stdout(&second)
    );
    // Importing a file again writes nothing and overwrites nothing.
    let before =
        std::fs::read(Path::new(&corpus).join("imported/quotebank-2016-09-26.yaml")).unwrap();
    let again = import(
        &fixture("quotebank-2016-09-26.jsonl"),
        "quotebank",
        &corpus,
        &[],
    );
    assert_eq!(again.status.code(), Some(2));
    assert!(stderr(&again).contains("nothing to import: no new valid statement in the input (8 already in the corpus, 2 lines with errors)"), "{}", stderr(&again));
    assert_eq!(
        std::fs::read(Path::new(&corpus).join("imported/quotebank-2016-09-26.yaml")).unwrap(),
        before
    );
}

#[test]
fn corpus_add_writes_one_statement_and_refuses_it_twice() {
    let scratch = Scratch::new("add");
    let corpus = corpus_with_trump(&scratch);
    let add = |text: &str| {
        quoth(&[
            "corpus",
            "add",
            text,
            "--speaker",
            "Donald J. Trump",
            "--date",
            "2016-09-26",
            "--url",
            DEBATE_URL,
            "--corpus",
            &corpus,
        ])
    };
    let output = add("I have a much better temperament than she has.");
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    assert_eq!(
        stdout(&output),
        format!("{corpus}/added/added-donald-j-trump-0001.yaml: statement added\n")
    );
    validates(&corpus);
    assert_eq!(
        verdict(
            &corpus,
            "I have a much better temperament than she has.",
            "Trump"
        ),
        "verbatim"
    );

    let output = add("I have a much better  temperament than she has");
    assert_eq!(output.status.code(), Some(2));
    assert!(
        stderr(&output).contains("the corpus already has this statement"),
        "{}",
        stderr(&output)
    );

    let output = quoth(&[
        "corpus",
        "add",
        "Words.",
        "--speaker",
        "X",
        "--date",
        "yesterday",
        "--corpus",
        &corpus,
    ]);
    assert_eq!(output.status.code(), Some(2));
    assert!(
        stderr(&output).contains("bad date \"yesterday\""),
        "{}",
        stderr(&output)
    );
}
