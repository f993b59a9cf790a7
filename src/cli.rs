//! Subcommand dispatch, the language of the session and the exit-code
//! policy.
//!
//! The language is chosen before the arguments are parsed, from `--lang`
//! in argv or else from the environment ([`Lang::from_env`]), so that
//! clap's help and its errors come in that language too.

mod args;
mod bounds;
mod init;
mod merge;
mod run;
mod scenarios;
mod signals;
mod sweep;
mod validate;

use std::ffi::OsString;
use std::io::{self, Write};
use std::process::ExitCode;

use clap::FromArgMatches;
use clap::error::{ContextKind, ContextValue, ErrorKind};

use baogong::i18n::Lang;
use baogong::scenario::overrides::{self, Override, OverrideError};
use baogong::scenario::{self, shipped};
use baogong::t;

/// An error with the exit code it deserves; the text is already in the
/// session's language.
#[derive(Debug)]
pub(crate) enum Failure {
    /// Bad input from the user: exit 2.
    Input(String),
    /// Anything else: exit 1.
    Other(anyhow::Error),
    /// Stopped by a signal, already said: exit 128 + the signal.
    Interrupted(u8),
}

impl Failure {
    /// A library error in `lang`: bad input (exit 2) or a failure while
    /// working (exit 1), as [`baogong::Error::is_bad_input`] says.
    pub(crate) fn lib(e: impl Into<baogong::Error>, lang: Lang) -> Failure {
        let e = e.into();
        if e.is_bad_input() {
            Failure::Input(e.render(lang))
        } else {
            Failure::Other(anyhow::anyhow!(e.render(lang)))
        }
    }
}

impl From<anyhow::Error> for Failure {
    fn from(e: anyhow::Error) -> Self {
        Failure::Other(e)
    }
}

/// The language asked for by `--lang X` or `--lang=X` in `argv` (up to a
/// `--`), if it is one.
fn lang_in_argv(argv: &[OsString]) -> Option<Lang> {
    let mut it = argv.iter().skip(1).map(|a| a.to_string_lossy());
    while let Some(a) = it.next() {
        if a == "--" {
            return None;
        }
        if a == "--lang" {
            return it.next().and_then(|v| Lang::parse(&v));
        }
        if let Some(v) = a.strip_prefix("--lang=") {
            return Lang::parse(v);
        }
    }
    None
}

pub(crate) fn main() -> ExitCode {
    let argv: Vec<OsString> = std::env::args_os().collect();
    let lang = lang_in_argv(&argv).unwrap_or_else(Lang::from_env);
    let matches = match args::command(lang).try_get_matches_from(&argv) {
        Ok(m) => m,
        Err(e) => return clap_error(e, lang),
    };
    let cli = match args::Cli::from_arg_matches(&matches) {
        Ok(c) => c,
        Err(e) => return clap_error(e, lang),
    };
    let lang = cli.lang.map_or(lang, |l| l.lang());
    let result = match cli.command {
        args::Command::Run(a) => run::run(a, lang),
        args::Command::Validate(a) => validate::validate(a, lang),
        args::Command::Sweep(a) => sweep::sweep(a, lang),
        args::Command::Merge(a) => merge::merge(a, lang),
        args::Command::Scenarios => scenarios::list(lang),
        args::Command::Init(a) => init::init(a, lang),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(Failure::Interrupted(code)) => ExitCode::from(code),
        Err(Failure::Input(msg)) => {
            eprintln!("{}", t!(lang, ERROR_LINE, msg));
            ExitCode::from(2)
        }
        Err(Failure::Other(e)) => {
            if is_broken_pipe(&e) {
                return ExitCode::SUCCESS;
            }
            // As `{e:#}` would, each context before its cause, but with the
            // punctuation of the language.
            let msg = e
                .chain()
                .map(|c| c.to_string())
                .reduce(|context, cause| t!(lang, ERROR_CAUSE, context, cause))
                .unwrap_or_default();
            eprintln!("{}", t!(lang, ERROR_LINE, msg));
            ExitCode::from(1)
        }
    }
}

/// Prints a clap error (or the help or version it stands for) and gives
/// its exit code: 0 for help and version, 2 for bad arguments.
fn clap_error(e: clap::Error, lang: Lang) -> ExitCode {
    let code = e.exit_code();
    let helpish = matches!(e.kind(), ErrorKind::DisplayHelp | ErrorKind::DisplayVersion);
    if lang == Lang::En || helpish {
        let _ = e.print();
    } else {
        eprint!("{}", clap_error_zh(&e));
    }
    ExitCode::from(u8::try_from(code).unwrap_or(2))
}

/// A clap error in Chinese, from its context (clap's own formatter writes
/// English only).
fn clap_error_zh(e: &clap::Error) -> String {
    let lang = Lang::Zh;
    let s = |k: ContextKind| match e.get(k) {
        Some(ContextValue::String(s)) => s.clone(),
        Some(ContextValue::Strings(v)) => v.join(", "),
        Some(ContextValue::StyledStr(s)) => s.to_string(),
        Some(ContextValue::StyledStrs(v)) => v
            .iter()
            .map(|s| s.to_string())
            .collect::<Vec<_>>()
            .join(", "),
        Some(ContextValue::Number(n)) => n.to_string(),
        _ => String::new(),
    };
    let arg = s(ContextKind::InvalidArg);
    let value = s(ContextKind::InvalidValue);
    let mut out = match e.kind() {
        ErrorKind::UnknownArgument => t!(lang, CLAP_UNKNOWN_ARGUMENT, arg),
        ErrorKind::InvalidSubcommand => {
            t!(
                lang,
                CLAP_INVALID_SUBCOMMAND,
                command = s(ContextKind::InvalidSubcommand)
            )
        }
        ErrorKind::InvalidValue if value.is_empty() => t!(lang, CLAP_VALUE_REQUIRED, arg),
        ErrorKind::InvalidValue => {
            let mut m = t!(lang, CLAP_INVALID_VALUE, arg, value);
            let valid = s(ContextKind::ValidValue);
            if !valid.is_empty() {
                m.push('\n');
                m.push_str(&t!(lang, CLAP_POSSIBLE_VALUES, values = valid));
            }
            m
        }
        ErrorKind::ValueValidation => {
            let reason = std::error::Error::source(e).map_or(String::new(), |r| r.to_string());
            // The standard library's reasons, for the values clap parses.
            let reason = match reason.as_str() {
                "invalid digit found in string" => t!(lang, CLAP_NOT_A_NUMBER),
                "number too large to fit in target type" => t!(lang, CLAP_TOO_LARGE),
                "cannot parse integer from empty string" => t!(lang, CLAP_EMPTY),
                r if r.contains(" is not in ") => t!(lang, CLAP_OUT_OF_RANGE, detail = r),
                _ => reason,
            };
            t!(lang, CLAP_VALUE_VALIDATION, arg, value, reason)
        }
        ErrorKind::MissingRequiredArgument => {
            t!(
                lang,
                CLAP_MISSING_REQUIRED,
                args = s(ContextKind::InvalidArg)
            )
        }
        ErrorKind::MissingSubcommand | ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand => {
            t!(lang, CLAP_MISSING_COMMAND)
        }
        ErrorKind::ArgumentConflict => {
            let other = s(ContextKind::PriorArg);
            if other.is_empty() || other == arg {
                t!(lang, CLAP_MULTIPLE, arg)
            } else {
                t!(lang, CLAP_CONFLICT, arg, other)
            }
        }
        ErrorKind::TooManyValues => t!(lang, CLAP_TOO_MANY_VALUES, arg, value),
        _ => t!(lang, CLAP_OTHER, detail = e.kind()),
    };
    for k in [
        ContextKind::SuggestedSubcommand,
        ContextKind::SuggestedArg,
        ContextKind::SuggestedValue,
    ] {
        let v = s(k);
        if !v.is_empty() {
            out.push('\n');
            out.push_str(&t!(lang, CLAP_DID_YOU_MEAN, suggestion = v));
        }
    }
    let usage = s(ContextKind::Usage);
    let usage = usage.trim();
    let usage = usage.strip_prefix("Usage:").unwrap_or(usage).trim();
    let mut text = t!(lang, ERROR_LINE, msg = out);
    if !usage.is_empty() {
        text.push_str(&format!(
            "\n\n{}{usage}",
            baogong::i18n::msg::HELP_USAGE.get(lang)
        ));
    }
    text.push_str("\n\n");
    text.push_str(&t!(lang, CLAP_TRY_HELP, flag = "--help"));
    text.push('\n');
    text
}

fn is_broken_pipe(e: &anyhow::Error) -> bool {
    e.chain().any(|c| {
        c.downcast_ref::<io::Error>()
            .is_some_and(|io| io.kind() == io::ErrorKind::BrokenPipe)
    })
}

/// The text of the scenario `arg` and its name for messages: a file that
/// exists; else a built-in scenario of that name (`building_to_street`,
/// with or without `.toml`); no argument: the built-in default. An unknown
/// name gets a message that lists the built-in names.
pub(crate) fn source(
    arg: Option<&std::path::Path>,
    lang: Lang,
) -> Result<(String, String), Failure> {
    let Some(p) = arg else {
        return Ok((
            scenario::DEFAULT_SCENARIO.to_string(),
            t!(lang, BUILT_IN_SOURCE, name = "default"),
        ));
    };
    if p.is_file() {
        return scenario::read_file(p).map_err(|e| Failure::lib(e, lang));
    }
    let text = p.to_string_lossy();
    let bare = p.components().count() == 1;
    if bare && let Some(s) = shipped::find(&text) {
        return Ok((s.text.to_string(), t!(lang, BUILT_IN_SOURCE, name = s.name)));
    }
    if p.exists() {
        // A directory, say: let reading it say why it cannot be read.
        return scenario::read_file(p).map_err(|e| Failure::lib(e, lang));
    }
    let names: Vec<&str> = shipped::ALL.iter().map(|s| s.name).collect();
    Err(Failure::Input(t!(
        lang,
        NO_SUCH_SCENARIO,
        file = text,
        names = names.join(", ")
    )))
}

/// The `--set KEY=VALUE` arguments of `run`, `validate` and `sweep`
/// (`command`); every bad one is reported.
pub(crate) fn parse_sets(
    sets: &[String],
    command: overrides::Command,
    lang: Lang,
) -> Result<Vec<Override>, Failure> {
    parse_overrides(sets, &[], command, lang).map(|(sets, _)| sets)
}

/// A `--grid KEY=V1,V2,...` argument: the key and its values.
pub(crate) type Grid = (String, Vec<String>);

/// The `--set` and `--grid` arguments of `command`, in that order; every
/// bad one is reported in one message, a line each, so that one run names
/// them all, and the keys that can be set are listed once after them.
pub(crate) fn parse_overrides(
    sets: &[String],
    grids: &[String],
    command: overrides::Command,
    lang: Lang,
) -> Result<(Vec<Override>, Vec<Grid>), Failure> {
    fn keep<T>(r: Result<T, OverrideError>, errors: &mut Vec<OverrideError>) -> Option<T> {
        r.map_err(|e| errors.push(e)).ok()
    }
    let mut errors = Vec::new();
    let sets: Vec<Override> = sets
        .iter()
        .filter_map(|s| keep(overrides::parse_set_for(s, command), &mut errors))
        .collect();
    let grids: Vec<Grid> = grids
        .iter()
        .filter_map(|g| keep(overrides::parse_grid(g), &mut errors))
        .collect();
    if errors.is_empty() {
        return Ok((sets, grids));
    }
    let sep = format!("\n{}", t!(lang, ERROR_LINE, msg = ""));
    let lines: Vec<String> = errors.iter().map(|e| e.render(lang)).collect();
    let mut text = lines.join(&sep);
    if errors.iter().any(overrides::is_not_settable) {
        text.push('\n');
        text.push_str(&overrides::valid_keys().get(lang));
    }
    Err(Failure::Input(text))
}

/// Writes to stdout; a closed pipe ends quietly.
pub(crate) fn print(s: &str, lang: Lang) -> Result<(), Failure> {
    let mut out = io::stdout().lock();
    out.write_all(s.as_bytes())
        .and_then(|()| out.flush())
        .map_err(|e| Failure::Other(anyhow::Error::new(e).context(t!(lang, CANNOT_WRITE_STDOUT))))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lang_is_found_before_parsing() {
        let v = |a: &[&str]| a.iter().map(OsString::from).collect::<Vec<_>>();
        assert_eq!(
            lang_in_argv(&v(&["b", "run", "--lang", "zh"])),
            Some(Lang::Zh)
        );
        assert_eq!(lang_in_argv(&v(&["b", "--lang=en", "run"])), Some(Lang::En));
        assert_eq!(lang_in_argv(&v(&["b", "run", "--", "--lang", "zh"])), None);
        assert_eq!(lang_in_argv(&v(&["b", "run", "--lang", "fr"])), None);
    }
}
