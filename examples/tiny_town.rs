//! The smallest end-to-end use of the library: load a scenario, run a few
//! seeded replications, read their outcomes.
//!
//! `cargo run --release --example tiny_town`

use baogong::experiment::{RunOptions, run_replication};

fn main() {
    let sc = baogong::scenario::load_str(include_str!("../scenarios/tiny.toml"), "tiny.toml")
        .unwrap_or_else(|e| {
            eprintln!("error: {e}");
            std::process::exit(2);
        });
    println!("replication  score  shortage p-d  hours to first goods");
    for rep in 0..5 {
        let r = run_replication(&sc, sc.seed, rep, RunOptions::default());
        let o = &r.outcomes;
        println!(
            "{rep:>11} {:>6.1} {:>13.1} {:>21.1}",
            o.score, o.shortage_person_days, o.mean_hours_to_first_goods
        );
    }
}
