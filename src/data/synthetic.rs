//! An embedded, deterministic synthetic phantom: *delayed* (focused) receive-channel data of a
//! linear array imaging speckle, an anechoic cyst and a few bright point targets.
//!
//! Nothing is read from disk: [`generate`] builds a [`SyntheticDataset`] from a
//! [`SyntheticConfig`] and a seed, and [`default_dataset`] caches the default one for the
//! `um demo` command and the tests. The same configuration and seed always give bit-identical
//! data (on a given platform).
//!
//! # Physical model
//!
//! All quantities are SI (metres, seconds, hertz).
//!
//! * **Array.** `M` elements at depth `z = 0`, lateral positions
//!   `e_m = (m − (M − 1)/2) · pitch`. The image is a regular grid of pixels `p = (x, z)`.
//! * **Transmit.** A 0° plane wave: it reaches depth `z` at time `z / c`.
//! * **Receive.** The echo of a scatterer at `s = (x_s, z_s)` travels `r_m(s) = |s − e_m|` back
//!   to element `m`; its round-trip time is `τ_m(s) = (z_s + r_m(s)) / c`.
//! * **Delay (focusing).** Delay-and-sum aligns every channel on the pixel's round-trip time
//!   `τ_m(p)`. In delayed channel `m` a scatterer's echo therefore sits at the lag
//!   `Δτ_m = τ_m(s) − τ_m(p) = [(z_s − z) + r_m(s) − r_m(p)] / c`
//!   and, for baseband (IQ) data, contributes
//!
//!   `a · D_m(s) · w_tx(x_s − x) · env(Δτ_m) · exp(−i 2π f0 Δτ_m)`
//!
//!   with `a` the scatterer's complex reflectivity, `env` the pulse envelope (a Gaussian whose
//!   full width at half maximum is `pulse_cycles / f0`, truncated at ±3σ and shifted so it falls
//!   continuously to zero), `D_m` the element directivity (a soft-baffle strip element of width
//!   `pitch`: `sinc(pitch · sin θ / λ) · cos θ`, `θ` the angle of arrival) and `w_tx` the transmit
//!   beam profile below. Spreading and attenuation losses are taken as compensated (TGC).
//! * A scatterer *at* the pixel has `Δτ_m = 0` on every channel: the channels add in phase and
//!   the coherence factor `CF = |Σ_m x_m|² / (M Σ_m |x_m|²)` approaches 1 (point targets).
//!   Off-pixel scatterers arrive with lags, hence phases, that vary across the aperture and
//!   largely cancel in the sum (speckle: low CF). Thermal noise is independent across channels,
//!   so where there are no scatterers (the cyst) `CF ≈ 1/M`.
//! * **Transmit beam / locality.** Each pixel is insonified by a smooth beam centred on its
//!   own line, `w_tx(δx) = cos²(π δx / (2W))` for `|δx| < W` (`W` =
//!   [`SyntheticConfig::tx_beam_half_width`]), as with line-by-line focused transmits or
//!   synthetic transmit focusing. Physically it bounds the insonified region, which (van
//!   Cittert–Zernike) sets the spatial coherence of speckle across the aperture; numerically it
//!   makes the model local: a pixel only sees scatterers within `±W` laterally and within an
//!   axial reach `h` derived from the envelope support and the widest angle of arrival, found
//!   through a bucket grid. Cost ≈ pixels × (scatterers per `2W × 2h` window) × elements.
//! * **Noise.** Independent circular complex Gaussian noise is added to every channel sample,
//!   with power set relative to the mean per-channel signal power in the background region
//!   ([`SyntheticConfig::channel_snr_db`]).
//!
//! # Phantom
//!
//! Speckle: complex Gaussian reflectivities `a ~ CN(0, 1)` at uniformly random positions
//! ([`SyntheticConfig::scatterer_density`]) everywhere except inside the cyst. Point targets:
//! real reflectivity [`SyntheticConfig::point_amplitude`], snapped to the nearest pixel so that
//! each one is sampled at its peak.
//!
//! # Example
//!
//! ```
//! use ultrasound_metrics::data::synthetic::*;
//!
//! let ds = generate(&SyntheticConfig::small());
//! let (m, nz, nx) = ds.channel_data.dim();
//! assert_eq!((nz, nx), (ds.z_axis.len(), ds.x_axis.len()));
//! assert_eq!(m, ds.element_positions.len());
//! let bmode = ds.beamformed().mapv(|v| v.norm_sqr());
//! let mean_in = |mask: &ndarray::Array2<bool>| {
//!     let (mut s, mut n) = (0.0, 0.0);
//!     ndarray::Zip::from(&bmode).and(mask).for_each(|&p, &k| if k { s += p as f64; n += 1.0 });
//!     s / n
//! };
//! // The anechoic cyst is much darker than the speckle beside it.
//! assert!(mean_in(&ds.cyst_mask()) < 0.1 * mean_in(&ds.background_mask()));
//! ```

use std::f64::consts::PI;

use ndarray::{Array1, Array2, Array3, Axis};
use num_complex::{Complex32, Complex64};
use once_cell::sync::Lazy;

// ---------------------------------------------------------------------------------------------
// Public types
// ---------------------------------------------------------------------------------------------

/// A circle in the imaging plane (metres): the cyst and the background region.
///
/// ```
/// use ultrasound_metrics::data::synthetic::*;
///
/// let cyst = Circle::new(-3.5e-3, 30e-3, 3e-3);
/// assert!(cyst.contains(-2.5e-3, 31e-3));
/// assert!(!cyst.contains(0.0, 30e-3));
/// assert!(Circle::new(0.0, 0.0, 1.0).contains(0.0, 1.0)); // the boundary is inside
/// ```
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Circle {
    /// Lateral position of the centre (m).
    pub center_x: f64,
    /// Depth of the centre (m).
    pub center_z: f64,
    /// Radius (m).
    pub radius: f64,
}

impl Circle {
    /// A circle centred at `(center_x, center_z)` with the given `radius` (all in metres).
    ///
    /// ```
    /// use ultrasound_metrics::data::synthetic::*;
    ///
    /// let c = Circle::new(-3.5e-3, 30e-3, 3e-3);
    /// assert_eq!(c.radius, 3e-3);
    /// ```
    pub const fn new(center_x: f64, center_z: f64, radius: f64) -> Self {
        Self {
            center_x,
            center_z,
            radius,
        }
    }

    /// Whether `(x, z)` lies inside or on the circle: `sqrt((x − x0)² + (z − z0)²) <= r`, the
    /// inclusive test of [`SyntheticDataset::mask_circle`] (and of the Python reference
    /// `create_circular_mask`).
    ///
    /// ```
    /// use ultrasound_metrics::data::synthetic::*;
    ///
    /// let c = Circle::new(0.0, 0.0, 1.0);
    /// assert!(c.contains(0.6, 0.8));
    /// assert!(!c.contains(0.8, 0.8));
    /// ```
    pub fn contains(&self, x: f64, z: f64) -> bool {
        let (dx, dz) = (x - self.center_x, z - self.center_z);
        (dx * dx + dz * dz).sqrt() <= self.radius
    }
}

/// Parameters of the synthetic acquisition and phantom (SI units).
///
/// [`Default`] is the demo dataset: 64 elements (pitch 0.3 mm, 5.208 MHz, as the L11-4v probe of
/// the PICMUS challenge), a 16 mm × 20 mm field of view from 20 mm to 40 mm depth on a
/// 101 × 129 pixel grid (about λ/2), an anechoic cyst of radius 3 mm at 30 mm depth, a
/// background circle of the same size at the same depth, and three point targets at different
/// depths. [`SyntheticConfig::small`] is a reduced version for quick tests.
///
/// ```
/// use ultrasound_metrics::data::synthetic::*;
///
/// let cfg = SyntheticConfig { seed: 7, channel_snr_db: 30.0, ..SyntheticConfig::small() };
/// let ds = generate(&cfg);
/// assert_eq!(ds.channel_data.dim(), (cfg.num_elements, cfg.nz, cfg.nx));
/// ```
#[derive(Debug, Clone, PartialEq)]
pub struct SyntheticConfig {
    /// Seed of the pseudo-random generator (scatterer positions and amplitudes, noise).
    pub seed: u64,
    /// Number of receive elements `M`.
    pub num_elements: usize,
    /// Element pitch (m); elements are centred on `x = 0`. The element width is taken equal to
    /// the pitch (no kerf) for the directivity.
    pub pitch: f64,
    /// Centre (carrier) frequency `f0` of the pulse (Hz).
    pub center_frequency: f64,
    /// Nominal RF sampling frequency of the emulated acquisition (Hz). Metadata only: the data
    /// are already delayed onto the pixel grid.
    pub sampling_frequency: f64,
    /// Speed of sound `c` (m/s).
    pub sound_speed: f64,
    /// Full width at half maximum of the (two-way) pulse envelope, in carrier cycles.
    pub pulse_cycles: f64,
    /// Lateral extent of the pixel grid `(x_first, x_last)` (m), both included.
    pub x_range: (f64, f64),
    /// Number of lateral pixels (columns), at least 2.
    pub nx: usize,
    /// Axial extent of the pixel grid `(z_first, z_last)` (m), both included; `z_first > 0`.
    pub z_range: (f64, f64),
    /// Number of axial pixels (rows), at least 2.
    pub nz: usize,
    /// Mean number of speckle scatterers per square metre.
    pub scatterer_density: f64,
    /// The anechoic cyst: no scatterers inside.
    pub cyst: Circle,
    /// Background region for contrast statistics (speckle only); also the reference region of
    /// [`SyntheticConfig::channel_snr_db`].
    pub background: Circle,
    /// Point targets `(x, z)` (m); each is snapped to the nearest pixel of the grid.
    pub point_targets: Vec<(f64, f64)>,
    /// Reflectivity of the point targets, relative to the RMS reflectivity (1) of one speckle
    /// scatterer.
    pub point_amplitude: f64,
    /// Half width `W` (m) of the transmit beam profile `cos²(π δx / (2W))` centred on each
    /// pixel; scatterers farther than `W` laterally from a pixel do not contribute to it.
    pub tx_beam_half_width: f64,
    /// Channel signal-to-noise ratio (dB): mean per-channel signal power in the background
    /// region over the thermal-noise power per channel sample.
    pub channel_snr_db: f64,
}

impl Default for SyntheticConfig {
    /// The demo configuration (see [`SyntheticConfig`]).
    ///
    /// ```
    /// use ultrasound_metrics::data::synthetic::*;
    ///
    /// let cfg = SyntheticConfig::default();
    /// assert_eq!((cfg.num_elements, cfg.nz, cfg.nx), (64, 129, 101));
    /// ```
    fn default() -> Self {
        Self {
            seed: 0x5EED_2024,
            num_elements: 64,
            pitch: 0.3e-3,
            center_frequency: 5.208e6,
            sampling_frequency: 20.832e6,
            sound_speed: 1540.0,
            pulse_cycles: 2.0,
            x_range: (-8e-3, 8e-3),
            nx: 101,
            z_range: (20e-3, 40e-3),
            nz: 129,
            scatterer_density: 30e6, // 30 per mm², ~4 per resolution cell
            cyst: Circle::new(-3.5e-3, 30e-3, 3e-3),
            background: Circle::new(3.5e-3, 30e-3, 3e-3),
            point_targets: vec![(-4.5e-3, 22e-3), (4.5e-3, 23.5e-3), (0.0, 37e-3)],
            point_amplitude: 60.0,
            tx_beam_half_width: 1.5e-3,
            channel_snr_db: 20.0,
        }
    }
}

impl SyntheticConfig {
    /// A reduced configuration for fast tests and examples: same phantom and field of view as
    /// [`Default`], 32 elements on a coarser 41 × 51 pixel grid.
    ///
    /// ```
    /// use ultrasound_metrics::data::synthetic::*;
    ///
    /// let ds = generate(&SyntheticConfig::small());
    /// assert_eq!(ds.channel_data.dim(), (32, 51, 41));
    /// ```
    pub fn small() -> Self {
        Self {
            num_elements: 32,
            pitch: 0.3e-3,
            nx: 41,
            nz: 51,
            ..Self::default()
        }
    }
}

/// A synthetic delayed channel dataset (see the [module documentation](self) for the model).
///
/// ```
/// use ultrasound_metrics::data::synthetic::*;
///
/// let ds = default_dataset();
/// let (dz, dx) = ds.pixel_spacing();
/// assert!(dz > 0.0 && dx > 0.0);
/// assert_eq!(ds.beamformed().dim(), (ds.z_axis.len(), ds.x_axis.len()));
/// ```
#[derive(Debug, Clone, PartialEq)]
pub struct SyntheticDataset {
    /// Delayed (focused) baseband channel data, shape `(M, Nz, Nx)` = (receive elements, depth,
    /// lateral): `channel_data[[m, iz, ix]]` is channel `m` delayed for pixel
    /// `(x_axis[ix], z_axis[iz])`. Summing over axis 0 gives the delay-and-sum image.
    pub channel_data: Array3<Complex32>,
    /// Lateral pixel positions (m), length `Nx`, increasing.
    pub x_axis: Array1<f64>,
    /// Pixel depths (m), length `Nz`, increasing.
    pub z_axis: Array1<f64>,
    /// Lateral positions of the receive elements (m), length `M`, at depth 0.
    pub element_positions: Array1<f64>,
    /// The anechoic cyst.
    pub cyst: Circle,
    /// The background region: a circle of the cyst's size at the same depth, in speckle.
    pub background: Circle,
    /// Point target positions `(x, z)` (m), exactly on pixel centres.
    pub point_targets: Vec<(f64, f64)>,
    /// Centre frequency `f0` (Hz).
    pub center_frequency: f64,
    /// Nominal RF sampling frequency (Hz) of the emulated acquisition (metadata).
    pub sampling_frequency: f64,
    /// Speed of sound `c` (m/s).
    pub sound_speed: f64,
    /// Standard deviation of the thermal noise per channel sample: `E|n|² = noise_std²`.
    pub noise_std: f64,
    /// The configuration this dataset was generated from.
    pub config: SyntheticConfig,
}

impl SyntheticDataset {
    /// Number of receive channels `M`.
    ///
    /// ```
    /// use ultrasound_metrics::data::synthetic::*;
    ///
    /// assert_eq!(default_dataset().num_elements(), 64);
    /// ```
    pub fn num_elements(&self) -> usize {
        self.channel_data.len_of(Axis(0))
    }

    /// Wavelength `λ = c / f0` (m).
    ///
    /// ```
    /// use ultrasound_metrics::data::synthetic::*;
    ///
    /// assert!((default_dataset().wavelength() - 1540.0 / 5.208e6).abs() < 1e-12);
    /// ```
    pub fn wavelength(&self) -> f64 {
        self.sound_speed / self.center_frequency
    }

    /// The delay-and-sum image: the sum of [`channel_data`](Self::channel_data) over the
    /// channels, shape `(Nz, Nx)`.
    ///
    /// ```
    /// use ultrasound_metrics::data::synthetic::*;
    ///
    /// let ds = default_dataset();
    /// let bf = ds.beamformed();
    /// let (iz, ix) = ds.point_target_indices()[0];
    /// let manual: num_complex::Complex32 = (0..ds.num_elements())
    ///     .map(|m| ds.channel_data[[m, iz, ix]])
    ///     .sum();
    /// assert!((bf[[iz, ix]] - manual).norm() <= 1e-3 * manual.norm());
    /// ```
    pub fn beamformed(&self) -> Array2<Complex32> {
        self.channel_data.sum_axis(Axis(0))
    }

    /// Pixel spacing `(dz, dx)` (m): axial, then lateral.
    ///
    /// ```
    /// use ultrasound_metrics::data::synthetic::*;
    ///
    /// let ds = default_dataset();
    /// let (dz, dx) = ds.pixel_spacing();
    /// assert!((dx - (ds.x_axis[1] - ds.x_axis[0])).abs() < 1e-12);
    /// assert!((dz - (ds.z_axis[1] - ds.z_axis[0])).abs() < 1e-12);
    /// ```
    pub fn pixel_spacing(&self) -> (f64, f64) {
        (axis_step(&self.z_axis), axis_step(&self.x_axis))
    }

    /// Boolean mask of the pixels inside or on the circle of centre `(cx, cz)` and radius `r`
    /// (m), shape `(Nz, Nx)`: `sqrt((x − cx)² + (z − cz)²) <= r` on the meshgrid of
    /// [`x_axis`](Self::x_axis) (columns) and [`z_axis`](Self::z_axis) (rows), as the Python
    /// reference `create_circular_mask`.
    ///
    /// ```
    /// use ultrasound_metrics::data::synthetic::*;
    ///
    /// let ds = default_dataset();
    /// let (dz, dx) = ds.pixel_spacing();
    /// let mask = ds.mask_circle(0.0, 30e-3, 2e-3);
    /// let area = mask.iter().filter(|&&b| b).count() as f64 * dz * dx;
    /// assert!((area / (std::f64::consts::PI * 4e-6) - 1.0).abs() < 0.05);
    /// ```
    pub fn mask_circle(&self, cx: f64, cz: f64, r: f64) -> Array2<bool> {
        let circle = Circle::new(cx, cz, r);
        Array2::from_shape_fn((self.z_axis.len(), self.x_axis.len()), |(iz, ix)| {
            circle.contains(self.x_axis[ix], self.z_axis[iz])
        })
    }

    /// Mask of the cyst, shape `(Nz, Nx)` (see [`mask_circle`](Self::mask_circle)).
    ///
    /// ```
    /// use ultrasound_metrics::data::synthetic::*;
    ///
    /// let ds = default_dataset();
    /// assert!(ds.cyst_mask().iter().any(|&b| b));
    /// ```
    pub fn cyst_mask(&self) -> Array2<bool> {
        let c = self.cyst;
        self.mask_circle(c.center_x, c.center_z, c.radius)
    }

    /// Mask of the background region, shape `(Nz, Nx)` (see [`mask_circle`](Self::mask_circle)).
    ///
    /// ```
    /// use ultrasound_metrics::data::synthetic::*;
    ///
    /// let ds = default_dataset();
    /// let (cyst, bg) = (ds.cyst_mask(), ds.background_mask());
    /// assert_eq!(cyst.iter().filter(|&&b| b).count(), bg.iter().filter(|&&b| b).count());
    /// assert!(!cyst.iter().zip(bg.iter()).any(|(&a, &b)| a && b));
    /// ```
    pub fn background_mask(&self) -> Array2<bool> {
        let c = self.background;
        self.mask_circle(c.center_x, c.center_z, c.radius)
    }

    /// Grid indices `(iz, ix)` of the point targets, in the order of
    /// [`point_targets`](Self::point_targets).
    ///
    /// ```
    /// use ultrasound_metrics::data::synthetic::*;
    ///
    /// let ds = default_dataset();
    /// for (&(x, z), (iz, ix)) in ds.point_targets.iter().zip(ds.point_target_indices()) {
    ///     assert_eq!((ds.x_axis[ix], ds.z_axis[iz]), (x, z));
    /// }
    /// ```
    pub fn point_target_indices(&self) -> Vec<(usize, usize)> {
        self.point_targets
            .iter()
            .map(|&(x, z)| {
                (
                    nearest_index(&self.z_axis, z),
                    nearest_index(&self.x_axis, x),
                )
            })
            .collect()
    }
}

/// Generates the synthetic delayed channel dataset described by `cfg` (deterministic in
/// `cfg.seed`). The default configuration takes well under a second in release builds.
///
/// # Panics
///
/// If the configuration is not physical: fewer than 2 pixels along an axis, no element,
/// non-increasing ranges, `z_range.0 <= 0`, non-positive frequencies, speed, pitch, pulse
/// length or beam width, a negative density, or a point target outside the pixel grid.
///
/// ```
/// use ultrasound_metrics::data::synthetic::*;
///
/// let cfg = SyntheticConfig::small();
/// let (a, b) = (generate(&cfg), generate(&cfg));
/// assert_eq!(a, b); // deterministic
/// let c = generate(&SyntheticConfig { seed: cfg.seed + 1, ..cfg });
/// assert_ne!(a.channel_data, c.channel_data);
/// ```
pub fn generate(cfg: &SyntheticConfig) -> SyntheticDataset {
    validate(cfg);
    let m_count = cfg.num_elements;
    let (nz, nx) = (cfg.nz, cfg.nx);
    let c = cfg.sound_speed;
    let f0 = cfg.center_frequency;
    let lambda = c / f0;
    let k = 2.0 * PI / lambda; // wavenumber: exp(−i 2π f0 Δτ) = exp(−i k c Δτ)

    let x_axis = Array1::linspace(cfg.x_range.0, cfg.x_range.1, nx);
    let z_axis = Array1::linspace(cfg.z_range.0, cfg.z_range.1, nz);
    let elements: Vec<f64> = (0..m_count)
        .map(|m| (m as f64 - (m_count as f64 - 1.0) / 2.0) * cfg.pitch)
        .collect();

    // Pulse envelope in path-length units: d = c Δτ, σ_d = c σ_t, FWHM_t = cycles / f0.
    let sigma_d = c * (cfg.pulse_cycles / f0) / (2.0 * (2.0 * 2f64.ln()).sqrt());
    let env = Envelope::new(sigma_d);
    let d_cut = env.cutoff_distance();

    // Locality window. Lateral: the transmit beam half width W. Axial: a scatterer can only
    // reach a pixel's envelope on some channel if |d_m| < d_cut, where
    // d_m = δz + r_m(s) − r_m(p) = δz (1 + ⟨cos θ⟩) + δx ⟨sin θ⟩ (mean value theorem along the
    // segment p→s, θ the angle seen from element m). Hence
    // |δz| < (d_cut + W sin θ_max) / (1 + cos θ_max), θ_max the widest angle of arrival.
    let w = cfg.tx_beam_half_width;
    let (x_lo, x_hi) = (x_axis[0] - w, x_axis[nx - 1] + w);
    let z_shallowest = (z_axis[0] - d_cut - w).max(1e-6 * lambda); // crude a-priori reach d_cut + W
    let widest_offset = (x_hi - elements[0]).max(elements[m_count - 1] - x_lo);
    let theta_max = (widest_offset / z_shallowest).atan();
    let h_z = (d_cut + w * theta_max.sin()) / (1.0 + theta_max.cos());
    // Scatterers live below the array (z > 0) in the window-padded field of view.
    let (z_lo, z_hi) = ((z_axis[0] - h_z).max(0.0), z_axis[nz - 1] + h_z);

    // Scatterers: speckle everywhere in the (window-padded) field of view but in the cyst, then
    // the point targets, snapped onto the pixel grid.
    let mut master = SplitMix64::new(cfg.seed);
    let mut rng = SplitMix64::new(master.next_u64());
    let mut noise_rng = SplitMix64::new(master.next_u64());
    let n_speckle = (cfg.scatterer_density * (x_hi - x_lo) * (z_hi - z_lo)).round() as usize;
    let mut scatterers: Vec<Scatterer> = Vec::with_capacity(n_speckle + cfg.point_targets.len());
    for _ in 0..n_speckle {
        let x = x_lo + (x_hi - x_lo) * rng.uniform();
        let z = z_lo + (z_hi - z_lo) * rng.uniform();
        let amp = rng.complex_normal(1.0);
        if !cfg.cyst.contains(x, z) {
            scatterers.push(Scatterer { x, z, amp });
        }
    }
    let point_targets: Vec<(f64, f64)> = cfg
        .point_targets
        .iter()
        .map(|&(x, z)| {
            (
                x_axis[nearest_index(&x_axis, x)],
                z_axis[nearest_index(&z_axis, z)],
            )
        })
        .collect();
    scatterers.extend(point_targets.iter().map(|&(x, z)| Scatterer {
        x,
        z,
        amp: Complex64::new(cfg.point_amplitude, 0.0),
    }));

    let field = ScattererField::new(
        &scatterers,
        &elements,
        (x_lo, x_hi, z_lo, z_hi),
        (w, h_z),
        k,
        cfg.pitch / lambda,
    );

    // Delay every channel for every pixel: sum the local scatterers' contributions.
    let plane = nz * nx;
    let mut data = vec![Complex32::new(0.0, 0.0); m_count * plane];
    let mut pixel_path = vec![0f32; m_count];
    let mut pixel_phasor = vec![Complex32::new(0.0, 0.0); m_count];
    let mut acc = vec![Complex32::new(0.0, 0.0); m_count];
    for (iz, &z) in z_axis.iter().enumerate() {
        for (ix, &x) in x_axis.iter().enumerate() {
            // Path of the pixel's own echo to each element, z + r_m(p), and the phasor that
            // restores exp(−i k (S − P)) from the scatterers' exp(−i k S).
            for (m, &e) in elements.iter().enumerate() {
                let path = z + ((x - e) * (x - e) + z * z).sqrt();
                pixel_path[m] = path as f32;
                let (s, cs) = (k * path).sin_cos();
                pixel_phasor[m] = Complex32::new(cs as f32, s as f32);
            }
            acc.fill(Complex32::new(0.0, 0.0));
            field.accumulate(x, z, &pixel_path, &env, &mut acc);
            let offset = iz * nx + ix;
            for m in 0..m_count {
                data[m * plane + offset] = acc[m] * pixel_phasor[m];
            }
        }
    }

    // Thermal noise, relative to the mean channel power in the background region (or over the
    // whole image if the background circle holds no pixel).
    let mut ref_power = 0.0f64;
    let mut ref_count = 0usize;
    for (iz, &z) in z_axis.iter().enumerate() {
        for (ix, &x) in x_axis.iter().enumerate() {
            if cfg.background.contains(x, z) {
                for m in 0..m_count {
                    ref_power += data[m * plane + iz * nx + ix].norm_sqr() as f64;
                }
                ref_count += m_count;
            }
        }
    }
    if ref_count == 0 {
        ref_power = data.iter().map(|v| v.norm_sqr() as f64).sum();
        ref_count = data.len();
    }
    let noise_var = ref_power / ref_count as f64 / 10f64.powf(cfg.channel_snr_db / 10.0);
    for v in data.iter_mut() {
        let n = noise_rng.complex_normal(noise_var);
        *v += Complex32::new(n.re as f32, n.im as f32);
    }

    let channel_data = Array3::from_shape_vec((m_count, nz, nx), data)
        .expect("buffer length is M * Nz * Nx by construction");
    SyntheticDataset {
        channel_data,
        x_axis,
        z_axis,
        element_positions: Array1::from(elements),
        cyst: cfg.cyst,
        background: cfg.background,
        point_targets,
        center_frequency: f0,
        sampling_frequency: cfg.sampling_frequency,
        sound_speed: c,
        noise_std: noise_var.sqrt(),
        config: cfg.clone(),
    }
}

/// The dataset of [`SyntheticConfig::default`], generated on first use and cached for the
/// lifetime of the process.
///
/// ```
/// use ultrasound_metrics::data::synthetic::*;
///
/// let ds = default_dataset();
/// assert!(std::ptr::eq(ds, default_dataset()));
/// assert_eq!(ds.config, SyntheticConfig::default());
/// ```
pub fn default_dataset() -> &'static SyntheticDataset {
    static DEFAULT: Lazy<SyntheticDataset> = Lazy::new(|| generate(&SyntheticConfig::default()));
    &DEFAULT
}

// ---------------------------------------------------------------------------------------------
// Internals
// ---------------------------------------------------------------------------------------------

fn validate(cfg: &SyntheticConfig) {
    assert!(
        cfg.num_elements >= 1,
        "synthetic: need at least one element"
    );
    assert!(
        cfg.nx >= 2 && cfg.nz >= 2,
        "synthetic: need at least 2 pixels per axis"
    );
    assert!(
        cfg.x_range.1 > cfg.x_range.0 && cfg.z_range.1 > cfg.z_range.0,
        "synthetic: pixel ranges must be increasing"
    );
    assert!(
        cfg.z_range.0 > 0.0,
        "synthetic: the image must start below the array (z > 0)"
    );
    for (name, v) in [
        ("pitch", cfg.pitch),
        ("center_frequency", cfg.center_frequency),
        ("sound_speed", cfg.sound_speed),
        ("pulse_cycles", cfg.pulse_cycles),
        ("tx_beam_half_width", cfg.tx_beam_half_width),
    ] {
        assert!(
            v > 0.0 && v.is_finite(),
            "synthetic: {name} must be positive, got {v}"
        );
    }
    assert!(
        cfg.scatterer_density >= 0.0 && cfg.scatterer_density.is_finite(),
        "synthetic: scatterer_density must be non-negative"
    );
    assert!(
        cfg.channel_snr_db.is_finite(),
        "synthetic: channel_snr_db must be finite"
    );
    for &(x, z) in &cfg.point_targets {
        assert!(
            (cfg.x_range.0..=cfg.x_range.1).contains(&x)
                && (cfg.z_range.0..=cfg.z_range.1).contains(&z),
            "synthetic: point target ({x}, {z}) lies outside the pixel grid"
        );
    }
}

/// Spacing of a uniform axis.
fn axis_step(axis: &Array1<f64>) -> f64 {
    (axis[axis.len() - 1] - axis[0]) / (axis.len() - 1) as f64
}

/// Index of the sample of a uniform, increasing axis nearest to `v` (clamped to the axis).
fn nearest_index(axis: &Array1<f64>, v: f64) -> usize {
    let t = ((v - axis[0]) / axis_step(axis)).round();
    t.clamp(0.0, (axis.len() - 1) as f64) as usize
}

/// `sin(π t) / (π t)`.
fn sinc(t: f64) -> f64 {
    if t.abs() < 1e-9 {
        1.0
    } else {
        (PI * t).sin() / (PI * t)
    }
}

/// A point reflector.
#[derive(Debug, Clone, Copy)]
struct Scatterer {
    x: f64,
    z: f64,
    amp: Complex64,
}

/// Truncated Gaussian pulse envelope as a function of the path-length lag `d = c Δτ`,
/// tabulated in `u = d² / (2σ²)` (no square root, no `exp` in the hot loop) with linear
/// interpolation. It is cut at `±3σ` and shifted/rescaled,
/// `(exp(−u) − exp(−u_c)) / (1 − exp(−u_c))`, so that it reaches zero continuously there.
struct Envelope {
    inv_two_sigma2: f32,
    u_cut: f32,
    scale: f32,
    table: Vec<f32>,
    sigma: f64,
}

impl Envelope {
    const TRUNCATION_SIGMAS: f64 = 3.0;
    const TABLE_LEN: usize = 2048;

    fn new(sigma: f64) -> Self {
        let u_cut = Self::TRUNCATION_SIGMAS * Self::TRUNCATION_SIGMAS / 2.0;
        let floor = (-u_cut).exp();
        // Two spare zero entries: `t` may round up to TABLE_LEN, and lerp reads `i + 1`.
        let mut table = vec![0f32; Self::TABLE_LEN + 2];
        for (i, v) in table.iter_mut().take(Self::TABLE_LEN + 1).enumerate() {
            let u = u_cut * i as f64 / Self::TABLE_LEN as f64;
            *v = (((-u).exp() - floor) / (1.0 - floor)).max(0.0) as f32;
        }
        Self {
            inv_two_sigma2: (1.0 / (2.0 * sigma * sigma)) as f32,
            u_cut: u_cut as f32,
            scale: (Self::TABLE_LEN as f64 / u_cut) as f32,
            table,
            sigma,
        }
    }

    /// Half support of the envelope in path length (m).
    fn cutoff_distance(&self) -> f64 {
        Self::TRUNCATION_SIGMAS * self.sigma
    }

    /// `env(d)`. Always inlined: it is the body of the hot loop, also in debug builds.
    #[inline(always)]
    fn eval(&self, d: f32) -> f32 {
        let u = d * d * self.inv_two_sigma2;
        if u >= self.u_cut {
            return 0.0;
        }
        let t = u * self.scale;
        let i = t as usize;
        let f = t - i as f32;
        let (a, b) = (self.table[i], self.table[i + 1]);
        a + f * (b - a)
    }
}

/// The scatterers, bucketed on a grid of `W × h` cells (row-major over depth then lateral
/// cells, stored contiguously per cell), with their per-element quantities precomputed:
/// * `path[s·M + m] = z_s + r_m(s)`, the round-trip path (plane-wave transmit + receive);
/// * `weight[s·M + m] = a_s · D_m(s) · exp(−i k path)`, reflectivity × directivity × carrier.
struct ScattererField {
    x: Vec<f64>,
    z: Vec<f64>,
    path: Vec<f32>,
    weight: Vec<Complex32>,
    /// `cell_start[c]..cell_start[c + 1]` are the scatterers of cell `c`.
    cell_start: Vec<usize>,
    m_count: usize,
    origin: (f64, f64),
    cell: (f64, f64),
    n_cells: (usize, usize),
}

impl ScattererField {
    fn new(
        scatterers: &[Scatterer],
        elements: &[f64],
        (x_lo, x_hi, z_lo, z_hi): (f64, f64, f64, f64),
        (w, h_z): (f64, f64),
        k: f64,
        width_over_lambda: f64,
    ) -> Self {
        let m_count = elements.len();
        let ncx = (((x_hi - x_lo) / w).ceil() as usize).max(1);
        let ncz = (((z_hi - z_lo) / h_z).ceil() as usize).max(1);
        let cell_of = |s: &Scatterer| {
            let cx = (((s.x - x_lo) / w).floor().max(0.0) as usize).min(ncx - 1);
            let cz = (((s.z - z_lo) / h_z).floor().max(0.0) as usize).min(ncz - 1);
            cz * ncx + cx
        };
        // Counting sort by cell (stable, hence deterministic).
        let mut cell_start = vec![0usize; ncx * ncz + 1];
        for s in scatterers {
            cell_start[cell_of(s) + 1] += 1;
        }
        for c in 0..ncx * ncz {
            cell_start[c + 1] += cell_start[c];
        }
        let mut next = cell_start.clone();
        let mut order = vec![0usize; scatterers.len()];
        for (i, s) in scatterers.iter().enumerate() {
            let c = cell_of(s);
            order[next[c]] = i;
            next[c] += 1;
        }

        let n = scatterers.len();
        let (mut xs, mut zs) = (Vec::with_capacity(n), Vec::with_capacity(n));
        let mut path = Vec::with_capacity(n * m_count);
        let mut weight = Vec::with_capacity(n * m_count);
        for &i in &order {
            let s = scatterers[i];
            xs.push(s.x);
            zs.push(s.z);
            for &e in elements {
                let r = ((s.x - e) * (s.x - e) + s.z * s.z).sqrt();
                let (sin_t, cos_t) = ((s.x - e) / r, s.z / r);
                // Soft-baffle strip element: sinc(w sin θ / λ) cos θ.
                let directivity = sinc(width_over_lambda * sin_t) * cos_t;
                let p = s.z + r;
                let (sn, cs) = (-k * p).sin_cos();
                let v = s.amp * directivity * Complex64::new(cs, sn);
                path.push(p as f32);
                weight.push(Complex32::new(v.re as f32, v.im as f32));
            }
        }
        Self {
            x: xs,
            z: zs,
            path,
            weight,
            cell_start,
            m_count,
            origin: (x_lo, z_lo),
            cell: (w, h_z),
            n_cells: (ncx, ncz),
        }
    }

    /// Adds to `acc[m]` the contributions, before the pixel phasor `exp(+i k P_m)`, of every
    /// scatterer within the window of pixel `(x, z)`:
    /// `w_tx(x_s − x) · env(S_m − P_m) · a D_m exp(−i k S_m)`, with `P_m = pixel_path[m]`.
    fn accumulate(
        &self,
        x: f64,
        z: f64,
        pixel_path: &[f32],
        env: &Envelope,
        acc: &mut [Complex32],
    ) {
        let (w, h_z) = self.cell;
        let (ncx, ncz) = self.n_cells;
        let cell_range = |v: f64, half: f64, origin: f64, size: f64, n: usize| {
            let lo = ((v - half - origin) / size).floor().max(0.0) as usize;
            let hi = ((v + half - origin) / size).floor().max(0.0) as usize;
            (lo.min(n - 1), hi.min(n - 1))
        };
        let (cx_lo, cx_hi) = cell_range(x, w, self.origin.0, w, ncx);
        let (cz_lo, cz_hi) = cell_range(z, h_z, self.origin.1, h_z, ncz);
        let half_pi_over_w = std::f64::consts::FRAC_PI_2 / w;
        let n = self.m_count;
        assert!(pixel_path.len() == n && acc.len() == n);
        for cz in cz_lo..=cz_hi {
            // Cells cx_lo..=cx_hi of one row are contiguous in storage.
            let first = self.cell_start[cz * ncx + cx_lo];
            let last = self.cell_start[cz * ncx + cx_hi + 1];
            for s in first..last {
                let dx = self.x[s] - x;
                if dx.abs() >= w || (self.z[s] - z).abs() > h_z {
                    continue;
                }
                let beam = (half_pi_over_w * dx).cos();
                let w_tx = (beam * beam) as f32;
                let row = s * self.m_count..(s + 1) * self.m_count;
                let (path, weight) = (&self.path[row.clone()], &self.weight[row]);
                // The hot loop: per channel a subtraction and a compare, and a table look-up
                // where the echo falls inside the pulse envelope. (Plain indexing and the
                // always-inlined envelope keep debug builds usable.)
                #[allow(clippy::needless_range_loop)]
                for m in 0..n {
                    let e = env.eval(path[m] - pixel_path[m]);
                    if e > 0.0 {
                        acc[m] += weight[m] * (e * w_tx);
                    }
                }
            }
        }
    }
}

/// SplitMix64 (Steele, Lea & Flood, 2014): a tiny, fast generator with good statistical quality
/// for simulation, fully determined by its 64-bit state.
#[derive(Debug, Clone)]
struct SplitMix64(u64);

impl SplitMix64 {
    fn new(seed: u64) -> Self {
        Self(seed)
    }

    fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// Uniform in `[0, 1)` with 53 random bits.
    fn uniform(&mut self) -> f64 {
        (self.next_u64() >> 11) as f64 * (1.0 / (1u64 << 53) as f64)
    }

    /// Two independent standard normal deviates (Box–Muller).
    fn normal_pair(&mut self) -> (f64, f64) {
        let u1 = 1.0 - self.uniform(); // (0, 1]: ln(u1) is finite
        let u2 = self.uniform();
        let r = (-2.0 * u1.ln()).sqrt();
        let (s, c) = (2.0 * PI * u2).sin_cos();
        (r * c, r * s)
    }

    /// Circularly-symmetric complex Gaussian with `E|z|² = variance`.
    fn complex_normal(&mut self, variance: f64) -> Complex64 {
        let (a, b) = self.normal_pair();
        let sd = (variance / 2.0).sqrt();
        Complex64::new(a * sd, b * sd)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn mean_where(values: &Array2<f64>, mask: &Array2<bool>) -> f64 {
        let (mut sum, mut n) = (0.0, 0usize);
        for (&v, &k) in values.iter().zip(mask.iter()) {
            if k {
                sum += v;
                n += 1;
            }
        }
        assert!(n > 0, "empty mask");
        sum / n as f64
    }

    /// CF = |Σ_m x_m|² / (M Σ_m |x_m|²) per pixel.
    fn coherence_factor(ds: &SyntheticDataset) -> Array2<f64> {
        let m = ds.num_elements() as f64;
        let (_, nz, nx) = ds.channel_data.dim();
        Array2::from_shape_fn((nz, nx), |(iz, ix)| {
            let lane = ds.channel_data.slice(ndarray::s![.., iz, ix]);
            let coherent: Complex64 = lane
                .iter()
                .map(|v| Complex64::new(v.re.into(), v.im.into()))
                .sum();
            let incoherent: f64 = lane.iter().map(|v| v.norm_sqr() as f64).sum();
            coherent.norm_sqr() / (m * incoherent)
        })
    }

    #[test]
    fn prng_is_reproducible_and_roughly_normal() {
        let mut a = SplitMix64::new(42);
        let mut b = SplitMix64::new(42);
        let n = 20_000;
        let (mut mean, mut power) = (Complex64::new(0.0, 0.0), 0.0);
        for _ in 0..n {
            let z = a.complex_normal(2.0);
            assert_eq!(z, b.complex_normal(2.0));
            mean += z;
            power += z.norm_sqr();
        }
        assert!((mean / n as f64).norm() < 0.05);
        assert!((power / n as f64 - 2.0).abs() < 0.1);
    }

    #[test]
    fn envelope_is_gaussian_and_compact() {
        let sigma = 2e-4;
        let env = Envelope::new(sigma);
        assert!((env.eval(0.0) - 1.0).abs() < 1e-6);
        let floor = (-4.5f64).exp();
        let want = ((-0.5f64).exp() - floor) / (1.0 - floor);
        assert!((env.eval(sigma as f32) as f64 - want).abs() < 1e-4);
        assert_eq!(env.eval((3.0 * sigma) as f32 * 1.0001), 0.0);
        assert_eq!(env.eval(-1.0), 0.0);
        assert!(env.eval((2.999 * sigma) as f32) < 1e-3);
    }

    #[test]
    fn generation_is_deterministic() {
        let cfg = SyntheticConfig::small();
        assert_eq!(generate(&cfg), generate(&cfg));
        let other = generate(&SyntheticConfig {
            seed: cfg.seed ^ 1,
            ..cfg.clone()
        });
        assert_ne!(generate(&cfg).channel_data, other.channel_data);
    }

    #[test]
    fn shapes_axes_and_masks() {
        let ds = default_dataset();
        let cfg = &ds.config;
        assert_eq!(ds.channel_data.dim(), (cfg.num_elements, cfg.nz, cfg.nx));
        assert_eq!(ds.x_axis.len(), cfg.nx);
        assert_eq!(ds.z_axis.len(), cfg.nz);
        assert_eq!(ds.element_positions.len(), cfg.num_elements);
        assert_eq!(ds.beamformed().dim(), (cfg.nz, cfg.nx));
        assert_eq!(ds.cyst_mask().dim(), (cfg.nz, cfg.nx));
        assert_eq!(ds.background_mask().dim(), (cfg.nz, cfg.nx));
        assert!(ds
            .channel_data
            .iter()
            .all(|v| v.re.is_finite() && v.im.is_finite()));
        let (dz, dx) = ds.pixel_spacing();
        assert!((dx - 16e-3 / 100.0).abs() < 1e-12 && (dz - 20e-3 / 128.0).abs() < 1e-12);
        assert!((ds.element_positions.sum()).abs() < 1e-12);
        // Background: same radius, same depth, disjoint from the cyst.
        assert_eq!(ds.background.radius, ds.cyst.radius);
        assert_eq!(ds.background.center_z, ds.cyst.center_z);
        let (cyst, bg) = (ds.cyst_mask(), ds.background_mask());
        assert!(!cyst.iter().zip(bg.iter()).any(|(&a, &b)| a && b));
        // Inclusive boundary: a circle through pixel centres includes them.
        let r = ds.x_axis[52] - ds.x_axis[50];
        let mask = ds.mask_circle(ds.x_axis[50], ds.z_axis[60], r);
        assert!(mask[[60, 50]] && mask[[60, 52]] && !mask[[60, 53]] && !mask[[61, 52]]);
        assert!(ds.noise_std > 0.0);
    }

    #[test]
    fn cyst_is_more_than_10_db_darker_than_background() {
        let ds = default_dataset();
        let power = ds.beamformed().mapv(|v| v.norm_sqr() as f64);
        let contrast_db = 10.0
            * (mean_where(&power, &ds.background_mask()) / mean_where(&power, &ds.cyst_mask()))
                .log10();
        assert!(contrast_db > 10.0, "cyst contrast {contrast_db:.1} dB");
    }

    #[test]
    fn point_targets_are_more_coherent_than_the_cyst() {
        let ds = default_dataset();
        let cf = coherence_factor(ds);
        let cf_cyst = mean_where(&cf, &ds.cyst_mask());
        let cf_bg = mean_where(&cf, &ds.background_mask());
        assert!(
            cf_cyst > 0.0,
            "noise keeps CF defined and non-zero in the cyst"
        );
        assert!(
            cf_cyst < cf_bg,
            "cyst CF {cf_cyst} vs background CF {cf_bg}"
        );
        let (nz, nx) = cf.dim();
        for (iz, ix) in ds.point_target_indices() {
            let mut neighbourhood = Vec::new();
            for jz in iz.saturating_sub(1)..=(iz + 1).min(nz - 1) {
                for jx in ix.saturating_sub(1)..=(ix + 1).min(nx - 1) {
                    neighbourhood.push(cf[[jz, jx]]);
                }
            }
            let cf_point = neighbourhood.iter().sum::<f64>() / neighbourhood.len() as f64;
            assert!(
                cf_point > cf_cyst && cf_point > cf_bg,
                "point ({iz}, {ix}): CF {cf_point} vs cyst {cf_cyst}, background {cf_bg}"
            );
            assert!(
                cf[[iz, ix]] > 0.5,
                "CF at the point itself {}",
                cf[[iz, ix]]
            );
        }
    }

    #[test]
    fn point_targets_are_local_maxima() {
        let ds = default_dataset();
        let amplitude = ds.beamformed().mapv(|v| v.norm());
        let (dz, dx) = ds.pixel_spacing();
        let reach = 1e-3; // compare with every pixel within 1 mm
        let (rz, rx) = ((reach / dz).round() as usize, (reach / dx).round() as usize);
        let (nz, nx) = amplitude.dim();
        for (iz, ix) in ds.point_target_indices() {
            let peak = amplitude[[iz, ix]];
            for jz in iz.saturating_sub(rz)..=(iz + rz).min(nz - 1) {
                for jx in ix.saturating_sub(rx)..=(ix + rx).min(nx - 1) {
                    assert!(
                        amplitude[[jz, jx]] <= peak,
                        "point ({iz}, {ix}) = {peak} < ({jz}, {jx}) = {}",
                        amplitude[[jz, jx]]
                    );
                }
            }
        }
    }

    #[test]
    fn point_targets_are_snapped_to_pixels_and_stay_put() {
        let ds = default_dataset();
        assert_eq!(ds.point_targets.len(), ds.config.point_targets.len());
        let (dz, dx) = ds.pixel_spacing();
        for (&(x, z), &(x0, z0)) in ds.point_targets.iter().zip(&ds.config.point_targets) {
            assert!((x - x0).abs() <= dx / 2.0 + 1e-12 && (z - z0).abs() <= dz / 2.0 + 1e-12);
        }
    }
}
