//! Stock that ages: the goods of one category at one holder (a store, a
//! depot, a distribution point) in lots by the time they were made, sold
//! and shipped first in, first out, and spoiled when a lot passes its
//! shelf life.
//!
//! Goods made on the same day join one lot, so a holder keeps at most one
//! lot per day of the stock it holds. A shipment carries the mean time its
//! goods were made (weighted by grams); that is the one approximation.

use std::collections::VecDeque;

use crate::engine::DAY;

/// Goods of one category at one holder [g], in lots, oldest first.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) struct Lots {
    total: i64,
    /// (made at [s since the start, may be before it], grams).
    lots: VecDeque<(i64, i64)>,
}

impl Lots {
    /// Grams held.
    pub(crate) fn total(&self) -> i64 {
        self.total
    }

    /// Adds `g` grams made at `made` [s]; lots stay in order of making.
    pub(crate) fn add(&mut self, made: i64, g: i64) {
        if g <= 0 {
            return;
        }
        self.total += g;
        let day = made.div_euclid(DAY as i64);
        let same_day = |m: i64| m.div_euclid(DAY as i64) == day;
        match self.lots.back_mut() {
            Some(back) if back.0 <= made => {
                if same_day(back.0) {
                    back.1 += g;
                } else {
                    self.lots.push_back((made, g));
                }
            }
            None => self.lots.push_back((made, g)),
            Some(_) => {
                // Older than the newest lot (goods that waited elsewhere):
                // into its place, joining a lot of the same day.
                let i = self.lots.partition_point(|l| l.0 <= made);
                if i > 0 && same_day(self.lots[i - 1].0) {
                    self.lots[i - 1].1 += g;
                } else if same_day(self.lots[i].0) {
                    self.lots[i].1 += g;
                } else {
                    self.lots.insert(i, (made, g));
                }
            }
        }
    }

    /// Takes up to `g` grams, oldest first; returns the grams taken and the
    /// mean time they were made (weighted by grams; 0 if none).
    pub(crate) fn take(&mut self, g: i64) -> (i64, i64) {
        let taken = g.clamp(0, self.total);
        let mut left = taken;
        let mut weighted: i128 = 0;
        while left > 0 {
            let front = self.lots.front_mut().expect("lots hold the total");
            let t = front.1.min(left);
            weighted += i128::from(t) * i128::from(front.0);
            front.1 -= t;
            left -= t;
            if front.1 == 0 {
                self.lots.pop_front();
            }
        }
        self.total -= taken;
        let made = if taken > 0 {
            (weighted / i128::from(taken)) as i64
        } else {
            0
        };
        (taken, made)
    }

    /// Removes the lots made before `cutoff` [s] (past their shelf life);
    /// returns the grams spoiled.
    pub(crate) fn spoil_before(&mut self, cutoff: i64) -> i64 {
        let mut g = 0;
        while let Some(&(made, amount)) = self.lots.front() {
            if made >= cutoff {
                break;
            }
            g += amount;
            self.lots.pop_front();
        }
        self.total -= g;
        g
    }

    /// Moves every lot of `other` here.
    pub(crate) fn absorb(&mut self, other: &mut Lots) {
        for (made, g) in std::mem::take(&mut other.lots) {
            self.add(made, g);
        }
        other.total = 0;
    }

    /// Stock of `days` of `daily` grams that arrived at a steady pace, so
    /// that its oldest lot is `days` old at `now` (a holder at the start of
    /// a run, in a steady state).
    pub(crate) fn steady(now: i64, daily: i64, days: f64) -> Lots {
        let mut lots = Lots::default();
        let total = (daily as f64 * days).round() as i64;
        let whole = days.floor() as i64;
        let mut given = 0;
        for k in (0..=whole).rev() {
            let g = if k == whole {
                total - daily * whole
            } else {
                daily
            };
            let g = g.min(total - given);
            if g > 0 {
                lots.add(now - k * DAY as i64, g);
                given += g;
            }
        }
        lots
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn first_in_first_out() {
        let mut l = Lots::default();
        l.add(0, 100);
        l.add(DAY as i64, 50);
        assert_eq!(l.total(), 150);
        assert_eq!(l.take(120), (120, 20 * DAY as i64 / 120));
        assert_eq!(l.total(), 30);
        assert_eq!(l.take(100), (30, DAY as i64));
        assert_eq!(l.total(), 0);
        assert_eq!(l.take(5), (0, 0));
    }

    #[test]
    fn spoils_only_lots_past_their_life() {
        let mut l = Lots::default();
        l.add(0, 10);
        l.add(2 * DAY as i64, 20);
        l.add(3 * DAY as i64, 30);
        assert_eq!(l.spoil_before(2 * DAY as i64), 10);
        assert_eq!(l.total(), 50);
        assert_eq!(l.spoil_before(0), 0);
    }

    #[test]
    fn older_goods_go_into_their_place() {
        let mut l = Lots::default();
        l.add(5 * DAY as i64, 10);
        l.add(DAY as i64, 7);
        l.add(DAY as i64 + 60, 3);
        assert_eq!(l.spoil_before(2 * DAY as i64), 10);
        assert_eq!(l.total(), 10);
    }

    #[test]
    fn a_steady_stock_holds_its_days() {
        let l = Lots::steady(0, 1_000, 2.5);
        assert_eq!(l.total(), 2_500);
        let mut m = l.clone();
        // Lots of one day each, the oldest two days old.
        assert_eq!(m.spoil_before(-2 * DAY as i64), 0);
        assert_eq!(m.spoil_before(-(DAY as i64) + 1), 1_500);
    }
}
