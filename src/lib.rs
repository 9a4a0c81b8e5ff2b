//! # ultrasound-metrics
//!
//! Ultrasound data and image-quality metrics written once as XLA computation graphs and run on
//! two backends: the **host** backend (an `ndarray` evaluator of the same graph) and **PJRT**
//! devices (the graph is lowered to StableHLO, JIT-compiled per shape, dtype and device by a PJRT
//! plugin, and the executable cached).
//!
//! ```
//! use ultrasound_metrics as um;
//! let x = ndarray::Array3::<num_complex::Complex32>::from_elem((16, 8, 8), num_complex::Complex32::new(1.0, 0.5));
//! let cf = um::coherence_factor(&x, Default::default())?;        // ndarray in -> ndarray out
//! let dev = um::Device::cpu()?;                                   // PJRT CPU plugin, found automatically
//! let xd = dev.put(&x)?;                                          // device array
//! let cfd = um::coherence_factor(&xd, Default::default())?;      // device array out, on the device
//! let cf2 = cfd.to_ndarray()?;                                    // explicit copy back
//! assert!(cf.abs_diff_eq(&cf2, 1e-6));
//! # Ok::<(), um::Error>(())
//! ```
//!
//! The pipeline, one module per stage:
//! [`graph`] (trace: a typed tensor IR) → [`lower`] (StableHLO text) → [`runtime`] (compile,
//! cache, execute on a [`Device`]) — or [`host`] (evaluate on `ndarray`). [`backend`] routes each
//! call to where its inputs live; [`metrics`] defines every metric once.
#![deny(missing_docs)]
#![deny(unsafe_op_in_unsafe_fn)]

pub mod backend;
pub mod compatibility;
pub mod data;
pub mod dtype;
pub mod error;
pub mod grad;
pub mod graph;
pub mod host;
pub mod io;
pub mod lower;
pub mod metrics;
pub mod nonfinite;
pub mod pjrt;
pub mod roi;
pub mod runtime;

pub use backend::{ArrayArg, Backend, Host, Pjrt};
pub use dtype::{DType, Element, Numeric, RealElement};
pub use error::{Error, PjrtCode, Result};
pub use metrics::coherence_maps;
pub use metrics::{
    channel_noise, clip_ratio, corrcoef, create_bmode_image, db_zero, decibel,
    is_clipped_max_amplitude, is_clipped_threshold, noise_adjacent_frames,
    noise_repeated_measurements, pairwise_corrcoef, pairwise_corrcoef_agg, tenengrad,
};
pub use metrics::{
    coherence_factor, generalized_coherence_factor, phase_coherence_factor, sign_coherence_factor,
};
pub use metrics::{
    compute_cnr, compute_rf_snr, contrast, find_signal_and_noise, find_signal_and_noise_ranges,
    gcnr, tsnr,
};
pub use metrics::{compute_fwhm, compute_sll};
pub use nonfinite::{nonfinite_policy, set_nonfinite_policy, NonFinite};
pub use roi::{build_mask, create_circular_mask, create_rectangular_mask};
pub use runtime::{Device, DeviceArray};

/// The Rust examples of README.md, compiled and run as doctests so that they cannot rot.
#[cfg(doctest)]
#[doc = include_str!("../README.md")]
pub struct ReadmeDoctests;
