//! Clipping detection (spec §3.14; JAX-only in the reference, cases in the jax32 and jax64
//! modes). Graph-based: host and PJRT. The jax32 cases pass float32 data, so the comparisons run
//! in float32 like JAX's default mode.

use ultrasound_metrics as um;
use um::metrics::{ClipDetectMethod, ClipMethod, MaxAmplitudeParams, RangeFactor, ThresholdParams};

use crate::case::{Case, Input, Number};
use crate::harness::{Adapter, Backend, CallError, CallResult, TypeCheck};

const NUMPY_INPUT: TypeCheck = TypeCheck::CompileTime(
    "not an error in Rust: the API accepts host (ndarray) arrays by design, where the JAX-only \
     reference rejects numpy arrays",
);
const THRESHOLD_IS_F64: TypeCheck =
    TypeCheck::CompileTime("max_threshold/min_threshold are f64: an int does not type-check");
const FACTOR_IS_ENUM: TypeCheck = TypeCheck::CompileTime(
    "range_factor is RangeFactor::Both(f64) | RangeFactor::Sides { low, high }: a list does not type-check",
);

pub const ADAPTERS: &[Adapter] = &[
    Adapter::graph("is_clipped_threshold", is_clipped_threshold).typecheck(&[
        ("*_err_numpy_input*", NUMPY_INPUT),
        ("*_err_int_threshold*", THRESHOLD_IS_F64),
    ]),
    Adapter::graph("is_clipped_max_amplitude", is_clipped_max_amplitude).typecheck(&[
        ("*_err_numpy_input*", NUMPY_INPUT),
        ("*_err_list_factor*", FACTOR_IS_ENUM),
    ]),
    Adapter::graph("clip_ratio", clip_ratio).typecheck(&[
        ("*_err_numpy_input*", NUMPY_INPUT),
        ("*_err_int_threshold*", THRESHOLD_IS_F64),
        ("*_err_list_factor*", FACTOR_IS_ENUM),
    ]),
];

fn threshold_params(case: &Case) -> Result<ThresholdParams, CallError> {
    if case.input("max_threshold").is_none() {
        return Err(CallError::NotRepresentable(
            "ThresholdParams::max_threshold is a required field".into(),
        ));
    }
    Ok(ThresholdParams {
        max_threshold: case.get("max_threshold")?,
        min_threshold: case.get_or("min_threshold", None)?,
    })
}

fn max_amplitude_params(case: &Case) -> Result<MaxAmplitudeParams, CallError> {
    let d = MaxAmplitudeParams::default();
    let range_factor = match case.input("range_factor") {
        None => d.range_factor,
        Some(Input::Int(_)) | Some(Input::Float(_)) => {
            RangeFactor::Both(case.get::<Number>("range_factor")?.0)
        }
        Some(_) => {
            let (low, high): (Option<Number>, Option<Number>) = case.get("range_factor")?;
            RangeFactor::Sides {
                low: low.map(|n| n.0),
                high: high.map(|n| n.0),
            }
        }
    };
    Ok(MaxAmplitudeParams {
        range_factor,
        min_contiguous: case.get_or("min_contiguous", d.min_contiguous)?,
    })
}

fn is_clipped_threshold(case: &Case, backend: &Backend) -> CallResult {
    let p = threshold_params(case)?;
    on_array!(
        backend,
        case.array("data")?,
        [F32, F64, C64, C128, I32, I64],
        |x| { um::is_clipped_threshold(x, p) }
    )
}

fn is_clipped_max_amplitude(case: &Case, backend: &Backend) -> CallResult {
    let p = max_amplitude_params(case)?;
    on_array!(
        backend,
        case.array("data")?,
        [F32, F64, C64, C128, I32, I64],
        |x| { um::is_clipped_max_amplitude(x, p) }
    )
}

fn clip_ratio(case: &Case, backend: &Backend) -> CallResult {
    let method: ClipDetectMethod = case.get_or("method", "threshold")?.parse()?;
    let method = match method {
        ClipDetectMethod::Threshold => ClipMethod::Threshold(threshold_params(case)?),
        ClipDetectMethod::MaxAmplitude => ClipMethod::MaxAmplitude(max_amplitude_params(case)?),
    };
    on_array!(
        backend,
        case.array("data")?,
        [F32, F64, C64, C128, I32, I64],
        |x| { um::clip_ratio(x, method) }
    )
}
