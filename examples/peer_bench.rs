//! Our side of `benches/peers/run.sh`: times every (case, metric) of the manifest written by
//! `benches/peers/peers.py` on the same `.npy` inputs, and measures the machine's read bandwidth.
//!
//! Usage: `cargo run --release --example peer_bench -- MANIFEST.json OUT.json`

use std::time::{Duration, Instant};

use ndarray::ArrayD;
use num_complex::{Complex32, Complex64};
use serde_json::{json, Value};
use ultrasound_metrics as um;
use um::metrics::{CfParams, GcfParams, PcfParams, ScfParams};

/// Median and min of `f` over repetitions (after one warm-up), for at least `min_time`.
fn time(mut f: impl FnMut(), min_time: Duration) -> Value {
    f();
    let mut v = Vec::new();
    let start = Instant::now();
    while v.len() < 3 || (start.elapsed() < min_time && v.len() < 500) {
        let t = Instant::now();
        f();
        v.push(t.elapsed().as_secs_f64());
    }
    v.sort_by(f64::total_cmp);
    json!({"median_s": v[v.len() / 2], "min_s": v[0], "reps": v.len()})
}

fn once(f: impl FnOnce()) -> f64 {
    let t = Instant::now();
    f();
    t.elapsed().as_secs_f64()
}

/// Reads a 256 MiB buffer with `threads` threads (XOR of 64-bit words: vectorisable, so the
/// loop is limited by memory, not by arithmetic); returns GB/s (best of 5).
fn read_bandwidth(threads: usize) -> f64 {
    let n: usize = 32 << 20; // 32 Mi u64 = 256 MiB
    let data: Vec<u64> = (0..n as u64)
        .map(|i| i.wrapping_mul(0x9E37_79B9_7F4A_7C15))
        .collect();
    let mut best = f64::INFINITY;
    for _ in 0..5 {
        let t = Instant::now();
        let chunk = n.div_ceil(threads);
        let total: u64 = std::thread::scope(|s| {
            let hs: Vec<_> = data
                .chunks(chunk)
                .map(|c| s.spawn(move || c.iter().fold(0u64, |a, &b| a ^ b)))
                .collect();
            hs.into_iter()
                .map(|h| h.join().unwrap())
                .fold(0, |a, b| a ^ b)
        });
        std::hint::black_box(total);
        best = best.min(t.elapsed().as_secs_f64());
    }
    (n * 8) as f64 / best / 1e9
}

macro_rules! metric_call {
    ($metric:expr, $x:expr, $frames:expr) => {{
        let frames = $frames;
        match $metric {
            "cf" => um::coherence_factor(
                $x,
                CfParams {
                    frames,
                    ..Default::default()
                },
            )
            .map(drop),
            "gcf" => um::generalized_coherence_factor($x, GcfParams { m0: 1, frames }).map(drop),
            "pcf" => um::phase_coherence_factor(
                $x,
                PcfParams {
                    frames,
                    ..Default::default()
                },
            )
            .map(drop),
            "scf" => um::sign_coherence_factor(
                $x,
                ScfParams {
                    frames,
                    ..Default::default()
                },
            )
            .map(drop),
            other => panic!("unknown metric {other}"),
        }
    }};
}

fn bench_case<T: um::Numeric + ndarray_npy::ReadableElement>(
    entry: &Value,
    dev: &um::Device,
) -> Value
where
    T::Real: um::Element,
{
    let path = entry["path"].as_str().unwrap();
    let metric = entry["metric"].as_str().unwrap();
    let frames = entry["frames"].as_bool().unwrap();
    let x: ArrayD<T> = ndarray_npy::read_npy(path).unwrap();
    let min = Duration::from_secs_f64(1.0);
    let host = time(|| metric_call!(metric, &x, frames).unwrap(), min);
    let xd = dev.put(&x).unwrap();
    // cold first call: no executable in memory or on disk -> trace hit + lower + compile + run
    um::runtime::set_disk_cache(false);
    um::runtime::clear_memory_cache();
    let first_call_cold = once(|| metric_call!(metric, &xd, frames).unwrap());
    // load from the on-disk cache: write it, drop the memory cache, call again
    um::runtime::set_disk_cache(true);
    um::runtime::clear_memory_cache();
    metric_call!(metric, &xd, frames).unwrap();
    um::runtime::clear_memory_cache();
    let first_call_disk = once(|| metric_call!(metric, &xd, frames).unwrap());
    let resident = time(|| metric_call!(metric, &xd, frames).unwrap(), min);
    let with_put = time(
        || {
            let d = dev.put(&x).unwrap();
            metric_call!(metric, &d, frames).unwrap();
        },
        min,
    );
    json!({
        "case": entry["case"], "metric": metric, "input_bytes": entry["input_bytes"],
        "host": host, "pjrt_resident": resident, "pjrt_put": with_put,
        "first_call_cold_s": first_call_cold, "first_call_disk_s": first_call_disk,
    })
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let manifest: Vec<Value> =
        serde_json::from_str(&std::fs::read_to_string(&args[1]).unwrap()).unwrap();
    let dev = um::Device::cpu().unwrap();
    let mut results = Vec::new();
    for entry in &manifest {
        let r = match entry["dtype"].as_str().unwrap() {
            "complex64" => bench_case::<Complex32>(entry, &dev),
            "complex128" => bench_case::<Complex64>(entry, &dev),
            d => panic!("dtype {d}"),
        };
        eprintln!(
            "{:<24} {:<4} host {:9.3} ms  pjrt {:9.3} ms  (+put {:9.3} ms)  cold {:7.1} ms  disk {:6.2} ms",
            r["case"].as_str().unwrap(),
            r["metric"].as_str().unwrap(),
            r["host"]["median_s"].as_f64().unwrap() * 1e3,
            r["pjrt_resident"]["median_s"].as_f64().unwrap() * 1e3,
            r["pjrt_put"]["median_s"].as_f64().unwrap() * 1e3,
            r["first_call_cold_s"].as_f64().unwrap() * 1e3,
            r["first_call_disk_s"].as_f64().unwrap() * 1e3,
        );
        results.push(r);
    }
    let bw = json!({"threads_1_gbps": read_bandwidth(1), "threads_2_gbps": read_bandwidth(2)});
    let out = json!({"device": dev.description(), "plugin": dev.plugin_version(), "bandwidth": bw, "results": results});
    std::fs::write(&args[2], serde_json::to_string_pretty(&out).unwrap()).unwrap();
}
