//! Work bounded before it starts: the pre-run estimate of a scenario
//! against `--max-events` and `--max-memory` (by default, the machine's
//! memory), and the size parser of `--max-memory`.

use super::Failure;
use baogong::i18n::Lang;
use baogong::model::Scenario;
use baogong::scenario::estimate::estimate;
use baogong::t;

/// Events one replication may simulate when `--max-events` is not given
/// (about a minute or two of one core).
pub(crate) const DEFAULT_MAX_EVENTS: u64 = 200_000_000;

/// Parses `--max-memory`: megabytes, or a number with `K`, `M`, `G` or
/// `T` (optionally followed by `B`, any case). Gives bytes.
pub(crate) fn parse_size(s: &str) -> Option<f64> {
    let t = s.trim().to_ascii_uppercase();
    let t = t.strip_suffix('B').unwrap_or(&t);
    let (num, scale) = match t.chars().last()? {
        'K' => (&t[..t.len() - 1], 1e3),
        'M' => (&t[..t.len() - 1], 1e6),
        'G' => (&t[..t.len() - 1], 1e9),
        'T' => (&t[..t.len() - 1], 1e12),
        _ => (t, 1e6),
    };
    let v: f64 = num.trim().parse().ok()?;
    (v.is_finite() && v > 0.0).then_some(v * scale)
}

/// The machine's memory [bytes], from `/proc/meminfo` where there is one.
fn machine_memory() -> Option<f64> {
    let info = std::fs::read_to_string("/proc/meminfo").ok()?;
    let line = info.lines().find(|l| l.starts_with("MemTotal:"))?;
    let kb: f64 = line.split_whitespace().nth(1)?.parse().ok()?;
    Some(kb * 1024.0)
}

/// Refuses `sc` when its estimate for `threads` replications at once is
/// beyond the limits; gives the event budget of one replication.
pub(crate) fn check(
    sc: &Scenario,
    max_events: Option<u64>,
    max_memory: Option<&str>,
    threads: usize,
    lang: Lang,
) -> Result<u64, Failure> {
    let e = estimate(sc);
    let limit = max_events.unwrap_or(DEFAULT_MAX_EVENTS);
    if e.events > limit as f64 {
        return Err(Failure::Input(t!(
            lang,
            RUN_TOO_MANY_EVENTS,
            events = format!("{:.0}", e.events),
            limit
        )));
    }
    let (cap, origin) = match max_memory {
        Some(s) => (
            Some(
                parse_size(s)
                    .ok_or_else(|| Failure::Input(t!(lang, BAD_MEMORY_SIZE, value = s)))?,
            ),
            t!(lang, RUN_MEMORY_ORIGIN_OPTION),
        ),
        None => (machine_memory(), t!(lang, RUN_MEMORY_ORIGIN_MACHINE)),
    };
    let need = e.bytes * threads.max(1) as f64;
    if let Some(cap) = cap
        && need > cap
    {
        let mb = |b: f64| format!("{:.0}", b / 1e6);
        let per = if threads > 1 {
            t!(lang, RUN_MEMORY_PER_THREADS, threads, each = mb(e.bytes))
        } else {
            String::new()
        };
        return Err(Failure::Input(t!(
            lang,
            RUN_TOO_MUCH_MEMORY,
            need = mb(need),
            per,
            limit = mb(cap),
            origin
        )));
    }
    Ok(limit)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sizes_parse_with_and_without_units() {
        assert_eq!(parse_size("512"), Some(512e6));
        assert_eq!(parse_size("2G"), Some(2e9));
        assert_eq!(parse_size("1.5gb"), Some(1.5e9));
        assert_eq!(parse_size("300 MB"), Some(300e6));
        assert_eq!(parse_size("lots"), None);
        assert_eq!(parse_size("-1"), None);
        assert_eq!(parse_size(""), None);
    }
}
