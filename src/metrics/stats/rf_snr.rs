//! RF signal-to-noise ratio of a pulse-echo region against a noise region.

use super::{check_nonempty, checked_scalar2, np_mean_all, np_power, StatOf, STATUS_OK};
use crate::backend::ArrayArg;
use crate::dtype::{DType, Numeric};
use crate::error::{Error, Result};
use crate::graph::{ReduceKind, Tensor};
use crate::metrics::{check_inputs, inexact};

/// Parameters of [`compute_rf_snr`]. The defaults are the reference's.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct RfSnrParams {
    /// Subtract each region's own mean (its DC offset, the complex mean for I/Q data) before
    /// taking powers (default `true`).
    pub center: bool,
    /// Use the peak power `max |s|²` of the signal instead of its mean power (default `false`).
    /// The noise always uses its mean power.
    pub max_power: bool,
}

impl Default for RfSnrParams {
    fn default() -> Self {
        RfSnrParams {
            center: true,
            max_power: false,
        }
    }
}

/// Status: the noise power is zero or negative.
const NOISE_POWER_NOT_POSITIVE: i64 = 1;

/// The RF-SNR graph: `(10·log10(P_s / P_n), status)`.
pub(crate) fn rf_snr_graph(
    signal: &Tensor,
    noise: &Tensor,
    params: RfSnrParams,
) -> (Tensor, Tensor) {
    let centred = |x: &Tensor| {
        let x = inexact(x);
        if params.center {
            &x - np_mean_all(&x)
        } else {
            x
        }
    };
    let (s, n) = (centred(signal), centred(noise));
    let all = |t: &Tensor| (0..t.rank()).collect::<Vec<_>>();
    let p_s = if params.max_power {
        // numpy's max propagates NaN (tested explicitly, whatever the reduction strategy)
        let p = np_power(&s);
        let axes = all(&p);
        let r = Tensor::reduce_many(
            &[(&p, ReduceKind::Max), (&p.ne(&p), ReduceKind::Any)],
            &axes,
        );
        r[1].select(&r[0].scalar(f64::NAN), &r[0])
    } else {
        np_mean_all(&np_power(&s))
    };
    let p_n = np_mean_all(&np_power(&n));
    let snr = (&p_s / &p_n).log10() * 10.0;
    // NaN is not caught (the comparison is false), as in the reference: the result is NaN
    let bad = p_n.le(&p_n.scalar(0.0));
    let status = bad.select(
        &p_n.scalar_of(NOISE_POWER_NOT_POSITIVE as f64, DType::I32),
        &p_n.scalar_of(STATUS_OK as f64, DType::I32),
    );
    (snr, status)
}

/// **RF signal-to-noise ratio** in dB (Liebgott et al., "Plane-Wave Imaging Challenge in Medical
/// Ultrasound", IEEE IUS 2016; Ecarlat et al., "Get Ready to Spy on Ultrasound: Meet ultraspy",
/// IEEE IUS 2023).
///
/// After optionally centring each region on its own mean,
/// `P_s = mean |s|²` (or `max |s|²` with [`max_power`](RfSnrParams::max_power)),
/// `P_n = mean |n|²`, and `SNR = 10·log10(P_s / P_n)` dB, over all elements of each region
/// (any shapes). For real RF data this is the reference's formula. For complex (I/Q) data the
/// power is the modulus squared `|x|²`; the reference squares the values (`x²`, bug #6) and
/// keeps the real part of the complex mean, which is not a power.
///
/// Errors: either region empty; `P_n ≤ 0` (e.g. a constant noise region with `center`). A NaN
/// `P_n` is not an error: the result is NaN. `P_s = 0` gives `−inf`.
///
/// On a device the result stays there, but the noise-power check reads back a 4-byte status,
/// which waits for the computation.
///
/// ```
/// use ndarray::array;
/// use ultrasound_metrics as um;
/// use um::metrics::RfSnrParams;
///
/// let signal = array![10.0, -10.0, 10.0, -10.0]; // power 100
/// let noise = array![1.0, -1.0, 1.0, -1.0];      // power 1
/// let snr = um::compute_rf_snr(&signal, &noise, Default::default())?;
/// assert!((snr - 20.0).abs() < 1e-12);
/// // a constant noise region has no power once centred
/// let flat = array![0.25, 0.25, 0.25];
/// assert!(um::compute_rf_snr(&signal, &flat, RfSnrParams::default()).is_err());
/// # Ok::<(), um::Error>(())
/// ```
///
/// # Non-finite input
///
/// With [`NonFinite::Propagate`](crate::NonFinite) (no scan; the default `Error` policy rejects
/// NaN and ±Inf in the inputs with [`Error::NonFinite`](crate::Error::NonFinite)): NaN or ±Inf in
/// either region gives NaN (centring subtracts an infinite mean). Host and PJRT agree.
pub fn compute_rf_snr<A, B>(
    signal_data: &A,
    noise_data: &B,
    params: RfSnrParams,
) -> Result<StatOf<A>>
where
    A: ArrayArg,
    A::Elem: Numeric,
    B: ArrayArg<Backend = A::Backend, Elem = A::Elem>,
{
    const F: &str = "compute_rf_snr";
    const EMPTY: &str = "is empty: both the signal and the noise region must contain values";
    check_nonempty(F, "signal_data", signal_data.shape_slice(), EMPTY)?;
    check_nonempty(F, "noise_data", noise_data.shape_slice(), EMPTY)?;
    check_inputs(
        F,
        &[
            ("signal_data", signal_data.arg()),
            ("noise_data", noise_data.arg()),
        ],
    )?;
    let key = format!(
        "compute_rf_snr{{center:{},max_power:{}}}",
        params.center, params.max_power
    );
    checked_scalar2(
        &key,
        signal_data,
        noise_data,
        &[],
        |t| rf_snr_graph(&t[0], &t[1], params),
        |_| {
            Error::arg(
                F,
                "noise_data",
                "noise power is zero or negative (a constant noise region?): check the noise data",
            )
        },
    )
}
