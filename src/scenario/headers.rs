//! Table header lines the TOML reader stops on, and how the reading goes
//! on past them: a header written wrong (`[plan` unclosed, `[[events]`,
//! `[plan]]`, `【plan】`) is mended into the header that was meant; a
//! table that does not exist (`[plna]`) is renamed to the nearest one
//! there is, or else its section (the header and its keys, up to the next
//! header) is made blank; a list written as one table (`[events]`), or one
//! table as a list (`[[scenario]]`), gets the other brackets. Every other
//! line and column stays as it was, so that the later problems of the
//! file are found and located in the same run.
//!
//! What is wrong is said in `scenario.rs` (`reading_error`); this module
//! only reads header lines and rewrites the text.

use std::ops::Range;

use super::{dotted, hints, statement_end, suggest};

/// The top-level tables of a scenario file (`raw::RawScenario`), each
/// with whether it is a list of tables (`[[stores]]`).
pub(super) const TABLES: &[(&str, bool)] = &[
    ("scenario", false),
    ("goods", true),
    ("city", false),
    ("places", true),
    ("stores", true),
    ("suppliers", true),
    ("households", false),
    ("panic", false),
    ("store_rules", false),
    ("transport", false),
    ("closures", false),
    ("plan", false),
    ("reserves", true),
    ("riders", false),
    ("monitoring", false),
    ("costs", false),
    ("score", false),
    ("events", true),
    ("sweep", false),
];

/// Tables below the top written `[[...]]`.
const NESTED_LISTS: &[&str] = &["sweep.settings"];

/// The bytes of the line of `text` holding byte `offset`, if that line
/// is a table header (it starts with `[`, or a full-width bracket, outside
/// any value written over several lines).
pub(super) fn header_line(text: &str, offset: usize) -> Option<Range<usize>> {
    let mut offset = offset.min(text.len());
    while !text.is_char_boundary(offset) {
        offset -= 1;
    }
    let start = super::Scan::of(&text[..offset]).statement;
    let end = text[start..].find('\n').map_or(text.len(), |i| start + i);
    // The statement must start on the line of the offset.
    if text[start..offset].contains('\n') {
        return None;
    }
    let line = text[start..end].trim_start();
    line.starts_with(['[', '【', '［']).then_some(start..end)
}

/// Whether `line`, alone, is a well-formed table header.
pub(super) fn well_formed(line: &str) -> bool {
    toml_edit::Document::parse(line).is_ok()
}

/// A header line as it was meant.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Mended {
    /// The header to write (`[plan]`, `[[events]]`).
    pub fix: String,
    /// Its key (`plan`, `plan.suppliers`).
    pub name: String,
    /// The first full-width character of the line and its 0-based char
    /// column, if one is there.
    pub wide: Option<(usize, char)>,
    /// The line to put in its place: the header, then the comment.
    pub line: String,
    /// Whether the top-level table it names does not exist, and none is
    /// near enough to be the one meant.
    pub unknown: bool,
    /// Whether it was left without its closing bracket(s).
    pub unclosed: bool,
}

/// The header `line` was meant to be, if it can be told: full-width
/// brackets, stops and spaces read as half-width, brackets left open or
/// doubled closed, text after the closing bracket dropped; a top-level
/// table that does not exist named as the nearest one there is. The
/// brackets follow the table: `[[events]]` for a list, `[plan]` for one
/// table, as written for a table unknown. None when what is between the
/// brackets is not a key (`[]`, `[plan x]`).
pub(super) fn mend(line: &str) -> Option<Mended> {
    let wide = hints::first_full_width(line);
    // Outside quotes: full-width as half-width; a comment kept apart.
    let mut text = String::new();
    let mut comment = "";
    let mut quote: Option<char> = None;
    for (i, c) in line.char_indices() {
        match quote {
            Some(q) if c == q => quote = None,
            Some(_) => {}
            None if c == '"' || c == '\'' => quote = Some(c),
            None if c == '#' => {
                comment = &line[i..];
                break;
            }
            None => {
                if let Some(h) = hints::half_width(c) {
                    text.push(h);
                    continue;
                }
            }
        }
        text.push(c);
    }
    let indent: String = text
        .chars()
        .take_while(|&c| c == ' ' || c == '\t')
        .collect();
    let t = text.trim();
    let opens = t.chars().take_while(|&c| c == '[').count();
    if opens == 0 {
        return None;
    }
    // The key ends at the first `]` outside quotes.
    let rest = &t[opens..];
    let b = rest.as_bytes();
    let mut i = 0;
    while i < b.len() && b[i] != b']' {
        if b[i] == b'"' || b[i] == b'\'' {
            i = super::string_end(b, i);
        } else {
            i += 1;
        }
    }
    let closes = rest[i.min(rest.len())..]
        .chars()
        .take_while(|&c| c == ']')
        .count();
    let unclosed = closes < opens.min(2);
    let inner = rest[..i.min(rest.len())].trim();
    if inner.is_empty() || !well_formed(&format!("[{inner}]")) {
        return None;
    }
    let mut inner = inner.to_string();
    let mut name = dotted(&inner);
    let top = name.split('.').next().unwrap_or("").to_string();
    let names: Vec<&str> = TABLES.iter().map(|t| t.0).collect();
    let lists: Vec<&str> = TABLES.iter().filter(|t| t.1).map(|t| t.0).collect();
    if !names.contains(&top.as_str())
        && !name.contains('.')
        && let Some(mean) = suggest::nearest_key(&top, &names, &lists)
    {
        inner = mean.to_string();
        name = inner.clone();
    }
    let top = name.split('.').next().unwrap_or("");
    let unknown = !names.contains(&top);
    let array = match TABLES.iter().find(|t| t.0 == top) {
        Some(_) if NESTED_LISTS.contains(&name.as_str()) => true,
        Some(&(_, list)) if !name.contains('.') => list,
        Some(&(_, false)) => false,
        _ => opens >= 2,
    };
    let fix = if array {
        format!("[[{inner}]]")
    } else {
        format!("[{inner}]")
    };
    let line = if comment.is_empty() {
        format!("{indent}{fix}")
    } else {
        format!("{indent}{fix} {comment}")
    };
    Some(Mended {
        fix,
        name,
        wide,
        line,
        unknown,
        unclosed,
    })
}

/// A header of a text: its line [bytes], whether it is `[[...]]`, its key.
#[derive(Debug, Clone)]
struct Header {
    line: Range<usize>,
    array: bool,
    name: String,
}

/// The table headers of `text` from byte `from` (the start of a line),
/// in order: lines that start with `[` (or a full-width bracket) outside
/// any value written over several lines.
fn headers_from(text: &str, from: usize) -> Vec<Header> {
    let mut out = Vec::new();
    let mut pos = from.min(text.len());
    while pos < text.len() {
        let end = text[pos..].find('\n').map_or(text.len(), |i| pos + i);
        let t = text[pos..end].trim();
        if t.starts_with(['[', '【', '［']) {
            let (array, name) = super::header_key(t);
            out.push(Header {
                line: pos..end,
                array,
                name,
            });
            pos = end + 1;
        } else if t.is_empty() || t.starts_with('#') {
            pos = end + 1;
        } else {
            // A statement, perhaps over several lines.
            pos = statement_end(text, pos) + 1;
        }
    }
    out
}

/// The first `[[name]]` header of `text` (its line), if `key` (the key
/// of a reading error: `plan[0].point_riders`) is inside an entry of
/// `name`, a top-level table that is one table, not a list: the reader
/// then took the table's first key for the list's first entry and says
/// something beside the point.
pub(super) fn listed_table(text: &str, key: &str) -> Option<(Range<usize>, String)> {
    let top = key.split(['.', '[']).next()?;
    if !key[top.len()..].starts_with('[') || !TABLES.contains(&(top, false)) {
        return None;
    }
    headers_from(text, 0)
        .into_iter()
        .find(|h| h.array && h.name == top)
        .map(|h| (h.line, top.to_string()))
}

/// `text` with byte range `r` (whole lines) made blank: a space for each
/// byte, its line breaks kept, so that every other offset stays.
fn blank(text: &mut String, r: Range<usize>) {
    let spaces: String = text[r.clone()]
        .bytes()
        .map(|b| if b == b'\n' { '\n' } else { ' ' })
        .collect();
    text.replace_range(r, &spaces);
}

/// `text` with the line `r` replaced by `line`.
fn replace_line(text: &str, r: Range<usize>, line: &str) -> String {
    let mut out = String::with_capacity(text.len() + line.len());
    out.push_str(&text[..r.start]);
    out.push_str(line);
    out.push_str(&text[r.end..]);
    out
}

/// `text` with the header line `r` mended to `m`.
pub(super) fn mended(text: &str, r: Range<usize>, m: &Mended) -> String {
    replace_line(text, r, &m.line)
}

/// `text` with the section whose header is the line `r` made blank: the
/// header and the keys under it, up to the next header.
pub(super) fn skip_section(text: &str, r: Range<usize>) -> String {
    let next = headers_from(text, (r.end + 1).min(text.len()))
        .first()
        .map_or(text.len(), |h| h.line.start);
    let mut out = text.to_string();
    blank(&mut out, r.start..next.max(r.end));
    out
}

/// `text` with every section from the line `r` on whose table is `name`,
/// or inside it (`name.x`), made blank.
pub(super) fn skip_table(text: &str, r: Range<usize>, name: &str) -> String {
    let headers = headers_from(text, r.start);
    let mut out = text.to_string();
    for (i, h) in headers.iter().enumerate() {
        if h.name == name || h.name.starts_with(&format!("{name}.")) {
            let next = headers.get(i + 1).map_or(text.len(), |n| n.line.start);
            blank(&mut out, h.line.start..next);
        }
    }
    out
}

/// `text` with every header from the line `r` on whose table is `name`
/// (`store`), or inside it, renamed to `to` (`stores`), its brackets as
/// the table takes. None if a name is not plain (quoted keys).
pub(super) fn rename_table(text: &str, r: Range<usize>, name: &str, to: &str) -> Option<String> {
    let plain = |k: &str| {
        k.split('.').all(|p| {
            !p.is_empty()
                && p.bytes()
                    .all(|b| b.is_ascii_alphanumeric() || b == b'_' || b == b'-')
        })
    };
    if !plain(name) || !plain(to) {
        return None;
    }
    let mut out = text.to_string();
    // From the last, so that earlier ranges stay where they are.
    for h in headers_from(text, r.start).iter().rev() {
        let rest = if h.name == name {
            ""
        } else if let Some(rest) = h.name.strip_prefix(&format!("{name}.")) {
            rest
        } else {
            continue;
        };
        if !plain(&h.name) {
            return None;
        }
        let new = if rest.is_empty() {
            to.to_string()
        } else {
            format!("{to}.{rest}")
        };
        let array = match TABLES.iter().find(|t| t.0 == new) {
            Some(&(_, list)) => list,
            None => h.array,
        };
        out = replace_line(&out, h.line.clone(), &bracketed(text, h, &new, array));
    }
    Some(out)
}

/// `text` with every header of the table `name` from the line `r` on
/// written `[[name]]` (`array`) or `[name]`.
pub(super) fn reshape_table(text: &str, r: Range<usize>, name: &str, array: bool) -> String {
    let mut out = text.to_string();
    for h in headers_from(text, r.start).iter().rev() {
        if h.name == name && h.array != array {
            let written = text[h.line.clone()].trim();
            let inner = written
                .trim_start_matches('[')
                .split(']')
                .next()
                .unwrap_or("")
                .trim()
                .to_string();
            out = replace_line(&out, h.line.clone(), &bracketed(text, h, &inner, array));
        }
    }
    out
}

/// The header line `h` of `text` written as `inner` in brackets, with its
/// indent and comment.
fn bracketed(text: &str, h: &Header, inner: &str, array: bool) -> String {
    let line = &text[h.line.clone()];
    let indent: String = line.chars().take_while(|c| c.is_whitespace()).collect();
    let comment = line.find('#').map_or("", |i| &line[i..]);
    let header = if array {
        format!("[[{inner}]]")
    } else {
        format!("[{inner}]")
    };
    if comment.is_empty() {
        format!("{indent}{header}")
    } else {
        format!("{indent}{header} {comment}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fix(line: &str) -> Option<String> {
        mend(line).map(|m| m.fix)
    }

    #[test]
    fn headers_written_wrong_are_mended_into_the_table_meant() {
        assert_eq!(fix("[plan").as_deref(), Some("[plan]"));
        assert_eq!(fix("[plan]]").as_deref(), Some("[plan]"));
        assert_eq!(fix("[[plan]").as_deref(), Some("[plan]"));
        assert_eq!(fix("[[events]").as_deref(), Some("[[events]]"));
        assert_eq!(fix("[events]]").as_deref(), Some("[[events]]"));
        assert_eq!(fix("【plan】").as_deref(), Some("[plan]"));
        assert_eq!(fix("［［stores］］").as_deref(), Some("[[stores]]"));
        assert_eq!(
            fix("[plan．suppliers]").as_deref(),
            Some("[plan.suppliers]")
        );
        assert_eq!(fix("[plna").as_deref(), Some("[plan]"));
        assert_eq!(
            fix("[sweep.settings]").as_deref(),
            Some("[[sweep.settings]]")
        );
        assert_eq!(fix("[zzzzzzzz").as_deref(), Some("[zzzzzzzz]"));
        assert!(mend("[zzzzzzzz").unwrap().unknown && !mend("[plna").unwrap().unknown);
        assert_eq!(mend("　[plan]").unwrap().line, " [plan]");
        assert!(mend("[plan").unwrap().unclosed && mend("[[events]").unwrap().unclosed);
        assert!(!mend("[plan]]").unwrap().unclosed && !mend("【plan】").unwrap().unclosed);
        assert_eq!(fix("[plan] x = 1").as_deref(), Some("[plan]"));
        assert_eq!(fix("[]"), None);
        assert_eq!(fix("[plan x]"), None);
        assert_eq!(fix("[[[plan]]]").as_deref(), Some("[plan]"));
        assert_eq!(fix("[[[["), None);
        let m = mend("  【plan】 # 计划，一").unwrap();
        assert_eq!(m.line, "  [plan] # 计划，一");
        assert_eq!(m.wide, Some((2, '【')));
        assert!(well_formed(&m.line));
    }

    #[test]
    fn sections_are_skipped_renamed_and_reshaped_line_for_line() {
        let src = "[a]\nx = 1\n[[store]]\nk = \"\"\"\n[no]\n\"\"\"\n[[store]]\nk = 2\n[b]\ny = 2\n";
        let r = header_line(src, src.find("[[store]]").unwrap()).unwrap();
        let out = skip_section(src, r.clone());
        assert_eq!(out.lines().count(), src.lines().count());
        assert!(
            out.contains("[[store]]\nk = 2") && !out.contains("[no]"),
            "{out}"
        );
        let out = skip_table(src, r.clone(), "store");
        assert!(
            !out.contains("store") && out.contains("[b]\ny = 2"),
            "{out}"
        );
        // Blanking keeps every offset, whatever the characters.
        let wide = "[甲]\nx = \"鼓楼\"\n[甲]\ny = 1\n[b]\n";
        let out = skip_table(wide, 0..5, "甲");
        assert_eq!(out.len(), wide.len());
        assert!(out.ends_with("[b]\n") && !out.contains('甲'), "{out}");
        let out = rename_table(src, r.clone(), "store", "stores").unwrap();
        assert_eq!(out.matches("[[stores]]").count(), 2, "{out}");
        assert!(out.contains("[no]"), "{out}");
        let out = reshape_table("[[scenario]] # s\nname = \"x\"\n", 0..16, "scenario", false);
        assert_eq!(out, "[scenario] # s\nname = \"x\"\n");
        assert_eq!(header_line("a = [\n[1],\n]\n", 7), None);
        let src = "[a]\n[[plan]]\nx = 1\n";
        assert_eq!(
            listed_table(src, "plan[0].x"),
            Some((4..12, "plan".to_string()))
        );
        assert_eq!(listed_table(src, "stores[0].x"), None);
        assert_eq!(listed_table(src, "plan.x"), None);
        assert_eq!(header_line("a = 1\n 【plan】\n", 9), Some(6..17));
    }
}
