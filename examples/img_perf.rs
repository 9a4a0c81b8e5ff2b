//! A/B timing of the image, channel-noise and motion graphs (issue #5), **interleaved in one
//! process**: the library's current call against the former graphs (kept here as text programs
//! on PJRT and through the host evaluator), host and PJRT resident. Medians and minima in ms.
//!
//! Usage: `cargo run --release --example img_perf -- [ten|noise|motion|all] [reps]`

use std::time::Instant;

use ndarray::{Array2, ArrayD, IxDyn};
use num_complex::Complex32;
use ultrasound_metrics as um;
use um::graph::{all_axes, ReduceKind, Tensor, TensorType};
use um::host::HostTensor;
use um::metrics::{NoiseMethod, Pairs, TenengradParams};
use um::runtime::{execute_text, TextProgram};
use um::DType;

type Job<'a> = (String, Box<dyn FnMut() + 'a>);

fn interleaved(title: &str, reps: usize, mut jobs: Vec<Job<'_>>) {
    for (_, f) in jobs.iter_mut() {
        f();
    }
    let mut times = vec![Vec::with_capacity(reps); jobs.len()];
    for _ in 0..reps {
        for (i, (_, f)) in jobs.iter_mut().enumerate() {
            let t = Instant::now();
            f();
            times[i].push(t.elapsed().as_secs_f64());
        }
    }
    println!("== {title} ({reps} reps, interleaved)");
    for ((name, _), mut v) in jobs.iter().zip(times) {
        v.sort_by(f64::total_cmp);
        println!(
            "  {name:<40} median {:9.3} ms   min {:9.3} ms",
            v[v.len() / 2] * 1e3,
            v[0] * 1e3
        );
    }
}

fn rng() -> impl FnMut() -> f32 {
    let mut s = 0x9E37_79B9_7F4A_7C15u64;
    move || {
        s ^= s << 13;
        s ^= s >> 7;
        s ^= s << 17;
        (s & 0xFFFF) as f32 / 32768.0 - 1.0
    }
}

fn program(
    name: &str,
    tys: &[TensorType],
    f: impl FnOnce(&[Tensor]) -> Vec<Tensor>,
) -> um::graph::Program {
    um::graph::trace(name, tys, |a| Ok(f(a))).unwrap()
}

fn text(p: &um::graph::Program) -> TextProgram {
    TextProgram::new(
        p.name(),
        &p.to_stablehlo(),
        p.params().to_vec(),
        p.outputs().to_vec(),
    )
}

/// The former tenengrad response: six shifted slices of the padded f64 image, scipy's tap order.
fn old_tenengrad(x: &Tensor, roi: Option<&Tensor>, normalize: bool) -> Tensor {
    let k = [[1.0, 0.0, -1.0], [2.0, 0.0, -2.0], [1.0, 0.0, -1.0]];
    let (h, w) = (x.shape()[0], x.shape()[1]);
    let p = x.cast(DType::F64).pad(&[1, 1], &[1, 1], 0.0);
    let mut g: Option<Tensor> = None;
    for r0 in 0..3 {
        for c0 in 0..3 {
            let wt: f64 = k[2 - r0][2 - c0];
            if wt == 0.0 {
                continue;
            }
            let t = p.slice(&[r0, c0], &[r0 + h, c0 + w], &[1, 1]) * wt;
            g = Some(match g {
                None => t,
                Some(g) => g + t,
            });
        }
    }
    let mag = g.unwrap().cast(x.dtype()).abs();
    match roi {
        None => mag.sum_all(),
        Some(r) => {
            let s = r.select(&mag, &mag.scalar(0.0)).sum_all();
            if normalize {
                s / r.cast(DType::F32).sum_all()
            } else {
                s
            }
        }
    }
}

/// The new stencil (slices of the image padded per tap) with a plain `sum_all`.
fn stencil_sum_all(x: &Tensor) -> Tensor {
    let k = [[1.0, 0.0, -1.0], [2.0, 0.0, -2.0], [1.0, 0.0, -1.0]];
    let (h, w) = (x.shape()[0], x.shape()[1]);
    let xf = x.cast(DType::F64);
    let mut g: Option<Tensor> = None;
    for r0 in 0..3usize {
        for c0 in 0..3usize {
            let wt: f64 = k[2 - r0][2 - c0];
            if wt == 0.0 {
                continue;
            }
            let (ilo, ihi) = (1usize.saturating_sub(r0), (h + 1 - r0).min(h));
            let (jlo, jhi) = (1usize.saturating_sub(c0), (w + 1 - c0).min(w));
            let src = xf.slice(
                &[ilo + r0 - 1, jlo + c0 - 1],
                &[ihi + r0 - 1, jhi + c0 - 1],
                &[1, 1],
            );
            let t = src.pad(&[ilo, jlo], &[h - ihi, w - jhi], 0.0) * wt;
            g = Some(match g {
                None => t,
                Some(g) => g + t,
            });
        }
    }
    g.unwrap().cast(x.dtype()).abs().sum_all()
}

fn old_repeated(x: &Tensor) -> Vec<Tensor> {
    let r = x.shape()[0] as f64;
    let mu = x.mean(&[0]);
    let power = mu.abs2();
    let real = power.dtype();
    let sig = (power.cast(DType::F64) / r)
        .broadcast_in_dim(x.shape(), &(1..x.rank()).collect::<Vec<_>>());
    let noi = (x - &mu).abs2().cast(DType::F64);
    let sums = Tensor::reduce_many(
        &[(&sig, ReduceKind::Sum), (&noi, ReduceKind::Sum)],
        &all_axes(x.rank()),
    );
    let (s, n) = (sums[0].cast(real), (&sums[1] / r).cast(real));
    vec![(&s / &n).log10() * 10.0, s, n]
}

fn old_adjacent(x: &Tensor) -> Vec<Tensor> {
    let r = x.shape()[0];
    let (a, b) = (x.slice_axis(0, 0, r - 1), x.slice_axis(0, 1, r));
    let (sig, noi) = (((&a + &b) / 2.0).abs2(), ((&b - &a) / 2.0).abs2());
    let real = sig.dtype();
    let (sig, noi) = (sig.cast(DType::F64), noi.cast(DType::F64));
    let sums = Tensor::reduce_many(
        &[(&sig, ReduceKind::Sum), (&noi, ReduceKind::Sum)],
        &all_axes(sig.rank()),
    );
    let (s, n) = (sums[0].cast(real), sums[1].cast(real));
    vec![(&s / &n).log10() * 10.0, s, n]
}

fn tenengrad(dev: &um::Device, reps: usize) {
    for n in [512usize, 2048] {
        let mut g = rng();
        let img = Array2::from_shape_simple_fn((n, n), || g().abs());
        let mask = Array2::from_shape_fn((n, n), |(i, j)| {
            let (di, dj) = (i as f64 - n as f64 * 0.5, j as f64 - n as f64 * 0.5);
            di * di + dj * dj <= (n as f64 * 0.25).powi(2)
        });
        let (xd, md) = (dev.put(&img).unwrap(), dev.put(&mask).unwrap());
        let ty = xd.tensor_type().clone();
        let mty = md.tensor_type().clone();
        let po = program("ten_old", std::slice::from_ref(&ty), |a| {
            vec![old_tenengrad(&a[0], None, false)]
        });
        let pr = program("ten_roi_old", &[ty.clone(), mty.clone()], |a| {
            vec![old_tenengrad(&a[0], Some(&a[1]), true)]
        });
        let (to, tr) = (text(&po), text(&pr));
        let ts = text(&program("ten_sum_all", std::slice::from_ref(&ty), |a| {
            vec![stencil_sum_all(&a[0])]
        }));
        let hi = || HostTensor::from(img.clone().into_dyn());
        let hm = || HostTensor::from(mask.clone().into_dyn());
        let p = TenengradParams::default();
        let pm = TenengradParams {
            normalize: true,
            ..Default::default()
        };
        // agreement
        let new_h = um::tenengrad(&img, None, p.clone())
            .unwrap()
            .into_statistic()
            .unwrap();
        let new_d = um::tenengrad(&xd, None, p.clone())
            .unwrap()
            .into_statistic()
            .unwrap();
        let old_d = execute_text(dev, &to, &[xd.untyped()]).unwrap();
        let old_h = um::host::eval(&po, vec![hi()]).unwrap();
        println!(
            "tenengrad {n}²: host new {new_h} | pjrt new {} | old pjrt {:?} | old host {:?}",
            new_d.to_ndarray().unwrap().into_scalar(),
            old_d.len(),
            old_h[0].shape()
        );
        let jobs: Vec<Job> = vec![
            (
                "pjrt old".into(),
                Box::new(|| {
                    execute_text(dev, &to, &[xd.untyped()]).unwrap();
                }),
            ),
            (
                "pjrt new".into(),
                Box::new(|| {
                    um::tenengrad(&xd, None, p.clone()).unwrap();
                }),
            ),
            (
                "pjrt new stencil, sum_all".into(),
                Box::new(|| {
                    execute_text(dev, &ts, &[xd.untyped()]).unwrap();
                }),
            ),
            (
                "pjrt roi_mean old".into(),
                Box::new(|| {
                    execute_text(dev, &tr, &[xd.untyped(), md.untyped()]).unwrap();
                }),
            ),
            (
                "pjrt roi_mean new".into(),
                Box::new(|| {
                    um::tenengrad(&xd, Some(&md), pm.clone()).unwrap();
                }),
            ),
            (
                "host old".into(),
                Box::new(|| {
                    um::host::eval(&po, vec![hi()]).unwrap();
                }),
            ),
            (
                "host new".into(),
                Box::new(|| {
                    um::tenengrad(&img, None, p.clone()).unwrap();
                }),
            ),
            (
                "host roi_mean old".into(),
                Box::new(|| {
                    um::host::eval(&pr, vec![hi(), hm()]).unwrap();
                }),
            ),
            (
                "host roi_mean new".into(),
                Box::new(|| {
                    um::tenengrad(&img, Some(&mask), pm.clone()).unwrap();
                }),
            ),
        ];
        interleaved(&format!("tenengrad f32 {n}x{n}"), reps, jobs);
    }
}

/// Per-sample f64 sums over axis 0, then single-output totals (tree-rewritten reduce-windows).
fn single_totals(x: &Tensor, repeated: bool) -> Vec<Tensor> {
    let r = x.shape()[0];
    let (s, n) = if repeated {
        let mu = x.mean(&[0]);
        let noi = (x - &mu).abs2().cast(DType::F64).sum(&[0]);
        (mu.abs2().cast(DType::F64), noi / r as f64)
    } else {
        let (a, b) = (x.slice_axis(0, 0, r - 1), x.slice_axis(0, 1, r));
        let (sig, noi) = (((&a + &b) / 2.0).abs2(), ((&b - &a) / 2.0).abs2());
        (
            sig.cast(DType::F64).sum(&[0]),
            noi.cast(DType::F64).sum(&[0]),
        )
    };
    let (s, n) = (s.sum_all().cast(DType::F32), n.sum_all().cast(DType::F32));
    vec![(&s / &n).log10() * 10.0, s, n]
}

fn noise(dev: &um::Device, reps: usize) {
    for r in [4usize, 16] {
        let mut g = rng();
        let x = ArrayD::from_shape_simple_fn(IxDyn(&[r, 64, 100, 100]), || {
            let (a, b) = (g(), g());
            Complex32::new(1.0 + 0.1 * a, 0.5 + 0.1 * b)
        });
        let xd = dev.put(&x).unwrap();
        let ty = xd.tensor_type().clone();
        let pr = program("rep_old", std::slice::from_ref(&ty), |a| {
            old_repeated(&a[0])
        });
        let pa = program("adj_old", std::slice::from_ref(&ty), |a| {
            old_adjacent(&a[0])
        });
        let (tr, ta) = (text(&pr), text(&pa));
        let tr1 = text(&program("rep_single", std::slice::from_ref(&ty), |a| {
            single_totals(&a[0], true)
        }));
        let ta1 = text(&program("adj_single", std::slice::from_ref(&ty), |a| {
            single_totals(&a[0], false)
        }));
        let hx = || HostTensor::from(x.clone());
        for (name, prog, m) in [
            ("repeated", &tr, NoiseMethod::RepeatedMeasurements),
            ("adjacent", &ta, NoiseMethod::AdjacentFrames),
        ] {
            let new = um::channel_noise(&xd, m).unwrap();
            let old = execute_text(dev, prog, &[xd.untyped()]).unwrap();
            let host = um::channel_noise(&x, m).unwrap();
            println!(
                "noise {name} R={r}: new pjrt S={} N={} | host S={} N={} | old {} outputs",
                new.signal_power.to_ndarray().unwrap().into_scalar(),
                new.noise_power.to_ndarray().unwrap().into_scalar(),
                host.signal_power,
                host.noise_power,
                old.len()
            );
        }
        let jobs: Vec<Job> = vec![
            (
                "pjrt repeated old".into(),
                Box::new(|| {
                    execute_text(dev, &tr, &[xd.untyped()]).unwrap();
                }),
            ),
            (
                "pjrt repeated new".into(),
                Box::new(|| {
                    um::channel_noise(&xd, NoiseMethod::RepeatedMeasurements).unwrap();
                }),
            ),
            (
                "pjrt repeated single totals".into(),
                Box::new(|| {
                    execute_text(dev, &tr1, &[xd.untyped()]).unwrap();
                }),
            ),
            (
                "pjrt adjacent single totals".into(),
                Box::new(|| {
                    execute_text(dev, &ta1, &[xd.untyped()]).unwrap();
                }),
            ),
            (
                "pjrt adjacent old".into(),
                Box::new(|| {
                    execute_text(dev, &ta, &[xd.untyped()]).unwrap();
                }),
            ),
            (
                "pjrt adjacent new".into(),
                Box::new(|| {
                    um::channel_noise(&xd, NoiseMethod::AdjacentFrames).unwrap();
                }),
            ),
            (
                "host repeated old".into(),
                Box::new(|| {
                    um::host::eval(&pr, vec![hx()]).unwrap();
                }),
            ),
            (
                "host repeated new".into(),
                Box::new(|| {
                    um::channel_noise(&x, NoiseMethod::RepeatedMeasurements).unwrap();
                }),
            ),
            (
                "host adjacent old".into(),
                Box::new(|| {
                    um::host::eval(&pa, vec![hx()]).unwrap();
                }),
            ),
            (
                "host adjacent new".into(),
                Box::new(|| {
                    um::channel_noise(&x, NoiseMethod::AdjacentFrames).unwrap();
                }),
            ),
        ];
        interleaved(&format!("channel noise c64 ({r},64,100,100)"), reps, jobs);
    }
}

fn motion(dev: &um::Device, reps: usize) {
    for (n, f) in [(16usize, 10000usize), (64, 60000)] {
        let mut g = rng();
        let v = Array2::from_shape_simple_fn((n, f), &mut g);
        let vd = dev.put(&v).unwrap();
        let ty = vd.tensor_type().clone();
        // breakdown: the Gram product alone, and the z-scores alone (reduced to a scalar)
        let gram = text(&program("gram", std::slice::from_ref(&ty), |a| {
            vec![a[0].dot_general(&a[0], (&[], &[]), (&[1], &[1]))]
        }));
        let zsum = text(&program("zsum", std::slice::from_ref(&ty), |a| {
            let m = a[0].mean(&[1]).reshape(&[n, 1]);
            let d = &a[0] - &m;
            vec![(&d * &d).sum(&[1])]
        }));
        let jobs: Vec<Job> = vec![
            (
                "pjrt corrcoef".into(),
                Box::new(|| {
                    um::corrcoef(&vd).unwrap();
                }),
            ),
            (
                "pjrt pairwise all".into(),
                Box::new(|| {
                    um::pairwise_corrcoef(&vd, Pairs::All).unwrap();
                }),
            ),
            (
                "pjrt agg".into(),
                Box::new(|| {
                    um::pairwise_corrcoef_agg(&vd).unwrap();
                }),
            ),
            (
                "pjrt gram f32 only".into(),
                Box::new(|| {
                    execute_text(dev, &gram, &[vd.untyped()]).unwrap();
                }),
            ),
            (
                "pjrt mean+ss f32 single-output".into(),
                Box::new(|| {
                    execute_text(dev, &zsum, &[vd.untyped()]).unwrap();
                }),
            ),
            (
                "host corrcoef".into(),
                Box::new(|| {
                    um::corrcoef(&v).unwrap();
                }),
            ),
            (
                "host agg".into(),
                Box::new(|| {
                    um::pairwise_corrcoef_agg(&v).unwrap();
                }),
            ),
        ];
        interleaved(&format!("motion f32 ({n},{f})"), reps, jobs);
    }
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let mode = args.get(1).map(String::as_str).unwrap_or("all");
    let reps: usize = args.get(2).and_then(|s| s.parse().ok()).unwrap_or(15);
    um::set_nonfinite_policy(um::NonFinite::Propagate);
    um::runtime::set_disk_cache(false);
    let dev = um::Device::cpu().expect("PJRT CPU plugin");
    if mode == "ten" || mode == "all" {
        tenengrad(&dev, reps);
    }
    if mode == "noise" || mode == "all" {
        noise(&dev, reps);
    }
    if mode == "motion" || mode == "all" {
        motion(&dev, reps);
    }
}
