//! `.npy` bytes → `io::npy::parse_npy`: any input gives a tensor or an error string, never a
//! panic, an abort or an allocation larger than the input justifies.
#![no_main]

use libfuzzer_sys::fuzz_target;
use ultrasound_metrics::io::npy::parse_npy;

fuzz_target!(|data: &[u8]| {
    if let Ok(t) = parse_npy(data) {
        // the decoded array holds exactly what the header declared, and the data were there
        let n: usize = t.shape().iter().product();
        assert!(n <= data.len(), "{n} elements from {} bytes", data.len());
        let _ = t.ty().to_string();
    }
});
