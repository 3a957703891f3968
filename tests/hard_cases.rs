//! The hard cases of quote extraction (other tools' bug trackers), one real-text
//! fixture story each in `tests/fixtures/hard-cases/`, with a snapshot of the
//! `extract` report.

use std::process::Command;

fn quoth(args: &[&str]) -> String {
    let output = Command::new(env!("CARGO_BIN_EXE_quoth"))
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .env("NO_COLOR", "1")
        .output()
        .expect("quoth runs");
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8(output.stdout).expect("UTF-8 output")
}

fn relative(path: &std::path::Path) -> String {
    path.strip_prefix(env!("CARGO_MANIFEST_DIR"))
        .unwrap_or(path)
        .display()
        .to_string()
}

#[test]
fn hard_case_extraction() {
    insta::with_settings!({snapshot_path => "../snapshots", prepend_module_to_snapshot => false}, {
        insta::glob!("fixtures/hard-cases/*.txt", |path| {
            insta::assert_snapshot!(quoth(&["extract", &relative(path)]));
        });
    });
}

#[test]
fn ellipses_and_brackets_are_elided_and_an_unmarked_cut_is_altered() {
    let story = "tests/fixtures/hard-cases/ellipses-and-brackets.txt";
    let report: serde_json::Value = serde_json::from_str(&quoth(&[
        "check",
        story,
        "--format",
        "json",
        "--fail-on",
        "misattributed",
    ]))
    .unwrap();
    let verdicts: Vec<&str> = report["files"][0]["quotes"]
        .as_array()
        .unwrap()
        .iter()
        .map(|q| q["verdict"]["kind"].as_str().unwrap())
        .collect();
    assert_eq!(verdicts, ["elided", "elided", "altered", "elided"]);
    insta::with_settings!({snapshot_path => "../snapshots", prepend_module_to_snapshot => false}, {
        insta::assert_snapshot!("check_ellipses_and_brackets", quoth(&["check", story, "--fail-on", "misattributed"]));
    });
}
