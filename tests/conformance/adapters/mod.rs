//! The adapter registry: reference function (short name) -> a call of the Rust API.
//!
//! # Adding an adapter
//!
//! 1. In the module of its family (e.g. `coherence.rs`, or a new `cnr.rs` declared below with
//!    `mod cnr;` and listed in [`registry`]), write one function
//!    `fn name(case: &Case, backend: &Backend) -> CallResult` that
//!    * reads its inputs by the reference's parameter names: `case.array("x")?` for an array,
//!      `case.get::<T>("p")?` / `case.get_or("p", default)?` for scalars. These are strict like
//!      the Rust types: `f64` rejects a Python int, `usize` a float or a negative int, a tuple is
//!      not a list (`(A, B)` vs `Vec<T>`); use `case::Number` where the reference takes either.
//!      A value that does not fit makes the runner skip an error case as a compile-time
//!      rejection, and fail any other case.
//!    * calls the API, usually through [`on_array!`] (one array input) or [`on_arrays2!`] (two of
//!      the same dtype), which dispatch on the dtype and the backend and convert the result
//!      ([`host_array!`] for a host-only function);
//!      otherwise match on `backend` and `AnyArray` yourself and finish with `IntoGot::into_got`.
//!    * returns `Ok(Got)`; `?` on a library error gives `CallError::Um`, which is what an `error`
//!      case expects.
//! 2. Add one entry to the module's `ADAPTERS`: `Adapter::graph("name", name)` (host + PJRT) or
//!    `Adapter::host("name", name)` (host only), plus, where needed:
//!    * `.typecheck(&[("case_id_or_glob*", TypeCheck::CompileTime("why the Rust call does not
//!      compile"))])` for `py-typecheck` cases (`TypeCheck::Runtime` documents that our API
//!      returns an error there; unlisted ones are run and must return `Err`);
//!    * `.ground_truth(f)` to check `bug` cases against their `ground_truth` instead of `expected`
//!      (`compare::compare_scalar_list` covers the lists of floats with `null` slots);
//!    * `.intent(f)` to check `bug` cases that have no `ground_truth` against the documented
//!      intent (e.g. the recorded value with the documented error undone).
//! 3. `jax-prng` cases: read the pairs the reference drew with `case.expected_member("out__1")?`
//!    and pass them as input.
//!
//! Functions without an entry are skipped as "not implemented yet"; [`PYTHON_ONLY`] ones as
//! "Python-only".

use crate::harness::Adapter;

/// Calls `$call` with `$x` bound to the array `$arr` (an `&AnyArray`) on `$backend` (an
/// `&Backend`): on the host `$x` is `&ArrayD<T>`, on PJRT it is `&DeviceArray<T, IxDyn>` (the
/// array is put on the shared device first). `[F32, ..]` lists the `AnyArray` variants the Rust API
/// accepts; any other dtype gives `CallError::NotRepresentable`. `$call` returns
/// `um::Result<R>`; `R` is turned into a `Got` by `IntoGot` (device results are copied back).
macro_rules! on_array {
    ($backend:expr, $arr:expr, [$($v:ident),+ $(,)?], |$x:ident| $call:expr) => {{
        let backend: &$crate::harness::Backend<'_> = $backend;
        let arr: &$crate::case::AnyArray = $arr;
        match (backend, arr) {
            $(($crate::harness::Backend::Host, $crate::case::AnyArray::$v(a)) => {
                let $x = a;
                $crate::compare::IntoGot::into_got($call?)
            })+
            $(($crate::harness::Backend::Pjrt(dev), $crate::case::AnyArray::$v(a)) => {
                let on_device = dev.put(a)?;
                let $x = &on_device;
                $crate::compare::IntoGot::into_got($call?)
            })+
            #[allow(unreachable_patterns)]
            (_, other) => Err($crate::harness::CallError::NotRepresentable(format!(
                "{} array: the Rust API takes {}",
                other.dtype(),
                stringify!($($v),+)
            ))),
        }
    }};
}

/// [`on_array!`] for host-only functions (`Adapter::host`): `$x` is `&ArrayD<T>`.
#[allow(unused_macros)]
macro_rules! host_array {
    ($arr:expr, [$($v:ident),+ $(,)?], |$x:ident| $call:expr) => {{
        let arr: &$crate::case::AnyArray = $arr;
        match arr {
            $($crate::case::AnyArray::$v(a) => {
                let $x = a;
                $crate::compare::IntoGot::into_got($call?)
            })+
            #[allow(unreachable_patterns)]
            other => Err($crate::harness::CallError::NotRepresentable(format!(
                "{} array: the Rust API takes {}",
                other.dtype(),
                stringify!($($v),+)
            ))),
        }
    }};
}

/// Like [`on_array!`] for two arrays that must share one dtype (`|$x, $y| $call`).
#[allow(unused_macros)]
macro_rules! on_arrays2 {
    ($backend:expr, $a1:expr, $a2:expr, [$($v:ident),+ $(,)?], |$x:ident, $y:ident| $call:expr) => {{
        let backend: &$crate::harness::Backend<'_> = $backend;
        let a1: &$crate::case::AnyArray = $a1;
        let a2: &$crate::case::AnyArray = $a2;
        match (backend, a1, a2) {
            $(($crate::harness::Backend::Host, $crate::case::AnyArray::$v(a), $crate::case::AnyArray::$v(b)) => {
                let $x = a;
                let $y = b;
                $crate::compare::IntoGot::into_got($call?)
            })+
            $(($crate::harness::Backend::Pjrt(dev), $crate::case::AnyArray::$v(a), $crate::case::AnyArray::$v(b)) => {
                let (on_device_a, on_device_b) = (dev.put(a)?, dev.put(b)?);
                let $x = &on_device_a;
                let $y = &on_device_b;
                $crate::compare::IntoGot::into_got($call?)
            })+
            (_, p, q) => Err($crate::harness::CallError::NotRepresentable(format!(
                "{} and {} arrays: the Rust API takes two arrays of one of {}",
                p.dtype(),
                q.dtype(),
                stringify!($($v),+)
            ))),
        }
    }};
}

mod clip;
mod coherence;
mod data;
mod image;
mod motion;
mod noise;
mod resolution;
mod stats;

/// Functions that have no Rust counterpart by design (spec §5): Forest-internal workflow helpers,
/// napari, the dataset download registry, demos. Globs over the full dotted path.
pub const PYTHON_ONLY: &[&str] = &[
    "ultrasound_metrics.utils.*",
    "ultrasound_metrics.interactive.*",
    "ultrasound_metrics.data.downloads.*",
    "ultrasound_metrics.data.cached_download",
    "ultrasound_metrics.data.list_available_datasets",
    "ultrasound_metrics.data.inspect_dataset",
    "ultrasound_metrics.data.load_dataset",
    "ultrasound_metrics.data.uff.cached_download",
    "ultrasound_metrics.data.uff.list_available_datasets",
    "ultrasound_metrics.data.uff.inspect_dataset",
    "ultrasound_metrics.data.uff.load_dataset",
    "ultrasound_metrics.metrics.gcnr.main",
];

/// Every adapter. A new module adds its `ADAPTERS` here.
pub fn registry() -> Vec<Adapter> {
    let modules: &[&[Adapter]] = &[
        coherence::ADAPTERS,
        data::ADAPTERS,
        clip::ADAPTERS,
        image::ADAPTERS,
        motion::ADAPTERS,
        noise::ADAPTERS,
        resolution::ADAPTERS,
        stats::ADAPTERS,
    ];
    let all: Vec<Adapter> = modules.iter().flat_map(|m| m.iter().copied()).collect();
    for (i, a) in all.iter().enumerate() {
        assert!(
            all[..i].iter().all(|b| b.function != a.function),
            "two adapters for `{}`",
            a.function
        );
    }
    all
}
