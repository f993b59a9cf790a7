//! `sweep --shard auto` and the worker threads of a Slurm job, through the
//! real binary with the variables Slurm 22.05 sets for the tasks of a job
//! array (as printed by real `sbatch --array=...` jobs). The sweep on a real
//! Slurm is `tests/slurm/run`.

use std::process::{Command, Output};

use super::cli::{TempDir, assert_exit, command, entries, stderr, tiny};

/// `baogong ARGS` with no Slurm variable of this process's own, and `vars`.
fn in_slurm(args: &[&str], vars: &[(&str, String)]) -> Output {
    let mut c: Command = command(args);
    for (k, _) in std::env::vars() {
        if k.starts_with("SLURM_") {
            c.env_remove(k);
        }
    }
    c.envs(vars.iter().map(|(k, v)| (*k, v.as_str())));
    c.output().expect("the binary starts")
}

/// Environment variables, name and value.
type Vars = Vec<(&'static str, String)>;

/// The variables of task `id` of an array of `count` tasks from `min` to
/// `max` by `step`.
fn task(id: u64, count: u64, min: u64, max: u64, step: u64) -> Vars {
    vec![
        ("SLURM_JOB_ID", (100 + id).to_string()),
        ("SLURM_ARRAY_JOB_ID", "100".to_string()),
        ("SLURM_ARRAY_TASK_ID", id.to_string()),
        ("SLURM_ARRAY_TASK_COUNT", count.to_string()),
        ("SLURM_ARRAY_TASK_MIN", min.to_string()),
        ("SLURM_ARRAY_TASK_MAX", max.to_string()),
        ("SLURM_ARRAY_TASK_STEP", step.to_string()),
        ("SLURM_CPUS_PER_TASK", "1".to_string()),
    ]
}

const GRID: &str = "plan.decision_delay_hours=1,24";

/// `sweep tiny.toml` of 2 settings × 6 replications into `out`.
fn sweep(out: &TempDir, extra: &[&str], vars: &[(&str, String)]) -> Output {
    let t = tiny();
    let o = out.arg();
    let mut args = vec![
        "sweep",
        t.as_str(),
        "--grid",
        GRID,
        "--replications",
        "6",
        "--out",
        o.as_str(),
    ];
    args.extend_from_slice(extra);
    in_slurm(&args, vars)
}

fn read(d: &TempDir, name: &str) -> Vec<u8> {
    std::fs::read(d.join(name)).unwrap_or_else(|e| panic!("{}: {e}", d.join(name).display()))
}

/// The tasks of a 1-based array, a 0-based one and a range with a step
/// each run their shard; merged, they give the whole sweep's bytes.
#[test]
fn array_tasks_take_their_shards_and_merge_into_the_whole_sweep() {
    let whole = TempDir::new("slurm-whole");
    assert_exit(&sweep(&whole, &[], &[]), 0);
    // --array=1-4, --array=0-3, --array=0-30:10
    for (name, ids, min, max, step) in [
        ("one-based", [1, 2, 3, 4], 1, 4, 1),
        ("zero-based", [0, 1, 2, 3], 0, 3, 1),
        ("stepped", [0, 10, 20, 30], 0, 30, 10),
    ] {
        let dirs: Vec<TempDir> = ids
            .iter()
            .map(|id| TempDir::new(&format!("slurm-{name}-{id}")))
            .collect();
        for (k, (id, d)) in ids.iter().zip(&dirs).enumerate() {
            let o = sweep(d, &["--shard", "auto"], &task(*id, 4, min, max, step));
            assert_exit(&o, 0);
            let e = stderr(&o);
            assert!(
                e.contains(&format!(
                    "shard {}/4, from Slurm job array task {id}; 1 worker thread(s)",
                    k + 1
                )),
                "{e}"
            );
            let manifest = String::from_utf8(read(d, "sweep.json")).unwrap();
            assert!(
                manifest.contains(&format!("\"k\": {}", k + 1)),
                "{manifest}"
            );
        }
        let merged = TempDir::new(&format!("slurm-{name}-merged"));
        let mut args: Vec<String> = vec!["merge".into()];
        args.extend(dirs.iter().map(|d| d.arg()));
        args.extend(["--out".into(), merged.arg()]);
        let args: Vec<&str> = args.iter().map(String::as_str).collect();
        assert_exit(&in_slurm(&args, &[]), 0);
        assert_eq!(entries(whole.path()), entries(merged.path()));
        for f in entries(whole.path()) {
            assert!(read(&whole, &f) == read(&merged, &f), "{name}: {f} differs");
        }
    }
}

/// No share can be told: outside Slurm, a job that is not an array, a
/// list with gaps, one task alone, a missing count. Exit 2, a message in
/// the language asked for, nothing written.
#[test]
fn no_share_is_an_error_that_says_what_to_do() {
    let job = vec![("SLURM_JOB_ID", "7".to_string())];
    let mut missing = task(2, 4, 1, 4, 1);
    missing.retain(|(k, _)| *k != "SLURM_ARRAY_TASK_COUNT");
    let cases: [(&str, Vars, &str, &str); 5] = [
        (
            "outside",
            vec![],
            "this is not a Slurm job",
            "这不是 Slurm 作业",
        ),
        (
            "no-array",
            job,
            "Slurm job 7 is not a job array",
            "不是作业数组",
        ),
        // --array=1,2,4,5
        (
            "gaps",
            task(4, 4, 1, 5, 1),
            "are not evenly spaced",
            "编号不等距",
        ),
        // --array=3
        (
            "one-task",
            task(3, 1, 3, 3, 1),
            "has one task (3)",
            "只有一个任务",
        ),
        (
            "no-count",
            missing,
            "not SLURM_ARRAY_TASK_COUNT",
            "没有设置 SLURM_ARRAY_TASK_COUNT",
        ),
    ];
    for (name, vars, en, zh) in cases {
        for (lang, want) in [("en", en), ("zh", zh)] {
            let d = TempDir::new(&format!("slurm-bad-{name}-{lang}"));
            let o = sweep(&d, &["--shard", "auto", "--lang", lang], &vars);
            assert_exit(&o, 2);
            let e = stderr(&o);
            assert!(e.contains(want), "{name} {lang}: {e}");
            assert!(e.contains("--shard K/N"), "{name} {lang}: {e}");
            assert!(!d.path().exists(), "{name}: {} written", d.arg());
        }
    }
}

/// Worker threads: SLURM_CPUS_PER_TASK when set, `--threads` above it; a
/// value Slurm never sets is refused even without `--shard auto`.
#[test]
fn threads_come_from_slurm_unless_given() {
    let mut vars = task(1, 2, 1, 2, 1);
    vars.retain(|(k, _)| *k != "SLURM_CPUS_PER_TASK");
    vars.push(("SLURM_CPUS_PER_TASK", "3".to_string()));
    let d = TempDir::new("slurm-threads-3");
    let o = sweep(&d, &["--shard", "auto"], &vars);
    assert_exit(&o, 0);
    assert!(stderr(&o).contains("shard 1/2, from Slurm job array task 1; 3 worker thread(s)"));
    let d = TempDir::new("slurm-threads-given");
    let o = sweep(&d, &["--shard", "auto", "--threads", "2"], &vars);
    assert_exit(&o, 0);
    assert!(
        stderr(&o).contains("; 2 worker thread(s)"),
        "{}",
        stderr(&o)
    );
    // An explicit share prints nothing about Slurm.
    let d = TempDir::new("slurm-explicit");
    let o = sweep(&d, &["--shard", "2/2"], &vars);
    assert_exit(&o, 0);
    assert_eq!(stderr(&o), "");
    let d = TempDir::new("slurm-threads-0");
    let o = sweep(&d, &[], &[("SLURM_CPUS_PER_TASK", "0".to_string())]);
    assert_exit(&o, 2);
    assert!(
        stderr(&o).contains("SLURM_CPUS_PER_TASK is 0, which Slurm never sets"),
        "{}",
        stderr(&o)
    );
    assert!(!d.path().exists());
}
