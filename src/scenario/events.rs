//! `[[events]]`: scripted events, checked against the horizon and the
//! city's places, districts and suppliers, with the nearest name offered
//! for one that is not there.

use std::collections::HashMap;

use super::check::{Problems, R, clock, int_in, positive, problem, share};
use super::locate::KeyPath;
use super::raw::RawScenario;
use super::suggest::{nearest, with_hint};
use crate::engine::{DAY, SimTime};
use crate::message;
use crate::model::config::{self as m, Level};

/// The events of `raw`, in time order (ties in file order), each checked
/// on its own so that every bad event is reported.
pub(super) fn events(
    ck: &mut Problems,
    raw: &RawScenario,
    days: u32,
    city: &m::City,
) -> Vec<m::ScriptedEvent> {
    let by_name: HashMap<&str, usize> = city
        .places
        .iter()
        .enumerate()
        .map(|(i, p)| (p.name.as_str(), i))
        .rev() // the first of a name wins, as `City::place_by_name` finds it
        .collect();
    let mut out = Vec::new();
    for (i, _) in raw.events.iter().enumerate() {
        if let Some(e) = ck.ok(event(raw, i, days, city, &by_name)) {
            out.push(e);
        }
    }
    out.sort_by_key(|e| e.at); // stable: ties stay in file order
    out
}

/// "Unknown place", with the nearest of the city's places.
fn unknown_place(city: &m::City, name: &str) -> super::Message {
    let mean = nearest(name, city.places.iter().map(|p| p.name.as_str()));
    with_hint(message!(SC_UNKNOWN_PLACE, name), mean)
}

/// "Unknown district", with the nearest of the city's districts.
fn unknown_district(city: &m::City, name: &str) -> super::Message {
    let names = city.districts.iter().map(|&d| city.places[d].name.as_str());
    with_hint(message!(SC_UNKNOWN_DISTRICT, name), nearest(name, names))
}

/// Event `i` of `raw`.
fn event(
    raw: &RawScenario,
    i: usize,
    days: u32,
    city: &m::City,
    by_name: &HashMap<&str, usize>,
) -> R<m::ScriptedEvent> {
    let e = &raw.events[i];
    let ep = KeyPath::root().key("events").index(i);
    let day = int_in(&ep.key("day"), e.day, 1, i64::MAX)?;
    if day > u64::from(days) {
        return problem(&ep.key("day"), message!(SC_DAY_AFTER, day, days));
    }
    let tod = match &e.time {
        Some(t) => clock(&ep.key("time"), t)?,
        None => 0,
    };
    let at = SimTime((day - 1) * DAY + tod);
    // Which keys each kind takes; any other given key is an error.
    let given: [(&str, bool); 9] = [
        ("place", e.place.is_some()),
        ("district", e.district.is_some()),
        ("strength", e.strength.is_some()),
        ("share", e.share.is_some()),
        ("hours", e.hours.is_some()),
        ("supplier", e.supplier.is_some()),
        ("count", e.count.is_some()),
        ("extra_hours", e.extra_hours.is_some()),
        ("time", true),
    ];
    const KINDS: [&str; 7] = [
        "seal",
        "lift",
        "rumour",
        "staff_loss",
        "warehouse_closed",
        "riders_added",
        "checkpoint_delay",
    ];
    let allowed: &[&str] = match e.kind.as_str() {
        "seal" | "lift" => &["place"],
        "rumour" => &["district", "strength"],
        "staff_loss" => &["district", "share", "hours"],
        "warehouse_closed" => &["supplier", "hours"],
        "riders_added" => &["count"],
        "checkpoint_delay" => &["extra_hours", "hours"],
        other => {
            let mean = super::suggest::nearest_key(other, &KINDS, &[]);
            return problem(
                &ep.key("kind"),
                with_hint(message!(SC_EVENT_KIND, other), mean),
            );
        }
    };
    for (k, present) in given {
        if present && k != "time" && !allowed.contains(&k) {
            return problem(&ep.key(k), message!(SC_EVENT_TAKES_NO, kind = e.kind, k));
        }
    }
    let need = |k: &str| super::check::Problem {
        path: ep.clone(),
        message: message!(SC_EVENT_NEEDS, kind = e.kind, k),
    };
    let place = |name: &Option<String>| -> R<usize> {
        let name = name.as_ref().ok_or_else(|| need("place"))?;
        match by_name.get(name.as_str()) {
            Some(&p) => Ok(p),
            None => problem(&ep.key("place"), unknown_place(city, name)),
        }
    };
    let district = |name: &Option<String>| -> R<Option<usize>> {
        let Some(name) = name else { return Ok(None) };
        match by_name.get(name.as_str()) {
            Some(&p) if city.places[p].level == Level::District => {
                Ok(Some(city.places[p].district))
            }
            _ => problem(&ep.key("district"), unknown_district(city, name)),
        }
    };
    let hours =
        |v: Option<f64>| -> R<f64> { positive(&ep.key("hours"), v.ok_or_else(|| need("hours"))?) };
    let kind = match e.kind.as_str() {
        "seal" => {
            let p = place(&e.place)?;
            if matches!(city.places[p].level, Level::District | Level::City) {
                return problem(&ep.key("place"), message!(SC_SEAL_DISTRICT));
            }
            m::ScriptedKind::Seal { place: p }
        }
        "lift" => m::ScriptedKind::Lift {
            place: place(&e.place)?,
        },
        "rumour" => m::ScriptedKind::Rumour {
            district: district(&e.district)?,
            strength: share(
                &ep.key("strength"),
                e.strength.ok_or_else(|| need("strength"))?,
            )?,
        },
        "staff_loss" => m::ScriptedKind::StaffLoss {
            district: district(&e.district)?,
            share: share(&ep.key("share"), e.share.ok_or_else(|| need("share"))?)?,
            hours: hours(e.hours)?,
        },
        "warehouse_closed" => {
            let name = e.supplier.as_ref().ok_or_else(|| need("supplier"))?;
            let Some(s) = city.suppliers.iter().position(|s| &s.name == name) else {
                let mean = nearest(name, city.suppliers.iter().map(|s| s.name.as_str()));
                return problem(
                    &ep.key("supplier"),
                    with_hint(message!(SC_UNKNOWN_SUPPLIER, name), mean),
                );
            };
            m::ScriptedKind::WarehouseClosed {
                supplier: s,
                hours: hours(e.hours)?,
            }
        }
        "riders_added" => m::ScriptedKind::RidersAdded {
            count: int_in(
                &ep.key("count"),
                e.count.ok_or_else(|| need("count"))?,
                1,
                1_000_000,
            )? as u32,
        },
        _ => m::ScriptedKind::CheckpointDelay {
            extra_hours: positive(
                &ep.key("extra_hours"),
                e.extra_hours.ok_or_else(|| need("extra_hours"))?,
            )?,
            hours: hours(e.hours)?,
        },
    };
    Ok(m::ScriptedEvent { at, kind })
}
