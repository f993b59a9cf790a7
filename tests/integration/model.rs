//! The model against theory and its own rules.
