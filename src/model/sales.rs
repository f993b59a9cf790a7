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

/// Scratch space of the sales rounds, kept between rounds so that a round
/// allocates nothing.
#[derive(Debug, Default)]
pub(crate) struct Scratch {
    /// This round's tries: the buildings' tries, cut down pass by pass.
    tries: Vec<[u32; TRIES]>,
    /// What each building still wants in a store this round [g].
    want: Vec<i64>,
    noise: Vec<f64>,
    cover: Vec<f64>,
    online_total: Vec<i64>,
    dem_in: Vec<i64>,
    dem_on: Vec<i64>,
    cap_left: Vec<f64>,
    rider_ratio: Vec<f64>,
    short: Vec<bool>,
    fill_in: Vec<f64>,
    fill_on: Vec<f64>,
    sold: Vec<i64>,
    sold_on: Vec<i64>,
}

/// What each building eats over an interval, for the few intervals of a
/// day (between sales rounds, to midnight, from midnight to opening),
/// worked out once each.
#[derive(Debug, Default)]
pub(crate) struct Rations {
    /// (interval [s], per building × category [g], per district ×
    /// category [g]), the most recently added last.
    kept: Vec<(u64, Vec<i64>, Vec<i64>)>,
}

impl Rations {
    /// Intervals kept at once.
    const KEPT: usize = 4;

    /// Which of `kept` holds what each building and each district eat over
    /// `dt` seconds [g], worked out now if none does.
    fn over(
        &mut self,
        dt: u64,
        need: &[i64],
        buildings: &[super::config::Building],
        nd: usize,
        nc: usize,
    ) -> usize {
        if let Some(k) = self.kept.iter().position(|e| e.0 == dt) {
            return k;
        }
        let share = dt as f64 / DAY as f64;
        let per_building: Vec<i64> = need.iter().map(|&n| (n as f64 * share) as i64).collect();
        let mut per_district = vec![0i64; nd * nc];
        for (b, bd) in buildings.iter().enumerate() {
            for c in 0..nc {
                per_district[bd.district * nc + c] += per_building[b * nc + c];
            }
        }
        if self.kept.len() == Self::KEPT {
            self.kept.remove(0);
        }
        self.kept.push((dt, per_building, per_district));
        self.kept.len() - 1
    }
}

/// A meal under way: the rations of its interval and the need left unmet
/// so far per category [g].
struct Meal {
    rations: Rations,
    k: usize,
    unmet: Vec<i64>,
}

/// Sets `v` to `n` zeros, reusing its memory.
fn zero<T: Default + Clone>(v: &mut Vec<T>, n: usize) {
    v.clear();
    v.resize(n, T::default());
}

/// `(g as f64 * 1.0) as i64`, the amount bought at a fill ratio of one,
/// without floating point where that is exact (up to 2^53 g).
#[inline]
fn times_one(g: i64) -> i64 {
    if g.unsigned_abs() <= 1 << 53 {
        g
    } else {
        g as f64 as i64
    }
}

impl World<'_> {
    /// Residents consume from their pantries up to `now`; what an empty
    /// pantry cannot give is unmet need.
    pub(crate) fn consume_all(&mut self, now: SimTime) {
        if let Some(mut meal) = self.meal_until(now) {
            for b in 0..self.sc.city.buildings.len() {
                self.eat(b, &mut meal);
            }
            self.meal_done(meal);
        }
    }

    /// Starts a meal: the consumption from the last one up to `now`, eaten
    /// building by building with [`World::eat`] and closed with
    /// [`World::meal_done`]; `None` if no time has passed.
    fn meal_until(&mut self, now: SimTime) -> Option<Meal> {
        let dt = now.since(self.homes.last_consume).0;
        if dt == 0 {
            return None;
        }
        self.homes.last_consume = now;
        let sc = self.sc;
        let mut rations = std::mem::take(&mut self.homes.rations);
        let k = rations.over(
            dt,
            &self.homes.need,
            &sc.city.buildings,
            sc.city.districts.len(),
            self.nc,
        );
        Some(Meal {
            rations,
            k,
            unmet: vec![0; self.nc],
        })
    }

    /// Building `b` eats its part of `meal`.
    #[inline]
    fn eat(&mut self, b: usize, meal: &mut Meal) {
        let nc = self.nc;
        let row = b * nc;
        let want = &meal.rations.kept[meal.k].1[row..row + nc];
        let pantry = &mut self.homes.pantry[row..row + nc];
        let mut short = 0;
        for c in 0..nc {
            let eaten = want[c].min(pantry[c]);
            pantry[c] -= eaten;
            if eaten < want[c] {
                let miss = want[c] - eaten;
                let d = self.sc.city.buildings[b].district;
                self.m.daily[d * nc + c][UNMET] += miss;
                meal.unmet[c] += miss;
                short += miss;
            }
        }
        // Shortage inside a sealed area counts against its closure too.
        let sealed = self.homes.sealed_by[b];
        if short > 0 && sealed != NONE {
            self.resp.closures[sealed as usize].unmet += short;
        }
    }

    /// Closes a meal every building has eaten: the need and consumption of
    /// each district.
    fn meal_done(&mut self, meal: Meal) {
        let nc = self.nc;
        for (i, &g) in meal.rations.kept[meal.k].2.iter().enumerate() {
            self.m.daily[i][NEED] += g;
            self.m.balance[i % nc].consumed_g += g;
        }
        for (c, g) in meal.unmet.into_iter().enumerate() {
            self.m.balance[c].consumed_g -= g;
        }
        self.homes.rations = meal.rations;
    }

    /// The stores building `b` tries, in order: its own and its next ones,
    /// leaving out sealed stores ([`NONE`] pads the list); none at all for
    /// a sealed building.
    pub(crate) fn tries(&self, b: usize) -> [u32; TRIES] {
        let mut out = [NONE; TRIES];
        if self.homes.risk[b] == Risk::High {
            return out;
        }
        let bd = &self.sc.city.buildings[b];
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
        // Residents eat up to now, building by building on the first pass.
        let mut meal = self.meal_until(now);
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
        let mut x = std::mem::take(&mut self.homes.scratch);
        // Demand noise per store and round, from the demand stream.
        x.noise.clear();
        x.noise
            .extend((0..ns).map(|_| 0.9 + 0.2 * self.rng.demand.random::<f64>()));
        x.cover.clear();
        x.cover.extend((0..nd * nc).map(|i| {
            hh.wanted_cover_days(
                sc.goods[i % nc].pantry_life_days,
                self.districts.hoard[i / nc],
            )
        }));
        // What each building still wants in a store this round, and where
        // it tries next: `want` is read only for buildings whose first try
        // is a store.
        x.want.resize(nb * nc, 0);
        x.tries.clear();
        x.tries.extend_from_slice(&self.homes.tries);
        zero(&mut x.online_total, nd);
        // The first pass's demand per store, gathered on the way.
        zero(&mut x.dem_in, ns * nc);
        zero(&mut x.dem_on, ns * nc);
        for (b, bd) in sc.city.buildings.iter().enumerate() {
            if let Some(meal) = meal.as_mut() {
                self.eat(b, meal);
            }
            let t = x.tries[b];
            if t[0] == NONE {
                continue;
            }
            let n = x.noise[bd.store];
            let row = b * nc;
            let s0 = t[0] as usize * nc;
            let need = &self.homes.need[row..row + nc];
            let pantry = &self.homes.pantry[row..row + nc];
            let cover = &x.cover[bd.district * nc..(bd.district + 1) * nc];
            let w_row = &mut x.want[row..row + nc];
            let d_in = &mut x.dem_in[s0..s0 + nc];
            let d_on = &mut x.dem_on[s0..s0 + nc];
            let online_total = &mut x.online_total[bd.district];
            if self.homes.risk[b] == Risk::Medium {
                let share = rules.online_share_medium;
                self.homes.online_any[b] = true;
                let online = &mut self.homes.online[row..row + nc];
                for c in 0..nc {
                    let target = need[c] as f64 * cover[c];
                    let have = (pantry[c] + online[c]) as f64;
                    let w = (target - have).max(0.0) * f * n;
                    let on = (w * share) as i64;
                    w_row[c] = w as i64 - on;
                    online[c] += on;
                    *online_total += online[c];
                    d_in[c] += w_row[c];
                    d_on[c] += online[c];
                }
            } else if !self.homes.online_any[b] {
                // No online orders (the usual case).
                for c in 0..nc {
                    let target = need[c] as f64 * cover[c];
                    let w = (target - pantry[c] as f64).max(0.0) * f * n;
                    w_row[c] = w as i64;
                    d_in[c] += w_row[c];
                }
            } else {
                // No new online orders; orders from when the building was in
                // a control zone may still wait for a rider today.
                let online = &self.homes.online[row..row + nc];
                for c in 0..nc {
                    let target = need[c] as f64 * cover[c];
                    let w = (target - (pantry[c] + online[c]) as f64).max(0.0) * f * n;
                    w_row[c] = w as i64;
                    d_in[c] += w_row[c];
                    d_on[c] += online[c];
                    *online_total += online[c];
                }
            }
        }
        if let Some(meal) = meal {
            self.meal_done(meal);
        }
        // Staff capacity of each store this round [g].
        x.cap_left.clear();
        x.cap_left
            .extend(sc.city.stores.iter().enumerate().map(|(s, st)| {
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
            }));
        x.rider_ratio.clear();
        x.rider_ratio.extend((0..nd).map(|d| {
            if x.online_total[d] > 0 {
                (self.districts.riders.kg_left(d) as f64 / x.online_total[d] as f64).min(1.0)
            } else {
                1.0
            }
        }));
        // Stores whose buyers got less than they wanted in the last pass:
        // only their buyers try their next store.
        x.short.clear();
        x.short.resize(ns, true);
        for pass in 0..TRIES {
            let online = pass == 0;
            if pass > 0 {
                zero(&mut x.dem_in, ns * nc);
                zero(&mut x.dem_on, ns * nc);
                let mut any = false;
                for b in 0..nb {
                    let s = x.tries[b][pass];
                    let p = x.tries[b][pass - 1];
                    if s == NONE || p == NONE || !x.short[p as usize] {
                        x.tries[b][pass] = NONE;
                        continue;
                    }
                    let (s, row) = (s as usize * nc, b * nc);
                    for (d, w) in x.dem_in[s..s + nc].iter_mut().zip(&x.want[row..row + nc]) {
                        *d += w;
                    }
                    any = true;
                }
                if !any {
                    break;
                }
            }
            // Fill ratios per store and category: staff capacity for
            // in-store buyers, riders for online orders, then stock.
            zero(&mut x.fill_in, ns * nc);
            zero(&mut x.fill_on, ns * nc);
            for (s, st) in sc.city.stores.iter().enumerate() {
                let total_in: i64 = x.dem_in[s * nc..(s + 1) * nc].iter().sum();
                let cap_ratio = if total_in > 0 {
                    (x.cap_left[s] / total_in as f64).min(1.0)
                } else {
                    1.0
                };
                x.cap_left[s] = (x.cap_left[s] - total_in as f64 * cap_ratio).max(0.0);
                let rr = x.rider_ratio[st.district];
                let mut short = false;
                for c in 0..nc {
                    let i = s * nc + c;
                    let asked = x.dem_in[i] as f64 * cap_ratio + x.dem_on[i] as f64 * rr;
                    let stock_ratio = if asked > 0.0 {
                        (self.stores.stock[i].total() as f64 / asked).min(1.0)
                    } else {
                        1.0
                    };
                    x.fill_in[i] = cap_ratio * stock_ratio;
                    x.fill_on[i] = rr * stock_ratio;
                    // Buyers left wanting (beyond rounding) try elsewhere.
                    short |= x.dem_in[i] > 0 && x.fill_in[i] < 0.99;
                }
                x.short[s] = short;
            }
            zero(&mut x.sold, ns * nc);
            zero(&mut x.sold_on, ns * nc);
            for b in 0..nb {
                let s = x.tries[b][pass];
                if s == NONE {
                    continue;
                }
                let (s, row) = (s as usize * nc, b * nc);
                let w_row = &mut x.want[row..row + nc];
                let pantry = &mut self.homes.pantry[row..row + nc];
                let sold_s = &mut x.sold[s..s + nc];
                let fill = &x.fill_in[s..s + nc];
                for c in 0..nc {
                    // Served in full (the usual case): the same figure
                    // without the round trip through floating point.
                    let got = if fill[c] == 1.0 {
                        times_one(w_row[c])
                    } else {
                        (w_row[c] as f64 * fill[c]) as i64
                    };
                    w_row[c] -= got;
                    pantry[c] += got;
                    sold_s[c] += got;
                }
                if online && self.homes.online_any[b] {
                    let on_row = &mut self.homes.online[row..row + nc];
                    let fill = &x.fill_on[s..s + nc];
                    let sold_on = &mut x.sold_on[s..s + nc];
                    for c in 0..nc {
                        if on_row[c] > 0 {
                            let got = if fill[c] == 1.0 {
                                times_one(on_row[c])
                            } else {
                                (on_row[c] as f64 * fill[c]) as i64
                            };
                            on_row[c] -= got;
                            pantry[c] += got;
                            sold_s[c] += got;
                            sold_on[c] += got;
                        }
                    }
                }
            }
            for (s, st) in sc.city.stores.iter().enumerate() {
                let d = st.district;
                for c in 0..nc {
                    let i = s * nc + c;
                    let g = x.sold[i];
                    if g > 0 {
                        let (taken, _) = self.stores.stock[i].take(g);
                        debug_assert_eq!(taken, g);
                        self.m.sold[c] += g;
                        self.bureau.sales_today[c] += g;
                        let acc = &mut self.m.daily[d * nc + c];
                        acc[SALES] += g;
                        acc[ONLINE] += x.sold_on[i];
                        self.districts.riders.use_kg(d, x.sold_on[i]);
                    }
                }
            }
        }
        self.homes.scratch = x;
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
