//! Property tests of the region statistics: the defining properties of gCNR, contrast and tSNR,
//! and host ≡ PJRT for every function (gCNR exactly: the bins must be identical). Sizes are fixed
//! per test so that each executable compiles once.

use ndarray::{Array1, Array3};
use num_complex::Complex32;
use proptest::prelude::*;
use ultrasound_metrics as um;
use um::metrics::{
    Aggregation, Bins, CnrParams, ContrastParams, FsnParams, GcnrParams, RfSnrParams, SignalWidth,
    TsnrParams,
};

fn device() -> um::Device {
    um::Device::cpu().expect("PJRT CPU plugin")
}

fn rel_close(a: f64, b: f64, tol: f64) -> bool {
    (a.is_nan() && b.is_nan()) || a == b || (a - b).abs() <= tol * a.abs().max(b.abs())
}

/// A deterministic pseudo-random vector from a seed, in `[lo, hi)`, with many repeated values
/// when `levels` is small (values on bin edges are the interesting ones for gCNR).
fn values(seed: u64, n: usize, lo: f64, hi: f64, levels: u64) -> Vec<f64> {
    (0..n as u64)
        .map(|i| {
            let k =
                (seed ^ i.wrapping_mul(0x9E37_79B9_7F4A_7C15)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
            lo + (hi - lo) * ((k >> 11) % levels) as f64 / levels as f64
        })
        .collect()
}

const N_IN: usize = 300;
const N_OUT: usize = 500;

proptest! {
    #![proptest_config(ProptestConfig { cases: 24, .. ProptestConfig::default() })]

    #[test]
    fn gcnr_in_unit_interval_and_symmetric(
        seed in any::<u64>(), bins in 1usize..64, shift in -2.0f64..2.0, levels in 2u64..5000,
    ) {
        let a = Array1::from(values(seed, N_IN, 0.0, 1.0, levels));
        let b = Array1::from(values(seed.rotate_left(17), N_OUT, shift, shift + 1.5, levels));
        let p = GcnrParams { bins: Bins::Count(bins) };
        let g = um::gcnr(&a, &b, p.clone()).unwrap();
        prop_assert!((0.0..=1.0).contains(&g), "{}", g);
        prop_assert_eq!(g, um::gcnr(&b, &a, p).unwrap());
    }

    #[test]
    fn contrast_is_scale_invariant(seed in any::<u64>(), k in 1e-3f64..1e3) {
        let a = Array1::from(values(seed, N_IN, -1.0, 1.0, 1 << 20));
        let b = Array1::from(values(seed ^ 7, N_OUT, -3.0, 3.0, 1 << 20));
        for db in [false, true] {
            let p = ContrastParams { db };
            let c = um::contrast(&a, &b, p).unwrap();
            let ck = um::contrast(&(&a * k), &(&b * k), p).unwrap();
            prop_assert!(rel_close(c, ck, 1e-12) || (db && (c - ck).abs() < 1e-11), "{} vs {}", c, ck);
        }
    }

    #[test]
    fn tsnr_is_gain_invariant(seed in any::<u64>(), k in 1e-3f64..1e3) {
        let v = values(seed, 6 * 5 * 8, -1.0, 1.0, 1 << 20);
        let x = Array3::from_shape_vec((6, 5, 8), v).unwrap();
        let t = um::tsnr(&x, TsnrParams::default()).unwrap();
        let tk = um::tsnr(&(&x * k), TsnrParams::default()).unwrap();
        for (a, b) in t.iter().zip(tk.iter()) {
            prop_assert!(rel_close(*a, *b, 1e-9), "{} vs {}", a, b);
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 12, .. ProptestConfig::default() })]

    /// gCNR on f32 and f64 data, host and PJRT: identical bins, so equal results (up to the
    /// last-place rounding of the final sum).
    #[test]
    fn gcnr_host_equals_pjrt(seed in any::<u64>(), levels in 2u64..100_000, spread in 1e-3f64..1e3) {
        let dev = device();
        let a64 = Array1::from(values(seed, N_IN, -spread, spread, levels));
        let b64 = Array1::from(values(seed.rotate_left(29), N_OUT, -0.5 * spread, 1.5 * spread, levels));
        for bins in [7usize, 100] {
            let p = GcnrParams { bins: Bins::Count(bins) };
            let h = um::gcnr(&a64, &b64, p.clone()).unwrap();
            let d = um::gcnr(&dev.put(&a64).unwrap(), &dev.put(&b64).unwrap(), p.clone()).unwrap();
            prop_assert!((h - d.to_ndarray().unwrap().into_scalar()).abs() < 1e-12, "f64 bins {}", bins);
            let (a32, b32) = (a64.mapv(|v| v as f32), b64.mapv(|v| v as f32));
            let h = um::gcnr(&a32, &b32, p.clone()).unwrap();
            let d = um::gcnr(&dev.put(&a32).unwrap(), &dev.put(&b32).unwrap(), p).unwrap();
            prop_assert!((h - d.to_ndarray().unwrap().into_scalar() as f64).abs() < 1e-6, "f32 bins {}", bins);
        }
        let edges = GcnrParams { bins: Bins::Edges(vec![-spread, -0.1 * spread, 0.0, 0.3 * spread, spread]) };
        let h = um::gcnr(&a64, &b64, edges.clone()).unwrap();
        let d = um::gcnr(&dev.put(&a64).unwrap(), &dev.put(&b64).unwrap(), edges).unwrap();
        prop_assert!((h - d.to_ndarray().unwrap().into_scalar()).abs() < 1e-12);
    }

    /// contrast, CNR (mean and median), RF SNR and tSNR: host ≡ PJRT within dtype tolerance.
    #[test]
    fn scalar_stats_host_equals_pjrt(seed in any::<u64>()) {
        let dev = device();
        let a = Array1::from(values(seed, N_IN, -1.0, 2.0, 1 << 20));
        let b = Array1::from(values(seed ^ 0xABCD, N_OUT, -3.0, 1.0, 1 << 20));
        let (ad, bd) = (dev.put(&a).unwrap(), dev.put(&b).unwrap());
        let s = |d: um::DeviceArray<f64, ndarray::Ix0>| d.to_ndarray().unwrap().into_scalar();
        let median = CnrParams { fun_signal: Aggregation::Median, fun_noise: Aggregation::Median, ..Default::default() };
        let pairs = [
            (um::contrast(&a, &b, ContrastParams { db: true }).unwrap(), s(um::contrast(&ad, &bd, ContrastParams { db: true }).unwrap())),
            (um::compute_cnr(&a, &b, CnrParams::default()).unwrap(), s(um::compute_cnr(&ad, &bd, CnrParams::default()).unwrap())),
            (um::compute_cnr(&a, &b, median).unwrap(), s(um::compute_cnr(&ad, &bd, median).unwrap())),
            (um::compute_rf_snr(&a, &b, RfSnrParams::default()).unwrap(), s(um::compute_rf_snr(&ad, &bd, RfSnrParams::default()).unwrap())),
            (
                um::compute_rf_snr(&a, &b, RfSnrParams { max_power: true, center: false }).unwrap(),
                s(um::compute_rf_snr(&ad, &bd, RfSnrParams { max_power: true, center: false }).unwrap()),
            ),
        ];
        for (i, (h, d)) in pairs.iter().enumerate() {
            prop_assert!(rel_close(*h, *d, 1e-10), "statistic {}: host {} vs pjrt {}", i, h, d);
        }
        // complex64 tSNR
        let v = values(seed, 2 * 4 * 3 * 10, -1.0, 1.0, 1 << 16);
        let x = Array3::from_shape_fn((4, 3, 10), |(i, j, t)| {
            let k = (i * 3 + j) * 10 + t;
            Complex32::new(v[k] as f32 + 0.5, v[120 + k] as f32)
        });
        let h = um::tsnr(&x, TsnrParams { output_db: true }).unwrap();
        let d = um::tsnr(&dev.put(&x).unwrap(), TsnrParams { output_db: true }).unwrap().to_ndarray().unwrap();
        for (p, q) in h.iter().zip(d.iter()) {
            prop_assert!((p - q).abs() <= 1e-4 * (1.0 + p.abs()), "{} vs {}", p, q);
        }
    }

    /// The windows of find_signal_and_noise are the same on both backends (one arg-max
    /// executable serves every `ignore_until`).
    #[test]
    fn fsn_host_equals_pjrt(seed in any::<u64>(), w in 0usize..40, off in 0usize..80, iu in -300i64..300) {
        // feeds NaN on purpose (see nan_like_numpy_on_both_backends)
        um::set_nonfinite_policy(um::NonFinite::Propagate);
        let dev = device();
        let mut x = Array1::from(values(seed, 256, -1.0, 1.0, 1 << 12));
        if seed % 3 == 0 {
            x[(seed % 256) as usize] = f64::NAN;
        }
        let p = FsnParams { signal_width: SignalWidth::Total(w), noise_offset: off, ignore_until: iu, noise_size: None };
        let h = um::find_signal_and_noise_ranges(&x, p);
        let d = um::find_signal_and_noise_ranges(&dev.put(&x).unwrap(), p);
        match (h, d) {
            (Ok(h), Ok(d)) => prop_assert_eq!(h, d),
            (Err(_), Err(_)) => prop_assert!(iu >= 256 || w == 0),
            (h, d) => prop_assert!(false, "host {:?} vs pjrt {:?}", h, d),
        }
    }
}

/// The slices of find_signal_and_noise on a device are the host's (one executable per window).
#[test]
fn fsn_device_slices() {
    let dev = device();
    let x = Array1::from(values(3, 300, -1.0, 1.0, 1 << 12));
    for w in [0, 1, 20] {
        let p = FsnParams {
            signal_width: SignalWidth::Total(w),
            ..Default::default()
        };
        if w == 0 {
            // an empty signal window is an error on both backends
            assert!(um::find_signal_and_noise(&x, p).is_err());
            assert!(um::find_signal_and_noise(&dev.put(&x).unwrap(), p).is_err());
            continue;
        }
        let (hs, hn) = um::find_signal_and_noise(&x, p).unwrap();
        let (ds, dn) = um::find_signal_and_noise(&dev.put(&x).unwrap(), p).unwrap();
        assert_eq!(ds.to_ndarray().unwrap(), hs);
        assert_eq!(dn.to_ndarray().unwrap(), hn);
        assert_eq!(hs.len(), w);
    }
}

/// NaN follows numpy on both backends (XLA CPU reductions have dropped NaN before, so the graphs
/// test for it explicitly).
#[test]
fn nan_like_numpy_on_both_backends() {
    // feeds NaN on purpose: the reference's propagation (the policy is process-wide; no test of
    // this binary expects Error::NonFinite)
    um::set_nonfinite_policy(um::NonFinite::Propagate);
    let dev = device();
    let mut a = Array1::from(values(5, 64, -1.0, 1.0, 1 << 10));
    let b = Array1::from(values(6, 80, -1.0, 2.0, 1 << 10));
    a[17] = f64::NAN;
    let (ad, bd) = (dev.put(&a).unwrap(), dev.put(&b).unwrap());
    // a NaN inside makes the histogram range NaN: an error; a NaN outside alone is dropped
    assert!(um::gcnr(&a, &b, GcnrParams::default()).is_err());
    assert!(um::gcnr(&ad, &bd, GcnrParams::default()).is_err());
    let h = um::gcnr(&b, &a, GcnrParams::default()).unwrap();
    let d = um::gcnr(&bd, &ad, GcnrParams::default()).unwrap();
    assert!((h - d.to_ndarray().unwrap().into_scalar()).abs() < 1e-12);
    // peak power of a region with NaN is NaN
    let p = RfSnrParams {
        max_power: true,
        center: false,
    };
    assert!(um::compute_rf_snr(&a, &b, p).unwrap().is_nan());
    assert!(um::compute_rf_snr(&ad, &bd, p)
        .unwrap()
        .to_ndarray()
        .unwrap()
        .into_scalar()
        .is_nan());
    // the median of a region with NaN is NaN
    let m = CnrParams {
        fun_signal: Aggregation::Median,
        ..Default::default()
    };
    assert!(um::compute_cnr(&a, &b, m).unwrap().is_nan());
    assert!(um::compute_cnr(&ad, &bd, m)
        .unwrap()
        .to_ndarray()
        .unwrap()
        .into_scalar()
        .is_nan());
    // argmax: the first NaN wins
    let r = um::find_signal_and_noise_ranges(&a, FsnParams::default()).unwrap();
    let rd = um::find_signal_and_noise_ranges(&ad, FsnParams::default()).unwrap();
    assert_eq!((r.peak, &r), (17, &rd));
}
