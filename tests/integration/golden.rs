//! Every output of the shipped scenarios, pinned: the files of `run NAME
//! --out DIR --trace` and the JSON of `run NAME --format json` for every
//! shipped scenario but the Shanghai-sized one, as their sizes and FNV-1a
//! digests in `tests/snapshots/golden.txt`.
//!
//! A change that moves any number of any output fails here. A change meant
//! to leave the results alone (a faster data structure, a refactoring, the
//! plan's decisions moved behind a controller) must pass unchanged; one
//! meant to move them re-blesses the digests and says why in its commit:
//!
//! ```sh
//! BLESS=1 cargo test --release --test integration golden::
//! git diff tests/snapshots/golden.txt
//! ```

use crate::cli::{TempDir, assert_exit, baogong, entries, root};

/// The shipped scenarios pinned (shanghai takes half a minute: left out).
const PINNED: &[&str] = &[
    "default",
    "building_to_street",
    "panic_buying",
    "site_closure",
    "supplier_rules",
    "tiny",
    "tiny_quiet",
];

/// `name/file bytes digest` for every output of scenario `name`.
fn outputs(name: &str) -> Vec<String> {
    let dir = TempDir::new(&format!("golden-{name}"));
    let o = baogong(&["--lang", "en", "run", name, "--out", &dir.arg(), "--trace"]);
    assert_exit(&o, 0);
    let line = |file: &str, bytes: &[u8]| {
        format!(
            "{name}/{file} {} {}",
            bytes.len(),
            baogong::sweep::digest(bytes)
        )
    };
    let mut lines: Vec<String> = entries(dir.path())
        .iter()
        .map(|f| {
            let bytes = std::fs::read(dir.join(f)).expect("an output file");
            line(f, &bytes)
        })
        .collect();
    let o = baogong(&["--lang", "en", "run", name, "--format", "json"]);
    assert_exit(&o, 0);
    lines.push(line("stdout.json", &o.stdout));
    lines
}

#[test]
fn every_output_of_the_shipped_scenarios_is_pinned() {
    // Two at a time, in the order of PINNED.
    let got: Vec<String> = std::thread::scope(|s| {
        let halves: Vec<_> = (0..2)
            .map(|k| {
                s.spawn(move || {
                    PINNED
                        .iter()
                        .skip(k)
                        .step_by(2)
                        .map(|n| (*n, outputs(n)))
                        .collect::<Vec<_>>()
                })
            })
            .collect();
        let mut all: Vec<(&str, Vec<String>)> = halves
            .into_iter()
            .flat_map(|h| h.join().expect("a scenario's outputs"))
            .collect();
        all.sort_by_key(|(n, _)| PINNED.iter().position(|p| p == n));
        all.into_iter().flat_map(|(_, l)| l).collect()
    });
    let got = got.join("\n") + "\n";
    let path = root().join("tests/snapshots/golden.txt");
    if std::env::var_os("BLESS").is_some_and(|v| v == "1") {
        std::fs::write(&path, &got).expect("the digests are written");
        return;
    }
    let want = std::fs::read_to_string(&path).unwrap_or_default();
    let changed: Vec<&str> = got
        .lines()
        .filter(|l| !want.lines().any(|w| w == *l))
        .collect();
    assert!(
        changed.is_empty() && want == got,
        "outputs differ from tests/snapshots/golden.txt:\n  {}\n\n\
         If the change is meant to move the results, re-bless and say why in the commit:\n  \
         BLESS=1 cargo test --release --test integration golden::\n  \
         git diff tests/snapshots/golden.txt",
        if changed.is_empty() {
            "(the same lines in another order, or lines missing)".to_string()
        } else {
            changed.join("\n  ")
        }
    );
}
