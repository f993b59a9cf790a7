//! What the next events will read, asked for ahead (see
//! [`crate::engine::prefetch`]).
//!
//! Most of the city's events are a household's order at a point, its
//! delivery, a vehicle back at its depot and a shipment arriving, and each
//! reads a few rows of tables far larger than the processor's caches: the
//! household's building, the point, the shipment, the destination store.
//! The event after next names its rows ([`World::prefetch_then`]); by the
//! next event those rows are near, so what they point to can be named too
//! ([`World::prefetch_next`]). Nothing here changes the world.

use super::world::*;
use crate::engine::{prefetch, prefetch_slice};

/// Orders at the front of a queue whose amounts are asked for when a
/// vehicle comes back: a route's first stops are nearly always among them.
const FRONT: usize = 4;

/// The most cache lines named for one table row list.
const MAX_LINES: usize = 16;

/// Names `xs` up to [`MAX_LINES`] lines.
fn some_of<T>(xs: &[T]) {
    let n = (MAX_LINES * 64 / std::mem::size_of::<T>().max(1)).min(xs.len());
    prefetch_slice(&xs[..n]);
}

impl World<'_> {
    /// Rows the event after next reads, found without reading them.
    pub(crate) fn prefetch_then(&self, event: &CityEvent) {
        let nc = self.nc;
        let row = |b: usize| b * nc..(b + 1) * nc;
        match *event {
            CityEvent::ServiceDone { point, building } => {
                let (p, b) = (point as usize, building as usize);
                if let Some(r) = self.homes.need.get(row(b)) {
                    prefetch_slice(r);
                }
                if let Some(r) = self.homes.pantry.get(row(b)) {
                    prefetch_slice(r);
                }
                if let Some(h) = self.homes.households.get(b) {
                    prefetch(h);
                }
                if let Some(pt) = self.resp.points.get(p) {
                    prefetch_slice(std::slice::from_ref(pt));
                }
                self.resp.point_stock.prefetch(row(p), false);
            }
            CityEvent::OrderArrive { point } => {
                if let Some(pt) = self.resp.points.get(point as usize) {
                    prefetch_slice(std::slice::from_ref(pt));
                }
            }
            CityEvent::Arrive { shipment } => {
                let id = shipment as usize;
                if let Some(sh) = self.road.shipments.get(id) {
                    prefetch(sh);
                }
                if let Some(block) = self.road.goods.get(2 * nc * id..2 * nc * (id + 1)) {
                    prefetch_slice(block);
                }
            }
            CityEvent::VehicleBack { origin } => {
                // The fleets are few and their records stay near; their
                // queues' tags are not.
                let fleet = match origin {
                    Origin::Supplier(i) => self.depots.fleet.get(i as usize),
                    Origin::Store(i) => self.stores.fleet.get(i as usize),
                    Origin::Outside => None,
                };
                if let Some(f) = fleet {
                    f.queue.prefetch_tags(super::logistics::LOOK_AHEAD);
                }
            }
            CityEvent::Replenish { store } => {
                let st = store as usize;
                self.stores.stock.prefetch(row(st), false);
                for t in [&self.stores.pending, &self.stores.normal, &self.stores.duty] {
                    if let Some(r) = t.get(row(st)) {
                        prefetch_slice(r);
                    }
                }
            }
            _ => {}
        }
    }

    /// What the next event reads: its rows (if no earlier event named
    /// them) and what they point to.
    pub(crate) fn prefetch_next(&self, event: &CityEvent) {
        let nc = self.nc;
        let row = |b: usize| b * nc..(b + 1) * nc;
        match *event {
            CityEvent::ServiceDone { point, .. } => {
                let p = point as usize;
                self.resp.point_stock.prefetch(row(p), true);
                if let Some(pt) = self.resp.points.get(p) {
                    pt.queue.prefetch();
                }
            }
            CityEvent::OrderArrive { point } => {
                if let Some(pt) = self.resp.points.get(point as usize) {
                    some_of(&pt.cum_households);
                    some_of(&pt.buildings);
                    pt.queue.prefetch();
                }
            }
            CityEvent::Arrive { shipment } => {
                let id = shipment as usize;
                let (Some(sh), Some(goods)) = (
                    self.road.shipments.get(id),
                    self.road.goods.get(2 * nc * id..2 * nc * id + nc),
                ) else {
                    return;
                };
                if let Dest::Store(st) = sh.dest {
                    let st = st as usize;
                    let r = row(st);
                    self.stores.stock.prefetch(r.clone(), false);
                    for t in [&self.stores.pending, &self.stores.normal, &self.stores.duty] {
                        if let Some(r) = t.get(r.clone()) {
                            prefetch_slice(r);
                        }
                    }
                    for (c, &g) in goods.iter().enumerate() {
                        if g > 0 {
                            self.stores
                                .stock
                                .prefetch(st * nc + c..st * nc + c + 1, true);
                        }
                    }
                }
            }
            CityEvent::VehicleBack { origin } => {
                let fleet = match origin {
                    Origin::Supplier(i) => self.depots.fleet.get(i as usize),
                    Origin::Store(i) => self.stores.fleet.get(i as usize),
                    Origin::Outside => None,
                };
                if let Some(f) = fleet {
                    f.queue.prefetch_front(FRONT);
                }
            }
            _ => self.prefetch_then(event),
        }
    }
}
