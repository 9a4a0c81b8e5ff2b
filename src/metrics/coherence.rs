//! The coherence family: how much the receive channels of each pixel agree.
//!
//! Every function takes channel data of shape `(M, *img_dims)` (`M` receive elements, any image
//! rank ≥ 1), or `(F, M, *img_dims)` with [`frames`](CfParams::frames) set, and returns a map of
//! shape `img_dims` (or `(F, *img_dims)`) in the real counterpart of the input dtype
//! (`Complex32 → f32`, `Complex64 → f64`; integers are computed in `f64`). Values lie in [0, 1].
//!
//! Where a denominator is exactly 0 (all channels zero) the result is 0, as in the reference's
//! `apply_where`; a NaN in a pixel's channels gives NaN at that pixel.

use ndarray::RemoveAxis;

use super::{check_inputs, inexact, map1};
use crate::backend::{ArrayArg, ArrayOf};
use crate::dtype::Numeric;
use crate::error::{Error, Result};
use crate::graph::{ReduceKind, Tensor, TensorType};

type MapOf<X> = ArrayOf<
    X,
    <<X as ArrayArg>::Elem as Numeric>::Real,
    <<X as ArrayArg>::Dim as ndarray::Dimension>::Smaller,
>;

/// Parameters of [`coherence_factor`].
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct CfParams {
    /// Power-based CF (`|Σx|² / (M Σ|x|²)`, the default) or amplitude-based (`|Σx| / Σ|x|`).
    pub power_based: bool,
    /// The input has a leading frames axis: `(F, M, *img_dims)`, computed in one executable.
    pub frames: bool,
}

impl Default for CfParams {
    fn default() -> Self {
        CfParams {
            power_based: true,
            frames: false,
        }
    }
}

/// Parameters of [`generalized_coherence_factor`].
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct GcfParams {
    /// Half-width of the low-frequency band: spatial frequencies `−m0..=m0` count as coherent.
    /// Must satisfy `m0 < M / 2` (the reference's rule). Default 1, as in the reference;
    /// `m0 = 0` equals the power-based CF.
    pub m0: usize,
    /// The input has a leading frames axis.
    pub frames: bool,
}

impl Default for GcfParams {
    fn default() -> Self {
        GcfParams {
            m0: 1,
            frames: false,
        }
    }
}

/// Parameters of [`phase_coherence_factor`].
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct PcfParams {
    /// Exponent applied to the coherence (≥ 0; default 1).
    pub power: f64,
    /// The input has a leading frames axis.
    pub frames: bool,
}

impl Default for PcfParams {
    fn default() -> Self {
        PcfParams {
            power: 1.0,
            frames: false,
        }
    }
}

/// Parameters of [`sign_coherence_factor`].
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct ScfParams {
    /// Exponent applied to the coherence (≥ 0; default 1).
    pub power: f64,
    /// The input has a leading frames axis.
    pub frames: bool,
}

impl Default for ScfParams {
    fn default() -> Self {
        ScfParams {
            power: 1.0,
            frames: false,
        }
    }
}

/// The channel axis, after checking the rank: `(M, *img)` needs rank ≥ 2, `(F, M, *img)` ≥ 3.
pub(crate) fn channel_axis(func: &'static str, shape: &[usize], frames: bool) -> Result<usize> {
    let (axis, min) = if frames { (1, 3) } else { (0, 2) };
    if shape.len() < min {
        let layout = if frames {
            "(frames, receive_elements, *img_dims)"
        } else {
            "(receive_elements, *img_dims)"
        };
        return Err(Error::arg(
            func,
            "channel_images",
            format!(
                "must have at least {min} dimensions {layout}, got {}D",
                shape.len()
            ),
        ));
    }
    if shape[axis] == 0 {
        return Err(Error::arg(
            func,
            "channel_images",
            format!("has no receive elements: the channel axis {axis} of shape {shape:?} is empty"),
        ));
    }
    Ok(axis)
}

pub(crate) fn check_power(func: &'static str, power: f64) -> Result<()> {
    if !(power.is_finite() && power >= 0.0) {
        return Err(Error::arg(
            func,
            "power",
            format!("must be finite and non-negative, got {power}"),
        ));
    }
    Ok(())
}

/// `|Σ_m v|²` from the two real sums of a (possibly complex) value: `re² + im²`.
fn modulus2(re: &Tensor, im: Option<&Tensor>) -> Tensor {
    match im {
        Some(im) => re * re + im * im,
        None => re * re,
    }
}

/// Sums `v` (and `extra`) over the channel axis in **one pass**: one variadic reduce yields
/// `Re Σv`, `Im Σv` (complex input only) and `Σ extra`.
fn channel_sums(v: &Tensor, extra: &Tensor, axis: usize) -> (Tensor, Option<Tensor>, Tensor) {
    if v.dtype().is_complex() {
        let (re, im) = (v.re(), v.im());
        let s = Tensor::reduce_many(
            &[
                (&re, ReduceKind::Sum),
                (&im, ReduceKind::Sum),
                (extra, ReduceKind::Sum),
            ],
            &[axis],
        );
        (s[0].clone(), Some(s[1].clone()), s[2].clone())
    } else {
        let s = Tensor::reduce_many(&[(v, ReduceKind::Sum), (extra, ReduceKind::Sum)], &[axis]);
        (s[0].clone(), None, s[1].clone())
    }
}

/// The coherence-factor graph: `CF = |Σ_m x|² / (M · Σ_m |x|²)`, or `|Σ_m x| / Σ_m |x|`.
pub(crate) fn cf_graph(x: &Tensor, axis: usize, power_based: bool) -> Tensor {
    let x = inexact(x);
    let m = x.shape()[axis] as f64;
    if power_based {
        let (s_re, s_im, power) = channel_sums(&x, &x.abs2(), axis);
        modulus2(&s_re, s_im.as_ref()).div_or(&(power * m), 0.0)
    } else {
        let (s_re, s_im, amplitude) = channel_sums(&x, &x.abs(), axis);
        modulus2(&s_re, s_im.as_ref())
            .sqrt()
            .div_or(&amplitude, 0.0)
    }
}

/// **Coherence factor** (Mallart & Fink 1994; Hollman et al. 1999): the ratio of coherent to
/// incoherent energy across the receive aperture, per pixel.
///
/// `CF(r) = |Σ_m x[m,r]|² / (M · Σ_m |x[m,r]|²)` (power-based, default), or
/// `CF(r) = |Σ_m x[m,r]| / Σ_m |x[m,r]|` (amplitude-based). Dimensionless, in [0, 1]; 0 where all
/// channels are zero. Input `(M, *img_dims)`, rank ≥ 2; output `img_dims`.
///
/// The power-based form reads the data once: `Σx` and `Σ|x|²` come from one variadic reduce.
///
/// ```
/// use ndarray::Array3;
/// use num_complex::Complex32;
/// use ultrasound_metrics as um;
///
/// // 8 identical channels: perfectly coherent
/// let x = Array3::from_elem((8, 4, 5), Complex32::new(1.0, -2.0));
/// let cf = um::coherence_factor(&x, Default::default())?;          // host backend
/// assert_eq!(cf.shape(), &[4, 5]);
/// assert!(cf.iter().all(|&v| (v - 1.0).abs() < 1e-6));
///
/// let dev = um::Device::cpu()?;                                      // PJRT CPU plugin
/// let cfd = um::coherence_factor(&dev.put(&x)?, Default::default())?; // stays on the device
/// assert!(cfd.to_ndarray()?.abs_diff_eq(&cf, 1e-6));
/// # Ok::<(), um::Error>(())
/// ```
///
/// # Non-finite input
///
/// With [`NonFinite::Propagate`](crate::NonFinite) (no scan; the default `Error` policy rejects
/// NaN and ±Inf in the inputs with [`Error::NonFinite`](crate::Error::NonFinite)): a pixel whose
/// channels contain NaN or ±Inf is NaN (`inf/inf`); other pixels are unaffected. Host and PJRT
/// agree.
pub fn coherence_factor<X>(channel_images: &X, params: CfParams) -> Result<MapOf<X>>
where
    X: ArrayArg,
    X::Elem: Numeric,
    X::Dim: RemoveAxis,
{
    const F: &str = "coherence_factor";
    let axis = channel_axis(F, channel_images.shape_slice(), params.frames)?;
    check_inputs(F, &[("channel_images", channel_images.arg())])?;
    let key = format!("{F}{{power_based:{},axis:{axis}}}", params.power_based);
    map1(&key, channel_images, |x| {
        Ok(cf_graph(x, axis, params.power_based))
    })
}

/// The GCF graph: a direct DFT of only the `2·m0+1` needed spatial-frequency bins.
pub(crate) fn gcf_graph(x: &Tensor, axis: usize, m0: usize) -> Tensor {
    let x = inexact(x);
    let m = x.shape()[axis];
    let real = x.dtype().real();
    let k_count = 2 * m0 + 1;
    // phase index (k·m mod M) for k in −m0..=m0 and m in 0..M, computed exactly in f64
    let grid = TensorType::new(crate::DType::F64, &[k_count, m]);
    let k = x.iota(grid.clone(), 0) - m0 as f64;
    let mm = x.iota(grid, 1);
    let km = &k * &mm;
    let wrapped = &km - (&km / m as f64).floor() * m as f64;
    let angle = wrapped * (-2.0 * std::f64::consts::PI / m as f64);
    let (w_re, w_im) = (angle.cos().cast(real), angle.sin().cast(real));
    // X[k, r] = Σ_m W[k, m] x[m, r], as real products of real and imaginary parts
    let contract = |w: &Tensor, v: &Tensor| w.dot_general(v, (&[], &[]), (&[1], &[axis]));
    let (x_re, x_im) = (
        x.re(),
        if x.dtype().is_complex() {
            Some(x.im())
        } else {
            None
        },
    );
    let (big_re, big_im) = match &x_im {
        Some(x_im) => (
            contract(&w_re, &x_re) - contract(&w_im, x_im),
            contract(&w_re, x_im) + contract(&w_im, &x_re),
        ),
        None => (contract(&w_re, &x_re), contract(&w_im, &x_re)),
    };
    // dot_general puts the batch (frames) axis after the k axis; sum over k (axis 0)
    let low = (&big_re * &big_re + &big_im * &big_im).sum(&[0]);
    let total = x.abs2().sum(&[axis]) * m as f64;
    low.div_or(&total, 0.0)
}

/// **Generalized coherence factor** (Li & Li 2003): the fraction of the aperture's energy in
/// the low spatial frequencies `−m0..=m0`.
///
/// With `X[k, r] = Σ_m x[m, r] e^{−2πikm/M}` (the DFT across channels),
/// `GCF(r) = Σ_{|k| ≤ m0} |X[k, r]|² / (M · Σ_m |x[m, r]|²)`; in [0, 1] by Parseval, 0 where all
/// channels are zero, and `m0 = 0` gives the power-based CF. Only the `2·m0+1` needed bins are
/// computed (a direct DFT as two small matrix products), not a full FFT.
///
/// Errors: rank < 2 or no receive elements, or `m0 ≥ M/2` (`M/2` rounded down, the
/// reference's rule).
///
/// ```
/// use ndarray::Array2;
/// use num_complex::Complex64;
/// use ultrasound_metrics as um;
/// use um::metrics::GcfParams;
///
/// // a pure spatial harmonic k = 1 across 16 channels: inside the band for m0 = 1
/// let x = Array2::from_shape_fn((16, 3), |(m, _)| {
///     Complex64::from_polar(1.0, 2.0 * std::f64::consts::PI * m as f64 / 16.0)
/// });
/// let g = um::generalized_coherence_factor(&x, GcfParams { m0: 1, ..Default::default() })?;
/// assert!((g[0] - 1.0).abs() < 1e-12);
/// assert!(um::generalized_coherence_factor(&x, GcfParams { m0: 8, ..Default::default() }).is_err());
/// # Ok::<(), um::Error>(())
/// ```
///
/// # Non-finite input
///
/// With [`NonFinite::Propagate`](crate::NonFinite) (no scan; the default `Error` policy rejects
/// NaN and ±Inf in the inputs with [`Error::NonFinite`](crate::Error::NonFinite)): a pixel whose
/// channels contain NaN or ±Inf is NaN; other pixels are unaffected. Host and PJRT agree.
pub fn generalized_coherence_factor<X>(channel_images: &X, params: GcfParams) -> Result<MapOf<X>>
where
    X: ArrayArg,
    X::Elem: Numeric,
    X::Dim: RemoveAxis,
{
    const F: &str = "generalized_coherence_factor";
    let shape = channel_images.shape_slice();
    let axis = channel_axis(F, shape, params.frames)?;
    let m = shape[axis];
    if params.m0 >= m / 2 {
        return Err(Error::arg(
            F,
            "m0",
            format!("m0 ({}) must be < num_elements/2 ({})", params.m0, m / 2),
        ));
    }
    check_inputs(F, &[("channel_images", channel_images.arg())])?;
    let key = format!("{F}{{m0:{},axis:{axis}}}", params.m0);
    map1(&key, channel_images, |x| Ok(gcf_graph(x, axis, params.m0)))
}

/// The PCF graph: `|mean_m x/|x||^power` (with `x/|x| = 0` at 0).
pub(crate) fn pcf_graph(x: &Tensor, axis: usize, power: f64) -> Tensor {
    pcf_coherence(x, axis).powf(power)
}

/// The PCF before the exponent: `|mean_m x/|x||`.
pub(crate) fn pcf_coherence(x: &Tensor, axis: usize) -> Tensor {
    let x = inexact(x);
    let m = x.shape()[axis] as f64;
    let u = x.sign(); // x/|x|, 0 where x = 0 (sign(x) for real input)
    if u.dtype().is_complex() {
        let s = Tensor::reduce_many(
            &[(&u.re(), ReduceKind::Sum), (&u.im(), ReduceKind::Sum)],
            &[axis],
        );
        modulus2(&s[0], Some(&s[1])).sqrt() / m
    } else {
        u.sum(&[axis]).abs() / m
    }
}

/// **Phase coherence factor**, as computed by the reference: the mean resultant length of the
/// unit phasors across the aperture, raised to `power`.
///
/// `PCF(r) = | (1/M) Σ_m x[m,r] / |x[m,r]| |^power`, with `x/|x| = 0` where `x = 0` (zero
/// channels still count in `M`). For real input this is `|mean sign(x)|^power`. In [0, 1];
/// `power = 0` gives 1 everywhere. Note: Camacho et al. 2009 define PCF from the phase standard
/// deviation; the reference (and this crate, for compatibility) computes the circular coherence,
/// which is monotonically related but numerically different.
///
/// Errors: rank < 2 or no receive elements; `power` negative or non-finite.
///
/// ```
/// use ndarray::array;
/// use ultrasound_metrics as um;
/// let x = array![[1.0, 2.0], [3.0, -1.0]]; // pixel 0: same polarity, pixel 1: opposite
/// let p = um::phase_coherence_factor(&x, Default::default())?;
/// assert_eq!(p, array![1.0, 0.0]);
/// # Ok::<(), um::Error>(())
/// ```
///
/// # Non-finite input
///
/// With [`NonFinite::Propagate`](crate::NonFinite) (no scan; the default `Error` policy rejects
/// NaN and ±Inf in the inputs with [`Error::NonFinite`](crate::Error::NonFinite)): a NaN channel
/// makes its pixel NaN; ±Inf is a finite phasor (`sign(±inf) = ±1`), so the pixel stays finite.
/// Host and PJRT agree.
pub fn phase_coherence_factor<X>(channel_images: &X, params: PcfParams) -> Result<MapOf<X>>
where
    X: ArrayArg,
    X::Elem: Numeric,
    X::Dim: RemoveAxis,
{
    const F: &str = "phase_coherence_factor";
    let axis = channel_axis(F, channel_images.shape_slice(), params.frames)?;
    check_power(F, params.power)?;
    check_inputs(F, &[("channel_images", channel_images.arg())])?;
    let key = format!("{F}{{power:{:?},axis:{axis}}}", params.power);
    map1(&key, channel_images, |x| {
        Ok(pcf_graph(x, axis, params.power))
    })
}

/// The SCF graph: `|1 − sqrt(max(1 − p², 0))|^power` with `p = mean_m sign(Re x)`.
pub(crate) fn scf_graph(x: &Tensor, axis: usize, power: f64) -> Tensor {
    scf_coherence(x, axis).powf(power)
}

/// The SCF before the exponent: `|1 − sqrt(max(1 − p², 0))|`.
pub(crate) fn scf_coherence(x: &Tensor, axis: usize) -> Tensor {
    let x = inexact(x);
    let b = x.re().sign(); // +1, −1, or 0 for an exact zero (numpy's sign)
    let p = b.mean(&[axis]);
    let sigma = (1.0 - &p * &p).max(&p.scalar(0.0)).sqrt();
    (1.0 - sigma).abs()
}

/// **Sign coherence factor** (Camacho et al. 2009): agreement of the polarity of the real part
/// across the aperture.
///
/// `b = sign(Re x)` (+1, −1, and **0 for an exact zero**, as numpy's `sign` in the reference),
/// `p(r) = mean_m b[m,r]`, `σ = sqrt(max(1 − p², 0))`, `SCF = |1 − σ|^power`. In [0, 1]. All-zero
/// channels give 0 (the paper's `b = +1` at 0 would give 1): this follows the reference.
///
/// Errors: rank < 2 or no receive elements; `power` negative or non-finite.
///
/// ```
/// use ndarray::array;
/// use ultrasound_metrics as um;
/// let x = array![[1.0, 1.0], [2.0, -1.0]];
/// let s = um::sign_coherence_factor(&x, Default::default())?;
/// assert_eq!(s, array![1.0, 0.0]);
/// # Ok::<(), um::Error>(())
/// ```
///
/// # Non-finite input
///
/// With [`NonFinite::Propagate`](crate::NonFinite) (no scan; the default `Error` policy rejects
/// NaN and ±Inf in the inputs with [`Error::NonFinite`](crate::Error::NonFinite)): a NaN channel
/// makes its pixel NaN; ±Inf counts by its sign (`±1`), so the pixel stays finite. Host and PJRT
/// agree.
pub fn sign_coherence_factor<X>(channel_images: &X, params: ScfParams) -> Result<MapOf<X>>
where
    X: ArrayArg,
    X::Elem: Numeric,
    X::Dim: RemoveAxis,
{
    const F: &str = "sign_coherence_factor";
    let axis = channel_axis(F, channel_images.shape_slice(), params.frames)?;
    check_power(F, params.power)?;
    check_inputs(F, &[("channel_images", channel_images.arg())])?;
    let key = format!("{F}{{power:{:?},axis:{axis}}}", params.power);
    map1(&key, channel_images, |x| {
        Ok(scf_graph(x, axis, params.power))
    })
}

/// The power-based CF graph over axis 0, for benchmarks that time compilation of the exact
/// program the metric runs.
#[doc(hidden)]
pub fn cf_graph_for_bench(x: &Tensor) -> Tensor {
    cf_graph(x, 0, true)
}
