//! `um demo`: every metric on the embedded synthetic dataset, a table, and pictures.

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use ndarray::{Array2, ArrayD, Ix2};
use ultrasound_metrics as um;
use um::data::synthetic::{self, SyntheticDataset};
use um::metrics::{CfParams, GcfParams, PcfParams, ScfParams};

use crate::backend::{self, BackendChoice, Ctx};
use crate::metrics::{self, Input, Params};
use crate::output::{fmt_num, json_num};
use crate::picture::{self, Marker, Outline, CYAN, RED, YELLOW};
use crate::roi::{Axes, Roi, Units};
use crate::{CliError, CliResult};

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

/// The B-mode image in dB relative to its maximum: the library's
/// `db_zero(create_bmode_image(bf))` = `20·log10(|bf| + eps) − max`.
fn bmode_db(ds: &SyntheticDataset) -> um::Result<Array2<f64>> {
    let env = um::create_bmode_image(&ds.beamformed())?;
    Ok(um::db_zero(&env)?.mapv(f64::from))
}

/// The scalar metrics of the demo, through the same code as `um metric` (the cyst as the inside
/// ROI, the background region as the outside one, in metres on the dataset's grid).
fn scalar_metrics(ctx: &Ctx, ds: &SyntheticDataset) -> CliResult<Vec<(String, f64, String)>> {
    let axes = Axes {
        x: Some(ds.x_axis.to_vec()),
        z: Some(ds.z_axis.to_vec()),
    };
    let (c, b) = (ds.cyst, ds.background);
    let params = Params {
        roi_in: Some(Roi::Circle {
            x: c.center_x,
            z: c.center_z,
            r: c.radius,
        }),
        roi_out: Some(Roi::Circle {
            x: b.center_x,
            z: b.center_z,
            r: b.radius,
        }),
        units: Units::M,
        bins: BINS,
        ..Params::default()
    };
    let envelope = Input {
        data: um::create_bmode_image(&ds.beamformed())?.into_dyn().into(),
        axes: axes.clone(),
    };
    let channels = Input {
        data: ds.channel_data.clone().into_dyn().into(),
        axes,
    };
    // (metric, input, what, params tweak)
    let mut plan: Vec<(&str, &Input, &str, Params)> = vec![
        (
            "tenengrad",
            &envelope,
            "B-mode envelope, whole image",
            Params {
                roi_in: None,
                ..params.clone()
            },
        ),
        (
            "clip",
            &channels,
            "channel data, max-amplitude method",
            params.clone(),
        ),
    ];
    for (name, what) in [
        ("contrast", "envelope, cyst vs background, dB"),
        ("cnr", "envelope, cyst vs background"),
        ("gcnr", "envelope, cyst vs background, 100 bins"),
    ] {
        let p = Params {
            db: name == "contrast",
            ..params.clone()
        };
        plan.push((name, &envelope, what, p));
    }
    // the first point target: its search region is a 1 mm circle, widths in mm
    let target = ds.point_targets.first().map(|&(x, z)| Params {
        roi_in: Some(Roi::Circle {
            x: x * 1e3,
            z: z * 1e3,
            r: 1.0,
        }),
        roi_out: None,
        units: Units::Mm,
        ..params.clone()
    });
    if let Some(t) = target {
        plan.push(("fwhm", &envelope, "point target 1, envelope", t.clone()));
        plan.push(("sll", &envelope, "point target 1, envelope", t));
    }
    let mut rows = Vec::new();
    for (name, input, what, p) in plan {
        let spec = metrics::find(name).map_err(CliError::fail)?;
        let out = metrics::evaluate(spec, ctx, input, &p)
            .map_err(|e| CliError::fail(format!("demo: {name}: {e}")))?;
        rows.push((
            name.to_string(),
            out.value,
            format!("{} ({what})", out.value_is),
        ));
        for (_, v) in out
            .stats
            .iter()
            .filter(|(k, _)| *k == "fwhm_z" || *k == "sll_z_db")
        {
            rows.push((format!("{name} depth"), *v, format!("along depth ({what})")));
        }
    }
    Ok(rows)
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

    // Scalar metrics of the cyst against the background; the gCNR picture shows the histograms
    // of the same values the metrics take: the envelope |bf| (here normalised to its maximum).
    let bmode = bmode_db(ds)?;
    let envelope = ds.beamformed().mapv(|v| f64::from(v.norm()));
    let peak = envelope.iter().copied().fold(f64::MIN_POSITIVE, f64::max);
    let envelope = envelope.mapv(|v| v / peak);
    let inside = masked_values(&envelope, &cyst);
    let outside = masked_values(&envelope, &background);
    let (edges, p_in, p_out) = picture::histograms(&inside, &outside, BINS);
    let overlap: f64 = p_in.iter().zip(&p_out).map(|(a, b)| a.min(*b)).sum();
    let scalars = scalar_metrics(&ctx, ds)?;
    // the library's gCNR, for the picture's title (1 − overlap of the same histograms)
    let gcnr = scalars
        .iter()
        .find(|(n, _, _)| n == "gcnr")
        .map_or(1.0 - overlap, |r| r.1);

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
        &format!("gCNR = 1 - overlap = {gcnr:.3}"),
        "envelope / max",
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
            .map(|(n, v, what)| serde_json::json!({"metric": n, "value": json_num(*v), "what": what}))
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
    println!("{:<18} {:>12}  what", "metric", "value");
    for (name, v, what) in &scalars {
        println!("{name:<18} {:>12}  {what}", fmt_num(*v));
    }
    if let Some(d) = &ctx.device {
        println!(
            "\nexecutables compiled on {d} in this run: {} (a first call compiles, or loads from the \
             on-disk cache; cached calls reuse the executable)",
            d.compile_count()
        );
    }
    println!("\npictures:");
    for p in &written {
        println!("  {}", p.display());
    }
    Ok(())
}
