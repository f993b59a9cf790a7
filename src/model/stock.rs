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

/// Shape of the ageing curve: the share of a lot gone bad by age `a` is
/// `(a / shelf life)^SPOIL_SHAPE` (see `docs/model.md`).
pub(crate) const SPOIL_SHAPE: i32 = 8;

/// Goods of one category at one holder [g], in lots, oldest first.
///
/// The oldest and the newest lot are kept in the holder itself and only
/// the lots between them on the heap: a sale or a shipment takes from the
/// oldest and a delivery joins the newest, so the usual take and add touch
/// no memory beyond the holder (most holders keep two or three lots).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) struct Lots {
    total: i64,
    /// (made at [s since the start, may be before it], grams) of the
    /// oldest lot; no grams: no lot at all.
    head: (i64, i64),
    /// The newest lot when there are two or more; no grams: one at most.
    tail: (i64, i64),
    /// The lots between the oldest and the newest, oldest first.
    mid: VecDeque<(i64, i64)>,
}

impl Lots {
    /// Grams held.
    pub(crate) fn total(&self) -> i64 {
        self.total
    }

    /// The lots, oldest first.
    fn to_vec(&self) -> Vec<(i64, i64)> {
        let mut v = Vec::with_capacity(self.mid.len() + 2);
        if self.head.1 > 0 {
            v.push(self.head);
        }
        v.extend(self.mid.iter().copied());
        if self.tail.1 > 0 {
            v.push(self.tail);
        }
        v
    }

    /// Holds `lots` (oldest first, none empty) in place of the lots held;
    /// the total is left as it is.
    fn set_lots(&mut self, lots: Vec<(i64, i64)>) {
        self.head = (0, 0);
        self.tail = (0, 0);
        self.mid.clear();
        for lot in lots {
            self.push_back(lot);
        }
    }

    /// Appends a lot newer than every lot held.
    fn push_back(&mut self, lot: (i64, i64)) {
        if self.head.1 == 0 {
            self.head = lot;
        } else if self.tail.1 == 0 {
            self.tail = lot;
        } else {
            self.mid.push_back(std::mem::replace(&mut self.tail, lot));
        }
    }

    /// Drops the oldest lot (emptied).
    fn pop_front(&mut self) {
        self.head = match self.mid.pop_front() {
            Some(lot) => lot,
            None => std::mem::take(&mut self.tail),
        };
    }

    /// Adds `g` grams made at `made` [s]; lots stay in order of making.
    pub(crate) fn add(&mut self, made: i64, g: i64) {
        if g <= 0 {
            return;
        }
        self.total += g;
        let day = made.div_euclid(DAY as i64);
        let same_day = |m: i64| m.div_euclid(DAY as i64) == day;
        let back = if self.tail.1 > 0 {
            &mut self.tail
        } else {
            &mut self.head
        };
        if back.1 == 0 {
            *back = (made, g);
        } else if back.0 <= made {
            if same_day(back.0) {
                back.1 += g;
            } else {
                self.push_back((made, g));
            }
        } else {
            // Older than the newest lot (goods that waited elsewhere): into
            // its place, joining a lot of the same day.
            let mut lots = self.to_vec();
            let i = lots.partition_point(|l| l.0 <= made);
            if i > 0 && same_day(lots[i - 1].0) {
                lots[i - 1].1 += g;
            } else if same_day(lots[i].0) {
                lots[i].1 += g;
            } else {
                lots.insert(i, (made, g));
            }
            self.set_lots(lots);
        }
    }

    /// Takes up to `g` grams, oldest first; returns the grams taken and the
    /// mean time they were made (weighted by grams; 0 if none).
    pub(crate) fn take(&mut self, g: i64) -> (i64, i64) {
        let taken = g.clamp(0, self.total);
        if taken == 0 {
            return (0, 0);
        }
        // The oldest lot holds it all (the common case): its date, with no
        // weighted mean (which would give the same).
        if self.head.1 >= taken {
            let made = self.head.0;
            self.head.1 -= taken;
            if self.head.1 == 0 {
                self.pop_front();
            }
            self.total -= taken;
            return (taken, made);
        }
        let mut left = taken;
        let mut weighted: i128 = 0;
        while left > 0 {
            debug_assert!(self.head.1 > 0, "lots hold the total");
            let t = self.head.1.min(left);
            weighted += i128::from(t) * i128::from(self.head.0);
            self.head.1 -= t;
            left -= t;
            if self.head.1 == 0 {
                self.pop_front();
            }
        }
        self.total -= taken;
        // The same quotient in 64 bits when the sum fits (it nearly always
        // does), without the slower 128-bit division.
        let made = match i64::try_from(weighted) {
            Ok(w) => w / taken,
            Err(_) => (weighted / i128::from(taken)) as i64,
        };
        (taken, made)
    }

    /// A day of ageing at `now` [s] for goods of `shelf` [s]: every lot
    /// loses the share of it that goes bad during the day just ended, and a
    /// lot past its shelf life goes whole. Returns the grams spoiled.
    ///
    /// Quality is lost faster as goods age: the share of a lot gone bad by
    /// age `a` is `(a / shelf)^SPOIL_SHAPE` (a Weibull-type ageing), so
    /// goods sold young are hardly touched and goods held near their shelf
    /// life are lost.
    pub(crate) fn age_day(&mut self, now: i64, shelf: i64) -> i64 {
        let gone = |age: i64| -> f64 {
            if age <= 0 {
                0.0
            } else {
                (age as f64 / shelf as f64).min(1.0).powi(SPOIL_SHAPE)
            }
        };
        let mut g = 0;
        let mut emptied = false;
        let mut age = |lot: &mut (i64, i64)| {
            if lot.1 == 0 {
                return;
            }
            let age = now - lot.0;
            let (before, after) = (gone(age - DAY as i64), gone(age));
            let share = if after >= 1.0 {
                1.0
            } else {
                (after - before) / (1.0 - before)
            };
            let lost = crate::engine::round_i64((lot.1 as f64) * share);
            let lost = lost.clamp(0, lot.1);
            lot.1 -= lost;
            g += lost;
            emptied |= lot.1 == 0;
        };
        age(&mut self.head);
        self.mid.iter_mut().for_each(&mut age);
        age(&mut self.tail);
        if emptied {
            let lots = self.to_vec().into_iter().filter(|l| l.1 > 0).collect();
            self.set_lots(lots);
        }
        self.total -= g;
        g
    }

    /// Removes the lots made before `cutoff` [s] (past their shelf life);
    /// returns the grams spoiled.
    #[cfg(test)]
    pub(crate) fn spoil_before(&mut self, cutoff: i64) -> i64 {
        let mut g = 0;
        while self.head.1 > 0 && self.head.0 < cutoff {
            g += self.head.1;
            self.pop_front();
        }
        self.total -= g;
        g
    }

    /// Moves every lot of `other` here.
    pub(crate) fn absorb(&mut self, other: &mut Lots) {
        let lots = other.to_vec();
        *other = Lots::default();
        for (made, g) in lots {
            self.add(made, g);
        }
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

    /// The lots as one plain queue, oldest first: what [`Lots`] keeps in
    /// three places must behave as this does.
    #[derive(Default)]
    struct Plain {
        total: i64,
        lots: VecDeque<(i64, i64)>,
    }

    impl Plain {
        fn add(&mut self, made: i64, g: i64) {
            if g <= 0 {
                return;
            }
            self.total += g;
            let day = made.div_euclid(DAY as i64);
            let same_day = |m: i64| m.div_euclid(DAY as i64) == day;
            let i = self.lots.partition_point(|l| l.0 <= made);
            if i > 0 && same_day(self.lots[i - 1].0) {
                self.lots[i - 1].1 += g;
            } else if i < self.lots.len() && same_day(self.lots[i].0) {
                self.lots[i].1 += g;
            } else {
                self.lots.insert(i, (made, g));
            }
        }

        fn take(&mut self, g: i64) -> (i64, i64) {
            let taken = g.clamp(0, self.total);
            if taken == 0 {
                return (0, 0);
            }
            let (mut left, mut weighted) = (taken, 0i128);
            while left > 0 {
                let front = self.lots.front_mut().unwrap();
                let t = front.1.min(left);
                weighted += i128::from(t) * i128::from(front.0);
                front.1 -= t;
                left -= t;
                if front.1 == 0 {
                    self.lots.pop_front();
                }
            }
            self.total -= taken;
            (taken, (weighted / i128::from(taken)) as i64)
        }
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(256))]
        /// Adds (in order and out of it), takes, a day's ageing and
        /// absorbing another holder: the same grams, dates and lots as one
        /// plain queue.
        #[test]
        fn lots_behave_as_one_plain_queue(
            ops in proptest::collection::vec((0u8..4, 0i64..12 * DAY as i64, 0i64..5_000), 1..80)
        ) {
            let (mut l, mut p) = (Lots::default(), Plain::default());
            let mut now = 0i64;
            for (op, t, g) in ops {
                match op {
                    0 => {
                        // Mostly newer goods, now and then older ones.
                        let made = if g % 5 == 0 { t / 2 } else { now + t % DAY as i64 };
                        now = now.max(made);
                        l.add(made, g);
                        p.add(made, g);
                    }
                    1 => proptest::prop_assert_eq!(l.take(g), p.take(g)),
                    2 => {
                        now += DAY as i64;
                        let shelf = 3 * DAY as i64 + t % (6 * DAY as i64);
                        let lost = l.age_day(now, shelf);
                        let mut plain = Lots { total: p.total, ..Lots::default() };
                        plain.set_lots(p.lots.iter().copied().collect());
                        proptest::prop_assert_eq!(lost, plain.age_day(now, shelf));
                        p.lots = plain.to_vec().into();
                        p.total = plain.total;
                    }
                    _ => {
                        let mut other = Lots::default();
                        other.add(t, g);
                        other.add(t + DAY as i64, g / 2 + 1);
                        for (m, g) in other.to_vec() {
                            p.add(m, g);
                        }
                        l.absorb(&mut other);
                        proptest::prop_assert_eq!(other.total(), 0);
                        proptest::prop_assert!(other.to_vec().is_empty());
                    }
                }
                proptest::prop_assert_eq!(l.total(), p.total);
                proptest::prop_assert_eq!(l.to_vec(), p.lots.iter().copied().collect::<Vec<_>>());
                proptest::prop_assert!(l.to_vec().iter().all(|x| x.1 > 0));
            }
        }
    }

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
    fn ageing_loses_more_as_goods_grow_old() {
        let day = DAY as i64;
        let mut young = Lots::default();
        young.add(0, 1_000_000);
        // One day old of a ten-day life: next to nothing.
        assert!(young.age_day(day, 10 * day) <= 1);
        let mut old = Lots::default();
        old.add(0, 1_000_000);
        // From 8 to 9 days of 10: 0.8^k gone before, 0.9^k after.
        let (b, a) = (0.8f64.powi(SPOIL_SHAPE), 0.9f64.powi(SPOIL_SHAPE));
        let want = 1e6 * (a - b) / (1.0 - b);
        let lost = old.age_day(9 * day, 10 * day);
        assert!((lost as f64 - want).abs() < 2.0, "{lost} vs {want}");
        // Past its shelf life, the lot goes whole.
        assert_eq!(old.age_day(10 * day, 10 * day), 1_000_000 - lost);
        assert_eq!(old.total(), 0);
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
