//! Contrast-to-noise ratio, in the power domain.

use super::{check_nonempty, flat, np_mean_all, np_power, scalar2, StatOf};
use crate::backend::ArrayArg;
use crate::dtype::Numeric;
use crate::error::Result;
use crate::graph::Tensor;
use crate::metrics::{check_inputs, inexact};

/// How [`compute_cnr`] aggregates a region (the reference's `"MEAN"` / `"MEDIAN"`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Aggregation {
    /// Arithmetic mean; the spread is then the population variance (ddof = 0).
    #[default]
    Mean,
    /// Median (numpy semantics: an even count averages the two middle values; any NaN gives
    /// NaN); the spread is then the median of the squared deviations from the median.
    Median,
}

/// Parameters of [`compute_cnr`]. The defaults are the reference's.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct CnrParams {
    /// Aggregation of the signal region (default [`Aggregation::Mean`]).
    pub fun_signal: Aggregation,
    /// Aggregation of the noise region (default [`Aggregation::Mean`]).
    pub fun_noise: Aggregation,
    /// Include the signal spread `v_s` in the denominator (default `true`).
    pub use_signal_variance: bool,
    /// Include the noise spread `v_n` in the denominator (default `true`).
    pub use_noise_variance: bool,
}

impl Default for CnrParams {
    fn default() -> Self {
        CnrParams {
            fun_signal: Aggregation::Mean,
            fun_noise: Aggregation::Mean,
            use_signal_variance: true,
            use_noise_variance: true,
        }
    }
}

/// The median of a rank-1 tensor (numpy semantics), rank 0. `p` must not be empty.
pub(crate) fn median(p: &Tensor) -> Tensor {
    p.median()
}

/// `(centre, spread)` of a rank-1 tensor: mean and population variance, or median and median
/// of squared deviations from it.
fn centre_and_spread(p: &Tensor, how: Aggregation) -> (Tensor, Tensor) {
    let agg = |t: &Tensor| match how {
        Aggregation::Mean => np_mean_all(t),
        Aggregation::Median => median(t),
    };
    let centre = agg(p);
    let spread = agg(&np_power(&(p - &centre)));
    (centre, spread)
}

/// The CNR graph (see [`compute_cnr`]).
pub(crate) fn cnr_graph(signal: &Tensor, noise: &Tensor, params: CnrParams) -> Tensor {
    let p_s = np_power(&flat(&inexact(signal)));
    let p_n = np_power(&flat(&inexact(noise)));
    let (mu_s, v_s) = centre_and_spread(&p_s, params.fun_signal);
    let (mu_n, v_n) = centre_and_spread(&p_n, params.fun_noise);
    let diff = &mu_s - &mu_n;
    let denom = match (params.use_signal_variance, params.use_noise_variance) {
        (true, true) => Some(v_s + v_n),
        (true, false) => Some(v_s),
        (false, true) => Some(v_n),
        (false, false) => None,
    };
    match denom {
        Some(d) => diff / d.sqrt(),
        None => diff,
    }
}

/// **Contrast-to-noise ratio** of a signal region against a noise region, as the reference
/// computes it: in the power domain and signed.
///
/// With `p_s = |s|²` and `p_n = |n|²` elementwise and `A_s`, `A_n` the chosen aggregations over
/// all elements of each region:
/// `μ_s = A_s(p_s)`, `v_s = A_s((p_s − μ_s)²)` (and alike for the noise), and
/// `CNR = (μ_s − μ_n) / sqrt(v_s·[use_signal_variance] + v_n·[use_noise_variance])`, or
/// `μ_s − μ_n` when both flags are off. Dimensionless. With [`Aggregation::Mean`] `v` is the
/// population variance; with [`Aggregation::Median`] it is the median of squared deviations
/// from the median (computed by the graph's median primitive: an O(n) selection on the host
/// backend, one integer-key sort on PJRT).
///
/// Note that this is not the textbook amplitude CNR `|μ_i − μ_o| / sqrt(σ_i² + σ_o²)`
/// (e.g. Patterson & Foster 1983; Smith et al. 1983): it is signed, on power, without a factor
/// 1/2. A zero spread gives `±inf` (or NaN for `0/0`), and a NaN input gives NaN.
///
/// Errors: either region empty (checked first). An unknown aggregation cannot be written
/// ([`Aggregation`] is an enum). Waits for a device only for the non-finite scan (see below).
///
/// ```
/// use ndarray::array;
/// use ultrasound_metrics as um;
/// use um::metrics::{Aggregation, CnrParams};
///
/// let signal = array![2.0, 2.0, 3.0, 1.0]; // powers 4 4 9 1: mean 4.5, variance 8.25
/// let noise = array![1.0, -1.0];           // powers 1 1:     mean 1,   variance 0
/// let c = um::compute_cnr(&signal, &noise, Default::default())?;
/// assert!((c - 3.5 / 8.25f64.sqrt()).abs() < 1e-12);
///
/// // medians: signal powers sorted 1 4 4 9 -> 4; squared deviations 9 0 0 25 -> 4.5
/// let p = CnrParams { fun_signal: Aggregation::Median, ..Default::default() };
/// let m = um::compute_cnr(&signal, &noise, p)?;
/// assert!((m - 3.0 / 4.5f64.sqrt()).abs() < 1e-12);
/// assert!(um::compute_cnr(&ndarray::Array1::<f64>::zeros(0), &noise, p).is_err());
/// # Ok::<(), um::Error>(())
/// ```
///
/// # Non-finite input
///
/// With [`NonFinite::Propagate`](crate::NonFinite) (no scan; the default `Error` policy rejects
/// NaN and ±Inf in the inputs with [`Error::NonFinite`](crate::Error::NonFinite)): with mean
/// aggregation any NaN or ±Inf gives NaN (the variance of an infinite value is NaN); with median
/// aggregation a single ±Inf only shifts the median and the result stays finite, while NaN gives
/// NaN. Host and PJRT agree.
pub fn compute_cnr<A, B>(
    values_signal: &A,
    values_noise: &B,
    params: CnrParams,
) -> Result<StatOf<A>>
where
    A: ArrayArg,
    A::Elem: Numeric,
    B: ArrayArg<Backend = A::Backend, Elem = A::Elem>,
{
    const F: &str = "compute_cnr";
    const EMPTY: &str = "must not be empty";
    check_nonempty(F, "values_signal", values_signal.shape_slice(), EMPTY)?;
    check_nonempty(F, "values_noise", values_noise.shape_slice(), EMPTY)?;
    check_inputs(
        F,
        &[
            ("values_signal", values_signal.arg()),
            ("values_noise", values_noise.arg()),
        ],
    )?;
    let key = format!(
        "compute_cnr{{fun_signal:{:?},fun_noise:{:?},sv:{},nv:{}}}",
        params.fun_signal, params.fun_noise, params.use_signal_variance, params.use_noise_variance
    );
    scalar2(&key, values_signal, values_noise, |s, n| {
        cnr_graph(s, n, params)
    })
}
