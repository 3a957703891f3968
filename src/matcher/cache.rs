//! The index cache: the corpus index persisted beside the corpus, keyed by the
//! corpus content, checked by a checksum, written atomically.
//!
//! Format (little-endian): the magic `QUOTHIX1`, the length and bytes of the
//! quoth version, the corpus hash (u64), the statement count, word count and
//! postings count (u32 each), every word (u16 length and bytes), the postings
//! offsets and the postings (u32 each), and an FxHash checksum (u64) of all
//! bytes before it.

use std::fs;
use std::hash::Hasher;
use std::io;
use std::path::{Path, PathBuf};

use rustc_hash::{FxHashMap, FxHasher};
use thiserror::Error;

use super::index::CorpusIndex;
use crate::atomic::write_atomically;
use crate::corpus::Corpus;

/// The cache file's name inside the (first) corpus folder.
pub const CACHE_FILE: &str = ".quoth-index";

const MAGIC: &[u8; 8] = b"QUOTHIX1";

/// Why a cache could not be used.
#[derive(Debug, Error)]
pub enum CacheError {
    /// The file could not be read or written.
    #[error("{0}")]
    Io(#[from] io::Error),
    /// The file is truncated, has a bad checksum, or is not an index.
    #[error("corrupt index cache ({0})")]
    Corrupt(&'static str),
    /// The file was written by another version of quoth.
    #[error("index cache written by another version of quoth")]
    OtherVersion,
    /// The corpus changed since the file was written.
    #[error("index cache is for another state of the corpus")]
    Stale,
}

fn checksum(bytes: &[u8]) -> u64 {
    let mut hasher = FxHasher::default();
    hasher.write(bytes);
    hasher.finish()
}

/// Serializes `index` into the cache format.
pub fn encode(index: &CorpusIndex) -> Vec<u8> {
    let mut words: Vec<(&String, &u32)> = index.vocabulary.iter().collect();
    words.sort_unstable_by_key(|(_, id)| **id);
    let version = env!("CARGO_PKG_VERSION").as_bytes();
    let mut out = Vec::with_capacity(
        64 + index.postings.len() * 4 + index.offsets.len() * 4 + words.len() * 12,
    );
    out.extend_from_slice(MAGIC);
    out.extend_from_slice(&(version.len() as u32).to_le_bytes());
    out.extend_from_slice(version);
    out.extend_from_slice(&index.corpus_hash.to_le_bytes());
    for n in [
        index.statements,
        words.len() as u32,
        index.postings.len() as u32,
    ] {
        out.extend_from_slice(&n.to_le_bytes());
    }
    for (word, _) in &words {
        let bytes = word.as_bytes();
        let len = bytes.len().min(u16::MAX as usize);
        out.extend_from_slice(&(len as u16).to_le_bytes());
        out.extend_from_slice(&bytes[..len]);
    }
    for n in index.offsets.iter().chain(&index.postings) {
        out.extend_from_slice(&n.to_le_bytes());
    }
    let sum = checksum(&out);
    out.extend_from_slice(&sum.to_le_bytes());
    out
}

/// A cursor over the cache bytes that fails, rather than panics, at the end.
struct Reader<'a> {
    bytes: &'a [u8],
}

impl<'a> Reader<'a> {
    fn take(&mut self, n: usize) -> Result<&'a [u8], CacheError> {
        if self.bytes.len() < n {
            return Err(CacheError::Corrupt("truncated"));
        }
        let (head, rest) = self.bytes.split_at(n);
        self.bytes = rest;
        Ok(head)
    }

    fn u16(&mut self) -> Result<u16, CacheError> {
        Ok(u16::from_le_bytes(
            self.take(2)?
                .try_into()
                .map_err(|_| CacheError::Corrupt("truncated"))?,
        ))
    }

    fn u32(&mut self) -> Result<u32, CacheError> {
        Ok(u32::from_le_bytes(
            self.take(4)?
                .try_into()
                .map_err(|_| CacheError::Corrupt("truncated"))?,
        ))
    }

    fn u64(&mut self) -> Result<u64, CacheError> {
        Ok(u64::from_le_bytes(
            self.take(8)?
                .try_into()
                .map_err(|_| CacheError::Corrupt("truncated"))?,
        ))
    }

    fn u32s(&mut self, n: usize) -> Result<Vec<u32>, CacheError> {
        let bytes = self.take(n.checked_mul(4).ok_or(CacheError::Corrupt("bad count"))?)?;
        Ok(bytes
            .chunks_exact(4)
            .map(|c| u32::from_le_bytes([c[0], c[1], c[2], c[3]]))
            .collect())
    }
}

/// Parses the cache format, checking the checksum and every count.
pub fn decode(bytes: &[u8]) -> Result<CorpusIndex, CacheError> {
    if bytes.len() < MAGIC.len() + 8 || &bytes[..MAGIC.len()] != MAGIC {
        return Err(CacheError::Corrupt("not an index"));
    }
    let (body, sum) = bytes.split_at(bytes.len() - 8);
    if checksum(body)
        != u64::from_le_bytes(
            sum.try_into()
                .map_err(|_| CacheError::Corrupt("truncated"))?,
        )
    {
        return Err(CacheError::Corrupt("checksum mismatch"));
    }
    let mut r = Reader {
        bytes: &body[MAGIC.len()..],
    };
    let version_len = r.u32()? as usize;
    if r.take(version_len)? != env!("CARGO_PKG_VERSION").as_bytes() {
        return Err(CacheError::OtherVersion);
    }
    let corpus_hash = r.u64()?;
    let statements = r.u32()?;
    let word_count = r.u32()? as usize;
    let postings_count = r.u32()? as usize;
    let mut vocabulary = FxHashMap::default();
    vocabulary.reserve(word_count.min(body.len()));
    for id in 0..word_count as u32 {
        let len = r.u16()? as usize;
        let word =
            std::str::from_utf8(r.take(len)?).map_err(|_| CacheError::Corrupt("bad word"))?;
        vocabulary.insert(word.to_string(), id);
    }
    let offsets = r.u32s(word_count + 1)?;
    let postings = r.u32s(postings_count)?;
    let ordered = offsets.windows(2).all(|w| w[0] <= w[1]);
    let in_range = offsets.last() == Some(&(postings_count as u32))
        && postings.iter().all(|&s| s < statements);
    if !ordered || !in_range || !r.bytes.is_empty() {
        return Err(CacheError::Corrupt("inconsistent counts"));
    }
    Ok(CorpusIndex {
        vocabulary,
        offsets,
        postings,
        statements,
        corpus_hash,
    })
}

/// Where the cache of a corpus made of `dirs` lives.
pub fn cache_path(dirs: &[PathBuf]) -> Option<PathBuf> {
    dirs.first().map(|d| d.join(CACHE_FILE))
}

/// Loads the cache at `path` if it fits `corpus`.
pub fn load(path: &Path, corpus: &Corpus) -> Result<CorpusIndex, CacheError> {
    let index = decode(&fs::read(path)?)?;
    if index.fits(corpus) {
        Ok(index)
    } else {
        Err(CacheError::Stale)
    }
}

/// What happened to the cache on the way to an index.
#[derive(Debug)]
pub enum CacheOutcome {
    /// The cache was read.
    Loaded,
    /// The index was built and the cache written.
    Built,
    /// The index was built; the cache could not be written (a read-only corpus folder).
    BuiltNotWritten(io::Error),
}

/// The index of `corpus`: from the cache at `path` when it fits, else built
/// (calling `progress`) and written there. A corrupt or stale cache is
/// rebuilt; `warn` hears about a corrupt one.
pub fn load_or_build(
    corpus: &Corpus,
    path: Option<&Path>,
    progress: &(dyn Fn(usize) + Sync),
    warn: &dyn Fn(&CacheError),
) -> (CorpusIndex, CacheOutcome) {
    if let Some(path) = path {
        match load(path, corpus) {
            Ok(index) => return (index, CacheOutcome::Loaded),
            Err(CacheError::Io(e)) if e.kind() == io::ErrorKind::NotFound => {}
            Err(err @ CacheError::Corrupt(_)) => warn(&err),
            Err(_) => {}
        }
    }
    let index = CorpusIndex::build(corpus, progress);
    let outcome = match path.map(|p| write_atomically(p, &encode(&index))) {
        Some(Err(e)) => CacheOutcome::BuiltNotWritten(e),
        _ => CacheOutcome::Built,
    };
    (index, outcome)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::matcher::index::tests::corpus_of;

    #[test]
    fn round_trip_and_corruption_is_detected() {
        let corpus = corpus_of(&["We will push back.", "China uses coercion."]);
        let index = CorpusIndex::build(&corpus, &|_| {});
        let bytes = encode(&index);
        assert_eq!(decode(&bytes).unwrap(), index);
        for cut in [0, 10, bytes.len() / 2, bytes.len() - 1] {
            assert!(decode(&bytes[..cut]).is_err(), "truncated at {cut}");
        }
        let mut flipped = bytes.clone();
        flipped[bytes.len() / 2] ^= 0xff;
        assert!(matches!(decode(&flipped), Err(CacheError::Corrupt(_))));
    }

    #[test]
    fn a_changed_corpus_makes_the_cache_stale() {
        let dir = std::env::temp_dir().join(format!("quoth-cache-{}", std::process::id()));
        fs::create_dir_all(&dir).unwrap();
        let path = dir.join(CACHE_FILE);
        let corpus = corpus_of(&["We will push back."]);
        let (_, outcome) = load_or_build(&corpus, Some(&path), &|_| {}, &|_| {});
        assert!(matches!(outcome, CacheOutcome::Built));
        let (_, outcome) = load_or_build(&corpus, Some(&path), &|_| {}, &|_| {});
        assert!(matches!(outcome, CacheOutcome::Loaded));
        let mut changed = corpus_of(&["We will push back.", "And more."]);
        changed.content_hash = 8;
        assert!(matches!(load(&path, &changed), Err(CacheError::Stale)));
        fs::remove_dir_all(&dir).unwrap();
    }
}
