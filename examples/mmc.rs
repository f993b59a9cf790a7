//! M/M/c reference model: the engine against a hand-written loop and theory.
//!
//! `cargo run --profile bench --example mmc -- --customers 200000 --seed 1`
//! (`--implementation hand-loop` runs the hand-written loop instead of the
//! engine, `hand-loop-seq` and `hand-loop-f64` two slower ways to write it;
//! `--repeat R` runs R times and reports the fastest wall time). The bench
//! profile (fat LTO, one codegen unit) is how `cargo bench` and
//! `benches/peers/run` build it; `--release` works too.
//!
//! # The model
//!
//! c = 4 identical servers, Poisson arrivals at rate λ = 3.2, exponential
//! service at rate μ = 1 per server (utilisation ρ = λ / cμ = 0.8), one FIFO
//! queue, no balking. The first customer arrives after an exponential
//! interarrival time from time zero; exactly N customers arrive and the run
//! ends at the last departure. There are exactly 2N events: one arrival and
//! one departure per customer.
//!
//! # Time unit
//!
//! The engine's clock is an integer. In this model one tick is 10⁻⁶ model
//! time units ([`TICKS_PER_UNIT`] = 1,000,000; the crate's own models read a
//! tick as a second, this one does not). Every interarrival and service time
//! is rounded to the nearest tick. Rounding to nearest is unbiased on
//! average and its error (at most 5·10⁻⁷ per draw) is five orders of
//! magnitude below the confidence interval of the mean wait, so it cannot
//! show in the comparison with Erlang C. 200,000 customers span about
//! 6.3·10¹⁰ ticks, far inside `u64`.
//!
//! # Randomness
//!
//! Two streams of [`RngStreams::new(seed, 0)`](RngStreams): interarrival
//! times from `StreamId::Custom(1)`, service times from `StreamId::Custom(2)`,
//! both exponential by `rand_distr::Exp1` (ziggurat) scaled by 1/rate. The
//! k-th interarrival draw always belongs to customer k, and the k-th service
//! draw to the k-th customer to start service, which under FIFO is customer
//! k. So the engine model and the hand-written loop consume the same draws
//! for the same customers whatever order they process simultaneous events
//! in, and give identical waits: their results are equal to the last bit.
//!
//! # Statistics
//!
//! Waits are summed in integer ticks. `wq` is the mean wait in queue over
//! customers N/100 .. N (the first N/100 customers, the warm-up, are
//! dropped), in model time units. `wq_ci95` is the half-width of a 95%
//! confidence interval from 20 batch means: the kept customers are split in
//! 20 consecutive batches of ⌊(N − N/100) / 20⌋ (the at most 19 left over
//! at the end count in `wq` but in no batch), and the half-width is
//! t(0.975, 19) · s / √20 with t = 2.093 and s the standard deviation of the
//! batch means. `wq_erlang_c` is the exact steady-state mean wait of the
//! M/M/4 queue (Erlang C), computed in code: 0.745541.
//!
//! The wall clock only times the run (`wall_s`); no result depends on it.

use std::cmp::Reverse;
use std::collections::{BinaryHeap, VecDeque};
use std::time::Instant;

use baogong::engine::{
    Model, RngStreams, Scheduler, SimDuration, SimRng, SimTime, Simulation, StreamId,
};
use baogong::model::delivery::erlang_c_wait;
use clap::{Parser, ValueEnum};
use rand::RngExt;
use rand_distr::Exp1;
use serde::Serialize;

/// Number of servers.
pub const SERVERS: u32 = 4;
/// Arrival rate [customers / time unit].
pub const LAMBDA: f64 = 3.2;
/// Service rate of one server [customers / time unit].
pub const MU: f64 = 1.0;
/// Engine ticks in one model time unit.
pub const TICKS_PER_UNIT: f64 = 1e6;
/// Number of batches of the batch-means confidence interval.
pub const BATCHES: usize = 20;
/// Student t quantile t(0.975, 19 degrees of freedom).
pub const T_975_19: f64 = 2.093;
/// The published Erlang C mean wait of M/M/4 at ρ = 0.8, to 6 decimals.
pub const ERLANG_C_WQ: f64 = 0.745_541;

/// The exact Erlang C mean wait in queue for [`LAMBDA`], [`MU`], [`SERVERS`],
/// checked against the published [`ERLANG_C_WQ`] to 6 decimals.
pub fn erlang_c() -> f64 {
    let wq = erlang_c_wait(LAMBDA, MU, SERVERS).expect("the queue is stable: λ < cμ");
    assert!(
        (wq - ERLANG_C_WQ).abs() < 5e-7,
        "Erlang C gives {wq}, not {ERLANG_C_WQ}"
    );
    wq
}

/// The interarrival and service streams of `seed`.
fn streams(seed: u64) -> (SimRng, SimRng) {
    let s = RngStreams::new(seed, 0);
    (s.stream(StreamId::Custom(1)), s.stream(StreamId::Custom(2)))
}

/// An exponential time at `rate` [1 / time unit], rounded to the nearest
/// tick. (`+ 0.5` and truncation round a non-negative value to nearest,
/// ties up, without the libm call that `f64::round` costs on baseline
/// x86-64.)
#[inline]
fn exp_ticks(rng: &mut SimRng, rate: f64) -> u64 {
    let x: f64 = rng.sample(Exp1);
    (x * (TICKS_PER_UNIT / rate) + 0.5) as u64
}

/// What one run gives. Both implementations fill it the same way.
#[derive(Debug, Clone, PartialEq)]
pub struct MmcResult {
    /// Customers that arrived (and departed).
    pub customers: u64,
    /// Events handled: one arrival and one departure per customer.
    pub events: u64,
    /// Time of the last departure [ticks].
    pub end_ticks: u64,
    /// Mean wait in queue after the warm-up [time units].
    pub wq: f64,
    /// Half-width of the 95% batch-means confidence interval of `wq`
    /// [time units]; NaN if there are fewer than 20 kept customers.
    pub wq_ci95: f64,
    /// The 20 batch means [time units].
    pub batch_means: Vec<f64>,
}

/// Waits, accumulated in integer ticks in customer order.
#[derive(Debug)]
struct WaitStats {
    customers: u64,
    warmup: u64,
    batch: u64,
    /// Customers recorded so far.
    seen: u64,
    /// The batch being filled, and how many customers it has.
    current: usize,
    in_batch: u64,
    batch_sums: [u64; BATCHES],
    kept_sum: u64,
}

impl WaitStats {
    fn new(customers: u64) -> Self {
        let warmup = customers / 100;
        WaitStats {
            customers,
            warmup,
            batch: (customers - warmup) / BATCHES as u64,
            seen: 0,
            current: 0,
            in_batch: 0,
            batch_sums: [0; BATCHES],
            kept_sum: 0,
        }
    }

    /// The next customer, in arrival order (which under FIFO is the order
    /// of service starts), waited `wait` ticks.
    #[inline]
    fn record(&mut self, wait: u64) {
        self.seen += 1;
        if self.seen <= self.warmup {
            return;
        }
        self.kept_sum += wait;
        if self.current < BATCHES {
            self.batch_sums[self.current] += wait;
            self.in_batch += 1;
            if self.in_batch == self.batch {
                self.current += 1;
                self.in_batch = 0;
            }
        }
    }

    fn finish(&self, events: u64, end_ticks: u64) -> MmcResult {
        let kept = self.customers - self.warmup;
        let wq = self.kept_sum as f64 / kept as f64 / TICKS_PER_UNIT;
        let batch_means: Vec<f64> = self
            .batch_sums
            .iter()
            .map(|&s| s as f64 / self.batch as f64 / TICKS_PER_UNIT)
            .collect();
        let k = BATCHES as f64;
        let mean = batch_means.iter().sum::<f64>() / k;
        let var = batch_means.iter().map(|m| (m - mean).powi(2)).sum::<f64>() / (k - 1.0);
        let wq_ci95 = if self.batch > 0 {
            T_975_19 * (var / k).sqrt()
        } else {
            f64::NAN
        };
        MmcResult {
            customers: self.customers,
            events,
            end_ticks,
            wq,
            wq_ci95,
            batch_means,
        }
    }
}

// ------------------------------------------------------------- on the engine

/// The two events of the station.
#[derive(Debug, Clone, Copy)]
enum Ev {
    Arrival,
    Departure,
}

/// The station as an engine [`Model`].
#[derive(Debug)]
struct Station {
    interarrivals: SimRng,
    services: SimRng,
    limit: u64,
    arrived: u64,
    busy: u32,
    /// Arrival times of the waiting customers, oldest first.
    waiting: VecDeque<SimTime>,
    stats: WaitStats,
}

impl Station {
    /// Starts service of the next customer (who arrived at `arrived`).
    #[inline]
    fn start(&mut self, arrived: SimTime, now: SimTime, s: &mut Scheduler<Ev>) {
        self.stats.record(now.0 - arrived.0);
        let d = exp_ticks(&mut self.services, MU);
        s.schedule_in(SimDuration(d), Ev::Departure);
    }
}

impl Model for Station {
    type Event = Ev;

    fn handle(&mut self, now: SimTime, event: Ev, s: &mut Scheduler<Ev>) {
        match event {
            Ev::Arrival => {
                self.arrived += 1;
                if self.arrived < self.limit {
                    let d = exp_ticks(&mut self.interarrivals, LAMBDA);
                    s.schedule_in(SimDuration(d), Ev::Arrival);
                }
                if self.busy < SERVERS {
                    self.busy += 1;
                    self.start(now, now, s);
                } else {
                    self.waiting.push_back(now);
                }
            }
            Ev::Departure => match self.waiting.pop_front() {
                Some(arrived) => self.start(arrived, now, s),
                None => self.busy -= 1,
            },
        }
    }
}

/// Runs `customers` customers through the station on the baogong engine.
pub fn simulate_engine(customers: u64, seed: u64) -> MmcResult {
    let (interarrivals, services) = streams(seed);
    let mut sim = Simulation::new(Station {
        interarrivals,
        services,
        limit: customers,
        arrived: 0,
        busy: 0,
        waiting: VecDeque::new(),
        stats: WaitStats::new(customers),
    });
    if customers > 0 {
        sim.with_parts(|m, s| {
            let d = exp_ticks(&mut m.interarrivals, LAMBDA);
            s.schedule_in(SimDuration(d), Ev::Arrival);
        });
    }
    while sim.step().is_some() {}
    let (events, end) = (sim.events_processed(), sim.now().0);
    sim.model().stats.finish(events, end)
}

// ----------------------------------------------------- the hand-written loops

/// Kind bit of a packed key of [`simulate_hand_loop`]: an arrival.
const ARRIVAL: u64 = 0;
/// Kind bit of a packed key of [`simulate_hand_loop`]: a departure.
const DEPARTURE: u64 = 1;

/// The same station as the plainest loop: a std `BinaryHeap` of bare `u64`
/// keys, `time << 1 | kind`, earliest first, and no other type involved.
/// The fastest of the three loops here, and so the reference the engine is
/// measured against.
///
/// The key needs no sequence number: at most one arrival is pending, two
/// departures at the same tick are interchangeable, and an arrival and a
/// departure at the same tick give the same waits in either order (the
/// arriving customer starts at once with a zero wait either way). So the
/// loop consumes the same draws for the same customers as
/// [`simulate_engine`] and gives the identical result. Times stay below
/// 2^63 ticks (200,000 customers reach about 2^36).
pub fn simulate_hand_loop(customers: u64, seed: u64) -> MmcResult {
    let (mut interarrivals, mut services) = streams(seed);
    let mut heap: BinaryHeap<Reverse<u64>> = BinaryHeap::new();
    let (mut arrived, mut busy, mut events, mut now) = (0u64, 0u32, 0u64, 0u64);
    let mut waiting: VecDeque<u64> = VecDeque::new();
    let mut stats = WaitStats::new(customers);
    if customers > 0 {
        let t = exp_ticks(&mut interarrivals, LAMBDA);
        heap.push(Reverse(t << 1 | ARRIVAL));
    }
    while let Some(Reverse(key)) = heap.pop() {
        now = key >> 1;
        events += 1;
        if key & 1 == ARRIVAL {
            arrived += 1;
            if arrived < customers {
                let t = now + exp_ticks(&mut interarrivals, LAMBDA);
                heap.push(Reverse(t << 1 | ARRIVAL));
            }
            if busy < SERVERS {
                busy += 1;
                stats.record(0);
                let t = now + exp_ticks(&mut services, MU);
                heap.push(Reverse(t << 1 | DEPARTURE));
            } else {
                waiting.push_back(now);
            }
        } else if let Some(a) = waiting.pop_front() {
            stats.record(now - a);
            let t = now + exp_ticks(&mut services, MU);
            heap.push(Reverse(t << 1 | DEPARTURE));
        } else {
            busy -= 1;
        }
    }
    stats.finish(events, now)
}

/// Event kinds of the other hand-written loops.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Kind {
    Arrival,
    Departure,
}

/// The loop the engine used to be measured against: a `BinaryHeap` of
/// `(time, sequence, kind)` tuples, earliest first and FIFO on ties. Same
/// draws and same result as [`simulate_engine`]; slower than
/// [`simulate_hand_loop`] because its keys are three fields wide.
pub fn simulate_hand_loop_seq(customers: u64, seed: u64) -> MmcResult {
    let (mut interarrivals, mut services) = streams(seed);
    let mut heap: BinaryHeap<Reverse<(u64, u64, Kind)>> = BinaryHeap::new();
    let mut seq = 0u64;
    let (mut arrived, mut busy, mut events, mut now) = (0u64, 0u32, 0u64, 0u64);
    let mut waiting: VecDeque<u64> = VecDeque::new();
    let mut stats = WaitStats::new(customers);
    if customers > 0 {
        heap.push(Reverse((
            exp_ticks(&mut interarrivals, LAMBDA),
            seq,
            Kind::Arrival,
        )));
        seq += 1;
    }
    while let Some(Reverse((t, _, kind))) = heap.pop() {
        now = t;
        events += 1;
        let start_from = match kind {
            Kind::Arrival => {
                arrived += 1;
                if arrived < customers {
                    let d = exp_ticks(&mut interarrivals, LAMBDA);
                    heap.push(Reverse((now + d, seq, Kind::Arrival)));
                    seq += 1;
                }
                if busy < SERVERS {
                    busy += 1;
                    Some(now)
                } else {
                    waiting.push_back(now);
                    None
                }
            }
            Kind::Departure => {
                let next = waiting.pop_front();
                if next.is_none() {
                    busy -= 1;
                }
                next
            }
        };
        if let Some(a) = start_from {
            stats.record(now - a);
            let d = exp_ticks(&mut services, MU);
            heap.push(Reverse((now + d, seq, Kind::Departure)));
            seq += 1;
        }
    }
    stats.finish(events, now)
}

/// An event of [`simulate_hand_loop_f64`]: float time [time units] and
/// kind, ordered earliest first for the max-heap.
#[derive(Debug, Clone, Copy)]
struct FloatEvent {
    time: f64,
    kind: Kind,
}

impl PartialEq for FloatEvent {
    fn eq(&self, other: &Self) -> bool {
        self.cmp(other) == std::cmp::Ordering::Equal
    }
}
impl Eq for FloatEvent {}
impl PartialOrd for FloatEvent {
    fn partial_cmp(&self, other: &Self) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}
impl Ord for FloatEvent {
    fn cmp(&self, other: &Self) -> std::cmp::Ordering {
        other
            .time
            .total_cmp(&self.time)
            .then(other.kind.cmp(&self.kind))
    }
}

/// The same station with float time, as it is most often written: a
/// `BinaryHeap` of `(f64 time, kind)`, the same draws unrounded. Its waits
/// differ from the others' in the last digits (no rounding to ticks), so
/// its result agrees with theirs statistically, not to the bit; it is
/// measured to show that float time is no faster than integer ticks. Waits
/// are recorded in ticks, rounded, so the statistics code is the same.
pub fn simulate_hand_loop_f64(customers: u64, seed: u64) -> MmcResult {
    let (mut interarrivals, mut services) = streams(seed);
    let exp = |rng: &mut SimRng, rate: f64| -> f64 { rng.sample::<f64, _>(Exp1) / rate };
    let mut heap: BinaryHeap<FloatEvent> = BinaryHeap::new();
    let (mut arrived, mut busy, mut events, mut now) = (0u64, 0u32, 0u64, 0.0f64);
    let mut waiting: VecDeque<f64> = VecDeque::new();
    let mut stats = WaitStats::new(customers);
    if customers > 0 {
        heap.push(FloatEvent {
            time: exp(&mut interarrivals, LAMBDA),
            kind: Kind::Arrival,
        });
    }
    while let Some(FloatEvent { time, kind }) = heap.pop() {
        now = time;
        events += 1;
        let start_from = match kind {
            Kind::Arrival => {
                arrived += 1;
                if arrived < customers {
                    heap.push(FloatEvent {
                        time: now + exp(&mut interarrivals, LAMBDA),
                        kind: Kind::Arrival,
                    });
                }
                if busy < SERVERS {
                    busy += 1;
                    Some(now)
                } else {
                    waiting.push_back(now);
                    None
                }
            }
            Kind::Departure => {
                let next = waiting.pop_front();
                if next.is_none() {
                    busy -= 1;
                }
                next
            }
        };
        if let Some(a) = start_from {
            stats.record(((now - a) * TICKS_PER_UNIT + 0.5) as u64);
            heap.push(FloatEvent {
                time: now + exp(&mut services, MU),
                kind: Kind::Departure,
            });
        }
    }
    stats.finish(events, (now * TICKS_PER_UNIT + 0.5) as u64)
}

// ------------------------------------------------------------------- the CLI

/// Which implementation runs.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Implementation {
    /// The model on baogong's engine (`Model`, `Simulation`, `Scheduler`).
    Baogong,
    /// The hand-written loop over a `BinaryHeap` of packed `u64` keys, the
    /// strongest reference.
    HandLoop,
    /// The hand-written loop over a `BinaryHeap` of `(time, sequence,
    /// kind)`.
    HandLoopSeq,
    /// The hand-written loop with `f64` time.
    HandLoopF64,
}

impl Implementation {
    /// The name printed in the JSON line.
    pub fn name(self) -> &'static str {
        match self {
            Implementation::Baogong => "baogong",
            Implementation::HandLoop => "hand-loop",
            Implementation::HandLoopSeq => "hand-loop-seq",
            Implementation::HandLoopF64 => "hand-loop-f64",
        }
    }

    /// Runs this implementation.
    pub fn simulate(self, customers: u64, seed: u64) -> MmcResult {
        match self {
            Implementation::Baogong => simulate_engine(customers, seed),
            Implementation::HandLoop => simulate_hand_loop(customers, seed),
            Implementation::HandLoopSeq => simulate_hand_loop_seq(customers, seed),
            Implementation::HandLoopF64 => simulate_hand_loop_f64(customers, seed),
        }
    }
}

/// M/M/4 at utilisation 0.8; prints one JSON line.
#[derive(Debug, Parser)]
#[command(about)]
struct Args {
    /// Customers to simulate (at least 100).
    #[arg(long, default_value_t = 200_000, value_parser = clap::value_parser!(u64).range(100..))]
    customers: u64,
    /// Master seed of the random streams.
    #[arg(long, default_value_t = 1)]
    seed: u64,
    /// Which implementation to run.
    #[arg(long, value_enum, default_value_t = Implementation::Baogong)]
    implementation: Implementation,
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
    customers: u64,
    seed: u64,
    servers: u32,
    lambda: f64,
    mu: f64,
    ticks_per_unit: f64,
    repeat: u32,
    events: u64,
    /// Time of the last departure [time units].
    sim_end: f64,
    wall_s: f64,
    events_per_s: f64,
    wq: f64,
    wq_ci95: f64,
    wq_erlang_c: f64,
}

fn main() {
    let args = Args::parse();
    let erlang = erlang_c();
    let mut best = f64::INFINITY;
    let mut result = None;
    for _ in 0..args.repeat {
        let t0 = Instant::now();
        let r = args.implementation.simulate(args.customers, args.seed);
        best = best.min(t0.elapsed().as_secs_f64());
        if let Some(prev) = &result {
            assert_eq!(prev, &r, "a repeated run gave a different result");
        }
        result = Some(r);
    }
    let r = result.expect("at least one run");
    let line = Line {
        model: "mmc",
        implementation: args.implementation.name(),
        customers: r.customers,
        seed: args.seed,
        servers: SERVERS,
        lambda: LAMBDA,
        mu: MU,
        ticks_per_unit: TICKS_PER_UNIT,
        repeat: args.repeat,
        events: r.events,
        sim_end: r.end_ticks as f64 / TICKS_PER_UNIT,
        wall_s: best,
        events_per_s: r.events as f64 / best,
        wq: r.wq,
        wq_ci95: r.wq_ci95,
        wq_erlang_c: (erlang * 1e6).round() / 1e6,
    };
    let line = serde_json::to_string(&line).expect("the line serializes");
    println!("{line}");
}
