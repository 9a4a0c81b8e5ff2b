//! [`Device`]: one device of a PJRT plugin, with the plugin's shared client behind it.

use std::collections::HashMap;
use std::hash::{Hash, Hasher};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex};

use ndarray::{ArrayBase, Data, Dimension};
use once_cell::sync::Lazy;

use super::array::{AlignedArray, DeviceArray, RawBuffer};
use crate::dtype::Element;
use crate::error::{Error, Result};
use crate::graph::TensorType;
use crate::pjrt::{self, plugin};

/// A plugin with its one client, shared by every [`Device`] of that plugin and kept for the
/// rest of the process.
pub(crate) struct Backend {
    pub(crate) client: pjrt::Client,
    pub(crate) plugin_path: PathBuf,
    pub(crate) plugin_version: String,
    /// Compilations done for this client (cache misses that really compiled).
    pub(crate) compiles: AtomicU64,
}

/// Clients by canonical plugin path; created lazily, never dropped.
static BACKENDS: Lazy<Mutex<HashMap<PathBuf, Arc<Backend>>>> =
    Lazy::new(|| Mutex::new(HashMap::new()));

/// The CPU plugin path found by the first successful [`Device::cpu`].
static CPU_PLUGIN: Mutex<Option<PathBuf>> = Mutex::new(None);

fn backend(path: &Path) -> Result<Arc<Backend>> {
    let canonical = std::fs::canonicalize(path).map_err(|e| Error::PluginLoad {
        path: path.to_path_buf(),
        problem: format!("cannot open the file: {e}"),
    })?;
    let mut map = BACKENDS.lock().unwrap_or_else(|e| e.into_inner());
    if let Some(b) = map.get(&canonical) {
        return Ok(b.clone());
    }
    let api = pjrt::Api::load(&canonical)?;
    let client = pjrt::Client::create(api, &[])?;
    let plugin_version = plugin::plugin_version(
        &canonical,
        client.platform_name(),
        client.platform_version(),
    );
    let b = Arc::new(Backend {
        client,
        plugin_path: canonical.clone(),
        plugin_version,
        compiles: AtomicU64::new(0),
    });
    map.insert(canonical, b.clone());
    Ok(b)
}

fn cpu_backend() -> Result<Arc<Backend>> {
    let mut cached = CPU_PLUGIN.lock().unwrap_or_else(|e| e.into_inner());
    let path = match &*cached {
        Some(p) => p.clone(),
        None => {
            let p = plugin::ensure_cpu_plugin()?;
            *cached = Some(p.clone());
            p
        }
    };
    drop(cached);
    backend(&path)
}

/// One device of a PJRT plugin (`cpu:0`, `cuda:1`, ...): where [`DeviceArray`]s live and
/// programs run.
///
/// Cheap to clone. All devices of one plugin share a single PJRT client, created on first use
/// and kept for the life of the process; compiled executables are cached per device (see
/// [`stats`](super::stats)).
///
/// ```
/// # fn main() -> ultrasound_metrics::Result<()> {
/// use ultrasound_metrics::runtime::Device;
/// let dev = Device::cpu()?;
/// assert_eq!(dev.to_string(), "cpu:0");
/// # Ok(()) }
/// ```
#[derive(Clone)]
pub struct Device {
    backend: Arc<Backend>,
    ordinal: usize,
}

impl Device {
    /// The first device of the pinned CPU plugin, found or installed by
    /// [`ensure_cpu_plugin`](crate::pjrt::plugin::ensure_cpu_plugin) (the path is resolved once
    /// per process).
    ///
    /// ```
    /// # fn main() -> ultrasound_metrics::Result<()> {
    /// let dev = ultrasound_metrics::runtime::Device::cpu()?;
    /// assert_eq!((dev.platform(), dev.ordinal()), ("cpu", 0));
    /// # Ok(()) }
    /// ```
    pub fn cpu() -> Result<Device> {
        Ok(Device {
            backend: cpu_backend()?,
            ordinal: 0,
        })
    }

    /// All addressable devices of the CPU plugin (4 by default).
    ///
    /// ```
    /// # fn main() -> ultrasound_metrics::Result<()> {
    /// let devs = ultrasound_metrics::runtime::Device::cpu_devices()?;
    /// assert_eq!(devs.len(), 4);
    /// assert_eq!(devs[3].to_string(), "cpu:3");
    /// # Ok(()) }
    /// ```
    pub fn cpu_devices() -> Result<Vec<Device>> {
        let backend = cpu_backend()?;
        Ok(Self::all_of(&backend))
    }

    fn all_of(backend: &Arc<Backend>) -> Vec<Device> {
        (0..backend.client.devices().len())
            .map(|ordinal| Device {
                backend: backend.clone(),
                ordinal,
            })
            .collect()
    }

    /// Every device of this device's plugin (itself included), in ordinal order: the devices
    /// to spread work over (see [`ShardedArray`](super::ShardedArray)).
    ///
    /// ```
    /// # fn main() -> ultrasound_metrics::Result<()> {
    /// let all = ultrasound_metrics::runtime::Device::cpu()?.siblings();
    /// assert_eq!(all.len(), 4);
    /// assert_eq!(all[1].ordinal(), 1);
    /// # Ok(()) }
    /// ```
    pub fn siblings(&self) -> Vec<Device> {
        Self::all_of(&self.backend)
    }

    /// The device with this ordinal of any PJRT plugin (for example a CUDA plugin's
    /// `xla_cuda_plugin.so`). Loading the plugin or creating its client may fail with
    /// [`Error::PluginLoad`]; an ordinal out of range is an [`Error::InvalidArgument`].
    ///
    /// ```
    /// # fn main() -> ultrasound_metrics::Result<()> {
    /// use ultrasound_metrics::runtime::Device;
    /// let so = ultrasound_metrics::pjrt::plugin::ensure_cpu_plugin()?;
    /// let dev = Device::from_plugin(&so, 2)?;
    /// assert_eq!(dev, Device::cpu_devices()?[2]);
    /// # Ok(()) }
    /// ```
    pub fn from_plugin(path: impl AsRef<Path>, ordinal: usize) -> Result<Device> {
        let backend = backend(path.as_ref())?;
        let n = backend.client.devices().len();
        if ordinal >= n {
            return Err(Error::arg(
                "Device::from_plugin",
                "ordinal",
                format!(
                    "{ordinal} is out of range: the {} plugin has {n} devices",
                    backend.client.platform_name()
                ),
            ));
        }
        Ok(Device { backend, ordinal })
    }

    /// All addressable devices of a PJRT plugin.
    ///
    /// ```
    /// # fn main() -> ultrasound_metrics::Result<()> {
    /// use ultrasound_metrics::runtime::Device;
    /// let so = ultrasound_metrics::pjrt::plugin::ensure_cpu_plugin()?;
    /// assert_eq!(Device::plugin_devices(&so)?.len(), 4);
    /// # Ok(()) }
    /// ```
    pub fn plugin_devices(path: impl AsRef<Path>) -> Result<Vec<Device>> {
        Ok(Self::all_of(&backend(path.as_ref())?))
    }

    /// The device's index among its plugin's addressable devices.
    ///
    /// ```
    /// # fn main() -> ultrasound_metrics::Result<()> {
    /// assert_eq!(ultrasound_metrics::runtime::Device::cpu()?.ordinal(), 0);
    /// # Ok(()) }
    /// ```
    pub fn ordinal(&self) -> usize {
        self.ordinal
    }

    /// The platform name reported by the plugin (`"cpu"`, `"cuda"`, ...).
    ///
    /// ```
    /// # fn main() -> ultrasound_metrics::Result<()> {
    /// assert_eq!(ultrasound_metrics::runtime::Device::cpu()?.platform(), "cpu");
    /// # Ok(()) }
    /// ```
    pub fn platform(&self) -> &str {
        self.backend.client.platform_name()
    }

    /// A human-readable description: the device, the plugin's names for it, and the plugin.
    ///
    /// ```
    /// # fn main() -> ultrasound_metrics::Result<()> {
    /// println!("{}", ultrasound_metrics::runtime::Device::cpu()?.description());
    /// # Ok(()) }
    /// ```
    pub fn description(&self) -> String {
        let info = &self.backend.client.devices()[self.ordinal];
        format!(
            "{self} ({}, kind {}, id {}) via {} [{}, {} {}]",
            info.debug_string(),
            info.kind(),
            info.id(),
            self.backend.plugin_path.display(),
            self.backend.plugin_version,
            self.backend.client.platform_name(),
            self.backend.client.platform_version(),
        )
    }

    /// The plugin's version string, part of every executable cache key (see
    /// [`plugin_version`](crate::pjrt::plugin::plugin_version)): `"xla-cpu-pjrt-0.0.1"` for the
    /// pinned CPU plugin.
    ///
    /// ```
    /// # fn main() -> ultrasound_metrics::Result<()> {
    /// println!("{}", ultrasound_metrics::runtime::Device::cpu()?.plugin_version());
    /// # Ok(()) }
    /// ```
    pub fn plugin_version(&self) -> &str {
        &self.backend.plugin_version
    }

    /// The plugin file (canonical path).
    ///
    /// ```
    /// # fn main() -> ultrasound_metrics::Result<()> {
    /// assert!(ultrasound_metrics::runtime::Device::cpu()?.plugin_path().is_file());
    /// # Ok(()) }
    /// ```
    pub fn plugin_path(&self) -> &Path {
        &self.backend.plugin_path
    }

    /// How many programs were compiled (not loaded from a cache) for this device's plugin
    /// client so far, all its devices together.
    ///
    /// ```
    /// # fn main() -> ultrasound_metrics::Result<()> {
    /// let n = ultrasound_metrics::runtime::Device::cpu()?.compile_count();
    /// println!("{n} compilations so far");
    /// # Ok(()) }
    /// ```
    pub fn compile_count(&self) -> u64 {
        self.backend.compiles.load(Ordering::Relaxed)
    }

    pub(crate) fn backend(&self) -> &Arc<Backend> {
        &self.backend
    }

    pub(crate) fn client(&self) -> &pjrt::Client {
        &self.backend.client
    }

    /// The global id of the device (for the compile options' device assignment).
    pub(crate) fn device_id(&self) -> i64 {
        i64::from(self.backend.client.devices()[self.ordinal].id())
    }

    /// Copies an array to this device. Any memory layout is accepted (a non-contiguous or
    /// column-major array is made row-major contiguous first).
    ///
    /// On the CPU plugin, arrays of 1 MiB or more are copied (by several threads when large)
    /// into 64-byte aligned host memory that the device buffer then aliases: one copy instead
    /// of the plugin's slower one. Large blocks freed by dropped arrays are kept for reuse (at
    /// most 256 MiB; [`trim_host_pool`](crate::pjrt::trim_host_pool) frees them).
    ///
    /// ```
    /// # fn main() -> ultrasound_metrics::Result<()> {
    /// use ndarray::array;
    /// let dev = ultrasound_metrics::runtime::Device::cpu()?;
    /// let a = array![[1.0f32, 2.0], [3.0, 4.0]];
    /// let d = dev.put(&a.t())?;
    /// assert_eq!(d.to_ndarray()?, array![[1.0f32, 3.0], [2.0, 4.0]]);
    /// # Ok(()) }
    /// ```
    pub fn put<T, S, D>(&self, a: &ArrayBase<S, D>) -> Result<DeviceArray<T, D>>
    where
        T: Element,
        S: Data<Elem = T>,
        D: Dimension,
    {
        // A broadcast view may describe more bytes than can be allocated; `as_standard_layout`
        // would panic on it.
        if a.len()
            .checked_mul(std::mem::size_of::<T>())
            .map_or(true, |b| b > isize::MAX as usize)
        {
            return Err(Error::arg(
                "Device::put",
                "a",
                format!(
                    "{:?} elements of {} do not fit in memory",
                    a.shape(),
                    T::DTYPE
                ),
            ));
        }
        // Large arrays on the CPU plugin: one (parallel) copy into aligned, pooled host memory
        // that the device buffer then aliases, instead of the plugin's own copy (about 2 GB/s
        // into freshly faulted pages).
        if self.platform() == "cpu" && a.len() * std::mem::size_of::<T>() >= ALIGNED_PUT_MIN_BYTES {
            return self.put_aligned(&AlignedArray::try_from_array(a)?);
        }
        let standard = a.as_standard_layout();
        let slice = standard.as_slice().ok_or_else(|| {
            Error::arg(
                "Device::put",
                "a",
                "could not be made contiguous (internal error)",
            )
        })?;
        let buffer = self.client().buffer_from_host(
            pjrt::element_bytes(slice),
            T::DTYPE,
            a.shape(),
            self.ordinal,
        )?;
        let raw = RawBuffer {
            buffer,
            device: self.clone(),
            ty: TensorType::new(T::DTYPE, a.shape()),
        };
        Ok(DeviceArray::new(Arc::new(raw), a.raw_dim()))
    }

    /// Makes an array on this device from 64-byte aligned host memory without copying it (on
    /// the CPU plugin); the device array keeps the host memory alive. Other plugins copy.
    ///
    /// ```
    /// # fn main() -> ultrasound_metrics::Result<()> {
    /// use ndarray::array;
    /// use ultrasound_metrics::runtime::{AlignedArray, Device};
    /// let host = AlignedArray::from_array(&array![1.0f64, 2.0, 3.0]);
    /// let d = Device::cpu()?.put_aligned(&host)?;
    /// assert_eq!(d.to_ndarray()?, array![1.0, 2.0, 3.0]);
    /// # Ok(()) }
    /// ```
    pub fn put_aligned<T: Element, D: Dimension>(
        &self,
        a: &AlignedArray<T, D>,
    ) -> Result<DeviceArray<T, D>> {
        let buffer =
            self.client()
                .buffer_from_aligned(a.bytes().clone(), a.shape(), self.ordinal)?;
        let raw = RawBuffer {
            buffer,
            device: self.clone(),
            ty: TensorType::new(T::DTYPE, a.shape()),
        };
        Ok(DeviceArray::new(Arc::new(raw), a.raw_dim().clone()))
    }
}

/// From this size on, [`Device::put`] on the CPU plugin copies into aligned memory itself and
/// hands it over without a second copy.
const ALIGNED_PUT_MIN_BYTES: usize = 1 << 20;

impl PartialEq for Device {
    fn eq(&self, other: &Device) -> bool {
        Arc::ptr_eq(&self.backend, &other.backend) && self.ordinal == other.ordinal
    }
}

impl Eq for Device {}

impl Hash for Device {
    fn hash<H: Hasher>(&self, state: &mut H) {
        self.backend.plugin_path.hash(state);
        self.ordinal.hash(state);
    }
}

impl std::fmt::Display for Device {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}:{}", self.platform(), self.ordinal)
    }
}

impl std::fmt::Debug for Device {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Device")
            .field("platform", &self.platform())
            .field("ordinal", &self.ordinal)
            .field("plugin", &self.backend.plugin_path)
            .finish()
    }
}
