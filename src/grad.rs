//! Gradients of scalar objectives built from metrics and graph operations.
//!
//! An [`Objective`] is a function of one or more arrays, written with traced tensors (the
//! [`traced`](crate::metrics::traced) metrics and the [`Tensor`] operations), that returns a
//! real scalar — for example the mean coherence factor of apodized channel data. Its gradient
//! with respect to the **first** argument (channel data, per-element weights, an image, ...)
//! is computed by reverse-mode automatic differentiation on the graph
//! ([`graph::autodiff`](crate::graph::autodiff)): the backward pass is appended to the forward
//! graph, and the whole program runs on the backend of the arguments like any metric —
//! `ndarray` in → `f64` value and `ndarray` gradient out (host backend), [`DeviceArray`] in →
//! rank-0 [`DeviceArray`] value and [`DeviceArray`] gradient out, on the same device, without a
//! host synchronisation.
//!
//! Caching: an objective is traced once per argument signature (and, for closures that capture
//! nothing, once per process), and the executable is cached by the program's fingerprint, so a
//! second call with the same signature compiles nothing — even from a new [`Objective`].
//!
//! **Complex arguments** get JAX's convention: for `z = x + i·y` the gradient is
//! `∂L/∂x − i·∂L/∂y` (e.g. `L = Σ|z|²` gives `2·conj(z)`); a first-order change is
//! `dL = Re Σ grad·dz`, and the steepest-ascent direction is `conj(grad)`. Real arguments get
//! real gradients. See [`graph::autodiff`](crate::graph::autodiff) for the rule of every
//! primitive and the choices made at non-differentiable points.
//!
//! Objectives that depend on the differentiated argument only through piecewise-constant
//! operations (a sign, a comparison, a histogram count, a clipping mask) have no useful
//! gradient: the call fails with [`Error::NotDifferentiable`] rather than returning zeros.
//!
//! ```
//! use ndarray::Array3;
//! use num_complex::Complex64;
//! use ultrasound_metrics as um;
//! use um::grad::Objective;
//! use um::metrics::{traced, CfParams};
//!
//! // mean coherence factor of the channel data, differentiated w.r.t. the channel data
//! let mean_cf = Objective::new("mean_cf", |a| {
//!     Ok(traced::coherence_factor(&a[0], CfParams::default())?.mean_all())
//! });
//! let x = Array3::from_shape_fn((8, 4, 5), |(m, i, j)| {
//!     Complex64::new((m * 3 + i * 5 + j) as f64 % 7.0 - 3.0, (m + 2 * j) as f64 % 3.0 - 1.0)
//! });
//! let (value, grad) = mean_cf.value_and_grad(&x, &[])?;   // host: f64 and Array3<Complex64>
//! assert!(value > 0.0 && value < 1.0);
//! assert_eq!(grad.dim(), x.dim());
//!
//! let dev = um::Device::cpu()?;                               // the same on a PJRT device
//! let (v_dev, g_dev) = mean_cf.value_and_grad(&dev.put(&x)?, &[])?;
//! assert!((v_dev.to_ndarray()?.into_scalar() - value).abs() < 1e-12);
//! let g_dev = g_dev.to_ndarray()?;
//! assert!(g_dev.iter().zip(&grad).all(|(a, b)| (a - b).norm() < 1e-12));
//! # Ok::<(), um::Error>(())
//! ```

use std::any::TypeId;
use std::collections::HashMap;
use std::sync::{Arc, Mutex};

use crate::backend::{Arg, ArrayArg, ArrayOf, Backend, ScalarOf};
use crate::dtype::Numeric;
use crate::error::{Error, Result};
use crate::graph::{autodiff, trace, trace_cached, Program, Tensor, TensorType};

#[cfg(doc)]
use crate::runtime::DeviceArray;

/// An extra argument of an [`Objective`]: any array of backend `B` (an `ndarray` array for
/// [`Host`](crate::Host), a [`DeviceArray`](crate::DeviceArray) for [`Pjrt`](crate::Pjrt)),
/// as a trait object so that arguments of different element types and ranks can be passed in
/// one slice. Implemented for every [`ArrayArg`].
///
/// ```
/// use ultrasound_metrics::{grad::Operand, Host};
/// let w = ndarray::array![1.0f32, 2.0];
/// let mask = ndarray::array![[true, false]];
/// let rest: [&dyn Operand<Host>; 2] = [&w, &mask]; // different element types and ranks
/// assert_eq!(rest[1].operand_type().to_string(), "bool[1,2]");
/// ```
pub trait Operand<B: Backend> {
    /// The argument's type.
    fn operand_type(&self) -> TensorType;
    /// A borrowed dynamically typed view for the backend.
    #[doc(hidden)]
    fn operand_arg(&self) -> Arg<'_>;
}

impl<A: ArrayArg> Operand<A::Backend> for A {
    fn operand_type(&self) -> TensorType {
        self.tensor_type()
    }
    fn operand_arg(&self) -> Arg<'_> {
        self.arg()
    }
}

/// The real counterpart of the element type of `X` (the objective value's type).
pub type RealOf<X> = <<X as ArrayArg>::Elem as Numeric>::Real;

type ObjectiveFn = dyn Fn(&[Tensor]) -> Result<Tensor> + Send + Sync;
type ProgramCache = HashMap<(bool, Vec<TensorType>), Arc<Program>>;

/// The gradient of an objective w.r.t. `x`: an array of `x`'s kind, element type and shape.
pub type GradOf<X> = ArrayOf<X, <X as ArrayArg>::Elem, <X as ArrayArg>::Dim>;
/// The value of an objective at `x`: `f64` on the host, a rank-0 device array on a device.
pub type ValueOf<X> = ScalarOf<X, RealOf<X>>;

/// A differentiable scalar objective of one or more arrays (see the [module docs](self)).
///
/// The function receives one traced [`Tensor`] per argument — the differentiated argument
/// first, then the `rest` given to [`value_and_grad`](Objective::value_and_grad) in order — and
/// returns a real scalar (`f32[]` or `f64[]`). The value is returned in the real counterpart of
/// the first argument's dtype. An `Objective` is `Send + Sync` and keeps its traced programs.
///
/// ```
/// use ultrasound_metrics::grad::Objective;
/// // L(w; x, y) = Σ (w·x − y)²: least squares in w
/// let loss = Objective::new("lsq", |a| Ok((&a[0] * &a[1] - &a[2]).abs2().sum_all()));
/// let (x, y) = (ndarray::array![1.0f64, 2.0], ndarray::array![3.0f64, 3.0]);
/// let mut w = ndarray::array![0.0f64, 0.0];
/// for _ in 0..100 {
///     let g = loss.grad(&w, &[&x, &y])?;
///     w = &w - &(g * 0.1);
/// }
/// assert!((w[0] - 3.0).abs() < 1e-6 && (w[1] - 1.5).abs() < 1e-6);
/// # Ok::<(), ultrasound_metrics::Error>(())
/// ```
pub struct Objective {
    name: String,
    f: Arc<ObjectiveFn>,
    /// A process-wide trace-cache key, for closures that capture nothing (their type alone
    /// identifies the function).
    shared_key: Option<String>,
    programs: Mutex<ProgramCache>,
}

impl std::fmt::Debug for Objective {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Objective")
            .field("name", &self.name)
            .finish_non_exhaustive()
    }
}

impl Objective {
    /// An objective named `name` (used for the program's name in the StableHLO and in errors)
    /// computing `f`.
    ///
    /// ```
    /// use ultrasound_metrics::grad::Objective;
    /// // L(w, x) = Σ (w·x)²: the gradient w.r.t. w is 2·w·x²
    /// let obj = Objective::new("weighted_energy", |a| Ok((&a[0] * &a[1]).abs2().sum_all()));
    /// let w = ndarray::array![1.0, 2.0];
    /// let x = ndarray::array![3.0, -1.0];
    /// assert_eq!(obj.grad(&w, &[&x])?, ndarray::array![18.0, 4.0]);
    /// # Ok::<(), ultrasound_metrics::Error>(())
    /// ```
    pub fn new<F>(name: &str, f: F) -> Self
    where
        F: Fn(&[Tensor]) -> Result<Tensor> + Send + Sync + 'static,
    {
        let shared_key =
            (std::mem::size_of::<F>() == 0).then(|| format!("{:?}", TypeId::of::<F>()));
        Objective {
            name: name.to_string(),
            f: Arc::new(f),
            shared_key,
            programs: Mutex::new(HashMap::new()),
        }
    }

    /// The objective's name.
    pub fn name(&self) -> &str {
        &self.name
    }

    /// The traced program for arguments of types `params`: outputs `[value]`, or
    /// `[value, gradient]` with `with_grad` (the gradient w.r.t. `params[0]`). Useful to inspect
    /// the graph or its StableHLO ([`Program::to_stablehlo`]).
    ///
    /// ```
    /// use ultrasound_metrics::{grad::Objective, graph::TensorType, DType};
    /// let obj = Objective::new("sum_sq", |a| Ok(a[0].abs2().sum_all()));
    /// let p = obj.program(&[TensorType::new(DType::C64, &[3, 4])], true)?;
    /// assert_eq!(p.outputs()[0].to_string(), "f32[]");
    /// assert_eq!(p.outputs()[1].to_string(), "c64[3,4]");
    /// assert!(p.to_stablehlo().contains("func.func public @main"));
    /// # Ok::<(), ultrasound_metrics::Error>(())
    /// ```
    pub fn program(&self, params: &[TensorType], with_grad: bool) -> Result<Arc<Program>> {
        let Some(first) = params.first() else {
            return Err(Error::arg("Objective::program", "params", "no arguments"));
        };
        if !first.dtype.is_inexact() {
            return Err(Error::UnsupportedDtype {
                func: "grad",
                arg: "x",
                got: first.dtype,
                expected: "f32, f64, Complex32 or Complex64 (the differentiated argument)",
            });
        }
        let key = (with_grad, params.to_vec());
        if let Some(p) = self.lock().get(&key) {
            return Ok(p.clone());
        }
        let f = self.f.clone();
        let name = self.name.clone();
        let build = move |a: &[Tensor]| -> Result<Vec<Tensor>> {
            let loss = f(a)?;
            if loss.rank() != 0 || !loss.dtype().is_real_float() {
                return Err(Error::InvalidArgument {
                    func: "grad",
                    arg: "objective",
                    problem: format!(
                        "`{name}` must return a real scalar (f32[] or f64[]), got {}",
                        loss.ty()
                    ),
                });
            }
            let value = loss.cast(a[0].dtype().real());
            if with_grad {
                let g = autodiff::grad(&loss, &[&a[0]])?;
                Ok(vec![value, g[0].clone()])
            } else {
                Ok(vec![value])
            }
        };
        let suffix = if with_grad { "value_and_grad" } else { "value" };
        let program = match &self.shared_key {
            Some(k) => trace_cached(
                &format!("{}_{suffix}{{objective:{k}}}", self.name),
                params,
                build,
            )?,
            None => Arc::new(trace(&format!("{}_{suffix}", self.name), params, build)?),
        };
        self.lock().insert(key, program.clone());
        Ok(program)
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, ProgramCache> {
        self.programs.lock().unwrap_or_else(|e| e.into_inner())
    }

    fn run<X>(
        &self,
        x: &X,
        rest: &[&dyn Operand<X::Backend>],
        with_grad: bool,
    ) -> Result<Vec<crate::backend::Out>>
    where
        X: ArrayArg,
    {
        let mut types = vec![x.tensor_type()];
        types.extend(rest.iter().map(|r| r.operand_type()));
        let program = self.program(&types, with_grad)?;
        let mut args = vec![x.arg()];
        args.extend(rest.iter().map(|r| r.operand_arg()));
        // names for the error: `x`, then `rest[i]`
        const NAMES: [&str; 9] = [
            "x", "rest[0]", "rest[1]", "rest[2]", "rest[3]", "rest[4]", "rest[5]", "rest[6]",
            "rest[7]",
        ];
        let named: Vec<(&'static str, crate::backend::Arg<'_>)> = args
            .into_iter()
            .enumerate()
            .map(|(i, a)| (NAMES.get(i).copied().unwrap_or("rest[…]"), a))
            .collect();
        crate::nonfinite::check_same_device("grad::Objective", &named)?;
        X::Backend::run(&program, named.into_iter().map(|(_, a)| a).collect())
    }

    /// The objective's value at `(x, rest...)`: `f64` on the host, a rank-0 device array on a
    /// device.
    ///
    /// ```
    /// use ultrasound_metrics::grad::Objective;
    /// let obj = Objective::new("mean", |a| Ok(a[0].mean_all()));
    /// assert_eq!(obj.value(&ndarray::array![1.0f32, 2.0, 6.0], &[])?, 3.0);
    /// # Ok::<(), ultrasound_metrics::Error>(())
    /// ```
    pub fn value<X>(&self, x: &X, rest: &[&dyn Operand<X::Backend>]) -> Result<ValueOf<X>>
    where
        X: ArrayArg,
        X::Elem: Numeric,
    {
        let mut outs = self.run(x, rest, false)?;
        X::Backend::wrap_scalar::<RealOf<X>>(outs.remove(0))
    }

    /// The gradient with respect to `x` at `(x, rest...)`, of `x`'s type (JAX's convention for
    /// complex `x`). See [`value_and_grad`](Objective::value_and_grad).
    ///
    /// ```
    /// use ndarray::array;
    /// use num_complex::Complex64 as C;
    /// use ultrasound_metrics::grad::Objective;
    /// // L = Σ|z|² → 2·conj(z)
    /// let obj = Objective::new("energy", |a| Ok(a[0].abs2().sum_all()));
    /// let g = obj.grad(&array![C::new(3.0, 4.0)], &[])?;
    /// assert_eq!(g, array![C::new(6.0, -8.0)]);
    /// # Ok::<(), ultrasound_metrics::Error>(())
    /// ```
    pub fn grad<X>(&self, x: &X, rest: &[&dyn Operand<X::Backend>]) -> Result<GradOf<X>>
    where
        X: ArrayArg,
        X::Elem: Numeric,
    {
        Ok(self.value_and_grad(x, rest)?.1)
    }

    /// The value and the gradient with respect to `x` at `(x, rest...)`, computed by one
    /// program (forward and backward pass together). Host arrays in → `(f64, Array)` out;
    /// device arrays in → `(DeviceArray<_, Ix0>, DeviceArray)` out, on the same device.
    ///
    /// Errors: `x` of integer dtype ([`Error::UnsupportedDtype`]); the objective not returning
    /// a real scalar; an objective that depends on `x` only through piecewise-constant
    /// operations ([`Error::NotDifferentiable`]); the errors of the metrics it calls.
    ///
    /// ```
    /// use ultrasound_metrics::{grad::Objective, Error};
    /// use ultrasound_metrics::metrics::{traced, ScfParams};
    /// // the sign coherence factor depends on the data only through sign(Re x)
    /// let obj = Objective::new("mean_scf", |a| {
    ///     Ok(traced::sign_coherence_factor(&a[0], ScfParams::default())?.mean_all())
    /// });
    /// let x = ndarray::Array3::<f64>::from_elem((4, 2, 3), 1.0);
    /// assert!(matches!(obj.value_and_grad(&x, &[]), Err(Error::NotDifferentiable { .. })));
    /// assert_eq!(obj.value(&x, &[])?, 1.0); // the value itself is fine
    /// # Ok::<(), Error>(())
    /// ```
    pub fn value_and_grad<X>(
        &self,
        x: &X,
        rest: &[&dyn Operand<X::Backend>],
    ) -> Result<(ValueOf<X>, GradOf<X>)>
    where
        X: ArrayArg,
        X::Elem: Numeric,
    {
        let mut outs = self.run(x, rest, true)?.into_iter();
        let (Some(v), Some(g)) = (outs.next(), outs.next()) else {
            return Err(Error::graph("value_and_grad", "the program lost an output"));
        };
        Ok((
            X::Backend::wrap_scalar::<RealOf<X>>(v)?,
            X::Backend::wrap::<X::Elem, X::Dim>(g)?,
        ))
    }
}

/// The value and gradient of `f` with respect to `x` (the first argument of `f`), with `rest`
/// as further arguments: shorthand for [`Objective::new`]`(name, f).value_and_grad(x, rest)`.
///
/// A closure that captures nothing is traced once per process and signature; one that captures
/// values is traced on every call (use an [`Objective`] to keep its traces). Either way the
/// executable is compiled once per signature.
///
/// ```
/// use ultrasound_metrics as um;
/// let (v, g) = um::grad::value_and_grad("sq", |a| Ok(a[0].abs2().sum_all()), &ndarray::array![3.0, -1.0], &[])?;
/// assert_eq!(v, 10.0);
/// assert_eq!(g, ndarray::array![6.0, -2.0]);
/// # Ok::<(), um::Error>(())
/// ```
pub fn value_and_grad<X, F>(
    name: &str,
    f: F,
    x: &X,
    rest: &[&dyn Operand<X::Backend>],
) -> Result<(ValueOf<X>, GradOf<X>)>
where
    X: ArrayArg,
    X::Elem: Numeric,
    F: Fn(&[Tensor]) -> Result<Tensor> + Send + Sync + 'static,
{
    Objective::new(name, f).value_and_grad(x, rest)
}

/// The gradient of `f` with respect to `x`: shorthand for
/// [`Objective::new`]`(name, f).grad(x, rest)`. See [`value_and_grad`].
///
/// ```
/// use ultrasound_metrics as um;
/// let g = um::grad::grad("mean", |a| Ok(a[0].mean_all()), &ndarray::array![1.0f32, 5.0], &[])?;
/// assert_eq!(g, ndarray::array![0.5f32, 0.5]);
/// # Ok::<(), um::Error>(())
/// ```
pub fn grad<X, F>(name: &str, f: F, x: &X, rest: &[&dyn Operand<X::Backend>]) -> Result<GradOf<X>>
where
    X: ArrayArg,
    X::Elem: Numeric,
    F: Fn(&[Tensor]) -> Result<Tensor> + Send + Sync + 'static,
{
    Objective::new(name, f).grad(x, rest)
}
