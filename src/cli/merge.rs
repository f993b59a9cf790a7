//! `baogong merge`: shards of a sweep back into one sweep's files.

use anyhow::Context;

use super::args::MergeArgs;
use super::{Failure, print};
use baogong::i18n::Lang;
use baogong::report;
use baogong::sweep::files;

pub(crate) fn merge(a: MergeArgs) -> Result<(), Failure> {
    let (manifest, rows) = files::merge(&a.shards).map_err(|e| Failure::Input(e.to_string()))?;
    let summary = files::summarize(&manifest, &rows);
    let out = files::render(&manifest, &rows, Some(&summary), Lang::En)
        .context("cannot render the sweep's files")?;
    report::write_all_or_nothing(&a.out, &out)
        .with_context(|| format!("cannot write the results to {}", a.out.display()))?;
    let mut text = files::text(&summary);
    text.push_str(&format!(
        "merged {} shards; files: sweep.json, replications.csv, summary.csv, summary.svg, summary.xlsx in {}\n",
        a.shards.len(),
        a.out.display()
    ));
    print(&text)
}
