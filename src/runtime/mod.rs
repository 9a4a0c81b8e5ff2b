//! Stage 3 of the pipeline: **run**. PJRT devices, arrays on them, and the executable cache.
//!
//! - [`Device`]: one device of a PJRT plugin (`Device::cpu()` finds or installs the pinned CPU
//!   plugin; `Device::from_plugin` takes any plugin, e.g. CUDA).
//! - [`DeviceArray`]: a typed array on a device; [`Device::put`] copies an `ndarray` there,
//!   [`Device::put_aligned`] hands over an [`AlignedArray`] without copying, and
//!   [`DeviceArray::to_ndarray`] copies back.
//! - [`ShardedArray`]: an array split along one axis over several devices, with metrics run on
//!   every slab concurrently (XLA CPU runs one executable on one thread; the plugin exposes 4
//!   devices).
//! - The executable cache: each program is compiled once per (fingerprint, parameter types,
//!   device, plugin version), kept in memory, and serialized to disk so that later processes
//!   skip compilation ([`stats`], [`set_disk_cache`], [`disk_cache_dir`]).
//!
//! Environment: `UM_DISK_CACHE=0` switches the disk cache off; `UM_CACHE_DIR` moves the cache
//! directory (executables and the installed plugin); the plugin variables are described in
//! [`pjrt::plugin`](crate::pjrt::plugin).
//!
//! ```
//! # fn main() -> ultrasound_metrics::Result<()> {
//! use ultrasound_metrics::runtime::Device;
//! let dev = Device::cpu()?;
//! let x = dev.put(&ndarray::array![[1.0f32, 2.0], [3.0, 4.0]])?;
//! assert_eq!(x.to_ndarray()?, ndarray::array![[1.0, 2.0], [3.0, 4.0]]);
//! # Ok(()) }
//! ```

// All unsafe code of the crate lives in `crate::pjrt`.
#![forbid(unsafe_code)]

mod array;
mod cache;
mod device;
mod exec;
mod shard;
mod transfer;

pub use array::{AlignedArray, DeviceArray, RawBuffer, UntypedArray};
pub use cache::{
    clear_memory_cache, compiles_for_fingerprint, disk_cache_dir, disk_cache_enabled,
    evict_from_memory, memory_cache_limit, set_disk_cache, set_disk_cache_dir,
    set_memory_cache_limit, stats, CacheStats,
};
pub use device::Device;
pub(crate) use exec::execute;
pub use exec::{execute_text, TextProgram};
pub use shard::ShardedArray;
pub use transfer::{get_host, put_host};
