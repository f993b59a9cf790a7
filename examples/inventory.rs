//! Inventory reference model: K stores with periodic review, one warehouse.
//!
//! `cargo run --release --example inventory -- --stores 100 --days 60 --seed 1`
//! (`--repeat R` runs R times and reports the fastest wall time).
//!
//! # The model
//!
//! * Time is the engine's usual integer seconds ([`DAY`] = 86,400 ticks).
//!   The run covers the half-open interval [0, T days): events at or after
//!   T days are not handled.
//! * Customers arrive at each store as a Poisson process of 50 a day
//!   (exponential interarrival times, rounded to the second); each wants 1, 2
//!   or 3 units with equal probability. Sales are lost: a customer takes what
//!   is on hand, up to what they want, and the rest is not sold.
//! * Every store starts with 500 units on hand and nothing in transit.
//! * Every store reviews at t = 1, 2, ..., T − 1 days. If on hand plus in
//!   transit is at most 250, it orders up to 500 (orders 500 − position)
//!   from the one warehouse, which ships at once what it has: the whole order,
//!   part of it if it is short, or nothing if it is empty. A shipment arrives
//!   after a lead time uniform over the whole seconds of [0.5, 2.5] days.
//!   Stores reviewed at the same time are served in store order.
//! * The warehouse starts with 3 days of mean total demand
//!   (3 × K × 50 × 2 units) and receives 1 day of mean total demand
//!   (K × 50 × 2 units) at 12:00 every day (t = 0.5, 1.5, ..., T − 0.5).
//!
//! # Events
//!
//! One engine event is one of: a customer arriving at a store, one store's
//! review, a shipment arriving at a store, the warehouse's daily receipt.
//! `events` counts the events handled in [0, T days); an order that ships
//! nothing schedules no event.
//!
//! # Randomness
//!
//! [`RngStreams::new(seed, 0)`](RngStreams): customers (interarrival times
//! and units wanted) from `StreamId::Demand`, lead times from
//! `StreamId::Transport`. The wall clock only times the run.

use std::time::Instant;

use baogong::engine::{
    DAY, Model, RngStreams, Scheduler, SimDuration, SimRng, SimTime, Simulation, StreamId,
};
use clap::Parser;
use rand::RngExt;
use rand_distr::Exp1;
use serde::Serialize;

/// Customers per store and day [1/day].
pub const CUSTOMERS_PER_DAY: f64 = 50.0;
/// Mean units wanted per customer (uniform over 1, 2, 3).
pub const MEAN_UNITS: u64 = 2;

/// The model's parameters.
#[derive(Debug, Clone, PartialEq)]
pub struct Params {
    /// Number of stores K.
    pub stores: u32,
    /// Length of the run T [days].
    pub days: u64,
    /// Master seed of the random streams.
    pub seed: u64,
    /// Units on hand at every store at t = 0 [units]. By default, 500.
    pub initial_on_hand: u64,
    /// A store orders when on hand + in transit is at most this [units].
    /// By default, 250.
    pub reorder_point: u64,
    /// A store orders up to this position [units]. By default, 500.
    pub order_up_to: u64,
    /// The warehouse's stock at t = 0 [units]. By default, 3 days of mean
    /// total demand: 3 × K × 50 × 2.
    pub warehouse_initial: u64,
    /// The warehouse's receipt at 12:00 every day [units]. By default, one
    /// day of mean total demand: K × 50 × 2.
    pub daily_receipt: u64,
    /// Shortest lead time [s]. By default, half a day.
    pub lead_min: u64,
    /// Longest lead time [s]. By default, two and a half days.
    pub lead_max: u64,
}

impl Params {
    /// The reference parameters for `stores` stores over `days` days.
    pub fn new(stores: u32, days: u64, seed: u64) -> Params {
        let daily_mean = u64::from(stores) * CUSTOMERS_PER_DAY as u64 * MEAN_UNITS;
        Params {
            stores,
            days,
            seed,
            initial_on_hand: 500,
            reorder_point: 250,
            order_up_to: 500,
            warehouse_initial: 3 * daily_mean,
            daily_receipt: daily_mean,
            lead_min: DAY / 2,
            lead_max: 5 * DAY / 2,
        }
    }
}

/// Handled events by kind.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct EventCounts {
    /// Customer arrivals.
    pub customer: u64,
    /// Store reviews.
    pub review: u64,
    /// Shipments arriving at stores.
    pub delivery: u64,
    /// The warehouse's daily receipts.
    pub receipt: u64,
}

/// What one run gives.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct InventoryResult {
    /// Events handled, all kinds (as the engine counts them).
    pub events: u64,
    /// Events handled, by kind (as the model counts them).
    pub by_kind: EventCounts,
    /// Units the customers wanted.
    pub units_wanted: u64,
    /// Units sold.
    pub units_sold: u64,
    /// Orders placed (reviews that found the position at or below the
    /// reorder point), whether or not anything shipped.
    pub orders: u64,
    /// Orders that shipped at least one unit.
    pub shipments: u64,
    /// Units ordered.
    pub units_ordered: u64,
    /// Units the warehouse shipped.
    pub units_shipped: u64,
    /// Units that arrived at stores.
    pub units_received: u64,
    /// Units the warehouse received (its daily receipts).
    pub warehouse_receipts: u64,
    /// The warehouse's stock at t = 0.
    pub warehouse_initial: u64,
    /// The warehouse's stock at the end.
    pub warehouse_end: u64,
    /// Units on hand at all stores at t = 0.
    pub stores_initial: u64,
    /// Units on hand at all stores at the end.
    pub on_hand_end: u64,
    /// Units shipped but not yet arrived at the end.
    pub in_transit_end: u64,
}

impl InventoryResult {
    /// Units sold over units wanted.
    pub fn fill_rate(&self) -> f64 {
        self.units_sold as f64 / self.units_wanted as f64
    }
}

#[derive(Debug, Clone, Copy)]
struct Store {
    on_hand: u64,
    in_transit: u64,
}

/// The events of the model.
#[derive(Debug, Clone, Copy)]
enum Ev {
    Customer(u32),
    Review(u32),
    Delivery { store: u32, units: u32 },
    Receipt,
}

#[derive(Debug)]
struct Inventory {
    p: Params,
    stores: Vec<Store>,
    warehouse: u64,
    demand: SimRng,
    transport: SimRng,
    /// Mean customer interarrival time at one store [s].
    mean_interarrival: f64,
    r: InventoryResult,
}

impl Inventory {
    #[inline]
    fn interarrival(&mut self) -> SimDuration {
        let x: f64 = self.demand.sample(Exp1);
        // Rounded to the nearest second (non-negative, so + 0.5 and
        // truncation do it without a libm call).
        SimDuration((x * self.mean_interarrival + 0.5) as u64)
    }
}

impl Model for Inventory {
    type Event = Ev;

    fn handle(&mut self, _now: SimTime, event: Ev, s: &mut Scheduler<Ev>) {
        match event {
            Ev::Customer(i) => {
                self.r.by_kind.customer += 1;
                let want: u64 = self.demand.random_range(1..=3);
                let store = &mut self.stores[i as usize];
                let sold = want.min(store.on_hand);
                store.on_hand -= sold;
                self.r.units_wanted += want;
                self.r.units_sold += sold;
                let d = self.interarrival();
                s.schedule_in(d, Ev::Customer(i));
            }
            Ev::Review(i) => {
                self.r.by_kind.review += 1;
                let store = &mut self.stores[i as usize];
                let position = store.on_hand + store.in_transit;
                if position <= self.p.reorder_point {
                    let want = self.p.order_up_to - position;
                    let ship = want.min(self.warehouse);
                    self.r.orders += 1;
                    self.r.units_ordered += want;
                    if ship > 0 {
                        self.warehouse -= ship;
                        store.in_transit += ship;
                        self.r.shipments += 1;
                        self.r.units_shipped += ship;
                        let lead = self
                            .transport
                            .random_range(self.p.lead_min..=self.p.lead_max);
                        let units = u32::try_from(ship).expect("an order fits in u32");
                        s.schedule_in(SimDuration(lead), Ev::Delivery { store: i, units });
                    }
                }
                s.schedule_in(SimDuration(DAY), Ev::Review(i));
            }
            Ev::Delivery { store, units } => {
                self.r.by_kind.delivery += 1;
                let store = &mut self.stores[store as usize];
                store.on_hand += u64::from(units);
                store.in_transit -= u64::from(units);
                self.r.units_received += u64::from(units);
            }
            Ev::Receipt => {
                self.r.by_kind.receipt += 1;
                self.warehouse += self.p.daily_receipt;
                self.r.warehouse_receipts += self.p.daily_receipt;
                s.schedule_in(SimDuration(DAY), Ev::Receipt);
            }
        }
    }
}

/// Runs the model on the baogong engine over [0, `p.days`) days.
pub fn simulate(p: &Params) -> InventoryResult {
    let streams = RngStreams::new(p.seed, 0);
    let k = p.stores as usize;
    let mut sim = Simulation::new(Inventory {
        stores: vec![
            Store {
                on_hand: p.initial_on_hand,
                in_transit: 0,
            };
            k
        ],
        warehouse: p.warehouse_initial,
        demand: streams.stream(StreamId::Demand),
        transport: streams.stream(StreamId::Transport),
        mean_interarrival: DAY as f64 / CUSTOMERS_PER_DAY,
        r: InventoryResult {
            warehouse_initial: p.warehouse_initial,
            stores_initial: p.initial_on_hand * k as u64,
            ..InventoryResult::default()
        },
        p: p.clone(),
    });
    sim.with_parts(|m, s| {
        for i in 0..p.stores {
            let d = m.interarrival();
            s.schedule_in(d, Ev::Customer(i));
        }
        for i in 0..p.stores {
            s.schedule_in(SimDuration(DAY), Ev::Review(i));
        }
        s.schedule_in(SimDuration(DAY / 2), Ev::Receipt);
    });
    let events = if p.days > 0 {
        sim.run_until(SimTime(p.days * DAY - 1))
    } else {
        0
    };
    let m = sim.into_model();
    InventoryResult {
        events,
        warehouse_end: m.warehouse,
        on_hand_end: m.stores.iter().map(|s| s.on_hand).sum(),
        in_transit_end: m.stores.iter().map(|s| s.in_transit).sum(),
        ..m.r
    }
}

/// K stores, one warehouse, periodic review; prints one JSON line.
#[derive(Debug, Parser)]
#[command(about)]
struct Args {
    /// Number of stores (at least 1).
    #[arg(long, default_value_t = 100, value_parser = clap::value_parser!(u32).range(1..))]
    stores: u32,
    /// Days to simulate (at least 1).
    #[arg(long, default_value_t = 60, value_parser = clap::value_parser!(u64).range(1..))]
    days: u64,
    /// Master seed of the random streams.
    #[arg(long, default_value_t = 1)]
    seed: u64,
    /// Runs this many times and reports the fastest wall time (the results
    /// of every run are identical).
    #[arg(long, default_value_t = 1, value_parser = clap::value_parser!(u32).range(1..))]
    repeat: u32,
}

/// The JSON line, in this key order.
#[derive(Debug, Serialize)]
struct Line {
    model: &'static str,
    implementation: &'static str,
    stores: u32,
    days: u64,
    seed: u64,
    repeat: u32,
    events: u64,
    wall_s: f64,
    events_per_s: f64,
    fill_rate: f64,
    units_wanted: u64,
    units_sold: u64,
    orders: u64,
    shipments: u64,
    units_ordered: u64,
    units_shipped: u64,
    warehouse_end: u64,
    events_by_kind: EventCounts,
}

fn main() {
    let args = Args::parse();
    let p = Params::new(args.stores, args.days, args.seed);
    let mut best = f64::INFINITY;
    let mut result = None;
    for _ in 0..args.repeat {
        let t0 = Instant::now();
        let r = simulate(&p);
        best = best.min(t0.elapsed().as_secs_f64());
        if let Some(prev) = &result {
            assert_eq!(prev, &r, "a repeated run gave a different result");
        }
        result = Some(r);
    }
    let r = result.expect("at least one run");
    let line = Line {
        model: "inventory",
        implementation: "baogong",
        stores: args.stores,
        days: args.days,
        seed: args.seed,
        repeat: args.repeat,
        events: r.events,
        wall_s: best,
        events_per_s: r.events as f64 / best,
        fill_rate: r.fill_rate(),
        units_wanted: r.units_wanted,
        units_sold: r.units_sold,
        orders: r.orders,
        shipments: r.shipments,
        units_ordered: r.units_ordered,
        units_shipped: r.units_shipped,
        warehouse_end: r.warehouse_end,
        events_by_kind: r.by_kind,
    };
    println!(
        "{}",
        serde_json::to_string(&line).expect("the line serializes")
    );
}
