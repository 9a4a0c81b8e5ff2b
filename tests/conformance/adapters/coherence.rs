//! The four coherence factors (spec §3.1–3.4). Graph-based: host and PJRT. Integer inputs run on
//! both backends too (the result is float64, as in numpy).

use ultrasound_metrics as um;
use um::metrics::{CfParams, GcfParams, PcfParams, ScfParams};

use crate::case::Case;
use crate::harness::{Adapter, Backend, CallResult, TypeCheck};

const POWER_IS_F64: TypeCheck = TypeCheck::CompileTime("power is f64: an int does not type-check");

pub const ADAPTERS: &[Adapter] = &[
    // A 0-d IxDyn array type-checks in Rust; the rank check fails at run time.
    Adapter::graph("coherence_factor", coherence_factor)
        .typecheck(&[("cf_err_0d", TypeCheck::Runtime)]),
    Adapter::graph("generalized_coherence_factor", generalized_coherence_factor).typecheck(&[
        ("gcf_err_0d", TypeCheck::Runtime),
        (
            "gcf_err_m0_float",
            TypeCheck::CompileTime("m0 is usize: a float does not type-check"),
        ),
    ]),
    Adapter::graph("phase_coherence_factor", phase_coherence_factor).typecheck(&[
        ("pcf_err_0d", TypeCheck::Runtime),
        ("pcf_*power_int", POWER_IS_F64),
    ]),
    Adapter::graph("sign_coherence_factor", sign_coherence_factor).typecheck(&[
        ("scf_err_0d", TypeCheck::Runtime),
        ("scf_*power_int", POWER_IS_F64),
    ]),
];

fn coherence_factor(case: &Case, backend: &Backend) -> CallResult {
    let params = CfParams {
        power_based: case.get_or("power_based", CfParams::default().power_based)?,
        ..Default::default()
    };
    on_array!(
        backend,
        case.array("channel_images")?,
        [F32, F64, C64, C128, I32, I64],
        |x| um::coherence_factor(x, params)
    )
}

fn generalized_coherence_factor(case: &Case, backend: &Backend) -> CallResult {
    // The crate's `GcfParams::default()` has m0 = 0; the reference's default is 1.
    let params = GcfParams {
        m0: case.get_or("m0", GcfParams::default().m0)?,
        ..GcfParams::default()
    };
    on_array!(
        backend,
        case.array("channel_images")?,
        [F32, F64, C64, C128, I32, I64],
        |x| um::generalized_coherence_factor(x, params)
    )
}

fn phase_coherence_factor(case: &Case, backend: &Backend) -> CallResult {
    let params = PcfParams {
        power: case.get_or("power", PcfParams::default().power)?,
        ..Default::default()
    };
    on_array!(
        backend,
        case.array("channel_images")?,
        [F32, F64, C64, C128, I32, I64],
        |x| um::phase_coherence_factor(x, params)
    )
}

fn sign_coherence_factor(case: &Case, backend: &Backend) -> CallResult {
    let params = ScfParams {
        power: case.get_or("power", ScfParams::default().power)?,
        ..Default::default()
    };
    on_array!(
        backend,
        case.array("channel_images")?,
        [F32, F64, C64, C128, I32, I64],
        |x| um::sign_coherence_factor(x, params)
    )
}
