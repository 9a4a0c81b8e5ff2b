//! Learns per-element receive apodization weights by gradient ascent on image-quality metrics
//! of the synthetic phantom.
//!
//! 1. The mean coherence factor: `L(w) = mean_r CF(w[m]·x[m, r])`, the mean over all pixels of
//!    the (power-based) coherence factor of the apodized channel data (to be raised).
//! 2. The cyst-to-background contrast of the delay-and-sum image `Σ_m w[m]·x[m]`, in dB (to be
//!    lowered: a darker cyst), with the two regions as masks. (On one speckle realisation the
//!    learned weights also fit that speckle: an illustration, not an apodization design.)
//!
//! The gradients with respect to the 32 real weights come from reverse-mode autodiff on the
//! metrics' graphs ([`um::grad::Objective`]); each forward + backward pass runs as one cached
//! program. Both objectives are invariant under `w → a·w`, so the ascent takes normalised steps
//! (halved after an overshoot) and keeps `max w = 1`.
//!
//! Run: `cargo run --example apodization` (host backend), or
//! `cargo run --example apodization -- --pjrt` (PJRT CPU device; the data stay on the device).

use ndarray::Array1;
use ultrasound_metrics as um;
use um::data::synthetic::{generate, SyntheticConfig};
use um::grad::{Objective, Operand};
use um::graph::Tensor;
use um::metrics::{traced, CfParams};
use um::{Host, Pjrt};

const STEPS: usize = 12;
const STEP: f32 = 0.08;

/// Where the objective runs: the constant arguments on the host or on a device.
enum Args<'a> {
    Host(Vec<&'a dyn Operand<Host>>),
    Device(&'a um::Device, Vec<&'a dyn Operand<Pjrt>>),
}

fn value_and_grad(obj: &Objective, w: &Array1<f32>, args: &Args) -> um::Result<(f64, Array1<f32>)> {
    match args {
        Args::Host(rest) => obj.value_and_grad(w, rest),
        Args::Device(dev, rest) => {
            let (v, g) = obj.value_and_grad(&dev.put(w)?, rest)?;
            Ok((v.to_ndarray()?.into_scalar() as f64, g.to_ndarray()?))
        }
    }
}

/// Normalised gradient ascent from uniform weights; returns the weights.
fn ascend(
    obj: &Objective,
    m: usize,
    args: &Args,
    show: impl Fn(f64) -> f64,
) -> um::Result<Array1<f32>> {
    let mut w = Array1::<f32>::ones(m); // rectangular apodization
    let (mut value, mut grad) = value_and_grad(obj, &w, args)?;
    let first = show(value);
    let mut step = STEP;
    println!("  step   0: {first:.4}");
    for k in 1..=STEPS {
        let gnorm = grad.mapv(|v| v * v).sum().sqrt().max(f32::MIN_POSITIVE);
        let wnorm = w.mapv(|v| v * v).sum().sqrt();
        let mut cand = &w + &(&grad * (step * wnorm / gnorm));
        let wmax = cand.iter().fold(f32::MIN_POSITIVE, |a, &b| a.max(b.abs()));
        cand /= wmax;
        let (v, g) = value_and_grad(obj, &cand, args)?;
        if v >= value {
            (w, value, grad) = (cand, v, g);
        } else {
            step *= 0.5; // overshoot: keep w, shorten the step
        }
        if k % 4 == 0 {
            println!("  step {k:3}: {:.4}", show(value));
        }
    }
    println!("  {first:.4} -> {:.4}", show(value));
    Ok(w)
}

fn main() -> um::Result<()> {
    let pjrt = std::env::args().any(|a| a == "--pjrt");
    let ds = generate(&SyntheticConfig::small());
    let x = &ds.channel_data; // (M, Nz, Nx) complex64
    let m = x.dim().0;
    let cyst = ds.cyst_mask().mapv(|b| b as u8 as f32);
    let background = ds.background_mask().mapv(|b| b as u8 as f32);
    println!(
        "synthetic phantom: {m} elements, {}x{} pixels; backend: {}",
        x.dim().1,
        x.dim().2,
        if pjrt { "PJRT CPU" } else { "host" }
    );

    // 1. mean CF of w[:, None, None] * x, as a function of the weights (first argument)
    let mean_cf = Objective::new("apodized_mean_cf", |a| {
        let (w, x) = (&a[0], &a[1]);
        let w = w.cast(x.dtype()).reshape(&[w.shape()[0], 1, 1]);
        Ok(traced::coherence_factor(&(&w * x), CfParams::default())?.mean_all())
    });
    // 2. minus the cyst/background contrast (dB) of the delay-and-sum image
    let neg_contrast = Objective::new("apodized_contrast", |a| {
        let (w, x, cyst, bg) = (&a[0], &a[1], &a[2], &a[3]);
        let w = w.cast(x.dtype()).reshape(&[w.shape()[0], 1, 1]);
        let power = (&w * x).sum(&[0]).abs2(); // |DAS image|²
        let region_mean = |mask: &Tensor| (&power * mask).sum_all() / mask.sum_all();
        let ratio = region_mean(cyst) / region_mean(bg);
        Ok(-(ratio.log10() * 10.0))
    });

    let dev = if pjrt { Some(um::Device::cpu()?) } else { None };
    let on_dev = match &dev {
        Some(d) => Some((d.put(x)?, d.put(&cyst)?, d.put(&background)?)),
        None => None,
    };
    let (cf_args, c_args) = match (&dev, &on_dev) {
        (Some(d), Some((xd, cd, bd))) => {
            (Args::Device(d, vec![xd]), Args::Device(d, vec![xd, cd, bd]))
        }
        _ => (Args::Host(vec![x]), Args::Host(vec![x, &cyst, &background])),
    };

    println!("raising the mean coherence factor:");
    let w = ascend(&mean_cf, m, &cf_args, |v| v)?;
    let profile: Vec<String> = w.iter().step_by(4).map(|v| format!("{v:.2}")).collect();
    println!("  weights (every 4th element): [{}]", profile.join(", "));

    println!("lowering the cyst/background contrast (dB):");
    let w = ascend(&neg_contrast, m, &c_args, |v| -v)?;
    let profile: Vec<String> = w.iter().step_by(4).map(|v| format!("{v:.2}")).collect();
    println!("  weights (every 4th element): [{}]", profile.join(", "));
    Ok(())
}
