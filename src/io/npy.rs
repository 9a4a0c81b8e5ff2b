//! `.npy` and `.npz` files (numpy's array formats), read into dynamically typed
//! [`HostTensor`]s.
//!
//! The parser is written for untrusted input: the header is parsed by a small literal parser (no
//! `eval`), every size is checked before anything is allocated (the data must be exactly
//! `prod(shape) · itemsize` bytes, so a truncated file is an error, never a short array), and
//! nothing panics. Errors are [`Error::Io`] naming the file and the problem.
//!
//! Supported element types (`descr`): `b1`, `i1`/`i2`/`i4`/`i8`, `u1`/`u2`/`u4` (widened
//! losslessly to `int32`/`int64`), `f4`, `f8`, `c8`, `c16`, in either byte order, C or Fortran
//! order. `u8` (could overflow `int64`), `f2`, strings and object arrays are rejected.
//! `.npz` archives may be stored or deflate-compressed (`np.savez` / `np.savez_compressed`).

use std::io::Read;
use std::path::Path;

use ndarray::{ArrayD, IxDyn, ShapeBuilder};
use num_complex::{Complex32, Complex64};

use crate::error::{Error, Result};
use crate::host::HostTensor;

/// The magic string that starts every `.npy` file.
pub const NPY_MAGIC: &[u8] = b"\x93NUMPY";

/// The largest number of dimensions accepted (numpy's own limit is 64).
const MAX_RANK: usize = 64;

fn io_err(path: &Path, problem: impl Into<String>) -> Error {
    Error::Io {
        path: path.to_path_buf(),
        problem: problem.into(),
    }
}

/// Reads a `.npy` file.
///
/// ```
/// use ultrasound_metrics::io::npy;
/// let dir = std::env::temp_dir().join(format!("um-doc-npy-{}", std::process::id()));
/// std::fs::create_dir_all(&dir).unwrap();
/// let path = dir.join("a.npy");
/// // numpy's encoding of np.array([1.5, 2.5]) (float64, little-endian)
/// let mut bytes = b"\x93NUMPY\x01\x00".to_vec();
/// let header = "{'descr': '<f8', 'fortran_order': False, 'shape': (2,), }";
/// let header = format!("{header:<117}\n");
/// bytes.extend_from_slice(&(header.len() as u16).to_le_bytes());
/// bytes.extend_from_slice(header.as_bytes());
/// for v in [1.5f64, 2.5] { bytes.extend_from_slice(&v.to_le_bytes()); }
/// std::fs::write(&path, &bytes).unwrap();
///
/// let t = npy::read_npy(&path)?;
/// assert_eq!(t.ty().to_string(), "f64[2]");
/// // one byte short: an error naming the file, not a panic
/// std::fs::write(&path, &bytes[..bytes.len() - 1]).unwrap();
/// let e = npy::read_npy(&path).unwrap_err();
/// assert!(e.to_string().contains("a.npy") && e.to_string().contains("truncated"));
/// # std::fs::remove_dir_all(&dir).ok();
/// # Ok::<(), ultrasound_metrics::Error>(())
/// ```
pub fn read_npy(path: impl AsRef<Path>) -> Result<HostTensor<'static>> {
    let path = path.as_ref();
    let bytes = std::fs::read(path).map_err(|e| io_err(path, format!("cannot read: {e}")))?;
    parse_npy(&bytes).map_err(|p| io_err(path, p))
}

/// The member names of a `.npz` archive, without the `.npy` suffix, in archive order.
///
/// ```no_run
/// let names = ultrasound_metrics::io::npy::npz_members("data.npz")?;
/// println!("{names:?}");
/// # Ok::<(), ultrasound_metrics::Error>(())
/// ```
pub fn npz_members(path: impl AsRef<Path>) -> Result<Vec<String>> {
    let path = path.as_ref();
    let archive = open_zip(path)?;
    Ok(archive
        .file_names()
        .map(|n| n.strip_suffix(".npy").unwrap_or(n).to_string())
        .collect())
}

fn open_zip(path: &Path) -> Result<zip::ZipArchive<std::fs::File>> {
    let f = std::fs::File::open(path).map_err(|e| io_err(path, format!("cannot open: {e}")))?;
    zip::ZipArchive::new(f)
        .map_err(|e| io_err(path, format!("not a valid .npz (zip) archive: {e}")))
}

/// Reads one member of a `.npz` archive (`name` with or without the `.npy` suffix). With
/// `name = None` the archive must hold exactly one member.
///
/// A missing member is an [`Error::Io`] that lists the members there are.
///
/// ```no_run
/// let t = ultrasound_metrics::io::npy::read_npz("data.npz", Some("channel_images"))?;
/// println!("{}", t.ty());
/// # Ok::<(), ultrasound_metrics::Error>(())
/// ```
pub fn read_npz(path: impl AsRef<Path>, name: Option<&str>) -> Result<HostTensor<'static>> {
    let path = path.as_ref();
    let f = std::fs::File::open(path).map_err(|e| io_err(path, format!("cannot open: {e}")))?;
    read_npz_from(f, path, name)
}

/// [`read_npz`] on any seekable reader (bytes in memory: a fuzzing entry point); `path` is only
/// used in error messages.
///
/// ```
/// use ultrasound_metrics::io::npy::read_npz_from;
/// let e = read_npz_from(std::io::Cursor::new(b"PK\x03\x04 junk"), "x.npz".as_ref(), None).unwrap_err();
/// assert!(e.to_string().starts_with("x.npz: "));
/// ```
pub fn read_npz_from<R: Read + std::io::Seek>(
    reader: R,
    path: &Path,
    name: Option<&str>,
) -> Result<HostTensor<'static>> {
    let mut archive = zip::ZipArchive::new(reader)
        .map_err(|e| io_err(path, format!("not a valid .npz (zip) archive: {e}")))?;
    let names: Vec<String> = archive.file_names().map(str::to_string).collect();
    let short = |n: &str| n.strip_suffix(".npy").unwrap_or(n).to_string();
    let entry = match name {
        Some(want) => {
            let want = want.strip_suffix(".npy").unwrap_or(want);
            names
                .iter()
                .find(|n| short(n) == want)
                .cloned()
                .ok_or_else(|| {
                    let list: Vec<String> = names.iter().map(|n| short(n)).collect();
                    io_err(
                        path,
                        format!("no member `{want}` (members: {})", list.join(", ")),
                    )
                })?
        }
        None => match names.as_slice() {
            [only] => only.clone(),
            [] => return Err(io_err(path, "the archive has no members")),
            _ => {
                let list: Vec<String> = names.iter().map(|n| short(n)).collect();
                return Err(io_err(
                    path,
                    format!(
                        "the archive has {} members ({}); choose one with --member",
                        list.len(),
                        list.join(", ")
                    ),
                ));
            }
        },
    };
    let member = short(&entry);
    let mut file = archive
        .by_name(&entry)
        .map_err(|e| io_err(path, format!("member `{member}`: {e}")))?;
    // The declared size bounds the allocation; reading one byte more detects a lying header.
    let declared = file.size();
    let cap = usize::try_from(declared).unwrap_or(usize::MAX).min(1 << 30);
    let mut bytes = Vec::with_capacity(cap);
    (&mut file)
        .take(declared.saturating_add(1))
        .read_to_end(&mut bytes)
        .map_err(|e| io_err(path, format!("member `{member}`: corrupt data: {e}")))?;
    if bytes.len() as u64 != declared {
        return Err(io_err(
            path,
            format!(
                "member `{member}`: corrupt archive: {} bytes, the directory says {declared}",
                bytes.len()
            ),
        ));
    }
    parse_npy(&bytes).map_err(|p| io_err(path, format!("member `{member}`: {p}")))
}

/// Byte order of a `descr`.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Endian {
    Little,
    Big,
}

/// Parses the bytes of a `.npy` file. The error is a description of the problem (without the
/// file name).
///
/// ```
/// use ultrasound_metrics::io::npy::parse_npy;
/// assert!(parse_npy(b"not numpy").unwrap_err().contains("not a .npy file"));
/// ```
pub fn parse_npy(bytes: &[u8]) -> std::result::Result<HostTensor<'static>, String> {
    if bytes.len() < NPY_MAGIC.len() + 2 || !bytes.starts_with(NPY_MAGIC) {
        if bytes.len() < NPY_MAGIC.len() + 2 && NPY_MAGIC.starts_with(bytes) {
            return Err("truncated .npy file (ends inside the magic string)".into());
        }
        return Err("not a .npy file (bad magic string)".into());
    }
    let major = bytes[6];
    let (len_size, utf8) = match major {
        1 => (2usize, false),
        2 => (4, false),
        3 => (4, true),
        v => return Err(format!("unsupported .npy format version {v}")),
    };
    let start = 8 + len_size;
    if bytes.len() < start {
        return Err("truncated .npy file (ends inside the header length)".into());
    }
    let header_len = if len_size == 2 {
        u16::from_le_bytes([bytes[8], bytes[9]]) as usize
    } else {
        u32::from_le_bytes([bytes[8], bytes[9], bytes[10], bytes[11]]) as usize
    };
    let data_start = start
        .checked_add(header_len)
        .ok_or("corrupt .npy header length")?;
    if bytes.len() < data_start {
        return Err(format!(
            "truncated .npy file (the header needs {header_len} bytes, {} are there)",
            bytes.len() - start
        ));
    }
    let header = &bytes[start..data_start];
    let header = if utf8 {
        std::str::from_utf8(header).map_err(|_| "corrupt .npy header (not UTF-8)".to_string())?
    } else {
        if !header.is_ascii() {
            return Err("corrupt .npy header (not ASCII)".into());
        }
        std::str::from_utf8(header).map_err(|_| "corrupt .npy header".to_string())?
    };
    let h = Header::parse(header).map_err(|e| format!("corrupt .npy header: {e}"))?;
    let data = &bytes[data_start..];
    decode(&h, data)
}

/// The parsed header dictionary.
struct Header {
    descr: String,
    fortran_order: bool,
    shape: Vec<usize>,
}

/// A Python literal of the kinds a `.npy` header uses.
#[derive(Debug)]
enum Lit {
    Str(String),
    Bool(bool),
    Int(u64),
    Tuple(Vec<Lit>),
}

struct LitParser<'a> {
    s: &'a [u8],
    i: usize,
    depth: usize,
}

impl LitParser<'_> {
    fn ws(&mut self) {
        while self.i < self.s.len() && self.s[self.i].is_ascii_whitespace() {
            self.i += 1;
        }
    }
    fn peek(&mut self) -> Option<u8> {
        self.ws();
        self.s.get(self.i).copied()
    }
    fn expect(&mut self, c: u8) -> std::result::Result<(), String> {
        if self.peek() == Some(c) {
            self.i += 1;
            Ok(())
        } else {
            Err(format!("expected `{}` at byte {}", c as char, self.i))
        }
    }
    fn value(&mut self) -> std::result::Result<Lit, String> {
        self.depth += 1;
        if self.depth > 8 {
            return Err("nested too deeply".into());
        }
        let v = match self.peek() {
            Some(q @ (b'\'' | b'"')) => {
                self.i += 1;
                let start = self.i;
                while self.i < self.s.len() && self.s[self.i] != q {
                    if self.s[self.i] == b'\\' {
                        return Err("escapes in strings are not supported".into());
                    }
                    self.i += 1;
                }
                if self.i >= self.s.len() {
                    return Err("unterminated string".into());
                }
                let text = String::from_utf8_lossy(&self.s[start..self.i]).into_owned();
                self.i += 1;
                Lit::Str(text)
            }
            Some(b'(') => {
                self.i += 1;
                let mut items = Vec::new();
                loop {
                    if self.peek() == Some(b')') {
                        self.i += 1;
                        break;
                    }
                    items.push(self.value()?);
                    match self.peek() {
                        Some(b',') => self.i += 1,
                        Some(b')') => {}
                        _ => return Err(format!("expected `,` or `)` at byte {}", self.i)),
                    }
                }
                Lit::Tuple(items)
            }
            Some(c) if c.is_ascii_digit() => {
                let start = self.i;
                while self.i < self.s.len() && self.s[self.i].is_ascii_digit() {
                    self.i += 1;
                }
                // numpy < 2 on Windows wrote `3L`
                if self.s.get(self.i) == Some(&b'L') {
                    self.i += 1;
                }
                let digits = std::str::from_utf8(&self.s[start..self.i])
                    .unwrap_or("")
                    .trim_end_matches('L');
                Lit::Int(
                    digits
                        .parse()
                        .map_err(|_| format!("integer {digits} out of range"))?,
                )
            }
            Some(b'T') if self.s[self.i..].starts_with(b"True") => {
                self.i += 4;
                Lit::Bool(true)
            }
            Some(b'F') if self.s[self.i..].starts_with(b"False") => {
                self.i += 5;
                Lit::Bool(false)
            }
            Some(c) => return Err(format!("unexpected `{}` at byte {}", c as char, self.i)),
            None => return Err("unexpected end".into()),
        };
        self.depth -= 1;
        Ok(v)
    }
}

impl Header {
    fn parse(text: &str) -> std::result::Result<Header, String> {
        let mut p = LitParser {
            s: text.as_bytes(),
            i: 0,
            depth: 0,
        };
        p.expect(b'{')?;
        let (mut descr, mut fortran, mut shape) = (None, None, None);
        loop {
            if p.peek() == Some(b'}') {
                p.i += 1;
                break;
            }
            let key = match p.value()? {
                Lit::Str(k) => k,
                other => return Err(format!("dictionary key {other:?} is not a string")),
            };
            p.expect(b':')?;
            let v = p.value()?;
            match (key.as_str(), v) {
                ("descr", Lit::Str(s)) => descr = Some(s),
                ("descr", _) => {
                    return Err(
                        "`descr` is not a simple type (structured arrays are not supported)".into(),
                    )
                }
                ("fortran_order", Lit::Bool(b)) => fortran = Some(b),
                ("shape", Lit::Tuple(items)) => {
                    let mut dims = Vec::with_capacity(items.len());
                    for it in items {
                        match it {
                            Lit::Int(n) => dims.push(
                                usize::try_from(n)
                                    .map_err(|_| format!("dimension {n} too large"))?,
                            ),
                            other => {
                                return Err(format!("shape entry {other:?} is not an integer"))
                            }
                        }
                    }
                    if dims.len() > MAX_RANK {
                        return Err(format!("{} dimensions (at most {MAX_RANK})", dims.len()));
                    }
                    shape = Some(dims);
                }
                (k, v) => return Err(format!("unexpected entry `{k}`: {v:?}")),
            }
            match p.peek() {
                Some(b',') => p.i += 1,
                Some(b'}') => {}
                _ => return Err(format!("expected `,` or `}}` at byte {}", p.i)),
            }
        }
        if p.s[p.i..].iter().any(|c| !c.is_ascii_whitespace()) {
            return Err("text after the dictionary".into());
        }
        Ok(Header {
            descr: descr.ok_or("no `descr`")?,
            fortran_order: fortran.ok_or("no `fortran_order`")?,
            shape: shape.ok_or("no `shape`")?,
        })
    }
}

/// Decodes `n` elements of `size` bytes each with `f`, which gets the bytes in little-endian
/// order.
fn elems<T, const N: usize>(data: &[u8], endian: Endian, f: impl Fn([u8; N]) -> T) -> Vec<T> {
    data.chunks_exact(N)
        .map(|c| {
            let mut b = [0u8; N];
            b.copy_from_slice(c);
            if endian == Endian::Big {
                b.reverse();
            }
            f(b)
        })
        .collect()
}

fn complex_elems<T: Copy, const N: usize>(
    data: &[u8],
    endian: Endian,
    f: impl Fn([u8; N]) -> T,
) -> Vec<num_complex::Complex<T>> {
    let parts = elems(data, endian, f);
    // chunks_exact(2) yields slices of exactly two elements
    parts
        .chunks_exact(2)
        .map(|c| num_complex::Complex::new(c[0], c[1]))
        .collect()
}

fn decode(h: &Header, data: &[u8]) -> std::result::Result<HostTensor<'static>, String> {
    let d = h.descr.as_str();
    let (order, kind) = match d.as_bytes().first() {
        Some(b'<') => (Some(Endian::Little), &d[1..]),
        Some(b'>') => (Some(Endian::Big), &d[1..]),
        Some(b'|') => (None, &d[1..]),
        Some(b'=') => (
            Some(if cfg!(target_endian = "big") {
                Endian::Big
            } else {
                Endian::Little
            }),
            &d[1..],
        ),
        _ => (None, d),
    };
    let endian = order.unwrap_or(Endian::Little);
    let itemsize: usize = match kind {
        "b1" | "i1" | "u1" => 1,
        "i2" | "u2" => 2,
        "i4" | "u4" | "f4" => 4,
        "i8" | "f8" | "c8" => 8,
        "c16" => 16,
        "u8" => return Err("dtype uint64 is not supported (values may not fit int64)".into()),
        "f2" => return Err("dtype float16 is not supported".into()),
        "O" => return Err("object arrays are not supported".into()),
        other => return Err(format!("dtype `{other}` ({d}) is not supported")),
    };
    let count = h
        .shape
        .iter()
        .try_fold(1usize, |a, &n| a.checked_mul(n))
        .ok_or("shape is too large")?;
    let need = count.checked_mul(itemsize).ok_or("shape is too large")?;
    if data.len() < need {
        return Err(format!(
            "truncated .npy data: shape {:?} of {} needs {need} bytes, {} are there",
            h.shape,
            h.descr,
            data.len()
        ));
    }
    if data.len() > need {
        return Err(format!(
            "corrupt .npy data: {} bytes after the array's {need}",
            data.len() - need
        ));
    }
    let shape = h.shape.clone();
    let fortran = h.fortran_order;
    fn arr<T>(shape: Vec<usize>, fortran: bool, v: Vec<T>) -> std::result::Result<ArrayD<T>, String>
    where
        T: Clone,
    {
        let a = if fortran {
            ArrayD::from_shape_vec(IxDyn(&shape).f(), v)
        } else {
            ArrayD::from_shape_vec(IxDyn(&shape), v)
        };
        let a = a.map_err(|e| format!("shape does not match the data: {e}"))?;
        Ok(if fortran {
            a.as_standard_layout().into_owned()
        } else {
            a
        })
    }
    Ok(match kind {
        "b1" => HostTensor::from(arr(shape, fortran, data.iter().map(|&b| b != 0).collect())?),
        "i1" => HostTensor::from(arr(
            shape,
            fortran,
            elems(data, endian, |b: [u8; 1]| i32::from(i8::from_le_bytes(b))),
        )?),
        "u1" => HostTensor::from(arr(
            shape,
            fortran,
            elems(data, endian, |b: [u8; 1]| i32::from(b[0])),
        )?),
        "i2" => HostTensor::from(arr(
            shape,
            fortran,
            elems(data, endian, |b| i32::from(i16::from_le_bytes(b))),
        )?),
        "u2" => HostTensor::from(arr(
            shape,
            fortran,
            elems(data, endian, |b| i32::from(u16::from_le_bytes(b))),
        )?),
        "i4" => HostTensor::from(arr(
            shape,
            fortran,
            elems(data, endian, i32::from_le_bytes),
        )?),
        "u4" => HostTensor::from(arr(
            shape,
            fortran,
            elems(data, endian, |b| i64::from(u32::from_le_bytes(b))),
        )?),
        "i8" => HostTensor::from(arr(
            shape,
            fortran,
            elems(data, endian, i64::from_le_bytes),
        )?),
        "f4" => HostTensor::from(arr(
            shape,
            fortran,
            elems(data, endian, f32::from_le_bytes),
        )?),
        "f8" => HostTensor::from(arr(
            shape,
            fortran,
            elems(data, endian, f64::from_le_bytes),
        )?),
        "c8" => HostTensor::from(arr::<Complex32>(
            shape,
            fortran,
            complex_elems(data, endian, f32::from_le_bytes),
        )?),
        "c16" => HostTensor::from(arr::<Complex64>(
            shape,
            fortran,
            complex_elems(data, endian, f64::from_le_bytes),
        )?),
        _ => return Err(format!("dtype `{kind}` is not supported")),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn npy(descr: &str, fortran: bool, shape: &str, data: &[u8]) -> Vec<u8> {
        let f = if fortran { "True" } else { "False" };
        let header = format!("{{'descr': '{descr}', 'fortran_order': {f}, 'shape': {shape}, }}");
        let header = format!("{header:<117}\n");
        let mut b = NPY_MAGIC.to_vec();
        b.extend_from_slice(&[1, 0]);
        b.extend_from_slice(&(header.len() as u16).to_le_bytes());
        b.extend_from_slice(header.as_bytes());
        b.extend_from_slice(data);
        b
    }

    #[test]
    fn decodes_types_orders_and_layouts() {
        let data: Vec<u8> = [1.0f32, 2.0, 3.0, 4.0, 5.0, 6.0]
            .iter()
            .flat_map(|v| v.to_le_bytes())
            .collect();
        let t = parse_npy(&npy("<f4", false, "(2, 3)", &data)).unwrap();
        let a = f32::from_host(t).unwrap();
        assert_eq!(
            a,
            ndarray::arr2(&[[1.0, 2.0, 3.0], [4.0, 5.0, 6.0]]).into_dyn()
        );
        let t = parse_npy(&npy("<f4", true, "(2, 3)", &data)).unwrap();
        let a = f32::from_host(t).unwrap();
        assert_eq!(
            a,
            ndarray::arr2(&[[1.0, 3.0, 5.0], [2.0, 4.0, 6.0]]).into_dyn()
        );
        let be: Vec<u8> = [1i64, -2].iter().flat_map(|v| v.to_be_bytes()).collect();
        let t = parse_npy(&npy(">i8", false, "(2,)", &be)).unwrap();
        assert_eq!(
            i64::from_host(t).unwrap(),
            ndarray::arr1(&[1i64, -2]).into_dyn()
        );
        let c: Vec<u8> = [1.0f64, -1.0]
            .iter()
            .flat_map(|v| v.to_le_bytes())
            .collect();
        let t = parse_npy(&npy("<c16", false, "()", &c)).unwrap();
        assert_eq!(t.shape(), &[] as &[usize]);
        assert_eq!(
            Complex64::from_host(t).unwrap().into_iter().next(),
            Some(Complex64::new(1.0, -1.0))
        );
        let t = parse_npy(&npy("|u1", false, "(3,)", &[0, 200, 255])).unwrap();
        assert_eq!(
            i32::from_host(t).unwrap(),
            ndarray::arr1(&[0, 200, 255]).into_dyn()
        );
    }

    use crate::Element;

    #[test]
    fn rejects_bad_input_without_panicking() {
        let good = npy("<f8", false, "(2,)", &[0u8; 16]);
        for cut in 0..good.len() {
            assert!(
                parse_npy(&good[..cut]).is_err(),
                "prefix of {cut} bytes accepted"
            );
        }
        let mut extra = good.clone();
        extra.push(0);
        assert!(parse_npy(&extra).unwrap_err().contains("after"));
        assert!(parse_npy(&npy("<f8", false, "(18446744073709551615, 2)", &[])).is_err());
        assert!(parse_npy(&npy("<f8", false, "(4294967296, 4294967296, 16)", &[])).is_err());
        assert!(parse_npy(&npy("<U3", false, "(1,)", &[0; 12])).is_err());
        assert!(parse_npy(&npy("<f8", false, "(-1,)", &[])).is_err());
        assert!(parse_npy(&npy("<f8", false, "((((((((((1,),),),),),),),),),)", &[])).is_err());
        // every single-byte corruption of the header either parses or errors
        for i in 0..good.len() {
            for v in [0u8, b'(', b')', b'\'', b'9', 0xff] {
                let mut b = good.clone();
                b[i] = v;
                let _ = parse_npy(&b);
            }
        }
    }
}
