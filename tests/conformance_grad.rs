//! Gradient conformance: replays the recorded `jax.value_and_grad` cases of the reference
//! (`tests/data/conformance-grad`, or the directory in `UM_CONFORMANCE_GRAD_DIR`) through
//! [`um::grad::Objective`] on the host backend and on PJRT, and compares the objective value and
//! the gradient with each case's tolerances (complex gradients in JAX's convention, as stored).
//!
//! `cargo test --test conformance_grad -- --nocapture` prints passed / failed / skipped with
//! reasons; the test fails iff a case failed. `UM_CONFORMANCE_GRAD_FILTER=substring` keeps the
//! cases whose id contains it.
//!
//! To wire a metric: add its objective to [`plan`]. Functions without an objective there are
//! skipped with the reason.

use std::collections::BTreeMap;
use std::fs::File;
use std::path::{Path, PathBuf};

use ndarray::{ArrayD, IxDyn};
use ndarray_npy::NpzReader;
use num_complex::{Complex32, Complex64};
use serde_json::Value;
use ultrasound_metrics as um;
use um::grad::{Objective, Operand};
use um::graph::Tensor;
use um::metrics::{traced, CfParams, GcfParams, PcfParams, ScfParams};
use um::{DeviceArray, Host, Pjrt};

fn case_dir() -> PathBuf {
    match std::env::var_os("UM_CONFORMANCE_GRAD_DIR") {
        Some(d) if !d.is_empty() => PathBuf::from(d),
        _ => Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/conformance-grad"),
    }
}

// ------------------------------------------------------------------------------------------
// arrays

enum Arr {
    F32(ArrayD<f32>),
    F64(ArrayD<f64>),
    C64(ArrayD<Complex32>),
    C128(ArrayD<Complex64>),
    Bool(ArrayD<bool>),
}

enum Dev {
    F32(DeviceArray<f32, IxDyn>),
    F64(DeviceArray<f64, IxDyn>),
    C64(DeviceArray<Complex32, IxDyn>),
    C128(DeviceArray<Complex64, IxDyn>),
    Bool(DeviceArray<bool, IxDyn>),
}

fn read(npz: &mut NpzReader<File>, member: &str, dtype: &str) -> Result<Arr, String> {
    fn rd<T: ndarray_npy::ReadableElement>(
        npz: &mut NpzReader<File>,
        m: &str,
    ) -> Result<ArrayD<T>, String> {
        npz.by_name(m).map_err(|e| format!("member `{m}`: {e}"))
    }
    Ok(match dtype {
        "float32" => Arr::F32(rd(npz, member)?),
        "float64" => Arr::F64(rd(npz, member)?),
        "complex64" => Arr::C64(rd(npz, member)?),
        "complex128" => Arr::C128(rd(npz, member)?),
        "bool" => Arr::Bool(rd(npz, member)?),
        d => return Err(format!("member `{member}`: unsupported dtype {d}")),
    })
}

impl Arr {
    fn host(&self) -> &dyn Operand<Host> {
        match self {
            Arr::F32(a) => a,
            Arr::F64(a) => a,
            Arr::C64(a) => a,
            Arr::C128(a) => a,
            Arr::Bool(a) => a,
        }
    }
    fn put(&self, dev: &um::Device) -> um::Result<Dev> {
        Ok(match self {
            Arr::F32(a) => Dev::F32(dev.put(a)?),
            Arr::F64(a) => Dev::F64(dev.put(a)?),
            Arr::C64(a) => Dev::C64(dev.put(a)?),
            Arr::C128(a) => Dev::C128(dev.put(a)?),
            Arr::Bool(a) => Dev::Bool(dev.put(a)?),
        })
    }
    /// `(re, im)` pairs in f64.
    fn pairs(&self) -> Vec<(f64, f64)> {
        match self {
            Arr::F32(a) => a.iter().map(|&v| (v as f64, 0.0)).collect(),
            Arr::F64(a) => a.iter().map(|&v| (v, 0.0)).collect(),
            Arr::C64(a) => a.iter().map(|v| (v.re as f64, v.im as f64)).collect(),
            Arr::C128(a) => a.iter().map(|v| (v.re, v.im)).collect(),
            Arr::Bool(a) => a.iter().map(|&v| (v as u8 as f64, 0.0)).collect(),
        }
    }
}

impl Dev {
    fn dev(&self) -> &dyn Operand<Pjrt> {
        match self {
            Dev::F32(a) => a,
            Dev::F64(a) => a,
            Dev::C64(a) => a,
            Dev::C128(a) => a,
            Dev::Bool(a) => a,
        }
    }
}

trait Pairs {
    fn pair(&self) -> (f64, f64);
}
impl Pairs for f32 {
    fn pair(&self) -> (f64, f64) {
        (*self as f64, 0.0)
    }
}
impl Pairs for f64 {
    fn pair(&self) -> (f64, f64) {
        (*self, 0.0)
    }
}
impl Pairs for Complex32 {
    fn pair(&self) -> (f64, f64) {
        (self.re as f64, self.im as f64)
    }
}
impl Pairs for Complex64 {
    fn pair(&self) -> (f64, f64) {
        (self.re, self.im)
    }
}

type Got = (f64, Vec<(f64, f64)>);

fn host_value_and_grad(obj: &Objective, x: &Arr, rest: &[&dyn Operand<Host>]) -> um::Result<Got> {
    macro_rules! go {
        ($a:expr) => {{
            let (v, g) = obj.value_and_grad($a, rest)?;
            (v, g.iter().map(Pairs::pair).collect())
        }};
    }
    Ok(match x {
        Arr::F32(a) => go!(a),
        Arr::F64(a) => go!(a),
        Arr::C64(a) => go!(a),
        Arr::C128(a) => go!(a),
        Arr::Bool(_) => unreachable!("bool gradients are not recorded"),
    })
}

fn pjrt_value_and_grad(obj: &Objective, x: &Dev, rest: &[&dyn Operand<Pjrt>]) -> um::Result<Got> {
    macro_rules! go {
        ($a:expr) => {{
            let (v, g) = obj.value_and_grad($a, rest)?;
            let v = v.to_ndarray()?.into_scalar() as f64;
            (v, g.to_ndarray()?.iter().map(Pairs::pair).collect())
        }};
    }
    Ok(match x {
        Dev::F32(a) => go!(a),
        Dev::F64(a) => go!(a),
        Dev::C64(a) => go!(a),
        Dev::C128(a) => go!(a),
        Dev::Bool(_) => unreachable!("bool gradients are not recorded"),
    })
}

fn host_value(obj: &Objective, x: &Arr, rest: &[&dyn Operand<Host>]) -> um::Result<f64> {
    Ok(match x {
        Arr::F32(a) => obj.value(a, rest)?,
        Arr::F64(a) => obj.value(a, rest)?,
        Arr::C64(a) => obj.value(a, rest)?,
        Arr::C128(a) => obj.value(a, rest)?,
        Arr::Bool(_) => unreachable!(),
    })
}

fn pjrt_value(obj: &Objective, x: &Dev, rest: &[&dyn Operand<Pjrt>]) -> um::Result<f64> {
    Ok(match x {
        Dev::F32(a) => obj.value(a, rest)?.to_ndarray()?.into_scalar() as f64,
        Dev::F64(a) => obj.value(a, rest)?.to_ndarray()?.into_scalar(),
        Dev::C64(a) => obj.value(a, rest)?.to_ndarray()?.into_scalar() as f64,
        Dev::C128(a) => obj.value(a, rest)?.to_ndarray()?.into_scalar(),
        Dev::Bool(_) => unreachable!(),
    })
}

// ------------------------------------------------------------------------------------------
// cases

struct Case {
    function: String,
    wrt: String,
    params: serde_json::Map<String, Value>,
    meaningful: bool,
    tags: Vec<String>,
    inputs: BTreeMap<String, Arr>,
    value: f64,
    grad: Arr,
    tol_value: (f64, f64),
    tol_grad: (f64, f64),
}

fn load(v: &Value, dir: &Path) -> Result<Case, String> {
    let s = |k: &str| v.get(k).and_then(Value::as_str).unwrap_or("").to_string();
    let path = dir.join(s("file"));
    let mut npz =
        NpzReader::new(File::open(&path).map_err(|e| format!("{}: {e}", path.display()))?)
            .map_err(|e| format!("{}: {e}", path.display()))?;
    let mut inputs = BTreeMap::new();
    for (name, spec) in v
        .get("inputs")
        .and_then(Value::as_object)
        .ok_or("no inputs")?
    {
        let member = spec
            .get("array")
            .and_then(Value::as_str)
            .ok_or("input without array")?;
        let dtype = spec
            .get("dtype")
            .and_then(Value::as_str)
            .ok_or("input without dtype")?;
        inputs.insert(name.clone(), read(&mut npz, member, dtype)?);
    }
    let exp = v.get("expected").ok_or("no expected")?;
    let member = |k: &str| -> Result<(String, String), String> {
        let e = exp.get(k).ok_or(format!("no expected.{k}"))?;
        Ok((
            e.get("member")
                .and_then(Value::as_str)
                .unwrap_or(k)
                .to_string(),
            e.get("dtype")
                .and_then(Value::as_str)
                .unwrap_or("")
                .to_string(),
        ))
    };
    let (vm, vd) = member("value")?;
    let value = read(&mut npz, &vm, &vd)?.pairs()[0].0;
    let (gm, gd) = member("grad")?;
    let grad = read(&mut npz, &gm, &gd)?;
    let tol = |k: &str| -> Result<(f64, f64), String> {
        let t = v
            .get("tol")
            .and_then(|t| t.get(k))
            .ok_or(format!("no tol.{k}"))?;
        let n = |f: &str| {
            t.get(f)
                .and_then(Value::as_f64)
                .ok_or(format!("tol.{k}.{f}"))
        };
        Ok((n("rtol")?, n("atol")?))
    };
    Ok(Case {
        function: s("function"),
        wrt: s("wrt"),
        params: v
            .get("params")
            .and_then(Value::as_object)
            .cloned()
            .unwrap_or_default(),
        meaningful: v.get("meaningful").and_then(Value::as_bool).unwrap_or(true),
        tags: v
            .get("tags")
            .and_then(Value::as_array)
            .map(|t| {
                t.iter()
                    .filter_map(Value::as_str)
                    .map(String::from)
                    .collect()
            })
            .unwrap_or_default(),
        inputs,
        value,
        grad,
        tol_value: tol("value")?,
        tol_grad: tol("grad")?,
    })
}

/// How a case is run: the objective and its arguments (input names, the differentiated one
/// first), or why it is skipped.
enum Plan {
    Run { obj: Objective, args: Vec<String> },
    Skip(String),
}

fn pbool(c: &Case, k: &str, default: bool) -> Result<bool, String> {
    match c.params.get(k) {
        None => Ok(default),
        Some(v) => v.as_bool().ok_or(format!("param {k} is not a bool")),
    }
}
fn pf64(c: &Case, k: &str, default: f64) -> Result<f64, String> {
    match c.params.get(k) {
        None => Ok(default),
        Some(v) => v.as_f64().ok_or(format!("param {k} is not a number")),
    }
}
fn pusize(c: &Case, k: &str, default: usize) -> Result<usize, String> {
    match c.params.get(k) {
        None => Ok(default),
        Some(v) => v
            .as_u64()
            .map(|u| u as usize)
            .ok_or(format!("param {k} is not a non-negative int")),
    }
}

type MetricFn = Box<dyn Fn(&Tensor) -> um::Result<Tensor> + Send + Sync>;
type StatFn = Box<dyn Fn(&Tensor, &Tensor) -> um::Result<Tensor> + Send + Sync>;

/// The objective of a case (see the README of the case folder, "Objectives").
fn plan(c: &Case) -> Result<Plan, String> {
    let short = c.function.rsplit('.').next().unwrap_or("");
    let metric: MetricFn = match short {
        "coherence_factor" => {
            let p = CfParams {
                power_based: pbool(c, "power_based", true)?,
                ..Default::default()
            };
            Box::new(move |x| traced::coherence_factor(x, p))
        }
        "generalized_coherence_factor" => {
            let p = GcfParams {
                m0: pusize(c, "m0", 1)?,
                ..Default::default()
            };
            Box::new(move |x| traced::generalized_coherence_factor(x, p))
        }
        "phase_coherence_factor" => {
            let p = PcfParams {
                power: pf64(c, "power", 1.0)?,
                ..Default::default()
            };
            Box::new(move |x| traced::phase_coherence_factor(x, p))
        }
        "sign_coherence_factor" => {
            let p = ScfParams {
                power: pf64(c, "power", 1.0)?,
                ..Default::default()
            };
            Box::new(move |x| traced::sign_coherence_factor(x, p))
        }
        "tenengrad" => {
            let p = um::metrics::TenengradParams {
                reduce_sum: pbool(c, "reduce_sum", true)?,
                normalize: pbool(c, "normalize", false)?,
                ..Default::default()
            };
            let with_roi = c.inputs.contains_key("roi");
            let mut args = vec!["image".to_string()];
            if with_roi {
                args.push("roi".into());
            }
            return Ok(Plan::Run {
                obj: Objective::new(short, move |a| {
                    traced::tenengrad(&a[0], a.get(1), p.clone())
                }),
                args,
            });
        }
        "contrast" | "compute_cnr" => {
            // f(first, second, **params), differentiated w.r.t. either region
            let (first, second) = if short == "contrast" {
                ("values_inside", "values_outside")
            } else {
                ("values_signal", "values_noise")
            };
            let swapped = c.wrt == second;
            if !swapped && c.wrt != first {
                return Err(format!("unexpected wrt `{}`", c.wrt));
            }
            let stat: StatFn = if short == "contrast" {
                let p = um::metrics::ContrastParams {
                    db: pbool(c, "db", false)?,
                };
                Box::new(move |a, b| traced::contrast(a, b, p))
            } else {
                let agg = |k: &str| -> Result<um::metrics::Aggregation, String> {
                    match c.params.get(k).and_then(Value::as_str).unwrap_or("MEAN") {
                        "MEAN" => Ok(um::metrics::Aggregation::Mean),
                        "MEDIAN" => Ok(um::metrics::Aggregation::Median),
                        other => Err(format!("{k} = {other}")),
                    }
                };
                let p = um::metrics::CnrParams {
                    fun_signal: agg("fun_signal")?,
                    fun_noise: agg("fun_noise")?,
                    use_signal_variance: pbool(c, "use_signal_variance", true)?,
                    use_noise_variance: pbool(c, "use_noise_variance", true)?,
                };
                Box::new(move |a, b| traced::compute_cnr(a, b, p))
            };
            return Ok(Plan::Run {
                obj: Objective::new(short, move |a| {
                    if swapped {
                        stat(&a[1], &a[0])
                    } else {
                        stat(&a[0], &a[1])
                    }
                }),
                args: if swapped {
                    vec![second.into(), first.into()]
                } else {
                    vec![first.into(), second.into()]
                },
            });
        }
        other => return Ok(Plan::Skip(format!("{other}: no gradient objective"))),
    };
    // coherence family: mean of the map, w.r.t. the channel data or the apodization weights
    Ok(match c.wrt.as_str() {
        "channel_images" => Plan::Run {
            obj: Objective::new(short, move |a| Ok(metric(&a[0])?.mean_all())),
            args: vec!["channel_images".into()],
        },
        "w" => Plan::Run {
            obj: Objective::new(short, move |a| {
                let m = a[0].shape()[0];
                let mut shape = vec![m];
                shape.extend(std::iter::repeat(1).take(a[1].rank() - 1));
                let w = a[0].cast(a[1].dtype()).reshape(&shape);
                Ok(metric(&(&w * &a[1]))?.mean_all())
            }),
            args: vec!["w".into(), "x".into()],
        },
        other => return Err(format!("unexpected wrt `{other}`")),
    })
}

// ------------------------------------------------------------------------------------------
// comparison and the runner

fn check(c: &Case, got: &Got) -> Result<(), String> {
    let (rv, av) = c.tol_value;
    let within = |d: f64, lim: f64| d <= lim; // false for NaN
    if !within((got.0 - c.value).abs(), av + rv * c.value.abs()) {
        return Err(format!(
            "value {} vs expected {} (rtol {rv}, atol {av})",
            got.0, c.value
        ));
    }
    let exp = c.grad.pairs();
    if exp.len() != got.1.len() {
        return Err(format!(
            "gradient has {} elements, expected {}",
            got.1.len(),
            exp.len()
        ));
    }
    let (rg, ag) = c.tol_grad;
    let mut worst = (0.0f64, 0usize);
    for (i, (g, e)) in got.1.iter().zip(&exp).enumerate() {
        let d = ((g.0 - e.0).powi(2) + (g.1 - e.1).powi(2)).sqrt();
        let lim = ag + rg * (e.0 * e.0 + e.1 * e.1).sqrt();
        if !within(d, lim) {
            let excess = if d.is_nan() {
                f64::INFINITY
            } else {
                d / lim.max(f64::MIN_POSITIVE)
            };
            if excess > worst.0 {
                worst = (excess, i);
            }
        }
    }
    if worst.0 > 0.0 {
        let i = worst.1;
        return Err(format!(
            "gradient element {i}: got {:?}, expected {:?} (rtol {rg}, atol {ag}; {:.3}x the tolerance)",
            got.1[i], exp[i], worst.0
        ));
    }
    Ok(())
}

#[derive(Default)]
struct Counts {
    passed: usize,
    failed: usize,
    skipped: usize,
}

/// `Ok(note)`: passed; `Err(reason)`: failed.
type Outcome = Result<String, String>;

fn run_case(c: &Case, obj: &Objective, args: &[String], dev: Option<&um::Device>) -> Outcome {
    let arrays: Vec<&Arr> = args
        .iter()
        .map(|n| c.inputs.get(n).ok_or(format!("input `{n}` missing")))
        .collect::<Result<_, _>>()?;
    // SCF: the gradient is zero almost everywhere; by design the crate refuses it
    let expect_nd = !c.meaningful && c.tags.iter().any(|t| t == "zero-grad");
    let (res, value) = match dev {
        None => {
            let rest: Vec<&dyn Operand<Host>> = arrays[1..].iter().map(|a| a.host()).collect();
            (
                host_value_and_grad(obj, arrays[0], &rest),
                host_value(obj, arrays[0], &rest),
            )
        }
        Some(d) => {
            let devs: Vec<Dev> = arrays
                .iter()
                .map(|a| a.put(d))
                .collect::<um::Result<_>>()
                .map_err(|e| e.to_string())?;
            let rest: Vec<&dyn Operand<Pjrt>> = devs[1..].iter().map(|a| a.dev()).collect();
            (
                pjrt_value_and_grad(obj, &devs[0], &rest),
                pjrt_value(obj, &devs[0], &rest),
            )
        }
    };
    if expect_nd {
        let zero = c.grad.pairs().iter().all(|p| *p == (0.0, 0.0));
        return match res {
            Err(um::Error::NotDifferentiable { .. }) if zero => {
                let v = value.map_err(|e| e.to_string())?;
                let (rv, av) = c.tol_value;
                if (v - c.value).abs() <= av + rv * c.value.abs() {
                    Ok("NotDifferentiable by design (reference gradient identically 0); value matches".into())
                } else {
                    Err(format!("value {v} vs expected {}", c.value))
                }
            }
            Err(e) => Err(format!("expected NotDifferentiable, got {e}")),
            Ok(_) if !zero => Err("reference gradient is not zero".into()),
            Ok(_) => Err("expected NotDifferentiable, got a gradient".into()),
        };
    }
    let got = res.map_err(|e| e.to_string())?;
    check(c, &got).map(|()| String::new())
}

#[test]
fn conformance_grad() {
    let dir = case_dir();
    let index = dir.join("cases.json");
    let text =
        std::fs::read_to_string(&index).unwrap_or_else(|e| panic!("{}: {e}", index.display()));
    let json: Value =
        serde_json::from_str(&text).unwrap_or_else(|e| panic!("{}: {e}", index.display()));
    let cases = json.get("cases").and_then(Value::as_array).expect("cases");
    let filter = std::env::var("UM_CONFORMANCE_GRAD_FILTER").unwrap_or_default();
    let dev = um::Device::cpu();
    let mut counts: BTreeMap<&str, Counts> = BTreeMap::new();
    let mut lines = Vec::new();
    let mut skips: BTreeMap<String, Vec<String>> = BTreeMap::new();
    for v in cases {
        let id = v
            .get("id")
            .and_then(Value::as_str)
            .unwrap_or("?")
            .to_string();
        if !filter.is_empty() && !id.contains(&filter) {
            continue;
        }
        let case = match load(v, &dir) {
            Ok(c) => c,
            Err(e) => {
                for b in ["host", "pjrt"] {
                    counts.entry(b).or_default().failed += 1;
                    lines.push(format!("FAIL {b:4} {id}: cannot load: {e}"));
                }
                continue;
            }
        };
        let plan = match plan(&case) {
            Ok(p) => p,
            Err(e) => Plan::Skip(format!("cannot build the objective: {e}")),
        };
        let (obj, args) = match plan {
            Plan::Skip(why) => {
                for b in ["host", "pjrt"] {
                    counts.entry(b).or_default().skipped += 1;
                }
                skips.entry(why).or_default().push(id);
                continue;
            }
            Plan::Run { obj, args } => (obj, args),
        };
        for b in ["host", "pjrt"] {
            let cnt = counts.entry(b).or_default();
            let outcome = if b == "host" {
                run_case(&case, &obj, &args, None)
            } else {
                match &dev {
                    Ok(d) => run_case(&case, &obj, &args, Some(d)),
                    Err(e) => {
                        cnt.skipped += 1;
                        skips
                            .entry(format!("no PJRT device: {e}"))
                            .or_default()
                            .push(id.clone());
                        continue;
                    }
                }
            };
            match outcome {
                Ok(note) => {
                    cnt.passed += 1;
                    let note = if note.is_empty() {
                        String::new()
                    } else {
                        format!(" ({note})")
                    };
                    lines.push(format!("pass {b:4} {id}{note}"));
                }
                Err(why) => {
                    cnt.failed += 1;
                    lines.push(format!("FAIL {b:4} {id}: {why}"));
                }
            }
        }
    }
    println!("gradient conformance: {}", dir.display());
    for l in &lines {
        println!("  {l}");
    }
    for (why, ids) in &skips {
        println!("  skipped ({}): {why}: {}", ids.len(), ids.join(", "));
    }
    let mut failed = 0;
    for (b, c) in &counts {
        println!(
            "  {b}: {} passed, {} failed, {} skipped",
            c.passed, c.failed, c.skipped
        );
        failed += c.failed;
    }
    assert_eq!(
        failed, 0,
        "gradient conformance cases failed (see the report above)"
    );
}
