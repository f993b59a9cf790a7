//! Command-line arguments (clap derive): raw values only.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};

/// baogong 保供: simulate and drill a city's emergency supply of daily
/// necessities when an epidemic forces closures.
#[derive(Debug, Parser)]
#[command(name = "baogong", version, about, long_about = None)]
pub(crate) struct Cli {
    #[command(subcommand)]
    pub(crate) command: Command,
}

#[derive(Debug, Subcommand)]
pub(crate) enum Command {
    /// Run one scenario (the built-in default if no file is given) and report what happened.
    Run(RunArgs),
    /// Check a scenario file and print the resolved scenario, without running it.
    Validate(ValidateArgs),
}

/// Output format of `run`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub(crate) enum Format {
    /// A readable report.
    Text,
    /// The report as JSON.
    Json,
}

#[derive(Debug, Args)]
pub(crate) struct RunArgs {
    /// Scenario file (TOML). Without it, the built-in default scenario runs.
    pub(crate) scenario: Option<PathBuf>,
    /// Master seed. By default, the scenario's `[scenario] seed`.
    #[arg(long)]
    pub(crate) seed: Option<u64>,
    /// Replication index: with the seed, it fixes every random draw.
    #[arg(long, default_value_t = 0)]
    pub(crate) replication: u64,
    /// Directory for report.txt, daily.csv, closures.csv and costs.csv.
    #[arg(long, value_name = "DIR")]
    pub(crate) out: Option<PathBuf>,
    /// Report format on standard output.
    #[arg(long, value_enum, default_value_t = Format::Text)]
    pub(crate) format: Format,
    /// Also write events.csv, every event processed (needs --out).
    #[arg(long, requires = "out")]
    pub(crate) trace: bool,
}

#[derive(Debug, Args)]
pub(crate) struct ValidateArgs {
    /// Scenario file (TOML).
    pub(crate) scenario: PathBuf,
}
