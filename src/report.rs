//! Outputs of a run: the readable text report, JSON, and the CSV files.
//!
//! Every renderer returns bytes; [`write_all_or_nothing`] puts a set of
//! files in place only when every one of them rendered, each through a
//! temporary file and a rename, so that a reader never sees half a file.
//!
//! The text report is [`text`] (a function of the scenario, the result and
//! the language, for the drill's after-action report to build on), its
//! timeline lines [`happening`], its tables [`table`], and scripted events
//! in words [`scripted`]. `report.html` is [`html`], its charts
//! [`charts`], the drawing they share with the sweep's chart `draw`.

pub mod charts;
pub(crate) mod draw;
pub mod html;
pub mod scripted;
pub mod table;
mod text;

use std::io;
use std::path::{Path, PathBuf};

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
        ("closures.csv".to_string(), csv_bytes(&r.closures)?),
        ("closure_days.csv".to_string(), csv_bytes(&r.closure_days)?),
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

/// Writes every file into `dir` (created if missing), each first to a
/// temporary name and then renamed. Every destination is checked before the
/// first rename; on any failure the temporary files are removed, so no file
/// of the set is put in place half-written. Its own errors are in `lang`.
pub fn write_all_or_nothing(dir: &Path, files: &[(String, Vec<u8>)], lang: Lang) -> io::Result<()> {
    std::fs::create_dir_all(dir)?;
    for (name, _) in files {
        let dest = dir.join(name);
        if dest.is_dir() {
            return Err(io::Error::new(
                io::ErrorKind::AlreadyExists,
                crate::t!(lang, DEST_IS_DIRECTORY, path = dest.display()),
            ));
        }
    }
    let mut temps: Vec<(PathBuf, PathBuf)> = Vec::new();
    let mut result = (|| {
        for (name, bytes) in files {
            let tmp = dir.join(format!(".{name}.partial"));
            temps.push((tmp.clone(), dir.join(name)));
            std::fs::write(&tmp, bytes)?;
        }
        Ok(())
    })();
    if result.is_ok() {
        for (tmp, dest) in &temps {
            if let Err(e) = std::fs::rename(tmp, dest) {
                result = Err(e);
                break;
            }
        }
    }
    if result.is_err() {
        for (tmp, _) in &temps {
            let _ = std::fs::remove_file(tmp);
        }
    }
    result
}
