//! The bad-input matrix (issue #6): every public function, fed each class of bad input it can
//! receive, must return the right typed [`um::Error`] variant with a message that names the
//! function, the argument and the problem. Nothing may panic.
//!
//! Data-driven: [`cases`] is one table, written once; [`host_matrix`] replays it on the host
//! backend and [`pjrt_matrix`] on the PJRT CPU plugin (`Device::cpu()`), where every array
//! argument is first put on the device. Cases marked `Only::Pjrt` need devices (mixed devices,
//! device-array methods); `Only::Host` cases have no array argument that could live on a device.
//!
//! Classes: wrong rank, mismatched shapes, empty array / empty ROI, all-NaN, ±Inf, unsupported
//! dtype (where the dtype is a run-time value), invalid parameters, mixed devices.
//!
//! # Excluded at compile time
//!
//! These bad inputs cannot be written: the trait bound in the right column rejects them, so
//! there is no test (it could not fail).
//!
//! | function(s) | bad input | excluded by |
//! |---|---|---|
//! | every metric except `create_bmode_image` | `bool` data | `X::Elem: Numeric` (not implemented for `bool`) |
//! | `create_bmode_image` | `bool` data | `X::Elem: Magnitude` |
//! | `corrcoef`, `pairwise_corrcoef(_agg)` | `bool` data | `X::Elem: CorrElement` |
//! | `compute_fwhm`, `compute_sll` | integer or complex image | `X::Elem: RealElement` (`f32`, `f64`) |
//! | `contrast`, `compute_cnr`, `gcnr`, `compute_rf_snr` | regions of two dtypes | `B: ArrayArg<Elem = A::Elem>` |
//! | every two-array function | a host array with a device array | `B: ArrayArg<Backend = A::Backend>` |
//! | `tenengrad` | a non-`bool` or non-2-D ROI | `roi: Option<&ArrayOf<X, bool, Ix2>>` |
//! | `roi::select` | a non-`bool` mask | `M: ArrayArg<Elem = bool>` |
//! | `Device::put`, `put_aligned` | `u8`, `u16`, `f16`, strings, … | `T: Element` (bool, i32, i64, f32, f64, c64, c128) |
//! | `generalized_coherence_factor` | negative or fractional `m0` | `m0: usize` |
//! | `gcnr` | negative or fractional bin count | `Bins::Count(usize)` |
//! | `is_clipped_max_amplitude` | negative `min_contiguous` | `min_contiguous: usize` |
//! | `compute_cnr`, `channel_noise`, `build_mask`, … | an unknown method name | the `Aggregation`, `NoiseMethod`, `MaskShape`, `ClipMethod` enums |
//!
//! Valid by design (not bad input, so not in the table): empty arrays given to the elementwise
//! maps (`decibel`, `create_bmode_image`, the clipping masks; empty in → empty out) and an empty
//! image extent of the coherence maps (`(M, 0)` → an empty map); regions of any rank or shape
//! for the region statistics; integer inputs (computed in `f64`, never scanned for NaN).
//!
//! The non-finite policy is process-wide, so every test here takes [`LOCK`] (the file runs
//! serially; it takes a few seconds).

use std::sync::{Mutex, MutexGuard};

use ndarray::{array, Array1, Array2, Array3, ArrayD, IxDyn};
use num_complex::{Complex32, Complex64};
use ultrasound_metrics as um;
use um::metrics::resolution::{FwhmParams, Level, SllParams};
use um::metrics::{
    Bins, CfParams, ClipMethod, GcfParams, GcnrParams, MaskShape, MaxAmplitudeParams, NoiseMethod,
    Pairs, PcfParams, RangeFactor, ScfParams, TenengradParams, ThresholdParams,
};
use um::{Device, Error, NonFinite};

static LOCK: Mutex<()> = Mutex::new(());

fn lock() -> MutexGuard<'static, ()> {
    let g = LOCK.lock().unwrap_or_else(|e| e.into_inner());
    um::set_nonfinite_policy(NonFinite::Error);
    g
}

/// Where a case runs.
enum Be {
    Host,
    Pjrt(Device),
}

#[derive(Debug, Clone, Copy, PartialEq)]
enum Class {
    Rank,
    Shape,
    Empty,
    AllNan,
    Inf,
    Dtype,
    Param,
    Devices,
}

/// The expected error.
#[derive(Debug, Clone, Copy)]
enum Want {
    /// `Error::InvalidArgument` for this argument.
    Arg(&'static str),
    /// `Error::UnsupportedDtype` for this argument.
    Dtype(&'static str),
    /// `Error::NonFinite` for this argument.
    NonFinite(&'static str),
    /// `Error::DeviceMismatch` naming these two arguments.
    Devices(&'static str, &'static str),
    /// `Error::Io` (files).
    Io,
}

#[derive(Debug, Clone, Copy, PartialEq)]
enum Only {
    Both,
    Host,
    Pjrt,
}

struct Case {
    func: &'static str,
    class: Class,
    want: Want,
    /// A piece of the message that states the problem.
    needle: &'static str,
    only: Only,
    run: fn(&Be) -> um::Result<()>,
}

/// `on!(be, [a = expr, ...] => call)`: binds each array as given (host) or put on the device
/// (PJRT), then makes the call and drops its result.
macro_rules! on {
    ($be:expr, [$($v:ident = $e:expr),* $(,)?] => $call:expr) => {
        match $be {
            Be::Host => {
                $(let $v = $e;)*
                $call.map(drop)
            }
            Be::Pjrt(d) => {
                $(let $v = d.put(&$e)?;)*
                $call.map(drop)
            }
        }
    };
}

macro_rules! case {
    ($func:expr, $class:ident, $want:expr, $needle:expr, |$be:ident| $body:expr) => {
        case!($func, $class, $want, $needle, Both, |$be| $body)
    };
    ($func:expr, $class:ident, $want:expr, $needle:expr, $only:ident, |$be:ident| $body:expr) => {
        Case {
            func: $func,
            class: Class::$class,
            want: $want,
            needle: $needle,
            only: Only::$only,
            run: |$be: &Be| -> um::Result<()> { $body },
        }
    };
}

/// Two cases, all-NaN and one +Inf among finite values: `$v` is a function `shape -> ArrayD<f64>`
/// giving the bad array.
macro_rules! nonfinite {
    ($func:expr, $arg:expr, |$v:ident, $be:ident| $body:expr) => {
        [
            Case {
                func: $func,
                class: Class::AllNan,
                want: Want::NonFinite($arg),
                needle: "non-finite values (NaN or ±Inf)",
                only: Only::Both,
                run: |$be: &Be| -> um::Result<()> {
                    let $v = |s: &[usize]| ArrayD::<f64>::from_elem(IxDyn(s), f64::NAN);
                    $body
                },
            },
            Case {
                func: $func,
                class: Class::Inf,
                want: Want::NonFinite($arg),
                needle: "contains 1 non-finite values",
                only: Only::Both,
                run: |$be: &Be| -> um::Result<()> {
                    let $v = |s: &[usize]| {
                        let mut a = ramp(s);
                        *a.iter_mut().last().unwrap() = f64::INFINITY;
                        a
                    };
                    $body
                },
            },
        ]
    };
}

fn ramp(shape: &[usize]) -> ArrayD<f64> {
    let mut k = 0.0;
    ArrayD::from_shape_simple_fn(IxDyn(shape), || {
        k += 1.0;
        (k * 0.7f64).sin() + 0.1 * k
    })
}

fn ch() -> Array3<f64> {
    ramp(&[8, 3, 4]).into_dimensionality().unwrap()
}

fn img() -> Array2<f64> {
    Array2::from_shape_fn((9, 11), |(i, j)| {
        let (y, x) = (i as f64 - 4.0, j as f64 - 5.0);
        (-(y * y) / 4.0 - x * x / 6.0).exp()
    })
}

fn empty1() -> Array1<f64> {
    Array1::zeros(0)
}

fn devs() -> Vec<Device> {
    Device::cpu_devices().expect("the PJRT CPU plugin has 4 devices")
}

fn thr(max: f64, min: Option<f64>) -> ThresholdParams {
    ThresholdParams {
        max_threshold: max,
        min_threshold: min,
    }
}

fn axis(n: usize) -> Array1<f64> {
    Array1::from_shape_fn(n, |i| i as f64)
}

// rustfmt wraps long one-call bodies in braces, which the macros wrap in a closure block again
#[allow(unused_braces)]
fn cases() -> Vec<Case> {
    let mut v: Vec<Case> = Vec::new();

    // ----- coherence family: channel_images (M, *img) -----
    v.extend([
        case!("coherence_factor", Rank, Want::Arg("channel_images"), "at least 2 dimensions", |be| {
            on!(be, [x = array![1.0, 2.0]] => um::coherence_factor(&x, CfParams::default()))
        }),
        case!("coherence_factor", Rank, Want::Arg("channel_images"), "at least 3 dimensions", |be| {
            on!(be, [x = ch().index_axis_move(ndarray::Axis(2), 0)] =>
                um::coherence_factor(&x, CfParams { frames: true, ..Default::default() }))
        }),
        case!("coherence_factor", Empty, Want::Arg("channel_images"), "no receive elements", |be| {
            on!(be, [x = Array3::<f64>::zeros((0, 3, 4))] => um::coherence_factor(&x, CfParams::default()))
        }),
        case!("generalized_coherence_factor", Rank, Want::Arg("channel_images"), "at least 2 dimensions", |be| {
            on!(be, [x = ArrayD::<f64>::from_elem(IxDyn(&[]), 1.0)] => um::generalized_coherence_factor(&x, GcfParams::default()))
        }),
        case!("generalized_coherence_factor", Empty, Want::Arg("channel_images"), "no receive elements", |be| {
            on!(be, [x = Array2::<Complex32>::zeros((0, 5))] => um::generalized_coherence_factor(&x, GcfParams::default()))
        }),
        case!("generalized_coherence_factor", Param, Want::Arg("m0"), "must be < num_elements/2", |be| {
            on!(be, [x = ch()] => um::generalized_coherence_factor(&x, GcfParams { m0: 4, ..Default::default() }))
        }),
        case!("phase_coherence_factor", Rank, Want::Arg("channel_images"), "at least 2 dimensions", |be| {
            on!(be, [x = array![1.0f32]] => um::phase_coherence_factor(&x, PcfParams::default()))
        }),
        case!("phase_coherence_factor", Empty, Want::Arg("channel_images"), "no receive elements", |be| {
            on!(be, [x = Array2::<f32>::zeros((0, 5))] => um::phase_coherence_factor(&x, PcfParams::default()))
        }),
        case!("phase_coherence_factor", Param, Want::Arg("power"), "non-negative, got -1", |be| {
            on!(be, [x = ch()] => um::phase_coherence_factor(&x, PcfParams { power: -1.0, ..Default::default() }))
        }),
        case!("phase_coherence_factor", Param, Want::Arg("power"), "got NaN", |be| {
            on!(be, [x = ch()] => um::phase_coherence_factor(&x, PcfParams { power: f64::NAN, ..Default::default() }))
        }),
        case!("sign_coherence_factor", Rank, Want::Arg("channel_images"), "at least 2 dimensions", |be| {
            on!(be, [x = array![1i32, 2]] => um::sign_coherence_factor(&x, ScfParams::default()))
        }),
        case!("sign_coherence_factor", Empty, Want::Arg("channel_images"), "no receive elements", |be| {
            on!(be, [x = Array2::<f64>::zeros((0, 5))] => um::sign_coherence_factor(&x, ScfParams::default()))
        }),
        case!("sign_coherence_factor", Param, Want::Arg("power"), "got inf", |be| {
            on!(be, [x = ch()] => um::sign_coherence_factor(&x, ScfParams { power: f64::INFINITY, ..Default::default() }))
        }),
        case!("sign_coherence_factor", Param, Want::Arg("power"), "non-negative, got -0.5", |be| {
            on!(be, [x = ch()] => um::sign_coherence_factor(&x, ScfParams { power: -0.5, ..Default::default() }))
        }),
    ]);
    v.extend(nonfinite!(
        "coherence_factor",
        "channel_images",
        |bad, be| {
            on!(be, [x = bad(&[8, 3, 4])] => um::coherence_factor(&x, CfParams::default()))
        }
    ));
    v.extend(nonfinite!(
        "generalized_coherence_factor",
        "channel_images",
        |bad, be| {
            on!(be, [x = bad(&[8, 3, 4]).mapv(|v| Complex64::new(1.0, v))] =>
            um::generalized_coherence_factor(&x, GcfParams::default()))
        }
    ));
    v.extend(nonfinite!("phase_coherence_factor", "channel_images", |bad, be| {
        on!(be, [x = bad(&[8, 3, 4]).mapv(|v| v as f32)] => um::phase_coherence_factor(&x, PcfParams::default()))
    }));
    v.extend(nonfinite!(
        "sign_coherence_factor",
        "channel_images",
        |bad, be| {
            on!(be, [x = bad(&[8, 3, 4]).mapv(|v| Complex32::new(v as f32, 0.5))] =>
            um::sign_coherence_factor(&x, ScfParams::default()))
        }
    ));

    // ----- region statistics: two regions, any shapes -----
    v.extend([
        case!("contrast", Empty, Want::Arg("values_inside"), "is empty", |be| {
            on!(be, [a = empty1(), b = array![1.0, 2.0]] => um::contrast(&a, &b, Default::default()))
        }),
        case!("contrast", Empty, Want::Arg("values_outside"), "is empty", |be| {
            on!(be, [a = array![1.0, 2.0], b = Array2::<f64>::zeros((3, 0))] => um::contrast(&a, &b, Default::default()))
        }),
        case!("compute_cnr", Empty, Want::Arg("values_signal"), "must not be empty", |be| {
            on!(be, [a = empty1(), b = array![1.0, 2.0]] => um::compute_cnr(&a, &b, Default::default()))
        }),
        case!("compute_cnr", Empty, Want::Arg("values_noise"), "must not be empty", |be| {
            on!(be, [a = array![1.0, 2.0], b = empty1()] => um::compute_cnr(&a, &b, Default::default()))
        }),
        case!("gcnr", Empty, Want::Arg("values_inside"), "is empty", |be| {
            on!(be, [a = empty1(), b = array![1.0, 2.0]] => um::gcnr(&a, &b, Default::default()))
        }),
        case!("gcnr", Empty, Want::Arg("values_outside"), "is empty", |be| {
            on!(be, [a = array![1.0, 2.0], b = empty1()] => um::gcnr(&a, &b, Default::default()))
        }),
        case!("gcnr", Param, Want::Arg("bins"), "must be ≥ 1, got 0", |be| {
            on!(be, [a = array![1.0, 2.0], b = array![3.0]] =>
                um::gcnr(&a, &b, GcnrParams { bins: Bins::Count(0) }))
        }),
        case!("gcnr", Param, Want::Arg("bins"), "at most 2147483646 bins", |be| {
            on!(be, [a = array![1.0, 2.0], b = array![3.0]] =>
                um::gcnr(&a, &b, GcnrParams { bins: Bins::Count(i32::MAX as usize) }))
        }),
        case!("gcnr", Param, Want::Arg("bins"), "must increase monotonically", |be| {
            on!(be, [a = array![1.0, 2.0], b = array![3.0]] =>
                um::gcnr(&a, &b, GcnrParams { bins: Bins::Edges(vec![3.0, 2.0, 1.0]) }))
        }),
        case!("gcnr", Param, Want::Arg("bins"), "NaN", |be| {
            on!(be, [a = array![1.0, 2.0], b = array![3.0]] =>
                um::gcnr(&a, &b, GcnrParams { bins: Bins::Edges(vec![0.0, f64::NAN, 4.0]) }))
        }),
        case!("gcnr", Param, Want::Arg("bins"), "at least 2", |be| {
            on!(be, [a = array![1.0, 2.0], b = array![3.0]] =>
                um::gcnr(&a, &b, GcnrParams { bins: Bins::Edges(vec![1.0]) }))
        }),
        case!("compute_rf_snr", Empty, Want::Arg("signal_data"), "is empty", |be| {
            on!(be, [a = empty1(), b = array![1.0, 2.0]] => um::compute_rf_snr(&a, &b, Default::default()))
        }),
        case!("compute_rf_snr", Empty, Want::Arg("noise_data"), "is empty", |be| {
            on!(be, [a = array![1.0, 2.0], b = empty1()] => um::compute_rf_snr(&a, &b, Default::default()))
        }),
        case!("compute_rf_snr", Param, Want::Arg("noise_data"), "noise power is zero", |be| {
            on!(be, [a = array![1.0, 2.0], b = array![0.5, 0.5, 0.5]] => um::compute_rf_snr(&a, &b, Default::default()))
        }),
        case!("tsnr", Rank, Want::Arg("data"), "at least 2 dimensions", |be| {
            on!(be, [x = array![1.0, 2.0, 3.0]] => um::tsnr(&x, Default::default()))
        }),
        case!("tsnr", Empty, Want::Arg("data"), "at least 2 points, got 0", |be| {
            on!(be, [x = Array2::<f64>::zeros((3, 0))] => um::tsnr(&x, Default::default()))
        }),
        case!("find_signal_and_noise", Rank, Want::Arg("data"), "at least 1 dimension", |be| {
            on!(be, [x = ndarray::arr0(1.0)] => um::find_signal_and_noise(&x, Default::default()))
        }),
        case!("find_signal_and_noise", Empty, Want::Arg("data"), "no samples", |be| {
            on!(be, [x = empty1()] => um::find_signal_and_noise_ranges(&x, Default::default()))
        }),
        case!("find_signal_and_noise", Param, Want::Arg("data"), "ignore_until", |be| {
            on!(be, [x = array![1.0, 2.0]] => um::find_signal_and_noise_ranges(
                &x, um::metrics::FsnParams { ignore_until: 5, ..Default::default() }))
        }),
        case!("find_signal_and_noise", Param, Want::Arg("signal_width"), "empty signal window", |be| {
            on!(be, [x = array![1.0, 2.0, 3.0]] => um::find_signal_and_noise(
                &x, um::metrics::FsnParams {
                    signal_width: um::metrics::SignalWidth::Total(0),
                    ..Default::default()
                }))
        }),
        case!("find_signal_and_noise", Param, Want::Arg("signal_width"), "at least 1", |be| {
            on!(be, [x = array![1.0, 2.0, 3.0]] => um::find_signal_and_noise_ranges(
                &x, um::metrics::FsnParams {
                    signal_width: um::metrics::SignalWidth::Window { before: 0, after: 0 },
                    ..Default::default()
                }))
        }),
    ]);
    v.extend(nonfinite!("contrast", "values_inside", |bad, be| {
        on!(be, [a = bad(&[4, 5]), b = ramp(&[6])] => um::contrast(&a, &b, Default::default()))
    }));
    v.extend(nonfinite!("contrast", "values_outside", |bad, be| {
        on!(be, [a = ramp(&[6]).mapv(|v| v as f32), b = bad(&[7]).mapv(|v| v as f32)] =>
            um::contrast(&a, &b, Default::default()))
    }));
    v.extend(nonfinite!("compute_cnr", "values_signal", |bad, be| {
        on!(be, [a = bad(&[5]), b = ramp(&[6])] => um::compute_cnr(&a, &b, Default::default()))
    }));
    v.extend(nonfinite!("compute_cnr", "values_noise", |bad, be| {
        on!(be, [a = ramp(&[5]), b = bad(&[3, 2])] => um::compute_cnr(&a, &b, Default::default()))
    }));
    v.extend(nonfinite!("gcnr", "values_inside", |bad, be| {
        on!(be, [a = bad(&[5]), b = ramp(&[6])] => um::gcnr(&a, &b, Default::default()))
    }));
    v.extend(nonfinite!("gcnr", "values_outside", |bad, be| {
        on!(be, [a = ramp(&[5]), b = bad(&[6])] => um::gcnr(&a, &b, Default::default()))
    }));
    v.extend(nonfinite!("compute_rf_snr", "signal_data", |bad, be| {
        on!(be, [a = bad(&[5]), b = ramp(&[6])] => um::compute_rf_snr(&a, &b, Default::default()))
    }));
    v.extend(nonfinite!("compute_rf_snr", "noise_data", |bad, be| {
        on!(be, [a = ramp(&[5]), b = bad(&[6])] => um::compute_rf_snr(&a, &b, Default::default()))
    }));
    v.extend(nonfinite!("tsnr", "data", |bad, be| {
        on!(be, [x = bad(&[3, 4])] => um::tsnr(&x, Default::default()))
    }));
    v.extend(nonfinite!("find_signal_and_noise", "data", |bad, be| {
        on!(be, [x = bad(&[40])] => um::find_signal_and_noise(&x, Default::default()))
    }));

    // ----- sharpness -----
    v.extend([
        case!("tenengrad", Rank, Want::Arg("image"), "must be 2-D", |be| {
            on!(be, [x = ch()] => um::tenengrad(&x, None, TenengradParams::default()))
        }),
        case!("tenengrad", Empty, Want::Arg("image"), "is empty", |be| {
            on!(be, [x = Array2::<f64>::zeros((0, 4))] => um::tenengrad(&x, None, TenengradParams::default()))
        }),
        case!("tenengrad", Shape, Want::Arg("roi"), "does not match the image's shape", |be| {
            on!(be, [x = img(), r = Array2::from_elem((3, 3), true)] =>
                um::tenengrad(&x, Some(&r), TenengradParams::default()))
        }),
        case!("tenengrad", Empty, Want::Arg("roi"), "no pixel is true", |be| {
            on!(be, [x = img(), r = Array2::from_elem((9, 11), false)] =>
                um::tenengrad(&x, Some(&r), TenengradParams { normalize: true, ..Default::default() }))
        }),
        case!("tenengrad", Param, Want::Arg("sobel_kernel"), "must be odd", |be| {
            on!(be, [x = img()] => um::tenengrad(&x, None,
                TenengradParams { sobel_kernel: Some(Array2::ones((2, 3))), ..Default::default() }))
        }),
        case!("tenengrad", Param, Want::Arg("sobel_kernel"), "must be finite, got NaN", |be| {
            on!(be, [x = img()] => um::tenengrad(&x, None,
                TenengradParams { sobel_kernel: Some(array![[f64::NAN, 0.0, 1.0]]), ..Default::default() }))
        }),
        case!("tenengrad", Devices, Want::Devices("image", "roi"), "different devices", Pjrt, |_be| {
            let d = devs();
            let (x, r) = (d[0].put(&img())?, d[1].put(&Array2::from_elem((9, 11), true))?);
            um::tenengrad(&x, Some(&r), TenengradParams::default()).map(drop)
        }),
    ]);
    v.extend(nonfinite!("tenengrad", "image", |bad, be| {
        on!(be, [x = bad(&[6, 7]).into_dimensionality::<ndarray::Ix2>().unwrap()] =>
            um::tenengrad(&x, None, TenengradParams::default()))
    }));

    // ----- clipping -----
    v.extend([
        case!("is_clipped_threshold", Rank, Want::Arg("data"), "at least 1 dimension", |be| {
            on!(be, [x = ndarray::arr0(0.5)] => um::is_clipped_threshold(&x, ThresholdParams::new(0.8)))
        }),
        case!("is_clipped_threshold", Param, Want::Arg("max_threshold"), "must not be NaN", |be| {
            on!(be, [x = ramp(&[2, 5])] => um::is_clipped_threshold(&x, ThresholdParams::new(f64::NAN)))
        }),
        case!("is_clipped_threshold", Param, Want::Arg("min_threshold"), "inverted range", |be| {
            on!(be, [x = ramp(&[2, 5])] => um::is_clipped_threshold(&x, thr(0.5, Some(0.9))))
        }),
        case!("is_clipped_threshold", Param, Want::Arg("min_threshold"), "−max_threshold", |be| {
            on!(be, [x = ramp(&[2, 5])] => um::is_clipped_threshold(&x, ThresholdParams::new(-0.5)))
        }),
        case!("is_clipped_max_amplitude", Rank, Want::Arg("data"), "at least 1 dimension", |be| {
            on!(be, [x = ndarray::arr0(0.5)] => um::is_clipped_max_amplitude(&x, MaxAmplitudeParams::default()))
        }),
        case!("is_clipped_max_amplitude", Param, Want::Arg("min_contiguous"), "at least 1", |be| {
            on!(be, [x = ramp(&[9])] => um::is_clipped_max_amplitude(
                &x, MaxAmplitudeParams { min_contiguous: 0, ..Default::default() }))
        }),
        case!("is_clipped_max_amplitude", Param, Want::Arg("range_factor"), "non-negative, got -0.1", |be| {
            on!(be, [x = ramp(&[9])] => um::is_clipped_max_amplitude(
                &x, MaxAmplitudeParams { range_factor: RangeFactor::Both(-0.1), ..Default::default() }))
        }),
        case!("is_clipped_max_amplitude", Param, Want::Arg("range_factor"), "must not be None", |be| {
            on!(be, [x = ramp(&[9])] => um::is_clipped_max_amplitude(
                &x, MaxAmplitudeParams { range_factor: RangeFactor::Sides { low: None, high: None }, ..Default::default() }))
        }),
        case!("clip_ratio", Rank, Want::Arg("data"), "at least 1 dimension", |be| {
            on!(be, [x = ndarray::arr0(0.5)] => um::clip_ratio(&x, ClipMethod::Threshold(ThresholdParams::new(0.8))))
        }),
        case!("clip_ratio", Empty, Want::Arg("data"), "is empty", |be| {
            on!(be, [x = Array2::<f32>::zeros((2, 0))] => um::clip_ratio(&x, ClipMethod::Threshold(ThresholdParams::new(0.8))))
        }),
        case!("clip_ratio", Param, Want::Arg("min_threshold"), "inverted range", |be| {
            on!(be, [x = ramp(&[4])] => um::clip_ratio(&x, ClipMethod::Threshold(thr(0.1, Some(0.2)))))
        }),
        case!("clip_ratio", Param, Want::Arg("min_contiguous"), "at least 1", |be| {
            on!(be, [x = ramp(&[4])] => um::clip_ratio(&x, ClipMethod::MaxAmplitude(
                MaxAmplitudeParams { min_contiguous: 0, ..Default::default() })))
        }),
    ]);
    v.extend(nonfinite!("is_clipped_threshold", "data", |bad, be| {
        on!(be, [x = bad(&[2, 5])] => um::is_clipped_threshold(&x, ThresholdParams::new(0.8)))
    }));
    v.extend(nonfinite!("is_clipped_max_amplitude", "data", |bad, be| {
        on!(be, [x = bad(&[2, 5])] => um::is_clipped_max_amplitude(&x, MaxAmplitudeParams::default()))
    }));
    v.extend(nonfinite!("clip_ratio", "data", |bad, be| {
        on!(be, [x = bad(&[2, 5])] => um::clip_ratio(&x, ClipMethod::Threshold(ThresholdParams::new(0.8))))
    }));

    // ----- B-mode -----
    v.extend([
        case!(
            "decibel",
            Dtype,
            Want::Dtype("values"),
            "has dtype int32",
            |be| { on!(be, [x = array![1i32, 2]] => um::decibel(&x)) }
        ),
        case!(
            "db_zero",
            Dtype,
            Want::Dtype("values"),
            "has dtype int64",
            |be| { on!(be, [x = array![1i64, 2]] => um::db_zero(&x)) }
        ),
    ]);
    v.extend(nonfinite!("decibel", "values", |bad, be| {
        on!(be, [x = bad(&[3, 3])] => um::decibel(&x))
    }));
    v.extend(nonfinite!("db_zero", "values", |bad, be| {
        on!(be, [x = bad(&[3, 3]).mapv(|v| Complex32::new(v as f32, 1.0))] => um::db_zero(&x))
    }));
    v.extend(nonfinite!("create_bmode_image", "complex_data", |bad, be| {
        on!(be, [x = bad(&[3, 3]).mapv(|v| Complex64::new(0.0, v))] => um::create_bmode_image(&x))
    }));

    // ----- motion -----
    v.extend([
        case!(
            "corrcoef",
            Rank,
            Want::Arg("vectors"),
            "at least 1 dimension",
            |be| { on!(be, [x = ndarray::arr0(1.0)] => um::corrcoef(&x)) }
        ),
        case!(
            "corrcoef",
            Empty,
            Want::Arg("vectors"),
            "at least one non-empty vector",
            |be| { on!(be, [x = Array2::<f64>::zeros((3, 0))] => um::corrcoef(&x)) }
        ),
        case!(
            "pairwise_corrcoef",
            Empty,
            Want::Arg("vectors"),
            "at least one non-empty vector",
            |be| {
                on!(be, [x = Array2::<f64>::zeros((0, 4))] => um::pairwise_corrcoef(&x, Pairs::All))
            }
        ),
        case!(
            "pairwise_corrcoef",
            Shape,
            Want::Arg("pairs"),
            "must have shape (P, 2)",
            |be| {
                let p = Array2::<i64>::zeros((2, 3));
                on!(be, [x = ramp(&[3, 4])] => um::pairwise_corrcoef(&x, Pairs::Explicit(p.view())))
            }
        ),
        case!(
            "pairwise_corrcoef",
            Param,
            Want::Arg("pairs"),
            "out of range",
            |be| {
                let p = array![[0i64, 1], [2, 5]];
                on!(be, [x = ramp(&[3, 4])] => um::pairwise_corrcoef(&x, Pairs::Explicit(p.view())))
            }
        ),
        case!(
            "pairwise_corrcoef",
            Param,
            Want::Arg("pairs"),
            "index -1",
            |be| {
                let p = array![[0i64, -1]];
                on!(be, [x = ramp(&[3, 4])] => um::pairwise_corrcoef(&x, Pairs::Explicit(p.view())))
            }
        ),
        case!(
            "pairwise_corrcoef_agg",
            Rank,
            Want::Arg("vectors"),
            "at least 1 dimension",
            |be| { on!(be, [x = ndarray::arr0(1.0f32)] => um::pairwise_corrcoef_agg(&x)) }
        ),
        case!(
            "pairwise_corrcoef_agg",
            Empty,
            Want::Arg("vectors"),
            "at least one non-empty vector",
            |be| { on!(be, [x = Array2::<f32>::zeros((2, 0))] => um::pairwise_corrcoef_agg(&x)) }
        ),
    ]);
    v.extend(nonfinite!("corrcoef", "vectors", |bad, be| {
        on!(be, [x = bad(&[3, 4])] => um::corrcoef(&x))
    }));
    v.extend(nonfinite!("pairwise_corrcoef", "vectors", |bad, be| {
        on!(be, [x = bad(&[3, 4])] => um::pairwise_corrcoef(&x, Pairs::All))
    }));
    v.extend(nonfinite!("pairwise_corrcoef_agg", "vectors", |bad, be| {
        on!(be, [x = bad(&[3, 4]).mapv(|v| Complex64::new(v, 0.0))] => um::pairwise_corrcoef_agg(&x))
    }));

    // ----- channel noise -----
    v.extend([
        case!("noise_repeated_measurements", Rank, Want::Arg("data"), "0-d", |be| {
            on!(be, [x = ndarray::arr0(1.0)] => um::noise_repeated_measurements(&x))
        }),
        case!("noise_adjacent_frames", Empty, Want::Arg("data"), "empty", |be| {
            on!(be, [x = Array2::<f64>::zeros((0, 3))] => um::noise_adjacent_frames(&x))
        }),
        case!("noise_adjacent_frames", Rank, Want::Arg("data"), "0-d", |be| {
            on!(be, [x = ndarray::arr0(1.0)] => um::channel_noise(&x, NoiseMethod::AdjacentFrames))
        }),
    ]);
    v.extend(nonfinite!(
        "noise_repeated_measurements",
        "data",
        |bad, be| {
            on!(be, [x = bad(&[3, 4])] => um::channel_noise(&x, NoiseMethod::RepeatedMeasurements))
        }
    ));
    v.extend(nonfinite!("noise_adjacent_frames", "data", |bad, be| {
        on!(be, [x = bad(&[3, 4])] => um::noise_adjacent_frames(&x))
    }));

    // ----- resolution (host algorithms; device arrays are copied to the host) -----
    v.extend([
        case!("compute_fwhm", Rank, Want::Arg("img"), "1 to 4 dimensions", |be| {
            on!(be, [x = ramp(&[2, 2, 2, 2, 2])] => um::compute_fwhm(&x, FwhmParams::default()))
        }),
        case!("compute_fwhm", Empty, Want::Arg("img"), "is empty", |be| {
            on!(be, [x = Array2::<f64>::zeros((0, 3))] => um::compute_fwhm(&x, FwhmParams::default()))
        }),
        case!("compute_fwhm", Param, Want::Arg("level"), "in (0, 1), got 1.5", |be| {
            on!(be, [x = img()] => um::compute_fwhm(&x, FwhmParams { level: Level::Fraction(1.5), ..Default::default() }))
        }),
        case!("compute_fwhm", Param, Want::Arg("level"), "finite and negative, got 6", |be| {
            on!(be, [x = img()] => um::compute_fwhm(&x, FwhmParams { level: Level::Db(6.0), ..Default::default() }))
        }),
        case!("compute_fwhm", Param, Want::Arg("grid_spacing"), "finite and positive", |be| {
            on!(be, [x = img()] => um::compute_fwhm(&x, FwhmParams { grid_spacing: Some(vec![0.0, 1.0]), ..Default::default() }))
        }),
        case!("compute_fwhm", Shape, Want::Arg("grid_spacing"), "has 3 entries", |be| {
            on!(be, [x = img()] => um::compute_fwhm(&x, FwhmParams { grid_spacing: Some(vec![1.0; 3]), ..Default::default() }))
        }),
        case!("compute_fwhm", Param, Want::Arg("target_radius"), "finite and non-negative", |be| {
            on!(be, [x = img()] => um::compute_fwhm(&x, FwhmParams { target_radius: Some(-1.0), ..Default::default() }))
        }),
        case!("compute_fwhm", Param, Want::Arg("dims_to_measure"), "out of range", |be| {
            on!(be, [x = img()] => um::compute_fwhm(&x, FwhmParams { dims_to_measure: Some(vec![5]), ..Default::default() }))
        }),
        case!("compute_fwhm", Shape, Want::Arg("roi_indices"), "not a valid index", |be| {
            on!(be, [x = img()] => um::compute_fwhm(&x, FwhmParams { roi_indices: Some(vec![vec![1, 2, 3]]), ..Default::default() }))
        }),
        case!("compute_sll", Rank, Want::Arg("img"), "1 to 4 dimensions", |be| {
            on!(be, [x = ramp(&[2, 2, 2, 2, 2]).mapv(|v| v as f32)] => um::compute_sll(&x, SllParams::default()))
        }),
        case!("compute_sll", Empty, Want::Arg("img"), "is empty", |be| {
            on!(be, [x = empty1()] => um::compute_sll(&x, SllParams::default()))
        }),
        case!("compute_sll", Param, Want::Arg("target_radius"), "finite and non-negative", |be| {
            on!(be, [x = img()] => um::compute_sll(&x, SllParams { target_radius: Some(f64::NAN), ..Default::default() }))
        }),
        case!("compute_sll", Param, Want::Arg("roi_indices"), "is empty", |be| {
            on!(be, [x = img()] => um::compute_sll(&x, SllParams { roi_indices: Some(vec![]), ..Default::default() }))
        }),
    ]);
    v.extend(nonfinite!("compute_fwhm", "img", |bad, be| {
        on!(be, [x = bad(&[5, 6])] => um::compute_fwhm(&x, FwhmParams::default()))
    }));
    v.extend(nonfinite!("compute_sll", "img", |bad, be| {
        on!(be, [x = bad(&[5, 6]).mapv(|v| v as f32)] => um::compute_sll(&x, SllParams::default()))
    }));

    // ----- ROI masks -----
    v.extend([
        case!("create_circular_mask", Rank, Want::Arg("x_axis"), "must be 1-D", |be| {
            on!(be, [x = Array2::<f64>::zeros((2, 2)), z = Array2::<f64>::zeros((2, 2))] =>
                um::create_circular_mask((0.0, 0.0), 1.0, &x, &z))
        }),
        case!("create_circular_mask", Empty, Want::Arg("z_axis"), "is empty", |be| {
            on!(be, [x = axis(4), z = axis(0)] => um::create_circular_mask((0.0, 0.0), 1.0, &x, &z))
        }),
        case!("create_circular_mask", Dtype, Want::Dtype("x_axis"), "has dtype complex128", |be| {
            on!(be, [x = axis(3).mapv(|v| Complex64::new(v, 0.0)), z = axis(3).mapv(|v| Complex64::new(v, 0.0))] =>
                um::create_circular_mask((0.0, 0.0), 1.0, &x, &z))
        }),
        case!("create_circular_mask", Param, Want::Arg("radius"), "non-negative, got -1", |be| {
            on!(be, [x = axis(4), z = axis(4)] => um::create_circular_mask((0.0, 0.0), -1.0, &x, &z))
        }),
        case!("create_circular_mask", Param, Want::Arg("radius"), "got NaN", |be| {
            on!(be, [x = axis(4), z = axis(4)] => um::create_circular_mask((0.0, 0.0), f64::NAN, &x, &z))
        }),
        case!("create_circular_mask", Param, Want::Arg("position"), "must be finite", |be| {
            on!(be, [x = axis(4), z = axis(4)] => um::create_circular_mask((f64::NAN, 0.0), 1.0, &x, &z))
        }),
        case!("create_circular_mask", Devices, Want::Devices("x_axis", "z_axis"), "different devices", Pjrt, |_be| {
            let d = devs();
            let (x, z) = (d[0].put(&axis(4))?, d[1].put(&axis(4))?);
            um::create_circular_mask((0.0, 0.0), 1.0, &x, &z).map(drop)
        }),
        case!("create_rectangular_mask", Param, Want::Arg("dimension"), "width must be finite and non-negative, got -2", |be| {
            on!(be, [x = axis(4), z = axis(4)] => um::create_rectangular_mask((0.0, 0.0), (-2.0, 1.0), &x, &z))
        }),
        case!("create_rectangular_mask", Param, Want::Arg("top_left"), "must be finite", |be| {
            on!(be, [x = axis(4), z = axis(4)] => um::create_rectangular_mask((0.0, f64::INFINITY), (2.0, 1.0), &x, &z))
        }),
        case!("create_rectangular_mask", Rank, Want::Arg("z_axis"), "must be 1-D", |be| {
            on!(be, [x = ramp(&[4]), z = ramp(&[2, 2])] => um::create_rectangular_mask((0.0, 0.0), (2.0, 1.0), &x, &z))
        }),
        case!("build_mask", Param, Want::Arg("dimension"), "Rectangle requires dimension=(width, height)", |be| {
            on!(be, [x = axis(4), z = axis(4)] => um::build_mask((1.0, 1.0), 2.0, &x, &z, MaskShape::Rectangle))
        }),
        case!("build_mask", Param, Want::Arg("dimension"), "height must be finite and non-negative", |be| {
            on!(be, [x = axis(4), z = axis(4)] => um::build_mask((1.0, 1.0), (2.0, -3.0), &x, &z, MaskShape::Square))
        }),
        case!("build_mask", Empty, Want::Arg("x_axis"), "is empty", |be| {
            on!(be, [x = axis(0), z = axis(4)] => um::build_mask((1.0, 1.0), 2.0, &x, &z, MaskShape::Circle))
        }),
        case!("select", Shape, Want::Arg("mask"), "does not match the values' shape", |be| {
            on!(be, [x = ramp(&[3, 4]), m = Array2::from_elem((4, 3), true)] => um::roi::select(&x, &m))
        }),
        case!("select", Devices, Want::Devices("values", "mask"), "different devices", Pjrt, |_be| {
            let d = devs();
            let (x, m) = (d[2].put(&ramp(&[3]))?, d[3].put(&array![true, false, true])?);
            um::roi::select(&x, &m).map(drop)
        }),
    ]);
    v.extend(nonfinite!("create_circular_mask", "x_axis", |bad, be| {
        on!(be, [x = bad(&[4]), z = axis(4).into_dyn()] => um::create_circular_mask((0.0, 0.0), 1.0, &x, &z))
    }));
    v.extend(nonfinite!("build_mask", "z_axis", |bad, be| {
        on!(be, [x = axis(4).into_dyn(), z = bad(&[4])] => um::build_mask((1.0, 1.0), (2.0, 2.0), &x, &z, MaskShape::Rectangle))
    }));
    v.extend(nonfinite!("select", "values", |bad, be| {
        on!(be, [x = bad(&[3]), m = array![true, false, true]] => um::roi::select(&x, &m))
    }));

    // ----- mixed devices: every two-array statistic -----
    v.extend([
        case!(
            "contrast",
            Devices,
            Want::Devices("values_inside", "values_outside"),
            "different devices",
            Pjrt,
            |_be| {
                let d = devs();
                let (a, b) = (d[0].put(&ramp(&[4]))?, d[1].put(&ramp(&[5]))?);
                um::contrast(&a, &b, Default::default()).map(drop)
            }
        ),
        case!(
            "compute_cnr",
            Devices,
            Want::Devices("values_signal", "values_noise"),
            "different devices",
            Pjrt,
            |_be| {
                let d = devs();
                let (a, b) = (d[1].put(&ramp(&[4]))?, d[0].put(&ramp(&[5]))?);
                um::compute_cnr(&a, &b, Default::default()).map(drop)
            }
        ),
        case!(
            "gcnr",
            Devices,
            Want::Devices("values_inside", "values_outside"),
            "different devices",
            Pjrt,
            |_be| {
                let d = devs();
                let (a, b) = (d[0].put(&ramp(&[4]))?, d[3].put(&ramp(&[5]))?);
                um::gcnr(&a, &b, Default::default()).map(drop)
            }
        ),
        case!(
            "compute_rf_snr",
            Devices,
            Want::Devices("signal_data", "noise_data"),
            "different devices",
            Pjrt,
            |_be| {
                let d = devs();
                let (a, b) = (d[0].put(&ramp(&[4]))?, d[2].put(&ramp(&[5]))?);
                um::compute_rf_snr(&a, &b, Default::default()).map(drop)
            }
        ),
    ]);

    // ----- gradients -----
    v.extend([
        case!("grad", Dtype, Want::Dtype("x"), "has dtype int32", |be| {
            let obj = um::grad::Objective::new("sum", |a| Ok(a[0].cast(um::DType::F64).sum_all()));
            on!(be, [x = array![1i32, 2]] => obj.value(&x, &[]))
        }),
        case!(
            "grad",
            Param,
            Want::Arg("objective"),
            "must return a real scalar",
            |be| {
                let obj = um::grad::Objective::new("not_scalar", |a| Ok(a[0].clone()));
                on!(be, [x = array![1.0, 2.0]] => obj.value_and_grad(&x, &[]))
            }
        ),
    ]);

    // ----- devices and device arrays -----
    v.extend([
        case!(
            "Device::from_plugin",
            Param,
            Want::Arg("ordinal"),
            "4",
            Pjrt,
            |be| {
                let Be::Pjrt(d) = be else { unreachable!() };
                Device::from_plugin(d.plugin_path(), 99).map(drop)
            }
        ),
        case!(
            "DeviceArray::from_raw",
            Dtype,
            Want::Dtype("raw"),
            "has dtype float32",
            Pjrt,
            |be| {
                let Be::Pjrt(d) = be else { unreachable!() };
                let a = d.put(&array![1.0f32, 2.0])?;
                um::DeviceArray::<f64, ndarray::Ix1>::from_untyped(a.untyped()).map(drop)
            }
        ),
        case!(
            "DeviceArray::from_raw",
            Rank,
            Want::Arg("raw"),
            "expected rank 2",
            Pjrt,
            |be| {
                let Be::Pjrt(d) = be else { unreachable!() };
                let a = d.put(&array![1.0f32, 2.0])?;
                um::DeviceArray::<f32, ndarray::Ix2>::from_untyped(a.untyped()).map(drop)
            }
        ),
        case!(
            "AlignedArray::from_vec",
            Shape,
            Want::Arg("data"),
            "has 2 elements, the shape [3] needs 3",
            Host,
            |_be| {
                um::runtime::AlignedArray::from_vec(ndarray::Ix1(3), vec![1.0f64, 2.0]).map(drop)
            }
        ),
    ]);

    // ----- files: dtype and corruption are run-time values -----
    v.extend([
        case!("read_npy", Dtype, Want::Io, "<U3", Host, |_be| {
            let dir = tempfile::tempdir().expect("temp dir");
            let p = dir.path().join("strings.npy");
            std::fs::write(&p, npy_bytes("<U3", "(2,)", &[0u8; 24])).expect("write");
            um::io::npy::read_npy(&p).map(drop)
        }),
        case!("read_array", Param, Want::Io, "truncated", Host, |_be| {
            let dir = tempfile::tempdir().expect("temp dir");
            let p = dir.path().join("short.npy");
            std::fs::write(&p, npy_bytes("<f8", "(4,)", &[0u8; 7])).expect("write");
            um::io::read_array(&p, None).map(drop)
        }),
    ]);
    v
}

/// A version-1 `.npy` file with this header and payload.
fn npy_bytes(descr: &str, shape: &str, payload: &[u8]) -> Vec<u8> {
    let mut header = format!("{{'descr': '{descr}', 'fortran_order': False, 'shape': {shape}, }}");
    while (10 + header.len() + 1) % 64 != 0 {
        header.push(' ');
    }
    header.push('\n');
    let mut out = b"\x93NUMPY\x01\x00".to_vec();
    out.extend_from_slice(&(header.len() as u16).to_le_bytes());
    out.extend_from_slice(header.as_bytes());
    out.extend_from_slice(payload);
    out
}

/// Checks one outcome; `Err` describes the mismatch.
fn check(case: &Case, got: um::Result<()>) -> Result<(), String> {
    let e = match got {
        Ok(()) => return Err("returned Ok".into()),
        Err(e) => e,
    };
    let msg = e.to_string();
    let ok_variant = match (case.want, &e) {
        (Want::Arg(a), Error::InvalidArgument { arg, .. }) => *arg == a,
        (Want::Dtype(a), Error::UnsupportedDtype { arg, .. }) => *arg == a,
        (
            Want::NonFinite(a),
            Error::NonFinite {
                arg,
                count,
                total,
                first_index,
                ..
            },
        ) => *arg == a && *count >= 1 && count <= total && !first_index.is_empty(),
        (Want::Devices(..), Error::DeviceMismatch { .. }) => true,
        (Want::Io, Error::Io { .. }) => true,
        _ => false,
    };
    if !ok_variant {
        return Err(format!("wrong variant (wanted {:?}): {e:?}", case.want));
    }
    let mut needles = vec![case.needle.to_string()];
    match case.want {
        Want::Arg(a) | Want::Dtype(a) | Want::NonFinite(a) => {
            needles.push(format!("`{a}`"));
            needles.push(case.func.to_string());
        }
        Want::Devices(a, b) => {
            needles.extend([format!("`{a}`"), format!("`{b}`"), case.func.to_string()]);
        }
        Want::Io => {}
    }
    for n in needles {
        if !msg.contains(&n) {
            return Err(format!("message lacks {n:?}: {msg}"));
        }
    }
    Ok(())
}

fn replay(be: &Be) {
    let name = match be {
        Be::Host => "host",
        Be::Pjrt(_) => "pjrt",
    };
    let mut failures = Vec::new();
    let mut ran = 0;
    for case in cases() {
        let applies = match case.only {
            Only::Both => true,
            Only::Host => matches!(be, Be::Host),
            Only::Pjrt => matches!(be, Be::Pjrt(_)),
        };
        if !applies {
            continue;
        }
        ran += 1;
        let got = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| (case.run)(be)));
        let verdict = match got {
            Ok(r) => check(&case, r),
            Err(_) => Err("panicked".into()),
        };
        if let Err(why) = verdict {
            failures.push(format!("{name}: {} [{:?}]: {why}", case.func, case.class));
        }
    }
    println!("{name}: {ran} cases, {} failed", failures.len());
    assert!(failures.is_empty(), "\n{}", failures.join("\n"));
}

#[test]
fn host_matrix() {
    let _g = lock();
    replay(&Be::Host);
}

#[test]
fn pjrt_matrix() {
    let _g = lock();
    replay(&Be::Pjrt(Device::cpu().expect("the PJRT CPU plugin")));
}

/// Every public metric of the crate root appears in the table with a NaN and an Inf case, and
/// every class of the issue occurs.
#[test]
fn the_table_covers_every_function_and_class() {
    let cases = cases();
    let nonfinite_funcs = [
        "coherence_factor",
        "generalized_coherence_factor",
        "phase_coherence_factor",
        "sign_coherence_factor",
        "contrast",
        "compute_cnr",
        "gcnr",
        "compute_rf_snr",
        "tsnr",
        "find_signal_and_noise",
        "tenengrad",
        "is_clipped_threshold",
        "is_clipped_max_amplitude",
        "clip_ratio",
        "decibel",
        "db_zero",
        "create_bmode_image",
        "corrcoef",
        "pairwise_corrcoef",
        "pairwise_corrcoef_agg",
        "noise_repeated_measurements",
        "noise_adjacent_frames",
        "compute_fwhm",
        "compute_sll",
        "create_circular_mask",
        "build_mask",
        "select",
    ];
    for f in nonfinite_funcs {
        for class in [Class::AllNan, Class::Inf] {
            assert!(
                cases.iter().any(|c| c.func == f && c.class == class),
                "{f}: no {class:?} case"
            );
        }
    }
    for class in [
        Class::Rank,
        Class::Shape,
        Class::Empty,
        Class::Dtype,
        Class::Param,
        Class::Devices,
    ] {
        assert!(cases.iter().any(|c| c.class == class), "no {class:?} case");
    }
}

/// Integer inputs are never scanned, and the policy switch lets non-finite values through as
/// documented, on both backends.
#[test]
fn propagate_policy_and_integer_inputs() {
    let _g = lock();
    let dev = Device::cpu().unwrap();
    // integers: no scan, computed in f64
    let xi = array![[1i32, 2], [3, 4]];
    assert!(um::coherence_factor(&xi, CfParams::default()).is_ok());
    // the policy
    let x = array![[1.0, f64::NAN, f64::INFINITY], [1.0, 2.0, 3.0]];
    assert!(um::coherence_factor(&x, CfParams::default()).is_err());
    um::set_nonfinite_policy(NonFinite::Propagate);
    let host = um::coherence_factor(&x, CfParams::default());
    let devr = um::coherence_factor(&dev.put(&x).unwrap(), CfParams::default())
        .and_then(|d| d.to_ndarray());
    um::set_nonfinite_policy(NonFinite::Error);
    let (host, devr) = (host.unwrap(), devr.unwrap());
    assert_eq!(host[0], 1.0);
    assert_eq!(devr[0], 1.0);
    assert!(host[1].is_nan() && devr[1].is_nan(), "{host} {devr}");
    assert!(host[2].is_nan() && devr[2].is_nan(), "{host} {devr}");
}

/// The scan reports the count and the row-major index of the first bad value, also for
/// non-contiguous views and on a device.
#[test]
fn nonfinite_error_details() {
    let _g = lock();
    let mut a = Array2::<f64>::ones((8, 5));
    a[[3, 1]] = f64::NAN;
    a[[1, 4]] = f64::NEG_INFINITY;
    let t = a.t(); // (5, 8): [1, 3] and [4, 1] there
    let e = um::coherence_factor(&t, CfParams::default()).unwrap_err();
    match e {
        Error::NonFinite {
            count,
            total,
            first_index,
            ..
        } => assert_eq!((count, total, first_index), (2, 40, vec![1, 3])),
        e => panic!("{e:?}"),
    }
    let dev = Device::cpu().unwrap();
    let e = um::coherence_factor(&dev.put(&a).unwrap(), CfParams::default()).unwrap_err();
    match e {
        Error::NonFinite {
            count,
            total,
            first_index,
            ..
        } => assert_eq!((count, total, first_index), (2, 40, vec![1, 4])),
        e => panic!("{e:?}"),
    }
}

/// The coherence family scans a device input inside its own pass (one more sum, no separate
/// read): every kind of non-finite value, in the real or the imaginary part, alone among finite
/// values, with and without a frames axis, is still reported with the host's count and index;
/// finite data passes.
#[test]
fn coherence_in_pass_scan() {
    use num_complex::Complex32;
    use um::metrics::{CoherenceMapsParams, GcfParams, PcfParams, ScfParams};
    let _g = lock();
    let dev = Device::cpu().unwrap();
    let finite = ndarray::Array4::from_shape_fn((2, 8, 3, 4), |(f, m, i, j)| {
        Complex32::new((f + m * i) as f32 - 3.0, j as f32 * 0.5 - 1.0)
    });
    type Run = fn(&um::DeviceArray<Complex32, ndarray::Ix4>) -> Result<(), Error>;
    let runs: [(&str, Run); 5] = [
        ("cf", |d| {
            let p = CfParams {
                frames: true,
                ..Default::default()
            };
            um::coherence_factor(d, p).map(|_| ())
        }),
        ("gcf", |d| {
            let p = GcfParams {
                frames: true,
                ..Default::default()
            };
            um::generalized_coherence_factor(d, p).map(|_| ())
        }),
        ("pcf", |d| {
            let p = PcfParams {
                frames: true,
                ..Default::default()
            };
            um::phase_coherence_factor(d, p).map(|_| ())
        }),
        ("scf", |d| {
            let p = ScfParams {
                frames: true,
                ..Default::default()
            };
            um::sign_coherence_factor(d, p).map(|_| ())
        }),
        ("maps", |d| {
            let p = CoherenceMapsParams {
                frames: true,
                ..Default::default()
            };
            um::coherence_maps(d, p).map(|_| ())
        }),
    ];
    type HostRun = fn(&ndarray::Array4<Complex32>) -> Result<(), Error>;
    let host_runs: [(&str, HostRun); 2] = [
        ("host cf", |x| {
            let p = CfParams {
                frames: true,
                ..Default::default()
            };
            um::coherence_factor(x, p).map(|_| ())
        }),
        ("host maps", |x| {
            let p = CoherenceMapsParams {
                frames: true,
                ..Default::default()
            };
            um::coherence_maps(x, p).map(|_| ())
        }),
    ];
    let d = dev.put(&finite).unwrap();
    for (name, run) in &runs {
        run(&d).unwrap_or_else(|e| panic!("{name} on finite data: {e}"));
    }
    for (name, run) in &host_runs {
        run(&finite).unwrap_or_else(|e| panic!("{name} on finite data: {e}"));
    }
    let bad = [
        Complex32::new(f32::NAN, 0.0),
        Complex32::new(1.0, f32::NAN),
        Complex32::new(f32::INFINITY, 0.0),
        Complex32::new(0.0, f32::NEG_INFINITY),
    ];
    for v in bad {
        let mut x = finite.clone();
        x[[1, 5, 2, 3]] = v;
        let d = dev.put(&x).unwrap();
        let results = runs
            .iter()
            .map(|(name, run)| (*name, run(&d)))
            .chain(host_runs.iter().map(|(name, run)| (*name, run(&x))));
        for (name, result) in results {
            match result {
                Err(Error::NonFinite {
                    count,
                    total,
                    first_index,
                    ..
                }) => assert_eq!(
                    (count, total, first_index),
                    (1, finite.len(), vec![1, 5, 2, 3]),
                    "{name} with {v}"
                ),
                other => panic!("{name} with {v}: {other:?}"),
            }
        }
    }
}
