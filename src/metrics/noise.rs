//! Channel noise: signal and noise power of repeated acquisitions of the same scene, and their
//! ratio in dB.
//!
//! Input `data` has shape `(R, *samples)`: `R` repetitions (acquisitions, frames) on axis 0 of
//! any number of samples (channels × time, pixels, ...), real or complex. Both estimators return
//! a [`NoiseEstimate`] of three scalar statistics in the real counterpart of the input dtype:
//! `signal_power` `S` and `noise_power` `N` in squared data units, **summed over all samples**
//! (total energy, not per sample or per repetition), and `snr_db = 10·log10(S/N)`.
//!
//! Scalar statistics follow the crate's rule: `f64` for host input; rank-0 device arrays for
//! device input, so nothing is copied back (one graph with three outputs per call).

use std::str::FromStr;

use super::{check_inputs, inexact, run_inputs};
use crate::backend::{Arg, ArrayArg, Backend, Out, ScalarOf};
use crate::dtype::Numeric;
use crate::error::{Error, Result};
use crate::graph::{all_axes, ReduceKind, Tensor};

/// How [`channel_noise`] separates signal from noise (the reference's `NoiseEstimationMethod`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum NoiseMethod {
    /// [`noise_repeated_measurements`]: signal = mean over repetitions, noise = variance about
    /// it. `"repeated_measurements"`.
    RepeatedMeasurements,
    /// [`noise_adjacent_frames`]: half-sums and half-differences of consecutive repetitions.
    /// `"adjacent_frames"`.
    AdjacentFrames,
}

impl NoiseMethod {
    /// The reference's name of the method.
    ///
    /// ```
    /// use ultrasound_metrics::metrics::NoiseMethod;
    /// assert_eq!(NoiseMethod::AdjacentFrames.as_str(), "adjacent_frames");
    /// ```
    pub fn as_str(self) -> &'static str {
        match self {
            NoiseMethod::RepeatedMeasurements => "repeated_measurements",
            NoiseMethod::AdjacentFrames => "adjacent_frames",
        }
    }
}

impl std::fmt::Display for NoiseMethod {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Parses the reference's names, `"repeated_measurements"` and `"adjacent_frames"`; anything else
/// is an [`Error::InvalidArgument`] (the reference's `ValueError`).
///
/// ```
/// use ultrasound_metrics::metrics::NoiseMethod;
/// assert_eq!("adjacent_frames".parse::<NoiseMethod>()?, NoiseMethod::AdjacentFrames);
/// assert!("tx_off".parse::<NoiseMethod>().is_err());
/// # Ok::<(), ultrasound_metrics::Error>(())
/// ```
impl FromStr for NoiseMethod {
    type Err = Error;
    fn from_str(s: &str) -> Result<Self> {
        match s {
            "repeated_measurements" => Ok(NoiseMethod::RepeatedMeasurements),
            "adjacent_frames" => Ok(NoiseMethod::AdjacentFrames),
            other => Err(Error::arg(
                "NoiseMethod::from_str",
                "method",
                format!(
                    "invalid noise estimation method: {other:?} (expected \"repeated_measurements\" or \"adjacent_frames\")"
                ),
            )),
        }
    }
}

/// The three statistics of a noise estimate. `S` is a scalar statistic type: `f64` on the host,
/// a rank-0 device array on a device.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct NoiseEstimate<S> {
    /// `10·log10(signal_power / noise_power)`, in dB.
    pub snr_db: S,
    /// Signal power `S`, summed over all samples (squared data units).
    pub signal_power: S,
    /// Noise power `N`, summed over all samples (squared data units).
    pub noise_power: S,
}

impl<S> NoiseEstimate<S> {
    /// `(snr_db, signal_power, noise_power)`, the reference's return order.
    pub fn into_tuple(self) -> (S, S, S) {
        (self.snr_db, self.signal_power, self.noise_power)
    }
}

/// The estimate type for data like `X`.
type EstimateOf<X> = NoiseEstimate<ScalarOf<X, <<X as ArrayArg>::Elem as Numeric>::Real>>;

pub(crate) fn check_data(func: &'static str, shape: &[usize]) -> Result<()> {
    if shape.is_empty() {
        return Err(Error::arg(
            func,
            "data",
            "must have at least 1 dimension (repetitions, *samples), got 0-d",
        ));
    }
    if shape.contains(&0) {
        return Err(Error::arg(
            func,
            "data",
            format!("must not be empty, got shape {shape:?}"),
        ));
    }
    Ok(())
}

fn with_snr(s: Tensor, n: Tensor) -> Vec<Tensor> {
    vec![(&s / &n).log10() * 10.0, s, n]
}

/// Sums over the repetitions axis (axis 0) in f64, one single-output reduce per term, then the
/// totals over the samples in one two-output reduce. XLA CPU emits a vectorised loop for a
/// single-output reduce that keeps the minor dimensions (here every sample), but a scalar loop
/// per element for a multi-output one: reducing all `R × samples` terms in one two-output reduce
/// ran at ~4 ns per complex element (12× the memory bound at (16, 64, 100, 100)); now only the
/// `samples` partial sums go through the scalar loop.
fn sample_then_total(per_rep: &[&Tensor], per_sample: &[&Tensor]) -> Vec<Tensor> {
    let parts: Vec<Tensor> = per_rep
        .iter()
        .map(|t| t.cast(crate::DType::F64).sum(&[0]))
        .chain(per_sample.iter().map(|t| t.cast(crate::DType::F64)))
        .collect();
    let rank = parts[0].rank();
    if rank == 0 {
        return parts; // data of shape (R,): one sample
    }
    let ops: Vec<(&Tensor, ReduceKind)> = parts.iter().map(|t| (t, ReduceKind::Sum)).collect();
    Tensor::reduce_many(&ops, &all_axes(rank))
}

/// `[snr_db, S, N]` with `μ = mean_r x`, `S = Σ|μ|²`, `N = Σ mean_r |x − μ|²`.
pub(crate) fn repeated_graph(data: &Tensor) -> Vec<Tensor> {
    let x = inexact(data);
    let r = x.shape()[0] as f64;
    let mu = x.mean(&[0]);
    let power = mu.abs2();
    let real = power.dtype();
    // per sample Σ_r |x − μ|² (f64), then S = Σ|μ|² and that noise summed over the samples
    let sums = sample_then_total(&[&(&x - &mu).abs2()], &[&power]);
    with_snr(sums[1].cast(real), (&sums[0] / r).cast(real))
}

/// `[snr_db, S, N]` with `S = Σ|(x_k + x_{k+1})/2|²` and `N = Σ|(x_{k+1} − x_k)/2|²`, one pass.
pub(crate) fn adjacent_graph(data: &Tensor) -> Vec<Tensor> {
    let x = inexact(data);
    let r = x.shape()[0];
    if r < 2 {
        // no adjacent pair: empty sums, 0/0
        let zero = x.scalar_of(0.0, x.dtype().real());
        return with_snr(zero.clone(), zero);
    }
    let (a, b) = (x.slice_axis(0, 0, r - 1), x.slice_axis(0, 1, r));
    let (sig, noi) = (((&a + &b) / 2.0).abs2(), ((&b - &a) / 2.0).abs2());
    // Accumulated in f64 whatever the data's precision (an f32 running sum over ~10^7 samples
    // drifts by ~1%): over the pairs per sample, then over the samples.
    let real = sig.dtype();
    let sums = sample_then_total(&[&sig, &noi], &[]);
    with_snr(sums[0].cast(real), sums[1].cast(real))
}

fn estimate<X>(func: &'static str, data: &X, method: NoiseMethod) -> Result<EstimateOf<X>>
where
    X: ArrayArg,
    X::Elem: Numeric,
{
    check_data(func, data.shape_slice())?;
    check_inputs(func, &[("data", data.arg())])?;
    let build = match method {
        NoiseMethod::RepeatedMeasurements => repeated_graph,
        NoiseMethod::AdjacentFrames => adjacent_graph,
    };
    if let Arg::Host(t) = data.arg() {
        let repeated = method == NoiseMethod::RepeatedMeasurements;
        if let Some([snr, s, n]) = host_kernel::estimate(&t, repeated) {
            return Ok(NoiseEstimate {
                snr_db: X::Backend::wrap_scalar(Out::Host(snr))?,
                signal_power: X::Backend::wrap_scalar(Out::Host(s))?,
                noise_power: X::Backend::wrap_scalar(Out::Host(n))?,
            });
        }
    }
    let mut outs = run_inputs::<X::Backend>(func, vec![(data.tensor_type(), data.arg())], |a| {
        Ok(build(&a[0]))
    })?;
    Ok(NoiseEstimate {
        snr_db: X::Backend::wrap_scalar(outs.next()?)?,
        signal_power: X::Backend::wrap_scalar(outs.next()?)?,
        noise_power: X::Backend::wrap_scalar(outs.next()?)?,
    })
}

/// **Noise from repeated measurements**: the mean over repetitions is the signal, the spread
/// about it the noise.
///
/// With `μ = (1/R) Σ_r x_r`: `S = Σ_samples |μ|²`, `N = Σ_samples (1/R) Σ_r |x_r − μ|²` (the
/// population variance, `|·|²` for complex data), `snr_db = 10·log10(S/N)`. Input
/// `(R, *samples)`; the statistics are in the real counterpart dtype (integers in `f64`).
/// `R = 1` gives `N = 0` and `snr_db = +∞`. This is the multiple-acquisition ("repeated
/// measurement") SNR method, e.g. Dietrich et al. 2007, *J. Magn. Reson. Imaging* 26:375–385.
/// Note that `N` is a biased (`1/R`) variance and that `S` still contains `N/R` of noise power.
///
/// Errors: 0-d or empty data.
///
/// ```
/// use ndarray::array;
/// use ultrasound_metrics as um;
/// let x = array![[1.0, 2.0], [3.0, 2.0]];           // μ = [2, 2]; deviations ±1 and 0
/// let e = um::noise_repeated_measurements(&x)?;
/// assert_eq!((e.signal_power, e.noise_power), (8.0, 1.0));
/// assert!((e.snr_db - 10.0 * 8f64.log10()).abs() < 1e-12);
/// let dev = um::Device::cpu()?;
/// let ed = um::noise_repeated_measurements(&dev.put(&x)?)?;  // three rank-0 device arrays
/// assert_eq!(ed.noise_power.to_ndarray()?.into_scalar(), 1.0);
/// # Ok::<(), um::Error>(())
/// ```
///
/// # Non-finite input
///
/// With [`NonFinite::Propagate`](crate::NonFinite) (no scan; the default `Error` policy rejects
/// NaN and ±Inf in the inputs with [`Error::NonFinite`](crate::Error::NonFinite)): NaN anywhere
/// gives NaN for all three values; ±Inf gives `signal_power = +inf`, `noise_power` and `snr_db`
/// NaN. Host and PJRT agree.
pub fn noise_repeated_measurements<X>(data: &X) -> Result<EstimateOf<X>>
where
    X: ArrayArg,
    X::Elem: Numeric,
{
    estimate(
        "noise_repeated_measurements",
        data,
        NoiseMethod::RepeatedMeasurements,
    )
}

/// **Noise from adjacent frames**: half-sums of consecutive repetitions are signal, their
/// half-differences noise (the difference method).
///
/// For `k = 0..R−2`: `S = Σ_k Σ_samples |(x_k + x_{k+1})/2|²`,
/// `N = Σ_k Σ_samples |(x_{k+1} − x_k)/2|²`, `snr_db = 10·log10(S/N)`. Differencing neighbours
/// cancels slow drift that would count as noise in [`noise_repeated_measurements`]. Input
/// `(R, *samples)`; statistics in the real counterpart dtype. `R = 1` has no pair: `S = N = 0`
/// and `snr_db` is NaN (as the reference's empty sums). The two-acquisition difference method:
/// NEMA MS 1-2008; Dietrich et al. 2007, *J. Magn. Reson. Imaging* 26:375–385.
///
/// Errors: 0-d or empty data.
///
/// ```
/// use ndarray::array;
/// use ultrasound_metrics as um;
/// let x = array![[1.0, 1.0], [3.0, 3.0]];            // sums (2, 2), differences (1, 1)
/// let e = um::noise_adjacent_frames(&x)?;
/// assert_eq!((e.signal_power, e.noise_power), (8.0, 2.0));
/// assert!(um::noise_adjacent_frames(&array![[1.0, 2.0]])?.snr_db.is_nan());
/// # Ok::<(), um::Error>(())
/// ```
///
/// # Non-finite input
///
/// With [`NonFinite::Propagate`](crate::NonFinite) (no scan; the default `Error` policy rejects
/// NaN and ±Inf in the inputs with [`Error::NonFinite`](crate::Error::NonFinite)): NaN anywhere
/// gives NaN for all three values; ±Inf gives infinite powers and a NaN `snr_db`. Host and PJRT
/// agree.
pub fn noise_adjacent_frames<X>(data: &X) -> Result<EstimateOf<X>>
where
    X: ArrayArg,
    X::Elem: Numeric,
{
    estimate("noise_adjacent_frames", data, NoiseMethod::AdjacentFrames)
}

/// **Channel noise** by the chosen [`NoiseMethod`]: dispatches to
/// [`noise_repeated_measurements`] or [`noise_adjacent_frames`] (same input, output and errors).
///
/// ```
/// use ndarray::Array3;
/// use num_complex::Complex32;
/// use ultrasound_metrics as um;
/// use um::metrics::NoiseMethod;
/// let x = Array3::from_shape_fn((8, 4, 16), |(r, c, t)| {
///     Complex32::new((t as f32 * 0.7 + c as f32).cos(), 0.01 * ((r * 7 + t) % 5) as f32)
/// });
/// let e = um::channel_noise(&x, "adjacent_frames".parse()?)?;
/// assert!(e.snr_db > 20.0);
/// assert_eq!(e, um::channel_noise(&x, NoiseMethod::AdjacentFrames)?);
/// # Ok::<(), um::Error>(())
/// ```
///
/// # Non-finite input
///
/// With [`NonFinite::Propagate`](crate::NonFinite) (no scan; the default `Error` policy rejects
/// NaN and ±Inf in the inputs with [`Error::NonFinite`](crate::Error::NonFinite)): as the chosen
/// method ([`noise_repeated_measurements`], [`noise_adjacent_frames`]).
pub fn channel_noise<X>(data: &X, method: NoiseMethod) -> Result<EstimateOf<X>>
where
    X: ArrayArg,
    X::Elem: Numeric,
{
    match method {
        NoiseMethod::RepeatedMeasurements => noise_repeated_measurements(data),
        NoiseMethod::AdjacentFrames => noise_adjacent_frames(data),
    }
}

/// The estimators on the host, computed directly: one read of the data, sample blocks in
/// parallel, every sum in `f64` (the evaluator of the graph materialises the broadcast mean
/// and the shifted slices, several full-size copies). Per block of samples the `R` rows are
/// visited while they sit in cache: the mean, then the deviations about it (repeated
/// measurements), or the half-sums and half-differences of neighbours (adjacent frames).
mod host_kernel {
    use ndarray::{arr0, CowArray, IxDyn};
    use num_complex::{Complex32, Complex64};
    use rayon::prelude::*;

    use crate::host::HostTensor;

    /// Samples per block (`R` rows of a block stay in cache).
    const BLOCK: usize = 1024;

    /// `(S, N)` of data `(r, s)` given row-major as `flat`, each element as `(re, im)` in `f64`.
    fn sums<E: Copy + Sync>(
        flat: &[E],
        (r, s): (usize, usize),
        to: impl Fn(E) -> (f64, f64) + Sync,
        repeated: bool,
    ) -> (f64, f64) {
        let blocks: Vec<(f64, f64)> = (0..s.div_ceil(BLOCK))
            .into_par_iter()
            .map(|b| {
                let (j0, j1) = (b * BLOCK, ((b + 1) * BLOCK).min(s));
                let row = |k: usize| flat[k * s + j0..k * s + j1].iter().map(|&e| to(e));
                let (mut sig, mut noi) = (0.0, 0.0);
                if repeated {
                    let mut mu = vec![(0.0, 0.0); j1 - j0];
                    for k in 0..r {
                        for (m, (re, im)) in mu.iter_mut().zip(row(k)) {
                            *m = (m.0 + re, m.1 + im);
                        }
                    }
                    for m in mu.iter_mut() {
                        *m = (m.0 / r as f64, m.1 / r as f64);
                        sig += m.0 * m.0 + m.1 * m.1;
                    }
                    for k in 0..r {
                        for (m, (re, im)) in mu.iter().zip(row(k)) {
                            let (dr, di) = (re - m.0, im - m.1);
                            noi += dr * dr + di * di;
                        }
                    }
                    (sig, noi / r as f64)
                } else {
                    // |(a ± b)/2|² as |a ± b|²/4 (an exact scaling), the quarter taken once
                    for k in 1..r {
                        for ((ar, ai), (br, bi)) in row(k - 1).zip(row(k)) {
                            let (sr, si, dr, di) = (ar + br, ai + bi, br - ar, bi - ai);
                            sig += sr * sr + si * si;
                            noi += dr * dr + di * di;
                        }
                    }
                    (sig * 0.25, noi * 0.25)
                }
            })
            .collect();
        blocks
            .into_iter()
            .fold((0.0, 0.0), |(a, b), (c, d)| (a + c, b + d))
    }

    fn run<E: Copy + Sync>(
        a: &CowArray<'_, E, IxDyn>,
        to: impl Fn(E) -> (f64, f64) + Sync,
        repeated: bool,
    ) -> (f64, f64) {
        let shape = a.shape();
        let (r, s) = (shape[0], shape[1..].iter().product::<usize>());
        let a = a.as_standard_layout();
        match a.as_slice() {
            Some(flat) => sums(flat, (r, s), to, repeated),
            None => (f64::NAN, f64::NAN), // unreachable: standard layout is contiguous
        }
    }

    /// `[snr_db, S, N]` as rank-0 host tensors of the real counterpart dtype (`snr_db` from `S`
    /// and `N` in that dtype, as the graph computes it); `None` for a dtype it does not take.
    pub(super) fn estimate(
        data: &HostTensor<'_>,
        repeated: bool,
    ) -> Option<[HostTensor<'static>; 3]> {
        let real = |v: f64| (v, 0.0);
        let (s, n, single) = match data {
            HostTensor::F32(a) => {
                let (s, n) = run(a, |v: f32| real(v as f64), repeated);
                (s, n, true)
            }
            HostTensor::C64(a) => {
                let (s, n) = run(a, |v: Complex32| (v.re as f64, v.im as f64), repeated);
                (s, n, true)
            }
            HostTensor::F64(a) => {
                let (s, n) = run(a, real, repeated);
                (s, n, false)
            }
            HostTensor::C128(a) => {
                let (s, n) = run(a, |v: Complex64| (v.re, v.im), repeated);
                (s, n, false)
            }
            HostTensor::I32(a) => {
                let (s, n) = run(a, |v: i32| real(v as f64), repeated);
                (s, n, false)
            }
            HostTensor::I64(a) => {
                let (s, n) = run(a, |v: i64| real(v as f64), repeated);
                (s, n, false)
            }
            HostTensor::Bool(_) => return None,
        };
        let out = |v: f64| HostTensor::from(arr0(v).into_dyn());
        let out32 = |v: f32| HostTensor::from(arr0(v).into_dyn());
        Some(if single {
            let (s, n) = (s as f32, n as f32);
            [out32((s / n).log10() * 10.0), out32(s), out32(n)]
        } else {
            [out((s / n).log10() * 10.0), out(s), out(n)]
        })
    }
}
