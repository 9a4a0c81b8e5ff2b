//! `.npz` bytes (a zip of `.npy` members) → `io::npy::read_npz_from`, without a member name and
//! with one: any input gives a tensor or an `Error::Io` naming the archive, never a panic.
#![no_main]

use std::io::Cursor;
use std::path::Path;

use libfuzzer_sys::fuzz_target;
use ultrasound_metrics::io::npy::read_npz_from;

fuzz_target!(|data: &[u8]| {
    let path = Path::new("fuzz.npz");
    for name in [None, Some("data"), Some("x.npy")] {
        match read_npz_from(Cursor::new(data), path, name) {
            Ok(t) => {
                let _ = t.ty().to_string();
            }
            Err(e) => assert!(e.to_string().starts_with("fuzz.npz: "), "{e}"),
        }
    }
});
