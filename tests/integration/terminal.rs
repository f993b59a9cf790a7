//! Tables in a real terminal: tmux runs `baogong run` on a scenario with
//! Chinese place names, in Chinese, and the captured screen is measured by
//! tmux itself (the cursor column after printing each piece of a row), so
//! the test does not trust our own idea of how wide a character is.
//!
//! It needs tmux and is ignored by a plain `cargo test`; `.ci/run` installs
//! tmux and runs it with
//! `cargo test --release --test integration terminal:: -- --ignored`,
//! and says "skipped" when tmux cannot be installed.

use std::path::PathBuf;
use std::process::{Command, Output};
use std::time::{Duration, Instant};

use crate::cli::crate_file;

/// A tmux server of its own, killed when dropped.
struct Tmux {
    socket: String,
}

impl Tmux {
    fn new() -> Tmux {
        Tmux {
            socket: format!("baogong-test-{}", std::process::id()),
        }
    }

    fn run(&self, args: &[&str]) -> Output {
        Command::new("tmux")
            .args(["-u", "-f", "/dev/null", "-L", &self.socket])
            .args(args)
            .output()
            .expect("tmux is installed (the test is run by .ci/run, which installs it)")
    }

    fn ok(&self, args: &[&str]) -> String {
        let o = self.run(args);
        assert!(
            o.status.success(),
            "tmux {args:?}: {}",
            String::from_utf8_lossy(&o.stderr)
        );
        String::from_utf8_lossy(&o.stdout).into_owned()
    }

    /// The whole pane `target`, history included.
    fn capture(&self, target: &str) -> String {
        self.ok(&[
            "capture-pane",
            "-p",
            "-J",
            "-t",
            target,
            "-S",
            "-",
            "-E",
            "-",
        ])
    }

    /// Waits until the pane shows `text`.
    fn wait_for(&self, target: &str, text: &str) -> String {
        let start = Instant::now();
        loop {
            let screen = self.capture(target);
            if screen.contains(text) {
                return screen;
            }
            assert!(
                start.elapsed() < Duration::from_secs(60),
                "`{text}` never appeared; the screen:\n{screen}"
            );
            std::thread::sleep(Duration::from_millis(100));
        }
    }
}

impl Drop for Tmux {
    fn drop(&mut self) {
        let _ = self.run(&["kill-server"]);
    }
}

/// A table of the screen: the header starting with `first` and the rows
/// after it up to the first line that is blank or not indented by two.
fn table<'a>(screen: &'a str, first: &str) -> Vec<&'a str> {
    let lines: Vec<&str> = screen.lines().collect();
    let start = lines
        .iter()
        .position(|l| l.trim_start().starts_with(first))
        .unwrap_or_else(|| panic!("no table starting with `{first}` in:\n{screen}"));
    lines[start..]
        .iter()
        .take_while(|l| l.starts_with("  ") && !l.trim_start().starts_with('（'))
        .copied()
        .collect()
}

/// The cells of a row: separated by two spaces or more.
fn cells(row: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let b = row.as_bytes();
    let mut i = 0;
    while i < b.len() {
        while i < b.len() && b[i] == b' ' {
            i += 1;
        }
        if i >= b.len() {
            break;
        }
        let start = i;
        while i < b.len() && !(b[i] == b' ' && (i + 1 >= b.len() || b[i + 1] == b' ')) {
            i += 1;
        }
        out.push((start, i));
    }
    out
}

#[test]
#[ignore = "needs tmux: .ci/run runs it with `cargo test --release --test integration terminal:: -- --ignored`"]
fn tables_line_up_in_a_real_terminal_with_chinese_names() {
    let tmux = Tmux::new();
    let bin = env!("CARGO_BIN_EXE_baogong");
    let fixture = crate_file("tests/fixtures/chinese_places.toml");
    let cmd = format!("'{bin}' run '{fixture}' --lang zh --all; echo 报告结束; sleep 600");
    tmux.ok(&[
        "new-session",
        "-d",
        "-s",
        "report",
        "-x",
        "250",
        "-y",
        "150",
        &cmd,
    ]);
    let screen = tmux.wait_for("report", "报告结束");

    // A scratch pane, where each piece of a row is printed alone and tmux
    // says where its cursor ended: the width the terminal gave it.
    let dir = std::env::temp_dir().join(format!("baogong-tmux-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("a temporary directory");
    let measure = |pieces: &[String]| -> Vec<usize> {
        let list: PathBuf = dir.join("pieces.txt");
        let out: PathBuf = dir.join("widths.txt");
        let _ = std::fs::remove_file(&out);
        std::fs::write(&list, pieces.join("\n") + "\n").expect("the pieces");
        let script = format!(
            "while IFS= read -r l; do printf '\\r\\033[2K%s' \"$l\"; sleep 0.05; \
             tmux display -p -t \"$TMUX_PANE\" '#{{cursor_x}}' >> '{}'; done < '{}'; echo; echo 测量结束; sleep 600",
            out.display(),
            list.display()
        );
        let _ = tmux.run(&["kill-window", "-t", "measure"]);
        tmux.ok(&["new-window", "-d", "-n", "measure", &script]);
        tmux.wait_for("measure", "测量结束");
        let widths: Vec<usize> = std::fs::read_to_string(&out)
            .expect("tmux wrote the widths")
            .lines()
            .map(|l| l.trim().parse().expect("a cursor column"))
            .collect();
        assert_eq!(widths.len(), pieces.len(), "one width per piece");
        widths
    };

    let mut checked = 0;
    for first in ["编号", "商品", "项目", "指标"] {
        let rows = table(&screen, first);
        assert!(
            rows.len() >= 3,
            "`{first}` table too short:\n{}",
            rows.join("\n")
        );
        // Every row has the same cells as the header (empty cells only at
        // the end, as in the score's total row).
        let header = cells(rows[0]);
        let mut pieces = Vec::new();
        let mut at = Vec::new();
        for (r, row) in rows.iter().enumerate() {
            let cs = cells(row);
            if cs.len() != header.len() {
                continue; // a total row with empty cells
            }
            for (k, &(s, e)) in cs.iter().enumerate() {
                // The prefix up to the start and up to the end of the cell.
                pieces.push(row[..s].to_string());
                pieces.push(row[..e].to_string());
                at.push((r, k));
            }
        }
        let w = measure(&pieces);
        // The measure itself: the indent before the first cell is 2
        // columns, and the pieces are measured in the scratch pane, not in
        // some other pane whose cursor stays put.
        assert_eq!(w[0], 2, "the first cell's start, after the indent");
        assert!(
            w.iter().max().copied().unwrap_or(0) > 20,
            "tmux measured nothing: {w:?}"
        );
        // Per column: the start (left-aligned text) or the end (numbers)
        // of every row's cell, as tmux drew it.
        let mut starts: Vec<Vec<usize>> = vec![Vec::new(); header.len()];
        let mut ends: Vec<Vec<usize>> = vec![Vec::new(); header.len()];
        for (i, &(_, k)) in at.iter().enumerate() {
            if k < header.len() {
                starts[k].push(w[2 * i]);
                ends[k].push(w[2 * i + 1]);
            }
        }
        for k in 0..header.len() {
            let left = starts[k].iter().all(|&s| s == starts[k][0]);
            let right = ends[k].iter().all(|&e| e == ends[k][0]);
            assert!(
                left || right,
                "table `{first}`, column {k}: neither the starts {:?} nor the ends {:?} line up:\n{}",
                starts[k],
                ends[k],
                rows.join("\n")
            );
            checked += 1;
        }
    }
    assert!(checked >= 20, "only {checked} columns checked");
    // The screen really holds Chinese names and labels.
    for s in [
        "阳光花园1号楼",
        "滨江苑",
        "卫生清洁用品",
        "征用合理补偿",
        "村(居)",
    ] {
        assert!(screen.contains(s), "no `{s}` on the screen:\n{screen}");
    }
    let _ = std::fs::remove_dir_all(&dir);
}
