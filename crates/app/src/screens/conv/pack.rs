//! A painted image packed for a link or a file: run-length encoded (strokes on black
//! compress very well), then base64url.
//!
//! Bytes: a mode (0: 16 grey levels, 1: exact `f32`), the side as `u16`, then runs until
//! every pixel is covered. In 16 levels a run is one byte, the level in the high nibble and
//! the length − 1 in the low one; 15 there means "16 + a varint that follows". The levels
//! span 0 to the image's largest value, written first as an exact `f32`, so the lecture's
//! values up to 50 survive as well as the brush's 0 to 1. Exactly, a run is the value's
//! `f32` bits and the length − 1 as a varint.

use crate::share::{from_base64url, to_base64url};

/// Grey levels a link keeps.
pub const LINK_LEVELS: u8 = 16;
/// Sides an image may have (the lecture's 7 and the painting resolutions).
const SIDES: [usize; 5] = [7, 64, 128, 256, 512];

/// A square one-channel image as it travels.
#[derive(Debug, Clone, PartialEq)]
pub struct Pixels {
    /// Width and height.
    pub side: usize,
    /// Row-major values.
    pub values: Vec<f32>,
}

fn push_varint(out: &mut Vec<u8>, mut n: usize) {
    while n >= 0x80 {
        out.push((n as u8 & 0x7f) | 0x80);
        n >>= 7;
    }
    out.push(n as u8);
}

fn read_varint(bytes: &mut std::slice::Iter<'_, u8>) -> Result<usize, String> {
    let mut n = 0usize;
    for shift in [0, 7, 14, 21] {
        let b = *bytes.next().ok_or("the image is cut short")?;
        n |= usize::from(b & 0x7f) << shift;
        if b & 0x80 == 0 {
            return Ok(n);
        }
    }
    Err("a run of the image is too long".into())
}

/// Consecutive equal items of `items` as `(item, count)`.
fn runs<T: PartialEq + Copy>(items: impl Iterator<Item = T>) -> Vec<(T, usize)> {
    let mut out: Vec<(T, usize)> = Vec::new();
    for item in items {
        match out.last_mut() {
            Some((last, n)) if *last == item => *n += 1,
            _ => out.push((item, 1)),
        }
    }
    out
}

/// The 16-level index of `v` on a scale from 0 to `top`.
fn level(v: f32, top: f32) -> u8 {
    if top <= 0.0 {
        return 0;
    }
    let top_level = f32::from(LINK_LEVELS - 1);
    (v.clamp(0.0, top) / top * top_level).round() as u8
}

fn level_value(level: u8, top: f32) -> f32 {
    f32::from(level) * top / f32::from(LINK_LEVELS - 1)
}

/// `pixels` packed; `levels`: 16 grey levels (for a link) instead of every value.
pub fn pack(pixels: &Pixels, levels: bool) -> String {
    let mut out = vec![u8::from(!levels)];
    out.extend_from_slice(&(pixels.side as u16).to_le_bytes());
    if levels {
        let top = pixels.values.iter().fold(0.0f32, |m, &v| m.max(v));
        out.extend_from_slice(&top.to_le_bytes());
        for (l, n) in runs(pixels.values.iter().map(|&v| level(v, top))) {
            if n <= 15 {
                out.push((l << 4) | (n - 1) as u8);
            } else {
                out.push((l << 4) | 15);
                push_varint(&mut out, n - 16);
            }
        }
    } else {
        for (bits, n) in runs(pixels.values.iter().map(|v| v.to_bits())) {
            out.extend_from_slice(&bits.to_le_bytes());
            push_varint(&mut out, n - 1);
        }
    }
    to_base64url(&out)
}

/// The next `n` bytes.
fn take<'a>(it: &mut std::slice::Iter<'a, u8>, n: usize) -> Result<&'a [u8], String> {
    let rest = it.as_slice();
    if rest.len() < n {
        return Err("the image is cut short".into());
    }
    it.nth(n - 1);
    Ok(&rest[..n])
}

/// Undoes [`pack`]; an error says what is wrong with the text.
pub fn unpack(text: &str) -> Result<Pixels, String> {
    let bytes = from_base64url(text)?;
    let mut it = bytes.iter();
    let head = take(&mut it, 3)?;
    let side = usize::from(u16::from_le_bytes([head[1], head[2]]));
    if !SIDES.contains(&side) {
        return Err(format!("an image of side {side} cannot be painted here"));
    }
    let total = side * side;
    let mut values = Vec::with_capacity(total);
    let mut push = |value: f32, n: usize| -> Result<(), String> {
        if !value.is_finite() {
            return Err("a pixel is not a finite number".into());
        }
        if values.len() + n > total {
            return Err("the image has more pixels than its side allows".into());
        }
        values.resize(values.len() + n, value);
        Ok(())
    };
    match head[0] {
        0 => {
            let top = take(&mut it, 4)?;
            let top = f32::from_le_bytes([top[0], top[1], top[2], top[3]]);
            if !top.is_finite() || top < 0.0 {
                return Err("the image's brightest value is not usable".into());
            }
            while let Some(&b) = it.next() {
                let n = match b & 15 {
                    15 => 16 + read_varint(&mut it)?,
                    r => usize::from(r) + 1,
                };
                push(level_value(b >> 4, top), n)?;
            }
        }
        1 => {
            while !it.as_slice().is_empty() {
                let bits = take(&mut it, 4)?;
                let value = f32::from_le_bytes([bits[0], bits[1], bits[2], bits[3]]);
                let n = read_varint(&mut it)? + 1;
                push(value, n)?;
            }
        }
        mode => return Err(format!("unknown image format {mode}")),
    }
    if values.len() != total {
        return Err("the image is cut short".into());
    }
    Ok(Pixels { side, values })
}

/// `pixels` as a link shows them: each value on the nearest of 16 levels.
#[cfg(test)]
pub fn to_link_levels(pixels: &Pixels) -> Pixels {
    let top = pixels.values.iter().fold(0.0f32, |m, &v| m.max(v));
    Pixels {
        side: pixels.side,
        values: pixels
            .values
            .iter()
            .map(|&v| level_value(level(v, top), top))
            .collect(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    #[cfg(target_family = "wasm")]
    use wasm_bindgen_test::wasm_bindgen_test as test;

    fn stroke(side: usize) -> Pixels {
        let values = (0..side * side)
            .map(|i| {
                let (x, y) = ((i % side) as f32, (i / side) as f32);
                let d = (x - y * 0.7 - 5.0).abs();
                (3.0 - d).clamp(0.0, 1.0) * 0.93
            })
            .collect();
        Pixels { side, values }
    }

    #[test]
    fn every_value_survives_the_exact_packing() {
        for side in [7, 64, 512] {
            let image = stroke(side);
            assert_eq!(unpack(&pack(&image, false)).unwrap(), image);
        }
        let odd = Pixels {
            side: 7,
            values: (0..49).map(|k| (k as f32).sin() * 1e-7).collect(),
        };
        assert_eq!(unpack(&pack(&odd, false)).unwrap(), odd);
    }

    #[test]
    fn a_link_keeps_sixteen_levels_and_is_short() {
        let image = stroke(128);
        let packed = pack(&image, true);
        assert!(packed.len() < 1200, "{} characters", packed.len());
        let back = unpack(&packed).unwrap();
        assert_eq!(back, to_link_levels(&image));
        let distinct: std::collections::BTreeSet<u32> =
            back.values.iter().map(|v| v.to_bits()).collect();
        assert!(distinct.len() <= 16 && distinct.len() > 2, "{distinct:?}");
        for (a, b) in image.values.iter().zip(&back.values) {
            assert!((a - b).abs() <= 0.93 / 30.0 + 1e-6, "{a} vs {b}");
        }
        // A blank 512² canvas is a handful of characters.
        let blank = Pixels {
            side: 512,
            values: vec![0.0; 512 * 512],
        };
        assert!(pack(&blank, true).len() < 20);
        assert_eq!(unpack(&pack(&blank, true)).unwrap(), blank);
    }

    #[test]
    fn the_lecture_values_keep_their_levels() {
        let patch = Pixels {
            side: 7,
            values: nnp_core::conv::LECTURE_PATCH.to_vec(),
        };
        assert_eq!(unpack(&pack(&patch, true)).unwrap(), patch);
    }

    #[test]
    fn broken_images_are_refused() {
        let good = pack(&stroke(64), true);
        assert!(unpack(&good[..good.len() - 3]).is_err());
        assert!(unpack(&format!("{good}AAAA")).is_err());
        assert!(unpack("").is_err());
        assert!(unpack("BwAAAA").is_err(), "mode 7");
        let nan = Pixels {
            side: 7,
            values: vec![f32::NAN; 49],
        };
        assert!(unpack(&pack(&nan, false)).is_err());
        let wrong_side = to_base64url(&[1, 9, 0, 0, 0, 0, 0, 80]);
        assert!(unpack(&wrong_side).unwrap_err().contains("side 9"));
    }
}
