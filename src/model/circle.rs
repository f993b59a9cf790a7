//! Supply circles: which production bases feed the depots of each district.
//!
//! A wholesale market or warehouse buys from a few production bases, not
//! from every base of a region however large. Up to [`FEW`] bases, every
//! depot orders from all of them, each base for its share of the bases'
//! output. With more, districts and bases are laid in the order they are
//! listed along one ring (the scenario has no map): each district takes an
//! arc as long as its share of the city's residents, each base one as long
//! as its share of the output. A district's depots order from the bases
//! that lie within a window of the ring about [`FEW`] bases wide centred
//! on the district (or the district's own arc, if wider), each for the
//! part of the window it covers. Each base then feeds about the share of
//! the city its output covers, and the orders of a depot review grow with
//! the depots, not with depots × bases.

/// Bases a depot orders from at most about; with this many bases or fewer,
/// every depot orders from all of them.
pub(crate) const FEW: usize = 4;

/// Overlaps shorter than this share of the ring are edges touching, from
/// rounding, not a base in a window.
const TOUCH: f64 = 1e-12;

/// Per district, the bases (index into `output`) that feed its depots and
/// the share of their orders each takes, summing to one; `None` where every
/// depot orders from every base by its share of output (no more than
/// [`FEW`] bases). `residents` holds each district's residents, `output`
/// each base's share of production.
pub(crate) fn circles(residents: &[u64], output: &[f64]) -> Option<Vec<Vec<(usize, f64)>>> {
    let nb = output.len();
    if nb <= FEW {
        return None;
    }
    // Arc ends along the ring [0, 1]; equal arcs where the weights are all
    // zero.
    let ends = |w: &[f64]| -> Vec<f64> {
        let total: f64 = w.iter().sum();
        let mut at = 0.0;
        w.iter()
            .map(|&x| {
                at += if total > 0.0 {
                    x / total
                } else {
                    1.0 / w.len() as f64
                };
                at
            })
            .collect()
    };
    let pop: Vec<f64> = residents.iter().map(|&r| r as f64).collect();
    let d_end = ends(&pop);
    let b_end = ends(&output.iter().map(|&x| x.max(0.0)).collect::<Vec<_>>());
    let b_lo = |b: usize| if b == 0 { 0.0 } else { b_end[b - 1] };
    let width = FEW as f64 / nb as f64;
    let mut out = Vec::with_capacity(residents.len());
    for d in 0..residents.len() {
        let lo = if d == 0 { 0.0 } else { d_end[d - 1] };
        let hi = d_end[d];
        let half = (hi - lo).max(width) / 2.0;
        let mid = (lo + hi) / 2.0;
        let (w_lo, w_hi) = (mid - half, mid + half);
        // The window may wrap past either end of the ring: look at the
        // bases' arcs shifted by one turn either way too.
        let mut feed: Vec<(usize, f64)> = Vec::new();
        for turn in [-1.0, 0.0, 1.0] {
            for b in 0..nb {
                let overlap = (b_end[b] + turn).min(w_hi) - (b_lo(b) + turn).max(w_lo);
                if overlap > TOUCH {
                    match feed.iter_mut().find(|f| f.0 == b) {
                        Some(f) => f.1 += overlap,
                        None => feed.push((b, overlap)),
                    }
                }
            }
        }
        feed.sort_by_key(|f| f.0);
        let total: f64 = feed.iter().map(|f| f.1).sum();
        for f in &mut feed {
            f.1 /= total;
        }
        out.push(feed);
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_few_bases_feed_every_depot() {
        assert!(circles(&[100, 100, 100], &[0.55, 0.55]).is_none());
        assert!(circles(&[100; 16], &[0.25; FEW]).is_none());
        assert!(circles(&[5, 7], &[]).is_none());
    }

    /// What each base is asked for, as a share of the city, if every
    /// district orders its share of residents.
    fn loads(residents: &[u64], output: &[f64]) -> Vec<f64> {
        let c = circles(residents, output).expect("more than a few bases");
        let pop: f64 = residents.iter().map(|&r| r as f64).sum();
        let mut fed = vec![0.0; output.len()];
        for (d, feed) in c.iter().enumerate() {
            let shares: f64 = feed.iter().map(|f| f.1).sum();
            assert!((shares - 1.0).abs() < 1e-9, "district {d}: {shares}");
            assert!(feed.len() <= FEW + 2, "district {d}: {feed:?}");
            for &(b, s) in feed {
                fed[b] += s * residents[d] as f64 / pop;
            }
        }
        fed
    }

    #[test]
    fn each_base_is_asked_for_about_the_share_its_output_covers() {
        // The city benchmark's cities (2 bases per 3 districts), and an
        // uneven one.
        for (nd, nb) in [(12, 8), (48, 32), (75, 50)] {
            let fed = loads(&vec![333_333; nd], &vec![1.1 / nb as f64; nb]);
            for (b, f) in fed.iter().enumerate() {
                let ratio = f * nb as f64;
                assert!((0.9..1.1).contains(&ratio), "{nd}/{nb}, base {b}: {ratio}");
            }
        }
        let residents: Vec<u64> = (0..48).map(|d| 300_000 + 7_919 * (d % 5)).collect();
        let output: Vec<f64> = (0..32).map(|b| 1.0 + 0.1 * f64::from(b % 3)).collect();
        let total: f64 = output.iter().sum();
        for (b, f) in loads(&residents, &output).iter().enumerate() {
            let ratio = f / (output[b] / total);
            assert!((0.85..1.15).contains(&ratio), "base {b}: {ratio}");
        }
    }

    #[test]
    fn a_depot_orders_from_a_few_nearby_bases() {
        let c = circles(&[1; 48], &[1.0; 32]).unwrap();
        for (d, feed) in c.iter().enumerate() {
            assert!(
                (FEW..=FEW + 1).contains(&feed.len()),
                "district {d}: {feed:?}"
            );
        }
        // The first district's window wraps round to the last bases.
        assert!(c[0].iter().any(|f| f.0 == 31) && c[0].iter().any(|f| f.0 == 0));
    }

    #[test]
    fn a_district_wider_than_the_window_orders_across_its_own_arc() {
        let c = circles(&[1, 1], &[1.0; 20]).unwrap();
        assert_eq!(
            c[0].iter().map(|f| f.0).collect::<Vec<_>>(),
            (0..10).collect::<Vec<_>>()
        );
        assert_eq!(
            c[1].iter().map(|f| f.0).collect::<Vec<_>>(),
            (10..20).collect::<Vec<_>>()
        );
    }
}
