//! Executable cache behaviour. One test function on purpose: the compile counter is per device
//! and tests in one binary run in parallel, so the scenarios run in sequence here.

use std::sync::{Arc, Barrier};

use ndarray::Array3;
use num_complex::Complex32;
use ultrasound_metrics as um;
use um::metrics::CfParams;

fn data(m: usize, h: usize, w: usize) -> Array3<Complex32> {
    Array3::from_shape_fn((m, h, w), |(a, b, c)| {
        Complex32::new(
            (a * 7 + b * 3 + c) as f32 % 5.0 - 2.0,
            (a + c) as f32 % 3.0 - 1.0,
        )
    })
}

#[test]
fn compile_once_per_signature_and_race_safe() {
    let dir = std::env::temp_dir().join(format!("um-cache-test-{}", std::process::id()));
    um::runtime::set_disk_cache_dir(Some(dir.clone()));
    um::runtime::set_disk_cache(false);
    // count the metric's own executables: the non-finite scan of the inputs (default policy)
    // compiles one small program per input type of its own
    um::set_nonfinite_policy(um::NonFinite::Propagate);
    let dev = um::Device::cpu().expect("PJRT CPU plugin");

    // 1. first call compiles, a second call with the same signature does not
    let x = dev.put(&data(8, 7, 13)).unwrap();
    let c0 = dev.compile_count();
    let a = um::coherence_factor(&x, CfParams::default())
        .unwrap()
        .to_ndarray()
        .unwrap();
    assert_eq!(dev.compile_count(), c0 + 1, "first call compiles");
    let b = um::coherence_factor(&x, CfParams::default())
        .unwrap()
        .to_ndarray()
        .unwrap();
    assert_eq!(
        dev.compile_count(),
        c0 + 1,
        "second call with the same signature reuses the executable"
    );
    assert_eq!(a, b);

    // 2. a new shape, and new static parameters, compile again
    let y = dev.put(&data(8, 7, 14)).unwrap();
    um::coherence_factor(&y, CfParams::default()).unwrap();
    assert_eq!(dev.compile_count(), c0 + 2, "a new shape compiles");
    um::coherence_factor(
        &y,
        CfParams {
            power_based: false,
            ..Default::default()
        },
    )
    .unwrap();
    assert_eq!(dev.compile_count(), c0 + 3, "new static parameters compile");

    // 3. two threads racing on a cold key compile once
    let z = dev.put(&data(8, 7, 15)).unwrap();
    let barrier = Arc::new(Barrier::new(4));
    let handles: Vec<_> = (0..4)
        .map(|_| {
            let (z, barrier) = (z.clone(), barrier.clone());
            std::thread::spawn(move || {
                barrier.wait();
                um::coherence_factor(&z, CfParams::default())
                    .unwrap()
                    .to_ndarray()
                    .unwrap()
            })
        })
        .collect();
    let results: Vec<_> = handles.into_iter().map(|h| h.join().unwrap()).collect();
    assert_eq!(
        dev.compile_count(),
        c0 + 4,
        "racing threads on a cold key compile once"
    );
    assert!(results.windows(2).all(|w| w[0] == w[1]));

    // 4. the on-disk cache: written on compile, loaded (not compiled) after the memory cache is dropped
    um::runtime::set_disk_cache(true);
    let w = dev.put(&data(8, 7, 16)).unwrap();
    let first = um::coherence_factor(&w, CfParams::default())
        .unwrap()
        .to_ndarray()
        .unwrap();
    assert_eq!(dev.compile_count(), c0 + 5);
    let before = um::runtime::stats();
    um::runtime::clear_memory_cache();
    let again = um::coherence_factor(&w, CfParams::default())
        .unwrap()
        .to_ndarray()
        .unwrap();
    assert_eq!(
        dev.compile_count(),
        c0 + 5,
        "loaded from disk, not compiled"
    );
    let after = um::runtime::stats();
    assert_eq!(after.disk_hits, before.disk_hits + 1);
    assert!(
        after.disk_load_time > before.disk_load_time,
        "the disk load is timed"
    );
    assert_eq!(
        after.compile_time, before.compile_time,
        "no compiler time spent on a disk hit"
    );
    assert!(
        after.compile_time > std::time::Duration::ZERO,
        "compiles are timed"
    );
    assert_eq!(first, again);

    // 5. the memory cache is bounded: the least recently used executable is dropped, and a
    // later call compiles it again (disk cache off), with the same result
    um::runtime::set_disk_cache(false);
    um::runtime::set_memory_cache_limit(2);
    assert!(um::runtime::stats().memory_entries <= 2);
    let ev0 = um::runtime::stats().memory_evictions;
    let inputs: Vec<_> = (20..23).map(|w| dev.put(&data(8, 7, w)).unwrap()).collect();
    let cf = |x: &um::DeviceArray<Complex32, ndarray::Ix3>| {
        um::coherence_factor(x, CfParams::default())
            .unwrap()
            .to_ndarray()
            .unwrap()
    };
    let c1 = dev.compile_count();
    let outs: Vec<_> = inputs.iter().map(cf).collect();
    assert_eq!(dev.compile_count(), c1 + 3, "three new signatures");
    let s = um::runtime::stats();
    assert!(s.memory_entries <= 2, "{} entries held", s.memory_entries);
    assert!(s.memory_evictions > ev0, "the limit evicted");
    assert_eq!(cf(&inputs[2]), outs[2]);
    assert_eq!(
        dev.compile_count(),
        c1 + 3,
        "the most recent one is still held"
    );
    assert_eq!(cf(&inputs[0]), outs[0]);
    assert_eq!(
        dev.compile_count(),
        c1 + 4,
        "the oldest was evicted and compiles again"
    );
    um::runtime::set_memory_cache_limit(512);
    let _ = std::fs::remove_dir_all(dir);
}
