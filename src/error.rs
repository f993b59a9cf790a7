//! The crate's umbrella error: each module's own error as one type, for
//! code that calls several of them (a tool built on the library). Each
//! variant is bad input or a failure of the module it names; the command
//! line keeps the modules' errors apart to choose its exit code.

use crate::report::outdir::OutDirError;
use crate::scenario::ScenarioError;
use crate::scenario::overrides::OverrideError;
use crate::sweep::SweepError;
use crate::sweep::files::MergeError;
use crate::sweep::journal::JournalError;

/// An error of any module of the library.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// A scenario file that cannot be read or is not valid (bad input).
    #[error(transparent)]
    Scenario(#[from] ScenarioError),
    /// A `--set` or `--grid` argument (bad input).
    #[error(transparent)]
    Override(#[from] OverrideError),
    /// A sweep that cannot be set up (bad input).
    #[error(transparent)]
    Sweep(#[from] SweepError),
    /// Shard folders that cannot be merged (bad input).
    #[error(transparent)]
    Merge(#[from] MergeError),
    /// A sweep's journal that cannot be written or resumed.
    #[error(transparent)]
    Journal(#[from] JournalError),
    /// An output folder refused or not written.
    #[error(transparent)]
    OutDir(#[from] OutDirError),
}

impl Error {
    /// Whether it is bad input (a scenario, an argument, shard folders or
    /// an output folder refused as it stands), which the command line
    /// answers with exit code 2, rather than a failure while working.
    pub fn is_bad_input(&self) -> bool {
        match self {
            Error::Scenario(_) | Error::Override(_) | Error::Sweep(_) | Error::Merge(_) => true,
            Error::OutDir(e) => matches!(e, OutDirError::Refused(_)),
            Error::Journal(_) => false,
        }
    }

    /// The error in `lang`, as the command line shows it.
    pub fn render(&self, lang: crate::i18n::Lang) -> String {
        match self {
            Error::Scenario(e) => e.render_report(lang),
            Error::Override(e) => e.render(lang),
            Error::Sweep(e) => e.render(lang),
            Error::Merge(e) => e.render(lang),
            Error::Journal(e) => e.to_string(),
            Error::OutDir(e) => e.render(lang),
        }
    }
}

/// A result whose error is the crate's [`Error`].
pub type Result<T> = std::result::Result<T, Error>;
