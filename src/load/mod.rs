//! Load: turn the paths a user names into story documents.
//!
//! A story is read whole, checked to be UTF-8, and kept with its text so that
//! every later stage can report byte offsets into the original file. Plain
//! text is its own text; the offsets need no map.

use std::fs;
use std::io::Read;
use std::path::{Path, PathBuf};

use thiserror::Error;

use crate::span::LineIndex;

/// File extensions picked up when a folder is named as input.
pub const STORY_EXTENSIONS: &[&str] = &["txt", "text"];

/// The name under which standard input is reported.
pub const STDIN_NAME: &str = "<stdin>";

/// A story ready for extraction.
#[derive(Debug, Clone)]
pub struct Document {
    /// The name the story is reported under: the path as given, or `<stdin>`.
    pub name: String,
    /// The story's text, byte for byte as in the file.
    pub text: String,
    /// Line starts, for rendering positions.
    pub lines: LineIndex,
}

impl Document {
    /// A document from text already in memory.
    pub fn from_text(name: impl Into<String>, text: impl Into<String>) -> Self {
        let text = text.into();
        let lines = LineIndex::new(&text);
        Document {
            name: name.into(),
            text,
            lines,
        }
    }
}

/// Why a story could not be loaded.
#[derive(Debug, Error)]
pub enum LoadError {
    /// The file could not be opened or read.
    #[error("{name}: cannot read: {source}")]
    Io {
        /// The file as the user named it.
        name: String,
        /// The underlying error.
        source: std::io::Error,
    },
    /// The file is not UTF-8.
    #[error(
        "{name}:{line}:{column}: not UTF-8 text (invalid byte at offset {offset}); convert it to UTF-8 first"
    )]
    NotUtf8 {
        /// The file as the user named it.
        name: String,
        /// Byte offset of the first invalid byte.
        offset: usize,
        /// 1-based line of that byte.
        line: usize,
        /// 1-based column of that byte.
        column: usize,
    },
    /// The story is larger than the limit.
    #[error("{name}: story is {} MB, larger than the {} MB limit; raise it with --max-story-mb", size / 1_048_576 + 1, limit / 1_048_576)]
    TooLarge {
        /// The story as named.
        name: String,
        /// Its size in bytes (at least; standard input is read up to the limit).
        size: u64,
        /// The limit in bytes.
        limit: u64,
    },
    /// The file holds binary data, not text.
    #[error("{name}: binary file (NUL bytes), not a story")]
    Binary {
        /// The file as named.
        name: String,
    },
    /// A folder was named that holds no story files.
    #[error("{name}: no stories in this folder (looked for files ending in .txt or .text)")]
    EmptyFolder {
        /// The folder as the user named it.
        name: String,
    },
}

impl LoadError {
    /// The input the error is about, as named.
    pub fn name(&self) -> &str {
        match self {
            LoadError::Io { name, .. }
            | LoadError::NotUtf8 { name, .. }
            | LoadError::TooLarge { name, .. }
            | LoadError::Binary { name }
            | LoadError::EmptyFolder { name } => name,
        }
    }
}

/// One input as named by the user: a file, or standard input.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Input {
    /// A file on disk.
    File(PathBuf),
    /// Standard input (`-`).
    Stdin,
}

impl Input {
    /// The name the input is reported under.
    pub fn name(&self) -> String {
        match self {
            Input::File(path) => path.display().to_string(),
            Input::Stdin => STDIN_NAME.to_string(),
        }
    }
}

/// Expands the paths given on the command line into inputs: files as they are,
/// folders into their story files (recursively, sorted), `-` into standard input.
/// A folder without stories is an error of its own; the other paths still expand.
pub fn expand_inputs(paths: &[PathBuf]) -> (Vec<Input>, Vec<LoadError>) {
    let mut inputs = Vec::new();
    let mut errors = Vec::new();
    for path in paths {
        if path.as_os_str() == "-" {
            inputs.push(Input::Stdin);
        } else if path.is_dir() {
            let mut found = Vec::new();
            if let Err(source) = collect_stories(path, &mut found) {
                errors.push(LoadError::Io {
                    name: path.display().to_string(),
                    source,
                });
                continue;
            }
            if found.is_empty() {
                errors.push(LoadError::EmptyFolder {
                    name: path.display().to_string(),
                });
            }
            found.sort();
            inputs.extend(found.into_iter().map(Input::File));
        } else {
            inputs.push(Input::File(path.clone()));
        }
    }
    (inputs, errors)
}

fn collect_stories(dir: &Path, found: &mut Vec<PathBuf>) -> std::io::Result<()> {
    for entry in fs::read_dir(dir)? {
        let path = entry?.path();
        if path.is_dir() {
            collect_stories(&path, found)?;
        } else if path
            .extension()
            .and_then(|e| e.to_str())
            .is_some_and(|e| STORY_EXTENSIONS.contains(&e.to_ascii_lowercase().as_str()))
        {
            found.push(path);
        }
    }
    Ok(())
}

/// The largest story read by default, in bytes; `--max-story-mb` raises it.
pub const DEFAULT_MAX_STORY_BYTES: u64 = 32 * 1024 * 1024;

/// Reads one input into a [`Document`], refusing inputs over `max_bytes`.
pub fn load(input: &Input, max_bytes: u64) -> Result<Document, LoadError> {
    let name = input.name();
    let io_error = |source| LoadError::Io {
        name: name.clone(),
        source,
    };
    let mut bytes = Vec::new();
    match input {
        Input::File(path) => {
            let file = fs::File::open(path).map_err(io_error)?;
            let size = file.metadata().map_err(io_error)?.len();
            if size > max_bytes {
                return Err(LoadError::TooLarge {
                    name,
                    size,
                    limit: max_bytes,
                });
            }
            file.take(max_bytes + 1)
                .read_to_end(&mut bytes)
                .map_err(io_error)?;
        }
        Input::Stdin => {
            std::io::stdin()
                .take(max_bytes + 1)
                .read_to_end(&mut bytes)
                .map_err(io_error)?;
        }
    }
    if bytes.len() as u64 > max_bytes {
        return Err(LoadError::TooLarge {
            name,
            size: bytes.len() as u64,
            limit: max_bytes,
        });
    }
    // A NUL byte in the first block marks a binary file, UTF-8 or not.
    if bytes.iter().take(8192).any(|&b| b == 0) {
        return Err(LoadError::Binary { name });
    }
    decode(name, bytes)
}

/// Checks that `bytes` are UTF-8 and makes a [`Document`] of them.
pub fn decode(name: String, bytes: Vec<u8>) -> Result<Document, LoadError> {
    match String::from_utf8(bytes) {
        Ok(text) => Ok(Document::from_text(name, text)),
        Err(err) => {
            let offset = err.utf8_error().valid_up_to();
            let valid = String::from_utf8_lossy(&err.as_bytes()[..offset]).into_owned();
            let (line, column) = LineIndex::new(&valid).line_column(&valid, offset);
            Err(LoadError::NotUtf8 {
                name,
                offset,
                line,
                column,
            })
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn invalid_utf8_is_located() {
        let err = decode("s.txt".into(), b"ok\nab\xffc".to_vec()).unwrap_err();
        assert_eq!(
            err.to_string(),
            "s.txt:2:3: not UTF-8 text (invalid byte at offset 5); convert it to UTF-8 first"
        );
    }

    #[test]
    fn utf8_with_bom_loads_unchanged() {
        let doc = decode("s.txt".into(), "\u{feff}Hi".as_bytes().to_vec()).unwrap();
        assert_eq!(doc.text, "\u{feff}Hi");
    }
}
