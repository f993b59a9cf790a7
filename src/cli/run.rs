//! `baogong run`: one scenario, one seeded replication, a report.
//!
//! With `--out DIR`, the folder is checked before the run (one that holds
//! files is refused without `--force`), the files are written into its
//! staging folder (`events.csv` as the run goes) and put in place together
//! at the end. Stopped by SIGINT or SIGTERM, the run writes nothing and
//! leaves nothing behind.

use std::io::IsTerminal;
use std::ops::ControlFlow;
use std::time::{Duration, Instant};

use anyhow::Context;
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};

use super::args::{Format, RunArgs};
use super::signals::Stop;
use super::{Failure, parse_sets, print, source};
use baogong::engine::DAY;
use baogong::experiment::{Stopped, run_replication_bounded};
use baogong::i18n::Lang;
use baogong::report::outdir::{Mode, OutDir};
use baogong::report::{self, TextOptions, TraceCsv};
use baogong::scenario;
use baogong::t;

pub(crate) fn run(a: RunArgs, lang: Lang) -> Result<(), Failure> {
    let stop = Stop::install();
    let (src, file) = source(a.scenario.as_deref(), lang)?;
    // The file as written is checked first, so that its own errors name their lines.
    let loaded = scenario::load_checked(&src, &file).map_err(|e| Failure::lib(e, lang))?;
    let sets = parse_sets(&a.sets, baogong::scenario::overrides::Command::Run, lang)?;
    let (sc, warnings) = if sets.is_empty() {
        (loaded.scenario, loaded.warnings)
    } else {
        scenario::load_with_warnings(&src, &file, &sets, &loaded.warnings)
            .map_err(|e| Failure::lib(e, lang))?
    };
    let seed = a.seed.unwrap_or(sc.seed);
    let budget = super::bounds::check(&sc, a.max_events, a.max_memory.as_deref(), 1, lang)?;
    // The output folder, before any work.
    let mode = if a.force { Mode::Force } else { Mode::Fresh };
    let out = a
        .out
        .as_deref()
        .map(|d| OutDir::prepare(d, mode, false))
        .transpose()
        .map_err(|e| Failure::lib(e, lang))?;
    for w in &warnings {
        eprintln!("{}", t!(lang, SCENARIO_WARNING, warning = w.render(lang)));
    }
    for w in sc.warnings() {
        eprintln!("{}", report::warning(lang, &w));
    }

    // A progress bar on a terminal, shown only once the run has taken a
    // second, so that short runs print nothing extra.
    let bar = ProgressBar::with_draw_target(Some(u64::from(sc.days)), ProgressDrawTarget::hidden());
    let on_terminal = std::io::stderr().is_terminal();
    let started = Instant::now();
    let mut shown = false;
    if on_terminal {
        let template = baogong::i18n::msg::PROGRESS_RUN.get(lang);
        if let Ok(style) = ProgressStyle::with_template(template) {
            bar.set_style(style.progress_chars("=> "));
        }
    }
    let mut observe = |now: baogong::engine::SimTime| {
        bar.set_position(now.0 / DAY);
        if on_terminal && !shown && started.elapsed() > Duration::from_secs(1) {
            shown = true;
            bar.set_draw_target(ProgressDrawTarget::stderr());
        }
        if stop.asked() {
            ControlFlow::Break(())
        } else {
            ControlFlow::Continue(())
        }
    };
    let mut trace = match (&out, a.trace) {
        (Some(o), true) => Some(
            TraceCsv::create(&o.out().join("events.csv"))
                .with_context(|| t!(lang, CANNOT_RENDER_CSV))?,
        ),
        _ => None,
    };
    let r = run_replication_bounded(
        &sc,
        seed,
        a.replication,
        trace
            .as_mut()
            .map(|t| t as &mut dyn baogong::model::metrics::TraceSink),
        &mut observe,
        budget,
    );
    bar.finish_and_clear();
    let interrupted = |out: Option<OutDir>| {
        match (out, &a.out) {
            (Some(o), Some(d)) => {
                o.discard();
                eprintln!("{}", t!(lang, INTERRUPTED_RUN, dir = d.display()));
            }
            _ => eprintln!("{}", t!(lang, INTERRUPTED)),
        }
        Failure::Interrupted(stop.code())
    };
    let r = match r {
        Ok(r) => r,
        Err(Stopped::Asked) => {
            drop(trace);
            return Err(interrupted(out));
        }
        Err(Stopped::Budget { events, at }) => {
            drop(trace);
            if let Some(o) = out {
                o.discard();
            }
            let s = at.second_of_day();
            return Err(Failure::Input(t!(
                lang,
                RUN_EVENT_BUDGET,
                events,
                day = at.day_index() + 1,
                time = format!("{:02}:{:02}", s / 3600, s / 60 % 60)
            )));
        }
    };

    let opts = TextOptions {
        all_closures: a.all,
    };
    if let Some(o) = out {
        let written = (|| -> anyhow::Result<()> {
            if let Some(t) = trace.take() {
                t.finish().with_context(|| t!(lang, CANNOT_RENDER_CSV))?;
            }
            let files = report::run_files_in(&sc, &r, false, lang, opts)
                .with_context(|| t!(lang, CANNOT_RENDER_CSV))?;
            o.write(&files)
                .map_err(|e| anyhow::anyhow!(e.render(lang)))?;
            Ok(())
        })();
        if let Err(e) = written {
            o.discard();
            let dir = a
                .out
                .as_ref()
                .map_or(String::new(), |d| d.display().to_string());
            return Err(Failure::Other(e.context(t!(
                lang,
                CANNOT_WRITE_RESULTS,
                dir
            ))));
        }
        if stop.asked() {
            return Err(interrupted(Some(o)));
        }
        o.publish().map_err(|e| Failure::lib(e, lang))?;
    }
    match a.format {
        Format::Text => print(&report::text_with(&sc, &r, lang, opts), lang),
        Format::Json => print(&report::json(&r), lang),
    }
}
