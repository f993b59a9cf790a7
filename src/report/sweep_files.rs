//! Writing the files of a sweep or shard (`sweep.json`,
//! `replications.csv`, and for a whole sweep `summary.csv`, `summary.svg`
//! and `summary.xlsx`) from its rows, and the readable table of its
//! summary.
//!
//! [`finish`] writes them from rows streamed in order (a sweep's journal,
//! or shards being merged), holding no more than one row and the summary's
//! working set; [`render`] does the same from rows in memory. Numbers are
//! written in Rust's shortest round-trip form, so reading a shard's rows
//! back gives the very same values.

use std::io;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};

use super::draw::ChartError;
use super::{sweep_chart, sweep_xlsx};
use crate::i18n::Lang;
use crate::sweep::Row;
use crate::sweep::files::{Manifest, MergeError};
use crate::sweep::journal::{JournalError, num};
use crate::sweep::stats::Estimate;
use crate::sweep::summary::{Spill, Summary, summary_csv, verdict};
use crate::t;

/// Why the files of a sweep cannot be made.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum FilesError {
    /// A file cannot be written or read.
    #[error("{path}: {source}")]
    Io {
        /// The file.
        path: PathBuf,
        /// The system's error.
        source: io::Error,
    },
    /// A CSV file cannot be written.
    #[error(transparent)]
    Csv(#[from] csv::Error),
    /// `sweep.json` cannot be written.
    #[error(transparent)]
    Json(#[from] serde_json::Error),
    /// The chart cannot be drawn.
    #[error(transparent)]
    Chart(#[from] ChartError),
    /// The workbook cannot be written.
    #[error(transparent)]
    Xlsx(#[from] rust_xlsxwriter::XlsxError),
    /// The journal the rows come from is damaged.
    #[error(transparent)]
    Journal(#[from] JournalError),
    /// The shards the rows come from cannot be merged (bad input).
    #[error(transparent)]
    Merge(#[from] MergeError),
    /// Stopped on request (a signal) before the files were complete.
    #[error("stopped")]
    Stopped,
}

fn io_at(path: &Path) -> impl FnOnce(io::Error) -> FilesError + '_ {
    move |source| FilesError::Io {
        path: path.to_path_buf(),
        source,
    }
}

/// `sweep.json`'s text.
fn manifest_json(m: &Manifest) -> Result<Vec<u8>, serde_json::Error> {
    let mut json = serde_json::to_string_pretty(m)?;
    json.push('\n');
    Ok(json.into_bytes())
}

/// The fields of a row of `replications.csv`.
fn record(m: &Manifest, r: &Row) -> Vec<String> {
    let mut rec = Vec::with_capacity(4 + r.values.len());
    rec.extend([
        r.setting.to_string(),
        m.settings[r.setting].label.clone(),
        r.replication.to_string(),
        m.seed.to_string(),
    ]);
    rec.extend(r.values.iter().map(|&v| num(v)));
    rec
}

/// The summary's files: `summary.csv`, `summary.svg`, `summary.xlsx`.
fn summary_files(
    m: &Manifest,
    s: &Summary,
    lang: Lang,
) -> Result<Vec<(String, Vec<u8>)>, FilesError> {
    Ok(vec![
        ("summary.csv".to_string(), summary_csv(s)?),
        (
            "summary.svg".to_string(),
            sweep_chart::svg(s, lang)?.into_bytes(),
        ),
        (
            "summary.xlsx".to_string(),
            sweep_xlsx::workbook(s, m, lang)?,
        ),
    ])
}

/// Files of a sweep or shard, name and bytes, from rows in memory:
/// `sweep.json` and `replications.csv`, plus, given the whole sweep's
/// [`crate::sweep::summary::summarize`], `summary.csv`, `summary.svg` and `summary.xlsx`. The
/// chart and the workbook are in `lang`; the CSV files are for programs
/// and keep their English column names and full precision.
pub fn render(
    m: &Manifest,
    rows: &[Row],
    summary: Option<&Summary>,
    lang: Lang,
) -> Result<Vec<(String, Vec<u8>)>, FilesError> {
    let mut w = csv::Writer::from_writer(Vec::new());
    w.write_record(m.header())?;
    for r in rows {
        w.write_record(record(m, r))?;
    }
    let csv = w
        .into_inner()
        .map_err(|e| csv::Error::from(e.into_error()))?;
    let mut files = vec![
        ("sweep.json".to_string(), manifest_json(m)?),
        ("replications.csv".to_string(), csv),
    ];
    if let Some(s) = summary {
        files.extend(summary_files(m, s, lang)?);
    }
    Ok(files)
}

/// What [`finish`] wrote.
#[derive(Debug)]
pub struct Finished {
    /// Rows written.
    pub rows: u64,
    /// Rows whose replication broke the model's invariants.
    pub breaches: u64,
    /// The summary, for a whole sweep.
    pub summary: Option<Summary>,
}

/// Writes the files of the sweep (or shard) `m` into the folder `out`
/// from `rows`, which must come in order and number `expected`; with
/// `whole`, the summary too, computed from the rows spilled into
/// `scratch` (removed after). Memory: one row at a time, then one column
/// of one setting and the baseline's (see [`Spill`]). Checks `stop`
/// every few thousand rows.
#[allow(clippy::too_many_arguments)]
pub fn finish<E>(
    out: &Path,
    scratch: &Path,
    m: &Manifest,
    rows: impl Iterator<Item = Result<Row, E>>,
    expected: u64,
    whole: bool,
    lang: Lang,
    stop: &AtomicBool,
) -> Result<Finished, FilesError>
where
    FilesError: From<E>,
{
    let path = out.join("replications.csv");
    let mut w = csv::Writer::from_path(&path)?;
    w.write_record(m.header())?;
    let mut spill = if whole {
        Some(Spill::create(scratch, m.columns.len()).map_err(io_at(scratch))?)
    } else {
        None
    };
    let breach_col = m.columns.iter().position(|c| c == "invariant_breaches");
    let mut n = 0u64;
    let mut breaches = 0u64;
    for row in rows {
        let row = row?;
        if n.is_multiple_of(4096) && stop.load(Ordering::Relaxed) {
            return Err(FilesError::Stopped);
        }
        if breach_col.is_some_and(|c| row.values[c].is_some_and(|b| b > 0.0)) {
            breaches += 1;
        }
        w.write_record(record(m, &row))?;
        if let Some(s) = spill.as_mut() {
            s.push(&row).map_err(io_at(scratch))?;
        }
        n += 1;
    }
    w.flush().map_err(io_at(&path))?;
    drop(w);
    if n != expected {
        return Err(FilesError::Io {
            path,
            source: io::Error::new(
                io::ErrorKind::InvalidData,
                format!("{n} rows where {expected} were expected"),
            ),
        });
    }
    let summary = match spill {
        Some(s) => Some(s.summarize(m).map_err(io_at(scratch))?),
        None => None,
    };
    if stop.load(Ordering::Relaxed) {
        return Err(FilesError::Stopped);
    }
    let mut files = vec![("sweep.json".to_string(), manifest_json(m)?)];
    if let Some(s) = &summary {
        files.extend(summary_files(m, s, lang)?);
    }
    for (name, bytes) in files {
        let p = out.join(name);
        std::fs::write(&p, bytes).map_err(io_at(&p))?;
    }
    Ok(Finished {
        rows: n,
        breaches,
        summary,
    })
}

/// A number for a table: fewer decimals as it grows.
fn short(x: f64) -> String {
    let a = x.abs();
    if a >= 1000.0 || a == 0.0 {
        format!("{x:.0}")
    } else if a >= 10.0 {
        format!("{x:.1}")
    } else {
        format!("{x:.2}")
    }
}

/// The summary as a readable table in `lang`: the score of each setting
/// with its interval, its paired difference from the baseline and the
/// verdict (better, worse, no clear difference), and a few outcomes in
/// their natural units. Columns are laid out by display width.
pub fn text(s: &Summary, lang: crate::i18n::Lang) -> String {
    use crate::i18n::names;
    use crate::report::table::{Align, Table};
    let ns = s.labels.len();
    let mut out = t!(
        lang,
        SWEEP_TITLE,
        scenario = s.scenario,
        settings = ns,
        replications = s.replications
    );
    out.push('\n');
    out.push_str(&t!(lang, SWEEP_LEGEND));
    out.push_str("\n\n");
    let pm = |e: Option<Estimate>| match e {
        None => "-".to_string(),
        Some(e) => match e.half_width {
            Some(h) => format!("{} ± {}", short(e.mean), short(h)),
            None => short(e.mean),
        },
    };
    let mean = |i: usize, col: &str| {
        s.cell(i, col)
            .and_then(|c| c.estimate)
            .map_or("-".to_string(), |e| short(e.mean))
    };
    let mut table = Table::with_header(
        vec![
            t!(lang, SWEEP_COL_RANK),
            t!(lang, SWEEP_COL_SETTING),
            t!(lang, SWEEP_COL_SCORE),
            t!(lang, SWEEP_COL_VS_BASELINE),
            t!(lang, SWEEP_COL_SHORTAGE),
            t!(lang, SWEEP_COL_FIRST_GOODS),
            t!(lang, SWEEP_COL_COST),
        ],
        vec![
            Align::Right,
            Align::Left,
            Align::Right,
            Align::Left,
            Align::Right,
            Align::Right,
            Align::Right,
        ],
    );
    let mut order: Vec<usize> = (0..ns).collect();
    let rank = |i: usize| {
        s.cell(i, "score")
            .and_then(|c| c.rank)
            .unwrap_or(usize::MAX)
    };
    order.sort_by_key(|&i| (rank(i), i));
    for i in order {
        let c = s.cell(i, "score");
        let vs = if i == s.baseline {
            names::verdict(lang, "baseline")
        } else {
            let d = c.and_then(|c| c.diff);
            let v = names::verdict(lang, verdict(false, d.as_ref()));
            match d {
                None => "-".to_string(),
                Some(d) => format!(
                    "{}{} ({v})",
                    if d.mean > 0.0 { "+" } else { "" },
                    pm(Some(d))
                ),
            }
        };
        let cost = s
            .cell(i, "cost_yuan")
            .and_then(|c| c.estimate)
            .map_or("-".to_string(), |e| short(e.mean / 10_000.0));
        table.row([
            c.and_then(|c| c.rank).map_or("-".into(), |r| r.to_string()),
            s.labels[i].clone(),
            pm(c.and_then(|c| c.estimate)),
            vs,
            mean(i, "shortage_person_days"),
            mean(i, "mean_hours_to_first_goods"),
            cost,
        ]);
    }
    out.push_str(&table.render(""));
    out.push('\n');
    out
}
