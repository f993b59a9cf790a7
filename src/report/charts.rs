//! Charts drawn by baogong itself, as SVG text, with plotters' SVG
//! backend: the run's daily series, its closures and their response, and
//! the toolkit that the sweep's chart shares (a canvas, scales with their
//! ticks, number formats, legends).
//!
//! What the SVG holds is kept regular, so that a test (or a reader's
//! script) can find the data in it: every line series is one `<polyline>`
//! with a point per day, every bar one `<rect>`, every dot one `<circle>`;
//! axes and grid lines are `<line>`s, legend swatches `<polygon>`s. Text
//! is left to the viewer's fonts (no font is embedded or fetched); the
//! page's style sheet chooses fonts with Chinese glyphs.

use plotters::coord::Shift;
use plotters::element::{Drawable, PointCollection};
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};
use plotters_backend::{BackendCoord, DrawingErrorKind};

use crate::i18n::Lang;
use crate::i18n::{msg, names};
use crate::model::metrics::{ClosureRow, Happening};
use crate::model::{RunResult, Scenario};
use crate::t;

/// A chart that could not be drawn (the SVG backend writes to a string,
/// so this does not happen in practice).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ChartError(pub String);

impl std::fmt::Display for ChartError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "cannot draw a chart: {}", self.0)
    }
}

impl std::error::Error for ChartError {}

/// Font family of every text; the HTML page's style sheet overrides it.
const FONT: &str = "sans-serif";

/// Colours of series, in order (Tableau 10, then darker tones).
pub(crate) const PALETTE: [RGBColor; 16] = [
    RGBColor(31, 119, 180),
    RGBColor(255, 127, 14),
    RGBColor(44, 160, 44),
    RGBColor(214, 39, 40),
    RGBColor(148, 103, 189),
    RGBColor(140, 86, 75),
    RGBColor(227, 119, 194),
    RGBColor(127, 127, 127),
    RGBColor(188, 189, 34),
    RGBColor(23, 190, 207),
    RGBColor(57, 59, 121),
    RGBColor(99, 121, 57),
    RGBColor(140, 109, 49),
    RGBColor(132, 60, 57),
    RGBColor(123, 65, 115),
    RGBColor(49, 130, 189),
];

/// Text colour.
pub(crate) const INK: RGBColor = RGBColor(33, 33, 33);
/// Secondary text colour.
pub(crate) const MUTED: RGBColor = RGBColor(110, 110, 110);
/// Grid lines.
pub(crate) const GRID: RGBColor = RGBColor(228, 228, 228);
/// Axis lines.
pub(crate) const AXIS: RGBColor = RGBColor(150, 150, 150);
/// Better than the baseline.
pub(crate) const GOOD: RGBColor = RGBColor(26, 140, 60);
/// Worse than the baseline.
pub(crate) const BAD: RGBColor = RGBColor(200, 40, 40);

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
    /// `bars` (`<rect>`s), or `closures` (a `<rect>` per closure).
    pub kind: &'static str,
    /// Number of series drawn (lines, bar colours, or closures).
    pub series: usize,
    /// Points per line series (days), or bars drawn.
    pub points: usize,
    /// The SVG text; empty when there is nothing to draw (then `note`
    /// says why).
    pub svg: String,
}

// --- Numbers --------------------------------------------------------------

/// `x` with `decimals` decimals and commas between thousands.
pub(crate) fn grouped(x: f64, decimals: usize) -> String {
    let s = format!("{:.*}", decimals, x.abs());
    let (int, frac) = match s.split_once('.') {
        Some((i, f)) => (i.to_string(), format!(".{f}")),
        None => (s.clone(), String::new()),
    };
    let mut out = String::new();
    for (i, ch) in int.chars().enumerate() {
        if i > 0 && (int.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(ch);
    }
    let negative = x < 0.0 && s.chars().any(|c| c.is_ascii_digit() && c != '0');
    format!("{}{out}{frac}", if negative { "−" } else { "" })
}

/// A readable number: fewer decimals as it grows.
pub(crate) fn readable(x: f64) -> String {
    let a = x.abs();
    if a >= 100.0 || a == 0.0 {
        grouped(x, 0)
    } else if a >= 10.0 {
        grouped(x, 1)
    } else if a >= 0.1 {
        grouped(x, 2)
    } else {
        // Two significant digits, without trailing zeros.
        let d = (-a.log10().floor()) as usize + 1;
        let s = grouped(x, d.min(8));
        s.trim_end_matches('0').trim_end_matches('.').to_string()
    }
}

/// Hours for a label: `<0.01` rather than many decimals.
pub(crate) fn hours(h: f64) -> String {
    if h > 0.0 && h < 0.01 {
        "<0.01".to_string()
    } else {
        readable(h)
    }
}

/// A short number for an axis: `12k`, `3.5M` in English; `1.2万`, `3亿`
/// in Chinese; small numbers as they are.
pub(crate) fn compact(x: f64, lang: Lang) -> String {
    let a = x.abs();
    let trim = |v: f64| {
        let s = if v.abs() >= 100.0 {
            format!("{v:.0}")
        } else if v.abs() >= 10.0 {
            format!("{v:.1}")
        } else {
            format!("{v:.2}")
        };
        let s = if s.contains('.') {
            s.trim_end_matches('0').trim_end_matches('.').to_string()
        } else {
            s
        };
        s.replace('-', "−")
    };
    match lang {
        Lang::En if a >= 1e9 => format!("{}B", trim(x / 1e9)),
        Lang::En if a >= 1e6 => format!("{}M", trim(x / 1e6)),
        Lang::En if a >= 1e4 => format!("{}k", trim(x / 1e3)),
        Lang::Zh if a >= 1e8 => format!("{}亿", trim(x / 1e8)),
        Lang::Zh if a >= 1e4 => format!("{}万", trim(x / 1e4)),
        _ if a >= 1.0 || a == 0.0 => grouped(x, if (x - x.round()).abs() < 1e-9 { 0 } else { 1 }),
        _ => readable(x),
    }
}

/// Estimated width of `s` in pixels at font size `px`: a Chinese
/// character is about 1 em, a Latin letter or digit about 0.58 em.
pub(crate) fn text_width(s: &str, px: f64) -> f64 {
    s.chars()
        .map(|c| if (c as u32) >= 0x2E80 { 1.0 } else { 0.58 })
        .sum::<f64>()
        * px
}

/// `s` cut to about `px` pixels at font size `size`, with an ellipsis.
pub(crate) fn fit(s: &str, size: f64, px: f64) -> String {
    if text_width(s, size) <= px {
        return s.to_string();
    }
    let room = px - text_width("…", size);
    let mut out = String::new();
    for c in s.chars() {
        if text_width(&out, size) + text_width(&c.to_string(), size) > room {
            break;
        }
        out.push(c);
    }
    out.push('…');
    out
}

// --- Scales and ticks -----------------------------------------------------

/// A scale from values to a fraction of an axis.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Scale {
    /// Lowest value drawn.
    pub lo: f64,
    /// Highest value drawn.
    pub hi: f64,
    /// Logarithmic (`lo` > 0).
    pub log: bool,
    /// Tick values and their labels.
    pub ticks: Vec<(f64, String)>,
}

impl Scale {
    /// Where `v` falls, 0 at `lo` and 1 at `hi`, clamped to [0, 1]
    /// (on a logarithmic scale, values at or below `lo` fall at 0).
    pub(crate) fn frac(&self, v: f64) -> f64 {
        let f = if self.log {
            if v <= self.lo {
                0.0
            } else {
                (v.log10() - self.lo.log10()) / (self.hi.log10() - self.lo.log10())
            }
        } else {
            (v - self.lo) / (self.hi - self.lo)
        };
        if f.is_finite() {
            f.clamp(0.0, 1.0)
        } else {
            0.0
        }
    }

    /// A linear scale over `[lo, hi]` widened to round ticks, about
    /// `target` of them, labelled by `label`.
    pub(crate) fn linear(lo: f64, hi: f64, target: usize, label: &dyn Fn(f64) -> String) -> Scale {
        let (lo, hi) = if hi > lo {
            (lo, hi)
        } else if lo == 0.0 {
            (0.0, 1.0)
        } else {
            (lo - lo.abs() * 0.5, hi + hi.abs() * 0.5)
        };
        let step = nice_step((hi - lo) / target.max(1) as f64);
        let first = (lo / step).floor();
        let last = (hi / step).ceil();
        let ticks: Vec<(f64, String)> = (first as i64..=last as i64)
            .map(|k| {
                let v = k as f64 * step;
                // No "-0".
                let v = if v.abs() < step * 1e-9 { 0.0 } else { v };
                (v, label(v))
            })
            .collect();
        Scale {
            lo: first * step,
            hi: last * step,
            log: false,
            ticks,
        }
    }

    /// A logarithmic scale from the decade at or below `lo` (> 0) to the
    /// decade at or above `hi`; ticks at each power of ten, and at 2 and 5
    /// times it when there are few decades. No tick reads 0.
    pub(crate) fn log(lo: f64, hi: f64, label: &dyn Fn(f64) -> String) -> Scale {
        let lo_d = lo.log10().floor() as i32;
        let hi_d = (hi.log10().ceil() as i32).max(lo_d + 1);
        let mut ticks = Vec::new();
        for d in lo_d..=hi_d {
            let base = 10f64.powi(d);
            ticks.push((base, label(base)));
            if hi_d - lo_d <= 2 && d < hi_d {
                for m in [2.0, 5.0] {
                    ticks.push((m * base, label(m * base)));
                }
            }
        }
        Scale {
            lo: 10f64.powi(lo_d),
            hi: 10f64.powi(hi_d),
            log: true,
            ticks,
        }
    }
}

/// A round step near `raw`: 1, 2 or 5 times a power of ten.
pub(crate) fn nice_step(raw: f64) -> f64 {
    if raw <= 0.0 || !raw.is_finite() {
        return 1.0;
    }
    let p = 10f64.powf(raw.log10().floor());
    let m = raw / p;
    let n = if m <= 1.0 {
        1.0
    } else if m <= 2.0 {
        2.0
    } else if m <= 5.0 {
        5.0
    } else {
        10.0
    };
    n * p
}

/// The label of a tick on a logarithmic axis: never "0".
pub(crate) fn log_label(v: f64, lang: Lang) -> String {
    if v >= 1.0 {
        compact(v, lang)
    } else {
        readable(v)
    }
}

// --- The canvas -----------------------------------------------------------

/// A line from one pixel to another, drawn as an SVG `<line>` (plotters'
/// paths are `<polyline>`s, kept for series).
struct Segment {
    points: [BackendCoord; 2],
    style: ShapeStyle,
}

impl<'a> PointCollection<'a, BackendCoord> for &'a Segment {
    type Point = &'a BackendCoord;
    type IntoIter = std::slice::Iter<'a, BackendCoord>;
    fn point_iter(self) -> Self::IntoIter {
        self.points.iter()
    }
}

impl<DB: DrawingBackend> Drawable<DB> for Segment {
    fn draw<I: Iterator<Item = BackendCoord>>(
        &self,
        mut points: I,
        backend: &mut DB,
        _: (u32, u32),
    ) -> Result<(), DrawingErrorKind<DB::ErrorType>> {
        if let (Some(a), Some(b)) = (points.next(), points.next()) {
            backend.draw_line(a, b, &self.style)?;
        }
        Ok(())
    }
}

/// Horizontal anchor of a text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Align {
    /// The text starts at the point.
    Left,
    /// The text is centred on the point.
    Centre,
    /// The text ends at the point.
    Right,
}

/// A drawing surface in pixels over plotters' SVG backend. Errors are
/// kept and returned by [`draw`].
pub(crate) struct Canvas<'a> {
    area: DrawingArea<SVGBackend<'a>, Shift>,
    error: Option<String>,
}

/// Draws with `f` on a white canvas of `width` × `height` pixels and
/// returns the SVG text.
pub(crate) fn draw(
    width: u32,
    height: u32,
    f: impl FnOnce(&mut Canvas<'_>),
) -> Result<String, ChartError> {
    let mut out = String::new();
    {
        let area = SVGBackend::with_string(&mut out, (width, height)).into_drawing_area();
        let mut c = Canvas { area, error: None };
        let white = WHITE;
        c.keep(c.area.fill(&white).map_err(|e| e.to_string()));
        f(&mut c);
        let presented = c.area.present().map_err(|e| e.to_string());
        c.keep(presented);
        if let Some(e) = c.error {
            return Err(ChartError(e));
        }
    }
    Ok(out)
}

impl<'a> Canvas<'a> {
    fn keep(&mut self, r: Result<(), String>) {
        if let Err(e) = r {
            self.error.get_or_insert(e);
        }
    }

    fn put<E>(&mut self, e: &E)
    where
        for<'b> &'b E: PointCollection<'b, (i32, i32)>,
        E: Drawable<SVGBackend<'a>>,
    {
        let r = self.area.draw(e).map_err(|e| e.to_string());
        self.keep(r);
    }

    /// A text at `(x, y)`, vertically centred there.
    pub(crate) fn text(
        &mut self,
        s: &str,
        (x, y): (f64, f64),
        px: f64,
        colour: RGBColor,
        align: Align,
    ) {
        self.styled_text(s, (x, y), px, colour, align, false);
    }

    /// A bold text at `(x, y)`, vertically centred there.
    pub(crate) fn bold(
        &mut self,
        s: &str,
        (x, y): (f64, f64),
        px: f64,
        colour: RGBColor,
        align: Align,
    ) {
        self.styled_text(s, (x, y), px, colour, align, true);
    }

    fn styled_text(
        &mut self,
        s: &str,
        (x, y): (f64, f64),
        px: f64,
        colour: RGBColor,
        align: Align,
        bold: bool,
    ) {
        if s.is_empty() {
            return;
        }
        let h = match align {
            Align::Left => HPos::Left,
            Align::Centre => HPos::Center,
            Align::Right => HPos::Right,
        };
        // plotters writes `font-size` as the size given over 1.24.
        let font = if bold {
            (FONT, px * 1.24, FontStyle::Bold).into_font()
        } else {
            (FONT, px * 1.24).into_font()
        };
        let style = TextStyle::from(font)
            .color(&colour)
            .pos(Pos::new(h, VPos::Center));
        let t = Text::new(s.to_string(), (x.round() as i32, y.round() as i32), style);
        self.put(&t);
    }

    /// A straight `<line>`.
    pub(crate) fn line(&mut self, a: (f64, f64), b: (f64, f64), colour: RGBColor, width: u32) {
        let s = Segment {
            points: [px(a), px(b)],
            style: colour.stroke_width(width),
        };
        self.put(&s);
    }

    /// A series as one `<polyline>`.
    pub(crate) fn polyline(&mut self, points: &[(f64, f64)], colour: RGBColor, width: u32) {
        let p = PathElement::new(
            points.iter().map(|&p| px(p)).collect::<Vec<_>>(),
            colour.stroke_width(width),
        );
        self.put(&p);
    }

    /// A filled `<rect>` between two corners.
    pub(crate) fn rect(&mut self, a: (f64, f64), b: (f64, f64), colour: RGBColor, opacity: f64) {
        let (a, b) = (px(a), px(b));
        // At least a pixel wide and high, so that a small value shows.
        let b = (b.0.max(a.0 + 1), b.1.max(a.1 + 1));
        let r = Rectangle::new([a, b], colour.mix(opacity).filled());
        self.put(&r);
    }

    /// A filled `<circle>`.
    pub(crate) fn dot(&mut self, c: (f64, f64), r: u32, colour: RGBColor) {
        let e = Circle::new(px(c), r, colour.filled());
        self.put(&e);
    }

    /// A filled `<polygon>`.
    pub(crate) fn polygon(&mut self, points: &[(f64, f64)], colour: RGBColor) {
        let e = Polygon::new(
            points.iter().map(|&p| px(p)).collect::<Vec<_>>(),
            colour.filled(),
        );
        self.put(&e);
    }

    /// A mark of `kind` centred at `c`, `size` pixels across, as a
    /// `<polygon>`.
    pub(crate) fn mark(&mut self, kind: Mark, (x, y): (f64, f64), size: f64, colour: RGBColor) {
        let h = size / 2.0;
        let pts: Vec<(f64, f64)> = match kind {
            Mark::Square => vec![
                (x - h, y - h),
                (x + h, y - h),
                (x + h, y + h),
                (x - h, y + h),
            ],
            Mark::Bar => vec![
                (x - h, y - h / 3.0),
                (x + h, y - h / 3.0),
                (x + h, y + h / 3.0),
                (x - h, y + h / 3.0),
            ],
            Mark::Diamond => vec![(x, y - h), (x + h, y), (x, y + h), (x - h, y)],
            Mark::Triangle => vec![(x, y - h), (x + h, y + h), (x - h, y + h)],
            Mark::Arrow => vec![(x - h, y - h), (x + h, y), (x - h, y + h)],
            Mark::Dot => (0..8)
                .map(|k| {
                    let a = std::f64::consts::PI * (k as f64 + 0.5) / 4.0;
                    (x + h * 0.8 * a.cos(), y + h * 0.8 * a.sin())
                })
                .collect(),
            Mark::Tick => vec![
                (x - 1.0, y - h),
                (x + 1.0, y - h),
                (x + 1.0, y + h),
                (x - 1.0, y + h),
            ],
        };
        self.polygon(&pts, colour);
    }
}

fn px((x, y): (f64, f64)) -> (i32, i32) {
    (x.round() as i32, y.round() as i32)
}

/// Shapes of marks (legend swatches and markers).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Mark {
    /// A square: bars, areas.
    Square,
    /// A short thick bar: lines.
    Bar,
    /// A diamond.
    Diamond,
    /// A triangle pointing up.
    Triangle,
    /// An arrow head pointing right.
    Arrow,
    /// A round dot (an octagon): the swatch of dots.
    Dot,
    /// A thin vertical tick.
    Tick,
}

/// An entry of a legend.
#[derive(Debug, Clone)]
pub(crate) struct Key {
    /// What it stands for.
    pub label: String,
    /// Its colour.
    pub colour: RGBColor,
    /// Its swatch.
    pub mark: Mark,
}

/// The height a legend of `keys` takes in `width` pixels.
pub(crate) fn legend_height(keys: &[Key], width: f64) -> f64 {
    legend_rows(keys, width).len() as f64 * LEGEND_ROW + if keys.is_empty() { 0.0 } else { 6.0 }
}

const LEGEND_PX: f64 = 12.0;
const LEGEND_ROW: f64 = 20.0;

fn legend_rows(keys: &[Key], width: f64) -> Vec<Vec<(usize, f64)>> {
    let mut rows: Vec<Vec<(usize, f64)>> = Vec::new();
    let mut x = 0.0;
    for (i, k) in keys.iter().enumerate() {
        let w = 18.0 + text_width(&k.label, LEGEND_PX) + 18.0;
        if rows.is_empty() || (x + w > width && x > 0.0) {
            rows.push(Vec::new());
            x = 0.0;
        }
        rows.last_mut().expect("a row").push((i, x));
        x += w;
    }
    rows
}

/// Draws a legend of `keys` from `(left, top)` in `width` pixels: never
/// over the data, in a band of its own.
pub(crate) fn legend(c: &mut Canvas<'_>, keys: &[Key], left: f64, top: f64, width: f64) {
    for (r, row) in legend_rows(keys, width).iter().enumerate() {
        let y = top + 10.0 + r as f64 * LEGEND_ROW;
        for &(i, x) in row {
            let k = &keys[i];
            c.mark(k.mark, (left + x + 6.0, y), 11.0, k.colour);
            c.text(&k.label, (left + x + 16.0, y), LEGEND_PX, INK, Align::Left);
        }
    }
}

/// A plotting area in pixels and its two scales.
#[derive(Debug, Clone)]
pub(crate) struct Plot {
    /// Left edge [px].
    pub left: f64,
    /// Top edge [px].
    pub top: f64,
    /// Right edge [px].
    pub right: f64,
    /// Bottom edge [px].
    pub bottom: f64,
    /// Horizontal scale.
    pub x: Scale,
    /// Vertical scale.
    pub y: Scale,
}

impl Plot {
    /// The pixel of value `(x, y)`.
    pub(crate) fn at(&self, x: f64, y: f64) -> (f64, f64) {
        (self.x_px(x), self.y_px(y))
    }

    /// The horizontal pixel of `x`.
    pub(crate) fn x_px(&self, x: f64) -> f64 {
        self.left + self.x.frac(x) * (self.right - self.left)
    }

    /// The vertical pixel of `y`.
    pub(crate) fn y_px(&self, y: f64) -> f64 {
        self.bottom - self.y.frac(y) * (self.bottom - self.top)
    }

    /// Grid lines and tick labels of both axes, the axis lines, the unit
    /// of `y` above its axis and the name of `x` under its.
    pub(crate) fn axes(&self, c: &mut Canvas<'_>, x_name: &str, y_unit: &str) {
        for (v, label) in &self.y.ticks {
            let y = self.y_px(*v);
            c.line((self.left, y), (self.right, y), GRID, 1);
            c.text(label, (self.left - 6.0, y), 11.0, MUTED, Align::Right);
        }
        for (v, label) in &self.x.ticks {
            let x = self.x_px(*v);
            c.line((x, self.bottom), (x, self.bottom + 4.0), AXIS, 1);
            c.text(label, (x, self.bottom + 13.0), 11.0, MUTED, Align::Centre);
        }
        c.line((self.left, self.bottom), (self.right, self.bottom), AXIS, 1);
        c.line((self.left, self.top), (self.left, self.bottom), AXIS, 1);
        c.text(
            y_unit,
            (self.left - 6.0, self.top - 12.0),
            11.0,
            MUTED,
            Align::Left,
        );
        c.text(
            x_name,
            ((self.left + self.right) / 2.0, self.bottom + 30.0),
            11.0,
            MUTED,
            Align::Centre,
        );
    }
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
        let label = t!(lang, CHART_OTHER_DISTRICTS, n = rest.len().to_string());
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_read_well() {
        assert_eq!(grouped(1234567.891, 0), "1,234,568");
        assert_eq!(grouped(-1234.5, 1), "−1,234.5");
        assert_eq!(grouped(-0.0001, 0), "0");
        assert_eq!(compact(20_000.0, Lang::En), "20k");
        assert_eq!(compact(20_000.0, Lang::Zh), "2万");
        assert_eq!(compact(350_000_000.0, Lang::Zh), "3.5亿");
        assert_eq!(compact(2_500_000.0, Lang::En), "2.5M");
        assert_eq!(compact(500.0, Lang::En), "500");
        assert_eq!(compact(0.25, Lang::En), "0.25");
        assert_eq!(compact(-0.05, Lang::En), "−0.05");
        assert_eq!(readable(0.004), "0.004");
    }

    #[test]
    fn log_ticks_never_read_zero() {
        let s = Scale::log(0.03, 690_155.0, &|v| log_label(v, Lang::En));
        assert_eq!(s.lo, 0.01);
        assert_eq!(s.hi, 1e6);
        for (v, l) in &s.ticks {
            assert!(*v > 0.0);
            assert_ne!(l, "0", "{:?}", s.ticks);
        }
        assert_eq!(s.ticks[0].1, "0.01");
        assert_eq!(s.ticks.last().unwrap().1, "1M");
        // Few decades: 1, 2, 5 ticks.
        let s = Scale::log(2_160.0, 69_000.0, &|v| log_label(v, Lang::Zh));
        let labels: Vec<&str> = s.ticks.iter().map(|t| t.1.as_str()).collect();
        assert_eq!(
            labels,
            ["1,000", "2,000", "5,000", "1万", "2万", "5万", "10万"]
        );
        assert!((s.frac(10_000.0) - 0.5).abs() < 1e-12);
        assert_eq!(s.frac(0.0), 0.0);
    }

    #[test]
    fn linear_ticks_are_round_and_cover_the_range() {
        let s = Scale::linear(0.0, 87.0, 5, &|v| compact(v, Lang::En));
        let v: Vec<f64> = s.ticks.iter().map(|t| t.0).collect();
        assert_eq!(v, [0.0, 20.0, 40.0, 60.0, 80.0, 100.0]);
        let s = Scale::linear(-3.0, 7.0, 5, &|v| compact(v, Lang::En));
        assert_eq!(s.ticks.first().unwrap().1, "−4");
        assert!(s.ticks.iter().any(|t| t.1 == "0"));
        // An empty range still gives a scale.
        let s = Scale::linear(0.0, 0.0, 5, &|v| compact(v, Lang::En));
        assert!(s.hi > s.lo);
    }

    #[test]
    fn chinese_text_is_wider() {
        assert!(text_width("短缺人日", 12.0) > text_width("abcd", 12.0) * 1.5);
        assert_eq!(fit("short", 12.0, 100.0), "short");
        assert!(fit(&"x".repeat(100), 12.0, 100.0).ends_with('…'));
    }
}
