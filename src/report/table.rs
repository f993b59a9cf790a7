//! Tables for the terminal, laid out by display width: a Chinese
//! character takes two columns, a Latin letter one, so columns line up
//! whatever the language of labels and place names.
//!
//! ```
//! use baogong::report::table::{Align, Table};
//!
//! let mut t = Table::new(&[("层级", Align::Left), ("封控数", Align::Right)]);
//! t.row(["楼栋", "12"]);
//! t.row(["乡镇(街道)", "1"]);
//! assert_eq!(
//!     t.render("  "),
//!     "  层级        封控数\n  楼栋            12\n  乡镇(街道)       1\n"
//! );
//! ```

use unicode_width::UnicodeWidthStr;

/// How a column's cells sit in it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Align {
    /// Text: flush left.
    Left,
    /// Numbers: flush right.
    Right,
}

/// The display width of `s` in a terminal.
pub fn width(s: &str) -> usize {
    UnicodeWidthStr::width(s)
}

/// `s` padded with spaces to `w` columns.
pub fn pad(s: &str, w: usize, align: Align) -> String {
    let fill = " ".repeat(w.saturating_sub(width(s)));
    match align {
        Align::Left => format!("{s}{fill}"),
        Align::Right => format!("{fill}{s}"),
    }
}

/// `s` cut to at most `w` columns, with `…` where it was cut.
pub fn truncate(s: &str, w: usize) -> String {
    if width(s) <= w {
        return s.to_string();
    }
    let mut out = String::new();
    let mut used = 0;
    for ch in s.chars() {
        let cw = unicode_width::UnicodeWidthChar::width(ch).unwrap_or(0);
        if used + cw + 1 > w {
            break;
        }
        out.push(ch);
        used += cw;
    }
    out.push('…');
    out
}

/// Whether `c` is a CJK character, which may start a new line anywhere.
fn is_wide(c: char) -> bool {
    unicode_width::UnicodeWidthChar::width(c) == Some(2)
}

/// `text` broken into lines of at most `w` columns: at spaces between
/// Latin words, between any two Chinese characters (a closing punctuation
/// mark stays with the character before it). A word longer than `w` gets
/// a line of its own.
pub fn wrap(text: &str, w: usize) -> Vec<String> {
    // Tokens: runs of narrow non-space characters, single wide characters,
    // and the spaces between them.
    let mut tokens: Vec<String> = Vec::new();
    for c in text.chars() {
        let glue = matches!(
            c,
            '，' | '。' | '；' | '：' | '、' | '）' | '」' | '”' | '！' | '？'
        );
        match tokens.last_mut() {
            Some(t) if glue => t.push(c),
            Some(t)
                if !c.is_whitespace()
                    && !is_wide(c)
                    && t.chars()
                        .last()
                        .is_some_and(|l| !l.is_whitespace() && !is_wide(l)) =>
            {
                t.push(c)
            }
            _ => tokens.push(c.to_string()),
        }
    }
    let mut lines = Vec::new();
    let mut cur = String::new();
    for t in tokens {
        let blank = t.chars().all(char::is_whitespace);
        if !cur.is_empty() && width(&cur) + width(&t) > w {
            lines.push(cur.trim_end().to_string());
            cur = String::new();
            if blank {
                continue;
            }
        }
        if cur.is_empty() && blank {
            continue;
        }
        cur.push_str(&t);
    }
    if !cur.trim().is_empty() {
        lines.push(cur.trim_end().to_string());
    }
    lines
}

/// A table: a header row and rows of cells, each column as wide as its
/// widest cell.
#[derive(Debug, Clone)]
pub struct Table {
    header: Vec<String>,
    align: Vec<Align>,
    rows: Vec<Vec<String>>,
    gap: usize,
}

impl Table {
    /// A table with these column headers and alignments.
    pub fn new(columns: &[(&str, Align)]) -> Table {
        Table {
            header: columns.iter().map(|c| c.0.to_string()).collect(),
            align: columns.iter().map(|c| c.1).collect(),
            rows: Vec::new(),
            gap: 2,
        }
    }

    /// A table with headers given as owned strings.
    pub fn with_header(header: Vec<String>, align: Vec<Align>) -> Table {
        Table {
            header,
            align,
            rows: Vec::new(),
            gap: 2,
        }
    }

    /// Adds a row; missing cells are empty, extra cells are dropped.
    pub fn row<I, S>(&mut self, cells: I)
    where
        I: IntoIterator<Item = S>,
        S: Into<String>,
    {
        let mut r: Vec<String> = cells.into_iter().map(Into::into).collect();
        r.resize(self.header.len(), String::new());
        self.rows.push(r);
    }

    /// Number of rows (the header not counted).
    pub fn len(&self) -> usize {
        self.rows.len()
    }

    /// Whether it has no row.
    pub fn is_empty(&self) -> bool {
        self.rows.is_empty()
    }

    /// The table as lines, each starting with `indent`, trailing spaces
    /// trimmed; the header is aligned like its column.
    pub fn render(&self, indent: &str) -> String {
        let n = self.header.len();
        let widths: Vec<usize> = (0..n)
            .map(|j| {
                std::iter::once(&self.header[j])
                    .chain(self.rows.iter().map(|r| &r[j]))
                    .map(|c| width(c))
                    .max()
                    .unwrap_or(0)
            })
            .collect();
        let mut out = String::new();
        for r in std::iter::once(&self.header).chain(&self.rows) {
            let mut line = String::from(indent);
            for j in 0..n {
                if j > 0 {
                    line.push_str(&" ".repeat(self.gap));
                }
                line.push_str(&pad(&r[j], widths[j], self.align[j]));
            }
            out.push_str(line.trim_end());
            out.push('\n');
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn chinese_counts_two_columns() {
        assert_eq!(width("卫生清洁用品"), 12);
        assert_eq!(width("meat 肉"), 7);
        assert_eq!(pad("肉", 4, Align::Right), "  肉");
        assert_eq!(truncate("东城区东华街道和平社区", 9), "东城区东…");
        assert!(width(&truncate("东城区东华街道和平社区", 9)) <= 9);
        assert_eq!(truncate("short", 9), "short");
    }

    #[test]
    fn wraps_by_display_width() {
        let en = wrap("one two three four five six", 9);
        assert_eq!(en, ["one two", "three", "four five", "six"]);
        let zh = wrap("封控期间，应急投放点每天开放十二小时。", 10);
        assert!(zh.iter().all(|l| width(l) <= 10), "{zh:?}");
        assert_eq!(zh.concat(), "封控期间，应急投放点每天开放十二小时。");
        assert!(
            !zh.iter()
                .any(|l| l.starts_with('，') || l.starts_with('。')),
            "{zh:?}"
        );
    }

    #[test]
    fn columns_line_up_by_display_width() {
        let mut t = Table::new(&[("category", Align::Left), ("t", Align::Right)]);
        t.row(["粮油", "4.1"]);
        t.row(["卫生清洁用品", "0.6"]);
        t.row(["meat", "12.0"]);
        let out = t.render("");
        let ends: Vec<usize> = out.lines().map(width).collect();
        assert!(ends.iter().all(|&e| e == ends[0]), "{out}");
    }
}
