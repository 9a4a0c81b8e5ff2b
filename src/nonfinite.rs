//! What the metrics do with NaN and ±Inf in their inputs.
//!
//! By default ([`NonFinite::Error`]) every public metric, statistic, ROI and resolution function
//! checks its floating-point array inputs before computing and returns
//! [`Error::NonFinite`](crate::Error::NonFinite), naming the argument, the number of non-finite
//! values and the index of the first one. Integer and boolean inputs are never checked.
//!
//! * Host (`ndarray`) inputs are scanned in Rust: one pass over the data, no allocation.
//! * Device inputs are scanned on their device by a small cached program (the count of
//!   non-finite elements), and that one integer is read back: an extra read of the data and a
//!   short wait for the device per checked input.
//!
//! With [`NonFinite::Propagate`] nothing is scanned and the values flow through the formulas;
//! each metric's rustdoc has a `# Non-finite input` section that says what comes out, and the
//! README has a summary table.
//!
//! The policy is one process-wide setting ([`set_nonfinite_policy`], [`nonfinite_policy`]); its
//! initial value comes from the environment variable `UM_NONFINITE` (`error` or `propagate`,
//! case-insensitive; unset or anything else means `error`).
//!
//! ```
//! use ultrasound_metrics as um;
//! let x = ndarray::array![[1.0, f64::NAN], [1.0, 3.0]];   // (channels, pixels)
//! let err = um::coherence_factor(&x, Default::default()).unwrap_err();
//! assert!(matches!(err, um::Error::NonFinite { arg: "channel_images", count: 1, .. }));
//!
//! um::set_nonfinite_policy(um::NonFinite::Propagate);
//! let cf = um::coherence_factor(&x, Default::default())?;       // NaN where a channel is NaN
//! assert!(cf[1].is_nan() && cf[0] == 1.0);
//! um::set_nonfinite_policy(um::NonFinite::Error);
//! # Ok::<(), um::Error>(())
//! ```

use std::sync::atomic::{AtomicU8, Ordering};

use ndarray::{ArrayViewD, Dimension};
use num_complex::Complex;

use crate::backend::{Arg, Backend, Pjrt};
use crate::dtype::DType;
use crate::error::{Error, Result};
use crate::graph::{trace_cached, TensorType};
use crate::host::HostTensor;

/// What to do with NaN and ±Inf in the floating-point inputs of a metric (see the
/// [module documentation](self)).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum NonFinite {
    /// Scan the inputs and return [`Error::NonFinite`] if any value is NaN or ±Inf (the
    /// default).
    #[default]
    Error,
    /// Do not scan: non-finite values propagate through the formulas, as documented per metric.
    Propagate,
}

const UNSET: u8 = 0;
const ERROR: u8 = 1;
const PROPAGATE: u8 = 2;

static POLICY: AtomicU8 = AtomicU8::new(UNSET);

fn encode(p: NonFinite) -> u8 {
    match p {
        NonFinite::Error => ERROR,
        NonFinite::Propagate => PROPAGATE,
    }
}

/// Sets the process-wide [`NonFinite`] policy (it overrides `UM_NONFINITE`). Affects calls that
/// start afterwards, on every thread.
///
/// ```
/// use ultrasound_metrics as um;
/// um::set_nonfinite_policy(um::NonFinite::Propagate);
/// assert_eq!(um::nonfinite_policy(), um::NonFinite::Propagate);
/// um::set_nonfinite_policy(um::NonFinite::Error);
/// ```
pub fn set_nonfinite_policy(policy: NonFinite) {
    POLICY.store(encode(policy), Ordering::Relaxed);
}

/// The current [`NonFinite`] policy: the last [`set_nonfinite_policy`], else `UM_NONFINITE`
/// (`propagate` or `error`), else [`NonFinite::Error`].
///
/// ```
/// use ultrasound_metrics as um;
/// um::set_nonfinite_policy(um::NonFinite::Error);
/// assert_eq!(um::nonfinite_policy(), um::NonFinite::Error);
/// ```
pub fn nonfinite_policy() -> NonFinite {
    let v = match POLICY.load(Ordering::Relaxed) {
        UNSET => {
            let from_env = match std::env::var("UM_NONFINITE") {
                Ok(s) if s.trim().eq_ignore_ascii_case("propagate") => PROPAGATE,
                _ => ERROR,
            };
            // a concurrent set_nonfinite_policy wins over the environment
            match POLICY.compare_exchange(UNSET, from_env, Ordering::Relaxed, Ordering::Relaxed) {
                Ok(_) => from_env,
                Err(current) => current,
            }
        }
        v => v,
    };
    if v == PROPAGATE {
        NonFinite::Propagate
    } else {
        NonFinite::Error
    }
}

/// Counts the non-finite elements of a view: one pass over the memory when it is contiguous.
fn count_view<T>(a: &ArrayViewD<'_, T>, finite: impl Fn(&T) -> bool) -> usize {
    match a.as_slice_memory_order() {
        Some(s) => s.iter().map(|v| usize::from(!finite(v))).sum(),
        None => a.iter().map(|v| usize::from(!finite(v))).sum(),
    }
}

/// The logical (row-major) index of the first non-finite element.
fn first_view<T>(a: &ArrayViewD<'_, T>, finite: impl Fn(&T) -> bool) -> Vec<usize> {
    a.indexed_iter()
        .find(|(_, v)| !finite(v))
        .map(|(i, _)| i.slice().to_vec())
        .unwrap_or_default()
}

fn c_finite<F: num_traits::Float>(c: &Complex<F>) -> bool {
    c.re.is_finite() && c.im.is_finite()
}

/// `(count, first index)` of the non-finite elements of a host tensor; `None` for integer and
/// boolean tensors (never scanned).
fn scan_host(t: &HostTensor<'_>, want_first: bool) -> Option<(usize, Vec<usize>)> {
    fn go<T>(
        a: ArrayViewD<'_, T>,
        want_first: bool,
        finite: impl Fn(&T) -> bool + Copy,
    ) -> (usize, Vec<usize>) {
        let n = count_view(&a, finite);
        let first = if n > 0 && want_first {
            first_view(&a, finite)
        } else {
            Vec::new()
        };
        (n, first)
    }
    Some(match t {
        HostTensor::F32(a) => go(a.view(), want_first, |v: &f32| v.is_finite()),
        HostTensor::F64(a) => go(a.view(), want_first, |v: &f64| v.is_finite()),
        HostTensor::C64(a) => go(a.view(), want_first, c_finite),
        HostTensor::C128(a) => go(a.view(), want_first, c_finite),
        HostTensor::Bool(_) | HostTensor::I32(_) | HostTensor::I64(_) => return None,
    })
}

/// The number of non-finite elements of a device buffer, counted on its device.
fn count_device(buf: &std::sync::Arc<crate::runtime::RawBuffer>) -> Result<usize> {
    let ty: TensorType = buf.ty().clone();
    // Fast path, one vectorised float reduce: `v − v` is 0 for a finite value and NaN for NaN
    // or ±Inf, so the sum is exactly 0 iff every element is finite. Only when it is not does
    // the exact count below run (an integer reduce that XLA CPU vectorises poorly).
    // `v - v` on purpose: it is 0 for finite values and NaN otherwise
    #[allow(clippy::eq_op)]
    let probe = trace_cached("um.any_nonfinite", std::slice::from_ref(&ty), |a| {
        let x = &a[0];
        let d = if x.dtype().is_complex() {
            let (re, im) = (x.re(), x.im());
            (&re - &re) + (&im - &im)
        } else {
            x - x
        };
        Ok(vec![d.sum_all()])
    })?;
    let mut outs = Pjrt::run(&probe, vec![Arg::Device(buf)])?;
    let sum = outs.pop().ok_or_else(|| Error::Unsupported {
        what: "the non-finite scan".into(),
        why: "its program returned no result; please report it".into(),
    })?;
    if crate::metrics::fetch_f64(sum)? == 0.0 {
        return Ok(0);
    }
    let program = trace_cached("um.count_nonfinite", &[ty], |a| {
        let x = &a[0];
        let finite = if x.dtype().is_complex() {
            x.re().is_finite().and(&x.im().is_finite())
        } else {
            x.is_finite()
        };
        Ok(vec![finite.not().cast(DType::I64).sum_all()])
    })?;
    let mut outs = Pjrt::run(&program, vec![Arg::Device(buf)])?;
    let out = outs.pop().ok_or_else(|| Error::Unsupported {
        what: "the non-finite scan".into(),
        why: "its program returned no result; please report it".into(),
    })?;
    Ok(crate::metrics::fetch_int(out)?.max(0) as usize)
}

/// The checks every public function runs on its array inputs before computing, in order:
///
/// 1. all device inputs live on one device ([`Error::DeviceMismatch`], naming both arguments);
/// 2. under [`NonFinite::Error`], no floating-point input holds NaN or ±Inf
///    ([`Error::NonFinite`]).
///
/// `args` are `(argument name, array)` pairs, as the function's signature names them.
pub(crate) fn check_inputs(func: &'static str, args: &[(&'static str, Arg<'_>)]) -> Result<()> {
    check(func, args, true).map(|_| ())
}

/// [`check_inputs`] for a function whose graph scans its inputs in its own pass (the coherence
/// family): every check except the non-finite scan of floating-point inputs. Returns whether
/// that scan is left to the caller (policy `Error` and such an input present); the caller then
/// runs [`check_inputs`] itself when its in-pass probe finds a non-finite value.
pub(crate) fn check_inputs_but_scan(
    func: &'static str,
    args: &[(&'static str, Arg<'_>)],
) -> Result<bool> {
    check(func, args, false)
}

/// Check 1 of [`check_inputs`] alone: all device inputs live on one device
/// ([`Error::DeviceMismatch`] naming `func` and both arguments).
pub(crate) fn check_same_device(
    func: &'static str,
    args: &[(&'static str, Arg<'_>)],
) -> Result<()> {
    let mut first_device: Option<(&'static str, &crate::runtime::Device)> = None;
    for (name, a) in args {
        if let Arg::Device(buf) = a {
            match first_device {
                None => first_device = Some((name, buf.device())),
                Some((first, dev)) if dev != buf.device() => {
                    return Err(Error::DeviceMismatch {
                        func,
                        first: format!("`{first}` on {dev}"),
                        other: format!("`{name}` on {}", buf.device()),
                    })
                }
                Some(_) => {}
            }
        }
    }
    Ok(())
}

/// The checks; with `scan` false, floating-point inputs are not scanned and the result says
/// whether one was skipped.
fn check(func: &'static str, args: &[(&'static str, Arg<'_>)], scan: bool) -> Result<bool> {
    check_same_device(func, args)?;
    if nonfinite_policy() == NonFinite::Propagate {
        return Ok(false);
    }
    let mut skipped = false;
    for (name, a) in args {
        let total = |shape: &[usize]| shape.iter().product::<usize>();
        let found = match a {
            Arg::Host(t) if !scan && t.dtype().is_inexact() => {
                skipped = true;
                None
            }
            Arg::Host(t) => match scan_host(t, true) {
                Some((count, first)) if count > 0 => Some((count, total(t.shape()), first)),
                _ => None,
            },
            Arg::Device(buf) => {
                if !buf.ty().dtype.is_inexact() {
                    None
                } else if !scan {
                    skipped = true;
                    None
                } else {
                    let count = count_device(buf)?;
                    if count == 0 {
                        None
                    } else {
                        // the error path: copy back once to locate the first value
                        let host = crate::runtime::get_host(buf)?;
                        let first = scan_host(&host, true).map(|s| s.1).unwrap_or_default();
                        Some((count, total(&buf.ty().shape), first))
                    }
                }
            }
        };
        if let Some((count, total, first_index)) = found {
            return Err(Error::NonFinite {
                func,
                arg: name,
                count,
                total,
                first_index,
            });
        }
    }
    Ok(skipped)
}
