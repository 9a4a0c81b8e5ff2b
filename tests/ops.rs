//! Every IR primitive, run on the host backend and on PJRT CPU, compared. One test body per
//! op, replayed on each backend: this checks the StableHLO lowering against the host semantics.

use ndarray::{ArrayD, IxDyn};
use num_complex::{Complex32, Complex64};
use ultrasound_metrics as um;
use um::backend::{Backend, Host, Out, Pjrt};
use um::graph::{trace, FftKind, ReduceKind, Tensor, TensorType};
use um::host::HostTensor;
use um::DType;

fn device() -> um::Device {
    um::Device::cpu().expect("the PJRT CPU plugin must be available (cargo run -- setup)")
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

fn input(ty: &TensorType, seed: u64) -> HostTensor<'static> {
    let n = ty.num_elements();
    let sh = IxDyn(&ty.shape);
    let v = vals(2 * n, seed);
    match ty.dtype {
        DType::F32 => ArrayD::from_shape_vec(sh, v[..n].iter().map(|&x| x as f32).collect())
            .unwrap()
            .into(),
        DType::F64 => ArrayD::from_shape_vec(sh, v[..n].to_vec()).unwrap().into(),
        DType::C64 => ArrayD::from_shape_vec(
            sh,
            (0..n)
                .map(|i| Complex32::new(v[i] as f32, v[n + i] as f32))
                .collect(),
        )
        .unwrap()
        .into(),
        DType::C128 => {
            ArrayD::from_shape_vec(sh, (0..n).map(|i| Complex64::new(v[i], v[n + i])).collect())
                .unwrap()
                .into()
        }
        DType::I32 => {
            ArrayD::from_shape_vec(sh, v[..n].iter().map(|&x| (x * 10.0) as i32).collect())
                .unwrap()
                .into()
        }
        DType::I64 => {
            ArrayD::from_shape_vec(sh, v[..n].iter().map(|&x| (x * 10.0) as i64).collect())
                .unwrap()
                .into()
        }
        DType::Bool => ArrayD::from_shape_vec(sh, v[..n].iter().map(|&x| x > 0.0).collect())
            .unwrap()
            .into(),
    }
}

/// Flattens any host tensor to (re, im) pairs of f64 for comparison.
fn flat(t: &HostTensor) -> Vec<(f64, f64)> {
    match t {
        HostTensor::Bool(a) => a.iter().map(|&v| (v as i32 as f64, 0.0)).collect(),
        HostTensor::I32(a) => a.iter().map(|&v| (v as f64, 0.0)).collect(),
        HostTensor::I64(a) => a.iter().map(|&v| (v as f64, 0.0)).collect(),
        HostTensor::F32(a) => a.iter().map(|&v| (v as f64, 0.0)).collect(),
        HostTensor::F64(a) => a.iter().map(|&v| (v, 0.0)).collect(),
        HostTensor::C64(a) => a.iter().map(|v| (v.re as f64, v.im as f64)).collect(),
        HostTensor::C128(a) => a.iter().map(|v| (v.re, v.im)).collect(),
    }
}

/// Runs a one-or-more-input program on both backends and compares every output.
fn check(name: &str, params: &[TensorType], f: impl Fn(&[Tensor]) -> Vec<Tensor>) {
    let program =
        trace(name, params, |a| Ok(f(a))).unwrap_or_else(|e| panic!("{name}: trace: {e}"));
    let inputs: Vec<HostTensor> = params
        .iter()
        .enumerate()
        .map(|(i, t)| input(t, i as u64 + 7))
        .collect();
    let host = Host::run(
        &program,
        inputs
            .iter()
            .map(|t| um::backend::Arg::Host(t.view()))
            .collect(),
    )
    .unwrap_or_else(|e| panic!("{name}: host: {e}"));
    let dev = device();
    let bufs: Vec<_> = inputs
        .iter()
        .map(|t| um::runtime::put_host(&dev, t).expect("put"))
        .collect();
    let pj = Pjrt::run(
        &program,
        bufs.iter().map(um::backend::Arg::Device).collect(),
    )
    .unwrap_or_else(|e| panic!("{name}: pjrt: {e}\n{}", program.to_stablehlo()));
    assert_eq!(host.len(), pj.len());
    for (i, (h, p)) in host.into_iter().zip(pj).enumerate() {
        let (Out::Host(h), Out::Device(p)) = (h, p) else {
            panic!("backend kinds")
        };
        let p = um::runtime::get_host(&p).expect("to host");
        assert_eq!(h.ty(), p.ty(), "{name} output {i}: types");
        let tol = match h.dtype() {
            DType::F32 | DType::C64 => 2e-5,
            _ => 1e-12,
        };
        for (j, (a, b)) in flat(&h).iter().zip(flat(&p)).enumerate() {
            let same_nan = a.0.is_nan() && b.0.is_nan() || a.1.is_nan() && b.1.is_nan();
            let close =
                |x: f64, y: f64| x == y || (x - y).abs() <= tol * (1.0 + x.abs().max(y.abs()));
            assert!(
                same_nan || (close(a.0, b.0) && close(a.1, b.1)),
                "{name} output {i} element {j}: host {a:?} vs pjrt {b:?}"
            );
        }
    }
}

fn t(d: DType, s: &[usize]) -> TensorType {
    TensorType::new(d, s)
}

#[test]
fn unary_ops() {
    for d in [DType::F32, DType::F64] {
        check("abs", &[t(d, &[3, 4])], |x| {
            vec![x[0].abs(), x[0].sign(), -&x[0], x[0].floor()]
        });
        check("transcendental", &[t(d, &[5])], |x| {
            let p = x[0].abs() + 0.5;
            vec![
                p.sqrt(),
                p.ln(),
                x[0].exp(),
                x[0].sin(),
                x[0].cos(),
                p.log10(),
            ]
        });
        check("is_finite", &[t(d, &[4])], |x| {
            vec![(&x[0] / &x[0].floor()).is_finite()]
        });
    }
    for d in [DType::C64, DType::C128] {
        check("complex_unary", &[t(d, &[2, 3])], |x| {
            vec![
                x[0].abs(),
                x[0].re(),
                x[0].im(),
                x[0].conj(),
                x[0].sign(),
                -&x[0],
                x[0].sqrt(),
                x[0].exp(),
                x[0].ln(),
            ]
        });
    }
    for d in [DType::I32, DType::I64] {
        check("int_unary", &[t(d, &[6])], |x| {
            vec![x[0].abs(), -&x[0], x[0].sign()]
        });
    }
    check("not", &[t(DType::Bool, &[6])], |x| vec![x[0].not()]);
}

#[test]
fn binary_ops() {
    for d in [DType::F32, DType::F64] {
        check("arith", &[t(d, &[3, 4]), t(d, &[3, 4])], |x| {
            vec![
                &x[0] + &x[1],
                &x[0] - &x[1],
                &x[0] * &x[1],
                &x[0] / &x[1],
                x[0].max(&x[1]),
                x[0].min(&x[1]),
                x[0].atan2(&x[1]),
            ]
        });
        check("pow", &[t(d, &[4]), t(d, &[4])], |x| {
            vec![x[0].abs().pow(&x[1])]
        });
        check("complex", &[t(d, &[4]), t(d, &[4])], |x| {
            vec![x[0].complex(&x[1])]
        });
        check("broadcast_scalar", &[t(d, &[2, 3]), t(d, &[3])], |x| {
            vec![&x[0] * &x[1] + 1.5, 2.0 - &x[0]]
        });
    }
    for d in [DType::C64, DType::C128] {
        check("complex_arith", &[t(d, &[5]), t(d, &[5])], |x| {
            vec![&x[0] + &x[1], &x[0] * &x[1], &x[0] / &x[1], &x[0] - &x[1]]
        });
    }
    for d in [DType::I32, DType::I64] {
        check("int_arith", &[t(d, &[6]), t(d, &[6])], |x| {
            vec![
                &x[0] + &x[1],
                &x[0] * &x[1],
                &x[0] / &(x[1].abs() + 1.0),
                x[0].max(&x[1]),
                x[0].and(&x[1]),
            ]
        });
    }
    check(
        "bool_logic",
        &[t(DType::Bool, &[6]), t(DType::Bool, &[6])],
        |x| vec![x[0].and(&x[1]), x[0].or(&x[1])],
    );
}

#[test]
fn compare_select_convert() {
    for d in [DType::F32, DType::F64, DType::I32, DType::I64] {
        check("compare", &[t(d, &[8]), t(d, &[8])], |x| {
            vec![
                x[0].lt(&x[1]),
                x[0].le(&x[1]),
                x[0].gt(&x[1]),
                x[0].ge(&x[1]),
                x[0].eq(&x[0]),
                x[0].ne(&x[1]),
            ]
        });
        check("select", &[t(d, &[8]), t(d, &[8])], |x| {
            vec![x[0].gt(&x[1]).select(&x[0], &x[1])]
        });
    }
    check("convert", &[t(DType::F64, &[6])], |x| {
        vec![
            x[0].cast(DType::F32),
            x[0].cast(DType::C128),
            (&x[0] * 10.0).cast(DType::I32),
            x[0].cast(DType::Bool),
        ]
    });
    check("convert_int", &[t(DType::I64, &[6])], |x| {
        vec![
            x[0].cast(DType::F64),
            x[0].cast(DType::C64),
            x[0].cast(DType::Bool),
        ]
    });
    check("convert_complex", &[t(DType::C128, &[3])], |x| {
        vec![x[0].cast(DType::C64)]
    });
    check("div_or", &[t(DType::F64, &[4])], |x| {
        vec![x[0].div_or(&x[0].gt(&x[0].scalar(0.0)).cast(DType::F64), 0.0)]
    });
    check("nan", &[t(DType::F32, &[4])], |x| {
        let nan = (&x[0] * 0.0) / (&x[0] * 0.0);
        vec![
            nan.is_nan(),
            nan.max(&x[0]),
            nan.min(&x[0]),
            nan.lt(&x[0]),
            nan.ne(&x[0]),
        ]
    });
}

#[test]
fn reductions() {
    for d in [DType::F32, DType::F64, DType::I32, DType::I64] {
        check("reduce", &[t(d, &[3, 4, 5])], |x| {
            vec![
                x[0].sum(&[0]),
                x[0].sum(&[1, 2]),
                x[0].sum_all(),
                x[0].max_over(&[1]),
                x[0].min_over(&[0, 2]),
            ]
        });
    }
    for d in [DType::C64, DType::C128] {
        check("reduce_complex", &[t(d, &[4, 3])], |x| {
            vec![x[0].sum(&[0]), x[0].mean_all()]
        });
    }
    check(
        "reduce_nan",
        &[t(DType::F32, &[4, 3]), t(DType::F64, &[4, 3])],
        |x| {
            // NaN in some elements: max/min reductions must propagate it on every backend
            let nan32 = x[0]
                .lt(&x[0].scalar(-1.0))
                .select(&x[0].scalar(f64::NAN), &x[0]);
            let nan64 = x[1]
                .lt(&x[1].scalar(-1.0))
                .select(&x[1].scalar(f64::NAN), &x[1]);
            vec![
                nan32.max_over(&[0]),
                nan32.min_over(&[1]),
                nan64.max_over(&[0, 1]),
                nan64.min_over(&[0]),
            ]
        },
    );
    check(
        "broadcast_zero_size",
        &[t(DType::F32, &[0, 3]), t(DType::F32, &[1, 3])],
        |x| {
            vec![
                &x[0] + &x[1],
                x[0].gt(&x[0].scalar(0.0)).select(&x[0], &x[0].scalar(1.0)),
            ]
        },
    );
    check("reduce_bool", &[t(DType::Bool, &[4, 3])], |x| {
        vec![x[0].any(&[0]), x[0].all(&[1])]
    });
    check("variadic", &[t(DType::F32, &[6, 7])], |x| {
        Tensor::reduce_many(
            &[
                (&x[0], ReduceKind::Sum),
                (&x[0].abs2(), ReduceKind::Sum),
                (&x[0], ReduceKind::Max),
            ],
            &[0],
        )
    });
}

#[test]
fn shape_ops() {
    for d in [DType::F32, DType::C128, DType::I64, DType::Bool] {
        check("shape", &[t(d, &[2, 3, 4])], |x| {
            vec![
                x[0].transpose(&[2, 0, 1]),
                x[0].reshape(&[6, 4]),
                x[0].slice(&[0, 1, 0], &[2, 3, 4], &[1, 1, 2]),
                x[0].index_axis(1, 2),
                x[0].broadcast_in_dim(&[5, 2, 3, 4], &[1, 2, 3]),
                Tensor::concat(&[&x[0], &x[0].slice_axis(2, 1, 3)], 2),
            ]
        });
    }
    for d in [DType::F32, DType::C64] {
        check("pad", &[t(d, &[3, 4])], |x| {
            vec![
                x[0].pad(&[1, 0], &[2, 1], 0.0),
                x[0].pad(&[0, 2], &[0, 0], 1.5),
            ]
        });
    }
    check("iota", &[t(DType::F32, &[2])], |x| {
        vec![
            x[0].iota(t(DType::I32, &[3, 4]), 1),
            x[0].iota(t(DType::F64, &[3, 4]), 0),
        ]
    });
}

#[test]
fn fft_sort_dot() {
    for d in [DType::C64, DType::C128] {
        check("fft", &[t(d, &[3, 8])], |x| {
            vec![x[0].fft(FftKind::Fft, 8), x[0].fft(FftKind::Ifft, 8)]
        });
        check("irfft", &[t(d, &[2, 5])], |x| {
            vec![x[0].fft(FftKind::Irfft, 8)]
        });
    }
    for d in [DType::F32, DType::F64] {
        check("rfft", &[t(d, &[2, 8])], |x| {
            vec![x[0].fft(FftKind::Rfft, 8)]
        });
        check("sort", &[t(d, &[5, 7])], |x| {
            vec![x[0].sort(0), x[0].sort(1)]
        });
        check("sort_many", &[t(d, &[9])], |x| {
            let idx = x[0].iota(t(DType::I32, &[9]), 0);
            Tensor::sort_many(&[&x[0], &idx], 0, true)
        });
        check("dot", &[t(d, &[3, 4]), t(d, &[4, 5])], |x| {
            vec![x[0].dot_general(&x[1], (&[], &[]), (&[1], &[0]))]
        });
        check("dot_batch", &[t(d, &[2, 3, 4]), t(d, &[2, 4, 5])], |x| {
            vec![x[0].dot_general(&x[1], (&[0], &[0]), (&[2], &[1]))]
        });
    }
    check(
        "dot_complex",
        &[t(DType::C64, &[3, 4]), t(DType::C64, &[3, 2])],
        |x| vec![x[0].dot_general(&x[1], (&[], &[]), (&[0], &[0]))],
    );
    check("sort_int", &[t(DType::I64, &[10])], |x| vec![x[0].sort(0)]);
}

/// Sort keys with ties, signed zeros, infinities and NaN of both signs: host (which sorts a
/// lone key by value) and PJRT give the same bits, ascending and descending.
#[test]
fn sort_ties_zeros_nan() {
    let v = [
        1.0,
        f64::NAN,
        -0.0,
        0.0,
        1.0,
        -f64::NAN,
        f64::INFINITY,
        f64::NEG_INFINITY,
        -0.0,
        -2.5,
        1.0,
    ];
    let p = trace("sort_ties", &[t(DType::F64, &[v.len()])], |x| {
        let down = Tensor::sort_many(&[&x[0]], 0, true).remove(0);
        Ok(vec![x[0].sort(0), down, x[0].cast(DType::F32).sort(0)])
    })
    .unwrap();
    let x: HostTensor = ArrayD::from_shape_vec(IxDyn(&[v.len()]), v.to_vec())
        .unwrap()
        .into();
    let dev = device();
    let buf = um::runtime::put_host(&dev, &x).unwrap();
    let pj = Pjrt::run(&p, vec![um::backend::Arg::Device(&buf)]).unwrap();
    let host = um::host::eval(&p, vec![x]).unwrap();
    let bits = |t: &HostTensor| -> Vec<u64> {
        match t {
            HostTensor::F64(a) => a.iter().map(|v| v.to_bits()).collect(),
            HostTensor::F32(a) => a.iter().map(|v| v.to_bits() as u64).collect(),
            _ => panic!("type"),
        }
    };
    for (h, p) in host.iter().zip(&pj) {
        let Out::Device(p) = p else { panic!() };
        assert_eq!(bits(h), bits(&um::runtime::get_host(p).unwrap()));
    }
    let HostTensor::F64(up) = &host[0] else {
        panic!()
    };
    let up: Vec<f64> = up.iter().copied().collect();
    assert!(up[0].is_nan() && up[0].is_sign_negative() && up[10].is_nan());
    assert_eq!(
        &up[1..10],
        &[
            f64::NEG_INFINITY,
            -2.5,
            -0.0,
            -0.0,
            0.0,
            1.0,
            1.0,
            1.0,
            f64::INFINITY
        ]
    );
    assert!(up[3].is_sign_negative() && up[4].is_sign_negative() && up[5].is_sign_positive());
}

/// The median primitive against the sort-based median it replaces (numpy semantics), host and
/// PJRT, bit for bit: odd and even lengths, ties, signed zeros, ±inf, NaN of either sign, f32
/// and f64, short and long (the host's sampled band pass starts at 2^15 elements).
#[test]
fn median() {
    fn by_sort(x: &Tensor) -> Tensor {
        let n = x.shape()[0];
        let s = x.sort(0);
        let mid = if n % 2 == 1 {
            s.index_axis(0, n / 2)
        } else {
            (s.index_axis(0, n / 2 - 1) + s.index_axis(0, n / 2)) / 2.0
        };
        x.ne(x).any(&[0]).select(&mid.scalar(f64::NAN), &mid)
    }
    let bits = |t: &HostTensor| -> u64 {
        match t {
            HostTensor::F64(a) => a.first().unwrap().to_bits(),
            HostTensor::F32(a) => a.first().unwrap().to_bits() as u64,
            _ => panic!("type"),
        }
    };
    let dev = device();
    let mut cases: Vec<Vec<f64>> = vec![
        vec![3.0],
        vec![2.0, -1.0],
        vec![1.0, 1.0, 1.0, 5.0],
        vec![-0.0, 0.0, -0.0],
        vec![0.0, -0.0, 0.0, -0.0],
        vec![0.0, -0.0],
        vec![f64::INFINITY, 1.0, f64::INFINITY],
        vec![f64::NEG_INFINITY, f64::INFINITY],
        vec![f64::NEG_INFINITY, -1.0, 2.0],
        vec![1.0, f64::NAN, 2.0],
        vec![-f64::NAN, 1.0, 2.0, 3.0],
        vec![f64::MAX, f64::MAX],
        vec![f64::MAX, f64::MAX, 1.0, -3.0],
        vec![f64::INFINITY, f64::INFINITY, 2.0],
        vec![f64::NEG_INFINITY, f64::NEG_INFINITY, 2.0, 5.0],
        vec![f64::NEG_INFINITY, 1.0, f64::INFINITY, 7.0],
        vec![2.0, 2.0, 2.0, 2.0, 2.0],
        vals(9, 1),
        vals(10, 2),
        vals(40_001, 3),
        vals(40_000, 4),
    ];
    let mut long_nan = vals(50_000, 5);
    long_nan[31_337] = f64::NAN;
    cases.push(long_nan);
    let mut sorted = vals(50_001, 6);
    sorted.sort_by(f64::total_cmp);
    cases.push(sorted);
    // few distinct values: long runs of ties around the middle
    cases.push(vals(40_002, 7).iter().map(|v| v.round()).collect());
    for v in &cases {
        for d in [DType::F64, DType::F32] {
            // and the median of squared deviations from the median (CNR's spread), which PJRT
            // selects from the first median's sorted keys instead of sorting again
            let p = trace("median", &[t(d, &[v.len()])], |x| {
                let m = x[0].median();
                let dev = &x[0] - &m;
                let m_sort = by_sort(&x[0]);
                let dev_sort = &x[0] - &m_sort;
                Ok(vec![
                    m,
                    m_sort,
                    (&dev * &dev).median(),
                    by_sort(&(&dev_sort * &dev_sort)),
                ])
            })
            .unwrap();
            let x64 = ArrayD::from_shape_vec(IxDyn(&[v.len()]), v.clone()).unwrap();
            let x: HostTensor = if d == DType::F32 {
                x64.mapv(|a| a as f32).into()
            } else {
                x64.into()
            };
            let buf = um::runtime::put_host(&dev, &x).unwrap();
            let pj = Pjrt::run(&p, vec![um::backend::Arg::Device(&buf)]).unwrap();
            let host = um::host::eval(&p, vec![x]).unwrap();
            let pj: Vec<HostTensor> = pj
                .iter()
                .map(|o| {
                    let Out::Device(b) = o else { panic!() };
                    um::runtime::get_host(b).unwrap()
                })
                .collect();
            let n = v.len();
            let nan = |b: u64| match d {
                DType::F32 => f32::from_bits(b as u32).is_nan(),
                _ => f64::from_bits(b).is_nan(),
            };
            for (stat, k) in [("median", 0), ("spread", 2)] {
                let want = bits(&host[k + 1]);
                for (what, got) in [
                    ("host", bits(&host[k])),
                    ("pjrt", bits(&pj[k])),
                    ("pjrt by sort", bits(&pj[k + 1])),
                ] {
                    assert!(
                        got == want || nan(got) && nan(want),
                        "{d:?} n = {n}: {what} {stat} {got:x}, sort-based host {want:x} ({v:?})",
                        v = &v[..v.len().min(12)]
                    );
                }
            }
        }
    }
    // typed build errors
    for (ty, msg) in [
        (t(DType::F32, &[0]), "empty"),
        (t(DType::F32, &[2, 2]), "rank-1 real float"),
        (t(DType::C64, &[3]), "rank-1 real float"),
        (t(DType::I32, &[3]), "rank-1 real float"),
    ] {
        let e = trace("bad", &[ty], |x| Ok(vec![x[0].median()])).unwrap_err();
        assert!(matches!(e, um::Error::Graph { .. }), "{e}");
        assert!(e.to_string().contains(msg), "{e}");
    }
}

#[test]
fn bincount() {
    // the test inputs are integers in [-20, 20): many out of range on both sides
    for (d, out) in [(DType::I32, DType::I64), (DType::I64, DType::I32)] {
        check("bincount", &[t(d, &[1000])], |x| {
            vec![
                x[0].bincount(7, out),
                x[0].bincount(1, out),
                x[0].bincount(45, out),
            ]
        });
    }
    check("bincount_empty", &[t(DType::I32, &[0])], |x| {
        vec![x[0].bincount(3, DType::I64)]
    });
    // exact counts, out-of-range ignored
    let p = trace("bincount_exact", &[t(DType::I32, &[8])], |x| {
        Ok(vec![x[0].bincount(4, DType::I64)])
    })
    .unwrap();
    let x: HostTensor = ArrayD::from_shape_vec(IxDyn(&[8]), vec![3, 0, 3, -1, 4, 3, i32::MIN, 1])
        .unwrap()
        .into();
    let dev = device();
    let buf = um::runtime::put_host(&dev, &x).unwrap();
    let pj = Pjrt::run(&p, vec![um::backend::Arg::Device(&buf)]).unwrap();
    let Out::Device(pj) = &pj[0] else { panic!() };
    let host = um::host::eval(&p, vec![x]).unwrap();
    for h in [host[0].clone(), um::runtime::get_host(pj).unwrap()] {
        let HostTensor::I64(c) = h else { panic!() };
        assert_eq!(c.as_slice().unwrap(), &[1, 1, 0, 3]);
    }
    // typed build errors
    for (ty, len, msg) in [
        (t(DType::F32, &[3]), 2, "rank-1 integer"),
        (t(DType::I32, &[3, 1]), 2, "rank-1 integer"),
        (t(DType::I32, &[3]), 0, "length must be"),
    ] {
        let e = trace("bad", &[ty], |x| Ok(vec![x[0].bincount(len, DType::I64)])).unwrap_err();
        assert!(e.to_string().contains(msg), "{e}");
    }
    let e = trace("bad", &[t(DType::I32, &[3])], |x| {
        Ok(vec![x[0].bincount(2, DType::F64)])
    })
    .unwrap_err();
    assert!(e.to_string().contains("integer"), "{e}");
}

#[test]
fn build_errors_are_typed() {
    let e = trace("bad", &[t(DType::F32, &[3]), t(DType::F32, &[4])], |x| {
        Ok(vec![&x[0] + &x[1]])
    })
    .unwrap_err();
    assert!(matches!(e, um::Error::Graph { .. }), "{e}");
    let e = trace("bad", &[t(DType::F32, &[3]), t(DType::F64, &[3])], |x| {
        Ok(vec![&x[0] + &x[1]])
    })
    .unwrap_err();
    assert!(e.to_string().contains("dtypes differ"), "{e}");
    let e = trace("bad", &[t(DType::C64, &[3])], |x| Ok(vec![x[0].max(&x[0])])).unwrap_err();
    assert!(e.to_string().contains("not defined for complex64"), "{e}");
    let e = trace("bad", &[t(DType::F32, &[3, 4])], |x| {
        Ok(vec![x[0].sum(&[2])])
    })
    .unwrap_err();
    assert!(e.to_string().contains("axis 2 out of range"), "{e}");
    let e = trace("bad", &[t(DType::F32, &[3, 4])], |x| {
        Ok(vec![x[0].reshape(&[5])])
    })
    .unwrap_err();
    assert!(e.to_string().contains("cannot reshape"), "{e}");
    let e = trace("bad", &[t(DType::F32, &[3])], |x| {
        Ok(vec![x[0].slice(&[1], &[4], &[1])])
    })
    .unwrap_err();
    assert!(e.to_string().contains("does not fit"), "{e}");
}
