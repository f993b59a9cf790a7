//! The files of a sweep, and merging shards back into them.
//!
//! * `sweep.json`: the manifest: scenario name and digest, seed,
//!   replications, settings with their overrides, columns, baseline, and
//!   for a shard its `k` of `n`.
//! * `replications.csv`: `setting,label,replication,seed,` then one column
//!   per [`measure::names`]; an empty cell where a value does not exist
//!   (no closure of that level, say).
//! * `summary.csv`, `summary.svg` and `summary.xlsx`: only for a whole
//!   sweep, computed from the rows alone, so a merge of shards writes the
//!   same bytes.
//!
//! Numbers are written in Rust's shortest round-trip form, so reading a
//! shard's rows back gives the very same values.

use std::fmt;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use super::stats::{self, Estimate, Tail};
use super::{Row, Shard, Sweep, measure, plot, xlsx};
use crate::i18n::{Lang, Text, msg};
use crate::{t, text};

/// Version of the file layout, in `sweep.json`.
pub const FORMAT: u32 = 1;

/// `sweep.json`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Manifest {
    /// Layout version, [`FORMAT`].
    pub format: u32,
    /// baogong's version that ran it.
    pub baogong: String,
    /// Scenario name.
    pub scenario: String,
    /// Digest of the scenario file.
    pub digest: String,
    /// Master seed.
    pub seed: u64,
    /// Replications per setting.
    pub replications: u64,
    /// Index of the baseline setting.
    pub baseline: usize,
    /// Settings in order.
    pub settings: Vec<ManifestSetting>,
    /// Value columns of `replications.csv`.
    pub columns: Vec<String>,
    /// For a shard: which one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub shard: Option<ShardInfo>,
}

/// One setting in `sweep.json`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ManifestSetting {
    /// Label.
    pub label: String,
    /// Overrides applied, `key=value`, in order.
    pub overrides: Vec<String>,
}

/// `k` of `n`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct ShardInfo {
    /// This shard, 1..=n.
    pub k: u64,
    /// Shards in all.
    pub n: u64,
}

impl Manifest {
    /// The manifest of `sweep` (a shard of it if `shard` is given).
    pub fn of(sweep: &Sweep, shard: Option<Shard>) -> Manifest {
        Manifest {
            format: FORMAT,
            baogong: env!("CARGO_PKG_VERSION").to_string(),
            scenario: sweep.name.clone(),
            digest: sweep.digest.clone(),
            seed: sweep.seed,
            replications: sweep.replications,
            baseline: sweep.baseline,
            settings: sweep
                .settings
                .iter()
                .map(|s| ManifestSetting {
                    label: s.label.clone(),
                    overrides: s.overrides.iter().map(|o| o.to_string()).collect(),
                })
                .collect(),
            columns: measure::names(),
            shard: shard.map(|s| ShardInfo { k: s.k, n: s.n }),
        }
    }

    fn shard(&self) -> Option<Shard> {
        self.shard.map(|s| Shard { k: s.k, n: s.n })
    }

    fn header(&self) -> Vec<String> {
        let mut h: Vec<String> = ["setting", "label", "replication", "seed"]
            .iter()
            .map(|s| s.to_string())
            .collect();
        h.extend(self.columns.iter().cloned());
        h
    }

    fn pairs(&self) -> usize {
        let all = self.settings.len() as u64 * self.replications;
        match self.shard() {
            None => all as usize,
            Some(s) => (0..all).filter(|&i| s.owns(i)).count(),
        }
    }
}

/// Files of a sweep or shard, name and bytes: `sweep.json` and
/// `replications.csv`, plus, given the whole sweep's [`summarize`],
/// `summary.csv`, `summary.svg` and `summary.xlsx`. The chart and the
/// workbook are in `lang`; the CSV files are for programs and keep their
/// English column names and full precision.
pub fn render(
    m: &Manifest,
    rows: &[Row],
    summary: Option<&Summary>,
    lang: Lang,
) -> Result<Vec<(String, Vec<u8>)>, anyhow::Error> {
    let mut json = serde_json::to_string_pretty(m)?;
    json.push('\n');
    let mut files = vec![
        ("sweep.json".to_string(), json.into_bytes()),
        ("replications.csv".to_string(), replications_csv(m, rows)?),
    ];
    if let Some(s) = summary {
        files.push(("summary.csv".to_string(), summary_csv(s)?));
        files.push(("summary.svg".to_string(), plot::svg(s, lang)?.into_bytes()));
        files.push(("summary.xlsx".to_string(), xlsx::workbook(s, m, lang)?));
    }
    Ok(files)
}

fn num(v: Option<f64>) -> String {
    // `+ 0.0` turns -0 (an empty sum) into 0.
    v.map_or(String::new(), |v| format!("{}", v + 0.0))
}

fn replications_csv(m: &Manifest, rows: &[Row]) -> Result<Vec<u8>, csv::Error> {
    let mut w = csv::Writer::from_writer(Vec::new());
    w.write_record(m.header())?;
    for r in rows {
        let mut rec = vec![
            r.setting.to_string(),
            m.settings[r.setting].label.clone(),
            r.replication.to_string(),
            m.seed.to_string(),
        ];
        rec.extend(r.values.iter().map(|&v| num(v)));
        w.write_record(&rec)?;
    }
    w.into_inner().map_err(|e| csv::Error::from(e.into_error()))
}

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

/// Summarizes `rows` (which must be complete and in order).
pub fn summarize(m: &Manifest, rows: &[Row]) -> Summary {
    let ns = m.settings.len();
    let nc = m.columns.len();
    // values[setting][column][replication]
    let mut values = vec![vec![Vec::with_capacity(m.replications as usize); nc]; ns];
    for r in rows {
        for (c, v) in r.values.iter().enumerate() {
            values[r.setting][c].push(*v);
        }
    }
    let mut cells: Vec<Vec<Cell>> = (0..ns)
        .map(|s| {
            (0..nc)
                .map(|c| {
                    let present: Vec<f64> = values[s][c].iter().flatten().copied().collect();
                    Cell {
                        column: m.columns[c].clone(),
                        estimate: stats::estimate(&present),
                        tail: stats::tail(&present),
                        diff: (s != m.baseline)
                            .then(|| stats::paired(&values[s][c], &values[m.baseline][c]))
                            .flatten(),
                        rank: None,
                    }
                })
                .collect()
        })
        .collect();
    for c in 0..nc {
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

fn summary_csv(s: &Summary) -> Result<Vec<u8>, csv::Error> {
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

fn read_manifest(dir: &Path) -> Result<Manifest, MergeError> {
    let path = dir.join("sweep.json");
    let p = path.display();
    let text = std::fs::read_to_string(&path)
        .map_err(|e| text!(MG_CANNOT_READ_MANIFEST, path = p, e, dir = dir.display()))?;
    let m: Manifest =
        serde_json::from_str(&text).map_err(|e| text!(MG_NOT_A_MANIFEST, path = p, e))?;
    if m.format != FORMAT {
        return Err(text!(MG_FORMAT, path = p, format = m.format, want = FORMAT).into());
    }
    Ok(m)
}

fn read_rows(dir: &Path, m: &Manifest) -> Result<Vec<Row>, MergeError> {
    let path = dir.join("replications.csv");
    let p = path.display();
    let mut rd =
        csv::Reader::from_path(&path).map_err(|e| text!(MG_CANNOT_READ_ROWS, path = p, e))?;
    let header: Vec<String> = rd
        .headers()
        .map_err(|e| text!(MG_AT, at = p, e))?
        .iter()
        .map(str::to_string)
        .collect();
    let expected = m.header();
    if header != expected {
        return Err(text!(MG_COLUMNS, path = p).into());
    }
    let shard = m.shard();
    let mut rows = Vec::new();
    for (i, rec) in rd.records().enumerate() {
        let at = format!("{p}:{}", i + 2);
        let rec = rec.map_err(|e| text!(MG_AT, at, e))?;
        let field = |j: usize| rec.get(j).unwrap_or("");
        let int = |j: usize| -> Result<u64, MergeError> {
            field(j).parse().map_err(|_| {
                text!(
                    MG_NOT_WHOLE_NUMBER,
                    at,
                    column = expected[j],
                    value = field(j)
                )
                .into()
            })
        };
        let setting = int(0)? as usize;
        let replication = int(2)?;
        let ok = setting < m.settings.len()
            && field(1) == m.settings[setting].label
            && replication < m.replications
            && int(3)? == m.seed
            && shard.is_none_or(|s| s.owns(setting as u64 * m.replications + replication));
        if !ok {
            return Err(text!(MG_NOT_ITS_ROW, at, setting, replication).into());
        }
        let mut values = Vec::with_capacity(m.columns.len());
        for j in 4..expected.len() {
            let f = field(j);
            values.push(if f.is_empty() {
                None
            } else {
                Some(
                    f.parse::<f64>()
                        .map_err(|_| text!(MG_NOT_A_NUMBER, at, column = expected[j], value = f))?,
                )
            });
        }
        rows.push(Row {
            setting,
            replication,
            values,
        });
    }
    Ok(rows)
}

/// Reads the shards in `dirs` and returns the whole sweep's manifest and
/// rows, in order; refuses shards of different sweeps, a shard twice, a
/// missing shard, and a shard with rows missing, repeated or not its own.
pub fn merge(dirs: &[PathBuf]) -> Result<(Manifest, Vec<Row>), MergeError> {
    if dirs.is_empty() {
        return Err(text!(MG_NO_SHARDS).into());
    }
    let mut parts: Vec<(PathBuf, Manifest)> = Vec::new();
    for d in dirs {
        let m = read_manifest(d)?;
        if m.shard.is_none() {
            return Err(text!(MG_WHOLE_SWEEP, dir = d.display()).into());
        }
        parts.push((d.clone(), m));
    }
    let whole = |m: &Manifest| Manifest {
        shard: None,
        ..m.clone()
    };
    let (first_dir, first) = &parts[0];
    let n = first.shard.map_or(1, |s| s.n);
    for (d, m) in &parts[1..] {
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
    let mut by_k: Vec<Option<&PathBuf>> = vec![None; n as usize];
    for (d, m) in &parts {
        let k = m.shard.map_or(1, |s| s.k) as usize;
        if let Some(other) = by_k[k - 1] {
            return Err(text!(MG_SHARD_TWICE, k, n, a = other.display(), b = d.display()).into());
        }
        by_k[k - 1] = Some(d);
    }
    let missing: Vec<String> = (1..=n)
        .filter(|k| by_k[*k as usize - 1].is_none())
        .map(|k| format!("{k}/{n}"))
        .collect();
    if !missing.is_empty() {
        return Err(Text::each(|lang| {
            t!(
                lang,
                MG_INCOMPLETE,
                missing = missing.join(msg::LIST_SEP.get(lang))
            )
        })
        .into());
    }
    let mut rows = Vec::new();
    for (d, m) in &parts {
        let got = read_rows(d, m)?;
        let want = m.pairs();
        let mut keys: Vec<(usize, u64)> = got.iter().map(|r| (r.setting, r.replication)).collect();
        keys.sort_unstable();
        keys.dedup();
        if got.len() != want || keys.len() != want {
            return Err(text!(
                MG_ROWS,
                dir = d.display(),
                rows = got.len(),
                distinct = keys.len(),
                want
            )
            .into());
        }
        rows.extend(got);
    }
    rows.sort_by_key(|r| (r.setting, r.replication));
    Ok((whole(first), rows))
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
