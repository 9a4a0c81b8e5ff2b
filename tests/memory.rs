//! Memory stays flat over many device calls (issue #6, "Memory"): the in-suite, shorter version
//! of `examples/soak.rs` (10^5 calls; results in ROBUSTNESS.md).
//!
//! Two checks, after a warm-up that compiles the executables and grows the allocator's pools:
//! - the wrapper's counts of live PJRT buffers, events and executables return to where they
//!   were (exact: any leaked object fails it);
//! - the process's resident memory grows by less than a quarter of what leaking the input buffer
//!   of every call that transfers one would cost (1500 such calls after the warm-up × 64 KiB =
//!   94 MiB; the bound is 23 MiB).
//!
//! One test function: the counters are process-wide.

use ndarray::{Array1, Array3};
use num_complex::Complex32;
use ultrasound_metrics as um;
use um::metrics::{CfParams, ContrastParams};

fn rss_bytes() -> Option<u64> {
    let s = std::fs::read_to_string("/proc/self/statm").ok()?;
    Some(s.split_whitespace().nth(1)?.parse::<u64>().ok()? * 4096)
}

#[test]
fn memory_and_pjrt_objects_stay_flat_over_many_calls() {
    const WARM_UP: usize = 1000;
    const CALLS: usize = 4000;
    um::runtime::set_disk_cache_dir(Some(
        std::env::temp_dir().join(format!("um-memory-test-{}", std::process::id())),
    ));
    let dev = um::Device::cpu().expect("PJRT CPU plugin");
    // 8 x 32 x 32 complex64: 64 KiB per input buffer.
    let chan = Array3::from_shape_fn((8, 32, 32), |(m, z, x)| {
        Complex32::new(
            ((m * 7 + z * 3 + x) % 11) as f32 - 5.0,
            ((m + x) % 5) as f32,
        )
    });
    let input_bytes = (chan.len() * std::mem::size_of::<Complex32>()) as u64;
    let resident = dev.put(&chan).unwrap();
    let inside = dev
        .put(&Array1::from_shape_fn(300, |i| 2.0 + (i % 7) as f64))
        .unwrap();
    let outside = dev
        .put(&Array1::from_shape_fn(500, |i| 0.5 + (i % 5) as f64))
        .unwrap();
    let expected_cf = um::coherence_factor(&chan, CfParams::default()).unwrap();

    let call = |i: usize| {
        if i % 4 == 3 {
            let c = um::contrast(&inside, &outside, ContrastParams::default())
                .unwrap()
                .to_ndarray()
                .unwrap()
                .into_scalar();
            assert!(c > 1.0);
            return;
        }
        // Every input transferred per call is a fresh 64 KiB buffer.
        let x = if i % 4 < 2 {
            dev.put(&chan).unwrap()
        } else {
            resident.clone()
        };
        let cf = um::coherence_factor(&x, CfParams::default())
            .unwrap()
            .to_ndarray()
            .unwrap();
        assert_eq!(cf.shape(), expected_cf.shape());
    };

    for i in 0..WARM_UP {
        call(i);
    }
    let counts0 = um::pjrt::object_counts();
    let rss0 = rss_bytes();
    for i in WARM_UP..CALLS {
        call(i);
    }
    let counts1 = um::pjrt::object_counts();
    let rss1 = rss_bytes();

    // Every call created objects (at least an output buffer, and the execution's and the
    // transfer-out's events), and destroyed all of them.
    let calls = (CALLS - WARM_UP) as u64;
    let (buffers, events) = (
        counts1.buffers.created - counts0.buffers.created,
        counts1.events.created - counts0.events.created,
    );
    eprintln!("{calls} calls: {buffers} PJRT buffers, {events} events created");
    assert!(buffers >= calls, "{buffers} buffers");
    assert!(events >= 2 * calls, "{events} events");
    assert_eq!(
        counts1.buffers.live(),
        counts0.buffers.live(),
        "{counts1:?}"
    );
    assert_eq!(counts1.events.live(), 0, "{counts1:?}");
    assert_eq!(
        counts1.executables.live(),
        counts0.executables.live(),
        "{counts1:?}"
    );
    assert_eq!(counts1.executable_views.live(), 0, "{counts1:?}");

    if let (Some(rss0), Some(rss1)) = (rss0, rss1) {
        let growth = rss1.saturating_sub(rss0);
        let puts = (WARM_UP..CALLS).filter(|i| i % 4 < 2).count() as u64;
        let one_leaked_buffer_per_call = puts * input_bytes;
        eprintln!(
            "RSS {:.1} -> {:.1} MiB over {calls} calls ({:+.0} bytes/call); one leaked input per \
             transfer would add {:.0} MiB",
            rss0 as f64 / 1048576.0,
            rss1 as f64 / 1048576.0,
            growth as f64 / calls as f64,
            one_leaked_buffer_per_call as f64 / 1048576.0
        );
        assert!(
            growth < one_leaked_buffer_per_call / 4,
            "resident memory grew by {growth} bytes over {calls} calls"
        );
    }
}
