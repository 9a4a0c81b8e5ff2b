//! `coherence_maps` (one fused executable) equals the single metrics, on the host and on PJRT,
//! for several shapes, dtypes and the frames layout.

use ndarray::{Array, ArrayD, Axis, IxDyn};
use num_complex::{Complex32, Complex64};
use ultrasound_metrics as um;
use um::metrics::{CfParams, CoherenceMapsParams, GcfParams, PcfParams, ScfParams};

fn noise(n: usize, seed: u64) -> Vec<f64> {
    let mut s = seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1;
    (0..n)
        .map(|_| {
            s ^= s << 13;
            s ^= s >> 7;
            s ^= s << 17;
            (s >> 11) as f64 / (1u64 << 53) as f64 * 2.0 - 1.0
        })
        .collect()
}

/// Random data with an exact zero pixel-channel and an all-zero pixel (the zero guards).
fn data_c64(shape: &[usize], seed: u64) -> ArrayD<Complex64> {
    let n: usize = shape.iter().product();
    let (re, im) = (noise(n, seed), noise(n, seed + 7));
    let mut a = Array::from_shape_vec(
        IxDyn(shape),
        re.iter()
            .zip(&im)
            .map(|(&r, &i)| Complex64::new(r, i))
            .collect(),
    )
    .unwrap();
    let first = a.as_slice_mut().unwrap();
    first[0] = Complex64::new(0.0, 0.0);
    // the last pixel: zero in every channel (and frame)
    let last = shape[shape.len() - 1] - 1;
    a.index_axis_mut(Axis(shape.len() - 1), last)
        .map_inplace(|v| *v = Complex64::new(0.0, 0.0));
    a
}

fn close<T: um::RealElement + Into<f64> + Copy>(
    what: &str,
    got: &ArrayD<T>,
    want: &ArrayD<T>,
    tol: f64,
) {
    assert_eq!(got.shape(), want.shape(), "{what}: shape");
    for (g, w) in got.iter().zip(want) {
        let (g, w): (f64, f64) = ((*g).into(), (*w).into());
        assert!(
            (g - w).abs() <= tol * (1.0 + w.abs()),
            "{what}: {g} vs {w} (tol {tol})"
        );
    }
}

fn params(frames: bool, m0: usize) -> CoherenceMapsParams {
    CoherenceMapsParams {
        gcf: Some(m0),
        pcf: Some(1.5),
        scf: Some(0.5),
        frames,
        ..Default::default()
    }
}

/// The single metrics and the DAS B-mode, for `x` (host), per frame when `frames`.
fn singles<X>(x: &X, frames: bool, m0: usize) -> Vec<ArrayD<<X::Elem as um::Numeric>::Real>>
where
    X: um::ArrayArg<Backend = um::Host>,
    X::Elem: um::Numeric,
    X::Dim: ndarray::RemoveAxis,
{
    vec![
        um::coherence_factor(
            x,
            CfParams {
                frames,
                ..Default::default()
            },
        )
        .unwrap()
        .into_dyn(),
        um::generalized_coherence_factor(x, GcfParams { m0, frames })
            .unwrap()
            .into_dyn(),
        um::phase_coherence_factor(x, PcfParams { power: 1.5, frames })
            .unwrap()
            .into_dyn(),
        um::sign_coherence_factor(x, ScfParams { power: 0.5, frames })
            .unwrap()
            .into_dyn(),
    ]
}

fn maps_vec<A: Clone>(m: um::metrics::CoherenceMaps<A>) -> Vec<A> {
    vec![
        m.cf.unwrap(),
        m.gcf.unwrap(),
        m.pcf.unwrap(),
        m.scf.unwrap(),
        m.bmode.unwrap(),
    ]
}

#[test]
fn fused_maps_equal_single_metrics_complex() {
    let dev = um::Device::cpu().unwrap();
    for (shape, frames, m0) in [
        (&[8usize, 5, 6][..], false, 1usize),
        (&[16, 3, 4, 2], false, 3),
        (&[3, 8, 4, 5], true, 2),
    ] {
        let x = data_c64(shape, shape.len() as u64);
        let axis = usize::from(frames);
        let das = x.sum_axis(Axis(axis));
        // B-mode reference: db_zero of the channel sum, per frame with a frames axis
        let bmode_ref = |das: &ArrayD<Complex64>| -> ArrayD<f64> {
            if frames {
                let parts: Vec<ArrayD<f64>> =
                    das.outer_iter().map(|f| um::db_zero(&f).unwrap()).collect();
                let views: Vec<_> = parts.iter().map(|p| p.view()).collect();
                ndarray::stack(Axis(0), &views).unwrap()
            } else {
                um::db_zero(das).unwrap()
            }
        };
        // f64 on the host: tight
        let mut want = singles(&x, frames, m0);
        want.push(bmode_ref(&das));
        let got = maps_vec(um::coherence_maps(&x, params(frames, m0)).unwrap());
        for (i, (g, w)) in got.iter().zip(&want).enumerate() {
            close(
                &format!("host c128 {shape:?} map {i}"),
                &g.clone().into_dyn(),
                w,
                1e-12,
            );
        }
        // f64 on PJRT
        let got = maps_vec(um::coherence_maps(&dev.put(&x).unwrap(), params(frames, m0)).unwrap());
        for (i, (g, w)) in got.iter().zip(&want).enumerate() {
            let g = g.to_ndarray().unwrap().into_dyn();
            close(&format!("pjrt c128 {shape:?} map {i}"), &g, w, 1e-9);
        }
        // complex64 on PJRT against complex64 single metrics on PJRT
        let x32 = x.mapv(|z| Complex32::new(z.re as f32, z.im as f32));
        let xd = dev.put(&x32).unwrap();
        let got = maps_vec(um::coherence_maps(&xd, params(frames, m0)).unwrap());
        let mut want32 = singles(&x32, frames, m0);
        want32.push({
            let das32 = x32.sum_axis(Axis(axis));
            if frames {
                let parts: Vec<ArrayD<f32>> = das32
                    .outer_iter()
                    .map(|f| um::db_zero(&f).unwrap())
                    .collect();
                let views: Vec<_> = parts.iter().map(|p| p.view()).collect();
                ndarray::stack(Axis(0), &views).unwrap()
            } else {
                um::db_zero(&das32).unwrap()
            }
        });
        for (i, (g, w)) in got.iter().zip(&want32).enumerate() {
            let g = g.to_ndarray().unwrap().into_dyn();
            let tol = if i == 4 { 1e-3 } else { 1e-4 };
            close(&format!("pjrt c64 {shape:?} map {i}"), &g, w, tol);
        }
    }
}

#[test]
fn fused_maps_equal_single_metrics_real_and_int() {
    let x = Array::from_shape_vec(IxDyn(&[10, 4, 3]), noise(120, 3)).unwrap();
    let got = maps_vec(um::coherence_maps(&x, params(false, 2)).unwrap());
    let mut want = singles(&x, false, 2);
    want.push(um::db_zero(&x.sum_axis(Axis(0))).unwrap());
    for (i, (g, w)) in got.iter().zip(&want).enumerate() {
        close(
            &format!("host f64 map {i}"),
            &g.clone().into_dyn(),
            w,
            1e-12,
        );
    }
    let dev = um::Device::cpu().unwrap();
    let xi = x.mapv(|v| (v * 100.0).round() as i32);
    let got = maps_vec(um::coherence_maps(&dev.put(&xi).unwrap(), params(false, 2)).unwrap());
    let mut want = singles(&xi, false, 2);
    want.push(um::db_zero(&xi.sum_axis(Axis(0)).mapv(f64::from)).unwrap());
    for (i, (g, w)) in got.iter().zip(&want).enumerate() {
        let g = g.to_ndarray().unwrap().into_dyn();
        close(&format!("pjrt i32 map {i}"), &g, w, 1e-9);
    }
}

#[test]
fn fused_maps_subsets_and_errors() {
    let x = data_c64(&[8, 3, 3], 5);
    let only_scf = CoherenceMapsParams {
        cf: false,
        gcf: None,
        pcf: None,
        bmode: false,
        ..Default::default()
    };
    let m = um::coherence_maps(&x, only_scf).unwrap();
    assert!(m.cf.is_none() && m.gcf.is_none() && m.pcf.is_none() && m.bmode.is_none());
    assert_eq!(
        m.scf.unwrap(),
        um::sign_coherence_factor(&x, Default::default()).unwrap()
    );
    let none = CoherenceMapsParams {
        scf: None,
        ..only_scf
    };
    assert!(um::coherence_maps(&x, none).unwrap().scf.is_none());
    let e = um::coherence_maps(
        &x,
        CoherenceMapsParams {
            gcf: Some(4),
            ..Default::default()
        },
    )
    .unwrap_err()
    .to_string();
    assert!(e.contains("m0"), "{e}");
    let e = um::coherence_maps(
        &x,
        CoherenceMapsParams {
            pcf: Some(-1.0),
            ..Default::default()
        },
    )
    .unwrap_err()
    .to_string();
    assert!(e.contains("power"), "{e}");
    let flat = x.index_axis(Axis(2), 0).index_axis(Axis(1), 0).to_owned();
    assert!(um::coherence_maps(&flat, Default::default()).is_err());
}

/// The documented non-finite behaviour: the default policy rejects NaN with a typed error; under
/// `Propagate` a NaN channel makes its pixel NaN in every coherence map, and the frame's B-mode
/// (normalised by a NaN-propagating maximum) all NaN; host and PJRT agree.
#[test]
fn non_finite_input_is_rejected_or_propagates_as_documented() {
    let mut x = ndarray::Array3::from_elem((4, 2, 3), Complex64::new(1.0, 0.5));
    x[[2, 1, 1]] = Complex64::new(f64::NAN, 0.0);
    let err = um::coherence_maps(&x, CoherenceMapsParams::default()).unwrap_err();
    assert!(matches!(err, um::Error::NonFinite { .. }), "{err}");
    assert!(err.to_string().contains("channel_images"));
    um::set_nonfinite_policy(um::NonFinite::Propagate);
    let dev = um::Device::cpu().unwrap();
    let host = um::coherence_maps(&x, CoherenceMapsParams::default());
    let pjrt = um::coherence_maps(&dev.put(&x).unwrap(), CoherenceMapsParams::default());
    um::set_nonfinite_policy(um::NonFinite::Error);
    let (host, pjrt) = (host.unwrap(), pjrt.unwrap());
    let maps = [
        (host.cf.unwrap(), pjrt.cf.unwrap().to_ndarray().unwrap()),
        (host.gcf.unwrap(), pjrt.gcf.unwrap().to_ndarray().unwrap()),
        (host.pcf.unwrap(), pjrt.pcf.unwrap().to_ndarray().unwrap()),
        (host.scf.unwrap(), pjrt.scf.unwrap().to_ndarray().unwrap()),
    ];
    for (h, p) in maps {
        for ((idx, a), b) in h.indexed_iter().zip(p.iter()) {
            assert_eq!(a.is_nan(), idx == (1, 1), "{idx:?}: {a}");
            assert_eq!(b.is_nan(), idx == (1, 1), "{idx:?}: {b}");
        }
    }
    let (hb, pb) = (
        host.bmode.unwrap(),
        pjrt.bmode.unwrap().to_ndarray().unwrap(),
    );
    assert!(hb.iter().all(|v| v.is_nan()), "{hb}");
    assert!(pb.iter().all(|v| v.is_nan()), "{pb}");
}
