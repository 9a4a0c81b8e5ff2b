//! coherence_factor at (64,100,100) and (128,200,300) complex64: host backend vs PJRT CPU.
//!
//! Reported separately:
//! - `compile`: lowering + XLA compilation of a cold program (memory and disk caches bypassed,
//!   no execution);
//! - `first_call`: a call on a fresh signature in a warm process (trace + compile + run);
//! - steady state: `host` (ndarray in), `pjrt_resident` (device-resident input, result copied
//!   back), and `pjrt_put` (ndarray -> device transfer + call + copy back).
//!
//! Run: `cargo bench --bench coherence`.

use std::time::{Duration, Instant};

use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion};
use ndarray::Array3;
use num_complex::Complex32;
use ultrasound_metrics as um;
use um::metrics::CfParams;

fn data(m: usize, h: usize, w: usize) -> Array3<Complex32> {
    let mut s = 0x9E37_79B9_7F4A_7C15u64;
    Array3::from_shape_simple_fn((m, h, w), || {
        s ^= s << 13;
        s ^= s >> 7;
        s ^= s << 17;
        let a = (s & 0xFFFF) as f32 / 32768.0 - 1.0;
        let b = ((s >> 16) & 0xFFFF) as f32 / 32768.0 - 1.0;
        Complex32::new(a, b)
    })
}

fn bench(c: &mut Criterion) {
    let dev = um::Device::cpu().expect("PJRT CPU plugin (cargo run -- setup)");
    um::runtime::set_disk_cache(false);
    let mut g = c.benchmark_group("coherence_factor");
    g.sample_size(10).measurement_time(Duration::from_secs(8));
    for &(m, h, w) in &[(64usize, 100usize, 100usize), (128, 200, 300)] {
        let id = format!("c64_{m}x{h}x{w}");
        let x = data(m, h, w);
        let xd = dev.put(&x).unwrap();
        let p = CfParams::default();

        // compile: the program is traced once, then compiled cold each iteration
        let program =
            um::graph::trace("coherence_factor_bench", &[xd.tensor_type().clone()], |a| {
                Ok(vec![um::metrics::coherence::cf_graph_for_bench(&a[0])])
            })
            .unwrap();
        g.bench_function(BenchmarkId::new("compile", &id), |b| {
            b.iter_custom(|iters| {
                let mut total = Duration::ZERO;
                for _ in 0..iters {
                    um::runtime::clear_memory_cache();
                    let t = Instant::now();
                    dev.precompile(&program).unwrap();
                    total += t.elapsed();
                }
                total
            })
        });
        g.bench_function(BenchmarkId::new("host", &id), |b| {
            b.iter(|| um::coherence_factor(&x, p).unwrap())
        });
        um::coherence_factor(&xd, p).unwrap(); // warm the cache
        g.bench_function(BenchmarkId::new("pjrt_resident", &id), |b| {
            b.iter(|| um::coherence_factor(&xd, p).unwrap().to_ndarray().unwrap())
        });
        g.bench_function(BenchmarkId::new("pjrt_put", &id), |b| {
            b.iter(|| {
                um::coherence_factor(&dev.put(&x).unwrap(), p)
                    .unwrap()
                    .to_ndarray()
                    .unwrap()
            })
        });
    }
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
