//! `baogong sweep`: many replications of several settings, in parallel.

use std::io::IsTerminal;

use anyhow::Context;
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};

use super::args::SweepArgs;
use super::{Failure, parse_sets, print, source};
use baogong::i18n::Lang;
use baogong::report;
use baogong::sweep::files::{self, Manifest};
use baogong::sweep::{self, Request, Shard, SweepError, overrides};

impl From<SweepError> for Failure {
    fn from(e: SweepError) -> Self {
        Failure::Input(e.to_string())
    }
}

pub(crate) fn sweep(a: SweepArgs) -> Result<(), Failure> {
    let (src, file) = source(a.scenario.as_deref())?;
    let sets = parse_sets(&a.sets)?;
    let grid = a
        .grids
        .iter()
        .map(|g| overrides::parse_grid(g))
        .collect::<Result<Vec<_>, _>>()?;
    let shard = a
        .shard
        .as_deref()
        .map(Shard::parse)
        .transpose()
        .map_err(Failure::Input)?;
    let req = Request {
        sets,
        grid,
        replications: a.replications,
        seed: a.seed,
        baseline: a.baseline.clone(),
    };
    let plan = sweep::plan(&src, &file, &req)?;
    let pairs = plan.pairs(shard);
    let threads = a.threads.map_or_else(
        || std::thread::available_parallelism().map_or(1, |n| n.get()),
        |t| t as usize,
    );
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(threads)
        .build()
        .context("cannot start the worker threads")?;

    let bar = if std::io::stderr().is_terminal() {
        let b =
            ProgressBar::with_draw_target(Some(pairs.len() as u64), ProgressDrawTarget::stderr());
        b.set_style(
            ProgressStyle::with_template(
                "{elapsed_precise} [{bar:40}] {pos}/{len} replications, {per_sec}, {eta} left",
            )
            .expect("the progress template is valid")
            .progress_chars("=> "),
        );
        b
    } else {
        ProgressBar::hidden()
    };
    let rows = pool.install(|| plan.run(&pairs, &|| bar.inc(1)));
    bar.finish_and_clear();

    let breaches: usize = rows
        .iter()
        .filter(|r| r.values.last().copied().flatten().is_some_and(|b| b > 0.0))
        .count();
    let manifest = Manifest::of(&plan, shard);
    // A shard has no summary: it is made once the shards are merged.
    let summary = shard.is_none().then(|| files::summarize(&manifest, &rows));
    if let Some(dir) = &a.out {
        let out = files::render(&manifest, &rows, summary.as_ref(), Lang::En)
            .context("cannot render the sweep's files")?;
        report::write_all_or_nothing(dir, &out)
            .with_context(|| format!("cannot write the results to {}", dir.display()))?;
    }
    let text = match shard {
        Some(s) => format!(
            "shard {}/{} of `{}`: {} of {} replications, written to {}\nmerge all {} shard directories with `baogong merge SHARD_DIR... --out DIR`\n",
            s.k,
            s.n,
            plan.name,
            rows.len(),
            plan.settings.len() as u64 * plan.replications,
            a.out
                .as_ref()
                .map_or(String::new(), |d| d.display().to_string()),
            s.n
        ),
        None => {
            let mut t = summary.as_ref().map(files::text).unwrap_or_default();
            if let Some(dir) = &a.out {
                t.push_str(&format!(
                    "files: sweep.json, replications.csv, summary.csv, summary.svg, summary.xlsx in {}\n",
                    dir.display()
                ));
            }
            t
        }
    };
    print(&text)?;
    if breaches > 0 {
        return Err(Failure::Other(anyhow::anyhow!(
            "{breaches} replication(s) broke the model's own invariants (see the invariant_breaches column); this is a bug in baogong, please report it with the scenario"
        )));
    }
    Ok(())
}
