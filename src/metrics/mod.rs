//! The metrics. Each is defined once, as a graph over [`Tensor`]s, and runs on every backend:
//! `ndarray` inputs are evaluated on the host, [`DeviceArray`](crate::DeviceArray) inputs are
//! compiled and executed on their device, and the result comes back as the same kind of array.

pub mod catalog;
pub mod coherence;
pub mod resolution;

pub use coherence::{
    coherence_factor, generalized_coherence_factor, phase_coherence_factor, sign_coherence_factor,
    CfParams, GcfParams, PcfParams, ScfParams,
};
pub use resolution::{compute_fwhm, compute_sll, FwhmParams, FwhmResult, SllParams, SllResult};

use ndarray::Dimension;

use crate::backend::{ArrayArg, ArrayOf, Backend};
use crate::dtype::{DType, Element};
use crate::error::Result;
use crate::graph::{trace_cached, Tensor};

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
