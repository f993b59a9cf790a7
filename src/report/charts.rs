//! The charts of a run, for `report.html`: the city's daily series
//! (sales against need, store stock in days, unmet need, panic per
//! district, goods handed out at points), the closures over time with the
//! plan's response, the hours from sealing to each step of the response,
//! the orders waiting at each closure's points day by day and their wait,
//! and the orders of each closure in all. Each is a [`Figure`]: its SVG
//! (drawn with [`super::draw`]) and what it holds.

use plotters::style::RGBColor;

pub use super::draw::ChartError;
use super::draw::{
    Align, GOOD, GRID, INK, Key, MUTED, Mark, PALETTE, Plot, Scale, compact, draw, fit, hours,
    legend, legend_height, readable, text_width,
};
use crate::i18n::Lang;
use crate::i18n::{msg, names};
use crate::model::metrics::{ClosureRow, Happening};
use crate::model::{RunResult, Scenario};
use crate::t;

/// A chart and what a reader (or a test) needs to know of it.
#[derive(Debug, Clone, PartialEq)]
pub struct Figure {
    /// Its id in the page (`sales`).
    pub id: &'static str,
    /// Its title.
    pub title: String,
    /// A note under it (what is left out, say); may be empty.
    pub note: String,
    /// What its data marks are: `lines` (one `<polyline>` per series),
    /// `bars` (`<rect>`s), `dots` (`<circle>`s), or `closures` (a
    /// `<rect>` per closure).
    pub kind: &'static str,
    /// Number of series drawn (lines, bar colours, dot colours, or
    /// closures).
    pub series: usize,
    /// Points per line series (days), or bars, dots or closures drawn.
    pub points: usize,
    /// The SVG text; empty when there is nothing to draw (then `note`
    /// says why).
    pub svg: String,
}

// --- Daily charts ---------------------------------------------------------

/// A line series over days.
struct Line {
    label: String,
    colour: RGBColor,
    values: Vec<f64>,
}

const WIDTH: u32 = 820;
const PLOT_HEIGHT: f64 = 230.0;
const LEFT: f64 = 70.0;
const RIGHT: f64 = 24.0;
const TOP: f64 = 26.0;

/// Ticks of the day axis: day 1 and every few days, at most about 12.
fn day_scale(days: usize) -> Scale {
    let step = [1, 2, 5, 7, 10, 14, 30, 60, 90, 180, 365]
        .into_iter()
        .find(|s| days.div_ceil(*s) <= 12)
        .unwrap_or(365);
    let mut ticks = vec![(1.0, "1".to_string())];
    let mut d = if step == 1 { 2 } else { step };
    while d <= days {
        ticks.push((d as f64, d.to_string()));
        d += step;
    }
    Scale {
        lo: 0.5,
        hi: days as f64 + 0.5,
        log: false,
        ticks,
    }
}

/// The plot of a daily chart whose values reach `top`, in a canvas of
/// `WIDTH` pixels.
fn daily_plot(
    days: usize,
    top: f64,
    fixed_top: Option<f64>,
    label: &dyn Fn(f64) -> String,
) -> Plot {
    let y = match fixed_top {
        Some(t) => Scale::linear(0.0, t, 5, label),
        None => Scale::linear(0.0, top.max(0.0) * 1.05, 5, label),
    };
    Plot {
        left: LEFT,
        top: TOP,
        right: WIDTH as f64 - RIGHT,
        bottom: TOP + PLOT_HEIGHT,
        x: day_scale(days),
        y,
    }
}

/// A chart of lines over days.
fn line_chart(
    lang: Lang,
    lines: &[Line],
    days: usize,
    y_unit: &str,
    fixed_top: Option<f64>,
) -> Result<String, ChartError> {
    let top = lines
        .iter()
        .flat_map(|l| l.values.iter().copied())
        .filter(|v| v.is_finite())
        .fold(0.0f64, f64::max);
    let label = |v: f64| compact(v, lang);
    let plot = daily_plot(days, top, fixed_top, &label);
    let keys: Vec<Key> = lines
        .iter()
        .map(|l| Key {
            label: l.label.clone(),
            colour: l.colour,
            mark: Mark::Bar,
        })
        .collect();
    let legend_w = plot.right - plot.left;
    let height = plot.bottom + 44.0 + legend_height(&keys, legend_w);
    draw(WIDTH, height.ceil() as u32, |c| {
        plot.axes(c, msg::AXIS_DAY.get(lang), y_unit);
        for l in lines {
            let pts: Vec<(f64, f64)> = l
                .values
                .iter()
                .enumerate()
                .map(|(i, v)| plot.at(i as f64 + 1.0, if v.is_finite() { *v } else { 0.0 }))
                .collect();
            c.polyline(&pts, l.colour, 2);
        }
        legend(c, &keys, plot.left, plot.bottom + 42.0, legend_w);
    })
}

/// A chart of stacked bars over days: `stacks[k][day]`.
fn stacked_bars(
    lang: Lang,
    stacks: &[Line],
    days: usize,
    y_unit: &str,
) -> Result<(String, usize), ChartError> {
    let totals: Vec<f64> = (0..days)
        .map(|d| stacks.iter().map(|s| s.values[d].max(0.0)).sum())
        .collect();
    let top = totals.iter().copied().fold(0.0f64, f64::max);
    let label = |v: f64| compact(v, lang);
    let plot = daily_plot(days, top, None, &label);
    let keys: Vec<Key> = stacks
        .iter()
        .map(|l| Key {
            label: l.label.clone(),
            colour: l.colour,
            mark: Mark::Square,
        })
        .collect();
    let legend_w = plot.right - plot.left;
    let height = plot.bottom + 44.0 + legend_height(&keys, legend_w);
    let mut bars = 0;
    let svg = draw(WIDTH, height.ceil() as u32, |c| {
        plot.axes(c, msg::AXIS_DAY.get(lang), y_unit);
        let half = 0.38;
        for d in 0..days {
            let mut base = 0.0;
            for s in stacks {
                let v = s.values[d].max(0.0);
                if v <= 0.0 {
                    continue;
                }
                let (x0, y1) = plot.at(d as f64 + 1.0 - half, base + v);
                let (x1, y0) = plot.at(d as f64 + 1.0 + half, base);
                c.rect((x0, y1), (x1, y0), s.colour, 0.9);
                bars += 1;
                base += v;
            }
        }
        legend(c, &keys, plot.left, plot.bottom + 42.0, legend_w);
    })?;
    Ok((svg, bars))
}

/// Masses in tonnes, or in kilograms when the largest is under a tonne:
/// the values scaled and their unit.
fn mass_unit(max_kg: f64, lang: Lang) -> (f64, &'static str) {
    if max_kg >= 1_000.0 {
        (1e-3, msg::UNIT_TONNES.get(lang))
    } else {
        (1.0, msg::UNIT_KG.get(lang))
    }
}

/// The city's daily rows summed over categories, or per category:
/// `get(row)` per day, `[category][day]`.
fn per_category(
    sc: &Scenario,
    r: &RunResult,
    get: &dyn Fn(&crate::model::metrics::DailyRow) -> f64,
) -> Vec<Vec<f64>> {
    let days = r.days as usize;
    let mut out = vec![vec![0.0; days]; sc.goods.len()];
    for d in r.daily.iter().filter(|d| d.level == "city") {
        let i = d.day as usize;
        if i == 0 || i > days {
            continue;
        }
        if let Some(c) = sc.goods.iter().position(|g| g.name == d.category) {
            out[c][i - 1] += get(d);
        }
    }
    out
}

/// The name of a goods category in `lang`.
pub(crate) fn category_name(sc: &Scenario, c: usize, lang: Lang) -> String {
    let g = &sc.goods[c];
    names::goods(lang, &g.name, &g.label_zh)
}

/// Most series a chart draws one by one (districts beyond are averaged).
const MAX_LINES: usize = 12;

/// Every chart of the run's page, in order.
pub fn run_figures(sc: &Scenario, r: &RunResult, lang: Lang) -> Result<Vec<Figure>, ChartError> {
    let days = r.days as usize;
    let nc = sc.goods.len();
    let mut figs = Vec::new();
    if days == 0 {
        return Ok(figs);
    }
    let sum =
        |v: &[Vec<f64>]| -> Vec<f64> { (0..days).map(|d| v.iter().map(|c| c[d]).sum()).collect() };

    // Sales against need.
    let need = sum(&per_category(sc, r, &|d| d.need_kg));
    let sales = sum(&per_category(sc, r, &|d| d.sales_kg));
    let online = sum(&per_category(sc, r, &|d| d.online_kg));
    let points = per_category(sc, r, &|d| d.point_kg);
    let top = need.iter().chain(&sales).copied().fold(0.0f64, f64::max);
    let (k, unit) = mass_unit(top, lang);
    let scaled = |v: &[f64]| v.iter().map(|x| x * k).collect::<Vec<_>>();
    let mut lines = vec![
        Line {
            label: msg::SERIES_NEED.get(lang).into(),
            colour: PALETTE[7],
            values: scaled(&need),
        },
        Line {
            label: msg::SERIES_SALES.get(lang).into(),
            colour: PALETTE[0],
            values: scaled(&sales),
        },
    ];
    if online.iter().any(|v| *v > 0.0) {
        lines.push(Line {
            label: msg::SERIES_ONLINE.get(lang).into(),
            colour: PALETTE[9],
            values: scaled(&online),
        });
    }
    let point_total = sum(&points);
    if point_total.iter().any(|v| *v > 0.0) {
        lines.push(Line {
            label: msg::SERIES_POINTS.get(lang).into(),
            colour: PALETTE[3],
            values: scaled(&point_total),
        });
    }
    figs.push(Figure {
        id: "sales",
        title: msg::CHART_SALES.get(lang).into(),
        note: String::new(),
        kind: "lines",
        series: lines.len(),
        points: days,
        svg: line_chart(lang, &lines, days, unit, None)?,
    });

    // Store stock in days of need, per category.
    let stock = per_category(sc, r, &|d| d.store_stock_kg);
    let need_c = per_category(sc, r, &|d| d.need_kg);
    let lines: Vec<Line> = (0..nc)
        .map(|c| Line {
            label: category_name(sc, c, lang),
            colour: PALETTE[c % PALETTE.len()],
            values: (0..days)
                .map(|d| {
                    if need_c[c][d] > 0.0 {
                        stock[c][d] / need_c[c][d]
                    } else {
                        0.0
                    }
                })
                .collect(),
        })
        .collect();
    figs.push(Figure {
        id: "stock",
        title: msg::CHART_STOCK.get(lang).into(),
        note: String::new(),
        kind: "lines",
        series: lines.len(),
        points: days,
        svg: line_chart(lang, &lines, days, msg::UNIT_DAYS_OF_NEED.get(lang), None)?,
    });

    // Unmet need in person-days, per category.
    let unmet = per_category(sc, r, &|d| d.unmet_kg);
    let lines: Vec<Line> = (0..nc)
        .map(|c| Line {
            label: category_name(sc, c, lang),
            colour: PALETTE[c % PALETTE.len()],
            values: unmet[c]
                .iter()
                .map(|kg| {
                    if sc.goods[c].need_kg > 0.0 {
                        kg / sc.goods[c].need_kg
                    } else {
                        0.0
                    }
                })
                .collect(),
        })
        .collect();
    figs.push(Figure {
        id: "unmet",
        title: msg::CHART_UNMET.get(lang).into(),
        note: String::new(),
        kind: "lines",
        series: lines.len(),
        points: days,
        svg: line_chart(lang, &lines, days, msg::UNIT_PERSON_DAYS.get(lang), None)?,
    });

    // Panic per district (one category's rows carry it).
    let first = sc.goods.first().map(|g| g.name.as_str()).unwrap_or("");
    let mut zones: Vec<(String, Vec<f64>)> = sc
        .city
        .districts
        .iter()
        .map(|&p| (sc.city.places[p].name.clone(), vec![0.0; days]))
        .collect();
    for d in r
        .daily
        .iter()
        .filter(|d| d.level == "district" && d.category == first)
    {
        if let Some(z) = zones.iter_mut().find(|z| z.0 == d.zone)
            && d.day >= 1
            && d.day as usize <= days
        {
            z.1[d.day as usize - 1] = d.panic;
        }
    }
    if zones.len() > MAX_LINES {
        // The districts that panicked most, then the mean of the others.
        let peak = |v: &[f64]| v.iter().copied().fold(0.0f64, f64::max);
        let mut order: Vec<usize> = (0..zones.len()).collect();
        order.sort_by(|&a, &b| {
            peak(&zones[b].1)
                .total_cmp(&peak(&zones[a].1))
                .then(a.cmp(&b))
        });
        let keep: Vec<usize> = {
            let mut k = order[..MAX_LINES - 1].to_vec();
            k.sort_unstable();
            k
        };
        let rest: Vec<usize> = order[MAX_LINES - 1..].to_vec();
        let mean: Vec<f64> = (0..days)
            .map(|d| rest.iter().map(|&i| zones[i].1[d]).sum::<f64>() / rest.len() as f64)
            .collect();
        let label = t!(lang, CHART_OTHER_DISTRICTS, n = rest.len());
        let mut z: Vec<(String, Vec<f64>)> = keep.iter().map(|&i| zones[i].clone()).collect();
        z.push((label, mean));
        zones = z;
    }
    let lines: Vec<Line> = zones
        .into_iter()
        .enumerate()
        .map(|(i, (label, values))| Line {
            label,
            colour: PALETTE[i % PALETTE.len()],
            values,
        })
        .collect();
    figs.push(Figure {
        id: "panic",
        title: msg::CHART_PANIC.get(lang).into(),
        note: String::new(),
        kind: "lines",
        series: lines.len(),
        points: days,
        svg: line_chart(lang, &lines, days, msg::AXIS_PANIC.get(lang), Some(1.0))?,
    });

    // Goods handed out at points, stacked by category.
    let top = point_total.iter().copied().fold(0.0f64, f64::max);
    let (k, unit) = mass_unit(top, lang);
    let stacks: Vec<Line> = (0..nc)
        .filter(|&c| points[c].iter().any(|v| *v > 0.0))
        .map(|c| Line {
            label: category_name(sc, c, lang),
            colour: PALETTE[c % PALETTE.len()],
            values: points[c].iter().map(|v| v * k).collect(),
        })
        .collect();
    if stacks.is_empty() {
        figs.push(Figure {
            id: "points",
            title: msg::CHART_POINTS.get(lang).into(),
            note: if r.closures.is_empty() {
                msg::CHART_NO_CLOSURES.get(lang).into()
            } else {
                msg::CHART_NO_POINT_GOODS.get(lang).into()
            },
            kind: "bars",
            series: 0,
            points: 0,
            svg: String::new(),
        });
    } else {
        let (svg, bars) = stacked_bars(lang, &stacks, days, unit)?;
        figs.push(Figure {
            id: "points",
            title: msg::CHART_POINTS.get(lang).into(),
            note: String::new(),
            kind: "bars",
            series: stacks.len(),
            points: bars,
            svg,
        });
    }

    figs.push(closure_timeline(r, lang)?);
    figs.push(response_chart(r, lang)?);
    figs.extend(backlog_charts(r, lang)?);
    figs.push(orders_chart(r, lang)?);
    Ok(figs)
}

// --- Closures -------------------------------------------------------------

/// Most closures the timeline chart draws.
const MAX_CLOSURES: usize = 40;
/// Most closures the orders chart draws.
const MAX_ORDER_ROWS: usize = 25;

/// Colour of a closure level.
fn level_colour(key: &str) -> RGBColor {
    match key {
        "building" => PALETTE[0],
        "compound" => PALETTE[1],
        "community" => PALETTE[2],
        "street" => PALETTE[3],
        "site" => PALETTE[4],
        _ => PALETTE[7],
    }
}

/// The label of a closure in a chart: number, level and place.
fn closure_label(c: &ClosureRow, lang: Lang) -> String {
    format!("#{} {} {}", c.id, names::level_key(lang, c.level), c.place)
}

/// The closures (the largest few) as bars over time, with the plan's
/// response marked on each.
fn closure_timeline(r: &RunResult, lang: Lang) -> Result<Figure, ChartError> {
    let title = msg::CHART_GANTT.get(lang).to_string();
    if r.closures.is_empty() {
        return Ok(Figure {
            id: "closures",
            title,
            note: msg::CHART_NO_CLOSURES.get(lang).into(),
            kind: "closures",
            series: 0,
            points: 0,
            svg: String::new(),
        });
    }
    let (shown, note) = largest_closures(r, lang);
    let when = |id, step| response_times(r, id, step);
    let horizon_h = r.days as f64 * 24.0;
    let labels: Vec<String> = shown.iter().map(|c| closure_label(c, lang)).collect();
    let label_px = labels
        .iter()
        .map(|l| text_width(l, 11.0))
        .fold(0.0f64, f64::max)
        .clamp(120.0, 300.0)
        + 12.0;
    const ROW: f64 = 20.0;
    let days = r.days as usize;
    let mut x = day_scale(days);
    // Days run from the start of day 1 (0 h) to the end of the horizon.
    x.lo = 0.0;
    x.hi = days as f64;
    x.ticks = x.ticks.iter().map(|(d, l)| (d - 1.0, l.clone())).collect();
    let plot = Plot {
        left: label_px,
        top: TOP,
        right: WIDTH as f64 - RIGHT,
        bottom: TOP + ROW * shown.len() as f64,
        x,
        y: Scale {
            lo: 0.0,
            hi: shown.len() as f64,
            log: false,
            ticks: Vec::new(),
        },
    };
    let mut keys: Vec<Key> = ["building", "compound", "community", "street", "site"]
        .iter()
        .filter(|l| shown.iter().any(|c| c.level == **l))
        .map(|l| Key {
            label: names::level_key(lang, l),
            colour: level_colour(l),
            mark: Mark::Square,
        })
        .collect();
    keys.extend([
        Key {
            label: msg::MARK_DESIGNATED.get(lang).into(),
            colour: INK,
            mark: Mark::Diamond,
        },
        Key {
            label: msg::MARK_POINTS_OPEN.get(lang).into(),
            colour: INK,
            mark: Mark::Triangle,
        },
        Key {
            label: msg::MARK_FIRST_GOODS.get(lang).into(),
            colour: GOOD,
            mark: Mark::Square,
        },
        Key {
            label: msg::MARK_ABSORBED.get(lang).into(),
            colour: MUTED,
            mark: Mark::Tick,
        },
        Key {
            label: msg::MARK_STILL_SEALED.get(lang).into(),
            colour: INK,
            mark: Mark::Arrow,
        },
    ]);
    let height = plot.bottom + 44.0 + legend_height(&keys, WIDTH as f64 - 20.0);
    let n = shown.len();
    let svg = draw(WIDTH, height.ceil() as u32, |c| {
        plot.axes(c, msg::AXIS_DAY.get(lang), "");
        for (i, cl) in shown.iter().enumerate() {
            let y = plot.top + ROW * (i as f64 + 0.5);
            c.text(
                &fit(&labels[i], 11.0, label_px - 10.0),
                (label_px - 8.0, y),
                11.0,
                INK,
                Align::Right,
            );
            let start = cl.start_h / 24.0;
            let end = cl.end_h.unwrap_or(horizon_h) / 24.0;
            let colour = level_colour(cl.level);
            let opacity = if cl.escalated_to.is_some() {
                0.45
            } else {
                0.85
            };
            c.rect(
                (plot.x_px(start), y - 6.0),
                (plot.x_px(end), y + 6.0),
                colour,
                opacity,
            );
            if cl.escalated_to.is_some() {
                c.mark(Mark::Tick, (plot.x_px(end), y), 16.0, MUTED);
            } else if cl.end_h.is_none() {
                c.mark(Mark::Arrow, (plot.x_px(end) - 4.0, y), 9.0, INK);
            }
            for h in when(cl.id, Step::Designated) {
                c.mark(Mark::Diamond, (plot.x_px(h / 24.0), y), 9.0, INK);
            }
            for h in when(cl.id, Step::PointsOpen) {
                c.mark(Mark::Triangle, (plot.x_px(h / 24.0), y), 9.0, INK);
            }
            for h in when(cl.id, Step::FirstGoods) {
                c.mark(Mark::Square, (plot.x_px(h / 24.0), y), 8.0, GOOD);
            }
        }
        legend(c, &keys, 10.0, plot.bottom + 42.0, WIDTH as f64 - 20.0);
    })?;
    Ok(Figure {
        id: "closures",
        title,
        note,
        kind: "closures",
        series: n,
        points: n,
        svg,
    })
}

/// The largest closures by residents (at most [`MAX_CLOSURES`]), in
/// order of number, and a note when some are left out.
fn largest_closures(r: &RunResult, lang: Lang) -> (Vec<&ClosureRow>, String) {
    let mut shown: Vec<&ClosureRow> = r.closures.iter().collect();
    let note = if shown.len() > MAX_CLOSURES {
        shown.sort_by(|a, b| b.residents.cmp(&a.residents).then(a.id.cmp(&b.id)));
        shown.truncate(MAX_CLOSURES);
        t!(
            lang,
            CHART_NOTE_SHOWN,
            shown = MAX_CLOSURES.to_string(),
            all = r.closures.len().to_string()
        )
    } else {
        String::new()
    };
    shown.sort_by_key(|c| c.id);
    (shown, note)
}

/// A step of the plan's response to a closure.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Step {
    Designated,
    PointsOpen,
    FirstGoods,
}

/// When the timeline records `step` for closure `id` [h since the start].
fn response_times(r: &RunResult, id: u32, step: Step) -> Vec<f64> {
    r.timeline
        .iter()
        .filter(|e| match (&e.what, step) {
            (Happening::Designated { closure, .. }, Step::Designated)
            | (Happening::PointsOpened { closure, .. }, Step::PointsOpen)
            | (Happening::FirstGoods { closure, .. }, Step::FirstGoods) => *closure == id,
            _ => false,
        })
        .map(|e| e.at_h)
        .collect()
}

/// Hours from sealing to each step of the response, closure by closure.
fn response_chart(r: &RunResult, lang: Lang) -> Result<Figure, ChartError> {
    let title = msg::CHART_RESPONSE.get(lang).to_string();
    if r.closures.is_empty() {
        return Ok(Figure {
            id: "response",
            title,
            note: msg::CHART_NO_CLOSURES.get(lang).into(),
            kind: "closures",
            series: 0,
            points: 0,
            svg: String::new(),
        });
    }
    let (shown, note) = largest_closures(r, lang);
    let horizon_h = r.days as f64 * 24.0;
    // Hours after sealing of each step, and the end of each closure.
    let steps: Vec<[Option<f64>; 3]> = shown
        .iter()
        .map(|c| {
            [Step::Designated, Step::PointsOpen, Step::FirstGoods]
                .map(|s| response_times(r, c.id, s).first().map(|h| h - c.start_h))
        })
        .collect();
    let longest = steps
        .iter()
        .flatten()
        .flatten()
        .copied()
        .fold(0.0f64, f64::max);
    let x_top = if longest > 0.0 { longest * 1.15 } else { 24.0 };
    let labels: Vec<String> = shown.iter().map(|c| closure_label(c, lang)).collect();
    let label_px = labels
        .iter()
        .map(|l| text_width(l, 11.0))
        .fold(0.0f64, f64::max)
        .clamp(120.0, 300.0)
        + 12.0;
    const ROW: f64 = 20.0;
    let label = |v: f64| compact(v, lang);
    let plot = Plot {
        left: label_px,
        top: TOP,
        right: WIDTH as f64 - RIGHT - 60.0,
        bottom: TOP + ROW * shown.len() as f64,
        x: Scale::linear(0.0, x_top, 8, &label),
        y: Scale {
            lo: 0.0,
            hi: 1.0,
            log: false,
            ticks: Vec::new(),
        },
    };
    let keys = vec![
        Key {
            label: msg::MARK_DESIGNATED.get(lang).into(),
            colour: INK,
            mark: Mark::Diamond,
        },
        Key {
            label: msg::MARK_POINTS_OPEN.get(lang).into(),
            colour: INK,
            mark: Mark::Triangle,
        },
        Key {
            label: msg::MARK_FIRST_GOODS.get(lang).into(),
            colour: GOOD,
            mark: Mark::Square,
        },
    ];
    let height = plot.bottom + 44.0 + legend_height(&keys, WIDTH as f64 - 20.0);
    let n = shown.len();
    let svg = draw(WIDTH, height.ceil() as u32, |c| {
        plot.axes(c, msg::AXIS_HOURS_AFTER.get(lang), "");
        for (i, cl) in shown.iter().enumerate() {
            let y = plot.top + ROW * (i as f64 + 0.5);
            c.text(
                &fit(&labels[i], 11.0, label_px - 10.0),
                (label_px - 8.0, y),
                11.0,
                INK,
                Align::Right,
            );
            let [designated, open, first] = steps[i];
            // The wait for goods: to the first goods, or, if none came,
            // to the end of the closure.
            let end = first.unwrap_or_else(|| cl.end_h.unwrap_or(horizon_h) - cl.start_h);
            let colour = if first.is_some() {
                level_colour(cl.level)
            } else {
                GRID
            };
            c.rect(
                (plot.x_px(0.0), y - 5.0),
                (plot.x_px(end), y + 5.0),
                colour,
                0.55,
            );
            if let Some(h) = designated {
                c.mark(Mark::Diamond, (plot.x_px(h), y), 9.0, INK);
            }
            if let Some(h) = open {
                c.mark(Mark::Triangle, (plot.x_px(h), y), 9.0, INK);
            }
            let text = match first {
                Some(h) => {
                    c.mark(Mark::Square, (plot.x_px(h), y), 8.0, GOOD);
                    format!("{} {}", readable(h), msg::UNIT_HOURS.get(lang))
                }
                None => msg::CHART_NONE_ARRIVED.get(lang).to_string(),
            };
            c.text(
                &text,
                (plot.x_px(end.min(x_top)) + 8.0, y),
                10.0,
                MUTED,
                Align::Left,
            );
        }
        legend(c, &keys, 10.0, plot.bottom + 42.0, WIDTH as f64 - 20.0);
    })?;
    Ok(Figure {
        id: "response",
        title,
        note,
        kind: "closures",
        series: n,
        points: n,
        svg,
    })
}

/// A closure's orders day by day.
struct DailyOrders {
    closure: u32,
    /// Orders waiting at midnight, per day.
    waiting: Vec<f64>,
    /// (day, mean wait [h]) of the days with deliveries.
    waits: Vec<(usize, f64)>,
    /// Orders delivered in all.
    served: u64,
}

/// Most closures the daily backlog and wait charts draw one by one.
const MAX_BACKLOG_LINES: usize = 10;

/// The orders waiting at each closure's points at midnight, day by day
/// (lines), and the mean wait of the orders delivered each day (dots), for
/// the closures with the largest backlog.
fn backlog_charts(r: &RunResult, lang: Lang) -> Result<[Figure; 2], ChartError> {
    let days = r.days as usize;
    let backlog_title = msg::CHART_BACKLOG.get(lang).to_string();
    let wait_title = msg::CHART_DAILY_WAIT.get(lang).to_string();
    // Per closure with points: its waiting orders per day, and its waits.
    let mut per: Vec<DailyOrders> = Vec::new();
    for row in &r.closure_days {
        let d = row.day as usize;
        if d == 0 || d > days {
            continue;
        }
        let at = match per.iter().position(|p| p.closure == row.closure) {
            Some(i) => i,
            None => {
                per.push(DailyOrders {
                    closure: row.closure,
                    waiting: vec![0.0; days],
                    waits: Vec::new(),
                    served: 0,
                });
                per.len() - 1
            }
        };
        let p = &mut per[at];
        p.waiting[d - 1] = row.orders_waiting as f64;
        if let Some(w) = row.mean_wait_h {
            p.waits.push((d, w));
        }
        p.served += row.orders_served;
    }
    per.retain(|p| p.served > 0 || p.waiting.iter().any(|v| *v > 0.0));
    if per.is_empty() {
        let empty = |id, title: String| Figure {
            id,
            title,
            note: msg::CHART_NO_ORDERS.get(lang).into(),
            kind: "lines",
            series: 0,
            points: 0,
            svg: String::new(),
        };
        return Ok([empty("backlog", backlog_title), {
            let mut f = empty("wait", wait_title);
            f.kind = "dots";
            f
        }]);
    }
    let all = per.len();
    let peak = |v: &[f64]| v.iter().copied().fold(0.0f64, f64::max);
    let note = if per.len() > MAX_BACKLOG_LINES {
        per.sort_by(|a, b| {
            peak(&b.waiting)
                .total_cmp(&peak(&a.waiting))
                .then(b.served.cmp(&a.served))
                .then(a.closure.cmp(&b.closure))
        });
        per.truncate(MAX_BACKLOG_LINES);
        t!(
            lang,
            CHART_NOTE_BACKLOG_SHOWN,
            shown = MAX_BACKLOG_LINES,
            all = all
        )
    } else {
        String::new()
    };
    per.sort_by_key(|p| p.closure);
    let label = |id: u32| {
        r.closures
            .iter()
            .find(|c| c.id == id)
            .map_or(format!("#{id}"), |c| closure_label(c, lang))
    };
    let lines: Vec<Line> = per
        .iter()
        .enumerate()
        .map(|(i, p)| Line {
            label: label(p.closure),
            colour: PALETTE[i % PALETTE.len()],
            values: p.waiting.clone(),
        })
        .collect();
    let backlog = Figure {
        id: "backlog",
        title: backlog_title,
        note: note.clone(),
        kind: "lines",
        series: lines.len(),
        points: days,
        svg: line_chart(lang, &lines, days, msg::UNIT_ORDERS.get(lang), None)?,
    };

    // The waits, as dots: a day without deliveries has no wait to show.
    let top = per
        .iter()
        .flat_map(|p| p.waits.iter().map(|w| w.1))
        .fold(0.0f64, f64::max);
    let tick = |v: f64| compact(v, lang);
    let plot = daily_plot(days, top, None, &tick);
    let keys: Vec<Key> = lines
        .iter()
        .map(|l| Key {
            label: l.label.clone(),
            colour: l.colour,
            mark: Mark::Dot,
        })
        .collect();
    let legend_w = plot.right - plot.left;
    let height = plot.bottom + 44.0 + legend_height(&keys, legend_w);
    let mut dots = 0;
    let svg = draw(WIDTH, height.ceil() as u32, |c| {
        plot.axes(c, msg::AXIS_DAY.get(lang), msg::UNIT_HOURS.get(lang));
        for (i, p) in per.iter().enumerate() {
            for &(d, w) in &p.waits {
                c.dot(plot.at(d as f64, w), 3, lines[i].colour);
                dots += 1;
            }
        }
        legend(c, &keys, plot.left, plot.bottom + 42.0, legend_w);
    })?;
    let wait_note = if note.is_empty() {
        msg::CHART_WAIT_NOTE.get(lang).to_string()
    } else {
        format!("{} {note}", msg::CHART_WAIT_NOTE.get(lang))
    };
    let wait = Figure {
        id: "wait",
        title: wait_title,
        note: wait_note,
        kind: "dots",
        series: lines.len(),
        points: dots,
        svg,
    };
    Ok([backlog, wait])
}

/// Orders at each closure's points: delivered and still waiting (the
/// backlog when the points closed, or at the horizon), and the mean wait.
fn orders_chart(r: &RunResult, lang: Lang) -> Result<Figure, ChartError> {
    let title = msg::CHART_ORDERS.get(lang).to_string();
    let mut rows: Vec<&ClosureRow> = r.closures.iter().filter(|c| c.orders_placed > 0).collect();
    if rows.is_empty() {
        return Ok(Figure {
            id: "orders",
            title,
            note: msg::CHART_NO_ORDERS.get(lang).into(),
            kind: "bars",
            series: 0,
            points: 0,
            svg: String::new(),
        });
    }
    let all = rows.len();
    let note = if rows.len() > MAX_ORDER_ROWS {
        rows.sort_by(|a, b| b.orders_placed.cmp(&a.orders_placed).then(a.id.cmp(&b.id)));
        rows.truncate(MAX_ORDER_ROWS);
        rows.sort_by_key(|c| c.id);
        t!(
            lang,
            CHART_NOTE_ORDERS_SHOWN,
            shown = MAX_ORDER_ROWS.to_string(),
            all = all.to_string()
        )
    } else {
        String::new()
    };
    let labels: Vec<String> = rows.iter().map(|c| closure_label(c, lang)).collect();
    let label_px = labels
        .iter()
        .map(|l| text_width(l, 11.0))
        .fold(0.0f64, f64::max)
        .clamp(120.0, 280.0)
        + 12.0;
    const ROW: f64 = 22.0;
    let bottom = TOP + 14.0 + ROW * rows.len() as f64;
    let split = label_px + (WIDTH as f64 - RIGHT - label_px) * 0.62;
    let top_orders = rows
        .iter()
        .map(|c| (c.orders_served + c.orders_waiting).max(c.orders_placed) as f64)
        .fold(0.0f64, f64::max);
    let top_wait = rows.iter().map(|c| c.mean_wait_h).fold(0.0f64, f64::max);
    let label = |v: f64| compact(v, lang);
    let orders_plot = Plot {
        left: label_px,
        top: TOP + 14.0,
        right: split - 28.0,
        bottom,
        x: Scale::linear(0.0, top_orders * 1.05, 4, &label),
        y: Scale {
            lo: 0.0,
            hi: 1.0,
            log: false,
            ticks: Vec::new(),
        },
    };
    let wait_plot = Plot {
        left: split + 10.0,
        right: WIDTH as f64 - RIGHT,
        x: Scale::linear(0.0, top_wait.max(0.1) * 1.1, 3, &label),
        ..orders_plot.clone()
    };
    let keys = vec![
        Key {
            label: msg::SERIES_SERVED.get(lang).into(),
            colour: PALETTE[2],
            mark: Mark::Square,
        },
        Key {
            label: msg::SERIES_WAITING.get(lang).into(),
            colour: PALETTE[3],
            mark: Mark::Square,
        },
        Key {
            label: msg::SERIES_WAIT.get(lang).into(),
            colour: PALETTE[0],
            mark: Mark::Diamond,
        },
    ];
    let height = bottom + 44.0 + legend_height(&keys, WIDTH as f64 - 20.0);
    let mut bars = 0;
    let svg = draw(WIDTH, height.ceil() as u32, |c| {
        orders_plot.axes(c, msg::UNIT_ORDERS.get(lang), "");
        wait_plot.axes(c, msg::UNIT_HOURS.get(lang), "");
        c.bold(
            msg::SERIES_ORDERS.get(lang),
            (orders_plot.left, TOP - 4.0),
            11.0,
            INK,
            Align::Left,
        );
        c.bold(
            msg::SERIES_WAIT.get(lang),
            (wait_plot.left, TOP - 4.0),
            11.0,
            INK,
            Align::Left,
        );
        for (i, cl) in rows.iter().enumerate() {
            let y = orders_plot.top + ROW * (i as f64 + 0.5);
            c.text(
                &fit(&labels[i], 11.0, label_px - 10.0),
                (label_px - 8.0, y),
                11.0,
                INK,
                Align::Right,
            );
            let served = cl.orders_served as f64;
            let waiting = cl.orders_waiting as f64;
            let x0 = orders_plot.x_px(0.0);
            let x1 = orders_plot.x_px(served);
            let x2 = orders_plot.x_px(served + waiting);
            if served > 0.0 {
                c.rect((x0, y - 7.0), (x1, y + 7.0), PALETTE[2], 0.9);
                bars += 1;
            }
            if waiting > 0.0 {
                c.rect((x1, y - 7.0), (x2, y + 7.0), PALETTE[3], 0.9);
                bars += 1;
            }
            let w = wait_plot.x_px(cl.mean_wait_h);
            c.line((wait_plot.left, y), (w, y), GRID, 1);
            c.mark(Mark::Diamond, (w, y), 10.0, PALETTE[0]);
            c.text(
                &hours(cl.mean_wait_h),
                (w + 8.0, y),
                10.0,
                MUTED,
                Align::Left,
            );
        }
        legend(c, &keys, 10.0, bottom + 42.0, WIDTH as f64 - 20.0);
    })?;
    Ok(Figure {
        id: "orders",
        title,
        note,
        kind: "bars",
        series: 2,
        points: bars,
        svg,
    })
}
