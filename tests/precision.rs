//! Long sums keep their precision on every backend: statistics over millions of f32 samples
//! are accumulated in f64 (an f32 running sum drifts by percents at this length).

use ndarray::Array2;
use ultrasound_metrics as um;

#[test]
fn noise_adjacent_frames_over_millions_of_f32_samples() -> um::Result<()> {
    let n = 3_000_000;
    let x = Array2::from_shape_fn((2, n), |(r, i)| {
        1.0f32 + 0.25 * ((i * 7 + r * 3) % 11) as f32 / 11.0
    });
    // exact reference in f64
    let (mut s, mut noise) = (0f64, 0f64);
    for i in 0..n {
        let (a, b) = (x[[0, i]] as f64, x[[1, i]] as f64);
        s += ((a + b) / 2.0).powi(2);
        noise += ((b - a) / 2.0).powi(2);
    }
    let close = |got: f32, want: f64| ((got as f64 - want) / want).abs() < 1e-5;
    let host = um::noise_adjacent_frames(&x)?;
    assert!(
        close(host.signal_power as f32, s),
        "host S {} vs {s}",
        host.signal_power
    );
    assert!(
        close(host.noise_power as f32, noise),
        "host N {} vs {noise}",
        host.noise_power
    );
    let dev = um::Device::cpu()?;
    let d = um::noise_adjacent_frames(&dev.put(&x)?)?;
    let (ds, dn) = (
        d.signal_power.to_ndarray()?.into_scalar(),
        d.noise_power.to_ndarray()?.into_scalar(),
    );
    assert!(close(ds, s), "PJRT S {ds} vs {s}");
    assert!(close(dn, noise), "PJRT N {dn} vs {noise}");
    Ok(())
}

#[test]
fn noise_repeated_measurements_over_millions_of_f32_samples() -> um::Result<()> {
    let n = 3_000_000;
    let x = Array2::from_shape_fn((2, n), |(r, i)| {
        1.0f32 + 0.25 * ((i * 5 + r * 3) % 13) as f32 / 13.0
    });
    let (mut s, mut noise) = (0f64, 0f64);
    for i in 0..n {
        let (a, b) = (x[[0, i]] as f64, x[[1, i]] as f64);
        let mu = (a + b) / 2.0;
        s += mu * mu;
        noise += ((a - mu).powi(2) + (b - mu).powi(2)) / 2.0;
    }
    let close = |got: f32, want: f64| ((got as f64 - want) / want).abs() < 1e-5;
    let dev = um::Device::cpu()?;
    let d = um::noise_repeated_measurements(&dev.put(&x)?)?;
    let (ds, dn) = (
        d.signal_power.to_ndarray()?.into_scalar(),
        d.noise_power.to_ndarray()?.into_scalar(),
    );
    assert!(close(ds, s), "PJRT S {ds} vs {s}");
    assert!(close(dn, noise), "PJRT N {dn} vs {noise}");
    Ok(())
}
