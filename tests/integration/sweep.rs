//! Sweeps through the command line: determinism across threads, shards
//! merged byte for byte, refusal of bad shard sets, common random numbers,
//! summary statistics recomputed independently, the chart and the workbook
//! read back, and bad input.

use std::collections::BTreeMap;
use std::path::Path;

use super::cli::{TempDir, assert_exit, baogong, entries, stderr, stdout, tiny};

/// The grid used by most tests: 3 settings.
const GRID: &str = "plan.decision_delay_hours=1,6,24";

fn sweep(out: &TempDir, extra: &[&str]) -> std::process::Output {
    let t = tiny();
    let o = out.arg();
    let mut args = vec!["sweep", t.as_str(), "--grid", GRID, "--out", o.as_str()];
    args.extend_from_slice(extra);
    baogong(&args)
}

pub(crate) fn read(dir: &Path, name: &str) -> Vec<u8> {
    std::fs::read(dir.join(name)).unwrap_or_else(|e| panic!("{}: {e}", dir.join(name).display()))
}

/// Asserts that two sweep directories hold the same files, byte for byte.
pub(crate) fn assert_same_files(a: &Path, b: &Path) {
    assert_eq!(entries(a), entries(b));
    for name in entries(a) {
        assert!(
            read(a, &name) == read(b, &name),
            "{name} differs between {} and {}",
            a.display(),
            b.display()
        );
    }
}

/// `replications.csv` as maps from column to value, one per row.
fn rows(dir: &Path) -> Vec<BTreeMap<String, String>> {
    let mut rd = csv::Reader::from_path(dir.join("replications.csv")).expect("readable CSV");
    let header: Vec<String> = rd.headers().unwrap().iter().map(String::from).collect();
    rd.records()
        .map(|r| {
            let r = r.unwrap();
            header
                .iter()
                .cloned()
                .zip(r.iter().map(String::from))
                .collect()
        })
        .collect()
}

#[test]
fn one_thread_and_two_give_the_same_bytes() {
    let a = TempDir::new("sweep-t1");
    let b = TempDir::new("sweep-t2");
    let oa = sweep(&a, &["--replications", "40", "--threads", "1"]);
    let ob = sweep(&b, &["--replications", "40", "--threads", "2"]);
    assert_exit(&oa, 0);
    assert_exit(&ob, 0);
    assert_eq!(
        entries(a.path()),
        [
            "replications.csv",
            "summary.csv",
            "summary.svg",
            "summary.xlsx",
            "sweep.json"
        ]
    );
    assert_same_files(a.path(), b.path());
    assert_eq!(
        stdout(&oa).replace(&a.arg(), ""),
        stdout(&ob).replace(&b.arg(), "")
    );
    // Not a terminal: no progress bar, nothing on stderr.
    assert_eq!(stderr(&oa), "");
    assert_eq!(rows(a.path()).len(), 3 * 40);
}

#[test]
fn shards_merge_into_the_unsharded_files_byte_for_byte() {
    let whole = TempDir::new("sweep-whole");
    assert_exit(&sweep(&whole, &["--replications", "7"]), 0);
    for n in [1u32, 2, 3, 5, 8] {
        let dirs: Vec<TempDir> = (1..=n)
            .map(|k| TempDir::new(&format!("sweep-shard-{k}-of-{n}")))
            .collect();
        for (k, d) in dirs.iter().enumerate() {
            let shard = format!("{}/{n}", k + 1);
            let o = sweep(
                d,
                &["--replications", "7", "--shard", &shard, "--threads", "1"],
            );
            assert_exit(&o, 0);
            assert_eq!(entries(d.path()), ["replications.csv", "sweep.json"]);
        }
        let merged = TempDir::new(&format!("sweep-merged-{n}"));
        // Shards in reverse order: the order given does not matter.
        let mut args: Vec<String> = vec!["merge".into()];
        args.extend(dirs.iter().rev().map(|d| d.arg()));
        args.extend(["--out".into(), merged.arg()]);
        let args: Vec<&str> = args.iter().map(String::as_str).collect();
        let o = baogong(&args);
        assert_exit(&o, 0);
        assert_same_files(whole.path(), merged.path());
    }
}

/// In Chinese too, the merged shards give the whole sweep's files: the
/// chart and the workbook in Chinese, byte for byte.
#[test]
fn chinese_shards_merge_into_the_unsharded_files_byte_for_byte() {
    let whole = TempDir::new("sweep-zh-whole");
    assert_exit(&sweep(&whole, &["--replications", "5", "--lang", "zh"]), 0);
    let dirs = [TempDir::new("sweep-zh-1"), TempDir::new("sweep-zh-2")];
    for (k, d) in dirs.iter().enumerate() {
        let shard = format!("{}/2", k + 1);
        let o = sweep(
            d,
            &["--replications", "5", "--shard", &shard, "--lang", "zh"],
        );
        assert_exit(&o, 0);
    }
    let merged = TempDir::new("sweep-zh-merged");
    let (a, b, m) = (dirs[0].arg(), dirs[1].arg(), merged.arg());
    assert_exit(&baogong(&["--lang", "zh", "merge", &a, &b, "--out", &m]), 0);
    assert_same_files(whole.path(), merged.path());
    let svg = String::from_utf8(read(whole.path(), "summary.svg")).unwrap();
    assert!(svg.contains("与基准方案之差"), "the chart is in Chinese");
    // The same sweep in English differs only in its chart and workbook.
    let en = TempDir::new("sweep-zh-en");
    assert_exit(&sweep(&en, &["--replications", "5", "--lang", "en"]), 0);
    for name in entries(whole.path()) {
        let same = read(whole.path(), &name) == read(en.path(), &name);
        let localized = name == "summary.svg" || name == "summary.xlsx";
        assert_eq!(same, !localized, "{name}");
    }
}

#[test]
fn merge_refuses_incomplete_repeated_and_foreign_shards() {
    let s1 = TempDir::new("refuse-1");
    let s2 = TempDir::new("refuse-2");
    let s3 = TempDir::new("refuse-3");
    let other = TempDir::new("refuse-other");
    let whole = TempDir::new("refuse-whole");
    let out = TempDir::new("refuse-out");
    for (d, k) in [(&s1, "1/3"), (&s2, "2/3"), (&s3, "3/3")] {
        assert_exit(&sweep(d, &["--replications", "5", "--shard", k]), 0);
    }
    assert_exit(
        &sweep(
            &other,
            &["--replications", "5", "--shard", "3/3", "--seed", "99"],
        ),
        0,
    );
    assert_exit(&sweep(&whole, &["--replications", "5"]), 0);
    let merge = |dirs: &[&TempDir]| {
        let mut args: Vec<String> = vec!["merge".into()];
        args.extend(dirs.iter().map(|d| d.arg()));
        args.extend(["--out".into(), out.arg()]);
        let args: Vec<&str> = args.iter().map(String::as_str).collect();
        baogong(&args)
    };
    let refused = |dirs: &[&TempDir], why: &str| {
        let o = merge(dirs);
        assert_exit(&o, 2);
        assert!(
            stderr(&o).contains(why),
            "expected `{why}` in:\n{}",
            stderr(&o)
        );
        assert!(
            !out.path().exists(),
            "nothing is written when a merge is refused"
        );
    };
    refused(&[&s1, &s2], "incomplete: missing 3/3");
    refused(&[&s1, &s2, &s2, &s3], "shard 2/3 is given twice");
    refused(&[&s1, &s2, &other], "shards of different sweeps");
    refused(&[&s1, &s2, &whole], "holds a whole sweep, not a shard");
    refused(&[&s1, &s2, &out], "cannot read it");

    // A shard with a row removed, or a row of another shard, is refused.
    let csv = s2.join("replications.csv");
    let text = std::fs::read_to_string(&csv).unwrap();
    let lines: Vec<&str> = text.lines().collect();
    std::fs::write(&csv, format!("{}\n", lines[..lines.len() - 1].join("\n"))).unwrap();
    refused(&[&s1, &s2, &s3], "the shard is incomplete or damaged");
    let foreign = std::fs::read_to_string(s1.join("replications.csv")).unwrap();
    let row = foreign.lines().nth(1).unwrap();
    std::fs::write(&csv, format!("{text}{row}\n")).unwrap();
    refused(&[&s1, &s2, &s3], "does not belong to this shard");
    // Restored, the set merges.
    std::fs::write(&csv, &text).unwrap();
    assert_exit(&merge(&[&s1, &s2, &s3]), 0);
    assert_same_files(whole.path(), out.path());
}

#[test]
fn common_random_numbers_give_every_setting_the_same_outbreaks() {
    let d = TempDir::new("sweep-crn");
    let t = tiny();
    let o = d.arg();
    let out = baogong(&[
        "sweep",
        &t,
        "--grid",
        "plan.green_channel=true,false",
        "--grid",
        "score.cost_10k_yuan=1,3",
        "--replications",
        "30",
        "--out",
        &o,
    ]);
    assert_exit(&out, 0);
    let rows = rows(d.path());
    let by = |s: &str| -> Vec<&BTreeMap<String, String>> {
        rows.iter().filter(|r| r["setting"] == s).collect()
    };
    // Closures escalate at random, independently of the plan: the same
    // replication has the same closures in every setting.
    let closures =
        |s: &str| -> Vec<String> { by(s).iter().map(|r| r["closures"].clone()).collect() };
    assert_eq!(closures("0"), closures("2"));
    assert!(
        closures("0").iter().any(|c| c != "1"),
        "some replications escalate"
    );
    // A score weight changes nothing in the city: every outcome is equal,
    // replication by replication, and the paired difference is exactly zero.
    for (a, b) in by("0").iter().zip(by("1")) {
        for col in [
            "shortage_person_days",
            "cost_yuan",
            "stockout_hours",
            "peak_panic",
        ] {
            assert_eq!(a[col], b[col], "{col}");
        }
        let cost: f64 = a["score_cost"].parse().unwrap();
        let cost3: f64 = b["score_cost"].parse().unwrap();
        assert!((cost3 - 3.0 * cost).abs() <= 1e-9 * cost3.abs().max(1.0));
    }
    let summary = std::fs::read_to_string(d.join("summary.csv")).unwrap();
    let line = summary
        .lines()
        .find(|l| l.starts_with("1,") && l.contains(",shortage_person_days,"))
        .unwrap();
    assert!(line.contains(",0,0,0,same,"), "{line}");
}

/// `summary.csv` as maps from column to value, one per row.
fn summary_rows(dir: &Path) -> Vec<BTreeMap<String, String>> {
    let mut rd = csv::Reader::from_path(dir.join("summary.csv")).expect("readable CSV");
    let header: Vec<String> = rd.headers().unwrap().iter().map(String::from).collect();
    rd.records()
        .map(|r| {
            header
                .iter()
                .cloned()
                .zip(r.unwrap().iter().map(String::from))
                .collect()
        })
        .collect()
}

/// The `p` quantile of `x` by linear interpolation between order
/// statistics (R's and NumPy's default), written out independently.
fn percentile(x: &[f64], p: f64) -> f64 {
    let mut v = x.to_vec();
    v.sort_by(|a, b| a.partial_cmp(b).unwrap());
    let h = (v.len() - 1) as f64 * p;
    let (i, f) = (h.floor() as usize, h - h.floor());
    if i + 1 < v.len() {
        v[i] * (1.0 - f) + v[i + 1] * f
    } else {
        v[i]
    }
}

/// Mean, sd, the 95% interval and the tail recomputed from
/// replications.csv, with the t quantile of 29 degrees of freedom from
/// tables (2.045230).
#[test]
fn summary_statistics_match_an_independent_computation() {
    let d = TempDir::new("sweep-stats");
    assert_exit(&sweep(&d, &["--replications", "30"]), 0);
    let rows = rows(d.path());
    let column = |s: &str, col: &str| -> Vec<f64> {
        rows.iter()
            .filter(|r| r["setting"] == s)
            .map(|r| r[col].parse().unwrap())
            .collect()
    };
    let stats = |x: &[f64]| {
        let n = x.len() as f64;
        let m = x.iter().sum::<f64>() / n;
        let sd = (x.iter().map(|v| (v - m).powi(2)).sum::<f64>() / (n - 1.0)).sqrt();
        (m, sd, 2.045_230 * sd / n.sqrt())
    };
    let recs = summary_rows(d.path());
    let get = |setting: &str, col: &str| {
        recs.iter()
            .find(|r| r["setting"] == setting && r["column"] == col)
            .unwrap()
            .clone()
    };
    let close = |a: &str, b: f64| {
        let a: f64 = a.parse().unwrap();
        assert!((a - b).abs() <= 1e-4 * b.abs().max(1e-9), "{a} vs {b}");
    };
    for col in [
        "score",
        "shortage_person_days",
        "mean_hours_to_first_goods",
        "cost_yuan",
    ] {
        let (base, other) = (column("0", col), column("2", col));
        let (m, sd, h) = stats(&other);
        let r = get("2", col);
        assert_eq!(r["n"], "30");
        close(&r["mean"], m);
        close(&r["sd"], sd);
        close(&r["ci95_low"], m - h);
        close(&r["ci95_high"], m + h);
        close(&r["median"], percentile(&other, 0.5));
        close(&r["p90"], percentile(&other, 0.9));
        close(&r["p95"], percentile(&other, 0.95));
        let above = other.iter().filter(|v| **v > 0.0).count() as f64 / 30.0;
        close(&r["share_above_0"], above);
        let diffs: Vec<f64> = other.iter().zip(&base).map(|(a, b)| a - b).collect();
        let (dm, dsd, dh) = stats(&diffs);
        close(&r["diff_vs_baseline"], dm);
        close(&r["diff_ci95_low"], dm - dh);
        close(&r["diff_ci95_high"], dm + dh);
        // Lower is better, for every column.
        let verdict = if dsd == 0.0 && dm == 0.0 {
            "same"
        } else if dm + dh < 0.0 {
            "better"
        } else if dm - dh > 0.0 {
            "worse"
        } else {
            "no clear difference"
        };
        assert_eq!(r["vs_baseline"], verdict, "{col}");
        assert_eq!(get("0", col)["vs_baseline"], "baseline");
    }
    // Ranks follow the means.
    let mut means: Vec<(f64, String)> = ["0", "1", "2"]
        .iter()
        .map(|s| {
            let r = get(s, "score");
            (r["mean"].parse().unwrap(), r["rank"].clone())
        })
        .collect();
    means.sort_by(|a, b| a.0.total_cmp(&b.0));
    assert_eq!(
        means.iter().map(|m| m.1.as_str()).collect::<Vec<_>>(),
        ["1", "2", "3"]
    );
}

/// The texts of an SVG's `<text>` elements.
fn svg_texts(svg: &str) -> Vec<String> {
    svg.split("<text")
        .skip(1)
        .filter_map(|t| {
            let body = &t[t.find('>')? + 1..];
            Some(body[..body.find("</text>")?].trim().replace("&amp;", "&"))
        })
        .collect()
}

/// summary.svg and summary.xlsx read back: the chart's texts and marks,
/// the workbook's cells, both agreeing with summary.csv.
#[test]
fn the_chart_and_the_workbook_say_what_summary_csv_says() {
    use calamine::{Data, Reader, Xlsx, open_workbook};

    let d = TempDir::new("sweep-readback");
    assert_exit(&sweep(&d, &["--replications", "12"]), 0);
    let recs = summary_rows(d.path());
    let get = |setting: usize, col: &str| {
        recs.iter()
            .find(|r| r["setting"] == setting.to_string() && r["column"] == col)
            .unwrap_or_else(|| panic!("no {col} for setting {setting}"))
            .clone()
    };
    // The grid's labels, and as the chart shortens them.
    let (key, values) = GRID.split_once('=').unwrap();
    let labels: Vec<String> = values.split(',').map(|v| format!("{key}={v}")).collect();
    let short: Vec<String> = labels
        .iter()
        .map(|l| l.split_once('.').unwrap().1.to_string())
        .collect();

    // The chart: four panels in natural units, short labels, verdicts.
    let svg = String::from_utf8(read(d.path(), "summary.svg")).unwrap();
    let texts = svg_texts(&svg);
    let wanted = [
        "score [points]",
        "shortage [person-days]",
        "mean hours to first goods [h]",
        "government cost [yuan]",
        "difference from the baseline",
        "95th percentile (the bad runs)",
    ];
    for t in wanted
        .iter()
        .copied()
        .chain(short.iter().map(String::as_str))
    {
        assert!(texts.iter().any(|x| x == t), "no text `{t}` in {texts:?}");
    }
    assert!(texts.iter().all(|t| !t.contains(key)), "labels are short");
    assert!(texts.iter().all(|t| t != "lower" && t != "higher"));
    for (i, col) in [
        "score",
        "shortage_person_days",
        "mean_hours_to_first_goods",
        "cost_yuan",
    ]
    .iter()
    .enumerate()
    {
        // Each setting's verdict, with its difference, in the panel.
        for s in 1..3 {
            let v = get(s, col)["vs_baseline"].clone();
            assert!(
                texts.iter().any(|t| t.starts_with(&format!("{v}  "))),
                "panel {i} ({col}): no verdict `{v}` in {texts:?}"
            );
        }
    }
    // Marks: per panel, a dot per setting's mean and per difference, an
    // interval per each, a triangle per 95th percentile; six legend swatches.
    let panels = 4;
    assert_eq!(svg.matches("<circle").count(), panels * (3 + 2));
    assert_eq!(svg.matches("<polyline").count(), panels * (3 + 2));
    assert_eq!(svg.matches("<polygon").count(), panels * 3 + 6);
    // No tick on a logarithmic axis reads 0 (whichever axes are logarithmic).
    if texts.iter().any(|t| t.starts_with("logarithmic scale")) {
        let zero_ticks = texts.iter().filter(|t| *t == "0").count();
        assert!(zero_ticks <= panels, "a linear axis per panel at most");
    }

    // The workbook: headers, one row per setting, the same numbers.
    let mut wb: Xlsx<_> = open_workbook(d.join("summary.xlsx")).expect("an xlsx file");
    assert_eq!(wb.sheet_names(), ["Summary", "All columns", "About"]);
    let sheet = wb.worksheet_range("Summary").unwrap();
    let cell = |r: u32, c: u32| sheet.get_value((r, c)).cloned().unwrap_or(Data::Empty);
    let text = |r: u32, c: u32| match cell(r, c) {
        Data::String(s) => s,
        other => panic!("cell ({r}, {c}) is {other:?}, not text"),
    };
    let num = |r: u32, c: u32| match cell(r, c) {
        Data::Float(x) => x,
        Data::Int(x) => x as f64,
        other => panic!("cell ({r}, {c}) is {other:?}, not a number"),
    };
    assert_eq!(text(0, 1), "setting");
    assert_eq!(text(0, 2), "score [points]");
    assert_eq!(text(0, 11), "shortage [person-days]");
    assert_eq!(text(1, 2), "mean");
    assert_eq!(text(1, 10), "vs baseline");
    for (i, label) in labels.iter().enumerate() {
        let r = 2 + i as u32;
        assert_eq!(&text(r, 1), label);
        assert_eq!(num(r, 0), i as f64);
        let score = get(i, "score");
        assert_eq!(num(r, 2), score["mean"].parse::<f64>().unwrap());
        assert_eq!(num(r, 3), score["ci95_low"].parse::<f64>().unwrap());
        assert_eq!(num(r, 6), score["p95"].parse::<f64>().unwrap());
        let short = get(i, "shortage_person_days");
        assert_eq!(num(r, 11), short["mean"].parse::<f64>().unwrap());
        if i == 0 {
            assert_eq!(text(r, 10), "baseline");
            assert_eq!(cell(r, 7), Data::Empty, "no difference for the baseline");
        } else {
            assert_eq!(num(r, 7), score["diff_vs_baseline"].parse::<f64>().unwrap());
            assert_eq!(text(r, 10), score["vs_baseline"]);
        }
    }
    assert_eq!(cell(5, 1), Data::Empty, "one row per setting");
    let merged = wb.merge_cells_by_sheet_name("Summary").unwrap();
    assert!(merged.len() >= 2 + 7, "{merged:?}");
    let all = wb.worksheet_range("All columns").unwrap();
    assert_eq!(
        all.height(),
        1 + recs.len(),
        "a row per line of summary.csv"
    );
    let about = wb.worksheet_range("About").unwrap();
    assert!(
        about
            .rows()
            .any(|r| r.iter().any(|c| c == &Data::String("master seed".into()))),
        "the seed is named"
    );
}

#[test]
fn a_row_is_reproduced_by_run_with_the_same_setting_seed_and_replication() {
    let d = TempDir::new("sweep-reproduce");
    assert_exit(&sweep(&d, &["--replications", "5", "--seed", "42"]), 0);
    let rows = rows(d.path());
    let row = rows
        .iter()
        .find(|r| r["setting"] == "1" && r["replication"] == "3")
        .unwrap();
    assert_eq!(row["label"], "plan.decision_delay_hours=6");
    assert_eq!(row["seed"], "42");
    let t = tiny();
    let o = baogong(&[
        "run",
        &t,
        "--set",
        "plan.decision_delay_hours=6",
        "--seed",
        "42",
        "--replication",
        "3",
        "--format",
        "json",
    ]);
    assert_exit(&o, 0);
    let j: serde_json::Value = serde_json::from_str(&stdout(&o)).unwrap();
    let score = j["outcomes"]["score"].as_f64().unwrap();
    assert_eq!(score, row["score"].parse::<f64>().unwrap());
}

#[test]
fn an_unknown_grid_key_lists_the_valid_keys() {
    let t = tiny();
    let o = baogong(&["sweep", &t, "--grid", "plan.green_chanel=true,false"]);
    assert_exit(&o, 2);
    let e = stderr(&o);
    assert!(e.contains("`plan.green_chanel` is not a setting"), "{e}");
    assert!(e.contains("did you mean `plan.green_channel`?"), "{e}");
    assert!(
        e.contains("  plan.suppliers: building, compound, community, street, site"),
        "{e}"
    );
    assert!(e.contains("  plan: "), "{e}");
    let o = baogong(&["sweep", &t, "--set", "scenario.seed=3"]);
    assert_exit(&o, 2);
    assert!(stderr(&o).contains("--seed"), "{}", stderr(&o));
    let o = baogong(&["run", &t, "--set", "plan.point_riders"]);
    assert_exit(&o, 2);
    assert!(stderr(&o).contains("expected KEY=VALUE"), "{}", stderr(&o));
}

#[test]
fn a_bad_value_names_the_key_and_the_flag() {
    let t = tiny();
    let o = baogong(&["run", &t, "--set", "plan.point_riders=0"]);
    assert_exit(&o, 2);
    let e = stderr(&o);
    assert!(e.contains("key `plan.point_riders`"), "{e}");
    assert!(e.contains("(from --set plan.point_riders=0)"), "{e}");
    let o = baogong(&["sweep", &t, "--grid", "plan.green_channel=true,maybe"]);
    assert_exit(&o, 2);
    let e = stderr(&o);
    assert!(e.contains("setting `plan.green_channel=\"maybe\"`"), "{e}");
    assert!(e.contains("key `plan.green_channel`"), "{e}");
    for bad in [
        ["--shard", "0/2"],
        ["--shard", "3/2"],
        ["--replications", "0"],
    ] {
        let d = TempDir::new("bad-shard");
        let o = sweep(&d, &bad);
        assert_exit(&o, 2);
        assert!(!d.path().exists());
    }
}

#[test]
fn the_sweep_table_of_a_scenario_file() {
    let d = TempDir::new("sweep-table");
    std::fs::create_dir_all(d.path()).unwrap();
    let base = std::fs::read_to_string(tiny()).unwrap();
    let file = d.join("with_sweep.toml");
    std::fs::write(
        &file,
        format!(
            "{base}\n[sweep]\nreplications = 4\nbaseline = \"rule; plan.green_channel=true\"\n\n\
             [sweep.grid]\n\"plan.green_channel\" = [false, true]\n\n\
             [[sweep.settings]]\nname = \"fewer\"\nset = {{ \"plan.suppliers.building\" = 1, \"plan.point_riders\" = 2 }}\n\n\
             [[sweep.settings]]\nname = \"rule\"\n"
        ),
    )
    .unwrap();
    let f = file.display().to_string();
    let out = d.join("out").display().to_string();
    let o = baogong(&["sweep", &f, "--out", &out]);
    assert_exit(&o, 0);
    let manifest: serde_json::Value =
        serde_json::from_slice(&read(&d.join("out"), "sweep.json")).unwrap();
    let labels: Vec<&str> = manifest["settings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["label"].as_str().unwrap())
        .collect();
    assert_eq!(
        labels,
        [
            "fewer; plan.green_channel=false",
            "fewer; plan.green_channel=true",
            "rule; plan.green_channel=false",
            "rule; plan.green_channel=true"
        ]
    );
    assert_eq!(manifest["baseline"], 3);
    assert_eq!(manifest["replications"], 4);
    // A grid added on the command line: the file's baseline names a
    // setting, which now stands for its first grid combination.
    let o = baogong(&[
        "sweep",
        &f,
        "--grid",
        "plan.point_riders=5,9",
        "--replications",
        "2",
    ]);
    assert_exit(&o, 0);
    let out = stdout(&o);
    let line = out
        .lines()
        .find(|l| l.contains("rule; plan.green_channel=true, plan.point_riders=5 "))
        .unwrap_or_else(|| panic!("{out}"));
    assert!(line.contains("baseline"), "{out}");
    // The command line's grid replaces the file's for the same key.
    let o = baogong(&[
        "sweep",
        &f,
        "--grid",
        "plan.green_channel=true",
        "--baseline",
        "rule; plan.green_channel=true",
    ]);
    assert_exit(&o, 0);
    assert!(
        stdout(&o).contains("2 setting(s) × 4 replications"),
        "{}",
        stdout(&o)
    );
    // A bad key in the table is reported at its line.
    std::fs::write(
        &file,
        format!("{base}\n[sweep.grid]\n\"plan.green_chanel\" = [false, true]\n"),
    )
    .unwrap();
    let o = baogong(&["sweep", &f]);
    assert_exit(&o, 2);
    let line = base.lines().count() + 3;
    let e = stderr(&o);
    assert!(e.contains(&format!("with_sweep.toml:{line}:")), "{e}");
    assert!(e.contains("did you mean `plan.green_channel`?"), "{e}");
    // validate checks the sweep too.
    let o = baogong(&["validate", &f]);
    assert_exit(&o, 2);
}

/// The chart and the workbook in Chinese, and the workbook's bytes
/// independent of the clock (its creation date is fixed).
#[test]
fn chinese_chart_and_workbook_with_bytes_that_do_not_depend_on_the_clock() {
    use baogong::i18n::Lang;
    use baogong::sweep::{self, Request, files};
    use calamine::{Data, Reader, Xlsx};

    let src = std::fs::read_to_string(tiny()).unwrap();
    let req = Request {
        grid: vec![sweep::overrides::parse_grid("plan.point_riders=2,10").unwrap()],
        replications: Some(4),
        ..Request::default()
    };
    let plan = sweep::plan(&src, "tiny.toml", &req).unwrap();
    let pairs = plan.pairs(None);
    let rows = plan.run(&pairs, &|| {});
    let m = files::Manifest::of(&plan, None);
    let s = files::summarize(&m, &rows);
    let render = || baogong::report::sweep_files::render(&m, &rows, Some(&s), Lang::Zh).unwrap();
    let first = render();
    // A second later: the same bytes.
    std::thread::sleep(std::time::Duration::from_millis(1_100));
    let again = render();
    assert_eq!(first, again);
    let file = |name: &str| {
        first
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, b)| b.clone())
            .unwrap_or_else(|| panic!("no {name}"))
    };
    let svg = String::from_utf8(file("summary.svg")).unwrap();
    let texts = svg_texts(&svg);
    for t in ["综合得分（分）", "短缺（人日）", "与基准方案之差", "基准"] {
        assert!(texts.iter().any(|x| x == t), "no `{t}` in {texts:?}");
    }
    let mut wb = Xlsx::new(std::io::Cursor::new(file("summary.xlsx"))).unwrap();
    assert_eq!(wb.sheet_names(), ["汇总", "全部指标", "说明"]);
    let sheet = wb.worksheet_range("汇总").unwrap();
    assert_eq!(sheet.get_value((0, 1)), Some(&Data::String("方案".into())));
    assert_eq!(sheet.get_value((1, 2)), Some(&Data::String("均值".into())));
    assert_eq!(sheet.get_value((2, 10)), Some(&Data::String("基准".into())));
    let verdict = sheet.get_value((3, 10)).cloned();
    assert!(
        ["更好", "更差", "无明显差别", "相同"]
            .iter()
            .any(|v| verdict == Some(Data::String(v.to_string()))),
        "{verdict:?}"
    );
    // The CSV files stay in English, for programs.
    let csv = String::from_utf8(file("summary.csv")).unwrap();
    assert!(csv.starts_with(
        "setting,label,column,n,mean,sd,ci95_low,ci95_high,median,p90,p95,share_above_0,"
    ));
}
