//! What residents eat: every building eats from its pantry, at each sales
//! round and at midnight, and what an empty pantry cannot give is unmet
//! need (of its district, and of its closure when sealed).

use super::world::*;
use crate::engine::{DAY, SimTime};

/// What each building eats over an interval, for the few intervals of a
/// day (between sales rounds, to midnight, from midnight to opening),
/// worked out once each.
#[derive(Debug, Default)]
pub(crate) struct Rations {
    /// (interval [s], per building × category [g], per district ×
    /// category [g]), the most recently added last.
    kept: Vec<(u64, Vec<i64>, Vec<i64>)>,
}

impl Rations {
    /// Intervals kept at once.
    const KEPT: usize = 4;

    /// Which of `kept` holds what each building and each district eat over
    /// `dt` seconds [g], worked out now if none does.
    fn over(
        &mut self,
        dt: u64,
        need: &[i64],
        buildings: &[super::config::Building],
        nd: usize,
        nc: usize,
    ) -> usize {
        if let Some(k) = self.kept.iter().position(|e| e.0 == dt) {
            return k;
        }
        let share = dt as f64 / DAY as f64;
        let per_building: Vec<i64> = need.iter().map(|&n| (n as f64 * share) as i64).collect();
        let mut per_district = vec![0i64; nd * nc];
        for (b, bd) in buildings.iter().enumerate() {
            for c in 0..nc {
                per_district[bd.district * nc + c] += per_building[b * nc + c];
            }
        }
        if self.kept.len() == Self::KEPT {
            self.kept.remove(0);
        }
        self.kept.push((dt, per_building, per_district));
        self.kept.len() - 1
    }
}

/// A meal under way: the rations of its interval and the need left unmet
/// so far per category [g].
pub(crate) struct Meal {
    rations: Rations,
    k: usize,
    unmet: Vec<i64>,
}

impl World<'_> {
    /// Residents consume from their pantries up to `now`; what an empty
    /// pantry cannot give is unmet need.
    pub(crate) fn consume_all(&mut self, now: SimTime) {
        if let Some(mut meal) = self.meal_until(now) {
            for b in 0..self.sc.city.buildings.len() {
                self.eat(b, &mut meal);
            }
            self.meal_done(meal);
        }
    }

    /// Starts a meal: the consumption from the last one up to `now`, eaten
    /// building by building with [`World::eat`] and closed with
    /// [`World::meal_done`]; `None` if no time has passed.
    pub(crate) fn meal_until(&mut self, now: SimTime) -> Option<Meal> {
        let dt = now.since(self.homes.last_consume).0;
        if dt == 0 {
            return None;
        }
        self.homes.last_consume = now;
        let sc = self.sc;
        let mut rations = std::mem::take(&mut self.homes.rations);
        let k = rations.over(
            dt,
            &self.homes.need,
            &sc.city.buildings,
            sc.city.districts.len(),
            self.nc,
        );
        Some(Meal {
            rations,
            k,
            unmet: vec![0; self.nc],
        })
    }

    /// Building `b` eats its part of `meal`.
    #[inline]
    pub(crate) fn eat(&mut self, b: usize, meal: &mut Meal) {
        let nc = self.nc;
        let row = b * nc;
        let want = &meal.rations.kept[meal.k].1[row..row + nc];
        let pantry = &mut self.homes.pantry[row..row + nc];
        let mut short = 0;
        for c in 0..nc {
            let eaten = want[c].min(pantry[c]);
            pantry[c] -= eaten;
            if eaten < want[c] {
                let miss = want[c] - eaten;
                let d = self.homes.home[b].district as usize;
                self.m.daily[d * nc + c][UNMET] += miss;
                meal.unmet[c] += miss;
                short += miss;
            }
        }
        // Shortage inside a sealed area counts against its closure too.
        let sealed = self.homes.sealed_by[b];
        if short > 0 && sealed != NONE {
            self.resp.closures[sealed as usize].unmet += short;
        }
    }

    /// Closes a meal every building has eaten: the need and consumption of
    /// each district.
    pub(crate) fn meal_done(&mut self, meal: Meal) {
        let nc = self.nc;
        for (i, &g) in meal.rations.kept[meal.k].2.iter().enumerate() {
            self.m.daily[i][NEED] += g;
            self.m.balance[i % nc].consumed_g += g;
        }
        for (c, g) in meal.unmet.into_iter().enumerate() {
            self.m.balance[c].consumed_g -= g;
        }
        self.homes.rations = meal.rations;
    }
}
