//! Sweeps: many seeded replications of several plan settings, run in
//! parallel, compared pairwise against a baseline.
//!
//! * A **setting** is the scenario with some keys changed ([`overrides`]):
//!   `--set` changes apply to every setting; `[[sweep.settings]]` name
//!   settings; `--grid` and `[sweep.grid]` sweep the cross product of
//!   values, inside each named setting.
//! * **Common random numbers**: replication `r` of every setting draws from
//!   the streams of `(seed, r)` only, so every setting meets the same
//!   outbreaks, rumours and delays, and differences between settings are
//!   measured pair by pair, with far less noise than between independent
//!   runs.
//! * **Determinism**: results are collected in (setting, replication)
//!   order whatever the threads; every file is a function of the
//!   replication rows alone, so shards merged give the same bytes.
//!
//! The files ([`files`]): `sweep.json` (what was swept), `replications.csv`
//! (one row per setting and replication), and for a whole sweep
//! `summary.csv` (estimates per setting and column), `summary.svg` (the
//! settings compared in natural units) and `summary.xlsx` (the summary for
//! Excel).

pub mod files;
pub mod journal;
pub mod manifest;
pub mod measure;
pub mod share;
pub mod slurm;
pub mod stats;
pub mod summary;

use std::collections::BTreeMap;
use std::fmt;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Condvar, Mutex};

use rayon::prelude::*;

use crate::experiment::{RunOptions, run_replication};
use crate::model::Scenario;
pub use crate::scenario::load_with;
pub use crate::scenario::overrides;
use crate::scenario::{self, KeyPath, ScenarioError};
use overrides::{Origin, Override, OverrideError};

/// Replications per setting when neither the command line nor `[sweep]`
/// says.
pub const DEFAULT_REPLICATIONS: u64 = 100;

/// Most settings one sweep may have (a grid that large is a typo).
pub const MAX_SETTINGS: usize = 10_000;

/// Most replications per setting.
pub const MAX_REPLICATIONS: u64 = 1_000_000;

/// Most replications of one sweep, over all its settings.
pub const MAX_RUNS: u64 = 10_000_000;

/// Why a sweep cannot be set up. All are bad input (exit code 2).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SweepError {
    /// The scenario file itself, or its `[sweep]` table.
    Scenario(ScenarioError),
    /// A `--set`/`--grid` argument.
    Override(OverrideError),
    /// One setting does not give a valid scenario.
    Setting {
        /// The setting's label.
        label: String,
        /// What is wrong with it.
        error: Box<ScenarioError>,
    },
    /// Anything else about the request (replications, baseline, shard).
    Request(crate::i18n::Text),
    /// Several of the above, each said on its own line.
    Many(Vec<SweepError>),
}

impl fmt::Display for SweepError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            SweepError::Scenario(e) => write!(f, "{e}"),
            SweepError::Override(e) => write!(f, "{e}"),
            SweepError::Setting { label, error } => {
                write!(f, "setting `{label}`: {error}")
            }
            SweepError::Request(m) => f.write_str(m),
            SweepError::Many(all) => {
                let lines: Vec<String> = all.iter().map(|e| e.to_string()).collect();
                f.write_str(&lines.join("\nerror: "))
            }
        }
    }
}

impl std::error::Error for SweepError {}

impl SweepError {
    /// The error in `lang`.
    pub fn render(&self, lang: crate::i18n::Lang) -> String {
        match self {
            SweepError::Scenario(e) => e.render_report(lang),
            SweepError::Override(e) => e.render(lang),
            SweepError::Setting { label, error } => {
                crate::t!(lang, SETTING_ERROR, label, error = error.render(lang))
            }
            SweepError::Request(m) => m.get(lang).to_string(),
            SweepError::Many(all) => {
                let sep = format!("\n{}", crate::t!(lang, ERROR_LINE, msg = ""));
                let lines: Vec<String> = all.iter().map(|e| e.render(lang)).collect();
                lines.join(&sep)
            }
        }
    }
}

impl From<ScenarioError> for SweepError {
    fn from(e: ScenarioError) -> Self {
        SweepError::Scenario(e)
    }
}

impl From<OverrideError> for SweepError {
    fn from(e: OverrideError) -> Self {
        SweepError::Override(e)
    }
}

/// What the user asked for, before anything is checked.
#[derive(Debug, Clone, Default)]
pub struct Request {
    /// `--set` overrides, applied to every setting first.
    pub sets: Vec<Override>,
    /// `--grid` keys and values; a key also in `[sweep.grid]` replaces it there.
    pub grid: Vec<(String, Vec<String>)>,
    /// `--replications`.
    pub replications: Option<u64>,
    /// `--seed`.
    pub seed: Option<u64>,
    /// `--baseline`: a setting's label.
    pub baseline: Option<String>,
}

/// One setting of a sweep: a label, its overrides and the scenario they give.
#[derive(Debug, Clone)]
pub struct Setting {
    /// Label in the results: the setting's name and grid values.
    pub label: String,
    /// Every override, in the order applied.
    pub overrides: Vec<Override>,
    /// The validated scenario.
    pub scenario: Scenario,
}

/// A checked sweep, ready to run.
#[derive(Debug, Clone)]
pub struct Sweep {
    /// Scenario name.
    pub name: String,
    /// Digest of the scenario file's text (FNV-1a, 64 bits, hex).
    pub digest: String,
    /// Master seed, common to every setting.
    pub seed: u64,
    /// Replications per setting.
    pub replications: u64,
    /// The settings, in order.
    pub settings: Vec<Setting>,
    /// Index of the baseline setting.
    pub baseline: usize,
}

/// FNV-1a over `bytes`, as 16 hex digits: a fingerprint, not a security hash.
pub fn digest(bytes: &[u8]) -> String {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for &b in bytes {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0000_0100_0000_01b3);
    }
    format!("{h:016x}")
}

/// Checks the scenario text `src` (named `file`) and the request, and
/// builds every setting.
pub fn plan(src: &str, file: &str, req: &Request) -> Result<Sweep, SweepError> {
    let loaded = scenario::load_checked(src, file)?;
    let (raw, base) = (loaded.raw, loaded.scenario);
    let table = raw.sweep.clone().unwrap_or_default();
    let in_file = |path: KeyPath, message: crate::i18n::Text| {
        ScenarioError::new(
            file,
            scenario::locate::locate(src, &path),
            path.to_string(),
            message.into(),
        )
    };
    let sweep_key = || KeyPath::root().key("sweep");

    // Every bad entry of the file's [sweep] table is said, in the order
    // of the lines.
    let mut bad: Vec<ScenarioError> = Vec::new();

    // The grid: the file's, then the command line's (replacing a key).
    let mut grid: Vec<(String, Vec<String>, Origin)> = Vec::new();
    for (k, v) in &table.grid {
        let path = sweep_key().key("grid").key(k);
        if let Err(e) = overrides::check_key(k, &Origin::FileGrid) {
            bad.push(in_file(path, e.0.text().map(|_, m| first_line(m))));
            continue;
        }
        let values: Vec<String> = match v.as_array() {
            Some(a) if !a.is_empty() => a.iter().map(toml_text).collect(),
            _ => {
                bad.push(in_file(path, crate::text!(SW_LIST_OF_VALUES)));
                continue;
            }
        };
        let origin = Origin::FileGrid;
        let replaced = req.grid.iter().any(|(k2, _)| k2 == k);
        if !replaced
            && let Some(v) = values
                .iter()
                .enumerate()
                .find_map(|(i, v)| values[..i].contains(v).then_some(v))
        {
            bad.push(in_file(path, crate::text!(SW_VALUE_TWICE, origin, k, v)));
            continue;
        }
        grid.push((k.clone(), values, origin));
    }

    // Named settings.
    let mut named: Vec<(Option<String>, Vec<Override>)> = Vec::new();
    for (i, s) in table.settings.iter().enumerate() {
        let path = sweep_key().key("settings").index(i);
        if s.name.trim().is_empty() {
            bad.push(in_file(path.key("name"), crate::text!(SW_NEEDS_NAME)));
        } else if named
            .iter()
            .any(|(n, _)| n.as_deref() == Some(s.name.as_str()))
        {
            bad.push(in_file(
                path.key("name"),
                crate::text!(SW_NAMED_TWICE, name = s.name),
            ));
        }
        let origin = Origin::Named(s.name.clone());
        let mut os = Vec::new();
        for (k, v) in &s.set {
            if let Err(e) = overrides::check_key(k, &origin) {
                let path = path.key("set").key(k);
                bad.push(in_file(path, e.0.text().map(|_, m| first_line(m))));
                continue;
            }
            os.push(Override {
                key: k.clone(),
                value: toml_text(v),
                origin: origin.clone(),
            });
        }
        named.push((Some(s.name.clone()), os));
    }
    if req.replications.is_none() {
        let path = || sweep_key().key("replications");
        match table.replications {
            Some(r) if r > MAX_REPLICATIONS as i64 => bad.push(in_file(
                path(),
                crate::text!(SW_REPLICATIONS_MAX, r, max = MAX_REPLICATIONS),
            )),
            Some(r) if r < 1 => bad.push(in_file(path(), crate::text!(SW_AT_LEAST_ONE))),
            _ => {}
        }
    }
    if !bad.is_empty() {
        bad.sort_by_key(|e| e.location.map_or((usize::MAX, 0), |l| (l.line, l.column)));
        return Err(ScenarioError::gather(bad)
            .expect("a problem was found")
            .into());
    }

    for (i, (k, _)) in req.grid.iter().enumerate() {
        if req.grid[..i].iter().any(|(k2, _)| k2 == k) {
            return Err(SweepError::Request(crate::text!(SW_GRID_KEY_TWICE, k)));
        }
    }
    for (k, values) in &req.grid {
        match grid.iter_mut().find(|g| &g.0 == k) {
            Some(g) => *g = (k.clone(), values.clone(), Origin::Grid),
            None => grid.push((k.clone(), values.clone(), Origin::Grid)),
        }
    }
    for (k, values, origin) in &grid {
        for (i, v) in values.iter().enumerate() {
            if values[..i].contains(v) {
                return Err(SweepError::Request(crate::text!(
                    SW_VALUE_TWICE,
                    origin,
                    k,
                    v
                )));
            }
        }
    }
    if named.is_empty() {
        named.push((None, Vec::new()));
    }

    // Checked: sizes that multiply past usize must not wrap to a few.
    let combos = grid
        .iter()
        .try_fold(named.len(), |n, g| n.checked_mul(g.1.len()));
    let combos = match combos {
        Some(n) if n <= MAX_SETTINGS => n / named.len(),
        _ => {
            let n = grid
                .iter()
                .fold(named.len() as f64, |n, g| n * g.1.len() as f64);
            return Err(SweepError::Request(crate::text!(
                SW_TOO_MANY_SETTINGS,
                n = format!("{n:.0}"),
                max = MAX_SETTINGS
            )));
        }
    };
    let mut settings = Vec::new();
    for (name, own) in &named {
        for c in 0..combos {
            // Odometer: the first grid key varies slowest.
            let mut rest = c;
            let mut picks = vec![0; grid.len()];
            for (g, pick) in grid.iter().zip(picks.iter_mut()).rev() {
                *pick = rest % g.1.len();
                rest /= g.1.len();
            }
            let combo: Vec<Override> = grid
                .iter()
                .zip(&picks)
                .map(|((k, vs, origin), &p)| Override {
                    key: k.clone(),
                    value: vs[p].clone(),
                    origin: origin.clone(),
                })
                .collect();
            let mut parts: Vec<String> = name.iter().cloned().collect();
            if !combo.is_empty() {
                parts.push(
                    combo
                        .iter()
                        .map(|o| o.to_string())
                        .collect::<Vec<_>>()
                        .join(", "),
                );
            }
            let label = if parts.is_empty() {
                "base".to_string()
            } else {
                parts.join("; ")
            };
            let overrides: Vec<Override> =
                req.sets.iter().chain(own).chain(&combo).cloned().collect();
            let scenario = if overrides.is_empty() {
                base.clone()
            } else {
                match load_with(src, file, &overrides) {
                    Ok(scenario) => scenario,
                    Err(error) => {
                        let first = SweepError::Setting {
                            label: label.clone(),
                            error: Box::new(error),
                        };
                        return Err(every_bad_setting(src, file, req, &named, &grid, first));
                    }
                }
            };
            settings.push(Setting {
                label,
                overrides,
                scenario,
            });
        }
    }

    let replications = match req.replications {
        Some(r) => r,
        // Checked with the rest of the table above.
        None => table
            .replications
            .map_or(DEFAULT_REPLICATIONS, |r| r.max(1) as u64),
    };
    if replications == 0 {
        return Err(SweepError::Request(crate::text!(SW_REPLICATIONS_ONE)));
    }
    if replications > MAX_REPLICATIONS {
        return Err(SweepError::Request(crate::text!(
            SW_REPLICATIONS_MAX_ARG,
            r = replications,
            max = MAX_REPLICATIONS
        )));
    }
    let runs = (settings.len() as u64).saturating_mul(replications);
    if runs > MAX_RUNS {
        return Err(SweepError::Request(crate::text!(
            SW_TOO_MANY_RUNS,
            settings = settings.len(),
            replications,
            runs,
            max = MAX_RUNS
        )));
    }
    if share::Share::new(settings.len() as u64, replications, None).is_none() {
        return Err(SweepError::Request(crate::text!(
            SW_TOO_MANY_SETTINGS,
            n = format!("{} × {replications}", settings.len()),
            max = "2^63"
        )));
    }
    let baseline = match req.baseline.as_ref().or(table.baseline.as_ref()) {
        None => 0,
        // A label, or the start of labels (a named setting, or some grid
        // values): then the first setting it starts (so that a grid added on
        // the command line keeps the file's baseline meaningful).
        Some(b) => settings
            .iter()
            .position(|s| &s.label == b)
            .or_else(|| {
                settings.iter().position(|s| {
                    s.label
                        .strip_prefix(b.as_str())
                        .is_some_and(|rest| rest.starts_with("; ") || rest.starts_with(", "))
                })
            })
            .ok_or_else(|| {
                let labels: Vec<String> =
                    settings.iter().map(|s| format!("`{}`", s.label)).collect();
                let msg = crate::i18n::Text::each(|lang| {
                    crate::t!(
                        lang,
                        SW_NO_SUCH_BASELINE,
                        b,
                        labels = labels.join(crate::i18n::msg::LIST_SEP.get(lang))
                    )
                });
                if req.baseline.is_some() {
                    SweepError::Request(msg.map(|lang, m| crate::t!(lang, SW_FLAG_BASELINE, m)))
                } else {
                    in_file(sweep_key().key("baseline"), msg).into()
                }
            })?,
    };
    Ok(Sweep {
        name: base.name.clone(),
        digest: digest(src.as_bytes()),
        seed: req.seed.unwrap_or(base.seed),
        replications,
        settings,
        baseline,
    })
}

/// The settings of a sweep, past the `first` that does not give a
/// valid scenario: each named setting and each value of the grid tried
/// alone (with the `--set` changes), so that every bad one is said once,
/// not once for each setting it is part of. At most [`MAX_REPORTED`] in
/// all.
///
/// [`MAX_REPORTED`]: crate::scenario::MAX_REPORTED
fn every_bad_setting(
    src: &str,
    file: &str,
    req: &Request,
    named: &[(Option<String>, Vec<Override>)],
    grid: &[(String, Vec<String>, Origin)],
    first: SweepError,
) -> SweepError {
    let mut all = vec![first];
    let mut tries: Vec<(String, Vec<Override>)> = Vec::new();
    for (name, own) in named {
        if let Some(name) = name {
            tries.push((name.clone(), own.clone()));
        }
    }
    for (k, values, origin) in grid {
        for v in values {
            let o = Override {
                key: k.clone(),
                value: v.clone(),
                origin: origin.clone(),
            };
            tries.push((o.to_string(), vec![o]));
        }
    }
    for (label, own) in tries {
        if all.len() >= crate::scenario::MAX_REPORTED {
            break;
        }
        let overrides: Vec<Override> = req.sets.iter().chain(&own).cloned().collect();
        if let Err(error) = load_with(src, file, &overrides) {
            let said = all.iter().any(|e| match e {
                SweepError::Setting { error: e, .. } => {
                    e.key == error.key && e.message == error.message
                }
                _ => false,
            });
            if !said {
                all.push(SweepError::Setting {
                    label,
                    error: Box::new(error),
                });
            }
        }
    }
    if all.len() == 1 {
        all.remove(0)
    } else {
        SweepError::Many(all)
    }
}

fn first_line(s: &str) -> String {
    s.lines().next().unwrap_or("").to_string()
}

/// A `toml::Value` as compact TOML text, normalized as `--set` values are.
fn toml_text(v: &toml::Value) -> String {
    overrides::value_text(&v.to_string())
}

/// Which share of the (setting, replication) pairs to run: shard `k` of `n`
/// (1-based) takes the pairs whose index `setting × replications +
/// replication` is `k - 1` modulo `n`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Shard {
    /// This shard, 1..=n.
    pub k: u64,
    /// Number of shards.
    pub n: u64,
}

impl Shard {
    /// Parses `K/N`; the error is in every language.
    pub fn parse(s: &str) -> Result<Shard, crate::i18n::Text> {
        let bad = || crate::text!(BAD_SHARD, shard = s);
        let (k, n) = s.split_once('/').ok_or_else(bad)?;
        let k: u64 = k.trim().parse().map_err(|_| bad())?;
        let n: u64 = n.trim().parse().map_err(|_| bad())?;
        if n == 0 || k == 0 || k > n {
            return Err(bad());
        }
        Ok(Shard { k, n })
    }

    /// Whether pair index `i` is this shard's.
    pub fn owns(&self, i: u64) -> bool {
        i % self.n == self.k - 1
    }
}

/// One replication's row.
#[derive(Debug, Clone, PartialEq)]
pub struct Row {
    /// Setting index.
    pub setting: usize,
    /// Replication index.
    pub replication: u64,
    /// The values of [`measure::names`].
    pub values: Vec<Option<f64>>,
}

impl Sweep {
    /// The (setting, replication) pairs of `shard` (all without one), in order.
    pub fn pairs(&self, shard: Option<Shard>) -> Vec<(usize, u64)> {
        let r = self.replications;
        (0..self.settings.len())
            .flat_map(|s| (0..r).map(move |i| (s, i)))
            .filter(|&(s, i)| shard.is_none_or(|sh| sh.owns(s as u64 * r + i)))
            .collect()
    }

    /// Runs `pairs` on the current rayon pool; `tick` is called after each
    /// replication (from any thread). Rows come back in the order of `pairs`.
    pub fn run(&self, pairs: &[(usize, u64)], tick: &(dyn Fn() + Sync)) -> Vec<Row> {
        pairs
            .par_iter()
            .map(|&(s, rep)| {
                let sc = &self.settings[s].scenario;
                let r = run_replication(sc, self.seed, rep, RunOptions::default());
                tick();
                Row {
                    setting: s,
                    replication: rep,
                    values: measure::measure(sc, &r),
                }
            })
            .collect()
    }

    /// The pairs of `shard` (all without one), by arithmetic.
    pub fn share(&self, shard: Option<Shard>) -> share::Share {
        share::Share::new(self.settings.len() as u64, self.replications, shard)
            .expect("plan checked the number of pairs")
    }

    /// Runs the pairs of `share` not yet in `journal` (`resumed` says which
    /// are) on `threads` worker threads, appending each row to the journal
    /// as it finishes: in order when every earlier row is done, else ahead
    /// of order (see [`journal`]). No thread runs a pair more than
    /// [`journal::window`] pairs after the first unfinished one, so at most
    /// that many rows wait in memory. Stops taking new pairs when `stop` is
    /// set (the pairs running finish and are journaled). `tick` is called
    /// after each replication, from any thread.
    pub fn run_journaled(
        &self,
        share: share::Share,
        journal: &mut journal::Journal,
        resumed: journal::Resumed,
        threads: usize,
        stop: &AtomicBool,
        tick: &(dyn Fn() + Sync),
    ) -> Result<Progress, journal::JournalError> {
        struct State<'j> {
            next: u64,
            prefix: u64,
            buffer: BTreeMap<u64, Row>,
            journal: &'j mut journal::Journal,
            error: Option<journal::JournalError>,
        }
        impl State<'_> {
            /// Moves the rows that now follow in order from the buffer to the journal.
            fn drain(&mut self) -> Result<(), journal::JournalError> {
                while let Some(row) = self.buffer.remove(&self.prefix) {
                    self.journal.in_order(&row)?;
                    self.prefix += 1;
                }
                Ok(())
            }
        }
        let window = journal::window(threads);
        let mut state = State {
            next: resumed.prefix,
            prefix: resumed.prefix,
            buffer: resumed.ahead,
            journal,
            error: None,
        };
        state.drain()?;
        let state = Mutex::new(state);
        let moved = Condvar::new();
        let len = share.len();
        let worker = || {
            loop {
                let j = {
                    let mut st = state.lock().unwrap_or_else(|e| e.into_inner());
                    loop {
                        // Every pair before the prefix is done (rows of a
                        // resumed journal may have carried it past `next`),
                        // and so is every pair waiting in the buffer.
                        st.next = st.next.max(st.prefix);
                        while st.buffer.contains_key(&st.next) {
                            st.next += 1;
                        }
                        if stop.load(Ordering::Relaxed) || st.error.is_some() || st.next >= len {
                            moved.notify_all();
                            return;
                        }
                        if st.next < st.prefix + window {
                            break;
                        }
                        st = moved.wait(st).unwrap_or_else(|e| e.into_inner());
                    }
                    st.next += 1;
                    st.next - 1
                };
                let (s, rep) = share.pair(j);
                let sc = &self.settings[s].scenario;
                let r = run_replication(sc, self.seed, rep, RunOptions::default());
                let row = Row {
                    setting: s,
                    replication: rep,
                    values: measure::measure(sc, &r),
                };
                let mut st = state.lock().unwrap_or_else(|e| e.into_inner());
                let written = if j < st.prefix || st.buffer.contains_key(&j) {
                    Ok(())
                } else if j == st.prefix {
                    st.journal.in_order(&row).and_then(|()| {
                        st.prefix += 1;
                        st.drain()
                    })
                } else {
                    let w = st.journal.ahead(&row);
                    st.buffer.insert(j, row);
                    w
                };
                if let Err(e) = written {
                    st.error.get_or_insert(e);
                }
                moved.notify_all();
                drop(st);
                tick();
            }
        };
        std::thread::scope(|scope| {
            for _ in 1..threads.max(1) {
                scope.spawn(worker);
            }
            worker();
        });
        let st = state.into_inner().unwrap_or_else(|e| e.into_inner());
        if let Some(e) = st.error {
            return Err(e);
        }
        st.journal.sync()?;
        Ok(Progress {
            done: st.prefix + st.buffer.len() as u64,
            all: len,
        })
    }
}

/// How far a journaled run got.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Progress {
    /// Pairs done (in the journal).
    pub done: u64,
    /// Pairs of the share.
    pub all: u64,
}

impl Progress {
    /// Whether every pair is done.
    pub fn complete(&self) -> bool {
        self.done == self.all
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const TINY: &str = include_str!("../scenarios/tiny.toml");

    fn req() -> Request {
        Request::default()
    }

    #[test]
    fn grid_is_a_cross_product_first_key_slowest() {
        let mut r = req();
        r.grid = vec![
            overrides::parse_grid("plan.green_channel=true,false").unwrap(),
            overrides::parse_grid("plan.replenish_per_day=1,2,3").unwrap(),
        ];
        let s = plan(TINY, "tiny.toml", &r).unwrap();
        let labels: Vec<&str> = s.settings.iter().map(|s| s.label.as_str()).collect();
        assert_eq!(labels.len(), 6);
        assert_eq!(
            labels[0],
            "plan.green_channel=true, plan.replenish_per_day=1"
        );
        assert_eq!(
            labels[5],
            "plan.green_channel=false, plan.replenish_per_day=3"
        );
        assert!(!s.settings[5].scenario.plan.green_channel);
        assert_eq!(s.settings[5].scenario.plan.replenish_per_day, 3);
        assert_eq!(s.baseline, 0);
    }

    #[test]
    fn a_bad_value_names_the_setting_and_the_flag() {
        let mut r = req();
        r.grid = vec![overrides::parse_grid("plan.point_riders=4,0").unwrap()];
        let e = plan(TINY, "tiny.toml", &r).unwrap_err().to_string();
        assert!(
            e.starts_with("setting `plan.point_riders=0`: tiny.toml: key `plan.point_riders`"),
            "{e}"
        );
        assert!(e.contains("(from --grid plan.point_riders=0)"), "{e}");
    }

    #[test]
    fn shards_partition_the_pairs() {
        let mut r = req();
        r.grid = vec![overrides::parse_grid("plan.point_riders=4,5,6").unwrap()];
        r.replications = Some(7);
        let s = plan(TINY, "tiny.toml", &r).unwrap();
        let all = s.pairs(None);
        assert_eq!(all.len(), 21);
        for n in 1..=5 {
            let mut seen: Vec<(usize, u64)> = (1..=n)
                .flat_map(|k| s.pairs(Some(Shard { k, n })))
                .collect();
            seen.sort();
            assert_eq!(seen, all, "{n} shards");
        }
        assert!(Shard::parse("0/3").is_err());
        assert!(Shard::parse("4/3").is_err());
        assert!(Shard::parse("x").is_err());
        assert_eq!(Shard::parse("2/3"), Ok(Shard { k: 2, n: 3 }));
    }

    #[test]
    fn a_resumed_journal_runs_each_missing_pair_once() {
        let mut r = req();
        r.replications = Some(5);
        let s = plan(TINY, "tiny.toml", &r).unwrap();
        let share = s.share(None);
        let m = files::Manifest::of(&s, None);
        let all = s.run(&s.pairs(None), &|| ());
        let dir = std::env::temp_dir().join(format!("baogong-resume-once-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).unwrap();
        // Pairs 1 and 2 finished ahead of order, then the sweep was killed.
        let mut j = journal::Journal::create(&dir, &m).unwrap();
        j.ahead(&all[1]).unwrap();
        j.ahead(&all[2]).unwrap();
        drop(j);
        let (mut j, resumed) = journal::Journal::resume(&dir, &m, &share).unwrap();
        assert_eq!((resumed.prefix, resumed.done()), (0, 2));
        let runs = std::sync::atomic::AtomicU64::new(0);
        let stop = AtomicBool::new(false);
        let p = s
            .run_journaled(share, &mut j, resumed, 1, &stop, &|| {
                runs.fetch_add(1, Ordering::Relaxed);
            })
            .unwrap();
        assert_eq!(p, Progress { done: 5, all: 5 });
        assert_eq!(runs.into_inner(), 3, "pairs 0, 3 and 4 only");
        drop(j);
        let rows: Vec<Row> = journal::ordered(&dir, share, m.columns.len())
            .unwrap()
            .map(Result::unwrap)
            .collect();
        let back: Vec<Row> = all
            .iter()
            .map(|r| Row {
                values: r.values.iter().map(|v| v.map(|x| x + 0.0)).collect(),
                ..r.clone()
            })
            .collect();
        assert_eq!(rows, back);
        let _ = std::fs::remove_dir_all(&dir);
    }

    #[test]
    fn baseline_by_label() {
        let mut r = req();
        r.grid = vec![overrides::parse_grid("plan.point_riders=4,5").unwrap()];
        r.baseline = Some("plan.point_riders=5".into());
        assert_eq!(plan(TINY, "tiny.toml", &r).unwrap().baseline, 1);
        r.baseline = Some("nope".into());
        let e = plan(TINY, "tiny.toml", &r).unwrap_err().to_string();
        assert!(
            e.contains("`plan.point_riders=4`, `plan.point_riders=5`"),
            "{e}"
        );
    }
}
