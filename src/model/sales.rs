//! Pantries and stores: consumption, shopping rounds, online orders,
//! stock-outs, spoilage and the daily series.
//!
//! Demand is aggregated per building: its residents eat from one pantry
//! every day and shop to bring it back towards the cover they want, which
//! hoarding raises (up to what keeps in a pantry). In a control zone a
//! household buys only part of it in the store (purchases by pass) and
//! orders the rest online, for the district's riders to carry; what no
//! rider carries by midnight is cancelled, never bought in the store
//! instead. A household whose store is empty tries its next stores.

use rand::RngExt;

use super::metrics::{ClosureDayRow, DailyRow, Happening};
use super::world::*;
use crate::engine::{DAY, Scheduler, SimTime};

/// Stores a building tries in one round: its own and its next two.
pub(crate) const TRIES: usize = 3;

impl World<'_> {
    /// Residents consume from their pantries up to `now`; what an empty
    /// pantry cannot give is unmet need.
    pub(crate) fn consume_all(&mut self, now: SimTime) {
        let dt = now.since(self.homes.last_consume).0 as i64;
        if dt == 0 {
            return;
        }
        self.homes.last_consume = now;
        let nc = self.nc;
        let share = dt as f64 / DAY as f64;
        for (b, bd) in self.sc.city.buildings.iter().enumerate() {
            let row = b * nc;
            let d = bd.district * nc;
            let mut short = 0;
            let need = &self.homes.need[row..row + nc];
            let pantry = &mut self.homes.pantry[row..row + nc];
            let acc = &mut self.m.daily[d..d + nc];
            let balance = &mut self.m.balance[..nc];
            for c in 0..nc {
                let want = (need[c] as f64 * share) as i64;
                let eaten = want.min(pantry[c]);
                pantry[c] -= eaten;
                acc[c][NEED] += want;
                acc[c][UNMET] += want - eaten;
                short += want - eaten;
                balance[c].consumed_g += eaten;
            }
            // Shortage inside a sealed area counts against its closure too.
            let sealed = self.homes.sealed_by[b];
            if short > 0 && sealed != NONE {
                self.resp.closures[sealed as usize].unmet += short;
            }
        }
    }

    /// The stores building `b` tries, in order: its own and its next ones,
    /// leaving out sealed stores ([`NONE`] pads the list).
    fn tries(&self, b: usize) -> [u32; TRIES] {
        let bd = &self.sc.city.buildings[b];
        let mut out = [NONE; TRIES];
        let mut k = 0;
        for s in std::iter::once(bd.store as u32).chain(bd.next) {
            if s != NONE && self.stores.risk[s as usize] != Risk::High && !out.contains(&s) {
                out[k] = s;
                k += 1;
            }
        }
        out
    }

    /// One city-wide sales round: consumption, then stores sell to the
    /// buildings that shop there, within their stock and their staff's
    /// capacity under the crowd limits; riders carry online orders; demand
    /// a store cannot meet tries the building's next store.
    pub(crate) fn sales_round(&mut self, now: SimTime, _s: &mut Scheduler<CityEvent>) {
        self.consume_all(now);
        self.panic_update(now);
        let sc = self.sc;
        let nc = self.nc;
        let nb = sc.city.buildings.len();
        let ns = sc.city.stores.len();
        let nd = sc.city.districts.len();
        let rules = &sc.stores;
        let hh = &sc.households;
        let rounds = rules.sales_rounds as f64;
        let round_h = (rules.close_hour - rules.open_hour) as f64 / rounds;
        let f = 1.0 - (1.0 - hh.refill_per_day).powf(1.0 / rounds);
        // Demand noise per store and round, from the demand stream.
        let noise: Vec<f64> = (0..ns)
            .map(|_| 0.9 + 0.2 * self.rng.demand.random::<f64>())
            .collect();
        let cover: Vec<f64> = (0..nd * nc)
            .map(|i| {
                hh.wanted_cover_days(
                    sc.goods[i % nc].pantry_life_days,
                    self.districts.hoard[i / nc],
                )
            })
            .collect();
        // What each building still wants in a store this round, and where
        // it tries next. Scratch space kept between rounds: `want` is read
        // only for buildings whose first try is a store.
        let mut want = std::mem::take(&mut self.homes.want);
        let mut tries = std::mem::take(&mut self.homes.tries);
        want.resize(nb * nc, 0);
        tries.resize(nb, [NONE; TRIES]);
        let mut online_total = vec![0i64; nd];
        // The first pass's demand per store, gathered on the way.
        let mut dem_in0 = vec![0i64; ns * nc];
        let mut dem_on0 = vec![0i64; ns * nc];
        for (b, bd) in sc.city.buildings.iter().enumerate() {
            tries[b] = [NONE; TRIES];
            let risk = self.homes.risk[b];
            if risk == Risk::High {
                continue;
            }
            let t = self.tries(b);
            if t[0] == NONE {
                continue;
            }
            tries[b] = t;
            let n = noise[bd.store];
            let row = b * nc;
            let s0 = t[0] as usize * nc;
            let need = &self.homes.need[row..row + nc];
            let pantry = &self.homes.pantry[row..row + nc];
            let cover = &cover[bd.district * nc..(bd.district + 1) * nc];
            let w_row = &mut want[row..row + nc];
            let d_in = &mut dem_in0[s0..s0 + nc];
            if risk == Risk::Medium {
                let share = rules.online_share_medium;
                let online = &mut self.homes.online[row..row + nc];
                let d_on = &mut dem_on0[s0..s0 + nc];
                for c in 0..nc {
                    let target = need[c] as f64 * cover[c];
                    let have = (pantry[c] + online[c]) as f64;
                    let w = (target - have).max(0.0) * f * n;
                    let on = (w * share) as i64;
                    w_row[c] = w as i64 - on;
                    online[c] += on;
                    online_total[bd.district] += online[c];
                    d_in[c] += w_row[c];
                    d_on[c] += online[c];
                }
            } else {
                // No new online orders; orders from when the building was in
                // a control zone may still wait for a rider today.
                let online = &self.homes.online[row..row + nc];
                let d_on = &mut dem_on0[s0..s0 + nc];
                for c in 0..nc {
                    let target = need[c] as f64 * cover[c];
                    let w = (target - (pantry[c] + online[c]) as f64).max(0.0) * f * n;
                    w_row[c] = w as i64;
                    d_in[c] += w_row[c];
                    d_on[c] += online[c];
                    online_total[bd.district] += online[c];
                }
            }
        }
        // Staff capacity of each store this round [g].
        let mut cap_left: Vec<f64> = sc
            .city
            .stores
            .iter()
            .enumerate()
            .map(|(s, st)| {
                let crowd = match self.stores.risk[s] {
                    Risk::Low => rules.crowd_limit_low,
                    Risk::Medium => rules.crowd_limit_medium,
                    Risk::High => 0.0,
                };
                f64::from(st.staff)
                    * self.districts.attendance[st.district]
                    * rules.kg_per_staff_hour
                    * G
                    * round_h
                    * crowd
            })
            .collect();
        let rider_ratio: Vec<f64> = (0..nd)
            .map(|d| {
                if online_total[d] > 0 {
                    (self.districts.riders.kg_left(d) as f64 / online_total[d] as f64).min(1.0)
                } else {
                    1.0
                }
            })
            .collect();
        // Stores whose buyers got less than they wanted in the last pass:
        // only their buyers try their next store.
        let mut short = vec![true; ns];
        for pass in 0..TRIES {
            let online = pass == 0;
            let (dem_in, dem_on) = if pass == 0 {
                (std::mem::take(&mut dem_in0), std::mem::take(&mut dem_on0))
            } else {
                let mut dem_in = vec![0i64; ns * nc];
                let mut any = false;
                for b in 0..nb {
                    let s = tries[b][pass];
                    let p = tries[b][pass - 1];
                    if s == NONE || p == NONE || !short[p as usize] {
                        tries[b][pass] = NONE;
                        continue;
                    }
                    let (s, row) = (s as usize * nc, b * nc);
                    for (d, w) in dem_in[s..s + nc].iter_mut().zip(&want[row..row + nc]) {
                        *d += w;
                    }
                    any = true;
                }
                if !any {
                    break;
                }
                (dem_in, vec![0i64; ns * nc])
            };
            // Fill ratios per store and category: staff capacity for
            // in-store buyers, riders for online orders, then stock.
            let mut fill_in = vec![0f64; ns * nc];
            let mut fill_on = vec![0f64; ns * nc];
            for (s, st) in sc.city.stores.iter().enumerate() {
                let total_in: i64 = dem_in[s * nc..(s + 1) * nc].iter().sum();
                let cap_ratio = if total_in > 0 {
                    (cap_left[s] / total_in as f64).min(1.0)
                } else {
                    1.0
                };
                cap_left[s] = (cap_left[s] - total_in as f64 * cap_ratio).max(0.0);
                let rr = rider_ratio[st.district];
                short[s] = false;
                for c in 0..nc {
                    let i = s * nc + c;
                    let asked = dem_in[i] as f64 * cap_ratio + dem_on[i] as f64 * rr;
                    let stock_ratio = if asked > 0.0 {
                        (self.stores.stock[i].total() as f64 / asked).min(1.0)
                    } else {
                        1.0
                    };
                    fill_in[i] = cap_ratio * stock_ratio;
                    fill_on[i] = rr * stock_ratio;
                    // Buyers left wanting (beyond rounding) try elsewhere.
                    short[s] |= dem_in[i] > 0 && fill_in[i] < 0.99;
                }
            }
            let mut sold = vec![0i64; ns * nc];
            let mut sold_on = vec![0i64; ns * nc];
            for b in 0..nb {
                let s = tries[b][pass];
                if s == NONE {
                    continue;
                }
                let (s, row) = (s as usize * nc, b * nc);
                let w_row = &mut want[row..row + nc];
                let pantry = &mut self.homes.pantry[row..row + nc];
                let fill = &fill_in[s..s + nc];
                let sold_s = &mut sold[s..s + nc];
                for c in 0..nc {
                    let got = (w_row[c] as f64 * fill[c]) as i64;
                    w_row[c] -= got;
                    pantry[c] += got;
                    sold_s[c] += got;
                }
                if online {
                    let on_row = &mut self.homes.online[row..row + nc];
                    let fill = &fill_on[s..s + nc];
                    for c in 0..nc {
                        if on_row[c] > 0 {
                            let got = (on_row[c] as f64 * fill[c]) as i64;
                            on_row[c] -= got;
                            pantry[c] += got;
                            sold_s[c] += got;
                            sold_on[s + c] += got;
                        }
                    }
                }
            }
            for (s, st) in sc.city.stores.iter().enumerate() {
                let d = st.district;
                for c in 0..nc {
                    let i = s * nc + c;
                    let g = sold[i];
                    if g > 0 {
                        let (taken, _) = self.stores.stock[i].take(g);
                        debug_assert_eq!(taken, g);
                        self.m.sold[c] += g;
                        self.bureau.sales_today[c] += g;
                        let acc = &mut self.m.daily[d * nc + c];
                        acc[SALES] += g;
                        acc[ONLINE] += sold_on[i];
                        self.districts.riders.use_kg(d, sold_on[i]);
                    }
                }
            }
        }
        self.homes.want = want;
        self.homes.tries = tries;
        for i in 0..ns * nc {
            if self.store_counts(i) && self.shelf_empty(i) {
                self.stockout_start(i, now);
            }
        }
    }

    /// Whether store-category `i` counts for stock-outs: the store is not
    /// sealed and someone shops there or is supplied from it.
    pub(crate) fn store_counts(&self, i: usize) -> bool {
        self.stores.risk[i / self.nc] != Risk::High
            && self.stores.normal[i] + self.stores.duty[i] > 0
    }

    /// Whether store-category `i` shows an empty shelf: less than 1% of a
    /// normal day's sales left (crumbs of rationing do not fill a shelf).
    pub(crate) fn shelf_empty(&self, i: usize) -> bool {
        let day = self.stores.normal[i] + self.stores.duty[i];
        self.stores.stock[i].total() * 100 < day.max(1)
    }

    /// Starts counting a stock-out of store-category `i` (if not counting).
    pub(crate) fn stockout_start(&mut self, i: usize, now: SimTime) {
        if self.stores.stockout_since[i] == u64::MAX {
            self.stores.stockout_since[i] = now.0;
            let (d, c) = self.stockout_zone(i);
            self.stores.stockouts_in[d * self.nc + c] += 1;
            if self.stores.stockouts_in[d * self.nc + c] == 1 {
                let (district, category) = (self.district_name(d), self.sc.goods[c].name.clone());
                self.record(now, Happening::StockoutStarted { district, category });
            }
        }
    }

    /// Stops counting a stock-out of store-category `i` and adds its hours.
    pub(crate) fn stockout_stop(&mut self, i: usize, now: SimTime) {
        let since = self.stores.stockout_since[i];
        if since != u64::MAX {
            self.m.stockout_s[i % self.nc] += now.0.saturating_sub(since);
            self.stores.stockout_since[i] = u64::MAX;
            let (d, c) = self.stockout_zone(i);
            self.stores.stockouts_in[d * self.nc + c] -= 1;
            if self.stores.stockouts_in[d * self.nc + c] == 0 && now < self.sc.horizon() {
                let (district, category) = (self.district_name(d), self.sc.goods[c].name.clone());
                self.record(now, Happening::StockoutEnded { district, category });
            }
        }
    }

    /// District and category of store-category `i`.
    fn stockout_zone(&self, i: usize) -> (usize, usize) {
        (self.sc.city.stores[i / self.nc].district, i % self.nc)
    }

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
            for (i, lots) in stock.iter_mut().enumerate() {
                spoiled[i % nc] += lots.age_day(t, life(i % nc));
            }
        }
        for (c, &g) in spoiled.iter().enumerate() {
            self.m.spoiled[c] += g;
            self.m.balance[c].spoiled_g += g;
        }
        // A pantry holding more than keeps at home loses the excess (first
        // in, first out: what is older than its pantry life).
        for (i, p) in self.homes.pantry.iter_mut().enumerate() {
            let c = i % nc;
            let keep = (self.homes.need[i] as f64 * sc.goods[c].pantry_life_days) as i64;
            if *p > keep {
                let g = *p - keep;
                *p = keep;
                self.m.spoiled_home[c] += g;
                self.m.balance[c].spoiled_g += g;
            }
        }
        // Online orders that no rider carried today are cancelled.
        for (b, bd) in sc.city.buildings.iter().enumerate() {
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
                store_stock[st.district * nc + c] += self.stores.stock[s * nc + c].total();
            }
        }
        let mut pantry = vec![0i64; nd * nc];
        for (b, bd) in sc.city.buildings.iter().enumerate() {
            for c in 0..nc {
                pantry[bd.district * nc + c] += self.homes.pantry[b * nc + c];
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
                    .map(|c| self.resp.point_stock[p as usize * nc + c].total())
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
