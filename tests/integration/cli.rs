//! Command-line behaviour (filled in below).
