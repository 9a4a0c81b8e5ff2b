//! Motion correlation (spec §3.15). Graph-based: host and PJRT.
//!
//! * `pairwise_corrcoef_jit(vectors, pairs)` is `pairwise_corrcoef` with `Pairs::Explicit`.
//! * `jax-prng` cases: the reference drew its pairs with JAX's threefry, which the crate does not
//!   reproduce (`Pairs::Random` is its own documented generator); the recorded pairs (`out__1`)
//!   are passed as `Pairs::Explicit` and the values checked for them.
//! * Bug #5 (`bug`, no `ground_truth`): the reference's subset path divides by F instead of F − 1.
//!   The crate uses F − 1 everywhere; such cases are checked against the documented intent, the
//!   recorded values times F/(F − 1) (see [`subset_intent`]).
//! * The crate returns pairs as `i64` always; the reference returns JAX's default integer, `int32`
//!   without x64. For `jax32` cases the pairs are narrowed (exactly) before the comparison.

use ndarray::{Array2, Ix2};
use ultrasound_metrics as um;
use um::metrics::Pairs;

use crate::case::{AnyArray, Case, Input};
use crate::compare::{compare, compare_arrays, Got};
use crate::harness::{Adapter, Backend, CallError, CallResult, TypeCheck};

const NUMPY_INPUT: TypeCheck = TypeCheck::CompileTime(
    "not an error in Rust: ndarray inputs are the host backend, DeviceArray inputs the device one \
     (there is no jax.Array-only signature to violate)",
);

pub const ADAPTERS: &[Adapter] = &[
    Adapter::graph("corrcoef", corrcoef).typecheck(&[("corr_err_numpy_input*", NUMPY_INPUT)]),
    Adapter::graph("pairwise_corrcoef", pairwise_corrcoef)
        .typecheck(&[("corr_err_numpy_input*", NUMPY_INPUT)])
        .intent(subset_intent),
    Adapter::graph("pairwise_corrcoef_jit", pairwise_corrcoef_jit)
        .typecheck(&[("corr_err_numpy_input*", NUMPY_INPUT)])
        .intent(subset_intent),
    Adapter::graph("pairwise_corrcoef_all_jit", pairwise_corrcoef_all_jit)
        .typecheck(&[("corr_err_numpy_input*", NUMPY_INPUT)]),
    Adapter::graph("pairwise_corrcoef_agg", pairwise_corrcoef_agg)
        .typecheck(&[("corr_err_numpy_input*", NUMPY_INPUT)]),
];

fn corrcoef(case: &Case, backend: &Backend) -> CallResult {
    on_array!(
        backend,
        case.array("vectors")?,
        [F32, F64, C64, C128, I32, I64],
        |x| um::corrcoef(x)
    )
}

fn pairwise_corrcoef_agg(case: &Case, backend: &Backend) -> CallResult {
    on_array!(
        backend,
        case.array("vectors")?,
        [F32, F64, C64, C128, I32, I64],
        |x| { um::pairwise_corrcoef_agg(x) }
    )
}

/// An `(P, 2)` int32/int64 array of pair indices as `i64`.
fn pairs_input(a: &AnyArray) -> Result<Array2<i64>, CallError> {
    let wide = match a {
        AnyArray::I32(p) => p.mapv(i64::from),
        AnyArray::I64(p) => p.clone(),
        other => {
            return Err(CallError::NotRepresentable(format!(
                "{} pairs: the Rust API takes i64 indices",
                other.describe()
            )))
        }
    };
    wide.into_dimensionality::<Ix2>()
        .map_err(|e| CallError::NotRepresentable(format!("pairs must be 2-D: {e}")))
}

/// Narrows the returned `i64` pairs to `int32` where the reference recorded `int32` (jax32).
fn pairs_like_reference(case: &Case, got: Got) -> CallResult {
    let want = case
        .expected
        .get("items")
        .and_then(|i| i.get(1))
        .and_then(|i| i.get("dtype"))
        .and_then(|d| d.as_str());
    match got {
        Got::Tuple(mut items) if want == Some("int32") && items.len() == 2 => {
            if let Got::Array(AnyArray::I64(p)) = &items[1] {
                let narrow = p
                    .iter()
                    .map(|&v| i32::try_from(v))
                    .collect::<Result<Vec<i32>, _>>()
                    .map_err(|e| CallError::Harness(format!("pair index beyond int32: {e}")))?;
                let shape = p.raw_dim();
                items[1] = Got::Array(AnyArray::I32(
                    ndarray::ArrayD::from_shape_vec(shape, narrow)
                        .map_err(|e| CallError::Harness(e.to_string()))?,
                ));
            }
            Ok(Got::Tuple(items))
        }
        other => Ok(other),
    }
}

fn run_pairs(case: &Case, backend: &Backend, pairs: Pairs<'_>) -> CallResult {
    let got = on_array!(
        backend,
        case.array("vectors")?,
        [F32, F64, C64, C128, I32, I64],
        |x| { um::pairwise_corrcoef(x, pairs) }
    )?;
    pairs_like_reference(case, got)
}

fn pairwise_corrcoef(case: &Case, backend: &Backend) -> CallResult {
    let n_pairs: Option<usize> = case.get_or("n_pairs", None)?;
    let seed = match case.input("key") {
        None | Some(Input::None) => 0,
        Some(Input::PrngKey { seed, .. }) => *seed as u64,
        Some(other) => {
            return Err(CallError::NotRepresentable(format!(
                "`key` is a u64 seed: {} does not type-check",
                other.describe()
            )))
        }
    };
    if case.has_tag("jax-prng") {
        // the reference's threefry draw is not reproduced: take its pairs and check the values
        let drawn = pairs_input(&case.expected_member("out__1")?)?;
        return run_pairs(case, backend, Pairs::Explicit(drawn.view()));
    }
    let pairs = match n_pairs {
        None => Pairs::All,
        Some(n_pairs) => Pairs::Random { n_pairs, seed },
    };
    run_pairs(case, backend, pairs)
}

fn pairwise_corrcoef_jit(case: &Case, backend: &Backend) -> CallResult {
    let pairs = pairs_input(case.array("pairs")?)?;
    run_pairs(case, backend, Pairs::Explicit(pairs.view()))
}

fn pairwise_corrcoef_all_jit(case: &Case, backend: &Backend) -> CallResult {
    run_pairs(case, backend, Pairs::All)
}

/// Bug #5: the reference's subset path (`pairwise_corrcoef_jit`, random subsets) divides by F,
/// not F − 1. The intended values are the all-pairs definition, i.e. the recorded values times
/// F/(F − 1) (a self-pair then gives exactly 1); the pairs must match exactly.
/// Applies to the `bug` cases without a `ground_truth` (the others keep the default comparison).
fn subset_intent(case: &Case, got: &Got) -> Option<Result<(), String>> {
    if !case.has_tag("bug") || case.ground_truth.is_some() {
        return None;
    }
    Some(subset_intent_check(case, got))
}

fn subset_intent_check(case: &Case, got: &Got) -> Result<(), String> {
    let vectors = case.array("vectors").map_err(|e| e.to_string())?;
    let f: usize = vectors.shape()[1..].iter().product();
    let scale = f as f64 / (f as f64 - 1.0);
    let items = case
        .expected
        .get("items")
        .and_then(|i| i.as_array())
        .ok_or("expected a tuple")?;
    let Got::Tuple(got_items) = got else {
        return Err(format!("expected a tuple, got {}", got.describe()));
    };
    if items.len() != 2 || got_items.len() != 2 {
        return Err("expected (values, pairs)".into());
    }
    let member = items[0]
        .get("member")
        .and_then(|m| m.as_str())
        .ok_or("no member")?;
    let dtype = items[0]
        .get("dtype")
        .and_then(|m| m.as_str())
        .ok_or("no dtype")?;
    let intended = match case.read_member(member, dtype)? {
        AnyArray::F32(a) => AnyArray::F32(a.mapv(|v| (v as f64 * scale) as f32)),
        AnyArray::F64(a) => AnyArray::F64(a.mapv(|v| v * scale)),
        AnyArray::C64(a) => AnyArray::C64(a.mapv(|v| {
            num_complex::Complex32::new((v.re as f64 * scale) as f32, (v.im as f64 * scale) as f32)
        })),
        AnyArray::C128(a) => AnyArray::C128(a.mapv(|v| v * scale)),
        other => return Err(format!("unexpected values dtype {}", other.dtype())),
    };
    let Got::Array(values) = &got_items[0] else {
        return Err(format!(
            "values: expected an array, got {}",
            got_items[0].describe()
        ));
    };
    compare_arrays(values, &intended, case.tol)
        .map_err(|m| format!("out[0] (× F/(F−1) = {scale}): {m}"))?;
    compare(case, &items[1], &got_items[1], "out[1]")
}
