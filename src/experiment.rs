//! Replications: one scenario, one seed, one replication index → one
//! [`RunResult`]. Pure and single-threaded; parallel sweeps build on it.

use crate::engine::{DAY, SimTime, Simulation};
use crate::model::{RunResult, Scenario, World};

/// Options of one replication.
#[derive(Debug, Clone, Copy, Default)]
pub struct RunOptions {
    /// Record every event for `events.csv`. By default, off.
    pub trace: bool,
}

/// Runs replication `replication` of `sc` under master `seed` to the horizon.
pub fn run_replication(sc: &Scenario, seed: u64, replication: u64, opts: RunOptions) -> RunResult {
    run_replication_observed(sc, seed, replication, opts, &|_| {})
}

/// As [`run_replication`], calling `at_midnight` with the time at the end
/// of each simulated day (a progress bar, say). The result is the same:
/// running to each midnight in turn processes the same events in the same
/// order as running to the horizon at once.
pub fn run_replication_observed(
    sc: &Scenario,
    seed: u64,
    replication: u64,
    opts: RunOptions,
    at_midnight: &dyn Fn(SimTime),
) -> RunResult {
    let mut sim = Simulation::new(World::new(sc, seed, replication, opts.trace));
    sim.with_parts(|w, s| w.schedule_initial(s));
    let horizon = sc.horizon();
    let mut events = 0;
    let mut t = SimTime(DAY.min(horizon.0));
    loop {
        events += sim.run_until(t);
        at_midnight(t);
        if t >= horizon {
            break;
        }
        t = SimTime((t.0 + DAY).min(horizon.0));
    }
    sim.into_model().finish(horizon, events)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn observing_midnights_changes_nothing() {
        let sc = crate::scenario::load_str(include_str!("../scenarios/tiny.toml"), "tiny.toml")
            .expect("tiny.toml is valid");
        let plain = run_replication(&sc, 7, 0, RunOptions { trace: true });
        let days = std::cell::Cell::new(0);
        let observed = run_replication_observed(&sc, 7, 0, RunOptions { trace: true }, &|t| {
            days.set(days.get() + 1);
            assert_eq!(t.0 % DAY, 0);
        });
        assert_eq!(days.get(), sc.days);
        assert_eq!(plain, observed);
        assert_eq!(plain.trace, observed.trace);
        assert_eq!(plain.daily, observed.daily);
    }
}
