//! The drawing that baogong's charts share, over plotters' SVG backend: a
//! canvas in pixels, scales with round ticks (linear, and logarithmic with
//! ticks at powers of ten, never 0), number formats in both languages,
//! legends in a band of their own, and a plotting area with its axes.
//!
//! What the SVG holds is kept regular, so that a test (or a reader's
//! script) can find the data in it: every line series is one `<polyline>`,
//! every bar one `<rect>`, every dot one `<circle>`; axes and grid lines
//! are `<line>`s, legend swatches and marks `<polygon>`s. Text is left to
//! the viewer's fonts (no font is embedded or fetched); the HTML page's
//! style sheet chooses fonts with Chinese glyphs.

use plotters::coord::Shift;
use plotters::element::{Drawable, PointCollection};
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};
use plotters_backend::{BackendCoord, DrawingErrorKind};

use crate::i18n::Lang;

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
        // Ticks read best without trailing zeros (0.5, not 0.50).
        _ => {
            let r = readable(x);
            if r.contains('.') {
                r.trim_end_matches('0').trim_end_matches('.').to_string()
            } else {
                r
            }
        }
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
        let within = step.is_finite() && step > 0.0 && (last - first).abs() <= 1_000.0;
        if !within || !first.is_finite() || !last.is_finite() {
            // Values too far apart for round ticks (they overflow): the
            // two ends only.
            let (lo, hi) = if (hi - lo).is_finite() {
                (lo, hi)
            } else {
                (lo / 2.0, hi / 2.0)
            };
            return Scale {
                lo,
                hi,
                log: false,
                ticks: vec![(lo, label(lo)), (hi, label(hi))],
            };
        }
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
        assert_eq!(compact(0.5, Lang::En), "0.5");
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
