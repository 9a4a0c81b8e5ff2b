//! One-dimensional building blocks of the resolution metrics: level crossings of a profile read
//! outwards from its peak, and SciPy's local-maximum search. All run on the host, on slices.

use crate::dtype::RealElement;

/// Where `profile`, read from its first sample outwards, first drops **below** `level`:
/// the distance in samples from `profile[0]`, linearly interpolated between the last sample at or
/// above the level and the first one below it.
///
/// With `a` the first index where `profile[a] < level` and `b = a − 1`, the crossing is
/// `b + (profile[b] − level) / (profile[b] − profile[a])`, which lies in `(b, a]`.
/// Without interpolation it is `a`. If `a = 0` (the profile starts below the level) the result
/// is `Some(0.0)`; if the profile never drops below the level it is `None`.
/// NaN samples never count as below the level.
///
/// ```
/// use ultrasound_metrics::metrics::resolution::level_crossing;
/// // 0.8 at 1 and 0.1 at 2: the value 0.5 is crossed 3/7 of the way from 1 to 2.
/// let x = level_crossing(&[1.0, 0.8, 0.1, 0.0], 0.5, true).unwrap();
/// assert!((x - (1.0 + 3.0 / 7.0)).abs() < 1e-15);
/// assert_eq!(level_crossing(&[1.0, 0.8, 0.1, 0.0], 0.5, false), Some(2.0));
/// assert_eq!(level_crossing(&[1.0, 0.9, 0.8], 0.5, true), None);
/// ```
pub fn level_crossing<F: RealElement>(profile: &[F], level: f64, interpolate: bool) -> Option<f64> {
    let a = profile.iter().position(|v| v.to_f64() < level)?;
    if a == 0 {
        return Some(0.0);
    }
    if !interpolate {
        return Some(a as f64);
    }
    let (va, vb) = (profile[a].to_f64(), profile[a - 1].to_f64());
    let b = (a - 1) as f64;
    Some(b + (vb - level) / (vb - va))
}

/// **Half width at half maximum** of one side of a peak: [`level_crossing`] at `0.5 · max_val`.
/// `profile` starts at the peak and runs outwards (for the left side of a line, pass it
/// reversed). In samples; `None` when the profile never drops below half maximum.
///
/// This is the reference's `measure_half_width_half_max` with its two bugs fixed: the crossing is
/// interpolated on the correct side of the bracketing interval (the reference mirrors it inside
/// `[b, a]`), and a profile that starts below half maximum gives `0` instead of reading the last
/// sample through Python's negative indexing. Where the reference returns `len(profile)` because
/// the half maximum is not reached, this returns `None`.
///
/// ```
/// use ultrasound_metrics::metrics::resolution::half_width_half_max;
/// // A sampled Gaussian with σ = 4: the interpolated crossing of 0.5 lies between 4 and 5.
/// let p: Vec<f64> = (0..20).map(|i| (-(i as f64).powi(2) / 32.0).exp()).collect();
/// let h = half_width_half_max(&p, 1.0, true).unwrap();
/// assert!((h - 4.716426331801193).abs() < 1e-12);
/// assert_eq!(half_width_half_max(&[1.0f32, 0.9, 0.8], 1.0, true), None);
/// ```
pub fn half_width_half_max<F: RealElement>(
    profile: &[F],
    max_val: f64,
    interpolate: bool,
) -> Option<f64> {
    level_crossing(profile, 0.5 * max_val, interpolate)
}

/// Indices of the **local maxima** of `x`, with SciPy's rules (`scipy.signal.find_peaks` with
/// default arguments, i.e. `_local_maxima_1d`): a sample whose neighbours are both strictly
/// lower, or a flat run of equal samples whose neighbours on both sides are strictly lower (its
/// index is the middle of the run, rounded down). The first and last samples are never maxima.
/// Comparisons with NaN are false, so NaN is never a maximum nor a lower neighbour.
///
/// ```
/// use ultrasound_metrics::metrics::resolution::local_maxima;
/// assert_eq!(local_maxima(&[0.0, 2.0, 1.0, 3.0, 3.0, 3.0, 3.0, 0.0]), vec![1, 4]);
/// assert_eq!(local_maxima(&[3.0, 1.0, 2.0]), Vec::<usize>::new()); // endpoints excluded
/// ```
pub fn local_maxima<F: RealElement>(x: &[F]) -> Vec<usize> {
    let x: Vec<f64> = x.iter().map(|v| v.to_f64()).collect();
    local_maxima_f64(&x)
}

pub(crate) fn local_maxima_f64(x: &[f64]) -> Vec<usize> {
    let mut peaks = Vec::new();
    if x.len() < 3 {
        return peaks;
    }
    let i_max = x.len() - 1;
    let mut i = 1;
    while i < i_max {
        if x[i - 1] < x[i] {
            let mut ahead = i + 1;
            while ahead < i_max && x[ahead] == x[i] {
                ahead += 1;
            }
            if x[ahead] < x[i] {
                peaks.push((i + ahead - 1) / 2);
                i = ahead;
            }
        }
        i += 1;
    }
    peaks
}

/// The side-lobe peaks of a profile that starts at the edge of the main lobe and runs outwards:
/// the local maxima (SciPy rules, see [`local_maxima`]) of `log10(profile)`, as `(index, value)`.
/// Samples ≤ 0 have no logarithm (`−∞`, NaN) and are never peaks.
pub(crate) fn side_lobe_peaks(profile: &[f64]) -> Vec<(usize, f64)> {
    let logs: Vec<f64> = profile.iter().map(|v| v.log10()).collect();
    local_maxima_f64(&logs)
        .into_iter()
        .map(|i| (i, profile[i]))
        .collect()
}

/// **Side-lobe amplitude** on one side of a peak: the value of the **first** (nearest) local
/// maximum of `profile`, which starts beyond the main lobe's half-maximum point and runs outwards
/// (SciPy's `find_peaks` rules on `log10(profile)`; see [`local_maxima`]). `None` when there is
/// no local maximum.
///
/// The reference (`find_one_side_side_lobe_amplitude`) returns the sentinel `1.0` and warns
/// "No side-lobe peak detected!" where this returns `None`. It takes the nearest peak, not the
/// largest one, and so does this function.
///
/// ```
/// use ultrasound_metrics::metrics::resolution::side_lobe_amplitude;
/// assert_eq!(side_lobe_amplitude(&[0.4, 0.1, 0.05, 0.2, 0.1, 0.3, 0.01]), Some(0.2));
/// assert_eq!(side_lobe_amplitude(&[0.4f32, 0.3, 0.2]), None);
/// ```
pub fn side_lobe_amplitude<F: RealElement>(profile: &[F]) -> Option<f64> {
    let x: Vec<f64> = profile.iter().map(|v| v.to_f64()).collect();
    side_lobe_peaks(&x).first().map(|&(_, v)| v)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scipy_plateaus_and_nan() {
        // plateau middle rounded down: run 2..=5 -> (2+5)/2 = 3
        assert_eq!(
            local_maxima_f64(&[0.0, 1.0, 2.0, 2.0, 2.0, 2.0, 1.0]),
            vec![3]
        );
        // a plateau rising again is not a peak, and the search resumes inside it
        assert_eq!(local_maxima_f64(&[0.0, 2.0, 2.0, 3.0, 1.0]), vec![3]);
        // a plateau running into the last sample is not a peak
        assert_eq!(local_maxima_f64(&[0.0, 2.0, 2.0]), Vec::<usize>::new());
        assert_eq!(local_maxima_f64(&[0.0, f64::NAN, 0.0, 1.0, 0.0]), vec![3]);
        assert_eq!(local_maxima_f64(&[f64::NAN, 1.0, 0.0]), Vec::<usize>::new());
        assert_eq!(
            local_maxima_f64(&[f64::NEG_INFINITY, 1.0, f64::NEG_INFINITY]),
            vec![1]
        );
        assert!(local_maxima_f64(&[1.0, 2.0]).is_empty());
    }

    #[test]
    fn crossing_edge_cases() {
        assert_eq!(level_crossing(&[0.2, 0.1], 0.5, true), Some(0.0));
        assert_eq!(level_crossing::<f64>(&[], 0.5, true), None);
        assert_eq!(level_crossing(&[1.0, 0.5, 0.25], 0.5, true), Some(1.0));
        // exact hit on a sample is not "below": crossing is after it
        assert_eq!(level_crossing(&[1.0, 0.5, 0.0], 0.5, true), Some(1.0));
        // asymmetric bracket (spec example): truth 1.4286, the reference's mirrored 1.5714
        let x = half_width_half_max(&[1.0, 0.8, 0.1, 0.0], 1.0, true).unwrap();
        assert!((x - 1.4285714285714286).abs() < 1e-15);
    }

    #[test]
    fn zeros_are_not_side_lobes() {
        assert_eq!(side_lobe_amplitude(&[0.5, 0.0, 0.0, 0.0, 0.1]), None);
        assert_eq!(side_lobe_amplitude(&[0.5, 0.0, 0.2, 0.0, 0.1]), Some(0.2));
        assert_eq!(side_lobe_amplitude(&[0.5, -1.0, 0.2, -1.0, 0.1]), None);
    }
}
