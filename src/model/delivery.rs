//! Last-mile service: a distribution point is a queue with servers.
//!
//! [`ServerQueue`] is a first-come first-served station with `c` identical
//! servers (riders and packers at an emergency distribution point 应急投放点).
//! It only keeps the queue and the busy count; the caller draws arrival and
//! service times and schedules the events, so the same station serves the
//! city model and the M/M/c check against Erlang C in the tests.

use std::collections::VecDeque;

use crate::engine::SimTime;

/// A FIFO queue in front of `servers` identical servers.
#[derive(Debug, Clone)]
pub struct ServerQueue<T> {
    servers: u32,
    busy: u32,
    waiting: VecDeque<(SimTime, T)>,
    arrived: u64,
    started: u64,
    wait_sum_s: u64,
}

impl<T> ServerQueue<T> {
    /// An idle station with `servers` servers.
    pub fn new(servers: u32) -> Self {
        ServerQueue {
            servers,
            busy: 0,
            waiting: VecDeque::new(),
            arrived: 0,
            started: 0,
            wait_sum_s: 0,
        }
    }

    /// A customer arrives and joins the queue.
    pub fn enqueue(&mut self, now: SimTime, item: T) {
        self.arrived += 1;
        self.waiting.push_back((now, item));
    }

    /// Starts serving the head of the queue if a server is free; returns the
    /// customer and its wait in queue.
    pub fn try_start(&mut self, now: SimTime) -> Option<(T, u64)> {
        if self.busy >= self.servers {
            return None;
        }
        let (arrived, item) = self.waiting.pop_front()?;
        self.busy += 1;
        let wait = now.since(arrived).0;
        self.started += 1;
        self.wait_sum_s += wait;
        Some((item, wait))
    }

    /// Puts a customer back at the head of the queue (its service could not
    /// be given); it is not counted as a new arrival.
    pub fn requeue(&mut self, now: SimTime, item: T) {
        self.waiting.push_front((now, item));
    }

    /// A service ends and frees its server.
    pub fn finish(&mut self) {
        self.busy = self.busy.saturating_sub(1);
    }

    /// Adds servers (riders added) or removes them (staff loss); busy
    /// servers finish their customer.
    pub fn set_servers(&mut self, servers: u32) {
        self.servers = servers;
    }

    /// Servers.
    pub fn servers(&self) -> u32 {
        self.servers
    }

    /// Busy servers.
    pub fn busy(&self) -> u32 {
        self.busy
    }

    /// Customers waiting.
    pub fn waiting(&self) -> usize {
        self.waiting.len()
    }

    /// Customers who have arrived.
    pub fn arrived(&self) -> u64 {
        self.arrived
    }

    /// Total wait so far of the customers still waiting at `now` [s].
    pub fn open_wait_s(&self, now: SimTime) -> u64 {
        self.waiting.iter().map(|(t, _)| now.since(*t).0).sum()
    }

    /// Customers whose service has started.
    pub fn started(&self) -> u64 {
        self.started
    }

    /// Total wait in queue of the customers started [s].
    pub fn wait_sum_s(&self) -> u64 {
        self.wait_sum_s
    }

    /// Removes every waiting customer (the station closes) and returns how
    /// many there were and their total wait until `now` [s].
    pub fn close(&mut self, now: SimTime) -> (u64, u64) {
        let wait = self.open_wait_s(now);
        let n = self.waiting.len() as u64;
        self.waiting.clear();
        (n, wait)
    }
}

/// The mean wait in queue of an M/M/c station by Erlang's C formula [time
/// unit of the rates]; `None` if the station is unstable (`lambda >= c mu`).
pub fn erlang_c_wait(lambda: f64, mu: f64, c: u32) -> Option<f64> {
    let a = lambda / mu;
    let cf = f64::from(c);
    if a >= cf {
        return None;
    }
    // Sum a^k/k! for k < c, and a^c/c!, iteratively for stability.
    let mut term = 1.0;
    let mut sum = 0.0;
    for k in 0..c {
        if k > 0 {
            term *= a / f64::from(k);
        }
        sum += term;
    }
    let last = term * a / cf;
    let pc = last / (1.0 - a / cf);
    let p_wait = pc / (sum + pc);
    Some(p_wait / (cf * mu - lambda))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn erlang_c_matches_published_value() {
        // c = 4, mu = 1, rho = 0.8: Wq = 0.745541 (standard tables).
        let w = erlang_c_wait(3.2, 1.0, 4).unwrap();
        assert!((w - 0.745_541).abs() < 1e-6, "{w}");
        // M/M/1: Wq = rho / (mu - lambda).
        let w1 = erlang_c_wait(0.5, 1.0, 1).unwrap();
        assert!((w1 - 1.0).abs() < 1e-12);
        assert!(erlang_c_wait(4.0, 1.0, 4).is_none());
    }

    #[test]
    fn fifo_and_server_limit() {
        let mut q = ServerQueue::new(2);
        for i in 0..3 {
            q.enqueue(SimTime(i), i);
        }
        assert_eq!(q.try_start(SimTime(5)), Some((0, 5)));
        assert_eq!(q.try_start(SimTime(5)), Some((1, 4)));
        assert_eq!(q.try_start(SimTime(5)), None);
        q.finish();
        assert_eq!(q.try_start(SimTime(9)), Some((2, 7)));
        assert_eq!(q.wait_sum_s(), 16);
    }
}
