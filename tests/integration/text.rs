//! What a planner reads: the text report in both languages against
//! committed snapshots, `--lang` and the locale, Chinese help and errors,
//! built-in scenarios by name, `scenarios` and `init`.

use std::path::Path;

use crate::cli::{TempDir, assert_exit, baogong, command, crate_file, root, stderr, stdout, tiny};

/// Compares `got` with the snapshot `tests/snapshots/NAME`; with `BLESS=1`
/// in the environment, writes it instead.
fn snapshot(name: &str, got: &str) {
    let path = root().join("tests/snapshots").join(name);
    if std::env::var_os("BLESS").is_some_and(|v| v == "1") {
        std::fs::create_dir_all(path.parent().expect("a parent")).expect("tests/snapshots/");
        std::fs::write(&path, got).expect("the snapshot is written");
        return;
    }
    let want = std::fs::read_to_string(&path).unwrap_or_default();
    if want == got {
        return;
    }
    let first = want
        .lines()
        .zip(got.lines())
        .position(|(a, b)| a != b)
        .unwrap_or_else(|| want.lines().count().min(got.lines().count()));
    panic!(
        "the report differs from the snapshot {} from line {}:\n  snapshot: {}\n  now:      {}\n\n\
         If the change is intended (the model's numbers moved after a merge, or the report's \
         words changed), re-bless the snapshots and review the difference:\n  \
         BLESS=1 cargo test --release --test integration text::\n  git diff tests/snapshots/\n\n\
         --- the report now ---\n{got}",
        path.display(),
        first + 1,
        want.lines().nth(first).unwrap_or("(end of file)"),
        got.lines().nth(first).unwrap_or("(end of file)"),
    );
}

#[test]
fn text_report_of_tiny_in_english_matches_the_snapshot() {
    let o = baogong(&["run", "tiny", "--lang", "en"]);
    assert_exit(&o, 0);
    snapshot("tiny.en.txt", &stdout(&o));
}

#[test]
fn text_report_of_tiny_in_chinese_matches_the_snapshot() {
    let o = baogong(&["run", "tiny", "--lang", "zh"]);
    assert_exit(&o, 0);
    snapshot("tiny.zh.txt", &stdout(&o));
}

#[test]
fn the_chinese_report_uses_the_plans_terms() {
    let o = baogong(&[
        "run",
        &crate_file("tests/fixtures/chinese_places.toml"),
        "--lang",
        "zh",
    ]);
    assert_exit(&o, 0);
    let out = stdout(&o);
    for term in [
        "封控情况",
        "直接供货商",
        "应急投放点",
        "注入事件",
        "仍在封控",
        "楼栋",
        "小区",
        "村(居)",
        "外地调入",
        "日报",
        "评分",
        "阳光花园1号楼",
        "检查站",
    ] {
        assert!(out.contains(term), "no `{term}` in:\n{out}");
    }
    for english in ["Closures", "Timeline", "sealed", "supplier", "open"] {
        assert!(
            !out.contains(english),
            "`{english}` in the Chinese report:\n{out}"
        );
    }
}

#[test]
fn the_language_comes_from_the_locale_unless_lang_says() {
    let run = |env: Option<(&str, &str)>, args: &[&str]| {
        let mut c = command(args);
        if let Some((k, v)) = env {
            c.env(k, v);
        }
        let o = c.output().expect("the binary starts");
        assert_exit(&o, 0);
        stdout(&o)
    };
    let zh = run(Some(("LANG", "zh_CN.UTF-8")), &["run", "tiny_quiet"]);
    assert!(zh.contains("封控情况"), "{zh}");
    let zh = run(Some(("LC_ALL", "zh_CN.UTF-8")), &["run", "tiny_quiet"]);
    assert!(zh.contains("封控情况"), "{zh}");
    let en = run(
        Some(("LANG", "zh_CN.UTF-8")),
        &["run", "tiny_quiet", "--lang", "en"],
    );
    assert!(en.contains("Closures"), "{en}");
    let en = run(None, &["run", "tiny_quiet"]);
    assert!(en.contains("Closures"), "{en}");
    // The same inputs in the same language give the same bytes.
    assert_eq!(
        run(None, &["--lang", "zh", "run", "tiny"]),
        run(None, &["run", "tiny", "--lang=zh"])
    );
}

#[test]
fn help_is_chinese_in_chinese() {
    for args in [
        vec!["--lang", "zh", "--help"],
        vec!["--lang", "zh", "run", "--help"],
        vec!["--lang", "zh", "sweep", "--help"],
        vec!["--lang", "zh", "validate", "--help"],
        vec!["--lang", "zh", "init", "--help"],
        vec!["--lang", "zh", "help", "merge"],
    ] {
        let o = baogong(&args);
        assert_exit(&o, 0);
        let h = stdout(&o);
        assert!(h.contains("用法："), "{args:?}:\n{h}");
        for english in [
            "Usage",
            "Options",
            "Print help",
            "Commands",
            "[OPTIONS]",
            "By default",
        ] {
            assert!(!h.contains(english), "{args:?}: `{english}` in:\n{h}");
        }
    }
    let o = baogong(&["--help"]);
    assert_exit(&o, 0);
    assert!(stdout(&o).contains("Usage:"), "{}", stdout(&o));
}

#[test]
fn argument_errors_are_chinese_in_chinese_and_exit_2() {
    for (args, want) in [
        (
            vec!["--lang", "zh", "run", "tiny", "--sed", "7"],
            "无法识别的参数",
        ),
        (vec!["--lang", "zh", "simulate"], "没有命令"),
        (
            vec!["--lang", "zh", "run", "--seed", "seven"],
            "不是非负整数",
        ),
        (vec!["--lang", "zh", "run", "--format", "xml"], "可用的值"),
        (vec!["--lang", "zh", "validate"], "缺少必需的参数"),
    ] {
        let o = baogong(&args);
        assert_exit(&o, 2);
        let e = stderr(&o);
        assert!(e.starts_with("错误："), "{args:?}: {e}");
        assert!(e.contains(want), "{args:?}: no `{want}` in {e}");
        assert!(o.stdout.is_empty(), "{args:?}");
    }
    let o = baogong(&["run", "--lang", "fr"]);
    assert_exit(&o, 2);
    assert!(stderr(&o).contains("fr"), "{}", stderr(&o));
}

// ---------------------------------------------------- built-in scenarios

#[test]
fn a_built_in_scenario_runs_by_name_from_anywhere() {
    let dir = TempDir::new("by-name");
    std::fs::create_dir_all(dir.path()).expect("a directory");
    let by_name = command(&["run", "tiny"])
        .current_dir(dir.path())
        .output()
        .expect("the binary starts");
    assert_exit(&by_name, 0);
    let by_file = baogong(&["run", &crate_file("scenarios/tiny.toml")]);
    assert_exit(&by_file, 0);
    assert_eq!(stdout(&by_name), stdout(&by_file));
    let dotted = baogong(&["run", "tiny.toml"]);
    assert_exit(&dotted, 0);

    // A file of that name in the current directory wins.
    let quiet =
        std::fs::read_to_string(crate_file("scenarios/tiny_quiet.toml")).expect("tiny_quiet");
    std::fs::write(
        dir.join("tiny"),
        quiet.replace("name = \"tiny_quiet\"", "name = \"mine\""),
    )
    .expect("a scenario file");
    let o = command(&["run", "tiny"])
        .current_dir(dir.path())
        .output()
        .expect("the binary starts");
    assert_exit(&o, 0);
    assert!(stdout(&o).contains("`mine`"), "{}", stdout(&o));
}

#[test]
fn an_unknown_scenario_name_lists_the_built_in_ones() {
    for lang in ["en", "zh"] {
        let o = baogong(&["run", "building_to_stret", "--lang", lang]);
        assert_exit(&o, 2);
        let e = stderr(&o);
        assert_eq!(e.lines().count(), 1, "{e}");
        for name in ["default", "building_to_street", "tiny", "shanghai"] {
            assert!(e.contains(name), "{lang}: no `{name}` in {e}");
        }
    }
}

#[test]
fn scenarios_lists_every_shipped_file_with_its_description() {
    let o = baogong(&["scenarios"]);
    assert_exit(&o, 0);
    let out = stdout(&o);
    for entry in std::fs::read_dir(root().join("scenarios")).expect("scenarios/") {
        let p = entry.expect("an entry").path();
        let name = p
            .file_stem()
            .expect("a name")
            .to_string_lossy()
            .into_owned();
        assert!(
            out.lines()
                .any(|l| l.trim_start().starts_with(&format!("{name} "))),
            "no line for `{name}` in:\n{out}"
        );
    }
    assert!(out.contains("four closure scenarios"), "{out}");
    let zh = baogong(&["scenarios", "--lang", "zh"]);
    assert_exit(&zh, 0);
    assert!(stdout(&zh).contains("逐级升级"), "{}", stdout(&zh));
}

// ------------------------------------------------------------------ init

#[test]
fn init_writes_starter_scenarios_that_validate_and_run() {
    let dir = TempDir::new("init");
    std::fs::create_dir_all(dir.path()).expect("a directory");
    for (lang, listed) in [("en", false), ("en", true), ("zh", false), ("zh", true)] {
        let file = dir.join(&format!("start-{lang}-{listed}.toml"));
        let f = file.display().to_string();
        let mut args = vec!["init", f.as_str(), "--lang", lang];
        if listed {
            args.push("--listed");
        }
        let o = baogong(&args);
        assert_exit(&o, 0);
        let text = std::fs::read_to_string(&file).expect("init wrote the file");
        assert!(
            text.lines().filter(|l| l.starts_with('#')).count() > 5,
            "comments"
        );
        if lang == "zh" {
            assert!(text.contains("封控"), "Chinese comments:\n{text}");
        }
        assert_eq!(text.contains("[[places]]"), listed);
        let v = baogong(&["validate", &f]);
        assert_exit(&v, 0);
        let r = baogong(&["run", &f, "--lang", lang]);
        assert_exit(&r, 0);
        assert!(!stdout(&r).is_empty());
    }
}

#[test]
fn init_never_overwrites_a_file() {
    let dir = TempDir::new("init-exists");
    std::fs::create_dir_all(dir.path()).expect("a directory");
    let file = dir.join("mine.toml");
    std::fs::write(&file, "keep me\n").expect("a file");
    for lang in ["en", "zh"] {
        let o = baogong(&["init", &file.display().to_string(), "--lang", lang]);
        assert_exit(&o, 2);
        assert!(stderr(&o).contains("mine.toml"), "{}", stderr(&o));
        assert_eq!(
            std::fs::read_to_string(&file).expect("readable"),
            "keep me\n"
        );
    }
}

#[test]
fn validate_lines_up_chinese_names() {
    let o = baogong(&[
        "validate",
        &crate_file("tests/fixtures/chinese_places.toml"),
        "--lang",
        "zh",
    ]);
    assert_exit(&o, 0);
    let out = stdout(&o);
    assert!(out.contains("东城区仓库"), "{out}");
    assert!(out.contains("有效"), "{out}");
    // The goods table: every row as wide as its header, by display width.
    let start = out
        .lines()
        .position(|l| l.starts_with("商品"))
        .expect("goods:");
    let rows: Vec<&str> = out.lines().skip(start + 1).take(7).collect();
    let w = |s: &str| unicode_width::UnicodeWidthStr::width(s);
    assert!(rows.iter().all(|r| w(r) == w(rows[0])), "{out}");
    assert!(Path::new(&crate_file("tests/fixtures/chinese_places.toml")).is_file());
}

#[test]
fn scenario_errors_are_chinese_in_chinese_with_file_line_and_key() {
    let fixture = crate_file("tests/fixtures/bad_unknown_key.toml");
    let o = baogong(&["validate", &fixture, "--lang", "zh"]);
    assert_exit(&o, 2);
    let e = stderr(&o);
    assert_eq!(e.lines().count(), 1, "{e}");
    assert!(e.contains(&format!("{fixture}:29:")), "{e}");
    assert!(e.contains("键 `plan.green_chanel`"), "{e}");
    assert!(e.contains("是否想写 `green_channel`"), "{e}");
    let o = baogong(&[
        "run",
        "tiny",
        "--set",
        "plan.point_riders=0",
        "--lang",
        "zh",
    ]);
    assert_exit(&o, 2);
    assert!(
        stderr(&o).contains("必须是 1 到 10000 之间的整数"),
        "{}",
        stderr(&o)
    );
    assert!(stderr(&o).contains("来自 --set"), "{}", stderr(&o));
    let o = baogong(&["sweep", "tiny", "--grid", "plan.nope=1,2", "--lang", "zh"]);
    assert_exit(&o, 2);
    assert!(stderr(&o).contains("不是可以修改的设置"), "{}", stderr(&o));
}

/// A one-line Chinese error, `错误：` first, holding `want` and none of the
/// English messages' words (paths, keys and the system's own words aside).
fn assert_chinese_error(o: &std::process::Output, want: &[&str]) {
    assert_exit(o, 2);
    let e = stderr(o);
    assert_eq!(
        e.lines().count(),
        1,
        "one message:
{e}"
    );
    assert!(e.starts_with("错误："), "{e}");
    for w in want {
        assert!(e.contains(w), "no `{w}` in {e}");
    }
    for english in [
        "error:",
        "key `",
        "is larger than",
        "distribution takes",
        "unknown distribution",
        "incomplete",
        "given twice",
        "cannot read",
        "the output of",
    ] {
        assert!(
            !e.contains(english),
            "`{english}` in the Chinese error: {e}"
        );
    }
    assert!(o.stdout.is_empty());
}

#[test]
fn distribution_errors_are_chinese_in_chinese_with_file_line_and_key() {
    let fixture = crate_file("tests/fixtures/bad_distribution.toml");
    let o = baogong(&["validate", &fixture, "--lang", "zh"]);
    assert_chinese_error(
        &o,
        &[
            &format!("{fixture}:29:"),
            "键 `transport.travel_hours_local`",
            "`min`（3）大于 `max`（1）",
        ],
    );
    // The same file in English.
    let o = baogong(&["validate", &fixture, "--lang", "en"]);
    assert_exit(&o, 2);
    assert!(
        stderr(&o).contains("`min` (3) is larger than `max` (1)"),
        "{}",
        stderr(&o)
    );
    // A key the distribution does not take, and an unknown distribution,
    // from --set.
    for (value, want) in [
        (
            "{ dist = \"exponential\", mean = 2.0, max = 3.0 }",
            "exponential 分布没有 `max` 这个键",
        ),
        ("{ dist = \"normal\", mean = 2.0 }", "未知的分布 `normal`"),
    ] {
        let set = format!("transport.travel_hours_local={value}");
        let o = baogong(&["run", "tiny", "--set", &set, "--lang", "zh"]);
        assert_chinese_error(
            &o,
            &["键 `transport.travel_hours_local`", want, "来自 --set"],
        );
    }
}

#[test]
fn merge_errors_are_chinese_in_chinese_and_exit_2() {
    let shards = [TempDir::new("zh-merge-1"), TempDir::new("zh-merge-2")];
    let out = TempDir::new("zh-merge-out");
    let t = tiny();
    for (k, d) in shards.iter().enumerate() {
        let shard = format!("{}/2", k + 1);
        let o = baogong(&[
            "sweep",
            &t,
            "--replications",
            "3",
            "--shard",
            &shard,
            "--out",
            &d.arg(),
        ]);
        assert_exit(&o, 0);
    }
    let (a, b, o) = (shards[0].arg(), shards[1].arg(), out.arg());
    let merge = |dirs: &[&str]| {
        let mut args = vec!["--lang", "zh", "merge"];
        args.extend_from_slice(dirs);
        args.extend(["--out", o.as_str()]);
        baogong(&args)
    };
    assert_chinese_error(&merge(&[&a]), &["分片不全：缺少 2/2"]);
    assert_chinese_error(&merge(&[&a, &a, &b]), &["第 1/2 分片给了两次"]);
    let nowhere = shards[0].join("nowhere").display().to_string();
    assert_chinese_error(&merge(&[&a, &nowhere]), &["无法读取", "sweep --shard"]);
    assert!(
        !out.path().exists(),
        "nothing is written when a merge is refused"
    );
    assert_exit(&merge(&[&a, &b]), 0);
}
