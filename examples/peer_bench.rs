//! Our side of `benches/peers/run.sh`: times every (case, metric) of the manifest written by
//! `benches/peers/peers.py` on the same `.npy` inputs, checks that our outputs (host and PJRT)
//! agree with the reference's saved output, and measures the machine's read bandwidth.
//!
//! Usage: `cargo run --release --example peer_bench -- MANIFEST.json OUT.json [--quick]`

use std::time::{Duration, Instant};

use ndarray::{ArrayBase, ArrayD, Data, Dimension, Ix2};
use num_complex::{Complex32, Complex64};
use serde_json::{json, Value};
use ultrasound_metrics as um;
use um::metrics::{
    Aggregation, ClipMethod, CnrParams, ContrastParams, FsnParams, FwhmParams, GcnrParams,
    MaskShape, MaxAmplitudeParams, NoiseEstimate, NoiseMethod, Pairs, RfSnrParams, SllParams,
    TenengradOutput, TenengradParams, ThresholdParams, TsnrParams,
};
use um::metrics::{CfParams, GcfParams, PcfParams, ScfParams};
use um::{Backend, DeviceArray, Element, RealElement};

/// Median and min of `f` over repetitions (after one warm-up), for at least `min_time`.
fn time(mut f: impl FnMut(), min_time: Duration) -> Value {
    f();
    let mut v = Vec::new();
    let start = Instant::now();
    while v.len() < 3 || (start.elapsed() < min_time && v.len() < 2000) {
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

/// Seconds for one read of `data` with `threads` threads (XOR of 64-bit words: vectorisable, so
/// the loop is limited by memory, not by arithmetic); one thread reads inline, with no spawn.
fn read_once(data: &[u64], threads: usize) -> f64 {
    let t = Instant::now();
    let total = if threads == 1 {
        data.iter().fold(0u64, |a, &b| a ^ b)
    } else {
        std::thread::scope(|s| {
            let hs: Vec<_> = data
                .chunks(data.len().div_ceil(threads))
                .map(|c| s.spawn(move || c.iter().fold(0u64, |a, &b| a ^ b)))
                .collect();
            hs.into_iter()
                .map(|h| h.join().unwrap())
                .fold(0, |a, b| a ^ b)
        })
    };
    std::hint::black_box(total);
    t.elapsed().as_secs_f64()
}

fn words(n: usize) -> Vec<u64> {
    (0..n as u64)
        .map(|i| i.wrapping_mul(0x9E37_79B9_7F4A_7C15))
        .collect()
}

/// Reads a 256 MiB buffer (DRAM) with `threads` threads; returns GB/s (best of 5).
fn read_bandwidth(threads: usize) -> f64 {
    let data = words(32 << 20);
    let best = (0..5)
        .map(|_| read_once(&data, threads))
        .fold(f64::INFINITY, f64::min);
    (data.len() * 8) as f64 / best / 1e9
}

/// Read bandwidth (GB/s) over a buffer of `bytes`, the size of one input, read again and again
/// like the benchmark reads its input: the best of one thread inline and two threads, each the
/// best of several reads. On a machine whose last-level cache holds the input this is the cache's
/// bandwidth, which is what bounds a repeated call on the same input.
fn read_bandwidth_at(bytes: usize) -> f64 {
    let data = words((bytes / 8).max(512));
    let reps = (1usize << 28).div_ceil(bytes.max(1)).clamp(5, 2000);
    let best = [1usize, 2]
        .iter()
        .flat_map(|&threads| (0..reps).map(move |_| threads))
        .map(|threads| read_once(&data, threads))
        .fold(f64::INFINITY, f64::min);
    (data.len() * 8) as f64 / best / 1e9
}

/// PJRT's own per-call floor on this machine, for the tiny-input targets: one elementwise add
/// run on a device-resident input, with `n` elements. XLA's CPU client runs an executable on the
/// calling thread only when its cost analysis estimates fewer than 1000 flops; `n = 16` stays
/// under that (inline), `n = 2048` goes to the plugin's worker thread like most metrics do.
fn pjrt_floor(dev: &um::Device, n: usize, min: Duration) -> Value {
    use um::graph::TensorType;
    use um::runtime::{execute_text, TextProgram};
    let t = TensorType::new(um::DType::F32, &[n]);
    let text = format!(
        "func.func public @main(%a: tensor<{n}xf32>) -> tensor<{n}xf32> {{\n  \
         %0 = stablehlo.add %a, %a : tensor<{n}xf32>\n  return %0 : tensor<{n}xf32>\n}}"
    );
    let p = TextProgram::new(&format!("floor_add_{n}"), &text, vec![t.clone()], vec![t]);
    let x = dev
        .put(&ndarray::Array1::from_elem(n, 1.5f32))
        .expect("put the floor input");
    let u = x.untyped();
    time(
        || {
            let out = execute_text(dev, &p, std::slice::from_ref(&u)).expect("floor program");
            std::hint::black_box(out);
        },
        min,
    )
}

/// Where a tiny CF call's time goes: the library call (checks, trace-cache hit, executable-cache
/// hit, execute, output wrapping) against `execute_text` of the very same program (execute
/// alone), both on the same device-resident c64 (8,4,4) input, interleaved.
fn tiny_cf_split(dev: &um::Device, min: Duration) -> Value {
    use um::graph::{trace, TensorType};
    use um::runtime::{execute_text, TextProgram};
    let x = ndarray::Array3::from_shape_fn((8, 4, 4), |(a, b, c)| {
        Complex32::new((a + b) as f32, c as f32 - 1.0)
    });
    let xd = dev.put(&x).expect("put the tiny input");
    let ty = TensorType::new(um::DType::C64, &[8, 4, 4]);
    let p = trace("cf_tiny_split", std::slice::from_ref(&ty), |a| {
        Ok(vec![um::metrics::traced::coherence_factor(
            &a[0],
            CfParams::default(),
        )?])
    })
    .expect("trace CF");
    let tp = TextProgram::new(
        "cf_tiny_split",
        &p.to_stablehlo(),
        vec![ty],
        p.outputs().to_vec(),
    );
    let u = xd.untyped();
    let library = time(
        || {
            std::hint::black_box(um::coherence_factor(&xd, CfParams::default()).expect("cf"));
        },
        min,
    );
    let execute = time(
        || {
            std::hint::black_box(
                execute_text(dev, &tp, std::slice::from_ref(&u)).expect("cf text"),
            );
        },
        min,
    );
    json!({"library": library, "execute_only": execute})
}

/// The host backend's per-call floor: the same add of 16 values, traced once, through
/// `host::eval`.
fn host_floor(min: Duration) -> Value {
    use um::graph::{trace, TensorType};
    let p = trace(
        "floor_add",
        &[TensorType::new(um::DType::F32, &[16])],
        |x| Ok(vec![&x[0] + &x[0]]),
    )
    .expect("trace the floor program");
    let x = um::host::HostTensor::from(ndarray::Array1::from_elem(16, 1.5f32).into_dyn());
    time(
        || {
            let out = um::host::eval(&p, vec![x.view()]).expect("host floor");
            std::hint::black_box(out);
        },
        min,
    )
}

/// `mean(CF)` as a differentiable objective (traced once per process and signature).
fn mean_cf() -> um::grad::Objective {
    um::grad::Objective::new("mean_cf", |a| {
        Ok(um::metrics::traced::coherence_factor(&a[0], CfParams::default())?.mean_all())
    })
}

// ---- outputs as one f64 vector (complex: re, im interleaved), like peers.py's `flat` ----------

trait Flat {
    fn flat(self) -> Vec<f64>;
}
trait ToF64s: Element {
    fn push(&self, v: &mut Vec<f64>);
}
macro_rules! real_to_f64 {
    ($($t:ty),*) => {$(impl ToF64s for $t { fn push(&self, v: &mut Vec<f64>) { v.push(*self as f64) } })*};
}
real_to_f64!(f32, f64, i32, i64);
impl ToF64s for bool {
    fn push(&self, v: &mut Vec<f64>) {
        v.push(if *self { 1.0 } else { 0.0 })
    }
}
impl ToF64s for Complex32 {
    fn push(&self, v: &mut Vec<f64>) {
        v.extend([self.re as f64, self.im as f64])
    }
}
impl ToF64s for Complex64 {
    fn push(&self, v: &mut Vec<f64>) {
        v.extend([self.re, self.im])
    }
}
impl<T: ToF64s, S: Data<Elem = T>, D: Dimension> Flat for ArrayBase<S, D> {
    fn flat(self) -> Vec<f64> {
        let mut v = Vec::with_capacity(self.len());
        for x in self.iter() {
            x.push(&mut v);
        }
        v
    }
}
impl<T: ToF64s, D: Dimension> Flat for DeviceArray<T, D> {
    fn flat(self) -> Vec<f64> {
        self.to_ndarray().unwrap().flat()
    }
}
impl Flat for f64 {
    fn flat(self) -> Vec<f64> {
        vec![self]
    }
}
impl<A: Flat, B: Flat> Flat for (A, B) {
    fn flat(self) -> Vec<f64> {
        let mut v = self.0.flat();
        v.extend(self.1.flat());
        v
    }
}
impl<S: Flat> Flat for NoiseEstimate<S> {
    fn flat(self) -> Vec<f64> {
        let (a, b, c) = self.into_tuple();
        let mut v = a.flat();
        v.extend(b.flat());
        v.extend(c.flat());
        v
    }
}
impl<B: Backend, M: Element, R: RealElement> Flat for TenengradOutput<B, M, R>
where
    B::Scalar<R>: Flat,
    B::Array<M, Ix2>: Flat,
    B::Array<M, ndarray::Ix1>: Flat,
{
    fn flat(self) -> Vec<f64> {
        match self {
            TenengradOutput::Statistic(s) => s.flat(),
            TenengradOutput::Map(m) => m.flat(),
            TenengradOutput::Values(v) => v.flat(),
        }
    }
}
impl Flat for um::metrics::FwhmResult {
    fn flat(self) -> Vec<f64> {
        self.widths().into_iter().flatten().collect()
    }
}
impl Flat for um::metrics::SllResult {
    fn flat(self) -> Vec<f64> {
        self.levels_db().into_iter().flatten().collect()
    }
}

// ---- inputs ------------------------------------------------------------------------------------

/// The inputs of one case, on the host or on the device. The accessors have the same names on
/// both, so one `dispatch!` body serves both backends.
enum In {
    C64(ArrayD<Complex32>),
    C128(ArrayD<Complex64>),
    F32(ArrayD<f32>),
    F64(ArrayD<f64>),
    Bool(ArrayD<bool>),
}
struct HostIns(Vec<In>, Vec<Option<ndarray::Array2<bool>>>);
struct DevIns {
    c64: Vec<Option<DeviceArray<Complex32, ndarray::IxDyn>>>,
    c128: Vec<Option<DeviceArray<Complex64, ndarray::IxDyn>>>,
    f32: Vec<Option<DeviceArray<f32, ndarray::IxDyn>>>,
    f64: Vec<Option<DeviceArray<f64, ndarray::IxDyn>>>,
    mask2: Vec<Option<DeviceArray<bool, Ix2>>>,
}
macro_rules! host_get {
    ($name:ident, $var:ident, $t:ty) => {
        fn $name(&self, i: usize) -> &ArrayD<$t> {
            match &self.0[i] {
                In::$var(a) => a,
                _ => panic!("input {i} is not {}", stringify!($var)),
            }
        }
    };
}
impl HostIns {
    host_get!(c64, C64, Complex32);
    host_get!(c128, C128, Complex64);
    host_get!(f32, F32, f32);
    host_get!(f64, F64, f64);
    fn new(ins: Vec<In>) -> Self {
        let masks = ins
            .iter()
            .map(|x| match x {
                In::Bool(a) => Some(a.clone().into_dimensionality().unwrap()),
                _ => None,
            })
            .collect();
        HostIns(ins, masks)
    }
    fn mask2(&self, i: usize) -> &ndarray::Array2<bool> {
        self.1[i].as_ref().expect("input type")
    }
    fn put(&self, dev: &um::Device) -> DevIns {
        let mut d = DevIns {
            c64: vec![],
            c128: vec![],
            f32: vec![],
            f64: vec![],
            mask2: vec![],
        };
        for x in &self.0 {
            d.c64.push(None);
            d.c128.push(None);
            d.f32.push(None);
            d.f64.push(None);
            d.mask2.push(None);
            match x {
                In::C64(a) => *d.c64.last_mut().unwrap() = Some(dev.put(a).unwrap()),
                In::C128(a) => *d.c128.last_mut().unwrap() = Some(dev.put(a).unwrap()),
                In::F32(a) => *d.f32.last_mut().unwrap() = Some(dev.put(a).unwrap()),
                In::F64(a) => *d.f64.last_mut().unwrap() = Some(dev.put(a).unwrap()),
                In::Bool(a) => {
                    let m = a.view().into_dimensionality::<Ix2>().unwrap();
                    *d.mask2.last_mut().unwrap() = Some(dev.put(&m).unwrap())
                }
            }
        }
        d
    }
}
macro_rules! dev_get {
    ($name:ident, $t:ty, $d:ty) => {
        fn $name(&self, i: usize) -> &DeviceArray<$t, $d> {
            self.$name[i].as_ref().expect("input type")
        }
    };
}
impl DevIns {
    dev_get!(c64, Complex32, ndarray::IxDyn);
    dev_get!(c128, Complex64, ndarray::IxDyn);
    dev_get!(f32, f32, ndarray::IxDyn);
    dev_get!(f64, f64, ndarray::IxDyn);
    dev_get!(mask2, bool, Ix2);
}

fn load(input: &Value) -> In {
    let path = input["path"].as_str().unwrap();
    match input["dtype"].as_str().unwrap() {
        "complex64" => In::C64(ndarray_npy::read_npy(path).unwrap()),
        "complex128" => In::C128(ndarray_npy::read_npy(path).unwrap()),
        "float32" => In::F32(ndarray_npy::read_npy(path).unwrap()),
        "float64" => In::F64(ndarray_npy::read_npy(path).unwrap()),
        "bool" => In::Bool(ndarray_npy::read_npy(path).unwrap()),
        d => panic!("dtype {d}"),
    }
}

/// Runs `metric` on `ins` (a `HostIns` or a `DevIns`) and hands the result to `$k`. The
/// parameters are the ones `peers.py` passes to the reference.
macro_rules! dispatch {
    ($metric:expr, $ins:expr, $frames:expr, $wide:expr, |$r:ident| $k:expr) => {{
        let ins = $ins;
        let frames: bool = $frames;
        macro_rules! coh {
            ($f:path, $p:expr) => {
                if $wide {
                    let $r = $f(ins.c128(0), $p).unwrap();
                    $k
                } else {
                    let $r = $f(ins.c64(0), $p).unwrap();
                    $k
                }
            };
        }
        macro_rules! go {
            ($e:expr) => {{
                let $r = $e.unwrap();
                $k
            }};
        }
        match $metric {
            "cf" => coh!(um::coherence_factor, CfParams { frames, ..Default::default() }),
            "gcf" => coh!(um::generalized_coherence_factor, GcfParams { m0: 1, frames }),
            "pcf" => coh!(um::phase_coherence_factor, PcfParams { frames, ..Default::default() }),
            "scf" => coh!(um::sign_coherence_factor, ScfParams { frames, ..Default::default() }),
            "cf_value_and_grad" => go!(mean_cf().value_and_grad(ins.c64(0), &[])),
            "contrast" => go!(um::contrast(ins.f32(0), ins.f32(1), ContrastParams::default())),
            "cnr" => go!(um::compute_cnr(ins.f32(0), ins.f32(1), CnrParams::default())),
            "cnr_median" => go!(um::compute_cnr(
                ins.f32(0),
                ins.f32(1),
                CnrParams {
                    fun_signal: Aggregation::Median,
                    fun_noise: Aggregation::Median,
                    ..Default::default()
                }
            )),
            "gcnr" => go!(um::gcnr(ins.f32(0), ins.f32(1), GcnrParams::default())),
            "rf_snr" => go!(um::compute_rf_snr(ins.f32(0), ins.f32(1), RfSnrParams::default())),
            "find_signal_and_noise" => {
                go!(um::find_signal_and_noise(ins.f32(0), FsnParams::default()))
            }
            "tsnr" => go!(um::tsnr(ins.c64(0), TsnrParams::default())),
            "tenengrad" => go!(um::tenengrad(ins.f32(0), None, TenengradParams::default())),
            "tenengrad_roi_mean" => {
                go!(um::tenengrad(
                    ins.f32(0),
                    Some(ins.mask2(1)),
                    TenengradParams { normalize: true, ..Default::default() }
                ))
            }
            "decibel" => go!(um::decibel(ins.f32(0))),
            "db_zero" => go!(um::db_zero(ins.f32(0))),
            "bmode" => go!(um::create_bmode_image(ins.c64(0))),
            "clip_threshold" => {
                go!(um::is_clipped_threshold(ins.f32(0), ThresholdParams::new(2.5)))
            }
            "clip_max_amplitude" => {
                go!(um::is_clipped_max_amplitude(ins.f32(0), MaxAmplitudeParams::default()))
            }
            "clip_ratio" => go!(um::clip_ratio(
                ins.f32(0),
                ClipMethod::Threshold(ThresholdParams::new(2.5))
            )),
            "build_mask_circle" => {
                let n = ins.f64(0).len() as f64;
                go!(um::build_mask(
                    (n * 0.05, n * 0.05),
                    n * 0.025,
                    ins.f64(0),
                    ins.f64(1),
                    MaskShape::Circle
                ))
            }
            "corrcoef" => go!(um::corrcoef(ins.f32(0))),
            "pairwise_corrcoef" => go!(um::pairwise_corrcoef(ins.f32(0), Pairs::All)),
            "pairwise_corrcoef_agg" => go!(um::pairwise_corrcoef_agg(ins.f32(0))),
            "noise_repeated" => {
                go!(um::channel_noise(ins.c64(0), NoiseMethod::RepeatedMeasurements))
            }
            "noise_adjacent" => go!(um::channel_noise(ins.c64(0), NoiseMethod::AdjacentFrames)),
            "fwhm" => go!(um::compute_fwhm(ins.f64(0), FwhmParams::default())),
            "sll" => go!(um::compute_sll(ins.f64(0), SllParams::default())),
            other => panic!("unknown metric {other}"),
        }
    }};
}

/// Agreement of `got` with the reference's `want`: same length, and every value within
/// `atol + rtol·|want|` (NaN matches NaN, infinities match by sign). Returns (ok, max abs error,
/// number of mismatches).
fn agree(got: &[f64], want: &[f64], rtol: f64, atol: f64) -> Value {
    if got.len() != want.len() {
        return json!({"ok": false, "why": format!("length {} vs reference {}", got.len(), want.len())});
    }
    let (mut bad, mut worst) = (0usize, 0f64);
    for (&g, &w) in got.iter().zip(want) {
        let same = (g.is_nan() && w.is_nan()) || g == w || (g - w).abs() <= atol + rtol * w.abs();
        if !same {
            bad += 1;
        }
        if g.is_finite() && w.is_finite() {
            worst = worst.max((g - w).abs());
        }
    }
    json!({"ok": bad == 0, "mismatches": bad, "max_abs_err": worst, "n": got.len()})
}

/// Our multi-device path for a coherence metric: the channel data pre-split over `devs` (along
/// the frames axis for a batch, else the first image axis) and the metric run on every slab
/// concurrently ([`um::runtime::ShardedArray`]); `None` for other metrics. The joined map is
/// checked against the single-device one.
fn sharded<T>(
    metric: &str,
    x: &ArrayD<T>,
    frames: bool,
    devs: &[um::Device],
    min: Duration,
) -> Option<Value>
where
    T: um::Numeric + Element,
    T::Real: Into<f64>,
{
    use um::runtime::ShardedArray;
    let (axis, out) = if frames { (0, 0) } else { (1, 0) };
    let xs = ShardedArray::split(x, axis, devs).unwrap();
    macro_rules! go {
        ($f:path, $p:expr) => {{
            let run = || xs.map(out, |s| $f(s, $p)).unwrap();
            let joined = run().to_ndarray().unwrap();
            let single = $f(x, $p).unwrap();
            let err = joined
                .iter()
                .zip(single.iter())
                .map(|(&a, &b)| (a.into() - b.into()).abs())
                .fold(0.0f64, f64::max);
            let mut t = time(
                || {
                    let _ = std::hint::black_box(run());
                },
                min,
            );
            t["max_abs_diff_vs_host"] = json!(err);
            Some(t)
        }};
    }
    match metric {
        "cf" => go!(
            um::coherence_factor,
            CfParams {
                frames,
                ..Default::default()
            }
        ),
        "gcf" => go!(
            um::generalized_coherence_factor,
            GcfParams { m0: 1, frames }
        ),
        "pcf" => go!(
            um::phase_coherence_factor,
            PcfParams {
                frames,
                ..Default::default()
            }
        ),
        "scf" => go!(
            um::sign_coherence_factor,
            ScfParams {
                frames,
                ..Default::default()
            }
        ),
        _ => None,
    }
}

/// The fused `coherence_maps` (CF, GCF m0=1, PCF, SCF in one executable) on a resident input,
/// on one device and split over `devs`.
fn fused<T>(
    x: &ArrayD<T>,
    frames: bool,
    dev: &um::Device,
    devs: &[um::Device],
    min: Duration,
) -> Value
where
    T: um::Numeric + Element,
{
    use um::runtime::ShardedArray;
    let p = um::metrics::CoherenceMapsParams {
        cf: true,
        gcf: Some(1),
        pcf: Some(1.0),
        scf: Some(1.0),
        bmode: false,
        frames,
    };
    let d = dev.put(x).unwrap();
    let one = time(
        || {
            let _ = std::hint::black_box(um::coherence_maps(&d, p).unwrap());
        },
        min,
    );
    let xs = ShardedArray::split(x, if frames { 0 } else { 1 }, devs).unwrap();
    let split = time(
        || {
            let _ = std::hint::black_box(xs.map_each(|s| um::coherence_maps(s, p)).unwrap());
        },
        min,
    );
    json!({"one_device": one, "sharded": split})
}

fn bench_case(entry: &Value, dev: &um::Device, min: Duration) -> Value {
    let metric = entry["metric"].as_str().unwrap();
    let frames = entry["frames"].as_bool().unwrap();
    let inputs = entry["inputs"].as_array().unwrap();
    let wide = inputs[0]["dtype"] == "complex128";
    let host = HostIns::new(inputs.iter().map(load).collect());
    let want: ndarray::Array1<f64> = ndarray_npy::read_npy(entry["expected"].as_str().unwrap())
        .unwrap_or_else(|_| ndarray::Array1::zeros(0));
    let (rtol, atol) = (
        entry["tol"]["rtol"].as_f64().unwrap(),
        entry["tol"]["atol"].as_f64().unwrap(),
    );
    let want = want.to_vec();

    let host_out = dispatch!(metric, &host, frames, wide, |r| r.flat());
    let host_time = time(
        || {
            dispatch!(metric, &host, frames, wide, |r| {
                let _ = std::hint::black_box(r);
            })
        },
        min,
    );
    let d = host.put(dev);
    // cold first call: no executable in memory or on disk -> trace hit + lower + compile + run
    um::runtime::set_disk_cache(false);
    um::runtime::clear_memory_cache();
    let before = um::runtime::stats();
    let first_call_cold = once(|| {
        dispatch!(metric, &d, frames, wide, |r| {
            let _ = r;
        })
    });
    let compile_s = (um::runtime::stats().compile_time - before.compile_time).as_secs_f64();
    // load from the on-disk cache: write it, drop the memory cache, call again
    um::runtime::set_disk_cache(true);
    um::runtime::clear_memory_cache();
    dispatch!(metric, &d, frames, wide, |r| {
        let _ = r;
    });
    um::runtime::clear_memory_cache();
    let before = um::runtime::stats();
    let first_call_disk = once(|| {
        dispatch!(metric, &d, frames, wide, |r| {
            let _ = r;
        })
    });
    let disk_load_s = (um::runtime::stats().disk_load_time - before.disk_load_time).as_secs_f64();
    let dev_out = dispatch!(metric, &d, frames, wide, |r| r.flat());
    let resident = time(
        || {
            dispatch!(metric, &d, frames, wide, |r| {
                let _ = std::hint::black_box(r);
            })
        },
        min,
    );
    let with_put = time(
        || {
            let d = host.put(dev);
            dispatch!(metric, &d, frames, wide, |r| {
                let _ = std::hint::black_box(r);
            })
        },
        min,
    );
    // the multi-device path and the fused entry point (coherence rows, not the tiny ones)
    let big = entry["input_bytes"].as_u64().unwrap_or(0) > 1 << 20;
    let cores = std::thread::available_parallelism().map_or(1, |n| n.get());
    let devs: Vec<um::Device> = dev.siblings().into_iter().take(cores.max(2)).collect();
    let (pjrt_sharded, fused_maps) = if !big || !matches!(metric, "cf" | "gcf" | "pcf" | "scf") {
        (None, None)
    } else if wide {
        let x = host.c128(0);
        (
            sharded(metric, x, frames, &devs, min),
            (metric == "cf").then(|| fused(x, frames, dev, &devs, min)),
        )
    } else {
        let x = host.c64(0);
        (
            sharded(metric, x, frames, &devs, min),
            (metric == "cf").then(|| fused(x, frames, dev, &devs, min)),
        )
    };
    let pjrt_checked = (big && matches!(metric, "cf" | "gcf" | "pcf" | "scf")).then(|| {
        um::set_nonfinite_policy(um::NonFinite::Error);
        let t = time(
            || {
                dispatch!(metric, &d, frames, wide, |r| {
                    let _ = std::hint::black_box(r);
                })
            },
            min,
        );
        um::set_nonfinite_policy(um::NonFinite::Propagate);
        t
    });
    json!({
        "pjrt_sharded": pjrt_sharded, "fused_maps": fused_maps, "pjrt_checked": pjrt_checked,
        "case": entry["case"], "metric": metric, "input_bytes": entry["input_bytes"],
        "host": host_time, "pjrt_resident": resident, "pjrt_put": with_put,
        "first_call_cold_s": first_call_cold, "first_call_disk_s": first_call_disk,
        "compile_s": compile_s, "disk_load_s": disk_load_s,
        "agree_host": agree(&host_out, &want, rtol, atol),
        "agree_pjrt": agree(&dev_out, &want, rtol, atol),
    })
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let quick = args.iter().any(|a| a == "--quick");
    let min = Duration::from_secs_f64(if quick { 0.2 } else { 1.0 });
    let manifest: Vec<Value> =
        serde_json::from_str(&std::fs::read_to_string(&args[1]).unwrap()).unwrap();
    let dev = um::Device::cpu().unwrap();
    // the reference does not scan its inputs for NaN/Inf: neither do we here (the default
    // policy's scan is timed separately, as `pjrt_checked`, on the coherence rows)
    um::set_nonfinite_policy(um::NonFinite::Propagate);
    // a private on-disk cache, so `disk` does not depend on what other processes cached
    um::runtime::set_disk_cache_dir(Some(std::env::temp_dir().join("um-peer-bench-cache")));
    let mut results = Vec::new();
    for entry in &manifest {
        let mut r = bench_case(entry, &dev, min);
        let bytes = entry["input_bytes"].as_u64().unwrap_or(0) as usize;
        r["read_gbps_at_size"] = json!(read_bandwidth_at(bytes));
        let ok = |k: &str| r[k]["ok"].as_bool().unwrap_or(false);
        eprintln!(
            "{:<24} {:<22} host {:9.3} ms  pjrt {:9.3} ms  (+put {:9.3} ms)  cold {:7.1} ms  disk {:6.2} ms  agree {}/{}",
            r["case"].as_str().unwrap(),
            r["metric"].as_str().unwrap(),
            r["host"]["median_s"].as_f64().unwrap() * 1e3,
            r["pjrt_resident"]["median_s"].as_f64().unwrap() * 1e3,
            r["pjrt_put"]["median_s"].as_f64().unwrap() * 1e3,
            r["first_call_cold_s"].as_f64().unwrap() * 1e3,
            r["first_call_disk_s"].as_f64().unwrap() * 1e3,
            ok("agree_host"),
            ok("agree_pjrt"),
        );
        results.push(r);
    }
    let bw = json!({"threads_1_gbps": read_bandwidth(1), "threads_2_gbps": read_bandwidth(2)});
    let floor = json!({"inline_add_16": pjrt_floor(&dev, 16, min), "worker_add_2048": pjrt_floor(&dev, 2048, min),
                       "host_add_16": host_floor(min), "tiny_cf": tiny_cf_split(&dev, min)});
    let out = json!({"device": dev.description(), "plugin": dev.plugin_version(), "bandwidth": bw,
                     "pjrt_floor": floor, "results": results});
    std::fs::write(&args[2], serde_json::to_string_pretty(&out).unwrap()).unwrap();
}
