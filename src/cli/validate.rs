//! `baogong validate`: check a scenario and print it as resolved.

use std::fmt::Write as _;

use super::args::ValidateArgs;
use super::{Failure, print, source};
use baogong::model::config::Level;

pub(crate) fn validate(a: ValidateArgs) -> Result<(), Failure> {
    let (src, file) = source(Some(&a.scenario))?;
    let raw = baogong::scenario::parse_raw(&src, &file)?;
    let sc = baogong::scenario::build_raw(&raw, &src, &file)?;
    // A [sweep] table is checked too: every setting must give a valid scenario.
    let sweep = match raw.sweep {
        Some(_) => Some(baogong::sweep::plan(&src, &file, &Default::default())?),
        None => None,
    };
    let mut o = String::new();
    let _ = writeln!(o, "{}: valid", sc.source);
    let _ = writeln!(
        o,
        "scenario `{}`: {} days, seed {}",
        sc.name, sc.days, sc.seed
    );
    let c = &sc.city;
    let count = |l: Level| c.places.iter().filter(|p| p.level == l).count();
    let _ = writeln!(
        o,
        "city: {} residents; {} districts, {} streets, {} communities, {} compounds, {} buildings, {} sites",
        c.population,
        count(Level::District),
        count(Level::Street),
        count(Level::Community),
        count(Level::Compound),
        count(Level::Building),
        count(Level::Site)
    );
    let _ = writeln!(o, "stores: {}; suppliers:", c.stores.len());
    for s in &c.suppliers {
        let d = s.district.map_or("outside the city".to_string(), |d| {
            c.places[c.districts[d]].name.clone()
        });
        let _ = writeln!(
            o,
            "  {} ({:?}, {d}, {} staff, {} trucks)",
            s.name, s.kind, s.staff, s.trucks
        );
    }
    let _ = writeln!(o, "goods:");
    for g in &sc.goods {
        let _ = writeln!(
            o,
            "  {} {}: {} kg/person/day, shelf life {} days, {} yuan/kg",
            g.name, g.label_zh, g.need_kg, g.shelf_life_days, g.price
        );
    }
    let p = &sc.plan;
    let rule = |r: &baogong::model::config::PerLevel<baogong::model::config::CountRule>| {
        let f = |x: &baogong::model::config::CountRule| {
            if x.min == x.max {
                x.min.to_string()
            } else {
                format!("{}-{}", x.min, x.max)
            }
        };
        format!(
            "building {} / compound {} / community {} / street {} / site {}",
            f(&r.building),
            f(&r.compound),
            f(&r.community),
            f(&r.street),
            f(&r.site)
        )
    };
    let _ = writeln!(o, "plan:");
    let _ = writeln!(
        o,
        "  suppliers designated: {} (one per {} residents within a range)",
        rule(&p.suppliers),
        p.people_per_supplier
    );
    let _ = writeln!(
        o,
        "  distribution points: {} (one per {} residents within a range)",
        rule(&p.points),
        p.people_per_point
    );
    let _ = writeln!(
        o,
        "  decision delay {} h, set-up delay {} h, {} riders per point, hours {}:00-{}:00",
        p.decision_delay_hours, p.setup_delay_hours, p.point_riders, p.point_open, p.point_close
    );
    let _ = writeln!(
        o,
        "  replenishment {}/day, {}/day in a response; reorder below {} days",
        p.replenish_per_day, p.replenish_per_day_response, p.reorder_point_days
    );
    let _ = writeln!(
        o,
        "  green channel {} (saves {:.0}% of checkpoint delay), vehicle passes {}",
        p.green_channel,
        p.green_channel_saving * 100.0,
        p.vehicle_passes
    );
    let _ = writeln!(
        o,
        "  transfer below {} days (size {} days); reserves below {} days (size {} days)",
        p.transfer_trigger_days, p.transfer_days, p.reserve_trigger_days, p.reserve_release_days
    );
    let _ = writeln!(
        o,
        "  publicity when panic > {} after {} h",
        p.publicity_trigger_panic, p.publicity_delay_hours
    );
    let _ = writeln!(o, "reserve tiers:");
    for r in &sc.reserves {
        let _ = writeln!(
            o,
            "  {}: {} kg of {}, {} h, {} yuan/kg",
            r.name, r.stock_kg, sc.goods[r.category].name, r.latency_hours, r.cost_per_kg
        );
    }
    let _ = writeln!(o, "events:");
    for e in &sc.events {
        let _ = writeln!(o, "  {}: {}", e.at, e.kind.describe(&sc));
    }
    if sc.events.is_empty() {
        let _ = writeln!(o, "  none");
    }
    if let Some(sw) = sweep {
        let _ = writeln!(
            o,
            "sweep: {} setting(s) × {} replications, baseline `{}`:",
            sw.settings.len(),
            sw.replications,
            sw.settings[sw.baseline].label
        );
        for s in &sw.settings {
            let _ = writeln!(o, "  {}", s.label);
        }
    }
    print(&o)
}
