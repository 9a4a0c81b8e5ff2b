//! Image sharpness: the reference's `tenengrad` (`metrics.sharpness`).

use ndarray::{array, Array2, Ix1, Ix2};

use super::bmode::Magnitude;
use super::{check_inputs, out_input, put_like, run_inputs};
use crate::backend::{Arg, ArrayArg, ArrayOf, Backend, Out};
use crate::dtype::num_traits_lite::Float;
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

/// The real counterpart of the element type of `X`.
type RealOf<X> = <<X as ArrayArg>::Elem as Numeric>::Real;

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
/// Like scipy, the response is accumulated in `f64` (`Complex64` for complex images), taps with
/// `|K[a,b]| <= f64::EPSILON` are skipped (so a NaN pixel does not leak through zero taps), and
/// it is converted back to the image dtype (integers truncate toward zero) before taking `|·|`.
/// See [`gradient_graph`] for how the response is formed.
pub(crate) fn gradient_magnitude_graph(image: &Tensor, kernel: &Array2<f64>) -> Tensor {
    magnitude_graph(&gradient_graph(image, kernel), image.dtype())
}

/// `|G|` of a response `G` (`f64` or `Complex64`, from [`gradient_graph`] or the host kernel)
/// for an image of dtype `dtype`: `G` converted to `dtype` (integers truncate toward zero), then
/// its magnitude.
pub(crate) fn magnitude_graph(g: &Tensor, dtype: DType) -> Tensor {
    g.cast(dtype).abs()
}

/// The accumulation dtype of the response for an image of dtype `dtype`.
fn work_dtype(dtype: DType) -> DType {
    if dtype.is_complex() {
        DType::C128
    } else {
        DType::F64
    }
}

/// The taps of the flipped kernel in scipy's order: `(r0, c0, K[kh−1−r0, kw−1−c0])`, row-major
/// over `(r0, c0)`, negligible taps left out. `G[i, j] = Σ w · P[i + r0, j + c0]` with `P` the
/// image zero-padded by `(kh/2, kw/2)`.
pub(crate) fn flipped_taps(kernel: &Array2<f64>) -> Vec<(usize, usize, f64)> {
    let (kh, kw) = kernel.dim();
    let mut taps = Vec::new();
    for r0 in 0..kh {
        for c0 in 0..kw {
            let w = kernel[[kh - 1 - r0, kw - 1 - c0]];
            if !(w.is_nan() || w.abs() <= f64::EPSILON) {
                taps.push((r0, c0, w));
            }
        }
    }
    taps
}

/// The response `G = K ∗ I` in `f64` (`Complex64` for complex images), zero padding, same size:
/// `G = Σ_{a,b} K[a,b] · P[kh−1−a .., kw−1−b ..]` in scipy's tap order ([`flipped_taps`]), `P`
/// the zero-padded image.
///
/// Each shifted window of `P` is written as a slice of the image padded by the rows and columns
/// that fall outside it, not as a slice of one padded copy: XLA CPU then fuses the conversion,
/// every tap and the `|·|` that follows into one loop that reads the image, where a padded
/// `f64` copy shared by all taps was materialised first (twice the image's bytes written and
/// read again).
pub(crate) fn gradient_graph(image: &Tensor, kernel: &Array2<f64>) -> Tensor {
    let work = image.cast(work_dtype(image.dtype()));
    let (kh, kw) = kernel.dim();
    let (h, w) = (image.shape()[0], image.shape()[1]);
    let (ph, pw) = (kh / 2, kw / 2);
    // output rows i (of n) read source rows i + off − pad: the valid ones are [lo, hi)
    let window = |off: usize, pad: usize, n: usize| {
        let lo = pad.saturating_sub(off).min(n);
        let hi = (n + pad).saturating_sub(off).clamp(lo, n);
        (lo, hi)
    };
    flipped_taps(kernel)
        .into_iter()
        .filter_map(|(r0, c0, wt)| {
            let (ilo, ihi) = window(r0, ph, h);
            let (jlo, jhi) = window(c0, pw, w);
            if ilo == ihi || jlo == jhi {
                return None; // the tap sees only padding
            }
            let src = work.slice(
                &[ilo + r0 - ph, jlo + c0 - pw],
                &[ihi + r0 - ph, jhi + c0 - pw],
                &[1, 1],
            );
            let shifted = if (ilo, jlo, ihi, jhi) == (0, 0, h, w) {
                src
            } else {
                src.pad(&[ilo, jlo], &[h - ihi, w - jhi], 0.0)
            };
            Some(shifted * wt)
        })
        .reduce(|g, t| g + t)
        .unwrap_or_else(|| work.full_like(0.0))
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
    // the ROI's pixel count (read back from a device): checked non-empty, and the divisor of the
    // mean, given to the graph as an input instead of a second pass over the mask
    let roi_count = match roi {
        Some(r) => {
            check_inputs(F, &[("image", image.arg()), ("roi", r.arg())])?;
            let count = count_true(r)?;
            if count == 0 {
                return Err(Error::arg(
                    F,
                    "roi",
                    "is empty (no pixel is true): there is nothing to measure; pass None for \
                     the whole image",
                ));
            }
            count
        }
        None => {
            check_inputs(F, &[("image", image.arg())])?;
            0
        }
    };
    let taps: Vec<f64> = kernel.iter().copied().collect();
    let kkey = format!("kernel:{kh}x{kw}{taps:?}");
    let normalize = params.normalize;
    let dtype = image.tensor_type().dtype;
    // On the host the response comes from a direct kernel (see `host_kernel`): the statistic of
    // a float or complex image entirely, otherwise the response, on which the rest of the graph
    // (conversion, |·|, statistic or selection) runs as usual.
    if let (true, Arg::Host(t)) = (params.reduce_sum, image.arg()) {
        let mask = roi.map(|r| r.arg());
        let mask = match &mask {
            Some(Arg::Host(m)) => Some(m),
            _ => None,
        };
        if roi.is_none() || mask.is_some() {
            if let Some(s) = host_kernel::statistic(&t, mask, &kernel, normalize) {
                return Ok(TenengradOutput::Statistic(X::Backend::wrap_scalar(
                    Out::Host(s),
                )?));
            }
        }
    }
    let host_g = match image.arg() {
        Arg::Host(t) => host_kernel::gradient(&t, &kernel),
        Arg::Device(_) => None,
    };
    // (the response's type does not tell the image dtype, which the magnitude converts to)
    let (key_in, image_in) = match &host_g {
        Some(g) => (format!("response:{dtype}"), (g.ty(), Arg::Host(g.view()))),
        None => ("image".to_string(), (image.tensor_type(), image.arg())),
    };
    let from_g = host_g.is_some();
    let mag = |x: &Tensor| {
        if from_g {
            magnitude_graph(x, dtype)
        } else {
            gradient_magnitude_graph(x, &kernel)
        }
    };
    Ok(match (params.reduce_sum, roi) {
        (true, None) => {
            let key = format!("{F}{{{kkey},{key_in},stat,normalize:{normalize}}}");
            let mut outs = run_inputs::<X::Backend>(&key, vec![image_in], |a| {
                Ok(vec![statistic_graph(&mag(&a[0]), None, normalize)])
            })?;
            TenengradOutput::Statistic(X::Backend::wrap_scalar(outs.next()?)?)
        }
        (true, Some(r)) if normalize => {
            let key = format!("{F}{{{kkey},{key_in},roi_mean}}");
            let count = put_like(
                image,
                ndarray::arr0(RealOf::<X>::from_f64(roi_count as f64)),
            )?;
            let inputs = vec![image_in, (r.tensor_type(), r.arg()), out_input(&count)];
            let mut outs = run_inputs::<X::Backend>(&key, inputs, |a| {
                Ok(vec![
                    statistic_graph(&mag(&a[0]), Some(&a[1]), false) / &a[2],
                ])
            })?;
            TenengradOutput::Statistic(X::Backend::wrap_scalar(outs.next()?)?)
        }
        (true, Some(r)) => {
            let key = format!("{F}{{{kkey},{key_in},roi_stat}}");
            let mut outs =
                run_inputs::<X::Backend>(&key, vec![image_in, (r.tensor_type(), r.arg())], |a| {
                    Ok(vec![statistic_graph(&mag(&a[0]), Some(&a[1]), false)])
                })?;
            TenengradOutput::Statistic(X::Backend::wrap_scalar(outs.next()?)?)
        }
        (false, None) => {
            let key = format!("{F}{{{kkey},{key_in},map}}");
            let mut outs =
                run_inputs::<X::Backend>(&key, vec![image_in], |a| Ok(vec![mag(&a[0])]))?;
            TenengradOutput::Map(X::Backend::wrap(outs.next()?)?)
        }
        (false, Some(r)) => {
            let count = roi_count;
            let key = format!("{F}{{{kkey},{key_in},roi_values,count:{count}}}");
            let mut outs =
                run_inputs::<X::Backend>(&key, vec![image_in, (r.tensor_type(), r.arg())], |a| {
                    Ok(vec![select_graph(&mag(&a[0]), &a[1], count)])
                })?;
            TenengradOutput::Values(X::Backend::wrap(outs.next()?)?)
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

/// [`tenengrad`] on the host: the response `G` of [`gradient_graph`] computed directly, row by
/// row in parallel, with the same taps, products and order per pixel (padding terms are skipped,
/// which can only change the sign of a zero response). The host backend's evaluator materialises every shifted slice of the padded image
/// (six `f64` copies of the image for a 3×3 kernel); this reads the image once and keeps each
/// row's intermediates in cache. The statistic of a float or complex image is summed here too
/// (in `f64`, row sums added in row order), so no full-size array is written at all.
mod host_kernel {
    use std::ops::{Add, Mul};

    use ndarray::{Array2, ArrayView2, CowArray, Ix2, IxDyn};
    use num_complex::{Complex32, Complex64};
    use rayon::prelude::*;

    use super::flipped_taps;
    use crate::host::HostTensor;

    /// `acc[j] += Σ_t w_t · Z[i + r_t, j + c_t]` over the taps in order, where
    /// `Z[y, x] = conv(rows[y − top][x − left])` inside the rows and 0 outside (terms outside
    /// are skipped).
    #[allow(clippy::too_many_arguments)]
    fn add_taps<S: Copy, T: Copy + Add<Output = T> + Mul<Output = T>>(
        acc: &mut [T],
        i: usize,
        rows: &[&[S]],
        conv: impl Fn(S) -> T,
        taps: &[(usize, usize, T)],
        (top, left): (usize, usize),
    ) {
        let w_out = acc.len();
        for &(r, c, w) in taps {
            let Some(row) = (i + r).checked_sub(top).and_then(|y| rows.get(y)) else {
                continue;
            };
            // x = j + c − left in 0..row.len()
            let j0 = left.saturating_sub(c);
            let j1 = (row.len() + left).saturating_sub(c).min(w_out);
            if j0 >= j1 {
                continue;
            }
            let x0 = j0 + c - left;
            for (a, &s) in acc[j0..j1].iter_mut().zip(&row[x0..x0 + (j1 - j0)]) {
                *a = *a + conv(s) * w;
            }
        }
    }

    struct Response<'a, S, T, C> {
        rows: Vec<&'a [S]>,
        conv: C,
        taps: Vec<(usize, usize, T)>,
        pad: (usize, usize),
        zero: T,
    }

    impl<'a, S, T, C> Response<'a, S, T, C>
    where
        S: Copy + Sync,
        T: Copy + Send + Sync + Add<Output = T> + Mul<Output = T>,
        C: Fn(S) -> T + Sync,
    {
        fn new(
            rows: Vec<&'a [S]>,
            kernel: &Array2<f64>,
            conv: C,
            weight: impl Fn(f64) -> T,
            zero: T,
        ) -> Self {
            let (kh, kw) = kernel.dim();
            let taps = flipped_taps(kernel)
                .into_iter()
                .map(|(r0, c0, k)| (r0, c0, weight(k)))
                .collect();
            Response {
                rows,
                conv,
                taps,
                pad: (kh / 2, kw / 2),
                zero,
            }
        }

        /// Row `i` of `G` into `out` (the image's width).
        fn row(&self, i: usize, out: &mut [T]) {
            out.fill(self.zero);
            add_taps(out, i, &self.rows, &self.conv, &self.taps, self.pad);
        }

        fn width(&self) -> usize {
            self.rows.first().map_or(0, |r| r.len())
        }

        /// The whole response, `(h, w)`.
        fn map(&self) -> Array2<T> {
            let (h, w) = (self.rows.len(), self.width());
            let mut out = Array2::from_elem((h, w), self.zero);
            if let Some(flat) = out.as_slice_mut() {
                flat.par_chunks_mut(w.max(1))
                    .enumerate()
                    .for_each(|(i, o)| self.row(i, o));
            }
            out
        }

        /// `(Σ mag(G), count)` over the pixels where `mask` is true (all without a mask), in
        /// `f64`: row sums in parallel, added in row order.
        fn sum(&self, mag: impl Fn(T) -> f64 + Sync, mask: Option<&[&[bool]]>) -> (f64, usize) {
            let w = self.width();
            let parts: Vec<(f64, usize)> = (0..self.rows.len())
                .into_par_iter()
                .map_init(
                    || vec![self.zero; w],
                    |o, i| {
                        self.row(i, o);
                        match mask {
                            None => (o.iter().map(|&g| mag(g)).sum(), w),
                            Some(m) => o
                                .iter()
                                .zip(m[i])
                                .filter(|(_, &k)| k)
                                .fold((0.0, 0), |(t, n), (&g, _)| (t + mag(g), n + 1)),
                        }
                    },
                )
                .collect();
            parts
                .into_iter()
                .fold((0.0, 0), |(t, n), (a, b)| (t + a, n + b))
        }
    }

    fn view2<'a, S>(a: &'a CowArray<'_, S, IxDyn>) -> Option<ArrayView2<'a, S>> {
        a.view().into_dimensionality::<Ix2>().ok()
    }

    /// The rows of a standard-layout 2-D array as slices (`None` for another layout).
    fn rows<'a, S>(a: &ArrayView2<'a, S>) -> Option<Vec<&'a [S]>> {
        let (h, w) = a.dim();
        let flat = a.to_slice()?;
        Some((0..h).map(|i| &flat[i * w..(i + 1) * w]).collect())
    }

    fn cplx(w: f64) -> Complex64 {
        Complex64::new(w, 0.0)
    }

    const CZ: Complex64 = Complex64::new(0.0, 0.0);

    /// The response of a 2-D standard-layout host image as a host tensor (`f64`, or
    /// `Complex64` for complex images); `None` otherwise (bool, other layouts: the graph runs).
    pub(super) fn gradient(
        image: &HostTensor<'_>,
        kernel: &Array2<f64>,
    ) -> Option<HostTensor<'static>> {
        let id = |w: f64| w;
        Some(match image {
            HostTensor::F32(a) => {
                let v = view2(a)?;
                let r = Response::new(rows(&v)?, kernel, |v: f32| v as f64, id, 0.0);
                HostTensor::from(r.map().into_dyn())
            }
            HostTensor::F64(a) => {
                let v = view2(a)?;
                let r = Response::new(rows(&v)?, kernel, |v: f64| v, id, 0.0);
                HostTensor::from(r.map().into_dyn())
            }
            HostTensor::I32(a) => {
                let v = view2(a)?;
                let r = Response::new(rows(&v)?, kernel, |v: i32| v as f64, id, 0.0);
                HostTensor::from(r.map().into_dyn())
            }
            HostTensor::I64(a) => {
                let v = view2(a)?;
                let r = Response::new(rows(&v)?, kernel, |v: i64| v as f64, id, 0.0);
                HostTensor::from(r.map().into_dyn())
            }
            HostTensor::C64(a) => {
                let v = view2(a)?;
                let conv = |v: Complex32| Complex64::new(v.re as f64, v.im as f64);
                let r = Response::new(rows(&v)?, kernel, conv, cplx, CZ);
                HostTensor::from(r.map().into_dyn())
            }
            HostTensor::C128(a) => {
                let v = view2(a)?;
                let r = Response::new(rows(&v)?, kernel, |v: Complex64| v, cplx, CZ);
                HostTensor::from(r.map().into_dyn())
            }
            HostTensor::Bool(_) => return None,
        })
    }

    /// `Σ |G|` (the mean with `normalize`) over the image or the ROI, as a rank-0 host tensor of
    /// the real counterpart dtype, for float and complex images (`|G|` of `G` converted to the
    /// image dtype first, as the graph does); `None` otherwise (integer images keep the graph's
    /// integer sum).
    pub(super) fn statistic(
        image: &HostTensor<'_>,
        roi: Option<&HostTensor<'_>>,
        kernel: &Array2<f64>,
        normalize: bool,
    ) -> Option<HostTensor<'static>> {
        let mask_view = match roi {
            Some(HostTensor::Bool(m)) => Some(view2(m)?),
            Some(_) => return None,
            None => None,
        };
        let mask_rows = match &mask_view {
            Some(m) => Some(rows(m)?),
            None => None,
        };
        let mask = mask_rows.as_deref();
        let id = |w: f64| w;
        let finish = |(sum, n): (f64, usize)| if normalize { sum / n as f64 } else { sum };
        let f32_out = |v: f64| HostTensor::from(ndarray::arr0(v as f32).into_dyn());
        let f64_out = |v: f64| HostTensor::from(ndarray::arr0(v).into_dyn());
        Some(match image {
            HostTensor::F32(a) => {
                let v = view2(a)?;
                let r = Response::new(rows(&v)?, kernel, |v: f32| v as f64, id, 0.0);
                f32_out(finish(r.sum(|g| (g as f32).abs() as f64, mask)))
            }
            HostTensor::F64(a) => {
                let v = view2(a)?;
                let r = Response::new(rows(&v)?, kernel, |v: f64| v, id, 0.0);
                f64_out(finish(r.sum(|g| g.abs(), mask)))
            }
            HostTensor::C64(a) => {
                let v = view2(a)?;
                let conv = |v: Complex32| Complex64::new(v.re as f64, v.im as f64);
                let r = Response::new(rows(&v)?, kernel, conv, cplx, CZ);
                let mag = |g: Complex64| Complex32::new(g.re as f32, g.im as f32).norm() as f64;
                f32_out(finish(r.sum(mag, mask)))
            }
            HostTensor::C128(a) => {
                let v = view2(a)?;
                let r = Response::new(rows(&v)?, kernel, |v: Complex64| v, cplx, CZ);
                f64_out(finish(r.sum(|g| g.norm(), mask)))
            }
            _ => return None,
        })
    }
}
