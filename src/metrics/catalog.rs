//! The reference programs: every graph-based metric traced at a reference shape. `um graphs`
//! writes their StableHLO to `graphs/`, and a test checks that the checked-in files match, so a
//! reviewer sees exactly what XLA receives.

use crate::dtype::DType;
use crate::error::Result;
use crate::graph::{trace, Program, TensorType};

use super::coherence::{cf_graph, gcf_graph, pcf_graph, scf_graph};

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
    Ok(out)
}
