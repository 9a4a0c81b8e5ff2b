//! Region statistics and signal quality on the host backend and PJRT CPU, on ROI vectors of
//! 10⁴ and 10⁶ f32 values: `contrast`, `compute_cnr` (MEAN and MEDIAN), `gcnr` (100 bins),
//! `compute_rf_snr`, `find_signal_and_noise` (on an RF line), and `tsnr` on complex64
//! `(pixels, 100 frames)` with the same number of values.
//!
//! Per (metric, case): `compile` where the metric has a traced form, `first_call_cold`,
//! `first_call_disk`, and the steady state `host`, `pjrt_resident`, `pjrt_put` (see
//! `benches/common/mod.rs`).
//!
//! Run: `cargo bench --bench regions` (`UM_BENCH_FULL=1`: gCNR and MEDIAN CNR at 10⁶ too,
//! otherwise 10⁵ for those two).

mod common;

use common::{bench_compile, bench_paths};
use criterion::{criterion_group, criterion_main, Criterion};
use ultrasound_metrics as um;
use um::metrics::{
    traced, Aggregation, CnrParams, ContrastParams, FsnParams, GcnrParams, RfSnrParams, TsnrParams,
};

/// gCNR and the MEDIAN CNR cost seconds per call at 10⁶ values today (and gCNR ~15 s to
/// compile; see BENCHMARKS.md), which ×10 samples × 5 paths would dominate the suite: they run
/// at 10⁵ instead unless `UM_BENCH_FULL=1`.
fn slow_n(n: usize) -> usize {
    if n > 100_000 && std::env::var_os("UM_BENCH_FULL").is_none() {
        100_000
    } else {
        n
    }
}

fn bench(c: &mut Criterion) {
    let dev = common::device();
    for (n, tag) in [(10_000usize, "1e4"), (1_000_000, "1e6")] {
        let inside = common::roi_values(n, 2.0, 11);
        let outside = common::roi_values(n, 1.0, 12);
        let id = format!("f32_{tag}");
        let ty = dev.put(&inside).unwrap().tensor_type().clone();
        let tys = [ty.clone(), ty];

        let mut g = common::group(c, "contrast");
        let p = ContrastParams::default();
        bench_compile(&mut g, &id, &dev, tys.to_vec(), |a| {
            Ok(vec![traced::contrast(&a[0], &a[1], p)?])
        });
        bench_paths!(
            &mut g,
            id,
            &dev,
            [inside, outside],
            um::contrast(&inside, &outside, p)
        );
        g.finish();

        let ns = slow_n(n);
        let idn = if ns == n {
            id.clone()
        } else {
            format!("f32_{ns}")
        };
        let (inside_s, outside_s) = (
            inside.slice(ndarray::s![..ns]).to_owned(),
            outside.slice(ndarray::s![..ns]).to_owned(),
        );
        let tys_s = [
            dev.put(&inside_s).unwrap().tensor_type().clone(),
            dev.put(&outside_s).unwrap().tensor_type().clone(),
        ];

        let mut g = common::group(c, "cnr");
        let p = CnrParams::default();
        bench_compile(&mut g, &id, &dev, tys.to_vec(), |a| {
            Ok(vec![traced::compute_cnr(&a[0], &a[1], p)?])
        });
        bench_paths!(
            &mut g,
            id,
            &dev,
            [inside, outside],
            um::compute_cnr(&inside, &outside, p)
        );
        let pm = CnrParams {
            fun_signal: Aggregation::Median,
            fun_noise: Aggregation::Median,
            ..Default::default()
        };
        let idm = format!("median_{id}");
        bench_compile(&mut g, &idm, &dev, tys.to_vec(), |a| {
            Ok(vec![traced::compute_cnr(&a[0], &a[1], pm)?])
        });
        bench_paths!(
            &mut g,
            idm,
            &dev,
            [inside, outside],
            um::compute_cnr(&inside, &outside, pm)
        );
        g.finish();

        let mut g = common::group(c, "gcnr");
        bench_compile(&mut g, &idn, &dev, tys_s.to_vec(), |a| {
            Ok(vec![traced::gcnr(&a[0], &a[1], GcnrParams::default())?])
        });
        bench_paths!(
            &mut g,
            idn,
            &dev,
            [inside_s, outside_s],
            um::gcnr(&inside_s, &outside_s, GcnrParams::default())
        );
        g.finish();

        let mut g = common::group(c, "rf_snr");
        let p = RfSnrParams::default();
        bench_compile(&mut g, &id, &dev, tys.to_vec(), |a| {
            Ok(vec![traced::compute_rf_snr(&a[0], &a[1], p)?])
        });
        bench_paths!(
            &mut g,
            id,
            &dev,
            [inside, outside],
            um::compute_rf_snr(&inside, &outside, p)
        );
        g.finish();

        let line = common::rf_line(n);
        let mut g = common::group(c, "find_signal_and_noise");
        let p = FsnParams::default();
        bench_paths!(
            &mut g,
            id,
            &dev,
            [line],
            um::find_signal_and_noise(&line, p)
        );
        g.finish();

        let frames = common::c64(&[n / 100, 100]);
        let idt = format!("c64_{}x100", n / 100);
        let tyt = dev.put(&frames).unwrap().tensor_type().clone();
        let mut g = common::group(c, "tsnr");
        let p = TsnrParams::default();
        bench_compile(&mut g, &idt, &dev, vec![tyt], |a| {
            Ok(vec![traced::tsnr(&a[0], p)?])
        });
        bench_paths!(&mut g, idt, &dev, [frames], um::tsnr(&frames, p));
        g.finish();
    }
}

criterion_group!(benches, bench);
criterion_main!(benches);
