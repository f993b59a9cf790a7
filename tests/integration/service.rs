//! The points' orders and deliveries run on calendars of their own, each
//! point brought up to date only before an event that reads or changes
//! what they touch. A traced run brings every point up to date before
//! every event instead, interleaving all events in time order: the two
//! must give the same outcomes, or some event reads a point's state
//! without bringing it up to date first.

use baogong::experiment::{RunOptions, run_replication};
use baogong::model::{RunResult, Scenario};

fn load(name: &str) -> Scenario {
    let path = format!("{}/scenarios/{name}", env!("CARGO_MANIFEST_DIR"));
    baogong::scenario::load_file(std::path::Path::new(&path)).unwrap_or_else(|e| panic!("{e}"))
}

/// `r` without its trace.
fn untraced(mut r: RunResult) -> RunResult {
    r.trace.clear();
    r
}

#[test]
fn points_brought_up_to_date_lazily_give_the_outcomes_of_a_run_in_time_order() {
    for name in [
        "tiny.toml",
        "tiny_quiet.toml",
        "default.toml",
        "building_to_street.toml",
        "site_closure.toml",
        "panic_buying.toml",
        "supplier_rules.toml",
    ] {
        let sc = load(name);
        for rep in 0..2 {
            let lazy = run_replication(&sc, 11, rep, RunOptions { trace: false });
            let traced = run_replication(&sc, 11, rep, RunOptions { trace: true });
            // The trace lists every event, the points' too, in time order.
            assert!(
                traced.trace.windows(2).all(|w| w[0].time_s <= w[1].time_s),
                "{name}: trace out of order"
            );
            let points = traced
                .trace
                .iter()
                .filter(|t| t.event.starts_with("order "))
                .count();
            assert_eq!(traced.trace.len() as u64, traced.events, "{name}");
            if lazy.outcomes.orders_placed > 0 {
                assert!(points > 0, "{name}: no point event traced");
            }
            assert_eq!(lazy, untraced(traced), "{name}, replication {rep}");
        }
    }
}
