//! The plan's own decisions, all in one place: which stores are designated
//! for a closure, how many points it gets and with how many riders, which
//! store supplies which point, and what the 16:00 daily dispatch 日调度
//! calls from the reports: emergency transfers, reserve releases and
//! publicity. The rest of the model applies these decisions with their
//! delays and limits.
//!
//! The dispatch projects each category's commercial stock over the time
//! until goods it calls now, or tomorrow, could arrive (the lead time plus
//! a day): stock reported + goods on order − expected need + what the
//! production bases can make. It calls a transfer, or a release from the
//! first reserve tier with stock left, when that projection falls below
//! its trigger and the city is drawing its stock down, not on one low
//! reading.

use super::config::SupplierKind;
use super::metrics::{CostItem, Happening};
use super::world::*;
use crate::engine::{DAY, Scheduler, SimDuration, SimTime};

impl World<'_> {
    /// The decision 决策: stores designated as direct suppliers 直接供货商
    /// of closure `ci` by the plan's count rule, nearest first (regional
    /// supply circle); stores inside the sealed area only when no other
    /// can (closed-loop supply inside the area).
    pub(crate) fn plan_suppliers(&self, ci: usize) -> Vec<u32> {
        let sc = self.sc;
        let place = self.resp.closures[ci].place as usize;
        let p = &sc.city.places[place];
        let k = sc
            .plan
            .suppliers
            .get(p.level)
            .count(p.population, sc.plan.people_per_supplier) as usize;
        let neighbourhood = p.parent.unwrap_or(place);
        let mut cands: Vec<(u8, usize, usize)> = sc
            .city
            .stores
            .iter()
            .enumerate()
            .map(|(i, st)| {
                let class = if self.stores.risk[i] == Risk::High {
                    3
                } else if sc.city.within(st.place, neighbourhood) {
                    0
                } else if st.district == p.district {
                    1
                } else {
                    2
                };
                let dist = sc.city.places[st.place].first.abs_diff(p.first);
                (class, dist, i)
            })
            .collect();
        // The k smallest, in order (every candidate differs in its index).
        if k < cands.len() {
            cands.select_nth_unstable(k);
            cands.truncate(k);
        }
        cands.sort_unstable();
        cands.iter().map(|c| c.2 as u32).collect()
    }

    /// Distribution points 应急投放点 for a closure of `place`, by the plan's
    /// count rule (never more than its buildings).
    pub(crate) fn plan_points(&self, place: usize) -> usize {
        let sc = self.sc;
        let p = &sc.city.places[place];
        (sc.plan
            .points
            .get(p.level)
            .count(p.population, sc.plan.people_per_point) as usize)
            .min(p.end - p.first)
    }

    /// Riders the plan assigns to each point.
    pub(crate) fn plan_point_riders(&self) -> u32 {
        self.sc.plan.point_riders
    }

    /// Which of `k` designated suppliers supplies which of `n` points:
    /// (supplier, point) pairs, each point supplied by at least one and
    /// each supplier serving its own points on one route.
    pub(crate) fn plan_supply_pairs(k: usize, n: usize) -> Vec<(usize, usize)> {
        (0..k.max(n))
            .map(|t| (t % k.max(1), t % n.max(1)))
            .collect()
    }

    /// How a point's `gap` [g] of one category is asked of the closure's
    /// designated suppliers, given what each can send now (`avail`: its
    /// stock less what it already owes) and which are the point's own
    /// (`own`): of its own suppliers first, in proportion to what they
    /// have; what they lack, of the other suppliers that have it; what no
    /// one can send yet, of its own evenly, as backorders that the next
    /// round plans again. So a supplier short of goods never holds back a
    /// point that another could serve, and routes stay short when all have
    /// enough.
    pub(crate) fn split_point_gap(gap: i64, avail: &[i64], own: &[bool]) -> Vec<i64> {
        let mut parts = vec![0i64; avail.len()];
        let mut rest = gap.max(0);
        for mine in [true, false] {
            let room: Vec<i64> = avail
                .iter()
                .zip(own)
                .zip(&parts)
                .map(|((&a, &o), &p)| if o == mine { (a - p).max(0) } else { 0 })
                .collect();
            let total: i64 = room.iter().sum();
            let give = rest.min(total);
            if give <= 0 {
                continue;
            }
            let mut given = 0;
            for (p, &r) in parts.iter_mut().zip(&room) {
                let g = (i128::from(give) * i128::from(r) / i128::from(total)) as i64;
                *p += g;
                given += g;
            }
            // The grams lost to rounding, from the first with room left.
            for ((p, &r), &a) in parts.iter_mut().zip(&room).zip(avail) {
                let more = (give - given).min(r.min(a - *p));
                if more > 0 {
                    *p += more;
                    given += more;
                }
            }
            rest -= given;
        }
        let k = own.iter().filter(|&&o| o).count() as i64;
        if rest > 0 && k > 0 {
            let mine = parts.iter_mut().zip(own).filter(|(_, o)| **o);
            for (j, (p, _)) in mine.enumerate() {
                *p += rest / k + i64::from((j as i64) < rest % k);
            }
        }
        parts
    }

    /// The 16:00 daily dispatch: transfers, reserve releases, publicity.
    pub(crate) fn daily_dispatch(&mut self, now: SimTime, s: &mut Scheduler<CityEvent>) {
        let sc = self.sc;
        let nc = self.nc;
        let sups = &sc.city.suppliers;
        let other = sups
            .iter()
            .position(|x| x.kind == SupplierKind::OtherRegion);
        for c in 0..nc {
            let need = self.bureau.city_need[c] as f64;
            if need <= 0.0 {
                continue;
            }
            // Commercial stock as the bureau knows it: stores' last
            // reports, depots, goods on the road to them, ordered from bases.
            let reported: i64 = self.stores.reported.iter().skip(c).step_by(nc).sum();
            let depot: i64 = (0..sups.len())
                .map(|i| self.depots.stock.total(i * nc + c) + self.depots.inbound[i * nc + c])
                .sum();
            let road: i64 = self
                .road
                .shipments
                .iter()
                .enumerate()
                .filter(|(_, sh)| sh.live && sh.kind == ShipKind::Restock)
                .map(|(id, _)| self.road.amounts(id, nc)[c])
                .sum();
            let stock = (reported + depot + road) as f64;
            let expected = need.max(self.bureau.sales_yesterday[c] as f64);
            let production: f64 = (0..sups.len())
                .map(|i| self.depots.capacity[i * nc + c] as f64)
                .sum();
            let drawdown = expected - production;
            let project = |w: &World, days: f64| {
                let on_order = (w.bureau.transfer_pending[c] + w.bureau.reserve_pending[c]) as f64;
                stock + on_order - drawdown * days
            };
            let falling = |p: f64| p < stock;
            // Emergency transfer 紧急调运 from other regions.
            let plan = &sc.plan;
            if let Some(o) = other
                && plan.transfer_days > 0.0
            {
                let lead = sups[o].lead_time_hours / 24.0 + 1.0;
                let p = project(self, lead);
                if p < plan.transfer_trigger_days * need && falling(p) {
                    let total = (plan.transfer_days * need) as i64;
                    self.ship_to_depots(c, total, ShipKind::Transfer, sups[o].lead_time_hours, s);
                    self.bureau.transfer_pending[c] += total;
                    self.cost(
                        CostItem::TransferSubsidy,
                        total as f64 / G * sc.costs.transfer_subsidy,
                    );
                    self.record(
                        now,
                        Happening::Transfer {
                            category: sc.goods[c].name.clone(),
                            kg: total as f64 / G,
                        },
                    );
                }
            }
            // Tiered reserve release: own level, then the level above, then
            // emergency support, each sized to the projected deficit over
            // its latency.
            for t in 0..sc.reserves.len() {
                let tier = &sc.reserves[t];
                if tier.category != c || self.bureau.reserve_left[t] == 0 {
                    continue;
                }
                let p = project(self, tier.latency_hours / 24.0 + 1.0);
                if !(p < plan.reserve_trigger_days * need && falling(p)) {
                    break;
                }
                let aim = (plan.reserve_trigger_days + plan.reserve_release_days) * need;
                let take = ((aim - p) as i64).min(self.bureau.reserve_left[t]);
                if take <= 0 {
                    break;
                }
                self.bureau.reserve_left[t] -= take;
                self.bureau.reserve_pending[c] += take;
                self.m.reserve[c] += take;
                self.ship_to_depots(c, take, ShipKind::Reserve, tier.latency_hours, s);
                self.cost(CostItem::ReserveRelease, take as f64 / G * tier.cost_per_kg);
                self.record(
                    now,
                    Happening::ReserveRelease {
                        category: sc.goods[c].name.clone(),
                        kg: take as f64 / G,
                        tier: tier.name.clone(),
                    },
                );
            }
        }
        let plan = &sc.plan;
        let peak = self.districts.panic.iter().cloned().fold(0.0, f64::max);
        let recent = self
            .bureau
            .last_publicity
            .is_some_and(|t| now.since(t).0 < 3 * DAY);
        if peak > plan.publicity_trigger_panic && !self.bureau.publicity_pending && !recent {
            self.bureau.publicity_pending = true;
            s.schedule_in(
                SimDuration::from_hours(plan.publicity_delay_hours),
                CityEvent::Publicity,
            );
            self.record(now, Happening::PublicityOrdered { peak_panic: peak });
        }
    }

    /// Sends `total` grams of category `c` from outside the city to the
    /// depots in proportion to what they serve, arriving after `lead_hours`
    /// and a checkpoint at the city's boundary.
    fn ship_to_depots(
        &mut self,
        c: usize,
        total: i64,
        kind: ShipKind,
        lead_hours: f64,
        s: &mut Scheduler<CityEvent>,
    ) {
        let nc = self.nc;
        let sups = &self.sc.city.suppliers;
        let depots: Vec<usize> = (0..sups.len()).filter(|&i| sups[i].is_depot()).collect();
        let weight: i64 = depots.iter().map(|&d| self.depots.normal[d * nc + c]).sum();
        let mut left = total;
        for (k, &d) in depots.iter().enumerate() {
            let part = if k + 1 == depots.len() {
                left
            } else if weight > 0 {
                (total as f64 * self.depots.normal[d * nc + c] as f64 / weight as f64) as i64
            } else {
                total / depots.len() as i64
            };
            left -= part;
            if part <= 0 {
                continue;
            }
            if kind == ShipKind::Reserve {
                let dd = sups[d].district.unwrap_or(0);
                self.m.daily[dd * nc + c][RESERVE] += part;
            }
            let mut amounts = vec![0i64; nc];
            amounts[c] = part;
            let delay = lead_hours + self.checkpoint_hours();
            self.send_from_outside(d, kind, amounts, delay, s);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::World;

    #[test]
    fn a_points_gap_goes_to_its_own_suppliers_then_to_those_with_goods() {
        // Own suppliers 0 and 1 have enough: in proportion, none of 2.
        assert_eq!(
            World::split_point_gap(300, &[400, 200, 900], &[true, true, false]),
            vec![200, 100, 0]
        );
        // Own supplier 0 has nothing: supplier 2 sends it.
        assert_eq!(
            World::split_point_gap(300, &[0, 0, 900], &[true, false, false]),
            vec![0, 0, 300]
        );
        // No one has enough: all they have, and the rest waits at the own
        // suppliers, evenly.
        assert_eq!(
            World::split_point_gap(1_000, &[100, 0, 200], &[true, true, false]),
            vec![450, 350, 200]
        );
        // Whatever the stock, the whole gap is asked, never more.
        for avail in [[0, 0, 0], [7, 11, 13], [1_000, 1, 0]] {
            for gap in [0, 1, 29, 5_000] {
                let parts = World::split_point_gap(gap, &avail, &[false, true, true]);
                assert_eq!(parts.iter().sum::<i64>(), gap, "{avail:?} {gap}");
            }
        }
    }
}
