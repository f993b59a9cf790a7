//! `summary.svg`: the settings compared in natural units (the score,
//! shortage person-days, mean hours to first goods, government cost in
//! yuan), one panel each, drawn with plotters' SVG backend.
//!
//! In each panel, a row per setting: on the left its mean as a dot with
//! the 95% confidence interval as whiskers and its 95th percentile as a
//! triangle (the bad runs that a mean hides); on the right its paired
//! difference from the baseline with its 95% interval, coloured by the
//! verdict (better, worse, no clear difference), and the verdict with the
//! difference in words. Lower is better for every outcome. A panel whose
//! values lie far apart uses a logarithmic axis, whose ticks are powers of
//! ten (never 0). The legend has a band of its own, under the panels.
//!
//! The SVG is regular for readers and tests: each mean and each
//! difference is one `<circle>`, each interval one `<polyline>`, each
//! 95th percentile one `<polygon>` (as are the legend's swatches).

use plotters::style::RGBColor;

use super::draw::{
    self, Align, BAD, Canvas, GOOD, GRID, INK, Key, MUTED, Mark, Plot, Scale, compact, fit,
    grouped, legend, legend_height, log_label, text_width,
};
use crate::i18n::Lang;
use crate::i18n::{Msg, msg};
use crate::model::score::Term;
use crate::sweep::summary::{Cell, Summary, Verdict};
use crate::t;

/// An outcome that the chart and the workbook show.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct Outcome {
    /// Its column in `replications.csv`.
    pub column: &'static str,
    /// Its name and unit.
    pub name: Msg,
    /// Decimals worth reading.
    pub decimals: usize,
    /// Drawn in `summary.svg` (the others are only in the workbook).
    pub headline: bool,
}

/// The score, then each term's outcome in its natural unit
/// ([`Term::outcome_column`]): the headline ones first.
pub(crate) fn outcomes() -> Vec<Outcome> {
    let mut v = vec![Outcome {
        column: "score",
        name: msg::PANEL_SCORE,
        decimals: 1,
        headline: true,
    }];
    v.extend(Term::ALL.iter().map(|&t| {
        let (name, decimals) = match t {
            Term::Shortage => (msg::PANEL_SHORTAGE, 0),
            Term::FirstGoods => (msg::PANEL_FIRST, 1),
            Term::Stockout => (msg::PANEL_STOCKOUT, 0),
            Term::Panic => (msg::PANEL_PANIC, 3),
            Term::Cost => (msg::PANEL_COST, 0),
            Term::Spoilage => (msg::PANEL_SPOILAGE, 1),
        };
        Outcome {
            column: t.outcome_column(),
            name,
            decimals,
            headline: matches!(t, Term::Shortage | Term::FirstGoods | Term::Cost),
        }
    }));
    // Stable: the headline outcomes first, each group in term order.
    v.sort_by_key(|o| !o.headline);
    v
}

/// A verdict in words.
pub(crate) fn verdict_word(v: Verdict) -> Msg {
    match v {
        Verdict::Baseline => msg::VERDICT_BASELINE,
        Verdict::Same => msg::VERDICT_SAME,
        Verdict::Better => msg::VERDICT_BETTER,
        Verdict::Worse => msg::VERDICT_WORSE,
        Verdict::Unclear => msg::VERDICT_NO_CLEAR,
    }
}

fn verdict_colour(v: Verdict) -> RGBColor {
    match v {
        Verdict::Better => GOOD,
        Verdict::Worse => BAD,
        _ => MUTED,
    }
}

/// Splits `s` at `sep` outside brackets, braces and quotes.
fn split_top(s: &str, sep: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut depth = 0i32;
    let mut quoted = false;
    let mut cur = String::new();
    let mut rest = s;
    while let Some(c) = rest.chars().next() {
        if !quoted && depth == 0 && rest.starts_with(sep) {
            out.push(std::mem::take(&mut cur));
            rest = &rest[sep.len()..];
            continue;
        }
        match c {
            '"' => quoted = !quoted,
            '[' | '{' if !quoted => depth += 1,
            ']' | '}' if !quoted => depth -= 1,
            _ => {}
        }
        cur.push(c);
        rest = &rest[c.len_utf8()..];
    }
    out.push(cur);
    out
}

/// Labels for reading: a named setting keeps its name; in `key=value`
/// parts, a key loses its table (`plan.green_channel` reads
/// `green_channel`) when no other key of the sweep would read the same.
pub(crate) fn short_labels(labels: &[String]) -> Vec<String> {
    let parse = |l: &str| -> Vec<Vec<String>> {
        split_top(l, "; ")
            .iter()
            .map(|part| split_top(part, ", "))
            .collect()
    };
    let key_of = |kv: &str| kv.split_once('=').map(|(k, _)| k.to_string());
    let mut keys: Vec<String> = labels
        .iter()
        .flat_map(|l| parse(l).into_iter().flatten())
        .filter_map(|kv| key_of(&kv))
        .collect();
    keys.sort();
    keys.dedup();
    let short = |k: &str| {
        k.split_once('.')
            .map_or(k.to_string(), |(_, r)| r.to_string())
    };
    labels
        .iter()
        .map(|l| {
            parse(l)
                .iter()
                .map(|kvs| {
                    kvs.iter()
                        .map(|kv| match kv.split_once('=') {
                            Some((k, v)) if k.contains('.') && !k.contains(' ') => {
                                let s = short(k);
                                let unique = keys.iter().filter(|o| short(o) == s).count() == 1;
                                format!("{}={v}", if unique { s } else { k.to_string() })
                            }
                            _ => kv.clone(),
                        })
                        .collect::<Vec<_>>()
                        .join(", ")
                })
                .collect::<Vec<_>>()
                .join("; ")
        })
        .collect()
}

/// One panel's scales and rows, before drawing.
#[derive(Debug, Clone)]
pub(crate) struct Panel {
    /// What it shows.
    pub outcome: Outcome,
    /// Scale of the values (mean, interval, 95th percentile).
    pub values: Scale,
    /// Scale of the differences from the baseline.
    pub diffs: Scale,
    /// Per setting: its cell, if the column has one.
    pub cells: Vec<Option<Cell>>,
}

/// The panels of the chart, one per headline outcome that has values.
pub(crate) fn panels(s: &Summary, lang: Lang) -> Vec<Panel> {
    let ns = s.labels.len();
    let mut out = Vec::new();
    for o in outcomes().into_iter().filter(|o| o.headline) {
        let cells: Vec<Option<Cell>> = (0..ns).map(|i| s.cell(i, o.column).cloned()).collect();
        // The axis covers the means, the upper ends of the intervals and
        // the 95th percentiles. A lower end below the axis (a t interval
        // of a skewed sample can reach below zero, where no outcome goes)
        // is drawn to the axis's start.
        let mut points: Vec<f64> = Vec::new();
        let mut top = f64::MIN;
        for c in cells.iter().flatten() {
            if let Some(e) = c.estimate {
                points.push(e.mean);
                top = top.max(e.mean);
                if let Some((_, hi)) = e.interval() {
                    top = top.max(hi);
                }
            }
            if let Some(t) = c.tail {
                points.extend([t.median, t.p95]);
                top = top.max(t.p95);
            }
        }
        if points.is_empty() {
            continue;
        }
        let low = points.iter().copied().fold(f64::MAX, f64::min);
        let positive = |v: &[f64]| {
            v.iter()
                .copied()
                .filter(|v| *v > 0.0)
                .fold(f64::MAX, f64::min)
        };
        let means: Vec<f64> = cells
            .iter()
            .flatten()
            .filter_map(|c| c.estimate.map(|e| e.mean))
            .collect();
        let high_mean = means.iter().copied().fold(0.0f64, f64::max);
        let low_mean = positive(&means);
        // Settings far apart (one that fails badly next to good ones): a
        // logarithmic axis, so that every setting can be read. It starts
        // at most two decades under the lowest mean.
        let log = low >= 0.0 && low_mean < f64::MAX && high_mean / low_mean > 50.0;
        let values = if log {
            let start = positive(&points).max(low_mean / 100.0);
            Scale::log(start, top, &|v| log_label(v, lang))
        } else {
            Scale::linear(low.min(0.0), top.max(0.0) * 1.05, 4, &|v| compact(v, lang))
        };
        let mut dlo: f64 = 0.0;
        let mut dhi: f64 = 0.0;
        for c in cells.iter().flatten() {
            if let Some(d) = c.diff {
                let (lo, hi) = d.interval().unwrap_or((d.mean, d.mean));
                dlo = dlo.min(lo);
                dhi = dhi.max(hi);
            }
        }
        let pad = (dhi - dlo) * 0.05;
        let diffs = Scale::linear(dlo - pad, dhi + pad, 4, &|v| compact(v, lang));
        out.push(Panel {
            outcome: o,
            values,
            diffs,
            cells,
        });
    }
    out
}

const ROW: f64 = 22.0;
const HEAD: f64 = 28.0;
const AXIS: f64 = 36.0;
const GAP: f64 = 14.0;
const VALUE_W: f64 = 360.0;
const DIFF_W: f64 = 280.0;
const VERDICT_W: f64 = 250.0;

/// A signed number with `decimals`, `+` for positive.
fn signed(x: f64, decimals: usize) -> String {
    let s = grouped(x, decimals);
    if x > 0.0 && s.chars().any(|c| c.is_ascii_digit() && c != '0') {
        format!("+{s}")
    } else {
        s
    }
}

/// Renders the chart as SVG text in `lang`.
pub fn svg(s: &Summary, lang: Lang) -> Result<String, draw::ChartError> {
    let ns = s.labels.len();
    let labels = short_labels(&s.labels);
    let panels = panels(s, lang);
    let label_px = labels
        .iter()
        .map(|l| text_width(l, 12.0))
        .fold(0.0f64, f64::max)
        .clamp(100.0, 360.0)
        + 24.0;
    let value_left = label_px;
    let value_right = value_left + VALUE_W;
    let diff_left = value_right + 40.0;
    let diff_right = diff_left + DIFF_W;
    let verdict_left = diff_right + 16.0;
    let width = verdict_left + VERDICT_W;
    let keys = vec![
        Key {
            label: msg::SVG_MEAN.get(lang).into(),
            colour: INK,
            mark: Mark::Dot,
        },
        Key {
            label: msg::SVG_CI.get(lang).into(),
            colour: INK,
            mark: Mark::Bar,
        },
        Key {
            label: msg::SVG_P95.get(lang).into(),
            colour: INK,
            mark: Mark::Triangle,
        },
        Key {
            label: msg::VERDICT_BETTER.get(lang).into(),
            colour: GOOD,
            mark: Mark::Dot,
        },
        Key {
            label: msg::VERDICT_WORSE.get(lang).into(),
            colour: BAD,
            mark: Mark::Dot,
        },
        Key {
            label: msg::VERDICT_NO_CLEAR.get(lang).into(),
            colour: MUTED,
            mark: Mark::Dot,
        },
    ];
    let panel_h = HEAD + ROW * ns as f64 + AXIS;
    let top = 64.0;
    let legend_top = top + panels.len() as f64 * (panel_h + GAP);
    let height = legend_top + legend_height(&keys, width - 24.0) + 8.0;
    let title = t!(
        lang,
        SVG_TITLE,
        scenario = s.scenario.clone(),
        n = ns.to_string(),
        reps = s.replications.to_string()
    );
    let out = draw::draw(width.ceil() as u32, height.ceil() as u32, |c| {
        c.bold(&title, (12.0, 16.0), 15.0, INK, Align::Left);
        c.text(
            msg::SVG_SUBTITLE.get(lang),
            (12.0, 36.0),
            11.5,
            MUTED,
            Align::Left,
        );
        c.bold(
            msg::SVG_VALUES.get(lang),
            (value_left, 56.0),
            11.0,
            MUTED,
            Align::Left,
        );
        c.bold(
            msg::SVG_DIFF.get(lang),
            (diff_left, 56.0),
            11.0,
            MUTED,
            Align::Left,
        );
        c.bold(
            msg::SVG_VERDICT.get(lang),
            (verdict_left, 56.0),
            11.0,
            MUTED,
            Align::Left,
        );
        for (k, p) in panels.iter().enumerate() {
            let y0 = top + k as f64 * (panel_h + GAP);
            draw_panel(
                c,
                p,
                s,
                &labels,
                lang,
                y0,
                [value_left, value_right, diff_left, diff_right, verdict_left],
            );
        }
        legend(c, &keys, 12.0, legend_top, width - 24.0);
    })?;
    Ok(out)
}

/// Draws one panel from the top `y0`; `x` holds the left and right edges
/// of the values, of the differences, and the left of the verdicts.
fn draw_panel(
    c: &mut Canvas<'_>,
    p: &Panel,
    s: &Summary,
    labels: &[String],
    lang: Lang,
    y0: f64,
    x: [f64; 5],
) {
    let [value_left, value_right, diff_left, diff_right, verdict_left] = x;
    let ns = labels.len();
    let rows_top = y0 + HEAD;
    let rows_bottom = rows_top + ROW * ns as f64;
    c.bold(
        p.outcome.name.get(lang),
        (12.0, y0 + 12.0),
        13.0,
        INK,
        Align::Left,
    );
    let value_plot = Plot {
        left: value_left,
        top: rows_top,
        right: value_right,
        bottom: rows_bottom,
        x: p.values.clone(),
        y: Scale {
            lo: 0.0,
            hi: 1.0,
            log: false,
            ticks: Vec::new(),
        },
    };
    let diff_plot = Plot {
        left: diff_left,
        right: diff_right,
        x: p.diffs.clone(),
        ..value_plot.clone()
    };
    for plot in [&value_plot, &diff_plot] {
        for (v, label) in &plot.x.ticks {
            let px = plot.x_px(*v);
            c.line((px, rows_top), (px, rows_bottom), GRID, 1);
            c.text(label, (px, rows_bottom + 12.0), 10.5, MUTED, Align::Centre);
        }
        c.line(
            (plot.left, rows_bottom),
            (plot.right, rows_bottom),
            MUTED,
            1,
        );
    }
    if p.values.log {
        // Values at or below the axis's start (zero, say) sit at its left edge.
        let clamped = p.cells.iter().flatten().any(|c| {
            c.estimate.is_some_and(|e| {
                e.mean <= p.values.lo || e.interval().is_some_and(|i| i.0 <= p.values.lo)
            }) || c.tail.is_some_and(|t| t.p95 <= p.values.lo)
        });
        let note = if clamped {
            format!("{}; {}", msg::SVG_LOG.get(lang), msg::SVG_ZERO.get(lang))
        } else {
            msg::SVG_LOG.get(lang).to_string()
        };
        c.text(
            &note,
            ((value_left + value_right) / 2.0, rows_bottom + 27.0),
            10.0,
            MUTED,
            Align::Centre,
        );
    }
    // The baseline's line: zero difference.
    let zero = diff_plot.x_px(0.0);
    c.line((zero, rows_top - 2.0), (zero, rows_bottom), INK, 1);
    for i in 0..ns {
        let y = rows_top + ROW * (i as f64 + 0.5);
        let is_base = i == s.baseline;
        let label = fit(&labels[i], 12.0, value_left - 20.0);
        if is_base {
            c.bold(&label, (value_left - 12.0, y), 12.0, INK, Align::Right);
        } else {
            c.text(&label, (value_left - 12.0, y), 12.0, INK, Align::Right);
        }
        if i > 0 {
            c.line(
                (12.0, y - ROW / 2.0),
                (verdict_left + VERDICT_W - 12.0, y - ROW / 2.0),
                RGBColor(243, 243, 243),
                1,
            );
        }
        let Some(cell) = &p.cells[i] else {
            continue;
        };
        if let Some(e) = cell.estimate {
            if let Some((lo, hi)) = e.interval() {
                whisker(c, value_plot.x_px(lo), value_plot.x_px(hi), y, INK);
            }
            c.dot((value_plot.x_px(e.mean), y), 4, INK);
        }
        if let Some(t) = cell.tail {
            c.mark(Mark::Triangle, (value_plot.x_px(t.p95), y), 9.0, INK);
        }
        let verdict = Verdict::of(is_base, cell.diff.as_ref());
        let colour = verdict.map_or(MUTED, verdict_colour);
        if is_base {
            c.text(
                msg::VERDICT_BASELINE.get(lang),
                (zero + 6.0, y),
                11.0,
                MUTED,
                Align::Left,
            );
        } else if let Some(d) = cell.diff {
            if let Some((lo, hi)) = d.interval() {
                whisker(c, diff_plot.x_px(lo), diff_plot.x_px(hi), y, colour);
            }
            c.dot((diff_plot.x_px(d.mean), y), 4, colour);
        }
        let text = match (verdict, cell.diff) {
            (Some(Verdict::Baseline), _) | (None, None) => {
                verdict.map_or(String::new(), |v| verdict_word(v).get(lang).to_string())
            }
            (v, Some(d)) => {
                // Decimals only where they can be read.
                let dec = if d.mean.abs() >= 100.0 {
                    0
                } else {
                    p.outcome.decimals
                };
                // Enough decimals that a narrow interval does not read ± 0.
                let dec = match d.half_width {
                    Some(h) if h > 0.0 && h < 0.5 * 10f64.powi(-(dec as i32)) => {
                        ((-h.log10()).ceil() as usize).min(4)
                    }
                    _ => dec,
                };
                let num = match d.half_width {
                    Some(h) => format!("{} ± {}", signed(d.mean, dec), grouped(h, dec)),
                    None => signed(d.mean, dec),
                };
                match v {
                    Some(v) => format!("{}  {num}", verdict_word(v).get(lang)),
                    None => num,
                }
            }
            (Some(v), None) => verdict_word(v).get(lang).to_string(),
        };
        c.text(&text, (verdict_left, y), 11.0, colour, Align::Left);
    }
}

/// An interval as one `<polyline>`: a cap, the bar, a cap.
fn whisker(c: &mut Canvas<'_>, lo: f64, hi: f64, y: f64, colour: RGBColor) {
    c.polyline(
        &[
            (lo, y - 4.0),
            (lo, y + 4.0),
            (lo, y),
            (hi, y),
            (hi, y - 4.0),
            (hi, y + 4.0),
        ],
        colour,
        1,
    );
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::sweep::stats::{estimate, tail};

    /// A summary whose every headline outcome has the values `per[setting]`.
    fn summary(per: &[Vec<f64>], baseline: usize) -> Summary {
        let cells = per
            .iter()
            .map(|vals| {
                outcomes()
                    .iter()
                    .map(|o| {
                        let b = &per[baseline];
                        let d: Vec<f64> = vals.iter().zip(b).map(|(a, b)| a - b).collect();
                        Cell {
                            column: o.column.to_string(),
                            estimate: estimate(vals),
                            tail: tail(vals),
                            diff: if std::ptr::eq(vals, b) {
                                None
                            } else {
                                estimate(&d)
                            },
                            rank: None,
                        }
                    })
                    .collect()
            })
            .collect();
        Summary {
            scenario: "test".into(),
            replications: per[0].len() as u64,
            baseline,
            labels: (0..per.len())
                .map(|i| format!("plan.point_riders={i}"))
                .collect(),
            cells,
        }
    }

    #[test]
    fn natural_units_verdicts_and_the_tail() {
        let s = summary(
            &[
                vec![10.0, 12.0, 11.0, 13.0],
                vec![20.0, 22.0, 21.0, 24.0],
                vec![10.5, 11.0, 12.0, 12.5],
            ],
            0,
        );
        let svg = svg(&s, Lang::En).unwrap();
        assert!(svg.starts_with("<svg"), "{}", &svg[..60]);
        for text in [
            "score [points]",
            "shortage [person-days]",
            "mean hours to first goods [h]",
            "government cost [yuan]",
            "point_riders=1",
            "worse  +",
            "no clear difference",
            "baseline",
            "95th percentile (the bad runs)",
        ] {
            assert!(svg.contains(text), "no `{text}` in the chart");
        }
        assert!(!svg.contains("logarithmic"));
        // Per panel: 3 means and 2 differences as dots, 5 intervals, 3
        // 95th percentiles; the legend has 6 swatches.
        assert_eq!(svg.matches("<circle").count(), 4 * 5);
        assert_eq!(svg.matches("<polyline").count(), 4 * 5);
        assert_eq!(svg.matches("<polygon").count(), 4 * 3 + 6);
        let zh = super::svg(&s, Lang::Zh).unwrap();
        assert!(zh.contains("更差") && zh.contains("短缺（人日）"));
    }

    #[test]
    fn far_apart_values_get_a_log_axis_with_no_zero_tick() {
        // 690,155 against 2,160 person-days: 320 times apart.
        let s = summary(
            &[
                vec![690_000.0, 690_310.0],
                vec![2_100.0, 2_220.0],
                vec![0.0, 4_000.0],
            ],
            1,
        );
        let ps = panels(&s, Lang::En);
        assert_eq!(ps.len(), 4);
        for p in &ps {
            assert!(p.values.log, "{}", p.outcome.column);
            assert!(p.values.lo > 0.0);
            for (v, l) in &p.values.ticks {
                assert!(*v > 0.0 && l != "0", "{:?}", p.values.ticks);
            }
            // The differences keep a linear axis through zero.
            assert!(!p.diffs.log && p.diffs.lo < 0.0 && p.diffs.hi > 0.0);
        }
        let svg = svg(&s, Lang::En).unwrap();
        assert!(svg.contains("logarithmic scale"));
    }

    #[test]
    fn labels_are_short_but_unambiguous() {
        let l = |v: &[&str]| v.iter().map(|s| s.to_string()).collect::<Vec<_>>();
        assert_eq!(
            short_labels(&l(&[
                "plan.green_channel=true, plan.suppliers.street=[5, 8]",
                "more; plan.green_channel=false, plan.suppliers.street=[8, 12]",
            ])),
            l(&[
                "green_channel=true, suppliers.street=[5, 8]",
                "more; green_channel=false, suppliers.street=[8, 12]",
            ])
        );
        // Two keys that would read the same keep their tables.
        assert_eq!(
            short_labels(&l(&["riders.per_10k=1, households.per_10k=2", "base"])),
            l(&["riders.per_10k=1, households.per_10k=2", "base"])
        );
        assert_eq!(
            short_labels(&l(&[
                "transport.checkpoint_delay_hours={ dist = \"uniform\", min = 1.0, max = 2.0 }"
            ])),
            l(&["checkpoint_delay_hours={ dist = \"uniform\", min = 1.0, max = 2.0 }"])
        );
    }
}
