//! The summary of a sweep: per setting and column of `replications.csv`,
//! the mean with its 95% interval, the tail (median, 90th and 95th
//! percentiles, share above zero), the paired difference from the
//! baseline with its interval and verdict, and the rank; `summary.csv`.
//! The readable table, the chart and the workbook are the report layer's
//! (`report::sweep_files`).
//!
//! Computed from the rows alone, so that merged shards give the same
//! summary as the whole sweep: in memory ([`summarize`]) or from the rows
//! spilled to disk column by column ([`Spill`]), with the same functions
//! in the same order, hence the same bits.

use std::fs::{self, File};
use std::io::{self, BufWriter, Read, Seek, SeekFrom, Write};
use std::path::{Path, PathBuf};

use super::Row;
use super::journal::num;
use super::manifest::Manifest;
use super::stats::{self, Estimate, Tail};

/// Estimates of one column for one setting.
#[derive(Debug, Clone)]
pub struct Cell {
    /// The column.
    pub column: String,
    /// Over replications.
    pub estimate: Option<Estimate>,
    /// Median, percentiles and share above zero, over replications.
    pub tail: Option<Tail>,
    /// Paired difference from the baseline.
    pub diff: Option<Estimate>,
    /// Rank of the mean among settings, 1 = lowest.
    pub rank: Option<usize>,
}

/// The summary: per setting, per column.
#[derive(Debug, Clone)]
pub struct Summary {
    /// Scenario name.
    pub scenario: String,
    /// Replications per setting.
    pub replications: u64,
    /// Baseline index.
    pub baseline: usize,
    /// Labels, in setting order.
    pub labels: Vec<String>,
    /// `cells[setting][column]`.
    pub cells: Vec<Vec<Cell>>,
}

impl Summary {
    /// The cell of `column` for `setting`.
    pub fn cell(&self, setting: usize, column: &str) -> Option<&Cell> {
        self.cells[setting].iter().find(|c| c.column == column)
    }
}

/// The cell of one column for one setting, from its values and the
/// baseline's, replication by replication (`None`: no value).
fn cell(column: &str, values: &[Option<f64>], base: &[Option<f64>], is_baseline: bool) -> Cell {
    let present: Vec<f64> = values.iter().flatten().copied().collect();
    Cell {
        column: column.to_string(),
        estimate: stats::estimate(&present),
        tail: stats::tail(&present),
        diff: (!is_baseline)
            .then(|| stats::paired(values, base))
            .flatten(),
        rank: None,
    }
}

fn ranked(m: &Manifest, mut cells: Vec<Vec<Cell>>) -> Summary {
    let ns = cells.len();
    for c in 0..m.columns.len() {
        let means: Vec<Option<f64>> = (0..ns)
            .map(|s| cells[s][c].estimate.map(|e| e.mean))
            .collect();
        for (s, rank) in stats::ranks(&means).into_iter().enumerate() {
            cells[s][c].rank = rank;
        }
    }
    Summary {
        scenario: m.scenario.clone(),
        replications: m.replications,
        baseline: m.baseline,
        labels: m.settings.iter().map(|s| s.label.clone()).collect(),
        cells,
    }
}

/// Summarizes `rows` held in memory (which must be complete and in
/// order). [`Spill`] gives the same summary without holding them.
pub fn summarize(m: &Manifest, rows: &[Row]) -> Summary {
    let ns = m.settings.len();
    let nc = m.columns.len();
    // values[setting][column][replication]
    let mut values = vec![vec![Vec::new(); nc]; ns];
    for r in rows {
        for (c, v) in r.values.iter().enumerate() {
            values[r.setting][c].push(*v);
        }
    }
    let cells = (0..ns)
        .map(|s| {
            (0..nc)
                .map(|c| {
                    cell(
                        &m.columns[c],
                        &values[s][c],
                        &values[m.baseline][c],
                        s == m.baseline,
                    )
                })
                .collect()
        })
        .collect();
    ranked(m, cells)
}

/// The value that stands for "no value" in a spill file.
const NONE_BITS: u64 = 0x7ff8_0000_dead_beef;

/// The rows of a whole sweep spilled to disk, one file of 8-byte values per
/// column in (setting, replication) order, so that the summary is computed
/// one column of one setting (and the baseline's) at a time: memory
/// bounded by the replications of one setting, never by all the rows.
#[derive(Debug)]
pub struct Spill {
    dir: PathBuf,
    files: Vec<BufWriter<File>>,
    rows: u64,
}

impl Spill {
    /// Starts spilling `columns` columns into `dir` (created).
    pub fn create(dir: &Path, columns: usize) -> io::Result<Spill> {
        fs::create_dir_all(dir)?;
        let files = (0..columns)
            .map(|c| {
                File::create(dir.join(format!("{c}.f64")))
                    .map(|f| BufWriter::with_capacity(1 << 14, f))
            })
            .collect::<io::Result<_>>()?;
        Ok(Spill {
            dir: dir.to_path_buf(),
            files,
            rows: 0,
        })
    }

    /// Adds the next row in order.
    pub fn push(&mut self, row: &Row) -> io::Result<()> {
        for (f, v) in self.files.iter_mut().zip(&row.values) {
            let bits = v.map_or(NONE_BITS, f64::to_bits);
            f.write_all(&bits.to_le_bytes())?;
        }
        self.rows += 1;
        Ok(())
    }

    /// The summary of the spilled rows, which must be the whole sweep
    /// `m`; the spill files are removed.
    pub fn summarize(self, m: &Manifest) -> io::Result<Summary> {
        let ns = m.settings.len();
        let reps = m.replications;
        let mut files = Vec::with_capacity(self.files.len());
        for f in self.files {
            files.push(f.into_inner().map_err(|e| e.into_error())?);
        }
        drop(files);
        if self.rows != ns as u64 * reps {
            return Err(io::Error::new(
                io::ErrorKind::InvalidData,
                "not a whole sweep",
            ));
        }
        let read = |f: &mut File, s: usize| -> io::Result<Vec<Option<f64>>> {
            f.seek(SeekFrom::Start(s as u64 * reps * 8))?;
            let mut bytes = vec![0u8; reps as usize * 8];
            f.read_exact(&mut bytes)?;
            Ok(bytes
                .chunks_exact(8)
                .map(|b| {
                    let bits = u64::from_le_bytes(b.try_into().expect("8 bytes"));
                    (bits != NONE_BITS).then(|| f64::from_bits(bits))
                })
                .collect())
        };
        let mut cells: Vec<Vec<Cell>> = (0..ns)
            .map(|_| Vec::with_capacity(m.columns.len()))
            .collect();
        for (c, column) in m.columns.iter().enumerate() {
            let path = self.dir.join(format!("{c}.f64"));
            let mut f = File::open(&path)?;
            let base = read(&mut f, m.baseline)?;
            for (s, row) in cells.iter_mut().enumerate() {
                let cell = if s == m.baseline {
                    cell(column, &base, &base, true)
                } else {
                    cell(column, &read(&mut f, s)?, &base, false)
                };
                row.push(cell);
            }
            drop(f);
            fs::remove_file(&path)?;
        }
        let _ = fs::remove_dir(&self.dir);
        Ok(ranked(m, cells))
    }
}

/// How a setting compares with the baseline on one column: lower is
/// better for the score and for every outcome.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Verdict {
    /// The baseline itself.
    Baseline,
    /// Every paired difference is zero.
    Same,
    /// The 95% interval of the difference lies below zero.
    Better,
    /// The 95% interval of the difference lies above zero.
    Worse,
    /// The interval holds zero.
    Unclear,
}

impl Verdict {
    /// Of a setting, with its paired difference from the baseline;
    /// `None` when there is no interval (fewer than two pairs).
    pub fn of(is_baseline: bool, diff: Option<&Estimate>) -> Option<Verdict> {
        if is_baseline {
            return Some(Verdict::Baseline);
        }
        let d = diff?;
        let (lo, hi) = d.interval()?;
        Some(if d.mean == 0.0 && d.sd == Some(0.0) {
            Verdict::Same
        } else if hi < 0.0 {
            Verdict::Better
        } else if lo > 0.0 {
            Verdict::Worse
        } else {
            Verdict::Unclear
        })
    }

    /// Its word in files (`better`).
    pub fn key(self) -> &'static str {
        match self {
            Verdict::Baseline => "baseline",
            Verdict::Same => "same",
            Verdict::Better => "better",
            Verdict::Worse => "worse",
            Verdict::Unclear => "no clear difference",
        }
    }
}

/// How a setting compares with the baseline on one column, in words:
/// `baseline`, `same`, `better`, `worse`, `no clear difference`, or empty
/// without an interval. Lower is better for every column.
pub fn verdict(is_baseline: bool, diff: Option<&Estimate>) -> &'static str {
    Verdict::of(is_baseline, diff).map_or("", Verdict::key)
}

pub(crate) fn summary_csv(s: &Summary) -> Result<Vec<u8>, csv::Error> {
    let mut w = csv::Writer::from_writer(Vec::new());
    w.write_record([
        "setting",
        "label",
        "column",
        "n",
        "mean",
        "sd",
        "ci95_low",
        "ci95_high",
        "median",
        "p90",
        "p95",
        "share_above_0",
        "diff_vs_baseline",
        "diff_ci95_low",
        "diff_ci95_high",
        "vs_baseline",
        "rank",
    ])?;
    for (i, cells) in s.cells.iter().enumerate() {
        for c in cells {
            let e = c.estimate;
            let ci = e.and_then(|e| e.interval());
            let d = c.diff;
            let dci = d.and_then(|d| d.interval());
            w.write_record([
                i.to_string(),
                s.labels[i].clone(),
                c.column.clone(),
                e.map_or(0, |e| e.n).to_string(),
                num(e.map(|e| e.mean)),
                num(e.and_then(|e| e.sd)),
                num(ci.map(|c| c.0)),
                num(ci.map(|c| c.1)),
                num(c.tail.map(|t| t.median)),
                num(c.tail.map(|t| t.p90)),
                num(c.tail.map(|t| t.p95)),
                num(c.tail.map(|t| t.share_above_0)),
                num(d.map(|d| d.mean)),
                num(dci.map(|c| c.0)),
                num(dci.map(|c| c.1)),
                verdict(i == s.baseline, d.as_ref()).to_string(),
                c.rank.map_or(String::new(), |r| r.to_string()),
            ])?;
        }
    }
    w.into_inner().map_err(|e| csv::Error::from(e.into_error()))
}
