//! Benchmarks of whole replications (the event queue has its own, in
//! `benches/queue.rs`).
//!
//! * `replication/default`: one replication of the built-in default scenario
//!   (about one million residents, 60 days), seed 1, replication 0. The
//!   scenario is loaded once, outside the timed loop.
//! * `replication/tiny`: one replication of `scenarios/tiny.toml`.
//!
//! Sample sizes and times are kept short so that the whole file runs in
//! about a minute: `cargo bench --bench replication`.

use std::hint::black_box;
use std::time::Duration;

use criterion::{Criterion, criterion_group, criterion_main};

use baogong::experiment::{RunOptions, run_replication};
use baogong::scenario;

/// Master seed of the benchmarked replications.
const SEED: u64 = 1;

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

criterion_group!(benches, replications);
criterion_main!(benches);
