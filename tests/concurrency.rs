//! Concurrency stress (issue #6): 8 threads make many calls of mixed metrics, shapes and dtypes
//! on the host backend and on PJRT devices (`cpu:0` and spread over every CPU device), through
//! the shared executable cache, with inputs both transferred per call and resident on the device
//! (shared by all threads). Every result must equal, bit for bit, the result of the same call
//! made single-threaded first, and the cache counters must show one compilation per key.
//!
//! `stress_8_threads` runs in the suite (8 × 150 calls). The long run is
//! `stress_8_threads_long`:
//!
//! ```sh
//! UM_STRESS_CALLS=5000 cargo test --test concurrency -- --ignored --nocapture
//! ```
//!
//! One `#[test]` runs in this binary at a time: both read process-wide cache counters.

use std::any::Any;
use std::collections::BTreeSet;
use std::sync::{Arc, Barrier, Mutex};

use ndarray::{Array, Array1, Array2, Array3, Dimension, Ix1, Ix2, Ix3};
use num_complex::{Complex32, Complex64};
use once_cell::sync::OnceCell;
use ultrasound_metrics as um;
use um::metrics::{
    CfParams, ClipMethod, CnrParams, ContrastParams, GcfParams, GcnrParams, NoiseEstimate,
    NoiseMethod, PcfParams, RfSnrParams, ScfParams, TenengradOutput, TenengradParams,
    ThresholdParams, TsnrParams,
};
use um::{Device, DeviceArray, Element};

static ONE_AT_A_TIME: Mutex<()> = Mutex::new(());

// ---------------------------------------------------------------------------------------------
// Results as bit patterns
// ---------------------------------------------------------------------------------------------

trait Bits {
    fn push_bits(&self, out: &mut Vec<u64>);
}

impl Bits for f32 {
    fn push_bits(&self, out: &mut Vec<u64>) {
        out.push(u64::from(self.to_bits()));
    }
}
impl Bits for f64 {
    fn push_bits(&self, out: &mut Vec<u64>) {
        out.push(self.to_bits());
    }
}
impl Bits for Complex32 {
    fn push_bits(&self, out: &mut Vec<u64>) {
        self.re.push_bits(out);
        self.im.push_bits(out);
    }
}
impl Bits for Complex64 {
    fn push_bits(&self, out: &mut Vec<u64>) {
        self.re.push_bits(out);
        self.im.push_bits(out);
    }
}
impl Bits for bool {
    fn push_bits(&self, out: &mut Vec<u64>) {
        out.push(u64::from(*self));
    }
}
impl Bits for i64 {
    fn push_bits(&self, out: &mut Vec<u64>) {
        out.push(*self as u64);
    }
}

/// A result (host or device, array or scalar) as the bit patterns of its elements, with its
/// shape first.
trait ToBits {
    fn bits(self) -> Vec<u64>;
}

impl<T: Bits, D: Dimension> ToBits for Array<T, D> {
    fn bits(self) -> Vec<u64> {
        let mut out: Vec<u64> = self.shape().iter().map(|&n| n as u64).collect();
        out.push(u64::MAX);
        for x in self.iter() {
            x.push_bits(&mut out);
        }
        out
    }
}
impl<T: Bits + Element, D: Dimension> ToBits for DeviceArray<T, D> {
    fn bits(self) -> Vec<u64> {
        self.to_ndarray().expect("to_ndarray").bits()
    }
}
impl ToBits for f64 {
    fn bits(self) -> Vec<u64> {
        vec![self.to_bits()]
    }
}
impl ToBits for Vec<u64> {
    fn bits(self) -> Vec<u64> {
        self
    }
}
impl<S: ToBits> ToBits for NoiseEstimate<S> {
    fn bits(self) -> Vec<u64> {
        let mut v = self.snr_db.bits();
        v.extend(self.signal_power.bits());
        v.extend(self.noise_power.bits());
        v
    }
}
impl<A: ToBits, B: ToBits> ToBits for (A, B) {
    fn bits(self) -> Vec<u64> {
        let mut v = self.0.bits();
        v.extend(self.1.bits());
        v
    }
}
impl<B, M, R> ToBits for TenengradOutput<B, M, R>
where
    B: um::Backend,
    M: Element,
    R: um::RealElement,
    B::Scalar<R>: ToBits,
    B::Array<M, Ix2>: ToBits,
    B::Array<M, Ix1>: ToBits,
{
    fn bits(self) -> Vec<u64> {
        match self {
            TenengradOutput::Statistic(s) => s.bits(),
            TenengradOutput::Map(m) => m.bits(),
            TenengradOutput::Values(v) => v.bits(),
        }
    }
}

// ---------------------------------------------------------------------------------------------
// Inputs
// ---------------------------------------------------------------------------------------------

trait Gen: Element {
    fn make(re: f64, im: f64) -> Self;
}
impl Gen for f32 {
    fn make(re: f64, _: f64) -> Self {
        re as f32
    }
}
impl Gen for f64 {
    fn make(re: f64, _: f64) -> Self {
        re
    }
}
impl Gen for Complex32 {
    fn make(re: f64, im: f64) -> Self {
        Complex32::new(re as f32, im as f32)
    }
}
impl Gen for Complex64 {
    fn make(re: f64, im: f64) -> Self {
        Complex64::new(re, im)
    }
}

/// A deterministic pseudo-random value in [-1, 1) from a seed and an index.
fn hash(seed: u64, i: u64) -> f64 {
    let k = (seed ^ i.wrapping_mul(0x9E37_79B9_7F4A_7C15)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    ((k >> 11) as f64 / (1u64 << 53) as f64) * 2.0 - 1.0
}

fn gen<T: Gen, D: Dimension>(dim: D, seed: u64, offset: f64) -> Array<T, D> {
    let n = dim.size() as u64;
    let v: Vec<T> = (0..n)
        .map(|i| T::make(offset + hash(seed, i), hash(seed ^ 0x55, i)))
        .collect();
    Array::from_shape_vec(dim, v).expect("shape")
}

fn g1<T: Gen>(n: usize, seed: u64, offset: f64) -> Array1<T> {
    gen(Ix1(n), seed, offset)
}
fn g2<T: Gen>(s: (usize, usize), seed: u64, offset: f64) -> Array2<T> {
    gen(Ix2(s.0, s.1), seed, offset)
}
fn g3<T: Gen>(s: (usize, usize, usize), seed: u64, offset: f64) -> Array3<T> {
    gen(Ix3(s.0, s.1, s.2), seed, offset)
}

// ---------------------------------------------------------------------------------------------
// Calls
// ---------------------------------------------------------------------------------------------

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Dt {
    F32,
    F64,
    C64,
    C128,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Metric {
    Cf,
    Gcf,
    Pcf,
    Scf,
    Contrast,
    Cnr,
    Gcnr,
    RfSnr,
    Tsnr,
    Tenengrad,
    Clip,
    Bmode,
    Corrcoef,
    CorrAgg,
    Noise,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Place {
    Host,
    /// Transferred to the device with this ordinal on every call.
    Put(usize),
    /// Transferred once (by whichever thread comes first) and shared by every call.
    Resident(usize),
}

struct Spec {
    metric: Metric,
    shape: usize,
    dtype: Dt,
    place: Place,
    /// The resident device inputs (first and second argument).
    resident: [OnceCell<Box<dyn Any + Send + Sync>>; 2],
}

impl Spec {
    /// The executable cache key this call uses, if it runs on a device.
    fn key(&self) -> Option<(Metric, usize, Dt, usize)> {
        match self.place {
            Place::Host => None,
            Place::Put(o) | Place::Resident(o) => Some((self.metric, self.shape, self.dtype, o)),
        }
    }
}

fn specs() -> Vec<Spec> {
    use Dt::*;
    use Metric::*;
    let all = [F32, F64, C64, C128];
    let real = [F32, F64];
    let table: Vec<(Metric, &[usize], &[Dt])> = vec![
        (Cf, &[0, 1], &all),
        (Gcf, &[0], &all),
        (Pcf, &[0], &all),
        (Scf, &[0], &all),
        (Contrast, &[0, 1], &real),
        (Cnr, &[0], &all),
        (Gcnr, &[0, 1], &real),
        (RfSnr, &[0], &real),
        (Tsnr, &[0], &[F32, C64]),
        (Tenengrad, &[0, 1], &real),
        (Clip, &[0], &real),
        (Bmode, &[0], &[F32, C64, C128]),
        (Corrcoef, &[0], &[F64, C64]),
        (CorrAgg, &[0], &[F32, C128]),
        (Noise, &[0], &[F64, C64]),
    ];
    let mut out = Vec::new();
    for (metric, shapes, dtypes) in table {
        for &shape in shapes {
            for &dtype in dtypes {
                let mut places = vec![Place::Host, Place::Put(0), Place::Resident(0)];
                // Spread a few keys over every CPU device.
                if (metric == Cf || metric == Contrast) && shape == 0 && dtype == F32 {
                    places.extend([1, 2, 3].map(Place::Put));
                    places.extend([1, 3].map(Place::Resident));
                }
                for place in places {
                    out.push(Spec {
                        metric,
                        shape,
                        dtype,
                        place,
                        resident: [OnceCell::new(), OnceCell::new()],
                    });
                }
            }
        }
    }
    out
}

fn resident<'a, T: Element, D: Dimension + 'static>(
    cell: &'a OnceCell<Box<dyn Any + Send + Sync>>,
    dev: &Device,
    host: &Array<T, D>,
) -> &'a DeviceArray<T, D> {
    cell.get_or_init(|| Box::new(dev.put(host).expect("put")))
        .downcast_ref::<DeviceArray<T, D>>()
        .expect("resident input of the call's own type")
}

/// Runs `$body` with `$a` bound to the input on the call's backend.
macro_rules! one {
    ($spec:expr, $devs:expr, $x:expr, |$a:ident| $body:expr) => {{
        let x = $x;
        match $spec.place {
            Place::Host => {
                let $a = &x;
                ToBits::bits($body.expect("host call"))
            }
            Place::Put(o) => {
                let d = $devs[o].put(&x).expect("put");
                let $a = &d;
                ToBits::bits($body.expect("device call"))
            }
            Place::Resident(o) => {
                let $a = resident(&$spec.resident[0], &$devs[o], &x);
                ToBits::bits($body.expect("device call"))
            }
        }
    }};
}

/// Two inputs.
macro_rules! two {
    ($spec:expr, $devs:expr, $x:expr, $y:expr, |$a:ident, $b:ident| $body:expr) => {{
        let (x, y) = ($x, $y);
        match $spec.place {
            Place::Host => {
                let ($a, $b) = (&x, &y);
                ToBits::bits($body.expect("host call"))
            }
            Place::Put(o) => {
                let dx = $devs[o].put(&x).expect("put");
                let dy = $devs[o].put(&y).expect("put");
                let ($a, $b) = (&dx, &dy);
                ToBits::bits($body.expect("device call"))
            }
            Place::Resident(o) => {
                let $a = resident(&$spec.resident[0], &$devs[o], &x);
                let $b = resident(&$spec.resident[1], &$devs[o], &y);
                ToBits::bits($body.expect("device call"))
            }
        }
    }};
}

/// Binds the type `$T` to the call's dtype and evaluates `$body`.
macro_rules! by_dtype {
    ($dt:expr, $T:ident => $body:expr) => {
        match $dt {
            Dt::F32 => {
                type $T = f32;
                $body
            }
            Dt::F64 => {
                type $T = f64;
                $body
            }
            Dt::C64 => {
                type $T = Complex32;
                $body
            }
            Dt::C128 => {
                type $T = Complex64;
                $body
            }
        }
    };
}

/// Real dtypes only (the table never pairs these metrics with complex ones).
macro_rules! by_real_dtype {
    ($dt:expr, $T:ident => $body:expr) => {
        match $dt {
            Dt::F32 => {
                type $T = f32;
                $body
            }
            Dt::F64 => {
                type $T = f64;
                $body
            }
            other => panic!("{other:?} is not a real dtype"),
        }
    };
}

fn run(spec: &Spec, devs: &[Device]) -> Vec<u64> {
    use Metric::*;
    let sh = spec.shape;
    let seed = sh as u64 * 1000 + spec.metric as u64;
    let chan = [(8, 6, 7), (16, 9, 11)][sh];
    let region = [(37, 53), (120, 200)][sh];
    let image = [(12, 14), (20, 17)][sh];
    match spec.metric {
        Cf => {
            by_dtype!(spec.dtype, T => one!(spec, devs, g3::<T>(chan, seed, 0.0), |a| um::coherence_factor(a, CfParams::default())))
        }
        Gcf => {
            by_dtype!(spec.dtype, T => one!(spec, devs, g3::<T>(chan, seed, 0.0), |a| um::generalized_coherence_factor(a, GcfParams { m0: 2, ..Default::default() })))
        }
        Pcf => {
            by_dtype!(spec.dtype, T => one!(spec, devs, g3::<T>(chan, seed, 0.0), |a| um::phase_coherence_factor(a, PcfParams::default())))
        }
        Scf => {
            by_dtype!(spec.dtype, T => one!(spec, devs, g3::<T>(chan, seed, 0.0), |a| um::sign_coherence_factor(a, ScfParams { power: 2.0, ..Default::default() })))
        }
        Contrast => {
            by_real_dtype!(spec.dtype, T => two!(spec, devs, g1::<T>(region.0, seed, 2.0), g1::<T>(region.1, seed + 1, 0.5), |a, b| um::contrast(a, b, ContrastParams { db: true })))
        }
        Cnr => {
            by_dtype!(spec.dtype, T => two!(spec, devs, g1::<T>(region.0, seed, 2.0), g1::<T>(region.1, seed + 1, 0.5), |a, b| um::compute_cnr(a, b, CnrParams::default())))
        }
        Gcnr => {
            by_real_dtype!(spec.dtype, T => two!(spec, devs, g1::<T>(region.0, seed, 0.8), g1::<T>(region.1, seed + 1, 0.0), |a, b| um::gcnr(a, b, GcnrParams::default())))
        }
        RfSnr => {
            by_real_dtype!(spec.dtype, T => two!(spec, devs, g1::<T>(region.0, seed, 3.0), g1::<T>(region.1, seed + 1, 0.0), |a, b| um::compute_rf_snr(a, b, RfSnrParams::default())))
        }
        Tsnr => {
            by_dtype!(spec.dtype, T => one!(spec, devs, g3::<T>((5, 6, 9), seed, 1.5), |a| um::tsnr(a, TsnrParams { output_db: true })))
        }
        Tenengrad => {
            by_real_dtype!(spec.dtype, T => one!(spec, devs, g2::<T>(image, seed, 0.0), |a| um::tenengrad(a, None, TenengradParams { normalize: sh == 1, ..Default::default() })))
        }
        Clip => {
            by_real_dtype!(spec.dtype, T => one!(spec, devs, g2::<T>((6, 40), seed, 0.0), |a| um::clip_ratio(a, ClipMethod::Threshold(ThresholdParams::new(0.8)))))
        }
        Bmode => {
            by_dtype!(spec.dtype, T => one!(spec, devs, g2::<T>(image, seed, 0.0), |a| um::create_bmode_image(a)))
        }
        Corrcoef => {
            by_dtype!(spec.dtype, T => one!(spec, devs, g2::<T>((5, 30), seed, 0.0), |a| um::corrcoef(a)))
        }
        CorrAgg => {
            by_dtype!(spec.dtype, T => one!(spec, devs, g2::<T>((6, 25), seed, 0.0), |a| um::pairwise_corrcoef_agg(a)))
        }
        Noise => {
            by_dtype!(spec.dtype, T => one!(spec, devs, g2::<T>((4, 64), seed, 0.7), |a| um::channel_noise(a, NoiseMethod::RepeatedMeasurements)))
        }
    }
}

// ---------------------------------------------------------------------------------------------
// The stress run
// ---------------------------------------------------------------------------------------------

fn stress(calls_per_thread: usize) {
    const THREADS: usize = 8;
    let _one = ONE_AT_A_TIME.lock().unwrap_or_else(|e| e.into_inner());
    let dir = std::env::temp_dir().join(format!(
        "um-concurrency-{}-{calls_per_thread}",
        std::process::id()
    ));
    let _ = std::fs::remove_dir_all(&dir);
    um::runtime::set_disk_cache_dir(Some(dir.clone()));
    um::runtime::set_disk_cache(true);
    um::runtime::clear_memory_cache();
    let devs = Device::cpu_devices().expect("PJRT CPU plugin");
    assert!(devs.len() >= 4);
    let specs = Arc::new(specs());
    let keys: BTreeSet<_> = specs.iter().filter_map(Spec::key).collect();
    let pjrt_start = um::pjrt::object_counts();

    // 1. Single-threaded reference, on cold caches: every key compiles once.
    let s0 = um::runtime::stats();
    let start = std::time::Instant::now();
    let reference: Vec<Vec<u64>> = specs.iter().map(|s| run(s, &devs)).collect();
    let reference_time = start.elapsed();
    let s1 = um::runtime::stats();
    let compiled = s1.compiles - s0.compiles;
    assert!(
        compiled >= keys.len() as u64,
        "{compiled} compilations for {} keys",
        keys.len()
    );
    assert_eq!(s1.disk_hits, s0.disk_hits, "the disk cache started empty");
    assert_eq!(s1.max_compiles_per_key, 1, "one compilation per key");
    assert_eq!(s1.disk_writes - s0.disk_writes, compiled);
    // Each (metric, shape, dtype, device) key compiled the same number of programs; a metric
    // may trace more than one program, never fewer than one.
    assert_eq!(s1.memory_entries as u64, compiled);

    // 2. Threads on a cold memory cache (warm disk cache): they race on every key.
    um::runtime::clear_memory_cache();
    assert_eq!(um::runtime::stats().memory_entries, 0);
    let pjrt_before = um::pjrt::object_counts();
    assert_eq!(
        pjrt_before.executables.live(),
        pjrt_start.executables.live()
    );
    let barrier = Arc::new(Barrier::new(THREADS));
    let reference = Arc::new(reference);
    let start = std::time::Instant::now();
    let handles: Vec<_> = (0..THREADS)
        .map(|t| {
            let (specs, reference, barrier, devs) = (
                specs.clone(),
                reference.clone(),
                barrier.clone(),
                devs.clone(),
            );
            std::thread::spawn(move || {
                barrier.wait();
                let n = specs.len();
                let mut checked = 0usize;
                for i in 0..calls_per_thread {
                    // A different walk through the calls in every thread.
                    let k = (i * (2 * t + 1) + t * 17) % n;
                    let got = run(&specs[k], &devs);
                    let s = &specs[k];
                    assert!(
                        got == reference[k],
                        "thread {t}, call {i}: {:?} {:?} shape {} on {:?} differs from the \
                         single-threaded result",
                        s.metric,
                        s.dtype,
                        s.shape,
                        s.place
                    );
                    checked += 1;
                }
                checked
            })
        })
        .collect();
    let checked: usize = handles
        .into_iter()
        .map(|h| h.join().expect("a stress thread panicked"))
        .sum();
    let threaded_time = start.elapsed();
    let s2 = um::runtime::stats();
    assert_eq!(checked, THREADS * calls_per_thread);
    assert_eq!(
        s2.compiles, s1.compiles,
        "no compilation in the threaded run"
    );
    assert_eq!(s2.max_compiles_per_key, 1);
    // Every executable the threads touched was loaded from disk exactly once, however many
    // threads raced for it.
    assert_eq!(s2.disk_hits - s1.disk_hits, s2.memory_entries as u64);
    assert!(s2.memory_entries as u64 <= compiled);
    assert!(s2.memory_hits > s1.memory_hits);

    // No PJRT object outlives the calls: inputs, outputs, events and (once the calls are
    // dropped) the resident inputs are all destroyed; only the executables loaded from disk,
    // held by the cache, remain.
    drop(specs);
    let pjrt_after = um::pjrt::object_counts();
    assert_eq!(pjrt_after.events.live(), 0, "{pjrt_after:?}");
    assert_eq!(
        pjrt_after.buffers.live(),
        pjrt_start.buffers.live(),
        "{pjrt_after:?}"
    );
    assert_eq!(
        pjrt_after.executables.live(),
        pjrt_start.executables.live() + s2.memory_entries as u64,
        "{pjrt_after:?}"
    );
    assert_eq!(pjrt_after.executable_views.live(), 0);
    println!(
        "stress: {} calls ({} keys, {compiled} programs compiled) single-threaded in {:.2?}; \
         {THREADS} threads x {calls_per_thread} calls in {:.2?}; {} disk loads, {} memory hits, \
         {} PJRT buffers and {} events created and destroyed",
        reference.len(),
        keys.len(),
        reference_time,
        threaded_time,
        s2.disk_hits - s1.disk_hits,
        s2.memory_hits - s1.memory_hits,
        pjrt_after.buffers.created - pjrt_before.buffers.created,
        pjrt_after.events.created - pjrt_before.events.created,
    );
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn stress_8_threads() {
    stress(150);
}

#[test]
#[ignore = "long run: UM_STRESS_CALLS=5000 cargo test --test concurrency -- --ignored --nocapture"]
fn stress_8_threads_long() {
    let calls = std::env::var("UM_STRESS_CALLS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(5000);
    stress(calls);
}
