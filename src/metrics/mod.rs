//! The metrics. Each is defined once, as a graph over [`Tensor`]s, and runs on every backend:
//! `ndarray` inputs are evaluated on the host, [`DeviceArray`](crate::DeviceArray) inputs are
//! compiled and executed on their device, and the result comes back as the same kind of array.

pub mod catalog;
pub mod coherence;
pub mod motion;
pub mod noise;

pub use coherence::{
    coherence_factor, generalized_coherence_factor, phase_coherence_factor, sign_coherence_factor,
    CfParams, GcfParams, PcfParams, ScfParams,
};
pub use motion::{corrcoef, pairwise_corrcoef, pairwise_corrcoef_agg, CorrElement, Pairs};
pub use noise::{
    channel_noise, noise_adjacent_frames, noise_repeated_measurements, NoiseEstimate, NoiseMethod,
};

use ndarray::{Array, CowArray, Dimension};

use crate::backend::{Arg, ArrayArg, ArrayOf, Backend, Out};
use crate::dtype::{DType, Element};
use crate::error::Result;
use crate::graph::{trace_cached, Tensor, TensorType};

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

/// Traces (once per key and input types) a graph of any number of inputs and outputs and runs it
/// on backend `B`; the caller wraps each result with `B::wrap` / `B::wrap_scalar`. `map1` is the
/// one-input, one-array special case.
pub(crate) fn run_graph<B: Backend>(
    key: &str,
    inputs: Vec<(TensorType, Arg<'_>)>,
    build: impl FnOnce(&[Tensor]) -> Result<Vec<Tensor>>,
) -> Result<Outs> {
    let (types, args): (Vec<TensorType>, Vec<Arg<'_>>) = inputs.into_iter().unzip();
    let program = trace_cached(key, &types, build)?;
    Ok(Outs(B::run(&program, args)?.into_iter()))
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
