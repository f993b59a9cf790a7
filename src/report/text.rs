//! The readable report of one run, in English or Chinese.
//!
//! [`text`] is a function of the scenario, the result and the language
//! only (the drill's after-action report builds on it); [`text_with`] also
//! takes [`TextOptions`]. Sections, in order: the run, the timeline, the
//! injected events, the stock-outs, the closures (every one, or when there
//! are many a summary per level and the worst few), the city week by week,
//! the outcomes per goods category, the costs, the score, monitoring and
//! the conservation of goods. Every table is laid out by display width
//! ([`super::table`]); every word comes from the message catalogue.

use std::collections::BTreeMap;
use std::fmt::Write as _;

use super::scripted::{self, when_h};
use super::table::{Align, Table, truncate, wrap};
use crate::i18n::{Lang, msg, names};
use crate::model::config::Warning;
use crate::model::metrics::{ClosureRow, Happening};
use crate::model::score::Term;
use crate::model::{RunResult, Scenario};
use crate::t;

/// Closures listed one by one without `--all`; beyond, a summary per level
/// and the worst [`WORST_CLOSURES`].
pub const MAX_CLOSURES: usize = 12;

/// Closures listed after the summary per level when there are many.
pub const WORST_CLOSURES: usize = 8;

/// Lines of the timeline (and of the injected events and stock-outs)
/// shown without `--all`.
pub const MAX_LINES: usize = 40;

/// Widest place name in the closures table [terminal columns].
const PLACE_WIDTH: usize = 28;

/// How much the report lists.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct TextOptions {
    /// Every closure and every line of the timeline, however many (`run
    /// --all`). By default, when there are many closures, a summary per
    /// level and the worst few; the first lines of the timeline.
    pub all_closures: bool,
}

/// The readable report of one run in `lang`.
pub fn text(sc: &Scenario, r: &RunResult, lang: Lang) -> String {
    text_with(sc, r, lang, TextOptions::default())
}

/// The scenario's description in `lang`: a shipped scenario's Chinese
/// description from the catalogue when its text is the shipped one, else
/// the file's own words.
pub fn description(name: &str, written: &str, lang: Lang) -> String {
    let zh = match name {
        "default" => Some(msg::DESC_DEFAULT),
        "building_to_street" => Some(msg::DESC_BUILDING_TO_STREET),
        "panic_buying" => Some(msg::DESC_PANIC_BUYING),
        "shanghai" => Some(msg::DESC_SHANGHAI),
        "site_closure" => Some(msg::DESC_SITE_CLOSURE),
        "supplier_rules" => Some(msg::DESC_SUPPLIER_RULES),
        "tiny" => Some(msg::DESC_TINY),
        "tiny_quiet" => Some(msg::DESC_TINY_QUIET),
        _ => None,
    };
    match zh {
        Some(m) if lang == Lang::Zh && m.en.trim() == written.trim() => m.zh.to_string(),
        _ => written.trim().to_string(),
    }
}

/// The readable report of one run in `lang`, listing as `opts` says.
pub fn text_with(sc: &Scenario, r: &RunResult, lang: Lang, opts: TextOptions) -> String {
    let mut o = String::new();
    line(
        &mut o,
        t!(
            lang,
            REPORT_TITLE,
            scenario = r.scenario,
            days = r.days,
            seed = r.seed,
            replication = r.replication
        ),
    );
    let d = description(&sc.name, &sc.description, lang);
    if !d.is_empty() {
        line(&mut o, d);
    }
    line(
        &mut o,
        t!(
            lang,
            REPORT_CITY,
            residents = thousands(r.population),
            buildings = thousands(r.buildings as u64),
            stores = r.stores,
            suppliers = sc.city.suppliers.len(),
            events = thousands(r.events)
        ),
    );

    timeline(&mut o, sc, r, lang, opts);
    injected(&mut o, sc, r, lang, opts);
    stockouts(&mut o, sc, r, lang, opts);
    closures(&mut o, r, lang, opts);
    city_by_week(&mut o, r, lang);
    categories(&mut o, r, lang);
    costs(&mut o, r, lang);
    score(&mut o, sc, r, lang);

    line(&mut o, String::new());
    line(
        &mut o,
        t!(
            lang,
            REPORT_MONITORING,
            on_time = thousands(r.reports.on_time),
            late = thousands(r.reports.late),
            missing = thousands(r.reports.missing)
        ),
    );
    let residual: u128 = r.balance.iter().map(|b| b.residual().unsigned_abs()).sum();
    line(
        &mut o,
        if residual == 0 {
            t!(lang, REPORT_CONSERVED)
        } else {
            t!(lang, REPORT_NOT_CONSERVED, grams = residual)
        },
    );
    for b in &r.invariant_breaches {
        line(&mut o, t!(lang, REPORT_INVARIANT_BROKEN, breach = b));
    }
    o
}

fn line(o: &mut String, s: String) {
    o.push_str(&s);
    o.push('\n');
}

fn heading(o: &mut String, s: String) {
    o.push('\n');
    line(o, s);
}

/// Width of the notes under tables [terminal columns].
const NOTE_WIDTH: usize = 96;

/// A note under a table, indented and wrapped.
fn note(o: &mut String, s: String) {
    for (i, l) in wrap(&s, NOTE_WIDTH).iter().enumerate() {
        let _ = writeln!(o, "{}{l}", if i == 0 { "  " } else { "   " });
    }
}

/// The label of a goods category given by its key.
fn goods(sc: &Scenario, lang: Lang, key: &str) -> String {
    match sc.goods.iter().find(|g| g.name == key) {
        Some(g) => names::goods(lang, &g.name, &g.label_zh),
        None => key.to_string(),
    }
}

/// A mass: tonnes from one tonne up, kilograms below.
fn mass(lang: Lang, kg: f64) -> String {
    if kg >= 1_000.0 {
        format!("{} {}", dec(kg / 1e3, 1), msg::UNIT_TONNES.get(lang))
    } else {
        format!("{kg:.0} {}", msg::UNIT_KG.get(lang))
    }
}

/// A warning about a scenario, in words.
pub fn warning(lang: Lang, w: &Warning) -> String {
    match w {
        Warning::StoreWithoutShoppers { store, place } => {
            t!(lang, WARN_STORE_NO_SHOPPERS, store, place)
        }
    }
}

/// A line of the timeline in words.
pub fn happening(sc: &Scenario, lang: Lang, h: &Happening) -> String {
    let district = |d: &Option<String>| names::district_or_city(lang, d.as_deref());
    match h {
        Happening::Sealed {
            place,
            level,
            cause,
            residents,
            absorbed,
            ..
        } => {
            let mut s = t!(
                lang,
                TL_SEALED,
                level = names::level_key(lang, level),
                place,
                cause = names::cause(lang, cause),
                residents
            );
            if !absorbed.is_empty() {
                let ids: Vec<String> = absorbed.iter().map(|a| a.to_string()).collect();
                s.push_str(&t!(
                    lang,
                    TL_ABSORBS,
                    ids = ids.join(msg::LIST_SEP.get(lang))
                ));
            }
            s
        }
        Happening::Designated { place, stores, .. } => t!(
            lang,
            TL_DESIGNATED,
            n = stores.len(),
            place,
            stores = stores.join(msg::LIST_SEP.get(lang))
        ),
        Happening::PointsOpened {
            place,
            points,
            riders,
            riders_wanted,
            ..
        } => {
            let mut s = t!(lang, TL_POINTS_OPENED, points, place, riders);
            if riders < riders_wanted {
                s.push_str(&t!(lang, TL_RIDERS_WANTED, wanted = riders_wanted));
            }
            s
        }
        Happening::FirstGoods { place, .. } => t!(lang, TL_FIRST_GOODS, place),
        Happening::RidersCalled { place, riders, .. } => t!(lang, TL_RIDERS_CALLED, riders, place),
        Happening::Reopened { place, level, .. } => t!(
            lang,
            TL_REOPENED,
            level = names::level_key(lang, level),
            place
        ),
        Happening::Transfer { category, kg } => t!(
            lang,
            TL_TRANSFER,
            mass = mass(lang, *kg),
            goods = goods(sc, lang, category)
        ),
        Happening::ReserveRelease { category, kg, tier } => t!(
            lang,
            TL_RESERVE_RELEASE,
            mass = mass(lang, *kg),
            goods = goods(sc, lang, category),
            tier
        ),
        Happening::PublicityOrdered { peak_panic } => t!(
            lang,
            TL_PUBLICITY_ORDERED,
            panic = format!("{peak_panic:.2}")
        ),
        Happening::Publicity { cut } => {
            t!(lang, TL_PUBLICITY, cut = format!("{:.0}", cut * 100.0))
        }
        Happening::Rumour {
            district: d,
            strength,
        } => t!(
            lang,
            EV_RUMOUR,
            place = district(d),
            strength = format!("{strength:.2}")
        ),
        Happening::Injected { index, event } => match sc.events.get(*index as usize) {
            Some(e) => t!(
                lang,
                TL_INJECTED,
                what = scripted::describe(sc, lang, &e.kind)
            ),
            None => t!(lang, TL_INJECTED, what = event),
        },
        Happening::StockoutStarted { district, category } => t!(
            lang,
            TL_STOCKOUT_STARTED,
            goods = goods(sc, lang, category),
            district
        ),
        Happening::StockoutEnded { district, category } => t!(
            lang,
            TL_STOCKOUT_ENDED,
            goods = goods(sc, lang, category),
            district
        ),
        Happening::PanicJump {
            district: d,
            from,
            to,
        } => t!(
            lang,
            TL_PANIC_JUMP,
            place = district(d),
            from = format!("{from:.2}"),
            to = format!("{to:.2}")
        ),
    }
}

fn timeline(o: &mut String, sc: &Scenario, r: &RunResult, lang: Lang, opts: TextOptions) {
    heading(o, t!(lang, REPORT_TIMELINE));
    let max = if opts.all_closures {
        usize::MAX
    } else {
        MAX_LINES
    };
    for d in r.timeline.iter().take(max) {
        let _ = writeln!(
            o,
            "  {}  {}",
            when_h(lang, d.at_h),
            happening(sc, lang, &d.what)
        );
    }
    if r.timeline.len() > max {
        note(o, t!(lang, REPORT_MORE_LINES, n = r.timeline.len() - max));
    }
    if r.timeline.is_empty() {
        note(o, t!(lang, REPORT_NOTHING_HAPPENED));
    }
}

fn injected(o: &mut String, sc: &Scenario, r: &RunResult, lang: Lang, opts: TextOptions) {
    heading(o, t!(lang, REPORT_INJECTED));
    let entries: Vec<_> = r
        .timeline
        .iter()
        .filter_map(|d| match d.what {
            Happening::Injected { index, .. } => Some((d.at_h, index)),
            _ => None,
        })
        .collect();
    if entries.is_empty() {
        note(o, t!(lang, REPORT_NO_INJECTED));
        return;
    }
    let max = if opts.all_closures {
        usize::MAX
    } else {
        MAX_LINES
    };
    for (at_h, index) in entries.iter().take(max) {
        let what = sc.events.get(*index as usize).map_or_else(
            || format!("#{index}"),
            |e| scripted::describe(sc, lang, &e.kind),
        );
        let _ = writeln!(o, "  {}  {what}", when_h(lang, *at_h));
    }
    if entries.len() > max {
        note(o, t!(lang, REPORT_MORE_LINES, n = entries.len() - max));
    }
}

fn stockouts(o: &mut String, sc: &Scenario, r: &RunResult, lang: Lang, opts: TextOptions) {
    heading(o, t!(lang, REPORT_STOCKOUTS));
    // Spells of empty shelves per (district, category): start, end.
    let mut open: BTreeMap<(String, String), f64> = BTreeMap::new();
    let mut spells: Vec<(String, String, f64, Option<f64>)> = Vec::new();
    for d in &r.timeline {
        match &d.what {
            Happening::StockoutStarted { district, category } => {
                open.insert((district.clone(), category.clone()), d.at_h);
            }
            Happening::StockoutEnded { district, category } => {
                if let Some(s) = open.remove(&(district.clone(), category.clone())) {
                    spells.push((district.clone(), category.clone(), s, Some(d.at_h)));
                }
            }
            _ => {}
        }
    }
    for ((district, category), s) in open {
        spells.push((district, category, s, None));
    }
    spells.sort_by(|a, b| a.2.total_cmp(&b.2).then(a.0.cmp(&b.0)).then(a.1.cmp(&b.1)));
    if spells.is_empty() {
        note(o, t!(lang, REPORT_NO_STOCKOUTS));
        return;
    }
    let horizon_h = f64::from(r.days) * 24.0;
    let hours = |s: &(String, String, f64, Option<f64>)| s.3.unwrap_or(horizon_h) - s.2;
    let max = if opts.all_closures {
        usize::MAX
    } else {
        MAX_LINES / 2
    };
    let shown: Vec<&(String, String, f64, Option<f64>)> = if spells.len() > max {
        let mut longest: Vec<&_> = spells.iter().collect();
        longest.sort_by(|a, b| hours(b).total_cmp(&hours(a)));
        longest.truncate(max);
        longest.sort_by(|a, b| a.2.total_cmp(&b.2));
        longest
    } else {
        spells.iter().collect()
    };
    let mut tb = Table::with_header(
        vec![
            t!(lang, COL_DISTRICT),
            t!(lang, COL_GOODS),
            t!(lang, COL_EMPTY_FROM),
            t!(lang, COL_EMPTY_UNTIL),
            t!(lang, COL_HOURS),
        ],
        vec![
            Align::Left,
            Align::Left,
            Align::Left,
            Align::Left,
            Align::Right,
        ],
    );
    for s in &shown {
        tb.row([
            s.0.clone(),
            goods(sc, lang, &s.1),
            when_h(lang, s.2),
            s.3.map_or_else(|| t!(lang, STILL_EMPTY), |e| when_h(lang, e)),
            format!("{:.1}", hours(s)),
        ]);
    }
    o.push_str(&tb.render("  "));
    note(o, t!(lang, REPORT_STOCKOUTS_NOTE));
    if spells.len() > shown.len() {
        note(
            o,
            t!(
                lang,
                REPORT_STOCKOUTS_LONGEST,
                shown = shown.len(),
                all = spells.len()
            ),
        );
    }
}

/// The day number (1 = the first) of an hour since the start, one decimal.
fn day_of(h: f64) -> String {
    format!("{:.1}", h / 24.0 + 1.0)
}

fn closure_table(rows: &[&ClosureRow], lang: Lang) -> Table {
    let mut tb = Table::with_header(
        vec![
            t!(lang, COL_NO),
            t!(lang, COL_LEVEL),
            t!(lang, COL_PLACE),
            t!(lang, COL_RESIDENTS),
            t!(lang, COL_SEALED_DAY),
            t!(lang, COL_ENDED_DAY),
            t!(lang, COL_SUPPLIERS),
            t!(lang, COL_POINTS),
            t!(lang, COL_FIRST_GOODS_H),
            t!(lang, COL_ORDERS_SERVED),
            t!(lang, COL_MEAN_WAIT_H),
            t!(lang, COL_SHORTAGE),
        ],
        vec![
            Align::Right,
            Align::Left,
            Align::Left,
            Align::Right,
            Align::Right,
            Align::Right,
            Align::Right,
            Align::Right,
            Align::Right,
            Align::Right,
            Align::Right,
            Align::Right,
        ],
    );
    for c in rows {
        let end = match (c.end_h, c.escalated_to) {
            (Some(e), Some(to)) => t!(lang, ENDED_ABSORBED, day = day_of(e), id = to),
            (Some(e), None) => day_of(e),
            (None, _) => t!(lang, STILL_SEALED),
        };
        tb.row([
            c.id.to_string(),
            names::level_key(lang, c.level),
            truncate(&c.place, PLACE_WIDTH),
            thousands(c.residents),
            day_of(c.start_h),
            end,
            c.suppliers.to_string(),
            c.points.to_string(),
            c.hours_to_first_goods
                .map_or_else(|| t!(lang, NONE_ARRIVED), |h| format!("{h:.1}")),
            thousands(c.orders_served),
            format!("{:.2}", c.mean_wait_h),
            thousands(c.shortage_person_days.round().max(0.0) as u64),
        ]);
    }
    tb
}

fn closures(o: &mut String, r: &RunResult, lang: Lang, opts: TextOptions) {
    heading(o, t!(lang, CLOSURES_HEADING));
    if r.closures.is_empty() {
        note(o, msg::NONE.get(lang).to_string());
        return;
    }
    let all: Vec<&ClosureRow> = r.closures.iter().collect();
    if opts.all_closures || all.len() <= MAX_CLOSURES {
        o.push_str(&closure_table(&all, lang).render("  "));
    } else {
        // A summary per level, smallest level first.
        const LEVELS: [&str; 5] = ["building", "compound", "community", "street", "site"];
        let mut levels: Vec<&str> = LEVELS.to_vec();
        for c in &r.closures {
            if !levels.contains(&c.level) {
                levels.push(c.level);
            }
        }
        let mut tb = Table::with_header(
            vec![
                t!(lang, COL_LEVEL),
                t!(lang, COL_CLOSURES),
                t!(lang, COL_RESIDENTS),
                t!(lang, COL_STILL_SEALED),
                t!(lang, COL_MEAN_FIRST_GOODS_H),
                t!(lang, COL_NO_GOODS),
                t!(lang, COL_ORDERS_SERVED),
                t!(lang, COL_SHORTAGE),
            ],
            vec![
                Align::Left,
                Align::Right,
                Align::Right,
                Align::Right,
                Align::Right,
                Align::Right,
                Align::Right,
                Align::Right,
            ],
        );
        for l in levels {
            let cs: Vec<&ClosureRow> = all.iter().copied().filter(|c| c.level == l).collect();
            if cs.is_empty() {
                continue;
            }
            let got: Vec<f64> = cs.iter().filter_map(|c| c.hours_to_first_goods).collect();
            let mean_first = if got.is_empty() {
                "-".to_string()
            } else {
                format!("{:.1}", got.iter().sum::<f64>() / got.len() as f64)
            };
            tb.row([
                names::level_key(lang, l),
                thousands(cs.len() as u64),
                thousands(cs.iter().map(|c| c.residents).sum()),
                thousands(cs.iter().filter(|c| c.end_h.is_none()).count() as u64),
                mean_first,
                thousands(
                    cs.iter()
                        .filter(|c| c.hours_to_first_goods.is_none() && c.escalated_to.is_none())
                        .count() as u64,
                ),
                thousands(cs.iter().map(|c| c.orders_served).sum()),
                format!(
                    "{:.0}",
                    cs.iter().map(|c| c.shortage_person_days).sum::<f64>()
                ),
            ]);
        }
        o.push_str(&tb.render("  "));
        note(o, t!(lang, CLOSURES_SUMMARY_NOTE, n = all.len()));
        // The worst: most shortage, then the longest wait for goods (none
        // at all is worst), then the most residents.
        let mut worst = all.clone();
        let first = |c: &ClosureRow| c.hours_to_first_goods.unwrap_or(f64::INFINITY);
        worst.sort_by(|a, b| {
            b.shortage_person_days
                .total_cmp(&a.shortage_person_days)
                .then(first(b).total_cmp(&first(a)))
                .then(b.residents.cmp(&a.residents))
                .then(a.id.cmp(&b.id))
        });
        worst.truncate(WORST_CLOSURES);
        worst.sort_by_key(|c| c.id);
        line(o, String::new());
        note(o, t!(lang, CLOSURES_WORST, n = worst.len()));
        o.push_str(&closure_table(&worst, lang).render("  "));
    }
    note(o, t!(lang, CLOSURES_NOTE));
}

/// The city's daily series by week, all categories together.
fn city_by_week(o: &mut String, r: &RunResult, lang: Lang) {
    let days = r.days as usize;
    if days == 0 {
        return;
    }
    let mut need = vec![0.0; days];
    let mut sales = vec![0.0; days];
    let mut point = vec![0.0; days];
    let mut unmet = vec![0.0; days];
    let mut stock = vec![0.0; days];
    let mut panic = vec![0.0; days];
    for d in r.daily.iter().filter(|d| d.level == "city") {
        let i = d.day as usize - 1;
        if i < days {
            need[i] += d.need_kg;
            sales[i] += d.sales_kg;
            point[i] += d.point_kg;
            unmet[i] += d.unmet_kg;
            stock[i] += d.store_stock_kg;
            panic[i] = d.panic;
        }
    }
    heading(o, t!(lang, WEEK_HEADING));
    let mut tb = Table::with_header(
        vec![
            t!(lang, COL_DAYS),
            t!(lang, COL_SALES_OVER_NEED),
            t!(lang, COL_POINTS_T),
            t!(lang, COL_UNMET_T),
            t!(lang, COL_STOCK_DAYS),
            t!(lang, COL_MIDNIGHT_PANIC),
        ],
        vec![Align::Left; 1]
            .into_iter()
            .chain(vec![Align::Right; 5])
            .collect(),
    );
    for start in (0..days).step_by(7) {
        let end = (start + 7).min(days);
        let sum = |v: &[f64]| v[start..end].iter().sum::<f64>();
        let n = sum(&need).max(1e-9);
        let last = end - 1;
        let peak = panic[start..end].iter().cloned().fold(0.0, f64::max);
        tb.row([
            format!("{}-{}", start + 1, end),
            format!("{:.2}", sum(&sales) / n),
            dec(sum(&point) / 1e3, 1),
            dec(sum(&unmet) / 1e3, 2),
            format!("{:.1}", stock[last] / need[last].max(1e-9)),
            format!("{peak:.2}"),
        ]);
    }
    o.push_str(&tb.render("  "));
    note(o, t!(lang, WEEK_NOTE_STOCK));
    note(
        o,
        t!(
            lang,
            WEEK_NOTE_PANIC,
            peak = format!("{:.2}", r.outcomes.peak_panic)
        ),
    );
}

fn categories(o: &mut String, r: &RunResult, lang: Lang) {
    heading(o, t!(lang, CATEGORIES_HEADING));
    let mut tb = Table::with_header(
        vec![
            t!(lang, COL_GOODS),
            t!(lang, COL_NEED_T),
            t!(lang, COL_UNMET_T),
            t!(lang, COL_SHORTAGE),
            t!(lang, COL_STOCKOUT_H),
            t!(lang, COL_PEAK_SALES),
            t!(lang, COL_SPOILED_T),
            t!(lang, COL_SPOILED_SHARE),
            t!(lang, COL_RESERVE_T),
            t!(lang, COL_TRANSFER_T),
        ],
        vec![Align::Left]
            .into_iter()
            .chain(vec![Align::Right; 9])
            .collect(),
    );
    let mut spoiled = 0.0;
    let mut through = 0.0;
    for (i, c) in r.categories.iter().enumerate() {
        // What passed through the supply chain: the stock at the start
        // plus production, transfers and releases during the run.
        let passed = r
            .balance
            .get(i)
            .map_or(0.0, |b| (b.initial_g + b.inflow_g) as f64 / 1e3);
        spoiled += c.spoiled_kg;
        through += passed;
        let share = if passed > 0.0 {
            format!("{:.1}%", 100.0 * c.spoiled_kg / passed)
        } else {
            "-".to_string()
        };
        tb.row([
            names::goods(lang, &c.category, &c.label_zh),
            dec(c.need_kg / 1e3, 1),
            dec(c.unmet_kg / 1e3, 2),
            dec(c.shortage_person_days, 0),
            dec(c.stockout_hours, 0),
            format!("{:.2}", c.peak_sales_ratio),
            dec(c.spoiled_kg / 1e3, 1),
            share,
            dec(c.reserve_released_kg / 1e3, 1),
            dec(c.transferred_kg / 1e3, 1),
        ]);
    }
    o.push_str(&tb.render("  "));
    note(o, t!(lang, CATEGORIES_NOTE));
    if through > 0.0 {
        note(
            o,
            t!(
                lang,
                SPOILAGE_NOTE,
                spoiled = mass(lang, spoiled),
                share = format!("{:.1}", 100.0 * spoiled / through),
                through = mass(lang, through)
            ),
        );
    }
}

fn costs(o: &mut String, r: &RunResult, lang: Lang) {
    heading(o, t!(lang, COSTS_HEADING));
    let mut tb = Table::with_header(
        vec![
            t!(lang, COL_ITEM),
            t!(lang, COL_TOTAL),
            msg::GOV_PROVINCE.get(lang).to_string(),
            msg::GOV_CITY.get(lang).to_string(),
            msg::GOV_COUNTY.get(lang).to_string(),
        ],
        vec![Align::Left]
            .into_iter()
            .chain(vec![Align::Right; 4])
            .collect(),
    );
    let mut tot = [0.0; 4];
    let yuan = |x: f64| thousands(x.round().max(0.0) as u64);
    for c in &r.costs {
        tb.row([
            names::cost_item(lang, c.item).to_string(),
            yuan(c.total_yuan),
            yuan(c.province_yuan),
            yuan(c.city_yuan),
            yuan(c.county_yuan),
        ]);
        tot[0] += c.total_yuan;
        tot[1] += c.province_yuan;
        tot[2] += c.city_yuan;
        tot[3] += c.county_yuan;
    }
    tb.row([
        t!(lang, COL_ALL),
        yuan(tot[0]),
        yuan(tot[1]),
        yuan(tot[2]),
        yuan(tot[3]),
    ]);
    o.push_str(&tb.render("  "));
    note(o, t!(lang, COSTS_NOTE));
}

fn score(o: &mut String, sc: &Scenario, r: &RunResult, lang: Lang) {
    heading(o, t!(lang, SCORE_HEADING));
    let out = &r.outcomes;
    let mut tb = Table::with_header(
        vec![
            t!(lang, COL_OUTCOME),
            t!(lang, COL_VALUE),
            t!(lang, COL_UNIT),
            t!(lang, COL_WEIGHT),
            t!(lang, COL_POINTS_SCORE),
        ],
        vec![
            Align::Left,
            Align::Right,
            Align::Left,
            Align::Right,
            Align::Right,
        ],
    );
    for term in Term::ALL {
        tb.row([
            names::term(lang, term).to_string(),
            dec(term.weighted_amount(out), 2),
            names::term_weighted_unit(lang, term).to_string(),
            scripted::plain(term.weight(&sc.score)),
            dec(term.points(out, &sc.score), 1),
        ]);
    }
    tb.row([
        msg::SCORE.get(lang).to_string(),
        String::new(),
        String::new(),
        String::new(),
        dec(out.score, 1),
    ]);
    o.push_str(&tb.render("  "));
    note(o, t!(lang, SCORE_NOTE));
    if out.closures_without_goods > 0 {
        note(o, t!(lang, WARN_NO_GOODS, n = out.closures_without_goods));
    }
    note(
        o,
        t!(
            lang,
            PEAK_SALES,
            ratio = format!("{:.2}", out.peak_sales_ratio)
        ),
    );
}

/// `x` with `d` decimals and thousands separators: `17,999.4`.
fn dec(x: f64, d: usize) -> String {
    let s = format!("{:.*}", d, x.abs());
    let (int, frac) = s.split_once('.').map_or((s.as_str(), ""), |(i, f)| (i, f));
    let mut out = String::new();
    if x < 0.0 && s.chars().any(|c| c.is_ascii_digit() && c != '0') {
        out.push('-');
    }
    let int: u64 = int.parse().unwrap_or(0);
    out.push_str(&thousands(int));
    if !frac.is_empty() {
        out.push('.');
        out.push_str(frac);
    }
    out
}

/// `1234567` as `1,234,567`.
pub(crate) fn thousands(n: u64) -> String {
    let s = n.to_string();
    let mut out = String::new();
    for (i, ch) in s.chars().enumerate() {
        if i > 0 && (s.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(ch);
    }
    out
}
