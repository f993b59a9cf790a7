//! The process's allocator: the system's, asking the kernel to back large
//! blocks with huge pages.
//!
//! A city's tables (pantries, needs, shoppers, stock) are tens of
//! megabytes, read at random by the events; with 4 KiB pages nearly every
//! such read also misses the processor's page table cache (TLB), and with
//! 2 MiB pages the whole working set fits in it. Linux backs memory with
//! transparent huge pages only where a program asks (`madvise` mode, the
//! usual setting), so blocks of at least [`LARGE`] bytes are marked with
//! `MADV_HUGEPAGE` when they are allocated or grown. Nothing else changes:
//! the same bytes in the same places, and where the kernel declines (no
//! huge pages free, another setting) the advice is ignored. On one core,
//! Shanghai ran 8–12% faster with huge pages in runs alternated with and
//! without them (results/BENCHMARKS.md, "Shanghai: asking for memory ahead").

use std::alloc::{GlobalAlloc, Layout, System};

/// Blocks at least this large are advised [bytes].
const LARGE: usize = 2 << 20;

/// Huge page size the advice is aligned to [bytes].
const HUGE: usize = 2 << 20;

/// [`System`], with large blocks advised to use huge pages.
pub struct HugePages;

/// Advises the whole huge pages inside `[ptr, ptr + size)`.
fn advise(ptr: *mut u8, size: usize) {
    if ptr.is_null() || size < LARGE {
        return;
    }
    #[cfg(target_os = "linux")]
    {
        let start = (ptr as usize).div_ceil(HUGE) * HUGE;
        let end = (ptr as usize + size) / HUGE * HUGE;
        if end > start {
            // SAFETY: the range lies inside a block this allocator just
            // handed out; the advice changes how the kernel backs it, not
            // its contents, and an error (advice declined) is harmless.
            unsafe {
                libc::madvise(start as *mut libc::c_void, end - start, libc::MADV_HUGEPAGE);
            }
        }
    }
}

// SAFETY: every call is passed to `System` unchanged; `advise` only adds
// advice about memory `System` returned.
unsafe impl GlobalAlloc for HugePages {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        // SAFETY: the caller's contract, passed on.
        let p = unsafe { System.alloc(layout) };
        advise(p, layout.size());
        p
    }

    unsafe fn alloc_zeroed(&self, layout: Layout) -> *mut u8 {
        // SAFETY: the caller's contract, passed on.
        let p = unsafe { System.alloc_zeroed(layout) };
        advise(p, layout.size());
        p
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        // SAFETY: the caller's contract, passed on.
        unsafe { System.dealloc(ptr, layout) }
    }

    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        // SAFETY: the caller's contract, passed on.
        let p = unsafe { System.realloc(ptr, layout, new_size) };
        advise(p, new_size);
        p
    }
}
