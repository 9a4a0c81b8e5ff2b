//! Host memory helpers: the 64-byte aligned, immutable allocation used for zero-copy transfers,
//! and the (only) reinterpretations between element slices and bytes.

use std::alloc::Layout;
use std::ptr::NonNull;

use crate::dtype::{DType, Element};

/// Views a slice of elements as its bytes (native endianness, dense, no padding).
///
/// Sound for every [`Element`]: the trait is sealed to `bool`, `i32`, `i64`, `f32`, `f64` and the
/// two `#[repr(C)]` complex types, none of which has padding or uninitialised bytes.
pub(crate) fn element_bytes<T: Element>(s: &[T]) -> &[u8] {
    // SAFETY: see above; the byte slice covers exactly the elements' memory and borrows `s`.
    unsafe { std::slice::from_raw_parts(s.as_ptr() as *const u8, std::mem::size_of_val(s)) }
}

/// Builds a `Vec<T>` from the bytes of `n` elements of `T`'s dtype, with a writer that fills a
/// byte buffer of exactly `n * size_of::<T>()` bytes.
///
/// `bool` goes through a byte buffer (any non-zero byte is `true`), since not every byte is a
/// valid `bool`; every other element type accepts any bit pattern and is written in place.
pub(crate) fn vec_from_bytes<T: Element, E>(
    n: usize,
    fill: impl FnOnce(&mut [u8]) -> Result<(), E>,
) -> Result<Vec<T>, E> {
    if T::DTYPE == DType::Bool {
        let mut bytes = vec![0u8; n];
        fill(&mut bytes)?;
        let bools: Vec<bool> = bytes.iter().map(|&b| b != 0).collect();
        // `T` is `bool` here (the dtype tag is unique to it among the sealed element types).
        let any: Box<dyn std::any::Any> = Box::new(bools);
        // Cannot fail: `Element` is sealed, and only `bool` has `DType::Bool`.
        return Ok(*any
            .downcast::<Vec<T>>()
            .expect("DType::Bool is only implemented by bool"));
    }
    let mut v = vec![T::default(); n];
    // SAFETY: `T` is one of i32, i64, f32, f64, Complex32, Complex64: plain data for which every
    // bit pattern is a valid value, without padding; the slice covers exactly `v`'s elements.
    let bytes = unsafe {
        std::slice::from_raw_parts_mut(v.as_mut_ptr() as *mut u8, std::mem::size_of_val(&v[..]))
    };
    fill(bytes)?;
    Ok(v)
}

/// Blocks of at least this many bytes are copied by several threads.
const PARALLEL_COPY_MIN: usize = 8 << 20;
/// Freed blocks of at least this many bytes are kept for reuse ...
const POOL_MIN_BYTES: usize = 1 << 20;
/// ... up to this many bytes in all, in at most [`POOL_MAX_BLOCKS`] blocks.
const POOL_MAX_BYTES: usize = 256 << 20;
const POOL_MAX_BLOCKS: usize = 4;

/// Recently freed large blocks `(address, layout)`, reused by the next allocation of the same
/// layout. A fresh large allocation is a fresh `mmap`: every page faults on first write, which
/// costs more than the copy itself; transferring frame after frame of one shape reuses the same
/// pages instead. Bounded by [`POOL_MAX_BYTES`].
static POOL: std::sync::Mutex<Vec<(usize, Layout)>> = std::sync::Mutex::new(Vec::new());

fn pool() -> std::sync::MutexGuard<'static, Vec<(usize, Layout)>> {
    // the pool holds plain addresses: a panic elsewhere cannot leave it inconsistent
    POOL.lock().unwrap_or_else(|e| e.into_inner())
}

/// A block of `layout` (non-zero size), from the pool when one of that layout is there,
/// zeroed when `zeroed`; `None` when the allocator fails.
fn alloc_block(layout: Layout, zeroed: bool) -> Option<NonNull<u8>> {
    if layout.size() >= POOL_MIN_BYTES {
        let reused = {
            let mut pool = pool();
            pool.iter()
                .position(|&(_, l)| l == layout)
                .map(|i| pool.swap_remove(i).0)
        };
        if let Some(addr) = reused {
            let ptr = addr as *mut u8;
            if zeroed {
                // SAFETY: the pooled block has exactly `layout.size()` bytes and nobody else
                // holds it any more.
                unsafe { std::ptr::write_bytes(ptr, 0, layout.size()) };
            }
            return NonNull::new(ptr);
        }
    }
    // SAFETY: the layout has a non-zero size (callers round up to at least `ALIGN` bytes).
    let raw = unsafe {
        if zeroed {
            std::alloc::alloc_zeroed(layout)
        } else {
            std::alloc::alloc(layout)
        }
    };
    NonNull::new(raw)
}

/// Gives a block back: into the pool when it is large, evicting the least recently freed
/// blocks to make room (the shape just used is the one most likely to come next: a pool full
/// of an earlier shape's blocks must not keep every later frame on fresh pages); blocks larger
/// than the whole pool go back to the allocator.
fn release_block(ptr: NonNull<u8>, layout: Layout) {
    let mut evicted = Vec::new();
    if (POOL_MIN_BYTES..=POOL_MAX_BYTES).contains(&layout.size()) {
        let mut pool = pool();
        let mut held: usize = pool.iter().map(|(_, l)| l.size()).sum();
        while !pool.is_empty()
            && (pool.len() >= POOL_MAX_BLOCKS || held + layout.size() > POOL_MAX_BYTES)
        {
            let oldest = pool.remove(0);
            held -= oldest.1.size();
            evicted.push(oldest);
        }
        pool.push((ptr.as_ptr() as usize, layout));
    } else {
        evicted.push((ptr.as_ptr() as usize, layout));
    }
    for (addr, layout) in evicted {
        // SAFETY: allocated by `alloc_block` with exactly this layout, and no longer used (a
        // pooled block is owned by the pool alone).
        unsafe { std::alloc::dealloc(addr as *mut u8, layout) };
    }
}

/// Frees the host blocks kept for reuse by zero-copy transfers (at most 256 MiB in 4 blocks,
/// kept after large transfers so that the next frame of the same shape does not fault in
/// fresh pages). Returns the number of bytes freed.
///
/// ```
/// use ultrasound_metrics::pjrt::{trim_host_pool, AlignedBytes};
/// drop(AlignedBytes::from_slice(&vec![0f32; 1 << 20])); // 4 MiB: kept for reuse
/// assert!(trim_host_pool() >= 4 << 20);
/// assert_eq!(trim_host_pool(), 0);
/// ```
pub fn trim_host_pool() -> usize {
    let blocks = std::mem::take(&mut *pool());
    let mut freed = 0;
    for (addr, layout) in blocks {
        freed += layout.size();
        // SAFETY: pooled blocks were allocated with exactly this layout and are unused.
        unsafe { std::alloc::dealloc(addr as *mut u8, layout) };
    }
    freed
}

/// An immutable, 64-byte aligned block of host memory holding the elements of one dtype, dense
/// and row-major. Shared as an `Arc`, it can back a device buffer without a copy
/// (`kImmutableZeroCopy`): the buffer keeps the `Arc` alive until it is dropped.
///
/// ```
/// use ultrasound_metrics::pjrt::AlignedBytes;
/// let a = AlignedBytes::from_slice(&[1.0f32, 2.0, 3.0]);
/// assert_eq!(a.as_bytes().as_ptr() as usize % AlignedBytes::ALIGN, 0);
/// assert_eq!(a.as_elements::<f32>(), Some(&[1.0f32, 2.0, 3.0][..]));
/// ```
pub struct AlignedBytes {
    ptr: NonNull<u8>,
    len: usize,
    layout: Layout,
    dtype: DType,
}

// SAFETY: `AlignedBytes` owns its allocation exclusively and never mutates it after
// construction; sharing or sending it is like sharing a `Box<[u8]>`.
unsafe impl Send for AlignedBytes {}
// SAFETY: see above.
unsafe impl Sync for AlignedBytes {}

impl AlignedBytes {
    /// The alignment of the memory, in bytes. PJRT's CPU plugin aliases host memory only when it
    /// is aligned to this.
    pub const ALIGN: usize = 64;

    /// Allocates zeroed memory for `n` elements of `T` and writes the first `n` items of `items`
    /// into it (missing items stay zero, which is a valid value of every element type).
    ///
    /// ```
    /// use ultrasound_metrics::pjrt::AlignedBytes;
    /// let a = AlignedBytes::from_iter_exact(4, (0..4).map(|i| i as i64 * 10));
    /// assert_eq!(a.as_elements::<i64>().unwrap(), &[0, 10, 20, 30]);
    /// ```
    ///
    /// # Panics
    /// When `n` elements of `T` need more than `isize::MAX` bytes or the allocation fails, like
    /// `Vec::with_capacity`; [`AlignedBytes::try_from_iter_exact`] returns `None` instead.
    pub fn from_iter_exact<T: Element>(n: usize, items: impl IntoIterator<Item = T>) -> Self {
        match Self::try_from_iter_exact(n, items) {
            Some(a) => a,
            None => panic!("AlignedBytes: cannot allocate {n} elements"),
        }
    }

    /// [`AlignedBytes::from_iter_exact`], or `None` when `n` elements of `T` need more than
    /// `isize::MAX` bytes or the allocation fails.
    ///
    /// ```
    /// use ultrasound_metrics::pjrt::AlignedBytes;
    /// assert!(AlignedBytes::try_from_iter_exact::<f64>(usize::MAX / 4, []).is_none());
    /// assert_eq!(AlignedBytes::try_from_iter_exact(2, [1.0f32]).unwrap().len(), 8);
    /// ```
    pub fn try_from_iter_exact<T: Element>(
        n: usize,
        items: impl IntoIterator<Item = T>,
    ) -> Option<Self> {
        let size = n.checked_mul(std::mem::size_of::<T>())?;
        // Never allocate zero bytes (undefined for the global allocator).
        let layout = Layout::from_size_align(size.max(Self::ALIGN), Self::ALIGN).ok()?;
        let ptr = alloc_block(layout, true)?;
        let typed = ptr.as_ptr() as *mut T;
        for (i, item) in items.into_iter().take(n).enumerate() {
            // SAFETY: `i < n`, the allocation holds `n` elements of `T` and is aligned to 64,
            // which is a multiple of `T`'s alignment.
            unsafe { typed.add(i).write(item) };
        }
        Some(AlignedBytes {
            ptr,
            len: size,
            layout,
            dtype: T::DTYPE,
        })
    }

    /// Copies a slice of elements into new aligned memory.
    ///
    /// ```
    /// use ultrasound_metrics::pjrt::AlignedBytes;
    /// let a = AlignedBytes::from_slice(&[true, false]);
    /// assert_eq!(a.len(), 2);
    /// ```
    pub fn from_slice<T: Element>(src: &[T]) -> Self {
        let size = std::mem::size_of_val(src);
        let layout = Layout::from_size_align(size.max(Self::ALIGN), Self::ALIGN)
            .expect("a slice's size never overflows isize");
        // every byte is written below: no need to zero the block first
        let ptr =
            alloc_block(layout, false).unwrap_or_else(|| std::alloc::handle_alloc_error(layout));
        let (src_addr, dst_addr) = (src.as_ptr() as usize, ptr.as_ptr() as usize);
        let copy = |start: usize, end: usize| {
            // SAFETY: `start..end` lies within both the source slice's bytes and the new block
            // (which holds at least `size` bytes and is not shared yet); the chunks given to
            // different threads are disjoint; the two allocations do not overlap.
            unsafe {
                std::ptr::copy_nonoverlapping(
                    (src_addr + start) as *const u8,
                    (dst_addr + start) as *mut u8,
                    end - start,
                )
            }
        };
        let threads = if size >= PARALLEL_COPY_MIN {
            std::thread::available_parallelism().map_or(1, |n| n.get().min(4))
        } else {
            1
        };
        if threads <= 1 {
            copy(0, size);
        } else {
            // chunk boundaries on cache lines
            let chunk = size.div_ceil(threads).next_multiple_of(64);
            let copy = &copy;
            std::thread::scope(|scope| {
                for t in 1..threads {
                    let (a, b) = ((t * chunk).min(size), ((t + 1) * chunk).min(size));
                    scope.spawn(move || copy(a, b));
                }
                copy(0, chunk.min(size));
            });
        }
        AlignedBytes {
            ptr,
            len: size,
            layout,
            dtype: T::DTYPE,
        }
    }

    /// The bytes, dense and row-major.
    ///
    /// ```
    /// use ultrasound_metrics::pjrt::AlignedBytes;
    /// assert_eq!(AlignedBytes::from_slice(&[1i32]).as_bytes(), &1i32.to_ne_bytes());
    /// ```
    pub fn as_bytes(&self) -> &[u8] {
        // SAFETY: the allocation holds `len` initialised bytes and lives as long as `self`.
        unsafe { std::slice::from_raw_parts(self.ptr.as_ptr(), self.len) }
    }

    /// The elements, if `T` is the dtype the memory was built with; `None` otherwise.
    ///
    /// ```
    /// use ultrasound_metrics::pjrt::AlignedBytes;
    /// let a = AlignedBytes::from_slice(&[1.5f64]);
    /// assert!(a.as_elements::<f32>().is_none());
    /// assert_eq!(a.as_elements::<f64>(), Some(&[1.5][..]));
    /// ```
    pub fn as_elements<T: Element>(&self) -> Option<&[T]> {
        if T::DTYPE != self.dtype {
            return None;
        }
        let n = self.len / std::mem::size_of::<T>();
        // SAFETY: the memory was written as `n` values of this very type (the dtype tag is unique
        // per element type), is aligned to 64 and immutable while borrowed.
        Some(unsafe { std::slice::from_raw_parts(self.ptr.as_ptr() as *const T, n) })
    }

    /// The element type.
    ///
    /// ```
    /// use ultrasound_metrics::{pjrt::AlignedBytes, DType};
    /// assert_eq!(AlignedBytes::from_slice(&[0i64]).dtype(), DType::I64);
    /// ```
    pub fn dtype(&self) -> DType {
        self.dtype
    }

    /// The length in bytes.
    ///
    /// ```
    /// use ultrasound_metrics::pjrt::AlignedBytes;
    /// assert_eq!(AlignedBytes::from_slice(&[0f32; 3]).len(), 12);
    /// ```
    pub fn len(&self) -> usize {
        self.len
    }

    /// True when the memory holds no bytes.
    ///
    /// ```
    /// use ultrasound_metrics::pjrt::AlignedBytes;
    /// assert!(AlignedBytes::from_slice::<f32>(&[]).is_empty());
    /// ```
    pub fn is_empty(&self) -> bool {
        self.len == 0
    }
}

impl Drop for AlignedBytes {
    fn drop(&mut self) {
        release_block(self.ptr, self.layout);
    }
}

impl std::fmt::Debug for AlignedBytes {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("AlignedBytes")
            .field("dtype", &self.dtype)
            .field("len", &self.len)
            .finish()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use num_complex::Complex32;

    #[test]
    fn bytes_and_back() {
        let v = [Complex32::new(1.0, 2.0), Complex32::new(-3.0, 4.5)];
        let b = element_bytes(&v);
        assert_eq!(b.len(), 16);
        let back: Vec<Complex32> = vec_from_bytes::<_, ()>(2, |dst| {
            dst.copy_from_slice(b);
            Ok(())
        })
        .unwrap();
        assert_eq!(back, v);
        let bools: Vec<bool> = vec_from_bytes::<_, ()>(3, |dst| {
            dst.copy_from_slice(&[0, 1, 7]);
            Ok(())
        })
        .unwrap();
        assert_eq!(bools, [false, true, true]);
    }

    #[test]
    fn aligned() {
        for n in [0usize, 1, 7, 1000] {
            let a = AlignedBytes::from_iter_exact(n, (0..n).map(|i| i as f64));
            assert_eq!(a.as_bytes().as_ptr() as usize % 64, 0);
            assert_eq!(a.len(), 8 * n);
            assert_eq!(a.as_elements::<f64>().unwrap().len(), n);
        }
        let short = AlignedBytes::from_iter_exact(3, [5i32]);
        assert_eq!(short.as_elements::<i32>().unwrap(), &[5, 0, 0]);
    }

    /// A full pool makes room for the block freed last, evicting the oldest: a new shape's
    /// frames get reused pages even after other shapes filled the pool.
    #[test]
    fn pool_keeps_the_latest_shape() {
        // odd sizes that no other test allocates
        let layout = |k: usize| {
            Layout::from_size_align(POOL_MIN_BYTES + 64 * k, AlignedBytes::ALIGN).unwrap()
        };
        let pooled = |l: Layout| pool().iter().any(|&(_, p)| p == l);
        for k in 1..=POOL_MAX_BLOCKS {
            let b = alloc_block(layout(k), false).unwrap();
            release_block(b, layout(k));
        }
        let latest = layout(97);
        let b = alloc_block(latest, false).unwrap();
        release_block(b, latest);
        assert!(pooled(latest), "the block freed last is kept");
        assert!(!pooled(layout(1)), "the oldest block made room");
        let reused = alloc_block(latest, false).unwrap();
        assert!(
            !pooled(latest),
            "and the next allocation of that layout takes it"
        );
        release_block(reused, latest);
        // a block larger than the whole pool is not kept
        let huge = Layout::from_size_align(POOL_MAX_BYTES + 64, AlignedBytes::ALIGN).unwrap();
        let b = alloc_block(huge, false).unwrap();
        release_block(b, huge);
        assert!(!pooled(huge));
        for k in (1..=POOL_MAX_BLOCKS).chain([97]) {
            if let Some(b) = alloc_block(layout(k), false) {
                // SAFETY: allocated with exactly this layout; handed straight back
                unsafe { std::alloc::dealloc(b.as_ptr(), layout(k)) };
            }
        }
    }
}
