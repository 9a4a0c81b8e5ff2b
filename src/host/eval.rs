//! The op-by-op `ndarray` interpreter. Every operation follows the semantics documented on
//! [`Op`](crate::graph::Op) and matches the StableHLO lowering (IEEE comparisons, NaN-propagating
//! max/min, total-order stable sort, XLA integer division).

use ndarray::{ArrayD, ArrayViewD, Axis, CowArray, IxDyn, Slice, Zip};
use num_complex::Complex;
use num_traits::Float;
use rustfft::{FftNum, FftPlanner};

use super::{with_host, HostTensor};
use crate::dtype::DType;
use crate::error::{Error, Result};
use crate::graph::ir::*;
use crate::graph::Program;

type H = HostTensor<'static>;

pub(super) fn unsupported(what: &str, ty: &str) -> Error {
    Error::Unsupported {
        what: format!("host backend: {what} on {ty}"),
        why: "the graph builder should have rejected this; please report it".into(),
    }
}

/// Evaluates `program` on host tensors. Arguments are checked against the program's parameter
/// types; intermediate values are freed after their last use.
///
/// ```
/// use ultrasound_metrics::graph::{trace, TensorType};
/// use ultrasound_metrics::host::{eval, HostTensor};
/// use ultrasound_metrics::DType;
/// let p = trace("sum0", &[TensorType::new(DType::F64, &[2, 2])], |x| Ok(vec![x[0].sum(&[0])])).unwrap();
/// let x = ndarray::arr2(&[[1.0, 2.0], [3.0, 4.0]]).into_dyn();
/// let out = eval(&p, vec![HostTensor::from(x)]).unwrap();
/// let HostTensor::F64(s) = &out[0] else { panic!() };
/// assert_eq!(s.as_slice().unwrap(), &[4.0, 6.0]);
/// ```
pub fn eval<'a>(program: &Program, args: Vec<HostTensor<'a>>) -> Result<Vec<H>> {
    eval_with(program, args, super::fusion())
}

/// [`eval`] in a given fusion mode.
pub(crate) fn eval_with(
    program: &Program,
    args: Vec<HostTensor<'_>>,
    mode: super::Fusion,
) -> Result<Vec<H>> {
    let g = program.graph();
    if args.len() != g.params.len() {
        return Err(Error::SignatureMismatch {
            program: program.name().into(),
            index: args.len().min(g.params.len()),
            expected: format!("{} arguments", g.params.len()),
            got: format!("{} arguments", args.len()),
        });
    }
    for (i, (a, t)) in args.iter().zip(&g.params).enumerate() {
        if a.ty() != *t {
            return Err(Error::SignatureMismatch {
                program: program.name().into(),
                index: i,
                expected: t.to_string(),
                got: a.ty().to_string(),
            });
        }
    }
    if super::fused::wanted(program, mode) {
        return super::fused::eval_fused(program, &args);
    }
    // last use of every node, so that intermediates are dropped early
    let mut last_use = vec![0usize; g.nodes.len()];
    for (i, n) in g.nodes.iter().enumerate() {
        for v in n.op.inputs() {
            last_use[v.node] = i;
        }
    }
    for v in program.output_vars() {
        last_use[v.node] = usize::MAX;
    }
    let mut vals: Vec<Option<Vec<H>>> = vec![None; g.nodes.len()];
    fn lookup<'s>(
        g: &Graph,
        args: &'s [HostTensor<'_>],
        vals: &'s [Option<Vec<H>>],
        v: Var,
    ) -> Result<HostTensor<'s>> {
        if let Op::Parameter(k) = g.nodes[v.node].op {
            return Ok(args[k].view());
        }
        vals[v.node]
            .as_ref()
            .and_then(|o| o.get(v.out))
            .map(|t| t.view())
            .ok_or_else(|| Error::graph("evaluate", "operand evaluated out of order"))
    }
    for (i, node) in g.nodes.iter().enumerate() {
        if matches!(node.op, Op::Parameter(_)) {
            continue;
        }
        let inputs = node.op.inputs();
        let ins = inputs
            .iter()
            .map(|v| lookup(g, &args, &vals, *v))
            .collect::<Result<Vec<_>>>()?;
        let out = eval_node(&node.op, &node.outs, &inputs, &ins)?;
        drop(ins);
        vals[i] = Some(out);
        for v in inputs {
            if last_use[v.node] == i {
                vals[v.node] = None;
            }
        }
    }
    program
        .output_vars()
        .iter()
        .map(|v| lookup(g, &args, &vals, *v).map(|t| t.into_owned()))
        .collect()
}

pub(super) fn eval_node(
    op: &Op,
    outs: &[TensorType],
    inputs: &[Var],
    ins: &[HostTensor<'_>],
) -> Result<Vec<H>> {
    let get = |v: Var| -> Result<&HostTensor<'_>> {
        inputs
            .iter()
            .position(|x| *x == v)
            .map(|p| &ins[p])
            .ok_or_else(|| Error::graph(op.name(), "operand missing"))
    };
    let out0 = &outs[0];
    let one = |t: H| Ok(vec![t]);
    match op {
        Op::Parameter(_) => Err(Error::graph("parameter", "handled by the caller")),
        Op::Constant(s) => one(constant(*s, out0)?),
        Op::Iota(axis) => one(iota(out0, *axis)?),
        Op::Unary(u, a) => one(unary(*u, get(*a)?)?),
        Op::Binary(b, x, y) => one(binary(*b, get(*x)?, get(*y)?)?),
        Op::Compare(c, x, y) => one(compare(*c, get(*x)?, get(*y)?)?),
        Op::Select(p, a, b) => one(select(get(*p)?, get(*a)?, get(*b)?)?),
        Op::Convert(a) => one(convert(get(*a)?, out0.dtype)?),
        Op::Reduce {
            operands,
            kinds,
            axes,
        } => operands
            .iter()
            .zip(kinds)
            .map(|(v, k)| reduce(get(*v)?, *k, axes))
            .collect(),
        Op::Broadcast(a, dims) => one(broadcast(get(*a)?, &out0.shape, dims)?),
        Op::Reshape(a) => one(reshape(get(*a)?, &out0.shape)?),
        Op::Transpose(a, perm) => one(with_host!(get(*a)?, x => {
            x.view().permuted_axes(perm.clone()).to_owned().into()
        })),
        Op::Slice {
            operand,
            start,
            limit,
            stride,
        } => one(with_host!(get(*operand)?, x => {
            x.slice_each_axis(|ax| {
                let i = ax.axis.index();
                Slice::new(start[i] as isize, Some(limit[i] as isize), stride[i] as isize)
            })
            .to_owned()
            .into()
        })),
        Op::Pad {
            operand,
            value,
            low,
            high: _,
        } => one(pad(get(*operand)?, get(*value)?, low, &out0.shape)?),
        Op::Concatenate(vs, axis) => {
            let parts: Vec<&HostTensor> = vs.iter().map(|v| get(*v)).collect::<Result<_>>()?;
            one(concat(&parts, *axis)?)
        }
        Op::Fft(kind, a, n) => one(fft(*kind, get(*a)?, *n)?),
        Op::Bincount(a, length) => one(bincount(get(*a)?, *length, out0.dtype)?),
        Op::Median(a) => one(super::median::median(get(*a)?)?),
        Op::Sort {
            operands,
            axis,
            descending,
        } => {
            let parts: Vec<&HostTensor> =
                operands.iter().map(|v| get(*v)).collect::<Result<_>>()?;
            sort(&parts, *axis, *descending)
        }
        Op::DotGeneral {
            lhs,
            rhs,
            lhs_batch,
            rhs_batch,
            lhs_contract,
            rhs_contract,
        } => one(dot_general(
            get(*lhs)?,
            get(*rhs)?,
            (lhs_batch, rhs_batch),
            (lhs_contract, rhs_contract),
            &out0.shape,
        )?),
    }
}

// ---------------------------------------------------------------------------------------------
// constants and iota

pub(super) fn constant(s: Scalar, ty: &TensorType) -> Result<H> {
    let sh = IxDyn(&ty.shape);
    let (re, im) = match s {
        Scalar::Bool(b) => (b as i64 as f64, 0.0),
        Scalar::Int(i) => (i as f64, 0.0),
        Scalar::Float(f) => (f, 0.0),
        Scalar::Complex(r, i) => (r, i),
    };
    Ok(match (ty.dtype, s) {
        (DType::Bool, Scalar::Bool(b)) => ArrayD::from_elem(sh, b).into(),
        (DType::I32, Scalar::Int(i)) => ArrayD::from_elem(sh, i as i32).into(),
        (DType::I64, Scalar::Int(i)) => ArrayD::from_elem(sh, i).into(),
        (DType::F32, _) => ArrayD::from_elem(sh, re as f32).into(),
        (DType::F64, _) => ArrayD::from_elem(sh, re).into(),
        (DType::C64, _) => ArrayD::from_elem(sh, Complex::new(re as f32, im as f32)).into(),
        (DType::C128, _) => ArrayD::from_elem(sh, Complex::new(re, im)).into(),
        (d, s) => return Err(unsupported(&format!("constant {s:?}"), d.name())),
    })
}

fn iota(ty: &TensorType, axis: usize) -> Result<H> {
    let sh = IxDyn(&ty.shape);
    Ok(match ty.dtype {
        DType::I32 => ArrayD::from_shape_fn(sh, |ix| ix[axis] as i32).into(),
        DType::I64 => ArrayD::from_shape_fn(sh, |ix| ix[axis] as i64).into(),
        DType::F32 => ArrayD::from_shape_fn(sh, |ix| ix[axis] as f32).into(),
        DType::F64 => ArrayD::from_shape_fn(sh, |ix| ix[axis] as f64).into(),
        d => return Err(unsupported("iota", d.name())),
    })
}

// ---------------------------------------------------------------------------------------------
// elementwise

pub(super) fn fsign<T: Float>(v: T) -> T {
    if v.is_nan() || v == T::zero() {
        v
    } else if v > T::zero() {
        T::one()
    } else {
        -T::one()
    }
}

/// `|z|` of a complex value, overflow- and underflow-free. For `f32` parts: the squares summed
/// and rooted in `f64` (exact products, one rounding each for the sum, the root and the narrowing;
/// `+inf` when a part is infinite) — the algorithm of glibc's `hypotf`, written out so that it
/// inlines and vectorises and does not depend on the platform's libm. For `f64`: `hypot`.
pub(super) trait CNorm: Float {
    fn cnorm(z: Complex<Self>) -> Self;
}

impl CNorm for f32 {
    #[inline(always)]
    fn cnorm(z: Complex<f32>) -> f32 {
        let (re, im) = (z.re as f64, z.im as f64);
        let r = (re * re + im * im).sqrt() as f32;
        if z.re.is_infinite() || z.im.is_infinite() {
            f32::INFINITY
        } else {
            r
        }
    }
}

impl CNorm for f64 {
    #[inline(always)]
    fn cnorm(z: Complex<f64>) -> f64 {
        z.re.hypot(z.im)
    }
}

#[inline(always)]
pub(super) fn csign<T: CNorm>(z: Complex<T>) -> Complex<T> {
    let n = T::cnorm(z);
    if n.is_nan() {
        Complex::new(T::nan(), T::nan())
    } else if n == T::zero() {
        Complex::new(T::zero(), T::zero())
    } else {
        z / n
    }
}

fn float_unary<T: Float + 'static>(u: UnaryOp, x: ArrayViewD<T>) -> Result<ArrayD<T>> {
    use UnaryOp::*;
    let f: fn(T) -> T = match u {
        Neg => |v| -v,
        Abs => |v| v.abs(),
        Real | Conj => |v| v,
        Imag => |_| T::zero(),
        Sign => fsign,
        Sqrt => |v| v.sqrt(),
        Exp => |v| v.exp(),
        Log => |v| v.ln(),
        Sin => |v| v.sin(),
        Cos => |v| v.cos(),
        Floor => |v| v.floor(),
        Not | IsFinite => return Err(unsupported(&format!("{u:?}"), "float")),
    };
    Ok(x.mapv(f))
}

fn complex_unary<T: CNorm + FftNum>(u: UnaryOp, x: ArrayViewD<Complex<T>>) -> Result<CResult<T>> {
    use UnaryOp::*;
    Ok(match u {
        Abs => CResult::Real(x.mapv(T::cnorm)),
        Real => CResult::Real(x.mapv(|z| z.re)),
        Imag => CResult::Real(x.mapv(|z| z.im)),
        Neg => CResult::Complex(x.mapv(|z| -z)),
        Conj => CResult::Complex(x.mapv(|z| z.conj())),
        Sign => CResult::Complex(x.mapv(csign)),
        Sqrt => CResult::Complex(x.mapv(|z| z.sqrt())),
        Exp => CResult::Complex(x.mapv(|z| z.exp())),
        Log => CResult::Complex(x.mapv(|z| z.ln())),
        _ => return Err(unsupported(&format!("{u:?}"), "complex")),
    })
}

enum CResult<T> {
    Real(ArrayD<T>),
    Complex(ArrayD<Complex<T>>),
}

macro_rules! int_unary {
    ($u:expr, $x:expr, $t:ty) => {{
        use UnaryOp::*;
        let f: fn($t) -> $t = match $u {
            Neg => |v: $t| v.wrapping_neg(),
            Abs => |v: $t| v.wrapping_abs(),
            Sign => |v: $t| v.signum(),
            Not => |v: $t| !v,
            _ => return Err(unsupported(&format!("{:?}", $u), stringify!($t))),
        };
        $x.mapv(f)
    }};
}

pub(super) fn unary(u: UnaryOp, a: &HostTensor) -> Result<H> {
    use HostTensor as T;
    Ok(match a {
        T::Bool(x) => match u {
            UnaryOp::Not => x.mapv(|v| !v).into(),
            _ => return Err(unsupported(&format!("{u:?}"), "bool")),
        },
        T::I32(x) => int_unary!(u, x, i32).into(),
        T::I64(x) => int_unary!(u, x, i64).into(),
        T::F32(x) if u == UnaryOp::IsFinite => x.mapv(|v| v.is_finite()).into(),
        T::F64(x) if u == UnaryOp::IsFinite => x.mapv(|v| v.is_finite()).into(),
        T::F32(x) => float_unary(u, x.view())?.into(),
        T::F64(x) => float_unary(u, x.view())?.into(),
        T::C64(x) => match complex_unary(u, x.view())? {
            CResult::Real(r) => r.into(),
            CResult::Complex(c) => c.into(),
        },
        T::C128(x) => match complex_unary(u, x.view())? {
            CResult::Real(r) => r.into(),
            CResult::Complex(c) => c.into(),
        },
    })
}

fn zip2<A: Copy, B: Copy, C>(
    a: &CowArray<A, IxDyn>,
    b: &CowArray<B, IxDyn>,
    f: impl Fn(A, B) -> C,
) -> ArrayD<C> {
    Zip::from(a).and(b).map_collect(|&x, &y| f(x, y))
}

pub(super) fn fmax<T: Float>(a: T, b: T) -> T {
    if a.is_nan() || b.is_nan() {
        T::nan()
    } else if a > b {
        a
    } else {
        b
    }
}
pub(super) fn fmin<T: Float>(a: T, b: T) -> T {
    if a.is_nan() || b.is_nan() {
        T::nan()
    } else if a < b {
        a
    } else {
        b
    }
}

macro_rules! float_binary {
    ($b:expr, $x:expr, $y:expr, $t:ty) => {{
        use BinaryOp::*;
        let f: fn($t, $t) -> $t = match $b {
            Add => |a, c| a + c,
            Sub => |a, c| a - c,
            Mul => |a, c| a * c,
            Div => |a, c| a / c,
            Pow => |a: $t, c| a.powf(c),
            Max => fmax,
            Min => fmin,
            Atan2 => |a: $t, c| a.atan2(c),
            _ => return Err(unsupported(&format!("{:?}", $b), stringify!($t))),
        };
        zip2($x, $y, f).into()
    }};
}

macro_rules! complex_binary {
    ($b:expr, $x:expr, $y:expr, $t:ty) => {{
        let f: fn(Complex<$t>, Complex<$t>) -> Complex<$t> = match $b {
            BinaryOp::Add => |a, c| a + c,
            BinaryOp::Sub => |a, c| a - c,
            BinaryOp::Mul => |a, c| a * c,
            BinaryOp::Div => |a, c| a / c,
            BinaryOp::Pow => |a: Complex<$t>, c: Complex<$t>| {
                if c.re == 0.0 && c.im == 0.0 {
                    Complex::new(1.0, 0.0)
                } else {
                    a.powc(c)
                }
            },
            _ => return Err(unsupported(&format!("{:?}", $b), "complex")),
        };
        zip2($x, $y, f).into()
    }};
}

macro_rules! int_binary {
    ($b:expr, $x:expr, $y:expr, $t:ty) => {{
        use BinaryOp::*;
        let f: fn($t, $t) -> $t = match $b {
            Add => |a: $t, c| a.wrapping_add(c),
            Sub => |a: $t, c| a.wrapping_sub(c),
            Mul => |a: $t, c| a.wrapping_mul(c),
            // XLA semantics: x / 0 = -1, MIN / -1 = MIN (never a panic)
            Div => |a: $t, c: $t| a.checked_div(c).unwrap_or(if c == 0 { -1 } else { a }),
            Max => |a: $t, c| a.max(c),
            Min => |a: $t, c| a.min(c),
            And => |a, c| a & c,
            Or => |a, c| a | c,
            _ => return Err(unsupported(&format!("{:?}", $b), stringify!($t))),
        };
        zip2($x, $y, f).into()
    }};
}

pub(super) fn binary(b: BinaryOp, x: &HostTensor, y: &HostTensor) -> Result<H> {
    use HostTensor as T;
    Ok(match (x, y) {
        (T::F32(a), T::F32(c)) if b == BinaryOp::Complex => zip2(a, c, Complex::new).into(),
        (T::F64(a), T::F64(c)) if b == BinaryOp::Complex => zip2(a, c, Complex::new).into(),
        (T::F32(a), T::F32(c)) => float_binary!(b, a, c, f32),
        (T::F64(a), T::F64(c)) => float_binary!(b, a, c, f64),
        (T::C64(a), T::C64(c)) => complex_binary!(b, a, c, f32),
        (T::C128(a), T::C128(c)) => complex_binary!(b, a, c, f64),
        (T::I32(a), T::I32(c)) => int_binary!(b, a, c, i32),
        (T::I64(a), T::I64(c)) => int_binary!(b, a, c, i64),
        (T::Bool(a), T::Bool(c)) => match b {
            BinaryOp::And => zip2(a, c, |p, q| p & q).into(),
            BinaryOp::Or => zip2(a, c, |p, q| p | q).into(),
            _ => return Err(unsupported(&format!("{b:?}"), "bool")),
        },
        _ => return Err(unsupported(&format!("{b:?}"), "mixed dtypes")),
    })
}

fn cmp_fn<T: PartialOrd + PartialEq>(c: CmpOp) -> fn(T, T) -> bool {
    match c {
        CmpOp::Eq => |a, b| a == b,
        CmpOp::Ne => |a, b| a != b,
        CmpOp::Lt => |a, b| a < b,
        CmpOp::Le => |a, b| a <= b,
        CmpOp::Gt => |a, b| a > b,
        CmpOp::Ge => |a, b| a >= b,
    }
}

pub(super) fn compare(c: CmpOp, x: &HostTensor, y: &HostTensor) -> Result<H> {
    use HostTensor as T;
    Ok(match (x, y) {
        (T::Bool(a), T::Bool(b)) => zip2(a, b, cmp_fn(c)).into(),
        (T::I32(a), T::I32(b)) => zip2(a, b, cmp_fn(c)).into(),
        (T::I64(a), T::I64(b)) => zip2(a, b, cmp_fn(c)).into(),
        (T::F32(a), T::F32(b)) => zip2(a, b, cmp_fn(c)).into(),
        (T::F64(a), T::F64(b)) => zip2(a, b, cmp_fn(c)).into(),
        (T::C64(a), T::C64(b)) if c == CmpOp::Eq => zip2(a, b, |p, q| p == q).into(),
        (T::C64(a), T::C64(b)) if c == CmpOp::Ne => zip2(a, b, |p, q| p != q).into(),
        (T::C128(a), T::C128(b)) if c == CmpOp::Eq => zip2(a, b, |p, q| p == q).into(),
        (T::C128(a), T::C128(b)) if c == CmpOp::Ne => zip2(a, b, |p, q| p != q).into(),
        _ => return Err(unsupported(&format!("compare {c:?}"), x.dtype().name())),
    })
}

pub(super) fn select(p: &HostTensor, a: &HostTensor, b: &HostTensor) -> Result<H> {
    use HostTensor as T;
    let T::Bool(p) = p else {
        return Err(unsupported("select predicate", p.dtype().name()));
    };
    macro_rules! sel {
        ($x:expr, $y:expr) => {
            Zip::from(p)
                .and($x)
                .and($y)
                .map_collect(|&c, &u, &v| if c { u } else { v })
                .into()
        };
    }
    Ok(match (a, b) {
        (T::Bool(x), T::Bool(y)) => sel!(x, y),
        (T::I32(x), T::I32(y)) => sel!(x, y),
        (T::I64(x), T::I64(y)) => sel!(x, y),
        (T::F32(x), T::F32(y)) => sel!(x, y),
        (T::F64(x), T::F64(y)) => sel!(x, y),
        (T::C64(x), T::C64(y)) => sel!(x, y),
        (T::C128(x), T::C128(y)) => sel!(x, y),
        _ => return Err(unsupported("select", "mixed dtypes")),
    })
}

pub(super) fn convert(a: &HostTensor, to: DType) -> Result<H> {
    use HostTensor as T;
    if a.dtype() == to {
        return Ok(a.clone().into_owned());
    }
    // Real sources go through f64 (ints through i64 to keep them exact), then to the target.
    enum Mid {
        Int(ArrayD<i64>),
        Real(ArrayD<f64>),
        Cplx(ArrayD<Complex<f64>>),
    }
    let mid = match a {
        T::Bool(x) => Mid::Int(x.mapv(|v| v as i64)),
        T::I32(x) => Mid::Int(x.mapv(|v| v as i64)),
        T::I64(x) => Mid::Int(x.to_owned()),
        T::F32(x) => Mid::Real(x.mapv(|v| v as f64)),
        T::F64(x) => Mid::Real(x.to_owned()),
        T::C64(x) => Mid::Cplx(x.mapv(|v| Complex::new(v.re as f64, v.im as f64))),
        T::C128(x) => Mid::Cplx(x.to_owned()),
    };
    Ok(match (mid, to) {
        (Mid::Int(x), DType::Bool) => x.mapv(|v| v != 0).into(),
        (Mid::Int(x), DType::I32) => x.mapv(|v| v as i32).into(),
        (Mid::Int(x), DType::I64) => x.into(),
        (Mid::Int(x), DType::F32) => x.mapv(|v| v as f32).into(),
        (Mid::Int(x), DType::F64) => x.mapv(|v| v as f64).into(),
        (Mid::Int(x), DType::C64) => x.mapv(|v| Complex::new(v as f32, 0.0)).into(),
        (Mid::Int(x), DType::C128) => x.mapv(|v| Complex::new(v as f64, 0.0)).into(),
        (Mid::Real(x), DType::Bool) => x.mapv(|v| v != 0.0).into(),
        (Mid::Real(x), DType::I32) => x.mapv(|v| v as i32).into(),
        (Mid::Real(x), DType::I64) => x.mapv(|v| v as i64).into(),
        (Mid::Real(x), DType::F32) => x.mapv(|v| v as f32).into(),
        (Mid::Real(x), DType::F64) => x.into(),
        (Mid::Real(x), DType::C64) => x.mapv(|v| Complex::new(v as f32, 0.0)).into(),
        (Mid::Real(x), DType::C128) => x.mapv(|v| Complex::new(v, 0.0)).into(),
        (Mid::Cplx(x), DType::C64) => x.mapv(|v| Complex::new(v.re as f32, v.im as f32)).into(),
        (Mid::Cplx(x), DType::C128) => x.into(),
        (_, d) => return Err(unsupported("convert", &format!("{} -> {d}", a.dtype()))),
    })
}

// ---------------------------------------------------------------------------------------------
// reductions: permute to (reduced..., kept...), then fold row by row. f32 and c64 sums
// accumulate in f64 (more accurate than the reference's float32 pairwise sums).

/// Moves `axes` to the front and returns a standard-layout view as (rows, cols).
fn rows_first<A: Clone>(x: &CowArray<A, IxDyn>, axes: &[usize]) -> (ArrayD<A>, usize, Vec<usize>) {
    let rank = x.ndim();
    let kept: Vec<usize> = (0..rank).filter(|i| !axes.contains(i)).collect();
    let perm: Vec<usize> = axes.iter().chain(&kept).copied().collect();
    let out_shape: Vec<usize> = kept.iter().map(|&i| x.shape()[i]).collect();
    let v = x.view().permuted_axes(perm);
    let owned = v.as_standard_layout().into_owned();
    let cols: usize = out_shape.iter().product();
    (owned, cols, out_shape)
}

fn fold<A: Clone, Acc: Clone, R>(
    x: &CowArray<A, IxDyn>,
    axes: &[usize],
    init: Acc,
    step: impl Fn(&mut Acc, &A),
    finish: impl Fn(&Acc) -> R,
) -> ArrayD<R> {
    let (data, cols, out_shape) = rows_first(x, axes);
    let flat = data.as_slice().expect("standard layout");
    let mut acc = vec![init; cols];
    if cols > 0 {
        for row in flat.chunks_exact(cols) {
            for (a, v) in acc.iter_mut().zip(row) {
                step(a, v);
            }
        }
    }
    let out: Vec<R> = acc.iter().map(finish).collect();
    ArrayD::from_shape_vec(IxDyn(&out_shape), out).expect("shape matches")
}

fn reduce(x: &HostTensor, k: ReduceKind, axes: &[usize]) -> Result<H> {
    use HostTensor as T;
    use ReduceKind::*;
    macro_rules! fmaxmin {
        ($a:expr, $t:ty) => {
            match k {
                Max => fold(
                    $a,
                    axes,
                    <$t>::NEG_INFINITY,
                    |s, &v| *s = fmax(*s, v),
                    |s| *s,
                )
                .into(),
                Min => fold($a, axes, <$t>::INFINITY, |s, &v| *s = fmin(*s, v), |s| *s).into(),
                _ => return Err(unsupported(&format!("reduce {k:?}"), stringify!($t))),
            }
        };
    }
    macro_rules! imaxmin {
        ($a:expr, $t:ty) => {
            match k {
                Sum => fold($a, axes, 0 as $t, |s, &v| *s = s.wrapping_add(v), |s| *s).into(),
                Max => fold($a, axes, <$t>::MIN, |s, &v| *s = (*s).max(v), |s| *s).into(),
                Min => fold($a, axes, <$t>::MAX, |s, &v| *s = (*s).min(v), |s| *s).into(),
                _ => return Err(unsupported(&format!("reduce {k:?}"), stringify!($t))),
            }
        };
    }
    Ok(match (x, k) {
        (T::F32(a), Sum) => fold(a, axes, 0f64, |s, &v| *s += v as f64, |s| *s as f32).into(),
        (T::F64(a), Sum) => fold(a, axes, 0f64, |s, &v| *s += v, |s| *s).into(),
        (T::C64(a), Sum) => fold(
            a,
            axes,
            Complex::new(0f64, 0f64),
            |s, v| *s += Complex::new(v.re as f64, v.im as f64),
            |s| Complex::new(s.re as f32, s.im as f32),
        )
        .into(),
        (T::C128(a), Sum) => fold(a, axes, Complex::new(0f64, 0f64), |s, v| *s += v, |s| *s).into(),
        (T::F32(a), _) => fmaxmin!(a, f32),
        (T::F64(a), _) => fmaxmin!(a, f64),
        (T::I32(a), _) => imaxmin!(a, i32),
        (T::I64(a), _) => imaxmin!(a, i64),
        (T::Bool(a), All) => fold(a, axes, true, |s, &v| *s &= v, |s| *s).into(),
        (T::Bool(a), Any) => fold(a, axes, false, |s, &v| *s |= v, |s| *s).into(),
        _ => return Err(unsupported(&format!("reduce {k:?}"), x.dtype().name())),
    })
}

// ---------------------------------------------------------------------------------------------
// shape operations

fn broadcast(a: &HostTensor, shape: &[usize], dims: &[usize]) -> Result<H> {
    // insert unit axes for the result axes not in `dims` (dims is increasing)
    let mut expanded = vec![1usize; shape.len()];
    for (i, &d) in dims.iter().enumerate() {
        expanded[d] = a.shape()[i];
    }
    with_host!(a, x => {
        let std = x.as_standard_layout();
        let v = std
            .view()
            .into_shape_with_order(IxDyn(&expanded))
            .map_err(|e| Error::graph("broadcast_in_dim", e.to_string()))?;
        let b = v
            .broadcast(IxDyn(shape))
            .ok_or_else(|| Error::graph("broadcast_in_dim", format!("{expanded:?} to {shape:?}")))?;
        Ok(b.to_owned().into())
    })
}

pub(super) fn reshape(a: &HostTensor, shape: &[usize]) -> Result<H> {
    with_host!(a, x => {
        let std = x.as_standard_layout().into_owned();
        let r = std
            .into_shape_with_order(IxDyn(shape))
            .map_err(|e| Error::graph("reshape", e.to_string()))?;
        Ok(r.into())
    })
}

fn pad(a: &HostTensor, value: &HostTensor, low: &[usize], shape: &[usize]) -> Result<H> {
    use HostTensor as T;
    macro_rules! p {
        ($x:expr, $v:expr) => {{
            let fill = *$v
                .iter()
                .next()
                .ok_or_else(|| Error::graph("pad", "empty value"))?;
            let mut out = ArrayD::from_elem(IxDyn(shape), fill);
            out.slice_each_axis_mut(|ax| {
                let i = ax.axis.index();
                Slice::from(low[i]..low[i] + $x.shape()[i])
            })
            .assign($x);
            out.into()
        }};
    }
    Ok(match (a, value) {
        (T::Bool(x), T::Bool(v)) => p!(x, v),
        (T::I32(x), T::I32(v)) => p!(x, v),
        (T::I64(x), T::I64(v)) => p!(x, v),
        (T::F32(x), T::F32(v)) => p!(x, v),
        (T::F64(x), T::F64(v)) => p!(x, v),
        (T::C64(x), T::C64(v)) => p!(x, v),
        (T::C128(x), T::C128(v)) => p!(x, v),
        _ => return Err(unsupported("pad", "mixed dtypes")),
    })
}

pub(super) fn concat(parts: &[&HostTensor], axis: usize) -> Result<H> {
    use HostTensor as T;
    macro_rules! cat {
        ($var:ident) => {{
            let views = parts
                .iter()
                .map(|p| match p {
                    T::$var(x) => Ok(x.view()),
                    _ => Err(unsupported("concatenate", "mixed dtypes")),
                })
                .collect::<Result<Vec<_>>>()?;
            ndarray::concatenate(Axis(axis), &views)
                .map_err(|e| Error::graph("concatenate", e.to_string()))?
                .into()
        }};
    }
    Ok(match parts[0] {
        T::Bool(_) => cat!(Bool),
        T::I32(_) => cat!(I32),
        T::I64(_) => cat!(I64),
        T::F32(_) => cat!(F32),
        T::F64(_) => cat!(F64),
        T::C64(_) => cat!(C64),
        T::C128(_) => cat!(C128),
    })
}

// ---------------------------------------------------------------------------------------------
// FFT over the last axis (rustfft)

fn fft_lanes<T: FftNum + Float>(
    kind: FftKind,
    input: ArrayD<Complex<T>>,
    n: usize,
) -> ArrayD<Complex<T>> {
    let mut planner = FftPlanner::<T>::new();
    let plan = match kind {
        FftKind::Fft | FftKind::Rfft => planner.plan_fft_forward(n),
        FftKind::Ifft | FftKind::Irfft => planner.plan_fft_inverse(n),
    };
    let mut data = input.as_standard_layout().into_owned();
    if let Some(s) = data.as_slice_mut() {
        if !s.is_empty() {
            plan.process(s);
        }
    }
    if matches!(kind, FftKind::Ifft | FftKind::Irfft) {
        let scale = T::one() / T::from(n).expect("n fits");
        data.mapv_inplace(|z| z * scale);
    }
    data
}

fn fft(kind: FftKind, a: &HostTensor, n: usize) -> Result<H> {
    use HostTensor as T;
    let half = n / 2 + 1;
    macro_rules! go {
        ($x:expr, $t:ty, $is_complex:expr) => {{
            match kind {
                FftKind::Fft | FftKind::Ifft => fft_lanes::<$t>(kind, $x, n).into(),
                FftKind::Rfft => {
                    let full = fft_lanes::<$t>(kind, $x, n);
                    full.slice_axis(Axis(full.ndim() - 1), Slice::from(0..half)).to_owned().into()
                }
                FftKind::Irfft => {
                    // rebuild the Hermitian spectrum of length n, then inverse and take the real part
                    let x = $x;
                    let last = x.ndim() - 1;
                    let mut shape = x.shape().to_vec();
                    shape[last] = n;
                    let full = ArrayD::from_shape_fn(IxDyn(&shape), |ix| {
                        let k = ix[last];
                        let mut j = ix.clone();
                        if k < half {
                            x[&j]
                        } else {
                            j[last] = n - k;
                            x[&j].conj()
                        }
                    });
                    fft_lanes::<$t>(kind, full, n).mapv(|z| z.re).into()
                }
            }
        }};
    }
    Ok(match (a, kind) {
        (T::C64(x), FftKind::Fft | FftKind::Ifft | FftKind::Irfft) => go!(x.to_owned(), f32, true),
        (T::C128(x), FftKind::Fft | FftKind::Ifft | FftKind::Irfft) => go!(x.to_owned(), f64, true),
        (T::F32(x), FftKind::Rfft) => go!(x.mapv(|v| Complex::new(v, 0.0)), f32, false),
        (T::F64(x), FftKind::Rfft) => go!(x.mapv(|v| Complex::new(v, 0.0)), f64, false),
        _ => return Err(unsupported(&format!("fft {kind:?}"), a.dtype().name())),
    })
}

// ---------------------------------------------------------------------------------------------
// bincount: counts of each index in 0..length, out-of-range indices ignored

fn bincount(a: &HostTensor, length: usize, out: DType) -> Result<H> {
    use HostTensor as T;
    let mut counts = vec![0i64; length];
    let mut add = |i: i64| {
        if let Some(c) = usize::try_from(i).ok().and_then(|i| counts.get_mut(i)) {
            *c += 1;
        }
    };
    match a {
        T::I32(x) => x.iter().for_each(|&i| add(i64::from(i))),
        T::I64(x) => x.iter().for_each(|&i| add(i)),
        other => return Err(unsupported("bincount indices", other.dtype().name())),
    }
    Ok(match out {
        // a count cannot exceed the number of indices, which the graph builder checks against
        // i32::MAX for i32 results
        DType::I32 => ArrayD::from_shape_vec(
            IxDyn(&[length]),
            counts.into_iter().map(|c| c as i32).collect(),
        )
        .expect("length")
        .into(),
        DType::I64 => ArrayD::from_shape_vec(IxDyn(&[length]), counts)
            .expect("length")
            .into(),
        other => return Err(unsupported("bincount result", other.name())),
    })
}

// ---------------------------------------------------------------------------------------------
// sort: stable, keyed by operand 0, IEEE total order (NaN last), like XLA's TOTALORDER compare

fn sort(parts: &[&HostTensor], axis: usize, descending: bool) -> Result<Vec<H>> {
    use HostTensor as T;
    let shape = parts[0].shape().to_vec();
    let len = shape[axis];
    if parts.len() == 1 {
        // the key alone: sort the values themselves (no permutation). An unstable sort gives
        // the same result as a stable one here, since keys that compare equal (IEEE total
        // order, or integer order) are bit for bit the same.
        macro_rules! by_value {
            ($x:expr, $cmp:expr) => {{
                let mut moved = move_last($x, axis);
                let flat = moved.as_slice_mut().expect("standard layout");
                if len > 0 {
                    for lane in flat.chunks_exact_mut(len) {
                        lane.sort_unstable_by(|a, b| {
                            let o = $cmp(a, b);
                            if descending {
                                o.reverse()
                            } else {
                                o
                            }
                        });
                    }
                }
                let mut back: Vec<usize> = (0..shape.len()).collect();
                let last = back.pop().expect("rank >= 1");
                back.insert(axis, last);
                moved
                    .permuted_axes(back)
                    .as_standard_layout()
                    .into_owned()
                    .into()
            }};
        }
        return Ok(vec![match parts[0] {
            T::F32(x) => by_value!(x, |a: &f32, b: &f32| a.total_cmp(b)),
            T::F64(x) => by_value!(x, |a: &f64, b: &f64| a.total_cmp(b)),
            T::I32(x) => by_value!(x, |a: &i32, b: &i32| a.cmp(b)),
            T::I64(x) => by_value!(x, |a: &i64, b: &i64| a.cmp(b)),
            other => return Err(unsupported("sort key", other.dtype().name())),
        }]);
    }
    let lanes = shape
        .iter()
        .product::<usize>()
        .checked_div(len)
        .unwrap_or(0);
    // permutation per lane, computed on the key moved to the last axis
    let mut perms: Vec<Vec<usize>> = Vec::with_capacity(lanes);
    macro_rules! key_perm {
        ($x:expr, $cmp:expr) => {{
            let moved = move_last($x, axis);
            let flat = moved.as_slice().expect("standard layout");
            if len > 0 {
                for lane in flat.chunks_exact(len) {
                    let mut idx: Vec<usize> = (0..len).collect();
                    idx.sort_by(|&i, &j| {
                        let o = $cmp(&lane[i], &lane[j]);
                        if descending {
                            o.reverse()
                        } else {
                            o
                        }
                    });
                    perms.push(idx);
                }
            }
        }};
    }
    match parts[0] {
        T::F32(x) => key_perm!(x, |a: &f32, b: &f32| a.total_cmp(b)),
        T::F64(x) => key_perm!(x, |a: &f64, b: &f64| a.total_cmp(b)),
        T::I32(x) => key_perm!(x, |a: &i32, b: &i32| a.cmp(b)),
        T::I64(x) => key_perm!(x, |a: &i64, b: &i64| a.cmp(b)),
        other => return Err(unsupported("sort key", other.dtype().name())),
    }
    parts
        .iter()
        .map(|p| {
            Ok(with_host!(p, x => {
                let moved = move_last(x, axis);
                let flat = moved.as_slice().expect("standard layout");
                let mut out = Vec::with_capacity(flat.len());
                if len > 0 {
                    for (lane, perm) in flat.chunks_exact(len).zip(&perms) {
                        out.extend(perm.iter().map(|&i| lane[i]));
                    }
                }
                let moved_shape = moved.shape().to_vec();
                let arr = ArrayD::from_shape_vec(IxDyn(&moved_shape), out).expect("same size");
                let mut back: Vec<usize> = (0..shape.len()).collect();
                let last = back.pop().expect("rank >= 1");
                back.insert(axis, last);
                arr.permuted_axes(back).as_standard_layout().into_owned().into()
            }))
        })
        .collect()
}

fn move_last<A: Clone>(x: &CowArray<A, IxDyn>, axis: usize) -> ArrayD<A> {
    let mut perm: Vec<usize> = (0..x.ndim()).filter(|&i| i != axis).collect();
    perm.push(axis);
    x.view()
        .permuted_axes(perm)
        .as_standard_layout()
        .into_owned()
}

// ---------------------------------------------------------------------------------------------
// dot_general: (batch, free, contract) x (batch, contract, free) -> batched matmul

fn dot_general(
    l: &HostTensor,
    r: &HostTensor,
    batch: (&[usize], &[usize]),
    contract: (&[usize], &[usize]),
    out_shape: &[usize],
) -> Result<H> {
    use HostTensor as T;
    /// The operand as (batch, free, contract) or (batch, contract, free), copied only when
    /// that order is not already its row-major layout.
    fn arrange<'x, A: Clone>(
        x: &'x CowArray<A, IxDyn>,
        batch: &[usize],
        contract: &[usize],
        contract_last: bool,
    ) -> (CowArray<'x, A, IxDyn>, usize, usize, usize) {
        let free: Vec<usize> = (0..x.ndim())
            .filter(|i| !batch.contains(i) && !contract.contains(i))
            .collect();
        let size = |axes: &[usize]| axes.iter().map(|&i| x.shape()[i]).product::<usize>();
        let (b, f, c) = (size(batch), size(&free), size(contract));
        let perm: Vec<usize> = if contract_last {
            batch.iter().chain(&free).chain(contract).copied().collect()
        } else {
            batch.iter().chain(contract).chain(&free).copied().collect()
        };
        let v = x.view().permuted_axes(perm);
        let a = if v.is_standard_layout() {
            CowArray::from(v)
        } else {
            CowArray::from(v.as_standard_layout().into_owned())
        };
        (a, b, f, c)
    }
    macro_rules! go {
        ($x:expr, $y:expr) => {{
            let (a, nb, m, k) = arrange($x, batch.0, contract.0, true);
            let (b, _, n, _) = arrange($y, batch.1, contract.1, false);
            let a = a
                .view()
                .into_shape_with_order((nb, m, k))
                .expect("sizes match");
            let b = b
                .view()
                .into_shape_with_order((nb, k, n))
                .expect("sizes match");
            let mut out = ndarray::Array3::zeros((nb, m, n));
            for i in 0..nb {
                let prod = a.index_axis(Axis(0), i).dot(&b.index_axis(Axis(0), i));
                out.index_axis_mut(Axis(0), i).assign(&prod);
            }
            out.into_shape_with_order(IxDyn(out_shape))
                .map_err(|e| Error::graph("dot_general", e.to_string()))?
                .into()
        }};
    }
    Ok(match (l, r) {
        (T::F32(x), T::F32(y)) => go!(x, y),
        (T::F64(x), T::F64(y)) => go!(x, y),
        (T::C64(x), T::C64(y)) => go!(x, y),
        (T::C128(x), T::C128(y)) => go!(x, y),
        (T::I32(x), T::I32(y)) => go!(x, y),
        (T::I64(x), T::I64(y)) => go!(x, y),
        _ => return Err(unsupported("dot_general", l.dtype().name())),
    })
}
