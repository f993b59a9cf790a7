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

use std::collections::VecDeque;
use std::ops::Index;

use rustc_hash::FxHashMap;

use super::logistics::Area;
use super::world::{Dest, Order, ShipKind};

/// One order waiting, with what the queue knows of it.
#[derive(Debug, Clone)]
struct Waiting {
    /// Rising from front to back.
    ticket: u64,
    /// Whether it carries fresh goods.
    part: bool,
    /// Where a route to its destination goes.
    area: Area,
    /// Bit `c` set when it wants goods of category `c` (grams above 0).
    wants: u64,
    order: Order,
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
    /// The ticket of the order waiting per (destination, purpose, fresh);
    /// looked up, never iterated, so its order does not matter.
    keys: FxHashMap<(Dest, ShipKind, bool), u64>,
    /// The next ticket.
    next: u64,
    /// Grams waiting per category.
    waiting: Vec<i64>,
    /// Scratch space of [`OrderQueue::requeue`].
    spare: Vec<(usize, Waiting)>,
}

impl OrderQueue {
    /// Orders waiting.
    pub(crate) fn len(&self) -> usize {
        self.orders.len()
    }

    /// Grams of category `c` waiting.
    pub(crate) fn waiting(&self, c: usize) -> i64 {
        self.waiting.get(c).copied().unwrap_or(0)
    }

    /// Adds `amounts` to the grams waiting, with `sign`.
    fn tally(&mut self, amounts: &[i64], sign: i64) {
        if self.waiting.len() < amounts.len() {
            self.waiting.resize(amounts.len(), 0);
        }
        for (w, a) in self.waiting.iter_mut().zip(amounts) {
            *w += sign * a;
        }
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
        self.tally(amounts, 1);
        if let Some(&ticket) = self.keys.get(&(dest, kind, part)) {
            let j = self
                .orders
                .binary_search_by_key(&ticket, |e| e.ticket)
                .expect("a key names an order waiting");
            let w = &mut self.orders[j];
            w.order
                .amounts
                .iter_mut()
                .zip(amounts)
                .for_each(|(a, b)| *a += b);
            w.wants = wants_of(&w.order.amounts);
            return;
        }
        let order = Order {
            dest,
            kind,
            amounts: amounts.to_vec(),
        };
        self.push(order, part, area);
    }

    /// Puts `order` at the back with a new ticket (its grams already
    /// tallied); `part` tells whether it carries fresh goods.
    fn push(&mut self, order: Order, part: bool, area: Area) {
        let ticket = self.next;
        self.next += 1;
        let old = self.keys.insert((order.dest, order.kind, part), ticket);
        debug_assert!(old.is_none(), "one order per destination, purpose and kind");
        self.orders.push_back(Waiting {
            ticket,
            part,
            area,
            wants: wants_of(&order.amounts),
            order,
        });
    }

    /// The end of the look-ahead window of a vehicle that can load the
    /// categories `can` (as bits): just past the first `limit` orders that
    /// want any of them, or the end of the queue. Orders that want none of
    /// them (backorders of goods the origin lacks) do not count, so that
    /// they cannot hide the orders behind them that it can serve.
    pub(crate) fn window(&self, can: u64, limit: usize) -> usize {
        let mut seen = 0;
        for (j, w) in self.orders.iter().enumerate() {
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
        self.orders
            .iter()
            .take(look)
            .position(|w| w.wants & bit != 0)
    }

    /// The categories any of the first `look` orders wants, as bits.
    pub(crate) fn wanted(&self, look: usize) -> u64 {
        self.orders.iter().take(look).fold(0, |m, w| m | w.wants)
    }

    /// Where a route to the order at `j` goes.
    pub(crate) fn area(&self, j: usize) -> Area {
        self.orders[j].area
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
        self.orders
            .range(from..look)
            .zip(from..)
            .find(|&(w, j)| w.wants & can != 0 && w.area == area && j != skip)
            .map(|(_, j)| j)
    }

    /// A vehicle loads `load` of the order at `j`: its grams waiting go
    /// down by as much; returns whether any are left.
    pub(crate) fn serve(&mut self, j: usize, load: &[i64]) -> bool {
        self.tally(load, -1);
        let w = &mut self.orders[j];
        w.order
            .amounts
            .iter_mut()
            .zip(load)
            .for_each(|(a, g)| *a -= g);
        w.wants = wants_of(&w.order.amounts);
        w.order.amounts.iter().any(|&a| a != 0)
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
            if again.contains(&j) {
                back.push((j, w));
            } else {
                debug_assert!(w.order.amounts.iter().all(|&a| a == 0));
                self.keys.remove(&(w.order.dest, w.order.kind, w.part));
            }
        }
        for &j in again {
            let k = back.iter().position(|e| e.0 == j).expect("served in part");
            let (_, mut w) = back.swap_remove(k);
            w.ticket = self.next;
            self.next += 1;
            self.keys
                .insert((w.order.dest, w.order.kind, w.part), w.ticket);
            self.orders.push_back(w);
        }
        self.spare = back;
    }

    /// Keeps only the orders for which `keep` says so.
    pub(crate) fn retain(&mut self, mut keep: impl FnMut(&Order) -> bool) {
        let mut gone = Vec::new();
        self.orders.retain(|w| {
            let k = keep(&w.order);
            if !k {
                gone.push((w.order.clone(), w.part));
            }
            k
        });
        for (order, part) in gone {
            self.tally(&order.amounts, -1);
            self.keys.remove(&(order.dest, order.kind, part));
        }
    }
}

impl Index<usize> for OrderQueue {
    type Output = Order;

    fn index(&self, j: usize) -> &Order {
        &self.orders[j].order
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::logistics::Area;
    use crate::model::world::{Dest, ShipKind};

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
