//! The orders waiting for one origin's vehicles, in the order they wait.
//!
//! An order joins the one already waiting for the same destination and
//! purpose with goods of the same kind (fresh or not), so at most one
//! order per (destination, purpose, fresh) waits at a time. The queue
//! knows where each of those waits and the grams waiting per category, so
//! that adding an order and asking what is owed take no scan of a long
//! queue. Each order also carries where its route would go (its area) and
//! which categories it wants, so that planning a route reads neither the
//! city nor the order's amounts to choose its stops.
//!
//! # Layout
//!
//! A route planner scans the queue's front for its stops and then reads
//! the amounts of the few it makes, and those reads are the slow part of
//! planning a route: an order waits for hours among thousands of events,
//! so its memory is cold. So what the planner scans (which categories an
//! order wants, its area, where its amounts are: a [`Tag`], 24 bytes) is a
//! compact table of its own, and the amounts of every order lie in one
//! table of `nc` figures a slot, reused as orders come and go, rather than
//! in a vector of their own each; a [`Tag`] names the slot, so the planner
//! can ask for the amounts ahead ([`OrderQueue::prefetch_front`]) without
//! a read that could miss the cache.

use std::collections::VecDeque;

use rustc_hash::FxHashMap;
use std::collections::hash_map::Entry;

use super::logistics::Area;
use super::world::{Dest, ShipKind};
use crate::engine::{prefetch, prefetch_slice};

/// One order waiting, with what the queue knows of it.
#[derive(Debug, Clone)]
struct Waiting {
    /// Rising from front to back.
    ticket: u64,
    /// Whether it carries fresh goods.
    part: bool,
    /// Where a route to its destination goes.
    area: Area,
    dest: Dest,
    kind: ShipKind,
}

/// What a route planner scans of an order waiting.
#[derive(Debug, Clone, Copy)]
struct Tag {
    /// Bit `c` set when it wants goods of category `c` (grams above 0).
    wants: u64,
    /// Its area, as [`area_key`] gives it.
    area: u64,
    /// Its slot in [`OrderQueue::amounts`].
    slot: u32,
}

/// `area` as one figure, equal for equal areas only.
fn area_key(area: Area) -> u64 {
    let (kind, i) = match area {
        Area::Closure(i) => (0, i as u64),
        Area::District(i) => (1, i as u64),
        Area::Depot(i) => (2, i as u64),
    };
    debug_assert!(i < 1 << 62, "an index below 2^62");
    kind << 62 | i
}

/// The categories of `amounts` above 0, as bits (at most 64 categories).
fn wants_of(amounts: &[i64]) -> u64 {
    debug_assert!(amounts.len() <= 64, "at most 64 categories");
    amounts
        .iter()
        .enumerate()
        .fold(0, |m, (c, &a)| m | (u64::from(a > 0) << c))
}

/// Orders waiting for vehicles, first come first served.
#[derive(Debug, Clone, Default)]
pub(crate) struct OrderQueue {
    /// Each order, oldest first.
    orders: VecDeque<Waiting>,
    /// Each order's tag, in the same order.
    tags: VecDeque<Tag>,
    /// The grams per category of each order, `nc` figures a slot.
    amounts: Vec<i64>,
    /// Slots of `amounts` no order holds.
    free: Vec<u32>,
    /// Categories (known from the first order).
    nc: usize,
    /// The ticket of the order waiting per (destination, purpose, fresh);
    /// looked up, never iterated, so its order does not matter.
    keys: FxHashMap<(Dest, ShipKind, bool), u64>,
    /// The next ticket.
    next: u64,
    /// Grams waiting per category.
    waiting: Vec<i64>,
    /// Scratch space of [`OrderQueue::requeue`].
    spare: Vec<(usize, Waiting, Tag)>,
}

impl OrderQueue {
    /// Asks for the tags a route planner scans first, up to `look` (see
    /// [`prefetch`](crate::engine::prefetch)).
    pub(crate) fn prefetch_tags(&self, look: usize) {
        let (front, back) = self.tags.as_slices();
        let n = front.len().min(look);
        prefetch_slice(&front[..n]);
        prefetch_slice(&back[..back.len().min(look - n)]);
    }

    /// Asks for the amounts and the entries of the first `k` orders (their
    /// tags read, so best once [`OrderQueue::prefetch_tags`] brought them).
    pub(crate) fn prefetch_front(&self, k: usize) {
        for (t, w) in self.tags.iter().zip(&self.orders).take(k) {
            let at = t.slot as usize * self.nc;
            if let Some(row) = self.amounts.get(at..at + self.nc) {
                prefetch_slice(row);
            }
            prefetch(w);
        }
    }

    /// Orders waiting.
    pub(crate) fn len(&self) -> usize {
        self.orders.len()
    }

    /// Grams of category `c` waiting.
    pub(crate) fn waiting(&self, c: usize) -> i64 {
        self.waiting.get(c).copied().unwrap_or(0)
    }

    /// Adds `amounts` to the grams waiting, with `sign`.
    fn tally(waiting: &mut Vec<i64>, amounts: &[i64], sign: i64) {
        if waiting.len() < amounts.len() {
            waiting.resize(amounts.len(), 0);
        }
        for (w, a) in waiting.iter_mut().zip(amounts) {
            *w += sign * a;
        }
    }

    /// The amounts in `slot`.
    fn slot(&self, slot: u32) -> &[i64] {
        let at = slot as usize * self.nc;
        &self.amounts[at..at + self.nc]
    }

    /// The amounts in `slot`, to change.
    fn slot_mut(&mut self, slot: u32) -> &mut [i64] {
        let at = slot as usize * self.nc;
        &mut self.amounts[at..at + self.nc]
    }

    /// Adds `amounts` (goods of one kind: fresh when `part`, or not; none
    /// negative) for `dest`, whose routes go to `area`: to the order
    /// already waiting for it, or as a new order at the back.
    pub(crate) fn add(
        &mut self,
        dest: Dest,
        kind: ShipKind,
        part: bool,
        amounts: &[i64],
        area: Area,
    ) {
        debug_assert!(amounts.iter().all(|&a| a >= 0));
        if self.nc == 0 {
            self.nc = amounts.len();
        }
        assert_eq!(amounts.len(), self.nc, "one figure per category");
        Self::tally(&mut self.waiting, amounts, 1);
        // One look in the map: the order waiting, or the place of a new one.
        let ticket = match self.keys.entry((dest, kind, part)) {
            Entry::Occupied(e) => Some(*e.get()),
            Entry::Vacant(e) => {
                e.insert(self.next);
                None
            }
        };
        if let Some(ticket) = ticket {
            let j = self
                .orders
                .binary_search_by_key(&ticket, |e| e.ticket)
                .expect("a key names an order waiting");
            let slot = self.tags[j].slot;
            let row = self.slot_mut(slot);
            row.iter_mut().zip(amounts).for_each(|(a, b)| *a += b);
            self.tags[j].wants = wants_of(self.slot(slot));
            return;
        }
        let slot = match self.free.pop() {
            Some(slot) => {
                self.slot_mut(slot).copy_from_slice(amounts);
                slot
            }
            None => {
                let slot = u32::try_from(self.amounts.len() / self.nc)
                    .expect("fewer than 2^32 orders waiting");
                self.amounts.extend_from_slice(amounts);
                slot
            }
        };
        let ticket = self.next;
        self.next += 1;
        self.tags.push_back(Tag {
            wants: wants_of(amounts),
            area: area_key(area),
            slot,
        });
        self.orders.push_back(Waiting {
            ticket,
            part,
            area,
            dest,
            kind,
        });
    }

    /// The end of the look-ahead window of a vehicle that can load the
    /// categories `can` (as bits): just past the first `limit` orders that
    /// want any of them, or the end of the queue. Orders that want none of
    /// them (backorders of goods the origin lacks) do not count, so that
    /// they cannot hide the orders behind them that it can serve.
    pub(crate) fn window(&self, can: u64, limit: usize) -> usize {
        let mut seen = 0;
        for (j, w) in self.tags.iter().enumerate() {
            if w.wants & can != 0 {
                seen += 1;
                if seen == limit {
                    return j + 1;
                }
            }
        }
        self.orders.len()
    }

    /// The first of the first `look` orders that wants category `c`.
    pub(crate) fn first_wanting(&self, c: usize, look: usize) -> Option<usize> {
        let bit = 1u64 << c;
        self.tags.iter().take(look).position(|w| w.wants & bit != 0)
    }

    /// The categories any of the first `look` orders wants, as bits.
    pub(crate) fn wanted(&self, look: usize) -> u64 {
        self.tags.iter().take(look).fold(0, |m, w| m | w.wants)
    }

    /// Where a route to the order at `j` goes.
    pub(crate) fn area(&self, j: usize) -> Area {
        self.orders[j].area
    }

    /// The destination of the order at `j`.
    pub(crate) fn dest(&self, j: usize) -> Dest {
        self.orders[j].dest
    }

    /// The purpose of the order at `j`.
    pub(crate) fn kind(&self, j: usize) -> ShipKind {
        self.orders[j].kind
    }

    /// The grams per category the order at `j` still wants.
    pub(crate) fn amounts(&self, j: usize) -> &[i64] {
        self.slot(self.tags[j].slot)
    }

    /// The first position from `from` on, below `look` and other than
    /// `skip`, of an order whose routes go to `area` and that wants any of
    /// the categories `can` (as bits).
    pub(crate) fn next_for(
        &self,
        area: Area,
        can: u64,
        from: usize,
        look: usize,
        skip: usize,
    ) -> Option<usize> {
        if from >= look {
            return None;
        }
        let area = area_key(area);
        self.tags
            .range(from..look)
            .zip(from..)
            .find(|&(w, j)| w.wants & can != 0 && w.area == area && j != skip)
            .map(|(_, j)| j)
    }

    /// A vehicle loads `load` of the order at `j`: its grams waiting go
    /// down by as much; returns whether any are left.
    pub(crate) fn serve(&mut self, j: usize, load: &[i64]) -> bool {
        Self::tally(&mut self.waiting, load, -1);
        let slot = self.tags[j].slot;
        let row = self.slot_mut(slot);
        row.iter_mut().zip(load).for_each(|(a, g)| *a -= g);
        let left = row.iter().any(|&a| a != 0);
        self.tags[j].wants = wants_of(self.slot(slot));
        left
    }

    /// Takes out the orders at `done` (positions in rising order) that
    /// vehicles have loaded, and puts those of them at `again` (served in
    /// part, in the order they were served) back at the back of the queue
    /// with new tickets, so that the next vehicle serves other destinations
    /// first.
    pub(crate) fn requeue(&mut self, done: &[usize], again: &[usize]) {
        debug_assert!(done.windows(2).all(|p| p[0] < p[1]));
        let mut back = std::mem::take(&mut self.spare);
        for &j in done.iter().rev() {
            let w = self.orders.remove(j).expect("a served order waits");
            let tag = self.tags.remove(j).expect("a served order has a tag");
            if again.contains(&j) {
                back.push((j, w, tag));
            } else {
                debug_assert!(self.slot(tag.slot).iter().all(|&a| a == 0));
                self.keys.remove(&(w.dest, w.kind, w.part));
                self.free.push(tag.slot);
            }
        }
        for &j in again {
            let k = back.iter().position(|e| e.0 == j).expect("served in part");
            let (_, mut w, tag) = back.swap_remove(k);
            w.ticket = self.next;
            self.next += 1;
            *self
                .keys
                .get_mut(&(w.dest, w.kind, w.part))
                .expect("an order served in part keeps its key") = w.ticket;
            self.orders.push_back(w);
            self.tags.push_back(tag);
        }
        self.spare = back;
    }

    /// Keeps only the orders for which `keep` says so, given each one's
    /// destination, purpose and amounts.
    pub(crate) fn retain(&mut self, mut keep: impl FnMut(Dest, ShipKind, &[i64]) -> bool) {
        let kept: Vec<bool> = self
            .orders
            .iter()
            .zip(&self.tags)
            .map(|(w, t)| keep(w.dest, w.kind, self.slot(t.slot)))
            .collect();
        if kept.iter().all(|&k| k) {
            return;
        }
        for ((w, t), _) in self
            .orders
            .iter()
            .zip(&self.tags)
            .zip(&kept)
            .filter(|e| !*e.1)
        {
            let at = t.slot as usize * self.nc;
            Self::tally(&mut self.waiting, &self.amounts[at..at + self.nc], -1);
            self.keys.remove(&(w.dest, w.kind, w.part));
            self.free.push(t.slot);
        }
        let mut k = kept.iter();
        self.orders
            .retain(|_| *k.next().expect("one flag an order"));
        let mut k = kept.iter();
        self.tags.retain(|_| *k.next().expect("one flag a tag"));
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::logistics::Area;
    use crate::model::world::{Dest, ShipKind};

    #[test]
    fn slots_of_orders_gone_are_reused_without_mixing_amounts() {
        let mut q = OrderQueue::default();
        let area = Area::District(0);
        let kind = ShipKind::Restock;
        q.add(Dest::Store(0), kind, false, &[1, 2], area);
        q.add(Dest::Store(1), kind, false, &[3, 0], area);
        q.add(Dest::Store(2), kind, false, &[0, 5], area);
        // The order for store 0 joins the one waiting.
        q.add(Dest::Store(0), kind, false, &[10, 0], area);
        assert_eq!((q.len(), q.waiting(0), q.waiting(1)), (3, 14, 7));
        assert_eq!(q.amounts(0), &[11, 2]);
        // Store 1's order served whole, store 2's in part.
        assert!(!q.serve(1, &[3, 0]));
        assert!(q.serve(2, &[0, 4]));
        q.requeue(&[1, 2], &[2]);
        assert_eq!(q.dest(0), Dest::Store(0));
        assert_eq!(q.dest(1), Dest::Store(2));
        assert_eq!(q.amounts(1), &[0, 1]);
        assert_eq!(q.wanted(2), 0b11);
        // A new order takes the slot store 1's order left.
        q.add(Dest::Store(3), kind, true, &[7, 7], area);
        assert_eq!(q.amounts(2), &[7, 7]);
        assert_eq!(q.amounts(0), &[11, 2]);
        assert_eq!(q.amounts(1), &[0, 1]);
        q.retain(|dest, _, _| dest != Dest::Store(0));
        assert_eq!((q.len(), q.waiting(0), q.waiting(1)), (2, 7, 8));
        assert_eq!(q.dest(0), Dest::Store(2));
        assert_eq!(q.amounts(1), &[7, 7]);
        // Store 0 orders anew: a new order, not the one withdrawn.
        q.add(Dest::Store(0), kind, false, &[1, 0], area);
        assert_eq!(q.amounts(2), &[1, 0]);
        assert_eq!(q.first_wanting(0, 3), Some(1));
    }

    #[test]
    fn the_window_counts_only_orders_the_origin_can_load_for() {
        // 70 stores' backorders of category 1 (which the origin lacks) wait
        // in front of a store's order of category 0.
        let mut q = OrderQueue::default();
        for st in 0..70 {
            q.add(
                Dest::Store(st),
                ShipKind::Restock,
                false,
                &[0, 5],
                Area::District(0),
            );
        }
        q.add(
            Dest::Store(70),
            ShipKind::Restock,
            false,
            &[5, 0],
            Area::District(0),
        );
        // Able to load category 0 only: the order at 70 is in the window.
        assert_eq!(q.window(0b01, 64), 71);
        assert_eq!(q.first_wanting(0, q.window(0b01, 64)), Some(70));
        // Able to load category 1: the first 64 orders.
        assert_eq!(q.window(0b10, 64), 64);
        // Both: the first 64 orders, as before.
        assert_eq!(q.window(0b11, 64), 64);
    }
}
