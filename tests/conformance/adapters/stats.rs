//! Region statistics and signal-quality metrics (spec §3.5–3.10). All are graph-based (the
//! index logic of `find_signal_and_noise` runs on the host around an arg-max graph), so every
//! case also runs on PJRT.

use ndarray::{Axis, Slice};
use num_complex::Complex64;
use serde_json::Value;
use ultrasound_metrics as um;
use um::metrics::{
    Aggregation, Bins, CnrParams, ContrastParams, FsnParams, GcnrParams, RfSnrParams, SignalWidth,
    TsnrParams,
};

use crate::case::{AnyArray, Case, Input};
use crate::compare::{close, compare_arrays, Got};
use crate::harness::{Adapter, Backend, CallError, CallResult, TypeCheck};

pub const ADAPTERS: &[Adapter] = &[
    Adapter::graph("contrast", contrast),
    Adapter::graph("compute_cnr", compute_cnr),
    Adapter::graph("gcnr", gcnr).typecheck(&[(
        "gcnr_err_bins_float",
        TypeCheck::CompileTime(
            "bins is Bins::Count(usize) or Bins::Edges(Vec<f64>): a float does not type-check",
        ),
    )]),
    // bug #6: the reference squares complex values (x², real part of the mean); our power is |x|²
    Adapter::graph("compute_rf_snr", compute_rf_snr).intent(rf_snr_intent),
    Adapter::graph("find_signal_and_noise", find_signal_and_noise)
        .typecheck(&[(
            "fsn_err_numpy_int_width",
            TypeCheck::CompileTime(
                "signal_width is a SignalWidth enum: a numpy integer is not representable",
            ),
        )])
        .ground_truth(fsn_ground_truth)
        .intent(fsn_intent)
        .error_by_design(&[(
            "fsn_width0",
            "signal_width 0 is an empty signal window, rejected at the call (the reference \
             returns an empty slice, which compute_rf_snr rejects later)",
        )]),
    Adapter::graph("tsnr", tsnr),
];

fn contrast(case: &Case, backend: &Backend) -> CallResult {
    let params = ContrastParams {
        db: case.get_or("db", false)?,
    };
    on_arrays2!(
        backend,
        case.array("values_inside")?,
        case.array("values_outside")?,
        [F32, F64, C64, C128, I32, I64],
        |a, b| um::contrast(a, b, params)
    )
}

fn aggregation(case: &Case, name: &str) -> Result<Aggregation, CallError> {
    match case.get_or::<&str>(name, "MEAN")? {
        "MEAN" => Ok(Aggregation::Mean),
        "MEDIAN" => Ok(Aggregation::Median),
        other => Err(CallError::NotRepresentable(format!(
            "`{name}` is the enum Aggregation {{Mean, Median}}: {other:?} does not type-check"
        ))),
    }
}

fn compute_cnr(case: &Case, backend: &Backend) -> CallResult {
    let d = CnrParams::default();
    let params = CnrParams {
        fun_signal: aggregation(case, "fun_signal")?,
        fun_noise: aggregation(case, "fun_noise")?,
        use_signal_variance: case.get_or("use_signal_variance", d.use_signal_variance)?,
        use_noise_variance: case.get_or("use_noise_variance", d.use_noise_variance)?,
    };
    on_arrays2!(
        backend,
        case.array("values_signal")?,
        case.array("values_noise")?,
        [F32, F64, C64, C128, I32, I64],
        |a, b| um::compute_cnr(a, b, params)
    )
}

/// An array of real values as `f64` (explicit histogram edges).
fn real_values(a: &AnyArray) -> Option<Vec<f64>> {
    Some(match a {
        AnyArray::F32(x) => x.iter().map(|&v| v as f64).collect(),
        AnyArray::F64(x) => x.iter().copied().collect(),
        AnyArray::I32(x) => x.iter().map(|&v| v as f64).collect(),
        AnyArray::I64(x) => x.iter().map(|&v| v as f64).collect(),
        _ => return None,
    })
}

fn gcnr(case: &Case, backend: &Backend) -> CallResult {
    let bins = match case.input("bins") {
        None => Bins::default(),
        Some(Input::Array(a)) if a.shape().len() == 1 => {
            Bins::Edges(real_values(a).ok_or_else(|| {
                CallError::NotRepresentable(format!(
                    "`bins` edges are Vec<f64>: a {} array does not type-check",
                    a.dtype()
                ))
            })?)
        }
        Some(_) => Bins::Count(case.get("bins")?),
    };
    let params = GcnrParams { bins };
    on_arrays2!(
        backend,
        case.array("values_inside")?,
        case.array("values_outside")?,
        [F32, F64, C64, C128, I32, I64],
        |a, b| um::gcnr(a, b, params.clone())
    )
}

fn rf_snr_params(case: &Case) -> Result<RfSnrParams, CallError> {
    let d = RfSnrParams::default();
    Ok(RfSnrParams {
        center: case.get_or("center", d.center)?,
        max_power: case.get_or("max_power", d.max_power)?,
    })
}

fn compute_rf_snr(case: &Case, backend: &Backend) -> CallResult {
    let params = rf_snr_params(case)?;
    on_arrays2!(
        backend,
        case.array("signal_data")?,
        case.array("noise_data")?,
        [F32, F64, C64, C128, I32, I64],
        |a, b| um::compute_rf_snr(a, b, params)
    )
}

/// All values as complex f64 (for independent recomputations).
fn complex_values(a: &AnyArray) -> Vec<Complex64> {
    let c = |re: f64| Complex64::new(re, 0.0);
    match a {
        AnyArray::F32(x) => x.iter().map(|&v| c(v as f64)).collect(),
        AnyArray::F64(x) => x.iter().map(|&v| c(v)).collect(),
        AnyArray::C64(x) => x
            .iter()
            .map(|v| Complex64::new(v.re as f64, v.im as f64))
            .collect(),
        AnyArray::C128(x) => x.iter().copied().collect(),
        AnyArray::I32(x) => x.iter().map(|&v| c(v as f64)).collect(),
        AnyArray::I64(x) => x.iter().map(|&v| c(v as f64)).collect(),
        AnyArray::Bool(x) => x.iter().map(|&v| c(v as u8 as f64)).collect(),
    }
}

/// The scalar of a result: a host `f64` or a 0-d device array copied back.
fn scalar_of(got: &Got) -> Result<f64, String> {
    match got {
        Got::Scalar(v) => Ok(*v),
        Got::Array(AnyArray::F32(a)) if a.ndim() == 0 => Ok(a[[]] as f64),
        Got::Array(AnyArray::F64(a)) if a.ndim() == 0 => Ok(a[[]]),
        other => Err(format!("expected a scalar, got {}", other.describe())),
    }
}

/// Complex data (bug #6): the recorded value squares the values (`x²`, real part of the mean),
/// the documented power is the RMS squared, `|x|²`. Real data: `x² = |x|²`, the recorded value
/// stands.
fn rf_snr_intent(case: &Case, got: &Got) -> Option<Result<(), String>> {
    let complex = matches!(
        case.array("signal_data"),
        Ok(AnyArray::C64(_) | AnyArray::C128(_))
    );
    complex.then(|| rf_snr_intended(case, got))
}

/// The documented intent of `compute_rf_snr` (docstring: "power is the RMS squared"), i.e.
/// powers `|x|²`, recomputed here in f64 from the case's inputs.
fn rf_snr_intended(case: &Case, got: &Got) -> Result<(), String> {
    let params = rf_snr_params(case).map_err(|e| e.to_string())?;
    let read = |name: &str| {
        case.array(name)
            .map(complex_values)
            .map_err(|e| e.to_string())
    };
    let (s, n) = (read("signal_data")?, read("noise_data")?);
    let centred = |x: Vec<Complex64>| {
        let m = x.iter().sum::<Complex64>() / x.len() as f64;
        x.into_iter()
            .map(|v| if params.center { v - m } else { v })
            .collect::<Vec<_>>()
    };
    let (s, n) = (centred(s), centred(n));
    let p_s = if params.max_power {
        s.iter()
            .map(|v| v.norm_sqr())
            .fold(f64::NEG_INFINITY, f64::max)
    } else {
        s.iter().map(|v| v.norm_sqr()).sum::<f64>() / s.len() as f64
    };
    let p_n = n.iter().map(|v| v.norm_sqr()).sum::<f64>() / n.len() as f64;
    let want = 10.0 * (p_s / p_n).log10();
    let v = scalar_of(got)?;
    if close(v, want, case.tol) {
        Ok(())
    } else {
        Err(format!("got {v}, |x|² power gives {want}"))
    }
}

fn find_signal_and_noise(case: &Case, backend: &Backend) -> CallResult {
    let params = fsn_params(case)?;
    on_array!(
        backend,
        case.array("data")?,
        [F32, F64, C64, C128, I32, I64],
        |x| um::find_signal_and_noise(x, params)
    )
}

fn fsn_params(case: &Case) -> Result<FsnParams, CallError> {
    let d = FsnParams::default();
    let signal_width = match case.input("signal_width") {
        None => d.signal_width,
        // a Python bool is an int
        Some(Input::Bool(b)) => SignalWidth::Total(*b as usize),
        Some(Input::Int(_)) => SignalWidth::Total(case.get("signal_width")?),
        Some(Input::List(_)) => match case.get::<Vec<usize>>("signal_width")?.as_slice() {
            [before, after, ..] => SignalWidth::Window {
                before: *before,
                after: *after,
            },
            _ => {
                return Err(CallError::NotRepresentable(
                    "`signal_width` Window needs [before, after]".into(),
                ))
            }
        },
        Some(Input::Tuple(_)) => {
            let (before, after) = case.get::<(usize, usize)>("signal_width")?;
            SignalWidth::Window { before, after }
        }
        Some(other) => {
            return Err(CallError::NotRepresentable(format!(
                "`signal_width` is a SignalWidth enum: {} does not type-check",
                other.describe()
            )))
        }
    };
    Ok(FsnParams {
        signal_width,
        noise_offset: case.get_or("noise_offset", d.noise_offset)?,
        ignore_until: case.get_or("ignore_until", d.ignore_until)?,
        noise_size: case.get_or("noise_size", d.noise_size)?,
    })
}

/// `data[start..stop]` along axis 0 (an empty range for `None`).
fn slice_rows(data: &AnyArray, range: Option<(usize, usize)>) -> AnyArray {
    macro_rules! cut {
        ($a:expr) => {{
            let (s, e) = range.unwrap_or((0, 0));
            $a.slice_axis(Axis(0), Slice::from(s..e)).to_owned().into()
        }};
    }
    match data {
        AnyArray::F32(a) => cut!(a),
        AnyArray::F64(a) => cut!(a),
        AnyArray::C64(a) => cut!(a),
        AnyArray::C128(a) => cut!(a),
        AnyArray::I32(a) => cut!(a),
        AnyArray::I64(a) => cut!(a),
        AnyArray::Bool(a) => cut!(a),
    }
}

/// Checks `(signal, noise)` against the half-open ranges `[start, stop]` (or `None` for empty).
fn check_fsn_ranges(
    case: &Case,
    got: &Got,
    ranges: [Option<(usize, usize)>; 2],
) -> Result<(), String> {
    let data = case.array("data").map_err(|e| e.to_string())?;
    let Got::Tuple(items) = got else {
        return Err(format!("expected (signal, noise), got {}", got.describe()));
    };
    let [Got::Array(signal), Got::Array(noise)] = items.as_slice() else {
        return Err(format!("expected two arrays, got {}", got.describe()));
    };
    let exact = crate::case::Tol {
        rtol: 0.0,
        atol: 0.0,
    };
    for (name, g, r) in [("signal", signal, ranges[0]), ("noise", noise, ranges[1])] {
        compare_arrays(g, &slice_rows(data, r), exact).map_err(|m| format!("{name} {r:?}: {m}"))?;
    }
    Ok(())
}

/// A `[start, stop]` JSON pair, or `null` (an empty slice).
fn json_range(v: Option<&Value>) -> Result<Option<(usize, usize)>, String> {
    match v {
        None | Some(Value::Null) => Ok(None),
        Some(Value::Array(p)) if p.len() == 2 => {
            let n = |x: &Value| {
                x.as_u64()
                    .map(|v| v as usize)
                    .ok_or(format!("bad bound {x}"))
            };
            Ok(Some((n(&p[0])?, n(&p[1])?)))
        }
        Some(other) => Err(format!("bad range {other}")),
    }
}

/// `ground_truth` of a `find_signal_and_noise` bug case: the intended ranges, as
/// `{"signal": [a, b] | null, "noise": ...}`, possibly under a `ranges` key.
fn fsn_ground_truth(case: &Case, got: &Got, gt: &Value) -> Result<(), String> {
    let r = gt.get("ranges").unwrap_or(gt);
    if r.get("signal").is_none() && r.get("noise").is_none() {
        return Err(format!("unrecognised ground_truth {gt}"));
    }
    let ranges = [json_range(r.get("signal"))?, json_range(r.get("noise"))?];
    check_fsn_ranges(case, got, ranges)
}

/// Width 1 (bug #18): the reference returns an empty signal; the documented window ("total width
/// centred on the max") is the peak itself. Other widths: the recorded ranges stand.
fn fsn_intent(case: &Case, got: &Got) -> Option<Result<(), String>> {
    let width_one = matches!(
        fsn_params(case),
        Ok(FsnParams {
            signal_width: SignalWidth::Total(1),
            ..
        })
    );
    width_one.then(|| fsn_intended(case, got))
}

/// The documented intent of `find_signal_and_noise` (docstring: "total width centred on the
/// max"), recomputed on the host for 1-D data: the peak is included for width 1 (bug #18).
fn fsn_intended(case: &Case, got: &Got) -> Result<(), String> {
    let params = fsn_params(case).map_err(|e| e.to_string())?;
    let data = case.array("data").map_err(|e| e.to_string())?;
    let values: Vec<f64> = complex_values(data).iter().map(|v| v.norm()).collect();
    let len = data.shape().first().copied().ok_or("0-d data")? as i64;
    let norm = |i: i64| if i < 0 { (i + len).max(0) } else { i.min(len) };
    let row = values.len() / len.max(1) as usize;
    let s0 = norm(params.ignore_until) as usize;
    let sub = &values[s0 * row..];
    // numpy's argmax: the first NaN, else the first maximum
    let j = sub
        .iter()
        .position(|v| v.is_nan())
        .or_else(|| {
            let m = sub.iter().copied().fold(f64::NEG_INFINITY, f64::max);
            sub.iter().position(|&v| v == m)
        })
        .ok_or("empty data")? as i64;
    let k = j + params.ignore_until;
    let (start, end) = match params.signal_width {
        SignalWidth::Total(w) => {
            let h = (w / 2) as i64;
            ((k - h).max(0), (k + h.max(w.min(1) as i64)).min(len))
        }
        SignalWidth::Window { before, after } => {
            ((k - before as i64).max(0), (k + after as i64).min(len))
        }
    };
    let ns = (end + params.noise_offset as i64).min(len);
    let ne = params.noise_size.map_or(len, |n| (ns + n as i64).min(len));
    let range = |a: i64, b: i64| {
        let (a, b) = (norm(a), norm(b));
        (b > a).then_some((a as usize, b as usize))
    };
    check_fsn_ranges(case, got, [range(start, end), range(ns, ne)])
}

fn tsnr(case: &Case, backend: &Backend) -> CallResult {
    // The reference fails on JAX arrays (`xp.errstate` is missing there); Rust has no JAX arrays
    // (device arrays, their counterpart, work), so such an error case cannot be written.
    if case.array_backend == "jax" && case.expected_kind() == "error" {
        return Err(CallError::NotRepresentable(
            "the reference's JAX-array failure has no Rust counterpart (device arrays work)".into(),
        ));
    }
    let params = TsnrParams {
        output_db: case.get_or("output_db", false)?,
    };
    on_array!(
        backend,
        case.array("data")?,
        [F32, F64, C64, C128, I32, I64],
        |x| um::tsnr(x, params)
    )
}
