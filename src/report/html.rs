//! `report.html`: one self-contained page of a run, in English or
//! Chinese: its outcomes, charts of the city day by day, the closures and
//! the plan's response, and the full timeline.
//!
//! The page has no script and asks for nothing over the network: its
//! charts are inline SVG drawn by baogong ([`super::charts`]), its style
//! an inline style sheet that uses the viewer's own fonts. It opens from
//! disk in any browser and prints as it shows.
//!
//! The page is built from [`Section`]s, so that another page (the drill's
//! after-action report) can take the run's sections and add its own:
//! [`run_sections`] gives them, [`document`] puts sections into a page.

use std::fmt::Write as _;

use super::charts::{self, ChartError, Figure};
use super::draw::{grouped, readable};
use crate::i18n::{Lang, Msg, msg, names};
use crate::model::metrics::Happening;
use crate::model::{RunResult, Scenario};
use crate::t;

/// A part of a page: an anchor, a heading and its HTML.
#[derive(Debug, Clone, PartialEq)]
pub struct Section {
    /// Its `id`, for links (`timeline`).
    pub id: String,
    /// Its heading, plain text.
    pub heading: String,
    /// Its body, HTML.
    pub html: String,
}

/// `s` with the characters that HTML gives meaning to escaped.
pub fn escape(s: &str) -> String {
    let mut o = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => o.push_str("&amp;"),
            '<' => o.push_str("&lt;"),
            '>' => o.push_str("&gt;"),
            '"' => o.push_str("&quot;"),
            '\'' => o.push_str("&#39;"),
            c => o.push(c),
        }
    }
    o
}

/// The style sheet: the viewer's fonts, Chinese ones first for Chinese.
const STYLE: &str = r#"
:root { --ink: #212121; --muted: #6e6e6e; --line: #e4e4e4; --band: #f6f6f4; }
* { box-sizing: border-box; }
body { margin: 0 auto; max-width: 900px; padding: 24px 20px 48px; color: var(--ink);
  font: 15px/1.55 system-ui, -apple-system, "Segoe UI", "PingFang SC", "Hiragino Sans GB",
  "Microsoft YaHei", "Noto Sans CJK SC", "Source Han Sans SC", "WenQuanYi Micro Hei", sans-serif; }
:lang(zh) body, body:lang(zh) { font-family: "PingFang SC", "Hiragino Sans GB", "Microsoft YaHei",
  "Noto Sans CJK SC", "Source Han Sans SC", "WenQuanYi Micro Hei", system-ui, sans-serif; }
svg text { font-family: inherit; }
h1 { font-size: 1.6em; margin: 0 0 4px; }
h2 { font-size: 1.25em; margin: 36px 0 8px; padding-bottom: 4px; border-bottom: 2px solid var(--line); }
h3 { font-size: 1.02em; margin: 22px 0 6px; }
p.meta, p.note, footer { color: var(--muted); font-size: 0.9em; }
nav ol { padding-left: 1.4em; margin: 8px 0 0; }
figure { margin: 14px 0 24px; }
figure svg { display: block; max-width: 100%; height: auto; }
figcaption { font-weight: 600; margin-bottom: 4px; }
table { border-collapse: collapse; width: 100%; font-size: 0.88em; margin: 8px 0 16px; }
th, td { text-align: left; padding: 4px 8px; border-bottom: 1px solid var(--line); vertical-align: top; }
th { background: var(--band); font-weight: 600; }
td.n, th.n { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
td.when { white-space: nowrap; font-variant-numeric: tabular-nums; }
span.tag { display: inline-block; padding: 0 6px; border-radius: 3px; font-size: 0.85em;
  background: #eee; white-space: nowrap; }
span.closure { background: #dbe9f6; } span.decision { background: #dff0d8; }
span.inject { background: #fde3c8; } span.stockout { background: #f8d7d7; }
span.panic { background: #ecdff5; } span.supply { background: #d9f2ef; }
div.wide { overflow-x: auto; }
table.closures { width: auto; }
table.closures th, table.closures td { white-space: nowrap; }
details > summary { cursor: pointer; color: var(--muted); margin: 6px 0; }
@media print { body { max-width: none; } h2 { break-after: avoid; } figure, tr { break-inside: avoid; } }
"#;

/// A page of `sections`, titled `title`, with `intro` (HTML) under the
/// title and a table of contents.
pub fn document(lang: Lang, title: &str, intro: &str, sections: &[Section]) -> String {
    let mut o = String::new();
    let code = match lang {
        Lang::En => "en",
        Lang::Zh => "zh-CN",
    };
    let _ = write!(
        o,
        "<!DOCTYPE html>\n<html lang=\"{code}\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <title>{}</title>\n<style>{STYLE}</style>\n</head>\n<body>\n<header>\n<h1>{}</h1>\n{intro}\n</header>\n",
        escape(title),
        escape(title)
    );
    let _ = writeln!(
        o,
        "<nav><strong>{}</strong><ol>",
        msg::HTML_CONTENTS.get(lang)
    );
    for s in sections {
        let _ = writeln!(
            o,
            "<li><a href=\"#{}\">{}</a></li>",
            escape(&s.id),
            escape(&s.heading)
        );
    }
    o.push_str("</ol></nav>\n");
    for s in sections {
        let _ = write!(
            o,
            "<section id=\"{}\">\n<h2>{}</h2>\n{}</section>\n",
            escape(&s.id),
            escape(&s.heading),
            s.html
        );
    }
    let _ = write!(
        o,
        "<footer><p>{}</p></footer>\n</body>\n</html>\n",
        escape(&t!(
            lang,
            HTML_FOOTER,
            version = env!("CARGO_PKG_VERSION").to_string()
        ))
    );
    o
}

/// The run's page: [`run_sections`] in a [`document`].
pub fn page(sc: &Scenario, r: &RunResult, lang: Lang) -> Result<String, ChartError> {
    let title = t!(lang, HTML_TITLE, name = r.scenario.clone());
    Ok(document(
        lang,
        &title,
        &intro(sc, r, lang),
        &run_sections(sc, r, lang)?,
    ))
}

/// The lines under the page's title: the description and the run.
pub fn intro(sc: &Scenario, r: &RunResult, lang: Lang) -> String {
    let mut o = String::new();
    if !sc.description.trim().is_empty() {
        let _ = writeln!(o, "<p>{}</p>", escape(sc.description.trim()));
    }
    let meta = t!(
        lang,
        HTML_META,
        days = r.days.to_string(),
        seed = r.seed.to_string(),
        rep = r.replication.to_string(),
        residents = grouped(r.population as f64, 0),
        buildings = grouped(r.buildings as f64, 0),
        stores = grouped(r.stores as f64, 0),
        events = grouped(r.events as f64, 0)
    );
    let _ = writeln!(o, "<p class=\"meta\">{}</p>", escape(&meta));
    o
}

/// The sections of a run: outcomes, the city day by day, closures and
/// the response, the timeline.
pub fn run_sections(sc: &Scenario, r: &RunResult, lang: Lang) -> Result<Vec<Section>, ChartError> {
    let figs = charts::run_figures(sc, r, lang)?;
    let (closure_figs, city_figs): (Vec<&Figure>, Vec<&Figure>) = figs
        .iter()
        .partition(|f| ["closures", "response", "backlog", "wait", "orders"].contains(&f.id));
    let mut city = format!(
        "<p class=\"note\">{}</p>\n",
        escape(msg::HTML_CITY_NOTE.get(lang))
    );
    for f in city_figs {
        city.push_str(&figure(f));
    }
    let mut closures = String::new();
    for f in closure_figs {
        closures.push_str(&figure(f));
    }
    closures.push_str(&closure_table(r, lang));
    Ok(vec![
        Section {
            id: "outcomes".into(),
            heading: msg::HTML_SEC_OUTCOMES.get(lang).into(),
            html: outcomes(sc, r, lang),
        },
        Section {
            id: "city".into(),
            heading: msg::HTML_SEC_CITY.get(lang).into(),
            html: city,
        },
        Section {
            id: "closures".into(),
            heading: msg::HTML_SEC_CLOSURES.get(lang).into(),
            html: closures,
        },
        Section {
            id: "timeline".into(),
            heading: msg::HTML_SEC_TIMELINE.get(lang).into(),
            html: timeline(sc, r, lang),
        },
    ])
}

/// A chart as a `<figure>`: its title as the caption, the SVG inline,
/// and what it draws in `data-` attributes (for tests and scripts).
pub fn figure(f: &Figure) -> String {
    let mut o = format!(
        "<figure class=\"chart\" id=\"chart-{}\" data-kind=\"{}\" data-series=\"{}\" data-points=\"{}\">\n<figcaption>{}</figcaption>\n",
        f.id,
        f.kind,
        f.series,
        f.points,
        escape(&f.title)
    );
    if !f.svg.is_empty() {
        let svg = f.svg.replacen(
            "<svg ",
            &format!("<svg role=\"img\" aria-label=\"{}\" ", escape(&f.title)),
            1,
        );
        o.push_str(&svg);
        if !svg.ends_with('\n') {
            o.push('\n');
        }
    }
    if !f.note.is_empty() {
        let _ = writeln!(o, "<p class=\"note\">{}</p>", escape(&f.note));
    }
    o.push_str("</figure>\n");
    o
}

/// A time of the run, from hours since the start: `day 3 08:10`.
pub fn when(lang: Lang, at_h: f64) -> String {
    let minutes = (at_h * 60.0).round().max(0.0) as u64;
    t!(
        lang,
        DAY_TIME,
        day = (minutes / 1_440 + 1).to_string(),
        time = format!("{:02}:{:02}", minutes % 1_440 / 60, minutes % 60)
    )
}

fn row(o: &mut String, cells: &[(&str, String)]) {
    o.push_str("<tr>");
    for (class, text) in cells {
        if class.is_empty() {
            let _ = write!(o, "<td>{text}</td>");
        } else {
            let _ = write!(o, "<td class=\"{class}\">{text}</td>");
        }
    }
    o.push_str("</tr>\n");
}

fn header(o: &mut String, cells: &[(&str, Msg)], lang: Lang) {
    o.push_str("<thead><tr>");
    for (class, t) in cells {
        if class.is_empty() {
            let _ = write!(o, "<th>{}</th>", escape(t.get(lang)));
        } else {
            let _ = write!(o, "<th class=\"{class}\">{}</th>", escape(t.get(lang)));
        }
    }
    o.push_str("</tr></thead>\n");
}

/// The headline outcomes, per goods category, and the costs.
fn outcomes(sc: &Scenario, r: &RunResult, lang: Lang) -> String {
    let o_ = &r.outcomes;
    let unit = |v: String, u: Msg| format!("{v} {}", u.get(lang));
    let rows: [(Msg, String, Msg); 9] = [
        (
            msg::HTML_OUT_SHORTAGE,
            unit(grouped(o_.shortage_person_days, 0), msg::UNIT_PERSON_DAYS),
            msg::HTML_OUT_SHORTAGE_M,
        ),
        (
            msg::HTML_OUT_FIRST,
            unit(grouped(o_.mean_hours_to_first_goods, 1), msg::UNIT_HOURS),
            msg::HTML_OUT_FIRST_M,
        ),
        (
            msg::HTML_OUT_WITHOUT,
            o_.closures_without_goods.to_string(),
            msg::HTML_OUT_WITHOUT_M,
        ),
        (
            msg::HTML_OUT_STOCKOUT,
            unit(grouped(o_.stockout_hours, 0), msg::UNIT_HOURS),
            msg::HTML_OUT_STOCKOUT_M,
        ),
        (
            msg::HTML_OUT_PANIC,
            format!("{:.2}", o_.peak_panic),
            msg::HTML_OUT_PANIC_M,
        ),
        (
            msg::HTML_OUT_PEAK_SALES,
            format!("{:.2}", o_.peak_sales_ratio),
            msg::HTML_OUT_PEAK_SALES_M,
        ),
        (
            msg::HTML_OUT_COST,
            unit(grouped(o_.cost_yuan, 0), msg::UNIT_YUAN),
            msg::HTML_OUT_COST_M,
        ),
        (
            msg::HTML_OUT_SPOILAGE,
            unit(grouped(o_.spoiled_tonnes, 1), msg::UNIT_TONNES),
            msg::HTML_OUT_SPOILAGE_M,
        ),
        (
            msg::HTML_OUT_SCORE,
            grouped(o_.score, 1),
            msg::HTML_OUT_SCORE_M,
        ),
    ];
    let mut o = String::from("<table class=\"outcomes\">\n");
    header(
        &mut o,
        &[
            ("", msg::HTML_COL_MEASURE),
            ("n", msg::HTML_COL_VALUE),
            ("", msg::HTML_COL_MEANING),
        ],
        lang,
    );
    o.push_str("<tbody>\n");
    for (name, value, meaning) in rows {
        row(
            &mut o,
            &[
                ("", escape(name.get(lang))),
                ("n", escape(&value)),
                ("", escape(meaning.get(lang))),
            ],
        );
    }
    o.push_str("</tbody></table>\n");

    let _ = writeln!(o, "<h3>{}</h3>", escape(msg::HTML_SEC_CATEGORIES.get(lang)));
    o.push_str("<table class=\"categories\">\n");
    header(
        &mut o,
        &[
            ("", msg::HTML_COL_CATEGORY),
            ("n", msg::HTML_COL_NEED_T),
            ("n", msg::HTML_COL_UNMET_T),
            ("n", msg::HTML_COL_SHORTAGE),
            ("n", msg::HTML_COL_STOCKOUT_H),
            ("n", msg::HTML_COL_PEAK_SALES),
            ("n", msg::HTML_COL_SPOILED_T),
            ("n", msg::HTML_COL_RESERVE_T),
            ("n", msg::HTML_COL_TRANSFER_T),
        ],
        lang,
    );
    o.push_str("<tbody>\n");
    for (i, c) in r.categories.iter().enumerate() {
        let name = if i < sc.goods.len() {
            charts::category_name(sc, i, lang)
        } else {
            c.category.clone()
        };
        row(
            &mut o,
            &[
                ("", escape(&name)),
                ("n", grouped(c.need_kg / 1e3, 1)),
                ("n", grouped(c.unmet_kg / 1e3, 2)),
                ("n", grouped(c.shortage_person_days, 0)),
                ("n", grouped(c.stockout_hours, 0)),
                ("n", format!("{:.2}", c.peak_sales_ratio)),
                ("n", grouped(c.spoiled_kg / 1e3, 1)),
                ("n", grouped(c.reserve_released_kg / 1e3, 1)),
                ("n", grouped(c.transferred_kg / 1e3, 1)),
            ],
        );
    }
    o.push_str("</tbody></table>\n");

    let _ = writeln!(o, "<h3>{}</h3>", escape(msg::HTML_SEC_COSTS.get(lang)));
    o.push_str("<table class=\"costs\">\n");
    header(
        &mut o,
        &[
            ("", msg::HTML_COL_ITEM),
            ("n", msg::HTML_COL_TOTAL),
            ("n", msg::GOV_PROVINCE),
            ("n", msg::GOV_CITY),
            ("n", msg::GOV_COUNTY),
        ],
        lang,
    );
    o.push_str("<tbody>\n");
    let mut tot = [0.0; 4];
    for c in &r.costs {
        let v = [c.total_yuan, c.province_yuan, c.city_yuan, c.county_yuan];
        for (t, x) in tot.iter_mut().zip(v) {
            *t += x;
        }
        let mut cells = vec![("", escape(names::cost_item(lang, c.item)))];
        cells.extend(v.iter().map(|x| ("n", grouped(*x, 0))));
        row(&mut o, &cells);
    }
    let mut cells = vec![(
        "",
        format!("<strong>{}</strong>", escape(msg::HTML_ALL_ITEMS.get(lang))),
    )];
    cells.extend(
        tot.iter()
            .map(|x| ("n", format!("<strong>{}</strong>", grouped(*x, 0)))),
    );
    row(&mut o, &cells);
    o.push_str("</tbody></table>\n");
    o
}

/// Every closure, in order.
fn closure_table(r: &RunResult, lang: Lang) -> String {
    if r.closures.is_empty() {
        return String::new();
    }
    let mut o = String::new();
    let open = if r.closures.len() <= 60 { " open" } else { "" };
    let _ = writeln!(
        o,
        "<details{open}><summary>{}</summary>",
        escape(&t!(
            lang,
            HTML_CLOSURES_COUNT,
            n = r.closures.len().to_string()
        ))
    );
    o.push_str("<div class=\"wide\"><table class=\"closures\">\n");
    header(
        &mut o,
        &[
            ("n", msg::HTML_COL_ID),
            ("", msg::HTML_COL_LEVEL),
            ("", msg::HTML_COL_PLACE),
            ("", msg::HTML_COL_CAUSE),
            ("n", msg::HTML_COL_RESIDENTS),
            ("", msg::HTML_COL_SEALED),
            ("", msg::HTML_COL_END),
            ("n", msg::HTML_COL_SUPPLIERS),
            ("n", msg::HTML_COL_POINTS),
            ("n", msg::HTML_COL_FIRST),
            ("n", msg::HTML_COL_ORDERS),
            ("n", msg::HTML_COL_WAIT),
            ("n", msg::HTML_COL_SHORTAGE),
        ],
        lang,
    );
    o.push_str("<tbody>\n");
    for c in &r.closures {
        let end = match (c.end_h, c.escalated_to) {
            (Some(e), Some(to)) => t!(
                lang,
                HTML_ABSORBED_BY,
                at = when(lang, e),
                n = to.to_string()
            ),
            (Some(e), None) => when(lang, e),
            (None, _) => msg::HTML_STILL_SEALED.get(lang).to_string(),
        };
        let first = c
            .hours_to_first_goods
            .map_or(msg::CHART_NONE_ARRIVED.get(lang).to_string(), |h| {
                grouped(h, 1)
            });
        row(
            &mut o,
            &[
                ("n", c.id.to_string()),
                ("", escape(&names::level_key(lang, c.level))),
                ("", escape(&c.place)),
                ("", escape(&names::cause(lang, c.cause))),
                ("n", grouped(c.residents as f64, 0)),
                ("when", escape(&when(lang, c.start_h))),
                ("when", escape(&end)),
                ("n", c.suppliers.to_string()),
                ("n", c.points.to_string()),
                ("n", escape(&first)),
                (
                    "n",
                    format!(
                        "{} / {} / {}",
                        grouped(c.orders_placed as f64, 0),
                        grouped(c.orders_served as f64, 0),
                        grouped(c.orders_waiting as f64, 0)
                    ),
                ),
                ("n", readable(c.mean_wait_h)),
                ("n", grouped(c.shortage_person_days, 0)),
            ],
        );
    }
    o.push_str("</tbody></table></div>\n</details>\n");
    o
}

/// The kind of a timeline entry: a CSS class and its name.
fn kind(h: &Happening) -> (&'static str, Msg) {
    match h {
        Happening::Sealed { .. } | Happening::Reopened { .. } => {
            ("closure", msg::HTML_KIND_CLOSURE)
        }
        Happening::Designated { .. }
        | Happening::PointsOpened { .. }
        | Happening::RidersCalled { .. }
        | Happening::Transfer { .. }
        | Happening::ReserveRelease { .. }
        | Happening::PublicityOrdered { .. }
        | Happening::Publicity { .. } => ("decision", msg::HTML_KIND_DECISION),
        Happening::FirstGoods { .. } => ("supply", msg::HTML_KIND_SUPPLY),
        Happening::Injected { .. } => ("inject", msg::HTML_KIND_INJECT),
        Happening::Rumour { .. } => ("inject", msg::HTML_KIND_RUMOUR),
        Happening::StockoutStarted { .. } | Happening::StockoutEnded { .. } => {
            ("stockout", msg::HTML_KIND_STOCKOUT)
        }
        Happening::PanicJump { .. } => ("panic", msg::HTML_KIND_PANIC),
    }
}

/// Every entry of the timeline, in order.
fn timeline(sc: &Scenario, r: &RunResult, lang: Lang) -> String {
    if r.timeline.is_empty() {
        return format!("<p>{}</p>\n", escape(msg::HTML_NOTHING_HAPPENED.get(lang)));
    }
    let mut o = format!(
        "<p class=\"note\">{}</p>\n<table class=\"timeline\">\n",
        escape(&t!(
            lang,
            HTML_TIMELINE_COUNT,
            n = r.timeline.len().to_string()
        ))
    );
    header(
        &mut o,
        &[
            ("", msg::HTML_COL_WHEN),
            ("", msg::HTML_COL_KIND),
            ("", msg::HTML_COL_WHAT),
        ],
        lang,
    );
    o.push_str("<tbody>\n");
    for e in &r.timeline {
        let (class, name) = kind(&e.what);
        let _ = writeln!(
            o,
            "<tr class=\"{class}\"><td class=\"when\">{}</td><td><span class=\"tag {class}\">{}</span></td><td>{}</td></tr>",
            escape(&when(lang, e.at_h)),
            escape(name.get(lang)),
            escape(&super::happening(sc, lang, &e.what))
        );
    }
    o.push_str("</tbody></table>\n");
    o
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_and_times() {
        assert_eq!(escape("a<b & \"c\""), "a&lt;b &amp; &quot;c&quot;");
        assert_eq!(when(Lang::En, 32.0 + 1.0 / 6.0), "day 2 08:10");
        assert_eq!(when(Lang::Zh, 0.0), "第 1 天 00:00");
    }
}
