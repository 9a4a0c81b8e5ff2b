//! Regression tests for the inputs the fuzz targets (`fuzz/`, see FUZZING.md) found, and for
//! the resource limits they check: each replays the input through the same public API as its
//! fuzz target and expects a typed error (or a result), never a panic or an abort.

use std::io::Cursor;
use std::path::Path;

use ultrasound_metrics as um;
use um::graph::{trace, Tensor, TensorType};
use um::io::npy::{parse_npy, read_npz_from};
use um::io::uff::Uff;
use um::{DType, Error};

/// A `.npy` file (version 1.0) with the given header dictionary and data.
fn npy(dict: &str, data: &[u8]) -> Vec<u8> {
    let header = format!("{dict:<117}\n");
    let mut b = b"\x93NUMPY\x01\x00".to_vec();
    b.extend_from_slice(&(header.len() as u16).to_le_bytes());
    b.extend_from_slice(header.as_bytes());
    b.extend_from_slice(data);
    b
}

/// Traces `f` on the parameters and expects a graph error (not a panic, not a program).
fn graph_error(params: &[TensorType], f: impl FnOnce(&[Tensor]) -> Tensor) -> String {
    match trace("regression", params, |a| Ok(vec![f(a)])) {
        Err(e @ Error::Graph { .. }) => e.to_string(),
        Err(e) => panic!("expected a graph error, got {e}"),
        Ok(p) => panic!(
            "expected a graph error, got a program with outputs {:?}",
            p.outputs()
        ),
    }
}

#[test]
fn npy_header_declaring_a_huge_array_is_an_error_not_an_allocation() {
    // 10^12 float64 elements (8 TB) declared, 16 bytes present
    let b = npy(
        "{'descr': '<f8', 'fortran_order': False, 'shape': (1000000, 1000000), }",
        &[0; 16],
    );
    let e = parse_npy(&b).unwrap_err();
    assert!(e.contains("truncated"), "{e}");
    // a product that overflows usize
    let b = npy(
        "{'descr': '<c16', 'fortran_order': False, 'shape': (4294967296, 4294967296), }",
        &[],
    );
    assert!(parse_npy(&b).unwrap_err().contains("too large"));
    // zero elements but a huge other axis: an empty array or an error, not a panic
    let b = npy(
        "{'descr': '<f4', 'fortran_order': True, 'shape': (0, 18446744073709551615), }",
        &[],
    );
    let _ = parse_npy(&b);
}

#[test]
fn npz_member_declaring_a_huge_size_is_an_error() {
    // a stored zip member whose local and central headers claim 1 GiB but hold 16 bytes
    let data = npy(
        "{'descr': '<f8', 'fortran_order': False, 'shape': (2,), }",
        &[0; 16],
    );
    let mut zip = Vec::new();
    let name = b"data.npy";
    let crc = 0u32; // not checked before the size
    let lie: u32 = 1 << 30;
    // local file header
    zip.extend_from_slice(b"PK\x03\x04");
    zip.extend_from_slice(&[20, 0, 0, 0, 0, 0, 0, 0, 0, 0]);
    zip.extend_from_slice(&crc.to_le_bytes());
    zip.extend_from_slice(&lie.to_le_bytes());
    zip.extend_from_slice(&lie.to_le_bytes());
    zip.extend_from_slice(&(name.len() as u16).to_le_bytes());
    zip.extend_from_slice(&0u16.to_le_bytes());
    zip.extend_from_slice(name);
    zip.extend_from_slice(&data);
    let cd = zip.len() as u32;
    // central directory entry
    zip.extend_from_slice(b"PK\x01\x02");
    zip.extend_from_slice(&[20, 0, 20, 0, 0, 0, 0, 0, 0, 0, 0, 0]);
    zip.extend_from_slice(&crc.to_le_bytes());
    zip.extend_from_slice(&lie.to_le_bytes());
    zip.extend_from_slice(&lie.to_le_bytes());
    zip.extend_from_slice(&(name.len() as u16).to_le_bytes());
    zip.extend_from_slice(&[0; 12]);
    zip.extend_from_slice(&0u32.to_le_bytes());
    zip.extend_from_slice(name);
    let cd_len = zip.len() as u32 - cd;
    // end of central directory
    zip.extend_from_slice(b"PK\x05\x06");
    zip.extend_from_slice(&[0, 0, 0, 0, 1, 0, 1, 0]);
    zip.extend_from_slice(&cd_len.to_le_bytes());
    zip.extend_from_slice(&cd.to_le_bytes());
    zip.extend_from_slice(&0u16.to_le_bytes());
    let e = read_npz_from(Cursor::new(&zip), Path::new("lie.npz"), None).unwrap_err();
    assert!(e.to_string().starts_with("lie.npz: "), "{e}");
}

#[test]
fn truncated_uff_files_are_errors() {
    let bytes = std::fs::read("tests/data/data_load_uff_synthetic.uff").unwrap();
    for cut in [8, 64, 512, 2048, bytes.len() / 2, bytes.len() - 1] {
        let r = Uff::from_bytes("cut.uff".into(), bytes[..cut].to_vec())
            .and_then(|u| u.beamformed_data(None));
        if let Err(e) = r {
            assert!(e.to_string().starts_with("cut.uff: "), "{e}");
        }
    }
}

const HUGE: usize = usize::MAX;

#[test]
fn index_axis_at_the_largest_index_is_an_error() {
    let e = graph_error(&[TensorType::new(DType::F32, &[3])], |a| {
        a[0].index_axis(0, HUGE)
    });
    assert!(e.contains("slice"), "{e}");
}

#[test]
fn pad_whose_result_size_overflows_is_an_error() {
    let e = graph_error(&[TensorType::new(DType::F64, &[3])], |a| {
        a[0].pad(&[HUGE], &[2], 0.0)
    });
    assert!(e.contains("pad"), "{e}");
}

#[test]
fn reshape_of_a_huge_tensor_is_an_error() {
    let e = graph_error(&[TensorType::new(DType::F32, &[HUGE, 2])], |a| {
        a[0].reshape(&[1])
    });
    assert!(e.contains("reshape"), "{e}");
    let e = graph_error(&[TensorType::new(DType::F32, &[2])], |a| {
        a[0].reshape(&[HUGE, 3])
    });
    assert!(e.contains("reshape"), "{e}");
}

#[test]
fn mean_over_a_huge_axis_set_does_not_overflow() {
    // the element count overflows usize; the mean is still a well-typed graph
    let p = trace("mean", &[TensorType::new(DType::F64, &[HUGE, 4])], |a| {
        Ok(vec![a[0].mean(&[0, 1])])
    })
    .unwrap();
    assert_eq!(p.outputs()[0], TensorType::scalar(DType::F64));
}

#[test]
fn concatenation_whose_size_overflows_is_an_error() {
    let e = graph_error(&[TensorType::new(DType::I32, &[HUGE])], |a| {
        Tensor::concat(&[&a[0], &a[0]], 0)
    });
    assert!(e.contains("concatenate"), "{e}");
}

#[test]
fn tensors_of_another_trace_are_an_error() {
    let ty = TensorType::new(DType::F32, &[2]);
    let mut stolen = None;
    trace("other", &[ty.clone(), ty.clone()], |a| {
        stolen = Some(a[1].clone());
        Ok(vec![a[0].clone()])
    })
    .unwrap();
    let o = stolen.unwrap();
    let e = graph_error(std::slice::from_ref(&ty), |a| &a[0] + &o);
    assert!(e.contains("another trace"), "{e}");
    let e = graph_error(std::slice::from_ref(&ty), |a| {
        Tensor::concat(&[&a[0], &o], 0)
    });
    assert!(e.contains("another trace"), "{e}");
    let e = graph_error(&[ty], |a| o.select(&a[0], &a[0]));
    assert!(e.contains("another trace"), "{e}");
}

/// Found by the `graph` target (FUZZING.md, crash-c31bfee…): `is_nan` of a complex tensor
/// poisoned by an earlier error recursed until the stack overflowed (the poisoned tensor kept
/// its complex type, so `re().is_nan()` called itself again).
#[test]
fn is_nan_of_a_poisoned_complex_tensor_is_the_earlier_error() {
    let params = [
        TensorType::new(DType::C64, &[2]),
        TensorType::new(DType::C64, &[3]),
    ];
    let e = graph_error(&params, |a| (&a[0] + &a[1]).is_nan());
    assert!(e.contains("do not broadcast"), "{e}");
    let e = graph_error(&params, |a| a[0].floor().is_nan().abs2());
    assert!(e.contains("floor") || e.contains("not defined"), "{e}");
}
