//! Benchmark of a sweep: replications of the built-in default scenario
//! (about one million residents, 60 days) run through
//! [`baogong::sweep::Sweep::run`] on a rayon pool of 1 and of 2 threads.
//!
//! One iteration is one sweep of `REPLICATIONS` replications of one
//! setting; criterion reports it as replications per second
//! (`Throughput::Elements`). The speed-up is the ratio of the two means,
//! measured in the same run: `cargo bench --bench sweep`.

use std::hint::black_box;
use std::time::Duration;

use criterion::{BenchmarkId, Criterion, Throughput, criterion_group, criterion_main};

use baogong::scenario::{DEFAULT_SCENARIO, DEFAULT_SOURCE};
use baogong::sweep::{self, Request};

/// Replications per sweep: a multiple of both thread counts, so that the
/// last replications do not leave a thread idle.
const REPLICATIONS: u64 = 8;

fn sweeps(c: &mut Criterion) {
    let req = Request {
        replications: Some(REPLICATIONS),
        ..Request::default()
    };
    let plan = sweep::plan(DEFAULT_SCENARIO, DEFAULT_SOURCE, &req).expect("the default sweeps");
    let pairs = plan.pairs(None);
    let mut g = c.benchmark_group("sweep/default");
    g.sample_size(10)
        .warm_up_time(Duration::from_secs(3))
        .measurement_time(Duration::from_secs(20))
        .throughput(Throughput::Elements(REPLICATIONS));
    for threads in [1usize, 2] {
        let pool = rayon::ThreadPoolBuilder::new()
            .num_threads(threads)
            .build()
            .expect("a thread pool");
        g.bench_with_input(BenchmarkId::new("threads", threads), &threads, |b, _| {
            b.iter(|| pool.install(|| black_box(plan.run(black_box(&pairs), &|| ()))))
        });
    }
    g.finish();
}

criterion_group!(benches, sweeps);
criterion_main!(benches);
