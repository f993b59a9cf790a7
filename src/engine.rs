//! The discrete-event engine: clock, event queue and random streams.
//!
//! Nothing here knows about cities, goods or closures; the engine could
//! simulate a bank queue (the M/M/c example in the tests does exactly that).
//!
//! * [`SimTime`] and [`SimDuration`] are integer seconds since the start of a
//!   scenario. Helpers convert to days, hours and the clock time of day.
//! * [`EventQueue`] orders events by `(time, insertion sequence)`, so events
//!   scheduled for the same second run in the order they were scheduled, the
//!   same way on every run.
//! * [`Simulation`] drives a [`Model`]: it pops the next event, advances the
//!   clock and hands the event to the model with a [`Scheduler`] through
//!   which the model schedules further events. Scheduling in the past is an
//!   error, never a silent reorder.
//! * [`Model::prefetch`] is told the next two events before the current
//!   one is handled, so that a model can ask for the memory they will read
//!   ([`prefetch`], a hint that changes nothing).
//! * [`RngStreams`] derives one independent, portable generator per
//!   exogenous source from `(master seed, replication, stream)`, so that a
//!   change in one source never shifts the draws of another (common random
//!   numbers).

mod prefetch;
mod queue;
mod rng;
mod sim;
mod time;
mod whole;

pub use prefetch::{prefetch, prefetch_slice};
pub use queue::{EventKey, EventQueue};
pub use rng::{RngStreams, SimRng, StreamId, derive_seed};
pub use sim::{Model, Scheduler, SchedulingError, Simulation};
pub use time::{DAY, HOUR, MINUTE, SimDuration, SimTime};
pub use whole::{ceil_i64, round_i64, round_u64};
