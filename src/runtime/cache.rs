//! The executable cache: in memory (per process) and on disk (across processes).
//!
//! Key: the program's fingerprint, its parameter types, the device (plugin path and ordinal) and
//! the plugin version. Racing threads on a cold key compile once: the map holds one
//! `OnceCell` per key, initialised outside the map's lock. A memory hit neither lowers the
//! program to StableHLO nor compiles.
//!
//! The memory cache is bounded: it holds at most [`memory_cache_limit`] executables (default
//! 512, `UM_EXE_CACHE_LIMIT`, [`set_memory_cache_limit`]); past that, the least recently used
//! ones are dropped (an execution in flight keeps its executable alive) and a later call loads
//! them again from disk or compiles them.
//!
//! On a memory miss, the disk cache is tried first (unless switched off): one file per key,
//! named by the key's sha256, holding the serialized executable:
//!
//! | bytes | content |
//! |---|---|
//! | 8 | magic `UMXLAEXE` |
//! | 4 | format version, little-endian `u32` (1) |
//! | 4 + n | plugin version string: length (LE `u32`) and UTF-8 bytes |
//! | 32 | sha256 of the cache key |
//! | 8 | payload length, LE `u64` |
//! | payload | `PJRT_Executable_Serialize` output |
//! | 32 | sha256 of the payload |
//!
//! An entry that is truncated, corrupt, from another format or plugin version, for another key,
//! or that the plugin refuses to load, is ignored: the program is compiled and the entry
//! overwritten. Files are written atomically (temporary file, then rename). No disk error ever
//! fails a call; it only costs a compilation.

use std::collections::HashMap;
use std::path::PathBuf;
use std::sync::atomic::{AtomicU64, AtomicU8, Ordering};
use std::sync::{Arc, Mutex};

use once_cell::sync::{Lazy, OnceCell};
use sha2::{Digest, Sha256};

use super::device::Device;
use crate::error::Result;
use crate::graph::TensorType;
use crate::pjrt::{self, plugin};

/// What the cache needs of a program. Implemented by [`Program`](crate::graph::Program) and by
/// the hand-written test program [`TextProgram`](super::TextProgram).
pub(crate) trait Compilable {
    fn name(&self) -> &str;
    fn params(&self) -> &[TensorType];
    fn outputs(&self) -> &[TensorType];
    fn fingerprint(&self) -> &str;
    fn to_stablehlo(&self) -> String;
}

impl Compilable for crate::graph::Program {
    fn name(&self) -> &str {
        crate::graph::Program::name(self)
    }
    fn params(&self) -> &[TensorType] {
        crate::graph::Program::params(self)
    }
    fn outputs(&self) -> &[TensorType] {
        crate::graph::Program::outputs(self)
    }
    fn fingerprint(&self) -> &str {
        crate::graph::Program::fingerprint(self)
    }
    fn to_stablehlo(&self) -> String {
        crate::graph::Program::to_stablehlo(self)
    }
}

#[derive(Clone, PartialEq, Eq, Hash)]
struct CacheKey {
    fingerprint: String,
    params: Vec<TensorType>,
    plugin_path: PathBuf,
    ordinal: usize,
    plugin_version: String,
}

impl CacheKey {
    fn new(device: &Device, program: &dyn Compilable) -> CacheKey {
        CacheKey {
            fingerprint: program.fingerprint().to_string(),
            params: program.params().to_vec(),
            plugin_path: device.plugin_path().to_path_buf(),
            ordinal: device.ordinal(),
            plugin_version: device.plugin_version().to_string(),
        }
    }

    /// sha256 of the key's canonical text.
    fn digest(&self) -> [u8; 32] {
        let params: Vec<String> = self.params.iter().map(|t| t.to_string()).collect();
        let text = format!(
            "ultrasound-metrics executable cache key v1\nfingerprint={}\nparams={}\nplugin={}\n\
             ordinal={}\nplugin_version={}\n",
            self.fingerprint,
            params.join(";"),
            self.plugin_path.display(),
            self.ordinal,
            self.plugin_version
        );
        Sha256::digest(text.as_bytes()).into()
    }
}

struct Entry {
    exe: OnceCell<Arc<pjrt::LoadedExecutable>>,
    /// [`TICK`] at the last lookup of this entry (for least-recently-used eviction).
    used: AtomicU64,
}

/// A counter ordering lookups, for least-recently-used eviction.
static TICK: AtomicU64 = AtomicU64::new(0);
/// The most executables held in memory (0: follow `UM_EXE_CACHE_LIMIT`, default
/// [`DEFAULT_MEMORY_LIMIT`]).
static MEMORY_LIMIT: AtomicU64 = AtomicU64::new(0);
/// Executables dropped from memory by the limit.
static EVICTIONS: AtomicU64 = AtomicU64::new(0);
const DEFAULT_MEMORY_LIMIT: usize = 512;

static MEMORY: Lazy<Mutex<HashMap<CacheKey, Arc<Entry>>>> =
    Lazy::new(|| Mutex::new(HashMap::new()));
/// Compilations per key, kept across [`clear_memory_cache`].
static PER_KEY: Lazy<Mutex<HashMap<CacheKey, u64>>> = Lazy::new(|| Mutex::new(HashMap::new()));

static COMPILE_NS: AtomicU64 = AtomicU64::new(0);
static DISK_LOAD_NS: AtomicU64 = AtomicU64::new(0);
static COMPILES: AtomicU64 = AtomicU64::new(0);
static MEMORY_HITS: AtomicU64 = AtomicU64::new(0);
static DISK_HITS: AtomicU64 = AtomicU64::new(0);
static DISK_WRITES: AtomicU64 = AtomicU64::new(0);
static DISK_REJECTS: AtomicU64 = AtomicU64::new(0);
static DISK_ERRORS: AtomicU64 = AtomicU64::new(0);

/// 0: follow `UM_DISK_CACHE`; 1: on; 2: off.
static DISK_SWITCH: AtomicU8 = AtomicU8::new(0);
static DISK_DIR: Mutex<Option<PathBuf>> = Mutex::new(None);

/// Counters of the executable cache, for the whole process. See [`stats`].
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct CacheStats {
    /// Programs compiled by a plugin (misses of both caches).
    pub compiles: u64,
    /// Executions whose executable was already in memory.
    pub memory_hits: u64,
    /// Executables loaded from the disk cache instead of compiled.
    pub disk_hits: u64,
    /// Executables written to the disk cache.
    pub disk_writes: u64,
    /// Disk entries ignored because they were truncated, corrupt, from another plugin version
    /// or refused by the plugin (each was rebuilt and overwritten).
    pub disk_rejects: u64,
    /// Disk-cache I/O errors (reading or writing); each only cost a compilation.
    pub disk_errors: u64,
    /// Executables held in memory now.
    pub memory_entries: usize,
    /// Executables dropped from memory because the cache held [`memory_cache_limit`] of them
    /// (least recently used first).
    pub memory_evictions: u64,
    /// The most compilations any single cache key has needed (1 unless the memory cache was
    /// cleared or a compilation failed and was retried).
    pub max_compiles_per_key: u64,
    /// Wall time spent in the plugin's compiler (`PJRT_Client_Compile`), all compilations
    /// together (lowering to StableHLO not included).
    pub compile_time: std::time::Duration,
    /// Wall time spent loading executables from the disk cache (reading, checking and
    /// `PJRT_Executable_DeserializeAndLoad`), all disk hits together.
    pub disk_load_time: std::time::Duration,
}

/// The executable cache's counters.
///
/// ```
/// let s = ultrasound_metrics::runtime::stats();
/// println!("{} compiled, {} memory hits, {} disk hits", s.compiles, s.memory_hits, s.disk_hits);
/// ```
pub fn stats() -> CacheStats {
    let memory_entries = MEMORY
        .lock()
        .unwrap_or_else(|e| e.into_inner())
        .values()
        .filter(|e| e.exe.get().is_some())
        .count();
    let max_compiles_per_key = PER_KEY
        .lock()
        .unwrap_or_else(|e| e.into_inner())
        .values()
        .copied()
        .max()
        .unwrap_or(0);
    CacheStats {
        compiles: COMPILES.load(Ordering::Relaxed),
        memory_hits: MEMORY_HITS.load(Ordering::Relaxed),
        disk_hits: DISK_HITS.load(Ordering::Relaxed),
        disk_writes: DISK_WRITES.load(Ordering::Relaxed),
        disk_rejects: DISK_REJECTS.load(Ordering::Relaxed),
        disk_errors: DISK_ERRORS.load(Ordering::Relaxed),
        memory_entries,
        memory_evictions: EVICTIONS.load(Ordering::Relaxed),
        max_compiles_per_key,
        compile_time: std::time::Duration::from_nanos(COMPILE_NS.load(Ordering::Relaxed)),
        disk_load_time: std::time::Duration::from_nanos(DISK_LOAD_NS.load(Ordering::Relaxed)),
    }
}

/// How many times programs with this fingerprint were compiled (all devices and parameter types
/// together), for tests.
///
/// ```
/// assert_eq!(ultrasound_metrics::runtime::compiles_for_fingerprint("never-seen"), 0);
/// ```
#[doc(hidden)]
pub fn compiles_for_fingerprint(fingerprint: &str) -> u64 {
    PER_KEY
        .lock()
        .unwrap_or_else(|e| e.into_inner())
        .iter()
        .filter(|(k, _)| k.fingerprint == fingerprint)
        .map(|(_, n)| n)
        .sum()
}

/// Switches the on-disk executable cache on or off for this process, overriding the
/// `UM_DISK_CACHE` environment variable (`UM_DISK_CACHE=0` switches it off by default).
///
/// ```
/// use ultrasound_metrics::runtime;
/// runtime::set_disk_cache(false);
/// assert!(!runtime::disk_cache_enabled());
/// # runtime::set_disk_cache(true);
/// ```
pub fn set_disk_cache(enabled: bool) {
    DISK_SWITCH.store(if enabled { 1 } else { 2 }, Ordering::Relaxed);
}

/// Whether the on-disk executable cache is used: [`set_disk_cache`] if it was called, else
/// true unless `UM_DISK_CACHE=0`.
///
/// ```
/// println!("{}", ultrasound_metrics::runtime::disk_cache_enabled());
/// ```
pub fn disk_cache_enabled() -> bool {
    match DISK_SWITCH.load(Ordering::Relaxed) {
        1 => true,
        2 => false,
        _ => std::env::var_os("UM_DISK_CACHE").map_or(true, |v| v != "0"),
    }
}

/// Sets the directory of the on-disk executable cache for this process (`None`: back to the
/// default, see [`disk_cache_dir`]).
///
/// ```
/// use ultrasound_metrics::runtime;
/// runtime::set_disk_cache_dir(Some(std::env::temp_dir().join("um-exe-cache")));
/// assert!(runtime::disk_cache_dir().ends_with("um-exe-cache"));
/// # runtime::set_disk_cache_dir(None);
/// ```
pub fn set_disk_cache_dir(dir: Option<PathBuf>) {
    *DISK_DIR.lock().unwrap_or_else(|e| e.into_inner()) = dir;
}

/// The directory of the on-disk executable cache: the one given to [`set_disk_cache_dir`], else
/// `executables/` in the user cache directory (`$UM_CACHE_DIR`, `$XDG_CACHE_HOME/ultrasound-metrics`
/// or `~/.cache/ultrasound-metrics`), else (no such variable set)
/// `<temp dir>/ultrasound-metrics/executables`.
///
/// ```
/// println!("executables cached in {}", ultrasound_metrics::runtime::disk_cache_dir().display());
/// ```
pub fn disk_cache_dir() -> PathBuf {
    if let Some(d) = DISK_DIR.lock().unwrap_or_else(|e| e.into_inner()).clone() {
        return d;
    }
    plugin::user_cache_dir()
        .unwrap_or_else(|| std::env::temp_dir().join("ultrasound-metrics"))
        .join("executables")
}

/// Sets the most executables the in-memory cache holds (at least 1); past it the least recently
/// used are dropped. Overrides `UM_EXE_CACHE_LIMIT`; the default is 512.
///
/// ```
/// use ultrasound_metrics::runtime;
/// runtime::set_memory_cache_limit(64);
/// assert_eq!(runtime::memory_cache_limit(), 64);
/// # runtime::set_memory_cache_limit(512);
/// ```
pub fn set_memory_cache_limit(limit: usize) {
    MEMORY_LIMIT.store(limit.max(1) as u64, Ordering::Relaxed);
    let mut map = MEMORY.lock().unwrap_or_else(|e| e.into_inner());
    evict_over_limit(&mut map, limit.max(1));
}

/// The most executables the in-memory cache holds: [`set_memory_cache_limit`] if it was called,
/// else `UM_EXE_CACHE_LIMIT` (a positive integer), else 512.
///
/// ```
/// assert!(ultrasound_metrics::runtime::memory_cache_limit() >= 1);
/// ```
pub fn memory_cache_limit() -> usize {
    match MEMORY_LIMIT.load(Ordering::Relaxed) {
        0 => std::env::var("UM_EXE_CACHE_LIMIT")
            .ok()
            .and_then(|v| v.trim().parse::<usize>().ok())
            .filter(|&n| n > 0)
            .unwrap_or(DEFAULT_MEMORY_LIMIT),
        n => n as usize,
    }
}

/// Drops the least recently used entries until at most `limit` remain.
fn evict_over_limit(map: &mut HashMap<CacheKey, Arc<Entry>>, limit: usize) {
    if map.len() <= limit {
        return;
    }
    let mut by_use: Vec<(u64, CacheKey)> = map
        .iter()
        .map(|(k, e)| (e.used.load(Ordering::Relaxed), k.clone()))
        .collect();
    by_use.sort_unstable_by_key(|(t, _)| *t);
    let excess = map.len() - limit;
    for (_, k) in by_use.into_iter().take(excess) {
        map.remove(&k);
        EVICTIONS.fetch_add(1, Ordering::Relaxed);
    }
}

/// Drops every executable held in memory (the disk cache is kept); later executions load or
/// compile again.
///
/// ```
/// ultrasound_metrics::runtime::clear_memory_cache();
/// assert_eq!(ultrasound_metrics::runtime::stats().memory_entries, 0);
/// ```
pub fn clear_memory_cache() {
    MEMORY.lock().unwrap_or_else(|e| e.into_inner()).clear();
}

/// Drops the in-memory executables of programs with this fingerprint (for tests).
///
/// ```
/// ultrasound_metrics::runtime::evict_from_memory("never-seen");
/// ```
#[doc(hidden)]
pub fn evict_from_memory(fingerprint: &str) {
    MEMORY
        .lock()
        .unwrap_or_else(|e| e.into_inner())
        .retain(|k, _| k.fingerprint != fingerprint);
}

/// The loaded executable of `program` for `device`: from memory, else from disk, else compiled.
pub(crate) fn executable(
    device: &Device,
    program: &dyn Compilable,
) -> Result<Arc<pjrt::LoadedExecutable>> {
    let key = CacheKey::new(device, program);
    let tick = TICK.fetch_add(1, Ordering::Relaxed);
    let entry = {
        let mut map = MEMORY.lock().unwrap_or_else(|e| e.into_inner());
        let entry = match map.get(&key) {
            Some(e) => e.clone(),
            None => {
                let e = Arc::new(Entry {
                    exe: OnceCell::new(),
                    used: AtomicU64::new(tick),
                });
                map.insert(key.clone(), e.clone());
                // the new entry is the most recent: it is never the one dropped
                evict_over_limit(&mut map, memory_cache_limit());
                e
            }
        };
        entry.used.store(tick, Ordering::Relaxed);
        entry
    };
    let mut loaded_here = false;
    let exe = entry.exe.get_or_try_init(|| {
        loaded_here = true;
        load_or_compile(device, program, &key)
    })?;
    if !loaded_here {
        MEMORY_HITS.fetch_add(1, Ordering::Relaxed);
    }
    Ok(exe.clone())
}

fn load_or_compile(
    device: &Device,
    program: &dyn Compilable,
    key: &CacheKey,
) -> Result<Arc<pjrt::LoadedExecutable>> {
    let digest = key.digest();
    let disk_path = if disk_cache_enabled() {
        Some(disk_cache_dir().join(format!("{}.xla", plugin::hex(&digest))))
    } else {
        None
    };
    if let Some(path) = &disk_path {
        let started = std::time::Instant::now();
        match read_entry(path, &key.plugin_version, &digest) {
            Ok(payload) => match load_checked(device, program, &payload) {
                Some(exe) => {
                    DISK_HITS.fetch_add(1, Ordering::Relaxed);
                    add_elapsed(&DISK_LOAD_NS, started);
                    return Ok(Arc::new(exe));
                }
                None => {
                    DISK_REJECTS.fetch_add(1, Ordering::Relaxed);
                }
            },
            Err(ReadError::Missing) => {}
            Err(ReadError::Invalid(_)) => {
                DISK_REJECTS.fetch_add(1, Ordering::Relaxed);
            }
            Err(ReadError::Io(_)) => {
                DISK_ERRORS.fetch_add(1, Ordering::Relaxed);
            }
        }
    }
    let text = program.to_stablehlo();
    let started = std::time::Instant::now();
    let exe = device
        .client()
        .compile(&text, &pjrt::CompileOptions::for_device(device.device_id()))?;
    add_elapsed(&COMPILE_NS, started);
    COMPILES.fetch_add(1, Ordering::Relaxed);
    device.backend().compiles.fetch_add(1, Ordering::Relaxed);
    *PER_KEY
        .lock()
        .unwrap_or_else(|e| e.into_inner())
        .entry(key.clone())
        .or_insert(0) += 1;
    if let Some(path) = &disk_path {
        let written = exe
            .serialize()
            .ok()
            .and_then(|payload| write_entry(path, &key.plugin_version, &digest, &payload).ok());
        if written.is_some() {
            DISK_WRITES.fetch_add(1, Ordering::Relaxed);
        } else {
            DISK_ERRORS.fetch_add(1, Ordering::Relaxed);
        }
    }
    Ok(Arc::new(exe))
}

/// Adds the time since `started` to a nanosecond counter.
fn add_elapsed(counter: &AtomicU64, started: std::time::Instant) {
    let ns = u64::try_from(started.elapsed().as_nanos()).unwrap_or(u64::MAX);
    counter.fetch_add(ns, Ordering::Relaxed);
}

/// Deserializes a disk entry and checks that it fits: the right device and output count.
fn load_checked(
    device: &Device,
    program: &dyn Compilable,
    payload: &[u8],
) -> Option<pjrt::LoadedExecutable> {
    let exe = device.client().deserialize_and_load(payload).ok()?;
    if exe.num_outputs() != program.outputs().len() {
        return None;
    }
    match exe.device_ordinals() {
        Ok(ordinals) if ordinals == [device.ordinal()] => Some(exe),
        _ => None,
    }
}

const MAGIC: &[u8; 8] = b"UMXLAEXE";
const FORMAT_VERSION: u32 = 1;

#[derive(Debug)]
enum ReadError {
    Missing,
    Io(#[allow(dead_code)] std::io::Error),
    Invalid(#[allow(dead_code)] &'static str),
}

/// Serializes a disk-cache entry (see the module docs for the layout).
fn encode_entry(plugin_version: &str, digest: &[u8; 32], payload: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(payload.len() + plugin_version.len() + 96);
    out.extend_from_slice(MAGIC);
    out.extend_from_slice(&FORMAT_VERSION.to_le_bytes());
    out.extend_from_slice(&(plugin_version.len() as u32).to_le_bytes());
    out.extend_from_slice(plugin_version.as_bytes());
    out.extend_from_slice(digest);
    out.extend_from_slice(&(payload.len() as u64).to_le_bytes());
    out.extend_from_slice(payload);
    out.extend_from_slice(&Sha256::digest(payload));
    out
}

/// Parses and validates a disk-cache entry, returning its payload.
fn decode_entry<'a>(
    bytes: &'a [u8],
    plugin_version: &str,
    digest: &[u8; 32],
) -> std::result::Result<&'a [u8], &'static str> {
    fn take<'b>(b: &mut &'b [u8], n: usize) -> std::result::Result<&'b [u8], &'static str> {
        if b.len() < n {
            return Err("truncated");
        }
        let (head, tail) = b.split_at(n);
        *b = tail;
        Ok(head)
    }
    let mut b = bytes;
    if take(&mut b, 8)? != MAGIC {
        return Err("bad magic");
    }
    let version = u32::from_le_bytes(take(&mut b, 4)?.try_into().map_err(|_| "truncated")?);
    if version != FORMAT_VERSION {
        return Err("other format version");
    }
    let vlen = u32::from_le_bytes(take(&mut b, 4)?.try_into().map_err(|_| "truncated")?);
    if take(&mut b, vlen as usize)? != plugin_version.as_bytes() {
        return Err("other plugin version");
    }
    if take(&mut b, 32)? != digest {
        return Err("other key");
    }
    let plen = u64::from_le_bytes(take(&mut b, 8)?.try_into().map_err(|_| "truncated")?);
    let plen = usize::try_from(plen).map_err(|_| "bad length")?;
    if b.len() != plen.checked_add(32).ok_or("bad length")? {
        return Err("truncated or trailing bytes");
    }
    let (payload, sum) = b.split_at(plen);
    if Sha256::digest(payload).as_slice() != sum {
        return Err("payload checksum mismatch");
    }
    Ok(payload)
}

fn read_entry(
    path: &std::path::Path,
    plugin_version: &str,
    digest: &[u8; 32],
) -> std::result::Result<Vec<u8>, ReadError> {
    let bytes = match std::fs::read(path) {
        Ok(b) => b,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Err(ReadError::Missing),
        Err(e) => return Err(ReadError::Io(e)),
    };
    decode_entry(&bytes, plugin_version, digest)
        .map(<[u8]>::to_vec)
        .map_err(ReadError::Invalid)
}

fn write_entry(
    path: &std::path::Path,
    plugin_version: &str,
    digest: &[u8; 32],
    payload: &[u8],
) -> std::io::Result<()> {
    if let Some(dir) = path.parent() {
        std::fs::create_dir_all(dir)?;
    }
    plugin::write_atomic(path, &encode_entry(plugin_version, digest, payload))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn entry_round_trip_and_rejections() {
        let digest = [7u8; 32];
        let payload = b"serialized executable".to_vec();
        let e = encode_entry("xla-cpu-pjrt-0.0.1", &digest, &payload);
        assert_eq!(
            decode_entry(&e, "xla-cpu-pjrt-0.0.1", &digest).unwrap(),
            &payload[..]
        );
        assert_eq!(
            decode_entry(&e, "xla-cpu-pjrt-0.0.2", &digest),
            Err("other plugin version")
        );
        assert_eq!(
            decode_entry(&e, "xla-cpu-pjrt-0.0.1", &[8u8; 32]),
            Err("other key")
        );
        for cut in [0, 5, 20, e.len() - 1] {
            assert!(decode_entry(&e[..cut], "xla-cpu-pjrt-0.0.1", &digest).is_err());
        }
        let mut corrupt = e.clone();
        let n = corrupt.len();
        corrupt[n - 40] ^= 1;
        assert_eq!(
            decode_entry(&corrupt, "xla-cpu-pjrt-0.0.1", &digest),
            Err("payload checksum mismatch")
        );
        let mut longer = e.clone();
        longer.push(0);
        assert!(decode_entry(&longer, "xla-cpu-pjrt-0.0.1", &digest).is_err());
        let mut magic = e;
        magic[0] = b'X';
        assert_eq!(
            decode_entry(&magic, "xla-cpu-pjrt-0.0.1", &digest),
            Err("bad magic")
        );
    }
}
