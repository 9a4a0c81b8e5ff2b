//! Property tests of the image functions on random inputs: host and PJRT agree (tenengrad,
//! clipping, masks, selection, B-mode helpers), plus the defining properties: the Tenengrad of a
//! constant image vanishes away from the zero-padded border, masks are inclusive, run detection
//! matches a brute-force scan, and `select` is numpy's boolean indexing.

use ndarray::{Array1, Array2, ArrayD, IxDyn};
use num_complex::Complex32;
use proptest::prelude::*;
use ultrasound_metrics as um;
use um::metrics::{
    ClipMethod, MaxAmplitudeParams, RangeFactor, TenengradOutput, TenengradParams, ThresholdParams,
};
use um::roi::MaskShape;

fn device() -> um::Device {
    um::Device::cpu().expect("PJRT CPU plugin")
}

/// Deterministic values in [-4, 4) on a grid of 1/8 (exact in f32), from a seed.
fn vals(n: usize, seed: u64) -> Vec<f64> {
    let mut s = seed | 1;
    (0..n)
        .map(|_| {
            s = s
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            ((s >> 33) % 64) as f64 / 8.0 - 4.0
        })
        .collect()
}

fn close(a: &[f64], b: &[f64], tol: f64) -> Result<(), TestCaseError> {
    prop_assert_eq!(a.len(), b.len());
    for (x, y) in a.iter().zip(b) {
        let ok = (x.is_nan() && y.is_nan()) || (x - y).abs() <= tol * (1.0 + x.abs());
        prop_assert!(ok, "{} vs {}", x, y);
    }
    Ok(())
}

fn odd_kernel() -> impl Strategy<Value = Array2<f64>> {
    (0usize..3, 0usize..3, any::<u64>()).prop_map(|(h, w, seed)| {
        let (h, w) = (2 * h + 1, 2 * w + 1);
        Array2::from_shape_vec((h, w), vals(h * w, seed)).unwrap()
    })
}

/// Tenengrad on host and device as f64 vectors (statistic: one element).
fn ten_both<T: um::metrics::Magnitude>(
    img: &Array2<T>,
    roi: Option<&Array2<bool>>,
    p: &TenengradParams,
) -> (Vec<f64>, Vec<f64>)
where
    T::Abs: Into<f64>,
    T::Real: Into<f64>,
{
    let dev = device();
    let host = um::tenengrad(img, roi, p.clone()).unwrap();
    let imgd = dev.put(img).unwrap();
    let roid = roi.map(|r| dev.put(r).unwrap());
    let d = um::tenengrad(&imgd, roid.as_ref(), p.clone()).unwrap();
    let h: Vec<f64> = match host {
        TenengradOutput::Statistic(s) => vec![s],
        TenengradOutput::Map(m) => m.iter().map(|&v| v.into()).collect(),
        TenengradOutput::Values(v) => v.iter().map(|&v| v.into()).collect(),
    };
    let d: Vec<f64> = match d {
        TenengradOutput::Statistic(s) => vec![s.to_ndarray().unwrap().into_scalar().into()],
        TenengradOutput::Map(m) => m.to_ndarray().unwrap().iter().map(|&v| v.into()).collect(),
        TenengradOutput::Values(v) => v.to_ndarray().unwrap().iter().map(|&v| v.into()).collect(),
    };
    (h, d)
}

/// Brute force: does `c` contain a run of `len` trues?
fn has_run(c: &[bool], len: usize) -> bool {
    let mut run = 0;
    for &b in c {
        run = if b { run + 1 } else { 0 };
        if run >= len {
            return true;
        }
    }
    false
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 12, .. ProptestConfig::default() })]

    #[test]
    fn tenengrad_host_equals_pjrt(h in 1usize..9, w in 1usize..9, seed in any::<u64>(),
                                  kernel in proptest::option::of(odd_kernel()),
                                  mode in 0usize..4, use_roi in any::<bool>()) {
        let v = vals(2 * h * w, seed);
        let roi = Array2::from_shape_fn((h, w), |(i, j)| v[i * w + j] > 0.0);
        let roi = use_roi.then_some(&roi);
        let p = TenengradParams { sobel_kernel: kernel, reduce_sum: mode < 3, normalize: mode == 1 };
        let f64img = Array2::from_shape_vec((h, w), v[..h * w].to_vec()).unwrap();
        let (a, b) = ten_both(&f64img, roi, &p);
        close(&a, &b, 1e-12)?;
        let f32img = f64img.mapv(|x| x as f32);
        let (a, b) = ten_both(&f32img, roi, &p);
        close(&a, &b, 1e-5)?;
        let c64img = Array2::from_shape_fn((h, w), |(i, j)| Complex32::new(v[i * w + j] as f32, v[h * w + i * w + j] as f32));
        let (a, b) = ten_both(&c64img, roi, &p);
        close(&a, &b, 1e-5)?;
        let i32img = f64img.mapv(|x| (x * 8.0) as i32);
        let (a, b) = ten_both(&i32img, roi, &p);
        close(&a, &b, 1e-12)?; // exact maps and sums; the mean may differ by an ulp
    }

    #[test]
    fn tenengrad_of_constant_image_vanishes_inside(h in 1usize..10, w in 1usize..10, c in -50i32..50,
                                                   kh in 0usize..3, kw in 0usize..3, seed in any::<u64>()) {
        // the default Sobel kernel, and a random integer kernel with zero sum
        let (kh, kw) = (2 * kh + 1, 2 * kw + 1);
        let mut k: Vec<f64> = vals(kh * kw, seed).iter().map(|x| (x * 2.0).round()).collect();
        let s: f64 = k[1..].iter().sum();
        k[0] = -s;
        let zero_sum = Array2::from_shape_vec((kh, kw), k).unwrap();
        let img = Array2::from_elem((h, w), c as f64);
        for kernel in [None, Some(zero_sum)] {
            let (ch, cw) = kernel.as_ref().map_or((1, 1), |k| (k.nrows() / 2, k.ncols() / 2));
            let p = TenengradParams { sobel_kernel: kernel, reduce_sum: false, ..Default::default() };
            let map = um::tenengrad(&img, None, p).unwrap().into_map().unwrap();
            for ((i, j), &g) in map.indexed_iter() {
                if i >= ch && i + ch < h && j >= cw && j + cw < w {
                    prop_assert_eq!(g, 0.0, "({}, {})", i, j);
                }
            }
        }
    }

    #[test]
    fn masks_are_inclusive_and_host_equals_pjrt(nx in 1usize..12, nz in 1usize..12, x0 in -3i32..9, z0 in -3i32..9,
                                                r in 0i32..5, w in 0i32..6, hgt in 0i32..6, f32_axes in any::<bool>()) {
        // integer grids, so that boundary points lie exactly on the mask's edge
        let x = Array1::from_shape_fn(nx, |i| i as f64 - 2.0);
        let z = Array1::from_shape_fn(nz, |i| i as f64);
        let (x0, z0, r, w, hgt) = (x0 as f64, z0 as f64, r as f64, w as f64, hgt as f64);
        let circle = um::create_circular_mask((x0, z0), r, &x, &z).unwrap();
        let rect = um::create_rectangular_mask((x0, z0), (w, hgt), &x, &z).unwrap();
        let square = um::build_mask((x0, z0), (2.0 * w, 2.0 * hgt), &x, &z, MaskShape::Square).unwrap();
        prop_assert_eq!(circle.shape(), &[nz, nx]);
        for ((i, j), &c) in circle.indexed_iter() {
            let (dx, dz) = (x[j] - x0, z[i] - z0);
            prop_assert_eq!(c, dx * dx + dz * dz <= r * r, "circle ({}, {})", i, j);
            prop_assert_eq!(rect[[i, j]], x0 <= x[j] && x[j] <= x0 + w && z0 <= z[i] && z[i] <= z0 + hgt);
            prop_assert_eq!(square[[i, j]], (x[j] - x0).abs() <= w && (z[i] - z0).abs() <= hgt);
        }
        let dev = device();
        if f32_axes {
            let (xf, zf) = (x.mapv(|v| v as f32), z.mapv(|v| v as f32));
            let (xd, zd) = (dev.put(&xf).unwrap(), dev.put(&zf).unwrap());
            prop_assert_eq!(&um::create_circular_mask((x0, z0), r, &xf, &zf).unwrap(), &circle);
            prop_assert_eq!(&um::create_circular_mask((x0, z0), r, &xd, &zd).unwrap().to_ndarray().unwrap(), &circle);
            prop_assert_eq!(&um::create_rectangular_mask((x0, z0), (w, hgt), &xd, &zd).unwrap().to_ndarray().unwrap(), &rect);
        } else {
            let (xd, zd) = (dev.put(&x).unwrap(), dev.put(&z).unwrap());
            prop_assert_eq!(&um::create_circular_mask((x0, z0), r, &xd, &zd).unwrap().to_ndarray().unwrap(), &circle);
            prop_assert_eq!(&um::build_mask((x0, z0), (2.0 * w, 2.0 * hgt), &xd, &zd, MaskShape::Rectangle).unwrap().to_ndarray().unwrap(), &square);
        }
    }

    #[test]
    fn select_is_boolean_indexing(shape in prop::collection::vec(1usize..6, 1..4), seed in any::<u64>()) {
        let n: usize = shape.iter().product();
        let v = vals(2 * n, seed);
        let x = ArrayD::from_shape_vec(IxDyn(&shape), v[..n].to_vec()).unwrap();
        let m = ArrayD::from_shape_vec(IxDyn(&shape), v[n..].iter().map(|&t| t > 0.5).collect()).unwrap();
        let expect: Vec<f64> = x.iter().zip(m.iter()).filter(|(_, &b)| b).map(|(&a, _)| a).collect();
        let h = um::roi::select(&x, &m).unwrap();
        prop_assert_eq!(h.to_vec(), expect.clone());
        let dev = device();
        let d = um::roi::select(&dev.put(&x).unwrap(), &dev.put(&m).unwrap()).unwrap();
        prop_assert_eq!(d.to_ndarray().unwrap().to_vec(), expect);
    }

    #[test]
    fn bmode_helpers_host_equals_pjrt(shape in prop::collection::vec(1usize..6, 1..3), seed in any::<u64>()) {
        let n: usize = shape.iter().product();
        let v = vals(2 * n, seed);
        let x = ArrayD::from_shape_vec(IxDyn(&shape), (0..n).map(|i| Complex32::new(v[i] as f32, v[n + i] as f32)).collect()).unwrap();
        let xd = device().put(&x).unwrap();
        let f = |a: ArrayD<f32>| a.iter().map(|&v| v as f64).collect::<Vec<_>>();
        close(&f(um::decibel(&x).unwrap()), &f(um::decibel(&xd).unwrap().to_ndarray().unwrap()), 1e-5)?;
        let dz = um::db_zero(&x).unwrap();
        close(&f(dz.clone()), &f(um::db_zero(&xd).unwrap().to_ndarray().unwrap()), 1e-5)?;
        prop_assert!(dz.iter().all(|&d| d <= 0.0) && dz.iter().any(|&d| d == 0.0));
        close(&f(um::create_bmode_image(&x).unwrap()), &f(um::create_bmode_image(&xd).unwrap().to_ndarray().unwrap()), 1e-6)?;
    }
}

proptest! {
    // every case compiles ~8 programs (shapes, dtypes and parameters vary): keep it short
    #![proptest_config(ProptestConfig { cases: 6, .. ProptestConfig::default() })]

    #[test]
    fn clip_host_equals_pjrt_and_runs_are_brute_force(rows in 1usize..4, n in 1usize..40, seed in any::<u64>(),
                                                      mc in 1usize..7, low in proptest::option::of(0.0f64..0.3),
                                                      high in 0.0f64..0.3, thr in 0.5f64..3.5) {
        let v = vals(rows * n, seed);
        let x = ArrayD::from_shape_vec(IxDyn(&[rows, n]), v.clone()).unwrap();
        let xf = x.mapv(|v| v as f32);
        let dev = device();
        let (xd, xfd) = (dev.put(&x).unwrap(), dev.put(&xf).unwrap());
        let tp = ThresholdParams { max_threshold: thr, min_threshold: Some(-thr / 2.0) };
        let mp = MaxAmplitudeParams { range_factor: RangeFactor::Sides { low, high: Some(high) }, min_contiguous: mc };
        let t = um::is_clipped_threshold(&x, tp).unwrap();
        prop_assert_eq!(&t, &um::is_clipped_threshold(&xd, tp).unwrap().to_ndarray().unwrap());
        prop_assert_eq!(&um::is_clipped_threshold(&xf, tp).unwrap(), &um::is_clipped_threshold(&xfd, tp).unwrap().to_ndarray().unwrap());
        let m = um::is_clipped_max_amplitude(&x, mp).unwrap();
        prop_assert_eq!(&m, &um::is_clipped_max_amplitude(&xd, mp).unwrap().to_ndarray().unwrap());
        prop_assert_eq!(&um::is_clipped_max_amplitude(&xf, mp).unwrap(), &um::is_clipped_max_amplitude(&xfd, mp).unwrap().to_ndarray().unwrap());
        // brute force of the reference's rule, series by series
        for r in 0..rows {
            let s = &v[r * n..(r + 1) * n];
            let (mn, mx) = s.iter().fold((f64::INFINITY, f64::NEG_INFINITY), |(a, b), &x| (a.min(x), b.max(x)));
            let cand: Vec<bool> = s.iter().map(|&x| low.is_some_and(|l| x <= mn + l * (mx - mn)) || x >= mx - high * (mx - mn)).collect();
            let keep = mc <= 1 || has_run(&cand, mc);
            for j in 0..n {
                prop_assert_eq!(m[[r, j]], cand[j] && keep);
                prop_assert_eq!(t[[r, j]], s[j] > thr || s[j] < -thr / 2.0);
            }
        }
        for method in [ClipMethod::Threshold(tp), ClipMethod::MaxAmplitude(mp)] {
            let h = um::clip_ratio(&x, method).unwrap();
            let d = um::clip_ratio(&xd, method).unwrap().to_ndarray().unwrap().into_scalar();
            prop_assert!((h - d).abs() <= 1e-12);
        }
        let expect = t.iter().filter(|&&b| b).count() as f64 / (rows * n) as f64;
        prop_assert!((um::clip_ratio(&x, ClipMethod::Threshold(tp)).unwrap() - expect).abs() < 1e-12);
    }
}

#[test]
fn db_zero_propagates_nan_on_both_backends() {
    // feeds NaN on purpose: the reference's propagation (the policy is process-wide; no test of
    // this binary expects Error::NonFinite)
    um::set_nonfinite_policy(um::NonFinite::Propagate);
    let x = ndarray::array![1.0, f64::NAN, 3.0];
    let h = um::db_zero(&x).unwrap();
    let d = um::db_zero(&device().put(&x).unwrap())
        .unwrap()
        .to_ndarray()
        .unwrap();
    assert!(h.iter().chain(d.iter()).all(|v| v.is_nan()));
}

#[test]
fn clip_nan_series_is_not_flagged_on_both_backends() {
    // feeds NaN on purpose: the reference's propagation (the policy is process-wide; no test of
    // this binary expects Error::NonFinite)
    um::set_nonfinite_policy(um::NonFinite::Propagate);
    let x = ndarray::array![[1.0f32, f32::NAN, 3.0, 3.0], [0.0, 1.0, 1.0, 0.5]];
    let p = MaxAmplitudeParams::default();
    let h = um::is_clipped_max_amplitude(&x, p).unwrap();
    let d = um::is_clipped_max_amplitude(&device().put(&x).unwrap(), p)
        .unwrap()
        .to_ndarray()
        .unwrap();
    assert_eq!(h, d);
    assert_eq!(h.row(0).to_vec(), vec![false; 4]);
    assert_eq!(h.row(1).to_vec(), vec![true, true, true, false]);
}

#[test]
fn tenengrad_errors() {
    let img = Array2::<f64>::zeros((4, 5));
    let even = TenengradParams {
        sobel_kernel: Some(Array2::zeros((2, 3))),
        ..Default::default()
    };
    assert!(um::tenengrad(&img, None, even).is_err());
    let roi = Array2::from_elem((5, 4), true);
    assert!(um::tenengrad(&img, Some(&roi), Default::default()).is_err());
    let cube = ArrayD::<f64>::zeros(IxDyn(&[2, 3, 3]));
    assert!(um::tenengrad(&cube, None, Default::default()).is_err());
    // an empty ROI is an error (the reference gives sum 0, mean NaN), with or without the mean
    let empty = Array2::from_elem((4, 5), false);
    assert!(um::tenengrad(&img, Some(&empty), Default::default()).is_err());
    let mean = TenengradParams {
        normalize: true,
        ..Default::default()
    };
    assert!(um::tenengrad(&img, Some(&empty), mean).is_err());
}
