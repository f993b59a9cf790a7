//! How the cost of one replication grows with the size of the city.
//!
//! The built-in default scenario (60 days, one building sealed on day 3,
//! which may escalate) with its structure per district unchanged and the
//! number of districts scaled: 1, 3 (the default, one million residents),
//! 12, 48 and 75 districts of about 333,000 residents, that is 0.33 to 25
//! million residents. The production bases scale with the city (2 per 3
//! districts, as in the default): a fixed two bases' trucks cannot carry
//! the need of a bigger city, which then runs short with no event at all
//! and measures a starving city, not a bigger one. Criterion reports buildings per second
//! (`Throughput::Elements`): if the cost grows linearly in the number of
//! buildings, that rate stays flat. `cargo bench --bench city`.
//!
//! The Shanghai-shaped scenario (`scenarios/shanghai.toml`: 16 districts of
//! 15 streets, 10 buildings sealed a day) is timed from the command line;
//! see results/BENCHMARKS.md.

use std::hint::black_box;
use std::time::Duration;

use criterion::{BenchmarkId, Criterion, Throughput, criterion_group, criterion_main};

use baogong::experiment::{RunOptions, run_replication};
use baogong::scenario::{self, DEFAULT_SCENARIO};
use baogong::sweep::overrides::{Origin, Override, apply};

/// Districts of the scaled cities.
const DISTRICTS: [u64; 5] = [1, 3, 12, 48, 75];

/// Residents per district, as in the default (1,000,000 / 3).
const PER_DISTRICT: u64 = 333_333;

/// Production bases for `d` districts: 2 per 3, as in the default, at
/// least one.
fn bases(d: u64) -> u64 {
    (2 * d).div_ceil(3)
}

fn city(c: &mut Criterion) {
    let mut g = c.benchmark_group("city");
    g.sample_size(10)
        .warm_up_time(Duration::from_secs(1))
        .measurement_time(Duration::from_secs(10));
    for d in DISTRICTS {
        let set = |key: &str, value: u64| Override {
            key: key.into(),
            value: value.to_string(),
            origin: Origin::Set,
        };
        let text = apply(
            DEFAULT_SCENARIO,
            &[
                set("city.districts", d),
                set("city.population", d * PER_DISTRICT),
                set("city.production_bases", bases(d)),
            ],
        )
        .expect("the default scenario takes overrides");
        let sc = scenario::load_str(&text, "scaled default").expect("a valid scaled city");
        g.throughput(Throughput::Elements(sc.city.buildings.len() as u64));
        g.bench_with_input(
            BenchmarkId::new("residents", d * PER_DISTRICT),
            &sc,
            |b, sc| b.iter(|| run_replication(black_box(sc), 1, 0, RunOptions::default())),
        );
    }
    g.finish();
}

criterion_group!(benches, city);
criterion_main!(benches);
