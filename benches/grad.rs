//! `value_and_grad` of the mean coherence factor at complex64 (64, 100, 100): host backend vs
//! PJRT CPU, next to the forward metric alone for reference.
//!
//! Reported separately:
//! - `compile`: lowering + XLA compilation of the cold forward+backward program (no execution);
//! - steady state: `host` (ndarray in), `pjrt_resident` (device-resident input; value and
//!   gradient copied back), and `forward_*` (the coherence factor map alone).
//!
//! Run: `cargo bench --bench grad`.

use std::time::{Duration, Instant};

use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion};
use ndarray::Array3;
use num_complex::Complex32;
use ultrasound_metrics as um;
use um::grad::Objective;
use um::metrics::{traced, CfParams};

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
    let obj = Objective::new("mean_cf", |a| {
        Ok(traced::coherence_factor(&a[0], CfParams::default())?.mean_all())
    });
    let mut g = c.benchmark_group("value_and_grad_mean_cf");
    g.sample_size(10).measurement_time(Duration::from_secs(8));
    let (m, h, w) = (64usize, 100usize, 100usize);
    let id = format!("c64_{m}x{h}x{w}");
    let x = data(m, h, w);
    let xd = dev.put(&x).unwrap();

    let program = obj.program(&[xd.tensor_type().clone()], true).unwrap();
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
        b.iter(|| obj.value_and_grad(&x, &[]).unwrap())
    });
    obj.value_and_grad(&xd, &[]).unwrap(); // warm the cache
    g.bench_function(BenchmarkId::new("pjrt_resident", &id), |b| {
        b.iter(|| {
            let (v, gr) = obj.value_and_grad(&xd, &[]).unwrap();
            (v.to_ndarray().unwrap(), gr.to_ndarray().unwrap())
        })
    });
    let p = CfParams::default();
    g.bench_function(BenchmarkId::new("forward_host", &id), |b| {
        b.iter(|| um::coherence_factor(&x, p).unwrap())
    });
    um::coherence_factor(&xd, p).unwrap();
    g.bench_function(BenchmarkId::new("forward_pjrt_resident", &id), |b| {
        b.iter(|| um::coherence_factor(&xd, p).unwrap().to_ndarray().unwrap())
    });
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
