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

/// numpy's equal-width edges for `n` bins over `[lo, hi]` (rank-0 `f64`), rounded through the
/// data's real dtype `real`; also `(range_finite, edges_strictly_increasing)`.
///
/// numpy: `lo, hi` expanded by ±0.5 when equal; `e_i = lo + i·((hi − lo)/n)` in `f64` for
/// `i < n` and `e_n = hi`, then cast to the edge dtype (`f32` for `f32`/`complex64` data).
fn equal_width_edges(lo: &Tensor, hi: &Tensor, n: usize, real: DType) -> (Tensor, Tensor, Tensor) {
    let finite = lo.is_finite().and(&hi.is_finite());
    let same = lo.eq(hi);
    let lo = same.select(&(lo - 0.5), lo);
    let hi = same.select(&(hi + 0.5), hi);
    let delta = &hi - &lo;
    // `n` is made opaque to the compiler (it depends on `lo`, although its value never changes
    // where the result is used) so that XLA does not turn `delta / n` into `delta * (1/n)`,
    // which rounds differently from numpy.
    let nf = lo
        .ne(&lo)
        .select(&lo.scalar(n as f64 + 1.0), &lo.scalar(n as f64));
    let step = &delta / &nf;
    let i = lo.iota(TensorType::new(DType::F64, &[n + 1]), 0);
    // `max(·, 0)` is the identity here (i, step ≥ 0); it keeps LLVM from contracting
    // `i·step + lo` into one FMA, whose single rounding differs from numpy's two.
    let t = (&i * &step).max(&lo.scalar(0.0));
    // numpy's linspace for a step that underflows to 0: (i / n) · delta
    let t = step
        .eq(&step.scalar(0.0))
        .select(&((&i / &nf) * &delta), &t);
    let e = &lo + &t;
    let e = i.eq(&i.scalar(n as f64)).select(&hi, &e);
    let e = if real == DType::F32 {
        e.cast(DType::F32).cast(DType::F64)
    } else {
        e
    };
    let increasing = e
        .slice_axis(0, 1, n + 1)
        .gt(&e.slice_axis(0, 0, n))
        .all(&[0]);
    (e, finite, increasing)
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
    let below = |r: &Tensor, i: Option<&Tensor>, edge: &Tensor, inclusive: bool| -> Tensor {
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
    };
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

    let (edges, range_status) = match bins {
        GraphBins::Count(n) => {
            let (min_in, max_in) = extremes(&ri);
            let (min_out, max_out) = extremes(&ro);
            // Python's min(a, b) / max(a, b) of the two regions' extremes: `b` only if it
            // compares smaller (larger), so a NaN in the outside region alone is ignored here
            let lo = min_out.lt(&min_in).select(&min_out, &min_in);
            let hi = max_out.gt(&max_in).select(&max_out, &max_in);
            let (e, finite, increasing) = equal_width_edges(&lo, &hi, n, real);
            let status = finite.not().select(
                &code(RANGE_NOT_FINITE),
                &increasing
                    .not()
                    .select(&code(EDGES_NOT_INCREASING), &code(STATUS_OK)),
            );
            (e, status)
        }
        GraphBins::Edges(e) => (e.clone(), code(STATUS_OK)),
    };

    let m = edges.shape()[0];
    let cum_in = cumulative_counts(&ri, ii.as_ref(), &edges);
    let cum_out = cumulative_counts(&ro, io.as_ref(), &edges);
    let pmf = |cum: &Tensor| {
        let counts = cum.slice_axis(0, 1, m) - cum.slice_axis(0, 0, m - 1);
        let n = cum.index_axis(0, m - 1) - cum.index_axis(0, 0);
        (counts.cast(DType::F64) / n.cast(DType::F64), n)
    };
    let (p_in, n_in) = pmf(&cum_in);
    let (p_out, n_out) = pmf(&cum_out);
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
/// the graph by comparing every value with every edge and summing (`O(N·bins)` work, chunked).
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
