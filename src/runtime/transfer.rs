//! Dynamically typed transfers between [`HostTensor`]s and device buffers, for callers that only
//! know the dtype at run time (file readers, the conformance runner, the op test suite).

use std::sync::Arc;

use ndarray::IxDyn;
use num_complex::{Complex32, Complex64};

use super::{Device, DeviceArray, RawBuffer};
use crate::dtype::DType;
use crate::error::Result;
use crate::host::{with_host, HostTensor};

/// Copies a host tensor of any dtype to `device`.
///
/// ```
/// use ultrasound_metrics::{host::HostTensor, runtime};
/// let dev = runtime::Device::cpu()?;
/// let t = HostTensor::from(ndarray::arr1(&[1i64, 2, 3]).into_dyn());
/// let buf = runtime::put_host(&dev, &t)?;
/// assert_eq!(buf.ty().to_string(), "i64[3]");
/// let back = runtime::get_host(&buf)?;
/// assert_eq!(back.ty(), t.ty());
/// # Ok::<(), ultrasound_metrics::Error>(())
/// ```
pub fn put_host(device: &Device, t: &HostTensor<'_>) -> Result<Arc<RawBuffer>> {
    with_host!(t, a => Ok(device.put(a)?.into_dyn().raw().clone()))
}

/// Copies a device buffer of any dtype back to the host.
pub fn get_host(buffer: &Arc<RawBuffer>) -> Result<HostTensor<'static>> {
    fn get<T: crate::Element>(b: &Arc<RawBuffer>) -> Result<HostTensor<'static>> {
        Ok(DeviceArray::<T, IxDyn>::from_raw(b.clone())?
            .to_ndarray()?
            .into())
    }
    match buffer.ty().dtype {
        DType::Bool => get::<bool>(buffer),
        DType::I32 => get::<i32>(buffer),
        DType::I64 => get::<i64>(buffer),
        DType::F32 => get::<f32>(buffer),
        DType::F64 => get::<f64>(buffer),
        DType::C64 => get::<Complex32>(buffer),
        DType::C128 => get::<Complex64>(buffer),
    }
}
