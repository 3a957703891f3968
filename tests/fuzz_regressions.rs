//! Replays the inputs that fuzzing kept (`tests/fuzz-regressions/<target>/`,
//! written by `fuzz/run`) through the same checks as the fuzz targets.

use std::path::Path;

fn replay(target: &str, check: fn(&[u8])) {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fuzz-regressions")
        .join(target);
    let mut count = 0;
    for entry in std::fs::read_dir(&dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_file() {
            check(&std::fs::read(&path).unwrap());
            count += 1;
        }
    }
    assert!(count > 0, "no regression inputs in {}", dir.display());
}

#[test]
fn story_inputs() {
    replay("story", quoth::selfcheck::story);
}

#[test]
fn story_html_inputs() {
    replay("story_html", quoth::selfcheck::story_html);
}

#[test]
fn story_markdown_inputs() {
    replay("story_markdown", quoth::selfcheck::story_markdown);
}

#[test]
fn corpus_inputs() {
    replay("corpus", quoth::selfcheck::corpus);
}

#[test]
fn matcher_inputs() {
    replay("matcher", quoth::selfcheck::matcher);
}
