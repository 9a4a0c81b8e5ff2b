//! Writing output files atomically.

use std::io::Write;
use std::path::{Path, PathBuf};

use ultrasound_metrics as um;

/// A temporary path beside `path` (same folder, so the rename is atomic).
pub fn temp_path(path: &Path) -> PathBuf {
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| "out".into());
    path.with_file_name(format!(".{name}.{}.tmp", std::process::id()))
}

fn io_err(path: &Path, what: &str, e: std::io::Error) -> um::Error {
    um::Error::Io {
        path: path.to_path_buf(),
        problem: format!("cannot {what}: {e}"),
    }
}

/// Writes `bytes` to `path` through a temporary file and a rename: readers (and a failed run)
/// never see a partial file.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> um::Result<()> {
    let tmp = temp_path(path);
    let r = (|| {
        let mut f = std::fs::File::create(&tmp).map_err(|e| io_err(path, "create", e))?;
        f.write_all(bytes).map_err(|e| io_err(path, "write", e))?;
        f.sync_all().map_err(|e| io_err(path, "write", e))?;
        std::fs::rename(&tmp, path).map_err(|e| io_err(path, "rename into place", e))
    })();
    if r.is_err() {
        let _ = std::fs::remove_file(&tmp);
    }
    r
}

/// A finite number as JSON, or `null` (JSON has no NaN or infinity).
pub fn json_num(v: f64) -> serde_json::Value {
    serde_json::Number::from_f64(v)
        .map(serde_json::Value::Number)
        .unwrap_or(serde_json::Value::Null)
}

/// A number for text output: 6 significant digits, scientific notation outside 1e-3..1e9.
pub fn fmt_num(v: f64) -> String {
    if v.is_nan() {
        return "NaN".into();
    }
    if v.is_infinite() {
        return if v > 0.0 { "inf".into() } else { "-inf".into() };
    }
    let a = v.abs();
    if a != 0.0 && !(1e-3..1e9).contains(&a) {
        return format!("{v:.5e}");
    }
    let decimals = if a == 0.0 {
        0
    } else {
        (5 - a.log10().floor() as i64).max(0) as usize
    };
    let s = format!("{v:.decimals$}");
    if s.contains('.') {
        s.trim_end_matches('0').trim_end_matches('.').to_string()
    } else {
        s
    }
}

#[cfg(test)]
mod tests {
    use super::fmt_num;

    #[test]
    fn six_significant_digits() {
        assert_eq!(fmt_num(235178.59375), "235179");
        assert_eq!(fmt_num(0.0268412), "0.0268412");
        assert_eq!(fmt_num(0.5), "0.5");
        assert_eq!(fmt_num(0.0), "0");
        assert_eq!(fmt_num(-12.5), "-12.5");
        assert_eq!(fmt_num(1e-7), "1.00000e-7");
        assert_eq!(fmt_num(f64::NAN), "NaN");
    }
}
