//! `summary.svg`: the score and its terms per setting, means with 95%
//! confidence intervals, drawn with plotters' SVG backend (no fonts or
//! system libraries needed; text is left to the SVG viewer).

use plotters::prelude::*;

use super::files::Summary;

/// Series drawn: the score first, then its terms.
const SERIES: [(&str, &str); 7] = [
    ("score", "score"),
    ("score_shortage", "shortage"),
    ("score_first_goods", "hours to first goods"),
    ("score_stockout", "stock-out hours"),
    ("score_panic", "peak panic"),
    ("score_cost", "cost"),
    ("score_spoilage", "spoilage"),
];

const COLOURS: [RGBColor; 7] = [
    RGBColor(40, 40, 40),
    RGBColor(214, 39, 40),
    RGBColor(255, 127, 14),
    RGBColor(148, 103, 189),
    RGBColor(31, 119, 180),
    RGBColor(44, 160, 44),
    RGBColor(140, 86, 75),
];

/// Renders the chart as SVG text.
pub fn svg(s: &Summary) -> Result<String, anyhow::Error> {
    let ns = s.labels.len();
    // Only the terms that matter somewhere.
    let series: Vec<(usize, &str, &str)> = SERIES
        .iter()
        .enumerate()
        .filter(|(j, (col, _))| {
            *j == 0
                || (0..ns).any(|i| {
                    s.cell(i, col)
                        .and_then(|c| c.estimate)
                        .is_some_and(|e| e.mean.abs() > 0.0)
                })
        })
        .map(|(j, (col, name))| (j, *col, *name))
        .collect();
    let estimates: Vec<_> = (0..ns)
        .flat_map(|i| series.iter().map(move |(_, col, _)| (i, *col)))
        .filter_map(|(i, col)| s.cell(i, col).and_then(|c| c.estimate))
        .collect();
    let top = estimates
        .iter()
        .map(|e| e.mean + e.half_width.unwrap_or(0.0))
        .fold(0.0f64, f64::max);
    let top = if top > 0.0 { top * 1.08 } else { 1.0 };
    // Scores far apart (a setting that fails badly next to good ones) are
    // drawn on a logarithmic axis, so that every bar can be read.
    let scores: Vec<f64> = (0..ns)
        .filter_map(|i| s.cell(i, "score").and_then(|c| c.estimate))
        .map(|e| e.mean)
        .filter(|m| *m > 0.0)
        .collect();
    let low = scores.iter().copied().fold(f64::MAX, f64::min);
    let high = scores.iter().copied().fold(0.0f64, f64::max);
    let log = !scores.is_empty() && high / low > 50.0;
    let smallest = estimates
        .iter()
        .map(|e| e.mean)
        .filter(|m| *m > 0.0)
        .fold(f64::MAX, f64::min);
    // Log axis: from the decade below the smallest bar drawn (at most four
    // decades under the lowest score) to the decade above the top.
    let floor = if log {
        10f64.powf(smallest.max(low / 1e4).log10().floor())
    } else {
        0.0
    };
    let tx = move |v: f64| if log { v.max(floor).log10() } else { v };
    let (x0, x1) = if log {
        (floor.log10(), top.log10().ceil())
    } else {
        (0.0, top)
    };
    let longest = s
        .labels
        .iter()
        .map(|l| l.chars().count())
        .max()
        .unwrap_or(4);
    // Room for the longest label and " (baseline)".
    let label_px = ((longest as u32 + 11) * 7 + 20).clamp(80, 560);
    let height = 140 + 22 * series.len() as u32 * ns as u32;
    let width = 900 + label_px;

    let mut out = String::new();
    {
        let root = SVGBackend::with_string(&mut out, (width, height)).into_drawing_area();
        root.fill(&WHITE)?;
        let caption = format!(
            "{}: score and its terms per setting (mean, 95% CI, {} replications; lower is better)",
            s.scenario, s.replications
        );
        // In hundredths of a band: setting i occupies [ns - 1 - i, ns - i)
        // so that the first is at the top; its label sits at the centre.
        let centres: Vec<i32> = (0..ns as i32).map(|b| b * 100 + 50).collect();
        let y_axis = (0..ns as i32 * 100).with_key_points(centres);
        let mut chart = ChartBuilder::on(&root)
            .caption(caption, ("sans-serif", 16))
            .margin(12)
            .x_label_area_size(36)
            .y_label_area_size(label_px)
            .build_cartesian_2d(x0..x1, y_axis)?;
        let labels = s.labels.clone();
        let baseline = s.baseline;
        chart
            .configure_mesh()
            .disable_y_mesh()
            .y_labels(ns)
            .y_label_formatter(&|v| {
                let band = v.div_euclid(100);
                if band < 0 || band as usize >= labels.len() {
                    return String::new();
                }
                let i = labels.len() - 1 - band as usize;
                if i == baseline {
                    format!("{} (baseline)", labels[i])
                } else {
                    labels[i].clone()
                }
            })
            .x_desc(if log {
                "score points (logarithmic scale)"
            } else {
                "score points"
            })
            .x_labels(if log { (x1 - x0) as usize + 1 } else { 10 })
            .x_label_formatter(&|x| {
                if log {
                    if (x - x.round()).abs() < 1e-9 {
                        format!("{:.0}", 10f64.powf(x.round()))
                    } else {
                        String::new()
                    }
                } else if top >= 20.0 {
                    format!("{x:.0}")
                } else {
                    format!("{x:.2}")
                }
            })
            .light_line_style(RGBColor(245, 245, 245))
            .label_style(("sans-serif", 12))
            .draw()?;

        let band = 90 / series.len() as i32;
        for (k, (j, col, name)) in series.iter().enumerate() {
            let colour = COLOURS[*j];
            let mut bars = Vec::new();
            let mut whiskers = Vec::new();
            for i in 0..ns {
                let Some(e) = s.cell(i, col).and_then(|c| c.estimate) else {
                    continue;
                };
                // Series go top-down inside the setting's band.
                let y0 = (ns - i) as i32 * 100 - 5 - band * (k as i32 + 1);
                let at = |f: i32| f;
                bars.push(Rectangle::new(
                    [
                        (x0, at(y0 + band / 10)),
                        (tx(e.mean), at(y0 + band * 9 / 10)),
                    ],
                    colour.mix(0.75).filled(),
                ));
                if let Some(h) = e.half_width {
                    whiskers.push(PathElement::new(
                        vec![
                            (tx(e.mean - h), at(y0 + band / 2)),
                            (tx(e.mean + h), at(y0 + band / 2)),
                        ],
                        colour.stroke_width(1),
                    ));
                    for x in [tx(e.mean - h), tx(e.mean + h)] {
                        whiskers.push(PathElement::new(
                            vec![(x, at(y0 + band / 5)), (x, at(y0 + band * 4 / 5))],
                            colour.stroke_width(1),
                        ));
                    }
                }
            }
            chart.draw_series(bars)?.label(*name).legend(move |(x, y)| {
                Rectangle::new([(x, y - 5), (x + 12, y + 5)], colour.filled())
            });
            chart.draw_series(whiskers)?;
        }
        chart
            .configure_series_labels()
            .position(SeriesLabelPosition::LowerRight)
            .background_style(WHITE.mix(0.85))
            .border_style(BLACK.mix(0.3))
            .label_font(("sans-serif", 12))
            .draw()?;
        root.present()?;
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::sweep::files::Cell;
    use crate::sweep::stats::estimate;

    fn summary(scores: &[f64]) -> Summary {
        let cells = scores
            .iter()
            .map(|&m| {
                SERIES
                    .iter()
                    .map(|(col, _)| Cell {
                        column: col.to_string(),
                        estimate: estimate(&[m * 0.9, m * 1.1]),
                        diff: None,
                        rank: None,
                    })
                    .collect()
            })
            .collect();
        Summary {
            scenario: "test".into(),
            replications: 2,
            baseline: 1,
            labels: (0..scores.len()).map(|i| format!("setting {i}")).collect(),
            cells,
        }
    }

    #[test]
    fn labels_baseline_and_axis() {
        let svg = svg(&summary(&[10.0, 20.0])).unwrap();
        assert!(svg.starts_with("<svg"), "{}", &svg[..60]);
        assert!(svg.trim_end().ends_with("</svg>"));
        assert!(svg.contains("setting 0"));
        assert!(svg.contains("setting 1 (baseline)"));
        assert!(!svg.contains("logarithmic"));
        // Scores 1,000 times apart: a logarithmic axis.
        let log = super::svg(&summary(&[10.0, 10_000.0])).unwrap();
        assert!(log.contains("score points (logarithmic scale)"));
    }
}
