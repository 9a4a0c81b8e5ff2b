//! Compile time and steady time of single metrics on the PJRT CPU path, one process, no criterion:
//! `cold` = lower + XLA compile + first run with no executable in memory (disk cache off),
//! `steady` = a cached call on a device-resident input, `≈ compile` = `cold − steady` (the
//! definition of BENCHMARKS.md), each as wall time and as this process's CPU time (all its
//! threads; steadier than wall time on a busy machine). Medians over repeats.
//!
//! Usage: `cargo run --release --example compile_probe -- [FILTER] [cold_reps] [steady_reps]`
//! (`UM_PJRT_PLUGIN` as for the tests). Runs under `NonFinite::Propagate`, like the peer bench.

use std::time::Instant;

use ndarray::{ArrayD, IxDyn};
use num_complex::Complex32;
use ultrasound_metrics as um;
use um::metrics::{
    CfParams, ClipMethod, FsnParams, MaxAmplitudeParams, NoiseMethod, Pairs, ScfParams,
    ThresholdParams, TsnrParams,
};

/// xorshift64, uniform in [-1, 1).
struct Rng(u64);
impl Rng {
    fn uniform(&mut self) -> f32 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        ((self.0 >> 11) as f64 / (1u64 << 52) as f64 - 1.0) as f32
    }
}

fn real(shape: &[usize]) -> ArrayD<f32> {
    let mut r = Rng(0x2545_F491_4F6C_DD1D);
    ArrayD::from_shape_simple_fn(IxDyn(shape), || r.uniform())
}

fn complex(shape: &[usize]) -> ArrayD<Complex32> {
    let mut r = Rng(0x9E37_79B9_7F4A_7C15);
    ArrayD::from_shape_simple_fn(IxDyn(shape), || Complex32::new(r.uniform(), r.uniform()))
}

/// CPU time of this process so far, ns: the sum over its threads of `/proc/self/task/*/schedstat`
/// (Linux; 0 elsewhere). Less sensitive than wall time to other processes on a busy machine.
fn cpu_ns() -> u64 {
    let Ok(dir) = std::fs::read_dir("/proc/self/task") else {
        return 0;
    };
    dir.filter_map(|t| std::fs::read_to_string(t.ok()?.path().join("schedstat")).ok())
        .filter_map(|s| s.split_whitespace().next()?.parse::<u64>().ok())
        .sum()
}

fn median(mut v: Vec<f64>) -> f64 {
    v.sort_by(f64::total_cmp);
    v[v.len() / 2]
}

/// Times `f` cold (memory cache cleared before each of `cold` calls) and steady (`steady`
/// calls after a warm-up); prints ms.
fn probe(name: &str, cold: usize, steady: usize, mut f: impl FnMut()) {
    let (mut c, mut cc) = (Vec::new(), Vec::new());
    for _ in 0..cold {
        um::runtime::clear_memory_cache();
        let (t, u) = (Instant::now(), cpu_ns());
        f();
        c.push(t.elapsed().as_secs_f64() * 1e3);
        cc.push((cpu_ns() - u) as f64 * 1e-6);
    }
    f();
    let (mut s, mut sc) = (Vec::new(), Vec::new());
    for _ in 0..steady {
        let (t, u) = (Instant::now(), cpu_ns());
        f();
        s.push(t.elapsed().as_secs_f64() * 1e3);
        sc.push((cpu_ns() - u) as f64 * 1e-6);
    }
    let (c, s, cc, sc) = (median(c), median(s), median(cc), median(sc));
    println!(
        "{name:<38} wall: cold {c:8.2} steady {s:7.3} ≈compile {:8.2} | cpu: cold {cc:8.2} steady {sc:7.3} ≈compile {:8.2} (ms)",
        c - s,
        cc - sc
    );
}

/// Times the compilation alone (lower + XLA compile, no run) of a traced program: median of
/// `reps`, wall and CPU ms.
fn compile_only(
    name: &str,
    dev: &um::Device,
    reps: usize,
    ty: um::graph::TensorType,
    build: impl FnOnce(&[um::graph::Tensor]) -> um::Result<Vec<um::graph::Tensor>>,
) {
    let program = um::graph::trace(name, &[ty], build).expect("trace");
    let (mut w, mut c) = (Vec::new(), Vec::new());
    for _ in 0..reps {
        um::runtime::clear_memory_cache();
        let (t, u) = (Instant::now(), cpu_ns());
        dev.precompile(&program).expect("compile");
        w.push(t.elapsed().as_secs_f64() * 1e3);
        c.push((cpu_ns() - u) as f64 * 1e-6);
    }
    println!(
        "{:<38} compile only: wall {:8.2} cpu {:8.2} (ms)",
        format!("{name} (traced)"),
        median(w),
        median(c)
    );
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let filter = args.get(1).cloned().unwrap_or_default();
    let cold: usize = args.get(2).and_then(|s| s.parse().ok()).unwrap_or(3);
    let steady: usize = args.get(3).and_then(|s| s.parse().ok()).unwrap_or(20);
    um::set_nonfinite_policy(um::NonFinite::Propagate);
    um::runtime::set_disk_cache(false);
    let dev = um::Device::cpu().expect("PJRT CPU plugin (cargo run -- setup)");
    let want = |n: &str| filter.is_empty() || n.contains(filter.as_str()) || filter.contains(n);

    if want("corrcoef") {
        let v = dev.put(&real(&[64, 200, 300])).unwrap();
        if want("corrcoef_f32") {
            probe("corrcoef_f32_64x60000", cold, steady, || {
                um::corrcoef(&v).unwrap();
            });
            compile_only(
                "corrcoef_f32_64x60000",
                &dev,
                cold,
                v.tensor_type().clone(),
                |a| Ok(vec![um::metrics::traced::corrcoef(&a[0])?]),
            );
        }
        if want("pairwise_corrcoef_all") {
            probe("pairwise_corrcoef_all_f32_64x60000", cold, steady, || {
                um::pairwise_corrcoef(&v, Pairs::All).unwrap();
            });
        }
        if want("pairwise_corrcoef_agg") {
            probe("pairwise_corrcoef_agg_f32_64x60000", cold, steady, || {
                um::pairwise_corrcoef_agg(&v).unwrap();
            });
        }
    }
    if want("noise_repeated") {
        let x = dev.put(&complex(&[16, 64, 100, 100])).unwrap();
        probe("noise_repeated_c64_16x64x100x100", cold, steady, || {
            um::channel_noise(&x, NoiseMethod::RepeatedMeasurements).unwrap();
        });
    }
    if want("tsnr") {
        let x = dev.put(&complex(&[10000, 100])).unwrap();
        probe("tsnr_c64_10000x100", cold, steady, || {
            um::tsnr(&x, TsnrParams::default()).unwrap();
        });
        compile_only(
            "tsnr_c64_10000x100",
            &dev,
            cold,
            x.tensor_type().clone(),
            |a| {
                Ok(vec![um::metrics::traced::tsnr(
                    &a[0],
                    TsnrParams::default(),
                )?])
            },
        );
    }
    if want("find_signal_and_noise") {
        let x = dev.put(&real(&[1_000_000])).unwrap();
        probe("find_signal_and_noise_f32_1e6", cold, steady, || {
            um::find_signal_and_noise(&x, FsnParams::default()).unwrap();
        });
        // the arg-max graph and its read-back alone (no slices)
        probe("find_signal_and_noise_ranges_f32_1e6", cold, steady, || {
            um::find_signal_and_noise_ranges(&x, FsnParams::default()).unwrap();
        });
    }
    if want("gcnr") || want("cnr_median") {
        let a = dev.put(&real(&[1_000_000])).unwrap();
        let b = dev.put(&real(&[1_000_000]).mapv(|v| v + 0.5)).unwrap();
        if want("gcnr") {
            probe("gcnr_f32_1e6", cold, steady, || {
                um::gcnr(&a, &b, Default::default()).unwrap();
            });
        }
        if want("cnr_median") {
            let p = um::metrics::CnrParams {
                fun_signal: um::metrics::Aggregation::Median,
                fun_noise: um::metrics::Aggregation::Median,
                ..Default::default()
            };
            probe("cnr_median_f32_1e6", cold, steady, || {
                um::compute_cnr(&a, &b, p).unwrap();
            });
        }
    }
    if want("cf_value_and_grad") {
        let x = dev.put(&complex(&[64, 100, 100])).unwrap();
        let obj = um::grad::Objective::new("mean_cf", |a| {
            Ok(um::metrics::traced::coherence_factor(&a[0], CfParams::default())?.mean_all())
        });
        probe("cf_value_and_grad_c64_64x100x100", cold, steady, || {
            obj.value_and_grad(&x, &[]).unwrap();
        });
    }
    if want("scf") {
        let x = dev.put(&complex(&[16, 64, 100, 100])).unwrap();
        let p = ScfParams {
            frames: true,
            ..Default::default()
        };
        probe("scf_frames_c64_16x64x100x100", cold, steady, || {
            um::sign_coherence_factor(&x, p).unwrap();
        });
        compile_only(
            "scf_frames_c64_16x64x100x100",
            &dev,
            cold,
            x.tensor_type().clone(),
            |a| Ok(vec![um::metrics::traced::sign_coherence_factor(&a[0], p)?]),
        );
    }
    if want("image") || want("db_zero") || want("clip") {
        let x = dev.put(&real(&[2048, 2048])).unwrap();
        if want("image") || want("db_zero") {
            probe("db_zero_f32_2048x2048", cold, steady, || {
                um::db_zero(&x).unwrap();
            });
        }
        if want("image") || want("clip") {
            probe("clip_max_amplitude_f32_2048x2048", cold, steady, || {
                um::is_clipped_max_amplitude(&x, MaxAmplitudeParams::default()).unwrap();
            });
            probe("clip_ratio_threshold_f32_2048x2048", cold, steady, || {
                um::clip_ratio(&x, ClipMethod::Threshold(ThresholdParams::new(2.5))).unwrap();
            });
        }
    }
}
