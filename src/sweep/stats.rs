//! Summary statistics over replications: mean, standard deviation, 95%
//! confidence intervals (Student's t), paired differences, and the tail
//! (median, 90th and 95th percentiles, share of values above zero).
//!
//! Sums run in replication order, so the same values give the same bits
//! however the replications were scheduled.

use statrs::distribution::{ContinuousCDF, StudentsT};

/// Mean, spread and 95% interval of one sample.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Estimate {
    /// Number of values.
    pub n: usize,
    /// Sample mean.
    pub mean: f64,
    /// Sample standard deviation (n - 1); `None` with fewer than 2 values.
    pub sd: Option<f64>,
    /// Half-width of the 95% confidence interval of the mean; `None` with
    /// fewer than 2 values.
    pub half_width: Option<f64>,
}

impl Estimate {
    /// The interval `(low, high)`, if there is one.
    pub fn interval(&self) -> Option<(f64, f64)> {
        self.half_width.map(|h| (self.mean - h, self.mean + h))
    }
}

/// The 0.975 quantile of Student's t with `df` degrees of freedom.
pub fn t975(df: usize) -> f64 {
    StudentsT::new(0.0, 1.0, df as f64)
        .map(|t| t.inverse_cdf(0.975))
        .unwrap_or(f64::NAN)
}

/// Estimates from `values`; `None` when there are none.
pub fn estimate(values: &[f64]) -> Option<Estimate> {
    let n = values.len();
    if n == 0 {
        return None;
    }
    let mean = values.iter().sum::<f64>() / n as f64;
    if n < 2 {
        return Some(Estimate {
            n,
            mean,
            sd: None,
            half_width: None,
        });
    }
    let ss: f64 = values.iter().map(|v| (v - mean) * (v - mean)).sum();
    let sd = (ss / (n - 1) as f64).sqrt();
    Some(Estimate {
        n,
        mean,
        sd: Some(sd),
        half_width: Some(t975(n - 1) * sd / (n as f64).sqrt()),
    })
}

/// Paired difference `a - b` over the replications where both have a value.
pub fn paired(a: &[Option<f64>], b: &[Option<f64>]) -> Option<Estimate> {
    let d: Vec<f64> = a
        .iter()
        .zip(b)
        .filter_map(|(x, y)| Some((*x)? - (*y)?))
        .collect();
    estimate(&d)
}

/// The distribution of one sample beyond its mean: what a mean hides
/// when a few replications go badly.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Tail {
    /// Median (50th percentile).
    pub median: f64,
    /// 90th percentile.
    pub p90: f64,
    /// 95th percentile.
    pub p95: f64,
    /// Share of the values above zero, 0..1 (for shortage person-days:
    /// the share of replications with any shortage).
    pub share_above_0: f64,
}

/// The `p` quantile (0..1) of `sorted` (ascending, not empty): linear
/// interpolation between the order statistics at `p × (n − 1)` (the
/// usual definition, "type 7", as in R's and NumPy's defaults).
pub fn quantile(sorted: &[f64], p: f64) -> f64 {
    let h = p.clamp(0.0, 1.0) * (sorted.len() - 1) as f64;
    let lo = h.floor() as usize;
    let hi = h.ceil() as usize;
    sorted[lo] + (h - lo as f64) * (sorted[hi] - sorted[lo])
}

/// The tail of `values`; `None` when there are none.
pub fn tail(values: &[f64]) -> Option<Tail> {
    if values.is_empty() {
        return None;
    }
    let mut v = values.to_vec();
    v.sort_by(f64::total_cmp);
    Some(Tail {
        median: quantile(&v, 0.5),
        p90: quantile(&v, 0.9),
        p95: quantile(&v, 0.95),
        share_above_0: v.iter().filter(|x| **x > 0.0).count() as f64 / v.len() as f64,
    })
}

/// Competition ranks (1, 2, 2, 4) by ascending value; `None` stays unranked.
pub fn ranks(means: &[Option<f64>]) -> Vec<Option<usize>> {
    means
        .iter()
        .map(|m| m.map(|m| 1 + means.iter().filter(|o| o.is_some_and(|o| o < m)).count()))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn t_quantiles_match_tables() {
        // Standard tables: t(0.975; 1) = 12.706, t(0.975; 19) = 2.093, t(0.975; 999) = 1.962.
        assert!((t975(1) - 12.7062).abs() < 1e-3);
        assert!((t975(19) - 2.0930).abs() < 1e-3);
        assert!((t975(999) - 1.9623).abs() < 1e-3);
    }

    #[test]
    fn estimate_of_a_known_sample() {
        let e = estimate(&[2.0, 4.0, 4.0, 4.0, 5.0, 5.0, 7.0, 9.0]).unwrap();
        assert_eq!(e.n, 8);
        assert_eq!(e.mean, 5.0);
        // Sum of squares 32, n - 1 = 7.
        assert!((e.sd.unwrap() - (32.0f64 / 7.0).sqrt()).abs() < 1e-12);
        let h = t975(7) * (32.0f64 / 7.0).sqrt() / 8f64.sqrt();
        assert!((e.half_width.unwrap() - h).abs() < 1e-12);
        assert!(estimate(&[]).is_none());
        assert_eq!(estimate(&[3.0]).unwrap().sd, None);
    }

    #[test]
    fn paired_differences_skip_missing_values() {
        let a = [Some(3.0), None, Some(5.0), Some(9.0)];
        let b = [Some(1.0), Some(2.0), None, Some(6.0)];
        let d = paired(&a, &b).unwrap();
        assert_eq!(d.n, 2);
        assert_eq!(d.mean, 2.5);
    }

    #[test]
    fn quantiles_interpolate_between_order_statistics() {
        // numpy.percentile([1, 2, 3, 4, 10], [50, 90, 95]) = 3, 7.6, 8.8.
        let t = tail(&[10.0, 2.0, 4.0, 1.0, 3.0]).unwrap();
        assert_eq!(t.median, 3.0);
        assert!((t.p90 - 7.6).abs() < 1e-12);
        assert!((t.p95 - 8.8).abs() < 1e-12);
        assert_eq!(t.share_above_0, 1.0);
        // Mostly zero with a bad tail: the mean hides it, the tail shows it.
        let mut v = vec![0.0; 95];
        v.extend([100.0; 5]);
        let t = tail(&v).unwrap();
        assert_eq!(t.median, 0.0);
        assert_eq!(t.p90, 0.0);
        assert!((t.p95 - 5.0).abs() < 1e-9, "{}", t.p95);
        assert_eq!(t.share_above_0, 0.05);
        assert_eq!(quantile(&[7.0], 0.95), 7.0);
        assert!(tail(&[]).is_none());
    }

    #[test]
    fn ranks_share_ties() {
        let r = ranks(&[Some(2.0), Some(1.0), Some(2.0), None, Some(0.5)]);
        assert_eq!(r, vec![Some(3), Some(2), Some(3), None, Some(1)]);
    }

    #[test]
    fn coverage_of_the_interval_is_near_95_percent() {
        // Normal samples of 10 from a fixed generator: the interval should
        // cover the true mean in about 95% of 4,000 trials (±4σ: 93.6–96.4%).
        use rand::SeedableRng;
        use rand::rngs::Xoshiro256PlusPlus;
        use rand_distr::{Distribution, Normal};
        let mut rng = Xoshiro256PlusPlus::seed_from_u64(7);
        let normal = Normal::new(10.0, 3.0).unwrap();
        let trials = 4_000;
        let covered = (0..trials)
            .filter(|_| {
                let xs: Vec<f64> = (0..10).map(|_| normal.sample(&mut rng)).collect();
                let (lo, hi) = estimate(&xs).unwrap().interval().unwrap();
                lo <= 10.0 && 10.0 <= hi
            })
            .count();
        let share = covered as f64 / trials as f64;
        assert!((0.936..=0.964).contains(&share), "coverage {share}");
    }
}
