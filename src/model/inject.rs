//! Scripted events (the injects of a drill): what each does to the city.

use super::config::ScriptedKind;
use super::metrics::Happening;
use super::world::*;
use crate::engine::{DAY, Scheduler, SimDuration, SimTime};

impl World<'_> {
    /// Riders or volunteers brought in from outside join a district's pool
    /// (or every district's, by population); the closure they were called
    /// for gets them first, then other points short of riders.
    pub(crate) fn riders_arrive(&mut self, now: SimTime, called: Option<(u32, usize)>, count: u32) {
        let district = called.map(|c| c.1);
        let r = &self.sc.riders;
        let per_rider = r.orders_per_rider_per_day * r.kg_per_order * G;
        let day_left = 1.0 - now.second_of_day() as f64 / DAY as f64;
        let mut weights = vec![0u64; self.districts.pop.len()];
        match district {
            Some(d) => weights[d] = 1,
            None => weights.copy_from_slice(&self.districts.pop),
        }
        self.districts
            .riders
            .bring_in(count, &weights, per_rider * day_left);
        if let Some((closure, _)) = called {
            self.top_up_closure(now, closure as usize);
        }
        self.top_up_riders(now);
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
                let found = self.resp.closures.iter().position(|c| {
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
                let loss = &mut self.districts.staff_loss;
                match district {
                    Some(d) => loss[d] = (loss[d] + share).min(1.0),
                    None => loss.iter_mut().for_each(|l| *l = (*l + share).min(1.0)),
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
                let c = &mut self.depots.closed_until[supplier];
                *c = (*c).max(until);
                s.schedule_in(
                    SimDuration::from_hours(hours),
                    CityEvent::DepotReopen {
                        supplier: supplier as u32,
                    },
                );
            }
            ScriptedKind::RidersAdded { count } => {
                self.riders_arrive(now, None, count);
            }
            ScriptedKind::CheckpointDelay { extra_hours, hours } => {
                self.districts.extra_checkpoint_h += extra_hours;
                s.schedule_in(
                    SimDuration::from_hours(hours),
                    CityEvent::CheckpointNormal { extra_hours },
                );
            }
        }
    }
}
