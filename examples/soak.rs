//! Memory soak: many small device calls, with the process's resident memory and the live PJRT
//! objects sampled as they go. Flat numbers after the warm-up mean no leaked PJRT buffers,
//! events or executables (issue #6, "Memory"; the results are in ROBUSTNESS.md).
//!
//! ```sh
//! nice -n 19 cargo run --release --example soak                  # 10^5 calls, a sample every 5000
//! nice -n 19 cargo run --release --example soak -- 20000 1000    # CALLS EVERY
//! ```
//!
//! Each call is one of four, in turn:
//! 1. `put` a c64 (8, 32, 32) array (64 KiB) + `coherence_factor` + `to_ndarray`;
//! 2. `coherence_factor` of a resident array + `to_ndarray`;
//! 3. `contrast` of two resident f64 regions (a rank-0 device result) + `to_ndarray`;
//! 4. `put_aligned` (zero-copy) of an f32 (64, 64) image + `create_bmode_image` + `to_ndarray`.
//!
//! The verdict compares the resident set size at the end with the one after the first tenth of
//! the calls (the warm-up: executables compiled, allocator pools grown) and sets it against
//! what a leak would cost: one leaked input buffer per call of kind 1 is 64 KiB × calls / 4.
//! Exit status 1 when the growth exceeds a tenth of that or a PJRT object count grew.

use std::time::Instant;

use ndarray::{Array1, Array2, Array3};
use num_complex::Complex32;
use ultrasound_metrics as um;
use um::metrics::{CfParams, ContrastParams};
use um::runtime::AlignedArray;

/// The resident set size in bytes, from `/proc/self/statm` (Linux); 0 elsewhere.
fn rss_bytes() -> u64 {
    std::fs::read_to_string("/proc/self/statm")
        .ok()
        .and_then(|s| s.split_whitespace().nth(1)?.parse::<u64>().ok())
        .map_or(0, |pages| pages * 4096)
}

fn mib(b: u64) -> f64 {
    b as f64 / (1024.0 * 1024.0)
}

fn main() -> um::Result<()> {
    let mut args = std::env::args().skip(1);
    let calls: usize = args.next().and_then(|a| a.parse().ok()).unwrap_or(100_000);
    let every: usize = args
        .next()
        .and_then(|a| a.parse().ok())
        .unwrap_or(5_000)
        .max(1);
    // A private disk cache: the run does not depend on (or fill) the user's.
    um::runtime::set_disk_cache_dir(Some(
        std::env::temp_dir().join(format!("um-soak-{}", std::process::id())),
    ));

    let dev = um::Device::cpu()?;
    let chan = Array3::from_shape_fn((8, 32, 32), |(m, z, x)| {
        Complex32::new(
            ((m * 7 + z * 3 + x) % 11) as f32 - 5.0,
            ((m + x) % 5) as f32,
        )
    });
    let input_bytes = (chan.len() * std::mem::size_of::<Complex32>()) as u64;
    let resident = dev.put(&chan)?;
    let inside = dev.put(&Array1::from_shape_fn(300, |i| 2.0 + (i % 7) as f64))?;
    let outside = dev.put(&Array1::from_shape_fn(500, |i| 0.5 + (i % 5) as f64))?;
    let image = AlignedArray::from_array(&Array2::from_shape_fn((64, 64), |(z, x)| {
        ((z * 64 + x) % 13) as f32 - 6.0
    }));

    let call = |i: usize| -> um::Result<f64> {
        Ok(match i % 4 {
            0 => {
                let x = dev.put(&chan)?;
                um::coherence_factor(&x, CfParams::default())?.to_ndarray()?[[0, 0]] as f64
            }
            1 => um::coherence_factor(&resident, CfParams::default())?.to_ndarray()?[[1, 1]] as f64,
            2 => um::contrast(&inside, &outside, ContrastParams::default())?
                .to_ndarray()?
                .into_scalar(),
            _ => {
                let x = dev.put_aligned(&image)?;
                um::create_bmode_image(&x)?.to_ndarray()?[[2, 2]] as f64
            }
        })
    };

    println!(
        "soak: {calls} device calls on {dev}, a sample every {every} (pid {})",
        std::process::id()
    );
    println!(
        "{:>9} {:>10} {:>9} {:>12} {:>12} {:>12} {:>10}",
        "calls", "RSS MiB", "Δ MiB", "live bufs", "live events", "live exes", "µs/call"
    );
    let start_rss = rss_bytes();
    let warm_up = (calls / 10).max(1);
    let mut warm_rss = 0u64;
    let mut warm_counts = um::pjrt::object_counts();
    let mut checksum = 0.0f64;
    let mut last = Instant::now();
    let mut peak = start_rss;
    for i in 1..=calls {
        checksum += call(i)?;
        if i % every == 0 || i == warm_up || i == calls {
            let rss = rss_bytes();
            peak = peak.max(rss);
            let c = um::pjrt::object_counts();
            let per_call = last.elapsed().as_secs_f64() * 1e6 / every as f64;
            last = Instant::now();
            println!(
                "{i:>9} {:>10.1} {:>+9.2} {:>12} {:>12} {:>12} {:>10.0}",
                mib(rss),
                mib(rss) - mib(start_rss),
                c.buffers.live(),
                c.events.live(),
                c.executables.live(),
                per_call
            );
            if i == warm_up {
                warm_rss = rss;
                warm_counts = c;
            }
        }
    }
    let end_rss = rss_bytes();
    let end_counts = um::pjrt::object_counts();
    let after = (calls - warm_up) as u64;
    let growth = end_rss as i64 - warm_rss as i64;
    let leak_one_buffer = input_bytes * after / 4;
    println!(
        "\nchecksum {checksum:.6e}; {} buffers and {} events created in all, {} executables",
        end_counts.buffers.created, end_counts.events.created, end_counts.executables.created
    );
    println!(
        "RSS: start {:.1} MiB, after warm-up ({warm_up} calls) {:.1} MiB, end {:.1} MiB, peak {:.1} MiB",
        mib(start_rss),
        mib(warm_rss),
        mib(end_rss),
        mib(peak)
    );
    println!(
        "growth after warm-up: {:+.2} MiB over {after} calls = {:+.1} bytes/call; one leaked \
         64 KiB input per `put` call would be {:.0} MiB",
        growth as f64 / (1024.0 * 1024.0),
        growth as f64 / after as f64,
        mib(leak_one_buffer)
    );
    let objects_flat = end_counts.buffers.live() == warm_counts.buffers.live()
        && end_counts.events.live() == warm_counts.events.live()
        && end_counts.executables.live() == warm_counts.executables.live();
    let memory_flat = growth < (leak_one_buffer / 10) as i64;
    let verdict = if objects_flat && memory_flat {
        "FLAT"
    } else {
        "GROWING"
    };
    println!(
        "verdict: {verdict} (live PJRT objects {}, RSS growth {} a tenth of one leaked buffer per call)",
        if objects_flat { "unchanged" } else { "CHANGED" },
        if memory_flat { "below" } else { "ABOVE" }
    );
    if verdict != "FLAT" {
        std::process::exit(1);
    }
    Ok(())
}
