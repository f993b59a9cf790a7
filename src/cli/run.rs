//! `baogong run`: one scenario, one seeded replication, a report.

use std::io::IsTerminal;
use std::time::{Duration, Instant};

use anyhow::Context;
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};

use super::args::{Format, RunArgs};
use super::{Failure, parse_sets, print, source};
use baogong::engine::DAY;
use baogong::experiment::{RunOptions, run_replication_observed};
use baogong::i18n::Lang;
use baogong::report::{self, TextOptions};
use baogong::{sweep, t};

pub(crate) fn run(a: RunArgs, lang: Lang) -> Result<(), Failure> {
    let (src, file) = source(a.scenario.as_deref(), lang)?;
    // The file as written is checked first, so that its own errors name their lines.
    let base = baogong::scenario::load_str(&src, &file).map_err(|e| Failure::scenario(&e, lang))?;
    let sets = parse_sets(&a.sets, lang)?;
    let sc = if sets.is_empty() {
        base
    } else {
        sweep::load_with(&src, &file, &sets).map_err(|e| Failure::scenario(&e, lang))?
    };
    let seed = a.seed.unwrap_or(sc.seed);
    for w in sc.warnings() {
        eprintln!("{}", report::warning(lang, &w));
    }

    // A progress bar on a terminal, shown only once the run has taken a
    // second, so that short runs print nothing extra.
    let bar = ProgressBar::with_draw_target(Some(u64::from(sc.days)), ProgressDrawTarget::hidden());
    let on_terminal = std::io::stderr().is_terminal();
    let started = Instant::now();
    let shown = std::cell::Cell::new(false);
    if on_terminal {
        let template = baogong::i18n::msg::PROGRESS_RUN.get(lang);
        if let Ok(style) = ProgressStyle::with_template(template) {
            bar.set_style(style.progress_chars("=> "));
        }
    }
    let observe = |now: baogong::engine::SimTime| {
        bar.set_position(now.0 / DAY);
        if on_terminal && !shown.get() && started.elapsed() > Duration::from_secs(1) {
            shown.set(true);
            bar.set_draw_target(ProgressDrawTarget::stderr());
        }
    };
    let r = run_replication_observed(
        &sc,
        seed,
        a.replication,
        RunOptions { trace: a.trace },
        &observe,
    );
    bar.finish_and_clear();

    let opts = TextOptions {
        all_closures: a.all,
    };
    if let Some(dir) = &a.out {
        let files = report::run_files_in(&sc, &r, a.trace, lang, opts)
            .with_context(|| t!(lang, CANNOT_RENDER_CSV))?;
        report::write_all_or_nothing(dir, &files, lang)
            .with_context(|| t!(lang, CANNOT_WRITE_RESULTS, dir = dir.display()))?;
    }
    match a.format {
        Format::Text => print(&report::text_with(&sc, &r, lang, opts), lang),
        Format::Json => print(&report::json(&r), lang),
    }
}
