//! The PJRT wrapper, plugin discovery/installation and the runtime (devices, device arrays, the
//! executable cache), tested on hand-written StableHLO without the metrics.
//!
//! The plugin comes from `ensure_cpu_plugin` (so `UM_PJRT_PLUGIN` is honoured, and otherwise the
//! pinned wheel is found or installed). Tests that change process-wide settings (the disk cache)
//! hold `RUNTIME_LOCK`; tests that need other environment variables run in a child process.

use std::path::{Path, PathBuf};
use std::sync::{Arc, Barrier, RwLock};

use ndarray::{array, s, Array, Array2, ArrayD, Ix1, Ix2, IxDyn};
use num_complex::{Complex32, Complex64};
use once_cell::sync::Lazy;
use ultrasound_metrics::graph::TensorType;
use ultrasound_metrics::pjrt::{plugin, AlignedBytes, Api, Client, CompileOptions, NamedValue};
use ultrasound_metrics::runtime::{
    self, execute_text, AlignedArray, Device, DeviceArray, TextProgram,
};
use ultrasound_metrics::{DType, Element, Error};

static PLUGIN: Lazy<PathBuf> =
    Lazy::new(|| plugin::ensure_cpu_plugin().expect("the PJRT CPU plugin (ensure_cpu_plugin)"));
static CLIENT: Lazy<Client> =
    Lazy::new(|| Client::create(Api::load(&PLUGIN).unwrap(), &[]).unwrap());
/// Tests that run programs through the runtime hold it shared; the disk-cache test, which
/// switches process-wide settings and counts files and counters, holds it exclusively.
static RUNTIME_LOCK: RwLock<()> = RwLock::new(());

fn shared() -> std::sync::RwLockReadGuard<'static, ()> {
    RUNTIME_LOCK.read().unwrap_or_else(|e| e.into_inner())
}

/// Every test starts here: the disk cache goes to a fresh per-process directory, never the
/// user's.
fn setup() -> &'static Client {
    static ONCE: std::sync::Once = std::sync::Once::new();
    ONCE.call_once(|| {
        runtime::set_disk_cache_dir(Some(temp_dir("exe-cache")));
        runtime::set_disk_cache(true);
    });
    &CLIENT
}

fn temp_dir(tag: &str) -> PathBuf {
    use std::sync::atomic::{AtomicUsize, Ordering};
    static N: AtomicUsize = AtomicUsize::new(0);
    let d = std::env::temp_dir().join(format!(
        "um-runtime-test-{}-{tag}-{}-{}",
        std::process::id(),
        N.fetch_add(1, Ordering::Relaxed),
        nonce()
    ));
    std::fs::create_dir_all(&d).unwrap();
    d
}

/// A value unique to this run, to make program keys cold.
fn nonce() -> u128 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap()
        .as_nanos()
}

fn bytes_of<T: Element>(v: &[T]) -> Vec<u8> {
    AlignedBytes::from_slice(v).as_bytes().to_vec()
}

const ADD_F32_2: &str =
    "func.func public @main(%a: tensor<2xf32>, %b: tensor<2xf32>) -> tensor<2xf32> {
  %0 = stablehlo.add %a, %b : tensor<2xf32>
  return %0 : tensor<2xf32>
}";

fn f32_2() -> TensorType {
    TensorType::new(DType::F32, &[2])
}

/// `a + b` on f32[2], with a name that makes the cache key unique.
fn add_program(tag: &str) -> TextProgram {
    TextProgram::new(
        &format!("add-{tag}-{}", nonce()),
        ADD_F32_2,
        vec![f32_2(), f32_2()],
        vec![f32_2()],
    )
}

fn run_add(dev: &Device, p: &TextProgram, a: [f32; 2], b: [f32; 2]) -> Vec<f32> {
    let x = dev.put(&ndarray::arr1(&a)).unwrap();
    let y = dev.put(&ndarray::arr1(&b)).unwrap();
    let out = execute_text(dev, p, &[x.untyped(), y.untyped()]).unwrap();
    DeviceArray::<f32, Ix1>::from_untyped(out[0].clone())
        .unwrap()
        .to_ndarray()
        .unwrap()
        .to_vec()
}

// ----------------------------------------------------------------------------------------------
// pjrt: the wrapper
// ----------------------------------------------------------------------------------------------

#[test]
fn plugin_loads_and_describes_itself() {
    let client = setup();
    let (major, minor) = client.api().version();
    assert_eq!(major, 0);
    assert!(minor >= ultrasound_metrics::pjrt::MIN_API_MINOR);
    assert_eq!(client.platform_name(), "cpu");
    assert_eq!(client.devices().len(), 4);
    for (i, d) in client.devices().iter().enumerate() {
        assert_eq!(d.id() as usize, i);
        assert_eq!(d.kind(), "cpu");
        assert!(!d.debug_string().is_empty());
    }
    // Loading again returns the same table.
    assert!(std::ptr::eq(Api::load(&PLUGIN).unwrap(), client.api()));
}

fn round_trip<T: Element>(values: &[T], dims: &[usize]) {
    let client = setup();
    let buf = client
        .buffer_from_host(&bytes_of(values), T::DTYPE, dims, 1)
        .unwrap();
    assert_eq!(buf.dtype(), T::DTYPE);
    assert_eq!(buf.dims(), dims);
    assert_eq!(buf.ordinal(), 1);
    assert_eq!(
        buf.on_device_size().unwrap(),
        values.len() * T::DTYPE.size_bytes()
    );
    assert_eq!(buf.to_host_vec::<T>().unwrap(), values);
}

#[test]
fn transfers_round_trip_every_dtype() {
    round_trip(&[true, false, true, true, false, false], &[2, 3]);
    round_trip(&[1i32, -2, i32::MAX, i32::MIN], &[4]);
    round_trip(&[1i64, -2, i64::MAX], &[3, 1]);
    round_trip(&[1.5f32, -0.0, f32::INFINITY, 3.25], &[2, 2]);
    round_trip(&[1.5f64, f64::MIN_POSITIVE], &[2]);
    round_trip(&[Complex32::new(1.0, -2.0), Complex32::new(0.5, 4.0)], &[2]);
    round_trip(&[Complex64::new(1.0, -2.0)], &[]);
    round_trip::<f32>(&[], &[0, 3]);
}

#[test]
fn transfer_checks_sizes_and_types() {
    let client = setup();
    let e = client
        .buffer_from_host(&[0u8; 7], DType::F32, &[2], 0)
        .unwrap_err();
    assert!(matches!(e, Error::InvalidArgument { .. }), "{e}");
    let e = client
        .buffer_from_host(&[0u8; 8], DType::F32, &[2], 4)
        .unwrap_err();
    assert!(e.to_string().contains("out of range"), "{e}");
    let buf = client
        .buffer_from_host(&[0u8; 8], DType::F32, &[2], 0)
        .unwrap();
    assert!(matches!(
        buf.to_host_vec::<i32>().unwrap_err(),
        Error::UnsupportedDtype { .. }
    ));
    let mut wrong = [0u8; 4];
    assert!(matches!(
        buf.to_host(&mut wrong).unwrap_err(),
        Error::InvalidArgument { .. }
    ));
}

#[test]
fn compiles_and_executes_an_add() {
    let client = setup();
    let exe = client
        .compile(ADD_F32_2, &CompileOptions::for_device(0))
        .unwrap();
    assert_eq!(exe.num_outputs(), 1);
    assert_eq!(exe.device_ordinals().unwrap(), [0]);
    let a = client
        .buffer_from_host(&bytes_of(&[1.0f32, 2.0]), DType::F32, &[2], 0)
        .unwrap();
    let b = client
        .buffer_from_host(&bytes_of(&[10.0f32, 20.0]), DType::F32, &[2], 0)
        .unwrap();
    let out = exe.execute(&[&a, &b]).unwrap();
    assert_eq!(out.len(), 1);
    assert_eq!(out[0].dims(), &[2]);
    assert_eq!(out[0].ordinal(), 0);
    assert_eq!(out[0].to_host_vec::<f32>().unwrap(), [11.0, 22.0]);
}

#[test]
fn every_device_can_be_targeted() {
    let client = setup();
    for dev in 0..client.devices().len() {
        let exe = client
            .compile(ADD_F32_2, &CompileOptions::for_device(dev as i64))
            .unwrap();
        assert_eq!(exe.device_ordinals().unwrap(), [dev]);
        let a = client
            .buffer_from_host(&bytes_of(&[1.0f32, 2.0]), DType::F32, &[2], dev)
            .unwrap();
        let out = exe.execute(&[&a, &a]).unwrap();
        assert_eq!(out[0].ordinal(), dev);
        assert_eq!(out[0].to_host_vec::<f32>().unwrap(), [2.0, 4.0]);
        // A buffer on another device is refused by the plugin with INVALID_ARGUMENT.
        let other = client
            .buffer_from_host(&bytes_of(&[1.0f32, 2.0]), DType::F32, &[2], (dev + 1) % 4)
            .unwrap();
        match exe.execute(&[&a, &other]).unwrap_err() {
            Error::Pjrt { code, call, .. } => {
                assert_eq!(code.name(), "INVALID_ARGUMENT");
                assert_eq!(call, "PJRT_LoadedExecutable_Execute");
            }
            e => panic!("{e}"),
        }
    }
}

#[test]
fn parse_error_is_unknown() {
    let client = setup();
    match client
        .compile(
            "func.func public @main( garbage",
            &CompileOptions::default(),
        )
        .unwrap_err()
    {
        Error::Pjrt {
            call,
            code,
            message,
        } => {
            assert_eq!(call, "PJRT_Client_Compile");
            assert_eq!(code.name(), "UNKNOWN");
            assert!(message.contains("error"), "{message}");
        }
        e => panic!("{e}"),
    }
}

#[test]
fn shape_mismatch_is_invalid_argument() {
    let client = setup();
    let exe = client
        .compile(ADD_F32_2, &CompileOptions::for_device(0))
        .unwrap();
    let a = client
        .buffer_from_host(&bytes_of(&[1.0f32, 2.0, 3.0]), DType::F32, &[3], 0)
        .unwrap();
    match exe.execute(&[&a, &a]).unwrap_err() {
        Error::Pjrt {
            call,
            code,
            message,
        } => {
            assert_eq!(call, "PJRT_LoadedExecutable_Execute");
            assert_eq!(code.name(), "INVALID_ARGUMENT");
            assert!(!message.is_empty());
        }
        e => panic!("{e}"),
    }
    // Wrong arity too.
    assert!(exe.execute(&[&a]).is_err());
}

#[test]
fn buffers_of_another_client_are_refused() {
    let client = setup();
    let other =
        Client::create(client.api(), &[("cpu_device_count", NamedValue::Int64(1))]).unwrap();
    assert_eq!(other.devices().len(), 1);
    let exe = client
        .compile(ADD_F32_2, &CompileOptions::for_device(0))
        .unwrap();
    let a = other
        .buffer_from_host(&bytes_of(&[1.0f32, 2.0]), DType::F32, &[2], 0)
        .unwrap();
    assert!(matches!(
        exe.execute(&[&a, &a]).unwrap_err(),
        Error::DeviceMismatch { .. }
    ));
}

#[test]
fn serialize_and_deserialize_round_trip() {
    let client = setup();
    for dev in [0usize, 2] {
        let exe = client
            .compile(ADD_F32_2, &CompileOptions::for_device(dev as i64))
            .unwrap();
        let bytes = exe.serialize().unwrap();
        assert!(bytes.len() > 100);
        let back = client.deserialize_and_load(&bytes).unwrap();
        assert_eq!(back.num_outputs(), 1);
        assert_eq!(back.device_ordinals().unwrap(), [dev]);
        let a = client
            .buffer_from_host(&bytes_of(&[3.0f32, 4.0]), DType::F32, &[2], dev)
            .unwrap();
        assert_eq!(
            back.execute(&[&a, &a]).unwrap()[0]
                .to_host_vec::<f32>()
                .unwrap(),
            [6.0, 8.0]
        );
    }
    assert!(client.deserialize_and_load(b"not an executable").is_err());
}

#[test]
fn zero_copy_buffers_alias_and_keep_host_memory_alive() {
    let client = setup();
    let host = Arc::new(AlignedBytes::from_slice(&[1.0f32, 2.0]));
    let addr = host.as_bytes().as_ptr() as usize;
    let buf = client.buffer_from_aligned(host.clone(), &[2], 0).unwrap();
    assert!(buf.is_zero_copy());
    assert_eq!(buf.device_address().unwrap(), addr, "no copy was made");
    assert_eq!(
        Arc::strong_count(&host),
        2,
        "the buffer holds the host memory"
    );
    let exe = client
        .compile(ADD_F32_2, &CompileOptions::for_device(0))
        .unwrap();
    drop(host); // the buffer's reference alone keeps it valid
    let out = exe.execute(&[&buf, &buf]).unwrap();
    assert_eq!(out[0].to_host_vec::<f32>().unwrap(), [2.0, 4.0]);
    drop(buf);
    // The size is checked against the dims.
    let host = Arc::new(AlignedBytes::from_slice(&[1.0f32, 2.0, 3.0]));
    assert!(client.buffer_from_aligned(host, &[2], 0).is_err());
}

#[test]
fn four_threads_execute_concurrently() {
    let client = setup();
    let exe = Arc::new(
        client
            .compile(ADD_F32_2, &CompileOptions::for_device(0))
            .unwrap(),
    );
    let barrier = Arc::new(Barrier::new(4));
    let handles: Vec<_> = (0..4)
        .map(|t| {
            let (exe, barrier, client) = (exe.clone(), barrier.clone(), client.clone());
            std::thread::spawn(move || {
                barrier.wait();
                for i in 0..25 {
                    let x = (t * 100 + i) as f32;
                    let a = client
                        .buffer_from_host(&bytes_of(&[x, -x]), DType::F32, &[2], 0)
                        .unwrap();
                    let b = client
                        .buffer_from_host(&bytes_of(&[1.0f32, 1.0]), DType::F32, &[2], 0)
                        .unwrap();
                    let out = exe.execute(&[&a, &b]).unwrap();
                    assert_eq!(out[0].to_host_vec::<f32>().unwrap(), [x + 1.0, 1.0 - x]);
                }
            })
        })
        .collect();
    for h in handles {
        h.join().unwrap();
    }
}

// ----------------------------------------------------------------------------------------------
// pjrt: loading failures
// ----------------------------------------------------------------------------------------------

fn assert_plugin_load(path: &Path, needle: &str) {
    match Api::load(path).unwrap_err() {
        Error::PluginLoad { path: p, problem } => {
            assert_eq!(p, path);
            assert!(problem.contains(needle), "{problem}");
        }
        e => panic!("{e}"),
    }
}

#[test]
fn missing_file_is_a_plugin_load_error() {
    let p = temp_dir("missing").join("nothing-here.so");
    match Api::load(&p).unwrap_err() {
        Error::PluginLoad { path, .. } => assert_eq!(path, p),
        e => panic!("{e}"),
    }
}

#[test]
fn not_a_shared_library_is_a_plugin_load_error() {
    let p = temp_dir("notlib").join("fake_plugin.so");
    std::fs::write(&p, b"this is not an ELF file").unwrap();
    assert_plugin_load(&p.canonicalize().unwrap(), "not a loadable shared library");
}

#[test]
fn library_without_get_pjrt_api_is_a_plugin_load_error() {
    let libm = [
        "/lib/x86_64-linux-gnu/libm.so.6",
        "/usr/lib/x86_64-linux-gnu/libm.so.6",
        "/lib64/libm.so.6",
        "/usr/lib64/libm.so.6",
        "/lib/aarch64-linux-gnu/libm.so.6",
    ]
    .into_iter()
    .map(Path::new)
    .find(|p| p.exists());
    let Some(libm) = libm else {
        eprintln!("no libm.so.6 found; skipping");
        return;
    };
    assert_plugin_load(&libm.canonicalize().unwrap(), "GetPjrtApi");
}

#[test]
fn failing_client_creation_is_a_plugin_load_error() {
    let api = setup().api();
    // A CPU client with zero devices is useless: refused with a clear message.
    match Client::create(api, &[("cpu_device_count", NamedValue::Int64(0))]).unwrap_err() {
        Error::PluginLoad { path, problem } => {
            assert_eq!(path, api.path());
            assert!(problem.contains("client creation failed"), "{problem}");
        }
        e => panic!("{e}"),
    }
}

/// Builds a fake "plugin" with a C compiler: `GetPjrtApi` returns a table of the given size and
/// version whose function pointers are all NULL (or returns NULL). `None` without a compiler.
fn fake_plugin(
    tag: &str,
    major: i32,
    minor: i32,
    struct_size: &str,
    null_api: bool,
) -> Option<PathBuf> {
    let dir = temp_dir(&format!("fake-{tag}"));
    let src = dir.join("fake.c");
    std::fs::write(
        &src,
        format!(
            "#include <stddef.h>\n\
             typedef struct {{ size_t struct_size; void *ext; int major; int minor; }} V;\n\
             typedef struct {{ size_t struct_size; void *ext; V version; void *fns[200]; }} Api;\n\
             static Api api = {{ {struct_size}, 0, {{ sizeof(V), 0, {major}, {minor} }}, {{0}} }};\n\
             const Api *GetPjrtApi(void) {{ return {} ; }}\n",
            if null_api { "0" } else { "&api" }
        ),
    )
    .unwrap();
    let so = dir.join(format!("fake_{tag}.so"));
    let status = std::process::Command::new("cc")
        .args(["-shared", "-fPIC", "-o"])
        .arg(&so)
        .arg(&src)
        .status()
        .ok()?;
    status.success().then(|| so.canonicalize().unwrap())
}

#[test]
fn fake_plugins_are_refused_cleanly() {
    let cases = [
        (
            "major1",
            1,
            0,
            "sizeof(Api)",
            false,
            "incompatible PJRT C API version 1.0",
        ),
        (
            "old",
            0,
            10,
            "sizeof(Api)",
            false,
            "incompatible PJRT C API version 0.10",
        ),
        (
            "null",
            0,
            81,
            "sizeof(Api)",
            true,
            "GetPjrtApi returned NULL",
        ),
        (
            "tiny",
            0,
            81,
            "40",
            false,
            "does not provide PJRT_Error_Destroy",
        ),
        (
            "nofns",
            0,
            81,
            "sizeof(Api)",
            false,
            "PJRT_Plugin_Initialize",
        ),
    ];
    for (tag, major, minor, size, null_api, needle) in cases {
        let Some(so) = fake_plugin(tag, major, minor, size, null_api) else {
            eprintln!("no C compiler; skipping");
            return;
        };
        assert_plugin_load(&so, needle);
    }
}

/// A fake plugin that loads and initialises but whose `PJRT_Client_Create` fails with its own
/// error, as the CUDA plugin does on a machine without a GPU ("No visible GPU devices"). The
/// table follows pjrt_c_api.h: error functions, initialise, then `PJRT_Client_Create` at slot 10.
fn fake_plugin_failing_client_creation() -> Option<PathBuf> {
    let dir = temp_dir("fake-noclient");
    let src = dir.join("fake.c");
    std::fs::write(
        &src,
        r#"#include <stddef.h>
#include <string.h>
typedef struct { size_t struct_size; void *ext; int major; int minor; } V;
typedef struct { size_t struct_size; void *ext; V version; void *fns[200]; } Api;
typedef struct { size_t struct_size; void *ext; void *error; const char *message; size_t message_size; } MsgArgs;
typedef struct { size_t struct_size; void *ext; void *error; int code; } CodeArgs;
static int the_error;
static const char *msg = "No visible GPU devices (fake plugin)";
static void err_destroy(void *a) { (void)a; }
static void err_message(MsgArgs *a) { a->message = msg; a->message_size = strlen(msg); }
static void *err_code(CodeArgs *a) { a->code = 9; return 0; }
static void *initialize(void *a) { (void)a; return 0; }
static void *client_create(void *a) { (void)a; return &the_error; }
static Api api = { sizeof(Api), 0, { sizeof(V), 0, 0, 81 },
  { (void *)err_destroy, (void *)err_message, (void *)err_code, (void *)initialize,
    0, 0, 0, 0, 0, 0, (void *)client_create } };
const Api *GetPjrtApi(void) { return &api; }
"#,
    )
    .unwrap();
    let so = dir.join("fake_noclient.so");
    let status = std::process::Command::new("cc")
        .args(["-shared", "-fPIC", "-o"])
        .arg(&so)
        .arg(&src)
        .status()
        .ok()?;
    status.success().then(|| so.canonicalize().unwrap())
}

#[test]
fn plugin_whose_client_creation_fails_gives_its_code_and_message() {
    let Some(so) = fake_plugin_failing_client_creation() else {
        eprintln!("no C compiler; skipping");
        return;
    };
    // Loading and initialising work; creating the client fails with the plugin's own error.
    let api = Api::load(&so).unwrap();
    assert_eq!(api.version(), (0, 81));
    match Client::create(api, &[]).unwrap_err() {
        Error::PluginLoad { path, problem } => {
            assert_eq!(path, so);
            assert!(problem.contains("client creation failed"), "{problem}");
            assert!(problem.contains("PJRT_Client_Create"), "{problem}");
            assert!(problem.contains("FAILED_PRECONDITION (9)"), "{problem}");
            assert!(
                problem.contains("No visible GPU devices (fake plugin)"),
                "{problem}"
            );
        }
        e => panic!("{e}"),
    }
    // The same through the public device API, twice (nothing is cached from a failure).
    for _ in 0..2 {
        match Device::from_plugin(&so, 0).unwrap_err() {
            Error::PluginLoad { problem, .. } => {
                assert!(problem.contains("No visible GPU devices"), "{problem}")
            }
            e => panic!("{e}"),
        }
        assert!(matches!(
            Device::plugin_devices(&so).unwrap_err(),
            Error::PluginLoad { .. }
        ));
    }
}

#[test]
fn every_plugin_fault_is_a_typed_error_through_device_from_plugin() {
    // A missing file and a file that is not a shared library, through the public API.
    let missing = temp_dir("dev-missing").join("none.so");
    assert!(matches!(
        Device::from_plugin(&missing, 0).unwrap_err(),
        Error::PluginLoad { .. }
    ));
    let junk = temp_dir("dev-junk").join("junk.so");
    std::fs::write(&junk, b"\x7fELF but not really").unwrap();
    match Device::from_plugin(&junk, 0).unwrap_err() {
        Error::PluginLoad { problem, .. } => {
            assert!(
                problem.contains("not a loadable shared library"),
                "{problem}"
            )
        }
        e => panic!("{e}"),
    }
    // An incompatible API version.
    if let Some(so) = fake_plugin("dev-major2", 2, 0, "sizeof(Api)", false) {
        match Device::from_plugin(&so, 0).unwrap_err() {
            Error::PluginLoad { problem, .. } => {
                assert!(
                    problem.contains("incompatible PJRT C API version 2.0"),
                    "{problem}"
                )
            }
            e => panic!("{e}"),
        }
    }
}

// ----------------------------------------------------------------------------------------------
// plugin: installation and discovery
// ----------------------------------------------------------------------------------------------

/// A tiny wheel holding a fake plugin; returns its path and sha256.
fn fake_wheel(dir: &Path, with_plugin: bool) -> (PathBuf, String) {
    let path = dir.join("xla_cpu_pjrt-0.0.1-py3-none-any.whl");
    let mut w = zip::ZipWriter::new(std::fs::File::create(&path).unwrap());
    let opts = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated);
    w.start_file("xla_plugins/xla_cpu_pjrt/__init__.py", opts)
        .unwrap();
    std::io::Write::write_all(&mut w, b"# init\n").unwrap();
    if with_plugin {
        w.start_file(plugin::CPU_PLUGIN_PATH_IN_WHEEL, opts)
            .unwrap();
        std::io::Write::write_all(&mut w, &[0x7fu8; 100_000]).unwrap();
    }
    w.finish().unwrap();
    let sha = plugin::sha256_file(&path).unwrap();
    (path, sha)
}

#[test]
fn installs_from_a_wheel_atomically_and_verifies_it() {
    let dir = temp_dir("install");
    let (wheel, sha) = fake_wheel(&dir, true);
    let dest = dir.join("cache/pjrt/xla-cpu-pjrt-0.0.1");
    let so = plugin::install_from_wheel(&wheel, &dest, &sha).unwrap();
    assert_eq!(so, dest.join("xla_cpu_pjrt.so"));
    assert_eq!(std::fs::read(&so).unwrap(), vec![0x7fu8; 100_000]);
    let version = std::fs::read_to_string(dest.join("VERSION")).unwrap();
    assert!(version.starts_with("xla-cpu-pjrt==0.0.1\n"), "{version}");
    assert!(version.contains(&sha));
    // Only the two files: no temporary files left behind.
    assert_eq!(std::fs::read_dir(&dest).unwrap().count(), 2);
    // An installed plugin is recognised as the pinned version.
    assert_eq!(
        plugin::plugin_version(&so, "cpu", "x"),
        plugin::CPU_PLUGIN_VERSION
    );
    // Installing again overwrites in place.
    plugin::install_from_wheel(&wheel, &dest, &sha).unwrap();
    assert_eq!(std::fs::read_dir(&dest).unwrap().count(), 2);

    // The real pinned hash does not match this wheel: refused, nothing written.
    let dest2 = dir.join("other");
    let e = plugin::install_cpu_plugin_from_wheel(&wheel, &dest2).unwrap_err();
    assert!(e.to_string().contains("sha256 mismatch"), "{e}");
    assert!(!dest2.exists());

    // A wheel without the plugin.
    let dir3 = temp_dir("install-empty");
    let (wheel3, sha3) = fake_wheel(&dir3, false);
    let e = plugin::install_from_wheel(&wheel3, &dir3.join("d"), &sha3).unwrap_err();
    assert!(
        e.to_string().contains(plugin::CPU_PLUGIN_PATH_IN_WHEEL),
        "{e}"
    );

    // Not a zip at all (but the "right" hash).
    let junk = dir3.join("junk.whl");
    std::fs::write(&junk, b"junk").unwrap();
    let junk_sha = plugin::sha256_file(&junk).unwrap();
    assert!(plugin::install_from_wheel(&junk, &dir3.join("e"), &junk_sha).is_err());
    let _ = std::fs::remove_dir_all(&dir);
    let _ = std::fs::remove_dir_all(&dir3);
}

/// The real pinned wheel, when this machine has one (`UM_PJRT_WHEEL`, or the one the notes
/// unpacked under /tmp/wheel).
#[test]
fn installs_the_pinned_wheel_offline_when_available() {
    let wheel = std::env::var_os("UM_PJRT_WHEEL")
        .map(PathBuf::from)
        .or_else(|| {
            let p =
                PathBuf::from("/tmp/wheel/xla_cpu_pjrt-0.0.1-py3-none-manylinux_2_27_x86_64.whl");
            p.exists().then_some(p)
        });
    let Some(wheel) = wheel else {
        eprintln!("no local copy of the pinned wheel; skipping");
        return;
    };
    let dest = temp_dir("real-install");
    let so = plugin::install_cpu_plugin_from_wheel(&wheel, &dest).unwrap();
    assert!(std::fs::metadata(&so).unwrap().len() > 100_000_000);
    assert_eq!(
        plugin::plugin_version(&so, "cpu", "x"),
        plugin::CPU_PLUGIN_VERSION
    );
    // Not loaded: a second copy of XLA in one process is asking for trouble.
    std::fs::remove_dir_all(&dest).unwrap();
}

/// Runs one `#[ignore]`d test of this binary in a child process with the given environment.
fn run_child(test: &str, env: &[(&str, &Path)], cwd: &Path) {
    let mut cmd = std::process::Command::new(std::env::current_exe().unwrap());
    cmd.args([
        test,
        "--exact",
        "--ignored",
        "--nocapture",
        "--test-threads=1",
    ])
    .current_dir(cwd);
    for var in [
        "UM_PJRT_PLUGIN",
        "UM_PJRT_WHEEL",
        "UM_CACHE_DIR",
        "XDG_CACHE_HOME",
        "UM_PJRT_NO_DOWNLOAD",
        "UM_PYTHON",
    ] {
        cmd.env_remove(var);
    }
    for (k, v) in env {
        cmd.env(k, v);
    }
    let out = cmd.output().unwrap();
    let text = format!(
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(out.status.success(), "child {test} failed:\n{text}");
    assert!(
        text.contains("1 passed"),
        "child {test} ran nothing:\n{text}"
    );
}

#[test]
fn discovery_order_and_errors() {
    let root = temp_dir("discovery");
    let home = root.join("home");
    let cache = root.join("cache");
    let work = root.join("work");
    std::fs::create_dir_all(&home).unwrap();
    std::fs::create_dir_all(&work).unwrap();
    let no_python = root.join("no-such-python");
    // Nothing anywhere and downloads off: PluginNotFound naming every place.
    run_child(
        "child_nothing_found",
        &[
            ("HOME", &home),
            ("UM_CACHE_DIR", &cache),
            ("UM_PYTHON", &no_python),
            ("UM_PJRT_NO_DOWNLOAD", Path::new("1")),
        ],
        &work,
    );
    // UM_PJRT_PLUGIN naming a missing file is an error naming it.
    run_child(
        "child_missing_env_plugin",
        &[
            ("UM_PJRT_PLUGIN", &root.join("gone.so")),
            ("UM_PYTHON", &no_python),
        ],
        &work,
    );
    // The user cache, then the project-local directory, which wins.
    let cached = cache.join("pjrt/xla-cpu-pjrt-0.0.1");
    std::fs::create_dir_all(&cached).unwrap();
    std::fs::write(cached.join("xla_cpu_pjrt.so"), b"x").unwrap();
    run_child(
        "child_found_in_user_cache",
        &[("UM_CACHE_DIR", &cache), ("UM_PYTHON", &no_python)],
        &work,
    );
    let local = work.join(".um-cache/pjrt/xla-cpu-pjrt-0.0.1");
    std::fs::create_dir_all(&local).unwrap();
    std::fs::write(local.join("xla_cpu_pjrt.so"), b"x").unwrap();
    run_child(
        "child_found_project_local",
        &[("UM_CACHE_DIR", &cache), ("UM_PYTHON", &no_python)],
        &work,
    );
    // Offline install from UM_PJRT_WHEEL: a wheel with the wrong hash is refused.
    let (wheel, _) = fake_wheel(&root, true);
    run_child(
        "child_wheel_env_is_verified",
        &[
            ("UM_CACHE_DIR", &root.join("empty-cache")),
            ("UM_PYTHON", &no_python),
            ("UM_PJRT_WHEEL", &wheel),
        ],
        &root.join("home"),
    );
    let _ = std::fs::remove_dir_all(&root);
}

#[test]
#[ignore = "run by discovery_order_and_errors in a child process"]
fn child_nothing_found() {
    match plugin::ensure_cpu_plugin().unwrap_err() {
        Error::PluginNotFound { searched } => {
            assert!(searched.contains("$UM_PJRT_PLUGIN (unset)"), "{searched}");
            assert!(searched.contains(".um-cache/pjrt/xla-cpu-pjrt-0.0.1/xla_cpu_pjrt.so"));
            let cache = std::env::var("UM_CACHE_DIR").unwrap();
            assert!(searched.contains(&format!("{cache}/pjrt/xla-cpu-pjrt-0.0.1/xla_cpu_pjrt.so")));
            assert!(searched.contains("Python site-packages ("), "{searched}");
            assert!(searched.contains("UM_PJRT_NO_DOWNLOAD=1"), "{searched}");
        }
        e => panic!("{e}"),
    }
    assert!(matches!(
        Device::cpu().unwrap_err(),
        Error::PluginNotFound { .. }
    ));
}

#[test]
#[ignore = "run by discovery_order_and_errors in a child process"]
fn child_missing_env_plugin() {
    let want = PathBuf::from(std::env::var("UM_PJRT_PLUGIN").unwrap());
    match plugin::ensure_cpu_plugin().unwrap_err() {
        Error::PluginLoad { path, problem } => {
            assert_eq!(path, want);
            assert!(problem.contains("UM_PJRT_PLUGIN"), "{problem}");
        }
        e => panic!("{e}"),
    }
}

#[test]
#[ignore = "run by discovery_order_and_errors in a child process"]
fn child_found_in_user_cache() {
    let cache = PathBuf::from(std::env::var("UM_CACHE_DIR").unwrap());
    assert_eq!(
        plugin::find_cpu_plugin().unwrap(),
        cache.join("pjrt/xla-cpu-pjrt-0.0.1/xla_cpu_pjrt.so")
    );
}

#[test]
#[ignore = "run by discovery_order_and_errors in a child process"]
fn child_found_project_local() {
    assert_eq!(
        plugin::find_cpu_plugin().unwrap(),
        Path::new(".um-cache/pjrt/xla-cpu-pjrt-0.0.1/xla_cpu_pjrt.so")
    );
}

#[test]
#[ignore = "run by discovery_order_and_errors in a child process"]
fn child_wheel_env_is_verified() {
    let e = plugin::ensure_cpu_plugin().unwrap_err();
    assert!(e.to_string().contains("sha256 mismatch"), "{e}");
    let cache = PathBuf::from(std::env::var("UM_CACHE_DIR").unwrap());
    assert!(!cache
        .join("pjrt/xla-cpu-pjrt-0.0.1/xla_cpu_pjrt.so")
        .exists());
}

// ----------------------------------------------------------------------------------------------
// runtime: devices and arrays
// ----------------------------------------------------------------------------------------------

#[test]
fn cpu_devices() {
    setup();
    let dev = Device::cpu().unwrap();
    assert_eq!(dev.to_string(), "cpu:0");
    assert_eq!(dev.platform(), "cpu");
    assert_eq!(dev.ordinal(), 0);
    assert!(
        dev.description().contains("TFRT_CPU_0"),
        "{}",
        dev.description()
    );
    let all = Device::cpu_devices().unwrap();
    assert_eq!(all.len(), 4);
    assert_eq!(all[0], dev);
    assert_ne!(all[1], dev);
    assert_eq!(all[3].to_string(), "cpu:3");
    assert_eq!(Device::from_plugin(&*PLUGIN, 2).unwrap(), all[2]);
    assert!(matches!(
        Device::from_plugin(&*PLUGIN, 4).unwrap_err(),
        Error::InvalidArgument { .. }
    ));
    if PLUGIN.ends_with("xla_cpu_pjrt.so") {
        assert_eq!(dev.plugin_version(), plugin::CPU_PLUGIN_VERSION);
    }
    assert!(dev.plugin_path().is_absolute());
}

#[test]
fn put_and_read_back_any_layout() {
    setup();
    let dev = Device::cpu().unwrap();
    let a = Array::from_shape_fn((3, 4, 5), |(i, j, k)| (i * 100 + j * 10 + k) as f64);
    // Standard, transposed, strided slices, a 0-d array, an empty one, dynamic rank.
    let d = dev.put(&a).unwrap();
    assert_eq!((d.shape(), d.ndim(), d.len()), (&[3, 4, 5][..], 3, 60));
    assert_eq!(d.dtype(), DType::F64);
    assert_eq!(d.device(), &dev);
    assert_eq!(d.to_ndarray().unwrap(), a);
    let t = a.view().reversed_axes();
    assert_eq!(dev.put(&t).unwrap().to_ndarray().unwrap(), t);
    let sl = a.slice(s![..;2, 1.., ..;-2]);
    assert_eq!(dev.put(&sl).unwrap().to_ndarray().unwrap(), sl);
    let z = ndarray::arr0(Complex32::new(1.0, 2.0));
    assert_eq!(dev.put(&z).unwrap().to_ndarray().unwrap(), z);
    let e = Array2::<i64>::zeros((0, 7));
    let de = dev.put(&e).unwrap();
    assert!(de.is_empty());
    assert_eq!(de.to_ndarray().unwrap(), e);
    let dynamic: ArrayD<bool> = ArrayD::from_shape_fn(IxDyn(&[2, 3]), |i| (i[0] + i[1]) % 2 == 0);
    assert_eq!(dev.put(&dynamic).unwrap().to_ndarray().unwrap(), dynamic);
    // Clones share the buffer.
    let c = d.clone();
    drop(d);
    assert_eq!(c.to_ndarray().unwrap(), a);
    // On another device.
    let d3 = Device::cpu_devices().unwrap()[3].put(&a).unwrap();
    assert_eq!(d3.device().ordinal(), 3);
    assert_eq!(d3.to_ndarray().unwrap(), a);
}

#[test]
fn impossible_sizes_are_typed_errors_not_panics() {
    let client = setup();
    // A zero-length axis passes the byte-size check whatever the other lengths are; PJRT takes
    // int64 lengths.
    match client
        .buffer_from_host(&[], DType::F32, &[0, usize::MAX], 0)
        .unwrap_err()
    {
        Error::InvalidArgument { arg, problem, .. } => {
            assert_eq!(arg, "dims");
            assert!(problem.contains("int64"), "{problem}");
        }
        e => panic!("{e}"),
    }
    // A broadcast view describing 2^65 bytes.
    let one = ndarray::arr0(1.0f64);
    let huge = one.broadcast((1usize << 31, 1usize << 31)).unwrap();
    assert!(matches!(
        Device::cpu().unwrap().put(&huge).unwrap_err(),
        Error::InvalidArgument { .. }
    ));
    assert!(matches!(
        AlignedArray::try_from_array(&huge).unwrap_err(),
        Error::InvalidArgument { .. }
    ));
}

#[test]
fn put_aligned_is_zero_copy() {
    setup();
    let dev = Device::cpu().unwrap();
    let a = Array::from_shape_fn((4, 16), |(i, j)| Complex64::new(i as f64, j as f64));
    let host = AlignedArray::from_array(&a.t());
    assert_eq!(host.as_ptr() as usize % 64, 0);
    assert_eq!(host.view(), a.t());
    let d = dev.put_aligned(&host).unwrap();
    assert!(d.is_zero_copy());
    drop(host); // the device array keeps the memory alive
    assert_eq!(d.to_ndarray().unwrap(), a.t());
    let v = AlignedArray::from_vec(Ix2(2, 3), vec![1i32, 2, 3, 4, 5, 6]).unwrap();
    assert_eq!(
        Device::cpu_devices().unwrap()[1]
            .put_aligned(&v)
            .unwrap()
            .to_ndarray()
            .unwrap(),
        array![[1, 2, 3], [4, 5, 6]]
    );
    assert!(AlignedArray::from_vec(Ix1(4), vec![1.0f32]).is_err());
}

#[test]
fn untyped_conversion_checks_dtype_and_rank() {
    setup();
    let d = Device::cpu().unwrap().put(&array![[1.0f32, 2.0]]).unwrap();
    let u = d.untyped();
    assert_eq!(u.tensor_type().to_string(), "f32[1,2]");
    assert!(DeviceArray::<f32, Ix2>::from_untyped(u.clone()).is_ok());
    let dynamic = DeviceArray::<f32, IxDyn>::from_untyped(u.clone()).unwrap();
    assert_eq!(dynamic.shape(), &[1, 2]);
    assert!(matches!(
        DeviceArray::<f64, Ix2>::from_untyped(u.clone()).unwrap_err(),
        Error::UnsupportedDtype { .. }
    ));
    assert!(matches!(
        DeviceArray::<f32, Ix1>::from_untyped(u).unwrap_err(),
        Error::InvalidArgument { .. }
    ));
}

// ----------------------------------------------------------------------------------------------
// runtime: execution and the executable cache
// ----------------------------------------------------------------------------------------------

#[test]
fn executes_and_hits_the_memory_cache() {
    let _shared = shared();
    setup();
    let dev = Device::cpu().unwrap();
    let p = add_program("memory");
    assert_eq!(run_add(&dev, &p, [1.0, 2.0], [3.0, 4.0]), [4.0, 6.0]);
    assert_eq!(p.stablehlo_calls(), 1);
    assert_eq!(runtime::compiles_for_fingerprint(p.fingerprint()), 1);
    let hits = runtime::stats().memory_hits;
    assert_eq!(run_add(&dev, &p, [1.0, 1.0], [1.0, 1.0]), [2.0, 2.0]);
    assert_eq!(
        p.stablehlo_calls(),
        1,
        "a hit does not lower the program again"
    );
    assert_eq!(
        runtime::compiles_for_fingerprint(p.fingerprint()),
        1,
        "nor compile it"
    );
    assert!(runtime::stats().memory_hits > hits);
    // Another device is another key.
    let dev2 = Device::cpu_devices().unwrap()[2].clone();
    assert_eq!(run_add(&dev2, &p, [1.0, 2.0], [3.0, 4.0]), [4.0, 6.0]);
    assert_eq!(runtime::compiles_for_fingerprint(p.fingerprint()), 2);
    assert!(dev.compile_count() >= 2);
    assert!(runtime::stats().max_compiles_per_key >= 1);
}

#[test]
fn racing_threads_compile_a_cold_key_once() {
    let _shared = shared();
    setup();
    let dev = Device::cpu().unwrap();
    let p = Arc::new(add_program("race"));
    let barrier = Arc::new(Barrier::new(8));
    let handles: Vec<_> = (0..8)
        .map(|t| {
            let (dev, p, barrier) = (dev.clone(), p.clone(), barrier.clone());
            std::thread::spawn(move || {
                let x = dev.put(&array![t as f32, 1.0]).unwrap();
                barrier.wait();
                let out = execute_text(&dev, &p, &[x.untyped(), x.untyped()]).unwrap();
                DeviceArray::<f32, Ix1>::from_untyped(out[0].clone())
                    .unwrap()
                    .to_ndarray()
                    .unwrap()
            })
        })
        .collect();
    for (t, h) in handles.into_iter().enumerate() {
        assert_eq!(h.join().unwrap(), array![2.0 * t as f32, 2.0]);
    }
    assert_eq!(runtime::compiles_for_fingerprint(p.fingerprint()), 1);
    assert_eq!(p.stablehlo_calls(), 1);
}

#[test]
fn arguments_are_checked_against_the_signature() {
    let _shared = shared();
    setup();
    let devs = Device::cpu_devices().unwrap();
    let p = add_program("signature");
    let x = devs[0].put(&array![1.0f32, 2.0]).unwrap();
    let wrong_dtype = devs[0].put(&array![1.0f64, 2.0]).unwrap();
    let wrong_shape = devs[0].put(&array![1.0f32, 2.0, 3.0]).unwrap();
    let other_device = devs[1].put(&array![1.0f32, 2.0]).unwrap();
    match execute_text(&devs[0], &p, &[x.untyped(), wrong_dtype.untyped()]).unwrap_err() {
        Error::SignatureMismatch {
            index,
            expected,
            got,
            ..
        } => {
            assert_eq!(index, 1);
            assert_eq!(expected, "f32[2]");
            assert_eq!(got, wrong_dtype.tensor_type().to_string());
        }
        e => panic!("{e}"),
    }
    assert!(matches!(
        execute_text(&devs[0], &p, &[wrong_shape.untyped(), x.untyped()]).unwrap_err(),
        Error::SignatureMismatch { index: 0, .. }
    ));
    assert!(matches!(
        execute_text(&devs[0], &p, &[x.untyped()]).unwrap_err(),
        Error::SignatureMismatch { .. }
    ));
    match execute_text(&devs[0], &p, &[x.untyped(), other_device.untyped()]).unwrap_err() {
        Error::DeviceMismatch { first, other, .. } => {
            assert_eq!((first.as_str(), other.as_str()), ("cpu:0", "cpu:1"));
        }
        e => panic!("{e}"),
    }
    assert_eq!(
        p.stablehlo_calls(),
        0,
        "nothing was compiled for bad arguments"
    );
}

#[test]
fn a_program_that_does_not_compile_reports_and_retries() {
    let _shared = shared();
    setup();
    let dev = Device::cpu().unwrap();
    let t = f32_2();
    let p = TextProgram::new(
        &format!("bad-{}", nonce()),
        "not mlir",
        vec![t.clone()],
        vec![t],
    );
    let x = dev.put(&array![1.0f32, 2.0]).unwrap();
    for _ in 0..2 {
        match execute_text(&dev, &p, &[x.untyped()]).unwrap_err() {
            Error::Pjrt {
                call,
                code,
                message,
            } => {
                assert_eq!(call, "PJRT_Client_Compile");
                // PJRT's own code and message, passed through unchanged.
                assert_eq!(code.name(), "UNKNOWN");
                assert!(
                    !message.is_empty() && message.contains("error"),
                    "{message}"
                );
            }
            e => panic!("{e}"),
        }
    }
    assert_eq!(p.stablehlo_calls(), 2, "a failed compilation is not cached");
}

fn cache_file_for(dir: &Path, before: &[PathBuf]) -> PathBuf {
    let now: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| !before.contains(p))
        .collect();
    assert_eq!(now.len(), 1, "exactly one new cache file: {now:?}");
    now[0].clone()
}

fn listing(dir: &Path) -> Vec<PathBuf> {
    std::fs::read_dir(dir)
        .map(|r| r.map(|e| e.unwrap().path()).collect())
        .unwrap_or_default()
}

#[test]
fn disk_cache_round_trip_and_rejections() {
    let _exclusive = RUNTIME_LOCK.write().unwrap_or_else(|e| e.into_inner());
    setup();
    let dir = temp_dir("disk");
    runtime::set_disk_cache_dir(Some(dir.clone()));
    runtime::set_disk_cache(true);
    let dev = Device::cpu_devices().unwrap()[1].clone();
    let p = add_program("disk");
    let fp = p.fingerprint().to_string();

    // Compiled and written.
    let s0 = runtime::stats();
    assert_eq!(run_add(&dev, &p, [1.0, 2.0], [3.0, 4.0]), [4.0, 6.0]);
    let s1 = runtime::stats();
    assert_eq!(s1.disk_writes, s0.disk_writes + 1);
    let file = cache_file_for(&dir, &[]);
    let bytes = std::fs::read(&file).unwrap();
    assert_eq!(&bytes[..8], b"UMXLAEXE");

    // Loaded from disk, not compiled, once the memory cache forgot it.
    runtime::evict_from_memory(&fp);
    assert_eq!(run_add(&dev, &p, [1.0, 2.0], [3.0, 4.0]), [4.0, 6.0]);
    let s2 = runtime::stats();
    assert_eq!(s2.disk_hits, s1.disk_hits + 1);
    assert_eq!(runtime::compiles_for_fingerprint(&fp), 1);
    assert_eq!(
        p.stablehlo_calls(),
        1,
        "a disk hit does not lower the program"
    );

    // Corrupt entries are ignored, rebuilt and overwritten.
    let version_at = 16; // magic (8) + format version (4) + length (4)
    let mut other_version = bytes.clone();
    other_version[version_at] ^= 0x20;
    let corruptions: Vec<(&str, Vec<u8>)> = vec![
        ("truncated", bytes[..bytes.len() / 2].to_vec()),
        ("flipped payload byte", {
            let mut b = bytes.clone();
            let n = b.len();
            b[n - 100] ^= 0xff;
            b
        }),
        ("other plugin version", other_version),
        ("empty", Vec::new()),
    ];
    for (i, (what, content)) in corruptions.into_iter().enumerate() {
        std::fs::write(&file, &content).unwrap();
        runtime::evict_from_memory(&fp);
        let before = runtime::stats();
        assert_eq!(
            run_add(&dev, &p, [1.0, 2.0], [3.0, 4.0]),
            [4.0, 6.0],
            "{what}"
        );
        let after = runtime::stats();
        assert_eq!(after.disk_rejects, before.disk_rejects + 1, "{what}");
        assert_eq!(
            runtime::compiles_for_fingerprint(&fp),
            2 + i as u64,
            "{what}"
        );
        assert_eq!(
            std::fs::read(&file).unwrap().len(),
            bytes.len(),
            "{what}: rewritten"
        );
        assert_eq!(listing(&dir).len(), 1, "{what}: no temporary files left");
    }
    // And the rewritten entry is good again.
    runtime::evict_from_memory(&fp);
    let before = runtime::stats();
    run_add(&dev, &p, [0.0, 0.0], [0.0, 0.0]);
    assert_eq!(runtime::stats().disk_hits, before.disk_hits + 1);

    // Switched off: nothing is read or written.
    runtime::set_disk_cache(false);
    assert!(!runtime::disk_cache_enabled());
    let q = add_program("disk-off");
    run_add(&dev, &q, [1.0, 2.0], [3.0, 4.0]);
    assert_eq!(listing(&dir).len(), 1);
    runtime::set_disk_cache(true);

    // An unusable directory (a file in its place) never fails a call: it compiles.
    let blocked = dir.join("blocked");
    std::fs::write(&blocked, b"a file, not a directory").unwrap();
    runtime::set_disk_cache_dir(Some(blocked));
    let r = add_program("disk-blocked");
    let before = runtime::stats();
    assert_eq!(run_add(&dev, &r, [1.0, 2.0], [3.0, 4.0]), [4.0, 6.0]);
    let after = runtime::stats();
    assert!(after.disk_errors > before.disk_errors);
    assert_eq!(runtime::compiles_for_fingerprint(r.fingerprint()), 1);

    runtime::set_disk_cache_dir(Some(temp_dir("exe-cache")));
}
