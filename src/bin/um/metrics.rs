//! The metrics the command line knows, how each reads its input, and `um metric`.
//!
//! Adding a metric: one [`Spec`] in [`SPECS`] with a function `fn(&Ctx, &Input, &Params) ->
//! Result<Outcome, String>`; the error string is the problem (the caller prefixes the file and
//! the metric).

use std::path::Path;

use ndarray::{Array1, Array2, ArrayD, Axis, Ix2};
use num_complex::{Complex32, Complex64};
use ultrasound_metrics as um;
use um::host::HostTensor;
use um::metrics::{CfParams, GcfParams, PcfParams, ScfParams};

use crate::backend::{self, BackendChoice, Ctx};
use crate::output::{fmt_num, json_num, write_atomic};
use crate::roi::{pair, Axes, Grid, Roi, Units};
use crate::{CliError, CliResult, MetricArgs};

/// A file's array and what is known about its pixel grid.
pub struct Input {
    /// The data, any dtype.
    pub data: HostTensor<'static>,
    /// Physical axes of the image's columns and rows, if the file has them.
    pub axes: Axes,
}

/// Parsed metric parameters.
#[derive(Clone, Debug)]
pub struct Params {
    pub roi_in: Option<Roi>,
    pub roi_out: Option<Roi>,
    pub units: Units,
    pub pixel_size: Option<(f64, f64)>,
    pub origin: Option<(f64, f64)>,
    pub power: f64,
    pub m0: usize,
    pub amplitude: bool,
    pub db: bool,
    pub bins: usize,
    pub normalize: bool,
    pub clip_threshold: Option<f64>,
    pub range_factor: f64,
    pub noise_method: crate::NoiseChoice,
}

impl Default for Params {
    fn default() -> Params {
        Params {
            roi_in: None,
            roi_out: None,
            units: Units::Px,
            pixel_size: None,
            origin: None,
            power: 1.0,
            m0: 1,
            amplitude: false,
            db: false,
            bins: 100,
            normalize: false,
            clip_threshold: None,
            range_factor: 0.01,
            noise_method: crate::NoiseChoice::Repeated,
        }
    }
}

impl Params {
    /// Validates the flags (a usage error names the flag).
    pub fn from_args(a: &MetricArgs) -> CliResult<Params> {
        let u = CliError::usage;
        Ok(Params {
            roi_in: a
                .roi_in
                .as_deref()
                .map(|s| Roi::parse(s, "--roi-in"))
                .transpose()
                .map_err(u)?,
            roi_out: a
                .roi_out
                .as_deref()
                .map(|s| Roi::parse(s, "--roi-out"))
                .transpose()
                .map_err(u)?,
            units: a.units,
            pixel_size: a
                .pixel_size
                .as_deref()
                .map(|s| pair(s, "--pixel-size"))
                .transpose()
                .map_err(u)?,
            origin: a
                .origin
                .as_deref()
                .map(|s| pair(s, "--origin"))
                .transpose()
                .map_err(u)?,
            power: a.power,
            m0: a.m0,
            amplitude: a.amplitude,
            db: a.db,
            bins: a.bins,
            normalize: a.normalize,
            clip_threshold: a.clip_threshold,
            range_factor: a.range_factor,
            noise_method: a.noise_method,
        })
    }

    /// The parameters as JSON (for the record of a result).
    pub fn to_json(&self) -> serde_json::Value {
        serde_json::json!({
            "power": self.power, "m0": self.m0, "amplitude": self.amplitude,
            "db": self.db, "bins": self.bins, "normalize": self.normalize,
            "clip_threshold": self.clip_threshold, "range_factor": self.range_factor,
            "noise_method": format!("{:?}", self.noise_method).to_lowercase(),
        })
    }
}

/// One metric's result on one input.
#[derive(Clone, Debug)]
pub struct Outcome {
    /// The headline number (the metric, or the mean of a map).
    pub value: f64,
    /// What `value` is, in words.
    pub value_is: &'static str,
    /// Further statistics, by name.
    pub stats: Vec<(&'static str, f64)>,
}

type RunFn = fn(&Ctx, &Input, &Params) -> Result<Outcome, String>;

/// A metric of the command line.
pub struct Spec {
    /// The name on the command line.
    pub name: &'static str,
    /// One line for `um metrics`.
    pub about: &'static str,
    /// The input it takes, in words.
    pub input: &'static str,
    run: RunFn,
}

/// Every metric, in the order `um metrics` and `um demo` list them.
pub const SPECS: &[Spec] = &[
    Spec {
        name: "cf",
        about: "coherence factor |Σx|²/(M·Σ|x|²) (--amplitude: |Σx|/Σ|x|); map summarised",
        input: "delayed channel data (channels, *image)",
        run: run_cf,
    },
    Spec {
        name: "gcf",
        about: "generalized coherence factor, low-frequency half-width --m0; map summarised",
        input: "delayed channel data (channels, *image)",
        run: run_gcf,
    },
    Spec {
        name: "pcf",
        about: "phase coherence factor, exponent --power; map summarised",
        input: "delayed channel data (channels, *image)",
        run: run_pcf,
    },
    Spec {
        name: "scf",
        about: "sign coherence factor, exponent --power; map summarised",
        input: "delayed channel data (channels, *image)",
        run: run_scf,
    },
    Spec {
        name: "contrast",
        about: "contrast mean(|in|²)/mean(|out|²) of two regions (--db: in dB)",
        input: "an image or channel data (summed), its envelope; --roi-in and --roi-out",
        run: run_contrast,
    },
    Spec {
        name: "cnr",
        about: "contrast-to-noise ratio |μin − μout| / sqrt(σin² + σout²) of two regions",
        input: "an image or channel data (summed), its envelope; --roi-in and --roi-out",
        run: run_cnr,
    },
    Spec {
        name: "gcnr",
        about: "generalized CNR 1 − overlap of the two regions' histograms (--bins)",
        input: "an image or channel data (summed), its envelope; --roi-in and --roi-out",
        run: run_gcnr,
    },
    Spec {
        name: "rfsnr",
        about: "RF SNR (dB): signal and noise windows found around the strongest echo, or two ROIs",
        input: "one RF line (samples,), or an image with --roi-in and --roi-out",
        run: run_rfsnr,
    },
    Spec {
        name: "tsnr",
        about: "temporal SNR mean/std over the last axis (--db: in dB); map summarised",
        input: "a time series (*spatial, time)",
        run: run_tsnr,
    },
    Spec {
        name: "tenengrad",
        about: "Tenengrad sharpness Σ|Sobel ⊛ image| (--normalize: mean), over --roi-in if given",
        input: "an image (nz, nx), or channel data (channels, nz, nx) summed over the channels",
        run: run_tenengrad,
    },
    Spec {
        name: "clip",
        about:
            "fraction of clipped samples (--clip-threshold T, or --range-factor of the extremes)",
        input: "any data (*batch, sample)",
        run: run_clip,
    },
    Spec {
        name: "fwhm",
        about: "full width at half maximum of a point target (Gaussian fit), each axis; in --units",
        input: "an image (nz, nx) or channel data (summed), as its envelope; --roi-in around the target",
        run: run_fwhm,
    },
    Spec {
        name: "sll",
        about: "side-lobe level of a point target (dB, amplitude image), each axis",
        input: "an image (nz, nx) or channel data (summed), as its envelope; --roi-in around the target",
        run: run_sll,
    },
    Spec {
        name: "corr",
        about: "mean pairwise correlation coefficient of frames (1: unchanged; 0: decorrelated)",
        input: "frames (n, *each)",
        run: run_corr,
    },
    Spec {
        name: "noise",
        about: "channel SNR (dB) from repeated acquisitions (--noise-method repeated|adjacent)",
        input: "repeats or frames along axis 0 (R, *samples)",
        run: run_noise,
    },
];

/// The spec of `name` (case-insensitive).
pub fn find(name: &str) -> Result<&'static Spec, String> {
    let n = name.trim().to_ascii_lowercase();
    SPECS.iter().find(|s| s.name == n).ok_or_else(|| {
        format!(
            "unknown metric `{name}` (known: {})",
            SPECS.iter().map(|s| s.name).collect::<Vec<_>>().join(", ")
        )
    })
}

/// `um metrics`.
pub fn list() {
    for s in SPECS {
        println!("{:<10} {}", s.name, s.about);
        println!("{:<10}   input: {}", "", s.input);
    }
}

/// Runs `spec` on `input`; the error is the problem, without the file name.
pub fn evaluate(spec: &Spec, ctx: &Ctx, input: &Input, p: &Params) -> Result<Outcome, String> {
    (spec.run)(ctx, input, p)
}

// ---------------------------------------------------------------------------------------------
// Maps: run a generic metric on any dtype and backend
// ---------------------------------------------------------------------------------------------

fn lib_err(e: um::Error) -> String {
    crate::one_line(&e.to_string())
}

/// Real arrays as f64.
trait IntoF64 {
    fn into_f64(self) -> ArrayD<f64>;
}
impl IntoF64 for ArrayD<f32> {
    fn into_f64(self) -> ArrayD<f64> {
        self.mapv(f64::from)
    }
}
impl IntoF64 for ArrayD<f64> {
    fn into_f64(self) -> ArrayD<f64> {
        self
    }
}

/// Runs `$call` (an expression of `$x`, a host or device array) on every numeric dtype, on
/// the context's backend, and returns the real result as `ArrayD<f64>`.
macro_rules! map_any {
    ($ctx:expr, $data:expr, $what:expr, |$x:ident| $call:expr) => {{
        use HostTensor as H;
        macro_rules! go {
            ($a:expr) => {
                match &$ctx.device {
                    None => {
                        let $x = $a;
                        $call.map(IntoF64::into_f64).map_err(lib_err)
                    }
                    Some(d) => {
                        let dev = d.put($a).map_err(lib_err)?;
                        let $x = &dev;
                        $call
                            .and_then(|r| r.to_ndarray())
                            .map(IntoF64::into_f64)
                            .map_err(lib_err)
                    }
                }
            };
        }
        match $data {
            H::C64(a) => go!(a),
            H::C128(a) => go!(a),
            H::F32(a) => go!(a),
            H::F64(a) => go!(a),
            H::I32(a) => go!(a),
            H::I64(a) => go!(a),
            H::Bool(_) => Err(format!("wrong dtype bool: {} needs numbers", $what)),
        }
    }};
}

fn need_rank(data: &HostTensor, min: usize, what: &str) -> Result<(), String> {
    if data.shape().len() < min {
        return Err(format!(
            "wrong rank: {what} needs at least {min} dimensions, got shape {:?} ({}D)",
            data.shape(),
            data.shape().len()
        ));
    }
    if data.shape().contains(&0) {
        return Err(format!("empty array (shape {:?})", data.shape()));
    }
    Ok(())
}

/// Summarises a map: mean, min, max over everything; means inside and outside the ROIs when
/// given (2-D maps, or the last two axes).
fn summarise(map: &ArrayD<f64>, input: &Input, p: &Params) -> Result<Outcome, String> {
    let n = map.len() as f64;
    let mean = map.sum() / n;
    let min = map.iter().copied().fold(f64::INFINITY, f64::min);
    let max = map.iter().copied().fold(f64::NEG_INFINITY, f64::max);
    let mut stats = vec![("mean", mean), ("min", min), ("max", max)];
    for (key, roi) in [("mean_in", &p.roi_in), ("mean_out", &p.roi_out)] {
        if let Some(roi) = roi {
            let mask = roi_mask(map.shape(), roi, input, p)?;
            let (mut s, mut k) = (0.0, 0usize);
            let plane: Vec<bool> = mask.iter().copied().collect();
            for (i, v) in map.as_standard_layout().iter().enumerate() {
                if plane[i % plane.len()] {
                    s += *v;
                    k += 1;
                }
            }
            stats.push((key, s / k as f64));
        }
    }
    Ok(Outcome {
        value: mean,
        value_is: "mean of the map",
        stats,
    })
}

/// The mask of `roi` on the last two axes `(nz, nx)` of `shape`; an empty mask is an error.
pub fn roi_mask(
    shape: &[usize],
    roi: &Roi,
    input: &Input,
    p: &Params,
) -> Result<Array2<bool>, String> {
    if shape.len() < 2 {
        return Err(format!(
            "ROIs need an image of at least 2 dimensions, got shape {shape:?}"
        ));
    }
    let (nz, nx) = (shape[shape.len() - 2], shape[shape.len() - 1]);
    let grid = Grid::new(nz, nx, p.units, &input.axes, p.pixel_size, p.origin)?;
    let mask = grid.mask(roi)?;
    if !mask.iter().any(|&b| b) {
        return Err(format!(
            "the ROI {roi:?} ({:?} units) holds no pixel of the {nz} x {nx} image",
            p.units
        ));
    }
    Ok(mask.as_standard_layout().into_owned())
}

const CHANNELS: &str = "delayed channel data (channels, *image)";

fn run_cf(ctx: &Ctx, input: &Input, p: &Params) -> Result<Outcome, String> {
    need_rank(&input.data, 2, CHANNELS)?;
    let params = CfParams {
        power_based: !p.amplitude,
        ..Default::default()
    };
    let map = map_any!(ctx, &input.data, "cf", |x| um::coherence_factor(x, params))?;
    summarise(&map, input, p)
}

fn run_gcf(ctx: &Ctx, input: &Input, p: &Params) -> Result<Outcome, String> {
    need_rank(&input.data, 2, CHANNELS)?;
    let params = GcfParams {
        m0: p.m0,
        ..Default::default()
    };
    let map = map_any!(ctx, &input.data, "gcf", |x| {
        um::generalized_coherence_factor(x, params)
    })?;
    summarise(&map, input, p)
}

fn run_pcf(ctx: &Ctx, input: &Input, p: &Params) -> Result<Outcome, String> {
    need_rank(&input.data, 2, CHANNELS)?;
    let params = PcfParams {
        power: p.power,
        ..Default::default()
    };
    let map = map_any!(ctx, &input.data, "pcf", |x| um::phase_coherence_factor(
        x, params
    ))?;
    summarise(&map, input, p)
}

fn run_scf(ctx: &Ctx, input: &Input, p: &Params) -> Result<Outcome, String> {
    need_rank(&input.data, 2, CHANNELS)?;
    let params = ScfParams {
        power: p.power,
        ..Default::default()
    };
    let map = map_any!(ctx, &input.data, "scf", |x| um::sign_coherence_factor(
        x, params
    ))?;
    summarise(&map, input, p)
}

/// A statistic (or a group of them) of any backend, brought to the host as `f64`s (device
/// scalars are copied back).
trait ToHost {
    type Out;
    fn host(self) -> um::Result<Self::Out>;
}
impl ToHost for f64 {
    type Out = f64;
    fn host(self) -> um::Result<f64> {
        Ok(self)
    }
}
impl<E: um::RealElement> ToHost for um::DeviceArray<E, ndarray::Ix0> {
    type Out = f64;
    fn host(self) -> um::Result<f64> {
        Ok(self.to_ndarray()?.into_scalar().to_f64())
    }
}
impl<S: ToHost<Out = f64>> ToHost for um::metrics::NoiseEstimate<S> {
    type Out = [f64; 3];
    fn host(self) -> um::Result<[f64; 3]> {
        Ok([
            self.snr_db.host()?,
            self.signal_power.host()?,
            self.noise_power.host()?,
        ])
    }
}

/// Runs `$call` (an expression of `$x`, a host or device array, returning a statistic) on every
/// numeric dtype on the context's backend; the statistic as `f64`.
macro_rules! stat_any {
    ($ctx:expr, $data:expr, $what:expr, |$x:ident| $call:expr) => {{
        use HostTensor as H;
        macro_rules! go {
            ($a:expr) => {
                match &$ctx.device {
                    None => {
                        let $x = $a;
                        $call.and_then(ToHost::host).map_err(lib_err)
                    }
                    Some(d) => {
                        let dev = d.put($a).map_err(lib_err)?;
                        let $x = &dev;
                        $call.and_then(ToHost::host).map_err(lib_err)
                    }
                }
            };
        }
        match $data {
            H::C64(a) => go!(a),
            H::C128(a) => go!(a),
            H::F32(a) => go!(a),
            H::F64(a) => go!(a),
            H::I32(a) => go!(a),
            H::I64(a) => go!(a),
            H::Bool(_) => Err(format!("wrong dtype bool: {} needs numbers", $what)),
        }
    }};
}

fn statistic(value: f64, value_is: &'static str) -> Outcome {
    Outcome {
        value,
        value_is,
        stats: Vec::new(),
    }
}

/// A 2-D image of the input's dtype: as it is, or channel data `(channels, nz, nx)` summed over
/// the channels (delay-and-sum).
fn image_2d(data: &HostTensor) -> Result<HostTensor<'static>, String> {
    let shape = data.shape();
    if shape.contains(&0) {
        return Err(format!("empty array (shape {shape:?})"));
    }
    match shape.len() {
        2 => Ok(data.view().into_owned()),
        3 => {
            use HostTensor as H;
            Ok(match data {
                H::C64(a) => a.sum_axis(Axis(0)).into(),
                H::C128(a) => a.sum_axis(Axis(0)).into(),
                H::F32(a) => a.sum_axis(Axis(0)).into(),
                H::F64(a) => a.sum_axis(Axis(0)).into(),
                H::I32(a) => a.mapv(f64::from).sum_axis(Axis(0)).into(),
                H::I64(a) => a.mapv(|v| v as f64).sum_axis(Axis(0)).into(),
                H::Bool(_) => return Err("wrong dtype bool: expected an image of numbers".into()),
            })
        }
        n => Err(format!(
            "wrong rank: expected an image (nz, nx) or channel data (channels, nz, nx), got shape {shape:?} ({n}D)"
        )),
    }
}

fn run_tenengrad(ctx: &Ctx, input: &Input, p: &Params) -> Result<Outcome, String> {
    let img = image_2d(&input.data)?;
    let roi = p
        .roi_in
        .as_ref()
        .map(|r| roi_mask(img.shape(), r, input, p))
        .transpose()?;
    let params = um::metrics::TenengradParams {
        normalize: p.normalize,
        ..Default::default()
    };
    let internal = || "internal: tenengrad returned no statistic".to_string();
    macro_rules! go {
        ($a:expr) => {{
            let a = $a
                .view()
                .into_dimensionality::<Ix2>()
                .map_err(|e| e.to_string())?;
            match &ctx.device {
                None => um::tenengrad(&a, roi.as_ref(), params)
                    .map_err(lib_err)?
                    .into_statistic()
                    .ok_or_else(internal)?,
                Some(d) => {
                    let x = d.put(&a).map_err(lib_err)?;
                    let m = roi
                        .as_ref()
                        .map(|m| d.put(m))
                        .transpose()
                        .map_err(lib_err)?;
                    um::tenengrad(&x, m.as_ref(), params)
                        .map_err(lib_err)?
                        .into_statistic()
                        .ok_or_else(internal)?
                        .host()
                        .map_err(lib_err)?
                }
            }
        }};
    }
    use HostTensor as H;
    let v = match &img {
        H::C64(a) => go!(a),
        H::C128(a) => go!(a),
        H::F32(a) => go!(a),
        H::F64(a) => go!(a),
        H::I32(a) => go!(a),
        H::I64(a) => go!(a),
        H::Bool(_) => return Err("wrong dtype bool: tenengrad needs numbers".into()),
    };
    Ok(statistic(
        v,
        if p.normalize {
            "mean gradient magnitude"
        } else {
            "sum of gradient magnitudes"
        },
    ))
}

fn run_clip(ctx: &Ctx, input: &Input, p: &Params) -> Result<Outcome, String> {
    need_rank(&input.data, 1, "clip")?;
    use um::metrics::{ClipMethod, MaxAmplitudeParams, RangeFactor, ThresholdParams};
    let method = match p.clip_threshold {
        Some(t) => ClipMethod::Threshold(ThresholdParams::new(t)),
        None => ClipMethod::MaxAmplitude(MaxAmplitudeParams {
            range_factor: RangeFactor::Both(p.range_factor),
            ..Default::default()
        }),
    };
    let v = stat_any!(ctx, &input.data, "clip", |x| um::clip_ratio(x, method))?;
    Ok(statistic(v, "fraction of samples flagged as clipped"))
}

/// Runs a two-input statistic on the context's backend; the statistic as `f64`.
macro_rules! stat2 {
    ($ctx:expr, $a:expr, $b:expr, |$x:ident, $y:ident| $call:expr) => {{
        match &$ctx.device {
            None => {
                let ($x, $y) = ($a, $b);
                $call.and_then(ToHost::host).map_err(lib_err)
            }
            Some(d) => {
                let xa = d.put($a).map_err(lib_err)?;
                let xb = d.put($b).map_err(lib_err)?;
                let ($x, $y) = (&xa, &xb);
                $call.and_then(ToHost::host).map_err(lib_err)
            }
        }
    }};
}

/// The envelope values inside `--roi-in` and inside `--roi-out` (both required).
fn region_values(
    input: &Input,
    p: &Params,
    name: &str,
) -> Result<(Array1<f64>, Array1<f64>), String> {
    let (Some(rin), Some(rout)) = (&p.roi_in, &p.roi_out) else {
        return Err(format!(
            "{name} needs two regions: give --roi-in and --roi-out"
        ));
    };
    let img = envelope_image(&input.data)?;
    let pick = |roi: &Roi| -> Result<Array1<f64>, String> {
        let m = roi_mask(img.shape(), roi, input, p)?;
        Ok(img
            .iter()
            .zip(m.iter())
            .filter(|(_, &k)| k)
            .map(|(v, _)| *v)
            .collect())
    };
    Ok((pick(rin)?, pick(rout)?))
}

fn run_contrast(ctx: &Ctx, input: &Input, p: &Params) -> Result<Outcome, String> {
    let (a, b) = region_values(input, p, "contrast")?;
    let params = um::metrics::ContrastParams { db: p.db };
    let v = stat2!(ctx, &a, &b, |x, y| um::contrast(x, y, params))?;
    Ok(statistic(
        v,
        if p.db {
            "contrast (dB)"
        } else {
            "contrast (power ratio)"
        },
    ))
}

fn run_cnr(ctx: &Ctx, input: &Input, p: &Params) -> Result<Outcome, String> {
    let (a, b) = region_values(input, p, "cnr")?;
    let params = um::metrics::CnrParams::default();
    let v = stat2!(ctx, &a, &b, |x, y| um::compute_cnr(x, y, params))?;
    Ok(statistic(v, "CNR"))
}

fn run_gcnr(ctx: &Ctx, input: &Input, p: &Params) -> Result<Outcome, String> {
    let (a, b) = region_values(input, p, "gcnr")?;
    let params = um::metrics::GcnrParams {
        bins: um::metrics::Bins::Count(p.bins),
    };
    let v = stat2!(ctx, &a, &b, |x, y| um::gcnr(x, y, params.clone()))?;
    Ok(statistic(v, "gCNR"))
}

fn run_rfsnr(ctx: &Ctx, input: &Input, p: &Params) -> Result<Outcome, String> {
    let params = um::metrics::RfSnrParams::default();
    if p.roi_in.is_some() || p.roi_out.is_some() {
        let (a, b) = region_values(input, p, "rfsnr")?;
        let v = stat2!(ctx, &a, &b, |x, y| um::compute_rf_snr(x, y, params))?;
        return Ok(statistic(v, "SNR (dB) of --roi-in over --roi-out"));
    }
    need_rank(&input.data, 1, "rfsnr")?;
    if input.data.shape().len() != 1 {
        return Err(format!(
            "wrong rank: automatic signal/noise windows need one RF line (samples,), got shape {:?}; \
             give --roi-in and --roi-out for images",
            input.data.shape()
        ));
    }
    macro_rules! go {
        ($a:expr) => {{
            let a = $a.view();
            let r = um::find_signal_and_noise_ranges(&a, Default::default()).map_err(lib_err)?;
            let s = a.slice_axis(Axis(0), (r.signal.start..r.signal.end).into());
            let n = a.slice_axis(Axis(0), (r.noise.start..r.noise.end).into());
            let v = stat2!(ctx, &s, &n, |x, y| um::compute_rf_snr(x, y, params))?;
            (v, r)
        }};
    }
    use HostTensor as H;
    let (v, r) = match &input.data {
        H::C64(a) => go!(a),
        H::C128(a) => go!(a),
        H::F32(a) => go!(a),
        H::F64(a) => go!(a),
        H::I32(a) => go!(a),
        H::I64(a) => go!(a),
        H::Bool(_) => return Err("wrong dtype bool: rfsnr needs numbers".into()),
    };
    Ok(Outcome {
        value: v,
        value_is: "SNR (dB), signal and noise windows found around the strongest echo",
        stats: vec![
            ("peak", r.peak as f64),
            ("signal_start", r.signal.start as f64),
            ("signal_end", r.signal.end as f64),
            ("noise_start", r.noise.start as f64),
            ("noise_end", r.noise.end as f64),
        ],
    })
}

fn run_tsnr(ctx: &Ctx, input: &Input, p: &Params) -> Result<Outcome, String> {
    need_rank(&input.data, 2, "tsnr (*spatial, time)")?;
    let params = um::metrics::TsnrParams { output_db: p.db };
    let map = map_any!(ctx, &input.data, "tsnr", |x| um::tsnr(x, params))?;
    summarise(&map, input, p)
}

/// The physical (or pixel) spacing `[dz, dx]` of an `nz × nx` image in the ROI units, and the
/// unit's name.
fn spacing(
    nz: usize,
    nx: usize,
    input: &Input,
    p: &Params,
) -> Result<(Option<Vec<f64>>, &'static str), String> {
    if p.units == Units::Px {
        return Ok((None, "px"));
    }
    let g = Grid::new(nz, nx, p.units, &input.axes, p.pixel_size, p.origin)?;
    let step = |v: &[f64]| {
        if v.len() > 1 {
            (v[1] - v[0]).abs()
        } else {
            1.0
        }
    };
    let unit = if p.units == Units::Mm { "mm" } else { "m" };
    Ok((Some(vec![step(&g.z), step(&g.x)]), unit))
}

/// The pixels of `--roi-in` as full indices `[iz, ix]` (the target search region).
fn roi_indices(
    img: &Array2<f64>,
    input: &Input,
    p: &Params,
) -> Result<Option<Vec<Vec<usize>>>, String> {
    let Some(roi) = &p.roi_in else {
        return Ok(None);
    };
    let mask = roi_mask(img.shape(), roi, input, p)?;
    Ok(Some(
        mask.indexed_iter()
            .filter(|(_, &m)| m)
            .map(|((z, x), _)| vec![z, x])
            .collect(),
    ))
}

fn run_fwhm(_ctx: &Ctx, input: &Input, p: &Params) -> Result<Outcome, String> {
    let img = envelope_image(&input.data)?;
    let (nz, nx) = img.dim();
    let (grid_spacing, unit) = spacing(nz, nx, input, p)?;
    let params = um::metrics::FwhmParams {
        roi_indices: roi_indices(&img, input, p)?,
        grid_spacing,
        ..Default::default()
    };
    // a host algorithm (peak search and curve fit): runs on the host whatever the backend
    let r = um::compute_fwhm(&img, params).map_err(lib_err)?;
    let w = r.widths();
    let get = |k: usize| w.get(k).copied().flatten().unwrap_or(f64::NAN);
    let value_is = match unit {
        "mm" => "lateral FWHM (mm)",
        "m" => "lateral FWHM (m)",
        _ => "lateral FWHM (pixels)",
    };
    Ok(Outcome {
        value: get(1),
        value_is,
        stats: vec![
            ("fwhm_x", get(1)),
            ("fwhm_z", get(0)),
            ("peak_iz", r.peak.first().map_or(f64::NAN, |&v| v as f64)),
            ("peak_ix", r.peak.get(1).map_or(f64::NAN, |&v| v as f64)),
        ],
    })
}

fn run_sll(_ctx: &Ctx, input: &Input, p: &Params) -> Result<Outcome, String> {
    let img = envelope_image(&input.data)?;
    let params = um::metrics::SllParams {
        roi_indices: roi_indices(&img, input, p)?,
        scale: um::metrics::resolution::Scale::Amplitude,
        ..Default::default()
    };
    let r = um::compute_sll(&img, params).map_err(lib_err)?;
    let l = r.levels_db();
    let get = |k: usize| l.get(k).copied().flatten().unwrap_or(f64::NAN);
    Ok(Outcome {
        value: get(1),
        value_is: "lateral side-lobe level (dB re the main lobe)",
        stats: vec![("sll_x_db", get(1)), ("sll_z_db", get(0))],
    })
}

fn run_corr(ctx: &Ctx, input: &Input, _p: &Params) -> Result<Outcome, String> {
    need_rank(&input.data, 1, "corr")?;
    let v = stat_any!(ctx, &input.data, "corr", |x| um::pairwise_corrcoef_agg(x))?;
    Ok(statistic(
        v,
        "mean pairwise correlation of the frames along axis 0",
    ))
}

fn run_noise(ctx: &Ctx, input: &Input, p: &Params) -> Result<Outcome, String> {
    need_rank(&input.data, 1, "noise")?;
    let method = match p.noise_method {
        crate::NoiseChoice::Repeated => um::metrics::NoiseMethod::RepeatedMeasurements,
        crate::NoiseChoice::Adjacent => um::metrics::NoiseMethod::AdjacentFrames,
    };
    let parts = stat_any!(ctx, &input.data, "noise", |x| um::channel_noise(x, method))?;
    Ok(Outcome {
        value: parts[0],
        value_is: "SNR (dB)",
        stats: vec![("signal_power", parts[1]), ("noise_power", parts[2])],
    })
}

/// A 2-D image from any input: real images as their magnitude, complex ones as their envelope
/// `|x|`, channel data `(channels, nz, nx)` summed over the channels (delay-and-sum) first.
pub fn envelope_image(data: &HostTensor) -> Result<Array2<f64>, String> {
    let shape = data.shape().to_vec();
    if !(2..=3).contains(&shape.len()) {
        return Err(format!(
            "wrong rank: expected an image (nz, nx) or channel data (channels, nz, nx), got shape {shape:?} ({}D)",
            shape.len()
        ));
    }
    if shape.contains(&0) {
        return Err(format!("empty array (shape {shape:?})"));
    }
    fn das<T: Clone + num_traits::Zero + std::ops::Add<Output = T>>(
        a: ndarray::ArrayViewD<T>,
    ) -> ArrayD<T> {
        if a.ndim() == 3 {
            a.sum_axis(Axis(0))
        } else {
            a.to_owned()
        }
    }
    use HostTensor as H;
    let img: ArrayD<f64> = match data {
        H::C64(a) => das::<Complex32>(a.view()).mapv(|v| f64::from(v.norm())),
        H::C128(a) => das::<Complex64>(a.view()).mapv(|v| v.norm()),
        H::F32(a) => das::<f32>(a.view()).mapv(|v| f64::from(v).abs()),
        H::F64(a) => das::<f64>(a.view()).mapv(f64::abs),
        H::I32(a) => das::<i32>(a.view()).mapv(|v| f64::from(v).abs()),
        H::I64(a) => das::<i64>(a.view()).mapv(|v| (v as f64).abs()),
        H::Bool(_) => return Err("wrong dtype bool: expected an image of numbers".into()),
    };
    img.into_dimensionality::<Ix2>()
        .map_err(|e| format!("internal: {e}"))
}

// ---------------------------------------------------------------------------------------------
// `um metric`
// ---------------------------------------------------------------------------------------------

/// Reads a file for the metrics; errors name the file.
pub fn load(file: &Path, member: Option<&str>) -> um::Result<(Input, um::io::LoadedArray)> {
    let loaded = um::io::read_array(file, member)?;
    let input = Input {
        data: loaded.data.clone(),
        axes: Axes {
            x: loaded.x_axis.as_ref().map(|a| a.to_vec()),
            z: loaded.z_axis.as_ref().map(|a| a.to_vec()),
        },
    };
    Ok((input, loaded))
}

/// The JSON record of one result.
pub fn record(
    file: &Path,
    member: &str,
    spec: &Spec,
    ctx: &Ctx,
    input: &Input,
    p: &Params,
    out: &Outcome,
) -> serde_json::Value {
    let stats: serde_json::Map<String, serde_json::Value> = out
        .stats
        .iter()
        .map(|(k, v)| (k.to_string(), json_num(*v)))
        .collect();
    serde_json::json!({
        "file": file.display().to_string(),
        "member": member,
        "metric": spec.name,
        "value": json_num(out.value),
        "value_is": out.value_is,
        "stats": stats,
        "input": {"dtype": input.data.dtype().name(), "shape": input.data.shape()},
        "backend": ctx.short(),
        "params": p.to_json(),
    })
}

/// `um metric NAME FILE`.
pub fn run_command(
    name: &str,
    file: &Path,
    member: Option<&str>,
    args: &MetricArgs,
    choice: BackendChoice,
    json: bool,
    out: Option<&Path>,
) -> CliResult {
    let spec = find(name).map_err(CliError::usage)?;
    let params = Params::from_args(args)?;
    let (input, loaded) = load(file, member)?;
    let ctx = backend::resolve(choice)?;
    let outcome = evaluate(spec, &ctx, &input, &params)
        .map_err(|p| CliError::fail(format!("{}: {}: {p}", file.display(), spec.name)))?;
    let rec = record(file, &loaded.member, spec, &ctx, &input, &params, &outcome);
    if let Some(path) = out {
        let mut text = serde_json::to_string_pretty(&rec)
            .map_err(|e| CliError::fail(format!("internal: {e}")))?;
        text.push('\n');
        write_atomic(path, text.as_bytes())?;
    }
    if json {
        println!("{rec}");
    } else {
        let what = if loaded.member.is_empty() {
            file.display().to_string()
        } else {
            format!("{}[{}]", file.display(), loaded.member)
        };
        println!(
            "{}  {what}  {}  on {}",
            spec.name,
            input.data.ty(),
            ctx.describe()
        );
        println!(
            "  {:<14} {}   ({})",
            "value",
            fmt_num(outcome.value),
            outcome.value_is
        );
        for (k, v) in &outcome.stats {
            println!("  {k:<14} {}", fmt_num(*v));
        }
    }
    Ok(())
}
