//! `baogong sweep`: many replications of several settings, in parallel.

use std::io::IsTerminal;

use anyhow::Context;
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};

use super::args::SweepArgs;
use super::{Failure, parse_sets, print, source};
use baogong::i18n::Lang;
use baogong::report;
use baogong::sweep::files::{self, Manifest};
use baogong::sweep::{self, Request, Shard, overrides, slurm};
use baogong::t;

pub(crate) fn sweep(a: SweepArgs, lang: Lang) -> Result<(), Failure> {
    let (src, file) = source(a.scenario.as_deref(), lang)?;
    let sets = parse_sets(&a.sets, lang)?;
    let grid = a
        .grids
        .iter()
        .map(|g| overrides::parse_grid(g))
        .collect::<Result<Vec<_>, _>>()
        .map_err(|e| Failure::overrides(&e, lang))?;
    let env = |name: &str| std::env::var(name).ok();
    let slurm_error = |e: slurm::SlurmError| Failure::Input(e.text().get(lang).to_string());
    let shard = match a.shard.as_deref() {
        None => None,
        Some("auto") => Some(slurm::array_shard(env).map_err(slurm_error)?),
        Some(s) => Some(Shard::parse(s).map_err(|e| Failure::Input(e.get(lang).to_string()))?),
    };
    let req = Request {
        sets,
        grid,
        replications: a.replications,
        seed: a.seed,
        baseline: a.baseline.clone(),
    };
    let plan = sweep::plan(&src, &file, &req).map_err(|e| Failure::Input(e.render(lang)))?;
    let pairs = plan.pairs(shard);
    // --threads, else what Slurm gave the task, else every core.
    let threads = match a.threads {
        Some(t) => t as usize,
        None => slurm::cpus_per_task(env)
            .map_err(slurm_error)?
            .unwrap_or_else(|| std::thread::available_parallelism().map_or(1, |n| n.get())),
    };
    if let (Some("auto"), Some(s)) = (a.shard.as_deref(), shard) {
        let id = env(slurm::TASK_ID).unwrap_or_default();
        eprintln!(
            "{}",
            t!(lang, SLURM_SHARD_TAKEN, k = s.k, n = s.n, id, threads)
        );
    }
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(threads)
        .build()
        .with_context(|| t!(lang, CANNOT_START_THREADS))?;

    let bar = if std::io::stderr().is_terminal() {
        let b =
            ProgressBar::with_draw_target(Some(pairs.len() as u64), ProgressDrawTarget::stderr());
        b.set_style(
            ProgressStyle::with_template(baogong::i18n::msg::PROGRESS_SWEEP.get(lang))
                .unwrap_or_else(|_| ProgressStyle::default_bar())
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
        let out = files::render(&manifest, &rows, summary.as_ref(), lang)
            .with_context(|| t!(lang, CANNOT_RENDER_SWEEP))?;
        report::write_all_or_nothing(dir, &out, lang)
            .with_context(|| t!(lang, CANNOT_WRITE_RESULTS, dir = dir.display()))?;
    }
    let text = match shard {
        Some(s) => {
            let mut text = t!(
                lang,
                SHARD_DONE,
                k = s.k,
                n = s.n,
                scenario = plan.name,
                done = rows.len(),
                all = plan.settings.len() as u64 * plan.replications,
                dir = a
                    .out
                    .as_ref()
                    .map_or(String::new(), |d| d.display().to_string())
            );
            text.push('\n');
            text.push_str(&t!(lang, SHARD_MERGE_HINT, n = s.n));
            text.push('\n');
            text
        }
        None => {
            let mut text = summary
                .as_ref()
                .map(|s| files::text(s, lang))
                .unwrap_or_default();
            if let Some(dir) = &a.out {
                text.push_str(&t!(lang, SWEEP_FILES_IN, dir = dir.display()));
                text.push('\n');
            }
            text
        }
    };
    print(&text, lang)?;
    if breaches > 0 {
        return Err(Failure::Other(anyhow::anyhow!(t!(
            lang,
            INVARIANTS_BROKEN,
            n = breaches
        ))));
    }
    Ok(())
}
