//! How the link writes what has no short name: the weights (exact `f64` bytes), the hidden
//! layers (`4-tanh.2-relu`) and painted points (two bytes per point on a 256-step lattice
//! over the plane, plus label and train/test bits), and how it reads them back.

use nnp_core::activation::Activation;
use nnp_core::dataset::{Point, RANGE};
use nnp_core::mlp::LayerConfig;

use super::model::{MAX_LAYERS, MAX_POINTS, MAX_UNITS};
use crate::share::{from_base64url, to_base64url, whole};

/// The most weights a link may carry.
pub const MAX_WEIGHTS: usize = 2000;

/// Weights as little-endian `f64` bytes (exact), base64url.
pub fn pack_weights(weights: &[f64]) -> String {
    let bytes: Vec<u8> = weights.iter().flat_map(|w| w.to_le_bytes()).collect();
    to_base64url(&bytes)
}

/// Undoes [`pack_weights`]; refuses non-finite values.
pub fn unpack_weights(text: &str) -> Result<Vec<f64>, String> {
    let bytes = from_base64url(text)?;
    let (chunks, rest) = bytes.as_chunks::<8>();
    if !rest.is_empty() || chunks.len() > MAX_WEIGHTS {
        return Err("the weights have the wrong length".into());
    }
    let weights: Vec<f64> = chunks.iter().map(|c| f64::from_le_bytes(*c)).collect();
    if weights.iter().any(|w| !w.is_finite()) {
        return Err("a weight is not a finite number".into());
    }
    Ok(weights)
}

pub(super) fn write_layers(hidden: &[LayerConfig]) -> String {
    if hidden.is_empty() {
        return "0".into();
    }
    let layers: Vec<String> = hidden
        .iter()
        .map(|l| format!("{}-{}", l.units, l.activation.id()))
        .collect();
    layers.join(".")
}

pub(super) fn read_layers(text: &str) -> Result<Vec<LayerConfig>, String> {
    if text == "0" {
        return Ok(Vec::new());
    }
    let layers: Vec<&str> = text.split('.').collect();
    if layers.len() > MAX_LAYERS {
        return Err(format!("more than {MAX_LAYERS} hidden layers"));
    }
    layers
        .into_iter()
        .map(|layer| {
            let (units, activation) = layer
                .split_once('-')
                .ok_or_else(|| format!("'{layer}' is not units-activation"))?;
            let units = whole(units, MAX_UNITS as u64)? as usize;
            if units == 0 {
                return Err(format!("a hidden layer has 1 to {MAX_UNITS} units, not 0"));
            }
            Ok(LayerConfig {
                units,
                activation: Activation::from_id(activation)
                    .ok_or_else(|| format!("unknown activation '{activation}'"))?,
            })
        })
        .collect()
}

/// A coordinate's step on the 256-step lattice over the plane.
fn lattice_step(x: f64) -> u8 {
    let (lo, hi) = RANGE;
    ((x.clamp(lo, hi) - lo) / (hi - lo) * 255.0).round() as u8
}

fn lattice_value(step: u8) -> f64 {
    let (lo, hi) = RANGE;
    lo + f64::from(step) / 255.0 * (hi - lo)
}

/// `x` moved to the nearest lattice point (what a link can hold exactly).
pub fn snap(x: f64) -> f64 {
    lattice_value(lattice_step(x))
}

/// Packs points: a count (2 bytes), two lattice bytes per point, then two bits per point
/// (positive label, training point).
pub fn pack_points(points: &[(Point, bool)]) -> String {
    let n = points.len().min(usize::from(u16::MAX));
    let mut bytes = Vec::with_capacity(2 + 2 * n + n.div_ceil(4));
    bytes.extend_from_slice(&(n as u16).to_le_bytes());
    for (p, _) in &points[..n] {
        bytes.push(lattice_step(p.x1));
        bytes.push(lattice_step(p.x2));
    }
    let mut bits = vec![0u8; n.div_ceil(4)];
    for (k, (p, train)) in points[..n].iter().enumerate() {
        let two = u8::from(p.label > 0.0) | (u8::from(*train) << 1);
        bits[k / 4] |= two << (2 * (k % 4));
    }
    bytes.extend(bits);
    to_base64url(&bytes)
}

/// Undoes [`pack_points`]; an error says what is wrong with the text.
pub fn unpack_points(text: &str) -> Result<Vec<(Point, bool)>, String> {
    let bytes = from_base64url(text)?;
    let (count, rest) = bytes
        .split_first_chunk::<2>()
        .ok_or("the point list is cut short")?;
    let n = usize::from(u16::from_le_bytes(*count));
    if n > MAX_POINTS {
        return Err(format!("more than {MAX_POINTS} points"));
    }
    if rest.len() != 2 * n + n.div_ceil(4) {
        return Err("the point list has the wrong length".into());
    }
    let (coordinates, bits) = rest.split_at(2 * n);
    Ok((0..n)
        .map(|k| {
            let two = bits[k / 4] >> (2 * (k % 4));
            let label = if two & 1 == 1 { 1.0 } else { -1.0 };
            let point = Point::new(
                lattice_value(coordinates[2 * k]),
                lattice_value(coordinates[2 * k + 1]),
                label,
            );
            (point, two & 2 == 2)
        })
        .collect())
}

#[cfg(test)]
mod tests {
    use super::*;
    #[cfg(target_family = "wasm")]
    use wasm_bindgen_test::wasm_bindgen_test as test;

    #[test]
    fn points_on_the_lattice_pack_exactly() {
        let points: Vec<(Point, bool)> = (0..37)
            .map(|k| {
                let x = snap(-6.0 + 0.33 * f64::from(k));
                let label = if k % 3 == 0 { 1.0 } else { -1.0 };
                (Point::new(x, snap(-x / 2.0), label), k % 2 == 0)
            })
            .collect();
        let packed = pack_points(&points);
        assert_eq!(packed.len(), (2 + 2 * 37 + 10_usize).div_ceil(3) * 4 - 1);
        assert_eq!(unpack_points(&packed).unwrap(), points);
        assert!(unpack_points(&packed[..packed.len() - 4]).is_err());
        assert!(unpack_points("").is_err());
    }

    #[test]
    fn weights_pack_exactly() {
        let weights = [0.1, -2.5e-7, 1e300, -0.0, 3.0];
        assert_eq!(unpack_weights(&pack_weights(&weights)).unwrap(), weights);
        assert!(unpack_weights(&pack_weights(&[f64::NAN])).is_err());
        assert!(unpack_weights("AAAA").is_err());
    }

    #[test]
    fn layers_read_back_and_limits_hold() {
        let hidden = read_layers("4-tanh.2-relu").unwrap();
        assert_eq!(write_layers(&hidden), "4-tanh.2-relu");
        assert_eq!(read_layers("0").unwrap(), []);
        assert!(read_layers("33-tanh").is_err());
        assert!(read_layers("4-cosine").is_err());
        assert!(read_layers(&["1-tanh"; 9].join(".")).is_err());
    }
}
