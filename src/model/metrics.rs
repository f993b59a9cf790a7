//! Per-replication outcomes: daily series, closures, costs, the score.
//!
//! Goods are counted in integer grams while the model runs and reported in
//! kilograms. Everything here is plain data that serializes to CSV rows or
//! JSON; nothing here does I/O.

use serde::Serialize;

/// One row of `daily.csv`: a day, a zone (the city or a district) and a
/// goods category.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct DailyRow {
    /// Day (1 = the first day).
    pub day: u32,
    /// `city` or `district`.
    pub level: &'static str,
    /// Zone name (`city`, `D1`, ...).
    pub zone: String,
    /// Goods category.
    pub category: String,
    /// Residents' need [kg].
    pub need_kg: f64,
    /// Sold by stores, in person and online [kg].
    pub sales_kg: f64,
    /// Of which online, delivered by riders [kg].
    pub online_kg: f64,
    /// Handed to sealed households at distribution points [kg].
    pub point_kg: f64,
    /// Need not met because pantries were empty [kg].
    pub unmet_kg: f64,
    /// Stock in stores at the end of the day [kg].
    pub store_stock_kg: f64,
    /// Stock in pantries at the end of the day [kg].
    pub pantry_stock_kg: f64,
    /// Goods delivered to stores and points [kg].
    pub deliveries_kg: f64,
    /// Reserve goods released to warehouses [kg].
    pub reserve_release_kg: f64,
    /// Online orders no rider could carry, cancelled at midnight [kg].
    pub online_cancelled_kg: f64,
    /// Panic at the end of the day (mean over districts for the city).
    pub panic: f64,
    /// Hoarding at the end of the day: the share of the extra cover
    /// households want (mean over districts for the city).
    pub hoard: f64,
}

/// One row of `closure_days.csv`: a closure's distribution points at the
/// end of a day.
#[derive(Debug, Clone, Default, Serialize, PartialEq)]
pub struct ClosureDayRow {
    /// Day (1 = the first day).
    pub day: u32,
    /// Closure number.
    pub closure: u32,
    /// Orders waiting at its points at midnight.
    pub orders_waiting: u64,
    /// Orders delivered that day.
    pub orders_served: u64,
    /// Mean wait of the orders whose delivery started that day [h]; empty if none.
    pub mean_wait_h: Option<f64>,
    /// Stock at its points at midnight [kg].
    pub point_stock_kg: f64,
    /// Share of its designated suppliers' van time taken by the trips that
    /// left that day (all their trips, for the points and otherwise): near
    /// 1, the vans are the limit.
    pub vans_busy_share: f64,
}

/// One row of `closures.csv`.
#[derive(Debug, Clone, Default, Serialize, PartialEq)]
pub struct ClosureRow {
    /// Closure number, in order of start.
    pub id: u32,
    /// Sealed place.
    pub place: String,
    /// Its level.
    pub level: &'static str,
    /// `scripted`, `escalation` or `random`.
    pub cause: &'static str,
    /// Residents sealed [persons].
    pub residents: u64,
    /// Start [h since the scenario's start].
    pub start_h: f64,
    /// End [h]; empty if still sealed at the horizon.
    pub end_h: Option<f64>,
    /// Closure that absorbed it by escalation, if any.
    pub escalated_to: Option<u32>,
    /// Suppliers designated.
    pub suppliers: u32,
    /// Distribution points opened.
    pub points: u32,
    /// Riders assigned to its points out of the riders' pool.
    pub riders: u32,
    /// Hours from the start to the first goods at its points; empty if none arrived.
    pub hours_to_first_goods: Option<f64>,
    /// Orders households placed at its points.
    pub orders_placed: u64,
    /// Orders delivered to the door, with goods.
    pub orders_served: u64,
    /// Orders still waiting when its points closed (or at the horizon).
    pub orders_waiting: u64,
    /// Mean wait of an order placed at its points, from placing to the
    /// rider setting off; an order never served counts until its points
    /// closed or the horizon [h].
    pub mean_wait_h: f64,
    /// Goods handed out at its points [kg].
    pub handed_out_kg: f64,
    /// Shortage person-days of its residents while it covered them.
    pub shortage_person_days: f64,
}

/// What a government cost paid for. Spoilage is the enterprises' loss
/// and is reported in tonnes per category, not here.
#[derive(Debug, Clone, Copy, Serialize, PartialEq, Eq, PartialOrd, Ord)]
#[serde(rename_all = "snake_case")]
pub enum CostItem {
    /// Trips of trucks and vans to distribution points.
    EmergencyTransport,
    /// Subsidies for goods brought in by emergency transfer 外地增量调运补贴.
    TransferSubsidy,
    /// Releases from reserve tiers.
    ReserveRelease,
    /// Subsidies per order delivered to the door from a point.
    DoorDelivery,
    /// Compensation 合理补偿 for goods requisitioned for points.
    Compensation,
}

impl CostItem {
    /// Every item, in report order.
    pub const ALL: [CostItem; 5] = [
        CostItem::EmergencyTransport,
        CostItem::TransferSubsidy,
        CostItem::ReserveRelease,
        CostItem::DoorDelivery,
        CostItem::Compensation,
    ];

    /// The key in files (`emergency_transport`).
    pub fn key(self) -> &'static str {
        match self {
            CostItem::EmergencyTransport => "emergency_transport",
            CostItem::TransferSubsidy => "transfer_subsidy",
            CostItem::ReserveRelease => "reserve_release",
            CostItem::DoorDelivery => "door_delivery",
            CostItem::Compensation => "compensation",
        }
    }
}

/// One row of `costs.csv`.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct CostRow {
    /// What the money paid for.
    pub item: CostItem,
    /// Total [yuan].
    pub total_yuan: f64,
    /// Province's share [yuan].
    pub province_yuan: f64,
    /// City's share [yuan].
    pub city_yuan: f64,
    /// County's share [yuan].
    pub county_yuan: f64,
}

/// Where the events of a traced run go, one at a time, as they are
/// simulated: a file being written (`run --trace`), so that a long run's
/// events are never all held in memory. A `Vec<TraceRow>` keeps them.
pub trait TraceSink {
    /// One event, at `time_s` [s since the start].
    fn event(&mut self, row: TraceRow);
}

impl TraceSink for Vec<TraceRow> {
    fn event(&mut self, row: TraceRow) {
        self.push(row);
    }
}

/// One row of `events.csv` (with `--trace`).
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct TraceRow {
    /// Time [s since the start].
    pub time_s: u64,
    /// Time as `day D HH:MM:SS`.
    pub time: String,
    /// The event and its fields.
    pub event: String,
}

/// Outcomes of one goods category over the run.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct CategoryOutcome {
    /// Category.
    pub category: String,
    /// Chinese label.
    pub label_zh: String,
    /// Need over the run [kg].
    pub need_kg: f64,
    /// Unmet need [kg].
    pub unmet_kg: f64,
    /// Unmet need / daily need per person [person-days].
    pub shortage_person_days: f64,
    /// Hours a store was open with this shelf empty, summed over stores [h].
    pub stockout_hours: f64,
    /// Highest daily sales over normal daily need.
    pub peak_sales_ratio: f64,
    /// Spoiled in stores, depots and distribution points [kg].
    pub spoiled_kg: f64,
    /// Spoiled in households' pantries: hoarded beyond its pantry life [kg].
    pub household_spoiled_kg: f64,
    /// Sold by stores, in person and online [kg].
    pub sold_kg: f64,
    /// Made by production bases for the city's depots [kg].
    pub produced_kg: f64,
    /// Online orders no rider could carry, cancelled [kg].
    pub online_cancelled_kg: f64,
    /// Released from reserves [kg].
    pub reserve_released_kg: f64,
    /// Brought in by emergency transfers [kg].
    pub transferred_kg: f64,
}

/// Conservation of goods for one category, in grams, for checking.
#[derive(Debug, Clone, Copy, Serialize, PartialEq, Eq, Default)]
pub struct Balance {
    /// Stock everywhere at the start [g].
    pub initial_g: i64,
    /// Produced, transferred in and released from reserves [g].
    pub inflow_g: i64,
    /// Eaten or used by residents [g].
    pub consumed_g: i64,
    /// Spoiled [g].
    pub spoiled_g: i64,
    /// Stock everywhere at the end, including goods on the road [g].
    pub final_g: i64,
}

impl Balance {
    /// `initial + inflow - consumed - spoiled - final`: zero when goods are
    /// conserved. Summed in 128 bits, so that a counter that wrapped past
    /// the range of i64 shows as a residual instead of cancelling out.
    pub fn residual(&self) -> i128 {
        i128::from(self.initial_g) + i128::from(self.inflow_g)
            - i128::from(self.consumed_g)
            - i128::from(self.spoiled_g)
            - i128::from(self.final_g)
    }

    /// Each term by name, for checks of its range.
    pub fn terms(&self) -> [(&'static str, i64); 5] {
        [
            ("initial", self.initial_g),
            ("inflow", self.inflow_g),
            ("consumed", self.consumed_g),
            ("spoiled", self.spoiled_g),
            ("final", self.final_g),
        ]
    }
}

/// The headline outcomes, the terms of the score.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct Outcomes {
    /// Shortage person-days over all categories: unmet kilograms over a
    /// person's whole daily need.
    pub shortage_person_days: f64,
    /// Mean hours from a closure to the first goods at its points, weighted
    /// by the closure's residents; a closure whose points never received
    /// goods counts until the horizon. Closures absorbed by escalation
    /// before their points opened are left out (their residents count in
    /// the closure that absorbed them).
    pub mean_hours_to_first_goods: f64,
    /// Closures whose points never received goods (excluding those absorbed
    /// by escalation before their points opened).
    pub closures_without_goods: u32,
    /// Orders households placed at distribution points.
    pub orders_placed: u64,
    /// Of those, orders never delivered: still waiting when their points
    /// closed or at the horizon.
    pub orders_unserved: u64,
    /// Store stock-out hours over all categories.
    pub stockout_hours: f64,
    /// Highest panic of any district.
    pub peak_panic: f64,
    /// Highest daily sales over normal need, any category.
    pub peak_sales_ratio: f64,
    /// Government cost [yuan].
    pub cost_yuan: f64,
    /// Spoiled in stores, depots, points and pantries [t].
    pub spoiled_tonnes: f64,
    /// The score: weighted sum of the above, lower is better.
    pub score: f64,
}

/// Monitoring: how the daily 16:00 reports arrived.
#[derive(Debug, Clone, Serialize, PartialEq, Default)]
pub struct ReportStats {
    /// Reports on time.
    pub on_time: u64,
    /// Reports late.
    pub late: u64,
    /// Reports missing.
    pub missing: u64,
}

/// One dated line of the run's timeline.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct TimelineEntry {
    /// When [h since the start].
    pub at_h: f64,
    /// What happened.
    #[serde(flatten)]
    pub what: Happening,
}

/// What the timeline records: closures and the plan's answer to them, the
/// injected (scripted) events, the daily dispatch's transfers, reserve
/// releases and publicity, shelves running empty and refilled, and jumps
/// of panic. Plain data: the report layer puts it into words.
#[derive(Debug, Clone, Serialize, PartialEq)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Happening {
    /// A place is sealed 封控.
    Sealed {
        /// Closure number.
        closure: u32,
        /// The place.
        place: String,
        /// Its level (`building`, ...).
        level: &'static str,
        /// `scripted`, `escalation` or `random`.
        cause: &'static str,
        /// Residents sealed [persons].
        residents: u64,
        /// Closures inside it that it absorbs.
        absorbed: Vec<u32>,
    },
    /// Suppliers 直接供货商 designated for a closure.
    Designated {
        /// Closure number.
        closure: u32,
        /// The sealed place.
        place: String,
        /// The designated stores, nearest first.
        stores: Vec<String>,
    },
    /// A closure's distribution points 应急投放点 open.
    PointsOpened {
        /// Closure number.
        closure: u32,
        /// The sealed place.
        place: String,
        /// Points opened.
        points: u32,
        /// Riders assigned to them from the pool.
        riders: u32,
        /// Riders the plan wanted for them.
        riders_wanted: u32,
    },
    /// Riders and volunteers are called from outside: the pool cannot
    /// staff a closure's points.
    RidersCalled {
        /// Closure number.
        closure: u32,
        /// The sealed place.
        place: String,
        /// Riders called.
        riders: u32,
    },
    /// The first goods reach a closure's points.
    FirstGoods {
        /// Closure number.
        closure: u32,
        /// The sealed place.
        place: String,
    },
    /// A closure ends (end of response 终止响应 for it).
    Reopened {
        /// Closure number.
        closure: u32,
        /// The place.
        place: String,
        /// Its level.
        level: &'static str,
    },
    /// An emergency transfer 紧急调运 from other regions is called.
    Transfer {
        /// Goods category.
        category: String,
        /// Amount [kg].
        kg: f64,
    },
    /// A reserve tier releases goods.
    ReserveRelease {
        /// Goods category.
        category: String,
        /// Amount [kg].
        kg: f64,
        /// The tier.
        tier: String,
    },
    /// Publicity 舆论宣传 is ordered.
    PublicityOrdered {
        /// Highest panic of any district when ordered.
        peak_panic: f64,
    },
    /// Publicity is published: panic falls over the next days.
    Publicity {
        /// Share of panic it removes.
        cut: f64,
    },
    /// A rumour (scripted or random).
    Rumour {
        /// District, or city-wide.
        district: Option<String>,
        /// Its strength (a jump of panic, 0..1).
        strength: f64,
    },
    /// A scripted event of the scenario happens (an inject, in a drill).
    Injected {
        /// Index into the scenario's events.
        index: u32,
        /// Its kind (`staff_loss`, ...).
        event: &'static str,
    },
    /// The first store of a district shows an empty shelf of a category.
    StockoutStarted {
        /// District.
        district: String,
        /// Goods category.
        category: String,
    },
    /// No store of the district shows an empty shelf of the category any more.
    StockoutEnded {
        /// District.
        district: String,
        /// Goods category.
        category: String,
    },
    /// Panic jumps (by at least 0.05).
    PanicJump {
        /// District, or city-wide (mean over districts).
        district: Option<String>,
        /// Panic before.
        from: f64,
        /// Panic after.
        to: f64,
    },
}

/// Everything one replication produces.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct RunResult {
    /// Scenario name.
    pub scenario: String,
    /// Master seed.
    pub seed: u64,
    /// Replication index.
    pub replication: u64,
    /// Simulated days.
    pub days: u32,
    /// Residents [persons].
    pub population: u64,
    /// Buildings and sites.
    pub buildings: usize,
    /// Stores.
    pub stores: usize,
    /// Events processed.
    pub events: u64,
    /// Headline outcomes and score.
    pub outcomes: Outcomes,
    /// Per category.
    pub categories: Vec<CategoryOutcome>,
    /// Closures.
    pub closures: Vec<ClosureRow>,
    /// Costs by item and level.
    pub costs: Vec<CostRow>,
    /// Closures, decisions, injected events, stock-outs and panic jumps, in
    /// time order.
    pub timeline: Vec<TimelineEntry>,
    /// Monitoring reports.
    pub reports: ReportStats,
    /// Conservation of goods per category.
    pub balance: Vec<Balance>,
    /// Breaches of the model's own invariants found at the end (a stock
    /// below zero, goods not conserved); empty in a sound run.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub invariant_breaches: Vec<String>,
    /// Daily series.
    #[serde(skip)]
    pub daily: Vec<DailyRow>,
    /// Daily series of each closure's points.
    #[serde(skip)]
    pub closure_days: Vec<ClosureDayRow>,
    /// Event trace, if asked for and not sent to a [`TraceSink`].
    #[serde(skip)]
    pub trace: Vec<TraceRow>,
}

#[cfg(test)]
mod tests {
    use super::Balance;

    /// A counter that wrapped past i64 does not cancel out: 10^19 g in,
    /// stored wrapped, and the same 10^19 g eaten and spoiled.
    #[test]
    fn a_wrapped_counter_shows_in_the_residual() {
        let wrapped = (10_000_000_000_000_000_000i128 - (1i128 << 64)) as i64;
        let b = Balance {
            initial_g: 0,
            inflow_g: wrapped,
            consumed_g: 5_000_000_000_000_000_000,
            spoiled_g: 5_000_000_000_000_000_000,
            final_g: 0,
        };
        assert_eq!(b.residual(), -(1i128 << 64));
        assert!(b.terms().iter().any(|&(_, g)| g < 0));
        let fine = Balance {
            inflow_g: 7,
            consumed_g: 5,
            final_g: 2,
            ..Balance::default()
        };
        assert_eq!(fine.residual(), 0);
    }
}
