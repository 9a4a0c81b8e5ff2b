//! Host backend A/B: the fused, parallel evaluator (`Fusion::Auto`, the default) against the
//! op-by-op interpreter (`Fusion::Off`), on the coherence family and a few image/ROI metrics.
//!
//! The two modes are timed **interleaved in one process** (rounds alternate Off, Auto, Off, …),
//! so machine noise hits both alike; each row is the median over rounds of the per-call mean
//! within a round. Every case also checks that both modes give bit-identical results.
//!
//! Run: `cargo bench --bench host` (optionally `-- FILTER` to run the cases whose name contains
//! FILTER, e.g. `-- 128x200x300`).

use std::hint::black_box;
use std::time::{Duration, Instant};

use ndarray::{Array1, Array2, Array3, ArrayD};
use num_complex::Complex32;
use ultrasound_metrics as um;
use um::host::{set_fusion, Fusion};
use um::metrics::{GcfParams, PcfParams, ScfParams, TenengradParams};

fn noise(n: usize, seed: u64) -> Vec<f32> {
    let mut s = 0x9E37_79B9_7F4A_7C15u64 ^ seed;
    (0..n)
        .map(|_| {
            s ^= s << 13;
            s ^= s >> 7;
            s ^= s << 17;
            (s & 0xFFFF) as f32 / 32768.0 - 1.0
        })
        .collect()
}

fn channels(m: usize, h: usize, w: usize) -> Array3<Complex32> {
    let re = noise(m * h * w, 1);
    let im = noise(m * h * w, 2);
    let v = re
        .iter()
        .zip(&im)
        .map(|(&a, &b)| Complex32::new(a, b))
        .collect();
    Array3::from_shape_vec((m, h, w), v).unwrap()
}

/// Mean seconds per call of `f` over a round of about `budget`.
fn round(f: &mut dyn FnMut() -> ArrayD<f64>, budget: Duration) -> f64 {
    let t = Instant::now();
    let mut n = 0u32;
    while n == 0 || t.elapsed() < budget {
        black_box(f());
        n += 1;
    }
    t.elapsed().as_secs_f64() / n as f64
}

fn median(mut v: Vec<f64>) -> f64 {
    v.sort_by(|a, b| a.total_cmp(b));
    v[v.len() / 2]
}

fn fmt(s: f64) -> String {
    if s < 1e-3 {
        format!("{:.1} µs", s * 1e6)
    } else {
        format!("{:.2} ms", s * 1e3)
    }
}

fn case(filter: &Option<String>, name: &str, mut f: impl FnMut() -> ArrayD<f64>) {
    if filter.as_ref().is_some_and(|p| !name.contains(p.as_str())) {
        return;
    }
    set_fusion(Fusion::Off);
    let a = f();
    set_fusion(Fusion::Auto);
    let b = f();
    let same = a.shape() == b.shape()
        && a.iter()
            .zip(b.iter())
            .all(|(x, y)| x.to_bits() == y.to_bits() || (x.is_nan() && y.is_nan()));
    let first = Instant::now();
    f();
    let budget = first
        .elapsed()
        .mul_f64(3.0)
        .clamp(Duration::from_millis(20), Duration::from_millis(300));
    let (mut off, mut on) = (Vec::new(), Vec::new());
    for _ in 0..7 {
        set_fusion(Fusion::Off);
        off.push(round(&mut f, budget));
        set_fusion(Fusion::Auto);
        on.push(round(&mut f, budget));
    }
    let (off, on) = (median(off), median(on));
    println!(
        "| {name} | {} | {} | {:.2} | {} |",
        fmt(off),
        fmt(on),
        off / on,
        if same { "yes" } else { "NO" }
    );
}

fn main() {
    let filter = std::env::args().skip(1).find(|a| !a.starts_with('-'));
    let threads = std::thread::available_parallelism().map_or(1, |n| n.get());
    println!(
        "host backend, {threads} threads; op-by-op (Off) vs fused (Auto), interleaved medians"
    );
    println!();
    println!("| case | op-by-op | fused | speed-up | identical |");
    println!("|---|---|---|---|---|");
    let f64d = |a: ArrayD<f32>| a.mapv(f64::from);
    for &(m, h, w) in &[(8usize, 4usize, 4usize), (64, 100, 100), (128, 200, 300)] {
        let x = channels(m, h, w);
        let id = format!("c64_{m}x{h}x{w}");
        case(&filter, &format!("cf {id}"), || {
            f64d(
                um::coherence_factor(&x, Default::default())
                    .unwrap()
                    .into_dyn(),
            )
        });
        case(&filter, &format!("gcf {id}"), || {
            let p = GcfParams {
                m0: if m > 2 { 1 } else { 0 },
                ..Default::default()
            };
            f64d(um::generalized_coherence_factor(&x, p).unwrap().into_dyn())
        });
        case(&filter, &format!("pcf {id}"), || {
            let p = PcfParams::default();
            f64d(um::phase_coherence_factor(&x, p).unwrap().into_dyn())
        });
        case(&filter, &format!("scf {id}"), || {
            let p = ScfParams::default();
            f64d(um::sign_coherence_factor(&x, p).unwrap().into_dyn())
        });
    }
    let iq = channels(1, 512, 512)
        .into_shape_with_order((512, 512))
        .unwrap();
    case(&filter, "create_bmode_image c64_512x512", || {
        f64d(um::create_bmode_image(&iq).unwrap().into_dyn())
    });
    case(&filter, "decibel c64_512x512", || {
        f64d(um::decibel(&iq).unwrap().into_dyn())
    });
    let img = Array2::from_shape_vec((512, 512), noise(512 * 512, 3)).unwrap();
    case(&filter, "tenengrad f32_512x512", || {
        let s = um::tenengrad(&img, None, TenengradParams::default()).unwrap();
        let v = s.into_statistic().unwrap();
        ndarray::arr0(v as f64).into_dyn()
    });
    let inside = Array1::from_vec(noise(100_000, 4));
    let outside = Array1::from_vec(noise(100_000, 5)).mapv(|v| 2.0 * v);
    case(&filter, "contrast f32_100000", || {
        let c = um::contrast(&inside, &outside, Default::default()).unwrap();
        ndarray::arr0(c as f64).into_dyn()
    });
    case(&filter, "gcnr f32_100000", || {
        let c = um::gcnr(&inside, &outside, Default::default()).unwrap();
        ndarray::arr0(c as f64).into_dyn()
    });
    set_fusion(Fusion::Auto);
}
