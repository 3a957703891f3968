//! What the benches share: the 2016 transcripts imported as a corpus.

use std::path::PathBuf;

use quoth::corpus::SourceKind;
use quoth::corpus::import::{ImportFormat, ImportOptions, import};

/// The 2016 transcripts' statements, beside this repository.
pub const TRANSCRIPTS: &str = "../shared/data/transcripts-2016/statements.jsonl";

/// The transcripts imported into a new temporary corpus folder named after
/// `bench`, or `None` when they are not beside this repository.
pub fn import_transcripts(bench: &str) -> Option<PathBuf> {
    let statements = PathBuf::from(TRANSCRIPTS);
    if !statements.is_file() {
        return None;
    }
    let dir = std::env::temp_dir().join(format!("quoth-bench-{bench}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    let options = ImportOptions::new(ImportFormat::Jsonl, SourceKind::Transcript);
    import(std::slice::from_ref(&statements), &dir, None, &options).expect("the corpus imports");
    Some(dir)
}
