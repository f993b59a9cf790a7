//! Monitoring 市场运行监测: at 16:00 every store reports its stock, unless
//! its report is late or missing (then the bureau keeps the last one it
//! had); depots always report. The autopilot then takes the day's
//! decisions from what was reported (`autopilot.rs`).

use rand::RngExt;

use super::world::*;
use crate::engine::{Scheduler, SimTime};

impl World<'_> {
    /// 16:00: store reports, then the daily dispatch 日调度.
    pub(crate) fn report(&mut self, now: SimTime, s: &mut Scheduler<CityEvent>) {
        let nc = self.nc;
        let mo = &self.sc.monitoring;
        for st in 0..self.sc.city.stores.len() {
            let u: f64 = self.rng.monitor.random();
            if u < mo.missing_probability {
                self.m.reports.missing += 1;
            } else if u < mo.missing_probability + mo.late_probability {
                // A late report reaches the bureau after today's dispatch.
                self.m.reports.late += 1;
            } else {
                self.m.reports.on_time += 1;
                for c in 0..nc {
                    self.stores.reported[st * nc + c] = self.stores.stock.total(st * nc + c);
                }
            }
        }
        self.panic_update(now);
        self.daily_dispatch(now, s);
    }
}
