//! A small bounded Levenberg–Marquardt solver and the axis-aligned N-D Gaussian model that
//! [`compute_fwhm`](super::compute_fwhm) refines its widths with.
//!
//! Why not a dependency: the problem has at most 1 + 2·4 = 9 parameters, so the normal equations
//! are solved with a dense Cholesky factorisation; the box constraints are handled by an active
//! set (a parameter that sits on a bound with its gradient pointing outwards is frozen for the
//! step) followed by projection onto the box. That is the behaviour of SciPy's bounded solvers
//! that matters here (`curve_fit(method="trf", bounds=...)` in the reference), in ~200 lines.

/// A least-squares model `y_i ≈ f(p; i)` over a fixed set of points.
pub(crate) trait Model {
    /// Number of parameters.
    fn n_params(&self) -> usize;
    /// Number of data points.
    fn n_points(&self) -> usize;
    /// The model value at point `i` for parameters `p`; writes `∂f/∂p` into `grad`.
    fn eval(&self, p: &[f64], i: usize, grad: &mut [f64]) -> f64;
}

/// Solver settings.
#[derive(Debug, Clone, Copy)]
pub(crate) struct LmOptions {
    /// Maximum number of accepted + rejected steps.
    pub max_iter: usize,
    /// Stop when an accepted step reduces the cost by less than `ftol · cost`.
    pub ftol: f64,
    /// Stop when the step is below `xtol · (xtol + |p|)`.
    pub xtol: f64,
}

impl Default for LmOptions {
    fn default() -> Self {
        LmOptions {
            max_iter: 1000,
            ftol: 1e-14,
            xtol: 1e-14,
        }
    }
}

/// The outcome of a fit.
#[derive(Debug, Clone)]
pub(crate) struct LmResult {
    /// The parameters at the end.
    pub params: Vec<f64>,
    /// `½ Σ r_i²` at `params`.
    #[allow(dead_code)]
    pub cost: f64,
    /// A stopping criterion other than `max_iter` was met.
    pub converged: bool,
}

/// `½ Σ (f(p; i) − y_i)²`, or `None` if not finite.
fn cost_of(model: &impl Model, y: &[f64], p: &[f64], grad: &mut [f64]) -> Option<f64> {
    let mut c = 0.0;
    for (i, yi) in y.iter().enumerate() {
        let r = model.eval(p, i, grad) - yi;
        c += r * r;
    }
    let c = 0.5 * c;
    c.is_finite().then_some(c)
}

/// Normal equations at `p`: `JᵀJ` (row-major `n×n`) and `Jᵀr`.
fn normal_equations(model: &impl Model, y: &[f64], p: &[f64]) -> (Vec<f64>, Vec<f64>) {
    let n = p.len();
    let mut jtj = vec![0.0; n * n];
    let mut jtr = vec![0.0; n];
    let mut g = vec![0.0; n];
    for (i, yi) in y.iter().enumerate() {
        let r = model.eval(p, i, &mut g) - yi;
        for a in 0..n {
            jtr[a] += g[a] * r;
            for b in 0..=a {
                jtj[a * n + b] += g[a] * g[b];
            }
        }
    }
    for a in 0..n {
        for b in 0..a {
            jtj[b * n + a] = jtj[a * n + b];
        }
    }
    (jtj, jtr)
}

/// Solves `A x = b` for a symmetric positive definite `A` (row-major `n×n`) by Cholesky.
/// `None` when `A` is not positive definite (numerically).
fn cholesky_solve(a: &[f64], b: &[f64], n: usize) -> Option<Vec<f64>> {
    let mut l = vec![0.0; n * n];
    for i in 0..n {
        for j in 0..=i {
            let mut s = a[i * n + j];
            for k in 0..j {
                s -= l[i * n + k] * l[j * n + k];
            }
            if i == j {
                if s <= 0.0 || !s.is_finite() {
                    return None;
                }
                l[i * n + i] = s.sqrt();
            } else {
                l[i * n + j] = s / l[j * n + j];
            }
        }
    }
    let mut z = vec![0.0; n];
    for i in 0..n {
        let mut s = b[i];
        for k in 0..i {
            s -= l[i * n + k] * z[k];
        }
        z[i] = s / l[i * n + i];
    }
    let mut x = vec![0.0; n];
    for i in (0..n).rev() {
        let mut s = z[i];
        for k in i + 1..n {
            s -= l[k * n + i] * x[k];
        }
        x[i] = s / l[i * n + i];
    }
    x.iter().all(|v| v.is_finite()).then_some(x)
}

/// Minimises `½ Σ (f(p; i) − y_i)²` subject to `lo ≤ p ≤ hi`, starting from `p0` (projected
/// onto the box). Returns `None` when the cost at the start is not finite.
pub(crate) fn levenberg_marquardt(
    model: &impl Model,
    y: &[f64],
    p0: &[f64],
    lo: &[f64],
    hi: &[f64],
    opts: LmOptions,
) -> Option<LmResult> {
    let n = model.n_params();
    debug_assert!(p0.len() == n && lo.len() == n && hi.len() == n && y.len() == model.n_points());
    let clamp = |p: &mut [f64]| {
        for k in 0..n {
            p[k] = p[k].clamp(lo[k], hi[k]);
        }
    };
    let mut p = p0.to_vec();
    clamp(&mut p);
    let mut scratch = vec![0.0; n];
    let mut cost = cost_of(model, y, &p, &mut scratch)?;
    let mut lambda = 1e-3;
    let mut converged = false;
    let (mut jtj, mut jtr) = normal_equations(model, y, &p);
    let mut iter = 0;
    while iter < opts.max_iter {
        iter += 1;
        if cost == 0.0 {
            converged = true;
            break;
        }
        // Active set: freeze parameters on a bound whose descent direction (−Jᵀr) points out.
        let free: Vec<usize> = (0..n)
            .filter(|&k| !((p[k] <= lo[k] && jtr[k] > 0.0) || (p[k] >= hi[k] && jtr[k] < 0.0)))
            .collect();
        let gnorm = free.iter().map(|&k| jtr[k].abs()).fold(0.0, f64::max);
        if free.is_empty() || gnorm == 0.0 {
            converged = true;
            break;
        }
        let m = free.len();
        let mut a = vec![0.0; m * m];
        let mut b = vec![0.0; m];
        for (i, &fi) in free.iter().enumerate() {
            b[i] = -jtr[fi];
            for (j, &fj) in free.iter().enumerate() {
                a[i * m + j] = jtj[fi * n + fj];
            }
            // Marquardt's scaling, with a floor so that a parameter with no influence still
            // gets a finite step.
            let d = jtj[fi * n + fi].max(1e-12);
            a[i * m + i] += lambda * d;
        }
        let Some(step) = cholesky_solve(&a, &b, m) else {
            lambda *= 10.0;
            if lambda > 1e20 {
                converged = true;
                break;
            }
            continue;
        };
        let mut trial = p.clone();
        for (i, &fi) in free.iter().enumerate() {
            trial[fi] += step[i];
        }
        clamp(&mut trial);
        let step_norm = trial
            .iter()
            .zip(&p)
            .map(|(t, q)| (t - q) * (t - q))
            .sum::<f64>()
            .sqrt();
        let p_norm = p.iter().map(|v| v * v).sum::<f64>().sqrt();
        match cost_of(model, y, &trial, &mut scratch) {
            Some(c) if c < cost => {
                let reduction = cost - c;
                p = trial;
                cost = c;
                lambda = (lambda / 3.0).max(1e-15);
                (jtj, jtr) = normal_equations(model, y, &p);
                if reduction <= opts.ftol * cost || step_norm <= opts.xtol * (opts.xtol + p_norm) {
                    converged = true;
                    break;
                }
            }
            _ => {
                if step_norm <= opts.xtol * (opts.xtol + p_norm) {
                    // No descent possible at machine precision: a (constrained) minimum.
                    converged = true;
                    break;
                }
                lambda *= 4.0;
                if lambda > 1e20 {
                    converged = true;
                    break;
                }
            }
        }
    }
    Some(LmResult {
        params: p,
        cost,
        converged,
    })
}

/// An axis-aligned Gaussian on a regular grid of `shape` (C order), pixel coordinates:
/// `f(x) = A · exp(−Σ_d (x_d − μ_d)² / (2 σ_d²))`, parameters `(A, μ_0, σ_0, μ_1, σ_1, ...)`.
pub(crate) struct Gaussian<'a> {
    /// The grid (one entry per fitted axis).
    pub shape: &'a [usize],
    /// Row-major strides of `shape`, precomputed.
    strides: Vec<usize>,
    n_points: usize,
}

impl<'a> Gaussian<'a> {
    pub(crate) fn new(shape: &'a [usize]) -> Self {
        let mut strides = vec![1; shape.len()];
        for d in (0..shape.len().saturating_sub(1)).rev() {
            strides[d] = strides[d + 1] * shape[d + 1];
        }
        Gaussian {
            shape,
            strides,
            n_points: shape.iter().product(),
        }
    }
}

impl Model for Gaussian<'_> {
    fn n_params(&self) -> usize {
        1 + 2 * self.shape.len()
    }
    fn n_points(&self) -> usize {
        self.n_points
    }
    fn eval(&self, p: &[f64], i: usize, grad: &mut [f64]) -> f64 {
        let a = p[0];
        let mut expo = 0.0;
        for (d, (&stride, &len)) in self.strides.iter().zip(self.shape).enumerate() {
            let x = ((i / stride) % len) as f64;
            let (mu, s) = (p[1 + 2 * d], p[2 + 2 * d]);
            let t = x - mu;
            expo += t * t / (2.0 * s * s);
            // Partial derivatives of the exponent, finished below once exp is known.
            grad[1 + 2 * d] = t / (s * s);
            grad[2 + 2 * d] = t * t / (s * s * s);
        }
        let e = (-expo).exp();
        let f = a * e;
        grad[0] = e;
        for g in &mut grad[1..] {
            *g *= f;
        }
        f
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sample(shape: &[usize], p: &[f64]) -> Vec<f64> {
        let g = Gaussian::new(shape);
        let mut grad = vec![0.0; g.n_params()];
        (0..g.n_points()).map(|i| g.eval(p, i, &mut grad)).collect()
    }

    #[test]
    fn gradient_matches_finite_differences() {
        let shape = [7, 9];
        let g = Gaussian::new(&shape);
        let p = [0.9, 3.2, 1.7, 4.1, 2.3];
        let mut grad = vec![0.0; 5];
        let mut tmp = vec![0.0; 5];
        for i in [0, 17, 31, 62] {
            g.eval(&p, i, &mut grad);
            for k in 0..5 {
                let h = 1e-6;
                let mut pp = p;
                pp[k] += h;
                let mut pm = p;
                pm[k] -= h;
                let fd = (g.eval(&pp, i, &mut tmp) - g.eval(&pm, i, &mut tmp)) / (2.0 * h);
                assert!(
                    (fd - grad[k]).abs() < 1e-7,
                    "param {k} point {i}: {fd} vs {}",
                    grad[k]
                );
            }
        }
    }

    #[test]
    fn recovers_exact_gaussian_2d_and_3d() {
        for (shape, truth) in [
            (vec![25, 31], vec![1.0, 12.3, 3.0, 15.0, 5.0]),
            (vec![15, 17, 19], vec![0.8, 7.0, 2.0, 8.4, 2.5, 9.1, 3.5]),
        ] {
            let y = sample(&shape, &truth);
            let g = Gaussian::new(&shape);
            let n = truth.len();
            let p0: Vec<f64> = truth.iter().map(|v| v * 1.15).collect();
            let lo = vec![0.0; n];
            let hi = vec![100.0; n];
            let r = levenberg_marquardt(&g, &y, &p0, &lo, &hi, LmOptions::default()).unwrap();
            assert!(r.converged);
            for (a, b) in r.params.iter().zip(&truth) {
                assert!((a - b).abs() < 1e-8, "{:?} vs {truth:?}", r.params);
            }
        }
    }

    #[test]
    fn respects_bounds() {
        let shape = [21];
        let y = sample(&shape, &[1.0, 10.0, 4.0]);
        let g = Gaussian::new(&shape);
        let r = levenberg_marquardt(
            &g,
            &y,
            &[1.0, 10.0, 1.0],
            &[0.0, 0.0, 0.1],
            &[2.0, 20.0, 2.0],
            LmOptions::default(),
        )
        .unwrap();
        assert!(r.converged);
        assert_eq!(r.params[2], 2.0, "{:?}", r.params);
    }

    #[test]
    fn cholesky_rejects_indefinite() {
        assert!(cholesky_solve(&[1.0, 2.0, 2.0, 1.0], &[1.0, 1.0], 2).is_none());
        let x = cholesky_solve(&[4.0, 2.0, 2.0, 3.0], &[2.0, 1.0], 2).unwrap();
        assert!((x[0] - 0.5).abs() < 1e-15 && x[1].abs() < 1e-15);
    }
}
