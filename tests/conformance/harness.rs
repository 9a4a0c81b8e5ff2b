//! The runner: reads `cases.json`, dispatches each case to its adapter on each backend, compares,
//! and reports.
//!
//! Environment:
//! * `UM_CONFORMANCE_DIR`: the case directory (default `tests/data/conformance`).
//! * `UM_CONFORMANCE_FILTER`: comma-separated substrings; only cases whose id or function short
//!   name contains one of them run (the others are not counted at all).
//! * `UM_CONFORMANCE_VERBOSE=1`: print every outcome, not only failures.

use std::cell::{Cell, RefCell};
use std::collections::BTreeMap;
use std::fmt;
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::path::{Path, PathBuf};
use std::sync::Once;

use serde_json::Value;
use ultrasound_metrics as um;
use um::runtime::Device;

use crate::adapters;
use crate::case::{short_name, Case};
use crate::compare::{compare, Got};

/// Where a case runs. PJRT runs get the one shared CPU device.
pub enum Backend<'d> {
    Host,
    Pjrt(&'d Device),
}

impl Backend<'_> {
    pub fn name(&self) -> &'static str {
        match self {
            Backend::Host => "host",
            Backend::Pjrt(_) => "pjrt",
        }
    }
}

/// Why an adapter call did not produce a result.
#[derive(Debug)]
pub enum CallError {
    /// The library returned an error: the expected outcome of an `error` case.
    Um(um::Error),
    /// An input cannot be written in the Rust API's types (a float for a `usize`, an int for an
    /// `f64`, a bool array for a numeric one, ...): the Rust compiler would reject the call. For an
    /// error case that is a compile-time rejection (skipped with this reason); otherwise a failure.
    NotRepresentable(String),
    /// The harness or the adapter is wrong (a missing input, a malformed vector): always a failure.
    Harness(String),
}

impl From<um::Error> for CallError {
    fn from(e: um::Error) -> Self {
        CallError::Um(e)
    }
}

impl fmt::Display for CallError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            CallError::Um(e) => write!(f, "{e}"),
            CallError::NotRepresentable(m) => write!(f, "not representable in the Rust API: {m}"),
            CallError::Harness(m) => write!(f, "harness: {m}"),
        }
    }
}

pub type CallResult = Result<Got, CallError>;

/// Calls the Rust API for one case on one backend.
pub type AdapterFn = fn(&Case, &Backend<'_>) -> CallResult;

/// Checks a result against a case's `ground_truth` (whose structure varies per function).
pub type GroundTruthFn = fn(&Case, &Got, &Value) -> Result<(), String>;

/// Decides a case from the *intended* behaviour, where the reference's recorded outcome embodies
/// a bug that the Rust API fixes: also for cases not tagged `bug` (their `expected` was produced
/// by the buggy code path) and for `error` cases whose error the Rust API no longer raises (e.g. a
/// restriction that was lifted). Called with every successful result; returns `None` to leave
/// the case to the default comparison (`ground_truth` for `bug` cases, else `expected`). Each use
/// must say in its adapter why the recorded `expected` is not the intended value.
pub type IntentFn = fn(&Case, &Got) -> Option<Result<(), String>>;

/// What the Rust API does with the input of a `py-typecheck` case (the reference's jaxtyping /
/// beartype rejections).
#[derive(Debug, Clone, Copy)]
pub enum TypeCheck {
    /// The Rust call type-checks and returns `Err` at run time: the case is run and must fail.
    Runtime,
    /// The Rust compiler rejects the call; the case is skipped with this reason.
    CompileTime(&'static str),
}

/// A function's entry in the registry (see `adapters/mod.rs`).
#[derive(Clone, Copy)]
pub struct Adapter {
    /// The reference function's short name (last dotted component).
    pub function: &'static str,
    /// Graph-based: also run on PJRT.
    pub pjrt: bool,
    pub call: AdapterFn,
    /// Case-id patterns (`*` wildcard) of `py-typecheck` cases and what the Rust API does with
    /// them. Unlisted `py-typecheck` cases are run like any error case.
    pub typecheck: &'static [(&'static str, TypeCheck)],
    /// When set, `bug` cases with a `ground_truth` are checked with it instead of `expected`.
    pub ground_truth: Option<GroundTruthFn>,
    /// When set, consulted first for every successful call (see [`IntentFn`]).
    pub intent: Option<IntentFn>,
    /// Case-id patterns where the reference returns a value but the Rust API returns an error
    /// on purpose (bad input is a typed error, issue #6), with the reason. Such a case passes
    /// iff our call fails with a library error.
    pub error_by_design: &'static [(&'static str, &'static str)],
}

impl Adapter {
    /// A function that is graph-based: runs on the host and on PJRT.
    pub const fn graph(function: &'static str, call: AdapterFn) -> Self {
        Adapter {
            function,
            pjrt: true,
            call,
            typecheck: &[],
            ground_truth: None,
            intent: None,
            error_by_design: &[],
        }
    }

    /// A host-only function.
    pub const fn host(function: &'static str, call: AdapterFn) -> Self {
        Adapter {
            pjrt: false,
            ..Adapter::graph(function, call)
        }
    }

    pub const fn typecheck(self, typecheck: &'static [(&'static str, TypeCheck)]) -> Self {
        Adapter { typecheck, ..self }
    }

    pub const fn ground_truth(self, f: GroundTruthFn) -> Self {
        Adapter {
            ground_truth: Some(f),
            ..self
        }
    }

    pub const fn intent(self, f: IntentFn) -> Self {
        Adapter {
            intent: Some(f),
            ..self
        }
    }

    pub const fn error_by_design(
        self,
        error_by_design: &'static [(&'static str, &'static str)],
    ) -> Self {
        Adapter {
            error_by_design,
            ..self
        }
    }

    fn typecheck_for(&self, id: &str) -> Option<TypeCheck> {
        self.typecheck
            .iter()
            .find(|(p, _)| glob(p, id))
            .map(|&(_, t)| t)
    }
}

/// `*` matches any run of characters; everything else matches itself.
pub fn glob(pattern: &str, s: &str) -> bool {
    match pattern.split_once('*') {
        None => pattern == s,
        Some((head, rest)) => {
            let Some(s) = s.strip_prefix(head) else {
                return false;
            };
            (0..=s.len())
                .filter(|&i| s.is_char_boundary(i))
                .any(|i| glob(rest, &s[i..]))
        }
    }
}

enum Outcome {
    Pass,
    Fail(String),
    Skip(String),
}

const SKIP_NOT_IMPLEMENTED: &str = "not implemented yet";
const SKIP_PYTHON_ONLY: &str = "Python-only";
const SKIP_COMPILE_TIME: &str = "compile-time type error in Rust";
/// The counts row of cases that never reach a backend (skipped functions, unloadable cases).
const NO_BACKEND: &str = "(none)";

#[derive(Default)]
struct Counts {
    passed: usize,
    failed: usize,
    skipped: usize,
}

#[derive(Default)]
pub struct Report {
    dir: PathBuf,
    total_cases: usize,
    counts: BTreeMap<&'static str, Counts>,
    failures: Vec<String>,
    /// Function-level skips: reason -> function -> number of cases.
    function_skips: BTreeMap<&'static str, BTreeMap<String, usize>>,
    /// Case-level skips: reason -> lines (`id [backends]: detail`).
    case_skips: BTreeMap<&'static str, Vec<String>>,
    /// Error cases: our message next to the reference's.
    error_pairs: Vec<String>,
    /// Cases decided by an adapter's intent check instead of `expected` / `ground_truth`.
    intent_lines: Vec<String>,
    verbose_lines: Vec<String>,
    verbose: bool,
}

impl Report {
    fn count(&mut self, backend: &'static str) -> &mut Counts {
        self.counts.entry(backend).or_default()
    }

    pub fn passed(&self) -> usize {
        self.counts.values().map(|c| c.passed).sum()
    }
    pub fn failed(&self) -> usize {
        self.counts.values().map(|c| c.failed).sum()
    }
    pub fn skipped(&self) -> usize {
        self.counts.values().map(|c| c.skipped).sum()
    }

    /// `conformance: N passed, N failed, N skipped`.
    pub fn summary_line(&self) -> String {
        format!(
            "conformance: {} passed, {} failed, {} skipped",
            self.passed(),
            self.failed(),
            self.skipped()
        )
    }

    fn fail(&mut self, backend: &'static str, id: &str, why: String) {
        self.count(backend).failed += 1;
        self.failures.push(format!("{id} [{backend}]: {why}"));
    }

    fn skip_function(&mut self, reason: &'static str, function: &str) {
        self.count(NO_BACKEND).skipped += 1;
        *self
            .function_skips
            .entry(reason)
            .or_default()
            .entry(function.to_owned())
            .or_default() += 1;
    }

    pub fn print(&self) {
        println!(
            "conformance: {} cases from {}",
            self.total_cases,
            self.dir.display()
        );
        if self.verbose {
            println!("\nall outcomes:");
            for l in &self.verbose_lines {
                println!("  {l}");
            }
        }
        if !self.error_pairs.is_empty() {
            println!("\nerror cases that passed (ours | reference):");
            for l in &self.error_pairs {
                println!("  {l}");
            }
        }
        if !self.intent_lines.is_empty() {
            println!("\nchecked against the intended behaviour (a reference bug is fixed):");
            for l in &self.intent_lines {
                println!("  {l}");
            }
        }
        if !self.failures.is_empty() {
            println!("\nFAILED ({}):", self.failures.len());
            for l in &self.failures {
                println!("  {l}");
            }
        }
        println!(
            "\n  {:<10} {:>7} {:>7} {:>7}",
            "backend", "passed", "failed", "skipped"
        );
        for (b, c) in &self.counts {
            println!("  {b:<10} {:>7} {:>7} {:>7}", c.passed, c.failed, c.skipped);
        }
        if !self.function_skips.is_empty() || !self.case_skips.is_empty() {
            println!("\nskipped, by reason:");
        }
        for (reason, fns) in &self.function_skips {
            let n: usize = fns.values().sum();
            let list: Vec<String> = fns.iter().map(|(f, k)| format!("{f} ({k})")).collect();
            println!("  {reason} ({n} cases): {}", list.join(", "));
        }
        for (reason, lines) in &self.case_skips {
            println!("  {reason}:");
            for l in lines {
                println!("    {l}");
            }
        }
        println!("\n{}", self.summary_line());
    }
}

/// The case directory: `UM_CONFORMANCE_DIR`, else `tests/data/conformance` of this crate.
pub fn case_dir() -> PathBuf {
    match std::env::var_os("UM_CONFORMANCE_DIR") {
        Some(d) if !d.is_empty() => PathBuf::from(d),
        _ => Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/conformance"),
    }
}

/// Runs every case of `dir/cases.json`. Panics only when `cases.json` itself cannot be read.
pub fn run(dir: &Path) -> Report {
    let index = dir.join("cases.json");
    let text =
        std::fs::read_to_string(&index).unwrap_or_else(|e| panic!("{}: {e}", index.display()));
    let json: Value =
        serde_json::from_str(&text).unwrap_or_else(|e| panic!("{}: {e}", index.display()));
    let cases = json
        .get("cases")
        .and_then(Value::as_array)
        .unwrap_or_else(|| panic!("{}: no `cases` list", index.display()));

    let filters: Vec<String> = std::env::var("UM_CONFORMANCE_FILTER")
        .unwrap_or_default()
        .split(',')
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(str::to_owned)
        .collect();
    let registry = adapters::registry();
    let mut device: Option<Result<Device, String>> = None;
    let mut report = Report {
        dir: dir.to_owned(),
        verbose: std::env::var("UM_CONFORMANCE_VERBOSE").is_ok_and(|v| !v.is_empty() && v != "0"),
        ..Report::default()
    };

    for entry in cases {
        let (id, function) = match Case::peek(entry) {
            Ok(x) => x,
            Err(e) => {
                report.total_cases += 1;
                report.fail(NO_BACKEND, "?", format!("bad entry in cases.json: {e}"));
                continue;
            }
        };
        let short = short_name(&function);
        if !filters.is_empty()
            && !filters
                .iter()
                .any(|f| id.contains(f.as_str()) || short.contains(f.as_str()))
        {
            continue;
        }
        report.total_cases += 1;

        if adapters::PYTHON_ONLY.iter().any(|p| glob(p, &function)) {
            report.skip_function(SKIP_PYTHON_ONLY, short);
            continue;
        }
        let Some(adapter) = registry.iter().find(|a| a.function == short) else {
            report.skip_function(SKIP_NOT_IMPLEMENTED, short);
            continue;
        };
        let case = match Case::load(entry, dir) {
            Ok(c) => c,
            Err(e) => {
                report.fail(NO_BACKEND, &id, format!("cannot load the case: {e}"));
                continue;
            }
        };

        let mut backends = vec!["host"];
        if adapter.pjrt {
            backends.push("pjrt");
        }

        if case.has_tag("py-typecheck") {
            if let Some(TypeCheck::CompileTime(reason)) = adapter.typecheck_for(&id) {
                for &b in &backends {
                    report.count(b).skipped += 1;
                }
                report
                    .case_skips
                    .entry(SKIP_COMPILE_TIME)
                    .or_default()
                    .push(format!("{id} [{}]: {reason}", backends.join(", ")));
                continue;
            }
        }

        for b in backends {
            let outcome = if b == "host" {
                run_one(&case, adapter, &Backend::Host, &mut report)
            } else {
                let dev = device.get_or_insert_with(|| Device::cpu().map_err(|e| e.to_string()));
                match dev {
                    Ok(dev) => run_one(&case, adapter, &Backend::Pjrt(dev), &mut report),
                    Err(e) => Outcome::Fail(format!("Device::cpu() failed, PJRT cannot run: {e}")),
                }
            };
            match outcome {
                Outcome::Pass => {
                    report.count(b).passed += 1;
                    report.verbose_lines.push(format!("ok    {id} [{b}]"));
                }
                Outcome::Fail(why) => {
                    report.verbose_lines.push(format!("FAIL  {id} [{b}]"));
                    report.fail(b, &id, why);
                }
                Outcome::Skip(why) => {
                    report.count(b).skipped += 1;
                    report.verbose_lines.push(format!("skip  {id} [{b}]"));
                    report
                        .case_skips
                        .entry(SKIP_COMPILE_TIME)
                        .or_default()
                        .push(format!("{id} [{b}]: {why}"));
                }
            }
        }
    }
    report
}

fn panic_message(p: &(dyn std::any::Any + Send)) -> String {
    p.downcast_ref::<&str>()
        .map(|s| s.to_string())
        .or_else(|| p.downcast_ref::<String>().cloned())
        .unwrap_or_else(|| "(non-string panic payload)".into())
}

thread_local! {
    /// Set while an adapter runs on this thread: its panics are reported as failures, not printed.
    static IN_ADAPTER: Cell<bool> = const { Cell::new(false) };
    /// Where the last adapter panic on this thread happened.
    static PANIC_LOCATION: RefCell<Option<String>> = const { RefCell::new(None) };
}

/// Calls an adapter, turning a panic into `Err("panicked at FILE:LINE: MESSAGE")` without the
/// default hook's output (and backtrace) for each one. Panics elsewhere print as usual.
fn call_catching_panics(
    adapter: &Adapter,
    case: &Case,
    backend: &Backend<'_>,
) -> Result<CallResult, String> {
    static HOOK: Once = Once::new();
    HOOK.call_once(|| {
        let default_hook = std::panic::take_hook();
        std::panic::set_hook(Box::new(move |info| {
            if IN_ADAPTER.with(Cell::get) {
                PANIC_LOCATION.with(|l| *l.borrow_mut() = info.location().map(|l| l.to_string()));
            } else {
                default_hook(info);
            }
        }));
    });
    IN_ADAPTER.with(|f| f.set(true));
    let result = catch_unwind(AssertUnwindSafe(|| (adapter.call)(case, backend)));
    IN_ADAPTER.with(|f| f.set(false));
    result.map_err(|p| {
        let at = PANIC_LOCATION
            .with(|l| l.borrow_mut().take())
            .unwrap_or_else(|| "?".into());
        format!("panicked at {at}: {}", panic_message(p.as_ref()))
    })
}

fn run_one(case: &Case, adapter: &Adapter, backend: &Backend<'_>, report: &mut Report) -> Outcome {
    // The reference lets NaN and ±Inf propagate. Cases that feed them on purpose (tagged
    // `edge:nan`) are replayed under that policy; every other case under the default
    // (`NonFinite::Error`), so that an unintended non-finite input shows up as a failure.
    um::set_nonfinite_policy(if case.has_tag("edge:nan") {
        um::NonFinite::Propagate
    } else {
        um::NonFinite::Error
    });
    let result = match call_catching_panics(adapter, case, backend) {
        Ok(r) => r,
        Err(m) => return Outcome::Fail(m),
    };
    let b = backend.name();
    if let Some((_, why)) = adapter
        .error_by_design
        .iter()
        .find(|(p, _)| glob(p, &case.id))
    {
        return match result {
            Err(CallError::Um(ours)) => {
                report.intent_lines.push(format!(
                    "{} [{b}]: an error by design ({why}): {ours}",
                    case.id
                ));
                Outcome::Pass
            }
            Err(e) => Outcome::Fail(e.to_string()),
            Ok(got) => Outcome::Fail(format!(
                "an error by design ({why}), but our call returned {}",
                got.describe()
            )),
        };
    }
    if let (Ok(got), Some(intent)) = (&result, adapter.intent) {
        if let Some(verdict) = intent(case, got) {
            report.intent_lines.push(format!("{} [{b}]", case.id));
            return match verdict {
                Ok(()) => Outcome::Pass,
                Err(m) => Outcome::Fail(format!("vs intended behaviour: {m}")),
            };
        }
    }
    if case.expected_kind() == "error" {
        let e = &case.expected;
        let reference = format!(
            "{}: {}",
            e.get("type").and_then(Value::as_str).unwrap_or("?"),
            e.get("message").and_then(Value::as_str).unwrap_or("?")
        );
        return match result {
            Err(CallError::Um(ours)) => {
                report
                    .error_pairs
                    .push(format!("{} [{b}]: {ours} | {reference}", case.id));
                Outcome::Pass
            }
            Err(CallError::NotRepresentable(why)) => Outcome::Skip(why),
            Err(h @ CallError::Harness(_)) => Outcome::Fail(h.to_string()),
            Ok(got) => Outcome::Fail(format!(
                "the reference raises {reference}, but our call returned {}",
                got.describe()
            )),
        };
    }
    let got = match result {
        Ok(g) => g,
        Err(e) => return Outcome::Fail(format!("our call failed: {e}")),
    };
    let checked = match (&case.ground_truth, adapter.ground_truth) {
        (Some(gt), Some(f)) if case.has_tag("bug") => {
            f(case, &got, gt).map_err(|m| format!("vs ground_truth: {m}"))
        }
        _ => compare(case, &case.expected, &got, "out"),
    };
    match checked {
        Ok(()) => Outcome::Pass,
        Err(m) => Outcome::Fail(m),
    }
}

/// The test body: run everything, print the report, fail if any case failed.
pub fn run_and_report() {
    let report = run(&case_dir());
    report.print();
    if report.failed() > 0 {
        panic!("{}", report.summary_line());
    }
}

#[cfg(test)]
mod tests {
    use super::glob;

    #[test]
    fn glob_patterns() {
        assert!(glob("cf_err_0d", "cf_err_0d"));
        assert!(!glob("cf_err_0d", "cf_err_0d2"));
        assert!(glob("scf_*power_int", "scf_err_power_int"));
        assert!(glob("*power_int*", "pcf_err_power_int_x"));
        assert!(!glob("scf_*power_int", "pcf_err_power_int"));
        assert!(glob(
            "ultrasound_metrics.utils.*",
            "ultrasound_metrics.utils.utils.smooth"
        ));
        assert!(glob("*", ""));
    }
}
