//! Door delivery at the distribution points: households order, riders
//! pack and deliver, each point on a calendar of its own.
//!
//! A point's orders and deliveries are three quarters of a city's events,
//! and they touch nothing but the point itself (its queue, its stock) and
//! the pantries of the buildings it serves. So they do not go through the
//! city's event queue: each point keeps what it does next in a small
//! calendar ([`Calendar`]), draws from a random stream of its own, and is
//! brought up to date ([`World::catch_up`]) just before anything else
//! reads or changes what its events touch: goods arriving at it, its
//! closure's resupply round and working day, the sales rounds (where every
//! building eats), midnight and every rarer event. Between those, a
//! point's events run one after the other, on data already near.
//!
//! A traced run (`events.csv`) brings every point up to date before every
//! event of the city instead, interleaving the points' events with the
//! city's in time order; it gives the same outcomes, which
//! `tests/integration/service.rs` checks on every shipped scenario.

use std::cmp::Reverse;
use std::collections::BinaryHeap;

use rand::RngExt;

use super::metrics::{CostItem, TraceRow};
use super::world::*;
use crate::engine::{HOUR, RngStreams, SimDuration, SimRng, SimTime, StreamId, ceil_i64};

/// One thing a point does next: at `time`, in order of `seq` among
/// equal times, the next household order (`building` [`NONE`]) or the
/// end of the delivery of an order from `building`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
struct Due {
    time: u64,
    seq: u64,
    building: u32,
}

/// What one point does next, and its random stream.
#[derive(Debug, Clone)]
pub(crate) struct Calendar {
    due: BinaryHeap<Reverse<Due>>,
    seq: u64,
    rng: SimRng,
}

impl Calendar {
    /// An empty calendar for point `p` of replication `streams`.
    pub(crate) fn new(streams: RngStreams, p: usize) -> Self {
        Calendar {
            due: BinaryHeap::new(),
            seq: 0,
            rng: streams.indexed(StreamId::Service, p as u64),
        }
    }

    fn push(&mut self, time: SimTime, building: u32) {
        self.due.push(Reverse(Due {
            time: time.0,
            seq: self.seq,
            building,
        }));
        self.seq += 1;
    }

    /// When the next thing is due ([`u64::MAX`]: nothing).
    fn next(&self) -> u64 {
        self.due.peek().map_or(u64::MAX, |d| d.0.time)
    }

    /// Forgets everything due (the point has closed).
    pub(crate) fn clear(&mut self) {
        self.due.clear();
    }
}

impl World<'_> {
    /// Whether `now` is within the points' working hours.
    fn in_hours(&self, now: SimTime) -> bool {
        let h = now.second_of_day();
        let plan = &self.sc.plan;
        h >= plan.point_open * HOUR && h < plan.point_close * HOUR
    }

    /// Working hours of points per day [h].
    fn point_hours(&self) -> f64 {
        (self.sc.plan.point_close - self.sc.plan.point_open) as f64
    }

    /// Puts on point `p`'s calendar what it does next at `time`.
    fn due(&mut self, p: usize, time: SimTime, building: u32) {
        let cal = &mut self.resp.points[p].cal;
        cal.push(time, building);
        self.resp.next_due[p] = cal.next();
    }

    /// Schedules the next order at point `p`: households order at a
    /// constant rate during working hours.
    pub(crate) fn schedule_order(&mut self, now: SimTime, p: u32) {
        let pi = p as usize;
        let hh = *self.resp.points[pi].cum_households.last().unwrap_or(&0) as f64;
        let rate_per_h = hh / self.sc.plan.order_interval_days / self.point_hours();
        if rate_per_h <= 0.0 {
            return;
        }
        let u: f64 = self.resp.points[pi].cal.rng.random();
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
        self.due(pi, t, NONE);
    }

    /// A household order reaches point `p`.
    fn order_arrive(&mut self, now: SimTime, p: u32) {
        let pi = p as usize;
        if !self.resp.points[pi].open {
            return;
        }
        let pt = &mut self.resp.points[pi];
        let total = *pt.cum_households.last().unwrap_or(&0);
        let pick = pt.cal.rng.random_range(0..total.max(1));
        let k = pt.cum_households.partition_point(|&c| c <= pick);
        let b = pt.buildings[k.min(pt.buildings.len() - 1)];
        pt.queue.enqueue(now, b);
        self.start_services(now, p);
        self.schedule_order(now, p);
    }

    /// Whether point `p` holds any goods.
    fn point_has_goods(&self, p: usize) -> bool {
        let nc = self.nc;
        self.resp.point_stock.totals()[p * nc..(p + 1) * nc]
            .iter()
            .any(|&g| g > 0)
    }

    /// Starts services while riders are free, in working hours, and the
    /// point has goods to hand out.
    pub(crate) fn start_services(&mut self, now: SimTime, p: u32) {
        let pi = p as usize;
        if !self.in_hours(now) || !self.point_has_goods(pi) {
            return;
        }
        let mu = self.sc.riders.orders_per_rider_per_day / self.point_hours();
        loop {
            let pt = &mut self.resp.points[pi];
            let Some((b, _wait)) = pt.queue.try_start(now) else {
                break;
            };
            let u: f64 = pt.cal.rng.random();
            let h = -(1.0 - u).ln() / mu;
            self.due(pi, now + SimDuration::from_hours(h), b);
        }
    }

    /// An order is packed and delivered: the household gets its share of
    /// what its building lacks for the order interval, from the point's
    /// stock. An order with nothing to hand out goes back to the queue.
    fn service_done(&mut self, now: SimTime, p: u32, b: u32) {
        let pi = p as usize;
        let nc = self.nc;
        self.resp.points[pi].queue.finish();
        if self.resp.points[pi].open {
            let b = b as usize;
            let hh = f64::from(self.homes.households[b]);
            let days = self.sc.plan.order_interval_days + 1.0;
            let cl = self.resp.points[pi].closure as usize;
            let d = self.resp.points[pi].district;
            let mut handed = 0;
            for c in 0..nc {
                // Until the next order and a day more, no more than keeps.
                let cover = days.min(self.sc.goods[c].pantry_life_days);
                let target = self.homes.need[b * nc + c] as f64 * cover;
                let want = ceil_i64((target - self.homes.pantry[b * nc + c] as f64).max(0.0) / hh);
                if want <= 0 {
                    continue; // (a take of nothing changes nothing)
                }
                let (got, _) = self.resp.point_stock.take(pi * nc + c, want);
                self.homes.pantry[b * nc + c] += got;
                self.m.daily[d * nc + c][POINT] += got;
                self.resp.closures[cl].handed_out[c] += got;
                handed += got;
            }
            if handed > 0 {
                self.resp.points[pi].served += 1;
                let fee = self.sc.costs.door_delivery;
                self.cost(CostItem::DoorDelivery, fee);
            } else {
                self.resp.points[pi].queue.requeue(now, b as u32);
            }
        }
        self.start_services(now, p);
    }

    /// Whether the run lists its events (`events.csv`, or a sink).
    pub(crate) fn traced(&self) -> bool {
        self.trace.is_some() || self.sink.is_some()
    }

    /// Does the next thing on point `p`'s calendar.
    fn step_point(&mut self, p: usize) {
        let Some(Reverse(d)) = self.resp.points[p].cal.due.pop() else {
            return;
        };
        self.resp.next_due[p] = self.resp.points[p].cal.next();
        self.resp.point_events += 1;
        let now = SimTime(d.time);
        if self.traced() {
            let event = self.describe_due(p, d.building);
            self.trace_row(now, event);
        }
        if d.building == NONE {
            self.order_arrive(now, p as u32);
        } else {
            self.service_done(now, p as u32, d.building);
        }
    }

    /// Brings point `p` up to `now`: everything on its calendar due at
    /// `now` or before, in order.
    pub(crate) fn catch_up(&mut self, p: usize, now: SimTime) {
        while self.resp.next_due[p] <= now.0 {
            self.step_point(p);
        }
    }

    /// Brings the points of closure `ci` up to `now`.
    pub(crate) fn catch_up_closure(&mut self, ci: usize, now: SimTime) {
        for k in 0..self.resp.closures[ci].points.len() {
            let p = self.resp.closures[ci].points[k] as usize;
            self.catch_up(p, now);
        }
    }

    /// Brings every point up to `now`, one point after the other (their
    /// events touch nothing another point's do), or in time order across
    /// points in a traced run.
    pub(crate) fn catch_up_all(&mut self, now: SimTime) {
        if self.traced() {
            return self.catch_up_in_order(now);
        }
        for p in 0..self.resp.next_due.len() {
            self.catch_up(p, now);
        }
    }

    /// Brings up to `now` the points whose state or buildings `event`
    /// reads or changes: none for the vehicles' work at depots and stores,
    /// one for goods arriving at a point, a closure's for its resupply
    /// round and working day, every point for everything else (the sales
    /// rounds, midnight, the reports and the rare events). A traced run
    /// brings every point up to date before every event, in time order.
    pub(crate) fn catch_up_for(&mut self, now: SimTime, event: &CityEvent) {
        if self.traced() {
            return self.catch_up_in_order(now);
        }
        match *event {
            CityEvent::VehicleBack { .. }
            | CityEvent::DepotReopen { .. }
            | CityEvent::Replenish { .. }
            | CityEvent::DepotReview
            | CityEvent::CheckpointNormal { .. } => {}
            CityEvent::Arrive { shipment } => {
                if let Dest::Point(p) = self.road.shipments[shipment as usize].dest {
                    self.catch_up(p as usize, now);
                }
            }
            CityEvent::PointsShift { closure } | CityEvent::PointResupply { closure } => {
                self.catch_up_closure(closure as usize, now);
            }
            _ => self.catch_up_all(now),
        }
    }

    /// Brings every point up to `now` with their events in time order
    /// across points (earlier point first at equal times), as a trace
    /// lists them.
    fn catch_up_in_order(&mut self, now: SimTime) {
        loop {
            let next = self
                .resp
                .next_due
                .iter()
                .enumerate()
                .min_by_key(|&(p, &t)| (t, p));
            match next {
                Some((p, &t)) if t <= now.0 => self.step_point(p),
                _ => return,
            }
        }
    }

    /// A point's next thing in words, for `events.csv`.
    fn describe_due(&self, p: usize, building: u32) -> String {
        let point = self.describe_point(p as u32);
        if building == NONE {
            format!("order at {point}")
        } else {
            let city = &self.sc.city;
            let place = &city.places[city.buildings[building as usize].place].name;
            format!("order delivered to {place} from {point}")
        }
    }

    /// Adds a row to the trace (or sends it to the sink).
    pub(crate) fn trace_row(&mut self, now: SimTime, event: String) {
        let row = TraceRow {
            time_s: now.0,
            time: now.to_string(),
            event,
        };
        if let Some(sink) = self.sink.as_mut() {
            sink.0.event(row);
        } else if let Some(t) = self.trace.as_mut() {
            t.push(row);
        }
    }
}
