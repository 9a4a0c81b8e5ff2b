//! Deviations from the Python reference, and why (the same text as `COMPATIBILITY.md`).
#![doc = include_str!("../COMPATIBILITY.md")]
