//! The simulation loop: a [`Model`] handles events that a [`Scheduler`]
//! hands it in `(time, sequence)` order.

use thiserror::Error;

use super::queue::{EventKey, EventQueue};
use super::time::{SimDuration, SimTime};

/// A model driven by the engine.
pub trait Model {
    /// The events this model schedules and handles.
    type Event;

    /// Handles one event at time `now`; new events go through `sched`.
    fn handle(&mut self, now: SimTime, event: Self::Event, sched: &mut Scheduler<Self::Event>);

    /// Whether [`Model::prefetch`] does anything: when not (the default),
    /// the loop does not even look at the next events.
    const PREFETCHES: bool = false;

    /// A hint of the events to come (unless the event being handled now
    /// schedules earlier ones): `next` is handled after the current event
    /// and `then` after `next`. The model may name the memory they will
    /// read with [`prefetch`](super::prefetch), so that it arrives while
    /// the current event is handled: for `then`, rows it can find without
    /// reading memory that may be far; for `next`, also what those rows
    /// point to (asked for one event earlier, they are near by now). It
    /// must change nothing; the default does nothing.
    #[inline]
    fn prefetch(&self, next: &Self::Event, then: Option<&Self::Event>) {
        let _ = (next, then);
    }
}

/// Why an event could not be scheduled.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
#[non_exhaustive]
pub enum SchedulingError {
    /// The requested time is earlier than the current time. Fatal for the
    /// caller's intent: the event is not queued.
    #[error("cannot schedule an event at {at}, before the current time {now}")]
    InThePast {
        /// The requested time.
        at: SimTime,
        /// The current time.
        now: SimTime,
    },
}

/// The clock and the pending events, as a model sees them.
#[derive(Debug)]
pub struct Scheduler<E> {
    now: SimTime,
    queue: EventQueue<E>,
}

impl<E> Scheduler<E> {
    fn new() -> Self {
        Scheduler {
            now: SimTime::ZERO,
            queue: EventQueue::new(),
        }
    }

    /// The current simulated time.
    pub fn now(&self) -> SimTime {
        self.now
    }

    /// Schedules `event` at `at`, which must not be in the past.
    pub fn schedule_at(&mut self, at: SimTime, event: E) -> Result<EventKey, SchedulingError> {
        if at < self.now {
            return Err(SchedulingError::InThePast { at, now: self.now });
        }
        Ok(self.queue.push(at, event))
    }

    /// Schedules `event` after `delay` from now (a zero delay runs it after
    /// every event already queued for now).
    pub fn schedule_in(&mut self, delay: SimDuration, event: E) -> EventKey {
        self.queue.push(self.now + delay, event)
    }

    /// Number of pending events.
    pub fn pending(&self) -> usize {
        self.queue.len()
    }
}

/// A model together with its clock and event queue.
#[derive(Debug)]
pub struct Simulation<M: Model> {
    model: M,
    sched: Scheduler<M::Event>,
    processed: u64,
}

impl<M: Model> Simulation<M> {
    /// A simulation of `model` at time zero with no pending event.
    pub fn new(model: M) -> Self {
        Simulation {
            model,
            sched: Scheduler::new(),
            processed: 0,
        }
    }

    /// The scheduler, to queue the initial events.
    pub fn scheduler(&mut self) -> &mut Scheduler<M::Event> {
        &mut self.sched
    }

    /// Gives `f` the model and the scheduler together, to queue a model's
    /// initial events or to inject an event from outside (a drill order).
    pub fn with_parts<R>(&mut self, f: impl FnOnce(&mut M, &mut Scheduler<M::Event>) -> R) -> R {
        f(&mut self.model, &mut self.sched)
    }

    /// Processes the next event, if any; returns its time.
    #[inline]
    pub fn step(&mut self) -> Option<SimTime> {
        let (t, e) = self.sched.queue.pop()?;
        self.handle(t, e);
        Some(t)
    }

    /// Hands `event`, just popped at time `t`, to the model.
    #[inline]
    fn handle(&mut self, t: SimTime, event: M::Event) {
        if M::PREFETCHES
            && let (Some(next), then) = self.sched.queue.peek_near()
        {
            self.model.prefetch(next, then);
        }
        self.sched.now = t;
        self.processed += 1;
        self.model.handle(t, event, &mut self.sched);
    }

    /// Processes every event at or before `horizon`, then sets the clock to
    /// `horizon` (if it is later than the last event). Returns the number of
    /// events processed by this call.
    pub fn run_until(&mut self, horizon: SimTime) -> u64 {
        let before = self.processed;
        while let Some((t, e)) = self.sched.queue.pop_until(horizon) {
            self.handle(t, e);
        }
        if self.sched.now < horizon {
            self.sched.now = horizon;
        }
        self.processed - before
    }

    /// As [`run_until`](Self::run_until), but processes at most `budget`
    /// events; `Err` with the events processed by this call when the
    /// budget ran out before `horizon` (the clock is then at the last
    /// event processed).
    pub fn run_until_limited(&mut self, horizon: SimTime, budget: u64) -> Result<u64, u64> {
        let mut done = 0;
        // One test of the budget per event, and the horizon tested by the
        // pop itself rather than by a peek before it.
        while done < budget {
            let Some((t, e)) = self.sched.queue.pop_until(horizon) else {
                if self.sched.now < horizon {
                    self.sched.now = horizon;
                }
                return Ok(done);
            };
            self.handle(t, e);
            done += 1;
        }
        match self.sched.queue.peek_time() {
            Some(t) if t <= horizon => Err(done),
            _ => {
                if self.sched.now < horizon {
                    self.sched.now = horizon;
                }
                Ok(done)
            }
        }
    }

    /// The current simulated time.
    pub fn now(&self) -> SimTime {
        self.sched.now
    }

    /// Events processed so far.
    pub fn events_processed(&self) -> u64 {
        self.processed
    }

    /// The model.
    pub fn model(&self) -> &M {
        &self.model
    }

    /// The model, mutably (for injected changes between steps).
    pub fn model_mut(&mut self) -> &mut M {
        &mut self.model
    }

    /// Gives the model back, dropping the pending events.
    pub fn into_model(self) -> M {
        self.model
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    struct Echo(Vec<(u64, u32)>);
    impl Model for Echo {
        type Event = u32;
        fn handle(&mut self, now: SimTime, e: u32, s: &mut Scheduler<u32>) {
            self.0.push((now.0, e));
            if e < 3 {
                s.schedule_in(SimDuration(10), e + 1);
                s.schedule_in(SimDuration(0), e + 10);
            }
            if now.0 > 0 {
                assert!(s.schedule_at(SimTime(now.0 - 1), 99).is_err());
            }
        }
    }

    #[test]
    fn runs_in_time_then_fifo_order_and_stops_at_horizon() {
        let mut sim = Simulation::new(Echo(Vec::new()));
        sim.scheduler().schedule_at(SimTime(0), 1).unwrap();
        let n = sim.run_until(SimTime(15));
        assert_eq!(sim.model().0, vec![(0, 1), (0, 11), (10, 2), (10, 12)]);
        assert_eq!(n, 4);
        assert_eq!(sim.now(), SimTime(15));
        sim.run_until(SimTime(100));
        assert_eq!(sim.model().0.last(), Some(&(20, 3)));
    }

    #[test]
    fn the_budget_stops_only_before_an_event_due_by_the_horizon() {
        let start = || {
            let mut sim = Simulation::new(Echo(Vec::new()));
            sim.scheduler().schedule_at(SimTime(0), 1).unwrap();
            sim
        };
        // Four events by 15: a budget of 3 stops at the last one processed.
        let mut sim = start();
        assert_eq!(sim.run_until_limited(SimTime(15), 3), Err(3));
        assert_eq!(sim.now(), SimTime(10));
        assert_eq!(sim.run_until_limited(SimTime(15), 3), Ok(1));
        assert_eq!(sim.now(), SimTime(15));
        // A budget of exactly the events due is enough, and so is none at
        // all when nothing is due.
        let mut sim = start();
        assert_eq!(sim.run_until_limited(SimTime(15), 4), Ok(4));
        assert_eq!(sim.now(), SimTime(15));
        assert_eq!(sim.run_until_limited(SimTime(19), 0), Ok(0));
        assert_eq!(sim.now(), SimTime(19));
        assert_eq!(sim.run_until_limited(SimTime(20), 0), Err(0));
        assert_eq!(sim.now(), SimTime(19));
        assert_eq!(sim.events_processed(), 4);
    }
}
