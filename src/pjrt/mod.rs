//! A safe wrapper over the [PJRT C API](https://github.com/openxla/xla/blob/main/xla/pjrt/c/pjrt_c_api.h),
//! and plugin discovery and installation ([`plugin`]).
//!
//! All `unsafe` code of the crate lives in this module. Users normally go through
//! [`runtime::Device`](crate::runtime::Device); the types here ([`Api`], [`Client`],
//! [`LoadedExecutable`], [`Buffer`]) are public for tests and tools but hidden from the docs.
//!
//! Rules followed throughout (see `pjrt_c_api.h`):
//! - the plugin is loaded once and never unloaded;
//! - every function pointer is checked to lie inside the plugin's `PJRT_Api` table
//!   (`offset < struct_size`) before it is read, and a missing one is an [`Error::Pjrt`] with
//!   code `UNIMPLEMENTED`;
//! - every argument struct carries the header's `<Name>_STRUCT_SIZE`;
//! - error messages and plugin-owned strings are copied before anything is destroyed;
//! - every event is awaited or destroyed, every buffer and executable destroyed on drop.
//!
//! [`Error::Pjrt`]: crate::Error::Pjrt

/// Calls a function of a plugin's `PJRT_Api` table by name, after checking that the table holds
/// it, and turns the returned `PJRT_Error*` into a `Result`. Must be used inside `unsafe`: the
/// caller vouches for the argument struct.
macro_rules! pjrt_call {
    ($api:expr, $name:ident, $args:expr) => {{
        let api: &$crate::pjrt::Api = $api;
        match api.has_function(
            ::std::mem::offset_of!($crate::pjrt::sys::PJRT_Api, $name),
            stringify!($name),
        ) {
            Err(e) => Err(e),
            Ok(()) => match ::std::ptr::addr_of!((*api.raw()).$name).read() {
                None => Err(api.missing(stringify!($name))),
                Some(f) => api.check(stringify!($name), f($args)),
            },
        }
    }};
}

#[allow(
    non_camel_case_types,
    non_snake_case,
    non_upper_case_globals,
    dead_code,
    clippy::all
)]
pub(crate) mod sys;

mod api;
mod buffer;
mod client;
mod counters;
mod executable;
mod memory;
pub mod plugin;

pub use api::{Api, MIN_API_MINOR};
pub use buffer::Buffer;
pub use client::{Client, DeviceInfo, NamedValue};
pub use counters::{object_counts, ObjectCount, ObjectCounts};
pub use executable::{CompileOptions, LoadedExecutable};
pub use memory::{trim_host_pool, AlignedBytes};

pub(crate) use memory::element_bytes;

use crate::dtype::DType;

/// The PJRT element type of a dtype.
pub(crate) fn buffer_type(dtype: DType) -> sys::PJRT_Buffer_Type {
    match dtype {
        DType::Bool => sys::PJRT_Buffer_Type_PJRT_Buffer_Type_PRED,
        DType::I32 => sys::PJRT_Buffer_Type_PJRT_Buffer_Type_S32,
        DType::I64 => sys::PJRT_Buffer_Type_PJRT_Buffer_Type_S64,
        DType::F32 => sys::PJRT_Buffer_Type_PJRT_Buffer_Type_F32,
        DType::F64 => sys::PJRT_Buffer_Type_PJRT_Buffer_Type_F64,
        DType::C64 => sys::PJRT_Buffer_Type_PJRT_Buffer_Type_C64,
        DType::C128 => sys::PJRT_Buffer_Type_PJRT_Buffer_Type_C128,
    }
}

/// The dtype of a PJRT element type, or `None` for one this crate does not handle.
pub(crate) fn dtype_of(ty: sys::PJRT_Buffer_Type) -> Option<DType> {
    DType::ALL.into_iter().find(|&d| buffer_type(d) == ty)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dtype_mapping_round_trips() {
        for d in DType::ALL {
            assert_eq!(dtype_of(buffer_type(d)), Some(d));
        }
        assert_eq!(buffer_type(DType::F32), 11);
        assert_eq!(buffer_type(DType::C128), 15);
        assert_eq!(dtype_of(sys::PJRT_Buffer_Type_PJRT_Buffer_Type_BF16), None);
    }
}
