//! Panic and hoarding per district, rumours and publicity.
//!
//! Panic (0..1) is the urge to buy: closure announcements, rumours and
//! empty shelves push it up (a push `x` moves it `x` of the way to 1), and
//! it fades with a half-life of a few days. Hoarding (0..1) is the share of
//! the extra cover households want: it rises with panic and, once panic has
//! passed, falls slowly, as households keep their stockpile and eat it
//! down. Publicity 舆论宣传 removes a share of both, gradually, over a few
//! days.

use super::metrics::Happening;
use super::world::*;
use crate::engine::{SimDuration, SimTime};

/// The smallest rise of panic that the timeline records.
pub(crate) const JUMP: f64 = 0.05;

impl World<'_> {
    /// Brings every district's panic and hoarding up to `now`.
    pub(crate) fn panic_update(&mut self, now: SimTime) {
        let d = &mut self.districts;
        let dt = now.since(d.panic_at).as_days();
        if dt <= 0.0 {
            return;
        }
        let rules = &self.sc.panic;
        // Publicity acting during (panic_at, now]: an extra decay that
        // removes `publicity_cut` over `publicity_days`.
        let rate = -(1.0 - rules.publicity_cut).max(1e-12).ln() / rules.publicity_days;
        let acting: f64 = d
            .publicity
            .iter()
            .map(|&(a, b)| {
                let from = a.max(d.panic_at);
                let to = b.min(now);
                if to > from {
                    to.since(from).as_days()
                } else {
                    0.0
                }
            })
            .sum();
        let extra = (-rate * acting).exp();
        let fp = 0.5f64.powf(dt / rules.half_life_days) * extra;
        let fh = 0.5f64.powf(dt / self.sc.households.hoard_half_life_days) * extra;
        for (p, h) in d.panic.iter_mut().zip(d.hoard.iter_mut()) {
            *p *= fp;
            *h = (*h * fh).max(*p);
        }
        d.publicity.retain(|&(_, b)| b > now);
        d.panic_at = now;
    }

    /// Pushes panic by `x` in `district` (and by `x * spill` elsewhere), or
    /// by `x` everywhere when `district` is `None`.
    pub(crate) fn panic_push(&mut self, now: SimTime, district: Option<usize>, x: f64, spill: f64) {
        self.panic_update(now);
        let watch = |panic: &[f64]| match district {
            Some(d) => panic[d],
            None => panic.iter().sum::<f64>() / panic.len().max(1) as f64,
        };
        let from = watch(&self.districts.panic);
        let d = &mut self.districts;
        for (i, (p, h)) in d.panic.iter_mut().zip(d.hoard.iter_mut()).enumerate() {
            let push = match district {
                None => x,
                Some(dd) if dd == i => x,
                Some(_) => x * spill,
            };
            *p = (*p + push * (1.0 - *p)).clamp(0.0, 1.0);
            *h = h.max(*p);
            self.m.peak_panic = self.m.peak_panic.max(*p);
        }
        let to = watch(&self.districts.panic);
        self.record_jump(now, district, from, to);
    }

    /// Pushes the panic of district `d` alone by `x` (empty shelves).
    pub(crate) fn push_district(&mut self, now: SimTime, d: usize, x: f64) {
        let dd = &mut self.districts;
        let from = dd.panic[d];
        dd.panic[d] = (from + x * (1.0 - from)).min(1.0);
        dd.hoard[d] = dd.hoard[d].max(dd.panic[d]);
        self.m.peak_panic = self.m.peak_panic.max(dd.panic[d]);
        let to = dd.panic[d];
        self.record_jump(now, Some(d), from, to);
    }

    /// Records a jump of panic of at least [`JUMP`] for the timeline.
    fn record_jump(&mut self, now: SimTime, district: Option<usize>, from: f64, to: f64) {
        if to - from >= JUMP {
            let district = district.map(|d| self.district_name(d));
            self.record(now, Happening::PanicJump { district, from, to });
        }
    }

    /// A rumour (of a shortage) in a district or city-wide.
    pub(crate) fn rumour(&mut self, now: SimTime, district: Option<usize>, strength: f64) {
        self.panic_push(now, district, strength, self.sc.panic.spill_share);
        let district = district.map(|d| self.district_name(d));
        self.record(now, Happening::Rumour { district, strength });
    }

    /// Publicity 舆论宣传: the bureau announces that supply is stable; panic
    /// and the hoard households want fall over the next days.
    pub(crate) fn publicity(&mut self, now: SimTime) {
        self.panic_update(now);
        let rules = &self.sc.panic;
        let end = now + SimDuration::from_days(rules.publicity_days);
        self.districts.publicity.push((now, end));
        self.bureau.publicity_pending = false;
        self.bureau.last_publicity = Some(now);
        self.record(
            now,
            Happening::Publicity {
                cut: rules.publicity_cut,
            },
        );
    }
}
