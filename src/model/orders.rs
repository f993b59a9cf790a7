//! The orders waiting for one origin's vehicles, in the order they wait.
//!
//! An order joins the one already waiting for the same destination and
//! purpose with goods of the same kind (fresh or not), so at most one
//! order per (destination, purpose, fresh) waits at a time. The queue
//! knows where each of those waits and the grams waiting per category, so
//! that adding an order and asking what is owed take no scan of a long
//! queue.

use std::collections::VecDeque;
use std::ops::Index;

use rustc_hash::FxHashMap;

use super::world::{Dest, Order, ShipKind};

/// Orders waiting for vehicles, first come first served.
#[derive(Debug, Clone, Default)]
pub(crate) struct OrderQueue {
    /// Each order with its ticket (rising from front to back) and whether
    /// it carries fresh goods.
    orders: VecDeque<(u64, bool, Order)>,
    /// The ticket of the order waiting per (destination, purpose, fresh);
    /// looked up, never iterated, so its order does not matter.
    keys: FxHashMap<(Dest, ShipKind, bool), u64>,
    /// The next ticket.
    next: u64,
    /// Grams waiting per category.
    waiting: Vec<i64>,
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
    /// negative) for `dest`: to the order already waiting for it, or as a
    /// new order at the back.
    pub(crate) fn add(&mut self, dest: Dest, kind: ShipKind, part: bool, amounts: Vec<i64>) {
        debug_assert!(amounts.iter().all(|&a| a >= 0));
        if let Some(&ticket) = self.keys.get(&(dest, kind, part)) {
            let j = self
                .orders
                .binary_search_by_key(&ticket, |e| e.0)
                .expect("a key names an order waiting");
            let o = &mut self.orders[j].2;
            o.amounts
                .iter_mut()
                .zip(&amounts)
                .for_each(|(a, b)| *a += b);
            self.tally(&amounts, 1);
            return;
        }
        let order = Order {
            dest,
            kind,
            amounts,
        };
        self.push_back(order, part);
    }

    /// Puts `order` at the back as it is; `part` tells whether it carries
    /// fresh goods. No other order for its destination, purpose and kind
    /// of goods may be waiting.
    pub(crate) fn push_back(&mut self, order: Order, part: bool) {
        self.tally(&order.amounts, 1);
        let ticket = self.next;
        self.next += 1;
        let old = self.keys.insert((order.dest, order.kind, part), ticket);
        debug_assert!(old.is_none(), "one order per destination, purpose and kind");
        self.orders.push_back((ticket, part, order));
    }

    /// Forgets `order` (with `part`), which has left the queue.
    fn forget(&mut self, order: &Order, part: bool) {
        self.tally(&order.amounts, -1);
        self.keys.remove(&(order.dest, order.kind, part));
    }

    /// Takes out the order at `j`, with whether it carries fresh goods.
    pub(crate) fn remove(&mut self, j: usize) -> Option<(Order, bool)> {
        let (_, part, order) = self.orders.remove(j)?;
        self.forget(&order, part);
        Some((order, part))
    }

    /// Whether the order at `j` carries fresh goods.
    pub(crate) fn part(&self, j: usize) -> bool {
        self.orders[j].1
    }

    /// Keeps only the orders for which `keep` says so.
    pub(crate) fn retain(&mut self, mut keep: impl FnMut(&Order) -> bool) {
        let mut gone = Vec::new();
        self.orders.retain(|(_, part, o)| {
            let k = keep(o);
            if !k {
                gone.push((o.clone(), *part));
            }
            k
        });
        for (order, part) in gone {
            self.forget(&order, part);
        }
    }
}

impl Index<usize> for OrderQueue {
    type Output = Order;

    fn index(&self, j: usize) -> &Order {
        &self.orders[j].2
    }
}
