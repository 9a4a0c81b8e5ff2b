//! Resolution metrics (`compute_fwhm` with the Gaussian refinement, `compute_sll`) on f64
//! point-spread functions of 128² and 512². They are host algorithms (sequential crossings,
//! a least-squares fit, peak search): a device input is copied to the host first, so
//! `pjrt_resident` shows that copy's cost; there is nothing to compile.
//!
//! Run: `cargo bench --bench resolution`.

mod common;

use std::hint::black_box;

use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion};
use ultrasound_metrics as um;
use um::metrics::{FwhmParams, SllParams};

fn bench(c: &mut Criterion) {
    let dev = common::device();
    for n in [128usize, 512] {
        let img = common::psf(n);
        let imgd = dev.put(&img).unwrap();
        let id = format!("f64_{n}x{n}");
        let mut g = common::group(c, "fwhm");
        g.bench_function(BenchmarkId::new("host", &id), |b| {
            b.iter(|| black_box(um::compute_fwhm(&img, FwhmParams::default()).unwrap()))
        });
        g.bench_function(BenchmarkId::new("pjrt_resident", &id), |b| {
            b.iter(|| black_box(um::compute_fwhm(&imgd, FwhmParams::default()).unwrap()))
        });
        g.finish();
        let mut g = common::group(c, "sll");
        g.bench_function(BenchmarkId::new("host", &id), |b| {
            b.iter(|| black_box(um::compute_sll(&img, SllParams::default()).unwrap()))
        });
        g.bench_function(BenchmarkId::new("pjrt_resident", &id), |b| {
            b.iter(|| black_box(um::compute_sll(&imgd, SllParams::default()).unwrap()))
        });
        g.finish();
    }
}

criterion_group!(benches, bench);
criterion_main!(benches);
