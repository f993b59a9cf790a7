//! Checks distribution specs from a scenario file and builds [`Dist`]s.

use rand_distr::{Exp, LogNormal, Triangular, Uniform};

use super::raw::RawDist;
use crate::model::Dist;

/// Checks `raw`; the error says what is wrong, in the user's words.
pub fn dist_from_raw(raw: &RawDist) -> Result<Dist, String> {
    let spec = match raw {
        RawDist::Const(v) => {
            return if v.is_finite() && *v >= 0.0 {
                Ok(Dist::Const(*v))
            } else {
                Err(format!("must be a number >= 0, not {v}"))
            };
        }
        RawDist::Spec(s) => s,
    };
    let need = |name: &str, v: Option<f64>| -> Result<f64, String> {
        match v {
            Some(x) if x.is_finite() && x >= 0.0 => Ok(x),
            Some(x) => Err(format!("`{name}` must be a number >= 0, not {x}")),
            None => Err(format!("a {} distribution needs `{name}`", spec.dist)),
        }
    };
    let unused = |names: &[(&str, Option<f64>)]| -> Result<(), String> {
        for (n, v) in names {
            if v.is_some() {
                return Err(format!("a {} distribution takes no `{n}`", spec.dist));
            }
        }
        Ok(())
    };
    match spec.dist.as_str() {
        "uniform" => {
            unused(&[("mode", spec.mode), ("mean", spec.mean), ("sd", spec.sd)])?;
            let (lo, hi) = (need("min", spec.min)?, need("max", spec.max)?);
            if lo > hi {
                return Err(format!("`min` ({lo}) is larger than `max` ({hi})"));
            }
            if lo == hi {
                return Ok(Dist::Const(lo));
            }
            Uniform::new(lo, hi)
                .map(Dist::Uniform)
                .map_err(|e| format!("bad uniform distribution: {e}"))
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
                .map_err(|e| format!("bad exponential distribution: {e}"))
        }
        "triangular" => {
            unused(&[("mean", spec.mean), ("sd", spec.sd)])?;
            let (lo, mode, hi) = (
                need("min", spec.min)?,
                need("mode", spec.mode)?,
                need("max", spec.max)?,
            );
            if !(lo <= mode && mode <= hi) {
                return Err(format!("needs min <= mode <= max, not {lo}, {mode}, {hi}"));
            }
            if lo == hi {
                return Ok(Dist::Const(lo));
            }
            Triangular::new(lo, hi, mode)
                .map(Dist::Triangular)
                .map_err(|e| format!("bad triangular distribution: {e}"))
        }
        "lognormal" => {
            unused(&[("min", spec.min), ("mode", spec.mode), ("max", spec.max)])?;
            let (mean, sd) = (need("mean", spec.mean)?, need("sd", spec.sd)?);
            if mean == 0.0 {
                return Err("a lognormal distribution needs `mean` > 0".into());
            }
            if sd == 0.0 {
                return Ok(Dist::Const(mean));
            }
            let sigma2 = (1.0 + (sd / mean).powi(2)).ln();
            let mu = mean.ln() - sigma2 / 2.0;
            LogNormal::new(mu, sigma2.sqrt())
                .map(Dist::LogNormal)
                .map_err(|e| format!("bad lognormal distribution: {e}"))
        }
        other => Err(format!(
            "unknown distribution `{other}`; use uniform, exponential, triangular or lognormal"
        )),
    }
}
