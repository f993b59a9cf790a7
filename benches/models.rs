//! Benchmarks of two reference models on the engine, against a hand-written
//! loop.
//!
//! The models are the examples' own code, included by `#[path]`, so the
//! benchmark, the examples and the integration tests run the same model.
//!
//! * `mmc/baogong`: M/M/4 at utilisation 0.8 (examples/mmc.rs), 100,000
//!   customers, seed 1, on the engine (`Model`, `Simulation`, `Scheduler`).
//! * `mmc/hand-loop`: the same model as the plainest loop: a
//!   `std::collections::BinaryHeap` of bare `u64` keys (`time << 1 | kind`)
//!   and no engine type, the reference for the engine's overhead. It
//!   consumes the same random draws for the same customers and gives the
//!   identical result (asserted before timing). The ratio of the two
//!   throughputs is the cost of the engine over the hand-written loop.
//! * `mmc/hand-loop-seq` and `mmc/hand-loop-f64`: two more ways to write the
//!   loop, a heap of `(time, sequence, kind)` tuples (the reference before)
//!   and one of `(f64 time, kind)`, measured to show that `hand-loop` is the
//!   strongest of them. The first gives the identical result; the second
//!   does not round to ticks and agrees within the confidence interval.
//!
//! `cargo bench` builds with the `bench` profile of Cargo.toml (fat LTO, one
//! codegen unit), so the engine and the loops are optimised as a whole
//! program.
//! * `inventory/baogong`: 100 stores × 60 days with periodic review and one
//!   warehouse (examples/inventory.rs), seed 1.
//!
//! Throughput is in elements = handled events (2 × customers for M/M/c;
//! counted once before timing for the inventory), so criterion reports
//! events per second. Every iteration takes milliseconds, so sampling is
//! flat (the same number of iterations in every sample). The SimPy peers of both models are run by
//! `benches/peers/run`, not here. Sample sizes are short so that the file
//! runs in about a minute: `cargo bench --bench models`.

use std::hint::black_box;
use std::time::Duration;

use criterion::{Criterion, SamplingMode, Throughput, criterion_group, criterion_main};

#[allow(dead_code)]
#[path = "../examples/mmc.rs"]
mod mmc;

#[allow(dead_code)]
#[path = "../examples/inventory.rs"]
mod inventory;

/// Master seed of every benchmarked run.
const SEED: u64 = 1;
/// Customers of the M/M/c runs.
const CUSTOMERS: u64 = 100_000;
/// Stores and days of the inventory run.
const STORES: u32 = 100;
const DAYS: u64 = 60;

fn mmc_group(c: &mut Criterion) {
    let engine = mmc::simulate_engine(CUSTOMERS, SEED);
    assert_eq!(
        engine,
        mmc::simulate_hand_loop(CUSTOMERS, SEED),
        "the engine and the hand-written loop must agree before they are compared"
    );
    assert_eq!(engine, mmc::simulate_hand_loop_seq(CUSTOMERS, SEED));
    let float = mmc::simulate_hand_loop_f64(CUSTOMERS, SEED);
    assert_eq!(float.events, engine.events);
    assert!((float.wq - engine.wq).abs() < 1e-3 * engine.wq);
    let mut g = c.benchmark_group("mmc");
    g.sampling_mode(SamplingMode::Flat)
        .sample_size(30)
        .warm_up_time(Duration::from_secs(2))
        .measurement_time(Duration::from_secs(5))
        .throughput(Throughput::Elements(2 * CUSTOMERS));
    g.bench_function("baogong", |b| {
        b.iter(|| mmc::simulate_engine(black_box(CUSTOMERS), black_box(SEED)))
    });
    g.bench_function("hand-loop", |b| {
        b.iter(|| mmc::simulate_hand_loop(black_box(CUSTOMERS), black_box(SEED)))
    });
    g.bench_function("hand-loop-seq", |b| {
        b.iter(|| mmc::simulate_hand_loop_seq(black_box(CUSTOMERS), black_box(SEED)))
    });
    g.bench_function("hand-loop-f64", |b| {
        b.iter(|| mmc::simulate_hand_loop_f64(black_box(CUSTOMERS), black_box(SEED)))
    });
    g.finish();
}

fn inventory_group(c: &mut Criterion) {
    let p = inventory::Params::new(STORES, DAYS, SEED);
    let events = inventory::simulate(&p).events;
    let mut g = c.benchmark_group("inventory");
    g.sampling_mode(SamplingMode::Flat)
        .sample_size(20)
        .warm_up_time(Duration::from_secs(2))
        .measurement_time(Duration::from_secs(5))
        .throughput(Throughput::Elements(events));
    g.bench_function("baogong", |b| b.iter(|| inventory::simulate(black_box(&p))));
    g.finish();
}

criterion_group!(benches, mmc_group, inventory_group);
criterion_main!(benches);
