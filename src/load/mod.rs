//! Load: turn the paths a user names into story documents.
//!
//! A story is read whole and checked to be UTF-8. Plain text is its own
//! text; Markdown and HTML are turned into the prose the pipeline reads by
//! the front ends in `markdown` and `html`, which keep an [`OffsetMap`] so
//! that every reported position points into the original file. A leading
//! byte-order mark is skipped the same way.

pub mod blocks;
pub mod html;
pub mod markdown;
pub mod offsets;

use std::fs;
use std::io::Read;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};
use thiserror::Error;

use crate::span::{LineIndex, Location, Span};
pub use offsets::OffsetMap;

/// File extensions picked up when a folder is named as input.
pub const STORY_EXTENSIONS: &[&str] = &["txt", "text", "md", "markdown", "html", "htm", "xhtml"];

/// The name under which standard input is reported.
pub const STDIN_NAME: &str = "<stdin>";

const BYTE_ORDER_MARK: char = '\u{feff}';

/// The markup of a story file.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, clap::ValueEnum)]
#[serde(rename_all = "kebab-case")]
pub enum StoryFormat {
    /// Plain text, one paragraph per line.
    Text,
    /// Markdown (CommonMark with tables, footnotes and front matter).
    Markdown,
    /// An HTML page; the article body is the story.
    Html,
}

impl StoryFormat {
    /// The format a file's extension names: `.md`/`.markdown` Markdown,
    /// `.html`/`.htm`/`.xhtml` HTML, anything else plain text.
    pub fn of_path(path: &Path) -> StoryFormat {
        let extension = path
            .extension()
            .and_then(|e| e.to_str())
            .map(str::to_ascii_lowercase);
        match extension.as_deref() {
            Some("md" | "markdown") => StoryFormat::Markdown,
            Some("html" | "htm" | "xhtml") => StoryFormat::Html,
            _ => StoryFormat::Text,
        }
    }
}

/// A story ready for extraction.
#[derive(Debug, Clone)]
pub struct Document {
    /// The name the story is reported under: the path as given, or `<stdin>`.
    pub name: String,
    /// The markup the story was read as.
    pub format: StoryFormat,
    /// The text the pipeline reads: the file itself for plain text, its
    /// prose (one paragraph per line) for Markdown and HTML.
    pub text: String,
    /// The file as read and the map into it, when it differs from `text`.
    source: Option<(String, OffsetMap)>,
    /// Review markers (`<!-- quoth: reviewed -->`) of a Markdown or HTML story.
    pub review_markers: Vec<blocks::ReviewMarker>,
    /// Line starts of the original file, for rendering positions.
    lines: LineIndex,
}

impl Document {
    /// A plain-text document from text in memory.
    pub fn from_text(name: impl Into<String>, text: impl Into<String>) -> Self {
        Document::parse(name, text, StoryFormat::Text)
    }

    /// A document from the contents of a file in `format`.
    pub fn parse(
        name: impl Into<String>,
        original: impl Into<String>,
        format: StoryFormat,
    ) -> Self {
        let original = original.into();
        let lines = LineIndex::new(&original);
        let bom = if original.starts_with(BYTE_ORDER_MARK) {
            BYTE_ORDER_MARK.len_utf8()
        } else {
            0
        };
        let blocks = match format {
            StoryFormat::Text if bom == 0 => {
                return Document {
                    name: name.into(),
                    format,
                    text: original,
                    source: None,
                    review_markers: Vec::new(),
                    lines,
                };
            }
            StoryFormat::Text => None,
            StoryFormat::Markdown => Some(markdown::blocks(&original[bom..])),
            StoryFormat::Html => Some(html::blocks(&original[bom..])),
        };
        let assembled = match blocks {
            Some(blocks) => blocks::assemble(&original[bom..], &blocks),
            None => {
                let mut text = offsets::MappedText::new();
                text.copy(&original[bom..], 0);
                let (text, map) = text.finish();
                blocks::Assembled {
                    text,
                    map,
                    markers: Vec::new(),
                }
            }
        };
        Document {
            name: name.into(),
            format,
            text: assembled.text,
            source: Some((original, assembled.map.shifted(bom))),
            review_markers: assembled.markers,
            lines,
        }
    }

    /// The file as read.
    pub fn original(&self) -> &str {
        self.source
            .as_ref()
            .map_or(&self.text, |(original, _)| original)
    }

    /// The span in the original file of `span` of the text.
    pub fn original_span(&self, span: Span) -> Span {
        match &self.source {
            Some((_, map)) => map.to_original(span),
            None => span,
        }
    }

    /// Where `span` of the text stands in the original file: byte offsets,
    /// line and column.
    pub fn locate(&self, span: Span) -> Location {
        self.lines.locate(self.original(), self.original_span(span))
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
    #[error(
        "{name}: no stories in this folder (looked for .txt, .text, .md, .markdown, .html, .htm and .xhtml files)"
    )]
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

/// How stories are read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct LoadOptions {
    /// The largest story read, in bytes.
    pub max_bytes: u64,
    /// The format of every story; `None` goes by each file's extension
    /// (plain text for standard input).
    pub format: Option<StoryFormat>,
}

impl Default for LoadOptions {
    fn default() -> Self {
        LoadOptions {
            max_bytes: DEFAULT_MAX_STORY_BYTES,
            format: None,
        }
    }
}

/// Reads one input into a [`Document`] as `options` say, refusing inputs
/// over the size limit.
pub fn load(input: &Input, options: &LoadOptions) -> Result<Document, LoadError> {
    let max_bytes = options.max_bytes;
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
    let format = options.format.unwrap_or(match input {
        Input::File(path) => StoryFormat::of_path(path),
        Input::Stdin => StoryFormat::Text,
    });
    decode(name, bytes, format)
}

/// Checks that `bytes` are UTF-8 and makes a [`Document`] in `format` of them.
pub fn decode(name: String, bytes: Vec<u8>, format: StoryFormat) -> Result<Document, LoadError> {
    match String::from_utf8(bytes) {
        Ok(text) => Ok(Document::parse(name, text, format)),
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
        let err = decode("s.txt".into(), b"ok\nab\xffc".to_vec(), StoryFormat::Text).unwrap_err();
        assert_eq!(
            err.to_string(),
            "s.txt:2:3: not UTF-8 text (invalid byte at offset 5); convert it to UTF-8 first"
        );
    }

    #[test]
    fn a_byte_order_mark_is_skipped_and_positions_still_count_it() {
        let original = "\u{feff}Hi \"there\"";
        let doc = decode(
            "s.txt".into(),
            original.as_bytes().to_vec(),
            StoryFormat::Text,
        )
        .unwrap();
        assert_eq!(doc.text, "Hi \"there\"");
        assert_eq!(doc.original(), original);
        let there = doc.locate(Span::new(4, 9));
        assert_eq!(&original[there.start..there.end], "there");
    }

    #[test]
    fn the_format_follows_the_extension() {
        assert_eq!(
            StoryFormat::of_path(Path::new("a/story.HTML")),
            StoryFormat::Html
        );
        assert_eq!(
            StoryFormat::of_path(Path::new("draft.md")),
            StoryFormat::Markdown
        );
        assert_eq!(
            StoryFormat::of_path(Path::new("story.txt")),
            StoryFormat::Text
        );
        assert_eq!(StoryFormat::of_path(Path::new("README")), StoryFormat::Text);
    }
}
