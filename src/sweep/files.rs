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
//! This module holds what is read: the manifest, and the shards' rows,
//! checked as they stream in order ([`merge`]); writing the files from rows
//! is the report layer's (`report::sweep_files`).
//!
//! Numbers are written in Rust's shortest round-trip form, so reading a
//! shard's rows back gives the very same values.

use std::fmt;
use std::fs::File;
use std::io::Read;
use std::path::{Path, PathBuf};

use super::share::Share;
use super::{MAX_SETTINGS, Row, measure};
use crate::i18n::{Lang, Text, msg};
use crate::{t, text};

pub use super::manifest::{FORMAT, Manifest, ManifestSetting, ShardInfo};
pub use super::summary::{Cell, Summary, Verdict, summarize, verdict};

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

/// Largest size of a value in a replication row. No run comes near it
/// (goods are counted in grams below 10^17, costs and scores are products
/// of these with bounded weights), and the statistics of ten million rows
/// of it, squares included, stay finite.
pub const MAX_VALUE: f64 = 1e100;

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
                if v.abs() > MAX_VALUE {
                    return Err(text!(
                        MG_VALUE_TOO_LARGE,
                        at,
                        column = header[j],
                        value = f,
                        max = format!("{MAX_VALUE:e}")
                    )
                    .into());
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

    /// Refuses `row`, read at `at`, unless it belongs to shard `k`'s share.
    fn its_own(&self, k: usize, at: &str, row: &Row) -> Result<(), MergeError> {
        match self.shards[k].share.position(row.setting, row.replication) {
            Some(_) => Ok(()),
            None => Err(text!(
                MG_NOT_ITS_ROW,
                at,
                setting = row.setting,
                replication = row.replication
            )
            .into()),
        }
    }

    fn next_row(&mut self) -> Result<Option<Row>, MergeError> {
        let n = self.shards.len() as u64;
        if self.next == self.total {
            // Every shard must end here.
            for i in 0..self.shards.len() {
                if let Some(at) = self.read(i)? {
                    let row = self.row(i, &at)?;
                    self.its_own(i, &at, &row)?;
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
            self.its_own(k, &at, &row)?;
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
