//! Command-line behaviour: reports and files of `run`, `validate`, exit
//! codes (0 success, 2 bad input, 1 other failures), all-or-nothing output
//! and a reader that closes the pipe early.

use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

/// The crate root.
pub(crate) fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// A file of the crate, as an absolute path string.
pub(crate) fn crate_file(rel: &str) -> String {
    root().join(rel).display().to_string()
}

pub(crate) fn tiny() -> String {
    crate_file("scenarios/tiny.toml")
}

pub(crate) fn command(args: &[&str]) -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_baogong"));
    // English unless a test asks otherwise, whatever the machine's locale.
    c.args(args)
        .current_dir(root())
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .env_remove("LANG");
    c
}

/// Runs `baogong ARGS` to completion.
pub(crate) fn baogong(args: &[&str]) -> Output {
    command(args).output().expect("the binary starts")
}

pub(crate) fn stdout(o: &Output) -> String {
    String::from_utf8(o.stdout.clone()).expect("stdout is UTF-8")
}

pub(crate) fn stderr(o: &Output) -> String {
    String::from_utf8(o.stderr.clone()).expect("stderr is UTF-8")
}

/// Asserts the exit code, showing the output when it is wrong.
pub(crate) fn assert_exit(o: &Output, code: i32) {
    assert_eq!(
        o.status.code(),
        Some(code),
        "exit status {:?}\n--- stdout\n{}\n--- stderr\n{}",
        o.status,
        stdout(o),
        stderr(o)
    );
    assert!(!stderr(o).contains("panicked"), "{}", stderr(o));
}

/// A directory under the system's temporary directory, unique to this
/// process and test, removed when dropped. Not created: `run --out`
/// creates it.
pub(crate) struct TempDir(PathBuf);

impl TempDir {
    pub(crate) fn new(test: &str) -> TempDir {
        let p = std::env::temp_dir().join(format!("baogong-cli-{}-{test}", std::process::id()));
        let _ = std::fs::remove_dir_all(&p);
        TempDir(p)
    }

    pub(crate) fn path(&self) -> &Path {
        &self.0
    }

    pub(crate) fn arg(&self) -> String {
        self.0.display().to_string()
    }

    pub(crate) fn join(&self, name: &str) -> PathBuf {
        self.0.join(name)
    }
}

impl Drop for TempDir {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

/// Names of the entries of `dir`, sorted.
pub(crate) fn entries(dir: &Path) -> Vec<String> {
    let mut v: Vec<String> = std::fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("cannot list {}: {e}", dir.display()))
        .map(|e| {
            e.expect("a directory entry")
                .file_name()
                .to_string_lossy()
                .into_owned()
        })
        .collect();
    v.sort();
    v
}

fn read(path: &Path) -> String {
    std::fs::read_to_string(path).unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()))
}

fn header(path: &Path) -> String {
    read(path).lines().next().unwrap_or_default().to_string()
}

// ------------------------------------------------------------------ run

#[test]
fn run_without_arguments_reports_every_section() {
    let o = baogong(&["run"]);
    assert_exit(&o, 0);
    let out = stdout(&o);
    let mut from = 0;
    for section in [
        "Timeline",
        "Closures",
        "Outcomes per goods category",
        "Costs by government level",
        "Score",
    ] {
        let at = out[from..]
            .find(&format!("\n{section}"))
            .unwrap_or_else(|| panic!("no section `{section}` (in order) in:\n{out}"));
        from += at + 1;
    }
    assert!(stderr(&o).is_empty(), "{}", stderr(&o));
}

#[test]
fn run_with_out_writes_the_result_files() {
    let dir = TempDir::new("out");
    let o = baogong(&["run", &tiny(), "--seed", "7", "--out", &dir.arg()]);
    assert_exit(&o, 0);
    assert_eq!(
        entries(dir.path()),
        [
            "closure_days.csv",
            "closures.csv",
            "costs.csv",
            "daily.csv",
            "report.html",
            "report.txt"
        ],
        "exactly these files, no events.csv and no temporary file"
    );
    assert_eq!(
        read(&dir.join("report.txt")),
        stdout(&o),
        "report.txt is the report printed"
    );

    let daily = read(&dir.join("daily.csv"));
    let head = daily.lines().next().unwrap_or_default();
    assert!(
        head.starts_with("day,level,zone,category,need_kg,sales_kg"),
        "daily.csv header: {head}"
    );
    let width = head.split(',').count();
    let mut last_day = 0;
    for row in daily.lines().skip(1) {
        assert_eq!(row.split(',').count(), width, "daily.csv row: {row}");
        let day: u32 = row
            .split(',')
            .next()
            .unwrap()
            .parse()
            .expect("a day number");
        assert!(day >= last_day, "days in order: {row}");
        last_day = day;
    }
    assert_eq!(last_day, 20, "tiny.toml runs 20 days");

    let closures = header(&dir.join("closures.csv"));
    assert!(
        closures.starts_with("id,place,level"),
        "closures.csv header: {closures}"
    );
    assert!(
        read(&dir.join("closures.csv")).lines().count() >= 2,
        "tiny.toml seals a building"
    );
    assert_eq!(
        header(&dir.join("costs.csv")),
        "item,total_yuan,province_yuan,city_yuan,county_yuan"
    );
}

#[test]
fn a_run_with_no_closure_writes_the_closure_files_with_their_headers() {
    // tiny_quiet seals nothing: its closure files have a header and no
    // rows (they were empty files, which a spreadsheet opens as nothing
    // and a script cannot tell from a file cut short).
    let dir = TempDir::new("out-quiet");
    let o = baogong(&["run", "tiny_quiet", "--out", &dir.arg()]);
    assert_exit(&o, 0);
    let with_rows = TempDir::new("out-rows");
    let o = baogong(&["run", &tiny(), "--out", &with_rows.arg()]);
    assert_exit(&o, 0);
    for f in ["closures.csv", "closure_days.csv"] {
        let text = read(&dir.join(f));
        assert_eq!(text.lines().count(), 1, "{f}: {text:?}");
        assert!(text.ends_with('\n'), "{f}: {text:?}");
        assert_eq!(header(&dir.join(f)), header(&with_rows.join(f)), "{f}");
    }
}

#[test]
fn run_with_trace_also_writes_events_csv() {
    let dir = TempDir::new("trace");
    let o = baogong(&[
        "run",
        &tiny(),
        "--seed",
        "7",
        "--out",
        &dir.arg(),
        "--trace",
    ]);
    assert_exit(&o, 0);
    assert_eq!(
        entries(dir.path()),
        [
            "closure_days.csv",
            "closures.csv",
            "costs.csv",
            "daily.csv",
            "events.csv",
            "report.html",
            "report.txt"
        ]
    );
    let events = read(&dir.join("events.csv"));
    assert_eq!(events.lines().next(), Some("time_s,time,event"));
    assert!(events.lines().count() > 100, "a trace of every event");
}

#[test]
fn same_command_gives_identical_files() {
    let a = TempDir::new("same-a");
    let b = TempDir::new("same-b");
    let c = TempDir::new("same-c");
    let run = |dir: &TempDir, seed: &str| {
        let o = baogong(&[
            "run",
            &tiny(),
            "--seed",
            seed,
            "--out",
            &dir.arg(),
            "--trace",
        ]);
        assert_exit(&o, 0);
        o.stdout
    };
    let out_a = run(&a, "7");
    let out_b = run(&b, "7");
    assert!(out_a == out_b, "the reports differ");
    let names = entries(a.path());
    assert_eq!(names, entries(b.path()));
    assert_eq!(names.len(), 7);
    for name in &names {
        let fa = std::fs::read(a.join(name)).expect("readable");
        let fb = std::fs::read(b.join(name)).expect("readable");
        assert!(fa == fb, "{name} differs between two identical runs");
    }
    // The seed matters: another seed traces other events.
    run(&c, "8");
    assert!(
        std::fs::read(a.join("events.csv")).ok() != std::fs::read(c.join("events.csv")).ok(),
        "seeds 7 and 8 gave the same trace"
    );
}

#[test]
fn json_report_has_a_score() {
    let o = baogong(&["run", &tiny(), "--seed", "7", "--format", "json"]);
    assert_exit(&o, 0);
    let v: serde_json::Value = serde_json::from_slice(&o.stdout)
        .unwrap_or_else(|e| panic!("not JSON ({e}):\n{}", stdout(&o)));
    let score = v["outcomes"]["score"]
        .as_f64()
        .unwrap_or_else(|| panic!("no number at outcomes.score in:\n{v:#}"));
    assert!(score.is_finite() && score >= 0.0, "score {score}");
    assert_eq!(v["seed"].as_u64(), Some(7), "the seed given is reported");
}

// -------------------------------------------------------------- validate

#[test]
fn validate_accepts_tiny() {
    let o = baogong(&["validate", &tiny()]);
    assert_exit(&o, 0);
    assert!(stdout(&o).contains("valid"), "{}", stdout(&o));
    assert!(stderr(&o).is_empty(), "{}", stderr(&o));
}

/// Checks a one-line error naming the bad fixture, line 29 and the key.
fn assert_names_the_bad_key(o: &Output, fixture: &str) {
    assert_exit(o, 2);
    let err = stderr(o);
    assert_eq!(err.lines().count(), 1, "one message:\n{err}");
    assert!(
        err.contains(&format!("{fixture}:29:")),
        "no `{fixture}:29:` in: {err}"
    );
    assert!(err.contains("`green_chanel`"), "no key in: {err}");
}

#[test]
fn validate_rejects_a_bad_fixture() {
    let fixture = crate_file("tests/fixtures/bad_unknown_key.toml");
    let o = baogong(&["validate", &fixture]);
    assert_names_the_bad_key(&o, &fixture);
    assert!(stdout(&o).is_empty(), "{}", stdout(&o));
}

#[test]
fn run_rejects_a_bad_fixture() {
    let fixture = crate_file("tests/fixtures/bad_unknown_key.toml");
    let dir = TempDir::new("bad-fixture");
    let o = baogong(&["run", &fixture, "--out", &dir.arg()]);
    assert_names_the_bad_key(&o, &fixture);
    assert!(!dir.path().exists(), "nothing written for a bad scenario");
}

#[test]
fn missing_file_is_bad_input() {
    let missing = crate_file("tests/fixtures/no-such-scenario.toml");
    for cmd in ["validate", "run"] {
        let o = baogong(&[cmd, &missing]);
        assert_exit(&o, 2);
        assert!(
            stderr(&o).contains(&missing),
            "{cmd}: the message does not name {missing}: {}",
            stderr(&o)
        );
    }
}

// ------------------------------------------------------------ arguments

#[test]
fn unknown_subcommand_is_bad_input() {
    let o = baogong(&["simulate", &tiny()]);
    assert_exit(&o, 2);
    assert!(stderr(&o).contains("simulate"), "{}", stderr(&o));
}

#[test]
fn unknown_flag_is_bad_input() {
    let o = baogong(&["run", &tiny(), "--sed", "7"]);
    assert_exit(&o, 2);
    assert!(stderr(&o).contains("--sed"), "{}", stderr(&o));
    assert!(o.stdout.is_empty(), "no run on bad arguments");
}

#[test]
fn bad_flag_values_are_bad_input() {
    let tiny = tiny();
    for args in [
        vec!["run", &tiny, "--seed", "seven"],
        vec!["run", &tiny, "--seed", "-1"],
        vec!["run", &tiny, "--format", "xml"],
        vec!["run", &tiny, "--trace"],
        vec!["validate"],
    ] {
        let o = baogong(&args);
        assert_eq!(o.status.code(), Some(2), "{args:?}: {}", stderr(&o));
        assert!(o.stdout.is_empty(), "{args:?}: no run on bad arguments");
    }
}

// ------------------------------------------------ failures while writing

#[test]
fn out_to_a_regular_file_is_refused_and_writes_nothing() {
    let dir = TempDir::new("out-file");
    std::fs::create_dir_all(dir.path()).expect("temporary directory");
    let file = dir.join("results");
    std::fs::write(&file, "keep me\n").expect("a regular file");
    let o = baogong(&["run", &tiny(), "--out", &file.display().to_string()]);
    // Checked before the run: bad input.
    assert_exit(&o, 2);
    assert!(stderr(&o).contains("results"), "{}", stderr(&o));
    assert_eq!(read(&file), "keep me\n", "the file is untouched");
    assert_eq!(entries(dir.path()), ["results"], "nothing else written");
}

#[test]
fn out_with_one_name_taken_puts_no_file_in_place() {
    // `costs.csv` is a directory: the folder holds something else, so it is
    // refused before the run, and nothing is put in place or left behind.
    let dir = TempDir::new("out-taken");
    std::fs::create_dir_all(dir.join("costs.csv")).expect("temporary directory");
    let o = baogong(&["run", &tiny(), "--out", &dir.arg()]);
    assert_exit(&o, 2);
    assert!(stderr(&o).contains("--force"), "{}", stderr(&o));
    assert_eq!(
        entries(dir.path()),
        ["costs.csv"],
        "files put in place or left behind"
    );
    let parent = dir.path().parent().unwrap();
    let name = dir
        .path()
        .file_name()
        .unwrap()
        .to_string_lossy()
        .into_owned();
    assert!(
        !entries(parent)
            .iter()
            .any(|e| e.contains(&name) && e != &name),
        "a staging folder was left behind"
    );
    // With --force, the folder is replaced whole: one run's files only.
    assert_exit(
        &baogong(&["run", &tiny(), "--out", &dir.arg(), "--force"]),
        0,
    );
    assert_eq!(
        entries(dir.path()),
        [
            "closure_days.csv",
            "closures.csv",
            "costs.csv",
            "daily.csv",
            "report.html",
            "report.txt"
        ]
    );
    assert!(dir.join("costs.csv").is_file());
}

// ------------------------------------------------------------ broken pipe

#[test]
fn reader_closing_the_pipe_early_is_not_a_failure() {
    // The report of this fixture is far larger than a pipe's buffer, so
    // the binary is still writing when the reader goes away.
    let fixture = crate_file("tests/fixtures/many_closures.toml");
    for format in ["text", "json"] {
        let mut child = command(&["run", &fixture, "--format", format])
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .expect("the binary starts");
        let mut first = String::new();
        {
            let out = child.stdout.take().expect("piped stdout");
            let mut reader = BufReader::new(out);
            reader.read_line(&mut first).expect("a first line");
        } // the read end is closed here, like `| head -1`
        assert!(!first.is_empty(), "{format}: no output");
        let o = child.wait_with_output().expect("the binary ends");
        let err = stderr(&o);
        assert!(!err.contains("panicked"), "{format}: {err}");
        assert!(
            o.status.success(),
            "{format}: exit status {:?}, stderr: {err}",
            o.status
        );
        assert!(err.is_empty(), "{format}: {err}");
    }
}
