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
    /// Run many seeded replications of several plan settings in parallel and compare them.
    Sweep(SweepArgs),
    /// Combine the outputs of `sweep --shard K/N` into the files one whole sweep writes.
    Merge(MergeArgs),
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
    /// Change one setting, KEY=VALUE (plan.point_riders=12); repeat for more.
    #[arg(long = "set", value_name = "KEY=VALUE")]
    pub(crate) sets: Vec<String>,
}

#[derive(Debug, Args)]
pub(crate) struct SweepArgs {
    /// Scenario file (TOML), possibly with a [sweep] table. Without it, the built-in default.
    pub(crate) scenario: Option<PathBuf>,
    /// Replications per setting. By default, [sweep] replications, or 100.
    #[arg(long, value_parser = clap::value_parser!(u64).range(1..))]
    pub(crate) replications: Option<u64>,
    /// Sweep a setting over values, KEY=V1,V2,... (plan.green_channel=true,false); repeat for a
    /// cross product.
    #[arg(long = "grid", value_name = "KEY=V1,V2,...")]
    pub(crate) grids: Vec<String>,
    /// Change one setting in every swept setting, KEY=VALUE; repeat for more.
    #[arg(long = "set", value_name = "KEY=VALUE")]
    pub(crate) sets: Vec<String>,
    /// Master seed, common to every setting. By default, the scenario's.
    #[arg(long)]
    pub(crate) seed: Option<u64>,
    /// Label of the setting the others are compared with (or the start of labels). By default,
    /// the [sweep] table's baseline, or the first setting.
    #[arg(long, value_name = "LABEL")]
    pub(crate) baseline: Option<String>,
    /// Worker threads. By default, all cores.
    #[arg(long, value_parser = clap::value_parser!(u32).range(1..))]
    pub(crate) threads: Option<u32>,
    /// Directory for sweep.json, replications.csv, summary.csv and summary.svg.
    #[arg(long, value_name = "DIR")]
    pub(crate) out: Option<PathBuf>,
    /// Run only shard K of N (K = 1..N) of the (setting, replication) pairs; merge the shard
    /// directories with `baogong merge`.
    #[arg(long, value_name = "K/N", requires = "out")]
    pub(crate) shard: Option<String>,
}

#[derive(Debug, Args)]
pub(crate) struct MergeArgs {
    /// Output directories of `sweep --shard K/N`, one per shard.
    #[arg(required = true, value_name = "SHARD_DIR")]
    pub(crate) shards: Vec<PathBuf>,
    /// Directory for the merged files.
    #[arg(long, value_name = "DIR")]
    pub(crate) out: PathBuf,
}

#[derive(Debug, Args)]
pub(crate) struct ValidateArgs {
    /// Scenario file (TOML).
    pub(crate) scenario: PathBuf,
}
