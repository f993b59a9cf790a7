//! The journal of a sweep being run: every finished replication reaches
//! disk as it finishes, so that a sweep killed at any instant loses only
//! the replications still running, and `--resume` redoes nothing else.
//!
//! The journal is a folder (the staging folder of `--out`, which
//! `report::outdir` manages) of three files:
//!
//! * `journal.json`: the sweep's manifest ([`Manifest`]), written first;
//!   a journal is continued only by the very same sweep (scenario digest,
//!   seed, settings, replications, baseline, columns, shard, version);
//! * `rows.journal`: rows in the sweep's order (setting, then
//!   replication, the shard's pairs only), appended as the run advances;
//! * `ahead.journal`: rows finished before some earlier row (another
//!   thread was still running it), appended at once; they move to
//!   `rows.journal` when the rows before them are done. There are never
//!   more of them than the run's window ([`window`]).
//!
//! A record is one line, `CHECKSUM SETTING,REPLICATION,VALUE,...`, with
//! the FNV-1a checksum (16 hex digits) of what follows the space, values
//! in the shortest text that reads back as the same number, and an empty
//! field where a value does not exist. Each record is written with one
//! `write` call, unbuffered, so a killed process leaves at most one torn
//! record at the end of a file: its checksum (or its missing newline)
//! shows it, and it is dropped. Reading stops at the first record that is
//! not whole, or in `rows.journal` not the next pair in order; the file is
//! cut there when the sweep resumes.
//!
//! The records are written to the operating system, which keeps them when
//! the process is killed; they are flushed to the disk itself
//! ([`Journal::sync`]) when the sweep stops or ends, not after each
//! record, so a power cut can lose the last records (never mix them up).

use std::collections::BTreeMap;
use std::fs::{self, File, OpenOptions};
use std::io::{self, BufRead, BufReader, Write};
use std::path::{Path, PathBuf};

use super::Row;
use super::files::Manifest;
use super::share::Share;

/// The manifest file of a journal: its presence marks a staging folder as
/// a resumable sweep.
pub const MANIFEST: &str = "journal.json";
/// Rows in order.
pub const ROWS: &str = "rows.journal";
/// Rows finished ahead of order.
pub const AHEAD: &str = "ahead.journal";

/// Rows a worker thread may run ahead of the first unfinished one: the
/// reorder buffer holds at most `threads × WINDOW_PER_THREAD` rows.
pub const WINDOW_PER_THREAD: u64 = 64;

/// The reorder window of a run on `threads` threads.
pub fn window(threads: usize) -> u64 {
    (threads.max(1) as u64).saturating_mul(WINDOW_PER_THREAD)
}

/// Why a journal cannot be used.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum JournalError {
    /// The file system failed.
    #[error("{path}: {source}")]
    Io {
        /// The file.
        path: PathBuf,
        /// The system's error.
        source: io::Error,
    },
    /// The journal is of another sweep: these manifest fields differ.
    #[error("the journal is of another sweep (its {0} differ)")]
    OtherSweep(String),
    /// `journal.json` cannot be read as a manifest.
    #[error("{path}: not a sweep's manifest: {reason}")]
    NotAManifest {
        /// The file.
        path: PathBuf,
        /// What is wrong.
        reason: String,
    },
}

fn io_at(path: &Path) -> impl FnOnce(io::Error) -> JournalError + '_ {
    move |source| JournalError::Io {
        path: path.to_path_buf(),
        source,
    }
}

/// FNV-1a, 64 bits.
pub(crate) fn fnv(bytes: &[u8]) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for &b in bytes {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0000_0100_0000_01b3);
    }
    h
}

/// A value as written in the journal and in `replications.csv`: the
/// shortest text that reads back as the same number; -0 as 0.
pub(crate) fn num(v: Option<f64>) -> String {
    v.map_or(String::new(), |v| format!("{}", v + 0.0))
}

/// One record, newline included.
fn encode(row: &Row) -> Vec<u8> {
    let mut payload = format!("{},{}", row.setting, row.replication);
    for v in &row.values {
        payload.push(',');
        payload.push_str(&num(*v));
    }
    let mut line = format!("{:016x} {payload}\n", fnv(payload.as_bytes()));
    line.shrink_to_fit();
    line.into_bytes()
}

/// A record (newline excluded) back into a row of `columns` values, if it
/// is whole.
fn decode(line: &[u8], columns: usize) -> Option<Row> {
    let text = std::str::from_utf8(line).ok()?;
    let (sum, payload) = text.split_once(' ')?;
    if sum.len() != 16 || u64::from_str_radix(sum, 16).ok()? != fnv(payload.as_bytes()) {
        return None;
    }
    let mut fields = payload.split(',');
    let setting: usize = fields.next()?.parse().ok()?;
    let replication: u64 = fields.next()?.parse().ok()?;
    let mut values = Vec::with_capacity(columns);
    for f in fields {
        values.push(if f.is_empty() {
            None
        } else {
            let v = f.parse::<f64>().ok()?;
            // What no run writes is damage, as a bad sum is.
            if !(v.is_finite() && v.abs() <= super::files::MAX_VALUE) {
                return None;
            }
            Some(v)
        });
    }
    (values.len() == columns).then_some(Row {
        setting,
        replication,
        values,
    })
}

/// Reads whole records from `r`: each with the byte offset just past it.
/// Stops at the first record that is not whole (torn or damaged).
struct Records<R> {
    r: R,
    columns: usize,
    offset: u64,
    line: Vec<u8>,
}

impl<R: BufRead> Records<R> {
    fn new(r: R, columns: usize) -> Self {
        Records {
            r,
            columns,
            offset: 0,
            line: Vec::new(),
        }
    }

    fn next_record(&mut self) -> io::Result<Option<Row>> {
        self.line.clear();
        let n = self.r.read_until(b'\n', &mut self.line)?;
        if n == 0 || self.line.last() != Some(&b'\n') {
            return Ok(None);
        }
        let Some(row) = decode(&self.line[..n - 1], self.columns) else {
            return Ok(None);
        };
        self.offset += n as u64;
        Ok(Some(row))
    }
}

/// An open journal, appended to as rows finish.
#[derive(Debug)]
pub struct Journal {
    dir: PathBuf,
    rows: File,
    ahead: File,
}

/// What a resumed journal already holds.
#[derive(Debug, Default)]
pub struct Resumed {
    /// Pairs of the share done in order: the first `prefix`.
    pub prefix: u64,
    /// Rows done ahead of order, by their position in the share.
    pub ahead: BTreeMap<u64, Row>,
}

impl Resumed {
    /// Pairs done in all.
    pub fn done(&self) -> u64 {
        self.prefix + self.ahead.len() as u64
    }
}

fn append(path: &Path) -> Result<File, JournalError> {
    OpenOptions::new()
        .create(true)
        .append(true)
        .open(path)
        .map_err(io_at(path))
}

/// The differences between two manifests, as field names.
pub fn differences(a: &Manifest, b: &Manifest) -> Vec<&'static str> {
    let mut d = Vec::new();
    if a.digest != b.digest || a.scenario != b.scenario {
        d.push("scenario");
    }
    if a.seed != b.seed {
        d.push("seed");
    }
    if a.settings != b.settings {
        d.push("settings");
    }
    if a.replications != b.replications {
        d.push("replications");
    }
    if a.baseline != b.baseline {
        d.push("baseline");
    }
    if a.shard != b.shard {
        d.push("shard");
    }
    if a.format != b.format || a.baogong != b.baogong || a.columns != b.columns {
        d.push("version");
    }
    d
}

/// Reads the manifest file at `path`.
pub fn read_manifest(path: &Path) -> Result<Manifest, JournalError> {
    let text = fs::read_to_string(path).map_err(io_at(path))?;
    serde_json::from_str(&text).map_err(|e| JournalError::NotAManifest {
        path: path.to_path_buf(),
        reason: e.to_string(),
    })
}

impl Journal {
    /// Starts a journal of `m` in `dir` (which holds none).
    pub fn create(dir: &Path, m: &Manifest) -> Result<Journal, JournalError> {
        for f in [ROWS, AHEAD] {
            let p = dir.join(f);
            File::create(&p).map_err(io_at(&p))?;
        }
        let mut json = serde_json::to_string_pretty(m).map_err(|e| JournalError::Io {
            path: dir.join(MANIFEST),
            source: io::Error::other(e),
        })?;
        json.push('\n');
        // The manifest last, and whole: it is what marks a journal.
        let tmp = dir.join(format!("{MANIFEST}.tmp"));
        fs::write(&tmp, json).map_err(io_at(&tmp))?;
        fs::rename(&tmp, dir.join(MANIFEST)).map_err(io_at(dir))?;
        Journal::open_files(dir)
    }

    fn open_files(dir: &Path) -> Result<Journal, JournalError> {
        Ok(Journal {
            dir: dir.to_path_buf(),
            rows: append(&dir.join(ROWS))?,
            ahead: append(&dir.join(AHEAD))?,
        })
    }

    /// Opens the journal in `dir` to continue the sweep `m` over `share`:
    /// refuses another sweep's; drops a torn last record; keeps of
    /// `ahead.journal` only the rows not yet in order.
    pub fn resume(
        dir: &Path,
        m: &Manifest,
        share: &Share,
    ) -> Result<(Journal, Resumed), JournalError> {
        let found = read_manifest(&dir.join(MANIFEST))?;
        let diff = differences(&found, m);
        if !diff.is_empty() {
            return Err(JournalError::OtherSweep(diff.join(", ")));
        }
        let columns = m.columns.len();
        let rows_path = dir.join(ROWS);
        let mut prefix = 0;
        let good_len = {
            let f = File::open(&rows_path).map_err(io_at(&rows_path))?;
            let mut rd = Records::new(BufReader::new(f), columns);
            while prefix < share.len() {
                let Some(row) = rd.next_record().map_err(io_at(&rows_path))? else {
                    break;
                };
                if share.pair(prefix) != (row.setting, row.replication) {
                    break;
                }
                prefix += 1;
            }
            rd.offset
        };
        let f = OpenOptions::new()
            .write(true)
            .open(&rows_path)
            .map_err(io_at(&rows_path))?;
        f.set_len(good_len).map_err(io_at(&rows_path))?;
        drop(f);

        let ahead_path = dir.join(AHEAD);
        let mut ahead = BTreeMap::new();
        if let Ok(f) = File::open(&ahead_path) {
            let mut rd = Records::new(BufReader::new(f), columns);
            while let Some(row) = rd.next_record().map_err(io_at(&ahead_path))? {
                if let Some(j) = share.position(row.setting, row.replication)
                    && j >= prefix
                {
                    ahead.entry(j).or_insert(row);
                }
            }
        }
        // Rewritten with only the rows still ahead, whole.
        let tmp = dir.join(format!("{AHEAD}.tmp"));
        {
            let mut w = io::BufWriter::new(File::create(&tmp).map_err(io_at(&tmp))?);
            for row in ahead.values() {
                w.write_all(&encode(row)).map_err(io_at(&tmp))?;
            }
            w.flush().map_err(io_at(&tmp))?;
        }
        fs::rename(&tmp, &ahead_path).map_err(io_at(&ahead_path))?;
        Ok((Journal::open_files(dir)?, Resumed { prefix, ahead }))
    }

    /// Appends the next row in order.
    pub fn in_order(&mut self, row: &Row) -> Result<(), JournalError> {
        self.rows
            .write_all(&encode(row))
            .map_err(io_at(&self.dir.join(ROWS)))
    }

    /// Appends a row finished ahead of order.
    pub fn ahead(&mut self, row: &Row) -> Result<(), JournalError> {
        self.ahead
            .write_all(&encode(row))
            .map_err(io_at(&self.dir.join(AHEAD)))
    }

    /// Flushes both files to the disk.
    pub fn sync(&self) -> Result<(), JournalError> {
        self.rows.sync_data().map_err(io_at(&self.dir.join(ROWS)))?;
        self.ahead.sync_data().map_err(io_at(&self.dir.join(AHEAD)))
    }
}

/// The rows of the journal in `dir`, in order: the first `count` of
/// `share`, each checked to be the next pair.
pub fn ordered(dir: &Path, share: Share, columns: usize) -> Result<OrderedRows, JournalError> {
    let path = dir.join(ROWS);
    let f = File::open(&path).map_err(io_at(&path))?;
    Ok(OrderedRows {
        rd: Records::new(BufReader::with_capacity(1 << 16, f), columns),
        share,
        next: 0,
        path,
    })
}

/// Iterator over a journal's rows in order ([`ordered`]).
#[derive(Debug)]
pub struct OrderedRows {
    rd: Records<BufReader<File>>,
    share: Share,
    next: u64,
    path: PathBuf,
}

impl<R> std::fmt::Debug for Records<R> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "Records at {}", self.offset)
    }
}

impl Iterator for OrderedRows {
    type Item = Result<Row, JournalError>;

    fn next(&mut self) -> Option<Self::Item> {
        if self.next >= self.share.len() {
            return None;
        }
        let want = self.share.pair(self.next);
        let damaged = || JournalError::Io {
            path: self.path.clone(),
            source: io::Error::new(
                io::ErrorKind::InvalidData,
                format!(
                    "the record of setting {}, replication {} is missing or damaged",
                    want.0, want.1
                ),
            ),
        };
        match self.rd.next_record() {
            Err(e) => Some(Err(io_at(&self.path)(e))),
            Ok(Some(row)) if (row.setting, row.replication) == want => {
                self.next += 1;
                Some(Ok(row))
            }
            Ok(_) => Some(Err(damaged())),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn row(s: usize, r: u64) -> Row {
        Row {
            setting: s,
            replication: r,
            values: vec![Some(1.5), None, Some(-0.0), Some(1e-300)],
        }
    }

    #[test]
    fn records_read_back_and_torn_ones_are_dropped() {
        let r = row(3, 17);
        let bytes = encode(&r);
        let back = decode(&bytes[..bytes.len() - 1], 4).unwrap();
        assert_eq!(back.values[0], Some(1.5));
        assert_eq!(back.values[1], None);
        assert_eq!(back.values[3], Some(1e-300));
        // Every cut of a record is refused.
        for cut in 0..bytes.len() - 1 {
            let mut rd = Records::new(&bytes[..cut], 4);
            assert!(rd.next_record().unwrap().is_none(), "cut at {cut}");
        }
        // A flipped byte is refused.
        let mut bad = bytes.clone();
        bad[20] ^= 1;
        assert!(decode(&bad[..bad.len() - 1], 4).is_none());
        // Two records and a torn third: two read, the offset after them.
        let mut two = [encode(&row(0, 0)), encode(&row(0, 1))].concat();
        let whole = two.len() as u64;
        two.extend_from_slice(&encode(&row(0, 2))[..10]);
        let mut rd = Records::new(&two[..], 4);
        assert!(rd.next_record().unwrap().is_some());
        assert!(rd.next_record().unwrap().is_some());
        assert!(rd.next_record().unwrap().is_none());
        assert_eq!(rd.offset, whole);
    }
}
