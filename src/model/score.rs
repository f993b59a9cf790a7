//! The score of a run, lower is better: a weighted sum of outcomes, each
//! term defined here once. The model computes it, sweeps record its terms
//! and charts show them, all through [`Term`].

use serde::Serialize;

use super::config::ScoreWeights;
use super::metrics::Outcomes;

/// A term of the score.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Term {
    /// Shortage person-days.
    Shortage,
    /// Hours to the first goods at a closure's points, weighted by residents.
    FirstGoods,
    /// Store stock-out hours.
    Stockout,
    /// Peak panic of any district.
    Panic,
    /// Government cost, in units of 10,000 yuan.
    Cost,
    /// Tonnes spoiled.
    Spoilage,
}

impl Term {
    /// Every term, in report order.
    pub const ALL: [Term; 6] = [
        Term::Shortage,
        Term::FirstGoods,
        Term::Stockout,
        Term::Panic,
        Term::Cost,
        Term::Spoilage,
    ];

    /// Its key (`shortage`): the weight's key in `[score]` is
    /// [`Term::weight_key`], its points column `score_{key}`.
    pub fn key(self) -> &'static str {
        match self {
            Term::Shortage => "shortage",
            Term::FirstGoods => "first_goods",
            Term::Stockout => "stockout",
            Term::Panic => "panic",
            Term::Cost => "cost",
            Term::Spoilage => "spoilage",
        }
    }

    /// The column of its points in `replications.csv` (`score_shortage`).
    pub fn points_column(self) -> &'static str {
        match self {
            Term::Shortage => "score_shortage",
            Term::FirstGoods => "score_first_goods",
            Term::Stockout => "score_stockout",
            Term::Panic => "score_panic",
            Term::Cost => "score_cost",
            Term::Spoilage => "score_spoilage",
        }
    }

    /// The column of the outcome itself, in its natural unit
    /// (`shortage_person_days`, `cost_yuan`, ...).
    pub fn outcome_column(self) -> &'static str {
        match self {
            Term::Shortage => "shortage_person_days",
            Term::FirstGoods => "mean_hours_to_first_goods",
            Term::Stockout => "stockout_hours",
            Term::Panic => "peak_panic",
            Term::Cost => "cost_yuan",
            Term::Spoilage => "spoiled_tonnes",
        }
    }

    /// The key of its weight in `[score]`.
    pub fn weight_key(self) -> &'static str {
        match self {
            Term::Shortage => "shortage_person_days",
            Term::FirstGoods => "hours_to_first_goods",
            Term::Stockout => "stockout_hours",
            Term::Panic => "peak_panic",
            Term::Cost => "cost_10k_yuan",
            Term::Spoilage => "spoilage_tonnes",
        }
    }

    /// The outcome in its natural unit (the value of
    /// [`Term::outcome_column`]).
    pub fn outcome(self, o: &Outcomes) -> f64 {
        match self {
            Term::Shortage => o.shortage_person_days,
            Term::FirstGoods => o.mean_hours_to_first_goods,
            Term::Stockout => o.stockout_hours,
            Term::Panic => o.peak_panic,
            Term::Cost => o.cost_yuan,
            Term::Spoilage => o.spoiled_tonnes,
        }
    }

    /// What one unit of weight multiplies: the outcome, or for the cost
    /// the outcome in 10,000 yuan.
    pub fn weighted_amount(self, o: &Outcomes) -> f64 {
        match self {
            Term::Cost => o.cost_yuan / 10_000.0,
            t => t.outcome(o),
        }
    }

    /// Its weight.
    pub fn weight(self, w: &ScoreWeights) -> f64 {
        match self {
            Term::Shortage => w.shortage_person_days,
            Term::FirstGoods => w.hours_to_first_goods,
            Term::Stockout => w.stockout_hours,
            Term::Panic => w.peak_panic,
            Term::Cost => w.cost_10k_yuan,
            Term::Spoilage => w.spoilage_tonnes,
        }
    }

    /// Its points: weight × amount.
    pub fn points(self, o: &Outcomes, w: &ScoreWeights) -> f64 {
        self.weight(w) * self.weighted_amount(o)
    }
}

/// The score: the sum of every term's points.
pub fn score(o: &Outcomes, w: &ScoreWeights) -> f64 {
    Term::ALL.iter().map(|t| t.points(o, w)).sum()
}
