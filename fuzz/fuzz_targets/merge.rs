//! merge's readers of a shard folder: the input up to its first NUL byte
//! is the folder's `sweep.json`, the rest its `replications.csv`. Whatever
//! they hold, merge refuses the folder or gives its rows, each checked,
//! with errors in both languages; never a panic.
#![no_main]

use std::sync::OnceLock;

use baogong::i18n::Lang;
use libfuzzer_sys::fuzz_target;

/// Rows read per input at most.
const MAX_ROWS: usize = 10_000;

/// A folder of this process's own, written anew for each input.
fn folder() -> &'static std::path::Path {
    static DIR: OnceLock<std::path::PathBuf> = OnceLock::new();
    DIR.get_or_init(|| {
        let d = std::env::temp_dir().join(format!("baogong-fuzz-merge-{}", std::process::id()));
        std::fs::create_dir_all(&d).expect("a temporary folder");
        d
    })
}

fuzz_target!(|data: &[u8]| {
    let (manifest, rows) = match data.iter().position(|&b| b == 0) {
        Some(i) => (&data[..i], &data[i + 1..]),
        None => (data, &[][..]),
    };
    let dir = folder();
    std::fs::write(dir.join("sweep.json"), manifest).expect("write sweep.json");
    std::fs::write(dir.join("replications.csv"), rows).expect("write replications.csv");
    match baogong::sweep::files::merge(&[dir.to_path_buf()]) {
        Ok(merged) => {
            for row in merged.take(MAX_ROWS) {
                if let Err(e) = row {
                    for lang in Lang::ALL {
                        let _ = e.render(lang);
                    }
                    break;
                }
            }
        }
        Err(e) => {
            for lang in Lang::ALL {
                let _ = e.render(lang);
            }
        }
    }
});
