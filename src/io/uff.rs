//! UFF files: USTB's "Ultrasound File Format" (HDF5), as used by PICMUS and read by the
//! reference's `load_uff_dataset` (through `pyuff_ustb`).
//!
//! # Layout on disk
//!
//! Each UFF object is an HDF5 group with the attributes `class` (`"uff.beamformed_data"`,
//! `"uff.channel_data"`, `"uff.linear_scan"`, ...), `name` and `size`. A numeric field is a
//! dataset; when the field's `complex` attribute is 1 it is a group holding `real` and `imag`
//! datasets instead. Strings are HDF5 strings or arrays of character codes (MATLAB).
//!
//! * `uff.beamformed_data`: `data` (pixels × channels × waves × frames in MATLAB order) and
//!   `scan` (a `uff.linear_scan` with `x_axis`, `z_axis`; pixels are stored z-fastest). MATLAB
//!   writes the dimensions reversed (`frames, waves, channels, pixels` as HDF5 sees them),
//!   `pyuff_ustb` writes them as they are: the reader finds the pixel axis at either end.
//! * `uff.channel_data`: `data` stored reversed on disk (as MATLAB writes it) and returned as
//!   `[sample × channel × wave × frame]` (as `pyuff_ustb` returns it), with the scalars
//!   `sampling_frequency`, `initial_time`, `sound_speed`, `modulation_frequency` where present.
//!
//! The file is read with [`hdf5_reader`], a pure-Rust HDF5 decoder hardened against malformed
//! input; every shape, dtype and size is validated here as well, so a corrupt or unexpected
//! file is an [`Error::Io`] naming the file and the problem, never a panic.

use std::path::{Path, PathBuf};

use hdf5_reader::{Datatype, Hdf5File};
use ndarray::{Array1, ArrayD, Axis, IxDyn};
use num_complex::Complex;

use crate::dtype::Element;
use crate::error::{Error, Result};
use crate::host::HostTensor;

/// The first bytes of every HDF5 file (at offset 0; HDF5 also allows 512, 1024, ...).
pub const HDF5_MAGIC: &[u8] = b"\x89HDF\r\n\x1a\n";

/// The kinds of UFF object this reader understands.
pub const BEAMFORMED_DATA: &str = "uff.beamformed_data";
/// See [`BEAMFORMED_DATA`].
pub const CHANNEL_DATA: &str = "uff.channel_data";

/// An open UFF file.
pub struct Uff {
    path: PathBuf,
    file: Hdf5File,
}

/// A real or complex numeric field, f32 or f64.
enum Field {
    F32(ArrayD<f32>),
    F64(ArrayD<f64>),
    C64(ArrayD<Complex<f32>>),
    C128(ArrayD<Complex<f64>>),
}

impl Field {
    fn shape(&self) -> &[usize] {
        match self {
            Field::F32(a) => a.shape(),
            Field::F64(a) => a.shape(),
            Field::C64(a) => a.shape(),
            Field::C128(a) => a.shape(),
        }
    }
    fn map<E>(
        self,
        f: impl Fn(ArrayD<f32>) -> std::result::Result<ArrayD<f32>, E>,
        g: impl Fn(ArrayD<f64>) -> std::result::Result<ArrayD<f64>, E>,
        h: impl Fn(ArrayD<Complex<f32>>) -> std::result::Result<ArrayD<Complex<f32>>, E>,
        k: impl Fn(ArrayD<Complex<f64>>) -> std::result::Result<ArrayD<Complex<f64>>, E>,
    ) -> std::result::Result<Field, E> {
        Ok(match self {
            Field::F32(a) => Field::F32(f(a)?),
            Field::F64(a) => Field::F64(g(a)?),
            Field::C64(a) => Field::C64(h(a)?),
            Field::C128(a) => Field::C128(k(a)?),
        })
    }
    fn into_host(self) -> HostTensor<'static> {
        match self {
            Field::F32(a) => a.into(),
            Field::F64(a) => a.into(),
            Field::C64(a) => a.into(),
            Field::C128(a) => a.into(),
        }
    }
}

/// Beamformed data with its (linear) scan grid.
#[derive(Debug, Clone)]
pub struct BeamformedData {
    /// The UFF object's group name.
    pub name: String,
    /// The data, shape `(frames, waves, channels, Nz, Nx)`: rows are depths, columns lateral
    /// positions. `float32`/`float64` or `complex64`/`complex128` as stored.
    pub data: HostTensor<'static>,
    /// Lateral pixel positions (m), length `Nx`.
    pub x_axis: Array1<f64>,
    /// Pixel depths (m), length `Nz`.
    pub z_axis: Array1<f64>,
}

/// Channel data (not delayed), as `pyuff_ustb` returns it.
#[derive(Debug, Clone)]
pub struct ChannelData {
    /// The UFF object's group name.
    pub name: String,
    /// Shape `[sample × channel × wave × frame]` (the dimensions stored; MATLAB drops trailing
    /// singleton dimensions, so a single wave and frame give `[sample × channel]`).
    pub data: HostTensor<'static>,
    /// Sampling frequency (Hz), if stored.
    pub sampling_frequency: Option<f64>,
    /// Time of the first sample (s), if stored.
    pub initial_time: Option<f64>,
    /// Speed of sound (m/s), if stored.
    pub sound_speed: Option<f64>,
    /// Modulation frequency (Hz; 0 for RF), if stored.
    pub modulation_frequency: Option<f64>,
}

fn h5(e: hdf5_reader::error::Error) -> String {
    e.to_string()
}

/// Reads a string attribute written as an HDF5 string or as character codes.
fn attr_string(attrs: &[hdf5_reader::Attribute], name: &str) -> Option<String> {
    let a = attrs.iter().find(|a| a.name == name)?;
    if let Ok(s) = a.read_string() {
        return Some(s.trim_end_matches('\0').to_string());
    }
    if let Ok(mut v) = a.read_strings() {
        if v.len() == 1 {
            return v.pop();
        }
    }
    let codes: Vec<f64> = match &a.datatype {
        Datatype::FixedPoint { size: 1, .. } => {
            a.read_1d::<u8>().ok()?.into_iter().map(f64::from).collect()
        }
        Datatype::FixedPoint { size: 2, .. } => a
            .read_1d::<u16>()
            .ok()?
            .into_iter()
            .map(f64::from)
            .collect(),
        Datatype::FloatingPoint { size: 8, .. } => a.read_1d::<f64>().ok()?,
        _ => return None,
    };
    codes
        .into_iter()
        .map(|c| char::from_u32(c as u32).filter(|_| (0.0..=1_114_111.0).contains(&c)))
        .collect()
}

/// Reads a numeric attribute as f64 values (the `complex`, `size` flags).
fn attr_numbers(attrs: &[hdf5_reader::Attribute], name: &str) -> Option<Vec<f64>> {
    let a = attrs.iter().find(|a| a.name == name)?;
    match &a.datatype {
        Datatype::FloatingPoint { size: 8, .. } => a.read_1d::<f64>().ok(),
        Datatype::FloatingPoint { size: 4, .. } => Some(
            a.read_1d::<f32>()
                .ok()?
                .into_iter()
                .map(f64::from)
                .collect(),
        ),
        Datatype::FixedPoint { size, signed, .. } => {
            let v: Vec<f64> = match (size, signed) {
                (1, false) => a.read_1d::<u8>().ok()?.into_iter().map(f64::from).collect(),
                (1, true) => a.read_1d::<i8>().ok()?.into_iter().map(f64::from).collect(),
                (2, false) => a
                    .read_1d::<u16>()
                    .ok()?
                    .into_iter()
                    .map(f64::from)
                    .collect(),
                (2, true) => a
                    .read_1d::<i16>()
                    .ok()?
                    .into_iter()
                    .map(f64::from)
                    .collect(),
                (4, false) => a
                    .read_1d::<u32>()
                    .ok()?
                    .into_iter()
                    .map(f64::from)
                    .collect(),
                (4, true) => a
                    .read_1d::<i32>()
                    .ok()?
                    .into_iter()
                    .map(f64::from)
                    .collect(),
                (8, false) => a
                    .read_1d::<u64>()
                    .ok()?
                    .into_iter()
                    .map(|v| v as f64)
                    .collect(),
                (8, true) => a
                    .read_1d::<i64>()
                    .ok()?
                    .into_iter()
                    .map(|v| v as f64)
                    .collect(),
                _ => return None,
            };
            Some(v)
        }
        _ => None,
    }
}

fn to_usize_shape(shape: &[u64]) -> std::result::Result<Vec<usize>, String> {
    shape
        .iter()
        .map(|&d| usize::try_from(d).map_err(|_| format!("dimension {d} too large")))
        .collect()
}

impl Uff {
    /// Opens a UFF (HDF5) file. The whole file is read into memory (so a file changed on disk
    /// while it is read cannot fault the process).
    ///
    /// ```no_run
    /// let uff = ultrasound_metrics::io::uff::Uff::open("PICMUS_experiment_contrast_speckle.uff")?;
    /// println!("{:?}", uff.objects()?);
    /// # Ok::<(), ultrasound_metrics::Error>(())
    /// ```
    pub fn open(path: impl AsRef<Path>) -> Result<Uff> {
        let path = path.as_ref().to_path_buf();
        let bytes = std::fs::read(&path).map_err(|e| Error::Io {
            path: path.clone(),
            problem: format!("cannot read: {e}"),
        })?;
        Uff::from_bytes(path, bytes)
    }

    /// Opens a UFF file held in memory; `path` is only used in error messages (a fuzzing
    /// entry point).
    ///
    /// ```
    /// use ultrasound_metrics::io::uff::Uff;
    /// let e = Uff::from_bytes("x.uff".into(), b"\x89HDF\r\n\x1a\n garbage".to_vec()).err().unwrap();
    /// assert!(e.to_string().starts_with("x.uff: corrupt"));
    /// ```
    pub fn from_bytes(path: PathBuf, bytes: Vec<u8>) -> Result<Uff> {
        if !bytes.starts_with(HDF5_MAGIC) {
            return Err(Error::Io {
                path,
                problem: "not an HDF5/UFF file (bad signature)".into(),
            });
        }
        let file = Hdf5File::from_vec(bytes).map_err(|e| Error::Io {
            path: path.clone(),
            problem: format!("corrupt HDF5/UFF file: {e}"),
        })?;
        Ok(Uff { path, file })
    }

    fn err(&self, problem: impl Into<String>) -> Error {
        Error::Io {
            path: self.path.clone(),
            problem: problem.into(),
        }
    }

    /// The top-level UFF objects: `(group name, class)` pairs, e.g.
    /// `("beamformed_data", "uff.beamformed_data")`.
    pub fn objects(&self) -> Result<Vec<(String, String)>> {
        let root = self
            .file
            .root_group()
            .map_err(|e| self.err(format!("corrupt HDF5/UFF file: {}", h5(e))))?;
        let groups = root
            .groups()
            .map_err(|e| self.err(format!("corrupt HDF5/UFF file: {}", h5(e))))?;
        let mut out = Vec::new();
        for g in groups {
            let attrs = g.attributes().map_err(|e| {
                self.err(format!(
                    "corrupt HDF5/UFF file: group `{}`: {}",
                    g.name(),
                    h5(e)
                ))
            })?;
            if let Some(class) = attr_string(&attrs, "class") {
                out.push((g.name().trim_start_matches('/').to_string(), class));
            }
        }
        Ok(out)
    }

    /// The group name of the object to read: `name` if given (it must be of class `class`),
    /// else the only (or first) object of that class.
    fn object(&self, name: Option<&str>, class: &str) -> Result<String> {
        let objects = self.objects()?;
        let list = || {
            if objects.is_empty() {
                "none".to_string()
            } else {
                objects
                    .iter()
                    .map(|(n, c)| format!("{n} ({c})"))
                    .collect::<Vec<_>>()
                    .join(", ")
            }
        };
        match name {
            Some(n) => {
                let n = n.trim_start_matches('/');
                match objects.iter().find(|(g, _)| g == n) {
                    Some((_, c)) if c == class => Ok(n.to_string()),
                    Some((_, c)) => {
                        Err(self.err(format!("member `{n}` is a {c}, expected a {class}")))
                    }
                    None => Err(self.err(format!("no member `{n}` (UFF objects: {})", list()))),
                }
            }
            None => objects
                .iter()
                .find(|(_, c)| c == class)
                .map(|(n, _)| n.clone())
                .ok_or_else(|| self.err(format!("no {class} object (UFF objects: {})", list()))),
        }
    }

    fn group(&self, path: &str) -> Result<hdf5_reader::group::Group> {
        self.file
            .group(path)
            .map_err(|e| self.err(format!("`{path}`: {}", h5(e))))
    }

    /// Whether `path` names a group (rather than a dataset), and its attributes.
    fn field_attrs(&self, parent: &str, name: &str) -> Result<(bool, Vec<hdf5_reader::Attribute>)> {
        let g = self.group(parent)?;
        let (groups, datasets) = g
            .member_names()
            .map_err(|e| self.err(format!("`{parent}`: {}", h5(e))))?;
        if groups.iter().any(|n| n == name) {
            let attrs = self
                .group(&format!("{parent}/{name}"))?
                .attributes()
                .map_err(|e| self.err(format!("`{parent}/{name}`: {}", h5(e))))?;
            Ok((true, attrs))
        } else if datasets.iter().any(|n| n == name) {
            let ds = g
                .dataset(name)
                .map_err(|e| self.err(format!("`{parent}/{name}`: {}", h5(e))))?;
            Ok((false, ds.attributes()))
        } else {
            Err(self.err(format!("`{parent}` has no field `{name}`")))
        }
    }

    fn has_field(&self, parent: &str, name: &str) -> bool {
        self.group(parent)
            .and_then(|g| {
                g.member_names()
                    .map_err(|e| self.err(h5(e)))
                    .map(|(g, d)| g.iter().chain(d.iter()).any(|n| n == name))
            })
            .unwrap_or(false)
    }

    /// Reads a real dataset as f32 or f64 (integers as f64).
    fn real_dataset(&self, path: &str) -> Result<Field> {
        let ds = self
            .file
            .dataset(path)
            .map_err(|e| self.err(format!("`{path}`: {}", h5(e))))?;
        let bad = |e: hdf5_reader::error::Error| self.err(format!("`{path}`: {}", h5(e)));
        let shape = to_usize_shape(ds.shape()).map_err(|p| self.err(format!("`{path}`: {p}")))?;
        let field = match ds.dtype() {
            Datatype::FloatingPoint { size: 4, .. } => {
                Field::F32(ds.read_array::<f32>().map_err(bad)?)
            }
            Datatype::FloatingPoint { size: 8, .. } => {
                Field::F64(ds.read_array::<f64>().map_err(bad)?)
            }
            Datatype::FixedPoint { size, signed, .. } => {
                let a: ArrayD<f64> = match (size, signed) {
                    (1, false) => ds.read_array::<u8>().map_err(bad)?.mapv(f64::from),
                    (1, true) => ds.read_array::<i8>().map_err(bad)?.mapv(f64::from),
                    (2, false) => ds.read_array::<u16>().map_err(bad)?.mapv(f64::from),
                    (2, true) => ds.read_array::<i16>().map_err(bad)?.mapv(f64::from),
                    (4, false) => ds.read_array::<u32>().map_err(bad)?.mapv(f64::from),
                    (4, true) => ds.read_array::<i32>().map_err(bad)?.mapv(f64::from),
                    (8, true) => ds.read_array::<i64>().map_err(bad)?.mapv(|v| v as f64),
                    (8, false) => ds.read_array::<u64>().map_err(bad)?.mapv(|v| v as f64),
                    _ => return Err(self.err(format!("`{path}`: unsupported integer size {size}"))),
                };
                Field::F64(a)
            }
            other => {
                return Err(self.err(format!("`{path}`: not a numeric dataset ({other:?})")));
            }
        };
        if field.shape() != shape.as_slice() {
            return Err(self.err(format!(
                "`{path}`: decoded shape {:?} differs from the declared {shape:?}",
                field.shape()
            )));
        }
        Ok(field)
    }

    /// Reads a numeric UFF field (`parent/name`), real or complex.
    fn field(&self, parent: &str, name: &str) -> Result<Field> {
        let path = format!("{parent}/{name}");
        let (is_group, attrs) = self.field_attrs(parent, name)?;
        let complex = attr_numbers(&attrs, "complex").is_some_and(|v| v.first() == Some(&1.0));
        if !is_group {
            if complex {
                return Err(self.err(format!(
                    "`{path}`: marked complex but is a dataset, not a real/imag group"
                )));
            }
            return self.real_dataset(&path);
        }
        if !complex {
            return Err(self.err(format!("`{path}` is a group, expected a numeric field")));
        }
        let re = self.real_dataset(&format!("{path}/real"))?;
        let im = self.real_dataset(&format!("{path}/imag"))?;
        if re.shape() != im.shape() {
            return Err(self.err(format!(
                "`{path}`: real part has shape {:?}, imaginary part {:?}",
                re.shape(),
                im.shape()
            )));
        }
        fn zip<T: num_traits::Float>(re: ArrayD<T>, im: ArrayD<T>) -> ArrayD<Complex<T>> {
            ndarray::Zip::from(&re)
                .and(&im)
                .map_collect(|&r, &i| Complex::new(r, i))
        }
        let wide = |f: Field| match f {
            Field::F32(a) => a.mapv(f64::from),
            Field::F64(a) => a,
            _ => ArrayD::zeros(IxDyn(&[])),
        };
        Ok(match (re, im) {
            (Field::F32(r), Field::F32(i)) => Field::C64(zip(r, i)),
            (r, i) => Field::C128(zip(wide(r), wide(i))),
        })
    }

    /// A real 1-D field (an axis), finite.
    fn axis(&self, parent: &str, name: &str) -> Result<Array1<f64>> {
        let path = format!("{parent}/{name}");
        let a = match self.field(parent, name)? {
            Field::F32(a) => a.mapv(f64::from),
            Field::F64(a) => a,
            _ => return Err(self.err(format!("`{path}` is complex, expected a real axis"))),
        };
        let n = a.len();
        if a.shape().iter().filter(|&&d| d != 1).count() > 1 {
            return Err(self.err(format!(
                "`{path}` has shape {:?}, expected a vector",
                a.shape()
            )));
        }
        if n == 0 {
            return Err(self.err(format!("`{path}` is empty")));
        }
        if a.iter().any(|v| !v.is_finite()) {
            return Err(self.err(format!("`{path}` holds non-finite values")));
        }
        Ok(Array1::from_iter(a.iter().copied()))
    }

    fn scalar(&self, parent: &str, name: &str) -> Result<Option<f64>> {
        if !self.has_field(parent, name) {
            return Ok(None);
        }
        let a = match self.field(parent, name)? {
            Field::F32(a) => a.mapv(f64::from),
            Field::F64(a) => a,
            _ => {
                return Err(self.err(format!(
                    "`{parent}/{name}` is complex, expected a real number"
                )))
            }
        };
        match a.len() {
            1 => Ok(a.iter().next().copied()),
            n => Err(self.err(format!("`{parent}/{name}` has {n} values, expected one"))),
        }
    }

    /// Reads a `uff.beamformed_data` object (`name`, or the first one in the file) with its
    /// linear scan.
    pub fn beamformed_data(&self, name: Option<&str>) -> Result<BeamformedData> {
        let obj = self.object(name, BEAMFORMED_DATA)?;
        let root = format!("/{obj}");
        let scan = format!("{root}/scan");
        let scan_attrs = self
            .group(&scan)?
            .attributes()
            .map_err(|e| self.err(h5(e)))?;
        match attr_string(&scan_attrs, "class").as_deref() {
            Some("uff.linear_scan") | None => {}
            Some(other) => {
                return Err(self.err(format!(
                    "`{scan}` is a {other}; only uff.linear_scan is supported"
                )))
            }
        }
        let x_axis = self.axis(&scan, "x_axis")?;
        let z_axis = self.axis(&scan, "z_axis")?;
        let (nx, nz) = (x_axis.len(), z_axis.len());
        let npix = nx
            .checked_mul(nz)
            .ok_or_else(|| self.err("scan grid too large"))?;
        let data = self.field(&root, "data")?;
        let shape = data.shape().to_vec();
        if shape.len() > 4 || shape.is_empty() {
            return Err(self.err(format!(
                "`{root}/data` has shape {shape:?}, expected 1 to 4 dimensions (pixels × channels × waves × frames)"
            )));
        }
        // pyuff_ustb writes (pixel, channel, wave, frame); MATLAB (frame, wave, channel, pixel).
        let reversed = if shape[0] == npix {
            false
        } else if shape[shape.len() - 1] == npix {
            true
        } else {
            return Err(self.err(format!(
                "`{root}/data` has shape {shape:?}, but the scan has {nx} × {nz} = {npix} pixels"
            )));
        };
        let data = data
            .map(
                |a| canonical(a, reversed, nx, nz),
                |a| canonical(a, reversed, nx, nz),
                |a| canonical(a, reversed, nx, nz),
                |a| canonical(a, reversed, nx, nz),
            )
            .map_err(|p| self.err(format!("`{root}/data`: {p}")))?;
        Ok(BeamformedData {
            name: obj,
            data: data.into_host(),
            x_axis,
            z_axis,
        })
    }

    /// Reads a `uff.channel_data` object (`name`, or the first one in the file).
    pub fn channel_data(&self, name: Option<&str>) -> Result<ChannelData> {
        let obj = self.object(name, CHANNEL_DATA)?;
        let root = format!("/{obj}");
        let data = self
            .field(&root, "data")?
            .map(
                rev::<f32>,
                rev::<f64>,
                rev::<Complex<f32>>,
                rev::<Complex<f64>>,
            )
            .map_err(|p: String| self.err(p))?;
        Ok(ChannelData {
            name: obj,
            data: data.into_host(),
            sampling_frequency: self.scalar(&root, "sampling_frequency")?,
            initial_time: self.scalar(&root, "initial_time")?,
            sound_speed: self.scalar(&root, "sound_speed")?,
            modulation_frequency: self.scalar(&root, "modulation_frequency")?,
        })
    }
}

fn rev<T: Clone>(a: ArrayD<T>) -> std::result::Result<ArrayD<T>, String> {
    Ok(a.reversed_axes().as_standard_layout().into_owned())
}

/// Rearranges beamformed data to `(frames, waves, channels, Nz, Nx)`.
fn canonical<T: Clone>(
    a: ArrayD<T>,
    reversed: bool,
    nx: usize,
    nz: usize,
) -> std::result::Result<ArrayD<T>, String> {
    // pixel-first order: (pixel, channel, wave, frame), padded with singleton dims
    let mut a = if reversed { a.reversed_axes() } else { a };
    while a.ndim() < 4 {
        let n = a.ndim();
        a.insert_axis_inplace(Axis(n));
    }
    let s = a.shape().to_vec();
    let (c, w, f) = (s[1], s[2], s[3]);
    // (frame, wave, channel, pixel), contiguous; pixel = ix * nz + iz (z fastest)
    let a = a.permuted_axes(IxDyn(&[3, 2, 1, 0]));
    let a = a.as_standard_layout().into_owned();
    let a = a
        .into_shape_with_order(IxDyn(&[f, w, c, nx, nz]))
        .map_err(|e| format!("cannot reshape to the scan grid: {e}"))?;
    Ok(a.permuted_axes(IxDyn(&[0, 1, 2, 4, 3]))
        .as_standard_layout()
        .into_owned())
}

/// The reference's `load_uff_dataset` on a file: the first `uff.beamformed_data` image,
/// shaped `(Nx, Nz)` exactly as the reference returns it (`data.reshape(Nx, Nz)`), with the
/// scan's `x_axis` and `z_axis`. Requires one channel, wave and frame.
///
/// ```no_run
/// let (img, x, z) = ultrasound_metrics::io::uff::load_uff_dataset("picmus.uff")?;
/// assert_eq!(img.shape(), &[x.len(), z.len()]);
/// # Ok::<(), ultrasound_metrics::Error>(())
/// ```
pub fn load_uff_dataset(
    path: impl AsRef<Path>,
) -> Result<(HostTensor<'static>, Array1<f64>, Array1<f64>)> {
    let uff = Uff::open(path)?;
    let bf = uff.beamformed_data(None)?;
    let shape = bf.data.shape().to_vec();
    if shape[..3] != [1, 1, 1] {
        return Err(uff.err(format!(
            "beamformed data has {} frames, {} waves and {} channels; load_uff_dataset needs one of each",
            shape[0], shape[1], shape[2]
        )));
    }
    fn image<T: Element>(t: HostTensor<'static>) -> Option<HostTensor<'static>> {
        let a = T::from_host(t)?;
        let s = a.shape().to_vec();
        let a = a
            .into_shape_with_order(IxDyn(&[s[3], s[4]]))
            .ok()?
            .reversed_axes()
            .as_standard_layout()
            .into_owned();
        Some(a.into())
    }
    let dtype = bf.data.dtype();
    let img = match dtype {
        crate::DType::F32 => image::<f32>(bf.data),
        crate::DType::F64 => image::<f64>(bf.data),
        crate::DType::C64 => image::<Complex<f32>>(bf.data),
        crate::DType::C128 => image::<Complex<f64>>(bf.data),
        _ => None,
    }
    .ok_or_else(|| uff.err(format!("unexpected beamformed data dtype {dtype}")))?;
    Ok((img, bf.x_axis, bf.z_axis))
}
