//! What a sweep records of each replication: the columns of
//! `replications.csv`, one number (or nothing) each.

use crate::model::config::Level;
use crate::model::score::Term;
use crate::model::{RunResult, Scenario};

/// Closure levels with a column group each, in plan order.
pub const LEVELS: [Level; 5] = [
    Level::Building,
    Level::Compound,
    Level::Community,
    Level::Street,
    Level::Site,
];

/// The city-wide outcome columns after `score` and its terms' points
/// (one `score_{term}` column per [`Term`]), in order, with what they mean.
pub const CITY: [(&str, &str); 11] = [
    (
        "shortage_person_days",
        "need unmet from pantries, over a person's daily need",
    ),
    (
        "mean_hours_to_first_goods",
        "hours from a closure to the first goods at its points, weighted by residents; never supplied counts to the horizon",
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
    ("orders_placed", "orders placed at distribution points"),
    (
        "orders_unserved",
        "orders never delivered: waiting when their points closed or at the horizon",
    ),
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
    let mut v: Vec<String> = vec!["score".to_string()];
    v.extend(Term::ALL.iter().map(|t| t.points_column().to_string()));
    v.extend(CITY.iter().map(|(n, _)| n.to_string()));
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
    let mut v: Vec<Option<f64>> = vec![Some(o.score)];
    v.extend(Term::ALL.iter().map(|t| Some(t.points(o, w))));
    v.extend(
        [
            o.shortage_person_days,
            o.mean_hours_to_first_goods,
            f64::from(o.closures_without_goods),
            o.stockout_hours,
            o.peak_panic,
            o.peak_sales_ratio,
            o.cost_yuan,
            o.spoiled_tonnes,
            r.closures.len() as f64,
            o.orders_placed as f64,
            o.orders_unserved as f64,
        ]
        .map(Some),
    );
    for l in LEVELS {
        let cs: Vec<_> = r.closures.iter().filter(|c| c.level == l.key()).collect();
        let n = cs.len() as f64;
        let mean =
            |xs: Vec<f64>| (!xs.is_empty()).then(|| xs.iter().sum::<f64>() / xs.len() as f64);
        let suppliers = mean(cs.iter().map(|c| f64::from(c.suppliers)).collect());
        let first = mean(cs.iter().filter_map(|c| c.hours_to_first_goods).collect());
        let orders: u64 = cs.iter().map(|c| c.orders_placed).sum();
        let wait = (orders > 0).then(|| {
            cs.iter()
                .map(|c| c.mean_wait_h * c.orders_placed as f64)
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
        // The score terms add up to the score, and the outcome columns
        // hold the terms' outcomes.
        let terms: f64 = v[1..=Term::ALL.len()].iter().map(|x| x.unwrap()).sum();
        let col = |name: &str| v[names().iter().position(|n| n == name).unwrap()].unwrap();
        for t in Term::ALL {
            assert_eq!(col(t.outcome_column()), t.outcome(&r.outcomes));
        }
        assert!((terms - v[0].unwrap()).abs() <= 1e-9 * v[0].unwrap().abs().max(1.0));
    }
}
