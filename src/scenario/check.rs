//! The checks every value of a scenario goes through: finite numbers
//! within the key's bounds ([`limits`](super::limits)), signs, shares,
//! whole numbers in a range, distributions, per-level values, counts and
//! clock times; and [`Problems`], which gathers what they find so that a
//! file's mistakes are reported together.
//!
//! A check returns a [`Problem`] naming the key path of the offending
//! value; `scenario.rs` turns the path into a file line.

use super::dist::dist_from_raw;
use super::error::{Arg, Message};
use super::locate::KeyPath;
use super::raw::{PerLevel, RawCount, RawDist};
use crate::engine::{HOUR, MINUTE};
use crate::i18n::{Msg, Text};
use crate::message;
use crate::model::Dist;
use crate::model::config as m;

/// A validation problem: where and what.
#[derive(Debug, Clone)]
pub struct Problem {
    /// Key path of the offending value.
    pub path: KeyPath,
    /// What is wrong, lowercase, no trailing period.
    pub message: Message,
}

/// The result of one check.
pub(super) type R<T> = Result<T, Problem>;

/// A problem at `path`.
pub(super) fn problem<T>(path: &KeyPath, message: Message) -> R<T> {
    Err(Problem {
        path: path.clone(),
        message,
    })
}

/// The problems found so far, in the order found. Checks go on past a
/// problem with a stand-in value, so that one run reports every mistake of
/// a file that does not depend on another.
#[derive(Debug, Default)]
pub(super) struct Problems(pub(super) Vec<Problem>);

impl Problems {
    /// The value of `r`, or `fallback` with its problem noted.
    pub(super) fn or<T>(&mut self, r: R<T>, fallback: T) -> T {
        r.unwrap_or_else(|p| {
            self.0.push(p);
            fallback
        })
    }

    /// The value of `r`, if it has one; its problem noted if not.
    pub(super) fn ok<T>(&mut self, r: R<T>) -> Option<T> {
        match r {
            Ok(v) => Some(v),
            Err(p) => {
                self.0.push(p);
                None
            }
        }
    }

    /// Notes a problem at `path`.
    pub(super) fn at(&mut self, path: &KeyPath, message: Message) {
        self.0.push(Problem {
            path: path.clone(),
            message,
        });
    }

    /// Whether none has been found.
    pub(super) fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// How many have been found.
    pub(super) fn len(&self) -> usize {
        self.0.len()
    }

    /// `v` checked by [`positive`], or 1.
    pub(super) fn positive(&mut self, path: &KeyPath, v: f64) -> f64 {
        self.or(positive(path, v), 1.0)
    }

    /// `v` checked by [`non_negative`], or 0.
    pub(super) fn non_negative(&mut self, path: &KeyPath, v: f64) -> f64 {
        self.or(non_negative(path, v), 0.0)
    }

    /// `v` checked by [`share`], or 0.
    pub(super) fn share(&mut self, path: &KeyPath, v: f64) -> f64 {
        self.or(share(path, v), 0.0)
    }

    /// `v` checked by [`int_in`], or `lo`.
    pub(super) fn int_in(&mut self, path: &KeyPath, v: i64, lo: i64, hi: i64) -> u64 {
        self.or(int_in(path, v, lo, hi), lo.max(0) as u64)
    }

    /// `raw` checked by [`dist`], or a constant 1.
    pub(super) fn dist(&mut self, path: &KeyPath, raw: &RawDist) -> Dist {
        self.or(dist(path, raw), Dist::Const(1.0))
    }
}

/// A finite number within the key's bounds in the table of
/// [`limits`](super::limits) (a key missing there is bounded by 10^9).
pub(super) fn finite(path: &KeyPath, v: f64) -> R<f64> {
    if !v.is_finite() {
        return problem(path, message!(SC_NOT_FINITE, v));
    }
    let limit = super::limits::lookup(path);
    #[cfg(test)]
    if limit.is_none() {
        super::limits::MISSING.with(|m| m.borrow_mut().push(path.to_string()));
    }
    let (lo, hi, unit) = limit.map_or((f64::MIN, 1e9, None), |l| (l.min, l.max, l.unit));
    let unit = Arg::Text(Text::each(|lang| {
        unit.map_or(String::new(), |u: Msg| format!(" {}", u.get(lang)))
    }));
    let shown = plain(v);
    if v.abs() > hi {
        let limit = plain(hi);
        return problem(
            path,
            message!(SC_TOO_LARGE, v = shown, limit).arg("unit", unit),
        );
    }
    // Zero stays for the sign rules (`positive`, `non_negative`) to judge.
    if v != 0.0 && v.abs() < lo {
        let limit = plain(lo);
        return problem(
            path,
            message!(SC_TOO_SMALL, v = shown, limit).arg("unit", unit),
        );
    }
    Ok(v)
}

/// A number as a planner reads it: `1e300` and `1e-12` in scientific
/// notation, everyday figures as written.
pub(super) fn plain(v: f64) -> String {
    if v != 0.0 && (v.abs() >= 1e9 || v.abs() < 1e-4) {
        format!("{v:e}")
    } else {
        format!("{v}")
    }
}

/// A number > 0.
pub(super) fn positive(path: &KeyPath, v: f64) -> R<f64> {
    if finite(path, v)? > 0.0 {
        Ok(v)
    } else {
        problem(path, message!(SC_POSITIVE, v))
    }
}

/// A number >= 0.
pub(super) fn non_negative(path: &KeyPath, v: f64) -> R<f64> {
    if finite(path, v)? >= 0.0 {
        Ok(v)
    } else {
        problem(path, message!(SC_NON_NEGATIVE, v))
    }
}

/// A share in [0, 1].
pub(super) fn share(path: &KeyPath, v: f64) -> R<f64> {
    // A share's bounds are its own rule, not the table's.
    if !v.is_finite() {
        return problem(path, message!(SC_NOT_FINITE, v));
    }
    if (0.0..=1.0).contains(&v) {
        Ok(v)
    } else {
        problem(path, message!(SC_SHARE, v))
    }
}

/// An integer in `lo..=hi`.
pub(super) fn int_in(path: &KeyPath, v: i64, lo: i64, hi: i64) -> R<u64> {
    if (lo..=hi).contains(&v) {
        Ok(v as u64)
    } else if hi == i64::MAX {
        problem(path, message!(SC_INT_AT_LEAST, lo, v))
    } else {
        problem(path, message!(SC_INT_RANGE, lo, hi, v))
    }
}

/// A distribution whose numbers are within its key's bounds.
pub(super) fn dist(path: &KeyPath, raw: &RawDist) -> R<Dist> {
    match raw {
        RawDist::Const(v) => {
            finite(path, *v)?;
        }
        RawDist::Spec(s) => {
            for (k, v) in [
                ("min", s.min),
                ("mode", s.mode),
                ("max", s.max),
                ("mean", s.mean),
                ("sd", s.sd),
            ] {
                if let Some(v) = v {
                    // The spec's numbers take the bounds of its key.
                    finite(path, v).map_err(|mut p| {
                        p.path = path.key(k);
                        p
                    })?;
                }
            }
        }
    }
    dist_from_raw(raw).map_err(|message| Problem {
        path: path.clone(),
        message,
    })
}

/// Builds per-level values; a level the file leaves out takes `dflt`'s.
/// Every level is checked; the first problem is returned after the others
/// are noted in `ck`.
pub(super) fn per_level<T, U>(
    ck: &mut Problems,
    path: &KeyPath,
    raw: &PerLevel<T>,
    dflt: &PerLevel<T>,
    f: impl Fn(&KeyPath, &T) -> R<U>,
) -> Option<m::PerLevel<U>> {
    let mut one = |k: &str, a: &Option<T>, b: &Option<T>| -> Option<U> {
        let r = match a.as_ref().or(b.as_ref()) {
            Some(v) => f(&path.key(k), v),
            None => problem(&path.key(k), message!(SC_NO_VALUE)),
        };
        ck.ok(r)
    };
    let building = one("building", &raw.building, &dflt.building);
    let compound = one("compound", &raw.compound, &dflt.compound);
    let community = one("community", &raw.community, &dflt.community);
    let street = one("street", &raw.street, &dflt.street);
    let site = one("site", &raw.site, &dflt.site);
    Some(m::PerLevel {
        building: building?,
        compound: compound?,
        community: community?,
        street: street?,
        site: site?,
    })
}

/// A count, or a range of counts, from 1 to 1,000.
pub(super) fn count_rule(path: &KeyPath, raw: &RawCount) -> R<m::CountRule> {
    let (lo, hi) = match raw {
        RawCount::Exact(n) => (*n, *n),
        RawCount::Range([a, b]) => (*a, *b),
    };
    if lo < 1 || hi > 1_000 {
        return problem(path, message!(SC_COUNT_RANGE, lo, hi));
    }
    if lo > hi {
        return problem(path, message!(SC_MIN_MAX, lo, hi));
    }
    Ok(m::CountRule {
        min: lo as u32,
        max: hi as u32,
    })
}

/// A clock time `HH:MM` [s after midnight].
pub(super) fn clock(path: &KeyPath, s: &str) -> R<u64> {
    let bad = || problem(path, message!(SC_CLOCK, s));
    let Some((h, m)) = s.split_once(':') else {
        return bad();
    };
    let (Ok(h), Ok(m)) = (h.trim().parse::<u64>(), m.trim().parse::<u64>()) else {
        return bad();
    };
    if h > 23 || m > 59 {
        return bad();
    }
    Ok(h * HOUR + m * MINUTE)
}
