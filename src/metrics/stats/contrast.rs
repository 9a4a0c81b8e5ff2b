//! Contrast: the power ratio of two regions.

use super::{check_nonempty, db_if_finite, np_mean_all, np_power, scalar2, StatOf};
use crate::backend::ArrayArg;
use crate::dtype::Numeric;
use crate::error::Result;
use crate::graph::Tensor;
use crate::metrics::{check_inputs, inexact};

/// Parameters of [`contrast`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct ContrastParams {
    /// Return `10·log10(C)` (dB) instead of the linear ratio `C` (default `false`). Applied only
    /// when `C` is finite: `+inf` and NaN are returned unchanged; `C = 0` gives `−inf`.
    pub db: bool,
}

/// The contrast graph: `mean(|s_in|²) / mean(|s_out|²)`, optionally in dB.
pub(crate) fn contrast_graph(inside: &Tensor, outside: &Tensor, db: bool) -> Tensor {
    let p_in = np_mean_all(&np_power(&inexact(inside)));
    let p_out = np_mean_all(&np_power(&inexact(outside)));
    let c = p_in / p_out;
    if db {
        db_if_finite(&c)
    } else {
        c
    }
}

/// **Contrast** between two regions, as a ratio of mean powers.
///
/// `C = mean(|s_in|²) / mean(|s_out|²)` over all elements of each region (any shapes; real,
/// complex or integer values). Dimensionless (a power ratio); with
/// [`db`](ContrastParams::db) the result is `10·log10(C)` in dB, applied only when `C` is finite.
/// Typical use: lesion (inside) against background (outside) intensity; see e.g.
/// Rindal et al., "The effect of dynamic range alterations in the estimation of contrast",
/// IEEE TUFFC 66(7), 2019.
///
/// Errors: an empty region (the reference returns NaN, the mean of nothing). `0/0` (two
/// all-zero regions) gives NaN. A device input gives a rank-0 device array; only the non-finite
/// scan (see below) waits for the device.
///
/// ```
/// use ndarray::array;
/// use ultrasound_metrics as um;
/// use um::metrics::ContrastParams;
///
/// let inside = array![1.0, -1.0, 1.0, -1.0];   // power 1
/// let outside = array![[2.0, 2.0], [-2.0, 2.0]]; // power 4
/// assert_eq!(um::contrast(&inside, &outside, Default::default())?, 0.25);
/// let db = um::contrast(&inside, &outside, ContrastParams { db: true })?;
/// assert!((db - 10.0 * 0.25f64.log10()).abs() < 1e-12);
///
/// let dev = um::Device::cpu()?;
/// let c = um::contrast(&dev.put(&inside)?, &dev.put(&outside)?, Default::default())?; // on the device
/// let c: f64 = c.to_ndarray()?.into_scalar();
/// assert!((c - 0.25).abs() < 1e-12);
/// # Ok::<(), um::Error>(())
/// ```
///
/// # Non-finite input
///
/// With [`NonFinite::Propagate`](crate::NonFinite) (no scan; the default `Error` policy rejects
/// NaN and ±Inf in the inputs with [`Error::NonFinite`](crate::Error::NonFinite)): NaN in either
/// region gives NaN; +Inf inside gives `+inf` (also in dB), +Inf outside gives 0 (`−inf`
/// dB); Inf in both gives NaN. Host and PJRT agree.
pub fn contrast<A, B>(
    values_inside: &A,
    values_outside: &B,
    params: ContrastParams,
) -> Result<StatOf<A>>
where
    A: ArrayArg,
    A::Elem: Numeric,
    B: ArrayArg<Backend = A::Backend, Elem = A::Elem>,
{
    const F: &str = "contrast";
    const EMPTY: &str = "is empty: both regions must contain values";
    check_nonempty(F, "values_inside", values_inside.shape_slice(), EMPTY)?;
    check_nonempty(F, "values_outside", values_outside.shape_slice(), EMPTY)?;
    check_inputs(
        F,
        &[
            ("values_inside", values_inside.arg()),
            ("values_outside", values_outside.arg()),
        ],
    )?;
    let key = format!("contrast{{db:{}}}", params.db);
    scalar2(&key, values_inside, values_outside, |a, b| {
        contrast_graph(a, b, params.db)
    })
}
