//! Property tests on random inputs: host and PJRT agree within dtype tolerance for every
//! coherence metric, on several ranks, shapes and dtypes; plus the defining properties.

use ndarray::{Array, ArrayD, Axis, Dimension, IxDyn};
use num_complex::{Complex32, Complex64};
use proptest::prelude::*;
use ultrasound_metrics as um;
use um::metrics::{CfParams, GcfParams, PcfParams, ScfParams};

fn device() -> um::Device {
    um::Device::cpu().expect("PJRT CPU plugin")
}

fn close(a: &ArrayD<f64>, b: &ArrayD<f64>, tol: f64) -> Result<(), TestCaseError> {
    prop_assert_eq!(a.shape(), b.shape());
    for (x, y) in a.iter().zip(b.iter()) {
        prop_assert!((x - y).abs() <= tol * (1.0 + x.abs()), "{} vs {}", x, y);
    }
    Ok(())
}

/// All four metrics on host and device, as f64 arrays.
fn both<T: um::Numeric>(x: &ArrayD<T>, m0: usize) -> Vec<(ArrayD<f64>, ArrayD<f64>)>
where
    T::Real: Into<f64>,
{
    let dev = device();
    let xd = dev.put(x).unwrap();
    let f = |a: ArrayD<T::Real>| a.mapv(Into::into);
    let mut out = vec![
        (
            f(um::coherence_factor(x, CfParams::default()).unwrap()),
            f(um::coherence_factor(&xd, CfParams::default())
                .unwrap()
                .to_ndarray()
                .unwrap()),
        ),
        (
            f(um::coherence_factor(
                x,
                CfParams {
                    power_based: false,
                    ..Default::default()
                },
            )
            .unwrap()),
            f(um::coherence_factor(
                &xd,
                CfParams {
                    power_based: false,
                    ..Default::default()
                },
            )
            .unwrap()
            .to_ndarray()
            .unwrap()),
        ),
        (
            f(um::phase_coherence_factor(
                x,
                PcfParams {
                    power: 1.5,
                    ..Default::default()
                },
            )
            .unwrap()),
            f(um::phase_coherence_factor(
                &xd,
                PcfParams {
                    power: 1.5,
                    ..Default::default()
                },
            )
            .unwrap()
            .to_ndarray()
            .unwrap()),
        ),
        (
            f(um::sign_coherence_factor(x, ScfParams::default()).unwrap()),
            f(um::sign_coherence_factor(&xd, ScfParams::default())
                .unwrap()
                .to_ndarray()
                .unwrap()),
        ),
    ];
    let g = GcfParams {
        m0,
        ..Default::default()
    };
    if let (Ok(h), Ok(d)) = (
        um::generalized_coherence_factor(x, g),
        um::generalized_coherence_factor(&xd, g),
    ) {
        out.push((f(h), f(d.to_ndarray().unwrap())));
    }
    out
}

fn shape_strategy() -> impl Strategy<Value = Vec<usize>> {
    (1usize..10, prop::collection::vec(1usize..6, 1..4)).prop_map(|(m, img)| {
        let mut s = vec![m];
        s.extend(img);
        s
    })
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 24, .. ProptestConfig::default() })]

    #[test]
    fn host_equals_pjrt_c64(shape in shape_strategy(), seed in any::<u64>(), m0 in 0usize..3) {
        let n: usize = shape.iter().product();
        let v: Vec<f32> = (0..2 * n).map(|i| (((seed ^ i as u64).wrapping_mul(2654435761) % 2001) as f32 - 1000.0) / 250.0).collect();
        let x = ArrayD::from_shape_vec(IxDyn(&shape), (0..n).map(|i| Complex32::new(v[i], v[n + i])).collect()).unwrap();
        for (h, d) in both(&x, m0) { close(&h, &d, 2e-4)?; }
    }

    #[test]
    fn host_equals_pjrt_c128(shape in shape_strategy(), seed in any::<u64>(), m0 in 0usize..3) {
        let n: usize = shape.iter().product();
        let x = ArrayD::from_shape_fn(IxDyn(&shape), |ix| {
            let k = ix.slice().iter().fold(seed, |a, &b| a.wrapping_mul(31).wrapping_add(b as u64));
            Complex64::new((k % 97) as f64 / 13.0 - 3.0, (k % 89) as f64 / 11.0 - 4.0)
        });
        let _ = n;
        for (h, d) in both(&x, m0) { close(&h, &d, 1e-10)?; }
    }

    #[test]
    fn host_equals_pjrt_real(shape in shape_strategy(), seed in any::<u64>()) {
        let x = ArrayD::from_shape_fn(IxDyn(&shape), |ix| {
            let k = ix.slice().iter().fold(seed, |a, &b| a.wrapping_mul(131).wrapping_add(b as u64 + 1));
            (k % 1000) as f64 / 100.0 - 5.0
        });
        for (h, d) in both(&x, 0) { close(&h, &d, 1e-10)?; }
        let x32 = x.mapv(|v| v as f32);
        for (h, d) in both(&x32, 0) { close(&h, &d, 2e-4)?; }
    }

    #[test]
    fn cf_is_one_for_identical_channels_and_zero_for_zeros(m in 1usize..12, w in 1usize..6, re in -5.0f64..5.0, im in -5.0f64..5.0) {
        prop_assume!(re.abs() + im.abs() > 1e-3);
        let x = Array::from_elem((m, w), Complex64::new(re, im));
        let cf = um::coherence_factor(&x, CfParams::default()).unwrap();
        prop_assert!(cf.iter().all(|v| (v - 1.0).abs() < 1e-12));
        let z = Array::from_elem((m, w), Complex64::new(0.0, 0.0));
        prop_assert!(um::coherence_factor(&z, CfParams::default()).unwrap().iter().all(|&v| v == 0.0));
    }
}

#[test]
fn frames_axis_equals_per_frame_results_in_one_call() {
    let x = ArrayD::from_shape_fn(IxDyn(&[3, 6, 4, 5]), |ix| {
        Complex32::new(
            ((ix[0] * 7 + ix[1] * 5 + ix[2] * 3 + ix[3]) % 11) as f32 - 5.0,
            (ix[1] % 3) as f32,
        )
    });
    let dev = device();
    let xd = dev.put(&x).unwrap();
    let cf = um::coherence_factor(
        &x,
        CfParams {
            frames: true,
            ..Default::default()
        },
    )
    .unwrap();
    let cfd = um::coherence_factor(
        &xd,
        CfParams {
            frames: true,
            ..Default::default()
        },
    )
    .unwrap()
    .to_ndarray()
    .unwrap();
    let gcf = um::generalized_coherence_factor(
        &xd,
        GcfParams {
            m0: 1,
            frames: true,
        },
    )
    .unwrap()
    .to_ndarray()
    .unwrap();
    assert_eq!(cf.shape(), &[3, 4, 5]);
    for f in 0..3 {
        let frame = x.index_axis(Axis(0), f).to_owned();
        let one = um::coherence_factor(&frame, CfParams::default()).unwrap();
        assert!(one.abs_diff_eq(&cf.index_axis(Axis(0), f), 1e-6));
        assert!(one.abs_diff_eq(&cfd.index_axis(Axis(0), f), 1e-5));
        let g = um::generalized_coherence_factor(
            &frame,
            GcfParams {
                m0: 1,
                ..Default::default()
            },
        )
        .unwrap();
        assert!(g.abs_diff_eq(&gcf.index_axis(Axis(0), f), 1e-5));
    }
}

#[test]
fn invalid_arguments_are_typed_errors() {
    let x1 = ndarray::Array1::<f64>::zeros(4);
    let e = um::coherence_factor(&x1.clone().into_dyn(), CfParams::default()).unwrap_err();
    assert!(e.to_string().contains("at least 2 dimensions"), "{e}");
    let x = ndarray::Array2::<f64>::zeros((4, 3));
    let e = um::phase_coherence_factor(
        &x,
        PcfParams {
            power: -0.5,
            ..Default::default()
        },
    )
    .unwrap_err();
    assert!(
        e.to_string().contains("power") && e.to_string().contains("-0.5"),
        "{e}"
    );
    let e = um::sign_coherence_factor(
        &x,
        ScfParams {
            power: f64::NAN,
            ..Default::default()
        },
    )
    .unwrap_err();
    assert!(
        matches!(e, um::Error::InvalidArgument { arg: "power", .. }),
        "{e}"
    );
    let e = um::generalized_coherence_factor(
        &x,
        GcfParams {
            m0: 2,
            ..Default::default()
        },
    )
    .unwrap_err();
    assert!(
        e.to_string()
            .contains("m0 (2) must be < num_elements/2 (2)"),
        "{e}"
    );
    let e = um::coherence_factor(
        &x,
        CfParams {
            frames: true,
            ..Default::default()
        },
    )
    .unwrap_err();
    assert!(e.to_string().contains("at least 3 dimensions"), "{e}");
}

#[test]
fn arrays_on_different_devices_are_rejected() {
    let devs = um::Device::cpu_devices().unwrap();
    assert!(devs.len() >= 2, "the CPU plugin exposes several devices");
    let x = ndarray::Array2::<f32>::ones((4, 3));
    let a = devs[0].put(&x).unwrap();
    let b = devs[1].put(&x).unwrap();
    // one-array metrics run on the array's own device, and results stay there
    let ra = um::coherence_factor(&a, CfParams::default()).unwrap();
    let rb = um::coherence_factor(&b, CfParams::default()).unwrap();
    assert_eq!(ra.device().ordinal(), 0);
    assert_eq!(rb.device().ordinal(), 1);
    // a program given arrays of two devices is a typed error
    let program = um::graph::trace(
        "add",
        &[a.tensor_type().clone(), b.tensor_type().clone()],
        |t| Ok(vec![&t[0] + &t[1]]),
    )
    .unwrap();
    let err =
        um::backend::run::<um::Pjrt>(&program, vec![um::ArrayArg::arg(&a), um::ArrayArg::arg(&b)])
            .err()
            .unwrap();
    assert!(matches!(err, um::Error::DeviceMismatch { .. }), "{err}");
}

/// Regression: with every sign equal, SCF is exactly 1 on both backends. The device used to
/// return 1 − 2⁻²⁷ for three channels (XLA turns Σ/m into Σ·(1/m) and LLVM contracts
/// 1 − p·p into an fma, leaving 2⁻⁵⁴ under the square root).
#[test]
fn scf_is_exactly_one_when_every_sign_agrees() {
    let dev = device();
    for (m, sign, [h, w]) in (1..=17usize)
        .flat_map(|m| [1.0f64, -1.0].map(|s| (m, s)))
        .flat_map(|(m, s)| [[1, 1], [2, 3]].map(|hw| (m, s, hw)))
    {
        let x = Array::from_shape_fn((m, h, w), |(c, i, j)| {
            sign * (0.25 + c as f64 * 1.61 + i as f64 + 0.5 * j as f64)
        })
        .into_dyn();
        let host = um::sign_coherence_factor(&x, ScfParams::default()).unwrap();
        let xd = dev.put(&x).unwrap();
        let pjrt = um::sign_coherence_factor(&xd, ScfParams::default())
            .unwrap()
            .to_ndarray()
            .unwrap();
        assert!(host.iter().all(|&v| v == 1.0), "host, m = {m}: {host}");
        assert!(pjrt.iter().all(|&v| v == 1.0), "pjrt, m = {m}: {pjrt}");
        let x32 = x.mapv(|v| v as f32);
        let xd32 = dev.put(&x32).unwrap();
        let pjrt32 = um::sign_coherence_factor(&xd32, ScfParams::default())
            .unwrap()
            .to_ndarray()
            .unwrap();
        assert!(
            pjrt32.iter().all(|&v| v == 1.0),
            "pjrt f32, m = {m}: {pjrt32}"
        );
    }
}

/// Regression: with signs that cancel, SCF is exactly 0 on both backends, alone and in the fused
/// maps (a first fix of the test above made the fused device map 2⁻²⁷ here).
#[test]
fn scf_is_exactly_zero_when_signs_cancel() {
    let dev = device();
    for m in [2usize, 4, 6, 10, 16, 50] {
        for [h, w] in [[1, 1], [2, 3]] {
            let x = Array::from_shape_fn((m, h, w), |(c, i, j)| {
                let s = if c % 2 == 0 { 1.0 } else { -1.0 };
                s * (0.25 + c as f64 * 1.61 + i as f64 + 0.5 * j as f64)
            })
            .into_dyn();
            let host = um::sign_coherence_factor(&x, ScfParams::default()).unwrap();
            let xd = dev.put(&x).unwrap();
            let pjrt = um::sign_coherence_factor(&xd, ScfParams::default())
                .unwrap()
                .to_ndarray()
                .unwrap();
            assert!(host.iter().all(|&v| v == 0.0), "host, m = {m}: {host}");
            assert!(pjrt.iter().all(|&v| v == 0.0), "pjrt, m = {m}: {pjrt}");
            let maps = um::coherence_maps(
                &xd,
                um::metrics::CoherenceMapsParams {
                    scf: Some(0.5),
                    gcf: None,
                    ..Default::default()
                },
            )
            .unwrap();
            let fused = maps.scf.unwrap().to_ndarray().unwrap();
            assert!(fused.iter().all(|&v| v == 0.0), "fused, m = {m}: {fused}");
        }
    }
}
