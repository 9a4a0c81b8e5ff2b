//! Loading a plugin and calling through its `PJRT_Api` function table.

use std::collections::HashMap;
use std::mem::{offset_of, size_of};
use std::path::{Path, PathBuf};
use std::sync::Mutex;

use once_cell::sync::Lazy;

use super::sys;
use crate::error::{Error, PjrtCode, Result};

/// The oldest minor version of the PJRT C API (major 0) that this crate accepts from a plugin.
///
/// Newer plugins are accepted (their argument structs may be larger than ours, which the C API
/// allows); every function is additionally checked to lie inside the plugin's `PJRT_Api` table
/// before it is called. Tested with 0.81 (`xla-cpu-pjrt` 0.0.1), 0.106 and 0.116.
pub const MIN_API_MINOR: u32 = 60;

/// The `PJRT_Error_Code` this crate reports when a plugin lacks a function it needs.
pub(crate) const CODE_UNIMPLEMENTED: PjrtCode = PjrtCode(12);

/// A loaded PJRT plugin: its function table, checked for version and initialised.
///
/// Obtained with [`Api::load`]; lives for the rest of the process (the shared library is never
/// unloaded, as PJRT plugins do not support it).
#[doc(hidden)]
pub struct Api {
    raw: *const sys::PJRT_Api,
    /// The loaded library, never unloaded; kept here so that it stays reachable (a leak
    /// checker would otherwise report the one intentional leak as lost).
    _library: &'static libloading::Library,
    path: PathBuf,
    version: (u32, u32),
}

// SAFETY: the function table is immutable static data of the plugin; PJRT functions are
// thread-safe (the C API is designed for concurrent use from many threads).
unsafe impl Send for Api {}
// SAFETY: see above.
unsafe impl Sync for Api {}

impl std::fmt::Debug for Api {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Api")
            .field("path", &self.path)
            .field("version", &self.version)
            .finish()
    }
}

/// Plugins loaded so far, by canonical path. Each is loaded and initialised once.
static LOADED: Lazy<Mutex<HashMap<PathBuf, &'static Api>>> =
    Lazy::new(|| Mutex::new(HashMap::new()));

/// Checks a plugin's reported API version against what this crate needs.
pub(crate) fn check_version(major: i64, minor: i64) -> std::result::Result<(), String> {
    if major != i64::from(sys::PJRT_API_MAJOR) || minor < i64::from(MIN_API_MINOR) {
        return Err(format!(
            "incompatible PJRT C API version {major}.{minor}: this crate needs {}.{} or a newer \
             {}.x",
            sys::PJRT_API_MAJOR,
            MIN_API_MINOR,
            sys::PJRT_API_MAJOR
        ));
    }
    Ok(())
}

impl Api {
    /// Loads the PJRT plugin at `path` (once per process; later calls with the same file return
    /// the same table), checks its API version and calls `PJRT_Plugin_Initialize`.
    ///
    /// Sets `TF_CPP_MIN_LOG_LEVEL=3` first if it is unset, which silences the plugin's logging.
    /// Every failure (no such file, not a shared library, no `GetPjrtApi`, wrong API version,
    /// failed initialisation) is an [`Error::PluginLoad`]; nothing here aborts the process.
    ///
    /// ```
    /// use ultrasound_metrics::pjrt::Api;
    /// let err = Api::load(std::path::Path::new("/no/such/plugin.so")).unwrap_err();
    /// assert!(matches!(err, ultrasound_metrics::Error::PluginLoad { .. }));
    /// ```
    pub fn load(path: &Path) -> Result<&'static Api> {
        let canonical = std::fs::canonicalize(path).map_err(|e| Error::PluginLoad {
            path: path.to_path_buf(),
            problem: format!("cannot open the file: {e}"),
        })?;
        let mut loaded = LOADED.lock().unwrap_or_else(|e| e.into_inner());
        if let Some(api) = loaded.get(&canonical) {
            return Ok(api);
        }
        let api: &'static Api = Box::leak(Box::new(Api::load_uncached(&canonical)?));
        loaded.insert(canonical, api);
        Ok(api)
    }

    fn load_uncached(path: &Path) -> Result<Api> {
        let fail = |problem: String| Error::PluginLoad {
            path: path.to_path_buf(),
            problem,
        };
        if !path.is_file() {
            return Err(fail("not a regular file".into()));
        }
        if std::env::var_os("TF_CPP_MIN_LOG_LEVEL").is_none() {
            std::env::set_var("TF_CPP_MIN_LOG_LEVEL", "3");
        }
        // SAFETY: loading a shared library runs its initialisers. This is the documented purpose
        // of this function: the caller names a PJRT plugin; a file that is not a shared library
        // is rejected by the dynamic loader with an error.
        let lib = unsafe { libloading::Library::new(path) }
            .map_err(|e| fail(format!("not a loadable shared library: {e}")))?;
        // Never unload: PJRT plugins keep threads and static state that outlive any handle.
        let lib: &'static libloading::Library = Box::leak(Box::new(lib));
        type GetPjrtApi = unsafe extern "C" fn() -> *const sys::PJRT_Api;
        // SAFETY: `GetPjrtApi` has this signature in every PJRT plugin (pjrt_c_api.h).
        let get: libloading::Symbol<'static, GetPjrtApi> = unsafe { lib.get(b"GetPjrtApi\0") }
            .map_err(|e| {
                fail(format!(
                    "the library has no `GetPjrtApi` symbol, so it is not a PJRT plugin ({e})"
                ))
            })?;
        // SAFETY: calling the plugin's entry point; it takes no arguments.
        let raw = unsafe { get() };
        if raw.is_null() {
            return Err(fail("GetPjrtApi returned NULL".into()));
        }
        // SAFETY: `raw` points at the plugin's static `PJRT_Api`, whose first field is always
        // `struct_size`.
        let struct_size = unsafe { std::ptr::addr_of!((*raw).struct_size).read() };
        let needed =
            offset_of!(sys::PJRT_Api, pjrt_api_version) + size_of::<sys::PJRT_Api_Version>();
        if struct_size < needed {
            return Err(fail(format!(
                "the PJRT_Api table is too small ({struct_size} bytes) to hold a version"
            )));
        }
        // SAFETY: checked just above that the version lies inside the table.
        let version = unsafe { std::ptr::addr_of!((*raw).pjrt_api_version).read() };
        let (major, minor) = (
            i64::from(version.major_version),
            i64::from(version.minor_version),
        );
        check_version(major, minor).map_err(fail)?;
        let api = Api {
            raw,
            _library: lib,
            path: path.to_path_buf(),
            version: (major as u32, minor as u32),
        };
        // The error functions are used to report every failure; they must be there.
        for (offset, name) in [
            (
                offset_of!(sys::PJRT_Api, PJRT_Error_Destroy),
                "PJRT_Error_Destroy",
            ),
            (
                offset_of!(sys::PJRT_Api, PJRT_Error_Message),
                "PJRT_Error_Message",
            ),
            (
                offset_of!(sys::PJRT_Api, PJRT_Error_GetCode),
                "PJRT_Error_GetCode",
            ),
        ] {
            api.has_function(offset, name)
                .map_err(|e| fail(e.to_string()))?;
        }
        if api
            .has_function(
                offset_of!(sys::PJRT_Api, PJRT_Plugin_Initialize),
                "PJRT_Plugin_Initialize",
            )
            .is_ok()
        {
            let mut args = sys::PJRT_Plugin_Initialize_Args {
                struct_size: sys::PJRT_Plugin_Initialize_Args_STRUCT_SIZE as usize,
                ..Default::default()
            };
            // SAFETY: `args` is a valid, fully initialised argument struct.
            unsafe { pjrt_call!(&api, PJRT_Plugin_Initialize, &mut args) }
                .map_err(|e| fail(format!("PJRT_Plugin_Initialize failed: {e}")))?;
        }
        Ok(api)
    }

    /// The plugin file this table was loaded from (canonical path).
    ///
    /// ```
    /// # fn main() -> ultrasound_metrics::Result<()> {
    /// let path = ultrasound_metrics::pjrt::plugin::ensure_cpu_plugin()?;
    /// let api = ultrasound_metrics::pjrt::Api::load(&path)?;
    /// println!("{}", api.path().display());
    /// # Ok(()) }
    /// ```
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// The PJRT C API version the plugin reports, as `(major, minor)`.
    ///
    /// ```
    /// # fn main() -> ultrasound_metrics::Result<()> {
    /// let path = ultrasound_metrics::pjrt::plugin::ensure_cpu_plugin()?;
    /// let (major, minor) = ultrasound_metrics::pjrt::Api::load(&path)?.version();
    /// assert_eq!(major, 0);
    /// # Ok(()) }
    /// ```
    pub fn version(&self) -> (u32, u32) {
        self.version
    }

    /// The raw table, for the `pjrt_call!` macro.
    pub(crate) fn raw(&self) -> *const sys::PJRT_Api {
        self.raw
    }

    /// Checks that the function pointer at `offset` in the table lies inside the plugin's table
    /// (`offset + size < struct_size`), so that reading it is defined.
    pub(crate) fn has_function(&self, offset: usize, name: &'static str) -> Result<()> {
        // SAFETY: `struct_size` is the first field of every `PJRT_Api`.
        let struct_size = unsafe { std::ptr::addr_of!((*self.raw).struct_size).read() };
        if offset + size_of::<usize>() > struct_size {
            return Err(self.missing(name));
        }
        Ok(())
    }

    /// The error for a function that this plugin does not provide.
    pub(crate) fn missing(&self, name: &'static str) -> Error {
        Error::Pjrt {
            call: name,
            code: CODE_UNIMPLEMENTED,
            message: format!(
                "the plugin {} (PJRT C API {}.{}) does not provide {name}",
                self.path.display(),
                self.version.0,
                self.version.1
            ),
        }
    }

    /// Turns a returned `PJRT_Error*` into a `Result`, copying the message and code out and then
    /// destroying the error.
    ///
    /// # Safety
    /// `err` must be NULL or an error returned by this plugin that has not been destroyed.
    pub(crate) unsafe fn check(&self, call: &'static str, err: *mut sys::PJRT_Error) -> Result<()> {
        if err.is_null() {
            return Ok(());
        }
        // SAFETY: forwarded from the caller.
        let (code, message) = unsafe { self.take_error(err) };
        Err(Error::Pjrt {
            call,
            code,
            message,
        })
    }

    /// Reads an error's code and message and destroys it.
    ///
    /// # Safety
    /// `err` must be a live, non-NULL error of this plugin.
    unsafe fn take_error(&self, err: *mut sys::PJRT_Error) -> (PjrtCode, String) {
        // The three error functions were checked to exist in `load_uncached`.
        // SAFETY: offsets checked at load; pointers read from inside the table.
        let (destroy, message_fn, get_code) = unsafe {
            (
                std::ptr::addr_of!((*self.raw).PJRT_Error_Destroy).read(),
                std::ptr::addr_of!((*self.raw).PJRT_Error_Message).read(),
                std::ptr::addr_of!((*self.raw).PJRT_Error_GetCode).read(),
            )
        };
        let mut message = String::from("(the plugin gave no message)");
        if let Some(f) = message_fn {
            let mut args = sys::PJRT_Error_Message_Args {
                struct_size: sys::PJRT_Error_Message_Args_STRUCT_SIZE as usize,
                error: err,
                ..Default::default()
            };
            // SAFETY: `err` is live; the message stays valid until the error is destroyed, and
            // is copied before that.
            unsafe {
                f(&mut args);
                if !args.message.is_null() {
                    let bytes =
                        std::slice::from_raw_parts(args.message as *const u8, args.message_size);
                    message = String::from_utf8_lossy(bytes).into_owned();
                }
            }
        }
        let mut code = PjrtCode(2);
        if let Some(f) = get_code {
            let mut args = sys::PJRT_Error_GetCode_Args {
                struct_size: sys::PJRT_Error_GetCode_Args_STRUCT_SIZE as usize,
                error: err,
                ..Default::default()
            };
            // SAFETY: `err` is live.
            let inner = unsafe { f(&mut args) };
            if inner.is_null() {
                code = PjrtCode(args.code as i32);
            } else if let Some(d) = destroy {
                let mut dargs = sys::PJRT_Error_Destroy_Args {
                    struct_size: sys::PJRT_Error_Destroy_Args_STRUCT_SIZE as usize,
                    error: inner,
                    ..Default::default()
                };
                // SAFETY: `inner` is a fresh error owned by us.
                unsafe { d(&mut dargs) };
            }
        }
        if let Some(d) = destroy {
            let mut args = sys::PJRT_Error_Destroy_Args {
                struct_size: sys::PJRT_Error_Destroy_Args_STRUCT_SIZE as usize,
                error: err,
                ..Default::default()
            };
            // SAFETY: `err` is live and destroyed exactly once, here.
            unsafe { d(&mut args) };
        }
        (code, message)
    }

    /// Awaits a PJRT event and destroys it. A NULL event is ready by definition.
    ///
    /// # Safety
    /// `event` must be NULL or a live event of this plugin, owned by the caller.
    pub(crate) unsafe fn await_and_destroy(
        &self,
        call: &'static str,
        event: *mut sys::PJRT_Event,
    ) -> Result<()> {
        if event.is_null() {
            return Ok(());
        }
        // SAFETY: `event` is live (caller's contract).
        unsafe { self.spin_until_ready(event) };
        let mut args = sys::PJRT_Event_Await_Args {
            struct_size: sys::PJRT_Event_Await_Args_STRUCT_SIZE as usize,
            event,
            ..Default::default()
        };
        // SAFETY: `event` is live (caller's contract).
        let awaited =
            unsafe { pjrt_call!(self, PJRT_Event_Await, &mut args) }.map_err(|e| match e {
                Error::Pjrt { code, message, .. } => Error::Pjrt {
                    call,
                    code,
                    message,
                },
                other => other,
            });
        // SAFETY: destroyed exactly once.
        unsafe { self.destroy_event(event) };
        awaited
    }

    /// Polls `event` for a short while (`PJRT_Event_IsReady`) before the caller blocks on it.
    ///
    /// The CPU plugin runs every executable above a tiny cost estimate on its worker pool and
    /// signals the event from there; a caller that blocks at once sleeps in the kernel and pays
    /// a wake-up (tens of µs on small VMs) on top of the work. Polling first keeps short
    /// executions short; long ones fall through to the blocking await after the spin budget,
    /// so no more than that budget of one core is spent per call.
    ///
    /// # Safety
    /// `event` must be a live event of this plugin.
    unsafe fn spin_until_ready(&self, event: *mut sys::PJRT_Event) {
        let budget = spin_budget();
        if budget.is_zero() {
            return;
        }
        let start = std::time::Instant::now();
        loop {
            let mut args = sys::PJRT_Event_IsReady_Args {
                struct_size: sys::PJRT_Event_IsReady_Args_STRUCT_SIZE as usize,
                event,
                ..Default::default()
            };
            // SAFETY: `event` is live (caller's contract).
            match unsafe { pjrt_call!(self, PJRT_Event_IsReady, &mut args) } {
                Ok(()) if !args.is_ready => {}
                // ready, or the plugin cannot tell: the blocking await decides
                _ => return,
            }
            if start.elapsed() >= budget {
                return;
            }
            std::hint::spin_loop();
        }
    }

    /// Destroys an event without waiting for it, ignoring errors.
    ///
    /// # Safety
    /// `event` must be NULL or a live event of this plugin, owned by the caller.
    pub(crate) unsafe fn destroy_event(&self, event: *mut sys::PJRT_Event) {
        if event.is_null() {
            return;
        }
        let mut args = sys::PJRT_Event_Destroy_Args {
            struct_size: sys::PJRT_Event_Destroy_Args_STRUCT_SIZE as usize,
            event,
            ..Default::default()
        };
        // SAFETY: caller's contract.
        let _ = unsafe { pjrt_call!(self, PJRT_Event_Destroy, &mut args) };
        super::counters::EVENTS.destroyed();
    }
}

/// How long [`Api::spin_until_ready`] polls before blocking: `UM_PJRT_SPIN_US` microseconds
/// (default 50; 0 blocks at once), read once.
fn spin_budget() -> std::time::Duration {
    static BUDGET: once_cell::sync::Lazy<std::time::Duration> = once_cell::sync::Lazy::new(|| {
        let us = std::env::var("UM_PJRT_SPIN_US")
            .ok()
            .and_then(|v| v.trim().parse::<u64>().ok())
            .unwrap_or(50);
        std::time::Duration::from_micros(us)
    });
    *BUDGET
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn version_check() {
        assert!(check_version(0, 81).is_ok());
        assert!(check_version(0, 116).is_ok());
        assert!(check_version(0, i64::from(MIN_API_MINOR)).is_ok());
        assert!(check_version(0, i64::from(MIN_API_MINOR) - 1).is_err());
        let e = check_version(1, 0).unwrap_err();
        assert!(e.contains("incompatible PJRT C API version 1.0"), "{e}");
    }
}
