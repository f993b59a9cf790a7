//! Every lever of the plan acts in the direction it does in a city: more
//! points, more riders, faster replenishment, more vans, the green channel,
//! vehicle passes, a bigger reserve, the city's riders in a control zone.
//!
//! Each check is a paired comparison on common random numbers: replication
//! r of both settings meets the same outbreak and delays, and the mean of
//! the paired differences, with its 95% interval, says whether the lever
//! helped (interval below zero), did nothing clear, or hurt (interval above
//! a small tolerance: a failure). Scenarios are in tests/fixtures/levers/.

use baogong::experiment::{RunOptions, run_replication};
use baogong::model::RunResult;
use baogong::sweep::overrides::{Origin, Override};

const STREET: &str = include_str!("../fixtures/levers/street.toml");
const CONTROL: &str = include_str!("../fixtures/levers/control.toml");
const DEFICIT: &str = include_str!("../fixtures/levers/deficit.toml");
const TOWN: &str = include_str!("../fixtures/fidelity_town.toml");

/// Replications per setting.
const REPS: u64 = 6;

/// Runs `src` with `sets` (KEY=VALUE) for replications 0..REPS.
fn runs(src: &str, sets: &[&str]) -> Vec<RunResult> {
    let overrides: Vec<Override> = sets
        .iter()
        .map(|s| {
            let (key, value) = s.split_once('=').unwrap();
            Override {
                key: key.into(),
                value: value.into(),
                origin: Origin::Set,
            }
        })
        .collect();
    let sc = baogong::sweep::load_with(src, "lever.toml", &overrides)
        .unwrap_or_else(|e| panic!("{sets:?}: {e}"));
    (0..REPS)
        .map(|r| run_replication(&sc, 11, r, RunOptions::default()))
        .collect()
}

/// Mean and 95% half-width of the paired differences `f(b) - f(a)`.
fn paired(a: &[RunResult], b: &[RunResult], f: impl Fn(&RunResult) -> f64) -> (f64, f64) {
    let d: Vec<f64> = a.iter().zip(b).map(|(x, y)| f(y) - f(x)).collect();
    let n = d.len() as f64;
    let m = d.iter().sum::<f64>() / n;
    let sd = (d.iter().map(|v| (v - m).powi(2)).sum::<f64>() / (n - 1.0)).sqrt();
    // t(0.975, 5) for six replications.
    (m, 2.571 * sd / n.sqrt())
}

fn shortage(r: &RunResult) -> f64 {
    r.outcomes.shortage_person_days
}

/// Shortage of the sealed residents, while sealed.
fn sealed_shortage(r: &RunResult) -> f64 {
    r.closures.iter().map(|c| c.shortage_person_days).sum()
}

fn mean(v: &[RunResult], f: impl Fn(&RunResult) -> f64) -> f64 {
    v.iter().map(f).sum::<f64>() / v.len() as f64
}

/// The lever from `worse` to `better` must lower `f`: clearly, when
/// `binds`, and never raise it beyond noise.
fn lever(
    what: &str,
    src: &str,
    worse: &[&str],
    better: &[&str],
    binds: bool,
    f: impl Fn(&RunResult) -> f64 + Copy,
) {
    let a = runs(src, worse);
    let b = runs(src, better);
    let (m, h) = paired(&a, &b, f);
    let (ma, mb) = (mean(&a, f), mean(&b, f));
    eprintln!("{what}: {ma:.0} → {mb:.0} (paired difference {m:.0} ± {h:.0})");
    let tolerance = 0.02 * ma.abs().max(1.0);
    assert!(
        m - h <= tolerance,
        "{what}: the lever made things worse: {ma:.1} → {mb:.1}, difference {m:.1} ± {h:.1}"
    );
    if binds {
        assert!(
            m + h < 0.0,
            "{what}: the lever should help here: {ma:.1} → {mb:.1}, difference {m:.1} ± {h:.1}"
        );
    }
}

#[test]
fn more_points_help_when_riders_bind_and_never_hurt() {
    // Four points of ten riders cannot serve a street of 50,000.
    lever(
        "points [4,4] → [8,30]",
        STREET,
        &["plan.points.street=[4,4]"],
        &["plan.points.street=[8,30]"],
        true,
        shortage,
    );
    // Enough points already: more add stops, not shortage.
    lever(
        "points [8,30] → [30,40]",
        STREET,
        &[],
        &["plan.points.street=[30,40]"],
        false,
        shortage,
    );
}

#[test]
fn more_riders_per_point_help() {
    lever(
        "riders per point 5 → 10",
        STREET,
        &["plan.point_riders=5"],
        &["plan.point_riders=10"],
        true,
        shortage,
    );
    lever(
        "riders per point 10 → 20",
        STREET,
        &[],
        &["plan.point_riders=20"],
        false,
        shortage,
    );
}

#[test]
fn faster_replenishment_helps() {
    lever(
        "replenishment in a response 1 → 3 a day",
        STREET,
        &["plan.replenish_per_day_response=1"],
        &["plan.replenish_per_day_response=3"],
        true,
        shortage,
    );
    // With vans enough, more rounds never hurt.
    lever(
        "replenishment in a response 3 → 6 a day, 4 vans a store",
        STREET,
        &["city.store_vans=4"],
        &["city.store_vans=4", "plan.replenish_per_day_response=6"],
        false,
        shortage,
    );
    // With two vans a store, each round's smaller loads take as many trips:
    // the vans are the limit, and the outcome shows it.
    let a = runs(STREET, &[]);
    let b = runs(STREET, &["plan.replenish_per_day_response=6"]);
    let (m, h) = paired(&a, &b, vans_busy);
    assert!(
        m - h > 0.0,
        "6 rounds a day should keep the vans busier: {:.2} → {:.2}",
        mean(&a, vans_busy),
        mean(&b, vans_busy)
    );
}

/// Mean share of the designated suppliers' van time in use, over the
/// days of the closures.
fn vans_busy(r: &RunResult) -> f64 {
    let d = &r.closure_days;
    d.iter().map(|x| x.vans_busy_share).sum::<f64>() / d.len().max(1) as f64
}

#[test]
fn more_vans_help() {
    lever(
        "vans per store 1 → 2",
        STREET,
        &["city.store_vans=1"],
        &["city.store_vans=2"],
        true,
        sealed_shortage,
    );
    lever(
        "vans per store 2 → 4",
        STREET,
        &[],
        &["city.store_vans=4"],
        false,
        sealed_shortage,
    );
}

#[test]
fn the_green_channel_and_vehicle_passes_help() {
    lever(
        "green channel off → on",
        STREET,
        &["plan.green_channel=false"],
        &[],
        true,
        shortage,
    );
    lever(
        "vehicle passes off → on",
        STREET,
        &["plan.vehicle_passes=false"],
        &[],
        true,
        shortage,
    );
    // And the first goods come sooner.
    lever(
        "green channel off → on (hours to first goods)",
        STREET,
        &["plan.green_channel=false"],
        &[],
        true,
        |r| r.outcomes.mean_hours_to_first_goods,
    );
}

#[test]
fn a_bigger_reserve_closes_a_sustained_deficit() {
    let meat = |r: &RunResult| {
        r.categories
            .iter()
            .find(|c| c.category == "meat")
            .unwrap()
            .unmet_kg
    };
    lever(
        "no reserve → the reserve tiers",
        DEFICIT,
        &["plan.reserve_release_days=0", "plan.reserve_trigger_days=0"],
        &[],
        true,
        meat,
    );
    // With enough reserve, the reserve closes the gap: meat is hardly short
    // while grain and vegetables, with no reserve and no transfer, are.
    let b = runs(DEFICIT, &[]);
    let need: f64 = mean(&b, |r| r.categories[1].need_kg);
    let short = mean(&b, meat);
    assert!(short < 0.01 * need, "meat short {short:.0} kg of {need:.0}");
    let veg = mean(&b, |r| r.categories[2].unmet_kg);
    assert!(veg > 0.05 * mean(&b, |r| r.categories[2].need_kg), "{veg}");
}

#[test]
fn the_citys_riders_carry_a_control_zones_online_orders() {
    // Half of a control zone's buying goes online: without riders for it,
    // households go short; they do not buy it in the store instead.
    lever(
        "city riders 1 → 7.2 per 10,000",
        CONTROL,
        &["riders.per_10k_residents=1"],
        &[],
        true,
        shortage,
    );
    // The online share only matters when riders are short.
    lever(
        "online share 0.8 → 0.2, riders short",
        CONTROL,
        &[
            "riders.per_10k_residents=1",
            "store_rules.online_share_medium=0.8",
        ],
        &[
            "riders.per_10k_residents=1",
            "store_rules.online_share_medium=0.2",
        ],
        true,
        shortage,
    );
}

#[test]
fn more_designated_suppliers_never_hurt() {
    // A town of 3,900 with seven stores, whose two streets are sealed in
    // turn; one district's warehouse loses its staff to the closures. Five
    // to eight suppliers for a street, or all seven stores: the further
    // ones send what the nearer ones lack. (On the model before, a point
    // was tied to its share of suppliers and each carried an equal share
    // of the duty, so a store that could not be restocked held back its
    // points and the shortage doubled.)
    let a = runs(TOWN, &[]);
    let b = runs(TOWN, &["plan.suppliers.street=[10,16]"]);
    let (m, h) = paired(&a, &b, shortage);
    let (ma, mb) = (mean(&a, shortage), mean(&b, shortage));
    eprintln!("suppliers [5,8] → [10,16]: {ma:.0} → {mb:.0} ({m:.0} ± {h:.0})");
    assert!(
        m - h <= 0.05 * ma,
        "more suppliers made things worse: {ma:.1} → {mb:.1}, difference {m:.1} ± {h:.1}"
    );
}
