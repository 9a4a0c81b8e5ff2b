//! Resolution metrics on analytic point-spread functions: Gaussian PSFs in 1-D, 2-D and 3-D
//! (anisotropic, off-centre, with grid spacing) recover their true FWHM; sinc² has its −13.26 dB
//! side lobe; device arrays give the same results as host arrays.

use ndarray::{ArrayD, IxDyn};
use ultrasound_metrics as um;
use um::metrics::resolution::{
    FitStatus, FwhmParams, Level, Scale, SideLobeSearch, SllParams, WidthEstimator,
};

/// FWHM per unit σ: 2√(2 ln 2).
const K: f64 = 2.354_820_045_030_949_3;
/// The first side lobe of sinc(u) = sin(u)/u peaks at u = 4.4934 (tan u = u): sinc² = 0.04719,
/// i.e. −13.2615 dB.
const U1: f64 = 4.493_409_457_909_064;

fn sinc2_db() -> f64 {
    10.0 * ((U1.sin() / U1).powi(2)).log10()
}

/// `amp · exp(−Σ (i_d − c_d)² / (2 σ_d²))` on `shape`.
fn gaussian(shape: &[usize], centre: &[f64], sigma: &[f64], amp: f64) -> ArrayD<f64> {
    ArrayD::from_shape_fn(IxDyn(shape), |i| {
        let e: f64 = (0..shape.len())
            .map(|d| (i[d] as f64 - centre[d]).powi(2) / (2.0 * sigma[d] * sigma[d]))
            .sum();
        amp * (-e).exp()
    })
}

/// Separable sinc² sampled so that the first side lobe falls on a sample (8 samples to U1).
fn sinc2(shape: &[usize], centre: &[usize]) -> ArrayD<f64> {
    let s = |u: f64| if u == 0.0 { 1.0 } else { (u.sin() / u).powi(2) };
    ArrayD::from_shape_fn(IxDyn(shape), |i| {
        (0..shape.len())
            .map(|d| s((i[d] as f64 - centre[d] as f64) * U1 / 8.0))
            .product()
    })
}

fn assert_rel(got: f64, want: f64, rel: f64, what: &str) {
    assert!(
        (got - want).abs() <= rel * want.abs(),
        "{what}: got {got}, want {want} (rel {rel})"
    );
}

#[test]
fn gaussian_1d_2d_3d_recover_true_fwhm() {
    let cases: &[(&[usize], &[f64], &[f64])] = &[
        (&[61], &[30.37], &[3.3]),
        (&[40, 50], &[10.4, 26.3], &[2.0, 6.0]),
        (&[31, 41], &[15.0, 20.0], &[3.0, 5.0]),
        (&[25, 31, 29], &[11.2, 14.7, 13.1], &[2.0, 3.5, 4.2]),
    ];
    for &(shape, centre, sigma) in cases {
        let img = gaussian(shape, centre, sigma, 0.7);
        let r = um::compute_fwhm(&img, FwhmParams::default()).unwrap();
        assert_eq!(r.fit, FitStatus::Converged, "{shape:?}");
        for (d, w) in r.axes.iter().enumerate() {
            let w = w.expect("every axis is measured");
            assert_rel(w.width, K * sigma[d], 1e-6, &format!("{shape:?} axis {d}"));
            assert_rel(w.sigma.unwrap(), sigma[d], 1e-6, "sigma");
            // model-free crossings: linear interpolation overestimates a coarsely sampled
            // Gaussian (1.6% at σ = 2 samples)
            assert_rel(w.width_interpolated, K * sigma[d], 2e-2, "interpolated");
            assert!(!w.truncated);
        }
    }
}

#[test]
fn grid_spacing_gives_physical_units() {
    let img = gaussian(&[31, 41], &[15.0, 20.0], &[3.0, 5.0], 1.0);
    let p = FwhmParams {
        grid_spacing: Some(vec![0.5, 0.25]),
        ..Default::default()
    };
    let w = um::compute_fwhm(&img, p).unwrap().widths();
    assert_rel(w[0].unwrap(), K * 1.5, 1e-6, "rows");
    assert_rel(w[1].unwrap(), K * 1.25, 1e-6, "cols");
    // one entry: the same spacing on every axis
    let p = FwhmParams {
        grid_spacing: Some(vec![0.1]),
        ..Default::default()
    };
    let w = um::compute_fwhm(&img, p).unwrap().widths();
    assert_rel(w[1].unwrap(), K * 0.5, 1e-6, "uniform");
}

#[test]
fn levels_and_decibel_widths() {
    let sigma = 5.0;
    let img = gaussian(&[201], &[100.2], &[sigma], 2.0);
    // width at fraction f of a Gaussian: 2σ√(2 ln(1/f))
    let at = |f: f64| 2.0 * sigma * (2.0 * (1.0 / f).ln()).sqrt();
    let r = um::compute_fwhm(&img, FwhmParams::default()).unwrap();
    let w = r.axes[0].unwrap();
    // amplitude image: −6 dB is a fraction of 0.501, −20 dB of 0.1
    assert_rel(
        w.width_6db.unwrap(),
        at(10f64.powf(-6.0 / 20.0)),
        1e-2,
        "-6 dB",
    );
    assert_rel(w.width_20db.unwrap(), at(0.1), 1e-2, "-20 dB");
    // power image: 0.251 and 0.01
    let p = FwhmParams {
        scale: Scale::Power,
        ..Default::default()
    };
    let w = um::compute_fwhm(&img, p).unwrap().axes[0].unwrap();
    assert_rel(
        w.width_6db.unwrap(),
        at(10f64.powf(-0.6)),
        1e-2,
        "-6 dB power",
    );
    assert_rel(w.width_20db.unwrap(), at(0.01), 1e-2, "-20 dB power");
    // the main width at another level, from the fit
    for (level, f) in [
        (Level::Db(-20.0), 0.1),
        (Level::Fraction(0.25), 0.25),
        (Level::HalfMax, 0.5),
    ] {
        let p = FwhmParams {
            level,
            ..Default::default()
        };
        let w = um::compute_fwhm(&img, p).unwrap().axes[0].unwrap();
        assert_rel(w.width, at(f), 1e-6, &format!("{level:?}"));
        assert_rel(
            w.width_interpolated,
            at(f),
            1e-2,
            &format!("{level:?} interp"),
        );
    }
    // interpolation only
    let p = FwhmParams {
        estimator: WidthEstimator::Interpolation,
        ..Default::default()
    };
    let r = um::compute_fwhm(&img, p).unwrap();
    assert_eq!(r.fit, FitStatus::NotRequested);
    let w = r.axes[0].unwrap();
    assert_eq!(w.width, w.width_interpolated);
    assert!(w.sigma.is_none());
}

#[test]
fn non_measured_axes_are_held_at_the_maximum() {
    // (time, lateral, elevation, depth): frame 2 holds the brightest target (σ = 4).
    let mut img = ArrayD::zeros(IxDyn(&[3, 30, 1, 30]));
    for (f, (s, a)) in [(2.0, 0.7), (3.0, 0.9), (4.0, 1.0)].into_iter().enumerate() {
        let g = gaussian(&[30, 30], &[15.0, 15.0], &[s, s], a);
        img.index_axis_mut(ndarray::Axis(0), f)
            .index_axis_move(ndarray::Axis(1), 0)
            .assign(&g);
    }
    let r = um::compute_fwhm(&img, FwhmParams::default()).unwrap();
    assert_eq!(r.peak, vec![2, 15, 0, 15]);
    let w = r.widths();
    assert_eq!((w[0], w[2]), (None, None));
    assert_rel(w[1].unwrap(), K * 4.0, 1e-6, "lateral");
    assert_rel(w[3].unwrap(), K * 4.0, 1e-6, "depth");
    let s = um::compute_sll(&img, SllParams::default()).unwrap();
    assert_eq!(s.peak, vec![2, 15, 0, 15]);
}

#[test]
fn roi_radius_and_explicit_dims() {
    // two targets; the ROI holds the second one
    let img = gaussian(&[40, 60], &[12.0, 15.0], &[2.0, 3.0], 1.0)
        + gaussian(&[40, 60], &[28.0, 44.0], &[3.0, 2.0], 0.8);
    let roi: Vec<Vec<usize>> = (24..33)
        .flat_map(|i| (40..50).map(move |j| vec![i, j]))
        .collect();
    let p = FwhmParams {
        roi_indices: Some(roi),
        ..Default::default()
    };
    let r = um::compute_fwhm(&img, p).unwrap();
    assert_eq!(r.peak, vec![28, 44]);
    assert_rel(r.widths()[0].unwrap(), K * 3.0, 1e-6, "rows");
    assert_rel(r.widths()[1].unwrap(), K * 2.0, 1e-6, "cols");
    // a 1-pixel ROI next to the target, re-centred within radius 6
    let p = FwhmParams {
        roi_indices: Some(vec![vec![25, 40]]),
        target_radius: Some(6.0),
        dims_to_measure: Some(vec![1]),
        ..Default::default()
    };
    let r = um::compute_fwhm(&img, p).unwrap();
    // the radius search runs over the measured axes, the others held at the ROI's maximum
    assert_eq!(r.peak, vec![25, 44]);
    assert_eq!(r.widths()[0], None);
    assert_rel(r.widths()[1].unwrap(), K * 2.0, 1e-6, "cols only");
}

#[test]
fn target_on_the_border() {
    let img = gaussian(&[31, 41], &[0.0, 20.0], &[3.0, 5.0], 1.0);
    let r = um::compute_fwhm(&img, FwhmParams::default()).unwrap();
    let rows = r.axes[0].unwrap();
    assert!(rows.truncated && rows.width_6db.is_none());
    // the fit still sees the half Gaussian
    assert_rel(rows.width, K * 3.0, 1e-6, "rows");
    assert_rel(r.axes[1].unwrap().width, K * 5.0, 1e-6, "cols");
}

#[test]
fn short_axis_is_left_out_of_the_fit() {
    // 2 samples along axis 1: that axis is interpolated, axis 0 is still fitted
    let img = gaussian(&[41, 2], &[20.3, 0.0], &[4.0, 1.0], 1.0);
    let r = um::compute_fwhm(&img, FwhmParams::default()).unwrap();
    assert_eq!(r.fit, FitStatus::Converged);
    let (a0, a1) = (r.axes[0].unwrap(), r.axes[1].unwrap());
    assert_rel(a0.width, K * 4.0, 1e-6, "fitted axis");
    assert!(a1.sigma.is_none() && a1.width == a1.width_interpolated);
}

#[test]
fn flat_and_zero_images() {
    // zeros: no crossing, every side counts its samples (1 + 9), the fit cannot run
    let r = um::compute_fwhm(&ArrayD::<f64>::zeros(IxDyn(&[9, 9])), FwhmParams::default()).unwrap();
    assert_eq!(r.fit, FitStatus::Failed);
    assert_eq!(r.widths(), vec![Some(10.0), Some(10.0)]);
    assert!(r.axes[0].unwrap().truncated);
    // constant: the fit's σ runs to its bound, twice the interpolated estimate (the reference)
    let r = um::compute_fwhm(&ArrayD::<f64>::ones(IxDyn(&[9, 9])), FwhmParams::default()).unwrap();
    assert_eq!(r.fit, FitStatus::AtBound);
    assert_rel(r.widths()[0].unwrap(), 20.0, 1e-9, "constant");
    // SLL of zeros: 0/0
    let s = um::compute_sll(&ArrayD::<f64>::zeros(IxDyn(&[10])), SllParams::default()).unwrap();
    assert!(s.levels_db()[0].unwrap().is_nan());
}

#[test]
fn invalid_inputs_are_errors() {
    let g = gaussian(&[21, 21], &[10.0, 10.0], &[2.0, 2.0], 1.0);
    let fwhm = |img: &ArrayD<f64>, p: FwhmParams| um::compute_fwhm(img, p);
    let bad: Vec<FwhmParams> = vec![
        FwhmParams {
            dims_to_measure: Some(vec![2]),
            ..Default::default()
        },
        FwhmParams {
            dims_to_measure: Some(vec![1, 1]),
            ..Default::default()
        },
        FwhmParams {
            dims_to_measure: Some(vec![]),
            ..Default::default()
        },
        FwhmParams {
            roi_indices: Some(vec![]),
            ..Default::default()
        },
        FwhmParams {
            roi_indices: Some(vec![vec![3, 21]]),
            ..Default::default()
        },
        FwhmParams {
            roi_indices: Some(vec![vec![3]]),
            ..Default::default()
        },
        FwhmParams {
            target_radius: Some(-1.0),
            ..Default::default()
        },
        FwhmParams {
            grid_spacing: Some(vec![1.0, 1.0, 1.0]),
            ..Default::default()
        },
        FwhmParams {
            grid_spacing: Some(vec![0.0, 1.0]),
            ..Default::default()
        },
        FwhmParams {
            level: Level::Fraction(1.5),
            ..Default::default()
        },
        FwhmParams {
            level: Level::Db(3.0),
            ..Default::default()
        },
    ];
    for p in bad {
        let e = fwhm(&g, p.clone()).expect_err(&format!("{p:?}"));
        assert!(matches!(e, um::Error::InvalidArgument { .. }), "{e}");
    }
    for img in [
        -g.clone(),
        g.mapv(|v| if v > 0.9 { f64::NAN } else { v }),
        ArrayD::zeros(IxDyn(&[1, 1])),
        ArrayD::zeros(IxDyn(&[0, 4])),
        ArrayD::zeros(IxDyn(&[])),
        ArrayD::zeros(IxDyn(&[2, 2, 2, 2, 2])),
    ] {
        assert!(
            fwhm(&img, FwhmParams::default()).is_err(),
            "{:?}",
            img.shape()
        );
        assert!(
            um::compute_sll(&img, SllParams::default()).is_err(),
            "{:?}",
            img.shape()
        );
    }
}

#[test]
fn f32_input() {
    let img = gaussian(&[31, 41], &[15.3, 20.1], &[3.0, 5.0], 1.0).mapv(|v| v as f32);
    let w = um::compute_fwhm(&img, FwhmParams::default())
        .unwrap()
        .widths();
    assert_rel(w[0].unwrap(), K * 3.0, 1e-4, "f32 rows");
    assert_rel(w[1].unwrap(), K * 5.0, 1e-4, "f32 cols");
}

#[test]
fn sinc2_side_lobe_is_minus_13_26_db() {
    assert!((sinc2_db() + 13.2615).abs() < 1e-4);
    for shape in [&[81usize][..], &[81, 65], &[41, 49, 57]] {
        let centre: Vec<usize> = shape.iter().map(|n| n / 2).collect();
        let img = sinc2(shape, &centre);
        let r = um::compute_sll(&img, SllParams::default()).unwrap();
        for a in &r.axes {
            let a = a.unwrap();
            assert!(
                (a.sll_db - sinc2_db()).abs() < 1e-9,
                "{shape:?}: {}",
                a.sll_db
            );
            assert_eq!(a.side_lobe_offset.map(|o| o.abs()), Some(8));
        }
        // scale-free (the reference's 10·log10(side)/main is not)
        for k in [10.0, 0.1] {
            let rk = um::compute_sll(&img.mapv(|v| v * k), SllParams::default()).unwrap();
            for a in &rk.axes {
                assert!((a.unwrap().sll_db - sinc2_db()).abs() < 1e-9);
            }
        }
        // the same values read as amplitudes: 20·log10
        let p = SllParams {
            scale: Scale::Amplitude,
            ..Default::default()
        };
        let ra = um::compute_sll(&img, p).unwrap();
        assert!((ra.axes[0].unwrap().sll_db - 2.0 * sinc2_db()).abs() < 1e-9);
    }
}

#[test]
fn nearest_and_highest_side_lobe() {
    // main lobe, then a small lobe (0.05) nearer than a larger one (0.2), on the right only
    let line = [
        0.0, 0.0, 0.0, 0.01, 0.0, 0.5, 1.0, 0.5, 0.0, 0.05, 0.0, 0.2, 0.0, 0.0,
    ];
    let img = ArrayD::from_shape_vec(IxDyn(&[line.len()]), line.to_vec()).unwrap();
    let near = um::compute_sll(&img, SllParams::default()).unwrap().axes[0].unwrap();
    assert_eq!(
        (near.side_lobe, near.side_lobe_offset),
        (Some(0.05), Some(3))
    );
    let p = SllParams {
        search: SideLobeSearch::Highest,
        ..Default::default()
    };
    let high = um::compute_sll(&img, p).unwrap().axes[0].unwrap();
    assert_eq!(
        (high.side_lobe, high.side_lobe_offset),
        (Some(0.2), Some(5))
    );
    assert!((high.sll_db - 10.0 * 0.2f64.log10()).abs() < 1e-12);
}

#[test]
fn one_sided_side_lobe_near_the_border() {
    // the target 5 samples from the start: no room for a lobe on the left
    let full = sinc2(&[61], &[30]);
    let img = full.slice_move(ndarray::s![25..]).into_dyn();
    let a = um::compute_sll(&img, SllParams::default()).unwrap().axes[0].unwrap();
    assert_eq!(a.side_lobe_offset, Some(8));
    assert!((a.sll_db - sinc2_db()).abs() < 1e-9);
}

#[test]
fn no_side_lobe_is_zero_db() {
    let img = gaussian(&[41], &[20.0], &[3.0], 3.0);
    let a = um::compute_sll(&img, SllParams::default()).unwrap().axes[0].unwrap();
    assert_eq!(
        (a.sll_db, a.side_lobe, a.side_lobe_offset),
        (0.0, None, None)
    );
}

#[test]
fn device_arrays_give_the_host_results() {
    let dev = um::Device::cpu().expect("PJRT CPU plugin");
    let g3 = gaussian(&[21, 25, 23], &[10.2, 12.6, 11.1], &[2.0, 3.0, 2.5], 1.0);
    let s2 = sinc2(&[41, 49], &[20, 24]);
    let fp = || FwhmParams {
        grid_spacing: Some(vec![0.1, 0.2, 0.3]),
        ..Default::default()
    };
    let host = um::compute_fwhm(&g3, fp()).unwrap();
    let on_dev = um::compute_fwhm(&dev.put(&g3).unwrap(), fp()).unwrap();
    assert_eq!(host, on_dev);
    let g3f = g3.mapv(|v| v as f32);
    assert_eq!(
        um::compute_fwhm(&g3f, fp()).unwrap(),
        um::compute_fwhm(&dev.put(&g3f).unwrap(), fp()).unwrap()
    );
    let host = um::compute_sll(&s2, SllParams::default()).unwrap();
    let on_dev = um::compute_sll(&dev.put(&s2).unwrap(), SllParams::default()).unwrap();
    assert_eq!(host, on_dev);
    // a fixed-rank device array works too
    let s1 = ndarray::Array1::from_iter(sinc2(&[61], &[30]).iter().copied());
    assert_eq!(
        um::compute_sll(&s1, SllParams::default()).unwrap(),
        um::compute_sll(&dev.put(&s1).unwrap(), SllParams::default()).unwrap()
    );
}
