//! Errors in scenario files, `--set` and `--grid`, sweeps and merges.

crate::catalogue! {
    ERROR { en: "error", zh: "错误" }
}
