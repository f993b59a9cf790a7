//! Goods on the move: store reorders, depots and their trucks, production
//! bases, emergency transfers, tiered reserve releases, the daily 16:00
//! reports and the autopilot's daily dispatch 日调度.
//!
//! A trip's lead time is travel plus a delay at each controlled boundary
//! crossed: into a district with closures, and into a sealed area (which
//! also needs a vehicle pass). The green channel cuts the delay.

use rand::RngExt;

use super::config::SupplierKind;
use super::metrics::{CostItem, Happening};
use super::world::*;
use crate::engine::{DAY, Scheduler, SimDuration, SimTime};

impl World<'_> {
    /// A store reviews its stock and reorders from its depot.
    pub(crate) fn replenish(&mut self, now: SimTime, store: u32, s: &mut Scheduler<CityEvent>) {
        let sc = self.sc;
        let st = store as usize;
        let nc = self.nc;
        // A sealed store stops reordering, unless it supplies points.
        let duty = self.duty[st * nc..(st + 1) * nc].iter().any(|&d| d > 0);
        if self.store_risk[st] != Risk::High || duty {
            let mut amounts = vec![0i64; nc];
            let mut any = false;
            for (c, a) in amounts.iter_mut().enumerate() {
                let i = st * nc + c;
                let daily = (self.normal[i] + self.duty[i]) as f64;
                let position = (self.stock[i] + self.pending[i]) as f64;
                if position < sc.plan.reorder_point_days * daily {
                    let days = sc.stores.target_stock_days.min(sc.goods[c].shelf_life_days);
                    *a = (days * daily - position).max(0.0) as i64;
                    any |= *a > 0;
                }
            }
            if any {
                for c in 0..nc {
                    self.pending[st * nc + c] += amounts[c];
                }
                let sup = sc.city.stores[st].supplier;
                self.sup_fleet[sup].queue.push_back(Order {
                    dest: Dest::Store(store),
                    kind: ShipKind::Restock,
                    amounts,
                });
                self.dispatch(now, Origin::Supplier(sup as u32), s);
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

    /// Sends vehicles from `origin` while it has vehicles, orders, goods and
    /// (depots) dispatch capacity left today.
    pub(crate) fn dispatch(&mut self, now: SimTime, origin: Origin, s: &mut Scheduler<CityEvent>) {
        let nc = self.nc;
        loop {
            let (fleet, stock, budget) = match origin {
                Origin::Supplier(i) => {
                    let i = i as usize;
                    if self.sup_closed_until[i] > now {
                        return;
                    }
                    (
                        &mut self.sup_fleet[i],
                        &mut self.sup_stock[i * nc..(i + 1) * nc],
                        Some(&mut self.sup_budget[i]),
                    )
                }
                Origin::Store(i) => {
                    let i = i as usize;
                    (
                        &mut self.store_fleet[i],
                        &mut self.stock[i * nc..(i + 1) * nc],
                        None,
                    )
                }
                Origin::Outside => return,
            };
            if fleet.free == 0 {
                return;
            }
            let Some(order) = fleet.queue.front_mut() else {
                return;
            };
            let mut room = fleet.capacity_g;
            if let Some(b) = &budget {
                room = room.min(**b);
            }
            if room <= 0 {
                return; // capacity exhausted: wait for tomorrow
            }
            let mut load = vec![0i64; nc];
            for c in 0..nc {
                let take = order.amounts[c].min(stock[c]).min(room);
                if take > 0 {
                    load[c] = take;
                    room -= take;
                    stock[c] -= take;
                    order.amounts[c] -= take;
                }
            }
            let shipped: i64 = load.iter().sum();
            // What the origin cannot supply now is dropped from the order;
            // the requester asks again at its next review.
            let mut dropped = vec![0i64; nc];
            for c in 0..nc {
                if order.amounts[c] > 0 && stock[c] == 0 {
                    dropped[c] = order.amounts[c];
                    order.amounts[c] = 0;
                }
            }
            let (dest, kind) = (order.dest, order.kind);
            if order.amounts.iter().all(|&a| a == 0) {
                fleet.queue.pop_front();
            }
            if let Some(b) = budget {
                *b -= shipped;
            }
            if shipped > 0 {
                fleet.free -= 1;
            }
            self.release_pending(dest, &dropped);
            if shipped > 0 {
                let origin_district = self.origin_district(origin);
                self.send(now, origin, origin_district, dest, kind, load, s);
            }
        }
    }

    /// Forgets `amounts` of what `dest` was waiting for.
    fn release_pending(&mut self, dest: Dest, amounts: &[i64]) {
        let nc = self.nc;
        let v = match dest {
            Dest::Store(i) => &mut self.pending[i as usize * nc..(i as usize + 1) * nc],
            Dest::Point(p) => &mut self.point_pending[p as usize * nc..(p as usize + 1) * nc],
            Dest::Supplier(_) => return,
        };
        for (x, a) in v.iter_mut().zip(amounts) {
            *x -= a;
        }
    }

    fn origin_district(&self, origin: Origin) -> Option<usize> {
        match origin {
            Origin::Supplier(i) => self.sc.city.suppliers[i as usize].district,
            Origin::Store(i) => Some(self.sc.city.stores[i as usize].district),
            Origin::Outside => None,
        }
    }

    fn dest_district(&self, dest: Dest) -> Option<usize> {
        match dest {
            Dest::Store(i) => Some(self.sc.city.stores[i as usize].district),
            Dest::Supplier(i) => self.sc.city.suppliers[i as usize].district,
            Dest::Point(p) => Some(self.points[p as usize].district),
        }
    }

    /// Delay at one checkpoint now [h], with the green channel if on.
    fn checkpoint_hours(&mut self) -> f64 {
        let plan = &self.sc.plan;
        let mut h = self
            .sc
            .transport
            .checkpoint_delay
            .sample(&mut self.r_transport);
        if plan.green_channel {
            h *= 1.0 - plan.green_channel_saving;
        }
        h + self.extra_checkpoint_h
    }

    /// Puts goods on the road from `origin` to `dest`; schedules the arrival
    /// and the vehicle's return.
    #[allow(clippy::too_many_arguments)]
    pub(crate) fn send(
        &mut self,
        now: SimTime,
        origin: Origin,
        from: Option<usize>,
        dest: Dest,
        kind: ShipKind,
        amounts: Vec<i64>,
        s: &mut Scheduler<CityEvent>,
    ) {
        let to = self.dest_district(dest);
        let tr = &self.sc.transport;
        let travel = if from.is_some() && from == to {
            tr.travel_local.sample(&mut self.r_transport)
        } else {
            tr.travel_cross.sample(&mut self.r_transport)
        };
        let mut hours = travel;
        let mut checkpoints = 0;
        if let Some(d) = to
            && from != to
            && self.sealed_pop[d] > 0
        {
            checkpoints += 1;
        }
        if let Dest::Store(i) = dest
            && self.store_risk[i as usize] == Risk::High
        {
            checkpoints += 1; // restocking a store inside a sealed area
        }
        let mut arrive_after = now;
        if let Dest::Point(p) = dest {
            checkpoints += 1;
            let cl = &self.closures[self.points[p as usize].closure as usize];
            if self.sc.plan.vehicle_passes {
                if let Some(t) = cl.passes_at {
                    arrive_after = arrive_after.max(t);
                }
            } else {
                // Without passes every trip is negotiated at the gate.
                hours += self.sc.transport.pass_delay_hours;
            }
            let trip = self.sc.transport.trip_cost;
            self.cost(CostItem::EmergencyTransport, trip);
        }
        for _ in 0..checkpoints {
            hours += self.checkpoint_hours();
        }
        let at = now + SimDuration::from_hours(hours);
        let at = at.max(arrive_after + SimDuration::from_hours(travel));
        let id = self.new_shipment(dest, kind, amounts);
        s.schedule_in(at.since(now), CityEvent::Arrive { shipment: id });
        if origin != Origin::Outside {
            let back = at + SimDuration::from_hours(travel);
            s.schedule_in(back.since(now), CityEvent::VehicleBack { origin });
        }
    }

    fn new_shipment(&mut self, dest: Dest, kind: ShipKind, amounts: Vec<i64>) -> u32 {
        let sh = Shipment {
            dest,
            kind,
            amounts,
            live: true,
        };
        if let Some(i) = self.free_shipments.pop() {
            self.shipments[i as usize] = sh;
            i
        } else {
            self.shipments.push(sh);
            (self.shipments.len() - 1) as u32
        }
    }

    /// Goods arrive.
    pub(crate) fn arrive(&mut self, now: SimTime, id: u32, s: &mut Scheduler<CityEvent>) {
        let nc = self.nc;
        let sh = std::mem::replace(
            &mut self.shipments[id as usize],
            Shipment {
                dest: Dest::Supplier(0),
                kind: ShipKind::Restock,
                amounts: Vec::new(),
                live: false,
            },
        );
        self.free_shipments.push(id);
        if matches!(sh.kind, ShipKind::Transfer | ShipKind::Reserve) {
            for c in 0..nc {
                self.m.balance[c].inflow_g += sh.amounts[c];
                if sh.kind == ShipKind::Transfer {
                    self.transfer_pending[c] -= sh.amounts[c];
                    self.m.transfer[c] += sh.amounts[c];
                } else {
                    self.reserve_pending[c] -= sh.amounts[c];
                }
            }
        }
        match sh.dest {
            Dest::Store(st) => {
                let st = st as usize;
                let d = self.sc.city.stores[st].district;
                for c in 0..nc {
                    let i = st * nc + c;
                    self.stock[i] += sh.amounts[c];
                    self.pending[i] -= sh.amounts[c];
                    self.m.daily[d * nc + c][DELIVERED] += sh.amounts[c];
                    if !self.shelf_empty(i) {
                        self.stockout_stop(i, now);
                    }
                }
            }
            Dest::Supplier(sp) => {
                let sp = sp as usize;
                for c in 0..nc {
                    self.sup_stock[sp * nc + c] += sh.amounts[c];
                }
                self.dispatch(now, Origin::Supplier(sp as u32), s);
            }
            Dest::Point(p) => self.point_arrival(now, p, &sh.amounts, s),
        }
    }

    /// 05:00: production bases put out their daily output and ship it to
    /// the depots, in proportion to the stores each depot serves.
    pub(crate) fn production(&mut self, now: SimTime, s: &mut Scheduler<CityEvent>) {
        let sc = self.sc;
        let nc = self.nc;
        let depots: Vec<usize> = (0..sc.city.suppliers.len())
            .filter(|&i| sc.city.suppliers[i].is_depot())
            .collect();
        let depot_normal: Vec<i64> = (0..nc)
            .map(|c| depots.iter().map(|&x| self.sup_normal[x * nc + c]).sum())
            .collect();
        for (b, sp) in sc.city.suppliers.iter().enumerate() {
            if sp.kind != SupplierKind::ProductionBase {
                continue;
            }
            for c in 0..nc {
                let out = self.sup_normal[b * nc + c];
                self.sup_stock[b * nc + c] += out;
                self.m.balance[c].inflow_g += out;
            }
            for &dp in &depots {
                let mut amounts = vec![0i64; nc];
                for (c, a) in amounts.iter_mut().enumerate() {
                    let total = depot_normal[c];
                    if total > 0 {
                        let share = self.sup_normal[dp * nc + c] as f64 / total as f64;
                        *a = (self.sup_normal[b * nc + c] as f64 * share) as i64;
                    }
                }
                self.sup_fleet[b].queue.push_back(Order {
                    dest: Dest::Supplier(dp as u32),
                    kind: ShipKind::Production,
                    amounts,
                });
            }
            self.dispatch(now, Origin::Supplier(b as u32), s);
        }
    }

    /// 16:00: stores report; the autopilot reads the reports and decides on
    /// transfers, reserve releases and publicity.
    pub(crate) fn report(&mut self, now: SimTime, s: &mut Scheduler<CityEvent>) {
        let sc = self.sc;
        let nc = self.nc;
        let mo = &sc.monitoring;
        for st in 0..sc.city.stores.len() {
            let u: f64 = self.r_monitor.random();
            if u < mo.missing_probability {
                self.m.reports.missing += 1;
            } else if u < mo.missing_probability + mo.late_probability {
                // A late report reaches the bureau after today's dispatch.
                self.m.reports.late += 1;
            } else {
                self.m.reports.on_time += 1;
                self.reported[st * nc..(st + 1) * nc]
                    .copy_from_slice(&self.stock[st * nc..(st + 1) * nc]);
            }
        }
        self.panic_update(now);
        let plan = &sc.plan;
        let depots: Vec<usize> = (0..sc.city.suppliers.len())
            .filter(|&i| sc.city.suppliers[i].is_depot())
            .collect();
        let other = sc
            .city
            .suppliers
            .iter()
            .position(|x| x.kind == SupplierKind::OtherRegion);
        for c in 0..nc {
            let need = self.city_need[c] as f64;
            // Perishables are never held for long: triggers are capped at
            // half their shelf life.
            let half_life = 0.5 * sc.goods[c].shelf_life_days;
            let depot_stock: i64 = depots.iter().map(|&d| self.sup_stock[d * nc + c]).sum();
            // Emergency transfer 紧急调运 from other regions.
            if let Some(o) = other
                && plan.transfer_days > 0.0
                && (depot_stock as f64) < plan.transfer_trigger_days.min(half_life) * need
                && self.transfer_pending[c] <= 0
            {
                let total = (plan.transfer_days * need) as i64;
                self.ship_to_depots(
                    &depots,
                    c,
                    total,
                    ShipKind::Transfer,
                    sc.city.suppliers[o].lead_time_hours,
                    s,
                );
                self.transfer_pending[c] += total;
                self.cost(
                    CostItem::TransferSubsidy,
                    total as f64 / G * sc.costs.transfer_subsidy,
                );
                self.record(
                    now,
                    Happening::Transfer {
                        category: sc.goods[c].name.clone(),
                        kg: total as f64 / G,
                    },
                );
            }
            // Tiered reserve release: own level, then the level above, then
            // emergency support.
            let reported: i64 = self.reported.iter().skip(c).step_by(nc).sum::<i64>() + depot_stock;
            if plan.reserve_release_days > 0.0
                && (reported as f64) < plan.reserve_trigger_days.min(half_life) * need
                && self.reserve_pending[c] <= 0
            {
                let mut left = (plan.reserve_release_days * need) as i64;
                for t in 0..sc.reserves.len() {
                    let tier = &sc.reserves[t];
                    if tier.category != c || left == 0 || self.reserve_left[t] == 0 {
                        continue;
                    }
                    let take = left.min(self.reserve_left[t]);
                    self.reserve_left[t] -= take;
                    left -= take;
                    self.reserve_pending[c] += take;
                    self.m.reserve[c] += take;
                    self.ship_to_depots(&depots, c, take, ShipKind::Reserve, tier.latency_hours, s);
                    self.cost(CostItem::ReserveRelease, take as f64 / G * tier.cost_per_kg);
                    self.record(
                        now,
                        Happening::ReserveRelease {
                            category: sc.goods[c].name.clone(),
                            kg: take as f64 / G,
                            tier: tier.name.clone(),
                        },
                    );
                }
            }
        }
        let peak = self.panic.iter().cloned().fold(0.0, f64::max);
        let recent = self
            .last_publicity
            .is_some_and(|t| now.since(t).0 < 3 * DAY);
        if peak > plan.publicity_trigger_panic && !self.publicity_pending && !recent {
            self.publicity_pending = true;
            s.schedule_in(
                SimDuration::from_hours(plan.publicity_delay_hours),
                CityEvent::Publicity,
            );
            self.record(now, Happening::PublicityOrdered { peak_panic: peak });
        }
    }

    /// Sends `total` grams of category `c` from outside the city to the
    /// depots in proportion to what they serve, arriving after `lead_hours`
    /// and a checkpoint at the city's boundary.
    #[allow(clippy::too_many_arguments)]
    fn ship_to_depots(
        &mut self,
        depots: &[usize],
        c: usize,
        total: i64,
        kind: ShipKind,
        lead_hours: f64,
        s: &mut Scheduler<CityEvent>,
    ) {
        let nc = self.nc;
        let weight: i64 = depots.iter().map(|&d| self.sup_normal[d * nc + c]).sum();
        let mut left = total;
        for (k, &d) in depots.iter().enumerate() {
            let part = if k + 1 == depots.len() {
                left
            } else if weight > 0 {
                (total as f64 * self.sup_normal[d * nc + c] as f64 / weight as f64) as i64
            } else {
                total / depots.len() as i64
            };
            left -= part;
            if part <= 0 {
                continue;
            }
            if kind == ShipKind::Reserve {
                let dd = self.sc.city.suppliers[d].district.unwrap_or(0);
                self.m.daily[dd * nc + c][RESERVE] += part;
            }
            let mut amounts = vec![0i64; nc];
            amounts[c] = part;
            let delay = lead_hours + self.checkpoint_hours();
            let id = self.new_shipment(Dest::Supplier(d as u32), kind, amounts);
            s.schedule_in(
                SimDuration::from_hours(delay),
                CityEvent::Arrive { shipment: id },
            );
        }
    }
}
