//! The single integration-test binary, split by feature area.

mod cli;
mod fidelity;
mod model;
mod models;
mod properties;
mod queue;
mod scenario;
mod sweep;
mod terminal;
mod text;
