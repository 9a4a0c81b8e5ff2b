//! `PJRT_Client`: devices, compilation, host-to-device transfers.

use std::ffi::c_char;
use std::sync::Arc;

use super::buffer::Buffer;
use super::executable::{CompileOptions, LoadedExecutable};
use super::memory::AlignedBytes;
use super::{buffer_type, sys, Api};
use crate::dtype::DType;
use crate::error::{Error, Result};

/// A value of a client-creation option (`PJRT_NamedValue`).
#[doc(hidden)]
#[derive(Debug, Clone, PartialEq)]
pub enum NamedValue {
    /// A string.
    Str(String),
    /// A 64-bit integer (for example `cpu_device_count`).
    Int64(i64),
    /// A list of 64-bit integers.
    Int64List(Vec<i64>),
    /// A 32-bit float.
    Float(f32),
    /// A boolean.
    Bool(bool),
}

/// One addressable device of a [`Client`].
#[doc(hidden)]
#[derive(Debug)]
pub struct DeviceInfo {
    pub(crate) raw: *mut sys::PJRT_Device,
    id: i32,
    kind: String,
    debug_string: String,
}

// SAFETY: an opaque handle owned by its client and only passed back to it; PJRT device
// descriptions are immutable and safe to query from any thread.
unsafe impl Send for DeviceInfo {}
// SAFETY: see above.
unsafe impl Sync for DeviceInfo {}

impl DeviceInfo {
    /// The device's global id (what a device assignment names).
    ///
    /// ```
    /// # fn main() -> ultrasound_metrics::Result<()> {
    /// use ultrasound_metrics::pjrt::{plugin, Api, Client};
    /// let client = Client::create(Api::load(&plugin::ensure_cpu_plugin()?)?, &[])?;
    /// assert_eq!(client.devices()[1].id(), 1);
    /// # Ok(()) }
    /// ```
    pub fn id(&self) -> i32 {
        self.id
    }

    /// The device kind (`"cpu"`, `"NVIDIA H100 80GB HBM3"`, ...).
    ///
    /// ```
    /// # fn main() -> ultrasound_metrics::Result<()> {
    /// use ultrasound_metrics::pjrt::{plugin, Api, Client};
    /// let client = Client::create(Api::load(&plugin::ensure_cpu_plugin()?)?, &[])?;
    /// println!("{}", client.devices()[0].kind());
    /// # Ok(()) }
    /// ```
    pub fn kind(&self) -> &str {
        &self.kind
    }

    /// The plugin's debug string for the device (`"TFRT_CPU_0"`, ...).
    ///
    /// ```
    /// # fn main() -> ultrasound_metrics::Result<()> {
    /// use ultrasound_metrics::pjrt::{plugin, Api, Client};
    /// let client = Client::create(Api::load(&plugin::ensure_cpu_plugin()?)?, &[])?;
    /// println!("{}", client.devices()[0].debug_string());
    /// # Ok(()) }
    /// ```
    pub fn debug_string(&self) -> &str {
        &self.debug_string
    }
}

pub(crate) struct ClientInner {
    pub(crate) api: &'static Api,
    pub(crate) raw: *mut sys::PJRT_Client,
    platform_name: String,
    platform_version: String,
    devices: Vec<DeviceInfo>,
}

// SAFETY: PJRT clients are thread-safe: compile, transfer and execute may be called concurrently
// from many threads (measured with the CPU plugin: 4 threads, one client and one executable).
unsafe impl Send for ClientInner {}
// SAFETY: see above.
unsafe impl Sync for ClientInner {}

impl Drop for ClientInner {
    fn drop(&mut self) {
        let mut args = sys::PJRT_Client_Destroy_Args {
            struct_size: sys::PJRT_Client_Destroy_Args_STRUCT_SIZE as usize,
            client: self.raw,
            ..Default::default()
        };
        // SAFETY: the client is live; every buffer and executable holds an `Arc` of this inner
        // value, so none outlives it.
        let _ = unsafe { pjrt_call!(self.api, PJRT_Client_Destroy, &mut args) };
        super::counters::CLIENTS.destroyed();
    }
}

/// A PJRT client: the plugin's view of its devices. Cheap to clone (an `Arc`); buffers and
/// executables keep their client alive.
#[doc(hidden)]
#[derive(Clone)]
pub struct Client {
    pub(crate) inner: Arc<ClientInner>,
}

impl std::fmt::Debug for Client {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Client")
            .field("plugin", &self.inner.api.path())
            .field("platform", &self.inner.platform_name)
            .field("devices", &self.inner.devices.len())
            .finish()
    }
}

/// Copies a plugin-owned string out.
///
/// # Safety
/// `ptr` must be NULL or point at `len` readable bytes.
unsafe fn copy_str(ptr: *const c_char, len: usize) -> String {
    if ptr.is_null() {
        return String::new();
    }
    // SAFETY: caller's contract.
    let bytes = unsafe { std::slice::from_raw_parts(ptr as *const u8, len) };
    String::from_utf8_lossy(bytes).into_owned()
}

impl Client {
    /// Creates a client of the plugin with the given creation options (none are needed for the
    /// CPU plugin, which then exposes 4 devices; `("cpu_device_count", Int64(n))` changes that).
    ///
    /// A failure is an [`Error::PluginLoad`] naming the plugin (for example "No visible GPU
    /// devices" from a CUDA plugin on a machine without a GPU, or a client without devices).
    ///
    /// Give each option the type the plugin expects: the CPU plugin throws a C++ exception for
    /// a mistyped one (`cpu_device_count` as a string, say), which aborts the process.
    ///
    /// ```
    /// # fn main() -> ultrasound_metrics::Result<()> {
    /// use ultrasound_metrics::pjrt::{plugin, Api, Client, NamedValue};
    /// let api = Api::load(&plugin::ensure_cpu_plugin()?)?;
    /// let client = Client::create(api, &[("cpu_device_count", NamedValue::Int64(2))])?;
    /// assert_eq!(client.devices().len(), 2);
    /// # Ok(()) }
    /// ```
    pub fn create(api: &'static Api, options: &[(&str, NamedValue)]) -> Result<Client> {
        let fail = |e: Error| Error::PluginLoad {
            path: api.path().to_path_buf(),
            problem: format!("client creation failed: {e}"),
        };
        let raw_options: Vec<sys::PJRT_NamedValue> = options
            .iter()
            .map(|(name, value)| {
                let mut nv = sys::PJRT_NamedValue {
                    struct_size: sys::PJRT_NamedValue_STRUCT_SIZE as usize,
                    name: name.as_ptr() as *const c_char,
                    name_size: name.len(),
                    value_size: 1,
                    ..Default::default()
                };
                match value {
                    NamedValue::Str(s) => {
                        nv.type_ = sys::PJRT_NamedValue_Type_PJRT_NamedValue_kString;
                        nv.__bindgen_anon_1.string_value = s.as_ptr() as *const c_char;
                        nv.value_size = s.len();
                    }
                    NamedValue::Int64(v) => {
                        nv.type_ = sys::PJRT_NamedValue_Type_PJRT_NamedValue_kInt64;
                        nv.__bindgen_anon_1.int64_value = *v;
                    }
                    NamedValue::Int64List(v) => {
                        nv.type_ = sys::PJRT_NamedValue_Type_PJRT_NamedValue_kInt64List;
                        nv.__bindgen_anon_1.int64_array_value = v.as_ptr();
                        nv.value_size = v.len();
                    }
                    NamedValue::Float(v) => {
                        nv.type_ = sys::PJRT_NamedValue_Type_PJRT_NamedValue_kFloat;
                        nv.__bindgen_anon_1.float_value = *v;
                    }
                    NamedValue::Bool(v) => {
                        nv.type_ = sys::PJRT_NamedValue_Type_PJRT_NamedValue_kBool;
                        nv.__bindgen_anon_1.bool_value = *v;
                    }
                }
                nv
            })
            .collect();
        let mut args = sys::PJRT_Client_Create_Args {
            struct_size: sys::PJRT_Client_Create_Args_STRUCT_SIZE as usize,
            create_options: raw_options.as_ptr(),
            num_options: raw_options.len(),
            ..Default::default()
        };
        // SAFETY: the options point into `options`, which outlives the call; no key-value
        // callbacks are given (single-process use).
        unsafe { pjrt_call!(api, PJRT_Client_Create, &mut args) }.map_err(fail)?;
        if args.client.is_null() {
            return Err(fail(Error::Pjrt {
                call: "PJRT_Client_Create",
                code: crate::error::PjrtCode(13),
                message: "returned no client".into(),
            }));
        }
        // From here on, dropping `inner` destroys the client.
        super::counters::CLIENTS.created();
        let mut inner = ClientInner {
            api,
            raw: args.client,
            platform_name: String::new(),
            platform_version: String::new(),
            devices: Vec::new(),
        };
        inner.platform_name = inner.query_platform_name().map_err(fail)?;
        inner.platform_version = inner.query_platform_version().map_err(fail)?;
        inner.devices = inner.query_devices().map_err(fail)?;
        if inner.devices.is_empty() {
            return Err(fail(Error::Pjrt {
                call: "PJRT_Client_AddressableDevices",
                code: crate::error::PjrtCode(5),
                message: "the client has no addressable devices".into(),
            }));
        }
        Ok(Client {
            inner: Arc::new(inner),
        })
    }

    /// The plugin this client belongs to.
    ///
    /// ```
    /// # fn main() -> ultrasound_metrics::Result<()> {
    /// use ultrasound_metrics::pjrt::{plugin, Api, Client};
    /// let client = Client::create(Api::load(&plugin::ensure_cpu_plugin()?)?, &[])?;
    /// println!("{:?}", client.api().version());
    /// # Ok(()) }
    /// ```
    pub fn api(&self) -> &'static Api {
        self.inner.api
    }

    /// The platform name (`"cpu"`, `"cuda"`, ...).
    ///
    /// ```
    /// # fn main() -> ultrasound_metrics::Result<()> {
    /// use ultrasound_metrics::pjrt::{plugin, Api, Client};
    /// let client = Client::create(Api::load(&plugin::ensure_cpu_plugin()?)?, &[])?;
    /// assert_eq!(client.platform_name(), "cpu");
    /// # Ok(()) }
    /// ```
    pub fn platform_name(&self) -> &str {
        &self.inner.platform_name
    }

    /// The platform version string the plugin reports.
    ///
    /// ```
    /// # fn main() -> ultrasound_metrics::Result<()> {
    /// use ultrasound_metrics::pjrt::{plugin, Api, Client};
    /// let client = Client::create(Api::load(&plugin::ensure_cpu_plugin()?)?, &[])?;
    /// println!("{}", client.platform_version());
    /// # Ok(()) }
    /// ```
    pub fn platform_version(&self) -> &str {
        &self.inner.platform_version
    }

    /// The addressable devices, in the plugin's order; an index into this list is a device
    /// *ordinal*.
    ///
    /// ```
    /// # fn main() -> ultrasound_metrics::Result<()> {
    /// use ultrasound_metrics::pjrt::{plugin, Api, Client};
    /// let client = Client::create(Api::load(&plugin::ensure_cpu_plugin()?)?, &[])?;
    /// assert_eq!(client.devices().len(), 4);
    /// # Ok(()) }
    /// ```
    pub fn devices(&self) -> &[DeviceInfo] {
        &self.inner.devices
    }

    /// True when both handles are the same client.
    ///
    /// ```
    /// # fn main() -> ultrasound_metrics::Result<()> {
    /// use ultrasound_metrics::pjrt::{plugin, Api, Client};
    /// let client = Client::create(Api::load(&plugin::ensure_cpu_plugin()?)?, &[])?;
    /// assert!(client.same_as(&client.clone()));
    /// # Ok(()) }
    /// ```
    pub fn same_as(&self, other: &Client) -> bool {
        Arc::ptr_eq(&self.inner, &other.inner)
    }

    pub(crate) fn device(&self, ordinal: usize, func: &'static str) -> Result<&DeviceInfo> {
        self.inner.devices.get(ordinal).ok_or_else(|| {
            Error::arg(
                func,
                "device",
                format!(
                    "device ordinal {ordinal} out of range: the {} client has {} devices",
                    self.inner.platform_name,
                    self.inner.devices.len()
                ),
            )
        })
    }

    /// The ordinal of a raw device handle of this client.
    pub(crate) fn ordinal_of(&self, raw: *mut sys::PJRT_Device) -> Option<usize> {
        self.inner.devices.iter().position(|d| d.raw == raw)
    }

    /// Compiles StableHLO (or MHLO) MLIR text, in format `"mlir"`, with the given options.
    ///
    /// Parse errors come back as [`Error::Pjrt`] with code `UNKNOWN`; the entry function must be
    /// `func.func public @main` and all shapes static.
    ///
    /// ```
    /// # fn main() -> ultrasound_metrics::Result<()> {
    /// use ultrasound_metrics::pjrt::{plugin, Api, Client, CompileOptions};
    /// let client = Client::create(Api::load(&plugin::ensure_cpu_plugin()?)?, &[])?;
    /// let text = "func.func public @main(%a: tensor<2xf32>) -> tensor<2xf32> {
    ///   %0 = stablehlo.add %a, %a : tensor<2xf32>
    ///   return %0 : tensor<2xf32>
    /// }";
    /// let exe = client.compile(text, &CompileOptions::for_device(0))?;
    /// assert_eq!(exe.num_outputs(), 1);
    /// # Ok(()) }
    /// ```
    pub fn compile(&self, mlir: &str, options: &CompileOptions) -> Result<LoadedExecutable> {
        // MLIR's lexer reads one byte past the end of the text, expecting a NUL there
        // (valgrind showed the CPU plugin reading past an unterminated buffer): the NUL is
        // passed but not counted in `code_size`.
        let mut code = Vec::with_capacity(mlir.len() + 1);
        code.extend_from_slice(mlir.as_bytes());
        code.push(0);
        let format = b"mlir";
        let program = sys::PJRT_Program {
            struct_size: sys::PJRT_Program_STRUCT_SIZE as usize,
            code: code.as_mut_ptr() as *mut c_char,
            code_size: mlir.len(),
            format: format.as_ptr() as *const c_char,
            format_size: format.len(),
            ..Default::default()
        };
        let options = options.to_bytes();
        let mut args = sys::PJRT_Client_Compile_Args {
            struct_size: sys::PJRT_Client_Compile_Args_STRUCT_SIZE as usize,
            client: self.inner.raw,
            program: &program,
            compile_options: options.as_ptr() as *const c_char,
            compile_options_size: options.len(),
            ..Default::default()
        };
        // SAFETY: all pointers reference locals alive for the call; the options are a valid,
        // non-empty CompileOptionsProto with replica and partition counts (empty ones abort).
        unsafe { pjrt_call!(self.inner.api, PJRT_Client_Compile, &mut args) }?;
        LoadedExecutable::adopt(self.clone(), args.executable, "PJRT_Client_Compile")
    }

    /// Loads an executable serialized with [`LoadedExecutable::serialize`] by the same plugin.
    ///
    /// ```
    /// # fn main() -> ultrasound_metrics::Result<()> {
    /// use ultrasound_metrics::pjrt::{plugin, Api, Client, CompileOptions};
    /// let client = Client::create(Api::load(&plugin::ensure_cpu_plugin()?)?, &[])?;
    /// let text = "func.func public @main(%a: tensor<f32>) -> tensor<f32> { return %a : tensor<f32> }";
    /// let bytes = client.compile(text, &CompileOptions::for_device(0))?.serialize()?;
    /// let again = client.deserialize_and_load(&bytes)?;
    /// assert_eq!(again.num_outputs(), 1);
    /// # Ok(()) }
    /// ```
    pub fn deserialize_and_load(&self, bytes: &[u8]) -> Result<LoadedExecutable> {
        let mut args = sys::PJRT_Executable_DeserializeAndLoad_Args {
            struct_size: sys::PJRT_Executable_DeserializeAndLoad_Args_STRUCT_SIZE as usize,
            client: self.inner.raw,
            serialized_executable: bytes.as_ptr() as *const c_char,
            serialized_executable_size: bytes.len(),
            ..Default::default()
        };
        // SAFETY: `bytes` is alive for the call; the plugin validates its content.
        unsafe {
            pjrt_call!(
                self.inner.api,
                PJRT_Executable_DeserializeAndLoad,
                &mut args
            )
        }?;
        LoadedExecutable::adopt(
            self.clone(),
            args.loaded_executable,
            "PJRT_Executable_DeserializeAndLoad",
        )
    }

    /// Copies dense row-major host data to a new buffer on the device with this ordinal
    /// (`kImmutableOnlyDuringCall`: `data` may be reused as soon as this returns).
    ///
    /// `data` must hold exactly `product(dims) * dtype.size_bytes()` bytes.
    ///
    /// ```
    /// # fn main() -> ultrasound_metrics::Result<()> {
    /// use ultrasound_metrics::{pjrt::{plugin, Api, Client}, DType};
    /// let client = Client::create(Api::load(&plugin::ensure_cpu_plugin()?)?, &[])?;
    /// let data: Vec<u8> = [1.0f32, 2.0].iter().flat_map(|x| x.to_ne_bytes()).collect();
    /// let buf = client.buffer_from_host(&data, DType::F32, &[2], 0)?;
    /// assert_eq!(buf.to_host_vec::<f32>()?, [1.0, 2.0]);
    /// # Ok(()) }
    /// ```
    pub fn buffer_from_host(
        &self,
        data: &[u8],
        dtype: DType,
        dims: &[usize],
        ordinal: usize,
    ) -> Result<Buffer> {
        const FUNC: &str = "pjrt::Client::buffer_from_host";
        check_size(FUNC, data.len(), dtype, dims)?;
        // SAFETY: `data` holds exactly the bytes of `dims` x `dtype` (checked) and is only read
        // during the call (kImmutableOnlyDuringCall).
        unsafe {
            self.transfer(
                FUNC,
                data.as_ptr(),
                dtype,
                dims,
                ordinal,
                sys::PJRT_HostBufferSemantics_PJRT_HostBufferSemantics_kImmutableOnlyDuringCall,
                None,
            )
        }
    }

    /// Makes a device buffer that aliases `data` without copying (`kImmutableZeroCopy`); the
    /// buffer keeps `data` alive until it is dropped. The CPU plugin aliases 64-byte aligned
    /// memory (which [`AlignedBytes`] is); other plugins may copy.
    ///
    /// ```
    /// # fn main() -> ultrasound_metrics::Result<()> {
    /// use std::sync::Arc;
    /// use ultrasound_metrics::pjrt::{plugin, AlignedBytes, Api, Client};
    /// let client = Client::create(Api::load(&plugin::ensure_cpu_plugin()?)?, &[])?;
    /// let host = Arc::new(AlignedBytes::from_slice(&[1i32, 2, 3]));
    /// let buf = client.buffer_from_aligned(host, &[3], 0)?;
    /// assert_eq!(buf.to_host_vec::<i32>()?, [1, 2, 3]);
    /// # Ok(()) }
    /// ```
    pub fn buffer_from_aligned(
        &self,
        data: Arc<AlignedBytes>,
        dims: &[usize],
        ordinal: usize,
    ) -> Result<Buffer> {
        const FUNC: &str = "pjrt::Client::buffer_from_aligned";
        check_size(FUNC, data.len(), data.dtype(), dims)?;
        let ptr = data.as_bytes().as_ptr();
        let dtype = data.dtype();
        // SAFETY: `data` holds exactly the bytes of `dims` x `dtype` (checked), is immutable, and
        // the returned buffer owns an `Arc` of it until the buffer is destroyed and the plugin
        // signalled `done_with_host_buffer`.
        unsafe {
            self.transfer(
                FUNC,
                ptr,
                dtype,
                dims,
                ordinal,
                sys::PJRT_HostBufferSemantics_PJRT_HostBufferSemantics_kImmutableZeroCopy,
                Some(data),
            )
        }
    }

    /// `PJRT_Client_BufferFromHostBuffer`.
    ///
    /// # Safety
    /// `data` must point at the dense bytes of `dims` x `dtype`, valid as the semantics require:
    /// for the duration of the call for a copy, as long as `owner` for zero-copy.
    #[allow(clippy::too_many_arguments)]
    unsafe fn transfer(
        &self,
        func: &'static str,
        data: *const u8,
        dtype: DType,
        dims: &[usize],
        ordinal: usize,
        semantics: sys::PJRT_HostBufferSemantics,
        owner: Option<Arc<AlignedBytes>>,
    ) -> Result<Buffer> {
        let device = self.device(ordinal, func)?.raw;
        // A zero-length axis makes any other length pass the size check; PJRT takes `int64`.
        let dims_i64: Vec<i64> = dims
            .iter()
            .map(|&d| i64::try_from(d))
            .collect::<std::result::Result<_, _>>()
            .map_err(|_| {
                Error::arg(
                    func,
                    "dims",
                    format!("{dims:?}: every length must fit in an int64"),
                )
            })?;
        let mut args = sys::PJRT_Client_BufferFromHostBuffer_Args {
            struct_size: sys::PJRT_Client_BufferFromHostBuffer_Args_STRUCT_SIZE as usize,
            client: self.inner.raw,
            data: data as *const std::ffi::c_void,
            type_: buffer_type(dtype),
            dims: dims_i64.as_ptr(),
            num_dims: dims_i64.len(),
            host_buffer_semantics: semantics,
            device,
            ..Default::default()
        };
        // SAFETY: caller's contract for `data`; `dims_i64` and `args` are alive for the call.
        unsafe { pjrt_call!(self.inner.api, PJRT_Client_BufferFromHostBuffer, &mut args) }?;
        let mut event = args.done_with_host_buffer;
        if !event.is_null() {
            super::counters::EVENTS.created();
        }
        if owner.is_none() && !event.is_null() {
            // A copy: the host data is no longer needed once the call returns (the plugin copies
            // synchronously); the event is only a formality, and it is awaited here so that a
            // plugin that copies asynchronously finishes before `data` may be freed.
            // SAFETY: the event is live and ours.
            let awaited = unsafe { self.inner.api.await_and_destroy(func, event) };
            event = std::ptr::null_mut();
            if let Err(e) = awaited {
                // Destroy the buffer we were given before reporting.
                drop(Buffer::from_parts(
                    self.clone(),
                    args.buffer,
                    dtype,
                    dims.to_vec(),
                    ordinal,
                    std::ptr::null_mut(),
                    None,
                ));
                return Err(e);
            }
        }
        Ok(Buffer::from_parts(
            self.clone(),
            args.buffer,
            dtype,
            dims.to_vec(),
            ordinal,
            event,
            owner,
        ))
    }
}

fn check_size(func: &'static str, got: usize, dtype: DType, dims: &[usize]) -> Result<()> {
    let expected = dims
        .iter()
        .try_fold(dtype.size_bytes(), |acc, &d| acc.checked_mul(d));
    if expected != Some(got) {
        return Err(Error::arg(
            func,
            "data",
            format!(
                "holds {got} bytes, but {dtype}{dims:?} needs {}",
                expected.map_or_else(|| "more than usize::MAX".to_string(), |e| e.to_string())
            ),
        ));
    }
    Ok(())
}

impl ClientInner {
    fn query_platform_name(&self) -> Result<String> {
        let mut args = sys::PJRT_Client_PlatformName_Args {
            struct_size: sys::PJRT_Client_PlatformName_Args_STRUCT_SIZE as usize,
            client: self.raw,
            ..Default::default()
        };
        // SAFETY: live client; the returned string is owned by the client and copied at once.
        unsafe {
            pjrt_call!(self.api, PJRT_Client_PlatformName, &mut args)?;
            Ok(copy_str(args.platform_name, args.platform_name_size))
        }
    }

    fn query_platform_version(&self) -> Result<String> {
        let mut args = sys::PJRT_Client_PlatformVersion_Args {
            struct_size: sys::PJRT_Client_PlatformVersion_Args_STRUCT_SIZE as usize,
            client: self.raw,
            ..Default::default()
        };
        // SAFETY: as for the platform name.
        unsafe {
            pjrt_call!(self.api, PJRT_Client_PlatformVersion, &mut args)?;
            Ok(copy_str(args.platform_version, args.platform_version_size))
        }
    }

    fn query_devices(&self) -> Result<Vec<DeviceInfo>> {
        let mut args = sys::PJRT_Client_AddressableDevices_Args {
            struct_size: sys::PJRT_Client_AddressableDevices_Args_STRUCT_SIZE as usize,
            client: self.raw,
            ..Default::default()
        };
        // SAFETY: live client; the array is owned by the client and copied at once.
        let raw_devices: Vec<*mut sys::PJRT_Device> = unsafe {
            pjrt_call!(self.api, PJRT_Client_AddressableDevices, &mut args)?;
            if args.addressable_devices.is_null() {
                Vec::new()
            } else {
                std::slice::from_raw_parts(args.addressable_devices, args.num_addressable_devices)
                    .to_vec()
            }
        };
        raw_devices
            .into_iter()
            .map(|raw| self.describe(raw))
            .collect()
    }

    fn describe(&self, raw: *mut sys::PJRT_Device) -> Result<DeviceInfo> {
        let mut get = sys::PJRT_Device_GetDescription_Args {
            struct_size: sys::PJRT_Device_GetDescription_Args_STRUCT_SIZE as usize,
            device: raw,
            ..Default::default()
        };
        // SAFETY: `raw` is an addressable device of this live client; the description and its
        // strings are owned by the device and copied at once.
        unsafe {
            pjrt_call!(self.api, PJRT_Device_GetDescription, &mut get)?;
            let desc = get.device_description;
            let mut id = sys::PJRT_DeviceDescription_Id_Args {
                struct_size: sys::PJRT_DeviceDescription_Id_Args_STRUCT_SIZE as usize,
                device_description: desc,
                ..Default::default()
            };
            pjrt_call!(self.api, PJRT_DeviceDescription_Id, &mut id)?;
            let mut kind = sys::PJRT_DeviceDescription_Kind_Args {
                struct_size: sys::PJRT_DeviceDescription_Kind_Args_STRUCT_SIZE as usize,
                device_description: desc,
                ..Default::default()
            };
            pjrt_call!(self.api, PJRT_DeviceDescription_Kind, &mut kind)?;
            let mut dbg = sys::PJRT_DeviceDescription_DebugString_Args {
                struct_size: sys::PJRT_DeviceDescription_DebugString_Args_STRUCT_SIZE as usize,
                device_description: desc,
                ..Default::default()
            };
            pjrt_call!(self.api, PJRT_DeviceDescription_DebugString, &mut dbg)?;
            Ok(DeviceInfo {
                raw,
                id: id.id,
                kind: copy_str(kind.device_kind, kind.device_kind_size),
                debug_string: copy_str(dbg.debug_string, dbg.debug_string_size),
            })
        }
    }
}
