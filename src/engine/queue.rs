//! The pending-event set, ordered by `(time, insertion sequence)`.
//!
//! Ties on time resolve first-in first-out, so the order of simultaneous
//! events is part of the model's definition and the same on every run.
//!
//! # Structure
//!
//! [`EventQueue`] pops in exactly the order of a binary heap keyed by
//! `(time, insertion sequence)`, but is built as a hierarchical timing wheel
//! (a radix heap with 64-way digits), which relies on the discrete-event
//! precondition that nothing is scheduled earlier than the event being
//! handled. It keeps a reference time `now`, the time of the last event
//! popped (zero before the first pop, and perhaps earlier after the events
//! of the sorted vector below moved in), at or before every event it holds,
//! and files each event by the highest 6-bit digit in which its time
//! differs from `now`:
//!
//! * Level 0 has one first-in first-out slot per second of `now`'s aligned
//!   64-second block, so a slot holds events of one time only, in insertion
//!   order. Popping takes the front of the lowest occupied slot, found with
//!   one `trailing_zeros` on an occupancy bitmap.
//! * Level `k` (1 to 10) has one slot per value of digit `k`; each slot is a
//!   plain vector in insertion order and remembers its earliest time. When
//!   level 0 runs empty, the lowest occupied slot of the lowest occupied
//!   level holds the earliest events: `now` moves to its earliest time and
//!   its events are spread, in order, into the lower levels, which are empty
//!   at that moment. So each event is moved at most once per level (in
//!   practice once or twice), and every slot stays in insertion order, which
//!   is what makes ties first-in first-out without storing the sequence.
//!
//! Pushes and pops are O(1) amortised, against O(log n) for a binary heap.
//! In the classic hold model (`benches/queue.rs`) the queue is at least as
//! fast as a plain binary heap with 10 pending events, about four times as
//! fast with 1,000 and tens of times as fast with a million, where the heap's
//! sift-downs miss the cache and the wheel streams through its slots. Slots
//! keep their allocations for reuse, so memory follows the peak load; with a
//! million pending events it is somewhat more than the heap's.
//!
//! # Few pending events
//!
//! A queue station or a small model keeps only a handful of events pending
//! (an M/M/4 queue has at most five). There the wheel is the slow choice:
//! an event scheduled a million ticks ahead is filed at level 3 and moved
//! down through levels 2, 1 and 0 before it pops. Even a binary heap does
//! more work than a short sorted vector. So while at most
//! [`SMALL`](EventQueue::SMALL) events are pending, the queue holds them in
//! one vector sorted latest first, ties in reverse insertion order. Popping
//! takes the last element; pushing appends the new event and walks it
//! forward past every event that pops before it (the earlier ones and its
//! ties). Pushing one event more moves them all into the wheel, in popping
//! order; when popping leaves fewer than a third of `SMALL` in the wheel,
//! they move back, also in popping order. Each move keeps the order
//! exactly, so the queue pops the same sequence as without the vector, and
//! between two moves at least `2 * SMALL / 3` events are pushed or popped,
//! so moving costs a constant per event on average.
//! [`with_small_limit`](EventQueue::with_small_limit) sets another limit
//! (`0`: the wheel alone), for tests and measurements.
//!
//! # Pushing into the past
//!
//! [`Scheduler`](super::Scheduler) refuses to schedule before the current
//! time, so the queue never sees such a push from a simulation. If a caller
//! of the queue itself pushes earlier than the last popped time, the event
//! goes to a small side binary heap ordered by `(time, sequence)`; all of
//! its events are earlier than everything in the wheel and are popped first.
//! The order stays exactly that of the binary heap, only slower.

use std::cmp::Ordering;
use std::collections::{BinaryHeap, VecDeque};
use std::fmt;

use super::time::SimTime;

/// Identifies one scheduled event: its insertion sequence number.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct EventKey(pub u64);

/// Bits of time resolved by one level of the wheel.
const DIGIT_BITS: u32 = 6;
/// Slots per level, one per value of a digit.
const SLOTS: usize = 1 << DIGIT_BITS;
/// Mask of the lowest digit of a time.
const DIGIT: u64 = SLOTS as u64 - 1;

/// An event pushed into the past, in the side heap.
#[derive(Debug)]
struct Entry<E> {
    time: SimTime,
    seq: u64,
    event: E,
}

impl<E> PartialEq for Entry<E> {
    fn eq(&self, other: &Self) -> bool {
        self.time == other.time && self.seq == other.seq
    }
}
impl<E> Eq for Entry<E> {}
impl<E> PartialOrd for Entry<E> {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}
impl<E> Ord for Entry<E> {
    fn cmp(&self, other: &Self) -> Ordering {
        // Reversed: BinaryHeap is a max-heap and we want the earliest first.
        other
            .time
            .cmp(&self.time)
            .then_with(|| other.seq.cmp(&self.seq))
    }
}

/// One level of the wheel above level 0. Slot `d` holds the events whose
/// times agree with `now` above this level's digit and have `d` in it.
struct Level<E> {
    /// Bit `d` is set if and only if slot `d` holds an event.
    occupied: u64,
    /// The earliest time in each slot; `u64::MAX` when the slot is empty.
    min: [u64; SLOTS],
    /// Each slot's events with their times, in insertion order.
    slots: [Vec<(u64, E)>; SLOTS],
}

impl<E> Level<E> {
    fn new() -> Self {
        Level {
            occupied: 0,
            min: [u64::MAX; SLOTS],
            slots: std::array::from_fn(|_| Vec::new()),
        }
    }
}

/// A priority queue of events keyed by `(time, insertion sequence)`.
///
/// Pops in exactly the order of a binary heap on that key. Pushing earlier
/// than the last popped time is allowed and keeps that order, but is slower
/// (see the module docs).
pub struct EventQueue<E> {
    /// The most events `small` holds.
    small_limit: usize,
    /// `small_limit` while the events are in `small`, zero while they are
    /// in the wheel: `push` tests only this.
    ///
    /// At most one of `small` and the wheel (with `past`) holds events, so
    /// `pop` and `peek_time` look at `small` first and need no other mark
    /// of where the events are.
    small_room: usize,
    /// The wheel's events move back to `small` when fewer than this many
    /// are pending.
    small_again: usize,
    /// While `wheel` is false, every pending event with its time, sorted
    /// latest first and ties in reverse insertion order, so that the next
    /// to pop is the last.
    small: Vec<(u64, E)>,
    /// The wheel's reference time: the time of the last event popped (zero
    /// at first), or earlier if the sorted vector held an earlier event when
    /// it moved into the wheel. Every event in the wheel is at or after it.
    now: u64,
    /// Bit `d` is set if and only if `near[d]` holds an event.
    near_occupied: u64,
    /// Level 0: `near[d]` holds the events at time `(now & !DIGIT) | d`,
    /// first in first out.
    near: Box<[VecDeque<E>; SLOTS]>,
    /// Levels 1 and up (`far[k - 1]` is level `k`), made on first use.
    far: Vec<Level<E>>,
    /// Bit `i` is set if and only if `far[i]` holds an event.
    far_occupied: u32,
    /// Events pushed earlier than `now`, all earlier than the wheel's.
    past: BinaryHeap<Entry<E>>,
    /// Events pending: in `small`, or in the wheel and `past`.
    len: usize,
    next_seq: u64,
}

impl<E> Default for EventQueue<E> {
    fn default() -> Self {
        Self::new()
    }
}

impl<E> fmt::Debug for EventQueue<E> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("EventQueue")
            .field("len", &self.len)
            .field("pushed", &self.next_seq)
            .field("next_time", &self.peek_time())
            .field("past", &self.past.len())
            .field("wheel", &(self.small_room == 0))
            .finish_non_exhaustive()
    }
}

impl<E> EventQueue<E> {
    /// The most events [`new`](Self::new) holds in its sorted vector for few
    /// events (see the module docs); pushing one more moves them into the
    /// wheel.
    pub const SMALL: usize = 24;

    /// An empty queue.
    pub fn new() -> Self {
        Self::with_small_limit(Self::SMALL)
    }

    /// An empty queue that holds up to `limit` events in its sorted vector
    /// and moves them back there when fewer than `limit / 3` are pending;
    /// `0` uses the wheel alone. The order of pops is the same for every
    /// limit; only the speed differs.
    pub fn with_small_limit(limit: usize) -> Self {
        EventQueue {
            small_limit: limit,
            small_room: limit,
            small_again: limit / 3,
            small: Vec::with_capacity(limit.min(Self::SMALL)),
            now: 0,
            near_occupied: 0,
            near: Box::new(std::array::from_fn(|_| VecDeque::new())),
            far: Vec::new(),
            far_occupied: 0,
            past: BinaryHeap::new(),
            len: 0,
            next_seq: 0,
        }
    }

    /// Adds `event` at `time`; it runs after every event already queued for
    /// the same time.
    #[inline]
    pub fn push(&mut self, time: SimTime, event: E) -> EventKey {
        let seq = self.next_seq;
        self.next_seq += 1;
        self.len += 1;
        if self.small.len() < self.small_room {
            self.insert_small(time.0, event);
        } else {
            self.push_wheel(time, seq, event);
        }
        EventKey(seq)
    }

    /// Files `event` in the wheel, or in `past` if it is earlier than
    /// `now`; first moves the sorted vector into the wheel if it is full.
    /// The moves and the side heap are out of line, so that `push` stays
    /// small enough to inline into the model's handlers.
    #[inline]
    fn push_wheel(&mut self, time: SimTime, seq: u64, event: E) {
        if !self.small.is_empty() {
            self.move_to_wheel();
        }
        if time.0 >= self.now {
            self.place(time.0, event);
        } else {
            self.push_past(time, seq, event);
        }
    }

    /// Files `event`, earlier than `now`, in `past`.
    #[cold]
    #[inline(never)]
    fn push_past(&mut self, time: SimTime, seq: u64, event: E) {
        self.past.push(Entry { time, seq, event });
    }

    /// Inserts `event` at `time` into the sorted vector, in front of every
    /// event that pops before it: the earlier ones and its ties.
    #[inline]
    fn insert_small(&mut self, time: u64, event: E) {
        let small = &mut self.small;
        small.push((time, event));
        let mut i = small.len() - 1;
        while i > 0 && small[i - 1].0 <= time {
            // `mem::swap` of two disjoint borrows compiles to plain loads
            // and stores; `slice::swap` went through a temporary on the
            // stack.
            let (earlier, later) = small.split_at_mut(i);
            std::mem::swap(&mut earlier[i - 1], &mut later[0]);
            i -= 1;
        }
    }

    /// Moves the events of the sorted vector into the empty wheel, in
    /// popping order, so that every slot holds them in that order.
    #[cold]
    #[inline(never)]
    fn move_to_wheel(&mut self) {
        debug_assert!(self.near_occupied == 0 && self.far_occupied == 0 && self.past.is_empty());
        self.small_room = 0;
        // At or before every pending event and the last popped time, so a
        // simulation's pushes (never before the last pop) go to the wheel.
        if let Some(&(earliest, _)) = self.small.last() {
            self.now = self.now.min(earliest);
        }
        let mut small = std::mem::take(&mut self.small);
        while let Some((time, event)) = small.pop() {
            self.place(time, event);
        }
        // Keep the allocation for the way back.
        self.small = small;
    }

    /// Moves the few events left in the wheel (and `past`) back into the
    /// sorted vector. `now` stays the time of the last event popped.
    #[cold]
    #[inline(never)]
    fn move_to_small(&mut self) {
        let now = self.now;
        let mut small = std::mem::take(&mut self.small);
        debug_assert!(small.is_empty());
        while let Some(entry) = self.pop_wheel::<false>(u64::MAX) {
            small.push(entry);
        }
        small.reverse();
        self.small = small;
        self.now = now;
        self.small_room = self.small_limit;
    }

    /// Files `event` at `time` (not before `now`) in the wheel.
    #[inline]
    fn place(&mut self, time: u64, event: E) {
        let differ = time ^ self.now;
        if differ <= DIGIT {
            let d = (time & DIGIT) as usize;
            self.near[d].push_back(event);
            self.near_occupied |= 1 << d;
        } else {
            // The highest differing digit: 1 to 10 for a 64-bit time.
            let k = (u64::BITS - 1 - differ.leading_zeros()) / DIGIT_BITS;
            let d = ((time >> (k * DIGIT_BITS)) & DIGIT) as usize;
            let i = k as usize - 1;
            if i >= self.far.len() {
                self.far.resize_with(i + 1, Level::new);
            }
            let level = &mut self.far[i];
            level.slots[d].push((time, event));
            level.occupied |= 1 << d;
            level.min[d] = level.min[d].min(time);
            self.far_occupied |= 1 << i;
        }
    }

    /// Removes and returns the earliest event.
    #[inline]
    pub fn pop(&mut self) -> Option<(SimTime, E)> {
        self.pop_at_most::<false>(u64::MAX)
    }

    /// Removes and returns the earliest event if it is at or before
    /// `horizon`.
    #[inline]
    pub fn pop_until(&mut self, horizon: SimTime) -> Option<(SimTime, E)> {
        self.pop_at_most::<true>(horizon.0)
    }

    /// `pop_until(horizon)` if `LIMITED`, else `pop()`: the wheel's code
    /// is made twice, so that `pop` tests no horizon.
    #[inline]
    fn pop_at_most<const LIMITED: bool>(&mut self, horizon: u64) -> Option<(SimTime, E)> {
        if let Some(&(time, _)) = self.small.last() {
            if LIMITED && time > horizon {
                return None;
            }
            let (time, event) = self.small.pop()?;
            self.now = time;
            self.len -= 1;
            return Some((SimTime(time), event));
        }
        let (time, event) = self.pop_wheel::<LIMITED>(horizon)?;
        self.len -= 1;
        if self.len < self.small_again {
            self.move_to_small();
        }
        Some((SimTime(time), event))
    }

    /// Removes and returns the earliest event of the wheel and `past` (if
    /// `LIMITED`, only if it is at or before `horizon`), without counting it
    /// off `len`.
    #[inline]
    fn pop_wheel<const LIMITED: bool>(&mut self, horizon: u64) -> Option<(u64, E)> {
        if !self.past.is_empty() {
            return self.pop_past(horizon);
        }
        if self.near_occupied == 0 {
            if self.far_occupied == 0 {
                return None;
            }
            if LIMITED {
                let level = &self.far[self.far_occupied.trailing_zeros() as usize];
                if level.min[level.occupied.trailing_zeros() as usize] > horizon {
                    return None;
                }
            }
            if let Some(entry) = self.spread() {
                return Some(entry);
            }
        }
        let d = self.near_occupied.trailing_zeros() as usize;
        let time = (self.now & !DIGIT) | d as u64;
        if LIMITED && time > horizon {
            return None;
        }
        let slot = &mut self.near[d];
        let event = slot.pop_front().expect("an occupied slot holds an event");
        if slot.is_empty() {
            self.near_occupied &= !(1 << d);
        }
        self.now = time;
        Some((time, event))
    }

    #[cold]
    fn pop_past(&mut self, horizon: u64) -> Option<(u64, E)> {
        if self.past.peek()?.time.0 > horizon {
            return None;
        }
        let e = self.past.pop()?;
        Some((e.time.0, e.event))
    }

    /// Level 0 is empty and the wheel is not: moves `now` to the earliest
    /// time of the lowest occupied slot of the lowest occupied level and
    /// spreads that slot's events into the lower levels, in order. A slot
    /// holding a single event is not spread: that event is returned, and the
    /// caller pops it.
    fn spread(&mut self) -> Option<(u64, E)> {
        let i = self.far_occupied.trailing_zeros() as usize;
        let level = &mut self.far[i];
        let d = level.occupied.trailing_zeros() as usize;
        level.occupied &= !(1 << d);
        if level.occupied == 0 {
            self.far_occupied &= !(1 << i);
        }
        self.now = std::mem::replace(&mut level.min[d], u64::MAX);
        if level.slots[d].len() == 1 {
            return level.slots[d].pop();
        }
        // Levels below `i + 1` are empty, so the events land in empty slots
        // or behind each other, and every slot stays in insertion order.
        let mut events = std::mem::take(&mut level.slots[d]);
        for (time, event) in events.drain(..) {
            self.place(time, event);
        }
        // Hand the allocation back for reuse.
        self.far[i].slots[d] = events;
        None
    }

    /// The earliest two events, as far as finding them takes no work: from
    /// the sorted vector or level 0 of the wheel (an event that must first
    /// be spread down from a higher level is not shown, nor the side heap's
    /// second). For hints such as [`prefetch`](super::prefetch), never for
    /// decisions.
    #[inline]
    pub fn peek_near(&self) -> (Option<&E>, Option<&E>) {
        if !self.small.is_empty() {
            let n = self.small.len();
            let second = n.checked_sub(2).map(|i| &self.small[i].1);
            return (Some(&self.small[n - 1].1), second);
        }
        if let Some(e) = self.past.peek() {
            return (Some(&e.event), None);
        }
        if self.near_occupied == 0 {
            return (None, None);
        }
        let d = self.near_occupied.trailing_zeros() as usize;
        let slot = &self.near[d];
        let second = slot.get(1).or_else(|| {
            let rest = self.near_occupied & !(1 << d);
            (rest != 0).then(|| self.near[rest.trailing_zeros() as usize].front())?
        });
        (slot.front(), second)
    }

    /// The time of the earliest event, if any.
    #[inline]
    pub fn peek_time(&self) -> Option<SimTime> {
        if let Some(&(time, _)) = self.small.last() {
            return Some(SimTime(time));
        }
        if let Some(e) = self.past.peek() {
            return Some(e.time);
        }
        if self.near_occupied != 0 {
            let d = u64::from(self.near_occupied.trailing_zeros());
            return Some(SimTime((self.now & !DIGIT) | d));
        }
        if self.far_occupied != 0 {
            let level = &self.far[self.far_occupied.trailing_zeros() as usize];
            return Some(SimTime(level.min[level.occupied.trailing_zeros() as usize]));
        }
        None
    }

    /// Number of pending events.
    pub fn len(&self) -> usize {
        self.len
    }

    /// Whether no event is pending.
    pub fn is_empty(&self) -> bool {
        self.len == 0
    }

    /// Events pushed since the queue was made.
    pub fn pushed(&self) -> u64 {
        self.next_seq
    }
}

#[cfg(test)]
mod tests {
    use std::cmp::Reverse;

    use super::*;

    /// The queue as made by `new`, with the wheel alone, and with a
    /// sorted vector of three that moves its events to the wheel and back
    /// all the time.
    fn queues<E>() -> [EventQueue<E>; 3] {
        [
            EventQueue::new(),
            EventQueue::with_small_limit(0),
            EventQueue::with_small_limit(3),
        ]
    }

    /// Pops everything, as `(time, event)`.
    fn drain<E>(q: &mut EventQueue<E>) -> Vec<(u64, E)> {
        std::iter::from_fn(|| q.pop().map(|(t, e)| (t.0, e))).collect()
    }

    #[test]
    fn ties_are_fifo_and_times_ascend() {
        for mut q in queues() {
            let _ = q.push(SimTime(5), 'a');
            let _ = q.push(SimTime(1), 'b');
            let _ = q.push(SimTime(5), 'c');
            let _ = q.push(SimTime(1), 'd');
            let _ = q.push(SimTime(3), 'e');
            let order: Vec<char> = std::iter::from_fn(|| q.pop().map(|(_, e)| e)).collect();
            assert_eq!(order, vec!['b', 'd', 'e', 'a', 'c']);
            assert!(q.is_empty());
        }
    }

    #[test]
    fn what_peek_near_shows_is_what_pops_next() {
        for mut q in queues() {
            // A hold model: pop, push as many a pseudo-random delay later,
            // so events move through every part of the queue.
            let mut x = 12_345u64;
            let mut delay = || {
                x ^= x << 13;
                x ^= x >> 7;
                x ^= x << 17;
                x % 300
            };
            for i in 0..100u64 {
                let _ = q.push(SimTime(delay()), i);
            }
            let (mut shown, mut missed) = (0, 0);
            for i in 100..5_000u64 {
                let (first, second) = q.peek_near();
                let (first, second) = (first.copied(), second.copied());
                let (mut t, e) = q.pop().expect("events are pending");
                match first {
                    Some(f) => {
                        assert_eq!(f, e);
                        shown += 1;
                    }
                    None => missed += 1,
                }
                if let Some(s) = second {
                    let (t2, e2) = q.pop().expect("a second event is pending");
                    assert_eq!(e2, s);
                    t = t2;
                    let _ = q.push(SimTime(t.0 + delay()), i + 10_000);
                }
                let _ = q.push(SimTime(t.0 + delay()), i);
            }
            assert!(shown > missed, "shown {shown}, missed {missed}");
        }
    }

    #[test]
    fn empty_queue_has_nothing() {
        let mut q: EventQueue<u8> = EventQueue::default();
        assert!(q.is_empty());
        assert_eq!(q.len(), 0);
        assert_eq!(q.pushed(), 0);
        assert_eq!(q.peek_time(), None);
        assert_eq!(q.pop(), None);
        assert_eq!(q.pop(), None);
        assert!(q.is_empty());
    }

    #[test]
    fn single_event_round_trip() {
        for mut q in queues() {
            assert_eq!(q.push(SimTime(4_000), 7u8), EventKey(0));
            assert_eq!(q.len(), 1);
            assert_eq!(q.peek_time(), Some(SimTime(4_000)));
            assert_eq!(q.pop(), Some((SimTime(4_000), 7)));
            assert_eq!(q.pop(), None);
            assert_eq!(q.pushed(), 1);
            // The queue is reusable, also at the same time and at time zero
            // (before `now`, so through the side heap).
            assert_eq!(q.push(SimTime(4_000), 8), EventKey(1));
            assert_eq!(q.push(SimTime(0), 9), EventKey(2));
            assert_eq!(drain(&mut q), vec![(0, 9), (4_000, 8)]);
        }
    }

    #[test]
    fn keys_count_pushes() {
        for mut q in queues() {
            for i in 0..100u64 {
                assert_eq!(q.push(SimTime(i % 7), ()), EventKey(i));
            }
            assert_eq!(q.pushed(), 100);
            let _ = q.pop();
            assert_eq!(q.pushed(), 100);
            assert_eq!(q.len(), 99);
        }
    }

    #[test]
    fn huge_times_order_and_fifo() {
        for mut q in queues() {
            let times = [
                u64::MAX,
                0,
                1 << 63,
                u64::MAX - 1,
                u64::MAX,
                (1 << 63) - 1,
                1 << 40,
                63,
                64,
                u64::MAX,
                4_095,
                4_096,
            ];
            for (i, &t) in times.iter().enumerate() {
                let _ = q.push(SimTime(t), i);
            }
            let mut want: Vec<(u64, usize)> = times.iter().copied().zip(0..).collect();
            want.sort();
            assert_eq!(drain(&mut q), want);
            // After popping u64::MAX, a push at u64::MAX still runs.
            let _ = q.push(SimTime(u64::MAX), 99);
            assert_eq!(q.peek_time(), Some(SimTime(u64::MAX)));
            assert_eq!(q.pop(), Some((SimTime(u64::MAX), 99)));
        }
    }

    #[test]
    fn push_at_the_last_popped_time_runs_after_its_peers() {
        for mut q in queues() {
            for (t, e) in [(100, 'a'), (100, 'b'), (164, 'c'), (100, 'd')] {
                let _ = q.push(SimTime(t), e);
            }
            assert_eq!(q.pop(), Some((SimTime(100), 'a')));
            // Zero delay: after 'b' and 'd', already queued for 100.
            let _ = q.push(SimTime(100), 'e');
            assert_eq!(q.peek_time(), Some(SimTime(100)));
            assert_eq!(
                drain(&mut q),
                vec![(100, 'b'), (100, 'd'), (100, 'e'), (164, 'c')]
            );
            // Also when the popped event was the last one at its time.
            let _ = q.push(SimTime(200), 'f');
            assert_eq!(q.pop(), Some((SimTime(200), 'f')));
            let _ = q.push(SimTime(200), 'g');
            let _ = q.push(SimTime(201), 'h');
            let _ = q.push(SimTime(200), 'i');
            assert_eq!(drain(&mut q), vec![(200, 'g'), (200, 'i'), (201, 'h')]);
        }
    }

    #[test]
    fn spreading_a_slot_keeps_ties_fifo() {
        // All in one level-2 slot at first, with ties, then spread.
        for mut q in queues() {
            let times = [9_000, 8_200, 9_000, 8_200, 8_263, 8_200, 9_000, 8_264];
            for (i, &t) in times.iter().enumerate() {
                let _ = q.push(SimTime(t), i);
            }
            assert_eq!(q.peek_time(), Some(SimTime(8_200)));
            assert_eq!(q.pop(), Some((SimTime(8_200), 1)));
            // Later ties join behind the spread ones, at every level.
            let _ = q.push(SimTime(8_200), 10);
            let _ = q.push(SimTime(8_264), 11);
            let _ = q.push(SimTime(9_000), 12);
            assert_eq!(
                drain(&mut q),
                vec![
                    (8_200, 3),
                    (8_200, 5),
                    (8_200, 10),
                    (8_263, 4),
                    (8_264, 7),
                    (8_264, 11),
                    (9_000, 0),
                    (9_000, 2),
                    (9_000, 6),
                    (9_000, 12),
                ]
            );
        }
    }

    #[test]
    fn pushes_into_the_past_keep_heap_order() {
        for mut q in queues() {
            let _ = q.push(SimTime(1_000), 'a');
            let _ = q.push(SimTime(1_000), 'b');
            let _ = q.push(SimTime(5_000), 'c');
            assert_eq!(q.pop(), Some((SimTime(1_000), 'a')));
            // Earlier than the last pop: the side heap, by (time, sequence).
            let _ = q.push(SimTime(50), 'd');
            let _ = q.push(SimTime(70), 'e');
            let _ = q.push(SimTime(50), 'f');
            let _ = q.push(SimTime(1_000), 'g');
            assert_eq!(q.len(), 6);
            assert_eq!(q.peek_time(), Some(SimTime(50)));
            assert_eq!(q.pop(), Some((SimTime(50), 'd')));
            // Between a past pop and `now`: still the side heap.
            let _ = q.push(SimTime(60), 'h');
            let _ = q.push(SimTime(50), 'i');
            assert_eq!(
                drain(&mut q),
                vec![
                    (50, 'f'),
                    (50, 'i'),
                    (60, 'h'),
                    (70, 'e'),
                    (1_000, 'b'),
                    (1_000, 'g'),
                    (5_000, 'c'),
                ]
            );
        }
    }

    #[test]
    fn matches_a_binary_heap_on_a_long_hold_run() {
        // A deterministic mix of ties, short and long delays, and the odd
        // push into the past, against the reference heap.
        for mut q in queues() {
            let mut reference: BinaryHeap<Reverse<(u64, u64)>> = BinaryHeap::new();
            let mut x: u64 = 0x9E37_79B9_7F4A_7C15;
            let mut next = move || {
                x ^= x << 13;
                x ^= x >> 7;
                x ^= x << 17;
                x
            };
            let (mut now, mut seq) = (0, 0);
            for _ in 0..50_000 {
                let r = next();
                if r % 5 < 2 && !reference.is_empty() {
                    let Reverse((t, s)) = reference.pop().unwrap();
                    assert_eq!(q.pop(), Some((SimTime(t), s)));
                    now = t;
                } else {
                    let t = match r % 97 {
                        0 => now.saturating_sub(r >> 50),
                        1..=30 => now,
                        31..=60 => now + (r >> 59),
                        61..=90 => now + (r >> 50),
                        _ => now + (r >> 24),
                    };
                    assert_eq!(q.push(SimTime(t), seq), EventKey(seq));
                    reference.push(Reverse((t, seq)));
                    seq += 1;
                }
                assert_eq!(q.len(), reference.len());
                assert_eq!(q.peek_time().map(|t| t.0), reference.peek().map(|r| r.0.0));
            }
            let rest: Vec<(u64, u64)> =
                std::iter::from_fn(|| reference.pop().map(|r| r.0)).collect();
            assert_eq!(drain(&mut q), rest);
        }
    }

    #[test]
    fn pop_until_stops_at_the_horizon() {
        for mut q in queues() {
            for (t, e) in [(10, 'a'), (30, 'b'), (10, 'c'), (20, 'd'), (5_000, 'e')] {
                let _ = q.push(SimTime(t), e);
            }
            assert_eq!(q.pop_until(SimTime(9)), None);
            assert_eq!(q.pop_until(SimTime(10)), Some((SimTime(10), 'a')));
            assert_eq!(q.pop_until(SimTime(10)), Some((SimTime(10), 'c')));
            assert_eq!(q.pop_until(SimTime(10)), None);
            assert_eq!(q.pop_until(SimTime(4_999)), Some((SimTime(20), 'd')));
            assert_eq!(q.pop_until(SimTime(4_999)), Some((SimTime(30), 'b')));
            assert_eq!(q.pop_until(SimTime(4_999)), None);
            assert_eq!(q.len(), 1);
            assert_eq!(q.pop_until(SimTime(u64::MAX)), Some((SimTime(5_000), 'e')));
            assert_eq!(q.pop_until(SimTime(u64::MAX)), None);
        }
    }

    #[test]
    fn debug_needs_no_debug_events() {
        struct Opaque;
        let mut q = EventQueue::new();
        let _ = q.push(SimTime(3), Opaque);
        let s = format!("{q:?}");
        assert!(s.contains("len: 1"), "{s}");
        assert!(s.contains("next_time: Some(SimTime(3))"), "{s}");
    }
}
