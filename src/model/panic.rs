//! Panic per district, rumours, publicity, and the scripted events that
//! act on the city as a whole.
//!
//! Panic is a level in [0, 1] per district. Closure announcements, rumours
//! and empty shelves push it up (a push `x` moves it `x` of the way to 1);
//! it halves every `half_life_days`; publicity cuts it by a share.

use super::config::ScriptedKind;
use super::metrics::Happening;
use super::world::*;
use crate::engine::{Scheduler, SimDuration, SimTime};

/// The smallest rise of panic that the timeline records.
pub(crate) const JUMP: f64 = 0.05;

impl World<'_> {
    /// Decays every district's panic to `now`.
    pub(crate) fn panic_update(&mut self, now: SimTime) {
        let dt = now.since(self.panic_at).as_days();
        if dt > 0.0 {
            let f = 0.5f64.powf(dt / self.sc.panic.half_life_days);
            self.panic.iter_mut().for_each(|p| *p *= f);
            self.panic_at = now;
        }
    }

    /// Pushes panic by `x` in `district` (and by `x * spill` elsewhere), or
    /// by `x` everywhere when `district` is `None`.
    pub(crate) fn panic_push(&mut self, now: SimTime, district: Option<usize>, x: f64, spill: f64) {
        self.panic_update(now);
        let watch = |panic: &[f64]| match district {
            Some(d) => panic[d],
            None => panic.iter().sum::<f64>() / panic.len().max(1) as f64,
        };
        let from = watch(&self.panic);
        for (d, p) in self.panic.iter_mut().enumerate() {
            let push = match district {
                None => x,
                Some(dd) if dd == d => x,
                Some(_) => x * spill,
            };
            *p = (*p + push * (1.0 - *p)).clamp(0.0, 1.0);
            self.m.peak_panic = self.m.peak_panic.max(*p);
        }
        let to = watch(&self.panic);
        self.record_jump(now, district, from, to);
    }

    /// Records a jump of panic of at least [`JUMP`] for the timeline.
    pub(crate) fn record_jump(
        &mut self,
        now: SimTime,
        district: Option<usize>,
        from: f64,
        to: f64,
    ) {
        if to - from >= JUMP {
            let district =
                district.map(|d| self.sc.city.places[self.sc.city.districts[d]].name.clone());
            self.record(now, Happening::PanicJump { district, from, to });
        }
    }

    /// A rumour (of a shortage) in a district or city-wide.
    pub(crate) fn rumour(&mut self, now: SimTime, district: Option<usize>, strength: f64) {
        self.panic_push(now, district, strength, self.sc.panic.spill_share);
        let district =
            district.map(|d| self.sc.city.places[self.sc.city.districts[d]].name.clone());
        self.record(now, Happening::Rumour { district, strength });
    }

    /// Publicity 舆论宣传: the bureau announces that supply is stable.
    pub(crate) fn publicity(&mut self, now: SimTime) {
        self.panic_update(now);
        let cut = self.sc.panic.publicity_cut;
        self.panic.iter_mut().for_each(|p| *p *= 1.0 - cut);
        self.publicity_pending = false;
        self.last_publicity = Some(now);
        self.record(now, Happening::Publicity { cut });
    }

    /// Runs scripted event `index`.
    pub(crate) fn scripted(&mut self, now: SimTime, index: usize, s: &mut Scheduler<CityEvent>) {
        let kind = self.sc.events[index].kind.clone();
        self.record(
            now,
            Happening::Injected {
                index: index as u32,
                event: kind.key(),
            },
        );
        match kind {
            ScriptedKind::Seal { place } => self.seal(now, place as u32, Cause::Scripted, s),
            ScriptedKind::Lift { place } => {
                let found = self.closures.iter().position(|c| {
                    c.ended.is_none() && self.sc.city.within(place, c.place as usize)
                });
                if let Some(c) = found {
                    self.end_closure(now, c as u32, s);
                }
            }
            ScriptedKind::Rumour { district, strength } => self.rumour(now, district, strength),
            ScriptedKind::StaffLoss {
                district,
                share,
                hours,
            } => {
                match district {
                    Some(d) => self.staff_loss[d] = (self.staff_loss[d] + share).min(1.0),
                    None => self
                        .staff_loss
                        .iter_mut()
                        .for_each(|l| *l = (*l + share).min(1.0)),
                }
                self.refresh_attendance();
                s.schedule_in(
                    SimDuration::from_hours(hours),
                    CityEvent::StaffBack {
                        district: district.map(|d| d as u32),
                        share,
                    },
                );
            }
            ScriptedKind::WarehouseClosed { supplier, hours } => {
                let until = now + SimDuration::from_hours(hours);
                self.sup_closed_until[supplier] = self.sup_closed_until[supplier].max(until);
                s.schedule_in(
                    SimDuration::from_hours(hours),
                    CityEvent::DepotReopen {
                        supplier: supplier as u32,
                    },
                );
            }
            ScriptedKind::RidersAdded { count } => {
                self.extra_riders += f64::from(count);
                // Riders also staff the distribution points.
                let per_point =
                    f64::from(count) / self.points.iter().filter(|p| p.open).count().max(1) as f64;
                for p in self.points.iter_mut().filter(|p| p.open) {
                    let n = p.queue.servers() + per_point.floor() as u32;
                    p.queue.set_servers(n);
                }
                for i in 0..self.points.len() {
                    if self.points[i].open {
                        self.start_services(now, i as u32, s);
                    }
                }
            }
            ScriptedKind::CheckpointDelay { extra_hours, hours } => {
                self.extra_checkpoint_h += extra_hours;
                s.schedule_in(
                    SimDuration::from_hours(hours),
                    CityEvent::CheckpointNormal { extra_hours },
                );
            }
        }
    }
}
