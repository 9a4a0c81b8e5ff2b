//! Data loaders: `load_uff_dataset` (host only: it reads a file).

use ultrasound_metrics as um;
use um::host::HostTensor;

use crate::case::{Case, Input};
use crate::compare::{Got, IntoGot};
use crate::harness::{Adapter, Backend, CallError, CallResult};

pub const ADAPTERS: &[Adapter] = &[Adapter::host("load_uff_dataset", load_uff_dataset)];

fn host_got(t: HostTensor<'static>) -> Result<Got, CallError> {
    match t {
        HostTensor::Bool(a) => a.into_owned().into_got(),
        HostTensor::I32(a) => a.into_owned().into_got(),
        HostTensor::I64(a) => a.into_owned().into_got(),
        HostTensor::F32(a) => a.into_owned().into_got(),
        HostTensor::F64(a) => a.into_owned().into_got(),
        HostTensor::C64(a) => a.into_owned().into_got(),
        HostTensor::C128(a) => a.into_owned().into_got(),
    }
}

/// `load_uff_dataset(uff_file)` → `(image (Nx, Nz), x_axis, z_axis)`.
fn load_uff_dataset(case: &Case, _backend: &Backend) -> CallResult {
    let Some(Input::File(path)) = case.input("uff_file") else {
        return Err(CallError::Harness(
            "the case has no `uff_file` file input".into(),
        ));
    };
    let (image, x, z) = um::io::uff::load_uff_dataset(path)?;
    Ok(Got::Tuple(vec![
        host_got(image)?,
        x.into_got()?,
        z.into_got()?,
    ]))
}
