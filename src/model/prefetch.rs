//! What the next events will read, asked for ahead (see
//! [`crate::engine::prefetch`]).
//!
//! Most of the city's events (beside the points' orders and deliveries,
//! which keep calendars of their own: `service.rs`) are a vehicle back at
//! its depot, a shipment arriving and a store's review, and each reads a
//! few rows of tables far larger than the processor's caches: the
//! vehicles' queue, the shipment, the destination store.
//! The event after next names its rows ([`World::prefetch_then`]); by the
//! next event those rows are near, so what they point to can be named too
//! ([`World::prefetch_next`]). Nothing here changes the world.
//!
//! Every line named takes one of the processor's few outstanding misses,
//! so only rows that are far are named: the records of the fleets and
//! stores are few and stay near, and are read without a hint.

use super::world::*;
use crate::engine::prefetch_slice;

/// Orders at the front of a queue whose amounts are asked for when a
/// vehicle comes back: a route's first stops are nearly always among them.
const FRONT: usize = 4;

/// Tags at the front of a queue asked for ahead of a vehicle's return: a
/// route's stops are nearly always among them (the planner may look
/// further; those are read without a hint).
const TAGS: usize = 16;

impl World<'_> {
    /// The vehicles of `origin`.
    fn fleet_of(&self, origin: Origin) -> Option<&Fleet> {
        match origin {
            Origin::Supplier(i) => self.depots.fleet.get(i as usize),
            Origin::Store(i) => self.stores.fleet.get(i as usize),
            Origin::Outside => None,
        }
    }

    /// Asks for what a store's review and a delivery to it read: its
    /// stock totals, what it has on order and its daily sales and duty.
    fn store_rows(&self, st: usize) {
        let nc = self.nc;
        let row = st * nc..(st + 1) * nc;
        self.stores.stock.prefetch(row.clone());
        for t in [&self.stores.pending, &self.stores.normal, &self.stores.duty] {
            if let Some(r) = t.get(row.clone()) {
                prefetch_slice(r);
            }
        }
        if let Some(r) = self.stores.stockout_since.get(row) {
            prefetch_slice(r);
        }
    }

    /// Rows the event after next reads, found without reading them.
    pub(crate) fn prefetch_then(&self, event: &CityEvent) {
        let nc = self.nc;
        match *event {
            CityEvent::Arrive { shipment } => self.road.prefetch(shipment as usize, nc),
            CityEvent::VehicleBack { origin } => {
                // The fleets are few and their records stay near; their
                // queues' tags are not.
                if let Some(f) = self.fleet_of(origin) {
                    f.queue.prefetch_tags(TAGS);
                }
            }
            CityEvent::Replenish { store } => self.store_rows(store as usize),
            _ => {}
        }
    }

    /// What the next event reads: its rows (if no earlier event named
    /// them) and what they point to.
    pub(crate) fn prefetch_next(&self, event: &CityEvent) {
        let nc = self.nc;
        match *event {
            CityEvent::Arrive { shipment } => {
                let id = shipment as usize;
                let Some(sh) = self.road.shipments.get(id) else {
                    return;
                };
                if let Dest::Store(st) = sh.dest {
                    let goods = self.road.amounts(id, nc);
                    let st = st as usize;
                    self.store_rows(st);
                    for (c, &g) in goods.iter().enumerate() {
                        if g > 0 {
                            self.stores.stock.prefetch_lots(st * nc + c);
                        }
                    }
                }
            }
            CityEvent::VehicleBack { origin } => {
                if let Some(f) = self.fleet_of(origin) {
                    f.queue.prefetch_front(FRONT);
                }
            }
            // Named already as the event after next, or rare.
            _ => {}
        }
    }
}
