//! `ShardedArray`: metrics split over the CPU plugin's devices give the same maps as one call on
//! one device, each slab stays on its own device, and bad splits are typed errors.

use ndarray::{Array3, Array4};
use num_complex::Complex32;
use ultrasound_metrics as um;
use um::metrics::{CfParams, GcfParams, PcfParams, ScfParams};
use um::runtime::{Device, ShardedArray};
use um::Error;

fn channel_data(m: usize, z: usize, x: usize) -> Array3<Complex32> {
    Array3::from_shape_fn((m, z, x), |(a, i, j)| {
        let p = (a * 7 + i * 3 + j * 5) as f32;
        Complex32::new((p * 0.37).sin() + 0.2, (p * 0.11).cos() - 0.1)
    })
}

#[test]
fn coherence_family_split_matches_one_device() -> um::Result<()> {
    let devices = Device::cpu_devices()?;
    let x = channel_data(16, 13, 9);
    let one = devices[0].put(&x)?;
    for axis in [1, 2] {
        let xs = ShardedArray::split(&x, axis, &devices)?;
        assert_eq!(xs.shards().len(), devices.len());
        for (k, s) in xs.shards().iter().enumerate() {
            assert_eq!(s.device(), &devices[k], "slab {k} is on its own device");
        }
        let out = axis - 1;
        let cf = xs.map(out, |s| um::coherence_factor(s, CfParams::default()))?;
        let gcf = xs.map(out, |s| {
            um::generalized_coherence_factor(
                s,
                GcfParams {
                    m0: 2,
                    ..Default::default()
                },
            )
        })?;
        let pcf = xs.map(out, |s| um::phase_coherence_factor(s, PcfParams::default()))?;
        let scf = xs.map(out, |s| um::sign_coherence_factor(s, ScfParams::default()))?;
        // the same executable per shape runs on each slab: results are bit-identical to a
        // single-device call (a per-pixel map does not depend on its neighbours)
        assert_eq!(
            cf.to_ndarray()?,
            um::coherence_factor(&one, CfParams::default())?.to_ndarray()?
        );
        let g1 = um::generalized_coherence_factor(
            &one,
            GcfParams {
                m0: 2,
                ..Default::default()
            },
        )?;
        assert!(gcf.to_ndarray()?.abs_diff_eq(&g1.to_ndarray()?, 1e-6));
        let p1 = um::phase_coherence_factor(&one, PcfParams::default())?;
        assert!(pcf.to_ndarray()?.abs_diff_eq(&p1.to_ndarray()?, 1e-6));
        let s1 = um::sign_coherence_factor(&one, ScfParams::default())?;
        assert!(scf.to_ndarray()?.abs_diff_eq(&s1.to_ndarray()?, 1e-6));
        assert_eq!(xs.to_ndarray()?, x);
    }
    Ok(())
}

#[test]
fn frames_split_along_the_batch_axis() -> um::Result<()> {
    let devices = Device::cpu_devices()?;
    let batch = Array4::from_shape_fn((5, 8, 6, 4), |(f, m, i, j)| {
        ((f * 13 + m * 7 + i * 3 + j) as f64 * 0.29).sin()
    });
    let params = CfParams {
        frames: true,
        ..Default::default()
    };
    let xs = ShardedArray::split(&batch, 0, &devices)?;
    let cf = xs.map(0, |s| um::coherence_factor(s, params))?;
    assert_eq!(cf.shape(), vec![5, 6, 4]);
    let whole = um::coherence_factor(&batch, params)?;
    assert!(cf.to_ndarray()?.abs_diff_eq(&whole, 1e-12));
    Ok(())
}

#[test]
fn bad_splits_are_typed_errors() -> um::Result<()> {
    let devices = Device::cpu_devices()?;
    let x = channel_data(4, 3, 2);
    let msg = |e: Error| e.to_string();
    let e = ShardedArray::split(&x, 3, &devices).unwrap_err();
    assert!(matches!(e, Error::InvalidArgument { .. }) && msg(e).contains("`axis`"));
    let e = ShardedArray::split(&x, 0, &[]).unwrap_err();
    assert!(matches!(e, Error::InvalidArgument { .. }) && msg(e).contains("`devices`"));
    let empty = Array3::<f32>::zeros((4, 0, 2));
    let e = ShardedArray::split(&empty, 1, &devices).unwrap_err();
    assert!(msg(e).contains("length 0"));
    // slabs that do not join
    let a = devices[0].put(&x)?;
    let b = devices[1].put(&channel_data(5, 3, 2))?;
    let e = ShardedArray::from_shards(vec![a.clone(), b], 1).unwrap_err();
    assert!(msg(e).contains("may differ only along axis 1"));
    // an error in one slab's computation is returned, not a panic
    let xs = ShardedArray::split(&x, 1, &devices)?;
    let e = xs
        .map(0, |s| {
            um::generalized_coherence_factor(
                s,
                GcfParams {
                    m0: 9,
                    ..Default::default()
                },
            )
        })
        .unwrap_err();
    assert!(msg(e).contains("m0"));
    Ok(())
}

#[test]
fn large_put_round_trips_through_aligned_memory() -> um::Result<()> {
    let dev = Device::cpu()?;
    // 16 MiB: above the aligned-put threshold and the parallel-copy threshold
    let x = channel_data(64, 128, 256);
    for _ in 0..3 {
        // repeated puts of one shape reuse pooled blocks; the data must be the new data
        let d = dev.put(&x)?;
        assert!(d.is_zero_copy());
        assert_eq!(d.to_ndarray()?, x);
    }
    let y = x.mapv(|v| v * 2.0);
    assert_eq!(dev.put(&y)?.to_ndarray()?, y);
    // a non-contiguous view goes through the same path
    let t = x.view().reversed_axes();
    assert_eq!(dev.put(&t)?.to_ndarray()?, t);
    // a small array keeps the plugin's own copy
    assert!(!dev.put(&channel_data(2, 2, 2))?.is_zero_copy());
    Ok(())
}
