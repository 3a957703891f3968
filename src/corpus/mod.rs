//! The reference corpus: speakers, sources and statements, kept as YAML files.

pub mod import;
mod load;
mod model;
mod stats;

pub use load::{load_texts, CORPUS_EXTENSIONS, CorpusError, load_corpus};
pub use model::{Corpus, Date, Provenance, Source, SourceKind, Speaker, SpeakerKind, Statement};
pub use stats::CorpusStats;
