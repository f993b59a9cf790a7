//! Closures and the plan's answer to them: sealing and escalation
//! (building → compound → community → street), designated suppliers
//! (the 1 / 2-3 / 3-4 / 5-8 rule), vehicle passes, distribution points as
//! queues with servers, door delivery, and the end of response.

use rand::RngExt;

use super::config::Level;
use super::delivery::ServerQueue;
use super::metrics::{CostItem, Happening};
use super::world::*;
use crate::engine::{DAY, HOUR, Scheduler, SimDuration, SimTime};

impl World<'_> {
    /// Seals `place`. A place already inside a sealed area is left as it is;
    /// active closures inside the new one are absorbed by it.
    pub(crate) fn seal(
        &mut self,
        now: SimTime,
        place: u32,
        cause: Cause,
        s: &mut Scheduler<CityEvent>,
    ) {
        let sc = self.sc;
        let p = &sc.city.places[place as usize];
        if p.first == p.end {
            return; // nothing lives there
        }
        let covering = self.sealed_by[p.first];
        if covering != NONE {
            let cp = &sc.city.places[self.closures[covering as usize].place as usize];
            if cp.first <= p.first && p.end <= cp.end {
                return;
            }
        }
        let id = self.closures.len() as u32;
        let mut absorbed = Vec::new();
        for (i, c) in self.closures.iter_mut().enumerate() {
            let cp = &sc.city.places[c.place as usize];
            if c.ended.is_none() && p.first <= cp.first && cp.end <= p.end {
                c.ended = Some(now);
                c.escalated_to = Some(id);
                absorbed.push(i as u32);
            }
        }
        self.closures.push(Closure {
            place,
            level: p.level,
            cause,
            start: now,
            ended: None,
            escalated_to: None,
            serving: false,
            absorbed,
            suppliers: Vec::new(),
            points: Vec::new(),
            passes_at: None,
            first_goods: None,
            handed_out: vec![0; self.nc],
            unmet: 0,
            compensated: false,
            duty: Vec::new(),
            riders: 0,
        });
        for b in &mut self.sealed_by[p.first..p.end] {
            *b = id;
        }
        self.refresh_zones();
        // Stores now sealed stop counting stock-outs.
        for st in 0..sc.city.stores.len() {
            if self.store_risk[st] == Risk::High {
                for c in 0..self.nc {
                    self.stockout_stop(st * self.nc + c, now);
                }
            }
        }
        let push = *sc.panic.closure_push.get(p.level);
        self.panic_push(now, Some(p.district), push, sc.panic.spill_share);
        let rules = &sc.closures;
        let days = rules
            .duration_days
            .get(p.level)
            .sample(&mut self.r_closures);
        let end = SimDuration::from_days(days);
        s.schedule_in(end, CityEvent::ClosureEnd { closure: id });
        let rate = *rules.escalation_per_day.get(p.level);
        let can_escalate = matches!(
            p.level,
            Level::Building | Level::Compound | Level::Community
        );
        if rate > 0.0 && can_escalate {
            let u: f64 = self.r_closures.random();
            let after = SimDuration::from_days(-(1.0 - u).ln() / rate);
            if after < end {
                s.schedule_in(after, CityEvent::Escalate { closure: id });
            }
        }
        s.schedule_in(
            SimDuration::from_hours(sc.plan.decision_delay_hours),
            CityEvent::Designate { closure: id },
        );
        let absorbed = self.closures[id as usize].absorbed.clone();
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
    }

    /// Escalation: the enclosing place is sealed.
    pub(crate) fn escalate(&mut self, now: SimTime, closure: u32, s: &mut Scheduler<CityEvent>) {
        let c = &self.closures[closure as usize];
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
    /// close, their stock returns to a designated supplier, requisitioned
    /// goods are compensated.
    pub(crate) fn end_closure(
        &mut self,
        now: SimTime,
        closure: u32,
        _s: &mut Scheduler<CityEvent>,
    ) {
        let sc = self.sc;
        let ci = closure as usize;
        if self.closures[ci].ended.is_some() {
            return;
        }
        self.closures[ci].ended = Some(now);
        let p = &sc.city.places[self.closures[ci].place as usize];
        for b in &mut self.sealed_by[p.first..p.end] {
            if *b == closure {
                *b = NONE;
            }
        }
        let mut family = self.closures[ci].absorbed.clone();
        family.push(closure);
        for &f in &family {
            self.stop_serving(now, f);
        }
        self.refresh_zones();
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
        let cl = &mut self.closures[closure as usize];
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

    /// A closure's points stop serving; their stock and waiting orders go.
    fn stop_serving(&mut self, now: SimTime, closure: u32) {
        let nc = self.nc;
        let c = &mut self.closures[closure as usize];
        if !c.serving {
            return;
        }
        c.serving = false;
        let home = c.suppliers.first().copied();
        let duty = std::mem::take(&mut c.duty);
        for &st in &c.suppliers {
            for (k, d) in duty.iter().enumerate() {
                self.duty[st as usize * nc + k] -= d;
            }
        }
        let points = c.points.clone();
        for p in points {
            let pi = p as usize;
            self.points[pi].open = false;
            let pt = &mut self.points[pi];
            let (n, wait) = pt.queue.close(now);
            // Orders in service when the point closes are not delivered either.
            pt.unserved += n + u64::from(pt.queue.busy());
            pt.unserved_wait_s += wait;
            for k in 0..nc {
                let g = std::mem::take(&mut self.point_stock[pi * nc + k]);
                match home {
                    Some(st) => self.stock[st as usize * nc + k] += g,
                    None => self.point_stock[pi * nc + k] = g,
                }
            }
        }
    }

    /// The decision 决策: suppliers designated by the plan's rule, nearest
    /// first (regional supply circle), and vehicle passes requested.
    pub(crate) fn designate(&mut self, now: SimTime, closure: u32, s: &mut Scheduler<CityEvent>) {
        let sc = self.sc;
        let ci = closure as usize;
        if self.closures[ci].ended.is_some() {
            return;
        }
        let place = self.closures[ci].place as usize;
        let p = &sc.city.places[place];
        let k = sc
            .plan
            .suppliers
            .get(p.level)
            .count(p.population, sc.plan.people_per_supplier) as usize;
        let neighbourhood = p.parent.unwrap_or(place);
        let mut cands: Vec<(u8, usize, usize)> = sc
            .city
            .stores
            .iter()
            .enumerate()
            .map(|(i, st)| {
                // Stores outside the sealed area first, nearest first; a
                // sealed store only when no other can (closed-loop supply
                // inside the area, as in a small city sealed whole).
                let class = if self.store_risk[i] == Risk::High {
                    3
                } else if sc.city.within(st.place, neighbourhood) {
                    0
                } else if st.district == p.district {
                    1
                } else {
                    2
                };
                let dist = sc.city.places[st.place].first.abs_diff(p.first);
                (class, dist, i)
            })
            .collect();
        cands.sort_unstable();
        let chosen: Vec<u32> = cands.iter().take(k).map(|c| c.2 as u32).collect();
        let stores: Vec<String> = chosen
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
        self.closures[ci].suppliers = chosen;
        if sc.plan.vehicle_passes {
            self.closures[ci].passes_at =
                Some(now + SimDuration::from_hours(sc.transport.pass_delay_hours));
        }
        s.schedule_in(
            SimDuration::from_hours(sc.plan.setup_delay_hours),
            CityEvent::PointsOpen { closure },
        );
    }

    /// Distribution points open, each serving a contiguous share of the
    /// sealed buildings.
    pub(crate) fn open_points(&mut self, now: SimTime, closure: u32, s: &mut Scheduler<CityEvent>) {
        let sc = self.sc;
        let nc = self.nc;
        let ci = closure as usize;
        if self.closures[ci].ended.is_some() {
            return;
        }
        let p = &sc.city.places[self.closures[ci].place as usize];
        let nb = p.end - p.first;
        let n = (sc
            .plan
            .points
            .get(p.level)
            .count(p.population, sc.plan.people_per_point) as usize)
            .min(nb);
        let total_hh: u64 = (p.first..p.end).map(|b| self.households(b)).sum();
        let mut ids = Vec::with_capacity(n);
        let mut b = p.first;
        let mut acc = 0u64;
        for k in 0..n {
            let goal = total_hh * (k as u64 + 1) / n as u64;
            let mut buildings = Vec::new();
            let mut cum = Vec::new();
            let mut hh = 0u64;

            while b < p.end && (acc < goal || buildings.is_empty()) && (p.end - b) > (n - k - 1) {
                let h = self.households(b);
                acc += h;
                hh += h;
                buildings.push(b as u32);
                cum.push(hh);
                b += 1;
            }
            if k + 1 == n {
                while b < p.end {
                    let h = self.households(b);
                    hh += h;
                    buildings.push(b as u32);
                    cum.push(hh);
                    b += 1;
                }
            }
            let id = self.points.len() as u32;
            let need = (0..nc)
                .map(|c| {
                    buildings
                        .iter()
                        .map(|&b| self.need[b as usize * nc + c])
                        .sum()
                })
                .collect();
            self.points.push(Point {
                closure,
                district: p.district,
                buildings,
                need,
                cum_households: cum,
                open: true,
                queue: ServerQueue::new(sc.plan.point_riders),
                served: 0,
                unserved: 0,
                unserved_wait_s: 0,
            });
            self.point_stock.extend(std::iter::repeat_n(0, nc));
            self.point_pending.extend(std::iter::repeat_n(0, nc));
            ids.push(id);
        }
        // Predecessors absorbed by this closure hand over now.
        let absorbed = self.closures[ci].absorbed.clone();
        let first = ids[0] as usize;
        for a in absorbed {
            if self.closures[a as usize].serving {
                for &op in &self.closures[a as usize].points.clone() {
                    for k in 0..nc {
                        let g = std::mem::take(&mut self.point_stock[op as usize * nc + k]);
                        self.point_stock[first * nc + k] += g;
                    }
                }
                self.stop_serving(now, a);
            }
        }
        // Designated suppliers carry the points' daily need on top of their own.
        let k = self.closures[ci].suppliers.len().max(1) as i64;
        let duty: Vec<i64> = (0..nc)
            .map(|c| (p.first..p.end).map(|b| self.need[b * nc + c]).sum::<i64>() / k)
            .collect();
        for &st in &self.closures[ci].suppliers.clone() {
            for c in 0..nc {
                self.duty[st as usize * nc + c] += duty[c];
            }
        }
        self.closures[ci].duty = duty;
        self.closures[ci].points = ids.clone();
        self.closures[ci].serving = true;
        let riders = ids.len() as u32 * sc.plan.point_riders;
        self.closures[ci].riders = riders;
        self.record(
            now,
            Happening::PointsOpened {
                closure,
                place: p.name.clone(),
                points: ids.len() as u32,
                riders,
                riders_wanted: riders,
            },
        );
        for &id in &ids {
            self.schedule_order(now, id, s);
        }
        let open = now.next_clock(sc.plan.point_open * HOUR);
        s.schedule_in(open.since(now), CityEvent::PointsShift { closure });
        self.resupply_points(now, closure, s);
    }

    fn households(&self, b: usize) -> u64 {
        let r = f64::from(self.sc.city.buildings[b].residents);
        (r / self.sc.households.persons_per_household)
            .round()
            .max(1.0) as u64
    }

    fn in_hours(&self, now: SimTime) -> bool {
        let h = now.second_of_day();
        let plan = &self.sc.plan;
        h >= plan.point_open * HOUR && h < plan.point_close * HOUR
    }

    /// Working hours of points per day [h].
    fn point_hours(&self) -> f64 {
        (self.sc.plan.point_close - self.sc.plan.point_open) as f64
    }

    /// Schedules the next order at point `p`: households order at a
    /// constant rate during working hours.
    fn schedule_order(&mut self, now: SimTime, p: u32, s: &mut Scheduler<CityEvent>) {
        let hh = *self.points[p as usize].cum_households.last().unwrap_or(&0) as f64;
        let rate_per_h = hh / self.sc.plan.order_interval_days / self.point_hours();
        if rate_per_h <= 0.0 {
            return;
        }
        let u: f64 = self.r_service.random();
        let mut gap = -(1.0 - u).ln() / rate_per_h;
        // Working time runs only during opening hours: skip the nights.
        let mut t = now;
        if !self.in_hours(t) {
            t = t.next_clock(self.sc.plan.point_open * HOUR);
        }
        loop {
            let close = t.next_clock(self.sc.plan.point_close * HOUR);
            let left = close.since(t).as_hours();
            if gap < left {
                t += SimDuration::from_hours(gap);
                break;
            }
            gap -= left;
            t = close.next_clock(self.sc.plan.point_open * HOUR);
        }
        s.schedule_in(t.since(now), CityEvent::OrderArrive { point: p });
    }

    /// A household order reaches a point.
    pub(crate) fn order_arrive(&mut self, now: SimTime, p: u32, s: &mut Scheduler<CityEvent>) {
        let pi = p as usize;
        if !self.points[pi].open {
            return;
        }
        let total = *self.points[pi].cum_households.last().unwrap_or(&0);
        let pick = self.r_service.random_range(0..total.max(1));
        let k = self.points[pi]
            .cum_households
            .partition_point(|&c| c <= pick);
        let b = self.points[pi].buildings[k.min(self.points[pi].buildings.len() - 1)];
        self.points[pi].queue.enqueue(now, b);
        self.start_services(now, p, s);
        self.schedule_order(now, p, s);
    }

    /// Starts services while riders are free, in working hours.
    pub(crate) fn start_services(&mut self, now: SimTime, p: u32, s: &mut Scheduler<CityEvent>) {
        if !self.in_hours(now) {
            return;
        }
        let mu = self.sc.riders.orders_per_rider_per_day / self.point_hours();
        while let Some((b, _wait)) = self.points[p as usize].queue.try_start(now) {
            let u: f64 = self.r_service.random();
            let h = -(1.0 - u).ln() / mu;
            s.schedule_in(
                SimDuration::from_hours(h),
                CityEvent::ServiceDone {
                    point: p,
                    building: b,
                },
            );
        }
    }

    /// Points start their working day.
    pub(crate) fn points_shift(
        &mut self,
        now: SimTime,
        closure: u32,
        s: &mut Scheduler<CityEvent>,
    ) {
        if !self.closures[closure as usize].serving {
            return;
        }
        for p in self.closures[closure as usize].points.clone() {
            self.start_services(now, p, s);
        }
        s.schedule_in(SimDuration(DAY), CityEvent::PointsShift { closure });
    }

    /// An order is packed and delivered: the household gets its share of
    /// what its building lacks for the order interval, from the point's stock.
    pub(crate) fn service_done(
        &mut self,
        now: SimTime,
        p: u32,
        b: u32,
        s: &mut Scheduler<CityEvent>,
    ) {
        let pi = p as usize;
        let nc = self.nc;
        self.points[pi].queue.finish();
        if self.points[pi].open {
            let b = b as usize;
            let hh = self.households(b) as f64;
            let cover = self.sc.plan.order_interval_days + 1.0;
            let cl = self.points[pi].closure as usize;
            for c in 0..nc {
                let target = self.need[b * nc + c] as f64 * cover;
                let want = ((target - self.pantry[b * nc + c] as f64).max(0.0) / hh).ceil() as i64;
                let got = want.min(self.point_stock[pi * nc + c]);
                self.point_stock[pi * nc + c] -= got;
                self.pantry[b * nc + c] += got;
                self.m.daily[self.points[pi].district * nc + c][POINT] += got;
                self.closures[cl].handed_out[c] += got;
            }
            self.points[pi].served += 1;
            let fee = self.sc.costs.door_delivery;
            self.cost(CostItem::DoorDelivery, fee);
        }
        self.start_services(now, p, s);
    }

    /// Designated suppliers top the points up to their target cover.
    pub(crate) fn resupply_points(
        &mut self,
        now: SimTime,
        closure: u32,
        s: &mut Scheduler<CityEvent>,
    ) {
        let ci = closure as usize;
        if !self.closures[ci].serving {
            return;
        }
        let nc = self.nc;
        let sup = self.closures[ci].suppliers.clone();
        if !sup.is_empty() {
            for p in self.closures[ci].points.clone() {
                let pi = p as usize;
                let mut parts = vec![vec![0i64; nc]; sup.len()];
                for c in 0..nc {
                    let target =
                        (self.points[pi].need[c] as f64 * self.sc.plan.point_cover_days) as i64;
                    let gap =
                        target - self.point_stock[pi * nc + c] - self.point_pending[pi * nc + c];
                    if gap <= 0 {
                        continue;
                    }
                    self.point_pending[pi * nc + c] += gap;
                    let k = sup.len() as i64;
                    for (j, part) in parts.iter_mut().enumerate() {
                        part[c] = gap / k + i64::from((j as i64) < gap % k);
                    }
                }
                for (j, &st) in sup.iter().enumerate() {
                    if parts[j].iter().any(|&a| a > 0) {
                        self.store_fleet[st as usize].queue.push_back(Order {
                            dest: Dest::Point(p),
                            kind: ShipKind::PointSupply,
                            amounts: std::mem::take(&mut parts[j]),
                        });
                    }
                }
            }
            for &st in &sup {
                self.dispatch(now, Origin::Store(st), s);
            }
        }
        let per_day = u64::from(self.sc.plan.replenish_per_day_response);
        s.schedule_in(
            SimDuration(DAY / per_day),
            CityEvent::PointResupply { closure },
        );
    }

    /// Goods reach a point.
    pub(crate) fn point_arrival(
        &mut self,
        now: SimTime,
        p: u32,
        amounts: &[i64],
        s: &mut Scheduler<CityEvent>,
    ) {
        let pi = p as usize;
        let nc = self.nc;
        let cl = self.points[pi].closure as usize;
        let d = self.points[pi].district;
        for c in 0..nc {
            self.point_pending[pi * nc + c] -= amounts[c];
            self.m.daily[d * nc + c][DELIVERED] += amounts[c];
        }
        if self.points[pi].open {
            for c in 0..nc {
                self.point_stock[pi * nc + c] += amounts[c];
            }
            if self.closures[cl].first_goods.is_none() && amounts.iter().any(|&a| a > 0) {
                self.closures[cl].first_goods = Some(now);
                let place = self.sc.city.places[self.closures[cl].place as usize]
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
            self.start_services(now, p, s);
        } else {
            // The point has closed: goods go back to the first designated supplier.
            let home = self.closures[cl].suppliers.first().copied();
            for c in 0..nc {
                match home {
                    Some(st) => self.stock[st as usize * nc + c] += amounts[c],
                    None => self.point_stock[pi * nc + c] += amounts[c],
                }
            }
        }
    }
}
