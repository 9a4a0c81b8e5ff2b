//! Image metrics on the host backend and PJRT CPU, on f32 (envelope) and complex64 (IQ) images
//! of 512² and 2048²: `tenengrad` (whole image; mean inside a circular ROI), `decibel`,
//! `db_zero`, `create_bmode_image`, the clipping detectors and `clip_ratio` (rows as series),
//! the ROI masks (`build_mask` circle) and `roi::select`.
//!
//! Per (metric, case): `compile` where the metric has a traced form, `first_call_cold`,
//! `first_call_disk`, and the steady state `host`, `pjrt_resident`, `pjrt_put` (see
//! `benches/common/mod.rs`).
//!
//! Run: `cargo bench --bench images`.

mod common;

use common::{bench_compile, bench_paths};
use criterion::{criterion_group, criterion_main, Criterion};
use ndarray::Array1;
use ultrasound_metrics as um;
use um::metrics::{
    traced, ClipMethod, MaskShape, MaxAmplitudeParams, TenengradParams, ThresholdParams,
};

fn bench(c: &mut Criterion) {
    let dev = common::device();
    for n in [512usize, 2048] {
        let img = common::image_f32(n);
        let iq = common::image_c64(n);
        let id = format!("f32_{n}x{n}");
        let idc = format!("c64_{n}x{n}");
        let ty = dev.put(&img).unwrap().tensor_type().clone();
        let tyc = dev.put(&iq).unwrap().tensor_type().clone();
        // axes in mm (0.1 mm pitch) and a circular ROI of a quarter of the width
        let x_axis = Array1::from_shape_fn(n, |i| i as f64 * 0.1);
        let z_axis = x_axis.clone();
        let (centre, radius) = ((n as f64 * 0.05, n as f64 * 0.05), n as f64 * 0.025);
        let mask = um::build_mask(centre, radius, &x_axis, &z_axis, MaskShape::Circle).unwrap();

        let mut g = common::group(c, "tenengrad");
        let p = TenengradParams::default();
        bench_compile(&mut g, &id, &dev, vec![ty.clone()], |a| {
            Ok(vec![traced::tenengrad(
                &a[0],
                None,
                TenengradParams::default(),
            )?])
        });
        bench_paths!(
            &mut g,
            id,
            &dev,
            [img],
            um::tenengrad(&img, None, p.clone())
        );
        let pm = TenengradParams {
            normalize: true,
            ..Default::default()
        };
        let idr = format!("roi_mean_{id}");
        bench_paths!(
            &mut g,
            idr,
            &dev,
            [img, mask],
            um::tenengrad(&img, Some(&mask), pm.clone())
        );
        g.finish();

        let mut g = common::group(c, "decibel");
        bench_compile(&mut g, &id, &dev, vec![ty.clone()], |a| {
            Ok(vec![traced::decibel(&a[0])?])
        });
        bench_paths!(&mut g, id, &dev, [img], um::decibel(&img));
        g.finish();

        let mut g = common::group(c, "db_zero");
        bench_compile(&mut g, &id, &dev, vec![ty.clone()], |a| {
            Ok(vec![traced::db_zero(&a[0])?])
        });
        bench_paths!(&mut g, id, &dev, [img], um::db_zero(&img));
        g.finish();

        let mut g = common::group(c, "bmode");
        bench_compile(&mut g, &idc, &dev, vec![tyc.clone()], |a| {
            Ok(vec![traced::create_bmode_image(&a[0])?])
        });
        bench_paths!(&mut g, idc, &dev, [iq], um::create_bmode_image(&iq));
        g.finish();

        let thr = ThresholdParams::new(1.2);
        let mut g = common::group(c, "is_clipped_threshold");
        bench_paths!(&mut g, id, &dev, [img], um::is_clipped_threshold(&img, thr));
        g.finish();

        let amp = MaxAmplitudeParams::default();
        let mut g = common::group(c, "is_clipped_max_amplitude");
        bench_paths!(
            &mut g,
            id,
            &dev,
            [img],
            um::is_clipped_max_amplitude(&img, amp)
        );
        g.finish();

        let mut g = common::group(c, "clip_ratio");
        bench_compile(&mut g, &id, &dev, vec![ty.clone()], |a| {
            Ok(vec![traced::clip_ratio(&a[0], ClipMethod::Threshold(thr))?])
        });
        bench_paths!(
            &mut g,
            id,
            &dev,
            [img],
            um::clip_ratio(&img, ClipMethod::Threshold(thr))
        );
        g.finish();

        let mut g = common::group(c, "build_mask");
        let idm = format!("circle_{n}x{n}");
        bench_paths!(
            &mut g,
            idm,
            &dev,
            [x_axis, z_axis],
            um::build_mask(centre, radius, &x_axis, &z_axis, MaskShape::Circle)
        );
        g.finish();

        let mut g = common::group(c, "roi_select");
        bench_paths!(&mut g, id, &dev, [img, mask], um::roi::select(&img, &mask));
        g.finish();
    }
}

criterion_group!(benches, bench);
criterion_main!(benches);
