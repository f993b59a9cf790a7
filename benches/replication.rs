//! Benchmarks of whole replications and of the engine's event queue.
//!
//! * `replication/default`: one replication of the built-in default scenario
//!   (about one million residents, 60 days), seed 1, replication 0. The
//!   scenario is loaded once, outside the timed loop.
//! * `replication/tiny`: one replication of `scenarios/tiny.toml`.
//! * `queue/hold`: the classic hold model (pop the earliest event, push one
//!   at its time plus a random increment of 1..1000 s) with 1,000 and
//!   100,000 pending events, on the engine's [`EventQueue`] and, as the
//!   reference measured in the same run, on a plain
//!   `BinaryHeap<Reverse<(time, sequence)>>`. One iteration is one hold
//!   operation (a pop and a push); the ratio of the two means is the cost
//!   of the engine's queue over the plain heap.
//!
//! Sample sizes and times are kept short so that the whole file runs in
//! about a minute: `cargo bench --bench replication`.

use std::cmp::Reverse;
use std::collections::BinaryHeap;
use std::hint::black_box;
use std::time::Duration;

use criterion::{BenchmarkId, Criterion, criterion_group, criterion_main};
use rand::rngs::Xoshiro256PlusPlus;
use rand::{RngExt, SeedableRng};

use baogong::engine::{EventQueue, SimTime};
use baogong::experiment::{RunOptions, run_replication};
use baogong::scenario;

/// Master seed of the benchmarked replications.
const SEED: u64 = 1;

/// Pending-event counts of the hold model.
const SIZES: [usize; 2] = [1_000, 100_000];

/// Largest time increment of the hold model, exclusive [s].
const MAX_INCREMENT: u64 = 1_000;

fn replications(c: &mut Criterion) {
    let default = scenario::load_default().expect("the built-in default scenario is valid");
    let tiny = scenario::load_str(include_str!("../scenarios/tiny.toml"), "tiny.toml")
        .expect("scenarios/tiny.toml is valid");

    let mut g = c.benchmark_group("replication");
    g.sample_size(10)
        .warm_up_time(Duration::from_secs(2))
        .measurement_time(Duration::from_secs(8));
    g.bench_function("default", |b| {
        b.iter(|| {
            run_replication(
                black_box(&default),
                black_box(SEED),
                0,
                RunOptions::default(),
            )
        })
    });
    g.sample_size(50)
        .warm_up_time(Duration::from_secs(1))
        .measurement_time(Duration::from_secs(3));
    g.bench_function("tiny", |b| {
        b.iter(|| run_replication(black_box(&tiny), black_box(SEED), 0, RunOptions::default()))
    });
    g.finish();
}

fn hold(c: &mut Criterion) {
    let mut g = c.benchmark_group("queue/hold");
    g.sample_size(50)
        .warm_up_time(Duration::from_secs(1))
        .measurement_time(Duration::from_secs(3));
    for &n in &SIZES {
        g.bench_with_input(BenchmarkId::new("EventQueue", n), &n, |b, &n| {
            let mut rng = Xoshiro256PlusPlus::seed_from_u64(1);
            let mut q: EventQueue<()> = EventQueue::new();
            for _ in 0..n {
                let _ = q.push(SimTime(rng.random_range(1..MAX_INCREMENT)), ());
            }
            b.iter(|| {
                let (now, ()) = q.pop().expect("the hold model keeps n events pending");
                let inc = rng.random_range(1..MAX_INCREMENT);
                black_box(q.push(SimTime(now.0 + inc), ()))
            });
            assert_eq!(q.len(), n);
        });
        g.bench_with_input(BenchmarkId::new("BinaryHeap", n), &n, |b, &n| {
            let mut rng = Xoshiro256PlusPlus::seed_from_u64(1);
            let mut heap: BinaryHeap<Reverse<(u64, u64)>> = BinaryHeap::new();
            let mut seq = 0u64;
            for _ in 0..n {
                heap.push(Reverse((rng.random_range(1..MAX_INCREMENT), seq)));
                seq += 1;
            }
            b.iter(|| {
                let Reverse((now, _)) = heap.pop().expect("the hold model keeps n events pending");
                let inc = rng.random_range(1..MAX_INCREMENT);
                heap.push(Reverse((now + inc, seq)));
                seq += 1;
                black_box(seq)
            });
            assert_eq!(heap.len(), n);
        });
    }
    g.finish();
}

criterion_group!(benches, replications, hold);
criterion_main!(benches);
