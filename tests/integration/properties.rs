//! Property tests: for random plan settings, closure processes and shocks,
//! the model keeps its invariants (goods conserved to the gram, no negative
//! stock, no goods at a point before it opens) and never panics.

use baogong::experiment::{RunOptions, run_replication};
use proptest::prelude::*;

const TINY: &str = include_str!("../../scenarios/tiny.toml");

/// Random settings of a tiny-city scenario.
#[derive(Debug, Clone)]
struct Knobs {
    escalation: [f64; 3],
    new_per_day: f64,
    riders: u32,
    replenish: u32,
    replenish_response: u32,
    green: bool,
    passes: bool,
    truck_kg: f64,
    van_kg: f64,
    decision_h: f64,
    setup_h: f64,
    rumour_day: u32,
    staff_loss: f64,
    refill: f64,
    suppliers: [u32; 2],
}

fn knobs() -> impl Strategy<Value = Knobs> {
    (
        (
            prop::array::uniform3(0.0..1.5f64),
            0.0..1.0f64,
            1u32..20,
            1u32..5,
            1u32..8,
        ),
        (
            any::<bool>(),
            any::<bool>(),
            50.0..5_000.0f64,
            20.0..2_000.0f64,
        ),
        (
            0.0..24.0f64,
            0.0..24.0f64,
            1u32..20,
            0.0..1.0f64,
            0.05..1.0f64,
        ),
        (1u32..4, 0u32..4),
    )
        .prop_map(|(a, b, c, d)| Knobs {
            escalation: a.0,
            new_per_day: a.1,
            riders: a.2,
            replenish: a.3,
            replenish_response: a.4,
            green: b.0,
            passes: b.1,
            truck_kg: b.2,
            van_kg: b.3,
            decision_h: c.0,
            setup_h: c.1,
            rumour_day: c.2,
            staff_loss: c.3,
            refill: c.4,
            suppliers: [d.0, d.0 + d.1],
        })
}

fn scenario_text(k: &Knobs) -> String {
    let base = TINY.split("[[events]]").next().unwrap();
    format!(
        r#"{base}
[households]
refill_per_day = {refill}

[closures]
new_buildings_per_day = {new}
escalation_per_day = {{ building = {e0}, compound = {e1}, community = {e2} }}

[plan]
point_riders = {riders}
replenish_per_day = {rep}
replenish_per_day_response = {repr}
green_channel = {green}
vehicle_passes = {passes}
decision_delay_hours = {dec}
setup_delay_hours = {setup}
suppliers = {{ compound = [{s0}, {s1}] }}

[transport]
truck_capacity_kg = {truck}
van_capacity_kg = {van}

[[events]]
kind = "seal"
day = 2
time = "09:00"
place = "Riverside-S1-C1-K1-B1"

[[events]]
kind = "rumour"
day = {rday}
strength = 0.7

[[events]]
kind = "staff_loss"
day = 5
share = {loss}
hours = 30.0
"#,
        refill = k.refill,
        new = k.new_per_day,
        e0 = k.escalation[0],
        e1 = k.escalation[1],
        e2 = k.escalation[2],
        riders = k.riders,
        rep = k.replenish,
        repr = k.replenish_response,
        green = k.green,
        passes = k.passes,
        dec = k.decision_h,
        setup = k.setup_h,
        s0 = k.suppliers[0],
        s1 = k.suppliers[1],
        truck = k.truck_kg,
        van = k.van_kg,
        rday = k.rumour_day,
        loss = k.staff_loss,
    )
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn invariants_hold_for_any_plan(k in knobs(), rep in 0u64..1_000) {
        let src = scenario_text(&k);
        let sc = baogong::scenario::load_str(&src, "random.toml").map_err(|e| TestCaseError::fail(e.to_string()))?;
        let r = run_replication(&sc, 77, rep, RunOptions::default());
        prop_assert!(r.invariant_breaches.is_empty(), "{:?}", r.invariant_breaches);
        for b in &r.balance {
            prop_assert_eq!(b.residual(), 0);
        }
        let o = &r.outcomes;
        for v in [o.shortage_person_days, o.mean_hours_to_first_goods, o.stockout_hours, o.peak_panic, o.cost_yuan, o.score] {
            prop_assert!(v.is_finite() && v >= 0.0, "{o:?}");
        }
        prop_assert!(o.peak_panic <= 1.0);
        let floor = sc.plan.decision_delay_hours + sc.plan.setup_delay_hours;
        for c in &r.closures {
            if let Some(h) = c.hours_to_first_goods {
                prop_assert!(h + 1e-9 >= floor, "goods after {h} h, before the points opened at {floor} h");
            }
            if let (Some(end), true) = (c.end_h, c.escalated_to.is_none()) {
                prop_assert!(end >= c.start_h);
            }
        }
        for cat in &r.categories {
            prop_assert!(cat.unmet_kg <= cat.need_kg + 1e-6);
        }
    }
}

/// A settable key, or a near miss of one.
fn setting_key() -> impl Strategy<Value = String> {
    let keys = baogong::sweep::overrides::settable_keys();
    (0..keys.len(), any::<bool>(), "[a-z_.]{0,6}").prop_map(move |(i, typo, junk)| {
        if typo {
            format!("{}{junk}", keys[i])
        } else {
            keys[i].clone()
        }
    })
}

/// Values as a planner might type them, well or badly.
fn setting_value() -> impl Strategy<Value = String> {
    prop_oneof![
        (-5i64..100).prop_map(|v| v.to_string()),
        (-1.0e3..1.0e3f64).prop_map(|v| v.to_string()),
        Just("true".to_string()),
        Just("[2, 3]".to_string()),
        Just("[3,2]".to_string()),
        Just("{ dist = \"uniform\", min = 1.0, max = 2.0 }".to_string()),
        Just("nan".to_string()),
        "[ -~]{0,12}",
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    /// Any `--set KEY=VALUE` and `--grid KEY=V1,V2` gives a scenario or a
    /// message naming the key, and never panics.
    #[test]
    fn overrides_never_panic(key in setting_key(), a in setting_value(), b in setting_value()) {
        use baogong::sweep::{self, overrides};
        if let Ok(o) = overrides::parse_set(&format!("{key}={a}")) {
            match sweep::load_with(TINY, "tiny.toml", &[o]) {
                Ok(sc) => prop_assert!(sc.days >= 1),
                Err(e) => prop_assert!(!e.to_string().is_empty()),
            }
        }
        if let Ok(g) = overrides::parse_grid(&format!("{key}={a},{b}")) {
            let req = sweep::Request { grid: vec![g], replications: Some(1), ..Default::default() };
            if let Err(e) = sweep::plan(TINY, "tiny.toml", &req) {
                prop_assert!(!e.to_string().is_empty());
            }
        }
    }
}

/// A street: per community, per compound, the residents of its
/// buildings; and the headcounts of its sites.
type Street = (Vec<Vec<Vec<u32>>>, Vec<u32>);

/// A random small listed city, its plan and its events, within the limits.
#[derive(Debug, Clone)]
struct Town {
    days: u32,
    /// Per district, its streets.
    districts: Vec<Vec<Street>>,
    /// Which communities and compounds also have a store of their own.
    extra_stores: Vec<bool>,
    market: bool,
    base: Option<f64>,
    other_region: Option<f64>,
    /// (category index, stock [kg], latency [h]).
    reserves: Vec<(usize, f64, f64)>,
    /// (kind, day, minute of the day, which place or supplier, size).
    events: Vec<(usize, u32, u32, usize, f64)>,
    plan: (f64, f64, f64, f64, f64, u32, f64),
    closures: (f64, f64),
    seed: u64,
}

const GOODS: [&str; 6] = [
    "grain_oil",
    "meat",
    "vegetables",
    "eggs_milk",
    "aquatic",
    "hygiene",
];

fn town() -> impl Strategy<Value = Town> {
    let compound = prop::collection::vec(1u32..400, 1..=3);
    let community = prop::collection::vec(compound, 1..=2);
    let street = (
        prop::collection::vec(community, 1..=2),
        prop::collection::vec(1u32..3_000, 0..=1),
    );
    let district = prop::collection::vec(street, 1..=2);
    (
        (
            3u32..=14,
            prop::collection::vec(district, 1..=2),
            prop::collection::vec(any::<bool>(), 16),
            any::<bool>(),
            prop::option::of(0.0..2.0f64),
            prop::option::of(0.0..96.0f64),
        ),
        (
            prop::collection::vec((0usize..6, 0.0..1e6f64, 0.0..72.0f64), 0..=2),
            prop::collection::vec(
                (
                    0usize..7,
                    1u32..=14,
                    0u32..1_440,
                    any::<usize>(),
                    0.0..1.0f64,
                ),
                0..=6,
            ),
            (
                0.0..5.0f64,
                0.0..5.0f64,
                0.0..5.0f64,
                0.0..3.0f64,
                0.25..3.0f64,
                1u32..20,
                0.0..24.0f64,
            ),
            (0.0..0.5f64, 0.0..1.0f64),
            any::<u64>(),
        ),
    )
        .prop_map(|(a, b)| Town {
            days: a.0,
            districts: a.1,
            extra_stores: a.2,
            market: a.3,
            base: a.4,
            other_region: a.5,
            reserves: b.0,
            events: b.1,
            plan: b.2,
            closures: b.3,
            seed: b.4,
        })
}

/// The town as scenario text, and the names of its places below districts.
fn town_text(t: &Town) -> (String, Vec<String>) {
    use std::fmt::Write as _;
    let (tt, td, rt, rr, oi, riders, dec) = t.plan;
    let mut s = format!(
        "[scenario]\nname = \"town\"\ndays = {}\nseed = {}\n\n\
         [plan]\ntransfer_trigger_days = {tt}\ntransfer_days = {td}\n\
         reserve_trigger_days = {rt}\nreserve_release_days = {rr}\n\
         order_interval_days = {oi}\npoint_riders = {riders}\ndecision_delay_hours = {dec}\n\n\
         [closures]\nnew_buildings_per_day = {}\nescalation_per_day = {{ building = {e}, compound = {e} }}\n",
        t.days,
        t.seed,
        t.closures.0,
        e = t.closures.1,
    );
    let place = |s: &mut String, name: &str, level: &str, parent: Option<&str>, size: &str| {
        let _ = write!(s, "\n[[places]]\nname = \"{name}\"\nlevel = \"{level}\"\n");
        if let Some(p) = parent {
            let _ = writeln!(s, "parent = \"{p}\"");
        }
        s.push_str(size);
    };
    let mut below = Vec::new();
    let mut stores = Vec::new();
    let mut extra = t.extra_stores.iter().cycle();
    for (di, streets) in t.districts.iter().enumerate() {
        let d = format!("D{di}");
        place(&mut s, &d, "district", None, "");
        let sup = if t.market && di == 0 {
            "Market".to_string()
        } else {
            format!("W{di}")
        };
        for (si, (communities, sites)) in streets.iter().enumerate() {
            let st = format!("{d}-S{si}");
            place(&mut s, &st, "street", Some(&d), "");
            below.push(st.clone());
            stores.push((st.clone(), sup.clone()));
            for (ci, compounds) in communities.iter().enumerate() {
                let c = format!("{st}-C{ci}");
                place(&mut s, &c, "community", Some(&st), "");
                below.push(c.clone());
                if *extra.next().unwrap() {
                    stores.push((c.clone(), sup.clone()));
                }
                for (ki, buildings) in compounds.iter().enumerate() {
                    let k = format!("{c}-K{ki}");
                    place(&mut s, &k, "compound", Some(&c), "");
                    below.push(k.clone());
                    if *extra.next().unwrap() {
                        stores.push((k.clone(), sup.clone()));
                    }
                    for (bi, r) in buildings.iter().enumerate() {
                        let b = format!("{k}-B{bi}");
                        place(
                            &mut s,
                            &b,
                            "building",
                            Some(&k),
                            &format!("residents = {r}\n"),
                        );
                        below.push(b);
                    }
                }
            }
            for (wi, h) in sites.iter().enumerate() {
                let w = format!("{st}-W{wi}");
                place(&mut s, &w, "site", Some(&st), &format!("headcount = {h}\n"));
                below.push(w);
            }
        }
    }
    let mut warehouses = Vec::new();
    for di in 0..t.districts.len() {
        let _ = write!(
            s,
            "\n[[suppliers]]\nname = \"W{di}\"\nkind = \"warehouse\"\ndistrict = \"D{di}\"\nstaff = 20\ntrucks = 4\n"
        );
        warehouses.push(format!("W{di}"));
    }
    if t.market {
        s.push_str(
            "\n[[suppliers]]\nname = \"Market\"\nkind = \"wholesale_market\"\ndistrict = \"D0\"\n",
        );
        warehouses.push("Market".to_string());
    }
    if let Some(p) = t.base {
        let _ = write!(
            s,
            "\n[[suppliers]]\nname = \"Base\"\nkind = \"production_base\"\ndistrict = \"D0\"\nproduction_share = {p}\n"
        );
    }
    if let Some(h) = t.other_region {
        let _ = write!(
            s,
            "\n[[suppliers]]\nname = \"Far\"\nkind = \"other_region\"\nlead_time_hours = {h}\n"
        );
    }
    for (i, (place, sup)) in stores.iter().enumerate() {
        let _ = write!(
            s,
            "\n[[stores]]\nname = \"Shop{i}\"\nplace = \"{place}\"\nsupplier = \"{sup}\"\n"
        );
    }
    for (i, (c, kg, h)) in t.reserves.iter().enumerate() {
        let _ = write!(
            s,
            "\n[[reserves]]\nname = \"R{i}\"\ncategory = \"{}\"\nstock_kg = {kg}\nlatency_hours = {h}\ncost_yuan_per_kg = 2.0\n",
            GOODS[*c]
        );
    }
    for &(kind, day, minute, pick, x) in &t.events {
        let day = day.min(t.days);
        let _ = write!(
            s,
            "\n[[events]]\nday = {day}\ntime = \"{:02}:{:02}\"\n",
            minute / 60,
            minute % 60
        );
        let p = &below[pick % below.len()];
        let body = match kind {
            0 => format!("kind = \"seal\"\nplace = \"{p}\"\n"),
            1 => format!("kind = \"lift\"\nplace = \"{p}\"\n"),
            2 => format!("kind = \"rumour\"\nstrength = {x}\n"),
            3 => format!(
                "kind = \"staff_loss\"\nshare = {x}\nhours = {}\n",
                1.0 + 48.0 * x
            ),
            4 => format!(
                "kind = \"warehouse_closed\"\nsupplier = \"{}\"\nhours = {}\n",
                warehouses[pick % warehouses.len()],
                1.0 + 72.0 * x
            ),
            5 => format!(
                "kind = \"riders_added\"\ncount = {}\n",
                1 + (x * 50.0) as u32
            ),
            _ => format!(
                "kind = \"checkpoint_delay\"\nextra_hours = {}\nhours = {}\n",
                6.0 * x,
                1.0 + 24.0 * x
            ),
        };
        s.push_str(&body);
    }
    (s, below)
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 96, failure_persistence: None, ..ProptestConfig::default() })]

    /// Any small listed city, with any plan and events within the limits:
    /// goods conserved to the gram, nothing negative, time never going
    /// back, every closure ended by the horizon or reported open, costs
    /// equal to the sum of their split, and the same seed the same bytes.
    #[test]
    fn generated_cities_keep_every_invariant(t in town(), rep in 0u64..100) {
        let (src, _) = town_text(&t);
        let sc = baogong::scenario::load_str(&src, "town.toml")
            .map_err(|e| TestCaseError::fail(format!("{e}\n{src}")))?;
        let opts = RunOptions { trace: true };
        let r = run_replication(&sc, 5, rep, opts);
        prop_assert!(r.invariant_breaches.is_empty(), "{:?}", r.invariant_breaches);
        for b in &r.balance {
            prop_assert_eq!(b.residual(), 0);
            for (what, g) in b.terms() {
                prop_assert!(g >= 0, "{what} {g}");
            }
        }
        // Nothing negative or not a number in the daily series.
        for d in &r.daily {
            for v in [d.need_kg, d.sales_kg, d.online_kg, d.point_kg, d.unmet_kg, d.store_stock_kg,
                      d.pantry_stock_kg, d.deliveries_kg, d.reserve_release_kg, d.online_cancelled_kg] {
                prop_assert!(v.is_finite() && v >= 0.0, "{d:?}");
            }
            prop_assert!((0.0..=1.0).contains(&d.panic), "{d:?}");
        }
        for d in &r.closure_days {
            prop_assert!(d.point_stock_kg.is_finite() && d.point_stock_kg >= 0.0, "{d:?}");
        }
        // Time never goes back.
        prop_assert!(r.trace.windows(2).all(|w| w[0].time_s <= w[1].time_s));
        prop_assert!(r.timeline.windows(2).all(|w| w[0].at_h <= w[1].at_h));
        let horizon_h = f64::from(t.days) * 24.0;
        prop_assert!(r.trace.last().is_none_or(|e| e.time_s as f64 <= horizon_h * 3_600.0));
        // Every closure ends by the horizon, or is reported open.
        for c in &r.closures {
            prop_assert!(c.start_h >= 0.0 && c.start_h <= horizon_h, "{c:?}");
            if let Some(end) = c.end_h {
                prop_assert!(end <= horizon_h + 1e-9, "{c:?}");
                if c.escalated_to.is_none() {
                    prop_assert!(end >= c.start_h, "{c:?}");
                }
            }
            prop_assert!(c.orders_served + c.orders_waiting <= c.orders_placed, "{c:?}");
        }
        // Costs: each item is the sum of its split by level.
        let mut total = 0.0;
        for c in &r.costs {
            let parts = c.province_yuan + c.city_yuan + c.county_yuan;
            prop_assert!(c.total_yuan.is_finite() && c.total_yuan >= 0.0, "{c:?}");
            prop_assert!((parts - c.total_yuan).abs() <= 1e-9 * c.total_yuan.max(1.0), "{c:?}");
            total += c.total_yuan;
        }
        prop_assert!((total - r.outcomes.cost_yuan).abs() <= 1e-9 * total.max(1.0));
        // The same seed gives the same bytes.
        let again = run_replication(&sc, 5, rep, opts);
        let bytes = |r: &baogong::model::RunResult| serde_json::to_string(r).expect("serializes");
        prop_assert!(bytes(&r) == bytes(&again), "two runs of the same seed differ");
    }
}
