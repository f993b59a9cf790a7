//! Bad input never hangs, exhausts memory or gives a wrong result with
//! exit code 0: each case, through the real binary, exits 2 with a message
//! that names the file, the line and the key where there is one.

use super::cli::{TempDir, baogong, stderr};

/// A small generated city, with `extra` after it and `top` before every table.
fn scenario(top: &str, extra: &str) -> String {
    format!(
        "{top}\n[scenario]\nname = \"x\"\ndays = 5\n[city]\npopulation = 20000\ndistricts = 1\n\
         streets_per_district = 1\ncommunities_per_street = 2\nstores_per_10k = 1.0\n{extra}\n"
    )
}

/// Writes `text` to `name` in `dir` and gives the path.
fn write(dir: &TempDir, name: &str, text: &str) -> String {
    std::fs::create_dir_all(dir.path()).expect("temp dir");
    let p = dir.join(name);
    std::fs::write(&p, text).expect("write");
    p.display().to_string()
}

/// `baogong ARGS` exits 2 and its message holds every one of `want`.
fn refused(args: &[&str], want: &[&str]) -> String {
    let o = baogong(args);
    let e = stderr(&o);
    assert_eq!(o.status.code(), Some(2), "{args:?}: {e}");
    for w in want {
        assert!(e.contains(w), "{args:?}: `{w}` not in {e}");
    }
    assert!(!e.contains("panicked"), "{e}");
    e
}

#[test]
fn rates_that_would_hang_or_exhaust_memory_are_refused_with_their_line() {
    let dir = TempDir::new("bad-rates");
    let cases = [
        (
            "[closures]\nnew_buildings_per_day = 3e6",
            "closures.new_buildings_per_day",
            "at most 10000 per day",
        ),
        (
            "[panic]\nrumours_per_day = 1e6",
            "panic.rumours_per_day",
            "at most 100 per day",
        ),
        (
            "[plan]\norder_interval_days = 0.01",
            "plan.order_interval_days",
            "at least 0.25 days",
        ),
        (
            "[households]\npersons_per_household = 1e-12",
            "households.persons_per_household",
            "1e-12 is too small: at least 1 persons",
        ),
    ];
    for (i, (extra, key, why)) in cases.iter().enumerate() {
        let f = write(&dir, &format!("c{i}.toml"), &scenario("", extra));
        // The key is on line 12, under its table on line 11.
        refused(
            &["validate", &f],
            &[&format!("{f}:12:1"), &format!("key `{key}`"), why],
        );
        refused(&["run", &f], &[&format!("key `{key}`")]);
    }
}

#[test]
fn a_production_share_that_would_wrap_the_gram_counters_is_refused() {
    let dir = TempDir::new("bad-mass");
    let f = write(
        &dir,
        "share.toml",
        &scenario("", "").replace("stores_per_10k = 1.0", "production_share = 1e12"),
    );
    refused(
        &["validate", &f],
        &[
            &format!("{f}:10:1"),
            "key `city.production_share`",
            "1e12 is too large: at most 100",
        ],
    );
    // Each within its limit, the product is not: 10^8 residents needing
    // 10 kg a day, 100 times the need produced, for ten years.
    let f = write(
        &dir,
        "product.toml",
        "[[goods]]\nname = \"a\"\nneed_kg_per_person_day = 10.0\nshelf_life_days = 3.0\n\
         [scenario]\nname = \"x\"\ndays = 3650\n[city]\npopulation = 100000000\nproduction_share = 100.0\n\
         stores_per_10k = 0.01\n",
    );
    refused(
        &["validate", &f],
        &[
            "key `city.production_share`",
            "more than the model's counters hold",
        ],
    );
}

#[test]
fn the_largest_city_is_bounded_and_absurd_times_are_refused() {
    let dir = TempDir::new("bad-city");
    let f = write(
        &dir,
        "big.toml",
        "[scenario]\nname = \"big\"\ndays = 1\n[city]\npopulation = 100000000\ndistricts = 1000\n\
         streets_per_district = 20\ncommunities_per_street = 10\ncompounds_per_community = 10\n\
         buildings_per_compound = 10\n",
    );
    refused(
        &["validate", &f],
        &[
            "key `city.buildings_per_compound`",
            "20000000 buildings and sites; at most 1000000",
        ],
    );
    let f = write(
        &dir,
        "travel.toml",
        &scenario(
            "",
            "[transport]\ntravel_hours_local = { dist = \"uniform\", min = 1.0, max = 1e300 }",
        ),
    );
    refused(
        &["validate", &f],
        &[
            "key `transport.travel_hours_local.max`",
            "1e300 is too large: at most 720 h",
        ],
    );
}

#[test]
fn an_empty_goods_list_is_refused_rather_than_defaulted() {
    let dir = TempDir::new("bad-goods");
    let f = write(&dir, "g.toml", &scenario("goods = []", ""));
    refused(
        &["validate", &f],
        &[&format!("{f}:1:1"), "key `goods`", "leave `goods` out"],
    );
    let e = refused(&["--lang", "zh", "validate", &f], &["键 `goods`"]);
    assert!(e.contains("请删去 `goods`"), "{e}");
}

#[cfg(unix)]
#[test]
fn devices_pipes_and_folders_are_refused_before_they_are_read() {
    for dev in ["/dev/zero", "/dev/urandom"] {
        refused(&["validate", dev], &[dev, "not a regular file"]);
        refused(&["run", dev], &["not a regular file"]);
    }
    let dir = TempDir::new("bad-fifo");
    std::fs::create_dir_all(dir.path()).expect("dir");
    let fifo = dir.join("s.toml");
    let made = std::process::Command::new("mkfifo")
        .arg(&fifo)
        .status()
        .is_ok_and(|s| s.success());
    if made {
        // Opening a FIFO with no writer would block: it must not be opened.
        refused(
            &["validate", &fifo.display().to_string()],
            &["not a regular file"],
        );
    }
}

#[test]
fn bytes_that_are_not_utf8_are_named_with_their_line() {
    let dir = TempDir::new("bad-utf8");
    std::fs::create_dir_all(dir.path()).expect("dir");
    let p = dir.join("gbk.toml");
    // `保供` in GBK, in a comment on line 3.
    std::fs::write(&p, b"[scenario]\nname = \"x\"\n# \xb1\xa3\xb9\xa9\n").expect("write");
    let f = p.display().to_string();
    refused(&["validate", &f], &[&format!("{f}:3:3"), "0xb1", "UTF-8"]);
}

#[test]
fn sweeps_refuse_absurd_replications_grids_and_threads() {
    let dir = TempDir::new("bad-sweep");
    let f = write(
        &dir,
        "r.toml",
        &scenario("", "[sweep]\nreplications = 9223372036854775807"),
    );
    refused(
        &["validate", &f],
        &[
            &format!("{f}:12:1"),
            "key `sweep.replications`",
            "at most 1000000",
        ],
    );
    let f = write(&dir, "s.toml", &scenario("", ""));
    refused(
        &["sweep", &f, "--replications", "1000000000"],
        &["--replications 1000000000: at most 1000000"],
    );
    refused(
        &[
            "sweep",
            &f,
            "--grid",
            "plan.point_riders=1,2",
            "--grid",
            "plan.point_riders=3,4",
        ],
        &["`plan.point_riders` twice"],
    );
    refused(
        &["sweep", &f, "--threads", "100000"],
        &["--threads", "1..=1024"],
    );
    // 16 keys of 16 values: 2^64 settings, which must not wrap to 0.
    let keys = [
        "people_per_supplier",
        "people_per_point",
        "decision_delay_hours",
        "setup_delay_hours",
        "point_riders",
        "outside_riders_hours",
        "order_interval_days",
        "point_cover_days",
        "replenish_per_day",
        "replenish_per_day_response",
        "reorder_point_days",
        "response_panic",
        "green_channel_saving",
        "transfer_trigger_days",
        "transfer_days",
        "reserve_trigger_days",
    ];
    let values = (1..=16)
        .map(|v| v.to_string())
        .collect::<Vec<_>>()
        .join(", ");
    let grid: String = keys
        .iter()
        .map(|k| format!("\"plan.{k}\" = [{values}]\n"))
        .collect();
    let f = write(
        &dir,
        "g.toml",
        &scenario("", &format!("[sweep.grid]\n{grid}")),
    );
    refused(
        &["sweep", &f, "--replications", "1"],
        &["18446744073709551616 settings; at most 10000"],
    );
}

#[test]
fn the_event_budget_stops_a_run_and_the_estimate_refuses_one() {
    // The estimate is above the budget: refused before the run.
    refused(
        &["run", "building_to_street", "--max-events", "1000"],
        &["estimated at", "more than the limit of 1000 (--max-events)"],
    );
    // Within the estimate, beyond the budget: stopped, nothing written.
    let dir = TempDir::new("bad-budget");
    let out = dir.arg();
    refused(
        &["run", "tiny", "--max-events", "1500", "--out", &out],
        &["stopped after 1500 events", "--max-events"],
    );
    assert!(!dir.path().exists(), "nothing is written");
    // Memory: the estimate against --max-memory, in both languages.
    refused(
        &["run", "--max-memory", "1M"],
        &[
            "estimated to need",
            "MB of memory",
            "limit of 1 MB (given by --max-memory)",
        ],
    );
    refused(
        &["--lang", "zh", "run", "--max-memory", "1M"],
        &["预计需要", "--max-memory"],
    );
    refused(&["run", "--max-memory", "lots"], &["--max-memory `lots`"]);
    refused(
        &[
            "sweep",
            "tiny",
            "--replications",
            "2",
            "--threads",
            "2",
            "--max-memory",
            "10M",
        ],
        &["2 replications at once"],
    );
}

#[test]
fn type_errors_and_chinese_keyboard_slips_are_said_plainly() {
    let dir = TempDir::new("bad-words");
    let cases: [(&str, &[&str]); 6] = [
        (
            "[scenario]\nname = \"x\"\ndays = \"21 days\"\n",
            &[
                ":3:8:",
                "key `scenario.days`",
                "`days` takes a whole number without a unit or quotes, not \"21 days\", for example `days = 60`",
            ],
        ),
        (
            "[scenario]\nname = “鼓楼区储备库”\n",
            &[":2:8:", "`“` is a curly opening quote", "half-width `\"`"],
        ),
        (
            "[plan]\npoint_hours = [8，20]\n",
            &[":2:17:", "`，` is a full-width comma", "`,`"],
        ),
        (
            "[plan]\ngreen_channel ＝ true\n",
            &[":2:15:", "`＝`", "`=`"],
        ),
        (
            "[[scenario]]\nname = \"x\"\n",
            &["write `[scenario]`, not `[[scenario]]`"],
        ),
        (
            "[events]\nkind = \"seal\"\n",
            &["write each one as `[[events]]`"],
        ),
    ];
    for (i, (text, want)) in cases.iter().enumerate() {
        let f = write(&dir, &format!("w{i}.toml"), text);
        refused(&["validate", &f], want);
    }
    let f = write(&dir, "zh.toml", "[plan]\npoint_hours = [8，20]\n");
    refused(
        &["--lang", "zh", "validate", &f],
        &["全角逗号", "半角的 `,`"],
    );
}
