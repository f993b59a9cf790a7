//! `baogong run`: one scenario, one seeded replication, a report.

use anyhow::Context;

use super::args::{Format, RunArgs};
use super::{Failure, parse_sets, print, source};
use baogong::experiment::{RunOptions, run_replication};
use baogong::report;
use baogong::sweep;

pub(crate) fn run(a: RunArgs) -> Result<(), Failure> {
    let (src, file) = source(a.scenario.as_deref())?;
    // The file as written is checked first, so that its own errors name their lines.
    let base = baogong::scenario::load_str(&src, &file)?;
    let sets = parse_sets(&a.sets)?;
    let sc = if sets.is_empty() {
        base
    } else {
        sweep::load_with(&src, &file, &sets)?
    };
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
