//! Scenario files: TOML in, a validated [`Scenario`](crate::model::Scenario) out.
//!
//! Loading has two stages, as in ripgrep's low/high arguments:
//! `raw` mirrors the file one to one with serde (unknown keys are errors),
//! and `build` checks every value and reference and builds the static city
//! (`check.rs`, `sections.rs`, `generate.rs`, `listed.rs`, `assemble.rs`,
//! `events.rs`). Each problem names the file, line, column and key; one
//! [`ScenarioError`] holds every problem found (up to [`MAX_REPORTED`]),
//! each a catalogue [`Message`] put into words in the user's language when
//! shown. [`load_checked`] also gives the [`ScenarioWarning`]s of a valid
//! file (`warnings.rs`). `scenarios/default.toml`, which documents every
//! key with its unit and source, is compiled into the binary.

mod assemble;
mod build;
mod check;
mod dist;
mod error;
pub mod estimate;
mod events;
mod generate;
mod headers;
mod hints;
pub mod limits;
mod listed;
pub mod locate;
pub mod overrides;
pub mod raw;
mod sections;
pub mod shipped;
mod suggest;
mod warnings;

use std::path::Path;

pub use error::{Arg, MAX_REPORTED, Message, More, ScenarioError, ScenarioWarning};
pub use locate::{KeyPath, Location};
pub use suggest::{edit_distance, nearest, simplified};

use crate::model::Scenario;

/// The default scenario, compiled into the binary.
pub const DEFAULT_SCENARIO: &str = include_str!("../scenarios/default.toml");

/// Name used in messages for the compiled-in default scenario.
pub const DEFAULT_SOURCE: &str = "<built-in default.toml>";

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
    let fail = |message: Message, location: Option<Location>| {
        ScenarioError::new(&file, location, "", message)
    };
    let meta =
        std::fs::metadata(path).map_err(|e| fail(crate::message!(SC_CANNOT_READ, e), None))?;
    if !meta.is_file() {
        return Err(fail(crate::message!(SC_NOT_A_FILE), None));
    }
    let max = MAX_FILE_BYTES;
    if meta.len() > max {
        return Err(fail(
            crate::message!(SC_FILE_TOO_LARGE, size = meta.len(), max),
            None,
        ));
    }
    let mut bytes = Vec::new();
    std::fs::File::open(path)
        .and_then(|f| f.take(max + 1).read_to_end(&mut bytes))
        .map_err(|e| fail(crate::message!(SC_CANNOT_READ, e), None))?;
    if bytes.len() as u64 > max {
        return Err(fail(
            crate::message!(SC_FILE_TOO_LARGE, size = bytes.len(), max),
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
                crate::message!(SC_NOT_UTF8, bytes = bad.join(" ")),
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
/// Every problem found is in the error (see [`ScenarioError`]).
pub fn load_str(src: &str, file: &str) -> Result<Scenario, ScenarioError> {
    load_checked(src, file).map(|l| l.scenario)
}

/// A scenario read and validated, with its raw form and its warnings.
#[derive(Debug)]
pub struct Loaded {
    /// The file as written (its `[sweep]` table, for instance).
    pub raw: raw::RawScenario,
    /// The validated scenario.
    pub scenario: Scenario,
    /// Set-ups that run but make no sense.
    pub warnings: Vec<ScenarioWarning>,
}

/// Parses and validates scenario text and looks for set-ups that make no
/// sense. The error holds every problem of the reading stage and, if
/// reading got through, of the checks ([`MAX_REPORTED`] at most).
pub fn load_checked(src: &str, file: &str) -> Result<Loaded, ScenarioError> {
    let (raw, mut found, read_text) = read(src, file);
    let Some(raw) = raw else {
        by_line(&mut found);
        return Err(ScenarioError::gather(found).expect("reading stopped on a problem"));
    };
    match build::build(&raw, file) {
        Ok(scenario) if found.is_empty() => {
            let warnings = warnings::warnings(&raw, &scenario, src, file);
            Ok(Loaded {
                raw,
                scenario,
                warnings,
            })
        }
        Ok(_) => {
            by_line(&mut found);
            Err(ScenarioError::gather(found).expect("a problem was found"))
        }
        Err(problems) => {
            // Located in the text as read: the lines blanked past a
            // syntax error keep every other line and column, and the
            // rest parses, so that later sections' problems have lines.
            let checked: Vec<ScenarioError> = problems
                .into_iter()
                .map(|p| located(p, &read_text, file))
                .collect();
            found.extend(checked);
            // Both stages' problems in the order of the file's lines.
            by_line(&mut found);
            Err(ScenarioError::gather(found).expect("a problem was found"))
        }
    }
}

/// Parses scenario text into its raw form (syntax, key names, types).
pub fn parse_raw(src: &str, file: &str) -> Result<raw::RawScenario, ScenarioError> {
    match read(src, file) {
        (Some(raw), found, _) if found.is_empty() => Ok(raw),
        (_, mut found, _) => {
            by_line(&mut found);
            Err(ScenarioError::gather(found).expect("a problem was found"))
        }
    }
}

/// Validates a raw scenario; `src` is its text, to locate keys.
pub fn build_raw(raw: &raw::RawScenario, src: &str, file: &str) -> Result<Scenario, ScenarioError> {
    build::build(raw, file).map_err(|problems| {
        let mut all: Vec<ScenarioError> = problems
            .into_iter()
            .map(|p| located(p, src, file))
            .collect();
        by_line(&mut all);
        ScenarioError::gather(all).expect("a problem was found")
    })
}

/// Problems in the order of the file's lines; those with no line last.
fn by_line(all: &mut [ScenarioError]) {
    all.sort_by_key(|e| e.location.map_or((usize::MAX, 0), |l| (l.line, l.column)));
}

/// A checking problem as an error of `file`, with its line.
fn located(p: check::Problem, src: &str, file: &str) -> ScenarioError {
    ScenarioError::new(
        file,
        locate::locate(src, &p.path),
        p.path.to_string(),
        p.message,
    )
}

/// Largest file whose reading goes on past a wrong key or value to find
/// the next one [bytes]: each further problem reads the file again.
const REREAD_BYTES: usize = 4 << 20;

/// Most readings of one file: each mends or blanks a line or a section,
/// and one line is mended once and blanked once at most.
const MAX_READINGS: usize = 4 * MAX_REPORTED;

/// Reads the raw scenario, going on past a problem to report the next,
/// up to [`MAX_REPORTED`]: a wrong `key = value` statement is blanked
/// (spaces, keeping every other line and column) and the text read again;
/// a table header the reader stops on is mended into the header meant,
/// renamed, or blanked with its section (`headers.rs`). The raw scenario
/// is there if the last reading got through and nothing the model would
/// read was dropped on the way (an entry of a list, a section under a
/// header that could not be read), so that the checks that follow find
/// no problem the file does not have; the text is the one last read.
fn read<'a>(
    src: &'a str,
    file: &str,
) -> (
    Option<raw::RawScenario>,
    Vec<ScenarioError>,
    std::borrow::Cow<'a, str>,
) {
    let mut found: Vec<ScenarioError> = Vec::new();
    let mut text = std::borrow::Cow::Borrowed(src);
    // Keys offered for a wrong one, or whose line was blanked: their
    // absence is not news.
    let mut gone: Vec<String> = Vec::new();
    // Whether something the model reads was dropped.
    let mut lossy = false;
    for _ in 0..MAX_READINGS {
        let e = match toml::from_str::<raw::RawScenario>(&text) {
            Ok(raw) => return ((!lossy).then_some(raw), found, text),
            Err(e) => e,
        };
        let header = e
            .span()
            .and_then(|span| headers::header_line(&text, span.start));
        let listed = e
            .span()
            .and_then(|span| headers::listed_table(&text, &key_at(&text, span.start)));
        let (error, next) = if let Some((line, leaf)) = listed {
            // `[[plan]]`: said at its header, and read as `[plan]`.
            let column = text[line.clone()].find(leaf.as_str()).unwrap_or(0);
            let location = locate::offset_to_location(&text, line.start + column);
            let message = crate::message!(SC_TYPE_NOT_ARRAY, leaf);
            let next = headers::reshape_table(&text, line, &leaf, false);
            let error = ScenarioError::new(file, Some(location), leaf, message);
            (error, Some(next))
        } else {
            match header {
                Some(line) => {
                    let (error, next, lost) = header_error(&e, &text, file, line);
                    lossy |= lost;
                    (error, next)
                }
                None => {
                    let error = reading_error(&e, &text, file);
                    let next = e.span().and_then(|span| blank_line(&text, span.start));
                    (error, next)
                }
            }
        };
        let echo = matches!(&error.message.args[..], [("key", Arg::Plain(k))]
            if error.message.id.key == "SC_MISSING_KEY" && gone.contains(k));
        if let Some((_, Arg::Plain(m))) = error.message.args.iter().find(|(k, _)| *k == "mean") {
            gone.push(m.clone());
        }
        let leaf = error.key.rsplit('.').next().unwrap_or("");
        gone.push(leaf.split('[').next().unwrap_or(leaf).to_string());
        if !echo {
            found.push(error);
        }
        let go_on = src.len() <= REREAD_BYTES && found.len() <= MAX_REPORTED;
        match next.filter(|t| go_on && *t != *text) {
            Some(t) => text = std::borrow::Cow::Owned(t),
            None => return (None, found, text),
        }
    }
    (None, found, text)
}

/// The reader's error `e` on the table header at bytes `line` of `text`,
/// in a planner's words, the text to read next, and whether that text
/// drops something the model reads. A header written wrong is mended
/// into the one meant (or, when what it names cannot be told, blanked
/// with its section); a table that does not exist is renamed to the
/// nearest one there is (or blanked with its sections); a list written
/// as one table, or one table as a list, gets the other brackets; any
/// other problem of a header (a key missing from an entry, a table given
/// twice) blanks that section.
fn header_error(
    e: &toml::de::Error,
    text: &str,
    file: &str,
    line: std::ops::Range<usize>,
) -> (ScenarioError, Option<String>, bool) {
    let written = &text[line.clone()];
    let n = locate::offset_to_location(text, line.start).line;
    let at = e.span().map(|s| locate::offset_to_location(text, s.start));
    if !headers::well_formed(written) {
        let Some(m) = headers::mend(written) else {
            let detail = reading_error(e, text, file);
            let location = hints::first_full_width(written)
                .map(|(col, _)| Location {
                    line: n,
                    column: col + 1,
                })
                .or(at);
            let message = crate::message!(SC_HEADER_UNREAD)
                .arg("detail", Arg::Message(Box::new(detail.message)));
            let error = ScenarioError::new(file, location, "", message);
            // A table left out takes its defaults; an entry of a list
            // left out is lost.
            let array = written.trim_start().starts_with("[[");
            return (error, Some(headers::skip_section(text, line)), array);
        };
        if m.unknown && !m.name.contains('.') {
            // No such table, and none near: that is what to say, and its
            // keys are not read.
            let valid: Vec<&str> = headers::TABLES.iter().map(|t| t.0).collect();
            let message = crate::message!(SC_UNKNOWN_KEY, key = m.name, valid = valid.join(", "));
            let error = ScenarioError::new(file, at, m.name.clone(), message);
            return (error, Some(headers::skip_section(text, line)), false);
        }
        let (location, message) = match m.wide {
            Some((col, ch)) => {
                let name = hints::full_width_name(ch).unwrap_or_default();
                let location = Location {
                    line: n,
                    column: col + 1,
                };
                let message = crate::message!(SC_HEADER_FULL_WIDTH, ch, fix = m.fix)
                    .arg("name", Arg::Text(name));
                (Some(location), message)
            }
            None if m.unclosed => (at, crate::message!(SC_HEADER_UNCLOSED, fix = m.fix)),
            None => (at, crate::message!(SC_HEADER_FIX, fix = m.fix)),
        };
        let error = ScenarioError::new(file, location, m.name.clone(), message);
        return (error, Some(headers::mended(text, line, &m)), false);
    }
    let error = reading_error(e, text, file);
    let plain = |k: &str| match error.message.args.iter().find(|(a, _)| *a == k) {
        Some((_, Arg::Plain(v))) => Some(v.clone()),
        _ => None,
    };
    let (array, name) = header_key(written);
    // The table named as unknown: the header's key up to that part.
    let unknown = plain("key").and_then(|k| {
        let parts: Vec<&str> = name.split('.').collect();
        let i = parts.iter().position(|p| *p == k)?;
        Some((parts[..=i].join("."), parts[..i].join(".")))
    });
    let next = match (error.message.id.key, unknown) {
        ("SC_UNKNOWN_KEY_MEAN", Some((from, table))) => {
            let to = plain("mean").map(|m| {
                if table.is_empty() {
                    m
                } else {
                    format!("{table}.{m}")
                }
            });
            let renamed = to.and_then(|to| headers::rename_table(text, line.clone(), &from, &to));
            (renamed, false)
        }
        ("SC_UNKNOWN_KEY", Some((from, _))) => {
            (Some(headers::skip_table(text, line.clone(), &from)), false)
        }
        ("SC_TYPE_NOT_ARRAY", _) if array && name == error.key => (
            Some(headers::reshape_table(text, line.clone(), &name, false)),
            false,
        ),
        ("SC_TYPE_ARRAY", _) if !array && name == error.key => (
            Some(headers::reshape_table(text, line.clone(), &name, true)),
            false,
        ),
        _ => (None, false),
    };
    let (next, lost) = match next {
        (Some(t), lost) if t != text => (Some(t), lost),
        // Anything else: the section goes; an entry of a list is lost
        // with it, a table given twice is not.
        _ => {
            let twice = e.message().starts_with("duplicate key");
            (
                Some(headers::skip_section(text, line.clone())),
                array && !twice,
            )
        }
    };
    (error, next, lost)
}

/// `text` with the `key = value` statement holding byte `offset` made
/// blank (spaces, keeping its line breaks and length, so that every other
/// line, column and byte offset stays), if it is one whole `key = value`, its value on one line
/// or over several, and the rest still reads as TOML.
fn blank_line(text: &str, offset: usize) -> Option<String> {
    let mut offset = offset.min(text.len());
    while !text.is_char_boundary(offset) {
        offset -= 1;
    }
    // The whole statement: a value over several lines (a multi-line
    // string or array) goes with its key.
    let start = Scan::of(&text[..offset]).statement;
    let end = statement_end(text, start);
    let first = text[start..end].lines().next().unwrap_or("").trim();
    if first.is_empty() || first.starts_with('[') || split_key(first).is_none() {
        return None;
    }
    if end == text.len() && text[start..end].trim_end().contains('\n') {
        // A value over lines that runs to the end: nothing after it can be read.
        return None;
    }
    let mut out = String::with_capacity(text.len());
    out.push_str(&text[..start]);
    // A space for each byte, so that every later offset stays.
    out.extend(
        text[start..end]
            .bytes()
            .map(|b| if b == b'\n' { '\n' } else { ' ' }),
    );
    out.push_str(&text[end..]);
    // The reader must get past the blanked statement: to its end, or
    // further to the next problem.
    match out.parse::<toml::Table>() {
        Ok(_) => Some(out),
        Err(e) if e.span().is_some_and(|s| s.start >= end) => Some(out),
        Err(_) => None,
    }
}

/// The end of the statement that starts at byte `start` [byte]: the end
/// of its line, or of the last line of a value over several lines.
fn statement_end(text: &str, start: usize) -> usize {
    let b = text.as_bytes();
    let mut depth = 0usize;
    let mut i = start;
    while i < b.len() {
        match b[i] {
            b'"' | b'\'' => {
                i = string_end(b, i);
                continue;
            }
            b'#' => {
                i = text[i..].find('\n').map_or(text.len(), |n| i + n);
                continue;
            }
            b'[' | b'{' => depth += 1,
            b']' | b'}' => depth = depth.saturating_sub(1),
            b'\n' if depth == 0 => return i,
            _ => {}
        }
        i += 1;
    }
    b.len()
}

/// The TOML reader's error `e` on `text`, in a planner's words:
/// full-width punctuation on the line of the error explains it first.
fn reading_error(e: &toml::de::Error, text: &str, file: &str) -> ScenarioError {
    if let Some(span) = e.span() {
        let n = locate::offset_to_location(text, span.start).line;
        let line = text.lines().nth(n - 1).unwrap_or("");
        if let Some((location, message)) = hints::full_width_in(line, n) {
            return ScenarioError::new(file, Some(location), "", message);
        }
    }
    // The reader's own words for nesting past its limit name no line.
    if e.message().contains("recursion")
        && let Some((location, depth)) = hints::too_deep(text)
    {
        let message = crate::message!(SC_TOO_DEEP, depth, max = hints::MAX_DEPTH);
        return ScenarioError::new(file, Some(location), "", message);
    }
    let location = e.span().map(|s| locate::offset_to_location(text, s.start));
    let key = e.span().map(|s| key_at(text, s.start)).unwrap_or_default();
    let key = shorten(&key);
    let header = e
        .span()
        .is_some_and(|s| line_at(text, s.start).starts_with("[["));
    let tidied = tidy_en(e.message(), header);
    let plain = tidied
        .strip_prefix("invalid type: ")
        .and_then(|r| r.split_once(", expected "))
        .and_then(|(got, want)| hints::wrong_type(&key, got, want));
    let message = plain.unwrap_or_else(|| tidy(&tidied));
    ScenarioError::new(file, location, key, message)
}

/// A key as shown: one of more than 80 characters (a header nested
/// absurdly deep) by its first 60 and an ellipsis.
fn shorten(key: &str) -> String {
    let key = if key.chars().count() > 80 {
        format!("{}…", key.chars().take(60).collect::<String>())
    } else {
        key.to_string()
    };
    // Control characters (a NUL byte) shown as escapes, not sent to the
    // terminal.
    key.chars()
        .map(|c| {
            if c.is_control() {
                format!("\\u{{{:04x}}}", u32::from(c))
            } else {
                c.to_string()
            }
        })
        .collect()
}

/// The line of `src` holding byte `offset`, trimmed.
fn line_at(src: &str, offset: usize) -> &str {
    let mut offset = offset.min(src.len());
    while !src.is_char_boundary(offset) {
        offset -= 1;
    }
    let start = src[..offset].rfind('\n').map_or(0, |i| i + 1);
    let end = src[start..].find('\n').map_or(src.len(), |i| start + i);
    src[start..end].trim()
}

/// The key written at the statement that holds byte `offset`, with the
/// table header above it (`plan.green_chanel`), or the table header
/// there. A value over several lines (a multi-line string or array) is
/// the key's where it starts; lines inside such values are not headers;
/// a header is named as its key (`[ plan . "suppliers" ] # x` is
/// `plan.suppliers`).
fn key_at(src: &str, offset: usize) -> String {
    let mut offset = offset.min(src.len());
    while !src.is_char_boundary(offset) {
        offset -= 1;
    }
    let scan = Scan::of(&src[..offset]);
    let start = scan.statement;
    let end = src[start..].find('\n').map_or(src.len(), |i| start + i);
    let line = src[start..end].trim();
    if line.starts_with('[') {
        return header_key(line).1;
    }
    let key = match split_key(line) {
        Some(k) => dotted(k),
        None => return String::new(),
    };
    let table = scan.headers.last().map(|(array, name)| {
        if *array {
            // An array of tables: name the element, `stores[1]`.
            let n = scan.headers[..scan.headers.len() - 1]
                .iter()
                .filter(|(a, h)| *a && h == name)
                .count();
            format!("{name}[{n}]")
        } else {
            name.clone()
        }
    });
    match table {
        Some(t) if !t.is_empty() => format!("{t}.{key}"),
        _ => key,
    }
}

/// What a look through TOML text finds: its table headers, each as
/// (whether an array of tables, its key), and where the statement at the
/// end of the text starts [byte].
#[derive(Debug, Default)]
struct Scan {
    headers: Vec<(bool, String)>,
    statement: usize,
}

impl Scan {
    /// Reads `src` as far as a syntax error allows: strings (one- and
    /// multi-line, basic and literal), comments, and the brackets of
    /// values, so that only a `[` that opens a line outside a value starts
    /// a header.
    fn of(src: &str) -> Scan {
        let b = src.as_bytes();
        let mut scan = Scan::default();
        let mut depth = 0usize;
        let mut line_start = true;
        let mut i = 0;
        while i < b.len() {
            let c = b[i];
            if line_start {
                if c == b' ' || c == b'\t' || c == b'\r' {
                    i += 1;
                    continue;
                }
                line_start = false;
                if depth == 0 {
                    scan.statement = src[..i].rfind('\n').map_or(0, |n| n + 1);
                    if c == b'[' {
                        let end = src[i..].find('\n').map_or(src.len(), |n| i + n);
                        scan.headers.push(header_key(&src[i..end]));
                        i = end;
                        continue;
                    }
                }
            }
            match c {
                b'#' => {
                    // To the end of the line, which is read next.
                    i = src[i..].find('\n').map_or(src.len(), |n| i + n);
                    continue;
                }
                b'"' | b'\'' => {
                    i = string_end(b, i);
                    continue;
                }
                b'[' | b'{' => depth += 1,
                b']' | b'}' => depth = depth.saturating_sub(1),
                b'\n' => line_start = true,
                _ => {}
            }
            i += 1;
        }
        if line_start && depth == 0 {
            // The text ends at the start of a statement.
            scan.statement = src.rfind('\n').map_or(0, |n| n + 1);
        }
        scan
    }
}

/// The byte after the string that opens at `i` (a quote), or the end.
fn string_end(b: &[u8], i: usize) -> usize {
    let q = b[i];
    let multi = b.len() >= i + 3 && b[i + 1] == q && b[i + 2] == q;
    let mut j = if multi { i + 3 } else { i + 1 };
    while j < b.len() {
        match b[j] {
            b'\\' if q == b'"' => j += 1,
            b'\n' if !multi => return j,
            c if c == q => {
                if !multi {
                    return j + 1;
                }
                if b.len() >= j + 3 && b[j + 1] == q && b[j + 2] == q {
                    // Up to two more quotes belong to the string.
                    let mut k = j + 3;
                    while k < b.len() && k < j + 5 && b[k] == q {
                        k += 1;
                    }
                    return k;
                }
            }
            _ => {}
        }
        j += 1;
    }
    b.len()
}

/// A header line (`[a.b]`, `[[ c ]] # note`) as (whether an array of
/// tables, its dotted key).
fn header_key(line: &str) -> (bool, String) {
    let t = line.trim_start();
    let array = t.starts_with("[[");
    let inner = t.trim_start_matches('[');
    // The key ends at the first `]` outside quotes.
    let b = inner.as_bytes();
    let mut i = 0;
    while i < b.len() && b[i] != b']' {
        if b[i] == b'"' || b[i] == b'\'' {
            i = string_end(b, i);
        } else {
            i += 1;
        }
    }
    (array, dotted(&inner[..i.min(inner.len())]))
}

/// The key of a `key = value` line, as written: up to the first `=`
/// (or full-width `＝`) outside quotes.
fn split_key(line: &str) -> Option<&str> {
    let b = line.as_bytes();
    let mut i = 0;
    while i < b.len() {
        match b[i] {
            b'=' => return Some(&line[..i]),
            _ if b[i..].starts_with("＝".as_bytes()) => return Some(&line[..i]),
            b'"' | b'\'' => i = string_end(b, i),
            _ => i += 1,
        }
    }
    None
}

/// A dotted key as written (`a . "b c"`) in its plain form (`a.b c`):
/// spaces around the dots and the quotes of each part gone.
fn dotted(key: &str) -> String {
    let b = key.as_bytes();
    let mut parts = Vec::new();
    let (mut i, mut from) = (0, 0);
    while i <= b.len() {
        if i == b.len() || b[i] == b'.' {
            let part = key[from..i].trim();
            let part = part
                .strip_prefix('"')
                .and_then(|p| p.strip_suffix('"'))
                .or_else(|| part.strip_prefix('\'').and_then(|p| p.strip_suffix('\'')))
                .unwrap_or(part);
            parts.push(part);
            from = i + 1;
            i += 1;
        } else if b[i] == b'"' || b[i] == b'\'' {
            i = string_end(b, i);
        } else {
            i += 1;
        }
    }
    parts.join(".")
}

/// A tidied serde or TOML message ([`tidy_en`]) as a message: an unknown
/// key from the catalogue, with the nearest valid key; the rest in
/// English as the reader wrote it, and in Chinese the common ones put into
/// words, the others marked as coming from the TOML reader.
fn tidy(en: &str) -> Message {
    if let Some(rest) = en.strip_prefix("unknown key `")
        && let Some((key, rest)) = rest.split_once('`')
        && let Some((_, valid)) = rest.rsplit_once("valid keys here: ")
    {
        let mean = rest
            .split_once("did you mean `")
            .and_then(|(_, r)| r.split_once('`'))
            .map(|(m, _)| m);
        return match mean {
            Some(mean) => crate::message!(SC_UNKNOWN_KEY_MEAN, key, mean, valid),
            None => crate::message!(SC_UNKNOWN_KEY, key, valid),
        };
    }
    if let Some(rest) = en.strip_prefix("missing field `")
        && let Some((key, _)) = rest.split_once('`')
        && en == format!("missing field `{key}`")
    {
        return crate::message!(SC_MISSING_KEY, key);
    }
    Message::of_text(crate::i18n::Text {
        en: en.to_string(),
        zh: zh_of_serde(en),
    })
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

/// Serde's message on one line, with our wording; `header` when it is
/// about a `[[table]]` header (a list of tables is then the likelier
/// meaning of a misspelt name).
fn tidy_en(msg: &str, header: bool) -> String {
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
    let one = suggest(&one, header);
    let one = one.replace("data did not match any variant of untagged enum RawDist", "expected a number or a distribution table such as { dist = \"uniform\", min = 1.0, max = 2.0 }");
    let one = one.replace(
        "data did not match any variant of untagged enum RawCount",
        "expected a count (2) or a range [min, max] ([2, 3])",
    );
    one.trim_end_matches('.').to_string()
}

/// The tables of a scenario file written `[[name]]`, one per entry.
const LISTS: &[&str] = &[
    "goods",
    "places",
    "stores",
    "suppliers",
    "reserves",
    "events",
    "settings",
];

/// Turns serde's "unknown field `x`, expected one of `a`, `b`" into
/// "unknown key `x`; did you mean `a`? valid keys here: a, b"; `header`
/// when `x` was written as `[[x]]`.
fn suggest(msg: &str, header: bool) -> String {
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
    let lists = if header { LISTS } else { &[] };
    let best = suggest::nearest_key(field, &valid, lists);
    let hint = best.map_or(String::new(), |v| format!("; did you mean `{v}`?"));
    format!(
        "unknown key `{field}`{hint}{}valid keys here: {}",
        if hint.is_empty() { "; " } else { " " },
        valid.join(", ")
    )
}

/// Applies `overrides` to the scenario text `src` (which must be valid)
/// and validates the result. An error names the key and the override that
/// set it; it has no line, since the rewritten text's lines are not the file's.
pub fn load_with(
    src: &str,
    file: &str,
    overrides: &[overrides::Override],
) -> Result<Scenario, ScenarioError> {
    load_with_warnings(src, file, overrides, &[]).map(|(sc, _)| sc)
}

/// [`load_with`], with the warnings of the result: `base` (those of the
/// file as written), then those the overrides bring, with no line (the
/// rewritten text's lines are not the file's). A `--set
/// city.base_trucks=30` is warned of as the same key in the file is. The
/// city is built once.
pub fn load_with_warnings(
    src: &str,
    file: &str,
    overrides: &[overrides::Override],
    base: &[ScenarioWarning],
) -> Result<(Scenario, Vec<ScenarioWarning>), ScenarioError> {
    let text =
        overrides::apply(src, overrides).map_err(|e| ScenarioError::new(file, None, "", e.0))?;
    let loaded = load_checked(&text, file).map_err(|mut error| {
        error.location = None;
        // The overrides' text is not the file's: only the first is said.
        error.more = None;
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
            error.message = crate::message!(FROM_OVERRIDE, origin = o.origin, set = o)
                .arg("message", Arg::Message(Box::new(error.message)));
        }
        error
    })?;
    let mut all = base.to_vec();
    for mut w in loaded.warnings {
        w.location = None;
        let known = base
            .iter()
            .any(|b| b.key == w.key && b.message == w.message);
        if !known {
            all.push(w);
        }
    }
    Ok((loaded.scenario, all))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unknown_keys_get_a_suggestion() {
        let m = suggest(
            "unknown field `green_chanel`, expected one of `green_channel`, `points`",
            false,
        );
        assert_eq!(
            m,
            "unknown key `green_chanel`; did you mean `green_channel`? valid keys here: green_channel, points"
        );
        let m = suggest("unknown field `zzz`, expected `points`", false);
        assert_eq!(m, "unknown key `zzz`; valid keys here: points");
    }

    #[test]
    fn key_at_names_the_table() {
        let src = "[scenario]\nname = \"x\"\n[plan]\n# c\ngreen = 1\n";
        let off = src.find("green").unwrap();
        assert_eq!(key_at(src, off), "plan.green");
        assert_eq!(key_at(src, 0), "scenario");
    }

    #[test]
    fn key_at_reads_headers_as_keys_and_values_over_lines() {
        // A header with spaces, quotes and a comment; an array element.
        let src = "[ plan . \"suppliers\" ] # note\nbuilding = \"a\"\n\
                   [[ events ]]\nday = 1\n[[events]] # two\nkind = 1\n";
        let at = |needle: &str| src.find(needle).unwrap();
        assert_eq!(key_at(src, at("building")), "plan.suppliers.building");
        assert_eq!(key_at(src, at("\"a\"")), "plan.suppliers.building");
        assert_eq!(key_at(src, at("day")), "events[0].day");
        assert_eq!(key_at(src, at("kind")), "events[1].kind");
        assert_eq!(key_at(src, at("[[ events")), "events");
        // Lines inside a multi-line string or array are not headers, and
        // a value over lines is its key's.
        let src = "[scenario]\ndescription = \"\"\"\n[not a table]\n\"\"\"\ndays = 1\n\
                   [plan]\nsuppliers = { building = [\n  [1],\n  2 ] } # [x]\npoint_riders = 3\n";
        assert_eq!(key_at(src, at_in(src, "days")), "scenario.days");
        assert_eq!(key_at(src, at_in(src, "[1]")), "plan.suppliers");
        assert_eq!(key_at(src, at_in(src, "2 ]")), "plan.suppliers");
        assert_eq!(key_at(src, at_in(src, "point_riders")), "plan.point_riders");
        assert_eq!(key_at(src, at_in(src, "[not")), "scenario.description");
    }

    fn at_in(src: &str, needle: &str) -> usize {
        src.find(needle).unwrap()
    }
}
