//! `sweep.json`, the manifest of a sweep or shard: scenario name and
//! digest, seed, replications, settings with their overrides, columns,
//! baseline, and for a shard its `k` of `n`. A journal holds one too
//! (`journal.json`), and `merge` checks every field of every shard's.

use serde::{Deserialize, Serialize};

use super::{Shard, Sweep, measure};

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

    /// The shard, if it is one.
    pub fn shard(&self) -> Option<Shard> {
        self.shard.map(|s| Shard { k: s.k, n: s.n })
    }

    /// The header of `replications.csv`.
    pub fn header(&self) -> Vec<String> {
        let mut h: Vec<String> = ["setting", "label", "replication", "seed"]
            .iter()
            .map(|s| s.to_string())
            .collect();
        h.extend(self.columns.iter().cloned());
        h
    }
}
