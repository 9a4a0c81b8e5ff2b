//! Shared pieces of the criterion benchmarks: deterministic input generators, the group
//! configuration that keeps the whole `cargo bench` within ~15 minutes, and [`bench_paths!`],
//! which times one metric call on every path:
//!
//! - `host`: ndarray in, host backend;
//! - `pjrt_resident`: device-resident input, result left on the device (the call waits for the
//!   execution, like JAX's `block_until_ready`);
//! - `pjrt_put`: the ndarray → device transfer of every input, then the call;
//! - `first_call_cold`: the device call with no executable in memory or on disk (the trace is
//!   cached by then): lower + XLA compile + run;
//! - `first_call_disk`: the device call with the executable in the on-disk cache only (load +
//!   run), i.e. the first call of a new process.
//!
//! [`bench_compile`] times the compilation alone (lower + compile of a traced program, no
//! execution) where the metric has a traced form.
#![allow(dead_code, unused_macros, unused_imports)]

use std::time::{Duration, Instant};

use criterion::measurement::WallTime;
use criterion::{BenchmarkGroup, BenchmarkId, Criterion, SamplingMode};
use ndarray::{Array1, Array2, ArrayD, IxDyn};
use num_complex::{Complex, Complex32, Complex64};
use ultrasound_metrics as um;
use um::graph::{Tensor, TensorType};

/// xorshift64: the same stream for every bench, no dependency.
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Self {
        Rng(seed.max(1))
    }
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
    /// Uniform in [-1, 1).
    pub fn uniform(&mut self) -> f64 {
        (self.next() >> 11) as f64 / (1u64 << 52) as f64 - 1.0
    }
}

/// Complex channel data of any shape, uniform real and imaginary parts in [-1, 1).
pub fn complex<T: num_traits::Float>(shape: &[usize], seed: u64) -> ArrayD<Complex<T>> {
    let mut r = Rng::new(seed);
    ArrayD::from_shape_simple_fn(IxDyn(shape), || {
        Complex::new(T::from(r.uniform()).unwrap(), T::from(r.uniform()).unwrap())
    })
}

/// complex64 channel data.
pub fn c64(shape: &[usize]) -> ArrayD<Complex32> {
    complex::<f32>(shape, 0x9E37_79B9_7F4A_7C15)
}

/// complex128 channel data.
pub fn c128(shape: &[usize]) -> ArrayD<Complex64> {
    complex::<f64>(shape, 0x9E37_79B9_7F4A_7C15)
}

/// Real data of any shape, uniform in [-1, 1).
pub fn real_f32(shape: &[usize], seed: u64) -> ArrayD<f32> {
    let mut r = Rng::new(seed);
    ArrayD::from_shape_simple_fn(IxDyn(shape), || r.uniform() as f32)
}

/// A speckle-like envelope image (Rayleigh-distributed amplitude), `n × n`, f32.
pub fn image_f32(n: usize) -> Array2<f32> {
    let mut r = Rng::new(0x2545_F491_4F6C_DD1D);
    Array2::from_shape_simple_fn((n, n), || {
        let (a, b) = (r.uniform(), r.uniform());
        (a * a + b * b).sqrt() as f32
    })
}

/// A complex (beamformed IQ) image `n × n`, complex64.
pub fn image_c64(n: usize) -> Array2<Complex32> {
    c64(&[n, n]).into_dimensionality().unwrap()
}

/// A region's values: `n` envelope samples (Rayleigh), f32, with mean power set by `scale`.
pub fn roi_values(n: usize, scale: f32, seed: u64) -> Array1<f32> {
    let mut r = Rng::new(seed);
    Array1::from_shape_simple_fn(n, || {
        let (a, b) = (r.uniform(), r.uniform());
        scale * (a * a + b * b).sqrt() as f32
    })
}

/// An RF line of `n` samples: noise with an echo (a windowed burst) at 30% depth, f32.
pub fn rf_line(n: usize) -> Array1<f32> {
    let mut r = Rng::new(0xD1B5_4A32_D192_ED03);
    let c = n as f64 * 0.3;
    Array1::from_shape_fn(n, |i| {
        let t = i as f64 - c;
        let echo = 5.0 * (-(t * t) / 50.0).exp() * (t * 0.8).cos();
        (0.1 * r.uniform() + echo) as f32
    })
}

/// A point-spread function `n × n` (f64): a sinc² along each axis (side lobes at −13 dB) with
/// its peak (1) on a sample off the centre, as `peers.py`'s.
pub fn psf(n: usize) -> Array2<f64> {
    let (c0, c1) = ((45 * n / 100) as f64, (55 * n / 100) as f64);
    let sinc = |x: f64| if x == 0.0 { 1.0 } else { x.sin() / x };
    Array2::from_shape_fn((n, n), |(i, j)| {
        let a = sinc((i as f64 - c0) * 0.5);
        let b = sinc((j as f64 - c1) * 0.35);
        (a * a) * (b * b)
    })
}

/// The PJRT CPU device, with a private on-disk cache directory (so `first_call_disk` does not
/// depend on what other processes cached).
pub fn device() -> um::Device {
    let dev = um::Device::cpu().expect("PJRT CPU plugin (cargo run -- setup)");
    let dir = std::env::temp_dir().join("um-bench-exe-cache");
    let _ = std::fs::remove_dir_all(&dir);
    um::runtime::set_disk_cache_dir(Some(dir));
    dev
}

/// A benchmark group sized for the whole suite to run in ~10–15 minutes: 10 samples, flat
/// sampling (every sample the same iteration count, so slow cases run ≥ 10 times and no more),
/// short warm-up and measurement. `UM_BENCH_TIME=SECONDS` sets the measurement time (default 1 s).
pub fn group<'a>(c: &'a mut Criterion, name: &str) -> BenchmarkGroup<'a, WallTime> {
    let secs: f64 = std::env::var("UM_BENCH_TIME")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(1.0);
    let mut g = c.benchmark_group(name);
    g.sample_size(10)
        .sampling_mode(SamplingMode::Flat)
        .warm_up_time(Duration::from_millis(200))
        .measurement_time(Duration::from_secs_f64(secs));
    g
}

/// Times `f` with no executable in memory, the disk cache switched off: trace (cached) +
/// lower + compile + run.
pub fn cold<R>(g: &mut BenchmarkGroup<'_, WallTime>, id: &str, mut f: impl FnMut() -> R) {
    g.bench_function(BenchmarkId::new("first_call_cold", id), |b| {
        b.iter_custom(|iters| {
            um::runtime::set_disk_cache(false);
            let mut total = Duration::ZERO;
            for _ in 0..iters {
                um::runtime::clear_memory_cache();
                let t = Instant::now();
                std::hint::black_box(f());
                total += t.elapsed();
            }
            um::runtime::set_disk_cache(true);
            total
        })
    });
}

/// Times `f` with its executable on disk but not in memory: disk load + run.
pub fn disk<R>(g: &mut BenchmarkGroup<'_, WallTime>, id: &str, mut f: impl FnMut() -> R) {
    um::runtime::set_disk_cache(true);
    um::runtime::clear_memory_cache();
    f(); // compiles and writes the disk entry
    g.bench_function(BenchmarkId::new("first_call_disk", id), |b| {
        b.iter_custom(|iters| {
            let mut total = Duration::ZERO;
            for _ in 0..iters {
                um::runtime::clear_memory_cache();
                let t = Instant::now();
                std::hint::black_box(f());
                total += t.elapsed();
            }
            total
        })
    });
}

/// Times the compilation of the program `build` traces over `types`: lowering to StableHLO
/// and XLA compilation, no execution, memory and disk caches bypassed.
pub fn bench_compile(
    g: &mut BenchmarkGroup<'_, WallTime>,
    id: &str,
    dev: &um::Device,
    types: Vec<TensorType>,
    build: impl FnOnce(&[Tensor]) -> um::Result<Vec<Tensor>>,
) {
    let program = um::graph::trace("bench_compile", &types, build).expect("trace");
    g.bench_function(BenchmarkId::new("compile", id), |b| {
        b.iter_custom(|iters| {
            um::runtime::set_disk_cache(false);
            let mut total = Duration::ZERO;
            for _ in 0..iters {
                um::runtime::clear_memory_cache();
                let t = Instant::now();
                dev.precompile(&program).unwrap();
                total += t.elapsed();
            }
            um::runtime::set_disk_cache(true);
            total
        })
    });
}

/// Times one metric call on every path (see the module doc). `[a, b]` are the names of the
/// host inputs (ndarrays) in scope; `$call` is the call, written once with those names, and
/// returns a `Result`. On the device paths the same names are rebound to device arrays.
///
/// ```ignore
/// bench_paths!(&mut g, "f32_1e4", &dev, [inside, outside], um::contrast(&inside, &outside, p));
/// ```
macro_rules! bench_paths {
    ($g:expr, $id:expr, $dev:expr, [$($x:ident),+ $(,)?], $call:expr) => {{
        use criterion::BenchmarkId;
        use std::hint::black_box;
        let g = $g;
        let id: &str = &$id;
        let dev: &um::Device = $dev;
        g.bench_function(BenchmarkId::new("host", id), |b| {
            b.iter(|| black_box($call.unwrap()))
        });
        g.bench_function(BenchmarkId::new("pjrt_put", id), |b| {
            b.iter(|| {
                $( let $x = dev.put(&$x).unwrap(); )+
                black_box($call.unwrap())
            })
        });
        {
            $( let $x = dev.put(&$x).unwrap(); )+
            $call.unwrap(); // warm: traced and compiled
            g.bench_function(BenchmarkId::new("pjrt_resident", id), |b| {
                b.iter(|| black_box($call.unwrap()))
            });
            $crate::common::cold(g, id, || $call.unwrap());
            $crate::common::disk(g, id, || $call.unwrap());
        }
    }};
}
pub(crate) use bench_paths;
