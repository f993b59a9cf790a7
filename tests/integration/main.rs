//! The single integration-test binary, split by feature area.

mod bad_input;
mod calibration;
mod cli;
mod durable;
mod fidelity;
mod golden;
mod levers;
mod merge;
mod model;
mod models;
mod properties;
mod queue;
mod report_html;
mod scenario;
mod service;
mod slurm;
mod sweep;
mod terminal;
mod text;
