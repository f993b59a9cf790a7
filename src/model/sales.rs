//! Pantries and stores: consumption, shopping rounds, stock-outs, spoilage
//! and the daily series.
//!
//! Demand is aggregated per building: its residents consume from one pantry
//! every day, and shop to bring it back towards a desired cover that panic
//! raises (hoarding). When panic falls, pantries are over the desired cover
//! and shopping dips until they are eaten down.

use rand::RngExt;

use super::metrics::{DailyRow, Happening};
use super::world::*;
use crate::engine::{DAY, Scheduler, SimTime};

impl World<'_> {
    /// Residents consume from their pantries up to `now`; what an empty
    /// pantry cannot give is unmet need.
    pub(crate) fn consume_all(&mut self, now: SimTime) {
        let dt = now.since(self.last_consume).0 as i64;
        if dt == 0 {
            return;
        }
        self.last_consume = now;
        let nc = self.nc;
        let day = DAY as i64;
        for (b, bd) in self.sc.city.buildings.iter().enumerate() {
            let row = b * nc;
            let d = bd.district * nc;
            let mut short = 0;
            for c in 0..nc {
                let want = self.need[row + c] * dt / day;
                let p = &mut self.pantry[row + c];
                let eaten = want.min(*p);
                *p -= eaten;
                let acc = &mut self.m.daily[d + c];
                acc[NEED] += want;
                acc[UNMET] += want - eaten;
                short += want - eaten;
                self.m.balance[c].consumed_g += eaten;
            }
            // Shortage inside a sealed area counts against its closure too.
            let sealed = self.sealed_by[b];
            if short > 0 && sealed != NONE {
                self.closures[sealed as usize].unmet += short;
            }
        }
    }

    /// One city-wide sales round: consumption, then every open store sells
    /// to the buildings that shop there, within its stock, its staff's
    /// capacity under the crowd limits, and (online) the riders' capacity.
    pub(crate) fn sales_round(&mut self, now: SimTime) {
        self.consume_all(now);
        self.panic_update(now);
        let sc = self.sc;
        let nc = self.nc;
        let ns = sc.city.stores.len();
        let nd = sc.city.districts.len();
        let rules = &sc.stores;
        let rounds = rules.sales_rounds as f64;
        let round_h = (rules.close_hour - rules.open_hour) as f64 / rounds;
        let f = 1.0 - (1.0 - sc.households.refill_per_day).powf(1.0 / rounds);
        let hh = &sc.households;
        // Demand noise per store and round, from the demand stream.
        let noise: Vec<f64> = (0..ns)
            .map(|_| 0.9 + 0.2 * self.r_demand.random::<f64>())
            .collect();
        let mut dem_in = vec![0i64; ns * nc];
        let mut dem_on = vec![0i64; ns * nc];
        let mut dist_on = vec![0i64; nd];
        for (b, bd) in sc.city.buildings.iter().enumerate() {
            let row = b * nc;
            let risk = self.risk[b];
            let store = if risk == Risk::High {
                NONE
            } else if self.store_risk[bd.store] != Risk::High {
                bd.store as u32
            } else if self.store_risk[bd.fallback] != Risk::High {
                bd.fallback as u32
            } else {
                NONE
            };
            self.shop_at[b] = store;
            if store == NONE {
                for c in 0..nc {
                    self.want_in[row + c] = 0;
                    self.want_on[row + c] = 0;
                }
                continue;
            }
            let s = store as usize;
            let cover = hh.base_cover_days + hh.hoard_extra_days * self.panic[bd.district];
            let online = if risk == Risk::Medium {
                rules.online_share_medium
            } else {
                0.0
            };
            for c in 0..nc {
                let target = self.need[row + c] as f64 * cover;
                let gap = (target - self.pantry[row + c] as f64).max(0.0);
                let want = gap * f * noise[s];
                let on = (want * online) as i64;
                let inn = want as i64 - on;
                self.want_in[row + c] = inn;
                self.want_on[row + c] = on;
                dem_in[s * nc + c] += inn;
                dem_on[s * nc + c] += on;
                dist_on[bd.district] += on;
            }
        }
        // Fill ratios per store and category.
        let mut fill_in = vec![0f64; ns * nc];
        let mut fill_on = vec![0f64; ns * nc];
        for (s, st) in sc.city.stores.iter().enumerate() {
            let crowd = match self.store_risk[s] {
                Risk::Low => rules.crowd_limit_low,
                Risk::Medium => rules.crowd_limit_medium,
                Risk::High => 0.0,
            };
            let cap = f64::from(st.staff)
                * self.attendance[st.district]
                * rules.kg_per_staff_hour
                * G
                * round_h
                * crowd;
            let total_in: i64 = dem_in[s * nc..(s + 1) * nc].iter().sum();
            let cap_ratio = if total_in > 0 {
                (cap / total_in as f64).min(1.0)
            } else {
                1.0
            };
            let d = st.district;
            let rider_ratio = if dist_on[d] > 0 {
                (self.rider_kg_left[d] as f64 / dist_on[d] as f64).min(1.0)
            } else {
                1.0
            };
            for c in 0..nc {
                let i = s * nc + c;
                let asked = dem_in[i] as f64 * cap_ratio + dem_on[i] as f64 * rider_ratio;
                let stock_ratio = if asked > 0.0 {
                    (self.stock[i] as f64 / asked).min(1.0)
                } else {
                    1.0
                };
                fill_in[i] = cap_ratio * stock_ratio;
                fill_on[i] = rider_ratio * stock_ratio;
            }
        }
        for (b, bd) in sc.city.buildings.iter().enumerate() {
            let s = self.shop_at[b];
            if s == NONE {
                continue;
            }
            let s = s as usize;
            let row = b * nc;
            for c in 0..nc {
                let i = s * nc + c;
                let got_in = (self.want_in[row + c] as f64 * fill_in[i]) as i64;
                let got_on = (self.want_on[row + c] as f64 * fill_on[i]) as i64;
                let got = (got_in + got_on).min(self.stock[i]);
                let got_on = got_on.min(got);
                self.stock[i] -= got;
                self.pantry[row + c] += got;
                self.rider_kg_left[bd.district] -= got_on;
                let acc = &mut self.m.daily[bd.district * nc + c];
                acc[SALES] += got;
                acc[ONLINE] += got_on;
            }
        }
        for s in 0..ns {
            for c in 0..nc {
                let i = s * nc + c;
                if self.shelf_empty(i) && self.store_risk[s] != Risk::High {
                    self.stockout_start(i, now);
                }
            }
        }
    }

    /// Whether store-category `i` shows an empty shelf: less than 1% of a
    /// normal day's sales left (crumbs of rationing do not fill a shelf).
    pub(crate) fn shelf_empty(&self, i: usize) -> bool {
        self.stock[i] * 100 < self.normal[i].max(1)
    }

    /// Starts counting a stock-out of store-category `i` (if not counting).
    pub(crate) fn stockout_start(&mut self, i: usize, now: SimTime) {
        if self.stockout_since[i] == u64::MAX {
            self.stockout_since[i] = now.0;
            let (d, c) = self.stockout_zone(i);
            self.stockouts_in[d * self.nc + c] += 1;
            if self.stockouts_in[d * self.nc + c] == 1 {
                let (district, category) = self.zone_names(d, c);
                self.record(now, Happening::StockoutStarted { district, category });
            }
        }
    }

    /// Stops counting a stock-out of store-category `i` and adds its hours.
    pub(crate) fn stockout_stop(&mut self, i: usize, now: SimTime) {
        let since = self.stockout_since[i];
        if since != u64::MAX {
            self.m.stockout_s[i % self.nc] += now.0.saturating_sub(since);
            self.stockout_since[i] = u64::MAX;
            let (d, c) = self.stockout_zone(i);
            self.stockouts_in[d * self.nc + c] -= 1;
            if self.stockouts_in[d * self.nc + c] == 0 && now < self.sc.horizon() {
                let (district, category) = self.zone_names(d, c);
                self.record(now, Happening::StockoutEnded { district, category });
            }
        }
    }

    /// District and category of store-category `i`.
    fn stockout_zone(&self, i: usize) -> (usize, usize) {
        (self.sc.city.stores[i / self.nc].district, i % self.nc)
    }

    /// Names of district `d` and category `c`.
    fn zone_names(&self, d: usize, c: usize) -> (String, String) {
        let city = &self.sc.city;
        (
            city.places[city.districts[d]].name.clone(),
            self.sc.goods[c].name.clone(),
        )
    }

    /// Midnight: consumption, spoilage, the empty-shelf push on panic, the
    /// day's rows, and new daily capacities.
    pub(crate) fn day_end(&mut self, now: SimTime, s: &mut Scheduler<CityEvent>) {
        self.consume_all(now);
        self.panic_update(now);
        let sc = self.sc;
        let nc = self.nc;
        // Spoilage: stock beyond shelf life times normal daily throughput
        // has been on the shelf too long (first-in first-out).
        for (st, _) in sc.city.stores.iter().enumerate() {
            for (c, g) in sc.goods.iter().enumerate() {
                let i = st * nc + c;
                let keep = ((self.normal[i] + self.duty[i]) as f64 * g.shelf_life_days) as i64;
                let spoil = (self.stock[i] - keep).max(0);
                self.stock[i] -= spoil;
                self.spoil(c, spoil);
            }
        }
        for (sp, _) in sc.city.suppliers.iter().enumerate() {
            for (c, g) in sc.goods.iter().enumerate() {
                let i = sp * nc + c;
                let keep = (self.sup_normal[i] as f64 * g.shelf_life_days) as i64;
                let spoil = (self.sup_stock[i] - keep).max(0);
                if sc.city.suppliers[sp].kind != super::config::SupplierKind::OtherRegion {
                    self.sup_stock[i] -= spoil;
                    self.spoil(c, spoil);
                }
            }
        }
        // Empty shelves push panic.
        let nd = sc.city.districts.len();
        let mut open = vec![0u32; nd];
        let mut empty = vec![0u32; nd];
        for (st, store) in sc.city.stores.iter().enumerate() {
            if self.store_risk[st] == Risk::High {
                continue;
            }
            open[store.district] += 1;
            if (0..nc).any(|c| self.stockout_since[st * nc + c] != u64::MAX) {
                empty[store.district] += 1;
            }
        }
        for d in 0..nd {
            if open[d] > 0 && empty[d] > 0 {
                let share = f64::from(empty[d]) / f64::from(open[d]);
                let push = sc.panic.empty_shelf_push_per_day * share;
                let from = self.panic[d];
                self.panic[d] = (from + push * (1.0 - from)).min(1.0);
                self.m.peak_panic = self.m.peak_panic.max(self.panic[d]);
                self.record_jump(now, Some(d), from, self.panic[d]);
            }
        }
        self.daily_rows();
        self.reset_daily_capacity();
        for i in 0..sc.city.suppliers.len() {
            self.dispatch(now, Origin::Supplier(i as u32), s);
        }
    }

    fn spoil(&mut self, c: usize, g: i64) {
        if g > 0 {
            self.m.spoiled[c] += g;
            self.m.balance[c].spoiled_g += g;
        }
    }

    /// Closes the day's accumulators into rows of the daily series.
    pub(crate) fn daily_rows(&mut self) {
        let sc = self.sc;
        let nc = self.nc;
        let nd = sc.city.districts.len();
        self.m.day += 1;
        let day = self.m.day;
        let mut store_stock = vec![0i64; nd * nc];
        for (s, st) in sc.city.stores.iter().enumerate() {
            for c in 0..nc {
                store_stock[st.district * nc + c] += self.stock[s * nc + c];
            }
        }
        let mut pantry = vec![0i64; nd * nc];
        for (b, bd) in sc.city.buildings.iter().enumerate() {
            for c in 0..nc {
                pantry[bd.district * nc + c] += self.pantry[b * nc + c];
            }
        }
        let kg = |g: i64| g as f64 / G;
        let mut city_rows = Vec::with_capacity(nc);
        for (c, g) in sc.goods.iter().enumerate() {
            let mut tot = [0i64; 7];
            let (mut ss, mut ps) = (0i64, 0i64);
            for d in 0..nd {
                let a = self.m.daily[d * nc + c];
                for k in 0..7 {
                    tot[k] += a[k];
                }
                ss += store_stock[d * nc + c];
                ps += pantry[d * nc + c];
            }
            let normal = self.city_need[c] as f64;
            if normal > 0.0 {
                let ratio = tot[SALES] as f64 / normal;
                self.m.peak_sales[c] = self.m.peak_sales[c].max(ratio);
            }
            self.m.need[c] += tot[NEED];
            self.m.unmet[c] += tot[UNMET];
            let mean_panic = self.panic.iter().sum::<f64>() / nd as f64;
            city_rows.push(DailyRow {
                day,
                level: "city",
                zone: "city".into(),
                category: g.name.clone(),
                need_kg: kg(tot[NEED]),
                sales_kg: kg(tot[SALES]),
                online_kg: kg(tot[ONLINE]),
                point_kg: kg(tot[POINT]),
                unmet_kg: kg(tot[UNMET]),
                store_stock_kg: kg(ss),
                pantry_stock_kg: kg(ps),
                deliveries_kg: kg(tot[DELIVERED]),
                reserve_release_kg: kg(tot[RESERVE]),
                panic: mean_panic,
            });
        }
        self.m.rows.extend(city_rows);
        for d in 0..nd {
            let zone = sc.city.places[sc.city.districts[d]].name.clone();
            for (c, g) in sc.goods.iter().enumerate() {
                let a = self.m.daily[d * nc + c];
                self.m.rows.push(DailyRow {
                    day,
                    level: "district",
                    zone: zone.clone(),
                    category: g.name.clone(),
                    need_kg: kg(a[NEED]),
                    sales_kg: kg(a[SALES]),
                    online_kg: kg(a[ONLINE]),
                    point_kg: kg(a[POINT]),
                    unmet_kg: kg(a[UNMET]),
                    store_stock_kg: kg(store_stock[d * nc + c]),
                    pantry_stock_kg: kg(pantry[d * nc + c]),
                    deliveries_kg: kg(a[DELIVERED]),
                    reserve_release_kg: kg(a[RESERVE]),
                    panic: self.panic[d],
                });
            }
        }
        self.m.daily.iter_mut().for_each(|a| *a = [0; 7]);
    }
}
