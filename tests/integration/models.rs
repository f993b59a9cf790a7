//! The reference models of `examples/` against theory, against each other and
//! against their own bookkeeping: M/M/c on the engine and on three
//! hand-written loops, and the inventory model's conservation of units.

#[allow(dead_code)]
#[path = "../../examples/mmc.rs"]
mod mmc;

#[allow(dead_code)]
#[path = "../../examples/inventory.rs"]
mod inventory;

// ---------------------------------------------------------------- M/M/c

#[test]
fn mmc_erlang_c_is_the_published_value() {
    let w = mmc::erlang_c();
    assert!((w - 0.745_541).abs() < 5e-7, "{w}");
}

#[test]
fn mmc_engine_wait_matches_erlang_c() {
    // Seed 3 is fixed, so this is deterministic; the tolerance is an honest
    // 3 half-widths of the 95% interval (about 99.9% coverage once the
    // interval's own noise is allowed for), not tuned to the seed.
    let n = 200_000;
    let r = mmc::simulate_engine(n, 3);
    assert_eq!(r.customers, n);
    assert_eq!(r.events, 2 * n);
    assert!(r.wq_ci95 > 0.0 && r.wq_ci95 < 0.1, "ci ±{}", r.wq_ci95);
    let theory = mmc::erlang_c();
    assert!(
        (r.wq - theory).abs() < 3.0 * r.wq_ci95,
        "Wq {:.4} ± {:.4}, Erlang C {theory:.6}",
        r.wq,
        r.wq_ci95
    );
    // 200,000 customers at λ = 3.2 take about 62,500 time units.
    let end = r.end_ticks as f64 / mmc::TICKS_PER_UNIT;
    assert!((end - n as f64 / mmc::LAMBDA).abs() < 1_000.0, "end {end}");
}

#[test]
fn mmc_engine_and_hand_loop_agree_exactly() {
    for (n, seed) in [(100, 1), (5_000, 2), (50_000, 9)] {
        let e = mmc::simulate_engine(n, seed);
        let h = mmc::simulate_hand_loop(n, seed);
        assert_eq!(e, h, "n {n}, seed {seed}");
        assert_eq!(
            e,
            mmc::simulate_hand_loop_seq(n, seed),
            "n {n}, seed {seed}"
        );
        assert_eq!(e.events, 2 * n);
        // Float time does not round the draws to ticks: the same customers
        // wait the same to within rounding.
        let f = mmc::simulate_hand_loop_f64(n, seed);
        assert_eq!(f.events, e.events);
        assert!(
            (f.wq - e.wq).abs() < 1e-4 * e.wq.max(1e-3),
            "n {n}, seed {seed}"
        );
    }
    // And the result does depend on the seed.
    assert_ne!(
        mmc::simulate_engine(5_000, 1).wq,
        mmc::simulate_engine(5_000, 2).wq
    );
}

// ------------------------------------------------------------ inventory

fn assert_conserved(r: &inventory::InventoryResult, what: &str) {
    assert_eq!(
        r.warehouse_initial + r.warehouse_receipts,
        r.units_shipped + r.warehouse_end,
        "{what}: warehouse"
    );
    assert_eq!(
        r.units_shipped,
        r.units_received + r.in_transit_end,
        "{what}: shipments"
    );
    assert_eq!(
        r.stores_initial + r.units_received,
        r.units_sold + r.on_hand_end,
        "{what}: stores"
    );
    assert_eq!(
        r.events,
        r.by_kind.customer + r.by_kind.review + r.by_kind.delivery + r.by_kind.receipt,
        "{what}: events"
    );
    assert!(r.units_sold <= r.units_wanted, "{what}");
    assert!(r.units_shipped <= r.units_ordered, "{what}");
    assert!(r.shipments <= r.orders, "{what}");
    let f = r.fill_rate();
    assert!(f > 0.0 && f <= 1.0, "{what}: fill rate {f}");
}

#[test]
fn inventory_conserves_units_and_counts_events() {
    let (k, t) = (20, 60);
    let p = inventory::Params::new(k, t, 5);
    let r = inventory::simulate(&p);
    assert_conserved(&r, "reference");
    assert_eq!(r.stores_initial, 500 * u64::from(k));
    assert_eq!(r.warehouse_initial, 3 * u64::from(k) * 50 * 2);
    // Reviews at t = 1 .. T-1 for every store, receipts at t = 0.5 .. T-0.5.
    assert_eq!(r.by_kind.review, u64::from(k) * (t - 1));
    assert_eq!(r.by_kind.receipt, t);
    assert_eq!(r.warehouse_receipts, t * u64::from(k) * 100);
    // Poisson arrivals: 50 a day a store, within 5 standard deviations.
    let mean = 50.0 * f64::from(k) * t as f64;
    let c = r.by_kind.customer as f64;
    assert!((c - mean).abs() < 5.0 * mean.sqrt(), "{c} customers");
    // Uniform 1..=3 units: mean 2 (sd 0.816 per customer).
    let per = r.units_wanted as f64 / c;
    assert!(
        (per - 2.0).abs() < 5.0 * 0.8165 / c.sqrt(),
        "{per} units each"
    );
    assert!(r.orders > 0 && r.by_kind.delivery > 0);
    // Same seed, same result; another seed, another one.
    assert_eq!(r, inventory::simulate(&p));
    assert_ne!(r, inventory::simulate(&inventory::Params::new(k, t, 6)));
}

#[test]
fn inventory_fill_rate_rises_with_a_huge_warehouse() {
    // A scarce warehouse: no initial stock, receipts of half the mean demand.
    let mut scarce = inventory::Params::new(20, 60, 7);
    scarce.warehouse_initial = 0;
    scarce.daily_receipt /= 2;
    let mut huge = scarce.clone();
    huge.warehouse_initial = 1_000_000_000;
    let (rs, rh) = (inventory::simulate(&scarce), inventory::simulate(&huge));
    assert_conserved(&rs, "scarce");
    assert_conserved(&rh, "huge");
    assert!(
        rs.units_shipped < rs.units_ordered,
        "the scarce warehouse must run short"
    );
    assert_eq!(
        rh.units_shipped, rh.units_ordered,
        "the huge one never does"
    );
    assert!(
        rh.fill_rate() > rs.fill_rate() + 0.1,
        "huge {} vs scarce {}",
        rh.fill_rate(),
        rs.fill_rate()
    );
    // At the reference parameters the warehouse keeps up, and the fill rate
    // is set by the stores' policy alone: a huge warehouse changes nothing.
    let base = inventory::Params::new(20, 60, 7);
    let mut base_huge = base.clone();
    base_huge.warehouse_initial = 1_000_000_000;
    let (rb, rbh) = (inventory::simulate(&base), inventory::simulate(&base_huge));
    assert_conserved(&rb, "base");
    assert!(
        rb.fill_rate() > 0.9 && rb.fill_rate() < 1.0,
        "{}",
        rb.fill_rate()
    );
    assert!(rbh.fill_rate() >= rb.fill_rate());
}
