//! The metrics. Each is defined once, as a graph over [`Tensor`]s, and runs on every backend:
//! `ndarray` inputs are evaluated on the host, [`DeviceArray`](crate::DeviceArray) inputs are
//! compiled and executed on their device, and the result comes back as the same kind of array.

pub mod bmode;
pub mod catalog;
pub mod clip;
pub mod coherence;
pub mod motion;
pub mod noise;
pub mod resolution;
pub mod sharpness;
pub mod stats;
pub mod traced;

pub use crate::roi::{
    build_mask, create_circular_mask, create_rectangular_mask, MaskShape, MaskSize,
};
pub use bmode::{create_bmode_image, db_zero, decibel, Magnitude};
pub use clip::{
    clip_ratio, is_clipped_max_amplitude, is_clipped_threshold, ClipDetectMethod, ClipMethod,
    MaxAmplitudeParams, RangeFactor, ThresholdParams,
};
pub use coherence::{
    coherence_factor, coherence_maps, generalized_coherence_factor, phase_coherence_factor,
    sign_coherence_factor, CfParams, CoherenceMaps, CoherenceMapsOf, CoherenceMapsParams,
    GcfParams, PcfParams, ScfParams,
};
pub use resolution::{compute_fwhm, compute_sll, FwhmParams, FwhmResult, SllParams, SllResult};
pub use sharpness::{tenengrad, TenengradOf, TenengradOutput, TenengradParams};
pub use stats::{
    compute_cnr, compute_rf_snr, contrast, find_signal_and_noise, find_signal_and_noise_ranges,
    gcnr, tsnr, Aggregation, Bins, CnrParams, ContrastParams, FsnParams, GcnrParams, RfSnrParams,
    SignalNoiseRanges, SignalWidth, TsnrParams,
};

pub use motion::{corrcoef, pairwise_corrcoef, pairwise_corrcoef_agg, CorrElement, Pairs};
pub use noise::{
    channel_noise, noise_adjacent_frames, noise_repeated_measurements, NoiseEstimate, NoiseMethod,
};

pub(crate) use crate::nonfinite::check_inputs;

use ndarray::{Array, CowArray, Dimension};

use crate::backend::{Arg, ArrayArg, ArrayOf, Backend, Out, ScalarOf};
use crate::dtype::{DType, Element, RealElement};
use crate::error::Result;
use crate::graph::{trace_cached, ReduceKind, Tensor, TensorType};

/// Traces (once per key and input type) a one-input, one-output graph and runs it on the
/// input's backend.
pub(crate) fn map1<X, E, D>(
    key: &str,
    x: &X,
    build: impl FnOnce(&Tensor) -> Result<Tensor>,
) -> Result<ArrayOf<X, E, D>>
where
    X: ArrayArg,
    E: Element,
    D: Dimension,
{
    let program = trace_cached(key, &[x.tensor_type()], |a| Ok(vec![build(&a[0])?]))?;
    let mut outs = X::Backend::run(&program, vec![x.arg()])?;
    X::Backend::wrap(outs.remove(0))
}

/// Integers are computed in `f64` (numpy's rule for these metrics); inexact types are kept.
pub(crate) fn inexact(x: &Tensor) -> Tensor {
    if x.dtype().is_inexact() {
        x.clone()
    } else {
        x.cast(DType::F64)
    }
}

/// Traces (once per key and input types) a graph of any number of inputs, all of backend `B`,
/// and runs it there; returns the raw results (turn them into arrays with `B::wrap` /
/// `B::wrap_scalar`). The building block of [`map1`], [`map2`] and [`map1_scalar`].
pub(crate) fn run_graph<B: Backend>(
    key: &str,
    types: &[TensorType],
    args: Vec<Arg<'_>>,
    build: impl FnOnce(&[Tensor]) -> Result<Vec<Tensor>>,
) -> Result<Vec<Out>> {
    let program = trace_cached(key, types, build)?;
    B::run(&program, args)
}

/// The only result of a run.
fn single(mut outs: Vec<Out>) -> Result<Out> {
    match outs.len() {
        1 => Ok(outs.remove(0)),
        n => Err(crate::error::Error::graph(
            "run",
            format!("expected 1 result, got {n}"),
        )),
    }
}

/// Like [`map1`] for a two-input, one-output graph; both inputs live on one backend.
pub(crate) fn map2<A, B, E, D>(
    key: &str,
    a: &A,
    b: &B,
    build: impl FnOnce(&Tensor, &Tensor) -> Result<Tensor>,
) -> Result<ArrayOf<A, E, D>>
where
    A: ArrayArg,
    B: ArrayArg<Backend = A::Backend>,
    E: Element,
    D: Dimension,
{
    let types = [a.tensor_type(), b.tensor_type()];
    let outs = run_graph::<A::Backend>(key, &types, vec![a.arg(), b.arg()], |t| {
        Ok(vec![build(&t[0], &t[1])?])
    })?;
    A::Backend::wrap(single(outs)?)
}

/// Like [`map1`] for a graph with one rank-0 result: a scalar statistic (`f64` on the host, a
/// rank-0 device array on a device, so no host synchronisation).
pub(crate) fn map1_scalar<X, E>(
    key: &str,
    x: &X,
    build: impl FnOnce(&Tensor) -> Result<Tensor>,
) -> Result<ScalarOf<X, E>>
where
    X: ArrayArg,
    E: RealElement,
{
    let outs = run_graph::<X::Backend>(key, &[x.tensor_type()], vec![x.arg()], |t| {
        Ok(vec![build(&t[0])?])
    })?;
    X::Backend::wrap_scalar(single(outs)?)
}

/// Whether a reduce over `axes` of `t` covers a dimension longer than 32, which XLA CPU's tree
/// reduction rewriter turns into a chain of reduce-windows: one separately compiled kernel per
/// level, with the reduced operand written out to memory in between. It leaves multi-output
/// reduces alone and drops unused outputs, so [`count_true`] and [`any_true`] pair their reduce
/// with a second output that is used without changing the result: one fused kernel.
fn tree_rewritten(t: &Tensor, axes: &[usize]) -> bool {
    axes.iter().any(|&a| t.shape()[a] > 32)
}

/// The number of `true` in a bool tensor over `axes`, as f64 (exact up to 2⁵³), in one fused
/// reduce (see [`tree_rewritten`]): with `any`, which selects the count or 0, its value anyway.
pub(crate) fn count_true(b: &Tensor, axes: &[usize]) -> Tensor {
    let ones = b.cast(DType::F64);
    if !tree_rewritten(b, axes) {
        return ones.sum(axes);
    }
    let r = Tensor::reduce_many(&[(&ones, ReduceKind::Sum), (b, ReduceKind::Any)], axes);
    r[1].select(&r[0], &r[0].scalar(0.0))
}

/// `any` of a bool tensor over `axes` in one fused reduce (see [`tree_rewritten`]): with `all`,
/// or-ed back in (`all` implies `any` on a non-empty axis).
pub(crate) fn any_true(b: &Tensor, axes: &[usize]) -> Tensor {
    if !tree_rewritten(b, axes) {
        return b.any(axes);
    }
    let r = Tensor::reduce_many(&[(b, ReduceKind::Any), (b, ReduceKind::All)], axes);
    r[0].or(&r[1])
}

/// `Max`/`Min` reductions of `x` over `axes` that propagate NaN on **every** backend, as numpy's
/// and JAX's do (one variadic reduce). The PJRT CPU plugin's reduce-max/min drops NaNs, while
/// its elementwise maximum and the host evaluator propagate them; this adds an `any(isnan)`
/// operand to the same reduce and selects NaN where it is set. Integers are reduced directly.
pub(crate) fn reduce_extrema(x: &Tensor, kinds: &[ReduceKind], axes: &[usize]) -> Vec<Tensor> {
    let mut parts: Vec<(&Tensor, ReduceKind)> = kinds.iter().map(|&k| (x, k)).collect();
    if !x.dtype().is_real_float() {
        return Tensor::reduce_many(&parts, axes);
    }
    let nan = x.is_nan();
    parts.push((&nan, ReduceKind::Any));
    let mut r = Tensor::reduce_many(&parts, axes);
    let any_nan = r.pop().expect("one result per operand");
    r.iter()
        .map(|m| any_nan.select(&m.scalar(f64::NAN), m))
        .collect()
}
/// The results of [`run_graph`], taken in order.
pub(crate) struct Outs(std::vec::IntoIter<Out>);

impl Outs {
    /// The next result (an internal error if the program returned fewer than expected).
    pub(crate) fn next(&mut self) -> Result<Out> {
        self.0
            .next()
            .ok_or_else(|| crate::error::Error::Unsupported {
                what: "a metric program".into(),
                why: "it returned fewer results than traced; please report it".into(),
            })
    }
}

/// Like [`run_graph`] with the inputs given as (type, argument) pairs, and the results handed
/// out in order through [`Outs`].
pub(crate) fn run_inputs<B: Backend>(
    key: &str,
    inputs: Vec<(TensorType, Arg<'_>)>,
    build: impl FnOnce(&[Tensor]) -> Result<Vec<Tensor>>,
) -> Result<Outs> {
    let (types, args): (Vec<TensorType>, Vec<Arg<'_>>) = inputs.into_iter().unzip();
    Ok(Outs(run_graph::<B>(key, &types, args, build)?.into_iter()))
}

/// Puts a host array where `like` lives: kept on the host for a host `like`, copied to `like`'s
/// device otherwise. Used for small host-generated inputs (index lists) of device computations.
pub(crate) fn put_like<X: ArrayArg, E: Element, D: Dimension>(
    like: &X,
    a: Array<E, D>,
) -> Result<Out> {
    Ok(match like.arg() {
        Arg::Host(_) => Out::Host(E::into_host(CowArray::from(a.into_dyn()))),
        Arg::Device(buf) => Out::Device(buf.device().put(&a)?.raw().clone()),
    })
}

/// The type and argument of an input held as a backend result (see [`put_like`]).
pub(crate) fn out_input(o: &Out) -> (TensorType, Arg<'_>) {
    match o {
        Out::Host(t) => (t.ty(), Arg::Host(t.view())),
        Out::Device(b) => (b.ty().clone(), Arg::Device(b)),
    }
}

/// Copies a rank-0 integer result (`i32` or `i64`) to the host. For a device result this waits
/// for the computation: only the data-dependent checks of a few functions (documented there)
/// use it.
pub(crate) fn fetch_int(out: Out) -> Result<i64> {
    use crate::host::HostTensor;
    use crate::runtime::DeviceArray;
    use ndarray::Ix0;
    let bad = |what: String| crate::error::Error::Unsupported {
        what: "reading back a status value".into(),
        why: format!("{what}; please report it"),
    };
    match out {
        Out::Host(HostTensor::I32(a)) if a.ndim() == 0 => Ok(a[[]] as i64),
        Out::Host(HostTensor::I64(a)) if a.ndim() == 0 => Ok(a[[]]),
        Out::Host(t) => Err(bad(format!("host result {}", t.ty()))),
        Out::Device(b) => match b.ty().dtype {
            DType::I32 => Ok(DeviceArray::<i32, Ix0>::from_raw(b)?
                .to_ndarray()?
                .into_scalar() as i64),
            DType::I64 => Ok(DeviceArray::<i64, Ix0>::from_raw(b)?
                .to_ndarray()?
                .into_scalar()),
            _ => Err(bad(format!("device result {}", b.ty()))),
        },
    }
}

/// Reads back a scalar floating-point status value (f32 or f64) as `f64`.
pub(crate) fn fetch_f64(out: Out) -> Result<f64> {
    use crate::host::HostTensor;
    use crate::runtime::DeviceArray;
    use ndarray::Ix0;
    match out {
        Out::Host(HostTensor::F32(a)) if a.ndim() == 0 => Ok(a[[]] as f64),
        Out::Host(HostTensor::F64(a)) if a.ndim() == 0 => Ok(a[[]]),
        Out::Device(b) if b.ty().dtype == DType::F32 => Ok(DeviceArray::<f32, Ix0>::from_raw(b)?
            .to_ndarray()?
            .into_scalar() as f64),
        Out::Device(b) if b.ty().dtype == DType::F64 => Ok(DeviceArray::<f64, Ix0>::from_raw(b)?
            .to_ndarray()?
            .into_scalar()),
        other => Err(crate::error::Error::Unsupported {
            what: "reading back a status value".into(),
            why: format!(
                "a {} result, expected a float scalar; please report it",
                out_type(&other)
            ),
        }),
    }
}

fn out_type(o: &Out) -> String {
    match o {
        Out::Host(t) => format!("host {}", t.ty()),
        Out::Device(b) => format!("device {}", b.ty()),
    }
}
