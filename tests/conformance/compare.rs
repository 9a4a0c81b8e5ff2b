//! What an adapter returns ([`Got`]) and its comparison with a case's `expected` tree.

use ndarray::{ArrayD, Dimension};
use serde_json::Value;

use crate::case::{AnyArray, Case, Tol};
use crate::harness::CallError;

/// The result of one call, in the shapes a reference result can take.
#[derive(Debug, Clone)]
pub enum Got {
    Array(AnyArray),
    /// A Python float / numpy scalar (ints are exact in f64 up to 2^53).
    Scalar(f64),
    Bool(bool),
    /// A Python tuple or list.
    Tuple(Vec<Got>),
    /// A Python `None`.
    None,
}

impl Got {
    /// A short description for messages.
    pub fn describe(&self) -> String {
        match self {
            Got::Array(a) => format!("array {}", a.describe()),
            Got::Scalar(v) => format!("scalar {v:?}"),
            Got::Bool(b) => format!("bool {b}"),
            Got::Tuple(items) => {
                let parts: Vec<String> = items.iter().map(Got::describe).collect();
                format!("({})", parts.join(", "))
            }
            Got::None => "None".into(),
        }
    }
}

/// Conversion of a Rust API result (host array, device array, scalar, tuple, ...) into [`Got`].
/// Device arrays are copied back here, so a failing copy is an error of the call.
pub trait IntoGot {
    fn into_got(self) -> Result<Got, CallError>;
}

impl<T, D: Dimension> IntoGot for ndarray::Array<T, D>
where
    ArrayD<T>: Into<AnyArray>,
{
    fn into_got(self) -> Result<Got, CallError> {
        Ok(Got::Array(self.into_dyn().into()))
    }
}
impl<T, D> IntoGot for ultrasound_metrics::runtime::DeviceArray<T, D>
where
    T: ultrasound_metrics::Element,
    D: Dimension,
    ArrayD<T>: Into<AnyArray>,
{
    fn into_got(self) -> Result<Got, CallError> {
        self.to_ndarray()?.into_got()
    }
}
impl IntoGot for f64 {
    fn into_got(self) -> Result<Got, CallError> {
        Ok(Got::Scalar(self))
    }
}
impl IntoGot for f32 {
    fn into_got(self) -> Result<Got, CallError> {
        Ok(Got::Scalar(self as f64))
    }
}
impl IntoGot for i64 {
    fn into_got(self) -> Result<Got, CallError> {
        Ok(Got::Scalar(self as f64))
    }
}
impl IntoGot for bool {
    fn into_got(self) -> Result<Got, CallError> {
        Ok(Got::Bool(self))
    }
}
impl IntoGot for Got {
    fn into_got(self) -> Result<Got, CallError> {
        Ok(self)
    }
}
/// `None` becomes a Python `None` (e.g. the unmeasured dimensions of `compute_sll`).
impl<T: IntoGot> IntoGot for Option<T> {
    fn into_got(self) -> Result<Got, CallError> {
        self.map_or(Ok(Got::None), T::into_got)
    }
}
impl<T: IntoGot> IntoGot for Vec<T> {
    fn into_got(self) -> Result<Got, CallError> {
        Ok(Got::Tuple(
            self.into_iter()
                .map(T::into_got)
                .collect::<Result<_, _>>()?,
        ))
    }
}
impl<A: IntoGot, B: IntoGot> IntoGot for (A, B) {
    fn into_got(self) -> Result<Got, CallError> {
        Ok(Got::Tuple(vec![self.0.into_got()?, self.1.into_got()?]))
    }
}
impl<A: IntoGot, B: IntoGot, C: IntoGot> IntoGot for (A, B, C) {
    fn into_got(self) -> Result<Got, CallError> {
        Ok(Got::Tuple(vec![
            self.0.into_got()?,
            self.1.into_got()?,
            self.2.into_got()?,
        ]))
    }
}

/// `abs(got-exp) <= atol + rtol*abs(exp)`; NaN equals NaN; ±inf equals only the same infinity.
pub fn close(got: f64, exp: f64, tol: Tol) -> bool {
    if exp.is_nan() || got.is_nan() {
        exp.is_nan() && got.is_nan()
    } else if exp.is_infinite() || got.is_infinite() {
        got == exp
    } else {
        (got - exp).abs() <= tol.atol + tol.rtol * exp.abs()
    }
}

/// Compares `got` with an `expected` node of `cases.json` (array, scalar, tuple, list, none).
/// `path` names the node in messages (`out`, `out[1]`). Error nodes are handled by the runner.
pub fn compare(case: &Case, expected: &Value, got: &Got, path: &str) -> Result<(), String> {
    let kind = expected.get("kind").and_then(Value::as_str).unwrap_or("?");
    let member = || {
        expected
            .get("member")
            .and_then(Value::as_str)
            .ok_or_else(|| format!("{path}: expected {kind} without member"))
    };
    let exp_dtype = || {
        expected
            .get("dtype")
            .and_then(Value::as_str)
            .ok_or_else(|| format!("{path}: expected {kind} without dtype"))
    };
    match kind {
        "array" => {
            let Got::Array(g) = got else {
                return Err(format!("{path}: expected an array, got {}", got.describe()));
            };
            let dtype = exp_dtype()?;
            let e = case.read_member(member()?, dtype)?;
            if let Some(shape) = expected.get("shape") {
                let want: Vec<usize> =
                    serde_json::from_value(shape.clone()).map_err(|e| e.to_string())?;
                if e.shape() != want.as_slice() {
                    return Err(format!(
                        "{path}: npz shape {:?} disagrees with cases.json {want:?}",
                        e.shape()
                    ));
                }
            }
            compare_arrays(g, &e, case.tol).map_err(|m| format!("{path}: {m}"))
        }
        "scalar" => {
            let dtype = exp_dtype()?;
            let e = case.read_member(member()?, dtype)?;
            if !e.shape().is_empty() {
                return Err(format!(
                    "{path}: expected scalar member has shape {:?}",
                    e.shape()
                ));
            }
            // A Python `float` carries no precision: a 0-d f32 or f64 array (a device scalar)
            // is compared by value. A numpy scalar (`numpy.float32`, ...) must match its dtype.
            let python_float = expected.get("py_type").and_then(Value::as_str) == Some("float");
            match got {
                Got::Array(AnyArray::F32(g)) if python_float && g.ndim() == 0 => {
                    compare_scalar(g[[]] as f64, &e, case.tol)
                }
                Got::Array(AnyArray::F64(g)) if python_float && g.ndim() == 0 => {
                    compare_scalar(g[[]], &e, case.tol)
                }
                Got::Array(g) => compare_arrays(g, &e, case.tol),
                Got::Scalar(v) => compare_scalar(*v, &e, case.tol),
                Got::Bool(b) => match &e {
                    AnyArray::Bool(a) if a.first() == Some(b) => Ok(()),
                    _ => Err(format!(
                        "got bool {b}, expected {dtype} {:?}",
                        scalar_repr(&e)
                    )),
                },
                other => Err(format!("expected a scalar, got {}", other.describe())),
            }
            .map_err(|m| format!("{path}: {m}"))
        }
        "tuple" | "list" => {
            let Got::Tuple(items) = got else {
                return Err(format!("{path}: expected a {kind}, got {}", got.describe()));
            };
            let exp_items = expected
                .get("items")
                .and_then(Value::as_array)
                .ok_or_else(|| format!("{path}: {kind} without items"))?;
            if items.len() != exp_items.len() {
                return Err(format!(
                    "{path}: expected a {kind} of {}, got {} items",
                    exp_items.len(),
                    items.len()
                ));
            }
            let errs: Vec<String> = exp_items
                .iter()
                .zip(items)
                .enumerate()
                .filter_map(|(i, (e, g))| compare(case, e, g, &format!("{path}[{i}]")).err())
                .collect();
            if errs.is_empty() {
                Ok(())
            } else {
                Err(errs.join("; "))
            }
        }
        "none" => match got {
            Got::None => Ok(()),
            other => Err(format!("{path}: expected None, got {}", other.describe())),
        },
        other => Err(format!(
            "{path}: the harness cannot compare expected kind `{other}`"
        )),
    }
}

fn scalar_repr(e: &AnyArray) -> String {
    match e {
        AnyArray::F32(a) => format!("{:?}", a.first()),
        AnyArray::F64(a) => format!("{:?}", a.first()),
        AnyArray::C64(a) => format!("{:?}", a.first()),
        AnyArray::C128(a) => format!("{:?}", a.first()),
        AnyArray::I32(a) => format!("{:?}", a.first()),
        AnyArray::I64(a) => format!("{:?}", a.first()),
        AnyArray::Bool(a) => format!("{:?}", a.first()),
    }
}

/// A bare scalar against a 0-d expected member: within tolerance for floats, exact for ints and
/// bools. The dtype of a bare scalar is not checked (return a 0-d array to have it checked).
fn compare_scalar(v: f64, e: &AnyArray, tol: Tol) -> Result<(), String> {
    let (exp, exact) = match e {
        AnyArray::F32(a) => (a.first().map(|&x| x as f64), false),
        AnyArray::F64(a) => (a.first().copied(), false),
        AnyArray::I32(a) => (a.first().map(|&x| x as f64), true),
        AnyArray::I64(a) => (a.first().map(|&x| x as f64), true),
        AnyArray::Bool(a) => (a.first().map(|&x| x as u8 as f64), true),
        AnyArray::C64(_) | AnyArray::C128(_) => {
            return Err(format!("got a real scalar, expected {}", e.dtype()));
        }
    };
    let exp = exp.ok_or("empty expected scalar")?;
    let ok = if exact { v == exp } else { close(v, exp, tol) };
    if ok {
        Ok(())
    } else {
        Err(format!(
            "got {v:?}, expected {exp:?} (|diff| {:e}, allowed {:e})",
            (v - exp).abs(),
            tol.atol + tol.rtol * exp.abs()
        ))
    }
}

/// dtype exact, shape exact, then values (floats within `tol`, complex per component, ints and
/// bools exactly).
pub fn compare_arrays(got: &AnyArray, exp: &AnyArray, tol: Tol) -> Result<(), String> {
    if got.dtype() != exp.dtype() {
        return Err(format!(
            "dtype: got {}, expected {}",
            got.describe(),
            exp.describe()
        ));
    }
    if got.shape() != exp.shape() {
        return Err(format!(
            "shape: got {:?}, expected {:?}",
            got.shape(),
            exp.shape()
        ));
    }
    let exact = Tol {
        rtol: 0.0,
        atol: 0.0,
    };
    match (got, exp) {
        (AnyArray::F32(g), AnyArray::F32(e)) => cmp_values(g, e, tol, |&x| x as f64),
        (AnyArray::F64(g), AnyArray::F64(e)) => cmp_values(g, e, tol, |&x| x),
        (AnyArray::C64(g), AnyArray::C64(e)) => {
            cmp_values(g, e, tol, |x| x.re as f64).map_err(|m| format!("real part: {m}"))?;
            cmp_values(g, e, tol, |x| x.im as f64).map_err(|m| format!("imaginary part: {m}"))
        }
        (AnyArray::C128(g), AnyArray::C128(e)) => {
            cmp_values(g, e, tol, |x| x.re).map_err(|m| format!("real part: {m}"))?;
            cmp_values(g, e, tol, |x| x.im).map_err(|m| format!("imaginary part: {m}"))
        }
        (AnyArray::I32(g), AnyArray::I32(e)) => cmp_values(g, e, exact, |&x| x as f64),
        (AnyArray::I64(g), AnyArray::I64(e)) => cmp_values(g, e, exact, |&x| x as f64),
        (AnyArray::Bool(g), AnyArray::Bool(e)) => cmp_values(g, e, exact, |&x| x as u8 as f64),
        _ => unreachable!("dtypes were checked equal"),
    }
}

/// Elementwise [`close`] after mapping both arrays to f64 with `f` (exact for i64 beyond 2^53 is
/// not needed by any vector). Reports the number of mismatches and the worst one.
fn cmp_values<T>(
    g: &ArrayD<T>,
    e: &ArrayD<T>,
    tol: Tol,
    f: impl Fn(&T) -> f64,
) -> Result<(), String> {
    let mut bad = 0usize;
    // (index, got, expected, excess over the allowed difference)
    let mut worst: Option<(Vec<usize>, f64, f64, f64)> = None;
    for ((idx, gv), ev) in g.indexed_iter().zip(e.iter()) {
        let (gv, ev) = (f(gv), f(ev));
        if close(gv, ev, tol) {
            continue;
        }
        bad += 1;
        let excess = if (gv - ev).is_nan() {
            f64::INFINITY
        } else {
            (gv - ev).abs() - (tol.atol + tol.rtol * ev.abs())
        };
        if !matches!(&worst, Some(w) if w.3 >= excess) {
            worst = Some((idx.slice().to_vec(), gv, ev, excess));
        }
    }
    match worst {
        None => Ok(()),
        Some((idx, gv, ev, _)) => Err(format!(
            "{bad} of {} values differ (rtol {:e}, atol {:e}); worst at {idx:?}: got {gv:?}, expected {ev:?}",
            e.len(),
            tol.rtol,
            tol.atol
        )),
    }
}

/// A generic ground-truth check for adapters: `got` must be a tuple of scalars matching the JSON
/// list `gt` item by item, where a JSON `null` matches a `None` or a NaN (an unmeasured slot).
pub fn compare_scalar_list(got: &Got, gt: &Value, tol: Tol) -> Result<(), String> {
    let exp = gt
        .as_array()
        .ok_or_else(|| format!("ground truth {gt} is not a list"))?;
    let Got::Tuple(items) = got else {
        return Err(format!("expected a tuple, got {}", got.describe()));
    };
    if items.len() != exp.len() {
        return Err(format!("expected {} items, got {}", exp.len(), items.len()));
    }
    for (i, (g, e)) in items.iter().zip(exp).enumerate() {
        let ok = match (g, e.as_f64()) {
            (Got::None, None) => true,
            (Got::Scalar(v), None) => v.is_nan() && e.is_null(),
            (Got::Scalar(v), Some(e)) => close(*v, e, tol),
            _ => false,
        };
        if !ok {
            return Err(format!("[{i}]: got {}, ground truth {e}", g.describe()));
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    const T: Tol = Tol {
        rtol: 1e-6,
        atol: 1e-9,
    };

    #[test]
    fn close_rules() {
        assert!(close(f64::NAN, f64::NAN, T));
        assert!(!close(1.0, f64::NAN, T));
        assert!(!close(f64::NAN, 1.0, T));
        assert!(close(f64::INFINITY, f64::INFINITY, T));
        assert!(!close(f64::NEG_INFINITY, f64::INFINITY, T));
        assert!(!close(1e300, f64::INFINITY, T));
        assert!(!close(f64::INFINITY, 1e300, T));
        assert!(close(1.0 + 5e-7, 1.0, T));
        assert!(!close(1.0 + 2e-6, 1.0, T));
        assert!(close(5e-10, 0.0, T));
    }

    #[test]
    fn arrays_need_same_dtype_and_shape() {
        let a = AnyArray::F32(ArrayD::zeros(vec![2, 3]));
        let b = AnyArray::F64(ArrayD::zeros(vec![2, 3]));
        assert!(compare_arrays(&a, &b, T).unwrap_err().starts_with("dtype"));
        let c = AnyArray::F32(ArrayD::zeros(vec![3, 2]));
        assert!(compare_arrays(&a, &c, T).unwrap_err().starts_with("shape"));
        let mut d = ArrayD::<f32>::zeros(vec![2, 3]);
        d[[1, 2]] = 1.0;
        let err = compare_arrays(&a, &AnyArray::F32(d), T).unwrap_err();
        assert!(err.contains("1 of 6") && err.contains("[1, 2]"), "{err}");
    }

    #[test]
    fn ints_and_bools_are_exact() {
        let tol = Tol {
            rtol: 1.0,
            atol: 1.0,
        };
        let a = AnyArray::I64(ArrayD::from_elem(vec![2], 3));
        let b = AnyArray::I64(ArrayD::from_elem(vec![2], 4));
        assert!(compare_arrays(&a, &b, tol).is_err());
        let a = AnyArray::Bool(ArrayD::from_elem(vec![2], true));
        let b = AnyArray::Bool(ArrayD::from_elem(vec![2], false));
        assert!(compare_arrays(&a, &b, tol).is_err());
    }

    #[test]
    fn scalar_lists_match_null_to_none_or_nan() {
        let got = Got::Tuple(vec![Got::None, Got::Scalar(f64::NAN), Got::Scalar(2.0)]);
        let gt: Value = serde_json::json!([null, null, 2.0]);
        compare_scalar_list(&got, &gt, T).unwrap();
        let gt: Value = serde_json::json!([null, 1.0, 2.0]);
        assert!(compare_scalar_list(&got, &gt, T).is_err());
    }
}
