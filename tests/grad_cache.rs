//! Gradient programs are cached like metrics: a second gradient call with the same signature
//! compiles nothing (its own test binary: the compile counter is per device and process).

use ndarray::{Array1, Array3};
use num_complex::Complex32;
use ultrasound_metrics as um;
use um::grad::Objective;
use um::metrics::{traced, CfParams};

fn data(m: usize, h: usize, w: usize) -> Array3<Complex32> {
    Array3::from_shape_fn((m, h, w), |(a, b, c)| {
        Complex32::new(
            (a * 7 + b * 3 + c) as f32 % 5.0 - 2.0,
            (a + c) as f32 % 3.0 - 1.5,
        )
    })
}

#[test]
fn second_gradient_call_does_not_compile() {
    um::runtime::set_disk_cache(false);
    let dev = um::Device::cpu().expect("PJRT CPU plugin");
    let obj = Objective::new("mean_cf", |a| {
        Ok(traced::coherence_factor(&a[0], CfParams::default())?.mean_all())
    });
    let x = dev.put(&data(8, 6, 7)).unwrap();
    let c0 = dev.compile_count();
    let (v1, g1) = obj.value_and_grad(&x, &[]).unwrap();
    assert_eq!(
        dev.compile_count(),
        c0 + 1,
        "the first gradient call compiles"
    );
    let (v2, g2) = obj.value_and_grad(&x, &[]).unwrap();
    assert_eq!(
        dev.compile_count(),
        c0 + 1,
        "the second one reuses the executable"
    );
    assert_eq!(v1.to_ndarray().unwrap(), v2.to_ndarray().unwrap());
    assert_eq!(g1.to_ndarray().unwrap(), g2.to_ndarray().unwrap());

    // a new Objective with the same function: traced again, same fingerprint, no compile
    let same = Objective::new("mean_cf", |a| {
        Ok(traced::coherence_factor(&a[0], CfParams::default())?.mean_all())
    });
    same.grad(&x, &[]).unwrap();
    assert_eq!(
        dev.compile_count(),
        c0 + 1,
        "identical program, cached executable"
    );

    // the free function with a capture-free closure: traced once per process
    for _ in 0..2 {
        um::grad::grad("sum_sq", |a| Ok(a[0].abs2().sum_all()), &x, &[]).unwrap();
    }
    assert_eq!(dev.compile_count(), c0 + 2);

    // value-only and a new signature compile; several arguments work the same way
    obj.value(&x, &[]).unwrap();
    assert_eq!(dev.compile_count(), c0 + 3);
    obj.grad(&dev.put(&data(8, 6, 8)).unwrap(), &[]).unwrap();
    assert_eq!(dev.compile_count(), c0 + 4);
    let apod = Objective::new("apod", |a| {
        let w = a[0].cast(um::DType::C64).reshape(&[8, 1, 1]);
        Ok(traced::coherence_factor(&(&w * &a[1]), CfParams::default())?.mean_all())
    });
    let w = dev.put(&Array1::<f32>::ones(8)).unwrap();
    for _ in 0..3 {
        apod.value_and_grad(&w, &[&x]).unwrap();
    }
    assert_eq!(dev.compile_count(), c0 + 5);
}
