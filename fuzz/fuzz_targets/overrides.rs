//! The `--set` and `--grid` parser: each line of the input is one
//! argument (`s` then `KEY=VALUE` for `--set`, `g` then `KEY=V1,V2` for
//! `--grid`), applied to the tiny scenario as `run` and `sweep` would.
//! Whatever the arguments, the result is a scenario, a sweep plan or an
//! error in both languages; never a panic.
#![no_main]

use baogong::i18n::Lang;
use baogong::scenario::overrides::{parse_grid, parse_set};
use libfuzzer_sys::fuzz_target;

const TINY: &str = include_str!("../../scenarios/tiny.toml");

/// Most settings a grid may have to be built per input.
const MAX_SETTINGS: usize = 8;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let mut sets = Vec::new();
    let mut grid = Vec::new();
    for line in text.lines().take(16) {
        let Some(flag) = line.chars().next() else {
            continue;
        };
        let arg = &line[flag.len_utf8()..];
        match flag {
            's' => match parse_set(arg) {
                Ok(o) => sets.push(o),
                Err(e) => {
                    for lang in Lang::ALL {
                        let _ = e.render(lang);
                    }
                }
            },
            'g' => match parse_grid(arg) {
                Ok(g) => grid.push(g),
                Err(e) => {
                    for lang in Lang::ALL {
                        let _ = e.render(lang);
                    }
                }
            },
            _ => {}
        }
    }
    if let Err(e) = baogong::scenario::load_with(TINY, "tiny.toml", &sets) {
        for lang in Lang::ALL {
            let _ = e.render_report(lang);
        }
    }
    let settings = grid
        .iter()
        .try_fold(1usize, |n, (_, v)| n.checked_mul(v.len()));
    if settings.is_some_and(|n| n <= MAX_SETTINGS) {
        let req = baogong::sweep::Request {
            sets,
            grid,
            replications: Some(1),
            ..Default::default()
        };
        if let Err(e) = baogong::sweep::plan(TINY, "tiny.toml", &req) {
            for lang in Lang::ALL {
                let _ = e.render(lang);
            }
        }
    }
});
