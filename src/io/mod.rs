//! Reading input files: numpy `.npy` / `.npz` and USTB UFF (HDF5).
//!
//! Every reader validates its input completely (sizes, shapes, dtypes) and reports a problem as
//! an [`Error::Io`](crate::Error::Io) naming the file, never by panicking, so they can be fed
//! untrusted files (and fuzzed). [`read_array`] picks the format from the file's first bytes.
//!
//! ```
//! use ultrasound_metrics::io;
//! let path = std::env::temp_dir().join(format!("um-doc-io-{}.npy", std::process::id()));
//! std::fs::write(&path, b"\x93NUMPY\x01\x00garbage").unwrap();
//! let e = io::read_array(&path, None).unwrap_err();
//! assert!(e.to_string().starts_with(&path.display().to_string()));
//! # std::fs::remove_file(&path).ok();
//! ```

pub mod npy;
pub mod uff;

use std::io::Read;
use std::path::Path;

use ndarray::{Array1, IxDyn};

use crate::error::{Error, Result};
use crate::host::{with_host, HostTensor};

/// A file format [`read_array`] understands.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// A numpy `.npy` array.
    Npy,
    /// A numpy `.npz` archive (zip of `.npy` members).
    Npz,
    /// A USTB UFF file (HDF5).
    Uff,
}

/// Detects the format from the file's first bytes (the extension is only used in the message
/// when the content is not recognised).
///
/// ```no_run
/// use ultrasound_metrics::io::{detect_format, Format};
/// assert_eq!(detect_format("PICMUS_experiment_contrast_speckle.uff")?, Format::Uff);
/// # Ok::<(), ultrasound_metrics::Error>(())
/// ```
pub fn detect_format(path: impl AsRef<Path>) -> Result<Format> {
    let path = path.as_ref();
    let mut head = [0u8; 8];
    let mut f = std::fs::File::open(path).map_err(|e| Error::Io {
        path: path.to_path_buf(),
        problem: format!("cannot open: {e}"),
    })?;
    let mut n = 0;
    while n < head.len() {
        match f.read(&mut head[n..]) {
            Ok(0) => break,
            Ok(k) => n += k,
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => {}
            Err(e) => {
                return Err(Error::Io {
                    path: path.to_path_buf(),
                    problem: format!("cannot read: {e}"),
                })
            }
        }
    }
    let head = &head[..n];
    if head.starts_with(npy::NPY_MAGIC) {
        return Ok(Format::Npy);
    }
    if head.starts_with(b"PK\x03\x04") || head.starts_with(b"PK\x05\x06") {
        return Ok(Format::Npz);
    }
    if head.starts_with(uff::HDF5_MAGIC) {
        return Ok(Format::Uff);
    }
    let ext = path
        .extension()
        .and_then(|e| e.to_str())
        .unwrap_or("")
        .to_ascii_lowercase();
    let problem = if n == 0 {
        "the file is empty".to_string()
    } else {
        match ext.as_str() {
            "npy" => "truncated or corrupt .npy file (bad magic string)".into(),
            "npz" => "truncated or corrupt .npz file (not a zip archive)".into(),
            "uff" | "h5" | "hdf5" => "truncated or corrupt UFF/HDF5 file (bad signature)".into(),
            _ => "unrecognised file format (expected .npy, .npz or UFF/HDF5)".into(),
        }
    };
    Err(Error::Io {
        path: path.to_path_buf(),
        problem,
    })
}

/// An array read from a file, with the pixel grid when the file has one.
#[derive(Debug, Clone)]
pub struct LoadedArray {
    /// The data, of the dtype stored.
    pub data: HostTensor<'static>,
    /// Lateral pixel positions (m), for the last axis (UFF beamformed data).
    pub x_axis: Option<Array1<f64>>,
    /// Pixel depths (m), for the second-to-last axis (UFF beamformed data).
    pub z_axis: Option<Array1<f64>>,
    /// What was read: the npz member or UFF object name (empty for a `.npy`).
    pub member: String,
    /// The format.
    pub format: Format,
}

/// Reads an array from a `.npy`, `.npz` (`member` chooses the array; optional when there is
/// only one) or UFF file (`member` chooses the UFF object; default the first
/// `uff.beamformed_data`).
///
/// UFF beamformed data comes back as `(Nz, Nx)` (rows are depths), or `(channels, Nz, Nx)` when
/// it has several channels (delayed channel data, as the coherence metrics take), with leading
/// `(frames, waves)` axes only when there are several; `x_axis`/`z_axis` are set. UFF channel
/// data comes back as `[sample × channel × wave × frame]` (stored dimensions).
///
/// ```no_run
/// let a = ultrasound_metrics::io::read_array("cyst.npz", Some("channel_images"))?;
/// println!("{} {}", a.member, a.data.ty());
/// # Ok::<(), ultrasound_metrics::Error>(())
/// ```
pub fn read_array(path: impl AsRef<Path>, member: Option<&str>) -> Result<LoadedArray> {
    let path = path.as_ref();
    let format = detect_format(path)?;
    match format {
        Format::Npy => {
            if let Some(m) = member {
                return Err(Error::Io {
                    path: path.to_path_buf(),
                    problem: format!("a .npy file has no members (got --member {m})"),
                });
            }
            Ok(LoadedArray {
                data: npy::read_npy(path)?,
                x_axis: None,
                z_axis: None,
                member: String::new(),
                format,
            })
        }
        Format::Npz => {
            let names = npy::npz_members(path)?;
            let data = npy::read_npz(path, member)?;
            let member = match member {
                Some(m) => m.strip_suffix(".npy").unwrap_or(m).to_string(),
                None => names.into_iter().next().unwrap_or_default(),
            };
            Ok(LoadedArray {
                data,
                x_axis: None,
                z_axis: None,
                member,
                format,
            })
        }
        Format::Uff => {
            let file = uff::Uff::open(path)?;
            let class = match member {
                Some(m) => file
                    .objects()?
                    .into_iter()
                    .find(|(n, _)| n == m.trim_start_matches('/'))
                    .map(|(_, c)| c),
                None => None,
            };
            if class.as_deref() == Some(uff::CHANNEL_DATA) {
                let cd = file.channel_data(member)?;
                return Ok(LoadedArray {
                    data: cd.data,
                    x_axis: None,
                    z_axis: None,
                    member: cd.name,
                    format,
                });
            }
            let bf = file.beamformed_data(member)?;
            let shape = bf.data.shape().to_vec();
            let (f, w, c) = (shape[0], shape[1], shape[2]);
            let keep: Vec<usize> = if f == 1 && w == 1 {
                if c == 1 {
                    vec![shape[3], shape[4]]
                } else {
                    vec![c, shape[3], shape[4]]
                }
            } else {
                shape.clone()
            };
            let data = with_host!(bf.data, a => {
                let a = a.into_owned().into_shape_with_order(IxDyn(&keep)).map_err(|e| Error::Io {
                    path: path.to_path_buf(),
                    problem: format!("internal reshape error: {e}"),
                })?;
                HostTensor::from(a)
            });
            Ok(LoadedArray {
                data,
                x_axis: Some(bf.x_axis),
                z_axis: Some(bf.z_axis),
                member: bf.name,
                format,
            })
        }
    }
}
