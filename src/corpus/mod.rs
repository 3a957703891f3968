//! The reference corpus: speakers, sources and statements, kept as YAML files.

pub mod import;
mod load;
mod model;
mod stats;

pub use load::{CORPUS_EXTENSIONS, CorpusError, load_corpus, load_texts};
pub use model::{Corpus, Date, Provenance, Source, SourceKind, Speaker, SpeakerKind, Statement};
pub use stats::CorpusStats;
