//! Tracing: metric code written with [`Tensor`] handles and ordinary operators records a
//! [`Graph`], which [`trace`] turns into an immutable [`Program`].
//!
//! Each operation checks shapes and dtypes as it is recorded. The first failure is kept and
//! returned by [`trace`] (so formulas can use operators, which cannot return `Result`), and every
//! operation on a poisoned tensor is a no-op.

use std::cell::RefCell;
use std::collections::HashMap;
use std::ops;
use std::rc::{Rc, Weak};
use std::sync::{Arc, Mutex};

use once_cell::sync::Lazy;
use sha2::{Digest, Sha256};

use super::ir::*;
use crate::dtype::DType;
use crate::error::{Error, Result};

struct Tracer {
    graph: RefCell<Graph>,
    error: RefCell<Option<Error>>,
    /// Common-subexpression table: an identical operation on identical operands is recorded
    /// once (so the host backend never computes a value twice, and graphs stay readable).
    memo: RefCell<HashMap<String, Vec<Var>>>,
    /// Autodiff annotations of nodes (see [`AdMark`]); they do not change the computation.
    marks: RefCell<HashMap<usize, AdMark>>,
}

thread_local! {
    /// The traces being recorded on this thread, innermost last: an operation given no operand
    /// at all (an empty `concat`, `reduce_many` or `sort_many`) records its error there.
    static ACTIVE: RefCell<Vec<Weak<Tracer>>> = const { RefCell::new(Vec::new()) };
}

/// Pops [`ACTIVE`] when a trace's closure returns or unwinds.
struct ActiveGuard;

impl Drop for ActiveGuard {
    fn drop(&mut self) {
        ACTIVE.with(|a| {
            a.borrow_mut().pop();
        });
    }
}

/// An autodiff annotation of a traced value, read when a backward pass is built
/// ([`crate::graph::autodiff`]). The annotated value is a fresh identity node, so other uses of
/// the original value are unaffected.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum AdMark {
    /// No gradient flows through this value (`stop_gradient`).
    StopGradient,
    /// Differentiating through this value is an error ([`Error::NotDifferentiable`]).
    NotDifferentiable {
        /// The metric or operation.
        what: String,
        /// Why, and what to use instead.
        why: String,
    },
}

/// A traced tensor: a handle to a value of the graph being recorded.
///
/// Arithmetic operators broadcast like numpy; scalars (`f64`) take the tensor's dtype.
#[derive(Clone)]
pub struct Tensor {
    tracer: Rc<Tracer>,
    var: Var,
    ty: TensorType,
    poisoned: bool,
}

impl std::fmt::Debug for Tensor {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "Tensor({}, {:?})", self.ty, self.var)
    }
}

impl Tensor {
    /// The tensor's type.
    pub fn ty(&self) -> &TensorType {
        &self.ty
    }
    /// Element type.
    pub fn dtype(&self) -> DType {
        self.ty.dtype
    }
    /// Shape.
    pub fn shape(&self) -> &[usize] {
        &self.ty.shape
    }
    /// Rank.
    pub fn rank(&self) -> usize {
        self.ty.rank()
    }

    /// The graph value this tensor refers to.
    pub(crate) fn var(&self) -> Var {
        self.var
    }

    /// True after a recording error (the error is returned by [`trace`]).
    pub(crate) fn is_poisoned(&self) -> bool {
        self.poisoned
    }

    /// True if both tensors belong to the same trace.
    pub(crate) fn same_trace(&self, other: &Tensor) -> bool {
        Rc::ptr_eq(&self.tracer, &other.tracer)
    }

    /// A handle to another value `var` of this tensor's graph.
    pub(crate) fn at(&self, var: Var) -> Tensor {
        let ty = self.tracer.graph.borrow().ty(var).clone();
        Tensor {
            tracer: self.tracer.clone(),
            var,
            ty,
            poisoned: self.poisoned,
        }
    }

    /// A copy of the nodes recorded so far.
    pub(crate) fn nodes_snapshot(&self) -> Vec<Node> {
        self.tracer.graph.borrow().nodes.clone()
    }

    /// The autodiff annotation of `node`, if any.
    pub(crate) fn mark_of(&self, node: usize) -> Option<AdMark> {
        self.tracer.marks.borrow().get(&node).cloned()
    }

    /// A fresh identity node (an element-type conversion to the same type), never shared by
    /// common-subexpression elimination, carrying `mark`.
    fn marked(&self, mark: AdMark) -> Tensor {
        if self.poisoned {
            return self.poison();
        }
        let r = self
            .tracer
            .graph
            .borrow_mut()
            .push(Op::Convert(self.var), Some(self.ty.clone()));
        let t = self.wrap(r).remove(0);
        if !t.poisoned {
            self.tracer.marks.borrow_mut().insert(t.var.node, mark);
        }
        t
    }

    /// The same value, treated as a constant by differentiation: no gradient flows through it
    /// (JAX's `stop_gradient`). Other uses of `self` are unaffected.
    ///
    /// ```
    /// use ultrasound_metrics::graph::{autodiff, trace, TensorType};
    /// use ultrasound_metrics::DType;
    /// // d/dx [x · stop_gradient(x)] = stop_gradient(x) = x (not 2x)
    /// let p = trace("sg", &[TensorType::scalar(DType::F64)], |a| {
    ///     let loss = &a[0] * &a[0].stop_gradient();
    ///     autodiff::grad(&loss, &[&a[0]])
    /// })?;
    /// let x = ndarray::arr0(3.0).into_dyn();
    /// let g = ultrasound_metrics::host::eval(&p, vec![x.into()])?;
    /// let ultrasound_metrics::host::HostTensor::F64(g) = &g[0] else { unreachable!() };
    /// assert_eq!(g[[]], 3.0);
    /// # Ok::<(), ultrasound_metrics::Error>(())
    /// ```
    pub fn stop_gradient(&self) -> Tensor {
        self.marked(AdMark::StopGradient)
    }

    /// The same value, declared non-differentiable: building a gradient that flows through it
    /// fails with [`Error::NotDifferentiable`] carrying `what` and `why`. Metrics whose value is
    /// piecewise constant in their inputs (histogram counts, clipping masks) mark their result
    /// so that a gradient request is an error rather than silent zeros. (Piecewise-constant
    /// primitives such as `compare`, real `sign` or `floor` are detected without a mark; the mark
    /// gives the error a precise message, and covers metrics with no such primitive.)
    ///
    /// ```
    /// use ultrasound_metrics::graph::{autodiff, trace, TensorType};
    /// use ultrasound_metrics::{DType, Error};
    /// let r = trace("nd", &[TensorType::new(DType::F64, &[4])], |a| {
    ///     let count = a[0].sum_all().non_differentiable("my_count", "a count of samples");
    ///     autodiff::grad(&count, &[&a[0]])
    /// });
    /// assert!(matches!(r, Err(Error::NotDifferentiable { .. })));
    /// ```
    pub fn non_differentiable(&self, what: &str, why: &str) -> Tensor {
        self.marked(AdMark::NotDifferentiable {
            what: what.to_string(),
            why: why.to_string(),
        })
    }

    fn poison(&self) -> Tensor {
        Tensor {
            poisoned: true,
            ..self.clone()
        }
    }

    /// The result of an operation given no operand: a poisoned tensor whose error `e` goes to
    /// the innermost trace being recorded on this thread (or, called outside any trace, to a
    /// trace of its own, so that using the tensor in another trace is an error there).
    fn without_operands(e: Error) -> Tensor {
        let active = ACTIVE.with(|a| a.borrow().last().and_then(Weak::upgrade));
        let tracer = active.unwrap_or_else(|| {
            Rc::new(Tracer {
                graph: RefCell::new(Graph::new()),
                error: RefCell::new(None),
                memo: RefCell::new(HashMap::new()),
                marks: RefCell::new(HashMap::new()),
            })
        });
        let t = Tensor {
            tracer,
            var: Var { node: 0, out: 0 },
            ty: TensorType::scalar(DType::F32),
            poisoned: true,
        };
        t.record(e)
    }

    fn record(&self, e: Error) -> Tensor {
        let mut slot = self.tracer.error.borrow_mut();
        if slot.is_none() {
            *slot = Some(e);
        }
        self.poison()
    }

    fn wrap(&self, r: Result<Vec<Var>>) -> Vec<Tensor> {
        match r {
            Ok(vars) => {
                let g = self.tracer.graph.borrow();
                vars.into_iter()
                    .map(|var| Tensor {
                        tracer: self.tracer.clone(),
                        var,
                        ty: g.ty(var).clone(),
                        poisoned: false,
                    })
                    .collect()
            }
            Err(e) => vec![self.record(e)],
        }
    }

    /// Records `op` unless an operand is poisoned; returns its results.
    fn op_n(
        &self,
        operands: &[&Tensor],
        op: Op,
        hint: Option<TensorType>,
        n: usize,
    ) -> Vec<Tensor> {
        if let Some(o) = operands.iter().find(|t| !t.same_trace(self)) {
            // a tensor of another trace: its `Var` means nothing in this graph. The error goes
            // to every trace involved, so that a poisoned result used anywhere is reported.
            let e = || Error::graph(op.name(), format!("operand {o:?} belongs to another trace"));
            for t in operands.iter().filter(|t| !t.same_trace(self)) {
                t.record(e());
            }
            return vec![self.record(e()); n];
        }
        if self.poisoned || operands.iter().any(|t| t.poisoned) {
            return vec![self.poison(); n];
        }
        let key = format!("{op:?}|{hint:?}");
        if let Some(vars) = self.tracer.memo.borrow().get(&key) {
            return self.wrap(Ok(vars.clone()));
        }
        let r = self.tracer.graph.borrow_mut().push(op, hint);
        if let Ok(vars) = &r {
            self.tracer.memo.borrow_mut().insert(key, vars.clone());
        }
        let mut out = self.wrap(r);
        if out.len() < n {
            // error: replicate the poisoned tensor so callers can index safely
            let p = out[0].clone();
            out.resize(n, p);
        }
        out
    }

    fn op(&self, operands: &[&Tensor], op: Op, hint: Option<TensorType>) -> Tensor {
        self.op_n(operands, op, hint, 1).remove(0)
    }

    /// A constant with this tensor's tracer, of type `ty`.
    pub fn constant(&self, value: Scalar, ty: TensorType) -> Tensor {
        if self.poisoned {
            return self.poison();
        }
        let key = format!("const {value:?}|{ty:?}");
        if let Some(vars) = self.tracer.memo.borrow().get(&key) {
            return self.wrap(Ok(vars.clone())).remove(0);
        }
        let r = self
            .tracer
            .graph
            .borrow_mut()
            .constant(value, ty)
            .map(|v| vec![v]);
        if let Ok(vars) = &r {
            self.tracer.memo.borrow_mut().insert(key, vars.clone());
        }
        self.wrap(r).remove(0)
    }

    /// A scalar constant `value` of this tensor's dtype (rank 0).
    pub fn scalar(&self, value: f64) -> Tensor {
        self.scalar_of(value, self.dtype())
    }

    /// A scalar constant `value` of the given dtype (rank 0).
    pub fn scalar_of(&self, value: f64, dtype: DType) -> Tensor {
        let lit = if dtype.is_int() {
            if value.fract() != 0.0 || !value.is_finite() {
                return self.record(Error::graph(
                    "constant",
                    format!("{value} is not an integer"),
                ));
            }
            Scalar::Int(value as i64)
        } else if dtype == DType::Bool {
            Scalar::Bool(value != 0.0)
        } else {
            Scalar::Float(value)
        };
        self.constant(lit, TensorType::scalar(dtype))
    }

    /// A splat constant of this tensor's type.
    pub fn full_like(&self, value: f64) -> Tensor {
        self.scalar(value).broadcast_to(self.shape())
    }

    /// `0, 1, …` along `axis` of a tensor of type `ty`.
    pub fn iota(&self, ty: TensorType, axis: usize) -> Tensor {
        self.op(&[], Op::Iota(axis), Some(ty))
    }

    // ----- elementwise unary -----
    fn unary(&self, u: UnaryOp) -> Tensor {
        self.op(&[self], Op::Unary(u, self.var), None)
    }
    /// `|x|` (complex → real).
    pub fn abs(&self) -> Tensor {
        self.unary(UnaryOp::Abs)
    }
    /// Real part.
    pub fn re(&self) -> Tensor {
        self.unary(UnaryOp::Real)
    }
    /// Imaginary part.
    pub fn im(&self) -> Tensor {
        self.unary(UnaryOp::Imag)
    }
    /// Complex conjugate.
    pub fn conj(&self) -> Tensor {
        self.unary(UnaryOp::Conj)
    }
    /// `sign(x)`; `x/|x|` for complex.
    pub fn sign(&self) -> Tensor {
        self.unary(UnaryOp::Sign)
    }
    /// Square root.
    pub fn sqrt(&self) -> Tensor {
        self.unary(UnaryOp::Sqrt)
    }
    /// `e^x`.
    pub fn exp(&self) -> Tensor {
        self.unary(UnaryOp::Exp)
    }
    /// Natural logarithm.
    pub fn ln(&self) -> Tensor {
        self.unary(UnaryOp::Log)
    }
    /// Base-10 logarithm, `ln(x) / ln(10)`.
    pub fn log10(&self) -> Tensor {
        self.ln() / std::f64::consts::LN_10
    }
    /// Sine.
    pub fn sin(&self) -> Tensor {
        self.unary(UnaryOp::Sin)
    }
    /// Cosine.
    pub fn cos(&self) -> Tensor {
        self.unary(UnaryOp::Cos)
    }
    /// Round down.
    pub fn floor(&self) -> Tensor {
        self.unary(UnaryOp::Floor)
    }
    /// Logical not.
    pub fn not(&self) -> Tensor {
        self.unary(UnaryOp::Not)
    }
    /// True where finite.
    pub fn is_finite(&self) -> Tensor {
        self.unary(UnaryOp::IsFinite)
    }
    /// True where NaN (`x != x`; for complex, where either part is NaN).
    pub fn is_nan(&self) -> Tensor {
        if self.poisoned {
            // (a poisoned complex tensor stays complex: `re()` would not make progress)
            return self.poison();
        }
        if self.dtype().is_complex() {
            self.re().is_nan().or(&self.im().is_nan())
        } else {
            self.ne(self)
        }
    }
    /// Power `|x|²` (`re² + im²` for complex, `x²` for real), in the real counterpart dtype.
    pub fn abs2(&self) -> Tensor {
        if self.dtype().is_complex() {
            let (r, i) = (self.re(), self.im());
            &r * &r + &i * &i
        } else {
            self * self
        }
    }
    /// Converts to `dtype` (complex → real is an error: use [`Tensor::re`]).
    pub fn cast(&self, dtype: DType) -> Tensor {
        if dtype == self.dtype() {
            return self.clone();
        }
        self.op(
            &[self],
            Op::Convert(self.var),
            Some(TensorType::scalar(dtype)),
        )
    }

    // ----- binary, with numpy broadcasting -----
    fn broadcast_pair(&self, other: &Tensor) -> (Tensor, Tensor) {
        let (a, b) = (self.shape(), other.shape());
        if a == b {
            return (self.clone(), other.clone());
        }
        let r = a.len().max(b.len());
        let mut shape = vec![0; r];
        for i in 0..r {
            let da = if i + a.len() >= r {
                a[i + a.len() - r]
            } else {
                1
            };
            let db = if i + b.len() >= r {
                b[i + b.len() - r]
            } else {
                1
            };
            if da != db && da != 1 && db != 1 {
                let e = Error::graph(
                    "broadcast",
                    format!("shapes {a:?} and {b:?} do not broadcast"),
                );
                return (self.record(e), other.poison());
            }
            // numpy: a size-1 axis stretches to the other size (including 0)
            shape[i] = if da == 1 { db } else { da };
        }
        (self.broadcast_to(&shape), other.broadcast_to(&shape))
    }

    fn binary(&self, b: BinaryOp, other: &Tensor) -> Tensor {
        let (x, y) = self.broadcast_pair(other);
        x.op(&[&x, &y], Op::Binary(b, x.var, y.var), None)
    }
    /// `self^p`, elementwise.
    pub fn pow(&self, p: &Tensor) -> Tensor {
        self.binary(BinaryOp::Pow, p)
    }
    /// `self^p` for a scalar exponent.
    pub fn powf(&self, p: f64) -> Tensor {
        self.pow(&self.scalar(p))
    }
    /// Elementwise maximum.
    pub fn max(&self, o: &Tensor) -> Tensor {
        self.binary(BinaryOp::Max, o)
    }
    /// Elementwise minimum.
    pub fn min(&self, o: &Tensor) -> Tensor {
        self.binary(BinaryOp::Min, o)
    }
    /// Logical and.
    pub fn and(&self, o: &Tensor) -> Tensor {
        self.binary(BinaryOp::And, o)
    }
    /// Logical or.
    pub fn or(&self, o: &Tensor) -> Tensor {
        self.binary(BinaryOp::Or, o)
    }
    /// `atan2(self, x)`.
    pub fn atan2(&self, x: &Tensor) -> Tensor {
        self.binary(BinaryOp::Atan2, x)
    }
    /// `self + i·im` from two real tensors.
    pub fn complex(&self, im: &Tensor) -> Tensor {
        self.binary(BinaryOp::Complex, im)
    }

    fn compare(&self, c: CmpOp, other: &Tensor) -> Tensor {
        let (x, y) = self.broadcast_pair(other);
        x.op(&[&x, &y], Op::Compare(c, x.var, y.var), None)
    }
    /// `self == o`.
    pub fn eq(&self, o: &Tensor) -> Tensor {
        self.compare(CmpOp::Eq, o)
    }
    /// `self != o`.
    pub fn ne(&self, o: &Tensor) -> Tensor {
        self.compare(CmpOp::Ne, o)
    }
    /// `self < o`.
    pub fn lt(&self, o: &Tensor) -> Tensor {
        self.compare(CmpOp::Lt, o)
    }
    /// `self <= o`.
    pub fn le(&self, o: &Tensor) -> Tensor {
        self.compare(CmpOp::Le, o)
    }
    /// `self > o`.
    pub fn gt(&self, o: &Tensor) -> Tensor {
        self.compare(CmpOp::Gt, o)
    }
    /// `self >= o`.
    pub fn ge(&self, o: &Tensor) -> Tensor {
        self.compare(CmpOp::Ge, o)
    }

    /// `self ? a : b`, elementwise (`self` is the bool predicate; all three broadcast).
    pub fn select(&self, a: &Tensor, b: &Tensor) -> Tensor {
        let (a, b) = a.broadcast_pair(b);
        let (p, a) = self.broadcast_pair(&a);
        let (p, b) = p.broadcast_pair(&b);
        let (a, _) = a.broadcast_pair(&b);
        p.op(&[&p, &a, &b], Op::Select(p.var, a.var, b.var), None)
    }

    /// `num / den` where `den != 0`, and `fill` where `den == 0` (the reference's `apply_where`).
    pub fn div_or(&self, den: &Tensor, fill: f64) -> Tensor {
        let nz = den.ne(&den.scalar(0.0));
        let safe = nz.select(den, &den.scalar(1.0));
        nz.select(&(self / &safe), &self.scalar(fill))
    }

    // ----- reductions -----
    /// One pass computing several reductions over the same `axes` (a variadic reduce).
    ///
    /// An empty `parts` records an error (returned by [`trace`]) and gives no results.
    ///
    /// ```
    /// use ultrasound_metrics::graph::{trace, ReduceKind, Tensor, TensorType};
    /// use ultrasound_metrics::DType;
    /// let p = trace("sum_and_max", &[TensorType::new(DType::F32, &[3, 4])], |x| {
    ///     Ok(Tensor::reduce_many(&[(&x[0], ReduceKind::Sum), (&x[0], ReduceKind::Max)], &[0]))
    /// })?;
    /// assert_eq!(p.outputs().len(), 2);
    /// assert_eq!(p.outputs()[1].to_string(), "f32[4]");
    /// let empty = trace("nothing", &[TensorType::new(DType::F32, &[3])], |x| {
    ///     let none = Tensor::reduce_many(&[], &[0]);
    ///     assert!(none.is_empty());
    ///     Ok(vec![x[0].clone()])
    /// });
    /// assert!(empty.is_err());
    /// # Ok::<(), ultrasound_metrics::Error>(())
    /// ```
    pub fn reduce_many(parts: &[(&Tensor, ReduceKind)], axes: &[usize]) -> Vec<Tensor> {
        let Some(&(first, _)) = parts.first() else {
            Tensor::without_operands(Error::graph("reduce", "nothing to reduce"));
            return Vec::new();
        };
        let operands: Vec<&Tensor> = parts.iter().map(|p| p.0).collect();
        let op = Op::Reduce {
            operands: operands.iter().map(|t| t.var).collect(),
            kinds: parts.iter().map(|p| p.1).collect(),
            axes: sorted(axes),
        };
        first.op_n(&operands, op, None, parts.len())
    }
    fn reduce(&self, k: ReduceKind, axes: &[usize]) -> Tensor {
        Tensor::reduce_many(&[(self, k)], axes).remove(0)
    }
    /// Sum over `axes`.
    pub fn sum(&self, axes: &[usize]) -> Tensor {
        self.reduce(ReduceKind::Sum, axes)
    }
    /// Sum over all axes (rank-0 result).
    pub fn sum_all(&self) -> Tensor {
        self.sum(&all_axes(self.rank()))
    }
    /// Mean over `axes` (`sum / count`).
    pub fn mean(&self, axes: &[usize]) -> Tensor {
        // (in f64: the count of a huge declared shape overflows usize)
        let n: f64 = axes
            .iter()
            .map(|&a| self.shape().get(a).copied().unwrap_or(1) as f64)
            .product();
        self.sum(axes) / n
    }
    /// Mean over all elements (rank 0).
    pub fn mean_all(&self) -> Tensor {
        self.mean(&all_axes(self.rank()))
    }
    /// Maximum over `axes`.
    pub fn max_over(&self, axes: &[usize]) -> Tensor {
        self.reduce(ReduceKind::Max, axes)
    }
    /// Minimum over `axes`.
    pub fn min_over(&self, axes: &[usize]) -> Tensor {
        self.reduce(ReduceKind::Min, axes)
    }
    /// Logical or over `axes`.
    pub fn any(&self, axes: &[usize]) -> Tensor {
        self.reduce(ReduceKind::Any, axes)
    }
    /// Logical and over `axes`.
    pub fn all(&self, axes: &[usize]) -> Tensor {
        self.reduce(ReduceKind::All, axes)
    }

    // ----- shape -----
    /// numpy-style broadcast to `shape` (trailing axes aligned).
    pub fn broadcast_to(&self, shape: &[usize]) -> Tensor {
        if self.shape() == shape {
            return self.clone();
        }
        if self.rank() > shape.len() {
            return self.record(Error::graph(
                "broadcast_in_dim",
                format!("cannot broadcast {} to {shape:?}", self.ty),
            ));
        }
        let off = shape.len() - self.rank();
        let dims: Vec<usize> = (0..self.rank()).map(|i| i + off).collect();
        self.broadcast_in_dim(shape, &dims)
    }
    /// StableHLO `broadcast_in_dim`: operand axis `i` becomes result axis `dims[i]`.
    pub fn broadcast_in_dim(&self, shape: &[usize], dims: &[usize]) -> Tensor {
        let hint = TensorType::new(self.dtype(), shape);
        self.op(&[self], Op::Broadcast(self.var, dims.to_vec()), Some(hint))
    }
    /// Row-major reshape.
    pub fn reshape(&self, shape: &[usize]) -> Tensor {
        if self.shape() == shape {
            return self.clone();
        }
        let hint = TensorType::new(self.dtype(), shape);
        self.op(&[self], Op::Reshape(self.var), Some(hint))
    }
    /// Axis permutation: result axis `i` is axis `perm[i]`.
    pub fn transpose(&self, perm: &[usize]) -> Tensor {
        if perm.iter().enumerate().all(|(i, &p)| i == p) && perm.len() == self.rank() {
            return self.clone();
        }
        self.op(&[self], Op::Transpose(self.var, perm.to_vec()), None)
    }
    /// Strided slice.
    pub fn slice(&self, start: &[usize], limit: &[usize], stride: &[usize]) -> Tensor {
        let op = Op::Slice {
            operand: self.var,
            start: start.to_vec(),
            limit: limit.to_vec(),
            stride: stride.to_vec(),
        };
        self.op(&[self], op, None)
    }
    /// `[start, end)` along one axis, everything along the others.
    pub fn slice_axis(&self, axis: usize, start: usize, end: usize) -> Tensor {
        let mut s = vec![0; self.rank()];
        let mut l = self.shape().to_vec();
        if axis >= self.rank() {
            return self.record(Error::graph(
                "slice",
                format!("axis {axis} out of range for {}", self.ty),
            ));
        }
        s[axis] = start;
        l[axis] = end;
        self.slice(&s, &l, &vec![1; self.rank()])
    }
    /// Index `i` of `axis`, removing that axis.
    pub fn index_axis(&self, axis: usize, i: usize) -> Tensor {
        let Some(end) = i.checked_add(1) else {
            return self.record(Error::graph(
                "slice",
                format!("index {i} out of range for {}", self.ty),
            ));
        };
        let t = self.slice_axis(axis, i, end);
        let mut shape = t.shape().to_vec();
        if axis < shape.len() {
            shape.remove(axis);
        }
        t.reshape(&shape)
    }
    /// Pads with `value`.
    pub fn pad(&self, low: &[usize], high: &[usize], value: f64) -> Tensor {
        let v = self.scalar(value);
        let op = Op::Pad {
            operand: self.var,
            value: v.var,
            low: low.to_vec(),
            high: high.to_vec(),
        };
        self.op(&[self, &v], op, None)
    }
    /// Pads with a traced rank-0 `value` of this tensor's dtype.
    ///
    /// ```
    /// use ultrasound_metrics::graph::{trace, TensorType};
    /// use ultrasound_metrics::DType;
    /// let p = trace("pad", &[TensorType::new(DType::F32, &[2]), TensorType::scalar(DType::F32)],
    ///     |a| Ok(vec![a[0].pad_value(&[1], &[2], &a[1])]))?;
    /// assert_eq!(p.outputs()[0].to_string(), "f32[5]");
    /// # Ok::<(), ultrasound_metrics::Error>(())
    /// ```
    pub fn pad_value(&self, low: &[usize], high: &[usize], value: &Tensor) -> Tensor {
        let op = Op::Pad {
            operand: self.var,
            value: value.var,
            low: low.to_vec(),
            high: high.to_vec(),
        };
        self.op(&[self, value], op, None)
    }
    /// Concatenation along `axis`. An empty `parts` records an error (returned by [`trace`]).
    ///
    /// ```
    /// use ultrasound_metrics::graph::{trace, Tensor, TensorType};
    /// use ultrasound_metrics::DType;
    /// let p = trace("cat", &[TensorType::new(DType::F32, &[2, 3])], |x| {
    ///     Ok(vec![Tensor::concat(&[&x[0], &x[0]], 0)])
    /// })?;
    /// assert_eq!(p.outputs()[0].to_string(), "f32[4,3]");
    /// let empty = trace("cat", &[TensorType::new(DType::F32, &[2])], |_| Ok(vec![Tensor::concat(&[], 0)]));
    /// assert!(empty.unwrap_err().to_string().contains("nothing to concatenate"));
    /// # Ok::<(), ultrasound_metrics::Error>(())
    /// ```
    pub fn concat(parts: &[&Tensor], axis: usize) -> Tensor {
        let Some(first) = parts.first() else {
            return Tensor::without_operands(Error::graph("concatenate", "nothing to concatenate"));
        };
        let op = Op::Concatenate(parts.iter().map(|t| t.var).collect(), axis);
        first.op(parts, op, None)
    }

    // ----- other primitives -----
    /// FFT over the last axis.
    pub fn fft(&self, kind: FftKind, length: usize) -> Tensor {
        self.op(&[self], Op::Fft(kind, self.var, length), None)
    }
    /// Stable sort along `axis` (NaN last); returns the sorted tensor.
    pub fn sort(&self, axis: usize) -> Tensor {
        Tensor::sort_many(&[self], axis, false).remove(0)
    }
    /// Sorts `operands[0]` along `axis`, permuting the others alike. An empty `operands` records
    /// an error (returned by [`trace`]) and gives no results.
    ///
    /// ```
    /// use ultrasound_metrics::graph::{trace, Tensor, TensorType};
    /// use ultrasound_metrics::host::{eval, HostTensor};
    /// use ultrasound_metrics::DType;
    /// let p = trace("argsort", &[TensorType::new(DType::F64, &[3])], |x| {
    ///     let idx = x[0].iota(TensorType::new(DType::I32, &[3]), 0);
    ///     Ok(Tensor::sort_many(&[&x[0], &idx], 0, false))
    /// })?;
    /// let out = eval(&p, vec![HostTensor::from(ndarray::arr1(&[3.0, 1.0, 2.0]).into_dyn())])?;
    /// let HostTensor::I32(i) = &out[1] else { panic!() };
    /// assert_eq!(i.as_slice().unwrap(), &[1, 2, 0]);
    /// # Ok::<(), ultrasound_metrics::Error>(())
    /// ```
    pub fn sort_many(operands: &[&Tensor], axis: usize, descending: bool) -> Vec<Tensor> {
        let Some(first) = operands.first() else {
            Tensor::without_operands(Error::graph("sort", "nothing to sort"));
            return Vec::new();
        };
        let op = Op::Sort {
            operands: operands.iter().map(|t| t.var).collect(),
            axis,
            descending,
        };
        first.op_n(operands, op, None, operands.len())
    }
    /// The median of a non-empty rank-1 real float tensor (numpy semantics, see [`Op::Median`]):
    /// rank 0, of this tensor's dtype. Another rank or dtype, or an empty tensor, is an
    /// [`Error::Graph`](crate::Error::Graph) when the trace ends.
    ///
    /// ```
    /// use ultrasound_metrics::graph::{trace, TensorType};
    /// use ultrasound_metrics::host::{eval, HostTensor};
    /// use ultrasound_metrics::DType;
    /// let p = trace("median", &[TensorType::new(DType::F64, &[4])], |x| Ok(vec![x[0].median()]))?;
    /// assert_eq!(p.outputs()[0].to_string(), "f64[]");
    /// let x = ndarray::arr1(&[4.0, 1.0, 9.0, 2.0]).into_dyn();
    /// let out = eval(&p, vec![HostTensor::from(x)])?;
    /// let HostTensor::F64(m) = &out[0] else { panic!() };
    /// assert_eq!(m.first(), Some(&3.0)); // (2 + 4) / 2
    /// let bad = trace("median", &[TensorType::new(DType::F64, &[2, 2])], |x| Ok(vec![x[0].median()]));
    /// assert!(bad.is_err());
    /// # Ok::<(), ultrasound_metrics::Error>(())
    /// ```
    pub fn median(&self) -> Tensor {
        self.op(&[self], Op::Median(self.var), None)
    }
    /// Counts of each index in `0..length` (numpy's `bincount` with a fixed length) of a rank-1
    /// integer tensor, as `dtype` (`I32` or `I64`); indices outside `0..length` are not counted.
    /// Not differentiable (its input and output are integers).
    ///
    /// ```
    /// use ultrasound_metrics::graph::{trace, TensorType};
    /// use ultrasound_metrics::host::{eval, HostTensor};
    /// use ultrasound_metrics::DType;
    /// let p = trace("bincount", &[TensorType::new(DType::I32, &[5])], |x| {
    ///     Ok(vec![x[0].bincount(3, DType::I64)])
    /// })?;
    /// let x = ndarray::arr1(&[0, 2, 2, -1, 7]).into_dyn();
    /// let out = eval(&p, vec![HostTensor::from(x)])?;
    /// let HostTensor::I64(c) = &out[0] else { panic!() };
    /// assert_eq!(c.as_slice().unwrap(), &[1, 0, 2]);
    /// # Ok::<(), ultrasound_metrics::Error>(())
    /// ```
    pub fn bincount(&self, length: usize, dtype: DType) -> Tensor {
        let op = Op::Bincount(self.var, length);
        self.op(&[self], op, Some(TensorType::new(dtype, &[length])))
    }
    /// Generalised matrix product (see [`Op::DotGeneral`]).
    pub fn dot_general(
        &self,
        rhs: &Tensor,
        batch: (&[usize], &[usize]),
        contract: (&[usize], &[usize]),
    ) -> Tensor {
        let op = Op::DotGeneral {
            lhs: self.var,
            rhs: rhs.var,
            lhs_batch: batch.0.to_vec(),
            rhs_batch: batch.1.to_vec(),
            lhs_contract: contract.0.to_vec(),
            rhs_contract: contract.1.to_vec(),
        };
        self.op(&[self, rhs], op, None)
    }
}

fn sorted(axes: &[usize]) -> Vec<usize> {
    let mut a = axes.to_vec();
    a.sort_unstable();
    a
}

/// `[0, 1, …, rank-1]`.
pub fn all_axes(rank: usize) -> Vec<usize> {
    (0..rank).collect()
}

macro_rules! binop {
    ($tr:ident, $m:ident, $op:expr) => {
        impl ops::$tr<&Tensor> for &Tensor {
            type Output = Tensor;
            fn $m(self, o: &Tensor) -> Tensor {
                self.binary($op, o)
            }
        }
        impl ops::$tr<Tensor> for Tensor {
            type Output = Tensor;
            fn $m(self, o: Tensor) -> Tensor {
                self.binary($op, &o)
            }
        }
        impl ops::$tr<&Tensor> for Tensor {
            type Output = Tensor;
            fn $m(self, o: &Tensor) -> Tensor {
                self.binary($op, o)
            }
        }
        impl ops::$tr<Tensor> for &Tensor {
            type Output = Tensor;
            fn $m(self, o: Tensor) -> Tensor {
                self.binary($op, &o)
            }
        }
        impl ops::$tr<f64> for &Tensor {
            type Output = Tensor;
            fn $m(self, o: f64) -> Tensor {
                self.binary($op, &self.scalar(o))
            }
        }
        impl ops::$tr<f64> for Tensor {
            type Output = Tensor;
            fn $m(self, o: f64) -> Tensor {
                self.binary($op, &self.scalar(o))
            }
        }
        impl ops::$tr<&Tensor> for f64 {
            type Output = Tensor;
            fn $m(self, o: &Tensor) -> Tensor {
                o.scalar(self).binary($op, o)
            }
        }
        impl ops::$tr<Tensor> for f64 {
            type Output = Tensor;
            fn $m(self, o: Tensor) -> Tensor {
                o.scalar(self).binary($op, &o)
            }
        }
    };
}
binop!(Add, add, BinaryOp::Add);
binop!(Sub, sub, BinaryOp::Sub);
binop!(Mul, mul, BinaryOp::Mul);
binop!(Div, div, BinaryOp::Div);

impl ops::Neg for &Tensor {
    type Output = Tensor;
    fn neg(self) -> Tensor {
        self.unary(UnaryOp::Neg)
    }
}
impl ops::Neg for Tensor {
    type Output = Tensor;
    fn neg(self) -> Tensor {
        self.unary(UnaryOp::Neg)
    }
}

/// A finished, immutable traced computation: the unit that is lowered, compiled, cached and
/// executed (or evaluated on the host).
#[derive(Debug)]
pub struct Program {
    name: String,
    graph: Graph,
    outputs: Vec<Var>,
    out_types: Vec<TensorType>,
    fingerprint: String,
}

impl Program {
    /// The program's name (the metric's name).
    pub fn name(&self) -> &str {
        &self.name
    }
    /// Parameter types, in order.
    pub fn params(&self) -> &[TensorType] {
        &self.graph.params
    }
    /// Result types, in order.
    pub fn outputs(&self) -> &[TensorType] {
        &self.out_types
    }
    /// The result values.
    pub fn output_vars(&self) -> &[Var] {
        &self.outputs
    }
    /// The graph.
    pub fn graph(&self) -> &Graph {
        &self.graph
    }
    /// Hex SHA-256 of the canonical form of the graph (name, nodes with their static
    /// parameters and types, outputs): equal fingerprints mean identical computations.
    pub fn fingerprint(&self) -> &str {
        &self.fingerprint
    }
    /// The StableHLO MLIR module of this program (entry `func.func public @main`).
    pub fn to_stablehlo(&self) -> String {
        crate::lower::stablehlo::lower(self)
    }
}

/// Traces `f` on parameters of the given types and returns the finished program: unused nodes
/// are removed and the first shape/dtype error recorded while tracing is returned.
///
/// ```
/// use ultrasound_metrics::graph::{trace, TensorType};
/// use ultrasound_metrics::DType;
/// let p = trace("double", &[TensorType::new(DType::F32, &[3])], |x| Ok(vec![&x[0] * 2.0])).unwrap();
/// assert_eq!(p.outputs()[0].to_string(), "f32[3]");
/// // a shape mismatch is reported when the graph is built:
/// let bad = trace("bad", &[TensorType::new(DType::F32, &[3]), TensorType::new(DType::F32, &[4])],
///                 |x| Ok(vec![&x[0] + &x[1]]));
/// assert!(bad.is_err());
/// ```
pub fn trace(
    name: &str,
    params: &[TensorType],
    f: impl FnOnce(&[Tensor]) -> Result<Vec<Tensor>>,
) -> Result<Program> {
    let tracer = Rc::new(Tracer {
        graph: RefCell::new(Graph::new()),
        error: RefCell::new(None),
        memo: RefCell::new(HashMap::new()),
        marks: RefCell::new(HashMap::new()),
    });
    let args: Vec<Tensor> = params
        .iter()
        .map(|ty| {
            let var = tracer.graph.borrow_mut().parameter(ty.clone());
            Tensor {
                tracer: tracer.clone(),
                var,
                ty: ty.clone(),
                poisoned: false,
            }
        })
        .collect();
    let outs = {
        ACTIVE.with(|a| a.borrow_mut().push(Rc::downgrade(&tracer)));
        let _pop = ActiveGuard;
        f(&args)?
    };
    if let Some(e) = tracer.error.borrow_mut().take() {
        return Err(e);
    }
    if outs.is_empty() {
        return Err(Error::graph("trace", format!("`{name}` has no outputs")));
    }
    if let Some(o) = outs.iter().find(|o| !Rc::ptr_eq(&o.tracer, &tracer)) {
        return Err(Error::graph(
            "trace",
            format!("output {o:?} belongs to another trace"),
        ));
    }
    drop(args);
    let graph = tracer.graph.borrow().clone();
    let (graph, outputs) = prune(graph, outs.iter().map(|t| t.var).collect());
    let out_types = outputs
        .iter()
        .map(|v| graph.ty(*v).clone())
        .collect::<Vec<_>>();
    let fingerprint = fingerprint(name, &graph, &outputs);
    Ok(Program {
        name: name.to_string(),
        graph,
        outputs,
        out_types,
        fingerprint,
    })
}

/// Drops nodes that no output depends on (parameters are always kept) and renumbers.
fn prune(g: Graph, outputs: Vec<Var>) -> (Graph, Vec<Var>) {
    let mut live = vec![false; g.nodes.len()];
    for o in &outputs {
        live[o.node] = true;
    }
    for i in (0..g.nodes.len()).rev() {
        if matches!(g.nodes[i].op, Op::Parameter(_)) {
            live[i] = true;
        }
        if live[i] {
            for v in g.nodes[i].op.inputs() {
                live[v.node] = true;
            }
        }
    }
    let mut remap = vec![usize::MAX; g.nodes.len()];
    let mut out = Graph {
        nodes: Vec::new(),
        params: g.params,
    };
    let map = |v: Var, remap: &[usize]| Var {
        node: remap[v.node],
        out: v.out,
    };
    for (i, node) in g.nodes.into_iter().enumerate() {
        if !live[i] {
            continue;
        }
        let mut node = node;
        remap_op(&mut node.op, &|v| map(v, &remap));
        remap[i] = out.nodes.len();
        out.nodes.push(node);
    }
    let outputs = outputs.into_iter().map(|v| map(v, &remap)).collect();
    (out, outputs)
}

fn remap_op(op: &mut Op, f: &dyn Fn(Var) -> Var) {
    match op {
        Op::Parameter(_) | Op::Constant(_) | Op::Iota(_) => {}
        Op::Unary(_, a)
        | Op::Convert(a)
        | Op::Broadcast(a, _)
        | Op::Reshape(a)
        | Op::Transpose(a, _)
        | Op::Fft(_, a, _)
        | Op::Bincount(a, _)
        | Op::Median(a) => *a = f(*a),
        Op::Slice { operand, .. } => *operand = f(*operand),
        Op::Pad { operand, value, .. } => {
            *operand = f(*operand);
            *value = f(*value);
        }
        Op::Binary(_, a, b) | Op::Compare(_, a, b) => {
            *a = f(*a);
            *b = f(*b);
        }
        Op::DotGeneral { lhs, rhs, .. } => {
            *lhs = f(*lhs);
            *rhs = f(*rhs);
        }
        Op::Select(p, a, b) => {
            *p = f(*p);
            *a = f(*a);
            *b = f(*b);
        }
        Op::Reduce { operands, .. } | Op::Sort { operands, .. } | Op::Concatenate(operands, _) => {
            for v in operands.iter_mut() {
                *v = f(*v);
            }
        }
    }
}

fn fingerprint(name: &str, g: &Graph, outputs: &[Var]) -> String {
    let mut h = Sha256::new();
    h.update(b"um-graph-v1\0");
    h.update(name.as_bytes());
    for n in &g.nodes {
        // Debug output is canonical: f64 prints its shortest round-trip form.
        h.update(format!("{:?}|{:?}\n", n.op, n.outs).as_bytes());
    }
    h.update(format!("{outputs:?}").as_bytes());
    let d = h.finalize();
    d.iter().map(|b| format!("{b:02x}")).collect()
}

type TraceKey = (String, Vec<TensorType>);
static TRACES: Lazy<Mutex<HashMap<TraceKey, Arc<Program>>>> = Lazy::new(Default::default);
const TRACE_CACHE_LIMIT: usize = 4096;

/// Like [`trace`], but memoised on `key` (which must identify the function and every static
/// parameter, e.g. `"coherence_factor{power_based:true}"`) and the parameter types: a repeated
/// call neither traces nor fingerprints again. Errors are not cached.
pub fn trace_cached(
    key: &str,
    params: &[TensorType],
    f: impl FnOnce(&[Tensor]) -> Result<Vec<Tensor>>,
) -> Result<Arc<Program>> {
    let k = (key.to_string(), params.to_vec());
    if let Some(p) = TRACES.lock().unwrap_or_else(|e| e.into_inner()).get(&k) {
        return Ok(p.clone());
    }
    let name = key.split('{').next().unwrap_or(key);
    let p = Arc::new(trace(name, params, f)?);
    let mut map = TRACES.lock().unwrap_or_else(|e| e.into_inner());
    if map.len() >= TRACE_CACHE_LIMIT {
        map.clear();
    }
    Ok(map.entry(k).or_insert(p).clone())
}
