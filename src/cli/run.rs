//! `baogong run`: one scenario, one seeded replication, a report.

use anyhow::Context;

use super::args::{Format, RunArgs};
use super::{Failure, load, print};
use baogong::experiment::{RunOptions, run_replication};
use baogong::report;

pub(crate) fn run(a: RunArgs) -> Result<(), Failure> {
    let sc = load(a.scenario.as_deref())?;
    let seed = a.seed.unwrap_or(sc.seed);
    let r = run_replication(&sc, seed, a.replication, RunOptions { trace: a.trace });
    if let Some(dir) = &a.out {
        let files = report::run_files(&sc, &r, a.trace).context("cannot render the CSV files")?;
        report::write_all_or_nothing(dir, &files)
            .with_context(|| format!("cannot write the results to {}", dir.display()))?;
    }
    match a.format {
        Format::Text => print(&report::text(&sc, &r)),
        Format::Json => print(&report::json(&r)),
    }
}
