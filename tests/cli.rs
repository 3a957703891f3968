//! End-to-end tests: the real `quoth` binary on real text.

use std::path::Path;
use std::process::{Command, Output, Stdio};

use serde_json::Value;

mod common;
use common::{Scratch, quoth_with_stdin};

const STORY: &str = "docs/examples/npr-2021-03-16-blinken-austin-tokyo.txt";

fn quoth(args: &[&str]) -> Output {
    quoth_with_stdin(args, None)
}

fn stdout(output: &Output) -> String {
    String::from_utf8(output.stdout.clone()).unwrap()
}

fn stderr(output: &Output) -> String {
    String::from_utf8(output.stderr.clone()).unwrap()
}

fn json(output: &Output) -> Value {
    serde_json::from_slice(&output.stdout).expect("valid JSON")
}

fn snapshot(name: &str, value: &str) {
    insta::with_settings!({snapshot_path => "../snapshots", prepend_module_to_snapshot => false}, {
        insta::assert_snapshot!(name, value);
    });
}

#[test]
fn check_the_tokyo_story_human() {
    let output = quoth(&["check", STORY]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    snapshot("check_tokyo_human", &stdout(&output));
}

#[test]
fn check_the_tokyo_story_json() {
    let output = quoth(&["check", STORY, "--format", "json"]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    snapshot("check_tokyo_json", &stdout(&output));
}

#[test]
fn check_the_tokyo_story_with_reported_speech_human() {
    let output = quoth(&["check", STORY, "--reported-speech"]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    snapshot("check_tokyo_reported_human", &stdout(&output));
}

#[test]
fn extract_the_tokyo_story_human() {
    let output = quoth(&["extract", STORY]);
    assert_eq!(output.status.code(), Some(0));
    snapshot("extract_tokyo_human", &stdout(&output));
}

/// What a fact-checker must read in the report of the Tokyo story.
#[test]
fn the_tokyo_story_reads_as_a_fact_checker_expects() {
    let report = json(&quoth(&["check", STORY, "--format", "json"]));
    let quotes = report["files"][0]["quotes"].as_array().unwrap();
    let text = std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join(STORY)).unwrap();
    // Every quoted span of the story, and nothing from the navigation lines.
    let marks = text.matches('"').count();
    assert_eq!(quotes.len(), marks / 2);
    for q in quotes {
        let span = &q["span"];
        let (start, end) = (
            span["start"].as_u64().unwrap() as usize,
            span["end"].as_u64().unwrap() as usize,
        );
        assert_eq!(&text[start..end], q["text"].as_str().unwrap());
        assert!(
            span["line"].as_u64().unwrap() > 4,
            "navigation lines produce nothing"
        );
    }
    let find = |words: &str| {
        quotes
            .iter()
            .find(|q| q["text"].as_str().unwrap().starts_with(words))
            .unwrap()
    };

    let behavior = find("China's behavior");
    assert_eq!(behavior["speaker"]["mention"], "A joint statement");
    assert_eq!(behavior["verdict"]["kind"], "verbatim");
    assert_eq!(behavior["verdict"]["statement"]["id"], "scc-04");
    assert_eq!(behavior["verdict"]["joint"], true);

    let committed = find("committed to opposing");
    assert_eq!(committed["speaker"]["mention"], "It");
    assert_eq!(committed["speaker"]["resolved_by"], "pronoun");
    assert_eq!(committed["speaker"]["name"], behavior["speaker"]["name"]);
    assert_eq!(committed["verdict"]["kind"], "verbatim");

    let nuclear = find("through the full range");
    assert_eq!(nuclear["kind"], "partial");
    assert_eq!(nuclear["speaker"]["corpus_id"], "antony-blinken");
    assert_eq!(nuclear["verdict"]["joint"], true);
    assert_eq!(
        nuclear["verdict"]["statement"]["source"]["kind"],
        "press-release"
    );
    let note = nuclear["verdict"]["note"].as_str().unwrap();
    assert!(note.contains("written statement issued jointly"), "{note}");

    let back = find("America is back");
    assert_eq!(back["kind"], "term");
    assert!(back["verdict"].is_null());

    let sleep = find("keep it from getting");
    assert_eq!(sleep["speaker"]["corpus_id"], "kim-yo-jong");
    assert_eq!(sleep["verdict"]["kind"], "not-found");
    assert_eq!(
        sleep["verdict"]["statement"]["speaker_ids"][0],
        "kim-yo-jong"
    );
}

#[test]
fn a_changed_word_is_altered_and_fails_the_check() {
    let output = quoth(&[
        "check",
        "tests/fixtures/coercion-or-aggression.txt",
        "--format",
        "json",
    ]);
    assert_eq!(output.status.code(), Some(1), "{}", stderr(&output));
    let report = json(&output);
    let quotes = report["files"][0]["quotes"].as_array().unwrap();
    let push_back = &quotes[0]["verdict"];
    assert_eq!(push_back["kind"], "altered");
    assert_eq!(push_back["diff"][0]["op"], "replace");
    assert_eq!(push_back["diff"][0]["quote"], "or");
    assert_eq!(push_back["diff"][0]["statement"], "and");
    // Motegi's words put in Austin's mouth.
    let status_quo = &quotes[1]["verdict"];
    assert_eq!(quotes[1]["speaker"]["name"], "Lloyd Austin");
    assert_eq!(status_quo["kind"], "misattributed");
    assert_eq!(
        status_quo["statement"]["speaker_ids"][0],
        "toshimitsu-motegi"
    );
    snapshot(
        "check_altered_and_misattributed_human",
        &stdout(&quoth(&[
            "check",
            "tests/fixtures/coercion-or-aggression.txt",
        ])),
    );
}

#[test]
fn the_html_report_is_one_self_contained_page() {
    let output = quoth(&["check", STORY, "--format", "html"]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let page = stdout(&output);
    assert!(page.starts_with("<!DOCTYPE html>"));
    // Nothing is fetched: no external scripts, styles, images, fonts or frames.
    for fetch in [
        "<script src",
        "<link",
        "<img",
        "url(",
        "@import",
        "<iframe",
        "<object",
    ] {
        assert!(!page.contains(fetch), "the page fetches with {fetch}");
    }
    // Every quotation of the story is a highlighted link to its finding.
    let report = json(&quoth(&["check", STORY, "--format", "json"]));
    let quotes = report["files"][0]["quotes"].as_array().unwrap();
    assert_eq!(page.matches("<a class=\"q\"").count(), quotes.len());
    for (i, quote) in quotes.iter().enumerate() {
        let verdict = quote["verdict"]["kind"].as_str().unwrap_or("term");
        let link = format!(
            "href=\"#d-1-{}\" data-quote=\"1-{}\" data-verdict=\"{verdict}\"",
            i + 1,
            i + 1
        );
        assert!(
            page.contains(&link),
            "quote {} is highlighted as {verdict}",
            i + 1
        );
        assert!(page.contains(&format!("<article class=\"finding\" id=\"d-1-{}\"", i + 1)));
    }
    // The same run gives the same bytes.
    assert_eq!(
        quoth(&["check", STORY, "--format", "html"]).stdout,
        output.stdout
    );
}

#[test]
fn the_html_report_shows_the_word_diff_of_an_altered_quote() {
    let output = quoth(&[
        "check",
        "tests/fixtures/coercion-or-aggression.txt",
        "--format",
        "html",
    ]);
    assert_eq!(output.status.code(), Some(1), "{}", stderr(&output));
    let page = stdout(&output);
    assert!(page.contains("<span class=\"sym\" aria-hidden=\"true\">✗</span> altered"));
    assert!(
        page.contains("<span class=\"sr\">[removed: </span>and<span class=\"sr\">]</span></del>")
    );
    assert!(
        page.contains("<ins><span class=\"sr\">[added: </span>or<span class=\"sr\">]</span></ins>")
    );
    assert!(
        page.contains("Said by <code>"),
        "the misattributed quote names who said it"
    );
}

#[test]
fn fail_on_sets_the_exit_code() {
    let strict = quoth(&["check", STORY, "--fail-on", "not-found"]);
    assert_eq!(strict.status.code(), Some(1));
    let lenient = quoth(&[
        "check",
        "tests/fixtures/coercion-or-aggression.txt",
        "--fail-on",
        "misattributed",
    ]);
    assert_eq!(lenient.status.code(), Some(1));
    let ok = quoth(&["check", STORY, "--fail-on", "altered"]);
    assert_eq!(ok.status.code(), Some(0));
}

#[test]
fn extract_jsonl_is_one_versioned_object_per_file() {
    let output = quoth(&[
        "extract",
        STORY,
        "tests/fixtures/coercion-or-aggression.txt",
        "--format",
        "jsonl",
    ]);
    assert_eq!(output.status.code(), Some(0));
    let lines: Vec<Value> = stdout(&output)
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(lines.len(), 2);
    assert_eq!(lines[0]["schema_version"], 1);
    assert_eq!(lines[0]["file"], STORY);
    assert!(lines[0]["quotes"][0].get("verdict").is_none());
}

#[test]
fn stories_from_standard_input() {
    let story = "\"We will push back, if necessary, when China uses coercion and aggression to get its way,\" Blinken said.";
    let output = quoth_with_stdin(&["check", "-", "--format", "json"], Some(story.as_bytes()));
    assert_eq!(output.status.code(), Some(0));
    let report = json(&output);
    assert_eq!(report["files"][0]["file"], "<stdin>");
    assert_eq!(
        report["files"][0]["quotes"][0]["verdict"]["kind"],
        "verbatim"
    );
}

#[test]
fn bad_stories_are_named_and_the_rest_still_checked() {
    let scratch = Scratch::new("bad-stories");
    let latin1 = scratch.write("latin1.txt", b"Le ministre a dit \xabnon\xbb.\n");
    let empty_dir = scratch.path().join("empty");
    std::fs::create_dir_all(&empty_dir).unwrap();
    let empty_dir = empty_dir.display().to_string();
    let output = quoth(&[
        "check",
        "missing.txt",
        &latin1,
        &empty_dir,
        STORY,
        "--format",
        "json",
    ]);
    assert_eq!(output.status.code(), Some(2));
    let err = stderr(&output);
    assert!(err.contains("missing.txt: cannot read"), "{err}");
    assert!(err.contains("latin1.txt:1:19: not UTF-8 text"), "{err}");
    assert!(err.contains("empty: no stories in this folder"), "{err}");
    let report = json(&output);
    assert_eq!(report["files"].as_array().unwrap().len(), 1);
    assert_eq!(report["errors"].as_array().unwrap().len(), 3);
}

#[test]
fn corpus_errors_are_located_and_nothing_is_loaded() {
    let scratch = Scratch::new("bad-corpus");
    scratch.write(
        "speakers.yaml",
        "speakers:\n  - id: ann\n    name: Ann Lee\n    kind: person\n",
    );
    scratch.write(
        "sources/talk.yaml",
        "sources:\n  - id: talk\n    title: A talk\n    url: https://example.org/talk\n    date: 2021-03-16\n    kind: speech\n    statements:\n      - id: t1\n        speakers: [ann, bob]\n        text: We will win.\n",
    );
    let dir = scratch.path().display().to_string();
    let output = quoth(&["corpus", "validate", &dir]);
    assert_eq!(output.status.code(), Some(2));
    let err = stderr(&output);
    assert!(
        err.contains("talk.yaml:9:19: sources[0].statements[0].speakers: unknown speaker \"bob\""),
        "{err}"
    );
    let check = quoth(&["check", STORY, "--corpus", &dir]);
    assert_eq!(check.status.code(), Some(2));
    assert!(
        stdout(&check).is_empty(),
        "no report from a half-loaded corpus"
    );
}

#[test]
fn the_shipped_corpus_validates_and_counts() {
    let output = quoth(&["corpus", "validate"]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let stats = json(&quoth(&["corpus", "stats", "--format", "json"]));
    assert_eq!(stats["speakers"], 7);
    assert_eq!(stats["statements"], 22);
    assert_eq!(stats["joint_statements"], 7);
}

#[test]
fn the_index_cache_is_written_reused_and_rebuilt_when_corrupt() {
    let scratch = Scratch::new("cache");
    let corpus_dir = scratch.copy_shipped_corpus();
    let dir = corpus_dir.display().to_string();
    let first = quoth(&["corpus", "index", &dir]);
    assert_eq!(first.status.code(), Some(0), "{}", stderr(&first));
    assert!(
        stdout(&first).contains("index of 22 statements written"),
        "{}",
        stdout(&first)
    );
    let again = quoth(&["corpus", "index", &dir]);
    assert!(stdout(&again).contains("up to date"), "{}", stdout(&again));

    let cache = corpus_dir.join(".quoth-index");
    let mut bytes = std::fs::read(&cache).unwrap();
    let middle = bytes.len() / 2;
    bytes[middle] ^= 0xff;
    std::fs::write(&cache, &bytes).unwrap();
    let check = quoth(&["check", STORY, "--corpus", &dir, "--format", "json"]);
    assert_eq!(check.status.code(), Some(0));
    assert!(
        stderr(&check).contains("corrupt index cache (checksum mismatch); rebuilding"),
        "{}",
        stderr(&check)
    );
    assert_eq!(json(&check)["summary"]["verdicts"][0]["count"], 3);
    let after = quoth(&["corpus", "index", &dir]);
    assert!(
        stdout(&after).contains("up to date"),
        "the rebuilt cache was written"
    );

    // A changed corpus makes the cache stale: it is rebuilt without a warning.
    let speakers = corpus_dir.join("speakers.yaml");
    let text = std::fs::read_to_string(&speakers).unwrap();
    std::fs::write(&speakers, text.replace("Tony Blinken", "Tony J. Blinken")).unwrap();
    let changed = quoth(&["check", STORY, "--corpus", &dir]);
    assert!(stderr(&changed).is_empty(), "{}", stderr(&changed));
    assert!(stdout(&quoth(&["corpus", "index", &dir])).contains("up to date"));
}

/// A copy of the shipped corpus (without its index cache) in `scratch`.

#[test]
fn processes_building_the_index_at_once_leave_a_valid_cache() {
    let scratch = Scratch::new("concurrent");
    let corpus_dir = scratch.copy_shipped_corpus();
    let dir = corpus_dir.display().to_string();
    let children: Vec<_> = (0..6)
        .map(|_| {
            Command::new(env!("CARGO_BIN_EXE_quoth"))
                .args(["check", STORY, "--corpus", &dir, "--format", "json"])
                .current_dir(env!("CARGO_MANIFEST_DIR"))
                .stdout(Stdio::piped())
                .stderr(Stdio::piped())
                .spawn()
                .unwrap()
        })
        .collect();
    for child in children {
        let output = child.wait_with_output().unwrap();
        assert_eq!(
            output.status.code(),
            Some(0),
            "{}",
            String::from_utf8_lossy(&output.stderr)
        );
        assert!(
            output.stderr.is_empty(),
            "{}",
            String::from_utf8_lossy(&output.stderr)
        );
    }
    let after = quoth(&["corpus", "index", &dir]);
    assert!(stdout(&after).contains("up to date"), "{}", stdout(&after));
    let leftovers: Vec<_> = std::fs::read_dir(&corpus_dir)
        .unwrap()
        .filter_map(|e| e.ok())
        .filter(|e| e.file_name().to_string_lossy().ends_with(".tmp"))
        .collect();
    assert!(leftovers.is_empty(), "temporary files left: {leftovers:?}");
}

#[test]
fn a_corpus_folder_where_the_cache_cannot_be_written_still_works() {
    // Root ignores read-only permissions, so the cache path is blocked by a folder instead.
    let scratch = Scratch::new("unwritable");
    let corpus_dir = scratch.copy_shipped_corpus();
    std::fs::create_dir_all(corpus_dir.join(".quoth-index").join("blocked")).unwrap();
    let dir = corpus_dir.display().to_string();
    let check = quoth(&["check", STORY, "--corpus", &dir, "--format", "json"]);
    assert_eq!(check.status.code(), Some(0), "{}", stderr(&check));
    assert_eq!(json(&check)["summary"]["verdicts"][0]["count"], 3);
    assert!(
        stderr(&check).contains("index cache not written"),
        "{}",
        stderr(&check)
    );
    assert!(
        corpus_dir.join(".quoth-index").is_dir(),
        "the blocking folder is left alone"
    );
}

#[test]
fn reported_speech_is_listed_on_request_only() {
    let kinds = |args: &[&str]| -> Vec<String> {
        json(&quoth(args))["files"][0]["quotes"]
            .as_array()
            .unwrap()
            .iter()
            .map(|q| q["kind"].as_str().unwrap().to_string())
            .collect()
    };
    assert!(!kinds(&["extract", STORY, "--format", "json"]).contains(&"indirect".to_string()));
    let output = quoth(&["extract", STORY, "--format", "json", "--reported-speech"]);
    let report = json(&output);
    let kim = report["files"][0]["quotes"]
        .as_array()
        .unwrap()
        .iter()
        .find(|q| q["text"] == "Pyongyang could scrap an inter-Korean military peace pact")
        .expect("Kim Yo Jong's threat is reported speech");
    assert_eq!(kim["kind"], "indirect");
    assert_eq!(kim["speaker"]["name"], "Kim Yo Jong");
    assert_eq!(kim["cue"]["text"], "threatened");
    // The quotation inside a report stays a partial quote.
    let quotes = report["files"][0]["quotes"].as_array().unwrap();
    assert!(quotes.iter().any(|q| q["kind"] == "partial"
        && q["text"] == "through the full range of its capabilities, including nuclear."));
}

#[test]
fn reported_claims_without_a_source_are_listed_as_unattributed() {
    let story = "Officials met in Tokyo on Tuesday. It was widely reported that the talks would resume in April, and Kishi said that the alliance is strong.\n";
    let output = quoth_with_stdin(
        &["check", "-", "--format", "json", "--reported-speech"],
        Some(story.as_bytes()),
    );
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let report = json(&output);
    let quotes = report["files"][0]["quotes"].as_array().unwrap();
    let verdict = |text: &str| {
        let quote = quotes
            .iter()
            .find(|q| q["text"] == text)
            .unwrap_or_else(|| panic!("{text:?} is reported: {quotes:?}"));
        (quote["speaker"].clone(), quote["verdict"]["kind"].clone())
    };
    assert_eq!(
        verdict("the talks would resume in April"),
        (Value::Null, Value::from("unattributed"))
    );
    // The named report beside it keeps its speaker.
    let (speaker, _) = verdict("the alliance is strong");
    assert_eq!(speaker["name"], "Nobuo Kishi");
    // A claim given as heard (`reportedly`): unattributed, its cue shown.
    let story = "The ministers reportedly met in secret before the summit.\n";
    let output = quoth_with_stdin(&["check", "-", "--reported-speech"], Some(story.as_bytes()));
    let human = stdout(&output);
    assert!(
        human.contains("unattributed (0.00) indirect quote, no speaker found\n  | The ministers reportedly met in secret before the summit\n  = cue \"reportedly\", no source named"),
        "{human}"
    );
}

#[test]
fn reported_speech_is_checked_as_paraphrase_on_request() {
    let output = quoth(&["check", STORY, "--format", "json", "--reported-speech"]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let report = json(&output);
    let quotes = report["files"][0]["quotes"].as_array().unwrap();
    let find = |text: &str| {
        quotes
            .iter()
            .find(|q| q["text"] == text)
            .unwrap_or_else(|| panic!("{text:?} is reported speech"))
    };
    // "a Foreign Ministry spokesman in Beijing said that cooperation … should
    // promote peace and stability in Asia": Zhao Lijian's statement in other words.
    let spokesman =
        find("cooperation between the U.S. and Japan should promote peace and stability in Asia");
    assert_eq!(spokesman["kind"], "indirect");
    assert_eq!(spokesman["speaker"]["corpus_id"], "zhao-lijian");
    assert_eq!(spokesman["verdict"]["kind"], "paraphrase");
    assert_eq!(spokesman["verdict"]["statement"]["id"], "zhao-01");
    assert_eq!(
        spokesman["verdict"]["shared"],
        serde_json::json!(["cooperation", "U.S", "Japan", "peace", "stability"])
    );
    // Kim Yo Jong's threat is not among her statements in the corpus.
    let kim = find("Pyongyang could scrap an inter-Korean military peace pact");
    assert_eq!(kim["verdict"]["kind"], "not-found");
    // A source the corpus does not hold.
    let reuters =
        find("Today, Myanmar charged its ambassador to the U.N. Kyaw Moe Tun with treason");
    assert_eq!(reuters["speaker"]["name"], "Reuters");
    assert_eq!(reuters["verdict"]["kind"], "unknown-speaker");
    // The quotations keep their verbatim verdicts, and the HTML page keeps their highlights.
    let partial = find("through the full range of its capabilities, including nuclear.");
    assert_eq!(partial["verdict"]["kind"], "verbatim");
    let page = stdout(&quoth(&[
        "check",
        STORY,
        "--format",
        "html",
        "--reported-speech",
    ]));
    assert!(
        page.contains("data-verdict=\"verbatim\">through the full range"),
        "the partial quote keeps its highlight"
    );
}
