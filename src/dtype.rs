//! Element types: the runtime [`DType`] tag and the compile-time [`Element`] trait that ties a Rust
//! type to it.

use ndarray::{ArrayD, CowArray, IxDyn};
use num_complex::{Complex32, Complex64};

use crate::host::HostTensor;

/// The element type of a tensor.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum DType {
    /// `bool` (StableHLO `i1`, PJRT `PRED`).
    Bool,
    /// `i32`.
    I32,
    /// `i64`.
    I64,
    /// `f32`.
    F32,
    /// `f64`.
    F64,
    /// `Complex<f32>` (numpy `complex64`).
    C64,
    /// `Complex<f64>` (numpy `complex128`).
    C128,
}

impl DType {
    /// All dtypes, in order.
    pub const ALL: [DType; 7] = [
        DType::Bool,
        DType::I32,
        DType::I64,
        DType::F32,
        DType::F64,
        DType::C64,
        DType::C128,
    ];

    /// True for `C64` and `C128`.
    ///
    /// ```
    /// use ultrasound_metrics::DType;
    /// assert!(DType::C64.is_complex() && !DType::F64.is_complex());
    /// ```
    pub fn is_complex(self) -> bool {
        matches!(self, DType::C64 | DType::C128)
    }

    /// True for `F32` and `F64`.
    pub fn is_real_float(self) -> bool {
        matches!(self, DType::F32 | DType::F64)
    }

    /// True for the floating and complex types.
    pub fn is_inexact(self) -> bool {
        self.is_real_float() || self.is_complex()
    }

    /// True for `I32` and `I64`.
    pub fn is_int(self) -> bool {
        matches!(self, DType::I32 | DType::I64)
    }

    /// The real counterpart: `C64 -> F32`, `C128 -> F64`; real types map to themselves.
    ///
    /// ```
    /// use ultrasound_metrics::DType;
    /// assert_eq!(DType::C64.real(), DType::F32);
    /// assert_eq!(DType::F64.real(), DType::F64);
    /// ```
    pub fn real(self) -> DType {
        match self {
            DType::C64 => DType::F32,
            DType::C128 => DType::F64,
            d => d,
        }
    }

    /// The complex counterpart of a float type (`F32 -> C64`), or `None` for non-floats.
    pub fn complex(self) -> Option<DType> {
        match self {
            DType::F32 | DType::C64 => Some(DType::C64),
            DType::F64 | DType::C128 => Some(DType::C128),
            _ => None,
        }
    }

    /// Size of one element in bytes.
    pub fn size_bytes(self) -> usize {
        match self {
            DType::Bool => 1,
            DType::I32 | DType::F32 => 4,
            DType::I64 | DType::F64 | DType::C64 => 8,
            DType::C128 => 16,
        }
    }

    /// The StableHLO element type (`f32`, `complex<f32>`, `i1`, ...).
    pub fn mlir(self) -> &'static str {
        match self {
            DType::Bool => "i1",
            DType::I32 => "i32",
            DType::I64 => "i64",
            DType::F32 => "f32",
            DType::F64 => "f64",
            DType::C64 => "complex<f32>",
            DType::C128 => "complex<f64>",
        }
    }

    /// The numpy name (`float32`, `complex64`, ...).
    pub fn name(self) -> &'static str {
        match self {
            DType::Bool => "bool",
            DType::I32 => "int32",
            DType::I64 => "int64",
            DType::F32 => "float32",
            DType::F64 => "float64",
            DType::C64 => "complex64",
            DType::C128 => "complex128",
        }
    }

    /// Parses a numpy name as written by [`DType::name`].
    ///
    /// ```
    /// use ultrasound_metrics::DType;
    /// assert_eq!(DType::from_name("complex64"), Some(DType::C64));
    /// assert_eq!(DType::from_name("float16"), None);
    /// ```
    pub fn from_name(name: &str) -> Option<DType> {
        DType::ALL.into_iter().find(|d| d.name() == name)
    }
}

impl std::fmt::Display for DType {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.name())
    }
}

mod sealed {
    pub trait Sealed {}
    impl Sealed for bool {}
    impl Sealed for i32 {}
    impl Sealed for i64 {}
    impl Sealed for f32 {}
    impl Sealed for f64 {}
    impl Sealed for num_complex::Complex32 {}
    impl Sealed for num_complex::Complex64 {}
}

/// A Rust type that is a tensor element. Sealed: implemented for `bool`, `i32`, `i64`, `f32`,
/// `f64`, `Complex32` and `Complex64`, whose in-memory layout is exactly what PJRT and numpy use.
pub trait Element:
    sealed::Sealed + Copy + Default + PartialEq + std::fmt::Debug + Send + Sync + 'static
{
    /// The runtime tag of this type.
    const DTYPE: DType;
    /// Wraps a typed array into the host backend's dynamically typed tensor.
    #[doc(hidden)]
    fn into_host(a: CowArray<'_, Self, IxDyn>) -> HostTensor<'_>;
    /// Unwraps a host tensor of this type (`None` if the dtype differs).
    #[doc(hidden)]
    fn from_host(t: HostTensor<'_>) -> Option<ArrayD<Self>>;
}

macro_rules! element {
    ($t:ty, $d:ident) => {
        impl Element for $t {
            const DTYPE: DType = DType::$d;
            fn into_host(a: CowArray<'_, Self, IxDyn>) -> HostTensor<'_> {
                HostTensor::$d(a)
            }
            fn from_host(t: HostTensor<'_>) -> Option<ArrayD<Self>> {
                match t {
                    HostTensor::$d(a) => Some(a.into_owned()),
                    _ => None,
                }
            }
        }
    };
}
element!(bool, Bool);
element!(i32, I32);
element!(i64, I64);
element!(f32, F32);
element!(f64, F64);
element!(Complex32, C64);
element!(Complex64, C128);

/// A real floating-point element (`f32` or `f64`): the output type of real-valued metrics.
pub trait RealElement: Element + num_traits_lite::Float {}
impl RealElement for f32 {}
impl RealElement for f64 {}

/// A numeric element a metric accepts: `f32`, `f64`, `Complex32`, `Complex64`, `i32` or `i64`.
/// `Real` is its real counterpart, which real-valued metrics return (`f64` for integers, which are
/// converted to `f64` first, as numpy does).
pub trait Numeric: Element {
    /// The real counterpart (`Complex32 -> f32`).
    type Real: RealElement;
}
impl Numeric for f32 {
    type Real = f32;
}
impl Numeric for f64 {
    type Real = f64;
}
impl Numeric for Complex32 {
    type Real = f32;
}
impl Numeric for Complex64 {
    type Real = f64;
}
impl Numeric for i32 {
    type Real = f64;
}
impl Numeric for i64 {
    type Real = f64;
}

/// The tiny float abstraction the crate needs, so that no extra dependency is pulled in.
pub mod num_traits_lite {
    /// Conversions between `f32`/`f64` and `f64`.
    pub trait Float: Copy + PartialOrd {
        /// Widens to `f64`.
        fn to_f64(self) -> f64;
        /// Narrows from `f64` (rounding to nearest).
        fn from_f64(v: f64) -> Self;
    }
    impl Float for f32 {
        fn to_f64(self) -> f64 {
            self as f64
        }
        fn from_f64(v: f64) -> Self {
            v as f32
        }
    }
    impl Float for f64 {
        fn to_f64(self) -> f64 {
            self
        }
        fn from_f64(v: f64) -> Self {
            v
        }
    }
}
