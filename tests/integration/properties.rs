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
