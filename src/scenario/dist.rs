//! Checks distribution specs from a scenario file and builds [`Dist`]s.

use rand_distr::{Exp, LogNormal, Triangular, Uniform};

use super::error::Message;
use super::raw::RawDist;
use crate::message;
use crate::model::Dist;

/// Checks `raw`; the error says what is wrong, in the user's words, in
/// every language.
pub fn dist_from_raw(raw: &RawDist) -> Result<Dist, Message> {
    let spec = match raw {
        RawDist::Const(v) => {
            return if v.is_finite() && *v >= 0.0 {
                Ok(Dist::Const(*v))
            } else {
                Err(message!(DIST_NON_NEGATIVE, v))
            };
        }
        RawDist::Spec(s) => s,
    };
    let dist = spec.dist.as_str();
    let need = |name: &str, v: Option<f64>| -> Result<f64, Message> {
        match v {
            Some(x) if x.is_finite() && x >= 0.0 => Ok(x),
            Some(x) => Err(message!(DIST_KEY_NON_NEGATIVE, name, v = x)),
            None => Err(message!(DIST_NEEDS, dist, name)),
        }
    };
    let unused = |names: &[(&str, Option<f64>)]| -> Result<(), Message> {
        for (name, v) in names {
            if v.is_some() {
                return Err(message!(DIST_TAKES_NO, dist, name));
            }
        }
        Ok(())
    };
    let bad = |e: &dyn std::fmt::Display| message!(DIST_BAD, dist, e);
    match dist {
        "uniform" => {
            unused(&[("mode", spec.mode), ("mean", spec.mean), ("sd", spec.sd)])?;
            let (lo, hi) = (need("min", spec.min)?, need("max", spec.max)?);
            if lo > hi {
                return Err(message!(DIST_MIN_ABOVE_MAX, lo, hi));
            }
            if lo == hi {
                return Ok(Dist::Const(lo));
            }
            Uniform::new(lo, hi).map(Dist::Uniform).map_err(|e| bad(&e))
        }
        "exponential" => {
            unused(&[
                ("min", spec.min),
                ("mode", spec.mode),
                ("max", spec.max),
                ("sd", spec.sd),
            ])?;
            let mean = need("mean", spec.mean)?;
            if mean == 0.0 {
                return Ok(Dist::Const(0.0));
            }
            Exp::new(1.0 / mean)
                .map(Dist::Exponential)
                .map_err(|e| bad(&e))
        }
        "triangular" => {
            unused(&[("mean", spec.mean), ("sd", spec.sd)])?;
            let (lo, mode, hi) = (
                need("min", spec.min)?,
                need("mode", spec.mode)?,
                need("max", spec.max)?,
            );
            if !(lo <= mode && mode <= hi) {
                return Err(message!(DIST_MIN_MODE_MAX, lo, mode, hi));
            }
            if lo == hi {
                return Ok(Dist::Const(lo));
            }
            Triangular::new(lo, hi, mode)
                .map(Dist::Triangular)
                .map_err(|e| bad(&e))
        }
        "lognormal" => {
            unused(&[("min", spec.min), ("mode", spec.mode), ("max", spec.max)])?;
            let (mean, sd) = (need("mean", spec.mean)?, need("sd", spec.sd)?);
            if mean == 0.0 {
                return Err(message!(DIST_LOGNORMAL_MEAN));
            }
            if sd == 0.0 {
                return Ok(Dist::Const(mean));
            }
            let sigma2 = (1.0 + (sd / mean).powi(2)).ln();
            let mu = mean.ln() - sigma2 / 2.0;
            LogNormal::new(mu, sigma2.sqrt())
                .map(Dist::LogNormal)
                .map_err(|e| bad(&e))
        }
        other => Err(message!(DIST_UNKNOWN, other)),
    }
}
