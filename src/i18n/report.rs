//! The text report of a run and its timeline.

crate::catalogue! {
    CLOSURES_HEADING { en: "Closures", zh: "封控情况" }
}
