//! Arrays on a device ([`DeviceArray`]) and aligned host arrays for zero-copy transfers
//! ([`AlignedArray`]).

use std::marker::PhantomData;
use std::sync::Arc;

use ndarray::{Array, ArrayBase, ArrayView, Data, Dimension, IxDyn};

use super::device::Device;
use crate::dtype::{DType, Element};
use crate::error::{Error, Result};
use crate::graph::TensorType;
use crate::pjrt;

/// An untyped device buffer with its device and type: what the dispatcher passes to
/// `runtime::execute` and gets back.
#[doc(hidden)]
pub struct RawBuffer {
    pub(crate) buffer: pjrt::Buffer,
    pub(crate) device: Device,
    pub(crate) ty: TensorType,
}

impl RawBuffer {
    /// The device the buffer lives on.
    ///
    /// ```
    /// # fn main() -> ultrasound_metrics::Result<()> {
    /// let d = ultrasound_metrics::runtime::Device::cpu()?.put(&ndarray::array![1.0f32])?;
    /// assert_eq!(d.untyped().device().ordinal(), 0);
    /// # Ok(()) }
    /// ```
    pub fn device(&self) -> &Device {
        &self.device
    }

    /// The buffer's type.
    ///
    /// ```
    /// # fn main() -> ultrasound_metrics::Result<()> {
    /// let d = ultrasound_metrics::runtime::Device::cpu()?.put(&ndarray::array![1.0f32])?;
    /// assert_eq!(d.untyped().tensor_type().to_string(), "f32[1]");
    /// # Ok(()) }
    /// ```
    pub fn ty(&self) -> &TensorType {
        &self.ty
    }
}

impl std::fmt::Debug for RawBuffer {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{} on {}", self.ty, self.device)
    }
}

/// An array of `T` with shape `D` on a [`Device`]. Immutable; clones are cheap and share the
/// device buffer, which is freed when the last clone is dropped.
///
/// ```
/// # fn main() -> ultrasound_metrics::Result<()> {
/// use ndarray::array;
/// use ultrasound_metrics::runtime::Device;
/// let d = Device::cpu()?.put(&array![[1i32, 2, 3], [4, 5, 6]])?;
/// assert_eq!((d.shape(), d.len(), d.ndim()), (&[2, 3][..], 6, 2));
/// assert_eq!(d.to_ndarray()?, array![[1, 2, 3], [4, 5, 6]]);
/// # Ok(()) }
/// ```
pub struct DeviceArray<T: Element, D: Dimension> {
    raw: Arc<RawBuffer>,
    dim: D,
    _elem: PhantomData<fn() -> T>,
}

impl<T: Element, D: Dimension> Clone for DeviceArray<T, D> {
    fn clone(&self) -> Self {
        DeviceArray {
            raw: self.raw.clone(),
            dim: self.dim.clone(),
            _elem: PhantomData,
        }
    }
}

impl<T: Element, D: Dimension> std::fmt::Debug for DeviceArray<T, D> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "DeviceArray({} on {})", self.raw.ty, self.raw.device)
    }
}

impl<T: Element, D: Dimension> DeviceArray<T, D> {
    pub(crate) fn new(raw: Arc<RawBuffer>, dim: D) -> Self {
        DeviceArray {
            raw,
            dim,
            _elem: PhantomData,
        }
    }

    /// The untyped buffer behind this array (for the dispatcher).
    pub(crate) fn raw(&self) -> &Arc<RawBuffer> {
        &self.raw
    }

    /// Types an untyped buffer: its dtype must be `T`'s and its rank `D`'s (`IxDyn` accepts any
    /// rank).
    pub(crate) fn from_raw(raw: Arc<RawBuffer>) -> Result<Self> {
        if raw.ty.dtype != T::DTYPE {
            return Err(Error::UnsupportedDtype {
                func: "DeviceArray::from_raw",
                arg: "raw",
                got: raw.ty.dtype,
                expected: T::DTYPE.name(),
            });
        }
        let rank = raw.ty.shape.len();
        if let Some(n) = D::NDIM {
            if n != rank {
                return Err(Error::arg(
                    "DeviceArray::from_raw",
                    "raw",
                    format!("has rank {rank} ({}), expected rank {n}", raw.ty),
                ));
            }
        }
        let mut dim = D::zeros(rank);
        dim.slice_mut().copy_from_slice(&raw.ty.shape);
        Ok(DeviceArray::new(raw, dim))
    }

    /// The untyped handle of this array (for tests and tools that run hand-written programs).
    ///
    /// ```
    /// # fn main() -> ultrasound_metrics::Result<()> {
    /// use ultrasound_metrics::runtime::{Device, DeviceArray};
    /// let d = Device::cpu()?.put(&ndarray::array![1.0f32])?;
    /// let back = DeviceArray::<f32, ndarray::IxDyn>::from_untyped(d.untyped())?;
    /// assert_eq!(back.shape(), &[1]);
    /// # Ok(()) }
    /// ```
    #[doc(hidden)]
    pub fn untyped(&self) -> UntypedArray {
        UntypedArray(self.raw.clone())
    }

    /// Types an untyped handle; see [`DeviceArray::untyped`].
    ///
    /// ```
    /// # fn main() -> ultrasound_metrics::Result<()> {
    /// use ultrasound_metrics::runtime::{Device, DeviceArray};
    /// let d = Device::cpu()?.put(&ndarray::array![1.0f32])?;
    /// assert!(DeviceArray::<f64, ndarray::Ix1>::from_untyped(d.untyped()).is_err());
    /// # Ok(()) }
    /// ```
    #[doc(hidden)]
    pub fn from_untyped(u: UntypedArray) -> Result<Self> {
        Self::from_raw(u.0)
    }

    /// Copies the array back to the host.
    ///
    /// ```
    /// # fn main() -> ultrasound_metrics::Result<()> {
    /// use ultrasound_metrics::runtime::Device;
    /// let a = ndarray::Array::from_elem((2, 2), true);
    /// assert_eq!(Device::cpu()?.put(&a)?.to_ndarray()?, a);
    /// # Ok(()) }
    /// ```
    pub fn to_ndarray(&self) -> Result<Array<T, D>> {
        let v = self.raw.buffer.to_host_vec::<T>()?;
        Array::from_shape_vec(self.dim.clone(), v).map_err(|e| {
            Error::arg(
                "DeviceArray::to_ndarray",
                "self",
                format!("device buffer does not match its shape: {e}"),
            )
        })
    }

    /// The shape.
    ///
    /// ```
    /// # fn main() -> ultrasound_metrics::Result<()> {
    /// let d = ultrasound_metrics::runtime::Device::cpu()?.put(&ndarray::Array2::<f32>::zeros((3, 4)))?;
    /// assert_eq!(d.shape(), &[3, 4]);
    /// # Ok(()) }
    /// ```
    pub fn shape(&self) -> &[usize] {
        self.dim.slice()
    }

    /// The shape as an `ndarray` dimension.
    ///
    /// ```
    /// # fn main() -> ultrasound_metrics::Result<()> {
    /// let d = ultrasound_metrics::runtime::Device::cpu()?.put(&ndarray::Array2::<f32>::zeros((3, 4)))?;
    /// assert_eq!(d.raw_dim(), ndarray::Dim([3, 4]));
    /// # Ok(()) }
    /// ```
    pub fn raw_dim(&self) -> D {
        self.dim.clone()
    }

    /// The element type (`T::DTYPE`).
    ///
    /// ```
    /// # fn main() -> ultrasound_metrics::Result<()> {
    /// use ultrasound_metrics::DType;
    /// let d = ultrasound_metrics::runtime::Device::cpu()?.put(&ndarray::array![1i64])?;
    /// assert_eq!(d.dtype(), DType::I64);
    /// # Ok(()) }
    /// ```
    pub fn dtype(&self) -> DType {
        T::DTYPE
    }

    /// The tensor type (`f32[3,4]`).
    ///
    /// ```
    /// # fn main() -> ultrasound_metrics::Result<()> {
    /// let d = ultrasound_metrics::runtime::Device::cpu()?.put(&ndarray::Array2::<f32>::zeros((3, 4)))?;
    /// assert_eq!(d.tensor_type().to_string(), "f32[3,4]");
    /// # Ok(()) }
    /// ```
    pub fn tensor_type(&self) -> &TensorType {
        &self.raw.ty
    }

    /// The device the array lives on.
    ///
    /// ```
    /// # fn main() -> ultrasound_metrics::Result<()> {
    /// use ultrasound_metrics::runtime::Device;
    /// let dev = Device::cpu()?;
    /// assert_eq!(dev.put(&ndarray::array![0u8 as i32])?.device(), &dev);
    /// # Ok(()) }
    /// ```
    pub fn device(&self) -> &Device {
        &self.raw.device
    }

    /// The number of dimensions.
    ///
    /// ```
    /// # fn main() -> ultrasound_metrics::Result<()> {
    /// let d = ultrasound_metrics::runtime::Device::cpu()?.put(&ndarray::arr0(1.0f64))?;
    /// assert_eq!(d.ndim(), 0);
    /// # Ok(()) }
    /// ```
    pub fn ndim(&self) -> usize {
        self.dim.ndim()
    }

    /// The number of elements.
    ///
    /// ```
    /// # fn main() -> ultrasound_metrics::Result<()> {
    /// let d = ultrasound_metrics::runtime::Device::cpu()?.put(&ndarray::Array2::<f32>::zeros((3, 4)))?;
    /// assert_eq!(d.len(), 12);
    /// # Ok(()) }
    /// ```
    pub fn len(&self) -> usize {
        self.dim.size()
    }

    /// True when the array has no elements.
    ///
    /// ```
    /// # fn main() -> ultrasound_metrics::Result<()> {
    /// let d = ultrasound_metrics::runtime::Device::cpu()?.put(&ndarray::Array2::<f32>::zeros((0, 4)))?;
    /// assert!(d.is_empty());
    /// # Ok(()) }
    /// ```
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// True when the device buffer aliases host memory: given to [`Device::put_aligned`], or
    /// copied once by [`Device::put`] into aligned memory (arrays of 1 MiB or more on the CPU
    /// plugin).
    ///
    /// ```
    /// # fn main() -> ultrasound_metrics::Result<()> {
    /// use ultrasound_metrics::runtime::{AlignedArray, Device};
    /// let dev = Device::cpu()?;
    /// assert!(dev.put_aligned(&AlignedArray::from_array(&ndarray::array![1.0f32]))?.is_zero_copy());
    /// # Ok(()) }
    /// ```
    pub fn is_zero_copy(&self) -> bool {
        self.raw.buffer.is_zero_copy()
    }

    /// Converts to a dynamic-rank array (shares the buffer).
    ///
    /// ```
    /// # fn main() -> ultrasound_metrics::Result<()> {
    /// let d = ultrasound_metrics::runtime::Device::cpu()?.put(&ndarray::array![1.0f32, 2.0])?;
    /// assert_eq!(d.into_dyn().shape(), &[2]);
    /// # Ok(()) }
    /// ```
    pub fn into_dyn(self) -> DeviceArray<T, IxDyn> {
        DeviceArray::new(self.raw, self.dim.into_dyn())
    }
}

/// A device buffer without its static element type and rank; see [`DeviceArray::untyped`].
#[doc(hidden)]
#[derive(Clone, Debug)]
pub struct UntypedArray(pub(crate) Arc<RawBuffer>);

impl UntypedArray {
    /// The tensor type.
    ///
    /// ```
    /// # fn main() -> ultrasound_metrics::Result<()> {
    /// let d = ultrasound_metrics::runtime::Device::cpu()?.put(&ndarray::array![1.0f32])?;
    /// assert_eq!(d.untyped().tensor_type().to_string(), "f32[1]");
    /// # Ok(()) }
    /// ```
    pub fn tensor_type(&self) -> &TensorType {
        &self.0.ty
    }

    /// The device.
    ///
    /// ```
    /// # fn main() -> ultrasound_metrics::Result<()> {
    /// let d = ultrasound_metrics::runtime::Device::cpu()?.put(&ndarray::array![1.0f32])?;
    /// assert_eq!(d.untyped().device(), d.device());
    /// # Ok(()) }
    /// ```
    pub fn device(&self) -> &Device {
        &self.0.device
    }
}

/// A host array in 64-byte aligned, immutable memory, which [`Device::put_aligned`] can hand to
/// the CPU plugin without copying. Clones share the memory.
///
/// ```
/// use ultrasound_metrics::runtime::AlignedArray;
/// let a = AlignedArray::from_vec(ndarray::Ix2(2, 2), vec![1.0f32, 2.0, 3.0, 4.0]).unwrap();
/// assert_eq!(a.view()[[1, 0]], 3.0);
/// ```
pub struct AlignedArray<T: Element, D: Dimension> {
    bytes: Arc<pjrt::AlignedBytes>,
    dim: D,
    _elem: PhantomData<fn() -> T>,
}

impl<T: Element, D: Dimension> Clone for AlignedArray<T, D> {
    fn clone(&self) -> Self {
        AlignedArray {
            bytes: self.bytes.clone(),
            dim: self.dim.clone(),
            _elem: PhantomData,
        }
    }
}

impl<T: Element, D: Dimension> std::fmt::Debug for AlignedArray<T, D> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "AlignedArray({}{:?})", T::DTYPE.mlir(), self.dim.slice())
    }
}

impl<T: Element, D: Dimension> AlignedArray<T, D> {
    /// Copies an array (any memory layout) into aligned memory, in row-major order.
    ///
    /// ```
    /// use ultrasound_metrics::runtime::AlignedArray;
    /// let a = ndarray::array![[1, 2], [3, 4]];
    /// assert_eq!(AlignedArray::from_array(&a.t()).view(), a.t());
    /// ```
    ///
    /// # Panics
    /// Only when the memory cannot be allocated, like `ArrayBase::to_owned` (a broadcast view
    /// can describe more bytes than exist); [`AlignedArray::try_from_array`] returns an error
    /// instead.
    pub fn from_array<S: Data<Elem = T>>(a: &ArrayBase<S, D>) -> Self {
        match Self::try_from_array(a) {
            Ok(x) => x,
            Err(e) => panic!("{e}"),
        }
    }

    /// [`AlignedArray::from_array`], with an [`Error::InvalidArgument`] when the memory cannot be
    /// allocated (for example a broadcast view of more than `isize::MAX` bytes).
    ///
    /// ```
    /// use ultrasound_metrics::runtime::AlignedArray;
    /// let a = ndarray::array![[1.0f32, 2.0]];
    /// assert_eq!(AlignedArray::try_from_array(&a)?.view(), a);
    /// let huge = ndarray::arr0(1.0f64);
    /// let huge = huge.broadcast((1 << 31, 1 << 31)).unwrap();
    /// assert!(AlignedArray::try_from_array(&huge).is_err());
    /// # Ok::<(), ultrasound_metrics::Error>(())
    /// ```
    pub fn try_from_array<S: Data<Elem = T>>(a: &ArrayBase<S, D>) -> Result<Self> {
        let bytes = match a.as_slice() {
            Some(s) => Some(pjrt::AlignedBytes::from_slice(s)),
            None => pjrt::AlignedBytes::try_from_iter_exact(a.len(), a.iter().copied()),
        };
        let bytes = bytes.ok_or_else(|| {
            Error::arg(
                "AlignedArray::from_array",
                "a",
                format!("{} elements of {} cannot be allocated", a.len(), T::DTYPE),
            )
        })?;
        Ok(AlignedArray {
            bytes: Arc::new(bytes),
            dim: a.raw_dim(),
            _elem: PhantomData,
        })
    }

    /// Copies row-major data of the given shape into aligned memory; the length must match.
    ///
    /// ```
    /// use ultrasound_metrics::runtime::AlignedArray;
    /// assert!(AlignedArray::from_vec(ndarray::Ix1(3), vec![1i32, 2]).is_err());
    /// ```
    pub fn from_vec(dim: D, data: Vec<T>) -> Result<Self> {
        if dim.size_checked() != Some(data.len()) {
            return Err(Error::arg(
                "AlignedArray::from_vec",
                "data",
                format!(
                    "has {} elements, the shape {:?} needs {}",
                    data.len(),
                    dim.slice(),
                    dim.size()
                ),
            ));
        }
        Ok(AlignedArray {
            bytes: Arc::new(pjrt::AlignedBytes::from_slice(&data)),
            dim,
            _elem: PhantomData,
        })
    }

    /// A view of the elements.
    ///
    /// ```
    /// use ultrasound_metrics::runtime::AlignedArray;
    /// let a = AlignedArray::from_array(&ndarray::array![1.5f64]);
    /// assert_eq!(a.view().sum(), 1.5);
    /// ```
    pub fn view(&self) -> ArrayView<'_, T, D> {
        // Cannot fail: the constructors write exactly `dim.size()` elements of `T`.
        let elems = self
            .bytes
            .as_elements::<T>()
            .expect("AlignedArray memory always holds T");
        ArrayView::from_shape(self.dim.clone(), elems).expect("AlignedArray shape matches its data")
    }

    /// The shape.
    ///
    /// ```
    /// use ultrasound_metrics::runtime::AlignedArray;
    /// assert_eq!(AlignedArray::from_array(&ndarray::Array2::<f32>::zeros((2, 5))).shape(), &[2, 5]);
    /// ```
    pub fn shape(&self) -> &[usize] {
        self.dim.slice()
    }

    /// The shape as an `ndarray` dimension.
    ///
    /// ```
    /// use ultrasound_metrics::runtime::AlignedArray;
    /// let a = AlignedArray::from_array(&ndarray::Array2::<f32>::zeros((2, 5)));
    /// assert_eq!(a.raw_dim(), &ndarray::Dim([2, 5]));
    /// ```
    pub fn raw_dim(&self) -> &D {
        &self.dim
    }

    /// The number of elements.
    ///
    /// ```
    /// use ultrasound_metrics::runtime::AlignedArray;
    /// assert_eq!(AlignedArray::from_array(&ndarray::Array2::<f32>::zeros((2, 5))).len(), 10);
    /// ```
    pub fn len(&self) -> usize {
        self.dim.size()
    }

    /// True when the array has no elements.
    ///
    /// ```
    /// use ultrasound_metrics::runtime::AlignedArray;
    /// assert!(AlignedArray::from_array(&ndarray::Array1::<f32>::zeros(0)).is_empty());
    /// ```
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// The address of the first element (64-byte aligned), to check zero-copy aliasing.
    ///
    /// ```
    /// use ultrasound_metrics::runtime::AlignedArray;
    /// assert_eq!(AlignedArray::from_array(&ndarray::array![1u8 as i32]).as_ptr() as usize % 64, 0);
    /// ```
    pub fn as_ptr(&self) -> *const T {
        self.bytes.as_bytes().as_ptr() as *const T
    }

    pub(crate) fn bytes(&self) -> &Arc<pjrt::AlignedBytes> {
        &self.bytes
    }
}
