//! Draws the charts of results/BENCHMARKS.md from criterion's saved
//! estimates, with plotters' SVG backend.
//!
//! ```sh
//! cargo bench --bench queue && cargo bench --bench city
//! cargo run --release --example bench_charts -- [CRITERION_DIR] [OUT_DIR]
//! ```
//!
//! `CRITERION_DIR` defaults to `target/criterion`, `OUT_DIR` to `results`.
//! Writes `queue_hold.svg` (events per second against pending events, the
//! engine's queue and std's `BinaryHeap`) and `city_scaling.svg`
//! (replication time against residents, with the line of proportional
//! growth through the smallest city), each only if its benchmark was run.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use plotters::prelude::*;

/// One benchmark's mean, from `new/benchmark.json` and `new/estimates.json`.
#[derive(Debug)]
struct Point {
    group: String,
    function: String,
    value: f64,
    mean_ns: f64,
}

fn main() -> anyhow::Result<()> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let dir = PathBuf::from(args.first().map_or("target/criterion", String::as_str));
    let out = PathBuf::from(args.get(1).map_or("results", String::as_str));
    let mut points = Vec::new();
    collect(&dir, &mut points)?;
    if points.is_empty() {
        anyhow::bail!(
            "no criterion estimates under {}; run the benchmarks first",
            dir.display()
        );
    }
    std::fs::create_dir_all(&out)?;
    let hold: Vec<&Point> = points.iter().filter(|p| p.group == "queue/hold").collect();
    if !hold.is_empty() {
        let path = out.join("queue_hold.svg");
        queue_chart(&hold, &path)?;
        println!("wrote {}", path.display());
    }
    let city: Vec<&Point> = points.iter().filter(|p| p.group == "city").collect();
    if !city.is_empty() {
        let path = out.join("city_scaling.svg");
        city_chart(&city, &path)?;
        println!("wrote {}", path.display());
    }
    Ok(())
}

fn collect(dir: &Path, out: &mut Vec<Point>) -> anyhow::Result<()> {
    let mut entries: Vec<PathBuf> = std::fs::read_dir(dir)?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .collect();
    entries.sort();
    for p in entries {
        if !p.is_dir() {
            continue;
        }
        let bench = p.join("new/benchmark.json");
        let est = p.join("new/estimates.json");
        if p.file_name().is_some_and(|n| n != "report") && bench.is_file() && est.is_file() {
            let b: serde_json::Value = serde_json::from_str(&std::fs::read_to_string(&bench)?)?;
            let e: serde_json::Value = serde_json::from_str(&std::fs::read_to_string(&est)?)?;
            let value = b["value_str"].as_str().and_then(|v| v.parse().ok());
            let mean = e["mean"]["point_estimate"].as_f64();
            if let (Some(value), Some(mean_ns)) = (value, mean) {
                out.push(Point {
                    group: b["group_id"].as_str().unwrap_or("").to_string(),
                    function: b["function_id"].as_str().unwrap_or("").to_string(),
                    value,
                    mean_ns,
                });
            }
        } else {
            collect(&p, out)?;
        }
    }
    Ok(())
}

/// Series by function id, points sorted by value.
fn series(points: &[&Point]) -> BTreeMap<String, Vec<(f64, f64)>> {
    let mut s: BTreeMap<String, Vec<(f64, f64)>> = BTreeMap::new();
    for p in points {
        s.entry(p.function.clone())
            .or_default()
            .push((p.value, p.mean_ns));
    }
    for v in s.values_mut() {
        v.sort_by(|a, b| a.0.total_cmp(&b.0));
    }
    s
}

const COLOURS: [RGBColor; 4] = [
    RGBColor(31, 119, 180),
    RGBColor(214, 39, 40),
    RGBColor(44, 160, 44),
    RGBColor(148, 103, 189),
];

fn queue_chart(points: &[&Point], path: &Path) -> anyhow::Result<()> {
    // One hold operation (a pop and a push) is one event.
    let s: BTreeMap<String, Vec<(f64, f64)>> = series(points)
        .into_iter()
        .map(|(k, v)| (k, v.into_iter().map(|(n, ns)| (n, 1e9 / ns)).collect()))
        .collect();
    let xs = s.values().flatten().map(|p| p.0);
    let (x0, x1) = xs.fold((f64::MAX, 0f64), |(a, b), x| (a.min(x), b.max(x)));
    let y1 = s.values().flatten().map(|p| p.1).fold(0f64, f64::max) * 1.15;
    let root = SVGBackend::new(path, (860, 520)).into_drawing_area();
    root.fill(&WHITE)?;
    let mut chart = ChartBuilder::on(&root)
        .caption(
            "Event queue, hold model: events per second against pending events",
            ("sans-serif", 18),
        )
        .margin(14)
        .x_label_area_size(44)
        .y_label_area_size(80)
        .build_cartesian_2d((x0 / 2.0..x1 * 2.0).log_scale(), 0.0..y1)?;
    chart
        .configure_mesh()
        .x_desc("pending events")
        .y_desc("million events per second")
        .x_label_formatter(&|x| format!("{x:.0}"))
        .y_label_formatter(&|y| format!("{:.0}", y / 1e6))
        .label_style(("sans-serif", 13))
        .draw()?;
    for (i, (name, pts)) in s.iter().enumerate() {
        let c = COLOURS[i % COLOURS.len()];
        chart
            .draw_series(LineSeries::new(pts.iter().copied(), c.stroke_width(2)))?
            .label(name.clone())
            .legend(move |(x, y)| PathElement::new(vec![(x, y), (x + 18, y)], c.stroke_width(2)));
        chart.draw_series(pts.iter().map(|&p| Circle::new(p, 4, c.filled())))?;
    }
    legend(&mut chart, SeriesLabelPosition::UpperRight)?;
    root.present()?;
    Ok(())
}

fn city_chart(points: &[&Point], path: &Path) -> anyhow::Result<()> {
    let s = series(points);
    let pts: Vec<(f64, f64)> = s
        .values()
        .flatten()
        .map(|&(residents, ns)| (residents / 1e6, ns / 1e9))
        .collect();
    let x1 = pts.iter().map(|p| p.0).fold(0f64, f64::max) * 1.05;
    let y1 = pts.iter().map(|p| p.1).fold(0f64, f64::max) * 1.2;
    let first = pts.first().copied().unwrap_or((1.0, 1.0));
    let root = SVGBackend::new(path, (860, 520)).into_drawing_area();
    root.fill(&WHITE)?;
    let mut chart = ChartBuilder::on(&root)
        .caption(
            "One replication (60 days) against city size, one core",
            ("sans-serif", 18),
        )
        .margin(14)
        .x_label_area_size(44)
        .y_label_area_size(64)
        .build_cartesian_2d(0.0..x1, 0.0..y1)?;
    chart
        .configure_mesh()
        .x_desc("residents [millions]")
        .y_desc("seconds")
        .label_style(("sans-serif", 13))
        .draw()?;
    let c = COLOURS[0];
    chart
        .draw_series(LineSeries::new(pts.iter().copied(), c.stroke_width(2)))?
        .label("baogong (criterion mean)")
        .legend(move |(x, y)| PathElement::new(vec![(x, y), (x + 18, y)], c.stroke_width(2)));
    chart.draw_series(pts.iter().map(|&p| Circle::new(p, 4, c.filled())))?;
    let grey = RGBColor(120, 120, 120);
    chart
        .draw_series(LineSeries::new(
            [(0.0, 0.0), (x1, first.1 / first.0 * x1)],
            grey.stroke_width(1),
        ))?
        .label("proportional to the smallest city")
        .legend(move |(x, y)| PathElement::new(vec![(x, y), (x + 18, y)], grey.stroke_width(1)));
    legend(&mut chart, SeriesLabelPosition::UpperLeft)?;
    root.present()?;
    Ok(())
}

/// The legend box, the same on every chart.
fn legend<'a, DB, CT>(
    chart: &mut ChartContext<'a, DB, CT>,
    at: SeriesLabelPosition,
) -> anyhow::Result<()>
where
    DB: DrawingBackend + 'a,
    DB::ErrorType: 'static,
    CT: CoordTranslate,
{
    chart
        .configure_series_labels()
        .position(at)
        .background_style(WHITE.mix(0.9))
        .border_style(BLACK.mix(0.3))
        .label_font(("sans-serif", 13))
        .draw()?;
    Ok(())
}
