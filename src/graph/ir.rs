//! The primitive tensor IR: nodes, operations, and shape/dtype inference.
//!
//! Every operation is primitive with clear semantics (the vocabulary of StableHLO that the
//! metrics need) so that each has one lowering, one host implementation and, later, one
//! vector-Jacobian rule. [`Graph::push`] infers the result types of a node from its operands and
//! rejects a mismatch with [`Error::Graph`] before anything runs.

use std::fmt;

use crate::dtype::DType;
use crate::error::{Error, Result};

/// The static type of a tensor: element type and shape.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct TensorType {
    /// Element type.
    pub dtype: DType,
    /// Dimensions (row-major); empty for a scalar.
    pub shape: Vec<usize>,
}

impl TensorType {
    /// A tensor type from a dtype and a shape.
    ///
    /// ```
    /// use ultrasound_metrics::{graph::TensorType, DType};
    /// let t = TensorType::new(DType::F32, &[64, 100]);
    /// assert_eq!(t.to_string(), "f32[64,100]");
    /// assert_eq!(t.num_elements(), 6400);
    /// ```
    pub fn new(dtype: DType, shape: &[usize]) -> Self {
        TensorType {
            dtype,
            shape: shape.to_vec(),
        }
    }

    /// A scalar (rank-0) type.
    pub fn scalar(dtype: DType) -> Self {
        TensorType {
            dtype,
            shape: Vec::new(),
        }
    }

    /// Number of dimensions.
    pub fn rank(&self) -> usize {
        self.shape.len()
    }

    /// Number of elements (1 for a scalar).
    pub fn num_elements(&self) -> usize {
        self.shape.iter().product()
    }

    /// Size in bytes of a dense row-major buffer of this type.
    pub fn size_bytes(&self) -> usize {
        self.num_elements() * self.dtype.size_bytes()
    }

    /// The StableHLO type, e.g. `tensor<64x100xcomplex<f32>>`.
    pub fn mlir(&self) -> String {
        let mut s = String::from("tensor<");
        for d in &self.shape {
            s.push_str(&d.to_string());
            s.push('x');
        }
        s.push_str(self.dtype.mlir());
        s.push('>');
        s
    }

    fn with_dtype(&self, dtype: DType) -> TensorType {
        TensorType {
            dtype,
            shape: self.shape.clone(),
        }
    }
}

impl fmt::Display for TensorType {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let short = match self.dtype {
            DType::Bool => "bool",
            DType::I32 => "i32",
            DType::I64 => "i64",
            DType::F32 => "f32",
            DType::F64 => "f64",
            DType::C64 => "c64",
            DType::C128 => "c128",
        };
        write!(f, "{short}[")?;
        for (i, d) in self.shape.iter().enumerate() {
            if i > 0 {
                f.write_str(",")?;
            }
            write!(f, "{d}")?;
        }
        f.write_str("]")
    }
}

/// A reference to one result of one node of a [`Graph`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Var {
    /// Index of the node in [`Graph::nodes`].
    pub node: usize,
    /// Which result of the node (0 for single-result nodes).
    pub out: usize,
}

/// A scalar literal; the dtype comes from the node's type.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Scalar {
    /// A boolean.
    Bool(bool),
    /// An integer (cast to the node's integer type).
    Int(i64),
    /// A real number (cast to the node's float type, or the real part of a complex one).
    Float(f64),
    /// A complex number `(re, im)`.
    Complex(f64, f64),
}

/// Elementwise operations of one operand.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum UnaryOp {
    /// `-x`.
    Neg,
    /// `|x|`; complex input gives its real counterpart.
    Abs,
    /// Real part (identity on real input).
    Real,
    /// Imaginary part (zero on real input).
    Imag,
    /// Complex conjugate (identity on real input).
    Conj,
    /// `sign(x)`: −1, 0, +1 (NaN for NaN); `x/|x|` for complex, 0 at 0.
    Sign,
    /// Square root.
    Sqrt,
    /// `e^x`.
    Exp,
    /// Natural logarithm.
    Log,
    /// Sine.
    Sin,
    /// Cosine.
    Cos,
    /// Round down.
    Floor,
    /// Logical (bool) or bitwise (int) not.
    Not,
    /// True where finite (bool result).
    IsFinite,
}

/// Elementwise operations of two operands of the same type.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum BinaryOp {
    /// `a + b`.
    Add,
    /// `a − b`.
    Sub,
    /// `a · b`.
    Mul,
    /// `a / b` (IEEE; integer division truncates).
    Div,
    /// `a^b`.
    Pow,
    /// Maximum (NaN-propagating).
    Max,
    /// Minimum (NaN-propagating).
    Min,
    /// Logical/bitwise and.
    And,
    /// Logical/bitwise or.
    Or,
    /// `atan2(a, b)`.
    Atan2,
    /// Builds `a + i·b` from two real operands.
    Complex,
}

/// Comparison direction (IEEE semantics for floats: any comparison with NaN is false, except `Ne`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum CmpOp {
    /// `==`.
    Eq,
    /// `!=`.
    Ne,
    /// `<`.
    Lt,
    /// `<=`.
    Le,
    /// `>`.
    Gt,
    /// `>=`.
    Ge,
}

/// The combiner of one operand of a [`Op::Reduce`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ReduceKind {
    /// Sum (identity 0).
    Sum,
    /// Maximum (identity −∞ / integer min; NaN-propagating).
    Max,
    /// Minimum (identity +∞ / integer max; NaN-propagating).
    Min,
    /// Logical and (identity true).
    All,
    /// Logical or (identity false).
    Any,
}

/// FFT flavours (over the last axis).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum FftKind {
    /// Forward complex FFT, `X[k] = Σ x[n] e^{−2πikn/N}`.
    Fft,
    /// Inverse complex FFT, normalised by `1/N`.
    Ifft,
    /// Real-to-complex forward FFT; the last axis becomes `N/2 + 1`.
    Rfft,
    /// Complex-to-real inverse FFT of length `N` (the input's last axis is `N/2 + 1`).
    Irfft,
}

/// One primitive operation.
#[derive(Debug, Clone, PartialEq)]
pub enum Op {
    /// The `index`-th program parameter.
    Parameter(usize),
    /// A constant: `value` splatted to the node's shape.
    Constant(Scalar),
    /// An elementwise unary operation.
    Unary(UnaryOp, Var),
    /// An elementwise binary operation on two operands of one shape.
    Binary(BinaryOp, Var, Var),
    /// An elementwise comparison; the result is `bool`.
    Compare(CmpOp, Var, Var),
    /// `pred ? on_true : on_false`, elementwise.
    Select(Var, Var, Var),
    /// Element type conversion (to the node's dtype). Complex → real is not allowed: use `Real`.
    Convert(Var),
    /// A variadic reduction over `axes`: one result per operand, each with its own combiner,
    /// computed in one pass over the data.
    Reduce {
        /// The operands, all of one shape.
        operands: Vec<Var>,
        /// The combiner of each operand.
        kinds: Vec<ReduceKind>,
        /// The reduced axes (sorted, unique).
        axes: Vec<usize>,
    },
    /// StableHLO `broadcast_in_dim`: operand axis `i` becomes result axis `dims[i]`.
    Broadcast(Var, Vec<usize>),
    /// Row-major reshape to the node's shape.
    Reshape(Var),
    /// Result axis `i` is operand axis `perm[i]`.
    Transpose(Var, Vec<usize>),
    /// A strided slice `[start, limit)` with `stride` per axis.
    Slice {
        /// The sliced tensor.
        operand: Var,
        /// First index per axis.
        start: Vec<usize>,
        /// One past the last index per axis.
        limit: Vec<usize>,
        /// Step per axis (≥ 1).
        stride: Vec<usize>,
    },
    /// Pads with a scalar `value`: `low`/`high` elements before/after each axis.
    Pad {
        /// The padded tensor.
        operand: Var,
        /// A rank-0 tensor of the operand's dtype.
        value: Var,
        /// Elements added before each axis.
        low: Vec<usize>,
        /// Elements added after each axis.
        high: Vec<usize>,
    },
    /// Concatenation along `axis`.
    Concatenate(Vec<Var>, usize),
    /// FFT over the last axis; `length` is the logical FFT length.
    Fft(FftKind, Var, usize),
    /// Stable sort along `axis`, keyed by the first operand (ascending, or descending), NaN
    /// last; the other operands are permuted alike. One result per operand.
    Sort {
        /// Key first, then carried operands, all of one shape.
        operands: Vec<Var>,
        /// The sorted axis.
        axis: usize,
        /// Sort descending instead of ascending.
        descending: bool,
    },
    /// `0, 1, 2, …` along `axis` of the node's shape.
    Iota(usize),
    /// Histogram of integer indices (numpy's `bincount` with a fixed length): result `j` (an
    /// integer of the node's dtype, shape `[length]`) counts the elements of the rank-1
    /// integer operand equal to `j`; indices outside `[0, length)` are not counted. Lowered to
    /// a scatter-add; not differentiable (integer in, integer out).
    Bincount(Var, usize),
    /// The median of a non-empty rank-1 real float tensor, as a rank-0 tensor of its dtype
    /// (numpy semantics): the middle element of the values in IEEE total order (−0.0 before
    /// +0.0), the mean `(a + b) / 2` of the two middle ones for an even length, NaN if any
    /// element is NaN. Host: O(n) selection; StableHLO: one unstable sort of order-preserving
    /// integer keys (no separate NaN pass). Its gradient is that of the middle element(s) of a
    /// stable sort, as JAX's `jnp.median` differentiates through its sort.
    Median(Var),
    /// Generalised matrix product: batch axes, then lhs free axes, then rhs free axes.
    DotGeneral {
        /// Left operand.
        lhs: Var,
        /// Right operand.
        rhs: Var,
        /// Batch axes of lhs.
        lhs_batch: Vec<usize>,
        /// Batch axes of rhs.
        rhs_batch: Vec<usize>,
        /// Contracted axes of lhs.
        lhs_contract: Vec<usize>,
        /// Contracted axes of rhs.
        rhs_contract: Vec<usize>,
    },
}

impl Op {
    /// The operation's name, as used in errors.
    pub fn name(&self) -> &'static str {
        match self {
            Op::Parameter(_) => "parameter",
            Op::Constant(_) => "constant",
            Op::Unary(u, _) => match u {
                UnaryOp::Neg => "neg",
                UnaryOp::Abs => "abs",
                UnaryOp::Real => "real",
                UnaryOp::Imag => "imag",
                UnaryOp::Conj => "conj",
                UnaryOp::Sign => "sign",
                UnaryOp::Sqrt => "sqrt",
                UnaryOp::Exp => "exp",
                UnaryOp::Log => "log",
                UnaryOp::Sin => "sin",
                UnaryOp::Cos => "cos",
                UnaryOp::Floor => "floor",
                UnaryOp::Not => "not",
                UnaryOp::IsFinite => "is_finite",
            },
            Op::Binary(b, _, _) => match b {
                BinaryOp::Add => "add",
                BinaryOp::Sub => "sub",
                BinaryOp::Mul => "mul",
                BinaryOp::Div => "div",
                BinaryOp::Pow => "pow",
                BinaryOp::Max => "max",
                BinaryOp::Min => "min",
                BinaryOp::And => "and",
                BinaryOp::Or => "or",
                BinaryOp::Atan2 => "atan2",
                BinaryOp::Complex => "complex",
            },
            Op::Compare(..) => "compare",
            Op::Select(..) => "select",
            Op::Convert(_) => "convert",
            Op::Reduce { .. } => "reduce",
            Op::Broadcast(..) => "broadcast_in_dim",
            Op::Reshape(_) => "reshape",
            Op::Transpose(..) => "transpose",
            Op::Slice { .. } => "slice",
            Op::Pad { .. } => "pad",
            Op::Concatenate(..) => "concatenate",
            Op::Fft(..) => "fft",
            Op::Sort { .. } => "sort",
            Op::Iota(_) => "iota",
            Op::Bincount(..) => "bincount",
            Op::Median(_) => "median",
            Op::DotGeneral { .. } => "dot_general",
        }
    }

    /// The operands the node reads.
    pub fn inputs(&self) -> Vec<Var> {
        match self {
            Op::Parameter(_) | Op::Constant(_) | Op::Iota(_) => vec![],
            Op::Unary(_, a)
            | Op::Convert(a)
            | Op::Broadcast(a, _)
            | Op::Reshape(a)
            | Op::Transpose(a, _)
            | Op::Fft(_, a, _)
            | Op::Bincount(a, _)
            | Op::Median(a) => vec![*a],
            Op::Slice { operand, .. } => vec![*operand],
            Op::Pad { operand, value, .. } => vec![*operand, *value],
            Op::Binary(_, a, b) | Op::Compare(_, a, b) => vec![*a, *b],
            Op::DotGeneral { lhs, rhs, .. } => vec![*lhs, *rhs],
            Op::Select(p, a, b) => vec![*p, *a, *b],
            Op::Reduce { operands, .. } | Op::Sort { operands, .. } => operands.clone(),
            Op::Concatenate(v, _) => v.clone(),
        }
    }
}

/// A node: an operation and the types of its results.
#[derive(Debug, Clone, PartialEq)]
pub struct Node {
    /// The operation.
    pub op: Op,
    /// The result types (one for most operations; one per operand for `Reduce` and `Sort`).
    pub outs: Vec<TensorType>,
}

/// A typed dataflow graph in topological order: every node reads only earlier nodes.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Graph {
    /// The nodes, in topological order.
    pub nodes: Vec<Node>,
    /// Parameter types, by parameter index.
    pub params: Vec<TensorType>,
}

fn err<T>(op: &'static str, problem: impl Into<String>) -> Result<T> {
    Err(Error::graph(op, problem))
}

fn check_axes(op: &'static str, axes: &[usize], rank: usize) -> Result<()> {
    for (i, &a) in axes.iter().enumerate() {
        if a >= rank {
            return err(op, format!("axis {a} out of range for rank {rank}"));
        }
        if axes[..i].contains(&a) {
            return err(op, format!("axis {a} given twice"));
        }
    }
    Ok(())
}

impl Graph {
    /// An empty graph.
    pub fn new() -> Self {
        Self::default()
    }

    /// The type of a value.
    pub fn ty(&self, v: Var) -> &TensorType {
        &self.nodes[v.node].outs[v.out]
    }

    /// Adds a parameter of the given type and returns it.
    pub fn parameter(&mut self, ty: TensorType) -> Var {
        let index = self.params.len();
        self.params.push(ty.clone());
        self.nodes.push(Node {
            op: Op::Parameter(index),
            outs: vec![ty],
        });
        Var {
            node: self.nodes.len() - 1,
            out: 0,
        }
    }

    /// Adds a constant splat of `value` with the given type.
    pub fn constant(&mut self, value: Scalar, ty: TensorType) -> Result<Var> {
        let ok = match (value, ty.dtype) {
            (Scalar::Bool(_), DType::Bool) => true,
            (Scalar::Int(_), d) => d.is_int() || d.is_inexact(),
            (Scalar::Float(_), d) => d.is_inexact(),
            (Scalar::Complex(..), d) => d.is_complex(),
            _ => false,
        };
        if !ok {
            return err("constant", format!("{value:?} cannot have type {ty}"));
        }
        Ok(self.add_node(Op::Constant(value), vec![ty]))
    }

    fn add_node(&mut self, op: Op, outs: Vec<TensorType>) -> Var {
        self.nodes.push(Node { op, outs });
        Var {
            node: self.nodes.len() - 1,
            out: 0,
        }
    }

    fn check_var(&self, op: &'static str, v: Var) -> Result<()> {
        match self.nodes.get(v.node) {
            Some(n) if v.out < n.outs.len() => Ok(()),
            _ => err(op, format!("operand {v:?} does not exist in this graph")),
        }
    }

    /// Adds a node after checking its operands and inferring its result types. `shape` gives
    /// the result shape for the operations whose result shape is not implied by their operands
    /// (`Reshape`, `Broadcast`, `Iota`), and `dtype` the result dtype of `Convert` and `Iota`.
    pub fn push(&mut self, op: Op, hint: Option<TensorType>) -> Result<Vec<Var>> {
        let name = op.name();
        for v in op.inputs() {
            self.check_var(name, v)?;
        }
        let outs = self.infer(&op, hint)?;
        let n = outs.len();
        let first = self.add_node(op, outs);
        Ok((0..n)
            .map(|out| Var {
                node: first.node,
                out,
            })
            .collect())
    }

    /// Like [`Graph::push`] for single-result operations.
    pub fn push1(&mut self, op: Op, hint: Option<TensorType>) -> Result<Var> {
        Ok(self.push(op, hint)?[0])
    }

    fn infer(&self, op: &Op, hint: Option<TensorType>) -> Result<Vec<TensorType>> {
        let name = op.name();
        let need_hint = || {
            hint.clone()
                .ok_or_else(|| Error::graph(name, "the result type must be given"))
        };
        let t = |v: &Var| self.ty(*v).clone();
        let one = |t: TensorType| Ok(vec![t]);
        match op {
            Op::Parameter(_) => err(name, "use Graph::parameter"),
            Op::Constant(_) => err(name, "use Graph::constant"),
            Op::Unary(u, a) => {
                let a = t(a);
                let d = a.dtype;
                use UnaryOp::*;
                let out = match u {
                    Neg if d != DType::Bool => d,
                    Abs if d != DType::Bool => d.real(),
                    Real | Imag if d.is_inexact() => d.real(),
                    Conj if d.is_inexact() => d,
                    Sign if d != DType::Bool => d,
                    Sqrt | Exp | Log if d.is_inexact() => d,
                    Sin | Cos | Floor if d.is_real_float() => d,
                    Not if d == DType::Bool || d.is_int() => d,
                    IsFinite if d.is_real_float() => DType::Bool,
                    _ => return err(name, format!("not defined for {d}")),
                };
                one(a.with_dtype(out))
            }
            Op::Binary(b, x, y) => {
                let (x, y) = (t(x), t(y));
                if x.shape != y.shape {
                    return err(name, format!("operand shapes differ: {x} and {y}"));
                }
                if x.dtype != y.dtype {
                    return err(name, format!("operand dtypes differ: {x} and {y}"));
                }
                let d = x.dtype;
                use BinaryOp::*;
                let out = match b {
                    Add | Sub | Mul | Div if d != DType::Bool => d,
                    Pow if d.is_inexact() => d,
                    Max | Min if d.is_int() || d.is_real_float() => d,
                    And | Or if d == DType::Bool || d.is_int() => d,
                    Atan2 if d.is_real_float() => d,
                    Complex if d.is_real_float() => d.complex().expect("float has complex"),
                    _ => return err(name, format!("not defined for {d}")),
                };
                one(x.with_dtype(out))
            }
            Op::Compare(c, x, y) => {
                let (x, y) = (t(x), t(y));
                if x.shape != y.shape || x.dtype != y.dtype {
                    return err(name, format!("operands differ: {x} and {y}"));
                }
                if x.dtype.is_complex() && !matches!(c, CmpOp::Eq | CmpOp::Ne) {
                    return err(name, format!("{c:?} is not defined for complex operands"));
                }
                one(x.with_dtype(DType::Bool))
            }
            Op::Select(p, a, b) => {
                let (p, a, b) = (t(p), t(a), t(b));
                if p.dtype != DType::Bool || p.shape != a.shape {
                    return err(name, format!("predicate {p} must be bool of shape {a}"));
                }
                if a != b {
                    return err(name, format!("branches differ: {a} and {b}"));
                }
                one(a)
            }
            Op::Convert(a) => {
                let a = t(a);
                let to = need_hint()?.dtype;
                if a.dtype.is_complex() && !to.is_complex() {
                    return err(name, format!("{} -> {to}: take real() first", a.dtype));
                }
                one(a.with_dtype(to))
            }
            Op::Reduce {
                operands,
                kinds,
                axes,
            } => {
                if operands.is_empty() || operands.len() != kinds.len() {
                    return err(name, "one combiner per operand, at least one operand");
                }
                let first = t(&operands[0]);
                check_axes(name, axes, first.rank())?;
                let mut outs = Vec::new();
                for (v, k) in operands.iter().zip(kinds) {
                    let ty = t(v);
                    if ty.shape != first.shape {
                        return err(name, format!("operand shapes differ: {first} and {ty}"));
                    }
                    let d = ty.dtype;
                    let ok = match k {
                        ReduceKind::Sum => d != DType::Bool,
                        ReduceKind::Max | ReduceKind::Min => d.is_int() || d.is_real_float(),
                        ReduceKind::All | ReduceKind::Any => d == DType::Bool,
                    };
                    if !ok {
                        return err(name, format!("{k:?} is not defined for {d}"));
                    }
                    let shape = (0..ty.rank())
                        .filter(|i| !axes.contains(i))
                        .map(|i| ty.shape[i])
                        .collect::<Vec<_>>();
                    outs.push(TensorType::new(d, &shape));
                }
                Ok(outs)
            }
            Op::Broadcast(a, dims) => {
                let a = t(a);
                let out = need_hint()?;
                if dims.len() != a.rank() {
                    return err(
                        name,
                        format!("{} dims for an operand of rank {}", dims.len(), a.rank()),
                    );
                }
                check_axes(name, dims, out.rank())?;
                if dims.windows(2).any(|w| w[0] >= w[1]) {
                    return err(name, "dims must be increasing");
                }
                for (i, &d) in dims.iter().enumerate() {
                    if a.shape[i] != 1 && a.shape[i] != out.shape[d] {
                        return err(name, format!("cannot broadcast {a} to {:?}", out.shape));
                    }
                }
                one(TensorType::new(a.dtype, &out.shape))
            }
            Op::Reshape(a) => {
                let a = t(a);
                let out = need_hint()?;
                let count =
                    |t: &TensorType| t.shape.iter().try_fold(1usize, |n, &d| n.checked_mul(d));
                if count(&out).is_none() || count(&out) != count(&a) {
                    return err(name, format!("cannot reshape {a} to {:?}", out.shape));
                }
                one(TensorType::new(a.dtype, &out.shape))
            }
            Op::Transpose(a, perm) => {
                let a = t(a);
                if perm.len() != a.rank() {
                    return err(name, format!("permutation {perm:?} for rank {}", a.rank()));
                }
                check_axes(name, perm, a.rank())?;
                let shape: Vec<usize> = perm.iter().map(|&p| a.shape[p]).collect();
                one(TensorType::new(a.dtype, &shape))
            }
            Op::Slice {
                operand,
                start,
                limit,
                stride,
            } => {
                let a = t(operand);
                let r = a.rank();
                if start.len() != r || limit.len() != r || stride.len() != r {
                    return err(name, format!("start/limit/stride must have {r} entries"));
                }
                let mut shape = Vec::with_capacity(r);
                for i in 0..r {
                    if stride[i] == 0 || start[i] > limit[i] || limit[i] > a.shape[i] {
                        return err(
                            name,
                            format!(
                                "axis {i}: [{}:{}:{}] does not fit size {}",
                                start[i], limit[i], stride[i], a.shape[i]
                            ),
                        );
                    }
                    shape.push((limit[i] - start[i]).div_ceil(stride[i]));
                }
                one(TensorType::new(a.dtype, &shape))
            }
            Op::Pad {
                operand,
                value,
                low,
                high,
            } => {
                let (a, v) = (t(operand), t(value));
                if v.rank() != 0 || v.dtype != a.dtype {
                    return err(
                        name,
                        format!("padding value {v} must be a {} scalar", a.dtype),
                    );
                }
                if low.len() != a.rank() || high.len() != a.rank() {
                    return err(name, format!("low/high must have {} entries", a.rank()));
                }
                let shape = (0..a.rank())
                    .map(|i| {
                        a.shape[i]
                            .checked_add(low[i])
                            .and_then(|n| n.checked_add(high[i]))
                    })
                    .collect::<Option<Vec<usize>>>();
                let Some(shape) = shape else {
                    return err(name, format!("padding {a} by {low:?}, {high:?} overflows"));
                };
                one(TensorType::new(a.dtype, &shape))
            }
            Op::Concatenate(vs, axis) => {
                if vs.is_empty() {
                    return err(name, "nothing to concatenate");
                }
                let first = t(&vs[0]);
                if *axis >= first.rank() {
                    return err(name, format!("axis {axis} out of range for {first}"));
                }
                let mut total = 0;
                for v in vs {
                    let ty = t(v);
                    let same_rest = ty.rank() == first.rank()
                        && (0..ty.rank()).all(|i| i == *axis || ty.shape[i] == first.shape[i]);
                    if ty.dtype != first.dtype || !same_rest {
                        return err(name, format!("{ty} does not fit {first} along axis {axis}"));
                    }
                    total = match ty.shape[*axis].checked_add(total) {
                        Some(n) => n,
                        None => {
                            return err(
                                name,
                                format!("the result size along axis {axis} overflows"),
                            )
                        }
                    };
                }
                let mut shape = first.shape.clone();
                shape[*axis] = total;
                one(TensorType::new(first.dtype, &shape))
            }
            Op::Fft(kind, a, n) => {
                let a = t(a);
                let Some(&last) = a.shape.last() else {
                    return err(name, "needs rank ≥ 1");
                };
                if *n == 0 {
                    return err(name, "length must be ≥ 1");
                }
                let mut shape = a.shape.clone();
                let out = match kind {
                    FftKind::Fft | FftKind::Ifft if a.dtype.is_complex() && last == *n => a.dtype,
                    FftKind::Rfft if a.dtype.is_real_float() && last == *n => {
                        *shape.last_mut().expect("rank ≥ 1") = n / 2 + 1;
                        a.dtype.complex().expect("float")
                    }
                    FftKind::Irfft if a.dtype.is_complex() && last == n / 2 + 1 => {
                        *shape.last_mut().expect("rank ≥ 1") = *n;
                        a.dtype.real()
                    }
                    _ => {
                        return err(
                            name,
                            format!("{kind:?} of length {n} is not defined for {a}"),
                        )
                    }
                };
                one(TensorType::new(out, &shape))
            }
            Op::Sort { operands, axis, .. } => {
                if operands.is_empty() {
                    return err(name, "nothing to sort");
                }
                let first = t(&operands[0]);
                if *axis >= first.rank() {
                    return err(name, format!("axis {axis} out of range for {first}"));
                }
                if first.dtype.is_complex() || first.dtype == DType::Bool {
                    return err(
                        name,
                        format!("keys of type {} cannot be ordered", first.dtype),
                    );
                }
                let mut outs = Vec::new();
                for v in operands {
                    let ty = t(v);
                    if ty.shape != first.shape {
                        return err(name, format!("operand shapes differ: {first} and {ty}"));
                    }
                    outs.push(ty);
                }
                Ok(outs)
            }
            Op::Bincount(a, length) => {
                let out = need_hint()?;
                let a = t(a);
                if a.rank() != 1 || !a.dtype.is_int() {
                    return err(
                        name,
                        format!("indices must be a rank-1 integer tensor, got {a}"),
                    );
                }
                if *length == 0 {
                    return err(name, "length must be ≥ 1");
                }
                if !out.dtype.is_int() || out.shape != [*length] {
                    return err(
                        name,
                        format!("result must be an integer [{length}], got {out}"),
                    );
                }
                if out.dtype == DType::I32 && a.shape[0] > i32::MAX as usize {
                    return err(
                        name,
                        format!("{} indices may overflow i32 counts", a.shape[0]),
                    );
                }
                one(out)
            }
            Op::Median(a) => {
                let a = t(a);
                if a.rank() != 1 || !a.dtype.is_real_float() {
                    return err(
                        name,
                        format!("needs a rank-1 real float tensor, got {a}: flatten it (reshape) and take real() or convert first"),
                    );
                }
                if a.shape[0] == 0 {
                    return err(name, "the median of an empty tensor is undefined: check for an empty input first");
                }
                one(TensorType::scalar(a.dtype))
            }
            Op::Iota(axis) => {
                let out = need_hint()?;
                if *axis >= out.rank() {
                    return err(name, format!("axis {axis} out of range for {out}"));
                }
                if !(out.dtype.is_int() || out.dtype.is_real_float()) {
                    return err(name, format!("not defined for {}", out.dtype));
                }
                one(out)
            }
            Op::DotGeneral {
                lhs,
                rhs,
                lhs_batch,
                rhs_batch,
                lhs_contract,
                rhs_contract,
            } => {
                let (l, r) = (t(lhs), t(rhs));
                if l.dtype != r.dtype || l.dtype == DType::Bool {
                    return err(
                        name,
                        format!("operands {l} and {r} must share a numeric dtype"),
                    );
                }
                if lhs_batch.len() != rhs_batch.len() || lhs_contract.len() != rhs_contract.len() {
                    return err(name, "batch and contracting axis lists must pair up");
                }
                let lall: Vec<usize> = lhs_batch.iter().chain(lhs_contract).copied().collect();
                let rall: Vec<usize> = rhs_batch.iter().chain(rhs_contract).copied().collect();
                check_axes(name, &lall, l.rank())?;
                check_axes(name, &rall, r.rank())?;
                for (a, b) in lall.iter().zip(&rall) {
                    if l.shape[*a] != r.shape[*b] {
                        return err(
                            name,
                            format!(
                                "lhs axis {a} ({}) ≠ rhs axis {b} ({})",
                                l.shape[*a], r.shape[*b]
                            ),
                        );
                    }
                }
                let mut shape: Vec<usize> = lhs_batch.iter().map(|&a| l.shape[a]).collect();
                shape.extend(
                    (0..l.rank())
                        .filter(|i| !lall.contains(i))
                        .map(|i| l.shape[i]),
                );
                shape.extend(
                    (0..r.rank())
                        .filter(|i| !rall.contains(i))
                        .map(|i| r.shape[i]),
                );
                one(TensorType::new(l.dtype, &shape))
            }
        }
    }
}
