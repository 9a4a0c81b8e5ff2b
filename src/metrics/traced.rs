//! Traced (tensor-level) versions of the metrics, for composing objectives.
//!
//! Each function takes a traced [`Tensor`] (inside [`trace`](crate::graph::trace()) or an
//! [`Objective`](crate::grad::Objective)), validates it like the array-level metric, and records
//! the metric's graph — the very graph the array-level function runs (one definition per
//! metric). Compose them with [`Tensor`] operations into a scalar objective and differentiate it
//! with [`grad`](crate::grad). [`gcnr_smooth`] is a differentiable surrogate of the (piecewise
//! constant) histogram gCNR.
//!
//! ```
//! use ultrasound_metrics::graph::{trace, TensorType};
//! use ultrasound_metrics::metrics::{traced, CfParams, GcfParams};
//! use ultrasound_metrics::DType;
//! // the mean of CF + GCF over the image, as one graph
//! let p = trace("cf_plus_gcf", &[TensorType::new(DType::C64, &[16, 8, 8])], |a| {
//!     let cf = traced::coherence_factor(&a[0], CfParams::default())?;
//!     let gcf = traced::generalized_coherence_factor(&a[0], GcfParams::default())?;
//!     Ok(vec![(cf + gcf).mean_all()])
//! })?;
//! assert_eq!(p.outputs()[0].to_string(), "f32[]");
//! # Ok::<(), ultrasound_metrics::Error>(())
//! ```

use super::coherence::{
    cf_graph, channel_axis, check_power, gcf_graph, pcf_coherence, pcf_graph, scf_coherence,
    scf_graph, CfParams, GcfParams, PcfParams, ScfParams,
};
use crate::error::{Error, Result};
use crate::graph::Tensor;

/// Traced [`coherence_factor`](crate::coherence_factor): `(M, *img)` (or `(F, M, *img)` with
/// `frames`) → `img` (or `(F, *img)`), same formula, errors and dtype rules.
///
/// ```
/// use ultrasound_metrics::{grad::Objective, metrics::{traced, CfParams}};
/// let obj = Objective::new("mean_cf", |a| Ok(traced::coherence_factor(&a[0], CfParams::default())?.mean_all()));
/// let x = ndarray::Array3::<f64>::from_shape_fn((4, 2, 2), |(m, i, j)| (m + i + 2 * j) as f64 - 2.5);
/// let g = obj.grad(&x, &[])?;
/// assert_eq!(g.dim(), (4, 2, 2));
/// # Ok::<(), ultrasound_metrics::Error>(())
/// ```
pub fn coherence_factor(channel_images: &Tensor, params: CfParams) -> Result<Tensor> {
    let axis = channel_axis("coherence_factor", channel_images.shape(), params.frames)?;
    Ok(cf_graph(channel_images, axis, params.power_based))
}

/// Traced [`generalized_coherence_factor`](crate::generalized_coherence_factor) (same checks:
/// rank, `m0 < M/2`).
///
/// ```
/// use ultrasound_metrics::{grad::Objective, metrics::{traced, GcfParams}};
/// let obj = Objective::new("mean_gcf", |a| {
///     Ok(traced::generalized_coherence_factor(&a[0], GcfParams::default())?.mean_all())
/// });
/// let x = ndarray::Array2::<f64>::from_shape_fn((8, 3), |(m, j)| ((m * 5 + j * 3) % 7) as f64 - 3.0);
/// assert_eq!(obj.grad(&x, &[])?.dim(), (8, 3));
/// # Ok::<(), ultrasound_metrics::Error>(())
/// ```
pub fn generalized_coherence_factor(channel_images: &Tensor, params: GcfParams) -> Result<Tensor> {
    const F: &str = "generalized_coherence_factor";
    let axis = channel_axis(F, channel_images.shape(), params.frames)?;
    let m = channel_images.shape()[axis];
    if params.m0 >= m / 2 {
        return Err(Error::arg(
            F,
            "m0",
            format!("m0 ({}) must be < num_elements/2 ({})", params.m0, m / 2),
        ));
    }
    Ok(gcf_graph(channel_images, axis, params.m0))
}

/// Traced [`phase_coherence_factor`](crate::phase_coherence_factor). Differentiable for
/// complex data (through the phasors `x/|x|`); for real data it depends on `sign(x)` only, and a
/// gradient request fails with [`Error::NotDifferentiable`].
///
/// ```
/// use ultrasound_metrics::{grad::Objective, metrics::{traced, PcfParams}};
/// use num_complex::Complex64;
/// let obj = Objective::new("mean_pcf", |a| Ok(traced::phase_coherence_factor(&a[0], PcfParams::default())?.mean_all()));
/// let x = ndarray::Array2::from_shape_fn((6, 2), |(m, j)| Complex64::from_polar(1.0 + j as f64, 0.3 * m as f64));
/// assert_eq!(obj.grad(&x, &[])?.dim(), (6, 2));
/// # Ok::<(), ultrasound_metrics::Error>(())
/// ```
pub fn phase_coherence_factor(channel_images: &Tensor, params: PcfParams) -> Result<Tensor> {
    const F: &str = "phase_coherence_factor";
    let axis = channel_axis(F, channel_images.shape(), params.frames)?;
    check_power(F, params.power)?;
    Ok(pcf_graph(channel_images, axis, params.power))
}

/// Traced [`sign_coherence_factor`](crate::sign_coherence_factor). It depends on the data only
/// through `sign(Re x)`: its gradient w.r.t. the data is zero almost everywhere, and a gradient
/// request fails with [`Error::NotDifferentiable`] (it is differentiable w.r.t. `power`, see
/// [`sign_coherence_factor_pow`]).
///
/// ```
/// use ultrasound_metrics::graph::{trace, TensorType};
/// use ultrasound_metrics::metrics::{traced, ScfParams};
/// use ultrasound_metrics::DType;
/// let p = trace("scf", &[TensorType::new(DType::F32, &[8, 4])], |a| {
///     Ok(vec![traced::sign_coherence_factor(&a[0], ScfParams::default())?])
/// })?;
/// assert_eq!(p.outputs()[0].to_string(), "f32[4]");
/// # Ok::<(), ultrasound_metrics::Error>(())
/// ```
pub fn sign_coherence_factor(channel_images: &Tensor, params: ScfParams) -> Result<Tensor> {
    const F: &str = "sign_coherence_factor";
    let axis = channel_axis(F, channel_images.shape(), params.frames)?;
    check_power(F, params.power)?;
    Ok(scf_graph(channel_images, axis, params.power))
}

/// The traced exponent: a real rank-0 tensor, cast to `like`'s real dtype and broadcast.
fn exponent(func: &'static str, like: &Tensor, power: &Tensor) -> Result<Tensor> {
    if power.rank() != 0 || !power.dtype().is_real_float() {
        return Err(Error::arg(
            func,
            "power",
            format!("must be a real scalar tensor, got {}", power.ty()),
        ));
    }
    Ok(power.cast(like.dtype()))
}

/// [`phase_coherence_factor`] with a **traced exponent** `power` (a real rank-0 tensor), so
/// that objectives can be differentiated with respect to it:
/// `∂PCF/∂power = ln(c)·c^power` with `c` the coherence (read as 0 where `c = 0`).
/// `params.power` is ignored; a negative traced power is not checked (it is data).
///
/// ```
/// use ultrasound_metrics::{grad::Objective, metrics::{traced, PcfParams}};
/// use num_complex::Complex64;
/// // d/dp mean(PCF^p) at p = 1
/// let obj = Objective::new("pcf_vs_power", |a| {
///     Ok(traced::phase_coherence_factor_pow(&a[1], &a[0], PcfParams::default())?.mean_all())
/// });
/// let x = ndarray::Array2::from_shape_fn((6, 2), |(m, j)| Complex64::from_polar(1.0, 0.2 * (m * (j + 1)) as f64));
/// let dp = obj.grad(&ndarray::arr0(1.0), &[&x])?;
/// assert!(dp.into_scalar() < 0.0); // coherence < 1: a larger exponent lowers it
/// # Ok::<(), ultrasound_metrics::Error>(())
/// ```
pub fn phase_coherence_factor_pow(
    channel_images: &Tensor,
    power: &Tensor,
    params: PcfParams,
) -> Result<Tensor> {
    const F: &str = "phase_coherence_factor";
    let axis = channel_axis(F, channel_images.shape(), params.frames)?;
    let c = pcf_coherence(channel_images, axis);
    let p = exponent(F, &c, power)?;
    Ok(c.pow(&p))
}

/// [`sign_coherence_factor`] with a **traced exponent** `power` (a real rank-0 tensor),
/// differentiable with respect to it (not with respect to the data). See
/// [`phase_coherence_factor_pow`].
///
/// ```
/// use ultrasound_metrics::{grad::Objective, metrics::{traced, ScfParams}};
/// let obj = Objective::new("scf_vs_power", |a| {
///     Ok(traced::sign_coherence_factor_pow(&a[1], &a[0], ScfParams::default())?.mean_all())
/// });
/// let x = ndarray::array![[1.0, 1.0], [1.0, -1.0], [1.0, 1.0]];
/// let dp = obj.grad(&ndarray::arr0(2.0), &[&x])?;
/// assert!(dp.into_scalar() <= 0.0);
/// # Ok::<(), ultrasound_metrics::Error>(())
/// ```
pub fn sign_coherence_factor_pow(
    channel_images: &Tensor,
    power: &Tensor,
    params: ScfParams,
) -> Result<Tensor> {
    const F: &str = "sign_coherence_factor";
    let axis = channel_axis(F, channel_images.shape(), params.frames)?;
    let c = scf_coherence(channel_images, axis);
    let p = exponent(F, &c, power)?;
    Ok(c.pow(&p))
}

/// Parameters of [`gcnr_smooth`].
///
/// ```
/// use ultrasound_metrics::metrics::traced::GcnrSmoothParams;
/// let p = GcnrSmoothParams { bandwidth: Some(0.1), ..Default::default() };
/// assert_eq!(p.grid, 256);
/// ```
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct GcnrSmoothParams {
    /// Kernel bandwidth (in the values' units) used for both regions; `None` (default): per
    /// region, Silverman's normal-reference rule `h = 1.06·σ·N^(−1/5)` (σ the region's standard
    /// deviation), floored at `10⁻³` of the pooled value range.
    pub bandwidth: Option<f64>,
    /// Number of quadrature points of the overlap integral (≥ 2; default 256), spread evenly
    /// over `[min − 4h, max + 4h]` of the pooled values.
    pub grid: usize,
}

impl Default for GcnrSmoothParams {
    fn default() -> Self {
        GcnrSmoothParams {
            bandwidth: None,
            grid: 256,
        }
    }
}

/// A **smooth surrogate of the gCNR** for gradient-based optimisation: one minus the overlap of
/// Gaussian kernel-density estimates of the two regions' values,
///
/// `gCNR_smooth = 1 − Σ_j min(p_in(t_j), p_out(t_j))`, `p(t_j) ∝ Σ_i exp(−(t_j − v_i)²/(2h²))`
/// normalised to `Σ_j p(t_j) = 1`,
///
/// i.e. `1 − ∫ min(p_in, p_out)` for Gaussian kernel-density estimates `p`, discretised on
/// [`grid`](GcnrSmoothParams::grid) evenly spaced points `t_j` (a kernel-smoothed histogram with
/// a fine grid), with the bandwidth `h` of [`GcnrSmoothParams::bandwidth`]. Like the gCNR (Rodriguez-Molares et al., IEEE IUS 2018) it is
/// 0 for identical and close to 1 for disjoint distributions, but it is differentiable in the
/// values almost everywhere (the histogram gCNR is piecewise constant, and
/// `Error::NotDifferentiable` under [`grad`](crate::grad)). It estimates the population gCNR;
/// it does not reproduce the histogram value. Complex values are taken by their real part, as
/// the gCNR does (pass `|x|` for amplitudes). Each region is flattened. `O(N·grid)` work.
///
/// The gradient is the exact gradient of the computed value, including the dependence of the
/// automatic bandwidth and of the quadrature grid on the values.
///
/// Errors: an empty region; `grid < 2`; a bandwidth that is not positive and finite.
///
/// ```
/// use ultrasound_metrics::{grad::Objective, metrics::traced};
/// // push the inside values away from the outside distribution
/// let obj = Objective::new("gcnr_smooth", |a| traced::gcnr_smooth(&a[0], &a[1], Default::default()));
/// let inside = ndarray::Array1::from_shape_fn(50, |i| (i as f64 * 0.37).sin());
/// let outside = ndarray::Array1::from_shape_fn(60, |i| 0.5 + (i as f64 * 0.91).cos());
/// let (g, d) = obj.value_and_grad(&inside, &[&outside])?;
/// assert!(g > 0.0 && g < 1.0);
/// assert_eq!(d.len(), 50);
/// # Ok::<(), ultrasound_metrics::Error>(())
/// ```
pub fn gcnr_smooth(
    values_inside: &Tensor,
    values_outside: &Tensor,
    params: GcnrSmoothParams,
) -> Result<Tensor> {
    const F: &str = "gcnr_smooth";
    let region = |x: &Tensor, arg: &'static str| -> Result<Tensor> {
        let n = x.ty().num_elements();
        if n == 0 {
            return Err(Error::arg(
                F,
                arg,
                "is empty: both regions must contain values",
            ));
        }
        let x = super::inexact(x);
        let x = if x.dtype().is_complex() { x.re() } else { x };
        Ok(x.reshape(&[n]))
    };
    let xi = region(values_inside, "values_inside")?;
    let xo = region(values_outside, "values_outside")?;
    if xi.dtype() != xo.dtype() {
        return Err(Error::arg(
            F,
            "values_outside",
            format!(
                "dtype {} differs from values_inside's {}",
                xo.dtype(),
                xi.dtype()
            ),
        ));
    }
    if params.grid < 2 {
        return Err(Error::arg(
            F,
            "grid",
            format!("must be ≥ 2, got {}", params.grid),
        ));
    }
    if let Some(h) = params.bandwidth {
        if !(h.is_finite() && h > 0.0) {
            return Err(Error::arg(
                F,
                "bandwidth",
                format!("must be positive and finite, got {h}"),
            ));
        }
    }
    // the grid and the bandwidths follow the data; the gradient is that of the computed value
    let (si, so) = (xi.clone(), xo.clone());
    let lo = si.min_over(&[0]).min(&so.min_over(&[0]));
    let hi = si.max_over(&[0]).max(&so.max_over(&[0]));
    let floor = (&hi - &lo) * 1e-3 + 1e-12;
    let bandwidth = |s: &Tensor| -> Tensor {
        match params.bandwidth {
            Some(h) => s.scalar(h),
            None => {
                let n = s.shape()[0] as f64;
                let mean = s.mean_all();
                let var = (s - &mean).abs2().mean_all();
                (var.sqrt() * (1.06 * n.powf(-0.2))).max(&floor)
            }
        }
    };
    let (hi_bw, ho_bw) = (bandwidth(&si), bandwidth(&so));
    let pad = hi_bw.max(&ho_bw) * 4.0;
    let (start, stop) = (&lo - &pad, &hi + &pad);
    let g = params.grid;
    let dt = (&stop - &start) / (g - 1) as f64;
    let t = xi.iota(crate::graph::TensorType::new(xi.dtype(), &[g, 1]), 0) * &dt + &start;
    // kernel weights of each grid point, normalised to sum 1 over the grid (the discrete
    // density): identical regions give exactly 0, disjoint ones 1
    let density = |x: &Tensor, h: &Tensor| -> Tensor {
        let n = x.shape()[0];
        let u = (&t - &x.reshape(&[1, n])) / h;
        let p = (&u * &u * -0.5).exp().sum(&[1]);
        &p / &p.sum_all()
    };
    let overlap = density(&xi, &hi_bw).min(&density(&xo, &ho_bw)).sum(&[0]);
    Ok(1.0 - overlap)
}

/// Traced [`tenengrad`](crate::tenengrad) with `reduce_sum` (the statistic `Σ|K ∗ I|`, or the
/// mean with `normalize`, over the `roi` pixels if given: a traced `bool` mask of the image's
/// shape), or the `(H, W)` magnitude map without `reduce_sum` (no `roi` then: the ROI's value
/// list has a data-dependent length). Same kernel rules and errors as the array function.
///
/// Differentiable in the image where `K ∗ I ≠ 0`: the gradient is the adjoint convolution
/// (a correlation with `K`) of `sign(G)` (`conj(G)/|G|` for complex images); at `G = 0` it uses
/// `abs`'s subgradient `+1` (JAX's choice).
///
/// ```
/// use ultrasound_metrics::{grad::Objective, metrics::{traced, TenengradParams}};
/// let obj = Objective::new("tenengrad", |a| traced::tenengrad(&a[0], None, TenengradParams::default()));
/// let img = ndarray::Array2::from_shape_fn((6, 7), |(i, j)| ((i * 7 + j * 3) % 5) as f64 + 0.5 * j as f64);
/// let (s, g) = obj.value_and_grad(&img, &[])?;
/// assert!(s > 0.0);
/// assert!(g.iter().all(|v| v.fract() == 0.0)); // Sobel: integer adjoint responses
/// # Ok::<(), ultrasound_metrics::Error>(())
/// ```
pub fn tenengrad(
    image: &Tensor,
    roi: Option<&Tensor>,
    params: crate::metrics::TenengradParams,
) -> Result<Tensor> {
    use crate::metrics::sharpness::{
        check_image_and_kernel, gradient_magnitude_graph, statistic_graph,
    };
    const F: &str = "tenengrad";
    let kernel = check_image_and_kernel(image.shape(), params.sobel_kernel)?;
    if let Some(r) = roi {
        if r.shape() != image.shape() || r.dtype() != crate::DType::Bool {
            return Err(Error::arg(
                F,
                "roi",
                format!(
                    "must be a bool mask of the image's shape {:?}, got {}",
                    image.shape(),
                    r.ty()
                ),
            ));
        }
    }
    let mag = gradient_magnitude_graph(image, &kernel);
    match (params.reduce_sum, roi) {
        (true, roi) => Ok(statistic_graph(&mag, roi, params.normalize)),
        (false, None) => Ok(mag),
        (false, Some(_)) => Err(Error::arg(
            F,
            "roi",
            "the traced form returns the map without reduce_sum; mask it with `roi.select(..)`",
        )),
    }
}

/// Traced [`clip_ratio`](crate::clip_ratio): the fraction of flagged samples. It is piecewise
/// constant in the data (a mean of a comparison mask), so it is declared non-differentiable: a
/// gradient through it fails with [`Error::NotDifferentiable`].
///
/// ```
/// use ultrasound_metrics::{grad::Objective, metrics::{traced, ClipMethod, ThresholdParams}, Error};
/// let obj = Objective::new("clip", |a| traced::clip_ratio(&a[0], ClipMethod::Threshold(ThresholdParams::new(0.9))));
/// let x = ndarray::array![[0.1, 0.95, -0.99, 0.2]];
/// assert_eq!(obj.value(&x, &[])?, 0.5);
/// assert!(matches!(obj.grad(&x, &[]), Err(Error::NotDifferentiable { .. })));
/// # Ok::<(), Error>(())
/// ```
pub fn clip_ratio(data: &Tensor, method: crate::metrics::ClipMethod) -> Result<Tensor> {
    use crate::metrics::clip::{max_amplitude_graph, ratio_graph, sides, threshold_graph};
    use crate::metrics::ClipMethod;
    const F: &str = "clip_ratio";
    if data.rank() == 0 {
        return Err(Error::arg(
            F,
            "data",
            "must have at least 1 dimension (*batch, sample), got 0D",
        ));
    }
    let mask = match method {
        ClipMethod::Threshold(p) => threshold_graph(data, p),
        ClipMethod::MaxAmplitude(p) => {
            if p.min_contiguous < 1 {
                return Err(Error::arg(
                    F,
                    "min_contiguous",
                    "min_contiguous must be at least 1 for clip detection",
                ));
            }
            let (low, high) = sides(F, p.range_factor, data.dtype().is_complex())?;
            max_amplitude_graph(data, low, high, p.min_contiguous)
        }
    };
    Ok(ratio_graph(&mask).non_differentiable(
        F,
        "the clip ratio is a fraction of flagged samples: piecewise constant in the data, its \
         gradient is zero almost everywhere",
    ))
}

/// Traced [`corrcoef`](crate::corrcoef): the `(n, n)` correlation-coefficient matrix of `n`
/// flattened vectors (complex for complex input), same checks. Differentiable (the clip to
/// `[−1, 1]` passes the gradient inside the interval and splits it ½–½ on the boundary, where
/// the diagonal lies; the diagonal is constant 1 anyway).
///
/// ```
/// use ultrasound_metrics::{grad::Objective, metrics::traced};
/// // mean correlation of 3 frames, w.r.t. the frames
/// let obj = Objective::new("mean_corr", |a| Ok(traced::corrcoef(&a[0])?.mean_all()));
/// let v = ndarray::Array2::from_shape_fn((3, 10), |(k, i)| ((i * (k + 2)) as f64).sin());
/// assert_eq!(obj.grad(&v, &[])?.dim(), (3, 10));
/// # Ok::<(), ultrasound_metrics::Error>(())
/// ```
pub fn corrcoef(vectors: &Tensor) -> Result<Tensor> {
    crate::metrics::motion::vectors_shape("corrcoef", vectors.shape())?;
    Ok(crate::metrics::motion::corrcoef_graph(vectors))
}

/// Traced [`pairwise_corrcoef_agg`](crate::pairwise_corrcoef_agg): `Re` of the mean coefficient
/// over all pairs `i > j`, in `O(nF)`. Differentiable.
///
/// ```
/// use ultrasound_metrics::{grad::Objective, metrics::traced};
/// let obj = Objective::new("agg", |a| traced::pairwise_corrcoef_agg(&a[0]));
/// let v = ndarray::Array2::from_shape_fn((4, 9), |(k, i)| ((i + k) as f64 * 0.7).cos() + 0.1 * k as f64);
/// let (c, g) = obj.value_and_grad(&v, &[])?;
/// assert!(c.abs() <= 1.0 && g.dim() == (4, 9));
/// # Ok::<(), ultrasound_metrics::Error>(())
/// ```
pub fn pairwise_corrcoef_agg(vectors: &Tensor) -> Result<Tensor> {
    crate::metrics::motion::vectors_shape("pairwise_corrcoef_agg", vectors.shape())?;
    Ok(crate::metrics::motion::agg_graph(vectors))
}

/// Traced [`channel_noise`](crate::channel_noise) (repeated measurements or adjacent frames):
/// `(snr_db, signal_power, noise_power)` as rank-0 tensors in the real counterpart dtype.
/// Differentiable where the powers are positive.
///
/// ```
/// use ultrasound_metrics::{grad::Objective, metrics::{traced, NoiseMethod}};
/// let obj = Objective::new("snr", |a| Ok(traced::channel_noise(&a[0], NoiseMethod::AdjacentFrames)?.snr_db));
/// let x = ndarray::Array2::from_shape_fn((4, 16), |(r, i)| (i as f64 * 0.4).sin() + 0.05 * ((r * 7 + i) % 5) as f64);
/// let (snr, g) = obj.value_and_grad(&x, &[])?;
/// assert!(snr > 10.0 && g.dim() == (4, 16));
/// # Ok::<(), ultrasound_metrics::Error>(())
/// ```
pub fn channel_noise(
    data: &Tensor,
    method: crate::metrics::NoiseMethod,
) -> Result<crate::metrics::NoiseEstimate<Tensor>> {
    use crate::metrics::noise::{adjacent_graph, check_data, repeated_graph};
    use crate::metrics::NoiseMethod;
    let (func, build): (&'static str, fn(&Tensor) -> Vec<Tensor>) = match method {
        NoiseMethod::RepeatedMeasurements => ("noise_repeated_measurements", repeated_graph),
        NoiseMethod::AdjacentFrames => ("noise_adjacent_frames", adjacent_graph),
    };
    check_data(func, data.shape())?;
    let mut v = build(data).into_iter();
    let mut next = || {
        v.next()
            .ok_or_else(|| Error::graph(func, "the noise graph lost an output"))
    };
    Ok(crate::metrics::NoiseEstimate {
        snr_db: next()?,
        signal_power: next()?,
        noise_power: next()?,
    })
}

fn inexact_only(func: &'static str, arg: &'static str, x: &Tensor) -> Result<()> {
    if x.dtype().is_inexact() {
        Ok(())
    } else {
        Err(Error::UnsupportedDtype {
            func,
            arg,
            got: x.dtype(),
            expected: "float32, float64, complex64 or complex128",
        })
    }
}

/// Traced [`decibel`](crate::decibel): `20·log10(|v| + eps)`. Differentiable (at `v = 0` the
/// gradient uses `abs`'s subgradient: `+20/(ln 10·eps)` for real data, 0 for complex data).
///
/// ```
/// use ultrasound_metrics::{grad::Objective, metrics::traced};
/// let obj = Objective::new("mean_db", |a| Ok(traced::decibel(&a[0])?.mean_all()));
/// let g = obj.grad(&ndarray::array![1.0, -10.0], &[])?;
/// assert!((g[0] - 10.0 / std::f64::consts::LN_10).abs() < 1e-9);
/// # Ok::<(), ultrasound_metrics::Error>(())
/// ```
pub fn decibel(values: &Tensor) -> Result<Tensor> {
    inexact_only("decibel", "values", values)?;
    Ok(crate::metrics::bmode::decibel_graph(values))
}

/// Traced [`db_zero`](crate::db_zero): decibels relative to the maximum. Differentiable (the
/// maximum's gradient is shared among tied maxima).
///
/// ```
/// use ultrasound_metrics::{grad::Objective, metrics::traced};
/// let obj = Objective::new("mean_db0", |a| Ok(traced::db_zero(&a[0])?.mean_all()));
/// assert_eq!(obj.grad(&ndarray::array![1.0, 3.0, 2.0], &[])?.len(), 3);
/// # Ok::<(), ultrasound_metrics::Error>(())
/// ```
pub fn db_zero(values: &Tensor) -> Result<Tensor> {
    inexact_only("db_zero", "values", values)?;
    Ok(crate::metrics::bmode::db_zero_graph(values))
}

/// Traced [`create_bmode_image`](crate::create_bmode_image): the envelope `|v|`.
///
/// ```
/// use ultrasound_metrics::graph::{trace, TensorType};
/// use ultrasound_metrics::{metrics::traced, DType};
/// let p = trace("bmode", &[TensorType::new(DType::C64, &[4, 5])], |a| Ok(vec![traced::create_bmode_image(&a[0])?]))?;
/// assert_eq!(p.outputs()[0].to_string(), "f32[4,5]");
/// # Ok::<(), ultrasound_metrics::Error>(())
/// ```
pub fn create_bmode_image(complex_data: &Tensor) -> Result<Tensor> {
    Ok(crate::metrics::bmode::bmode_graph(complex_data))
}

/// The two regions of a two-input statistic: non-empty, one dtype.
fn two_regions(
    func: &'static str,
    names: (&'static str, &'static str),
    a: &Tensor,
    b: &Tensor,
    empty: &str,
) -> Result<()> {
    use crate::metrics::stats::check_nonempty;
    check_nonempty(func, names.0, a.shape(), empty)?;
    check_nonempty(func, names.1, b.shape(), empty)?;
    if a.dtype() != b.dtype() {
        return Err(Error::arg(
            func,
            names.1,
            format!(
                "dtype {} differs from {}'s {}",
                b.dtype(),
                names.0,
                a.dtype()
            ),
        ));
    }
    Ok(())
}

/// Traced [`contrast`](crate::contrast): `mean(|s_in|²) / mean(|s_out|²)` (or in dB), a rank-0
/// tensor. Differentiable w.r.t. both regions (JAX cannot differentiate the reference's
/// `contrast`, which ends in `float(...)`).
///
/// ```
/// use ultrasound_metrics::{grad::Objective, metrics::{traced, ContrastParams}};
/// // d C / d inside = 2·s_in / (N_in · mean|s_out|²)
/// let obj = Objective::new("contrast", |a| traced::contrast(&a[0], &a[1], ContrastParams::default()));
/// let (c, g) = obj.value_and_grad(&ndarray::array![1.0, -1.0], &[&ndarray::array![2.0, 2.0]])?;
/// assert_eq!(c, 0.25);
/// assert_eq!(g, ndarray::array![0.25, -0.25]);
/// # Ok::<(), ultrasound_metrics::Error>(())
/// ```
pub fn contrast(
    values_inside: &Tensor,
    values_outside: &Tensor,
    params: crate::metrics::ContrastParams,
) -> Result<Tensor> {
    let names = ("values_inside", "values_outside");
    // the reference does not validate (an empty region gives NaN); only the dtypes must agree
    if values_inside.dtype() != values_outside.dtype() {
        return Err(Error::arg(
            "contrast",
            names.1,
            format!(
                "dtype {} differs from values_inside's {}",
                values_outside.dtype(),
                values_inside.dtype()
            ),
        ));
    }
    Ok(crate::metrics::stats::contrast_graph(
        values_inside,
        values_outside,
        params.db,
    ))
}

/// Traced [`compute_cnr`](crate::compute_cnr), a rank-0 tensor. Differentiable w.r.t. both
/// regions, also with [`Aggregation::Median`](crate::metrics::Aggregation) (the median's
/// cotangent goes to the middle element(s) of a stable sort, as JAX's `jnp.median`).
///
/// ```
/// use ultrasound_metrics::{grad::Objective, metrics::{traced, CnrParams}};
/// let obj = Objective::new("cnr", |a| traced::compute_cnr(&a[0], &a[1], CnrParams::default()));
/// let s = ndarray::array![3.0, 2.5, 3.5, 2.0];
/// let n = ndarray::array![0.5, 1.0, -0.5, 0.2];
/// let (cnr, g) = obj.value_and_grad(&s, &[&n])?;
/// assert!(cnr > 0.0 && g.len() == 4);
/// # Ok::<(), ultrasound_metrics::Error>(())
/// ```
pub fn compute_cnr(
    values_signal: &Tensor,
    values_noise: &Tensor,
    params: crate::metrics::CnrParams,
) -> Result<Tensor> {
    two_regions(
        "compute_cnr",
        ("values_signal", "values_noise"),
        values_signal,
        values_noise,
        "must not be empty",
    )?;
    Ok(crate::metrics::stats::cnr_graph(
        values_signal,
        values_noise,
        params,
    ))
}

/// Traced [`gcnr`](crate::gcnr) with [`Bins::Count`](crate::metrics::Bins) (explicit edges are
/// not supported in traced form). The histogram counts are piecewise constant in the values, so
/// the result is declared non-differentiable: use [`gcnr_smooth`] for gradients. The
/// data-dependent errors of [`gcnr`](crate::gcnr) (a non-finite range) are not reported here:
/// the value is then meaningless.
///
/// ```
/// use ultrasound_metrics::{grad::Objective, metrics::{traced, GcnrParams}, Error};
/// let obj = Objective::new("gcnr", |a| traced::gcnr(&a[0], &a[1], GcnrParams::default()));
/// let (i, o) = (ndarray::array![0.0, 0.1, 0.2], ndarray::array![0.8, 0.9, 1.0]);
/// assert_eq!(obj.value(&i, &[&o])?, 1.0);
/// assert!(matches!(obj.grad(&i, &[&o]), Err(Error::NotDifferentiable { .. })));
/// # Ok::<(), Error>(())
/// ```
pub fn gcnr(
    values_inside: &Tensor,
    values_outside: &Tensor,
    params: crate::metrics::GcnrParams,
) -> Result<Tensor> {
    use crate::metrics::stats::{gcnr_graph, GraphBins};
    use crate::metrics::Bins;
    const F: &str = "gcnr";
    two_regions(
        F,
        ("values_inside", "values_outside"),
        values_inside,
        values_outside,
        "is empty: both regions must contain values",
    )?;
    let n = match params.bins {
        Bins::Count(0) => {
            return Err(Error::arg(
                F,
                "bins",
                "the number of bins must be ≥ 1, got 0",
            ))
        }
        Bins::Count(n) => n,
        Bins::Edges(_) => {
            return Err(Error::Unsupported {
                what: "traced gcnr with explicit bin edges".into(),
                why: "use Bins::Count, or the array function `gcnr`".into(),
            })
        }
    };
    let (g, _status) = gcnr_graph(values_inside, values_outside, GraphBins::Count(n));
    Ok(g.non_differentiable(
        F,
        "the gCNR is built from histogram counts, piecewise constant in the values: its gradient \
         is zero almost everywhere; use traced::gcnr_smooth (a kernel-density surrogate)",
    ))
}

/// Traced [`compute_rf_snr`](crate::compute_rf_snr): `10·log10(P_signal / P_noise)`, a rank-0
/// tensor. Differentiable (with `max_power`, the maximum's cotangent is shared among tied
/// maxima). The data-dependent error of the array function (noise power ≤ 0) is not reported:
/// the value is then `±inf` or NaN.
///
/// ```
/// use ultrasound_metrics::{grad::Objective, metrics::{traced, RfSnrParams}};
/// let obj = Objective::new("rf_snr", |a| traced::compute_rf_snr(&a[0], &a[1], RfSnrParams::default()));
/// let s = ndarray::Array1::from_shape_fn(32, |i| (i as f64 * 0.5).sin());
/// let n = ndarray::Array1::from_shape_fn(32, |i| 0.01 * ((i * 7 % 5) as f64 - 2.0));
/// let (snr, g) = obj.value_and_grad(&s, &[&n])?;
/// assert!(snr > 20.0 && g.len() == 32);
/// # Ok::<(), ultrasound_metrics::Error>(())
/// ```
pub fn compute_rf_snr(
    signal_data: &Tensor,
    noise_data: &Tensor,
    params: crate::metrics::RfSnrParams,
) -> Result<Tensor> {
    two_regions(
        "compute_rf_snr",
        ("signal_data", "noise_data"),
        signal_data,
        noise_data,
        "must not be empty",
    )?;
    Ok(crate::metrics::stats::rf_snr_graph(signal_data, noise_data, params).0)
}

/// Traced [`tsnr`](crate::tsnr): the temporal SNR map over the last (time) axis, same checks.
/// Differentiable where the temporal variance is positive.
///
/// ```
/// use ultrasound_metrics::{grad::Objective, metrics::{traced, TsnrParams}};
/// let obj = Objective::new("mean_tsnr", |a| Ok(traced::tsnr(&a[0], TsnrParams::default())?.mean_all()));
/// let x = ndarray::Array2::from_shape_fn((3, 8), |(p, t)| 2.0 + 0.1 * ((p * 3 + t * 5) % 7) as f64);
/// assert_eq!(obj.grad(&x, &[])?.dim(), (3, 8));
/// # Ok::<(), ultrasound_metrics::Error>(())
/// ```
pub fn tsnr(data: &Tensor, params: crate::metrics::TsnrParams) -> Result<Tensor> {
    crate::metrics::stats::check_tsnr_shape(data.shape())?;
    Ok(crate::metrics::stats::tsnr_graph(data, params.output_db))
}
