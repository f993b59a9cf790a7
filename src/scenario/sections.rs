//! The sections of a scenario that stand alone: `[[goods]]`,
//! `[households]`, `[panic]`, `[store_rules]`, `[transport]`,
//! `[closures]`, `[plan]`, `[[reserves]]`, `[riders]`, `[monitoring]`,
//! `[costs]` and `[score]`, each checked value by value.
//!
//! Every builder notes each problem it finds in the [`Problems`] it is
//! given and goes on with a stand-in value; what it returns is only used
//! when no problem was found. The city and the events, which refer to
//! names, are in `generate.rs`, `listed.rs` and `events.rs`.

use super::check::{Problems, count_rule, per_level, share};
use super::locate::KeyPath;
use super::raw::*;
use crate::message;
use crate::model::config as m;

/// The six default categories, used when the file lists none.
pub(super) fn default_goods() -> Vec<RawGoods> {
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

/// `[[goods]]`, or the default categories.
pub(super) fn goods(ck: &mut Problems, raw: &RawScenario) -> Vec<m::Goods> {
    let list = match &raw.goods {
        None => default_goods(),
        Some(l) if l.is_empty() => {
            ck.at(&KeyPath::root().key("goods"), message!(SC_GOODS_EMPTY));
            return Vec::new();
        }
        Some(l) if l.len() > super::limits::MAX_GOODS => {
            ck.at(
                &KeyPath::root().key("goods").index(super::limits::MAX_GOODS),
                message!(
                    SC_TOO_MANY_ENTRIES,
                    n = l.len(),
                    max = super::limits::MAX_GOODS
                ),
            );
            return Vec::new();
        }
        Some(l) => l.clone(),
    };
    let mut out: Vec<m::Goods> = Vec::new();
    for (i, g) in list.iter().enumerate() {
        let gp = KeyPath::root().key("goods").index(i);
        if g.name.trim().is_empty() {
            ck.at(&gp.key("name"), message!(SC_NOT_EMPTY));
        }
        if out.iter().any(|o| o.name == g.name) {
            ck.at(&gp.key("name"), message!(SC_GOODS_TWICE, name = g.name));
        }
        out.push(m::Goods {
            name: g.name.clone(),
            label_zh: g.label_zh.clone(),
            need_kg: ck.positive(&gp.key("need_kg_per_person_day"), g.need_kg_per_person_day),
            shelf_life_days: ck.positive(&gp.key("shelf_life_days"), g.shelf_life_days),
            price: ck.non_negative(&gp.key("price_yuan_per_kg"), g.price_yuan_per_kg),
            pantry_life_days: match g.pantry_life_days {
                Some(d) => ck.positive(&gp.key("pantry_life_days"), d),
                None => g.shelf_life_days,
            },
        });
    }
    out
}

/// `[households]`.
pub(super) fn households(ck: &mut Problems, raw: &RawScenario) -> m::Households {
    let h = &raw.households;
    let hp = KeyPath::root().key("households");
    let households = m::Households {
        persons_per_household: ck
            .positive(&hp.key("persons_per_household"), h.persons_per_household),
        base_cover_days: ck.positive(&hp.key("base_cover_days"), h.base_cover_days),
        hoard_extra_days: ck.non_negative(&hp.key("hoard_extra_days"), h.hoard_extra_days),
        hoard_half_life_days: ck.positive(&hp.key("hoard_half_life_days"), h.hoard_half_life_days),
        initial_cover_days: h
            .initial_cover_days
            .map(|d| ck.non_negative(&hp.key("initial_cover_days"), d)),
        refill_per_day: ck.share(&hp.key("refill_per_day"), h.refill_per_day),
    };
    if h.refill_per_day == 0.0 {
        ck.at(&hp.key("refill_per_day"), message!(SC_REFILL_ZERO));
    }
    households
}

/// `[panic]`.
pub(super) fn panic(ck: &mut Problems, raw: &RawScenario) -> Option<m::PanicRules> {
    let p = &raw.panic;
    let pp = KeyPath::root().key("panic");
    let closure_push = per_level(
        ck,
        &pp.key("closure_push"),
        &p.closure_push,
        &RawPanic::default().closure_push,
        |k, v| share(k, *v),
    );
    Some(m::PanicRules {
        half_life_days: ck.positive(&pp.key("half_life_days"), p.half_life_days),
        closure_push: closure_push?,
        spill_share: ck.share(&pp.key("spill_share"), p.spill_share),
        empty_shelf_push_per_day: ck.non_negative(
            &pp.key("empty_shelf_push_per_day"),
            p.empty_shelf_push_per_day,
        ),
        rumours_per_day: ck.non_negative(&pp.key("rumours_per_day"), p.rumours_per_day),
        rumour_strength: ck.share(&pp.key("rumour_strength"), p.rumour_strength),
        publicity_cut: ck.share(&pp.key("publicity_cut"), p.publicity_cut),
        publicity_days: ck.positive(&pp.key("publicity_days"), p.publicity_days),
    })
}

/// `[store_rules]`.
pub(super) fn store_rules(ck: &mut Problems, raw: &RawScenario) -> m::StoreRules {
    let s = &raw.store_rules;
    let sp = KeyPath::root().key("store_rules");
    let open = ck.int_in(&sp.key("open_hour"), s.open_hour, 0, 23);
    let close = ck.int_in(&sp.key("close_hour"), s.close_hour, 1, 24);
    if close <= open && (0..=23).contains(&s.open_hour) && (1..=24).contains(&s.close_hour) {
        ck.at(
            &sp.key("close_hour"),
            message!(SC_CLOSE_AFTER_OPEN, open, close),
        );
    }
    m::StoreRules {
        open_hour: open,
        close_hour: close,
        sales_rounds: ck.int_in(
            &sp.key("sales_rounds_per_day"),
            s.sales_rounds_per_day,
            1,
            24,
        ),
        kg_per_staff_hour: ck.positive(&sp.key("kg_per_staff_hour"), s.kg_per_staff_hour),
        crowd_limit_low: ck.share(&sp.key("crowd_limit_low"), s.crowd_limit_low),
        crowd_limit_medium: ck.share(&sp.key("crowd_limit_medium"), s.crowd_limit_medium),
        online_share_medium: ck.share(&sp.key("online_share_medium"), s.online_share_medium),
        initial_stock_days: ck.non_negative(&sp.key("initial_stock_days"), s.initial_stock_days),
        target_stock_days: ck.positive(&sp.key("target_stock_days"), s.target_stock_days),
        warehouse_stock_days: ck
            .non_negative(&sp.key("warehouse_stock_days"), s.warehouse_stock_days),
    }
}

/// `[transport]`.
pub(super) fn transport(ck: &mut Problems, raw: &RawScenario) -> m::TransportRules {
    let t = &raw.transport;
    let tp = KeyPath::root().key("transport");
    m::TransportRules {
        truck_capacity_kg: ck.positive(&tp.key("truck_capacity_kg"), t.truck_capacity_kg),
        van_capacity_kg: ck.positive(&tp.key("van_capacity_kg"), t.van_capacity_kg),
        travel_local: ck.dist(&tp.key("travel_hours_local"), &t.travel_hours_local),
        travel_cross: ck.dist(&tp.key("travel_hours_cross"), &t.travel_hours_cross),
        checkpoint_delay: ck.dist(&tp.key("checkpoint_delay_hours"), &t.checkpoint_delay_hours),
        pass_delay_hours: ck.non_negative(&tp.key("pass_delay_hours"), t.pass_delay_hours),
        trip_cost: ck.non_negative(&tp.key("trip_cost_yuan"), t.trip_cost_yuan),
        warehouse_kg_per_staff_day: ck.positive(
            &tp.key("warehouse_kg_per_staff_day"),
            t.warehouse_kg_per_staff_day,
        ),
        stop_hours: ck.non_negative(&tp.key("stop_hours"), t.stop_hours),
        route_hours: ck.positive(&tp.key("route_hours"), t.route_hours),
    }
}

/// `[closures]`.
pub(super) fn closures(ck: &mut Problems, raw: &RawScenario) -> Option<m::ClosureRules> {
    let c = &raw.closures;
    let cp = KeyPath::root().key("closures");
    let duration_days = per_level(
        ck,
        &cp.key("duration_days"),
        &c.duration_days,
        &RawClosures::default().duration_days,
        super::check::dist,
    );
    let escalation_per_day = per_level(
        ck,
        &cp.key("escalation_per_day"),
        &c.escalation_per_day,
        &RawClosures::default().escalation_per_day,
        |k, v| super::check::non_negative(k, *v),
    );
    let new_buildings_per_day =
        ck.non_negative(&cp.key("new_buildings_per_day"), c.new_buildings_per_day);
    Some(m::ClosureRules {
        duration_days: duration_days?,
        escalation_per_day: escalation_per_day?,
        new_buildings_per_day,
    })
}

/// `[plan]`.
pub(super) fn plan(ck: &mut Problems, raw: &RawScenario) -> Option<m::Plan> {
    let p = &raw.plan;
    let pp = KeyPath::root().key("plan");
    let po = ck.ok(super::check::int_in(
        &pp.key("point_hours").index(0),
        p.point_hours[0],
        0,
        23,
    ));
    let pc = ck.ok(super::check::int_in(
        &pp.key("point_hours").index(1),
        p.point_hours[1],
        1,
        24,
    ));
    if let (Some(po), Some(pc)) = (po, pc)
        && pc <= po
    {
        ck.at(&pp.key("point_hours"), message!(SC_POINT_HOURS, pc, po));
    }
    let suppliers = per_level(
        ck,
        &pp.key("suppliers"),
        &p.suppliers,
        &RawPlan::default().suppliers,
        count_rule,
    );
    let points = per_level(
        ck,
        &pp.key("points"),
        &p.points,
        &RawPlan::default().points,
        count_rule,
    );
    Some(m::Plan {
        suppliers: suppliers?,
        people_per_supplier: ck.positive(&pp.key("people_per_supplier"), p.people_per_supplier),
        points: points?,
        people_per_point: ck.positive(&pp.key("people_per_point"), p.people_per_point),
        decision_delay_hours: ck
            .non_negative(&pp.key("decision_delay_hours"), p.decision_delay_hours),
        setup_delay_hours: ck.non_negative(&pp.key("setup_delay_hours"), p.setup_delay_hours),
        point_riders: ck.int_in(&pp.key("point_riders"), p.point_riders, 1, 10_000) as u32,
        outside_riders: p.outside_riders,
        outside_riders_hours: ck
            .non_negative(&pp.key("outside_riders_hours"), p.outside_riders_hours),
        point_open: po?,
        point_close: pc?,
        order_interval_days: ck.positive(&pp.key("order_interval_days"), p.order_interval_days),
        point_cover_days: ck.positive(&pp.key("point_cover_days"), p.point_cover_days),
        replenish_per_day: ck.int_in(&pp.key("replenish_per_day"), p.replenish_per_day, 1, 24)
            as u32,
        replenish_per_day_response: ck.int_in(
            &pp.key("replenish_per_day_response"),
            p.replenish_per_day_response,
            1,
            24,
        ) as u32,
        reorder_point_days: ck.non_negative(&pp.key("reorder_point_days"), p.reorder_point_days),
        response_panic: ck.share(&pp.key("response_panic"), p.response_panic),
        green_channel: p.green_channel,
        green_channel_saving: ck.share(&pp.key("green_channel_saving"), p.green_channel_saving),
        vehicle_passes: p.vehicle_passes,
        transfer_trigger_days: ck
            .non_negative(&pp.key("transfer_trigger_days"), p.transfer_trigger_days),
        transfer_days: ck.non_negative(&pp.key("transfer_days"), p.transfer_days),
        reserve_trigger_days: ck
            .non_negative(&pp.key("reserve_trigger_days"), p.reserve_trigger_days),
        reserve_release_days: ck
            .non_negative(&pp.key("reserve_release_days"), p.reserve_release_days),
        publicity_trigger_panic: ck.share(
            &pp.key("publicity_trigger_panic"),
            p.publicity_trigger_panic,
        ),
        publicity_delay_hours: ck
            .non_negative(&pp.key("publicity_delay_hours"), p.publicity_delay_hours),
    })
}

/// `[[reserves]]`, whose categories must be among `goods`.
pub(super) fn reserves(
    ck: &mut Problems,
    raw: &RawScenario,
    goods: &[m::Goods],
) -> Vec<m::ReserveTier> {
    let mut reserves = Vec::new();
    for (i, r) in raw.reserves.iter().enumerate() {
        let rp = KeyPath::root().key("reserves").index(i);
        let category = goods.iter().position(|g| g.name == r.category);
        // With no goods (a problem already noted) there is nothing to match.
        if category.is_none() && !goods.is_empty() {
            ck.at(&rp.key("category"), unknown_goods(&r.category, goods));
        }
        reserves.push(m::ReserveTier {
            name: r.name.clone(),
            category: category.unwrap_or(0),
            stock_kg: ck.non_negative(&rp.key("stock_kg"), r.stock_kg),
            latency_hours: ck.non_negative(&rp.key("latency_hours"), r.latency_hours),
            cost_per_kg: ck.non_negative(&rp.key("cost_yuan_per_kg"), r.cost_yuan_per_kg),
        });
    }
    reserves
}

/// "Unknown goods category", with the categories there are and the
/// nearest of them.
fn unknown_goods(name: &str, goods: &[m::Goods]) -> super::Message {
    let names: Vec<&str> = goods.iter().map(|g| g.name.as_str()).collect();
    let mean = super::suggest::nearest(name, names.iter().copied());
    super::suggest::with_hint(
        message!(SC_UNKNOWN_GOODS, name, names = names.join(", ")),
        mean,
    )
}

/// `[riders]`.
pub(super) fn riders(ck: &mut Problems, raw: &RawScenario) -> m::RiderRules {
    let rr = &raw.riders;
    let rp = KeyPath::root().key("riders");
    m::RiderRules {
        per_10k: ck.non_negative(&rp.key("per_10k_residents"), rr.per_10k_residents),
        orders_per_rider_per_day: ck.positive(
            &rp.key("orders_per_rider_per_day"),
            rr.orders_per_rider_per_day,
        ),
        kg_per_order: ck.positive(&rp.key("kg_per_order"), rr.kg_per_order),
    }
}

/// `[monitoring]`.
pub(super) fn monitoring(ck: &mut Problems, raw: &RawScenario) -> m::MonitoringRules {
    let mo = &raw.monitoring;
    let mp = KeyPath::root().key("monitoring");
    let monitoring = m::MonitoringRules {
        report_hour: ck.int_in(&mp.key("report_hour"), mo.report_hour, 0, 23),
        late_probability: ck.share(&mp.key("late_probability"), mo.late_probability),
        missing_probability: ck.share(&mp.key("missing_probability"), mo.missing_probability),
    };
    if monitoring.late_probability + monitoring.missing_probability > 1.0 {
        ck.at(&mp.key("missing_probability"), message!(SC_LATE_MISSING));
    }
    monitoring
}

/// `[costs]`.
pub(super) fn costs(ck: &mut Problems, raw: &RawScenario) -> m::CostRules {
    let co = &raw.costs;
    let cop = KeyPath::root().key("costs");
    let before = ck.len();
    for (i, v) in co.split.iter().enumerate() {
        ck.non_negative(&cop.key("split").index(i), *v);
    }
    let total: f64 = co.split.iter().sum();
    if ck.len() == before && total <= 0.0 {
        ck.at(&cop.key("split"), message!(SC_SPLIT_ZERO));
    }
    let total = if total > 0.0 { total } else { 1.0 };
    m::CostRules {
        split: [
            co.split[0] / total,
            co.split[1] / total,
            co.split[2] / total,
        ],
        transfer_subsidy: ck.non_negative(
            &cop.key("transfer_subsidy_yuan_per_kg"),
            co.transfer_subsidy_yuan_per_kg,
        ),
        door_delivery: ck.non_negative(
            &cop.key("door_delivery_yuan_per_order"),
            co.door_delivery_yuan_per_order,
        ),
        compensation_share: ck.share(&cop.key("compensation_share"), co.compensation_share),
    }
}

/// `[score]`.
pub(super) fn score(ck: &mut Problems, raw: &RawScenario) -> m::ScoreWeights {
    let sc = &raw.score;
    let scp = KeyPath::root().key("score");
    m::ScoreWeights {
        shortage_person_days: ck
            .non_negative(&scp.key("shortage_person_days"), sc.shortage_person_days),
        hours_to_first_goods: ck
            .non_negative(&scp.key("hours_to_first_goods"), sc.hours_to_first_goods),
        stockout_hours: ck.non_negative(&scp.key("stockout_hours"), sc.stockout_hours),
        peak_panic: ck.non_negative(&scp.key("peak_panic"), sc.peak_panic),
        cost_10k_yuan: ck.non_negative(&scp.key("cost_10k_yuan"), sc.cost_10k_yuan),
        spoilage_tonnes: ck.non_negative(&scp.key("spoilage_tonnes"), sc.spoilage_tonnes),
    }
}
