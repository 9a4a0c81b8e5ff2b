//! UFF (HDF5) bytes → `io::uff::Uff::from_bytes`, then every object listed, read as
//! beamformed data and as channel data: any input gives data or an `Error::Io` naming the file,
//! never a panic.
#![no_main]

use libfuzzer_sys::fuzz_target;
use ultrasound_metrics::io::uff::Uff;

fn check(r: ultrasound_metrics::Result<impl Sized>) {
    if let Err(e) = r {
        assert!(e.to_string().starts_with("fuzz.uff: "), "{e}");
    }
}

fuzz_target!(|data: &[u8]| {
    let uff = match Uff::from_bytes("fuzz.uff".into(), data.to_vec()) {
        Ok(u) => u,
        Err(e) => {
            assert!(e.to_string().starts_with("fuzz.uff: "), "{e}");
            return;
        }
    };
    let objects = match uff.objects() {
        Ok(o) => o,
        Err(e) => {
            assert!(e.to_string().starts_with("fuzz.uff: "), "{e}");
            return;
        }
    };
    if let Ok(bf) = uff.beamformed_data(None) {
        // (frames, waves, channels, Nz, Nx) with the scan's axes
        let s = bf.data.shape();
        assert_eq!(s.len(), 5);
        assert_eq!((s[3], s[4]), (bf.z_axis.len(), bf.x_axis.len()));
    }
    check(uff.channel_data(None));
    for (name, _) in objects.iter().take(4) {
        check(uff.beamformed_data(Some(name)));
        check(uff.channel_data(Some(name)));
    }
});
