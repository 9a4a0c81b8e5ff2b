//! The file readers (`ultrasound_metrics::io`) on recorded and hand-made files.

use std::path::PathBuf;

use ndarray::{ArrayD, IxDyn};
use num_complex::Complex32;
use ultrasound_metrics::io::{self, npy, uff};
use ultrasound_metrics::Element;

fn data(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/data")
        .join(name)
}

/// The recorded conformance case `data_load_uff_synthetic`: the reference's `load_uff_dataset`
/// on a small UFF written by pyuff_ustb. Tolerance 0 (exact).
#[test]
fn uff_matches_reference_load_uff_dataset() {
    let (img, x, z) = uff::load_uff_dataset(data("data_load_uff_synthetic.uff")).unwrap();
    let npz = data("data_load_uff_synthetic.npz");
    let want_img = Complex32::from_host(npy::read_npz(&npz, Some("out__0")).unwrap()).unwrap();
    let want_x = f64::from_host(npy::read_npz(&npz, Some("out__1")).unwrap()).unwrap();
    let want_z = f64::from_host(npy::read_npz(&npz, Some("out__2")).unwrap()).unwrap();
    let img = Complex32::from_host(img).unwrap();
    assert_eq!(img.shape(), &[5, 4]);
    assert_eq!(img, want_img);
    assert_eq!(x.into_dyn(), want_x);
    assert_eq!(z.into_dyn(), want_z);
}

#[test]
fn uff_read_array_is_depth_by_lateral() {
    let a = io::read_array(data("data_load_uff_synthetic.uff"), None).unwrap();
    assert_eq!(a.format, io::Format::Uff);
    assert_eq!(a.member, "beamformed_data");
    let (img, _, _) = uff::load_uff_dataset(data("data_load_uff_synthetic.uff")).unwrap();
    let img = Complex32::from_host(img).unwrap();
    let got = Complex32::from_host(a.data).unwrap();
    assert_eq!(got.shape(), &[4, 5]);
    assert_eq!(got, img.t().to_owned().into_dyn());
    assert_eq!(a.x_axis.unwrap().len(), 5);
    assert_eq!(a.z_axis.unwrap().len(), 4);
}

#[test]
fn uff_errors_name_the_file_and_never_panic() {
    let bytes = std::fs::read(data("data_load_uff_synthetic.uff")).unwrap();
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().join("bad.uff");
    // every truncation, and a sweep of byte corruptions
    for cut in (0..bytes.len())
        .step_by(97)
        .chain([8, 100, 1000, bytes.len() - 1])
    {
        std::fs::write(&p, &bytes[..cut]).unwrap();
        if let Err(e) = uff::load_uff_dataset(&p) {
            assert!(e.to_string().contains("bad.uff"), "{e}");
            assert!(!e.to_string().contains('\n'), "{e}");
        }
    }
    for i in (0..bytes.len()).step_by(13) {
        let mut b = bytes.clone();
        b[i] ^= 0xA5;
        std::fs::write(&p, &b).unwrap();
        if let Ok((img, x, z)) = uff::load_uff_dataset(&p) {
            assert_eq!(img.shape(), &[x.len(), z.len()]);
        }
    }
}

#[test]
fn npz_members_and_missing_member() {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().join("a.npz");
    let mut w = ndarray_npy::NpzWriter::new(std::fs::File::create(&p).unwrap());
    w.add_array("x", &ndarray::arr2(&[[1.0f32, 2.0], [3.0, 4.0]]))
        .unwrap();
    w.add_array("m", &ndarray::arr1(&[true, false])).unwrap();
    w.finish().unwrap();
    assert_eq!(npy::npz_members(&p).unwrap(), vec!["x", "m"]);
    let x = f32::from_host(npy::read_npz(&p, Some("x")).unwrap()).unwrap();
    assert_eq!(
        x,
        ArrayD::from_shape_vec(IxDyn(&[2, 2]), vec![1.0, 2.0, 3.0, 4.0]).unwrap()
    );
    let e = npy::read_npz(&p, Some("nope")).unwrap_err().to_string();
    assert!(
        e.contains("a.npz") && e.contains("no member `nope`") && e.contains("x, m"),
        "{e}"
    );
    let e = npy::read_npz(&p, None).unwrap_err().to_string();
    assert!(e.contains("--member"), "{e}");
}

/// A UFF laid out as MATLAB's USTB writes it (tests/data/make_uff_fixtures.py): dimensions
/// reversed on disk, trailing singletons dropped, several channels, channel data with scalars.
#[test]
fn uff_matlab_layout_channels_and_channel_data() {
    let path = data("matlab_layout.uff");
    let file = uff::Uff::open(&path).unwrap();
    let mut objects = file.objects().unwrap();
    objects.sort();
    assert_eq!(
        objects,
        vec![
            (
                "beamformed_data".to_string(),
                "uff.beamformed_data".to_string()
            ),
            ("channel_data".to_string(), "uff.channel_data".to_string()),
        ]
    );
    // beamformed data with 4 channels: (channels, Nz, Nx)
    let a = io::read_array(&path, None).unwrap();
    let got = Complex32::from_host(a.data).unwrap();
    assert_eq!(got.shape(), &[4, 5, 6]);
    for ((c, iz, ix), v) in got
        .into_dimensionality::<ndarray::Ix3>()
        .unwrap()
        .indexed_iter()
    {
        let want = (100 * c + 10 * ix + iz) as f32;
        assert_eq!(*v, Complex32::new(want, -want / 2.0), "at {c},{iz},{ix}");
    }
    let x = a.x_axis.unwrap();
    assert_eq!(x.len(), 6);
    assert!((x[1] - x[0] - 2e-4).abs() < 1e-15);
    assert!((a.z_axis.unwrap()[0] - 0.02).abs() < 1e-15);
    // channel data: [sample x channel]
    let cd = file.channel_data(None).unwrap();
    assert_eq!(cd.sampling_frequency, Some(20.832e6));
    assert_eq!(cd.sound_speed, Some(1540.0));
    let d = f32::from_host(cd.data).unwrap();
    assert_eq!(d.shape(), &[50, 4]);
    assert_eq!(d[[7, 3]], 3007.0);
    let a = io::read_array(&path, Some("channel_data")).unwrap();
    assert_eq!(a.data.shape(), &[50, 4]);
    // the reference loader needs a single channel
    let e = uff::load_uff_dataset(&path).unwrap_err().to_string();
    assert!(e.contains("4 channels"), "{e}");
}
