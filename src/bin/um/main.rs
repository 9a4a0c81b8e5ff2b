//! `um`: ultrasound image-quality metrics from the command line.
//!
//! Commands: `demo` (the embedded synthetic dataset: a table of every metric and PNG pictures),
//! `metric NAME FILE` (one metric on a `.npy`, `.npz` or UFF file), `batch PATHS… --metrics …`
//! (many files, resumable, shardable), `metrics` (the list), `devices`, `graphs`, `setup`.
//!
//! Errors are one line on stderr (`um: error: FILE: problem`) with a non-zero exit status; no
//! output file is left behind by a failed command.

mod backend;
mod batch;
mod demo;
mod metrics;
mod output;
mod picture;
mod roi;
mod tools;

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Args, Parser, Subcommand};
use ultrasound_metrics as um;

use backend::BackendChoice;
use roi::Units;

#[derive(Parser)]
#[command(
    name = "um",
    version,
    about = "Ultrasound image-quality metrics, compiled through XLA/PJRT",
    after_help = "Examples:\n  um demo --out um-demo/\n  um metric cf channels.npz --member channel_images --json\n  um metric gcnr picmus.uff --roi-in circle:-3.5,30,3 --roi-out circle:3.5,30,3 --units mm\n  um batch data/*.uff --metrics cf,gcnr --roi-in circle:0,30,3 --roi-out circle:6,30,3 --units mm --out results.csv"
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

/// Where metrics run.
#[derive(Args, Clone, Debug)]
pub struct BackendArgs {
    /// Where to run the metrics: auto = the best available (a CUDA plugin, else the PJRT CPU
    /// plugin, else the host); host = ndarray; cpu = the PJRT CPU plugin; gpu = a CUDA PJRT
    /// plugin (UM_PJRT_PLUGIN or one found in Python's site-packages).
    #[arg(long, value_enum, default_value = "auto")]
    pub backend: BackendChoice,
}

/// Metric parameters and regions of interest, shared by `metric` and `batch`.
#[derive(Args, Clone, Debug, Default)]
pub struct MetricArgs {
    /// Region inside (signal / target): `circle:X,Z,R` or `rect:X0,Z0,X1,Z1` (in --units;
    /// X is lateral, Z depth).
    #[arg(long, value_name = "SHAPE")]
    pub roi_in: Option<String>,
    /// Region outside (background / noise), same syntax as --roi-in.
    #[arg(long, value_name = "SHAPE")]
    pub roi_out: Option<String>,
    /// Units of the ROI coordinates: px (column, row indices), m or mm (physical, from the
    /// file's scan grid or --pixel-size).
    #[arg(long, value_enum, default_value = "px")]
    pub units: Units,
    /// Pixel size `DX,DZ` in metres, for physical ROI units on files without a scan grid.
    #[arg(long, value_name = "DX,DZ")]
    pub pixel_size: Option<String>,
    /// Position `X0,Z0` (m) of pixel (0, 0), with --pixel-size (default 0,0).
    #[arg(long, value_name = "X0,Z0")]
    pub origin: Option<String>,
    /// Exponent of the phase / sign coherence factors (pcf, scf).
    #[arg(long, default_value_t = 1.0)]
    pub power: f64,
    /// Low-frequency half-width of the generalized coherence factor (gcf).
    #[arg(long, default_value_t = 1)]
    pub m0: usize,
    /// Amplitude-based coherence factor (|Σx| / Σ|x|) instead of power-based.
    #[arg(long)]
    pub amplitude: bool,
    /// Report contrast in decibels.
    #[arg(long)]
    pub db: bool,
    /// Number of histogram bins (gcnr).
    #[arg(long, default_value_t = 100)]
    pub bins: usize,
    /// Tenengrad: the mean gradient magnitude instead of the sum.
    #[arg(long)]
    pub normalize: bool,
    /// Clipping: flag samples beyond ±T (the threshold method); without it, samples within
    /// --range-factor of each series' extremes (the max-amplitude method).
    #[arg(long, value_name = "T")]
    pub clip_threshold: Option<f64>,
    /// Clipping, max-amplitude method: closeness to the extremes, as a fraction of the range.
    #[arg(long, default_value_t = 0.01)]
    pub range_factor: f64,
    /// Channel noise: estimate from repeated measurements (axis 0 repeats the acquisition) or
    /// from the differences of adjacent frames.
    #[arg(long, value_enum, default_value = "repeated")]
    pub noise_method: NoiseChoice,
}

/// `--noise-method`.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, clap::ValueEnum)]
pub enum NoiseChoice {
    /// Repeated measurements of the same scene along axis 0.
    #[default]
    Repeated,
    /// Adjacent frames along axis 0.
    Adjacent,
}

#[derive(Subcommand)]
enum Command {
    /// Run every metric on the embedded synthetic dataset: print a table and write pictures
    /// (B-mode with the ROIs, coherence maps, gCNR histograms).
    Demo {
        /// Output folder for the PNG pictures.
        #[arg(long, default_value = "um-demo")]
        out: PathBuf,
        #[command(flatten)]
        backend: BackendArgs,
        /// Use the reduced phantom (32 elements, 51 x 41 pixels), for quick checks.
        #[arg(long)]
        small: bool,
        /// Print the table as JSON instead.
        #[arg(long)]
        json: bool,
    },
    /// Compute one metric on a file (.npy, .npz or UFF/HDF5).
    Metric {
        /// The metric (see `um metrics`).
        name: String,
        /// The input file.
        file: PathBuf,
        /// The npz member or UFF object to read (default: the only npz member / the first
        /// uff.beamformed_data).
        #[arg(long)]
        member: Option<String>,
        #[command(flatten)]
        params: MetricArgs,
        #[command(flatten)]
        backend: BackendArgs,
        /// Print JSON instead of text.
        #[arg(long)]
        json: bool,
        /// Also write the result (JSON) to this file (atomically: no file on error).
        #[arg(long)]
        out: Option<PathBuf>,
    },
    /// Evaluate metrics on many files; one row per file and metric, resumable and shardable.
    Batch {
        /// Input files, or folders (searched recursively for .npy, .npz, .uff, .h5, .hdf5).
        #[arg(required = true)]
        paths: Vec<PathBuf>,
        /// Comma-separated metric names (see `um metrics`).
        #[arg(long, value_delimiter = ',', required = true)]
        metrics: Vec<String>,
        /// Output: `.csv` or `.jsonl`. Rows already there are skipped (resume).
        #[arg(long)]
        out: PathBuf,
        /// Process only shard I of N (1-based): the files at positions I, I+N, I+2N, … of
        /// the sorted path list.
        #[arg(long, value_name = "I/N")]
        shard: Option<String>,
        /// The npz member or UFF object to read in every file.
        #[arg(long)]
        member: Option<String>,
        /// Files processed at once, each worker on its own device of the plugin (the CPU
        /// plugin has 4). Default: the number of cores, at most the number of devices; 1 on
        /// the host backend. Rows are written in file order whatever the number of jobs.
        #[arg(long, short = 'j', value_name = "N")]
        jobs: Option<usize>,
        #[command(flatten)]
        params: MetricArgs,
        #[command(flatten)]
        backend: BackendArgs,
    },
    /// List the metrics `metric` and `batch` know.
    Metrics,
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

/// An error of the command line: one line, exit status 1 (or 2 for usage errors).
#[derive(Debug)]
pub struct CliError {
    message: String,
    code: u8,
}

impl CliError {
    /// A usage error (bad flag values).
    pub fn usage(message: impl Into<String>) -> Self {
        CliError {
            message: message.into(),
            code: 2,
        }
    }
    /// A failure (exit status 1).
    pub fn fail(message: impl Into<String>) -> Self {
        CliError {
            message: message.into(),
            code: 1,
        }
    }
}

impl From<um::Error> for CliError {
    fn from(e: um::Error) -> Self {
        CliError::fail(e.to_string())
    }
}

/// The result type of the commands.
pub type CliResult<T = ()> = Result<T, CliError>;

fn main() -> ExitCode {
    // Library code does not panic on bad input; should anything else, say so in one line.
    std::panic::set_hook(Box::new(|info| {
        let msg = info
            .payload()
            .downcast_ref::<&str>()
            .map(|s| s.to_string())
            .or_else(|| info.payload().downcast_ref::<String>().cloned())
            .unwrap_or_else(|| "unknown panic".into());
        // stdout closed early (`um ... | head`): stop quietly, as Unix tools do on SIGPIPE
        if msg.contains("failed printing to stdout") && msg.contains("Broken pipe") {
            std::process::exit(141);
        }
        let at = info
            .location()
            .map(|l| format!(" at {}:{}", l.file(), l.line()))
            .unwrap_or_default();
        eprintln!(
            "um: internal error: {}{at} (please report it)",
            one_line(&msg)
        );
    }));
    let cli = Cli::parse();
    let r = match cli.command {
        Command::Demo {
            out,
            backend,
            small,
            json,
        } => demo::run(&out, backend.backend, small, json),
        Command::Metric {
            name,
            file,
            member,
            params,
            backend,
            json,
            out,
        } => metrics::run_command(
            &name,
            &file,
            member.as_deref(),
            &params,
            backend.backend,
            json,
            out.as_deref(),
        ),
        Command::Batch {
            paths,
            metrics,
            out,
            shard,
            member,
            jobs,
            params,
            backend,
        } => batch::run(
            &paths,
            &metrics,
            &out,
            batch::Selection {
                shard: shard.as_deref(),
                member: member.as_deref(),
                jobs,
            },
            &params,
            backend.backend,
        ),
        Command::Metrics => {
            metrics::list();
            Ok(())
        }
        Command::Graphs { out, check } => tools::graphs(&out, check),
        Command::Devices => tools::devices(),
        Command::Setup => tools::setup(),
    };
    match r {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("um: error: {}", one_line(&e.message));
            ExitCode::from(e.code)
        }
    }
}

/// Joins the lines of a message into one.
pub fn one_line(s: &str) -> String {
    s.split(['\n', '\r'])
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}
