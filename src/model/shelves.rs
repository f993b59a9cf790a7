//! The stock of many holders at once (every store, depot or point, each
//! category): the lots of each, and beside them one compact table of the
//! totals.
//!
//! Most reads of stock ask only how much there is: a vehicle choosing
//! what it can load, a store's reorder, a point checking it has goods, the
//! sales round's fill ratios. A holder's [`Lots`] take 72 bytes a category,
//! so a store's six totals would span seven cache lines; in the table they
//! lie in one. The table is kept equal to the lots by every change, which
//! goes through here.

use super::stock::Lots;
use crate::engine::{prefetch, prefetch_slice};

/// Stock per holder × category, in lots, with the totals apart.
#[derive(Debug, Clone, Default)]
pub(crate) struct Shelves {
    totals: Vec<i64>,
    lots: Vec<Lots>,
}

impl FromIterator<Lots> for Shelves {
    fn from_iter<I: IntoIterator<Item = Lots>>(iter: I) -> Shelves {
        let lots: Vec<Lots> = iter.into_iter().collect();
        Shelves {
            totals: lots.iter().map(Lots::total).collect(),
            lots,
        }
    }
}

impl Shelves {
    /// Grams held at `i`.
    #[inline]
    pub(crate) fn total(&self, i: usize) -> i64 {
        self.totals[i]
    }

    /// Grams held at every holder × category, in order.
    #[inline]
    pub(crate) fn totals(&self) -> &[i64] {
        &self.totals
    }

    /// Room for `n` more holders × categories, with nothing held.
    pub(crate) fn extend_empty(&mut self, n: usize) {
        self.lots.resize_with(self.lots.len() + n, Lots::default);
        self.totals.resize(self.lots.len(), 0);
    }

    /// Adds `g` grams made at `made` [s] at `i` ([`Lots::add`]).
    #[inline]
    pub(crate) fn add(&mut self, i: usize, made: i64, g: i64) {
        if g <= 0 {
            return; // (as Lots::add, without reading the lots)
        }
        let lots = &mut self.lots[i];
        lots.add(made, g);
        self.totals[i] = lots.total();
    }

    /// Takes up to `g` grams at `i`, oldest first ([`Lots::take`]).
    #[inline]
    pub(crate) fn take(&mut self, i: usize, g: i64) -> (i64, i64) {
        if g <= 0 || self.totals[i] == 0 {
            return (0, 0); // (as Lots::take, without reading the lots)
        }
        let lots = &mut self.lots[i];
        let out = lots.take(g);
        self.totals[i] = lots.total();
        out
    }

    /// Takes every lot held at `i`.
    pub(crate) fn take_all(&mut self, i: usize) -> Lots {
        self.totals[i] = 0;
        std::mem::take(&mut self.lots[i])
    }

    /// Moves every lot of `other` to `i` ([`Lots::absorb`]).
    pub(crate) fn absorb(&mut self, i: usize, other: &mut Lots) {
        let lots = &mut self.lots[i];
        lots.absorb(other);
        self.totals[i] = lots.total();
    }

    /// A day of ageing at every holder ([`Lots::age_day`]); `shelf(i)` is
    /// the shelf life of `i`'s goods [s]. Calls `spoiled(i, g)` with the
    /// grams each lost.
    pub(crate) fn age_day(
        &mut self,
        now: i64,
        shelf: impl Fn(usize) -> i64,
        mut spoiled: impl FnMut(usize, i64),
    ) {
        for (i, (lots, total)) in self.lots.iter_mut().zip(&mut self.totals).enumerate() {
            spoiled(i, lots.age_day(now, shelf(i)));
            *total = lots.total();
        }
    }

    /// Asks for the lots of `i` ahead of their use.
    pub(crate) fn prefetch_lots(&self, i: usize) {
        if let Some(l) = self.lots.get(i) {
            prefetch(l);
        }
    }

    /// Asks for the totals of `range` ahead of their use (see
    /// [`prefetch`](crate::engine::prefetch)).
    pub(crate) fn prefetch(&self, range: std::ops::Range<usize>) {
        if let Some(row) = self.totals.get(range) {
            prefetch_slice(row);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_totals_follow_every_change_of_the_lots() {
        let mut s: Shelves = [Lots::steady(0, 10, 2.0), Lots::default()]
            .into_iter()
            .collect();
        assert_eq!(s.totals(), &[20, 0]);
        s.add(1, 5, 7);
        assert_eq!(s.take(0, 4), (4, -86_400));
        let mut moved = s.take_all(1);
        assert_eq!(s.totals(), &[16, 0]);
        s.absorb(0, &mut moved);
        assert_eq!(s.total(0), 23);
        s.extend_empty(2);
        assert_eq!(s.totals().len(), 4);
        assert_eq!(s.take(3, 5), (0, 0));
        s.add(3, 0, 0);
        assert_eq!(s.total(3), 0);
        let mut lost = vec![0; 4];
        s.age_day(100 * 86_400, |_| 86_400, |i, g| lost[i] = g);
        assert_eq!(lost, vec![23, 0, 0, 0]);
        assert_eq!(s.totals(), &[0, 0, 0, 0]);
    }
}
