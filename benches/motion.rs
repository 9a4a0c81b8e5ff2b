//! Frame-sequence metrics on the host backend and PJRT CPU: motion correlation (`corrcoef`,
//! `pairwise_corrcoef` all pairs, `pairwise_corrcoef_agg`) on 16 f32 frames of 100×100 and 64
//! frames of 200×300, and channel noise (`noise_repeated_measurements`,
//! `noise_adjacent_frames`) on 4 and 16 repetitions of complex64 (64,100,100) channel data.
//!
//! Per (metric, case): `compile` where the metric has a traced form, `first_call_cold`,
//! `first_call_disk`, and the steady state `host`, `pjrt_resident`, `pjrt_put` (see
//! `benches/common/mod.rs`).
//!
//! Run: `cargo bench --bench motion`.

mod common;

use common::{bench_compile, bench_paths};
use criterion::{criterion_group, criterion_main, Criterion};
use ultrasound_metrics as um;
use um::metrics::{traced, NoiseMethod, Pairs};

fn bench(c: &mut Criterion) {
    let dev = common::device();
    for shape in [[16usize, 100, 100], [64, 200, 300]] {
        let v = common::real_f32(&shape, 7);
        let id = format!("f32_{}x{}x{}", shape[0], shape[1], shape[2]);
        let ty = dev.put(&v).unwrap().tensor_type().clone();

        let mut g = common::group(c, "corrcoef");
        bench_compile(&mut g, &id, &dev, vec![ty.clone()], |a| {
            Ok(vec![traced::corrcoef(&a[0])?])
        });
        bench_paths!(&mut g, id, &dev, [v], um::corrcoef(&v));
        g.finish();

        let mut g = common::group(c, "pairwise_corrcoef");
        bench_paths!(&mut g, id, &dev, [v], um::pairwise_corrcoef(&v, Pairs::All));
        g.finish();

        let mut g = common::group(c, "pairwise_corrcoef_agg");
        bench_compile(&mut g, &id, &dev, vec![ty], |a| {
            Ok(vec![traced::pairwise_corrcoef_agg(&a[0])?])
        });
        bench_paths!(&mut g, id, &dev, [v], um::pairwise_corrcoef_agg(&v));
        g.finish();
    }
    for reps in [4usize, 16] {
        let x = common::c64(&[reps, 64, 100, 100]);
        let id = format!("c64_{reps}x64x100x100");
        let ty = dev.put(&x).unwrap().tensor_type().clone();
        for (name, method) in [
            (
                "noise_repeated_measurements",
                NoiseMethod::RepeatedMeasurements,
            ),
            ("noise_adjacent_frames", NoiseMethod::AdjacentFrames),
        ] {
            let mut g = common::group(c, name);
            bench_compile(&mut g, &id, &dev, vec![ty.clone()], |a| {
                let e = traced::channel_noise(&a[0], method)?;
                Ok(vec![e.snr_db, e.signal_power, e.noise_power])
            });
            bench_paths!(&mut g, id, &dev, [x], um::channel_noise(&x, method));
            g.finish();
        }
    }
}

criterion_group!(benches, bench);
criterion_main!(benches);
