//! Random graphs built with the tracing `Tensor` API: random parameter shapes and dtypes, a
//! random sequence of operations with random (often invalid) static parameters, random
//! gradients, and tensors of another trace mixed in. Properties checked:
//!
//! * building never panics: an invalid operation is a typed error returned by `trace`;
//! * a program that traced is lowered to StableHLO text without panicking, and its declared
//!   output types are those of the traced tensors;
//! * when every value of the program is small, the host interpreter evaluates it on random
//!   inputs without error (the graph builder accepted it, so the host must run it), and the
//!   results have the declared types;
//! * with `UM_FUZZ_PJRT=1` (and the PJRT CPU plugin), small programs without FFT also run on
//!   PJRT and the results are compared with the host's (loose tolerances, NaN = NaN).
#![no_main]

use arbitrary::{Result, Unstructured};
use libfuzzer_sys::fuzz_target;
use ndarray::{ArrayD, IxDyn};
use num_complex::{Complex32, Complex64};
use ultrasound_metrics as um;
use um::graph::{autodiff, trace, FftKind, Op, ReduceKind, Scalar, Tensor, TensorType};
use um::host::HostTensor;
use um::DType;

const DTYPES: [DType; 7] = [
    DType::Bool,
    DType::I32,
    DType::I64,
    DType::F32,
    DType::F64,
    DType::C64,
    DType::C128,
];

/// A size or index: mostly tiny, sometimes moderate, sometimes huge (overflow hunting).
fn num(u: &mut Unstructured) -> Result<usize> {
    let k: u8 = u.arbitrary()?;
    Ok(match k {
        0..=231 => (k % 5) as usize,
        232..=243 => u.int_in_range(5..=40)?,
        244..=247 => u.arbitrary::<u32>()? as usize,
        248..=251 => usize::MAX - (k as usize - 248),
        _ => u.arbitrary::<usize>()?,
    })
}

/// An axis of a tensor of rank `rank`: mostly valid.
fn axis(u: &mut Unstructured, rank: usize) -> Result<usize> {
    if rank > 0 && u.ratio(7, 8)? {
        Ok(u.choose_index(rank)?)
    } else {
        num(u)
    }
}

fn list(u: &mut Unstructured, len: usize) -> Result<Vec<usize>> {
    let n = if u.ratio(7, 8)? {
        len
    } else {
        u.int_in_range(0..=len + 1)?
    };
    (0..n).map(|_| num(u)).collect()
}

fn axes(u: &mut Unstructured, rank: usize) -> Result<Vec<usize>> {
    let n = u.int_in_range(0..=rank.min(4) + 1)?;
    (0..n).map(|_| axis(u, rank)).collect()
}

fn dtype(u: &mut Unstructured) -> Result<DType> {
    Ok(*u.choose(&DTYPES)?)
}

fn shape(u: &mut Unstructured) -> Result<Vec<usize>> {
    let r = u.int_in_range(0..=4)?;
    (0..r)
        .map(|_| {
            if u.ratio(15, 16)? {
                u.int_in_range(0..=4)
            } else {
                num(u)
            }
        })
        .collect()
}

fn float(u: &mut Unstructured) -> Result<f64> {
    Ok(match u.int_in_range(0..=9)? {
        0 => 0.0,
        1 => 1.0,
        2 => -1.0,
        3 => 0.5,
        4 => 2.0,
        5 => f64::NAN,
        6 => f64::INFINITY,
        7 => f64::NEG_INFINITY,
        8 => 1e300,
        _ => u.arbitrary()?,
    })
}

fn pick<'a>(u: &mut Unstructured, s: &'a [Tensor]) -> Result<&'a Tensor> {
    // favour recent values so that chains of operations form
    if u.ratio(1, 2)? {
        Ok(&s[s.len() - 1])
    } else {
        Ok(&s[u.choose_index(s.len())?])
    }
}

/// A permutation of `0..rank` (sometimes broken).
fn perm(u: &mut Unstructured, rank: usize) -> Result<Vec<usize>> {
    let mut p: Vec<usize> = (0..rank).collect();
    for i in (1..rank).rev() {
        let j = u.int_in_range(0..=i)?;
        p.swap(i, j);
    }
    if u.ratio(1, 8)? {
        p = list(u, rank)?;
    }
    Ok(p)
}

/// A shape with the same number of elements as `s` (sometimes not).
fn reshape_target(u: &mut Unstructured, s: &[usize]) -> Result<Vec<usize>> {
    if u.ratio(1, 8)? {
        return list(u, s.len());
    }
    let Some(n) = s.iter().try_fold(1usize, |a, &d| a.checked_mul(d)) else {
        return list(u, s.len());
    };
    let mut out = Vec::new();
    let mut rest = n;
    for f in [2usize, 3, 5] {
        while rest > 0 && rest % f == 0 && u.ratio(1, 2)? {
            out.push(f);
            rest /= f;
        }
    }
    out.push(rest);
    if u.ratio(1, 2)? {
        out.insert(0, 1);
    }
    Ok(out)
}

/// Applies one random operation, pushing its results.
fn step(u: &mut Unstructured, s: &mut Vec<Tensor>, params: &[Tensor]) -> Result<()> {
    let x = pick(u, s)?.clone();
    let r = x.rank();
    let op: u8 = u.int_in_range(0..=27)?;
    match op {
        0 => {
            let y = match u.int_in_range(0..=17)? {
                0 => x.abs(),
                1 => x.re(),
                2 => x.im(),
                3 => x.conj(),
                4 => x.sign(),
                5 => x.sqrt(),
                6 => x.exp(),
                7 => x.ln(),
                8 => x.log10(),
                9 => x.sin(),
                10 => x.cos(),
                11 => x.floor(),
                12 => x.not(),
                13 => x.is_finite(),
                14 => x.is_nan(),
                15 => x.abs2(),
                16 => -&x,
                _ => x.stop_gradient(),
            };
            s.push(y);
        }
        1 => s.push(x.cast(dtype(u)?)),
        2 => {
            let y = pick(u, s)?.clone();
            let z = match u.int_in_range(0..=12)? {
                0 => &x + &y,
                1 => &x - &y,
                2 => &x * &y,
                3 => &x / &y,
                4 => x.pow(&y),
                5 => x.max(&y),
                6 => x.min(&y),
                7 => x.and(&y),
                8 => x.or(&y),
                9 => x.atan2(&y),
                10 => x.complex(&y),
                11 => &x + float(u)?,
                _ => x.powf(float(u)?),
            };
            s.push(z);
        }
        3 => {
            let y = pick(u, s)?.clone();
            let z = match u.int_in_range(0..=5)? {
                0 => x.eq(&y),
                1 => x.ne(&y),
                2 => x.lt(&y),
                3 => x.le(&y),
                4 => x.gt(&y),
                _ => x.ge(&y),
            };
            s.push(z);
        }
        4 => {
            let a = pick(u, s)?.clone();
            let b = pick(u, s)?.clone();
            s.push(x.select(&a, &b));
        }
        5 => {
            let d = pick(u, s)?.clone();
            s.push(x.div_or(&d, float(u)?));
        }
        6 => {
            let ax = axes(u, r)?;
            let y = match u.int_in_range(0..=5)? {
                0 => x.sum(&ax),
                1 => x.max_over(&ax),
                2 => x.min_over(&ax),
                3 => x.any(&ax),
                4 => x.all(&ax),
                _ => x.mean(&ax),
            };
            s.push(y);
        }
        7 => {
            let n = u.int_in_range(1..=3)?;
            let mut parts = Vec::new();
            for _ in 0..n {
                let t = pick(u, s)?.clone();
                let k = *u.choose(&[
                    ReduceKind::Sum,
                    ReduceKind::Max,
                    ReduceKind::Min,
                    ReduceKind::Any,
                    ReduceKind::All,
                ])?;
                parts.push((t, k));
            }
            let ax = axes(u, r)?;
            let refs: Vec<(&Tensor, ReduceKind)> = parts.iter().map(|(t, k)| (t, *k)).collect();
            s.extend(Tensor::reduce_many(&refs, &ax));
        }
        8 => s.push(if u.arbitrary()? {
            x.sum_all()
        } else {
            x.mean_all()
        }),
        9 => {
            let mut sh = shape(u)?;
            if u.ratio(3, 4)? {
                // a compatible target: x's shape with leading axes, size-1 axes stretched
                sh = x.shape().to_vec();
                for d in sh.iter_mut() {
                    if *d == 1 && u.arbitrary()? {
                        *d = u.int_in_range(0..=3)?;
                    }
                }
                for _ in 0..u.int_in_range(0..=2)? {
                    sh.insert(0, u.int_in_range(0..=3)?);
                }
            }
            s.push(x.broadcast_to(&sh));
        }
        10 => {
            let sh = shape(u)?;
            let dims = list(u, r)?;
            s.push(x.broadcast_in_dim(&sh, &dims));
        }
        11 => {
            let sh = reshape_target(u, x.shape())?;
            s.push(x.reshape(&sh));
        }
        12 => {
            let p = perm(u, r)?;
            s.push(x.transpose(&p));
        }
        13 => {
            let (mut st, mut li, mut sd) = (Vec::new(), Vec::new(), Vec::new());
            for &d in x.shape() {
                if u.ratio(7, 8)? {
                    let a = u.int_in_range(0..=d.min(8))?;
                    let b = u.int_in_range(a..=d.min(8).max(a))?;
                    st.push(a);
                    li.push(b);
                    sd.push(u.int_in_range(1..=3)?);
                } else {
                    st.push(num(u)?);
                    li.push(num(u)?);
                    sd.push(num(u)?);
                }
            }
            if u.ratio(1, 16)? {
                st.push(0);
            }
            s.push(x.slice(&st, &li, &sd));
        }
        14 => {
            let a = axis(u, r)?;
            let y = if u.arbitrary()? {
                x.slice_axis(a, num(u)?, num(u)?)
            } else {
                x.index_axis(a, num(u)?)
            };
            s.push(y);
        }
        15 => {
            let lo = list(u, r)?;
            let hi = list(u, r)?;
            s.push(x.pad(&lo, &hi, float(u)?));
        }
        16 => {
            let v = pick(u, s)?.clone();
            let lo = list(u, r)?;
            let hi = list(u, r)?;
            s.push(x.pad_value(&lo, &hi, &v));
        }
        17 => {
            let mut parts = vec![x.clone()];
            for _ in 0..u.int_in_range(0..=2)? {
                parts.push(if u.ratio(1, 2)? {
                    x.clone()
                } else {
                    pick(u, s)?.clone()
                });
            }
            let refs: Vec<&Tensor> = parts.iter().collect();
            s.push(Tensor::concat(&refs, axis(u, r)?));
        }
        18 => {
            let kind = *u.choose(&[FftKind::Fft, FftKind::Ifft, FftKind::Rfft, FftKind::Irfft])?;
            let last = x.shape().last().copied().unwrap_or(1);
            let n = match u.int_in_range(0..=3)? {
                0 => last,
                1 => last.saturating_sub(1) * 2,
                2 => last.saturating_sub(1) * 2 + 1,
                _ => num(u)?,
            };
            s.push(x.fft(kind, n));
        }
        19 => {
            let a = axis(u, r)?;
            if u.arbitrary()? {
                s.push(x.sort(a));
            } else {
                let y = pick(u, s)?.clone();
                let desc = u.arbitrary()?;
                s.extend(Tensor::sort_many(&[&x, &y], a, desc));
            }
        }
        20 => {
            let y = pick(u, s)?.clone();
            let nb = u.int_in_range(0..=2)?;
            let nc = u.int_in_range(0..=2)?;
            let lb: Vec<usize> = (0..nb).map(|_| axis(u, r)).collect::<Result<_>>()?;
            let rb: Vec<usize> = (0..nb).map(|_| axis(u, y.rank())).collect::<Result<_>>()?;
            let lc: Vec<usize> = (0..nc).map(|_| axis(u, r)).collect::<Result<_>>()?;
            let rc: Vec<usize> = (0..nc).map(|_| axis(u, y.rank())).collect::<Result<_>>()?;
            s.push(x.dot_general(&y, (&lb, &rb), (&lc, &rc)));
        }
        21 => {
            let ty = TensorType::new(dtype(u)?, &shape(u)?);
            let a = axis(u, ty.rank())?;
            s.push(x.iota(ty, a));
        }
        22 => {
            let ty = TensorType::new(dtype(u)?, &shape(u)?);
            let v = match u.int_in_range(0..=3)? {
                0 => Scalar::Bool(u.arbitrary()?),
                1 => Scalar::Int(u.arbitrary()?),
                2 => Scalar::Float(float(u)?),
                _ => Scalar::Complex(float(u)?, float(u)?),
            };
            s.push(x.constant(v, ty));
        }
        23 => {
            let y = match u.int_in_range(0..=2)? {
                0 => x.scalar(float(u)?),
                1 => x.scalar_of(float(u)?, dtype(u)?),
                _ => x.full_like(float(u)?),
            };
            s.push(y);
        }
        24 => s.push(x.non_differentiable("fuzz", "a fuzzed value")),
        25 => {
            // a gradient of a (hopefully) real scalar with respect to some parameters
            let loss = if u.arbitrary()? { x.sum_all() } else { x };
            let loss = if loss.dtype().is_complex() {
                loss.abs()
            } else {
                loss
            };
            let n = u.int_in_range(1..=params.len())?;
            let wrt: Vec<&Tensor> = params.iter().take(n).collect();
            match autodiff::grad(&loss, &wrt) {
                Ok(g) => s.extend(g),
                Err(e) => {
                    let _ = e.to_string();
                }
            }
        }
        26 => {
            // a tensor of another (finished) trace mixed into this one: must be an error
            let ty = x.ty().clone();
            let mut stolen = None;
            let _ = trace("other", &[ty], |a| {
                stolen = Some(a[0].clone());
                Ok(vec![a[0].clone()])
            });
            if let Some(o) = stolen {
                let y = match u.int_in_range(0..=2)? {
                    0 => &x + &o,
                    1 => x.select(&o, &o),
                    _ => Tensor::concat(&[&x, &o], 0),
                };
                s.push(y);
            }
        }
        _ => {
            let other = pick(u, s)?.clone();
            let ct = if u.arbitrary()? {
                other
            } else {
                x.full_like(1.0)
            };
            let n = u.int_in_range(1..=params.len())?;
            let wrt: Vec<&Tensor> = params.iter().take(n).collect();
            if let Ok(g) = autodiff::vjp(&[&x], &[&ct], &wrt) {
                s.extend(g);
            }
        }
    }
    Ok(())
}

/// Deterministic pseudo-random host values of type `ty` (integers small, floats in [-2, 2)).
fn input(ty: &TensorType, seed: u64) -> HostTensor<'static> {
    let n = ty.num_elements();
    let mut st = seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1;
    let mut next = || {
        st ^= st << 13;
        st ^= st >> 7;
        st ^= st << 17;
        ((st >> 11) as f64 / (1u64 << 53) as f64) * 4.0 - 2.0
    };
    let v: Vec<f64> = (0..2 * n).map(|_| next()).collect();
    let sh = IxDyn(&ty.shape);
    match ty.dtype {
        DType::Bool => ArrayD::from_shape_vec(sh, v[..n].iter().map(|&x| x > 0.0).collect())
            .unwrap()
            .into(),
        DType::I32 => {
            ArrayD::from_shape_vec(sh, v[..n].iter().map(|&x| (x * 5.0) as i32).collect())
                .unwrap()
                .into()
        }
        DType::I64 => {
            ArrayD::from_shape_vec(sh, v[..n].iter().map(|&x| (x * 5.0) as i64).collect())
                .unwrap()
                .into()
        }
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
    }
}

/// Every value of the program has at most this many elements (and all together at most 16×).
const EVAL_LIMIT: usize = 512;

fn small_enough(p: &um::graph::Program) -> bool {
    let mut total = 0usize;
    for n in &p.graph().nodes {
        for t in &n.outs {
            // every dimension bounded too: ndarray refuses a shape like (0, usize::MAX)
            if t.shape.iter().any(|&d| d > EVAL_LIMIT) {
                return false;
            }
            let Some(k) = t
                .shape
                .iter()
                .try_fold(1usize, |a, &d| a.checked_mul(d))
                .filter(|&k| k <= EVAL_LIMIT)
            else {
                return false;
            };
            total += k;
        }
    }
    total <= 16 * EVAL_LIMIT
}

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

fn pjrt_enabled() -> bool {
    static ON: std::sync::OnceLock<bool> = std::sync::OnceLock::new();
    *ON.get_or_init(|| std::env::var("UM_FUZZ_PJRT").is_ok_and(|v| v == "1"))
}

fn compare_with_pjrt(p: &um::graph::Program, inputs: &[HostTensor<'static>], host: &[HostTensor]) {
    use um::backend::{Arg, Backend, Out, Pjrt};
    if p.graph().nodes.iter().any(|n| matches!(n.op, Op::Fft(..))) {
        return; // FFT results differ by rounding in ways a loose tolerance does not cover
    }
    let dev = um::Device::cpu().expect("UM_FUZZ_PJRT=1 needs the PJRT CPU plugin");
    let bufs: Vec<_> = inputs
        .iter()
        .map(|t| um::runtime::put_host(&dev, t).expect("put"))
        .collect();
    let outs = Pjrt::run(p, bufs.iter().map(Arg::Device).collect()).unwrap_or_else(|e| {
        panic!(
            "PJRT failed on a program the host ran: {e}\n{}",
            p.to_stablehlo()
        )
    });
    for (i, (o, h)) in outs.into_iter().zip(host).enumerate() {
        let Out::Device(b) = o else {
            panic!("PJRT returned a host array")
        };
        let d = um::runtime::get_host(&b).expect("get");
        assert_eq!(d.ty(), h.ty(), "output {i}: types");
        let tol = match h.dtype() {
            DType::F32 | DType::C64 => 1e-3,
            _ => 1e-9,
        };
        for (j, (a, b)) in flat(h).iter().zip(flat(&d)).enumerate() {
            let close = |x: f64, y: f64| {
                x == y
                    || (x.is_nan() && y.is_nan())
                    || (x - y).abs() <= tol * (1.0 + x.abs().max(y.abs()))
            };
            assert!(
                close(a.0, b.0) && close(a.1, b.1),
                "output {i} element {j}: host {a:?} vs PJRT {b:?}\n{}",
                p.to_stablehlo()
            );
        }
    }
}

fn run(u: &mut Unstructured) -> Result<()> {
    let np = u.int_in_range(1..=3)?;
    let mut params = Vec::new();
    for _ in 0..np {
        params.push(TensorType::new(dtype(u)?, &shape(u)?));
    }
    let nsteps = u.int_in_range(1..=12)?;
    let mut wanted: Vec<TensorType> = Vec::new();
    let mut out_of_data = false;
    let traced = trace("fuzz", &params, |a| {
        let mut s: Vec<Tensor> = a.to_vec();
        for _ in 0..nsteps {
            if step(u, &mut s, a).is_err() {
                out_of_data = true;
                break;
            }
        }
        let nout = u.int_in_range(1..=3).unwrap_or(1);
        let mut outs = vec![s[s.len() - 1].clone()];
        for _ in 1..nout {
            let i = u.choose_index(s.len()).unwrap_or(0);
            outs.push(s[i].clone());
        }
        wanted = outs.iter().map(|t| t.ty().clone()).collect();
        Ok(outs)
    });
    let _ = out_of_data;
    let p = match traced {
        Ok(p) => p,
        Err(e) => {
            let _ = e.to_string();
            return Ok(());
        }
    };
    assert_eq!(p.outputs(), wanted.as_slice(), "declared output types");
    let text = p.to_stablehlo();
    assert!(text.contains("func.func public @main"));
    if !small_enough(&p) {
        return Ok(());
    }
    let seed: u64 = u.arbitrary().unwrap_or(1);
    let inputs: Vec<HostTensor<'static>> = params
        .iter()
        .enumerate()
        .map(|(i, t)| input(t, seed.wrapping_add(i as u64)))
        .collect();
    let outs = um::host::eval(&p, inputs.iter().map(|t| t.view()).collect())
        .unwrap_or_else(|e| panic!("host eval failed on a traced program: {e}\n{text}"));
    assert_eq!(outs.len(), wanted.len());
    for (o, w) in outs.iter().zip(&wanted) {
        assert_eq!(&o.ty(), w, "host result type");
    }
    if pjrt_enabled() {
        compare_with_pjrt(&p, &inputs, &outs);
    }
    Ok(())
}

fuzz_target!(|data: &[u8]| {
    let mut u = Unstructured::new(data);
    let _ = run(&mut u);
});
