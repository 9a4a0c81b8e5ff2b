//! Regions of interest (the reference's `roi.masks`): boolean masks on an image grid, and the
//! selection of the values inside a mask.
//!
//! The grid is given by two 1-D coordinate axes: `x_axis` (lateral, length `Nx`) and `z_axis`
//! (axial/depth, length `Nz`), in any one length unit (m, mm, ...) shared with the positions and
//! sizes. Every mask has shape **`(Nz, Nx)`**: rows are depth, columns are lateral position
//! (numpy `meshgrid(x_axis, z_axis)`, `indexing="xy"`). All boundary tests are **inclusive**.
//!
//! Masks are graphs of the axis arrays: host axes give an `ndarray` mask, device axes a device
//! mask on the same device. Arithmetic runs in the axes' precision (`f32` axes: the position and
//! size are rounded to `f32`, as numpy does with Python floats); integer axes are computed in
//! `f64`. Both axes have one element type.

use ndarray::{Ix1, Ix2, IxDyn};

use crate::backend::{Arg, ArrayArg, ArrayOf};
use crate::dtype::{DType, Element, Numeric};
use crate::error::{Error, Result};
use crate::graph::Tensor;
use crate::host::HostTensor;
use crate::metrics::{check_inputs, inexact, map2};
use crate::runtime::DeviceArray;

type MaskOf<X> = ArrayOf<X, bool, Ix2>;

/// The shape of a [`build_mask`] region (the reference's `shape` string).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum MaskShape {
    /// A disc of radius `dimension[0]` around `position` (the default).
    #[default]
    Circle,
    /// A `width × height` rectangle **centred** on `position` (see [`build_mask`]).
    Rectangle,
    /// A square (or, given two sizes, a rectangle) centred on `position`.
    Square,
}

impl MaskShape {
    /// The reference's name: `"circle"`, `"rectangle"` or `"square"`.
    pub fn name(self) -> &'static str {
        match self {
            MaskShape::Circle => "circle",
            MaskShape::Rectangle => "rectangle",
            MaskShape::Square => "square",
        }
    }
}

impl std::str::FromStr for MaskShape {
    type Err = Error;
    /// ```
    /// use ultrasound_metrics::roi::MaskShape;
    /// assert_eq!("square".parse::<MaskShape>().unwrap(), MaskShape::Square);
    /// assert!("ellipse".parse::<MaskShape>().is_err());
    /// ```
    fn from_str(s: &str) -> Result<Self> {
        match s {
            "circle" => Ok(MaskShape::Circle),
            "rectangle" => Ok(MaskShape::Rectangle),
            "square" => Ok(MaskShape::Square),
            other => Err(Error::arg(
                "build_mask",
                "shape",
                format!("Unknown shape for mask: {other} (expected circle, rectangle or square)"),
            )),
        }
    }
}

/// The `dimension` of [`build_mask`]: one size, or `(width, height)`. Converts from `f64` and
/// `(f64, f64)`.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum MaskSize {
    /// One size `d`, read as `(d, d)` (a circle's radius, a square's side).
    Scalar(f64),
    /// `(width, height)`: lateral and axial sizes. A circle uses the first as its radius.
    Pair(f64, f64),
}

impl From<f64> for MaskSize {
    fn from(d: f64) -> Self {
        MaskSize::Scalar(d)
    }
}

impl From<(f64, f64)> for MaskSize {
    fn from((w, h): (f64, f64)) -> Self {
        MaskSize::Pair(w, h)
    }
}

fn check_axes<X: ArrayArg>(func: &'static str, x_axis: &X, z_axis: &X) -> Result<()> {
    let d = X::Elem::DTYPE;
    if d.is_complex() {
        return Err(Error::UnsupportedDtype {
            func,
            arg: "x_axis",
            got: d,
            expected: "a real dtype (float32, float64, int32 or int64)",
        });
    }
    for (arg, a) in [
        ("x_axis", x_axis.shape_slice()),
        ("z_axis", z_axis.shape_slice()),
    ] {
        if a.len() != 1 {
            return Err(Error::arg(
                func,
                arg,
                format!("must be 1-D, got shape {a:?}"),
            ));
        }
        if a[0] == 0 {
            return Err(Error::arg(
                func,
                arg,
                "is empty: the mask would have no pixels; pass the image's axis coordinates",
            ));
        }
    }
    check_inputs(func, &[("x_axis", x_axis.arg()), ("z_axis", z_axis.arg())])
}

/// The position of a mask must be finite (NaN would give an empty mask without saying so).
fn check_position(func: &'static str, arg: &'static str, (x, z): (f64, f64)) -> Result<()> {
    if !(x.is_finite() && z.is_finite()) {
        return Err(Error::arg(
            func,
            arg,
            format!("must be finite, got ({x}, {z})"),
        ));
    }
    Ok(())
}

/// A size (radius, width, height) must be finite and ≥ 0.
fn check_size(func: &'static str, arg: &'static str, what: &str, v: f64) -> Result<()> {
    if !(v.is_finite() && v >= 0.0) {
        return Err(Error::arg(
            func,
            arg,
            format!("the {what} must be finite and non-negative, got {v}"),
        ));
    }
    Ok(())
}

/// The `(Nz, Nx)` grids `X` (lateral) and `Z` (axial) of two 1-D axes (integer axes in `f64`,
/// as numpy computes `int_axis - float`).
fn grids(x: &Tensor, z: &Tensor) -> (Tensor, Tensor) {
    let (x, z) = (inexact(x), inexact(z));
    let (nx, nz) = (x.shape()[0], z.shape()[0]);
    let shape = [nz, nx];
    (
        x.reshape(&[1, nx]).broadcast_to(&shape),
        z.reshape(&[nz, 1]).broadcast_to(&shape),
    )
}

/// The circular-mask graph: `sqrt((X − x0)² + (Z − z0)²) <= radius`.
pub(crate) fn circular_graph(x: &Tensor, z: &Tensor, (x0, z0): (f64, f64), radius: f64) -> Tensor {
    let (gx, gz) = grids(x, z);
    let dx = &gx - x0;
    let dz = &gz - z0;
    let dist = (&dx * &dx + &dz * &dz).sqrt();
    dist.le(&dist.scalar(radius))
}

/// The rectangular-mask graph: `x0 <= X <= x1` and `z0 <= Z <= z1` (bounds precomputed in `f64`).
pub(crate) fn rectangular_graph(
    x: &Tensor,
    z: &Tensor,
    (x0, x1): (f64, f64),
    (z0, z1): (f64, f64),
) -> Tensor {
    let (gx, gz) = grids(x, z);
    let inside = |g: &Tensor, lo: f64, hi: f64| g.ge(&g.scalar(lo)).and(&g.le(&g.scalar(hi)));
    inside(&gx, x0, x1).and(&inside(&gz, z0, z1))
}

/// **Circular ROI mask**: `sqrt((x − x0)² + (z − z0)²) <= radius` (inclusive) on the grid of
/// `x_axis` × `z_axis`; shape `(Nz, Nx)`. `position = (x0, z0)` and `radius` are in the axes'
/// unit. Errors: an axis that is not 1-D or is empty; a negative or non-finite radius; a
/// non-finite position.
///
/// ```
/// use ndarray::Array1;
/// use ultrasound_metrics as um;
/// let x = Array1::linspace(-2.0, 2.0, 5);
/// let z = Array1::linspace(0.0, 2.0, 3);
/// let m = um::create_circular_mask((0.0, 1.0), 1.0, &x, &z)?;
/// assert_eq!(m.shape(), &[3, 5]);
/// assert_eq!(m.iter().filter(|&&b| b).count(), 5); // centre + 4 neighbours at distance 1
/// # Ok::<(), um::Error>(())
/// ```
///
/// # Non-finite input
///
/// With [`NonFinite::Propagate`](crate::NonFinite) (no scan; the default `Error` policy rejects
/// NaN and ±Inf in the inputs with [`Error::NonFinite`](crate::Error::NonFinite)): a pixel at a NaN
/// or ±Inf axis coordinate is outside the circle (`false`). Host and PJRT agree.
pub fn create_circular_mask<X>(
    position: (f64, f64),
    radius: f64,
    x_axis: &X,
    z_axis: &X,
) -> Result<MaskOf<X>>
where
    X: ArrayArg,
    X::Elem: Numeric,
{
    const F: &str = "create_circular_mask";
    check_position(F, "position", position)?;
    check_size(F, "radius", "radius", radius)?;
    check_axes(F, x_axis, z_axis)?;
    let key = format!("{F}{{position:{position:?},radius:{radius:?}}}");
    map2(&key, x_axis, z_axis, |x, z| {
        Ok(circular_graph(x, z, position, radius))
    })
}

/// **Rectangular ROI mask** from its **top-left** corner: `x0 <= x <= x0 + w` and
/// `z0 <= z <= z0 + h` (all inclusive) on the grid of `x_axis` × `z_axis`; shape `(Nz, Nx)`.
/// `top_left = (x0, z0)` is the corner with the smallest lateral and axial coordinates;
/// `dimension = (w, h)` are the lateral and axial sizes, in the axes' unit. Errors: an axis that
/// is not 1-D or is empty; a negative or non-finite size; a non-finite corner.
///
/// ```
/// use ndarray::Array1;
/// use ultrasound_metrics as um;
/// let x = Array1::linspace(0.0, 4.0, 5);
/// let z = Array1::linspace(0.0, 4.0, 5);
/// let m = um::create_rectangular_mask((1.0, 0.0), (2.0, 1.0), &x, &z)?;
/// assert_eq!(m.iter().filter(|&&b| b).count(), 3 * 2); // x in {1,2,3}, z in {0,1}
/// # Ok::<(), um::Error>(())
/// ```
///
/// # Non-finite input
///
/// With [`NonFinite::Propagate`](crate::NonFinite) (no scan; the default `Error` policy rejects
/// NaN and ±Inf in the inputs with [`Error::NonFinite`](crate::Error::NonFinite)): a pixel at a NaN
/// coordinate is outside (`false`); ±Inf compares as usual (outside any finite rectangle). Host and
/// PJRT agree.
pub fn create_rectangular_mask<X>(
    top_left: (f64, f64),
    dimension: (f64, f64),
    x_axis: &X,
    z_axis: &X,
) -> Result<MaskOf<X>>
where
    X: ArrayArg,
    X::Elem: Numeric,
{
    const F: &str = "create_rectangular_mask";
    check_position(F, "top_left", top_left)?;
    check_size(F, "dimension", "width", dimension.0)?;
    check_size(F, "dimension", "height", dimension.1)?;
    check_axes(F, x_axis, z_axis)?;
    rectangle(top_left, dimension, x_axis, z_axis)
}

fn rectangle<X>(
    (x0, z0): (f64, f64),
    (w, h): (f64, f64),
    x_axis: &X,
    z_axis: &X,
) -> Result<MaskOf<X>>
where
    X: ArrayArg,
    X::Elem: Numeric,
{
    // the reference adds the sizes in Python floats (f64) and compares in the axes' dtype
    let (bx, bz) = ((x0, x0 + w), (z0, z0 + h));
    let key = format!("create_rectangular_mask{{x:{bx:?},z:{bz:?}}}");
    map2(&key, x_axis, z_axis, |x, z| {
        Ok(rectangular_graph(x, z, bx, bz))
    })
}

/// **ROI mask of a given shape** centred on `position = (x0, z0)`; shape `(Nz, Nx)`.
///
/// * [`MaskShape::Circle`]: radius `dimension[0]` ([`create_circular_mask`]; a second size is
///   ignored).
/// * [`MaskShape::Square`]: `dimension = d` (or `(w, h)`), the square `[x0 − w/2, x0 + w/2] ×
///   [z0 − h/2, z0 + h/2]` (inclusive).
/// * [`MaskShape::Rectangle`]: `dimension = (w, h)` required; the same **centred** rectangle.
///   The reference's docstring says `position` is the top-left corner for rectangles, but its
///   code (and this function) uses the centre, like squares; use [`create_rectangular_mask`] for
///   a top-left corner.
///
/// Errors: a rectangle with a single size; a negative or non-finite size or a non-finite
/// position; an axis that is not 1-D or is empty. (An unknown shape name is an
/// error of [`MaskShape`]'s `FromStr`.)
///
/// ```
/// use ndarray::Array1;
/// use ultrasound_metrics as um;
/// use um::roi::MaskShape;
/// let x = Array1::linspace(-5.0, 5.0, 11);
/// let z = Array1::linspace(0.0, 10.0, 11);
/// let sq = um::build_mask((0.0, 5.0), 2.0, &x, &z, MaskShape::Square)?;
/// assert_eq!(sq.iter().filter(|&&b| b).count(), 3 * 3); // x, z in [−1, 1] around the centre
/// let rect = um::build_mask((0.0, 5.0), (4.0, 2.0), &x, &z, MaskShape::Rectangle)?;
/// assert_eq!(rect.iter().filter(|&&b| b).count(), 5 * 3);
/// assert!(um::build_mask((0.0, 5.0), 2.0, &x, &z, MaskShape::Rectangle).is_err());
/// # Ok::<(), um::Error>(())
/// ```
///
/// # Non-finite input
///
/// With [`NonFinite::Propagate`](crate::NonFinite) (no scan; the default `Error` policy rejects
/// NaN and ±Inf in the inputs with [`Error::NonFinite`](crate::Error::NonFinite)): as
/// [`create_circular_mask`] and [`create_rectangular_mask`].
pub fn build_mask<X>(
    position: (f64, f64),
    dimension: impl Into<MaskSize>,
    x_axis: &X,
    z_axis: &X,
    shape: MaskShape,
) -> Result<MaskOf<X>>
where
    X: ArrayArg,
    X::Elem: Numeric,
{
    const F: &str = "build_mask";
    check_axes(F, x_axis, z_axis)?;
    let (w, h) = match (dimension.into(), shape) {
        (MaskSize::Scalar(_), MaskShape::Rectangle) => {
            return Err(Error::arg(
                F,
                "dimension",
                "Rectangle requires dimension=(width, height)",
            ))
        }
        (MaskSize::Scalar(d), _) => (d, d),
        (MaskSize::Pair(w, h), _) => (w, h),
    };
    check_position(F, "position", position)?;
    check_size(F, "dimension", "width", w)?;
    check_size(F, "dimension", "height", h)?;
    match shape {
        MaskShape::Circle => create_circular_mask(position, w, x_axis, z_axis),
        MaskShape::Square | MaskShape::Rectangle => {
            let top_left = (position.0 - w / 2.0, position.1 - h / 2.0);
            rectangle(top_left, (w, h), x_axis, z_axis)
        }
    }
}

/// The number of `true` entries of a bool mask; copies a device mask to the host.
pub(crate) fn count_true<M: ArrayArg<Elem = bool>>(mask: &M) -> Result<usize> {
    match mask.arg() {
        Arg::Host(HostTensor::Bool(a)) => Ok(a.iter().filter(|&&b| b).count()),
        Arg::Host(other) => Err(Error::UnsupportedDtype {
            func: "select",
            arg: "mask",
            got: other.dtype(),
            expected: "bool",
        }),
        Arg::Device(raw) => {
            let m = DeviceArray::<bool, IxDyn>::from_raw(raw.clone())?.to_ndarray()?;
            Ok(m.iter().filter(|&&b| b).count())
        }
    }
}

/// The selection graph: the `count` values of `v` where `mask` is true, in row-major order (a
/// stable sort of the flattened values keyed by `!mask`, then the first `count`).
pub(crate) fn select_graph(v: &Tensor, mask: &Tensor, count: usize) -> Tensor {
    let n = v.ty().num_elements();
    let flat = v.reshape(&[n]);
    let m = mask.reshape(&[n]);
    let key = m.select(&m.scalar_of(0.0, DType::I32), &m.scalar_of(1.0, DType::I32));
    let sorted = Tensor::sort_many(&[&key, &flat], 0, false);
    sorted[1].slice_axis(0, 0, count.min(n))
}

/// **Values inside a mask**: `values[mask]` as a 1-D array in row-major order (numpy boolean
/// indexing), e.g. the pixels of a region for [contrast or CNR](crate::metrics).
///
/// `mask` must have the shape of `values` (any rank). A graph on both backends (a stable sort of
/// the flattened values keyed by the mask, then a slice). The output length depends on the
/// mask's **data**, and graphs have static shapes, so the number of selected pixels is counted
/// first: for a device mask this **copies the mask to the host** (one small `bool` transfer and a
/// synchronisation); the values stay on the device. Errors: shape mismatch.
///
/// ```
/// use ndarray::array;
/// use ultrasound_metrics as um;
/// let img = array![[1.0, 2.0], [3.0, 4.0]];
/// let m = array![[true, false], [false, true]];
/// assert_eq!(um::roi::select(&img, &m)?, array![1.0, 4.0]);
/// # Ok::<(), um::Error>(())
/// ```
///
/// # Non-finite input
///
/// With [`NonFinite::Propagate`](crate::NonFinite) (no scan; the default `Error` policy rejects
/// NaN and ±Inf in the inputs with [`Error::NonFinite`](crate::Error::NonFinite)): values are
/// moved, not computed: NaN and ±Inf are returned unchanged.
pub fn select<X, M>(values: &X, mask: &M) -> Result<ArrayOf<X, X::Elem, Ix1>>
where
    X: ArrayArg,
    M: ArrayArg<Elem = bool, Backend = X::Backend>,
{
    const F: &str = "select";
    if values.shape_slice() != mask.shape_slice() {
        return Err(Error::arg(
            F,
            "mask",
            format!(
                "shape {:?} does not match the values' shape {:?}",
                mask.shape_slice(),
                values.shape_slice()
            ),
        ));
    }
    check_inputs(F, &[("values", values.arg()), ("mask", mask.arg())])?;
    let count = count_true(mask)?;
    let key = format!("{F}{{count:{count}}}");
    map2(&key, values, mask, |v, m| Ok(select_graph(v, m, count)))
}
