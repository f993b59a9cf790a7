//! The `baogong` command line: a thin layer over the library.
//!
//! Exit codes: 0 on success, 2 on bad input (a malformed or inconsistent
//! scenario, bad arguments), 1 when something else fails (an output file
//! cannot be written). A closed stdout (`baogong run | head`) is success.

mod cli;
mod huge_pages;

use std::process::ExitCode;

#[global_allocator]
static ALLOCATOR: huge_pages::HugePages = huge_pages::HugePages;

fn main() -> ExitCode {
    cli::main()
}
