//! The languages of everything a user reads: reports, tables, charts,
//! messages and help. Chinese and English, from one message catalogue.
//!
//! # The catalogue
//!
//! Every text a user reads is a [`Msg`]: a constant with its English and
//! its Chinese, declared once in one of the files of `src/i18n/` with the
//! [`catalogue!`](crate::catalogue) macro and re-exported from [`msg`].
//! Placeholders are written `{name}` (`{{` and `}}` for literal braces);
//! both languages must use the same placeholders, which a test checks for
//! every message, together with the arguments given at each call site of
//! [`t!`](crate::t) in the sources.
//!
//! ```
//! use baogong::i18n::{Lang, msg};
//! use baogong::t;
//!
//! let n = 3;
//! assert_eq!(t!(Lang::En, CLOSURES_HEADING), "Closures");
//! assert_eq!(t!(Lang::Zh, CLOSURES_HEADING), "封控情况");
//! assert_eq!(t!(Lang::Zh, N_SUPPLIERS, n), "3 家直接供货商");
//! // Without the macro: a message as a value, for words chosen at run time.
//! assert_eq!(msg::LEVEL_BUILDING.get(Lang::Zh), "楼栋");
//! assert_eq!(msg::N_SUPPLIERS.fmt(Lang::En, &[("n", &n)]), "3 supplier(s)");
//! ```
//!
//! * [`t!`](crate::t)`(lang, NAME, key = value, ...)` gives the message
//!   `NAME` of [`msg`] in `lang` as a `String`; `key` alone stands for
//!   `key = key`. Values are anything that implements `Display`: format
//!   numbers first where the precision matters (`t!(lang, X, h = format!("{h:.1}"))`).
//! * [`Msg::get`] gives the text without arguments; [`Msg::fmt`] fills it
//!   from a slice of `(name, value)` pairs.
//! * [`text!`](crate::text)`(NAME, key = value, ...)` gives the message in
//!   every language at once, a [`Text`], for errors the library makes
//!   before the language is known (a scenario's, a merge's); the command
//!   line shows [`Text::get`] in the chosen language. [`Text::each`] makes
//!   one from a closure when an argument is itself a word of a language (a
//!   unit, a list joined with `LIST_SEP`).
//! * [`names`] puts the model's words into a language: levels of places,
//!   terms of the score, cost items, goods.
//!
//! What stays in English inside a message is what other code wrote: the
//! system's and the libraries' own error texts (a file not found, a CSV or
//! JSON syntax error), quoted after our words.
//!
//! The language of a run is chosen once, by `--lang en|zh` or else by
//! [`Lang::from_env`], and passed down as a value: there is no global
//! language, so that the same inputs in the same language give the same
//! bytes, on any thread.
//!
//! # Why a hand-written catalogue
//!
//! Fluent (`fluent-bundle`, `fluent-templates`) and `rust-i18n` were
//! weighed against it (the README's "Languages" section says more): our two
//! languages need no plural rules (Chinese has none, English is written
//! "supplier(s)" or with two messages), and a typed catalogue costs no
//! dependency, no parsing at run time, no global locale, and turns a
//! misspelt message name into a compile error.
//!
//! # Adding a message
//!
//! Add it to the file of its area in `src/i18n/` (a new area: a new file
//! with one `catalogue!` block, a `mod` line and a `pub use` below, and its
//! `ALL` in [`catalogues`]); name it in capitals by what it says; give both
//! languages; use the plan's own Chinese terms (封控, 直接供货商, 应急投放点,
//! ...; see the glossary in README.zh.md).

use std::fmt::Display;

mod charts;
mod cli;
mod common;
mod report;
mod scenario;
mod slurm;

pub mod names;

/// Every message, by name: `msg::CLOSURES_HEADING`.
pub mod msg {
    pub use super::charts::*;
    pub use super::cli::*;
    pub use super::common::*;
    pub use super::report::*;
    pub use super::scenario::*;
    pub use super::slurm::*;
}

/// Every catalogue block, for the completeness test and tools.
pub fn catalogues() -> [&'static [Msg]; 6] {
    [
        charts::ALL,
        cli::ALL,
        common::ALL,
        report::ALL,
        scenario::ALL,
        slurm::ALL,
    ]
}

/// A language of the user interface.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Lang {
    /// English.
    #[default]
    En,
    /// Chinese (simplified).
    Zh,
}

impl Lang {
    /// Every language.
    pub const ALL: [Lang; 2] = [Lang::En, Lang::Zh];

    /// Parses `en` or `zh` (also `zh_CN`, `zh-CN.UTF-8`, `en_US`, ...).
    pub fn parse(s: &str) -> Option<Lang> {
        let s = s.trim().to_ascii_lowercase();
        if s == "zh" || s.starts_with("zh_") || s.starts_with("zh-") || s.starts_with("zh.") {
            Some(Lang::Zh)
        } else if s == "en" || s.starts_with("en_") || s.starts_with("en-") || s.starts_with("en.")
        {
            Some(Lang::En)
        } else {
            None
        }
    }

    /// The language of the environment: `LC_ALL`, then `LC_MESSAGES`,
    /// then `LANG`; a `zh_*` locale gives Chinese, anything else English.
    pub fn from_env() -> Lang {
        ["LC_ALL", "LC_MESSAGES", "LANG"]
            .iter()
            .filter_map(|k| std::env::var(k).ok())
            .find(|v| !v.is_empty())
            .and_then(|v| Lang::parse(&v))
            .unwrap_or_default()
    }

    /// Its code (`en`, `zh`).
    pub fn code(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Zh => "zh",
        }
    }
}

/// One message of the catalogue, in every language.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Msg {
    /// Its name in the catalogue (`CLOSURES_HEADING`).
    pub key: &'static str,
    /// English.
    pub en: &'static str,
    /// Chinese.
    pub zh: &'static str,
}

impl Msg {
    /// The text in `lang`, placeholders unfilled.
    pub fn get(&self, lang: Lang) -> &'static str {
        match lang {
            Lang::En => self.en,
            Lang::Zh => self.zh,
        }
    }

    /// The text in `lang` with its placeholders filled from `args`. A
    /// placeholder without an argument is left as written (`{n}`), so that
    /// the mistake shows; the completeness test finds it first.
    pub fn fmt(&self, lang: Lang, args: &[(&str, &dyn Display)]) -> String {
        let text = self.get(lang);
        let mut out = String::with_capacity(text.len() + 16);
        let mut rest = text;
        while let Some(i) = rest.find(['{', '}']) {
            out.push_str(&rest[..i]);
            let tail = &rest[i..];
            if tail.starts_with("{{") || tail.starts_with("}}") {
                out.push_str(&tail[..1]);
                rest = &tail[2..];
                continue;
            }
            if tail.starts_with('{')
                && let Some(end) = tail.find('}')
            {
                let name = &tail[1..end];
                match args.iter().find(|(k, _)| *k == name) {
                    Some((_, v)) => {
                        use std::fmt::Write as _;
                        let _ = write!(out, "{v}");
                    }
                    None => out.push_str(&tail[..=end]),
                }
                rest = &tail[end + 1..];
                continue;
            }
            out.push_str(&tail[..1]);
            rest = &tail[1..];
        }
        out.push_str(rest);
        out
    }

    /// The names of its placeholders in `lang`, in order of first use.
    pub fn placeholders(&self, lang: Lang) -> Vec<&'static str> {
        placeholders(self.get(lang))
    }
}

/// The placeholders of a template, in order of first use.
fn placeholders(text: &'static str) -> Vec<&'static str> {
    let mut out = Vec::new();
    let mut rest = text;
    while let Some(i) = rest.find(['{', '}']) {
        let tail = &rest[i..];
        if tail.starts_with("{{") || tail.starts_with("}}") {
            rest = &tail[2..];
            continue;
        }
        if tail.starts_with('{')
            && let Some(end) = tail.find('}')
        {
            let name = &tail[1..end];
            if !out.contains(&name) {
                out.push(name);
            }
            rest = &tail[end + 1..];
            continue;
        }
        rest = &tail[1..];
    }
    out
}

/// A text in every language at once: what a message becomes where the
/// language is not known yet (a scenario error is made by the library and
/// shown by the command line in the user's language). It reads as its
/// English (`Display`, `Deref<Target = str>`), so that code and tests that
/// look at the English keep working; [`Text::get`] gives a language.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Text {
    /// English.
    pub en: String,
    /// Chinese.
    pub zh: String,
}

impl Text {
    /// The text in `lang`.
    pub fn get(&self, lang: Lang) -> &str {
        match lang {
            Lang::En => &self.en,
            Lang::Zh => &self.zh,
        }
    }

    /// The same words in every language (a name, or a message that comes
    /// from a library in English only).
    pub fn same(s: impl Into<String>) -> Text {
        let en = s.into();
        Text { zh: en.clone(), en }
    }

    /// A text made in each language by `f`: for messages whose arguments
    /// are themselves words of a language (a unit, a list and its
    /// separator).
    pub fn each(f: impl Fn(Lang) -> String) -> Text {
        Text {
            en: f(Lang::En),
            zh: f(Lang::Zh),
        }
    }

    /// Each language's text put through `f`.
    pub fn map(&self, f: impl Fn(Lang, &str) -> String) -> Text {
        Text {
            en: f(Lang::En, &self.en),
            zh: f(Lang::Zh, &self.zh),
        }
    }
}

impl std::ops::Deref for Text {
    type Target = str;
    fn deref(&self) -> &str {
        &self.en
    }
}

impl std::fmt::Display for Text {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.en)
    }
}

impl From<String> for Text {
    fn from(s: String) -> Text {
        Text::same(s)
    }
}

impl From<&str> for Text {
    fn from(s: &str) -> Text {
        Text::same(s)
    }
}

impl Msg {
    /// The message filled from `args` in every language.
    pub fn text(&self, args: &[(&str, &dyn Display)]) -> Text {
        Text {
            en: self.fmt(Lang::En, args),
            zh: self.fmt(Lang::Zh, args),
        }
    }
}

/// Declares messages: `NAME { en: "...", zh: "..." }`, each a [`Msg`]
/// constant, and `ALL`, every message of the block.
#[macro_export]
macro_rules! catalogue {
    ($( $(#[$doc:meta])* $name:ident { en: $en:expr, zh: $zh:expr $(,)? } )*) => {
        $(
            $(#[$doc])*
            #[allow(missing_docs)]
            pub const $name: $crate::i18n::Msg = $crate::i18n::Msg {
                key: stringify!($name),
                en: $en,
                zh: $zh,
            };
        )*
        /// Every message of this block.
        pub(super) const ALL: &[$crate::i18n::Msg] = &[$($name),*];
    };
}

/// A message of [`msg`] in a language, with named arguments:
/// `t!(lang, NAME)`, `t!(lang, NAME, n = count, place)`.
#[macro_export]
macro_rules! t {
    ($lang:expr, $name:ident $(,)?) => {
        $crate::i18n::msg::$name.get($lang).to_string()
    };
    ($lang:expr, $name:ident, $($k:ident $(= $v:expr)?),+ $(,)?) => {
        $crate::i18n::msg::$name.fmt(
            $lang,
            &[$((stringify!($k), &$crate::t!(@value $k $($v)?) as &dyn ::std::fmt::Display)),+],
        )
    };
    (@value $k:ident) => { $k };
    (@value $k:ident $v:expr) => { $v };
}

/// A message of [`msg`] in every language at once, as a [`Text`]:
/// `text!(NAME)`, `text!(NAME, n = count, place)`.
#[macro_export]
macro_rules! text {
    ($name:ident $(,)?) => {
        $crate::i18n::msg::$name.text(&[])
    };
    ($name:ident, $($k:ident $(= $v:expr)?),+ $(,)?) => {
        $crate::i18n::msg::$name.text(
            &[$((stringify!($k), &$crate::t!(@value $k $($v)?) as &dyn ::std::fmt::Display)),+],
        )
    };
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_locales() {
        assert_eq!(Lang::parse("zh_CN.UTF-8"), Some(Lang::Zh));
        assert_eq!(Lang::parse("zh"), Some(Lang::Zh));
        assert_eq!(Lang::parse("en_US.UTF-8"), Some(Lang::En));
        assert_eq!(Lang::parse("C"), None);
    }

    #[test]
    fn fills_placeholders_and_escapes() {
        let m = Msg {
            key: "X",
            en: "{a} and {b}, {{literal}} {a}",
            zh: "{b}{a}",
        };
        assert_eq!(
            m.fmt(Lang::En, &[("a", &1), ("b", &"two")]),
            "1 and two, {literal} 1"
        );
        assert_eq!(m.fmt(Lang::Zh, &[("a", &1)]), "{b}1");
        assert_eq!(m.placeholders(Lang::En), ["a", "b"]);
    }

    #[test]
    fn the_macro_takes_shorthand_and_expressions() {
        let n = 2;
        assert_eq!(t!(Lang::En, N_SUPPLIERS, n), "2 supplier(s)");
        assert_eq!(t!(Lang::Zh, N_SUPPLIERS, n = n + 1), "3 家直接供货商");
    }

    /// Every message has both languages, the same placeholders in both,
    /// and balanced braces; no two messages share a name.
    #[test]
    fn every_message_has_every_language_and_the_same_placeholders() {
        let mut problems = Vec::new();
        let mut seen = std::collections::BTreeSet::new();
        for m in catalogues().iter().flat_map(|c| c.iter()) {
            if !seen.insert(m.key) {
                problems.push(format!("{}: declared twice", m.key));
            }
            for lang in Lang::ALL {
                let text = m.get(lang);
                if text.trim().is_empty() {
                    problems.push(format!("{}: no {} text", m.key, lang.code()));
                }
                let unescaped = text.replace("{{", "").replace("}}", "");
                let opens = unescaped.matches('{').count();
                let closes = unescaped.matches('}').count();
                if opens != closes {
                    problems.push(format!("{}: unbalanced braces in {}", m.key, lang.code()));
                }
            }
            let mut en = m.placeholders(Lang::En);
            let mut zh = m.placeholders(Lang::Zh);
            en.sort_unstable();
            zh.sort_unstable();
            if en != zh {
                problems.push(format!(
                    "{}: placeholders differ: en {en:?}, zh {zh:?}",
                    m.key
                ));
            }
            // Chinese text should be Chinese: at least one CJK character
            // unless the message is only symbols, numbers and placeholders.
            let zh_text = m.zh;
            let has_latin_words = zh_text
                .split(|c: char| !c.is_ascii_alphabetic())
                .any(|w| w.len() > 3 && !zh_text.contains(&format!("{{{w}}}")));
            let has_cjk = zh_text
                .chars()
                .any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c));
            if m.zh == m.en && has_latin_words && !has_cjk {
                problems.push(format!("{}: the Chinese is the English", m.key));
            }
        }
        assert!(
            problems.is_empty(),
            "the message catalogue (src/i18n/) has problems:\n  {}",
            problems.join("\n  ")
        );
    }

    /// Every `t!(lang, NAME, args...)` in the sources names a message that
    /// exists and gives exactly its placeholders.
    #[test]
    fn every_call_site_gives_the_placeholders_of_its_message() {
        let mut by_key = std::collections::BTreeMap::new();
        for m in catalogues().iter().flat_map(|c| c.iter()) {
            by_key.insert(m.key, m);
        }
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
        let mut files = Vec::new();
        collect_rs(&root, &mut files);
        let mut problems = Vec::new();
        let mut calls = 0;
        for f in &files {
            let text = std::fs::read_to_string(f).expect("a readable source file");
            // `message!(NAME, a)` may be followed by `.arg("b", ...)`.
            let messages =
                t_calls(&text, "message!(", 0)
                    .into_iter()
                    .map(|(line, name, mut args)| {
                        for a in chained_args(&text, line) {
                            if !args.contains(&a) {
                                args.push(a);
                            }
                        }
                        (line, name, args)
                    });
            let calls_here = t_calls(&text, "t!(", 1)
                .into_iter()
                .chain(t_calls(&text, "text!(", 0))
                .chain(messages);
            for (line, name, args) in calls_here {
                calls += 1;
                let at = format!("{}:{line}", f.display());
                let Some(m) = by_key.get(name.as_str()) else {
                    problems.push(format!("{at}: no message `{name}`"));
                    continue;
                };
                let mut want: Vec<String> = m
                    .placeholders(Lang::En)
                    .iter()
                    .map(|s| s.to_string())
                    .collect();
                want.sort();
                let mut got = args.clone();
                got.sort();
                if want != got {
                    problems.push(format!(
                        "{at}: `{name}` takes {want:?} but is given {got:?}"
                    ));
                }
            }
        }
        assert!(calls > 0, "no t! call found under {}", root.display());
        assert!(problems.is_empty(), "{}", problems.join("\n"));
    }

    /// The names given by `.arg("name", ...)` after the `message!(` call
    /// on line `line` of `src`, up to the end of its statement, the next
    /// call or the next branch.
    fn chained_args(src: &str, line: usize) -> Vec<String> {
        let from: usize = src.split_inclusive('\n').take(line - 1).map(str::len).sum();
        let rest = &src[from..];
        let call = rest.find("message!(").map_or(0, |i| i + 9);
        let end = [
            rest.find(';'),
            rest[call..].find("message!(").map(|i| call + i),
            rest.find("} else"),
        ]
        .into_iter()
        .flatten()
        .fold(rest.len().min(600), usize::min);
        let mut chained = &rest[..end];
        let mut out = Vec::new();
        while let Some(i) = chained.find(".arg(\"") {
            chained = &chained[i + 6..];
            if let Some(j) = chained.find('"') {
                out.push(chained[..j].to_string());
            }
        }
        out
    }

    fn collect_rs(dir: &std::path::Path, out: &mut Vec<std::path::PathBuf>) {
        let mut entries: Vec<_> = std::fs::read_dir(dir)
            .expect("a readable directory")
            .map(|e| e.expect("an entry").path())
            .collect();
        entries.sort();
        for p in entries {
            if p.is_dir() {
                collect_rs(&p, out);
            } else if p.extension().is_some_and(|e| e == "rs") {
                out.push(p);
            }
        }
    }

    /// The calls of `macro` (`t!(`, `text!(`, `message!(`) in a source, whose message
    /// name is argument `at`: line, message name and argument names.
    fn t_calls(src: &str, mac: &str, at: usize) -> Vec<(usize, String, Vec<String>)> {
        let mut out = Vec::new();
        let bytes = src.as_bytes();
        let mut from = 0;
        while let Some(i) = src[from..].find(mac) {
            let start = from + i;
            from = start + mac.len();
            // `t!(` as a whole word, not `format!(`, `assert!(`, ...; not in
            // this module's docs and tests, which show the syntax.
            if start > 0
                && (bytes[start - 1].is_ascii_alphanumeric()
                    || bytes[start - 1] == b'_'
                    || bytes[start - 1] == b'"')
            {
                continue;
            }
            let line_start = src[..start].rfind('\n').map_or(0, |p| p + 1);
            let line_text = src[line_start..start].trim_start();
            if line_text.starts_with("//") || line_text.starts_with("(@value") {
                continue;
            }
            // The arguments up to the matching parenthesis, split at
            // top-level commas, strings skipped.
            let mut depth = 0usize;
            let mut parts = vec![String::new()];
            let mut chars = src[start + mac.len()..].chars();
            let mut in_str = false;
            while let Some(c) = chars.next() {
                if in_str {
                    if c == '\\' {
                        chars.next();
                    } else if c == '"' {
                        in_str = false;
                    }
                    continue;
                }
                match c {
                    '"' => in_str = true,
                    '(' | '[' | '{' => {
                        depth += 1;
                        parts.last_mut().expect("a part").push(c);
                    }
                    ')' | ']' | '}' if depth == 0 => break,
                    ')' | ']' | '}' => {
                        depth -= 1;
                        parts.last_mut().expect("a part").push(c);
                    }
                    ',' if depth == 0 => parts.push(String::new()),
                    c => parts.last_mut().expect("a part").push(c),
                }
            }
            let parts: Vec<String> = parts
                .into_iter()
                .map(|p| p.trim().to_string())
                .filter(|p| !p.is_empty())
                .collect();
            if parts.len() < at + 1 || parts[at].starts_with('$') {
                continue; // the macro's own definition
            }
            let args = parts[at + 1..]
                .iter()
                .map(|a| a.split('=').next().expect("a name").trim().to_string())
                .collect();
            let line = src[..start].matches('\n').count() + 1;
            out.push((line, parts[at].clone(), args));
        }
        out
    }
}
