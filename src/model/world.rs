//! `World`: the whole dynamic state of one replication, and the event enum
//! that the engine drives it with.
//!
//! The state lives in flat `Vec`s indexed by building, store, supplier,
//! closure and point (goods per entity at `entity * categories + category`),
//! so that one replication of a city of a million people touches a few
//! megabytes. Handlers live in the sibling files by concept: `sales.rs`
//! (pantries and stores), `supply.rs` (orders, vehicles, production,
//! transfers, reserves, reports and the autopilot), `closure.rs` (closures,
//! designated suppliers, distribution points) and `panic.rs`.

use std::collections::VecDeque;

use rand::RngExt;

use super::config::{Level, Scenario};
use super::delivery::ServerQueue;
use super::metrics::{Balance, CostItem, Happening, ReportStats, TimelineEntry, TraceRow};
use crate::engine::{
    DAY, HOUR, Model, RngStreams, Scheduler, SimDuration, SimRng, SimTime, StreamId,
};

/// "No such index" in `u32` index fields.
pub(crate) const NONE: u32 = u32::MAX;

/// Grams per kilogram.
pub(crate) const G: f64 = 1_000.0;

/// Risk level of a zone, from closures around it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Risk {
    /// Low risk: stores open with crowd limits.
    Low,
    /// Medium risk (control zone): purchases by pass, online delivery.
    Medium,
    /// High risk (sealed): no in-person sales; distribution points.
    High,
}

/// Who sends a vehicle.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Origin {
    /// A supplier (depot or production base) with trucks.
    Supplier(u32),
    /// A store with vans (designated supplier of a closure).
    Store(u32),
    /// Outside the city (other regions, reserves): no vehicle limit.
    Outside,
}

/// Where goods go.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Dest {
    /// A store.
    Store(u32),
    /// A depot.
    Supplier(u32),
    /// A distribution point.
    Point(u32),
}

/// Why goods move.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ShipKind {
    /// Restocking a store.
    Restock,
    /// A production base's daily output.
    Production,
    /// An emergency transfer from other regions.
    Transfer,
    /// A reserve release.
    Reserve,
    /// Supplying a distribution point.
    PointSupply,
}

/// Why a place was sealed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Cause {
    /// A scripted event.
    Scripted,
    /// Escalation from a closure inside it.
    Escalation,
    /// A random new case.
    Random,
}

impl Cause {
    pub(crate) fn key(self) -> &'static str {
        match self {
            Cause::Scripted => "scripted",
            Cause::Escalation => "escalation",
            Cause::Random => "random",
        }
    }
}

/// Every event of the city model.
#[derive(Debug, Clone, PartialEq)]
pub enum CityEvent {
    /// Residents consume and shop at stores (a city-wide sales round).
    SalesRound,
    /// Midnight: spoilage, daily series, daily capacities reset.
    DayEnd,
    /// 16:00: store reports and the daily dispatch 日调度 of the autopilot.
    Report,
    /// 05:00: production bases' daily output.
    Production,
    /// A store reviews its stock and reorders.
    Replenish {
        /// Store.
        store: u32,
    },
    /// A vehicle arrives with goods.
    Arrive {
        /// Shipment.
        shipment: u32,
    },
    /// A vehicle is back at its origin.
    VehicleBack {
        /// Origin.
        origin: Origin,
    },
    /// A depot reopens (after `warehouse_closed`).
    DepotReopen {
        /// Supplier.
        supplier: u32,
    },
    /// A place is sealed.
    Seal {
        /// Place.
        place: u32,
        /// Why.
        cause: Cause,
    },
    /// A closure escalates to the enclosing place.
    Escalate {
        /// Closure.
        closure: u32,
    },
    /// A closure ends (end of response 终止响应 for it).
    ClosureEnd {
        /// Closure.
        closure: u32,
    },
    /// Suppliers designated for a closure.
    Designate {
        /// Closure.
        closure: u32,
    },
    /// A closure's distribution points open.
    PointsOpen {
        /// Closure.
        closure: u32,
    },
    /// Points of a closure start their working day.
    PointsShift {
        /// Closure.
        closure: u32,
    },
    /// Designated suppliers restock a closure's points.
    PointResupply {
        /// Closure.
        closure: u32,
    },
    /// A sealed household places an order at a point.
    OrderArrive {
        /// Point.
        point: u32,
    },
    /// An order is packed and delivered to the door.
    ServiceDone {
        /// Point.
        point: u32,
        /// Building of the household.
        building: u32,
    },
    /// A random new building closure.
    RandomClosure,
    /// A random rumour.
    RandomRumour,
    /// Publicity: supply is stable 辟谣.
    Publicity,
    /// Scripted event number `index` of the scenario.
    Scripted {
        /// Index into `Scenario::events`.
        index: u32,
    },
    /// Staff lost by a scripted event come back.
    StaffBack {
        /// District, or city-wide.
        district: Option<u32>,
        /// Share that comes back.
        share: f64,
    },
    /// Extra checkpoint delay ends.
    CheckpointNormal {
        /// Extra hours removed.
        extra_hours: f64,
    },
}

/// Vehicles of one origin and the orders waiting for them.
#[derive(Debug, Clone)]
pub(crate) struct Fleet {
    pub(crate) free: u32,
    pub(crate) capacity_g: i64,
    pub(crate) queue: VecDeque<Order>,
}

/// An order waiting for a vehicle.
#[derive(Debug, Clone)]
pub(crate) struct Order {
    pub(crate) dest: Dest,
    pub(crate) kind: ShipKind,
    pub(crate) amounts: Vec<i64>,
}

/// Goods on the road.
#[derive(Debug, Clone)]
pub(crate) struct Shipment {
    pub(crate) dest: Dest,
    pub(crate) kind: ShipKind,
    pub(crate) amounts: Vec<i64>,
    pub(crate) live: bool,
}

/// A closure and what the plan did for it.
#[derive(Debug, Clone)]
pub(crate) struct Closure {
    pub(crate) place: u32,
    pub(crate) level: Level,
    pub(crate) cause: Cause,
    pub(crate) start: SimTime,
    pub(crate) ended: Option<SimTime>,
    pub(crate) escalated_to: Option<u32>,
    /// Points still serving (until the end, or until a successor's points open).
    pub(crate) serving: bool,
    pub(crate) absorbed: Vec<u32>,
    pub(crate) suppliers: Vec<u32>,
    pub(crate) points: Vec<u32>,
    pub(crate) passes_at: Option<SimTime>,
    pub(crate) first_goods: Option<SimTime>,
    /// Goods handed out at its points, per category [g].
    pub(crate) handed_out: Vec<i64>,
    /// Need its residents could not meet while it covered them, all categories [g].
    pub(crate) unmet: i64,
    /// Whether the compensation for requisitioned goods has been paid.
    pub(crate) compensated: bool,
    /// Daily need of the sealed residents carried by each designated supplier [g/day].
    pub(crate) duty: Vec<i64>,
    /// Riders assigned to its points.
    pub(crate) riders: u32,
}

/// A distribution point.
#[derive(Debug, Clone)]
pub(crate) struct Point {
    pub(crate) closure: u32,
    pub(crate) district: usize,
    pub(crate) buildings: Vec<u32>,
    /// Cumulative households over `buildings`, to pick an ordering household.
    pub(crate) cum_households: Vec<u64>,
    /// Daily need of its residents per category [g/day].
    pub(crate) need: Vec<i64>,
    pub(crate) open: bool,
    pub(crate) queue: ServerQueue<u32>,
    /// Orders delivered with goods.
    pub(crate) served: u64,
    /// Orders dropped unserved when the point closed, and their waits [s].
    pub(crate) unserved: u64,
    pub(crate) unserved_wait_s: u64,
}

/// The dynamic state of one replication.
#[derive(Debug)]
pub struct World<'a> {
    pub(crate) sc: &'a Scenario,
    pub(crate) nc: usize,
    pub(crate) seed: u64,
    pub(crate) replication: u64,
    pub(crate) trace: Option<Vec<TraceRow>>,
    // Random streams, one per exogenous source.
    pub(crate) r_demand: SimRng,
    pub(crate) r_closures: SimRng,
    pub(crate) r_transport: SimRng,
    pub(crate) r_rumour: SimRng,
    pub(crate) r_monitor: SimRng,
    pub(crate) r_service: SimRng,
    // Buildings.
    pub(crate) need: Vec<i64>,
    pub(crate) pantry: Vec<i64>,
    pub(crate) want_in: Vec<i64>,
    pub(crate) want_on: Vec<i64>,
    pub(crate) shop_at: Vec<u32>,
    pub(crate) sealed_by: Vec<u32>,
    pub(crate) risk: Vec<Risk>,
    pub(crate) last_consume: SimTime,
    // Stores.
    pub(crate) stock: Vec<i64>,
    pub(crate) pending: Vec<i64>,
    pub(crate) normal: Vec<i64>,
    pub(crate) duty: Vec<i64>,
    pub(crate) stockout_since: Vec<u64>,
    /// Per district × category: stores showing an empty shelf.
    pub(crate) stockouts_in: Vec<u32>,
    pub(crate) store_risk: Vec<Risk>,
    pub(crate) store_fleet: Vec<Fleet>,
    pub(crate) reported: Vec<i64>,
    // Suppliers.
    pub(crate) sup_stock: Vec<i64>,
    pub(crate) sup_normal: Vec<i64>,
    pub(crate) sup_fleet: Vec<Fleet>,
    pub(crate) sup_budget: Vec<i64>,
    pub(crate) sup_closed_until: Vec<SimTime>,
    // Goods on the road.
    pub(crate) shipments: Vec<Shipment>,
    pub(crate) free_shipments: Vec<u32>,
    // Closures and points.
    pub(crate) closures: Vec<Closure>,
    pub(crate) points: Vec<Point>,
    pub(crate) point_stock: Vec<i64>,
    pub(crate) point_pending: Vec<i64>,
    // Districts.
    pub(crate) district_pop: Vec<u64>,
    pub(crate) sealed_pop: Vec<u64>,
    /// Per building: the largest end of the active closures covering it
    /// (0 if none), to tell in one look whether a place is inside one.
    cover_end: Vec<usize>,
    pub(crate) staff_loss: Vec<f64>,
    pub(crate) attendance: Vec<f64>,
    pub(crate) panic: Vec<f64>,
    pub(crate) panic_at: SimTime,
    pub(crate) rider_kg_left: Vec<i64>,
    pub(crate) extra_riders: f64,
    pub(crate) extra_checkpoint_h: f64,
    // Plan state.
    pub(crate) city_need: Vec<i64>,
    pub(crate) reserve_left: Vec<i64>,
    pub(crate) transfer_pending: Vec<i64>,
    pub(crate) reserve_pending: Vec<i64>,
    pub(crate) publicity_pending: bool,
    pub(crate) last_publicity: Option<SimTime>,
    // Metrics.
    pub(crate) m: Acc,
}

/// Accumulators of the metrics.
#[derive(Debug, Default)]
pub(crate) struct Acc {
    pub(crate) day: u32,
    /// Per district × category: need, sales, online, point, unmet, deliveries, reserve.
    pub(crate) daily: Vec<[i64; 7]>,
    pub(crate) rows: Vec<super::metrics::DailyRow>,
    pub(crate) need: Vec<i64>,
    pub(crate) unmet: Vec<i64>,
    pub(crate) spoiled: Vec<i64>,
    pub(crate) stockout_s: Vec<u64>,
    pub(crate) peak_sales: Vec<f64>,
    pub(crate) reserve: Vec<i64>,
    pub(crate) transfer: Vec<i64>,
    pub(crate) balance: Vec<Balance>,
    pub(crate) peak_panic: f64,
    /// Government cost per item of [`CostItem::ALL`] [yuan].
    pub(crate) costs: [f64; 5],
    pub(crate) timeline: Vec<TimelineEntry>,
    pub(crate) reports: ReportStats,
}

/// Daily accumulator slots.
pub(crate) const NEED: usize = 0;
pub(crate) const SALES: usize = 1;
pub(crate) const ONLINE: usize = 2;
pub(crate) const POINT: usize = 3;
pub(crate) const UNMET: usize = 4;
pub(crate) const DELIVERED: usize = 5;
pub(crate) const RESERVE: usize = 6;

impl<'a> World<'a> {
    /// The initial state of replication `replication` of `sc` under `seed`.
    pub fn new(sc: &'a Scenario, seed: u64, replication: u64, trace: bool) -> Self {
        let streams = RngStreams::new(seed, replication);
        let nc = sc.goods.len();
        let city = &sc.city;
        let nb = city.buildings.len();
        let ns = city.stores.len();
        let nsup = city.suppliers.len();
        let nd = city.districts.len();
        let start_cover = sc.households.start_cover_days();
        let mut need = vec![0i64; nb * nc];
        let mut pantry = vec![0i64; nb * nc];
        for (b, bd) in city.buildings.iter().enumerate() {
            for (c, g) in sc.goods.iter().enumerate() {
                let n = (f64::from(bd.residents) * g.need_kg * G).round() as i64;
                need[b * nc + c] = n;
                pantry[b * nc + c] = (n as f64 * start_cover).round() as i64;
            }
        }
        let mut normal = vec![0i64; ns * nc];
        let mut city_need = vec![0i64; nc];
        for (b, bd) in city.buildings.iter().enumerate() {
            for c in 0..nc {
                normal[bd.store * nc + c] += need[b * nc + c];
                city_need[c] += need[b * nc + c];
            }
        }
        let mut stock = vec![0i64; ns * nc];
        for s in 0..ns {
            for (c, g) in sc.goods.iter().enumerate() {
                let days = sc.stores.initial_stock_days.min(g.shelf_life_days);
                stock[s * nc + c] = (normal[s * nc + c] as f64 * days).round() as i64;
            }
        }
        let mut sup_normal = vec![0i64; nsup * nc];
        for (s, st) in city.stores.iter().enumerate() {
            for c in 0..nc {
                sup_normal[st.supplier * nc + c] += normal[s * nc + c];
            }
        }
        let mut sup_stock = vec![0i64; nsup * nc];
        for (i, sp) in city.suppliers.iter().enumerate() {
            for (c, g) in sc.goods.iter().enumerate() {
                if sp.is_depot() {
                    let days = sc.stores.warehouse_stock_days.min(g.shelf_life_days);
                    sup_stock[i * nc + c] = (sup_normal[i * nc + c] as f64 * days).round() as i64;
                } else if sp.kind == super::config::SupplierKind::ProductionBase {
                    // A base's normal throughput is its own daily output.
                    sup_normal[i * nc + c] =
                        (city_need[c] as f64 * sp.production_share).round() as i64;
                }
            }
        }
        let van_g = (sc.transport.van_capacity_kg * G) as i64;
        let truck_g = (sc.transport.truck_capacity_kg * G) as i64;
        let store_fleet = city
            .stores
            .iter()
            .map(|s| Fleet {
                free: s.vans,
                capacity_g: van_g,
                queue: VecDeque::new(),
            })
            .collect();
        let sup_fleet = city
            .suppliers
            .iter()
            .map(|s| Fleet {
                free: s.trucks,
                capacity_g: truck_g,
                queue: VecDeque::new(),
            })
            .collect();
        let mut district_pop = vec![0u64; nd];
        for b in &city.buildings {
            district_pop[b.district] += u64::from(b.residents);
        }
        let reserve_left = sc
            .reserves
            .iter()
            .map(|r| (r.stock_kg * G).round() as i64)
            .collect();
        let mut w = World {
            sc,
            nc,
            seed,
            replication,
            trace: trace.then(Vec::new),
            r_demand: streams.stream(StreamId::Demand),
            r_closures: streams.stream(StreamId::Closures),
            r_transport: streams.stream(StreamId::Transport),
            r_rumour: streams.stream(StreamId::Rumour),
            r_monitor: streams.stream(StreamId::Monitoring),
            r_service: streams.stream(StreamId::Service),
            need,
            pantry,
            want_in: vec![0; nb * nc],
            want_on: vec![0; nb * nc],
            shop_at: vec![NONE; nb],
            sealed_by: vec![NONE; nb],
            risk: vec![Risk::Low; nb],
            last_consume: SimTime::ZERO,
            stock,
            pending: vec![0; ns * nc],
            normal,
            duty: vec![0; ns * nc],
            stockout_since: vec![u64::MAX; ns * nc],
            stockouts_in: vec![0; nd * nc],
            store_risk: vec![Risk::Low; ns],
            store_fleet,
            reported: Vec::new(),
            sup_stock,
            sup_normal,
            sup_fleet,
            sup_budget: vec![0; nsup],
            sup_closed_until: vec![SimTime::ZERO; nsup],
            shipments: Vec::new(),
            free_shipments: Vec::new(),
            closures: Vec::new(),
            points: Vec::new(),
            point_stock: Vec::new(),
            point_pending: Vec::new(),
            district_pop,
            sealed_pop: vec![0; nd],
            cover_end: vec![0; nb],
            staff_loss: vec![0.0; nd],
            attendance: vec![1.0; nd],
            panic: vec![0.0; nd],
            panic_at: SimTime::ZERO,
            rider_kg_left: vec![0; nd],
            extra_riders: 0.0,
            extra_checkpoint_h: 0.0,
            city_need,
            reserve_left,
            transfer_pending: vec![0; nc],
            reserve_pending: vec![0; nc],
            publicity_pending: false,
            last_publicity: None,
            m: Acc::default(),
        };
        w.reported = w.stock.clone();
        w.m.daily = vec![[0; 7]; nd * nc];
        w.m.need = vec![0; nc];
        w.m.unmet = vec![0; nc];
        w.m.spoiled = vec![0; nc];
        w.m.stockout_s = vec![0; nc];
        w.m.peak_sales = vec![0.0; nc];
        w.m.reserve = vec![0; nc];
        w.m.transfer = vec![0; nc];
        w.m.balance = vec![Balance::default(); nc];
        for c in 0..nc {
            w.m.balance[c].initial_g = w.goods_on_hand(c);
        }
        w.reset_daily_capacity();
        w
    }

    /// Queues the events that start the run: the daily cycles, the first
    /// reorders, random processes and the scripted events.
    pub fn schedule_initial(&mut self, s: &mut Scheduler<CityEvent>) {
        let sr = &self.sc.stores;
        let span = (sr.close_hour - sr.open_hour) * HOUR;
        for k in 0..sr.sales_rounds {
            let t = sr.open_hour * HOUR + span * k / sr.sales_rounds;
            s.schedule_in(SimDuration(t), CityEvent::SalesRound);
        }
        s.schedule_in(SimDuration(DAY), CityEvent::DayEnd);
        s.schedule_in(
            SimDuration(self.sc.monitoring.report_hour * HOUR),
            CityEvent::Report,
        );
        s.schedule_in(SimDuration(5 * HOUR), CityEvent::Production);
        let n = self.sc.city.stores.len() as u64;
        for st in 0..n {
            // Reviews spread over the night, 22:00 to 06:00, store by store.
            let t = 22 * HOUR + (8 * HOUR) * st / n.max(1);
            s.schedule_in(
                SimDuration(t % DAY),
                CityEvent::Replenish { store: st as u32 },
            );
        }
        if self.sc.closures.new_buildings_per_day > 0.0 {
            let d = self.exp_days(self.sc.closures.new_buildings_per_day, Stream::Closures);
            s.schedule_in(d, CityEvent::RandomClosure);
        }
        if self.sc.panic.rumours_per_day > 0.0 {
            let d = self.exp_days(self.sc.panic.rumours_per_day, Stream::Rumour);
            s.schedule_in(d, CityEvent::RandomRumour);
        }
        for (i, e) in self.sc.events.iter().enumerate() {
            // Times were checked against the horizon when the scenario was built.
            let _ = s.schedule_at(e.at, CityEvent::Scripted { index: i as u32 });
        }
    }

    /// An exponential delay with `rate` [1/day] drawn from `stream`.
    pub(crate) fn exp_days(&mut self, rate: f64, stream: Stream) -> SimDuration {
        let rng = match stream {
            Stream::Closures => &mut self.r_closures,
            Stream::Rumour => &mut self.r_rumour,
        };
        let u: f64 = rng.random();
        SimDuration::from_days(-(1.0 - u).ln() / rate)
    }

    /// Total stock of category `c` everywhere in the city, including goods
    /// on the road [g].
    pub(crate) fn goods_on_hand(&self, c: usize) -> i64 {
        let nc = self.nc;
        let sum_col = |v: &[i64]| v.iter().skip(c).step_by(nc).sum::<i64>();
        let mut total = sum_col(&self.pantry) + sum_col(&self.stock) + sum_col(&self.point_stock);
        for (i, sp) in self.sc.city.suppliers.iter().enumerate() {
            if sp.kind != super::config::SupplierKind::OtherRegion {
                total += self.sup_stock[i * nc + c];
            }
        }
        for sh in &self.shipments {
            if sh.live && !matches!(sh.kind, ShipKind::Transfer | ShipKind::Reserve) {
                total += sh.amounts[c];
            }
        }
        total
    }

    /// Whether any closure is active.
    pub(crate) fn any_closure(&self) -> bool {
        self.closures.iter().any(|c| c.ended.is_none())
    }

    /// Recomputes risk levels of buildings and stores, sealed population and
    /// staff attendance, after a closure starts or ends.
    pub(crate) fn refresh_zones(&mut self) {
        let city = &self.sc.city;
        self.risk.iter_mut().for_each(|r| *r = Risk::Low);
        self.sealed_pop.iter_mut().for_each(|p| *p = 0);
        self.cover_end.iter_mut().for_each(|e| *e = 0);
        for cl in self.closures.iter().filter(|c| c.ended.is_none()) {
            let p = &city.places[cl.place as usize];
            if let Some(parent) = p.parent {
                let pp = &city.places[parent];
                if pp.level != Level::District {
                    for r in &mut self.risk[pp.first..pp.end] {
                        *r = (*r).max(Risk::Medium);
                    }
                }
            }
            for r in &mut self.risk[p.first..p.end] {
                *r = Risk::High;
            }
            for e in &mut self.cover_end[p.first..p.end] {
                *e = (*e).max(p.end);
            }
            self.sealed_pop[p.district] += p.population;
        }
        for (s, st) in city.stores.iter().enumerate() {
            let p = &city.places[st.place];
            // Inside an active closure: one covering its first building
            // reaches at least to its end (places nest, so that closure
            // holds the whole place).
            let sealed = p.end > p.first && self.cover_end[p.first] >= p.end;
            self.store_risk[s] = if sealed {
                Risk::High
            } else if self.risk[p.first..p.end].iter().any(|&r| r != Risk::Low) {
                Risk::Medium
            } else {
                Risk::Low
            };
        }
        self.refresh_attendance();
    }

    /// Staff attendance per district: staff who live in sealed places stay
    /// home, and scripted staff losses.
    pub(crate) fn refresh_attendance(&mut self) {
        for d in 0..self.attendance.len() {
            let sealed = self.sealed_pop[d] as f64 / self.district_pop[d].max(1) as f64;
            self.attendance[d] = ((1.0 - sealed) * (1.0 - self.staff_loss[d])).clamp(0.0, 1.0);
        }
    }

    /// Rider and depot dispatch capacities for a new day.
    pub(crate) fn reset_daily_capacity(&mut self) {
        let r = &self.sc.riders;
        let pop = self.sc.city.population.max(1) as f64;
        for d in 0..self.rider_kg_left.len() {
            let dp = self.district_pop[d] as f64;
            let riders = r.per_10k * dp / 10_000.0 + self.extra_riders * dp / pop;
            let kg = riders * self.attendance[d] * r.orders_per_rider_per_day * r.kg_per_order;
            self.rider_kg_left[d] = (kg * G) as i64;
        }
        let per_staff = self.sc.transport.warehouse_kg_per_staff_day * G;
        for (i, sp) in self.sc.city.suppliers.iter().enumerate() {
            // Depots are staff-bound; a base's output is bounded by its
            // production share and its trucks.
            self.sup_budget[i] = if sp.is_depot() {
                let att = sp.district.map_or(1.0, |d| self.attendance[d]);
                (f64::from(sp.staff) * att * per_staff) as i64
            } else {
                i64::MAX
            };
        }
    }

    /// Records what happened for the timeline.
    pub(crate) fn record(&mut self, now: SimTime, what: Happening) {
        self.m.timeline.push(TimelineEntry {
            at_h: now.as_hours(),
            what,
        });
    }

    /// Adds a government cost [yuan].
    pub(crate) fn cost(&mut self, item: CostItem, yuan: f64) {
        self.m.costs[item as usize] += yuan;
    }

    /// Whether the plan's response (faster replenishment) is on.
    pub(crate) fn response_on(&self) -> bool {
        self.any_closure() || self.panic.iter().any(|&p| p > self.sc.plan.response_panic)
    }
}

impl World<'_> {
    /// The event in words, with names instead of indices, for `events.csv`.
    pub fn describe(&self, e: &CityEvent) -> String {
        let city = &self.sc.city;
        let place = |p: u32| city.places[p as usize].name.as_str();
        let closure = |c: u32| {
            let cl = &self.closures[c as usize];
            format!("closure #{c} ({} {})", cl.level.key(), place(cl.place))
        };
        let point = |p: u32| {
            let pt = &self.points[p as usize];
            format!("point #{p} of {}", closure(pt.closure))
        };
        let origin = |o: &Origin| match o {
            Origin::Supplier(i) => city.suppliers[*i as usize].name.clone(),
            Origin::Store(i) => city.stores[*i as usize].name.clone(),
            Origin::Outside => "outside the city".into(),
        };
        match e {
            CityEvent::SalesRound => "sales round".into(),
            CityEvent::DayEnd => "midnight: spoilage, daily series".into(),
            CityEvent::Report => "16:00 reports and daily dispatch".into(),
            CityEvent::Production => "production bases' daily output".into(),
            CityEvent::Replenish { store } => {
                format!("{} reviews its stock", city.stores[*store as usize].name)
            }
            CityEvent::Arrive { shipment } => {
                let sh = &self.shipments[*shipment as usize];
                let dest = match sh.dest {
                    Dest::Store(i) => city.stores[i as usize].name.clone(),
                    Dest::Supplier(i) => city.suppliers[i as usize].name.clone(),
                    Dest::Point(p) => point(p),
                };
                let kg = sh.amounts.iter().sum::<i64>() as f64 / G;
                format!("{:?} of {kg:.1} kg arrives at {dest}", sh.kind)
            }
            CityEvent::VehicleBack { origin: o } => format!("vehicle back at {}", origin(o)),
            CityEvent::DepotReopen { supplier } => {
                format!("{} reopens", city.suppliers[*supplier as usize].name)
            }
            CityEvent::Seal { place: p, cause } => format!("seal {} ({})", place(*p), cause.key()),
            CityEvent::Escalate { closure: c } => format!("{} may escalate", closure(*c)),
            CityEvent::ClosureEnd { closure: c } => format!("{} ends", closure(*c)),
            CityEvent::Designate { closure: c } => {
                format!("suppliers designated for {}", closure(*c))
            }
            CityEvent::PointsOpen { closure: c } => format!("points open for {}", closure(*c)),
            CityEvent::PointsShift { closure: c } => {
                format!("points of {} start the day", closure(*c))
            }
            CityEvent::PointResupply { closure: c } => {
                format!("points of {} resupplied", closure(*c))
            }
            CityEvent::OrderArrive { point: p } => format!("order at {}", point(*p)),
            CityEvent::ServiceDone { point: p, building } => format!(
                "order delivered to {} from {}",
                city.places[city.buildings[*building as usize].place].name,
                point(*p)
            ),
            CityEvent::RandomClosure => "a random new case".into(),
            CityEvent::RandomRumour => "a random rumour".into(),
            CityEvent::Publicity => "publicity".into(),
            CityEvent::Scripted { index } => format!(
                "scripted: {}",
                self.sc.events[*index as usize].kind.describe(self.sc)
            ),
            CityEvent::StaffBack { .. } => "staff return".into(),
            CityEvent::CheckpointNormal { .. } => "checkpoint delays back to normal".into(),
        }
    }
}

/// The random streams a helper may draw from.
#[derive(Debug, Clone, Copy)]
pub(crate) enum Stream {
    Closures,
    Rumour,
}

impl Model for World<'_> {
    type Event = CityEvent;

    fn handle(&mut self, now: SimTime, event: CityEvent, s: &mut Scheduler<CityEvent>) {
        if self.trace.is_some() {
            let row = TraceRow {
                time_s: now.0,
                time: now.to_string(),
                event: self.describe(&event),
            };
            if let Some(t) = self.trace.as_mut() {
                t.push(row);
            }
        }
        match event {
            CityEvent::SalesRound => {
                self.sales_round(now);
                s.schedule_in(SimDuration(DAY), CityEvent::SalesRound);
            }
            CityEvent::DayEnd => {
                self.day_end(now, s);
                s.schedule_in(SimDuration(DAY), CityEvent::DayEnd);
            }
            CityEvent::Report => {
                self.report(now, s);
                s.schedule_in(SimDuration(DAY), CityEvent::Report);
            }
            CityEvent::Production => {
                self.production(now, s);
                s.schedule_in(SimDuration(DAY), CityEvent::Production);
            }
            CityEvent::Replenish { store } => self.replenish(now, store, s),
            CityEvent::Arrive { shipment } => self.arrive(now, shipment, s),
            CityEvent::VehicleBack { origin } => {
                match origin {
                    Origin::Supplier(i) => self.sup_fleet[i as usize].free += 1,
                    Origin::Store(i) => self.store_fleet[i as usize].free += 1,
                    Origin::Outside => {}
                }
                self.dispatch(now, origin, s);
            }
            CityEvent::DepotReopen { supplier } => {
                self.dispatch(now, Origin::Supplier(supplier), s);
            }
            CityEvent::Seal { place, cause } => self.seal(now, place, cause, s),
            CityEvent::Escalate { closure } => self.escalate(now, closure, s),
            CityEvent::ClosureEnd { closure } => self.end_closure(now, closure, s),
            CityEvent::Designate { closure } => self.designate(now, closure, s),
            CityEvent::PointsOpen { closure } => self.open_points(now, closure, s),
            CityEvent::PointsShift { closure } => self.points_shift(now, closure, s),
            CityEvent::PointResupply { closure } => self.resupply_points(now, closure, s),
            CityEvent::OrderArrive { point } => self.order_arrive(now, point, s),
            CityEvent::ServiceDone { point, building } => {
                self.service_done(now, point, building, s)
            }
            CityEvent::RandomClosure => {
                let nb = self.sc.city.buildings.len();
                let b = self.r_closures.random_range(0..nb);
                let place = self.sc.city.buildings[b].place as u32;
                self.seal(now, place, Cause::Random, s);
                let d = self.exp_days(self.sc.closures.new_buildings_per_day, Stream::Closures);
                s.schedule_in(d, CityEvent::RandomClosure);
            }
            CityEvent::RandomRumour => {
                let strength = self.sc.panic.rumour_strength;
                self.rumour(now, None, strength);
                let d = self.exp_days(self.sc.panic.rumours_per_day, Stream::Rumour);
                s.schedule_in(d, CityEvent::RandomRumour);
            }
            CityEvent::Publicity => self.publicity(now),
            CityEvent::Scripted { index } => self.scripted(now, index as usize, s),
            CityEvent::StaffBack { district, share } => {
                match district {
                    Some(d) => {
                        self.staff_loss[d as usize] = (self.staff_loss[d as usize] - share).max(0.0)
                    }
                    None => self
                        .staff_loss
                        .iter_mut()
                        .for_each(|l| *l = (*l - share).max(0.0)),
                }
                self.refresh_attendance();
            }
            CityEvent::CheckpointNormal { extra_hours } => {
                self.extra_checkpoint_h = (self.extra_checkpoint_h - extra_hours).max(0.0);
            }
        }
    }
}
