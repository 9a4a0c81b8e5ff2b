//! `PJRT_LoadedExecutable`: compile options, execution, serialization.

use super::buffer::Buffer;
use super::client::Client;
use super::sys;
use crate::error::{Error, PjrtCode, Result};

/// Compile options, sent as a serialized `xla.CompileOptionsProto`.
///
/// Always one replica and one partition (options without both counts abort the CPU plugin).
/// With a device id, the executable is bound to that device by an explicit device assignment;
/// without, the plugin's default (device 0) is used.
#[doc(hidden)]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub struct CompileOptions {
    device_id: Option<i64>,
}

impl CompileOptions {
    /// Options that bind the executable to the device with this global id
    /// ([`DeviceInfo::id`](super::DeviceInfo::id)).
    ///
    /// ```
    /// use ultrasound_metrics::pjrt::CompileOptions;
    /// assert_eq!(
    ///     CompileOptions::for_device(2).to_bytes(),
    ///     [0x1a, 0x0e, 0x20, 0x01, 0x28, 0x01, 0x4a, 0x08, 0x08, 0x01, 0x10, 0x01, 0x1a, 0x02, 0x08, 0x02]
    /// );
    /// ```
    pub fn for_device(id: i64) -> Self {
        CompileOptions {
            device_id: Some(id),
        }
    }

    /// The device id these options bind to, if any.
    ///
    /// ```
    /// use ultrasound_metrics::pjrt::CompileOptions;
    /// assert_eq!(CompileOptions::default().device_id(), None);
    /// ```
    pub fn device_id(&self) -> Option<i64> {
        self.device_id
    }

    /// The serialized `CompileOptionsProto`: `executable_build_options { num_replicas: 1,
    /// num_partitions: 1, device_assignment { replica_count: 1, computation_count: 1,
    /// computation_devices { replica_device_ids: id } } }`.
    ///
    /// ```
    /// use ultrasound_metrics::pjrt::CompileOptions;
    /// assert_eq!(CompileOptions::default().to_bytes(), [0x1a, 0x04, 0x20, 0x01, 0x28, 0x01]);
    /// ```
    pub fn to_bytes(&self) -> Vec<u8> {
        let mut build = Vec::new();
        proto::varint_field(&mut build, 4, 1); // num_replicas
        proto::varint_field(&mut build, 5, 1); // num_partitions
        if let Some(id) = self.device_id {
            let mut computation = Vec::new();
            proto::varint_field(&mut computation, 1, id as u64); // replica_device_ids
            let mut assignment = Vec::new();
            proto::varint_field(&mut assignment, 1, 1); // replica_count
            proto::varint_field(&mut assignment, 2, 1); // computation_count
            proto::bytes_field(&mut assignment, 3, &computation); // computation_devices
            proto::bytes_field(&mut build, 9, &assignment); // device_assignment
        }
        let mut out = Vec::new();
        proto::bytes_field(&mut out, 3, &build); // executable_build_options
        out
    }
}

/// The minimal protobuf wire-format encoder the compile options need.
pub(crate) mod proto {
    /// Appends a base-128 varint.
    pub(crate) fn varint(out: &mut Vec<u8>, mut v: u64) {
        while v >= 0x80 {
            out.push((v as u8) | 0x80);
            v >>= 7;
        }
        out.push(v as u8);
    }

    /// Appends a varint field (wire type 0).
    pub(crate) fn varint_field(out: &mut Vec<u8>, field: u32, v: u64) {
        varint(out, u64::from(field) << 3);
        varint(out, v);
    }

    /// Appends a length-delimited field (wire type 2).
    pub(crate) fn bytes_field(out: &mut Vec<u8>, field: u32, bytes: &[u8]) {
        varint(out, (u64::from(field) << 3) | 2);
        varint(out, bytes.len() as u64);
        out.extend_from_slice(bytes);
    }
}

/// A compiled program loaded on a client, ready to run.
#[doc(hidden)]
pub struct LoadedExecutable {
    client: Client,
    raw: *mut sys::PJRT_LoadedExecutable,
    num_outputs: usize,
}

// SAFETY: PJRT executables may be executed concurrently from many threads (measured: 4 threads
// sharing one executable) and are immutable once loaded.
unsafe impl Send for LoadedExecutable {}
// SAFETY: see above.
unsafe impl Sync for LoadedExecutable {}

impl std::fmt::Debug for LoadedExecutable {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("LoadedExecutable")
            .field("num_outputs", &self.num_outputs)
            .finish()
    }
}

/// Destroys a `PJRT_Executable` (the unloaded view) when dropped.
struct ExecutableView<'a> {
    client: &'a Client,
    raw: *mut sys::PJRT_Executable,
}

impl Drop for ExecutableView<'_> {
    fn drop(&mut self) {
        let mut args = sys::PJRT_Executable_Destroy_Args {
            struct_size: sys::PJRT_Executable_Destroy_Args_STRUCT_SIZE as usize,
            executable: self.raw,
            ..Default::default()
        };
        // SAFETY: the view is live and destroyed once, here.
        let _ = unsafe { pjrt_call!(self.client.api(), PJRT_Executable_Destroy, &mut args) };
        super::counters::VIEWS.destroyed();
    }
}

/// Destroys output buffers that were not handed out yet.
struct OutputGuard<'a> {
    client: &'a Client,
    raw: Vec<*mut sys::PJRT_Buffer>,
}

impl Drop for OutputGuard<'_> {
    fn drop(&mut self) {
        for &b in &self.raw {
            if b.is_null() {
                continue;
            }
            let mut args = sys::PJRT_Buffer_Destroy_Args {
                struct_size: sys::PJRT_Buffer_Destroy_Args_STRUCT_SIZE as usize,
                buffer: b,
                ..Default::default()
            };
            // SAFETY: an output buffer we own and never handed out.
            let _ = unsafe { pjrt_call!(self.client.api(), PJRT_Buffer_Destroy, &mut args) };
        }
    }
}

impl LoadedExecutable {
    /// Takes ownership of a freshly compiled or deserialized executable and reads its output
    /// count. On error the executable is destroyed.
    pub(crate) fn adopt(
        client: Client,
        raw: *mut sys::PJRT_LoadedExecutable,
        call: &'static str,
    ) -> Result<LoadedExecutable> {
        if raw.is_null() {
            return Err(Error::Pjrt {
                call,
                code: PjrtCode(13),
                message: "the plugin returned no executable".into(),
            });
        }
        let mut exe = LoadedExecutable {
            client,
            raw,
            num_outputs: 0,
        };
        super::counters::EXECUTABLES.created();
        let view = exe.view()?;
        let mut args = sys::PJRT_Executable_NumOutputs_Args {
            struct_size: sys::PJRT_Executable_NumOutputs_Args_STRUCT_SIZE as usize,
            executable: view.raw,
            ..Default::default()
        };
        // SAFETY: live executable view.
        unsafe { pjrt_call!(exe.client.api(), PJRT_Executable_NumOutputs, &mut args) }?;
        drop(view);
        exe.num_outputs = args.num_outputs;
        Ok(exe)
    }

    fn view(&self) -> Result<ExecutableView<'_>> {
        let mut args = sys::PJRT_LoadedExecutable_GetExecutable_Args {
            struct_size: sys::PJRT_LoadedExecutable_GetExecutable_Args_STRUCT_SIZE as usize,
            loaded_executable: self.raw,
            ..Default::default()
        };
        // SAFETY: live loaded executable; the view is owned by us and destroyed by the guard.
        unsafe {
            pjrt_call!(
                self.client.api(),
                PJRT_LoadedExecutable_GetExecutable,
                &mut args
            )
        }?;
        super::counters::VIEWS.created();
        Ok(ExecutableView {
            client: &self.client,
            raw: args.executable,
        })
    }

    /// The client this executable is loaded on.
    ///
    /// ```
    /// # fn main() -> ultrasound_metrics::Result<()> {
    /// use ultrasound_metrics::pjrt::{plugin, Api, Client, CompileOptions};
    /// let client = Client::create(Api::load(&plugin::ensure_cpu_plugin()?)?, &[])?;
    /// let text = "func.func public @main(%a: tensor<f32>) -> tensor<f32> { return %a : tensor<f32> }";
    /// assert!(client.compile(text, &CompileOptions::default())?.client().same_as(&client));
    /// # Ok(()) }
    /// ```
    pub fn client(&self) -> &Client {
        &self.client
    }

    /// The number of outputs of one execution.
    ///
    /// ```
    /// # fn main() -> ultrasound_metrics::Result<()> {
    /// use ultrasound_metrics::pjrt::{plugin, Api, Client, CompileOptions};
    /// let client = Client::create(Api::load(&plugin::ensure_cpu_plugin()?)?, &[])?;
    /// let text = "func.func public @main(%a: tensor<f32>) -> (tensor<f32>, tensor<f32>) {
    ///   return %a, %a : tensor<f32>, tensor<f32>
    /// }";
    /// assert_eq!(client.compile(text, &CompileOptions::default())?.num_outputs(), 2);
    /// # Ok(()) }
    /// ```
    pub fn num_outputs(&self) -> usize {
        self.num_outputs
    }

    /// The ordinals of the devices the executable runs on (one, for the options this crate
    /// uses).
    ///
    /// ```
    /// # fn main() -> ultrasound_metrics::Result<()> {
    /// use ultrasound_metrics::pjrt::{plugin, Api, Client, CompileOptions};
    /// let client = Client::create(Api::load(&plugin::ensure_cpu_plugin()?)?, &[])?;
    /// let text = "func.func public @main(%a: tensor<f32>) -> tensor<f32> { return %a : tensor<f32> }";
    /// let exe = client.compile(text, &CompileOptions::for_device(3))?;
    /// assert_eq!(exe.device_ordinals()?, [3]);
    /// # Ok(()) }
    /// ```
    pub fn device_ordinals(&self) -> Result<Vec<usize>> {
        let mut args = sys::PJRT_LoadedExecutable_AddressableDevices_Args {
            struct_size: sys::PJRT_LoadedExecutable_AddressableDevices_Args_STRUCT_SIZE as usize,
            executable: self.raw,
            ..Default::default()
        };
        // SAFETY: live executable; the array is owned by it and copied at once.
        let raw: Vec<*mut sys::PJRT_Device> = unsafe {
            pjrt_call!(
                self.client.api(),
                PJRT_LoadedExecutable_AddressableDevices,
                &mut args
            )?;
            if args.addressable_devices.is_null() {
                Vec::new()
            } else {
                std::slice::from_raw_parts(args.addressable_devices, args.num_addressable_devices)
                    .to_vec()
            }
        };
        Ok(raw
            .into_iter()
            .filter_map(|d| self.client.ordinal_of(d))
            .collect())
    }

    /// Runs the executable once, on its (single) device, and waits until it has finished.
    ///
    /// All arguments must belong to this executable's client ([`Error::DeviceMismatch`]
    /// otherwise). The plugin checks only byte sizes and devices (`INVALID_ARGUMENT`), not
    /// element types: check them against the program's signature before calling.
    ///
    /// ```
    /// # fn main() -> ultrasound_metrics::Result<()> {
    /// use ultrasound_metrics::{pjrt::{plugin, Api, Client, CompileOptions}, DType};
    /// let client = Client::create(Api::load(&plugin::ensure_cpu_plugin()?)?, &[])?;
    /// let text = "func.func public @main(%a: tensor<2xi32>) -> tensor<2xi32> {
    ///   %0 = stablehlo.add %a, %a : tensor<2xi32>
    ///   return %0 : tensor<2xi32>
    /// }";
    /// let exe = client.compile(text, &CompileOptions::for_device(0))?;
    /// let bytes: Vec<u8> = [1i32, 2].iter().flat_map(|x| x.to_ne_bytes()).collect();
    /// let a = client.buffer_from_host(&bytes, DType::I32, &[2], 0)?;
    /// let out = exe.execute(&[&a])?;
    /// assert_eq!(out[0].to_host_vec::<i32>()?, [2, 4]);
    /// # Ok(()) }
    /// ```
    pub fn execute(&self, args: &[&Buffer]) -> Result<Vec<Buffer>> {
        for a in args {
            if !a.client().same_as(&self.client) {
                return Err(Error::DeviceMismatch {
                    func: "pjrt::LoadedExecutable::execute",
                    first: format!(
                        "{} client of {}",
                        self.client.platform_name(),
                        self.client.api().path().display()
                    ),
                    other: format!(
                        "{} client of {}",
                        a.client().platform_name(),
                        a.client().api().path().display()
                    ),
                });
            }
        }
        let api = self.client.api();
        let arg_ptrs: Vec<*mut sys::PJRT_Buffer> = args.iter().map(|b| b.raw()).collect();
        let arg_lists: [*const *mut sys::PJRT_Buffer; 1] = [arg_ptrs.as_ptr()];
        let mut outputs = OutputGuard {
            client: &self.client,
            raw: vec![std::ptr::null_mut(); self.num_outputs],
        };
        let output_lists: [*mut *mut sys::PJRT_Buffer; 1] = [outputs.raw.as_mut_ptr()];
        let mut events: [*mut sys::PJRT_Event; 1] = [std::ptr::null_mut()];
        let mut options = sys::PJRT_ExecuteOptions {
            struct_size: sys::PJRT_ExecuteOptions_STRUCT_SIZE as usize,
            ..Default::default()
        };
        let mut exec = sys::PJRT_LoadedExecutable_Execute_Args {
            struct_size: sys::PJRT_LoadedExecutable_Execute_Args_STRUCT_SIZE as usize,
            executable: self.raw,
            options: &mut options,
            argument_lists: arg_lists.as_ptr(),
            num_devices: 1,
            num_args: arg_ptrs.len(),
            output_lists: output_lists.as_ptr(),
            device_complete_events: events.as_mut_ptr(),
            ..Default::default()
        };
        // SAFETY: argument buffers are live (borrowed for the call and until the completion
        // event is awaited below); the output array has room for `num_outputs` buffers; one
        // device, one event slot.
        unsafe {
            pjrt_call!(api, PJRT_LoadedExecutable_Execute, &mut exec)?;
            if !events[0].is_null() {
                super::counters::EVENTS.created();
            }
            api.await_and_destroy("PJRT_LoadedExecutable_Execute", events[0])?;
        }
        let mut result = Vec::with_capacity(self.num_outputs);
        for slot in outputs.raw.iter_mut() {
            let raw = std::mem::replace(slot, std::ptr::null_mut());
            if raw.is_null() {
                return Err(Error::Pjrt {
                    call: "PJRT_LoadedExecutable_Execute",
                    code: PjrtCode(13),
                    message: "the plugin returned fewer outputs than the executable has".into(),
                });
            }
            result.push(Buffer::adopt_output(self.client.clone(), raw)?);
        }
        Ok(result)
    }

    /// Serializes the executable (`PJRT_Executable_Serialize`), for
    /// [`Client::deserialize_and_load`] by the same plugin version.
    ///
    /// ```
    /// # fn main() -> ultrasound_metrics::Result<()> {
    /// use ultrasound_metrics::pjrt::{plugin, Api, Client, CompileOptions};
    /// let client = Client::create(Api::load(&plugin::ensure_cpu_plugin()?)?, &[])?;
    /// let text = "func.func public @main(%a: tensor<f32>) -> tensor<f32> { return %a : tensor<f32> }";
    /// assert!(!client.compile(text, &CompileOptions::default())?.serialize()?.is_empty());
    /// # Ok(()) }
    /// ```
    pub fn serialize(&self) -> Result<Vec<u8>> {
        let view = self.view()?;
        let mut args = sys::PJRT_Executable_Serialize_Args {
            struct_size: sys::PJRT_Executable_Serialize_Args_STRUCT_SIZE as usize,
            executable: view.raw,
            ..Default::default()
        };
        // SAFETY: live executable view; the bytes are owned by `serialized_executable`, copied
        // before it is released with the deleter the plugin gave.
        unsafe {
            pjrt_call!(self.client.api(), PJRT_Executable_Serialize, &mut args)?;
            let bytes = if args.serialized_bytes.is_null() {
                Vec::new()
            } else {
                std::slice::from_raw_parts(
                    args.serialized_bytes as *const u8,
                    args.serialized_bytes_size,
                )
                .to_vec()
            };
            if let Some(deleter) = args.serialized_executable_deleter {
                if !args.serialized_executable.is_null() {
                    deleter(args.serialized_executable);
                }
            }
            Ok(bytes)
        }
    }
}

impl Drop for LoadedExecutable {
    fn drop(&mut self) {
        let mut args = sys::PJRT_LoadedExecutable_Destroy_Args {
            struct_size: sys::PJRT_LoadedExecutable_Destroy_Args_STRUCT_SIZE as usize,
            executable: self.raw,
            ..Default::default()
        };
        // SAFETY: live executable, destroyed once, here.
        let _ = unsafe { pjrt_call!(self.client.api(), PJRT_LoadedExecutable_Destroy, &mut args) };
        super::counters::EXECUTABLES.destroyed();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn options_match_the_measured_bytes() {
        assert_eq!(
            CompileOptions::default().to_bytes(),
            [0x1a, 0x04, 0x20, 0x01, 0x28, 0x01]
        );
        for dev in 0u8..4 {
            assert_eq!(
                CompileOptions::for_device(i64::from(dev)).to_bytes(),
                [
                    0x1a, 0x0e, 0x20, 0x01, 0x28, 0x01, 0x4a, 0x08, 0x08, 0x01, 0x10, 0x01, 0x1a,
                    0x02, 0x08, dev
                ]
            );
        }
    }

    #[test]
    fn large_device_ids_use_multibyte_varints() {
        // 300 = 0b1_0010_1100 -> ac 02; every enclosing length grows by one.
        assert_eq!(
            CompileOptions::for_device(300).to_bytes(),
            [
                0x1a, 0x0f, 0x20, 0x01, 0x28, 0x01, 0x4a, 0x09, 0x08, 0x01, 0x10, 0x01, 0x1a, 0x03,
                0x08, 0xac, 0x02
            ]
        );
        let mut v = Vec::new();
        proto::varint(&mut v, u64::MAX);
        assert_eq!(v.len(), 10);
    }
}
