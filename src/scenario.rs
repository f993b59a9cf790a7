//! Scenario files: TOML in, a validated [`Scenario`](crate::model::Scenario) out.
//!
//! Loading has two stages, as in ripgrep's low/high arguments:
//! `raw` mirrors the file one to one with serde (unknown keys are errors),
//! and `build` checks every value and reference and builds the static city.
//! Every problem becomes one [`ScenarioError`] naming the file, line, column
//! and key. `scenarios/default.toml`, which documents every key with its
//! unit and source, is compiled into the binary.

mod build;
mod dist;
pub mod locate;
pub mod raw;

use std::fmt;
use std::path::Path;

pub use locate::{KeyPath, Location};

use crate::model::Scenario;

/// The default scenario, compiled into the binary.
pub const DEFAULT_SCENARIO: &str = include_str!("../scenarios/default.toml");

/// Name used in messages for the compiled-in default scenario.
pub const DEFAULT_SOURCE: &str = "<built-in default.toml>";

/// A scenario that cannot be read or is not valid.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ScenarioError {
    /// The file (or `<built-in default.toml>`).
    pub file: String,
    /// Where in the file, if known.
    pub location: Option<Location>,
    /// The key concerned, if known (`plan.suppliers.compound`).
    pub key: String,
    /// What is wrong.
    pub message: String,
}

impl fmt::Display for ScenarioError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.file)?;
        if let Some(l) = self.location {
            write!(f, ":{}:{}", l.line, l.column)?;
        }
        if !self.key.is_empty() {
            write!(f, ": key `{}`", self.key)?;
        }
        write!(f, ": {}", self.message)
    }
}

impl std::error::Error for ScenarioError {}

/// Reads and validates the scenario file at `path`.
pub fn load_file(path: &Path) -> Result<Scenario, ScenarioError> {
    let file = path.display().to_string();
    let src = std::fs::read_to_string(path).map_err(|e| ScenarioError {
        file: file.clone(),
        location: None,
        key: String::new(),
        message: format!("cannot read the scenario file: {e}"),
    })?;
    load_str(&src, &file)
}

/// The compiled-in default scenario.
pub fn load_default() -> Result<Scenario, ScenarioError> {
    load_str(DEFAULT_SCENARIO, DEFAULT_SOURCE)
}

/// Parses and validates scenario text; `file` names it in messages.
pub fn load_str(src: &str, file: &str) -> Result<Scenario, ScenarioError> {
    let raw = parse_raw(src, file)?;
    build_raw(&raw, src, file)
}

/// Parses scenario text into its raw form (syntax, key names, types).
pub fn parse_raw(src: &str, file: &str) -> Result<raw::RawScenario, ScenarioError> {
    toml::from_str::<raw::RawScenario>(src).map_err(|e| {
        let location = e.span().map(|s| locate::offset_to_location(src, s.start));
        let key = e.span().map(|s| key_at(src, s.start)).unwrap_or_default();
        ScenarioError {
            file: file.to_string(),
            location,
            key,
            message: tidy(e.message()),
        }
    })
}

/// Validates a raw scenario; `src` is its text, to locate keys.
pub fn build_raw(raw: &raw::RawScenario, src: &str, file: &str) -> Result<Scenario, ScenarioError> {
    build::build(raw, file).map_err(|p| ScenarioError {
        file: file.to_string(),
        location: locate::locate(src, &p.path),
        key: p.path.to_string(),
        message: p.message,
    })
}

/// The key written on the line that holds byte `offset`, or the table
/// header there.
fn key_at(src: &str, offset: usize) -> String {
    let offset = offset.min(src.len());
    let start = src[..offset].rfind('\n').map_or(0, |i| i + 1);
    let end = src[start..].find('\n').map_or(src.len(), |i| start + i);
    let line = src[start..end].trim();
    if let Some((k, _)) = line.split_once('=') {
        k.trim().trim_matches('"').to_string()
    } else {
        line.trim_matches(|c| c == '[' || c == ']')
            .trim()
            .to_string()
    }
}

/// Makes serde's messages read as ours: one line, no trailing period.
fn tidy(msg: &str) -> String {
    let one = msg.split_whitespace().collect::<Vec<_>>().join(" ");
    let one = one.replace("data did not match any variant of untagged enum RawDist", "expected a number or a distribution table such as { dist = \"uniform\", min = 1.0, max = 2.0 }");
    let one = one.replace(
        "data did not match any variant of untagged enum RawCount",
        "expected a count (2) or a range [min, max] ([2, 3])",
    );
    one.trim_end_matches('.').to_string()
}
