//! `um demo`: every metric on the embedded synthetic dataset, a table, and pictures.

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use ndarray::{Array2, ArrayD, Ix2};
use ultrasound_metrics as um;
use um::data::synthetic::{self, SyntheticDataset};
use um::metrics::{CfParams, GcfParams, PcfParams, ScfParams};

use crate::backend::{self, BackendChoice, Ctx};
use crate::output::{fmt_num, json_num};
use crate::picture::{self, Marker, Outline, CYAN, RED, YELLOW};
use crate::CliResult;

/// Dynamic range of the B-mode picture (dB).
const DB_RANGE: f64 = 60.0;
/// Histogram bins of the gCNR picture (the reference's default).
const BINS: usize = 100;

/// A coherence map with its timings.
struct MapRow {
    name: &'static str,
    file: &'static str,
    map: Array2<f64>,
    first: Duration,
    cached: Duration,
}

fn to_f64_2d(a: ArrayD<f32>) -> um::Result<Array2<f64>> {
    a.mapv(f64::from)
        .into_dimensionality::<Ix2>()
        .map_err(|e| um::Error::Unsupported {
            what: "demo map".into(),
            why: e.to_string(),
        })
}

/// Runs `f` twice (first call compiles, second reuses the cached executable) and times both.
fn timed(
    name: &'static str,
    file: &'static str,
    f: impl Fn() -> um::Result<ArrayD<f32>>,
) -> um::Result<MapRow> {
    let t = Instant::now();
    let map = f()?;
    let first = t.elapsed();
    let t = Instant::now();
    let _again = f()?;
    let cached = t.elapsed();
    Ok(MapRow {
        name,
        file,
        map: to_f64_2d(map)?,
        first,
        cached,
    })
}

fn coherence_maps(ctx: &Ctx, ds: &SyntheticDataset) -> um::Result<Vec<MapRow>> {
    let x = ds.channel_data.view().into_dyn();
    let (cf, gcf, pcf, scf) = (
        CfParams::default(),
        GcfParams::default(),
        PcfParams::default(),
        ScfParams::default(),
    );
    match &ctx.device {
        None => Ok(vec![
            timed("CF", "cf.png", || um::coherence_factor(&x, cf))?,
            timed("GCF m0=1", "gcf.png", || {
                um::generalized_coherence_factor(&x, gcf)
            })?,
            timed("PCF", "pcf.png", || um::phase_coherence_factor(&x, pcf))?,
            timed("SCF", "scf.png", || um::sign_coherence_factor(&x, scf))?,
        ]),
        Some(d) => {
            let xd = d.put(&x)?;
            Ok(vec![
                timed("CF", "cf.png", || {
                    um::coherence_factor(&xd, cf)?.to_ndarray()
                })?,
                timed("GCF m0=1", "gcf.png", || {
                    um::generalized_coherence_factor(&xd, gcf)?.to_ndarray()
                })?,
                timed("PCF", "pcf.png", || {
                    um::phase_coherence_factor(&xd, pcf)?.to_ndarray()
                })?,
                timed("SCF", "scf.png", || {
                    um::sign_coherence_factor(&xd, scf)?.to_ndarray()
                })?,
            ])
        }
    }
}

fn masked_mean(map: &Array2<f64>, mask: &Array2<bool>) -> f64 {
    let (mut s, mut n) = (0.0, 0usize);
    for (v, &m) in map.iter().zip(mask.iter()) {
        if m {
            s += v;
            n += 1;
        }
    }
    s / n as f64
}

fn masked_values(img: &Array2<f64>, mask: &Array2<bool>) -> Vec<f64> {
    img.iter()
        .zip(mask.iter())
        .filter(|(_, &m)| m)
        .map(|(v, _)| *v)
        .collect()
}

/// The B-mode image in dB, normalised to its maximum: `20·log10(|bf| / max|bf|)`.
fn bmode_db(ds: &SyntheticDataset) -> Array2<f64> {
    let env = ds.beamformed().mapv(|v| f64::from(v.norm()));
    let max = env
        .iter()
        .copied()
        .fold(0.0, f64::max)
        .max(f64::MIN_POSITIVE);
    env.mapv(|v| 20.0 * (v / max).max(1e-300).log10())
}

/// `um demo`.
pub fn run(out: &Path, choice: BackendChoice, small: bool, json: bool) -> CliResult {
    let t0 = Instant::now();
    let ds_small;
    let ds: &SyntheticDataset = if small {
        ds_small = synthetic::generate(&synthetic::SyntheticConfig::small());
        &ds_small
    } else {
        synthetic::default_dataset()
    };
    let gen_ms = t0.elapsed().as_secs_f64() * 1e3;
    let (m, nz, nx) = ds.channel_data.dim();
    let ctx = backend::resolve(choice)?;
    if !json {
        println!(
            "synthetic dataset: {m} elements x {nz} depths x {nx} lateral pixels (complex64), generated in {gen_ms:.0} ms"
        );
        println!("backend: {}", ctx.describe());
    }

    let maps = coherence_maps(&ctx, ds)?;
    let cyst = ds.cyst_mask();
    let background = ds.background_mask();
    let mut targets = Array2::from_elem(cyst.dim(), false);
    for &(px, pz) in &ds.point_targets {
        targets = targets | ds.mask_circle(px, pz, ds.wavelength());
    }

    // Scalar metrics of the cyst against the background, on the B-mode (dB) values.
    let bmode = bmode_db(ds);
    let inside = masked_values(&bmode, &cyst);
    let outside = masked_values(&bmode, &background);
    let (edges, p_in, p_out) = picture::histograms(&inside, &outside, BINS);
    let overlap: f64 = p_in.iter().zip(&p_out).map(|(a, b)| a.min(*b)).sum();
    let scalars: Vec<(&str, f64, &str)> =
        vec![("histogram overlap (picture)", overlap, "gcnr.png")];

    // Pictures
    std::fs::create_dir_all(out).map_err(|e| um::Error::Io {
        path: out.to_path_buf(),
        problem: format!("cannot create the output folder: {e}"),
    })?;
    let outlines = [
        Outline {
            mask: &cyst,
            color: RED,
        },
        Outline {
            mask: &background,
            color: CYAN,
        },
    ];
    let markers: Vec<Marker> = ds
        .point_target_indices()
        .into_iter()
        .map(|(iz, ix)| Marker {
            iz,
            ix,
            color: YELLOW,
        })
        .collect();
    let zoom = (480 / nz.max(nx)).clamp(1, 8);
    let mut written: Vec<PathBuf> = Vec::new();
    let bmode_png = picture::image_panel(
        &bmode,
        -DB_RANGE,
        0.0,
        picture::gray,
        zoom,
        "B-mode (dB)",
        "-60 dB",
        "0 dB",
        &outlines,
        &markers,
    );
    let p = out.join("bmode.png");
    bmode_png.save(&p)?;
    written.push(p);
    for row in &maps {
        let img = picture::image_panel(
            &row.map,
            0.0,
            1.0,
            picture::viridis,
            zoom,
            row.name,
            "0",
            "1",
            &outlines,
            &markers,
        );
        let p = out.join(row.file);
        img.save(&p)?;
        written.push(p);
    }
    let chart = picture::histogram_chart(
        &edges,
        &p_in,
        &p_out,
        &format!("gCNR histograms, overlap {:.3}", overlap),
        "B-mode (dB)",
        ("inside (cyst)", "outside"),
    );
    let p = out.join("gcnr.png");
    chart.save(&p)?;
    written.push(p);

    if json {
        let maps_json: Vec<serde_json::Value> = maps
            .iter()
            .map(|r| {
                serde_json::json!({
                    "metric": r.name,
                    "mean": json_num(r.map.mean().unwrap_or(f64::NAN)),
                    "cyst": json_num(masked_mean(&r.map, &cyst)),
                    "background": json_num(masked_mean(&r.map, &background)),
                    "targets": json_num(masked_mean(&r.map, &targets)),
                    "first_ms": r.first.as_secs_f64() * 1e3,
                    "cached_ms": r.cached.as_secs_f64() * 1e3,
                })
            })
            .collect();
        let scalars_json: Vec<serde_json::Value> = scalars
            .iter()
            .map(|(n, v, _)| serde_json::json!({"metric": n, "value": json_num(*v)}))
            .collect();
        let doc = serde_json::json!({
            "dataset": {"elements": m, "nz": nz, "nx": nx, "small": small},
            "backend": ctx.short(),
            "backend_description": ctx.describe(),
            "maps": maps_json,
            "scalars": scalars_json,
            "pictures": written.iter().map(|p| p.display().to_string()).collect::<Vec<_>>(),
        });
        println!("{doc}");
        return Ok(());
    }

    println!();
    println!(
        "{:<10} {:>9} {:>9} {:>9} {:>9} {:>12} {:>12}",
        "map", "mean", "cyst", "backgr.", "targets", "first call", "cached call"
    );
    for r in &maps {
        println!(
            "{:<10} {:>9.4} {:>9.4} {:>9.4} {:>9.4} {:>9.2} ms {:>9.3} ms",
            r.name,
            r.map.mean().unwrap_or(f64::NAN),
            masked_mean(&r.map, &cyst),
            masked_mean(&r.map, &background),
            masked_mean(&r.map, &targets),
            r.first.as_secs_f64() * 1e3,
            r.cached.as_secs_f64() * 1e3,
        );
    }
    println!();
    println!("{:<36} {:>12}", "cyst vs background", "value");
    for (name, v, _) in &scalars {
        println!("{name:<36} {:>12}", fmt_num(*v));
    }
    if let Some(d) = &ctx.device {
        println!(
            "\ncompiles on {d}: {} (first calls compile, cached calls reuse the executable)",
            d.compile_count()
        );
    }
    println!("\npictures:");
    for p in &written {
        println!("  {}", p.display());
    }
    Ok(())
}
