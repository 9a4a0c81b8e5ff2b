//! The coherence family (CF, GCF, PCF, SCF) on the host backend and PJRT CPU, at the issue's
//! sizes: complex64 (64,100,100) and (128,200,300), complex128 (64,100,100), a batch of 16
//! frames of complex64 (64,100,100) (one call, `frames: true`), and a tiny complex64 (8,4,4)
//! for the per-call overhead.
//!
//! Per (metric, case): `compile` (lower + XLA compile, no execution), `first_call_cold`,
//! `first_call_disk`, and the steady state `host`, `pjrt_resident`, `pjrt_put` (see
//! `benches/common/mod.rs`).
//!
//! Run: `cargo bench --bench coherence` (a filter narrows it, e.g. `-- gcf/host`).

mod common;

use common::{bench_compile, bench_paths};
use criterion::{criterion_group, criterion_main, Criterion};
use ultrasound_metrics as um;
use um::metrics::{traced, CfParams, GcfParams, PcfParams, ScfParams};

/// (case id, shape, complex128?, frames axis?)
const CASES: &[(&str, &[usize], bool, bool)] = &[
    ("tiny_c64_8x4x4", &[8, 4, 4], false, false),
    ("c64_64x100x100", &[64, 100, 100], false, false),
    ("c128_64x100x100", &[64, 100, 100], true, false),
    ("c64_128x200x300", &[128, 200, 300], false, false),
    ("batch16_c64_64x100x100", &[16, 64, 100, 100], false, true),
];

macro_rules! family {
    ($c:expr, $dev:expr, $id:expr, $x:ident, $frames:expr) => {{
        let (dev, id, frames) = ($dev, $id, $frames);
        let ty = dev.put(&$x).unwrap().tensor_type().clone();
        let cf = CfParams {
            frames,
            ..Default::default()
        };
        let gcf = GcfParams { m0: 1, frames };
        let pcf = PcfParams {
            frames,
            ..Default::default()
        };
        let scf = ScfParams {
            frames,
            ..Default::default()
        };

        let mut g = common::group($c, "cf");
        bench_compile(&mut g, id, dev, vec![ty.clone()], |a| {
            Ok(vec![traced::coherence_factor(&a[0], cf)?])
        });
        bench_paths!(&mut g, id, dev, [$x], um::coherence_factor(&$x, cf));
        g.finish();

        let mut g = common::group($c, "gcf");
        bench_compile(&mut g, id, dev, vec![ty.clone()], |a| {
            Ok(vec![traced::generalized_coherence_factor(&a[0], gcf)?])
        });
        bench_paths!(
            &mut g,
            id,
            dev,
            [$x],
            um::generalized_coherence_factor(&$x, gcf)
        );
        g.finish();

        let mut g = common::group($c, "pcf");
        bench_compile(&mut g, id, dev, vec![ty.clone()], |a| {
            Ok(vec![traced::phase_coherence_factor(&a[0], pcf)?])
        });
        bench_paths!(&mut g, id, dev, [$x], um::phase_coherence_factor(&$x, pcf));
        g.finish();

        let mut g = common::group($c, "scf");
        bench_compile(&mut g, id, dev, vec![ty], |a| {
            Ok(vec![traced::sign_coherence_factor(&a[0], scf)?])
        });
        bench_paths!(&mut g, id, dev, [$x], um::sign_coherence_factor(&$x, scf));
        g.finish();
    }};
}

fn bench(c: &mut Criterion) {
    let dev = common::device();
    for &(id, shape, wide, frames) in CASES {
        if wide {
            let x = common::c128(shape);
            family!(c, &dev, id, x, frames);
        } else {
            let x = common::c64(shape);
            family!(c, &dev, id, x, frames);
        }
    }
}

criterion_group!(benches, bench);
criterion_main!(benches);
