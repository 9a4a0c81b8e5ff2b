//! The host evaluation of [`Op::Median`](crate::graph::Op::Median): an O(n) selection.
//!
//! Large inputs take one parallel pass (rayon chunks) that counts the elements below a band
//! of candidate values, picked from a strided sample around the wanted rank, and collects the
//! elements inside the band; the rank is then selected in the small band. If the band misses
//! the rank (a sample that does not represent the data), the whole input is selected instead,
//! so the result never depends on the sample. Small inputs are selected directly
//! (`select_nth_unstable_by`). Values are ordered by IEEE total order (`total_cmp`: −0.0 before
//! +0.0), as the sort the median replaces; any NaN gives NaN.

use std::cmp::Ordering;

use ndarray::{ArrayD, CowArray, IxDyn};
use num_traits::Float;
use rayon::prelude::*;

use super::eval::unsupported;
use super::HostTensor;
use crate::error::Result;

type H = HostTensor<'static>;

/// Inputs at least this long take the sampled band pass.
const BAND_MIN: usize = 1 << 15;
/// Sample size of the band pass.
const SAMPLE: usize = 4096;
/// Elements per parallel chunk.
const CHUNK: usize = 1 << 16;

/// A float with IEEE total order.
trait Total: Float + Send + Sync {
    fn total(&self, other: &Self) -> Ordering;
}
impl Total for f32 {
    fn total(&self, other: &Self) -> Ordering {
        self.total_cmp(other)
    }
}
impl Total for f64 {
    fn total(&self, other: &Self) -> Ordering {
        self.total_cmp(other)
    }
}

/// The median of a non-empty rank-1 float tensor, as a rank-0 tensor.
pub(super) fn median(a: &HostTensor) -> Result<H> {
    fn one<T: Total>(x: &CowArray<T, IxDyn>) -> ArrayD<T> {
        let m = match x.as_slice() {
            Some(s) => median_of(s),
            None => median_of(&x.iter().copied().collect::<Vec<T>>()),
        };
        ArrayD::from_elem(IxDyn(&[]), m)
    }
    Ok(match a {
        HostTensor::F32(x) => one(x).into(),
        HostTensor::F64(x) => one(x).into(),
        other => return Err(unsupported("median", other.dtype().name())),
    })
}

/// Middle value(s) by rank: `x_(k)` for odd `n`, `(x_(k−1) + x_(k)) / 2` for even `n`
/// (`k = n / 2`, ranks from 0); NaN if any element is NaN; NaN for an empty slice (the graph
/// builder rejects that case before evaluation).
fn median_of<T: Total>(x: &[T]) -> T {
    let n = x.len();
    if n == 0 {
        return T::nan();
    }
    let k = n / 2;
    let lo_rank = if n % 2 == 0 { k - 1 } else { k };
    if n >= BAND_MIN {
        if let Some(m) = band_median(x, lo_rank, k) {
            return m;
        }
    }
    if x.iter().any(|v| v.is_nan()) {
        return T::nan();
    }
    select_pair(&mut x.to_vec(), lo_rank, k)
}

/// Selects ranks `lo ≤ hi` (`hi ≤ lo + 1`) of `v` (no NaN) and returns their mean, or the one
/// value when they are equal.
fn select_pair<T: Total>(v: &mut [T], lo: usize, hi: usize) -> T {
    let (left, nth, _) = v.select_nth_unstable_by(hi, T::total);
    let b = *nth;
    if lo == hi {
        return b;
    }
    // rank hi − 1 is the largest element left of rank hi
    let a = left.iter().copied().max_by(T::total).unwrap_or(b);
    (a + b) / (T::one() + T::one())
}

/// The band pass; `None` when the band misses the ranks (then the caller selects in full).
fn band_median<T: Total>(x: &[T], lo_rank: usize, hi_rank: usize) -> Option<T> {
    let n = x.len();
    // a strided sample, sorted; the band spans the wanted quantile ± 4 standard deviations of
    // the sample quantile (binomial), so a random-like input misses it with probability ~1e-4
    let mut sample: Vec<T> = (0..SAMPLE).map(|i| x[i * n / SAMPLE]).collect();
    if sample.iter().any(|v| v.is_nan()) {
        return Some(T::nan());
    }
    sample.sort_unstable_by(T::total);
    let s = sample.len();
    let q = lo_rank as f64 / n as f64;
    let sd = (s as f64 * q * (1.0 - q)).sqrt();
    let margin = (4.0 * sd).ceil() as usize + 2;
    let centre = (q * s as f64) as usize;
    let band_lo = sample[centre.saturating_sub(margin).min(s - 1)];
    let band_hi = sample[(centre + margin).min(s - 1)];
    // counts below the band, NaN count, and the band's elements, per chunk
    let parts: Vec<(usize, usize, Vec<T>)> = x
        .par_chunks(CHUNK)
        .map(|c| {
            let (mut below, mut nan) = (0usize, 0usize);
            let mut band = Vec::new();
            for &v in c {
                if v.is_nan() {
                    nan += 1;
                } else if v.total(&band_lo) == Ordering::Less {
                    below += 1;
                } else if v.total(&band_hi) != Ordering::Greater {
                    band.push(v);
                }
            }
            (below, nan, band)
        })
        .collect();
    if parts.iter().any(|p| p.1 > 0) {
        return Some(T::nan());
    }
    let below: usize = parts.iter().map(|p| p.0).sum();
    let in_band: usize = parts.iter().map(|p| p.2.len()).sum();
    if lo_rank < below || hi_rank >= below + in_band {
        return None;
    }
    let mut band = Vec::with_capacity(in_band);
    for p in parts {
        band.extend_from_slice(&p.2);
    }
    Some(select_pair(&mut band, lo_rank - below, hi_rank - below))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// numpy's median by a full total-order sort.
    fn reference(x: &[f64]) -> f64 {
        if x.iter().any(|v| v.is_nan()) {
            return f64::NAN;
        }
        let mut s = x.to_vec();
        s.sort_by(f64::total_cmp);
        let n = s.len();
        if n % 2 == 1 {
            s[n / 2]
        } else {
            (s[n / 2 - 1] + s[n / 2]) / 2.0
        }
    }

    fn lcg(seed: u64, n: usize) -> Vec<f64> {
        let mut s = seed;
        (0..n)
            .map(|_| {
                s = s
                    .wrapping_mul(6364136223846793005)
                    .wrapping_add(1442695040888963407);
                (s >> 11) as f64 / (1u64 << 53) as f64
            })
            .collect()
    }

    #[test]
    fn matches_a_full_sort_small_and_banded() {
        for &n in &[
            1usize,
            2,
            3,
            4,
            7,
            10,
            1000,
            BAND_MIN,
            BAND_MIN + 1,
            100_001,
        ] {
            let x = lcg(n as u64, n);
            assert_eq!(median_of(&x).to_bits(), reference(&x).to_bits(), "n = {n}");
            // sorted, reversed, constant, few distinct values: adversarial for the sample
            let mut s = x.clone();
            s.sort_by(f64::total_cmp);
            assert_eq!(median_of(&s), reference(&s), "sorted n = {n}");
            s.reverse();
            assert_eq!(median_of(&s), reference(&s), "reversed n = {n}");
            let c = vec![2.5; n];
            assert_eq!(median_of(&c), 2.5);
            let few: Vec<f64> = x.iter().map(|v| (v * 3.0).floor()).collect();
            assert_eq!(median_of(&few), reference(&few), "few values n = {n}");
            // a periodic pattern in step with the sample stride
            let per: Vec<f64> = (0..n)
                .map(|i| {
                    if (i * SAMPLE / n.max(1)) % 2 == 0 {
                        1.0
                    } else {
                        x[i]
                    }
                })
                .collect();
            assert_eq!(median_of(&per), reference(&per), "periodic n = {n}");
        }
    }

    #[test]
    fn nan_inf_and_signed_zero() {
        for &n in &[5usize, BAND_MIN + 3] {
            let mut x = lcg(7, n);
            x[n / 3] = f64::NAN;
            assert!(median_of(&x).is_nan());
            x[n / 3] = -f64::NAN;
            assert!(median_of(&x).is_nan());
            x[n / 3] = f64::INFINITY;
            assert_eq!(median_of(&x), reference(&x));
        }
        // total order: −0.0 sorts before +0.0, as the sort it replaces
        assert_eq!(
            median_of(&[0.0f64, -0.0, -0.0]).to_bits(),
            (-0.0f64).to_bits()
        );
        assert_eq!(median_of(&[0.0f64, -0.0, 0.0]).to_bits(), 0.0f64.to_bits());
        assert!(median_of(&[f64::INFINITY, f64::NEG_INFINITY]).is_nan());
        let f: [f32; 4] = [3.0, 1.0, 2.0, 10.0];
        assert_eq!(median_of(&f), 2.5);
        assert!(median_of::<f64>(&[]).is_nan());
    }
}
