//! Property tests of the event queue: for random interleavings of pushes and
//! pops, [`EventQueue`] pops exactly the `(time, event)` sequence of a plain
//! `BinaryHeap<Reverse<(time, insertion sequence)>>`, and agrees with it on
//! `len` and `peek_time` after every step.
//!
//! Delays are drawn with many zeros and tiny values (ties, which must come
//! out first in first out) and with jumps up to 2^40 s, which cross the
//! queue's internal slot and level boundaries. Pushes are at or after the
//! last popped time, as a simulation makes them; a second property also
//! pushes into the past, which the queue must still order correctly; a third
//! pushes and pops about equally often, so that the number pending wanders
//! up and down across the sizes at which the queue moves its events between
//! its sorted vector for few events and its wheel (`EventQueue::SMALL`
//! and a third of it). Every property runs on the queue as `new` makes it,
//! on the wheel alone (`with_small_limit(0)`) and on a queue that moves its
//! events between the two all the time (`with_small_limit(3)`).

use std::cmp::Reverse;
use std::collections::BinaryHeap;

use baogong::engine::{EventKey, EventQueue, SimTime};
use proptest::prelude::*;

/// One step of a test.
#[derive(Debug, Clone)]
enum Op {
    /// Push at the last popped time plus this delay [s].
    Push(u64),
    /// Push at the last popped time minus this much [s] (saturating at 0).
    PushBack(u64),
    /// Pop the earliest event.
    Pop,
}

/// Delays after the last popped time [s].
fn delay() -> impl Strategy<Value = u64> {
    prop_oneof![
        3 => Just(0u64),
        3 => 0u64..10,
        2 => 0u64..5_000,
        1 => 0u64..(1 << 20),
        1 => 0u64..(1 << 40),
    ]
}

/// Steps of a simulation-like run: pushes never before the last pop.
fn forward_ops() -> impl Strategy<Value = Vec<Op>> {
    let op = prop_oneof![
        3 => delay().prop_map(Op::Push),
        2 => Just(Op::Pop),
    ];
    prop::collection::vec(op, 0..1_500)
}

/// Steps that also push before the last pop.
fn any_ops() -> impl Strategy<Value = Vec<Op>> {
    let op = prop_oneof![
        6 => delay().prop_map(Op::Push),
        1 => delay().prop_map(Op::PushBack),
        4 => Just(Op::Pop),
    ];
    prop::collection::vec(op, 0..1_500)
}

/// Pushes and pops about as often as each other, from a start of about
/// [`SMALL`] pending events, with some pushes into the past: the count
/// crosses `SMALL` and `SMALL / 3` many times.
fn wandering_ops() -> impl Strategy<Value = Vec<Op>> {
    let op = prop_oneof![
        9 => delay().prop_map(Op::Push),
        1 => delay().prop_map(Op::PushBack),
        10 => Just(Op::Pop),
    ];
    (
        prop::collection::vec(delay().prop_map(Op::Push), SMALL - 4..SMALL + 4),
        prop::collection::vec(op, 0..1_500),
    )
        .prop_map(|(mut start, ops)| {
            start.extend(ops);
            start
        })
}

/// Where time starts [s]: zero, or far up so that times reach `u64::MAX`.
fn start() -> impl Strategy<Value = u64> {
    prop_oneof![
        3 => Just(0u64),
        1 => any::<u64>(),
        1 => (u64::MAX - (1 << 41))..=u64::MAX,
    ]
}

/// Runs `ops` from time `start` on the reference heap and on the queue as
/// made by `new`, with the wheel alone, and with a sorted vector of three
/// events that moves them to the wheel and back all the time.
fn check(start: u64, ops: &[Op]) -> Result<(), TestCaseError> {
    for q in [
        EventQueue::new(),
        EventQueue::with_small_limit(0),
        EventQueue::with_small_limit(3),
    ] {
        check_one(q, start, ops)?;
    }
    Ok(())
}

/// Runs `ops` on `q` and the reference heap from time `start`, comparing
/// every step, then drains both.
fn check_one(mut q: EventQueue<u64>, start: u64, ops: &[Op]) -> Result<(), TestCaseError> {
    let mut reference: BinaryHeap<Reverse<(u64, u64)>> = BinaryHeap::new();
    let mut seq = 0u64;
    let mut last = start;
    for op in ops {
        let push_at = match *op {
            Op::Push(d) => Some(last.saturating_add(d)),
            Op::PushBack(b) => Some(last.saturating_sub(b)),
            Op::Pop => None,
        };
        if let Some(t) = push_at {
            prop_assert_eq!(q.push(SimTime(t), seq), EventKey(seq));
            reference.push(Reverse((t, seq)));
            seq += 1;
        } else {
            let want = reference.pop().map(|Reverse((t, s))| (SimTime(t), s));
            prop_assert_eq!(q.pop(), want);
            if let Some((t, _)) = want {
                last = t.0;
            }
        }
        prop_assert_eq!(q.len(), reference.len());
        prop_assert_eq!(q.is_empty(), reference.is_empty());
        prop_assert_eq!(q.pushed(), seq);
        prop_assert_eq!(
            q.peek_time(),
            reference.peek().map(|Reverse((t, _))| SimTime(*t))
        );
    }
    while let Some(Reverse((t, s))) = reference.pop() {
        prop_assert_eq!(q.pop(), Some((SimTime(t), s)));
    }
    prop_assert_eq!(q.pop(), None);
    prop_assert!(q.is_empty());
    Ok(())
}

/// The most events the queue keeps in its sorted vector.
const SMALL: usize = EventQueue::<u64>::SMALL;

proptest! {
    #[test]
    fn pops_like_a_binary_heap(start in start(), ops in forward_ops()) {
        check(start, &ops)?;
    }

    #[test]
    fn pops_like_a_binary_heap_with_pushes_into_the_past(
        start in start(),
        ops in any_ops(),
    ) {
        check(start, &ops)?;
    }

    #[test]
    fn pops_like_a_binary_heap_across_the_small_sizes(
        start in start(),
        ops in wandering_ops(),
    ) {
        check(start, &ops)?;
    }
}

/// A long hold run with many ties, beyond what the properties reach: a
/// hundred thousand steps around ten thousand pending events.
#[test]
fn long_hold_run_matches_a_binary_heap() {
    use rand::rngs::Xoshiro256PlusPlus;
    use rand::{RngExt, SeedableRng};

    let mut rng = Xoshiro256PlusPlus::seed_from_u64(7);
    let mut q: EventQueue<u64> = EventQueue::new();
    let mut reference: BinaryHeap<Reverse<(u64, u64)>> = BinaryHeap::new();
    let mut seq = 0u64;
    for _ in 0..10_000 {
        let t = rng.random_range(0..1_000);
        let _ = q.push(SimTime(t), seq);
        reference.push(Reverse((t, seq)));
        seq += 1;
    }
    for i in 0..100_000u64 {
        let Reverse((t, s)) = reference.pop().expect("the hold run keeps events pending");
        assert_eq!(q.pop(), Some((SimTime(t), s)));
        // Pushes of one or two events, or none, keep the count around 10,000.
        let pushes = [1, 1, 0, 2][(i % 4) as usize];
        for _ in 0..pushes {
            let d = match rng.random_range(0..4) {
                0 => 0,
                1 => rng.random_range(0..10),
                2 => rng.random_range(0..3_600),
                _ => rng.random_range(0..10 * 86_400),
            };
            let _ = q.push(SimTime(t + d), seq);
            reference.push(Reverse((t + d, seq)));
            seq += 1;
        }
        assert_eq!(q.peek_time(), reference.peek().map(|r| SimTime(r.0.0)));
    }
    assert_eq!(q.len(), reference.len());
}
