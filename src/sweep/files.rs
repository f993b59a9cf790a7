//! The files of a sweep, and merging shards back into them.
//!
//! * `sweep.json`: the manifest ([`Manifest`]).
//! * `replications.csv`: `setting,label,replication,seed,` then one column
//!   per [`measure::names`]; an empty cell where a value does not exist
//!   (no closure of that level, say).
//! * `summary.csv`, `summary.svg` and `summary.xlsx`: only for a whole
//!   sweep, computed from the rows alone ([`super::summary`]), so a merge
//!   of shards writes the same bytes.
//!
//! [`finish`] writes them from rows streamed in order (a sweep's journal,
//! or shards being merged), holding no more than one row and the summary's
//! working set; [`render`] does the same from rows in memory.
//!
//! Numbers are written in Rust's shortest round-trip form, so reading a
//! shard's rows back gives the very same values.

use std::fmt;
use std::fs::File;
use std::io::{self, Read};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};

use super::journal::{JournalError, num};
use super::share::Share;
use super::summary::{Spill, Summary, summary_csv};
use super::{MAX_SETTINGS, Row, measure, plot, xlsx};
use crate::i18n::{Lang, Text, msg};
use crate::report::draw::ChartError;
use crate::{t, text};

pub use super::manifest::{FORMAT, Manifest, ManifestSetting, ShardInfo};
pub use super::summary::{Cell, Verdict, summarize, text, verdict};

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
        ("summary.svg".to_string(), plot::svg(s, lang)?.into_bytes()),
        ("summary.xlsx".to_string(), xlsx::workbook(s, m, lang)?),
    ])
}

/// Files of a sweep or shard, name and bytes, from rows in memory:
/// `sweep.json` and `replications.csv`, plus, given the whole sweep's
/// [`summarize`], `summary.csv`, `summary.svg` and `summary.xlsx`. The
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

/// Why shards cannot be merged (bad input: exit code 2), in every
/// language; it reads as its English.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MergeError(pub Text);

impl fmt::Display for MergeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for MergeError {}

impl MergeError {
    /// The error in `lang`.
    pub fn render(&self, lang: Lang) -> String {
        self.0.get(lang).to_string()
    }
}

impl From<Text> for MergeError {
    fn from(t: Text) -> MergeError {
        MergeError(t)
    }
}

/// The largest `sweep.json` read: a manifest of [`MAX_SETTINGS`] settings
/// with long overrides is far smaller.
const MAX_MANIFEST_BYTES: u64 = 64 << 20;

/// Reads and checks the manifest of the shard in `dir`: every field
/// against the others (format, shard `k` of `n`, counts, baseline,
/// columns), so that nothing later is sized or indexed by an unchecked
/// number.
fn read_manifest(dir: &Path) -> Result<(Manifest, Share), MergeError> {
    let path = dir.join("sweep.json");
    let p = path.display();
    let f = File::open(&path)
        .map_err(|e| text!(MG_CANNOT_READ_MANIFEST, path = p, e, dir = dir.display()))?;
    let mut bytes = Vec::new();
    f.take(MAX_MANIFEST_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| text!(MG_CANNOT_READ_MANIFEST, path = p, e, dir = dir.display()))?;
    if bytes.len() as u64 > MAX_MANIFEST_BYTES {
        return Err(text!(MG_TOO_LARGE, path = p).into());
    }
    let m: Manifest =
        serde_json::from_slice(&bytes).map_err(|e| text!(MG_NOT_A_MANIFEST, path = p, e))?;
    if m.format != FORMAT {
        return Err(text!(MG_FORMAT, path = p, format = m.format, want = FORMAT).into());
    }
    let Some(shard) = m.shard() else {
        return Err(text!(MG_WHOLE_SWEEP, dir = dir.display()).into());
    };
    if shard.n == 0 || shard.k == 0 || shard.k > shard.n {
        return Err(text!(MG_SHARD_RANGE, path = p, k = shard.k, n = shard.n).into());
    }
    let ns = m.settings.len();
    let share = (ns <= MAX_SETTINGS)
        .then(|| Share::new(ns as u64, m.replications, Some(shard)))
        .flatten()
        .ok_or_else(|| {
            text!(
                MG_COUNTS,
                path = p,
                settings = ns,
                replications = m.replications,
                max = MAX_SETTINGS
            )
        })?;
    if m.baseline >= ns {
        return Err(text!(
            MG_BASELINE_RANGE,
            path = p,
            baseline = m.baseline,
            settings = ns
        )
        .into());
    }
    if m.columns != measure::names() {
        return Err(text!(MG_OTHER_COLUMNS, path = p).into());
    }
    Ok((m, share))
}

/// One shard's `replications.csv`, read a row at a time.
#[derive(Debug)]
struct ShardRows {
    path: PathBuf,
    rd: csv::Reader<File>,
    rec: csv::StringRecord,
    share: Share,
    line: u64,
}

/// The rows of merged shards, in the whole sweep's order, each checked as
/// it is read ([`merge`]).
#[derive(Debug)]
pub struct MergeRows {
    manifest: Manifest,
    shards: Vec<ShardRows>,
    next: u64,
    total: u64,
    done: bool,
}

impl MergeRows {
    /// The whole sweep's manifest.
    pub fn manifest(&self) -> &Manifest {
        &self.manifest
    }

    /// Rows of the whole sweep.
    pub fn total(&self) -> u64 {
        self.total
    }

    /// Reads the next record of shard `k - 1`: its line for messages, or
    /// `None` at the end of the file.
    fn read(&mut self, i: usize) -> Result<Option<String>, MergeError> {
        let sh = &mut self.shards[i];
        let p = sh.path.display().to_string();
        let more = sh
            .rd
            .read_record(&mut sh.rec)
            .map_err(|e| text!(MG_AT, at = p, e))?;
        sh.line += 1;
        Ok(more.then(|| format!("{p}:{}", sh.line)))
    }

    /// The record just read by shard `i` as a row, checked: its setting
    /// and replication are whole numbers, its label and seed are the
    /// sweep's, every value is finite, and it broke no invariant.
    fn row(&self, i: usize, at: &str) -> Result<Row, MergeError> {
        let m = &self.manifest;
        let rec = &self.shards[i].rec;
        let header = m.header();
        let field = |j: usize| rec.get(j).unwrap_or("");
        let int = |j: usize| -> Result<u64, MergeError> {
            field(j).parse().map_err(|_| {
                text!(
                    MG_NOT_WHOLE_NUMBER,
                    at,
                    column = header[j],
                    value = field(j)
                )
                .into()
            })
        };
        let setting = int(0)?;
        let replication = int(2)?;
        let ok = setting < m.settings.len() as u64
            && field(1) == m.settings[setting as usize].label
            && replication < m.replications
            && int(3)? == m.seed
            && rec.len() == header.len();
        if !ok {
            return Err(text!(MG_NOT_ITS_ROW, at, setting, replication).into());
        }
        let mut values = Vec::with_capacity(m.columns.len());
        for j in 4..header.len() {
            let f = field(j);
            values.push(if f.is_empty() {
                None
            } else {
                let v = f
                    .parse::<f64>()
                    .map_err(|_| text!(MG_NOT_A_NUMBER, at, column = header[j], value = f))?;
                if !v.is_finite() {
                    return Err(text!(MG_NOT_FINITE, at, column = header[j], value = f).into());
                }
                Some(v)
            });
        }
        if let Some(b) = values.last().copied().flatten()
            && b != 0.0
        {
            return Err(text!(
                MG_BREACH,
                at,
                setting,
                label = m.settings[setting as usize].label,
                replication,
                n = b
            )
            .into());
        }
        Ok(Row {
            setting: setting as usize,
            replication,
            values,
        })
    }

    fn next_row(&mut self) -> Result<Option<Row>, MergeError> {
        let n = self.shards.len() as u64;
        if self.next == self.total {
            // Every shard must end here.
            for i in 0..self.shards.len() {
                if let Some(at) = self.read(i)? {
                    let row = self.row(i, &at)?;
                    if self.shards[i]
                        .share
                        .position(row.setting, row.replication)
                        .is_none()
                    {
                        return Err(text!(
                            MG_NOT_ITS_ROW,
                            at,
                            setting = row.setting,
                            replication = row.replication
                        )
                        .into());
                    }
                    return Err(text!(MG_EXTRA_ROWS, at).into());
                }
            }
            return Ok(None);
        }
        let i = self.next;
        let reps = self.manifest.replications;
        let (want_setting, want_replication) = (i / reps, i % reps);
        let k = (i % n) as usize;
        let Some(at) = self.read(k)? else {
            return Err(text!(
                MG_ENDS_EARLY,
                path = self.shards[k].path.display(),
                setting = want_setting,
                replication = want_replication
            )
            .into());
        };
        let row = self.row(k, &at)?;
        if (row.setting as u64, row.replication) != (want_setting, want_replication) {
            if self.shards[k]
                .share
                .position(row.setting, row.replication)
                .is_none()
            {
                return Err(text!(
                    MG_NOT_ITS_ROW,
                    at,
                    setting = row.setting,
                    replication = row.replication
                )
                .into());
            }
            return Err(text!(
                MG_WRONG_ROW,
                at,
                setting = row.setting,
                replication = row.replication,
                want_setting,
                want_replication
            )
            .into());
        }
        self.next += 1;
        Ok(Some(row))
    }
}

impl Iterator for MergeRows {
    type Item = Result<Row, MergeError>;

    fn next(&mut self) -> Option<Self::Item> {
        if self.done {
            return None;
        }
        match self.next_row() {
            Ok(Some(row)) => Some(Ok(row)),
            Ok(None) => {
                self.done = true;
                None
            }
            Err(e) => {
                self.done = true;
                Some(Err(e))
            }
        }
    }
}

/// Opens the shards in `dirs` for merging: refuses shards of different
/// sweeps, a shard twice, a missing shard, a manifest whose fields do not
/// agree; the rows then come, checked one by one, from the iterator, which
/// refuses a shard with rows missing, repeated, out of order, not its own,
/// not finite or from a replication that broke the model's invariants.
pub fn merge(dirs: &[PathBuf]) -> Result<MergeRows, MergeError> {
    if dirs.is_empty() {
        return Err(text!(MG_NO_SHARDS).into());
    }
    let mut parts: Vec<(PathBuf, Manifest, Share)> = Vec::new();
    for d in dirs {
        let (m, share) = read_manifest(d)?;
        parts.push((d.clone(), m, share));
    }
    let whole = |m: &Manifest| Manifest {
        shard: None,
        ..m.clone()
    };
    let (first_dir, first, _) = &parts[0];
    let n = first.shard.map_or(1, |s| s.n);
    for (d, m, _) in &parts[1..] {
        if whole(m) != whole(first) {
            return Err(text!(
                MG_DIFFERENT_SWEEPS,
                a = first_dir.display(),
                b = d.display()
            )
            .into());
        }
        if m.shard.map_or(1, |s| s.n) != n {
            return Err(text!(
                MG_SHARD_COUNTS,
                dir = d.display(),
                n = m.shard.map_or(1, |s| s.n),
                first = first_dir.display(),
                first_n = n
            )
            .into());
        }
    }
    let mut by_k: std::collections::BTreeMap<u64, &PathBuf> = Default::default();
    for (d, m, _) in &parts {
        let k = m.shard.map_or(1, |s| s.k);
        if let Some(other) = by_k.insert(k, d) {
            return Err(text!(MG_SHARD_TWICE, k, n, a = other.display(), b = d.display()).into());
        }
    }
    if by_k.len() as u64 != n {
        // At most ten named, however many shards the sweep claims.
        let mut missing: Vec<String> = (1..=n)
            .filter(|k| !by_k.contains_key(k))
            .take(10)
            .map(|k| format!("{k}/{n}"))
            .collect();
        if (n - by_k.len() as u64) > missing.len() as u64 {
            missing.push("...".into());
        }
        return Err(Text::each(|lang| {
            t!(
                lang,
                MG_INCOMPLETE,
                missing = missing.join(msg::LIST_SEP.get(lang))
            )
        })
        .into());
    }
    let manifest = whole(first);
    let total = parts[0].2.total();
    parts.sort_by_key(|(_, m, _)| m.shard.map_or(1, |s| s.k));
    let mut shards = Vec::with_capacity(parts.len());
    let header = manifest.header();
    for (d, _, share) in parts {
        let path = d.join("replications.csv");
        let p = path.display();
        let mut rd =
            csv::Reader::from_path(&path).map_err(|e| text!(MG_CANNOT_READ_ROWS, path = p, e))?;
        let h: Vec<String> = rd
            .headers()
            .map_err(|e| text!(MG_AT, at = p, e))?
            .iter()
            .map(str::to_string)
            .collect();
        if h != header {
            return Err(text!(MG_COLUMNS, path = p).into());
        }
        shards.push(ShardRows {
            path,
            rd,
            rec: csv::StringRecord::new(),
            share,
            line: 1,
        });
    }
    Ok(MergeRows {
        manifest,
        shards,
        next: 0,
        total,
        done: false,
    })
}
