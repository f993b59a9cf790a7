//! Benchmark of a sweep: replications of the built-in default scenario
//! (about one million residents, 60 days) on 1 and 2 threads, two ways:
//!
//! * `sweep/in-memory`: [`baogong::sweep::Sweep::run`] (rayon, every row
//!   held in memory) and the files rendered from the rows, as sweeps ran
//!   before they streamed to disk;
//! * `sweep/journaled`: [`baogong::sweep::Sweep::run_journaled`] (every
//!   row written to the journal as it finishes, a bounded reorder window)
//!   and the files written from the journal by [`baogong::report::sweep_files::finish`],
//!   as `baogong sweep --out` runs now.
//!
//! One iteration is one sweep of `REPLICATIONS` replications of one
//! setting; criterion reports it as replications per second
//! (`Throughput::Elements`). The ratios are those of the means, measured in
//! the same run: `cargo bench --bench sweep`.

use std::hint::black_box;
use std::sync::atomic::AtomicBool;
use std::time::Duration;

use criterion::{BenchmarkId, Criterion, Throughput, criterion_group, criterion_main};

use baogong::i18n::Lang;
use baogong::report::sweep_files;
use baogong::scenario::{DEFAULT_SCENARIO, DEFAULT_SOURCE};
use baogong::sweep::files::{self, Manifest};
use baogong::sweep::journal::{self, Journal};
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
    let share = plan.share(None);
    let manifest = Manifest::of(&plan, None);
    let scratch = std::env::temp_dir().join(format!("baogong-bench-sweep-{}", std::process::id()));
    let stop = AtomicBool::new(false);
    let mut g = c.benchmark_group("sweep");
    g.sample_size(10)
        .warm_up_time(Duration::from_secs(3))
        .measurement_time(Duration::from_secs(20))
        .throughput(Throughput::Elements(REPLICATIONS));
    for threads in [1usize, 2] {
        let pool = rayon::ThreadPoolBuilder::new()
            .num_threads(threads)
            .build()
            .expect("a thread pool");
        g.bench_with_input(BenchmarkId::new("in-memory", threads), &threads, |b, _| {
            b.iter(|| {
                let rows = pool.install(|| plan.run(black_box(&pairs), &|| ()));
                let s = files::summarize(&manifest, &rows);
                black_box(sweep_files::render(&manifest, &rows, Some(&s), Lang::En).expect("files"))
            })
        });
        g.bench_with_input(BenchmarkId::new("journaled", threads), &threads, |b, &t| {
            b.iter(|| {
                let _ = std::fs::remove_dir_all(&scratch);
                let out = scratch.join("out");
                std::fs::create_dir_all(&out).expect("a scratch folder");
                let mut j = Journal::create(&scratch, &manifest).expect("a journal");
                let p = plan
                    .run_journaled(share, &mut j, Default::default(), t, &stop, &|| ())
                    .expect("journaled");
                assert!(p.complete());
                drop(j);
                let rows = journal::ordered(&scratch, share, manifest.columns.len()).expect("rows");
                black_box(
                    sweep_files::finish(
                        &out,
                        &scratch.join("columns"),
                        &manifest,
                        rows,
                        share.len(),
                        true,
                        Lang::En,
                        &stop,
                    )
                    .expect("files"),
                )
            })
        });
    }
    g.finish();
    let _ = std::fs::remove_dir_all(&scratch);
}

criterion_group!(benches, sweeps);
criterion_main!(benches);
