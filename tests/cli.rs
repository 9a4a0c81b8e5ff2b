//! The `um` binary, run as a user would: the demo and its pictures, `metric` on npy / npz / UFF
//! files checked against the library, every error class, and `batch` (resume, sharding).

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use ndarray::{Array1, Array3};
use num_complex::Complex32;
use ultrasound_metrics as um;
use um::metrics::{CfParams, PcfParams};
use um::Element;

fn um_cmd() -> Command {
    Command::new(env!("CARGO_BIN_EXE_um"))
}

fn run(args: &[&str]) -> Output {
    um_cmd().args(args).output().expect("the um binary runs")
}

fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

fn s(p: &Path) -> &str {
    p.to_str().unwrap()
}

fn data(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/data")
        .join(name)
}

/// Deterministic complex channel data `(m, nz, nx)` with some coherence.
fn channels(m: usize, nz: usize, nx: usize, seed: u32) -> Array3<Complex32> {
    Array3::from_shape_fn((m, nz, nx), |(c, z, x)| {
        let h = (c as u32 * 7919 + z as u32 * 104_729 + x as u32 * 1_299_709 + seed * 15_485_863)
            .wrapping_mul(2_654_435_761);
        let noise = (h >> 8) as f32 / (1u32 << 24) as f32 - 0.5;
        let phase = 0.3 * c as f32 * (x as f32 - 3.0) / 4.0 + noise;
        Complex32::from_polar(1.0 + 0.2 * noise, phase)
    })
}

fn json(o: &Output) -> serde_json::Value {
    assert!(o.status.success(), "um failed: {}", stderr(o));
    serde_json::from_str(stdout(o).trim()).expect("JSON on stdout")
}

fn close(a: f64, b: f64, tol: f64) -> bool {
    (a - b).abs() <= tol * (1.0 + b.abs())
}

// ---------------------------------------------------------------------------------------------
// demo
// ---------------------------------------------------------------------------------------------

fn decode_png(path: &Path) -> (u32, u32, Vec<[u8; 3]>) {
    let decoder = png::Decoder::new(std::io::BufReader::new(std::fs::File::open(path).unwrap()));
    let mut reader = decoder.read_info().unwrap();
    let mut buf = vec![0; reader.output_buffer_size().unwrap()];
    let info = reader.next_frame(&mut buf).unwrap();
    assert_eq!(info.color_type, png::ColorType::Rgb, "{}", path.display());
    let px = buf[..info.buffer_size()]
        .chunks_exact(3)
        .map(|c| [c[0], c[1], c[2]])
        .collect();
    (info.width, info.height, px)
}

#[test]
fn demo_prints_the_table_and_writes_real_pictures() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("pics");
    let o = run(&["demo", "--small", "--backend", "host", "--out", s(&out)]);
    assert!(o.status.success(), "{}", stderr(&o));
    let text = stdout(&o);
    assert!(text.contains("backend: host"), "{text}");
    for name in [
        "CF",
        "GCF m0=1",
        "PCF",
        "SCF",
        "tenengrad",
        "clip",
        "contrast",
        "cnr",
        "gcnr",
        "fwhm",
        "sll",
    ] {
        assert!(
            text.lines().any(|l| l.starts_with(name)),
            "{name} missing:\n{text}"
        );
    }
    let ds = um::data::synthetic::generate(&um::data::synthetic::SyntheticConfig::small());
    let (_, nz, nx) = ds.channel_data.dim();
    for file in [
        "bmode.png",
        "cf.png",
        "gcf.png",
        "pcf.png",
        "scf.png",
        "gcnr.png",
    ] {
        let (w, h, px) = decode_png(&out.join(file));
        let distinct: std::collections::HashSet<[u8; 3]> = px.iter().copied().collect();
        if file == "gcnr.png" {
            // white, axes, inside, outside, their overlap, legend
            assert!(
                distinct.len() >= 5,
                "{file}: only {} colours",
                distinct.len()
            );
            assert!(w >= 400 && h >= 300, "{file}: {w}x{h}");
        } else {
            assert!(
                distinct.len() > 20,
                "{file}: only {} colours",
                distinct.len()
            );
            assert!(w as usize > nx && h as usize > nz, "{file}: {w}x{h}");
        }
    }
    // the B-mode shows the cyst (red) and background (cyan) outlines and grey levels
    let (_, _, px) = decode_png(&out.join("bmode.png"));
    let count = |c: [u8; 3]| px.iter().filter(|&&p| p == c).count();
    assert!(count([230, 40, 40]) > 20, "no cyst outline");
    assert!(count([0, 200, 230]) > 20, "no background outline");
    let greys = px
        .iter()
        .filter(|p| p[0] == p[1] && p[1] == p[2] && p[0] > 20 && p[0] < 235)
        .count();
    assert!(greys > 1000, "the B-mode has {greys} mid-grey pixels");
    // the histogram chart has both distributions
    let (_, _, px) = decode_png(&out.join("gcnr.png"));
    let reddish = px
        .iter()
        .filter(|p| p[0] > 150 && p[2] < 180 && p[1] < 180)
        .count();
    let bluish = px.iter().filter(|p| p[2] > 150 && p[0] < 180).count();
    assert!(
        reddish > 500 && bluish > 500,
        "{reddish} red, {bluish} blue"
    );
    // no temporary files left
    for e in std::fs::read_dir(&out).unwrap() {
        let n = e.unwrap().file_name().to_string_lossy().into_owned();
        assert!(n.ends_with(".png"), "stray file {n}");
    }
}

#[test]
fn demo_json_names_the_backend() {
    let dir = tempfile::tempdir().unwrap();
    let o = run(&["demo", "--small", "--json", "--out", s(dir.path())]);
    let v = json(&o);
    assert!(v["backend"].as_str().is_some());
    let maps = v["maps"].as_array().unwrap();
    assert_eq!(maps.len(), 4);
    // coherence is low in the anechoic cyst and high on the point targets
    for m in maps {
        assert!(
            m["cyst"].as_f64().unwrap() < m["targets"].as_f64().unwrap(),
            "{m}"
        );
    }
}

// ---------------------------------------------------------------------------------------------
// metric on files
// ---------------------------------------------------------------------------------------------

#[test]
fn metric_on_npy_matches_the_library() {
    let dir = tempfile::tempdir().unwrap();
    let x = channels(8, 6, 7, 1);
    let path = dir.path().join("ch.npy");
    ndarray_npy::write_npy(&path, &x).unwrap();
    let cf = um::coherence_factor(&x, CfParams::default()).unwrap();
    let mean = cf.mean().unwrap() as f64;
    let v = json(&run(&[
        "metric",
        "cf",
        s(&path),
        "--json",
        "--backend",
        "host",
    ]));
    assert_eq!(v["metric"], "cf");
    assert_eq!(v["input"]["dtype"], "complex64");
    assert!(close(v["value"].as_f64().unwrap(), mean, 1e-6), "{v}");
    // default backend (PJRT when available): same value
    let v = json(&run(&["metric", "cf", s(&path), "--json"]));
    assert!(close(v["value"].as_f64().unwrap(), mean, 1e-5), "{v}");
    // ROI in pixels: circle around column 3, row 2, radius 1.5
    let v = json(&run(&[
        "metric",
        "pcf",
        s(&path),
        "--json",
        "--backend",
        "host",
        "--power",
        "2.0",
        "--roi-in",
        "circle:3,2,1.5",
        "--roi-out",
        "rect:0,4,6,5",
    ]));
    let pcf = um::phase_coherence_factor(
        &x,
        PcfParams {
            power: 2.0,
            ..Default::default()
        },
    )
    .unwrap()
    .mapv(f64::from);
    let (mut si, mut ni, mut so, mut no) = (0.0, 0, 0.0, 0);
    for ((z, xx), &val) in pcf.indexed_iter() {
        if ((xx as f64 - 3.0).powi(2) + (z as f64 - 2.0).powi(2)).sqrt() <= 1.5 {
            si += val;
            ni += 1;
        }
        if z >= 4 {
            so += val;
            no += 1;
        }
    }
    assert!(
        close(
            v["stats"]["mean_in"].as_f64().unwrap(),
            si / ni as f64,
            1e-6
        ),
        "{v}"
    );
    assert!(
        close(
            v["stats"]["mean_out"].as_f64().unwrap(),
            so / no as f64,
            1e-6
        ),
        "{v}"
    );
    // text output
    let o = run(&["metric", "cf", s(&path), "--backend", "host"]);
    assert!(o.status.success());
    assert!(stdout(&o).contains("value"), "{}", stdout(&o));
}

#[test]
fn metric_on_npz_member_and_out_file() {
    let dir = tempfile::tempdir().unwrap();
    let x = channels(6, 5, 4, 2);
    let path = dir.path().join("d.npz");
    let mut w = ndarray_npy::NpzWriter::new(std::fs::File::create(&path).unwrap());
    w.add_array("channel_images", &x).unwrap();
    w.add_array("other", &ndarray::arr1(&[1.0f64, 2.0]))
        .unwrap();
    w.finish().unwrap();
    let out = dir.path().join("r.json");
    let v = json(&run(&[
        "metric",
        "gcf",
        s(&path),
        "--member",
        "channel_images",
        "--m0",
        "1",
        "--json",
        "--backend",
        "host",
        "--out",
        s(&out),
    ]));
    let gcf = um::generalized_coherence_factor(&x, Default::default()).unwrap();
    assert!(close(
        v["value"].as_f64().unwrap(),
        gcf.mean().unwrap() as f64,
        1e-6
    ));
    assert_eq!(v["member"], "channel_images");
    let saved: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&out).unwrap()).unwrap();
    assert_eq!(saved["value"], v["value"]);
}

#[test]
fn metric_on_uff_matches_the_library() {
    let file = data("data_load_uff_synthetic.uff");
    let (img, x_axis, z_axis) = um::io::uff::load_uff_dataset(&file).unwrap();
    // (Nx, Nz) as the reference returns it; the CLI reads (Nz, Nx)
    let img = Complex32::from_host(img).unwrap();
    let img_zx = img.t().to_owned();
    let cf = um::coherence_factor(&img_zx, CfParams::default()).unwrap();
    let v = json(&run(&[
        "metric",
        "cf",
        s(&file),
        "--json",
        "--backend",
        "host",
    ]));
    assert_eq!(
        v["input"]["shape"],
        serde_json::json!([z_axis.len(), x_axis.len()])
    );
    assert!(
        close(
            v["value"].as_f64().unwrap(),
            cf.mean().unwrap() as f64,
            1e-6
        ),
        "{v}"
    );
    assert_eq!(v["member"], "beamformed_data");
}

// ---------------------------------------------------------------------------------------------
// errors: one line naming the file, non-zero exit, no output file
// ---------------------------------------------------------------------------------------------

fn assert_one_line_error(args: &[&str], file: &Path, out: &Path, expect: &str) {
    let mut all: Vec<&str> = args.to_vec();
    all.extend(["--out", s(out)]);
    let o = run(&all);
    assert!(!o.status.success(), "{args:?} succeeded");
    let err = stderr(&o);
    assert_eq!(err.trim_end().lines().count(), 1, "not one line: {err:?}");
    assert!(
        err.contains(s(file)),
        "{err} does not name {}",
        file.display()
    );
    assert!(
        err.to_lowercase().contains(expect),
        "{err} does not say `{expect}`"
    );
    assert!(
        !err.contains("panicked") && !err.contains("backtrace"),
        "{err}"
    );
    assert!(!out.exists(), "{} was written", out.display());
    let dir = out.parent().unwrap();
    for e in std::fs::read_dir(dir).unwrap() {
        let n = e.unwrap().file_name().to_string_lossy().into_owned();
        assert!(!n.ends_with(".tmp"), "temporary file {n} left");
    }
}

#[test]
fn every_error_class_is_one_line_naming_the_file() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("result.json");
    let good = dir.path().join("good.npy");
    ndarray_npy::write_npy(&good, &channels(4, 3, 3, 3)).unwrap();
    let bytes = std::fs::read(&good).unwrap();

    let truncated = dir.path().join("truncated.npy");
    std::fs::write(&truncated, &bytes[..bytes.len() - 5]).unwrap();
    assert_one_line_error(
        &["metric", "cf", s(&truncated)],
        &truncated,
        &out,
        "truncated",
    );

    let corrupt = dir.path().join("corrupt.npy");
    let mut b = bytes.clone();
    b[20..40].copy_from_slice(&[b'#'; 20]);
    std::fs::write(&corrupt, &b).unwrap();
    assert_one_line_error(&["metric", "cf", s(&corrupt)], &corrupt, &out, "corrupt");

    let garbage = dir.path().join("garbage.npz");
    std::fs::write(&garbage, b"this is not a zip archive at all").unwrap();
    assert_one_line_error(&["metric", "cf", s(&garbage)], &garbage, &out, "corrupt");

    let npz = dir.path().join("members.npz");
    let mut w = ndarray_npy::NpzWriter::new(std::fs::File::create(&npz).unwrap());
    w.add_array("a", &channels(4, 3, 3, 4)).unwrap();
    w.finish().unwrap();
    assert_one_line_error(
        &["metric", "cf", s(&npz), "--member", "channel_images"],
        &npz,
        &out,
        "no member `channel_images`",
    );

    let npz_bytes = std::fs::read(&npz).unwrap();
    let npz_cut = dir.path().join("cut.npz");
    std::fs::write(&npz_cut, &npz_bytes[..npz_bytes.len() / 2]).unwrap();
    assert_one_line_error(&["metric", "cf", s(&npz_cut)], &npz_cut, &out, "zip");

    let boolean = dir.path().join("mask.npy");
    ndarray_npy::write_npy(&boolean, &ndarray::Array2::from_elem((3, 4), true)).unwrap();
    assert_one_line_error(&["metric", "cf", s(&boolean)], &boolean, &out, "dtype");

    let vector = dir.path().join("vector.npy");
    ndarray_npy::write_npy(&vector, &Array1::<f32>::ones(5)).unwrap();
    assert_one_line_error(&["metric", "cf", s(&vector)], &vector, &out, "rank");

    // NaN / ±Inf: the default non-finite policy rejects them, naming the argument, on both
    // backends; UM_NONFINITE=propagate lets them through
    let nan = dir.path().join("nan.npy");
    let mut x = channels(4, 3, 3, 3);
    x[[1, 2, 0]] = Complex32::new(f32::NAN, 0.0);
    x[[3, 0, 1]] = Complex32::new(0.0, f32::INFINITY);
    ndarray_npy::write_npy(&nan, &x).unwrap();
    for backend in ["host", "cpu"] {
        assert_one_line_error(
            &["metric", "cf", s(&nan), "--backend", backend],
            &nan,
            &out,
            "argument `channel_images` contains 2 non-finite values",
        );
    }
    let o = um_cmd()
        .args(["metric", "cf", s(&nan), "--backend", "host", "--json"])
        .env("UM_NONFINITE", "propagate")
        .output()
        .unwrap();
    assert!(o.status.success(), "{}", stderr(&o));

    let uff = std::fs::read(data("data_load_uff_synthetic.uff")).unwrap();
    let uff_cut = dir.path().join("cut.uff");
    std::fs::write(&uff_cut, &uff[..uff.len() * 2 / 3]).unwrap();
    assert_one_line_error(&["metric", "cf", s(&uff_cut)], &uff_cut, &out, "uff");
    assert_one_line_error(
        &[
            "metric",
            "cf",
            s(&data("data_load_uff_synthetic.uff")),
            "--member",
            "channel_data",
        ],
        &data("data_load_uff_synthetic.uff"),
        &out,
        "no member",
    );

    let missing = dir.path().join("missing.npy");
    assert_one_line_error(
        &["metric", "cf", s(&missing)],
        &missing,
        &out,
        "no such file",
    );
}

// ---------------------------------------------------------------------------------------------
// batch
// ---------------------------------------------------------------------------------------------

fn batch_inputs(dir: &Path, n: usize) -> Vec<PathBuf> {
    (0..n)
        .map(|k| {
            let p = dir.join(format!("f{k:02}.npy"));
            ndarray_npy::write_npy(&p, &channels(4, 3, 5, k as u32 + 10)).unwrap();
            p
        })
        .collect()
}

fn csv_rows(path: &Path) -> Vec<Vec<String>> {
    let text = std::fs::read_to_string(path).unwrap();
    assert!(text.ends_with('\n'));
    let mut lines = text.lines();
    assert_eq!(
        lines.next(),
        Some("file,member,metric,value,stats,backend,error")
    );
    lines
        .map(|l| l.split(',').map(str::to_string).collect())
        .collect()
}

#[test]
fn batch_writes_rows_resumes_and_repairs_a_torn_row() {
    let dir = tempfile::tempdir().unwrap();
    let inputs = dir.path().join("in");
    std::fs::create_dir(&inputs).unwrap();
    let files = batch_inputs(&inputs, 4);
    let out = dir.path().join("results.csv");
    let args = [
        "batch",
        s(&inputs),
        "--metrics",
        "cf,pcf",
        "--out",
        s(&out),
        "--backend",
        "host",
    ];
    let o = run(&args);
    assert!(o.status.success(), "{}", stderr(&o));
    // in a pipe: no progress bar, only the summary line
    assert_eq!(stderr(&o).lines().count(), 1, "{}", stderr(&o));
    assert!(!stderr(&o).contains('\r'));
    let rows = csv_rows(&out);
    assert_eq!(rows.len(), 8);
    // rows follow the sorted paths; values match the library
    for (k, f) in files.iter().enumerate() {
        assert_eq!(rows[2 * k][0], f.display().to_string());
        assert_eq!(rows[2 * k][2], "cf");
        let x: Array3<Complex32> = ndarray_npy::read_npy(f).unwrap();
        let want = um::coherence_factor(&x, CfParams::default())
            .unwrap()
            .mean()
            .unwrap() as f64;
        let got: f64 = rows[2 * k][3].parse().unwrap();
        assert!(close(got, want, 1e-6), "{got} vs {want}");
    }
    // a second run adds nothing
    let o = run(&args);
    assert!(o.status.success());
    assert_eq!(csv_rows(&out).len(), 8);
    assert!(stderr(&o).contains("0 rows written"), "{}", stderr(&o));
    // an interrupted run: the last 3 rows lost, a torn row left behind
    let text = std::fs::read_to_string(&out).unwrap();
    let keep: Vec<&str> = text.lines().take(1 + 5).collect();
    let torn = format!(
        "{}\n{}",
        keep.join("\n"),
        &text.lines().nth(6).unwrap()[..10]
    );
    std::fs::write(&out, torn).unwrap();
    let o = run(&args);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(stderr(&o).contains("3 rows written"), "{}", stderr(&o));
    let rows = csv_rows(&out);
    assert_eq!(rows.len(), 8);
    let keys: std::collections::HashSet<(String, String)> =
        rows.iter().map(|r| (r[0].clone(), r[2].clone())).collect();
    assert_eq!(keys.len(), 8);
    assert!(rows.iter().all(|r| r.len() == 7 && r[6].is_empty()));
}

#[test]
fn batch_shards_split_the_sorted_files() {
    let dir = tempfile::tempdir().unwrap();
    let files = batch_inputs(dir.path(), 5);
    let mut seen = Vec::new();
    for i in 1..=2 {
        let out = dir.path().join(format!("shard{i}.jsonl"));
        let shard = format!("{i}/2");
        let mut args = vec!["batch"];
        // give the files in reverse order: the assignment uses the sorted list
        args.extend(files.iter().rev().map(|f| s(f)));
        args.extend([
            "--metrics",
            "scf",
            "--out",
            s(&out),
            "--shard",
            &shard,
            "--backend",
            "host",
        ]);
        let o = run(&args);
        assert!(o.status.success(), "{}", stderr(&o));
        let text = std::fs::read_to_string(&out).unwrap();
        let got: Vec<String> = text
            .lines()
            .map(|l| {
                let v: serde_json::Value = serde_json::from_str(l).unwrap();
                assert!(v["value"].as_f64().is_some() && v["error"].is_null(), "{v}");
                v["file"].as_str().unwrap().to_string()
            })
            .collect();
        let want: Vec<String> = files
            .iter()
            .enumerate()
            .filter(|(k, _)| k % 2 == i - 1)
            .map(|(_, f)| f.display().to_string())
            .collect();
        assert_eq!(got, want);
        seen.extend(got);
    }
    seen.sort();
    let all: Vec<String> = files.iter().map(|f| f.display().to_string()).collect();
    assert_eq!(seen, all);
}

#[test]
fn batch_jobs_spread_files_over_devices_in_file_order() {
    let dir = tempfile::tempdir().unwrap();
    let files = batch_inputs(dir.path(), 7);
    let rows_with = |jobs: &str, name: &str| {
        let out = dir.path().join(name);
        let mut args = vec!["batch"];
        args.extend(files.iter().map(|f| s(f)));
        args.extend([
            "--metrics",
            "cf,gcf",
            "--out",
            s(&out),
            "--backend",
            "cpu",
            "--jobs",
            jobs,
        ]);
        let o = run(&args);
        assert!(o.status.success(), "{}", stderr(&o));
        csv_rows(&out)
    };
    let one = rows_with("1", "one.csv");
    let four = rows_with("4", "four.csv");
    assert_eq!(one.len(), 14);
    // same rows in the same (file) order; only the device column differs
    let strip = |rows: &[Vec<String>]| -> Vec<Vec<String>> {
        rows.iter()
            .map(|r| {
                r.iter()
                    .enumerate()
                    .filter(|(i, _)| *i != 5)
                    .map(|(_, v)| v.clone())
                    .collect()
            })
            .collect()
    };
    assert_eq!(strip(&one), strip(&four));
    assert!(one.iter().all(|r| r[5] == "cpu:0"));
    let devices: std::collections::HashSet<&str> = four.iter().map(|r| r[5].as_str()).collect();
    assert!(devices.len() > 1, "4 jobs used one device: {devices:?}");
    assert!(devices.iter().all(|d| d.starts_with("cpu:")));
    // --jobs 0 is a usage error that leaves no file
    let out = dir.path().join("zero.csv");
    let o = run(&[
        "batch",
        s(&files[0]),
        "--metrics",
        "cf",
        "--out",
        s(&out),
        "--jobs",
        "0",
    ]);
    assert_eq!(o.status.code(), Some(2), "{}", stderr(&o));
    assert!(!out.exists());
}

#[test]
fn batch_records_a_bad_file_and_fails() {
    let dir = tempfile::tempdir().unwrap();
    let files = batch_inputs(dir.path(), 2);
    let bad = dir.path().join("f99.npy");
    std::fs::write(&bad, b"\x93NUMPY\x01\x00\x10\x00{'descr': '<f4'").unwrap();
    let out = dir.path().join("r.csv");
    let o = run(&[
        "batch",
        s(&files[0]),
        s(&files[1]),
        s(&bad),
        "--metrics",
        "cf",
        "--out",
        s(&out),
        "--backend",
        "host",
    ]);
    assert!(!o.status.success());
    assert_eq!(
        stderr(&o)
            .trim_end()
            .lines()
            .last()
            .map(|l| l.starts_with("um: error:")),
        Some(true)
    );
    let rows = csv_rows(&out);
    assert_eq!(rows.len(), 3);
    assert!(
        rows[2][0].ends_with("f99.npy") && !rows[2][6].is_empty(),
        "{:?}",
        rows[2]
    );
    // usage errors leave no file
    let out2 = dir.path().join("r.txt");
    let o = run(&["batch", s(&files[0]), "--metrics", "cf", "--out", s(&out2)]);
    assert_eq!(o.status.code(), Some(2));
    assert!(!out2.exists());
}

// ---------------------------------------------------------------------------------------------
// backends and listings
// ---------------------------------------------------------------------------------------------

#[test]
fn gpu_without_a_plugin_is_a_clear_error() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("ch.npy");
    ndarray_npy::write_npy(&path, &channels(4, 3, 3, 5)).unwrap();
    let o = um_cmd()
        .args(["metric", "cf", s(&path), "--backend", "gpu"])
        .env_remove("UM_PJRT_PLUGIN")
        .env("UM_PYTHON", dir.path().join("no-python"))
        .output()
        .unwrap();
    assert!(!o.status.success());
    let err = stderr(&o);
    assert_eq!(err.trim_end().lines().count(), 1, "{err}");
    assert!(
        err.contains("no CUDA PJRT plugin") && err.contains("UM_PJRT_PLUGIN"),
        "{err}"
    );
}

#[test]
fn listings() {
    let o = run(&["metrics"]);
    assert!(o.status.success());
    for name in ["cf", "gcf", "pcf", "scf"] {
        assert!(
            stdout(&o).lines().any(|l| l.starts_with(name)),
            "{}",
            stdout(&o)
        );
    }
    let o = run(&["devices"]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(stdout(&o).contains("host"));
    let o = run(&["metric", "nope", "x.npy"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("unknown metric `nope`"));
}

// ---------------------------------------------------------------------------------------------
// the other metrics, against the library
// ---------------------------------------------------------------------------------------------

/// A Gaussian point target on a faint ripple, shape (nz, nx).
fn point_image() -> ndarray::Array2<f64> {
    ndarray::Array2::from_shape_fn((40, 50), |(i, j)| {
        let (z, x) = (i as f64 - 18.3, j as f64 - 25.6);
        (-(z * z) / 8.0 - x * x / 40.0).exp() + 0.01 * ((i * 7 + j * 3) % 5) as f64
    })
}

#[test]
fn image_metrics_match_the_library() {
    let dir = tempfile::tempdir().unwrap();
    let img = point_image();
    let path = dir.path().join("img.npy");
    ndarray_npy::write_npy(&path, &img).unwrap();
    for backend in ["host", "cpu"] {
        // tenengrad, over an ROI, mean
        let v = json(&run(&[
            "metric",
            "tenengrad",
            s(&path),
            "--json",
            "--backend",
            backend,
            "--normalize",
            "--roi-in",
            "rect:5,5,30,30",
        ]));
        let mask = ndarray::Array2::from_shape_fn(img.dim(), |(z, x)| {
            (5..=30).contains(&z) && (5..=30).contains(&x)
        });
        let want = um::tenengrad(
            &img,
            Some(&mask),
            um::metrics::TenengradParams {
                normalize: true,
                ..Default::default()
            },
        )
        .unwrap()
        .into_statistic()
        .unwrap();
        assert!(
            close(v["value"].as_f64().unwrap(), want, 1e-9),
            "{backend}: {v}"
        );
        // clip ratio, threshold method
        let v = json(&run(&[
            "metric",
            "clip",
            s(&path),
            "--json",
            "--backend",
            backend,
            "--clip-threshold",
            "0.5",
        ]));
        let want = um::clip_ratio(
            &img,
            um::metrics::ClipMethod::Threshold(um::metrics::ThresholdParams::new(0.5)),
        )
        .unwrap();
        assert!(
            close(v["value"].as_f64().unwrap(), want, 1e-12),
            "{backend}: {v}"
        );
    }
    // FWHM in mm with a pixel size, search region around the target
    let v = json(&run(&[
        "metric",
        "fwhm",
        s(&path),
        "--json",
        "--units",
        "mm",
        "--pixel-size",
        "1e-4,2e-4",
        "--roi-in",
        "circle:2.5,3.7,1",
    ]));
    let want = um::compute_fwhm(
        &img,
        um::metrics::FwhmParams {
            grid_spacing: Some(vec![0.2, 0.1]),
            ..Default::default()
        },
    )
    .unwrap()
    .widths();
    assert!(
        close(v["value"].as_f64().unwrap(), want[1].unwrap(), 1e-9),
        "{v}"
    );
    assert!(
        close(
            v["stats"]["fwhm_z"].as_f64().unwrap(),
            want[0].unwrap(),
            1e-9
        ),
        "{v}"
    );
    // SLL of the amplitude image
    let v = json(&run(&["metric", "sll", s(&path), "--json"]));
    let want = um::compute_sll(
        &img,
        um::metrics::SllParams {
            scale: um::metrics::resolution::Scale::Amplitude,
            ..Default::default()
        },
    )
    .unwrap()
    .levels_db();
    assert!(
        close(v["value"].as_f64().unwrap(), want[1].unwrap(), 1e-9),
        "{v}"
    );
}

#[test]
fn frame_metrics_match_the_library() {
    let dir = tempfile::tempdir().unwrap();
    let frames = channels(5, 6, 7, 9); // 5 acquisitions of a 6 x 7 complex image
    let path = dir.path().join("frames.npy");
    ndarray_npy::write_npy(&path, &frames).unwrap();
    for backend in ["host", "cpu"] {
        let v = json(&run(&[
            "metric",
            "corr",
            s(&path),
            "--json",
            "--backend",
            backend,
        ]));
        let want = um::pairwise_corrcoef_agg(&frames).unwrap();
        assert!(
            close(v["value"].as_f64().unwrap(), want, 1e-5),
            "{backend}: {v}"
        );
        let v = json(&run(&[
            "metric",
            "noise",
            s(&path),
            "--json",
            "--backend",
            backend,
            "--noise-method",
            "adjacent",
        ]));
        let want = um::channel_noise(&frames, um::metrics::NoiseMethod::AdjacentFrames).unwrap();
        assert!(
            close(v["value"].as_f64().unwrap(), want.snr_db, 1e-5),
            "{backend}: {v}"
        );
        assert!(close(
            v["stats"]["noise_power"].as_f64().unwrap(),
            want.noise_power,
            1e-5
        ));
    }
}

#[test]
fn metric_on_multichannel_uff_in_millimetres() {
    let file = data("matlab_layout.uff");
    let a = um::io::read_array(&file, None).unwrap();
    let x = Complex32::from_host(a.data).unwrap();
    let cf = um::coherence_factor(&x, CfParams::default()).unwrap();
    // x_axis = -0.5 + 0.2 k mm, z_axis = 20 + 0.1 k mm: the rectangle holds columns 1..=3, rows 1..=2
    let v = json(&run(&[
        "metric",
        "cf",
        s(&file),
        "--json",
        "--backend",
        "host",
        "--units",
        "mm",
        "--roi-in",
        "rect:-0.35,20.05,0.15,20.25",
    ]));
    assert_eq!(v["input"]["shape"], serde_json::json!([4, 5, 6]));
    let want: f64 = (1..=2)
        .flat_map(|z| (1..=3).map(move |x| (z, x)))
        .map(|(z, x)| f64::from(cf[[z, x]]))
        .sum::<f64>()
        / 6.0;
    assert!(
        close(v["stats"]["mean_in"].as_f64().unwrap(), want, 1e-6),
        "{v}"
    );
}

#[test]
fn region_statistics_match_the_library() {
    let dir = tempfile::tempdir().unwrap();
    let x = channels(6, 12, 14, 21);
    let path = dir.path().join("ch.npy");
    ndarray_npy::write_npy(&path, &x).unwrap();
    // the CLI's image: channels summed, envelope
    let img = x.sum_axis(ndarray::Axis(0)).mapv(|v| f64::from(v.norm()));
    let inside =
        |z: usize, xx: usize| ((xx as f64 - 4.0).powi(2) + (z as f64 - 5.0).powi(2)).sqrt() <= 3.0;
    let outside = |z: usize, xx: usize| (9..=13).contains(&xx) && (2..=10).contains(&z);
    let pick = |f: &dyn Fn(usize, usize) -> bool| -> Array1<f64> {
        img.indexed_iter()
            .filter(|((z, xx), _)| f(*z, *xx))
            .map(|(_, v)| *v)
            .collect()
    };
    let (a, b) = (pick(&inside), pick(&outside));
    let roi = ["--roi-in", "circle:4,5,3", "--roi-out", "rect:9,2,13,10"];
    for backend in ["host", "cpu"] {
        let get = |metric: &str, extra: &[&str]| {
            let mut args = vec!["metric", metric, s(&path), "--json", "--backend", backend];
            args.extend(roi);
            args.extend(extra);
            json(&run(&args))["value"].as_f64().unwrap()
        };
        let want = um::contrast(&a, &b, um::metrics::ContrastParams { db: true }).unwrap();
        assert!(close(get("contrast", &["--db"]), want, 1e-9), "{backend}");
        let want = um::compute_cnr(&a, &b, Default::default()).unwrap();
        assert!(close(get("cnr", &[]), want, 1e-9), "{backend}");
        let p = um::metrics::GcnrParams {
            bins: um::metrics::Bins::Count(20),
        };
        let want = um::gcnr(&a, &b, p).unwrap();
        assert!(
            close(get("gcnr", &["--bins", "20"]), want, 1e-9),
            "{backend}"
        );
        let want = um::compute_rf_snr(&a, &b, Default::default()).unwrap();
        assert!(close(get("rfsnr", &[]), want, 1e-9), "{backend}");
    }
    // region statistics need both regions
    let o = run(&["metric", "gcnr", s(&path), "--roi-in", "circle:4,5,3"]);
    assert!(!o.status.success());
    assert!(stderr(&o).contains("--roi-out"), "{}", stderr(&o));
    // tSNR over the last axis
    let v = json(&run(&[
        "metric",
        "tsnr",
        s(&path),
        "--json",
        "--backend",
        "host",
        "--db",
    ]));
    let t = um::tsnr(&x, um::metrics::TsnrParams { output_db: true }).unwrap();
    assert!(close(
        v["value"].as_f64().unwrap(),
        t.mapv(f64::from).mean().unwrap(),
        1e-6
    ));
}

#[test]
fn demo_falls_back_to_the_host_without_a_plugin() {
    let dir = tempfile::tempdir().unwrap();
    let o = um_cmd()
        .args(["demo", "--small", "--out", "pics"])
        .current_dir(dir.path())
        .env_remove("UM_PJRT_PLUGIN")
        .env("UM_PJRT_NO_DOWNLOAD", "1")
        .env("UM_CACHE_DIR", dir.path().join("cache"))
        .env("UM_PYTHON", dir.path().join("no-python"))
        .output()
        .unwrap();
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(
        stderr(&o).starts_with("note: PJRT unavailable"),
        "{}",
        stderr(&o)
    );
    assert_eq!(stderr(&o).lines().count(), 1);
    assert!(stdout(&o).contains("backend: host (ndarray)"));
    assert!(dir.path().join("pics/bmode.png").is_file());
}

#[test]
fn a_closed_pipe_ends_quietly() {
    use std::io::Read;
    let mut child = um_cmd()
        .args(["metrics"])
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    drop(child.stdout.take()); // the reader goes away before `um` writes
    let mut err = String::new();
    child
        .stderr
        .take()
        .unwrap()
        .read_to_string(&mut err)
        .unwrap();
    let status = child.wait().unwrap();
    assert!(
        !err.contains("internal error") && !err.contains("panicked"),
        "{err}"
    );
    assert!(matches!(status.code(), Some(0) | Some(141)), "{status:?}");
}
