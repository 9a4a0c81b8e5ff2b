//! Property tests of motion correlation and channel noise: the defining properties of the
//! correlation matrix, the consistency of every pair selection with it, host == PJRT, and the
//! gain invariance of the noise SNR.

use ndarray::{Array2, Array3, ArrayD, IxDyn};
use num_complex::{Complex32, Complex64};
use proptest::prelude::*;
use ultrasound_metrics as um;
use um::metrics::{NoiseMethod, Pairs};

fn device() -> um::Device {
    um::Device::cpu().expect("PJRT CPU plugin")
}

/// Deterministic values in [-2, 2).
fn vals(n: usize, seed: u64) -> Vec<f64> {
    let mut s = seed
        .wrapping_mul(6364136223846793005)
        .wrapping_add(1442695040888963407);
    (0..n)
        .map(|_| {
            s = s
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            ((s >> 11) as f64 / (1u64 << 53) as f64) * 4.0 - 2.0
        })
        .collect()
}

/// `(n, F)` vectors that share a common component (so coefficients are spread over [−1, 1]).
fn vectors_c64(n: usize, f: usize, seed: u64, mix: f64) -> Array2<Complex64> {
    let v = vals(2 * (n + 1) * f, seed);
    let at = |k: usize, i: usize| Complex64::new(v[2 * (k * f + i)], v[2 * (k * f + i) + 1]);
    Array2::from_shape_fn((n, f), |(k, i)| {
        at(k + 1, i) * (1.0 - mix) + at(0, i) * mix * if k % 2 == 0 { 1.0 } else { -1.0 }
    })
}

fn vectors_f64(n: usize, f: usize, seed: u64, mix: f64) -> Array2<f64> {
    vectors_c64(n, f, seed, mix).mapv(|z| z.re)
}

fn close(a: f64, b: f64, tol: f64) -> bool {
    a == b || (a.is_nan() && b.is_nan()) || (a - b).abs() <= tol * (1.0 + b.abs())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 12, .. ProptestConfig::default() })]

    #[test]
    fn corrcoef_is_hermitian_unit_diagonal_and_bounded(n in 1usize..7, f in 2usize..40, seed in any::<u64>(), mix in 0.0f64..1.0) {
        let v = vectors_c64(n, f, seed, mix);
        let c = um::corrcoef(&v).unwrap();
        prop_assert_eq!(c.shape(), &[n, n]);
        for i in 0..n {
            prop_assert!((c[[i, i]].re - 1.0).abs() < 1e-12 && c[[i, i]].im.abs() < 1e-12, "diag {}", c[[i, i]]);
            for j in 0..n {
                let (a, b) = (c[[i, j]], c[[j, i]].conj());
                prop_assert!((a - b).norm() < 1e-12, "C[{},{}] = {} vs conj C[{},{}] = {}", i, j, a, j, i, b);
                prop_assert!(a.re.abs() <= 1.0 && a.im.abs() <= 1.0 && a.norm() <= 1.0 + 1e-12);
            }
        }
        // real input: symmetric, and numpy's Pearson formula
        let r = vectors_f64(n, f, seed, mix);
        let cr = um::corrcoef(&r).unwrap();
        for i in 0..n {
            for j in 0..n {
                let (x, y) = (r.row(i), r.row(j));
                let (mx, my) = (x.mean().unwrap(), y.mean().unwrap());
                let sxy: f64 = x.iter().zip(y).map(|(a, b)| (a - mx) * (b - my)).sum();
                let sxx: f64 = x.iter().map(|a| (a - mx).powi(2)).sum();
                let syy: f64 = y.iter().map(|b| (b - my).powi(2)).sum();
                let pearson = (sxy / (sxx * syy).sqrt()).clamp(-1.0, 1.0);
                prop_assert!(close(cr[[i, j]], pearson, 1e-12), "{} vs {}", cr[[i, j]], pearson);
                prop_assert_eq!(cr[[i, j]], cr[[j, i]]);
            }
        }
    }

    #[test]
    fn every_pair_selection_agrees_with_the_matrix(n in 2usize..9, f in 2usize..300, seed in any::<u64>(), k in 0usize..40, mix in 0.0f64..1.0) {
        let v = vectors_c64(n, f, seed, mix);
        let c = um::corrcoef(&v).unwrap();
        let (all, pairs) = um::pairwise_corrcoef(&v, Pairs::All).unwrap();
        prop_assert_eq!(all.len(), n * (n - 1) / 2);
        let mut p = 0;
        for i in 1..n {
            for j in 0..i {
                prop_assert_eq!((pairs[[p, 0]], pairs[[p, 1]]), (i as i64, j as i64));
                prop_assert_eq!(all[p], c[[i, j]]);
                p += 1;
            }
        }
        // explicit pairs, including self-pairs and both orders; k decides which cost route runs
        let chosen = Array2::from_shape_fn((k, 2), |(q, col)| ((seed as usize / (q + 1) + 3 * q + col * (q % 3)) % n) as i64);
        let (vals_e, pairs_e) = um::pairwise_corrcoef(&v, Pairs::Explicit(chosen.view())).unwrap();
        prop_assert_eq!(&pairs_e, &chosen);
        for q in 0..k {
            let want = c[[chosen[[q, 0]] as usize, chosen[[q, 1]] as usize]];
            prop_assert!((vals_e[q] - want).norm() < 1e-12, "pair {:?}: {} vs {}", chosen.row(q), vals_e[q], want);
        }
        // random pairs: distinct, below the diagonal, reproducible, values from the matrix
        let total = n * (n - 1) / 2;
        let (vals_r, pairs_r) = um::pairwise_corrcoef(&v, Pairs::Random { n_pairs: k, seed }).unwrap();
        prop_assert_eq!(pairs_r.nrows(), k.min(total));
        let mut seen = std::collections::HashSet::new();
        for q in 0..pairs_r.nrows() {
            let (i, j) = (pairs_r[[q, 0]], pairs_r[[q, 1]]);
            prop_assert!(j < i && (i as usize) < n && seen.insert((i, j)));
            prop_assert!((vals_r[q] - c[[i as usize, j as usize]]).norm() < 1e-12);
        }
        prop_assert_eq!(um::pairwise_corrcoef(&v, Pairs::Random { n_pairs: k, seed }).unwrap().1, pairs_r);
        // the mean over all pairs
        let mean = all.iter().map(|z| z.re).sum::<f64>() / all.len() as f64;
        prop_assert!(close(um::pairwise_corrcoef_agg(&v).unwrap(), mean, 1e-10));
    }

    #[test]
    fn noise_snr_is_invariant_to_global_gain(r in 1usize..7, w in 1usize..20, seed in any::<u64>(), gain in 0.01f64..100.0, phase in 0.0f64..6.3) {
        let v = vals(4 * r * w, seed);
        let x = ArrayD::from_shape_fn(IxDyn(&[r, 2, w]), |ix| {
            let k = (ix[0] * 2 + ix[1]) * w + ix[2];
            Complex64::new(1.0 + v[k], 0.3 * v[r * 2 * w + k % (r * w)])
        });
        let g = Complex64::from_polar(gain, phase);
        let xg = x.mapv(|z| z * g);
        for method in [NoiseMethod::RepeatedMeasurements, NoiseMethod::AdjacentFrames] {
            let (a, b) = (um::channel_noise(&x, method).unwrap(), um::channel_noise(&xg, method).unwrap());
            prop_assert!(close(a.snr_db, b.snr_db, 1e-9), "{:?}: {} vs {}", method, a.snr_db, b.snr_db);
            prop_assert!(close(b.signal_power, a.signal_power * gain * gain, 1e-9));
            prop_assert!(close(b.noise_power, a.noise_power * gain * gain, 1e-9));
        }
    }
}

/// Host and PJRT agree for every function, dtype and pair route.
#[test]
fn host_equals_pjrt() {
    let dev = device();
    for (n, f) in [(1usize, 5usize), (2, 3), (6, 20), (9, 4)] {
        let c = vectors_c64(n, f, n as u64 * 31 + f as u64, 0.4);
        let c32 = c.mapv(|z| Complex32::new(z.re as f32, z.im as f32));
        let r = c.mapv(|z| z.re);
        let r32 = r.mapv(|x| x as f32);
        let cd = dev.put(&c).unwrap();
        let c32d = dev.put(&c32).unwrap();
        let rd = dev.put(&r).unwrap();
        let r32d = dev.put(&r32).unwrap();

        let h = um::corrcoef(&c).unwrap();
        assert!(um::corrcoef(&cd)
            .unwrap()
            .to_ndarray()
            .unwrap()
            .iter()
            .zip(&h)
            .all(|(a, b)| (a - b).norm() < 1e-12));
        let h = um::corrcoef(&c32).unwrap();
        assert!(um::corrcoef(&c32d)
            .unwrap()
            .to_ndarray()
            .unwrap()
            .iter()
            .zip(&h)
            .all(|(a, b)| (a - b).norm() < 1e-5));
        let h = um::corrcoef(&r32).unwrap();
        assert!(um::corrcoef(&r32d)
            .unwrap()
            .to_ndarray()
            .unwrap()
            .abs_diff_eq(&h, 1e-5));

        let few = Array2::from_shape_fn((1, 2), |(_, k)| (k * (n - 1)) as i64); // Gram-cheaper only for tiny n
        let many = Array2::from_shape_fn((3 * n, 2), |(q, k)| ((q * 5 + k * 3) % n) as i64);
        for pairs in [
            Pairs::All,
            Pairs::Random {
                n_pairs: 2,
                seed: 9,
            },
            Pairs::Explicit(few.view()),
            Pairs::Explicit(many.view()),
        ] {
            let (hv, hp) = um::pairwise_corrcoef(&c, pairs).unwrap();
            let (dv, dp) = um::pairwise_corrcoef(&cd, pairs).unwrap();
            assert_eq!(dp.to_ndarray().unwrap(), hp, "{pairs:?}");
            let dv = dv.to_ndarray().unwrap();
            assert!(
                dv.iter()
                    .zip(&hv)
                    .all(|(a, b)| (a - b).norm() < 1e-12 || (a.is_nan() && b.is_nan())),
                "{pairs:?}: {dv} vs {hv}"
            );
            let (hv, _) = um::pairwise_corrcoef(&r32, pairs).unwrap();
            let (dv, _) = um::pairwise_corrcoef(&r32d, pairs).unwrap();
            assert!(
                dv.to_ndarray()
                    .unwrap()
                    .iter()
                    .zip(&hv)
                    .all(|(a, b)| close(*a as f64, *b as f64, 1e-5)),
                "{pairs:?}"
            );
        }

        let (h, d) = (
            um::pairwise_corrcoef_agg(&c).unwrap(),
            um::pairwise_corrcoef_agg(&cd).unwrap(),
        );
        assert!(
            close(d.to_ndarray().unwrap().into_scalar(), h, 1e-12),
            "{h}"
        );
        let (h, d) = (
            um::pairwise_corrcoef_agg(&r32).unwrap(),
            um::pairwise_corrcoef_agg(&r32d).unwrap(),
        );
        assert!(
            close(d.to_ndarray().unwrap().into_scalar() as f64, h, 1e-5),
            "{h}"
        );

        for method in [
            NoiseMethod::RepeatedMeasurements,
            NoiseMethod::AdjacentFrames,
        ] {
            let h = um::channel_noise(&c32, method).unwrap();
            let d = um::channel_noise(&c32d, method).unwrap();
            for (hv, dv) in [
                (h.snr_db, d.snr_db),
                (h.signal_power, d.signal_power),
                (h.noise_power, d.noise_power),
            ] {
                assert!(
                    close(dv.to_ndarray().unwrap().into_scalar() as f64, hv, 1e-5),
                    "{method:?}: {hv}"
                );
            }
            let h = um::channel_noise(&r, method).unwrap();
            let d = um::channel_noise(&rd, method).unwrap();
            assert!(close(
                d.snr_db.to_ndarray().unwrap().into_scalar(),
                h.snr_db,
                1e-12
            ));
        }
    }
}

/// A degenerate vector (constant or NaN) spoils only its own pairs, on every route.
#[test]
fn degenerate_vectors_give_nan_only_in_their_pairs() {
    // feeds NaN on purpose: the reference's propagation (the policy is process-wide; no test of
    // this binary expects Error::NonFinite)
    um::set_nonfinite_policy(um::NonFinite::Propagate);
    let dev = device();
    let mut v = vectors_f64(5, 30, 7, 0.5);
    v.row_mut(1).fill(3.0);
    v[[3, 4]] = f64::NAN;
    let bad = |i: i64| i == 1 || i == 3;
    let c = um::corrcoef(&v).unwrap();
    for i in 0..5 {
        for j in 0..5 {
            assert_eq!(
                c[[i, j]].is_nan(),
                bad(i as i64) || bad(j as i64),
                "C[{i},{j}] = {}",
                c[[i, j]]
            );
        }
    }
    let few = ndarray::array![[0i64, 2], [1, 0]];
    let many = Array2::from_shape_fn((25, 2), |(q, k)| {
        if k == 0 {
            (q / 5) as i64
        } else {
            (q % 5) as i64
        }
    });
    let vd = dev.put(&v).unwrap();
    for pairs in [
        Pairs::All,
        Pairs::Explicit(few.view()),
        Pairs::Explicit(many.view()),
    ] {
        let (vals, p) = um::pairwise_corrcoef(&v, pairs).unwrap();
        let (dvals, _) = um::pairwise_corrcoef(&vd, pairs).unwrap();
        let dvals = dvals.to_ndarray().unwrap();
        for q in 0..vals.len() {
            let expect_nan = bad(p[[q, 0]]) || bad(p[[q, 1]]);
            assert_eq!(vals[q].is_nan(), expect_nan, "{pairs:?} {q}");
            assert_eq!(dvals[q].is_nan(), expect_nan, "device {pairs:?} {q}");
            if !expect_nan {
                assert!((vals[q] - c[[p[[q, 0]] as usize, p[[q, 1]] as usize]]).abs() < 1e-12);
            }
        }
    }
    assert!(um::pairwise_corrcoef_agg(&v).unwrap().is_nan());
}

#[test]
fn edge_cases_and_typed_errors() {
    let dev = device();
    // one vector: no pairs (empty arrays), NaN mean; also on the device
    let one = Array3::<f32>::from_shape_fn((1, 4, 5), |(_, a, b)| (a * 5 + b) as f32);
    let (vals, pairs) = um::pairwise_corrcoef(&one, Pairs::All).unwrap();
    assert_eq!((vals.len(), pairs.shape()), (0, &[0usize, 2][..]));
    let oned = dev.put(&one).unwrap();
    let (dv, dp) = um::pairwise_corrcoef(&oned, Pairs::All).unwrap();
    assert_eq!((dv.shape(), dp.shape()), (&[0usize][..], &[0usize, 2][..]));
    assert!(um::pairwise_corrcoef_agg(&one).unwrap().is_nan());
    assert!(um::pairwise_corrcoef_agg(&oned)
        .unwrap()
        .to_ndarray()
        .unwrap()
        .into_scalar()
        .is_nan());
    assert_eq!(um::corrcoef(&one).unwrap().shape(), &[1, 1]);
    // zero pairs requested
    let v = vectors_f64(6, 20, 1, 0.3);
    let (vals, pairs) = um::pairwise_corrcoef(
        &v,
        Pairs::Random {
            n_pairs: 0,
            seed: 0,
        },
    )
    .unwrap();
    assert_eq!((vals.len(), pairs.nrows()), (0, 0));
    let vd = dev.put(&v).unwrap();
    let (dv, dp) = um::pairwise_corrcoef(
        &vd,
        Pairs::Random {
            n_pairs: 0,
            seed: 0,
        },
    )
    .unwrap();
    assert_eq!((dv.len(), dp.shape()[0]), (0, 0));
    // as many pairs as exist (or more): all pairs, in order
    let all = um::pairwise_corrcoef(&v, Pairs::All).unwrap();
    assert_eq!(
        um::pairwise_corrcoef(
            &v,
            Pairs::Random {
                n_pairs: 100,
                seed: 3
            }
        )
        .unwrap(),
        all
    );
    // F = 1: NaN, as the sample standard deviation of one value is 0/0
    assert!(um::corrcoef(&ndarray::array![1.0, 2.0, 3.0])
        .unwrap()
        .iter()
        .all(|c: &f64| c.is_nan()));
    // integers are computed in f64
    let ints = v.mapv(|x| (x * 100.0) as i32);
    let ci: Array2<f64> = um::corrcoef(&ints).unwrap();
    assert!((ci[[0, 0]] - 1.0).abs() < 1e-12);

    let err = |e: um::Error, arg: &str| matches!(e, um::Error::InvalidArgument { arg: a, .. } if a == arg);
    assert!(err(
        um::corrcoef(&ndarray::arr0(1.0)).unwrap_err(),
        "vectors"
    ));
    assert!(err(
        um::corrcoef(&Array2::<f64>::zeros((0, 3))).unwrap_err(),
        "vectors"
    ));
    assert!(err(
        um::pairwise_corrcoef_agg(&Array2::<f64>::zeros((3, 0))).unwrap_err(),
        "vectors"
    ));
    let out_of_range = ndarray::array![[0i64, 6]];
    let e = um::pairwise_corrcoef(&v, Pairs::Explicit(out_of_range.view())).unwrap_err();
    assert!(
        e.to_string()
            .contains("index 6 at [0, 1] is out of range for 6 vectors"),
        "{e}"
    );
    let negative = ndarray::array![[-1i64, 0]];
    assert!(err(
        um::pairwise_corrcoef(&vd, Pairs::Explicit(negative.view())).unwrap_err(),
        "pairs"
    ));
    let three = Array2::<i64>::zeros((2, 3));
    assert!(err(
        um::pairwise_corrcoef(&v, Pairs::Explicit(three.view())).unwrap_err(),
        "pairs"
    ));
    assert!(err(
        um::noise_adjacent_frames(&ndarray::arr0(1.0f32)).unwrap_err(),
        "data"
    ));
    assert!(err(
        um::noise_repeated_measurements(&Array2::<f32>::zeros((3, 0))).unwrap_err(),
        "data"
    ));
    assert!(err("tx_off".parse::<NoiseMethod>().unwrap_err(), "method"));

    // one repetition: repeated measurements gives N = 0 and +inf dB, adjacent frames 0/0 = NaN
    let x = Array2::from_shape_fn((1, 8), |(_, t)| t as f64 + 1.0);
    let rep = um::noise_repeated_measurements(&x).unwrap();
    assert_eq!((rep.noise_power, rep.snr_db), (0.0, f64::INFINITY));
    let adj = um::noise_adjacent_frames(&dev.put(&x).unwrap()).unwrap();
    assert!(adj.snr_db.to_ndarray().unwrap().into_scalar().is_nan());
    assert_eq!(adj.signal_power.to_ndarray().unwrap().into_scalar(), 0.0);
    // rank-1 data: R repetitions of one sample
    let y = ndarray::array![1.0f32, 3.0];
    let e = um::noise_repeated_measurements(&y).unwrap();
    assert_eq!((e.signal_power, e.noise_power), (4.0, 1.0));
}
