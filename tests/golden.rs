//! `graphs/` holds the StableHLO of every graph-based metric at its reference shape, exactly as
//! XLA receives it. This test fails when a metric's graph changes without `graphs/` being
//! regenerated (`cargo run --release -- graphs`), when a file is stale, or when a golden graph
//! does not compile on the PJRT CPU plugin.

use std::collections::BTreeSet;
use std::path::Path;

use ultrasound_metrics as um;

#[test]
fn graphs_folder_matches_the_metrics() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("graphs");
    let entries = um::metrics::catalog::reference_programs().expect("catalog traces");
    let mut expected = BTreeSet::new();
    let mut problems = Vec::new();
    for e in &entries {
        let name = format!("{}.mlir", e.stem);
        expected.insert(name.clone());
        match std::fs::read_to_string(dir.join(&name)) {
            Ok(text) if text == e.program.to_stablehlo() => {}
            Ok(_) => problems.push(format!("{name}: differs from the metric's graph")),
            Err(err) => problems.push(format!("{name}: {err}")),
        }
    }
    for f in std::fs::read_dir(&dir).expect("graphs/ exists") {
        let name = f.unwrap().file_name().to_string_lossy().into_owned();
        if name.ends_with(".mlir") && !expected.contains(&name) {
            problems.push(format!("{name}: stale (no metric produces it)"));
        }
    }
    assert!(
        problems.is_empty(),
        "graphs/ is out of date; run `cargo run --release -- graphs`:\n  {}",
        problems.join("\n  ")
    );
}

#[test]
fn golden_graphs_compile_on_pjrt_cpu() {
    let dev = um::Device::cpu().expect("PJRT CPU plugin");
    for e in um::metrics::catalog::reference_programs().unwrap() {
        dev.precompile(&e.program)
            .unwrap_or_else(|err| panic!("{} does not compile: {err}", e.stem));
    }
}
