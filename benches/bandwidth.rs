//! One core's streaming memory bandwidth, the denominator of a
//! replication's floor (bytes it must touch over bytes per second; see
//! results/BENCHMARKS.md, "Memory bandwidth of one core").
//!
//! The arrays hold 6,250,000 `i64` each, 50 MB, far more than the caches,
//! and are filled with non-zero values before timing so that every page is
//! really mapped. One thread, plain loops that the compiler vectorises:
//!
//! * `bandwidth/sum`: read only, the sum of one array; 50 MB a pass.
//! * `bandwidth/add`: read-modify-write, `a[i] += b[i]`; 150 MB a pass (`a`
//!   read, `b` read, `a` written).
//!
//! Throughput is in bytes, so criterion prints GB/s (10^9 bytes per
//! second). `cargo bench --bench bandwidth`, about 20 s.

use std::hint::black_box;
use std::time::Duration;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};

/// Elements of each array.
const LEN: usize = 6_250_000;
/// Bytes of each array.
const BYTES: u64 = (LEN * size_of::<i64>()) as u64;

/// An array of `LEN` distinct non-zero values.
fn array(first: i64) -> Vec<i64> {
    (0..LEN as i64).map(|i| first + i).collect()
}

fn bandwidth(c: &mut Criterion) {
    let mut g = c.benchmark_group("bandwidth");
    g.sample_size(20)
        .warm_up_time(Duration::from_secs(1))
        .measurement_time(Duration::from_secs(4));

    let a = array(1);
    g.throughput(Throughput::BytesDecimal(BYTES));
    g.bench_function("sum", |b| b.iter(|| black_box(&a).iter().sum::<i64>()));

    let mut a = array(1);
    let b = vec![1i64; LEN];
    g.throughput(Throughput::BytesDecimal(3 * BYTES));
    g.bench_function("add", |bench| {
        bench.iter(|| {
            for (x, y) in black_box(&mut a).iter_mut().zip(black_box(&b)) {
                *x += *y;
            }
        })
    });
    black_box(&a);
    g.finish();
}

criterion_group!(benches, bandwidth);
criterion_main!(benches);
