//! Output folders that hold one run's (or one sweep's) files, all of them
//! or none.
//!
//! [`OutDir::prepare`] checks `--out DIR` before any work: a folder that
//! already holds files is refused unless the caller replaces it
//! ([`Mode::Force`]) or continues the sweep in it ([`Mode::Resume`]). The
//! files are then written into a hidden sibling folder, `.DIR.partial/`,
//! whose `out/` subfolder [`OutDir::publish`] renames to `DIR` in one step;
//! with `--force`, the old `DIR` is first renamed away and removed after,
//! so no folder ever holds files of two runs.
//!
//! `.DIR.partial/` also holds `lock`, locked while a process writes there
//! (so that two processes never write one folder), and whatever the caller
//! keeps beside `out/` (a sweep's journal of finished replications, which
//! `--resume` continues). A `.DIR.partial/` whose lock is free was left by a
//! process that was killed: a run's is removed; one holding a sweep journal
//! is kept for `--resume` (or discarded by `--force`).

use std::fs::{self, File, OpenOptions};
use std::io;
use std::path::{Path, PathBuf};

use crate::i18n::Text;
use crate::text;

/// Name of the lock file in the staging folder.
const LOCK: &str = "lock";
/// Name of the file that marks a staging folder as a resumable sweep.
pub const JOURNAL_MARK: &str = crate::sweep::journal::MANIFEST;

/// What to do with a folder that already holds files.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    /// Refuse it. By default.
    Fresh,
    /// Replace it (`--force`): its files go only when the new set is ready.
    Force,
    /// Continue the sweep it was interrupted in (`--resume`).
    Resume,
}

/// Why an output folder cannot be used.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum OutDirError {
    /// The folder is refused as it stands (bad input, exit code 2): it holds
    /// other files, it is a file, another process writes it.
    #[error("{0}")]
    Refused(Text),
    /// The file system failed (exit code 1).
    #[error("{context}: {source}")]
    Io {
        /// What was being done.
        context: Text,
        /// The system's error.
        source: io::Error,
    },
}

impl OutDirError {
    /// The error in `lang`.
    pub fn render(&self, lang: crate::i18n::Lang) -> String {
        match self {
            OutDirError::Refused(t) => t.get(lang).to_string(),
            OutDirError::Io { context, source } => {
                crate::t!(
                    lang,
                    ERROR_CAUSE,
                    context = context.get(lang),
                    cause = source
                )
            }
        }
    }
}

fn io_err(path: &Path) -> impl FnOnce(io::Error) -> OutDirError + '_ {
    move |source| OutDirError::Io {
        context: text!(CANNOT_WRITE_PATH, path = path.display()),
        source,
    }
}

/// The state of `DIR` found by [`OutDir::prepare`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Found {
    /// Nothing there yet, or an empty folder.
    Nothing,
    /// `DIR` holds files (allowed by `--force` or `--resume`).
    Files,
    /// A journal left by an interrupted sweep (only with `--resume`, or
    /// discarded with `--force`).
    Journal,
}

/// An output folder being written: the destination and its staging folder.
#[derive(Debug)]
pub struct OutDir {
    dest: PathBuf,
    staging: PathBuf,
    found: Found,
    dest_has_files: bool,
    _lock: File,
}

/// `dest` made absolute, with `.` and `..` resolved as far as it exists.
pub fn canonical(dest: &Path) -> io::Result<PathBuf> {
    if let Ok(p) = dest.canonicalize() {
        return Ok(p);
    }
    let abs = std::path::absolute(dest)?;
    let name = abs.file_name().map(|n| n.to_os_string());
    let parent = abs.parent().map(Path::to_path_buf);
    match (parent, name) {
        (Some(parent), Some(name)) => Ok(canonical(&parent)?.join(name)),
        _ => Ok(abs),
    }
}

/// The names in `dir`, sorted (at most `max`, and whether there are more).
fn names(dir: &Path, max: usize) -> io::Result<(Vec<String>, bool)> {
    let mut v: Vec<String> = fs::read_dir(dir)?
        .filter_map(|e| e.ok())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .collect();
    v.sort();
    let more = v.len() > max;
    v.truncate(max);
    Ok((v, more))
}

impl OutDir {
    /// Checks `dest` and takes its staging folder. `resumable` says whether
    /// the caller can continue a journal (a sweep can, a run cannot).
    pub fn prepare(dest: &Path, mode: Mode, resumable: bool) -> Result<OutDir, OutDirError> {
        let shown = dest.display();
        let abs = canonical(dest).map_err(io_err(dest))?;
        let (Some(parent), Some(name)) = (abs.parent(), abs.file_name()) else {
            return Err(OutDirError::Refused(text!(
                OUT_NOT_A_FOLDER_NAME,
                dir = shown
            )));
        };
        if abs.exists() && !abs.is_dir() {
            return Err(OutDirError::Refused(text!(OUT_IS_A_FILE, dir = shown)));
        }
        let dest_has_files =
            abs.is_dir() && fs::read_dir(&abs).map_err(io_err(dest))?.next().is_some();
        fs::create_dir_all(parent).map_err(io_err(parent))?;
        let staging = parent.join(format!(".{}.partial", name.to_string_lossy()));

        // The staging folder: busy, left by a killed process, or new.
        let mut found = Found::Nothing;
        if staging.is_dir() {
            let lock = staging.join(LOCK);
            if let Ok(f) = OpenOptions::new().write(true).open(&lock)
                && f.try_lock().is_err()
            {
                return Err(OutDirError::Refused(text!(OUT_BUSY, dir = shown)));
            }
            let journal = staging.join(JOURNAL_MARK).is_file();
            match (journal && resumable, mode) {
                (true, Mode::Resume) => found = Found::Journal,
                (true, Mode::Fresh) => {
                    return Err(OutDirError::Refused(text!(
                        OUT_HAS_JOURNAL,
                        dir = shown,
                        staging = staging.display()
                    )));
                }
                _ => fs::remove_dir_all(&staging).map_err(io_err(&staging))?,
            }
        }
        if found == Found::Nothing && dest_has_files {
            if mode == Mode::Fresh {
                let (list, more) = names(&abs, 6).map_err(io_err(dest))?;
                let mut list = list.join(", ");
                if more {
                    list.push_str(", ...");
                }
                return Err(OutDirError::Refused(if resumable {
                    text!(OUT_NOT_EMPTY_SWEEP, dir = shown, list)
                } else {
                    text!(OUT_NOT_EMPTY, dir = shown, list)
                }));
            }
            found = Found::Files;
        }
        fs::create_dir_all(staging.join("out")).map_err(io_err(&staging))?;
        let lock = OpenOptions::new()
            .create(true)
            .truncate(false)
            .write(true)
            .open(staging.join(LOCK))
            .map_err(io_err(&staging))?;
        if lock.try_lock().is_err() {
            return Err(OutDirError::Refused(text!(OUT_BUSY, dir = shown)));
        }
        Ok(OutDir {
            dest: abs,
            staging,
            found,
            dest_has_files,
            _lock: lock,
        })
    }

    /// What was there before.
    pub fn found(&self) -> &Found {
        &self.found
    }

    /// Whether `DIR` itself holds files.
    pub fn dest_has_files(&self) -> bool {
        self.dest_has_files
    }

    /// The destination, absolute.
    pub fn dest(&self) -> &Path {
        &self.dest
    }

    /// The staging folder, for the caller's own files (a journal).
    pub fn staging(&self) -> &Path {
        &self.staging
    }

    /// The folder the set of files is written into before [`publish`](Self::publish).
    pub fn out(&self) -> PathBuf {
        self.staging.join("out")
    }

    /// Empties the `out/` subfolder (a set half-written when it was stopped).
    pub fn clear_out(&self) -> Result<(), OutDirError> {
        let out = self.out();
        let _ = fs::remove_dir_all(&out);
        fs::create_dir_all(&out).map_err(io_err(&out))
    }

    /// Writes `files` into `out/` (names and bytes).
    pub fn write(&self, files: &[(String, Vec<u8>)]) -> Result<(), OutDirError> {
        for (name, bytes) in files {
            let p = self.out().join(name);
            fs::write(&p, bytes).map_err(io_err(&p))?;
        }
        Ok(())
    }

    /// Puts `out/` in place as `DIR`, replacing an old `DIR` (which
    /// [`prepare`](Self::prepare) allowed), then removes the staging folder.
    pub fn publish(self) -> Result<(), OutDirError> {
        let out = self.out();
        let dest = &self.dest;
        let io = io_err(dest);
        if dest.exists() {
            if self.dest_has_files {
                // Renamed away first: at no moment does DIR hold files of two runs.
                let old = self.staging.join("old");
                fs::rename(dest, &old).map_err(io)?;
                if let Err(e) = fs::rename(&out, dest) {
                    let _ = fs::rename(&old, dest);
                    return Err(io_err(dest)(e));
                }
            } else {
                // An empty folder: a rename replaces it.
                fs::rename(&out, dest).map_err(io)?;
            }
        } else {
            fs::rename(&out, dest).map_err(io)?;
        }
        let staging = self.staging.clone();
        drop(self);
        let _ = fs::remove_dir_all(&staging);
        Ok(())
    }

    /// Gives up: removes the staging folder with everything in it.
    pub fn discard(self) {
        let staging = self.staging.clone();
        drop(self);
        let _ = fs::remove_dir_all(&staging);
    }

    /// Stops, keeping the staging folder (a sweep's journal) for
    /// `--resume`, but not the half-written `out/`.
    pub fn keep_journal(self) {
        let _ = fs::remove_dir_all(self.out());
    }
}

/// Refuses `dest` when it is one of `inputs`, holds one, or lies inside
/// one (comparing canonical paths): writing it would destroy an input.
pub fn check_not_input(dest: &Path, inputs: &[PathBuf]) -> Result<(), OutDirError> {
    let d = canonical(dest).map_err(io_err(dest))?;
    for i in inputs {
        let Ok(c) = canonical(i) else { continue };
        if c.starts_with(&d) || d.starts_with(&c) {
            return Err(OutDirError::Refused(text!(
                OUT_IS_INPUT,
                dir = dest.display(),
                input = i.display()
            )));
        }
    }
    Ok(())
}
