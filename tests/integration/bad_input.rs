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

/// A listed city of `sites` workplaces of `headcount` each, one category
/// of 10 kg a person a day, every stock held at `cover` days, for `days`
/// days, with `extra` suppliers and settings after it.
fn heavy(sites: u32, headcount: u32, days: u32, cover: f64, extra: &str) -> String {
    let mut s = format!(
        "[scenario]\nname = \"heavy\"\ndays = {days}\n\
         [[goods]]\nname = \"rice\"\nneed_kg_per_person_day = 10.0\nshelf_life_days = 0.01\n\
         pantry_life_days = 0.01\nprice_yuan_per_kg = 100000.0\n\
         [households]\nbase_cover_days = {cover}\nhoard_extra_days = {cover}\ninitial_cover_days = {cover}\n\
         [store_rules]\ninitial_stock_days = {cover}\ntarget_stock_days = {cover}\nwarehouse_stock_days = {cover}\n\
         [plan]\ntransfer_trigger_days = 365.0\npoint_cover_days = {cover}\nreserve_release_days = {cover}\n\
         [[places]]\nname = \"D\"\nlevel = \"district\"\n\
         [[places]]\nname = \"S\"\nlevel = \"street\"\nparent = \"D\"\n"
    );
    for i in 0..sites {
        s += &format!(
            "[[places]]\nname = \"P{i}\"\nlevel = \"site\"\nparent = \"S\"\nheadcount = {headcount}\n"
        );
    }
    s += "[[suppliers]]\nname = \"W\"\nkind = \"warehouse\"\ndistrict = \"D\"\n\
          [[stores]]\nname = \"Shop\"\nplace = \"S\"\nsupplier = \"W\"\n";
    s + extra
}

/// Emergency transfers every day: goods that spoil within the hour, sent
/// again each day, 365 days of need at a time.
const DAILY_TRANSFERS: &str = "[[suppliers]]\nname = \"Far\"\nkind = \"other_region\"\n\
     lead_time_hours = 0.0\n";

/// The run's conservation of goods from its JSON report, summed in 128
/// bits: every term of every category at least 0 and at most `max`, and
/// the residual zero. A counter that wrapped past i64 fails one or the
/// other.
fn assert_conserved(json: &str, max: f64) {
    let v: serde_json::Value = serde_json::from_str(json).expect("a JSON report");
    let balance = v["balance"].as_array().expect("a balance per category");
    assert!(!balance.is_empty());
    for b in balance {
        let term = |k: &str| -> i128 {
            let g = b[k].as_i64().unwrap_or_else(|| panic!("{k} in {b}"));
            assert!(
                g >= 0 && g as f64 <= max,
                "{k} = {g} g, outside 0 to {max:e}: {b}"
            );
            i128::from(g)
        };
        let residual = term("initial_g") + term("inflow_g")
            - term("consumed_g")
            - term("spoiled_g")
            - term("final_g");
        assert_eq!(residual, 0, "{b}");
    }
    for c in v["categories"].as_array().expect("categories") {
        for (k, x) in c.as_object().expect("an object") {
            if let Some(x) = x.as_f64() {
                assert!(x.is_finite() && x >= 0.0, "{k} = {x}: {c}");
            }
        }
    }
}

#[test]
fn transfers_that_would_wrap_the_gram_counters_are_refused() {
    // Within every limit and, counting one transfer over the horizon,
    // within the counters: but a transfer of 365 days of need every day
    // for ten years is 1.7 * 10^19 g, past i64, and the run reported
    // negative transfers as goods conserved.
    let dir = TempDir::new("bad-transfers");
    let text = heavy(130, 10_000_000, 3650, 0.01, DAILY_TRANSFERS)
        .replace("[plan]\n", "[plan]\ntransfer_days = 365.0\n");
    let f = write(&dir, "transfers.toml", &text);
    let at = format!("{f}:{}:1", line_of(&text, "transfer_days = 365", 1));
    refused(
        &["validate", &f],
        &[
            &format!("{at}: key `plan.transfer_days`"),
            "emergency transfers (at most one a day)",
            "more than the model's counters hold",
        ],
    );
    refused(&["run", &f], &[&format!("{at}: key `plan.transfer_days`")]);
    refused_zh(
        &["run", &f],
        &[
            &at,
            "plan.transfer_days",
            "紧急调运",
            "超出模型计数所能容纳",
        ],
    );
}

#[test]
fn the_largest_values_the_limits_allow_are_refused_or_conserved_to_the_gram() {
    // Every key that drives the gram counters at its highest: 10 kg a
    // person a day, ten years, a production base making 100 times the
    // city's need, 365 days of cover in every stock, transfers of 365
    // days, reserves of 10^10 kg. With the city as large as the counters
    // allow, the run finishes with goods conserved to the gram; with one
    // site more, it is refused.
    let dir = TempDir::new("heavy");
    let most = "[[suppliers]]\nname = \"Base\"\nkind = \"production_base\"\ndistrict = \"D\"\n\
                production_share = 100.0\n\
                [[reserves]]\nname = \"R1\"\ncategory = \"rice\"\nstock_kg = 1e10\nlatency_hours = 0.0\n\
                [[reserves]]\nname = \"R2\"\ncategory = \"rice\"\nstock_kg = 1e10\nlatency_hours = 0.0\n";
    // The bound is the city's need over the horizon in grams, 10^4 g a
    // person a day times 3650 * (2 + 100) days, 9 * 365 days of cover and,
    // with transfers, 3650 * 365 days more, plus the reserves: at most
    // 10^17 g.
    let cases = [
        // (what, extra, sites, headcount of each that just fits)
        (
            "production, stocks and reserves",
            most.to_string(),
            3,
            8_800_000u32,
        ),
        (
            "with daily transfers",
            format!("{most}{DAILY_TRANSFERS}"),
            1,
            5_800_000,
        ),
    ];
    for (what, extra, sites, fits) in cases {
        let text = |sites: u32| {
            heavy(sites, fits, 3650, 365.0, &extra)
                .replace("[plan]\n", "[plan]\ntransfer_days = 365.0\n")
        };
        let f = write(&dir, "fits.toml", &text(sites));
        let o = baogong(&["run", &f, "--format", "json"]);
        assert_eq!(o.status.code(), Some(0), "{what}: {}", stderr(&o));
        assert_conserved(&super::cli::stdout(&o), 1e17);
        // One more site of the same size is beyond the counters.
        let f = write(&dir, "beyond.toml", &text(sites + 1));
        refused(&["run", &f], &["more than the model's counters hold"]);
    }
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
    let e = refused(
        &["run", "tiny", "--max-events", "1500", "--out", &out],
        &["stopped after ", "past the limit of --max-events"],
    );
    // It stops within a day's events of the limit, never before it.
    let n: u64 = e
        .split("stopped after ")
        .nth(1)
        .and_then(|r| r.split(' ').next())
        .and_then(|n| n.parse().ok())
        .unwrap_or_else(|| panic!("a count of events in {e}"));
    assert!((1500..3000).contains(&n), "{e}");
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

/// `baogong ARGS` as a planner runs it: in Chinese, the language of the
/// environment (`LANG=zh_CN.UTF-8`), with no `--lang`.
fn zh(args: &[&str]) -> std::process::Output {
    super::cli::command(args)
        .env("LANG", "zh_CN.UTF-8")
        .output()
        .expect("the binary starts")
}

/// `baogong ARGS`, in Chinese, exits 2 and its message holds every one of
/// `want`.
fn refused_zh(args: &[&str], want: &[&str]) -> String {
    let o = zh(args);
    let e = stderr(&o);
    assert_eq!(o.status.code(), Some(2), "{args:?}: {e}");
    for w in want {
        assert!(e.contains(w), "{args:?}: `{w}` not in {e}");
    }
    assert!(!e.contains("panicked"), "{e}");
    e
}

/// The 1-based line of the `n`th (from 1) line of `text` holding `needle`.
fn line_of(text: &str, needle: &str, n: usize) -> usize {
    text.lines()
        .enumerate()
        .filter(|(_, l)| l.contains(needle))
        .nth(n - 1)
        .map(|(i, _)| i + 1)
        .unwrap_or_else(|| panic!("`{needle}` is not in the text {n} time(s)"))
}

/// A listed city with Chinese names: 鼓楼区 > 华林街道 > 华林社区 > 华林小区
/// > one building of `residents`, the warehouse 鼓楼区储备库, the store 华林超市.
fn listed(residents: u32) -> String {
    format!(
        "[scenario]\nname = \"华林\"\ndays = 5\n\n\
         [[places]]\nname = \"鼓楼区\"\nlevel = \"district\"\n\n\
         [[places]]\nname = \"华林街道\"\nlevel = \"street\"\nparent = \"鼓楼区\"\n\n\
         [[places]]\nname = \"华林社区\"\nlevel = \"community\"\nparent = \"华林街道\"\n\n\
         [[places]]\nname = \"华林小区\"\nlevel = \"compound\"\nparent = \"华林社区\"\n\n\
         [[places]]\nname = \"华林小区1号楼\"\nlevel = \"building\"\nparent = \"华林小区\"\nresidents = {residents}\n\n\
         [[suppliers]]\nname = \"鼓楼区储备库\"\nkind = \"warehouse\"\ndistrict = \"鼓楼区\"\n\n\
         [[stores]]\nname = \"华林超市\"\nplace = \"华林社区\"\nsupplier = \"鼓楼区储备库\"\n"
    )
}

#[test]
fn misspelt_places_suppliers_and_tables_get_the_nearest_name() {
    let dir = TempDir::new("bad-names");
    // A place with a character left out, one in traditional characters, a
    // supplier without 区: each event names its line, key and the name meant.
    let text = format!(
        "{}\n[[events]]\nkind = \"seal\"\nday = 2\nplace = \"华林社\"\n\n\
         [[events]]\nkind = \"seal\"\nday = 3\nplace = \"华林社區\"\n\n\
         [[events]]\nkind = \"warehouse_closed\"\nday = 3\nhours = 5\nsupplier = \"鼓楼储备库\"\n",
        listed(300)
    );
    let f = write(&dir, "events.toml", &text);
    refused_zh(
        &["validate", &f],
        &[
            &format!(
                "错误：{f}:{}:1：键 `events[0].place`：未知的地点 `华林社`；是否想写 `华林社区`？",
                line_of(&text, "place = \"华林社\"", 1)
            ),
            &format!(
                "错误：{f}:{}:1：键 `events[1].place`：未知的地点 `华林社區`；是否想写 `华林社区`？",
                line_of(&text, "华林社區", 1)
            ),
            &format!(
                "错误：{f}:{}:1：键 `events[2].supplier`：未知的供货方 `鼓楼储备库`；是否想写 `鼓楼区储备库`？",
                line_of(&text, "鼓楼储备库", 1)
            ),
        ],
    );
    refused_zh(&["run", &f], &["是否想写 `华林社区`"]);
    // In a listed city: a store's place and supplier, a place's parent.
    let text = listed(300)
        .replace("place = \"华林社区\"", "place = \"华林社區\"")
        .replace("supplier = \"鼓楼区储备库\"", "supplier = \"鼓楼區儲備庫\"")
        .replace("parent = \"华林街道\"", "parent = \"华林街\"");
    let f = write(&dir, "listed.toml", &text);
    refused_zh(
        &["validate", &f],
        &[
            &format!(
                "{f}:{}:1：键 `places[2].parent`：`华林社区` 的上一级 `华林街` 没有在 [[places]] 中列出；是否想写 `华林街道`？",
                line_of(&text, "parent = \"华林街\"", 1)
            ),
            &format!(
                "{f}:{}:1：键 `stores[0].place`",
                line_of(&text, "place = \"华林社區\"", 1)
            ),
            "是否想写 `华林社区`？",
            &format!(
                "{f}:{}:1：键 `stores[0].supplier`",
                line_of(&text, "鼓楼區儲備庫", 1)
            ),
            "是否想写 `鼓楼区储备库`？",
        ],
    );
    // `[[store]]` is `[[stores]]`, not `score`.
    let text = listed(300).replace("[[stores]]", "[[store]]");
    let f = write(&dir, "store.toml", &text);
    let e = refused_zh(
        &["validate", &f],
        &[
            &format!("{f}:{}:3：键 `store`", line_of(&text, "[[store]]", 1)),
            "未知的键 `store`；是否想写 `stores`？",
        ],
    );
    assert!(!e.contains("是否想写 `score`"), "{e}");
}

#[test]
fn nesting_past_the_limit_names_its_line_without_overflowing() {
    let dir = TempDir::new("bad-deep");
    let header = format!("[{}]", vec!["a"; 100_000].join("."));
    let f = write(
        &dir,
        "header.toml",
        &format!("[scenario]\nname = \"x\"\n\n{header}\nb = 1\n"),
    );
    refused_zh(
        &["validate", &f],
        &[
            &format!("{f}:4:161："),
            "嵌套了 100000 层",
            "最多嵌套 80 层",
        ],
    );
    let deep = format!("a = {}{}", "[".repeat(100_000), "]".repeat(100_000));
    let f = write(
        &dir,
        "list.toml",
        &format!("[scenario]\nname = \"x\"\n{deep}\n"),
    );
    refused_zh(&["validate", &f], &[&format!("{f}:3:"), "最多嵌套 80 层"]);
}

#[test]
fn bytes_that_are_not_utf8_are_named_with_their_line_in_chinese() {
    let dir = TempDir::new("bad-utf8-zh");
    std::fs::create_dir_all(dir.path()).expect("dir");
    let p = dir.join("gbk.toml");
    // `华林` in GBK, in a value on line 2, column 9.
    std::fs::write(&p, b"[scenario]\nname = \"\xbb\xaa\xc1\xd6\"\n").expect("write");
    let f = p.display().to_string();
    refused_zh(
        &["validate", &f],
        &[&format!("错误：{f}:2:9："), "0xbb", "另存为 UTF-8"],
    );
}

#[test]
fn every_mistake_of_a_file_is_reported_in_one_run() {
    let dir = TempDir::new("bad-three");
    let text = scenario(
        "",
        "[plan]\ngreen_chanel = true\norder_interval_days = 0.01\n[panic]\nrumours_per_day = 1e6",
    );
    let f = write(&dir, "three.toml", &text);
    for cmd in ["validate", "run", "sweep"] {
        let e = refused_zh(
            &[cmd, &f],
            &[
                &format!(
                    "错误：{f}:{}:1：键 `plan.green_chanel`：未知的键 `green_chanel`；是否想写 `green_channel`？",
                    line_of(&text, "green_chanel", 1)
                ),
                &format!(
                    "错误：{f}:{}:1：键 `plan.order_interval_days`：0.01 太小：至少 0.25 天",
                    line_of(&text, "order_interval_days", 1)
                ),
                &format!(
                    "错误：{f}:{}:1：键 `panic.rumours_per_day`：1000000 太大：最多 100 每天",
                    line_of(&text, "rumours_per_day", 1)
                ),
            ],
        );
        assert_eq!(e.lines().count(), 3, "{e}");
    }
    // A value of the wrong type is said once, not again as a missing key.
    let text = scenario(
        "",
        "[[events]]\nkind = \"riders_added\"\nday = \"第二天\"\ncount = 1",
    );
    let f = write(&dir, "type.toml", &text);
    let e = refused_zh(
        &["validate", &f],
        &[&format!(
            "错误：{f}:{}:7：键 `events[0].day`：`day` 应为整数",
            line_of(&text, "第二天", 1)
        )],
    );
    assert_eq!(e.lines().count(), 1, "{e}");
    // Past 20, the rest are counted, not listed.
    let events: String = (1..=25)
        .map(|d| {
            format!(
                "[[events]]\nkind = \"riders_added\"\nday = {}\ncount = 1\n",
                100 + d
            )
        })
        .collect();
    let f = write(&dir, "many.toml", &scenario("", &events));
    let e = refused_zh(
        &["validate", &f],
        &[
            "键 `events[0].day`",
            "键 `events[19].day`",
            "另有 5 处问题未列出",
        ],
    );
    assert!(!e.contains("events[20]"), "{e}");
    assert_eq!(e.lines().count(), 21, "{e}");
}

#[test]
fn set_ups_that_make_no_sense_are_warned_of_and_run() {
    let dir = TempDir::new("bad-warn");
    let text = format!(
        "{}\n[[suppliers]]\nname = \"外地一\"\nkind = \"other_region\"\n\n\
         [[suppliers]]\nname = \"外地二\"\nkind = \"other_region\"\n\n\
         [[suppliers]]\nname = \"基地\"\nkind = \"production_base\"\nproduction_share = 1.0\n\n\
         [[goods]]\nname = \"salt\"\nneed_kg_per_person_day = 0.0014\nshelf_life_days = 300.0\n\n\
         [[events]]\nkind = \"lift\"\nday = 2\nplace = \"华林小区\"\n\n\
         [[events]]\nkind = \"warehouse_closed\"\nday = 2\nhours = 24\nsupplier = \"基地\"\n\n\
         [[events]]\nkind = \"warehouse_closed\"\nday = 2\nhours = 24\nsupplier = \"外地一\"\n\n\
         [[events]]\nkind = \"rumour\"\nday = 2\nstrength = 0.0\n\n\
         [[events]]\nkind = \"staff_loss\"\nday = 2\nshare = 0.0\nhours = 5.0\n",
        listed(1)
    );
    let f = write(&dir, "warn.toml", &text);
    let want = [
        format!(
            "警告：{f}:{}:1：键 `suppliers[2].kind`：`外地二` 是第二个 other_region（外地）供货方：只有第一个 `外地一` 会紧急调运",
            line_of(&text, "kind = \"other_region\"", 2)
        ),
        format!(
            "警告：{f}:{}:1：键 `goods[0].need_kg_per_person_day`：最小楼栋（1 名居民）每天对 `salt` 的需求为 1.40 克，模型按整克计为 1 克（偏差 29%）",
            line_of(&text, "need_kg_per_person_day", 1)
        ),
        format!(
            "警告：{f}:{}:1：键 `events[0].place`：此事件解封 `华林小区`，但此前没有事件封控它",
            line_of(&text, "place = \"华林小区\"", 1)
        ),
        format!(
            "警告：{f}:{}:1：键 `events[1].supplier`：`基地` 是生产基地，不是仓库或批发市场",
            line_of(&text, "supplier = \"基地\"", 1)
        ),
        format!(
            "警告：{f}:{}:1：键 `events[2].supplier`：`外地一` 是 other_region（外地）供货方：外地紧急调运不受 `warehouse_closed` 影响，此事件不会改变任何结果",
            line_of(&text, "supplier = \"外地一\"", 1)
        ),
        format!(
            "警告：{f}:{}:1：键 `events[3].strength`：强度为 0 的谣言不会改变任何结果",
            line_of(&text, "strength = 0.0", 1)
        ),
        format!(
            "警告：{f}:{}:1：键 `events[4].share`：比例为 0 的员工缺岗不会改变任何结果",
            line_of(&text, "share = 0.0", 1)
        ),
    ];
    let o = zh(&["validate", &f]);
    super::cli::assert_exit(&o, 0);
    let out = super::cli::stdout(&o);
    for w in &want {
        assert!(out.contains(w.as_str()), "`{w}` not in {out}");
    }
    let run_dir = TempDir::new("bad-warn-run");
    let o = zh(&["run", &f, "--out", &run_dir.arg()]);
    super::cli::assert_exit(&o, 0);
    let err = stderr(&o);
    for w in &want {
        assert!(err.contains(w.as_str()), "`{w}` not in {err}");
    }
    // A sound file has no warning.
    let f = write(&dir, "sound.toml", &listed(300));
    let o = zh(&["validate", &f]);
    super::cli::assert_exit(&o, 0);
    assert!(!super::cli::stdout(&o).contains("警告"));
}

/// Found by the `overrides` fuzz target (its harness split a line inside
/// the character `Ә`): arguments that start with a multi-byte character
/// are refused in words, never with a panic.
#[test]
fn set_and_grid_arguments_with_multibyte_characters_are_refused() {
    refused_zh(&["run", "tiny", "--set", "Ә "], &["--set", "KEY=VALUE"]);
    refused_zh(&["sweep", "tiny", "--grid", "Ә=1,2"], &["Ә"]);
    refused_zh(
        &["run", "tiny", "--set", "plan.point_riders=Ә"],
        &["plan.point_riders"],
    );
}

#[test]
fn a_city_that_cannot_move_a_normal_days_need_is_warned_of() {
    // shanghai.toml as it was first shipped: the default's one warehouse a
    // district and 30 trucks a base, for 25 million residents. It ran short
    // by half its need with no closure at all, and nothing said so.
    let o = zh(&[
        "validate",
        "shanghai",
        "--set",
        "city.warehouses_per_district=1",
        "--set",
        "city.base_trucks=30",
    ]);
    super::cli::assert_exit(&o, 0);
    let out = super::cli::stdout(&o);
    for w in [
        "键 `city.warehouse_staff`：`W-D",
        "的 120 名员工每天最多发货 480 吨，而它所供门店的居民平日每天需要 13",
        "（16 个仓库中有 16 个如此）：即使没有任何事件，城市也会短缺",
        "键 `city.base_trucks`：2 个生产基地共 60 辆货车每天最多运送 944 吨",
    ] {
        assert!(out.contains(w), "`{w}` not in {out}");
    }
    // A listed city: the warehouse's own key.
    let dir = TempDir::new("bad-capacity");
    let text = format!("{}staff = 1\n", listed(100_000)).replace(
        "district = \"鼓楼区\"\n\n[[stores]]",
        "district = \"鼓楼区\"\nstaff = 1\n\n[[stores]]",
    );
    let text = text.strip_suffix("staff = 1\n").unwrap().to_string();
    let f = write(&dir, "small_depot.toml", &text);
    let o = zh(&["validate", &f]);
    super::cli::assert_exit(&o, 0);
    let out = super::cli::stdout(&o);
    let want = format!(
        "警告：{f}:{}:1：键 `suppliers[0].staff`：`鼓楼区储备库` 的 1 名员工每天最多发货 4 吨",
        line_of(&text, "staff = 1", 1)
    );
    assert!(out.contains(&want), "`{want}` not in {out}");
    // No shipped scenario is warned of.
    for s in baogong::scenario::shipped::ALL {
        let o = zh(&["validate", s.name]);
        super::cli::assert_exit(&o, 0);
        let out = super::cli::stdout(&o);
        assert!(!out.contains("警告"), "{}: {out}", s.name);
    }
}

#[test]
fn every_bad_set_and_grid_argument_is_reported_in_one_run() {
    let t = super::cli::tiny();
    let e = refused(
        &[
            "run",
            &t,
            "--set",
            "plan.point_ridrs=3",
            "--set",
            "nonsense",
            "--set",
            "plan.point_riders=4",
        ],
        &[
            "--set: `plan.point_ridrs` is not a setting",
            "did you mean `plan.point_riders`?",
            "--set nonsense: expected KEY=VALUE",
        ],
    );
    assert_eq!(e.matches("error: ").count(), 2, "{e}");
    refused(
        &["validate", &t, "--set", "scenario.seed=3", "--set", "=4"],
        &[
            "the checks of validate do not depend on the seed",
            "--set =4: expected KEY=VALUE",
        ],
    );
    let e = refused(
        &[
            "sweep",
            &t,
            "--set",
            "plan.green_chanel=true",
            "--grid",
            "plan.point_riders",
            "--grid",
            "plan.point_riders=1,,2",
        ],
        &[
            "did you mean `plan.green_channel`?",
            "--grid plan.point_riders: expected KEY=V1,V2,...",
            "--grid plan.point_riders=1,,2: an empty value",
        ],
    );
    assert_eq!(e.matches("error: ").count(), 3, "{e}");
    let e = refused_zh(
        &[
            "run",
            &t,
            "--set",
            "plan.point_ridrs=3",
            "--set",
            "nonsense",
        ],
        &[
            "是否想写 `plan.point_riders`？",
            "--set nonsense：格式应为 KEY=VALUE",
        ],
    );
    assert_eq!(e.matches("错误：").count(), 2, "{e}");
}

#[test]
fn problems_past_a_line_the_reader_cannot_read_and_in_values_over_lines_have_their_lines() {
    let dir = TempDir::new("bad-lines");
    // A line the TOML reader cannot read, then problems in later sections:
    // those are checked in the text as read, and keep their lines.
    let text = scenario(
        "",
        "[plan]\npoint_riders = 3 3\n[closures]\nnew_buildings_per_day = -5\n\
         [households]\npersons_per_household = 0\n",
    );
    let f = write(&dir, "syntax.toml", &text);
    let at = |needle: &str| format!("{f}:{}:1: key", line_of(&text, needle, 1));
    let e = refused(
        &["validate", &f],
        &[
            &format!(
                "{f}:{}:16: key `plan.point_riders`",
                line_of(&text, "point_riders", 1)
            ),
            &format!("{} `closures.new_buildings_per_day`", at("new_buildings")),
            &format!("{} `households.persons_per_household`", at("persons_per")),
        ],
    );
    assert_eq!(e.matches("error: ").count(), 3, "{e}");
    // A header written with spaces and quotes is named as its key; a line
    // inside a multi-line string is not a header; a value over several
    // lines is its key's; every problem in the order of the lines.
    let text = "[scenario]\nname = \"x\"\ndescription = \"\"\"\n[note]\n\"\"\"\ndays = 0\n\
                [ plan . \"suppliers\" ] # the plan's rule\nbuilding = \"a\"\ncompound = [\n  2,\n  \"three\" ]\n\
                street = 0\n";
    let f = write(&dir, "lines.toml", text);
    let e = refused(
        &["validate", &f],
        &[
            &format!("{f}:6:1: key `scenario.days`"),
            &format!("{f}:8:12: key `plan.suppliers.building`"),
            &format!("{f}:9:12: key `plan.suppliers.compound`"),
            &format!("{f}:12:1: key `plan.suppliers.street`"),
        ],
    );
    let order: Vec<usize> = [
        "scenario.days",
        "plan.suppliers.building",
        "plan.suppliers.compound",
        "plan.suppliers.street",
    ]
    .iter()
    .map(|k| e.find(&format!("key `{k}`")).expect("named"))
    .collect();
    assert!(order.windows(2).all(|w| w[0] < w[1]), "{e}");
}

/// The later lines of a file after a broken `[plan]` header, with a bad
/// value, an unknown key and a later table's bad value: each must be
/// reported in the same run, under the table meant.
const AFTER_PLAN: &str =
    "order_interval_days = 0.01\ngreen_chanel = true\n[panic]\nrumours_per_day = 1e6\n";

#[test]
fn a_table_header_written_wrong_is_read_as_meant_and_the_rest_is_reported() {
    // Each of these stopped the reading: nothing after it was said.
    let dir = TempDir::new("bad-header");
    let cases = [
        ("[plan", ":11:6: key `plan`: ", "write `[plan]`"),
        ("[plan]]", ":11:7: key `plan`: ", "write `[plan]`"),
        ("[[plan]", ":11:8: key `plan`: ", "write `[plan]`"),
        ("[plna", ":11:6: key `plan`: ", "write `[plan]`"),
        (
            "[plan] point_riders = 3",
            ":11:8: key `plan`: ",
            "write `[plan]`",
        ),
        (
            "【plan】",
            ":11:1: key `plan`: ",
            "`【` is a Chinese bracket from a Chinese keyboard: write the table header in half-width characters, `[plan]`",
        ),
        ("　[plan]", ":11:1: key `plan`: ", "`[plan]`"),
        ("[plna]", ":11:2: key `plna`: ", "did you mean `plan`?"),
    ];
    for (i, (header, at, fix)) in cases.iter().enumerate() {
        let text = scenario("", &format!("{header}\n{AFTER_PLAN}"));
        let f = write(&dir, &format!("h{i}.toml"), &text);
        let e = refused(
            &["validate", &f],
            &[
                &format!("{f}{at}"),
                fix,
                &format!("{f}:12:1: key `plan.order_interval_days`: 0.01 is too small"),
                &format!(
                    "{f}:13:1: key `plan.green_chanel`: unknown key `green_chanel`; did you mean `green_channel`?"
                ),
                &format!("{f}:15:1: key `panic.rumours_per_day`"),
            ],
        );
        assert_eq!(e.matches("error: ").count(), 4, "{header}: {e}");
    }
    // A list entry's header: its keys are the entry's.
    let text = scenario(
        "",
        "[[events]\nkind = \"rumour\"\nstrength = 0.1\nday = 0\n[panic]\nrumours_per_day = 1e6\n",
    );
    let f = write(&dir, "events.toml", &text);
    let e = refused(
        &["validate", &f],
        &[
            &format!("{f}:11:10: key `events`: "),
            "write `[[events]]`",
            &format!("{f}:14:1: key `events[0].day`"),
            &format!("{f}:16:1: key `panic.rumours_per_day`"),
        ],
    );
    assert_eq!(e.matches("error: ").count(), 3, "{e}");
    // In Chinese, and for run and sweep too.
    let f = write(
        &dir,
        "zh.toml",
        &scenario("", &format!("[plan\n{AFTER_PLAN}")),
    );
    refused_zh(
        &["validate", &f],
        &[
            &format!("错误：{f}:11:6：键 `plan`：表头缺少右方括号：请写 `[plan]`"),
            &format!("{f}:12:1：键 `plan.order_interval_days`"),
        ],
    );
    for cmd in ["run", "sweep"] {
        refused(
            &[cmd, &f],
            &["write `[plan]`", "key `panic.rumours_per_day`"],
        );
    }
}

#[test]
fn a_header_whose_table_cannot_be_told_skips_its_keys_without_inventing_errors() {
    let dir = TempDir::new("bad-header-skip");
    // No table is near `zz`: said once, its keys not at all.
    let text = scenario("", "[zz]\na = 1\nb = 2\n[panic]\nrumours_per_day = 1e6\n");
    let f = write(&dir, "zz.toml", &text);
    let e = refused(
        &["validate", &f],
        &[
            &format!("{f}:11:2: key `zz`: unknown key `zz`"),
            &format!("{f}:15:1: key `panic.rumours_per_day`"),
        ],
    );
    assert_eq!(e.matches("error: ").count(), 2, "{e}");
    // Nothing between the brackets is a key: said, then skipped up to the
    // next header.
    for (i, header) in ["[]", "[plan x]", "[[[["].iter().enumerate() {
        let text = scenario(
            "",
            &format!("{header}\npoint_riders = 0\nzzz = 1\n[panic]\nfoo = 1\n"),
        );
        let f = write(&dir, &format!("x{i}.toml"), &text);
        let e = refused(
            &["validate", &f],
            &[
                &format!("{f}:11:"),
                "the keys under this one, up to the next header, are not read",
                &format!("{f}:15:1: key `panic.foo`"),
            ],
        );
        assert_eq!(e.matches("error: ").count(), 2, "{header}: {e}");
    }
    // `[[store]]` is `[[stores]]`: said once, and its entries checked as
    // stores (a wrong staff, and no phantom "no store").
    let text = std::fs::read_to_string(super::cli::tiny()).expect("tiny");
    let text = format!(
        "{text}\n[[store]]\nname = \"S3\"\nplace = \"Riverside-S1-C1\"\nsupplier = \"W-Riverside\"\nstaff = -1\n\
         [[store]]\nname = \"S4\"\nplace = \"Riverside-S1-C1\"\nsupplier = \"W-Riverside\"\n"
    );
    let f = write(&dir, "store.toml", &text);
    let e = refused(
        &["validate", &f],
        &[
            "key `store`: unknown key `store`; did you mean `stores`?",
            "key `stores[2].staff`",
        ],
    );
    assert_eq!(e.matches("error: ").count(), 2, "{e}");
    // A table given twice: the second is said and skipped; the first is
    // still checked.
    let text = scenario(
        "",
        "[plan]\norder_interval_days = 0.01\n[plan]\npoint_riders = 3\n[panic]\nrumours_per_day = 1e6\n",
    );
    let f = write(&dir, "twice.toml", &text);
    let e = refused(
        &["validate", &f],
        &[
            &format!("{f}:12:1: key `plan.order_interval_days`"),
            &format!("{f}:13:2: key `plan`: duplicate key"),
            &format!("{f}:16:1: key `panic.rumours_per_day`"),
        ],
    );
    assert_eq!(e.matches("error: ").count(), 3, "{e}");
}

#[test]
fn one_table_written_as_a_list_is_said_at_its_header() {
    // `[[plan]]` was read as a list whose first entry is `plan.suppliers`,
    // and said "unknown key `point_riders`; valid keys here: building,
    // compound, ...", which is beside the point.
    let dir = TempDir::new("bad-listed-table");
    let text = scenario(
        "",
        "[[plan]]\npoint_riders = 0\n[panic]\nrumours_per_day = 1e6\n",
    );
    let f = write(&dir, "plan.toml", &text);
    let e = refused(
        &["validate", &f],
        &[
            &format!("{f}:11:3: key `plan`: `plan` is one table: write `[plan]`, not `[[plan]]`"),
            &format!("{f}:12:1: key `plan.point_riders`"),
            &format!("{f}:14:1: key `panic.rumours_per_day`"),
        ],
    );
    assert!(!e.contains("building, compound"), "{e}");
}

#[test]
fn every_slip_on_key_lines_is_reported_and_keys_are_shown_escaped() {
    let dir = TempDir::new("bad-slips");
    // A full-width `＝` stopped the reading (the line has no `=`), and a
    // second syntax error after a first was not said.
    let text = scenario(
        "",
        "[plan]\ngreen_channel ＝ true\npoint_hours = [8，20]\npoint_riders = 3 3\n\
         order_interval_days = 0.01\n",
    );
    let f = write(&dir, "slips.toml", &text);
    let e = refused(
        &["validate", &f],
        &[
            &format!("{f}:12:15: `＝`"),
            &format!("{f}:13:17: `，`"),
            &format!("{f}:14:16: key `plan.point_riders`"),
            &format!("{f}:15:1: key `plan.order_interval_days`"),
        ],
    );
    assert_eq!(e.matches("error: ").count(), 4, "{e}");
    // A NUL byte in a key is shown as an escape, not sent to the terminal.
    let f = write(&dir, "nul.toml", &scenario("", "[plan]\nna\0me = 1\n"));
    let o = baogong(&["validate", &f]);
    assert_eq!(o.status.code(), Some(2));
    assert!(!o.stderr.contains(&0), "{}", stderr(&o));
    assert!(
        stderr(&o).contains("key `plan.na\\u{0000}me`"),
        "{}",
        stderr(&o)
    );
}

#[test]
fn unknown_keys_in_several_set_values_list_the_valid_keys_once() {
    let e = refused(
        &[
            "run",
            "tiny",
            "--set",
            "plan.a=1",
            "--set",
            "plan.point_ridrs=2",
            "--set",
            "plan.c=3",
        ],
        &[
            "--set: `plan.a` is not a setting that can be changed",
            "--set: `plan.point_ridrs` is not a setting that can be changed; did you mean `plan.point_riders`?",
            "--set: `plan.c` is not a setting",
            "valid keys:\n  scenario: days\n",
        ],
    );
    assert_eq!(e.matches("valid keys:").count(), 1, "{e}");
    assert_eq!(e.matches("  plan.suppliers: building").count(), 1, "{e}");
    // The seed alone wants no list.
    let e = refused(&["run", "tiny", "--set", "scenario.seed=3"], &["--seed"]);
    assert!(!e.contains("valid keys"), "{e}");
}

#[test]
fn the_seed_in_set_is_said_as_the_command_takes_it() {
    // It said "the seed is the sweep's own" to run and validate too.
    let e = refused(
        &["run", "tiny", "--set", "scenario.seed=3"],
        &["give it as `--seed 3`"],
    );
    assert!(!e.contains("sweep"), "{e}");
    let e = refused(
        &["validate", "tiny", "--set", "scenario.seed=3"],
        &[
            "the checks of validate do not depend on the seed",
            "`baogong run --seed 3`",
        ],
    );
    assert!(!e.contains("sweep"), "{e}");
    refused(
        &["sweep", "tiny", "--set", "scenario.seed=3"],
        &["the seed is the sweep's own (--seed)"],
    );
    refused_zh(
        &["run", "tiny", "--set", "scenario.seed=3"],
        &["请用 `--seed 3` 给出"],
    );
}

#[test]
fn every_bad_entry_of_a_sweep_table_is_reported_in_one_run() {
    // Only the first was said.
    let dir = TempDir::new("bad-sweep-table");
    let text = scenario(
        "",
        "[sweep]\nreplications = 0\n[sweep.grid]\n\"plan.point_ridrs\" = [1, 2]\n\
         \"plan.green_channel\" = true\n\"plan.point_riders\" = [1, 1]\n\
         [[sweep.settings]]\nname = \"\"\n[[sweep.settings]]\nname = \"b\"\nset = { \"plan.foo\" = 1 }\n",
    );
    let f = write(&dir, "table.toml", &text);
    for cmd in ["validate", "sweep"] {
        let e = refused(
            &[cmd, &f],
            &[
                &format!("{f}:12:1: key `sweep.replications`: must be at least 1"),
                &format!("{f}:14:1: key `sweep.grid.\"plan.point_ridrs\"`"),
                "did you mean `plan.point_riders`?",
                &format!("{f}:15:1: key `sweep.grid.\"plan.green_channel\"`"),
                &format!("{f}:16:1: key `sweep.grid.\"plan.point_riders\"`"),
                "lists the value 1 twice",
                &format!("{f}:18:1: key `sweep.settings[0].name`"),
                &format!("{f}:21:9: key `sweep.settings[1].set.\"plan.foo\"`"),
            ],
        );
        assert_eq!(e.matches("error: ").count(), 6, "{e}");
    }
    // Every bad value, each once, not once per setting it is part of.
    let text = scenario(
        "",
        "[sweep.grid]\n\"plan.point_riders\" = [0, 1, 2]\n\"plan.order_interval_days\" = [1.0, 0.01]\n\
         [[sweep.settings]]\nname = \"a\"\nset = { \"plan.people_per_point\" = -5 }\n",
    );
    let f = write(&dir, "values.toml", &text);
    let e = refused(
        &["sweep", &f, "--replications", "1"],
        &[
            "plan.people_per_point=-5",
            "[sweep.grid] plan.point_riders=0",
            "[sweep.grid] plan.order_interval_days=0.01",
        ],
    );
    assert_eq!(e.matches("error: ").count(), 3, "{e}");
}

#[test]
fn negative_counts_and_seeds_name_their_flag() {
    // clap took `-1` for a flag: "unexpected argument '-1' found", with the
    // advice to write `-- -1`, which passes it as the scenario.
    for (args, flag) in [
        (&["run", "tiny", "--seed", "-1"][..], "--seed"),
        (&["run", "tiny", "--replication", "-2"][..], "--replication"),
        (&["run", "tiny", "--max-events", "-5"][..], "--max-events"),
        (
            &["sweep", "tiny", "--replications", "-1"][..],
            "--replications",
        ),
        (&["sweep", "tiny", "--threads", "-4"][..], "--threads"),
    ] {
        let e = refused(args, &[flag]);
        assert!(!e.contains("-- -"), "{e}");
    }
}

#[test]
fn shard_rows_edited_to_values_no_run_writes_are_refused_not_a_panic() {
    // 1e308 in a score made the chart's ticks overflow: a panic.
    let dir = TempDir::new("bad-merge-huge");
    let shard = |k: u32| {
        let out = dir.join(&format!("s{k}"));
        let o = baogong(&[
            "sweep",
            "tiny",
            "--replications",
            "4",
            "--shard",
            &format!("{k}/2"),
            "--out",
            &out.display().to_string(),
        ]);
        super::cli::assert_exit(&o, 0);
        out
    };
    let (a, b) = (shard(1), shard(2));
    let csv = a.join("replications.csv");
    let text = std::fs::read_to_string(&csv).expect("rows");
    let edited: Vec<String> = text
        .lines()
        .enumerate()
        .map(|(i, l)| {
            if i == 0 {
                return l.to_string();
            }
            let mut f: Vec<&str> = l.split(',').collect();
            f[4] = "1e308";
            f.join(",")
        })
        .collect();
    std::fs::write(&csv, edited.join("\n") + "\n").expect("write");
    let out = dir.join("merged");
    let e = refused(
        &[
            "merge",
            &a.display().to_string(),
            &b.display().to_string(),
            "--out",
            &out.display().to_string(),
        ],
        &[&format!(
            "{}:2: column `score`: 1e308 is larger than any value a run writes",
            csv.display()
        )],
    );
    assert!(!e.contains("panicked"), "{e}");
}
