//! The scenario loader: text → validated scenario → a short run under an
//! event budget. Whatever the text, loading returns a scenario or an
//! error naming the file (never a panic, a hang or a stack overflow),
//! every message renders in both languages, and a valid scenario runs
//! its first events without breaking the model's invariants.
#![no_main]

use baogong::i18n::Lang;
use baogong::scenario;
use libfuzzer_sys::fuzz_target;

/// Events simulated per input: a few milliseconds.
const BUDGET: u64 = 20_000;

/// Most buildings of a generated city built per input (the loader's own
/// limit is a million, which takes seconds).
const MAX_BUILDINGS: i64 = 20_000;

fuzz_target!(|data: &[u8]| {
    let Ok(src) = std::str::from_utf8(data) else {
        return;
    };
    // A large generated city is valid but slow to build: skip it.
    if let Ok(raw) = scenario::parse_raw(src, "fuzz.toml")
        && let Some(c) = &raw.city
    {
        let n = [
            c.districts,
            c.streets_per_district,
            c.communities_per_street,
            c.compounds_per_community,
            c.buildings_per_compound,
        ]
        .iter()
        .try_fold(1i64, |acc, &x| acc.checked_mul(x.max(1)));
        if n.is_none_or(|n| n > MAX_BUILDINGS) {
            return;
        }
    }
    let loaded = match scenario::load_checked(src, "fuzz.toml") {
        Ok(l) => l,
        Err(e) => {
            assert!(e.count() >= e.problems().count());
            for lang in Lang::ALL {
                for line in e.render_all(lang) {
                    assert!(line.starts_with("fuzz.toml"), "{line}");
                }
            }
            return;
        }
    };
    for lang in Lang::ALL {
        for w in &loaded.warnings {
            let _ = w.render(lang);
        }
    }
    let sc = loaded.scenario;
    let est = scenario::estimate::estimate(&sc);
    if est.bytes > 200e6 || sc.city.buildings.len() as i64 > MAX_BUILDINGS {
        return;
    }
    let mut go_on = |_| std::ops::ControlFlow::Continue(());
    if let Ok(r) = baogong::experiment::run_replication_bounded(&sc, 1, 0, None, &mut go_on, BUDGET)
    {
        for b in &r.balance {
            assert_eq!(b.residual(), 0, "goods not conserved");
        }
        // No stock negative, no gram counter negative or past the bound.
        assert!(r.invariant_breaches.is_empty(), "{:?}", r.invariant_breaches);
    }
});
