//! The reference programs: every graph-based metric traced at a reference shape. `um graphs`
//! writes their StableHLO to `graphs/`, and a test checks that the checked-in files match, so a
//! reviewer sees exactly what XLA receives.

use crate::dtype::DType;
use crate::error::Result;
use crate::graph::{trace, Program, TensorType};

use super::coherence::{cf_graph, gcf_graph, pcf_graph, scf_graph};
use super::motion::{agg_graph, all_pairs_graph, corrcoef_graph, explicit_pairs_graph};
use super::noise::{adjacent_graph, repeated_graph};
use super::stats::{
    cnr_graph, contrast_graph, gcnr_graph, rf_snr_graph, tsnr_graph, Aggregation, CnrParams,
    GraphBins, RfSnrParams,
};
use super::{bmode, clip, sharpness};

/// A graph builder of several inputs or outputs.
type Build = fn(&[crate::graph::Tensor]) -> Vec<crate::graph::Tensor>;

/// One catalogue entry: a file stem and its traced program.
#[derive(Debug)]
pub struct Entry {
    /// File stem, e.g. `coherence_factor_c64_64x100x100`.
    pub stem: String,
    /// The traced program.
    pub program: Program,
}

fn stem(name: &str, tag: &str, ty: &TensorType) -> String {
    let dims: Vec<String> = ty.shape.iter().map(|d| d.to_string()).collect();
    let t = ty.to_string();
    let dt = t.split('[').next().unwrap_or("");
    let tag = if tag.is_empty() {
        String::new()
    } else {
        format!("_{tag}")
    };
    format!("{name}{tag}_{dt}_{}", dims.join("x"))
}

/// Every graph-based metric at its reference shape(s).
///
/// ```
/// let entries = ultrasound_metrics::metrics::catalog::reference_programs().unwrap();
/// assert!(entries.iter().any(|e| e.stem == "coherence_factor_c64_64x100x100"));
/// assert!(entries[0].program.to_stablehlo().contains("func.func public @main"));
/// ```
pub fn reference_programs() -> Result<Vec<Entry>> {
    let channels = TensorType::new(DType::C64, &[64, 100, 100]);
    let frames = TensorType::new(DType::C64, &[16, 64, 100, 100]);
    let mut out = Vec::new();
    let mut add = |name: &str,
                   tag: &str,
                   ty: &TensorType,
                   f: &dyn Fn(&crate::graph::Tensor) -> crate::graph::Tensor|
     -> Result<()> {
        let program = trace(name, std::slice::from_ref(ty), |a| Ok(vec![f(&a[0])]))?;
        out.push(Entry {
            stem: stem(name, tag, ty),
            program,
        });
        Ok(())
    };
    add("coherence_factor", "", &channels, &|x| cf_graph(x, 0, true))?;
    add("coherence_factor", "amplitude", &channels, &|x| {
        cf_graph(x, 0, false)
    })?;
    add("coherence_factor", "frames", &frames, &|x| {
        cf_graph(x, 1, true)
    })?;
    add("generalized_coherence_factor", "m0_1", &channels, &|x| {
        gcf_graph(x, 0, 1)
    })?;
    add("phase_coherence_factor", "", &channels, &|x| {
        pcf_graph(x, 0, 1.0)
    })?;
    add("sign_coherence_factor", "", &channels, &|x| {
        scf_graph(x, 0, 1.0)
    })?;
    // what the default non-finite policy runs on a device input: the scan rides in the pass
    out.push(Entry {
        stem: stem("coherence_factor", "checked", &channels),
        program: trace("coherence_factor", std::slice::from_ref(&channels), |a| {
            Ok(super::coherence::pass_graph(&a[0], 0, true, |p| {
                vec![super::coherence::cf_part(p, true)]
            }))
        })?,
    });
    let maps = super::coherence::CoherenceMapsParams::default();
    out.push(Entry {
        stem: stem("coherence_maps", "", &channels),
        program: trace("coherence_maps", std::slice::from_ref(&channels), |a| {
            Ok(super::coherence::coherence_maps_graph(&a[0], 0, &maps))
        })?,
    });
    image_programs(&mut out)?;
    motion_programs(&mut out)?;
    stats_programs(&mut out)?;
    Ok(out)
}

/// Tenengrad, clipping, ROI masks and the B-mode helpers at their reference shapes.
fn image_programs(out: &mut Vec<Entry>) -> Result<()> {
    use crate::graph::Tensor;
    // `shape_of` names the entry (the image or data type; the grid type for masks)
    let mut add = |name: &str,
                   tag: &str,
                   shape_of: &TensorType,
                   params: &[TensorType],
                   f: &dyn Fn(&[Tensor]) -> Tensor|
     -> Result<()> {
        let program = trace(name, params, |a| Ok(vec![f(a)]))?;
        out.push(Entry {
            stem: stem(name, tag, shape_of),
            program,
        });
        Ok(())
    };

    let image = TensorType::new(DType::F32, &[512, 512]);
    let sobel = sharpness::default_sobel_kernel();
    let mag = |x: &Tensor| sharpness::gradient_magnitude_graph(x, &sobel);
    add(
        "tenengrad",
        "",
        &image,
        std::slice::from_ref(&image),
        &|a| sharpness::statistic_graph(&mag(&a[0]), None, false),
    )?;
    add(
        "tenengrad",
        "map",
        &image,
        std::slice::from_ref(&image),
        &|a| mag(&a[0]),
    )?;

    let rf = TensorType::new(DType::F32, &[128, 2048]);
    let thr = clip::ThresholdParams::new(0.8);
    add(
        "is_clipped_threshold",
        "",
        &rf,
        std::slice::from_ref(&rf),
        &|a| clip::threshold_graph(&a[0], thr),
    )?;
    add(
        "is_clipped_max_amplitude",
        "mc3",
        &rf,
        std::slice::from_ref(&rf),
        &|a| clip::max_amplitude_graph(&a[0], Some(0.01), Some(0.01), 3),
    )?;
    add(
        "clip_ratio",
        "threshold",
        &rf,
        std::slice::from_ref(&rf),
        &|a| clip::ratio_graph(&clip::threshold_graph(&a[0], thr)),
    )?;

    // masks on a 512 (lateral) x 512 (axial) grid of f64 axes in metres
    let axis = TensorType::new(DType::F64, &[512]);
    let axes = [axis.clone(), axis.clone()];
    let grid = TensorType::new(DType::F64, &[512, 512]);
    add("create_circular_mask", "", &grid, &axes, &|a| {
        crate::roi::circular_graph(&a[0], &a[1], (0.0, 0.02), 0.005)
    })?;
    add("create_rectangular_mask", "", &grid, &axes, &|a| {
        crate::roi::rectangular_graph(&a[0], &a[1], (-0.005, 0.005), (0.015, 0.025))
    })?;

    let iq = TensorType::new(DType::C64, &[512, 512]);
    add("decibel", "", &iq, std::slice::from_ref(&iq), &|a| {
        bmode::decibel_graph(&a[0])
    })?;
    add("db_zero", "", &iq, std::slice::from_ref(&iq), &|a| {
        bmode::db_zero_graph(&a[0])
    })?;
    add(
        "create_bmode_image",
        "",
        &iq,
        std::slice::from_ref(&iq),
        &|a| bmode::bmode_graph(&a[0]),
    )?;
    Ok(())
}

/// Correlation and channel-noise programs (several inputs or outputs).
fn motion_programs(out: &mut Vec<Entry>) -> Result<()> {
    let vectors = TensorType::new(DType::F32, &[16, 4096]);
    let frames = TensorType::new(DType::C64, &[8, 64, 64]);
    let pairs = TensorType::new(DType::I64, &[16, 2]);
    let repeats = TensorType::new(DType::F32, &[16, 64, 256]);
    let multi: [(&str, &str, Vec<TensorType>, Build); 6] = [
        ("corrcoef", "", vec![vectors], |a| {
            vec![corrcoef_graph(&a[0])]
        }),
        ("pairwise_corrcoef", "all", vec![frames.clone()], |a| {
            let (values, pairs) = all_pairs_graph(&a[0]);
            vec![values, pairs]
        }),
        (
            "pairwise_corrcoef",
            "pairs16",
            vec![frames.clone(), pairs],
            |a| vec![explicit_pairs_graph(&a[0], &a[1])],
        ),
        ("pairwise_corrcoef_agg", "", vec![frames], |a| {
            vec![agg_graph(&a[0])]
        }),
        (
            "noise_repeated_measurements",
            "",
            vec![repeats.clone()],
            |a| repeated_graph(&a[0]),
        ),
        ("noise_adjacent_frames", "", vec![repeats], |a| {
            adjacent_graph(&a[0])
        }),
    ];
    for (name, tag, params, build) in multi {
        out.push(Entry {
            stem: stem(name, tag, &params[0]),
            program: trace(name, &params, |a| Ok(build(a)))?,
        });
    }
    Ok(())
}

/// The region statistics: two ROI vectors of 10^4 values each (the stem names the first input's
/// type), and tSNR on a `(64, 64, 32)` complex stack.
fn stats_programs(out: &mut Vec<Entry>) -> Result<()> {
    use crate::graph::Tensor;
    let roi = TensorType::new(DType::F32, &[10_000]);
    let iq_roi = TensorType::new(DType::C64, &[10_000]);
    let mut add2 = |name: &str,
                    tag: &str,
                    ty: &TensorType,
                    f: &dyn Fn(&Tensor, &Tensor) -> Vec<Tensor>|
     -> Result<()> {
        let program = trace(name, &[ty.clone(), ty.clone()], |a| Ok(f(&a[0], &a[1])))?;
        out.push(Entry {
            stem: stem(name, tag, ty),
            program,
        });
        Ok(())
    };
    add2("contrast", "", &roi, &|a, b| {
        vec![contrast_graph(a, b, false)]
    })?;
    add2("contrast", "db", &iq_roi, &|a, b| {
        vec![contrast_graph(a, b, true)]
    })?;
    let mean = CnrParams::default();
    let median = CnrParams {
        fun_signal: Aggregation::Median,
        fun_noise: Aggregation::Median,
        ..mean
    };
    add2("compute_cnr", "mean", &roi, &|a, b| {
        vec![cnr_graph(a, b, mean)]
    })?;
    add2("compute_cnr", "median", &roi, &|a, b| {
        vec![cnr_graph(a, b, median)]
    })?;
    add2("gcnr", "bins_100", &roi, &|a, b| {
        let (g, status) = gcnr_graph(a, b, GraphBins::Count(100));
        vec![g, status]
    })?;
    add2("compute_rf_snr", "", &roi, &|a, b| {
        let (snr, status) = rf_snr_graph(a, b, RfSnrParams::default());
        vec![snr, status]
    })?;
    let stack = TensorType::new(DType::C64, &[64, 64, 32]);
    let program = trace("tsnr", std::slice::from_ref(&stack), |a| {
        Ok(vec![tsnr_graph(&a[0], false)])
    })?;
    out.push(Entry {
        stem: stem("tsnr", "", &stack),
        program,
    });
    Ok(())
}
