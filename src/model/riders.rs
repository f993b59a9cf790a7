//! Last-mile riders 骑手: one pool per district, shared by online orders
//! from control zones and door delivery from distribution points.
//!
//! A district's riders are `per_10k_residents` per 10,000 of its residents
//! plus those brought in from outside (`riders_added`). Those who live in
//! a sealed area cannot work (the district's attendance). The plan assigns
//! riders to points out of the pool, own district first; the riders left
//! carry online orders, `orders_per_rider_per_day` a day of `kg_per_order`.

/// The riders of every district.
#[derive(Debug, Clone)]
pub(crate) struct RiderPool {
    /// Riders who live in each district.
    resident: Vec<f64>,
    /// Riders brought in from outside, per district (they are not sealed in).
    added: Vec<f64>,
    /// Riders at work at points, by the district they come from.
    at_points: Vec<u32>,
    /// Attendance at the last reset, per district.
    attendance: Vec<f64>,
    /// Online capacity left today, per district [g].
    kg_left: Vec<i64>,
}

impl RiderPool {
    /// The pool of a city whose districts have `pop` residents.
    pub(crate) fn new(pop: &[u64], per_10k: f64) -> RiderPool {
        let n = pop.len();
        RiderPool {
            resident: pop.iter().map(|&p| per_10k * p as f64 / 10_000.0).collect(),
            added: vec![0.0; n],
            at_points: vec![0; n],
            attendance: vec![1.0; n],
            kg_left: vec![0; n],
        }
    }

    /// Riders of district `d` able to work.
    fn available(&self, d: usize) -> u32 {
        (self.resident[d] * self.attendance[d] + self.added[d]).floor() as u32
    }

    /// Riders of district `d` not at points.
    pub(crate) fn free(&self, d: usize) -> u32 {
        self.available(d).saturating_sub(self.at_points[d])
    }

    /// A new day: online capacity from the free riders, `per_rider_g` grams
    /// each, with today's `attendance`.
    pub(crate) fn reset_day(&mut self, attendance: &[f64], per_rider_g: f64) {
        self.attendance.copy_from_slice(attendance);
        for d in 0..self.kg_left.len() {
            self.kg_left[d] = (f64::from(self.free(d)) * per_rider_g) as i64;
        }
    }

    /// Online capacity left today in district `d` [g].
    pub(crate) fn kg_left(&self, d: usize) -> i64 {
        self.kg_left[d]
    }

    /// Uses `g` grams of district `d`'s online capacity.
    pub(crate) fn use_kg(&mut self, d: usize, g: i64) {
        self.kg_left[d] = (self.kg_left[d] - g).max(0);
    }

    /// Takes up to `want` riders for points in district `home`: its own
    /// free riders first, then other districts' in order. Returns who
    /// came from where. `day_left` is the share of today still to work,
    /// by which their online capacity falls (`per_rider_g` each).
    pub(crate) fn assign(
        &mut self,
        home: usize,
        want: u32,
        day_left: f64,
        per_rider_g: f64,
    ) -> Vec<(usize, u32)> {
        let n = self.at_points.len();
        let mut got = Vec::new();
        let mut left = want;
        for d in std::iter::once(home).chain((0..n).filter(|&d| d != home)) {
            if left == 0 {
                break;
            }
            let take = self.free(d).min(left);
            if take > 0 {
                self.at_points[d] += take;
                self.kg_left[d] =
                    (self.kg_left[d] - (f64::from(take) * per_rider_g * day_left) as i64).max(0);
                got.push((d, take));
                left -= take;
            }
        }
        got
    }

    /// Riders leave points and go back to their districts' pool.
    pub(crate) fn release(&mut self, from: &[(usize, u32)]) {
        for &(d, n) in from {
            self.at_points[d] = self.at_points[d].saturating_sub(n);
        }
    }

    /// Riders brought in from outside, spread over the districts in
    /// proportion to `pop`; each adds `today_g` grams of online capacity
    /// for what is left of today.
    pub(crate) fn bring_in(&mut self, count: u32, pop: &[u64], today_g: f64) {
        let total: u64 = pop.iter().sum();
        for (d, &p) in pop.iter().enumerate() {
            let before = self.free(d);
            self.added[d] += f64::from(count) * p as f64 / total.max(1) as f64;
            let new = self.free(d) - before;
            self.kg_left[d] += (f64::from(new) * today_g) as i64;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn points_take_riders_from_the_pool_own_district_first() {
        let mut p = RiderPool::new(&[100_000, 100_000], 10.0);
        p.reset_day(&[1.0, 0.5], 1_000.0);
        assert_eq!((p.free(0), p.free(1)), (100, 50));
        assert_eq!(p.kg_left(1), 50_000);
        let got = p.assign(1, 80, 0.5, 1_000.0);
        assert_eq!(got, vec![(1, 50), (0, 30)]);
        assert_eq!((p.free(0), p.free(1)), (70, 0));
        assert_eq!(p.kg_left(0), 100_000 - 15_000);
        // Nobody left for more points than the city has.
        assert_eq!(p.assign(0, 500, 0.0, 0.0), vec![(0, 70)]);
        p.release(&got);
        assert_eq!(p.free(1), 50);
        p.bring_in(20, &[100_000, 100_000], 0.0);
        p.reset_day(&[1.0, 1.0], 1.0);
        assert_eq!(p.free(1), 110);
    }
}
