//! Timing of the coherence family on the PJRT CPU path, and A/B comparisons of graph variants
//! run **interleaved in one process** (so machine noise hits every variant alike).
//!
//! Usage: `cargo run --release --example coherence_perf -- [metrics|host|pjrt|ab|gcfdot|tiny] [reps]`
//! (`host` and `pjrt`: the family at c64 (128, 200, 300) on that backend only; `gcfdot`: GCF
//! m0=1 there as the library's variadic reduce vs one complex `dot_general`, both backends)
//! (`UM_PJRT_PLUGIN` as for the tests). Prints medians (and minima) in ms or µs.

use std::time::Instant;

use ndarray::{ArrayD, IxDyn};
use num_complex::Complex32;
use ultrasound_metrics as um;
use um::graph::{ReduceKind, Tensor, TensorType};
use um::metrics::{CfParams, GcfParams, PcfParams, ScfParams};
use um::runtime::{execute_text, TextProgram};

fn data(shape: &[usize]) -> ArrayD<Complex32> {
    let mut s = 0x9E37_79B9_7F4A_7C15u64;
    ArrayD::from_shape_simple_fn(IxDyn(shape), || {
        s ^= s << 13;
        s ^= s >> 7;
        s ^= s << 17;
        let a = (s & 0xFFFF) as f32 / 32768.0 - 1.0;
        let b = ((s >> 16) & 0xFFFF) as f32 / 32768.0 - 1.0;
        Complex32::new(a, b)
    })
}

type Job<'a> = (String, Box<dyn FnMut() + 'a>);

/// CPU time (s) of every thread of this process so far (Linux: `/proc/self/task/*/schedstat`,
/// nanosecond resolution; 0 elsewhere). Less sensitive than wall time to other processes on a
/// shared machine: a call's CPU time is its work, whatever share of the cores it got.
fn process_cpu() -> f64 {
    let Ok(tasks) = std::fs::read_dir("/proc/self/task") else {
        return 0.0;
    };
    tasks
        .flatten()
        .filter_map(|t| std::fs::read_to_string(t.path().join("schedstat")).ok())
        .filter_map(|s| s.split_whitespace().next()?.parse::<u64>().ok())
        .sum::<u64>() as f64
        * 1e-9
}

/// Runs every job `reps` times, interleaved, after one warm-up each; prints the median and min
/// of the wall time and the median CPU time (all threads) per call.
fn interleaved(title: &str, reps: usize, unit: f64, mut jobs: Vec<Job<'_>>) {
    for (_, f) in jobs.iter_mut() {
        f();
    }
    let mut times = vec![Vec::with_capacity(reps); jobs.len()];
    let mut cpus = vec![Vec::with_capacity(reps); jobs.len()];
    for _ in 0..reps {
        for (i, (_, f)) in jobs.iter_mut().enumerate() {
            let c = process_cpu();
            let t = Instant::now();
            f();
            times[i].push(t.elapsed().as_secs_f64());
            cpus[i].push(process_cpu() - c);
        }
    }
    let u = if unit == 1e3 { "ms" } else { "µs" };
    println!("== {title} ({reps} reps, interleaved)");
    for (((name, _), mut v), mut c) in jobs.iter().zip(times).zip(cpus) {
        v.sort_by(f64::total_cmp);
        c.sort_by(f64::total_cmp);
        println!(
            "  {name:<44} median {:9.3} {u}   min {:9.3} {u}   cpu {:9.3} {u}",
            v[v.len() / 2] * unit,
            v[0] * unit,
            c[c.len() / 2] * unit
        );
    }
}

/// A program traced from `f`, run through the same executable cache as metrics.
fn text_program(
    name: &str,
    ty: &TensorType,
    f: impl FnOnce(&Tensor) -> Vec<Tensor>,
) -> TextProgram {
    let p = um::graph::trace(name, std::slice::from_ref(ty), |a| Ok(f(&a[0]))).unwrap();
    TextProgram::new(
        name,
        &p.to_stablehlo(),
        p.params().to_vec(),
        p.outputs().to_vec(),
    )
}

/// GCF as the former graph: 4 real `dot_general`s of the (2·m0+1, M) DFT matrix against x.
fn gcf_dot(x: &Tensor, axis: usize, m0: usize) -> Tensor {
    let m = x.shape()[axis];
    let real = x.dtype().real();
    let k_count = 2 * m0 + 1;
    let grid = TensorType::new(um::DType::F64, &[k_count, m]);
    let k = x.iota(grid.clone(), 0) - m0 as f64;
    let mm = x.iota(grid, 1);
    let km = &k * &mm;
    let wrapped = &km - (&km / m as f64).floor() * m as f64;
    let angle = wrapped * (-2.0 * std::f64::consts::PI / m as f64);
    let (w_re, w_im) = (angle.cos().cast(real), angle.sin().cast(real));
    let contract = |w: &Tensor, v: &Tensor| w.dot_general(v, (&[], &[]), (&[1], &[axis]));
    let (x_re, x_im) = (x.re(), x.im());
    let big_re = contract(&w_re, &x_re) - contract(&w_im, &x_im);
    let big_im = contract(&w_re, &x_im) + contract(&w_im, &x_re);
    let low = (&big_re * &big_re + &big_im * &big_im).sum(&[0]);
    let total = x.abs2().sum(&[axis]) * m as f64;
    low.div_or(&total, 0.0)
}

/// GCF's `2·m0+1` bins `X[k] = Σ_m x[m] e^{−2πikm/M}` as one complex `dot_general` of the
/// constant (2·m0+1, M) DFT matrix against x: `Σ_k |X[k]|²`.
fn gcf_cdot_bins(x: &Tensor, axis: usize, m0: usize) -> Tensor {
    let m = x.shape()[axis];
    let one = TensorType::new(x.dtype(), &[1, 1]);
    let rows: Vec<Tensor> = (0..=2 * m0)
        .map(|kk| {
            let k = (kk + m - m0) % m;
            let parts: Vec<Tensor> = (0..m)
                .map(|i| {
                    let angle = -(((k * i) % m) as f64) * (2.0 * std::f64::consts::PI / m as f64);
                    x.constant(
                        um::graph::ir::Scalar::Complex(angle.cos(), angle.sin()),
                        one.clone(),
                    )
                })
                .collect();
            Tensor::concat(&parts.iter().collect::<Vec<_>>(), 1)
        })
        .collect();
    let w = Tensor::concat(&rows.iter().collect::<Vec<_>>(), 0);
    w.dot_general(x, (&[], &[]), (&[1], &[axis]))
        .abs2()
        .sum(&[0])
}

/// GCF as [`gcf_cdot_bins`] over `M Σ|x|²` (a plain single-output reduce).
fn gcf_cdot(x: &Tensor, axis: usize, m0: usize) -> Tensor {
    let total = x.abs2().sum(&[axis]) * x.shape()[axis] as f64;
    gcf_cdot_bins(x, axis, m0).div_or(&total, 0.0)
}

/// PCF as the former graph: the complex `sign` (lowered by XLA with a complex division).
fn pcf_sign(x: &Tensor, axis: usize) -> Tensor {
    let m = x.shape()[axis] as f64;
    let u = x.sign();
    let s = Tensor::reduce_many(
        &[(&u.re(), ReduceKind::Sum), (&u.im(), ReduceKind::Sum)],
        &[axis],
    );
    (&s[0] * &s[0] + &s[1] * &s[1]).sqrt() / m
}

/// The four coherence metrics (default parameters) and `coherence_maps` on one input, of either
/// backend (an `ndarray` runs on the host backend, a device array on its device).
fn family<X>(title: &str, reps: usize, x: &X)
where
    X: um::backend::ArrayArg,
    X::Elem: um::dtype::Numeric,
    X::Dim: ndarray::RemoveAxis,
{
    let jobs: Vec<Job> = vec![
        (
            "cf".into(),
            Box::new(|| {
                um::coherence_factor(x, CfParams::default()).unwrap();
            }),
        ),
        (
            "gcf m0=1".into(),
            Box::new(|| {
                um::generalized_coherence_factor(x, GcfParams::default()).unwrap();
            }),
        ),
        (
            "pcf".into(),
            Box::new(|| {
                um::phase_coherence_factor(x, PcfParams::default()).unwrap();
            }),
        ),
        (
            "scf".into(),
            Box::new(|| {
                um::sign_coherence_factor(x, ScfParams::default()).unwrap();
            }),
        ),
        (
            "coherence_maps (all 5)".into(),
            Box::new(|| {
                um::coherence_maps(x, Default::default()).unwrap();
            }),
        ),
    ];
    interleaved(title, reps, 1e3, jobs);
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let mode = args.get(1).map(String::as_str).unwrap_or("metrics");
    let reps: usize = args.get(2).and_then(|s| s.parse().ok()).unwrap_or(30);

    if mode == "dump" {
        // run with XLA_FLAGS=--xla_dump_to=DIR to see what XLA makes of each graph
        let dev = um::Device::cpu().expect("PJRT CPU plugin");
        let xd = dev.put(&data(&[16, 64, 64])).unwrap();
        um::generalized_coherence_factor(&xd, GcfParams::default()).unwrap();
        um::phase_coherence_factor(&xd, PcfParams::default()).unwrap();
        um::sign_coherence_factor(&xd, ScfParams::default()).unwrap();
        um::coherence_factor(&xd, CfParams::default()).unwrap();
        return;
    }
    if mode == "gcfdot" {
        // GCF m0=1 at c64 (128, 200, 300): the library's variadic-reduce graph vs its bins as
        // one complex dot_general (Eigen matmul on XLA CPU) and Σ|x|² as a plain reduce, on
        // PJRT (and the parts alone) and on the host backend (NonFinite::Propagate: no scan)
        um::set_nonfinite_policy(um::NonFinite::Propagate);
        let x = data(&[128, 200, 300]);
        let dev = um::Device::cpu().expect("PJRT CPU plugin");
        um::runtime::set_disk_cache(false);
        let xd = dev.put(&x).unwrap();
        let ty = xd.tensor_type().clone();
        let trace = |name: &str, f: fn(&Tensor) -> Tensor| {
            um::graph::trace(name, std::slice::from_ref(&ty), |a| Ok(vec![f(&a[0])])).unwrap()
        };
        let cdot = trace("gcf_cdot", |x| gcf_cdot(x, 0, 1));
        let cdot_text = text_program("gcf_cdot", &ty, |x| vec![gcf_cdot(x, 0, 1)]);
        let bins = text_program("gcf_cdot_bins", &ty, |x| vec![gcf_cdot_bins(x, 0, 1)]);
        let power = text_program("gcf_power", &ty, |x| vec![x.abs2().sum(&[0])]);
        let host = |p: &um::graph::Program| {
            um::host::eval(p, vec![um::host::HostTensor::from(x.clone())]).unwrap()
        };
        let lib = um::generalized_coherence_factor(&x, GcfParams::default()).unwrap();
        let um::host::HostTensor::F32(new) = &host(&cdot)[0] else {
            panic!()
        };
        let d = (&lib - new).mapv(f32::abs).fold(0f32, |m, &v| m.max(v));
        println!("host max |library - dot| = {d:e}");
        let jobs: Vec<Job> = vec![
            (
                "pjrt gcf (library, variadic reduce)".into(),
                Box::new(|| {
                    um::generalized_coherence_factor(&xd, GcfParams::default()).unwrap();
                }),
            ),
            (
                "pjrt gcf complex dot + Σ|x|² reduce".into(),
                Box::new(|| {
                    execute_text(&dev, &cdot_text, &[xd.untyped()]).unwrap();
                }),
            ),
            (
                "pjrt   the dot's bins alone".into(),
                Box::new(|| {
                    execute_text(&dev, &bins, &[xd.untyped()]).unwrap();
                }),
            ),
            (
                "pjrt   Σ|x|² alone".into(),
                Box::new(|| {
                    execute_text(&dev, &power, &[xd.untyped()]).unwrap();
                }),
            ),
            (
                "host gcf (library)".into(),
                Box::new(|| {
                    um::generalized_coherence_factor(&x, GcfParams::default()).unwrap();
                }),
            ),
            (
                "host gcf complex dot + Σ|x|² reduce".into(),
                Box::new(|| {
                    host(&cdot);
                }),
            ),
        ];
        interleaved("GCF m0=1, c64 [128, 200, 300]", reps, 1e3, jobs);
        return;
    }
    if mode == "host" {
        // one shape, one backend: for A/B runs of two builds alternated by a script
        family("host, c64 [128, 200, 300]", reps, &data(&[128, 200, 300]));
        return;
    }
    let dev = um::Device::cpu().expect("PJRT CPU plugin");
    um::runtime::set_disk_cache(false);
    if mode == "pjrt" {
        let xd = dev.put(&data(&[128, 200, 300])).unwrap();
        family("pjrt resident, c64 [128, 200, 300]", reps, &xd);
        return;
    }
    if mode == "metrics" || mode == "all" {
        for shape in [&[128usize, 200, 300][..], &[16, 64, 100, 100]] {
            let frames = shape.len() == 4;
            let x = data(shape);
            let xd = dev.put(&x).unwrap();
            let jobs: Vec<Job> = vec![
                (
                    "cf".into(),
                    Box::new(|| {
                        um::coherence_factor(
                            &xd,
                            CfParams {
                                frames,
                                ..Default::default()
                            },
                        )
                        .unwrap();
                    }),
                ),
                (
                    "gcf m0=1".into(),
                    Box::new(|| {
                        um::generalized_coherence_factor(
                            &xd,
                            GcfParams {
                                frames,
                                ..Default::default()
                            },
                        )
                        .unwrap();
                    }),
                ),
                (
                    "pcf".into(),
                    Box::new(|| {
                        um::phase_coherence_factor(
                            &xd,
                            PcfParams {
                                frames,
                                ..Default::default()
                            },
                        )
                        .unwrap();
                    }),
                ),
                (
                    "scf".into(),
                    Box::new(|| {
                        um::sign_coherence_factor(
                            &xd,
                            ScfParams {
                                frames,
                                ..Default::default()
                            },
                        )
                        .unwrap();
                    }),
                ),
                (
                    "coherence_maps (all 5)".into(),
                    Box::new(|| {
                        um::coherence_maps(
                            &xd,
                            um::metrics::CoherenceMapsParams {
                                frames,
                                ..Default::default()
                            },
                        )
                        .unwrap();
                    }),
                ),
            ];
            interleaved(&format!("metrics, resident c64 {shape:?}"), reps, 1e3, jobs);
        }
    }

    if mode == "ab" || mode == "all" {
        for (shape, m0) in [
            (&[128usize, 200, 300][..], 1usize),
            (&[128, 200, 300], 4),
            (&[64, 100, 100], 1),
            (&[16, 64, 64], 1),
            (&[16, 64, 64], 7),
        ] {
            let x = data(shape);
            let xd = dev.put(&x).unwrap();
            let ty = xd.tensor_type().clone();
            let dot = text_program("gcf_dot", &ty, |x| vec![gcf_dot(x, 0, m0)]);
            let jobs: Vec<Job> = vec![
                (
                    "gcf dot_general (former)".into(),
                    Box::new(|| {
                        execute_text(&dev, &dot, &[xd.untyped()]).unwrap();
                    }),
                ),
                (
                    "gcf (library)".into(),
                    Box::new(|| {
                        um::generalized_coherence_factor(&xd, GcfParams { m0, frames: false })
                            .unwrap();
                    }),
                ),
            ];
            interleaved(&format!("GCF m0={m0}, c64 {shape:?}"), reps, 1e3, jobs);
            if m0 != 1 {
                continue;
            }
            let former = text_program("pcf_sign", &ty, |x| vec![pcf_sign(x, 0)]);
            let jobs: Vec<Job> = vec![
                (
                    "pcf complex sign (former)".into(),
                    Box::new(|| {
                        execute_text(&dev, &former, &[xd.untyped()]).unwrap();
                    }),
                ),
                (
                    "pcf (library)".into(),
                    Box::new(|| {
                        um::phase_coherence_factor(&xd, PcfParams::default()).unwrap();
                    }),
                ),
                (
                    "cf (library)".into(),
                    Box::new(|| {
                        um::coherence_factor(&xd, CfParams::default()).unwrap();
                    }),
                ),
                (
                    "scf (library)".into(),
                    Box::new(|| {
                        um::sign_coherence_factor(&xd, ScfParams::default()).unwrap();
                    }),
                ),
                (
                    "coherence_maps all 5 (library)".into(),
                    Box::new(|| {
                        um::coherence_maps(&xd, Default::default()).unwrap();
                    }),
                ),
            ];
            interleaved(
                &format!("PCF and the fused maps, c64 {shape:?}"),
                reps,
                1e3,
                jobs,
            );
        }
    }

    if mode == "tiny" || mode == "all" {
        let x = data(&[8, 4, 4]);
        let xd = dev.put(&x).unwrap();
        let ty = xd.tensor_type().clone();
        let raw = text_program("cf_raw", &ty, |x| {
            let s = Tensor::reduce_many(
                &[(&x.re(), ReduceKind::Sum), (&x.im(), ReduceKind::Sum)],
                &[0],
            );
            vec![&s[0] + &s[1]]
        });
        let jobs: Vec<Job> = vec![
            (
                "cf resident".into(),
                Box::new(|| {
                    um::coherence_factor(&xd, CfParams::default()).unwrap();
                }),
            ),
            (
                "cf from ndarray".into(),
                Box::new(|| {
                    um::coherence_factor(&dev.put(&x).unwrap(), CfParams::default())
                        .unwrap()
                        .to_ndarray()
                        .unwrap();
                }),
            ),
            (
                "execute_text (no trace)".into(),
                Box::new(|| {
                    execute_text(&dev, &raw, &[xd.untyped()]).unwrap();
                }),
            ),
        ];
        interleaved("tiny c64 (8,4,4)", reps * 100, 1e6, jobs);
    }
}
