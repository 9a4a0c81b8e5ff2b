//! Clipping (saturation) detection in raw channel data (the reference's `metrics.clip`).
//!
//! Data have shape `(*batch, sample)` (rank ≥ 1); each series along the **last** axis is one
//! acquisition line. [`is_clipped_threshold`] and [`is_clipped_max_amplitude`] return a `bool`
//! mask of the input's shape, [`clip_ratio`] the fraction of flagged samples. All are graphs
//! (host and device). Comparisons are made in the input precision (`f32` data against `f32`
//! thresholds, as JAX does in its default 32-bit mode); integer data are compared in `f64`.

use std::str::FromStr;

use super::{check_inputs, map1, map1_scalar, reduce_extrema};
use crate::backend::{ArrayArg, ArrayOf, ScalarOf};
use crate::dtype::{DType, Numeric};
use crate::error::{Error, Result};
use crate::graph::{all_axes, ReduceKind, Tensor};

type MaskOf<X> = ArrayOf<X, bool, <X as ArrayArg>::Dim>;

/// Parameters of [`is_clipped_threshold`]. `max_threshold` has no default (it is required by
/// the reference too); build with [`ThresholdParams::new`].
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct ThresholdParams {
    /// Upper clip level: real samples `> max_threshold` are flagged; complex samples with
    /// `|x| >= max_threshold`.
    pub max_threshold: f64,
    /// Lower clip level for real data: samples `< min_threshold` are flagged. `None` (default)
    /// means `−max_threshold`. Ignored for complex data, as in the reference.
    pub min_threshold: Option<f64>,
}

impl ThresholdParams {
    /// Symmetric thresholds `±max_threshold`.
    pub fn new(max_threshold: f64) -> Self {
        ThresholdParams {
            max_threshold,
            min_threshold: None,
        }
    }
}

/// The `range_factor` of [`is_clipped_max_amplitude`]: how close (as a fraction of each series'
/// range `max − min`) a sample must be to the series' extremes to be a clipping candidate.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum RangeFactor {
    /// One factor for both sides (the reference's scalar): `(f, f)` for real data; for complex
    /// data (which are replaced by `|x|`) only the high side, `(None, f)`.
    Both(f64),
    /// Separate factors (the reference's 2-tuple); `None` disables that side.
    Sides {
        /// Factor of the low side: `x <= min + low·(max − min)` is a candidate.
        low: Option<f64>,
        /// Factor of the high side: `x >= max − high·(max − min)` is a candidate.
        high: Option<f64>,
    },
}

impl Default for RangeFactor {
    fn default() -> Self {
        RangeFactor::Both(0.01)
    }
}

/// Parameters of [`is_clipped_max_amplitude`].
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct MaxAmplitudeParams {
    /// Closeness to the extremes (default `Both(0.01)`).
    pub range_factor: RangeFactor,
    /// A series is flagged only if it has a run of at least this many consecutive candidates
    /// (default 1; must be ≥ 1).
    pub min_contiguous: usize,
}

impl Default for MaxAmplitudeParams {
    fn default() -> Self {
        MaxAmplitudeParams {
            range_factor: RangeFactor::default(),
            min_contiguous: 1,
        }
    }
}

/// The name of a clip detection method (the reference's `ClipDetectMethod` string enum).
/// Parses from `"threshold"` and `"max_amplitude"`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ClipDetectMethod {
    /// [`is_clipped_threshold`].
    Threshold,
    /// [`is_clipped_max_amplitude`].
    MaxAmplitude,
}

impl ClipDetectMethod {
    /// The reference's name: `"threshold"` or `"max_amplitude"`.
    pub fn name(self) -> &'static str {
        match self {
            ClipDetectMethod::Threshold => "threshold",
            ClipDetectMethod::MaxAmplitude => "max_amplitude",
        }
    }
}

impl FromStr for ClipDetectMethod {
    type Err = Error;
    /// ```
    /// use ultrasound_metrics::metrics::ClipDetectMethod;
    /// assert_eq!("max_amplitude".parse::<ClipDetectMethod>().unwrap(), ClipDetectMethod::MaxAmplitude);
    /// assert!("foo".parse::<ClipDetectMethod>().is_err());
    /// ```
    fn from_str(s: &str) -> Result<Self> {
        match s {
            "threshold" => Ok(ClipDetectMethod::Threshold),
            "max_amplitude" => Ok(ClipDetectMethod::MaxAmplitude),
            other => Err(Error::arg(
                "clip_ratio",
                "method",
                format!("Invalid clip detection method: {other} (expected \"threshold\" or \"max_amplitude\")"),
            )),
        }
    }
}

/// The method of [`clip_ratio`], with its parameters.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum ClipMethod {
    /// Fixed thresholds ([`is_clipped_threshold`]); the reference's default method.
    Threshold(ThresholdParams),
    /// Closeness to each series' extremes ([`is_clipped_max_amplitude`]).
    MaxAmplitude(MaxAmplitudeParams),
}

impl ClipMethod {
    /// The method's name.
    pub fn method(&self) -> ClipDetectMethod {
        match self {
            ClipMethod::Threshold(_) => ClipDetectMethod::Threshold,
            ClipMethod::MaxAmplitude(_) => ClipDetectMethod::MaxAmplitude,
        }
    }
}

fn check_rank(func: &'static str, shape: &[usize]) -> Result<()> {
    if shape.is_empty() {
        return Err(Error::arg(
            func,
            "data",
            "must have at least 1 dimension (*batch, sample), got 0D",
        ));
    }
    Ok(())
}

/// Thresholds must not be NaN, and for real data the lower level (`min_threshold`, default
/// `−max_threshold`) must not exceed the upper one (an inverted range would flag every sample).
fn check_thresholds<X: ArrayArg>(func: &'static str, p: ThresholdParams) -> Result<()>
where
    X::Elem: Numeric,
{
    if p.max_threshold.is_nan() {
        return Err(Error::arg(func, "max_threshold", "must not be NaN"));
    }
    if p.min_threshold.is_some_and(f64::is_nan) {
        return Err(Error::arg(func, "min_threshold", "must not be NaN"));
    }
    let complex = <X::Elem as crate::dtype::Element>::DTYPE.is_complex();
    let min = p.min_threshold.unwrap_or(-p.max_threshold);
    if !complex && min > p.max_threshold {
        return Err(Error::arg(
            func,
            "min_threshold",
            format!(
                "inverted range: the lower clip level ({min}{}) exceeds max_threshold ({}); \
                 every sample would be flagged",
                if p.min_threshold.is_none() {
                    ", i.e. −max_threshold"
                } else {
                    ""
                },
                p.max_threshold
            ),
        ));
    }
    Ok(())
}

/// Integers are compared in `f64`; floats and complex numbers keep their precision.
fn comparable(x: &Tensor) -> Tensor {
    if x.dtype().is_int() {
        x.cast(DType::F64)
    } else {
        x.clone()
    }
}

/// The fraction of `true` in a mask (f64): its mean, with the count taken in one fused reduce.
pub(crate) fn ratio_graph(mask: &Tensor) -> Tensor {
    let n: f64 = mask.shape().iter().map(|&d| d as f64).product();
    super::count_true(mask, &all_axes(mask.rank())) / n
}

/// The threshold graph: `(x < min) | (x > max)` for real data, `|x| >= max` for complex data.
pub(crate) fn threshold_graph(x: &Tensor, p: ThresholdParams) -> Tensor {
    let x = comparable(x);
    if x.dtype().is_complex() {
        let a = x.abs();
        a.ge(&a.scalar(p.max_threshold))
    } else {
        let min = p.min_threshold.unwrap_or(-p.max_threshold);
        x.lt(&x.scalar(min)).or(&x.gt(&x.scalar(p.max_threshold)))
    }
}

/// The `(low, high)` factors after the scalar rule and validation.
pub(crate) fn sides(
    func: &'static str,
    f: RangeFactor,
    complex: bool,
) -> Result<(Option<f64>, Option<f64>)> {
    let (low, high) = match f {
        RangeFactor::Both(v) if complex => (None, Some(v)),
        RangeFactor::Both(v) => (Some(v), Some(v)),
        RangeFactor::Sides { low, high } => (low, high),
    };
    if low.is_none() && high.is_none() {
        return Err(Error::arg(
            func,
            "range_factor",
            "At least one side of range_factor must not be None to detect clips",
        ));
    }
    for (v, what) in [(low, "low_factor"), (high, "high_factor")] {
        if let Some(v) = v {
            if v.is_nan() || v < 0.0 {
                return Err(Error::arg(
                    func,
                    "range_factor",
                    format!("{what} must be non-negative, got {v}"),
                ));
            }
        }
    }
    Ok((low, high))
}

/// `t[..., i + s]` along the last axis, `false` past the end.
fn shift_last(t: &Tensor, s: usize) -> Tensor {
    let last = t.rank() - 1;
    let n = t.shape()[last];
    let s = s.min(n);
    let mut high = vec![0; t.rank()];
    high[last] = s;
    t.slice_axis(last, s, n).pad(&vec![0; t.rank()], &high, 0.0)
}

/// `w[..., i] = c[..., i] & c[..., i+1] & … & c[..., i+len-1]` (false where the window runs past
/// the end), by binary decomposition of `len` into doubling windows: O(log len) shifted ANDs.
pub(crate) fn window_all(c: &Tensor, len: usize) -> Tensor {
    let mut acc: Option<(Tensor, usize)> = None;
    let (mut pow, mut plen) = (c.clone(), 1usize);
    let mut rem = len;
    loop {
        if rem & 1 == 1 {
            acc = Some(match acc {
                None => (pow.clone(), plen),
                Some((a, alen)) => (a.and(&shift_last(&pow, alen)), alen + plen),
            });
        }
        rem >>= 1;
        if rem == 0 {
            break;
        }
        pow = pow.and(&shift_last(&pow, plen));
        plen *= 2;
    }
    acc.map(|(a, _)| a).unwrap_or_else(|| c.full_like(1.0))
}

/// The max-amplitude graph: candidates near each series' min/max, kept only in series that
/// contain a run of `min_contiguous` consecutive candidates.
pub(crate) fn max_amplitude_graph(
    x: &Tensor,
    low: Option<f64>,
    high: Option<f64>,
    min_contiguous: usize,
) -> Tensor {
    let x = comparable(x);
    let x = if x.dtype().is_complex() { x.abs() } else { x };
    let last = x.rank() - 1;
    let shape = x.shape().to_vec();
    let mut kept = shape.clone();
    kept[last] = 1;
    let r = reduce_extrema(&x, &[ReduceKind::Min, ReduceKind::Max], &[last]);
    let mn = r[0].reshape(&kept).broadcast_to(&shape);
    let mx = r[1].reshape(&kept).broadcast_to(&shape);
    let range = &mx - &mn;
    let lo = low.map(|f| x.le(&(&mn + &range * f)));
    let hi = high.map(|f| x.ge(&(&mx - &range * f)));
    let cand = match (lo, hi) {
        (Some(l), Some(h)) => l.or(&h),
        (Some(c), None) | (None, Some(c)) => c,
        (None, None) => x.ne(&x).and(&x.eq(&x)), // unreachable after validation: all false
    };
    if min_contiguous <= 1 {
        return cand;
    }
    let has_run = super::any_true(&window_all(&cand, min_contiguous), &[last]);
    cand.and(&has_run.reshape(&kept).broadcast_to(&shape))
}

/// **Threshold clipping mask**: flags samples beyond fixed clip levels.
///
/// Real data: `x < min_threshold` or `x > max_threshold` (**strict**; `min_threshold` defaults
/// to `−max_threshold`), so a sample exactly at the clip level is not flagged. Complex data:
/// `|x| >= max_threshold` (**inclusive**) and `min_threshold` is ignored — both as in the
/// reference (spec §3.14, bug list #14). Thresholds are in data units, compared in the input
/// precision. Input rank ≥ 1; output: a `bool` mask of the input's shape.
///
/// Errors: rank 0; a NaN threshold; for real data an inverted range, `min_threshold` (default
/// `−max_threshold`) above `max_threshold`.
///
/// ```
/// use ndarray::array;
/// use ultrasound_metrics as um;
/// use um::metrics::ThresholdParams;
/// let x = array![[0.1f32, 0.8, 0.9, -0.85]];
/// let m = um::is_clipped_threshold(&x, ThresholdParams::new(0.8))?;
/// assert_eq!(m, array![[false, false, true, true]]);
/// # Ok::<(), um::Error>(())
/// ```
///
/// # Non-finite input
///
/// With [`NonFinite::Propagate`](crate::NonFinite) (no scan; the default `Error` policy rejects
/// NaN and ±Inf in the inputs with [`Error::NonFinite`](crate::Error::NonFinite)): NaN is never
/// flagged (every comparison with NaN is false); ±Inf is flagged (beyond any finite threshold).
/// Host and PJRT agree.
pub fn is_clipped_threshold<X>(data: &X, params: ThresholdParams) -> Result<MaskOf<X>>
where
    X: ArrayArg,
    X::Elem: Numeric,
{
    const F: &str = "is_clipped_threshold";
    check_rank(F, data.shape_slice())?;
    check_thresholds::<X>(F, params)?;
    check_inputs(F, &[("data", data.arg())])?;
    let key = format!(
        "{F}{{max:{:?},min:{:?}}}",
        params.max_threshold, params.min_threshold
    );
    map1(&key, data, |x| Ok(threshold_graph(x, params)))
}

/// **Max-amplitude clipping mask**: flags samples at the extremes of each series (last axis),
/// for data whose clip level is unknown.
///
/// Per series, with `mn`, `mx` its minimum and maximum and `R = mx − mn`, a sample is a
/// candidate if `x <= mn + low·R` or `x >= mx − high·R` (inclusive; complex data are replaced by
/// `|x|`). If `min_contiguous > 1`, a series without a run of `min_contiguous` consecutive
/// candidates is cleared; otherwise its **whole** candidate mask is returned, including isolated
/// candidates outside the run. As in the reference, each series' min and max samples are always
/// candidates and a constant series is entirely flagged (spec §3.14, bug list #14).
///
/// Errors: `min_contiguous < 1`; both sides `None`; a negative (or NaN) factor; rank 0.
///
/// ```
/// use ndarray::array;
/// use ultrasound_metrics as um;
/// use um::metrics::{MaxAmplitudeParams, RangeFactor};
/// let x = array![0.0, 1.0, 1.0, 0.5, 0.2, 1.0, -1.0];
/// let p = MaxAmplitudeParams { range_factor: RangeFactor::Sides { low: None, high: Some(0.0) }, min_contiguous: 2 };
/// let m = um::is_clipped_max_amplitude(&x, p)?;
/// assert_eq!(m, array![false, true, true, false, false, true, false]);
/// # Ok::<(), um::Error>(())
/// ```
///
/// # Non-finite input
///
/// With [`NonFinite::Propagate`](crate::NonFinite) (no scan; the default `Error` policy rejects
/// NaN and ±Inf in the inputs with [`Error::NonFinite`](crate::Error::NonFinite)): a series holding
/// NaN has NaN extremes, so none of its samples is flagged; a series holding ±Inf has an infinite
/// range and every sample is flagged. Host and PJRT agree.
pub fn is_clipped_max_amplitude<X>(data: &X, params: MaxAmplitudeParams) -> Result<MaskOf<X>>
where
    X: ArrayArg,
    X::Elem: Numeric,
{
    const F: &str = "is_clipped_max_amplitude";
    check_rank(F, data.shape_slice())?;
    let (low, high, mc) = validate_max_amplitude::<X>(F, params)?;
    check_inputs(F, &[("data", data.arg())])?;
    let key = format!("{F}{{low:{low:?},high:{high:?},min_contiguous:{mc}}}");
    map1(&key, data, |x| Ok(max_amplitude_graph(x, low, high, mc)))
}

type Validated = (Option<f64>, Option<f64>, usize);

fn validate_max_amplitude<X: ArrayArg>(
    func: &'static str,
    p: MaxAmplitudeParams,
) -> Result<Validated>
where
    X::Elem: Numeric,
{
    if p.min_contiguous < 1 {
        return Err(Error::arg(
            func,
            "min_contiguous",
            "min_contiguous must be at least 1 for clip detection",
        ));
    }
    let complex = <X::Elem as crate::dtype::Element>::DTYPE.is_complex();
    let (low, high) = sides(func, p.range_factor, complex)?;
    Ok((low, high, p.min_contiguous))
}

/// **Clip ratio**: the fraction of samples flagged by `method`, `mean(mask)` in [0, 1]
/// (dimensionless). A scalar statistic: `f64` for host input, a rank-0 `f64` device array for
/// device input. Errors: empty data; those of the chosen method.
///
/// ```
/// use ndarray::array;
/// use ultrasound_metrics as um;
/// use um::metrics::{ClipMethod, ThresholdParams};
/// let x = array![[0.1, 0.95, -0.99, 0.2]];
/// let r = um::clip_ratio(&x, ClipMethod::Threshold(ThresholdParams::new(0.9)))?;
/// assert_eq!(r, 0.5);
/// # Ok::<(), um::Error>(())
/// ```
///
/// # Non-finite input
///
/// With [`NonFinite::Propagate`](crate::NonFinite) (no scan; the default `Error` policy rejects
/// NaN and ±Inf in the inputs with [`Error::NonFinite`](crate::Error::NonFinite)): the fraction of
/// the mask of the chosen method (see [`is_clipped_threshold`] and [`is_clipped_max_amplitude`]);
/// NaN samples count as not clipped. Host and PJRT agree.
pub fn clip_ratio<X>(data: &X, method: ClipMethod) -> Result<ScalarOf<X, f64>>
where
    X: ArrayArg,
    X::Elem: Numeric,
{
    const F: &str = "clip_ratio";
    check_rank(F, data.shape_slice())?;
    if data.shape_slice().contains(&0) {
        return Err(Error::arg(
            F,
            "data",
            format!(
                "is empty (shape {:?}): the fraction of clipped samples of no samples is undefined",
                data.shape_slice()
            ),
        ));
    }
    match &method {
        ClipMethod::Threshold(p) => check_thresholds::<X>(F, *p)?,
        ClipMethod::MaxAmplitude(p) => {
            validate_max_amplitude::<X>(F, *p)?;
        }
    }
    check_inputs(F, &[("data", data.arg())])?;
    let ratio = |m: Tensor| ratio_graph(&m);
    match method {
        ClipMethod::Threshold(p) => {
            let key = format!(
                "{F}{{threshold,max:{:?},min:{:?}}}",
                p.max_threshold, p.min_threshold
            );
            map1_scalar(&key, data, |x| Ok(ratio(threshold_graph(x, p))))
        }
        ClipMethod::MaxAmplitude(p) => {
            let (low, high, mc) = validate_max_amplitude::<X>(F, p)?;
            let key = format!("{F}{{max_amplitude,low:{low:?},high:{high:?},min_contiguous:{mc}}}");
            map1_scalar(&key, data, |x| {
                Ok(ratio(max_amplitude_graph(x, low, high, mc)))
            })
        }
    }
}
