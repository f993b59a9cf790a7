//! Set-ups that are valid but make no sense: the run goes ahead, and
//! `validate` and `run` say what looks wrong, with its line and key.
//!
//! * a daily need that the model's whole grams count far from what is
//!   written (a few grams a day in the smallest building);
//! * events that change nothing: a `lift` of a place no event sealed
//!   before, with no random closures; a `rumour` of strength 0; a
//!   `staff_loss` of share 0; a `warehouse_closed` of another region,
//!   whose transfers do not stop for it;
//! * a `warehouse_closed` of a production base (it stops the base's
//!   deliveries, which is seldom what was meant);
//! * two `other_region` suppliers, of which only the first sends
//!   transfers;
//! * a warehouse whose staff cannot dispatch what its stores' residents
//!   need in a normal day, or production bases whose trucks cannot carry
//!   what the city needs: the city runs short with no event at all.

use std::collections::HashMap;

use super::dist::raw_mean;
use super::error::ScenarioWarning;
use super::locate::{self, KeyPath};
use super::raw::RawScenario;
use crate::message;
use crate::model::Scenario;
use crate::model::config::SupplierKind;

/// Grams a day under which a building's need is said to be counted
/// coarsely: 5 g is counted within 10 %.
const COARSE_GRAMS: f64 = 5.0;

/// The warnings of a valid scenario `sc`, read from `raw` (the text `src`
/// of `file`), in the order of the file.
pub(super) fn warnings(
    raw: &RawScenario,
    sc: &Scenario,
    src: &str,
    file: &str,
) -> Vec<ScenarioWarning> {
    let mut out = Vec::new();
    let mut warn = |path: KeyPath, message: super::Message| {
        out.push(ScenarioWarning {
            file: file.to_string(),
            location: locate::locate(src, &path),
            key: path.to_string(),
            message,
        });
    };
    let root = KeyPath::root();

    // Needs: the smallest building's daily need in whole grams.
    let smallest = sc.city.buildings.iter().map(|b| b.residents).min();
    if let Some(residents) = smallest {
        for (i, g) in sc.goods.iter().enumerate() {
            let exact = f64::from(residents) * g.need_kg * 1_000.0;
            if exact < COARSE_GRAMS {
                let rounded = exact.round();
                let off = ((rounded - exact) / exact * 100.0).abs();
                let path = if raw.goods.is_some() {
                    root.key("goods").index(i).key("need_kg_per_person_day")
                } else {
                    root.key("goods")
                };
                warn(
                    path,
                    message!(
                        SC_WARN_NEED_COARSE,
                        name = g.name,
                        residents,
                        exact = format!("{exact:.2}"),
                        rounded,
                        off = format!("{off:.0}")
                    ),
                );
            }
        }
    }

    // Suppliers: only the first other region sends transfers.
    let regions: Vec<usize> = (0..sc.city.suppliers.len())
        .filter(|&i| sc.city.suppliers[i].kind == SupplierKind::OtherRegion)
        .collect();
    if let [first, rest @ ..] = &regions[..] {
        for &r in rest {
            let name = &sc.city.suppliers[r].name;
            let i = raw.suppliers.iter().position(|s| &s.name == name);
            let path = match i {
                Some(i) => root.key("suppliers").index(i).key("kind"),
                None => root.key("suppliers"),
            };
            warn(
                path,
                message!(
                    SC_WARN_SECOND_REGION,
                    name,
                    first = sc.city.suppliers[*first].name
                ),
            );
        }
    }

    capacity(raw, sc, &mut warn);

    // Events that change nothing.
    let by_name: HashMap<&str, usize> = sc
        .city
        .places
        .iter()
        .enumerate()
        .rev()
        .map(|(i, p)| (p.name.as_str(), i))
        .collect();
    let place = |name: &Option<String>| name.as_deref().and_then(|n| by_name.get(n).copied());
    let seals: Vec<(i64, usize)> = raw
        .events
        .iter()
        .filter(|s| s.kind == "seal")
        .filter_map(|s| Some((s.day, place(&s.place)?)))
        .collect();
    for (i, e) in raw.events.iter().enumerate() {
        let ep = root.key("events").index(i);
        match e.kind.as_str() {
            "lift" if seals.len() <= 10_000 => {
                let (Some(name), Some(lifted)) = (&e.place, place(&e.place)) else {
                    continue;
                };
                // A seal of this place, of one inside it or around it, on
                // that day or before.
                let sealed_before = seals.iter().any(|&(day, p)| {
                    day <= e.day && (sc.city.within(p, lifted) || sc.city.within(lifted, p))
                });
                if !sealed_before && sc.closures.new_buildings_per_day == 0.0 {
                    warn(ep.key("place"), message!(SC_WARN_LIFT_UNSEALED, name));
                }
            }
            "rumour" if e.strength == Some(0.0) => {
                warn(ep.key("strength"), message!(SC_WARN_RUMOUR_ZERO));
            }
            "staff_loss" if e.share == Some(0.0) => {
                warn(ep.key("share"), message!(SC_WARN_STAFF_ZERO));
            }
            "warehouse_closed" => {
                let Some(name) = &e.supplier else { continue };
                let Some(s) = sc.city.suppliers.iter().find(|s| &s.name == name) else {
                    continue;
                };
                let hours = e.hours.unwrap_or_default();
                match s.kind {
                    SupplierKind::OtherRegion => {
                        warn(ep.key("supplier"), message!(SC_WARN_CLOSE_REGION, name));
                    }
                    SupplierKind::ProductionBase => {
                        warn(
                            ep.key("supplier"),
                            message!(SC_WARN_CLOSE_BASE, name, hours),
                        );
                    }
                    _ => {}
                }
            }
            _ => {}
        }
    }
    out
}

/// Warehouses and production bases that cannot move a normal day's need.
///
/// A warehouse dispatches at most its staff × `warehouse_kg_per_staff_day`
/// a day, to the stores it restocks; a base's truck makes at most one
/// round trip (out and back between districts, one stop) after another
/// all day. Below a normal day's need the city runs short with no event,
/// and every outcome of the run measures that instead of the plan.
fn capacity(raw: &RawScenario, sc: &Scenario, warn: &mut impl FnMut(KeyPath, super::Message)) {
    let root = KeyPath::root();
    let sups = &sc.city.suppliers;
    let tonnes = |kg: f64| format!("{:.0}", kg / 1_000.0);
    let need_kg: f64 = sc.goods.iter().map(|g| g.need_kg).sum();
    // The key that sets supplier `i`'s figure: the generated city's, or the
    // listed supplier's own.
    let key_of = |i: usize, city_key: &str, supplier_key: &str| {
        if raw.city.is_some() {
            return root.key("city").key(city_key);
        }
        match raw.suppliers.iter().position(|s| s.name == sups[i].name) {
            Some(k) => root.key("suppliers").index(k).key(supplier_key),
            None => root.key("suppliers"),
        }
    };

    // Warehouses: the worst ratio of dispatch capacity to need.
    let mut served = vec![0u64; sups.len()];
    for st in &sc.city.stores {
        served[st.supplier] += st.served;
    }
    let depots: Vec<(usize, f64, f64)> = (0..sups.len())
        .filter(|&i| sups[i].is_depot() && served[i] > 0)
        .map(|i| {
            let can = f64::from(sups[i].staff) * sc.transport.warehouse_kg_per_staff_day;
            (i, can, served[i] as f64 * need_kg)
        })
        .collect();
    let short: Vec<&(usize, f64, f64)> =
        depots.iter().filter(|(_, can, need)| can < need).collect();
    let worst = short
        .iter()
        .min_by(|a, b| (a.1 / a.2).total_cmp(&(b.1 / b.2)));
    if let Some(&&(i, can, need)) = worst {
        warn(
            key_of(i, "warehouse_staff", "staff"),
            message!(
                SC_WARN_DEPOT_SHORT,
                name = sups[i].name,
                staff = sups[i].staff,
                can = tonnes(can),
                need = tonnes(need),
                short = short.len(),
                all = depots.len()
            ),
        );
    }

    // Production bases: what all their trucks can carry in a day.
    let bases: Vec<usize> = (0..sups.len())
        .filter(|&i| sups[i].kind == SupplierKind::ProductionBase)
        .collect();
    let Some(&first) = bases.first() else {
        return;
    };
    let tr = &sc.transport;
    let trip_h = 2.0 * raw_mean(&raw.transport.travel_hours_cross) + tr.stop_hours;
    let trips = if trip_h > 0.0 {
        24.0 / trip_h
    } else {
        f64::INFINITY
    };
    let trucks: f64 = bases.iter().map(|&b| f64::from(sups[b].trucks)).sum();
    let carry = trucks * tr.truck_capacity_kg * trips;
    let share: f64 = bases.iter().map(|&b| sups[b].production_share).sum();
    let need = sc.city.population as f64 * need_kg * share.min(1.0);
    if carry < need {
        warn(
            key_of(first, "base_trucks", "trucks"),
            message!(
                SC_WARN_BASE_FLEET_SHORT,
                bases = bases.len(),
                trucks,
                trips = format!("{trips:.1}"),
                carry = tonnes(carry),
                need = tonnes(need)
            ),
        );
    }
}
