//! SIGINT (Ctrl-C) and SIGTERM: the first asks the command to stop (a
//! sweep takes no new replication, lets the running ones finish and keeps
//! its journal; a run stops at the next simulated midnight and writes
//! nothing), the second ends the process at once, with the same exit code.
//! The exit code is 128 plus the signal's number: 130 for SIGINT, 143 for
//! SIGTERM.

use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};

use signal_hook::consts::{SIGINT, SIGTERM};

/// Whether a stop was asked for, and by which signal.
#[derive(Debug)]
pub(crate) struct Stop {
    flag: Arc<AtomicBool>,
    signal: Arc<AtomicUsize>,
}

impl Stop {
    /// Installs the handlers. Should the system refuse them, the signals
    /// keep their default effect (the process ends at once).
    pub(crate) fn install() -> Stop {
        let flag = Arc::new(AtomicBool::new(false));
        let signal = Arc::new(AtomicUsize::new(0));
        for sig in [SIGINT, SIGTERM] {
            let code = 128 + sig;
            // The second signal: exit at once (registered first, so that it
            // sees the flag as the first signal left it).
            let _ = signal_hook::flag::register_conditional_shutdown(sig, code, Arc::clone(&flag));
            let _ = signal_hook::flag::register_usize(sig, Arc::clone(&signal), sig as usize);
            let _ = signal_hook::flag::register(sig, Arc::clone(&flag));
        }
        Stop { flag, signal }
    }

    /// The flag the library's loops watch.
    pub(crate) fn flag(&self) -> &AtomicBool {
        &self.flag
    }

    /// Whether a stop was asked for.
    pub(crate) fn asked(&self) -> bool {
        self.flag.load(Ordering::SeqCst)
    }

    /// The exit code of the stop: 128 + the signal.
    pub(crate) fn code(&self) -> u8 {
        let sig = self.signal.load(Ordering::SeqCst);
        u8::try_from(128 + if sig == 0 { SIGINT as usize } else { sig }).unwrap_or(130)
    }
}

/// `argv` as one shell command line: each argument quoted when it holds
/// anything but letters, digits and `-_./=,:+@%`.
pub(crate) fn shell_line(argv: &[String]) -> String {
    argv.iter()
        .map(|a| {
            let plain = !a.is_empty()
                && a.chars()
                    .all(|c| c.is_ascii_alphanumeric() || "-_./=,:+@%".contains(c));
            if plain {
                a.clone()
            } else {
                format!("'{}'", a.replace('\'', "'\\''"))
            }
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// The command that continues this sweep: the same arguments, without
/// `--force`, with `--resume`.
pub(crate) fn resume_command() -> String {
    let mut argv: Vec<String> = std::env::args().filter(|a| a != "--force").collect();
    if !argv.iter().any(|a| a == "--resume") {
        argv.push("--resume".into());
    }
    shell_line(&argv)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn arguments_are_quoted_for_the_shell() {
        let v = |a: &[&str]| a.iter().map(|s| s.to_string()).collect::<Vec<_>>();
        assert_eq!(
            shell_line(&v(&[
                "baogong",
                "sweep",
                "a b.toml",
                "--grid",
                "plan.x=[1,2]",
                "it's"
            ])),
            "baogong sweep 'a b.toml' --grid 'plan.x=[1,2]' 'it'\\''s'"
        );
    }
}
