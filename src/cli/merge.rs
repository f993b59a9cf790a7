//! `baogong merge`: shards of a sweep back into one sweep's files.

use anyhow::Context;

use super::args::MergeArgs;
use super::{Failure, print};
use baogong::i18n::Lang;
use baogong::report;
use baogong::sweep::files;
use baogong::t;

pub(crate) fn merge(a: MergeArgs, lang: Lang) -> Result<(), Failure> {
    let (manifest, rows) = files::merge(&a.shards).map_err(|e| Failure::Input(e.render(lang)))?;
    let summary = files::summarize(&manifest, &rows);
    let out = files::render(&manifest, &rows, Some(&summary), lang)
        .with_context(|| t!(lang, CANNOT_RENDER_SWEEP))?;
    report::write_all_or_nothing(&a.out, &out, lang)
        .with_context(|| t!(lang, CANNOT_WRITE_RESULTS, dir = a.out.display()))?;
    let mut text = files::text(&summary, lang);
    text.push_str(&t!(lang, MERGED, n = a.shards.len(), dir = a.out.display()));
    text.push('\n');
    print(&text, lang)
}
