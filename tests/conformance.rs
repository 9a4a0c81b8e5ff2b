//! Conformance against the recorded Python reference (`ultrasound-metrics` 0.1.0).
//!
//! Data-driven: every case of `cases.json` (in `UM_CONFORMANCE_DIR`, default
//! `tests/data/conformance`) runs through the adapter of its function on the host backend and,
//! for graph-based functions, on PJRT. See `conformance/harness.rs` for the runner and its
//! environment variables, and `conformance/adapters/mod.rs` for how to add an adapter.
//!
//! `cargo test --test conformance -- --nocapture` prints the report; the test fails iff a case
//! failed.

// The support modules hold helpers (input conversions, result conversions, comparators) for the
// adapters still to be written, so some are unused for now.
#[path = "conformance/adapters/mod.rs"]
#[allow(dead_code)]
mod adapters;
#[path = "conformance/case.rs"]
#[allow(dead_code)]
mod case;
#[path = "conformance/compare.rs"]
#[allow(dead_code)]
mod compare;
#[path = "conformance/harness.rs"]
#[allow(dead_code)]
mod harness;

#[test]
fn conformance() {
    harness::run_and_report();
}
