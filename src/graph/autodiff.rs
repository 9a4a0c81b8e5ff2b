//! Reverse-mode automatic differentiation on the graph IR.
//!
//! [`grad`] (and the general [`vjp`]) walk the recorded graph backwards from an output and
//! **append the backward pass to the same graph**, built from the same primitives, so the
//! gradient is an ordinary [`Program`](super::Program): lowered to StableHLO (XLA fuses the
//! forward and backward passes), compiled, cached and run on every backend like a metric, or
//! evaluated on the host. Every primitive of [`Op`] has a vector-Jacobian rule (listed below).
//!
//! # Cotangents and the complex convention
//!
//! The cotangent `ḡ` of a value has that value's dtype and shape. For a real objective `L` the
//! cotangent of a **complex** value `z = x + i·y` follows JAX's convention
//!
//! ```text
//! ḡ = ∂L/∂x − i·∂L/∂y        so that   dL = Re Σ ḡ·dz
//! ```
//!
//! (`2·∂L/∂z` in Wirtinger terms; the *conjugate* of the steepest-ascent direction). Example:
//! `L = |z|²` gives `ḡ = 2·conj(z)`. To take a gradient-ascent step on complex data, move along
//! `conj(ḡ)`. PyTorch returns `conj(ḡ)`. With this convention a holomorphic `w = f(z)` has the
//! rule `ḡ_z = ḡ_w · f'(z)` (no conjugation), and a linear map has its plain transpose.
//!
//! # Rules, and the choices at non-differentiable points
//!
//! | primitive | cotangent of the operand(s) |
//! |---|---|
//! | `neg`, `add`, `sub`, `mul`, `div`, `exp`, `log`, `sin`, `cos` | the usual derivatives (holomorphic for complex) |
//! | `pow(x, y)` | `ḡ·y·x^(y−1)` (0 where `y = 0`, JAX), and `ḡ·ln(x)·x^y` with `ln(0)` read as 0 (JAX) |
//! | `abs` (real) | `ḡ·(x ≥ 0 ? 1 : −1)`: **+ḡ at 0**, as JAX |
//! | `abs` (complex) | `ḡ·conj(x)/abs(x)`, **0 at 0** (JAX) |
//! | `sqrt` | `ḡ/(2√x)`, **0 where √x = 0** (the derivative is infinite there; 0 keeps `sqrt(re²+im²)` equal to complex `abs` at the origin; JAX gives inf/NaN) |
//! | `sign` (complex, `x/abs(x)`) | `(ḡ − Re(ḡ·u)·conj(u))/abs(x)` with `u = x/abs(x)`; **0 at 0** (JAX's `lax.sign` has a zero derivative everywhere; this is the derivative of `x/abs(x)`, as the reference's PCF computes it) |
//! | `sign` (real), `floor`, `compare`, `is_finite`, conversions to integers or bool, the sort permutation, select predicates | no gradient: **piecewise constant** (see below) |
//! | `real`, `imag`, `conj`, `complex(a, b)` | `ḡ`, `−i·ḡ`, `conj(ḡ)`; `(Re ḡ, −Im ḡ)` |
//! | `max`/`min` (elementwise) | to the chosen operand; **ties split ½–½** (JAX's balanced rule) |
//! | `atan2(a, b)` | `(ḡ·b, −ḡ·a)/(a²+b²)`, **0 at the origin** |
//! | `select(p, a, b)` | `p ? ḡ : 0` and `p ? 0 : ḡ` |
//! | `convert` | back to the operand's type; real → complex keeps `Re ḡ` |
//! | `reduce` sum | broadcast back over the reduced axes |
//! | `reduce` max/min | shared **equally among all extremal elements** (ties: `ḡ/count` each, JAX's rule); variadic reduces: per operand |
//! | `broadcast_in_dim`, `reshape`, `transpose` | sum over broadcast axes, reshape back, inverse permutation |
//! | `slice` | zero-padded back into place (strides by interleaving zeros) |
//! | `pad` | the interior slice; the padding value gets the sum over the padding |
//! | `concatenate` | slices |
//! | `fft` FFT/IFFT | FFT/IFFT of `ḡ` (the transpose of the symmetric DFT matrix) |
//! | `fft` RFFT | `Re FFT_N(ḡ zero-padded to N)` |
//! | `fft` IRFFT | `c_k/N · conj(RFFT_N(ḡ))` with `c_k = 1` for the DC (and Nyquist) bin, 2 otherwise |
//! | `sort` | cotangents permuted back with the sort permutation (sorting an iota alongside the key, then sorting the cotangents by that permutation); **ties**: each output position has exactly one source (the stable order) |
//! | `median` | as `jnp.median` through its sort: all of the cotangent to the source of the middle element (odd length), half to each of the two middle ones (even); **ties**: the first equal element in stable order; zero if the input has a NaN |
//! | `dot_general` | `ḡ·rhsᵀ` and `lhsᵀ·ḡ` as dot_generals plus a transpose (no conjugation) |
//! | `iota`, `constant`, `parameter` | none |
//!
//! # Piecewise-constant objectives are an error
//!
//! If the objective depends on an input **only** through piecewise-constant primitives (a
//! histogram count built from `compare`, a clipping mask, `sign` of real data, ...), its gradient
//! is zero almost everywhere and carries no information: [`grad`] then fails with
//! [`Error::NotDifferentiable`] naming the primitive, instead of returning silent zeros. Values
//! declared with [`Tensor::non_differentiable`] fail whenever a gradient flows through them, and
//! [`Tensor::stop_gradient`] cuts a path on purpose. An input the objective does not depend on
//! at all has a zero gradient.

use std::collections::HashMap;

use super::ir::*;
use super::trace::{AdMark, Tensor};
use crate::dtype::DType;
use crate::error::{Error, Result};

/// The gradient of the real rank-0 `loss` with respect to each of `wrt` (values of the same
/// trace, usually its parameters): one tensor per `wrt`, of its dtype and shape, complex
/// cotangents in JAX's convention (see the [module documentation](self)).
///
/// Call it inside a [`trace`](super::trace()) closure; the backward pass is recorded into the
/// same graph. Errors: `loss` not a real scalar, a `wrt` of integer or bool dtype, and
/// [`Error::NotDifferentiable`] for piecewise-constant dependencies.
///
/// ```
/// use ultrasound_metrics::graph::{autodiff, trace, TensorType};
/// use ultrasound_metrics::host::{eval, HostTensor};
/// use ultrasound_metrics::DType;
/// use num_complex::Complex64;
/// // L = Σ|z|² → grad = 2·conj(z)
/// let p = trace("abs2", &[TensorType::new(DType::C128, &[2])], |z| {
///     let loss = z[0].abs2().sum_all();
///     autodiff::grad(&loss, &[&z[0]])
/// })?;
/// let z = ndarray::arr1(&[Complex64::new(3.0, 4.0), Complex64::new(-1.0, 0.5)]).into_dyn();
/// let g = eval(&p, vec![HostTensor::from(z)])?;
/// let HostTensor::C128(g) = &g[0] else { unreachable!() };
/// assert_eq!(g[[0]], Complex64::new(6.0, -8.0));
/// # Ok::<(), ultrasound_metrics::Error>(())
/// ```
pub fn grad(loss: &Tensor, wrt: &[&Tensor]) -> Result<Vec<Tensor>> {
    if loss.rank() != 0 || !loss.dtype().is_real_float() {
        return Err(Error::graph(
            "grad",
            format!(
                "the objective must be a real scalar (f32[] or f64[]), got {}",
                loss.ty()
            ),
        ));
    }
    let one = loss.scalar(1.0);
    vjp(&[loss], &[&one], wrt)
}

/// The vector-Jacobian product: the cotangents of `wrt` given cotangents of `outputs` (one per
/// output, of its type). `grad(loss, wrt)` is `vjp(&[loss], &[1], wrt)`. See [`grad`].
///
/// ```
/// use ultrasound_metrics::graph::{autodiff, trace, TensorType};
/// use ultrasound_metrics::DType;
/// // the VJP of y = 3·x with cotangent c is 3·c
/// let p = trace("vjp", &[TensorType::new(DType::F64, &[3]), TensorType::new(DType::F64, &[3])],
///     |a| autodiff::vjp(&[&(&a[0] * 3.0)], &[&a[1]], &[&a[0]]))?;
/// assert_eq!(p.outputs()[0].to_string(), "f64[3]");
/// # Ok::<(), ultrasound_metrics::Error>(())
/// ```
pub fn vjp(outputs: &[&Tensor], cotangents: &[&Tensor], wrt: &[&Tensor]) -> Result<Vec<Tensor>> {
    let Some(first) = outputs.first() else {
        return Err(Error::graph("vjp", "no outputs"));
    };
    if outputs.len() != cotangents.len() {
        return Err(Error::graph("vjp", "one cotangent per output"));
    }
    let all = outputs.iter().chain(cotangents).chain(wrt);
    for t in all.clone() {
        if !t.same_trace(first) {
            return Err(Error::graph(
                "vjp",
                format!("{t:?} belongs to another trace"),
            ));
        }
    }
    if all.clone().any(|t| t.is_poisoned()) {
        // a recording error is pending; `trace` returns it
        return Ok(wrt.iter().map(|w| (*w).clone()).collect());
    }
    for (o, c) in outputs.iter().zip(cotangents) {
        if o.ty() != c.ty() {
            return Err(Error::graph(
                "vjp",
                format!("cotangent {} for an output of type {}", c.ty(), o.ty()),
            ));
        }
    }
    for w in wrt {
        if !w.dtype().is_inexact() {
            return Err(Error::NotDifferentiable {
                what: format!("an input of type {}", w.ty()),
                why: "only floating-point and complex inputs have gradients".into(),
            });
        }
    }
    let nodes = first.nodes_snapshot();
    let n = nodes.len();

    // needs[i]: node i depends on some `wrt` (only these carry cotangents worth computing)
    let mut needs = vec![false; n];
    for w in wrt {
        needs[w.var().node] = true;
    }
    let lo = wrt.iter().map(|w| w.var().node).min().unwrap_or(n);
    for i in lo..n {
        if needs[i] {
            continue;
        }
        if matches!(first.mark_of(i), Some(AdMark::StopGradient)) {
            continue;
        }
        needs[i] = nodes[i].op.inputs().iter().any(|v| needs[v.node]);
    }
    for w in wrt {
        needs[w.var().node] = true;
    }

    let mut ct: HashMap<Var, Tensor> = HashMap::new();
    // blocked[i]: the objective depends on node i, but only through piecewise-constant
    // primitives; the value is the primitive's name
    let mut blocked: HashMap<usize, String> = HashMap::new();
    for (o, c) in outputs.iter().zip(cotangents) {
        if needs[o.var().node] {
            accumulate(&mut ct, o.var(), (*c).clone())?;
        }
    }
    let wrt_nodes: Vec<usize> = wrt.iter().map(|w| w.var().node).collect();
    let hi = outputs.iter().map(|o| o.var().node).max().unwrap_or(0);
    for i in (lo..=hi).rev() {
        if !needs[i] {
            continue;
        }
        let node = &nodes[i];
        if matches!(node.op, Op::Parameter(_)) {
            continue;
        }
        let gs: Vec<Option<Tensor>> = (0..node.outs.len())
            .map(|j| ct.get(&Var { node: i, out: j }).cloned())
            .collect();
        let has_ct = gs.iter().any(Option::is_some);
        if !has_ct && !blocked.contains_key(&i) {
            continue;
        }
        if let Some(AdMark::NotDifferentiable { what, why }) = first.mark_of(i) {
            return Err(Error::NotDifferentiable { what, why });
        }
        if wrt_nodes.contains(&i) && !has_ct {
            // an intermediate `wrt`: keep its blocked status, do not look further
            continue;
        }
        let inputs = node.op.inputs();
        let rules = if has_ct {
            let h = Ctx {
                base: first,
                node,
                index: i,
            };
            h.rule(&gs)?
        } else {
            vec![In::Blocked; inputs.len()]
        };
        let out_inexact = node.outs.iter().any(|t| t.dtype.is_inexact());
        for (v, r) in inputs.iter().zip(rules) {
            if !needs[v.node] {
                continue;
            }
            let v_inexact = nodes[v.node].outs[v.out].dtype.is_inexact();
            let killer = || {
                if !out_inexact && v_inexact {
                    node.op.name().to_string()
                } else {
                    blocked
                        .get(&i)
                        .cloned()
                        .unwrap_or_else(|| node.op.name().to_string())
                }
            };
            match r {
                In::Ct(t) if v_inexact => accumulate(&mut ct, *v, t)?,
                In::Zero => {}
                In::Killed(name) => {
                    blocked.entry(v.node).or_insert_with(|| name.to_string());
                }
                In::Ct(_) | In::Blocked => {
                    let k = killer();
                    blocked.entry(v.node).or_insert(k);
                }
            }
        }
    }
    wrt.iter()
        .map(|w| {
            if let Some(g) = ct.get(&w.var()) {
                Ok(g.clone())
            } else if let Some(prim) = blocked.get(&w.var().node) {
                Err(Error::NotDifferentiable {
                    what: "the objective".into(),
                    why: format!(
                        "it depends on the input {} only through `{prim}`, which is piecewise \
                         constant: the gradient is zero almost everywhere (use a smooth \
                         surrogate, or stop_gradient on that path if zeros are intended)",
                        w.ty()
                    ),
                })
            } else {
                Ok(w.full_like(0.0))
            }
        })
        .collect()
}

fn accumulate(ct: &mut HashMap<Var, Tensor>, v: Var, t: Tensor) -> Result<()> {
    let want = t.at(v);
    if t.ty() != want.ty() {
        return Err(Error::graph(
            "grad",
            format!(
                "internal: cotangent {} for a value of type {} (please report it)",
                t.ty(),
                want.ty()
            ),
        ));
    }
    let sum = match ct.remove(&v) {
        Some(acc) => &acc + &t,
        None => t,
    };
    ct.insert(v, sum);
    Ok(())
}

/// The cotangent contribution of one rule to one operand.
#[derive(Clone)]
enum In {
    /// A cotangent.
    Ct(Tensor),
    /// The result does not depend on this operand.
    Zero,
    /// The result depends on this operand only through this piecewise-constant primitive.
    Killed(&'static str),
    /// No gradient flows (a bool/int operand, or no cotangent reached the node).
    Blocked,
}

struct Ctx<'a> {
    base: &'a Tensor,
    node: &'a Node,
    index: usize,
}

fn inverse_perm(perm: &[usize]) -> Vec<usize> {
    let mut inv = vec![0; perm.len()];
    for (i, &p) in perm.iter().enumerate() {
        inv[p] = i;
    }
    inv
}

/// Sums `g` (of a broadcast result) back to the operand shape `shape` given `dims`.
fn unbroadcast(g: &Tensor, shape: &[usize], dims: &[usize]) -> Tensor {
    let out = g.shape().to_vec();
    let summed: Vec<usize> = (0..out.len())
        .filter(|a| match dims.iter().position(|d| d == a) {
            None => true,
            Some(i) => shape[i] == 1 && out[*a] != 1,
        })
        .collect();
    let s = if summed.is_empty() {
        g.clone()
    } else {
        g.sum(&summed)
    };
    s.reshape(shape)
}

impl Ctx<'_> {
    fn t(&self, v: Var) -> Tensor {
        self.base.at(v)
    }
    fn out(&self, j: usize) -> Tensor {
        self.base.at(Var {
            node: self.index,
            out: j,
        })
    }

    /// The rules: one entry per operand (in `Op::inputs` order).
    fn rule(&self, gs: &[Option<Tensor>]) -> Result<Vec<In>> {
        let g0 = || gs[0].clone().expect("single-output node with a cotangent");
        let op = &self.node.op;
        Ok(match op {
            Op::Parameter(_) | Op::Constant(_) | Op::Iota(_) => vec![],
            Op::Unary(u, a) => vec![self.unary(*u, *a, g0())],
            Op::Binary(b, x, y) => {
                let (gx, gy) = self.binary(*b, *x, *y, g0());
                vec![gx, gy]
            }
            Op::Compare(..) => vec![In::Killed("compare"); 2],
            // integer indices in, integer counts out: no gradient to carry
            Op::Bincount(..) => vec![In::Blocked],
            Op::Median(a) => vec![self.median(*a, g0())],
            Op::Select(_, a, _) => {
                let g = g0();
                let p = self.t(op.inputs()[0]);
                let z = self.t(*a).full_like(0.0);
                vec![
                    In::Blocked,
                    In::Ct(p.select(&g, &z)),
                    In::Ct(p.select(&z, &g)),
                ]
            }
            Op::Convert(a) => vec![self.convert(*a, g0())],
            Op::Reduce {
                operands,
                kinds,
                axes,
            } => operands
                .iter()
                .zip(kinds)
                .zip(gs)
                .enumerate()
                .map(|(j, ((v, k), g))| match g {
                    None => In::Blocked,
                    Some(g) => self.reduce(*v, *k, axes, g.clone(), j),
                })
                .collect(),
            Op::Broadcast(a, dims) => {
                let shape = self.t(*a).shape().to_vec();
                vec![In::Ct(unbroadcast(&g0(), &shape, dims))]
            }
            Op::Reshape(a) => vec![In::Ct(g0().reshape(self.t(*a).shape()))],
            Op::Transpose(_, perm) => vec![In::Ct(g0().transpose(&inverse_perm(perm)))],
            Op::Slice {
                operand,
                start,
                limit: _,
                stride,
            } => vec![In::Ct(self.unslice(*operand, start, stride, g0()))],
            Op::Pad {
                operand,
                value: _,
                low,
                high: _,
            } => {
                let g = g0();
                let shape = self.t(*operand).shape().to_vec();
                let lim: Vec<usize> = low.iter().zip(&shape).map(|(l, s)| l + s).collect();
                let inner = g.slice(low, &lim, &vec![1; shape.len()]);
                let gv = g.sum_all() - inner.sum_all();
                vec![In::Ct(inner), In::Ct(gv)]
            }
            Op::Concatenate(vs, axis) => {
                let g = g0();
                let mut off = 0;
                vs.iter()
                    .map(|v| {
                        let len = self.t(*v).shape()[*axis];
                        let part = g.slice_axis(*axis, off, off + len);
                        off += len;
                        In::Ct(part)
                    })
                    .collect()
            }
            Op::Fft(kind, a, n) => vec![In::Ct(self.fft(*kind, *a, *n, g0()))],
            Op::Sort {
                operands,
                axis,
                descending,
            } => self.sort(operands, *axis, *descending, gs),
            Op::DotGeneral {
                lhs,
                rhs,
                lhs_batch,
                rhs_batch,
                lhs_contract,
                rhs_contract,
            } => {
                let g = g0();
                let (l, r) = (self.t(*lhs), self.t(*rhs));
                let gl = dot_transpose(
                    &g,
                    &r,
                    l.rank(),
                    (lhs_batch, rhs_batch),
                    (lhs_contract, rhs_contract),
                    true,
                );
                let gr = dot_transpose(
                    &g,
                    &l,
                    r.rank(),
                    (lhs_batch, rhs_batch),
                    (lhs_contract, rhs_contract),
                    false,
                );
                vec![In::Ct(gl), In::Ct(gr)]
            }
        })
    }

    fn unary(&self, u: UnaryOp, a: Var, g: Tensor) -> In {
        use UnaryOp::*;
        let x = self.t(a);
        let d = x.dtype();
        if !d.is_inexact() {
            return In::Blocked;
        }
        let cplx = d.is_complex();
        match u {
            Neg => In::Ct(-&g),
            Abs if cplx => In::Ct(x.sign().conj() * g.cast(d)),
            Abs => In::Ct(x.ge(&x.scalar(0.0)).select(&g, &(-&g))),
            Real if cplx => In::Ct(g.cast(d)),
            Real => In::Ct(g),
            Imag if cplx => In::Ct(g.full_like(0.0).complex(&(-&g))),
            Imag => In::Zero,
            Conj if cplx => In::Ct(g.conj()),
            Conj => In::Ct(g),
            Sign if cplx => {
                let u = self.out(0);
                let r = x.abs();
                let along = (&g * &u).re().cast(d) * u.conj();
                let inv_r = r.full_like(1.0).div_or(&r, 0.0);
                In::Ct((&g - &along) * inv_r.cast(d))
            }
            Sign => In::Killed("sign"),
            Sqrt => In::Ct((&g * 0.5).div_or(&self.out(0), 0.0)),
            Exp => In::Ct(&g * &self.out(0)),
            Log => In::Ct(&g / &x),
            Sin => In::Ct(&g * &x.cos()),
            Cos => In::Ct(-(&g * &x.sin())),
            Floor => In::Killed("floor"),
            Not | IsFinite => In::Killed("is_finite"),
        }
    }

    fn binary(&self, b: BinaryOp, xv: Var, yv: Var, g: Tensor) -> (In, In) {
        use BinaryOp::*;
        let (x, y) = (self.t(xv), self.t(yv));
        if !x.dtype().is_inexact() {
            return (In::Blocked, In::Blocked);
        }
        match b {
            Add => (In::Ct(g.clone()), In::Ct(g)),
            Sub => (In::Ct(g.clone()), In::Ct(-&g)),
            Mul => (In::Ct(&g * &y), In::Ct(&g * &x)),
            Div => {
                let z = self.out(0);
                (In::Ct(&g / &y), In::Ct(-(&g * &z) / &y))
            }
            Pow => {
                let z = self.out(0);
                let zero = y.full_like(0.0);
                let dx = y.eq(&zero).select(&zero, &(&y * &x.pow(&(&y - 1.0))));
                let safe_x = x.eq(&x.full_like(0.0)).select(&x.full_like(1.0), &x);
                (In::Ct(&g * &dx), In::Ct(&g * &safe_x.ln() * &z))
            }
            Max | Min => {
                let z = self.out(0);
                let (ex, ey) = (x.eq(&z), y.eq(&z));
                let (one, half, zero) = (g.scalar(1.0), g.scalar(0.5), g.scalar(0.0));
                let wx = ex.select(&ey.select(&half, &one), &zero);
                let wy = ey.select(&ex.select(&half, &one), &zero);
                (In::Ct(&g * &wx), In::Ct(&g * &wy))
            }
            Atan2 => {
                let den = &x * &x + &y * &y;
                (
                    In::Ct((&g * &y).div_or(&den, 0.0)),
                    In::Ct((-(&g * &x)).div_or(&den, 0.0)),
                )
            }
            Complex => (In::Ct(g.re()), In::Ct(-g.im())),
            And | Or => (In::Blocked, In::Blocked),
        }
    }

    fn convert(&self, a: Var, g: Tensor) -> In {
        let x = self.t(a);
        let (from, to) = (x.dtype(), g.dtype());
        if !from.is_inexact() {
            return In::Blocked;
        }
        if !to.is_inexact() {
            return In::Killed("convert");
        }
        if to.is_complex() && !from.is_complex() {
            In::Ct(g.re().cast(from))
        } else {
            In::Ct(g.cast(from))
        }
    }

    fn reduce(&self, v: Var, k: ReduceKind, axes: &[usize], g: Tensor, j: usize) -> In {
        let x = self.t(v);
        if !x.dtype().is_inexact() {
            return In::Blocked;
        }
        let kept: Vec<usize> = (0..x.rank()).filter(|a| !axes.contains(a)).collect();
        let back = |t: &Tensor| t.broadcast_in_dim(x.shape(), &kept);
        match k {
            ReduceKind::Sum => In::Ct(back(&g)),
            ReduceKind::Max | ReduceKind::Min => {
                let y = self.out(j);
                let loc = x.eq(&back(&y)).cast(x.dtype());
                let count = loc.sum(axes);
                In::Ct(loc * back(&(&g / &count)))
            }
            ReduceKind::All | ReduceKind::Any => In::Blocked,
        }
    }

    /// The adjoint of a strided slice: the cotangent placed back at `start + i·stride`, zeros
    /// elsewhere.
    fn unslice(&self, operand: Var, start: &[usize], stride: &[usize], g: Tensor) -> Tensor {
        let shape = self.t(operand).shape().to_vec();
        if g.shape().contains(&0) {
            return self.t(operand).full_like(0.0);
        }
        let mut t = g;
        for (axis, &s) in stride.iter().enumerate() {
            if s == 1 {
                continue;
            }
            // interleave s−1 zeros after each element along `axis`, keep (n−1)·s+1 of them
            let n = t.shape()[axis];
            let mut sh = t.shape().to_vec();
            sh.insert(axis + 1, 1);
            let mut high = vec![0; sh.len()];
            high[axis + 1] = s - 1;
            let spread = t.reshape(&sh).pad(&vec![0; sh.len()], &high, 0.0);
            let mut flat = t.shape().to_vec();
            flat[axis] = n * s;
            t = spread.reshape(&flat).slice_axis(axis, 0, (n - 1) * s + 1);
        }
        let high: Vec<usize> = (0..shape.len())
            .map(|i| shape[i] - start[i] - t.shape()[i])
            .collect();
        t.pad(start, &high, 0.0)
    }

    fn fft(&self, kind: FftKind, a: Var, n: usize, g: Tensor) -> Tensor {
        let x = self.t(a);
        match kind {
            FftKind::Fft | FftKind::Ifft => g.fft(kind, n),
            FftKind::Rfft => {
                let r = g.rank();
                let mut high = vec![0; r];
                high[r - 1] = n - g.shape()[r - 1];
                g.pad(&vec![0; r], &high, 0.0).fft(FftKind::Fft, n).re()
            }
            FftKind::Irfft => {
                let spec = g.fft(FftKind::Rfft, n).conj();
                let real = x.dtype().real();
                let half = n / 2 + 1;
                let k = x.iota(TensorType::new(real, &[half]), 0);
                let dc = k.eq(&k.scalar(0.0));
                let edge = if n % 2 == 0 {
                    dc.or(&k.eq(&k.scalar((n / 2) as f64)))
                } else {
                    dc
                };
                let c = edge.select(&k.scalar(1.0 / n as f64), &k.scalar(2.0 / n as f64));
                spec * c.cast(x.dtype())
            }
        }
    }

    /// The gradient of the middle element(s) of a stable total-order sort, the way JAX's
    /// `jnp.median` differentiates through `lax.sort`: all of it to the source of the middle
    /// element (odd length), half to each of the two middle ones (even length); among equal
    /// values the one first in stable order. Zero when the input has a NaN (the median is then
    /// the constant NaN). The positions come from sorting an iota alongside the input, so the
    /// backward pass pays the sort the forward pass avoids.
    fn median(&self, a: Var, g: Tensor) -> In {
        let x = self.t(a);
        let n = x.shape()[0];
        let iota = x.iota(TensorType::new(DType::I32, &[n]), 0);
        let perm = Tensor::sort_many(&[&x, &iota], 0, false).remove(1);
        let zero = x.full_like(0.0);
        let pick = |r: usize, w: &Tensor| iota.eq(&perm.index_axis(0, r)).select(w, &zero);
        let ct = if n % 2 == 1 {
            pick(n / 2, &g)
        } else {
            let half = &g / 2.0;
            pick(n / 2 - 1, &half) + pick(n / 2, &half)
        };
        let any_nan = x.ne(&x).any(&[0]);
        In::Ct(any_nan.select(&zero, &ct))
    }

    fn sort(
        &self,
        operands: &[Var],
        axis: usize,
        descending: bool,
        gs: &[Option<Tensor>],
    ) -> Vec<In> {
        let key = self.t(operands[0]);
        let shape = key.shape().to_vec();
        let live: Vec<usize> = (0..operands.len())
            .filter(|&j| gs[j].is_some() && self.t(operands[j]).dtype().is_inexact())
            .collect();
        let mut res: Vec<In> = (0..operands.len())
            .map(|j| {
                if j == 0 && !live.is_empty() {
                    // the key's other influence is the permutation: piecewise constant
                    In::Killed("sort (permutation)")
                } else {
                    In::Blocked
                }
            })
            .collect();
        if live.is_empty() {
            return res;
        }
        // the forward permutation: sort an iota alongside the key (same stable comparator)
        let iota = key.iota(TensorType::new(DType::I32, &shape), axis);
        let perm = Tensor::sort_many(&[&key, &iota], axis, descending).remove(1);
        // undo it: sort the cotangents by the permutation
        let cts: Vec<Tensor> = live.iter().map(|&j| gs[j].clone().expect("live")).collect();
        let mut parts: Vec<&Tensor> = vec![&perm];
        parts.extend(cts.iter());
        let back = Tensor::sort_many(&parts, axis, false);
        for (k, &j) in live.iter().enumerate() {
            res[j] = In::Ct(back[k + 1].clone());
        }
        res
    }
}

/// The cotangent of one operand of a `dot_general`: contract `g` with the other operand over
/// the other operand's free axes, then transpose into the operand's axis order.
fn dot_transpose(
    g: &Tensor,
    other: &Tensor,
    rank: usize,
    batch: (&[usize], &[usize]),
    contract: (&[usize], &[usize]),
    for_lhs: bool,
) -> Tensor {
    // "this" operand: the one whose cotangent we compute
    let (this_batch, other_batch, this_contract, other_contract) = if for_lhs {
        (batch.0, batch.1, contract.0, contract.1)
    } else {
        (batch.1, batch.0, contract.1, contract.0)
    };
    let nb = this_batch.len();
    let this_free: Vec<usize> = (0..rank)
        .filter(|i| !this_batch.contains(i) && !this_contract.contains(i))
        .collect();
    let other_free: Vec<usize> = (0..other.rank())
        .filter(|i| !other_batch.contains(i) && !other_contract.contains(i))
        .collect();
    let nl = if for_lhs {
        this_free.len()
    } else {
        other_free.len()
    };
    // g axes: [batch, lhs free, rhs free]
    let (g_this_free, g_other_free): (Vec<usize>, Vec<usize>) = if for_lhs {
        ((nb..nb + nl).collect(), (nb + nl..g.rank()).collect())
    } else {
        ((nb + nl..g.rank()).collect(), (nb..nb + nl).collect())
    };
    let g_batch: Vec<usize> = (0..nb).collect();
    let r = g.dot_general(other, (&g_batch, other_batch), (&g_other_free, &other_free));
    let _ = g_this_free;
    // r axes: [batch (this_batch order), this free, other's remaining (= other_contract axes in
    // increasing order)] → operand axes
    let mut sorted_oc: Vec<usize> = other_contract.to_vec();
    sorted_oc.sort_unstable();
    let mut order: Vec<usize> = this_batch.to_vec();
    order.extend(&this_free);
    for oc in sorted_oc {
        let j = other_contract
            .iter()
            .position(|&c| c == oc)
            .expect("contracted axis");
        order.push(this_contract[j]);
    }
    // r axis p holds operand axis order[p]; operand axis a is r axis inverse[a]
    let perm = inverse_perm(&order);
    r.transpose(&perm)
}
