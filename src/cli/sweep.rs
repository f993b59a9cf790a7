//! `baogong sweep`: many replications of several settings, in parallel.
//!
//! With `--out DIR`, the folder is checked before any replication runs;
//! every replication's row goes to the journal in `DIR`'s staging folder
//! as it finishes ([`baogong::sweep::journal`]); at the end the files are
//! written from the journal and put in place together. Stopped by SIGINT or
//! SIGTERM, the sweep keeps its journal and prints the command that
//! continues it (`--resume`). Without `--out`, the journal lives in a
//! temporary folder that is removed at the end, however the sweep ends.

use std::io::IsTerminal;

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};

use super::args::SweepArgs;
use super::signals::{Stop, resume_command};
use super::{Failure, parse_overrides, print, source};
use baogong::i18n::Lang;
use baogong::report::outdir::{Found, Mode, OutDir};
use baogong::report::sweep_files::{self, FilesError};
use baogong::sweep::files::Manifest;
use baogong::sweep::journal::{self, Journal, JournalError, Resumed};
use baogong::sweep::{self, Request, Shard, slurm};
use baogong::t;

pub(crate) fn sweep(a: SweepArgs, lang: Lang) -> Result<(), Failure> {
    let stop = Stop::install();
    let (src, file) = source(a.scenario.as_deref(), lang)?;
    let (sets, grid) = parse_overrides(
        &a.sets,
        &a.grids,
        baogong::scenario::overrides::Command::Sweep,
        lang,
    )?;
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
    let plan = sweep::plan(&src, &file, &req).map_err(|e| Failure::lib(e, lang))?;
    let share = plan.share(shard);
    let manifest = Manifest::of(&plan, shard);
    // --threads, else what Slurm gave the task, else every core.
    let threads = match a.threads {
        Some(t) => t as usize,
        None => slurm::cpus_per_task(env)
            .map_err(slurm_error)?
            .unwrap_or_else(|| std::thread::available_parallelism().map_or(1, |n| n.get())),
    };
    // Every setting's estimate, with as many replications at once as threads.
    for s in &plan.settings {
        super::bounds::check(&s.scenario, None, a.max_memory.as_deref(), threads, lang)?;
    }
    if let (Some("auto"), Some(s)) = (a.shard.as_deref(), shard) {
        let id = env(slurm::TASK_ID).unwrap_or_default();
        eprintln!(
            "{}",
            t!(lang, SLURM_SHARD_TAKEN, k = s.k, n = s.n, id, threads)
        );
    }

    // The output folder, before any work.
    let mode = match (a.force, a.resume) {
        (true, _) => Mode::Force,
        (_, true) => Mode::Resume,
        _ => Mode::Fresh,
    };
    let out = match &a.out {
        Some(d) => OutDir::prepare(d, mode, true),
        None => {
            let tmp = std::env::temp_dir().join(format!("baogong-sweep-{}", std::process::id()));
            OutDir::prepare(&tmp, Mode::Force, false)
        }
    }
    .map_err(|e| Failure::lib(e, lang))?;
    let dir_shown = a
        .out
        .as_ref()
        .map_or(String::new(), |d| d.display().to_string());
    if mode == Mode::Resume && *out.found() == Found::Files {
        // A finished sweep: this one, or another.
        let found = journal::read_manifest(&out.dest().join("sweep.json"));
        out.discard();
        return match found {
            Ok(m) if journal::differences(&m, &manifest).is_empty() => {
                eprintln!("{}", t!(lang, ALREADY_COMPLETE, dir = dir_shown));
                Ok(())
            }
            Ok(m) => Err(Failure::Input(t!(
                lang,
                RESUME_OTHER_SWEEP,
                dir = dir_shown,
                fields = journal::differences(&m, &manifest).join(", ")
            ))),
            Err(e) => Err(Failure::Input(t!(
                lang,
                RESUME_NOT_A_SWEEP,
                dir = dir_shown,
                e
            ))),
        };
    }
    let journal_failure = |e: JournalError| match e {
        JournalError::OtherSweep(fields) => {
            Failure::Input(t!(lang, RESUME_OTHER_SWEEP, dir = dir_shown, fields))
        }
        JournalError::NotAManifest { .. } => {
            Failure::Input(t!(lang, RESUME_NOT_A_SWEEP, dir = dir_shown, e))
        }
        e => Failure::Other(anyhow::Error::new(e)),
    };
    let staging = out.staging().to_path_buf();
    let (mut journal, resumed) = if *out.found() == Found::Journal {
        // On refusal the journal stays as it was, for its own sweep.
        Journal::resume(&staging, &manifest, &share).map_err(journal_failure)?
    } else {
        (
            Journal::create(&staging, &manifest).map_err(journal_failure)?,
            Resumed::default(),
        )
    };
    if resumed.done() > 0 {
        eprintln!(
            "{}",
            t!(lang, RESUMING, done = resumed.done(), all = share.len())
        );
    }

    let bar = if std::io::stderr().is_terminal() {
        let b = ProgressBar::with_draw_target(Some(share.len()), ProgressDrawTarget::stderr());
        b.set_style(
            ProgressStyle::with_template(baogong::i18n::msg::PROGRESS_SWEEP.get(lang))
                .unwrap_or_else(|_| ProgressStyle::default_bar())
                .progress_chars("=> "),
        );
        b.set_position(resumed.done());
        b.reset_eta();
        b
    } else {
        ProgressBar::hidden()
    };
    let ran = plan.run_journaled(share, &mut journal, resumed, threads, stop.flag(), &|| {
        bar.inc(1)
    });
    bar.finish_and_clear();
    drop(journal);
    let keep = a.out.is_some();
    let interrupted = |out: OutDir, done: u64| {
        if keep {
            eprintln!(
                "{}",
                t!(
                    lang,
                    INTERRUPTED_SWEEP,
                    done,
                    all = share.len(),
                    staging = out.staging().display()
                )
            );
            eprintln!("{}", t!(lang, RESUME_WITH, command = resume_command()));
            out.keep_journal();
        } else {
            eprintln!("{}", t!(lang, INTERRUPTED_NO_OUT, done, all = share.len()));
            out.discard();
        }
        Failure::Interrupted(stop.code())
    };
    let progress = match ran {
        Ok(p) => p,
        Err(e) => {
            if keep {
                out.keep_journal();
            } else {
                out.discard();
            }
            return Err(Failure::Other(anyhow::Error::new(e)));
        }
    };
    if !progress.complete() {
        return Err(interrupted(out, progress.done));
    }

    // Every row is in the journal: the files, from it.
    let finished = out
        .clear_out()
        .map_err(|e| Failure::lib(e, lang))
        .and_then(|()| {
            let rows = journal::ordered(&staging, share, manifest.columns.len())
                .map_err(|e| Failure::Other(anyhow::Error::new(e)))?;
            sweep_files::finish(
                &out.out(),
                &staging.join("columns"),
                &manifest,
                rows,
                share.len(),
                shard.is_none(),
                lang,
                stop.flag(),
            )
            .map_err(|e| match e {
                FilesError::Stopped => Failure::Interrupted(0),
                e => Failure::Other(anyhow::Error::new(e).context(t!(lang, CANNOT_RENDER_SWEEP))),
            })
        });
    let finished = match finished {
        Ok(f) if !stop.asked() => f,
        Ok(_) | Err(Failure::Interrupted(_)) => return Err(interrupted(out, progress.done)),
        Err(e) => {
            if keep {
                out.keep_journal();
            } else {
                out.discard();
            }
            return Err(e);
        }
    };
    if keep {
        out.publish().map_err(|e| Failure::lib(e, lang))?;
    } else {
        out.discard();
    }

    let text = match shard {
        Some(s) => {
            let mut text = t!(
                lang,
                SHARD_DONE,
                k = s.k,
                n = s.n,
                scenario = plan.name,
                done = finished.rows,
                all = share.total(),
                dir = dir_shown
            );
            text.push('\n');
            text.push_str(&t!(lang, SHARD_MERGE_HINT, n = s.n));
            text.push('\n');
            text
        }
        None => {
            let mut text = finished
                .summary
                .as_ref()
                .map(|s| sweep_files::text(s, lang))
                .unwrap_or_default();
            if a.out.is_some() {
                text.push_str(&t!(lang, SWEEP_FILES_IN, dir = dir_shown));
                text.push('\n');
            }
            text
        }
    };
    print(&text, lang)?;
    if finished.breaches > 0 {
        return Err(Failure::Other(anyhow::anyhow!(t!(
            lang,
            INVARIANTS_BROKEN,
            n = finished.breaches
        ))));
    }
    Ok(())
}
