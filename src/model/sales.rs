//! Stores: shopping rounds, online orders and stock-outs.
//!
//! Demand is aggregated per building: its residents eat from one pantry
//! every day and shop to bring it back towards the cover they want, which
//! hoarding raises (up to what keeps in a pantry). In a control zone a
//! household buys only part of it in the store (purchases by pass) and
//! orders the rest online, for the district's riders to carry; what no
//! rider carries by midnight is cancelled, never bought in the store
//! instead. A household whose store is empty tries its next stores.

use rand::RngExt;

use super::metrics::Happening;
use super::world::*;
use crate::engine::{Scheduler, SimTime};

/// Stores a building tries in one round: its own and its next two.
pub(crate) const TRIES: usize = 3;

/// Scratch space of the sales rounds, kept between rounds so that a round
/// allocates nothing.
#[derive(Debug, Default)]
pub(crate) struct Scratch {
    /// The buildings that try a store in the pass under way, after the
    /// first (which all buildings that may shop take part in).
    act: Vec<u32>,
    /// The same, for the pass being gathered.
    act_next: Vec<u32>,
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
        // What each building still wants in a store this round: read only
        // for buildings whose first try is a store.
        x.want.resize(nb * nc, 0);
        zero(&mut x.online_total, nd);
        // The first pass's demand per store, gathered on the way.
        zero(&mut x.dem_in, ns * nc);
        zero(&mut x.dem_on, ns * nc);
        for b in 0..nb {
            if let Some(meal) = meal.as_mut() {
                self.eat(b, meal);
            }
            let t = self.homes.tries[b];
            if t[0] == NONE {
                continue;
            }
            let home = self.homes.home[b];
            let (store, district) = (home.store as usize, home.district as usize);
            let n = x.noise[store];
            let row = b * nc;
            let s0 = t[0] as usize * nc;
            let need = &self.homes.need[row..row + nc];
            let pantry = &self.homes.pantry[row..row + nc];
            let cover = &x.cover[district * nc..(district + 1) * nc];
            let w_row = &mut x.want[row..row + nc];
            let d_in = &mut x.dem_in[s0..s0 + nc];
            let d_on = &mut x.dem_on[s0..s0 + nc];
            let online_total = &mut x.online_total[district];
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
                // The buyers of the stores short in the last pass try their
                // next store: from the stores' lists of shoppers after the
                // first pass, from the last pass's buyers after that (each
                // building found once: at the store it tried last).
                zero(&mut x.dem_in, ns * nc);
                zero(&mut x.dem_on, ns * nc);
                let tries = &self.homes.tries;
                let trying = |b: u32, short: &[bool]| {
                    let t = tries[b as usize];
                    t[pass] != NONE && short[t[pass - 1] as usize]
                };
                x.act_next.clear();
                if pass == 1 {
                    for (st, list) in self.stores.shoppers.iter().enumerate() {
                        if x.short[st] {
                            x.act_next.extend(list.iter().copied().filter(|&b| {
                                tries[b as usize][0] == st as u32 && trying(b, &x.short)
                            }));
                        }
                    }
                } else {
                    x.act_next
                        .extend(x.act.iter().copied().filter(|&b| trying(b, &x.short)));
                }
                std::mem::swap(&mut x.act, &mut x.act_next);
                if x.act.is_empty() {
                    break;
                }
                // (Sums of grams: the order buildings are added in does not
                // change them.)
                for &b in &x.act {
                    let (s, row) = (tries[b as usize][pass] as usize * nc, b as usize * nc);
                    for (d, w) in x.dem_in[s..s + nc].iter_mut().zip(&x.want[row..row + nc]) {
                        *d += w;
                    }
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
                        (self.stores.stock.total(i) as f64 / asked).min(1.0)
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
            // The first pass's buyers are every building that may shop.
            let buyers = if pass == 0 { nb } else { x.act.len() };
            for k in 0..buyers {
                let b = if pass == 0 { k } else { x.act[k] as usize };
                let s = self.homes.tries[b][pass];
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
                        let (taken, _) = self.stores.stock.take(i, g);
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
        self.stores.stock.total(i) * 100 < day.max(1)
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
}
