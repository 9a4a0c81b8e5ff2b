//! The fused evaluator against the op-by-op interpreter: bit-identical results on every graph
//! shape the fusion treats differently (chunk boundaries, wide and narrow reductions, several
//! outer blocks, non-contiguous axes, shared values, strided inputs, NaN, integers, bools).

use ndarray::{ArrayD, IxDyn};
use num_complex::Complex32;

use super::super::{eval_with, Fusion, HostTensor};
use crate::graph::{trace, ReduceKind, Tensor, TensorType};
use crate::metrics::coherence::{cf_graph, gcf_graph, pcf_graph, scf_graph};
use crate::DType;

fn noise(n: usize, seed: u64) -> Vec<f32> {
    let mut s = 0x2545_F491_4F6C_DD1Du64 ^ seed.wrapping_mul(0x9E37_79B9_7F4A_7C15);
    (0..n)
        .map(|_| {
            s ^= s << 13;
            s ^= s >> 7;
            s ^= s << 17;
            (s >> 40) as f32 / (1u64 << 23) as f32 - 1.0
        })
        .collect()
}

fn c64(shape: &[usize], seed: u64) -> HostTensor<'static> {
    let n = shape.iter().product();
    let (re, im) = (noise(n, seed), noise(n, seed + 1));
    let v: Vec<Complex32> = re
        .iter()
        .zip(&im)
        .map(|(&a, &b)| Complex32::new(a, b))
        .collect();
    HostTensor::from(ArrayD::from_shape_vec(IxDyn(shape), v).unwrap())
}

fn f32s(shape: &[usize], seed: u64) -> HostTensor<'static> {
    let n = shape.iter().product();
    HostTensor::from(ArrayD::from_shape_vec(IxDyn(shape), noise(n, seed)).unwrap())
}

/// Bits of every element (NaN payloads included), as u64, per output.
fn bits(outs: &[HostTensor<'_>]) -> Vec<(Vec<usize>, Vec<u64>)> {
    use HostTensor as T;
    outs.iter()
        .map(|t| {
            let b: Vec<u64> = match t {
                T::Bool(a) => a.iter().map(|&v| v as u64).collect(),
                T::I32(a) => a.iter().map(|&v| v as u32 as u64).collect(),
                T::I64(a) => a.iter().map(|&v| v as u64).collect(),
                T::F32(a) => a.iter().map(|v| v.to_bits() as u64).collect(),
                T::F64(a) => a.iter().map(|v| v.to_bits()).collect(),
                T::C64(a) => a
                    .iter()
                    .flat_map(|v| [v.re.to_bits() as u64, v.im.to_bits() as u64])
                    .collect(),
                T::C128(a) => a
                    .iter()
                    .flat_map(|v| [v.re.to_bits(), v.im.to_bits()])
                    .collect(),
            };
            (t.shape().to_vec(), b)
        })
        .collect()
}

fn check(
    name: &str,
    args: Vec<HostTensor<'_>>,
    build: impl FnOnce(&[Tensor]) -> crate::Result<Vec<Tensor>>,
) {
    let types: Vec<TensorType> = args.iter().map(|a| a.ty()).collect();
    let p = trace(name, &types, build).unwrap();
    let views = || args.iter().map(|a| a.view()).collect::<Vec<_>>();
    let off = eval_with(&p, views(), Fusion::Off).unwrap();
    let on = eval_with(&p, views(), Fusion::Always).unwrap();
    let auto = eval_with(&p, views(), Fusion::Auto).unwrap();
    assert_eq!(bits(&off), bits(&on), "{name}: fused differs from op by op");
    assert_eq!(
        bits(&off),
        bits(&auto),
        "{name}: auto differs from op by op"
    );
}

#[test]
fn coherence_family_is_bit_identical() {
    // small (one chunk), wide rows (several column blocks, blocks wider than a chunk), narrow
    // rows, frames
    for shape in [
        vec![4usize, 3, 5],
        vec![16, 40, 130],
        vec![4, 90, 100],
        vec![33, 7, 3],
        vec![3, 8, 20, 30],
    ] {
        let frames = shape.len() == 4;
        let axis = usize::from(frames);
        let x = c64(&shape, shape.iter().sum::<usize>() as u64);
        let id = format!("{shape:?}");
        check(&format!("cf {id}"), vec![x.view()], |t| {
            Ok(vec![
                cf_graph(&t[0], axis, true),
                cf_graph(&t[0], axis, false),
            ])
        });
        check(&format!("gcf {id}"), vec![x.view()], |t| {
            Ok(vec![gcf_graph(&t[0], axis, 1)])
        });
        check(&format!("pcf {id}"), vec![x.view()], |t| {
            Ok(vec![
                pcf_graph(&t[0], axis, 1.0),
                pcf_graph(&t[0], axis, 0.5),
            ])
        });
        check(&format!("scf {id}"), vec![x.view()], |t| {
            Ok(vec![scf_graph(&t[0], axis, 1.0)])
        });
    }
}

#[test]
fn reductions_over_every_axis_run_are_bit_identical() {
    use ReduceKind::*;
    let shape = [3usize, 5, 700, 2];
    let mut data = noise(shape.iter().product(), 7);
    data[17] = f32::NAN;
    data[4000] = f32::INFINITY;
    let x = HostTensor::from(ArrayD::from_shape_vec(IxDyn(&shape), data).unwrap());
    let axes_list: [&[usize]; 9] = [
        &[0],
        &[1],
        &[2],
        &[3],
        &[1, 2],
        &[2, 3],
        &[0, 1, 2, 3],
        &[0, 2],
        &[1, 3],
    ];
    for axes in axes_list {
        check(&format!("reduce {axes:?}"), vec![x.view()], |t| {
            let y = &t[0] * &t[0] - t[0].scalar(0.25);
            let i = (&t[0] * 100.0).floor().cast(DType::I32);
            let b = t[0].gt(&t[0].scalar(0.0));
            let mut outs = Tensor::reduce_many(
                &[
                    (&y, Sum),
                    (&y, Max),
                    (&t[0], Min),
                    (&y.cast(DType::F64), Sum),
                ],
                axes,
            );
            outs.extend(Tensor::reduce_many(
                &[(&i, Sum), (&i, Max), (&i, Min)],
                axes,
            ));
            outs.extend(Tensor::reduce_many(&[(&b, All), (&b, Any)], axes));
            outs.push(y.complex(&t[0]).sum(axes));
            Ok(outs)
        });
    }
}

#[test]
fn shared_values_outputs_and_strided_inputs() {
    // a transposed (non-standard layout) argument, a value that is both an output and fused,
    // a value read by two different roots, reshapes, splats, selects and comparisons
    let base = f32s(&[300, 40], 11);
    let HostTensor::F32(a) = &base else {
        unreachable!()
    };
    let transposed = HostTensor::F32(a.view().reversed_axes().into());
    let y = c64(&[40, 300], 12);
    check("mixed", vec![transposed, y.view()], |t| {
        let (x, z) = (&t[0], &t[1]);
        let s = (x * 2.0 + x.sign()).max(&x.scalar(-0.5)); // output and fused below
        let m = z.abs2(); // used by two reductions (different roots)
        let r1 = m.sum(&[0]);
        let r2 = (&m * &s).max_over(&[1]);
        let flat = (&s * &s).reshape(&[12000]);
        let w = x.lt(&x.scalar(0.1)).select(&z.re(), &x.exp());
        let c = (z * z.conj() + z).sum(&[1]);
        Ok(vec![s.clone(), r1, r2, flat.sum(&[0]), w, c, s.sqrt()])
    });
}

#[test]
fn integer_and_empty_inputs() {
    let x = HostTensor::from(ArrayD::from_shape_fn(IxDyn(&[9, 1000]), |i| {
        (i[0] as i64 * 7919 + i[1] as i64 * 104729) % 1000 - 500
    }));
    check("ints", vec![x.view()], |t| {
        let y = &t[0] * &t[0] - &t[0];
        Ok(vec![
            y.sum(&[0]),
            y.max_over(&[1]),
            y.cast(DType::F64).sqrt().sum(&[0, 1]),
        ])
    });
    let e = f32s(&[0, 5], 1);
    check("empty", vec![e.view()], |t| {
        Ok(vec![(&t[0] * 2.0).sum(&[0]), t[0].sum(&[1]), &t[0] + 1.0])
    });
}

#[test]
fn splat_of_a_computed_scalar_in_a_one_element_group() {
    // regression: the scalar operand of a splat was fused into a one-element group as a slot
    // ("fused splat of a slot"), seen on single-pixel conformance cases
    for shape in [vec![1usize, 1], vec![1], vec![3, 2]] {
        check(&format!("splat {shape:?}"), vec![f32s(&shape, 3)], |t| {
            let axes: Vec<usize> = (0..t[0].shape().len()).collect();
            let s = t[0].abs().sum(&axes).sqrt();
            Ok(vec![&t[0] * &s + 1.0])
        });
    }
}

#[test]
fn broadcasts_fused_along_any_axes() {
    // broadcasts of non-scalar operands are computed chunk by chunk inside their root: along a
    // major axis (GCF's DFT weights), a minor one, a middle one, with unit operand axes, as an
    // output, read by a wide and a narrow reduction, and across chunk boundaries
    let x = f32s(&[16, 40, 130], 21);
    let v = f32s(&[16], 22);
    let w = f32s(&[130], 23);
    let u = f32s(&[1, 40, 1], 24);
    let p = f32s(&[16, 40], 25);
    check(
        "broadcasts",
        vec![x.view(), v.view(), w.view(), u.view(), p.view()],
        |t| {
            let s = t[0].shape().to_vec();
            let bv = t[1].broadcast_in_dim(&s, &[0]);
            let bw = t[2].broadcast_in_dim(&s, &[2]);
            let bu = t[3].broadcast_in_dim(&s, &[0, 1, 2]);
            let bp = t[4].broadcast_in_dim(&s, &[0, 1]);
            let y = &t[0] * &bv + &bw * &bu - &bp;
            Ok(vec![
                y.sum(&[0]),
                y.sum(&[2]),
                (&bv * &t[0]).sum(&[0, 1]),
                bw.clone(),
                &bp + 1.0,
            ])
        },
    );
}

#[test]
fn complex_abs_and_sign_at_special_values() {
    let specials = [
        0.0f32,
        -0.0,
        1.0,
        -3.5,
        f32::INFINITY,
        f32::NEG_INFINITY,
        f32::NAN,
        f32::MAX,
        -f32::MAX,
        f32::MIN_POSITIVE,
        1e-45,
        -1e-40,
        3e38,
        1e-20,
    ];
    let mut v = Vec::new();
    for &a in &specials {
        for &b in &specials {
            v.push(Complex32::new(a, b));
        }
    }
    let n = v.len();
    let x = HostTensor::from(ArrayD::from_shape_vec(IxDyn(&[n]), v.clone()).unwrap());
    check("abs and sign", vec![x.view()], |t| {
        Ok(vec![t[0].abs(), t[0].sign(), t[0].sign().re().sum(&[0])])
    });
    // |z| of f32 parts is glibc's hypotf: the f64 root of the f64 sum of squares
    let outs = eval_with(
        &trace("abs", &[x.ty()], |t| Ok(vec![t[0].abs()])).unwrap(),
        vec![x.view()],
        Fusion::Off,
    )
    .unwrap();
    let HostTensor::F32(a) = &outs[0] else {
        panic!("abs of c64 is f32")
    };
    for (z, r) in v.iter().zip(a.iter()) {
        let want = if z.re.is_infinite() || z.im.is_infinite() {
            f32::INFINITY
        } else {
            ((z.re as f64).powi(2) + (z.im as f64).powi(2)).sqrt() as f32
        };
        assert!(
            r.to_bits() == want.to_bits() || (r.is_nan() && want.is_nan()),
            "|{z}| = {r}, want {want}"
        );
    }
}
