//! Simulation time: integer seconds since the start of a scenario.
//!
//! Time is an integer so that event order never depends on floating-point
//! rounding. One tick is one second; a 60-day scenario is 5,184,000 ticks,
//! far inside `u64`. Day 1 starts at tick 0; `08:10` on day 3 is
//! `2 * DAY + 8 * HOUR + 10 * MINUTE`.

use std::fmt;
use std::ops::{Add, AddAssign, Sub};

/// Seconds in a minute.
pub const MINUTE: u64 = 60;
/// Seconds in an hour.
pub const HOUR: u64 = 3_600;
/// Seconds in a day.
pub const DAY: u64 = 86_400;

/// A point in simulated time [s since the scenario's start].
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub struct SimTime(pub u64);

/// A span of simulated time [s].
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub struct SimDuration(pub u64);

impl SimTime {
    /// The start of the scenario (day 1, 00:00).
    pub const ZERO: SimTime = SimTime(0);

    /// The time at `day` (1-based) and clock time `hh:mm`.
    pub fn at(day: u64, hour: u64, minute: u64) -> SimTime {
        SimTime(day.saturating_sub(1) * DAY + hour * HOUR + minute * MINUTE)
    }

    /// Seconds since the start.
    pub fn secs(self) -> u64 {
        self.0
    }

    /// Whole days elapsed since the start (0 on day 1).
    pub fn day_index(self) -> u64 {
        self.0 / DAY
    }

    /// Seconds since the last midnight.
    pub fn second_of_day(self) -> u64 {
        self.0 % DAY
    }

    /// Hours since the start, as a float for reports [h].
    pub fn as_hours(self) -> f64 {
        self.0 as f64 / HOUR as f64
    }

    /// Days since the start, as a float for reports [d].
    pub fn as_days(self) -> f64 {
        self.0 as f64 / DAY as f64
    }

    /// The next time at or after `self` whose clock time is `second_of_day`.
    pub fn next_clock(self, second_of_day: u64) -> SimTime {
        let midnight = self.0 - self.second_of_day();
        let t = midnight + second_of_day;
        if t >= self.0 {
            SimTime(t)
        } else {
            SimTime(t + DAY)
        }
    }

    /// The elapsed time since `earlier`, or zero if `earlier` is later.
    pub fn since(self, earlier: SimTime) -> SimDuration {
        SimDuration(self.0.saturating_sub(earlier.0))
    }
}

impl SimDuration {
    /// A duration of `h` hours, rounded to the second.
    pub fn from_hours(h: f64) -> SimDuration {
        SimDuration(super::round_u64(h.max(0.0) * HOUR as f64))
    }

    /// A duration of `d` days, rounded to the second.
    pub fn from_days(d: f64) -> SimDuration {
        SimDuration(super::round_u64(d.max(0.0) * DAY as f64))
    }

    /// The duration in hours [h].
    pub fn as_hours(self) -> f64 {
        self.0 as f64 / HOUR as f64
    }

    /// The duration in days [d].
    pub fn as_days(self) -> f64 {
        self.0 as f64 / DAY as f64
    }
}

impl Add<SimDuration> for SimTime {
    type Output = SimTime;
    fn add(self, d: SimDuration) -> SimTime {
        SimTime(self.0.saturating_add(d.0))
    }
}

impl AddAssign<SimDuration> for SimTime {
    fn add_assign(&mut self, d: SimDuration) {
        self.0 = self.0.saturating_add(d.0);
    }
}

impl Add for SimDuration {
    type Output = SimDuration;
    fn add(self, d: SimDuration) -> SimDuration {
        SimDuration(self.0.saturating_add(d.0))
    }
}

impl Sub for SimTime {
    type Output = SimDuration;
    fn sub(self, earlier: SimTime) -> SimDuration {
        self.since(earlier)
    }
}

impl fmt::Display for SimTime {
    /// `day 3 08:10:00`, with day 1 the first day.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let s = self.second_of_day();
        write!(
            f,
            "day {} {:02}:{:02}:{:02}",
            self.day_index() + 1,
            s / HOUR,
            (s % HOUR) / MINUTE,
            s % MINUTE
        )
    }
}

impl fmt::Display for SimDuration {
    /// Hours with one decimal, as reports show them.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:.1} h", self.as_hours())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn clock_arithmetic() {
        let t = SimTime::at(3, 8, 10);
        assert_eq!(t.0, 2 * DAY + 8 * HOUR + 10 * MINUTE);
        assert_eq!(t.day_index(), 2);
        assert_eq!(t.to_string(), "day 3 08:10:00");
        assert_eq!(t.next_clock(16 * HOUR), SimTime::at(3, 16, 0));
        assert_eq!(
            SimTime::at(3, 17, 0).next_clock(16 * HOUR),
            SimTime::at(4, 16, 0)
        );
        assert_eq!(
            SimTime::at(3, 16, 0).next_clock(16 * HOUR),
            SimTime::at(3, 16, 0)
        );
        assert_eq!(SimDuration::from_hours(1.5).0, 5_400);
        assert_eq!(SimTime(10).since(SimTime(20)), SimDuration(0));
    }
}
