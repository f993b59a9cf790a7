//! Replications: one scenario, one seed, one replication index → one
//! [`RunResult`]. Pure and single-threaded; parallel sweeps build on it.

use crate::engine::Simulation;
use crate::model::{RunResult, Scenario, World};

/// Options of one replication.
#[derive(Debug, Clone, Copy, Default)]
pub struct RunOptions {
    /// Record every event for `events.csv`. By default, off.
    pub trace: bool,
}

/// Runs replication `replication` of `sc` under master `seed` to the horizon.
pub fn run_replication(sc: &Scenario, seed: u64, replication: u64, opts: RunOptions) -> RunResult {
    let mut sim = Simulation::new(World::new(sc, seed, replication, opts.trace));
    sim.with_parts(|w, s| w.schedule_initial(s));
    let horizon = sc.horizon();
    let events = sim.run_until(horizon);
    sim.into_model().finish(horizon, events)
}
