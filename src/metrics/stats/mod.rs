//! Region statistics and signal-quality metrics: [`contrast`], [`compute_cnr`], [`gcnr`],
//! [`compute_rf_snr`], [`find_signal_and_noise`] and [`tsnr`].
//!
//! # Where the work runs
//!
//! * The **scalar statistics** ([`contrast`], [`compute_cnr`], [`gcnr`], [`compute_rf_snr`]) are
//!   graphs. On `ndarray` inputs they return a plain `f64`; on [`DeviceArray`](crate::DeviceArray)
//!   inputs they return a rank-0 device array in the real counterpart of the input dtype
//!   (`f32` for `f32`/`Complex32`, `f64` for `f64`/`Complex64`/integers), computed and kept on the
//!   device. [`contrast`] and [`compute_cnr`] wait for the device only for the non-finite
//!   scan of their inputs (policy [`NonFinite`](crate::NonFinite), default on). [`gcnr`] and
//!   [`compute_rf_snr`] have errors that depend on the data (a non-finite histogram range, a
//!   zero noise power, ...): the graph also returns a 4-byte status code, which is read back
//!   (this waits for the computation); the statistic itself stays on the device.
//! * [`tsnr`] is an array-shaped graph: `ndarray` in → `ndarray` out, device in → device out.
//! * [`find_signal_and_noise`] is index logic. The arg-max runs as a graph where the data lives
//!   and only its index (8 bytes) is read back; the two ranges are computed on the host, and
//!   the returned slices are cut by a graph on the data's backend.
//!
//! The two regions of a two-input statistic may have different shapes (each is reduced over all
//! its elements) but must share the element type and the backend: mixing a host array with a
//! device array does not compile.

mod cnr;
mod contrast;
mod fsn;
mod gcnr;
mod rf_snr;
mod tsnr;

pub use cnr::{compute_cnr, Aggregation, CnrParams};
pub use contrast::{contrast, ContrastParams};
pub use fsn::{
    find_signal_and_noise, find_signal_and_noise_ranges, FsnParams, SignalNoiseRanges, SignalWidth,
};
pub use gcnr::{gcnr, Bins, GcnrParams};
pub use rf_snr::{compute_rf_snr, RfSnrParams};
pub use tsnr::{tsnr, TsnrParams};

pub(crate) use cnr::cnr_graph;
pub(crate) use contrast::contrast_graph;
pub(crate) use gcnr::{gcnr_graph, GraphBins};
pub(crate) use rf_snr::rf_snr_graph;
pub(crate) use tsnr::{check_shape as check_tsnr_shape, tsnr_graph};

use super::{fetch_int, out_input, run_inputs};
use crate::backend::Out;
use crate::backend::{ArrayArg, Backend, ScalarOf};
use crate::dtype::Numeric;
use crate::error::{Error, Result};
use crate::graph::Tensor;

/// The scalar-statistic type returned for inputs like `A`: `f64` on the host, a rank-0 device
/// array of the real counterpart of `A`'s element type on a device.
pub type StatOf<A> = ScalarOf<A, <<A as ArrayArg>::Elem as Numeric>::Real>;

/// Status code of a successful data-dependent check.
pub(crate) const STATUS_OK: i64 = 0;

/// All elements as a rank-1 tensor.
pub(crate) fn flat(x: &Tensor) -> Tensor {
    let n = x.shape().iter().product::<usize>();
    x.reshape(&[n])
}

/// `10·log10(v)` where `v` is finite; `±inf` and NaN are returned unchanged (the reference's
/// `if isfinite(C)` guard of [`contrast`]).
pub(crate) fn db_if_finite(v: &Tensor) -> Tensor {
    v.is_finite().select(&(v.log10() * 10.0), v)
}

/// An error for an empty region (checked before anything runs).
pub(crate) fn check_nonempty(
    func: &'static str,
    arg: &'static str,
    shape: &[usize],
    msg: &str,
) -> Result<()> {
    if shape.iter().product::<usize>() == 0 {
        return Err(Error::arg(func, arg, msg.to_string()));
    }
    Ok(())
}

/// Runs a two-input graph with one rank-0 output (the statistic) on the inputs' backend.
pub(crate) fn scalar2<A, B>(
    key: &str,
    a: &A,
    b: &B,
    build: impl FnOnce(&Tensor, &Tensor) -> Tensor,
) -> Result<StatOf<A>>
where
    A: ArrayArg,
    A::Elem: Numeric,
    B: ArrayArg<Backend = A::Backend, Elem = A::Elem>,
{
    let args = vec![(a.tensor_type(), a.arg()), (b.tensor_type(), b.arg())];
    let mut outs = run_inputs::<A::Backend>(key, args, |t| Ok(vec![build(&t[0], &t[1])]))?;
    A::Backend::wrap_scalar(outs.next()?)
}

/// Like [`scalar2`] for graphs that also return an integer status (rank 0, [`STATUS_OK`] when
/// the data passed the graph's checks), plus optional extra arguments created by the library.
/// A non-OK status is turned into an error by `status_error`. Reading the status back waits for
/// the computation on a device.
pub(crate) fn checked_scalar2<A, B>(
    key: &str,
    a: &A,
    b: &B,
    extra: &[Out],
    build: impl FnOnce(&[Tensor]) -> (Tensor, Tensor),
    status_error: impl FnOnce(i64) -> Error,
) -> Result<StatOf<A>>
where
    A: ArrayArg,
    A::Elem: Numeric,
    B: ArrayArg<Backend = A::Backend, Elem = A::Elem>,
{
    let mut args = vec![(a.tensor_type(), a.arg()), (b.tensor_type(), b.arg())];
    args.extend(extra.iter().map(out_input));
    let mut outs = run_inputs::<A::Backend>(key, args, |t| {
        let (value, status) = build(t);
        Ok(vec![value, status])
    })?;
    let value = outs.next()?;
    let status = fetch_int(outs.next()?)?;
    if status != STATUS_OK {
        return Err(status_error(status));
    }
    A::Backend::wrap_scalar(value)
}

/// numpy's pairwise summation of `parts` (one real tensor, or the real and imaginary parts of a
/// complex one) over their last axis, reproduced operation by operation so that the rounding is
/// numpy's on every backend: fewer than 8 floats are added in sequence, up to 128 with 8
/// accumulators (4 complex lanes per part), longer runs split in two at a multiple of 8
/// (`numpy/_core/src/umath/loops_utils.h.src`). Graph size grows like `len/8`.
fn np_pairwise_sum(parts: &[Tensor], complex: bool, start: usize, floats: usize) -> Vec<Tensor> {
    let per = if complex { 2 } else { 1 };
    let axis = parts[0].rank() - 1;
    let count = floats / per;
    let elem = |p: &Tensor, i: usize| p.index_axis(axis, i);
    let sequential = |p: &Tensor, from: usize, to: usize, acc: Tensor| {
        (from..to).fold(acc, |acc, i| acc + elem(p, i))
    };
    if floats < 8 {
        return parts
            .iter()
            .map(|p| sequential(p, start + 1, start + count, elem(p, start)))
            .collect();
    }
    if floats <= 128 {
        let lanes = 8 / per;
        let blocks = (floats - floats % 8) / 8;
        return parts
            .iter()
            .map(|p| {
                let mut shape = p.shape()[..axis].to_vec();
                shape.extend([blocks, lanes]);
                let blk = p
                    .slice_axis(axis, start, start + blocks * lanes)
                    .reshape(&shape);
                let acc = (1..blocks).fold(blk.index_axis(axis, 0), |acc, b| {
                    acc + blk.index_axis(axis, b)
                });
                let l = |j: usize| acc.index_axis(axis, j);
                let res = if lanes == 8 {
                    ((l(0) + l(1)) + (l(2) + l(3))) + ((l(4) + l(5)) + (l(6) + l(7)))
                } else {
                    (l(0) + l(1)) + (l(2) + l(3))
                };
                sequential(p, start + blocks * lanes, start + count, res)
            })
            .collect();
    }
    let mut half = floats / 2;
    half -= half % 8;
    let a = np_pairwise_sum(parts, complex, start, half);
    let b = np_pairwise_sum(parts, complex, start + half / per, floats - half);
    a.into_iter().zip(b).map(|(x, y)| x + y).collect()
}

/// numpy's `mean(x, axis=-1)` bit for bit (for inexact `x` with a non-empty last axis):
/// pairwise sum, then `sum / n` for real data (in `f64` for `f32`, then rounded) and
/// `sum · (1/n)` per component for complex data (numpy divides by an `intp` count, which
/// promotes `float32`/`complex64` to double precision).
pub(crate) fn np_mean_last(x: &Tensor) -> Tensor {
    use crate::dtype::DType;
    let n = x.shape()[x.rank() - 1];
    let real = x.dtype().real();
    if x.dtype().is_complex() {
        // Re and Im stacked on a new leading axis, so that one chain of slices and adds sums
        // both (elementwise the same operations: bit for bit the two separate sums, with half
        // the graph and about half the XLA kernels to compile)
        let mut one = vec![1];
        one.extend_from_slice(x.shape());
        let both = Tensor::concat(&[&x.re().reshape(&one), &x.im().reshape(&one)], 0);
        let s = np_pairwise_sum(&[both], true, 0, 2 * n).remove(0);
        let inv = 1.0 / n as f64;
        let scale = |v: &Tensor| (v.cast(DType::F64) * inv).cast(real);
        scale(&s.index_axis(0, 0)).complex(&scale(&s.index_axis(0, 1)))
    } else {
        let s = np_pairwise_sum(std::slice::from_ref(x), false, 0, n)
            .remove(0)
            .cast(DType::F64);
        // a count XLA cannot fold, so that `s / n` is not rewritten as `s · (1/n)`
        let count = s.ne(&s).select(&s.scalar(f64::NAN), &s.scalar(n as f64));
        (&s / &count).cast(real)
    }
}

/// Regions up to this many values are summed with numpy's exact pairwise tree (a few hundred
/// graph operations at most); longer ones with the backend's reduction.
const EXACT_SUM_MAX: usize = 1024;

/// numpy's `abs(x)**2`, elementwise, in the real counterpart dtype: `x·x` for real data, the
/// modulus (hypot) squared for complex data.
///
/// Note: XLA may fuse such a product with a following subtraction into one FMA (one rounding
/// instead of numpy's two); LLVM proves `x·x ≥ 0`, so no identity barrier survives. Only
/// rounding-level results are affected (e.g. the spread of a constant region whose power is not
/// exactly representable: tiny instead of exactly 0 on PJRT).
pub(crate) fn np_power(x: &Tensor) -> Tensor {
    let a = if x.dtype().is_complex() {
        x.abs()
    } else {
        x.clone()
    };
    &a * &a
}

/// The mean over all elements (rank 0) like numpy's `mean`: the pairwise summation tree of the
/// flattened values (for up to [`EXACT_SUM_MAX`] values; the backend's reduction beyond), then
/// numpy's division: `sum / n` for real data (in `f64` for `f32`, then rounded) and
/// `sum · (1/n)` per component for complex data. For short regions the result is numpy's bit
/// for bit, which matters where a mean is subtracted from values equal to it.
pub(crate) fn np_mean_all(x: &Tensor) -> Tensor {
    use crate::dtype::DType;
    use crate::graph::ReduceKind;
    let n = x.shape().iter().product::<usize>();
    let real = x.dtype().real();
    let all: Vec<usize> = (0..x.rank()).collect();
    let exact = n > 0 && n <= EXACT_SUM_MAX;
    if x.dtype().is_complex() {
        let (re, im) = (flat(&x.re()), flat(&x.im()));
        let s = if exact {
            np_pairwise_sum(&[re, im], true, 0, 2 * n)
        } else {
            Tensor::reduce_many(&[(&re, ReduceKind::Sum), (&im, ReduceKind::Sum)], &[0])
        };
        let inv = 1.0 / n as f64;
        let scale = |v: &Tensor| (v.cast(DType::F64) * inv).cast(real);
        scale(&s[0]).complex(&scale(&s[1]))
    } else {
        let s = if exact {
            np_pairwise_sum(&[flat(x)], false, 0, n).remove(0)
        } else {
            x.sum(&all)
        };
        let s = s.cast(DType::F64);
        // a count XLA cannot fold, so that `s / n` is not rewritten as `s · (1/n)`
        let count = s.ne(&s).select(&s.scalar(f64::NAN), &s.scalar(n as f64));
        (&s / &count).cast(real)
    }
}
