//! A square one-channel image packed into bytes, run-length encoded (strokes on black
//! compress very well); a screen turns the bytes into link text.
//!
//! Bytes: a mode (0: 16 grey levels, 1: exact `f32`), the side as `u16`, then runs until
//! every pixel is covered. In 16 levels a run is one byte, the level in the high nibble and
//! the length − 1 in the low one; 15 there means "16 + a varint that follows". The levels
//! span 0 to the image's largest value, written first as an exact `f32`, so the lecture's
//! values up to 50 survive as well as the brush's 0 to 1. Exactly, a run is the value's
//! `f32` bits and the length − 1 as a varint.

use std::fmt;

/// Grey levels the short packing keeps.
pub const PACK_LEVELS: u8 = 16;

/// A square one-channel image as it travels.
#[derive(Debug, Clone, PartialEq)]
pub struct Pixels {
    /// Number of rows, and of columns.
    pub side: usize,
    /// Row-major values.
    pub values: Vec<f32>,
}

/// Why bytes are not a packed image.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PackError {
    /// The bytes end before every pixel is known.
    CutShort,
    /// A varint run length needs more than 28 bits.
    RunTooLong,
    /// The side is not one the caller accepts.
    Side(usize),
    /// The 16-level scale's top is negative or not finite.
    BadTop,
    /// A pixel is NaN or infinite.
    NotFinite,
    /// The runs cover more pixels than `side²`.
    TooManyPixels,
    /// The first byte is neither 0 nor 1.
    Mode(u8),
}

impl fmt::Display for PackError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            PackError::CutShort => write!(f, "the image is cut short"),
            PackError::RunTooLong => write!(f, "a run of the image is too long"),
            PackError::Side(side) => write!(f, "an image of side {side} cannot be painted here"),
            PackError::BadTop => write!(f, "the image's brightest value is not usable"),
            PackError::NotFinite => write!(f, "a pixel is not a finite number"),
            PackError::TooManyPixels => {
                write!(f, "the image has more pixels than its side allows")
            }
            PackError::Mode(mode) => write!(f, "unknown image format {mode}"),
        }
    }
}

impl std::error::Error for PackError {}

fn push_varint(out: &mut Vec<u8>, mut n: usize) {
    while n >= 0x80 {
        out.push((n as u8 & 0x7f) | 0x80);
        n >>= 7;
    }
    out.push(n as u8);
}

fn read_varint(bytes: &mut std::slice::Iter<'_, u8>) -> Result<usize, PackError> {
    let mut n = 0usize;
    for shift in [0, 7, 14, 21] {
        let b = *bytes.next().ok_or(PackError::CutShort)?;
        n |= usize::from(b & 0x7f) << shift;
        if b & 0x80 == 0 {
            return Ok(n);
        }
    }
    Err(PackError::RunTooLong)
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
    let top_level = f32::from(PACK_LEVELS - 1);
    (v.clamp(0.0, top) / top * top_level).round() as u8
}

fn level_value(level: u8, top: f32) -> f32 {
    f32::from(level) * top / f32::from(PACK_LEVELS - 1)
}

fn brightest(pixels: &Pixels) -> f32 {
    pixels.values.iter().fold(0.0f32, |m, &v| m.max(v))
}

/// `pixels` packed; `levels`: 16 grey levels (short, for a link) instead of every value.
pub fn pack_pixels(pixels: &Pixels, levels: bool) -> Vec<u8> {
    let mut out = vec![u8::from(!levels)];
    out.extend_from_slice(&(pixels.side as u16).to_le_bytes());
    if levels {
        let top = brightest(pixels);
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
    out
}

/// The next `n` bytes.
fn take<'a>(it: &mut std::slice::Iter<'a, u8>, n: usize) -> Result<&'a [u8], PackError> {
    let rest = it.as_slice();
    if rest.len() < n {
        return Err(PackError::CutShort);
    }
    it.nth(n - 1);
    Ok(&rest[..n])
}

fn f32_at(bytes: &[u8]) -> f32 {
    f32::from_le_bytes([bytes[0], bytes[1], bytes[2], bytes[3]])
}

/// Undoes [`pack_pixels`] for an image whose side is one of `sides`; never panics, an
/// error says what is wrong with the bytes.
pub fn unpack_pixels(bytes: &[u8], sides: &[usize]) -> Result<Pixels, PackError> {
    let mut it = bytes.iter();
    let head = take(&mut it, 3)?;
    let side = usize::from(u16::from_le_bytes([head[1], head[2]]));
    if !sides.contains(&side) {
        return Err(PackError::Side(side));
    }
    let total = side * side;
    let mut values = Vec::with_capacity(total);
    let mut push = |value: f32, n: usize| -> Result<(), PackError> {
        if !value.is_finite() {
            return Err(PackError::NotFinite);
        }
        if values.len() + n > total {
            return Err(PackError::TooManyPixels);
        }
        values.resize(values.len() + n, value);
        Ok(())
    };
    match head[0] {
        0 => {
            let top = f32_at(take(&mut it, 4)?);
            if !top.is_finite() || top < 0.0 {
                return Err(PackError::BadTop);
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
                let value = f32_at(take(&mut it, 4)?);
                let n = read_varint(&mut it)? + 1;
                push(value, n)?;
            }
        }
        mode => return Err(PackError::Mode(mode)),
    }
    if values.len() != total {
        return Err(PackError::CutShort);
    }
    Ok(Pixels { side, values })
}

/// `pixels` as the 16-level packing brings them back: each value on the nearest of 16
/// levels from 0 to the brightest value.
pub fn to_pack_levels(pixels: &Pixels) -> Pixels {
    let top = brightest(pixels);
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
mod tests;
