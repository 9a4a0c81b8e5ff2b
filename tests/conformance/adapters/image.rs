//! Image-level functions: `tenengrad` (spec §3.11), the ROI masks (§3.17) and the B-mode
//! helpers (§3.18). All graph-based: host and PJRT.

use ndarray::{Array2, ArrayD, Ix1, Ix2};
use ultrasound_metrics as um;
use um::metrics::{TenengradOutput, TenengradParams};
use um::roi::{MaskShape, MaskSize};

use crate::case::{AnyArray, Case, Input, Number};
use crate::compare::{Got, IntoGot};
use crate::harness::{Adapter, Backend, CallError, CallResult, TypeCheck};

pub const ADAPTERS: &[Adapter] = &[
    Adapter::graph("tenengrad", tenengrad)
        .typecheck(&[
            // `image` is any-rank at compile time: the 2-D check is a run-time error.
            ("ten_err_3d_image", TypeCheck::Runtime),
            (
                "ten_err_1d_kernel",
                TypeCheck::CompileTime(
                    "sobel_kernel is an Array2<f64>: a 1-D array does not type-check",
                ),
            ),
        ])
        .error_by_design(&[(
            "ten_empty_roi_mean",
            "an empty ROI is bad input: the reference's mean over no pixels is NaN",
        )]),
    Adapter::graph("build_mask", build_mask),
    Adapter::graph("create_circular_mask", create_circular_mask),
    Adapter::graph("create_rectangular_mask", create_rectangular_mask),
    Adapter::graph("decibel", decibel),
    Adapter::graph("db_zero", db_zero),
    Adapter::graph("create_bmode_image", create_bmode_image),
];

impl<B, M, R> IntoGot for TenengradOutput<B, M, R>
where
    B: um::Backend,
    M: um::Element,
    R: um::RealElement,
    B::Scalar<R>: IntoGot,
    B::Array<M, Ix2>: IntoGot,
    B::Array<M, Ix1>: IntoGot,
{
    fn into_got(self) -> Result<Got, CallError> {
        match self {
            TenengradOutput::Statistic(s) => s.into_got(),
            TenengradOutput::Map(m) => m.into_got(),
            TenengradOutput::Values(v) => v.into_got(),
        }
    }
}

/// The kernel as the `Array2<f64>` the API takes (scipy converts weights to float64 too).
fn kernel(case: &Case) -> Result<Option<Array2<f64>>, CallError> {
    let Some(k) = case.get_or::<Option<&AnyArray>>("sobel_kernel", None)? else {
        return Ok(None);
    };
    let k: ArrayD<f64> = match k {
        AnyArray::F64(a) => a.clone(),
        AnyArray::F32(a) => a.mapv(f64::from),
        AnyArray::I64(a) => a.mapv(|v| v as f64),
        AnyArray::I32(a) => a.mapv(f64::from),
        other => {
            return Err(CallError::NotRepresentable(format!(
                "sobel_kernel is Array2<f64>, got a {} array",
                other.dtype()
            )))
        }
    };
    let shape = k.shape().to_vec();
    k.into_dimensionality::<Ix2>().map(Some).map_err(|_| {
        CallError::NotRepresentable(format!("sobel_kernel is Array2<f64>, got shape {shape:?}"))
    })
}

fn tenengrad(case: &Case, backend: &Backend) -> CallResult {
    let defaults = TenengradParams::default();
    let params = TenengradParams {
        sobel_kernel: kernel(case)?,
        reduce_sum: case.get_or("reduce_sum", defaults.reduce_sum)?,
        normalize: case.get_or("normalize", defaults.normalize)?,
    };
    let roi: Option<Array2<bool>> = match case.get_or::<Option<&AnyArray>>("roi", None)? {
        None => None,
        Some(AnyArray::Bool(r)) => Some(r.clone().into_dimensionality::<Ix2>().map_err(|_| {
            CallError::NotRepresentable(format!(
                "roi is a 2-D bool array, got shape {:?}",
                r.shape()
            ))
        })?),
        Some(other) => {
            return Err(CallError::NotRepresentable(format!(
                "roi is a bool array, got {}",
                other.dtype()
            )))
        }
    };
    let image = case.array("image")?;
    // `roi` has the backend's mask type (`Array2<bool>` / `DeviceArray<bool, Ix2>`).
    macro_rules! dispatch {
        ($($v:ident),+) => {
            match (backend, image) {
                $((Backend::Host, AnyArray::$v(a)) => {
                    um::tenengrad(a, roi.as_ref(), params)?.into_got()
                })+
                $((Backend::Pjrt(dev), AnyArray::$v(a)) => {
                    let x = dev.put(a)?;
                    let r = roi.as_ref().map(|r| dev.put(r)).transpose()?;
                    um::tenengrad(&x, r.as_ref(), params)?.into_got()
                })+
                (_, other) => Err(CallError::NotRepresentable(format!(
                    "{} image: the Rust API takes a numeric array",
                    other.dtype()
                ))),
            }
        };
    }
    let got = dispatch!(F32, F64, C64, C128, I32, I64)?;
    // The statistic of an integer image is an f64 (the reference: a numpy int64); compare a
    // device result by value like the host's bare f64.
    Ok(match got {
        Got::Array(AnyArray::F64(a))
            if a.ndim() == 0 && matches!(image, AnyArray::I32(_) | AnyArray::I64(_)) =>
        {
            Got::Scalar(a[[]])
        }
        g => g,
    })
}

/// `(x, z)` from a Python tuple of two numbers (ints or floats: the masks are not type-checked).
/// The reference only indexes positions, so a 2-list works there too and maps to the same pair.
fn pair(case: &Case, name: &str) -> Result<(f64, f64), CallError> {
    if let Some(Input::List(items)) = case.input(name) {
        if let [Input::Int(_) | Input::Float(_), Input::Int(_) | Input::Float(_)] = items.as_slice()
        {
            let v: Vec<Number> = case.get(name)?;
            return Ok((v[0].0, v[1].0));
        }
    }
    let (a, b): (Number, Number) = case.get(name)?;
    Ok((a.0, b.0))
}

/// Like [`pair`], but a list is rejected: `build_mask` accepts only a tuple `dimension`.
fn tuple_pair(case: &Case, name: &str) -> Result<(f64, f64), CallError> {
    let (a, b): (Number, Number) = case.get(name)?;
    Ok((a.0, b.0))
}

/// A `dimension`: a Python int or float, or a 2-tuple of them. Lists and numpy scalars are
/// rejected, as by the reference (and, here, by the types).
fn mask_size(case: &Case) -> Result<MaskSize, CallError> {
    match case.input("dimension") {
        Some(Input::Int(_)) | Some(Input::Float(_)) => {
            let d: Number = case.get("dimension")?;
            Ok(MaskSize::Scalar(d.0))
        }
        _ => tuple_pair(case, "dimension").map(MaskSize::from),
    }
}

fn build_mask(case: &Case, backend: &Backend) -> CallResult {
    let position = pair(case, "position")?;
    let dimension = mask_size(case)?;
    let shape: MaskShape = case.get_or("shape", "circle")?.parse()?;
    on_arrays2!(
        backend,
        case.array("x_axis")?,
        case.array("z_axis")?,
        [F32, F64],
        |x, z| { um::build_mask(position, dimension, x, z, shape) }
    )
}

fn create_circular_mask(case: &Case, backend: &Backend) -> CallResult {
    let position = pair(case, "position")?;
    let radius: Number = case.get("radius")?;
    on_arrays2!(
        backend,
        case.array("x_axis")?,
        case.array("z_axis")?,
        [F32, F64],
        |x, z| { um::create_circular_mask(position, radius.0, x, z) }
    )
}

fn create_rectangular_mask(case: &Case, backend: &Backend) -> CallResult {
    let top_left = pair(case, "top_left")?;
    let dimension = pair(case, "dimension")?;
    on_arrays2!(
        backend,
        case.array("x_axis")?,
        case.array("z_axis")?,
        [F32, F64],
        |x, z| { um::create_rectangular_mask(top_left, dimension, x, z) }
    )
}

fn decibel(case: &Case, backend: &Backend) -> CallResult {
    on_array!(
        backend,
        case.array("values")?,
        [F32, F64, C64, C128, I32, I64],
        |v| { um::decibel(v) }
    )
}

fn db_zero(case: &Case, backend: &Backend) -> CallResult {
    on_array!(
        backend,
        case.array("values")?,
        [F32, F64, C64, C128, I32, I64],
        |v| { um::db_zero(v) }
    )
}

fn create_bmode_image(case: &Case, backend: &Backend) -> CallResult {
    on_array!(
        backend,
        case.array("complex_data")?,
        [F32, F64, C64, C128, I32, I64],
        |v| { um::create_bmode_image(v) }
    )
}
