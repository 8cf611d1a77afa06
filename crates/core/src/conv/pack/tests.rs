//! Round trips of both packings, and bytes that are not a packed image.

use super::*;
use crate::conv::LECTURE_PATCH;
use crate::rng::Rng;
#[cfg(target_family = "wasm")]
use wasm_bindgen_test::wasm_bindgen_test as test;

const SIDES: [usize; 5] = [7, 64, 128, 256, 512];

fn stroke(side: usize) -> Pixels {
    let values = (0..side * side)
        .map(|i| {
            let (col, row) = ((i % side) as f32, (i / side) as f32);
            let d = (col - row * 0.7 - 5.0).abs();
            (3.0 - d).clamp(0.0, 1.0) * 0.93
        })
        .collect();
    Pixels { side, values }
}

fn round_trip(pixels: &Pixels, levels: bool) -> Result<Pixels, PackError> {
    unpack_pixels(&pack_pixels(pixels, levels), &SIDES)
}

#[test]
fn every_value_survives_the_exact_packing() {
    for side in [7, 64, 512] {
        let image = stroke(side);
        assert_eq!(round_trip(&image, false), Ok(image));
    }
    let odd = Pixels {
        side: 7,
        values: (0..49).map(|k| (k as f32).sin() * 1e-7).collect(),
    };
    assert_eq!(round_trip(&odd, false), Ok(odd));
}

#[test]
fn sixteen_levels_are_kept_and_short() {
    let image = stroke(128);
    let packed = pack_pixels(&image, true);
    assert!(packed.len() < 900, "{} bytes", packed.len());
    let back = unpack_pixels(&packed, &SIDES).unwrap();
    assert_eq!(back, to_pack_levels(&image));
    let distinct: std::collections::BTreeSet<u32> =
        back.values.iter().map(|v| v.to_bits()).collect();
    assert!(distinct.len() <= 16 && distinct.len() > 2, "{distinct:?}");
    for (a, b) in image.values.iter().zip(&back.values) {
        assert!((a - b).abs() <= 0.93 / 30.0 + 1e-6, "{a} vs {b}");
    }
    // A blank 512² canvas is a handful of bytes: one long run of level 0.
    let blank = Pixels {
        side: 512,
        values: vec![0.0; 512 * 512],
    };
    assert!(pack_pixels(&blank, true).len() < 14);
    assert_eq!(round_trip(&blank, true), Ok(blank));
}

#[test]
fn the_lecture_values_keep_their_levels() {
    let patch = Pixels {
        side: 7,
        values: LECTURE_PATCH.to_vec(),
    };
    assert_eq!(round_trip(&patch, true), Ok(patch));
}

#[test]
fn the_bytes_are_laid_out_as_documented() {
    // Exact: mode 1, side 7 as u16, then one run of 49 zeros (bits 0, length − 1 = 48).
    let zeros = Pixels {
        side: 7,
        values: vec![0.0; 49],
    };
    assert_eq!(pack_pixels(&zeros, false), [1, 7, 0, 0, 0, 0, 0, 48]);
    // Levels: mode 0, side, top 0.0, then one run of level 0: low nibble 15 means 16 + a
    // varint, here 33.
    let packed = pack_pixels(&zeros, true);
    assert_eq!(packed[..7], [0, 7, 0, 0, 0, 0, 0]);
    assert_eq!(packed[7..], [0x0f, 33], "one run of 16 + 33 = 49 pixels");
}

#[test]
fn malformed_bytes_are_errors_not_panics() {
    let good = pack_pixels(&stroke(64), true);
    let unpack = |bytes: &[u8]| unpack_pixels(bytes, &SIDES);
    assert_eq!(unpack(&good[..good.len() - 2]), Err(PackError::CutShort));
    assert_eq!(unpack(&[]), Err(PackError::CutShort));
    assert_eq!(unpack(&[0, 7]), Err(PackError::CutShort));
    assert_eq!(
        unpack(&[0, 7, 0, 0, 0]),
        Err(PackError::CutShort),
        "top cut"
    );
    let mut longer = good.clone();
    longer.extend_from_slice(&[0x00, 0x00]);
    assert_eq!(unpack(&longer), Err(PackError::TooManyPixels));
    assert_eq!(unpack(&[7, 7, 0]), Err(PackError::Mode(7)));
    assert_eq!(unpack(&[1, 9, 0, 0, 0, 0, 0, 80]), Err(PackError::Side(9)));
    assert_eq!(unpack(&[1, 0xff, 0xff]), Err(PackError::Side(65535)));
    let nan = Pixels {
        side: 7,
        values: vec![f32::NAN; 49],
    };
    assert_eq!(unpack(&pack_pixels(&nan, false)), Err(PackError::NotFinite));
    let negative_top = [0, 7, 0, 0, 0, 0x80, 0xbf, 0x0f, 33];
    assert_eq!(unpack(&negative_top), Err(PackError::BadTop));
    let endless_varint = [1, 7, 0, 0, 0, 0, 0, 0xff, 0xff, 0xff, 0xff, 0x01];
    assert_eq!(unpack(&endless_varint), Err(PackError::RunTooLong));
    assert_eq!(
        unpack(&[1, 7, 0, 0, 0, 0]),
        Err(PackError::CutShort),
        "a value cut in half"
    );
    assert!(PackError::Side(9).to_string().contains("side 9"));
}

#[test]
fn random_and_damaged_bytes_never_panic() {
    let mut rng = Rng::seeded(3);
    let good = [
        pack_pixels(&stroke(7), true),
        pack_pixels(&stroke(7), false),
    ];
    for trial in 0..2000 {
        let bytes: Vec<u8> = if trial % 2 == 0 {
            let len = rng.index(40);
            (0..len).map(|_| rng.index(256) as u8).collect()
        } else {
            let mut bytes = good[trial / 2 % 2].clone();
            let at = rng.index(bytes.len());
            bytes[at] = rng.index(256) as u8;
            bytes.truncate(bytes.len() - rng.index(3));
            bytes
        };
        if let Ok(p) = unpack_pixels(&bytes, &SIDES) {
            assert_eq!(p.values.len(), p.side * p.side);
            assert!(p.values.iter().all(|v| v.is_finite()));
        }
    }
}
