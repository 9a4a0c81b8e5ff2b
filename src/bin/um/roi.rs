//! Regions of interest: `circle:X,Z,R` and `rect:X0,Z0,X1,Z1`, in pixels or physical units.

use clap::ValueEnum;
use ndarray::{Array1, Array2};
use ultrasound_metrics as um;

/// Units of ROI coordinates.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, ValueEnum)]
pub enum Units {
    /// Pixel indices: X is the column, Z the row (fractions allowed).
    #[default]
    Px,
    /// Metres.
    M,
    /// Millimetres.
    Mm,
}

/// A region of interest, in the units it was given in.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Roi {
    /// Centre `(x, z)` and radius; the boundary is inside.
    Circle { x: f64, z: f64, r: f64 },
    /// Corners; inclusive.
    Rect { x0: f64, z0: f64, x1: f64, z1: f64 },
}

fn numbers(s: &str, n: usize, what: &str) -> Result<Vec<f64>, String> {
    let v: Vec<f64> = s
        .split(',')
        .map(|t| t.trim().parse::<f64>())
        .collect::<Result<_, _>>()
        .map_err(|_| format!("{what}: expected {n} comma-separated numbers, got `{s}`"))?;
    if v.len() != n {
        return Err(format!(
            "{what}: expected {n} comma-separated numbers, got `{s}`"
        ));
    }
    if v.iter().any(|x| !x.is_finite()) {
        return Err(format!("{what}: numbers must be finite, got `{s}`"));
    }
    Ok(v)
}

/// Parses `X,Y` pairs (`--pixel-size`, `--origin`).
pub fn pair(s: &str, what: &str) -> Result<(f64, f64), String> {
    let v = numbers(s, 2, what)?;
    Ok((v[0], v[1]))
}

impl Roi {
    /// Parses `circle:X,Z,R` or `rect:X0,Z0,X1,Z1`.
    pub fn parse(s: &str, flag: &str) -> Result<Roi, String> {
        let (kind, rest) = s.split_once(':').ok_or_else(|| {
            format!("{flag}: expected circle:X,Z,R or rect:X0,Z0,X1,Z1, got `{s}`")
        })?;
        match kind {
            "circle" => {
                let v = numbers(rest, 3, flag)?;
                if v[2] <= 0.0 {
                    return Err(format!("{flag}: the radius must be positive, got {}", v[2]));
                }
                Ok(Roi::Circle {
                    x: v[0],
                    z: v[1],
                    r: v[2],
                })
            }
            "rect" => {
                let v = numbers(rest, 4, flag)?;
                Ok(Roi::Rect {
                    x0: v[0].min(v[2]),
                    z0: v[1].min(v[3]),
                    x1: v[0].max(v[2]),
                    z1: v[1].max(v[3]),
                })
            }
            other => Err(format!(
                "{flag}: unknown shape `{other}` (use circle:X,Z,R or rect:X0,Z0,X1,Z1)"
            )),
        }
    }
}

/// The coordinates of an image's columns (`x`) and rows (`z`) in the ROI units.
#[derive(Clone, Debug)]
pub struct Grid {
    /// One per column.
    pub x: Vec<f64>,
    /// One per row.
    pub z: Vec<f64>,
}

/// Physical axes of an image, when known (metres).
#[derive(Clone, Debug, Default)]
pub struct Axes {
    /// Lateral positions of the columns.
    pub x: Option<Vec<f64>>,
    /// Depths of the rows.
    pub z: Option<Vec<f64>>,
}

impl Grid {
    /// The grid of an `nz × nx` image in `units`. Physical units use `axes`, else
    /// `pixel_size` (and `origin`); without either they are an error.
    pub fn new(
        nz: usize,
        nx: usize,
        units: Units,
        axes: &Axes,
        pixel_size: Option<(f64, f64)>,
        origin: Option<(f64, f64)>,
    ) -> Result<Grid, String> {
        let scale = match units {
            Units::Px => {
                return Ok(Grid {
                    x: (0..nx).map(|i| i as f64).collect(),
                    z: (0..nz).map(|i| i as f64).collect(),
                })
            }
            Units::M => 1.0,
            Units::Mm => 1e3,
        };
        let (x, z) = match (pixel_size, &axes.x, &axes.z) {
            (Some((dx, dz)), _, _) => {
                if dx <= 0.0 || dz <= 0.0 {
                    return Err(format!("--pixel-size must be positive, got {dx},{dz}"));
                }
                let (x0, z0) = origin.unwrap_or((0.0, 0.0));
                (
                    (0..nx).map(|i| x0 + i as f64 * dx).collect::<Vec<_>>(),
                    (0..nz).map(|i| z0 + i as f64 * dz).collect::<Vec<_>>(),
                )
            }
            (None, Some(x), Some(z)) => {
                if x.len() != nx || z.len() != nz {
                    return Err(format!(
                        "the scan grid ({} x {}) does not match the image ({nz} x {nx})",
                        z.len(),
                        x.len()
                    ));
                }
                (x.clone(), z.clone())
            }
            _ => {
                return Err(
                    "ROIs in physical units need a scan grid: the file has none, so give \
                     --pixel-size DX,DZ (and --origin X0,Z0) or use --units px"
                        .into(),
                )
            }
        };
        Ok(Grid {
            x: x.into_iter().map(|v| v * scale).collect(),
            z: z.into_iter().map(|v| v * scale).collect(),
        })
    }

    /// The mask of `roi` on this grid, shape `(nz, nx)`: the library's
    /// `create_circular_mask` / `create_rectangular_mask` (the reference's semantics: boundaries
    /// included).
    pub fn mask(&self, roi: &Roi) -> Result<Array2<bool>, String> {
        let x = Array1::from(self.x.clone());
        let z = Array1::from(self.z.clone());
        match *roi {
            Roi::Circle { x: cx, z: cz, r } => um::create_circular_mask((cx, cz), r, &x, &z),
            Roi::Rect { x0, z0, x1, z1 } => {
                um::create_rectangular_mask((x0, z0), (x1 - x0, z1 - z0), &x, &z)
            }
        }
        .map_err(|e| crate::one_line(&e.to_string()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_and_masks() {
        let c = Roi::parse("circle:2,1,1", "--roi-in").unwrap();
        let g = Grid::new(3, 5, Units::Px, &Axes::default(), None, None).unwrap();
        let m = g.mask(&c).unwrap();
        assert_eq!(m.iter().filter(|&&b| b).count(), 5); // centre + its 4 neighbours
        assert!(m[[1, 2]] && m[[0, 2]] && m[[2, 2]] && m[[1, 1]] && m[[1, 3]] && !m[[0, 0]]);
        let r = Roi::parse("rect:3,2,1,0", "--roi-out").unwrap();
        assert_eq!(g.mask(&r).unwrap().iter().filter(|&&b| b).count(), 9);
        assert!(Roi::parse("circle:1,2", "--roi-in").is_err());
        assert!(Roi::parse("square:1,2,3", "--roi-in").is_err());
        assert!(Roi::parse("circle:1,2,-3", "--roi-in").is_err());
        assert!(Roi::parse("circle:1,nan,3", "--roi-in").is_err());
        assert!(Grid::new(3, 5, Units::Mm, &Axes::default(), None, None).is_err());
        let g = Grid::new(
            2,
            2,
            Units::Mm,
            &Axes::default(),
            Some((1e-3, 2e-3)),
            Some((0.0, 0.01)),
        )
        .unwrap();
        assert_eq!(g.z, vec![10.0, 12.0]);
    }
}
