//! Finding, and if needed installing, the pinned PJRT CPU plugin.
//!
//! The CPU backend uses the `xla_cpu_pjrt.so` plugin from the PyPI wheel
//! `xla-cpu-pjrt==0.0.1` (the OpenXLA authors' build, PJRT C API 0.81). [`ensure_cpu_plugin`]
//! looks for it, in order, at:
//!
//! 1. `$UM_PJRT_PLUGIN` — a path to any PJRT plugin `.so`; if set, it must exist;
//! 2. `./.um-cache/pjrt/xla-cpu-pjrt-0.0.1/xla_cpu_pjrt.so` (project-local, relative to the
//!    working directory);
//! 3. the user cache: `$UM_CACHE_DIR`, else `$XDG_CACHE_HOME/ultrasound-metrics`, else
//!    `~/.cache/ultrasound-metrics`, followed by `/pjrt/xla-cpu-pjrt-0.0.1/xla_cpu_pjrt.so`;
//! 4. Python's site-packages (`python3`, or `$UM_PYTHON`, is asked for
//!    `site.getsitepackages()` and `site.getusersitepackages()`):
//!    `xla_plugins/xla_cpu_pjrt/xla_cpu_pjrt.so`, where `pip install xla-cpu-pjrt==0.0.1` puts it.
//!
//! If none exists it installs the plugin into the user cache ([`install_cpu_plugin`]): the wheel
//! is fetched with `python3 -m pip download` (so pip's own index configuration applies), its
//! sha256 checked against the pinned value, and the `.so` extracted. Offline, point
//! `$UM_PJRT_WHEEL` at an already-downloaded wheel; set `UM_PJRT_NO_DOWNLOAD=1` to forbid
//! downloading altogether.

use std::ffi::OsString;
use std::fs::File;
use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Mutex;

use sha2::{Digest, Sha256};

use crate::error::{Error, Result};

/// The PyPI package of the CPU plugin.
pub const CPU_PLUGIN_PACKAGE: &str = "xla-cpu-pjrt";
/// The pinned version of [`CPU_PLUGIN_PACKAGE`].
pub const CPU_PLUGIN_PACKAGE_VERSION: &str = "0.0.1";
/// The sha256 of the pinned wheel (`xla_cpu_pjrt-0.0.1-py3-none-manylinux_2_27_x86_64.whl`).
pub const CPU_PLUGIN_WHEEL_SHA256: &str =
    "55837b6b7b47daa717f2d9a5a03563ea0ceaa338d06a81a1e2d3f060d960decc";
/// The plugin's path inside the wheel (and inside a site-packages directory).
pub const CPU_PLUGIN_PATH_IN_WHEEL: &str = "xla_plugins/xla_cpu_pjrt/xla_cpu_pjrt.so";
/// The plugin's file name.
pub const CPU_PLUGIN_FILE: &str = "xla_cpu_pjrt.so";
/// The version string of the pinned plugin, used in cache keys and as its install directory.
pub const CPU_PLUGIN_VERSION: &str = "xla-cpu-pjrt-0.0.1";

/// The first line of the `VERSION` file written beside an installed plugin.
const VERSION_LINE: &str = "xla-cpu-pjrt==0.0.1";

/// Serialises installs within the process (across processes, the atomic rename suffices).
static INSTALL_LOCK: Mutex<()> = Mutex::new(());

fn env_nonempty(name: &str) -> Option<OsString> {
    std::env::var_os(name).filter(|v| !v.is_empty())
}

/// The user cache directory of this crate: `$UM_CACHE_DIR`, else
/// `$XDG_CACHE_HOME/ultrasound-metrics`, else `$HOME/.cache/ultrasound-metrics`; `None` when
/// none of these variables is set.
///
/// ```
/// if let Some(dir) = ultrasound_metrics::pjrt::plugin::user_cache_dir() {
///     println!("cache: {}", dir.display());
/// }
/// ```
pub fn user_cache_dir() -> Option<PathBuf> {
    if let Some(d) = env_nonempty("UM_CACHE_DIR") {
        return Some(PathBuf::from(d));
    }
    if let Some(d) = env_nonempty("XDG_CACHE_HOME") {
        return Some(PathBuf::from(d).join("ultrasound-metrics"));
    }
    env_nonempty("HOME").map(|h| PathBuf::from(h).join(".cache").join("ultrasound-metrics"))
}

/// Where [`ensure_cpu_plugin`] installs the pinned plugin:
/// `<user_cache_dir>/pjrt/xla-cpu-pjrt-0.0.1`.
///
/// ```
/// use ultrasound_metrics::pjrt::plugin;
/// if let Some(dir) = plugin::cpu_plugin_install_dir() {
///     assert!(dir.ends_with("pjrt/xla-cpu-pjrt-0.0.1"));
/// }
/// ```
pub fn cpu_plugin_install_dir() -> Option<PathBuf> {
    user_cache_dir().map(|d| d.join("pjrt").join(CPU_PLUGIN_VERSION))
}

/// The project-local plugin location, relative to the working directory.
fn project_local_plugin() -> PathBuf {
    Path::new(".um-cache")
        .join("pjrt")
        .join(CPU_PLUGIN_VERSION)
        .join(CPU_PLUGIN_FILE)
}

fn python() -> OsString {
    env_nonempty("UM_PYTHON").unwrap_or_else(|| "python3".into())
}

/// Python's site-packages directories (system and user), or why they could not be had.
fn python_site_packages() -> std::result::Result<Vec<PathBuf>, String> {
    const SCRIPT: &str = "import site\n\
        paths = []\n\
        try:\n    paths += list(site.getsitepackages())\nexcept Exception:\n    pass\n\
        try:\n    paths.append(site.getusersitepackages())\nexcept Exception:\n    pass\n\
        print('\\n'.join(paths))\n";
    let out = Command::new(python())
        .args(["-c", SCRIPT])
        .stdin(Stdio::null())
        .stderr(Stdio::null())
        .output()
        .map_err(|e| format!("{} not runnable: {e}", python().to_string_lossy()))?;
    if !out.status.success() {
        return Err(format!(
            "{} -c exited with {}",
            python().to_string_lossy(),
            out.status
        ));
    }
    Ok(String::from_utf8_lossy(&out.stdout)
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .map(PathBuf::from)
        .collect())
}

/// Looks for the CPU plugin in the places listed in the [module docs](self), without installing
/// anything.
///
/// Returns [`Error::PluginNotFound`] listing every place searched, or [`Error::PluginLoad`] when
/// `$UM_PJRT_PLUGIN` is set to a file that does not exist.
///
/// ```
/// match ultrasound_metrics::pjrt::plugin::find_cpu_plugin() {
///     Ok(path) => println!("plugin at {}", path.display()),
///     Err(e) => println!("{e}"),
/// }
/// ```
pub fn find_cpu_plugin() -> Result<PathBuf> {
    if let Some(p) = env_nonempty("UM_PJRT_PLUGIN") {
        let p = PathBuf::from(p);
        if p.is_file() {
            return Ok(p);
        }
        return Err(Error::PluginLoad {
            path: p,
            problem: "UM_PJRT_PLUGIN names this file, which does not exist (unset UM_PJRT_PLUGIN \
                      to use the pinned CPU plugin)"
                .into(),
        });
    }
    let mut searched = vec!["$UM_PJRT_PLUGIN (unset)".to_string()];
    let mut candidates = vec![project_local_plugin()];
    match cpu_plugin_install_dir() {
        Some(d) => candidates.push(d.join(CPU_PLUGIN_FILE)),
        None => searched.push("user cache (no UM_CACHE_DIR, XDG_CACHE_HOME or HOME)".into()),
    }
    for c in &candidates {
        if c.is_file() {
            return Ok(c.clone());
        }
        searched.push(c.display().to_string());
    }
    match python_site_packages() {
        Ok(dirs) => {
            for d in dirs {
                let c = d.join(CPU_PLUGIN_PATH_IN_WHEEL);
                if c.is_file() {
                    return Ok(c);
                }
                searched.push(c.display().to_string());
            }
        }
        Err(why) => searched.push(format!("Python site-packages ({why})")),
    }
    Err(Error::PluginNotFound {
        searched: searched.join("; "),
    })
}

/// Finds the CPU plugin ([`find_cpu_plugin`]) and, if it is nowhere, installs the pinned wheel
/// into [`cpu_plugin_install_dir`] (printing one line to stderr), unless
/// `UM_PJRT_NO_DOWNLOAD=1`, in which case the [`Error::PluginNotFound`] is returned.
///
/// ```
/// # fn main() -> ultrasound_metrics::Result<()> {
/// let so = ultrasound_metrics::pjrt::plugin::ensure_cpu_plugin()?;
/// assert!(so.is_file());
/// # Ok(()) }
/// ```
pub fn ensure_cpu_plugin() -> Result<PathBuf> {
    let searched = match find_cpu_plugin() {
        Ok(p) => return Ok(p),
        Err(Error::PluginNotFound { searched }) => searched,
        Err(e) => return Err(e),
    };
    if std::env::var_os("UM_PJRT_NO_DOWNLOAD").is_some_and(|v| v == "1") {
        return Err(Error::PluginNotFound {
            searched: format!("{searched}; downloading is off (UM_PJRT_NO_DOWNLOAD=1)"),
        });
    }
    let Some(dir) = cpu_plugin_install_dir() else {
        return Err(Error::PluginNotFound { searched });
    };
    let _guard = INSTALL_LOCK.lock().unwrap_or_else(|e| e.into_inner());
    // Another thread may have installed it while we waited.
    let target = dir.join(CPU_PLUGIN_FILE);
    if target.is_file() {
        return Ok(target);
    }
    eprintln!(
        "ultrasound-metrics: PJRT CPU plugin not found; installing {CPU_PLUGIN_PACKAGE}=={} \
         (~64 MB download) into {}",
        CPU_PLUGIN_PACKAGE_VERSION,
        dir.display()
    );
    install_cpu_plugin(&dir)
}

/// Installs the pinned CPU plugin into `dest_dir` (which receives `xla_cpu_pjrt.so` and a
/// `VERSION` file) and returns the plugin's path.
///
/// The wheel is `$UM_PJRT_WHEEL` if set (offline install), else downloaded with
/// `python3 -m pip download --no-deps --only-binary=:all: xla-cpu-pjrt==0.0.1` into a temporary
/// directory. Its sha256 must equal [`CPU_PLUGIN_WHEEL_SHA256`]; the plugin is written to a
/// temporary file and renamed into place, so readers never see a partial file.
///
/// ```no_run
/// # fn main() -> ultrasound_metrics::Result<()> {
/// use ultrasound_metrics::pjrt::plugin;
/// let so = plugin::install_cpu_plugin(&plugin::cpu_plugin_install_dir().unwrap())?;
/// assert!(so.ends_with("xla_cpu_pjrt.so"));
/// # Ok(()) }
/// ```
pub fn install_cpu_plugin(dest_dir: &Path) -> Result<PathBuf> {
    if let Some(wheel) = env_nonempty("UM_PJRT_WHEEL") {
        return install_cpu_plugin_from_wheel(Path::new(&wheel), dest_dir);
    }
    let tmp = TempDir::new(&std::env::temp_dir(), "um-pjrt-download").map_err(|e| Error::Io {
        path: std::env::temp_dir(),
        problem: format!("cannot create a temporary directory: {e}"),
    })?;
    let spec = format!("{CPU_PLUGIN_PACKAGE}=={CPU_PLUGIN_PACKAGE_VERSION}");
    let out = Command::new(python())
        .args([
            "-m",
            "pip",
            "download",
            "--no-deps",
            "--only-binary=:all:",
            "--disable-pip-version-check",
            "--quiet",
            &spec,
            "-d",
        ])
        .arg(&tmp.path)
        .stdin(Stdio::null())
        .output()
        .map_err(|e| Error::Io {
            path: dest_dir.to_path_buf(),
            problem: format!(
                "cannot run `{} -m pip` to download {spec}: {e}. Install pip, or download the \
                 wheel elsewhere and set UM_PJRT_WHEEL to its path",
                python().to_string_lossy()
            ),
        })?;
    if !out.status.success() {
        let stderr = String::from_utf8_lossy(&out.stderr);
        let tail: Vec<&str> = stderr.lines().rev().take(5).collect();
        let tail: Vec<&str> = tail.into_iter().rev().collect();
        return Err(Error::Io {
            path: dest_dir.to_path_buf(),
            problem: format!(
                "`pip download {spec}` failed ({}): {}. Offline? Set UM_PJRT_WHEEL to a \
                 downloaded wheel, or UM_PJRT_PLUGIN to a plugin .so",
                out.status,
                tail.join(" | ")
            ),
        });
    }
    let wheel = std::fs::read_dir(&tmp.path)
        .map_err(|e| Error::Io {
            path: tmp.path.clone(),
            problem: e.to_string(),
        })?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .find(|p| {
            p.extension().is_some_and(|x| x == "whl")
                && p.file_name()
                    .is_some_and(|n| n.to_string_lossy().starts_with("xla_cpu_pjrt-0.0.1"))
        })
        .ok_or_else(|| Error::Io {
            path: tmp.path.clone(),
            problem: format!("pip reported success but left no {spec} wheel"),
        })?;
    let result = install_from_wheel(&wheel, dest_dir, CPU_PLUGIN_WHEEL_SHA256);
    if result.is_err() {
        // A bad download must not linger (the temporary directory goes too).
        let _ = std::fs::remove_file(&wheel);
    }
    result
}

/// Installs the pinned CPU plugin from an already-downloaded wheel file (checked against
/// [`CPU_PLUGIN_WHEEL_SHA256`]) into `dest_dir`; see [`install_cpu_plugin`].
///
/// ```no_run
/// # fn main() -> ultrasound_metrics::Result<()> {
/// use std::path::Path;
/// use ultrasound_metrics::pjrt::plugin;
/// let so = plugin::install_cpu_plugin_from_wheel(
///     Path::new("xla_cpu_pjrt-0.0.1-py3-none-manylinux_2_27_x86_64.whl"),
///     Path::new("/opt/um/pjrt"),
/// )?;
/// # Ok(()) }
/// ```
pub fn install_cpu_plugin_from_wheel(wheel: &Path, dest_dir: &Path) -> Result<PathBuf> {
    install_from_wheel(wheel, dest_dir, CPU_PLUGIN_WHEEL_SHA256)
}

/// [`install_cpu_plugin_from_wheel`] with another expected sha256 (tests build small wheels).
#[doc(hidden)]
pub fn install_from_wheel(wheel: &Path, dest_dir: &Path, expected_sha256: &str) -> Result<PathBuf> {
    let io = |path: &Path, what: &str, e: std::io::Error| Error::Io {
        path: path.to_path_buf(),
        problem: format!("{what}: {e}"),
    };
    let actual = sha256_file(wheel).map_err(|e| io(wheel, "cannot read the wheel", e))?;
    if !actual.eq_ignore_ascii_case(expected_sha256) {
        return Err(Error::Io {
            path: wheel.to_path_buf(),
            problem: format!(
                "sha256 mismatch: expected {expected_sha256}, got {actual}; the wheel is not the \
                 pinned {CPU_PLUGIN_PACKAGE}=={CPU_PLUGIN_PACKAGE_VERSION} (refusing to install it)"
            ),
        });
    }
    std::fs::create_dir_all(dest_dir)
        .map_err(|e| io(dest_dir, "cannot create the directory", e))?;
    let file = File::open(wheel).map_err(|e| io(wheel, "cannot open the wheel", e))?;
    let mut archive =
        zip::ZipArchive::new(std::io::BufReader::new(file)).map_err(|e| Error::Io {
            path: wheel.to_path_buf(),
            problem: format!("not a readable wheel (zip): {e}"),
        })?;
    let mut entry = archive
        .by_name(CPU_PLUGIN_PATH_IN_WHEEL)
        .map_err(|e| Error::Io {
            path: wheel.to_path_buf(),
            problem: format!("the wheel has no {CPU_PLUGIN_PATH_IN_WHEEL}: {e}"),
        })?;
    let target = dest_dir.join(CPU_PLUGIN_FILE);
    write_atomic_with(&target, |f| {
        std::io::copy(&mut entry, f)?;
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            f.set_permissions(std::fs::Permissions::from_mode(0o755))?;
        }
        Ok(())
    })
    .map_err(|e| io(&target, "cannot write the plugin", e))?;
    let version = format!("{VERSION_LINE}\nwheel_sha256={actual}\n");
    let version_path = dest_dir.join("VERSION");
    write_atomic(&version_path, version.as_bytes())
        .map_err(|e| io(&version_path, "cannot write", e))?;
    Ok(target)
}

/// The hex sha256 of a file's content.
///
/// ```
/// let p = std::env::temp_dir().join(format!("um-sha-doc-{}", std::process::id()));
/// std::fs::write(&p, b"abc").unwrap();
/// assert_eq!(
///     ultrasound_metrics::pjrt::plugin::sha256_file(&p).unwrap(),
///     "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
/// );
/// # std::fs::remove_file(&p).unwrap();
/// ```
pub fn sha256_file(path: &Path) -> std::io::Result<String> {
    let mut file = File::open(path)?;
    let mut hasher = Sha256::new();
    let mut buf = vec![0u8; 1 << 20];
    loop {
        let n = file.read(&mut buf)?;
        if n == 0 {
            break;
        }
        hasher.update(&buf[..n]);
    }
    Ok(hex(&hasher.finalize()))
}

/// Lower-case hex of bytes.
pub(crate) fn hex(bytes: &[u8]) -> String {
    use std::fmt::Write as _;
    bytes
        .iter()
        .fold(String::with_capacity(bytes.len() * 2), |mut s, b| {
            let _ = write!(s, "{b:02x}");
            s
        })
}

/// The version string of a plugin, for cache keys: [`CPU_PLUGIN_VERSION`] for the pinned CPU
/// plugin (recognised by the `VERSION` file an install writes beside it, or by the
/// `xla_cpu_pjrt-0.0.1.dist-info` directory of a pip install); otherwise
/// `"{platform_name}-{platform_version}-{file size}-{mtime in ns}"`, so that replacing the file
/// changes it (or, when the file's metadata cannot be read, the sha256 of its path instead of
/// size and mtime).
///
/// ```
/// use std::path::Path;
/// use ultrasound_metrics::pjrt::plugin::plugin_version;
/// let v = plugin_version(Path::new("/nonexistent/libfoo.so"), "cuda", "12.3");
/// assert!(v.starts_with("cuda-12.3-"));
/// ```
pub fn plugin_version(path: &Path, platform_name: &str, platform_version: &str) -> String {
    if is_pinned_cpu_plugin(path) {
        return CPU_PLUGIN_VERSION.to_string();
    }
    match std::fs::metadata(path) {
        Ok(meta) => {
            let mtime = meta
                .modified()
                .ok()
                .and_then(|t| t.duration_since(std::time::UNIX_EPOCH).ok())
                .map_or(0, |d| d.as_nanos());
            format!("{platform_name}-{platform_version}-{}-{mtime}", meta.len())
        }
        Err(_) => {
            let digest = Sha256::digest(path.as_os_str().as_encoded_bytes());
            format!(
                "{platform_name}-{platform_version}-path{}",
                &hex(&digest)[..16]
            )
        }
    }
}

fn is_pinned_cpu_plugin(path: &Path) -> bool {
    if !matches!(path.file_name(), Some(n) if n == CPU_PLUGIN_FILE) {
        return false;
    }
    let Some(dir) = path.parent() else {
        return false;
    };
    if let Ok(v) = std::fs::read_to_string(dir.join("VERSION")) {
        if v.lines().next().map(str::trim) == Some(VERSION_LINE) {
            return true;
        }
    }
    // <site-packages>/xla_plugins/xla_cpu_pjrt/xla_cpu_pjrt.so beside
    // <site-packages>/xla_cpu_pjrt-0.0.1.dist-info
    dir.file_name().is_some_and(|n| n == "xla_cpu_pjrt")
        && dir
            .parent()
            .filter(|p| p.file_name().is_some_and(|n| n == "xla_plugins"))
            .and_then(Path::parent)
            .is_some_and(|root| root.join("xla_cpu_pjrt-0.0.1.dist-info").is_dir())
}

static TEMP_COUNTER: AtomicU64 = AtomicU64::new(0);

/// A unique name for a temporary sibling of `path` (same directory, so a rename is atomic).
pub(crate) fn temp_sibling(path: &Path) -> PathBuf {
    let n = TEMP_COUNTER.fetch_add(1, Ordering::Relaxed);
    let nanos = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.subsec_nanos());
    let name = path
        .file_name()
        .map_or_else(|| "file".into(), |n| n.to_string_lossy().into_owned());
    path.with_file_name(format!(".{name}.tmp-{}-{nanos}-{n}", std::process::id()))
}

/// Writes a file atomically: into a temporary sibling, flushed to disk, then renamed over
/// `path`. The temporary file is removed on failure.
pub(crate) fn write_atomic_with(
    path: &Path,
    write: impl FnOnce(&mut File) -> std::io::Result<()>,
) -> std::io::Result<()> {
    let tmp = temp_sibling(path);
    let result = (|| {
        let mut f = File::create(&tmp)?;
        write(&mut f)?;
        f.flush()?;
        f.sync_all()?;
        drop(f);
        std::fs::rename(&tmp, path)
    })();
    if result.is_err() {
        let _ = std::fs::remove_file(&tmp);
    }
    result
}

/// [`write_atomic_with`] for a byte slice.
pub(crate) fn write_atomic(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    write_atomic_with(path, |f| f.write_all(bytes))
}

/// A directory removed (with its content) when dropped.
struct TempDir {
    path: PathBuf,
}

impl TempDir {
    fn new(parent: &Path, prefix: &str) -> std::io::Result<TempDir> {
        let path = temp_sibling(&parent.join(prefix));
        std::fs::create_dir_all(&path)?;
        Ok(TempDir { path })
    }
}

impl Drop for TempDir {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.path);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn temp_siblings_are_unique_and_beside() {
        let p = Path::new("/a/b/c.bin");
        let (x, y) = (temp_sibling(p), temp_sibling(p));
        assert_ne!(x, y);
        assert_eq!(x.parent(), p.parent());
    }

    #[test]
    fn atomic_write_replaces() {
        let dir = TempDir::new(&std::env::temp_dir(), "um-plugin-unit").unwrap();
        let f = dir.path.join("x");
        write_atomic(&f, b"one").unwrap();
        write_atomic(&f, b"two").unwrap();
        assert_eq!(std::fs::read(&f).unwrap(), b"two");
        assert_eq!(std::fs::read_dir(&dir.path).unwrap().count(), 1);
    }

    #[test]
    fn pinned_detection() {
        let dir = TempDir::new(&std::env::temp_dir(), "um-plugin-unit").unwrap();
        let so = dir.path.join(CPU_PLUGIN_FILE);
        std::fs::write(&so, b"x").unwrap();
        assert!(plugin_version(&so, "cpu", "1").starts_with("cpu-1-1-"));
        std::fs::write(dir.path.join("VERSION"), format!("{VERSION_LINE}\n")).unwrap();
        assert_eq!(plugin_version(&so, "cpu", "1"), CPU_PLUGIN_VERSION);
    }
}
