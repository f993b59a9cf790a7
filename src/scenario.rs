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
pub mod estimate;
mod hints;
pub mod limits;
pub mod locate;
pub mod overrides;
pub mod raw;
pub mod shipped;

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
    /// What is wrong, in every language (it reads as its English).
    pub message: crate::i18n::Text,
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

impl ScenarioError {
    /// The error in `lang`: `file:line:column: key `k`: message`.
    pub fn render(&self, lang: crate::i18n::Lang) -> String {
        let mut at = self.file.clone();
        if let Some(l) = self.location {
            at.push_str(&format!(":{}:{}", l.line, l.column));
        }
        if self.key.is_empty() {
            crate::t!(lang, SCENARIO_ERROR, at, message = self.message.get(lang))
        } else {
            crate::t!(
                lang,
                SCENARIO_ERROR_KEY,
                at,
                key = self.key,
                message = self.message.get(lang)
            )
        }
    }
}

/// Reads and validates the scenario file at `path`.
pub fn load_file(path: &Path) -> Result<Scenario, ScenarioError> {
    let (src, file) = read_file(path)?;
    load_str(&src, &file)
}

/// Largest scenario file read [bytes]: a listed city of a million places
/// fits; anything larger is not a hand-written scenario.
pub const MAX_FILE_BYTES: u64 = 256 << 20;

/// Reads the scenario file at `path`: its text and its name for messages.
/// Anything but a regular file (a device such as `/dev/zero`, a FIFO, a
/// folder) is refused before it is opened, as is a file larger than
/// [`MAX_FILE_BYTES`]; bytes that are not UTF-8 are named by line and column.
pub fn read_file(path: &Path) -> Result<(String, String), ScenarioError> {
    use std::io::Read;
    let file = path.display().to_string();
    let fail = |message: crate::i18n::Text, location: Option<Location>| ScenarioError {
        file: file.clone(),
        location,
        key: String::new(),
        message,
    };
    let meta = std::fs::metadata(path).map_err(|e| fail(crate::text!(SC_CANNOT_READ, e), None))?;
    if !meta.is_file() {
        return Err(fail(crate::text!(SC_NOT_A_FILE), None));
    }
    let max = MAX_FILE_BYTES;
    if meta.len() > max {
        return Err(fail(
            crate::text!(SC_FILE_TOO_LARGE, size = meta.len(), max),
            None,
        ));
    }
    let mut bytes = Vec::new();
    std::fs::File::open(path)
        .and_then(|f| f.take(max + 1).read_to_end(&mut bytes))
        .map_err(|e| fail(crate::text!(SC_CANNOT_READ, e), None))?;
    if bytes.len() as u64 > max {
        return Err(fail(
            crate::text!(SC_FILE_TOO_LARGE, size = bytes.len(), max),
            None,
        ));
    }
    match String::from_utf8(bytes) {
        Ok(src) => Ok((src, file)),
        Err(e) => {
            let at = e.utf8_error().valid_up_to();
            let bytes = e.as_bytes();
            let before = String::from_utf8_lossy(&bytes[..at]);
            let location = locate::offset_to_location(&before, before.len());
            let bad: Vec<String> = bytes[at..]
                .iter()
                .take(e.utf8_error().error_len().unwrap_or(1).max(1))
                .map(|b| format!("{b:#04x}"))
                .collect();
            Err(fail(
                crate::text!(SC_NOT_UTF8, bytes = bad.join(" ")),
                Some(location),
            ))
        }
    }
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
        // A Chinese keyboard's punctuation explains most syntax errors.
        if let Some((location, message)) = hints::full_width(src) {
            return ScenarioError {
                file: file.to_string(),
                location: Some(location),
                key: String::new(),
                message,
            };
        }
        let location = e.span().map(|s| locate::offset_to_location(src, s.start));
        let key = e.span().map(|s| key_at(src, s.start)).unwrap_or_default();
        let tidied = tidy_en(e.message());
        let plain = tidied
            .strip_prefix("invalid type: ")
            .and_then(|r| r.split_once(", expected "))
            .and_then(|(got, want)| hints::wrong_type(&key, got, want));
        ScenarioError {
            file: file.to_string(),
            location,
            key,
            message: plain.unwrap_or_else(|| tidy(e.message())),
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

/// The key written on the line that holds byte `offset`, with the table
/// header above it (`plan.green_chanel`), or the table header there.
fn key_at(src: &str, offset: usize) -> String {
    let mut offset = offset.min(src.len());
    while !src.is_char_boundary(offset) {
        offset -= 1;
    }
    let start = src[..offset].rfind('\n').map_or(0, |i| i + 1);
    let end = src[start..].find('\n').map_or(src.len(), |i| start + i);
    let line = src[start..end].trim();
    let header = |l: &str| l.trim_matches(|c| c == '[' || c == ']').trim().to_string();
    if line.starts_with('[') {
        return header(line);
    }
    let key = match line.split_once('=') {
        Some((k, _)) => k.trim().trim_matches('"').to_string(),
        None => return String::new(),
    };
    let before: Vec<&str> = src[..start].lines().map(str::trim).collect();
    let table = before.iter().rposition(|l| l.starts_with('[')).map(|i| {
        let h = before[i];
        if h.starts_with("[[") {
            // An array of tables: name the element, `stores[1]`.
            let n = before[..i].iter().filter(|l| **l == h).count();
            format!("{}[{n}]", header(h))
        } else {
            header(h)
        }
    });
    match table {
        Some(t) if !t.is_empty() => format!("{t}.{key}"),
        _ => key,
    }
}

/// Makes serde's messages read as ours: one line, no trailing period; in
/// Chinese, the common ones put into words, the rest marked as coming from
/// the TOML reader.
fn tidy(msg: &str) -> crate::i18n::Text {
    let en = tidy_en(msg);
    let zh = zh_of_serde(&en);
    crate::i18n::Text { en, zh }
}

/// The Chinese of a tidied serde or TOML message.
fn zh_of_serde(en: &str) -> String {
    use crate::i18n::Lang;
    use crate::t;
    let zh = Lang::Zh;
    if let Some(rest) = en.strip_prefix("unknown key `")
        && let Some((key, rest)) = rest.split_once('`')
    {
        let valid = rest.rsplit_once("valid keys here: ").map_or("", |(_, v)| v);
        let mean = rest
            .split_once("did you mean `")
            .and_then(|(_, r)| r.split_once('`'))
            .map(|(m, _)| m);
        return match mean {
            Some(m) => t!(zh, SC_UNKNOWN_KEY_MEAN, key, mean = m, valid),
            None => t!(zh, SC_UNKNOWN_KEY, key, valid),
        };
    }
    if let Some(rest) = en.strip_prefix("missing field `")
        && let Some((key, _)) = rest.split_once('`')
    {
        return t!(zh, SC_MISSING_KEY, key);
    }
    if en.starts_with("expected a number or a distribution table") {
        return t!(zh, SC_EXPECTED_DIST);
    }
    if en.starts_with("expected a count (2) or a range") {
        return t!(zh, SC_EXPECTED_COUNT);
    }
    if let Some(rest) = en.strip_prefix("invalid type: ")
        && let Some((got, want)) = rest.split_once(", expected ")
    {
        return t!(zh, SC_INVALID_TYPE, got, want);
    }
    if let Some(rest) = en.strip_prefix("unknown variant `")
        && let Some((v, rest)) = rest.split_once('`')
    {
        let want = rest.trim_start_matches(", expected ").trim();
        return t!(zh, SC_UNKNOWN_VARIANT, v, want);
    }
    if en.starts_with("duplicate key") {
        return t!(zh, SC_DUPLICATE_KEY, detail = en);
    }
    t!(zh, SC_TOML_READER, detail = en)
}

/// Serde's message on one line, with our wording.
fn tidy_en(msg: &str) -> String {
    // One line; absurdly long tokens (a 300-digit number) are shortened.
    let one = msg
        .split_whitespace()
        .map(|w| {
            if w.chars().count() > 40 {
                format!("{}…", w.chars().take(24).collect::<String>())
            } else {
                w.to_string()
            }
        })
        .collect::<Vec<_>>()
        .join(" ");
    let one = suggest(&one);
    let one = one.replace("data did not match any variant of untagged enum RawDist", "expected a number or a distribution table such as { dist = \"uniform\", min = 1.0, max = 2.0 }");
    let one = one.replace(
        "data did not match any variant of untagged enum RawCount",
        "expected a count (2) or a range [min, max] ([2, 3])",
    );
    one.trim_end_matches('.').to_string()
}

/// Turns serde's "unknown field `x`, expected one of `a`, `b`" into
/// "unknown key `x`; did you mean `a`? valid keys: a, b".
fn suggest(msg: &str) -> String {
    let Some(rest) = msg.strip_prefix("unknown field `") else {
        return msg.to_string();
    };
    let Some((field, rest)) = rest.split_once('`') else {
        return msg.to_string();
    };
    let valid: Vec<&str> = rest.split('`').skip(1).step_by(2).collect();
    if valid.is_empty() {
        return msg.to_string();
    }
    let best = valid
        .iter()
        .map(|v| (edit_distance(field, v), *v))
        .min()
        .filter(|(d, _)| *d <= 2 || field.len() > 6 && *d <= 3);
    let hint = best.map_or(String::new(), |(_, v)| format!("; did you mean `{v}`?"));
    format!(
        "unknown key `{field}`{hint}{}valid keys here: {}",
        if hint.is_empty() { "; " } else { " " },
        valid.join(", ")
    )
}

/// Levenshtein distance between two short strings.
pub(crate) fn edit_distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut cur = vec![i + 1; b.len() + 1];
        for (j, cb) in b.iter().enumerate() {
            cur[j + 1] = (prev[j] + usize::from(ca != *cb))
                .min(prev[j + 1] + 1)
                .min(cur[j] + 1);
        }
        prev = cur;
    }
    prev[b.len()]
}

/// Applies `overrides` to the scenario text `src` (which must be valid)
/// and validates the result. An error names the key and the override that
/// set it; it has no line, since the rewritten text's lines are not the file's.
pub fn load_with(
    src: &str,
    file: &str,
    overrides: &[overrides::Override],
) -> Result<Scenario, ScenarioError> {
    let text = overrides::apply(src, overrides).map_err(|e| ScenarioError {
        file: file.to_string(),
        location: None,
        key: String::new(),
        message: e.0,
    })?;
    load_str(&text, file).map_err(|mut error| {
        error.location = None;
        // The override of that key, or else of a table holding it.
        let culprit = overrides
            .iter()
            .rev()
            .find(|o| o.key == error.key)
            .or_else(|| {
                overrides
                    .iter()
                    .rev()
                    .find(|o| error.key.starts_with(&format!("{}.", o.key)))
            });
        if let Some(o) = culprit {
            error.message = error.message.map(|lang, m| {
                crate::t!(lang, FROM_OVERRIDE, message = m, origin = o.origin, set = o)
            });
        }
        error
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unknown_keys_get_a_suggestion() {
        let m = suggest("unknown field `green_chanel`, expected one of `green_channel`, `points`");
        assert_eq!(
            m,
            "unknown key `green_chanel`; did you mean `green_channel`? valid keys here: green_channel, points"
        );
        let m = suggest("unknown field `zzz`, expected `points`");
        assert_eq!(m, "unknown key `zzz`; valid keys here: points");
    }

    #[test]
    fn key_at_names_the_table() {
        let src = "[scenario]\nname = \"x\"\n[plan]\n# c\ngreen = 1\n";
        let off = src.find("green").unwrap();
        assert_eq!(key_at(src, off), "plan.green");
        assert_eq!(key_at(src, 0), "scenario");
    }
}
