//! baogong (保供, "assured supply") simulates a city's emergency supply of
//! daily necessities when an epidemic forces closures, and drills the plan
//! that keeps it going.
//!
//! # Layers
//!
//! * [`engine`]: integer time, an event queue ordered by `(time, sequence)`,
//!   random streams per exogenous source. Knows nothing of cities.
//! * [`model`]: the city (places, pantries, panic, stores, suppliers,
//!   transport, closures, reserves, distribution points, the plan's
//!   autopilot, reports, costs) as an [`engine::Model`].
//! * [`scenario`]: TOML scenario files → a validated [`model::Scenario`],
//!   with errors that name the file, line and key.
//! * [`experiment`] runs replications.
//! * [`sweep`]: many replications of several settings in parallel,
//!   common random numbers, paired comparison with a baseline, a journal of
//!   finished replications that an interrupted sweep resumes from, shards
//!   and their merge, `summary.svg`.
//! * [`report`]: text, JSON and CSV outputs; output folders filled all at
//!   once ([`report::outdir`]).
//! * [`i18n`]: the languages of what users read (Chinese, English).
//! * [`error`]: every module's error as one [`error::Error`].
//!
//! # Determinism
//!
//! Time is an integer number of seconds; simultaneous events run in the
//! order they were scheduled; each source of randomness draws from its own
//! stream derived from `(master seed, replication, source)`; no result
//! depends on `HashMap` order, threads or the wall clock. The same scenario
//! and seed give byte-identical outputs.
//!
//! # Example
//!
//! ```
//! let sc = baogong::scenario::load_str(
//!     include_str!("../scenarios/tiny_quiet.toml"),
//!     "tiny_quiet.toml",
//! )
//! .unwrap();
//! let r = baogong::experiment::run_replication(&sc, 7, 0, Default::default());
//! assert_eq!(r.days, sc.days);
//! for b in &r.balance {
//!     assert_eq!(b.residual(), 0); // goods are conserved exactly
//! }
//! ```
#![warn(missing_docs, missing_debug_implementations)]
// The model keeps goods in flat arrays indexed `entity * categories + c`;
// index loops over categories read more plainly than zipped iterators there.
#![allow(clippy::needless_range_loop)]

pub mod engine;
pub mod error;
pub mod experiment;
pub mod i18n;
pub mod model;
pub mod report;
pub mod scenario;
pub mod sweep;

pub use error::Error;
