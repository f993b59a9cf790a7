//! Source locations for key paths in TOML scenario files.
//!
//! Validation of a scenario works on deserialized values, which no longer know
//! where they came from. This module maps a [`KeyPath`] such as
//! `plan.suppliers.compound` or `stores[3].staff` back to a 1-based
//! [`Location`] (line and column) in the original TOML text, so that error
//! messages can name the file, the line and the key.
//!
//! It re-parses the source with `toml_edit`'s span-preserving parser
//! ([`toml_edit::Document`]) and walks the path through tables, inline tables,
//! dotted keys, arrays of tables and inline arrays. When the exact path does not
//! exist, the location of its longest existing prefix is returned instead, so an
//! error about a missing key points at the table that should hold it.
//!
//! It does not validate scenarios, deserialize values, report parse errors (a
//! source that does not parse simply has no locations) or format diagnostics;
//! those belong to the callers. Nothing here panics, whatever the input.

use std::fmt;
use std::ops::Range;

use toml_edit::{Array, ArrayOfTables, Document, InlineTable, Item, Table, Value};

/// One step of a key path: a table key or an index into an array (of tables).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PathSeg {
    /// A key in a table or inline table (unquoted, unescaped form).
    Key(String),
    /// A 0-based index into an array of tables or an inline array.
    Index(usize),
}

/// A dotted key path such as `plan.suppliers.compound` or `stores[3].staff`.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct KeyPath(pub Vec<PathSeg>);

impl KeyPath {
    /// The empty path, naming the document root.
    pub fn root() -> Self {
        Self(Vec::new())
    }

    /// Returns a new path with the key `k` appended.
    pub fn key(&self, k: &str) -> Self {
        let mut segs = self.0.clone();
        segs.push(PathSeg::Key(k.to_owned()));
        Self(segs)
    }

    /// Returns a new path with the index `i` appended.
    pub fn index(&self, i: usize) -> Self {
        let mut segs = self.0.clone();
        segs.push(PathSeg::Index(i));
        Self(segs)
    }

    /// Parses a path written as `a.b[2].c` into its segments.
    ///
    /// Keys containing dots or other special characters may be quoted, either
    /// with double quotes (basic strings, with TOML escapes such as `\"`,
    /// `\\`, `\n`, `\uXXXX`) or single quotes (literal strings). Whitespace
    /// around bare keys is ignored. A bracketed segment holding a decimal
    /// number is an index; any other bracketed content (quoted or not) is taken
    /// as a key. Malformed input is parsed on a best-effort basis: empty
    /// segments are skipped and unterminated quotes or brackets run to the end
    /// of the input. Never panics.
    pub fn parse(s: &str) -> KeyPath {
        let mut segs = Vec::new();
        let mut chars = s.chars().peekable();
        // Characters of the bare key currently being read.
        let mut bare = String::new();
        // Whether the current dot-separated segment already produced a key
        // (a quoted key), so that trailing bare text is ignored.
        let mut have_key = false;

        /// Pushes the pending bare key (if any and if the segment has no key yet).
        fn flush_bare(bare: &mut String, have_key: &mut bool, segs: &mut Vec<PathSeg>) {
            let trimmed = bare.trim();
            if !trimmed.is_empty() && !*have_key {
                segs.push(PathSeg::Key(trimmed.to_owned()));
                *have_key = true;
            }
            bare.clear();
        }

        while let Some(c) = chars.next() {
            match c {
                '.' => {
                    flush_bare(&mut bare, &mut have_key, &mut segs);
                    have_key = false;
                }
                '"' | '\'' if bare.trim().is_empty() && !have_key => {
                    bare.clear();
                    let key = read_quoted(&mut chars, c);
                    segs.push(PathSeg::Key(key));
                    have_key = true;
                }
                '[' => {
                    flush_bare(&mut bare, &mut have_key, &mut segs);
                    segs.push(read_bracket(&mut chars));
                    // Text directly after `]` (other than `.` or `[`) starts
                    // a new key, as if a dot had been written.
                    have_key = false;
                }
                _ => bare.push(c),
            }
        }
        flush_bare(&mut bare, &mut have_key, &mut segs);
        KeyPath(segs)
    }

    /// Returns true for the empty (root) path.
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

/// Reads a quoted string whose opening quote `quote` has been consumed, up to
/// and including the closing quote (or the end of input), decoding escapes in
/// double-quoted strings.
fn read_quoted(chars: &mut std::iter::Peekable<std::str::Chars<'_>>, quote: char) -> String {
    let mut out = String::new();
    while let Some(c) = chars.next() {
        if c == quote {
            break;
        }
        if c == '\\' && quote == '"' {
            match chars.next() {
                Some('n') => out.push('\n'),
                Some('t') => out.push('\t'),
                Some('r') => out.push('\r'),
                Some('b') => out.push('\u{8}'),
                Some('f') => out.push('\u{c}'),
                Some('e') => out.push('\u{1b}'),
                Some('"') => out.push('"'),
                Some('\\') => out.push('\\'),
                Some(kind @ ('u' | 'U' | 'x')) => {
                    let width = match kind {
                        'x' => 2,
                        'u' => 4,
                        _ => 8,
                    };
                    let mut hex = String::new();
                    while hex.len() < width {
                        match chars.peek() {
                            Some(h) if h.is_ascii_hexdigit() => {
                                hex.push(*h);
                                chars.next();
                            }
                            _ => break,
                        }
                    }
                    match u32::from_str_radix(&hex, 16).ok().and_then(char::from_u32) {
                        Some(decoded) if hex.len() == width => out.push(decoded),
                        _ => {
                            out.push('\\');
                            out.push(kind);
                            out.push_str(&hex);
                        }
                    }
                }
                Some(other) => {
                    out.push('\\');
                    out.push(other);
                }
                None => out.push('\\'),
            }
        } else {
            out.push(c);
        }
    }
    out
}

/// Reads a bracketed segment whose `[` has been consumed, up to and including
/// the closing `]` (or the end of input).
fn read_bracket(chars: &mut std::iter::Peekable<std::str::Chars<'_>>) -> PathSeg {
    let mut raw = String::new();
    let mut quoted: Option<String> = None;
    while let Some(c) = chars.next() {
        match c {
            ']' => break,
            '"' | '\'' if raw.trim().is_empty() && quoted.is_none() => {
                quoted = Some(read_quoted(chars, c));
            }
            _ => raw.push(c),
        }
    }
    if let Some(key) = quoted {
        return PathSeg::Key(key);
    }
    let trimmed = raw.trim();
    match trimmed.parse::<usize>() {
        Ok(i) if trimmed.bytes().all(|b| b.is_ascii_digit()) => PathSeg::Index(i),
        _ => PathSeg::Key(trimmed.to_owned()),
    }
}

/// Returns true if `k` can be written as a TOML bare key.
fn is_bare_key(k: &str) -> bool {
    !k.is_empty()
        && k.bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'_' || b == b'-')
}

/// Writes `k` as a TOML basic (double-quoted) string.
fn write_quoted(f: &mut fmt::Formatter<'_>, k: &str) -> fmt::Result {
    f.write_str("\"")?;
    for c in k.chars() {
        match c {
            '"' => f.write_str("\\\"")?,
            '\\' => f.write_str("\\\\")?,
            '\n' => f.write_str("\\n")?,
            '\t' => f.write_str("\\t")?,
            '\r' => f.write_str("\\r")?,
            c if c.is_control() => write!(f, "\\u{:04X}", u32::from(c))?,
            c => write!(f, "{c}")?,
        }
    }
    f.write_str("\"")
}

impl fmt::Display for KeyPath {
    /// Writes the path as `a.b[2].c`; keys that are not valid TOML bare keys
    /// (for example ones containing dots, spaces or non-ASCII text) are written
    /// as double-quoted strings, so that [`KeyPath::parse`] reads them back.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, seg) in self.0.iter().enumerate() {
            match seg {
                PathSeg::Key(k) => {
                    if i > 0 {
                        f.write_str(".")?;
                    }
                    if is_bare_key(k) {
                        f.write_str(k)?;
                    } else {
                        write_quoted(f, k)?;
                    }
                }
                PathSeg::Index(n) => write!(f, "[{n}]")?,
            }
        }
        Ok(())
    }
}

/// 1-based line and column.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Location {
    /// 1-based line number.
    pub line: usize,
    /// 1-based column, counted in chars (not bytes) from the start of the line.
    pub column: usize,
}

impl fmt::Display for Location {
    /// Writes the location as `line:column`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}", self.line, self.column)
    }
}

/// A node of the parsed document that a path step can descend into.
#[derive(Debug, Clone, Copy)]
enum Node<'a> {
    /// A standard, implicit or dotted table.
    Table(&'a Table),
    /// An inline table `{ ... }`.
    InlineTable(&'a InlineTable),
    /// An inline array `[ ... ]`.
    Array(&'a Array),
    /// An array of tables `[[...]]`.
    ArrayOfTables(&'a ArrayOfTables),
    /// A scalar value or an empty item: nothing to descend into.
    Leaf,
}

impl<'a> Node<'a> {
    /// Classifies an item.
    fn from_item(item: &'a Item) -> Self {
        match item {
            Item::Table(t) => Node::Table(t),
            Item::ArrayOfTables(a) => Node::ArrayOfTables(a),
            Item::Value(v) => Node::from_value(v),
            Item::None => Node::Leaf,
        }
    }

    /// Classifies a value.
    fn from_value(value: &'a Value) -> Self {
        match value {
            Value::InlineTable(t) => Node::InlineTable(t),
            Value::Array(a) => Node::Array(a),
            _ => Node::Leaf,
        }
    }

    /// Takes one path step. Returns the span to report for the step (if the
    /// parser kept one) and the node reached, or None if the step does not
    /// exist.
    fn step(self, seg: &PathSeg) -> Option<(Option<Range<usize>>, Node<'a>)> {
        match (self, seg) {
            (Node::Table(t), PathSeg::Key(k)) => {
                let (key, item) = t.get_key_value(k)?;
                Some((key.span().or_else(|| item.span()), Node::from_item(item)))
            }
            (Node::InlineTable(t), PathSeg::Key(k)) => {
                let (key, item) = t.get_key_value(k)?;
                Some((key.span().or_else(|| item.span()), Node::from_item(item)))
            }
            (Node::ArrayOfTables(a), PathSeg::Index(i)) => {
                let table = a.get(*i)?;
                Some((table.span(), Node::Table(table)))
            }
            (Node::Array(a), PathSeg::Index(i)) => {
                let value = a.get(*i)?;
                Some((value.span(), Node::from_value(value)))
            }
            _ => None,
        }
    }
}

/// Returns where `path` is written in `src`.
///
/// This is the position of the key itself (for `a.b`, where `b` is written,
/// whether in a dotted key, an inline table or a `[a.b]` header), or, if the
/// exact path does not exist, the position of its longest existing prefix (so
/// an error about a missing key points at the table that should hold it). For
/// an index into an array of tables (`[[stores]]`) it is the position of that
/// element's `[[stores]]` header; for an index into an inline array, the
/// position of that element. Returns None if `src` does not parse or no
/// non-empty prefix exists (the empty path gives None).
pub fn locate(src: &str, path: &KeyPath) -> Option<Location> {
    if path.is_empty() {
        return None;
    }
    let doc = Document::parse(src).ok()?;
    let mut node = Node::Table(doc.as_table());
    let mut found: Option<usize> = None;
    for seg in &path.0 {
        let Some((span, next)) = node.step(seg) else {
            break;
        };
        if let Some(span) = span {
            found = Some(span.start);
        }
        node = next;
    }
    found.map(|offset| offset_to_location(src, offset))
}

/// Converts a byte offset in `src` to a Location (1-based; column counts
/// chars, not bytes).
///
/// Offsets past the end of `src` are clamped to its end, and an offset inside
/// a multi-byte character is moved back to the start of that character. A
/// `\n` ends a line; a `\r` before it belongs to the line it ends.
pub fn offset_to_location(src: &str, offset: usize) -> Location {
    let mut offset = offset.min(src.len());
    while offset > 0 && !src.is_char_boundary(offset) {
        offset -= 1;
    }
    let before = src.get(..offset).unwrap_or("");
    let line = before.matches('\n').count() + 1;
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    let column = before.get(line_start..).unwrap_or("").chars().count() + 1;
    Location { line, column }
}

/// Unit tests for path parsing and display, offsets and `locate`.
#[cfg(test)]
mod tests {
    use super::*;

    /// Shorthand for a location.
    fn loc(line: usize, column: usize) -> Option<Location> {
        Some(Location { line, column })
    }

    /// Shorthand for locating a path given in its text form.
    fn at(src: &str, path: &str) -> Option<Location> {
        locate(src, &KeyPath::parse(path))
    }

    // ----- KeyPath -----

    /// `root`, `key`, `index` and `is_empty` build paths without mutating the original.
    #[test]
    fn builders_append_segments() {
        let p = KeyPath::root().key("stores").index(3).key("staff");
        assert_eq!(
            p.0,
            vec![
                PathSeg::Key("stores".into()),
                PathSeg::Index(3),
                PathSeg::Key("staff".into()),
            ]
        );
        assert!(KeyPath::root().is_empty());
        assert!(!p.is_empty());
        assert_eq!(KeyPath::default(), KeyPath::root());
        // Builders do not modify the original.
        let base = KeyPath::root().key("a");
        let _ = base.key("b");
        assert_eq!(base.0.len(), 1);
    }

    /// Bare dotted keys and bracketed indices parse into segments.
    #[test]
    fn parse_simple_dotted_and_indexed() {
        assert_eq!(
            KeyPath::parse("a.b[2].c"),
            KeyPath::root().key("a").key("b").index(2).key("c")
        );
        assert_eq!(
            KeyPath::parse("plan.suppliers.compound"),
            KeyPath::root().key("plan").key("suppliers").key("compound")
        );
        assert_eq!(
            KeyPath::parse("m[0][1]"),
            KeyPath::root().key("m").index(0).index(1)
        );
        assert_eq!(KeyPath::parse("[4].x"), KeyPath::root().index(4).key("x"));
        assert_eq!(KeyPath::parse(""), KeyPath::root());
    }

    /// Double- and single-quoted keys may contain dots and escapes.
    #[test]
    fn parse_quoted_keys() {
        assert_eq!(
            KeyPath::parse(r#"a."x.y".b"#),
            KeyPath::root().key("a").key("x.y").key("b")
        );
        assert_eq!(
            KeyPath::parse("'lit.\\n'.z"),
            KeyPath::root().key("lit.\\n").key("z")
        );
        assert_eq!(
            KeyPath::parse(r#""q\"uote\\".k"#),
            KeyPath::root().key("q\"uote\\").key("k")
        );
        assert_eq!(KeyPath::parse(r#""\u4E2D\n""#), KeyPath::root().key("中\n"));
        assert_eq!(
            KeyPath::parse(r#"a["b.c"]"#),
            KeyPath::root().key("a").key("b.c")
        );
        assert_eq!(KeyPath::parse(r#""""#), KeyPath::root().key(""));
    }

    /// Malformed path text is parsed best-effort and never panics.
    #[test]
    fn parse_tolerates_whitespace_and_junk() {
        assert_eq!(
            KeyPath::parse(" a . b [ 1 ] "),
            KeyPath::root().key("a").key("b").index(1)
        );
        assert_eq!(KeyPath::parse("a..b."), KeyPath::root().key("a").key("b"));
        assert_eq!(KeyPath::parse("a[x]"), KeyPath::root().key("a").key("x"));
        assert_eq!(KeyPath::parse("a[-1]"), KeyPath::root().key("a").key("-1"));
        assert_eq!(KeyPath::parse("a[+1]"), KeyPath::root().key("a").key("+1"));
        assert_eq!(KeyPath::parse("a[1"), KeyPath::root().key("a").index(1));
        assert_eq!(
            KeyPath::parse(r#"a."unterminated"#),
            KeyPath::root().key("a").key("unterminated")
        );
        assert_eq!(
            KeyPath::parse("a[1]b"),
            KeyPath::root().key("a").index(1).key("b")
        );
        // Huge indices do not overflow: they become keys.
        assert_eq!(
            KeyPath::parse("a[99999999999999999999999999]"),
            KeyPath::root().key("a").key("99999999999999999999999999")
        );
        // None of these panic.
        for s in [
            "\\",
            "\"\\",
            "\"\\u12",
            "\"\\U0011FFFF\"",
            "[",
            "]",
            "[[",
            "'",
            "\"",
            ".",
            "中.文[",
            "\"\\x4\"",
        ] {
            let _ = KeyPath::parse(s);
        }
    }

    /// Display writes `a.b[2].c` and quotes keys that are not bare keys.
    #[test]
    fn display_formats_and_quotes() {
        let p = KeyPath::root().key("a").key("b").index(2).key("c");
        assert_eq!(p.to_string(), "a.b[2].c");
        let q = KeyPath::root()
            .key("x.y")
            .key("has space")
            .key("中文")
            .key("")
            .key("q\"\\\n\u{1}");
        assert_eq!(
            q.to_string(),
            r#""x.y"."has space"."中文".""."q\"\\\n\u0001""#
        );
        assert_eq!(KeyPath::root().index(0).key("k").to_string(), "[0].k");
        assert_eq!(KeyPath::root().to_string(), "");
        assert_eq!(
            KeyPath::root().key("snake_case-1").to_string(),
            "snake_case-1"
        );
    }

    /// Parsing the displayed form gives back the same path.
    #[test]
    fn display_parse_round_trip() {
        let paths = [
            KeyPath::root().key("a").key("b").index(2).key("c"),
            KeyPath::root().key("x.y").index(0).index(7).key("z"),
            KeyPath::root().key("q\"\\\n\t\r\u{1}\u{7f}").key("中文.键"),
            KeyPath::root().key("").key("[0]").key("'"),
            KeyPath::root().index(3),
        ];
        for p in paths {
            assert_eq!(KeyPath::parse(&p.to_string()), p, "round trip of {p}");
        }
    }

    // ----- offset_to_location -----

    /// Byte offsets map to 1-based lines and columns; past-the-end offsets clamp.
    #[test]
    fn offsets_to_locations() {
        let src = "ab\ncd\n\nef";
        assert_eq!(offset_to_location(src, 0), Location { line: 1, column: 1 });
        assert_eq!(offset_to_location(src, 1), Location { line: 1, column: 2 });
        assert_eq!(offset_to_location(src, 2), Location { line: 1, column: 3 });
        assert_eq!(offset_to_location(src, 3), Location { line: 2, column: 1 });
        assert_eq!(offset_to_location(src, 6), Location { line: 3, column: 1 });
        assert_eq!(offset_to_location(src, 8), Location { line: 4, column: 2 });
        // Past the end clamps to the end.
        assert_eq!(offset_to_location(src, 9), Location { line: 4, column: 3 });
        assert_eq!(
            offset_to_location(src, 1000),
            Location { line: 4, column: 3 }
        );
        assert_eq!(offset_to_location("", 5), Location { line: 1, column: 1 });
    }

    /// Columns count chars, and offsets inside a char snap back to its start.
    #[test]
    fn offsets_count_chars_not_bytes() {
        // "中" and "文" are 3 bytes each.
        let src = "中文x\n é";
        assert_eq!(offset_to_location(src, 6), Location { line: 1, column: 3 });
        assert_eq!(offset_to_location(src, 7), Location { line: 1, column: 4 });
        // Inside a multi-byte char: snaps back to its start.
        assert_eq!(offset_to_location(src, 1), Location { line: 1, column: 1 });
        assert_eq!(offset_to_location(src, 4), Location { line: 1, column: 2 });
        assert_eq!(offset_to_location(src, 9), Location { line: 2, column: 2 });
        assert_eq!(offset_to_location(src, 10), Location { line: 2, column: 2 });
        assert_eq!(offset_to_location(src, 11), Location { line: 2, column: 3 });
    }

    /// A `\r\n` line ending starts a new line after the `\n`.
    #[test]
    fn offsets_with_crlf() {
        let src = "a\r\nb";
        assert_eq!(offset_to_location(src, 1), Location { line: 1, column: 2 });
        assert_eq!(offset_to_location(src, 3), Location { line: 2, column: 1 });
    }

    /// Locations display as `line:column`.
    #[test]
    fn location_display() {
        assert_eq!(Location { line: 3, column: 7 }.to_string(), "3:7");
    }

    // ----- locate -----

    /// Top-level keys point at the key, including indented ones.
    #[test]
    fn top_level_keys() {
        let src = "title = \"x\"\n  count = 3\n";
        assert_eq!(at(src, "title"), loc(1, 1));
        assert_eq!(at(src, "count"), loc(2, 3));
    }

    /// Each part of a dotted key points at where that part is written.
    #[test]
    fn dotted_keys() {
        let src = "a.b.c = 1\nx = 0\na.d = 2\n";
        assert_eq!(at(src, "a"), loc(1, 1));
        assert_eq!(at(src, "a.b"), loc(1, 3));
        assert_eq!(at(src, "a.b.c"), loc(1, 5));
        assert_eq!(at(src, "a.d"), loc(3, 3));
        // Dotted keys inside a table section.
        let src = "[x]\ny.z = 1\ny.w = 2\n";
        assert_eq!(at(src, "x.y.w"), loc(3, 3));
    }

    /// Keys inside (nested) inline tables, including dotted ones.
    #[test]
    fn inline_tables() {
        let src = "x = { y = 1, z.w = [1, { m = 2 }] }\n";
        assert_eq!(at(src, "x"), loc(1, 1));
        assert_eq!(at(src, "x.y"), loc(1, 7));
        assert_eq!(at(src, "x.z"), loc(1, 14));
        assert_eq!(at(src, "x.z.w"), loc(1, 16));
        assert_eq!(at(src, "x.z.w[1].m"), loc(1, 26));
        // Missing key inside an inline table falls back to the table's key.
        assert_eq!(at(src, "x.nope"), loc(1, 1));
    }

    /// `[a.b]` headers: each key points at its name in the header.
    #[test]
    fn standard_tables() {
        let src = "\
[plan.suppliers]
compound = 3

[plan]
top = 1
";
        assert_eq!(at(src, "plan.suppliers"), loc(1, 7));
        assert_eq!(at(src, "plan.suppliers.compound"), loc(2, 1));
        assert_eq!(at(src, "plan.top"), loc(5, 1));
        // The key `plan` is written explicitly in `[plan]`.
        assert_eq!(at(src, "plan"), loc(4, 2));
        // An implicit parent table points at its name in the child's header.
        let src = "[a.b.c]\nk = 1\n";
        assert_eq!(at(src, "a"), loc(1, 2));
        assert_eq!(at(src, "a.b"), loc(1, 4));
        assert_eq!(at(src, "a.b.c.k"), loc(2, 1));
    }

    /// A missing key points at the longest existing prefix.
    #[test]
    fn missing_key_falls_back_to_parent_table() {
        let src = "\
name = \"demo\"

[plan.suppliers]
compound = 3
";
        assert_eq!(at(src, "plan.suppliers.missing"), loc(3, 7));
        assert_eq!(at(src, "plan.missing.deeper"), loc(3, 2));
        // Descending into a scalar falls back to the scalar's key.
        assert_eq!(at(src, "plan.suppliers.compound.x"), loc(4, 1));
        assert_eq!(at(src, "name[0]"), loc(1, 1));
        // No existing prefix at all.
        assert_eq!(at(src, "nothing.here"), None);
    }

    /// `[[stores]]`: an index points at that element's header.
    #[test]
    fn arrays_of_tables() {
        let src = "\
[[stores]]
staff = 1

[[stores]]
staff = 2

[stores.sub]
k = 1

[[stores.items]]
n = 1
";
        // The array itself: its name in the first header.
        assert_eq!(at(src, "stores"), loc(1, 3));
        // Each element: its `[[stores]]` header.
        assert_eq!(at(src, "stores[0]"), loc(1, 1));
        assert_eq!(at(src, "stores[1]"), loc(4, 1));
        assert_eq!(at(src, "stores[0].staff"), loc(2, 1));
        assert_eq!(at(src, "stores[1].staff"), loc(5, 1));
        assert_eq!(at(src, "stores[1].sub"), loc(7, 9));
        assert_eq!(at(src, "stores[1].sub.k"), loc(8, 1));
        assert_eq!(at(src, "stores[1].items[0]"), loc(10, 1));
        assert_eq!(at(src, "stores[1].items[0].n"), loc(11, 1));
        // Missing key in an element falls back to that element's header.
        assert_eq!(at(src, "stores[0].manager"), loc(1, 1));
        // A key on the array itself (no index) falls back to the array.
        assert_eq!(at(src, "stores.staff"), loc(1, 3));
    }

    /// An index past the end points at the array's key.
    #[test]
    fn index_out_of_range_falls_back_to_array() {
        let src = "[[stores]]\nstaff = 1\n\n[[stores]]\nstaff = 2\n";
        assert_eq!(at(src, "stores[2]"), loc(1, 3));
        assert_eq!(at(src, "stores[99].staff"), loc(1, 3));
        let src = "arr = [10, 20]\n";
        assert_eq!(at(src, "arr[2]"), loc(1, 1));
        assert_eq!(
            locate(src, &KeyPath::root().key("arr").index(usize::MAX)),
            loc(1, 1)
        );
    }

    /// An index into an inline array points at the element.
    #[test]
    fn inline_arrays() {
        let src = "arr = [10, 20]\nnested = [[1, 2], [3, 4]]\nobjs = [\n  { a = 1 },\n  { a = 2, b = 3 },\n]\n";
        assert_eq!(at(src, "arr[0]"), loc(1, 8));
        assert_eq!(at(src, "arr[1]"), loc(1, 12));
        assert_eq!(at(src, "nested[1][0]"), loc(2, 20));
        assert_eq!(at(src, "objs[1]"), loc(5, 3));
        assert_eq!(at(src, "objs[1].b"), loc(5, 12));
        // Missing key in an inline table element falls back to the element.
        assert_eq!(at(src, "objs[0].b"), loc(4, 3));
        // A key applied to an array falls back to the array's key.
        assert_eq!(at(src, "objs.a"), loc(3, 1));
    }

    /// Quoted keys in the source match unquoted key segments.
    #[test]
    fn quoted_keys() {
        let src = "\"q.k\" = 1\n[\"dotted.table\".'lit key']\nv = 2\n";
        assert_eq!(at(src, r#""q.k""#), loc(1, 1));
        assert_eq!(at(src, r#""dotted.table""#), loc(2, 2));
        assert_eq!(at(src, r#""dotted.table"."lit key""#), loc(2, 17));
        assert_eq!(at(src, r#""dotted.table"."lit key".v"#), loc(3, 1));
        // The unquoted path `q.k` is a different (missing) path.
        assert_eq!(at(src, "q.k"), None);
        let p = KeyPath::root().key("dotted.table").key("lit key").key("v");
        assert_eq!(locate(src, &p), loc(3, 1));
    }

    /// Chinese comments, keys and strings before a key do not skew columns.
    #[test]
    fn non_ascii_before_key() {
        let src = "\
# 场景：城市应急保供
[plan] # 计划
\"名称\" = \"演练\"  # 中文注释
\"供应商\" = { \"化合物\" = 3 }
";
        assert_eq!(at(src, "plan"), loc(2, 2));
        assert_eq!(at(src, "plan.名称"), loc(3, 1));
        assert_eq!(at(src, "plan.供应商"), loc(4, 1));
        // `{` is at column 9 (after `"供应商" = `), so the quoted key starts at column 11.
        assert_eq!(at(src, "plan.供应商.化合物"), loc(4, 11));
        // On the same line after non-ASCII text: columns count chars (the
        // byte offset of `u` is 26, its char column 19).
        let src = "s = { t = \"中文中文\", u = 1 }\n";
        assert_eq!(at(src, "s.u"), loc(1, 19));
        let src = "x = { \"甲\" = \"乙\", k = 1 }\n";
        assert_eq!(at(src, "x.甲"), loc(1, 7));
        assert_eq!(at(src, "x.k"), loc(1, 18));
    }

    /// Windows line endings give the same lines and columns.
    #[test]
    fn crlf_line_endings() {
        let src = "a = 1\r\n[t]\r\nb = 2\r\n";
        assert_eq!(at(src, "t"), loc(2, 2));
        assert_eq!(at(src, "t.b"), loc(3, 1));
    }

    /// A source that does not parse has no locations.
    #[test]
    fn malformed_toml_returns_none() {
        assert_eq!(at("a = \nb = 1\n", "b"), None);
        assert_eq!(at("[plan\nx = 1\n", "plan"), None);
        assert_eq!(at("a = 1\na = 2\n", "a"), None);
        assert_eq!(at("x = { y = 1\n", "x"), None);
        assert_eq!(at("\"unterminated = 1", "unterminated"), None);
    }

    /// The empty path and an empty source give None.
    #[test]
    fn empty_path_and_empty_source() {
        assert_eq!(locate("a = 1\n", &KeyPath::root()), None);
        assert_eq!(at("", "a"), None);
        assert_eq!(locate("", &KeyPath::root()), None);
    }

    /// Odd sources, paths and offsets never panic.
    #[test]
    fn never_panics_on_odd_input() {
        let sources = [
            "",
            "\u{feff}a = 1",
            "中",
            "[[a]]\n[a.b]\n",
            "a = [",
            "= 1",
            "a = 1\n\0",
            "[a]\n[[a]]\n",
            "x = \"\\u00e9\"",
        ];
        let paths = [
            KeyPath::root(),
            KeyPath::root().key("a"),
            KeyPath::root().key("a").index(0).key("b"),
            KeyPath::root().index(0),
            KeyPath::root().key("").index(usize::MAX),
        ];
        for s in sources {
            for p in &paths {
                let _ = locate(s, p);
            }
            for off in 0..=s.len() + 2 {
                let _ = offset_to_location(s, off);
            }
        }
        // A BOM before a key: the key still resolves.
        assert!(at("\u{feff}a = 1", "a").is_some());
    }
}
