//! Diagnostics: how many PJRT objects this crate has created and destroyed, per kind.
//!
//! One pair of relaxed atomic counters per kind, bumped where the wrapper takes ownership of a
//! plugin object and where it destroys it. A count of live objects that keeps growing over a long
//! run is a leak; the memory tests and `examples/soak.rs` check that it does not.

use std::sync::atomic::{AtomicU64, Ordering};

/// Created and destroyed counts of one kind of PJRT object.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct ObjectCount {
    /// Objects taken over from the plugin so far.
    pub created: u64,
    /// Objects destroyed so far.
    pub destroyed: u64,
}

impl ObjectCount {
    /// Objects alive now (`created - destroyed`).
    ///
    /// ```
    /// use ultrasound_metrics::pjrt::ObjectCount;
    /// assert_eq!(ObjectCount { created: 5, destroyed: 3 }.live(), 2);
    /// ```
    pub fn live(&self) -> u64 {
        self.created.saturating_sub(self.destroyed)
    }
}

/// The PJRT objects of the whole process, by kind; see [`object_counts`].
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct ObjectCounts {
    /// `PJRT_Client`s.
    pub clients: ObjectCount,
    /// `PJRT_LoadedExecutable`s (compiled or loaded from the disk cache).
    pub executables: ObjectCount,
    /// `PJRT_Executable` views (taken briefly to read an executable's properties).
    pub executable_views: ObjectCount,
    /// `PJRT_Buffer`s (inputs, outputs, zero-copy buffers).
    pub buffers: ObjectCount,
    /// `PJRT_Event`s (transfer and execution completion).
    pub events: ObjectCount,
}

/// How many PJRT objects of each kind this process has created and destroyed: a diagnostics
/// API for leak checks. Each count is two relaxed atomic increments per object; the numbers are
/// exact once no other thread is creating or destroying objects.
///
/// ```
/// # fn main() -> ultrasound_metrics::Result<()> {
/// use ultrasound_metrics::{pjrt, Device};
/// let dev = Device::cpu()?;
/// let before = pjrt::object_counts();
/// let x = dev.put(&ndarray::array![1.0f32, 2.0])?;
/// assert_eq!(x.to_ndarray()?, ndarray::array![1.0, 2.0]);
/// drop(x);
/// let after = pjrt::object_counts();
/// assert!(after.buffers.created > before.buffers.created);
/// assert!(after.events.created > before.events.created);
/// # Ok(()) }
/// ```
pub fn object_counts() -> ObjectCounts {
    ObjectCounts {
        clients: CLIENTS.get(),
        executables: EXECUTABLES.get(),
        executable_views: VIEWS.get(),
        buffers: BUFFERS.get(),
        events: EVENTS.get(),
    }
}

pub(crate) struct Counter {
    created: AtomicU64,
    destroyed: AtomicU64,
}

impl Counter {
    const fn new() -> Counter {
        Counter {
            created: AtomicU64::new(0),
            destroyed: AtomicU64::new(0),
        }
    }

    pub(crate) fn created(&self) {
        self.created.fetch_add(1, Ordering::Relaxed);
    }

    pub(crate) fn destroyed(&self) {
        self.destroyed.fetch_add(1, Ordering::Relaxed);
    }

    fn get(&self) -> ObjectCount {
        // Read while other threads may be counting: `live` saturates at zero.
        let destroyed = self.destroyed.load(Ordering::Relaxed);
        ObjectCount {
            created: self.created.load(Ordering::Relaxed),
            destroyed,
        }
    }
}

pub(crate) static CLIENTS: Counter = Counter::new();
pub(crate) static EXECUTABLES: Counter = Counter::new();
pub(crate) static VIEWS: Counter = Counter::new();
pub(crate) static BUFFERS: Counter = Counter::new();
pub(crate) static EVENTS: Counter = Counter::new();
