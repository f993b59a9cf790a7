//! A cheap estimate, from the scenario alone, of the events one
//! replication will simulate and of the memory it will need, so that a
//! run that could not finish is refused before it starts.
//!
//! The estimate counts what the scenario states: the stores' daily rounds,
//! the households of every place a scripted event seals and of the random
//! closures, ordering every `plan.order_interval_days` while sealed (each
//! order may wait in a point's queue until the horizon), rumours, and the
//! city itself. It does not follow escalation, which depends on the draws:
//! at run time, `--max-events` bounds what escalation adds.

use crate::engine::{RngStreams, StreamId};
use crate::model::config::{Level, ScriptedKind};
use crate::model::{Dist, Scenario};

/// What one replication is expected to need.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Estimate {
    /// Events simulated.
    pub events: f64,
    /// Peak memory [bytes].
    pub bytes: f64,
}

/// Memory of the program before any scenario [bytes].
const BASE_BYTES: f64 = 8e6;
/// Memory per building or site during a run, all its state [bytes].
const BYTES_PER_BUILDING: f64 = 2_500.0;
/// Memory per place of any level [bytes].
const BYTES_PER_PLACE: f64 = 300.0;
/// Memory per store and goods category [bytes].
const BYTES_PER_STORE_GOODS: f64 = 400.0;
/// Memory per household order that may wait in a queue [bytes].
const BYTES_PER_ORDER: f64 = 24.0;
/// Events of one order: its arrival and its service.
const EVENTS_PER_ORDER: f64 = 2.0;

/// The mean of `d`, from 256 draws of a fixed stream.
fn mean(d: &Dist) -> f64 {
    if let Dist::Const(v) = d {
        return *v;
    }
    let mut rng = RngStreams::new(0, 0).stream(StreamId::Layout);
    (0..256).map(|_| d.sample(&mut rng)).sum::<f64>() / 256.0
}

/// The estimate for one replication of `sc`.
pub fn estimate(sc: &Scenario) -> Estimate {
    let days = f64::from(sc.days);
    let city = &sc.city;
    let pph = sc.households.persons_per_household.max(1e-9);
    let stores = city.stores.len() as f64;
    let goods = sc.goods.len() as f64;
    let per_order_day = EVENTS_PER_ORDER / sc.plan.order_interval_days.max(1e-9);

    // Every day: the stores' sales rounds and replenishments, the
    // suppliers' dispatch, the daily reports.
    let daily = stores
        * (sc.stores.sales_rounds as f64 + 2.0 * f64::from(sc.plan.replenish_per_day_response))
        + city.suppliers.len() as f64 * 8.0
        + city.districts.len() as f64 * 4.0;
    let mut events = daily * days;

    // Household-days sealed: scripted seals, then random closures.
    let mut sealed_household_days = 0.0;
    for e in &sc.events {
        if let ScriptedKind::Seal { place } = e.kind {
            let p = &city.places[place];
            let level = if p.level == Level::City {
                Level::Street
            } else {
                p.level
            };
            let left = (sc.horizon().0.saturating_sub(e.at.0)) as f64 / 86_400.0;
            let lasts = mean(sc.closures.duration_days.get(level)).min(left);
            sealed_household_days += p.population as f64 / pph * lasts;
        }
    }
    let buildings = city.buildings.len().max(1) as f64;
    let per_building = city.population as f64 / buildings / pph;
    let building_days = mean(&sc.closures.duration_days.building).min(days);
    sealed_household_days +=
        sc.closures.new_buildings_per_day * days * per_building * building_days;
    let orders = sealed_household_days / sc.plan.order_interval_days.max(1e-9);
    events += sealed_household_days * per_order_day;

    // Rumours, each felt in every district.
    events += sc.panic.rumours_per_day * days * (1.0 + city.districts.len() as f64);
    // The scripted events themselves.
    events += sc.events.len() as f64;

    let bytes = BASE_BYTES
        + BYTES_PER_BUILDING * buildings
        + BYTES_PER_PLACE * city.places.len() as f64
        + BYTES_PER_STORE_GOODS * stores * goods
        + BYTES_PER_ORDER * orders;
    Estimate { events, bytes }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shipped_scenarios_are_estimated_within_reason() {
        for s in crate::scenario::shipped::ALL {
            let sc = crate::scenario::load_str(s.text, s.name).expect("valid");
            let e = estimate(&sc);
            assert!(e.events > 0.0 && e.events < 1e9, "{}: {e:?}", s.name);
            assert!(e.bytes < 2e9, "{}: {e:?}", s.name);
        }
    }
}
