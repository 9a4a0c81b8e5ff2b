//! The one error type of the crate.
//!
//! Every fallible public function returns [`Result<T>`](crate::Result). Each variant says *what*
//! was wrong and, where there is one, *what to do*. Nothing in library code panics on bad input.

use std::path::PathBuf;

use crate::dtype::DType;

/// Status codes reported by a PJRT plugin (`PJRT_Error_Code`), kept as the raw integer so that an
/// unknown code from a newer plugin is never undefined behaviour.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct PjrtCode(pub i32);

impl PjrtCode {
    /// The canonical name of the code (`INVALID_ARGUMENT`, ...), or `UNKNOWN_CODE` for a value
    /// this crate does not know.
    ///
    /// ```
    /// use ultrasound_metrics::PjrtCode;
    /// assert_eq!(PjrtCode(3).name(), "INVALID_ARGUMENT");
    /// ```
    pub fn name(self) -> &'static str {
        match self.0 {
            1 => "CANCELLED",
            2 => "UNKNOWN",
            3 => "INVALID_ARGUMENT",
            4 => "DEADLINE_EXCEEDED",
            5 => "NOT_FOUND",
            6 => "ALREADY_EXISTS",
            7 => "PERMISSION_DENIED",
            8 => "RESOURCE_EXHAUSTED",
            9 => "FAILED_PRECONDITION",
            10 => "ABORTED",
            11 => "OUT_OF_RANGE",
            12 => "UNIMPLEMENTED",
            13 => "INTERNAL",
            14 => "UNAVAILABLE",
            15 => "DATA_LOSS",
            16 => "UNAUTHENTICATED",
            _ => "UNKNOWN_CODE",
        }
    }
}

impl std::fmt::Display for PjrtCode {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{} ({})", self.name(), self.0)
    }
}

/// Everything that can go wrong in this crate.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// An argument of a public function is invalid: wrong rank, mismatched shapes, empty region,
    /// a parameter out of range, ...
    #[error("{func}: argument `{arg}`: {problem}")]
    InvalidArgument {
        /// The public function that rejected the argument.
        func: &'static str,
        /// The argument's name, as in the function's signature.
        arg: &'static str,
        /// What is wrong and, where useful, what is expected.
        problem: String,
    },

    /// An argument has a dtype the function does not accept.
    #[error("{func}: argument `{arg}` has dtype {got}, expected {expected}")]
    UnsupportedDtype {
        /// The public function that rejected the argument.
        func: &'static str,
        /// The argument's name.
        arg: &'static str,
        /// The dtype that was passed.
        got: DType,
        /// The dtypes accepted, in words.
        expected: &'static str,
    },

    /// An array argument holds NaN or ±Inf while the [`NonFinite`](crate::NonFinite) policy is
    /// `Error` (the default). Integer inputs are never scanned.
    #[error(
        "{func}: argument `{arg}` contains {count} non-finite values (NaN or ±Inf) out of {total}, \
         first at index {first_index:?}; clean the input or call \
         set_nonfinite_policy(NonFinite::Propagate) to let them propagate as documented"
    )]
    NonFinite {
        /// The public function that scanned the argument.
        func: &'static str,
        /// The argument's name.
        arg: &'static str,
        /// How many elements are NaN or ±Inf (a complex element counts once).
        count: usize,
        /// How many elements the argument has.
        total: usize,
        /// The row-major index of the first non-finite element.
        first_index: Vec<usize>,
    },

    /// A graph could not be built: the shapes or dtypes of an operation's operands do not fit it.
    /// Raised while the graph is built, before anything runs.
    #[error("graph: {op}: {problem}")]
    Graph {
        /// The operation being added.
        op: &'static str,
        /// What did not fit.
        problem: String,
    },

    /// No PJRT plugin could be found.
    #[error(
        "PJRT plugin not found (looked in: {searched}). Install it with `cargo run --release -- setup` \
         (downloads xla-cpu-pjrt==0.0.1 from PyPI and verifies its sha256), or point UM_PJRT_PLUGIN \
         at a PJRT plugin shared library. The host backend works without it"
    )]
    PluginNotFound {
        /// The places that were searched, in order, joined for display.
        searched: String,
    },

    /// A PJRT plugin file was found but could not be used.
    #[error("PJRT plugin {path}: {problem}")]
    PluginLoad {
        /// The plugin file.
        path: PathBuf,
        /// Why it could not be loaded (not a shared library, no `GetPjrtApi`, incompatible API
        /// version, client creation failed, ...).
        problem: String,
    },

    /// A PJRT call failed; carries PJRT's own code and message.
    #[error("PJRT {call} failed with {code}: {message}")]
    Pjrt {
        /// The PJRT C API function that failed.
        call: &'static str,
        /// PJRT's error code.
        code: PjrtCode,
        /// PJRT's error message.
        message: String,
    },

    /// Arrays of one call live on different devices.
    #[error("{func}: arrays are on different devices ({first} and {other}); move them with Device::put / to_device first")]
    DeviceMismatch {
        /// The function that was called.
        func: &'static str,
        /// The device of the first array.
        first: String,
        /// The device of the offending array.
        other: String,
    },

    /// An argument does not match the signature of the compiled program it is passed to.
    #[error("program `{program}`: argument {index} is {got}, the program expects {expected}")]
    SignatureMismatch {
        /// The program's name.
        program: String,
        /// The position of the argument.
        index: usize,
        /// The expected type, as `f32[64,100]`.
        expected: String,
        /// The type that was passed.
        got: String,
    },

    /// An operation is not available on this backend or for this input.
    #[error("{what} is not supported: {why}")]
    Unsupported {
        /// The operation.
        what: String,
        /// Why, and what to use instead.
        why: String,
    },

    /// A gradient was requested of something that has none (or whose gradient is zero almost
    /// everywhere, such as a histogram count or a clipping mask).
    #[error("{what} is not differentiable: {why}")]
    NotDifferentiable {
        /// The metric or operation.
        what: String,
        /// Why, and what to use instead (e.g. a smooth surrogate).
        why: String,
    },

    /// A file could not be read or written.
    #[error("{path}: {problem}")]
    Io {
        /// The file.
        path: PathBuf,
        /// What went wrong.
        problem: String,
    },
}

impl Error {
    /// Shorthand for [`Error::InvalidArgument`].
    pub(crate) fn arg(func: &'static str, arg: &'static str, problem: impl Into<String>) -> Self {
        Error::InvalidArgument {
            func,
            arg,
            problem: problem.into(),
        }
    }

    /// Shorthand for [`Error::Graph`].
    pub(crate) fn graph(op: &'static str, problem: impl Into<String>) -> Self {
        Error::Graph {
            op,
            problem: problem.into(),
        }
    }
}

/// The crate's result type.
pub type Result<T, E = Error> = std::result::Result<T, E>;
