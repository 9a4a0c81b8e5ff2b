//! Pictures for `um demo`: an RGB canvas, a tiny bitmap font, colormaps, image panels with
//! colour bars, a histogram chart, and PNG encoding (the `png` crate).

use std::path::Path;

use ndarray::Array2;
use ultrasound_metrics as um;

/// An RGB colour.
pub type Rgb = [u8; 3];

pub const WHITE: Rgb = [255, 255, 255];
pub const BLACK: Rgb = [0, 0, 0];
pub const GREY: Rgb = [150, 150, 150];
/// The inside ROI (cyst / signal).
pub const RED: Rgb = [230, 40, 40];
/// The outside ROI (background / noise).
pub const CYAN: Rgb = [0, 200, 230];
/// Point targets.
pub const YELLOW: Rgb = [255, 220, 0];
/// Histogram: outside.
pub const BLUE: Rgb = [40, 110, 230];

/// An RGB picture.
pub struct Canvas {
    pub width: usize,
    pub height: usize,
    pixels: Vec<Rgb>,
}

impl Canvas {
    /// A canvas filled with `bg`.
    pub fn new(width: usize, height: usize, bg: Rgb) -> Canvas {
        Canvas {
            width,
            height,
            pixels: vec![bg; width * height],
        }
    }

    /// Sets a pixel (ignored outside the canvas).
    pub fn set(&mut self, x: i64, y: i64, c: Rgb) {
        if x >= 0 && y >= 0 && (x as usize) < self.width && (y as usize) < self.height {
            self.pixels[y as usize * self.width + x as usize] = c;
        }
    }

    /// Blends `c` over a pixel with opacity `alpha`.
    pub fn blend(&mut self, x: i64, y: i64, c: Rgb, alpha: f64) {
        if x >= 0 && y >= 0 && (x as usize) < self.width && (y as usize) < self.height {
            let p = &mut self.pixels[y as usize * self.width + x as usize];
            for k in 0..3 {
                p[k] = (f64::from(p[k]) * (1.0 - alpha) + f64::from(c[k]) * alpha).round() as u8;
            }
        }
    }

    /// A pixel's colour.
    #[allow(dead_code)]
    pub fn get(&self, x: usize, y: usize) -> Rgb {
        self.pixels[y * self.width + x]
    }

    /// Fills a rectangle.
    pub fn fill(&mut self, x: i64, y: i64, w: i64, h: i64, c: Rgb) {
        for yy in y..y + h {
            for xx in x..x + w {
                self.set(xx, yy, c);
            }
        }
    }

    /// A rectangle outline.
    pub fn frame(&mut self, x: i64, y: i64, w: i64, h: i64, c: Rgb) {
        self.line(x, y, x + w - 1, y, c);
        self.line(x, y + h - 1, x + w - 1, y + h - 1, c);
        self.line(x, y, x, y + h - 1, c);
        self.line(x + w - 1, y, x + w - 1, y + h - 1, c);
    }

    /// A straight line (Bresenham).
    pub fn line(&mut self, x0: i64, y0: i64, x1: i64, y1: i64, c: Rgb) {
        let (dx, dy) = ((x1 - x0).abs(), -(y1 - y0).abs());
        let (sx, sy) = (if x0 < x1 { 1 } else { -1 }, if y0 < y1 { 1 } else { -1 });
        let (mut x, mut y, mut err) = (x0, y0, dx + dy);
        loop {
            self.set(x, y, c);
            if x == x1 && y == y1 {
                break;
            }
            let e2 = 2 * err;
            if e2 >= dy {
                err += dy;
                x += sx;
            }
            if e2 <= dx {
                err += dx;
                y += sy;
            }
        }
    }

    /// Text in the built-in 3×5 font, scaled by `scale`, top-left at `(x, y)`.
    pub fn text(&mut self, x: i64, y: i64, s: &str, scale: i64, c: Rgb) {
        let mut cx = x;
        for ch in s.chars() {
            let g = glyph(ch);
            for (row, bits) in g.iter().enumerate() {
                for col in 0..3 {
                    if bits & (0b100 >> col) != 0 {
                        self.fill(cx + col * scale, y + row as i64 * scale, scale, scale, c);
                    }
                }
            }
            cx += 4 * scale;
        }
    }

    /// Width in pixels of `s` in [`Canvas::text`].
    pub fn text_width(s: &str, scale: i64) -> i64 {
        (s.chars().count() as i64 * 4 - 1).max(0) * scale
    }

    /// Encodes as an 8-bit RGB PNG.
    pub fn png_bytes(&self) -> Result<Vec<u8>, String> {
        let mut out = Vec::new();
        {
            let mut enc = png::Encoder::new(&mut out, self.width as u32, self.height as u32);
            enc.set_color(png::ColorType::Rgb);
            enc.set_depth(png::BitDepth::Eight);
            let mut w = enc.write_header().map_err(|e| e.to_string())?;
            let data: Vec<u8> = self.pixels.iter().flatten().copied().collect();
            w.write_image_data(&data).map_err(|e| e.to_string())?;
            w.finish().map_err(|e| e.to_string())?;
        }
        Ok(out)
    }

    /// Writes the PNG atomically.
    pub fn save(&self, path: &Path) -> um::Result<()> {
        let bytes = self.png_bytes().map_err(|e| um::Error::Io {
            path: path.to_path_buf(),
            problem: format!("PNG encoding failed: {e}"),
        })?;
        crate::output::write_atomic(path, &bytes)
    }
}

/// The 3×5 glyph of `c` (rows top to bottom, 3 bits each); unknown characters are a box.
fn glyph(c: char) -> [u8; 5] {
    match c {
        '0' => [7, 5, 5, 5, 7],
        '1' => [2, 6, 2, 2, 7],
        '2' => [7, 1, 7, 4, 7],
        '3' => [7, 1, 7, 1, 7],
        '4' => [5, 5, 7, 1, 1],
        '5' | 'S' | 's' => [7, 4, 7, 1, 7],
        '6' => [7, 4, 7, 5, 7],
        '7' => [7, 1, 1, 1, 1],
        '8' => [7, 5, 7, 5, 7],
        '9' => [7, 5, 7, 1, 7],
        '-' => [0, 0, 7, 0, 0],
        '.' => [0, 0, 0, 0, 2],
        ',' => [0, 0, 0, 2, 4],
        '+' => [0, 2, 7, 2, 0],
        '=' => [0, 7, 0, 7, 0],
        ':' => [0, 2, 0, 2, 0],
        '(' => [1, 2, 2, 2, 1],
        ')' => [4, 2, 2, 2, 4],
        '/' => [1, 1, 2, 4, 4],
        ' ' => [0, 0, 0, 0, 0],
        'A' | 'a' => [2, 5, 7, 5, 5],
        'B' | 'b' => [6, 5, 6, 5, 6],
        'C' | 'c' => [7, 4, 4, 4, 7],
        'D' | 'd' => [6, 5, 5, 5, 6],
        'E' | 'e' => [7, 4, 6, 4, 7],
        'F' | 'f' => [7, 4, 6, 4, 4],
        'G' | 'g' => [7, 4, 5, 5, 7],
        'H' | 'h' => [5, 5, 7, 5, 5],
        'I' | 'i' => [7, 2, 2, 2, 7],
        'K' | 'k' => [5, 5, 6, 5, 5],
        'L' | 'l' => [4, 4, 4, 4, 7],
        'M' | 'm' => [5, 7, 7, 5, 5],
        'N' | 'n' => [6, 5, 5, 5, 5],
        'O' | 'o' => [7, 5, 5, 5, 7],
        'P' | 'p' => [7, 5, 7, 4, 4],
        'R' | 'r' => [6, 5, 6, 5, 5],
        'T' | 't' => [7, 2, 2, 2, 2],
        'U' | 'u' => [5, 5, 5, 5, 7],
        'V' | 'v' => [5, 5, 5, 5, 2],
        'W' | 'w' => [5, 5, 7, 7, 5],
        'X' | 'x' => [5, 5, 2, 5, 5],
        'Y' | 'y' => [5, 5, 2, 2, 2],
        'Z' | 'z' => [7, 1, 2, 4, 7],
        _ => [7, 5, 5, 5, 7],
    }
}

/// The viridis colormap at `t` in [0, 1] (piecewise-linear through 9 samples of matplotlib's).
pub fn viridis(t: f64) -> Rgb {
    const STOPS: [Rgb; 9] = [
        [68, 1, 84],
        [71, 44, 122],
        [59, 81, 139],
        [44, 113, 142],
        [33, 144, 141],
        [39, 173, 129],
        [92, 200, 99],
        [170, 220, 50],
        [253, 231, 37],
    ];
    let t = if t.is_nan() { 0.0 } else { t.clamp(0.0, 1.0) };
    let f = t * (STOPS.len() - 1) as f64;
    let i = (f.floor() as usize).min(STOPS.len() - 2);
    let w = f - i as f64;
    let (a, b) = (STOPS[i], STOPS[i + 1]);
    [0, 1, 2].map(|k| (f64::from(a[k]) * (1.0 - w) + f64::from(b[k]) * w).round() as u8)
}

/// Grey levels.
pub fn gray(t: f64) -> Rgb {
    let t = if t.is_nan() { 0.0 } else { t.clamp(0.0, 1.0) };
    let v = (t * 255.0).round() as u8;
    [v, v, v]
}

/// An outline to draw on an image panel: the boundary pixels of a mask.
pub struct Outline<'a> {
    pub mask: &'a Array2<bool>,
    pub color: Rgb,
}

/// A marker (cross) at pixel `(iz, ix)`.
pub struct Marker {
    pub iz: usize,
    pub ix: usize,
    pub color: Rgb,
}

/// Layout constants of image panels.
const MARGIN: i64 = 12;
const TITLE_SCALE: i64 = 3;
const LABEL_SCALE: i64 = 2;
const BAR_W: i64 = 18;

/// An image panel: `values` (rows = depth) mapped from `[lo, hi]` through `cmap`, upscaled by
/// `zoom`, with mask outlines, markers, a title and a colour bar labelled `lo_label` /
/// `hi_label`.
#[allow(clippy::too_many_arguments)]
pub fn image_panel(
    values: &Array2<f64>,
    lo: f64,
    hi: f64,
    cmap: fn(f64) -> Rgb,
    zoom: usize,
    title: &str,
    lo_label: &str,
    hi_label: &str,
    outlines: &[Outline],
    markers: &[Marker],
) -> Canvas {
    let (nz, nx) = values.dim();
    let (iw, ih) = ((nx * zoom) as i64, (nz * zoom) as i64);
    let title_h = 5 * TITLE_SCALE + 2 * MARGIN;
    let label_w =
        Canvas::text_width(lo_label, LABEL_SCALE).max(Canvas::text_width(hi_label, LABEL_SCALE));
    let width = MARGIN + iw + MARGIN + BAR_W + 6 + label_w + MARGIN;
    let height = title_h + ih + MARGIN;
    let mut c = Canvas::new(width as usize, height as usize, WHITE);
    c.text(MARGIN, MARGIN, title, TITLE_SCALE, BLACK);
    let (x0, y0) = (MARGIN, title_h);
    let span = if hi > lo { hi - lo } else { 1.0 };
    for iz in 0..nz {
        for ix in 0..nx {
            let col = cmap((values[[iz, ix]] - lo) / span);
            c.fill(
                x0 + (ix * zoom) as i64,
                y0 + (iz * zoom) as i64,
                zoom as i64,
                zoom as i64,
                col,
            );
        }
    }
    // outlines: mask pixels with a 4-neighbour outside the mask, drawn on the pixel's edge
    let z = zoom as i64;
    for o in outlines {
        if o.mask.dim() != (nz, nx) {
            continue;
        }
        let inside = |iz: i64, ix: i64| {
            iz >= 0
                && ix >= 0
                && (iz as usize) < nz
                && (ix as usize) < nx
                && o.mask[[iz as usize, ix as usize]]
        };
        for iz in 0..nz as i64 {
            for ix in 0..nx as i64 {
                if !inside(iz, ix) {
                    continue;
                }
                let (px, py) = (x0 + ix * z, y0 + iz * z);
                let t = (z / 4).max(1);
                if !inside(iz - 1, ix) {
                    c.fill(px, py, z, t, o.color);
                }
                if !inside(iz + 1, ix) {
                    c.fill(px, py + z - t, z, t, o.color);
                }
                if !inside(iz, ix - 1) {
                    c.fill(px, py, t, z, o.color);
                }
                if !inside(iz, ix + 1) {
                    c.fill(px + z - t, py, t, z, o.color);
                }
            }
        }
    }
    for m in markers {
        let (cx, cy) = (
            x0 + (m.ix as i64) * z + z / 2,
            y0 + (m.iz as i64) * z + z / 2,
        );
        let r = 3 * z;
        for d in [-1, 0, 1] {
            c.line(cx - r, cy + d, cx - z, cy + d, m.color);
            c.line(cx + z, cy + d, cx + r, cy + d, m.color);
            c.line(cx + d, cy - r, cx + d, cy - z, m.color);
            c.line(cx + d, cy + z, cx + d, cy + r, m.color);
        }
    }
    // colour bar
    let bx = x0 + iw + MARGIN;
    for y in 0..ih {
        let t = 1.0 - y as f64 / (ih - 1).max(1) as f64;
        c.fill(bx, y0 + y, BAR_W, 1, cmap(t));
    }
    c.frame(bx, y0, BAR_W, ih, BLACK);
    c.text(bx + BAR_W + 6, y0, hi_label, LABEL_SCALE, BLACK);
    c.text(
        bx + BAR_W + 6,
        y0 + ih - 5 * LABEL_SCALE,
        lo_label,
        LABEL_SCALE,
        BLACK,
    );
    c
}

/// Histogram densities of `inside` and `outside` over `bins` equal bins spanning both, as
/// numpy's `histogram(..., density=True)` on the common range. Returns `(edges, p_in, p_out)`
/// with `p` summing to 1 (probability per bin).
pub fn histograms(inside: &[f64], outside: &[f64], bins: usize) -> (Vec<f64>, Vec<f64>, Vec<f64>) {
    let all = inside
        .iter()
        .chain(outside)
        .copied()
        .filter(|v| v.is_finite());
    let (lo, hi) = all.fold((f64::INFINITY, f64::NEG_INFINITY), |(a, b), v| {
        (a.min(v), b.max(v))
    });
    let bins = bins.max(1);
    let (lo, hi) = if lo.is_finite() && hi > lo {
        (lo, hi)
    } else {
        (lo.min(0.0), lo.max(0.0) + 1.0)
    };
    let edges: Vec<f64> = (0..=bins)
        .map(|i| lo + (hi - lo) * i as f64 / bins as f64)
        .collect();
    let count = |vals: &[f64]| {
        let mut h = vec![0.0; bins];
        let mut n = 0.0;
        for &v in vals.iter().filter(|v| v.is_finite()) {
            let k = (((v - lo) / (hi - lo)) * bins as f64).floor() as i64;
            let k = k.clamp(0, bins as i64 - 1) as usize;
            h[k] += 1.0;
            n += 1.0;
        }
        if n > 0.0 {
            h.iter_mut().for_each(|x| *x /= n);
        }
        h
    };
    (edges, count(inside), count(outside))
}

/// A histogram chart of two distributions (inside red, outside blue, overlap purple), with
/// axes, tick labels and a title.
pub fn histogram_chart(
    edges: &[f64],
    p_in: &[f64],
    p_out: &[f64],
    title: &str,
    x_label: &str,
    legend: (&str, &str),
) -> Canvas {
    let (w, h) = (720i64, 440i64);
    let (left, right, top, bottom) = (70i64, 20i64, 60i64, 60i64);
    let (pw, ph) = (w - left - right, h - top - bottom);
    let mut c = Canvas::new(w as usize, h as usize, WHITE);
    c.text(left, 14, title, TITLE_SCALE, BLACK);
    let bins = p_in.len().max(1);
    let pmax = p_in
        .iter()
        .chain(p_out)
        .copied()
        .fold(0.0f64, f64::max)
        .max(1e-12);
    for k in 0..bins {
        let xa = left + (k as i64 * pw) / bins as i64;
        let xb = left + ((k as i64 + 1) * pw) / bins as i64;
        for (p, col) in [(p_out.get(k), BLUE), (p_in.get(k), RED)] {
            let Some(&p) = p else { continue };
            let bh = ((p / pmax) * ph as f64).round() as i64;
            for y in (top + ph - bh)..(top + ph) {
                for x in xa..xb.max(xa + 1) {
                    c.blend(x, y, col, 0.55);
                }
            }
        }
    }
    // axes and ticks
    c.line(left, top + ph, left + pw, top + ph, BLACK);
    c.line(left, top, left, top + ph, BLACK);
    let (lo, hi) = (
        edges.first().copied().unwrap_or(0.0),
        edges.last().copied().unwrap_or(1.0),
    );
    for i in 0..=4 {
        let x = left + i * pw / 4;
        c.line(x, top + ph, x, top + ph + 5, BLACK);
        let v = lo + (hi - lo) * i as f64 / 4.0;
        let s = if (hi - lo).abs() < 10.0 {
            format!("{v:.2}")
        } else {
            format!("{v:.1}")
        };
        c.text(
            x - Canvas::text_width(&s, LABEL_SCALE) / 2,
            top + ph + 10,
            &s,
            LABEL_SCALE,
            BLACK,
        );
    }
    c.text(
        left + pw / 2 - Canvas::text_width(x_label, LABEL_SCALE) / 2,
        h - 22,
        x_label,
        LABEL_SCALE,
        BLACK,
    );
    let s = format!("{:.3}", pmax);
    c.text(4, top, &s, LABEL_SCALE, BLACK);
    c.text(4, top + ph - 10, "0", LABEL_SCALE, BLACK);
    // legend
    let lx = left + pw - 200;
    c.fill(lx, top + 4, 14, 14, RED);
    c.text(lx + 20, top + 6, legend.0, LABEL_SCALE, BLACK);
    c.fill(lx, top + 24, 14, 14, BLUE);
    c.text(lx + 20, top + 26, legend.1, LABEL_SCALE, BLACK);
    c.frame(0, 0, w, h, GREY);
    c
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn histograms_are_probabilities() {
        let (e, a, b) = histograms(&[0.0, 1.0, 1.0], &[2.0, 3.0], 3);
        assert_eq!(e.len(), 4);
        assert!((a.iter().sum::<f64>() - 1.0).abs() < 1e-12);
        assert!((b.iter().sum::<f64>() - 1.0).abs() < 1e-12);
        assert_eq!(b[2], 1.0); // 2.0 and 3.0 fall in the last bin (3.0 is the closed right edge)
    }

    #[test]
    fn colormaps_span_their_ends() {
        assert_eq!(viridis(0.0), [68, 1, 84]);
        assert_eq!(viridis(1.0), [253, 231, 37]);
        assert_eq!(gray(f64::NAN), [0, 0, 0]);
    }
}
