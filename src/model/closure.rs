//! Closures and the plan's answer to them: sealing 封控 and escalation
//! (building → compound → community → street), designated suppliers,
//! vehicle passes, distribution points and their riders, and the end of
//! response 终止响应. The points' orders and door delivery are
//! `service.rs`.
//!
//! The choices (how many suppliers and which, how many points, how many
//! riders) are the autopilot's (`autopilot.rs`); this file applies them.

use rand::RngExt;

use super::config::Level;
use super::delivery::ServerQueue;
use super::metrics::{CostItem, Happening};
use super::service::Calendar;
use super::world::*;
use crate::engine::{DAY, HOUR, RngStreams, Scheduler, SimDuration, SimTime};

impl World<'_> {
    /// Seals `place`. A place inside (or equal to) a sealed place is left
    /// as it is; active closures of places inside the new one are absorbed
    /// by it, even when they cover the same buildings (a street sealed
    /// around its only community is a different response).
    pub(crate) fn seal(
        &mut self,
        now: SimTime,
        place: u32,
        cause: Cause,
        s: &mut Scheduler<CityEvent>,
    ) {
        let sc = self.sc;
        let city = &sc.city;
        let p = &city.places[place as usize];
        if p.first == p.end {
            return; // nothing lives there
        }
        let inside_active = self
            .resp
            .closures
            .iter()
            .any(|c| c.ended.is_none() && city.within(place as usize, c.place as usize));
        if inside_active {
            return;
        }
        let id = self.resp.closures.len() as u32;
        let mut absorbed = Vec::new();
        for (i, c) in self.resp.closures.iter_mut().enumerate() {
            if c.ended.is_none() && city.within(c.place as usize, place as usize) {
                c.ended = Some(now);
                c.escalated_to = Some(id);
                self.resp.active -= 1;
                absorbed.push(i as u32);
            }
        }
        self.resp.closures.push(Closure {
            place,
            level: p.level,
            cause,
            start: now,
            ended: None,
            escalated_to: None,
            serving: false,
            absorbed: absorbed.clone(),
            suppliers: Vec::new(),
            points: Vec::new(),
            passes_at: None,
            first_goods: None,
            handed_out: vec![0; self.nc],
            unmet: 0,
            compensated: false,
            duty: Vec::new(),
            riders: Vec::new(),
            riders_wanted: 0,
        });
        self.resp.active += 1;
        for b in &mut self.homes.sealed_by[p.first..p.end] {
            *b = id;
        }
        self.refresh_zones(place as usize);
        // Stores now sealed stop counting stock-outs.
        for st in 0..city.stores.len() {
            if self.stores.risk[st] == Risk::High {
                for c in 0..self.nc {
                    self.stockout_stop(st * self.nc + c, now);
                }
            }
        }
        self.record(
            now,
            Happening::Sealed {
                closure: id,
                place: p.name.clone(),
                level: p.level.key(),
                cause: cause.key(),
                residents: p.population,
                absorbed,
            },
        );
        let push = *sc.panic.closure_push.get(p.level);
        self.panic_push(now, Some(p.district), push, sc.panic.spill_share);
        let rules = &sc.closures;
        let days = rules
            .duration_days
            .get(p.level)
            .sample(&mut self.rng.closures);
        let end = SimDuration::from_days(days);
        s.schedule_in(end, CityEvent::ClosureEnd { closure: id });
        let rate = *rules.escalation_per_day.get(p.level);
        let can_escalate = matches!(
            p.level,
            Level::Building | Level::Compound | Level::Community
        );
        if rate > 0.0 && can_escalate {
            let u: f64 = self.rng.closures.random();
            let after = SimDuration::from_days(-(1.0 - u).ln() / rate);
            if after < end {
                s.schedule_in(after, CityEvent::Escalate { closure: id });
            }
        }
        s.schedule_in(
            SimDuration::from_hours(sc.plan.decision_delay_hours),
            CityEvent::Designate { closure: id },
        );
    }

    /// Escalation: the enclosing place is sealed.
    pub(crate) fn escalate(&mut self, now: SimTime, closure: u32, s: &mut Scheduler<CityEvent>) {
        let c = &self.resp.closures[closure as usize];
        if c.ended.is_some() {
            return;
        }
        if let Some(parent) = self.sc.city.places[c.place as usize].parent
            && self.sc.city.places[parent].level != Level::District
        {
            self.seal(now, parent as u32, Cause::Escalation, s);
        }
    }

    /// The end of a closure: residents go back to their stores, points
    /// close, their stock returns to a designated supplier, riders go back
    /// to their pool, requisitioned goods are compensated.
    pub(crate) fn end_closure(
        &mut self,
        now: SimTime,
        closure: u32,
        _s: &mut Scheduler<CityEvent>,
    ) {
        let sc = self.sc;
        let ci = closure as usize;
        if self.resp.closures[ci].ended.is_some() {
            return;
        }
        self.resp.closures[ci].ended = Some(now);
        self.resp.active -= 1;
        let p = &sc.city.places[self.resp.closures[ci].place as usize];
        for b in &mut self.homes.sealed_by[p.first..p.end] {
            if *b == closure {
                *b = NONE;
            }
        }
        let mut family = self.resp.closures[ci].absorbed.clone();
        family.push(closure);
        for &f in &family {
            self.stop_serving(now, f);
        }
        self.refresh_zones(self.resp.closures[ci].place as usize);
        for &f in &family {
            self.compensate(f);
        }
        self.record(
            now,
            Happening::Reopened {
                closure,
                place: p.name.clone(),
                level: p.level.key(),
            },
        );
    }

    /// Pays compensation 合理补偿 for the goods requisitioned for a
    /// closure's points, at `compensation_share` of their price (once).
    pub(crate) fn compensate(&mut self, closure: u32) {
        let sc = self.sc;
        let cl = &mut self.resp.closures[closure as usize];
        if cl.compensated {
            return;
        }
        cl.compensated = true;
        let yuan: f64 = cl
            .handed_out
            .iter()
            .zip(&sc.goods)
            .map(|(&g, goods)| g as f64 / G * goods.price)
            .sum();
        self.cost(CostItem::Compensation, yuan * sc.costs.compensation_share);
    }

    /// A closure's points stop serving: waiting orders are dropped (and
    /// counted), stock goes back to the first designated supplier, riders
    /// to their pool, the suppliers' duty ends.
    fn stop_serving(&mut self, now: SimTime, closure: u32) {
        let nc = self.nc;
        let c = &mut self.resp.closures[closure as usize];
        if !c.serving {
            return;
        }
        c.serving = false;
        let home = c.suppliers.first().copied();
        let duty = std::mem::take(&mut c.duty);
        let riders = c.riders.clone();
        for (&st, duty) in c.suppliers.iter().zip(duty.chunks(nc)) {
            for (k, d) in duty.iter().enumerate() {
                self.stores.duty[st as usize * nc + k] -= d;
                let sup = self.sc.city.stores[st as usize].supplier;
                self.depots.duty[sup * nc + k] -= d;
            }
        }
        self.districts.riders.release(&riders);
        for p in c.points.clone() {
            let pt = &mut self.resp.points[p as usize];
            pt.open = false;
            let (n, wait) = pt.queue.close(now);
            // Orders in service when the point closes are not delivered
            // either: they leave its calendar with the orders due.
            pt.unserved += n + u64::from(pt.queue.busy());
            pt.unserved_wait_s += wait;
            pt.queue.set_servers(0);
            pt.cal.clear();
            self.resp.next_due[p as usize] = u64::MAX;
            if let Some(st) = home {
                self.return_to_store(st as usize, p as usize);
            }
        }
    }

    /// The decision 决策: designated suppliers and vehicle passes.
    pub(crate) fn designate(&mut self, now: SimTime, closure: u32, s: &mut Scheduler<CityEvent>) {
        let sc = self.sc;
        let ci = closure as usize;
        if self.resp.closures[ci].ended.is_some() {
            return;
        }
        let chosen = self.plan_suppliers(ci);
        let p = &sc.city.places[self.resp.closures[ci].place as usize];
        let stores = chosen
            .iter()
            .map(|&i| sc.city.stores[i as usize].name.clone())
            .collect();
        self.record(
            now,
            Happening::Designated {
                closure,
                place: p.name.clone(),
                stores,
            },
        );
        self.resp.closures[ci].suppliers = chosen;
        if sc.plan.vehicle_passes {
            self.resp.closures[ci].passes_at =
                Some(now + SimDuration::from_hours(sc.transport.pass_delay_hours));
        }
        s.schedule_in(
            SimDuration::from_hours(sc.plan.setup_delay_hours),
            CityEvent::PointsOpen { closure },
        );
    }

    /// Distribution points open, each serving a contiguous share of the
    /// sealed buildings, with riders from the pool.
    pub(crate) fn open_points(&mut self, now: SimTime, closure: u32, s: &mut Scheduler<CityEvent>) {
        let sc = self.sc;
        let nc = self.nc;
        let ci = closure as usize;
        if self.resp.closures[ci].ended.is_some() {
            return;
        }
        let place = self.resp.closures[ci].place as usize;
        let p = &sc.city.places[place];
        let n = self.plan_points(place);
        let total_hh: u64 = (p.first..p.end)
            .map(|b| u64::from(self.homes.households[b]))
            .sum();
        let mut ids = Vec::with_capacity(n);
        let mut b = p.first;
        let mut acc = 0u64;
        for k in 0..n {
            let goal = total_hh * (k as u64 + 1) / n as u64;
            let mut buildings = Vec::new();
            let mut cum = Vec::new();
            let mut hh = 0u64;
            while b < p.end && (acc < goal || buildings.is_empty()) && (p.end - b) > (n - k - 1) {
                let h = u64::from(self.homes.households[b]);
                acc += h;
                hh += h;
                buildings.push(b as u32);
                cum.push(hh);
                b += 1;
            }
            if k + 1 == n {
                while b < p.end {
                    let h = u64::from(self.homes.households[b]);
                    hh += h;
                    buildings.push(b as u32);
                    cum.push(hh);
                    b += 1;
                }
            }
            let id = self.resp.points.len() as u32;
            let need = (0..nc)
                .map(|c| {
                    buildings
                        .iter()
                        .map(|&b| self.homes.need[b as usize * nc + c])
                        .sum()
                })
                .collect();
            self.resp.points.push(Point {
                closure,
                district: p.district,
                buildings,
                need,
                cum_households: cum,
                open: true,
                queue: ServerQueue::new(0),
                cal: Calendar::new(RngStreams::new(self.seed, self.replication), id as usize),
                served: 0,
                unserved: 0,
                unserved_wait_s: 0,
            });
            self.resp.point_stock.extend_empty(nc);
            self.resp.next_due.push(u64::MAX);
            self.resp.point_pending.extend(std::iter::repeat_n(0, nc));
            ids.push(id);
        }
        // Predecessors absorbed by this closure hand over now.
        let absorbed = self.resp.closures[ci].absorbed.clone();
        let first = ids[0] as usize;
        for a in absorbed {
            if self.resp.closures[a as usize].serving {
                for &op in &self.resp.closures[a as usize].points.clone() {
                    for k in 0..nc {
                        let mut lots = self.resp.point_stock.take_all(op as usize * nc + k);
                        self.resp.point_stock.absorb(first * nc + k, &mut lots);
                    }
                }
                self.stop_serving(now, a);
            }
        }
        // Designated suppliers carry the points' daily need on top of their
        // own, in equal shares until the resupply rounds show who sends it.
        let k = self.resp.closures[ci].suppliers.len();
        self.resp.closures[ci].duty = vec![0; k * nc];
        for c in 0..nc {
            let need: i64 = (p.first..p.end).map(|b| self.homes.need[b * nc + c]).sum();
            for j in 0..k {
                self.set_duty(ci, j, c, need / k as i64);
            }
        }
        self.resp.closures[ci].points = ids.clone();
        self.resp.closures[ci].serving = true;
        self.resp.closures[ci].riders_wanted = n as u32 * self.plan_point_riders();
        let got = self.assign_riders(now, ci);
        let wanted = self.resp.closures[ci].riders_wanted;
        if got < wanted && sc.plan.outside_riders {
            // The pool cannot staff the points: riders and volunteers are
            // called from outside.
            let count = wanted - got;
            self.record(
                now,
                Happening::RidersCalled {
                    closure,
                    place: p.name.clone(),
                    riders: count,
                },
            );
            s.schedule_in(
                SimDuration::from_hours(sc.plan.outside_riders_hours),
                CityEvent::RidersArrive {
                    closure,
                    district: p.district as u32,
                    count,
                },
            );
        }
        self.record(
            now,
            Happening::PointsOpened {
                closure,
                place: p.name.clone(),
                points: ids.len() as u32,
                riders: got,
                riders_wanted: self.resp.closures[ci].riders_wanted,
            },
        );
        for &id in &ids {
            self.schedule_order(now, id);
        }
        let open = now.next_clock(sc.plan.point_open * HOUR);
        s.schedule_in(open.since(now), CityEvent::PointsShift { closure });
        self.resupply_points(now, closure, s);
    }

    /// Gives closure `ci`'s points the riders they lack from the pool, own
    /// district first, spread evenly over its points; returns the riders
    /// it has.
    fn assign_riders(&mut self, now: SimTime, ci: usize) -> u32 {
        let r = &self.sc.riders;
        let per_rider = r.orders_per_rider_per_day * r.kg_per_order * G;
        let day_left = 1.0 - now.second_of_day() as f64 / DAY as f64;
        let cl = &self.resp.closures[ci];
        let have: u32 = cl.riders.iter().map(|r| r.1).sum();
        let want = cl.riders_wanted.saturating_sub(have);
        let district = self.sc.city.places[cl.place as usize].district;
        if want > 0 {
            let got = self
                .districts
                .riders
                .assign(district, want, day_left, per_rider);
            self.resp.closures[ci].riders.extend(got);
        }
        let cl = &self.resp.closures[ci];
        let total: u32 = cl.riders.iter().map(|r| r.1).sum();
        let n = cl.points.len() as u32;
        for (k, &p) in cl.points.iter().enumerate() {
            let servers = total / n + u32::from((k as u32) < total % n);
            self.resp.points[p as usize].queue.set_servers(servers);
        }
        total
    }

    /// Riders brought in: points short of riders get them, in order of
    /// closure.
    pub(crate) fn top_up_riders(&mut self, now: SimTime) {
        for ci in 0..self.resp.closures.len() {
            self.top_up_closure(now, ci);
        }
    }

    /// Gives closure `ci`'s points the riders they lack, if the pool has any.
    pub(crate) fn top_up_closure(&mut self, now: SimTime, ci: usize) {
        let cl = &self.resp.closures[ci];
        let have: u32 = cl.riders.iter().map(|r| r.1).sum();
        if cl.serving && have < cl.riders_wanted {
            self.assign_riders(now, ci);
            for p in self.resp.closures[ci].points.clone() {
                self.start_services(now, p);
            }
        }
    }

    /// Points start their working day.
    pub(crate) fn points_shift(
        &mut self,
        now: SimTime,
        closure: u32,
        s: &mut Scheduler<CityEvent>,
    ) {
        if !self.resp.closures[closure as usize].serving {
            return;
        }
        for p in self.resp.closures[closure as usize].points.clone() {
            self.start_services(now, p);
        }
        s.schedule_in(SimDuration(DAY), CityEvent::PointsShift { closure });
    }

    /// Designated suppliers top the points up to their target cover, on
    /// routes through the closure's points; each round asks for each
    /// point's gap anew, of the suppliers that have the goods.
    pub(crate) fn resupply_points(
        &mut self,
        now: SimTime,
        closure: u32,
        s: &mut Scheduler<CityEvent>,
    ) {
        let ci = closure as usize;
        if !self.resp.closures[ci].serving {
            return;
        }
        let nc = self.nc;
        let sup = self.resp.closures[ci].suppliers.clone();
        let points = self.resp.closures[ci].points.clone();
        if !sup.is_empty() {
            self.withdraw_point_orders(&sup, ci);
            // What each supplier can still send this round, per category:
            // its stock less what it already owes others.
            let mut can: Vec<Vec<i64>> = sup
                .iter()
                .map(|&st| {
                    (0..nc)
                        .map(|c| {
                            let o = Origin::Store(st);
                            (self.available(o, c) - self.queued(o, c)).max(0)
                        })
                        .collect()
                })
                .collect();
            let pairs = Self::plan_supply_pairs(sup.len(), points.len());
            let own: Vec<Vec<bool>> = (0..points.len())
                .map(|j| {
                    let mut o = vec![false; sup.len()];
                    for &(k, q) in &pairs {
                        o[k] |= q == j;
                    }
                    o
                })
                .collect();
            // Each supplier's duty (the daily need its own reorders count
            // on) moves halfway to its share of the points' need, split as
            // the orders are.
            for c in 0..nc {
                let avail: Vec<i64> = can.iter().map(|a| a[c]).collect();
                if avail.iter().all(|&a| a == 0) {
                    continue;
                }
                let mut share = vec![0i64; sup.len()];
                for (j, &p) in points.iter().enumerate() {
                    let need = self.resp.points[p as usize].need[c];
                    for (s, g) in share
                        .iter_mut()
                        .zip(Self::split_point_gap(need, &avail, &own[j]))
                    {
                        *s += g;
                    }
                }
                for (j, g) in share.into_iter().enumerate() {
                    let old = self.resp.closures[ci].duty[j * nc + c];
                    self.set_duty(ci, j, c, (old + g) / 2);
                }
            }
            for (j, &p) in points.iter().enumerate() {
                let pi = p as usize;
                let mut parts = vec![vec![0i64; nc]; sup.len()];
                for c in 0..nc {
                    let target =
                        (self.resp.points[pi].need[c] as f64 * point_cover_days(self.sc, c)) as i64;
                    let have = self.resp.point_stock.total(pi * nc + c)
                        + self.resp.point_pending[pi * nc + c];
                    let gap = target - have;
                    if gap <= 0 {
                        continue;
                    }
                    self.resp.point_pending[pi * nc + c] += gap;
                    let avail: Vec<i64> = can.iter().map(|a| a[c]).collect();
                    let split = Self::split_point_gap(gap, &avail, &own[j]);
                    for (k, share) in split.into_iter().enumerate() {
                        parts[k][c] = share;
                        can[k][c] = (can[k][c] - share).max(0);
                    }
                }
                for (&st, amounts) in sup.iter().zip(parts) {
                    if amounts.iter().any(|&a| a > 0) {
                        self.queue_order(
                            Origin::Store(st),
                            Order {
                                dest: Dest::Point(p),
                                kind: ShipKind::PointSupply,
                                amounts,
                            },
                        );
                    }
                }
            }
            for &st in &sup {
                self.dispatch(now, Origin::Store(st), s);
            }
        }
        // Then at fixed times of day, the first two hours before the points
        // open, whenever the points opened: the plan's rounds do not drift
        // with the decision and set-up delays.
        let per_day = u64::from(self.sc.plan.replenish_per_day_response);
        let first = (self.sc.plan.point_open * HOUR + DAY - 2 * HOUR) % DAY;
        let next = (0..per_day)
            .map(|j| (now + SimDuration(1)).next_clock((first + j * DAY / per_day) % DAY))
            .min()
            .unwrap_or(now + SimDuration(DAY));
        s.schedule_in(next.since(now), CityEvent::PointResupply { closure });
    }

    /// Sets the duty of closure `ci`'s `j`-th supplier in category `c` to
    /// `grams` a day, on the store and on its depot.
    fn set_duty(&mut self, ci: usize, j: usize, c: usize, grams: i64) {
        let nc = self.nc;
        let st = self.resp.closures[ci].suppliers[j] as usize;
        let delta = grams - self.resp.closures[ci].duty[j * nc + c];
        self.resp.closures[ci].duty[j * nc + c] = grams;
        self.stores.duty[st * nc + c] += delta;
        let sup = self.sc.city.stores[st].supplier;
        self.depots.duty[sup * nc + c] += delta;
    }

    /// Takes back the orders for closure `ci`'s points still waiting at its
    /// suppliers (backorders): each round plans the points' gaps afresh, so
    /// that goods a supplier cannot send are asked of one that can.
    fn withdraw_point_orders(&mut self, sup: &[u32], ci: usize) {
        let nc = self.nc;
        let points = &self.resp.points;
        let pending = &mut self.resp.point_pending;
        for &st in sup {
            self.stores.fleet[st as usize]
                .queue
                .retain(|dest, kind, amounts| match dest {
                    Dest::Point(p)
                        if kind == ShipKind::PointSupply
                            && points[p as usize].closure as usize == ci =>
                    {
                        for (c, &a) in amounts.iter().enumerate() {
                            pending[p as usize * nc + c] -= a;
                        }
                        false
                    }
                    _ => true,
                });
        }
    }

    /// Goods reach a point: `lots` holds (made at, grams) per category.
    pub(crate) fn point_arrival(&mut self, now: SimTime, p: u32, lots: &[(i64, i64)]) {
        let pi = p as usize;
        let nc = self.nc;
        let cl = self.resp.points[pi].closure as usize;
        let d = self.resp.points[pi].district;
        for (c, &(made, g)) in lots.iter().enumerate() {
            self.resp.point_pending[pi * nc + c] -= g;
            self.m.daily[d * nc + c][DELIVERED] += g;
            self.resp.point_stock.add(pi * nc + c, made, g);
        }
        if self.resp.points[pi].open {
            if self.resp.closures[cl].first_goods.is_none() && lots.iter().any(|l| l.1 > 0) {
                self.resp.closures[cl].first_goods = Some(now);
                let place = self.sc.city.places[self.resp.closures[cl].place as usize]
                    .name
                    .clone();
                self.record(
                    now,
                    Happening::FirstGoods {
                        closure: cl as u32,
                        place,
                    },
                );
            }
            self.start_services(now, p);
        } else if let Some(&st) = self.resp.closures[cl].suppliers.first() {
            // The point has closed: goods go back to the first designated supplier.
            self.return_to_store(st as usize, pi);
        }
    }
}
