//! `World`: the whole dynamic state of one replication, split into parts
//! by concept, and the event enum that the engine drives it with.
//!
//! Each part holds flat `Vec`s indexed by building, store, supplier,
//! closure, point or district (goods per entity at
//! `entity * categories + category`), so that a city of a million people
//! is a few megabytes. The handlers live in the sibling files by concept:
//! `sales.rs` (pantries and stores), `replenish.rs` (store and depot
//! orders, production), `logistics.rs` (vehicles and their routes),
//! `closure.rs` (closures, distribution points, door delivery),
//! `dispatch.rs` (the 16:00 reports and the daily dispatch), `panic.rs`,
//! `inject.rs` (scripted events); every choice of the plan is made in
//! `autopilot.rs`.

use rand::RngExt;

use super::config::{Level, Scenario, SupplierKind};
use super::delivery::ServerQueue;
use super::metrics::{
    Balance, ClosureDayRow, CostItem, DailyRow, Happening, ReportStats, TimelineEntry, TraceRow,
    TraceSink,
};
use super::riders::RiderPool;
use super::shelves::Shelves;
use super::stock::Lots;
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
    /// Medium risk (control zone 管控): purchases by pass, online delivery.
    Medium,
    /// High risk (sealed 封控): no in-person sales; distribution points.
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
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Dest {
    /// A store.
    Store(u32),
    /// A depot.
    Supplier(u32),
    /// A distribution point.
    Point(u32),
}

/// Why goods move.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ShipKind {
    /// Restocking a store.
    Restock,
    /// A production base's output, ordered by a depot.
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
    /// Depots review their stock and order from the production bases.
    DepotReview,
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
    /// Riders called from outside for a closure arrive in its district.
    RidersArrive {
        /// The closure they were called for.
        closure: u32,
        /// District.
        district: u32,
        /// Riders.
        count: u32,
    },
    /// Extra checkpoint delay ends.
    CheckpointNormal {
        /// Extra hours removed.
        extra_hours: f64,
    },
}

/// The random streams, one per exogenous source.
#[derive(Debug)]
pub(crate) struct Rngs {
    pub(crate) demand: SimRng,
    pub(crate) closures: SimRng,
    pub(crate) transport: SimRng,
    pub(crate) rumour: SimRng,
    pub(crate) monitor: SimRng,
}

/// Buildings: their residents' pantries and orders.
#[derive(Debug)]
pub(crate) struct Homes {
    /// Daily need per building × category [g/day].
    pub(crate) need: Vec<i64>,
    /// Pantry stock [g].
    pub(crate) pantry: Vec<i64>,
    /// Online orders waiting for a rider [g].
    pub(crate) online: Vec<i64>,
    /// Per building: whether it may have online orders waiting (it was in
    /// a control zone in a sales round today).
    pub(crate) online_any: Vec<bool>,
    /// Households per building.
    pub(crate) households: Vec<u32>,
    /// Per building: its own store and its district, as `u32`s, for the
    /// passes over every building (a sales round reads 8 bytes of each
    /// building here, where the scenario's record of it is 40).
    pub(crate) home: Vec<Home>,
    /// The active closure covering each building, or [`NONE`].
    pub(crate) sealed_by: Vec<u32>,
    /// Risk level of each building.
    pub(crate) risk: Vec<Risk>,
    /// Per building: the largest end of the active closures covering it
    /// (0 if none), to tell in one look whether a place is inside one.
    pub(crate) cover_end: Vec<usize>,
    /// When consumption was last counted.
    pub(crate) last_consume: SimTime,
    /// The stores each building tries, as the zones stand (kept up to date
    /// by [`World::refresh_zones`]).
    pub(crate) tries: Vec<[u32; super::sales::TRIES]>,
    /// What each building eats over the intervals of a day.
    pub(crate) rations: super::consumption::Rations,
    /// Scratch space of the sales rounds.
    pub(crate) scratch: super::sales::Scratch,
}

/// A building's own store and district.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Home {
    pub(crate) store: u32,
    pub(crate) district: u32,
}

/// Vehicles of one origin and the orders waiting for them.
#[derive(Debug, Clone)]
pub(crate) struct Fleet {
    pub(crate) free: u32,
    pub(crate) capacity_g: i64,
    pub(crate) queue: super::orders::OrderQueue,
    /// Vehicle time on the road of the trips that left today [s].
    pub(crate) out_today_s: u64,
}

/// An order waiting for a vehicle.
#[derive(Debug, Clone)]
pub(crate) struct Order {
    pub(crate) dest: Dest,
    pub(crate) kind: ShipKind,
    pub(crate) amounts: Vec<i64>,
}

/// Goods that keep at most this long are fresh goods [days]: they travel
/// in orders of their own, which vehicles take first.
pub(crate) const FRESH_DAYS: f64 = 30.0;

/// Stores (key supply enterprises 重点保供企业).
#[derive(Debug)]
pub(crate) struct Stores {
    /// Stock per store × category.
    pub(crate) stock: Shelves,
    /// Ordered and not yet arrived [g].
    pub(crate) pending: Vec<i64>,
    /// Normal daily sales: the need of the buildings that shop there [g/day].
    pub(crate) normal: Vec<i64>,
    /// Daily need of the sealed residents it supplies as a designated
    /// supplier [g/day].
    pub(crate) duty: Vec<i64>,
    /// Since when a shelf is empty [s], or `u64::MAX`.
    pub(crate) stockout_since: Vec<u64>,
    /// Per district × category: stores showing an empty shelf.
    pub(crate) stockouts_in: Vec<u32>,
    /// Risk level of each store's place.
    pub(crate) risk: Vec<Risk>,
    /// The buildings that try each store (their own or a next one).
    pub(crate) shoppers: Vec<Vec<u32>>,
    /// Each store's vans.
    pub(crate) fleet: Vec<Fleet>,
    /// Stock as last reported to the bureau [g].
    pub(crate) reported: Vec<i64>,
}

/// Suppliers: depots (warehouses, wholesale markets) with stock, production
/// bases with a daily capacity, other regions.
#[derive(Debug)]
pub(crate) struct Depots {
    /// Stock per supplier × category (depots only).
    pub(crate) stock: Shelves,
    /// Normal daily throughput: the normal sales of the stores a depot
    /// serves [g/day].
    pub(crate) normal: Vec<i64>,
    /// Daily need of the points its stores supply [g/day].
    pub(crate) duty: Vec<i64>,
    /// Ordered from production bases and not yet arrived [g].
    pub(crate) inbound: Vec<i64>,
    /// Production bases: daily capacity per category [g/day].
    pub(crate) capacity: Vec<i64>,
    /// Production bases: capacity left today [g].
    pub(crate) capacity_left: Vec<i64>,
    /// Per district, the production bases that feed its depots and the
    /// share of their orders each takes; `None` where every depot orders
    /// from every base (see [`super::circle`]).
    pub(crate) circles: Option<Vec<Vec<(usize, f64)>>>,
    /// Trucks.
    pub(crate) fleet: Vec<Fleet>,
    /// Depots: dispatch capacity left today [g].
    pub(crate) budget: Vec<i64>,
    /// Closed until (after `warehouse_closed`).
    pub(crate) closed_until: Vec<SimTime>,
}

/// Goods on the road (what it carries: [`Road::goods`]).
#[derive(Debug, Clone, Copy)]
pub(crate) struct Shipment {
    pub(crate) dest: Dest,
    pub(crate) kind: ShipKind,
    pub(crate) live: bool,
}

/// Shipments in flight, with a free list. What a shipment carries and when
/// it was made lie side by side in one block per shipment (`goods`), so
/// that an arrival reads one place, not three.
#[derive(Debug, Default)]
pub(crate) struct Road {
    pub(crate) shipments: Vec<Shipment>,
    /// Per shipment, its amounts per category [g], then the mean time they
    /// were made per category [s]: `2 × nc` figures a shipment.
    goods: Vec<i64>,
    pub(crate) free: Vec<u32>,
    /// Vectors of orders and routes, for the next ones to reuse.
    pub(crate) spare: Vec<Vec<i64>>,
    /// Scratch space of route planning.
    pub(crate) planning: super::logistics::Planning,
}

impl Road {
    /// Asks for shipment `id` and its goods block ahead of its arrival
    /// (see [`prefetch`](crate::engine::prefetch)).
    pub(crate) fn prefetch(&self, id: usize, nc: usize) {
        if let Some(sh) = self.shipments.get(id) {
            crate::engine::prefetch(sh);
        }
        if let Some(block) = self.goods.get(2 * nc * id..2 * nc * (id + 1)) {
            crate::engine::prefetch_slice(block);
        }
    }

    /// What shipment `id` carries, per category [g] (`nc` categories).
    pub(crate) fn amounts(&self, id: usize, nc: usize) -> &[i64] {
        &self.goods[2 * nc * id..2 * nc * id + nc]
    }

    /// When shipment `id`'s goods of category `c` were made (their mean
    /// [s]) and how many grams it carries (`nc` categories).
    pub(crate) fn lot(&self, id: usize, nc: usize, c: usize) -> (i64, i64) {
        let block = 2 * nc * id;
        (self.goods[block + nc + c], self.goods[block + c])
    }

    /// Puts a shipment on the road; returns its id.
    pub(crate) fn add(&mut self, sh: Shipment, amounts: &[i64], made: &[i64]) -> u32 {
        let nc = amounts.len();
        let id = match self.free.pop() {
            Some(i) => {
                self.shipments[i as usize] = sh;
                i as usize
            }
            None => {
                self.shipments.push(sh);
                self.goods.resize(2 * nc * self.shipments.len(), 0);
                self.shipments.len() - 1
            }
        };
        let block = &mut self.goods[2 * nc * id..2 * nc * (id + 1)];
        block[..nc].copy_from_slice(amounts);
        block[nc..].copy_from_slice(made);
        id as u32
    }

    /// Takes shipment `id` off the road (it arrived); its goods stay readable
    /// until its id is reused by the next shipment put on the road.
    pub(crate) fn remove(&mut self, id: u32) -> Shipment {
        self.free.push(id);
        let sh = &mut self.shipments[id as usize];
        let out = *sh;
        sh.live = false;
        out
    }
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
    /// Riders assigned to its points, by the district they come from.
    pub(crate) riders: Vec<(usize, u32)>,
    /// Riders the plan wanted for its points.
    pub(crate) riders_wanted: u32,
}

/// A distribution point 应急投放点.
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
    /// Its orders and deliveries due (see `service.rs`).
    pub(crate) cal: super::service::Calendar,
    /// Orders delivered with goods.
    pub(crate) served: u64,
    /// Orders dropped unserved when the point closed, and their waits [s].
    pub(crate) unserved: u64,
    pub(crate) unserved_wait_s: u64,
}

/// Closures and the points that answer them.
#[derive(Debug, Default)]
pub(crate) struct Response {
    pub(crate) closures: Vec<Closure>,
    /// Closures not yet ended (kept so that "is any closure active" is
    /// one look, not a scan of every closure so far).
    pub(crate) active: usize,
    pub(crate) points: Vec<Point>,
    /// Stock per point × category.
    pub(crate) point_stock: Shelves,
    /// Ordered for a point and not yet arrived [g].
    pub(crate) point_pending: Vec<i64>,
    /// When each point's next order or delivery is due [s]
    /// ([`u64::MAX`]: none), as its calendar says.
    pub(crate) next_due: Vec<u64>,
    /// Orders and deliveries done on the points' calendars.
    pub(crate) point_events: u64,
}

/// Districts: residents, staff, panic and riders.
#[derive(Debug)]
pub(crate) struct Districts {
    pub(crate) pop: Vec<u64>,
    pub(crate) sealed_pop: Vec<u64>,
    pub(crate) staff_loss: Vec<f64>,
    /// Share of staff at work.
    pub(crate) attendance: Vec<f64>,
    /// Panic: the urge to buy (0..1).
    pub(crate) panic: Vec<f64>,
    /// Hoarding: the share of the extra cover households want (0..1).
    pub(crate) hoard: Vec<f64>,
    /// When panic and hoarding were last brought up to date.
    pub(crate) panic_at: SimTime,
    /// Publicity acting: (start, end) of each message.
    pub(crate) publicity: Vec<(SimTime, SimTime)>,
    pub(crate) riders: RiderPool,
    pub(crate) extra_checkpoint_h: f64,
}

/// The daily dispatch's own state: what it has called and is waiting for.
#[derive(Debug)]
pub(crate) struct DispatchState {
    /// City normal need per category [g/day].
    pub(crate) city_need: Vec<i64>,
    /// Reserve left per tier [g].
    pub(crate) reserve_left: Vec<i64>,
    /// Transfers called and not yet arrived, per category [g].
    pub(crate) transfer_pending: Vec<i64>,
    /// Reserve releases not yet arrived, per category [g].
    pub(crate) reserve_pending: Vec<i64>,
    pub(crate) publicity_pending: bool,
    pub(crate) last_publicity: Option<SimTime>,
    /// City sales per category today so far, and yesterday [g].
    pub(crate) sales_today: Vec<i64>,
    pub(crate) sales_yesterday: Vec<i64>,
}

/// Accumulators of the metrics.
#[derive(Debug, Default)]
pub(crate) struct Acc {
    pub(crate) day: u32,
    /// Per district × category: the day's [`DAILY`] slots.
    pub(crate) daily: Vec<[i64; DAILY]>,
    pub(crate) rows: Vec<DailyRow>,
    pub(crate) closure_days: Vec<ClosureDayRow>,
    /// Per point: orders started, their waits [s] and orders served at the
    /// last midnight.
    pub(crate) point_marks: Vec<[u64; 3]>,
    pub(crate) need: Vec<i64>,
    pub(crate) unmet: Vec<i64>,
    pub(crate) spoiled: Vec<i64>,
    pub(crate) spoiled_home: Vec<i64>,
    pub(crate) online_cancelled: Vec<i64>,
    pub(crate) stockout_s: Vec<u64>,
    pub(crate) peak_sales: Vec<f64>,
    pub(crate) reserve: Vec<i64>,
    pub(crate) transfer: Vec<i64>,
    pub(crate) produced: Vec<i64>,
    pub(crate) sold: Vec<i64>,
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
pub(crate) const CANCELLED: usize = 7;
pub(crate) const DAILY: usize = 8;

/// Where a traced replication sends its events.
pub(crate) struct Sink<'a>(pub(crate) &'a mut dyn TraceSink);

impl std::fmt::Debug for Sink<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Sink")
    }
}

/// The dynamic state of one replication.
#[derive(Debug)]
pub struct World<'a> {
    pub(crate) sc: &'a Scenario,
    pub(crate) nc: usize,
    /// Categories by shelf life, shortest first: the loading order.
    pub(crate) fresh_first: Vec<usize>,
    /// Whether each category is fresh (see [`FRESH_DAYS`]).
    pub(crate) fresh: Vec<bool>,
    pub(crate) seed: u64,
    pub(crate) replication: u64,
    pub(crate) trace: Option<Vec<TraceRow>>,
    /// Where events go as they happen, instead of `trace`.
    pub(crate) sink: Option<Sink<'a>>,
    pub(crate) rng: Rngs,
    pub(crate) homes: Homes,
    pub(crate) stores: Stores,
    pub(crate) depots: Depots,
    pub(crate) road: Road,
    pub(crate) resp: Response,
    pub(crate) districts: Districts,
    pub(crate) bureau: DispatchState,
    pub(crate) m: Acc,
}

/// Days of a category's shelf life a store holds at most: goods are sold
/// while fresh (see docs/model.md).
pub(crate) const STORE_SHELF_SHARE: f64 = 0.65;

/// Days of a category's shelf life a depot holds at most: perishables pass
/// through quickly.
pub(crate) const DEPOT_SHELF_SHARE: f64 = 0.2;

/// Days of a category's shelf life a distribution point holds at most.
pub(crate) const POINT_SHELF_SHARE: f64 = 0.5;

impl<'a> World<'a> {
    /// As [`World::new`], with every event sent to `sink` as it is
    /// simulated (the result's `trace` stays empty).
    pub fn with_sink(
        sc: &'a Scenario,
        seed: u64,
        replication: u64,
        sink: &'a mut dyn TraceSink,
    ) -> Self {
        let mut w = World::new(sc, seed, replication, false);
        w.sink = Some(Sink(sink));
        w
    }

    /// The initial state of replication `replication` of `sc` under `seed`.
    pub fn new(sc: &'a Scenario, seed: u64, replication: u64, trace: bool) -> Self {
        let streams = RngStreams::new(seed, replication);
        let nc = sc.goods.len();
        let city = &sc.city;
        let nb = city.buildings.len();
        let ns = city.stores.len();
        let nsup = city.suppliers.len();
        let nd = city.districts.len();
        let start = SimTime::ZERO.0 as i64;
        let mut need = vec![0i64; nb * nc];
        let mut pantry = vec![0i64; nb * nc];
        for (b, bd) in city.buildings.iter().enumerate() {
            for (c, g) in sc.goods.iter().enumerate() {
                let n = (f64::from(bd.residents) * g.need_kg * G).round() as i64;
                need[b * nc + c] = n;
                let cover = sc.households.start_cover_days(g.pantry_life_days);
                pantry[b * nc + c] = (n as f64 * cover).round() as i64;
            }
        }
        let households = city
            .buildings
            .iter()
            .map(|b| {
                (f64::from(b.residents) / sc.households.persons_per_household)
                    .round()
                    .max(1.0) as u32
            })
            .collect();
        let mut normal = vec![0i64; ns * nc];
        let mut city_need = vec![0i64; nc];
        for (b, bd) in city.buildings.iter().enumerate() {
            for c in 0..nc {
                normal[bd.store * nc + c] += need[b * nc + c];
                city_need[c] += need[b * nc + c];
            }
        }
        let stock = (0..ns * nc)
            .map(|i| {
                let days = sc
                    .stores
                    .initial_stock_days
                    .min(store_cover_days(sc, i % nc));
                Lots::steady(start, normal[i], days)
            })
            .collect();
        let mut sup_normal = vec![0i64; nsup * nc];
        for (s, st) in city.stores.iter().enumerate() {
            for c in 0..nc {
                sup_normal[st.supplier * nc + c] += normal[s * nc + c];
            }
        }
        let mut capacity = vec![0i64; nsup * nc];
        let mut sup_stock = Vec::with_capacity(nsup * nc);
        for (i, sp) in city.suppliers.iter().enumerate() {
            for c in 0..nc {
                let k = i * nc + c;
                if sp.is_depot() {
                    let days = sc.stores.warehouse_stock_days.min(depot_cover_days(sc, c));
                    sup_stock.push(Lots::steady(start, sup_normal[k], days));
                } else {
                    sup_stock.push(Lots::default());
                    if sp.kind == SupplierKind::ProductionBase {
                        capacity[k] = (city_need[c] as f64 * sp.production_share).round() as i64;
                    }
                }
            }
        }
        let van_g = (sc.transport.van_capacity_kg * G) as i64;
        let truck_g = (sc.transport.truck_capacity_kg * G) as i64;
        let fleet = |n: u32, capacity_g: i64| Fleet {
            free: n,
            capacity_g,
            queue: Default::default(),
            out_today_s: 0,
        };
        let mut pop = vec![0u64; nd];
        for b in &city.buildings {
            pop[b.district] += u64::from(b.residents);
        }
        let riders = RiderPool::new(&pop, sc.riders.per_10k);
        let bases: Vec<usize> = (0..nsup)
            .filter(|&i| city.suppliers[i].kind == SupplierKind::ProductionBase)
            .collect();
        let output: Vec<f64> = bases
            .iter()
            .map(|&b| city.suppliers[b].production_share)
            .collect();
        let circles = super::circle::circles(&pop, &output).map(|all| {
            all.into_iter()
                .map(|feed| feed.into_iter().map(|(k, w)| (bases[k], w)).collect())
                .collect()
        });
        let mut shoppers = vec![Vec::new(); ns];
        for (b, bd) in city.buildings.iter().enumerate() {
            let mut seen = [NONE; super::sales::TRIES];
            for (k, s) in std::iter::once(bd.store as u32).chain(bd.next).enumerate() {
                if s != NONE && !seen.contains(&s) {
                    shoppers[s as usize].push(b as u32);
                }
                seen[k] = s;
            }
        }
        let mut fresh_first: Vec<usize> = (0..nc).collect();
        fresh_first.sort_by(|&a, &b| {
            sc.goods[a]
                .shelf_life_days
                .total_cmp(&sc.goods[b].shelf_life_days)
        });
        let fresh = sc
            .goods
            .iter()
            .map(|g| g.shelf_life_days <= FRESH_DAYS)
            .collect();
        let mut w = World {
            sc,
            nc,
            fresh_first,
            fresh,
            seed,
            replication,
            trace: trace.then(Vec::new),
            sink: None,
            rng: Rngs {
                demand: streams.stream(StreamId::Demand),
                closures: streams.stream(StreamId::Closures),
                transport: streams.stream(StreamId::Transport),
                rumour: streams.stream(StreamId::Rumour),
                monitor: streams.stream(StreamId::Monitoring),
            },
            homes: Homes {
                need,
                pantry,
                online: vec![0; nb * nc],
                online_any: vec![false; nb],
                households,
                home: city
                    .buildings
                    .iter()
                    .map(|b| Home {
                        store: u32::try_from(b.store).expect("fewer than 2^32 stores"),
                        district: u32::try_from(b.district).expect("fewer than 2^32 districts"),
                    })
                    .collect(),
                sealed_by: vec![NONE; nb],
                risk: vec![Risk::Low; nb],
                cover_end: vec![0; nb],
                last_consume: SimTime::ZERO,
                tries: Vec::new(),
                rations: Default::default(),
                scratch: Default::default(),
            },
            stores: Stores {
                stock,
                pending: vec![0; ns * nc],
                normal,
                duty: vec![0; ns * nc],
                stockout_since: vec![u64::MAX; ns * nc],
                stockouts_in: vec![0; nd * nc],
                risk: vec![Risk::Low; ns],
                shoppers,
                fleet: city.stores.iter().map(|s| fleet(s.vans, van_g)).collect(),
                reported: Vec::new(),
            },
            depots: Depots {
                stock: sup_stock.into_iter().collect(),
                normal: sup_normal,
                duty: vec![0; nsup * nc],
                inbound: vec![0; nsup * nc],
                capacity_left: capacity.clone(),
                capacity,
                circles,
                fleet: city
                    .suppliers
                    .iter()
                    .map(|s| fleet(s.trucks, truck_g))
                    .collect(),
                budget: vec![0; nsup],
                closed_until: vec![SimTime::ZERO; nsup],
            },
            road: Road::default(),
            resp: Response::default(),
            districts: Districts {
                pop,
                sealed_pop: vec![0; nd],
                staff_loss: vec![0.0; nd],
                attendance: vec![1.0; nd],
                panic: vec![0.0; nd],
                hoard: vec![0.0; nd],
                panic_at: SimTime::ZERO,
                publicity: Vec::new(),
                riders,
                extra_checkpoint_h: 0.0,
            },
            bureau: DispatchState {
                reserve_left: sc
                    .reserves
                    .iter()
                    .map(|r| (r.stock_kg * G).round() as i64)
                    .collect(),
                transfer_pending: vec![0; nc],
                reserve_pending: vec![0; nc],
                publicity_pending: false,
                last_publicity: None,
                sales_today: vec![0; nc],
                sales_yesterday: city_need.clone(),
                city_need,
            },
            m: Acc::default(),
        };
        w.stores.reported = w.stores.stock.totals().to_vec();
        w.m.daily = vec![[0; DAILY]; nd * nc];
        for v in [
            &mut w.m.need,
            &mut w.m.unmet,
            &mut w.m.spoiled,
            &mut w.m.spoiled_home,
            &mut w.m.online_cancelled,
            &mut w.m.reserve,
            &mut w.m.transfer,
            &mut w.m.produced,
            &mut w.m.sold,
        ] {
            *v = vec![0; nc];
        }
        w.m.stockout_s = vec![0; nc];
        w.m.peak_sales = vec![0.0; nc];
        w.m.balance = vec![Balance::default(); nc];
        for c in 0..nc {
            w.m.balance[c].initial_g = w.goods_on_hand(c);
        }
        w.homes.tries = (0..nb).map(|b| w.tries(b)).collect();
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
        s.schedule_in(SimDuration(5 * HOUR), CityEvent::DepotReview);
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
            Stream::Closures => &mut self.rng.closures,
            Stream::Rumour => &mut self.rng.rumour,
        };
        let u: f64 = rng.random();
        SimDuration::from_days(-(1.0 - u).ln() / rate)
    }

    /// Total stock of category `c` everywhere in the city, including goods
    /// on the road [g].
    pub(crate) fn goods_on_hand(&self, c: usize) -> i64 {
        let nc = self.nc;
        let col = |v: &[i64]| v.iter().skip(c).step_by(nc).sum::<i64>();
        let mut total = col(&self.homes.pantry)
            + col(self.stores.stock.totals())
            + col(self.resp.point_stock.totals())
            + col(self.depots.stock.totals());
        for (id, sh) in self.road.shipments.iter().enumerate() {
            if sh.live && !matches!(sh.kind, ShipKind::Transfer | ShipKind::Reserve) {
                total += self.road.amounts(id, nc)[c];
            }
        }
        total
    }

    /// Whether any closure is active.
    pub(crate) fn any_closure(&self) -> bool {
        debug_assert_eq!(
            self.resp.active,
            self.resp
                .closures
                .iter()
                .filter(|c| c.ended.is_none())
                .count()
        );
        self.resp.active > 0
    }

    /// Recomputes risk levels of buildings and stores, the stores each
    /// building tries, sealed population and staff attendance, after a
    /// closure of `place` starts or ends. Only its control zone (or the
    /// place, if it has none) can change: closures it absorbs lie inside
    /// it, and places nest.
    pub(crate) fn refresh_zones(&mut self, place: usize) {
        let city = &self.sc.city;
        let zone = control_zone(city, place).unwrap_or(place);
        let (lo, hi) = (city.places[zone].first, city.places[zone].end);
        let homes = &mut self.homes;
        homes.risk[lo..hi].iter_mut().for_each(|r| *r = Risk::Low);
        homes.cover_end[lo..hi].iter_mut().for_each(|e| *e = 0);
        self.districts.sealed_pop.iter_mut().for_each(|p| *p = 0);
        // The part of a place's buildings inside the zone.
        let clip = |first: usize, end: usize| first.max(lo)..end.min(hi).max(first.max(lo));
        for cl in self.resp.closures.iter().filter(|c| c.ended.is_none()) {
            let p = &city.places[cl.place as usize];
            if let Some(zone) = control_zone(&self.sc.city, cl.place as usize) {
                let pp = &city.places[zone];
                for r in &mut homes.risk[clip(pp.first, pp.end)] {
                    *r = (*r).max(Risk::Medium);
                }
            }
            for r in &mut homes.risk[clip(p.first, p.end)] {
                *r = Risk::High;
            }
            for e in &mut homes.cover_end[clip(p.first, p.end)] {
                *e = (*e).max(p.end);
            }
            self.districts.sealed_pop[p.district] += p.population;
        }
        let mut changed = Vec::new();
        for (s, st) in city.stores.iter().enumerate() {
            let p = &city.places[st.place];
            if p.end <= lo || p.first >= hi {
                continue; // outside the zone: as it was
            }
            // Inside an active closure: one covering its first building
            // reaches at least to its end (places nest, so that closure
            // holds the whole place).
            let sealed = p.end > p.first && homes.cover_end[p.first] >= p.end;
            let risk = if sealed {
                Risk::High
            } else if homes.risk[p.first..p.end].iter().any(|&r| r != Risk::Low) {
                Risk::Medium
            } else {
                Risk::Low
            };
            if risk != self.stores.risk[s] {
                self.stores.risk[s] = risk;
                changed.push(s);
            }
        }
        for b in lo..hi {
            self.homes.tries[b] = self.tries(b);
        }
        for s in changed {
            for i in 0..self.stores.shoppers[s].len() {
                let b = self.stores.shoppers[s][i] as usize;
                self.homes.tries[b] = self.tries(b);
            }
        }
        self.refresh_attendance();
    }

    /// Staff attendance per district: staff who live in sealed places stay
    /// home, and scripted staff losses.
    pub(crate) fn refresh_attendance(&mut self) {
        let d = &mut self.districts;
        for i in 0..d.attendance.len() {
            let sealed = d.sealed_pop[i] as f64 / d.pop[i].max(1) as f64;
            d.attendance[i] = ((1.0 - sealed) * (1.0 - d.staff_loss[i])).clamp(0.0, 1.0);
        }
    }

    /// Rider, depot dispatch and production capacities for a new day.
    pub(crate) fn reset_daily_capacity(&mut self) {
        let r = &self.sc.riders;
        let per_rider = r.orders_per_rider_per_day * r.kg_per_order * G;
        self.districts
            .riders
            .reset_day(&self.districts.attendance, per_rider);
        for (i, sp) in self.sc.city.suppliers.iter().enumerate() {
            // Depots are staff-bound; a base's output is bounded by its
            // capacity and its trucks.
            self.depots.budget[i] = if sp.is_depot() {
                self.depot_ship_capacity(i) as i64
            } else {
                i64::MAX
            };
        }
        self.depots
            .capacity_left
            .copy_from_slice(&self.depots.capacity);
    }

    /// What depot `i`'s staff at work today can ship in a day, all
    /// categories [g].
    pub(crate) fn depot_ship_capacity(&self, i: usize) -> f64 {
        let sp = &self.sc.city.suppliers[i];
        let att = sp.district.map_or(1.0, |d| self.districts.attendance[d]);
        f64::from(sp.staff) * att * self.sc.transport.warehouse_kg_per_staff_day * G
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
        self.any_closure()
            || self
                .districts
                .panic
                .iter()
                .any(|&p| p > self.sc.plan.response_panic)
    }

    /// The name of district `d`.
    pub(crate) fn district_name(&self, d: usize) -> String {
        let city = &self.sc.city;
        city.places[city.districts[d]].name.clone()
    }
}

/// The control zone 管控区 around a sealed place: the place one level up,
/// except around a street (whose parent is a whole district) or a site.
pub(crate) fn control_zone(city: &super::config::City, place: usize) -> Option<usize> {
    let p = &city.places[place];
    let parent = p.parent?;
    (city.places[parent].level != Level::District).then_some(parent)
}

/// Days of normal sales a store holds at most of category `c`: the
/// order-up-to level, and no more than a share of the shelf life.
pub(crate) fn store_cover_days(sc: &Scenario, c: usize) -> f64 {
    sc.stores
        .target_stock_days
        .min(STORE_SHELF_SHARE * sc.goods[c].shelf_life_days)
}

/// Days of its residents' need a distribution point holds at most of
/// category `c`: the plan's point cover, and no more than a share of the
/// shelf life (the goods have aged at the depot and the store already).
pub(crate) fn point_cover_days(sc: &Scenario, c: usize) -> f64 {
    sc.plan
        .point_cover_days
        .min(POINT_SHELF_SHARE * sc.goods[c].shelf_life_days)
}

/// Days of normal throughput a depot holds at most of category `c`.
pub(crate) fn depot_cover_days(sc: &Scenario, c: usize) -> f64 {
    sc.stores
        .warehouse_stock_days
        .min(DEPOT_SHELF_SHARE * sc.goods[c].shelf_life_days)
}

impl World<'_> {
    /// Closure `c` in words, for `events.csv`.
    fn describe_closure(&self, c: u32) -> String {
        let cl = &self.resp.closures[c as usize];
        let place = &self.sc.city.places[cl.place as usize].name;
        format!("closure #{c} ({} {place})", cl.level.key())
    }

    /// Point `p` in words, for `events.csv`.
    pub(crate) fn describe_point(&self, p: u32) -> String {
        let pt = &self.resp.points[p as usize];
        format!("point #{p} of {}", self.describe_closure(pt.closure))
    }

    /// The event in words, with names instead of indices, for `events.csv`.
    pub fn describe(&self, e: &CityEvent) -> String {
        let city = &self.sc.city;
        let place = |p: u32| city.places[p as usize].name.as_str();
        let closure = |c: u32| self.describe_closure(c);
        let point = |p: u32| self.describe_point(p);
        let origin = |o: &Origin| match o {
            Origin::Supplier(i) => city.suppliers[*i as usize].name.clone(),
            Origin::Store(i) => city.stores[*i as usize].name.clone(),
            Origin::Outside => "outside the city".into(),
        };
        match e {
            CityEvent::SalesRound => "sales round".into(),
            CityEvent::DayEnd => "midnight: spoilage, daily series".into(),
            CityEvent::Report => "16:00 reports and daily dispatch".into(),
            CityEvent::DepotReview => "depots order from the production bases".into(),
            CityEvent::Replenish { store } => {
                format!("{} reviews its stock", city.stores[*store as usize].name)
            }
            CityEvent::Arrive { shipment } => {
                let id = *shipment as usize;
                let sh = &self.road.shipments[id];
                let dest = match sh.dest {
                    Dest::Store(i) => city.stores[i as usize].name.clone(),
                    Dest::Supplier(i) => city.suppliers[i as usize].name.clone(),
                    Dest::Point(p) => point(p),
                };
                let kg = self.road.amounts(id, self.nc).iter().sum::<i64>() as f64 / G;
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
            CityEvent::RandomClosure => "a random new case".into(),
            CityEvent::RandomRumour => "a random rumour".into(),
            CityEvent::Publicity => "publicity".into(),
            CityEvent::Scripted { index } => format!(
                "scripted: {}",
                self.sc.events[*index as usize].kind.describe(self.sc)
            ),
            CityEvent::StaffBack { .. } => "staff return".into(),
            CityEvent::CheckpointNormal { .. } => "checkpoint delays back to normal".into(),
            CityEvent::RidersArrive {
                district, count, ..
            } => {
                format!(
                    "{count} riders arrive in {}",
                    self.district_name(*district as usize)
                )
            }
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

    const PREFETCHES: bool = true;

    fn prefetch(&self, next: &CityEvent, then: Option<&CityEvent>) {
        self.prefetch_next(next);
        if let Some(then) = then {
            self.prefetch_then(then);
        }
    }

    fn handle(&mut self, now: SimTime, event: CityEvent, s: &mut Scheduler<CityEvent>) {
        self.catch_up_for(now, &event);
        if self.traced() {
            let event = self.describe(&event);
            self.trace_row(now, event);
        }
        match event {
            CityEvent::SalesRound => {
                self.sales_round(now, s);
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
            CityEvent::DepotReview => {
                self.depot_review(now, s);
                s.schedule_in(SimDuration(DAY / DEPOT_REVIEWS), CityEvent::DepotReview);
            }
            CityEvent::Replenish { store } => self.replenish(now, store, s),
            CityEvent::Arrive { shipment } => self.arrive(now, shipment, s),
            CityEvent::VehicleBack { origin } => {
                match origin {
                    Origin::Supplier(i) => self.depots.fleet[i as usize].free += 1,
                    Origin::Store(i) => self.stores.fleet[i as usize].free += 1,
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
            CityEvent::RandomClosure => {
                let nb = self.sc.city.buildings.len();
                let b = self.rng.closures.random_range(0..nb);
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
                let loss = &mut self.districts.staff_loss;
                match district {
                    Some(d) => loss[d as usize] = (loss[d as usize] - share).max(0.0),
                    None => loss.iter_mut().for_each(|l| *l = (*l - share).max(0.0)),
                }
                self.refresh_attendance();
            }
            CityEvent::RidersArrive {
                closure,
                district,
                count,
            } => {
                self.riders_arrive(now, Some((closure, district as usize)), count);
            }
            CityEvent::CheckpointNormal { extra_hours } => {
                let x = &mut self.districts.extra_checkpoint_h;
                *x = (*x - extra_hours).max(0.0);
            }
        }
    }
}

/// Depot reviews per day.
pub(crate) const DEPOT_REVIEWS: u64 = 24;
