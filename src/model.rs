//! The city and its supply: places, goods, pantries, panic, stores,
//! suppliers, transport, closures, reserves, distribution points, the
//! response plan's autopilot, monitoring and costs.
//!
//! [`World`] holds the dynamic state of one replication and implements
//! [`engine::Model`](crate::engine::Model) over [`CityEvent`]s. The model
//! never spawns threads, prints or reads files: it takes a validated
//! [`Scenario`] and returns a [`RunResult`].

mod autopilot;
mod circle;
mod closure;
pub mod config;
mod consumption;
pub mod delivery;
mod dispatch;
mod dist;
mod inject;
mod logistics;
pub mod metrics;
mod midnight;
mod orders;
mod outcome;
mod panic;
mod prefetch;
mod replenish;
mod riders;
mod sales;
pub mod score;
mod service;
mod shelves;
mod stock;
mod world;

pub use config::Scenario;
pub use dist::Dist;
pub use metrics::RunResult;
pub use world::{CityEvent, World};
