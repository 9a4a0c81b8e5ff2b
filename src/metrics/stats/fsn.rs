//! Automatic signal and noise windows around the strongest echo of an RF line.

use std::ops::Range;

use crate::backend::{ArrayArg, ArrayOf};
use crate::dtype::{DType, Numeric};
use crate::error::{Error, Result};
use crate::graph::{ReduceKind, Tensor, TensorType};
use crate::metrics::{check_inputs, fetch_int, inexact, map1, out_input, put_like, run_inputs};

/// The signal window of [`find_signal_and_noise`] (the reference's `int` or `[before, after]`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum SignalWidth {
    /// A total width `w` around the peak `k`: `[k − w/2, k + w/2)` (`w/2` rounded down), i.e.
    /// `w/2` samples before the peak, the peak, and `w/2 − 1` after it, as in the reference.
    /// `w = 1` is the peak alone (the reference returns an empty window there, bug #18);
    /// `w = 0` (an empty window) is an [`Error::InvalidArgument`].
    Total(usize),
    /// `before` samples before the peak and `after − 1` after it: `[k − before, k + after)`.
    /// `before = after = 0` (an empty window) is an [`Error::InvalidArgument`].
    Window {
        /// Samples before the peak.
        before: usize,
        /// End of the window relative to the peak (exclusive): `after = 1` ends at the peak.
        after: usize,
    },
}

impl Default for SignalWidth {
    fn default() -> Self {
        SignalWidth::Total(20)
    }
}

/// Parameters of [`find_signal_and_noise`]. The defaults are the reference's.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct FsnParams {
    /// The signal window around the peak (default `Total(20)`).
    pub signal_width: SignalWidth,
    /// Samples skipped between the end of the signal window and the start of the noise window
    /// (default 50).
    pub noise_offset: usize,
    /// Samples (along axis 0) ignored before searching the peak (default 0). Python slice
    /// semantics, as in the reference: a negative value counts from the end, and the peak index
    /// is then `argmax + ignore_until` (which is what the reference computes, see
    /// [`find_signal_and_noise`]).
    pub ignore_until: i64,
    /// The noise window's maximum length; `None` (default) runs to the end of the data.
    pub noise_size: Option<usize>,
}

impl Default for FsnParams {
    fn default() -> Self {
        FsnParams {
            signal_width: SignalWidth::default(),
            noise_offset: 50,
            ignore_until: 0,
            noise_size: None,
        }
    }
}

/// The windows found by [`find_signal_and_noise_ranges`]: half-open ranges along axis 0.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct SignalNoiseRanges {
    /// Flat (row-major) index of the first maximum of `|data|` in the whole array (after
    /// `ignore_until`).
    pub peak: usize,
    /// The signal window (empty ranges are `s..s`).
    pub signal: Range<usize>,
    /// The noise window.
    pub noise: Range<usize>,
}

/// Python's `data[start:stop]` on an axis of length `len`, as a clamped half-open range.
fn py_slice(start: i64, stop: i64, len: i64) -> Range<usize> {
    let norm = |i: i64| if i < 0 { (i + len).max(0) } else { i.min(len) };
    let (a, b) = (norm(start), norm(stop));
    // a, b ∈ [0, len]
    (a as usize)..(b.max(a) as usize)
}

/// Flat index (`i64`, rank 0) of the first maximum of `|x|` over the elements from flat index
/// `first` (an `i64` scalar, a parameter so that one executable serves every `ignore_until`)
/// on; the first NaN there if any (numpy's `argmax`). NaN and the maximum are found explicitly,
/// whatever the backend's reductions do with NaN.
pub(crate) fn argmax_abs_graph(x: &Tensor, first: &Tensor) -> Tensor {
    let a = inexact(x).abs();
    let n = a.shape().iter().product::<usize>();
    let a = a.reshape(&[n]);
    let idx = a.iota(TensorType::new(DType::I64, &[n]), 0);
    let searched = idx.ge(first);
    let nan = a.ne(&a).and(&searched);
    let low = a.scalar(f64::NEG_INFINITY);
    let masked = searched.select(&a, &low);
    let r = Tensor::reduce_many(&[(&masked, ReduceKind::Max), (&nan, ReduceKind::Any)], &[0]);
    let candidate = r[1].select(&nan, &masked.eq(&r[0]).and(&searched));
    let first = candidate.select(&idx, &idx.scalar(i64::MAX as f64));
    // A two-output reduce: XLA CPU rewrites a single-output reduce over more than 32 elements
    // into a tree of reduce-windows, one compiled kernel per level. The `any` must be used (XLA
    // drops unused outputs); without a candidate the minimum is `i64::MAX` either way.
    let r = Tensor::reduce_many(
        &[(&first, ReduceKind::Min), (&candidate, ReduceKind::Any)],
        &[0],
    );
    r[1].select(&r[0], &r[0].scalar(i64::MAX as f64))
}

/// The two windows of [`find_signal_and_noise`], as ranges along axis 0.
///
/// The arg-max of `|data|` runs as a graph where the data lives; only the index is read back
/// (for device data this waits for the device). The window arithmetic is done on the host.
///
/// ```
/// use ndarray::Array1;
/// use ultrasound_metrics as um;
/// use um::metrics::{FsnParams, SignalWidth};
///
/// let mut rf = Array1::<f64>::zeros(300);
/// rf[100] = -5.0; // the strongest echo (by magnitude)
/// let r = um::find_signal_and_noise_ranges(&rf, FsnParams::default())?;
/// assert_eq!((r.peak, r.signal, r.noise), (100, 90..110, 160..300));
/// let p = FsnParams { signal_width: SignalWidth::Window { before: 3, after: 5 }, noise_size: Some(10), ..Default::default() };
/// let r = um::find_signal_and_noise_ranges(&rf, p)?;
/// assert_eq!((r.signal, r.noise), (97..105, 155..165));
/// let zero = FsnParams { signal_width: SignalWidth::Total(0), ..Default::default() };
/// assert!(matches!(
///     um::find_signal_and_noise_ranges(&rf, zero),
///     Err(um::Error::InvalidArgument { arg: "signal_width", .. })
/// ));
/// # Ok::<(), um::Error>(())
/// ```
///
/// # Non-finite input
///
/// With [`NonFinite::Propagate`](crate::NonFinite) (no scan; the default `Error` policy rejects
/// NaN and ±Inf in the inputs with [`Error::NonFinite`](crate::Error::NonFinite)): the first NaN is
/// the peak (numpy's `argmax`); otherwise ±Inf is the largest `|data|`. Host and PJRT agree.
pub fn find_signal_and_noise_ranges<X>(data: &X, params: FsnParams) -> Result<SignalNoiseRanges>
where
    X: ArrayArg,
    X::Elem: Numeric,
{
    const F: &str = "find_signal_and_noise";
    let empty = match params.signal_width {
        SignalWidth::Total(w) => (w == 0).then_some("Total(0)"),
        SignalWidth::Window { before, after } => {
            (before == 0 && after == 0).then_some("Window { before: 0, after: 0 }")
        }
    };
    if let Some(what) = empty {
        return Err(Error::arg(
            F,
            "signal_width",
            format!(
                "{what} gives an empty signal window (nothing to measure the signal on): \
                 use a width of at least 1 (e.g. Total(1), the peak alone)"
            ),
        ));
    }
    let shape = data.shape_slice().to_vec();
    if shape.is_empty() {
        return Err(Error::arg(
            F,
            "data",
            "must have at least 1 dimension, got a 0-d array",
        ));
    }
    let len = shape[0] as i64;
    let row: usize = shape[1..].iter().product();
    let iu = params.ignore_until;
    let searched = py_slice(iu, len, len);
    if searched.is_empty() || row == 0 {
        return Err(Error::arg(
            F,
            "data",
            "has no samples to search for the maximum (empty, or everything before `ignore_until`)",
        ));
    }
    check_inputs(F, &[("data", data.arg())])?;
    let s0 = searched.start;
    let first = put_like(data, ndarray::arr0((s0 * row) as i64))?;
    let mut outs = run_inputs::<X::Backend>(
        "find_signal_and_noise_argmax",
        vec![(data.tensor_type(), data.arg()), out_input(&first)],
        |a| Ok(vec![argmax_abs_graph(&a[0], &a[1])]),
    )?;
    // flat index into data[ignore_until:]
    let j = fetch_int(outs.next()?)? - (s0 * row) as i64;
    // the reference adds `ignore_until` as given, also when it is negative
    let k = j + iu;
    let sat = |v: usize| i64::try_from(v).unwrap_or(i64::MAX);
    let (start, end) = match params.signal_width {
        SignalWidth::Total(w) => {
            let h = sat(w / 2);
            let after = h.max(sat(w.min(1)));
            ((k - h).max(0), (k.saturating_add(after)).min(len))
        }
        SignalWidth::Window { before, after } => (
            (k - sat(before)).max(0),
            k.saturating_add(sat(after)).min(len),
        ),
    };
    let noise_start = end.saturating_add(sat(params.noise_offset)).min(len);
    let noise_end = match params.noise_size {
        None => len,
        Some(n) => noise_start.saturating_add(sat(n)).min(len),
    };
    Ok(SignalNoiseRanges {
        peak: (j as usize) + s0 * row,
        signal: py_slice(start, end, len),
        noise: py_slice(noise_start, noise_end, len),
    })
}

/// **Signal and noise windows** of an RF line, found around its strongest echo: returns
/// `(signal, noise)`, the two slices of `data` along axis 0.
///
/// `k` = index of the first maximum of `|data[ignore_until..]|` (plus `ignore_until`); the
/// signal window is `[k − w/2, k + w/2)` for [`SignalWidth::Total`]`(w)` (the peak alone for
/// `w = 1`) or `[k − before, k + after)`, clipped to the data; the noise window starts
/// `noise_offset` samples after the signal window and runs to the end, or for `noise_size`
/// samples. Indices are samples along axis 0; the heuristic is meant for 1-D RF lines. For
/// N-d data the reference's behaviour is kept: the arg-max is a *flat* index, used as an
/// index along axis 0 (which rarely makes sense). Feed the result to [`compute_rf_snr`](crate::compute_rf_snr).
///
/// The arg-max runs where the data lives and only its index is read back; the window
/// arithmetic is host-side index logic ([`find_signal_and_noise_ranges`] returns just the
/// ranges). The slices are copies of the data (the reference returns views), of the same kind
/// as the input: `ndarray` in → `ndarray` out, device in → device out (cut on the device, one
/// small executable per distinct window).
///
/// Errors: a 0-d array; no sample to search (empty data, or `ignore_until` past the end); an
/// empty signal window (`SignalWidth::Total(0)`, or `Window` with `before = after = 0`).
///
/// ```
/// use ndarray::Array1;
/// use ultrasound_metrics as um;
///
/// let rf = Array1::from_shape_fn(400, |i| if i == 150 { 8.0 } else { ((i * 7 % 5) as f64 - 2.0) * 0.1 });
/// let (signal, noise) = um::find_signal_and_noise(&rf, Default::default())?;
/// assert_eq!((signal.len(), noise.len()), (20, 400 - 210));
/// let snr = um::compute_rf_snr(&signal, &noise, Default::default())?;
/// assert!(snr > 20.0);
/// # Ok::<(), um::Error>(())
/// ```
///
/// # Non-finite input
///
/// With [`NonFinite::Propagate`](crate::NonFinite) (no scan; the default `Error` policy rejects
/// NaN and ±Inf in the inputs with [`Error::NonFinite`](crate::Error::NonFinite)): as
/// [`find_signal_and_noise_ranges`]: the first NaN, else a ±Inf sample, is the peak; the slices
/// carry the values unchanged.
#[allow(clippy::type_complexity)]
pub fn find_signal_and_noise<X>(
    data: &X,
    params: FsnParams,
) -> Result<(ArrayOf<X, X::Elem, X::Dim>, ArrayOf<X, X::Elem, X::Dim>)>
where
    X: ArrayArg,
    X::Elem: Numeric,
{
    let r = find_signal_and_noise_ranges(data, params)?;
    let cut = |range: &Range<usize>| {
        let (a, b) = (range.start, range.end);
        map1::<X, X::Elem, X::Dim>(
            &format!("find_signal_and_noise_slice{{{a}..{b}}}"),
            data,
            |x| Ok(x.slice_axis(0, a, b)),
        )
    };
    let signal = cut(&r.signal)?;
    let noise = cut(&r.noise)?;
    Ok((signal, noise))
}

#[cfg(test)]
mod tests {
    use super::py_slice;

    #[test]
    fn python_slices() {
        assert_eq!(py_slice(0, 10, 10), 0..10);
        assert_eq!(py_slice(-3, 10, 10), 7..10);
        assert_eq!(py_slice(0, -27, 300), 0..273);
        assert_eq!(py_slice(120, 6, 6), 6..6);
        assert_eq!(py_slice(-500, 5, 10), 0..5);
        assert_eq!(py_slice(8, 3, 10), 8..8);
        assert_eq!(py_slice(0, -500, 10), 0..0);
    }
}
