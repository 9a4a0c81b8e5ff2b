//! Temporal SNR of repeated acquisitions, per pixel.

use ndarray::RemoveAxis;

use super::{np_mean_last, np_power};
use crate::backend::{ArrayArg, ArrayOf};
use crate::dtype::Numeric;
use crate::error::{Error, Result};
use crate::graph::Tensor;
use crate::metrics::{check_inputs, inexact, map1};

/// Parameters of [`tsnr`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub struct TsnrParams {
    /// Return `10·log10(S/N)` (dB) instead of the linear ratio (default `false`).
    pub output_db: bool,
}

type MapOf<X> = ArrayOf<
    X,
    <<X as ArrayArg>::Elem as Numeric>::Real,
    <<X as ArrayArg>::Dim as ndarray::Dimension>::Smaller,
>;

/// The tSNR graph over the last axis. The temporal means are numpy's, bit for bit (pairwise
/// summation and numpy's division), so that "zero noise" (`+inf`) and "zero mean" (`−inf` dB)
/// come out exactly where the reference finds them.
pub(crate) fn tsnr_graph(data: &Tensor, output_db: bool) -> Tensor {
    let x = inexact(data);
    let t = x.rank() - 1;
    let spatial = x.shape()[..t].to_vec();
    if spatial.iter().product::<usize>() == 0 {
        // nothing to compute (and no scalar may be broadcast against an empty axis)
        return x.slice_axis(t, 0, 0).abs().reshape(&spatial);
    }
    let mu = np_mean_last(&x); // the complex mean for complex data: coherent
    let mut kept = x.shape().to_vec();
    kept[t] = 1;
    let noise = &x - mu.reshape(&kept);
    let signal_power = np_power(&mu);
    let noise_power = np_mean_last(&np_power(&noise));
    let zero = noise_power.eq(&noise_power.scalar(0.0));
    let ratio = zero.select(
        &noise_power.scalar(f64::INFINITY),
        &(&signal_power / &noise_power),
    );
    if output_db {
        ratio.log10() * 10.0
    } else {
        ratio
    }
}

/// **Temporal SNR** per spatial location: how stable each pixel is over repeated acquisitions
/// (time on the **last** axis).
///
/// For each location, with `x[t]` its time series, `μ = mean_t x[t]` (the complex mean for
/// complex data: the signal is treated coherently, phase included), `S = |μ|²` and
/// `N = mean_t |x[t] − μ|²` (the population variance; `var(Re) + var(Im)` for complex data):
/// `tSNR = S / N`, and **`+inf` where `N == 0` exactly** (even where `S = 0`). With
/// [`output_db`](TsnrParams::output_db) the result is `10·log10(S/N)` dB (`+inf` stays `+inf`,
/// `S = 0` gives `−inf`). Input `(*spatial, T)`, rank ≥ 2, `T ≥ 2`; output `spatial` in the
/// real counterpart of the input dtype (integers give `f64`).
///
/// The zero test is exact: a constant series whose mean is not exactly representable can give
/// a huge finite value instead of `inf`, as in the reference. Unlike the reference, no warning
/// is emitted for zero-noise pixels (look for `inf` in the result).
///
/// ```
/// use ndarray::array;
/// use ultrasound_metrics as um;
/// use um::metrics::TsnrParams;
///
/// // two pixels, four frames: mean 2 and deviations ±1 -> S = 4, N = 1; a constant pixel -> inf
/// let x = array![[1.0, 3.0, 1.0, 3.0], [5.0, 5.0, 5.0, 5.0]];
/// let r = um::tsnr(&x, Default::default())?;
/// assert_eq!(r, array![4.0, f64::INFINITY]);
/// let db: ndarray::Array1<f64> = um::tsnr(&x, TsnrParams { output_db: true })?;
/// assert!((db[0] - 10.0 * 4f64.log10()).abs() < 1e-12);
/// assert!(um::tsnr(&array![1.0, 2.0], Default::default()).is_err()); // no spatial axis
/// # Ok::<(), um::Error>(())
/// ```
///
/// # Non-finite input
///
/// With [`NonFinite::Propagate`](crate::NonFinite) (no scan; the default `Error` policy rejects
/// NaN and ±Inf in the inputs with [`Error::NonFinite`](crate::Error::NonFinite)): a pixel whose
/// time series holds NaN or ±Inf is NaN; other pixels are unaffected. Host and PJRT agree.
pub fn tsnr<X>(data: &X, params: TsnrParams) -> Result<MapOf<X>>
where
    X: ArrayArg,
    X::Elem: Numeric,
    X::Dim: RemoveAxis,
{
    check_shape(data.shape_slice())?;
    check_inputs("tsnr", &[("data", data.arg())])?;
    let key = format!("tsnr{{output_db:{}}}", params.output_db);
    map1(&key, data, |x| Ok(tsnr_graph(x, params.output_db)))
}

/// The shape rules of [`tsnr`] (shared with its traced form): rank ≥ 2, time axis ≥ 2 points.
pub(crate) fn check_shape(shape: &[usize]) -> Result<()> {
    const F: &str = "tsnr";
    if shape.len() < 2 {
        return Err(Error::arg(
            F,
            "data",
            format!(
                "must have at least 2 dimensions (*spatial, time), got {}D",
                shape.len()
            ),
        ));
    }
    let t = shape[shape.len() - 1];
    if t < 2 {
        return Err(Error::arg(
            F,
            "data",
            format!("the time axis (last) must have at least 2 points, got {t}"),
        ));
    }
    Ok(())
}
