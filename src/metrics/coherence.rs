//! The coherence family: how much the receive channels of each pixel agree.
//!
//! Every function takes channel data of shape `(M, *img_dims)` (`M` receive elements, any image
//! rank ≥ 1), or `(F, M, *img_dims)` with [`frames`](CfParams::frames) set, and returns a map of
//! shape `img_dims` (or `(F, *img_dims)`) in the real counterpart of the input dtype
//! (`Complex32 → f32`, `Complex64 → f64`; integers are computed in `f64`). Values lie in [0, 1].
//!
//! Where a denominator is exactly 0 (all channels zero) the result is 0, as in the reference's
//! `apply_where`; a NaN in a pixel's channels gives NaN at that pixel.

use ndarray::RemoveAxis;

use super::{check_inputs, inexact, run_graph, Outs};
use crate::backend::{ArrayArg, ArrayOf, Backend};
use crate::dtype::Numeric;
use crate::error::{Error, Result};
use crate::graph::{ReduceKind, Scalar, Tensor, TensorType};

type MapOf<X> = ArrayOf<
    X,
    <<X as ArrayArg>::Elem as Numeric>::Real,
    <<X as ArrayArg>::Dim as ndarray::Dimension>::Smaller,
>;

/// Parameters of [`coherence_factor`].
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct CfParams {
    /// Power-based CF (`|Σx|² / (M Σ|x|²)`, the default) or amplitude-based (`|Σx| / Σ|x|`).
    pub power_based: bool,
    /// The input has a leading frames axis: `(F, M, *img_dims)`, computed in one executable.
    pub frames: bool,
}

impl Default for CfParams {
    fn default() -> Self {
        CfParams {
            power_based: true,
            frames: false,
        }
    }
}

/// Parameters of [`generalized_coherence_factor`].
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct GcfParams {
    /// Half-width of the low-frequency band: spatial frequencies `−m0..=m0` count as coherent.
    /// Must satisfy `m0 < M / 2` (the reference's rule). Default 1, as in the reference;
    /// `m0 = 0` equals the power-based CF.
    pub m0: usize,
    /// The input has a leading frames axis.
    pub frames: bool,
}

impl Default for GcfParams {
    fn default() -> Self {
        GcfParams {
            m0: 1,
            frames: false,
        }
    }
}

/// Parameters of [`phase_coherence_factor`].
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct PcfParams {
    /// Exponent applied to the coherence (≥ 0; default 1).
    pub power: f64,
    /// The input has a leading frames axis.
    pub frames: bool,
}

impl Default for PcfParams {
    fn default() -> Self {
        PcfParams {
            power: 1.0,
            frames: false,
        }
    }
}

/// Parameters of [`sign_coherence_factor`].
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct ScfParams {
    /// Exponent applied to the coherence (≥ 0; default 1).
    pub power: f64,
    /// The input has a leading frames axis.
    pub frames: bool,
}

impl Default for ScfParams {
    fn default() -> Self {
        ScfParams {
            power: 1.0,
            frames: false,
        }
    }
}

/// The channel axis, after checking the rank: `(M, *img)` needs rank ≥ 2, `(F, M, *img)` ≥ 3.
pub(crate) fn channel_axis(func: &'static str, shape: &[usize], frames: bool) -> Result<usize> {
    let (axis, min) = if frames { (1, 3) } else { (0, 2) };
    if shape.len() < min {
        let layout = if frames {
            "(frames, receive_elements, *img_dims)"
        } else {
            "(receive_elements, *img_dims)"
        };
        return Err(Error::arg(
            func,
            "channel_images",
            format!(
                "must have at least {min} dimensions {layout}, got {}D",
                shape.len()
            ),
        ));
    }
    if shape[axis] == 0 {
        return Err(Error::arg(
            func,
            "channel_images",
            format!("has no receive elements: the channel axis {axis} of shape {shape:?} is empty"),
        ));
    }
    Ok(axis)
}

/// GCF's low-frequency half-width must stay below half the aperture (`M/2` rounded down, the
/// reference's rule).
fn check_m0(func: &'static str, arg: &'static str, m0: usize, m: usize) -> Result<()> {
    if m0 >= m / 2 {
        return Err(Error::arg(
            func,
            arg,
            format!("m0 ({m0}) must be < num_elements/2 ({})", m / 2),
        ));
    }
    Ok(())
}

pub(crate) fn check_power(func: &'static str, power: f64) -> Result<()> {
    if !(power.is_finite() && power >= 0.0) {
        return Err(Error::arg(
            func,
            "power",
            format!("must be finite and non-negative, got {power}"),
        ));
    }
    Ok(())
}

/// `|Σ_m v|²` from the two real sums of a (possibly complex) value: `re² + im²`.
fn modulus2(re: &Tensor, im: Option<&Tensor>) -> Tensor {
    match im {
        Some(im) => re * re + im * im,
        None => re * re,
    }
}

/// One pass over the channel axis: every coherence map is a per-pixel formula of a few sums
/// over the channels (`Σx`, `Σ|x|²`, `Σ sign(Re x)`, …). Each metric asks a pass for its sums
/// ([`ChannelPass::sum`], which returns a [`Slot`]) and hands back how to finish from them; the
/// pass then computes **all** requested sums in one variadic reduce, so several maps computed
/// together read the data once (and XLA fuses the elementwise terms into that one loop).
pub(crate) struct ChannelPass {
    x: Tensor,
    axis: usize,
    terms: Vec<Tensor>,
}

/// Where a requested sum will be in [`Sums`].
#[derive(Debug, Clone, Copy)]
pub(crate) struct Slot(usize);

/// The results of a [`ChannelPass`].
pub(crate) struct Sums(Vec<Tensor>);

impl Sums {
    fn get(&self, s: Slot) -> &Tensor {
        &self.0[s.0]
    }
}

impl ChannelPass {
    /// A pass over `axis` of `x` (integers are computed in `f64`).
    pub(crate) fn new(x: &Tensor, axis: usize) -> ChannelPass {
        ChannelPass {
            x: inexact(x),
            axis,
            terms: Vec::new(),
        }
    }

    /// The channel data (inexact).
    fn x(&self) -> &Tensor {
        &self.x
    }

    /// The number of channels `M`.
    fn m(&self) -> usize {
        self.x.shape()[self.axis]
    }

    /// `Re x` (`x` itself for real data).
    fn re(&self) -> Tensor {
        if self.x.dtype().is_complex() {
            self.x.re()
        } else {
            self.x.clone()
        }
    }

    /// `Im x`, `None` for real data.
    fn im(&self) -> Option<Tensor> {
        self.x.dtype().is_complex().then(|| self.x.im())
    }

    /// Requests `Σ_m term` (a term already requested is summed once).
    fn sum(&mut self, term: Tensor) -> Slot {
        match self.terms.iter().position(|t| t.var() == term.var()) {
            Some(i) => Slot(i),
            None => {
                self.terms.push(term);
                Slot(self.terms.len() - 1)
            }
        }
    }

    /// Requests `Re Σx` and `Im Σx` (`None` for real data).
    fn sum_x(&mut self) -> (Slot, Option<Slot>) {
        let re = self.sum(self.re());
        let im = self.im().map(|im| self.sum(im));
        (re, im)
    }

    /// Requests `Σ (x − x)` (per pixel): exactly 0 where every channel value is finite, NaN where
    /// one is NaN or ±Inf. Summed over the pixels it is the in-pass non-finite scan.
    // `x - x` on purpose: 0 for finite values, NaN otherwise
    #[allow(clippy::eq_op)]
    fn sum_nonfinite_probe(&mut self) -> Slot {
        let re = self.re();
        let term = match self.im() {
            Some(im) => (&re - &re) + (&im - &im),
            None => &re - &re,
        };
        self.sum(term)
    }

    /// Computes every requested sum in one variadic reduce.
    pub(crate) fn run(self) -> Sums {
        if self.terms.is_empty() {
            return Sums(Vec::new());
        }
        if let [term] = self.terms.as_slice() {
            return Sums(vec![single_channel_sum(term, self.axis)]);
        }
        let parts: Vec<(&Tensor, ReduceKind)> =
            self.terms.iter().map(|t| (t, ReduceKind::Sum)).collect();
        Sums(Tensor::reduce_many(&parts, &[self.axis]))
    }
}

/// `Σ` of one term over `axis` as one fused pass on XLA CPU. XLA rewrites a single-output
/// reduce over a dimension longer than 32 into a tree of reduce-windows: a kernel per level,
/// each compiled separately, with the term written out to memory in between (SCF of
/// `(16, 64, 100, 100)` data: 3 kernels, the sign array materialised). It leaves multi-output
/// reduces alone, so the sum is taken together with `any(isnan(term))`, which also gives the
/// NaN the sum has anyway (selected, so the result is the plain sum, NaN where a term is NaN).
fn single_channel_sum(t: &Tensor, axis: usize) -> Tensor {
    if t.shape()[axis] <= 32 || !t.dtype().is_real_float() {
        return t.sum(&[axis]);
    }
    let nan = t.is_nan();
    let r = Tensor::reduce_many(&[(t, ReduceKind::Sum), (&nan, ReduceKind::Any)], &[axis]);
    r[1].select(&r[0].scalar(f64::NAN), &r[0])
}

/// A map's formula over the sums of a [`ChannelPass`].
pub(crate) type Finish = Box<dyn FnOnce(&Sums) -> Tensor>;

/// Runs a coherence graph on `x`: `parts` asks a [`ChannelPass`] for its sums and returns how
/// to finish each map; the results come back in that order.
///
/// The checks of [`check_inputs`] run first, except one: with the default
/// [`NonFinite::Error`](crate::NonFinite) policy and a floating-point input (host or device),
/// the non-finite scan rides in the pass itself (one more sum, `Σ (x − x)`, which is 0 exactly when
/// every channel value is finite) instead of a separate read of the data; only when that sum is
/// not 0 does the full check run, to count and locate the values for [`Error::NonFinite`].
fn run_pass<X>(
    func: &'static str,
    key: &str,
    x: &X,
    axis: usize,
    parts: impl FnOnce(&mut ChannelPass) -> Vec<Finish>,
) -> Result<Outs>
where
    X: ArrayArg,
{
    let args = [("channel_images", x.arg())];
    let in_pass = crate::nonfinite::check_inputs_but_scan(func, &args)?;
    let key = if in_pass {
        format!("{key}+scan")
    } else {
        key.to_string()
    };
    let mut outs = run_graph::<X::Backend>(&key, &[x.tensor_type()], vec![x.arg()], |a| {
        Ok(pass_graph(&a[0], axis, in_pass, parts))
    })?;
    if in_pass {
        let probe = outs.pop().ok_or_else(|| Error::Unsupported {
            what: "the non-finite scan".into(),
            why: "the program returned no probe; please report it".into(),
        })?;
        if super::fetch_f64(probe)? != 0.0 {
            // NaN or ±Inf somewhere: the full check counts and locates them
            check_inputs(func, &args)?;
        }
    }
    Ok(Outs(outs.into_iter()))
}

/// The graph [`run_pass`] runs: the maps of `parts` from one pass over `axis`, then, with
/// `scan`, the in-pass non-finite probe `Σ (x − x)` over all of `x` (0 iff all finite).
pub(crate) fn pass_graph(
    x: &Tensor,
    axis: usize,
    scan: bool,
    parts: impl FnOnce(&mut ChannelPass) -> Vec<Finish>,
) -> Vec<Tensor> {
    let mut pass = ChannelPass::new(x, axis);
    let finishes = parts(&mut pass);
    let probe = scan.then(|| pass.sum_nonfinite_probe());
    let sums = pass.run();
    let mut maps: Vec<Tensor> = finishes.into_iter().map(|f| f(&sums)).collect();
    if let Some(slot) = probe {
        maps.push(sums.get(slot).sum_all());
    }
    maps
}

/// The first result of [`run_pass`], as the map array of `X`.
fn single_map<X: ArrayArg>(mut outs: Outs) -> Result<MapOf<X>>
where
    X::Elem: Numeric,
    X::Dim: RemoveAxis,
{
    X::Backend::wrap(outs.next()?)
}

/// One map from its own pass (the single-metric functions).
fn one_pass(x: &Tensor, axis: usize, part: impl FnOnce(&mut ChannelPass) -> Finish) -> Tensor {
    let mut pass = ChannelPass::new(x, axis);
    let finish = part(&mut pass);
    finish(&pass.run())
}

/// CF's sums and formula: `|Σx|² / (M Σ|x|²)` or `|Σx| / Σ|x|`.
pub(crate) fn cf_part(p: &mut ChannelPass, power_based: bool) -> Finish {
    let (re, im) = p.sum_x();
    let m = p.m() as f64;
    if power_based {
        let power = p.sum(p.x().abs2());
        Box::new(move |s| {
            modulus2(s.get(re), im.map(|i| s.get(i))).div_or(&(s.get(power) * m), 0.0)
        })
    } else {
        let amplitude = p.sum(p.x().abs());
        Box::new(move |s| {
            modulus2(s.get(re), im.map(|i| s.get(i)))
                .sqrt()
                .div_or(s.get(amplitude), 0.0)
        })
    }
}

/// The coherence-factor graph: `CF = |Σ_m x|² / (M · Σ_m |x|²)`, or `|Σ_m x| / Σ_m |x|`.
pub(crate) fn cf_graph(x: &Tensor, axis: usize, power_based: bool) -> Tensor {
    one_pass(x, axis, |p| cf_part(p, power_based))
}

/// **Coherence factor** (Mallart & Fink 1994; Hollman et al. 1999): the ratio of coherent to
/// incoherent energy across the receive aperture, per pixel.
///
/// `CF(r) = |Σ_m x[m,r]|² / (M · Σ_m |x[m,r]|²)` (power-based, default), or
/// `CF(r) = |Σ_m x[m,r]| / Σ_m |x[m,r]|` (amplitude-based). Dimensionless, in [0, 1]; 0 where all
/// channels are zero. Input `(M, *img_dims)`, rank ≥ 2; output `img_dims`.
///
/// The power-based form reads the data once: `Σx` and `Σ|x|²` come from one variadic reduce.
///
/// ```
/// use ndarray::Array3;
/// use num_complex::Complex32;
/// use ultrasound_metrics as um;
///
/// // 8 identical channels: perfectly coherent
/// let x = Array3::from_elem((8, 4, 5), Complex32::new(1.0, -2.0));
/// let cf = um::coherence_factor(&x, Default::default())?;          // host backend
/// assert_eq!(cf.shape(), &[4, 5]);
/// assert!(cf.iter().all(|&v| (v - 1.0).abs() < 1e-6));
///
/// let dev = um::Device::cpu()?;                                      // PJRT CPU plugin
/// let cfd = um::coherence_factor(&dev.put(&x)?, Default::default())?; // stays on the device
/// assert!(cfd.to_ndarray()?.abs_diff_eq(&cf, 1e-6));
/// # Ok::<(), um::Error>(())
/// ```
///
/// # Non-finite input
///
/// With [`NonFinite::Propagate`](crate::NonFinite) (no scan; the default `Error` policy rejects
/// NaN and ±Inf in the inputs with [`Error::NonFinite`](crate::Error::NonFinite)): a pixel whose
/// channels contain NaN or ±Inf is NaN (`inf/inf`); other pixels are unaffected. Host and PJRT
/// agree.
pub fn coherence_factor<X>(channel_images: &X, params: CfParams) -> Result<MapOf<X>>
where
    X: ArrayArg,
    X::Elem: Numeric,
    X::Dim: RemoveAxis,
{
    const F: &str = "coherence_factor";
    let axis = channel_axis(F, channel_images.shape_slice(), params.frames)?;
    let key = format!("{F}{{power_based:{},axis:{axis}}}", params.power_based);
    let outs = run_pass(F, &key, channel_images, axis, |p| {
        vec![cf_part(p, params.power_based)]
    })?;
    single_map::<X>(outs)
}

/// The DFT weights `cos(2πkm/M)` and `sin(2πkm/M)` of bin `k`, in `x`'s real dtype, along the
/// channel axis and broadcast over the others. They are computed here (the phase index
/// `k·m mod M` exactly, in integers) and enter the graph as constants, so that XLA folds them
/// into one literal rather than evaluating `cos`/`sin` inside the loop over the data.
fn dft_weights(x: &Tensor, axis: usize, k: usize) -> (Tensor, Tensor) {
    let m = x.shape()[axis];
    let real = x.dtype().real();
    let one = TensorType::new(real, &[1]);
    let vector = |f: fn(f64) -> f64| {
        let parts: Vec<Tensor> = (0..m)
            .map(|i| {
                let angle = ((k * i) % m) as f64 * (2.0 * std::f64::consts::PI / m as f64);
                x.constant(Scalar::Float(f(angle)), one.clone())
            })
            .collect();
        let refs: Vec<&Tensor> = parts.iter().collect();
        Tensor::concat(&refs, 0).broadcast_in_dim(x.shape(), &[axis])
    };
    (vector(f64::cos), vector(f64::sin))
}

/// GCF's sums and formula. `X[k] = Σ_m x[m] e^{−2πikm/M}` for `|k| ≤ m0`, from one pass: bin 0
/// is `Σx`, and each pair `±k` needs only the four real sums `A = Σ c·Re x`, `B = Σ s·Im x`,
/// `C = Σ c·Im x`, `D = Σ s·Re x` (`c, s` = cos, sin of `2πkm/M`), since
/// `X[±k] = (A ± B) + i(C ∓ D)` gives `|X[k]|² + |X[−k]|² = 2(A² + B² + C² + D²)`.
pub(crate) fn gcf_part(p: &mut ChannelPass, m0: usize) -> Finish {
    let (re, im) = p.sum_x();
    let power = p.sum(p.x().abs2());
    let m = p.m() as f64;
    let (x_re, x_im) = (p.re(), p.im());
    let mut bins = Vec::with_capacity(4 * m0);
    for k in 1..=m0 {
        let (c, s) = dft_weights(p.x(), p.axis, k);
        bins.push(p.sum(&c * &x_re));
        bins.push(p.sum(&s * &x_re));
        if let Some(x_im) = &x_im {
            bins.push(p.sum(&c * x_im));
            bins.push(p.sum(&s * x_im));
        }
    }
    Box::new(move |s| {
        let mut low = modulus2(s.get(re), im.map(|i| s.get(i)));
        if !bins.is_empty() {
            let side = bins
                .iter()
                .map(|&b| s.get(b) * s.get(b))
                .reduce(|a, b| a + b)
                .expect("m0 ≥ 1");
            low = low + side * 2.0;
        }
        low.div_or(&(s.get(power) * m), 0.0)
    })
}

/// The GCF graph: a direct DFT of only the `2·m0+1` needed spatial-frequency bins, as sums of
/// one pass over the channels.
pub(crate) fn gcf_graph(x: &Tensor, axis: usize, m0: usize) -> Tensor {
    one_pass(x, axis, |p| gcf_part(p, m0))
}

/// **Generalized coherence factor** (Li & Li 2003): the fraction of the aperture's energy in
/// the low spatial frequencies `−m0..=m0`.
///
/// With `X[k, r] = Σ_m x[m, r] e^{−2πikm/M}` (the DFT across channels),
/// `GCF(r) = Σ_{|k| ≤ m0} |X[k, r]|² / (M · Σ_m |x[m, r]|²)`; in [0, 1] by Parseval, 0 where all
/// channels are zero, and `m0 = 0` gives the power-based CF. Only the `2·m0+1` needed bins are
/// computed (a direct DFT, as weighted sums of the same single pass over the channels that
/// yields `Σ|x|²`), not a full FFT.
///
/// Errors: rank < 2 or no receive elements, or `m0 ≥ M/2` (`M/2` rounded down, the
/// reference's rule).
///
/// ```
/// use ndarray::Array2;
/// use num_complex::Complex64;
/// use ultrasound_metrics as um;
/// use um::metrics::GcfParams;
///
/// // a pure spatial harmonic k = 1 across 16 channels: inside the band for m0 = 1
/// let x = Array2::from_shape_fn((16, 3), |(m, _)| {
///     Complex64::from_polar(1.0, 2.0 * std::f64::consts::PI * m as f64 / 16.0)
/// });
/// let g = um::generalized_coherence_factor(&x, GcfParams { m0: 1, ..Default::default() })?;
/// assert!((g[0] - 1.0).abs() < 1e-12);
/// assert!(um::generalized_coherence_factor(&x, GcfParams { m0: 8, ..Default::default() }).is_err());
/// # Ok::<(), um::Error>(())
/// ```
///
/// # Non-finite input
///
/// With [`NonFinite::Propagate`](crate::NonFinite) (no scan; the default `Error` policy rejects
/// NaN and ±Inf in the inputs with [`Error::NonFinite`](crate::Error::NonFinite)): a pixel whose
/// channels contain NaN or ±Inf is NaN; other pixels are unaffected. Host and PJRT agree.
pub fn generalized_coherence_factor<X>(channel_images: &X, params: GcfParams) -> Result<MapOf<X>>
where
    X: ArrayArg,
    X::Elem: Numeric,
    X::Dim: RemoveAxis,
{
    const F: &str = "generalized_coherence_factor";
    let shape = channel_images.shape_slice();
    let axis = channel_axis(F, shape, params.frames)?;
    check_m0(F, "m0", params.m0, shape[axis])?;
    let key = format!("{F}{{m0:{},axis:{axis}}}", params.m0);
    let outs = run_pass(F, &key, channel_images, axis, |p| {
        vec![gcf_part(p, params.m0)]
    })?;
    single_map::<X>(outs)
}

/// The unit phasor `x/|x|` as (real part, imaginary part), with `0` where `x = 0` (`sign(x)`
/// for real data, imaginary part `None`).
fn unit_phasor(p: &ChannelPass) -> (Tensor, Option<Tensor>) {
    let u = p.x().sign();
    if u.dtype().is_complex() {
        (u.re(), Some(u.im()))
    } else {
        (u, None)
    }
}

/// PCF's sums and formula before the exponent: `|Σ_m x/|x|| / M`.
pub(crate) fn pcf_coherence_part(p: &mut ChannelPass) -> Finish {
    let (u_re, u_im) = unit_phasor(p);
    let re = p.sum(u_re);
    let im = u_im.map(|u| p.sum(u));
    let m = p.m() as f64;
    Box::new(move |s| match im {
        Some(im) => modulus2(s.get(re), Some(s.get(im))).sqrt() / m,
        None => s.get(re).abs() / m,
    })
}

/// PCF's sums and formula: `|mean_m x/|x||^power`.
pub(crate) fn pcf_part(p: &mut ChannelPass, power: f64) -> Finish {
    let coherence = pcf_coherence_part(p);
    Box::new(move |s| coherence(s).powf(power))
}

/// The PCF graph: `|mean_m x/|x||^power` (with `x/|x| = 0` at 0).
pub(crate) fn pcf_graph(x: &Tensor, axis: usize, power: f64) -> Tensor {
    one_pass(x, axis, |p| pcf_part(p, power))
}

/// The PCF before the exponent: `|mean_m x/|x||`.
pub(crate) fn pcf_coherence(x: &Tensor, axis: usize) -> Tensor {
    one_pass(x, axis, pcf_coherence_part)
}

/// **Phase coherence factor**, as computed by the reference: the mean resultant length of the
/// unit phasors across the aperture, raised to `power`.
///
/// `PCF(r) = | (1/M) Σ_m x[m,r] / |x[m,r]| |^power`, with `x/|x| = 0` where `x = 0` (zero
/// channels still count in `M`). For real input this is `|mean sign(x)|^power`. In [0, 1];
/// `power = 0` gives 1 everywhere. Note: Camacho et al. 2009 define PCF from the phase standard
/// deviation; the reference (and this crate, for compatibility) computes the circular coherence,
/// which is monotonically related but numerically different.
///
/// Errors: rank < 2 or no receive elements; `power` negative or non-finite.
///
/// ```
/// use ndarray::array;
/// use ultrasound_metrics as um;
/// let x = array![[1.0, 2.0], [3.0, -1.0]]; // pixel 0: same polarity, pixel 1: opposite
/// let p = um::phase_coherence_factor(&x, Default::default())?;
/// assert_eq!(p, array![1.0, 0.0]);
/// # Ok::<(), um::Error>(())
/// ```
///
/// # Non-finite input
///
/// With [`NonFinite::Propagate`](crate::NonFinite) (no scan; the default `Error` policy rejects
/// NaN and ±Inf in the inputs with [`Error::NonFinite`](crate::Error::NonFinite)): a NaN channel
/// makes its pixel NaN; ±Inf is a finite phasor (`sign(±inf) = ±1`), so the pixel stays finite.
/// Host and PJRT agree.
pub fn phase_coherence_factor<X>(channel_images: &X, params: PcfParams) -> Result<MapOf<X>>
where
    X: ArrayArg,
    X::Elem: Numeric,
    X::Dim: RemoveAxis,
{
    const F: &str = "phase_coherence_factor";
    let axis = channel_axis(F, channel_images.shape_slice(), params.frames)?;
    check_power(F, params.power)?;
    let key = format!("{F}{{power:{:?},axis:{axis}}}", params.power);
    let outs = run_pass(F, &key, channel_images, axis, |p| {
        vec![pcf_part(p, params.power)]
    })?;
    single_map::<X>(outs)
}

/// SCF's sums and formula before the exponent: `|1 − sqrt(max(1 − p², 0))|` with
/// `p = mean_m sign(Re x)`, evaluated as `Σ² / (m² + m·sqrt(m² − Σ²))` (`Σ = m·p`, exact at
/// both ends).
pub(crate) fn scf_coherence_part(p: &mut ChannelPass) -> Finish {
    let b = p.sum(p.re().sign()); // +1, −1, or 0 for an exact zero (numpy's sign)
    let m = p.m() as f64;
    Box::new(move |s| {
        // 1 − sqrt(1 − p²) = Σ² / (m² + m·sqrt(m² − Σ²)) with Σ the sum of signs, an integer:
        // exactly 1 when every sign agrees and exactly 0 when they cancel, with no cancellation
        // in between. The textbook form leaves 2⁻⁵⁴ behind on XLA (Σ/m becomes Σ·(1/m) and LLVM
        // contracts 1 − p·p into an fma), so the device returned 1 − 2⁻²⁷ where the host gave 1.
        let sum = s.get(b);
        let s2 = sum * sum;
        let m2 = m * m;
        let root = (m2 - &s2).max(&s2.scalar(0.0)).sqrt();
        &s2 / &(root * m + m2)
    })
}

/// SCF's sums and formula: `|1 − sqrt(max(1 − p², 0))|^power`.
pub(crate) fn scf_part(p: &mut ChannelPass, power: f64) -> Finish {
    let coherence = scf_coherence_part(p);
    Box::new(move |s| coherence(s).powf(power))
}

/// The SCF graph: `|1 − sqrt(max(1 − p², 0))|^power` with `p = mean_m sign(Re x)`.
pub(crate) fn scf_graph(x: &Tensor, axis: usize, power: f64) -> Tensor {
    one_pass(x, axis, |p| scf_part(p, power))
}

/// The SCF before the exponent.
pub(crate) fn scf_coherence(x: &Tensor, axis: usize) -> Tensor {
    one_pass(x, axis, scf_coherence_part)
}

/// **Sign coherence factor** (Camacho et al. 2009): agreement of the polarity of the real part
/// across the aperture.
///
/// `b = sign(Re x)` (+1, −1, and **0 for an exact zero**, as numpy's `sign` in the reference),
/// `p(r) = mean_m b[m,r]`, `σ = sqrt(max(1 − p², 0))`, `SCF = |1 − σ|^power`. In [0, 1]. All-zero
/// channels give 0 (the paper's `b = +1` at 0 would give 1): this follows the reference.
///
/// Errors: rank < 2 or no receive elements; `power` negative or non-finite.
///
/// ```
/// use ndarray::array;
/// use ultrasound_metrics as um;
/// let x = array![[1.0, 1.0], [2.0, -1.0]];
/// let s = um::sign_coherence_factor(&x, Default::default())?;
/// assert_eq!(s, array![1.0, 0.0]);
/// # Ok::<(), um::Error>(())
/// ```
///
/// # Non-finite input
///
/// With [`NonFinite::Propagate`](crate::NonFinite) (no scan; the default `Error` policy rejects
/// NaN and ±Inf in the inputs with [`Error::NonFinite`](crate::Error::NonFinite)): a NaN channel
/// makes its pixel NaN; ±Inf counts by its sign (`±1`), so the pixel stays finite. Host and PJRT
/// agree.
pub fn sign_coherence_factor<X>(channel_images: &X, params: ScfParams) -> Result<MapOf<X>>
where
    X: ArrayArg,
    X::Elem: Numeric,
    X::Dim: RemoveAxis,
{
    const F: &str = "sign_coherence_factor";
    let axis = channel_axis(F, channel_images.shape_slice(), params.frames)?;
    check_power(F, params.power)?;
    let key = format!("{F}{{power:{:?},axis:{axis}}}", params.power);
    let outs = run_pass(F, &key, channel_images, axis, |p| {
        vec![scf_part(p, params.power)]
    })?;
    single_map::<X>(outs)
}

/// Parameters of [`coherence_maps`]: which maps to compute (`None`/`false` skips one).
/// The default computes all five with the single metrics' defaults.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct CoherenceMapsParams {
    /// The power-based coherence factor ([`coherence_factor`] with default parameters).
    pub cf: bool,
    /// The generalized coherence factor with this `m0` ([`generalized_coherence_factor`]).
    pub gcf: Option<usize>,
    /// The phase coherence factor with this exponent ([`phase_coherence_factor`]).
    pub pcf: Option<f64>,
    /// The sign coherence factor with this exponent ([`sign_coherence_factor`]).
    pub scf: Option<f64>,
    /// The log-compressed B-mode image of the delay-and-sum beamformed data: `Σ_m x` through
    /// [`db_zero`](crate::db_zero) (0 dB at the brightest pixel, **per frame** with `frames`).
    pub bmode: bool,
    /// The input has a leading frames axis: `(F, M, *img_dims)`.
    pub frames: bool,
}

impl Default for CoherenceMapsParams {
    fn default() -> Self {
        CoherenceMapsParams {
            cf: true,
            gcf: Some(1),
            pcf: Some(1.0),
            scf: Some(1.0),
            bmode: true,
            frames: false,
        }
    }
}

/// The maps computed by [`coherence_maps`]: each is `Some` exactly when requested, of shape
/// `img_dims` (or `(F, *img_dims)`), and the same array kind as the input (`ndarray` or
/// [`DeviceArray`](crate::DeviceArray)).
#[derive(Debug, Clone, PartialEq)]
pub struct CoherenceMaps<A> {
    /// Power-based coherence factor.
    pub cf: Option<A>,
    /// Generalized coherence factor.
    pub gcf: Option<A>,
    /// Phase coherence factor.
    pub pcf: Option<A>,
    /// Sign coherence factor.
    pub scf: Option<A>,
    /// B-mode image of the delay-and-sum data, in dB relative to its maximum.
    pub bmode: Option<A>,
}

/// The maps of [`coherence_maps`] for array `X`.
pub type CoherenceMapsOf<X> = CoherenceMaps<MapOf<X>>;

/// The fused graph: every requested map from **one** pass over the channel axis. Outputs in the
/// order cf, gcf, pcf, scf, bmode (requested ones only).
pub(crate) fn coherence_maps_graph(
    x: &Tensor,
    axis: usize,
    params: &CoherenceMapsParams,
) -> Vec<Tensor> {
    pass_graph(x, axis, false, |p| maps_parts(p, params))
}

/// The requested maps' sums and formulas, in the order cf, gcf, pcf, scf, bmode.
fn maps_parts(p: &mut ChannelPass, params: &CoherenceMapsParams) -> Vec<Finish> {
    let mut parts: Vec<Finish> = Vec::new();
    if params.cf {
        parts.push(cf_part(p, true));
    }
    if let Some(m0) = params.gcf {
        parts.push(gcf_part(p, m0));
    }
    if let Some(power) = params.pcf {
        parts.push(pcf_part(p, power));
    }
    if let Some(power) = params.scf {
        parts.push(scf_part(p, power));
    }
    if params.bmode {
        parts.push(bmode_part(p));
    }
    parts
}

/// The B-mode image of the delay-and-sum data `Σ_m x`, in dB relative to the maximum of each
/// image (of each frame with a frames axis).
fn bmode_part(p: &mut ChannelPass) -> Finish {
    let (re, im) = p.sum_x();
    let frames = p.axis; // the axes before the channel axis are frames
    Box::new(move |s| {
        let das = match im {
            Some(im) => s.get(re).complex(s.get(im)),
            None => s.get(re).clone(),
        };
        let image_axes: Vec<usize> = (frames..das.rank()).collect();
        super::bmode::db_zero_over(&das, &image_axes)
    })
}

/// **Coherence maps, fused**: the coherence factor, generalized coherence factor, phase
/// coherence factor, sign coherence factor and the B-mode image of the same channel data in
/// **one** call that reads the data once — one executable whose single variadic reduce over the
/// channel axis yields every sum the maps need (`Σx`, `Σ|x|²`, the GCF's DFT bins, `Σ x/|x|`,
/// `Σ sign(Re x)`).
///
/// Each map equals the corresponding single metric ([`coherence_factor`] (power-based),
/// [`generalized_coherence_factor`], [`phase_coherence_factor`], [`sign_coherence_factor`]) with
/// the same parameters, and `bmode` equals [`db_zero`](crate::db_zero) of the channel sum
/// (per frame with `frames`). Input `(M, *img_dims)` or `(F, M, *img_dims)`; errors as the
/// single metrics (rank, `m0 ≥ M/2`, negative or NaN exponent). Requesting nothing returns no
/// maps without computing anything.
///
/// ```
/// use ndarray::Array3;
/// use num_complex::Complex32;
/// use ultrasound_metrics as um;
/// use um::metrics::CoherenceMapsParams;
///
/// let x = Array3::from_shape_fn((16, 4, 5), |(m, i, j)| {
///     Complex32::from_polar(1.0 + i as f32, 0.1 * (m * (j + 1)) as f32)
/// });
/// let maps = um::coherence_maps(&x, CoherenceMapsParams::default())?; // host backend
/// let cf = maps.cf.unwrap();
/// assert!(cf.abs_diff_eq(&um::coherence_factor(&x, Default::default())?, 1e-6));
/// assert_eq!(maps.bmode.unwrap().shape(), &[4, 5]);
///
/// let dev = um::Device::cpu()?;                       // PJRT: one executable, outputs stay there
/// let only = CoherenceMapsParams { pcf: None, bmode: false, ..Default::default() };
/// let on_dev = um::coherence_maps(&dev.put(&x)?, only)?;
/// assert!(on_dev.pcf.is_none());
/// assert!(on_dev.cf.unwrap().to_ndarray()?.abs_diff_eq(&cf, 1e-5));
/// # Ok::<(), um::Error>(())
/// ```
///
/// # Non-finite input
///
/// With [`NonFinite::Propagate`](crate::NonFinite) (no scan; the default `Error` policy rejects
/// NaN and ±Inf in the inputs with [`Error::NonFinite`](crate::Error::NonFinite)): each map
/// behaves as its single metric does ([`coherence_factor`], [`generalized_coherence_factor`],
/// [`phase_coherence_factor`], [`sign_coherence_factor`]: the pixel is NaN); a NaN channel sum
/// makes its frame's normalising maximum NaN, so that frame's whole B-mode is NaN. Host and PJRT
/// agree (tested).
pub fn coherence_maps<X>(
    channel_images: &X,
    params: CoherenceMapsParams,
) -> Result<CoherenceMapsOf<X>>
where
    X: ArrayArg,
    X::Elem: Numeric,
    X::Dim: RemoveAxis,
{
    const F: &str = "coherence_maps";
    let shape = channel_images.shape_slice();
    let axis = channel_axis(F, shape, params.frames)?;
    if let Some(m0) = params.gcf {
        check_m0(F, "params.gcf", m0, shape[axis])?;
    }
    if let Some(power) = params.pcf {
        check_power(F, power)?;
    }
    if let Some(power) = params.scf {
        check_power(F, power)?;
    }
    let mut maps = CoherenceMaps {
        cf: None,
        gcf: None,
        pcf: None,
        scf: None,
        bmode: None,
    };
    if !(params.cf
        || params.gcf.is_some()
        || params.pcf.is_some()
        || params.scf.is_some()
        || params.bmode)
    {
        check_inputs(F, &[("channel_images", channel_images.arg())])?;
        return Ok(maps);
    }
    let key = format!(
        "{F}{{cf:{},gcf:{:?},pcf:{:?},scf:{:?},bmode:{},axis:{axis}}}",
        params.cf, params.gcf, params.pcf, params.scf, params.bmode
    );
    let mut outs = run_pass(F, &key, channel_images, axis, |p| maps_parts(p, &params))?;
    let mut next = |wanted: bool| -> Result<Option<MapOf<X>>> {
        if wanted {
            Ok(Some(X::Backend::wrap(outs.next()?)?))
        } else {
            Ok(None)
        }
    };
    maps.cf = next(params.cf)?;
    maps.gcf = next(params.gcf.is_some())?;
    maps.pcf = next(params.pcf.is_some())?;
    maps.scf = next(params.scf.is_some())?;
    maps.bmode = next(params.bmode)?;
    Ok(maps)
}

/// The power-based CF graph over axis 0, for benchmarks that time compilation of the exact
/// program the metric runs.
#[doc(hidden)]
pub fn cf_graph_for_bench(x: &Tensor) -> Tensor {
    cf_graph(x, 0, true)
}
