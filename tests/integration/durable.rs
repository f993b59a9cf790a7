//! Long sweeps through the command line: output folders checked before any
//! work and filled all at once, sweeps killed (SIGKILL, SIGINT, SIGTERM) at
//! chosen moments and resumed into exactly the bytes of an uninterrupted
//! sweep, shards too, and memory that does not grow with the replications.
//!
//! The moments are chosen by what the process has done, not by the clock:
//! a sweep is killed once its journal holds `k` rows.

use std::path::{Path, PathBuf};
use std::process::{Child, Output, Stdio};
use std::time::{Duration, Instant};

use super::cli::{TempDir, assert_exit, baogong, command, entries, stderr, tiny};
use super::sweep::{assert_same_files, read};

/// 3 settings × `REPS` replications of tiny.toml.
const GRID: &str = "plan.decision_delay_hours=1,6,24";
const REPS: &str = "300";
const PAIRS: usize = 900;

fn sweep_args(out: &Path, extra: &[&str]) -> Vec<String> {
    let mut v: Vec<String> = ["sweep", &tiny(), "--grid", GRID]
        .iter()
        .map(|s| s.to_string())
        .collect();
    if !extra.contains(&"--replications") {
        v.extend(["--replications".into(), REPS.into()]);
    }
    v.extend(["--out".into(), out.display().to_string()]);
    v.extend(extra.iter().map(|s| s.to_string()));
    v
}

fn run(args: &[String]) -> Output {
    let a: Vec<&str> = args.iter().map(String::as_str).collect();
    baogong(&a)
}

fn spawn(args: &[String]) -> Child {
    command(&args.iter().map(String::as_str).collect::<Vec<_>>())
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the binary starts")
}

/// The staging folder of `out`.
fn staging(out: &Path) -> PathBuf {
    let name = out.file_name().unwrap().to_string_lossy();
    out.with_file_name(format!(".{name}.partial"))
}

fn lines(path: &Path) -> usize {
    std::fs::read(path).map_or(0, |b| b.iter().filter(|&&c| c == b'\n').count())
}

/// Waits until the journal of `out` holds `k` rows in order (or the child
/// ended), polling; gives whether the child is still running.
fn wait_rows(child: &mut Child, out: &Path, k: usize) -> bool {
    let journal = staging(out).join("rows.journal");
    let deadline = Instant::now() + Duration::from_secs(120);
    loop {
        if child.try_wait().expect("child status").is_some() {
            return false;
        }
        if lines(&journal) >= k {
            return true;
        }
        assert!(
            Instant::now() < deadline,
            "no {k} rows in {}",
            journal.display()
        );
        std::thread::sleep(Duration::from_millis(1));
    }
}

fn signal(child: &Child, sig: &str) {
    let ok = std::process::Command::new("kill")
        .args([sig, &child.id().to_string()])
        .status()
        .expect("kill runs");
    assert!(ok.success());
}

/// Nothing of `out` but `out` itself is left in its parent.
fn assert_no_leftovers(out: &Path) {
    let parent = out.parent().unwrap();
    let name = out.file_name().unwrap().to_string_lossy().into_owned();
    let left: Vec<String> = entries(parent)
        .into_iter()
        .filter(|e| e.contains(&name) && *e != name)
        .collect();
    assert!(left.is_empty(), "left behind: {left:?}");
}

/// A folder under one parent per test, so that leftovers can be seen.
struct Area(TempDir);

impl Area {
    fn new(test: &str) -> Area {
        let t = TempDir::new(test);
        std::fs::create_dir_all(t.path()).unwrap();
        Area(t)
    }

    fn dir(&self, name: &str) -> PathBuf {
        self.0.join(name)
    }
}

// -------------------------------------------------------- output folders

#[test]
fn a_sweep_into_a_folder_of_other_files_is_refused_before_any_work() {
    let area = Area::new("dur-refuse");
    let out = area.dir("old");
    std::fs::create_dir_all(&out).unwrap();
    std::fs::write(out.join("notes.txt"), "mine\n").unwrap();
    let started = Instant::now();
    // Far too many replications to finish: refused at once.
    let o = baogong(&[
        "sweep",
        &tiny(),
        "--replications",
        "1000000",
        "--out",
        &out.display().to_string(),
    ]);
    assert_exit(&o, 2);
    assert!(started.elapsed() < Duration::from_secs(20));
    for w in ["notes.txt", "--force", "--resume"] {
        assert!(stderr(&o).contains(w), "{w}: {}", stderr(&o));
    }
    assert_eq!(entries(&out), ["notes.txt"]);
    assert_no_leftovers(&out);
    // In Chinese too.
    let o = baogong(&[
        "--lang",
        "zh",
        "sweep",
        &tiny(),
        "--out",
        &out.display().to_string(),
    ]);
    assert_exit(&o, 2);
    assert!(stderr(&o).contains("已有文件"), "{}", stderr(&o));
}

#[test]
fn force_replaces_a_folder_whole_so_no_folder_mixes_two_runs() {
    let area = Area::new("dur-force");
    let out = area.dir("s");
    // A whole sweep, then a shard forced into its folder: no summary of
    // the old sweep stays beside the shard's rows.
    assert_exit(&run(&sweep_args(&out, &["--replications", "4"])), 0);
    assert!(out.join("summary.csv").exists());
    assert_exit(
        &run(&sweep_args(
            &out,
            &["--replications", "4", "--shard", "1/2", "--force"],
        )),
        0,
    );
    assert_eq!(entries(&out), ["replications.csv", "sweep.json"]);
    assert_no_leftovers(&out);
    // A run with --trace, then one without forced into the same folder:
    // the old events.csv does not stay.
    let r = area.dir("r");
    let rs = r.display().to_string();
    assert_exit(&baogong(&["run", &tiny(), "--out", &rs, "--trace"]), 0);
    assert!(r.join("events.csv").exists());
    assert_exit(
        &baogong(&["run", &tiny(), "--out", &rs, "--seed", "2", "--force"]),
        0,
    );
    assert!(!r.join("events.csv").exists());
    assert_no_leftovers(&r);
}

#[test]
fn a_traced_run_stopped_by_a_signal_leaves_nothing_behind() {
    for (sig, code) in [("-INT", 130), ("-TERM", 143)] {
        let area = Area::new(&format!("dur-run{sig}"));
        let out = area.dir("r");
        let mut child = command(&[
            "run",
            "default",
            "--trace",
            "--out",
            &out.display().to_string(),
        ])
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
        // Once events are being written.
        let events = staging(&out).join("out").join("events.csv");
        let deadline = Instant::now() + Duration::from_secs(60);
        while std::fs::metadata(&events).map_or(0, |m| m.len()) < 100_000 {
            assert!(child.try_wait().unwrap().is_none(), "the run ended first");
            assert!(Instant::now() < deadline);
            std::thread::sleep(Duration::from_millis(2));
        }
        signal(&child, sig);
        let o = child.wait_with_output().unwrap();
        assert_exit(&o, code);
        assert!(stderr(&o).contains("nothing was written"), "{}", stderr(&o));
        assert_eq!(entries(area.0.path()), Vec::<String>::new(), "{sig}");
    }
}

#[test]
fn merge_out_may_not_be_one_of_its_shards() {
    let area = Area::new("dur-merge-in");
    let (a, b) = (area.dir("1"), area.dir("2"));
    for (d, k) in [(&a, "1/2"), (&b, "2/2")] {
        assert_exit(
            &run(&sweep_args(d, &["--replications", "3", "--shard", k])),
            0,
        );
    }
    let before = read(&a, "replications.csv");
    let (sa, sb) = (a.display().to_string(), b.display().to_string());
    // The same folder, written another way, even with --force.
    let same = format!("{}/../1/.", b.display());
    for out in [sa.as_str(), same.as_str()] {
        let o = baogong(&["merge", &sa, &sb, "--out", out, "--force"]);
        assert_exit(&o, 2);
        assert!(
            stderr(&o).contains("would overwrite the input"),
            "{}",
            stderr(&o)
        );
    }
    // Nor the folder that holds them.
    let parent = area.0.arg();
    let o = baogong(&["merge", &sa, &sb, "--out", &parent, "--force"]);
    assert_exit(&o, 2);
    assert_eq!(read(&a, "replications.csv"), before);
    assert_eq!(entries(&a), ["replications.csv", "sweep.json"]);
}

// ------------------------------------------------- interrupted and resumed

/// The files of the uninterrupted sweep with `extra` arguments.
fn reference(area: &Area, extra: &[&str]) -> PathBuf {
    let whole = area.dir("whole");
    assert_exit(&run(&sweep_args(&whole, extra)), 0);
    whole
}

#[test]
fn killed_at_several_moments_and_resumed_gives_the_same_bytes() {
    let area = Area::new("dur-kill");
    let whole = reference(&area, &["--threads", "2"]);
    // After the first row, early, midway, and with every row done (when
    // the files are being written, or already are).
    for (i, k) in [1, 37, 450, PAIRS].into_iter().enumerate() {
        let out = area.dir(&format!("k{i}"));
        let args = sweep_args(&out, &["--threads", "2"]);
        let mut child = spawn(&args);
        let running = wait_rows(&mut child, &out, k);
        child.kill().unwrap();
        let _ = child.wait();
        if k < PAIRS {
            assert!(running, "the sweep ended before {k} rows");
            assert!(!out.exists(), "no files before the sweep is complete");
        }
        // Started again without --resume: refused, the journal kept.
        if staging(&out).join("journal.json").exists() {
            let o = run(&args);
            assert_exit(&o, 2);
            assert!(stderr(&o).contains("--resume"), "{}", stderr(&o));
        }
        // Resumed, on one thread this time: the same bytes.
        let mut again = sweep_args(&out, &["--threads", "1", "--resume"]);
        let o = run(&again);
        assert_exit(&o, 0);
        assert_same_files(&whole, &out);
        assert_no_leftovers(&out);
        // Resumed once more: complete, nothing to do.
        again.push("--lang=en".into());
        let o = run(&again);
        assert_exit(&o, 0);
        assert!(stderr(&o).contains("nothing to do"), "{}", stderr(&o));
    }
}

#[test]
fn ctrl_c_prints_the_command_that_resumes_and_it_does() {
    let area = Area::new("dur-int");
    let whole = reference(&area, &[]);
    let out = area.dir("s");
    let mut child = spawn(&sweep_args(&out, &["--threads", "2"]));
    assert!(wait_rows(&mut child, &out, 120));
    signal(&child, "-INT");
    let o = child.wait_with_output().unwrap();
    assert_exit(&o, 130);
    let err = stderr(&o);
    assert!(err.contains("interrupted: "), "{err}");
    let cmd = err
        .lines()
        .skip_while(|l| !l.contains("to continue, run:"))
        .nth(1)
        .unwrap_or_else(|| panic!("no command in {err}"))
        .trim()
        .to_string();
    assert!(cmd.ends_with("--resume"), "{cmd}");
    let words: Vec<String> = cmd.split(' ').skip(1).map(String::from).collect();
    let o = run(&words);
    assert_exit(&o, 0);
    assert!(stderr(&o).contains("were already done"), "{}", stderr(&o));
    assert_same_files(&whole, &out);
    assert_no_leftovers(&out);
}

#[test]
fn a_shard_killed_and_resumed_merges_into_the_whole_sweep() {
    let area = Area::new("dur-shard");
    let whole = reference(&area, &[]);
    let (s1, s2) = (area.dir("1"), area.dir("2"));
    assert_exit(&run(&sweep_args(&s1, &["--shard", "1/2"])), 0);
    // Shard 2 stopped by SIGTERM, then killed at once when resumed.
    let mut child = spawn(&sweep_args(&s2, &["--shard", "2/2", "--threads", "2"]));
    assert!(wait_rows(&mut child, &s2, 50));
    signal(&child, "-TERM");
    assert_exit(&child.wait_with_output().unwrap(), 143);
    let resume = sweep_args(&s2, &["--shard", "2/2", "--resume"]);
    let mut child = spawn(&resume);
    assert!(wait_rows(&mut child, &s2, 200));
    child.kill().unwrap();
    let _ = child.wait();
    // An incomplete set is refused: shard 2 has no files yet.
    let merged = area.dir("merged");
    let (a, b, m) = (
        s1.display().to_string(),
        s2.display().to_string(),
        merged.display().to_string(),
    );
    assert_exit(&baogong(&["merge", &a, &b, "--out", &m]), 2);
    assert_exit(&run(&resume), 0);
    assert_exit(&baogong(&["merge", &a, &b, "--out", &m]), 0);
    assert_same_files(&whole, &merged);
}

#[test]
fn resume_refuses_the_journal_of_another_sweep_and_keeps_it() {
    let area = Area::new("dur-other");
    let out = area.dir("s");
    let mut child = spawn(&sweep_args(&out, &[]));
    assert!(wait_rows(&mut child, &out, 20));
    child.kill().unwrap();
    let _ = child.wait();
    let journal = read(&staging(&out), "journal.json");
    let o = run(&sweep_args(&out, &["--seed", "99", "--resume"]));
    assert_exit(&o, 2);
    assert!(
        stderr(&o).contains("another sweep (its seed differ)"),
        "{}",
        stderr(&o)
    );
    assert_eq!(read(&staging(&out), "journal.json"), journal);
    let o = run(&sweep_args(&out, &["--replications", "7", "--resume"]));
    assert_exit(&o, 2);
    assert!(stderr(&o).contains("replications"), "{}", stderr(&o));
    // Its own command continues it.
    assert_exit(&run(&sweep_args(&out, &["--resume"])), 0);
    // A finished sweep is another one's too.
    let o = run(&sweep_args(&out, &["--seed", "99", "--resume"]));
    assert_exit(&o, 2);
    // --force starts over.
    assert_exit(&run(&sweep_args(&out, &["--seed", "99", "--force"])), 0);
}

#[test]
fn a_torn_last_record_is_dropped_and_redone() {
    let area = Area::new("dur-torn");
    let whole = reference(&area, &[]);
    let out = area.dir("s");
    let mut child = spawn(&sweep_args(&out, &[]));
    assert!(wait_rows(&mut child, &out, 40));
    child.kill().unwrap();
    let _ = child.wait();
    // Half a record at the end of each journal, and a damaged one.
    for name in ["rows.journal", "ahead.journal"] {
        let p = staging(&out).join(name);
        let mut bytes = std::fs::read(&p).unwrap();
        bytes.extend_from_slice(b"0123456789abcdef 2,7,1.5,");
        std::fs::write(&p, bytes).unwrap();
    }
    assert_exit(&run(&sweep_args(&out, &["--resume"])), 0);
    assert_same_files(&whole, &out);
}

// ------------------------------------------------------------------ memory

/// Peak resident memory [kB] of `baogong ARGS`, read from /proc while it
/// runs (VmHWM only grows, so the last reading is the peak but for the
/// last few milliseconds).
fn peak_kb(args: &[String]) -> u64 {
    let mut child = command(&args.iter().map(String::as_str).collect::<Vec<_>>())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let status = format!("/proc/{}/status", child.id());
    let mut peak = 0;
    loop {
        if let Ok(s) = std::fs::read_to_string(&status)
            && let Some(l) = s.lines().find(|l| l.starts_with("VmHWM:"))
        {
            peak = peak.max(
                l.split_whitespace()
                    .nth(1)
                    .and_then(|v| v.parse().ok())
                    .unwrap_or(0),
            );
        }
        if let Some(st) = child.try_wait().unwrap() {
            assert!(st.success(), "{args:?}: {st:?}");
            return peak;
        }
        std::thread::sleep(Duration::from_millis(5));
    }
}

fn tiny_sweep(out: &Path, reps: u64) -> Vec<String> {
    [
        "sweep",
        &tiny(),
        "--replications",
        &reps.to_string(),
        "--threads",
        "2",
        "--out",
        &out.display().to_string(),
    ]
    .iter()
    .map(|s| s.to_string())
    .collect()
}

#[test]
fn memory_does_not_grow_with_the_replications() {
    let area = Area::new("dur-mem");
    let small = peak_kb(&tiny_sweep(&area.dir("small"), 1_000));
    let large = peak_kb(&tiny_sweep(&area.dir("large"), 30_000));
    // Holding the rows would take some 25 MB more; the summary's working
    // set for one column grows by 29,000 × 24 bytes (0.7 MB).
    assert!(
        large < small + 8_000,
        "peak {small} kB at 1,000 replications, {large} kB at 30,000"
    );
}

/// The issue's figure: 1,000,000 replications of tiny.toml under 200 MB
/// resident. About 12 minutes on two cores: `cargo test --release --test
/// integration -- --ignored a_million`.
#[test]
#[ignore]
fn a_million_replications_of_tiny_stay_under_200_mb() {
    let area = Area::new("dur-million");
    let kb = peak_kb(&tiny_sweep(&area.dir("m"), 1_000_000));
    eprintln!("peak resident memory: {kb} kB");
    assert!(kb < 200_000, "{kb} kB");
}
