//! Vehicles and their routes: depots' and production bases' trucks, stores'
//! vans, goods from outside the city, and arrivals.
//!
//! A vehicle plans its trip: it takes the first order waiting and, on the
//! same route, the other orders waiting for the same area (the points of
//! one closure, the stores of one district), loading what fits within its
//! payload and the hours it may spend on the road. A trip takes travel
//! (inside a district or across), a delay at each controlled boundary it
//! crosses (into a control zone 管控区, into a sealed area 封控区), which
//! the green channel 绿色通道 cuts, and a stop at each destination. An
//! order the origin cannot fill yet waits for goods (a backorder).
//! Entering a sealed area needs the vehicle passes 通行证 (issued after
//! the decision), or, without passes, a negotiation at the gate.

use super::metrics::CostItem;
use super::world::*;
use crate::engine::{Scheduler, SimDuration, SimTime};

/// Most waiting orders a vehicle looks through to plan one route (counting
/// only those that want something the origin can load now).
const LOOK_AHEAD: usize = 64;

/// Most spare vectors kept for shipments to reuse.
const SPARE: usize = 4096;

/// Where a route goes: the stops of one route share an area.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Area {
    /// The points of one closure.
    Closure(u32),
    /// Stores of one district.
    District(usize),
    /// One depot.
    Depot(u32),
}

/// One stop of a route: what it unloads.
#[derive(Debug)]
struct Stop {
    dest: Dest,
    kind: ShipKind,
    amounts: Vec<i64>,
    made: Vec<i64>,
}

/// Scratch space of route planning, kept between routes so that planning
/// one allocates nothing but what its shipments carry away.
#[derive(Debug, Default)]
pub(crate) struct Planning {
    /// Positions of the orders it served, and of those served in part.
    done: Vec<usize>,
    again: Vec<usize>,
    /// What fits of one order, per category [g].
    want: Vec<i64>,
    take: Vec<i64>,
    stops: Vec<Stop>,
    /// One part (fresh or not) of an order being queued [g].
    part: Vec<i64>,
}

/// `want × room / total`, rounded down, without overflow: the share of a
/// vehicle's room given to one category.
fn share_of(want: i64, room: i64, total: i64) -> i64 {
    match want.checked_mul(room) {
        Some(p) => p / total,
        None => (i128::from(want) * i128::from(room) / i128::from(total)) as i64,
    }
}

impl World<'_> {
    /// Queues an order with `origin`'s vehicles, its fresh goods and the
    /// others as two orders, each joining an order waiting for the same
    /// destination and purpose.
    pub(crate) fn queue_order(&mut self, origin: Origin, order: Order) {
        if origin == Origin::Outside {
            return;
        }
        let area = self.area(order.dest);
        let fresh = &self.fresh;
        let amounts = &mut self.road.planning.part;
        let fleet = match origin {
            Origin::Supplier(i) => &mut self.depots.fleet[i as usize],
            Origin::Store(i) => &mut self.stores.fleet[i as usize],
            Origin::Outside => return,
        };
        for part in [true, false] {
            amounts.clear();
            amounts.extend(
                order
                    .amounts
                    .iter()
                    .zip(fresh)
                    .map(|(&a, &f)| if f == part { a } else { 0 }),
            );
            if amounts.iter().all(|&a| a <= 0) {
                continue;
            }
            fleet.queue.add(order.dest, order.kind, part, amounts, area);
        }
        self.recycle(order.amounts);
    }

    /// Keeps `v` for a shipment to reuse.
    fn recycle(&mut self, v: Vec<i64>) {
        if self.road.spare.len() < SPARE && v.capacity() > 0 {
            self.road.spare.push(v);
        }
    }

    /// `nc` zeros, in a spare vector if there is one.
    fn zeros(&mut self) -> Vec<i64> {
        let mut v = self.road.spare.pop().unwrap_or_default();
        v.clear();
        v.resize(self.nc, 0);
        v
    }

    fn area(&self, dest: Dest) -> Area {
        match dest {
            Dest::Point(p) => Area::Closure(self.resp.points[p as usize].closure),
            Dest::Store(s) => Area::District(self.sc.city.stores[s as usize].district),
            Dest::Supplier(d) => Area::Depot(d),
        }
    }

    /// What `origin` can load of category `c` now [g]: stock, or a
    /// production base's capacity left today.
    pub(crate) fn available(&self, origin: Origin, c: usize) -> i64 {
        let nc = self.nc;
        match origin {
            Origin::Supplier(i) => {
                let i = i as usize;
                if self.sc.city.suppliers[i].is_depot() {
                    self.depots.stock.total(i * nc + c)
                } else {
                    self.depots.capacity_left[i * nc + c]
                }
            }
            Origin::Store(i) => self.stores.stock.total(i as usize * nc + c),
            Origin::Outside => 0,
        }
    }

    /// Takes `g` grams of category `c` from `origin` (a base makes them
    /// now); returns when they were made.
    fn load(&mut self, now: SimTime, origin: Origin, c: usize, g: i64) -> i64 {
        let nc = self.nc;
        match origin {
            Origin::Supplier(i) => {
                let i = i as usize;
                if self.sc.city.suppliers[i].is_depot() {
                    self.depots.stock.take(i * nc + c, g).1
                } else {
                    self.depots.capacity_left[i * nc + c] -= g;
                    self.m.produced[c] += g;
                    self.m.balance[c].inflow_g += g;
                    now.0 as i64
                }
            }
            Origin::Store(i) => self.stores.stock.take(i as usize * nc + c, g).1,
            Origin::Outside => now.0 as i64,
        }
    }

    /// Sends vehicles from `origin` while it has vehicles, orders, goods
    /// and (depots) dispatch capacity left today, each on a planned route.
    pub(crate) fn dispatch(&mut self, now: SimTime, origin: Origin, s: &mut Scheduler<CityEvent>) {
        // No vehicle free or no order waiting (most calls, when a vehicle
        // comes back to an empty queue): nothing to plan.
        if origin == Origin::Outside || {
            let f = self.fleet(origin);
            f.free == 0 || f.queue.len() == 0
        } {
            return;
        }
        let mut x = std::mem::take(&mut self.road.planning);
        self.dispatch_with(now, origin, &mut x, s);
        self.road.planning = x;
    }

    /// [`World::dispatch`] with the scratch space `x`.
    fn dispatch_with(
        &mut self,
        now: SimTime,
        origin: Origin,
        x: &mut Planning,
        s: &mut Scheduler<CityEvent>,
    ) {
        let nc = self.nc;
        x.want.resize(nc, 0);
        x.take.resize(nc, 0);
        loop {
            let (free, capacity, budget) = match origin {
                Origin::Supplier(i) => {
                    let i = i as usize;
                    if self.depots.closed_until[i] > now {
                        return;
                    }
                    let f = &self.depots.fleet[i];
                    (f.free, f.capacity_g, self.depots.budget[i])
                }
                Origin::Store(i) => {
                    let f = &self.stores.fleet[i as usize];
                    (f.free, f.capacity_g, i64::MAX)
                }
                Origin::Outside => return,
            };
            let queue_len = self.fleet(origin).queue.len();
            if free == 0 || queue_len == 0 {
                return;
            }
            let room0 = capacity.min(budget);
            if room0 <= 0 {
                return; // dispatch capacity exhausted: wait for tomorrow
            }
            // Fresh goods first: the route starts with the first order that
            // wants the most perishable category the origin can load now;
            // orders it cannot serve yet wait (backorders).
            // The categories the origin can load now, as bits.
            let can0 = (0..nc)
                .filter(|&c| self.available(origin, c) > 0)
                .fold(0u64, |m, c| m | (1 << c));
            let queue = &self.fleet(origin).queue;
            let look = queue.window(can0, LOOK_AHEAD);
            let wanted = queue.wanted(look);
            let anchor = self.fresh_first.iter().find_map(|&c| {
                if wanted & (1 << c) == 0 || self.available(origin, c) == 0 {
                    return None;
                }
                queue.first_wanting(c, look)
            });
            let Some(first) = anchor else {
                return;
            };
            let first_dest = queue.dest(first);
            let area = queue.area(first);
            let (travel, gate_h) = self.route_delays(origin, first_dest);
            let tr = &self.sc.transport;
            let max_stops = if tr.stop_hours > 0.0 {
                ((tr.route_hours - 2.0 * travel - gate_h) / tr.stop_hours)
                    .floor()
                    .max(1.0) as usize
            } else {
                LOOK_AHEAD
            };
            let mut room = room0;
            x.done.clear();
            x.again.clear();
            // The categories the origin can load now, as bits: an order that
            // wants none of them would get nothing, so it is passed over
            // without a look at its amounts.
            let mut can = can0;
            // The route serves the first order, then the others of the
            // first `look` going to the same area, front first (looked for
            // only while the vehicle has room and time for another stop).
            let mut anchor = Some(first);
            let mut scan = 0;
            loop {
                if room <= 0 || x.stops.len() >= max_stops {
                    break;
                }
                let j = match anchor.take() {
                    Some(j) => j,
                    None => {
                        let queue = &self.fleet(origin).queue;
                        match queue.next_for(area, can, scan, look, first) {
                            Some(i) => {
                                scan = i + 1;
                                i
                            }
                            None => break,
                        }
                    }
                };
                // What fits, in proportion to what is wanted of each category
                // (no category waits behind another).
                let mut total = 0;
                let amounts = self.fleet(origin).queue.amounts(j);
                for c in 0..nc {
                    x.want[c] = amounts[c].min(self.available(origin, c)).max(0);
                    total += x.want[c];
                }
                x.take.copy_from_slice(&x.want);
                if total > room {
                    let mut given = 0;
                    for c in 0..nc {
                        x.take[c] = share_of(x.want[c], room, total);
                        given += x.take[c];
                    }
                    // The grams lost to rounding go to the freshest goods.
                    for &c in &self.fresh_first {
                        let more = (room - given).min(x.want[c] - x.take[c]);
                        x.take[c] += more;
                        given += more;
                    }
                }
                if x.take.iter().all(|&g| g <= 0) {
                    continue; // nothing of it can go yet: it waits
                }
                let mut load = self.zeros();
                let mut made = self.zeros();
                for c in 0..nc {
                    if x.take[c] > 0 {
                        made[c] = self.load(now, origin, c, x.take[c]);
                        load[c] = x.take[c];
                        room -= x.take[c];
                        if self.available(origin, c) <= 0 {
                            can &= !(1 << c);
                        }
                    }
                }
                let queue = &mut self.fleet_mut(origin).queue;
                let (dest, kind) = (queue.dest(j), queue.kind(j));
                x.done.push(j);
                if queue.serve(j, &load) {
                    // Served in part: to the back of the queue, so that the
                    // next vehicle serves another destination first.
                    x.again.push(j);
                }
                x.stops.push(Stop {
                    dest,
                    kind,
                    amounts: load,
                    made,
                });
            }
            x.done.sort_unstable();
            self.fleet_mut(origin).queue.requeue(&x.done, &x.again);
            if x.stops.is_empty() {
                continue;
            }
            let shipped: i64 = x
                .stops
                .iter()
                .map(|st| st.amounts.iter().sum::<i64>())
                .sum();
            if let Origin::Supplier(i) = origin {
                self.depots.budget[i as usize] -= shipped;
            }
            self.fleet_mut(origin).free -= 1;
            self.send_route(now, origin, travel, gate_h, &mut x.stops, s);
        }
    }

    fn fleet(&self, origin: Origin) -> &Fleet {
        match origin {
            Origin::Supplier(i) => &self.depots.fleet[i as usize],
            Origin::Store(i) => &self.stores.fleet[i as usize],
            Origin::Outside => unreachable!("goods from outside need no vehicle"),
        }
    }

    fn fleet_mut(&mut self, origin: Origin) -> &mut Fleet {
        match origin {
            Origin::Supplier(i) => &mut self.depots.fleet[i as usize],
            Origin::Store(i) => &mut self.stores.fleet[i as usize],
            Origin::Outside => unreachable!("goods from outside need no vehicle"),
        }
    }

    /// Goods of category `c` waiting at `origin` for a vehicle [g]
    /// (backorders).
    pub(crate) fn queued(&self, origin: Origin, c: usize) -> i64 {
        self.fleet(origin).queue.waiting(c)
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
            Dest::Point(p) => Some(self.resp.points[p as usize].district),
        }
    }

    /// Controlled boundaries a vehicle from `origin` crosses to reach
    /// `dest`: into a control zone (unless it starts inside it) and into a
    /// sealed area.
    fn checkpoints(&self, origin: Origin, dest: Dest) -> u32 {
        let city = &self.sc.city;
        let inside = |zone: usize| match origin {
            Origin::Store(s) => city.within(city.stores[s as usize].place, zone),
            _ => false,
        };
        match dest {
            Dest::Point(p) => {
                let place = self.resp.closures[self.resp.points[p as usize].closure as usize].place;
                let zone = control_zone(city, place as usize);
                1 + u32::from(zone.is_some_and(|z| !inside(z)))
            }
            Dest::Store(s) => match self.stores.risk[s as usize] {
                Risk::Low => 0,
                Risk::Medium => 1,
                // A store inside a sealed area: its zone's boundary too,
                // when there is one.
                Risk::High => {
                    let place = city.stores[s as usize].place;
                    let sealed = self.homes.sealed_by[city.places[place].first];
                    let zone = (sealed != NONE)
                        .then(|| {
                            control_zone(city, self.resp.closures[sealed as usize].place as usize)
                        })
                        .flatten();
                    1 + u32::from(zone.is_some())
                }
            },
            Dest::Supplier(_) => 0,
        }
    }

    /// Delay at one checkpoint now [h], with the green channel if on.
    pub(crate) fn checkpoint_hours(&mut self) -> f64 {
        let plan = &self.sc.plan;
        let mut h = self
            .sc
            .transport
            .checkpoint_delay
            .sample(&mut self.rng.transport);
        if plan.green_channel {
            h *= 1.0 - plan.green_channel_saving;
        }
        h + self.districts.extra_checkpoint_h
    }

    /// Draws a route's one-way travel and its delays at the gates (and,
    /// without vehicle passes, the negotiation at a sealed area's gate) [h].
    fn route_delays(&mut self, origin: Origin, dest: Dest) -> (f64, f64) {
        let from = self.origin_district(origin);
        let to = self.dest_district(dest);
        let tr = &self.sc.transport;
        let travel = if from.is_some() && from == to {
            tr.travel_local.sample(&mut self.rng.transport)
        } else {
            tr.travel_cross.sample(&mut self.rng.transport)
        };
        let mut gate = 0.0;
        for _ in 0..self.checkpoints(origin, dest) {
            gate += self.checkpoint_hours();
        }
        if matches!(dest, Dest::Point(_)) && !self.sc.plan.vehicle_passes {
            gate += self.sc.transport.pass_delay_hours;
        }
        (travel, gate)
    }

    /// Puts a route on the road: the stops in order, then the way back.
    fn send_route(
        &mut self,
        now: SimTime,
        origin: Origin,
        travel: f64,
        gate_h: f64,
        stops: &mut Vec<Stop>,
        s: &mut Scheduler<CityEvent>,
    ) {
        let mut at = now + SimDuration::from_hours(travel + gate_h);
        if let Dest::Point(p) = stops[0].dest {
            let cl = &self.resp.closures[self.resp.points[p as usize].closure as usize];
            if self.sc.plan.vehicle_passes
                && let Some(t) = cl.passes_at
            {
                // Held at the gate until the passes are issued.
                at = at.max(t + SimDuration::from_hours(travel));
            }
            let trip = self.sc.transport.trip_cost;
            self.cost(CostItem::EmergencyTransport, trip);
        }
        let stop = SimDuration::from_hours(self.sc.transport.stop_hours);
        for st in stops.drain(..) {
            let id = self.new_shipment(st.dest, st.kind, st.amounts, st.made);
            s.schedule_in(at.since(now), CityEvent::Arrive { shipment: id });
            at += stop;
        }
        let back = at + SimDuration::from_hours(travel);
        self.fleet_mut(origin).out_today_s += back.since(now).0;
        s.schedule_in(back.since(now), CityEvent::VehicleBack { origin });
    }

    /// Sends goods from outside the city (a transfer, a reserve release)
    /// to depot `d`, arriving after `hours`.
    pub(crate) fn send_from_outside(
        &mut self,
        d: usize,
        kind: ShipKind,
        amounts: Vec<i64>,
        hours: f64,
        s: &mut Scheduler<CityEvent>,
    ) {
        let mut made = self.zeros();
        made.resize(amounts.len(), 0);
        let id = self.new_shipment(Dest::Supplier(d as u32), kind, amounts, made);
        s.schedule_in(
            SimDuration::from_hours(hours),
            CityEvent::Arrive { shipment: id },
        );
    }

    fn new_shipment(
        &mut self,
        dest: Dest,
        kind: ShipKind,
        amounts: Vec<i64>,
        made: Vec<i64>,
    ) -> u32 {
        let sh = Shipment {
            dest,
            kind,
            live: true,
        };
        let id = self.road.add(sh, &amounts, &made);
        self.recycle(amounts);
        self.recycle(made);
        id
    }

    /// Goods arrive.
    pub(crate) fn arrive(&mut self, now: SimTime, id: u32, s: &mut Scheduler<CityEvent>) {
        let nc = self.nc;
        let sh = self.road.remove(id);
        // Goods from outside travel chilled or frozen: their shelf life
        // starts when they arrive. (The shipment's block is read in place:
        // its id is reused only by a shipment sent after these reads.)
        let outside = matches!(sh.kind, ShipKind::Transfer | ShipKind::Reserve);
        let t = now.0 as i64;
        let lot = |w: &World, c: usize| {
            let (made, g) = w.road.lot(id as usize, nc, c);
            (if outside { t } else { made }, g)
        };
        if outside {
            for c in 0..nc {
                let g = lot(self, c).1;
                self.m.balance[c].inflow_g += g;
                if sh.kind == ShipKind::Transfer {
                    self.bureau.transfer_pending[c] -= g;
                    self.m.transfer[c] += g;
                } else {
                    self.bureau.reserve_pending[c] -= g;
                }
            }
        }
        match sh.dest {
            Dest::Store(st) => {
                let st = st as usize;
                let d = self.sc.city.stores[st].district;
                for c in 0..nc {
                    let (made, g) = lot(self, c);
                    let i = st * nc + c;
                    self.stores.stock.add(i, made, g);
                    self.stores.pending[i] -= g;
                    self.m.daily[d * nc + c][DELIVERED] += g;
                    if !self.shelf_empty(i) {
                        self.stockout_stop(i, now);
                    }
                }
            }
            Dest::Supplier(sp) => {
                let sp = sp as usize;
                for c in 0..nc {
                    let (made, g) = lot(self, c);
                    self.depots.stock.add(sp * nc + c, made, g);
                    if sh.kind == ShipKind::Production {
                        self.depots.inbound[sp * nc + c] -= g;
                    }
                }
                self.dispatch(now, Origin::Supplier(sp as u32), s);
            }
            Dest::Point(p) => {
                let lots: Vec<(i64, i64)> = (0..nc).map(|c| lot(self, c)).collect();
                self.point_arrival(now, p, &lots);
            }
        }
    }

    /// Moves point stock back to a store (a point closes).
    pub(crate) fn return_to_store(&mut self, store: usize, point: usize) {
        let nc = self.nc;
        for c in 0..nc {
            let mut lots = self.resp.point_stock.take_all(point * nc + c);
            self.stores.stock.absorb(store * nc + c, &mut lots);
        }
    }
}
