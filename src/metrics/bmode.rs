//! B-mode display helpers (the reference's `data.visualize_bmode`): envelope, decibels, and
//! decibels relative to the maximum.
//!
//! All three are graphs: `ndarray` in → `ndarray` out on the host, device array in → device
//! array out on its device, any rank.

use num_complex::{Complex32, Complex64};

use super::{check_inputs, map1, reduce_extrema};
use crate::backend::{ArrayArg, ArrayOf};
use crate::dtype::{DType, Element, Numeric};
use crate::error::{Error, Result};
use crate::graph::{all_axes, ReduceKind, Tensor};

/// The element type of `|x|`: the real counterpart for complex and float inputs
/// (`Complex32 → f32`), and the **same integer type** for integers (numpy keeps `|int|` integer,
/// which [`create_bmode_image`] and [`tenengrad`](super::tenengrad)'s map follow).
pub trait Magnitude: Numeric {
    /// The type of `|x|`.
    type Abs: Element;
}
impl Magnitude for f32 {
    type Abs = f32;
}
impl Magnitude for f64 {
    type Abs = f64;
}
impl Magnitude for Complex32 {
    type Abs = f32;
}
impl Magnitude for Complex64 {
    type Abs = f64;
}
impl Magnitude for i32 {
    type Abs = i32;
}
impl Magnitude for i64 {
    type Abs = i64;
}

type AbsOf<X> = ArrayOf<X, <<X as ArrayArg>::Elem as Magnitude>::Abs, <X as ArrayArg>::Dim>;
type RealOf<X> = ArrayOf<X, <<X as ArrayArg>::Elem as Numeric>::Real, <X as ArrayArg>::Dim>;

/// Machine epsilon of a real float dtype (numpy's `finfo(dtype).eps`).
fn eps(real: DType) -> f64 {
    if real == DType::F32 {
        f32::EPSILON as f64
    } else {
        f64::EPSILON
    }
}

/// The decibel graph: `20·log10(|v| + eps)` in the real counterpart dtype of `v`.
pub(crate) fn decibel_graph(v: &Tensor) -> Tensor {
    amplitude_db(&v.abs())
}

/// `20·log10(a + eps)` of an amplitude `a` (real, ≥ 0 or NaN).
fn amplitude_db(a: &Tensor) -> Tensor {
    let e = eps(a.dtype());
    (a + e).log10() * 20.0
}

/// The `db_zero` graph: `decibel(v) − max(decibel(v))` (NaN-propagating maximum).
pub(crate) fn db_zero_graph(v: &Tensor) -> Tensor {
    db_zero_over(v, &all_axes(v.rank()))
}

/// `decibel(v) − max(decibel(v))` with the maximum taken over `axes` only (so that each image
/// of a batch gets its own 0 dB).
pub(crate) fn db_zero_over(v: &Tensor, axes: &[usize]) -> Tensor {
    let a = v.abs();
    let d = amplitude_db(&a);
    // max(decibel) = decibel(max |v|): `a ↦ 20·log10(a + eps)` is non-decreasing, so the peak
    // is found on the amplitudes and only its logarithm is taken (one logarithm per element,
    // not two, and the reduce reads `|v|`); the NaN-propagating maximum keeps NaN.
    let m = amplitude_db(&reduce_extrema(&a, &[ReduceKind::Max], axes).remove(0));
    let kept: Vec<usize> = (0..d.rank()).filter(|a| !axes.contains(a)).collect();
    if kept.is_empty() {
        &d - &m
    } else {
        &d - &m.broadcast_in_dim(d.shape(), &kept)
    }
}

/// The B-mode graph: `|v|`.
pub(crate) fn bmode_graph(v: &Tensor) -> Tensor {
    v.abs()
}

fn inexact_only<X: ArrayArg>(func: &'static str, arg: &'static str) -> Result<()> {
    let d = X::Elem::DTYPE;
    if d.is_inexact() {
        Ok(())
    } else {
        Err(Error::UnsupportedDtype {
            func,
            arg,
            got: d,
            expected: "float32, float64, complex64 or complex128 (machine epsilon is defined for floats only)",
        })
    }
}

/// **Decibels** of an amplitude image: `20·log10(|v| + eps)`, in dB re 1 (amplitude units).
///
/// `eps` is the machine epsilon of `|v|`'s dtype (numpy `finfo(...).eps`: `2.22e-16` for
/// `f64`/`Complex64`, `1.19e-7` for `f32`/`Complex32`), so an exact zero maps to a finite
/// −313.1 dB (f64) or −138.5 dB (f32) instead of −∞. Any rank; output in the real counterpart
/// dtype. Errors: integer input ([`Error::UnsupportedDtype`]; the reference fails in `finfo`).
///
/// ```
/// use ndarray::array;
/// use ultrasound_metrics as um;
/// let db = um::decibel(&array![1.0f64, -10.0, 0.0])?;
/// assert!(db[0].abs() < 1e-12 && (db[1] - 20.0).abs() < 1e-12);
/// assert!((db[2] + 313.07).abs() < 0.01);
/// # Ok::<(), um::Error>(())
/// ```
///
/// # Non-finite input
///
/// With [`NonFinite::Propagate`](crate::NonFinite) (no scan; the default `Error` policy rejects
/// NaN and ±Inf in the inputs with [`Error::NonFinite`](crate::Error::NonFinite)): NaN stays NaN
/// and ±Inf gives `+inf`, elementwise. Host and PJRT agree.
pub fn decibel<X>(values: &X) -> Result<RealOf<X>>
where
    X: ArrayArg,
    X::Elem: Numeric,
{
    inexact_only::<X>("decibel", "values")?;
    check_inputs("decibel", &[("values", values.arg())])?;
    map1("decibel", values, |v| Ok(decibel_graph(v)))
}

/// **Decibels relative to the maximum**: `decibel(v) − max(decibel(v))`, in dB (≤ 0, the
/// brightest pixel at 0 dB) — the usual log-compressed B-mode display.
///
/// The maximum is NaN-propagating, as numpy's: a single NaN makes the **whole** output NaN.
/// Any rank; output in the real counterpart dtype. Errors: integer input.
///
/// ```
/// use ndarray::array;
/// use num_complex::Complex32;
/// use ultrasound_metrics as um;
/// let v = array![[Complex32::new(3.0, 4.0), Complex32::new(0.5, 0.0)]];
/// let d = um::db_zero(&v)?;
/// assert!(d[[0, 0]].abs() < 1e-6 && (d[[0, 1]] + 20.0).abs() < 1e-4);
/// # Ok::<(), um::Error>(())
/// ```
///
/// # Non-finite input
///
/// With [`NonFinite::Propagate`](crate::NonFinite) (no scan; the default `Error` policy rejects
/// NaN and ±Inf in the inputs with [`Error::NonFinite`](crate::Error::NonFinite)): one NaN makes
/// the whole output NaN (the maximum propagates NaN); one ±Inf makes the maximum infinite, so every
/// finite value is `−inf` and the infinite one NaN. Host and PJRT agree.
pub fn db_zero<X>(values: &X) -> Result<RealOf<X>>
where
    X: ArrayArg,
    X::Elem: Numeric,
{
    inexact_only::<X>("db_zero", "values")?;
    check_inputs("db_zero", &[("values", values.arg())])?;
    map1("db_zero", values, |v| Ok(db_zero_graph(v)))
}

/// **B-mode (envelope) image**: `|v|` of beamformed (I/Q or RF) data, in the data's amplitude
/// units. Complex input gives its real counterpart; real input keeps its dtype (`|int|` stays
/// integer, as in numpy). Any rank.
///
/// ```
/// use ndarray::array;
/// use num_complex::Complex64;
/// use ultrasound_metrics as um;
/// let b = um::create_bmode_image(&array![Complex64::new(3.0, -4.0), Complex64::new(0.0, 1.0)])?;
/// assert_eq!(b, array![5.0, 1.0]);
/// # Ok::<(), um::Error>(())
/// ```
///
/// # Non-finite input
///
/// With [`NonFinite::Propagate`](crate::NonFinite) (no scan; the default `Error` policy rejects
/// NaN and ±Inf in the inputs with [`Error::NonFinite`](crate::Error::NonFinite)): elementwise: NaN
/// stays NaN, ±Inf gives `+inf`. Host and PJRT agree.
pub fn create_bmode_image<X>(complex_data: &X) -> Result<AbsOf<X>>
where
    X: ArrayArg,
    X::Elem: Magnitude,
{
    check_inputs(
        "create_bmode_image",
        &[("complex_data", complex_data.arg())],
    )?;
    map1("create_bmode_image", complex_data, |v| Ok(bmode_graph(v)))
}
