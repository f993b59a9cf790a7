//! Midnight: goods age, pantries lose what does not keep, online orders no
//! rider carried are cancelled, empty shelves push panic, and the day's
//! rows of the daily series and of each serving closure are closed.

use super::metrics::{ClosureDayRow, DailyRow};
use super::world::*;
use crate::engine::{DAY, Scheduler, SimTime};

impl World<'_> {
    /// Midnight: consumption, spoilage, online orders no rider carried, the
    /// empty-shelf push on panic, the day's rows, and new daily capacities.
    pub(crate) fn day_end(&mut self, now: SimTime, s: &mut Scheduler<CityEvent>) {
        self.consume_all(now);
        self.panic_update(now);
        let sc = self.sc;
        let nc = self.nc;
        let t = now.0 as i64;
        // Goods age, wherever they are: the older, the more goes bad.
        let life = |c: usize| (sc.goods[c].shelf_life_days * DAY as f64) as i64;
        let mut spoiled = vec![0i64; nc];
        for stock in [
            &mut self.stores.stock,
            &mut self.depots.stock,
            &mut self.resp.point_stock,
        ] {
            stock.age_day(t, |i| life(i % nc), |i, g| spoiled[i % nc] += g);
        }
        for (c, &g) in spoiled.iter().enumerate() {
            self.m.spoiled[c] += g;
            self.m.balance[c].spoiled_g += g;
        }
        // A pantry holding more than keeps at home loses the excess (first
        // in, first out: what is older than its pantry life).
        // (Building by building: a category from its place in the row, not
        // from a division per figure.)
        let pantries = self.homes.pantry.chunks_exact_mut(nc);
        for (row, need) in pantries.zip(self.homes.need.chunks_exact(nc)) {
            for (c, (p, &need)) in row.iter_mut().zip(need).enumerate() {
                let keep = (need as f64 * sc.goods[c].pantry_life_days) as i64;
                if *p > keep {
                    let g = *p - keep;
                    *p = keep;
                    self.m.spoiled_home[c] += g;
                    self.m.balance[c].spoiled_g += g;
                }
            }
        }
        // Online orders that no rider carried today are cancelled.
        for (b, bd) in sc.city.buildings.iter().enumerate() {
            if !std::mem::take(&mut self.homes.online_any[b]) {
                continue;
            }
            for c in 0..nc {
                let g = std::mem::take(&mut self.homes.online[b * nc + c]);
                self.m.daily[bd.district * nc + c][CANCELLED] += g;
                self.m.online_cancelled[c] += g;
            }
        }
        // Empty shelves push panic: the share of the district's shelves
        // (store × category) that are empty.
        let nd = sc.city.districts.len();
        let mut shelves = vec![0u32; nd];
        let mut empty = vec![0u32; nd];
        for (st, store) in sc.city.stores.iter().enumerate() {
            for c in 0..nc {
                let i = st * nc + c;
                if self.store_counts(i) {
                    shelves[store.district] += 1;
                    empty[store.district] += u32::from(self.stores.stockout_since[i] != u64::MAX);
                }
            }
        }
        for d in 0..nd {
            if empty[d] > 0 {
                let share = f64::from(empty[d]) / f64::from(shelves[d]);
                let push = sc.panic.empty_shelf_push_per_day * share;
                self.push_district(now, d, push);
            }
        }
        self.daily_rows();
        self.closure_day_rows();
        for f in &mut self.stores.fleet {
            f.out_today_s = 0;
        }
        self.bureau.sales_yesterday = std::mem::replace(&mut self.bureau.sales_today, vec![0; nc]);
        self.reset_daily_capacity();
        for i in 0..sc.city.suppliers.len() {
            self.dispatch(now, Origin::Supplier(i as u32), s);
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
                store_stock[st.district * nc + c] += self.stores.stock.total(s * nc + c);
            }
        }
        let mut pantry = vec![0i64; nd * nc];
        for (b, home) in self.homes.home.iter().enumerate() {
            let d = home.district as usize;
            for c in 0..nc {
                pantry[d * nc + c] += self.homes.pantry[b * nc + c];
            }
        }
        let kg = |g: i64| g as f64 / G;
        let row =
            |day, level, zone: String, category: String, a: &[i64; DAILY], ss, ps, panic, hoard| {
                DailyRow {
                    day,
                    level,
                    zone,
                    category,
                    need_kg: kg(a[NEED]),
                    sales_kg: kg(a[SALES]),
                    online_kg: kg(a[ONLINE]),
                    point_kg: kg(a[POINT]),
                    unmet_kg: kg(a[UNMET]),
                    store_stock_kg: kg(ss),
                    pantry_stock_kg: kg(ps),
                    deliveries_kg: kg(a[DELIVERED]),
                    reserve_release_kg: kg(a[RESERVE]),
                    online_cancelled_kg: kg(a[CANCELLED]),
                    panic,
                    hoard,
                }
            };
        let mean = |v: &[f64]| v.iter().sum::<f64>() / v.len().max(1) as f64;
        let (mean_panic, mean_hoard) = (mean(&self.districts.panic), mean(&self.districts.hoard));
        for (c, g) in sc.goods.iter().enumerate() {
            let mut tot = [0i64; DAILY];
            let (mut ss, mut ps) = (0i64, 0i64);
            for d in 0..nd {
                let a = self.m.daily[d * nc + c];
                for k in 0..DAILY {
                    tot[k] += a[k];
                }
                ss += store_stock[d * nc + c];
                ps += pantry[d * nc + c];
            }
            let normal = self.bureau.city_need[c] as f64;
            if normal > 0.0 {
                let ratio = tot[SALES] as f64 / normal;
                self.m.peak_sales[c] = self.m.peak_sales[c].max(ratio);
            }
            self.m.need[c] += tot[NEED];
            self.m.unmet[c] += tot[UNMET];
            self.m.rows.push(row(
                day,
                "city",
                "city".into(),
                g.name.clone(),
                &tot,
                ss,
                ps,
                mean_panic,
                mean_hoard,
            ));
        }
        for d in 0..nd {
            let zone = self.district_name(d);
            for (c, g) in sc.goods.iter().enumerate() {
                let a = self.m.daily[d * nc + c];
                self.m.rows.push(row(
                    day,
                    "district",
                    zone.clone(),
                    g.name.clone(),
                    &a,
                    store_stock[d * nc + c],
                    pantry[d * nc + c],
                    self.districts.panic[d],
                    self.districts.hoard[d],
                ));
            }
        }
        self.m.daily.iter_mut().for_each(|a| *a = [0; DAILY]);
    }

    /// Each serving closure's points at midnight: backlog, orders served
    /// today and the waits of the orders started today.
    fn closure_day_rows(&mut self) {
        let nc = self.nc;
        self.m.point_marks.resize(self.resp.points.len(), [0; 3]);
        for (i, cl) in self.resp.closures.iter().enumerate() {
            if !cl.serving {
                continue;
            }
            let (mut waiting, mut served, mut started, mut wait_s, mut stock) = (0, 0, 0, 0, 0);
            for &p in &cl.points {
                let pt = &self.resp.points[p as usize];
                let now = [pt.queue.started(), pt.queue.wait_sum_s(), pt.served];
                let mark = &mut self.m.point_marks[p as usize];
                waiting += pt.queue.waiting() as u64;
                started += now[0] - mark[0];
                wait_s += now[1] - mark[1];
                served += now[2] - mark[2];
                *mark = now;
                stock += (0..nc)
                    .map(|c| self.resp.point_stock.total(p as usize * nc + c))
                    .sum::<i64>();
            }
            let (out_s, vans) = cl.suppliers.iter().fold((0u64, 0u64), |(o, v), &st| {
                let st = st as usize;
                (
                    o + self.stores.fleet[st].out_today_s,
                    v + u64::from(self.sc.city.stores[st].vans),
                )
            });
            self.m.closure_days.push(ClosureDayRow {
                day: self.m.day,
                closure: i as u32,
                orders_waiting: waiting,
                orders_served: served,
                mean_wait_h: (started > 0).then(|| wait_s as f64 / started as f64 / 3_600.0),
                point_stock_kg: stock as f64 / G,
                vans_busy_share: if vans > 0 {
                    out_s as f64 / (vans * DAY) as f64
                } else {
                    0.0
                },
            });
        }
    }
}
