//! Property tests of the resolution metrics: Gaussian PSFs of random width, position and scale
//! recover their FWHM; the side-lobe level does not depend on the image scale; level crossings
//! interpolate correctly; local maxima follow SciPy's definition. Fast (a few dozen cases each).

use ndarray::{ArrayD, IxDyn};
use proptest::prelude::*;
use ultrasound_metrics as um;
use um::metrics::resolution::{level_crossing, local_maxima, FwhmParams, SllParams};

const K: f64 = 2.354_820_045_030_949_3;

fn gaussian(shape: &[usize], centre: &[f64], sigma: &[f64], amp: f64) -> ArrayD<f64> {
    ArrayD::from_shape_fn(IxDyn(shape), |i| {
        let e: f64 = (0..shape.len())
            .map(|d| (i[d] as f64 - centre[d]).powi(2) / (2.0 * sigma[d] * sigma[d]))
            .sum();
        amp * (-e).exp()
    })
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 24, ..ProptestConfig::default() })]

    #[test]
    fn gaussian_fwhm_within_1_percent(
        sigma in prop::collection::vec(1.2f64..5.0, 1..3),
        frac in prop::collection::vec(0.35f64..0.65, 3),
        amp in 0.01f64..100.0,
        spacing in 0.05f64..2.0,
    ) {
        let shape: Vec<usize> = sigma.iter().map(|s| (8.0 * s).ceil() as usize + 9).collect();
        let centre: Vec<f64> = shape.iter().zip(&frac).map(|(&n, f)| f * n as f64).collect();
        let img = gaussian(&shape, &centre, &sigma, amp);
        let p = FwhmParams { grid_spacing: Some(vec![spacing]), ..Default::default() };
        let r = um::compute_fwhm(&img, p).unwrap();
        for (d, w) in r.widths().into_iter().enumerate() {
            let want = K * sigma[d] * spacing;
            let got = w.unwrap();
            prop_assert!((got - want).abs() <= 1e-2 * want, "axis {}: {} vs {}", d, got, want);
        }
    }

    #[test]
    fn sll_is_scale_free(
        line in prop::collection::vec(0.0f64..1.0, 5..40),
        k in 1e-3f64..1e3,
    ) {
        let n = line.len();
        let img = ArrayD::from_shape_vec(IxDyn(&[n]), line).unwrap();
        let a = um::compute_sll(&img, SllParams::default());
        let b = um::compute_sll(&img.mapv(|v| v * k), SllParams::default());
        match (a, b) {
            (Ok(a), Ok(b)) => {
                let (x, y) = (a.levels_db()[0].unwrap(), b.levels_db()[0].unwrap());
                prop_assert!((x.is_nan() && y.is_nan()) || (x - y).abs() < 1e-9, "{} vs {}", x, y);
            }
            (a, b) => prop_assert!(false, "{:?} {:?}", a, b),
        }
    }

    #[test]
    fn crossing_interpolates_the_level(
        line in prop::collection::vec(0.0f64..1.0, 1..30),
        level in 0.0f64..1.0,
    ) {
        match level_crossing(&line, level, true) {
            None => prop_assert!(line.iter().all(|&v| v >= level)),
            Some(x) => {
                let a = line.iter().position(|&v| v < level).unwrap();
                if a == 0 {
                    prop_assert_eq!(x, 0.0);
                } else {
                    let b = a - 1;
                    prop_assert!(x > b as f64 && x <= a as f64);
                    let t = x - b as f64;
                    let at = line[b] + t * (line[a] - line[b]);
                    prop_assert!((at - level).abs() < 1e-9, "{} vs {}", at, level);
                }
            }
        }
    }

    #[test]
    fn local_maxima_without_ties_are_strict(line in prop::collection::vec(-1.0f64..1.0, 0..30)) {
        let mut sorted = line.clone();
        sorted.sort_by(f64::total_cmp);
        prop_assume!(sorted.windows(2).all(|w| w[0] != w[1]));
        let want: Vec<usize> = (1..line.len().saturating_sub(1))
            .filter(|&i| line[i - 1] < line[i] && line[i + 1] < line[i])
            .collect();
        prop_assert_eq!(local_maxima(&line), want);
    }
}
