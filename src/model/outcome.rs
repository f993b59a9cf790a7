//! The end of a replication: open intervals closed, conservation of goods
//! checked, outcomes and the score computed.

use super::metrics::*;
use super::score;
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
        check("pantry of building", &self.homes.pantry);
        check("online orders of building", &self.homes.online);
        check("store", self.stores.stock.totals());
        check("supplier", self.depots.stock.totals());
        check("point", self.resp.point_stock.totals());
        check("pending order of store", &self.stores.pending);
        check("pending order of point", &self.resp.point_pending);
        check("goods on order by depot", &self.depots.inbound);
        // No counter of grams is negative or beyond the scenario's bound on
        // them: a counter that wrapped past i64 would be one or the other.
        let bound = self.sc.mass_bound_grams();
        let mut in_range = |what: &str, c: usize, g: i64| {
            if g < 0 || g as f64 > bound {
                out.push(format!(
                    "{what} of {} is {g} g, outside 0 to {bound:.0} g",
                    self.sc.goods[c].name
                ));
            }
        };
        for c in 0..nc {
            for (what, v) in [
                ("need", &self.m.need),
                ("unmet need", &self.m.unmet),
                ("spoilage", &self.m.spoiled),
                ("spoilage at home", &self.m.spoiled_home),
                ("sales", &self.m.sold),
                ("production", &self.m.produced),
                ("cancelled online orders", &self.m.online_cancelled),
                ("reserve released", &self.m.reserve),
                ("transfers", &self.m.transfer),
            ] {
                in_range(what, c, v[c]);
            }
            for (what, g) in self.m.balance[c].terms() {
                in_range(what, c, g);
            }
        }
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

    /// Orders and deliveries the points have done on their own calendars
    /// so far (see `service.rs`): events beside those of the city's queue.
    pub fn point_events(&self) -> u64 {
        self.resp.point_events
    }

    /// Closes the run at `now` and returns its results; `events` is the
    /// number of events of the city's queue processed (the points' own
    /// are added).
    pub fn finish(mut self, now: SimTime, events: u64) -> RunResult {
        self.catch_up_all(now);
        // The points' orders and deliveries count as the city's events do.
        let events = events + self.resp.point_events;
        let sc = self.sc;
        let nc = self.nc;
        self.consume_all(now);
        for i in 0..self.stores.stockout_since.len() {
            self.stockout_stop(i, now);
        }
        for c in 0..nc {
            self.m.balance[c].final_g = self.goods_on_hand(c);
        }
        // Closures still sealed at the horizon owe their compensation too.
        for i in 0..self.resp.closures.len() {
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
                household_spoiled_kg: kg(self.m.spoiled_home[c]),
                sold_kg: kg(self.m.sold[c]),
                produced_kg: kg(self.m.produced[c]),
                online_cancelled_kg: kg(self.m.online_cancelled[c]),
                reserve_released_kg: kg(self.m.reserve[c]),
                transferred_kg: kg(self.m.transfer[c]),
            })
            .collect();
        // Over all categories, a person short of everything for a day counts once.
        let need_per_person: f64 = sc.goods.iter().map(|g| g.need_kg).sum();
        let closures: Vec<ClosureRow> = self
            .resp
            .closures
            .iter()
            .enumerate()
            .map(|(i, c)| {
                let place = &sc.city.places[c.place as usize];
                let mut placed = 0;
                let mut served = 0;
                let mut waiting = 0;
                let mut wait_s = 0;
                for &p in &c.points {
                    let pt = &self.resp.points[p as usize];
                    placed += pt.queue.arrived();
                    served += pt.served;
                    waiting += pt.unserved;
                    wait_s += pt.queue.wait_sum_s() + pt.unserved_wait_s;
                    if pt.open {
                        // Still serving at the horizon: waits count until now.
                        waiting += pt.queue.waiting() as u64;
                        wait_s += pt.queue.open_wait_s(now);
                    }
                }
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
                    riders: c.riders.iter().map(|r| r.1).sum(),
                    hours_to_first_goods: c.first_goods.map(|t| t.since(c.start).as_hours()),
                    orders_placed: placed,
                    orders_served: served,
                    orders_waiting: waiting,
                    mean_wait_h: if placed > 0 {
                        wait_s as f64 / placed as f64 / 3_600.0
                    } else {
                        0.0
                    },
                    handed_out_kg: kg(c.handed_out.iter().sum()),
                    shortage_person_days: kg(c.unmet) / need_per_person,
                }
            })
            .collect();
        let split = sc.costs.split;
        let costs: Vec<CostRow> = CostItem::ALL
            .iter()
            .map(|&item| {
                let t = self.m.costs[item as usize];
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
        // Hours to first goods, weighted by residents; a closure whose points
        // never got goods counts until the horizon. A closure absorbed before
        // its points opened is answered by the one that absorbed it.
        let (mut weighted, mut residents) = (0.0, 0.0);
        let mut without = 0u32;
        for (row, c) in closures.iter().zip(&self.resp.closures) {
            if c.points.is_empty() && c.escalated_to.is_some() {
                continue;
            }
            let hours = row
                .hours_to_first_goods
                .unwrap_or_else(|| now.since(c.start).as_hours());
            if row.hours_to_first_goods.is_none() {
                without += 1;
            }
            weighted += hours * row.residents as f64;
            residents += row.residents as f64;
        }
        let mean_first = if residents > 0.0 {
            weighted / residents
        } else {
            0.0
        };
        let stockout: f64 = categories.iter().map(|c| c.stockout_hours).sum();
        let peak_sales = categories
            .iter()
            .map(|c| c.peak_sales_ratio)
            .fold(0.0, f64::max);
        let cost: f64 = self.m.costs.iter().sum();
        let spoiled_t = categories
            .iter()
            .map(|c| c.spoiled_kg + c.household_spoiled_kg)
            .sum::<f64>()
            / 1_000.0;
        let mut outcomes = Outcomes {
            shortage_person_days: shortage,
            mean_hours_to_first_goods: mean_first,
            closures_without_goods: without,
            orders_placed: closures.iter().map(|c| c.orders_placed).sum(),
            orders_unserved: closures.iter().map(|c| c.orders_waiting).sum(),
            stockout_hours: stockout,
            peak_panic: self.m.peak_panic,
            peak_sales_ratio: peak_sales,
            cost_yuan: cost,
            spoiled_tonnes: spoiled_t,
            score: 0.0,
        };
        outcomes.score = score::score(&outcomes, &sc.score);
        RunResult {
            scenario: sc.name.clone(),
            seed: self.seed,
            replication: self.replication,
            days: sc.days,
            population: sc.city.population,
            buildings: sc.city.buildings.len(),
            stores: sc.city.stores.len(),
            events,
            outcomes,
            categories,
            closures,
            costs,
            timeline: std::mem::take(&mut self.m.timeline),
            reports: self.m.reports.clone(),
            balance: self.m.balance.clone(),
            invariant_breaches,
            daily: std::mem::take(&mut self.m.rows),
            closure_days: std::mem::take(&mut self.m.closure_days),
            trace: self.trace.take().unwrap_or_default(),
        }
    }
}
