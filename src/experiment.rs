//! Replications: one scenario, one seed, one replication index → one
//! [`RunResult`]. Pure and single-threaded; parallel sweeps build on it.

use std::ops::ControlFlow;

use crate::engine::{DAY, SimTime, Simulation};
use crate::model::metrics::TraceSink;
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
    let world = World::new(sc, seed, replication, opts.trace);
    let Some(r) = run_world(sc, world, &mut |t| {
        at_midnight(t);
        ControlFlow::Continue(())
    }) else {
        unreachable!("an observer that never breaks runs to the horizon")
    };
    r
}

/// As [`run_replication_observed`], sending every event to `sink` as it
/// is simulated (`events.csv` written as the run goes, never held in
/// memory), and stopping when `at_midnight` breaks: then `None`.
pub fn run_replication_into(
    sc: &Scenario,
    seed: u64,
    replication: u64,
    sink: Option<&mut dyn TraceSink>,
    at_midnight: &mut dyn FnMut(SimTime) -> ControlFlow<()>,
) -> Option<RunResult> {
    let world = match sink {
        Some(sink) => World::with_sink(sc, seed, replication, sink),
        None => World::new(sc, seed, replication, false),
    };
    run_world(sc, world, at_midnight)
}

/// Why a bounded replication stopped before the horizon.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Stopped {
    /// The observer asked (a signal, say).
    Asked,
    /// The event budget ran out: the events simulated and the clock then.
    Budget {
        /// Events simulated.
        events: u64,
        /// The time of the last one.
        at: SimTime,
    },
}

/// As [`run_replication_into`], simulating at most `max_events` events:
/// a runaway scenario stops with [`Stopped::Budget`] instead of running
/// on. Within the budget, the result is the same as without it.
pub fn run_replication_bounded(
    sc: &Scenario,
    seed: u64,
    replication: u64,
    sink: Option<&mut dyn TraceSink>,
    at_midnight: &mut dyn FnMut(SimTime) -> ControlFlow<()>,
    max_events: u64,
) -> Result<RunResult, Stopped> {
    let world = match sink {
        Some(sink) => World::with_sink(sc, seed, replication, sink),
        None => World::new(sc, seed, replication, false),
    };
    run_world_bounded(sc, world, at_midnight, max_events)
}

fn run_world(
    sc: &Scenario,
    world: World<'_>,
    at_midnight: &mut dyn FnMut(SimTime) -> ControlFlow<()>,
) -> Option<RunResult> {
    run_world_bounded(sc, world, at_midnight, u64::MAX).ok()
}

fn run_world_bounded(
    sc: &Scenario,
    world: World<'_>,
    at_midnight: &mut dyn FnMut(SimTime) -> ControlFlow<()>,
    max_events: u64,
) -> Result<RunResult, Stopped> {
    let mut sim = Simulation::new(world);
    sim.with_parts(|w, s| w.schedule_initial(s));
    let horizon = sc.horizon();
    // Events of the city's queue; the points' orders and deliveries, done
    // on their own calendars, count too (`World::point_events`), so that a
    // day's catch-up can take a run past the budget before it stops.
    let mut events = 0;
    let mut t = SimTime(DAY.min(horizon.0));
    loop {
        let left = max_events.saturating_sub(events + sim.model().point_events());
        let done = sim.run_until_limited(t, left);
        let points = sim.model().point_events();
        match done {
            Ok(n) if events + n + points <= max_events => events += n,
            Ok(n) | Err(n) => {
                return Err(Stopped::Budget {
                    events: events + n + points,
                    at: sim.now(),
                });
            }
        }
        if at_midnight(t).is_break() {
            return Err(Stopped::Asked);
        }
        if t >= horizon {
            break;
        }
        t = SimTime((t.0 + DAY).min(horizon.0));
    }
    Ok(sim.into_model().finish(horizon, events))
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
        // Events sent to a sink are the trace, in order.
        let mut sink: Vec<crate::model::metrics::TraceRow> = Vec::new();
        let streamed = run_replication_into(&sc, 7, 0, Some(&mut sink), &mut |_| {
            ControlFlow::Continue(())
        })
        .expect("runs to the horizon");
        assert!(streamed.trace.is_empty());
        assert_eq!(sink, plain.trace);
        assert_eq!(streamed.outcomes, plain.outcomes);
        // Stopped at the first midnight: no result.
        assert!(run_replication_into(&sc, 7, 0, None, &mut |_| ControlFlow::Break(())).is_none());
    }
}
