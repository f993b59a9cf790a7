//! Probability distributions of model quantities (durations, delays).
//!
//! The scenario layer validates the parameters once (see
//! `scenario::dist`); [`Dist::sample`] never fails afterwards.

use rand::distr::Distribution;
use rand_distr::{Exp, LogNormal, Triangular, Uniform};

use crate::engine::SimRng;

/// A validated distribution of a non-negative quantity.
#[derive(Debug, Clone)]
pub enum Dist {
    /// Always this value.
    Const(f64),
    /// Uniform on `[min, max)`.
    Uniform(Uniform<f64>),
    /// Exponential with the given rate.
    Exponential(Exp<f64>),
    /// Triangular on `[min, max]` with a mode.
    Triangular(Triangular<f64>),
    /// Log-normal with the given mean and standard deviation.
    LogNormal(LogNormal<f64>),
}

impl Dist {
    /// Draws one value (>= 0).
    pub fn sample(&self, rng: &mut SimRng) -> f64 {
        let v = match self {
            Dist::Const(v) => return *v,
            Dist::Uniform(d) => d.sample(rng),
            Dist::Exponential(d) => d.sample(rng),
            Dist::Triangular(d) => d.sample(rng),
            Dist::LogNormal(d) => d.sample(rng),
        };
        v.max(0.0)
    }
}
