//! Image sharpness: the reference's `tenengrad` (`metrics.sharpness`).

use ndarray::{array, Array2, Ix1, Ix2};

use super::bmode::Magnitude;
use super::{check_inputs, map1, map1_scalar, map2, map2_scalar};
use crate::backend::{ArrayArg, ArrayOf, Backend};
use crate::dtype::{DType, Element, Numeric, RealElement};
use crate::error::{Error, Result};
use crate::graph::Tensor;
use crate::roi::{count_true, select_graph};

/// Parameters of [`tenengrad`]; the defaults are the reference's.
#[derive(Debug, Clone, PartialEq)]
pub struct TenengradParams {
    /// The 2-D gradient kernel, odd sizes; `None` (default) is the Sobel kernel
    /// `[[1, 0, −1], [2, 0, −2], [1, 0, −1]]` (derivative along axis 1, the columns).
    pub sobel_kernel: Option<Array2<f64>>,
    /// Reduce the magnitude map to one number (default `true`); otherwise return the map (or
    /// the ROI's values).
    pub reduce_sum: bool,
    /// With `reduce_sum`, return the mean instead of the sum (default `false`). Ignored without
    /// `reduce_sum`.
    pub normalize: bool,
}

impl Default for TenengradParams {
    fn default() -> Self {
        TenengradParams {
            sobel_kernel: None,
            reduce_sum: true,
            normalize: false,
        }
    }
}

/// The Sobel kernel `[[1, 0, −1], [2, 0, −2], [1, 0, −1]]`, the default of [`tenengrad`]: the
/// derivative along axis 1 (columns), smoothed along axis 0. Its transpose differentiates along
/// axis 0.
///
/// ```
/// use ultrasound_metrics::metrics::sharpness::default_sobel_kernel;
/// let k = default_sobel_kernel();
/// assert_eq!(k.sum(), 0.0);
/// assert_eq!(k.row(1).to_vec(), vec![2.0, 0.0, -2.0]);
/// ```
pub fn default_sobel_kernel() -> Array2<f64> {
    array![[1.0, 0.0, -1.0], [2.0, 0.0, -2.0], [1.0, 0.0, -1.0]]
}

/// The result of [`tenengrad`]: which variant depends on `reduce_sum` and the ROI, as in the
/// reference (which returns a scalar or an array).
pub enum TenengradOutput<B: Backend, M: Element, R: RealElement> {
    /// `reduce_sum`: `Σ|G|` (or the mean with `normalize`), over the ROI if one is given. A
    /// scalar statistic: `f64` on the host, a rank-0 device array on a device.
    Statistic(B::Scalar<R>),
    /// No `reduce_sum`, no ROI: the `(H, W)` magnitude map `|G|`.
    Map(B::Array<M, Ix2>),
    /// No `reduce_sum`, with an ROI: `|G|` at the ROI's pixels, row-major.
    Values(B::Array<M, Ix1>),
}

/// The [`TenengradOutput`] of an image of type `X`.
pub type TenengradOf<X> = TenengradOutput<
    <X as ArrayArg>::Backend,
    <<X as ArrayArg>::Elem as Magnitude>::Abs,
    <<X as ArrayArg>::Elem as Numeric>::Real,
>;

impl<B: Backend, M: Element, R: RealElement> TenengradOutput<B, M, R> {
    /// The statistic, if this is one.
    pub fn into_statistic(self) -> Option<B::Scalar<R>> {
        match self {
            TenengradOutput::Statistic(s) => Some(s),
            _ => None,
        }
    }
    /// The magnitude map, if this is one.
    pub fn into_map(self) -> Option<B::Array<M, Ix2>> {
        match self {
            TenengradOutput::Map(m) => Some(m),
            _ => None,
        }
    }
    /// The ROI values, if these are.
    pub fn into_values(self) -> Option<B::Array<M, Ix1>> {
        match self {
            TenengradOutput::Values(v) => Some(v),
            _ => None,
        }
    }
}

impl<B: Backend, M: Element, R: RealElement> std::fmt::Debug for TenengradOutput<B, M, R>
where
    B::Scalar<R>: std::fmt::Debug,
    B::Array<M, Ix2>: std::fmt::Debug,
    B::Array<M, Ix1>: std::fmt::Debug,
{
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            TenengradOutput::Statistic(s) => f.debug_tuple("Statistic").field(s).finish(),
            TenengradOutput::Map(m) => f.debug_tuple("Map").field(m).finish(),
            TenengradOutput::Values(v) => f.debug_tuple("Values").field(v).finish(),
        }
    }
}

/// The gradient-magnitude graph `|K ∗ I|`: a true 2-D convolution (kernel flipped), zero
/// padding, same size, centred on `(kh/2, kw/2)`, as `scipy.ndimage.convolve(mode="constant")`.
///
/// Built from one zero pad and one shifted slice per kernel tap:
/// `G = Σ_{a,b} K[a,b] · P[kh−1−a .., kw−1−b ..]`, with `P` the padded image. Like scipy, it
/// accumulates in `f64` (`Complex64` for complex images) in scipy's tap order, skips taps with
/// `|K[a,b]| <= f64::EPSILON` (so a NaN pixel does not leak through zero taps), and converts the
/// result back to the image dtype (integers truncate toward zero) before taking `|·|`.
pub(crate) fn gradient_magnitude_graph(image: &Tensor, kernel: &Array2<f64>) -> Tensor {
    let dtype = image.dtype();
    let work = image.cast(if dtype.is_complex() {
        DType::C128
    } else {
        DType::F64
    });
    let (kh, kw) = kernel.dim();
    let (h, w) = (image.shape()[0], image.shape()[1]);
    let padded = work.pad(&[kh / 2, kw / 2], &[kh / 2, kw / 2], 0.0);
    let mut g: Option<Tensor> = None;
    // scipy correlates with the flipped kernel, visiting its taps in row-major order
    for r0 in 0..kh {
        for c0 in 0..kw {
            let weight = kernel[[kh - 1 - r0, kw - 1 - c0]];
            if weight.is_nan() || weight.abs() <= f64::EPSILON {
                continue;
            }
            let term = padded.slice(&[r0, c0], &[r0 + h, c0 + w], &[1, 1]) * weight;
            g = Some(match g {
                None => term,
                Some(g) => g + term,
            });
        }
    }
    let g = g.unwrap_or_else(|| work.full_like(0.0));
    g.cast(dtype).abs()
}

/// The statistic graph: `Σ|G|` (masked by `roi`), or the mean over the ROI / image. Integer
/// magnitudes are summed in `i64` and returned as `f64`.
pub(crate) fn statistic_graph(mag: &Tensor, roi: Option<&Tensor>, normalize: bool) -> Tensor {
    let int = mag.dtype().is_int();
    let vals = if int {
        mag.cast(DType::I64)
    } else {
        mag.clone()
    };
    let masked = match roi {
        Some(r) => r.select(&vals, &vals.scalar(0.0)),
        None => vals,
    };
    let sum = masked.sum_all();
    let sum = if int { sum.cast(DType::F64) } else { sum };
    if !normalize {
        return sum;
    }
    let count = match roi {
        Some(r) => r.cast(sum.dtype()).sum_all(),
        None => sum.scalar(mag.ty().num_elements() as f64),
    };
    sum / count
}

/// **Tenengrad sharpness** as the reference computes it (`metrics.sharpness.tenengrad`): the
/// sum (or mean) of the absolute response of one gradient kernel.
///
/// `G = K ∗ I` (true 2-D convolution — kernel flipped — with zero padding and same-size output,
/// centred on `(kh/2, kw/2)`: `G[i,j] = Σ_{a,b} K[a,b] · I[i − a + kh/2, j − b + kw/2]`), and
/// `Mag = |G|`. With the default Sobel kernel this is the horizontal (axis-1, lateral for a
/// `(z, x)` image) gradient. Then:
///
/// * `reduce_sum` (default): [`TenengradOutput::Statistic`] `Σ Mag`, or `mean(Mag)` with
///   `normalize`, over the `roi` pixels if given;
/// * otherwise [`TenengradOutput::Map`], the `(H, W)` map, or with a `roi`
///   [`TenengradOutput::Values`], the ROI's magnitudes in row-major order.
///
/// Units: image units (× kernel gain). Note: the classic Tenengrad (Tenenbaum 1970; Krotkov,
/// "Focusing", IJCV 1987) is `Σ (Gx² + Gy²)`, usually thresholded; the reference (and this
/// function) uses `|Gx|` only (spec bug list #10). Zero padding makes the
/// border respond even on a constant image.
///
/// Types: float and complex images give magnitudes in the real counterpart dtype; integer
/// images keep their integer dtype for the map (fractional responses truncate toward zero, as
/// scipy does) and give an `f64` statistic. `roi` is a `bool` mask of the image's shape on the
/// same backend (`Array2<bool>` or `DeviceArray<bool, Ix2>`). On a device everything stays on
/// the device, except that [`TenengradOutput::Values`] first copies the ROI mask to the host to
/// count its pixels (the output length).
///
/// Errors: an image that is not 2-D or is empty; a kernel with an even size or a non-finite tap;
/// an ROI of another shape or without any `true` pixel (the reference returns 0, or NaN for the
/// mean; counting the ROI's pixels reads the mask back from a device).
///
/// ```
/// use ndarray::{Array2, array};
/// use ultrasound_metrics as um;
/// use um::metrics::{TenengradParams, TenengradOutput};
/// // a vertical edge: columns 0..2 are 0, columns 2..4 are 1
/// let img = Array2::from_shape_fn((4, 4), |(_, j)| if j >= 2 { 1.0 } else { 0.0 });
/// let s = um::tenengrad(&img, None, TenengradParams::default())?.into_statistic().unwrap();
/// let map = um::tenengrad(&img, None, TenengradParams { reduce_sum: false, ..Default::default() })?
///     .into_map().unwrap();
/// assert_eq!(map.row(1), array![0.0, 4.0, 4.0, 4.0]); // the edge, and the zero-padded border
/// assert_eq!(s, map.sum());
/// // on a device, the statistic stays there
/// let dev = um::Device::cpu()?;
/// let sd = um::tenengrad(&dev.put(&img)?, None, TenengradParams::default())?.into_statistic().unwrap();
/// assert_eq!(sd.to_ndarray()?.into_scalar(), s);
/// # Ok::<(), um::Error>(())
/// ```
///
/// # Non-finite input
///
/// With [`NonFinite::Propagate`](crate::NonFinite) (no scan; the default `Error` policy rejects
/// NaN and ±Inf in the inputs with [`Error::NonFinite`](crate::Error::NonFinite)): NaN or ±Inf
/// spreads to every pixel whose kernel window covers it (those become NaN or ±Inf); the statistic
/// is then NaN or `+inf`. Host and PJRT agree.
pub fn tenengrad<X>(
    image: &X,
    roi: Option<&ArrayOf<X, bool, Ix2>>,
    params: TenengradParams,
) -> Result<TenengradOf<X>>
where
    X: ArrayArg,
    X::Elem: Magnitude,
    ArrayOf<X, bool, Ix2>: ArrayArg<Elem = bool, Backend = X::Backend>,
{
    const F: &str = "tenengrad";
    let shape = image.shape_slice();
    let kernel = check_image_and_kernel(shape, params.sobel_kernel.clone())?;
    let (kh, kw) = kernel.dim();
    if let Some(r) = roi {
        if r.shape_slice() != shape {
            return Err(Error::arg(
                F,
                "roi",
                format!(
                    "shape {:?} does not match the image's shape {:?}",
                    r.shape_slice(),
                    shape
                ),
            ));
        }
    }
    match roi {
        Some(r) => {
            check_inputs(F, &[("image", image.arg()), ("roi", r.arg())])?;
            if count_true(r)? == 0 {
                return Err(Error::arg(
                    F,
                    "roi",
                    "is empty (no pixel is true): there is nothing to measure; pass None for \
                     the whole image",
                ));
            }
        }
        None => check_inputs(F, &[("image", image.arg())])?,
    }
    let taps: Vec<f64> = kernel.iter().copied().collect();
    let kkey = format!("kernel:{kh}x{kw}{taps:?}");
    let normalize = params.normalize;
    let mag = |x: &Tensor| gradient_magnitude_graph(x, &kernel);
    Ok(match (params.reduce_sum, roi) {
        (true, None) => {
            let key = format!("{F}{{{kkey},stat,normalize:{normalize}}}");
            TenengradOutput::Statistic(map1_scalar(&key, image, |x| {
                Ok(statistic_graph(&mag(x), None, normalize))
            })?)
        }
        (true, Some(r)) => {
            let key = format!("{F}{{{kkey},roi_stat,normalize:{normalize}}}");
            TenengradOutput::Statistic(map2_scalar(&key, image, r, |x, r| {
                Ok(statistic_graph(&mag(x), Some(r), normalize))
            })?)
        }
        (false, None) => {
            let key = format!("{F}{{{kkey},map}}");
            TenengradOutput::Map(map1(&key, image, |x| Ok(mag(x)))?)
        }
        (false, Some(r)) => {
            let count = count_true(r)?;
            let key = format!("{F}{{{kkey},roi_values,count:{count}}}");
            TenengradOutput::Values(map2(&key, image, r, |x, r| {
                Ok(select_graph(&mag(x), r, count))
            })?)
        }
    })
}

/// The image and kernel rules of [`tenengrad`] (shared with its traced form): a 2-D image and
/// a kernel of odd sizes; returns the kernel (the default Sobel kernel when none is given).
pub(crate) fn check_image_and_kernel(
    shape: &[usize],
    kernel: Option<Array2<f64>>,
) -> Result<Array2<f64>> {
    const F: &str = "tenengrad";
    if shape.len() != 2 {
        return Err(Error::arg(
            F,
            "image",
            format!("must be 2-D (height, width), got {}D", shape.len()),
        ));
    }
    if shape.contains(&0) {
        return Err(Error::arg(
            F,
            "image",
            format!("is empty (shape {shape:?}): there is nothing to measure"),
        ));
    }
    let kernel = kernel.unwrap_or_else(default_sobel_kernel);
    let (kh, kw) = kernel.dim();
    if let Some(v) = kernel.iter().find(|v| !v.is_finite()) {
        return Err(Error::arg(
            F,
            "sobel_kernel",
            format!("every tap must be finite, got {v}"),
        ));
    }
    if kh % 2 == 0 || kw % 2 == 0 {
        return Err(Error::arg(
            F,
            "sobel_kernel",
            format!("Sobel kernel dimensions must be odd, got {kh}x{kw}"),
        ));
    }
    Ok(kernel)
}
