//! A short FFI workload for a leak checker (issue #6, "Memory"): every PJRT path of the
//! wrapper, a few times, then everything dropped. Results in ROBUSTNESS.md.
//!
//! ```sh
//! cargo build --example leakcheck
//! UM_DISK_CACHE=0 valgrind --leak-check=full --num-callers=30 \
//!     target/debug/examples/leakcheck 25
//! ```
//!
//! Paths: client creation (a second client, dropped), compilation, serialization and
//! deserialization, copying and zero-copy transfers in, execution, transfers out, a compile
//! error, an execution error, and buffers, executables and clients destroyed. At the end every
//! PJRT object the wrapper created has been destroyed, except the process-wide client.

use ndarray::{Array1, Array2, Array3};
use num_complex::Complex32;
use ultrasound_metrics as um;
use um::metrics::{CfParams, ContrastParams};
use um::pjrt::{plugin, Api, Client, CompileOptions, NamedValue};
use um::runtime::AlignedArray;

const ADD: &str = "func.func public @main(%a: tensor<2xf32>, %b: tensor<2xf32>) -> tensor<2xf32> {
  %0 = stablehlo.add %a, %b : tensor<2xf32>
  return %0 : tensor<2xf32>
}";

fn main() -> um::Result<()> {
    let rounds: usize = std::env::args()
        .nth(1)
        .and_then(|a| a.parse().ok())
        .unwrap_or(25);
    um::runtime::set_disk_cache(false);
    let dev = um::Device::cpu()?;
    let chan = Array3::from_shape_fn((4, 8, 8), |(m, z, x)| {
        Complex32::new((m * 3 + z + x) as f32 % 5.0 - 2.0, (m + x) as f32 % 3.0)
    });
    let image = Array2::from_shape_fn((16, 16), |(z, x)| (z * 16 + x) as f32 % 7.0 - 3.0);

    {
        // A client of its own, with the wrapper's raw API.
        let api = Api::load(&plugin::ensure_cpu_plugin()?)?;
        let client = Client::create(api, &[("cpu_device_count", NamedValue::Int64(2))])?;
        let exe = client.compile(ADD, &CompileOptions::for_device(1))?;
        let bytes = exe.serialize()?;
        let again = client.deserialize_and_load(&bytes)?;
        let data: Vec<u8> = [1.0f32, 2.0].iter().flat_map(|x| x.to_ne_bytes()).collect();
        let a = client.buffer_from_host(&data, um::DType::F32, &[2], 1)?;
        let wrong_device = client.buffer_from_host(&data, um::DType::F32, &[2], 0)?;
        for _ in 0..rounds {
            let out = again.execute(&[&a, &a])?;
            assert_eq!(out[0].to_host_vec::<f32>()?, [2.0, 4.0]);
            // Errors from PJRT: a compile error and an execution error.
            assert!(client
                .compile("not mlir", &CompileOptions::default())
                .is_err());
            assert!(exe.execute(&[&a, &wrong_device]).is_err());
        }
    }

    for _ in 0..rounds {
        let x = dev.put(&chan)?;
        let cf = um::coherence_factor(&x, CfParams::default())?.to_ndarray()?;
        assert_eq!(cf.shape(), &[8, 8]);
        let inside = dev.put(&Array1::from_elem(10, 2.0f64))?;
        let outside = dev.put(&Array1::from_elem(12, 1.0f64))?;
        let c = um::contrast(&inside, &outside, ContrastParams::default())?.to_ndarray()?;
        assert_eq!(c.into_scalar(), 4.0);
        let z = dev.put_aligned(&AlignedArray::from_array(&image))?;
        let b = um::create_bmode_image(&z)?.to_ndarray()?;
        assert_eq!(b.shape(), &[16, 16]);
    }
    um::runtime::clear_memory_cache();
    let counts = um::pjrt::object_counts();
    println!("{counts:#?}");
    let leaked = counts.buffers.live()
        + counts.events.live()
        + counts.executables.live()
        + counts.executable_views.live();
    println!(
        "live PJRT objects at the end: {leaked} (clients alive: {}, the process-wide one)",
        counts.clients.live()
    );
    if leaked != 0 || counts.clients.live() != 1 {
        std::process::exit(1);
    }
    Ok(())
}
