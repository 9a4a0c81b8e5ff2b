//! Learns per-element receive apodization weights by gradient ascent on the mean coherence
//! factor of the synthetic phantom.
//!
//! The objective is `L(w) = mean_r CF(w[m]·x[m, r])`, the mean over all pixels of the
//! (power-based) coherence factor of the apodized channel data. Its gradient with respect to the
//! 32 real weights comes from reverse-mode autodiff on the metric's graph
//! ([`um::grad::Objective`]); the forward and backward passes run as one cached program.
//! CF is invariant under `w → a·w`, so the ascent takes normalised steps and keeps `max w = 1`.
//!
//! Run: `cargo run --example apodization` (host backend), or
//! `cargo run --example apodization -- --pjrt` (PJRT CPU device; the data stay on the device).

use ndarray::Array1;
use ultrasound_metrics as um;
use um::data::synthetic::{generate, SyntheticConfig};
use um::grad::Objective;
use um::metrics::{traced, CfParams};

const STEPS: usize = 20;
const STEP: f32 = 0.08;

fn main() -> um::Result<()> {
    let pjrt = std::env::args().any(|a| a == "--pjrt");
    let ds = generate(&SyntheticConfig::small());
    let x = ds.channel_data; // (M, Nz, Nx) complex64
    let m = x.dim().0;
    println!(
        "synthetic phantom: {m} elements, {}x{} pixels; backend: {}",
        x.dim().1,
        x.dim().2,
        if pjrt { "PJRT CPU" } else { "host" }
    );

    // mean CF of w[:, None, None] * x, as a function of the weights (first argument)
    let mean_cf = Objective::new("apodized_mean_cf", |a| {
        let (w, x) = (&a[0], &a[1]);
        let w = w.cast(x.dtype()).reshape(&[w.shape()[0], 1, 1]);
        Ok(traced::coherence_factor(&(&w * x), CfParams::default())?.mean_all())
    });

    let dev = if pjrt { Some(um::Device::cpu()?) } else { None };
    let xd = match &dev {
        Some(d) => Some(d.put(&x)?),
        None => None,
    };
    let eval = |w: &Array1<f32>| -> um::Result<(f64, Array1<f32>)> {
        match (&dev, &xd) {
            (Some(d), Some(xd)) => {
                let (v, g) = mean_cf.value_and_grad(&d.put(w)?, &[xd])?;
                Ok((v.to_ndarray()?.into_scalar() as f64, g.to_ndarray()?))
            }
            _ => mean_cf.value_and_grad(w, &[&x]),
        }
    };

    let mut w = Array1::<f32>::ones(m); // rectangular apodization
    let (mut value, mut grad) = eval(&w)?;
    let first = value;
    let mut step = STEP;
    println!("step   0: mean CF = {value:.5}");
    for k in 1..=STEPS {
        // normalised gradient ascent (the objective is scale invariant), then max w = 1
        let gnorm = grad.mapv(|v| v * v).sum().sqrt().max(f32::MIN_POSITIVE);
        let wnorm = w.mapv(|v| v * v).sum().sqrt();
        let mut cand = &w + &(&grad * (step * wnorm / gnorm));
        let wmax = cand.iter().fold(f32::MIN_POSITIVE, |a, &b| a.max(b.abs()));
        cand /= wmax;
        let (v, g) = eval(&cand)?;
        if v >= value {
            (w, value, grad) = (cand, v, g);
        } else {
            step *= 0.5; // overshoot: keep w, shorten the step
        }
        if k % 4 == 0 {
            println!("step {k:3}: mean CF = {value:.5}");
        }
    }
    println!(
        "mean CF {first:.5} -> {value:.5} ({:+.1}%)",
        100.0 * (value - first) / first
    );
    let profile: Vec<String> = w.iter().step_by(4).map(|v| format!("{v:.2}")).collect();
    println!(
        "learned weights (every 4th element): [{}]",
        profile.join(", ")
    );
    Ok(())
}
