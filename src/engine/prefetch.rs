//! Asking the processor to fetch memory before it is read.
//!
//! A city model's events each touch a few rows of large tables (a
//! building's pantry, a point's stock, a shipment's goods) at random, and
//! most of an event's time is the wait for those rows to come from main
//! memory. The simulation loop knows the next event while it hands out the
//! current one, so a model can name the rows the next event will read
//! ([`Model::prefetch`](super::Model::prefetch)) and they arrive while the
//! current event is handled. A prefetch is only a hint: it reads nothing
//! and changes nothing, so results are the same with or without it.

/// Asks for the cache line holding the byte at `p` (a hint; nothing is
/// read, and any address may be named).
#[inline(always)]
fn line(p: *const u8) {
    #[cfg(target_arch = "x86_64")]
    // SAFETY: a prefetch instruction never faults, whatever the address,
    // and has no effect the program can observe.
    unsafe {
        use std::arch::x86_64::{_MM_HINT_T0, _mm_prefetch};
        _mm_prefetch::<_MM_HINT_T0>(p.cast::<i8>());
    }
    #[cfg(not(target_arch = "x86_64"))]
    let _ = p;
}

/// Asks for the cache line where `x` starts.
#[inline(always)]
pub fn prefetch<T>(x: &T) {
    line((x as *const T).cast::<u8>());
}

/// Asks for every cache line of `xs`.
#[inline(always)]
pub fn prefetch_slice<T>(xs: &[T]) {
    const LINE: usize = 64;
    let bytes = std::mem::size_of_val(xs);
    let start = xs.as_ptr().cast::<u8>();
    let mut off = 0;
    while off < bytes {
        line(start.wrapping_add(off));
        off += LINE;
    }
    if bytes > 0 {
        // The last byte may lie on a line the steps above did not reach.
        line(start.wrapping_add(bytes - 1));
    }
}
