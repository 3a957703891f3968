//! Configuration: `quoth.yaml`, found in the current folder or above it,
//! or named with `--config`, merged with the command line.
//!
//! Precedence, strongest first: the command line, the file named by
//! `--config`, the file found by walking up from the current folder, the
//! defaults. Unknown keys are errors that name the key and its position.

use std::fmt;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};
use thiserror::Error;

use crate::load::{DEFAULT_MAX_STORY_BYTES, LoadOptions, StoryFormat};
use crate::matcher::VerdictKind;

/// The name of the configuration file looked for.
pub const CONFIG_FILE: &str = "quoth.yaml";

/// The file of reviewed quotes, next to the configuration file (or in the
/// current folder when there is none), unless configured otherwise.
pub const REVIEWED_FILE: &str = "quoth-reviewed.yaml";

/// Bytes in a MiB, the unit of `max-story-mb`.
const MIB: u64 = 1024 * 1024;

/// What a configuration file may set. Paths are relative to the file.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize, Serialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct ConfigFile {
    /// Corpus folders.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub corpus: Option<Vec<PathBuf>>,
    /// The verdict at and above which `check` exits 1.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub fail_on: Option<VerdictKind>,
    /// The file of reviewed quotes.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reviewed: Option<PathBuf>,
    /// How stories are read, instead of by extension.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub story_format: Option<StoryFormat>,
    /// The largest story read, in MiB.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max_story_mb: Option<u64>,
}

/// Why the configuration could not be read.
#[derive(Debug, Error)]
pub enum ConfigError {
    /// The file could not be read.
    #[error("{path}: cannot read: {source}")]
    Read {
        /// The file.
        path: String,
        /// The underlying error.
        source: std::io::Error,
    },
    /// The file is not valid configuration (an unknown key, a wrong value).
    #[error(transparent)]
    Invalid(#[from] YamlError),
}

/// A YAML file quoth reads (settings, reviewed quotes) that is not what it
/// should be, located.
#[derive(Debug, Error)]
#[error("{path}:{line}:{column}: {message}")]
pub struct YamlError {
    /// The file.
    pub path: String,
    /// 1-based line.
    pub line: usize,
    /// 1-based column.
    pub column: usize,
    /// What is wrong, naming the key.
    pub message: String,
}

impl YamlError {
    /// The error `err` of parsing the file at `path`.
    pub fn new(path: &Path, err: &serde_yaml::Error) -> Self {
        let (line, column) = err.location().map_or((1, 1), |l| (l.line(), l.column()));
        YamlError {
            path: path.display().to_string(),
            line,
            column,
            // The position is given in front; serde_yaml repeats it at the end.
            message: err
                .to_string()
                .split(" at line ")
                .next()
                .unwrap_or_default()
                .to_string(),
        }
    }
}

/// Where a setting in force comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Origin {
    /// quoth's default.
    Default,
    /// The configuration file found by walking up from the current folder.
    Discovered,
    /// The file named by `--config`.
    ConfigOption,
    /// The command line.
    CommandLine,
}

impl fmt::Display for Origin {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Origin::Default => "default",
            Origin::Discovered => "found quoth.yaml",
            Origin::ConfigOption => "--config",
            Origin::CommandLine => "command line",
        })
    }
}

/// A value in force and where it comes from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Setting<T> {
    /// The value.
    pub value: T,
    /// Its origin.
    pub origin: Origin,
}

/// What the command line sets, each `None` when not given.
#[derive(Debug, Clone, Default)]
pub struct Overrides {
    /// `--corpus`, possibly repeated.
    pub corpus: Option<Vec<PathBuf>>,
    /// `--fail-on`.
    pub fail_on: Option<VerdictKind>,
    /// `--reviewed`.
    pub reviewed: Option<PathBuf>,
    /// `--story-format`.
    pub story_format: Option<StoryFormat>,
    /// `--max-story-mb`.
    pub max_story_mb: Option<u64>,
}

/// The settings in force for a run.
#[derive(Debug, Clone)]
pub struct Settings {
    /// The configuration file read, if any.
    pub file: Option<PathBuf>,
    /// Corpus folders.
    pub corpus: Setting<Vec<PathBuf>>,
    /// The fail level.
    pub fail_on: Setting<VerdictKind>,
    /// The file of reviewed quotes.
    pub reviewed: Setting<PathBuf>,
    /// The story format, when not by extension.
    pub story_format: Setting<Option<StoryFormat>>,
    /// The largest story, in MiB.
    pub max_story_mb: Setting<u64>,
}

/// The configuration file that applies in `start`: `start/quoth.yaml`, or
/// the nearest in a folder above.
pub fn discover(start: &Path) -> Option<PathBuf> {
    start
        .ancestors()
        .map(|dir| dir.join(CONFIG_FILE))
        .find(|path| path.is_file())
}

/// Reads a configuration file; its relative paths are made relative to its folder.
pub fn read_config(path: &Path) -> Result<ConfigFile, ConfigError> {
    let name = path.display().to_string();
    let text = std::fs::read_to_string(path).map_err(|source| ConfigError::Read {
        path: name.clone(),
        source,
    })?;
    let mut config: ConfigFile = if text.trim().is_empty() {
        ConfigFile::default()
    } else {
        serde_yaml::from_str(&text).map_err(|err| YamlError::new(path, &err))?
    };
    let base = path.parent().unwrap_or(Path::new("."));
    let relative = |p: PathBuf| if p.is_absolute() { p } else { base.join(p) };
    config.corpus = config
        .corpus
        .map(|dirs| dirs.into_iter().map(relative).collect());
    config.reviewed = config.reviewed.map(relative);
    Ok(config)
}

impl Settings {
    /// The settings for a run in `cwd`: `explicit` is the file `--config`
    /// names; without it, the file found from `cwd` upward.
    pub fn resolve(
        overrides: &Overrides,
        explicit: Option<&Path>,
        cwd: &Path,
    ) -> Result<Settings, ConfigError> {
        let (file, origin) = match explicit {
            Some(path) => (Some(path.to_path_buf()), Origin::ConfigOption),
            None => (discover(cwd), Origin::Discovered),
        };
        let config = match &file {
            Some(path) => read_config(path)?,
            None => ConfigFile::default(),
        };
        fn pick<T>(cli: Option<T>, file: Option<T>, origin: Origin, default: T) -> Setting<T> {
            match (cli, file) {
                (Some(value), _) => Setting {
                    value,
                    origin: Origin::CommandLine,
                },
                (None, Some(value)) => Setting { value, origin },
                (None, None) => Setting {
                    value: default,
                    origin: Origin::Default,
                },
            }
        }
        let reviewed_default = file.as_deref().and_then(Path::parent).map_or_else(
            || PathBuf::from(REVIEWED_FILE),
            |dir| dir.join(REVIEWED_FILE),
        );
        Ok(Settings {
            corpus: pick(
                overrides.corpus.clone(),
                config.corpus,
                origin,
                vec![PathBuf::from("corpus")],
            ),
            fail_on: pick(
                overrides.fail_on,
                config.fail_on,
                origin,
                VerdictKind::Altered,
            ),
            reviewed: pick(
                overrides.reviewed.clone(),
                config.reviewed,
                origin,
                reviewed_default,
            ),
            story_format: pick(
                overrides.story_format.map(Some),
                config.story_format.map(Some),
                origin,
                None,
            ),
            max_story_mb: pick(
                overrides.max_story_mb,
                config.max_story_mb,
                origin,
                DEFAULT_MAX_STORY_BYTES / MIB,
            ),
            file,
        })
    }

    /// How stories are read.
    pub fn load_options(&self) -> LoadOptions {
        LoadOptions {
            max_bytes: self.max_story_mb.value.saturating_mul(MIB),
            format: self.story_format.value,
        }
    }

    /// The settings as YAML a person can read (and a `quoth.yaml` could
    /// hold), each line saying where its value comes from.
    pub fn describe(&self) -> String {
        let mut out = String::from(
            "# The settings in force (command line > --config > quoth.yaml found > defaults).\n",
        );
        match &self.file {
            Some(file) => out.push_str(&format!("# Configuration file: {}\n", file.display())),
            None => out.push_str("# Configuration file: none found\n"),
        }
        out.push_str(&format!("corpus:  # {}\n", self.corpus.origin));
        for dir in &self.corpus.value {
            out.push_str(&format!(
                "  - {}\n",
                yaml_scalar(&dir.display().to_string())
            ));
        }
        out.push_str(&format!(
            "fail-on: {}  # {}\n",
            self.fail_on.value.name(),
            self.fail_on.origin
        ));
        out.push_str(&format!(
            "reviewed: {}  # {}\n",
            yaml_scalar(&self.reviewed.value.display().to_string()),
            self.reviewed.origin
        ));
        match self.story_format.value {
            Some(format) => out.push_str(&format!(
                "story-format: {}  # {}\n",
                serde_yaml::to_string(&format).unwrap_or_default().trim(),
                self.story_format.origin
            )),
            None => out.push_str("# story-format: by extension  # default\n"),
        }
        out.push_str(&format!(
            "max-story-mb: {}  # {}\n",
            self.max_story_mb.value, self.max_story_mb.origin
        ));
        out
    }
}

/// A string as a YAML scalar, quoted when it must be.
fn yaml_scalar(text: &str) -> String {
    serde_yaml::to_string(text).map_or_else(|_| format!("{text:?}"), |s| s.trim_end().to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn scratch(name: &str) -> PathBuf {
        let dir = std::env::temp_dir().join(format!("quoth-config-{}-{name}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).unwrap();
        dir
    }

    #[test]
    fn the_nearest_file_above_applies_and_its_paths_are_its_own() {
        let root = scratch("nested");
        std::fs::write(
            root.join(CONFIG_FILE),
            "corpus: [sources]\nfail-on: not-found\n",
        )
        .unwrap();
        let deep = root.join("desk/stories/2021");
        std::fs::create_dir_all(&deep).unwrap();
        let settings = Settings::resolve(&Overrides::default(), None, &deep).unwrap();
        assert_eq!(
            settings.file.as_deref(),
            Some(root.join(CONFIG_FILE).as_path())
        );
        assert_eq!(settings.corpus.value, [root.join("sources")]);
        assert_eq!(
            settings.fail_on,
            Setting {
                value: VerdictKind::NotFound,
                origin: Origin::Discovered
            }
        );
        assert_eq!(settings.reviewed.value, root.join(REVIEWED_FILE));

        // A nearer file wins over the one above.
        std::fs::write(
            root.join("desk").join(CONFIG_FILE),
            "fail-on: misattributed\n",
        )
        .unwrap();
        let settings = Settings::resolve(&Overrides::default(), None, &deep).unwrap();
        assert_eq!(settings.fail_on.value, VerdictKind::Misattributed);
        assert_eq!(settings.corpus.origin, Origin::Default);

        // The command line wins over both.
        let cli = Overrides {
            fail_on: Some(VerdictKind::Altered),
            ..Overrides::default()
        };
        let settings = Settings::resolve(&cli, None, &deep).unwrap();
        assert_eq!(
            settings.fail_on,
            Setting {
                value: VerdictKind::Altered,
                origin: Origin::CommandLine
            }
        );
        std::fs::remove_dir_all(&root).unwrap();
    }

    #[test]
    fn unknown_keys_and_bad_values_are_located() {
        let root = scratch("unknown");
        let path = root.join(CONFIG_FILE);
        std::fs::write(&path, "corpus: [c]\nfail_on: altered\n").unwrap();
        let err = read_config(&path).unwrap_err().to_string();
        assert!(err.ends_with("quoth.yaml:2:1: unknown field `fail_on`, expected one of `corpus`, `fail-on`, `reviewed`, `story-format`, `max-story-mb`"), "{err}");
        std::fs::write(&path, "fail-on: wrong\n").unwrap();
        let err = read_config(&path).unwrap_err().to_string();
        assert!(
            err.contains("quoth.yaml:1:10: fail-on: unknown variant `wrong`"),
            "{err}"
        );
        std::fs::remove_dir_all(&root).unwrap();
    }
}
