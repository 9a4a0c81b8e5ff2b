//! Choosing where metrics run: the host (ndarray), the PJRT CPU plugin, or a CUDA plugin.

use std::path::PathBuf;
use std::process::{Command, Stdio};

use clap::ValueEnum;
use ultrasound_metrics as um;

use crate::{CliError, CliResult};

/// The `--backend` choices.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum BackendChoice {
    /// The best available: a CUDA plugin, else the PJRT CPU plugin (installed on first use),
    /// else the host backend (with a note).
    Auto,
    /// The ndarray host backend.
    Host,
    /// The PJRT CPU plugin.
    Cpu,
    /// A CUDA PJRT plugin.
    Gpu,
}

/// Where this run's metrics execute.
pub struct Ctx {
    /// `None`: the host backend.
    pub device: Option<um::Device>,
}

impl Ctx {
    /// One line for humans: `PJRT cpu:0 (...)` or `host (ndarray)`.
    pub fn describe(&self) -> String {
        match &self.device {
            Some(d) => format!("PJRT {d} ({})", d.plugin_version()),
            None => "host (ndarray)".to_string(),
        }
    }

    /// A short name: `host`, `cpu:0`, `cuda:0`.
    pub fn short(&self) -> String {
        match &self.device {
            Some(d) => d.to_string(),
            None => "host".to_string(),
        }
    }
}

/// Python's site-packages directories (system and user); empty if Python is not there.
fn site_packages() -> Vec<PathBuf> {
    let python = std::env::var_os("UM_PYTHON")
        .filter(|v| !v.is_empty())
        .unwrap_or_else(|| "python3".into());
    let script = "import site\nfor p in site.getsitepackages() + [site.getusersitepackages()]:\n    print(p)\n";
    Command::new(python)
        .args(["-c", script])
        .stdin(Stdio::null())
        .stderr(Stdio::null())
        .output()
        .ok()
        .filter(|o| o.status.success())
        .map(|o| {
            String::from_utf8_lossy(&o.stdout)
                .lines()
                .map(str::trim)
                .filter(|l| !l.is_empty())
                .map(PathBuf::from)
                .collect()
        })
        .unwrap_or_default()
}

/// Where JAX's CUDA plugins put their PJRT library, relative to site-packages.
const CUDA_PLUGIN_PATHS: &[&str] = &[
    "jax_plugins/xla_cuda12/xla_cuda_plugin.so",
    "jax_plugins/xla_cuda13/xla_cuda_plugin.so",
    "jax_plugins/xla_cuda/xla_cuda_plugin.so",
];

/// The CUDA plugin candidates: `UM_PJRT_PLUGIN` (when it is not the CPU plugin), then JAX's
/// CUDA plugins in site-packages. Returns the candidates and the places searched.
pub fn gpu_plugin_candidates() -> (Vec<PathBuf>, Vec<String>) {
    let mut found = Vec::new();
    let mut searched = Vec::new();
    if let Some(p) = std::env::var_os("UM_PJRT_PLUGIN").filter(|v| !v.is_empty()) {
        let p = PathBuf::from(p);
        searched.push(format!("$UM_PJRT_PLUGIN ({})", p.display()));
        if p.is_file() && !p.ends_with(um::pjrt::plugin::CPU_PLUGIN_FILE) {
            found.push(p);
        }
    } else {
        searched.push("$UM_PJRT_PLUGIN (unset)".into());
    }
    for dir in site_packages() {
        for rel in CUDA_PLUGIN_PATHS {
            let c = dir.join(rel);
            if c.is_file() {
                found.push(c);
            } else {
                searched.push(c.display().to_string());
            }
        }
    }
    (found, searched)
}

/// The first device of the first CUDA plugin that loads.
pub fn gpu_device() -> Result<um::Device, String> {
    let (found, searched) = gpu_plugin_candidates();
    if found.is_empty() {
        return Err(format!(
            "no CUDA PJRT plugin found (looked in: {}); set UM_PJRT_PLUGIN to xla_cuda_plugin.so \
             or `pip install jax-cuda12-plugin`, or use --backend cpu / host",
            searched.join("; ")
        ));
    }
    let mut problems = Vec::new();
    for p in found {
        match um::Device::from_plugin(&p, 0) {
            Ok(d) if d.platform() != "cpu" => return Ok(d),
            Ok(_) => problems.push(format!("{} is a CPU plugin", p.display())),
            Err(e) => problems.push(e.to_string()),
        }
    }
    Err(format!(
        "no usable CUDA PJRT plugin: {}",
        problems.join("; ")
    ))
}

/// Resolves `--backend`. `auto` never fails: it falls back to the host with a note on stderr.
pub fn resolve(choice: BackendChoice) -> CliResult<Ctx> {
    match choice {
        BackendChoice::Host => Ok(Ctx { device: None }),
        BackendChoice::Cpu => Ok(Ctx {
            device: Some(um::Device::cpu()?),
        }),
        BackendChoice::Gpu => Ok(Ctx {
            device: Some(gpu_device().map_err(CliError::fail)?),
        }),
        BackendChoice::Auto => {
            if !gpu_plugin_candidates().0.is_empty() {
                match gpu_device() {
                    Ok(d) => return Ok(Ctx { device: Some(d) }),
                    Err(e) => eprintln!("note: {e}; trying the CPU plugin"),
                }
            }
            match um::Device::cpu() {
                Ok(d) => Ok(Ctx { device: Some(d) }),
                Err(e) => {
                    eprintln!(
                        "note: PJRT unavailable ({}); using the host backend",
                        crate::one_line(&e.to_string())
                    );
                    Ok(Ctx { device: None })
                }
            }
        }
    }
}
