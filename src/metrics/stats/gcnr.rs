//! Generalized contrast-to-noise ratio: one minus the overlap of two histograms.

use ndarray::ArrayD;

use super::{check_nonempty, checked_scalar2, flat, StatOf, STATUS_OK};
use crate::backend::ArrayArg;
use crate::dtype::{DType, Numeric};
use crate::error::{Error, Result};
use crate::graph::{ReduceKind, Tensor, TensorType};
use crate::metrics::{check_inputs, inexact, put_like};

/// The histogram bins of [`gcnr`].
#[derive(Debug, Clone, PartialEq)]
pub enum Bins {
    /// `n ≥ 1` equal-width bins spanning `[min, max]` of both regions together, with numpy's
    /// exact edge construction (see [`gcnr`]).
    Count(usize),
    /// Explicit bin edges (at least 2, non-decreasing, no NaN). Values outside
    /// `[edges[0], edges[last]]` are not counted.
    Edges(Vec<f64>),
}

impl Default for Bins {
    fn default() -> Self {
        Bins::Count(100)
    }
}

/// Parameters of [`gcnr`].
#[derive(Debug, Clone, PartialEq, Default)]
pub struct GcnrParams {
    /// The bins (default 100 equal-width bins, as in the reference).
    pub bins: Bins,
}

/// The bins as the graph sees them: a count, or the edges parameter (`f64[m]`).
pub(crate) enum GraphBins<'a> {
    Count(usize),
    Edges(&'a Tensor),
}

// Status codes of the gCNR graph.
const RANGE_NOT_FINITE: i64 = 1;
const EDGES_NOT_INCREASING: i64 = 2;
const INSIDE_MISSES_EDGES: i64 = 3;
const OUTSIDE_MISSES_EDGES: i64 = 4;

/// Per chunk of data, at most this many (edge, value) comparisons are materialised (bounds the
/// host evaluator's memory; XLA fuses the comparisons into the reduction anyway).
const COMPARISONS_PER_CHUNK: usize = 1 << 22;

/// Real part (as `f64`) and, for complex data, imaginary part (as `f64`) of a rank-1 tensor.
fn parts_f64(x: &Tensor) -> (Tensor, Option<Tensor>) {
    if x.dtype().is_complex() {
        (x.re().cast(DType::F64), Some(x.im().cast(DType::F64)))
    } else {
        (x.cast(DType::F64), None)
    }
}

/// `(min, max)` of a rank-1 tensor in one pass, both NaN if any value is NaN (numpy's
/// `min`/`max`; tested explicitly, whatever the backend's reduction strategy).
fn extremes(x: &Tensor) -> (Tensor, Tensor) {
    let r = Tensor::reduce_many(
        &[
            (x, ReduceKind::Min),
            (x, ReduceKind::Max),
            (&x.ne(x), ReduceKind::Any),
        ],
        &[0],
    );
    let nan = r[0].scalar(f64::NAN);
    (r[2].select(&nan, &r[0]), r[2].select(&nan, &r[1]))
}

/// numpy's equal-width bins: `n` bins over `[lo, hi]` (rank-0 `f64`), edges rounded through the
/// data's real dtype `real`.
///
/// numpy: `lo, hi` expanded by ±0.5 when equal; `e_i = lo + i·((hi − lo)/n)` in `f64` for
/// `i < n` and `e_n = hi`, then cast to the edge dtype (`f32` for `f32`/`complex64` data).
struct EqualWidth {
    lo: Tensor,
    hi: Tensor,
    delta: Tensor,
    nf: Tensor,
    step: Tensor,
    n: usize,
    real: DType,
}

impl EqualWidth {
    /// The bins, and whether the range is finite.
    fn new(lo: &Tensor, hi: &Tensor, n: usize, real: DType) -> (Self, Tensor) {
        let finite = lo.is_finite().and(&hi.is_finite());
        let same = lo.eq(hi);
        let lo = same.select(&(lo - 0.5), lo);
        let hi = same.select(&(hi + 0.5), hi);
        let delta = &hi - &lo;
        // `n` is made opaque to the compiler (it depends on `lo`, although its value never
        // changes where the result is used) so that XLA does not turn `delta / n` into
        // `delta * (1/n)`, which rounds differently from numpy.
        let nf = lo
            .ne(&lo)
            .select(&lo.scalar(n as f64 + 1.0), &lo.scalar(n as f64));
        let step = &delta / &nf;
        let bins = EqualWidth {
            lo,
            hi,
            delta,
            nf,
            step,
            n,
            real,
        };
        (bins, finite)
    }

    /// Edge `e_i` for integer-valued `f64` indices `i` (any shape, `0 ≤ i ≤ n`), bit for bit
    /// the `i`-th element of [`Self::edges`] — except when `step` underflows to 0, where this
    /// gives `lo` for every `i < n` (see [`Self::bin_index`] for why that is harmless).
    fn edge(&self, i: &Tensor, may_be_last: bool) -> Tensor {
        // `max(·, 0)` is the identity here (i, step ≥ 0); it keeps LLVM from contracting
        // `i·step + lo` into one FMA, whose single rounding differs from numpy's two.
        let t = (i * &self.step).max(&i.scalar(0.0));
        self.finish(i, &self.lo + &t, may_be_last)
    }

    /// `e_n = hi`, then the rounding through the data's real dtype.
    fn finish(&self, i: &Tensor, e: Tensor, may_be_last: bool) -> Tensor {
        let e = if may_be_last {
            i.eq(&i.scalar(self.n as f64)).select(&self.hi, &e)
        } else {
            e
        };
        if self.real == DType::F32 {
            e.cast(DType::F32).cast(DType::F64)
        } else {
            e
        }
    }

    /// The `n + 1` edges and whether they increase strictly.
    fn edges(&self) -> (Tensor, Tensor) {
        let n = self.n;
        let i = self.lo.iota(TensorType::new(DType::F64, &[n + 1]), 0);
        let t = (&i * &self.step).max(&i.scalar(0.0));
        // numpy's linspace for a step that underflows to 0: (i / n) · delta
        let t = self
            .step
            .eq(&self.step.scalar(0.0))
            .select(&((&i / &self.nf) * &self.delta), &t);
        let e = self.finish(&i, &self.lo + &t, true);
        let up = e.slice_axis(0, 1, n + 1).gt(&e.slice_axis(0, 0, n));
        // `all` with `any` in one fused reduce (a single-output reduce over more than 32
        // elements is a tree of reduce-windows on XLA CPU, one kernel per level); `all` implies
        // `any` on a non-empty axis, so `all ∧ any = all`
        let r = Tensor::reduce_many(&[(&up, ReduceKind::All), (&up, ReduceKind::Any)], &[0]);
        let increasing = r[0].and(&r[1]);
        (e, increasing)
    }

    /// The bin of every value (`i32`, same shape as `re`): `i` with `e_i ≤ v < e_{i+1}` (the
    /// last bin closed), or `n` for a value outside `[e_0, e_n]` or NaN — exactly the bins
    /// [`cumulative_counts`] implies, whenever the edges `e` (from [`Self::edges`]) increase
    /// strictly (otherwise the caller reports an error and the result is unused).
    ///
    /// numpy's own algorithm: an estimate `k = ⌊(v − lo)/step⌋` clamped to `[0, n)`, then
    /// `k − [v < e_k] + [v ≥ e_{k+1}]`, with `e_k`, `e_{k+1}` recomputed by [`Self::edge`] (the
    /// same expression as the edge vector, so the same bits). This is exact when the estimate
    /// is off by at most one bin, which holds for strictly increasing edges: the estimate
    /// differs from the exact bin only through the rounding of the edges (at most half an ulp
    /// of the edge's precision, `f32` or `f64`, near `v`) and of `v − lo` and the quotient (as
    /// much again, and a few `f64` ulps of `n`); being off by two bins needs that error to
    /// reach a whole `step`, so `step` ≤ about half an ulp near `v`, and then three consecutive
    /// edges there round to at most two values, which the strictly-increasing check rejects.
    /// The tests compare with the comparison count on ranges of a few ulps, across binade
    /// boundaries and with values on and next to every edge.
    ///
    /// `edge` leaves out the edge vector's underflow branch: `step` = 0 with strictly
    /// increasing edges implies `n = 1` (for `n ≥ 2`, `e_1 = lo + (1/n)·delta` rounds to `lo`),
    /// where both formulas give `e_0 = lo` and `e_1 = hi`.
    fn bin_index(&self, re: &Tensor, im: Option<&Tensor>, e: &Tensor) -> Tensor {
        let n = self.n;
        let q = &(re - &self.lo) / &self.step;
        // NaN (NaN data, or 0/0) → 0; ±inf and out-of-range values clamp into [0, n − 1]
        let q = q.ne(&q).select(&q.scalar(0.0), &q);
        let q = q.max(&q.scalar(0.0)).min(&q.scalar((n - 1) as f64));
        let k = q.floor();
        let one = k.scalar(1.0);
        let down = below(re, im, &self.edge(&k, false), false).select(&one, &k.scalar(0.0));
        let k1 = &k + 1.0;
        let up = below(re, im, &self.edge(&k1, true), false).select(&k.scalar(0.0), &one);
        // k − down + up ∈ [−1, n]: −1 only below e_0 (outside), n only at or above e_n, where
        // the last bin is closed
        let k = (&(&k - &down) + &up).min(&k.scalar((n - 1) as f64));
        let inside = below(re, im, &e.index_axis(0, 0), false).not().and(&below(
            re,
            im,
            &e.index_axis(0, n),
            true,
        ));
        inside.select(&k, &k.scalar(n as f64)).cast(DType::I32)
    }
}

/// `v < e` (or `v ≤ e` when `inclusive`) for real `v = r`, or complex `v = (r, i)` in numpy's
/// lexicographic order against `(e, 0)`. NaN compares false.
fn below(r: &Tensor, i: Option<&Tensor>, edge: &Tensor, inclusive: bool) -> Tensor {
    let lt = r.lt(edge);
    match i {
        None if inclusive => r.le(edge),
        None => lt,
        Some(i) => {
            let zero = i.scalar(0.0);
            let tie = if inclusive { i.le(&zero) } else { i.lt(&zero) };
            lt.or(&r.eq(edge).and(&tie))
        }
    }
}

/// Histogram counts (`i64[n]`) of equal-width bins: one bin index per value, then a
/// [`Tensor::bincount`] (`O(N)`, where [`cumulative_counts`] is `O(N·bins)`).
fn equal_width_counts(bins: &EqualWidth, re: &Tensor, im: Option<&Tensor>, e: &Tensor) -> Tensor {
    let n = bins.n;
    bins.bin_index(re, im, e)
        .bincount(n + 1, DType::I64)
        .slice_axis(0, 0, n)
}

/// Cumulative counts `cum[j] = #{v < e_j}` for `j < m−1` and `cum[m−1] = #{v ≤ e_{m−1}}`
/// (`i64[m]`), so that bin `i` holds `cum[i+1] − cum[i]` values (`e_i ≤ v < e_{i+1}`, the last
/// bin closed) and `cum[m−1] − cum[0]` values lie within the edges. NaN is never counted. For
/// complex data the order is numpy's lexicographic one (`(re, im)` against `(e, 0)`).
fn cumulative_counts(re: &Tensor, im: Option<&Tensor>, e: &Tensor) -> Tensor {
    let m = e.shape()[0];
    let len = re.shape()[0];
    let chunk = (COMPARISONS_PER_CHUNK / m).max(1);
    let inner = e.slice_axis(0, 0, m - 1).reshape(&[m - 1, 1]);
    let last = e.index_axis(0, m - 1);
    let mut total: Option<Tensor> = None;
    let mut start = 0;
    while start < len {
        let end = (start + chunk).min(len);
        let r = re.slice_axis(0, start, end);
        let i = im.map(|i| i.slice_axis(0, start, end));
        let (r2, i2) = (
            r.reshape(&[1, end - start]),
            i.as_ref().map(|i| i.reshape(&[1, end - start])),
        );
        let c_inner = below(&r2, i2.as_ref(), &inner, false)
            .cast(DType::I64)
            .sum(&[1]);
        let c_last = below(&r, i.as_ref(), &last, true)
            .cast(DType::I64)
            .sum(&[0])
            .reshape(&[1]);
        let c = Tensor::concat(&[&c_inner, &c_last], 0);
        total = Some(match total {
            None => c,
            Some(t) => t + c,
        });
        start = end;
    }
    // empty data (not reachable from `gcnr`, which rejects empty regions): zero counts
    total.unwrap_or_else(|| e.full_like(0.0).cast(DType::I64))
}

/// The gCNR graph: `(gCNR in the data's real dtype, status i32)`.
pub(crate) fn gcnr_graph(
    inside: &Tensor,
    outside: &Tensor,
    bins: GraphBins<'_>,
) -> (Tensor, Tensor) {
    let xi = flat(&inexact(inside));
    let xo = flat(&inexact(outside));
    let real = xi.dtype().real();
    let (ri, ii) = parts_f64(&xi);
    let (ro, io) = parts_f64(&xo);
    let code = |v: i64| ri.scalar_of(v as f64, DType::I32);

    let pmf = |counts: Tensor| {
        // the total with `any(count > 0)` in one fused reduce (see `edges`): the total of
        // non-negative counts is 0 where none is positive, so selecting 0 there changes nothing
        let pos = counts.gt(&counts.scalar(0.0));
        let r = Tensor::reduce_many(&[(&counts, ReduceKind::Sum), (&pos, ReduceKind::Any)], &[0]);
        let n = r[1].select(&r[0], &r[0].scalar(0.0));
        (counts.cast(DType::F64) / n.cast(DType::F64), n)
    };
    let ((p_in, n_in), (p_out, n_out), range_status) = match bins {
        GraphBins::Count(n) => {
            let (min_in, max_in) = extremes(&ri);
            let (min_out, max_out) = extremes(&ro);
            // Python's min(a, b) / max(a, b) of the two regions' extremes: `b` only if it
            // compares smaller (larger), so a NaN in the outside region alone is ignored here
            let lo = min_out.lt(&min_in).select(&min_out, &min_in);
            let hi = max_out.gt(&max_in).select(&max_out, &max_in);
            let (bins, finite) = EqualWidth::new(&lo, &hi, n, real);
            let (e, increasing) = bins.edges();
            let status = finite.not().select(
                &code(RANGE_NOT_FINITE),
                &increasing
                    .not()
                    .select(&code(EDGES_NOT_INCREASING), &code(STATUS_OK)),
            );
            (
                pmf(equal_width_counts(&bins, &ri, ii.as_ref(), &e)),
                pmf(equal_width_counts(&bins, &ro, io.as_ref(), &e)),
                status,
            )
        }
        GraphBins::Edges(e) => {
            let m = e.shape()[0];
            let counts = |cum: Tensor| cum.slice_axis(0, 1, m) - cum.slice_axis(0, 0, m - 1);
            (
                pmf(counts(cumulative_counts(&ri, ii.as_ref(), e))),
                pmf(counts(cumulative_counts(&ro, io.as_ref(), e))),
                code(STATUS_OK),
            )
        }
    };
    // 1 − Σ w·min(pdf_in, pdf_out) = 1 − Σ min(c_in/N_in, c_out/N_out); clamped to [0, 1]
    // against rounding
    let overlap = p_in.min(&p_out).sum(&[0]);
    let g = (1.0 - overlap).min(&ri.scalar(1.0)).max(&ri.scalar(0.0));
    let zero = n_in.scalar(0.0);
    let status = range_status.ne(&code(STATUS_OK)).select(
        &range_status,
        &n_in.eq(&zero).select(
            &code(INSIDE_MISSES_EDGES),
            &n_out
                .eq(&zero)
                .select(&code(OUTSIDE_MISSES_EDGES), &code(STATUS_OK)),
        ),
    );
    (g.cast(real), status)
}

/// **Generalized contrast-to-noise ratio** (Rodriguez-Molares et al., "The Generalized
/// Contrast-to-Noise Ratio", IEEE IUS 2018, doi:10.1109/ULTSYM.2018.8580101): one minus the
/// overlap of the value distributions inside and outside a region.
///
/// `gCNR = 1 − OVL`, `OVL = Σ_i min(c_in_i / N_in, c_out_i / N_out)`, where `c_i` are histogram
/// counts over common bins and `N` the number of values within the bins (this equals the
/// reference's `Σ_i w_i·min(pdf_in_i, pdf_out_i)`). Dimensionless, in [0, 1]: 0 for identical
/// distributions, 1 for disjoint ones. Symmetric in the two regions. Each region is flattened
/// (any shapes).
///
/// **Bins** follow `numpy.histogram` exactly, so that every value lands in the same bin as in
/// the reference. With [`Bins::Count`]`(n)`: `lo`/`hi` are the minimum/maximum over both
/// regions (`± 0.5` when equal); edges `e_i = lo + i·((hi − lo)/n)` computed in `f64` with
/// `e_n = hi`, then rounded to `f32` for `f32`/`Complex32` data; value `v` goes to bin `i` with
/// `e_i ≤ v < e_{i+1}`, the last bin closed. With [`Bins::Edges`] the edges are used as given
/// (compared in `f64`) and values outside them are not counted. The counts are computed inside
/// the graph: with [`Bins::Count`] one bin index per value (numpy's estimate-and-correct
/// algorithm, exact) and a bincount (`O(N)` work); with [`Bins::Edges`] by comparing every
/// value with every edge and summing (`O(N·bins)`, chunked).
///
/// Complex data is histogrammed by its **real part**, as the reference does (with numpy's
/// lexicographic tie rule for a value lying exactly on an edge); pass `|x|` (the envelope) to
/// compare amplitudes. Integers are compared in `f64`.
///
/// Errors: either region empty; `Bins::Count(0)`; explicit edges fewer than 2, decreasing or
/// NaN. Data-dependent (read back as a status from the device, which waits for the
/// computation): a non-finite range (NaN in the inside region, or ±inf anywhere) with
/// `Bins::Count`; edges that are not strictly increasing once rounded to the data's precision
/// ("too many bins for the data range"); no inside or no outside value within explicit edges
/// (the reference fails an `assert` there, bug #19).
///
/// ```
/// use ndarray::array;
/// use ultrasound_metrics as um;
/// use um::metrics::{Bins, GcnrParams};
///
/// let inside = array![0.0, 0.1, 0.2, 0.3];
/// let outside = array![0.7, 0.8, 0.9, 1.0];
/// assert_eq!(um::gcnr(&inside, &outside, Default::default())?, 1.0); // disjoint
/// assert_eq!(um::gcnr(&inside, &inside, Default::default())?, 0.0);  // identical
/// // explicit edges: [0, 0.5) holds all inside values and none outside
/// let p = GcnrParams { bins: Bins::Edges(vec![0.0, 0.5, 1.0]) };
/// assert_eq!(um::gcnr(&inside, &outside, p)?, 1.0);
///
/// let dev = um::Device::cpu()?;
/// let g = um::gcnr(&dev.put(&inside)?, &dev.put(&outside)?, Default::default())?; // on the device
/// assert_eq!(g.to_ndarray()?.into_scalar(), 1.0);
/// # Ok::<(), um::Error>(())
/// ```
///
/// # Non-finite input
///
/// With [`NonFinite::Propagate`](crate::NonFinite) (no scan; the default `Error` policy rejects
/// NaN and ±Inf in the inputs with [`Error::NonFinite`](crate::Error::NonFinite)): NaN in
/// `values_inside`, or ±Inf in either region, makes the histogram range non-finite:
/// [`Error::InvalidArgument`](crate::Error::InvalidArgument) for `values_inside` (data-dependent,
/// as in numpy). NaN in `values_outside` only is not counted in any bin. Host and PJRT agree.
pub fn gcnr<A, B>(values_inside: &A, values_outside: &B, params: GcnrParams) -> Result<StatOf<A>>
where
    A: ArrayArg,
    A::Elem: Numeric,
    B: ArrayArg<Backend = A::Backend, Elem = A::Elem>,
{
    const F: &str = "gcnr";
    const EMPTY: &str = "is empty: both regions must contain values";
    check_nonempty(F, "values_inside", values_inside.shape_slice(), EMPTY)?;
    check_nonempty(F, "values_outside", values_outside.shape_slice(), EMPTY)?;
    let (key, extra) = match &params.bins {
        Bins::Count(0) => {
            return Err(Error::arg(
                F,
                "bins",
                "the number of bins must be ≥ 1, got 0",
            ))
        }
        // bin indices are i32 inside the graph
        Bins::Count(n) if *n >= i32::MAX as usize => {
            return Err(Error::arg(
                F,
                "bins",
                format!("at most {} bins, got {n}", i32::MAX - 1),
            ))
        }
        Bins::Count(n) => (format!("gcnr{{bins:{n}}}"), Vec::new()),
        Bins::Edges(e) => {
            check_edges(e)?;
            let edges = ArrayD::from_shape_vec(vec![e.len()], e.clone())
                .map_err(|err| Error::arg(F, "bins", err.to_string()))?;
            (
                "gcnr{edges}".to_string(),
                vec![put_like(values_inside, edges)?],
            )
        }
    };
    check_inputs(
        F,
        &[
            ("values_inside", values_inside.arg()),
            ("values_outside", values_outside.arg()),
        ],
    )?;
    let bins = params.bins.clone();
    checked_scalar2(
        &key,
        values_inside,
        values_outside,
        &extra,
        |t| match bins {
            Bins::Count(n) => gcnr_graph(&t[0], &t[1], GraphBins::Count(n)),
            Bins::Edges(_) => gcnr_graph(&t[0], &t[1], GraphBins::Edges(&t[2])),
        },
        |status| match status {
            RANGE_NOT_FINITE => Error::arg(
                F,
                "values_inside",
                "the histogram range is not finite: the inside region contains NaN, or a region \
                 contains ±inf",
            ),
            EDGES_NOT_INCREASING => Error::arg(
                F,
                "bins",
                "too many bins for the data range: the bin edges are not strictly increasing at \
                 the data's precision",
            ),
            INSIDE_MISSES_EDGES => Error::arg(
                F,
                "bins",
                "no value of `values_inside` lies within the bin edges",
            ),
            OUTSIDE_MISSES_EDGES => Error::arg(
                F,
                "bins",
                "no value of `values_outside` lies within the bin edges",
            ),
            other => Error::Unsupported {
                what: format!("gcnr status {other}"),
                why: "unknown status code; please report it".into(),
            },
        },
    )
}

fn check_edges(e: &[f64]) -> Result<()> {
    const F: &str = "gcnr";
    if e.len() < 2 {
        return Err(Error::arg(
            F,
            "bins",
            format!("needs at least 2 edges, got {}", e.len()),
        ));
    }
    if e.iter().any(|v| v.is_nan()) {
        return Err(Error::arg(F, "bins", "the bin edges contain NaN"));
    }
    if e.windows(2).any(|w| w[0] > w[1]) {
        return Err(Error::arg(
            F,
            "bins",
            "the bin edges must increase monotonically",
        ));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    //! The one-pass bin index against the comparison count it replaced, on host and PJRT, on
    //! ranges chosen to stress the estimate (binade boundaries, ranges of a few ulps, values
    //! exactly on and next to every edge, complex ties).
    use ndarray::{ArrayD, IxDyn};
    use num_complex::{Complex32, Complex64};

    use super::*;
    use crate::backend::{Arg, Backend, Host, Out, Pjrt};
    use crate::graph::trace;
    use crate::host::HostTensor;

    /// Runs `(counts by bin index, counts by comparison, edges, edges increasing)` on both
    /// backends; asserts that they agree and, where the edges increase strictly, that the two
    /// counts are equal. Returns the edges.
    fn check(x: HostTensor<'static>, n: usize) -> Vec<f64> {
        let ty = x.ty();
        let p = trace("gcnr_bins_test", std::slice::from_ref(&ty), |t| {
            let x = &t[0];
            let (re, im) = parts_f64(x);
            let (lo, hi) = extremes(&re);
            let (bins, _) = EqualWidth::new(&lo, &hi, n, x.dtype().real());
            let (e, inc) = bins.edges();
            let fast = equal_width_counts(&bins, &re, im.as_ref(), &e);
            let cum = cumulative_counts(&re, im.as_ref(), &e);
            let slow = cum.slice_axis(0, 1, n + 1) - cum.slice_axis(0, 0, n);
            Ok(vec![fast, slow, e, inc])
        })
        .unwrap();
        let host: Vec<HostTensor> = Host::run(&p, vec![Arg::Host(x.view())])
            .unwrap()
            .into_iter()
            .map(|o| match o {
                Out::Host(h) => h,
                Out::Device(_) => panic!("host output"),
            })
            .collect();
        let dev = crate::Device::cpu().unwrap();
        let buf = crate::runtime::put_host(&dev, &x).unwrap();
        let pj: Vec<HostTensor> = Pjrt::run(&p, vec![Arg::Device(&buf)])
            .unwrap()
            .into_iter()
            .map(|o| match o {
                Out::Device(d) => crate::runtime::get_host(&d).unwrap(),
                Out::Host(_) => panic!("device output"),
            })
            .collect();
        for out in [&host, &pj] {
            let (HostTensor::I64(fast), HostTensor::I64(slow), HostTensor::Bool(inc)) =
                (&out[0], &out[1], &out[3])
            else {
                panic!("types")
            };
            if inc.iter().all(|&b| b) {
                assert_eq!(fast, slow, "{ty} n={n}");
            }
        }
        let bits = |t: &HostTensor| -> Vec<u64> {
            match t {
                HostTensor::I64(a) => a.iter().map(|&v| v as u64).collect(),
                HostTensor::F64(a) => a.iter().map(|v| v.to_bits()).collect(),
                HostTensor::Bool(a) => a.iter().map(|&v| v as u64).collect(),
                _ => panic!("types"),
            }
        };
        for i in 0..4 {
            assert_eq!(
                bits(&host[i]),
                bits(&pj[i]),
                "{ty} n={n} output {i}: host vs pjrt"
            );
        }
        let HostTensor::F64(e) = &host[2] else {
            panic!("edges")
        };
        e.iter().copied().collect()
    }

    fn f32s(v: Vec<f32>) -> HostTensor<'static> {
        ArrayD::from_shape_vec(IxDyn(&[v.len()]), v).unwrap().into()
    }
    fn f64s(v: Vec<f64>) -> HostTensor<'static> {
        ArrayD::from_shape_vec(IxDyn(&[v.len()]), v).unwrap().into()
    }

    /// Pseudo-random values in `[0, 1)`.
    fn unit(len: usize, seed: u64) -> Vec<f64> {
        let mut s = seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1;
        (0..len)
            .map(|_| {
                s ^= s << 13;
                s ^= s >> 7;
                s ^= s << 17;
                (s >> 11) as f64 / (1u64 << 53) as f64
            })
            .collect()
    }

    /// `x`, plus every edge and its two f32 neighbours within `[min, max]` of `x` (so the
    /// edges stay the same).
    fn with_edges_f32(x: Vec<f32>, n: usize) -> Vec<f32> {
        let e = check(f32s(x.clone()), n);
        let (lo, hi) = (e[0] as f32, e[n] as f32);
        let mut v = x;
        for e in e {
            let e = e as f32;
            let near = [
                f32::from_bits(e.to_bits() - 1),
                e,
                f32::from_bits(e.to_bits() + 1),
            ];
            v.extend(near.into_iter().filter(|&y| y >= lo && y <= hi));
        }
        v
    }

    #[test]
    fn bin_index_equals_comparison_count_f32() {
        let r = unit(3000, 1);
        let cases: Vec<(Vec<f32>, usize)> = vec![
            (r.iter().map(|&u| (u * 4.0 - 2.0) as f32).collect(), 100),
            // across the binade boundary at 1 (the ulp doubles there)
            (r.iter().map(|&u| (0.99 + 0.02 * u) as f32).collect(), 1000),
            // a range of 150 ulps in 100 bins (step 1.5 ulp), and of 300 ulps at 2^20
            (
                r.iter()
                    .map(|&u| 1.0 + (u * 150.0).floor() as f32 * f32::EPSILON)
                    .collect(),
                100,
            ),
            (
                r.iter()
                    .map(|&u| 1048576.0 + (u * 300.0).floor() as f32 * 0.125)
                    .collect(),
                100,
            ),
            // around zero, many decades
            (r.iter().map(|&u| ((u - 0.001) * 1e-3) as f32).collect(), 97),
            // large magnitudes, one bin, two bins
            (r.iter().map(|&u| (1e30 * (u - 0.5)) as f32).collect(), 1),
            (r.iter().map(|&u| (1e30 * (u - 0.5)) as f32).collect(), 2),
        ];
        for (x, n) in cases {
            let x = with_edges_f32(x, n);
            let e = check(f32s(x), n);
            // the case is compared (its edges increase strictly)
            assert!(e.windows(2).all(|w| w[0] < w[1]), "n={n}");
        }
        // all equal (range expanded by ±0.5), and a range too small for the bins (not checked:
        // the status reports it)
        check(f32s(vec![3.0; 10]), 10);
        check(f32s(vec![1.0, 1.0 + f32::EPSILON, 1.0]), 100);
    }

    /// Ranges of a few hundred consecutive f32 values (often straddling a power of two, where
    /// the ulp doubles), positive and negative, with the values on and next to every edge; only
    /// cases whose edges increase strictly are compared (by `check`).
    #[test]
    fn bin_index_equals_comparison_count_on_ulp_ranges() {
        let r = unit(20_000, 3);
        let mut r = r.into_iter();
        let mut compared = 0;
        for n in [3usize, 10, 100] {
            for trial in 0..12 {
                let mut u = || r.next().unwrap();
                let exp = 100 + (u() * 60.0) as u32; // 2^-27 .. 2^33
                let straddle = trial % 2 == 0;
                let width = 1 + (u() * 400.0) as u32;
                let base = (exp << 23)
                    - if straddle {
                        (u() * width as f64) as u32
                    } else {
                        0
                    };
                let sign = if trial % 3 == 0 { -1.0 } else { 1.0 };
                let x: Vec<f32> = (0..512)
                    .map(|_| sign * f32::from_bits(base + (u() * width as f64) as u32))
                    .collect();
                let x = with_edges_f32(x, n);
                let mut x = x;
                // a fixed length per `n` (one executable per `n`), padded with the first value
                x.resize(512 + 3 * (n + 1), x[0]);
                let e = check(f32s(x), n);
                compared += e.windows(2).all(|w| w[0] < w[1]) as usize;
            }
        }
        // most cases have strictly increasing edges, so the comparison is not vacuous
        assert!(compared >= 18, "{compared}");
    }

    #[test]
    fn bin_index_equals_comparison_count_f64_and_complex() {
        let r = unit(2000, 2);
        let x: Vec<f64> = r
            .iter()
            .map(|&u| 1.0 + (u * 150.0).floor() * f64::EPSILON)
            .collect();
        let e = check(f64s(x.clone()), 100);
        let mut x2 = x;
        for e in &e {
            x2.extend([
                *e,
                f64::from_bits(e.to_bits() - 1),
                f64::from_bits(e.to_bits() + 1),
            ]);
        }
        x2.retain(|&v| v >= e[0] && v <= e[100]);
        let e = check(f64s(x2), 100);
        assert!(e.windows(2).all(|w| w[0] < w[1]));
        check(f64s(r.iter().map(|&u| u * 1e-300).collect()), 50);
        // complex: real parts on the edges with every sign of imaginary part, and NaN
        let re: Vec<f32> = r.iter().map(|&u| (u * 2.0) as f32).collect();
        let e = check(f32s(re.clone()), 20);
        let mut z: Vec<Complex32> = re.iter().map(|&v| Complex32::new(v, 0.5)).collect();
        for e in &e {
            for im in [-1.0, 0.0, 1.0] {
                z.push(Complex32::new(*e as f32, im));
            }
        }
        z.push(Complex32::new(1.0, f32::NAN));
        check(
            ArrayD::from_shape_vec(IxDyn(&[z.len()]), z).unwrap().into(),
            20,
        );
        let z: Vec<Complex64> = r.iter().map(|&u| Complex64::new(u, u - 0.5)).collect();
        check(
            ArrayD::from_shape_vec(IxDyn(&[z.len()]), z).unwrap().into(),
            7,
        );
    }
}
