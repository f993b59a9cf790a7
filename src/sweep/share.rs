//! The (setting, replication) pairs a sweep or one of its shards runs, in
//! order, by arithmetic: nothing sized by the number of pairs is held.

use super::Shard;

/// The pairs of a sweep of `settings × replications` that `shard` owns
/// (all of them without a shard), in (setting, replication) order.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Share {
    settings: u64,
    replications: u64,
    shard: Option<Shard>,
    len: u64,
}

impl Share {
    /// The share; `None` when the sweep has no pairs or more than 2^63.
    pub fn new(settings: u64, replications: u64, shard: Option<Shard>) -> Option<Share> {
        let total = settings.checked_mul(replications)?;
        if total == 0 || total > 1 << 63 {
            return None;
        }
        let len = match shard {
            None => total,
            Some(s) if s.k == 0 || s.k > s.n => return None,
            Some(s) => {
                let first = s.k - 1;
                if total > first {
                    (total - first - 1) / s.n + 1
                } else {
                    0
                }
            }
        };
        Some(Share {
            settings,
            replications,
            shard,
            len,
        })
    }

    /// Number of pairs.
    pub fn len(&self) -> u64 {
        self.len
    }

    /// Whether there are none (a shard beyond the pairs).
    pub fn is_empty(&self) -> bool {
        self.len == 0
    }

    /// Pairs of the whole sweep.
    pub fn total(&self) -> u64 {
        self.settings * self.replications
    }

    /// The `j`-th pair (`j < len`).
    pub fn pair(&self, j: u64) -> (usize, u64) {
        let i = match self.shard {
            None => j,
            Some(s) => (s.k - 1) + j * s.n,
        };
        ((i / self.replications) as usize, i % self.replications)
    }

    /// The position of a pair in the share, if the share holds it.
    pub fn position(&self, setting: usize, replication: u64) -> Option<u64> {
        if setting as u64 >= self.settings || replication >= self.replications {
            return None;
        }
        let i = setting as u64 * self.replications + replication;
        match self.shard {
            None => Some(i),
            Some(s) => (i % s.n == s.k - 1).then(|| (i - (s.k - 1)) / s.n),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shares_partition_the_pairs_in_order() {
        for (settings, reps) in [(1, 1), (3, 7), (2, 5), (4, 1)] {
            let all: Vec<(usize, u64)> = (0..settings as usize)
                .flat_map(|s| (0..reps).map(move |r| (s, r)))
                .collect();
            for n in 1..=9 {
                let mut seen = Vec::new();
                for k in 1..=n {
                    let sh = Share::new(settings, reps, Some(Shard { k, n })).unwrap();
                    let pairs: Vec<_> = (0..sh.len()).map(|j| sh.pair(j)).collect();
                    assert!(pairs.windows(2).all(|w| w[0] < w[1]));
                    for (j, &(s, r)) in pairs.iter().enumerate() {
                        assert_eq!(sh.position(s, r), Some(j as u64));
                    }
                    seen.extend(pairs);
                }
                seen.sort();
                assert_eq!(seen, all, "{settings}×{reps} in {n}");
            }
        }
        assert!(Share::new(0, 5, None).is_none());
        assert!(Share::new(u64::MAX, 2, None).is_none());
        assert!(Share::new(2, 2, Some(Shard { k: 0, n: 2 })).is_none());
        assert_eq!(
            Share::new(1, 2, Some(Shard { k: 3, n: 5 })).unwrap().len(),
            0
        );
    }
}
