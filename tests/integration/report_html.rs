//! `report.html`: self-contained and deterministic in both languages, and
//! opened in a real headless browser (Debian's Chromium driven by
//! playwright-core, from `tests/browser/`): it loads from a file with no
//! network request and no console error, and each chart has its series.
//!
//! The browser test is `#[ignore]`d, so that `cargo test` reports it as
//! ignored, not passed, on a machine without a browser; `tests/browser/run`
//! (and `.ci/run`, which installs Chromium and playwright-core) runs it,
//! or says `skipped: ...` and why.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;
use std::process::{Command, Stdio};
use std::sync::mpsc;
use std::time::Duration;

use baogong::i18n::Lang;
use baogong::model::RunResult;
use baogong::model::metrics::Happening;
use baogong::report::html;
use serde_json::Value;

use super::cli::{TempDir, assert_exit, baogong, crate_file, root, stdout, tiny};

fn load(file: &str) -> baogong::model::Scenario {
    let path = crate_file(file);
    let src = std::fs::read_to_string(&path).unwrap();
    baogong::scenario::load_str(&src, &path).unwrap()
}

/// The page asks for nothing outside itself: no script, no style sheet,
/// image or font by address (the SVG namespace is a name, not a request).
fn assert_self_contained(page: &str) {
    assert!(page.starts_with("<!DOCTYPE html>"));
    for bad in [
        "<script",
        "<link",
        "<img",
        "<iframe",
        "@import",
        "url(",
        "src=",
        "href=\"http",
    ] {
        assert!(!page.contains(bad), "report.html holds `{bad}`");
    }
    let addresses = page.matches("http").count();
    let namespaces = page.matches("http://www.w3.org/2000/svg").count();
    assert_eq!(
        addresses, namespaces,
        "an address other than the SVG namespace"
    );
}

#[test]
fn the_page_is_self_contained_and_the_same_every_time_in_both_languages() {
    let sc = load("scenarios/building_to_street.toml");
    let r = baogong::experiment::run_replication(&sc, 7, 0, Default::default());
    let en = html::page(&sc, &r, Lang::En).unwrap();
    let zh = html::page(&sc, &r, Lang::Zh).unwrap();
    assert_eq!(
        en,
        html::page(&sc, &r, Lang::En).unwrap(),
        "same run, same bytes"
    );
    for page in [&en, &zh] {
        assert_self_contained(page);
        assert_eq!(page.matches("<svg ").count(), 10, "ten charts");
        assert_eq!(page.matches("<figure").count(), 10);
        assert_eq!(
            page.matches("<tr class=").count(),
            r.timeline.len(),
            "every timeline entry"
        );
    }
    assert!(en.contains("<html lang=\"en\">"));
    assert!(zh.contains("<html lang=\"zh-CN\">"));
    for text in [
        "封控与响应",
        "时间线",
        "全市逐日情况",
        "短缺",
        "应急投放点",
        "直接供货商",
    ] {
        assert!(zh.contains(text), "no `{text}` in the Chinese page");
    }
    for text in [
        "Closures and the response",
        "Timeline",
        "Sales against need",
    ] {
        assert!(en.contains(text), "no `{text}` in the page");
    }
    // The page of the CLI is the English page of the same run.
    let d = TempDir::new("html-cli");
    let f = crate_file("scenarios/building_to_street.toml");
    assert_exit(&baogong(&["run", &f, "--seed", "7", "--out", &d.arg()]), 0);
    assert!(std::fs::read_to_string(d.join("report.html")).unwrap() == en);
}

#[test]
fn a_run_without_closures_says_so_instead_of_drawing_empty_charts() {
    let sc = load("scenarios/tiny_quiet.toml");
    let r = baogong::experiment::run_replication(&sc, 1, 0, Default::default());
    assert!(r.closures.is_empty());
    let page = html::page(&sc, &r, Lang::En).unwrap();
    assert_self_contained(&page);
    assert_eq!(
        page.matches("<svg ").count(),
        4,
        "the daily charts with data only"
    );
    assert!(page.contains("No place was sealed in this run."));
}

// ------------------------------------------------------------- browser

/// What `tests/browser/report.mjs` saw of `page` in Chromium.
fn open_in_chromium(page: &Path) -> Value {
    let dir = root().join("tests/browser");
    let chromium = std::env::var("BAOGONG_CHROMIUM").unwrap_or("/usr/bin/chromium".into());
    assert!(
        Path::new(&chromium).exists(),
        "no Chromium at {chromium}: install it (apt-get install chromium) or set \
         BAOGONG_CHROMIUM; tests/browser/run skips this test when it is missing"
    );
    assert!(
        dir.join("node_modules/playwright-core").exists(),
        "playwright-core is not installed: run `npm ci` in tests/browser"
    );
    let child = Command::new("node")
        .arg("report.mjs")
        .arg(page)
        .current_dir(&dir)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("node starts (is Node.js installed?)");
    let pid = child.id();
    let (tx, rx) = mpsc::channel();
    std::thread::spawn(move || {
        let _ = tx.send(child.wait_with_output());
    });
    let out = match rx.recv_timeout(Duration::from_secs(180)) {
        Ok(out) => out.expect("node ran"),
        Err(_) => {
            // Ask the script to stop (it closes its browser), by its id.
            let _ = Command::new("kill").arg(pid.to_string()).status();
            panic!("the browser test did not finish in 180 s");
        }
    };
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "report.mjs failed: {err}");
    serde_json::from_slice(&out.stdout).unwrap_or_else(|e| {
        panic!(
            "report.mjs printed no JSON ({e}): {}",
            String::from_utf8_lossy(&out.stdout)
        )
    })
}

/// What each chart should hold, from the run's own data.
struct Expected {
    days: usize,
    categories: usize,
    districts: usize,
    /// Bars of goods handed out at points: (day, category) with goods.
    point_bars: usize,
    /// Closures drawn (the largest 40).
    closures: usize,
    /// Bars of orders: delivered and waiting, per closure with orders
    /// (the 25 with most).
    order_bars: usize,
    /// Closures in the daily backlog chart (the 10 with most backlog).
    backlog: usize,
    /// Dots of the daily wait chart: days with a mean wait, of those.
    wait_dots: usize,
    timeline: usize,
    all_closures: usize,
}

impl Expected {
    fn of(r: &RunResult, categories: usize, districts: usize) -> Expected {
        let point_bars = r
            .daily
            .iter()
            .filter(|d| d.level == "city" && d.point_kg > 0.0)
            .count();
        let mut with_orders: Vec<_> = r.closures.iter().filter(|c| c.orders_placed > 0).collect();
        with_orders.sort_by_key(|c| std::cmp::Reverse(c.orders_placed));
        with_orders.truncate(25);
        let order_bars = with_orders
            .iter()
            .map(|c| usize::from(c.orders_served > 0) + usize::from(c.orders_waiting > 0))
            .sum();
        // Closures with orders at their points, day by day.
        let mut daily: BTreeMap<u32, (u64, u64, usize)> = BTreeMap::new();
        for row in &r.closure_days {
            let e = daily.entry(row.closure).or_default();
            e.0 = e.0.max(row.orders_waiting);
            e.1 += row.orders_served;
            e.2 += usize::from(row.mean_wait_h.is_some());
        }
        daily.retain(|_, e| e.0 > 0 || e.1 > 0);
        let mut ranked: Vec<(u32, (u64, u64, usize))> = daily.into_iter().collect();
        ranked.sort_by(|a, b| {
            b.1.0
                .cmp(&a.1.0)
                .then(b.1.1.cmp(&a.1.1))
                .then(a.0.cmp(&b.0))
        });
        ranked.truncate(10);
        Expected {
            backlog: ranked.len(),
            wait_dots: ranked.iter().map(|(_, e)| e.2).sum(),
            days: r.days as usize,
            categories,
            districts,
            point_bars,
            closures: r.closures.len().min(40),
            order_bars,
            timeline: r.timeline.len(),
            all_closures: r.closures.len(),
        }
    }
}

fn check_page(facts: &Value, want: &Expected, lang: &str) {
    let list = |k: &str| {
        facts[k]
            .as_array()
            .unwrap_or_else(|| panic!("no `{k}` in {facts}"))
            .clone()
    };
    let url = facts["url"].as_str().unwrap();
    assert!(url.starts_with("file://"), "{url}");
    let requests: Vec<&str> = facts["requests"]
        .as_array()
        .unwrap()
        .iter()
        .map(|v| v.as_str().unwrap())
        .collect();
    assert_eq!(requests, [url], "the page asked for something else");
    assert!(list("failed").is_empty(), "failed requests: {facts}");
    assert!(
        list("pageErrors").is_empty(),
        "page errors: {}",
        facts["pageErrors"]
    );
    let console = list("console");
    let errors: Vec<&Value> = console.iter().filter(|m| m["type"] == "error").collect();
    assert!(errors.is_empty(), "console errors: {errors:?}");
    assert_eq!(facts["scripts"], 0);
    assert!(
        list("refs").is_empty(),
        "links out of the page: {}",
        facts["refs"]
    );
    assert_eq!(facts["lang"], lang);
    assert_eq!(
        facts["sections"],
        serde_json::json!(["outcomes", "city", "closures", "timeline"])
    );
    assert_eq!(
        facts["timelineRows"].as_u64().unwrap() as usize,
        want.timeline
    );
    assert_eq!(
        facts["closureRows"].as_u64().unwrap() as usize,
        want.all_closures
    );

    let figs = list("figures");
    let ids: Vec<&str> = figs.iter().map(|f| f["id"].as_str().unwrap()).collect();
    assert_eq!(
        ids,
        [
            "chart-sales",
            "chart-stock",
            "chart-unmet",
            "chart-panic",
            "chart-points",
            "chart-closures",
            "chart-response",
            "chart-backlog",
            "chart-wait",
            "chart-orders"
        ]
    );
    let titles: BTreeSet<&str> = figs.iter().map(|f| f["title"].as_str().unwrap()).collect();
    assert_eq!(titles.len(), figs.len(), "every chart has its own title");
    let by_id: BTreeMap<&str, &Value> = ids.iter().copied().zip(figs.iter()).collect();
    // Line charts: one polyline per series, a point per day, a colour each.
    for (id, series) in [
        ("chart-stock", want.categories),
        ("chart-unmet", want.categories),
        ("chart-panic", want.districts.min(12)),
        ("chart-backlog", want.backlog),
    ] {
        let f = by_id[id];
        let lines = f["polylines"].as_array().unwrap();
        assert_eq!(lines.len(), series, "{id}: series");
        assert_eq!(f["series"].as_u64().unwrap() as usize, series, "{id}");
        for l in lines {
            assert_eq!(
                l["points"].as_u64().unwrap() as usize,
                want.days,
                "{id}: points"
            );
        }
        let colours: BTreeSet<&str> = lines
            .iter()
            .map(|l| l["stroke"].as_str().unwrap())
            .collect();
        assert_eq!(colours.len(), series, "{id}: a colour per series");
        assert_eq!(
            f["polygons"].as_u64().unwrap() as usize,
            series,
            "{id}: legend"
        );
    }
    let sales = by_id["chart-sales"]["polylines"].as_array().unwrap();
    assert!(sales.len() >= 2, "need and sales at least");
    // Bars and closures: a rect per bar (and the white background).
    let rects = |id: &str| {
        by_id[id]["rects"]
            .as_array()
            .unwrap()
            .len()
            .saturating_sub(1)
    };
    assert_eq!(
        rects("chart-points"),
        want.point_bars,
        "bars of goods at points"
    );
    assert_eq!(rects("chart-closures"), want.closures, "a bar per closure");
    assert_eq!(rects("chart-response"), want.closures, "a bar per closure");
    assert_eq!(rects("chart-orders"), want.order_bars, "bars of orders");
    let wait = by_id["chart-wait"];
    assert_eq!(
        wait["circles"].as_u64().unwrap() as usize,
        want.wait_dots,
        "a dot per day with a wait"
    );
    assert_eq!(
        wait["polygons"].as_u64().unwrap() as usize,
        want.backlog,
        "a legend entry per closure"
    );
    for f in &figs {
        let id = f["id"].as_str().unwrap();
        if f["svg"] == true {
            assert!(f["width"].as_f64().unwrap() > 300.0, "{id} is drawn");
            assert!(f["texts"].as_array().unwrap().len() > 3, "{id} has labels");
        } else {
            assert!(
                !f["note"].as_str().unwrap().is_empty(),
                "{id}: no chart, and no word why"
            );
        }
    }
}

#[test]
#[ignore = "needs Chromium and Node.js with playwright-core: run tests/browser/run"]
fn report_html_in_headless_chromium() {
    // The CLI's page (English) of the tiny city.
    let d = TempDir::new("browser-en");
    let t = tiny();
    let o = baogong(&["run", &t, "--out", &d.arg(), "--format", "json"]);
    assert_exit(&o, 0);
    let json: Value = serde_json::from_str(&stdout(&o)).unwrap();
    let sc = load("scenarios/tiny.toml");
    let r = baogong::experiment::run_replication(&sc, sc.seed, 0, Default::default());
    assert_eq!(json["timeline"].as_array().unwrap().len(), r.timeline.len());
    let facts = open_in_chromium(&d.join("report.html"));
    check_page(
        &facts,
        &Expected::of(&r, sc.goods.len(), sc.city.districts.len()),
        "en",
    );

    // The Chinese page of the four closure scenarios in escalation.
    let sc = load("scenarios/building_to_street.toml");
    let r = baogong::experiment::run_replication(&sc, 7, 0, Default::default());
    assert!(r.closures.len() >= 4);
    assert!(
        r.timeline
            .iter()
            .any(|e| matches!(e.what, Happening::FirstGoods { .. }))
    );
    let z = TempDir::new("browser-zh");
    std::fs::create_dir_all(z.path()).unwrap();
    let file = z.join("report.html");
    std::fs::write(&file, html::page(&sc, &r, Lang::Zh).unwrap()).unwrap();
    let facts = open_in_chromium(&file);
    check_page(
        &facts,
        &Expected::of(&r, sc.goods.len(), sc.city.districts.len()),
        "zh-CN",
    );
    let title = facts["figures"][0]["title"].as_str().unwrap();
    assert!(
        title
            .chars()
            .any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c)),
        "{title}"
    );
}
