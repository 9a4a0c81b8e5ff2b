//! One conformance case: its `cases.json` entry, its decoded inputs and lazy access to the arrays
//! of its `.npz` (see `tests/data/conformance/README.md` for the format).

use std::collections::BTreeMap;
use std::fs::File;
use std::path::{Path, PathBuf};

use ndarray::ArrayD;
use ndarray_npy::NpzReader;
use num_complex::{Complex32, Complex64};
use serde_json::Value;

use crate::harness::CallError;

/// An array of any of the dtypes the vectors use.
#[derive(Debug, Clone, PartialEq)]
pub enum AnyArray {
    F32(ArrayD<f32>),
    F64(ArrayD<f64>),
    C64(ArrayD<Complex32>),
    C128(ArrayD<Complex64>),
    I32(ArrayD<i32>),
    I64(ArrayD<i64>),
    Bool(ArrayD<bool>),
}

/// Applies `$body` to the inner `ArrayD` of an [`AnyArray`], whatever its dtype.
macro_rules! any_array_apply {
    ($arr:expr, |$a:ident| $body:expr) => {
        match $arr {
            AnyArray::F32($a) => $body,
            AnyArray::F64($a) => $body,
            AnyArray::C64($a) => $body,
            AnyArray::C128($a) => $body,
            AnyArray::I32($a) => $body,
            AnyArray::I64($a) => $body,
            AnyArray::Bool($a) => $body,
        }
    };
}

impl AnyArray {
    /// The numpy name of the dtype (`float32`, `complex64`, `bool`, ...).
    pub fn dtype(&self) -> &'static str {
        match self {
            AnyArray::F32(_) => "float32",
            AnyArray::F64(_) => "float64",
            AnyArray::C64(_) => "complex64",
            AnyArray::C128(_) => "complex128",
            AnyArray::I32(_) => "int32",
            AnyArray::I64(_) => "int64",
            AnyArray::Bool(_) => "bool",
        }
    }

    pub fn shape(&self) -> &[usize] {
        any_array_apply!(self, |a| a.shape())
    }

    /// `float32[3, 4]`.
    pub fn describe(&self) -> String {
        format!("{}{:?}", self.dtype(), self.shape())
    }

    /// Reads member `name` of an npz, whose dtype (numpy name) is known from `cases.json`.
    /// ndarray-npy checks the header, so a wrong dtype is an error, not a reinterpretation.
    pub fn read(npz: &mut NpzReader<File>, name: &str, dtype: &str) -> Result<AnyArray, String> {
        fn rd<T: ndarray_npy::ReadableElement>(
            npz: &mut NpzReader<File>,
            name: &str,
        ) -> Result<ArrayD<T>, String> {
            npz.by_name(name)
                .map_err(|e| format!("member `{name}`: {e}"))
        }
        Ok(match dtype {
            "float32" => AnyArray::F32(rd(npz, name)?),
            "float64" => AnyArray::F64(rd(npz, name)?),
            "complex64" => AnyArray::C64(rd(npz, name)?),
            "complex128" => AnyArray::C128(rd(npz, name)?),
            "int32" => AnyArray::I32(rd(npz, name)?),
            "int64" => AnyArray::I64(rd(npz, name)?),
            "bool" => AnyArray::Bool(rd(npz, name)?),
            other => return Err(format!("member `{name}`: unsupported dtype {other}")),
        })
    }
}

macro_rules! any_array_from {
    ($($t:ty => $v:ident),+ $(,)?) => {$(
        impl From<ArrayD<$t>> for AnyArray {
            fn from(a: ArrayD<$t>) -> Self {
                AnyArray::$v(a)
            }
        }
    )+};
}
any_array_from!(f32 => F32, f64 => F64, Complex32 => C64, Complex64 => C128, i32 => I32, i64 => I64, bool => Bool);

/// A decoded input (one keyword argument of the reference call). The Python distinctions that the
/// reference checks at run time are kept: int vs float, tuple vs list.
#[derive(Debug, Clone)]
pub enum Input {
    Array(AnyArray),
    Int(i64),
    Float(f64),
    Bool(bool),
    Str(String),
    None,
    Tuple(Vec<Input>),
    List(Vec<Input>),
    /// `{"numpy_scalar": v, "dtype": ..}`: a numpy scalar (only used to show it is rejected).
    NumpyScalar {
        value: Value,
        dtype: String,
    },
    /// `{"prng_key": {"seed": s, ..}}`: `jax.random.PRNGKey(s)`.
    PrngKey {
        seed: i64,
        spec: Value,
    },
    /// `{"file": ..}`, resolved against the case directory.
    File(PathBuf),
}

impl Input {
    /// A short description for messages: `the int 2`, `a float64[3] array`, ...
    pub fn describe(&self) -> String {
        match self {
            Input::Array(a) => format!("a {} array", a.describe()),
            Input::Int(v) => format!("the int {v}"),
            Input::Float(v) => format!("the float {v:?}"),
            Input::Bool(v) => format!("the bool {v}"),
            Input::Str(s) => format!("the string {s:?}"),
            Input::None => "None".into(),
            Input::Tuple(v) => format!("a tuple of {}", v.len()),
            Input::List(v) => format!("a list of {}", v.len()),
            Input::NumpyScalar { dtype, .. } => format!("a numpy {dtype} scalar"),
            Input::PrngKey { seed, .. } => format!("a PRNG key (seed {seed})"),
            Input::File(p) => format!("the file {}", p.display()),
        }
    }

    fn decode(
        v: &Value,
        case_dir: &Path,
        npz: &mut Option<NpzReader<File>>,
    ) -> Result<Input, String> {
        Ok(match v {
            Value::Null => Input::None,
            Value::Bool(b) => Input::Bool(*b),
            // serde_json keeps `2` and `2.0` apart: is_i64 only for integer literals.
            Value::Number(n) => match n.as_i64() {
                Some(i) => Input::Int(i),
                None => Input::Float(n.as_f64().ok_or_else(|| format!("bad number {n}"))?),
            },
            Value::String(s) => Input::Str(s.clone()),
            Value::Array(items) => Input::List(
                items
                    .iter()
                    .map(|x| Input::decode(x, case_dir, npz))
                    .collect::<Result<_, _>>()?,
            ),
            Value::Object(o) => {
                if let Some(member) = o.get("array") {
                    let member = member.as_str().ok_or("`array` is not a string")?;
                    let dtype = o
                        .get("dtype")
                        .and_then(Value::as_str)
                        .ok_or("array without dtype")?;
                    let npz = npz.as_mut().ok_or("array input but the case has no npz")?;
                    let a = AnyArray::read(npz, member, dtype)?;
                    if let Some(shape) = o.get("shape") {
                        let want: Vec<usize> =
                            serde_json::from_value(shape.clone()).map_err(|e| e.to_string())?;
                        if a.shape() != want.as_slice() {
                            return Err(format!(
                                "`{member}` has shape {:?}, cases.json says {want:?}",
                                a.shape()
                            ));
                        }
                    }
                    Input::Array(a)
                } else if let Some(f) = o.get("float") {
                    Input::Float(match f.as_str() {
                        Some("nan") => f64::NAN,
                        Some("inf") => f64::INFINITY,
                        Some("-inf") => f64::NEG_INFINITY,
                        _ => return Err(format!("bad non-finite float {f}")),
                    })
                } else if let Some(t) = o.get("tuple") {
                    let items = t.as_array().ok_or("`tuple` is not a list")?;
                    Input::Tuple(
                        items
                            .iter()
                            .map(|x| Input::decode(x, case_dir, npz))
                            .collect::<Result<_, _>>()?,
                    )
                } else if let Some(value) = o.get("numpy_scalar") {
                    Input::NumpyScalar {
                        value: value.clone(),
                        dtype: o
                            .get("dtype")
                            .and_then(Value::as_str)
                            .unwrap_or("?")
                            .to_owned(),
                    }
                } else if let Some(spec) = o.get("prng_key") {
                    Input::PrngKey {
                        seed: spec
                            .get("seed")
                            .and_then(Value::as_i64)
                            .ok_or("prng_key without seed")?,
                        spec: spec.clone(),
                    }
                } else if let Some(f) = o.get("file") {
                    Input::File(case_dir.join(f.as_str().ok_or("`file` is not a string")?))
                } else {
                    return Err(format!("unknown input encoding {v}"));
                }
            }
        })
    }
}

/// Suggested tolerance: `abs(got-exp) <= atol + rtol*abs(exp)`.
#[derive(Debug, Clone, Copy)]
pub struct Tol {
    pub rtol: f64,
    pub atol: f64,
}

/// A case of `cases.json`, with its inputs decoded.
#[derive(Debug)]
pub struct Case {
    pub id: String,
    /// Dotted path, e.g. `ultrasound_metrics.metrics.coherence_factor`.
    pub function: String,
    /// `numpy`, `jax32` or `jax64`.
    pub mode: String,
    pub array_backend: String,
    pub tags: Vec<String>,
    pub tol: Tol,
    pub inputs: BTreeMap<String, Input>,
    pub expected: Value,
    /// `Some` only when the JSON value is not null.
    pub ground_truth: Option<Value>,
    /// The whole JSON entry (for fields not modelled here: `notes`, `ranges`, ...).
    pub raw: Value,
    pub dir: PathBuf,
    pub npz_path: Option<PathBuf>,
}

/// The last dotted component of a function path.
pub fn short_name(function: &str) -> &str {
    function.rsplit('.').next().unwrap_or(function)
}

impl Case {
    /// The id and function of an entry, enough to decide on skipping before decoding anything.
    pub fn peek(v: &Value) -> Result<(String, String), String> {
        let id = v
            .get("id")
            .and_then(Value::as_str)
            .ok_or("case without id")?;
        let f = v
            .get("function")
            .and_then(Value::as_str)
            .ok_or_else(|| format!("{id}: no function"))?;
        Ok((id.to_owned(), f.to_owned()))
    }

    /// Decodes an entry of `cases.json`; array inputs are read from its npz now.
    pub fn load(v: &Value, dir: &Path) -> Result<Case, String> {
        let (id, function) = Case::peek(v)?;
        let s = |k: &str| v.get(k).and_then(Value::as_str).unwrap_or("").to_owned();
        let tol = v.get("tol").ok_or("no tol")?;
        let num = |k: &str| {
            tol.get(k)
                .and_then(Value::as_f64)
                .ok_or(format!("tol.{k} missing"))
        };
        let tol = Tol {
            rtol: num("rtol")?,
            atol: num("atol")?,
        };
        let npz_path = v.get("file").and_then(Value::as_str).map(|f| dir.join(f));
        let mut npz = match &npz_path {
            Some(p) => Some(
                NpzReader::new(File::open(p).map_err(|e| format!("{}: {e}", p.display()))?)
                    .map_err(|e| format!("{}: {e}", p.display()))?,
            ),
            None => None,
        };
        let mut inputs = BTreeMap::new();
        if let Some(obj) = v.get("inputs").and_then(Value::as_object) {
            for (k, x) in obj {
                let input =
                    Input::decode(x, dir, &mut npz).map_err(|e| format!("input `{k}`: {e}"))?;
                inputs.insert(k.clone(), input);
            }
        }
        Ok(Case {
            id,
            function,
            mode: s("mode"),
            array_backend: s("array_backend"),
            tags: v
                .get("tags")
                .and_then(Value::as_array)
                .map(|t| {
                    t.iter()
                        .filter_map(Value::as_str)
                        .map(str::to_owned)
                        .collect()
                })
                .unwrap_or_default(),
            tol,
            inputs,
            expected: v.get("expected").cloned().ok_or("no expected")?,
            ground_truth: v.get("ground_truth").filter(|g| !g.is_null()).cloned(),
            raw: v.clone(),
            dir: dir.to_owned(),
            npz_path,
        })
    }

    pub fn short_name(&self) -> &str {
        short_name(&self.function)
    }

    pub fn has_tag(&self, tag: &str) -> bool {
        self.tags.iter().any(|t| t == tag)
    }

    /// `expected.kind`.
    pub fn expected_kind(&self) -> &str {
        self.expected
            .get("kind")
            .and_then(Value::as_str)
            .unwrap_or("?")
    }

    /// Reads a member of the case's npz (an expected output, e.g. `out__1`) in the given dtype.
    pub fn read_member(&self, name: &str, dtype: &str) -> Result<AnyArray, String> {
        let p = self.npz_path.as_ref().ok_or("the case has no npz")?;
        let mut npz = NpzReader::new(File::open(p).map_err(|e| format!("{}: {e}", p.display()))?)
            .map_err(|e| format!("{}: {e}", p.display()))?;
        AnyArray::read(&mut npz, name, dtype)
    }

    /// Reads an output member named somewhere in `expected` (e.g. `out__1`, the returned pairs of
    /// a `jax-prng` case), with the dtype recorded there.
    pub fn expected_member(&self, name: &str) -> Result<AnyArray, CallError> {
        fn find<'a>(e: &'a Value, name: &str) -> Option<&'a str> {
            if e.get("member").and_then(Value::as_str) == Some(name) {
                return e.get("dtype").and_then(Value::as_str);
            }
            match e.get("items") {
                Some(Value::Array(items)) => items.iter().find_map(|i| find(i, name)),
                Some(Value::Object(items)) => items.values().find_map(|i| find(i, name)),
                _ => None,
            }
        }
        let dtype = find(&self.expected, name)
            .ok_or_else(|| CallError::Harness(format!("no member `{name}` in expected")))?;
        self.read_member(name, dtype).map_err(CallError::Harness)
    }

    /// The raw input `name`, if given.
    pub fn input(&self, name: &str) -> Option<&Input> {
        self.inputs.get(name)
    }

    /// A required input, converted to the Rust type of the parameter. Fails with
    /// [`CallError::NotRepresentable`] when the value cannot be written in that Rust type (the
    /// runner turns that into a compile-time skip for error cases), and with
    /// [`CallError::Harness`] when it is missing.
    pub fn get<'a, T: FromInput<'a>>(&'a self, name: &str) -> Result<T, CallError> {
        let input = self
            .input(name)
            .ok_or_else(|| CallError::Harness(format!("missing input `{name}`")))?;
        convert(name, input)
    }

    /// An optional input: the parameter's default (`default`) when the case does not pass it.
    pub fn get_or<'a, T: FromInput<'a>>(&'a self, name: &str, default: T) -> Result<T, CallError> {
        match self.input(name) {
            None => Ok(default),
            Some(input) => convert(name, input),
        }
    }

    /// An array input.
    pub fn array(&self, name: &str) -> Result<&AnyArray, CallError> {
        self.get(name)
    }
}

fn convert<'a, T: FromInput<'a>>(name: &str, input: &'a Input) -> Result<T, CallError> {
    T::from_input(input).ok_or_else(|| {
        CallError::NotRepresentable(format!(
            "`{name}` is {}: {} does not type-check",
            T::RUST_TYPE,
            input.describe()
        ))
    })
}

/// Conversion of a decoded input to the Rust type of a parameter. Strict in the way the Rust API
/// is: `f64` rejects a Python int (use [`Number`] for a parameter that takes either), `usize`
/// rejects floats and negative ints, a tuple is not a list.
pub trait FromInput<'a>: Sized {
    /// The Rust type in messages: `usize`, `f64`, ...
    const RUST_TYPE: &'static str;
    fn from_input(input: &'a Input) -> Option<Self>;
}

/// A number that may be given as a Python int or float (for parameters without a runtime check).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Number(pub f64);

impl<'a> FromInput<'a> for &'a AnyArray {
    const RUST_TYPE: &'static str = "an array";
    fn from_input(input: &'a Input) -> Option<Self> {
        match input {
            Input::Array(a) => Some(a),
            _ => None,
        }
    }
}
impl FromInput<'_> for bool {
    const RUST_TYPE: &'static str = "bool";
    fn from_input(input: &Input) -> Option<Self> {
        match input {
            Input::Bool(b) => Some(*b),
            _ => None,
        }
    }
}
impl FromInput<'_> for f64 {
    const RUST_TYPE: &'static str = "f64";
    fn from_input(input: &Input) -> Option<Self> {
        match input {
            Input::Float(v) => Some(*v),
            _ => None,
        }
    }
}
impl FromInput<'_> for Number {
    const RUST_TYPE: &'static str = "a number";
    fn from_input(input: &Input) -> Option<Self> {
        match input {
            Input::Float(v) => Some(Number(*v)),
            Input::Int(v) => Some(Number(*v as f64)),
            _ => None,
        }
    }
}
impl FromInput<'_> for i64 {
    const RUST_TYPE: &'static str = "i64";
    fn from_input(input: &Input) -> Option<Self> {
        match input {
            Input::Int(v) => Some(*v),
            _ => None,
        }
    }
}
impl FromInput<'_> for usize {
    const RUST_TYPE: &'static str = "usize";
    fn from_input(input: &Input) -> Option<Self> {
        match input {
            Input::Int(v) => usize::try_from(*v).ok(),
            _ => None,
        }
    }
}
impl<'a> FromInput<'a> for &'a str {
    const RUST_TYPE: &'static str = "a string";
    fn from_input(input: &'a Input) -> Option<Self> {
        match input {
            Input::Str(s) => Some(s),
            _ => None,
        }
    }
}
impl<'a> FromInput<'a> for &'a Path {
    const RUST_TYPE: &'static str = "a path";
    fn from_input(input: &'a Input) -> Option<Self> {
        match input {
            Input::File(p) => Some(p),
            _ => None,
        }
    }
}
/// `None` for a Python `None`, else the value.
impl<'a, T: FromInput<'a>> FromInput<'a> for Option<T> {
    const RUST_TYPE: &'static str = "an Option";
    fn from_input(input: &'a Input) -> Option<Self> {
        match input {
            Input::None => Some(None),
            x => T::from_input(x).map(Some),
        }
    }
}
/// A Python list (not a tuple).
impl<'a, T: FromInput<'a>> FromInput<'a> for Vec<T> {
    const RUST_TYPE: &'static str = "a Vec (a Python list)";
    fn from_input(input: &'a Input) -> Option<Self> {
        match input {
            Input::List(items) => items.iter().map(T::from_input).collect(),
            _ => None,
        }
    }
}
/// A Python tuple of two.
impl<'a, A: FromInput<'a>, B: FromInput<'a>> FromInput<'a> for (A, B) {
    const RUST_TYPE: &'static str = "a pair (a Python tuple of 2)";
    fn from_input(input: &'a Input) -> Option<Self> {
        match input {
            Input::Tuple(items) if items.len() == 2 => {
                Some((A::from_input(&items[0])?, B::from_input(&items[1])?))
            }
            _ => None,
        }
    }
}
