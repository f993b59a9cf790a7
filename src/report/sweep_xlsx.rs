//! `summary.xlsx`: the sweep's summary as an Excel workbook, for the
//! planners who open results in Excel (a CSV file in UTF-8 without a byte
//! order mark shows Chinese names garbled in Excel on Chinese Windows; a
//! workbook does not have that problem).
//!
//! * **Summary**: one row per setting; per outcome (the score, then each
//!   term of the score in its natural unit), the mean and its 95%
//!   interval, the median and 95th percentile, the paired difference from
//!   the baseline with its interval, and the verdict; numbers formatted
//!   for reading; the header rows and the setting columns frozen.
//! * **All columns**: every column of `replications.csv`, as `summary.csv`
//!   has them, one row per setting and column.
//! * **About**: what was swept and how to read it.
//!
//! Headers are in the chosen language. The bytes depend on the summary
//! alone: the workbook's creation date is fixed (1980-01-01, the earliest
//! date a zip file can hold, as its entries carry), not the clock's.

use rust_xlsxwriter::{
    Color, DocProperties, ExcelDateTime, Format, FormatAlign, FormatBorder, Workbook, Worksheet,
    XlsxError,
};

use super::draw::text_width;
use super::sweep_chart::{outcomes, verdict_word};
use crate::i18n::Lang;
use crate::i18n::{Msg, msg};
use crate::sweep::manifest::Manifest;
use crate::sweep::summary::{Summary, Verdict};

/// Sub-columns of each outcome on the summary sheet.
const SUB: [Msg; 9] = [
    msg::XLSX_MEAN,
    msg::XLSX_CI_LOW,
    msg::XLSX_CI_HIGH,
    msg::XLSX_MEDIAN,
    msg::XLSX_P95,
    msg::XLSX_DIFF,
    msg::XLSX_DIFF_LOW,
    msg::XLSX_DIFF_HIGH,
    msg::XLSX_VERDICT,
];

/// A number format with `decimals` decimals and thousands separators.
fn number_format(decimals: usize) -> String {
    if decimals == 0 {
        "#,##0".to_string()
    } else {
        format!("#,##0.{}", "0".repeat(decimals))
    }
}

/// Width of a column for `text`, in Excel's character units (a Chinese
/// character takes about two).
fn width_for(text: &str) -> f64 {
    (text_width(text, 1.0) / 0.58 + 2.0).clamp(8.0, 60.0)
}

fn write_num(
    ws: &mut Worksheet,
    row: u32,
    col: u16,
    v: Option<f64>,
    f: &Format,
) -> Result<(), XlsxError> {
    match v {
        Some(v) if v.is_finite() => {
            // `+ 0.0`: no "-0".
            ws.write_number_with_format(row, col, v + 0.0, f)?;
        }
        _ => {
            ws.write_blank(row, col, f)?;
        }
    }
    Ok(())
}

/// The workbook's bytes.
pub(crate) fn workbook(s: &Summary, m: &Manifest, lang: Lang) -> Result<Vec<u8>, XlsxError> {
    let mut wb = Workbook::new();
    let created = ExcelDateTime::from_ymd(1980, 1, 1)?;
    wb.set_properties(
        &DocProperties::new()
            .set_title(format!("baogong: {}", s.scenario))
            .set_author("baogong")
            .set_creation_datetime(&created),
    );
    let head = Format::new()
        .set_bold()
        .set_text_wrap()
        .set_align(FormatAlign::Center)
        .set_align(FormatAlign::VerticalCenter)
        .set_background_color(Color::RGB(0xF0F0EC))
        .set_border_bottom(FormatBorder::Thin);
    // An outcome's name at the start of its group, where it stays in view
    // as the sheet scrolls.
    let group = head
        .clone()
        .set_align(FormatAlign::Left)
        .set_background_color(Color::RGB(0xDDE8F3));
    let text = Format::new();
    let bold = Format::new().set_bold();
    let int = Format::new().set_num_format("0");
    let share = Format::new().set_num_format("0.0%");
    let verdict_format = |v: Option<Verdict>| match v {
        Some(Verdict::Better) => Format::new()
            .set_font_color(Color::RGB(0x1A8C3C))
            .set_bold(),
        Some(Verdict::Worse) => Format::new()
            .set_font_color(Color::RGB(0xC82828))
            .set_bold(),
        _ => Format::new().set_font_color(Color::RGB(0x6E6E6E)),
    };

    // --- Summary ---------------------------------------------------------
    let ws = wb.add_worksheet();
    ws.set_name(msg::XLSX_SHEET_SUMMARY.get(lang))?;
    ws.merge_range(0, 0, 1, 0, msg::XLSX_SETTING.get(lang), &head)?;
    ws.merge_range(0, 1, 1, 1, msg::XLSX_LABEL.get(lang), &head)?;
    let label_width = s
        .labels
        .iter()
        .map(|l| width_for(l))
        .fold(width_for(msg::XLSX_LABEL.get(lang)), f64::max);
    ws.set_column_width(0, 6)?;
    ws.set_column_width(1, label_width)?;
    let outs = outcomes();
    for (k, o) in outs.iter().enumerate() {
        let first = 2 + (k * SUB.len()) as u16;
        ws.merge_range(
            0,
            first,
            0,
            first + SUB.len() as u16 - 1,
            o.name.get(lang),
            &group,
        )?;
        for (j, t) in SUB.iter().enumerate() {
            ws.write_string_with_format(1, first + j as u16, t.get(lang), &head)?;
            ws.set_column_width(first + j as u16, 13)?;
        }
    }
    ws.set_row_height(1, 32)?;
    for (i, label) in s.labels.iter().enumerate() {
        let row = 2 + i as u32;
        let is_base = i == s.baseline;
        ws.write_number_with_format(row, 0, i as f64, &int)?;
        ws.write_string_with_format(row, 1, label, if is_base { &bold } else { &text })?;
        for (k, o) in outs.iter().enumerate() {
            let first = 2 + (k * SUB.len()) as u16;
            let f = Format::new().set_num_format(number_format(o.decimals));
            let cell = s.cell(i, o.column);
            let e = cell.and_then(|c| c.estimate);
            let ci = e.and_then(|e| e.interval());
            let t = cell.and_then(|c| c.tail);
            let d = cell.and_then(|c| c.diff);
            let dci = d.and_then(|d| d.interval());
            let values = [
                e.map(|e| e.mean),
                ci.map(|c| c.0),
                ci.map(|c| c.1),
                t.map(|t| t.median),
                t.map(|t| t.p95),
                d.map(|d| d.mean),
                dci.map(|c| c.0),
                dci.map(|c| c.1),
            ];
            for (j, v) in values.iter().enumerate() {
                write_num(ws, row, first + j as u16, *v, &f)?;
            }
            let v = Verdict::of(is_base, d.as_ref());
            ws.write_string_with_format(
                row,
                first + 8,
                v.map_or("", |v| verdict_word(v).get(lang)),
                &verdict_format(v),
            )?;
        }
    }
    ws.set_freeze_panes(2, 2)?;
    // Printed: landscape, headers and settings on every page.
    ws.set_landscape();
    ws.set_repeat_rows(0, 1)?;
    ws.set_repeat_columns(0, 1)?;

    // --- All columns -----------------------------------------------------
    let ws = wb.add_worksheet();
    ws.set_name(msg::XLSX_SHEET_ALL.get(lang))?;
    let headers = [
        msg::XLSX_SETTING,
        msg::XLSX_LABEL,
        msg::XLSX_COLUMN,
        msg::XLSX_N,
        msg::XLSX_MEAN,
        msg::XLSX_SD,
        msg::XLSX_CI_LOW,
        msg::XLSX_CI_HIGH,
        msg::XLSX_MEDIAN,
        msg::XLSX_P90,
        msg::XLSX_P95,
        msg::XLSX_SHARE,
        msg::XLSX_DIFF,
        msg::XLSX_DIFF_LOW,
        msg::XLSX_DIFF_HIGH,
        msg::XLSX_VERDICT,
        msg::XLSX_RANK,
    ];
    for (j, h) in headers.iter().enumerate() {
        ws.write_string_with_format(0, j as u16, h.get(lang), &head)?;
        ws.set_column_width(j as u16, 13)?;
    }
    ws.set_row_height(0, 32)?;
    ws.set_column_width(1, label_width)?;
    ws.set_column_width(2, 30)?;
    // Excel's general format: the analysts' sheet shows the values as
    // they are, to about eleven digits.
    let general = Format::new();
    let mut row = 1u32;
    for (i, cells) in s.cells.iter().enumerate() {
        for c in cells {
            let e = c.estimate;
            let ci = e.and_then(|e| e.interval());
            let d = c.diff;
            let dci = d.and_then(|d| d.interval());
            ws.write_number_with_format(row, 0, i as f64, &int)?;
            ws.write_string(row, 1, &s.labels[i])?;
            ws.write_string(row, 2, &c.column)?;
            ws.write_number_with_format(row, 3, e.map_or(0, |e| e.n) as f64, &int)?;
            let values = [
                e.map(|e| e.mean),
                e.and_then(|e| e.sd),
                ci.map(|c| c.0),
                ci.map(|c| c.1),
                c.tail.map(|t| t.median),
                c.tail.map(|t| t.p90),
                c.tail.map(|t| t.p95),
            ];
            for (j, v) in values.iter().enumerate() {
                write_num(ws, row, 4 + j as u16, *v, &general)?;
            }
            write_num(ws, row, 11, c.tail.map(|t| t.share_above_0), &share)?;
            for (j, v) in [d.map(|d| d.mean), dci.map(|c| c.0), dci.map(|c| c.1)]
                .iter()
                .enumerate()
            {
                write_num(ws, row, 12 + j as u16, *v, &general)?;
            }
            let v = Verdict::of(i == s.baseline, d.as_ref());
            ws.write_string_with_format(
                row,
                15,
                v.map_or("", |v| verdict_word(v).get(lang)),
                &verdict_format(v),
            )?;
            write_num(ws, row, 16, c.rank.map(|r| r as f64), &int)?;
            row += 1;
        }
    }
    ws.set_freeze_panes(1, 3)?;
    ws.set_landscape();
    ws.set_repeat_rows(0, 0)?;

    // --- About -----------------------------------------------------------
    let ws = wb.add_worksheet();
    ws.set_name(msg::XLSX_SHEET_ABOUT.get(lang))?;
    ws.set_column_width(0, 24)?;
    ws.set_column_width(1, 90)?;
    ws.set_landscape();
    ws.set_print_fit_to_pages(1, 0);
    let baseline = s.labels.get(s.baseline).cloned().unwrap_or_default();
    let facts = [
        (msg::XLSX_ABOUT_SCENARIO, s.scenario.clone()),
        (msg::XLSX_ABOUT_SEED, m.seed.to_string()),
        (msg::XLSX_ABOUT_REPS, s.replications.to_string()),
        (msg::XLSX_ABOUT_BASELINE, baseline),
        (msg::XLSX_ABOUT_VERSION, format!("baogong {}", m.baogong)),
    ];
    for (r, (k, v)) in facts.iter().enumerate() {
        ws.write_string_with_format(r as u32, 0, k.get(lang), &bold)?;
        ws.write_string(r as u32, 1, v)?;
    }
    let wrap = Format::new().set_text_wrap();
    for (r, note) in [
        msg::XLSX_ABOUT_NOTE_1,
        msg::XLSX_ABOUT_NOTE_2,
        msg::XLSX_ABOUT_NOTE_3,
        msg::XLSX_ABOUT_NOTE_4,
        msg::XLSX_ABOUT_NOTE_5,
    ]
    .iter()
    .enumerate()
    {
        ws.write_string_with_format((facts.len() + 1 + r) as u32, 1, note.get(lang), &wrap)?;
    }
    wb.save_to_buffer()
}
