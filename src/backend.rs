//! Backends and type preservation: one metric definition, run where its inputs live.
//!
//! A metric accepts any [`ArrayArg`]: an `ndarray` array (the [`Host`] backend evaluates the
//! graph with `ndarray`) or a [`DeviceArray`] (the [`Pjrt`] backend compiles the graph for the
//! array's device, caches the executable and runs it there). The result has the same kind as the
//! input: `ndarray` in → `ndarray` out, device array in → device array out, on the same device.
//!
//! Functions of several arrays require them to share one backend type
//! (`B: ArrayArg<Backend = A::Backend>`), so mixing a host array with a device array does not
//! compile:
//!
//! ```compile_fail,E0271
//! use ultrasound_metrics as um;
//! fn two<A: um::ArrayArg, B: um::ArrayArg<Backend = A::Backend>>(_: &A, _: &B) {}
//! let dev = um::Device::cpu().unwrap();
//! let a = ndarray::Array1::<f32>::ones(4);
//! let b = dev.put(&a).unwrap();
//! two(&a, &b); // host + device: rejected by the compiler (type mismatch Host != Pjrt)
//! ```
//!
//! while views, owned arrays and different dtypes of one backend mix freely:
//!
//! ```
//! use ultrasound_metrics as um;
//! fn two<A: um::ArrayArg, B: um::ArrayArg<Backend = A::Backend>>(_: &A, _: &B) {}
//! let a = ndarray::Array1::<f32>::ones(4);
//! let b = ndarray::Array2::<f64>::zeros((2, 2));
//! two(&a.view(), &b);
//! ```

use std::sync::Arc;

use ndarray::{Array, ArrayBase, CowArray, Data, Dimension, Ix0, IxDyn};

use crate::dtype::{Element, RealElement};
use crate::error::{Error, Result};
use crate::graph::{Program, TensorType};
use crate::host::{self, HostTensor};
use crate::runtime::{self, DeviceArray, RawBuffer};

mod sealed {
    pub trait Sealed {}
}

/// A dynamically typed argument handed to a backend.
#[doc(hidden)]
pub enum Arg<'a> {
    /// A borrowed host array.
    Host(HostTensor<'a>),
    /// A device buffer.
    Device(&'a Arc<RawBuffer>),
}

/// A dynamically typed result of a backend.
#[doc(hidden)]
pub enum Out {
    /// A host array.
    Host(HostTensor<'static>),
    /// A device buffer.
    Device(Arc<RawBuffer>),
}

/// Where a computation runs, and the array types it returns.
pub trait Backend: sealed::Sealed + Sized {
    /// The array type results come back as.
    type Array<E: Element, D: Dimension>;
    /// The type of a scalar statistic (`f64` on the host; a rank-0 device array on a device, so
    /// no host synchronisation is forced).
    type Scalar<E: RealElement>;

    /// Runs `program` on `args` (all of this backend).
    #[doc(hidden)]
    fn run(program: &Program, args: Vec<Arg<'_>>) -> Result<Vec<Out>>;
    /// Converts one result to the typed array.
    #[doc(hidden)]
    fn wrap<E: Element, D: Dimension>(out: Out) -> Result<Self::Array<E, D>>;
    /// Converts one rank-0 result to a scalar statistic.
    #[doc(hidden)]
    fn wrap_scalar<E: RealElement>(out: Out) -> Result<Self::Scalar<E>>;
}

/// The host backend: `ndarray` arrays, evaluated by [`host::eval`].
#[derive(Debug, Clone, Copy)]
pub struct Host;

/// The PJRT backend: [`DeviceArray`]s, executed by a PJRT plugin.
#[derive(Debug, Clone, Copy)]
pub struct Pjrt;

impl sealed::Sealed for Host {}
impl sealed::Sealed for Pjrt {}

fn internal(what: &str) -> Error {
    Error::Unsupported {
        what: what.to_string(),
        why: "a backend received an argument of another backend; please report it".into(),
    }
}

impl Backend for Host {
    type Array<E: Element, D: Dimension> = Array<E, D>;
    type Scalar<E: RealElement> = f64;

    fn run(program: &Program, args: Vec<Arg<'_>>) -> Result<Vec<Out>> {
        let host_args = args
            .into_iter()
            .map(|a| match a {
                Arg::Host(t) => Ok(t),
                Arg::Device(_) => Err(internal("host backend given a device array")),
            })
            .collect::<Result<Vec<_>>>()?;
        Ok(host::eval(program, host_args)?
            .into_iter()
            .map(Out::Host)
            .collect())
    }

    fn wrap<E: Element, D: Dimension>(out: Out) -> Result<Array<E, D>> {
        let Out::Host(t) = out else {
            return Err(internal("host backend returned a device array"));
        };
        let got = t.dtype();
        let a = E::from_host(t)
            .ok_or_else(|| internal(&format!("result dtype {got}, wanted {}", E::DTYPE)))?;
        a.into_dimensionality::<D>()
            .map_err(|e| internal(&format!("result rank: {e}")))
    }

    fn wrap_scalar<E: RealElement>(out: Out) -> Result<f64> {
        let a: Array<E, Ix0> = Self::wrap(out)?;
        Ok(a.into_scalar().to_f64())
    }
}

impl Backend for Pjrt {
    type Array<E: Element, D: Dimension> = DeviceArray<E, D>;
    type Scalar<E: RealElement> = DeviceArray<E, Ix0>;

    fn run(program: &Program, args: Vec<Arg<'_>>) -> Result<Vec<Out>> {
        let bufs = args
            .iter()
            .map(|a| match a {
                Arg::Device(b) => Ok(b.as_ref()),
                Arg::Host(_) => Err(internal("PJRT backend given a host array")),
            })
            .collect::<Result<Vec<&RawBuffer>>>()?;
        let device = bufs
            .first()
            .map(|b| b.device().clone())
            .ok_or_else(|| internal("a device program needs at least one device argument"))?;
        Ok(runtime::execute(&device, program, &bufs)?
            .into_iter()
            .map(Out::Device)
            .collect())
    }

    fn wrap<E: Element, D: Dimension>(out: Out) -> Result<DeviceArray<E, D>> {
        let Out::Device(b) = out else {
            return Err(internal("PJRT backend returned a host array"));
        };
        DeviceArray::from_raw(b)
    }

    fn wrap_scalar<E: RealElement>(out: Out) -> Result<DeviceArray<E, Ix0>> {
        Self::wrap(out)
    }
}

/// An array a metric accepts: an `ndarray` array or a [`DeviceArray`].
pub trait ArrayArg {
    /// Element type.
    type Elem: Element;
    /// Dimensionality (`Ix3`, `IxDyn`, ...).
    type Dim: Dimension;
    /// The backend that runs computations on this array.
    type Backend: Backend;
    /// The array's shape.
    fn shape_slice(&self) -> &[usize];
    /// The array's type.
    fn tensor_type(&self) -> TensorType {
        TensorType::new(Self::Elem::DTYPE, self.shape_slice())
    }
    /// A borrowed dynamically typed view for the backend.
    #[doc(hidden)]
    fn arg(&self) -> Arg<'_>;
}

impl<S, D, T> ArrayArg for ArrayBase<S, D>
where
    S: Data<Elem = T>,
    D: Dimension,
    T: Element,
{
    type Elem = T;
    type Dim = D;
    type Backend = Host;
    fn shape_slice(&self) -> &[usize] {
        self.shape()
    }
    fn arg(&self) -> Arg<'_> {
        Arg::Host(T::into_host(CowArray::from(self.view().into_dyn())))
    }
}

impl<T: Element, D: Dimension> ArrayArg for DeviceArray<T, D> {
    type Elem = T;
    type Dim = D;
    type Backend = Pjrt;
    fn shape_slice(&self) -> &[usize] {
        self.shape()
    }
    fn arg(&self) -> Arg<'_> {
        Arg::Device(self.raw())
    }
}

/// The array type a function returns for inputs like `X`, with element `E` and dimension `D`.
pub type ArrayOf<X, E, D> = <<X as ArrayArg>::Backend as Backend>::Array<E, D>;
/// The scalar-statistic type a function returns for inputs like `X`.
pub type ScalarOf<X, E> = <<X as ArrayArg>::Backend as Backend>::Scalar<E>;
/// The dynamic-rank array type for inputs like `X`.
pub type DynArrayOf<X, E> = ArrayOf<X, E, IxDyn>;

/// Runs `program` on the arguments (all of backend `B`) and returns its results.
#[doc(hidden)]
pub fn run<B: Backend>(program: &Program, args: Vec<Arg<'_>>) -> Result<Vec<Out>> {
    B::run(program, args)
}
