//! Running a program on a device: signature checks, the executable cache, output wrapping.

use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Arc;

use sha2::{Digest, Sha256};

use super::array::{RawBuffer, UntypedArray};
use super::cache::{self, Compilable};
use super::device::Device;
use crate::error::{Error, PjrtCode, Result};
use crate::graph::{Program, TensorType};

/// Runs `program` on `device` with `args`, which must all live on `device` and match the
/// program's parameter types exactly ([`Error::DeviceMismatch`], [`Error::SignatureMismatch`]).
/// The executable comes from the cache (see [`stats`](super::stats)); the outputs carry the
/// program's output types.
pub(crate) fn execute(
    device: &Device,
    program: &Program,
    args: &[&RawBuffer],
) -> Result<Vec<Arc<RawBuffer>>> {
    execute_compilable(device, program, args)
}

fn device_name(d: &Device, other: &Device) -> String {
    if d.to_string() == other.to_string() {
        format!("{d} of {}", d.plugin_path().display())
    } else {
        d.to_string()
    }
}

pub(crate) fn execute_compilable(
    device: &Device,
    program: &dyn Compilable,
    args: &[&RawBuffer],
) -> Result<Vec<Arc<RawBuffer>>> {
    let params = program.params();
    if args.len() != params.len() {
        return Err(Error::SignatureMismatch {
            program: program.name().to_string(),
            index: args.len().min(params.len()),
            expected: format!("{} arguments", params.len()),
            got: format!("{} arguments", args.len()),
        });
    }
    for (index, (arg, param)) in args.iter().zip(params).enumerate() {
        if arg.device != *device {
            return Err(Error::DeviceMismatch {
                func: "execute",
                first: device_name(device, &arg.device),
                other: device_name(&arg.device, device),
            });
        }
        if arg.ty != *param {
            return Err(Error::SignatureMismatch {
                program: program.name().to_string(),
                index,
                expected: param.to_string(),
                got: arg.ty.to_string(),
            });
        }
    }
    let exe = cache::executable(device, program)?;
    let buffers: Vec<&crate::pjrt::Buffer> = args.iter().map(|a| &a.buffer).collect();
    let outputs = exe.execute(&buffers)?;
    let declared = program.outputs();
    let internal = |message: String| Error::Pjrt {
        call: "PJRT_LoadedExecutable_Execute",
        code: PjrtCode(13),
        message: format!("program `{}`: {message}", program.name()),
    };
    if outputs.len() != declared.len() {
        return Err(internal(format!(
            "returned {} outputs, the program declares {}",
            outputs.len(),
            declared.len()
        )));
    }
    outputs
        .into_iter()
        .zip(declared)
        .enumerate()
        .map(|(i, (buffer, ty))| {
            if buffer.dtype() != ty.dtype || buffer.dims() != ty.shape.as_slice() {
                return Err(internal(format!(
                    "output {i} is {}{:?}, the program declares {ty}",
                    buffer.dtype().mlir(),
                    buffer.dims()
                )));
            }
            Ok(Arc::new(RawBuffer {
                buffer,
                device: device.clone(),
                ty: ty.clone(),
            }))
        })
        .collect()
}

/// A program given as StableHLO text with its signature, for tests and tools that bypass the
/// graph tracer. Its fingerprint is the sha256 of the text, name and signature.
///
/// ```
/// use ultrasound_metrics::{graph::TensorType, runtime::TextProgram, DType};
/// let t = TensorType::new(DType::F32, &[2]);
/// let p = TextProgram::new("id", "func.func public @main(%a: tensor<2xf32>) -> tensor<2xf32> {
///   return %a : tensor<2xf32>
/// }", vec![t.clone()], vec![t]);
/// assert_eq!(p.fingerprint().len(), 64);
/// ```
#[doc(hidden)]
#[derive(Debug)]
pub struct TextProgram {
    name: String,
    text: String,
    params: Vec<TensorType>,
    outputs: Vec<TensorType>,
    fingerprint: String,
    lowered: AtomicUsize,
}

impl TextProgram {
    /// A program from its MLIR text (entry `func.func public @main`) and signature.
    ///
    /// ```
    /// use ultrasound_metrics::runtime::TextProgram;
    /// let p = TextProgram::new("nothing", "module {}", vec![], vec![]);
    /// assert_eq!(p.stablehlo_calls(), 0);
    /// ```
    pub fn new(
        name: &str,
        text: &str,
        params: Vec<TensorType>,
        outputs: Vec<TensorType>,
    ) -> TextProgram {
        let sig: Vec<String> = params
            .iter()
            .chain(&outputs)
            .map(|t| t.to_string())
            .collect();
        let fingerprint = crate::pjrt::plugin::hex(&Sha256::digest(
            format!("text-program\n{name}\n{}\n{text}", sig.join(";")).as_bytes(),
        ));
        TextProgram {
            name: name.to_string(),
            text: text.to_string(),
            params,
            outputs,
            fingerprint,
            lowered: AtomicUsize::new(0),
        }
    }

    /// The fingerprint (hex sha256).
    ///
    /// ```
    /// use ultrasound_metrics::runtime::TextProgram;
    /// let a = TextProgram::new("p", "x", vec![], vec![]);
    /// assert_ne!(a.fingerprint(), TextProgram::new("p", "y", vec![], vec![]).fingerprint());
    /// ```
    pub fn fingerprint(&self) -> &str {
        &self.fingerprint
    }

    /// How many times the text was handed to a compiler (cache misses).
    ///
    /// ```
    /// use ultrasound_metrics::runtime::TextProgram;
    /// assert_eq!(TextProgram::new("p", "x", vec![], vec![]).stablehlo_calls(), 0);
    /// ```
    pub fn stablehlo_calls(&self) -> usize {
        self.lowered.load(Ordering::Relaxed)
    }
}

impl Compilable for TextProgram {
    fn name(&self) -> &str {
        &self.name
    }
    fn params(&self) -> &[TensorType] {
        &self.params
    }
    fn outputs(&self) -> &[TensorType] {
        &self.outputs
    }
    fn fingerprint(&self) -> &str {
        &self.fingerprint
    }
    fn to_stablehlo(&self) -> String {
        self.lowered.fetch_add(1, Ordering::Relaxed);
        self.text.clone()
    }
}

/// Runs a [`TextProgram`] through the same checks and executable cache as traced programs.
///
/// ```
/// # fn main() -> ultrasound_metrics::Result<()> {
/// use ultrasound_metrics::{graph::TensorType, runtime::{execute_text, Device, DeviceArray, TextProgram}, DType};
/// let t = TensorType::new(DType::F32, &[2]);
/// let p = TextProgram::new("double", "func.func public @main(%a: tensor<2xf32>) -> tensor<2xf32> {
///   %0 = stablehlo.add %a, %a : tensor<2xf32>
///   return %0 : tensor<2xf32>
/// }", vec![t.clone()], vec![t]);
/// let dev = Device::cpu()?;
/// let x = dev.put(&ndarray::array![1.0f32, 2.0])?;
/// let out = execute_text(&dev, &p, &[x.untyped()])?;
/// let y = DeviceArray::<f32, ndarray::Ix1>::from_untyped(out[0].clone())?;
/// assert_eq!(y.to_ndarray()?, ndarray::array![2.0, 4.0]);
/// # Ok(()) }
/// ```
#[doc(hidden)]
pub fn execute_text(
    device: &Device,
    program: &TextProgram,
    args: &[UntypedArray],
) -> Result<Vec<UntypedArray>> {
    let raw: Vec<&RawBuffer> = args.iter().map(|a| &*a.0).collect();
    Ok(execute_compilable(device, program, &raw)?
        .into_iter()
        .map(UntypedArray)
        .collect())
}

impl Device {
    /// Compiles `program` for this device ahead of time (or loads it from the executable
    /// cache), so that the first call does not pay for it. A no-op when it is cached already.
    ///
    /// ```
    /// use ultrasound_metrics::{graph::{trace, TensorType}, DType, Device};
    /// let p = trace("twice", &[TensorType::new(DType::F32, &[4])], |x| Ok(vec![&x[0] * 2.0]))?;
    /// let dev = Device::cpu()?;
    /// dev.precompile(&p)?;
    /// # Ok::<(), ultrasound_metrics::Error>(())
    /// ```
    pub fn precompile(&self, program: &Program) -> Result<()> {
        super::cache::executable(self, program).map(|_| ())
    }
}
