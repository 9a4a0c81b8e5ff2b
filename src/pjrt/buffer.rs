//! `PJRT_Buffer`: an array on a device.

use std::ffi::c_void;
use std::sync::Arc;

use super::client::Client;
use super::memory::{vec_from_bytes, AlignedBytes};
use super::{dtype_of, sys};
use crate::dtype::{DType, Element};
use crate::error::{Error, PjrtCode, Result};

/// A buffer on a device, with its element type and dimensions. Dropping it destroys the device
/// buffer (and, for a zero-copy buffer, then releases the host memory it aliased).
#[doc(hidden)]
pub struct Buffer {
    client: Client,
    raw: *mut sys::PJRT_Buffer,
    dtype: DType,
    dims: Vec<usize>,
    ordinal: usize,
    /// `done_with_host_buffer` of a zero-copy buffer: fires when the plugin no longer uses the
    /// host memory, i.e. after the buffer is destroyed.
    host_event: *mut sys::PJRT_Event,
    /// The aliased host memory of a zero-copy buffer, kept alive until `host_event` fired.
    owner: Option<Arc<AlignedBytes>>,
}

// SAFETY: PJRT buffers may be used from any thread (transfers and executions are thread-safe);
// the host event is only touched in `drop`, which has exclusive access.
unsafe impl Send for Buffer {}
// SAFETY: every `&self` method only reads the buffer through thread-safe PJRT calls.
unsafe impl Sync for Buffer {}

impl std::fmt::Debug for Buffer {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Buffer")
            .field("dtype", &self.dtype)
            .field("dims", &self.dims)
            .field("ordinal", &self.ordinal)
            .field("zero_copy", &self.owner.is_some())
            .finish()
    }
}

impl Buffer {
    pub(crate) fn from_parts(
        client: Client,
        raw: *mut sys::PJRT_Buffer,
        dtype: DType,
        dims: Vec<usize>,
        ordinal: usize,
        host_event: *mut sys::PJRT_Event,
        owner: Option<Arc<AlignedBytes>>,
    ) -> Buffer {
        if !raw.is_null() {
            super::counters::BUFFERS.created();
        }
        Buffer {
            client,
            raw,
            dtype,
            dims,
            ordinal,
            host_event,
            owner,
        }
    }

    /// Takes ownership of an output buffer of an execution and reads its type, dimensions and
    /// device. On error the buffer is destroyed.
    pub(crate) fn adopt_output(client: Client, raw: *mut sys::PJRT_Buffer) -> Result<Buffer> {
        let mut buffer = Buffer::from_parts(
            client,
            raw,
            DType::Bool,
            Vec::new(),
            0,
            std::ptr::null_mut(),
            None,
        );
        let api = buffer.client.api();
        let mut ty = sys::PJRT_Buffer_ElementType_Args {
            struct_size: sys::PJRT_Buffer_ElementType_Args_STRUCT_SIZE as usize,
            buffer: raw,
            ..Default::default()
        };
        // SAFETY: `raw` is a live buffer owned by `buffer`.
        unsafe { pjrt_call!(api, PJRT_Buffer_ElementType, &mut ty) }?;
        buffer.dtype = dtype_of(ty.type_).ok_or_else(|| Error::Unsupported {
            what: format!("PJRT buffer element type {}", ty.type_),
            why: "this crate handles PRED, S32, S64, F32, F64, C64 and C128 only".into(),
        })?;
        let mut dims = sys::PJRT_Buffer_Dimensions_Args {
            struct_size: sys::PJRT_Buffer_Dimensions_Args_STRUCT_SIZE as usize,
            buffer: raw,
            ..Default::default()
        };
        // SAFETY: live buffer; the dims array is owned by the buffer and copied at once.
        buffer.dims = unsafe {
            pjrt_call!(api, PJRT_Buffer_Dimensions, &mut dims)?;
            if dims.num_dims == 0 || dims.dims.is_null() {
                Vec::new()
            } else {
                std::slice::from_raw_parts(dims.dims, dims.num_dims)
                    .iter()
                    .map(|&d| d as usize)
                    .collect()
            }
        };
        let mut dev = sys::PJRT_Buffer_Device_Args {
            struct_size: sys::PJRT_Buffer_Device_Args_STRUCT_SIZE as usize,
            buffer: raw,
            ..Default::default()
        };
        // SAFETY: live buffer.
        unsafe { pjrt_call!(api, PJRT_Buffer_Device, &mut dev) }?;
        buffer.ordinal = buffer
            .client
            .ordinal_of(dev.device)
            .ok_or_else(|| Error::Pjrt {
                call: "PJRT_Buffer_Device",
                code: PjrtCode(13),
                message: "an output buffer lives on a device that is not addressable".into(),
            })?;
        Ok(buffer)
    }

    pub(crate) fn raw(&self) -> *mut sys::PJRT_Buffer {
        self.raw
    }

    /// The client the buffer belongs to.
    ///
    /// ```
    /// # fn main() -> ultrasound_metrics::Result<()> {
    /// use ultrasound_metrics::{pjrt::{plugin, Api, Client}, DType};
    /// let client = Client::create(Api::load(&plugin::ensure_cpu_plugin()?)?, &[])?;
    /// let buf = client.buffer_from_host(&[1], DType::Bool, &[], 0)?;
    /// assert!(buf.client().same_as(&client));
    /// # Ok(()) }
    /// ```
    pub fn client(&self) -> &Client {
        &self.client
    }

    /// The element type.
    ///
    /// ```
    /// # fn main() -> ultrasound_metrics::Result<()> {
    /// use ultrasound_metrics::{pjrt::{plugin, Api, Client}, DType};
    /// let client = Client::create(Api::load(&plugin::ensure_cpu_plugin()?)?, &[])?;
    /// let buf = client.buffer_from_host(&[0; 8], DType::I64, &[1], 0)?;
    /// assert_eq!(buf.dtype(), DType::I64);
    /// # Ok(()) }
    /// ```
    pub fn dtype(&self) -> DType {
        self.dtype
    }

    /// The dimensions (empty for a scalar).
    ///
    /// ```
    /// # fn main() -> ultrasound_metrics::Result<()> {
    /// use ultrasound_metrics::{pjrt::{plugin, Api, Client}, DType};
    /// let client = Client::create(Api::load(&plugin::ensure_cpu_plugin()?)?, &[])?;
    /// let buf = client.buffer_from_host(&[0; 24], DType::F32, &[2, 3], 0)?;
    /// assert_eq!(buf.dims(), &[2, 3]);
    /// # Ok(()) }
    /// ```
    pub fn dims(&self) -> &[usize] {
        &self.dims
    }

    /// The number of elements.
    ///
    /// ```
    /// # fn main() -> ultrasound_metrics::Result<()> {
    /// use ultrasound_metrics::{pjrt::{plugin, Api, Client}, DType};
    /// let client = Client::create(Api::load(&plugin::ensure_cpu_plugin()?)?, &[])?;
    /// let buf = client.buffer_from_host(&[0; 24], DType::F32, &[2, 3], 0)?;
    /// assert_eq!(buf.element_count(), 6);
    /// # Ok(()) }
    /// ```
    pub fn element_count(&self) -> usize {
        self.dims.iter().product()
    }

    /// The ordinal of the device (index into [`Client::devices`]).
    ///
    /// ```
    /// # fn main() -> ultrasound_metrics::Result<()> {
    /// use ultrasound_metrics::{pjrt::{plugin, Api, Client}, DType};
    /// let client = Client::create(Api::load(&plugin::ensure_cpu_plugin()?)?, &[])?;
    /// assert_eq!(client.buffer_from_host(&[0; 4], DType::I32, &[], 2)?.ordinal(), 2);
    /// # Ok(()) }
    /// ```
    pub fn ordinal(&self) -> usize {
        self.ordinal
    }

    /// True for a buffer made by [`Client::buffer_from_aligned`], which keeps its host memory.
    ///
    /// ```
    /// # fn main() -> ultrasound_metrics::Result<()> {
    /// use ultrasound_metrics::{pjrt::{plugin, Api, Client}, DType};
    /// let client = Client::create(Api::load(&plugin::ensure_cpu_plugin()?)?, &[])?;
    /// assert!(!client.buffer_from_host(&[0; 4], DType::I32, &[], 0)?.is_zero_copy());
    /// # Ok(()) }
    /// ```
    pub fn is_zero_copy(&self) -> bool {
        self.owner.is_some()
    }

    /// The size of the buffer in device memory, in bytes.
    ///
    /// ```
    /// # fn main() -> ultrasound_metrics::Result<()> {
    /// use ultrasound_metrics::{pjrt::{plugin, Api, Client}, DType};
    /// let client = Client::create(Api::load(&plugin::ensure_cpu_plugin()?)?, &[])?;
    /// assert_eq!(client.buffer_from_host(&[0; 16], DType::F32, &[4], 0)?.on_device_size()?, 16);
    /// # Ok(()) }
    /// ```
    pub fn on_device_size(&self) -> Result<usize> {
        let mut args = sys::PJRT_Buffer_OnDeviceSizeInBytes_Args {
            struct_size: sys::PJRT_Buffer_OnDeviceSizeInBytes_Args_STRUCT_SIZE as usize,
            buffer: self.raw,
            ..Default::default()
        };
        // SAFETY: live buffer.
        unsafe {
            pjrt_call!(
                self.client.api(),
                PJRT_Buffer_OnDeviceSizeInBytes,
                &mut args
            )
        }?;
        Ok(args.on_device_size_in_bytes)
    }

    /// The address of the buffer's device memory (`PJRT_Buffer_UnsafePointer`), for checking
    /// that a zero-copy buffer aliases its host memory. Never dereferenced by this crate.
    ///
    /// ```
    /// # fn main() -> ultrasound_metrics::Result<()> {
    /// use std::sync::Arc;
    /// use ultrasound_metrics::pjrt::{plugin, AlignedBytes, Api, Client};
    /// let client = Client::create(Api::load(&plugin::ensure_cpu_plugin()?)?, &[])?;
    /// let host = Arc::new(AlignedBytes::from_slice(&[1.0f64; 16]));
    /// let addr = host.as_bytes().as_ptr() as usize;
    /// assert_eq!(client.buffer_from_aligned(host, &[16], 0)?.device_address()?, addr);
    /// # Ok(()) }
    /// ```
    pub fn device_address(&self) -> Result<usize> {
        let mut args = sys::PJRT_Buffer_UnsafePointer_Args {
            struct_size: sys::PJRT_Buffer_UnsafePointer_Args_STRUCT_SIZE as usize,
            buffer: self.raw,
            ..Default::default()
        };
        // SAFETY: live buffer; the returned address is only reported, never dereferenced.
        unsafe { pjrt_call!(self.client.api(), PJRT_Buffer_UnsafePointer, &mut args) }?;
        Ok(args.buffer_pointer)
    }

    /// Copies the buffer to host memory, dense and row-major. `dst` must have exactly the
    /// buffer's host size (`element_count * dtype.size_bytes()`).
    ///
    /// ```
    /// # fn main() -> ultrasound_metrics::Result<()> {
    /// use ultrasound_metrics::{pjrt::{plugin, Api, Client}, DType};
    /// let client = Client::create(Api::load(&plugin::ensure_cpu_plugin()?)?, &[])?;
    /// let buf = client.buffer_from_host(&[1, 0, 1], DType::Bool, &[3], 0)?;
    /// let mut out = [0u8; 3];
    /// buf.to_host(&mut out)?;
    /// assert_eq!(out, [1, 0, 1]);
    /// # Ok(()) }
    /// ```
    pub fn to_host(&self, dst: &mut [u8]) -> Result<()> {
        let api = self.client.api();
        let mut args = sys::PJRT_Buffer_ToHostBuffer_Args {
            struct_size: sys::PJRT_Buffer_ToHostBuffer_Args_STRUCT_SIZE as usize,
            src: self.raw,
            ..Default::default()
        };
        // SAFETY: live buffer; `dst == NULL` asks for the size only.
        unsafe { pjrt_call!(api, PJRT_Buffer_ToHostBuffer, &mut args) }?;
        let needed = args.dst_size;
        if dst.len() != needed {
            return Err(Error::arg(
                "pjrt::Buffer::to_host",
                "dst",
                format!(
                    "holds {} bytes, but the {}{:?} buffer needs {needed}",
                    dst.len(),
                    self.dtype,
                    self.dims
                ),
            ));
        }
        if needed == 0 {
            return Ok(());
        }
        let mut args = sys::PJRT_Buffer_ToHostBuffer_Args {
            struct_size: sys::PJRT_Buffer_ToHostBuffer_Args_STRUCT_SIZE as usize,
            src: self.raw,
            dst: dst.as_mut_ptr() as *mut c_void,
            dst_size: dst.len(),
            ..Default::default()
        };
        // SAFETY: `dst` has exactly the size the plugin asked for and stays borrowed until the
        // event is awaited below, before returning.
        unsafe {
            pjrt_call!(api, PJRT_Buffer_ToHostBuffer, &mut args)?;
            if !args.event.is_null() {
                super::counters::EVENTS.created();
            }
            api.await_and_destroy("PJRT_Buffer_ToHostBuffer", args.event)
        }
    }

    /// Copies the buffer to a new host vector of `T`, which must be the buffer's element type.
    ///
    /// ```
    /// # fn main() -> ultrasound_metrics::Result<()> {
    /// use ultrasound_metrics::{pjrt::{plugin, Api, Client}, DType};
    /// let client = Client::create(Api::load(&plugin::ensure_cpu_plugin()?)?, &[])?;
    /// let buf = client.buffer_from_host(&7i64.to_ne_bytes(), DType::I64, &[], 0)?;
    /// assert_eq!(buf.to_host_vec::<i64>()?, [7]);
    /// assert!(buf.to_host_vec::<f64>().is_err());
    /// # Ok(()) }
    /// ```
    pub fn to_host_vec<T: Element>(&self) -> Result<Vec<T>> {
        if T::DTYPE != self.dtype {
            return Err(Error::UnsupportedDtype {
                func: "pjrt::Buffer::to_host_vec",
                arg: "T",
                got: T::DTYPE,
                expected: "the buffer's own element type",
            });
        }
        vec_from_bytes(self.element_count(), |bytes| self.to_host(bytes))
    }
}

impl Drop for Buffer {
    fn drop(&mut self) {
        let api = self.client.api();
        if !self.raw.is_null() {
            let mut args = sys::PJRT_Buffer_Destroy_Args {
                struct_size: sys::PJRT_Buffer_Destroy_Args_STRUCT_SIZE as usize,
                buffer: self.raw,
                ..Default::default()
            };
            // SAFETY: the buffer is live and destroyed exactly once, here.
            let _ = unsafe { pjrt_call!(api, PJRT_Buffer_Destroy, &mut args) };
            super::counters::BUFFERS.destroyed();
        }
        if !self.host_event.is_null() {
            // The plugin signals that it is done with the aliased host memory once the buffer is
            // gone; only then may `owner` (dropped after this) free it.
            // SAFETY: the event is live and ours.
            let _ = unsafe {
                api.await_and_destroy("PJRT_Client_BufferFromHostBuffer", self.host_event)
            };
        }
    }
}
