//! `merge` reads nothing on trust: shard folders crafted with a bad
//! manifest field or a bad row are refused with exit code 2 and a message
//! that says what is wrong, quickly, with no panic and no output written,
//! however large the numbers they claim.

use std::time::{Duration, Instant};

use serde_json::Value;

use super::cli::{TempDir, assert_exit, baogong, stderr, tiny};

/// Two shards of 2 settings × 3 replications, made once per test.
struct Shards {
    root: TempDir,
}

impl Shards {
    fn new(test: &str) -> Shards {
        let root = TempDir::new(test);
        std::fs::create_dir_all(root.path()).unwrap();
        for k in 1..=2 {
            let out = root.join(&k.to_string()).display().to_string();
            let shard = format!("{k}/2");
            let o = baogong(&[
                "sweep",
                &tiny(),
                "--grid",
                "plan.point_riders=4,8",
                "--replications",
                "3",
                "--shard",
                &shard,
                "--out",
                &out,
            ]);
            assert_exit(&o, 0);
        }
        Shards { root }
    }

    fn dir(&self, k: u32) -> std::path::PathBuf {
        self.root.join(&k.to_string())
    }

    /// Changes shard `k`'s manifest with `f`.
    fn manifest(&self, k: u32, f: impl FnOnce(&mut Value)) {
        let p = self.dir(k).join("sweep.json");
        let mut v: Value = serde_json::from_str(&std::fs::read_to_string(&p).unwrap()).unwrap();
        f(&mut v);
        std::fs::write(&p, serde_json::to_string_pretty(&v).unwrap()).unwrap();
    }

    /// Sets `column` of data row `row` (0-based) of shard `k` to `value`.
    fn cell(&self, k: u32, row: usize, column: &str, value: &str) {
        let p = self.dir(k).join("replications.csv");
        let text = std::fs::read_to_string(&p).unwrap();
        let mut lines: Vec<String> = text.lines().map(String::from).collect();
        let header: Vec<&str> = lines[0].split(',').collect();
        let c = header.iter().position(|h| *h == column).unwrap();
        let mut fields: Vec<String> = lines[row + 1].split(',').map(String::from).collect();
        fields[c] = value.to_string();
        lines[row + 1] = fields.join(",");
        std::fs::write(&p, lines.join("\n") + "\n").unwrap();
    }

    /// Merges both shards: refused, with `why` in the message, fast, and
    /// nothing written.
    fn refused(&self, why: &str) {
        let out = self.root.join("merged");
        let (a, b, o) = (
            self.dir(1).display().to_string(),
            self.dir(2).display().to_string(),
            out.display().to_string(),
        );
        let started = Instant::now();
        let r = baogong(&["merge", &a, &b, "--out", &o]);
        assert!(started.elapsed() < Duration::from_secs(20), "slow: {why}");
        assert_exit(&r, 2);
        assert!(
            stderr(&r).contains(why),
            "expected `{why}` in:\n{}",
            stderr(&r)
        );
        assert!(!out.exists());
        assert!(
            std::fs::read_dir(self.root.path()).unwrap().all(|e| !e
                .unwrap()
                .file_name()
                .to_string_lossy()
                .starts_with('.')),
            "a staging folder was left behind"
        );
    }

    fn merges(&self) {
        let out = self.root.join("merged");
        let r = baogong(&[
            "merge",
            &self.dir(1).display().to_string(),
            &self.dir(2).display().to_string(),
            "--out",
            &out.display().to_string(),
        ]);
        assert_exit(&r, 0);
    }
}

fn set(v: &mut Value, path: &[&str], x: Value) {
    let mut cur = v;
    for p in &path[..path.len() - 1] {
        cur = cur.get_mut(*p).unwrap();
    }
    cur[path[path.len() - 1]] = x;
}

#[test]
fn shard_indexes_out_of_range_are_refused() {
    let s = Shards::new("mg-k");
    s.manifest(1, |v| set(v, &["shard", "k"], 0.into()));
    s.refused("shard 0 of 2 is impossible");
    s.manifest(1, |v| set(v, &["shard", "k"], 3.into()));
    s.refused("shard 3 of 2 is impossible");
    s.manifest(1, |v| {
        set(v, &["shard", "k"], 1.into());
        set(v, &["shard", "n"], 0.into());
    });
    s.refused("is impossible");
    s.manifest(1, |v| set(v, &["shard", "n"], 2.into()));
    s.merges();
}

#[test]
fn huge_shard_counts_are_refused_fast() {
    let s = Shards::new("mg-n");
    for n in [u64::MAX, 1_000_000_000_000] {
        for k in 1..=2 {
            s.manifest(k, |v| set(v, &["shard", "n"], n.into()));
        }
        s.refused(&format!("missing 3/{n}"));
    }
}

#[test]
fn huge_replication_counts_are_refused_fast() {
    let s = Shards::new("mg-reps");
    for k in 1..=2 {
        s.manifest(k, |v| {
            set(v, &["replications"], 1_000_000_000_000u64.into())
        });
    }
    s.refused("does not belong to this shard");
    for k in 1..=2 {
        s.manifest(k, |v| set(v, &["replications"], u64::MAX.into()));
    }
    s.refused("is not a sweep baogong can merge");
    for k in 1..=2 {
        s.manifest(k, |v| set(v, &["replications"], 0.into()));
    }
    s.refused("is not a sweep baogong can merge");
    for k in 1..=2 {
        s.manifest(k, |v| set(v, &["settings"], Value::Array(vec![])));
    }
    s.refused("is not a sweep baogong can merge");
}

#[test]
fn a_baseline_out_of_range_is_refused() {
    let s = Shards::new("mg-base");
    for k in 1..=2 {
        s.manifest(k, |v| set(v, &["baseline"], 2.into()));
    }
    s.refused("baseline 2 is not one of its 2 settings");
    for k in 1..=2 {
        s.manifest(k, |v| set(v, &["baseline"], u64::MAX.into()));
    }
    s.refused("is not one of its 2 settings");
}

#[test]
fn shards_that_disagree_are_refused() {
    let s = Shards::new("mg-agree");
    for (field, value) in [
        ("digest", Value::from("0000000000000000")),
        ("seed", Value::from(2)),
        ("baogong", Value::from("0.0.0")),
    ] {
        let p = s.dir(2).join("sweep.json");
        let keep = std::fs::read(&p).unwrap();
        s.manifest(2, |v| set(v, &[field], value));
        s.refused("shards of different sweeps");
        std::fs::write(&p, keep).unwrap();
    }
    s.manifest(1, |v| set(v, &["format"], 99.into()));
    s.refused("file layout 99");
    s.manifest(1, |v| set(v, &["format"], 1.into()));
    // Columns of another version, in both.
    for k in 1..=2 {
        s.manifest(k, |v| {
            v["columns"].as_array_mut().unwrap().pop();
        });
    }
    s.refused("not those of this version");
}

#[test]
fn a_nan_or_infinite_value_is_refused() {
    let s = Shards::new("mg-nan");
    s.cell(2, 1, "score", "NaN");
    s.refused("`NaN` is not a finite number");
    s.cell(2, 1, "score", "inf");
    s.refused("`inf` is not a finite number");
    s.cell(2, 1, "score", "1e400");
    s.refused("is not a finite number");
}

#[test]
fn a_row_that_broke_an_invariant_is_refused_with_its_setting_and_replication() {
    let s = Shards::new("mg-breach");
    // Shard 2's second row is pair 3: setting 1, replication 0.
    s.cell(2, 1, "invariant_breaches", "1");
    s.refused("setting 1 (`plan.point_riders=8`), replication 0 broke the model's invariants");
}

#[test]
fn rows_out_of_order_repeated_or_of_another_setting_are_refused() {
    let s = Shards::new("mg-rows");
    let p = s.dir(1).join("replications.csv");
    let text = std::fs::read_to_string(&p).unwrap();
    let lines: Vec<&str> = text.lines().collect();
    // Two rows swapped.
    let mut swapped = lines.clone();
    swapped.swap(1, 2);
    std::fs::write(&p, swapped.join("\n") + "\n").unwrap();
    s.refused("rows missing, repeated or out of order");
    // A row repeated in place of another.
    let mut repeated = lines.clone();
    repeated[2] = lines[1];
    std::fs::write(&p, repeated.join("\n") + "\n").unwrap();
    s.refused("rows missing, repeated or out of order");
    // A label that is not its setting's.
    std::fs::write(&p, text.replacen("plan.point_riders=4", "other", 1)).unwrap();
    s.refused("does not belong to this shard");
    std::fs::write(&p, &text).unwrap();
    // A truncated file.
    std::fs::write(&p, lines[..2].join("\n") + "\n").unwrap();
    s.refused("ends before setting");
    std::fs::write(&p, &text).unwrap();
    s.merges();
}

#[test]
fn a_manifest_too_large_to_be_one_is_refused() {
    let s = Shards::new("mg-large");
    let p = s.dir(1).join("sweep.json");
    let f = std::fs::File::create(&p).unwrap();
    f.set_len(65 << 20).unwrap();
    s.refused("larger than any sweep.json");
}
