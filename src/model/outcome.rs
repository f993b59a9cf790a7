//! The end of a replication: open intervals closed, conservation of goods
//! checked, outcomes and the score computed.

use super::metrics::*;
use super::world::*;
use crate::engine::SimTime;

impl World<'_> {
    /// Lists what breaks the model's invariants: no holder has negative
    /// stock, nothing is awaited in negative amounts, goods are conserved.
    fn check_invariants(&self) -> Vec<String> {
        let mut out = Vec::new();
        let nc = self.nc;
        let mut check = |what: &str, v: &[i64]| {
            if let Some(i) = v.iter().position(|&x| x < 0) {
                out.push(format!(
                    "{what} #{} has {} g of {}",
                    i / nc,
                    v[i],
                    self.sc.goods[i % nc].name
                ));
            }
        };
        check("pantry of building", &self.pantry);
        check("store", &self.stock);
        check("supplier", &self.sup_stock);
        check("point", &self.point_stock);
        check("pending order of store", &self.pending);
        check("pending order of point", &self.point_pending);
        for (c, b) in self.m.balance.iter().enumerate() {
            if b.residual() != 0 {
                out.push(format!(
                    "{} not conserved: off by {} g",
                    self.sc.goods[c].name,
                    b.residual()
                ));
            }
        }
        out
    }

    /// Closes the run at `now` and returns its results; `events` is the
    /// number of events processed.
    pub fn finish(mut self, now: SimTime, events: u64) -> RunResult {
        let sc = self.sc;
        let nc = self.nc;
        self.consume_all(now);
        for i in 0..self.stockout_since.len() {
            self.stockout_stop(i, now);
        }
        for c in 0..nc {
            self.m.balance[c].final_g = self.goods_on_hand(c);
        }
        // Closures still sealed at the horizon owe their compensation too.
        for i in 0..self.closures.len() {
            self.compensate(i as u32);
        }
        let invariant_breaches = self.check_invariants();
        let kg = |g: i64| g as f64 / G;
        let categories: Vec<CategoryOutcome> = sc
            .goods
            .iter()
            .enumerate()
            .map(|(c, g)| CategoryOutcome {
                category: g.name.clone(),
                label_zh: g.label_zh.clone(),
                need_kg: kg(self.m.need[c]),
                unmet_kg: kg(self.m.unmet[c]),
                shortage_person_days: kg(self.m.unmet[c]) / g.need_kg,
                stockout_hours: self.m.stockout_s[c] as f64 / 3_600.0,
                peak_sales_ratio: self.m.peak_sales[c],
                spoiled_kg: kg(self.m.spoiled[c]),
                reserve_released_kg: kg(self.m.reserve[c]),
                transferred_kg: kg(self.m.transfer[c]),
            })
            .collect();
        // Over all categories, a person short of everything for a day counts once.
        let need_per_person: f64 = sc.goods.iter().map(|g| g.need_kg).sum();
        let closures: Vec<ClosureRow> = self
            .closures
            .iter()
            .enumerate()
            .map(|(i, c)| {
                let place = &sc.city.places[c.place as usize];
                let (orders, waits) = c.points.iter().fold((0u64, 0u64), |(o, w), &p| {
                    let q = &self.points[p as usize].queue;
                    (o + self.points[p as usize].orders_done, w + q.wait_sum_s())
                });
                let started: u64 = c
                    .points
                    .iter()
                    .map(|&p| self.points[p as usize].queue.started())
                    .sum();
                ClosureRow {
                    id: i as u32,
                    place: place.name.clone(),
                    level: c.level.key(),
                    cause: c.cause.key(),
                    residents: place.population,
                    start_h: c.start.as_hours(),
                    end_h: c.ended.map(|t| t.as_hours()),
                    escalated_to: c.escalated_to,
                    suppliers: c.suppliers.len() as u32,
                    points: c.points.len() as u32,
                    hours_to_first_goods: c.first_goods.map(|t| t.since(c.start).as_hours()),
                    orders,
                    mean_wait_h: if started > 0 {
                        waits as f64 / started as f64 / 3_600.0
                    } else {
                        0.0
                    },
                    handed_out_kg: kg(c.handed_out.iter().sum()),
                    shortage_person_days: kg(c.unmet) / need_per_person,
                }
            })
            .collect();
        let split = sc.costs.split;
        let costs: Vec<CostRow> = COST_ITEMS
            .iter()
            .enumerate()
            .map(|(i, item)| {
                let t = self.m.costs[i];
                CostRow {
                    item,
                    total_yuan: t,
                    province_yuan: t * split[0],
                    city_yuan: t * split[1],
                    county_yuan: t * split[2],
                }
            })
            .collect();
        // Over all categories, unmet kilograms over the whole daily need of
        // a person: a person short of everything for a day counts once.
        let shortage: f64 = categories.iter().map(|c| c.unmet_kg).sum::<f64>() / need_per_person;
        let with_goods: Vec<f64> = closures
            .iter()
            .filter_map(|c| c.hours_to_first_goods)
            .collect();
        let mean_first = if with_goods.is_empty() {
            0.0
        } else {
            with_goods.iter().sum::<f64>() / with_goods.len() as f64
        };
        let without = self
            .closures
            .iter()
            .filter(|c| c.first_goods.is_none() && !c.points.is_empty())
            .count() as u32;
        let stockout: f64 = categories.iter().map(|c| c.stockout_hours).sum();
        let peak_sales = categories
            .iter()
            .map(|c| c.peak_sales_ratio)
            .fold(0.0, f64::max);
        let cost: f64 = self.m.costs.iter().sum();
        let spoiled_t = categories.iter().map(|c| c.spoiled_kg).sum::<f64>() / 1_000.0;
        let w = &sc.score;
        let score = w.shortage_person_days * shortage
            + w.hours_to_first_goods * mean_first
            + w.stockout_hours * stockout
            + w.peak_panic * self.m.peak_panic
            + w.cost_10k_yuan * cost / 10_000.0
            + w.spoilage_tonnes * spoiled_t;
        RunResult {
            scenario: sc.name.clone(),
            seed: self.seed,
            replication: self.replication,
            days: sc.days,
            population: sc.city.population,
            buildings: sc.city.buildings.len(),
            stores: sc.city.stores.len(),
            events,
            outcomes: Outcomes {
                shortage_person_days: shortage,
                mean_hours_to_first_goods: mean_first,
                closures_without_goods: without,
                stockout_hours: stockout,
                peak_panic: self.m.peak_panic,
                peak_sales_ratio: peak_sales,
                cost_yuan: cost,
                spoiled_tonnes: spoiled_t,
                score,
            },
            categories,
            closures,
            costs,
            decisions: std::mem::take(&mut self.m.decisions),
            reports: self.m.reports.clone(),
            balance: self.m.balance.clone(),
            invariant_breaches,
            daily: std::mem::take(&mut self.m.rows),
            trace: self.trace.take().unwrap_or_default(),
        }
    }
}
