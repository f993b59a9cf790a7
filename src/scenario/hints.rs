//! Messages in a planner's words for what the TOML reader rejects:
//! full-width punctuation typed on a Chinese keyboard, and values of the
//! wrong type, said with the key, its unit and an example.

use super::error::{Arg, Message};
use super::locate::{self, KeyPath, Location};
use crate::i18n::{Lang, Text};
use crate::message;

/// Full-width punctuation and the half-width character TOML wants.
const FULL_WIDTH: &[(char, char, &str, &str)] = &[
    ('，', ',', "full-width comma", "全角逗号"),
    ('＝', '=', "full-width equals sign", "全角等号"),
    ('“', '"', "curly opening quote", "中文左引号"),
    ('”', '"', "curly closing quote", "中文右引号"),
    ('‘', '\'', "curly opening quote", "中文左单引号"),
    ('’', '\'', "curly closing quote", "中文右单引号"),
    ('［', '[', "full-width bracket", "全角方括号"),
    ('］', ']', "full-width bracket", "全角方括号"),
    ('【', '[', "Chinese bracket", "中文方括号"),
    ('】', ']', "Chinese bracket", "中文方括号"),
    ('：', ':', "full-width colon", "全角冒号"),
    ('｛', '{', "full-width brace", "全角花括号"),
    ('｝', '}', "full-width brace", "全角花括号"),
    ('．', '.', "full-width full stop", "全角句点"),
    ('　', ' ', "full-width space", "全角空格"),
];

/// The first full-width punctuation mark outside quotes and comments, with
/// where it is and what to write instead.
#[cfg(test)]
pub fn full_width(src: &str) -> Option<(Location, Message)> {
    src.lines()
        .enumerate()
        .find_map(|(n, line)| full_width_in(line, n + 1))
}

/// The first full-width punctuation mark of `line` (line number `n`)
/// outside quotes and comments, with where it is and what to write
/// instead.
pub fn full_width_in(line: &str, n: usize) -> Option<(Location, Message)> {
    let (col, ch) = first_full_width(line)?;
    let location = Location {
        line: n,
        column: col + 1,
    };
    Some((location, full_width_message(ch)?))
}

/// The 0-based char column and the character of the first full-width
/// punctuation mark of `line` outside quotes and comments.
pub fn first_full_width(line: &str) -> Option<(usize, char)> {
    let mut quote: Option<char> = None;
    for (col, c) in line.chars().enumerate() {
        match quote {
            Some(q) if c == q => quote = None,
            Some(_) => {}
            None if c == '"' || c == '\'' => quote = Some(c),
            None if c == '#' => break,
            None if half_width(c).is_some() => return Some((col, c)),
            None => {}
        }
    }
    None
}

/// The half-width character TOML wants for the full-width `c`, if `c` is
/// one a Chinese keyboard types.
pub fn half_width(c: char) -> Option<char> {
    FULL_WIDTH.iter().find(|f| f.0 == c).map(|f| f.1)
}

/// What `ch` is (`full-width comma`), in every language.
pub fn full_width_name(ch: char) -> Option<Text> {
    let &(_, _, en, zh) = FULL_WIDTH.iter().find(|f| f.0 == ch)?;
    Some(Text {
        en: en.to_string(),
        zh: zh.to_string(),
    })
}

/// "`，` is a full-width comma …: write the half-width `,` instead".
fn full_width_message(ch: char) -> Option<Message> {
    let half = half_width(ch)?;
    let name = full_width_name(ch)?;
    Some(message!(SC_FULL_WIDTH, ch, half).arg("name", Arg::Text(name)))
}

/// How deep the TOML reader lets tables and lists nest.
pub const MAX_DEPTH: usize = 80;

/// The first line of `src` whose tables or lists nest deeper than
/// [`MAX_DEPTH`] (`[a.b.c]` is 3 deep, `a = [[1]]` is 3 too), with where
/// the nesting passes the limit and how deep the line goes. Linear in
/// the length of `src`.
pub fn too_deep(src: &str) -> Option<(Location, usize)> {
    for (n, line) in src.lines().enumerate() {
        let mut depth = 0usize;
        let mut deepest = 0usize;
        let mut past: Option<usize> = None;
        let mut quote: Option<char> = None;
        let mut in_key = true;
        let header = line.trim_start().starts_with('[');
        for (col, c) in line.chars().enumerate() {
            match quote {
                Some(q) if c == q => quote = None,
                Some(_) => {}
                None => match c {
                    '"' | '\'' => quote = Some(c),
                    '#' => break,
                    '=' if !header => in_key = false,
                    // A dotted key or header: one table deeper per dot.
                    '.' if in_key || header => depth += 1,
                    '[' | '{' if !in_key => depth += 1,
                    ']' | '}' if !in_key => depth = depth.saturating_sub(1),
                    _ => {}
                },
            }
            if depth + 1 > deepest {
                deepest = depth + 1;
                if deepest > MAX_DEPTH && past.is_none() {
                    past = Some(col + 1);
                }
            }
        }
        if let Some(column) = past {
            return Some((
                Location {
                    line: n + 1,
                    column,
                },
                deepest,
            ));
        }
    }
    None
}

/// The value `key` has in the built-in default scenario, as written there.
fn default_value(key: &str) -> Option<String> {
    let path = KeyPath::parse(key);
    let at = locate::locate(super::DEFAULT_SCENARIO, &path)?;
    let line = super::DEFAULT_SCENARIO.lines().nth(at.line - 1)?;
    let (_, v) = line.split_once('=')?;
    let v = v.split(" #").next().unwrap_or(v).trim();
    (!v.is_empty()).then(|| v.to_string())
}

/// A plain message for serde's "invalid type: X, expected Y" at `key`, if
/// there is one.
pub fn wrong_type(key: &str, got: &str, want: &str) -> Option<Message> {
    let leaf = key.rsplit('.').next().unwrap_or(key);
    let leaf = leaf.split('[').next().unwrap_or(leaf);
    let unit = super::limits::lookup(&KeyPath::parse(key)).and_then(|l| l.unit);
    let example = default_value(key);
    let eg = Arg::Text(Text::each(|lang| match &example {
        Some(v) => crate::t!(lang, SC_TYPE_EXAMPLE, leaf, v),
        None => String::new(),
    }));
    let unit = Arg::Text(Text::each(|lang: Lang| {
        unit.map_or(String::new(), |u| format!(" [{}]", u.get(lang)))
    }));
    let whole = want == "i64" || want == "u64" || want == "i32" || want == "u32";
    let number = want == "f64" || want.starts_with("a number");
    // `[[scenario]]` for `[scenario]`: a top-level table given as a list.
    let top_table = !key.contains('.') && !key.contains('[');
    let listed = got == "sequence" || got == "array";
    // The value as written: `"21 days"` of `string "21 days"`.
    let float = got.starts_with("floating point");
    let got = ["floating point ", "string ", "integer ", "boolean "]
        .iter()
        .find_map(|p| got.strip_prefix(p))
        .unwrap_or(got);
    let wants_list = want.starts_with("a sequence");
    // serde reads a struct from a list by position, so `[[scenario]]` says
    // that its first table is not the first field.
    let msg = if !wants_list && top_table && (listed || got == "map") {
        message!(SC_TYPE_NOT_ARRAY, leaf)
    } else if whole && float {
        message!(SC_TYPE_NOT_WHOLE, leaf, got).arg("eg", eg)
    } else if whole {
        message!(SC_TYPE_WHOLE, leaf, got)
            .arg("unit", unit)
            .arg("eg", eg)
    } else if number {
        message!(SC_TYPE_NUMBER, leaf, got)
            .arg("unit", unit)
            .arg("eg", eg)
    } else if want == "a boolean" {
        message!(SC_TYPE_BOOL, leaf)
    } else if want == "a string" {
        message!(SC_TYPE_TEXT, leaf)
    } else if wants_list && got == "map" {
        message!(SC_TYPE_ARRAY, leaf)
    } else {
        return None;
    };
    Some(msg)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn full_width_marks_outside_quotes_are_found() {
        let (at, m) = full_width("[scenario]\nname = \"鼓楼，区\"\ndays＝21\n").expect("found");
        assert_eq!((at.line, at.column), (3, 5));
        let en = m.to_string();
        assert!(en.contains("`＝`") && en.contains("`=`"), "{en}");
        assert!(full_width("# 注释，注释\nname = \"a，b\"\n").is_none());
        let (at, _) = full_width("place = “鼓楼区储备库”\n").expect("curly");
        assert_eq!((at.line, at.column), (1, 9));
    }

    #[test]
    fn the_line_nested_too_deep_is_found() {
        let deep = format!("[scenario]\nname = \"x\"\n[{}]\n", vec!["a"; 100].join("."));
        let (at, depth) = too_deep(&deep).expect("too deep");
        assert_eq!((at.line, depth), (3, 100));
        let list = format!("a = {}{}\n", "[".repeat(90), "]".repeat(90));
        assert_eq!(too_deep(&list).map(|(l, d)| (l.line, d)), Some((1, 91)));
        assert!(too_deep("[a.b.c]\nx = [[1, 2], [3]]\ny = \"a.b.c.d\"\n").is_none());
    }

    #[test]
    fn wrong_types_are_said_with_an_example() {
        let m = wrong_type("scenario.days", "string \"21 days\"", "i64").expect("days");
        assert_eq!(
            m.to_string(),
            "`days` takes a whole number without a unit or quotes, not \"21 days\", for example `days = 60`"
        );
        let m = wrong_type("plan.order_interval_days", "string \"2\"", "f64").expect("f64");
        assert!(m.to_string().contains("a number [days]"), "{m}");
        let m = wrong_type("scenario", "map", "a string").expect("[[scenario]]");
        assert!(
            m.to_string()
                .contains("write `[scenario]`, not `[[scenario]]`"),
            "{m}"
        );
    }
}
