//! `um`: ultrasound metrics from the command line.

use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Instant;

use clap::{Parser, Subcommand, ValueEnum};
use ndarray::{Array2, ArrayView2};
use ultrasound_metrics as um;
use um::data::synthetic;
use um::metrics::{CfParams, GcfParams, PcfParams, ScfParams};

#[derive(Parser)]
#[command(
    name = "um",
    version,
    about = "Ultrasound image-quality metrics, compiled through XLA/PJRT"
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
enum BackendChoice {
    /// PJRT CPU if the plugin is available (installing it on first use), else host.
    Auto,
    /// The ndarray host backend.
    Host,
    /// The PJRT CPU plugin.
    Cpu,
}

#[derive(Subcommand)]
enum Command {
    /// Run every metric on the embedded synthetic dataset and print a summary.
    Demo {
        /// Where to run the metrics.
        #[arg(long, value_enum, default_value = "auto")]
        backend: BackendChoice,
    },
    /// Write the StableHLO of every metric at its reference shape (the `graphs/` folder).
    Graphs {
        /// Output folder.
        #[arg(long, default_value = "graphs")]
        out: PathBuf,
        /// Only check that the folder is up to date; exit 1 if not.
        #[arg(long)]
        check: bool,
    },
    /// List the PJRT plugins found, their versions and devices, and the cache location.
    Devices,
    /// Install the pinned PJRT CPU plugin (xla-cpu-pjrt 0.0.1, sha256-verified) into the user cache.
    Setup,
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let r = match cli.command {
        Command::Demo { backend } => demo(backend),
        Command::Graphs { out, check } => graphs(&out, check),
        Command::Devices => devices(),
        Command::Setup => setup(),
    };
    match r {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("um: error: {e}");
            ExitCode::FAILURE
        }
    }
}

fn setup() -> um::Result<()> {
    let path = um::pjrt::plugin::ensure_cpu_plugin()?;
    println!("PJRT CPU plugin ready: {}", path.display());
    Ok(())
}

fn devices() -> um::Result<()> {
    match um::Device::cpu_devices() {
        Ok(devs) => {
            if let Some(d) = devs.first() {
                println!(
                    "plugin  {} ({})",
                    d.plugin_path().display(),
                    d.plugin_version()
                );
                println!("platform {}", d.platform());
            }
            for d in &devs {
                println!("  {d}  {}", d.description());
            }
        }
        Err(e) => println!("no PJRT CPU plugin: {e}"),
    }
    println!("host backend: always available (ndarray)");
    println!(
        "executable cache: {}",
        um::runtime::disk_cache_dir().display()
    );
    Ok(())
}

fn graphs(out: &std::path::Path, check: bool) -> um::Result<()> {
    let entries = um::metrics::catalog::reference_programs()?;
    let io = |e: std::io::Error, p: &std::path::Path| um::Error::Io {
        path: p.to_path_buf(),
        problem: e.to_string(),
    };
    if !check {
        std::fs::create_dir_all(out).map_err(|e| io(e, out))?;
    }
    let mut stale = Vec::new();
    for e in &entries {
        let path = out.join(format!("{}.mlir", e.stem));
        let text = e.program.to_stablehlo();
        if check {
            if std::fs::read_to_string(&path).ok().as_deref() != Some(text.as_str()) {
                stale.push(path);
            }
        } else {
            std::fs::write(&path, text).map_err(|e| io(e, &path))?;
            println!("wrote {}", path.display());
        }
    }
    if !stale.is_empty() {
        for p in &stale {
            eprintln!("out of date: {}", p.display());
        }
        return Err(um::Error::Io {
            path: out.to_path_buf(),
            problem: "graphs are out of date: run `cargo run --release -- graphs`".into(),
        });
    }
    if check {
        println!("{} graphs up to date in {}", entries.len(), out.display());
    }
    Ok(())
}

/// Mean of `map` where `mask` is true.
fn masked_mean(map: ArrayView2<f32>, mask: &Array2<bool>) -> f64 {
    let (mut s, mut n) = (0.0, 0usize);
    for (v, &m) in map.iter().zip(mask.iter()) {
        if m {
            s += *v as f64;
            n += 1;
        }
    }
    s / n as f64
}

fn demo(choice: BackendChoice) -> um::Result<()> {
    let t0 = Instant::now();
    let ds = synthetic::default_dataset();
    let (m, nz, nx) = ds.channel_data.dim();
    println!(
        "synthetic dataset: {m} elements x {nz} depths x {nx} lateral pixels (complex64), generated in {:.0} ms",
        t0.elapsed().as_secs_f64() * 1e3
    );
    let device = match choice {
        BackendChoice::Host => None,
        BackendChoice::Cpu => Some(um::Device::cpu()?),
        BackendChoice::Auto => match um::Device::cpu() {
            Ok(d) => Some(d),
            Err(e) => {
                eprintln!("note: PJRT unavailable ({e}); using the host backend");
                None
            }
        },
    };
    match &device {
        Some(d) => println!("backend: PJRT {} ({})", d, d.description()),
        None => println!("backend: host (ndarray)"),
    }
    let x = &ds.channel_data;
    let xd = match &device {
        Some(d) => Some(d.put(x)?),
        None => None,
    };
    type Run<'a> = Box<dyn Fn() -> um::Result<Array2<f32>> + 'a>;
    let metrics: Vec<(&str, Run)> = match &xd {
        Some(xd) => vec![
            (
                "CF",
                Box::new(|| um::coherence_factor(xd, CfParams::default())?.to_ndarray()),
            ),
            (
                "GCF m0=1",
                Box::new(|| {
                    um::generalized_coherence_factor(xd, GcfParams::default())?.to_ndarray()
                }),
            ),
            (
                "PCF",
                Box::new(|| um::phase_coherence_factor(xd, PcfParams::default())?.to_ndarray()),
            ),
            (
                "SCF",
                Box::new(|| um::sign_coherence_factor(xd, ScfParams::default())?.to_ndarray()),
            ),
        ],
        None => vec![
            (
                "CF",
                Box::new(|| um::coherence_factor(x, CfParams::default())),
            ),
            (
                "GCF m0=1",
                Box::new(|| um::generalized_coherence_factor(x, GcfParams::default())),
            ),
            (
                "PCF",
                Box::new(|| um::phase_coherence_factor(x, PcfParams::default())),
            ),
            (
                "SCF",
                Box::new(|| um::sign_coherence_factor(x, ScfParams::default())),
            ),
        ],
    };
    let cyst = ds.cyst_mask();
    let background = ds.background_mask();
    // within one wavelength of a point target
    let mut targets = Array2::from_elem(cyst.dim(), false);
    for &(px, pz) in &ds.point_targets {
        targets = targets | ds.mask_circle(px, pz, ds.wavelength());
    }
    println!();
    println!(
        "{:<10} {:>9} {:>9} {:>9} {:>9} {:>12} {:>12}",
        "metric", "mean", "cyst", "backgr.", "targets", "first call", "cached call"
    );
    for (name, run) in &metrics {
        let t = Instant::now();
        let map = run()?;
        let first = t.elapsed();
        let t = Instant::now();
        let again = run()?;
        let cached = t.elapsed();
        debug_assert_eq!(map, again);
        println!(
            "{:<10} {:>9.4} {:>9.4} {:>9.4} {:>9.4} {:>9.2} ms {:>9.3} ms",
            name,
            map.mean().unwrap_or(f32::NAN),
            masked_mean(map.view(), &cyst),
            masked_mean(map.view(), &background),
            masked_mean(map.view(), &targets),
            first.as_secs_f64() * 1e3,
            cached.as_secs_f64() * 1e3,
        );
    }
    if let Some(d) = &device {
        println!(
            "\ncompiles on {d}: {} (first calls compile, cached calls reuse the executable)",
            d.compile_count()
        );
    }
    Ok(())
}
