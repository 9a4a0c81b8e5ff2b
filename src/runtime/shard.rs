//! Data parallelism over several devices: an array split along one axis into slabs, one slab per
//! device, and metrics run on every slab at once.
//!
//! XLA's CPU backend runs one executable on one thread. The CPU plugin exposes several devices
//! ([`Device::cpu_devices`], 4 by default), and executions on different devices run
//! concurrently, so splitting a per-pixel metric along a pixel axis (or a batch along its frames
//! axis) uses every core. Only metrics that treat each slab independently may be split this
//! way: per-pixel maps (the coherence family, B-mode, tenengrad maps) along an image axis, and
//! per-frame metrics along the frames axis. A statistic over the whole image (contrast, CNR,
//! gCNR, …) is not the combination of its values on slabs; run it on one device.
//!
//! ```
//! # fn main() -> ultrasound_metrics::Result<()> {
//! use ndarray::Array3;
//! use num_complex::Complex32;
//! use ultrasound_metrics as um;
//! use um::runtime::{Device, ShardedArray};
//!
//! let x = Array3::from_shape_fn((16, 40, 30), |(m, i, j)| {
//!     Complex32::new((m + i) as f32, (j as f32).sin())
//! });
//! let devices = Device::cpu_devices()?;
//! // channel data (M, z, x): split along z (axis 1), one slab per device
//! let xs = ShardedArray::split(&x, 1, &devices)?;
//! // the CF map (z, x) of every slab, computed concurrently; slabs join along axis 0 of the map
//! let cf = xs.map(0, |slab| um::coherence_factor(slab, Default::default()))?;
//! let whole = um::coherence_factor(&x, Default::default())?;
//! assert!(cf.to_ndarray()?.abs_diff_eq(&whole, 1e-6));
//! # Ok(()) }
//! ```

use std::ops::Range;

use ndarray::{Array, ArrayBase, Axis, Data, Dimension};

use super::array::{AlignedArray, DeviceArray};
use super::device::Device;
use crate::dtype::Element;
use crate::error::{Error, Result};

/// An array split along `axis` into contiguous slabs, each on its own device (see the
/// [module documentation](self)).
///
/// ```
/// # fn main() -> ultrasound_metrics::Result<()> {
/// use ultrasound_metrics::runtime::{Device, ShardedArray};
/// let a = ndarray::Array2::from_shape_fn((5, 3), |(i, j)| (i * 3 + j) as f32);
/// let s = ShardedArray::split(&a, 0, &Device::cpu_devices()?[..2])?;
/// assert_eq!(s.shape(), vec![5, 3]);
/// assert_eq!(s.shards()[0].shape(), &[3, 3]);
/// assert_eq!(s.shards()[1].device().ordinal(), 1);
/// assert_eq!(s.to_ndarray()?, a);
/// # Ok(()) }
/// ```
#[derive(Clone, Debug)]
pub struct ShardedArray<T: Element, D: Dimension> {
    shards: Vec<DeviceArray<T, D>>,
    axis: usize,
}

/// The `parts` near-equal ranges covering `0..len` (the first ones one longer), none empty.
fn slab_ranges(len: usize, parts: usize) -> Vec<Range<usize>> {
    let parts = parts.min(len).max(1);
    let (base, extra) = (len / parts, len % parts);
    let mut start = 0;
    (0..parts)
        .map(|i| {
            let n = base + usize::from(i < extra);
            let r = start..start + n;
            start += n;
            r
        })
        .collect()
}

/// Runs `f` on every item at once, one thread per item beyond the first (which runs on the
/// calling thread), and returns the results in order, or the first error in item order.
fn par_map<I: Sync, R: Send>(items: &[I], f: impl Fn(&I) -> Result<R> + Sync) -> Result<Vec<R>> {
    let Some((first, rest)) = items.split_first() else {
        return Ok(Vec::new());
    };
    let f = &f;
    std::thread::scope(|scope| {
        let handles: Vec<_> = rest.iter().map(|it| scope.spawn(move || f(it))).collect();
        let mut out = vec![f(first)];
        for h in handles {
            out.push(h.join().unwrap_or_else(|_| {
                Err(Error::Unsupported {
                    what: "a shard computation".into(),
                    why: "it panicked (a bug: please report it)".into(),
                })
            }));
        }
        out.into_iter().collect()
    })
}

impl<T: Element, D: Dimension> ShardedArray<T, D> {
    /// Splits `a` along `axis` into near-equal slabs, one per device (fewer when the axis is
    /// shorter than the device list), and moves each slab to its device. The slabs are copied
    /// into aligned memory in parallel and handed to the device without a further copy.
    ///
    /// Errors: no devices, `axis` out of range, or an empty axis ([`Error::InvalidArgument`]).
    ///
    /// ```
    /// # fn main() -> ultrasound_metrics::Result<()> {
    /// use ultrasound_metrics::runtime::{Device, ShardedArray};
    /// let a = ndarray::Array3::<f32>::zeros((4, 7, 2));
    /// let s = ShardedArray::split(&a, 1, &Device::cpu_devices()?)?;
    /// let widths: Vec<usize> = s.shards().iter().map(|d| d.shape()[1]).collect();
    /// assert_eq!(widths, [2, 2, 2, 1]);
    /// assert!(ShardedArray::split(&a, 3, &Device::cpu_devices()?).is_err());
    /// # Ok(()) }
    /// ```
    pub fn split<S: Data<Elem = T> + Sync>(
        a: &ArrayBase<S, D>,
        axis: usize,
        devices: &[Device],
    ) -> Result<Self> {
        const F: &str = "ShardedArray::split";
        if devices.is_empty() {
            return Err(Error::arg(
                F,
                "devices",
                "is empty; pass at least one device",
            ));
        }
        if axis >= a.ndim() {
            return Err(Error::arg(
                F,
                "axis",
                format!("is {axis}, but the array has rank {}", a.ndim()),
            ));
        }
        let len = a.len_of(Axis(axis));
        if len == 0 {
            return Err(Error::arg(
                F,
                "a",
                format!("has length 0 along axis {axis}: nothing to split"),
            ));
        }
        let jobs: Vec<(Range<usize>, &Device)> = slab_ranges(len, devices.len())
            .into_iter()
            .zip(devices)
            .collect();
        let shards = par_map(&jobs, |(range, device)| {
            let slab = a.slice_axis(Axis(axis), range.clone().into());
            let host = match slab.as_slice() {
                Some(_) => AlignedArray::from_array(&slab),
                None => AlignedArray::from_array(&slab.as_standard_layout()),
            };
            device.put_aligned(&host)
        })?;
        Ok(ShardedArray { shards, axis })
    }

    /// Assembles slabs computed elsewhere: they must have the same rank, and the same shape
    /// except along `axis`.
    ///
    /// ```
    /// # fn main() -> ultrasound_metrics::Result<()> {
    /// use ultrasound_metrics::runtime::{Device, ShardedArray};
    /// let d = Device::cpu_devices()?;
    /// let a = d[0].put(&ndarray::array![[1.0f32, 2.0]])?;
    /// let b = d[1].put(&ndarray::array![[3.0f32, 4.0], [5.0, 6.0]])?;
    /// let s = ShardedArray::from_shards(vec![a.clone(), b], 0)?;
    /// assert_eq!(s.to_ndarray()?, ndarray::array![[1.0, 2.0], [3.0, 4.0], [5.0, 6.0]]);
    /// assert!(ShardedArray::from_shards(vec![a], 2).is_err());
    /// # Ok(()) }
    /// ```
    pub fn from_shards(shards: Vec<DeviceArray<T, D>>, axis: usize) -> Result<Self> {
        const F: &str = "ShardedArray::from_shards";
        let Some(first) = shards.first() else {
            return Err(Error::arg(F, "shards", "is empty"));
        };
        if axis >= first.ndim() {
            return Err(Error::arg(
                F,
                "axis",
                format!("is {axis}, but the shards have rank {}", first.ndim()),
            ));
        }
        for (i, s) in shards.iter().enumerate() {
            let same = s.ndim() == first.ndim()
                && (0..s.ndim()).all(|k| k == axis || s.shape()[k] == first.shape()[k]);
            if !same {
                return Err(Error::arg(
                    F,
                    "shards",
                    format!(
                        "shard {i} has shape {:?}, shard 0 has {:?}: they may differ only along axis {axis}",
                        s.shape(),
                        first.shape()
                    ),
                ));
            }
        }
        Ok(ShardedArray { shards, axis })
    }

    /// The slabs, in order along the split axis.
    ///
    /// ```
    /// # fn main() -> ultrasound_metrics::Result<()> {
    /// use ultrasound_metrics::runtime::{Device, ShardedArray};
    /// let s = ShardedArray::split(&ndarray::Array1::<f64>::zeros(3), 0, &Device::cpu_devices()?)?;
    /// assert_eq!(s.shards().len(), 3); // an axis of 3 uses 3 of the 4 devices
    /// # Ok(()) }
    /// ```
    pub fn shards(&self) -> &[DeviceArray<T, D>] {
        &self.shards
    }

    /// The axis along which the array is split.
    ///
    /// ```
    /// # fn main() -> ultrasound_metrics::Result<()> {
    /// use ultrasound_metrics::runtime::{Device, ShardedArray};
    /// let s = ShardedArray::split(&ndarray::Array2::<f64>::zeros((2, 4)), 1, &Device::cpu_devices()?)?;
    /// assert_eq!(s.axis(), 1);
    /// # Ok(()) }
    /// ```
    pub fn axis(&self) -> usize {
        self.axis
    }

    /// The shape of the whole array.
    ///
    /// ```
    /// # fn main() -> ultrasound_metrics::Result<()> {
    /// use ultrasound_metrics::runtime::{Device, ShardedArray};
    /// let s = ShardedArray::split(&ndarray::Array2::<f64>::zeros((2, 9)), 1, &Device::cpu_devices()?)?;
    /// assert_eq!(s.shape(), vec![2, 9]);
    /// # Ok(()) }
    /// ```
    pub fn shape(&self) -> Vec<usize> {
        let mut shape = self.shards[0].shape().to_vec();
        shape[self.axis] = self.shards.iter().map(|s| s.shape()[self.axis]).sum();
        shape
    }

    /// Runs `f` on every slab concurrently (one thread per slab) and keeps each result on the
    /// slab's device; `out_axis` is the axis of `f`'s output along which the results join (for
    /// a channel-data split along image axis `k`, the map's axis is `k - 1`). Use it only for
    /// functions that treat slabs independently (see the [module documentation](self)).
    ///
    /// Errors: the first error of `f` (in slab order), or results that do not join along
    /// `out_axis`.
    ///
    /// ```
    /// # fn main() -> ultrasound_metrics::Result<()> {
    /// use ultrasound_metrics::runtime::{Device, ShardedArray};
    /// use ultrasound_metrics as um;
    /// let x = ndarray::Array3::from_shape_fn((8, 6, 5), |(m, i, j)| (m * i + j) as f64);
    /// let xs = ShardedArray::split(&x, 2, &Device::cpu_devices()?)?;
    /// let cf = xs.map(1, |s| um::coherence_factor(s, Default::default()))?;
    /// assert_eq!(cf.shape(), vec![6, 5]);
    /// # Ok(()) }
    /// ```
    pub fn map<U, E, F>(&self, out_axis: usize, f: F) -> Result<ShardedArray<U, E>>
    where
        U: Element,
        E: Dimension,
        F: Fn(&DeviceArray<T, D>) -> Result<DeviceArray<U, E>> + Sync,
    {
        ShardedArray::from_shards(self.map_each(f)?, out_axis)
    }

    /// Runs `f` on every slab concurrently and returns its results in slab order, whatever
    /// their type (several maps of a fused call, a tuple, …).
    ///
    /// ```
    /// # fn main() -> ultrasound_metrics::Result<()> {
    /// use ultrasound_metrics::runtime::{Device, ShardedArray};
    /// let xs = ShardedArray::split(&ndarray::Array1::<f32>::ones(10), 0, &Device::cpu_devices()?)?;
    /// let lens = xs.map_each(|s| Ok(s.len()))?;
    /// assert_eq!(lens, [3, 3, 2, 2]);
    /// # Ok(()) }
    /// ```
    pub fn map_each<R, F>(&self, f: F) -> Result<Vec<R>>
    where
        R: Send,
        F: Fn(&DeviceArray<T, D>) -> Result<R> + Sync,
    {
        par_map(&self.shards, f)
    }

    /// Copies every slab back (concurrently) and joins them into one host array.
    ///
    /// ```
    /// # fn main() -> ultrasound_metrics::Result<()> {
    /// use ultrasound_metrics::runtime::{Device, ShardedArray};
    /// let a = ndarray::Array2::from_shape_fn((3, 7), |(i, j)| i as i32 - j as i32);
    /// let s = ShardedArray::split(&a, 1, &Device::cpu_devices()?)?;
    /// assert_eq!(s.to_ndarray()?, a);
    /// # Ok(()) }
    /// ```
    pub fn to_ndarray(&self) -> Result<Array<T, D>> {
        let parts = par_map(&self.shards, |s| s.to_ndarray())?;
        let mut dim = parts[0].raw_dim();
        dim[self.axis] = parts.iter().map(|p| p.len_of(Axis(self.axis))).sum();
        let err = |e: ndarray::ShapeError| {
            Error::arg(
                "ShardedArray::to_ndarray",
                "self",
                format!("slabs do not join along axis {}: {e}", self.axis),
            )
        };
        // any element of the data fills the output before the slabs overwrite all of it
        let Some(&fill) = parts.iter().find_map(|p| p.iter().next()) else {
            return Array::from_shape_vec(dim, Vec::new()).map_err(err);
        };
        let mut out = Array::from_elem(dim, fill);
        let mut start = 0;
        for p in &parts {
            let n = p.len_of(Axis(self.axis));
            out.slice_axis_mut(Axis(self.axis), (start..start + n).into())
                .assign(p);
            start += n;
        }
        Ok(out)
    }
}

#[cfg(test)]
mod tests {
    use super::slab_ranges;

    #[test]
    fn ranges_cover_evenly() {
        assert_eq!(slab_ranges(10, 4), vec![0..3, 3..6, 6..8, 8..10]);
        assert_eq!(slab_ranges(2, 4), vec![0..1, 1..2]);
        assert_eq!(slab_ranges(5, 1), vec![0..5]);
    }
}
