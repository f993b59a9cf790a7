//! Orders that keep goods flowing: stores reorder from their depot,
//! depots order from the production bases, which make what is ordered up
//! to their daily capacity.
//!
//! Every holder orders up to a cover in days of its normal throughput,
//! and holds no more of a perishable than a share of its shelf life, so
//! that goods are sold while fresh (see `store_cover_days` and
//! `depot_cover_days`).

use super::config::SupplierKind;
use super::world::*;
use crate::engine::{DAY, Scheduler, SimDuration, SimTime, round_i64};

impl World<'_> {
    /// A store reviews its stock and reorders from its depot.
    pub(crate) fn replenish(&mut self, now: SimTime, store: u32, s: &mut Scheduler<CityEvent>) {
        let sc = self.sc;
        let st = store as usize;
        let nc = self.nc;
        // A sealed store stops reordering, unless it supplies points.
        let duty = self.stores.duty[st * nc..(st + 1) * nc]
            .iter()
            .any(|&d| d > 0);
        let sealed = self.stores.risk[st] == Risk::High;
        if !sealed || duty {
            let mut amounts = vec![0i64; nc];
            for (c, a) in amounts.iter_mut().enumerate() {
                let i = st * nc + c;
                // A sealed store sells nothing over its counter: it stocks
                // only for the points it supplies.
                let own = if sealed { 0 } else { self.stores.normal[i] };
                let daily = (own + self.stores.duty[i]) as f64;
                let cover = store_cover_days(sc, c);
                let position = (self.stores.stock.total(i) + self.stores.pending[i]) as f64;
                if position < sc.plan.reorder_point_days.min(cover) * daily {
                    *a = (cover * daily - position).max(0.0) as i64;
                }
            }
            if amounts.iter().any(|&a| a > 0) {
                for c in 0..nc {
                    self.stores.pending[st * nc + c] += amounts[c];
                }
                let sup = sc.city.stores[st].supplier as u32;
                self.queue_order(
                    Origin::Supplier(sup),
                    Order {
                        dest: Dest::Store(store),
                        kind: ShipKind::Restock,
                        amounts,
                    },
                );
                self.dispatch(now, Origin::Supplier(sup), s);
            }
        }
        let per_day = if self.response_on() {
            sc.plan.replenish_per_day_response
        } else {
            sc.plan.replenish_per_day
        };
        s.schedule_in(
            SimDuration(DAY / u64::from(per_day)),
            CityEvent::Replenish { store },
        );
    }

    /// Depots review their stock and order up to their cover from the
    /// production bases: from all of a few, each for its share of their
    /// capacity, or from those of their supply circle ([`super::circle`]).
    pub(crate) fn depot_review(&mut self, now: SimTime, s: &mut Scheduler<CityEvent>) {
        let sc = self.sc;
        let nc = self.nc;
        let sups = &sc.city.suppliers;
        let bases: Vec<usize> = (0..sups.len())
            .filter(|&i| sups[i].kind == SupplierKind::ProductionBase)
            .collect();
        if bases.is_empty() {
            return;
        }
        // All bases' capacity per category, the denominator of each base's share.
        let cap: Vec<i64> = (0..nc)
            .map(|c| {
                bases
                    .iter()
                    .map(|&x| self.depots.capacity[x * nc + c])
                    .sum()
            })
            .collect();
        for d in (0..sups.len()).filter(|&i| sups[i].is_depot()) {
            // A depot orders no more than its staff at work can pass on
            // (goods ordered into a depot whose staff are sealed in would
            // only pile up there).
            let can_ship = self.depot_ship_capacity(d);
            let draws: i64 = (0..nc)
                .map(|c| self.depots.normal[d * nc + c] + self.depots.duty[d * nc + c])
                .sum();
            let scale = if draws as f64 > can_ship {
                can_ship / draws as f64
            } else {
                1.0
            };
            let mut want = vec![0i64; nc];
            for (c, w) in want.iter_mut().enumerate() {
                let i = d * nc + c;
                // What its stores draw: their normal sales and the points
                // they supply, as far as its staff can ship them.
                let draw = (self.depots.normal[i] + self.depots.duty[i]) as f64 * scale;
                let cover = depot_cover_days(sc, c);
                let target = (draw * cover) as i64;
                let owed = self
                    .queued(Origin::Supplier(d as u32), c)
                    .min((draw * cover) as i64);
                let position = self.depots.stock.total(i) + self.depots.inbound[i] - owed;
                *w = (target - position).max(0);
            }
            if want.iter().all(|&w| w == 0) {
                continue;
            }
            // What it orders of each base: of the bases of its supply
            // circle, or of all of a few by their share of capacity.
            let circle = self.depots.circles.as_ref().zip(sups[d].district);
            let orders: Vec<(usize, Vec<i64>)> = match circle {
                Some((circles, district)) => circles[district]
                    .iter()
                    .map(|&(b, share)| {
                        (
                            b,
                            want.iter().map(|&w| round_i64(w as f64 * share)).collect(),
                        )
                    })
                    .collect(),
                None => bases
                    .iter()
                    .map(|&b| {
                        let amounts = (0..nc)
                            .map(|c| {
                                if cap[c] > 0 {
                                    let share =
                                        self.depots.capacity[b * nc + c] as f64 / cap[c] as f64;
                                    round_i64(want[c] as f64 * share)
                                } else {
                                    0
                                }
                            })
                            .collect();
                        (b, amounts)
                    })
                    .collect(),
            };
            for (b, amounts) in orders {
                if amounts.iter().any(|&a| a > 0) {
                    for c in 0..nc {
                        self.depots.inbound[d * nc + c] += amounts[c];
                    }
                    self.queue_order(
                        Origin::Supplier(b as u32),
                        Order {
                            dest: Dest::Supplier(d as u32),
                            kind: ShipKind::Production,
                            amounts,
                        },
                    );
                }
            }
        }
        for &b in &bases {
            self.dispatch(now, Origin::Supplier(b as u32), s);
        }
    }
}
