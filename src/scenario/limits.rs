//! The bounds of every number a scenario may hold, in one table.
//!
//! Each key has an explicit lowest and highest value, chosen so that a
//! run stays within minutes and gigabytes and so that the model's gram
//! arithmetic (i64) cannot overflow: a person's daily need is at most
//! 10 kg, the city at most 10^8 residents in at most
//! [`MAX_PLACES_WITH_PEOPLE`] buildings and sites, rates per day are
//! capped so that the gap between two random events never rounds to zero
//! seconds. Products the arithmetic must also hold (the city's need over
//! the horizon, production, stocks, reserves, a transfer a day) are
//! checked by [`mass_bound_grams`] once the sections are built; the end
//! of a run checks every gram counter against the same bound.
//!
//! A key path is looked up without its array indices
//! (`goods.need_kg_per_person_day` for `goods[2].need_kg_per_person_day`);
//! a per-level key falls back to its table (`closures.escalation_per_day`).

use crate::i18n::{Msg, msg};

/// The bounds of one key.
#[derive(Debug, Clone, Copy)]
pub struct Limit {
    /// The key path without indices.
    pub key: &'static str,
    /// Lowest value accepted (after the key's own sign rule).
    pub min: f64,
    /// Highest value accepted.
    pub max: f64,
    /// The unit named in messages, if any.
    pub unit: Option<Msg>,
}

const fn l(key: &'static str, min: f64, max: f64, unit: Option<Msg>) -> Limit {
    Limit {
        key,
        min,
        max,
        unit,
    }
}

const D: Option<Msg> = Some(msg::UNIT_DAYS);
const H: Option<Msg> = Some(msg::UNIT_HOURS);
const PD: Option<Msg> = Some(msg::UNIT_PER_DAY);
const KG: Option<Msg> = Some(msg::UNIT_KG);
const YKG: Option<Msg> = Some(msg::UNIT_YUAN_PER_KG);
const Y: Option<Msg> = Some(msg::UNIT_YUAN);

/// Ten years [days] and [h]: the longest horizon.
const YEARS10_D: f64 = 3_650.0;
const YEAR_D: f64 = 365.0;
const YEAR_H: f64 = 8_760.0;
const MONTH_H: f64 = 720.0;

/// Every number of a scenario file that is not a share (shares are in
/// [0, 1] by their own rule) or a whole number (checked where it is read).
pub const LIMITS: &[Limit] = &[
    l(
        "goods.need_kg_per_person_day",
        0.001,
        10.0,
        Some(msg::UNIT_KG_PER_PERSON_DAY),
    ),
    l("goods.shelf_life_days", 0.0, YEARS10_D, D),
    l("goods.pantry_life_days", 0.0, YEARS10_D, D),
    l("goods.price_yuan_per_kg", 0.0, 100_000.0, YKG),
    l("city.size_spread", 0.0, 1.0, None),
    l("city.stores_per_10k", 0.0, 10_000.0, None),
    l("city.production_share", 0.0, 100.0, None),
    l(
        "households.persons_per_household",
        1.0,
        20.0,
        Some(msg::UNIT_PERSONS),
    ),
    l("households.base_cover_days", 0.0, YEAR_D, D),
    l("households.hoard_extra_days", 0.0, YEAR_D, D),
    l("households.hoard_half_life_days", 0.0, YEARS10_D, D),
    l("households.initial_cover_days", 0.0, YEAR_D, D),
    l("panic.half_life_days", 0.0, YEARS10_D, D),
    l("panic.empty_shelf_push_per_day", 0.0, 100.0, PD),
    l("panic.rumours_per_day", 0.0, 100.0, PD),
    l("panic.publicity_days", 0.0, YEARS10_D, D),
    l(
        "store_rules.kg_per_staff_hour",
        0.0,
        10_000.0,
        Some(msg::UNIT_KG_PER_HOUR),
    ),
    l("store_rules.initial_stock_days", 0.0, YEAR_D, D),
    l("store_rules.target_stock_days", 0.0, YEAR_D, D),
    l("store_rules.warehouse_stock_days", 0.0, YEAR_D, D),
    l("transport.truck_capacity_kg", 0.0, 100_000.0, KG),
    l("transport.van_capacity_kg", 0.0, 10_000.0, KG),
    l("transport.travel_hours_local", 0.0, MONTH_H, H),
    l("transport.travel_hours_cross", 0.0, MONTH_H, H),
    l("transport.checkpoint_delay_hours", 0.0, MONTH_H, H),
    l("transport.pass_delay_hours", 0.0, MONTH_H, H),
    l("transport.trip_cost_yuan", 0.0, 1e6, Y),
    l(
        "transport.warehouse_kg_per_staff_day",
        0.0,
        1e6,
        Some(msg::UNIT_KG_PER_DAY),
    ),
    l("transport.stop_hours", 0.0, 24.0, H),
    l("transport.route_hours", 0.0, MONTH_H, H),
    l("closures.duration_days", 0.0, 36_500.0, D),
    l("closures.escalation_per_day", 0.0, 1_000.0, PD),
    l("closures.new_buildings_per_day", 0.0, 10_000.0, PD),
    l(
        "plan.people_per_supplier",
        1.0,
        1e8,
        Some(msg::UNIT_PERSONS),
    ),
    l("plan.people_per_point", 1.0, 1e8, Some(msg::UNIT_PERSONS)),
    l("plan.decision_delay_hours", 0.0, YEAR_H, H),
    l("plan.setup_delay_hours", 0.0, YEAR_H, H),
    l("plan.outside_riders_hours", 0.0, YEAR_H, H),
    l("plan.order_interval_days", 0.25, YEAR_D, D),
    l("plan.point_cover_days", 0.0, YEAR_D, D),
    l("plan.reorder_point_days", 0.0, YEAR_D, D),
    l("plan.transfer_trigger_days", 0.0, YEAR_D, D),
    l("plan.transfer_days", 0.0, YEAR_D, D),
    l("plan.reserve_trigger_days", 0.0, YEAR_D, D),
    l("plan.reserve_release_days", 0.0, YEAR_D, D),
    l("plan.publicity_delay_hours", 0.0, YEAR_H, H),
    l("reserves.stock_kg", 0.0, 1e10, KG),
    l("reserves.latency_hours", 0.0, YEAR_H, H),
    l("reserves.cost_yuan_per_kg", 0.0, 100_000.0, YKG),
    l("riders.per_10k_residents", 0.0, 10_000.0, None),
    l("riders.orders_per_rider_per_day", 0.0, 1_000.0, PD),
    l("riders.kg_per_order", 0.0, 1_000.0, KG),
    l("costs.split", 0.0, 1e6, None),
    l("costs.transfer_subsidy_yuan_per_kg", 0.0, 100_000.0, YKG),
    l("costs.door_delivery_yuan_per_order", 0.0, 100_000.0, Y),
    l("score", 0.0, 1e9, None),
    l("suppliers.production_share", 0.0, 100.0, None),
    l("suppliers.lead_time_hours", 0.0, YEAR_H, H),
    l("events.hours", 0.0, YEAR_H, H),
    l("events.extra_hours", 0.0, MONTH_H, H),
];

/// Most buildings and sites of a city, generated or listed: `validate`
/// of the largest city stays under 1 GB.
pub const MAX_PLACES_WITH_PEOPLE: u64 = 1_000_000;

/// Most places of a listed city (buildings, sites and the levels above).
pub const MAX_PLACES: usize = 1_500_000;

/// Most goods categories.
pub const MAX_GOODS: usize = 50;

/// Most scripted events.
pub const MAX_EVENTS: usize = 100_000;

/// The most grams the model may hold in any one counter over a run
/// (i64 holds 9.2·10^18; this leaves a margin of 90).
pub const MAX_GRAMS: f64 = 1e17;

/// The bounds of the key at `path` (indices ignored; a per-level key
/// falls back to its table, a table's key to its section).
pub fn lookup(path: &super::KeyPath) -> Option<&'static Limit> {
    let keys: Vec<&str> = path
        .0
        .iter()
        .filter_map(|s| match s {
            super::locate::PathSeg::Key(k) => Some(k.as_str()),
            _ => None,
        })
        .collect();
    (1..=keys.len()).rev().find_map(|n| {
        let want = keys[..n].join(".");
        LIMITS.iter().find(|l| l.key == want)
    })
}

/// An upper bound on the grams any counter of the model may reach
/// (see [`Scenario::mass_bound_grams`](crate::model::Scenario::mass_bound_grams)).
pub fn mass_bound_grams(sc: &crate::model::Scenario) -> f64 {
    sc.mass_bound_grams()
}

#[cfg(test)]
thread_local! {
    /// Key paths looked up without a limit in this thread (tests only).
    pub(crate) static MISSING: std::cell::RefCell<Vec<String>> =
        const { std::cell::RefCell::new(Vec::new()) };
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every number of every shipped scenario (which between them use
    /// every key) has its limits in the table.
    #[test]
    fn every_key_has_a_limit() {
        for s in crate::scenario::shipped::ALL {
            crate::scenario::load_str(s.text, s.name).expect("shipped scenarios are valid");
        }
        let missing = MISSING.with(|m| m.borrow().clone());
        assert!(missing.is_empty(), "no limit for {missing:?}");
    }

    #[test]
    fn lookup_ignores_indices_and_falls_back_to_the_table() {
        let p = super::super::KeyPath::root()
            .key("goods")
            .index(3)
            .key("need_kg_per_person_day");
        assert_eq!(lookup(&p).map(|l| l.max), Some(10.0));
        let p = super::super::KeyPath::root()
            .key("closures")
            .key("escalation_per_day")
            .key("street");
        assert_eq!(
            lookup(&p).map(|l| l.key),
            Some("closures.escalation_per_day")
        );
    }
}
