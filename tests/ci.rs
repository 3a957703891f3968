//! Unattended runs: configuration, exit codes, the machine formats,
//! reviewed quotes, and regression runs over folders of stories.

use std::path::Path;
use std::process::{Command, Output, Stdio};

use serde_json::Value;

mod common;
use common::Scratch;

const ROOT: &str = env!("CARGO_MANIFEST_DIR");
const TOKYO: &str = "docs/examples/npr-2021-03-16-blinken-austin-tokyo.txt";
const ALTERED: &str = "tests/fixtures/coercion-or-aggression.txt";

/// Runs quoth in `cwd` with a clean environment.
fn quoth_in(cwd: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_quoth"))
        .args(args)
        .current_dir(cwd)
        .env_clear()
        .env("NO_COLOR", "1")
        .stdin(Stdio::null())
        .output()
        .expect("quoth runs")
}

fn quoth(args: &[&str]) -> Output {
    quoth_in(Path::new(ROOT), args)
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

fn snapshot(name: &str, value: &str) {
    insta::with_settings!({snapshot_path => "../snapshots", prepend_module_to_snapshot => false}, {
        insta::assert_snapshot!(name, value);
    });
}

/// Output and exit code of a run, as a snapshot holds them.
fn outcome(output: &Output) -> String {
    format!(
        "exit code: {:?}\n{}",
        output.status.code(),
        text(&output.stdout)
    )
}

#[test]
fn each_format_of_an_altered_and_a_misattributed_quote() {
    for (format, name) in [
        ("github", "format_github"),
        ("sarif", "format_sarif"),
        ("junit", "format_junit"),
        ("yaml", "format_yaml"),
        ("jsonl", "format_jsonl"),
    ] {
        let output = quoth(&["check", ALTERED, "--format", format]);
        snapshot(name, &outcome(&output));
        // The same run gives the same bytes.
        assert_eq!(
            quoth(&["check", ALTERED, "--format", format]).stdout,
            output.stdout
        );
    }
}

/// The SARIF schema bundled with the serde-sarif crate, found through cargo.
fn sarif_schema() -> Value {
    let metadata = Command::new(env!("CARGO"))
        .args(["metadata", "--format-version", "1"])
        .current_dir(ROOT)
        .output()
        .expect("cargo metadata runs");
    let metadata: Value = serde_json::from_slice(&metadata.stdout).expect("cargo metadata JSON");
    let manifest = metadata["packages"]
        .as_array()
        .unwrap()
        .iter()
        .find(|p| p["name"] == "serde-sarif")
        .and_then(|p| p["manifest_path"].as_str())
        .expect("serde-sarif is a dev-dependency");
    let schema = Path::new(manifest)
        .parent()
        .unwrap()
        .join("src/schema.json");
    let mut schema: Value =
        serde_json::from_str(&std::fs::read_to_string(schema).unwrap()).unwrap();
    // The published 2.1.0 schema has an unbalanced `]` in the pattern of its
    // `language` properties, which the validator refuses to compile; their
    // intent is a two-letter language, or language and region.
    fn mend(value: &mut Value) -> usize {
        match value {
            Value::Object(map) => map
                .iter_mut()
                .map(|(key, v)| {
                    if key == "pattern" && v == "^[a-zA-Z]{2}|^[a-zA-Z]{2}-[a-zA-Z]{2}]?$" {
                        *v = Value::from("^[a-zA-Z]{2}(-[a-zA-Z]{2})?$");
                        1
                    } else {
                        mend(v)
                    }
                })
                .sum(),
            Value::Array(items) => items.iter_mut().map(mend).sum(),
            _ => 0,
        }
    }
    assert!(mend(&mut schema) > 0);
    schema
}

#[test]
fn sarif_output_is_valid_sarif_2_1_0() {
    let schema = sarif_schema();
    assert_eq!(
        schema["title"],
        "Static Analysis Results Format (SARIF) Version 2.1.0 JSON Schema"
    );
    let validator = jsonschema::validator_for(&schema).expect("a valid schema");
    for story in [ALTERED, TOKYO] {
        let output = quoth(&[
            "check",
            story,
            "--format",
            "sarif",
            "--fail-on",
            "not-found",
        ]);
        let log: Value = serde_json::from_slice(&output.stdout).unwrap();
        let errors: Vec<String> = validator
            .iter_errors(&log)
            .map(|e| format!("{e} at {}", e.instance_path()))
            .collect();
        assert!(errors.is_empty(), "{story}: {errors:#?}");
        // And it reads back as the typed SARIF model.
        let typed: serde_sarif::sarif::Sarif = serde_json::from_value(log).unwrap();
        assert_eq!(typed.runs.len(), 1);
    }
}

#[test]
fn exit_codes_follow_the_fail_level() {
    let code = |args: &[&str]| quoth(args).status.code();
    // Altered and misattributed fail by default; not-found does not.
    assert_eq!(code(&["check", ALTERED]), Some(1));
    assert_eq!(code(&["check", TOKYO]), Some(0));
    assert_eq!(code(&["check", TOKYO, "--fail-on", "not-found"]), Some(1));
    assert_eq!(
        code(&["check", ALTERED, "--fail-on", "misattributed"]),
        Some(1)
    );
    assert_eq!(code(&["check", ALTERED, "--exit-zero"]), Some(0));
    // A story that cannot be read is reported, the others still checked, and the run exits 2.
    let output = quoth(&[
        "check",
        TOKYO,
        "no/such/story.txt",
        "--format",
        "json",
        "--exit-zero",
    ]);
    assert_eq!(output.status.code(), Some(2));
    let report: Value = serde_json::from_slice(&output.stdout).unwrap();
    assert_eq!(report["files"].as_array().unwrap().len(), 1);
    assert!(text(&output.stderr).contains("no/such/story.txt: cannot read"));
    // A usage error is 2 as well.
    assert_eq!(code(&["check", TOKYO, "--fail-on", "wrong"]), Some(2));
}

#[test]
fn configuration_is_found_from_nested_folders_and_overridden_in_order() {
    let scratch = Scratch::new("config");
    let corpus = scratch.copy_shipped_corpus();
    scratch.write(
        "newsroom/quoth.yaml",
        "# The desk's settings\ncorpus: [../corpus]\nfail-on: not-found\n",
    );
    let story = scratch.write(
        "newsroom/desk/2021/tokyo.txt",
        std::fs::read(Path::new(ROOT).join(TOKYO)).unwrap(),
    );
    let nested = scratch.path().join("newsroom/desk/2021");

    // Found two folders up: its corpus (relative to it) and its fail level apply.
    let output = quoth_in(&nested, &["check", "tokyo.txt"]);
    assert_eq!(output.status.code(), Some(1), "{}", text(&output.stderr));
    let shown = text(&quoth_in(&nested, &["--show-config"]).stdout);
    let root = scratch.path().join("newsroom").display().to_string();
    assert_eq!(
        shown.replace(&root, "NEWSROOM"),
        "# The settings in force (command line > --config > quoth.yaml found > defaults).\n\
         # Configuration file: NEWSROOM/quoth.yaml\n\
         corpus:  # found quoth.yaml\n  - NEWSROOM/../corpus\n\
         fail-on: not-found  # found quoth.yaml\n\
         reviewed: NEWSROOM/quoth-reviewed.yaml  # default\n\
         # story-format: by extension  # default\n\
         max-story-mb: 32  # default\n"
    );
    // The command line beats the file.
    assert_eq!(
        quoth_in(&nested, &["check", "tokyo.txt", "--fail-on", "altered"])
            .status
            .code(),
        Some(0)
    );
    let shown = text(
        &quoth_in(
            &nested,
            &["check", "x", "--fail-on", "altered", "--show-config"],
        )
        .stdout,
    );
    assert!(
        shown.contains("fail-on: altered  # command line"),
        "{shown}"
    );
    // --config replaces the file found.
    let other = scratch.write(
        "other.yaml",
        format!("corpus: [{}]\nfail-on: misattributed\n", corpus.display()),
    );
    let output = quoth_in(
        &nested,
        &["check", &story, "--config", &other, "--show-config"],
    );
    assert!(text(&output.stdout).contains("fail-on: misattributed  # --config"));
    // Unknown keys and bad values are refused with their position.
    scratch.write(
        "newsroom/quoth.yaml",
        "corpus: [../corpus]\nfail_on: altered\n",
    );
    let output = quoth_in(&nested, &["check", "tokyo.txt"]);
    assert_eq!(output.status.code(), Some(2));
    assert!(
        text(&output.stderr).contains(
            "quoth.yaml:2:1: unknown field `fail_on`, expected one of `corpus`, `fail-on`"
        ),
        "{}",
        text(&output.stderr)
    );
}

#[test]
fn a_reviewed_quote_passes_until_its_words_change() {
    let scratch = Scratch::new("review");
    let corpus = scratch.copy_shipped_corpus();
    let corpus = corpus.display().to_string();
    let original = std::fs::read_to_string(Path::new(ROOT).join(TOKYO)).unwrap();
    let story = scratch.write("tokyo.txt", &original);
    let reviewed = scratch
        .path()
        .join("quoth-reviewed.yaml")
        .display()
        .to_string();
    let check = |extra: &[&str]| {
        let mut args = vec![
            "check",
            story.as_str(),
            "--corpus",
            &corpus,
            "--fail-on",
            "not-found",
            "--reviewed",
            &reviewed,
        ];
        args.extend_from_slice(extra);
        quoth_in(scratch.path(), &args)
    };
    assert_eq!(check(&[]).status.code(), Some(1));

    let output = quoth_in(
        scratch.path(),
        &[
            "review",
            "accept",
            &story,
            "--at",
            "46",
            "--reason",
            "Kim's words as KCNA gave them; checked by the desk",
            "--corpus",
            &corpus,
            "--reviewed",
            &reviewed,
        ],
    );
    assert_eq!(output.status.code(), Some(0), "{}", text(&output.stderr));
    assert!(text(&output.stdout).ends_with(&format!("1 quote accepted into {reviewed}\n")));
    let file = std::fs::read_to_string(&reviewed).unwrap();
    assert!(file.contains("fingerprint: q1-f1bf697d0f29a5fd"), "{file}");

    // Accepted: the check passes, and says why.
    let output = check(&[]);
    assert_eq!(output.status.code(), Some(0));
    assert!(
        text(&output.stdout)
            .contains("(reviewed: Kim's words as KCNA gave them; checked by the desk)")
    );
    // Edits elsewhere in the story keep it accepted.
    std::fs::write(&story, format!("Editor's note: updated.\n\n{original}")).unwrap();
    assert_eq!(check(&[]).status.code(), Some(0));
    // An edit of the quote makes it checked again, and the stale entry is reported.
    std::fs::write(
        &story,
        original.replace("a good night's sleep", "a good night of sleep"),
    )
    .unwrap();
    let output = check(&["--format", "json"]);
    assert_eq!(output.status.code(), Some(1));
    assert!(
        text(&output.stderr).contains("accepts no quote now (edited or removed)"),
        "{}",
        text(&output.stderr)
    );
    let report: Value = serde_json::from_slice(&output.stdout).unwrap();
    assert_eq!(
        report["unused_reviews"][0]["quote"],
        "keep it from getting a good night's sleep."
    );
    // Accepting needs a selection.
    let output = quoth_in(
        scratch.path(),
        &["review", "accept", &story, "--corpus", &corpus],
    );
    assert_eq!(output.status.code(), Some(2));
}

#[test]
fn an_inline_marker_accepts_the_next_quote_of_a_draft() {
    let scratch = Scratch::new("marker");
    let draft = std::fs::read_to_string(
        Path::new(ROOT).join("tests/fixtures/pages/draft-myanmar-envoy.md"),
    )
    .unwrap();
    let marked = draft.replace(
        "Kyaw Moe Tun said the world needed",
        "<!-- quoth: reviewed: the envoy's words as the wire gave them -->\nKyaw Moe Tun said the world needed",
    );
    let path = scratch.write("draft.md", marked);
    let corpus = Path::new(ROOT).join("corpus").display().to_string();
    let unmarked = quoth(&[
        "check",
        "tests/fixtures/pages/draft-myanmar-envoy.md",
        "--fail-on",
        "not-found",
    ]);
    assert_eq!(unmarked.status.code(), Some(1));
    let output = quoth_in(
        scratch.path(),
        &[
            "check",
            &path,
            "--corpus",
            &corpus,
            "--fail-on",
            "not-found",
            "--format",
            "json",
        ],
    );
    assert_eq!(output.status.code(), Some(0), "{}", text(&output.stderr));
    let report: Value = serde_json::from_slice(&output.stdout).unwrap();
    let quote = &report["files"][0]["quotes"][2];
    assert_eq!(quote["text"], "the strongest possible action");
    assert_eq!(quote["reviewed"]["by"], "marker");
    assert_eq!(
        quote["reviewed"]["reason"],
        "the envoy's words as the wire gave them"
    );
}

#[test]
fn a_regression_run_accepts_shows_changes_and_accepts_again() {
    let scratch = Scratch::new("regress");
    let corpus = scratch.copy_shipped_corpus();
    let corpus = corpus.display().to_string();
    scratch.write(
        "stories/tokyo.txt",
        std::fs::read(Path::new(ROOT).join(TOKYO)).unwrap(),
    );
    scratch.write(
        "stories/wire/coercion.txt",
        std::fs::read(Path::new(ROOT).join(ALTERED)).unwrap(),
    );
    let regress = |accept: bool| {
        let mut args = vec![
            "regress",
            "stories",
            "--snapshots",
            "snaps",
            "--corpus",
            &corpus,
        ];
        if accept {
            args.push("--accept");
        }
        quoth_in(scratch.path(), &args)
    };
    let first = regress(false);
    assert_eq!(first.status.code(), Some(1));
    assert_eq!(
        text(&first.stdout),
        "stories/tokyo.txt: new story, 5 quotes, no snapshot yet\n\
         stories/wire/coercion.txt: new story, 2 quotes, no snapshot yet\n\
         0 stories changed, 2 new, 0 removed, 0 unchanged\n"
    );
    assert_eq!(regress(true).status.code(), Some(0));
    assert!(
        scratch
            .path()
            .join("snaps/wire/coercion.txt.yaml")
            .is_file()
    );
    let same = regress(false);
    assert_eq!(same.status.code(), Some(0));
    assert_eq!(
        text(&same.stdout),
        "0 stories changed, 0 new, 0 removed, 2 unchanged\n"
    );

    // The corpus changes: Blinken's words are no longer in the joint statement as quoted.
    let statement = Path::new(&corpus).join("sources/us-japan-joint-statement.yaml");
    let yaml = std::fs::read_to_string(&statement).unwrap();
    std::fs::write(
        &statement,
        yaml.replace(
            "through the full range of its capabilities",
            "through the whole range of its capabilities",
        ),
    )
    .unwrap();
    std::fs::remove_file(scratch.path().join("stories/wire/coercion.txt")).unwrap();
    let changed = regress(false);
    assert_eq!(changed.status.code(), Some(1));
    snapshot("regress_changed", &text(&changed.stdout));
    assert_eq!(regress(true).status.code(), Some(0));
    assert!(!scratch.path().join("snaps/wire/coercion.txt.yaml").exists());
    assert_eq!(regress(false).status.code(), Some(0));
}

#[test]
fn machine_formats_and_pipes_get_no_progress_bar() {
    let scratch = Scratch::new("progress");
    for i in 0..12 {
        scratch.write(
            &format!("s/{i}.txt"),
            std::fs::read(Path::new(ROOT).join(TOKYO)).unwrap(),
        );
    }
    let corpus = Path::new(ROOT).join("corpus").display().to_string();
    let dir = scratch.path().join("s").display().to_string();
    let output = quoth(&["check", &dir, "--corpus", &corpus, "--format", "json"]);
    assert_eq!(text(&output.stderr), "");
    let output = quoth(&["check", &dir, "--corpus", &corpus]);
    assert!(
        !text(&output.stderr).contains("checking"),
        "no bar when stderr is not a terminal"
    );
}

/// The fenced code blocks of a Markdown page: (language, body).
fn code_blocks(markdown: &str) -> Vec<(String, String)> {
    let mut blocks = Vec::new();
    let mut current: Option<(String, String)> = None;
    for line in markdown.lines() {
        match (&mut current, line.strip_prefix("```")) {
            (None, Some(language)) => current = Some((language.trim().to_string(), String::new())),
            (Some(_), Some(_)) => blocks.extend(current.take()),
            (Some((_, body)), None) => {
                body.push_str(line);
                body.push('\n');
            }
            (None, None) => {}
        }
    }
    blocks
}

fn sh(dir: &Path, script: &str) -> Output {
    let bin = Path::new(env!("CARGO_BIN_EXE_quoth"))
        .parent()
        .unwrap()
        .to_path_buf();
    let path = std::env::join_paths(std::iter::once(bin).chain(std::env::split_paths(
        &std::env::var_os("PATH").unwrap_or_default(),
    )))
    .unwrap();
    Command::new("sh")
        .args(["-c", script])
        .current_dir(dir)
        .env("PATH", path)
        .env("NO_COLOR", "1")
        .output()
        .expect("sh runs")
}

#[test]
fn the_ci_page_commands_work_on_a_newsroom_repository() {
    let page = std::fs::read_to_string(Path::new(ROOT).join("docs/ci.md")).unwrap();
    let blocks = code_blocks(&page);
    let config = blocks
        .iter()
        .find(|(l, b)| l == "yaml" && b.contains("fail-on:"))
        .expect("a quoth.yaml");
    let workflow = blocks
        .iter()
        .find(|(l, b)| l == "yaml" && b.contains("name: Check quotes"))
        .expect("a workflow");
    let hook = blocks
        .iter()
        .find(|(l, b)| l == "sh" && b.starts_with("#!/bin/sh"))
        .expect("a hook");

    let repo = Scratch::new("newsroom");
    repo.copy_shipped_corpus();
    repo.write("quoth.yaml", &config.1);
    repo.write(
        "stories/tokyo.txt",
        std::fs::read(Path::new(ROOT).join(TOKYO)).unwrap(),
    );
    repo.write(
        "stories/coercion.txt",
        std::fs::read(Path::new(ROOT).join(ALTERED)).unwrap(),
    );
    assert!(sh(repo.path(), "git init -q .").status.success());

    // The workflow's quoth steps, as written.
    let steps: Vec<&str> = workflow
        .1
        .lines()
        .filter_map(|l| l.trim().strip_prefix("run: "))
        .filter(|c| c.starts_with("quoth "))
        .collect();
    assert_eq!(steps.len(), 2, "{steps:?}");
    let annotate = sh(repo.path(), steps[0]);
    assert_eq!(
        annotate.status.code(),
        Some(1),
        "{}",
        text(&annotate.stderr)
    );
    assert!(
        text(&annotate.stdout)
            .starts_with("::error file=stories/coercion.txt,line=3,col=2,title=quoth%3A altered::")
    );
    let sarif = sh(repo.path(), steps[1]);
    assert_eq!(sarif.status.code(), Some(0), "{}", text(&sarif.stderr));
    let log: Value =
        serde_json::from_str(&std::fs::read_to_string(repo.path().join("quoth.sarif")).unwrap())
            .unwrap();
    assert_eq!(log["runs"][0]["results"].as_array().unwrap().len(), 3);

    // The pre-commit hook stops a commit with a failing story, and only then.
    repo.write(".git/hooks/pre-commit", &hook.1);
    let hook = ".git/hooks/pre-commit";
    assert_eq!(
        sh(repo.path(), &format!("sh {hook}")).status.code(),
        Some(0),
        "nothing staged"
    );
    sh(repo.path(), "git add stories/tokyo.txt");
    assert_eq!(
        sh(repo.path(), &format!("sh {hook}")).status.code(),
        Some(0)
    );
    sh(repo.path(), "git add stories/coercion.txt");
    let blocked = sh(repo.path(), &format!("sh {hook}"));
    assert_ne!(blocked.status.code(), Some(0));
    assert!(
        text(&blocked.stdout).contains("coercion.txt:3:2: altered"),
        "{}",
        text(&blocked.stdout)
    );
}
