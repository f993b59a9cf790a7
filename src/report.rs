//! Outputs of a run: the readable text report, JSON, and the CSV files.
//!
//! Every renderer returns bytes; [`outdir`] puts a set of files in place
//! only when every one of them is written, by renaming a folder, so that
//! a reader never sees half a set (nor two runs' files in one folder).
//! `events.csv` is written as the run goes ([`TraceCsv`]).
//!
//! The text report is [`text`] (a function of the scenario, the result and
//! the language, for the drill's after-action report to build on), its
//! timeline lines [`happening`], its tables [`table`], and scripted events
//! in words [`scripted`]. `report.html` is [`html`], its charts
//! [`charts`], the drawing they share with the sweep's chart `draw`.

pub mod charts;
pub(crate) mod draw;
pub mod html;
pub mod outdir;
pub mod scripted;
pub mod sweep_chart;
pub mod sweep_files;
mod sweep_xlsx;
pub mod table;
mod text;

use std::io;
use std::path::Path;

use crate::i18n::Lang;
use crate::model::RunResult;
use crate::model::Scenario;

pub use text::{TextOptions, description, happening, text, text_with, warning};

/// The run as pretty JSON (daily series and trace excluded; they go to CSV).
pub fn json(r: &RunResult) -> String {
    let mut s =
        serde_json::to_string_pretty(r).unwrap_or_else(|e| format!("{{\"error\": \"{e}\"}}"));
    s.push('\n');
    s
}

/// Serializes rows as CSV with a header from the row type.
pub fn csv_bytes<T: serde::Serialize>(rows: &[T]) -> Result<Vec<u8>, csv::Error> {
    let mut w = csv::Writer::from_writer(Vec::new());
    for r in rows {
        w.serialize(r)?;
    }
    w.into_inner().map_err(|e| csv::Error::from(e.into_error()))
}

/// [`csv_bytes`], with the header alone when there are no rows (a run with
/// no closure still writes `closures.csv`'s header, not an empty file).
pub fn csv_bytes_headed<T: serde::Serialize + Default>(rows: &[T]) -> Result<Vec<u8>, csv::Error> {
    if !rows.is_empty() {
        return csv_bytes(rows);
    }
    let one = csv_bytes(&[T::default()])?;
    let end = one
        .iter()
        .position(|&b| b == b'\n')
        .map_or(one.len(), |i| i + 1);
    Ok(one[..end].to_vec())
}

/// The files of `run --out DIR`: name and contents, `report.txt` in
/// English ([`run_files_in`] for another language).
pub fn run_files(
    sc: &Scenario,
    r: &RunResult,
    trace: bool,
) -> Result<Vec<(String, Vec<u8>)>, csv::Error> {
    run_files_in(sc, r, trace, Lang::En, TextOptions::default())
}

/// The files of `run --out DIR`: name and contents; `report.txt` in
/// `lang`, with the closures listed as `opts` says.
pub fn run_files_in(
    sc: &Scenario,
    r: &RunResult,
    trace: bool,
    lang: Lang,
    opts: TextOptions,
) -> Result<Vec<(String, Vec<u8>)>, csv::Error> {
    let mut files = vec![
        (
            "report.txt".to_string(),
            text_with(sc, r, lang, opts).into_bytes(),
        ),
        ("daily.csv".to_string(), csv_bytes(&r.daily)?),
        ("closures.csv".to_string(), csv_bytes_headed(&r.closures)?),
        (
            "closure_days.csv".to_string(),
            csv_bytes_headed(&r.closure_days)?,
        ),
        ("costs.csv".to_string(), csv_bytes(&r.costs)?),
        (
            "report.html".to_string(),
            html::page(sc, r, lang)
                .map_err(|e| csv::Error::from(io::Error::other(e)))?
                .into_bytes(),
        ),
    ];
    if trace {
        files.push(("events.csv".to_string(), csv_bytes(&r.trace)?));
    }
    Ok(files)
}

/// `events.csv` written as the run goes: each event becomes a row the
/// moment it is simulated, so that a traced run never holds its events in
/// memory. The first write error is kept and given by [`TraceCsv::finish`].
#[derive(Debug)]
pub struct TraceCsv {
    w: csv::Writer<std::fs::File>,
    error: Option<csv::Error>,
}

impl TraceCsv {
    /// Creates `path` with the header of `events.csv`.
    pub fn create(path: &Path) -> Result<TraceCsv, csv::Error> {
        let mut w = csv::Writer::from_path(path)?;
        w.write_record(["time_s", "time", "event"])?;
        Ok(TraceCsv { w, error: None })
    }

    /// Flushes the file; the first error met, if any.
    pub fn finish(mut self) -> Result<(), csv::Error> {
        if let Some(e) = self.error.take() {
            return Err(e);
        }
        self.w.flush()?;
        Ok(())
    }
}

impl crate::model::metrics::TraceSink for TraceCsv {
    fn event(&mut self, row: crate::model::metrics::TraceRow) {
        if self.error.is_none() {
            let time_s = row.time_s.to_string();
            if let Err(e) =
                self.w
                    .write_record([time_s.as_str(), row.time.as_str(), row.event.as_str()])
            {
                self.error = Some(e);
            }
        }
    }
}
