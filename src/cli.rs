//! Subcommand dispatch and the exit-code policy.

mod args;
mod merge;
mod run;
mod sweep;
mod validate;

use std::io::{self, Write};
use std::process::ExitCode;

use clap::Parser;

use baogong::scenario::{self, ScenarioError};
use baogong::sweep::overrides::{self, Override, OverrideError};

/// An error with the exit code it deserves.
#[derive(Debug)]
pub(crate) enum Failure {
    /// Bad input from the user: exit 2.
    Input(String),
    /// Anything else: exit 1.
    Other(anyhow::Error),
}

impl From<ScenarioError> for Failure {
    fn from(e: ScenarioError) -> Self {
        Failure::Input(e.to_string())
    }
}

impl From<OverrideError> for Failure {
    fn from(e: OverrideError) -> Self {
        Failure::Input(e.to_string())
    }
}

impl From<anyhow::Error> for Failure {
    fn from(e: anyhow::Error) -> Self {
        Failure::Other(e)
    }
}

pub(crate) fn main() -> ExitCode {
    let cli = args::Cli::parse();
    let result = match cli.command {
        args::Command::Run(a) => run::run(a),
        args::Command::Validate(a) => validate::validate(a),
        args::Command::Sweep(a) => sweep::sweep(a),
        args::Command::Merge(a) => merge::merge(a),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(Failure::Input(msg)) => {
            eprintln!("error: {msg}");
            ExitCode::from(2)
        }
        Err(Failure::Other(e)) => {
            if is_broken_pipe(&e) {
                return ExitCode::SUCCESS;
            }
            eprintln!("error: {e:#}");
            ExitCode::from(1)
        }
    }
}

fn is_broken_pipe(e: &anyhow::Error) -> bool {
    e.chain().any(|c| {
        c.downcast_ref::<io::Error>()
            .is_some_and(|io| io.kind() == io::ErrorKind::BrokenPipe)
    })
}

/// The text of the scenario at `path` (or the built-in default) and its
/// name for messages.
pub(crate) fn source(path: Option<&std::path::Path>) -> Result<(String, String), Failure> {
    Ok(match path {
        Some(p) => scenario::read_file(p)?,
        None => (
            scenario::DEFAULT_SCENARIO.to_string(),
            scenario::DEFAULT_SOURCE.to_string(),
        ),
    })
}

/// The `--set KEY=VALUE` arguments of `run` and `sweep`.
pub(crate) fn parse_sets(sets: &[String]) -> Result<Vec<Override>, Failure> {
    Ok(sets
        .iter()
        .map(|s| overrides::parse_set(s))
        .collect::<Result<_, _>>()?)
}

/// Writes to stdout; a closed pipe ends quietly.
pub(crate) fn print(s: &str) -> Result<(), Failure> {
    let mut out = io::stdout().lock();
    out.write_all(s.as_bytes())
        .and_then(|()| out.flush())
        .map_err(|e| {
            Failure::Other(anyhow::Error::new(e).context("cannot write to standard output"))
        })
}
