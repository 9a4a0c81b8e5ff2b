//! Reverse-mode autodiff: every primitive's vector-Jacobian rule and every differentiable
//! metric against central finite differences in f64 (real and complex inputs), the
//! non-differentiable cases, and host vs PJRT for the gradient programs.
//!
//! Objectives for primitives are `L = Σ Re(c ⊙ op(x))` with fixed pseudo-random weights `c`
//! (complex for complex outputs), so that every output element gets a distinct cotangent.
//! Complex gradients follow JAX's convention: `grad = ∂L/∂Re − i·∂L/∂Im`.

use ndarray::{ArrayD, IxDyn};
use num_complex::Complex64;
use ultrasound_metrics as um;
use um::graph::{autodiff, trace, FftKind, ReduceKind, Tensor, TensorType};
use um::host::{eval, HostTensor};
use um::metrics::{traced, CfParams, GcfParams, PcfParams, ScfParams};
use um::DType;

const F: DType = DType::F64;
const C: DType = DType::C128;

fn t(d: DType, s: &[usize]) -> TensorType {
    TensorType::new(d, s)
}

/// Deterministic pseudo-random values in [-2, 2).
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

/// The real coordinates of an f64/c128 tensor (re, im interleaved for complex).
fn coords(x: &HostTensor) -> Vec<f64> {
    match x {
        HostTensor::F64(a) => a.iter().copied().collect(),
        HostTensor::C128(a) => a.iter().flat_map(|z| [z.re, z.im]).collect(),
        other => panic!("FD needs f64/c128, got {}", other.dtype()),
    }
}

fn from_coords(ty: &TensorType, c: &[f64]) -> HostTensor<'static> {
    let sh = IxDyn(&ty.shape);
    match ty.dtype {
        DType::F64 => ArrayD::from_shape_vec(sh, c.to_vec()).unwrap().into(),
        DType::C128 => ArrayD::from_shape_vec(
            sh,
            c.chunks(2).map(|p| Complex64::new(p[0], p[1])).collect(),
        )
        .unwrap()
        .into(),
        d => panic!("FD needs f64/c128, got {d}"),
    }
}

fn input(ty: &TensorType, seed: u64) -> HostTensor<'static> {
    let per = if ty.dtype.is_complex() { 2 } else { 1 };
    from_coords(ty, &vals(per * ty.num_elements(), seed))
}

fn scalar(out: &HostTensor) -> f64 {
    match out {
        HostTensor::F64(a) => a.iter().next().copied().unwrap(),
        HostTensor::F32(a) => a.iter().next().copied().unwrap() as f64,
        other => panic!("scalar output has dtype {}", other.dtype()),
    }
}

/// Fixed weights of the output's type: `sin(1.3 k + 0.7)` (+ `i·cos(2.1 k)` for complex).
fn weights(like: &Tensor) -> Tensor {
    let n = like.ty().num_elements();
    let k = like.iota(t(like.dtype().real(), &[n]), 0);
    let re = (&k * 1.3 + 0.7).sin().reshape(like.shape());
    if like.dtype().is_complex() {
        re.complex(&(&k * 2.1).cos().reshape(like.shape()))
    } else {
        re
    }
}

/// `Σ Re(c ⊙ y)` over all outputs.
fn contract(ys: &[Tensor]) -> Tensor {
    let mut total: Option<Tensor> = None;
    for y in ys {
        let p = &weights(y) * y;
        let r = if p.dtype().is_complex() { p.re() } else { p };
        let s = r.sum_all().cast(F);
        total = Some(match total {
            Some(acc) => acc + s,
            None => s,
        });
    }
    total.unwrap()
}

/// Checks the autodiff gradient of `f` (a real scalar) w.r.t. each argument in `wrt` against
/// Richardson-extrapolated central differences. `inputs` overrides the random inputs.
fn fd_check_with(
    name: &str,
    params: &[TensorType],
    wrt: &[usize],
    inputs: Option<Vec<HostTensor<'static>>>,
    f: impl Fn(&[Tensor]) -> Tensor + Copy,
) {
    fd_check_tol(name, params, wrt, inputs, 1e-6, 1e-4, f)
}

/// [`fd_check_with`] with a relative tolerance (of the largest finite-difference component) and
/// a relative step.
fn fd_check_tol(
    name: &str,
    params: &[TensorType],
    wrt: &[usize],
    inputs: Option<Vec<HostTensor<'static>>>,
    tol: f64,
    step: f64,
    f: impl Fn(&[Tensor]) -> Tensor + Copy,
) {
    let inputs = inputs.unwrap_or_else(|| {
        params
            .iter()
            .enumerate()
            .map(|(i, ty)| input(ty, 11 + 7 * i as u64))
            .collect()
    });
    let value = trace(name, params, |a| Ok(vec![f(a)])).unwrap_or_else(|e| panic!("{name}: {e}"));
    let grads = trace(name, params, |a| {
        let l = f(a);
        let w: Vec<&Tensor> = wrt.iter().map(|&i| &a[i]).collect();
        autodiff::grad(&l, &w)
    })
    .unwrap_or_else(|e| panic!("{name}: grad: {e}"));
    fn views<'a>(v: &'a [HostTensor<'static>]) -> Vec<HostTensor<'a>> {
        v.iter().map(|x| x.view()).collect()
    }
    let g = eval(&grads, views(&inputs)).unwrap_or_else(|e| panic!("{name}: eval grad: {e}"));
    let f_at = |k: usize, c: &[f64]| -> f64 {
        let mut v = inputs.clone();
        v[k] = from_coords(&params[k], c);
        scalar(&eval(&value, views(&v)).unwrap()[0])
    };
    for (gi, &k) in wrt.iter().enumerate() {
        assert_eq!(g[gi].ty(), params[k], "{name}: gradient type");
        let got = coords(&g[gi]);
        let x0 = coords(&inputs[k]);
        let mut fd = vec![0.0; x0.len()];
        for i in 0..x0.len() {
            let h = step * x0[i].abs().max(1.0);
            let d = |h: f64| {
                let (mut p, mut m) = (x0.clone(), x0.clone());
                p[i] += h;
                m[i] -= h;
                (f_at(k, &p) - f_at(k, &m)) / (2.0 * h)
            };
            fd[i] = (4.0 * d(h / 2.0) - d(h)) / 3.0;
        }
        // JAX convention: grad = dL/dre - i dL/dim
        if params[k].dtype.is_complex() {
            for p in fd.chunks_mut(2) {
                p[1] = -p[1];
            }
        }
        let scale = fd.iter().fold(0.0f64, |m, v| m.max(v.abs())).max(1e-3);
        for (i, (a, b)) in got.iter().zip(&fd).enumerate() {
            assert!(
                (a - b).abs() <= tol * scale,
                "{name}: d/d(arg {k}) coordinate {i}: autodiff {a} vs finite differences {b} \
                 (scale {scale})\nautodiff {got:?}\nfd {fd:?}"
            );
        }
    }
}

fn fd_check(name: &str, params: &[TensorType], f: impl Fn(&[Tensor]) -> Vec<Tensor> + Copy) {
    let wrt: Vec<usize> = (0..params.len())
        .filter(|&i| params[i].dtype.is_inexact())
        .collect();
    fd_check_with(name, params, &wrt, None, move |a| contract(&f(a)));
}

fn not_differentiable(name: &str, params: &[TensorType], f: impl Fn(&[Tensor]) -> Tensor) {
    let r = trace(name, params, |a| autodiff::grad(&f(a), &[&a[0]]));
    match r {
        Err(um::Error::NotDifferentiable { .. }) => {}
        Err(e) => panic!("{name}: expected NotDifferentiable, got {e}"),
        Ok(_) => panic!("{name}: expected NotDifferentiable, got a gradient"),
    }
}

// ------------------------------------------------------------------------------------------
// primitives

#[test]
fn unary_rules() {
    for d in [F, C] {
        fd_check("neg", &[t(d, &[2, 3])], |x| vec![-&x[0]]);
        fd_check("abs", &[t(d, &[2, 3])], |x| vec![x[0].abs()]);
        fd_check("exp", &[t(d, &[5])], |x| vec![x[0].exp()]);
        fd_check("sqrt_log", &[t(d, &[5])], |x| {
            let p = if x[0].dtype().is_complex() {
                &x[0] + 2.5 // keep away from the branch cut
            } else {
                x[0].abs() + 0.5
            };
            vec![p.sqrt(), p.ln()]
        });
    }
    fd_check("sin_cos", &[t(F, &[5])], |x| vec![x[0].sin(), x[0].cos()]);
    fd_check("real_imag_conj", &[t(C, &[2, 3])], |x| {
        vec![x[0].re(), x[0].im(), x[0].conj()]
    });
    fd_check("real_of_real", &[t(F, &[3])], |x| {
        vec![x[0].re(), x[0].conj()]
    });
    fd_check("complex_sign", &[t(C, &[2, 3])], |x| vec![x[0].sign()]);
}

#[test]
fn binary_rules() {
    for d in [F, C] {
        fd_check("arith", &[t(d, &[3, 2]), t(d, &[3, 2])], |x| {
            vec![&x[0] + &x[1], &x[0] - &x[1], &x[0] * &x[1], &x[0] / &x[1]]
        });
        fd_check("broadcasting", &[t(d, &[3, 1]), t(d, &[2])], |x| {
            vec![&x[0] * &x[1] + &x[0]]
        });
    }
    fd_check("pow_real", &[t(F, &[4]), t(F, &[4])], |x| {
        vec![(x[0].abs() + 0.5).pow(&x[1])]
    });
    fd_check("pow_complex", &[t(C, &[4]), t(C, &[4])], |x| {
        vec![(&x[0] + 2.5).pow(&(&x[1] * 0.5))]
    });
    fd_check(
        "powf",
        &[t(F, &[4])],
        |x| vec![(x[0].abs() + 0.1).powf(2.5)],
    );
    fd_check("max_min", &[t(F, &[6]), t(F, &[6])], |x| {
        vec![x[0].max(&x[1]), x[0].min(&x[1])]
    });
    fd_check("atan2", &[t(F, &[5]), t(F, &[5])], |x| {
        vec![x[0].atan2(&x[1])]
    });
    fd_check("complex", &[t(F, &[4]), t(F, &[4])], |x| {
        vec![x[0].complex(&x[1])]
    });
}

#[test]
fn select_convert_rules() {
    // the predicate's input only feeds a comparison: differentiate w.r.t. the branches
    fd_check_with(
        "select",
        &[t(F, &[6]), t(F, &[6]), t(F, &[6])],
        &[0, 1],
        None,
        |x| contract(&[x[2].gt(&x[2].scalar(0.0)).select(&x[0], &(&x[1] * 3.0))]),
    );
    not_differentiable("select_predicate", &[t(F, &[6])], |x| {
        x[0].gt(&x[0].scalar(0.0))
            .select(&x[0].full_like(1.0), &x[0].full_like(-1.0))
            .sum_all()
    });
    fd_check("convert_real_to_complex", &[t(F, &[4])], |x| {
        vec![x[0].cast(C) * x[0].cast(C).exp()]
    });
    fd_check("div_or", &[t(F, &[5]), t(F, &[5])], |x| {
        vec![x[0].div_or(&x[1], 0.0)]
    });
}

#[test]
fn reduce_rules() {
    for d in [F, C] {
        fd_check("sum", &[t(d, &[3, 4, 2])], |x| {
            vec![x[0].sum(&[1]), x[0].sum(&[0, 2]), x[0].sum_all()]
        });
        fd_check("mean", &[t(d, &[3, 4])], |x| vec![x[0].mean(&[0])]);
    }
    fd_check("max_min_over", &[t(F, &[4, 5])], |x| {
        vec![
            x[0].max_over(&[1]),
            x[0].min_over(&[0]),
            x[0].max_over(&[0, 1]),
        ]
    });
    fd_check("variadic", &[t(F, &[4, 3]), t(F, &[4, 3])], |x| {
        let r = Tensor::reduce_many(
            &[
                (&x[0], ReduceKind::Sum),
                (&x[1], ReduceKind::Max),
                (&x[0], ReduceKind::Min),
            ],
            &[0],
        );
        vec![&r[0] * &r[1], r[2].clone()]
    });
}

#[test]
fn max_ties_share_the_cotangent() {
    // max over [1, 3, 3, 2] = 3: the two maximal elements get 1/2 each (JAX's rule); an
    // elementwise max tie splits 1/2-1/2 as well
    let p = trace("ties", &[t(F, &[4])], |a| {
        let l = a[0].max_over(&[0]) + a[0].max(&a[0].scalar(2.0)).sum_all();
        autodiff::grad(&l, &[&a[0]])
    })
    .unwrap();
    let x = ndarray::arr1(&[1.0, 3.0, 3.0, 2.0]).into_dyn();
    let g = eval(&p, vec![HostTensor::from(x)]).unwrap();
    assert_eq!(coords(&g[0]), vec![0.0, 1.5, 1.5, 0.5]);
}

#[test]
fn shape_rules() {
    for d in [F, C] {
        fd_check("broadcast_in_dim", &[t(d, &[3, 1])], |x| {
            vec![x[0].broadcast_in_dim(&[2, 3, 4], &[1, 2])]
        });
        fd_check("reshape_transpose", &[t(d, &[2, 3, 4])], |x| {
            vec![x[0].reshape(&[6, 4]), x[0].transpose(&[2, 0, 1])]
        });
        fd_check("slice", &[t(d, &[7, 6])], |x| {
            vec![
                x[0].slice(&[1, 0], &[7, 5], &[3, 2]),
                x[0].slice(&[2, 1], &[4, 6], &[1, 1]),
                x[0].index_axis(1, 3),
            ]
        });
        fd_check("pad", &[t(d, &[3, 2]), t(d, &[])], |x| {
            let padded = x[0].pad(&[1, 0], &[2, 3], 0.0);
            // a traced padding value through the raw op: pad(x, v) = pad(x, 0) + pad(0, v)
            vec![padded, &x[1] * 2.0]
        });
        fd_check("concat", &[t(d, &[2, 3]), t(d, &[2, 1])], |x| {
            vec![Tensor::concat(&[&x[0], &x[1], &x[0]], 1)]
        });
    }
}

#[test]
fn pad_value_rule() {
    // the padding value's cotangent is the sum over the padding positions
    let p = trace("pad_value", &[t(F, &[2]), t(F, &[])], |a| {
        let padded = pad_with(&a[0], &a[1]);
        let l = (&padded * &weights(&padded)).sum_all();
        autodiff::grad(&l, &[&a[0], &a[1]])
    })
    .unwrap();
    let x = ndarray::arr1(&[0.3, -0.2]).into_dyn();
    let v = ndarray::arr0(1.5).into_dyn();
    let g = eval(&p, vec![HostTensor::from(x), HostTensor::from(v)]).unwrap();
    let w: Vec<f64> = (0..5).map(|k| (1.3 * k as f64 + 0.7).sin()).collect();
    let gx = coords(&g[0]);
    let gv = coords(&g[1]);
    assert!((gx[0] - w[1]).abs() < 1e-12 && (gx[1] - w[2]).abs() < 1e-12);
    assert!((gv[0] - (w[0] + w[3] + w[4])).abs() < 1e-12);
}

/// `pad(x, low 1, high 2)` with a traced padding value.
fn pad_with(x: &Tensor, v: &Tensor) -> Tensor {
    x.pad_value(&[1], &[2], v)
}

#[test]
fn fft_rules() {
    for n in [6usize, 5] {
        fd_check("fft_ifft", &[t(C, &[2, n])], move |x| {
            vec![x[0].fft(FftKind::Fft, n), x[0].fft(FftKind::Ifft, n)]
        });
        fd_check("rfft", &[t(F, &[2, n])], move |x| {
            vec![x[0].fft(FftKind::Rfft, n)]
        });
        fd_check("irfft", &[t(C, &[2, n / 2 + 1])], move |x| {
            vec![x[0].fft(FftKind::Irfft, n)]
        });
    }
}

#[test]
fn sort_rules() {
    fd_check("sort", &[t(F, &[3, 5])], |x| {
        vec![x[0].sort(1), x[0].sort(0)]
    });
    fd_check("sort_many", &[t(F, &[6]), t(C, &[6])], |x| {
        let s = Tensor::sort_many(&[&x[0], &x[1]], 0, true);
        vec![s[0].clone(), s[1].clone()]
    });
    // carried operand only: the key's influence is the permutation (piecewise constant)
    fd_check_with("sort_carried", &[t(F, &[6]), t(F, &[6])], &[1], None, |x| {
        let s = Tensor::sort_many(&[&x[0], &x[1]], 0, false);
        contract(&[s[1].clone()])
    });
    not_differentiable("argsort", &[t(F, &[6])], |x| {
        let idx = x[0].iota(t(F, &[6]), 0);
        Tensor::sort_many(&[&x[0], &idx], 0, false)[1].sum_all()
    });
}

/// The sort-based median the `median` primitive replaced (numpy semantics).
fn median_by_sort(x: &Tensor) -> Tensor {
    let n = x.shape()[0];
    let s = x.sort(0);
    let mid = if n % 2 == 1 {
        s.index_axis(0, n / 2)
    } else {
        (s.index_axis(0, n / 2 - 1) + s.index_axis(0, n / 2)) / 2.0
    };
    x.ne(x).any(&[0]).select(&mid.scalar(f64::NAN), &mid)
}

#[test]
fn median_rules() {
    for n in [5, 6] {
        fd_check("median", &[t(F, &[n])], |x| vec![x[0].median()]);
        fd_check("median_of_expr", &[t(F, &[n])], |x| {
            vec![(&x[0].sin() * 3.0).median() * x[0].sum_all()]
        });
    }
}

/// MEDIAN CNR: value and gradient of the primitive-based graph equal those of the sort-based
/// graph it replaced (the gradient JAX's `jnp.median` gives through its sort), on the host and
/// on PJRT, with ties (the cotangent goes to the first equal element in stable order), NaN
/// (zero gradient) and signed zeros.
#[test]
fn median_cnr_gradient_matches_the_sort_based_graph() {
    use um::backend::{Backend, Out, Pjrt};
    use um::metrics::{Aggregation, CnrParams};
    let p = CnrParams {
        fun_signal: Aggregation::Median,
        fun_noise: Aggregation::Median,
        ..Default::default()
    };
    // the old graph, written out: powers, median, median of squared deviations
    let old = |s: &Tensor, n: &Tensor| -> Tensor {
        let stat = |x: &Tensor| {
            let pw = x * x;
            let m = median_by_sort(&pw);
            let d = &pw - &m;
            (m, median_by_sort(&(&d * &d)))
        };
        let ((ms, vs), (mn, vn)) = (stat(s), stat(n));
        (ms - mn) / (vs + vn).sqrt()
    };
    let graph = |name: &str, ns: usize, nn: usize, use_old: bool| {
        trace(name, &[t(F, &[ns]), t(F, &[nn])], move |a| {
            let l = if use_old {
                old(&a[0], &a[1])
            } else {
                traced::compute_cnr(&a[0], &a[1], p)?
            };
            let mut outs = vec![l.clone()];
            outs.extend(autodiff::grad(&l, &[&a[0], &a[1]])?);
            Ok(outs)
        })
        .unwrap()
    };
    let dev = um::Device::cpu().expect("PJRT CPU plugin");
    let mut cases: Vec<(Vec<f64>, Vec<f64>)> = vec![
        (vals(9, 1), vals(8, 2)),
        (vals(10, 3), vals(7, 4)),
        // ties at the median: |x|² equal for ±x, and repeated values
        (
            vec![1.0, -1.0, 2.0, 1.0, -2.0, 0.5, 1.0],
            vec![0.5, -0.5, 0.5, 3.0, -0.5, 0.0],
        ),
        (vec![-0.0, 0.0, 0.0, 1.0], vec![2.0, -2.0, 1.0, 1.0, 3.0]),
    ];
    let mut with_nan = vals(11, 5);
    with_nan[4] = f64::NAN;
    cases.push((with_nan, vals(6, 6)));
    for (s, n) in cases {
        let (ns, nn) = (s.len(), n.len());
        let new_p = graph("median_cnr", ns, nn, false);
        let old_p = graph("median_cnr_by_sort", ns, nn, true);
        let xs: Vec<HostTensor> = [s.clone(), n.clone()]
            .into_iter()
            .map(|v| ndarray::Array1::from(v).into_dyn().into())
            .collect();
        let want = eval(&old_p, xs.iter().map(|x| x.view()).collect()).unwrap();
        let host = eval(&new_p, xs.iter().map(|x| x.view()).collect()).unwrap();
        let bufs: Vec<_> = xs
            .iter()
            .map(|x| um::runtime::put_host(&dev, x).unwrap())
            .collect();
        let pj: Vec<HostTensor> =
            Pjrt::run(&new_p, bufs.iter().map(um::backend::Arg::Device).collect())
                .unwrap()
                .into_iter()
                .map(|o| {
                    let Out::Device(b) = o else { panic!() };
                    um::runtime::get_host(&b).unwrap()
                })
                .collect();
        for (what, got) in [("host", &host), ("pjrt", &pj)] {
            for (i, (g, w)) in got.iter().zip(&want).enumerate() {
                let (g, w) = (coords(g), coords(w));
                assert_eq!(g.len(), w.len());
                for (j, (a, b)) in g.iter().zip(&w).enumerate() {
                    assert!(
                        a == b || a.is_nan() && b.is_nan() || (a - b).abs() <= 1e-12 * b.abs(),
                        "{what} output {i} coordinate {j}: {a} vs sort-based {b} \
                         (signal {s:?}, noise {n:?})"
                    );
                }
            }
        }
    }
}

#[test]
fn dot_general_rules() {
    for d in [F, C] {
        fd_check("matmul", &[t(d, &[3, 4]), t(d, &[4, 2])], |x| {
            vec![x[0].dot_general(&x[1], (&[], &[]), (&[1], &[0]))]
        });
        fd_check(
            "batched",
            &[t(d, &[2, 3, 4, 5]), t(d, &[5, 2, 4, 3])],
            |x| {
                // batch (lhs 0, rhs 1), contract (lhs 3 & 2, rhs 0 & 2): out [2, 3, 3]
                vec![x[0].dot_general(&x[1], (&[0], &[1]), (&[3, 2], &[0, 2]))]
            },
        );
    }
}

#[test]
fn constants_and_iota_have_no_gradient() {
    fd_check("with_constants", &[t(F, &[4])], |x| {
        let k = x[0].iota(t(F, &[4]), 0);
        vec![&x[0] * &k + x[0].full_like(2.0)]
    });
    // an input the objective ignores has a zero gradient (not an error)
    let p = trace("unused", &[t(F, &[3]), t(F, &[2])], |a| {
        autodiff::grad(&a[0].sum_all(), &[&a[1]])
    })
    .unwrap();
    let g = eval(&p, vec![input(&t(F, &[3]), 1), input(&t(F, &[2]), 2)]).unwrap();
    assert_eq!(coords(&g[0]), vec![0.0, 0.0]);
}

#[test]
fn piecewise_constant_objectives_are_not_differentiable() {
    not_differentiable("compare_count", &[t(F, &[5])], |x| {
        x[0].gt(&x[0].scalar(0.0)).cast(F).mean_all()
    });
    not_differentiable("real_sign", &[t(F, &[5])], |x| x[0].sign().sum_all());
    not_differentiable("floor", &[t(F, &[5])], |x| x[0].floor().sum_all());
    not_differentiable("histogram", &[t(F, &[5])], |x| {
        // counts of x below each of 3 edges, compare-and-sum
        let edges = x[0].iota(t(F, &[3, 1]), 0) - 1.0;
        let xb = x[0].reshape(&[1, 5]);
        edges.gt(&xb).cast(F).sum(&[1]).max_over(&[0])
    });
    not_differentiable("marked", &[t(F, &[5])], |x| {
        x[0].sum_all().non_differentiable("my_metric", "declared")
    });
    let e = trace("msg", &[t(F, &[5])], |x| {
        autodiff::grad(&x[0].floor().sum_all(), &[&x[0]])
    })
    .unwrap_err();
    assert!(e.to_string().contains("floor"), "{e}");
    // a piecewise-constant path next to a smooth one is fine (CF's div_or)
    fd_check("mixed", &[t(F, &[5])], |x| {
        vec![x[0].gt(&x[0].scalar(0.0)).select(&(&x[0] * 2.0), &x[0])]
    });
    // stop_gradient cuts a path on purpose: d/dx Σ x·sg(x) = x
    let p = trace("stop", &[t(F, &[3])], |a| {
        autodiff::grad(&(&a[0] * &a[0].stop_gradient()).sum_all(), &[&a[0]])
    })
    .unwrap();
    let x = input(&t(F, &[3]), 5);
    let g = eval(&p, vec![x.view()]).unwrap();
    assert_eq!(coords(&g[0]), coords(&x));
}

#[test]
fn integer_inputs_are_rejected() {
    let r = trace("int", &[t(DType::I32, &[3])], |a| {
        autodiff::grad(&a[0].cast(F).sum_all(), &[&a[0]])
    });
    assert!(matches!(r, Err(um::Error::NotDifferentiable { .. })));
    let r = trace("vector_loss", &[t(F, &[3])], |a| {
        autodiff::grad(&a[0], &[&a[0]])
    });
    assert!(matches!(r, Err(um::Error::Graph { .. })));
}

// ------------------------------------------------------------------------------------------
// metrics: objective = mean of the metric map

fn mean_of(f: fn(&Tensor) -> um::Result<Tensor>) -> impl Fn(&[Tensor]) -> Tensor + Copy {
    move |a| f(&a[0]).unwrap().mean_all()
}

#[test]
fn coherence_factor_gradients() {
    for d in [F, C] {
        fd_check_with(
            "cf_power",
            &[t(d, &[6, 3, 4])],
            &[0],
            None,
            mean_of(|x| traced::coherence_factor(x, CfParams::default())),
        );
        fd_check_with(
            "cf_amplitude",
            &[t(d, &[5, 4])],
            &[0],
            None,
            mean_of(|x| {
                traced::coherence_factor(
                    x,
                    CfParams {
                        power_based: false,
                        ..Default::default()
                    },
                )
            }),
        );
    }
    fd_check_with(
        "cf_frames",
        &[t(C, &[2, 4, 3])],
        &[0],
        None,
        mean_of(|x| {
            traced::coherence_factor(
                x,
                CfParams {
                    frames: true,
                    ..Default::default()
                },
            )
        }),
    );
}

#[test]
fn generalized_coherence_factor_gradients() {
    for d in [F, C] {
        fd_check_with(
            "gcf_m1",
            &[t(d, &[8, 3, 2])],
            &[0],
            None,
            mean_of(|x| traced::generalized_coherence_factor(x, GcfParams::default())),
        );
    }
    fd_check_with(
        "gcf_m2",
        &[t(C, &[7, 4])],
        &[0],
        None,
        mean_of(|x| {
            traced::generalized_coherence_factor(
                x,
                GcfParams {
                    m0: 2,
                    ..Default::default()
                },
            )
        }),
    );
}

#[test]
fn phase_and_sign_coherence_factor_gradients() {
    fd_check_with(
        "pcf_p1",
        &[t(C, &[6, 3, 2])],
        &[0],
        None,
        mean_of(|x| traced::phase_coherence_factor(x, PcfParams::default())),
    );
    fd_check_with(
        "pcf_p2",
        &[t(C, &[5, 4])],
        &[0],
        None,
        mean_of(|x| {
            traced::phase_coherence_factor(
                x,
                PcfParams {
                    power: 2.0,
                    ..Default::default()
                },
            )
        }),
    );
    // w.r.t. the exponent (continuous parameters)
    fd_check_with("pcf_power", &[t(F, &[]), t(C, &[5, 4])], &[0], None, |a| {
        let p = &a[0] * 0.5 + 1.5;
        traced::phase_coherence_factor_pow(&a[1], &p, PcfParams::default())
            .unwrap()
            .mean_all()
    });
    fd_check_with("scf_power", &[t(F, &[]), t(F, &[6, 5])], &[0], None, |a| {
        let p = &a[0] * 0.5 + 1.5;
        traced::sign_coherence_factor_pow(&a[1], &p, ScfParams::default())
            .unwrap()
            .mean_all()
    });
    // the data gradients of SCF, and of PCF on real data, are zero almost everywhere
    not_differentiable("scf", &[t(C, &[6, 3])], |a| {
        traced::sign_coherence_factor(&a[0], ScfParams::default())
            .unwrap()
            .mean_all()
    });
    not_differentiable("pcf_real", &[t(F, &[6, 3])], |a| {
        traced::phase_coherence_factor(&a[0], PcfParams::default())
            .unwrap()
            .mean_all()
    });
}

#[test]
fn tenengrad_gradients() {
    use um::metrics::TenengradParams;
    for d in [F, C] {
        fd_check_with("tenengrad_sum", &[t(d, &[5, 6])], &[0], None, |a| {
            traced::tenengrad(&a[0], None, TenengradParams::default()).unwrap()
        });
    }
    fd_check_with(
        "tenengrad_mean_roi",
        &[t(F, &[5, 6]), t(F, &[5, 6])],
        &[0],
        None,
        |a| {
            let roi = a[1].gt(&a[1].scalar(0.0));
            let p = TenengradParams {
                normalize: true,
                ..Default::default()
            };
            traced::tenengrad(&a[0], Some(&roi), p).unwrap()
        },
    );
    fd_check("tenengrad_map", &[t(F, &[4, 5])], |a| {
        let p = TenengradParams {
            reduce_sum: false,
            sobel_kernel: Some(ndarray::array![[1.0, -2.0, 0.5]]),
            ..Default::default()
        };
        vec![traced::tenengrad(&a[0], None, p).unwrap()]
    });
}

#[test]
fn motion_noise_and_bmode_gradients() {
    use um::metrics::NoiseMethod;
    for d in [F, C] {
        fd_check("corrcoef", &[t(d, &[3, 2, 4])], |a| {
            vec![traced::corrcoef(&a[0]).unwrap()]
        });
        fd_check("pairwise_corrcoef_agg", &[t(d, &[4, 6])], |a| {
            vec![traced::pairwise_corrcoef_agg(&a[0]).unwrap()]
        });
        for m in [
            NoiseMethod::RepeatedMeasurements,
            NoiseMethod::AdjacentFrames,
        ] {
            fd_check("channel_noise", &[t(d, &[4, 3, 2])], move |a| {
                let e = traced::channel_noise(&a[0], m).unwrap();
                vec![e.snr_db, e.signal_power, e.noise_power]
            });
        }
        fd_check("decibel_db_zero_bmode", &[t(d, &[3, 4])], |a| {
            vec![
                traced::decibel(&a[0]).unwrap(),
                traced::db_zero(&a[0]).unwrap(),
                traced::create_bmode_image(&a[0]).unwrap(),
            ]
        });
    }
}

#[test]
fn region_statistic_gradients() {
    use um::metrics::{
        Aggregation, CnrParams, ContrastParams, GcnrParams, RfSnrParams, TsnrParams,
    };
    for d in [F, C] {
        for db in [false, true] {
            fd_check("contrast", &[t(d, &[5]), t(d, &[2, 3])], move |a| {
                vec![traced::contrast(&a[0], &a[1], ContrastParams { db }).unwrap()]
            });
        }
        for agg in [Aggregation::Mean, Aggregation::Median] {
            for nv in [true, false] {
                fd_check("compute_cnr", &[t(d, &[6]), t(d, &[7])], move |a| {
                    let p = CnrParams {
                        fun_signal: agg,
                        fun_noise: Aggregation::Mean,
                        use_noise_variance: nv,
                        ..Default::default()
                    };
                    vec![traced::compute_cnr(&a[0], &a[1], p).unwrap()]
                });
            }
        }
        for max_power in [false, true] {
            fd_check("compute_rf_snr", &[t(d, &[8]), t(d, &[6])], move |a| {
                let p = RfSnrParams {
                    max_power,
                    ..Default::default()
                };
                vec![traced::compute_rf_snr(&a[0], &a[1], p).unwrap()]
            });
        }
        for output_db in [false, true] {
            fd_check("tsnr", &[t(d, &[3, 5])], move |a| {
                vec![traced::tsnr(&(&a[0] + 1.5), TsnrParams { output_db }).unwrap()]
            });
        }
    }
    not_differentiable("gcnr", &[t(F, &[6]), t(F, &[5])], |a| {
        traced::gcnr(&a[0], &a[1], GcnrParams::default()).unwrap()
    });
}

#[test]
fn clipping_is_not_differentiable() {
    use um::metrics::{ClipMethod, MaxAmplitudeParams, ThresholdParams};
    for m in [
        ClipMethod::Threshold(ThresholdParams::new(1.0)),
        ClipMethod::MaxAmplitude(MaxAmplitudeParams::default()),
    ] {
        not_differentiable("clip_ratio", &[t(F, &[3, 8])], move |a| {
            traced::clip_ratio(&a[0], m).unwrap()
        });
    }
}

#[test]
fn smooth_gcnr_gradient() {
    // min(p_in, p_out) on the quadrature grid has kinks where the densities cross near a grid
    // point: small finite-difference steps
    let p = um::metrics::traced::GcnrSmoothParams {
        bandwidth: Some(0.4),
        grid: 256,
    };
    fd_check_tol(
        "gcnr_smooth",
        &[t(F, &[7]), t(F, &[9])],
        &[0, 1],
        None,
        1e-6,
        1e-6,
        move |a| traced::gcnr_smooth(&a[0], &a[1], p).unwrap(),
    );
    fd_check_tol(
        "gcnr_smooth_c",
        &[t(C, &[2, 3]), t(C, &[5])],
        &[0],
        None,
        1e-6,
        1e-6,
        move |a| traced::gcnr_smooth(&a[0], &(&a[1] + 1.0), p).unwrap(),
    );
    fd_check_tol(
        "gcnr_smooth_auto_bandwidth",
        &[t(F, &[8]), t(F, &[6])],
        &[0, 1],
        None,
        1e-6,
        1e-6,
        |a| traced::gcnr_smooth(&a[0], &a[1], Default::default()).unwrap(),
    );
    // disjoint regions: close to 1; identical: 0
    let v = trace("gcnr_smooth_values", &[t(F, &[6])], |a| {
        let far = &a[0] + 100.0;
        Ok(vec![
            traced::gcnr_smooth(&a[0], &far, Default::default())?,
            traced::gcnr_smooth(&a[0], &a[0], Default::default())?,
        ])
    })
    .unwrap();
    let out = eval(&v, vec![input(&t(F, &[6]), 9)]).unwrap();
    assert!(scalar(&out[0]) > 0.999, "{}", scalar(&out[0]));
    assert!(scalar(&out[1]).abs() < 1e-12);
}

#[test]
fn apodization_weights_gradient() {
    // mean CF of w[:, None, None] * x w.r.t. the real weights w; scale invariant: w·grad = 0
    let f = |a: &[Tensor]| {
        let w = a[0].cast(C).reshape(&[6, 1, 1]);
        traced::coherence_factor(&(&w * &a[1]), CfParams::default())
            .unwrap()
            .mean_all()
    };
    fd_check_with(
        "apodization",
        &[t(F, &[6]), t(C, &[6, 3, 4])],
        &[0],
        None,
        f,
    );
}

// ------------------------------------------------------------------------------------------
// the public API, host vs PJRT

#[test]
fn objective_host_and_pjrt_agree() {
    use ndarray::Array3;
    use num_complex::Complex32;
    let obj = um::grad::Objective::new("mean_cf_gcf", |a| {
        let cf = traced::coherence_factor(&a[0], CfParams::default())?;
        let gcf = traced::generalized_coherence_factor(&a[0], GcfParams::default())?;
        Ok((cf + gcf).mean_all())
    });
    let x = Array3::from_shape_fn((8, 5, 6), |(m, i, j)| {
        let v = vals(2, (m * 100 + i * 10 + j) as u64);
        Complex32::new(v[0] as f32, v[1] as f32)
    });
    let (v, g) = obj.value_and_grad(&x, &[]).unwrap();
    let dev = um::Device::cpu().expect("PJRT CPU plugin");
    let (vd, gd) = obj.value_and_grad(&dev.put(&x).unwrap(), &[]).unwrap();
    let vd = vd.to_ndarray().unwrap().into_scalar() as f64;
    assert!((v - vd).abs() <= 1e-5 * v.abs(), "{v} vs {vd}");
    let gd = gd.to_ndarray().unwrap();
    let scale = g.iter().fold(0f32, |m, z| m.max(z.norm()));
    for (a, b) in g.iter().zip(gd.iter()) {
        assert!((a - b).norm() <= 1e-4 * scale, "{a} vs {b}");
    }
    // several arguments: the gradient w.r.t. weights, data as a second device argument
    let w = ndarray::Array1::from_shape_fn(8, |m| 1.0f32 + 0.1 * m as f32);
    let apod = um::grad::Objective::new("apod", |a| {
        let w = a[0].cast(DType::C64).reshape(&[8, 1, 1]);
        Ok(traced::coherence_factor(&(&w * &a[1]), CfParams::default())?.mean_all())
    });
    let gw = apod.grad(&w, &[&x]).unwrap();
    let gwd = apod
        .grad(&dev.put(&w).unwrap(), &[&dev.put(&x).unwrap()])
        .unwrap()
        .to_ndarray()
        .unwrap();
    let dot: f32 = gw.iter().zip(w.iter()).map(|(a, b)| a * b).sum();
    let norm = gw.iter().map(|a| a * a).sum::<f32>().sqrt() * 3.0;
    assert!(dot.abs() <= 1e-4 * norm, "scale invariance: w·grad = {dot}");
    assert!(gw.abs_diff_eq(&gwd, 1e-4 * norm));
}

#[test]
fn objective_arguments_on_two_devices_are_a_device_mismatch() {
    let devs = um::Device::cpu_devices().expect("the PJRT CPU plugin has 4 devices");
    let apod = um::grad::Objective::new("apod", |a| Ok((&a[0] * &a[1]).sum_all()));
    let w = devs[0].put(&ndarray::arr1(&[1.0f32, 2.0])).unwrap();
    let x = devs[1].put(&ndarray::arr1(&[3.0f32, 4.0])).unwrap();
    let err = apod.value_and_grad(&w, &[&x]).map(drop).unwrap_err();
    match &err {
        um::Error::DeviceMismatch { func, first, other } => {
            assert_eq!(*func, "grad::Objective", "{err}");
            assert!(
                first.contains("`x`") && other.contains("`rest[0]`"),
                "{err}"
            );
        }
        e => panic!("wanted DeviceMismatch, got {e:?}"),
    }
}

#[test]
fn every_rule_lowers_and_matches_on_pjrt() {
    // one program exercising the backward rules of all primitives, host vs PJRT
    let params = [t(C, &[4, 6]), t(F, &[4, 6]), t(C, &[6, 3])];
    let f = |a: &[Tensor]| -> Tensor {
        let (z, r, m) = (&a[0], &a[1], &a[2]);
        let parts = vec![
            z.abs(),
            z.sign().re(),
            (z + 2.5).sqrt().im(),
            z.exp().re(),
            (z + 2.5).ln().re(),
            z.conj().im(),
            r.sin() + r.cos(),
            (r.abs() + 0.5).pow(&r.sin()),
            r.max(&r.cos()) - r.min(&r.sin()),
            r.atan2(&r.cos()),
            (r.complex(&r.sin()) * z).re(),
            r.gt(&r.scalar(0.0)).select(r, &r.exp()),
            r.cast(C).re() * r.max_over(&[1]).reshape(&[4, 1]),
            r.sort(1) * r.transpose(&[1, 0]).sort(1).transpose(&[1, 0]),
            r * r.reshape(&[24]).median() + r * r.slice_axis(0, 0, 1).reshape(&[6]).median(),
            z.fft(FftKind::Fft, 6).abs() + z.fft(FftKind::Ifft, 6).re(),
            r.fft(FftKind::Rfft, 6).fft(FftKind::Irfft, 6),
            Tensor::concat(
                &[
                    &r.slice(&[0, 1], &[4, 6], &[1, 2]),
                    &r.pad_value(&[0, 0], &[0, 3], &r.max_over(&[0, 1]))
                        .slice_axis(1, 5, 8),
                ],
                1,
            ),
            z.dot_general(m, (&[], &[]), (&[1], &[0]))
                .abs()
                .broadcast_in_dim(&[4, 3, 2], &[0, 1])
                .reshape(&[4, 6]),
        ];
        let mut acc = parts[0].clone();
        for p in &parts[1..] {
            acc = acc + p;
        }
        contract(&[acc])
    };
    let program = trace("all_rules", &params, |a| {
        let l = f(a);
        let mut outs = vec![l.clone()];
        outs.extend(autodiff::grad(&l, &[&a[0], &a[1], &a[2]])?);
        Ok(outs)
    })
    .unwrap();
    let inputs: Vec<HostTensor> = params
        .iter()
        .enumerate()
        .map(|(i, ty)| input(ty, 3 + i as u64))
        .collect();
    let host = eval(&program, inputs.iter().map(|x| x.view()).collect()).unwrap();
    let dev = um::Device::cpu().expect("PJRT CPU plugin");
    let bufs: Vec<_> = inputs
        .iter()
        .map(|x| um::runtime::put_host(&dev, x).unwrap())
        .collect();
    use um::backend::{Backend, Out, Pjrt};
    let pj = Pjrt::run(
        &program,
        bufs.iter().map(um::backend::Arg::Device).collect(),
    )
    .unwrap_or_else(|e| panic!("{e}\n{}", program.to_stablehlo()));
    for (i, (h, p)) in host.iter().zip(pj).enumerate() {
        let Out::Device(p) = p else { panic!() };
        let p = um::runtime::get_host(&p).unwrap();
        let (a, b) = (coords(h), coords(&p));
        let scale = a.iter().fold(1.0f64, |m, v| m.max(v.abs()));
        for (j, (x, y)) in a.iter().zip(&b).enumerate() {
            assert!(
                (x - y).abs() <= 1e-9 * scale,
                "output {i} coordinate {j}: host {x} vs pjrt {y}"
            );
        }
    }
    // and the whole thing is right: finite differences on the host
    fd_check_with("all_rules", &params, &[0, 1, 2], Some(inputs), f);
}
