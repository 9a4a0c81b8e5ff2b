//! The **host** backend: evaluates a [`Program`](crate::graph::Program) with `ndarray`, op by op,
//! with the same semantics as the StableHLO lowering. Each metric is written once as a graph and
//! runs here and on PJRT devices.

mod eval;
mod fused;
mod kernels;
mod median;

use ndarray::{ArrayD, CowArray, IxDyn};
use num_complex::{Complex32, Complex64};

use crate::dtype::DType;
use crate::graph::TensorType;

pub use eval::eval;
#[cfg(test)]
pub(crate) use eval::eval_with;
pub use fused::{fusion, set_fusion, Fusion};

/// A dynamically typed host tensor, borrowed (inputs) or owned (results).
#[derive(Debug, Clone)]
#[allow(missing_docs)]
pub enum HostTensor<'a> {
    Bool(CowArray<'a, bool, IxDyn>),
    I32(CowArray<'a, i32, IxDyn>),
    I64(CowArray<'a, i64, IxDyn>),
    F32(CowArray<'a, f32, IxDyn>),
    F64(CowArray<'a, f64, IxDyn>),
    C64(CowArray<'a, Complex32, IxDyn>),
    C128(CowArray<'a, Complex64, IxDyn>),
}

/// Applies `$body` to the array inside any variant, binding it as `$a`.
macro_rules! with_host {
    ($t:expr, $a:ident => $body:expr) => {
        match $t {
            HostTensor::Bool($a) => $body,
            HostTensor::I32($a) => $body,
            HostTensor::I64($a) => $body,
            HostTensor::F32($a) => $body,
            HostTensor::F64($a) => $body,
            HostTensor::C64($a) => $body,
            HostTensor::C128($a) => $body,
        }
    };
}
pub(crate) use with_host;

impl<'a> HostTensor<'a> {
    /// The element type.
    ///
    /// ```
    /// use ultrasound_metrics::host::HostTensor;
    /// let t = HostTensor::from(ndarray::arr1(&[1.0f32, 2.0]).into_dyn());
    /// assert_eq!(t.dtype(), ultrasound_metrics::DType::F32);
    /// ```
    pub fn dtype(&self) -> DType {
        match self {
            HostTensor::Bool(_) => DType::Bool,
            HostTensor::I32(_) => DType::I32,
            HostTensor::I64(_) => DType::I64,
            HostTensor::F32(_) => DType::F32,
            HostTensor::F64(_) => DType::F64,
            HostTensor::C64(_) => DType::C64,
            HostTensor::C128(_) => DType::C128,
        }
    }

    /// The shape.
    pub fn shape(&self) -> &[usize] {
        with_host!(self, a => a.shape())
    }

    /// The tensor type (dtype and shape).
    pub fn ty(&self) -> TensorType {
        TensorType::new(self.dtype(), self.shape())
    }

    /// Takes ownership of the data (copies a borrowed tensor).
    pub fn into_owned(self) -> HostTensor<'static> {
        match self {
            HostTensor::Bool(a) => HostTensor::Bool(a.into_owned().into()),
            HostTensor::I32(a) => HostTensor::I32(a.into_owned().into()),
            HostTensor::I64(a) => HostTensor::I64(a.into_owned().into()),
            HostTensor::F32(a) => HostTensor::F32(a.into_owned().into()),
            HostTensor::F64(a) => HostTensor::F64(a.into_owned().into()),
            HostTensor::C64(a) => HostTensor::C64(a.into_owned().into()),
            HostTensor::C128(a) => HostTensor::C128(a.into_owned().into()),
        }
    }

    /// A borrowed view of the same data.
    pub fn view(&self) -> HostTensor<'_> {
        match self {
            HostTensor::Bool(a) => HostTensor::Bool(a.view().into()),
            HostTensor::I32(a) => HostTensor::I32(a.view().into()),
            HostTensor::I64(a) => HostTensor::I64(a.view().into()),
            HostTensor::F32(a) => HostTensor::F32(a.view().into()),
            HostTensor::F64(a) => HostTensor::F64(a.view().into()),
            HostTensor::C64(a) => HostTensor::C64(a.view().into()),
            HostTensor::C128(a) => HostTensor::C128(a.view().into()),
        }
    }
}

impl<T: crate::Element> From<ArrayD<T>> for HostTensor<'static> {
    fn from(a: ArrayD<T>) -> Self {
        T::into_host(CowArray::from(a))
    }
}
