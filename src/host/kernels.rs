//! Vectorisable kernels for the hot elementwise operations of the fused evaluator, on
//! contiguous one-dimensional chunks. Each computes exactly the scalar expression of the
//! interpreter's version in `eval.rs` (so results are bit-identical), but as a monomorphised
//! closure over slices, which the compiler can inline and vectorise; everything else falls back
//! to the interpreter's implementation.

use ndarray::{Array1, ArrayD, CowArray, IxDyn};
use num_complex::Complex;

use super::eval::{self, fmax, fmin, fsign, CNorm};
use super::HostTensor;
use crate::error::Result;
use crate::graph::ir::{BinaryOp, UnaryOp};

type H = HostTensor<'static>;

fn v1<A: Copy, B>(x: &CowArray<'_, A, IxDyn>, f: impl Fn(A) -> B) -> Option<ArrayD<B>> {
    let s = x.as_slice()?;
    Some(Array1::from_vec(s.iter().map(|&v| f(v)).collect()).into_dyn())
}

fn v2<A: Copy, B: Copy, C>(
    x: &CowArray<'_, A, IxDyn>,
    y: &CowArray<'_, B, IxDyn>,
    f: impl Fn(A, B) -> C,
) -> Option<ArrayD<C>> {
    let (s, t) = (x.as_slice()?, y.as_slice()?);
    if s.len() != t.len() {
        return None;
    }
    Some(Array1::from_vec(s.iter().zip(t).map(|(&a, &b)| f(a, b)).collect()).into_dyn())
}

macro_rules! float_unary {
    ($u:expr, $x:expr) => {{
        use UnaryOp::*;
        match $u {
            Neg => v1($x, |v| -v),
            Abs => v1($x, |v| v.abs()),
            Sqrt => v1($x, |v| v.sqrt()),
            Sign => v1($x, fsign),
            Floor => v1($x, |v| v.floor()),
            Exp => v1($x, |v| v.exp()),
            Log => v1($x, |v| v.ln()),
            _ => None,
        }
        .map(H::from)
    }};
}

macro_rules! complex_unary {
    ($u:expr, $x:expr) => {{
        use UnaryOp::*;
        match $u {
            Real => v1($x, |z| z.re).map(H::from),
            Imag => v1($x, |z| z.im).map(H::from),
            Abs => v1($x, CNorm::cnorm).map(H::from),
            Neg => v1($x, |z| -z).map(H::from),
            Conj => v1($x, |z| z.conj()).map(H::from),
            Sign => v1($x, eval::csign).map(H::from),
            _ => None,
        }
    }};
}

/// An elementwise unary operation on a chunk.
pub(super) fn unary(u: UnaryOp, a: &HostTensor<'_>) -> Result<H> {
    use HostTensor as T;
    let fast = match a {
        T::F32(x) => float_unary!(u, x),
        T::F64(x) => float_unary!(u, x),
        T::C64(x) => complex_unary!(u, x),
        T::C128(x) => complex_unary!(u, x),
        _ => None,
    };
    match fast {
        Some(h) => Ok(h),
        None => eval::unary(u, a),
    }
}

macro_rules! float_binary {
    ($b:expr, $x:expr, $y:expr) => {{
        match $b {
            BinaryOp::Add => v2($x, $y, |a, c| a + c).map(H::from),
            BinaryOp::Sub => v2($x, $y, |a, c| a - c).map(H::from),
            BinaryOp::Mul => v2($x, $y, |a, c| a * c).map(H::from),
            BinaryOp::Div => v2($x, $y, |a, c| a / c).map(H::from),
            BinaryOp::Max => v2($x, $y, fmax).map(H::from),
            BinaryOp::Min => v2($x, $y, fmin).map(H::from),
            BinaryOp::Complex => v2($x, $y, Complex::new).map(H::from),
            _ => None,
        }
    }};
}

macro_rules! complex_binary {
    ($b:expr, $x:expr, $y:expr) => {{
        use BinaryOp::*;
        match $b {
            Add => v2($x, $y, |a, c| a + c),
            Sub => v2($x, $y, |a, c| a - c),
            Mul => v2($x, $y, |a, c| a * c),
            Div => v2($x, $y, |a, c| a / c),
            _ => None,
        }
        .map(H::from)
    }};
}

/// An elementwise binary operation on two chunks.
pub(super) fn binary(b: BinaryOp, x: &HostTensor<'_>, y: &HostTensor<'_>) -> Result<H> {
    use HostTensor as T;
    let fast = match (x, y) {
        (T::F32(p), T::F32(q)) => float_binary!(b, p, q),
        (T::F64(p), T::F64(q)) => float_binary!(b, p, q),
        (T::C64(p), T::C64(q)) => complex_binary!(b, p, q),
        (T::C128(p), T::C128(q)) => complex_binary!(b, p, q),
        _ => None,
    };
    match fast {
        Some(h) => Ok(h),
        None => eval::binary(b, x, y),
    }
}
