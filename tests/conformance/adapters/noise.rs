//! Channel noise (spec §3.16). Graph-based: host and PJRT.
//!
//! The reference returns three 0-d `jax.Array`s in the real counterpart dtype. The crate returns
//! a `NoiseEstimate` of scalar statistics: rank-0 device arrays of that dtype on PJRT (compared
//! as they are), `f64` on the host, computed in that dtype and widened exactly; the host values
//! are narrowed back to it for the comparison. The method string goes through
//! `NoiseMethod::from_str`, whose typed error is the reference's `ValueError`.

use ndarray::{arr0, ArrayD};
use ultrasound_metrics as um;
use um::metrics::{NoiseEstimate, NoiseMethod};

use crate::case::{AnyArray, Case};
use crate::compare::{Got, IntoGot};
use crate::harness::{Adapter, Backend, CallError, CallResult};

pub const ADAPTERS: &[Adapter] = &[
    Adapter::graph("noise_repeated_measurements", noise_repeated_measurements),
    Adapter::graph("noise_adjacent_frames", noise_adjacent_frames),
    Adapter::graph("channel_noise", channel_noise),
];

/// A host estimate (`f64`) as three 0-d arrays of the reference's dtype `T`.
fn host_got<T>(e: NoiseEstimate<f64>, narrow: fn(f64) -> T) -> CallResult
where
    ArrayD<T>: Into<AnyArray>,
{
    let (a, b, c) = e.into_tuple();
    let item = |v: f64| Got::Array(arr0(narrow(v)).into_dyn().into());
    Ok(Got::Tuple(vec![item(a), item(b), item(c)]))
}

fn device_got<S: IntoGot>(e: NoiseEstimate<S>) -> CallResult {
    e.into_tuple().into_got()
}

/// Runs `$f` (a generic function of the data) on the case's `data` array on `$backend`.
macro_rules! noise_call {
    ($case:expr, $backend:expr, $f:expr) => {{
        let data = $case.array("data")?;
        match ($backend, data) {
            (Backend::Host, AnyArray::F32(a)) => host_got($f(a)?, |v| v as f32),
            (Backend::Host, AnyArray::C64(a)) => host_got($f(a)?, |v| v as f32),
            (Backend::Host, AnyArray::F64(a)) => host_got($f(a)?, |v| v),
            (Backend::Host, AnyArray::C128(a)) => host_got($f(a)?, |v| v),
            (Backend::Host, AnyArray::I32(a)) => host_got($f(a)?, |v| v),
            (Backend::Host, AnyArray::I64(a)) => host_got($f(a)?, |v| v),
            (Backend::Pjrt(dev), AnyArray::F32(a)) => device_got($f(&dev.put(a)?)?),
            (Backend::Pjrt(dev), AnyArray::C64(a)) => device_got($f(&dev.put(a)?)?),
            (Backend::Pjrt(dev), AnyArray::F64(a)) => device_got($f(&dev.put(a)?)?),
            (Backend::Pjrt(dev), AnyArray::C128(a)) => device_got($f(&dev.put(a)?)?),
            (Backend::Pjrt(dev), AnyArray::I32(a)) => device_got($f(&dev.put(a)?)?),
            (Backend::Pjrt(dev), AnyArray::I64(a)) => device_got($f(&dev.put(a)?)?),
            (_, other) => Err(CallError::NotRepresentable(format!(
                "{} data: the Rust API takes numeric arrays",
                other.dtype()
            ))),
        }
    }};
}

fn noise_repeated_measurements(case: &Case, backend: &Backend) -> CallResult {
    noise_call!(case, backend, um::noise_repeated_measurements)
}

fn noise_adjacent_frames(case: &Case, backend: &Backend) -> CallResult {
    noise_call!(case, backend, um::noise_adjacent_frames)
}

fn channel_noise(case: &Case, backend: &Backend) -> CallResult {
    let method: NoiseMethod = case.get::<&str>("method")?.parse()?;
    noise_call!(case, backend, |x| um::channel_noise(x, method))
}
