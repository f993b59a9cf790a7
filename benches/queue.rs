//! Benchmarks of the engine's event queue in the classic hold model.
//!
//! One iteration is one hold operation: pop the earliest event, then push
//! one at the popped time plus a random integer increment, so the number of
//! pending events stays constant. Each benchmark runs on the engine's
//! [`EventQueue`] (`EventQueue/<n>`) and, as the reference measured in the
//! same run, on a plain hand-written `BinaryHeap<Reverse<(time, sequence)>>`
//! (`BinaryHeap/<n>`), with the same seeded generator and so the same
//! increments; the ratio of the two means is the speed-up of the engine's
//! queue over the plain heap. The queue is filled once per size, outside the
//! timed loop, and keeps running across samples, so it is measured in its
//! steady state. Sizes: 10, 1,000, 100,000 and 1,000,000 pending events.
//!
//! * `queue/hold`: increments uniform on 1..1000 s (integers, 1 to 999), the
//!   initial events uniform on the same range. With n pending, about n/1000
//!   events share each second.
//! * `queue/hold-ties`: increments uniform on 0..10 s (0 to 9), so one event
//!   in ten runs at the same second as the one just popped and almost every
//!   pop is a tie, which exercises the first-in first-out order.
//!
//! Sample sizes and times are kept short so that the whole file runs in
//! about a minute and a half: `cargo bench --bench queue`.

use std::cmp::Reverse;
use std::collections::BinaryHeap;
use std::hint::black_box;
use std::ops::Range;
use std::time::Duration;

use criterion::{BenchmarkId, Criterion, criterion_group, criterion_main};
use rand::rngs::Xoshiro256PlusPlus;
use rand::{RngExt, SeedableRng};

use baogong::engine::{EventQueue, SimTime};

/// Pending-event counts of the hold model.
const SIZES: [usize; 4] = [10, 1_000, 100_000, 1_000_000];

/// Seed of the increments, the same for both queues.
const SEED: u64 = 1;

/// Times both queues under the hold model with increments drawn from `inc` [s].
fn hold(c: &mut Criterion, group: &str, inc: Range<u64>) {
    let mut g = c.benchmark_group(group);
    g.sample_size(20)
        .warm_up_time(Duration::from_millis(500))
        .measurement_time(Duration::from_secs(2));
    for &n in &SIZES {
        let mut rng = Xoshiro256PlusPlus::seed_from_u64(SEED);
        let mut q: EventQueue<()> = EventQueue::new();
        for _ in 0..n {
            let _ = q.push(SimTime(rng.random_range(inc.clone())), ());
        }
        g.bench_with_input(BenchmarkId::new("EventQueue", n), &n, |b, _| {
            b.iter(|| {
                let (now, ()) = q.pop().expect("the hold model keeps n events pending");
                let inc = rng.random_range(inc.clone());
                black_box(q.push(SimTime(now.0 + inc), ()))
            });
        });
        assert_eq!(q.len(), n);
        drop(q);

        let mut rng = Xoshiro256PlusPlus::seed_from_u64(SEED);
        let mut heap: BinaryHeap<Reverse<(u64, u64)>> = BinaryHeap::new();
        let mut seq = 0u64;
        for _ in 0..n {
            heap.push(Reverse((rng.random_range(inc.clone()), seq)));
            seq += 1;
        }
        g.bench_with_input(BenchmarkId::new("BinaryHeap", n), &n, |b, _| {
            b.iter(|| {
                let Reverse((now, _)) = heap.pop().expect("the hold model keeps n events pending");
                let inc = rng.random_range(inc.clone());
                heap.push(Reverse((now + inc, seq)));
                seq += 1;
                black_box(seq)
            });
        });
        assert_eq!(heap.len(), n);
    }
    g.finish();
}

fn hold_spread(c: &mut Criterion) {
    hold(c, "queue/hold", 1..1_000);
}

fn hold_ties(c: &mut Criterion) {
    hold(c, "queue/hold-ties", 0..10);
}

criterion_group!(benches, hold_spread, hold_ties);
criterion_main!(benches);
