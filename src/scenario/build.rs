//! Raw scenario → validated [`Scenario`]: every range, unit and reference
//! check, and the construction of the static city.
//!
//! Each check names the key path of the offending value; `scenario.rs`
//! turns the path into a file line. The first problem found is reported.

use rand::RngExt;

use super::dist::dist_from_raw;
use super::locate::KeyPath;
use super::raw::*;
use crate::engine::{DAY, HOUR, MINUTE, RngStreams, SimTime, StreamId};
use crate::i18n::{Msg, Text};
use crate::model::Dist;
use crate::model::config::{self as m, Level, Scenario};
use crate::{t, text};

/// A validation problem: where and what.
#[derive(Debug, Clone)]
pub struct Problem {
    /// Key path of the offending value.
    pub path: KeyPath,
    /// What is wrong, lowercase, no trailing period, in every language.
    pub message: Text,
}

type R<T> = Result<T, Problem>;

fn problem<T>(path: &KeyPath, message: impl Into<Text>) -> R<T> {
    Err(Problem {
        path: path.clone(),
        message: message.into(),
    })
}

/// A finite number within the key's bounds in the table of
/// [`limits`](super::limits) (a key missing there is bounded by 10^9).
fn finite(path: &KeyPath, v: f64) -> R<f64> {
    if !v.is_finite() {
        return problem(path, text!(SC_NOT_FINITE, v));
    }
    let limit = super::limits::lookup(path);
    #[cfg(test)]
    if limit.is_none() {
        super::limits::MISSING.with(|m| m.borrow_mut().push(path.to_string()));
    }
    let (lo, hi, unit) = limit.map_or((f64::MIN, 1e9, None), |l| (l.min, l.max, l.unit));
    let unit_text = |lang| unit.map_or(String::new(), |u: Msg| format!(" {}", u.get(lang)));
    let shown = plain(v);
    if v.abs() > hi {
        let limit = plain(hi);
        return problem(
            path,
            Text::each(|lang| t!(lang, SC_TOO_LARGE, v = shown, limit, unit = unit_text(lang))),
        );
    }
    // Zero stays for the sign rules (`positive`, `non_negative`) to judge.
    if v != 0.0 && v.abs() < lo {
        let limit = plain(lo);
        return problem(
            path,
            Text::each(|lang| t!(lang, SC_TOO_SMALL, v = shown, limit, unit = unit_text(lang))),
        );
    }
    Ok(v)
}

/// A number as a planner reads it: `1e300` and `1e-12` in scientific
/// notation, everyday figures as written.
fn plain(v: f64) -> String {
    if v != 0.0 && (v.abs() >= 1e9 || v.abs() < 1e-4) {
        format!("{v:e}")
    } else {
        format!("{v}")
    }
}

/// A number > 0.
fn positive(path: &KeyPath, v: f64) -> R<f64> {
    if finite(path, v)? > 0.0 {
        Ok(v)
    } else {
        problem(path, text!(SC_POSITIVE, v))
    }
}

/// A number >= 0.
fn non_negative(path: &KeyPath, v: f64) -> R<f64> {
    if finite(path, v)? >= 0.0 {
        Ok(v)
    } else {
        problem(path, text!(SC_NON_NEGATIVE, v))
    }
}

/// A share in [0, 1].
fn share(path: &KeyPath, v: f64) -> R<f64> {
    // A share's bounds are its own rule, not the table's.
    if !v.is_finite() {
        return problem(path, text!(SC_NOT_FINITE, v));
    }
    if (0.0..=1.0).contains(&v) {
        Ok(v)
    } else {
        problem(path, text!(SC_SHARE, v))
    }
}

/// An integer in `lo..=hi`.
fn int_in(path: &KeyPath, v: i64, lo: i64, hi: i64) -> R<u64> {
    if (lo..=hi).contains(&v) {
        Ok(v as u64)
    } else if hi == i64::MAX {
        problem(path, text!(SC_INT_AT_LEAST, lo, v))
    } else {
        problem(path, text!(SC_INT_RANGE, lo, hi, v))
    }
}

fn dist(path: &KeyPath, raw: &RawDist) -> R<Dist> {
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
fn per_level<T, U>(
    path: &KeyPath,
    raw: &PerLevel<T>,
    dflt: &PerLevel<T>,
    f: impl Fn(&KeyPath, &T) -> R<U>,
) -> R<m::PerLevel<U>> {
    let one = |k: &str, a: &Option<T>, b: &Option<T>| -> R<U> {
        match a.as_ref().or(b.as_ref()) {
            Some(v) => f(&path.key(k), v),
            None => problem(&path.key(k), text!(SC_NO_VALUE)),
        }
    };
    Ok(m::PerLevel {
        building: one("building", &raw.building, &dflt.building)?,
        compound: one("compound", &raw.compound, &dflt.compound)?,
        community: one("community", &raw.community, &dflt.community)?,
        street: one("street", &raw.street, &dflt.street)?,
        site: one("site", &raw.site, &dflt.site)?,
    })
}

fn count_rule(path: &KeyPath, raw: &RawCount) -> R<m::CountRule> {
    let (lo, hi) = match raw {
        RawCount::Exact(n) => (*n, *n),
        RawCount::Range([a, b]) => (*a, *b),
    };
    if lo < 1 || hi > 1_000 {
        return problem(path, text!(SC_COUNT_RANGE, lo, hi));
    }
    if lo > hi {
        return problem(path, text!(SC_MIN_MAX, lo, hi));
    }
    Ok(m::CountRule {
        min: lo as u32,
        max: hi as u32,
    })
}

/// Validates `raw` and builds the scenario. `source` names the file.
pub fn build(raw: &RawScenario, source: &str) -> R<Scenario> {
    let root = KeyPath::root();
    let meta = root.key("scenario");
    let days = int_in(&meta.key("days"), raw.scenario.days, 1, 3_650)? as u32;
    if raw.scenario.name.trim().is_empty() {
        return problem(&meta.key("name"), text!(SC_NOT_EMPTY));
    }

    let goods = goods(raw)?;
    let city = city(raw)?;

    let h = &raw.households;
    let hp = root.key("households");
    let households = m::Households {
        persons_per_household: positive(&hp.key("persons_per_household"), h.persons_per_household)?,
        base_cover_days: positive(&hp.key("base_cover_days"), h.base_cover_days)?,
        hoard_extra_days: non_negative(&hp.key("hoard_extra_days"), h.hoard_extra_days)?,
        hoard_half_life_days: positive(&hp.key("hoard_half_life_days"), h.hoard_half_life_days)?,
        initial_cover_days: match h.initial_cover_days {
            Some(d) => Some(non_negative(&hp.key("initial_cover_days"), d)?),
            None => None,
        },
        refill_per_day: share(&hp.key("refill_per_day"), h.refill_per_day)?,
    };
    if households.refill_per_day == 0.0 {
        return problem(&hp.key("refill_per_day"), text!(SC_REFILL_ZERO));
    }

    let p = &raw.panic;
    let pp = root.key("panic");
    let panic = m::PanicRules {
        half_life_days: positive(&pp.key("half_life_days"), p.half_life_days)?,
        closure_push: per_level(
            &pp.key("closure_push"),
            &p.closure_push,
            &RawPanic::default().closure_push,
            |k, v| share(k, *v),
        )?,
        spill_share: share(&pp.key("spill_share"), p.spill_share)?,
        empty_shelf_push_per_day: non_negative(
            &pp.key("empty_shelf_push_per_day"),
            p.empty_shelf_push_per_day,
        )?,
        rumours_per_day: non_negative(&pp.key("rumours_per_day"), p.rumours_per_day)?,
        rumour_strength: share(&pp.key("rumour_strength"), p.rumour_strength)?,
        publicity_cut: share(&pp.key("publicity_cut"), p.publicity_cut)?,
        publicity_days: positive(&pp.key("publicity_days"), p.publicity_days)?,
    };

    let s = &raw.store_rules;
    let sp = root.key("store_rules");
    let open = int_in(&sp.key("open_hour"), s.open_hour, 0, 23)?;
    let close = int_in(&sp.key("close_hour"), s.close_hour, 1, 24)?;
    if close <= open {
        return problem(
            &sp.key("close_hour"),
            text!(SC_CLOSE_AFTER_OPEN, open, close),
        );
    }
    let stores = m::StoreRules {
        open_hour: open,
        close_hour: close,
        sales_rounds: int_in(
            &sp.key("sales_rounds_per_day"),
            s.sales_rounds_per_day,
            1,
            24,
        )?,
        kg_per_staff_hour: positive(&sp.key("kg_per_staff_hour"), s.kg_per_staff_hour)?,
        crowd_limit_low: share(&sp.key("crowd_limit_low"), s.crowd_limit_low)?,
        crowd_limit_medium: share(&sp.key("crowd_limit_medium"), s.crowd_limit_medium)?,
        online_share_medium: share(&sp.key("online_share_medium"), s.online_share_medium)?,
        initial_stock_days: non_negative(&sp.key("initial_stock_days"), s.initial_stock_days)?,
        target_stock_days: positive(&sp.key("target_stock_days"), s.target_stock_days)?,
        warehouse_stock_days: non_negative(
            &sp.key("warehouse_stock_days"),
            s.warehouse_stock_days,
        )?,
    };

    let t = &raw.transport;
    let tp = root.key("transport");
    let transport = m::TransportRules {
        truck_capacity_kg: positive(&tp.key("truck_capacity_kg"), t.truck_capacity_kg)?,
        van_capacity_kg: positive(&tp.key("van_capacity_kg"), t.van_capacity_kg)?,
        travel_local: dist(&tp.key("travel_hours_local"), &t.travel_hours_local)?,
        travel_cross: dist(&tp.key("travel_hours_cross"), &t.travel_hours_cross)?,
        checkpoint_delay: dist(&tp.key("checkpoint_delay_hours"), &t.checkpoint_delay_hours)?,
        pass_delay_hours: non_negative(&tp.key("pass_delay_hours"), t.pass_delay_hours)?,
        trip_cost: non_negative(&tp.key("trip_cost_yuan"), t.trip_cost_yuan)?,
        warehouse_kg_per_staff_day: positive(
            &tp.key("warehouse_kg_per_staff_day"),
            t.warehouse_kg_per_staff_day,
        )?,
        stop_hours: non_negative(&tp.key("stop_hours"), t.stop_hours)?,
        route_hours: positive(&tp.key("route_hours"), t.route_hours)?,
    };

    let c = &raw.closures;
    let cp = root.key("closures");
    let closures = m::ClosureRules {
        duration_days: per_level(
            &cp.key("duration_days"),
            &c.duration_days,
            &RawClosures::default().duration_days,
            dist,
        )?,
        escalation_per_day: per_level(
            &cp.key("escalation_per_day"),
            &c.escalation_per_day,
            &RawClosures::default().escalation_per_day,
            |k, v| non_negative(k, *v),
        )?,
        new_buildings_per_day: non_negative(
            &cp.key("new_buildings_per_day"),
            c.new_buildings_per_day,
        )?,
    };

    let plan = plan(raw)?;

    let mut reserves = Vec::new();
    for (i, r) in raw.reserves.iter().enumerate() {
        let rp = root.key("reserves").index(i);
        let Some(category) = goods.iter().position(|g| g.name == r.category) else {
            return problem(&rp.key("category"), unknown_goods(&r.category, &goods));
        };
        reserves.push(m::ReserveTier {
            name: r.name.clone(),
            category,
            stock_kg: non_negative(&rp.key("stock_kg"), r.stock_kg)?,
            latency_hours: non_negative(&rp.key("latency_hours"), r.latency_hours)?,
            cost_per_kg: non_negative(&rp.key("cost_yuan_per_kg"), r.cost_yuan_per_kg)?,
        });
    }

    let rr = &raw.riders;
    let rp = root.key("riders");
    let riders = m::RiderRules {
        per_10k: non_negative(&rp.key("per_10k_residents"), rr.per_10k_residents)?,
        orders_per_rider_per_day: positive(
            &rp.key("orders_per_rider_per_day"),
            rr.orders_per_rider_per_day,
        )?,
        kg_per_order: positive(&rp.key("kg_per_order"), rr.kg_per_order)?,
    };

    let mo = &raw.monitoring;
    let mp = root.key("monitoring");
    let monitoring = m::MonitoringRules {
        report_hour: int_in(&mp.key("report_hour"), mo.report_hour, 0, 23)?,
        late_probability: share(&mp.key("late_probability"), mo.late_probability)?,
        missing_probability: share(&mp.key("missing_probability"), mo.missing_probability)?,
    };
    if monitoring.late_probability + monitoring.missing_probability > 1.0 {
        return problem(&mp.key("missing_probability"), text!(SC_LATE_MISSING));
    }

    let co = &raw.costs;
    let cop = root.key("costs");
    for (i, v) in co.split.iter().enumerate() {
        non_negative(&cop.key("split").index(i), *v)?;
    }
    let total: f64 = co.split.iter().sum();
    if total <= 0.0 {
        return problem(&cop.key("split"), text!(SC_SPLIT_ZERO));
    }
    let costs = m::CostRules {
        split: [
            co.split[0] / total,
            co.split[1] / total,
            co.split[2] / total,
        ],
        transfer_subsidy: non_negative(
            &cop.key("transfer_subsidy_yuan_per_kg"),
            co.transfer_subsidy_yuan_per_kg,
        )?,
        door_delivery: non_negative(
            &cop.key("door_delivery_yuan_per_order"),
            co.door_delivery_yuan_per_order,
        )?,
        compensation_share: share(&cop.key("compensation_share"), co.compensation_share)?,
    };

    let sc = &raw.score;
    let scp = root.key("score");
    let score = m::ScoreWeights {
        shortage_person_days: non_negative(
            &scp.key("shortage_person_days"),
            sc.shortage_person_days,
        )?,
        hours_to_first_goods: non_negative(
            &scp.key("hours_to_first_goods"),
            sc.hours_to_first_goods,
        )?,
        stockout_hours: non_negative(&scp.key("stockout_hours"), sc.stockout_hours)?,
        peak_panic: non_negative(&scp.key("peak_panic"), sc.peak_panic)?,
        cost_10k_yuan: non_negative(&scp.key("cost_10k_yuan"), sc.cost_10k_yuan)?,
        spoilage_tonnes: non_negative(&scp.key("spoilage_tonnes"), sc.spoilage_tonnes)?,
    };

    if raw.events.len() > super::limits::MAX_EVENTS {
        return problem(
            &root.key("events").index(super::limits::MAX_EVENTS),
            text!(
                SC_TOO_MANY_ENTRIES,
                n = raw.events.len(),
                max = super::limits::MAX_EVENTS
            ),
        );
    }
    let events = events(raw, days, &city)?;

    let sc = Scenario {
        source: source.to_string(),
        name: raw.scenario.name.clone(),
        description: raw.scenario.description.clone(),
        days,
        seed: raw.scenario.seed,
        goods,
        city,
        households,
        panic,
        stores,
        transport,
        closures,
        plan,
        reserves,
        riders,
        monitoring,
        costs,
        score,
        events,
    };
    // The products the gram arithmetic must hold.
    let grams = super::limits::mass_bound_grams(&sc);
    if grams > super::limits::MAX_GRAMS {
        let key = match &raw.city {
            Some(c) if c.production_share > 1.0 => root.key("city").key("production_share"),
            Some(_) => root.key("city").key("population"),
            None => root.key("places"),
        };
        return problem(
            &key,
            text!(
                SC_MASS_TOO_LARGE,
                tonnes = format!("{:.3e}", grams / 1e6),
                max = format!("{:.0e}", super::limits::MAX_GRAMS / 1e6)
            ),
        );
    }
    Ok(sc)
}

fn unknown_goods(name: &str, goods: &[m::Goods]) -> Text {
    let names: Vec<&str> = goods.iter().map(|g| g.name.as_str()).collect();
    text!(SC_UNKNOWN_GOODS, name, names = names.join(", "))
}

fn default_goods() -> Vec<RawGoods> {
    // Observed consumption, kept near the Chinese Dietary Guidelines 2022;
    // see docs/sources.md for the figures and references.
    let g = |name: &str, zh: &str, need: f64, shelf: f64, price: f64, pantry: f64| RawGoods {
        name: name.into(),
        label_zh: zh.into(),
        need_kg_per_person_day: need,
        shelf_life_days: shelf,
        price_yuan_per_kg: price,
        pantry_life_days: Some(pantry),
    };
    vec![
        g("grain_oil", "粮油", 0.30, 180.0, 6.0, 180.0),
        g("meat", "肉", 0.075, 4.0, 30.0, 14.0),
        g("vegetables", "菜", 0.30, 5.0, 5.0, 5.0),
        g("eggs_milk", "蛋奶", 0.08, 7.0, 12.0, 10.0),
        g("aquatic", "水产品", 0.04, 2.0, 35.0, 3.0),
        g("hygiene", "卫生清洁用品", 0.04, 730.0, 20.0, 730.0),
    ]
}

fn goods(raw: &RawScenario) -> R<Vec<m::Goods>> {
    let list = match &raw.goods {
        None => default_goods(),
        Some(l) if l.is_empty() => {
            return problem(&KeyPath::root().key("goods"), text!(SC_GOODS_EMPTY));
        }
        Some(l) if l.len() > super::limits::MAX_GOODS => {
            return problem(
                &KeyPath::root().key("goods").index(super::limits::MAX_GOODS),
                text!(
                    SC_TOO_MANY_ENTRIES,
                    n = l.len(),
                    max = super::limits::MAX_GOODS
                ),
            );
        }
        Some(l) => l.clone(),
    };
    let mut out: Vec<m::Goods> = Vec::new();
    for (i, g) in list.iter().enumerate() {
        let gp = KeyPath::root().key("goods").index(i);
        if g.name.trim().is_empty() {
            return problem(&gp.key("name"), text!(SC_NOT_EMPTY));
        }
        if out.iter().any(|o| o.name == g.name) {
            return problem(&gp.key("name"), text!(SC_GOODS_TWICE, name = g.name));
        }
        out.push(m::Goods {
            name: g.name.clone(),
            label_zh: g.label_zh.clone(),
            need_kg: positive(&gp.key("need_kg_per_person_day"), g.need_kg_per_person_day)?,
            shelf_life_days: positive(&gp.key("shelf_life_days"), g.shelf_life_days)?,
            price: non_negative(&gp.key("price_yuan_per_kg"), g.price_yuan_per_kg)?,
            pantry_life_days: match g.pantry_life_days {
                Some(d) => positive(&gp.key("pantry_life_days"), d)?,
                None => g.shelf_life_days,
            },
        });
    }
    Ok(out)
}

fn plan(raw: &RawScenario) -> R<m::Plan> {
    let p = &raw.plan;
    let pp = KeyPath::root().key("plan");
    let po = int_in(&pp.key("point_hours").index(0), p.point_hours[0], 0, 23)?;
    let pc = int_in(&pp.key("point_hours").index(1), p.point_hours[1], 1, 24)?;
    if pc <= po {
        return problem(&pp.key("point_hours"), text!(SC_POINT_HOURS, pc, po));
    }
    Ok(m::Plan {
        suppliers: per_level(
            &pp.key("suppliers"),
            &p.suppliers,
            &RawPlan::default().suppliers,
            count_rule,
        )?,
        people_per_supplier: positive(&pp.key("people_per_supplier"), p.people_per_supplier)?,
        points: per_level(
            &pp.key("points"),
            &p.points,
            &RawPlan::default().points,
            count_rule,
        )?,
        people_per_point: positive(&pp.key("people_per_point"), p.people_per_point)?,
        decision_delay_hours: non_negative(
            &pp.key("decision_delay_hours"),
            p.decision_delay_hours,
        )?,
        setup_delay_hours: non_negative(&pp.key("setup_delay_hours"), p.setup_delay_hours)?,
        point_riders: int_in(&pp.key("point_riders"), p.point_riders, 1, 10_000)? as u32,
        outside_riders: p.outside_riders,
        outside_riders_hours: non_negative(
            &pp.key("outside_riders_hours"),
            p.outside_riders_hours,
        )?,
        point_open: po,
        point_close: pc,
        order_interval_days: positive(&pp.key("order_interval_days"), p.order_interval_days)?,
        point_cover_days: positive(&pp.key("point_cover_days"), p.point_cover_days)?,
        replenish_per_day: int_in(&pp.key("replenish_per_day"), p.replenish_per_day, 1, 24)? as u32,
        replenish_per_day_response: int_in(
            &pp.key("replenish_per_day_response"),
            p.replenish_per_day_response,
            1,
            24,
        )? as u32,
        reorder_point_days: non_negative(&pp.key("reorder_point_days"), p.reorder_point_days)?,
        response_panic: share(&pp.key("response_panic"), p.response_panic)?,
        green_channel: p.green_channel,
        green_channel_saving: share(&pp.key("green_channel_saving"), p.green_channel_saving)?,
        vehicle_passes: p.vehicle_passes,
        transfer_trigger_days: non_negative(
            &pp.key("transfer_trigger_days"),
            p.transfer_trigger_days,
        )?,
        transfer_days: non_negative(&pp.key("transfer_days"), p.transfer_days)?,
        reserve_trigger_days: non_negative(
            &pp.key("reserve_trigger_days"),
            p.reserve_trigger_days,
        )?,
        reserve_release_days: non_negative(
            &pp.key("reserve_release_days"),
            p.reserve_release_days,
        )?,
        publicity_trigger_panic: share(
            &pp.key("publicity_trigger_panic"),
            p.publicity_trigger_panic,
        )?,
        publicity_delay_hours: non_negative(
            &pp.key("publicity_delay_hours"),
            p.publicity_delay_hours,
        )?,
    })
}

/// Parses `HH:MM`.
fn clock(path: &KeyPath, s: &str) -> R<u64> {
    let bad = || problem(path, text!(SC_CLOCK, s));
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

fn events(raw: &RawScenario, days: u32, city: &m::City) -> R<Vec<m::ScriptedEvent>> {
    let mut out = Vec::new();
    for (i, e) in raw.events.iter().enumerate() {
        let ep = KeyPath::root().key("events").index(i);
        let day = int_in(&ep.key("day"), e.day, 1, i64::MAX)?;
        if day > u64::from(days) {
            return problem(&ep.key("day"), text!(SC_DAY_AFTER, day, days));
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
        let allowed: &[&str] = match e.kind.as_str() {
            "seal" | "lift" => &["place"],
            "rumour" => &["district", "strength"],
            "staff_loss" => &["district", "share", "hours"],
            "warehouse_closed" => &["supplier", "hours"],
            "riders_added" => &["count"],
            "checkpoint_delay" => &["extra_hours", "hours"],
            other => {
                return problem(&ep.key("kind"), text!(SC_EVENT_KIND, other));
            }
        };
        for (k, present) in given {
            if present && k != "time" && !allowed.contains(&k) {
                return problem(&ep.key(k), text!(SC_EVENT_TAKES_NO, kind = e.kind, k));
            }
        }
        let need = |k: &str| -> Problem {
            Problem {
                path: ep.clone(),
                message: text!(SC_EVENT_NEEDS, kind = e.kind, k),
            }
        };
        let place = |name: &Option<String>| -> R<usize> {
            let name = name.as_ref().ok_or_else(|| need("place"))?;
            city.place_by_name(name).map_or_else(
                || problem(&ep.key("place"), text!(SC_UNKNOWN_PLACE, name)),
                Ok,
            )
        };
        let district = |name: &Option<String>| -> R<Option<usize>> {
            let Some(name) = name else { return Ok(None) };
            match city.place_by_name(name) {
                Some(p) if city.places[p].level == Level::District => {
                    Ok(Some(city.places[p].district))
                }
                _ => problem(&ep.key("district"), text!(SC_UNKNOWN_DISTRICT, name)),
            }
        };
        let hours = |v: Option<f64>| -> R<f64> {
            positive(&ep.key("hours"), v.ok_or_else(|| need("hours"))?)
        };
        let kind = match e.kind.as_str() {
            "seal" => {
                let p = place(&e.place)?;
                if matches!(city.places[p].level, Level::District | Level::City) {
                    return problem(&ep.key("place"), text!(SC_SEAL_DISTRICT));
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
                    return problem(&ep.key("supplier"), text!(SC_UNKNOWN_SUPPLIER, name));
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
        out.push(m::ScriptedEvent { at, kind });
    }
    out.sort_by_key(|e| e.at); // stable: ties stay in file order
    Ok(out)
}

/// A place before building numbering.
struct Node {
    name: String,
    level: Level,
    parent: Option<usize>,
    size: u64,
    children: Vec<usize>,
    path: KeyPath,
}

fn city(raw: &RawScenario) -> R<m::City> {
    let root = KeyPath::root();
    let (nodes, stores, suppliers) = match &raw.city {
        Some(c) => {
            if !raw.places.is_empty() {
                return problem(&root.key("places"), text!(SC_CITY_AND_PLACES));
            }
            if !raw.stores.is_empty() || !raw.suppliers.is_empty() {
                let k = if raw.stores.is_empty() {
                    "suppliers"
                } else {
                    "stores"
                };
                return problem(&root.key(k), text!(SC_CITY_AND_LISTS));
            }
            generate(c, raw.scenario.seed)?
        }
        None => explicit(raw)?,
    };
    assemble(nodes, stores, suppliers)
}

/// A store before assembly.
struct StoreSpec {
    name: String,
    place: usize,
    supplier: usize,
    staff: u32,
    vans: u32,
}

fn generate(c: &RawCity, seed: u64) -> R<(Vec<Node>, Vec<StoreSpec>, Vec<m::Supplier>)> {
    let cp = KeyPath::root().key("city");
    let pop = int_in(&cp.key("population"), c.population, 1, 100_000_000)?;
    let nd = int_in(&cp.key("districts"), c.districts, 1, 1_000)?;
    let ns = int_in(
        &cp.key("streets_per_district"),
        c.streets_per_district,
        1,
        1_000,
    )?;
    let nc = int_in(
        &cp.key("communities_per_street"),
        c.communities_per_street,
        1,
        1_000,
    )?;
    let nk = int_in(
        &cp.key("compounds_per_community"),
        c.compounds_per_community,
        1,
        1_000,
    )?;
    let nb = int_in(
        &cp.key("buildings_per_compound"),
        c.buildings_per_compound,
        1,
        1_000,
    )?;
    let sites = int_in(&cp.key("sites_per_street"), c.sites_per_street, 0, 1_000)?;
    let nbuild = nd * ns * nc * nk * nb;
    if nbuild + nd * ns * sites > super::limits::MAX_PLACES_WITH_PEOPLE {
        return problem(
            &cp.key("buildings_per_compound"),
            text!(
                SC_TOO_MANY_BUILDINGS,
                n = nbuild + nd * ns * sites,
                max = super::limits::MAX_PLACES_WITH_PEOPLE
            ),
        );
    }
    if nbuild > pop {
        return problem(&cp.key("population"), text!(SC_POP_TOO_SMALL, pop, nbuild));
    }
    let spread = finite(&cp.key("size_spread"), c.size_spread)?;
    if !(0.0..1.0).contains(&spread) {
        return problem(&cp.key("size_spread"), text!(SC_SPREAD, spread));
    }
    let site_head = int_in(&cp.key("site_headcount"), c.site_headcount, 1, 1_000_000)?;
    let per10k = positive(&cp.key("stores_per_10k"), c.stores_per_10k)?;
    let store_staff = int_in(&cp.key("store_staff"), c.store_staff, 1, 100_000)? as u32;
    let store_vans = int_in(&cp.key("store_vans"), c.store_vans, 0, 10_000)? as u32;
    let nw = int_in(
        &cp.key("warehouses_per_district"),
        c.warehouses_per_district,
        1,
        100,
    )?;
    let wstaff = int_in(&cp.key("warehouse_staff"), c.warehouse_staff, 1, 1_000_000)? as u32;
    let wtrucks = int_in(
        &cp.key("warehouse_trucks"),
        c.warehouse_trucks,
        1,
        1_000_000,
    )? as u32;
    let nbase = int_in(&cp.key("production_bases"), c.production_bases, 0, 1_000)?;
    let pshare = non_negative(&cp.key("production_share"), c.production_share)?;

    // The layout stream uses the scenario's own seed (not the run's), so
    // that a scenario file always describes the same city.
    let mut rng = RngStreams::new(seed, 0).stream(StreamId::Layout);
    let base = pop as f64 / nbuild as f64;
    let mut sizes: Vec<f64> = (0..nbuild)
        .map(|_| base * (1.0 + spread * (2.0 * rng.random::<f64>() - 1.0)))
        .collect();
    let total: f64 = sizes.iter().sum();
    for s in &mut sizes {
        *s *= pop as f64 / total;
    }
    let mut nodes: Vec<Node> = Vec::new();
    let add =
        |nodes: &mut Vec<Node>, name: String, level: Level, parent: Option<usize>, size: u64| {
            let id = nodes.len();
            nodes.push(Node {
                name,
                level,
                parent,
                size,
                children: Vec::new(),
                path: cp.clone(),
            });
            if let Some(p) = parent {
                nodes[p].children.push(id);
            }
            id
        };
    let mut b = 0usize;
    let mut communities = Vec::new();
    for d in 1..=nd {
        let dn = format!("D{d}");
        let di = add(&mut nodes, dn.clone(), Level::District, None, 0);
        for s in 1..=ns {
            let sn = format!("{dn}-S{s}");
            let si = add(&mut nodes, sn.clone(), Level::Street, Some(di), 0);
            for cc in 1..=nc {
                let cn = format!("{sn}-C{cc}");
                let ci = add(&mut nodes, cn.clone(), Level::Community, Some(si), 0);
                communities.push(ci);
                for k in 1..=nk {
                    let kn = format!("{cn}-K{k}");
                    let ki = add(&mut nodes, kn.clone(), Level::Compound, Some(ci), 0);
                    for bb in 1..=nb {
                        let size = sizes[b].round().max(1.0) as u64;
                        b += 1;
                        add(
                            &mut nodes,
                            format!("{kn}-B{bb}"),
                            Level::Building,
                            Some(ki),
                            size,
                        );
                    }
                }
            }
            for w in 1..=sites {
                add(
                    &mut nodes,
                    format!("{sn}-W{w}"),
                    Level::Site,
                    Some(si),
                    site_head,
                );
            }
        }
    }
    let mut suppliers = Vec::new();
    for d in 0..nd {
        for w in 0..nw {
            let name = if nw == 1 {
                format!("W-D{}", d + 1)
            } else {
                format!("W-D{}-{}", d + 1, w + 1)
            };
            suppliers.push(m::Supplier {
                name,
                kind: m::SupplierKind::Warehouse,
                district: Some(d as usize),
                staff: wstaff,
                trucks: wtrucks,
                production_share: 0.0,
                lead_time_hours: 0.0,
            });
        }
    }
    for i in 0..nbase {
        suppliers.push(m::Supplier {
            name: format!("Base-{}", i + 1),
            kind: m::SupplierKind::ProductionBase,
            district: None,
            staff: wstaff,
            trucks: wtrucks,
            production_share: pshare / nbase as f64,
            lead_time_hours: 0.0,
        });
    }
    if c.other_regions {
        suppliers.push(m::Supplier {
            name: "Other regions".into(),
            kind: m::SupplierKind::OtherRegion,
            district: None,
            staff: 0,
            trucks: 0,
            production_share: 0.0,
            lead_time_hours: 48.0,
        });
    }
    let nstores = ((pop as f64 / 10_000.0 * per10k).round() as u64).max(1);
    if nstores > nbuild {
        return problem(
            &cp.key("stores_per_10k"),
            text!(SC_TOO_MANY_STORES, nstores, nbuild),
        );
    }
    let nstores = nstores as usize;
    let mut stores = Vec::with_capacity(nstores);
    let mut count_in = vec![0usize; communities.len()];
    for i in 0..nstores {
        let ci = i * communities.len() / nstores;
        count_in[ci] += 1;
        let place = communities[ci];
        let district = (ci * nd as usize) / communities.len();
        stores.push(StoreSpec {
            name: format!("Store-{}-{}", nodes[place].name, count_in[ci]),
            place,
            supplier: district * nw as usize + i % nw as usize,
            staff: store_staff,
            vans: store_vans,
        });
    }
    Ok((nodes, stores, suppliers))
}

fn explicit(raw: &RawScenario) -> R<(Vec<Node>, Vec<StoreSpec>, Vec<m::Supplier>)> {
    let root = KeyPath::root();
    if raw.places.is_empty() {
        return problem(&root, text!(SC_NO_CITY));
    }
    if raw.places.len() > super::limits::MAX_PLACES {
        return problem(
            &root.key("places").index(super::limits::MAX_PLACES),
            text!(
                SC_TOO_MANY_PLACES,
                n = raw.places.len(),
                max = super::limits::MAX_PLACES
            ),
        );
    }
    let with_people = raw
        .places
        .iter()
        .filter(|p| matches!(p.level.as_str(), "building" | "site"))
        .count() as u64;
    if with_people > super::limits::MAX_PLACES_WITH_PEOPLE {
        return problem(
            &root.key("places"),
            text!(
                SC_TOO_MANY_BUILDINGS,
                n = with_people,
                max = super::limits::MAX_PLACES_WITH_PEOPLE
            ),
        );
    }
    let mut nodes: Vec<Node> = Vec::new();
    let mut by_name = std::collections::BTreeMap::new();
    for (i, p) in raw.places.iter().enumerate() {
        let pp = root.key("places").index(i);
        let Some(level) = Level::parse(&p.level) else {
            return problem(&pp.key("level"), text!(SC_UNKNOWN_LEVEL, level = p.level));
        };
        if p.name.trim().is_empty() {
            return problem(&pp.key("name"), text!(SC_NOT_EMPTY));
        }
        if by_name.insert(p.name.clone(), i).is_some() {
            return problem(&pp.key("name"), text!(SC_PLACE_TWICE, name = p.name));
        }
        let size = match level {
            Level::Building => {
                if p.headcount.is_some() {
                    return problem(&pp.key("headcount"), text!(SC_BUILDING_RESIDENTS));
                }
                let r = p.residents.ok_or_else(|| Problem {
                    path: pp.clone(),
                    message: text!(SC_BUILDING_NEEDS_RESIDENTS, name = p.name),
                })?;
                int_in(&pp.key("residents"), r, 1, 1_000_000)?
            }
            Level::Site => {
                if p.residents.is_some() {
                    return problem(&pp.key("residents"), text!(SC_SITE_HEADCOUNT));
                }
                let r = p.headcount.ok_or_else(|| Problem {
                    path: pp.clone(),
                    message: text!(SC_SITE_NEEDS_HEADCOUNT, name = p.name),
                })?;
                int_in(&pp.key("headcount"), r, 1, 10_000_000)?
            }
            _ => {
                if p.residents.is_some() {
                    return problem(
                        &pp.key("residents"),
                        text!(SC_ONLY_BUILDINGS_RESIDENTS, name = p.name, level = p.level),
                    );
                }
                if p.headcount.is_some() {
                    return problem(
                        &pp.key("headcount"),
                        text!(SC_ONLY_SITES_HEADCOUNT, name = p.name, level = p.level),
                    );
                }
                0
            }
        };
        nodes.push(Node {
            name: p.name.clone(),
            level,
            parent: None,
            size,
            children: Vec::new(),
            path: pp,
        });
    }
    for (i, p) in raw.places.iter().enumerate() {
        let pp = root.key("places").index(i);
        let want = nodes[i].level.parent_level();
        match (&p.parent, want) {
            (None, Some(Level::City)) => {}
            (Some(_), Some(Level::City)) => {
                return problem(&pp.key("parent"), text!(SC_DISTRICT_PARENT));
            }
            (None, Some(l)) => {
                return problem(
                    &pp,
                    text!(
                        SC_NEEDS_PARENT,
                        level = p.level,
                        name = p.name,
                        parent = l.key()
                    ),
                );
            }
            (Some(parent), Some(l)) => {
                let Some(&pi) = by_name.get(parent) else {
                    return problem(
                        &pp.key("parent"),
                        text!(SC_PARENT_NOT_LISTED, parent, name = p.name),
                    );
                };
                if nodes[pi].level != l {
                    return problem(
                        &pp.key("parent"),
                        text!(
                            SC_PARENT_LEVEL,
                            level = p.level,
                            want = l.key(),
                            parent,
                            got = nodes[pi].level.key()
                        ),
                    );
                }
                nodes[i].parent = Some(pi);
                nodes[pi].children.push(i);
            }
            (_, None) => {}
        }
    }
    let mut suppliers = Vec::new();
    let mut sup_names = std::collections::BTreeMap::new();
    for (i, s) in raw.suppliers.iter().enumerate() {
        let sp = root.key("suppliers").index(i);
        if sup_names.insert(s.name.clone(), i).is_some() {
            return problem(&sp.key("name"), text!(SC_SUPPLIER_TWICE, name = s.name));
        }
        let kind = match s.kind.as_str() {
            "warehouse" => m::SupplierKind::Warehouse,
            "wholesale_market" => m::SupplierKind::WholesaleMarket,
            "production_base" => m::SupplierKind::ProductionBase,
            "other_region" => m::SupplierKind::OtherRegion,
            other => {
                return problem(&sp.key("kind"), text!(SC_SUPPLIER_KIND, other));
            }
        };
        let district = match &s.district {
            Some(d) => match by_name.get(d) {
                Some(&pi) if nodes[pi].level == Level::District => Some(pi),
                _ => {
                    return problem(&sp.key("district"), text!(SC_DISTRICT_NOT_LISTED, d));
                }
            },
            None if matches!(
                kind,
                m::SupplierKind::Warehouse | m::SupplierKind::WholesaleMarket
            ) =>
            {
                return problem(&sp, text!(SC_NEEDS_DISTRICT, kind = s.kind, name = s.name));
            }
            None => None,
        };
        let production_share = match (kind, s.production_share) {
            (m::SupplierKind::ProductionBase, Some(v)) => {
                non_negative(&sp.key("production_share"), v)?
            }
            (m::SupplierKind::ProductionBase, None) => {
                return problem(&sp, text!(SC_BASE_NEEDS_SHARE, name = s.name));
            }
            (_, Some(_)) => {
                return problem(&sp.key("production_share"), text!(SC_ONLY_BASE_SHARE));
            }
            (_, None) => 0.0,
        };
        let lead = match (kind, s.lead_time_hours) {
            (m::SupplierKind::OtherRegion, Some(v)) => non_negative(&sp.key("lead_time_hours"), v)?,
            (m::SupplierKind::OtherRegion, None) => 48.0,
            (_, Some(_)) => {
                return problem(&sp.key("lead_time_hours"), text!(SC_ONLY_REGION_LEAD));
            }
            (_, None) => 0.0,
        };
        suppliers.push(m::Supplier {
            name: s.name.clone(),
            kind,
            // Place index for now; `assemble` turns it into a district index.
            district,
            staff: int_in(&sp.key("staff"), s.staff.unwrap_or(120), 0, 1_000_000)? as u32,
            trucks: int_in(&sp.key("trucks"), s.trucks.unwrap_or(30), 0, 1_000_000)? as u32,
            production_share,
            lead_time_hours: lead,
        });
    }
    let mut stores = Vec::new();
    let mut store_names = std::collections::BTreeSet::new();
    for (i, s) in raw.stores.iter().enumerate() {
        let sp = root.key("stores").index(i);
        if !store_names.insert(s.name.clone()) {
            return problem(&sp.key("name"), text!(SC_STORE_TWICE, name = s.name));
        }
        let Some(&place) = by_name.get(&s.place) else {
            return problem(
                &sp.key("place"),
                text!(SC_STORE_PLACE, place = s.place, name = s.name),
            );
        };
        if matches!(
            nodes[place].level,
            Level::District | Level::Building | Level::Site
        ) {
            return problem(&sp.key("place"), text!(SC_STORE_LEVEL));
        }
        if s.supplier.trim().is_empty() {
            return problem(
                &sp.key("supplier"),
                text!(SC_STORE_NO_SUPPLIER, name = s.name),
            );
        }
        let supplier = match sup_names.get(&s.supplier) {
            Some(&j) if suppliers[j].is_depot() => j,
            Some(_) => {
                return problem(
                    &sp.key("supplier"),
                    text!(SC_STORE_SUPPLIER_KIND, supplier = s.supplier, name = s.name),
                );
            }
            None => {
                return problem(
                    &sp.key("supplier"),
                    text!(
                        SC_STORE_SUPPLIER_NOT_LISTED,
                        supplier = s.supplier,
                        name = s.name
                    ),
                );
            }
        };
        stores.push(StoreSpec {
            name: s.name.clone(),
            place,
            supplier,
            staff: int_in(&sp.key("staff"), s.staff, 1, 100_000)? as u32,
            vans: int_in(&sp.key("vans"), s.vans, 0, 10_000)? as u32,
        });
    }
    // Every district's place index becomes a district index in `assemble`.
    Ok((nodes, stores, suppliers))
}

/// Numbers buildings depth-first, fills place ranges and populations,
/// assigns buildings to stores.
fn assemble(
    nodes: Vec<Node>,
    specs: Vec<StoreSpec>,
    mut suppliers: Vec<m::Supplier>,
) -> R<m::City> {
    let root = KeyPath::root();
    let districts_nodes: Vec<usize> = (0..nodes.len())
        .filter(|&i| nodes[i].level == Level::District)
        .collect();
    if districts_nodes.is_empty() {
        return problem(&root.key("places"), text!(SC_NO_DISTRICT));
    }
    let mut places: Vec<m::Place> = nodes
        .iter()
        .map(|n| m::Place {
            name: n.name.clone(),
            level: n.level,
            parent: n.parent,
            district: 0,
            first: 0,
            end: 0,
            population: 0,
        })
        .collect();
    let mut buildings: Vec<m::Building> = Vec::new();
    // Iterative depth-first walk, children in listed order.
    fn walk(
        i: usize,
        d: usize,
        nodes: &[Node],
        places: &mut [m::Place],
        buildings: &mut Vec<m::Building>,
    ) {
        let mut stack = vec![(i, false)];
        while let Some((n, done)) = stack.pop() {
            if done {
                places[n].end = buildings.len();
                places[n].population = nodes[n]
                    .children
                    .iter()
                    .map(|&c| places[c].population)
                    .sum::<u64>()
                    + if matches!(nodes[n].level, Level::Building | Level::Site) {
                        nodes[n].size
                    } else {
                        0
                    };
                continue;
            }
            places[n].district = d;
            places[n].first = buildings.len();
            if matches!(nodes[n].level, Level::Building | Level::Site) {
                buildings.push(m::Building {
                    place: n,
                    district: d,
                    residents: nodes[n].size as u32,
                    households: 0,
                    store: 0,
                    next: [m::Building::NO_STORE; 2],
                });
            }
            stack.push((n, true));
            for &c in nodes[n].children.iter().rev() {
                stack.push((c, false));
            }
        }
    }
    for (d, &di) in districts_nodes.iter().enumerate() {
        walk(di, d, &nodes, &mut places, &mut buildings);
    }
    if buildings.is_empty() {
        return problem(&root.key("places"), text!(SC_NO_BUILDING));
    }
    for n in &nodes {
        if n.level == Level::Compound && n.children.is_empty() {
            return problem(&n.path, text!(SC_COMPOUND_EMPTY, name = n.name));
        }
    }
    // Supplier districts: explicit ones hold a place index; map to district index.
    for s in &mut suppliers {
        if let Some(p) = s.district {
            if p < places.len() && places[p].level == Level::District && districts_nodes.len() > 1 {
                s.district = Some(places[p].district);
            } else if p < places.len() && places[p].level == Level::District {
                s.district = Some(0);
            }
        }
    }
    if specs.is_empty() {
        return problem(&root.key("stores"), text!(SC_NO_STORE));
    }
    if !suppliers.iter().any(|s| s.is_depot()) {
        return problem(&root.key("suppliers"), text!(SC_NO_DEPOT));
    }
    // Stores under each place (a store counts for its place and every ancestor).
    let mut under: Vec<Vec<usize>> = vec![Vec::new(); places.len()];
    for (si, s) in specs.iter().enumerate() {
        let mut p = Some(s.place);
        while let Some(x) = p {
            under[x].push(si);
            p = places[x].parent;
        }
    }
    // Each building shops at a store of its nearest enclosing place that
    // has one (spread over that place's stores), and tries up to two more,
    // nearest first, when its own is sealed or empty.
    let all: Vec<usize> = (0..specs.len()).collect();
    for (bi, b) in buildings.iter_mut().enumerate() {
        let mut picks: Vec<usize> = Vec::with_capacity(3);
        let mut p = places[b.place].parent;
        let lists = std::iter::from_fn(|| {
            let x = p?;
            p = places[x].parent;
            Some(&under[x])
        });
        for list in lists.chain(std::iter::once(&all)) {
            for k in 0..list.len() {
                let s = list[(bi + k) % list.len()];
                if !picks.contains(&s) {
                    picks.push(s);
                }
                if picks.len() == 3 {
                    break;
                }
            }
            if picks.len() == 3 {
                break;
            }
        }
        b.store = picks[0];
        for (slot, s) in b.next.iter_mut().zip(picks.iter().skip(1)) {
            *slot = *s as u32;
        }
    }
    let mut stores: Vec<m::Store> = specs
        .into_iter()
        .map(|s| m::Store {
            name: s.name,
            place: s.place,
            district: places[s.place].district,
            supplier: s.supplier,
            staff: s.staff,
            vans: s.vans,
            served: 0,
        })
        .collect();
    for b in &buildings {
        stores[b.store].served += u64::from(b.residents);
    }
    let population = buildings.iter().map(|b| u64::from(b.residents)).sum();
    Ok(m::City {
        places,
        districts: districts_nodes,
        buildings,
        stores,
        suppliers,
        population,
    })
}
