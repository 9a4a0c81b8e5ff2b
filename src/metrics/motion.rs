//! Motion correlation: how similar whole frames (or any vectors) are to each other.
//!
//! Input `vectors` has shape `(n, *each)`: `n` vectors, each flattened to length `F`. Each vector
//! is z-scored with the sample standard deviation (`ddof = 1`),
//! `z_i = (v_i − mean(v_i)) / std(v_i)` with `std² = Σ_f |v_i[f] − mean(v_i)|² / (F − 1)` (also
//! for complex data), and the correlation coefficient of vectors `i` and `j` is
//!
//! `c_ij = Σ_f z_i[f] · conj(z_j[f]) / (F − 1)`,
//!
//! the Pearson correlation coefficient for real data (equal to `numpy.corrcoef`) and the complex
//! correlation coefficient for complex data. Coefficients keep the input's type (`f32 → f32`,
//! `Complex32 → Complex32`; integers are computed in `f64`) and are clipped to `[−1, 1]` (real and
//! imaginary parts separately), which only ever removes rounding excess: `|c_ij| ≤ 1` by
//! Cauchy–Schwarz.
//!
//! **One definition everywhere.** Every function here divides by `F − 1`, so a pair has the same
//! coefficient whether it comes from [`corrcoef`], all pairs or a subset of pairs, and a vector
//! correlates with itself at exactly 1. (The Python reference divides its subset path by `F`:
//! bug #5 of the specification, not reproduced.)
//!
//! **Degenerate vectors.** A vector with zero variance (constant), a NaN or an infinity has no
//! z-score: every coefficient involving it is NaN, the others are unaffected. `F = 1` gives NaN
//! everywhere (the sample standard deviation of one value is 0/0).
//!
//! Everything runs as one graph per call, on the host or on the device the vectors live on.

use std::collections::HashMap;

use ndarray::{Array1, Array2, ArrayView2, Ix1, Ix2};
use num_complex::{Complex32, Complex64};

use super::{check_inputs, inexact, map1, out_input, put_like, run_inputs};
use crate::backend::{ArrayArg, ArrayOf, Backend, ScalarOf};
use crate::dtype::{DType, Numeric};
use crate::error::{Error, Result};
use crate::graph::{ReduceKind, Tensor, TensorType};

/// An element type that [`corrcoef`] accepts, with the type its coefficients come back in:
/// itself for `f32`, `f64`, `Complex32` and `Complex64`, and `f64` for `i32` and `i64`.
pub trait CorrElement: Numeric {
    /// The coefficient type.
    type Coef: Numeric<Real = Self::Real>;
}
impl CorrElement for f32 {
    type Coef = f32;
}
impl CorrElement for f64 {
    type Coef = f64;
}
impl CorrElement for Complex32 {
    type Coef = Complex32;
}
impl CorrElement for Complex64 {
    type Coef = Complex64;
}
impl CorrElement for i32 {
    type Coef = f64;
}
impl CorrElement for i64 {
    type Coef = f64;
}

/// The coefficient type for vectors like `X`.
type CoefOf<X> = <<X as ArrayArg>::Elem as CorrElement>::Coef;
/// The real scalar type for vectors like `X`.
type RealOf<X> = <<X as ArrayArg>::Elem as Numeric>::Real;

/// Which pairs [`pairwise_corrcoef`] computes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Pairs<'a> {
    /// Every pair `(i, j)` with `i > j`, in the row-major order of `numpy.tril_indices(n, k=-1)`:
    /// `(1,0), (2,0), (2,1), (3,0), …`; `n(n−1)/2` pairs.
    All,
    /// `n_pairs` distinct pairs drawn uniformly without replacement from the all-pairs list, in
    /// draw order; `n_pairs ≥ n(n−1)/2` gives [`Pairs::All`] (as the reference does).
    ///
    /// The draw is deterministic and documented, so it is reproducible in any language: the
    /// first `n_pairs` entries of a Fisher–Yates shuffle of the pair indices `0..n(n−1)/2`
    /// (step `k` swaps entry `k` with entry `k + u`, `u` uniform in `[0, n(n−1)/2 − k)` by
    /// rejection sampling: draw `x`, reject `x < 2⁶⁴ mod m`, take `x mod m`), driven by the
    /// SplitMix64 generator (Steele, Lea & Flood 2014) seeded with `seed`. Index `p` is then
    /// the `p`-th pair of the all-pairs order. It is **not** JAX's threefry stream: the
    /// reference's random subsets cannot be reproduced outside JAX (pass its pairs with
    /// [`Pairs::Explicit`] to compare values).
    Random {
        /// How many pairs to draw.
        n_pairs: usize,
        /// The generator's seed.
        seed: u64,
    },
    /// The given pairs: an `(P, 2)` array of vector indices, each in `0..n` (a pair `(i, i)` gives
    /// 1). The indices are checked on the host and, for device vectors, copied to their device.
    Explicit(ArrayView2<'a, i64>),
}

/// `(n, F)` of `(n, *each)` vectors; rejects 0-d input and empty `n` or `F`.
pub(crate) fn vectors_shape(func: &'static str, shape: &[usize]) -> Result<(usize, usize)> {
    let Some((&n, each)) = shape.split_first() else {
        return Err(Error::arg(
            func,
            "vectors",
            "must have at least 1 dimension (n, *each), got 0-d",
        ));
    };
    let f: usize = each.iter().product();
    if n == 0 || f == 0 {
        return Err(Error::arg(
            func,
            "vectors",
            format!(
                "must hold at least one non-empty vector, got shape {shape:?} (n = {n}, F = {f})"
            ),
        ));
    }
    Ok((n, f))
}

/// `n(n−1)/2`, the number of distinct pairs.
fn pair_count(func: &'static str, n: usize) -> Result<u64> {
    let n = n as u64;
    n.checked_mul(n.saturating_sub(1))
        .map(|v| v / 2)
        .ok_or_else(|| {
            Error::arg(
                func,
                "vectors",
                format!("{n} vectors have too many pairs to index"),
            )
        })
}

// ---------------------------------------------------------------------------------------------
// graphs

/// Row sums of real `(n, F)` tensors, `(n,)` each, accumulated in f64 (f32 terms are widened)
/// and taken in ONE multi-output reduce. XLA CPU rewrites a single-output reduce over more than
/// 32 elements into a tree of reduce-windows, a separately compiled kernel per level (4 per
/// row sum at F = 60000); a multi-output reduce stays one fused loop, and f64 accumulation
/// keeps its sequential sum accurate. A lone sum is paired with `any(isnan)` (which must be used,
/// or XLA drops it): NaN where a term is NaN, as the sum is anyway.
fn row_sums(terms: &[Tensor]) -> Vec<Tensor> {
    let wide: Vec<Tensor> = terms
        .iter()
        .map(|t| {
            if t.dtype() == DType::F32 {
                t.cast(DType::F64)
            } else {
                t.clone()
            }
        })
        .collect();
    let nan = (wide.len() == 1).then(|| wide[0].is_nan());
    let mut parts: Vec<(&Tensor, ReduceKind)> = wide.iter().map(|t| (t, ReduceKind::Sum)).collect();
    if let Some(nan) = &nan {
        parts.push((nan, ReduceKind::Any));
    }
    let mut r = Tensor::reduce_many(&parts, &[1]);
    if nan.is_some() {
        let flag = r.pop().expect("one result per operand");
        r[0] = flag.select(&r[0].scalar(f64::NAN), &r[0]);
    }
    r
}

/// The z-scores of the flattened vectors, `(n, F)`, in the coefficient dtype (`ddof = 1`):
/// two passes (mean, then the squared deviations), each one multi-output reduce accumulated in
/// f64 ([`row_sums`]).
pub(crate) fn zscores(vectors: &Tensor) -> Tensor {
    let v = inexact(vectors);
    let n = v.shape()[0];
    let f: usize = v.shape()[1..].iter().product();
    let v = v.reshape(&[n, f]);
    let real = v.dtype().real();
    let mean = if v.dtype().is_complex() {
        let s = row_sums(&[v.re(), v.im()]);
        (&s[0] / f as f64)
            .cast(real)
            .complex(&(&s[1] / f as f64).cast(real))
    } else {
        (&row_sums(std::slice::from_ref(&v))[0] / f as f64).cast(real)
    };
    let d = &v - mean.reshape(&[n, 1]);
    let ss = row_sums(&[d.abs2()]).remove(0);
    let std = (ss / (f as f64 - 1.0)).sqrt().cast(real).reshape(&[n, 1]);
    &d / std.cast(d.dtype())
}

fn conj(z: &Tensor) -> Tensor {
    if z.dtype().is_complex() {
        z.conj()
    } else {
        z.clone()
    }
}

/// Clips to `[−1, 1]` (real and imaginary parts separately); NaN passes through.
fn clip_unit(c: &Tensor) -> Tensor {
    let clip = |t: &Tensor| t.max(&t.scalar(-1.0)).min(&t.scalar(1.0));
    if c.dtype().is_complex() {
        clip(&c.re()).complex(&clip(&c.im()))
    } else {
        clip(c)
    }
}

/// `C = Z·Z^H / (F − 1)`, clipped: the `(n, n)` coefficient matrix.
pub(crate) fn corrcoef_graph(vectors: &Tensor) -> Tensor {
    let z = zscores(vectors);
    let f = z.shape()[1];
    let gram = z.dot_general(&conj(&z), (&[], &[]), (&[1], &[1]));
    clip_unit(&(gram / (f as f64 - 1.0)))
}

/// The all-pairs list `(P, 2)` (i64) in `tril_indices(n, k=-1)` order, built from iotas with
/// exact integer arithmetic: pair `p` is `(i, j)` with `i = #{k ∈ 1..n : k(k−1) ≤ 2p}` (the
/// largest `i` with `i(i−1)/2 ≤ p`) and `j = p − i(i−1)/2`, where
/// `i(i−1)/2 = Σ_{k ∈ 1..n, k(k+1) ≤ 2p} k`. `O(Pn)` elementwise work and one two-output reduce
/// (a per-row slice/concatenate form compiled to one XLA kernel per row: ~1 s at `n = 64`).
/// `n ≥ 2`.
fn tril_pairs(like: &Tensor, n: usize) -> Tensor {
    let p = n * (n - 1) / 2;
    let ty = TensorType::new(DType::I64, &[p, n - 1]);
    let two_p = like.iota(ty.clone(), 0) * 2.0;
    let k = like.iota(ty, 1) + 1.0; // 1..n-1
    let zero = k.scalar(0.0);
    let rows = (&k * &(&k - 1.0)).le(&two_p).select(&k.scalar(1.0), &zero);
    let tri = (&k * &(&k + 1.0)).le(&two_p).select(&k, &zero);
    // a two-output reduce: XLA CPU keeps it one kernel (single-output reduces over more than 32
    // elements are rewritten into a tree of reduce-windows, one kernel per level)
    let r = Tensor::reduce_many(&[(&rows, ReduceKind::Sum), (&tri, ReduceKind::Sum)], &[1]);
    let j = like.iota(TensorType::new(DType::I64, &[p]), 0) - &r[1];
    Tensor::concat(&[&r[0].reshape(&[p, 1]), &j.reshape(&[p, 1])], 1)
}

/// NaN anywhere in `t` (either part for complex), elementwise.
fn nan_mask(t: &Tensor) -> Tensor {
    if t.dtype().is_complex() {
        t.re().is_nan().or(&t.im().is_nan())
    } else {
        t.is_nan()
    }
}

/// All pairs: `(values (P,), pairs (P, 2) i64)` in `tril_indices(n, k=-1)` order. The values
/// are the entries of [`corrcoef_graph`]'s `C` (bit for bit): the pair list is built in the
/// graph ([`tril_pairs`]), row `i` of `C` is selected with a one-hot matrix product and entry
/// `j` with a one-hot masked sum, both exact. A degenerate vector (NaN on `C`'s diagonal) is
/// zeroed out of the product and its pairs are set to NaN after, as `C` has them. A few ops
/// whatever `n`, so the compile time does not grow with the number of vectors.
pub(crate) fn all_pairs_graph(vectors: &Tensor) -> (Tensor, Tensor) {
    let c = corrcoef_graph(vectors);
    let n = c.shape()[0];
    if n < 2 {
        // no pairs: empty values (in the coefficient dtype) and an empty (0, 2) list
        let values = c.reshape(&[1]).slice(&[0], &[0], &[1]);
        let idx = c.iota(TensorType::new(DType::I64, &[1, 2]), 1);
        return (values, idx.slice(&[0, 0], &[0, 2], &[1, 1]));
    }
    let pairs = tril_pairs(&c, n);
    let p = pairs.shape()[0];
    let bad = nan_mask(&c.reshape(&[n * n]).slice(&[0], &[n * n], &[n + 1])); // the diagonal
    let cz = nan_mask(&c).select(&c.scalar(0.0), &c);
    let cols = pairs.iota(TensorType::new(DType::I64, &[p, n]), 1);
    let hit_i = pairs.slice_axis(1, 0, 1).eq(&cols); // (P, n)
    let hit_j = pairs.slice_axis(1, 1, 2).eq(&cols);
    let one_hot = hit_i.select(&c.scalar(1.0), &c.scalar(0.0));
    let rows = one_hot.dot_general(&cz, (&[], &[]), (&[1], &[0])); // (P, n): row i of C
    let picked = hit_j.select(&rows, &rows.scalar(0.0));
    let flag = hit_i.or(&hit_j).and(&bad.reshape(&[1, n]));
    let nan = |t: &Tensor, f: &Tensor| f.select(&t.scalar(f64::NAN), t);
    let values = if c.dtype().is_complex() {
        let (re, im) = (picked.re(), picked.im());
        let r = Tensor::reduce_many(
            &[
                (&re, ReduceKind::Sum),
                (&im, ReduceKind::Sum),
                (&flag, ReduceKind::Any),
            ],
            &[1],
        );
        nan(&r[0], &r[2]).complex(&nan(&r[1], &r[2]))
    } else {
        let r = Tensor::reduce_many(
            &[(&picked, ReduceKind::Sum), (&flag, ReduceKind::Any)],
            &[1],
        );
        nan(&r[0], &r[1])
    };
    (values, pairs)
}

/// Whether the Gram route (`n²F + Pn²` multiply-adds) is cheaper than gathering the two vectors
/// of each pair (`2PnF`).
fn gram_is_cheaper(n: usize, f: usize, p: usize) -> bool {
    let (n, f, p) = (n as f64, f as f64, p as f64);
    n * n * f + p * n * n <= 2.0 * p * n * f
}

/// Given pairs `(P, 2)` (i64, each index in `0..n`): `c_p = Σ_f z_a conj(z_b) / (F − 1)`,
/// clipped. Rows are selected with one-hot matrices (`iota == index`) and matrix products.
pub(crate) fn explicit_pairs_graph(vectors: &Tensor, pairs: &Tensor) -> Tensor {
    let z = zscores(vectors);
    let (n, f) = (z.shape()[0], z.shape()[1]);
    let p = pairs.shape()[0];
    let (dtype, real) = (z.dtype(), z.dtype().real());
    // A vector without a finite z-score gives NaN in its pairs. It is zeroed before the one-hot
    // products (where 0·NaN would spread NaN to every pair) and its pairs are set to NaN after.
    let finite = if z.dtype().is_complex() {
        z.re().is_finite().and(&z.im().is_finite())
    } else {
        z.is_finite()
    };
    let bad = finite.not().any(&[1]); // (n,)
    let zs = bad.reshape(&[n, 1]).select(&z.scalar(0.0), &z);
    let onehot = |k: usize, dt: DType| {
        let cols = pairs.iota(TensorType::new(DType::I64, &[p, n]), 1);
        let hit = pairs.slice_axis(1, k, k + 1).eq(&cols); // (P, n)
        hit.select(&pairs.scalar_of(1.0, dt), &pairs.scalar_of(0.0, dt))
    };
    let (a, b) = (onehot(0, dtype), onehot(1, dtype));
    let mm = |l: &Tensor, r: &Tensor| l.dot_general(r, (&[], &[]), (&[1], &[0]));
    let sums = if gram_is_cheaper(n, f, p) {
        let gram = zs.dot_general(&conj(&zs), (&[], &[]), (&[1], &[1])); // (n, n)
        (mm(&a, &gram) * &b).sum(&[1])
    } else {
        let (za, zb) = (mm(&a, &zs), mm(&b, &zs)); // (P, F) each
        za.dot_general(&conj(&zb), (&[0], &[0]), (&[1], &[1]))
    };
    let c = clip_unit(&(sums / (f as f64 - 1.0)));
    let bad_f = bad.select(&z.scalar_of(1.0, real), &z.scalar_of(0.0, real));
    let bad_pair =
        (mm(&onehot(0, real), &bad_f) + mm(&onehot(1, real), &bad_f)).gt(&z.scalar_of(0.5, real));
    bad_pair.select(&c.scalar(f64::NAN), &c)
}

/// `Re(mean_{i>j} c_ij)` without the pair matrix: `Σ_{i≠j} z_i·conj(z_j) = |Σ_i z_i|² − Σ_i |z_i|²`
/// (summed over `f`), so the mean is `(Σ_f |Σ_i z_i|² − Σ |z|²) / (n(n−1)(F−1))` — `O(nF)`
/// instead of `O(n²F)`. Clipped to `[−1, 1]`; NaN for `n = 1` (no pairs).
pub(crate) fn agg_graph(vectors: &Tensor) -> Tensor {
    let z = zscores(vectors);
    let (n, f) = (z.shape()[0], z.shape()[1]);
    if n < 2 {
        return z.scalar_of(f64::NAN, z.dtype().real());
    }
    // Per sample f, `Σ_i z_if` and `Σ_i |z_if|²` in one multi-output reduce over the vectors,
    // then `Σ_f |Σ_i z_if|²` and `Σ_f Σ_i |z_if|²` in a second one, accumulated in f64 (the
    // difference cancels). XLA CPU rewrites single-output reduces over more than 32 elements
    // into trees of reduce-windows, one compiled kernel per level; multi-output reduces stay
    // one fused loop each.
    let real = z.dtype().real();
    let power = z.abs2();
    let (s2, q) = if z.dtype().is_complex() {
        let (re, im) = (z.re(), z.im());
        let r = Tensor::reduce_many(
            &[
                (&re, ReduceKind::Sum),
                (&im, ReduceKind::Sum),
                (&power, ReduceKind::Sum),
            ],
            &[0],
        );
        (&r[0] * &r[0] + &r[1] * &r[1], r[2].clone())
    } else {
        let r = Tensor::reduce_many(&[(&z, ReduceKind::Sum), (&power, ReduceKind::Sum)], &[0]);
        (&r[0] * &r[0], r[1].clone())
    };
    let (s2, q) = (s2.cast(DType::F64), q.cast(DType::F64));
    let t = Tensor::reduce_many(&[(&s2, ReduceKind::Sum), (&q, ReduceKind::Sum)], &[0]);
    let mean = (&t[0] - &t[1]) / ((n * (n - 1)) as f64 * (f as f64 - 1.0));
    clip_unit(&mean.cast(real))
}

// ---------------------------------------------------------------------------------------------
// the deterministic pair sampler

/// SplitMix64 (Steele, Lea & Flood 2014).
struct SplitMix64(u64);

impl SplitMix64 {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// Uniform in `[0, m)`, `m ≥ 1`, unbiased: the `2⁶⁴ mod m` lowest outputs are rejected.
    fn below(&mut self, m: u64) -> u64 {
        let reject = m.wrapping_neg() % m;
        loop {
            let x = self.next();
            if x >= reject {
                return x % m;
            }
        }
    }
}

/// The first `k` entries of a Fisher–Yates shuffle of `0..total` (`k < total`), with the swaps
/// kept in a map: `O(k)` time and memory whatever `total`.
fn sample_pair_indices(total: u64, k: usize, seed: u64) -> Vec<u64> {
    let mut rng = SplitMix64(seed);
    let mut moved: HashMap<u64, u64> = HashMap::new();
    (0..k as u64)
        .map(|i| {
            let r = i + rng.below(total - i);
            let at_r = moved.get(&r).copied().unwrap_or(r);
            let at_i = moved.get(&i).copied().unwrap_or(i);
            moved.insert(r, at_i);
            at_r
        })
        .collect()
}

/// The `p`-th pair `(i, j)` of `tril_indices(n, k=-1)`: row `i` holds `p ∈ [i(i−1)/2, i(i+1)/2)`.
fn tril_pair(p: u64) -> (u64, u64) {
    let mut i = (((1.0 + 8.0 * p as f64).sqrt() + 1.0) / 2.0)
        .floor()
        .max(1.0) as u64;
    while i > 1 && i * (i - 1) / 2 > p {
        i -= 1;
    }
    while (i + 1) * i / 2 <= p {
        i += 1;
    }
    (i, p - i * (i - 1) / 2)
}

/// `n_pairs` random pairs as an `(n_pairs, 2)` array (see [`Pairs::Random`]).
fn random_pairs(total: u64, n_pairs: usize, seed: u64) -> Array2<i64> {
    let picks = sample_pair_indices(total, n_pairs, seed);
    Array2::from_shape_fn((picks.len(), 2), |(k, c)| {
        let (i, j) = tril_pair(picks[k]);
        (if c == 0 { i } else { j }) as i64
    })
}

fn check_pairs(func: &'static str, pairs: &ArrayView2<'_, i64>, n: usize) -> Result<()> {
    if pairs.ncols() != 2 {
        return Err(Error::arg(
            func,
            "pairs",
            format!("must have shape (P, 2), got {:?}", pairs.shape()),
        ));
    }
    if let Some(((r, c), &v)) = pairs
        .indexed_iter()
        .find(|(_, &v)| v < 0 || v as u64 >= n as u64)
    {
        return Err(Error::arg(
            func,
            "pairs",
            format!("index {v} at [{r}, {c}] is out of range for {n} vectors (0..{n})"),
        ));
    }
    Ok(())
}

// ---------------------------------------------------------------------------------------------
// public API

/// **Correlation-coefficient matrix** of `n` vectors (e.g. frames, for motion detection):
/// `C[i, j] = Σ_f z_i[f] · conj(z_j[f]) / (F − 1)` with `z` the z-scores (`ddof = 1`, see the
/// [module docs](self)), clipped to `[−1, 1]`.
///
/// Input `(n, *each)` (each vector is flattened to length `F`); output `(n, n)`, dimensionless,
/// in the input's type (`Complex32` in, `Complex32` out: the complex correlation coefficient,
/// Hermitian with a unit diagonal; integers give `f64`). For real input this equals
/// `numpy.corrcoef` (Pearson 1896). A constant or non-finite vector gives NaN in its row and
/// column. One Gram-matrix product (`O(n²F)`).
///
/// Errors: 0-d input, `n = 0` or `F = 0`.
///
/// The Python reference raises a run-time error when a coefficient leaves `[−1.2, 1.2]` before
/// clipping; that cannot happen (`|c| ≤ 1` up to rounding) and checking it would force a host
/// synchronisation on devices, so values are only clipped.
///
/// ```
/// use ndarray::array;
/// use ultrasound_metrics as um;
/// let v = array![[1.0f64, 2.0, 3.0, 4.0], [2.0, 4.0, 6.0, 8.5], [4.0, 3.0, 2.0, 1.0]];
/// let c = um::corrcoef(&v)?;                                   // host
/// assert!((c[[0, 2]] + 1.0).abs() < 1e-12 && (c[[1, 1]] - 1.0).abs() < 1e-12);
/// let dev = um::Device::cpu()?;
/// let cd = um::corrcoef(&dev.put(&v)?)?;                       // on the device
/// assert!(cd.to_ndarray()?.abs_diff_eq(&c, 1e-12));
/// # Ok::<(), um::Error>(())
/// ```
///
/// # Non-finite input
///
/// With [`NonFinite::Propagate`](crate::NonFinite) (no scan; the default `Error` policy rejects
/// NaN and ±Inf in the inputs with [`Error::NonFinite`](crate::Error::NonFinite)): a vector holding
/// NaN or ±Inf has NaN z-scores: its row and column of the matrix are NaN. Host and PJRT agree.
pub fn corrcoef<X>(vectors: &X) -> Result<ArrayOf<X, CoefOf<X>, Ix2>>
where
    X: ArrayArg,
    X::Elem: CorrElement,
{
    const F: &str = "corrcoef";
    vectors_shape(F, vectors.shape_slice())?;
    check_inputs(F, &[("vectors", vectors.arg())])?;
    map1(F, vectors, |v| Ok(corrcoef_graph(v)))
}

/// **Pairwise correlation coefficients**: `c_p = C[a_p, b_p]` for the chosen [`Pairs`] `(a_p, b_p)`
/// (the coefficients of [`corrcoef`], same definition and `F − 1` normalisation for every
/// selection). Returns `(values (P,), pairs (P, 2))`; the pairs are `i64` and live where the
/// values do (for [`Pairs::Explicit`], a copy of the given ones).
///
/// * [`Pairs::All`]: `C` from one Gram product, gathered in `tril_indices(n, k=-1)` order; also
///   the pair list is built in the graph. `n = 1` gives empty arrays.
/// * [`Pairs::Random`] / [`Pairs::Explicit`]: the pairs are a graph input, selected with one-hot
///   matrices; the cheaper of the Gram route (`n²F + Pn²`) and gathering each pair's two vectors
///   (`2PnF`) is taken, so a few pairs of many vectors cost `O(PnF)`, not `O(n²F)`.
///
/// Errors: those of [`corrcoef`]; explicit pairs not of shape `(P, 2)` or with an index outside
/// `0..n`.
///
/// ```
/// use ndarray::{array, Array3};
/// use ultrasound_metrics as um;
/// use um::metrics::Pairs;
/// let frames = Array3::from_shape_fn((4, 8, 8), |(k, z, x)| ((z * 8 + x) as f32).sin() + 0.1 * k as f32 * (x as f32));
/// let (c, pairs) = um::pairwise_corrcoef(&frames, Pairs::All)?;
/// assert_eq!(pairs, array![[1, 0], [2, 0], [2, 1], [3, 0], [3, 1], [3, 2]]);
/// let full = um::corrcoef(&frames)?;
/// assert!((c[4] - full[[3, 1]]).abs() < 1e-6);
///
/// let chosen = array![[3i64, 1], [2, 2]];
/// let (c2, _) = um::pairwise_corrcoef(&frames, Pairs::Explicit(chosen.view()))?;
/// assert!((c2[0] - c[4]).abs() < 1e-6 && (c2[1] - 1.0).abs() < 1e-6);
///
/// let (c3, p3) = um::pairwise_corrcoef(&frames, Pairs::Random { n_pairs: 3, seed: 7 })?;
/// assert_eq!((c3.len(), p3.nrows()), (3, 3));                    // 3 distinct pairs, i > j
/// assert!(p3.rows().into_iter().all(|r| r[0] > r[1]));
/// # Ok::<(), um::Error>(())
/// ```
///
/// # Non-finite input
///
/// With [`NonFinite::Propagate`](crate::NonFinite) (no scan; the default `Error` policy rejects
/// NaN and ±Inf in the inputs with [`Error::NonFinite`](crate::Error::NonFinite)): every pair
/// involving a vector that holds NaN or ±Inf is NaN. Host and PJRT agree.
#[allow(clippy::type_complexity)]
pub fn pairwise_corrcoef<X>(
    vectors: &X,
    pairs: Pairs<'_>,
) -> Result<(ArrayOf<X, CoefOf<X>, Ix1>, ArrayOf<X, i64, Ix2>)>
where
    X: ArrayArg,
    X::Elem: CorrElement,
{
    const F: &str = "pairwise_corrcoef";
    let (n, _) = vectors_shape(F, vectors.shape_slice())?;
    let total = pair_count(F, n)?;
    let chosen = match pairs {
        Pairs::All => None,
        Pairs::Random { n_pairs, .. } if n_pairs as u64 >= total => None,
        Pairs::Random { n_pairs, seed } => Some(random_pairs(total, n_pairs, seed)),
        Pairs::Explicit(p) => {
            check_pairs(F, &p, n)?;
            Some(p.to_owned())
        }
    };
    check_inputs(F, &[("vectors", vectors.arg())])?;
    let input = (vectors.tensor_type(), vectors.arg());
    match chosen {
        None => {
            let mut outs = run_inputs::<X::Backend>("pairwise_corrcoef{all}", vec![input], |a| {
                let (values, pairs) = all_pairs_graph(&a[0]);
                Ok(vec![values, pairs])
            })?;
            let values = X::Backend::wrap(outs.next()?)?;
            Ok((values, X::Backend::wrap(outs.next()?)?))
        }
        Some(chosen) if chosen.nrows() == 0 => {
            // no pairs: nothing to compute (and no zero-sized graph to trace)
            let values = put_like(vectors, Array1::<CoefOf<X>>::from_vec(Vec::new()))?;
            Ok((
                X::Backend::wrap(values)?,
                X::Backend::wrap(put_like(vectors, chosen)?)?,
            ))
        }
        Some(chosen) => {
            let pairs_out = put_like(vectors, chosen)?;
            let mut outs = run_inputs::<X::Backend>(
                "pairwise_corrcoef{pairs}",
                vec![input, out_input(&pairs_out)],
                |a| Ok(vec![explicit_pairs_graph(&a[0], &a[1])]),
            )?;
            let values = X::Backend::wrap(outs.next()?)?;
            Ok((values, X::Backend::wrap(pairs_out)?))
        }
    }
}

/// **Mean pairwise correlation**: `Re(mean_{i>j} c_ij)` over all pairs of [`pairwise_corrcoef`]
/// with [`Pairs::All`] — one number for "how much did the frames change" (1: identical up to
/// gain and offset; about 0: decorrelated).
///
/// Computed in `O(nF)` from `Σ_{i≠j} z_i·conj(z_j) = |Σ_i z_i|² − Σ_i |z_i|²`, which equals the
/// mean of the coefficients up to rounding; the result is clipped to `[−1, 1]`. A scalar
/// statistic: `f64` for host input, a rank-0 device array (real counterpart dtype) for device
/// input. `n = 1` (no pairs) gives **NaN**, the mean of nothing, as in the reference; a
/// degenerate vector (constant, NaN, infinity) makes the mean NaN.
///
/// Errors: those of [`corrcoef`].
///
/// ```
/// use ndarray::array;
/// use ultrasound_metrics as um;
/// let v = array![[1.0, 2.0, 3.0], [2.0, 4.0, 6.0], [3.0, 2.0, 1.0]];
/// let m = um::pairwise_corrcoef_agg(&v)?;                      // (1 − 1 − 1) / 3
/// assert!((m + 1.0 / 3.0).abs() < 1e-12);
/// assert!(um::pairwise_corrcoef_agg(&array![[1.0, 2.0]])?.is_nan());
/// # Ok::<(), um::Error>(())
/// ```
///
/// # Non-finite input
///
/// With [`NonFinite::Propagate`](crate::NonFinite) (no scan; the default `Error` policy rejects
/// NaN and ±Inf in the inputs with [`Error::NonFinite`](crate::Error::NonFinite)): NaN as soon as
/// one vector holds NaN or ±Inf. Host and PJRT agree.
pub fn pairwise_corrcoef_agg<X>(vectors: &X) -> Result<ScalarOf<X, RealOf<X>>>
where
    X: ArrayArg,
    X::Elem: CorrElement,
{
    const F: &str = "pairwise_corrcoef_agg";
    vectors_shape(F, vectors.shape_slice())?;
    check_inputs(F, &[("vectors", vectors.arg())])?;
    let mut outs =
        run_inputs::<X::Backend>(F, vec![(vectors.tensor_type(), vectors.arg())], |a| {
            Ok(vec![agg_graph(&a[0])])
        })?;
    X::Backend::wrap_scalar(outs.next()?)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tril_pairs_in_numpy_order() {
        let got: Vec<(u64, u64)> = (0..10).map(tril_pair).collect();
        let want = [
            (1, 0),
            (2, 0),
            (2, 1),
            (3, 0),
            (3, 1),
            (3, 2),
            (4, 0),
            (4, 1),
            (4, 2),
            (4, 3),
        ];
        assert_eq!(got, want);
        // exact at large indices (floating-point sqrt corrected)
        for i in [1_000u64, 65_536, 3_037_000_000] {
            let first = i * (i - 1) / 2;
            assert_eq!(tril_pair(first), (i, 0));
            assert_eq!(tril_pair(first - 1), (i - 1, i - 2));
            assert_eq!(tril_pair(first + i - 1), (i, i - 1));
        }
    }

    #[test]
    fn sampler_is_a_deterministic_partial_permutation() {
        let a = sample_pair_indices(45, 45, 3);
        let mut sorted = a.clone();
        sorted.sort_unstable();
        assert_eq!(sorted, (0..45).collect::<Vec<_>>());
        assert_eq!(sample_pair_indices(45, 10, 3), a[..10]);
        assert_ne!(sample_pair_indices(45, 10, 4), a[..10]);
        // huge pair counts cost O(k)
        let big = sample_pair_indices(u64::MAX / 2, 5, 1);
        assert_eq!(big.len(), 5);
        // the reference stream (SplitMix64 seed 0): first output 0xE220A8397B1DCDAF
        assert_eq!(SplitMix64(0).next(), 0xE220_A839_7B1D_CDAF);
    }
}
