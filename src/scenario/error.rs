//! What is wrong with a scenario: [`ScenarioError`], one problem of a file
//! (file, line, key, [`Message`]) with the others found in the same pass,
//! and [`ScenarioWarning`], a set-up that runs but makes no sense.
//!
//! A [`Message`] is a message of the catalogue ([`crate::i18n::msg`]) and
//! its arguments, put into words only when shown, in the language the
//! command line chose. Nothing here prints.

use std::fmt;

use super::locate::Location;
use crate::i18n::{Lang, Msg, Text};

/// Most problems reported from one file; the rest are counted.
pub const MAX_REPORTED: usize = 20;

/// One argument of a [`Message`].
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum Arg {
    /// The same in every language: a number, a name, a key.
    Plain(String),
    /// A word of the catalogue (a unit, a level of places).
    Word(Msg),
    /// Words already made in every language (a list and its separator).
    Text(Text),
    /// Another message, put into words in the same language.
    Message(Box<Message>),
}

/// A message of the catalogue with its arguments: what is wrong, said in
/// a language only when shown ([`Message::get`]). It reads as its English
/// ([`fmt::Display`]).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Message {
    /// The message.
    pub id: &'static Msg,
    /// Its arguments, by placeholder name.
    pub args: Vec<(&'static str, Arg)>,
}

impl Message {
    /// `id` without arguments.
    pub fn new(id: &'static Msg) -> Message {
        Message {
            id,
            args: Vec::new(),
        }
    }

    /// The same message with one more argument.
    pub fn arg(mut self, name: &'static str, value: Arg) -> Message {
        self.args.push((name, value));
        self
    }

    /// The message in `lang`.
    pub fn get(&self, lang: Lang) -> String {
        let words: Vec<(&str, String)> = self
            .args
            .iter()
            .map(|(k, a)| {
                let w = match a {
                    Arg::Plain(s) => s.clone(),
                    Arg::Word(m) => m.get(lang).to_string(),
                    Arg::Text(t) => t.get(lang).to_string(),
                    Arg::Message(m) => m.get(lang),
                };
                (*k, w)
            })
            .collect();
        let args: Vec<(&str, &dyn fmt::Display)> = words
            .iter()
            .map(|(k, w)| (*k, w as &dyn fmt::Display))
            .collect();
        self.id.fmt(lang, &args)
    }

    /// The message in every language at once.
    pub fn text(&self) -> Text {
        Text::each(|lang| self.get(lang))
    }

    /// Words made elsewhere (another library's error text, already in
    /// every language), shown as they are.
    pub fn of_text(text: Text) -> Message {
        Message::new(&crate::i18n::msg::SC_AS_IS).arg("detail", Arg::Text(text))
    }
}

impl fmt::Display for Message {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.get(Lang::En))
    }
}

impl From<Text> for Message {
    fn from(t: Text) -> Message {
        Message::of_text(t)
    }
}

/// A message of the catalogue with named arguments, as a [`Message`]:
/// `message!(NAME)`, `message!(NAME, n = count, place)`. Each argument is
/// shown with `Display`, the same in every language; a word of a language
/// is given as an [`Arg`] with [`Message::arg`].
#[macro_export]
#[doc(hidden)]
macro_rules! message {
    ($name:ident $(,)?) => {
        $crate::scenario::Message::new(&$crate::i18n::msg::$name)
    };
    ($name:ident, $($k:ident $(= $v:expr)?),+ $(,)?) => {
        $crate::scenario::Message {
            id: &$crate::i18n::msg::$name,
            args: vec![$((
                stringify!($k),
                $crate::scenario::Arg::Plain(($crate::t!(@value $k $($v)?)).to_string()),
            )),+],
        }
    };
}

/// A scenario that cannot be read or is not valid: the first problem found
/// (file, line, key, what is wrong) and the others found in the same pass,
/// up to [`MAX_REPORTED`] in all.
///
/// The reading stage (syntax, key names, types) and the checking stage
/// (ranges, references, the city) each report every problem they can
/// before they stop, together in the order of the file's lines. A wrong
/// `key = value` line, even one the TOML reader cannot read, is blanked
/// and the reading goes on (the later sections are checked and located
/// as usual). A table header written wrong (`[plan`, `【plan】`) is read
/// as the header meant, a table that does not exist as the nearest one
/// (or, with no table near, skipped with its keys), and the reading goes
/// on too. A header whose table cannot be told, or an entry of a list
/// that cannot be read, is skipped with its keys and the reading goes on,
/// but the checks are not made, since they would miss what was skipped.
/// A value over several lines that runs to the end of the file stops the
/// reading.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{}", self.first_line())]
pub struct ScenarioError {
    /// The file (or `<built-in default.toml>`).
    pub file: String,
    /// Where in the file, if known.
    pub location: Option<Location>,
    /// The key concerned, if known (`plan.suppliers.compound`).
    pub key: String,
    /// What is wrong.
    pub message: Message,
    /// The other problems of the same file, if any.
    pub more: Option<Box<More>>,
}

/// The problems of a file after its first.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct More {
    /// Those listed, in the order found (each with no `more` of its own).
    pub listed: Vec<ScenarioError>,
    /// How many more were found beyond [`MAX_REPORTED`], not listed.
    pub unlisted: usize,
}

impl ScenarioError {
    /// One problem of `file`.
    pub fn new(
        file: &str,
        location: Option<Location>,
        key: impl Into<String>,
        message: Message,
    ) -> ScenarioError {
        ScenarioError {
            file: file.to_string(),
            location,
            key: key.into(),
            message,
            more: None,
        }
    }

    /// The problems as one error: the first, then the others, at most
    /// [`MAX_REPORTED`] listed. `None` if there are none.
    pub fn gather(mut all: Vec<ScenarioError>) -> Option<ScenarioError> {
        if all.is_empty() {
            return None;
        }
        let unlisted = all.len().saturating_sub(MAX_REPORTED);
        all.truncate(MAX_REPORTED);
        let mut first = all.remove(0);
        first.more = (!all.is_empty() || unlisted > 0).then(|| {
            Box::new(More {
                listed: all,
                unlisted,
            })
        });
        Some(first)
    }

    /// Every problem listed, the first one first.
    pub fn problems(&self) -> impl Iterator<Item = &ScenarioError> {
        let others = self.more.as_deref().map_or(&[][..], |m| &m.listed[..]);
        std::iter::once(self).chain(others.iter())
    }

    /// How many problems were found beyond the listed ones.
    pub fn unlisted(&self) -> usize {
        self.more.as_ref().map_or(0, |m| m.unlisted)
    }

    /// How many problems were found, listed or not.
    pub fn count(&self) -> usize {
        self.problems().count() + self.unlisted()
    }

    /// The first problem on one line, in English.
    fn first_line(&self) -> String {
        let mut s = self.file.clone();
        if let Some(l) = self.location {
            s.push_str(&format!(":{}:{}", l.line, l.column));
        }
        if !self.key.is_empty() {
            s.push_str(&format!(": key `{}`", self.key));
        }
        s.push_str(&format!(": {}", self.message));
        s
    }

    /// The first problem in `lang`: `file:line:column: key `k`: message`.
    pub fn render(&self, lang: Lang) -> String {
        let mut at = self.file.clone();
        if let Some(l) = self.location {
            at.push_str(&format!(":{}:{}", l.line, l.column));
        }
        let message = self.message.get(lang);
        if self.key.is_empty() {
            crate::t!(lang, SCENARIO_ERROR, at, message)
        } else {
            crate::t!(lang, SCENARIO_ERROR_KEY, at, key = self.key, message)
        }
    }

    /// Every problem in `lang` as the command line shows it after its
    /// `error: `: the first, then each other on a line of its own that
    /// starts with `error: ` too.
    pub fn render_report(&self, lang: Lang) -> String {
        let lines = self.render_all(lang);
        let sep = format!("\n{}", crate::t!(lang, ERROR_LINE, msg = ""));
        lines.join(&sep)
    }

    /// Every problem in `lang`, one line each, and a last line counting
    /// those not listed, if any.
    pub fn render_all(&self, lang: Lang) -> Vec<String> {
        let mut lines: Vec<String> = self.problems().map(|p| p.render(lang)).collect();
        if self.unlisted() > 0 {
            lines.push(crate::t!(
                lang,
                SC_MORE_PROBLEMS,
                n = self.unlisted(),
                file = self.file
            ));
        }
        lines
    }
}

/// Something valid in a scenario file that is probably not meant: the run
/// goes ahead (exit 0), and `validate` and `run` say it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ScenarioWarning {
    /// The file.
    pub file: String,
    /// Where in the file, if known.
    pub location: Option<Location>,
    /// The key concerned, if known.
    pub key: String,
    /// What looks wrong, and what it does.
    pub message: Message,
}

impl ScenarioWarning {
    /// The warning in `lang`: `file:line:column: key `k`: message`.
    pub fn render(&self, lang: Lang) -> String {
        let mut at = self.file.clone();
        if let Some(l) = self.location {
            at.push_str(&format!(":{}:{}", l.line, l.column));
        }
        let message = self.message.get(lang);
        if self.key.is_empty() {
            crate::t!(lang, SCENARIO_ERROR, at, message)
        } else {
            crate::t!(lang, SCENARIO_ERROR_KEY, at, key = self.key, message)
        }
    }
}

impl fmt::Display for ScenarioWarning {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.render(Lang::En))
    }
}
