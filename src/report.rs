//! Outputs of a run: the readable text report, JSON, and the CSV files.
//!
//! Every renderer returns bytes; [`write_all_or_nothing`] puts a set of
//! files in place only when every one of them rendered, each through a
//! temporary file and a rename, so that a reader never sees half a file.

use std::fmt::Write as _;
use std::io;
use std::path::{Path, PathBuf};

use crate::engine::SimTime;
use crate::i18n::Lang;
use crate::model::RunResult;
use crate::model::Scenario;
use crate::model::metrics::{CostItem, Happening};

pub mod charts;
pub mod html;
pub(crate) mod words;

/// The readable report of one run.
pub fn text(sc: &Scenario, r: &RunResult) -> String {
    let mut o = String::new();
    let _ = writeln!(
        o,
        "baogong 保供 · scenario `{}` · {} days · seed {} · replication {}",
        r.scenario, r.days, r.seed, r.replication
    );
    if !sc.description.is_empty() {
        let _ = writeln!(o, "{}", sc.description.trim());
    }
    let _ = writeln!(
        o,
        "City: {} residents in {} buildings, {} stores, {} suppliers; {} events simulated.",
        thousands(r.population),
        thousands(r.buildings as u64),
        r.stores,
        sc.city.suppliers.len(),
        thousands(r.events)
    );

    let _ = writeln!(o, "\nTimeline (closures and the plan's decisions)");
    const MAX_LINES: usize = 40;
    for d in r.timeline.iter().take(MAX_LINES) {
        // `day D HH:MM:SS` without the seconds.
        let t = SimTime((d.at_h * 3_600.0).round() as u64).to_string();
        let _ = writeln!(
            o,
            "  {}  {}",
            &t[..t.len() - 3],
            happening(sc, Lang::En, &d.what)
        );
    }
    if r.timeline.len() > MAX_LINES {
        let _ = writeln!(
            o,
            "  ... {} more (see --format json)",
            r.timeline.len() - MAX_LINES
        );
    }
    if r.timeline.is_empty() {
        let _ = writeln!(o, "  (nothing happened)");
    }

    let _ = writeln!(o, "\nClosures");
    if r.closures.is_empty() {
        let _ = writeln!(o, "  none");
    } else {
        let _ = writeln!(
            o,
            "  {:>3} {:<10} {:<22} {:>9} {:>8} {:>8} {:>4} {:>4} {:>11} {:>8} {:>9}",
            "id",
            "level",
            "place",
            "residents",
            "start d",
            "end d",
            "sup",
            "pts",
            "1st goods h",
            "orders",
            "wait h"
        );
        for c in &r.closures {
            let end = match (c.end_h, c.escalated_to) {
                (Some(e), Some(to)) => format!("{:.1}→#{to}", e / 24.0 + 1.0),
                (Some(e), None) => format!("{:.1}", e / 24.0 + 1.0),
                (None, _) => "open".into(),
            };
            let first = c
                .hours_to_first_goods
                .map_or("-".into(), |h| format!("{h:.1}"));
            let _ = writeln!(
                o,
                "  {:>3} {:<10} {:<22} {:>9} {:>8.1} {:>8} {:>4} {:>4} {:>11} {:>8} {:>9.2}",
                c.id,
                c.level,
                truncate(&c.place, 22),
                c.residents,
                c.start_h / 24.0 + 1.0,
                end,
                c.suppliers,
                c.points,
                first,
                c.orders_served,
                c.mean_wait_h
            );
        }
        let _ = writeln!(
            o,
            "  (start and end as day numbers; →#n: absorbed by closure n)"
        );
    }

    city_by_day(&mut o, r);

    let _ = writeln!(o, "\nOutcomes per goods category");
    let _ = writeln!(
        o,
        "  {:<22} {:>10} {:>9} {:>12} {:>9} {:>6} {:>8} {:>9} {:>9}",
        "category",
        "need t",
        "unmet t",
        "shortage p-d",
        "stockout h",
        "peak",
        "spoilt t",
        "reserve t",
        "transfer t"
    );
    for c in &r.categories {
        let _ = writeln!(
            o,
            "  {:<22} {:>10.1} {:>9.2} {:>12.0} {:>9.0} {:>6.2} {:>8.1} {:>9.1} {:>9.1}",
            format!("{} {}", c.category, c.label_zh),
            c.need_kg / 1e3,
            c.unmet_kg / 1e3,
            c.shortage_person_days,
            c.stockout_hours,
            c.peak_sales_ratio,
            c.spoiled_kg / 1e3,
            c.reserve_released_kg / 1e3,
            c.transferred_kg / 1e3
        );
    }
    let _ = writeln!(o, "  (peak: highest daily sales over normal daily need)");

    let _ = writeln!(o, "\nCosts by government level [yuan]");
    let _ = writeln!(
        o,
        "  {:<22} {:>13} {:>13} {:>13} {:>13}",
        "item", "total", "province", "city", "county"
    );
    let mut tot = [0.0; 4];
    for c in &r.costs {
        let _ = writeln!(
            o,
            "  {:<22} {:>13.0} {:>13.0} {:>13.0} {:>13.0}",
            cost_item(c.item),
            c.total_yuan,
            c.province_yuan,
            c.city_yuan,
            c.county_yuan
        );
        tot[0] += c.total_yuan;
        tot[1] += c.province_yuan;
        tot[2] += c.city_yuan;
        tot[3] += c.county_yuan;
    }
    let _ = writeln!(
        o,
        "  {:<22} {:>13.0} {:>13.0} {:>13.0} {:>13.0}",
        "all", tot[0], tot[1], tot[2], tot[3]
    );

    let out = &r.outcomes;
    let w = &sc.score;
    let _ = writeln!(o, "\nScore (lower is better)");
    let rows = [
        (
            "shortage person-days",
            out.shortage_person_days,
            w.shortage_person_days,
        ),
        (
            "mean hours to first goods",
            out.mean_hours_to_first_goods,
            w.hours_to_first_goods,
        ),
        (
            "store stock-out hours",
            out.stockout_hours,
            w.stockout_hours,
        ),
        ("peak panic", out.peak_panic, w.peak_panic),
        ("cost [10,000 yuan]", out.cost_yuan / 1e4, w.cost_10k_yuan),
        ("spoilage [t]", out.spoiled_tonnes, w.spoilage_tonnes),
    ];
    for (name, v, wt) in rows {
        let _ = writeln!(o, "  {name:<27} {v:>12.2} × {wt:<8} = {:>12.1}", v * wt);
    }
    let _ = writeln!(o, "  {:<27} {:>38.1}", "score", out.score);
    if out.closures_without_goods > 0 {
        let _ = writeln!(
            o,
            "  warning: {} closure(s) never received goods at their points",
            out.closures_without_goods
        );
    }
    let _ = writeln!(o, "  peak sales / normal: {:.2}", out.peak_sales_ratio);
    let _ = writeln!(
        o,
        "\nMonitoring: {} reports on time, {} late, {} missing (16:00 deadline).",
        r.reports.on_time, r.reports.late, r.reports.missing
    );
    let residual: i64 = r.balance.iter().map(|b| b.residual().abs()).sum();
    let _ = writeln!(
        o,
        "Conservation of goods: {}.",
        if residual == 0 {
            "exact in every category".to_string()
        } else {
            format!("OFF by {residual} g")
        }
    );
    for b in &r.invariant_breaches {
        let _ = writeln!(o, "MODEL INVARIANT BROKEN: {b}");
    }
    o
}

/// The city's daily series by week, all categories together.
fn city_by_day(o: &mut String, r: &RunResult) {
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
    let _ = writeln!(o, "\nThe city week by week (all goods)");
    let _ = writeln!(
        o,
        "  {:>8} {:>11} {:>10} {:>9} {:>17} {:>10}",
        "days", "sales/need", "points t", "unmet t", "store stock days", "peak panic"
    );
    for start in (0..days).step_by(7) {
        let end = (start + 7).min(days);
        let sum = |v: &[f64]| v[start..end].iter().sum::<f64>();
        let n = sum(&need).max(1e-9);
        let last = end - 1;
        let peak = panic[start..end].iter().cloned().fold(0.0, f64::max);
        let _ = writeln!(
            o,
            "  {:>8} {:>11.2} {:>10.1} {:>9.2} {:>17.1} {:>10.2}",
            format!("{}-{}", start + 1, end),
            sum(&sales) / n,
            sum(&point) / 1e3,
            sum(&unmet) / 1e3,
            stock[last] / need[last].max(1e-9),
            peak
        );
    }
    let _ = writeln!(
        o,
        "  (store stock in days of need at the end of the week; panic at midnights)"
    );
}

/// A cost item in words.
fn cost_item(i: CostItem) -> &'static str {
    match i {
        CostItem::EmergencyTransport => "emergency transport",
        CostItem::TransferSubsidy => "transfer subsidies",
        CostItem::ReserveRelease => "reserve releases",
        CostItem::DoorDelivery => "door delivery",
        CostItem::Compensation => "compensation",
    }
}

/// A mass for the timeline: tonnes from one tonne up, kilograms below.
fn mass(kg: f64) -> String {
    if kg >= 1_000.0 {
        format!("{:.1} t", kg / 1e3)
    } else {
        format!("{kg:.0} kg")
    }
}

/// A line of the timeline in words.
pub fn happening(sc: &Scenario, _lang: Lang, h: &Happening) -> String {
    let district =
        |d: &Option<String>| d.as_ref().map_or("city-wide".into(), |d| format!("in {d}"));
    match h {
        Happening::Sealed {
            place,
            level,
            cause,
            residents,
            ..
        } => format!("{level} `{place}` sealed ({cause}, {residents} residents)"),
        Happening::Designated { place, stores, .. } => format!(
            "{} supplier(s) designated for `{place}`: {}",
            stores.len(),
            stores.join(", ")
        ),
        Happening::PointsOpened {
            place,
            points,
            riders,
            riders_wanted,
            ..
        } => {
            let short = if riders < riders_wanted {
                format!(" (of {riders_wanted} wanted)")
            } else {
                String::new()
            };
            format!("{points} distribution point(s) open for `{place}`, {riders} riders{short}")
        }
        Happening::FirstGoods { place, .. } => format!("first goods reach the points of `{place}`"),
        Happening::Reopened { place, level, .. } => {
            format!("{level} `{place}` reopened (end of response)")
        }
        Happening::Transfer { category, kg } => {
            format!(
                "emergency transfer of {} of {category} from other regions",
                mass(*kg)
            )
        }
        Happening::ReserveRelease { category, kg, tier } => {
            format!("release {} of {category} from {tier}", mass(*kg))
        }
        Happening::PublicityOrdered { peak_panic } => {
            format!("publicity ordered (peak panic {peak_panic:.2})")
        }
        Happening::Publicity { cut } => format!(
            "publicity: supply is stable (panic falls by {:.0}% over the next days)",
            cut * 100.0
        ),
        Happening::Rumour {
            district: d,
            strength,
        } => {
            format!("rumour {} (strength {strength:.2})", district(d))
        }
        Happening::Injected { index, .. } => match sc.events.get(*index as usize) {
            Some(e) => format!("injected: {}", e.kind.describe(sc)),
            None => "injected event".into(),
        },
        Happening::StockoutStarted { district, category } => {
            format!("shelves of {category} empty in {district}")
        }
        Happening::StockoutEnded { district, category } => {
            format!("shelves of {category} refilled in {district}")
        }
        Happening::PanicJump {
            district: d,
            from,
            to,
        } => {
            format!("panic {} jumps from {from:.2} to {to:.2}", district(d))
        }
    }
}

fn truncate(s: &str, n: usize) -> String {
    if s.chars().count() <= n {
        s.to_string()
    } else {
        let mut t: String = s.chars().take(n - 1).collect();
        t.push('…');
        t
    }
}

fn thousands(n: u64) -> String {
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

/// The run as pretty JSON (daily series and trace excluded; they go to CSV).
pub fn json(r: &RunResult) -> String {
    let mut s =
        serde_json::to_string_pretty(r).unwrap_or_else(|e| format!("{{\"error\": \"{e}\"}}"));
    s.push('\n');
    s
}

/// Serializes rows as CSV with a header from the row type.
pub fn csv_bytes<T: serde::Serialize>(rows: &[T]) -> Result<Vec<u8>, csv::Error> {
    let mut w = csv::Writer::from_writer(Vec::new());
    for r in rows {
        w.serialize(r)?;
    }
    w.into_inner().map_err(|e| csv::Error::from(e.into_error()))
}

/// The files of `run --out DIR`: name and contents.
pub fn run_files(
    sc: &Scenario,
    r: &RunResult,
    trace: bool,
) -> Result<Vec<(String, Vec<u8>)>, csv::Error> {
    let mut files = vec![
        ("report.txt".to_string(), text(sc, r).into_bytes()),
        ("daily.csv".to_string(), csv_bytes(&r.daily)?),
        ("closures.csv".to_string(), csv_bytes(&r.closures)?),
        ("costs.csv".to_string(), csv_bytes(&r.costs)?),
        (
            "report.html".to_string(),
            html::page(sc, r, Lang::En)
                .map_err(|e| csv::Error::from(io::Error::other(e)))?
                .into_bytes(),
        ),
    ];
    if trace {
        files.push(("events.csv".to_string(), csv_bytes(&r.trace)?));
    }
    Ok(files)
}

/// Writes every file into `dir` (created if missing), each first to a
/// temporary name and then renamed. Every destination is checked before the
/// first rename; on any failure the temporary files are removed, so no file
/// of the set is put in place half-written.
pub fn write_all_or_nothing(dir: &Path, files: &[(String, Vec<u8>)]) -> io::Result<()> {
    std::fs::create_dir_all(dir)?;
    for (name, _) in files {
        let dest = dir.join(name);
        if dest.is_dir() {
            return Err(io::Error::new(
                io::ErrorKind::AlreadyExists,
                format!("{} is a directory", dest.display()),
            ));
        }
    }
    let mut temps: Vec<(PathBuf, PathBuf)> = Vec::new();
    let mut result = (|| {
        for (name, bytes) in files {
            let tmp = dir.join(format!(".{name}.partial"));
            temps.push((tmp.clone(), dir.join(name)));
            std::fs::write(&tmp, bytes)?;
        }
        Ok(())
    })();
    if result.is_ok() {
        for (tmp, dest) in &temps {
            if let Err(e) = std::fs::rename(tmp, dest) {
                result = Err(e);
                break;
            }
        }
    }
    if result.is_err() {
        for (tmp, _) in &temps {
            let _ = std::fs::remove_file(tmp);
        }
    }
    result
}
