//! `baogong merge`: shards of a sweep back into one sweep's files.
//!
//! The shards are checked first (every manifest), `--out` next (it may not
//! be one of the shards, hold one or lie inside one, and a folder holding
//! files is refused without `--force`); the rows are then streamed, each
//! checked, into the files of the staging folder, which are put in place
//! together only when all are written.

use super::args::MergeArgs;
use super::signals::Stop;
use super::{Failure, print};
use baogong::i18n::Lang;
use baogong::report::outdir::{self, Mode, OutDir};
use baogong::report::sweep_files::{self, FilesError};
use baogong::sweep::files;
use baogong::t;

pub(crate) fn merge(a: MergeArgs, lang: Lang) -> Result<(), Failure> {
    let stop = Stop::install();
    let rows = files::merge(&a.shards).map_err(|e| Failure::lib(e, lang))?;
    outdir::check_not_input(&a.out, &a.shards).map_err(|e| Failure::lib(e, lang))?;
    let mode = if a.force { Mode::Force } else { Mode::Fresh };
    let out = OutDir::prepare(&a.out, mode, false).map_err(|e| Failure::lib(e, lang))?;
    let manifest = rows.manifest().clone();
    let total = rows.total();
    let scratch = out.staging().join("columns");
    let finished = sweep_files::finish(
        &out.out(),
        &scratch,
        &manifest,
        rows,
        total,
        true,
        lang,
        stop.flag(),
    );
    let finished = match finished {
        Ok(f) if !stop.asked() => f,
        Ok(_) | Err(FilesError::Stopped) => {
            out.discard();
            eprintln!("{}", t!(lang, INTERRUPTED_RUN, dir = a.out.display()));
            return Err(Failure::Interrupted(stop.code()));
        }
        Err(FilesError::Merge(e)) => {
            out.discard();
            return Err(Failure::lib(e, lang));
        }
        Err(e) => {
            out.discard();
            return Err(Failure::Other(
                anyhow::Error::new(e).context(t!(lang, CANNOT_RENDER_SWEEP)),
            ));
        }
    };
    out.publish().map_err(|e| Failure::lib(e, lang))?;
    let mut text = finished
        .summary
        .as_ref()
        .map(|s| sweep_files::text(s, lang))
        .unwrap_or_default();
    text.push_str(&t!(lang, MERGED, n = a.shards.len(), dir = a.out.display()));
    text.push('\n');
    print(&text, lang)
}
