//! Resolution of a point target: the **full width at half maximum** ([`compute_fwhm`]) and the
//! **side-lobe level** ([`compute_sll`]) of an image of a point scatterer (a point-spread
//! function, PSF), along each measured axis.
//!
//! # Where the work runs
//!
//! Both metrics are sequential algorithms (a peak search along lines, a level-crossing search,
//! SciPy-style local-maximum detection and a small nonlinear least-squares fit), so they run on
//! the **host**, in `f64`. They accept any [`ArrayArg`] of `f32` or `f64`: an `ndarray` array of
//! rank 1 to 4, or a [`DeviceArray`], which is copied to the host first
//! (one device-to-host transfer of the whole array). The results are plain Rust structs.
//!
//! # Layout and units
//!
//! The input is read in the reference's layout `(time, lateral, elevation, depth)`, trailing axes
//! first: a rank-4 array has a leading time axis that is not measured by default; for ranks 1–3
//! every axis is a spatial axis. By default every non-singleton spatial axis is measured; set
//! `dims_to_measure` to choose (input axis numbers). Results have **one slot per input axis**:
//! `None` for an axis that is not measured. Widths are in samples, times `grid_spacing` when it
//! is given (physical units, e.g. metres).
//!
//! # The target
//!
//! The target is the maximum of the image (or of `roi_indices`, first occurrence in the order
//! given). Axes that are not measured are held at the maximum's index (the reference's FWHM uses
//! index 0 there: a bug). With `target_radius` the target moves to the maximum within that
//! distance (in samples, Euclidean, over the measured axes) of the first maximum, as in the
//! reference. The lines through the target along each measured axis are what is measured.
//!
//! # Amplitude or power: what "half maximum" and "dB" mean
//!
//! The *half maximum* is `0.5 · v` where `v` is the target's value, in the image's own units,
//! as in the reference: for an **amplitude** image (envelope, |IQ|) that is −6.02 dB; for a
//! **power/intensity** image (|IQ|², a sinc² PSF) it is −3.01 dB. Decibel levels need to know
//! which: [`Scale::Amplitude`] uses `20·log10`, [`Scale::Power`] `10·log10`. The defaults follow
//! the reference's own conventions: [`FwhmParams::scale`] is `Amplitude` (so its −6 dB width is
//! the classic FWHM of a B-mode PSF), [`SllParams::scale`] is `Power` (the reference's docstring
//! formula `10·log10(side / main)`, which gives −13.26 dB for sinc²).
//!
//! # References
//!
//! * Liebgott, Rodriguez-Molares, Cervenansky, Jensen & Bernard, "Plane-Wave Imaging Challenge
//!   in Medical Ultrasound" (PICMUS), IEEE IUS 2016: resolution as the FWHM of point targets.
//! * Szabo, *Diagnostic Ultrasound Imaging: Inside Out*, 2nd ed., Academic Press 2014, ch. 7
//!   (beam widths at −6 dB and −20 dB).
//! * Harris, "On the use of windows for harmonic analysis with the discrete Fourier transform",
//!   Proc. IEEE 66(1), 1978: the highest side lobe of a uniform aperture (sinc²) is −13.26 dB.

mod fit;
mod profile;

pub use profile::{half_width_half_max, level_crossing, local_maxima, side_lobe_amplitude};

use ndarray::{ArrayD, Dimension, IxDyn, Slice};

use crate::backend::{Arg, ArrayArg};
use crate::dtype::num_traits_lite::Float;
use crate::dtype::{Element, RealElement};
use crate::error::{Error, Result};
use crate::runtime::DeviceArray;

use fit::{levenberg_marquardt, Gaussian, LmOptions};
use profile::side_lobe_peaks;

/// How image values relate to decibels.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Scale {
    /// Values are amplitudes (envelope, |IQ|): `dB = 20·log10(v / v_max)`; −6 dB ≈ half maximum.
    Amplitude,
    /// Values are power or intensity (|IQ|², sinc²): `dB = 10·log10(v / v_max)`; −3 dB ≈ half
    /// maximum.
    Power,
}

impl Scale {
    /// The decibel value of a ratio of image values: `20·log10(r)` or `10·log10(r)`.
    ///
    /// ```
    /// use ultrasound_metrics::metrics::resolution::Scale;
    /// assert!((Scale::Amplitude.ratio_to_db(0.1) + 20.0).abs() < 1e-12);
    /// assert!((Scale::Power.ratio_to_db(0.1) + 10.0).abs() < 1e-12);
    /// ```
    pub fn ratio_to_db(self, ratio: f64) -> f64 {
        match self {
            Scale::Amplitude => 20.0 * ratio.log10(),
            Scale::Power => 10.0 * ratio.log10(),
        }
    }

    /// The ratio of image values of a decibel value: `10^(dB/20)` or `10^(dB/10)`.
    ///
    /// ```
    /// use ultrasound_metrics::metrics::resolution::Scale;
    /// assert!((Scale::Amplitude.db_to_ratio(-6.0) - 0.501187).abs() < 1e-6);
    /// assert!((Scale::Power.db_to_ratio(-20.0) - 0.01).abs() < 1e-15);
    /// ```
    pub fn db_to_ratio(self, db: f64) -> f64 {
        match self {
            Scale::Amplitude => 10f64.powf(db / 20.0),
            Scale::Power => 10f64.powf(db / 10.0),
        }
    }
}

/// The level, relative to the target's value, at which a width is measured.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Level {
    /// Half of the target's value, in image units (the reference's measurement; FWHM).
    HalfMax,
    /// This fraction of the target's value, in `(0, 1)`.
    Fraction(f64),
    /// This many decibels below the target (negative, e.g. `-20.0`), converted with the
    /// [`Scale`] of the parameters.
    Db(f64),
}

impl Level {
    /// The fraction of the target's value, or an error for an out-of-range level.
    fn fraction(self, func: &'static str, scale: Scale) -> Result<f64> {
        let f = match self {
            Level::HalfMax => 0.5,
            Level::Fraction(f) => f,
            Level::Db(db) => {
                if !(db.is_finite() && db < 0.0) {
                    return Err(Error::arg(
                        func,
                        "level",
                        format!("a dB level must be finite and negative, got {db}"),
                    ));
                }
                scale.db_to_ratio(db)
            }
        };
        if !(f > 0.0 && f < 1.0) {
            return Err(Error::arg(
                func,
                "level",
                format!("must be a fraction of the peak in (0, 1), got {f}"),
            ));
        }
        Ok(f)
    }
}

/// How [`compute_fwhm`] turns the profile into a width.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum WidthEstimator {
    /// Linear interpolation of the level crossings, refined by a least-squares fit of an
    /// axis-aligned Gaussian to the neighbourhood of the target (the reference's method, with
    /// its bugs fixed). Falls back to the interpolated width where the fit cannot run.
    #[default]
    GaussianFit,
    /// Linear interpolation of the level crossings only (model-free).
    Interpolation,
}

/// Parameters of [`compute_fwhm`].
#[derive(Debug, Clone, PartialEq)]
pub struct FwhmParams {
    /// Full indices (one `Vec` of `rank` entries per pixel) of the region in which the target's
    /// maximum is searched; `None` (default) searches the whole image.
    pub roi_indices: Option<Vec<Vec<usize>>>,
    /// The input axes to measure; `None` (default): every non-singleton spatial axis (all axes
    /// for ranks 1–3; axes 1, 2, 3 for rank 4). Order does not matter.
    pub dims_to_measure: Option<Vec<usize>>,
    /// Re-centre on the maximum within this many samples of the ROI's maximum; `None` (default)
    /// does not.
    pub target_radius: Option<f64>,
    /// Sample spacing per input axis (`rank` entries, or one for all axes), in the unit the
    /// widths should have; `None` (default): widths in samples. Reference: `bf_grid_spacing`.
    pub grid_spacing: Option<Vec<f64>>,
    /// The level of the main width ([`AxisWidth::width`]); default [`Level::HalfMax`] (FWHM).
    pub level: Level,
    /// Amplitude or power image; sets the meaning of dB levels (the −6 dB and −20 dB widths and
    /// [`Level::Db`]). Default [`Scale::Amplitude`].
    pub scale: Scale,
    /// Gaussian-refined (default) or interpolated main width.
    pub estimator: WidthEstimator,
}

impl Default for FwhmParams {
    fn default() -> Self {
        FwhmParams {
            roi_indices: None,
            dims_to_measure: None,
            target_radius: None,
            grid_spacing: None,
            level: Level::HalfMax,
            scale: Scale::Amplitude,
            estimator: WidthEstimator::GaussianFit,
        }
    }
}

/// The widths of the target along one measured axis, in the units of `grid_spacing`
/// (samples without it).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct AxisWidth {
    /// The full width at [`FwhmParams::level`] (the FWHM by default): from the Gaussian fit
    /// (`2σ·√(2 ln(1/f))` at fraction `f`, `2√(2 ln 2)·σ` at half maximum) when it was used,
    /// otherwise [`width_interpolated`](Self::width_interpolated).
    pub width: f64,
    /// The full width at the level by linear interpolation of the two level crossings. Where the
    /// level is not crossed on a side, that side counts as the number of samples from the target
    /// to the end of the line, the target included (the reference's fallback), and
    /// [`truncated`](Self::truncated) is set.
    pub width_interpolated: f64,
    /// The full width at −6 dB ([`FwhmParams::scale`]), interpolated; `None` if that level is not
    /// crossed on both sides within the image.
    pub width_6db: Option<f64>,
    /// The full width at −20 dB, interpolated; `None` if not crossed on both sides.
    pub width_20db: Option<f64>,
    /// The fitted Gaussian's standard deviation along this axis, when the fit was used for it
    /// (an axis with fewer than 3 samples around the target is not fitted; its width is the
    /// interpolated one).
    pub sigma: Option<f64>,
    /// The level of the main width is not crossed on at least one side within the image (a
    /// target at the border, a flat image): the interpolated width is a lower bound.
    pub truncated: bool,
}

/// What happened to the Gaussian refinement of [`compute_fwhm`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum FitStatus {
    /// [`WidthEstimator::Interpolation`] was asked for.
    NotRequested,
    /// The fit converged inside its bounds; the widths come from it.
    Converged,
    /// The fit converged with a σ on its upper bound (twice the interpolated estimate): the data
    /// do not constrain the width (a flat or very wide profile). The widths still come from it,
    /// as in the reference.
    AtBound,
    /// The fit could not run (non-finite values or a non-positive maximum in the neighbourhood,
    /// no axis with 3 samples and a positive initial width) or did not converge; the widths are
    /// the interpolated ones (the reference's fallback).
    Failed,
}

/// The result of [`compute_fwhm`].
#[derive(Debug, Clone, PartialEq)]
pub struct FwhmResult {
    /// One slot per input axis: the widths along it, or `None` if it was not measured.
    pub axes: Vec<Option<AxisWidth>>,
    /// The target's index in the input array.
    pub peak: Vec<usize>,
    /// The target's value.
    pub peak_value: f64,
    /// The Gaussian refinement's outcome.
    pub fit: FitStatus,
}

impl FwhmResult {
    /// The main widths ([`AxisWidth::width`], the FWHM by default), one slot per input axis.
    ///
    /// ```
    /// # use ultrasound_metrics as um;
    /// let img = ndarray::Array1::from_shape_fn(41, |i| (-((i as f64 - 20.0).powi(2)) / 18.0).exp());
    /// let r = um::compute_fwhm(&img, Default::default())?;
    /// assert!((r.widths()[0].unwrap() - 2.0 * (2.0 * 2f64.ln()).sqrt() * 3.0).abs() < 1e-6);
    /// # Ok::<(), um::Error>(())
    /// ```
    pub fn widths(&self) -> Vec<Option<f64>> {
        self.axes.iter().map(|a| a.map(|w| w.width)).collect()
    }
}

/// Which local maximum beyond the main lobe counts as the side lobe, on each side.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum SideLobeSearch {
    /// The first (nearest) local maximum beyond the half-maximum point (the reference).
    #[default]
    Nearest,
    /// The highest local maximum beyond the half-maximum point (the peak side-lobe level over
    /// the whole line).
    Highest,
}

/// Parameters of [`compute_sll`].
#[derive(Debug, Clone, PartialEq)]
pub struct SllParams {
    /// As [`FwhmParams::roi_indices`].
    pub roi_indices: Option<Vec<Vec<usize>>>,
    /// As [`FwhmParams::dims_to_measure`].
    pub dims_to_measure: Option<Vec<usize>>,
    /// As [`FwhmParams::target_radius`].
    pub target_radius: Option<f64>,
    /// Power (default: `10·log10`, the reference's formula) or amplitude (`20·log10`) image.
    pub scale: Scale,
    /// Nearest (default, the reference) or highest side lobe.
    pub search: SideLobeSearch,
}

impl Default for SllParams {
    fn default() -> Self {
        SllParams {
            roi_indices: None,
            dims_to_measure: None,
            target_radius: None,
            scale: Scale::Power,
            search: SideLobeSearch::Nearest,
        }
    }
}

/// The side-lobe level of the target along one measured axis.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct AxisSideLobe {
    /// `10·log10(side / main)` ([`Scale::Power`]) or `20·log10(side / main)` ([`Scale::Amplitude`]),
    /// in dB (negative for a side lobe below the main lobe). `0.0` when no side lobe is found
    /// (the reference's fallback); NaN when the main lobe is 0.
    pub sll_db: f64,
    /// The side lobe's value (the larger of the two sides), or `None` if neither side has one.
    pub side_lobe: Option<f64>,
    /// The side lobe's position relative to the target along this axis, in samples (negative:
    /// towards index 0).
    pub side_lobe_offset: Option<isize>,
}

/// The result of [`compute_sll`].
#[derive(Debug, Clone, PartialEq)]
pub struct SllResult {
    /// One slot per input axis: the side-lobe level along it, or `None` if it was not measured.
    pub axes: Vec<Option<AxisSideLobe>>,
    /// The target's index in the input array.
    pub peak: Vec<usize>,
    /// The target's (main lobe's) value.
    pub peak_value: f64,
}

impl SllResult {
    /// The side-lobe levels in dB ([`AxisSideLobe::sll_db`]), one slot per input axis.
    ///
    /// ```
    /// # use ultrasound_metrics as um;
    /// let img = ndarray::Array1::from_shape_fn(61, |i| {
    ///     let x = (i as f64 - 30.0) / 4.0 * std::f64::consts::PI;
    ///     if x == 0.0 { 1.0 } else { (x.sin() / x).powi(2) }
    /// });
    /// let sll = um::compute_sll(&img, Default::default())?.levels_db()[0].unwrap();
    /// assert!(sll < -13.0 && sll > -14.0);
    /// # Ok::<(), um::Error>(())
    /// ```
    pub fn levels_db(&self) -> Vec<Option<f64>> {
        self.axes.iter().map(|a| a.map(|s| s.sll_db)).collect()
    }
}

/// `2·√(2 ln(1/f))`: the full width at fraction `f` of a Gaussian, per unit σ
/// (`2√(2 ln 2) ≈ 2.3548` at half maximum).
fn gaussian_width_per_sigma(f: f64) -> f64 {
    2.0 * (2.0 * (1.0 / f).ln()).sqrt()
}

/// Copies an array argument (host or device) to a host `f64` array.
fn to_host_f64<X>(func: &'static str, x: &X) -> Result<ArrayD<f64>>
where
    X: ArrayArg,
    X::Elem: RealElement,
{
    let a: ArrayD<X::Elem> = match x.arg() {
        Arg::Host(t) => X::Elem::from_host(t).ok_or_else(|| Error::Unsupported {
            what: format!("{func} on this array"),
            why: "the host array's dtype does not match its element type; please report it".into(),
        })?,
        Arg::Device(raw) => DeviceArray::<X::Elem, IxDyn>::from_raw(raw.clone())?.to_ndarray()?,
    };
    let a = a.mapv(|v| v.to_f64());
    // scanned here, once the data is on the host (where these algorithms run)
    let view = crate::host::HostTensor::F64(a.view().into());
    crate::metrics::check_inputs(func, &[("img", Arg::Host(view))])?;
    Ok(a)
}

/// The target: the image, the measured axes (ascending) and the target's index and value.
struct Target {
    img: ArrayD<f64>,
    axes: Vec<usize>,
    peak: Vec<usize>,
    value: f64,
}

/// numpy's `argmax` over `(index, value)` pairs: the first maximum, or the first NaN.
fn argmax<K, I: IntoIterator<Item = (K, f64)>>(items: I) -> Option<(K, f64)> {
    let mut best: Option<(K, f64)> = None;
    for (idx, v) in items {
        if v.is_nan() {
            return Some((idx, v));
        }
        if best.as_ref().map_or(true, |(_, b)| v > *b) {
            best = Some((idx, v));
        }
    }
    best
}

/// Finds the target: validates the shared parameters, the ROI maximum and the radius search.
fn locate(
    func: &'static str,
    img: ArrayD<f64>,
    dims_to_measure: Option<&[usize]>,
    roi_indices: Option<&[Vec<usize>]>,
    target_radius: Option<f64>,
) -> Result<Target> {
    let shape = img.shape().to_vec();
    let rank = shape.len();
    if !(1..=4).contains(&rank) {
        return Err(Error::arg(
            func,
            "img",
            format!(
                "must have 1 to 4 dimensions (time, lateral, elevation, depth; trailing axes \
                 first), got {rank}"
            ),
        ));
    }
    if img.is_empty() {
        return Err(Error::arg(
            func,
            "img",
            format!("is empty (shape {shape:?})"),
        ));
    }
    let axes = match dims_to_measure {
        None => {
            let spatial = if rank == 4 { 1..4 } else { 0..rank };
            let axes: Vec<usize> = spatial.filter(|&d| shape[d] > 1).collect();
            if axes.is_empty() {
                return Err(Error::arg(
                    func,
                    "img",
                    format!(
                        "no valid dimensions to measure: the spatial axes of shape {shape:?} are \
                         all singleton"
                    ),
                ));
            }
            axes
        }
        Some(dims) => {
            if dims.is_empty() {
                return Err(Error::arg(func, "dims_to_measure", "is empty"));
            }
            let mut axes = dims.to_vec();
            axes.sort_unstable();
            if let Some(&d) = axes.iter().find(|&&d| d >= rank) {
                return Err(Error::arg(
                    func,
                    "dims_to_measure",
                    format!("axis {d} is out of range for a rank-{rank} image"),
                ));
            }
            if axes.windows(2).any(|w| w[0] == w[1]) {
                return Err(Error::arg(
                    func,
                    "dims_to_measure",
                    format!("has repeated axes: {dims:?}"),
                ));
            }
            axes
        }
    };
    let radius = match target_radius {
        Some(r) if !(r.is_finite() && r >= 0.0) => {
            return Err(Error::arg(
                func,
                "target_radius",
                format!("must be finite and non-negative, got {r}"),
            ))
        }
        r => r,
    };

    // The maximum of the ROI (numpy argmax semantics: first occurrence, NaN wins).
    let first = match roi_indices {
        // `img` is an owned array in standard (C) order: flat positions, unravelled once.
        None => argmax(img.iter().copied().enumerate()).map(|(flat, v)| {
            let mut idx = vec![0; rank];
            let mut rem = flat;
            for d in (0..rank).rev() {
                idx[d] = rem % shape[d];
                rem /= shape[d];
            }
            (idx, v)
        }),
        Some(rows) => {
            if rows.is_empty() {
                return Err(Error::arg(func, "roi_indices", "is empty"));
            }
            for row in rows {
                if row.len() != rank || row.iter().zip(&shape).any(|(&i, &n)| i >= n) {
                    return Err(Error::arg(
                        func,
                        "roi_indices",
                        format!(
                            "index {row:?} is not a valid index of an image of shape {shape:?}"
                        ),
                    ));
                }
            }
            argmax(rows.iter().map(|r| (r.clone(), img[r.as_slice()])))
        }
    };
    let (mut peak, mut value) = first.ok_or_else(|| Error::arg(func, "img", "is empty"))?;

    if let Some(r) = radius {
        // The maximum over the samples within `r` of the ROI's maximum, the other axes held.
        let reach = r.floor() as usize;
        let centre = peak.clone();
        let view = img.slice_each_axis(|ad| {
            let ax = ad.axis.index();
            if axes.contains(&ax) {
                let lo = centre[ax].saturating_sub(reach);
                let hi = (centre[ax] + reach + 1).min(shape[ax]);
                Slice::from(lo..hi)
            } else {
                Slice::from(centre[ax]..centre[ax] + 1)
            }
        });
        let origin: Vec<usize> = (0..rank)
            .map(|ax| {
                if axes.contains(&ax) {
                    centre[ax].saturating_sub(reach)
                } else {
                    centre[ax]
                }
            })
            .collect();
        let within = view.indexed_iter().filter_map(|(i, &v)| {
            let idx: Vec<usize> = i.slice().iter().zip(&origin).map(|(a, b)| a + b).collect();
            let d2: f64 = axes
                .iter()
                .map(|&ax| (idx[ax] as f64 - centre[ax] as f64).powi(2))
                .sum();
            (d2.sqrt() <= r).then_some((idx, v))
        });
        if let Some((p, v)) = argmax(within) {
            peak = p;
            value = v;
        }
    }
    if value.is_nan() {
        return Err(Error::arg(
            func,
            "img",
            format!("the target's value at {peak:?} is NaN"),
        ));
    }
    if value < 0.0 {
        return Err(Error::arg(
            func,
            "img",
            format!(
                "the target's value at {peak:?} is negative ({value}); the resolution metrics \
                 need a non-negative image (amplitude or power)"
            ),
        ));
    }
    Ok(Target {
        img,
        axes,
        peak,
        value,
    })
}

/// The line through `at` along `axis`.
fn line(img: &ArrayD<f64>, at: &[usize], axis: usize) -> Vec<f64> {
    let mut idx = at.to_vec();
    (0..img.shape()[axis])
        .map(|i| {
            idx[axis] = i;
            img[idx.as_slice()]
        })
        .collect()
}

/// The two sides of a line, each read outwards from index `i` (both include `i`).
fn sides(line: &[f64], i: usize) -> (Vec<f64>, &[f64]) {
    (line[..=i].iter().rev().copied().collect(), &line[i..])
}

/// The full width at `level` (image units) of the line through the target: the two crossings
/// summed; a side without a crossing counts its length (`truncated`). Also the width only when
/// both sides cross.
fn full_width(left: &[f64], right: &[f64], level: f64) -> (f64, Option<f64>, bool) {
    let l = level_crossing(left, level, true);
    let r = level_crossing(right, level, true);
    let both = match (l, r) {
        (Some(a), Some(b)) => Some(a + b),
        _ => None,
    };
    let with_fallback = l.unwrap_or(left.len() as f64) + r.unwrap_or(right.len() as f64);
    (with_fallback, both, l.is_none() || r.is_none())
}

/// The Gaussian refinement: a fit of `A·exp(−Σ (x_d−μ_d)²/(2σ_d²))` to the neighbourhood of the
/// target (±2·⌊FWHM_lin⌋ samples per measured axis, normalised to its maximum), in pixel
/// coordinates, each σ on its own axis. Returns σ per measured axis (samples; `None` for an axis
/// that cannot be fitted: fewer than 3 samples in the neighbourhood or no finite positive
/// initial width; it is held at the target) and whether a σ sits on its upper bound. `None`
/// where no axis can be fitted, the data are unusable or the fit does not converge.
fn gaussian_refinement(t: &Target, fwhm_lin: &[f64]) -> Option<(Vec<Option<f64>>, bool)> {
    // (axis, crop start, crop stop, initial σ) of the fitted axes
    let mut fitted: Vec<(usize, usize, usize, f64)> = Vec::new();
    let mut fitted_of_measured = vec![None; t.axes.len()];
    for (k, &ax) in t.axes.iter().enumerate() {
        let w = fwhm_lin[k];
        if !(w.is_finite() && w > 0.0) {
            continue;
        }
        // Python's int() truncates; the crop is ±2·int(FWHM) samples.
        let reach = 2 * (w.trunc() as usize);
        let q = t.peak[ax];
        let (start, stop) = (
            q.saturating_sub(reach),
            (q + reach + 1).min(t.img.shape()[ax]),
        );
        if stop - start >= 3 {
            fitted_of_measured[k] = Some(fitted.len());
            fitted.push((ax, start, stop, w / gaussian_width_per_sigma(0.5)));
        }
    }
    if fitted.is_empty() {
        return None;
    }
    let crop = t.img.slice_each_axis(|ad| {
        let ax = ad.axis.index();
        match fitted.iter().find(|f| f.0 == ax) {
            Some(&(_, start, stop, _)) => Slice::from(start..stop),
            None => Slice::from(t.peak[ax]..t.peak[ax] + 1),
        }
    });
    let grid: Vec<usize> = fitted.iter().map(|&(_, a, b, _)| b - a).collect();
    let mut y: Vec<f64> = crop.iter().copied().collect();
    if y.iter().any(|v| !v.is_finite()) {
        return None;
    }
    let (imax, max) = y
        .iter()
        .enumerate()
        .fold((0, f64::NEG_INFINITY), |(bi, bv), (i, &v)| {
            if v > bv {
                (i, v)
            } else {
                (bi, bv)
            }
        });
    if max <= 0.0 {
        return None;
    }
    for v in &mut y {
        *v /= max;
    }
    let n = fitted.len();
    let mut centre = vec![0; n];
    let mut rem = imax;
    for k in (0..n).rev() {
        centre[k] = rem % grid[k];
        rem /= grid[k];
    }
    let (mut p0, mut lo, mut hi) = (vec![1.0], vec![0.0], vec![2.0]);
    for (k, &(_, _, _, s0)) in fitted.iter().enumerate() {
        p0.extend([centre[k] as f64, s0]);
        lo.extend([0.0, 1e-3 * s0]);
        hi.extend([(grid[k] - 1) as f64, 2.0 * s0]);
    }
    let model = Gaussian::new(&grid);
    let fit = levenberg_marquardt(&model, &y, &p0, &lo, &hi, LmOptions::default())?;
    if !fit.converged || fit.params.iter().any(|v| !v.is_finite()) {
        return None;
    }
    let sigma = |k: usize| fit.params[2 + 2 * k];
    let at_bound = (0..n).any(|k| sigma(k) >= hi[2 + 2 * k] * (1.0 - 1e-9));
    Some((
        fitted_of_measured.iter().map(|f| f.map(sigma)).collect(),
        at_bound,
    ))
}

fn fwhm_host(img: ArrayD<f64>, params: &FwhmParams) -> Result<FwhmResult> {
    const F: &str = "compute_fwhm";
    let rank = img.ndim();
    let f_main = params.level.fraction(F, params.scale)?;
    let spacing: Option<Vec<f64>> = match &params.grid_spacing {
        None => None,
        Some(s) => {
            if s.iter().any(|v| !(v.is_finite() && *v > 0.0)) {
                return Err(Error::arg(
                    F,
                    "grid_spacing",
                    format!("must be finite and positive, got {s:?}"),
                ));
            }
            match s.len() {
                1 => Some(vec![s[0]; rank]),
                n if n == rank => Some(s.clone()),
                n => {
                    return Err(Error::arg(
                        F,
                        "grid_spacing",
                        format!("has {n} entries; the image has rank {rank} (give {rank} or 1)"),
                    ))
                }
            }
        }
    };
    let t = locate(
        F,
        img,
        params.dims_to_measure.as_deref(),
        params.roi_indices.as_deref(),
        params.target_radius,
    )?;
    let v = t.value;
    let (f6, f20) = (
        params.scale.db_to_ratio(-6.0),
        params.scale.db_to_ratio(-20.0),
    );

    struct Lin {
        half: f64,
        main: f64,
        main_truncated: bool,
        w6: Option<f64>,
        w20: Option<f64>,
    }
    let lin: Vec<Lin> = t
        .axes
        .iter()
        .map(|&ax| {
            let l = line(&t.img, &t.peak, ax);
            let (left, right) = sides(&l, t.peak[ax]);
            let (half, _, _) = full_width(&left, right, 0.5 * v);
            let (main, _, main_truncated) = full_width(&left, right, f_main * v);
            Lin {
                half,
                main,
                main_truncated,
                w6: full_width(&left, right, f6 * v).1,
                w20: full_width(&left, right, f20 * v).1,
            }
        })
        .collect();

    let (sigma, fit) = match params.estimator {
        WidthEstimator::Interpolation => (None, FitStatus::NotRequested),
        WidthEstimator::GaussianFit => {
            let half: Vec<f64> = lin.iter().map(|l| l.half).collect();
            match gaussian_refinement(&t, &half) {
                Some((s, at_bound)) => (
                    Some(s),
                    if at_bound {
                        FitStatus::AtBound
                    } else {
                        FitStatus::Converged
                    },
                ),
                None => (None, FitStatus::Failed),
            }
        }
    };

    let mut axes = vec![None; rank];
    for (k, &ax) in t.axes.iter().enumerate() {
        let unit = spacing.as_ref().map_or(1.0, |s| s[ax]);
        let sig = sigma.as_ref().and_then(|s| s[k]);
        let width = match sig {
            Some(s) => gaussian_width_per_sigma(f_main) * s,
            None => lin[k].main,
        };
        axes[ax] = Some(AxisWidth {
            width: width * unit,
            width_interpolated: lin[k].main * unit,
            width_6db: lin[k].w6.map(|w| w * unit),
            width_20db: lin[k].w20.map(|w| w * unit),
            sigma: sig.map(|s| s * unit),
            truncated: lin[k].main_truncated,
        });
    }
    Ok(FwhmResult {
        axes,
        peak: t.peak,
        peak_value: v,
        fit,
    })
}

/// **Full width at half maximum** (FWHM) of a point target along each measured axis: the
/// spatial resolution (PICMUS: Liebgott et al., IEEE IUS 2016; Szabo 2014, ch. 7).
///
/// For each measured axis, along the line through the target (value `v`):
/// 1. each side's crossing of `f·v` (`f = 0.5` by default) is interpolated linearly,
///    `b + (ℓ[b] − f·v) / (ℓ[b] − ℓ[a])` with `a` the first sample below the level, and the two
///    half widths are summed (`width_interpolated`);
/// 2. with [`WidthEstimator::GaussianFit`] (default), an axis-aligned Gaussian
///    `A·exp(−Σ_d (x_d − μ_d)² / (2σ_d²))` is fitted by bounded Levenberg–Marquardt to the
///    neighbourhood `±2·⌊FWHM_lin⌋` samples of the target (normalised to its maximum), in pixel
///    coordinates, with `A ∈ [0, 2]`, `μ_d` inside the crop, `σ_d ∈ [s_d/1000, 2 s_d]`,
///    `s_d = FWHM_lin / (2√(2 ln 2))`; then `width = 2σ_d·√(2 ln(1/f))` (`2√(2 ln 2)·σ_d` for
///    the FWHM). Where the fit cannot run, the interpolated width is used ([`FitStatus`]); an
///    axis with fewer than 3 samples around the target is left out of the fit.
/// 3. Widths at −6 dB and −20 dB ([`FwhmParams::scale`]) are reported too, interpolated.
///
/// Units: samples × [`FwhmParams::grid_spacing`]. Works on 1-D profiles, 2-D images and 3-D
/// volumes (plus an optional leading time axis). Runs on the **host** (a device array is copied
/// to the host first); `f32` input is computed in `f64`.
///
/// Errors: rank outside 1–4, an empty image, no non-singleton axis to measure, invalid
/// `dims_to_measure`/`roi_indices`/`target_radius`/`grid_spacing`/`level`, and a target whose
/// value is NaN or negative. An all-zero image is not an error: no level is crossed, every axis
/// is `truncated` (the reference's result).
///
/// Deviations from the reference (all bug fixes) are listed in `COMPATIBILITY.md` (section "Resolution metrics").
///
/// ```
/// use ndarray::Array2;
/// use ultrasound_metrics as um;
/// use um::metrics::resolution::FwhmParams;
///
/// // An anisotropic, off-grid Gaussian PSF: σ = 2 samples along rows, 6 along columns.
/// let img = Array2::from_shape_fn((40, 50), |(i, j)| {
///     let (y, x) = (i as f64 - 10.4, j as f64 - 26.3);
///     (-(y * y) / 8.0 - x * x / 72.0).exp()
/// });
/// let k = 2.0 * (2.0 * 2f64.ln()).sqrt(); // FWHM per σ
/// let r = um::compute_fwhm(&img, Default::default())?;
/// let w = r.widths();
/// assert!((w[0].unwrap() - 2.0 * k).abs() < 1e-6 && (w[1].unwrap() - 6.0 * k).abs() < 1e-6);
///
/// // Physical units: 0.1 mm rows, 0.05 mm columns.
/// let p = FwhmParams { grid_spacing: Some(vec![0.1, 0.05]), ..Default::default() };
/// let r = um::compute_fwhm(&img, p)?;
/// assert!((r.axes[1].unwrap().width - 0.3 * k).abs() < 1e-6);
///
/// // A device array gives the same result (it is copied to the host).
/// let dev = um::Device::cpu()?;
/// let rd = um::compute_fwhm(&dev.put(&img)?, Default::default())?;
/// assert_eq!(rd.widths(), w);
/// # Ok::<(), um::Error>(())
/// ```
///
/// # Non-finite input
///
/// With [`NonFinite::Propagate`](crate::NonFinite) (no scan; the default `Error` policy rejects
/// NaN and ±Inf in the inputs with [`Error::NonFinite`](crate::Error::NonFinite)): a NaN is the
/// target (numpy's `argmax` picks the first NaN):
/// [`Error::InvalidArgument`](crate::Error::InvalidArgument) for `img`; a +Inf target gives NaN
/// widths; a −Inf sample elsewhere acts as a very low value. Runs on the host for both backends.
pub fn compute_fwhm<X>(img: &X, params: FwhmParams) -> Result<FwhmResult>
where
    X: ArrayArg,
    X::Elem: RealElement,
{
    let host = to_host_f64("compute_fwhm", img)?;
    fwhm_host(host, &params)
}

fn sll_host(img: ArrayD<f64>, params: &SllParams) -> Result<SllResult> {
    const F: &str = "compute_sll";
    let rank = img.ndim();
    let t = locate(
        F,
        img,
        params.dims_to_measure.as_deref(),
        params.roi_indices.as_deref(),
        params.target_radius,
    )?;
    let v = t.value;
    let pick = |peaks: Vec<(usize, f64)>| -> Option<(usize, f64)> {
        match params.search {
            SideLobeSearch::Nearest => peaks.first().copied(),
            SideLobeSearch::Highest => {
                peaks
                    .into_iter()
                    .fold(None, |best: Option<(usize, f64)>, p| match best {
                        Some(b) if b.1 >= p.1 => Some(b),
                        _ => Some(p),
                    })
            }
        }
    };
    let mut axes = vec![None; rank];
    for &ax in &t.axes {
        let l = line(&t.img, &t.peak, ax);
        let i = t.peak[ax];
        let (left, right) = sides(&l, i);
        // The search starts at the half-maximum point, rounded half to even (Python's round).
        // A side whose half maximum is not reached has no side lobe (no wraparound).
        let start = |side: &[f64]| {
            half_width_half_max(side, v, true).map(|h| h.round_ties_even().max(0.0) as usize)
        };
        let before = start(&left).and_then(|r| {
            let from = i.checked_sub(r)?;
            let profile: Vec<f64> = l[..=from].iter().rev().copied().collect();
            pick(side_lobe_peaks(&profile)).map(|(k, s)| (-((r + k) as isize), s))
        });
        let after = start(right).and_then(|r| {
            let from = i + r;
            if from >= l.len() {
                return None;
            }
            pick(side_lobe_peaks(&l[from..])).map(|(k, s)| ((r + k) as isize, s))
        });
        // max(A1, A2) keeps the first side on a tie, as Python's max does.
        let best = match (before, after) {
            (Some(b), Some(a)) => Some(if a.1 > b.1 { a } else { b }),
            (b, a) => b.or(a),
        };
        let side = best.map_or(v, |(_, s)| s);
        axes[ax] = Some(AxisSideLobe {
            sll_db: params.scale.ratio_to_db(side / v),
            side_lobe: best.map(|(_, s)| s),
            side_lobe_offset: best.map(|(o, _)| o),
        });
    }
    Ok(SllResult {
        axes,
        peak: t.peak,
        peak_value: v,
    })
}

/// **Side-lobe level** (SLL) of a point target along each measured axis, in dB relative to the
/// main lobe: `10·log10(side / main)` for a power image (default, the reference's docstring
/// formula), `20·log10(side / main)` for an amplitude image. A uniform aperture's sinc² PSF gives
/// −13.26 dB (Harris, Proc. IEEE 1978).
///
/// For each measured axis, along the line through the target (the main lobe, value `main`):
/// the half-maximum point is found on each side ([`half_width_half_max`], rounded half to even),
/// and the search for the side lobe starts there, outwards: the first local maximum
/// ([`SideLobeSearch::Nearest`], SciPy's `find_peaks` rules, see [`local_maxima`]) or the
/// highest one ([`SideLobeSearch::Highest`]). `side` is the larger of the two sides' lobes.
/// Where neither side has a local maximum the level is `0.0` dB (the reference's fallback).
///
/// Runs on the **host** (a device array is copied to the host first); `f32` input is computed in
/// `f64`. Same layout, ROI and radius rules as [`compute_fwhm`]; errors likewise. An all-zero
/// image gives NaN (as the reference does).
///
/// ```
/// use ndarray::Array2;
/// use ultrasound_metrics as um;
/// use um::metrics::resolution::{Scale, SllParams};
///
/// // sinc² along both axes, scaled by 10 (the level does not depend on the scale), sampled so
/// // that the first side lobe's peak (at u = 4.4934) falls on a sample.
/// let sinc2 = |u: f64| if u == 0.0 { 1.0 } else { (u.sin() / u).powi(2) };
/// let du = 4.493409457909064 / 8.0;
/// let img = Array2::from_shape_fn((81, 81), |(i, j)| {
///     10.0 * sinc2((i as f64 - 40.0) * du) * sinc2((j as f64 - 40.0) * du)
/// });
/// let r = um::compute_sll(&img, Default::default())?;
/// for s in r.levels_db() {
///     assert!((s.unwrap() + 13.26).abs() < 0.005);
/// }
/// // The same image read as amplitudes: 20·log10.
/// let p = SllParams { scale: Scale::Amplitude, ..Default::default() };
/// assert!((um::compute_sll(&img, p)?.levels_db()[0].unwrap() + 26.52).abs() < 0.01);
/// # Ok::<(), um::Error>(())
/// ```
///
/// # Non-finite input
///
/// With [`NonFinite::Propagate`](crate::NonFinite) (no scan; the default `Error` policy rejects
/// NaN and ±Inf in the inputs with [`Error::NonFinite`](crate::Error::NonFinite)): a NaN target is
/// [`Error::InvalidArgument`](crate::Error::InvalidArgument) for `img`; a +Inf target gives `−inf`
/// dB; a −Inf sample elsewhere acts as a very low value. Runs on the host for both backends.
pub fn compute_sll<X>(img: &X, params: SllParams) -> Result<SllResult>
where
    X: ArrayArg,
    X::Elem: RealElement,
{
    let host = to_host_f64("compute_sll", img)?;
    sll_host(host, &params)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn gaussian_width_constant() {
        assert!((gaussian_width_per_sigma(0.5) - 2.3548200450309493).abs() < 1e-15);
    }

    #[test]
    fn full_width_fallback_counts_samples() {
        let (w, both, trunc) = full_width(&[0.0], &[0.0; 9], 0.0);
        assert_eq!((w, both, trunc), (10.0, None, true));
    }

    #[test]
    fn argmax_is_numpy_like() {
        let items = vec![
            (vec![0], 1.0),
            (vec![1], 3.0),
            (vec![2], 3.0),
            (vec![3], f64::NAN),
        ];
        assert_eq!(argmax(items.clone()).unwrap().0, vec![3]);
        assert_eq!(argmax(items[..3].to_vec()).unwrap().0, vec![1]);
    }
}
