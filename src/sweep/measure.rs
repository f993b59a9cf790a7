//! What a sweep records of each replication: the columns of
//! `replications.csv`, one number (or nothing) each.

use crate::model::config::Level;
use crate::model::{RunResult, Scenario};

/// Closure levels with a column group each, in plan order.
pub const LEVELS: [Level; 5] = [
    Level::Building,
    Level::Compound,
    Level::Community,
    Level::Street,
    Level::Site,
];

/// The city-wide columns, in order, with what they mean.
pub const CITY: [(&str, &str); 16] = [
    ("score", "the plan's score, lower is better"),
    (
        "score_shortage",
        "score term: shortage person-days × weight",
    ),
    (
        "score_first_goods",
        "score term: mean hours to first goods × weight",
    ),
    (
        "score_stockout",
        "score term: store stock-out hours × weight",
    ),
    ("score_panic", "score term: peak panic × weight"),
    ("score_cost", "score term: cost in 10,000 yuan × weight"),
    ("score_spoilage", "score term: tonnes spoiled × weight"),
    (
        "shortage_person_days",
        "need unmet from pantries, over a person's daily need",
    ),
    (
        "mean_hours_to_first_goods",
        "mean over closures of hours to the first goods at their points",
    ),
    (
        "closures_without_goods",
        "closures whose points never received goods",
    ),
    ("stockout_hours", "store stock-out hours, all categories"),
    ("peak_panic", "highest panic of any district (0..1)"),
    (
        "peak_sales_ratio",
        "highest daily sales over normal need, any category",
    ),
    ("cost_yuan", "government cost [yuan]"),
    ("spoiled_tonnes", "goods spoiled [t]"),
    ("closures", "closures in the replication, all levels"),
];

/// Per-level columns: `{level}_{name}`.
pub const PER_LEVEL: [(&str, &str); 5] = [
    ("closures", "closures of this level"),
    ("suppliers", "mean suppliers designated per closure"),
    (
        "hours_to_first_goods",
        "mean hours to first goods, closures that got goods",
    ),
    (
        "order_wait_h",
        "mean wait of an order at the points, weighted by orders",
    ),
    (
        "shortage_person_days",
        "shortage person-days of residents while sealed at this level",
    ),
];

/// Every column name after `setting,label,replication,seed`.
pub fn names() -> Vec<String> {
    let mut v: Vec<String> = CITY.iter().map(|(n, _)| n.to_string()).collect();
    for l in LEVELS {
        for (n, _) in PER_LEVEL {
            v.push(format!("{}_{n}", l.key()));
        }
    }
    v.push("invariant_breaches".to_string());
    v
}

/// The values of [`names`] for one replication.
pub fn measure(sc: &Scenario, r: &RunResult) -> Vec<Option<f64>> {
    let o = &r.outcomes;
    let w = &sc.score;
    let mut v: Vec<Option<f64>> = [
        o.score,
        w.shortage_person_days * o.shortage_person_days,
        w.hours_to_first_goods * o.mean_hours_to_first_goods,
        w.stockout_hours * o.stockout_hours,
        w.peak_panic * o.peak_panic,
        w.cost_10k_yuan * o.cost_yuan / 10_000.0,
        w.spoilage_tonnes * o.spoiled_tonnes,
        o.shortage_person_days,
        o.mean_hours_to_first_goods,
        f64::from(o.closures_without_goods),
        o.stockout_hours,
        o.peak_panic,
        o.peak_sales_ratio,
        o.cost_yuan,
        o.spoiled_tonnes,
        r.closures.len() as f64,
    ]
    .into_iter()
    .map(Some)
    .collect();
    for l in LEVELS {
        let cs: Vec<_> = r.closures.iter().filter(|c| c.level == l.key()).collect();
        let n = cs.len() as f64;
        let mean =
            |xs: Vec<f64>| (!xs.is_empty()).then(|| xs.iter().sum::<f64>() / xs.len() as f64);
        let suppliers = mean(cs.iter().map(|c| f64::from(c.suppliers)).collect());
        let first = mean(cs.iter().filter_map(|c| c.hours_to_first_goods).collect());
        let orders: u64 = cs.iter().map(|c| c.orders).sum();
        let wait = (orders > 0).then(|| {
            cs.iter()
                .map(|c| c.mean_wait_h * c.orders as f64)
                .sum::<f64>()
                / orders as f64
        });
        let short = cs.iter().map(|c| c.shortage_person_days).sum::<f64>();
        v.extend([Some(n), suppliers, first, wait, Some(short)]);
    }
    v.push(Some(r.invariant_breaches.len() as f64));
    v
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_and_values_line_up() {
        let sc = crate::scenario::load_str(include_str!("../../scenarios/tiny.toml"), "tiny.toml")
            .unwrap();
        let r = crate::experiment::run_replication(&sc, 1, 0, Default::default());
        let v = measure(&sc, &r);
        assert_eq!(v.len(), names().len());
        // The score terms add up to the score.
        let terms: f64 = v[1..7].iter().map(|x| x.unwrap()).sum();
        assert!((terms - v[0].unwrap()).abs() <= 1e-9 * v[0].unwrap().abs().max(1.0));
    }
}
