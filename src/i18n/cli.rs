//! The command line: help of every command and option, its messages and
//! errors, `validate`'s output, the sweep table, `scenarios` and `init`.

crate::catalogue! {
    N_SUPPLIERS { en: "{n} supplier(s)", zh: "{n} 家直接供货商" }
}
