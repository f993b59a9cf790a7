//! `baogong validate`: check a scenario and print it as resolved.

use super::args::ValidateArgs;
use super::{Failure, parse_sets, print, source};
use baogong::i18n::{Lang, msg, names};
use baogong::model::config::{CountRule, Level, PerLevel};
use baogong::report::{
    scripted,
    table::{Align, Table},
};
use baogong::t;

pub(crate) fn validate(a: ValidateArgs, lang: Lang) -> Result<(), Failure> {
    let (src, file) = source(Some(&a.scenario), lang)?;
    let loaded = baogong::scenario::load_checked(&src, &file).map_err(|e| Failure::lib(e, lang))?;
    let sets = parse_sets(
        &a.sets,
        baogong::scenario::overrides::Command::Validate,
        lang,
    )?;
    let raw = loaded.raw;
    let (sc, warnings) = if sets.is_empty() {
        (loaded.scenario, loaded.warnings)
    } else {
        baogong::scenario::load_with_warnings(&src, &file, &sets, &loaded.warnings)
            .map_err(|e| Failure::lib(e, lang))?
    };
    // A [sweep] table is checked too: every setting must give a valid scenario.
    let sweep = match raw.sweep {
        Some(_) => Some(
            baogong::sweep::plan(&src, &file, &Default::default())
                .map_err(|e| Failure::lib(e, lang))?,
        ),
        None => None,
    };
    let mut o = String::new();
    push(&mut o, t!(lang, VALIDATE_OK, file = sc.source));
    for w in &warnings {
        push(&mut o, t!(lang, SCENARIO_WARNING, warning = w.render(lang)));
    }
    for w in sc.warnings() {
        push(&mut o, baogong::report::warning(lang, &w));
    }
    push(
        &mut o,
        t!(
            lang,
            VALIDATE_SCENARIO,
            name = sc.name,
            days = sc.days,
            seed = sc.seed
        ),
    );
    let c = &sc.city;
    let count = |l: Level| c.places.iter().filter(|p| p.level == l).count();
    push(
        &mut o,
        t!(
            lang,
            VALIDATE_CITY,
            population = c.population,
            districts = count(Level::District),
            streets = count(Level::Street),
            communities = count(Level::Community),
            compounds = count(Level::Compound),
            buildings = count(Level::Building),
            sites = count(Level::Site)
        ),
    );
    push(&mut o, t!(lang, VALIDATE_STORES, stores = c.stores.len()));
    let e = baogong::scenario::estimate::estimate(&sc);
    push(
        &mut o,
        t!(
            lang,
            VALIDATE_ESTIMATE,
            events = format!("{:.0}", e.events),
            mb = format!("{:.0}", e.bytes / 1e6)
        ),
    );
    push(&mut o, t!(lang, VALIDATE_SUPPLIERS));
    let mut suppliers = Table::with_header(
        vec![
            t!(lang, VALIDATE_COL_NAME),
            t!(lang, VALIDATE_COL_KIND),
            t!(lang, VALIDATE_COL_DISTRICT),
            t!(lang, VALIDATE_COL_STAFF),
            t!(lang, VALIDATE_COL_TRUCKS),
        ],
        vec![
            Align::Left,
            Align::Left,
            Align::Left,
            Align::Right,
            Align::Right,
        ],
    );
    for s in &c.suppliers {
        let d = s
            .district
            .map_or(msg::OUTSIDE_THE_CITY.get(lang).to_string(), |d| {
                c.places[c.districts[d]].name.clone()
            });
        suppliers.row([
            s.name.clone(),
            names::supplier_kind(lang, s.kind).to_string(),
            d,
            s.staff.to_string(),
            s.trucks.to_string(),
        ]);
    }
    o.push_str(&suppliers.render("  "));
    push(&mut o, t!(lang, VALIDATE_GOODS));
    let mut goods = Table::with_header(
        vec![
            t!(lang, VALIDATE_COL_KEY),
            t!(lang, VALIDATE_COL_LABEL),
            t!(lang, VALIDATE_COL_NEED),
            t!(lang, VALIDATE_COL_SHELF_LIFE),
            t!(lang, VALIDATE_COL_PRICE),
        ],
        vec![
            Align::Left,
            Align::Left,
            Align::Right,
            Align::Right,
            Align::Right,
        ],
    );
    for g in &sc.goods {
        goods.row([
            g.name.clone(),
            names::goods(lang, &g.name, &g.label_zh),
            g.need_kg.to_string(),
            g.shelf_life_days.to_string(),
            g.price.to_string(),
        ]);
    }
    o.push_str(&goods.render("  "));
    let p = &sc.plan;
    let rule = |r: &PerLevel<CountRule>| {
        let f = |x: &CountRule| {
            if x.min == x.max {
                x.min.to_string()
            } else {
                format!("{}-{}", x.min, x.max)
            }
        };
        [
            Level::Building,
            Level::Compound,
            Level::Community,
            Level::Street,
            Level::Site,
        ]
        .iter()
        .map(|&l| format!("{} {}", names::level(lang, l), f(r.get(l))))
        .collect::<Vec<_>>()
        .join(" / ")
    };
    let onoff = |b: bool| {
        if b {
            msg::ON.get(lang)
        } else {
            msg::OFF.get(lang)
        }
    };
    push(&mut o, t!(lang, VALIDATE_PLAN));
    push(
        &mut o,
        t!(
            lang,
            VALIDATE_PLAN_SUPPLIERS,
            rule = rule(&p.suppliers),
            per = p.people_per_supplier
        ),
    );
    push(
        &mut o,
        t!(
            lang,
            VALIDATE_PLAN_POINTS,
            rule = rule(&p.points),
            per = p.people_per_point
        ),
    );
    push(
        &mut o,
        t!(
            lang,
            VALIDATE_PLAN_DELAYS,
            decision = p.decision_delay_hours,
            setup = p.setup_delay_hours,
            riders = p.point_riders,
            open = p.point_open,
            close = p.point_close
        ),
    );
    push(
        &mut o,
        t!(
            lang,
            VALIDATE_PLAN_REPLENISH,
            normal = p.replenish_per_day,
            response = p.replenish_per_day_response,
            reorder = p.reorder_point_days
        ),
    );
    push(
        &mut o,
        t!(
            lang,
            VALIDATE_PLAN_GREEN,
            green = onoff(p.green_channel),
            saving = format!("{:.0}", p.green_channel_saving * 100.0),
            passes = onoff(p.vehicle_passes)
        ),
    );
    push(
        &mut o,
        t!(
            lang,
            VALIDATE_PLAN_TRANSFER,
            transfer = p.transfer_trigger_days,
            transfer_size = p.transfer_days,
            reserve = p.reserve_trigger_days,
            reserve_size = p.reserve_release_days
        ),
    );
    push(
        &mut o,
        t!(
            lang,
            VALIDATE_PLAN_PUBLICITY,
            panic = p.publicity_trigger_panic,
            delay = p.publicity_delay_hours
        ),
    );
    push(&mut o, t!(lang, VALIDATE_RESERVES));
    if sc.reserves.is_empty() {
        push(&mut o, format!("  {}", msg::NONE.get(lang)));
    }
    for r in &sc.reserves {
        let g = &sc.goods[r.category];
        push(
            &mut o,
            t!(
                lang,
                VALIDATE_RESERVE_TIER,
                name = r.name,
                kg = r.stock_kg,
                goods = names::goods(lang, &g.name, &g.label_zh),
                hours = r.latency_hours,
                cost = r.cost_per_kg
            ),
        );
    }
    push(&mut o, t!(lang, VALIDATE_EVENTS));
    for e in &sc.events {
        push(
            &mut o,
            format!(
                "  {}  {}",
                scripted::when(lang, e.at),
                scripted::describe(&sc, lang, &e.kind)
            ),
        );
    }
    if sc.events.is_empty() {
        push(&mut o, format!("  {}", msg::NONE.get(lang)));
    }
    if let Some(sw) = sweep {
        push(
            &mut o,
            t!(
                lang,
                VALIDATE_SWEEP,
                settings = sw.settings.len(),
                replications = sw.replications,
                baseline = sw.settings[sw.baseline].label
            ),
        );
        for s in &sw.settings {
            push(&mut o, format!("  {}", s.label));
        }
    }
    print(&o, lang)
}

fn push(o: &mut String, line: String) {
    o.push_str(&line);
    o.push('\n');
}
